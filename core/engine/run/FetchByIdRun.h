#pragma once

#include "engine/run/Run.h"

namespace Tributary {

// Named records fetched by id and applied by the normal applier, then the references still
// missing:
//   webhook           the records webhooks named, parents first; a 404 is a delete, applied by the
//                     reconciliation's rules (hard deletes are left to the next reconciliation)
//   quarantine retry  the quarantined records again (the source may have fixed them, or what they
//                     reference may exist now); one the source no longer has is forgotten
class FetchByIdRun : public Run
{
    Q_OBJECT
public:
    FetchByIdRun(Database &db, const Config &config, const SourceConfig &source, Source *impl, const RunRequest &request, QObject *parent = nullptr)
        : Run(db, config, source, impl, request, parent)
    {
    }

protected:
    void begin() override;

private:
    void fetchHinted();
    void applyHintedDeletes();
    void retryQuarantined();
    void resolveThenFinish();
    // Whether hints may delete `gone` more records of `entity` now (see the .cpp).
    bool withinDeleteBudget(const EntityConfig &entity, qsizetype gone, bool *allowed, Error *error);

    QHash<QString, QStringList> m_gone; // entity -> ids the source answered 404 for
};

} // namespace Tributary

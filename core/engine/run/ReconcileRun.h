#pragma once

#include "engine/run/Run.h"

namespace Tributary {

// A reconciliation: scan every id the source lists (IdScan, each entity in turn), fetch what
// polling missed (one by one, or by walking the entity when many are missing), then plan the
// deletes, confirm each by id (only a 404 deletes), and sweep, referencing entities first.
// Nothing is deleted before every entity was scanned completely, nor when the share of missing
// records is above max_delete_share. A resumed scan is swept, then scanned again from the start.
class ReconcileRun : public Run
{
    Q_OBJECT
public:
    ReconcileRun(Database &db, const Config &config, const SourceConfig &source, Source *impl, const RunRequest &request, QObject *parent = nullptr)
        : Run(db, config, source, impl, request, parent)
    {
    }

protected:
    void begin() override;

private:
    void nextScan();
    void fetchUnlinked();
    void catchUp();
    void planAndConfirm();
    void sweep();
    // Marks the scan done without deleting anything, so that the next reconciliation starts anew.
    bool abandonScan(Error *error);

    qint64 m_scan = 0;          // the scan number stamped on every id seen
    bool m_resumedScan = false; // m_scan was started by an earlier, interrupted run
    QList<const EntityConfig *> m_scanTodo;
    QList<RecordRef> m_unlinked;              // listed by the source, never linked: polling missed them
    QList<const EntityConfig *> m_catchUp;    // entities with too many unlinked ids for one-by-one fetches
    QHash<QString, QStringList> m_gone;       // entity -> ids confirmed gone (404) at the source
};

} // namespace Tributary

#pragma once

#include "config/Config.h"
#include "engine/Source.h"

#include <QObject>
#include <memory>

namespace Tributary {

class Database;
class LinkStore;
class ParkingLot;
class Statements;
class ConflictStore;
class PageWalker;

// Answers "is the main database correct?" for one source: walks everything the source has and
// compares it with the main database, record by record and field by field.
class Verifier : public QObject
{
    Q_OBJECT
public:
    struct EntityReport
    {
        QString entity;
        qint64 sourceRecords = 0;
        qint64 matching = 0;
        qint64 missing = 0;     // at the source, not (or no longer) in the main database
        qint64 extra = 0;       // linked in the main database, gone from the source
        qint64 different = 0;   // a field differs where no local edit explains it
        qint64 diverged = 0;    // differs because of a local edit or an adopted local row (kept by design)
        qint64 conflicts = 0;   // records with an open conflict
        qint64 invalid = 0;     // invalid at the source, held in quarantine with a reason
        QStringList examples;   // a few lines a person can check by hand
    };

    Verifier(Database &db, const Config &config, const SourceConfig &source, Source *impl, QObject *parent = nullptr);
    ~Verifier() override;

    void start();
    void stop();
    const QList<EntityReport> &reports() const { return m_reports; }
    const Error &error() const { return m_error; }
    bool isInSync() const;

    static constexpr int kExamples = 5;

Q_SIGNALS:
    void progress(const QString &entity, qint64 records);
    void finished();

private:
    void nextEntity();
    void onPage(const Page &page);
    void onWalkFinished(const Error &error);
    bool checkExtras(Error *error);
    void example(const QString &line);
    void done(const Error &error);

    Database &m_db;
    const Config &m_config;
    const SourceConfig &m_source;
    Source *m_impl;
    std::unique_ptr<Statements> m_statements;
    std::unique_ptr<LinkStore> m_links;
    std::unique_ptr<ParkingLot> m_parked;
    std::unique_ptr<ConflictStore> m_conflicts;
    QList<const EntityConfig *> m_todo;
    const EntityConfig *m_entity = nullptr;
    QList<EntityReport> m_reports;
    PageWalker *m_walker = nullptr;
    Error m_error;
    bool m_done = false;
};

} // namespace Tributary

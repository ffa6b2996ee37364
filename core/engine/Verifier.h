#pragma once

#include "config/Config.h"
#include "engine/Source.h"
#include "engine/run/WalkGuard.h"
#include "state/Position.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSqlQuery>
#include <functional>
#include <memory>
#include <optional>

namespace Tributary {

class Database;
class LinkStore;
class ParkingLot;
class Statements;
class ConflictStore;
class PageWalker;

// Answers "is the main database correct?" for one source: walks everything the source has and
// compares it with the main database, record by record and field by field. The walk is not
// trusted to be complete on its own word, since it pages through the source as a sync does and
// would share a sync's blind spots: every page is held to WalkGuard's invariants, the count is
// held against the source's own total and against the main database's linked rows, and where the
// source can list ids (an id scan) that listing is compared with what the walk reached. What
// could not be checked is reported as such; a missing record is reported with what will and will
// not bring it back.
class Verifier : public QObject
{
    Q_OBJECT
public:
    // One of the checks verify makes of an entity besides the record-by-record comparison.
    struct Check
    {
        enum class Kind {
            Walk,   // the walk kept every invariant and the source ended it at its total
            Total,  // the source's total against the walk and the main database's linked rows
            IdScan, // the source's id listing against what the walk reached
            Extras, // links the source no longer lists (needs a complete walk)
        };
        enum class Outcome { Passed, Failed, NotChecked };
        Kind kind = Kind::Walk;
        Outcome outcome = Outcome::Passed;
        QString text; // for people: the evidence, and for a failure what to change
    };

    struct EntityReport
    {
        QString entity;
        qint64 sourceRecords = 0; // records the walk read (one read twice counts twice)
        qint64 matching = 0;
        qint64 missing = 0;     // at the source, not (or no longer) in the main database
        qint64 extra = 0;       // linked in the main database, gone from the source
        qint64 different = 0;   // a field differs where no local edit explains it
        qint64 diverged = 0;    // differs because of a local edit or an adopted local row (kept by design)
        qint64 conflicts = 0;   // records with an open conflict
        qint64 invalid = 0;     // held in quarantine with a reason
        qint64 beforeStart = 0; // not imported by configuration: no link, changed before the source's start
        qint64 walkedIds = 0;   // distinct ids the walk reached
        qint64 sourceTotal = -1; // what the source counts; -1: it does not say
        qint64 linkedRows = -1;  // live rows of the main database linked to this entity; -1: not counted
        qint64 listedIds = -1;   // ids the id scan listed; -1: no id scan
        qint64 listedNotWalked = 0; // listed by the id scan, not reached by the walk
        qint64 walkedNotListed = 0; // reached by the walk, not listed by the id scan
        QList<Check> checks;
        QStringList examples;   // a few lines a person can check by hand

        const Check *check(Check::Kind kind) const;
        bool hasFailedCheck() const;
        int uncheckedCount() const;
    };

    Verifier(Database &db, const Config &config, const SourceConfig &source, Source *impl, QObject *parent = nullptr);
    ~Verifier() override;

    void start();
    void stop();
    const QList<EntityReport> &reports() const { return m_reports; }
    const Error &error() const { return m_error; }
    // No error, nothing missing, extra or different, and no check failed.
    bool isInSync() const;
    // How many checks could not run (reported, but not a failure).
    int uncheckedCount() const;

    static constexpr int kExamples = 5;
    // At most this many records the walk read and the id scan did not list are asked for by id
    // (deleted in between, they are no fault of the scan); more are reported as they are.
    static constexpr int kConfirmById = 20;

Q_SIGNALS:
    void progress(const QString &entity, qint64 records);
    void finished();

private:
    // A record at the source that is not in the main database; described at the entity's end,
    // when what would repair it is known (whether the walk and the id scan are complete).
    struct Absent
    {
        enum class Why {
            NotLinked,          // never applied
            Pending,            // waits for a record it references
            InvalidNotHeld,     // cannot be mapped, and not held in quarantine
            DeletedHere,        // a reconciliation deleted it; the source has it again
            RowDeleted,         // linked, but the main application deleted the row
        };
        Why why = Why::NotLinked;
        QString id;
        QString localId;
        QString value;       // the change field as the source sent it
        QString detail;      // InvalidNotHeld: "field: problem"
        bool walked = true;  // false: only the id scan listed it, and the walk should have reached it
    };
    enum class Reach { Reads, DoesNotRead, Unknown };

    void nextEntity();
    void onPage(const Page &page);
    void onWalkFinished(const Error &error);
    void walkChecked(qint64 freshTotal);
    void startIdScan();
    void onScanPage(const Page &page);
    void onScanFinished(const Error &error);
    void scanChecked(qint64 freshTotal);
    void finishEntity();
    // Asks the source for a fresh count; `then` gets it (-1: it could not count).
    void recount(const PageRequest &request, std::function<void(qint64)> then);
    // The id scan's listing against the walk's; asks the source by id about the few records the
    // walk read and the scan did not list, then finishes the entity.
    void compareListings();
    void confirmNext();
    bool checkExtras(Error *error);
    bool checkTotal(Error *error);
    void addCheck(Check::Kind kind, Check::Outcome outcome, const QString &text);
    void example(const QString &line);
    void absent(const Absent &a);
    QString describe(const Absent &a) const;
    Reach incrementalReach(const QString &id, const QString &value, QString *why) const;
    // A record with no link that changed before the source's start (start: now or a date) is
    // left out by every run (Applier::startBoundaryOf): not missing.
    bool isBeforeStart(const QString &value) const;
    void failWith(const Error &error); // ends verify with `error`, in the entity's context
    void done(const Error &error);

    Database &m_db;
    const Config &m_config;
    const SourceConfig &m_source;
    Source *m_impl;
    std::unique_ptr<Statements> m_statements;
    std::unique_ptr<LinkStore> m_links;
    std::unique_ptr<ParkingLot> m_parked;
    std::unique_ptr<ConflictStore> m_conflicts;
    QSqlQuery m_rowQuery; // a page's local rows, kept between pages
    QList<const EntityConfig *> m_todo;
    const EntityConfig *m_entity = nullptr;
    QList<EntityReport> m_reports;
    PageWalker *m_walker = nullptr;
    QPointer<PageJob> m_countJob;
    QPointer<RecordJob> m_recordJob;
    Error m_error;
    bool m_done = false;

    // The entity being verified.
    EntityCapabilities m_caps;
    Position m_cursor;                 // its incremental cursor, for what an incremental sync reads
    bool m_hasStart = false;           // the source starts "now" or at a date, and it applies here
    QDateTime m_startFrom;
    std::optional<WalkGuard> m_guard;  // the walk's, then the id scan's
    Error m_violation;                 // the guard's, when it stopped the walk or the scan
    bool m_walkComplete = false;
    bool m_scanComplete = false;
    int m_pages = 0;
    QDateTime m_walkStarted;           // the source's clock at the walk's first page
    QStringList m_confirmTodo;         // walked, not listed: to ask the source about
    QStringList m_stillThere;          // of those, the source still has (or could not say)
    qint64 m_goneSinceWalk = 0;        // of those, answered 404: deleted since the walk read them
    std::function<void()> m_afterConfirm;
    qint64 m_absentExplained = 0;      // not in the main database for a reason it records
    QStringList m_repeated;            // ids the walk read more than once (a few)
    qint64 m_repeats = 0;
    QList<Absent> m_absent;            // the first few, described at the entity's end
};

} // namespace Tributary

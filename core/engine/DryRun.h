#pragma once

#include "util/Error.h"

#include <QString>
#include <memory>

class QTemporaryDir;

namespace Tributary {

class Database;

// A throwaway main database for a dry run. The real Run runs on database() unchanged, so
// what a dry run counts is what the real code path would do; destroying the DryRun discards
// everything it wrote and leaves the main database exactly as it was.
//
//   auto dry = DryRun::open(mainDb, DryRun::Mode::Auto, &error);
//   auto run = Run::create(dry->database(), config, source, impl, request);   // then discard dry
//
// The main database's state tables need not be migrated: the throwaway one is, as a real run
// would find it after `Migrations::run`. See docs/decisions/0013-dry-run-on-a-throwaway-copy.md.
class DryRun
{
public:
    enum class Mode {
        Auto,       // Snapshot on SQLite, Transaction on PostgreSQL
        Snapshot,   // SQLite only: VACUUM INTO a temporary file next to the main database
        Transaction // a held transaction on the main connection, rolled back at the end
    };

    ~DryRun();
    DryRun(const DryRun &) = delete;
    DryRun &operator=(const DryRun &) = delete;

    // `main` must outlive the DryRun and, in Transaction mode, must not be used for anything
    // else meanwhile (everything it runs joins the transaction that is rolled back).
    static std::unique_ptr<DryRun> open(Database &main, Mode mode, Error *error);

    // Where the run writes: the copy, or the main connection with its transaction held.
    Database &database();
    // The mode in effect (never Auto).
    Mode mode() const { return m_mode; }
    static QString modeName(Mode mode);
    // Snapshot mode: the file the run writes to (removed with the DryRun); empty otherwise.
    QString snapshotPath() const { return m_path; }

private:
    DryRun() = default;

    Mode m_mode = Mode::Auto;
    Database *m_main = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_copy;
    QString m_path;
};

} // namespace Tributary

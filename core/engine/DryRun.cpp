#include "DryRun.h"

#include "state/Migrations.h"
#include "store/Database.h"
#include "util/Logging.h"
#include "util/Tr.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QTemporaryDir>

namespace Tributary {

namespace {

const QLatin1String kSnapshotName("dry-run.sqlite");

// What a copy of the database at `path` may need: the file and its write-ahead log (VACUUM INTO
// writes only live pages, so usually less).
qint64 copySizeBound(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

// A private directory for the copy: next to the main database (same filesystem, sized like it),
// else in the system's temporary directory. Null, with *error, when neither can hold it.
std::unique_ptr<QTemporaryDir> snapshotDir(const QString &mainPath, Error *error)
{
    const qint64 needed = copySizeBound(mainPath);
    QStringList tried;
    const QStringList places{QFileInfo(mainPath).absolutePath() + QStringLiteral("/.tributary-dry-run-XXXXXX"),
                             QDir::tempPath() + QStringLiteral("/tributary-dry-run-XXXXXX")};
    for (const QString &pattern : places) {
        auto dir = std::make_unique<QTemporaryDir>(pattern);
        const QString where = QFileInfo(pattern).absolutePath();
        if (!dir->isValid()) {
            tried.append(QStringLiteral("%1 (%2)").arg(where, dir->errorString()));
            continue;
        }
        const qint64 free = QStorageInfo(dir->path()).bytesAvailable();
        if (free >= 0 && free < needed) {
            tried.append(Tr::tr("%1 (%2 MiB free, the copy needs up to %3 MiB)")
                             .arg(where, QString::number(free / (1024 * 1024)), QString::number(needed / (1024 * 1024) + 1)));
            continue;
        }
        if (where != QFileInfo(mainPath).absolutePath())
            qCInfo(lcEngine).noquote() << QStringLiteral("dry run: the copy goes to %1: %2").arg(where, tried.join(QStringLiteral("; ")));
        return dir;
    }
    *error = Error(Error::Code::Database,
                   Tr::tr("a dry run needs room for a copy of the main database, and found none: %1").arg(tried.join(QStringLiteral("; "))));
    return nullptr;
}

} // namespace

DryRun::~DryRun()
{
    if (m_mode == Mode::Transaction && m_main)
        m_main->discardHeldTransaction();
    // The connection goes first, then the directory with the copy and its -wal and -shm files.
    m_copy.reset();
    m_dir.reset();
}

QString DryRun::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Auto: return QStringLiteral("auto");
    case Mode::Snapshot: return QStringLiteral("snapshot");
    case Mode::Transaction: return QStringLiteral("transaction");
    }
    return QString();
}

Database &DryRun::database()
{
    return m_copy ? *m_copy : *m_main;
}

std::unique_ptr<DryRun> DryRun::open(Database &main, Mode mode, Error *error)
{
    std::unique_ptr<DryRun> d(new DryRun);
    d->m_main = &main;
    d->m_mode = mode == Mode::Auto ? (main.isSqlite() ? Mode::Snapshot : Mode::Transaction) : mode;

    if (d->m_mode == Mode::Transaction) {
        if (!main.holdTransaction(error))
            return nullptr;
        // Migrating inside the held transaction: a main database not yet (or not fully) migrated
        // is seen as a real run would see it, and stays as it is.
        if (!Migrations::run(main, error))
            return nullptr; // the destructor rolls back
        qCInfo(lcEngine) << "dry run in a transaction that will be rolled back";
        return d;
    }

    if (!main.isSqlite()) {
        *error = Error(Error::Code::Config, Tr::tr("a snapshot dry run needs an SQLite main database; PostgreSQL uses a transaction"));
        return nullptr;
    }
    // The main database's file, whatever the configuration's relative path was resolved against.
    const QString mainPath = main.name();
    d->m_dir = snapshotDir(mainPath, error);
    if (!d->m_dir)
        return nullptr;
    d->m_path = d->m_dir->filePath(kSnapshotName);
    // VACUUM INTO reads one consistent snapshot of the main database without blocking its writers
    // (WAL), and writes a compact copy: the pages still in the write-ahead log are included.
    QSqlQuery q;
    if (!main.prepare(q, QStringLiteral("VACUUM INTO ?"), error))
        return nullptr;
    q.addBindValue(d->m_path);
    if (!main.exec(q, error)) {
        error->message = Tr::tr("cannot copy the main database to %1 for a dry run").arg(d->m_path);
        return nullptr;
    }
    q.finish();

    DatabaseConfig config = main.config();
    config.path = d->m_path;
    d->m_copy = Database::open(config, QFileInfo(d->m_path).absolutePath(), error);
    if (!d->m_copy || !Migrations::run(*d->m_copy, error))
        return nullptr;
    d->m_copy->setThrowaway(true);
    qCInfo(lcEngine).noquote() << QStringLiteral("dry run on a copy of the main database at %1 (%2 KiB)")
                                      .arg(d->m_path, QString::number(QFileInfo(d->m_path).size() / 1024));
    return d;
}

} // namespace Tributary

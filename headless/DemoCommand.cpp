// tributaryd demo: generates a main database and an external forum with the real forum-sim
// binary, serves the forum over loopback, syncs and verifies it through the same code paths as
// `tributaryd sync`, edits the forum and syncs again.

#include "ChildProcesses.h"
#include "CliCommon.h"
#include "Commands.h"
#include "Context.h"
#include "ExitCode.h"
#include "InitCommand.h"
#include "Progress.h"
#include "SignalWatcher.h"
#include "Tr.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>

namespace Tributary::Cli {

namespace {

// One HTTP call to the forum, waited for in a local event loop (the demo's own edits).
QJsonObject call(QNetworkAccessManager &nam, const QByteArray &verb, const QUrl &url, const QString &token, const QJsonObject &body,
                 int *status)
{
    const QByteArray answer = waitForReply(nam.sendCustomRequest(forumRequest(url, token), verb, QJsonDocument(body).toJson(QJsonDocument::Compact)),
                                           status);
    return QJsonDocument::fromJson(answer).object().value(QStringLiteral("data")).toObject();
}

// A fingerprint of the main application's own rows (ids up to the largest before the sync).
QString ownRowsDigest(Database &db, const QHash<QString, qint64> &maxIds)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    for (auto it = maxIds.constBegin(); it != maxIds.constEnd(); ++it) {
        QSqlQuery q(db.db());
        q.prepare(QStringLiteral("SELECT * FROM %1 WHERE id <= ? ORDER BY id").arg(db.quote(it.key())));
        q.addBindValue(it.value());
        q.exec();
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                h.addData(q.value(i).toString().toUtf8() + '\x1f');
        }
    }
    return QString::fromLatin1(h.result().toHex());
}

const QStringList kTables = {QStringLiteral("users"), QStringLiteral("sections"), QStringLiteral("topics"), QStringLiteral("messages")};

qint64 count(Database &db, const QString &sql)
{
    QSqlQuery q(db.db());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

int demoCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    QCommandLineOption dirOpt(QStringLiteral("dir"), Tr::tr("Where to put the demo files (default ./demo)."), QStringLiteral("DIR"),
                              QStringLiteral("demo"));
    QCommandLineOption messagesOpt(QStringLiteral("messages"), Tr::tr("Messages in the external forum (default 6000)."), QStringLiteral("N"),
                                   QStringLiteral("6000"));
    p.addOptions({dirOpt, messagesOpt});
    int parsed = ExitOk;
    if (!parse(p, QStringLiteral("demo"),
               Tr::tr("Makes a main database with its own data and an external Good Forum, serves the forum "
                      "with forum-sim on a free loopback port, syncs, verifies, edits the forum, syncs again."),
               arguments, &parsed))
        return parsed;
    const int messages = qMax(100, p.value(messagesOpt).toInt());
    QDir dir(p.value(dirOpt));
    if (!dir.mkpath(QStringLiteral("."))) {
        err << "tributaryd demo: " << Tr::tr("cannot create %1").arg(dir.absolutePath()) << "\n";
        return ExitFailed;
    }
    // Paths are shown (and handed to forum-sim) relative to where the demo was started, when they
    // are below it, so the printed commands can be pasted as they are.
    auto shown = [](const QString &path) {
        const QString relative = QDir::current().relativeFilePath(path);
        return relative.startsWith(QStringLiteral("..")) ? path : relative;
    };
    // Our programs as the printed commands call them: by name when PATH finds this very binary (the
    // installed package), else by their path (build/bin/tributaryd from the repository's root).
    auto program = [&shown](const QString &name) {
        const QString here = QDir(QCoreApplication::applicationDirPath()).filePath(name);
        const QString found = QStandardPaths::findExecutable(name);
        if (!found.isEmpty() && QFileInfo(found).canonicalFilePath() == QFileInfo(here).canonicalFilePath())
            return name;
        return shown(here);
    };
    const QString tributaryd = program(QStringLiteral("tributaryd"));
    const QString forumSim = program(QStringLiteral("forum-sim"));
    const QString mainDb = shown(dir.absoluteFilePath(QStringLiteral("main.sqlite")));
    const QString externalDb = shown(dir.absoluteFilePath(QStringLiteral("external.sqlite")));
    const QString configPath = shown(dir.absoluteFilePath(QStringLiteral("tributary.json")));
    for (const QString &f : {mainDb, externalDb}) {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(f + suffix);
    }

    out << "== " << Tr::tr("1. The main application's database, with its own users, sections, topics and messages") << "\n";
    QString said;
    if (!runForumSim({QStringLiteral("generate"), QStringLiteral("--db"), mainDb, QStringLiteral("--users"), QStringLiteral("300"),
                      QStringLiteral("--sections"), QStringLiteral("12"), QStringLiteral("--topics"), QStringLiteral("400"),
                      QStringLiteral("--messages"), QString::number(messages / 2), QStringLiteral("--seed"), QStringLiteral("7")},
                     err, &said))
        return ExitFailed;
    out << "   " << said << "\n";
    out << "== " << Tr::tr("2. The external Good Forum (its own id space; some e-mails and section titles also exist locally)") << "\n";
    if (!runForumSim({QStringLiteral("generate"), QStringLiteral("--db"), externalDb, QStringLiteral("--users"), QStringLiteral("500"),
                      QStringLiteral("--sections"), QStringLiteral("15"), QStringLiteral("--topics"), QStringLiteral("700"),
                      QStringLiteral("--messages"), QString::number(messages), QStringLiteral("--seed"), QStringLiteral("42")},
                     err, &said))
        return ExitFailed;
    out << "   " << said << "\n";

    const QString token = QStringLiteral("demo-%1").arg(QRandomGenerator::global()->generate64(), 0, 16);
    qputenv("TRIBUTARY_DEMO_TOKEN", token.toUtf8());
    ForumServer server;
    if (!server.start(externalDb, token, err))
        return ExitFailed;
    out << "== " << Tr::tr("3. forum-sim serves the external forum at %1 (bearer token required)").arg(server.url()) << "\n";

    InitOptions init;
    init.url = server.url();
    init.database = mainDb;
    init.tokenEnv = QStringLiteral("TRIBUTARY_DEMO_TOKEN");
    init.timestampFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss.ffffff"); // forum-sim's databases keep microseconds
    QString error;
    if (!writeForumConfig(init, configPath, &error)) {
        err << "tributaryd demo: " << error << "\n";
        return ExitFailed;
    }
    out << "   " << Tr::tr("configuration written by '%1': %2").arg(QStringLiteral("tributaryd init --preset forum"), configPath) << "\n";

    int code = ExitOk;
    auto ctx = Context::open(configPath, err, &code);
    if (!ctx)
        return code;
    Database &db = ctx->database();
    QHash<QString, qint64> maxIds;
    QStringList counts;
    for (const QString &t : kTables) {
        maxIds.insert(t, count(db, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM %1").arg(t)));
        counts.append(QStringLiteral("%1 %2").arg(t).arg(count(db, QStringLiteral("SELECT COUNT(*) FROM %1").arg(t))));
    }
    //: %1: each table of the main database with its row count, e.g. "users 300 sections 12".
    out << "   " << Tr::tr("main database before the sync: %1").arg(counts.join(QLatin1Char(' '))) << "\n";
    const QString before = ownRowsDigest(db, maxIds);

    SignalWatcher watcher;
    Progress progress(out, err, Progress::stderrIsTerminal());
    const auto sources = ctx->sources(QString(), err, &code);
    out << "\n== " << Tr::tr("4. First sync: everything the forum has") << "\n";
    out.flush();
    code = ctx->sync(sources, RunRequest::incremental(), progress, &watcher);
    counts.clear();
    for (const QString &t : kTables)
        counts.append(QStringLiteral("%1 %2").arg(t).arg(count(db, QStringLiteral("SELECT COUNT(*) FROM %1").arg(t))));
    out << "   " << Tr::tr("main database after the sync: %1").arg(counts.join(QLatin1Char(' '))) << "\n";
    out << "\n== " << Tr::tr("5. Verify: every external record, field and reference against the main database") << "\n";
    out.flush();
    code = qMax(code, ctx->verify(sources, out, err, &watcher) == ExitOk ? 0 : ExitDifferent);

    out << "\n== " << Tr::tr("6. Changes at the forum: a message and a topic edited, a reply posted") << "\n";
    QNetworkAccessManager nam;
    int status = 0;
    const QString base = server.url();
    const QJsonObject edited = call(nam, "PATCH", QUrl(base + QStringLiteral("/messages/1")), token,
                                    {{QStringLiteral("content"), QStringLiteral("Edited at the forum while Tributary was watching.")}}, &status);
    out << "   PATCH /messages/1 -> " << status << "\n";
    call(nam, "PATCH", QUrl(base + QStringLiteral("/topics/2")), token, {{QStringLiteral("title"), QStringLiteral("Renamed at the forum")}}, &status);
    out << "   PATCH /topics/2 -> " << status << "\n";
    const QJsonObject posted = call(nam, "POST", QUrl(base + QStringLiteral("/messages")), token,
                                    {{QStringLiteral("topic_id"), edited.value(QStringLiteral("topic_id"))},
                                     {QStringLiteral("user_id"), edited.value(QStringLiteral("user_id"))},
                                     {QStringLiteral("parent_id"), 1},
                                     {QStringLiteral("content"), QStringLiteral("A reply posted at the forum.")}},
                                    &status);
    out << "   POST /messages -> " << status << " "
        << Tr::tr("(new message %1, a reply to message 1)").arg(QString::number(posted.value(QStringLiteral("id")).toInteger())) << "\n";

    out << "\n== " << Tr::tr("7. Incremental sync: only what changed is fetched") << "\n";
    out.flush();
    code = qMax(code, ctx->sync(sources, RunRequest::incremental(), progress, &watcher));
    out << "\n== " << Tr::tr("8. Verify again") << "\n";
    out.flush();
    const int verified = ctx->verify(sources, out, err, &watcher);
    if (verified != ExitOk)
        code = qMax(code, verified);
    const QString after = ownRowsDigest(db, maxIds);
    out << "\n   "
        << (before == after ? Tr::tr("The main application's own rows are unchanged (digest %1).")
                            : Tr::tr("The main application's own rows are CHANGED (this is a bug) (digest %1)."))
               .arg(after.left(12))
        << "\n";
    if (before != after)
        code = qMax(code, int(ExitDifferent));

    const QList<QPair<QString, QString>> files{
        {Tr::tr("main database:"), mainDb}, {Tr::tr("external forum:"), externalDb}, {Tr::tr("configuration:"), configPath}};
    qsizetype width = 18;
    for (const auto &[label, path] : files)
        width = qMax(width, label.size());
    out << "\n== " << Tr::tr("Files") << "\n";
    for (const auto &[label, path] : files)
        out << "   " << label.leftJustified(width) << " " << path << "\n";
    out << "\n== " << Tr::tr("Try it yourself (the demo stopped its forum-sim; this serves it again on the same port)") << "\n"
        << "   " << tributaryd << " status --config " << configPath << "\n"
        << "   " << forumSim << " serve --db " << externalDb << " --port " << QUrl(server.url()).port() << " --token " << token << " &\n"
        << "   export TRIBUTARY_DEMO_TOKEN=" << token << "\n"
        << "   " << tributaryd << " sync --config " << configPath << "\n"
        << "   " << tributaryd << " verify --config " << configPath << "\n";
    out.flush();
    server.stop();
    return code;
}

} // namespace Tributary::Cli

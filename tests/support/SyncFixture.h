#pragma once

#include "MainDatabase.h"
#include "TributarydProcess.h"

#include "config/Config.h"
#include "engine/run/Run.h"
#include "engine/Verifier.h"
#include "forum-sim/ForumGenerator.h"
#include "forum-sim/ForumSimThread.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <memory>

namespace Tributary {
class Database;
class Source;
}

namespace Tributary::Test {

// Runs one sync (or verify) of `source` and waits for it; shared by every end-to-end test.
RunResult runSync(Database &db, const Config &config, const SourceConfig &source, QNetworkAccessManager *nam,
                  const RunRequest &options = RunRequest());
QList<Verifier::EntityReport> runVerify(Database &db, const Config &config, const SourceConfig &source,
                                        QNetworkAccessManager *nam, bool *inSync, Error *error = nullptr);

// A sync scenario in a temporary directory: a main database and an external forum made by the
// real generator, the forum served by forum-sim over loopback, a configuration made from the
// forum preset. Tests read like stories: seed, change things on either side, sync, expect.
// Generator options in one line: forum(users, sections, topics, messages, seed).
ForumGeneratorOptions forum(int users, int sections, int topics, int messages, quint64 seed);
// Edits the first source object of a configuration (for configure()'s `edit`).
void editSource(QJsonObject &root, const std::function<void(QJsonObject &source)> &edit);
// Sets rest.pagination.page_size of a source object.
void setPageSize(QJsonObject &source, int size);
// configure()'s `edit` that sets the first source's page size.
std::function<void(QJsonObject &root)> pageSize(int size);
// Maps `column` of the first source's entity `entity` as `mapping` ({"field": ..., "type": ...}),
// in place of what it was (for configure()'s `edit`).
void setColumn(QJsonObject &root, const QString &entity, const QString &column, const QJsonObject &mapping);
// Appends a copy of the first source object under another name, reading another forum (for
// configure()'s `edit`): two sources of the same kind feeding one main database.
void addSourceCopy(QJsonObject &root, const QString &name, const QUrl &baseUrl);

class SyncFixture;

// One operation in the main database's outbox, as the capture triggers put it there and a push
// may have left it (refused, tried, with the source's answer); for queueOutbox().
struct OutboxRow
{
    QString entity = QStringLiteral("topics");
    QString table = QStringLiteral("topics");
    QString localId;
    QString state = QStringLiteral("pending");
    int attempts = 0;
    QString lastError;
    QString madeAt = QStringLiteral("2026-01-02T03:04:05.000Z");
    QString nextAttemptAt;
    bool inDoubt = false; // a create sent without an answer (a key and a sent time)
    QString source = QStringLiteral("forum");
};
// Inserts `row` into tributary_outbox through the fixture's own connection; its id, or 0.
qint64 queueOutbox(SyncFixture &f, const OutboxRow &row);

class SyncFixture
{
public:
    SyncFixture();
    ~SyncFixture();

    QString path(const QString &name) const { return m_dir.filePath(name); }
    // The main database's file on SQLite (suites that open it directly run on SQLite only).
    QString mainDb() const { return path(QStringLiteral("main.sqlite")); }
    const MainDatabase &mainDatabase() const { return *m_main; }
    QString externalDb() const { return path(QStringLiteral("external.sqlite")); }

    bool generateMain(const ForumGeneratorOptions &options);
    bool generateExternal(const ForumGeneratorOptions &options);
    bool startForum(const QString &token = QStringLiteral("test-token"), const ForumFaults &faults = ForumFaults(), quint64 seed = 1,
                    int churn = 0);
    // With options made by the test (webhooks, a fixed port to restart on); an empty dbPath is
    // the external database.
    bool startForum(ForumSimOptions options);
    QUrl forumUrl() const { return m_forum.baseUrl(); }
    ForumWebhookStats forumWebhookStats() const { return m_forum.webhookStats(); }
    void stopForum() { m_forum.stop(); }
    qint64 forumRequests() const { return m_forum.requestCount(); }

    // A second forum for scenarios with several sources: its own generated database and its own
    // forum-sim on another port, with the first forum's token (start the first one before).
    QString secondExternalDb() const { return path(QStringLiteral("external-2.sqlite")); }
    bool generateSecondExternal(const ForumGeneratorOptions &options);
    bool startSecondForum();
    QUrl secondForumUrl() const { return m_secondForum.baseUrl(); }
    bool writeSecondForum(const QString &sql);

    // The forum preset pointed at the running forum; `edit` may change the JSON before loading.
    bool configure(const std::function<void(QJsonObject &root)> &edit = nullptr);
    const Config &config() const { return m_config; }
    Database &db();
    QString configPath() const { return path(QStringLiteral("tributary.json")); }

    RunResult sync(const RunRequest &options = RunRequest(), const QString &source = QString());
    QList<Verifier::EntityReport> verify(bool *inSync, Error *error = nullptr, const QString &source = QString());

    // Writes straight into the forum's own database, as the forum itself (or a migration at the
    // source) would: for data its API refuses to make, and for changes at an exact instant.
    bool writeForum(const QString &sql);

    // The forum's own write API, as the forum's users would change things.
    QJsonObject forumCall(const QByteArray &verb, const QString &path, const QJsonObject &body = {}, int *status = nullptr);

    // The first column of the first row; kQueryFailed (and a warning naming the error) when the
    // query fails or answers no row.
    qint64 scalar(const QString &sql, const QVariantList &binds = {});
    static constexpr qint64 kQueryFailed = -999999999;
    QVariant value(const QString &sql, const QVariantList &binds = {});
    // Local id linked to an external record, or an empty string.
    QString localId(const QString &entity, const QString &externalId, const QString &source = QStringLiteral("forum"));
    // SHA-1 over every row of the table with id <= maxId: the main application's own rows.
    QString digest(const QString &table, qint64 maxId);

    QString token() const { return m_token; }

    // Runs the real tributaryd on this fixture's configuration (--config is appended) with the
    // forum's token in its environment, plus `env`; *out gets stdout and stderr. Exit status.
    int tributaryd(const QStringList &args, QString *out, const Environment &env = {}) const;

    // What the main database holds for this source, in the source's id space: every linked row
    // with its mapped values and its references written as external ids, one line per record,
    // sorted. Two databases synced from the same source compare equal exactly when they hold
    // the same records, whatever local ids they were given.
    QString contentInSourceTerms(const QString &source = QStringLiteral("forum"));

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainDatabase> m_main; // SQLite or PostgreSQL, as the test run asks
    ForumSimThread m_forum;
    ForumSimThread m_secondForum;
    QString m_token;
    Config m_config;
    std::unique_ptr<Database> m_db;
    QNetworkAccessManager m_nam;
};

} // namespace Tributary::Test

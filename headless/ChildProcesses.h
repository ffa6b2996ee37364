#pragma once

#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTextStream>

#include <functional>

// What demo, bench and bench --latency share: forum-sim as a child process (generating forums,
// serving one over loopback), the environment of child tributaryd processes, requests to the
// forum's API and edits to a written configuration.
namespace Tributary::Cli {

// forum-sim next to this executable.
QString forumSimPath();

// Runs forum-sim to the end; its output (trimmed) in *output. On failure the output is printed.
bool runForumSim(const QStringList &args, QTextStream &err, QString *output = nullptr);

// forum-sim generate --force: a forum of this size, seeded. Zero everywhere: an empty main
// database with the application's schema.
struct ForumSize
{
    qint64 users = 0;
    qint64 sections = 0;
    qint64 topics = 0;
    qint64 messages = 0;

    qint64 records() const { return users + sections + topics + messages; }
};
bool generateForum(const QString &db, const ForumSize &size, quint64 seed, QTextStream &err, QString *output = nullptr);

// A forum-sim server in a child process, on a free loopback port.
class ForumServer
{
public:
    ~ForumServer() { stop(); }

    // `extra`: more `forum-sim serve` options (webhooks, faults, churn).
    bool start(const QString &db, const QString &token, QTextStream &err, const QStringList &extra = {});
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QString url() const { return m_url; } // the API's base URL, .../api/v1

private:
    QProcess m_process;
    QString m_url;
};

// The environment of a child tributaryd whose output is read: the source language, whatever the
// user's, so the summaries it prints can be matched.
QProcessEnvironment childEnvironment();

// A JSON request to the forum's API with its bearer token and a transfer timeout.
QNetworkRequest forumRequest(const QUrl &url, const QString &token);

// Waits for `reply` in a local event loop and releases it: its body, its HTTP status in *status
// (0 when there was no answer). For one request at a time, when nothing else is under way.
QByteArray waitForReply(QNetworkReply *reply, int *status);

// Reads a configuration written by writeForumConfig(), lets `edit` change its first source (or
// the root object, sources added to its list included), and writes it back. False with *error when the file cannot be read or written.
bool editConfig(const QString &configPath, const std::function<void(QJsonObject &root, QJsonObject &source)> &edit, QString *error);

} // namespace Tributary::Cli

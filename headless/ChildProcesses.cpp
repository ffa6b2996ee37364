#include "ChildProcesses.h"

#include "Tr.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace Tributary::Cli {

// forum-sim lives next to tributaryd: build/bin in the build tree, the same bin directory once
// installed (/usr/bin from the package).
QString forumSimPath() { return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("forum-sim")); }

bool runForumSim(const QStringList &args, QTextStream &err, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(forumSimPath(), args);
    if (!p.waitForStarted(10000)) {
        err << Tr::tr("cannot start %1: %2").arg(forumSimPath(), p.errorString()) << "\n";
        return false;
    }
    p.waitForFinished(-1);
    const QString text = QString::fromUtf8(p.readAll());
    if (output)
        *output = text.trimmed();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        err << Tr::tr("forum-sim %1 failed:").arg(args.join(QLatin1Char(' '))) << "\n" << text << "\n";
        return false;
    }
    return true;
}

bool generateForum(const QString &db, const ForumSize &size, quint64 seed, QTextStream &err, QString *output)
{
    return runForumSim({QStringLiteral("generate"), QStringLiteral("--force"), QStringLiteral("--db"), db, QStringLiteral("--users"),
                        QString::number(size.users), QStringLiteral("--sections"), QString::number(size.sections), QStringLiteral("--topics"),
                        QString::number(size.topics), QStringLiteral("--messages"), QString::number(size.messages), QStringLiteral("--seed"),
                        QString::number(seed)},
                       err, output);
}

bool ForumServer::start(const QString &db, const QString &token, QTextStream &err, const QStringList &extra)
{
    QStringList args{QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--port"), QStringLiteral("0")};
    if (!token.isEmpty())
        args << QStringLiteral("--token") << token;
    args << extra;
    m_process.start(forumSimPath(), args);
    QElapsedTimer t;
    t.start();
    static const QRegularExpression re(QStringLiteral("listening on (\\S+)"));
    QByteArray seen;
    while (t.elapsed() < 30000 && m_process.state() != QProcess::NotRunning) {
        m_process.waitForReadyRead(500);
        seen += m_process.readAllStandardOutput();
        const auto m = re.match(QString::fromUtf8(seen));
        if (m.hasMatch()) {
            m_url = m.captured(1);
            return true;
        }
    }
    err << Tr::tr("forum-sim did not start: %1").arg(QString::fromUtf8(seen + m_process.readAllStandardError())) << "\n";
    return false;
}

void ForumServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000))
        m_process.kill();
    m_process.waitForFinished(5000);
}

QProcessEnvironment childEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TRIBUTARY_LANGUAGE"), QStringLiteral("en"));
    return env;
}

QNetworkRequest forumRequest(const QUrl &url, const QString &token)
{
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    req.setTransferTimeout(30000);
    return req;
}

QByteArray waitForReply(QNetworkReply *reply, int *status)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (reply->isRunning())
        loop.exec();
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

bool editConfig(const QString &configPath, const std::function<void(QJsonObject &root, QJsonObject &source)> &edit, QString *error)
{
    QFile in(configPath);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("cannot read %1: %2").arg(configPath, in.errorString());
        return false;
    }
    QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
    in.close();
    QJsonObject source = root.value(QStringLiteral("sources")).toArray().at(0).toObject();
    edit(root, source);
    // The edit may have added sources to the root's list; the first is the one it edited.
    QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
    sources.replace(0, source);
    root.insert(QStringLiteral("sources"), sources);
    QSaveFile out(configPath);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 || !out.commit()) {
        *error = Tr::tr("cannot write %1: %2").arg(configPath, out.errorString());
        return false;
    }
    return true;
}

} // namespace Tributary::Cli

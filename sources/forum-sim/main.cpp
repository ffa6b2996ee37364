// forum-sim: generates Good Forum databases and serves them through the forum's external API.

#include "forum-sim/ForumGenerator.h"
#include "forum-sim/ForumLogging.h"
#include "forum-sim/ForumOAuth.h"
#include "forum-sim/ForumRateLimit.h"
#include "forum-sim/ForumSimServer.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace Tributary;

namespace {

int s_signalFds[2] = {-1, -1};

// Only async-signal-safe work here: the event loop picks the byte up and quits.
void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(s_signalFds[0], &byte, 1);
}

void installSignalHandlers(QCoreApplication *app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalFds) != 0)
        return;
    auto *notifier = new QSocketNotifier(s_signalFds[1], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [notifier] {
        notifier->setEnabled(false);
        char byte;
        [[maybe_unused]] const ssize_t n = ::read(s_signalFds[1], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &sa, nullptr);
    ::sigaction(SIGINT, &sa, nullptr);
}

int fail(const QString &message, int code = 1)
{
    std::fprintf(stderr, "forum-sim: %s\n", qUtf8Printable(message));
    return code;
}

template <typename T>
bool parseNumber(const QCommandLineParser &p, const QString &name, T *out, T min, T max)
{
    if (!p.isSet(name))
        return true;
    bool ok = false;
    const double v = p.value(name).toDouble(&ok);
    if (!ok || v < double(min) || v > double(max)) {
        fail(QStringLiteral("invalid --%1: %2").arg(name, p.value(name)));
        return false;
    }
    *out = T(v);
    return true;
}

int runGenerate(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Generate a forum database deterministically."));
    p.addHelpOption();
    p.addOptions({{QStringLiteral("db"), QStringLiteral("Database file to create."), QStringLiteral("path")},
                  {QStringLiteral("users"), QStringLiteral("Number of users (1000)."), QStringLiteral("n")},
                  {QStringLiteral("sections"), QStringLiteral("Number of sections (30)."), QStringLiteral("n")},
                  {QStringLiteral("topics"), QStringLiteral("Number of topics (2000)."), QStringLiteral("n")},
                  {QStringLiteral("messages"), QStringLiteral("Number of messages (20000)."), QStringLiteral("n")},
                  {QStringLiteral("seed"), QStringLiteral("Random seed (1)."), QStringLiteral("s")},
                  {QStringLiteral("force"), QStringLiteral("Replace an existing file.")}});
    p.process(args);
    if (!p.isSet(QStringLiteral("db")))
        return fail(QStringLiteral("generate needs --db PATH"), 2);
    ForumGeneratorOptions o;
    const int maxRows = 100000000;
    if (!parseNumber(p, QStringLiteral("users"), &o.users, 0, maxRows)
        || !parseNumber(p, QStringLiteral("sections"), &o.sections, 0, maxRows)
        || !parseNumber(p, QStringLiteral("topics"), &o.topics, 0, maxRows)
        || !parseNumber(p, QStringLiteral("messages"), &o.messages, 0, maxRows))
        return 2;
    if (p.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        o.seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("invalid --seed"), 2);
    }
    o.replace = p.isSet(QStringLiteral("force"));
    ForumGenerator generator(o);
    QString error;
    const QString path = p.value(QStringLiteral("db"));
    if (!generator.generate(path, &error))
        return fail(error);
    std::printf("%s\n", qUtf8Printable(generator.summary().toString(path, o.seed)));
    std::fflush(stdout);
    return 0;
}

int runServe(QCoreApplication &app, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Serve a forum database through the Good Forum API."));
    p.addHelpOption();
    p.addOptions({{QStringLiteral("db"), QStringLiteral("Forum database to serve."), QStringLiteral("path")},
                  {QStringLiteral("host"), QStringLiteral("Address to listen on (127.0.0.1)."), QStringLiteral("ip")},
                  {QStringLiteral("port"), QStringLiteral("Port; 0 picks a free one (8080)."), QStringLiteral("port")},
                  {QStringLiteral("token"), QStringLiteral("Require Authorization: Bearer TOKEN."), QStringLiteral("token")},
                  {QStringLiteral("seed"), QStringLiteral("Seed of every fault and churn decision (1)."), QStringLiteral("s")},
                  {QStringLiteral("latency"), QStringLiteral("Mean added latency in ms (+/-50%)."), QStringLiteral("ms")},
                  {QStringLiteral("error-rate"), QStringLiteral("Share of 500/502/503 answers."), QStringLiteral("p")},
                  {QStringLiteral("rate-limit"), QStringLiteral("Requests in any one second before 429 (shared by every mounted forum)."),
                   QStringLiteral("n")},
                  {QStringLiteral("rate-limit-headers"),
                   QStringLiteral("Rate headers on answers: x (X-RateLimit-*, default), ietf (RateLimit-*), none (Retry-After on 429 only)."),
                   QStringLiteral("style")},
                  {QStringLiteral("mount"),
                   QStringLiteral("Also serve the forum database PATH at /NAME/api/v1 (repeatable): many forums behind one host."),
                   QStringLiteral("name=path")},
                  {QStringLiteral("malformed-rate"), QStringLiteral("Share of invalid or truncated bodies."), QStringLiteral("p")},
                  {QStringLiteral("hang-rate"), QStringLiteral("Share of requests never answered."), QStringLiteral("p")},
                  {QStringLiteral("churn"), QStringLiteral("Random changes per second: edits, new messages, deletes, bulk edits."),
                   QStringLiteral("n")},
                  {QStringLiteral("webhook"), QStringLiteral("POST a signed notification of every change to URL (repeatable)."),
                   QStringLiteral("url")},
                  {QStringLiteral("webhook-secret"), QStringLiteral("Secret that signs webhook notifications."), QStringLiteral("s")},
                  {QStringLiteral("webhook-drop"), QStringLiteral("Share of webhook notifications dropped."), QStringLiteral("p")},
                  {QStringLiteral("webhook-dup"), QStringLiteral("Share of webhook notifications sent twice."), QStringLiteral("p")},
                  {QStringLiteral("max-per-page"), QStringLiteral("Serve at most N records per page, whatever per_page asks (a silent cap)."),
                   QStringLiteral("n")},
                  {QStringLiteral("ignore-since"), QStringLiteral("Accept updated_since and ignore it (every listing is complete).")},
                  {QStringLiteral("echo-auth"), QStringLiteral("Quote the Authorization header in 401 answers.")},
                  {QStringLiteral("oauth-token-lifetime"),
                   QStringLiteral("Serve OAuth 2.0 at /oauth/token (client_credentials, refresh_token) and /oauth/revoke; the API "
                                  "accepts only access tokens issued there, for S seconds."),
                   QStringLiteral("s")},
                  {QStringLiteral("oauth-client-id"), QStringLiteral("OAuth client id (forum-sim)."), QStringLiteral("id")},
                  {QStringLiteral("oauth-client-secret"), QStringLiteral("OAuth client secret; none: a public client."),
                   QStringLiteral("secret")},
                  {QStringLiteral("oauth-refresh-token"), QStringLiteral("A refresh token valid from the start."), QStringLiteral("token")},
                  {QStringLiteral("oauth-rotate"), QStringLiteral("Each refresh answers a new refresh token; the old one stops working.")}});
    p.process(args);
    if (!p.isSet(QStringLiteral("db")))
        return fail(QStringLiteral("serve needs --db PATH"), 2);
    ForumSimOptions o;
    o.dbPath = p.value(QStringLiteral("db"));
    if (p.isSet(QStringLiteral("host")))
        o.host = p.value(QStringLiteral("host"));
    o.port = 8080;
    o.token = p.value(QStringLiteral("token"));
    if (!parseNumber(p, QStringLiteral("port"), &o.port, quint16(0), quint16(65535))
        || !parseNumber(p, QStringLiteral("latency"), &o.faults.latencyMs, 0, 600000)
        || !parseNumber(p, QStringLiteral("error-rate"), &o.faults.errorRate, 0.0, 1.0)
        || !parseNumber(p, QStringLiteral("rate-limit"), &o.faults.rateLimit, 0, 1000000)
        || !parseNumber(p, QStringLiteral("malformed-rate"), &o.faults.malformedRate, 0.0, 1.0)
        || !parseNumber(p, QStringLiteral("hang-rate"), &o.faults.hangRate, 0.0, 1.0)
        || !parseNumber(p, QStringLiteral("churn"), &o.churn, 0, 100000)
        || !parseNumber(p, QStringLiteral("webhook-drop"), &o.webhookDropRate, 0.0, 1.0)
        || !parseNumber(p, QStringLiteral("webhook-dup"), &o.webhookDuplicateRate, 0.0, 1.0)
        || !parseNumber(p, QStringLiteral("max-per-page"), &o.maxPerPage, 0, 1000))
        return 2;
    if (p.isSet(QStringLiteral("rate-limit-headers"))
        && !ForumRateLimit::parseHeaders(p.value(QStringLiteral("rate-limit-headers")), &o.rateLimitHeaders))
        return fail(QStringLiteral("invalid --rate-limit-headers: expected x, ietf or none"), 2);
    static const QRegularExpression mountName(QStringLiteral("^[A-Za-z0-9_-]+$"));
    for (const QString &value : p.values(QStringLiteral("mount"))) {
        const int eq = value.indexOf(QLatin1Char('='));
        const QString name = value.left(eq);
        if (eq <= 0 || !mountName.match(name).hasMatch() || name == QLatin1String("api") || eq + 1 >= value.size())
            return fail(QStringLiteral("invalid --mount %1: expected NAME=PATH, NAME of letters, digits, '-' and '_' (not \"api\")").arg(value), 2);
        o.mounts.append({name, value.mid(eq + 1)});
    }
    o.ignoreSince = p.isSet(QStringLiteral("ignore-since"));
    o.echoAuth = p.isSet(QStringLiteral("echo-auth"));
    if (p.isSet(QStringLiteral("oauth-token-lifetime"))) {
        ForumOAuth::Settings oauth;
        if (!parseNumber(p, QStringLiteral("oauth-token-lifetime"), &oauth.tokenLifetimeS, 1, 365 * 86400))
            return 2;
        if (!o.token.isEmpty())
            return fail(QStringLiteral("--token and --oauth-token-lifetime exclude each other"), 2);
        if (p.isSet(QStringLiteral("oauth-client-id")))
            oauth.clientId = p.value(QStringLiteral("oauth-client-id"));
        oauth.clientSecret = p.value(QStringLiteral("oauth-client-secret"));
        oauth.refreshToken = p.value(QStringLiteral("oauth-refresh-token"));
        oauth.rotateRefreshTokens = p.isSet(QStringLiteral("oauth-rotate"));
        if (oauth.clientSecret.isEmpty() && oauth.refreshToken.isEmpty())
            return fail(QStringLiteral("--oauth-token-lifetime needs --oauth-client-secret or --oauth-refresh-token"), 2);
        o.oauth = std::make_shared<ForumOAuth>(oauth);
    } else if (p.isSet(QStringLiteral("oauth-client-id")) || p.isSet(QStringLiteral("oauth-client-secret"))
               || p.isSet(QStringLiteral("oauth-refresh-token")) || p.isSet(QStringLiteral("oauth-rotate"))) {
        return fail(QStringLiteral("the --oauth-* options need --oauth-token-lifetime S"), 2);
    }
    for (const QString &value : p.values(QStringLiteral("webhook"))) {
        const QUrl url(value, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) || url.host().isEmpty())
            return fail(QStringLiteral("invalid --webhook: %1").arg(value), 2);
        o.webhookUrls.append(url);
    }
    o.webhookSecret = p.value(QStringLiteral("webhook-secret")).toUtf8();
    if (!o.webhookUrls.isEmpty() && o.webhookSecret.isEmpty())
        return fail(QStringLiteral("--webhook needs --webhook-secret"), 2);
    if (o.webhookUrls.isEmpty()
        && (p.isSet(QStringLiteral("webhook-secret")) || p.isSet(QStringLiteral("webhook-drop")) || p.isSet(QStringLiteral("webhook-dup"))))
        return fail(QStringLiteral("--webhook-secret, --webhook-drop and --webhook-dup need --webhook URL"), 2);
    if (p.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        o.seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("invalid --seed"), 2);
    }

    installSignalHandlers(&app);
    ForumSimServer server;
    QString error;
    if (!server.start(o, &error))
        return fail(error);
    // Other programs (the demo, benchmarks, tests) wait for and parse exactly this line.
    std::printf("forum-sim listening on %s\n", qUtf8Printable(server.baseUrl().toString()));
    for (const QUrl &url : server.mountUrls())
        std::printf("forum-sim mounted %s\n", qUtf8Printable(url.toString()));
    std::fflush(stdout);
    const int code = app.exec();
    server.stop();
    qCInfo(lcForumSim) << "stopped";
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("forum-sim"));
    QStringList args = QCoreApplication::arguments();
    const QString command = args.size() > 1 ? args.at(1) : QString();
    if (command == QLatin1String("generate") || command == QLatin1String("serve")) {
        args.removeAt(1);
        args[0] = QStringLiteral("forum-sim ") + command;
        return command == QLatin1String("generate") ? runGenerate(args) : runServe(app, args);
    }
    std::fprintf(stderr,
                 "usage: forum-sim generate --db PATH [--users N] [--sections N] [--topics N] "
                 "[--messages N] [--seed S] [--force]\n"
                 "       forum-sim serve --db PATH [--host IP] [--port P] [--token T] [--seed S]\n"
                 "                 [--latency MS] [--error-rate P] [--rate-limit N]\n"
                 "                 [--malformed-rate P] [--hang-rate P] [--churn N]\n"
                 "                 [--webhook URL --webhook-secret S [--webhook-drop P] [--webhook-dup P]]\n"
                 "                 [--max-per-page N] [--ignore-since] [--echo-auth]\n"
                 "                 [--rate-limit-headers x|ietf|none] [--mount NAME=PATH]...\n"
                 "                 [--oauth-token-lifetime S [--oauth-client-id ID] [--oauth-client-secret S]\n"
                 "                  [--oauth-refresh-token T] [--oauth-rotate]]\n");
    return command == QLatin1String("--help") || command == QLatin1String("-h") ? 0 : 2;
}

#include "WebhookReceiver.h"

#include "config/Config.h"
#include "util/Tr.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QTimer>

#include <deque>
#include <memory>
#include <utility>

Q_LOGGING_CATEGORY(lcWebhookReceiver, "tributary.core.webhook", QtInfoMsg)

namespace Tributary {

namespace {

const QString kPathPrefix = QStringLiteral("/webhooks/");
// Ids longer than this are not ids; they would only make the deduplication memory grow.
constexpr qsizetype kMaxIdLength = 256;
// A burst larger than this is emitted at once instead of waiting for the window's end.
constexpr int kMaxPendingHints = 10000;

QCryptographicHash::Algorithm hashAlgorithm(const QString &name)
{
    if (name == QLatin1String("hmac-sha512"))
        return QCryptographicHash::Sha512;
    if (name == QLatin1String("hmac-sha1"))
        return QCryptographicHash::Sha1;
    return QCryptographicHash::Sha256;
}

// Equal length and equal bytes, in time that depends on the length only.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

bool decodeSignature(const QByteArray &text, const QString &encoding, QByteArray *out)
{
    if (text.isEmpty())
        return false;
    if (encoding == QLatin1String("base64")) {
        const auto r = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
        if (!r)
            return false;
        *out = *r;
        return true;
    }
    if (text.size() % 2 != 0)
        return false;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    *out = QByteArray::fromHex(text);
    return true;
}

// The signed bytes: the template with {timestamp} and {body} replaced by the raw header value and
// the raw body. Other text of the template is kept as written.
QByteArray signedPayload(const QByteArray &tmpl, const QByteArray &timestamp, const QByteArray &body)
{
    static const QByteArray bodyToken = QByteArrayLiteral("{body}");
    static const QByteArray tsToken = QByteArrayLiteral("{timestamp}");
    QByteArray out;
    out.reserve(tmpl.size() + timestamp.size() + body.size());
    qsizetype i = 0;
    while (i < tmpl.size()) {
        if (tmpl.at(i) == '{') {
            if (tmpl.mid(i, bodyToken.size()) == bodyToken) {
                out += body;
                i += bodyToken.size();
                continue;
            }
            if (tmpl.mid(i, tsToken.size()) == tsToken) {
                out += timestamp;
                i += tsToken.size();
                continue;
            }
        }
        out += tmpl.at(i);
        ++i;
    }
    return out;
}

QJsonValue valueAt(const QJsonObject &o, const QString &dottedPath)
{
    QJsonValue v = o;
    for (const QString &part : dottedPath.split(QLatin1Char('.'))) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(part);
    }
    return v;
}

// A string or an integral number as text; anything else is null.
QString idText(const QJsonValue &v)
{
    QString s;
    if (v.isString()) {
        s = v.toString();
    } else if (v.isDouble()) {
        const double d = v.toDouble();
        if (d != double(qint64(d)))
            return {};
        s = QString::number(qint64(d));
    }
    if (s.trimmed().isEmpty() || s.size() > kMaxIdLength)
        return {};
    return s;
}

HttpResponse message(int status, const char *text)
{
    QJsonObject o;
    o.insert(QStringLiteral("message"), QString::fromLatin1(text));
    return HttpResponse::json(status, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

HttpResponse accepted()
{
    return HttpResponse::json(202, QByteArrayLiteral("{\"accepted\":true}"));
}

} // namespace

class WebhookReceiver::Private
{
public:
    struct Source
    {
        QString name;
        WebhookConfig config;
        QByteArray secret;
        QByteArray payloadTemplate;
        QByteArray signatureHeader; // lower-case
        QByteArray timestampHeader; // lower-case
        QByteArray signaturePrefix;
        QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256;

        WebhookCounters counters;

        // Deduplication: ids with the time they were first seen, oldest first.
        QHash<QString, qint64> seen;
        std::deque<std::pair<QString, qint64>> seenOrder;

        // Coalescing: pending hints, one per (entity, record id).
        QList<WebhookHint> pending;
        QHash<QString, qsizetype> pendingIndex;
        std::unique_ptr<QTimer> timer;
    };

    WebhookReceiver *q = nullptr;
    QHash<QString, std::shared_ptr<Source>> sources;
    QStringList errors;
    quint64 unknownSource = 0;
    int dedupeMaxIds = 100000;
    qint64 dedupeExpiryMs = 86400LL * 1000;
    QElapsedTimer clock;

    // True if `id` was seen within the memory's limits; remembers it otherwise.
    bool seenBefore(Source &s, const QString &id)
    {
        const qint64 now = clock.elapsed();
        while (!s.seenOrder.empty()
               && (qsizetype(s.seenOrder.size()) >= dedupeMaxIds || now - s.seenOrder.front().second > dedupeExpiryMs)) {
            s.seen.remove(s.seenOrder.front().first);
            s.seenOrder.pop_front();
        }
        if (s.seen.contains(id))
            return true;
        s.seen.insert(id, now);
        s.seenOrder.emplace_back(id, now);
        return false;
    }

    void addHint(Source &s, const QString &entity, const QString &recordId, bool deleted)
    {
        const QString key = entity + QChar(0) + recordId;
        const auto it = s.pendingIndex.constFind(key);
        if (it != s.pendingIndex.constEnd()) {
            // Out-of-order delivery makes "last" a guess either way; the fetch by id decides.
            s.pending[*it].deleted = deleted;
        } else {
            s.pendingIndex.insert(key, s.pending.size());
            s.pending.append(WebhookHint{s.name, entity, recordId, deleted});
        }
        if (s.pending.size() >= kMaxPendingHints)
            QTimer::singleShot(0, q, [this, name = s.name] { flushSource(name); });
        else if (!s.timer->isActive())
            s.timer->start();
    }

    void flushSource(const QString &name)
    {
        const auto it = sources.constFind(name);
        if (it == sources.constEnd())
            return;
        Source &s = **it;
        s.timer->stop();
        if (s.pending.isEmpty())
            return;
        const QList<WebhookHint> hints = std::exchange(s.pending, {});
        s.pendingIndex.clear();
        s.counters.hintsEmitted += quint64(hints.size());
        Q_EMIT q->hintsReady(name, hints);
    }

    HttpResponse reject(Source &s, quint64 WebhookCounters::*counter, int status, const char *text, const char *reason)
    {
        ++(s.counters.*counter);
        qCDebug(lcWebhookReceiver) << "webhook for source" << s.name << "rejected:" << reason;
        return message(status, text);
    }

    HttpResponse handle(const HttpRequest &req)
    {
        if (!req.path.startsWith(kPathPrefix)) {
            ++unknownSource;
            return message(404, "Not found.");
        }
        const QString name = req.path.mid(kPathPrefix.size());
        const auto it = sources.constFind(name);
        if (name.isEmpty() || it == sources.constEnd()) {
            ++unknownSource;
            return message(404, "Not found.");
        }
        Source &s = **it;
        ++s.counters.received;

        if (req.method != "POST") {
            HttpResponse r = reject(s, &WebhookCounters::malformed, 405, "Use POST.", "method");
            r.setHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("POST"));
            return r;
        }
        if (req.body.size() > s.config.maxBodyBytes)
            return reject(s, &WebhookCounters::tooLarge, 413, "Request body too large.", "too_large");

        const QByteArray signatureValue = req.header(s.signatureHeader).trimmed();
        const QByteArray timestamp = req.header(s.timestampHeader).trimmed();
        if (signatureValue.isEmpty() || timestamp.isEmpty())
            return reject(s, &WebhookCounters::unsigned_, 401, "Signature required.", "unsigned");

        QByteArray given;
        if (!signatureValue.startsWith(s.signaturePrefix)
            || !decodeSignature(signatureValue.mid(s.signaturePrefix.size()), s.config.signatureEncoding, &given))
            return reject(s, &WebhookCounters::badSignature, 401, "Invalid signature.", "bad_signature");
        const QByteArray expected = QMessageAuthenticationCode::hash(
            signedPayload(s.payloadTemplate, timestamp, req.body), s.secret, s.algorithm);
        if (!constantTimeEquals(given, expected))
            return reject(s, &WebhookCounters::badSignature, 401, "Invalid signature.", "bad_signature");

        // Signed, so the timestamp is the provider's: outside the window it is a replay (or a
        // clock far off, which the window's size is there to absorb).
        bool ok = timestamp.size() <= 12;
        for (char c : timestamp)
            ok = ok && c >= '0' && c <= '9';
        const qint64 ts = ok ? timestamp.toLongLong(&ok) : 0;
        if (!ok || qAbs(QDateTime::currentSecsSinceEpoch() - ts) > s.config.toleranceSeconds)
            return reject(s, &WebhookCounters::stale, 401, "Timestamp outside the allowed window.", "stale");

        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(req.body, &pe);
        if (pe.error != QJsonParseError::NoError || !doc.isObject())
            return reject(s, &WebhookCounters::malformed, 400, "Expected a JSON object.", "malformed");
        const QJsonObject o = doc.object();
        const QString eventId = idText(valueAt(o, s.config.eventIdPath));
        const QJsonValue entityValue = valueAt(o, s.config.entityPath);
        const QString recordId = idText(valueAt(o, s.config.recordIdPath));
        QString type;
        if (!s.config.typePath.isEmpty()) {
            const QJsonValue t = valueAt(o, s.config.typePath);
            if (!t.isString())
                return reject(s, &WebhookCounters::malformed, 400, "Missing event type.", "malformed");
            type = t.toString();
        }
        if (eventId.isNull() || recordId.isNull() || !entityValue.isString())
            return reject(s, &WebhookCounters::malformed, 400, "Missing event id, entity or record id.", "malformed");
        const QString entity = s.config.entities.value(entityValue.toString());
        if (entity.isEmpty())
            return reject(s, &WebhookCounters::unknownEntity, 400, "Unknown entity.", "unknown_entity");

        if (seenBefore(s, eventId)) {
            ++s.counters.duplicates;
            return accepted();
        }
        if (!s.config.ownOrigin.isEmpty() && valueAt(o, s.config.originPath).toString() == s.config.ownOrigin) {
            // Tributary's own write, echoed: its answer was applied when it was pushed.
            ++s.counters.own;
            return accepted();
        }
        ++s.counters.accepted;
        addHint(s, entity, recordId, !type.isEmpty() && type.endsWith(s.config.deletedTypesSuffix));
        return accepted();
    }
};

WebhookReceiver::WebhookReceiver(QObject *parent)
    : QObject(parent), d(new Private)
{
    d->q = this;
    d->clock.start();
}

WebhookReceiver::WebhookReceiver(const Config &config, QObject *parent)
    : WebhookReceiver(parent)
{
    for (const SourceConfig &s : config.sources) {
        if (!s.options.contains(QStringLiteral("webhook")))
            continue;
        QStringList entityNames;
        for (const EntityConfig &e : s.entities)
            entityNames.append(e.name);
        QStringList problems;
        const WebhookConfig wc = WebhookConfig::fromJson(s.options.value(QStringLiteral("webhook")),
                                                         QStringLiteral("sources.%1.webhook").arg(s.name), entityNames, &problems);
        if (!problems.isEmpty()) {
            d->errors.append(problems);
            continue;
        }
        QString error;
        if (!addSource(s.name, wc, s.baseDir, &error))
            d->errors.append(QStringLiteral("sources.%1.webhook.secret: %2").arg(s.name, error));
    }
}

WebhookReceiver::~WebhookReceiver()
{
    delete d;
}

bool WebhookReceiver::addSource(const QString &name, const WebhookConfig &config, const QString &baseDir, QString *error)
{
    QString resolveError;
    const QString secret = config.secret.resolve(baseDir, &resolveError);
    if (secret.isNull()) {
        *error = resolveError;
        return false;
    }
    if (secret.isEmpty()) {
        *error = Tr::tr("the webhook secret is empty");
        return false;
    }
    auto s = std::make_shared<Private::Source>();
    s->name = name;
    s->config = config;
    s->secret = secret.toUtf8();
    s->payloadTemplate = config.signedPayload.toUtf8();
    s->signatureHeader = config.signatureHeader.toLatin1().toLower();
    s->timestampHeader = config.timestampHeader.toLatin1().toLower();
    s->signaturePrefix = config.signaturePrefix.toUtf8();
    s->algorithm = hashAlgorithm(config.algorithm);
    s->timer = std::make_unique<QTimer>();
    s->timer->setSingleShot(true);
    s->timer->setInterval(config.coalesceMs);
    connect(s->timer.get(), &QTimer::timeout, this, [this, name] { d->flushSource(name); });
    if (d->sources.contains(name))
        d->flushSource(name); // the replaced source's pending hints are not lost
    d->sources.insert(name, s);
    return true;
}

QStringList WebhookReceiver::sourceNames() const
{
    QStringList names = d->sources.keys();
    names.sort();
    return names;
}

QStringList WebhookReceiver::errors() const
{
    return d->errors;
}

qint64 WebhookReceiver::maxBodyBytes() const
{
    qint64 m = 0;
    for (const auto &s : std::as_const(d->sources))
        m = qMax(m, s->config.maxBodyBytes);
    return m;
}

void WebhookReceiver::setDedupeLimits(int maxIds, int expirySeconds)
{
    d->dedupeMaxIds = qMax(1, maxIds);
    d->dedupeExpiryMs = qint64(qMax(1, expirySeconds)) * 1000;
}

HttpResponse WebhookReceiver::handle(const HttpRequest &request)
{
    return d->handle(request);
}

HttpServer::Handler WebhookReceiver::handler()
{
    return [this](const HttpRequest &request) { return d->handle(request); };
}

WebhookStats WebhookReceiver::stats() const
{
    WebhookStats st;
    st.unknownSource = d->unknownSource;
    for (auto it = d->sources.constBegin(); it != d->sources.constEnd(); ++it)
        st.sources.insert(it.key(), (*it)->counters);
    return st;
}

void WebhookReceiver::countRefusedBody(const QString &path)
{
    const auto it = path.startsWith(kPathPrefix) ? d->sources.constFind(path.mid(kPathPrefix.size())) : d->sources.constEnd();
    if (it == d->sources.constEnd()) {
        ++d->unknownSource;
        return;
    }
    ++(*it)->counters.received;
    ++(*it)->counters.tooLarge;
}

void WebhookReceiver::flush()
{
    for (const QString &name : d->sources.keys())
        d->flushSource(name);
}

} // namespace Tributary

#include "Redaction.h"

#include <QReadWriteLock>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <utility>

namespace Tributary {

namespace {

constexpr int kMinSecretLength = 6;
const QLatin1String kMask("***");

struct SecretList
{
    QReadWriteLock lock;
    QStringList values; // longest first, so a secret containing another one is masked whole
};

// Never destroyed: messages can still arrive from static destructors and threads that outlive
// main(), and they must not find a destroyed lock.
SecretList &secretList()
{
    static auto *list = new SecretList;
    return *list;
}

// The forms a secret travels in besides itself: in a URL, and inside a JSON string (escaped
// quotes and backslashes; PHP's json_encode also escapes "/").
QStringList formsOf(const QString &secret)
{
    QStringList forms{secret};
    auto add = [&forms](const QString &form) {
        if (!forms.contains(form))
            forms.append(form);
    };
    add(QString::fromLatin1(QUrl::toPercentEncoding(secret)));
    QString json = secret;
    json.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    add(json);
    add(QString(json).replace(QLatin1Char('/'), QLatin1String("\\/")));
    return forms;
}

// Replaces every match of `re` in `text` by what `replacement` makes of it.
QString replaceMatches(const QString &text, const QRegularExpression &re,
                       const std::function<QString(const QRegularExpressionMatch &)> &replacement)
{
    QRegularExpressionMatchIterator it = re.globalMatch(text);
    if (!it.hasNext())
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += replacement(m);
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

QString redactPatterns(const QString &text)
{
    // One set per thread: the handler runs on worker threads, and QRegularExpression is only
    // documented as reentrant.
    static thread_local const QRegularExpression header(
        QStringLiteral("\\b((?:Proxy-)?Authorization|X-[\\w-]*?(?:Signature|Token|Key)[\\w-]*|[\\w-]*Api-?Key)"
                       "(\\s*[:=]|[\"']\\s*[:=,])\\s*([\"']?)"),
        QRegularExpression::CaseInsensitiveOption);
    // Schemes whose credentials are one token; after any other scheme (Digest has several
    // fields) the whole value goes.
    static thread_local const QRegularExpression tokenScheme(
        QStringLiteral("^(Bearer|Basic|Token|ApiKey|Key)\\s+[^\\s\"',;]+"), QRegularExpression::CaseInsensitiveOption);
    // RFC 6750's b64token; case-sensitive so that prose ("the bearer token") stays readable.
    static thread_local const QRegularExpression bearer(QStringLiteral("\\bBearer\\s+[A-Za-z0-9._~+/-]+=*"));
    // The password of user info in a URL (https://user:password@host/).
    static thread_local const QRegularExpression userInfo(QStringLiteral("(\\b[A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]*:)[^/\\s@]+@"));
    static thread_local const QRegularExpression query(
        QStringLiteral("([?&;](?:[\\w.-]*(?:token|secret|password|passwd|signature)[\\w.-]*"
                       "|(?:[\\w.-]*[_-])?(?:api)?key)=)[^&#\\s\"'<>]*"),
        QRegularExpression::CaseInsensitiveOption);

    QString out = text;
    if (out.contains(QLatin1String("author"), Qt::CaseInsensitive) || out.contains(QLatin1String("x-"), Qt::CaseInsensitive)
        || out.contains(QLatin1String("key"), Qt::CaseInsensitive)) {
        // The header regex cannot say where a value ends, so the value is cut here: up to the
        // closing quote when quoted, else one token (or, for Authorization without a known
        // scheme, the rest of the line).
        QString result;
        qsizetype last = 0;
        QRegularExpressionMatchIterator it = header.globalMatch(out);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (m.capturedStart() < last)
                continue;
            const bool authorization = m.captured(1).endsWith(QLatin1String("authorization"), Qt::CaseInsensitive);
            // "X-Amz-Signature=…" is a query parameter, left to the query rule below.
            if (!authorization && m.captured(2).endsWith(QLatin1Char('=')))
                continue;
            const qsizetype valueStart = m.capturedEnd();
            const QString quote = m.captured(3);
            qsizetype valueEnd = valueStart;
            if (!quote.isEmpty()) {
                // Up to the closing quote; a backslash escapes the next character (JSON, QDebug).
                while (valueEnd < out.size() && out.at(valueEnd) != quote.at(0) && out.at(valueEnd) != QLatin1Char('\n')) {
                    if (out.at(valueEnd) == QLatin1Char('\\') && valueEnd + 1 < out.size())
                        ++valueEnd;
                    ++valueEnd;
                }
            } else {
                auto endsValue = [authorization](QChar c) {
                    if (c == QLatin1Char('\n') || c == QLatin1Char('\r'))
                        return true;
                    return !authorization && (c.isSpace() || c == QLatin1Char(',') || c == QLatin1Char(';'));
                };
                while (valueEnd < out.size() && !endsValue(out.at(valueEnd)))
                    ++valueEnd;
            }
            if (valueEnd == valueStart)
                continue;
            const QStringView value = QStringView(out).mid(valueStart, valueEnd - valueStart);
            result += QStringView(out).mid(last, valueStart - last);
            const QRegularExpressionMatch scheme = authorization ? tokenScheme.match(value.toString()) : QRegularExpressionMatch();
            if (scheme.hasMatch()) {
                result += scheme.captured(1) + QLatin1Char(' ') + kMask;
                result += value.mid(scheme.capturedEnd());
            } else {
                result += kMask;
            }
            last = valueEnd;
        }
        if (last > 0) {
            result += QStringView(out).mid(last);
            out = result;
        }
    }
    if (out.contains(QLatin1String("Bearer")))
        out.replace(bearer, QStringLiteral("Bearer ***"));
    if (out.contains(QLatin1String("://")))
        out = replaceMatches(out, userInfo, [](const QRegularExpressionMatch &m) { return m.captured(1) + kMask + QLatin1Char('@'); });
    if (out.contains(QLatin1Char('=')))
        out = replaceMatches(out, query, [](const QRegularExpressionMatch &m) { return m.captured(1) + kMask; });
    return out;
}

} // namespace

void Redaction::addSecret(const QString &secret)
{
    if (secret.size() < kMinSecretLength)
        return;
    const QStringList forms = formsOf(secret);
    SecretList &list = secretList();
    QWriteLocker locker(&list.lock);
    for (const QString &form : forms) {
        if (list.values.contains(form))
            continue;
        auto it = list.values.begin();
        while (it != list.values.end() && it->size() >= form.size())
            ++it;
        list.values.insert(it, form);
    }
}

void Redaction::removeSecret(const QString &secret)
{
    if (secret.size() < kMinSecretLength)
        return;
    const QStringList forms = formsOf(secret);
    SecretList &list = secretList();
    QWriteLocker locker(&list.lock);
    for (const QString &form : forms)
        list.values.removeAll(form);
}

QString Redaction::redact(const QString &text)
{
    if (text.isEmpty())
        return text; // most rows of the run history have no error
    QString out = text;
    {
        SecretList &list = secretList();
        QReadLocker locker(&list.lock);
        for (const QString &secret : std::as_const(list.values))
            out.replace(secret, kMask);
    }
    return redactPatterns(out);
}

Error Redaction::redact(Error error)
{
    if (!error.message.isEmpty())
        error.message = redact(error.message);
    if (!error.detail.isEmpty())
        error.detail = redact(error.detail);
    return error;
}

QString Redaction::snippet(const QByteArray &body, int maxChars)
{
    // Masked with some text beyond the cut, so that a secret crossing it is still recognised.
    constexpr int kLookahead = 4096;
    const QString text = redact(QString::fromUtf8(body.left(qsizetype(maxChars) + kLookahead))).simplified();
    if (text.size() <= maxChars && body.size() <= qsizetype(maxChars) + kLookahead)
        return text;
    return text.left(maxChars) + QStringLiteral("…");
}

} // namespace Tributary

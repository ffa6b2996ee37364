#include "WalkGuard.h"

#include "util/Tr.h"
#include "util/Values.h"

#include <QSet>

#include <climits>

namespace Tributary {

namespace {

// A few ids are evidence enough; a page of 500 is not a message.
QString someIds(const QStringList &ids)
{
    constexpr int kShown = 5;
    QString text = ids.mid(0, kShown).join(QStringLiteral(", "));
    if (ids.size() > kShown)
        text += QStringLiteral(", ...");
    return text;
}

} // namespace

bool WalkGuard::isTime(const QString &value)
{
    QDateTime at;
    return parseTimestamp(QJsonValue(value), &at);
}

QString WalkGuard::cursorProblem(const QString &value, const QDateTime &sourceClock)
{
    if (value.isEmpty())
        return {};
    QDateTime at;
    if (!parseTimestamp(QJsonValue(value), &at))
        return Tr::tr("not a time");
    const QDateTime clock = sourceClock.isValid() ? sourceClock.toUTC() : QDateTime::currentDateTimeUtc();
    if (at > clock.addSecs(kClockToleranceSecs))
        return Tr::tr("more than a day after the source's clock (%1)").arg(clock.toString(Qt::ISODate));
    return {};
}

WalkGuard::WalkGuard(const QString &entity, const QString &idPath, const EntityCapabilities &caps)
    : m_entity(entity), m_idPath(idPath), m_caps(caps)
{
}

void WalkGuard::begin(PageRequest::Mode mode, const QString &since, const QString &token, qint64 walked)
{
    m_mode = mode;
    m_walked = walked;
    m_firstTotal = -1;
    m_maxTotal = -1;
    m_lastTotal = -1;
    m_largestPage = 0;
    restartChain(since);
    m_expectedToken = token;
    m_chainRecords = qMax<qint64>(0, walked);
}

void WalkGuard::restartChain(const QString &since)
{
    m_since = since;
    m_chainRecords = 0;
    m_movedRecords = 0;
    m_chainStartMicros = -1;
    m_expectedToken.clear();
    m_followed.clear();
    m_previousIds.clear();
    m_previousUrl.clear();
    m_previousGuessed = false;
    if (m_mode == PageRequest::Mode::Incremental) {
        // In keyset emulation every request counts from its own value: so does its total.
        m_firstTotal = -1;
        m_maxTotal = -1;
        m_lastTotal = -1;
    }
}

QString WalkGuard::advice(const QString &key, const QString &ifTotalWrong) const
{
    if (key.isEmpty() && ifTotalWrong.isEmpty())
        return Tr::tr(" Check how the source's configuration pages through %1.").arg(m_entity);
    if (ifTotalWrong.isEmpty())
        return Tr::tr(" Check %1.").arg(key);
    if (key.isEmpty())
        return Tr::tr(" Check %1.").arg(ifTotalWrong);
    return Tr::tr(" Check %1, and %2 if the total is wrong.").arg(key, ifTotalWrong);
}

QStringList WalkGuard::idsOf(const Page &page) const
{
    QStringList ids;
    ids.reserve(page.records.size());
    for (const QJsonValue &v : page.records)
        ids.append(fieldText(v.toObject(), m_idPath));
    return ids;
}

Error WalkGuard::check(const Page &page)
{
    const QStringList ids = idsOf(page);
    const QString url = page.url.isEmpty() ? Tr::tr("(a page)") : page.url;
    auto fail = [](const QString &message) { return Error(Error::Code::Parse, message); };

    // Only pages reached through a continuation of this chain are compared: a walk that asks
    // again from a value (keyset emulation) reads its boundary records twice on purpose.
    if (!m_expectedToken.isEmpty() && !ids.isEmpty() && ids.size() == m_previousIds.size()
        && QSet<QString>(ids.cbegin(), ids.cend()) == QSet<QString>(m_previousIds.cbegin(), m_previousIds.cend())) {
        const QString why = m_previousGuessed
            ? Tr::tr(" Tributary asked for it because the page before did not say it was the last (a page can be shorter "
                     "than asked only because the API sends fewer).")
            : QString();
        return fail(Tr::tr("GET %1 answered the same records as the page before it, GET %2 (ids %3): the API does not read the "
                           "continuation Tributary sends, so the walk would never get past that page.%4")
                        .arg(url, m_previousUrl, someIds(ids), why)
                    + advice(m_caps.keys.continuation));
    }
    if (!page.nextToken.isEmpty() && (page.nextToken == m_expectedToken || m_followed.contains(page.nextToken))) {
        const QString first = page.nextToken == m_expectedToken ? url : m_followed.value(page.nextToken);
        return fail(Tr::tr("GET %1 leads back to a page this walk already read (the continuation %2 was followed before, to GET %3): "
                           "the walk would go round forever.")
                        .arg(url, page.nextToken.left(200), first)
                    + advice(m_caps.keys.continuation));
    }
    // Sorted by the cursor field, a record changed while the walk goes moves behind it and is read
    // again: on a busy source, and in a walk slowed by a host's rate limit, that is many records
    // more than the total, and no fault. Those changed since the walk began (by the source's clock,
    // its Date header, less a second for its resolution) do not count towards the excess below; a
    // walk that does not end reads the same old records again and still does. Each record's value
    // is read once, for this and for the filter's check.
    qint64 moved = 0;
    if (m_mode == PageRequest::Mode::Incremental && !m_caps.cursorField.isEmpty()) {
        if (m_chainStartMicros < 0 && page.serverTime.isValid())
            m_chainStartMicros = (page.serverTime.toMSecsSinceEpoch() - 1000) * 1000;
        const QString boundText = page.filterFrom.isEmpty() ? m_since : page.filterFrom;
        qint64 bound = 0;
        const bool bounded = parseMicros(QJsonValue(boundText), &bound);
        QStringList older;
        if (!bounded && m_chainStartMicros >= 0) {
            // No filter (a walk from the beginning): the page is sorted by the cursor field, so the
            // records changed since the walk began are its tail; found in a few reads, not one per
            // record of a first sync.
            auto atOf = [&](qsizetype i) {
                qint64 at = 0;
                return parseMicros(valueAt(page.records.at(i).toObject(), m_caps.cursorField), &at) ? at : LLONG_MIN;
            };
            qsizetype lo = 0, hi = page.records.size();
            while (lo < hi) {
                const qsizetype mid = lo + (hi - lo) / 2;
                if (atOf(mid) >= m_chainStartMicros)
                    hi = mid;
                else
                    lo = mid + 1;
            }
            moved = page.records.size() - lo;
        } else if (bounded) {
            for (qsizetype i = 0; i < page.records.size(); ++i) {
                const QJsonValue v = valueAt(page.records.at(i).toObject(), m_caps.cursorField);
                qint64 at = 0;
                if (!parseMicros(v, &at))
                    continue;
                if (bounded && at < bound)
                    older.append(QStringLiteral("%1 (%2 %3)").arg(ids.at(i), m_caps.cursorField, displayValue(v, 40)));
                if (m_chainStartMicros >= 0 && at >= m_chainStartMicros)
                    ++moved;
            }
        }
        if (!older.isEmpty())
            return fail(Tr::tr("GET %1 returned records changed before the filter's value %2: %3. The API ignores the change "
                               "filter, so every incremental run would read the whole collection.")
                            .arg(url, boundText, someIds(older))
                        + advice(m_caps.keys.filter));
    }

    const qint64 n = page.records.size();
    if (m_walked >= 0)
        m_walked += n;
    m_chainRecords += n;
    m_movedRecords += moved;
    m_largestPage = qMax(m_largestPage, n);
    if (page.total >= 0) {
        if (m_firstTotal < 0)
            m_firstTotal = page.total;
        m_maxTotal = qMax(m_maxTotal, page.total);
        m_lastTotal = page.total;
    }
    // Records added while the walk runs, and pages that shift under it, read a few more than a
    // total taken at the start: only a clear excess is a fault.
    if (m_maxTotal >= 0 && m_chainRecords - m_movedRecords > m_maxTotal + qMax(m_largestPage, m_maxTotal / 10)) {
        return fail(Tr::tr("the walk has read %1 records, more than the %2 the source announced (the last page was GET %3): either "
                           "the total is wrong or the walk does not end.")
                        .arg(m_chainRecords)
                        .arg(m_maxTotal)
                        .arg(url)
                    + advice(m_caps.keys.continuation, m_caps.keys.total));
    }

    if (!m_expectedToken.isEmpty())
        m_followed.insert(m_expectedToken, url);
    m_expectedToken = page.nextToken;
    m_previousIds = ids;
    m_previousUrl = url;
    m_previousGuessed = page.guessed;
    m_lastUrl = url;
    return {};
}

bool WalkGuard::isShortOfTotal() const
{
    if (m_walked < 0 || m_firstTotal < 0)
        return false;
    return m_chainRecords < qMin(m_firstTotal, m_lastTotal);
}

PageRequest WalkGuard::recountRequest() const
{
    PageRequest r;
    r.entity = m_entity;
    r.mode = m_mode;
    r.since = m_since;
    r.countOnly = true;
    return r;
}

Error WalkGuard::checkEnd(qint64 freshTotal) const
{
    if (!isShortOfTotal())
        return {};
    qint64 expected = qMin(m_firstTotal, m_lastTotal);
    if (freshTotal >= 0)
        expected = qMin(expected, freshTotal);
    if (m_chainRecords >= expected)
        return {}; // records deleted while the walk ran
    return Error(Error::Code::Parse,
                 Tr::tr("the walk ended after %1 records, but the source counts %2 (the last page, GET %3, gave no continuation): "
                        "records would be missing.")
                         .arg(m_chainRecords)
                         .arg(expected)
                         .arg(m_lastUrl.isEmpty() ? Tr::tr("(none)") : m_lastUrl)
                     + advice(m_caps.keys.continuation, m_caps.keys.total));
}

} // namespace Tributary

#pragma once

#include <QJsonObject>
#include <QString>

namespace Tributary {

// Where an entity's walk stands. Stored in tributary_cursors in the same transaction as the page
// it follows, so it never runs ahead of what was applied.
struct Position
{
    Position() = default;
    Position(QString v, QString id, QString t = QString(), qint64 w = 0)
        : value(std::move(v)), lastId(std::move(id)), token(std::move(t)), walked(w) {}

    // Incremental walks: the incremental field's value of the last applied record, exactly as the
    // source sent it (the source's clock, never ours), and that record's external id. The next
    // run asks again from `value` inclusively and skips what sorts at or before (value, lastId).
    QString value;
    QString lastId;
    // Continuation inside one walk (cursor token, next URL, page number, offset). An incremental
    // run never resumes from it (it restarts from `value`, which cannot expire); a full walk that
    // was killed does resume from it, since a full walk has no value to restart from.
    QString token;
    // Full walks and scans: the records the walk had read when it stored `token`, so that a walk
    // resumed after a restart can still hold its count against the source's total at the end.
    // 0 with a token: not known (written before walks counted).
    qint64 walked = 0;
    // Reconciliation scans: how many ids the scan's pages so far listed without a link. The ids
    // themselves live only in the run's memory, so a scan resumed in another run that finds
    // this above 0 reads the entity again from its start (IdScan).
    qint64 unlinked = 0;

    bool isNull() const { return value.isEmpty() && lastId.isEmpty() && token.isEmpty(); }
    bool operator==(const Position &o) const
    {
        return value == o.value && lastId == o.lastId && token == o.token && walked == o.walked && unlinked == o.unlinked;
    }

    QJsonObject toJson() const
    {
        QJsonObject o;
        if (!value.isEmpty()) o.insert(QStringLiteral("value"), value);
        if (!lastId.isEmpty()) o.insert(QStringLiteral("last_id"), lastId);
        if (!token.isEmpty()) o.insert(QStringLiteral("token"), token);
        if (!token.isEmpty() && walked > 0) o.insert(QStringLiteral("walked"), walked);
        if (unlinked > 0) o.insert(QStringLiteral("unlinked"), unlinked);
        return o;
    }
    static Position fromJson(const QJsonObject &o)
    {
        Position p(o.value(QStringLiteral("value")).toString(), o.value(QStringLiteral("last_id")).toString(),
                   o.value(QStringLiteral("token")).toString(), o.value(QStringLiteral("walked")).toInteger());
        p.unlinked = o.value(QStringLiteral("unlinked")).toInteger();
        return p;
    }
};

} // namespace Tributary

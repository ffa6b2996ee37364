#pragma once

#include "config/Config.h"

#include <QJsonObject>
#include <QMap>
#include <QStringList>
#include <QVariantMap>
#include <functional>

namespace Tributary {

// Three-way detection, field by field, for a record whose row exists: base is what the source
// said last time (the link's snapshot), local is the row now, remote is what the source says now.
//   remote equals base, or local equals remote  -> nothing to do for that field
//   local equals base                           -> take the remote value
//   both changed it, to different values        -> a collision, decided by source priority or
//                                                  the field's policy, or left to a person
// Pure: it reads and writes nothing; the collisions it leaves are recorded by the writer.
class ThreeWayMerge
{
public:
    // Another source linked to the same row, with what it said last.
    struct OtherSource
    {
        QString source;
        int priority = 0;
        QJsonObject base;
    };

    // How one field that both sides changed is decided.
    struct Decision
    {
        bool takeRemote = false;
        QString label; // empty: manual, waits for a person; else "policy:NAME" or "priority:SOURCE"
        QString owner; // the other source that set the local value, if any
    };

    struct Result
    {
        QVariantMap changes;                // column -> value to write (updated_column follows when something changes)
        QStringList waiting;                // fields left for a person (manual policy)
        QMap<QString, QStringList> decided; // rule label -> fields a rule decided
        // The collided fields' three sides, and which other source set the local value.
        QJsonObject base, local, remote, localBy;

        bool isUnchanged() const { return changes.isEmpty() && waiting.isEmpty() && decided.isEmpty(); }
        // Those of `o`'s keys that are in `fields`.
        static QJsonObject pick(const QJsonObject &o, const QStringList &fields);
    };

    // The other sources of the row, read only when two sides collide (false with the error set
    // when they cannot be read).
    using OthersReader = std::function<bool(QList<OtherSource> *others)>;

    ThreeWayMerge(const EntityConfig &entity, const SourceConfig &source, const QStringList &syncColumns);

    // False only when `readOthers` fails.
    bool merge(const QJsonObject &base, const QVariantMap &local, const QVariantMap &remote, const OthersReader &readOthers,
               Result *result) const;

    // Who wins one field both sides changed: source priority when the local value came from
    // another source of a different priority, else the field's policy.
    Decision decide(const QString &column, const QVariant &local, const QVariantMap &remoteRow, const QVariantMap &localRow,
                    const QList<OtherSource> &others) const;

private:
    const EntityConfig &m_entity;
    const SourceConfig &m_source;
    const QStringList &m_syncColumns;
};

} // namespace Tributary

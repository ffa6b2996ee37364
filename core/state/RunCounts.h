#pragma once

#include <QJsonObject>
#include <QString>

namespace Tributary {

// What one run did to one entity. Shown in summaries, stored with the run, exposed as metrics.
struct EntityCounts
{
    qint64 fetched = 0;     // records received from the source
    qint64 skipped = 0;     // not applied on purpose: boundary records already applied by an earlier page or run,
                            // records changed before the source's start ("start": now or a date)
    qint64 inserted = 0;    // new local rows
    qint64 linked = 0;      // existing local rows adopted through a consolidation key
    qint64 updated = 0;     // local rows changed
    qint64 unchanged = 0;   // same content hash as last applied: nothing written
    qint64 pending = 0;     // waiting for a referenced record (still waiting at the end of the run)
    qint64 quarantined = 0; // failed validation or mapping
    qint64 conflicts = 0;   // fields edited on both sides
    qint64 deleted = 0;     // rows deleted (or soft-deleted) because their record is gone at the source
    qint64 restored = 0;    // deleted rows whose record came back
    qint64 retries = 0;     // transient request failures retried
    qint64 pushed = 0;      // write-back: changes of the main database the source acknowledged
    qint64 refused = 0;     // write-back: changes the source refused (kept in the outbox, refused)
    qint64 total = -1;      // records the source announced, when it does

    EntityCounts &operator+=(const EntityCounts &o);
    qint64 written() const { return inserted + linked + updated + deleted + restored; }
    QJsonObject toJson() const;
    static EntityCounts fromJson(const QJsonObject &o);
};

} // namespace Tributary

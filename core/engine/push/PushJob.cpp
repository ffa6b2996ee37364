#include "PushJob.h"

#include "engine/apply/Applier.h"
#include "engine/push/RecordBody.h"
#include "state/ConflictStore.h"
#include "store/Database.h"
#include "util/Logging.h"
#include "util/Tr.h"
#include "util/Values.h"

#include <QDateTime>
#include <QUuid>

#include <algorithm>

namespace Tributary {

namespace {
// Operations read per round; a round ends when they are handled, and the next reads again.
constexpr int kRoundSize = 500;
// "Changed since" answers in a row before the operation waits for its backoff.
constexpr int kMaxRounds = 3;
} // namespace

PushJob::PushJob(Database &db, Applier &applier, Source *impl, const SourceConfig &source, QObject *parent)
    : RunJob(parent), m_db(db), m_applier(applier), m_ctx(applier.context()), m_impl(impl), m_source(source), m_outbox(db)
{
}

PushJob::~PushJob() = default;

QString PushJob::newIdempotencyKey()
{
    return QStringLiteral("tributary-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void PushJob::start()
{
    nextRound();
}

void PushJob::stop()
{
    m_stopping = true;
    if (m_current)
        m_current->abort();
}

QString PushJob::now() const
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

void PushJob::fail(const Error &error)
{
    m_queue.clear();
    m_deferred.clear();
    done(error);
}

void PushJob::nextRound()
{
    if (isDone())
        return;
    if (m_stopping) {
        fail(Error(Error::Code::Aborted, Tr::tr("stopped while pushing")));
        return;
    }
    const Result<QList<OutboxOperation>> due = m_outbox.due(m_source.name, now(), kRoundSize);
    if (!due) {
        fail(due.error());
        return;
    }
    const QList<const EntityConfig *> order = m_source.orderedEntities();
    // Operations put aside in the last round for a row queued since: back in the order.
    QList<Item> writes = std::exchange(m_carried, {}), deletes;
    Error error;
    for (const OutboxOperation &op : *due) {
        if (m_seen.contains(op.id))
            continue;
        m_seen.insert(op.id);
        Item item;
        item.op = op;
        if (!classify(&item, &error)) {
            fail(error);
            return;
        }
        if (item.kind == Kind::Nothing) {
            // Nothing to send: removed here, without moving on (the round starts below).
            if (!remove(item, false, &error)) {
                fail(error);
                return;
            }
            continue;
        }
        (item.kind == Kind::Delete ? deletes : writes).append(item);
    }
    if (isDone())
        return;
    auto rank = [&order](const Item &i) { return int(order.indexOf(i.entity)); };
    // Referenced entities first; within one, rows in the order they were made (a parent message
    // before its replies, as a rule); deletes afterwards, children first.
    std::stable_sort(writes.begin(), writes.end(), [&](const Item &a, const Item &b) {
        return rank(a) != rank(b) ? rank(a) < rank(b) : compareIds(a.op.localId, b.op.localId) < 0;
    });
    std::stable_sort(deletes.begin(), deletes.end(), [&](const Item &a, const Item &b) { return rank(a) > rank(b); });
    m_queue = writes + deletes;
    if (m_queue.isEmpty() && m_deferred.isEmpty()) {
        done(Error());
        return;
    }
    nextItem();
}

void PushJob::nextItem()
{
    if (isDone())
        return;
    if (m_stopping) {
        fail(Error(Error::Code::Aborted, Tr::tr("stopped while pushing")));
        return;
    }
    if (m_queue.isEmpty()) {
        if (!m_deferred.isEmpty()) {
            QList<Item> waiting = std::exchange(m_deferred, {});
            if (m_enqueued) {
                // What they wait for was just queued: the next round reads it and pushes it first.
                m_enqueued = false;
                m_carried = waiting;
                nextRound();
                return;
            }
            if (m_progress) {
                // Something was pushed since they were put aside: what they wait for may be there now.
                m_progress = false;
                m_queue = waiting;
            } else {
                Error error;
                for (const Item &item : std::as_const(waiting)) {
                    if (!postpone(item, Tr::tr("waits for a row it refers to, which is not at the source yet"), &error)) {
                        fail(error);
                        return;
                    }
                }
                nextRound();
                return;
            }
        } else {
            nextRound();
            return;
        }
    }
    Item item = m_queue.takeFirst();
    switch (item.kind) {
    case Kind::Create:
        pushCreate(item);
        return;
    case Kind::Update:
        pushUpdate(item);
        return;
    case Kind::Delete:
        pushDelete(item);
        return;
    case Kind::Nothing:
        completed(item, false);
        return;
    }
}

bool PushJob::readRow(Item *item, bool *exists, Error *error)
{
    EntityTable &table = m_ctx.table(*item->entity);
    QStringList columns = table.syncColumns();
    const bool softDeletes = m_db.columns(item->entity->table).contains(item->entity->deletedColumn);
    if (softDeletes && !columns.contains(item->entity->deletedColumn))
        columns.append(item->entity->deletedColumn);
    if (!table.readValues(item->op.localId, columns, &item->row, exists, error))
        return false;
    item->rowKept = *exists && softDeletes && !item->row.value(item->entity->deletedColumn).isNull();
    const Result<QString> externalId = m_ctx.links.externalIdOf(item->entity->name, item->op.localId);
    if (!externalId.into(error))
        return false;
    item->externalId = *externalId;
    return true;
}

bool PushJob::classify(Item *item, Error *error)
{
    item->entity = m_source.entity(item->op.entity);
    item->kind = Kind::Nothing;
    if (!item->entity || !item->entity->enabled || !item->entity->writes())
        return true; // the configuration changed since it was queued: nothing to push any more
    bool exists = false;
    if (!readRow(item, &exists, error))
        return false;
    const bool linked = !item->externalId.isNull();
    if (!exists || item->rowKept) {
        item->kind = linked ? Kind::Delete : Kind::Nothing;
        return true;
    }
    if (linked) {
        item->kind = Kind::Update;
        return true;
    }
    // A row no record of this source stands for: the application's (made here, perhaps pushed
    // to other sources already, or adopted by one through a match key), or brought by another
    // source, which this entity receives only when configured to ("receive": "all").
    if (item->entity->receive != QLatin1String("all")) {
        QList<LinkStore::OtherLink> others;
        if (!m_ctx.links.othersOnRow(item->entity->table, item->op.localId, &others, error))
            return false;
        for (const LinkStore::OtherLink &other : std::as_const(others)) {
            if (other.origin == QLatin1String("inserted"))
                return true;
        }
    }
    item->kind = Kind::Create;
    return true;
}

bool PushJob::externalIdOf(const QString &entity, const QString &localId, QString *externalId, Error *error)
{
    const Result<QString> found = m_ctx.links.externalIdOf(entity, localId);
    if (!found.into(error))
        return false;
    *externalId = *found;
    return true;
}

bool PushJob::heldByConflict(const Item &item)
{
    Error error;
    bool open = false;
    if (!openConflict(item, &open, &error)) {
        fail(error);
        return true;
    }
    if (open)
        later(item, Tr::tr("waits for the conflict on %1 %2 to be decided").arg(item.entity->name, item.externalId));
    return open;
}

void PushJob::goneThere(const Item &item)
{
    // Edited here, deleted there: reconciliation raises it as an edit-versus-delete conflict;
    // nothing can be written to a record that is gone.
    refused(item, Tr::tr("the record %1 is gone at the source; a reconciliation raises the edit-versus-delete conflict").arg(item.externalId));
}

void PushJob::acknowledged(const Item &item, const std::function<bool(Error *)> &apply)
{
    Error failure;
    if (!apply(&failure)) {
        fail(failure);
        return;
    }
    completed(item, true);
}

void PushJob::changedAgain(Item item, void (PushJob::*again)(Item))
{
    if (++item.rounds >= kMaxRounds) {
        later(item, Tr::tr("the record kept changing at the source (%n attempt(s))", nullptr, item.rounds));
        return;
    }
    (this->*again)(item);
}

bool PushJob::openConflict(const Item &item, bool *open, Error *error)
{
    ConflictFilter filter;
    filter.sources = {m_source.name};
    filter.entity = item.entity->name;
    filter.externalId = item.externalId;
    filter.limit = 1;
    const Result<QList<Conflict>> found = ConflictStore(m_db).list(filter);
    if (!found.into(error))
        return false;
    *open = !found->isEmpty();
    return true;
}

bool PushJob::failed(const Item &item, const SourceJob *job)
{
    m_current = nullptr;
    if (!job->hasError())
        return false;
    // A revoked credential or a stop ends the job, as it ends reading; anything else is this
    // operation's passing trouble.
    if (job->error().code == Error::Code::Auth || job->error().code == Error::Code::Aborted)
        fail(job->error());
    else
        later(item, job->error().message);
    return true;
}

void PushJob::fetch(const Item &item, std::function<void(const QJsonObject &, bool)> then)
{
    RecordJob *job = m_impl->fetchRecord(item.entity->name, item.externalId);
    m_current = job;
    connect(job, &SourceJob::finished, this, [this, job, item, then](SourceJob *) {
        if (!failed(item, job))
            then(job->record(), !job->isNotFound());
    });
    job->start();
}

void PushJob::send(const Item &item, const WriteRequest &request, std::function<void(WriteJob *)> then)
{
    Error error;
    if (!m_outbox.markSent(item.op.id, now(), &error)) {
        fail(error);
        return;
    }
    WriteJob *job = m_impl->write(request);
    if (!job) {
        QString why;
        m_impl->canWrite(request.entity, request.op, &why);
        refused(item, why);
        return;
    }
    m_current = job;
    connect(job, &SourceJob::finished, this, [this, job, item, then](SourceJob *) {
        if (!failed(item, job))
            then(job);
    });
    job->start();
}

void PushJob::pushCreate(Item item)
{
    const RecordBody body(*item.entity);
    const QStringList columns = body.writableColumns();
    QJsonObject record;
    QList<RecordBody::Missing> missing;
    Error error;
    if (!body.build(item.row, columns, [this](const QString &e, const QString &id, QString *ext, Error *err) { return externalIdOf(e, id, ext, err); },
                    &record, &missing, &error)) {
        fail(error);
        return;
    }
    for (const RecordBody::Missing &m : std::as_const(missing)) {
        const EntityConfig *target = m_source.entity(m.entity);
        bool queued = false;
        if (target && !m_outbox.has(m_source.name, target->table, m.localId, &queued, &error)) {
            fail(error);
            return;
        }
        // A row of the application's that the source does not have yet goes first: it gets an
        // operation of its own (its user, its section), and this one waits for it.
        bool eligible = false;
        if (!queued && target && target->enabled && target->writes()) {
            Item referenced;
            referenced.op.entity = target->name;
            referenced.op.table = target->table;
            referenced.op.localId = m.localId;
            if (!classify(&referenced, &error)) {
                fail(error);
                return;
            }
            eligible = referenced.kind == Kind::Create;
            if (eligible && !m_outbox.enqueue(m_source.name, target->name, target->table, m.localId, now(), &error)) {
                fail(error);
                return;
            }
            m_enqueued = m_enqueued || eligible;
        }
        if (queued || eligible) {
            m_deferred.append(item); // pushed later in this job, once its reference is there
            QMetaObject::invokeMethod(this, [this] { nextItem(); }, Qt::QueuedConnection);
            return;
        }
        refused(item, Tr::tr("%1 refers to %2 %3, which source %4 has no record of and which is not pushed to it")
                          .arg(m.column, m.entity, m.localId, m_source.name));
        return;
    }
    if (item.op.idempotencyKey.isEmpty()) {
        // Stored before the first attempt: after a crash or a lost answer the same key is sent
        // again, and the source answers the first create instead of making a second record.
        item.op.idempotencyKey = newIdempotencyKey();
        if (!m_outbox.setIdempotencyKey(item.op.id, item.op.idempotencyKey, &error)) {
            fail(error);
            return;
        }
    }
    WriteRequest request;
    request.op = WriteRequest::Op::Create;
    request.entity = item.entity->name;
    request.record = record;
    request.idempotencyKey = item.op.idempotencyKey;
    send(item, request, [this, item, record, columns](WriteJob *job) {
        switch (job->outcome()) {
        case WriteJob::Outcome::Done: {
            const QString externalId = idString(valueAt(job->record(), item.entity->externalId));
            if (externalId.isEmpty()) {
                // Created, but under which id? Sending it again could make a second record.
                refused(item, Tr::tr("the source created the record but its answer has no id at \"%1\"; link it by hand or drop "
                                     "the operation").arg(item.entity->externalId));
                return;
            }
            Applier::Pushed pushed;
            pushed.localId = item.op.localId;
            pushed.externalId = externalId;
            pushed.created = true;
            pushed.base = item.row;
            pushed.fields = columns;
            pushed.values = commandLog(item, record);
            pushed.op = QStringLiteral("push-create");
            pushed.answer = job->record();
            acknowledged(item, [&](Error *failure) { return m_applier.applyPushed(*item.entity, pushed, failure); });
            return;
        }
        case WriteJob::Outcome::Refused:
            refused(item, job->refusal());
            return;
        case WriteJob::Outcome::NotFound:
            refused(item, Tr::tr("the source answered 404 to the create: check the entity's endpoint and rest.write.create"));
            return;
        case WriteJob::Outcome::Changed:
            later(item, Tr::tr("the source answered 412 to a create"));
            return;
        }
    });
}

void PushJob::pushUpdate(Item item)
{
    fetch(item, [this, item](const QJsonObject &current, bool found) mutable {
        if (!found) {
            goneThere(item);
            return;
        }
        Error error;
        // The source's changes since the last sync, by the read direction's rules: what both
        // changed alike converges, a collision becomes a conflict or is decided by policy.
        if (!m_applier.applyRecords(*item.entity, QJsonArray{current}, &error)) {
            fail(error);
            return;
        }
        bool exists = false;
        if (!readRow(&item, &exists, &error)) {
            fail(error);
            return;
        }
        if (!exists || item.rowKept || item.externalId.isNull()) {
            completed(item, false); // deleted meanwhile: the next push sees the delete
            return;
        }
        if (heldByConflict(item))
            return;
        // What the row holds that the source does not: the base is what the source last sent
        // (or what the last push wrote there).
        LinkStore::Link link = m_ctx.links.find(item.entity->name, item.externalId, &error);
        bool derived = false, captured = false;
        if (error.isError() || !m_ctx.links.readBase(item.entity->name, item.externalId, &link, &error)
            || !m_ctx.edits.fillBase(item.entity->table, &link, &derived, &captured, &error)) {
            fail(error);
            return;
        }
        const QJsonObject base = link.base();
        const RecordBody body(*item.entity);
        QStringList changed;
        if (!(derived && !captured)) {
            for (const QString &c : body.writableColumns()) {
                if (!sameValue(item.row.value(c), base.value(c).toVariant()))
                    changed.append(c);
            }
        }
        if (changed.isEmpty()) {
            completed(item, false);
            return;
        }
        QJsonObject record;
        QList<RecordBody::Missing> missing;
        if (!body.build(item.row, changed, [this](const QString &e, const QString &id, QString *ext, Error *err) { return externalIdOf(e, id, ext, err); },
                        &record, &missing, &error)) {
            fail(error);
            return;
        }
        if (!missing.isEmpty()) {
            later(item, Tr::tr("%1 refers to %2 %3, which is not at the source yet").arg(missing.first().column, missing.first().entity,
                                                                                         missing.first().localId));
            return;
        }
        // The base after the write: the values sent, and the row's own values of what the source
        // sets itself (so that the source's answer for those simply replaces them).
        QVariantMap after;
        for (auto it = base.constBegin(); it != base.constEnd(); ++it)
            after.insert(it.key(), it.value().toVariant());
        for (const QString &c : changed)
            after.insert(c, item.row.value(c));
        for (const ColumnMapping &c : item.entity->columns) {
            if (!c.write)
                after.insert(c.column, item.row.value(c.column));
        }
        WriteRequest request;
        request.op = WriteRequest::Op::Update;
        request.entity = item.entity->name;
        request.externalId = item.externalId;
        request.record = record;
        request.unmodifiedSince = fieldText(current, m_impl->capabilities(item.entity->name).cursorField);
        send(item, request, [this, item, after, changed, record](WriteJob *job) mutable {
            switch (job->outcome()) {
            case WriteJob::Outcome::Done: {
                Applier::Pushed pushed;
                pushed.localId = item.op.localId;
                pushed.externalId = item.externalId;
                pushed.base = after;
                pushed.fields = changed;
                pushed.values = commandLog(item, record);
                pushed.op = QStringLiteral("push-update");
                pushed.answer = job->record();
                acknowledged(item, [&](Error *failure) { return m_applier.applyPushed(*item.entity, pushed, failure); });
                return;
            }
            case WriteJob::Outcome::Changed:
                // The source changed the record after it was read: read it again and merge.
                changedAgain(item, &PushJob::pushUpdate);
                return;
            case WriteJob::Outcome::NotFound:
                goneThere(item);
                return;
            case WriteJob::Outcome::Refused:
                refused(item, job->refusal());
                return;
            }
        });
    });
}

void PushJob::pushDelete(Item item)
{
    fetch(item, [this, item](const QJsonObject &current, bool found) mutable {
        Error error;
        if (!found) {
            // Gone there too: nothing to send.
            if (!m_applier.applyPushedDelete(*item.entity, item.op.localId, item.externalId, item.rowKept, commandLog(item, {}), &error)) {
                fail(error);
                return;
            }
            completed(item, false);
            return;
        }
        const MappedRecord mapped = m_ctx.mapper(*item.entity).map(current);
        LinkStore::Link link = m_ctx.links.find(item.entity->name, item.externalId, &error);
        if (error.isError()) {
            fail(error);
            return;
        }
        if (mapped.isValid() && link.found && mapped.hash != link.hash) {
            // Deleted here, changed there since the last sync: the read direction decides (an
            // edit-versus-delete conflict for a deleted row), and the delete waits for it.
            if (!m_applier.applyRecords(*item.entity, QJsonArray{current}, &error)) {
                fail(error);
                return;
            }
            bool exists = false;
            if (!readRow(&item, &exists, &error)) {
                fail(error);
                return;
            }
            if (exists && !item.rowKept) {
                completed(item, false); // restored: nothing to delete
                return;
            }
        }
        // A conflict on the record, raised now or by a poll before, holds the delete until a
        // person decides: restore the row, or let the delete go to the source.
        if (heldByConflict(item))
            return;
        WriteRequest request;
        request.op = WriteRequest::Op::Delete;
        request.entity = item.entity->name;
        request.externalId = item.externalId;
        request.unmodifiedSince = fieldText(current, m_impl->capabilities(item.entity->name).cursorField);
        send(item, request, [this, item](WriteJob *job) mutable {
            switch (job->outcome()) {
            case WriteJob::Outcome::Done:
            case WriteJob::Outcome::NotFound:
                acknowledged(item, [&](Error *failure) {
                    return m_applier.applyPushedDelete(*item.entity, item.op.localId, item.externalId, item.rowKept, commandLog(item, {}), failure);
                });
                return;
            case WriteJob::Outcome::Changed:
                changedAgain(item, &PushJob::pushDelete);
                return;
            case WriteJob::Outcome::Refused:
                refused(item, job->refusal());
                return;
            }
        });
    });
}

QJsonObject PushJob::commandLog(const Item &item, const QJsonObject &sent) const
{
    // The command log's line (tributaryd history): what was sent, when the change was made here,
    // when the last attempt was sent (the line's own time is the acknowledgement), the attempts.
    QJsonObject o{{QStringLiteral("made_at"), item.op.madeAt}, {QStringLiteral("sent_at"), now()},
                  {QStringLiteral("attempts"), item.op.attempts + 1}};
    if (!sent.isEmpty())
        o.insert(QStringLiteral("sent"), sent);
    return o;
}

bool PushJob::remove(const Item &item, bool pushed, Error *error)
{
    bool removed = false;
    if (!m_outbox.complete(item.op.id, item.op.version, &removed, error))
        return false;
    if (pushed && item.entity) {
        ++m_ctx.counts[item.entity->name].pushed;
        m_progress = true;
        qCDebug(lcEngine).noquote() << QStringLiteral("pushed %1 %2 of %3 to %4").arg(item.entity->name, item.op.localId, item.op.table, m_source.name);
    }
    if (!removed)
        m_seen.remove(item.op.id); // changed again meanwhile: pushed again in the next round
    return true;
}

void PushJob::completed(const Item &item, bool pushed)
{
    Error error;
    if (!remove(item, pushed, &error)) {
        fail(error);
        return;
    }
    // One operation at a time: the next starts from the event loop, once this one is over.
    QMetaObject::invokeMethod(this, [this] { nextItem(); }, Qt::QueuedConnection);
}

void PushJob::refused(const Item &item, const QString &why)
{
    Error error;
    if (!m_outbox.refuse(item.op.id, why, &error)) {
        fail(error);
        return;
    }
    if (item.entity)
        ++m_ctx.counts[item.entity->name].refused;
    qCWarning(lcEngine).noquote() << Tr::tr("source %1 refused the change of %2 %3 (outbox operation %4): %5")
                                         .arg(m_source.name, item.op.table, item.op.localId)
                                         .arg(item.op.id)
                                         .arg(why);
    QMetaObject::invokeMethod(this, [this] { nextItem(); }, Qt::QueuedConnection);
}

bool PushJob::postpone(const Item &item, const QString &why, Error *error)
{
    const WriteBackConfig &c = m_source.writeBack;
    const int attempts = qMax(1, item.op.attempts + 1);
    qint64 wait = c.backoffSeconds;
    for (int i = 1; i < attempts && wait < c.maxBackoffSeconds; ++i)
        wait *= 2;
    wait = qMin<qint64>(wait, c.maxBackoffSeconds);
    const QString at = QDateTime::currentDateTimeUtc().addSecs(wait).toString(Qt::ISODateWithMs);
    if (!m_outbox.retryLater(item.op.id, at, why, error))
        return false;
    qCInfo(lcEngine).noquote() << Tr::tr("source %1: the change of %2 %3 waits until %4: %5").arg(m_source.name, item.op.table, item.op.localId, at, why);
    return true;
}

void PushJob::later(const Item &item, const QString &why)
{
    Error error;
    if (!postpone(item, why, &error)) {
        fail(error);
        return;
    }
    QMetaObject::invokeMethod(this, [this] { nextItem(); }, Qt::QueuedConnection);
}

} // namespace Tributary

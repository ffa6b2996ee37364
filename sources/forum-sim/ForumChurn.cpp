#include "forum-sim/ForumChurn.h"

#include "forum-sim/ForumApi.h"
#include "forum-sim/ForumEntity.h"
#include "forum-sim/ForumLogging.h"
#include "forum-sim/ForumStore.h"
#include "forum-sim/ForumTime.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QTimer>

namespace Tributary {

namespace {
constexpr int kTickMs = 50;
} // namespace

ForumChurn::ForumChurn(ForumApi *api, ForumStore *store, int perSecond, quint64 seed, QObject *parent)
    : QObject(parent), m_api(api), m_store(store), m_perSecond(perSecond), m_rng(quint32(seed ^ 0x5eed)), m_timer(new QTimer(this))
{
    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &ForumChurn::tick);
}

void ForumChurn::start()
{
    if (m_perSecond > 0)
        m_timer->start();
}

void ForumChurn::stop()
{
    m_timer->stop();
}

void ForumChurn::tick()
{
    m_due += m_perSecond * kTickMs / 1000.0;
    while (m_due >= 1.0) {
        m_due -= 1.0;
        change();
    }
}

qint64 ForumChurn::randomId(const QString &table)
{
    // Ids are dense enough in a generated forum that a random pick below the largest usually
    // exists; a miss is simply another try.
    QSqlQuery q(m_store->database());
    if (!q.exec(QStringLiteral("SELECT MAX(id) FROM %1").arg(table)) || !q.next() || q.value(0).toLongLong() < 1)
        return 0;
    const qint64 max = q.value(0).toLongLong();
    for (int attempt = 0; attempt < 8; ++attempt) {
        const qint64 id = 1 + qint64(m_rng.bounded(quint32(max)));
        QSqlQuery e(m_store->database());
        e.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(table));
        e.addBindValue(id);
        if (e.exec() && e.next())
            return id;
    }
    return 0;
}

void ForumChurn::bulkEdit()
{
    QSqlQuery q(m_store->database());
    if (!q.exec(QStringLiteral("SELECT MAX(id) FROM messages")) || !q.next())
        return;
    const qint64 max = q.value(0).toLongLong();
    if (max < 1)
        return;
    const int count = 50 + int(m_rng.bounded(251u));
    QStringList ids;
    for (int i = 0; i < count; ++i)
        ids.append(QString::number(1 + qint64(m_rng.bounded(quint32(max)))));
    const QString idList = ids.join(QLatin1Char(','));
    QList<qint64> edited;
    QSqlQuery e(m_store->database());
    if (e.exec(QStringLiteral("SELECT id FROM messages WHERE id IN (%1) ORDER BY id").arg(idList))) {
        while (e.next())
            edited.append(e.value(0).toLongLong());
    }
    QSqlQuery u(m_store->database());
    u.prepare(QStringLiteral("UPDATE messages SET updated_at = ? WHERE id IN (%1)").arg(idList));
    u.addBindValue(QString::fromLatin1(ForumTime::nowDb()));
    if (!u.exec()) {
        qCWarning(lcForumSim) << "churn: bulk edit failed";
        return;
    }
    // One notification per record, as a forum announces a mass action.
    const ForumEntity *messages = ForumEntity::find(QStringLiteral("messages"));
    for (const qint64 id : std::as_const(edited))
        m_api->announce(*messages, id, ForumApi::Change::Updated);
}

void ForumChurn::change()
{
    const ForumEntity *messages = ForumEntity::find(QStringLiteral("messages"));
    const ForumEntity *topics = ForumEntity::find(QStringLiteral("topics"));
    const ForumEntity *users = ForumEntity::find(QStringLiteral("users"));
    const quint32 dice = m_rng.bounded(100u);
    ++m_changes;
    if (dice < 45) {
        if (const qint64 id = randomId(QStringLiteral("messages")))
            m_api->update(*messages, id, {{QStringLiteral("content"), QStringLiteral("Edited (churn %1)").arg(m_changes)}});
    } else if (dice < 52) {
        if (const qint64 id = randomId(QStringLiteral("topics")))
            m_api->update(*topics, id, {{QStringLiteral("title"), QStringLiteral("Topic renamed (churn %1)").arg(m_changes)}});
    } else if (dice < 55) {
        if (const qint64 id = randomId(QStringLiteral("users")))
            m_api->update(*users, id, {{QStringLiteral("name"), QStringLiteral("Renamed user %1").arg(m_changes)}});
    } else if (dice < 82) {
        const qint64 parent = randomId(QStringLiteral("messages"));
        qint64 topic = 0;
        bool found = false;
        QString error;
        if (parent)
            m_store->messageTopic(parent, &topic, &found, &error);
        if (!found)
            topic = randomId(QStringLiteral("topics"));
        const qint64 user = randomId(QStringLiteral("users"));
        if (topic && user) {
            QJsonObject body{{QStringLiteral("topic_id"), topic}, {QStringLiteral("user_id"), user},
                             {QStringLiteral("content"), QStringLiteral("New message (churn %1)").arg(m_changes)}};
            if (found && m_rng.bounded(2u) == 0)
                body.insert(QStringLiteral("parent_id"), parent);
            m_api->create(*messages, body);
        }
    } else if (dice < 96) {
        if (const qint64 id = randomId(QStringLiteral("messages")))
            m_api->remove(*messages, id);
    } else {
        bulkEdit();
    }
}

} // namespace Tributary

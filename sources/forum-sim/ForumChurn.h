#pragma once

#include <QObject>
#include <QRandomGenerator>

class QTimer;

namespace Tributary {

class ForumApi;
class ForumStore;

// The forum's own users at work: about `perSecond` changes a second, drawn from a seed. Most are
// edits of messages (some of topics and users), then new messages (many of them replies), some
// deletes of messages, and now and then a bulk edit that gives 50-300 messages one updated_at
// (an import, a moderator's mass action). Writes go through ForumApi like the API's own, so
// they are validated and announced to change listeners (webhooks) the same way.
class ForumChurn : public QObject
{
    Q_OBJECT
public:
    ForumChurn(ForumApi *api, ForumStore *store, int perSecond, quint64 seed, QObject *parent = nullptr);

    void start();
    void stop();
    qint64 changes() const { return m_changes; }

private:
    void tick();
    void change();
    qint64 randomId(const QString &table);
    void bulkEdit();

    ForumApi *m_api;
    ForumStore *m_store;
    int m_perSecond;
    QRandomGenerator m_rng;
    QTimer *m_timer;
    double m_due = 0;
    qint64 m_changes = 0;
};

} // namespace Tributary

#include "TopicConflict.h"

#include "SyncFixture.h"

#include "store/Database.h"

#include <QSqlQuery>

namespace Tributary::Test {

TopicConflict makeTopicConflict(SyncFixture &f, const QString &externalId, const QString &mine, const QString &theirs)
{
    TopicConflict t;
    t.localId = f.localId(QStringLiteral("topics"), externalId).toLongLong();
    t.baseTitle = f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {t.localId}).toString();
    const qint64 section = f.scalar(QStringLiteral("SELECT section_id FROM topics WHERE id = ?"), {t.localId});
    // Two other sections that came from the forum, one for each side.
    QSqlQuery q(f.db().db());
    q.prepare(QStringLiteral("SELECT external_id, local_id FROM tributary_links WHERE entity = 'sections' AND origin = 'inserted' "
                             "AND local_id != ? ORDER BY CAST(local_id AS INTEGER) LIMIT 2"));
    q.addBindValue(QString::number(section));
    q.exec();
    q.next();
    const QString remoteSectionExternal = q.value(0).toString();
    t.remoteSection = q.value(1).toLongLong();
    q.next();
    t.localSection = q.value(1).toLongLong();
    q.finish();
    QSqlQuery u(f.db().db());
    u.prepare(QStringLiteral("UPDATE topics SET title = ?, section_id = ? WHERE id = ?"));
    u.addBindValue(mine);
    u.addBindValue(t.localSection);
    u.addBindValue(t.localId);
    u.exec();
    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/topics/") + externalId,
                {{QStringLiteral("title"), theirs}, {QStringLiteral("section_id"), remoteSectionExternal.toLongLong()}}, &status);
    if (status != 200)
        qWarning("PATCH topic %s answered %d", qPrintable(externalId), status);
    return t;
}

} // namespace Tributary::Test

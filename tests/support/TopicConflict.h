#pragma once

#include <QString>

namespace Tributary::Test {

class SyncFixture;

// A conflict made on a synced forum: the main application and the forum both change topic
// `externalId`, the title on both sides (to `mine` and `theirs`) and the section on both sides
// (to different sections that came from the forum). The next sync raises it.
struct TopicConflict
{
    qint64 localId = 0;
    qint64 localSection = 0;  // where the main application moved it
    qint64 remoteSection = 0; // local id of the section the forum moved it to
    QString baseTitle;
};

TopicConflict makeTopicConflict(SyncFixture &f, const QString &externalId, const QString &mine = QStringLiteral("Mine"),
                                const QString &theirs = QStringLiteral("Theirs"));

} // namespace Tributary::Test

#pragma once

#include "config/Config.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Tributary {
class Database;
}

namespace Tributary::Test {

// What the main database holds for one source, in the source's id space: every linked row with
// its mapped values and its references written as external ids, one line per record
// ("entity|external id|values...|referenced external ids..."), sorted. Two databases synced from
// the same source compare equal exactly when they hold the same records, whatever local ids they
// were given.
QString contentInSourceTerms(Database &db, const Config &config, const QString &source);

// The same lines computed from records as the source serves them (entity -> raw records): what
// contentInSourceTerms() must give once every one of them is applied. Values go through the
// engine's RecordMapper (the typed, normalized form the database receives: timestamps in the
// configured format), so the two sides differ only where the sync did something wrong. Records
// the mapper refuses are left out (they belong in quarantine, not in the snapshot).
QString contentOfRecords(const Config &config, const QString &source, const QHash<QString, QList<QJsonObject>> &records);

} // namespace Tributary::Test

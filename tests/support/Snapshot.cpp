#include "Snapshot.h"

#include "engine/apply/RecordMapper.h"
#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace Tributary::Test {

namespace {
QString line(const QString &entity, const QStringList &values)
{
    return entity + QLatin1Char('|') + values.join(QLatin1Char('|'));
}

QString text(const QVariant &v)
{
    return v.isNull() ? QStringLiteral("NULL") : v.toString();
}

// A typed driver (PostgreSQL) hands a timestamp back as a QDateTime: written as Tributary writes
// it (the configured format), it compares with what the source's record maps to.
QString text(const Database &db, const QVariant &v)
{
    if (!v.isNull() && v.typeId() == QMetaType::QDateTime)
        return db.formatTimestamp(v.toDateTime());
    return text(v);
}
} // namespace

QString contentInSourceTerms(Database &db, const Config &config, const QString &source)
{
    const SourceConfig *sc = config.source(source);
    if (!sc) {
        qWarning("contentInSourceTerms: no source %s", qPrintable(source));
        return {};
    }
    QStringList lines;
    for (const EntityConfig &e : sc->entities) {
        QStringList cols;
        for (const ColumnMapping &c : e.columns)
            cols.append(QStringLiteral("t.%1").arg(c.column));
        QString joins;
        for (const ReferenceMapping &r : e.references) {
            const QString alias = QStringLiteral("r_%1").arg(r.column);
            // local_id is TEXT and the application's keys are integers: compare as text, or
            // SQLite cannot use the link index and the join turns quadratic.
            joins += QStringLiteral(" LEFT JOIN tributary_links %1 ON %1.source = l.source AND %1.entity = '%2' AND %1.local_id = CAST(t.%3 AS TEXT)")
                         .arg(alias, r.entity, r.column);
            cols.append(alias + QStringLiteral(".external_id"));
        }
        QSqlQuery q(db.db());
        q.prepare(QStringLiteral("SELECT l.external_id, %1 FROM tributary_links l JOIN %2 t ON t.%3 = CAST(l.local_id AS INTEGER)%4 "
                                 "WHERE l.source = ? AND l.entity = ?")
                      .arg(cols.join(QStringLiteral(", ")), e.table, e.key, joins));
        q.addBindValue(source);
        q.addBindValue(e.name);
        if (!q.exec())
            qWarning("contentInSourceTerms: %s", qPrintable(q.lastError().text()));
        while (q.next()) {
            QStringList values;
            for (int i = 0; i < q.record().count(); ++i)
                values.append(text(db, q.value(i)));
            lines.append(line(e.name, values));
        }
    }
    lines.sort();
    return lines.join(QLatin1Char('\n'));
}

QString contentOfRecords(const Config &config, const QString &source, const QHash<QString, QList<QJsonObject>> &records)
{
    const SourceConfig *sc = config.source(source);
    if (!sc) {
        qWarning("contentOfRecords: no source %s", qPrintable(source));
        return {};
    }
    QStringList lines;
    for (const EntityConfig &e : sc->entities) {
        const RecordMapper mapper(e, config.database, QString());
        for (const QJsonObject &raw : records.value(e.name)) {
            const MappedRecord m = mapper.map(raw);
            if (!m.isValid())
                continue;
            QStringList values{m.externalId};
            for (const ColumnMapping &c : e.columns)
                values.append(text(m.values.value(c.column)));
            for (const ReferenceMapping &r : e.references)
                values.append(m.refs.contains(r.column) ? m.refs.value(r.column) : QStringLiteral("NULL"));
            lines.append(line(e.name, values));
        }
    }
    lines.sort();
    return lines.join(QLatin1Char('\n'));
}

} // namespace Tributary::Test

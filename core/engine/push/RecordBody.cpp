#include "RecordBody.h"

#include "util/Values.h"

#include <QJsonDocument>

namespace Tributary {

namespace {
// The largest whole number a JSON number (a double) holds exactly.
constexpr qint64 kExactLimit = qint64(1) << 53;
} // namespace

QStringList RecordBody::writableColumns() const
{
    QStringList out;
    for (const ColumnMapping &c : m_entity.columns) {
        if (c.write && c.field != m_entity.externalId)
            out.append(c.column);
    }
    for (const ReferenceMapping &r : m_entity.references)
        out.append(r.column);
    return out;
}

void RecordBody::setAt(QJsonObject *record, const QString &path, const QJsonValue &value)
{
    const qsizetype dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        record->insert(path, value);
        return;
    }
    const QString head = path.left(dot);
    QJsonObject child = record->value(head).toObject();
    setAt(&child, path.mid(dot + 1), value);
    record->insert(head, child);
}

QJsonValue RecordBody::idValue(const QString &externalId)
{
    bool whole = false;
    const qint64 n = externalId.toLongLong(&whole);
    if (whole && n > -kExactLimit && n < kExactLimit && QString::number(n) == externalId)
        return QJsonValue(double(n));
    return QJsonValue(externalId);
}

QJsonValue RecordBody::fieldValue(const QVariant &value, const QString &type)
{
    if (value.isNull() || !value.isValid())
        return QJsonValue(QJsonValue::Null);
    if (type == QLatin1String("integer")) {
        bool ok = false;
        const qint64 n = value.toLongLong(&ok);
        if (!ok)
            return QJsonValue(value.toString());
        return n > -kExactLimit && n < kExactLimit ? QJsonValue(double(n)) : QJsonValue(QString::number(n));
    }
    if (type == QLatin1String("real"))
        return QJsonValue(value.toDouble());
    if (type == QLatin1String("boolean")) {
        const QString text = value.toString().trimmed().toLower();
        return QJsonValue(!(text.isEmpty() || text == QLatin1String("0") || text == QLatin1String("false")));
    }
    if (type == QLatin1String("timestamp")) {
        QDateTime utc;
        int micros = 0;
        const QJsonValue text = value.typeId() == QMetaType::QDateTime
            ? QJsonValue(value.toDateTime().toUTC().toString(Qt::ISODateWithMs))
            : QJsonValue(value.toString());
        if (!parseTimestamp(text, &utc, &micros))
            return text; // as stored: the source says what it makes of it
        return QJsonValue(utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QLatin1Char('.')
                          + QStringLiteral("%1").arg(micros, 6, 10, QLatin1Char('0')) + QLatin1Char('Z'));
    }
    if (type == QLatin1String("json")) {
        const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
        if (doc.isObject())
            return doc.object();
        if (doc.isArray())
            return doc.array();
        return variantToJson(value);
    }
    return QJsonValue(value.toString());
}

bool RecordBody::build(const QVariantMap &row, const QStringList &columns, const ExternalIdOf &externalIdOf, QJsonObject *record,
                       QList<Missing> *missing, Error *error) const
{
    *record = QJsonObject();
    missing->clear();
    for (const ColumnMapping &c : m_entity.columns) {
        if (columns.contains(c.column))
            setAt(record, c.field, fieldValue(row.value(c.column), c.type));
    }
    for (const ReferenceMapping &r : m_entity.references) {
        if (!columns.contains(r.column))
            continue;
        const QVariant local = row.value(r.column);
        if (local.isNull() || !local.isValid() || local.toString().isEmpty()) {
            setAt(record, r.field, QJsonValue(QJsonValue::Null));
            continue;
        }
        QString externalId;
        if (!externalIdOf(r.entity, local.toString(), &externalId, error))
            return false;
        if (externalId.isNull())
            missing->append({r.column, r.entity, local.toString()});
        else
            setAt(record, r.field, idValue(externalId));
    }
    return true;
}

} // namespace Tributary

#include "QuarantineModel.h"

#include "DisplayText.h"

#include "store/Database.h"

#include <QSqlQuery>

namespace Tributary::Gui {

QuarantineModel::QuarantineModel(QObject *parent) : RowModel(parent) {}

QuarantineModel::~QuarantineModel() = default;

bool QuarantineModel::refresh(Database &db, Error *error)
{
    const QString where = m_source.isEmpty() ? QString() : QStringLiteral(" WHERE source = ?");
    Error e;
    auto fail = [&] {
        if (error)
            *error = e;
        clear();
        return false;
    };
    QSqlQuery count;
    if (!db.prepare(count, QStringLiteral("SELECT COUNT(*) FROM tributary_quarantine") + where, &e))
        return fail();
    if (!m_source.isEmpty())
        count.addBindValue(m_source);
    if (!db.exec(count, &e))
        return fail();
    m_total = count.next() ? count.value(0).toLongLong() : 0;
    QSqlQuery q;
    if (!db.prepare(q, QStringLiteral("SELECT source, entity, external_id, field, reason, attempts, first_seen, last_seen, record "
                                      "FROM tributary_quarantine%1 ORDER BY source, entity, first_seen, external_id LIMIT %2")
                           .arg(where).arg(kLimit),
                    &e))
        return fail();
    if (!m_source.isEmpty())
        q.addBindValue(m_source);
    if (!db.exec(q, &e))
        return fail();
    QList<QuarantinedRecord> fresh;
    while (q.next()) {
        QuarantinedRecord r;
        r.source = q.value(0).toString();
        r.entity = q.value(1).toString();
        r.externalId = q.value(2).toString();
        r.field = q.value(3).toString();
        r.reason = q.value(4).toString();
        r.attempts = q.value(5).toLongLong();
        r.firstSeen = q.value(6).toString();
        r.lastSeen = q.value(7).toString();
        r.record = q.value(8).toString();
        fresh.append(r);
    }
    replaceRows(
        m_rows, fresh, [](const QuarantinedRecord &r) { return r.key(); },
        [](const QuarantinedRecord &a, const QuarantinedRecord &b) {
            return a.attempts == b.attempts && a.lastSeen == b.lastSeen && a.reason == b.reason && a.field == b.field
                && a.record == b.record && a.firstSeen == b.firstSeen;
        });
    return true;
}

void QuarantineModel::clear()
{
    m_total = 0;
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int QuarantineModel::rowOf(const QString &source, const QString &entity, const QString &externalId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        const QuarantinedRecord &r = m_rows.at(i);
        if (r.source == source && r.entity == entity && r.externalId == externalId)
            return i;
    }
    return -1;
}

int QuarantineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QuarantineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QuarantineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QuarantinedRecord &r = m_rows.at(index.row());
    switch (role) {
    case SortRole:
        switch (index.column()) {
        case ExternalIdColumn: {
            bool ok = false;
            const qlonglong n = r.externalId.toLongLong(&ok);
            return ok ? QVariant(n) : QVariant(r.externalId);
        }
        case AttemptsColumn: return r.attempts;
        case FirstSeenColumn: return r.firstSeen;
        case LastSeenColumn: return r.lastSeen;
        default: return data(index, Qt::DisplayRole);
        }
    case Qt::TextAlignmentRole:
        if (index.column() == AttemptsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ReasonColumn: return r.reason;
        case FirstSeenColumn:
        case LastSeenColumn:
            return tr("First held %1, last tried %2").arg(DisplayText::time(r.firstSeen), DisplayText::time(r.lastSeen));
        case FieldColumn:
            return r.field.isEmpty() ? tr("The record as a whole") : QVariant();
        default: return {};
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case SourceColumn: return r.source;
        case EntityColumn: return r.entity;
        case ExternalIdColumn: return r.externalId;
        case FieldColumn: return r.field.isEmpty() ? QStringLiteral("-") : r.field;
        case ReasonColumn: return r.reason.section(QLatin1Char('\n'), 0, 0);
        case AttemptsColumn: return r.attempts;
        case FirstSeenColumn: return DisplayText::time(r.firstSeen);
        case LastSeenColumn: return DisplayText::time(r.lastSeen);
        default: return {};
        }
    default:
        return {};
    }
}

QVariant QuarantineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SourceColumn: return tr("Source");
    case EntityColumn: return tr("Entity");
    case ExternalIdColumn: return tr("External id");
    case FieldColumn: return tr("Field");
    case ReasonColumn: return tr("Reason");
    case AttemptsColumn: return tr("Attempts");
    case FirstSeenColumn: return tr("First seen");
    case LastSeenColumn: return tr("Last tried");
    default: return {};
    }
}

} // namespace Tributary::Gui

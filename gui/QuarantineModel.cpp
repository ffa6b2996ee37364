#include "QuarantineModel.h"

#include "DisplayText.h"

#include "store/Database.h"

namespace Tributary::Gui {

QuarantineModel::QuarantineModel(QObject *parent) : RowModel(parent) {}

QuarantineModel::~QuarantineModel() = default;

bool QuarantineModel::refresh(Database &db, Error *error)
{
    QuarantineFilter filter;
    if (!m_source.isEmpty())
        filter.sources = {m_source};
    const Result<qint64> total = ParkingLot::count(db, filter);
    filter.limit = kLimit;
    const Result<QList<QuarantineEntry>> fresh = total ? ParkingLot::list(db, filter) : Result<QList<QuarantineEntry>>(total.error());
    if (!fresh)
        return failRead(fresh.error(), error);
    readSucceeded();
    m_total = *total;
    replaceRows(
        m_rows, *fresh, [](const QuarantineEntry &r) { return r.key(); },
        [](const QuarantineEntry &a, const QuarantineEntry &b) {
            return a.attempts == b.attempts && a.lastSeen == b.lastSeen && a.reason == b.reason && a.field == b.field
                && a.record == b.record && a.firstSeen == b.firstSeen;
        });
    return true;
}

void QuarantineModel::clearRows()
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
        const QuarantineEntry &r = m_rows.at(i);
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
    const QuarantineEntry &r = m_rows.at(index.row());
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

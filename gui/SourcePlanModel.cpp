#include "SourcePlanModel.h"

#include "DisplayText.h"

namespace Tributary::Gui {

void SourcePlanModel::setDetachPlan(const QList<SourceAdmin::EntityState> &entities)
{
    QList<Row> rows;
    for (const SourceAdmin::EntityState &e : entities)
        rows.append({e.entity, e.table, {e.links, e.inserted, e.matched, e.gone}});
    setRows({tr("Entity"), tr("Table"), tr("Links forgotten"), tr("Inserted rows (stay)"), tr("Adopted rows (stay)"), tr("Gone at source")},
             rows);
}

void SourcePlanModel::setPurgePlan(const QList<SourceAdmin::EntityPurge> &entities)
{
    QList<Row> rows;
    for (const SourceAdmin::EntityPurge &e : entities)
        rows.append({e.entity, e.table, {e.links, e.deleted, e.shared, e.adopted, e.alreadyGone}});
    setRows({tr("Entity"), tr("Table"), tr("Linked"), tr("Deleted"), tr("Shared (kept)"), tr("Adopted (kept)"), tr("Already gone")}, rows);
}

void SourcePlanModel::clear() { setRows({}, {}); }

void SourcePlanModel::setRows(const QStringList &headers, const QList<Row> &rows)
{
    beginResetModel();
    m_headers = headers;
    m_rows = rows;
    endResetModel();
}

int SourcePlanModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int SourcePlanModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_headers.size()); }

QVariant SourcePlanModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const int c = index.column();
    if (c < 2) {
        if (role != Qt::DisplayRole && role != ValueRole)
            return {};
        // A source last synced before the state tables recorded its tables has none to name.
        return c == 0 ? r.entity : (r.table.isEmpty() && role == Qt::DisplayRole ? tr("(not recorded)") : r.table);
    }
    const qint64 v = r.figures.value(c - 2);
    switch (role) {
    case Qt::DisplayRole: return DisplayText::number(v);
    case ValueRole: return v;
    case Qt::TextAlignmentRole: return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default: return {};
    }
}

QVariant SourcePlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < m_headers.size())
        return m_headers.at(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace Tributary::Gui

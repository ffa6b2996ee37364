#pragma once

#include "engine/SourceAdmin.h"

#include <QAbstractTableModel>

namespace Tributary::Gui {

// A detach or purge plan (SourceAdmin's counts), one row per entity. Detach: the links each
// entity forgets and the rows that stay (inserted by the source, adopted through a match key).
// Purge: what happens to the rows the links point at, children first (the order of the deletes):
// deleted, kept because another source links them, kept because adopted, already gone.
class SourcePlanModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum DetachColumn { DetachEntity, DetachTable, DetachLinks, DetachInserted, DetachAdopted, DetachGone, DetachColumnCount };
    enum PurgeColumn { PurgeEntity, PurgeTable, PurgeLinks, PurgeDeleted, PurgeShared, PurgeAdopted, PurgeAlreadyGone, PurgeColumnCount };
    // The figure of a cell as a number (qint64); the entity and table as text.
    static constexpr int ValueRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setDetachPlan(const QList<SourceAdmin::EntityState> &entities);
    void setPurgePlan(const QList<SourceAdmin::EntityPurge> &entities);
    void clear();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString entity;
        QString table;
        QList<qint64> figures; // the columns after the table, in order
    };
    void setRows(const QStringList &headers, const QList<Row> &rows);

    QStringList m_headers;
    QList<Row> m_rows;
};

} // namespace Tributary::Gui

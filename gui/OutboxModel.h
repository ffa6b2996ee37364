#pragma once

#include "RowModel.h"

#include "state/Outbox.h"

namespace Tributary {
class Database;
struct Error;
}

namespace Tributary::Gui {

// The main database's changes waiting to be pushed to their sources (write-back's outbox), as
// `tributaryd outbox list` shows them: oldest first, those the source refused with its reason.
class OutboxModel : public RowModel
{
    Q_OBJECT
public:
    enum Column { SourceColumn, EntityColumn, RowColumn, StateColumn, SinceColumn, AttemptsColumn, NextAttemptColumn,
                  LastErrorColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };
    static constexpr int kLimit = 5000;

    explicit OutboxModel(QObject *parent = nullptr);
    ~OutboxModel() override;

    // What the model lists: one source (empty: every source), only the refused operations.
    void setFilter(const QString &source, bool refusedOnly);
    QString source() const { return m_source; }
    bool isRefusedOnly() const { return m_refusedOnly; }

    // False with *error (and readError()) when the outbox could not be read.
    bool refresh(Database &db, Error *error = nullptr);

    // Operations the filter selects, also those beyond kLimit.
    qint64 total() const { return m_total; }
    // The whole outbox per source, whatever the filter (as of the last refresh that could read).
    const QHash<QString, Outbox::Depth> &depth() const { return m_depth; }
    const OutboxOperation &operation(int row) const { return m_rows.at(row); }
    int rowOf(qint64 id) const;

    // A create sent without an answer: the source may hold its record already (docs/write-back.md).
    static bool isInDoubt(const OutboxOperation &o);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void clearRows() override;
    QString nextAttemptText(const OutboxOperation &o) const;

    QList<OutboxOperation> m_rows;
    QHash<QString, Outbox::Depth> m_depth;
    QString m_source;
    bool m_refusedOnly = false;
    qint64 m_total = 0;
};

} // namespace Tributary::Gui

#pragma once

#include "state/RecordLookup.h"

#include <QAbstractTableModel>
#include <QFont>

namespace Tributary::Gui {

// The candidates a search found: table, key, how they are linked and the row's own text.
class RecordHitsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TableColumn, LocalIdColumn, TextColumn, LinkColumn, ColumnCount };
    enum Role { TableRole = Qt::UserRole + 1, LocalIdRole };

    explicit RecordHitsModel(QObject *parent = nullptr);

    void setHits(const QList<RecordHit> &hits);
    const QList<RecordHit> &hits() const { return m_hits; }
    const RecordHit &hit(int row) const { return m_hits.at(row); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "forum/topics 4", with "+1 more" when the row has other links; "no link" for the main
    // application's own row.
    static QString linkText(const RecordHit &hit);

private:
    QList<RecordHit> m_hits;
};

// One part of a record's detail as a table: its row (with each link's base beside the values),
// its links, its conflicts or its change log.
class RecordDetailModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Part { Row, Links, Conflicts, History };
    enum Role {
        ChangedRole = Qt::UserRole + 1, // Row: the value differs from a base (bool)
        IdRole,                         // Conflicts: the conflict's id; History: the line's run id
    };
    // Columns of the fixed parts (the row's columns depend on its links).
    enum LinksColumn { LinkSource, LinkEntity, LinkExternalId, LinkOrigin, LinkState, LinkSince, LinkWritten, LinkSeen, LinkBase,
                       LinksColumnCount };
    enum ConflictsColumn { ConflictId, ConflictRecord, ConflictKind, ConflictFields, ConflictRaised, ConflictStatus, ConflictWritten,
                           ConflictsColumnCount };
    enum HistoryColumn { HistoryTime, HistoryActor, HistoryOp, HistoryRun, HistoryValues, HistoryColumnCount };
    enum RowColumn { RowName, RowValue, RowFirstBase }; // then one base per link, then the captured edit

    explicit RecordDetailModel(Part part, QObject *parent = nullptr);

    Part part() const { return m_part; }
    // Reads what to show from `detail` (nothing when null).
    void setDetail(const RecordDetail *detail);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "title = "Theirs", section_id = 4" for the values a change wrote.
    static QString valuesText(const QJsonObject &values, const QStringList &fields = {});
    // How a link's base is kept, in words.
    static QString baseText(RecordLink::BaseKind kind);
    // What state a link is in: linked, gone at the source since ..., not configured.
    static QString linkState(const RecordLink &link);

private:
    struct Cell
    {
        QString text;
        QString toolTip;
        bool italic = false;
        bool bold = false;
        QVariant user;
    };
    Part m_part;
    QStringList m_headers;
    QStringList m_headerTips;
    QList<QList<Cell>> m_rows;
};

} // namespace Tributary::Gui

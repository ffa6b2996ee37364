#pragma once

#include "RowModel.h"

#include "state/ConflictStore.h"

namespace Tributary {
class Database;
}

namespace Tributary::Gui {

// The conflicts of the main database that a ConflictFilter selects, one row each, as
// ConflictStore::list returns them (oldest first). Each row keeps its whole Conflict, so the
// inspector resolves exactly the version it shows.
class ConflictsModel : public RowModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, SourceColumn, EntityColumn, ExternalIdColumn, LocalIdColumn, RecordColumn, KindColumn, FieldsColumn,
                  RaisedColumn, StatusColumn, ColumnCount };
    enum Role {
        ConflictIdRole = Qt::UserRole + 1, // qint64
        SortRole,                          // what the column sorts by (numbers as numbers, times as text)
        IsOpenRole,
    };
    // At most this many rows are read; isTruncated() says when there were more.
    static constexpr int kLimit = 5000;

    explicit ConflictsModel(QObject *parent = nullptr);
    ~ConflictsModel() override;

    void setFilter(const ConflictFilter &filter) { m_filter = filter; }
    const ConflictFilter &filter() const { return m_filter; }

    // Reads the conflicts again. Rows that stay keep their place (views keep their selection).
    // False with *error (and readError()) when they could not be read; the rows are then cleared.
    bool refresh(Database &db, Error *error = nullptr);

    bool isTruncated() const { return m_truncated; }
    // Open conflicts in the whole database, whatever the filter (for "hidden by the filters").
    qint64 openTotal() const { return m_openTotal; }

    const Conflict &conflict(int row) const { return m_rows.at(row).conflict; }
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The fields worth showing: every field of a "field" conflict; for an edit-versus-delete
    // conflict the ones the side that did not delete changed (as `tributaryd conflicts show`).
    static QStringList shownFields(const Conflict &c);
    // What the record is, in a few words for the list: its title, name, subject or e-mail when
    // the conflict holds one, else its first text value ("Sourdough starters, week 2").
    static QString recordLabel(const Conflict &c);
    // In the reader's language: a short label ("Deleted here") and a sentence.
    // How a conflict was resolved, in words: "kept local", "rule source-wins", "priority of forum2".
    static QString resolutionText(const QString &resolution);
    static QString kindLabel(const QString &kind);
    static QString kindSentence(const QString &kind);
    static QString statusText(const Conflict &c);

private:
    void clearRows() override;

    struct Row
    {
        Conflict conflict;
        QDateTime raised;
    };
    QList<Row> m_rows;
    ConflictFilter m_filter;
    bool m_truncated = false;
    qint64 m_openTotal = 0;
};

} // namespace Tributary::Gui

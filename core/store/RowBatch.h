#pragma once

#include "store/RowStatement.h"
#include "util/Error.h"

#include <QList>
#include <QString>
#include <QVariantList>
#include <memory>

namespace Tributary {

class Database;

// Rows for one table, held until flush() writes them in multi-row INSERT statements (up to
// kRows rows each, through RowStatement): the state rows of a page (links, change log lines) in a
// few statements instead of one per record, which on PostgreSQL is one round trip instead of a
// thousand. The rows are written in the transaction that is open when flush() runs; whoever
// queues them flushes before that transaction commits and before anything reads the table.
class RowBatch
{
public:
    // `table` and `columns` are Tributary's own (never from configuration).
    RowBatch(Database &db, const QString &table, const QStringList &columns);
    ~RowBatch();

    void add(QVariantList row) { m_rows.append(std::move(row)); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    qsizetype size() const { return m_rows.size(); }
    bool flush(Error *error);
    void discard() { m_rows.clear(); }

    static constexpr qsizetype kRows = 100;

private:
    RowStatement *statement(qsizetype rows, Error *error);

    Database &m_db;
    QString m_prefix; // INSERT INTO table (columns) VALUES
    QString m_row;    // (?, ?, ...)
    int m_columns = 0;
    std::unique_ptr<RowStatement> m_full;  // kRows rows
    std::unique_ptr<RowStatement> m_tail;  // the last statement's size, kept for the next flush
    qsizetype m_tailRows = 0;
    QList<QVariantList> m_rows;
};

} // namespace Tributary

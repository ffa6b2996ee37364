#include "RowBatch.h"

#include "store/Database.h"

namespace Tributary {

RowBatch::RowBatch(Database &db, const QString &table, const QStringList &columns) : m_db(db), m_columns(int(columns.size()))
{
    m_prefix = QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(table, columns.join(QStringLiteral(", ")));
    QStringList marks;
    for (int i = 0; i < m_columns; ++i)
        marks.append(QStringLiteral("?"));
    m_row = QStringLiteral("(%1)").arg(marks.join(QStringLiteral(", ")));
}

RowBatch::~RowBatch() = default;

RowStatement *RowBatch::statement(qsizetype rows, Error *error)
{
    std::unique_ptr<RowStatement> &slot = rows == kRows ? m_full : m_tail;
    if (slot && (rows == kRows || m_tailRows == rows))
        return slot.get();
    QStringList values;
    values.reserve(rows);
    for (qsizetype i = 0; i < rows; ++i)
        values.append(m_row);
    slot = RowStatement::prepare(m_db, m_prefix + values.join(QStringLiteral(", ")), error);
    if (rows != kRows)
        m_tailRows = slot ? rows : 0;
    return slot.get();
}

bool RowBatch::flush(Error *error)
{
    for (qsizetype at = 0; at < m_rows.size(); at += kRows) {
        const qsizetype rows = qMin(kRows, m_rows.size() - at);
        RowStatement *s = statement(rows, error);
        if (!s)
            return false;
        int index = 0;
        for (qsizetype r = 0; r < rows; ++r) {
            const QVariantList &row = m_rows.at(at + r);
            for (int c = 0; c < m_columns; ++c)
                s->bind(index++, row.value(c));
        }
        if (!s->exec(error))
            return false;
    }
    m_rows.clear();
    return true;
}

} // namespace Tributary

#pragma once

#include <QList>
#include <QStringList>

namespace Tributary::Cli {

// Aligned columns for the tables tributaryd prints for people. Headers are translated and their
// length depends on the language, so each column is as wide as its header and at least its
// minimum. As with QString::arg, a negative width aligns left; 0 does not pad (a last column).
class TextTable
{
public:
    struct Column
    {
        QString header;
        int width;
    };

    explicit TextTable(const QList<Column> &columns)
    {
        for (const Column &c : columns) {
            m_headers.append(c.header);
            const int width = qMax(qAbs(c.width), int(c.header.size()));
            m_widths.append(c.width < 0 ? -width : c.width == 0 ? 0 : width);
        }
    }

    QString header() const { return row(m_headers); }

    // The cells, aligned, separated by one space; a row may have fewer cells than columns.
    QString row(const QStringList &cells) const
    {
        QStringList aligned;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const int width = m_widths.value(i);
            aligned.append(width < 0 ? cells.at(i).leftJustified(-width) : cells.at(i).rightJustified(width));
        }
        return aligned.join(QLatin1Char(' '));
    }

private:
    QStringList m_headers;
    QList<int> m_widths;
};

} // namespace Tributary::Cli

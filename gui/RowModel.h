#pragma once

#include "util/Error.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <type_traits>
#include <utility>

namespace Tributary::Gui {

// A table model whose rows are read again from the database on every refresh. replaceRows()
// turns "the new list" into removals, insertions and changes of single rows instead of a reset,
// so views keep their selection, current row and scroll position while the data moves under them.
// A refresh that cannot read leaves no rows and says why in readError(): no list is better than
// an old one passing for the current one, and an empty list must never stand for a failed read.
class RowModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    // Empties the model (nothing to read: no configuration, no database): no rows, no error.
    void clear()
    {
        m_readError = Error();
        clearRows();
    }
    // Why the last refresh could not read its rows; no error after one that could.
    const Error &readError() const { return m_readError; }

protected:
    // The model's rows and what it keeps about them, with the resets views need.
    virtual void clearRows() = 0;
    // What a refresh does when its read failed: the rows go, readError() says why, and the
    // refresh answers false with the error in *out.
    bool failRead(const Error &error, Error *out)
    {
        clearRows();
        m_readError = error;
        if (out)
            *out = error;
        return false;
    }
    // What a refresh does first when its read succeeded.
    void readSucceeded() { m_readError = Error(); }

    // `fresh` replaces `rows`. keyOf(row) identifies a row; same(a, b) says whether a row that
    // stayed needs repainting. Both lists must come in the same order (the same ORDER BY);
    // when the rows that stayed are not in the same order, the model is reset instead.
    template<typename Row, typename KeyOf, typename Same>
    void replaceRows(QList<Row> &rows, const QList<Row> &fresh, KeyOf keyOf, Same same)
    {
        using Key = std::decay_t<decltype(keyOf(std::declval<const Row &>()))>;
        QHash<Key, int> freshIndex;
        freshIndex.reserve(fresh.size());
        for (int i = 0; i < fresh.size(); ++i)
            freshIndex.insert(keyOf(fresh.at(i)), i);
        QSet<Key> stayed;
        int last = -1;
        bool ordered = freshIndex.size() == fresh.size(); // duplicate keys: no in-place update
        for (int i = 0; ordered && i < rows.size(); ++i) {
            const auto it = freshIndex.constFind(keyOf(rows.at(i)));
            if (it == freshIndex.constEnd())
                continue;
            ordered = *it > last && !stayed.contains(it.key());
            last = *it;
            stayed.insert(it.key());
        }
        if (!ordered) {
            beginResetModel();
            rows = fresh;
            endResetModel();
            return;
        }
        // Rows that are gone, bottom up, a contiguous run at a time.
        for (int i = int(rows.size()) - 1; i >= 0;) {
            if (stayed.contains(keyOf(rows.at(i)))) {
                --i;
                continue;
            }
            const int end = i;
            while (i >= 0 && !stayed.contains(keyOf(rows.at(i))))
                --i;
            beginRemoveRows(QModelIndex(), i + 1, end);
            rows.erase(rows.begin() + i + 1, rows.begin() + end + 1);
            endRemoveRows();
        }
        // What is left is in fresh's order: insert new runs where they belong, update the rest.
        for (int i = 0; i < fresh.size();) {
            if (stayed.contains(keyOf(fresh.at(i)))) {
                if (!same(rows.at(i), fresh.at(i))) {
                    rows[i] = fresh.at(i);
                    Q_EMIT dataChanged(index(i, 0), index(i, columnCount() - 1));
                }
                ++i;
                continue;
            }
            int end = i;
            while (end + 1 < fresh.size() && !stayed.contains(keyOf(fresh.at(end + 1))))
                ++end;
            beginInsertRows(QModelIndex(), i, end);
            for (int j = i; j <= end; ++j)
                rows.insert(j, fresh.at(j));
            endInsertRows();
            i = end + 1;
        }
    }

private:
    Error m_readError;
};

} // namespace Tributary::Gui

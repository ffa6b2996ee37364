#include "RecordsModel.h"

#include "ConflictsModel.h"
#include "DisplayText.h"

#include "util/Values.h"

#include <algorithm>

namespace Tributary::Gui {

// --- RecordHitsModel ---

RecordHitsModel::RecordHitsModel(QObject *parent) : QAbstractTableModel(parent) {}

void RecordHitsModel::setHits(const QList<RecordHit> &hits)
{
    beginResetModel();
    m_hits = hits;
    endResetModel();
}

int RecordHitsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int RecordHitsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RecordHitsModel::linkText(const RecordHit &hit)
{
    if (hit.source.isEmpty())
        return tr("no link (the main application's own row)");
    QString text = QStringLiteral("%1/%2 %3").arg(hit.source, hit.entity, hit.externalId);
    if (hit.otherLinks > 0)
        text += QLatin1Char(' ') + tr("(+%n other link(s))", nullptr, hit.otherLinks);
    return text;
}

QVariant RecordHitsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RecordHit &h = m_hits.at(index.row());
    if (role == TableRole)
        return h.key.table;
    if (role == LocalIdRole)
        return h.key.localId;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case TableColumn:
            return h.key.table;
        case LocalIdColumn:
            return h.key.localId;
        case TextColumn:
            if (!h.rowExists)
                return tr("(the row is no longer in the table)");
            return h.display;
        case LinkColumn:
            return linkText(h);
        default:
            return {};
        }
    }
    if (role == Qt::FontRole && index.column() == TextColumn && !h.rowExists) {
        QFont f;
        f.setItalic(true);
        return f;
    }
    return {};
}

QVariant RecordHitsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TableColumn:
        return tr("Table");
    case LocalIdColumn:
        return tr("Local id");
    case TextColumn:
        return tr("Text");
    case LinkColumn:
        return tr("Linked to");
    default:
        return {};
    }
}

// --- RecordDetailModel ---

RecordDetailModel::RecordDetailModel(Part part, QObject *parent) : QAbstractTableModel(parent), m_part(part)
{
    setDetail(nullptr);
}

QString RecordDetailModel::valuesText(const QJsonObject &values, const QStringList &fields)
{
    QStringList parts;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        parts.append(QStringLiteral("%1 = %2").arg(it.key(), displayValue(*it, 80)));
    if (parts.isEmpty() && !fields.isEmpty())
        return QStringLiteral("(%1)").arg(fields.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral(", "));
}

QString RecordDetailModel::baseText(RecordLink::BaseKind kind)
{
    switch (kind) {
    case RecordLink::BaseKind::Own:
        return tr("kept in the link");
    case RecordLink::BaseKind::CapturedEdit:
        return tr("the row before the local edit");
    case RecordLink::BaseKind::Row:
        return tr("the row itself (not edited since)");
    }
    return {};
}

QString RecordDetailModel::linkState(const RecordLink &link)
{
    QString state = link.link.deletedAt.isEmpty() ? tr("linked") : tr("gone at the source since %1").arg(DisplayText::time(link.link.deletedAt));
    if (!link.configured)
        state += QStringLiteral("; ") + tr("not in the configuration");
    return state;
}

void RecordDetailModel::setDetail(const RecordDetail *d)
{
    beginResetModel();
    m_rows.clear();
    m_headers.clear();
    m_headerTips.clear();
    switch (m_part) {
    case Part::Row: {
        m_headers = {tr("Column"), tr("Value")};
        m_headerTips = {QString(), tr("The row in the main database now")};
        if (d) {
            for (const RecordLink &l : d->links) {
                m_headers.append(tr("Base of %1/%2").arg(l.link.source, l.link.entity));
                m_headerTips.append(tr("What the next sync of %1 compares the source with: %2").arg(l.link.source, baseText(l.baseKind)));
            }
            // The captured edit gets a column of its own unless it already is every link's base.
            const bool editColumn = d->edited && (d->links.isEmpty() || std::any_of(d->links.cbegin(), d->links.cend(), [](const RecordLink &l) {
                                                      return l.baseKind != RecordLink::BaseKind::CapturedEdit;
                                                  }));
            if (editColumn) {
                m_headers.append(tr("Before the local edit"));
                m_headerTips.append(tr("The synced columns as they were before the main application first edited the row (%1)")
                                        .arg(DisplayText::time(d->editedAt)));
            }
            for (const RecordColumn &c : d->columns) {
                QList<Cell> row;
                Cell name{c.name, QString(), false, c.isKey, QVariant()};
                if (!c.referencedTable.isEmpty())
                    name.toolTip = tr("A key of %1").arg(c.referencedTable);
                row.append(name);
                bool null = false;
                Cell value{d->rowExists ? DisplayText::value(c.value, &null) : tr("(no row)"), DisplayText::editableValue(c.value), false,
                           false, false};
                value.italic = null || !d->rowExists;
                bool changed = false;
                auto baseCell = [&](const QJsonObject &base) {
                    if (!base.contains(c.name))
                        return Cell{QString(), QString(), false, false, false};
                    const QJsonValue v = base.value(c.name);
                    bool baseNull = false;
                    Cell cell{DisplayText::value(v, &baseNull), DisplayText::editableValue(v), baseNull, false, false};
                    if (d->rowExists && !sameValue(v.toVariant(), c.value.toVariant())) {
                        changed = true;
                        cell.bold = true;
                    }
                    return cell;
                };
                QList<Cell> bases;
                for (const RecordLink &l : d->links)
                    bases.append(baseCell(l.base));
                if (editColumn)
                    bases.append(baseCell(d->editBase));
                value.bold = changed;
                value.user = changed;
                row.append(value);
                row += bases;
                m_rows.append(row);
            }
        }
        break;
    }
    case Part::Links:
        m_headers = {tr("Source"), tr("Entity"), tr("External id"), tr("Origin"), tr("State"), tr("Linked since"), tr("Last written"),
                     tr("Last seen"), tr("Base")};
        m_headerTips = {QString(), QString(), QString(), tr("Inserted by the source, or an existing row adopted through a match key"),
                        QString(), QString(), tr("When a change from the source was last applied to the link's base"),
                        tr("The last reconciliation scan that listed the record at the source"),
                        tr("What the next sync compares the source's values with")};
        if (d) {
            for (const RecordLink &l : d->links) {
                const LinkStore::RowLink &r = l.link;
                const QString origin = r.origin == QLatin1String("matched") ? tr("adopted through a match key")
                                     : r.origin == QLatin1String("inserted")
                                         ? (r.runId > 0 ? tr("inserted by run %1").arg(DisplayText::number(r.runId)) : tr("inserted"))
                                         : r.origin;
                const QString seen = r.seenScan > 0 ? tr("reconciliation run %1").arg(DisplayText::number(r.seenScan)) : tr("not scanned yet");
                m_rows.append({Cell{r.source, QString(), false, false, QVariant()}, Cell{r.entity, QString(), false, false, QVariant()},
                               Cell{r.externalId, QString(), false, false, QVariant()}, Cell{origin, QString(), false, false, QVariant()},
                               Cell{linkState(l), QString(), false, !r.deletedAt.isEmpty(), QVariant()},
                               Cell{DisplayText::time(r.createdAt), r.createdAt, false, false, QVariant()},
                               Cell{DisplayText::time(r.updatedAt), r.updatedAt, false, false, QVariant()},
                               Cell{seen, QString(), r.seenScan <= 0, false, QVariant()},
                               Cell{baseText(l.baseKind), QString(), false, false, QVariant()}});
            }
        }
        break;
    case Part::Conflicts:
        m_headers = {tr("Id"), tr("Record"), tr("Kind"), tr("Fields"), tr("Raised"), tr("Status"), tr("Written")};
        m_headerTips = {QString(), QString(), QString(), QString(), QString(), QString(), tr("The values the decision wrote into the row")};
        if (d) {
            for (const RecordConflict &rc : d->conflicts) {
                const Conflict &c = rc.conflict;
                QString written;
                if (rc.hasWritten)
                    written = rc.written.isEmpty() ? tr("nothing (%1)").arg(rc.writtenOp) : valuesText(rc.written);
                else if (!c.isOpen())
                    written = tr("(not in the change log shown)");
                QString status = ConflictsModel::statusText(c);
                if (!c.isOpen() && !c.resolvedAt.isEmpty())
                    status += QStringLiteral(", ") + DisplayText::time(c.resolvedAt);
                m_rows.append({Cell{DisplayText::number(c.id), QString(), false, false, c.id},
                               Cell{QStringLiteral("%1/%2 %3").arg(c.source, c.entity, c.externalId), QString(), false, false, QVariant()},
                               Cell{ConflictsModel::kindLabel(c.kind), ConflictsModel::kindSentence(c.kind), false, false, QVariant()},
                               Cell{c.fields.join(QStringLiteral(", ")), QString(), false, false, QVariant()},
                               Cell{DisplayText::time(c.createdAt), c.createdAt, false, false, QVariant()},
                               Cell{status, QString(), false, c.isOpen(), QVariant()},
                               Cell{written, written, !rc.hasWritten, false, QVariant()}});
            }
        }
        break;
    case Part::History:
        m_headers = {tr("Time"), tr("By"), tr("Change"), tr("Run"), tr("Values written")};
        m_headerTips = {QString(), tr("source:NAME for a sync, person:NAME for a decision, application for a change pushed to a source (push-...)"),
                        QString(), QString(), QString()};
        if (d) {
            for (const Change &c : d->changes) {
                const QString values = valuesText(c.values, c.fields);
                m_rows.append({Cell{DisplayText::time(c.at), c.at, false, false, QVariant()}, Cell{c.actor, QString(), false, false, QVariant()},
                               Cell{c.op, c.externalId.isEmpty() ? QString() : QStringLiteral("%1/%2 %3").arg(c.source, c.entity, c.externalId),
                                    false, false, QVariant()},
                               Cell{c.runId > 0 ? DisplayText::number(c.runId) : QString(), QString(), false, false, c.runId},
                               Cell{values, values, false, false, QVariant()}});
            }
        }
        break;
    }
    endResetModel();
}

int RecordDetailModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordDetailModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant RecordDetailModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QList<Cell> &row = m_rows.at(index.row());
    if (index.column() >= row.size())
        return {};
    const Cell &cell = row.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return cell.text;
    case Qt::ToolTipRole:
        return cell.toolTip.isEmpty() ? QVariant() : QVariant(cell.toolTip);
    case Qt::FontRole:
        if (cell.italic || cell.bold) {
            QFont f;
            f.setItalic(cell.italic);
            f.setBold(cell.bold);
            return f;
        }
        return {};
    case ChangedRole:
        return m_part == Part::Row ? QVariant(cell.bold) : QVariant();
    case IdRole:
        return cell.user;
    default:
        return {};
    }
}

QVariant RecordDetailModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_headers.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_headers.at(section);
    if (role == Qt::ToolTipRole && section < m_headerTips.size() && !m_headerTips.at(section).isEmpty())
        return m_headerTips.at(section);
    return {};
}

} // namespace Tributary::Gui

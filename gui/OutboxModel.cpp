#include "OutboxModel.h"

#include "DisplayText.h"
#include "StatusColors.h"

#include "store/Database.h"

namespace Tributary::Gui {

OutboxModel::OutboxModel(QObject *parent) : RowModel(parent) {}

OutboxModel::~OutboxModel() = default;

void OutboxModel::setFilter(const QString &source, bool refusedOnly)
{
    m_source = source;
    m_refusedOnly = refusedOnly;
}

bool OutboxModel::isInDoubt(const OutboxOperation &o)
{
    return !o.isRefused() && !o.idempotencyKey.isEmpty() && !o.sentAt.isEmpty();
}

bool OutboxModel::refresh(Database &db, Error *error)
{
    Outbox outbox(db);
    const Result<QHash<QString, Outbox::Depth>> depth = outbox.depth();
    if (!depth)
        return failRead(depth.error(), error);
    OutboxFilter filter;
    if (!m_source.isEmpty())
        filter.sources = {m_source};
    if (m_refusedOnly)
        filter.state = QStringLiteral("refused");
    filter.limit = kLimit;
    const Result<QList<OutboxOperation>> fresh = outbox.list(filter);
    if (!fresh)
        return failRead(fresh.error(), error);
    readSucceeded();
    m_depth = *depth;
    m_total = 0;
    for (auto it = m_depth.cbegin(); it != m_depth.cend(); ++it) {
        if (m_source.isEmpty() || it.key() == m_source)
            m_total += it->refused + (m_refusedOnly ? 0 : it->pending);
    }
    replaceRows(
        m_rows, *fresh, [](const OutboxOperation &o) { return o.id; },
        [](const OutboxOperation &a, const OutboxOperation &b) {
            return a.version == b.version && a.state == b.state && a.attempts == b.attempts && a.nextAttemptAt == b.nextAttemptAt
                && a.lastError == b.lastError && a.madeAt == b.madeAt && a.sentAt == b.sentAt && a.idempotencyKey == b.idempotencyKey;
        });
    return true;
}

void OutboxModel::clearRows()
{
    m_total = 0;
    m_depth.clear();
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int OutboxModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OutboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OutboxModel::nextAttemptText(const OutboxOperation &o) const
{
    if (o.isRefused())
        return tr("after a retry");
    if (isInDoubt(o) || o.nextAttemptAt.isEmpty())
        return tr("at the next sync");
    return DisplayText::time(o.nextAttemptAt);
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxOperation &o = m_rows.at(index.row());
    switch (role) {
    case SortRole:
        switch (index.column()) {
        case RowColumn: {
            bool ok = false;
            const qlonglong n = o.localId.toLongLong(&ok);
            return ok ? QVariant(n) : QVariant(o.localId);
        }
        case SinceColumn: return o.madeAt;
        case AttemptsColumn: return o.attempts;
        case NextAttemptColumn: return o.isRefused() ? QStringLiteral("~") : o.nextAttemptAt; // refused ones last
        default: return data(index, Qt::DisplayRole);
        }
    case Qt::TextAlignmentRole:
        if (index.column() == AttemptsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (o.isRefused() && (index.column() == StateColumn || index.column() == LastErrorColumn))
            return StatusColors::foreground(StatusColors::Status::Error);
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case RowColumn: return tr("Operation %1: row %2 of table %3").arg(o.id).arg(o.localId, o.table);
        case StateColumn:
            if (o.isRefused())
                return tr("The source will not take this change as it is; fix the row or the source, then retry it");
            if (isInDoubt(o))
                return tr("A create was sent without an answer: the next sync sends it again with the same key first");
            return tr("Waiting to be pushed by the next sync of %1").arg(o.source);
        case SinceColumn:
            return tr("First change %1, latest %2").arg(DisplayText::time(o.madeAt), DisplayText::time(o.changedAt));
        case LastErrorColumn: return o.lastError;
        default: return {};
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case SourceColumn: return o.source;
        case EntityColumn: return o.entity;
        case RowColumn: return tr("%1 %2").arg(o.table, o.localId);
        case StateColumn: return o.isRefused() ? tr("refused") : isInDoubt(o) ? tr("pending (in doubt)") : tr("pending");
        case SinceColumn: return DisplayText::time(o.madeAt);
        case AttemptsColumn: return DisplayText::number(o.attempts);
        case NextAttemptColumn: return nextAttemptText(o);
        case LastErrorColumn: return o.lastError.section(QLatin1Char('\n'), 0, 0);
        default: return {};
        }
    default:
        return {};
    }
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SourceColumn: return tr("Source");
    case EntityColumn: return tr("Entity");
    case RowColumn: return tr("Row");
    case StateColumn: return tr("State");
    case SinceColumn: return tr("Since");
    case AttemptsColumn: return tr("Attempts");
    case NextAttemptColumn: return tr("Next attempt");
    case LastErrorColumn: return tr("Last error");
    default: return {};
    }
}

} // namespace Tributary::Gui

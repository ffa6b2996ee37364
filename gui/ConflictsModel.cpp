#include "ConflictsModel.h"

#include "DisplayText.h"
#include "StatusColors.h"

#include "store/Database.h"

namespace Tributary::Gui {

ConflictsModel::ConflictsModel(QObject *parent) : RowModel(parent)
{
    m_filter.limit = kLimit;
}

ConflictsModel::~ConflictsModel() = default;

bool ConflictsModel::refresh(Database &db, Error *error)
{
    ConflictStore store(db);
    ConflictFilter filter = m_filter;
    filter.limit = kLimit + 1; // one more tells whether there are more
    Result<QList<Conflict>> read = store.list(filter);
    const Result<qint64> open = read ? store.count(ConflictFilter()) : Result<qint64>(read.error());
    if (!open)
        return failRead(open.error(), error);
    readSucceeded();
    m_openTotal = *open;
    QList<Conflict> &list = *read;
    m_truncated = list.size() > kLimit;
    if (m_truncated)
        list.removeLast();
    QList<Row> fresh;
    fresh.reserve(list.size());
    for (Conflict &c : list)
        fresh.append(Row{c, DisplayText::parseTime(c.createdAt)});
    replaceRows(
        m_rows, fresh, [](const Row &r) { return r.conflict.id; },
        [](const Row &a, const Row &b) {
            return a.conflict.updatedAt == b.conflict.updatedAt && a.conflict.status == b.conflict.status
                && a.conflict.resolution == b.conflict.resolution;
        });
    // Ages move on even when nothing else changed.
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, RaisedColumn), index(int(m_rows.size()) - 1, RaisedColumn), {Qt::DisplayRole});
    return true;
}

void ConflictsModel::clearRows()
{
    m_truncated = false;
    m_openTotal = 0;
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int ConflictsModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).conflict.id == id)
            return i;
    }
    return -1;
}

int ConflictsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConflictsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConflictsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Conflict &c = row.conflict;
    switch (role) {
    case ConflictIdRole:
        return c.id;
    case IsOpenRole:
        return c.isOpen();
    case Qt::ForegroundRole:
        if (!c.isOpen())
            return StatusColors::foreground(StatusColors::Status::Muted);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (index.column()) {
        case IdColumn:
            return c.id;
        case RaisedColumn:
            return c.createdAt;
        case LocalIdColumn:
        case ExternalIdColumn: {
            // Numeric ids sort as numbers, others as text.
            const QString id = index.column() == LocalIdColumn ? c.localId : c.externalId;
            bool ok = false;
            const qlonglong n = id.toLongLong(&ok);
            return ok ? QVariant(n) : QVariant(id);
        }
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case KindColumn:
            return kindSentence(c.kind);
        case FieldsColumn:
            return tr("Fields of this conflict: %1").arg(c.fields.join(QStringLiteral(", ")));
        case RecordColumn:
            return recordLabel(c);
        case RaisedColumn:
            return tr("Raised %1, last updated %2").arg(DisplayText::time(c.createdAt), DisplayText::time(c.updatedAt));
        case StatusColumn:
            return c.isOpen() ? tr("Waits for a person") : tr("Resolved %1").arg(DisplayText::time(c.resolvedAt));
        default:
            return {};
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return c.id;
        case SourceColumn:
            return c.source;
        case EntityColumn:
            return c.entity;
        case ExternalIdColumn:
            return c.externalId;
        case LocalIdColumn:
            return c.localId;
        case RecordColumn:
            return recordLabel(c);
        case KindColumn:
            return kindLabel(c.kind);
        case FieldsColumn: {
            const QStringList fields = shownFields(c);
            return fields.isEmpty() ? QStringLiteral("-") : fields.join(QStringLiteral(", "));
        }
        case RaisedColumn:
            return DisplayText::age(row.raised);
        case StatusColumn:
            return statusText(c);
        default:
            return {};
        }
    default:
        return {};
    }
}

QString ConflictsModel::recordLabel(const Conflict &c)
{
    // The local side first (what the main application shows), then the source's, then the base.
    const QList<const QJsonObject *> sides{&c.local, &c.remote, &c.base};
    auto text = [&](const QString &field) {
        for (const QJsonObject *side : sides) {
            const QJsonValue v = side->value(field);
            if (v.isString() && !v.toString().trimmed().isEmpty())
                return v.toString().simplified();
        }
        return QString();
    };
    QString label;
    for (const char *preferred : {"title", "name", "subject", "display_name", "username", "email", "label"}) {
        label = text(QString::fromLatin1(preferred));
        if (!label.isEmpty())
            break;
    }
    for (const QJsonObject *side : sides) {
        for (auto it = side->constBegin(); label.isEmpty() && it != side->constEnd(); ++it)
            label = text(it.key());
    }
    constexpr int kMaxChars = 60;
    return label.size() > kMaxChars ? label.left(kMaxChars - 1) + QChar(0x2026) : label;
}

QVariant ConflictsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("#");
    case SourceColumn: return tr("Source");
    case EntityColumn: return tr("Entity");
    case ExternalIdColumn: return tr("External id");
    case LocalIdColumn: return tr("Local id");
    case RecordColumn: return tr("Record");
    case KindColumn: return tr("Kind");
    case FieldsColumn: return tr("Fields");
    case RaisedColumn: return tr("Raised");
    case StatusColumn: return tr("Status");
    default: return {};
    }
}

QStringList ConflictsModel::shownFields(const Conflict &c)
{
    if (c.kind == QLatin1String("field"))
        return c.fields;
    const QJsonObject &other = c.kind == QLatin1String("local-deleted") ? c.remote : c.local;
    QStringList out;
    for (const QString &f : c.fields) {
        if (other.contains(f) && other.value(f) != c.base.value(f))
            out.append(f);
    }
    return out;
}

QString ConflictsModel::kindLabel(const QString &kind)
{
    if (kind == QLatin1String("field"))
        return tr("Both changed");
    if (kind == QLatin1String("local-deleted"))
        return tr("Deleted here");
    if (kind == QLatin1String("remote-deleted"))
        return tr("Deleted at the source");
    return kind;
}

QString ConflictsModel::kindSentence(const QString &kind)
{
    if (kind == QLatin1String("field"))
        return tr("The main application and the source both changed the same fields, to different values.");
    if (kind == QLatin1String("local-deleted"))
        return tr("The main application deleted the row; then the source changed the record. The row stays deleted until "
                  "you decide.");
    if (kind == QLatin1String("remote-deleted"))
        return tr("The source deleted the record; the main application had changed the row. The row is kept until you decide.");
    return Conflict::describeKind(kind);
}

QString ConflictsModel::statusText(const Conflict &c)
{
    if (c.isOpen())
        return tr("Open");
    if (c.resolvedBy.isEmpty())
        return tr("Resolved: %1").arg(resolutionText(c.resolution));
    return tr("Resolved: %1, by %2").arg(resolutionText(c.resolution), c.resolvedBy);
}

QString ConflictsModel::resolutionText(const QString &resolution)
{
    // The stored values are identifiers (tributaryd and scripts read them); people read these.
    if (resolution == QLatin1String("keep-local"))
        return tr("kept local");
    if (resolution == QLatin1String("take-remote"))
        return tr("took the source's values");
    if (resolution == QLatin1String("restore"))
        return tr("row restored");
    if (resolution == QLatin1String("delete"))
        return tr("deleted");
    if (resolution == QLatin1String("keep"))
        return tr("row kept");
    if (resolution == QLatin1String("converged"))
        return tr("the row already holds the source's values");
    if (resolution == QLatin1String("detached"))
        return tr("source detached");
    if (resolution.startsWith(QLatin1String("policy:")))
        return tr("rule %1").arg(resolution.mid(7));
    if (resolution.startsWith(QLatin1String("priority:")))
        return tr("priority of %1").arg(resolution.mid(9));
    if (resolution.startsWith(QLatin1String("fields: ")))
        return tr("chosen per field (%1)").arg(resolution.mid(8));
    return resolution;
}

} // namespace Tributary::Gui

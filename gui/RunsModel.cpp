#include "RunsModel.h"

#include "DisplayText.h"
#include "StatusColors.h"

#include "config/Config.h"
#include "store/Database.h"

#include <QColor>
#include <algorithm>

namespace Tributary::Gui {

qint64 RunRow::durationMs(const QDateTime &now) const
{
    if (!started.isValid())
        return -1;
    if (finished.isValid())
        return started.msecsTo(finished);
    return isRunning() ? started.msecsTo(now) : -1;
}

RunsModel::RunsModel(QObject *parent) : RowModel(parent) {}

RunsModel::~RunsModel() = default;

bool RunsModel::refresh(Database &db, const Config &config, Error *error)
{
    RunFilter filter;
    if (!m_source.isEmpty())
        filter.sources = {m_source};
    filter.limit = kLimit + 1; // one more tells whether there are more
    const Result<QList<RunRecord>> runs = RunLog(db).list(filter);
    if (!runs)
        return failRead(runs.error(), error);
    readSucceeded();
    QList<RunRow> fresh;
    fresh.reserve(runs->size());
    for (const RunRecord &run : *runs) {
        RunRow r{run, DisplayText::parseTime(run.startedAt), DisplayText::parseTime(run.finishedAt), {}};
        QStringList names = r.counts.keys();
        names.sort();
        // The source's dependency order when it is still configured, the rest after it.
        if (const SourceConfig *source = config.source(r.source)) {
            QStringList ordered;
            for (const EntityConfig &entity : source->entities) {
                if (names.contains(entity.name))
                    ordered.append(entity.name);
            }
            for (const QString &n : std::as_const(names)) {
                if (!ordered.contains(n))
                    ordered.append(n);
            }
            names = ordered;
        }
        r.entities = names;
        fresh.append(r);
    }
    m_truncated = fresh.size() > kLimit;
    if (m_truncated)
        fresh.removeLast();
    // A run's counts are written together with its end (finished_at), so the status, the end
    // and the error say whether a row that stayed changed.
    replaceRows(
        m_rows, fresh, [](const RunRow &r) { return r.id; },
        [](const RunRow &a, const RunRow &b) {
            return a.status == b.status && a.finishedAt == b.finishedAt && a.error == b.error && a.entities == b.entities;
        });
    return true;
}

void RunsModel::clearRows()
{
    m_truncated = false;
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void RunsModel::tick()
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).isRunning())
            Q_EMIT dataChanged(index(i, DurationColumn), index(i, DurationColumn), {Qt::DisplayRole});
    }
}

bool RunsModel::hasRunning() const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(), [](const RunRow &r) { return r.isRunning(); });
}

int RunsModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

int RunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunRow &r = m_rows.at(index.row());
    const int column = index.column();
    const EntityCounts total = r.total();
    qint64 n = 0;
    switch (column) {
    case FetchedColumn: n = total.fetched; break;
    case WrittenColumn: n = total.written(); break;
    case ConflictsColumn: n = total.conflicts; break;
    case QuarantinedColumn: n = total.quarantined; break;
    case PendingColumn: n = total.pending; break;
    default: break;
    }
    switch (role) {
    case RunIdRole:
        return r.id;
    case SortRole:
        switch (column) {
        case IdColumn: return r.id;
        case StartedColumn: return r.startedAt;
        case DurationColumn: return r.durationMs();
        default: break;
        }
        if (column >= FetchedColumn && column <= PendingColumn)
            return n;
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        if (column == IdColumn || column == DurationColumn || (column >= FetchedColumn && column <= PendingColumn))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (column == StatusColumn || column == ErrorColumn) {
            if (r.status == QLatin1String("failed") || r.status == QLatin1String("interrupted"))
                return StatusColors::foreground(StatusColors::Status::Error);
            if (r.status == QLatin1String("partial"))
                return StatusColors::foreground(StatusColors::Status::Warning);
        }
        if ((column == ConflictsColumn || column == QuarantinedColumn) && n > 0)
            return StatusColors::foreground(StatusColors::Status::Warning);
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case StartedColumn:
            return r.finishedAt.isEmpty() ? tr("Started %1").arg(DisplayText::time(r.startedAt))
                                          : tr("Started %1, finished %2").arg(DisplayText::time(r.startedAt), DisplayText::time(r.finishedAt));
        case StatusColumn:
            return summary(r);
        case ErrorColumn:
            return r.error;
        case WrittenColumn:
            return tr("Inserted %1, linked %2, updated %3, deleted %4, restored %5")
                .arg(total.inserted).arg(total.linked).arg(total.updated).arg(total.deleted).arg(total.restored);
        case ConflictsColumn:
            return tr("Fields changed on both sides (decided by a policy or waiting for a person)");
        case QuarantinedColumn:
            return tr("Records that could not be mapped or stored, held with their reason");
        case PendingColumn:
            return tr("Records still waiting for a record they reference at the end of the run");
        default:
            return {};
        }
    case Qt::DisplayRole:
        switch (column) {
        case IdColumn: return r.id;
        case SourceColumn: return r.source;
        case KindColumn: return DisplayText::capitalized(RunKinds::describe(r.kind)); // tributaryd's words
        case StartedColumn: return DisplayText::time(r.startedAt);
        case DurationColumn: {
            const qint64 ms = r.durationMs();
            return ms < 0 ? QString() : DisplayText::duration(ms);
        }
        case StatusColumn: return statusText(r.status);
        case ErrorColumn: return r.error.section(QLatin1Char('\n'), 0, 0);
        default: break;
        }
        if (column >= FetchedColumn && column <= PendingColumn)
            return r.hasCounts() ? DisplayText::number(n) : QString();
        return {};
    default:
        return {};
    }
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Run");
    case SourceColumn: return tr("Source");
    case KindColumn: return tr("Kind");
    case StartedColumn: return tr("Started");
    case DurationColumn: return tr("Duration");
    case StatusColumn: return tr("Status");
    case FetchedColumn: return tr("Fetched");
    case WrittenColumn: return tr("Written");
    case ConflictsColumn: return tr("Conflicts");
    case QuarantinedColumn: return tr("Quarantined");
    case PendingColumn: return tr("Pending");
    case ErrorColumn: return tr("Error");
    default: return {};
    }
}

QString RunsModel::statusText(const QString &status)
{
    if (status == QLatin1String("running"))
        return tr("Running");
    if (status == QLatin1String("ok"))
        return tr("OK");
    if (status == QLatin1String("partial"))
        return tr("Partial");
    if (status == QLatin1String("failed"))
        return tr("Failed");
    if (status == QLatin1String("interrupted"))
        return tr("Interrupted");
    return status;
}

QString RunsModel::summary(const RunRow &run)
{
    if (run.isRunning() || !run.hasCounts())
        return statusExplanation(run.status);
    const EntityCounts c = run.total();
    // %Ln: the count in the locale's digits and grouping, its plural form chosen by the catalogue.
    auto count = [](qint64 n) { return int(qMin<qint64>(n, INT_MAX)); };
    QStringList wrote;
    auto add = [&](qint64 n, const char *text) {
        if (n > 0)
            wrote.append(tr(text, nullptr, count(n)));
    };
    add(c.inserted, QT_TR_N_NOOP("%Ln row(s) inserted"));
    add(c.updated, QT_TR_N_NOOP("%Ln updated"));
    add(c.linked, QT_TR_N_NOOP("%Ln linked to existing rows"));
    add(c.deleted, QT_TR_N_NOOP("%Ln deleted"));
    add(c.restored, QT_TR_N_NOOP("%Ln restored"));
    QStringList sentences;
    sentences.append(wrote.isEmpty() ? tr("It wrote nothing (%Ln record(s) read, none changed).", nullptr, count(c.fetched))
                                     : tr("It wrote: %1.").arg(wrote.join(QStringLiteral(", "))));
    if (c.conflicts > 0)
        sentences.append(tr("%Ln conflict(s) wait for a decision (Conflicts tab); those rows keep their values until then.", nullptr,
                            count(c.conflicts)));
    if (c.quarantined > 0)
        sentences.append(tr("%Ln record(s) were put in quarantine (Quarantine tab).", nullptr, count(c.quarantined)));
    if (c.pending > 0)
        sentences.append(tr("%Ln record(s) wait for a record they reference.", nullptr, count(c.pending)));
    if (run.status == QLatin1String("ok"))
        sentences.append(c.conflicts > 0 ? tr("Every other record was applied.") : statusExplanation(run.status));
    else
        sentences.append(statusExplanation(run.status));
    return sentences.join(QLatin1Char(' '));
}

QString RunsModel::statusExplanation(const QString &status)
{
    if (status == QLatin1String("running"))
        return tr("The run is in progress (or its process ended; the next run marks it interrupted).");
    if (status == QLatin1String("ok"))
        return tr("Every record was applied.");
    if (status == QLatin1String("partial"))
        return tr("The run finished, with records held back: in quarantine, or waiting for a record they reference.");
    if (status == QLatin1String("failed"))
        return tr("The run stopped at its last committed page; the next run resumes there.");
    if (status == QLatin1String("interrupted"))
        return tr("The run was stopped (by a person, a signal, or the end of its process); the next run resumes at the last "
                  "committed page.");
    return QString();
}

} // namespace Tributary::Gui

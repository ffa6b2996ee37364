#include "TrendsModel.h"

#include "DisplayText.h"
#include "state/RunKind.h"
#include "store/Database.h"

#include <QLocale>

namespace Tributary::Gui {

TrendsModel::TrendsModel(QObject *parent) : QAbstractTableModel(parent) {}

QList<TrendsModel::Point> TrendsModel::pointsFrom(const QList<RunRecord> &oldestFirst)
{
    QList<Point> points;
    QDateTime lastSuccessStart;
    for (const RunRecord &r : oldestFirst) {
        const QDateTime started = DisplayText::parseTime(r.startedAt);
        const QDateTime finished = DisplayText::parseTime(r.finishedAt);
        if (r.finishedAt.isEmpty() || !finished.isValid() || !started.isValid())
            continue; // still running, or a time that cannot be read: nothing to draw
        Point p;
        p.runId = r.id;
        p.finished = finished;
        p.kind = r.kind;
        p.status = r.status;
        const EntityCounts total = r.total();
        const double seconds = std::max(0.001, double(started.msecsTo(finished)) / 1000.0);
        p.recordsPerSecond = double(total.fetched) / seconds;
        if (lastSuccessStart.isValid())
            p.lagSeconds = std::max(0.0, double(lastSuccessStart.msecsTo(started)) / 1000.0);
        const std::optional<RunStatus> status = r.runStatus();
        p.failed = status == RunStatus::Failed;
        p.quarantined = total.quarantined;
        p.conflicts = total.conflicts;
        p.retries = total.retries;
        // What the lag metric counts as a success: a run that reads everything that changed
        // (incremental, full, reconcile) and ended ok or partial; webhook and quarantine runs
        // fetch only the records they name.
        const std::optional<RunKind> kind = r.runKind();
        if (kind && RunKinds::isPolling(*kind) && (status == RunStatus::Ok || status == RunStatus::Partial))
            lastSuccessStart = started;
        points.append(p);
    }
    return points;
}

bool TrendsModel::refresh(Database &db, const QString &source, QString *error)
{
    RunFilter filter;
    filter.sources = {source};
    filter.finishedOnly = true;
    filter.limit = kLimit;
    const Result<QList<RunRecord>> runs = RunLog(db).list(filter); // newest first
    beginResetModel();
    m_source = source;
    m_points.clear();
    if (runs) {
        QList<RunRecord> oldestFirst(runs->crbegin(), runs->crend());
        m_points = pointsFrom(oldestFirst);
    }
    endResetModel();
    if (!runs && error)
        *error = runs.error().message;
    return bool(runs);
}

void TrendsModel::clear()
{
    beginResetModel();
    m_source.clear();
    m_points.clear();
    endResetModel();
}

int TrendsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_points.size());
}

int TrendsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrendsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_points.size())
        return {};
    const Point &p = m_points.at(index.row());
    const QLocale locale;
    if (role == ValueRole) {
        switch (index.column()) {
        case FinishedColumn: return p.finished;
        case KindColumn: return p.kind;
        case StatusColumn: return p.status;
        case RateColumn: return p.recordsPerSecond;
        case LagColumn: return p.lagSeconds;
        case FailedColumn: return p.failed;
        case QuarantinedColumn: return p.quarantined;
        case ConflictsColumn: return p.conflicts;
        case RetriesColumn: return p.retries;
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() >= RateColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case FinishedColumn: return DisplayText::time(p.finished.toString(Qt::ISODateWithMs));
    case KindColumn: {
        const std::optional<RunKind> kind = RunKinds::fromName(p.kind);
        return kind ? RunKinds::describe(*kind) : p.kind;
    }
    case StatusColumn: return p.status;
    case RateColumn: return locale.toString(p.recordsPerSecond, 'f', p.recordsPerSecond < 10 ? 1 : 0);
    case LagColumn: return p.lagSeconds < 0 ? QString() : locale.toString(p.lagSeconds, 'f', 0);
    case FailedColumn: return p.failed ? tr("failed") : QString();
    case QuarantinedColumn: return locale.toString(p.quarantined);
    case ConflictsColumn: return locale.toString(p.conflicts);
    case RetriesColumn: return locale.toString(p.retries);
    default: return {};
    }
}

QVariant TrendsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FinishedColumn: return tr("Finished");
    case KindColumn: return tr("Kind");
    case StatusColumn: return tr("Status");
    case RateColumn: return tr("Records/s");
    case LagColumn: return tr("Lag (s)");
    case FailedColumn: return tr("Failed");
    case QuarantinedColumn: return tr("Quarantined");
    case ConflictsColumn: return tr("Conflicts");
    case RetriesColumn: return tr("Retries");
    default: return {};
    }
}

} // namespace Tributary::Gui

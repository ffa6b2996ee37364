#include "SourcesModel.h"

#include "DisplayText.h"
#include "StatusColors.h"
#include "Workspace.h"

#include "state/ConflictStore.h"
#include "state/ParkingLot.h"
#include "state/RunLog.h"
#include "store/Database.h"

#include <QApplication>
#include <algorithm>
#include <QIcon>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

namespace Tributary::Gui {

namespace {

QIcon stateIcon(SourcesModel::State state)
{
    StatusColors::Status status = StatusColors::Status::Muted;
    switch (state) {
    case SourcesModel::State::Idle: status = StatusColors::Status::Success; break;
    case SourcesModel::State::Syncing: status = StatusColors::Status::Info; break;
    case SourcesModel::State::NeedsAttention: status = StatusColors::Status::Warning; break;
    case SourcesModel::State::Disabled: status = StatusColors::Status::Muted; break;
    }
    // The palette decides the colour (a dark one lightens it): one icon per colour.
    const QColor color = StatusColors::foreground(status);
    static QHash<QRgb, QIcon> cache;
    auto it = cache.find(color.rgba());
    if (it != cache.end())
        return *it;
    QPixmap pm(16, 16);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(2, 2, 12, 12));
    p.end();
    return *cache.insert(color.rgba(), QIcon(pm));
}

} // namespace

SourcesModel::SourcesModel(Workspace *workspace, QObject *parent) : QAbstractListModel(parent), m_workspace(workspace)
{
    connect(workspace, &Workspace::configChanged, this, &SourcesModel::refresh);
    connect(workspace, &Workspace::dataChanged, this, &SourcesModel::refresh);
    // Runs, conflicts and quarantine changed by another process (tributaryd, another console).
    for (auto area : {&Workspace::runsChanged, &Workspace::conflictsChanged, &Workspace::quarantineChanged})
        connect(workspace, area, this, &SourcesModel::refresh);
    refresh();
}

QString SourcesModel::stateName(State state)
{
    switch (state) {
    case State::Idle: return tr("idle");
    case State::Syncing: return tr("syncing");
    case State::NeedsAttention: return tr("needs attention");
    case State::Disabled: return tr("disabled");
    }
    return QString();
}

void SourcesModel::refresh()
{
    QList<Row> rows = readRows();
    // The same sources: the rows change in place, so the list keeps its selection and current
    // row (a reset would clear them, and with them every action on the selected source).
    const bool sameSources = rows.size() == m_rows.size()
        && std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(), [](const Row &a, const Row &b) { return a.name == b.name; });
    if (sameSources) {
        m_rows = rows;
        refreshStates();
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

QList<SourcesModel::Row> SourcesModel::readRows() const
{
    QList<Row> rows;
    if (m_workspace->isOpen()) {
        Database *db = m_workspace->database();
        // "source\x1fentity" -> count, summed per source.
        auto perSource = [](const Result<QHash<QString, qint64>> &counts) -> Result<QHash<QString, qint64>> {
            if (!counts)
                return counts.error();
            QHash<QString, qint64> out;
            for (auto it = counts->constBegin(); it != counts->constEnd(); ++it)
                out[it.key().section(QChar(0x1f), 0, 0)] += it.value();
            return out;
        };
        Result<QHash<QString, qint64>> conflicts = QHash<QString, qint64>(), quarantined = QHash<QString, qint64>();
        if (db) {
            conflicts = perSource(ConflictStore(*db).openCountsBySourceAndEntity());
            quarantined = perSource(ParkingLot::countsBySourceAndEntity(*db));
        }
        for (const SourceConfig &s : m_workspace->config().sources) {
            Row r;
            r.name = s.name;
            r.enabled = s.enabled;
            if (!db) {
                // Nothing about it can be read, which is not "never synced".
                r.readError = m_workspace->databaseError();
                rows.append(r);
                continue;
            }
            const Result<std::optional<RunRecord>> last = RunLog(*db).last(s.name);
            // The first read that failed is what its line says instead of a result.
            for (const Error *e : {&last.error(), &conflicts.error(), &quarantined.error()}) {
                if (e->isError()) {
                    r.readError = *e;
                    break;
                }
            }
            if (!r.readError) {
                if (const std::optional<RunRecord> &run = *last) {
                    r.lastStatus = run->status;
                    r.lastError = run->error;
                    r.lastFinished = QDateTime::fromString(run->finishedAt, Qt::ISODateWithMs);
                }
                r.openConflicts = conflicts->value(s.name);
                r.quarantined = quarantined->value(s.name);
            }
            rows.append(r);
        }
    }
    return rows;
}

void SourcesModel::refreshStates()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {Qt::DisplayRole, Qt::DecorationRole, Qt::ToolTipRole, StateRole});
}

int SourcesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

SourcesModel::State SourcesModel::stateOf(const Row &r) const
{
    if (m_running && m_running(r.name))
        return State::Syncing;
    if (!r.enabled)
        return State::Disabled;
    if (r.readError)
        return State::NeedsAttention; // the database, at least, does
    if (r.lastStatus == QLatin1String("failed") || r.lastStatus == QLatin1String("partial") || r.lastStatus == QLatin1String("interrupted")
        || r.openConflicts > 0)
        return State::NeedsAttention;
    return State::Idle;
}

QString SourcesModel::lastResultText(const Row &r) const
{
    if (r.readError)
        return tr("cannot read its state: %1").arg(DisplayText::error(r.readError));
    QStringList parts;
    if (r.lastStatus.isEmpty())
        parts.append(tr("never synced"));
    else if (r.lastStatus == QLatin1String("ok"))
        parts.append(tr("last sync OK"));
    else if (r.lastStatus == QLatin1String("failed"))
        parts.append(tr("last sync failed"));
    else if (r.lastStatus == QLatin1String("partial"))
        parts.append(tr("last sync left records behind"));
    else if (r.lastStatus == QLatin1String("interrupted"))
        parts.append(tr("last sync was stopped"));
    else if (r.lastStatus == QLatin1String("running"))
        parts.append(tr("a sync is running elsewhere"));
    if (r.lastFinished.isValid())
        parts.last() += QStringLiteral(" · ") + QLocale().toString(r.lastFinished.toLocalTime(), QLocale::ShortFormat);
    if (r.openConflicts > 0)
        parts.append(tr("%n conflict(s) waiting", nullptr, int(r.openConflicts)));
    if (r.quarantined > 0)
        parts.append(tr("%n quarantined", nullptr, int(r.quarantined)));
    return parts.join(QStringLiteral(" · "));
}

QVariant SourcesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const State state = stateOf(r);
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 — %2\n%3").arg(r.name, stateName(state), lastResultText(r));
    case Qt::DecorationRole:
        return stateIcon(state);
    case Qt::ToolTipRole:
        if (r.readError)
            return tr("cannot read its state: %1").arg(r.readError.toString());
        return r.lastError.isEmpty() ? lastResultText(r) : lastResultText(r) + QStringLiteral("\n") + r.lastError;
    case NameRole:
        return r.name;
    case StateRole:
        return QVariant::fromValue(state);
    case LastResultRole:
        return lastResultText(r);
    case OpenConflictsRole:
        return r.readError ? QVariant() : QVariant(r.openConflicts);
    case ReadErrorRole:
        return r.readError ? DisplayText::error(r.readError) : QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> SourcesModel::roleNames() const
{
    QHash<int, QByteArray> roles = QAbstractListModel::roleNames();
    roles.insert(NameRole, "name");
    roles.insert(StateRole, "state");
    roles.insert(LastResultRole, "lastResult");
    roles.insert(OpenConflictsRole, "openConflicts");
    roles.insert(ReadErrorRole, "readError");
    return roles;
}

QString SourcesModel::sourceAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).name : QString();
}

int SourcesModel::rowOf(const QString &source) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).name == source)
            return i;
    }
    return -1;
}

} // namespace Tributary::Gui

#include "ServiceView.h"

#include "DisplayText.h"
#include "Workspace.h"

#include "state/LeaseStore.h"
#include "state/RunLog.h"
#include "store/Database.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace Tributary::Gui {

namespace {

QTableWidget *makeTable(const QStringList &headers, const QString &name)
{
    auto *t = new QTableWidget(0, int(headers.size()));
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

void setCell(QTableWidget *t, int row, int column, const QString &text, const QString &tip = QString())
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(tip.isEmpty() ? text : tip);
    t->setItem(row, column, item);
}

// "14:05:30 (in 3 min)" in the console's locale; the plan's times are UTC milliseconds.
QString when(qint64 ms, const QDateTime &now)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    const qint64 s = now.secsTo(at);
    const QString clock = QLocale().toString(at.toLocalTime().time(), QLocale::ShortFormat);
    if (s <= 0)
        return ServiceView::tr("%1 (due now)").arg(clock);
    if (s < 60)
        return ServiceView::tr("%1 (in %2 s)").arg(clock).arg(s);
    if (s < 3600)
        return ServiceView::tr("%1 (in %2 min)").arg(clock).arg((s + 30) / 60);
    return ServiceView::tr("%1 (in %2 h)").arg(QLocale().toString(at.toLocalTime(), QLocale::ShortFormat)).arg((s + 1800) / 3600);
}

// A time of a worker's plan (ms since the epoch), when it has one.
std::optional<qint64> at(const QJsonObject &plan, const char *key)
{
    const QJsonValue v = plan.value(QLatin1String(key));
    return v.isDouble() ? std::optional<qint64>(qint64(v.toDouble())) : std::nullopt;
}

std::optional<qint64> earliest(std::optional<qint64> a, std::optional<qint64> b)
{
    if (!a || !b)
        return a ? a : b;
    return std::min(*a, *b);
}

} // namespace

ServiceView::ServiceView(Workspace *workspace, QWidget *parent) : QWidget(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("serviceView"));
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("serviceSummary"));
    m_summary->setWordWrap(true);
    m_sources = makeTable({tr("Source"), tr("Held by"), tr("Next sync"), tr("Next reconciliation"), tr("Last success")},
                          QStringLiteral("serviceSources"));
    m_workers = makeTable({tr("Worker"), tr("Started"), tr("Last seen"), tr("State")}, QStringLiteral("serviceWorkers"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    auto *sourcesTitle = new QLabel(tr("Sources"));
    QFont bold = sourcesTitle->font();
    bold.setBold(true);
    sourcesTitle->setFont(bold);
    layout->addWidget(sourcesTitle);
    layout->addWidget(m_sources, 2);
    auto *workersTitle = new QLabel(tr("Workers (tributaryd serve)"));
    workersTitle->setFont(bold);
    layout->addWidget(workersTitle);
    layout->addWidget(m_workers, 1);
    if (m_workspace) {
        for (auto signal : {&Workspace::configChanged, &Workspace::dataChanged, &Workspace::serviceChanged, &Workspace::runsChanged})
            connect(m_workspace, signal, this, &ServiceView::refresh);
    }
    refresh();
}

ServiceView::~ServiceView() = default;

QString ServiceView::summaryText() const
{
    return m_summary->text();
}

void ServiceView::refresh()
{
    m_workers->setRowCount(0);
    m_sources->setRowCount(0);
    Database *db = m_workspace ? m_workspace->database() : nullptr;
    if (!m_workspace || !m_workspace->isOpen()) {
        m_summary->setText(tr("No configuration is open."));
        return;
    }
    if (!db) {
        m_summary->setText(tr("The main database could not be opened: %1").arg(DisplayText::error(m_workspace->databaseError())));
        return;
    }
    LeaseStore store(*db);
    const Result<QList<WorkerRecord>> workers = store.workers();
    const Result<QList<LeaseRecord>> leases = store.list();
    RunFilter successes;
    successes.statuses = {RunStatus::Ok, RunStatus::Partial};
    successes.kinds = {RunKind::Incremental, RunKind::Full, RunKind::Reconcile};
    const Result<QHash<QString, RunRecord>> last = RunLog(*db).latestPerSource(successes);
    for (const Error *e : {&workers.error(), &leases.error(), &last.error()}) {
        if (e->isError()) {
            m_summary->setText(tr("The service's state cannot be read: %1").arg(DisplayText::error(*e)));
            return;
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();

    int alive = 0;
    for (const WorkerRecord &w : *workers) {
        const int row = m_workers->rowCount();
        m_workers->insertRow(row);
        setCell(m_workers, row, WorkerCol, w.display(), w.worker);
        setCell(m_workers, row, StartedCol, DisplayText::age(LeaseRecord::toDateTime(w.startedAtMs), LeaseRecord::toDateTime(w.nowMs)));
        setCell(m_workers, row, SeenCol, DisplayText::age(LeaseRecord::toDateTime(w.seenAtMs), LeaseRecord::toDateTime(w.nowMs)));
        setCell(m_workers, row, StateCol, w.isAlive() ? tr("alive") : tr("gone (stopped beating)"));
        if (w.isAlive())
            ++alive;
    }

    for (const SourceConfig &s : m_workspace->config().sources) {
        const int row = m_sources->rowCount();
        m_sources->insertRow(row);
        setCell(m_sources, row, SourceCol, s.enabled ? s.name : tr("%1 (disabled)").arg(s.name));
        QString held = tr("nobody");
        for (const LeaseRecord &l : *leases) {
            if (l.source == s.name && l.isLive())
                held = tr("%1, until %2").arg(l.worker(), QLocale().toString(l.expiresAt().toLocalTime().time(), QLocale::LongFormat));
        }
        setCell(m_sources, row, HeldByCol, held);
        // The earliest plan of the workers alive: the one that will run it.
        std::optional<qint64> sync, reconcile;
        QString by;
        bool running = false;
        for (const WorkerRecord &w : *workers) {
            if (!w.isAlive())
                continue;
            const QJsonObject p = w.plan.value(s.name).toObject();
            running = running || p.value(QStringLiteral("running")).toBool();
            const std::optional<qint64> next = earliest(at(p, "sync"), at(p, "retry"));
            if (next && earliest(next, sync) == next) {
                sync = next;
                by = w.display();
            }
            reconcile = earliest(reconcile, at(p, "reconcile"));
        }
        const QString none = alive == 0 ? tr("not scheduled (no worker)") : tr("not scheduled");
        setCell(m_sources, row, NextSyncCol,
                running ? tr("running now") : sync ? when(*sync, now) : none, by.isEmpty() ? QString() : tr("planned by %1").arg(by));
        setCell(m_sources, row, NextReconcileCol, reconcile ? when(*reconcile, now) : none);
        const auto success = last->constFind(s.name);
        setCell(m_sources, row, LastSuccessCol,
                success == last->constEnd() ? tr("never")
                                            : DisplayText::age(QDateTime::fromString(success->finishedAt, Qt::ISODateWithMs), now));
    }
    m_sources->resizeColumnsToContents();
    m_workers->resizeColumnsToContents();

    if (alive == 0)
        m_summary->setText(tr("No tributaryd serve is running on this main database: nothing is scheduled. Syncs run only when "
                              "started by hand (here or with tributaryd sync) or by cron."));
    else
        m_summary->setText(tr("%n tributaryd serve worker(s) alive on this main database; each source is run by one worker at a time.",
                              nullptr, alive));
}

} // namespace Tributary::Gui

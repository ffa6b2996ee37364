#include "DashboardView.h"

#include "DisplayText.h"
#include "StatusColors.h"
#include "Workspace.h"
#include "engine/SourceRunner.h"
#include "state/RunLog.h"
#include "store/Database.h"

#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <climits>
#include <utility>

namespace Tributary::Gui {

namespace {

constexpr qint64 kRateWindowMs = 5000; // records per second over the last few seconds

// The counts the dashboard shows, in column order.
struct CountColumn
{
    const char *key; // EntityCounts::toJson() key, also the label's objectName part
    qint64 EntityCounts::*field;
};
const CountColumn kCountColumns[] = {
    {"fetched", &EntityCounts::fetched},   {"inserted", &EntityCounts::inserted}, {"updated", &EntityCounts::updated},
    {"deleted", &EntityCounts::deleted},   {"linked", &EntityCounts::linked},     {"conflicts", &EntityCounts::conflicts},
    {"quarantined", &EntityCounts::quarantined},
};

int clampInt(qint64 v) { return int(qBound(qint64(0), v, qint64(INT_MAX))); }

QString objectNameFor(const QString &what, const QString &source, const QString &entity = QString())
{
    return entity.isEmpty() ? QStringLiteral("%1_%2").arg(what, source) : QStringLiteral("%1_%2_%3").arg(what, source, entity);
}

void setWaiting(QProgressBar *bar, const QString &text)
{
    bar->setRange(0, 1);
    bar->setValue(0);
    bar->setFormat(text);
}

} // namespace

DashboardView::EntityRow *DashboardView::Panel::row(const QString &entity) const
{
    for (EntityRow *r : rows) {
        if (r->entity == entity)
            return r;
    }
    return nullptr;
}

DashboardView::DashboardView(Workspace *workspace, QWidget *parent) : QWidget(parent), m_workspace(workspace)
{
    SourceRunner::registerMetaTypes();
    setObjectName(QStringLiteral("dashboard"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);

    m_banner = new QLabel;
    m_banner->setObjectName(QStringLiteral("dashboardBanner"));
    m_banner->setWordWrap(true);
    m_banner->setMargin(8);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(m_banner);

    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("dashboardScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("dashboardContent"));
    m_panelsLayout = new QVBoxLayout(m_content);
    m_panelsLayout->addStretch(1);
    scroll->setWidget(m_content);
    outer->addWidget(scroll, 1);

    // Elapsed time and ETA of running sources move on between progress reports.
    m_ticker = new QTimer(this);
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &DashboardView::tick);

    connect(m_workspace, &Workspace::configChanged, this, &DashboardView::rebuild);
    // A run that ended elsewhere (tributaryd serve, cron, another console) is the last run now:
    // each idle panel shows it, as the runs view does. A panel whose run is going on here
    // keeps its live counts.
    connect(m_workspace, &Workspace::runsChanged, this, [this] {
        for (Panel *p : std::as_const(m_panels)) {
            if (!isRunning(p->source))
                loadLastRun(p);
        }
    });
    rebuild();
}

DashboardView::~DashboardView()
{
    // Tell every run first, then wait for them one by one (each runner's destructor joins).
    for (SourceRunner *r : std::as_const(m_runners)) {
        r->disconnect(this);
        r->stop();
    }
    qDeleteAll(m_runners);
    m_runners.clear();
    qDeleteAll(m_panels);
}

// ---- building ---------------------------------------------------------------------------------

void DashboardView::rebuild()
{
    // Later, not now: the configuration may change from a slot of one of these widgets.
    for (Panel *p : std::as_const(m_panels)) {
        p->box->setParent(nullptr);
        p->box->deleteLater();
    }
    qDeleteAll(m_panels);
    m_panels.clear();

    const Config &config = m_workspace->config();
    if (!m_workspace->isOpen()) {
        m_banner->setText(tr("Open a configuration to see its sources."));
    } else if (config.sources.isEmpty()) {
        m_banner->setText(tr("This configuration has no sources yet. Add one from the Source menu."));
    } else if (!m_workspace->database()) {
        m_banner->setText(tr("The main database cannot be opened: %1").arg(DisplayText::error(m_workspace->databaseError())));
    } else {
        m_banner->clear();
    }
    StatusColors::setTextStatus(m_banner, m_workspace->isOpen() && !m_workspace->database() ? StatusColors::Status::Error
                                                                                            : StatusColors::Status::Normal);
    m_banner->setVisible(!m_banner->text().isEmpty());

    for (const SourceConfig &s : config.sources) {
        Panel *p = buildPanel(s);
        m_panels.append(p);
        m_panelsLayout->insertWidget(m_panelsLayout->count() - 1, p->box);
        loadLastRun(p);
        if (isRunning(s.name)) {
            // Still running from before the configuration was reloaded: its reports fill the rows.
            for (EntityRow *row : std::as_const(p->rows))
                setWaiting(row->bar, tr("waiting"));
            p->preview->hide();
        }
        updateControls(p);
    }

    // A source that is gone from the configuration stops; its runner goes when it has finished.
    for (auto it = m_runners.constBegin(); it != m_runners.constEnd(); ++it) {
        if (!config.source(it.key()) && it.value()->isRunning())
            it.value()->stop();
    }
    Q_EMIT stateChanged();
}

DashboardView::Panel *DashboardView::buildPanel(const SourceConfig &source)
{
    auto *p = new Panel;
    p->source = source.name;
    p->box = new QGroupBox(source.enabled ? source.name : tr("%1 (disabled)").arg(source.name));
    p->box->setObjectName(objectNameFor(QStringLiteral("source"), source.name));
    auto *layout = new QVBoxLayout(p->box);

    auto *header = new QHBoxLayout;
    p->state = new QLabel;
    p->state->setObjectName(objectNameFor(QStringLiteral("state"), source.name));
    QFont bold = p->state->font();
    bold.setBold(true);
    p->state->setFont(bold);
    header->addWidget(p->state);
    header->addStretch(1);
    auto makeButton = [&](const QString &text, const QString &tip, const QString &action) {
        auto *b = new QPushButton(text);
        b->setObjectName(objectNameFor(action + QStringLiteral("Button"), source.name));
        b->setToolTip(tip);
        header->addWidget(b);
        return b;
    };
    const QString name = source.name;
    p->sync = makeButton(tr("Sync now"), tr("Fetch what changed at this source and write it to the main database"), QStringLiteral("sync"));
    p->previewButton = makeButton(tr("Preview"), tr("Count what a sync would insert, update and which conflicts it would raise; nothing is written"),
                                  QStringLiteral("preview"));
    p->reconcile = makeButton(tr("Reconcile"), tr("Scan every id at the source: catch what polling missed and delete what is gone"),
                              QStringLiteral("reconcile"));
    p->stop = makeButton(tr("Stop"), tr("Stop after the page being written; nothing is left half-applied"), QStringLiteral("stop"));
    connect(p->sync, &QPushButton::clicked, this, [this, name] { syncNow(name); });
    connect(p->previewButton, &QPushButton::clicked, this, [this, name] { preview(name); });
    connect(p->reconcile, &QPushButton::clicked, this, [this, name] { reconcile(name); });
    connect(p->stop, &QPushButton::clicked, this, [this, name] { stop(name); });
    layout->addLayout(header);

    p->lastRun = new QLabel;
    p->lastRun->setObjectName(objectNameFor(QStringLiteral("lastRun"), source.name));
    layout->addWidget(p->lastRun);
    p->error = new QLabel;
    p->error->setObjectName(objectNameFor(QStringLiteral("error"), source.name));
    p->error->setWordWrap(true);
    p->error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    StatusColors::setTextStatus(p->error, StatusColors::Status::Error);
    p->error->hide();
    layout->addWidget(p->error);
    p->preview = new QLabel;
    p->preview->setObjectName(objectNameFor(QStringLiteral("preview"), source.name));
    p->preview->setWordWrap(true);
    p->preview->setFrameShape(QFrame::StyledPanel);
    p->preview->setMargin(6);
    StatusColors::setPanelStatus(p->preview, StatusColors::Status::Warning); // a note: nothing was written
    p->preview->hide();
    layout->addWidget(p->preview);

    auto *grid = new QGridLayout;
    // Laid out to fit a 1024 px wide window beside the sources list: short headers, the details
    // in their tooltips.
    grid->setHorizontalSpacing(8);
    const QStringList headers = {tr("Entity"), tr("Progress"), tr("Rate"), tr("ETA"), tr("Fetched"), tr("Inserted"),
                                 tr("Updated"), tr("Deleted"), tr("Linked"), tr("Conflicts"), tr("Quarantined")};
    for (int c = 0; c < headers.size(); ++c) {
        auto *h = new QLabel(headers.at(c));
        QFont f = h->font();
        f.setBold(true);
        h->setFont(f);
        if (c == 2)
            h->setToolTip(tr("Records per second"));
        else if (c == 3)
            h->setToolTip(tr("Time left, estimated from the rate and the source's total"));
        grid->addWidget(h, 0, c, c >= 2 ? Qt::AlignRight : Qt::AlignLeft);
    }
    grid->setColumnStretch(1, 1);
    int r = 1;
    for (const EntityConfig *e : source.orderedEntities()) {
        auto *row = new EntityRow;
        row->entity = e->name;
        row->name = new QLabel(e->name);
        row->bar = new QProgressBar;
        row->bar->setObjectName(objectNameFor(QStringLiteral("progress"), source.name, e->name));
        row->bar->setMinimumWidth(100);
        row->bar->setTextVisible(true);
        setWaiting(row->bar, QString());
        row->rate = new QLabel;
        row->rate->setObjectName(objectNameFor(QStringLiteral("rate"), source.name, e->name));
        row->eta = new QLabel;
        row->eta->setObjectName(objectNameFor(QStringLiteral("eta"), source.name, e->name));
        grid->addWidget(row->name, r, 0);
        grid->addWidget(row->bar, r, 1);
        grid->addWidget(row->rate, r, 2, Qt::AlignRight);
        grid->addWidget(row->eta, r, 3, Qt::AlignRight);
        int c = 4;
        for (const CountColumn &col : kCountColumns) {
            auto *l = new QLabel;
            l->setObjectName(objectNameFor(QString::fromLatin1(col.key), source.name, e->name));
            grid->addWidget(l, r, c++, Qt::AlignRight);
            row->counts.insert(QString::fromLatin1(col.key), l);
        }
        p->rows.append(row);
        ++r;
    }
    layout->addLayout(grid);
    return p;
}

void DashboardView::loadLastRun(Panel *panel)
{
    // One indexed read per source, when the dashboard is (re)built: never during a run.
    Database *db = m_workspace->database();
    panel->lastRun->setText(tr("Never synced"));
    if (!db)
        return;
    RunFilter ended;
    ended.sources = {panel->source};
    ended.statuses = {RunStatus::Ok, RunStatus::Partial, RunStatus::Failed, RunStatus::Interrupted};
    ended.limit = 1;
    const Result<QList<RunRecord>> runs = RunLog(*db).list(ended);
    if (!runs) {
        panel->lastRun->setText(tr("Cannot read the last run: %1").arg(DisplayText::error(runs.error())));
        panel->lastRun->setToolTip(runs.error().toString());
        StatusColors::setTextStatus(panel->lastRun, StatusColors::Status::Error);
        return;
    }
    if (runs->isEmpty())
        return;
    const RunRecord &last = runs->first();
    RunResult r;
    r.source = panel->source;
    const QDateTime started = QDateTime::fromString(last.startedAt, Qt::ISODateWithMs);
    const QDateTime finished = QDateTime::fromString(last.finishedAt, Qt::ISODateWithMs);
    r.status = last.runStatus().value_or(RunStatus::Failed);
    if (!last.error.isEmpty())
        r.error = Error(r.status == RunResult::Status::Interrupted ? Error::Code::Aborted : Error::Code::Internal, last.error);
    r.elapsedMs = started.isValid() && finished.isValid() ? started.msecsTo(finished) : 0;
    r.counts = last.counts;
    r.entityOrder = last.counts.keys();
    r.entityOrder.sort();
    showResult(panel, r, last.kind, false, finished.isValid() ? finished.toLocalTime() : started.toLocalTime());
    for (EntityRow *row : std::as_const(panel->rows)) {
        if (r.counts.contains(row->entity))
            showCounts(row, r.counts.value(row->entity), false);
    }
}

// ---- runs -------------------------------------------------------------------------------------

void DashboardView::syncNow(const QString &source) { startRun(source, RunRequest::incremental(), false); }

void DashboardView::fullSync(const QString &source) { startRun(source, RunRequest::full(), false); }

void DashboardView::reconcile(const QString &source) { startRun(source, RunRequest::reconcile(), false); }

void DashboardView::preview(const QString &source) { startRun(source, RunRequest::incremental(), true); }

void DashboardView::retryQuarantine(const QString &source, const QStringList &entities, const QStringList &ids)
{
    startRun(source, RunRequest::quarantineRetry(entities, ids), false);
}

void DashboardView::stop(const QString &source)
{
    SourceRunner *r = m_runners.value(source);
    if (!r || !r->isRunning() || r->isStopping())
        return;
    r->stop();
    if (Panel *p = panel(source)) {
        p->state->setText(tr("Stopping after the page being written..."));
        updateControls(p);
    }
    Q_EMIT stateChanged();
}

bool DashboardView::isRunning(const QString &source) const
{
    const SourceRunner *r = m_runners.value(source);
    return r && r->isRunning();
}

bool DashboardView::isStopping(const QString &source) const
{
    const SourceRunner *r = m_runners.value(source);
    return r && r->isStopping();
}

bool DashboardView::isPreviewing(const QString &source) const
{
    const SourceRunner *r = m_runners.value(source);
    return r && r->isRunning() && r->isDryRun();
}

bool DashboardView::isAnyRunning() const
{
    for (const SourceRunner *r : m_runners) {
        if (r->isRunning())
            return true;
    }
    return false;
}

RunResult DashboardView::lastResult(const QString &source, bool *ok) const
{
    if (ok)
        *ok = m_lastResults.contains(source);
    return m_lastResults.value(source);
}

RunResult DashboardView::lastPreview(const QString &source, bool *ok) const
{
    if (ok)
        *ok = m_lastPreviews.contains(source);
    return m_lastPreviews.value(source);
}

QProgressBar *DashboardView::progressBar(const QString &source, const QString &entity) const
{
    const Panel *p = panel(source);
    const EntityRow *row = p ? p->row(entity) : nullptr;
    return row ? row->bar : nullptr;
}

QPushButton *DashboardView::button(const QString &source, const QString &action) const
{
    const Panel *p = panel(source);
    if (!p)
        return nullptr;
    if (action == QLatin1String("sync"))
        return p->sync;
    if (action == QLatin1String("preview"))
        return p->previewButton;
    if (action == QLatin1String("reconcile"))
        return p->reconcile;
    if (action == QLatin1String("stop"))
        return p->stop;
    return nullptr;
}

SourceRunner *DashboardView::runnerFor(const QString &source)
{
    if (SourceRunner *r = m_runners.value(source))
        return r;
    auto *r = new SourceRunner(this);
    connect(r, &SourceRunner::entityStarted, this, &DashboardView::onEntityStarted);
    connect(r, &SourceRunner::progress, this, &DashboardView::onProgress);
    connect(r, &SourceRunner::entityFinished, this, &DashboardView::onEntityFinished);
    connect(r, &SourceRunner::retrying, this, &DashboardView::onRetrying);
    connect(r, &SourceRunner::finished, this, [this, r](const RunResult &result) { onFinished(r, result); });
    m_runners.insert(source, r);
    return r;
}

DashboardView::Panel *DashboardView::panel(const QString &source) const
{
    for (Panel *p : m_panels) {
        if (p->source == source)
            return p;
    }
    return nullptr;
}

bool DashboardView::startRun(const QString &source, const RunRequest &request, bool dryRun)
{
    if (!m_workspace->isOpen() || !m_workspace->config().source(source) || isRunning(source))
        return false;
    SourceRunner *r = runnerFor(source);
    Error error;
    if (!r->start(m_workspace->config(), source, request, dryRun, &error)) {
        if (Panel *p = panel(source)) {
            p->error->setText(error.message);
            p->error->show();
        }
        return false;
    }
    m_runClock[source].start();
    if (Panel *p = panel(source)) {
        resetRows(p);
        p->error->hide();
        if (!dryRun)
            p->preview->hide();
        tick();
        updateControls(p);
    }
    m_ticker->start();
    Q_EMIT runStarted(source);
    Q_EMIT stateChanged();
    return true;
}

void DashboardView::onEntityStarted(const QString &source, const QString &entity)
{
    Panel *p = panel(source);
    EntityRow *row = p ? p->row(entity) : nullptr;
    if (!row)
        return;
    row->active = true;
    row->done = false;
    row->clock.start();
    row->samples.clear();
    row->samples.append({0, 0});
    row->bar->setRange(0, 0); // busy until the source says how many there are
    row->bar->setFormat(QString());
    row->rate->clear();
    row->eta->clear();
}

void DashboardView::onProgress(const QString &source, const QString &entity, const EntityCounts &counts)
{
    Panel *p = panel(source);
    EntityRow *row = p ? p->row(entity) : nullptr;
    if (!row)
        return;
    if (!row->clock.isValid()) {
        // A phase that did not announce itself (a reconciliation's catch-up walk).
        row->clock.start();
        row->samples = {{0, 0}};
    }
    row->active = true;
    if (p->retry) {
        p->retry.reset(); // data flows again
        showRunningState(p);
    }
    const qint64 now = row->clock.elapsed();
    row->samples.append({now, counts.fetched});
    while (row->samples.size() > 2 && now - row->samples.at(1).first >= kRateWindowMs)
        row->samples.removeFirst();
    showCounts(row, counts, true);
}

void DashboardView::onEntityFinished(const QString &source, const QString &entity, const EntityCounts &counts)
{
    Panel *p = panel(source);
    EntityRow *row = p ? p->row(entity) : nullptr;
    if (!row)
        return;
    row->active = false;
    row->done = true;
    showCounts(row, counts, false);
}

void DashboardView::onFinished(SourceRunner *runner, const RunResult &result)
{
    const bool dryRun = runner->isDryRun();
    const QString source = runner->source();
    m_runClock.remove(source);
    if (dryRun)
        m_lastPreviews.insert(source, result);
    else
        m_lastResults.insert(source, result);

    if (Panel *p = panel(source)) {
        p->retry.reset();
        p->state->setToolTip(QString());
        const bool complete = result.status == RunResult::Status::Ok || result.status == RunResult::Status::Partial;
        for (EntityRow *row : std::as_const(p->rows)) {
            const bool done = std::exchange(row->done, false);
            const bool reached = std::exchange(row->active, false);
            row->rate->clear();
            row->eta->clear();
            // The counts the run stores (RunLog) are the last word, also for an entity whose walk
            // already reported its end: what a run does after the walks (the reconciliation's
            // deletes, pending records quarantined at the end) counts there too, so the row
            // shows what Runs and tributaryd status show.
            if (done) {
                if (complete && result.counts.contains(row->entity))
                    showCounts(row, result.counts.value(row->entity), false);
                continue;
            }
            if (result.counts.contains(row->entity)) {
                // Runs that do not walk entity by entity (quarantine retries) only report at the end.
                if (complete)
                    showCounts(row, result.counts.value(row->entity), false);
                else
                    showStopped(row, result.counts.value(row->entity), result.status);
            } else if (reached) {
                showStopped(row, EntityCounts(), result.status);
            } else {
                setWaiting(row->bar, complete ? QString() : tr("not reached"));
            }
        }
        showResult(p, result, result.kindName(), dryRun, QDateTime::currentDateTime());
        if (dryRun)
            showPreview(p, result);
        updateControls(p);
    }
    if (!m_workspace->config().source(source)) {
        // The source was removed from the configuration while it ran.
        m_runners.remove(source);
        runner->deleteLater();
    }
    if (!isAnyRunning())
        m_ticker->stop();
    if (!dryRun)
        m_workspace->notifyDataChanged();
    Q_EMIT runFinished(result);
    Q_EMIT stateChanged();
}

void DashboardView::tick()
{
    for (Panel *p : std::as_const(m_panels))
        showRunningState(p);
}

void DashboardView::showRunningState(Panel *p)
{
    const SourceRunner *r = m_runners.value(p->source);
    if (!r || !r->isRunning() || r->isStopping())
        return;
    const qint64 seconds = m_runClock.value(p->source).isValid() ? m_runClock.value(p->source).elapsed() / 1000 : 0;
    const RunKind kind = r->request().kind();
    const QString what = r->isDryRun()                        ? tr("Previewing (nothing is written)")
                       : kind == RunKind::Full                ? tr("Syncing everything")
                       : kind == RunKind::Reconcile           ? tr("Reconciling")
                       : kind == RunKind::QuarantineRetry     ? tr("Retrying quarantined records")
                                                              : tr("Syncing");
    QString text = tr("%1 for %2").arg(what, formatDuration(seconds));
    QString tip;
    if (p->retry) {
        // Counted down while it waits; then said as sent until the answer (data or another retry).
        const RetryNotice &n = *p->retry;
        const qint64 left = (n.delayMs - p->retryClock.elapsed() + 999) / 1000;
        const QString retry = left > 0 ? tr("retry %1 of %2 in %3").arg(n.retry).arg(n.maxRetries).arg(formatDuration(left))
                                       : tr("retry %1 of %2 sent").arg(n.retry).arg(n.maxRetries);
        text += QStringLiteral(" — ") + retry + QStringLiteral(": ") + n.why.section(QLatin1Char('\n'), 0, 0);
        tip = n.request + QStringLiteral("\n") + n.why;
    }
    p->state->setText(text);
    p->state->setToolTip(tip);
}

void DashboardView::onRetrying(const QString &source, const RetryNotice &notice)
{
    Panel *p = panel(source);
    if (!p)
        return;
    p->retry = notice;
    p->retryClock.start();
    showRunningState(p);
}

// ---- showing ----------------------------------------------------------------------------------

void DashboardView::showCountLabels(EntityRow *row, const EntityCounts &counts)
{
    for (const CountColumn &col : kCountColumns) {
        QLabel *l = row->counts.value(QString::fromLatin1(col.key));
        l->setText(formatCount(counts.*col.field));
    }
    QStringList all;
    const QJsonObject json = counts.toJson();
    for (auto it = json.constBegin(); it != json.constEnd(); ++it)
        all.append(QStringLiteral("%1: %2").arg(it.key(), formatCount(qint64(it.value().toDouble()))));
    row->name->setToolTip(all.join(QLatin1Char('\n')));
}

void DashboardView::showStopped(EntityRow *row, const EntityCounts &counts, RunResult::Status status)
{
    showCountLabels(row, counts);
    const QString why = status == RunResult::Status::Interrupted ? tr("stopped") : tr("failed");
    QProgressBar *bar = row->bar;
    if (counts.total >= 0) {
        const qint64 max = qMax(counts.total, counts.fetched);
        bar->setRange(0, qMax(1, clampInt(max)));
        bar->setValue(clampInt(counts.fetched));
        bar->setFormat(tr("%1: %2 of %3").arg(why, formatCount(counts.fetched), formatCount(max)));
    } else {
        setWaiting(row->bar, counts.fetched > 0 ? tr("%1 after %2").arg(why, formatCount(counts.fetched)) : why);
    }
}

void DashboardView::showCounts(EntityRow *row, const EntityCounts &counts, bool running)
{
    showCountLabels(row, counts);
    QProgressBar *bar = row->bar;
    if (counts.total >= 0) {
        // The source may list more than it announced (records added during the walk).
        const qint64 max = qMax(counts.total, counts.fetched);
        bar->setRange(0, clampInt(max));
        bar->setValue(running ? clampInt(counts.fetched) : clampInt(max));
        bar->setFormat(tr("%1 of %2").arg(formatCount(running ? counts.fetched : max), formatCount(max)));
    } else if (running) {
        if (bar->maximum() != 0)
            bar->setRange(0, 0); // busy: the source does not say how many
    } else {
        bar->setRange(0, 1);
        bar->setValue(1);
        bar->setFormat(tr("%1 done").arg(formatCount(counts.fetched)));
    }

    if (!running) {
        row->rate->clear();
        row->eta->clear();
        return;
    }
    double rate = 0.0;
    if (row->samples.size() >= 2) {
        const auto &first = row->samples.first();
        const auto &last = row->samples.last();
        if (last.first > first.first)
            rate = double(last.second - first.second) * 1000.0 / double(last.first - first.first);
    }
    row->rate->setText(rate > 0 ? tr("%1/s").arg(formatCount(qint64(rate + 0.5))) : QString());
    if (counts.total >= 0 && rate > 0) {
        const qint64 left = qMax<qint64>(0, counts.total - counts.fetched);
        row->eta->setText(formatDuration(qint64(double(left) / rate + 0.5)));
    } else {
        row->eta->clear();
    }
}

void DashboardView::resetRows(Panel *panel)
{
    for (EntityRow *row : std::as_const(panel->rows)) {
        row->active = false;
        row->done = false;
        row->clock.invalidate();
        row->samples.clear();
        setWaiting(row->bar, tr("waiting"));
        row->rate->clear();
        row->eta->clear();
        for (QLabel *l : std::as_const(row->counts))
            l->clear();
    }
}

void DashboardView::updateControls(Panel *panel)
{
    const SourceRunner *r = m_runners.value(panel->source);
    const bool running = r && r->isRunning();
    const bool canRun = !running && m_workspace->isOpen();
    panel->sync->setEnabled(canRun);
    panel->previewButton->setEnabled(canRun);
    panel->reconcile->setEnabled(canRun);
    panel->stop->setEnabled(running && !r->isStopping());
    if (running && r->isStopping())
        panel->state->setText(tr("Stopping after the page being written..."));
    else if (running)
        tick();
}

void DashboardView::showResult(Panel *panel, const RunResult &result, const QString &kind, bool dryRun, const QDateTime &when)
{
    QString status;
    switch (result.status) {
    case RunResult::Status::Ok: status = tr("ok"); break;
    case RunResult::Status::Partial: status = tr("partial"); break;
    case RunResult::Status::Failed: status = tr("failed"); break;
    case RunResult::Status::Interrupted: status = tr("stopped"); break;
    case RunResult::Status::Paused: status = tr("paused"); break;
    case RunResult::Status::Running: break; // a result is delivered when the run has ended
    }
    const QString at = QLocale().toString(when, QLocale::ShortFormat);
    const QString took = result.elapsedMs < 10000 ? tr("%1 s").arg(QLocale().toString(double(result.elapsedMs) / 1000.0, 'f', 1))
                                                   : formatDuration((result.elapsedMs + 500) / 1000);
    if (dryRun) {
        panel->state->setText(result.status == RunResult::Status::Failed        ? tr("Preview failed (nothing was written)")
                              : result.status == RunResult::Status::Interrupted ? tr("Preview stopped (nothing was written)")
                                                                                : tr("Preview finished (nothing was written)"));
    } else {
        panel->state->setText(result.status == RunResult::Status::Failed        ? tr("Needs attention")
                              : result.status == RunResult::Status::Partial     ? tr("Idle: some records wait")
                              : result.status == RunResult::Status::Interrupted ? tr("Stopped")
                              : result.status == RunResult::Status::Paused
                                  ? tr("Paused until %1: the request budget is spent")
                                        .arg(QLocale().toString(result.resumesAt.toLocalTime(), QLocale::ShortFormat))
                                  : tr("Idle"));
        const EntityCounts total = result.total();
        // The kind in tributaryd's words ("incremental sync", "webhook sync").
        QString line = tr("Last run (%1): %2 at %3, took %4").arg(RunKinds::describe(kind), status, at, took);
        if (result.status == RunResult::Status::Partial)
            line += tr(" (%1 quarantined, %2 waiting for a referenced record)").arg(formatCount(total.quarantined), formatCount(total.pending));
        panel->lastRun->setText(line);
        panel->lastRun->setToolTip(QString());
        StatusColors::setTextStatus(panel->lastRun, StatusColors::Status::Normal); // a failed read of the last run is over
    }
    if (result.status == RunResult::Status::Failed && result.error) {
        panel->error->setText(dryRun ? tr("The preview failed: %1").arg(result.error.message) : result.error.message);
        panel->error->setToolTip(result.error.detail);
        panel->error->show();
    } else {
        panel->error->hide();
    }
}

void DashboardView::showPreview(Panel *panel, const RunResult &result)
{
    const EntityCounts t = result.total();
    QString text = tr("Preview: a sync now would insert %1, update %2, delete %3 and link %4 rows, and raise %5 conflicts. "
                      "Nothing was written to the main database; deletes are found only by Reconcile.")
                       .arg(formatCount(t.inserted), formatCount(t.updated), formatCount(t.deleted), formatCount(t.linked),
                            formatCount(t.conflicts));
    if (t.quarantined > 0)
        text += QLatin1Char(' ') + tr("%1 records would be quarantined.").arg(formatCount(t.quarantined));
    if (result.status == RunResult::Status::Failed || result.status == RunResult::Status::Interrupted)
        text += QLatin1Char(' ') + tr("The preview did not finish: these counts are incomplete.");
    panel->preview->setText(text);
    panel->preview->show();
}

QString DashboardView::formatCount(qint64 n) const { return QLocale().toString(n); }

QString DashboardView::formatDuration(qint64 seconds) const
{
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

} // namespace Tributary::Gui

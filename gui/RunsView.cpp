#include "RunsView.h"

#include "RecordTable.h"

#include "SourceChoices.h"

#include "DisplayText.h"
#include "RunsModel.h"
#include "Workspace.h"

#include "state/RunLog.h"
#include "store/Database.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Tributary::Gui {

RunsView::RunsView(Workspace *workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_model(new RunsModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("runsView"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RunsModel::SortRole);

    auto *root = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_sourceCombo = addSourceFilter(bar, QStringLiteral("runsSourceFilter"), this);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("runsCount"));
    bar->addStretch(1);
    bar->addWidget(m_countLabel);
    root->addLayout(bar);
    connect(m_sourceCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, &RunsView::refresh);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    root->addWidget(splitter, 1);

    m_table = makeRecordTable(m_proxy, QStringLiteral("runsTable"), QAbstractItemView::SingleSelection, nullptr);
    m_table->sortByColumn(RunsModel::IdColumn, Qt::DescendingOrder);
    m_list = new RecordPane(m_table, QStringLiteral("runsEmptyState"), splitter);

    m_detailStack = new QStackedWidget(splitter);
    auto *placeholder = makeStateLabel(tr("Select a run to see its counts per entity and how it ended."), QString(), m_detailStack);
    m_detailStack->addWidget(placeholder);
    auto *detail = new QWidget(m_detailStack);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 4, 0, 0);
    m_detailTitle = new QLabel(detail);
    m_detailTitle->setObjectName(QStringLiteral("runTitle"));
    QFont titleFont = m_detailTitle->font();
    titleFont.setBold(true);
    m_detailTitle->setFont(titleFont);
    m_detailTimes = new QLabel(detail);
    m_detailTimes->setObjectName(QStringLiteral("runTimes"));
    m_detailTimes->setWordWrap(true);
    m_detailError = new QLabel(detail);
    m_detailError->setObjectName(QStringLiteral("runError"));
    m_detailError->setWordWrap(true);
    m_detailError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_countsTable = new QTableWidget(0, 13, detail);
    m_countsTable->setObjectName(QStringLiteral("runCounts"));
    m_countsTable->setHorizontalHeaderLabels({tr("Entity"), tr("Fetched"), tr("Skipped"), tr("Inserted"), tr("Linked"), tr("Updated"),
                                              tr("Unchanged"), tr("Deleted"), tr("Restored"), tr("Conflicts"), tr("Quarantined"),
                                              tr("Pending"), tr("Retries")});
    m_countsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_countsTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_countsTable->verticalHeader()->hide();
    m_countsTable->horizontalHeader()->setStretchLastSection(true);
    detailLayout->addWidget(m_detailTitle);
    detailLayout->addWidget(m_detailTimes);
    detailLayout->addWidget(m_detailError);
    detailLayout->addWidget(m_countsTable, 1);
    m_detailStack->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsView::showRun);
    // Running runs' durations grow: repaint them once a second while there are any.
    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, m_model, &RunsModel::tick);

    if (m_workspace) {
        connect(m_workspace, &Workspace::configChanged, this, &RunsView::refresh);
        connect(m_workspace, &Workspace::dataChanged, this, &RunsView::refresh);
        connect(m_workspace, &Workspace::runsChanged, this, &RunsView::refresh);
    }
    refresh();
}

RunsView::~RunsView() = default;

void RunsView::setSourceFilter(const QString &source)
{
    selectSourceChoice(m_sourceCombo, source); // refreshes
}

QString RunsView::sourceFilter() const
{
    return m_sourceCombo->currentData().toString();
}

void RunsView::rebuildSourceChoices()
{
    Database *db = m_workspace ? m_workspace->database() : nullptr;
    // Without the sources of the run history (it cannot be read), the filter offers the configured
    // ones; the list below says what failed.
    fillSourceChoices(m_sourceCombo, m_workspace, db ? RunLog(*db).sources().valueOr({}) : QStringList());
}

void RunsView::refresh()
{
    Database *db = m_workspace ? m_workspace->database() : nullptr;
    rebuildSourceChoices();
    if (!db) {
        m_model->clear();
    } else {
        m_model->setSource(m_sourceCombo->currentData().toString());
        m_model->refresh(*db, m_workspace->config()); // a failure shows in place of the list
    }
    if (m_model->rowCount() > 0 && !m_columnsSized) {
        m_table->resizeColumnsToContents();
        m_columnsSized = true;
    }
    if (m_model->hasRunning())
        m_tick->start();
    else
        m_tick->stop();
    updateEmptyState();
    showRun();
}

void RunsView::updateEmptyState()
{
    const int rows = m_model->rowCount();
    if (rows > 0) {
        m_countLabel->setText(m_model->isTruncated() ? tr("the newest %1 runs").arg(DisplayText::number(rows))
                                                     : tr("%n run(s)", nullptr, rows));
        m_list->showTable();
        return;
    }
    m_countLabel->clear();
    if (m_list->showFailure(m_workspace, m_model->readError(), tr("The main database could not be opened, so its runs cannot be shown:\n%1"),
                            tr("Cannot read the runs:\n%1")))
        return;
    QString text;
    if (!m_workspace || !m_workspace->isOpen())
        text = tr("No configuration is open.\nOpen one to see its runs.");
    else if (!m_sourceCombo->currentData().toString().isEmpty())
        text = tr("%1 has not run yet.\nIts runs appear here, from this console and from tributaryd alike.").arg(m_sourceCombo->currentData().toString());
    else
        text = tr("No run yet.\nEvery sync, from this console or from tributaryd, appears here with what it fetched, wrote and "
                  "held back, and how it ended.");
    m_list->showEmpty(text);
}

QString RunsView::emptyStateText() const
{
    return m_list->stateText();
}

bool RunsView::selectRun(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void RunsView::showRun()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_shownId = 0;
        m_shownVersion.clear();
        m_detailStack->setCurrentIndex(0);
        return;
    }
    const RunRow &r = m_model->run(m_proxy->mapToSource(rows.first()).row());
    const QString version = r.status + r.finishedAt + r.entities.join(QLatin1Char(','));
    if (r.id == m_shownId && version == m_shownVersion)
        return;
    m_shownId = r.id;
    m_shownVersion = version;
    m_detailStack->setCurrentIndex(1);
    m_detailTitle->setText(tr("Run %1 of %2 (%3): %4").arg(r.id).arg(r.source, RunKinds::describe(r.kind), RunsModel::statusText(r.status)));
    const qint64 ms = r.durationMs();
    QString times = r.finishedAt.isEmpty() ? tr("Started %1.").arg(DisplayText::time(r.startedAt))
                                           : tr("Started %1, finished %2 (%3).")
                                                 .arg(DisplayText::time(r.startedAt), DisplayText::time(r.finishedAt), DisplayText::duration(ms));
    times += QLatin1Char(' ') + RunsModel::summary(r);
    if (r.entities.isEmpty())
        times += QLatin1Char(' ') + (r.isRunning() ? tr("Its counts are recorded when it ends.")
                                                                          : tr("It recorded no counts."));
    m_detailTimes->setText(times);
    m_detailError->setVisible(!r.error.isEmpty());
    m_detailError->setText(tr("Error: %1").arg(r.error));

    m_countsTable->clearContents();
    m_countsTable->setRowCount(0);
    if (r.entities.isEmpty())
        return;
    auto addRow = [&](const QString &name, const EntityCounts &c, bool bold) {
        const int row = m_countsTable->rowCount();
        m_countsTable->insertRow(row);
        const qint64 values[] = {c.fetched, c.skipped, c.inserted, c.linked, c.updated, c.unchanged, c.deleted,
                                 c.restored, c.conflicts, c.quarantined, c.pending, c.retries};
        auto *first = new QTableWidgetItem(name);
        QFont font = first->font();
        font.setBold(bold);
        first->setFont(font);
        m_countsTable->setItem(row, 0, first);
        for (int i = 0; i < 12; ++i) {
            auto *item = new QTableWidgetItem(DisplayText::number(values[i]));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setFont(font);
            m_countsTable->setItem(row, i + 1, item);
        }
    };
    for (const QString &e : r.entities)
        addRow(e, r.counts.value(e), false);
    if (r.entities.size() > 1)
        addRow(tr("Total"), r.total(), true);
    m_countsTable->resizeColumnsToContents();
}

} // namespace Tributary::Gui

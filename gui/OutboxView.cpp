#include "OutboxView.h"

#include "DisplayText.h"
#include "OutboxModel.h"
#include "RecordTable.h"
#include "SourceChoices.h"
#include "StatusColors.h"
#include "Workspace.h"

#include "state/Outbox.h"
#include "store/Database.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Tributary::Gui {

OutboxView::OutboxView(Workspace *workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_model(new OutboxModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("outboxView"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(OutboxModel::SortRole);

    auto *root = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_sourceCombo = addSourceFilter(bar, QStringLiteral("outboxSourceFilter"), this);
    m_refusedOnly = new QCheckBox(tr("&Refused only"), this);
    m_refusedOnly->setObjectName(QStringLiteral("outboxRefusedOnly"));
    m_refusedOnly->setToolTip(tr("Only the changes a source would not take as they are"));
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("outboxCount"));
    bar->addWidget(m_refusedOnly);
    bar->addWidget(m_countLabel);
    bar->addStretch(1);
    root->addLayout(bar);

    auto *actions = new QHBoxLayout;
    m_retrySelected = new QPushButton(tr("Retry selected"), this);
    m_retrySelected->setObjectName(QStringLiteral("outboxRetrySelected"));
    m_retrySelected->setToolTip(tr("Push the selected changes at the next sync of their source, refused ones included (after "
                                   "fixing the row or the source)"));
    m_retryRefused = new QPushButton(tr("Retry refused"), this);
    m_retryRefused->setObjectName(QStringLiteral("outboxRetryRefused"));
    m_retryRefused->setToolTip(tr("Push every refused change again at the next sync (of the source chosen, or of every source)"));
    m_drop = new QPushButton(tr("Drop..."), this);
    m_drop->setObjectName(QStringLiteral("outboxDrop"));
    m_drop->setToolTip(tr("Forget the selected changes without pushing them: the source keeps what it has"));
    m_openRecord = new QPushButton(tr("Open record"), this);
    m_openRecord->setObjectName(QStringLiteral("outboxOpenRecord"));
    m_openRecord->setToolTip(tr("Show the selected row in the Records tab, with its links and history"));
    actions->addWidget(m_retrySelected);
    actions->addWidget(m_retryRefused);
    actions->addWidget(m_drop);
    actions->addStretch(1);
    actions->addWidget(m_openRecord);
    root->addLayout(actions);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("outboxNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();
    root->addWidget(m_notice);

    m_table = makeRecordTable(m_proxy, QStringLiteral("outboxTable"), QAbstractItemView::ExtendedSelection, nullptr);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the model's order: oldest operation first
    m_list = new RecordPane(m_table, QStringLiteral("outboxEmptyState"), this);
    root->addWidget(m_list, 1);

    connect(m_sourceCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, &OutboxView::refresh);
    connect(m_refusedOnly, &QCheckBox::toggled, this, &OutboxView::refresh);
    connect(m_retrySelected, &QPushButton::clicked, this, &OutboxView::retrySelected);
    connect(m_retryRefused, &QPushButton::clicked, this, &OutboxView::retryRefused);
    connect(m_drop, &QPushButton::clicked, this, &OutboxView::dropSelected);
    connect(m_openRecord, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->selectionModel()->currentIndex();
        if (!current.isValid())
            return;
        const OutboxOperation &o = m_model->operation(m_proxy->mapToSource(current).row());
        Q_EMIT openRowRequested(o.table, o.localId);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &OutboxView::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &OutboxView::updateActions);

    if (m_workspace) {
        connect(m_workspace, &Workspace::configChanged, this, &OutboxView::refresh);
        connect(m_workspace, &Workspace::dataChanged, this, &OutboxView::refresh);
        connect(m_workspace, &Workspace::outboxChanged, this, &OutboxView::refresh);
    }
    refresh();
}

OutboxView::~OutboxView() = default;

void OutboxView::setSourceFilter(const QString &source)
{
    selectSourceChoice(m_sourceCombo, source);
}

QString OutboxView::sourceFilter() const
{
    return m_sourceCombo->currentData().toString();
}

void OutboxView::setRefusedOnly(bool refusedOnly)
{
    m_refusedOnly->setChecked(refusedOnly);
}

void OutboxView::rebuildSourceChoices()
{
    // The configured sources, and those the outbox still names (a source removed since).
    QStringList sources = m_model->depth().keys();
    sources.sort();
    fillSourceChoices(m_sourceCombo, m_workspace, sources);
}

void OutboxView::refresh()
{
    Database *db = m_workspace ? m_workspace->database() : nullptr;
    const QString chosen = sourceFilter();
    if (!db) {
        m_model->clear();
    } else {
        m_model->setFilter(chosen, m_refusedOnly->isChecked());
        m_model->refresh(*db); // a failure shows in place of the list
    }
    rebuildSourceChoices();
    if (db && sourceFilter() != chosen) { // the source chosen is gone: every source
        m_model->setFilter(sourceFilter(), m_refusedOnly->isChecked());
        m_model->refresh(*db);
    }
    if (m_model->rowCount() > 0 && !m_columnsSized) {
        m_table->resizeColumnsToContents();
        m_columnsSized = true;
    }
    updateEmptyState();
    updateActions();
    Q_EMIT waitingChanged();
}

qint64 OutboxView::waitingCount() const
{
    if (m_model->readError() || !m_workspace || !m_workspace->database())
        return -1;
    qint64 n = 0;
    for (const Outbox::Depth &d : m_model->depth())
        n += d.pending + d.refused;
    return n;
}

void OutboxView::updateEmptyState()
{
    const int rows = m_model->rowCount();
    if (rows > 0) {
        QString count = tr("%n change(s) waiting to be pushed", nullptr, int(m_model->total()));
        qint64 refused = 0;
        for (auto it = m_model->depth().cbegin(); it != m_model->depth().cend(); ++it) {
            if (sourceFilter().isEmpty() || it.key() == sourceFilter())
                refused += it->refused;
        }
        if (refused > 0 && !m_refusedOnly->isChecked())
            count += QStringLiteral(", ") + tr("%n refused", nullptr, int(refused));
        if (m_model->total() > rows)
            count += QLatin1Char(' ') + tr("(the first %1 are listed)").arg(DisplayText::number(rows));
        m_countLabel->setText(count);
        m_list->showTable();
        return;
    }
    m_countLabel->clear();
    if (m_list->showFailure(m_workspace, m_model->readError(),
                            tr("The main database could not be opened, so its outbox cannot be shown:\n%1"),
                            tr("Cannot read the outbox:\n%1")))
        return;
    QString text;
    if (!m_workspace || !m_workspace->isOpen())
        text = tr("No configuration is open.\nOpen one to see the changes of its main database waiting to be pushed to its sources.");
    else if (m_refusedOnly->isChecked())
        text = sourceFilter().isEmpty() ? tr("No change was refused.") : tr("%1 refused no change.").arg(sourceFilter());
    else if (!sourceFilter().isEmpty())
        text = tr("Nothing waits to be pushed to %1.").arg(sourceFilter());
    else
        text = tr("The outbox is empty: every change of the main database reached its sources.");
    m_list->showEmpty(text);
}

QString OutboxView::emptyStateText() const
{
    return m_list->stateText();
}

void OutboxView::updateActions()
{
    const bool db = m_workspace && m_workspace->database();
    const bool selected = m_table->selectionModel()->hasSelection();
    bool anyRefused = false;
    for (int row = 0; row < m_model->rowCount() && !anyRefused; ++row)
        anyRefused = m_model->operation(row).isRefused();
    m_retrySelected->setEnabled(db && selected);
    m_retryRefused->setEnabled(db && anyRefused);
    m_drop->setEnabled(db && selected);
    m_openRecord->setEnabled(db && m_table->selectionModel()->currentIndex().isValid() && selected);
}

bool OutboxView::selectOperation(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

QList<qint64> OutboxView::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        ids.append(m_model->operation(m_proxy->mapToSource(i).row()).id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

void OutboxView::setNotice(const QString &text, bool failed)
{
    m_notice->setText(text);
    StatusColors::setTextStatus(m_notice, failed ? StatusColors::Status::Error : StatusColors::Status::Normal);
    m_notice->setVisible(!text.isEmpty());
}

bool OutboxView::change(bool drop, const OutboxFilter &filter)
{
    Database *db = m_workspace ? m_workspace->database() : nullptr;
    if (!db)
        return false;
    Outbox outbox(*db);
    const Result<int> n = drop ? outbox.drop(filter) : outbox.retry(filter);
    if (!n)
        setNotice(DisplayText::error(n.error()), true);
    else
        setNotice(drop ? tr("%n change(s) dropped: they will not be pushed.", nullptr, *n)
                       : tr("%n change(s) due again: the next sync of their source pushes them.", nullptr, *n));
    refresh();
    return n && *n > 0;
}

bool OutboxView::retrySelected()
{
    OutboxFilter filter;
    filter.ids = selectedIds();
    if (filter.ids.isEmpty()) {
        setNotice(tr("Select the changes to retry first."));
        return false;
    }
    return change(false, filter);
}

bool OutboxView::retryRefused()
{
    OutboxFilter filter;
    if (!sourceFilter().isEmpty())
        filter.sources = {sourceFilter()};
    filter.state = QStringLiteral("refused");
    return change(false, filter);
}

QMessageBox *OutboxView::dropSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty()) {
        setNotice(tr("Select the changes to drop first."));
        return nullptr;
    }
    int inDoubt = 0;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        inDoubt += OutboxModel::isInDoubt(m_model->operation(m_proxy->mapToSource(i).row())) ? 1 : 0;
    QString text = tr("Dropped changes are forgotten without being pushed: the source keeps what it has, and the rows keep "
                      "their values in the main database (a later change of a row is pushed again).");
    if (inDoubt > 0)
        text += QStringLiteral("\n\n")
            + tr("%n of them are creates in doubt (sent without an answer): if the source made their records, the next sync "
                 "imports those records as rows of their own, beside the ones here.",
                 nullptr, inDoubt);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Drop %n change(s)?", nullptr, int(ids.size())), text, QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("outboxDropConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *go = box->addButton(tr("Drop"), QMessageBox::DestructiveRole);
    go->setObjectName(QStringLiteral("outboxDropConfirm"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, go, ids](QAbstractButton *clicked) {
        if (clicked != go)
            return;
        OutboxFilter filter;
        filter.ids = ids;
        change(true, filter);
    });
    box->open();
    return box;
}

QString OutboxView::noticeText() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

} // namespace Tributary::Gui

#include "QuarantineView.h"

#include "RecordTable.h"

#include "SourceChoices.h"

#include "DisplayText.h"
#include "QuarantineModel.h"
#include "Workspace.h"

#include "state/LinkStore.h"
#include "state/ParkingLot.h"
#include "store/Database.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Tributary::Gui {

QuarantineView::QuarantineView(Workspace *workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_model(new QuarantineModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("quarantineView"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(QuarantineModel::SortRole);

    auto *root = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_sourceCombo = addSourceFilter(bar, QStringLiteral("quarantineSourceFilter"), this);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("quarantineCount"));
    m_retrySelected = new QPushButton(tr("Retry selected"), this);
    m_retrySelected->setObjectName(QStringLiteral("retrySelectedButton"));
    m_retrySelected->setToolTip(tr("Fetch the selected records again and apply them: after the source fixed them, or what "
                                   "they reference exists now"));
    m_retryAll = new QPushButton(tr("Retry all"), this);
    m_retryAll->setObjectName(QStringLiteral("retryAllButton"));
    m_retryAll->setToolTip(tr("Fetch every record in quarantine again (of the source chosen, or of every source)"));
    bar->addWidget(m_countLabel);
    bar->addStretch(1);
    bar->addWidget(m_retrySelected);
    bar->addWidget(m_retryAll);
    root->addLayout(bar);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("quarantineNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();
    root->addWidget(m_notice);
    connect(m_sourceCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, &QuarantineView::refresh);
    connect(m_retrySelected, &QPushButton::clicked, this, &QuarantineView::retrySelected);
    connect(m_retryAll, &QPushButton::clicked, this, &QuarantineView::retryAll);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    root->addWidget(splitter, 1);
    m_table = makeRecordTable(m_proxy, QStringLiteral("quarantineTable"), QAbstractItemView::ExtendedSelection, nullptr);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the model's order: source, entity, first seen
    m_list = new RecordPane(m_table, QStringLiteral("quarantineEmptyState"), splitter);

    m_detailStack = new QStackedWidget(splitter);
    auto *placeholder = makeStateLabel(tr("Select a record to see why it is held and what the source sent."), QString(), m_detailStack);
    m_detailStack->addWidget(placeholder);
    auto *detail = new QWidget(m_detailStack);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 4, 0, 0);
    m_detailTitle = new QLabel(detail);
    m_detailTitle->setObjectName(QStringLiteral("quarantineTitle"));
    QFont titleFont = m_detailTitle->font();
    titleFont.setBold(true);
    m_detailTitle->setFont(titleFont);
    m_detailReason = new QLabel(detail);
    m_detailReason->setObjectName(QStringLiteral("quarantineReason"));
    m_detailReason->setWordWrap(true);
    m_detailReason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_recordText = new QPlainTextEdit(detail);
    m_recordText->setObjectName(QStringLiteral("quarantineRecord"));
    m_recordText->setReadOnly(true);
    m_recordText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_openRecord = new QPushButton(tr("Open record"), detail);
    m_openRecord->setObjectName(QStringLiteral("quarantineOpenRecord"));
    connect(m_openRecord, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->selectionModel()->currentIndex();
        if (!current.isValid())
            return;
        const QuarantineEntry &r = m_model->record(m_proxy->mapToSource(current).row());
        Q_EMIT openRecordRequested(r.source, r.entity, r.externalId, QString());
    });
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_detailTitle, 1);
    titleRow->addWidget(m_openRecord);
    detailLayout->addLayout(titleRow);
    detailLayout->addWidget(m_detailReason);
    detailLayout->addWidget(m_recordText, 1);
    m_detailStack->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        showRecord();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &QuarantineView::showRecord);

    if (m_workspace) {
        connect(m_workspace, &Workspace::configChanged, this, &QuarantineView::refresh);
        connect(m_workspace, &Workspace::dataChanged, this, &QuarantineView::refresh);
        connect(m_workspace, &Workspace::quarantineChanged, this, &QuarantineView::refresh);
    }
    refresh();
}

QuarantineView::~QuarantineView() = default;

void QuarantineView::setSourceFilter(const QString &source)
{
    selectSourceChoice(m_sourceCombo, source);
}

QString QuarantineView::sourceFilter() const
{
    return m_sourceCombo->currentData().toString();
}

void QuarantineView::rebuildSourceChoices()
{
    Database *db = m_workspace ? m_workspace->database() : nullptr;
    // Without the sources of the quarantine (it cannot be read), the filter offers the configured
    // ones; the list below says what failed.
    fillSourceChoices(m_sourceCombo, m_workspace, db ? ParkingLot::quarantinedSources(*db).valueOr({}) : QStringList());
}

void QuarantineView::refresh()
{
    Database *db = m_workspace ? m_workspace->database() : nullptr;
    rebuildSourceChoices();
    if (!db) {
        m_model->clear();
    } else {
        m_model->setSource(m_sourceCombo->currentData().toString());
        m_model->refresh(*db); // a failure shows in place of the list
    }
    if (m_model->rowCount() > 0 && !m_columnsSized) {
        m_table->resizeColumnsToContents();
        m_columnsSized = true;
    }
    updateEmptyState();
    updateActions();
    showRecord();
}

void QuarantineView::updateEmptyState()
{
    const int rows = m_model->rowCount();
    if (rows > 0) {
        QString count = tr("%n record(s) in quarantine", nullptr, int(m_model->total()));
        if (m_model->total() > rows)
            count += QLatin1Char(' ') + tr("(the first %1 are listed)").arg(DisplayText::number(rows));
        m_countLabel->setText(count);
        m_list->showTable();
        return;
    }
    m_countLabel->clear();
    if (m_list->showFailure(m_workspace, m_model->readError(),
                            tr("The main database could not be opened, so its quarantine cannot be shown:\n%1"),
                            tr("Cannot read the quarantine:\n%1")))
        return;
    QString text;
    if (!m_workspace || !m_workspace->isOpen())
        text = tr("No configuration is open.\nOpen one to see the records its sources could not apply.");
    else if (!m_sourceCombo->currentData().toString().isEmpty())
        text = tr("Nothing of %1 is in quarantine.").arg(m_sourceCombo->currentData().toString());
    else
        text = tr("Nothing is in quarantine.\nA record that cannot be mapped or stored (a wrong type, a missing required field, a "
                  "reference to a record that does not exist, a rule of the database) is held here with the reason, while the "
                  "rest of the run goes on; fix the cause and retry it.");
    m_list->showEmpty(text);
}

QString QuarantineView::emptyStateText() const
{
    return m_list->stateText();
}

void QuarantineView::updateActions()
{
    const bool db = m_workspace && m_workspace->database();
    m_retrySelected->setEnabled(db && m_table->selectionModel()->hasSelection());
    m_retryAll->setEnabled(db && m_model->rowCount() > 0);
}

bool QuarantineView::selectRecord(const QString &source, const QString &entity, const QString &externalId)
{
    const int row = m_model->rowOf(source, entity, externalId);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void QuarantineView::showRecord()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_detailStack->setCurrentIndex(0);
        return;
    }
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const QModelIndex chosen = current.isValid() && m_table->selectionModel()->isRowSelected(current.row(), QModelIndex()) ? current
                                                                                                                          : rows.first();
    const QuarantineEntry &r = m_model->record(m_proxy->mapToSource(chosen).row());
    m_detailStack->setCurrentIndex(1);
    m_detailTitle->setText(r.field.isEmpty() ? tr("%1/%2 %3").arg(r.source, r.entity, r.externalId)
                                             : tr("%1/%2 %3, field %4").arg(r.source, r.entity, r.externalId, r.field));
    m_detailReason->setText(tr("%1\nTried %n time(s) since %2; last on %3.", nullptr, int(r.attempts))
                                .arg(r.reason, DisplayText::time(r.firstSeen), DisplayText::time(r.lastSeen)));
    // A record that has a link is a newer version of a synced row: that row can be opened.
    Database *db = m_workspace ? m_workspace->database() : nullptr;
    Error linkError;
    const bool linked = db && LinkStore(*db, r.source).find(r.entity, r.externalId, &linkError).found;
    m_openRecord->setEnabled(linked);
    m_openRecord->setToolTip(linked ? tr("Show the row this record is linked to in the Records tab, with its links and history")
                             : linkError ? tr("Cannot tell whether it is linked: %1").arg(DisplayText::error(linkError))
                                         : tr("The record never reached the main database: it has no row to show yet"));
    const QString text = QString::fromUtf8(QJsonDocument(r.record).toJson(QJsonDocument::Indented));
    if (m_recordText->toPlainText() != text)
        m_recordText->setPlainText(text);
}

void QuarantineView::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

bool QuarantineView::retrySelected()
{
    // Per source: the entities and ids of the selected records.
    QStringList order;
    QHash<QString, QPair<QStringList, QStringList>> bySource;
    QHash<QString, int> counts;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows()) {
        const QuarantineEntry &r = m_model->record(m_proxy->mapToSource(i).row());
        if (!bySource.contains(r.source))
            order.append(r.source);
        auto &lists = bySource[r.source];
        if (!lists.first.contains(r.entity))
            lists.first.append(r.entity);
        if (!lists.second.contains(r.externalId))
            lists.second.append(r.externalId);
        ++counts[r.source];
    }
    if (order.isEmpty()) {
        setNotice(tr("Select the records to retry first."));
        return false;
    }
    QStringList said;
    bool any = false;
    for (const QString &source : std::as_const(order)) {
        if (!m_workspace || !m_workspace->config().source(source)) {
            said.append(tr("%1 is not in the configuration: its records cannot be fetched again.").arg(source));
            continue;
        }
        Q_EMIT retryRequested(source, bySource.value(source).first, bySource.value(source).second);
        said.append(tr("Retrying %n record(s) of %1; they leave this list when they apply.", nullptr, counts.value(source)).arg(source));
        any = true;
    }
    setNotice(said.join(QLatin1Char('\n')));
    return any;
}

bool QuarantineView::retryAll()
{
    QStringList sources;
    const QString chosen = m_sourceCombo->currentData().toString();
    if (!chosen.isEmpty()) {
        sources.append(chosen);
    } else {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (!sources.contains(m_model->record(row).source))
                sources.append(m_model->record(row).source);
        }
    }
    QStringList said;
    bool any = false;
    for (const QString &source : std::as_const(sources)) {
        if (!m_workspace || !m_workspace->config().source(source)) {
            said.append(tr("%1 is not in the configuration: its records cannot be fetched again.").arg(source));
            continue;
        }
        Q_EMIT retryRequested(source, {}, {});
        said.append(tr("Retrying every record of %1 in quarantine; they leave this list when they apply.").arg(source));
        any = true;
    }
    if (sources.isEmpty())
        said.append(m_model->readError() ? tr("Cannot read the quarantine:\n%1").arg(DisplayText::error(m_model->readError()))
                                         : tr("Nothing is in quarantine."));
    setNotice(said.join(QLatin1Char('\n')));
    return any;
}

QString QuarantineView::noticeText() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

} // namespace Tributary::Gui

#include "ConflictInspector.h"

#include "RecordTable.h"

#include "ConflictsModel.h"
#include "DisplayText.h"
#include "StatusColors.h"
#include "Workspace.h"

#include "state/ChangeLog.h"
#include "state/RecordLookup.h"
#include "store/Database.h"
#include "util/LoginName.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QGuiApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Tributary::Gui {

namespace {

enum FieldColumn { FieldCol, BaseCol, LocalCol, RemoteCol, ChoiceCol, MergedCol, FieldColumnCount };

// Differences from the base: the side that changed a value is tinted (its hue mixed into the
// palette's base, so it reads on light and dark palettes alike) and bold. The items keep which
// tint they have, to take it again from a new palette.
constexpr auto kLocalTint = StatusColors::Status::Warning;
constexpr auto kRemoteTint = StatusColors::Status::Info;
constexpr int kTintRole = Qt::UserRole + 1;
constexpr int kNoteRole = Qt::UserRole + 2;

// A wait cursor while a decision is written (it may wait for a sync's page to commit).
struct BusyCursor
{
    BusyCursor() { QGuiApplication::setOverrideCursor(Qt::WaitCursor); }
    ~BusyCursor() { QGuiApplication::restoreOverrideCursor(); }
    BusyCursor(const BusyCursor &) = delete;
    BusyCursor &operator=(const BusyCursor &) = delete;
};

QTableWidgetItem *valueItem(const QJsonValue &v, StatusColors::Status tint, bool isChanged, const QString &marker = QString())
{
    bool null = false;
    QString text = DisplayText::value(v, &null);
    if (!marker.isEmpty())
        text += QStringLiteral("  [%1]").arg(marker);
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(DisplayText::editableValue(v));
    QFont font = item->font();
    font.setItalic(null);
    font.setBold(isChanged);
    item->setFont(font);
    if (isChanged) {
        item->setData(kTintRole, int(tint));
        item->setBackground(StatusColors::background(tint));
    }
    return item;
}

QTableWidgetItem *noteItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    QFont font = item->font();
    font.setItalic(true);
    item->setFont(font);
    item->setData(kNoteRole, true);
    item->setForeground(StatusColors::foreground(StatusColors::Status::Muted));
    return item;
}

} // namespace

ConflictInspector::ConflictInspector(Workspace *workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_model(new ConflictsModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_actor(loginName())
{
    setObjectName(QStringLiteral("conflictInspector"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ConflictsModel::SortRole);
    buildUi();
    if (m_workspace) {
        connect(m_workspace, &Workspace::configChanged, this, &ConflictInspector::refresh);
        connect(m_workspace, &Workspace::dataChanged, this, &ConflictInspector::refresh);
        connect(m_workspace, &Workspace::conflictsChanged, this, &ConflictInspector::refresh);
    }
    refresh();
}

ConflictInspector::~ConflictInspector() = default;

void ConflictInspector::buildUi()
{
    auto *root = new QVBoxLayout(this);

    // Filter bar.
    auto *bar = new QHBoxLayout;
    m_sourceCombo = new QComboBox(this);
    m_sourceCombo->setObjectName(QStringLiteral("sourceFilter"));
    // As wide as their items where there is room, narrower (elided) in a 1024 px window in German.
    const int narrow = fontMetrics().horizontalAdvance(QLatin1Char('m')) * 6;
    m_sourceCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_sourceCombo->setMinimumWidth(narrow);
    m_entityCombo = new QComboBox(this);
    m_entityCombo->setObjectName(QStringLiteral("entityFilter"));
    m_entityCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_entityCombo->setMinimumWidth(narrow);
    m_fieldEdit = new QLineEdit(this);
    m_fieldEdit->setObjectName(QStringLiteral("fieldFilter"));
    m_fieldEdit->setPlaceholderText(tr("any field"));
    m_fieldEdit->setClearButtonEnabled(true);
    m_fieldEdit->setMinimumWidth(narrow);
    m_fieldEdit->setToolTip(tr("Only conflicts about this field (its exact column name)"));
    m_ageCombo = new QComboBox(this);
    m_ageCombo->setObjectName(QStringLiteral("ageFilter"));
    m_ageCombo->setMinimumWidth(narrow);
    m_ageCombo->addItem(tr("any time"), 0);
    m_ageCombo->addItem(tr("older than 1 hour"), 1);
    m_ageCombo->addItem(tr("older than 1 day"), 24);
    m_ageCombo->addItem(tr("older than 1 week"), 24 * 7);
    m_showResolved = new QCheckBox(tr("Show resolved"), this);
    m_showResolved->setObjectName(QStringLiteral("showResolved"));
    m_showResolved->setToolTip(tr("Also list conflicts already decided, by a policy or by a person"));
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("conflictCount"));
    auto addLabelled = [&](const QString &text, QWidget *w) {
        auto *l = new QLabel(text, this);
        l->setBuddy(w);
        bar->addWidget(l);
        bar->addWidget(w);
    };
    addLabelled(tr("&Source:"), m_sourceCombo);
    addLabelled(tr("&Entity:"), m_entityCombo);
    addLabelled(tr("&Field:"), m_fieldEdit);
    addLabelled(tr("&Raised:"), m_ageCombo);
    bar->addWidget(m_showResolved);
    bar->addStretch(1);
    root->addLayout(bar);

    m_fieldTimer = new QTimer(this);
    m_fieldTimer->setSingleShot(true);
    m_fieldTimer->setInterval(250);
    connect(m_fieldTimer, &QTimer::timeout, this, &ConflictInspector::refresh);
    connect(m_fieldEdit, &QLineEdit::textChanged, m_fieldTimer, qOverload<>(&QTimer::start));
    connect(m_fieldEdit, &QLineEdit::returnPressed, this, [this] {
        m_fieldTimer->stop();
        refresh();
    });
    connect(m_sourceCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, &ConflictInspector::refresh);
    connect(m_entityCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, &ConflictInspector::refresh);
    connect(m_ageCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, &ConflictInspector::refresh);
    connect(m_showResolved, &QCheckBox::toggled, this, &ConflictInspector::refresh);

    // The outcome of the last decision, until the next one (or closed).
    m_message = new QFrame(this);
    m_message->setObjectName(QStringLiteral("conflictMessage"));
    m_message->setFrameShape(QFrame::StyledPanel);
    auto *messageLayout = new QHBoxLayout(m_message);
    messageLayout->setContentsMargins(8, 6, 4, 6);
    m_messageLabel = new QLabel(m_message);
    m_messageLabel->setObjectName(QStringLiteral("conflictMessageText"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton(m_message);
    close->setObjectName(QStringLiteral("conflictMessageClose"));
    close->setAutoRaise(true);
    close->setText(QStringLiteral("\u2715"));
    close->setToolTip(tr("Close this message"));
    connect(close, &QToolButton::clicked, this, &ConflictInspector::clearMessage);
    messageLayout->addWidget(m_messageLabel, 1);
    messageLayout->addWidget(close, 0, Qt::AlignTop);
    m_message->hide();
    root->addWidget(m_message);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("conflictSplitter"));
    m_splitter->setChildrenCollapsible(false);
    root->addWidget(m_splitter, 1);

    // The list, or why it is empty.
    auto *listPane = new QWidget(m_splitter);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_table = makeRecordTable(m_proxy, QStringLiteral("conflictsTable"), QAbstractItemView::ExtendedSelection, nullptr);
    m_table->sortByColumn(ConflictsModel::IdColumn, Qt::AscendingOrder);
    m_list = new RecordPane(m_table, QStringLiteral("conflictsEmptyState"), listPane);
    m_clearFilters = new QPushButton(tr("Clear filters"));
    m_clearFilters->setObjectName(QStringLiteral("clearFilters"));
    connect(m_clearFilters, &QPushButton::clicked, this, &ConflictInspector::clearFilters);
    m_list->addStateWidget(m_clearFilters);
    listLayout->addWidget(m_list, 1);

    auto *bulk = new QHBoxLayout;
    m_selectionLabel = new QLabel(listPane);
    m_selectionLabel->setObjectName(QStringLiteral("selectionLabel"));
    m_selectionLabel->setWordWrap(true);
    m_bulkKeepLocal = new QPushButton(tr("Keep local for selected"), listPane);
    m_bulkKeepLocal->setObjectName(QStringLiteral("bulkKeepLocalButton"));
    m_bulkKeepLocal->setToolTip(tr("For every selected open conflict, keep the main database's side: its values stay, a row it "
                                   "deleted stays deleted, a row the source deleted is kept."));
    m_bulkTakeRemote = new QPushButton(tr("Take remote for selected"), listPane);
    m_bulkTakeRemote->setObjectName(QStringLiteral("bulkTakeRemoteButton"));
    m_bulkTakeRemote->setToolTip(tr("For every selected open conflict, take the source's side: its values are written, a row "
                                    "the main application deleted is restored, a row the source deleted is deleted."));
    connect(m_bulkKeepLocal, &QPushButton::clicked, this, [this] { resolveSelected(Resolution::Action::KeepLocal); });
    connect(m_bulkTakeRemote, &QPushButton::clicked, this, [this] { resolveSelected(Resolution::Action::TakeRemote); });
    // How many the filters show, then how many are selected: below the list, so the filter bar
    // fits a 1024 px window in German.
    bulk->addWidget(m_countLabel);
    bulk->addSpacing(16);
    bulk->addWidget(m_selectionLabel, 1);
    bulk->addWidget(m_bulkKeepLocal);
    bulk->addWidget(m_bulkTakeRemote);
    listLayout->addLayout(bulk);

    // The detail of the selected conflict.
    m_detailStack = new QStackedWidget(m_splitter);
    m_detailPlaceholder = makeStateLabel(tr("Select a conflict to see its base, local and remote values side by side."), QStringLiteral("detailPlaceholder"), m_detailStack);
    m_detailStack->addWidget(m_detailPlaceholder);
    auto *detail = new QWidget(m_detailStack);
    detail->setObjectName(QStringLiteral("conflictDetail"));
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 4, 0, 0);
    m_detailTitle = new QLabel(detail);
    m_detailTitle->setObjectName(QStringLiteral("detailTitle"));
    m_detailTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_detailTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_detailTitle->setFont(titleFont);
    m_kindLabel = new QLabel(detail);
    m_kindLabel->setObjectName(QStringLiteral("kindText"));
    m_kindLabel->setWordWrap(true);
    m_statusLabel = new QLabel(detail);
    m_statusLabel->setObjectName(QStringLiteral("statusText"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_changedNote = new QLabel(detail);
    m_changedNote->setObjectName(QStringLiteral("changedNote"));
    m_changedNote->setWordWrap(true);
    m_changedNote->hide();
    m_fieldsTable = new QTableWidget(0, FieldColumnCount, detail);
    m_fieldsTable->setObjectName(QStringLiteral("fieldsTable"));
    m_fieldsTable->setHorizontalHeaderLabels({tr("Field"), tr("Base"), tr("Local"), tr("Remote"), tr("Decision"), tr("Merged value")});
    m_fieldsTable->horizontalHeaderItem(BaseCol)->setToolTip(tr("Base: the values Tributary applied last time, what both sides started from"));
    m_fieldsTable->horizontalHeaderItem(LocalCol)->setToolTip(tr("Local: the row's values in the main database when the conflict was raised"));
    m_fieldsTable->horizontalHeaderItem(RemoteCol)->setToolTip(tr("Remote: what the source says. Taking remote writes what the source says "
                                                                  "now, which may be newer if it changed other fields since"));
    m_fieldsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fieldsTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_fieldsTable->setFocusPolicy(Qt::NoFocus);
    m_fieldsTable->verticalHeader()->hide();
    m_fieldsTable->setWordWrap(false);
    m_fieldsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_fieldsTable->horizontalHeader()->setStretchLastSection(true);
    m_fieldsTable->setTextElideMode(Qt::ElideRight);
    m_fieldsTable->installEventFilter(this);
    m_legendLabel = new QLabel(detail);
    m_legendLabel->setObjectName(QStringLiteral("legendText"));
    m_legendLabel->setWordWrap(true);
    m_legendLabel->setTextFormat(Qt::RichText);

    auto *buttons = new QHBoxLayout;
    auto makeButton = [&](const QString &name, const QString &text, const QString &tip, Resolution::Action action) {
        auto *b = new QPushButton(text, detail);
        b->setObjectName(name);
        b->setToolTip(tip);
        connect(b, &QPushButton::clicked, this, [this, action] { resolveShown(action); });
        buttons->addWidget(b);
        return b;
    };
    m_keepLocal = makeButton(QStringLiteral("keepLocalButton"), tr("Keep local"),
                             tr("Keep the main database's values for every field of this conflict"), Resolution::Action::KeepLocal);
    m_takeRemote = makeButton(QStringLiteral("takeRemoteButton"), tr("Take remote"),
                              tr("Write the source's values into every field of this conflict"), Resolution::Action::TakeRemote);
    m_applyChoices = makeButton(QStringLiteral("applyChoicesButton"), tr("Apply choices"),
                                tr("Write the decision of each field: local, remote or the merged value you typed"),
                                Resolution::Action::PerField);
    m_restore = makeButton(QStringLiteral("restoreButton"), tr("Restore the row"),
                           tr("Bring the row back under its old key with what the source says now"), Resolution::Action::Restore);
    m_leaveDeleted = makeButton(QStringLiteral("leaveDeletedButton"), tr("Leave it deleted"),
                                tr("The row stays deleted; a later change at the source asks again"), Resolution::Action::Delete);
    m_keepRow = makeButton(QStringLiteral("keepRowButton"), tr("Keep the row"),
                           tr("The row stays as the main application has it, its own from now on"), Resolution::Action::Keep);
    m_deleteRow = makeButton(QStringLiteral("deleteRowButton"), tr("Delete the row"),
                             tr("Delete the row as the source did (per the entity's delete mode)"), Resolution::Action::Delete);
    buttons->addStretch(1);
    m_openRecord = new QPushButton(tr("Open record"), detail);
    m_openRecord->setObjectName(QStringLiteral("openRecordButton"));
    m_openRecord->setToolTip(tr("Show the record in the Records tab: its row, its links to every source, its other conflicts and "
                                "its history"));
    connect(m_openRecord, &QPushButton::clicked, this, [this] {
        if (m_shown.id != 0)
            Q_EMIT openRecordRequested(m_shown.source, m_shown.entity, m_shown.externalId, m_shown.localId);
    });
    buttons->addWidget(m_openRecord);

    detailLayout->addWidget(m_detailTitle);
    detailLayout->addWidget(m_kindLabel);
    detailLayout->addWidget(m_statusLabel);
    detailLayout->addWidget(m_changedNote);
    detailLayout->addWidget(m_fieldsTable, 1);
    detailLayout->addWidget(m_legendLabel);
    detailLayout->addLayout(buttons);
    m_detailStack->addWidget(detail);

    m_splitter->addWidget(listPane);
    m_splitter->addWidget(m_detailStack);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateSelectionState();
        syncDetail();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { syncDetail(); });
}

ConflictFilter ConflictInspector::filter() const
{
    ConflictFilter f;
    const QString source = m_sourceCombo->currentData().toString();
    if (!source.isEmpty())
        f.sources = {source};
    f.entity = m_entityCombo->currentData().toString();
    f.field = m_fieldEdit->text().trimmed();
    f.includeResolved = m_showResolved->isChecked();
    const int hours = m_ageCombo->currentData().toInt();
    if (hours > 0)
        f.raisedBefore = QDateTime::currentDateTimeUtc().addSecs(-qint64(hours) * 3600);
    f.limit = ConflictsModel::kLimit;
    return f;
}

bool ConflictInspector::filtersActive() const
{
    return !m_sourceCombo->currentData().toString().isEmpty() || !m_entityCombo->currentData().toString().isEmpty()
        || !m_fieldEdit->text().trimmed().isEmpty() || m_ageCombo->currentData().toInt() > 0;
}

void ConflictInspector::clearFilters()
{
    {
        const QSignalBlocker b1(m_sourceCombo), b2(m_entityCombo), b3(m_fieldEdit), b4(m_ageCombo);
        m_sourceCombo->setCurrentIndex(0);
        m_entityCombo->setCurrentIndex(0);
        m_fieldEdit->clear();
        m_ageCombo->setCurrentIndex(0);
    }
    m_fieldTimer->stop();
    refresh();
}

void ConflictInspector::rebuildFilterChoices()
{
    const QString currentSource = m_sourceCombo->currentData().toString();
    const QString currentEntity = m_entityCombo->currentData().toString();
    QStringList sources;
    QSet<QString> configured;
    QHash<QString, QStringList> entities;
    if (m_workspace && m_workspace->isOpen()) {
        for (const SourceConfig &s : m_workspace->config().sources) {
            sources.append(s.name);
            configured.insert(s.name);
            for (const EntityConfig &e : s.entities)
                entities[s.name].append(e.name);
        }
    }
    // Conflicts of sources or entities no longer configured stay listable. When the conflicts
    // cannot be read, the filters offer the configured ones and the list says what failed.
    if (Database *db = m_workspace ? m_workspace->database() : nullptr) {
        const QList<QPair<QString, QString>> pairs = ConflictStore(*db).sourceEntityPairs().valueOr({});
        for (const auto &[s, en] : pairs) {
            if (!sources.contains(s))
                sources.append(s);
            if (!entities.value(s).contains(en))
                entities[s].append(en);
        }
    }
    const QSignalBlocker b1(m_sourceCombo), b2(m_entityCombo);
    m_sourceCombo->clear();
    m_sourceCombo->addItem(tr("All sources"), QString());
    for (const QString &s : std::as_const(sources))
        m_sourceCombo->addItem(configured.contains(s) ? s : tr("%1 (not in the configuration)").arg(s), s);
    m_sourceCombo->setCurrentIndex(qMax(0, m_sourceCombo->findData(currentSource)));
    const QString source = m_sourceCombo->currentData().toString();
    QStringList names;
    for (const QString &s : std::as_const(sources)) {
        if (source.isEmpty() || s == source) {
            for (const QString &e : entities.value(s)) {
                if (!names.contains(e))
                    names.append(e);
            }
        }
    }
    m_entityCombo->clear();
    m_entityCombo->addItem(tr("All entities"), QString());
    for (const QString &e : std::as_const(names))
        m_entityCombo->addItem(e, e);
    m_entityCombo->setCurrentIndex(qMax(0, m_entityCombo->findData(currentEntity)));
}

bool ConflictInspector::writtenByResolution(const Conflict &c, const QString &table, QJsonObject *values) const
{
    Database *db = m_workspace ? m_workspace->database() : nullptr;
    if (!db || c.resolvedAt.isEmpty())
        return false;
    const Result<QList<Change>> lines = ChangeLog(*db).forRow(table, c.localId, 50);
    if (!lines)
        return false;
    const Change *line = decisionLine(c, *lines);
    if (line)
        *values = line->values;
    return line != nullptr;
}

bool ConflictInspector::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_fieldsTable && event->type() == QEvent::Resize)
        fitFieldColumns();
    return QWidget::eventFilter(watched, event);
}

void ConflictInspector::fitFieldColumns()
{
    if (m_fieldsTable->rowCount() == 0)
        return;
    m_fieldsTable->resizeColumnsToContents();
    const int available = m_fieldsTable->viewport()->width();
    const bool choosing = !m_fieldsTable->isColumnHidden(ChoiceCol) && m_fieldsTable->cellWidget(0, ChoiceCol);
    // Room kept for the merged value while a person chooses: enough to read and type a value.
    const int merged = choosing ? qMax(160, available / 5) : 0;
    // The field's name and the decision keep their width; base, local and remote share the rest.
    const int leading = m_fieldsTable->columnWidth(FieldCol) + (choosing ? m_fieldsTable->columnWidth(ChoiceCol) : 0);
    const QList<int> values{BaseCol, LocalCol, RemoteCol};
    int wanted = 0;
    for (int col : values)
        wanted += qMin(m_fieldsTable->columnWidth(col), 320);
    const int room = qMax(3 * 80, available - leading - merged);
    int used = leading;
    for (int col : values) {
        const int natural = qMin(m_fieldsTable->columnWidth(col), 320);
        m_fieldsTable->setColumnWidth(col, wanted <= room ? natural : qMax(80, natural * room / qMax(1, wanted)));
        used += m_fieldsTable->columnWidth(col);
    }
    // The merged (or written) value, when shown, takes what is left.
    if (!m_fieldsTable->isColumnHidden(MergedCol))
        m_fieldsTable->setColumnWidth(MergedCol, qMax(merged > 0 ? merged : 120, available - used));
}

void ConflictInspector::refresh()
{
    Database *db = m_workspace ? m_workspace->database() : nullptr;
    rebuildFilterChoices();
    if (!db) {
        m_model->clear();
    } else {
        m_model->setFilter(filter());
        m_model->refresh(*db); // a failure shows in place of the list
    }
    if (m_model->rowCount() > 0 && !m_columnsSized) {
        m_table->resizeColumnsToContents();
        // A long title or message must not push the kind and status off screen.
        m_table->setColumnWidth(ConflictsModel::RecordColumn, qMin(m_table->columnWidth(ConflictsModel::RecordColumn), 220));
        m_columnsSized = true;
    }
    updateEmptyState();
    updateSelectionState();
    syncDetail();
}

void ConflictInspector::updateEmptyState()
{
    const int rows = m_model->rowCount();
    const bool resolved = m_showResolved->isChecked();
    // Nothing listed: the explanation gets the whole pane, without actions that cannot apply.
    m_detailStack->setVisible(rows > 0);
    m_bulkKeepLocal->setVisible(rows > 0);
    m_bulkTakeRemote->setVisible(rows > 0);
    if (rows > 0) {
        QString count = resolved ? tr("%n conflict(s) listed", nullptr, rows) : tr("%n open conflict(s)", nullptr, rows);
        if (m_model->isTruncated())
            count = tr("the first %1 conflicts; narrow the filters to see the others").arg(DisplayText::number(rows));
        m_countLabel->setText(count);
        m_list->showTable();
        return;
    }
    m_countLabel->clear();
    m_clearFilters->hide();
    if (m_list->showFailure(m_workspace, m_model->readError(),
                            tr("The main database could not be opened, so its conflicts cannot be shown:\n%1"),
                            tr("Cannot read the conflicts:\n%1")))
        return;
    QString text;
    if (!m_workspace || !m_workspace->isOpen()) {
        text = tr("No configuration is open.\nOpen one to see the conflicts that wait for a person.");
    } else if (filtersActive()) {
        text = tr("No conflict matches these filters.");
        if (m_model->openTotal() > 0)
            text += QLatin1Char('\n') + tr("%n open conflict(s) in all.", nullptr, int(m_model->openTotal()));
        m_clearFilters->show();
    } else if (resolved) {
        text = tr("No conflict has been recorded yet.\nWhen the main application and a source change the same field, or one side "
                  "deletes a row the other changed, it is recorded here, with how it was decided.");
    } else {
        text = tr("Nothing waits for a person.\nWhen the main application and a source change the same field to different values, "
                  "or one side deletes a row the other changed, and no policy decides, the conflict waits here.");
    }
    m_list->showEmpty(text);
}

QString ConflictInspector::emptyStateText() const
{
    return m_list->stateText();
}

QList<qint64> ConflictInspector::selectedConflictIds() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &i : rows)
        ids.append(i.data(ConflictsModel::ConflictIdRole).toLongLong());
    std::sort(ids.begin(), ids.end());
    return ids;
}

void ConflictInspector::updateSelectionState()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    int open = 0;
    for (const QModelIndex &i : rows)
        open += i.data(ConflictsModel::IsOpenRole).toBool() ? 1 : 0;
    if (rows.isEmpty())
        m_selectionLabel->setText(m_model->rowCount() > 0 ? tr("Select several conflicts (Ctrl+A: all listed) to decide them at once.")
                                                          : QString());
    else if (open == rows.size())
        m_selectionLabel->setText(tr("%n conflict(s) selected", nullptr, int(rows.size())));
    else
        m_selectionLabel->setText(tr("%n conflict(s) selected, %1 of them open", nullptr, int(rows.size())).arg(open));
    const bool enabled = open > 0 && m_workspace && m_workspace->database();
    m_bulkKeepLocal->setEnabled(enabled);
    m_bulkTakeRemote->setEnabled(enabled);
}

bool ConflictInspector::selectConflict(qint64 id)
{
    return selectConflicts({id});
}

bool ConflictInspector::selectConflicts(const QList<qint64> &ids)
{
    QItemSelection selection;
    QModelIndex first;
    bool all = true;
    for (qint64 id : ids) {
        const int row = m_model->rowOf(id);
        if (row < 0) {
            all = false;
            continue;
        }
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        selection.select(index, index.siblingAtColumn(ConflictsModel::ColumnCount - 1));
        if (!first.isValid())
            first = index;
    }
    QItemSelectionModel *sm = m_table->selectionModel();
    sm->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (first.isValid())
        sm->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    if (first.isValid())
        m_table->scrollTo(first);
    return all && !ids.isEmpty();
}

const Conflict *ConflictInspector::conflictToShow() const
{
    QItemSelectionModel *sm = m_table->selectionModel();
    const QModelIndexList rows = sm->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    const QModelIndex current = sm->currentIndex();
    QModelIndex chosen = current.isValid() && sm->isRowSelected(current.row(), QModelIndex()) ? current : rows.first();
    const QModelIndex source = m_proxy->mapToSource(chosen);
    return source.isValid() ? &m_model->conflict(source.row()) : nullptr;
}

void ConflictInspector::syncDetail()
{
    const Conflict *c = conflictToShow();
    if (!c) {
        if (m_shown.id != 0 || m_detailStack->currentIndex() != 0)
            showConflict(nullptr);
        return;
    }
    // The same version as shown: keep the choices and merged values being edited.
    if (c->id == m_shown.id && c->updatedAt == m_shown.updatedAt && c->status == m_shown.status)
        return;
    const bool newerVersion = c->id == m_shown.id && c->isOpen() && m_shown.isOpen();
    // Which side moved decides the sentence: a refusal because the main application edited the
    // row again reads the local side anew; the source's newer version changes the remote side.
    const bool remoteMoved = c->remote != m_shown.remote;
    const bool localMoved = c->local != m_shown.local;
    showConflict(c);
    if (newerVersion) {
        m_changedNote->setText(remoteMoved && localMoved
                                   ? tr("Both the source and the main application changed this record after the conflict was shown: "
                                        "what you see now is the conflict as it stands.")
                               : remoteMoved ? tr("The source sent a newer version of this record after the conflict was shown: "
                                                  "what you see now is the conflict as it stands.")
                               : localMoved ? tr("The main application changed this row after the conflict was shown: the local "
                                                 "values you see now are its current ones.")
                                            : tr("This conflict was updated after it was shown: what you see now is the conflict "
                                                 "as it stands."));
        m_changedNote->show();
    }
}

void ConflictInspector::showConflict(const Conflict *c)
{
    m_fieldsTable->clearContents();
    m_fieldsTable->setRowCount(0);
    m_changedNote->hide();
    if (!c) {
        m_shown = Conflict();
        m_shownFields.clear();
        m_detailStack->setCurrentIndex(0);
        return;
    }
    m_shown = *c;
    m_detailStack->setCurrentIndex(1);
    const Config &config = m_workspace->config();
    const SourceConfig *source = config.source(c->source);
    const EntityConfig *entity = source ? source->entity(c->entity) : nullptr;
    const QString table = entity ? entity->table : c->entity;
    const bool deletion = c->kind != QLatin1String("field");
    const bool localDeleted = c->kind == QLatin1String("local-deleted");
    const bool remoteDeleted = c->kind == QLatin1String("remote-deleted");
    const bool open = c->isOpen();

    m_detailTitle->setText(tr("Conflict #%1: %2/%3 %4, row %5 %6").arg(c->id).arg(c->source, c->entity, c->externalId, table, c->localId));
    m_kindLabel->setText(QStringLiteral("<b>%1.</b> %2").arg(ConflictsModel::kindLabel(c->kind).toHtmlEscaped(),
                                                              ConflictsModel::kindSentence(c->kind).toHtmlEscaped()));
    if (open) {
        m_statusLabel->setText(tr("Open, waiting for a person: raised %1 (%2), last updated %3.")
                                   .arg(DisplayText::age(DisplayText::parseTime(c->createdAt)), DisplayText::time(c->createdAt),
                                        DisplayText::time(c->updatedAt)));
    } else {
        m_statusLabel->setText(tr("Resolved: %1, by %2 at %3.")
                                   .arg(ConflictsModel::resolutionText(c->resolution), c->resolvedBy.isEmpty() ? tr("a rule") : c->resolvedBy, DisplayText::time(c->resolvedAt)));
    }

    m_shownFields = deletion ? ConflictsModel::shownFields(*c) : c->fields;
    const bool choosing = !deletion && open;
    // A decided conflict shows what the decision wrote: the change log's line of that moment.
    bool wroteFound = false;
    QJsonObject wrote;
    if (!open)
        wroteFound = writtenByResolution(*c, table, &wrote);
    m_fieldsTable->setColumnHidden(ChoiceCol, !choosing);
    m_fieldsTable->setColumnHidden(MergedCol, !choosing && !wroteFound);
    m_fieldsTable->horizontalHeaderItem(MergedCol)->setText(choosing ? tr("Merged value") : tr("Written"));
    m_fieldsTable->horizontalHeaderItem(MergedCol)->setToolTip(
        choosing ? QString() : tr("What the decision wrote into the main database (from the change log); empty: nothing written"));
    m_fieldsTable->setRowCount(int(m_shownFields.size()));
    const int lineHeight = m_fieldsTable->fontMetrics().lineSpacing();
    for (int row = 0; row < m_shownFields.size(); ++row) {
        const QString &f = m_shownFields.at(row);
        auto *name = new QTableWidgetItem(f);
        name->setData(Qt::UserRole, f);
        m_fieldsTable->setItem(row, FieldCol, name);
        const QJsonValue base = c->base.value(f), local = c->local.value(f), remote = c->remote.value(f);
        m_fieldsTable->setItem(row, BaseCol, valueItem(base, StatusColors::Status::Normal, false));
        if (localDeleted)
            m_fieldsTable->setItem(row, LocalCol, noteItem(tr("(row deleted)")));
        else
            m_fieldsTable->setItem(row, LocalCol, valueItem(local, kLocalTint, local != base, c->localBy.value(f).toString()));
        if (!c->localBy.value(f).toString().isEmpty())
            m_fieldsTable->item(row, LocalCol)->setToolTip(tr("Set by the source %1, not by the main application:\n%2")
                                                              .arg(c->localBy.value(f).toString(), DisplayText::editableValue(local)));
        if (remoteDeleted)
            m_fieldsTable->setItem(row, RemoteCol, noteItem(tr("(record deleted)")));
        else
            m_fieldsTable->setItem(row, RemoteCol, valueItem(remote, kRemoteTint, remote != base));
        if (wroteFound) {
            if (wrote.contains(f))
                m_fieldsTable->setItem(row, MergedCol, valueItem(wrote.value(f), StatusColors::Status::Normal, false));
            else
                m_fieldsTable->setItem(row, MergedCol, noteItem(tr("(not written)")));
        }
        if (!choosing)
            continue;
        auto *choice = new QComboBox(m_fieldsTable);
        choice->setObjectName(QStringLiteral("choice_") + f);
        choice->addItem(tr("Keep local"), int(FieldChoice::Kind::Local));
        choice->addItem(tr("Take remote"), int(FieldChoice::Kind::Remote));
        choice->addItem(tr("Merged value"), int(FieldChoice::Kind::Value));
        m_fieldsTable->setCellWidget(row, ChoiceCol, choice);
        // The merged value starts from the local value; long text gets room for several lines.
        const QString start = DisplayText::editableValue(local);
        const bool multiline = start.contains(QLatin1Char('\n')) || DisplayText::editableValue(remote).contains(QLatin1Char('\n'));
        QWidget *editor = nullptr;
        if (multiline) {
            auto *edit = new QPlainTextEdit(start, m_fieldsTable);
            edit->setTabChangesFocus(true);
            editor = edit;
            m_fieldsTable->setRowHeight(row, lineHeight * 4 + 8);
        } else {
            auto *edit = new QLineEdit(start, m_fieldsTable);
            edit->setCursorPosition(0); // the beginning of a long value, not its end
            edit->setPlaceholderText(tr("the value to write; null for NULL"));
            editor = edit;
        }
        editor->setObjectName(QStringLiteral("merged_") + f);
        editor->setEnabled(false);
        editor->setToolTip(tr("Converted to the column's type; a reference takes a local id; null writes NULL"));
        m_fieldsTable->setCellWidget(row, MergedCol, editor);
        connect(choice, qOverload<int>(&QComboBox::currentIndexChanged), this, [this, f] {
            const int r = int(m_shownFields.indexOf(f));
            if (r >= 0)
                fieldChoiceChanged(r);
        });
    }
    fitFieldColumns();

    QStringList legend;
    if (!c->localBy.isEmpty())
        legend.append(tr("[name]: that source set the local value, not the main application."));
    if (deletion) {
        const int others = int(c->fields.size() - m_shownFields.size());
        if (others > 0)
            legend.append(tr("%n other field(s) are as the source last sent them.", nullptr, others));
    }
    m_legendNotes = legend;
    updateLegend();

    const bool configured = entity != nullptr;
    for (QPushButton *b : {m_keepLocal, m_takeRemote, m_applyChoices})
        b->setVisible(open && !deletion);
    m_restore->setVisible(open && localDeleted);
    m_leaveDeleted->setVisible(open && localDeleted);
    m_keepRow->setVisible(open && remoteDeleted);
    m_deleteRow->setVisible(open && remoteDeleted);
    for (QPushButton *b : {m_keepLocal, m_takeRemote, m_applyChoices, m_restore, m_leaveDeleted, m_keepRow, m_deleteRow})
        b->setEnabled(configured);
    m_deleteRow->setToolTip(tr("Delete the row as the source did (per the entity's delete mode)"));
    if (entity && entity->deleteMode == QLatin1String("ignore")) {
        m_deleteRow->setEnabled(false);
        m_deleteRow->setToolTip(tr("%1/%2 has \"delete_mode\": \"ignore\": Tributary never deletes its rows.").arg(c->source, c->entity));
    }
    if (!configured && open) {
        m_changedNote->setText(tr("%1/%2 is no longer in the configuration: put it back to decide this conflict, or detach the "
                                  "source.").arg(c->source, c->entity));
        m_changedNote->show();
    }
}

void ConflictInspector::updateLegend()
{
    QStringList legend = m_legendNotes;
    legend.prepend(tr("<span style=\"background-color: %1\">&nbsp;Tinted&nbsp;</span> local values were changed by the main "
                      "application, <span style=\"background-color: %2\">&nbsp;tinted&nbsp;</span> remote ones at the source, "
                      "since the base.")
                       .arg(StatusColors::css(StatusColors::background(kLocalTint)), StatusColors::css(StatusColors::background(kRemoteTint))));
    m_legendLabel->setText(legend.join(QLatin1Char(' ')));
}

void ConflictInspector::changeEvent(QEvent *event)
{
    // Light to dark (or back): the tints and notes take the new palette's colours, the choices
    // being made stay.
    if (event->type() == QEvent::PaletteChange && m_fieldsTable) {
        for (int row = 0; row < m_fieldsTable->rowCount(); ++row) {
            for (int col = 0; col < m_fieldsTable->columnCount(); ++col) {
                QTableWidgetItem *item = m_fieldsTable->item(row, col);
                if (!item)
                    continue;
                if (item->data(kTintRole).isValid())
                    item->setBackground(StatusColors::background(StatusColors::Status(item->data(kTintRole).toInt())));
                if (item->data(kNoteRole).toBool())
                    item->setForeground(StatusColors::foreground(StatusColors::Status::Muted));
            }
        }
        if (m_shown.id != 0)
            updateLegend();
    }
    QWidget::changeEvent(event);
}

void ConflictInspector::fieldChoiceChanged(int row)
{
    auto *choice = qobject_cast<QComboBox *>(m_fieldsTable->cellWidget(row, ChoiceCol));
    QWidget *editor = m_fieldsTable->cellWidget(row, MergedCol);
    if (!choice || !editor)
        return;
    const bool merged = choice->currentData().toInt() == int(FieldChoice::Kind::Value);
    editor->setEnabled(merged);
    if (merged && choice->hasFocus())
        editor->setFocus();
}

bool ConflictInspector::setFieldChoice(const QString &field, const FieldChoice &choice)
{
    const int row = int(m_shownFields.indexOf(field));
    auto *combo = row < 0 ? nullptr : qobject_cast<QComboBox *>(m_fieldsTable->cellWidget(row, ChoiceCol));
    if (!combo)
        return false;
    combo->setCurrentIndex(combo->findData(int(choice.kind)));
    if (choice.kind == FieldChoice::Kind::Value) {
        QWidget *editor = m_fieldsTable->cellWidget(row, MergedCol);
        if (auto *line = qobject_cast<QLineEdit *>(editor))
            line->setText(choice.value);
        else if (auto *text = qobject_cast<QPlainTextEdit *>(editor))
            text->setPlainText(choice.value);
    }
    return true;
}

FieldChoice ConflictInspector::fieldChoice(const QString &field) const
{
    FieldChoice out;
    const int row = int(m_shownFields.indexOf(field));
    auto *combo = row < 0 ? nullptr : qobject_cast<QComboBox *>(m_fieldsTable->cellWidget(row, ChoiceCol));
    if (!combo)
        return out;
    out.kind = FieldChoice::Kind(combo->currentData().toInt());
    if (out.kind == FieldChoice::Kind::Value) {
        QWidget *editor = m_fieldsTable->cellWidget(row, MergedCol);
        if (auto *line = qobject_cast<QLineEdit *>(editor))
            out.value = line->text();
        else if (auto *text = qobject_cast<QPlainTextEdit *>(editor))
            out.value = text->toPlainText();
    }
    return out;
}

QString ConflictInspector::outcomeText(const Conflict &c, Resolution::Action action) const
{
    const bool localDeleted = c.kind == QLatin1String("local-deleted");
    const bool remoteDeleted = c.kind == QLatin1String("remote-deleted");
    switch (action) {
    case Resolution::Action::KeepLocal:
        return localDeleted ? tr("the row stays deleted") : remoteDeleted ? tr("the row is kept") : tr("the main database's values are kept");
    case Resolution::Action::TakeRemote:
        return localDeleted ? tr("the row is restored with the source's values")
             : remoteDeleted ? tr("the row is deleted as the source did")
                             : tr("the source's values are written");
    case Resolution::Action::PerField:
        return tr("each field as you chose");
    case Resolution::Action::Keep:
        return tr("the row is kept");
    case Resolution::Action::Delete:
        return localDeleted ? tr("the row stays deleted") : tr("the row is deleted as the source did");
    case Resolution::Action::Restore:
        return tr("the row is restored with the source's values");
    }
    return QString();
}

bool ConflictInspector::resolveShown(Resolution::Action action, QString *message)
{
    auto fail = [&](const QString &text) {
        showMessage(text, true);
        if (message)
            *message = text;
        return false;
    };
    Database *db = m_workspace ? m_workspace->database() : nullptr;
    if (!db)
        return fail(tr("No main database is open."));
    if (m_shown.id == 0)
        return fail(tr("Select a conflict first."));
    Resolution resolution;
    resolution.action = action;
    if (action == Resolution::Action::PerField) {
        for (const QString &f : std::as_const(m_shownFields))
            resolution.fields.insert(f, fieldChoice(f));
    }
    const Conflict shown = m_shown;
    ConflictResolver resolver(*db, m_workspace->config());
    Error error;
    bool ok = false;
    {
        const BusyCursor busy;
        ok = resolver.resolve(shown, resolution, m_actor, &error);
    }
    if (ok) {
        const QString text = tr("Conflict #%1 (%2/%3 %4) resolved by %5: %6.")
                                 .arg(shown.id)
                                 .arg(shown.source, shown.entity, shown.externalId, m_actor, outcomeText(shown, action));
        showMessage(text, false);
        if (message)
            *message = text;
        m_workspace->notifyDataChanged();
        return true;
    }
    QString text;
    if (error.code == Error::Code::Conflict) {
        // Refused: nothing was written. Show what changed and the list as it is now.
        text = tr("Refused, nothing was written: %1").arg(error.message);
        fail(text);
        refresh();
        return false;
    }
    if (error.code == Error::Code::Config)
        text = tr("Not resolved: %1").arg(error.message); // a merged value that does not fit the column
    else
        text = tr("Conflict #%1 could not be resolved: %2").arg(shown.id).arg(error.toString());
    return fail(text);
}

bool ConflictInspector::resolveSelected(Resolution::Action action, QString *message)
{
    auto finish = [&](const QString &text, bool error) {
        showMessage(text, error);
        if (message)
            *message = text;
        return !error;
    };
    Database *db = m_workspace ? m_workspace->database() : nullptr;
    if (!db)
        return finish(tr("No main database is open."), true);
    if (action != Resolution::Action::KeepLocal && action != Resolution::Action::TakeRemote)
        return finish(tr("A selection is decided by keeping local or taking remote."), true);
    QList<Conflict> chosen;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows()) {
        const Conflict &c = m_model->conflict(m_proxy->mapToSource(i).row());
        if (c.isOpen())
            chosen.append(c);
    }
    if (chosen.isEmpty())
        return finish(tr("Select one or more open conflicts first."), true);
    std::sort(chosen.begin(), chosen.end(), [](const Conflict &a, const Conflict &b) { return a.id < b.id; });
    ConflictResolver resolver(*db, m_workspace->config());
    Resolution resolution;
    resolution.action = action;
    int resolved = 0;
    QStringList refused;
    {
        const BusyCursor busy;
        for (const Conflict &c : std::as_const(chosen)) {
            Error error;
            if (resolver.resolve(c, resolution, m_actor, &error))
                ++resolved;
            else
                refused.append(error.code == Error::Code::Conflict || error.code == Error::Code::Config ? error.message : error.toString());
        }
    }
    QString text = action == Resolution::Action::KeepLocal
        ? tr("%n conflict(s) resolved by keeping the main database's side.", nullptr, resolved)
        : tr("%n conflict(s) resolved by taking the source's side.", nullptr, resolved);
    if (!refused.isEmpty()) {
        text += QLatin1Char('\n') + tr("%n refused, nothing written for them; they stay open:", nullptr, int(refused.size()));
        for (const QString &r : std::as_const(refused))
            text += QStringLiteral("\n  \u2022 ") + r;
    }
    finish(text, !refused.isEmpty());
    if (resolved > 0)
        m_workspace->notifyDataChanged();
    else
        refresh();
    return refused.isEmpty();
}

void ConflictInspector::showMessage(const QString &text, bool error)
{
    m_messageIsError = error;
    m_messageLabel->setText(text);
    StatusColors::setPanelStatus(m_message, error ? StatusColors::Status::Error : StatusColors::Status::Success);
    m_message->show();
}

void ConflictInspector::clearMessage()
{
    m_messageLabel->clear();
    m_messageIsError = false;
    m_message->hide();
}

QString ConflictInspector::messageText() const
{
    return m_message->isHidden() ? QString() : m_messageLabel->text();
}

} // namespace Tributary::Gui

#include "RecordsView.h"

#include "DisplayText.h"
#include "RecordTable.h"
#include "RecordsModel.h"
#include "Workspace.h"

#include "store/Database.h"
#include "util/Values.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Tributary::Gui {

namespace {

const QChar kSep(0x1f);
const QString kScopeSetting = QStringLiteral("records/scope");

QString scopeKey(RecordQuery::By by, const QString &source = QString(), const QString &entity = QString())
{
    switch (by) {
    case RecordQuery::By::ExternalId:
        return QStringLiteral("external") + kSep + source + kSep + entity;
    case RecordQuery::By::LocalId:
        return QStringLiteral("local");
    case RecordQuery::By::Value:
        return QStringLiteral("value");
    }
    return {};
}

QTableView *detailTable(QAbstractItemModel *model, const QString &name)
{
    auto *table = new QTableView;
    table->setObjectName(name);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
    return table;
}

// What the detail shows, in one text: equal when a refresh found nothing new.
QString signature(const RecordDetail &d)
{
    QStringList parts{d.key.table, d.key.localId, QString::number(d.rowExists), d.editedAt, QString::number(d.changes.size()),
                      QString::number(d.quarantined.size())};
    for (const RecordColumn &c : d.columns)
        parts.append(DisplayText::editableValue(c.value));
    for (const RecordLink &l : d.links)
        parts << l.link.source << l.link.externalId << l.link.updatedAt << l.link.deletedAt << QString::number(l.link.seenScan)
              << compactJson(l.base);
    for (const RecordConflict &c : d.conflicts)
        parts << QString::number(c.conflict.id) << c.conflict.status << c.conflict.updatedAt;
    if (!d.changes.isEmpty())
        parts << QString::number(d.changes.last().id) << d.changes.last().at;
    return parts.join(kSep);
}

} // namespace

RecordsView::RecordsView(Workspace *workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_hitsModel(new RecordHitsModel(this)),
      m_rowModel(new RecordDetailModel(RecordDetailModel::Part::Row, this)),
      m_linksModel(new RecordDetailModel(RecordDetailModel::Part::Links, this)),
      m_conflictsModel(new RecordDetailModel(RecordDetailModel::Part::Conflicts, this)),
      m_historyModel(new RecordDetailModel(RecordDetailModel::Part::History, this))
{
    setObjectName(QStringLiteral("recordsView"));
    auto *root = new QVBoxLayout(this);

    auto *bar = new QHBoxLayout;
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("recordsScope"));
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_scope->setToolTip(tr("What the text is: the id a source gave the record (per source and entity), the row's key in the "
                           "main database, or a value in its text columns"));
    auto *scopeLabel = new QLabel(tr("&Find:"), this);
    scopeLabel->setBuddy(m_scope);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("recordsSearch"));
    m_search->setClearButtonEnabled(true);
    m_findButton = new QPushButton(tr("Find"), this);
    m_findButton->setObjectName(QStringLiteral("recordsFindButton"));
    bar->addWidget(scopeLabel);
    bar->addWidget(m_scope);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_findButton);
    root->addLayout(bar);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("recordsStatus"));
    m_status->setWordWrap(true);
    m_status->hide();
    root->addWidget(m_status);
    connect(m_search, &QLineEdit::returnPressed, this, &RecordsView::find);
    connect(m_findButton, &QPushButton::clicked, this, &RecordsView::find);
    connect(m_scope, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        updatePlaceholder();
        QSettings().setValue(kScopeSetting, m_scope->currentData().toString());
    });

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("recordsSplitter"));
    splitter->setChildrenCollapsible(false);
    root->addWidget(splitter, 1);

    // The candidates, when there are several.
    m_hitsTable = makeRecordTable(m_hitsModel, QStringLiteral("recordsHitsTable"), QAbstractItemView::SingleSelection, nullptr);
    m_hitsTable->setSortingEnabled(false); // in the finder's order: table, then key
    m_hitsPane = new RecordPane(m_hitsTable, QStringLiteral("recordsHitsState"), splitter);
    m_hitsPane->hide();
    connect(m_hitsTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RecordsView::hitSelected);
    connect(m_hitsTable, &QTableView::activated, this, &RecordsView::hitSelected);

    // The record, or why there is none.
    m_detailStack = new QStackedWidget(splitter);
    m_detailStack->setObjectName(QStringLiteral("recordsDetailStack"));
    m_state = makeStateLabel(QString(), QStringLiteral("recordsState"), m_detailStack);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailStack->addWidget(m_state);
    auto *detail = new QWidget(m_detailStack);
    detail->setObjectName(QStringLiteral("recordDetail"));
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 4, 0, 0);
    m_title = new QLabel(detail);
    m_title->setObjectName(QStringLiteral("recordTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_summary = new QLabel(detail);
    m_summary->setObjectName(QStringLiteral("recordSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tabs = new QTabWidget(detail);
    m_tabs->setObjectName(QStringLiteral("recordTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(detailTable(m_rowModel, QStringLiteral("recordRowTable")), tr("Row"));
    m_tabs->addTab(detailTable(m_linksModel, QStringLiteral("recordLinksTable")), tr("Links"));
    m_tabs->addTab(detailTable(m_conflictsModel, QStringLiteral("recordConflictsTable")), tr("Conflicts"));
    m_tabs->addTab(detailTable(m_historyModel, QStringLiteral("recordHistoryTable")), tr("History"));
    detailLayout->addWidget(m_title);
    detailLayout->addWidget(m_summary);
    detailLayout->addWidget(m_tabs, 1);
    m_detailStack->addWidget(detail);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    if (m_workspace) {
        connect(m_workspace, &Workspace::configChanged, this, [this] {
            rebuildScopes();
            refresh();
        });
        connect(m_workspace, &Workspace::dataChanged, this, &RecordsView::refresh);
        connect(m_workspace, &Workspace::runsChanged, this, &RecordsView::refresh);
        connect(m_workspace, &Workspace::conflictsChanged, this, &RecordsView::refresh);
        connect(m_workspace, &Workspace::quarantineChanged, this, &RecordsView::refresh);
    }
    rebuildScopes();
    refresh();
}

RecordsView::~RecordsView() = default;

void RecordsView::rebuildScopes()
{
    const QString current = m_scope->count() > 0 ? m_scope->currentData().toString() : QSettings().value(kScopeSetting).toString();
    const QSignalBlocker block(m_scope);
    m_scope->clear();
    if (m_workspace && m_workspace->isOpen()) {
        for (const SourceConfig &s : m_workspace->config().sources) {
            for (const EntityConfig &e : s.entities)
                m_scope->addItem(tr("External id of %1/%2").arg(s.name, e.name), scopeKey(RecordQuery::By::ExternalId, s.name, e.name));
        }
    }
    m_scope->addItem(tr("Local id (every table)"), scopeKey(RecordQuery::By::LocalId));
    m_scope->addItem(tr("Value (text columns of every table)"), scopeKey(RecordQuery::By::Value));
    m_scope->setCurrentIndex(qMax(0, m_scope->findData(current)));
    updatePlaceholder();
}

bool RecordsView::setScope(RecordQuery::By by, const QString &source, const QString &entity)
{
    const int index = m_scope->findData(scopeKey(by, source, entity));
    if (index < 0)
        return false;
    m_scope->setCurrentIndex(index);
    return true;
}

RecordQuery RecordsView::query() const
{
    RecordQuery q;
    const QString key = m_scope->currentData().toString();
    if (key == QLatin1String("local")) {
        q.by = RecordQuery::By::LocalId;
    } else if (key == QLatin1String("value")) {
        q.by = RecordQuery::By::Value;
    } else {
        const QStringList parts = key.split(kSep);
        q.by = RecordQuery::By::ExternalId;
        q.source = parts.value(1);
        q.entity = parts.value(2);
    }
    q.text = m_search->text().trimmed();
    q.limit = kHitLimit;
    return q;
}

void RecordsView::updatePlaceholder()
{
    const RecordQuery q = query();
    switch (q.by) {
    case RecordQuery::By::ExternalId:
        m_search->setPlaceholderText(tr("the id %1 gives the record, then Enter").arg(q.source));
        break;
    case RecordQuery::By::LocalId:
        m_search->setPlaceholderText(tr("the row's key in the main database, then Enter"));
        break;
    case RecordQuery::By::Value:
        m_search->setPlaceholderText(tr("part of a name, a title, an e-mail..., then Enter"));
        break;
    }
}

void RecordsView::showState(const QString &text, bool error, const QString &toolTip)
{
    m_state->setText(text);
    m_state->setToolTip(toolTip);
    m_state->setForegroundRole(error ? QPalette::WindowText : QPalette::PlaceholderText);
    m_detailStack->setCurrentIndex(0);
}

QString RecordsView::stateText() const
{
    return m_detailStack->currentIndex() == 0 ? m_state->text() : QString();
}

QString RecordsView::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

QString RecordsView::titleText() const
{
    return m_detailStack->currentIndex() == 1 ? m_title->text() : QString();
}

QString RecordsView::summaryText() const
{
    return m_detailStack->currentIndex() == 1 ? m_summary->text() : QString();
}

bool RecordsView::find()
{
    Database *db = m_workspace ? m_workspace->database() : nullptr;
    const RecordQuery q = query();
    m_status->hide();
    m_hitsModel->setHits({});
    m_hitsPane->hide();
    m_shown = RecordKey();
    if (!db) {
        refresh(); // says why
        return false;
    }
    if (q.text.isEmpty()) {
        showState(tr("Type what to look for first: %1.").arg(m_search->placeholderText()));
        return false;
    }
    const Result<RecordHits> found = RecordLookup(*db, m_workspace->config()).find(q);
    if (!found) {
        showState(tr("Cannot look for the record:\n%1").arg(DisplayText::error(found.error())), true, found.error().toString());
        return false;
    }
    if (found->hits.isEmpty()) {
        showState(notFoundText(q, *found));
        return false;
    }
    if (found->hits.size() == 1) {
        openRecord(found->hits.first().key);
        return true;
    }
    m_hitsModel->setHits(found->hits);
    m_hitsTable->resizeColumnsToContents();
    m_hitsPane->showTable();
    m_hitsPane->show();
    m_status->setText(found->limited ? tr("The first %1 records that match are listed: type more to narrow the search.").arg(DisplayText::number(found->limit))
                                     : tr("%n record(s) match: pick one.", nullptr, int(found->hits.size())));
    m_status->show();
    showState(tr("Pick one of the records above to see its row, links, conflicts and history."));
    return true;
}

QString RecordsView::notFoundText(const RecordQuery &q, const RecordHits &hits) const
{
    QString text;
    switch (q.by) {
    case RecordQuery::By::ExternalId:
        text = tr("No record of %1/%2 has the external id \"%3\".").arg(q.source, q.entity, q.text);
        if (!hits.quarantined.isEmpty()) {
            const QuarantineEntry &held = hits.quarantined.first();
            text += QLatin1Char('\n') + tr("It is held in quarantine: %1\nFix the cause and retry it in the Quarantine tab.").arg(held.reason);
        } else {
            text += QLatin1Char('\n')
                + tr("It may not have arrived yet (sync %1), it may be another entity's id (choose the entity on the left of the search), "
                     "or it is a local id (choose \"Local id\").")
                      .arg(q.source);
        }
        break;
    case RecordQuery::By::LocalId:
        text = tr("No table of the configuration has a row with the local id \"%1\".").arg(q.text) + QLatin1Char('\n')
            + tr("Is it an external id? Choose the source and entity it belongs to.");
        break;
    case RecordQuery::By::Value:
        text = tr("No mapped text column contains \"%1\".").arg(q.text) + QLatin1Char('\n')
            + tr("The search looks in the columns the sources fill with text (names, titles, contents), ignoring case.");
        break;
    }
    return text;
}

void RecordsView::hitSelected()
{
    const QModelIndex current = m_hitsTable->currentIndex();
    if (!current.isValid())
        return;
    const RecordHit &hit = m_hitsModel->hit(current.row());
    if (hit.key == m_shown && m_detailStack->currentIndex() == 1)
        return;
    openRecord(hit.key);
}

bool RecordsView::openRecord(const RecordKey &key)
{
    return readRecord(key, false);
}

bool RecordsView::readRecord(const RecordKey &key, bool keepIfSame)
{
    Database *db = m_workspace ? m_workspace->database() : nullptr;
    if (!db) {
        refresh();
        return false;
    }
    m_shown = key;
    const Result<RecordDetail> d = RecordLookup(*db, m_workspace->config()).detail(key, kChangeLimit);
    if (!d) {
        m_detail = RecordDetail();
        showDetail();
        showState(tr("Cannot read %1 %2:\n%3").arg(key.table, key.localId, DisplayText::error(d.error())), true, d.error().toString());
        return false;
    }
    if (keepIfSame && m_detailStack->currentIndex() == 1 && signature(*d) == signature(m_detail))
        return true;
    m_detail = *d;
    showDetail();
    return true;
}

bool RecordsView::openRecord(const QString &source, const QString &entity, const QString &externalId, const QString &localId)
{
    if (!m_workspace || !m_workspace->database()) {
        refresh();
        return false;
    }
    if (setScope(RecordQuery::By::ExternalId, source, entity)) {
        m_search->setText(externalId);
        if (find())
            return true;
    }
    // No link any more (or a source no longer configured): the row itself, when its table is known.
    const SourceConfig *s = m_workspace->config().source(source);
    const EntityConfig *e = s ? s->entity(entity) : nullptr;
    if (e && !localId.isEmpty())
        return openRow(RecordKey{e->table, localId});
    return false;
}

bool RecordsView::openRow(const RecordKey &key)
{
    if (setScope(RecordQuery::By::LocalId))
        m_search->setText(key.localId);
    return openRecord(key);
}

void RecordsView::showDetail()
{
    const RecordDetail *d = m_shown.isValid() && !m_detail.key.table.isEmpty() ? &m_detail : nullptr;
    m_rowModel->setDetail(d);
    m_linksModel->setDetail(d);
    m_conflictsModel->setDetail(d);
    m_historyModel->setDetail(d);
    if (!d)
        return;
    QString title = tr("%1 %2").arg(d->key.table, d->key.localId);
    if (!d->display.isEmpty())
        title += QStringLiteral(" — ") + d->display;
    m_title->setText(title);

    QStringList lines;
    if (!d->rowExists)
        lines.append(tr("The row is no longer in %1: the main application deleted it, or a sync deleted it for good.").arg(d->key.table));
    else if (!d->deletedColumn.isEmpty())
        lines.append(tr("Soft-deleted: %1 is %2.").arg(d->deletedColumn, DisplayText::value(d->deletedAt)));
    if (d->links.isEmpty()) {
        lines.append(tr("Linked to no source: the main application's own row, or a source let go of it."));
    } else {
        QStringList names;
        for (const RecordLink &l : d->links)
            names.append(QStringLiteral("%1/%2 %3").arg(l.link.source, l.link.entity, l.link.externalId));
        lines.append(tr("Linked to %n source record(s): %1.", nullptr, int(d->links.size())).arg(names.join(QStringLiteral(", "))));
    }
    if (d->edited)
        lines.append(tr("The main application edited it (%1): the values before the edit are the base the next sync compares with.")
                         .arg(DisplayText::time(d->editedAt)));
    int open = 0;
    for (const RecordConflict &c : d->conflicts)
        open += c.conflict.isOpen() ? 1 : 0;
    if (open > 0)
        lines.append(tr("%n conflict(s) wait for a decision (Conflicts tab of the console).", nullptr, open));
    else if (!d->conflicts.isEmpty())
        lines.append(tr("%n conflict(s), all decided.", nullptr, int(d->conflicts.size())));
    for (const QuarantineEntry &q : d->quarantined)
        lines.append(tr("A newer version from %1/%2 %3 is held in quarantine: %4").arg(q.source, q.entity, q.externalId, q.reason));
    if (d->changesLimited)
        lines.append(tr("The history shows the newest %1 changes.").arg(DisplayText::number(d->changeLimit)));
    m_summary->setText(lines.join(QLatin1Char('\n')));

    m_tabs->setTabText(1, tr("Links (%1)").arg(DisplayText::number(d->links.size())));
    m_tabs->setTabText(2, tr("Conflicts (%1)").arg(DisplayText::number(d->conflicts.size())));
    m_tabs->setTabText(3, tr("History (%1)").arg(DisplayText::number(d->changes.size())));
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *table = qobject_cast<QTableView *>(m_tabs->widget(i)))
            table->resizeColumnsToContents();
    }
    m_detailStack->setCurrentIndex(1);
}

void RecordsView::refresh()
{
    if (!m_workspace || !m_workspace->isOpen()) {
        m_shown = RecordKey();
        m_detail = RecordDetail();
        m_hitsModel->setHits({});
        m_hitsPane->hide();
        m_status->hide();
        showDetail();
        showState(tr("No configuration is open.\nOpen one to find its records."));
        return;
    }
    if (!m_workspace->database()) {
        m_shown = RecordKey();
        m_hitsPane->hide();
        m_status->hide();
        showState(tr("The main database could not be opened, so its records cannot be shown:\n%1")
                      .arg(DisplayText::error(m_workspace->databaseError())),
                  true, m_workspace->databaseError().toString());
        return;
    }
    if (m_shown.isValid()) {
        // Read again; the tab, the list and the search stay as they are.
        readRecord(m_shown, true);
        return;
    }
    if (m_hitsModel->rowCount() > 0)
        return; // the list waits for a pick
    showState(tr("Find a record by the id a source gave it, by its local id or by a value: choose what to look for, type it and "
                 "press Enter.\nYou see its row, its links to every source with their bases, its conflicts and every change "
                 "Tributary made to it."));
}

} // namespace Tributary::Gui

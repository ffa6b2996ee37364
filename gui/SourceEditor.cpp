#include "SourceEditor.h"

#include "ConnectionTestDialog.h"
#include "SourceEditorPages.h"
#include "SourceTypePages.h"
#include "StatusColors.h"
#include "Workspace.h"

#include "config/Config.h"
#include "engine/SourceRegistry.h"
#include "store/Database.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSet>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>
#include <utility>

namespace Tributary::Gui {

namespace {

// The editor's pages, in tab order.
enum Page { GeneralPage, ConnectionPage, PaginationPage, EntitiesPage, SchedulePage, JsonPage };
enum EntityColumn { ColName, ColEndpoint, ColTable, ColKey, ColExternalId, ColPolicy, ColDeleteMode, ColEnabled };
const QStringList kEntityCellKeys = {QStringLiteral("name"),        QStringLiteral("endpoint"),        QStringLiteral("table"),
                                     QStringLiteral("key"),         QStringLiteral("external_id"),     QStringLiteral("conflict_policy"),
                                     QStringLiteral("delete_mode"), QStringLiteral("enabled")};
// The choices the core accepts, read from it (never copied here), when the editor is built
// (not during static initialisation, whose order across files is unknown).
QStringList policyChoices() { return ConfigVocabulary::conflictPolicies(); }
QStringList deleteModeChoices() { return ConfigVocabulary::deleteModes(); }
QStringList columnTypeChoices() { return ConfigVocabulary::columnTypes(); }
const QStringList kDefaultKinds = {QStringLiteral("string"), QStringLiteral("number"), QStringLiteral("boolean"),
                                   QStringLiteral("null")};
QString pretty(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
}

QTableWidgetItem *textItem(const QString &text)
{
    return new QTableWidgetItem(text);
}

QTableWidgetItem *checkItem(bool checked)
{
    auto *item = new QTableWidgetItem;
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    return item;
}

QString cellText(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

bool cellChecked(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item && item->checkState() == Qt::Checked;
}

// A cell edited with a combo box whose choices come from the schema or the configuration.
class ComboDelegate : public QStyledItemDelegate
{
public:
    using Options = std::function<QStringList(const QModelIndex &)>;
    ComboDelegate(Options options, bool editable, QObject *parent)
        : QStyledItemDelegate(parent), m_options(std::move(options)), m_editable(editable) {}

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const override
    {
        auto *combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("cellEditor"));
        combo->setEditable(m_editable);
        combo->addItems(m_options(index));
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *combo = static_cast<QComboBox *>(editor);
        const QString text = index.data(Qt::EditRole).toString();
        const int i = combo->findText(text);
        if (i >= 0)
            combo->setCurrentIndex(i);
        else if (combo->isEditable())
            combo->setEditText(text);
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        model->setData(index, static_cast<QComboBox *>(editor)->currentText().trimmed(), Qt::EditRole);
    }

private:
    Options m_options;
    bool m_editable;
};

} // namespace

// ---------------------------------------------------------------------------------------------
// Building

SourceEditor::SourceEditor(ConfigDocument *document, Workspace *workspace, QWidget *parent)
    : QDialog(parent), m_document(document), m_workspace(workspace)
{
    setObjectName(QStringLiteral("sourceEditor"));
    setWindowTitle(tr("Source"));
    // Room for the entity tables, within the screen it opens on (a laptop's 768 px too).
    const QSize preferred(1100, 820);
    resize(screen() ? preferred.boundedTo(screen()->availableGeometry().size() * 0.92) : preferred);

    m_validateTimer = new QTimer(this);
    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(250);
    connect(m_validateTimer, &QTimer::timeout, this, &SourceEditor::validateNow);

    m_form = new EditorForm(this);
    connect(m_form, &EditorForm::edited, this, &SourceEditor::scheduleValidation);
    connect(m_form, &EditorForm::entityEdited, this, [this](int row, const QJsonObject &entity) {
        if (row == m_form->entityRow() && !m_entityJson->hasFocus())
            m_entityJson->setPlainText(pretty(entity));
    });
    // The pages of every registered source type; those of the source's type are shown.
    for (const QString &type : SourceEditorPages::types()) {
        if (SourceTypePages *pages = SourceEditorPages::create(type, m_form, document, this)) {
            connect(pages, &SourceTypePages::validationNeeded, this, &SourceEditor::scheduleValidation);
            m_typePages.append(pages);
        }
    }

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->addTab(buildGeneralTab(), tr("General"));
    for (SourceTypePages *pages : std::as_const(m_typePages)) {
        for (const SourceTypePages::Page &page : pages->buildPages()) {
            m_tabs->addTab(page.widget, page.title);
            m_pageOwners.insert(page.widget, pages);
        }
    }
    m_tabs->addTab(buildEntitiesTab(), tr("Entities"));
    m_tabs->addTab(buildScheduleTab(), tr("Schedule"));
    m_jsonPage = buildJsonTab();
    m_tabs->addTab(m_jsonPage, tr("JSON"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_jsonPage)
            refreshJson();
    });

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_problemList = new QListWidget(this);
    m_problemList->setObjectName(QStringLiteral("problemList"));
    m_problemList->setMaximumHeight(110);
    m_problemList->setToolTip(tr("Double-click a problem to go to its field."));
    connect(m_problemList, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (item->data(Qt::UserRole + 1).toBool())
            focusProblem(item->data(Qt::UserRole).toString());
    });

    auto *buttons = new QDialogButtonBox(this);
    buttons->setObjectName(QStringLiteral("buttons"));
    m_testButton = buttons->addButton(tr("Test connection\u2026"), QDialogButtonBox::ActionRole);
    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    m_testButton->setToolTip(tr("Fetch the first page of each entity and show it mapped; nothing is written."));
    m_saveButton = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SourceEditor::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_testButton, &QPushButton::clicked, this, [this] {
        QString error;
        if (!testConnection(&error))
            m_summary->setText(error);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_problemList);
    layout->addWidget(buttons);

    setSourceObject(QJsonObject());
}

SourceEditor::~SourceEditor() = default;

QWidget *SourceEditor::buildScheduleTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout;
    // The core's defaults (never copied here): a key left at its default is not written.
    const ScheduleConfig defaults;

    QWidget *interval = m_form->durationField(form, tr("&Incremental sync every:"), QStringLiteral("scheduleInterval"),
                                              QStringLiteral("schedule.interval_seconds"), defaults.intervalSeconds);
    interval->setToolTip(tr("tributaryd serve asks the source for what changed this often. At start every source syncs at once.")
                         + QLatin1Char('\n') + interval->toolTip());
    QWidget *reconcile = m_form->durationField(form, tr("&Reconciliation:"), QStringLiteral("reconcileInterval"),
                                               QStringLiteral("schedule.reconcile_interval_seconds"), defaults.reconcileIntervalSeconds,
                                               tr("every"));
    reconcile->setToolTip(tr("A complete scan that finds deleted records. The first is due this long after the last "
                             "successful one, at once if there was none. Off: run tributaryd reconcile yourself.")
                          + QLatin1Char('\n') + reconcile->toolTip());

    auto *jitter = new QDoubleSpinBox(this);
    jitter->setObjectName(QStringLiteral("jitterPercent"));
    jitter->setRange(0.0, 50.0);
    jitter->setDecimals(1);
    jitter->setSingleStep(1.0);
    jitter->setSuffix(QStringLiteral(" %"));
    jitter->setToolTip(tr("Each wait is varied at random by up to this share, both ways, so that many sources do not "
                          "fire together. 0: exact intervals. Default: %1 %").arg(QLocale().toString(defaults.jitterShare * 100, 'g', 3)));
    jitter->setPrefix(QStringLiteral("\u00b1"));
    jitter->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    form->addRow(tr("&Vary each wait by up to:"), m_form->wrap(jitter, QStringLiteral("schedule.jitter_share"), form));
    m_form->addLoader([this, jitter, defaults] {
        const QJsonValue v = m_form->value(QStringLiteral("schedule.jitter_share"));
        jitter->setValue((v.isDouble() ? v.toDouble() : defaults.jitterShare) * 100);
    });
    connect(jitter, &QDoubleSpinBox::valueChanged, this, [this, defaults](double percent) {
        if (m_form->isLoading())
            return;
        // In tenths of a percent, so that 15 % is written 0.15 and not 0.15000000000000002.
        const double share = std::round(percent * 10) / 1000.0;
        m_form->setValue(QStringLiteral("schedule.jitter_share"),
                         qFuzzyCompare(share + 1, defaults.jitterShare + 1) ? QJsonValue(QJsonValue::Undefined) : QJsonValue(share));
    });

    auto *missed = new QCheckBox(tr("Reconcile at once when a sync finds &missed deletes"), this);
    missed->setObjectName(QStringLiteral("reconcileOnMissedDeletes"));
    missed->setToolTip(tr("After each scheduled sync, ask the source how many records each entity has (one count request "
                          "per entity). More links than records means deletes were missed (lost webhooks): reconcile right "
                          "after that sync. Without scheduled reconciliations only a warning is logged."));
    form->addRow(QString(), m_form->wrap(missed, QStringLiteral("schedule.reconcile_on_missed_deletes"), form));
    m_form->addLoader([this, missed, defaults] {
        const QJsonValue v = m_form->value(QStringLiteral("schedule.reconcile_on_missed_deletes"));
        missed->setChecked(v.isBool() ? v.toBool() : defaults.reconcileOnMissedDeletes);
    });
    connect(missed, &QCheckBox::toggled, this, [this, defaults](bool on) {
        if (!m_form->isLoading())
            m_form->setValue(QStringLiteral("schedule.reconcile_on_missed_deletes"),
                             on == defaults.reconcileOnMissedDeletes ? QJsonValue(QJsonValue::Undefined) : QJsonValue(on));
    });

    auto *note = new QLabel(tr("Only tributaryd serve follows the schedule; tributaryd sync and reconcile run when they are "
                               "started. Webhooks are set up in the JSON (\"webhook\")."),
                            page);
    note->setWordWrap(true);
    m_schedulePreview = new QLabel(page);
    m_schedulePreview->setObjectName(QStringLiteral("schedulePreview"));
    m_schedulePreview->setWordWrap(true);
    m_schedulePreview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_schedulePreview->font();
    bold.setBold(true);
    m_schedulePreview->setFont(bold);

    auto *v = new QVBoxLayout(page);
    v->addLayout(form);
    v->addWidget(m_schedulePreview);
    v->addWidget(note);
    v->addStretch(1);
    return page;
}

QWidget *SourceEditor::buildGeneralTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout;

    m_name = m_form->lineField(form, tr("Name:"), QStringLiteral("name"), QStringLiteral("name"), tr("letters, digits, - and _"));
    m_name->setToolTip(tr("Keys all of the source's state: renaming a source starts it from scratch."));
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        setWindowTitle(tr("Source %1").arg(sourceName()));
    });
    QStringList types = SourceRegistry::types();
    if (types.isEmpty())
        types = SourceEditorPages::types();
    m_type = m_form->comboField(form, tr("Type:"), QStringLiteral("sourceType"), QStringLiteral("type"), types, QString());
    connect(m_type, &QComboBox::currentIndexChanged, this, &SourceEditor::updateVisibility);
    m_form->checkField(form, tr("Enabled (sync and verify it)"), QStringLiteral("enabled"), QStringLiteral("enabled"), true);

    m_startFrom = m_form->comboField(form, tr("Start from:"), QStringLiteral("startFrom"), QStringLiteral("start.from"),
                                     {QStringLiteral("beginning"), QStringLiteral("now"), QStringLiteral("date")}, QStringLiteral("beginning"));
    m_startFrom->setToolTip(tr("Where a new source starts: all history, only what changes from now on, or what changed since a date."));
    m_startDate = m_form->lineField(form, tr("Start date:"), QStringLiteral("startDate"), QStringLiteral("start.date"),
                                    QStringLiteral("2026-01-31T00:00:00Z"));
    connect(m_startFrom, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_form->isLoading() && m_startFrom->currentData().toString() != QLatin1String("date"))
            m_form->setValue(QStringLiteral("start.date"), QJsonValue(QJsonValue::Undefined));
        updateVisibility();
    });
    m_form->spinField(form, tr("Overlap (seconds):"), QStringLiteral("overlapSeconds"), QStringLiteral("overlap_seconds"), 0, 604800, 0);
    m_form->doubleField(form, tr("Largest share deleted at once:"), QStringLiteral("maxDeleteShare"), QStringLiteral("max_delete_share"),
                        0.0, 1.0, 0.1, 3);
    m_form->spinField(form, tr("Priority:"), QStringLiteral("priority"), QStringLiteral("priority"), -1000, 1000, 0);
    // Write-back (docs/write-back.md): the words from the core; an entity may say otherwise (JSON).
    QComboBox *direction = m_form->comboField(form, tr("Changes flow:"), QStringLiteral("direction"), QStringLiteral("direction"),
                                              ConfigVocabulary::directions(), QStringLiteral("in"));
    direction->setToolTip(tr("in: the source's changes are copied into the main database. both: the main database's changes are "
                             "also pushed back to the source (tributaryd outbox shows what waits). out: only pushed, never read. "
                             "An entity may choose its own in its JSON (\"direction\")."));

    auto *presets = new QGroupBox(tr("Start from a preset"), this);
    auto *presetLayout = new QVBoxLayout(presets);
    auto *explain = new QLabel(tr("Replaces everything but the name. The base URL and the token's environment variable "
                                  "entered on the Connection tab are kept."),
                               presets);
    explain->setWordWrap(true);
    auto *forum = new QPushButton(tr("Good Forum"), presets);
    forum->setObjectName(QStringLiteral("presetForumButton"));
    auto *rest = new QPushButton(tr("Generic REST"), presets);
    rest->setObjectName(QStringLiteral("presetRestButton"));
    auto *row = new QHBoxLayout;
    row->addWidget(forum);
    row->addWidget(rest);
    row->addStretch(1);
    presetLayout->addWidget(explain);
    presetLayout->addLayout(row);
    auto presetFromWidgets = [this](SourcePreset::Kind kind) {
        SourcePreset p;
        p.kind = kind;
        p.sourceName = sourceName().isEmpty() ? p.sourceName : sourceName();
        // The preset's source type completes it from what its pages have entered.
        if (const SourceTypePages *pages = pagesFor(ConfigDocument::presetSource(p).value(QStringLiteral("type")).toString()))
            pages->adjustPreset(&p);
        const QJsonObject next = presetApplied(p);
        if (confirmPreset(next))
            setSourceObject(next);
    };
    connect(forum, &QPushButton::clicked, this, [presetFromWidgets] { presetFromWidgets(SourcePreset::Kind::GoodForum); });
    connect(rest, &QPushButton::clicked, this, [presetFromWidgets] { presetFromWidgets(SourcePreset::Kind::GenericRest); });

    auto *v = new QVBoxLayout(page);
    v->addLayout(form);
    v->addWidget(presets);
    v->addStretch(1);
    return page;
}

QWidget *SourceEditor::buildEntitiesTab()
{
    auto *page = new QWidget(this);

    m_entities = m_form->makeTable(QStringLiteral("entitiesTable"), {tr("Name"), tr("Endpoint"), tr("Table"), tr("Key"), tr("External id"),
                                                                    tr("Conflict policy"), tr("Delete mode"), tr("Enabled")});
    m_entities->horizontalHeader()->setSectionResizeMode(ColEnabled, QHeaderView::ResizeToContents);
    m_entities->setItemDelegateForColumn(ColTable, new ComboDelegate([this](const QModelIndex &) { return tables(); }, true, m_entities));
    m_entities->setItemDelegateForColumn(ColKey, new ComboDelegate(
                                                     [this](const QModelIndex &index) {
                                                         return columnsOf(cellText(m_entities, index.row(), ColTable));
                                                     },
                                                     true, m_entities));
    m_entities->setItemDelegateForColumn(ColPolicy, new ComboDelegate([](const QModelIndex &) { return QStringList{QString()} + policyChoices(); },
                                                                      false, m_entities));
    m_entities->setItemDelegateForColumn(ColDeleteMode, new ComboDelegate(
                                                            [](const QModelIndex &) { return QStringList{QString()} + deleteModeChoices(); },
                                                            false, m_entities));
    m_entities->horizontalHeaderItem(ColKey)->setToolTip(tr("The table's primary key, assigned by the main database. Empty: id."));
    m_entities->horizontalHeaderItem(ColExternalId)->setToolTip(tr("The record field holding the external id. Empty: id."));
    m_entities->horizontalHeaderItem(ColPolicy)->setToolTip(tr("Empty: manual (conflicts wait for a person)."));
    m_entities->horizontalHeaderItem(ColDeleteMode)->setToolTip(tr("Empty: soft (sets deleted_at)."));
    connect(m_entities, &QTableWidget::itemChanged, this, &SourceEditor::onEntityItemChanged);
    connect(m_entities, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row == m_form->entityRow())
            return;
        m_form->setEntityRow(row);
        loadEntityDetail();
        showProblems();
    });

    auto *entityButtons = new QHBoxLayout;
    auto button = [this](const QString &text, const QString &name) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        return b;
    };
    QPushButton *add = button(tr("Add entity"), QStringLiteral("addEntityButton"));
    QPushButton *remove = button(tr("Remove"), QStringLiteral("removeEntityButton"));
    QPushButton *up = button(tr("Up"), QStringLiteral("moveEntityUpButton"));
    QPushButton *down = button(tr("Down"), QStringLiteral("moveEntityDownButton"));
    connect(add, &QPushButton::clicked, this, &SourceEditor::addEntity);
    connect(remove, &QPushButton::clicked, this, &SourceEditor::removeEntity);
    connect(up, &QPushButton::clicked, this, [this] { moveEntity(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveEntity(1); });
    entityButtons->addWidget(add);
    entityButtons->addWidget(remove);
    entityButtons->addWidget(up);
    entityButtons->addWidget(down);
    entityButtons->addStretch(1);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_form->wrap(m_entities, QStringLiteral("entities")), 1);
    topLayout->addLayout(entityButtons);

    // The selected entity.
    m_entityTitle = new QLabel(this);
    m_entityTitle->setObjectName(QStringLiteral("entityTitle"));
    m_entityTabs = new QTabWidget(this);
    m_entityTabs->setObjectName(QStringLiteral("entityTabs"));

    auto rowButtons = [this, button](QTableWidget *table, const QString &prefix, const std::function<void()> &write) {
        auto *box = new QWidget(this);
        auto *l = new QVBoxLayout(box);
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(table, 1);
        auto *bl = new QHBoxLayout;
        QPushButton *addRow = button(tr("Add"), prefix + QStringLiteral("AddButton"));
        QPushButton *removeRow = button(tr("Remove"), prefix + QStringLiteral("RemoveButton"));
        bl->addWidget(addRow);
        bl->addWidget(removeRow);
        bl->addStretch(1);
        l->addLayout(bl);
        connect(addRow, &QPushButton::clicked, this, [this, table] {
            m_form->beginLoading();
            const int row = table->rowCount();
            table->insertRow(row);
            for (int c = 0; c < table->columnCount(); ++c)
                table->setItem(row, c, textItem(QString()));
            // Check-box columns: the last column of columns/references.
            if (table == m_columns || table == m_references)
                table->setItem(row, 3, checkItem(false));
            if (table == m_defaults)
                table->item(row, 2)->setText(QStringLiteral("string"));
            if (table == m_columns)
                table->item(row, 2)->setText(QStringLiteral("string"));
            if (table == m_fieldPolicies)
                table->item(row, 1)->setText(QStringLiteral("manual"));
            m_form->endLoading();
            table->setCurrentCell(row, 0);
        });
        connect(removeRow, &QPushButton::clicked, this, [this, table, write] {
            if (table->currentRow() >= 0) {
                table->removeRow(table->currentRow());
                write();
                scheduleValidation();
            }
        });
        // Rows that do not reach the JSON yet (no column chosen) still change what is wrong.
        connect(table, &QTableWidget::itemChanged, this, [this, write] {
            if (m_form->isLoading())
                return;
            write();
            scheduleValidation();
        });
        return box;
    };
    auto entityColumns = [this](const QModelIndex &) { return columnsOf(cellText(m_entities, m_form->entityRow(), ColTable)); };

    m_columns = m_form->makeTable(QStringLiteral("columnsTable"), {tr("Column"), tr("Field"), tr("Type"), tr("Required")});
    m_columns->setItemDelegateForColumn(0, new ComboDelegate(entityColumns, true, m_columns));
    m_columns->setItemDelegateForColumn(2, new ComboDelegate([](const QModelIndex &) { return columnTypeChoices(); }, false, m_columns));
    m_columns->horizontalHeaderItem(1)->setToolTip(tr("Where the value is in the record: a dotted path such as author.email"));
    m_entityTabs->addTab(m_form->wrap(rowButtons(m_columns, QStringLiteral("column"), [this] { writeColumns(); }),
                                      QStringLiteral("entity.columns")),
                         tr("Columns"));
    // The wrap above registered the box; errors are named after the table.
    m_form->lastField().error->setObjectName(QStringLiteral("columnsTableError"));
    m_form->lastField().input = m_columns;

    m_references = m_form->makeTable(QStringLiteral("referencesTable"), {tr("Column"), tr("Entity"), tr("Field"), tr("Nullable")});
    m_references->setItemDelegateForColumn(0, new ComboDelegate(entityColumns, true, m_references));
    m_references->setItemDelegateForColumn(1, new ComboDelegate([this](const QModelIndex &) { return entityNames(); }, true, m_references));
    m_entityTabs->addTab(m_form->wrap(rowButtons(m_references, QStringLiteral("reference"), [this] { writeReferences(); }),
                                      QStringLiteral("entity.references")),
                         tr("References"));
    m_form->lastField().error->setObjectName(QStringLiteral("referencesTableError"));
    m_form->lastField().input = m_references;

    auto *consolidation = new QWidget(this);
    auto *cf = new QFormLayout(consolidation);
    m_match = new QLineEdit(this);
    m_match->setObjectName(QStringLiteral("matchEdit"));
    m_match->setPlaceholderText(tr("columns, comma-separated (e.g. email)"));
    m_match->setToolTip(tr("A record never seen before is linked to an existing row with the same values "
                           "(trimmed, case-insensitive) instead of inserted."));
    cf->addRow(tr("Match existing rows by:"), m_form->wrap(m_match, QStringLiteral("entity.match"), cf));
    connect(m_match, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (m_form->isLoading())
            return;
        QJsonArray a;
        for (const QString &c : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!c.trimmed().isEmpty())
                a.append(c.trimmed());
        }
        m_form->setEntityValue(QStringLiteral("match"), a.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(a));
    });
    m_defaults = m_form->makeTable(QStringLiteral("defaultsTable"), {tr("Column"), tr("Value"), tr("Kind")});
    m_defaults->setItemDelegateForColumn(0, new ComboDelegate(entityColumns, true, m_defaults));
    m_defaults->setItemDelegateForColumn(2, new ComboDelegate([](const QModelIndex &) { return kDefaultKinds; }, false, m_defaults));
    cf->addRow(tr("Defaults (inserts only):"), m_form->wrap(rowButtons(m_defaults, QStringLiteral("default"), [this] { writeDefaults(); }),
                                                            QStringLiteral("entity.defaults"), cf));
    m_form->lastField().error->setObjectName(QStringLiteral("defaultsTableError"));
    m_form->lastField().input = m_defaults;
    m_entityTabs->addTab(consolidation, tr("Consolidation && defaults"));

    auto *policies = new QWidget(this);
    auto *pf = new QFormLayout(policies);
    m_updatedColumn = new QComboBox(this);
    m_updatedColumn->setObjectName(QStringLiteral("updatedColumn"));
    m_updatedColumn->setEditable(true);
    pf->addRow(tr("Modification time column:"), m_form->wrap(m_updatedColumn, QStringLiteral("entity.updated_column"), pf));
    connect(m_updatedColumn, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        if (!m_form->isLoading())
            m_form->setEntityValue(QStringLiteral("updated_column"), text.trimmed().isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                                                                              : QJsonValue(text.trimmed()));
    });
    m_deletedColumn = new QLineEdit(this);
    m_deletedColumn->setObjectName(QStringLiteral("deletedColumn"));
    m_deletedColumn->setPlaceholderText(QStringLiteral("deleted_at"));
    pf->addRow(tr("Soft-delete column:"), m_form->wrap(m_deletedColumn, QStringLiteral("entity.deleted_column"), pf));
    connect(m_deletedColumn, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (!m_form->isLoading())
            m_form->setEntityValue(QStringLiteral("deleted_column"), text.trimmed().isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                                                                              : QJsonValue(text.trimmed()));
    });
    m_fieldPolicies = m_form->makeTable(QStringLiteral("fieldPoliciesTable"), {tr("Column"), tr("Policy")});
    m_fieldPolicies->setItemDelegateForColumn(0, new ComboDelegate([this](const QModelIndex &) { return mappedColumns(); }, true,
                                                                   m_fieldPolicies));
    m_fieldPolicies->setItemDelegateForColumn(1, new ComboDelegate([](const QModelIndex &) { return policyChoices(); }, false, m_fieldPolicies));
    pf->addRow(tr("Policy per column:"), m_form->wrap(rowButtons(m_fieldPolicies, QStringLiteral("fieldPolicy"), [this] { writeFieldPolicies(); }),
                                                      QStringLiteral("entity.field_policies"), pf));
    m_form->lastField().error->setObjectName(QStringLiteral("fieldPoliciesTableError"));
    m_form->lastField().input = m_fieldPolicies;
    m_entityTabs->addTab(policies, tr("Policies"));

    for (SourceTypePages *pages : std::as_const(m_typePages)) {
        for (const SourceTypePages::Page &entityPage : pages->buildEntityPages()) {
            m_entityTabs->addTab(entityPage.widget, entityPage.title);
            m_pageOwners.insert(entityPage.widget, pages);
        }
    }

    auto *json = new QWidget(this);
    auto *jl = new QVBoxLayout(json);
    m_entityJson = new QPlainTextEdit(this);
    m_entityJson->setObjectName(QStringLiteral("entityJson"));
    m_entityJson->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *applyEntity = button(tr("Apply JSON"), QStringLiteral("applyEntityJsonButton"));
    m_entityJsonError = new QLabel(this);
    m_entityJsonError->setObjectName(QStringLiteral("entityJsonParseError"));
    StatusColors::setTextStatus(m_entityJsonError, StatusColors::Status::Error);
    jl->addWidget(m_form->wrap(m_entityJson, QStringLiteral("entity")), 1);
    jl->addWidget(m_entityJsonError);
    jl->addWidget(applyEntity, 0, Qt::AlignRight);
    connect(applyEntity, &QPushButton::clicked, this, [this] {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(m_entityJson->toPlainText().toUtf8(), &pe);
        if (!doc.isObject() || m_form->entityRow() < 0) {
            m_entityJsonError->setText(tr("Not a JSON object: %1").arg(pe.errorString()));
            return;
        }
        m_entityJsonError->clear();
        const int row = m_form->entityRow();
        m_form->setEntityObject(row, doc.object());
        m_form->setEntityRow(-1);
        loadEntities();
        showEntityRow(row);
    });
    m_entityTabs->addTab(json, tr("JSON"));

    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_entityTitle);
    bottomLayout->addWidget(m_entityTabs, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(1, 2);
    auto *v = new QVBoxLayout(page);
    v->addWidget(splitter);
    return page;
}

QWidget *SourceEditor::buildJsonTab()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    auto *note = new QLabel(tr("The source exactly as it will be written. Keys without a widget elsewhere can be edited here."), page);
    note->setWordWrap(true);
    m_sourceJson = new QPlainTextEdit(this);
    m_sourceJson->setObjectName(QStringLiteral("sourceJson"));
    m_sourceJson->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_sourceJsonError = new QLabel(this);
    m_sourceJsonError->setObjectName(QStringLiteral("sourceJsonParseError"));
    StatusColors::setTextStatus(m_sourceJsonError, StatusColors::Status::Error);
    auto *apply = new QPushButton(tr("Apply JSON"), this);
    apply->setObjectName(QStringLiteral("applySourceJsonButton"));
    connect(apply, &QPushButton::clicked, this, [this] {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(m_sourceJson->toPlainText().toUtf8(), &pe);
        if (!doc.isObject()) {
            m_sourceJsonError->setText(tr("Not a JSON object: %1").arg(pe.errorString()));
            return;
        }
        m_sourceJsonError->clear();
        const int row = m_form->entityRow();
        setSourceObject(doc.object());
        if (row >= 0 && row < m_entities->rowCount())
            m_entities->setCurrentCell(row, 0);
        m_tabs->setCurrentWidget(m_jsonPage);
    });
    v->addWidget(note);
    v->addWidget(m_sourceJson, 1);
    v->addWidget(m_sourceJsonError);
    v->addWidget(apply, 0, Qt::AlignRight);
    return page;
}

// ---------------------------------------------------------------------------------------------
// What to edit

bool SourceEditor::editSource(const QString &name)
{
    if (!m_document || !m_document->hasSource(name))
        return false;
    m_isNew = false;
    m_originalName = name;
    for (SourceTypePages *pages : std::as_const(m_typePages))
        pages->discardUnsavedInput();
    setSourceObject(m_document->source(name));
    m_startSource = m_form->source();
    return true;
}

void SourceEditor::newSource(const SourcePreset &preset)
{
    SourcePreset p = preset;
    if (m_document)
        p.sourceName = m_document->uniqueSourceName(p.sourceName);
    m_isNew = true;
    m_originalName.clear();
    for (SourceTypePages *pages : std::as_const(m_typePages))
        pages->discardUnsavedInput();
    setSourceObject(ConfigDocument::presetSource(p));
    m_startSource = m_form->source();
}

QJsonObject SourceEditor::presetApplied(const SourcePreset &preset) const
{
    SourcePreset p = preset;
    if (!sourceName().isEmpty())
        p.sourceName = sourceName();
    QJsonObject next = ConfigDocument::presetSource(p);
    // A preset brings an API's conventions (pagination, entities, mappings). How this source
    // signs in (its type's pages say what that is), whether it is enabled and when serve runs it
    // are the admin's, not the API's.
    if (const SourceTypePages *pages = pagesFor(next.value(QStringLiteral("type")).toString()))
        pages->keepOnPreset(m_form->source(), preset, m_isNew, &next);
    for (const QString &key : {QStringLiteral("enabled"), QStringLiteral("schedule")}) {
        if (m_form->source().contains(key))
            next.insert(key, m_form->source().value(key));
    }
    return next;
}

void SourceEditor::applyPreset(const SourcePreset &preset)
{
    setSourceObject(presetApplied(preset));
}

QStringList SourceEditor::changedKeys(const QJsonObject &from, const QJsonObject &to, const QString &prefix)
{
    QStringList out;
    QStringList keys = from.keys() + to.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString &key : std::as_const(keys)) {
        const QString path = prefix.isEmpty() ? key : prefix + QLatin1Char('.') + key;
        const QJsonValue a = from.value(key), b = to.value(key);
        if (a == b)
            continue;
        if (a.isObject() && b.isObject())
            out += changedKeys(a.toObject(), b.toObject(), path);
        else
            out.append(path);
    }
    return out;
}

bool SourceEditor::confirmPreset(const QJsonObject &next)
{
    if (m_isNew)
        return true; // nothing saved to lose: the preset is where a new source starts
    const QStringList changed = changedKeys(m_form->source(), next);
    if (changed.isEmpty()) {
        QMessageBox::information(this, tr("Nothing to change"), tr("%1 already is what the preset makes it.").arg(sourceName()));
        return false;
    }
    constexpr int kShown = 12;
    QString list = changed.mid(0, kShown).join(QLatin1Char('\n'));
    if (changed.size() > kShown)
        list += QLatin1Char('\n') + tr("and %n more", nullptr, int(changed.size() - kShown));
    QMessageBox box(QMessageBox::Question, tr("Apply the preset?"),
                    tr("The preset would change these keys of %1 (its name, base URL, authentication, enabled and schedule "
                       "stay as they are). Nothing is saved until you save the source.")
                        .arg(sourceName()),
                    QMessageBox::Apply | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("presetPreview"));
    box.setDetailedText(list);
    box.setInformativeText(list);
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Apply;
}

QString SourceEditor::sourceName() const
{
    return m_form->sourceName();
}

QJsonObject SourceEditor::sourceObject() const
{
    return m_form->source();
}

bool SourceEditor::hasChanges() const
{
    if (m_form->source() != m_startSource)
        return true;
    for (const SourceTypePages *pages : m_typePages) {
        if (pages->hasUnsavedInput())
            return true;
    }
    return false;
}

SourceTypePages *SourceEditor::pagesFor(const QString &type) const
{
    for (SourceTypePages *pages : m_typePages) {
        if (pages->type() == type)
            return pages;
    }
    return nullptr;
}

void SourceEditor::setSecretFromEnvironment(const QString &variable)
{
    if (SourceTypePages *pages = pagesFor(m_form->sourceType()))
        pages->setSecretFromEnvironment(variable);
}

void SourceEditor::setSecretToStore(const QString &secret)
{
    if (SourceTypePages *pages = pagesFor(m_form->sourceType()))
        pages->setSecretToStore(secret);
}

void SourceEditor::setSourceObject(const QJsonObject &source)
{
    m_form->setSource(source);
    m_form->setEntityRow(-1);
    loadWidgets();
    validateNow();
}

void SourceEditor::selectEntity(const QString &name)
{
    const int row = int(entityNames().indexOf(name));
    if (row >= 0)
        showEntityRow(row);
}

QStringList SourceEditor::entityNames() const
{
    return m_form->entityNames();
}

QString SourceEditor::currentEntity() const
{
    return m_form->currentEntity();
}

// ---------------------------------------------------------------------------------------------
// The model

QString SourceEditor::schedulePreview() const
{
    if (!m_form->value(QStringLiteral("enabled")).toBool(true))
        return tr("Disabled: tributaryd serve does not run this source.");
    for (const ConfigProblem &p : m_problems) {
        QString relative;
        if (relativeKey(p.keyPath, &relative) && relative.startsWith(QStringLiteral("schedule")))
            return tr("Fix the schedule's problems to see what tributaryd serve will do.");
    }
    // Read as the core reads it, with its defaults for the keys the file leaves out (its problems,
    // if any, were said above).
    QStringList ignored;
    const ScheduleConfig schedule =
        ScheduleConfig::fromJson(m_form->source().value(QStringLiteral("schedule")).toObject(), QStringLiteral("schedule"), &ignored);
    const qint64 interval = schedule.intervalSeconds;
    const qint64 reconcile = schedule.reconcileIntervalSeconds;
    const double jitter = schedule.jitterShare;
    const bool onMissed = schedule.reconcileOnMissedDeletes;

    QStringList parts;
    parts.append(jitter > 0 ? tr("Incremental sync %1 (each wait varied by up to ±%2 %)")
                                  .arg(EditorForm::everyText(interval), QLocale().toString(jitter * 100, 'g', 3))
                            : tr("Incremental sync %1, exactly").arg(EditorForm::everyText(interval)));
    if (reconcile > 0)
        parts.append(tr("reconciliation %1").arg(EditorForm::everyText(reconcile)));
    else
        parts.append(tr("no scheduled reconciliation (run tributaryd reconcile yourself)"));
    if (onMissed)
        parts.append(reconcile > 0 ? tr("an extra reconciliation right after a sync that finds missed deletes")
                                   : tr("a warning when a sync finds missed deletes"));
    else
        parts.append(tr("no check for missed deletes"));
    if (m_form->source().contains(QStringLiteral("webhook")))
        parts.append(tr("webhooks at POST /webhooks/%1, their records fetched as soon as the source is idle").arg(sourceName()));
    else
        parts.append(tr("no webhooks"));
    return parts.join(QStringLiteral("; ")) + QLatin1Char('.');
}

QJsonObject SourceEditor::candidateRoot() const
{
    QJsonObject root = m_document ? m_document->root() : QJsonObject();
    QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
    int index = -1;
    if (!m_isNew) {
        for (int i = 0; i < sources.size(); ++i) {
            if (sources.at(i).toObject().value(QStringLiteral("name")).toString() == m_originalName)
                index = i;
        }
    }
    if (index >= 0)
        sources.replace(index, m_form->source());
    else
        sources.append(m_form->source());
    root.insert(QStringLiteral("sources"), sources);
    return root;
}

// ---------------------------------------------------------------------------------------------
// Widgets from the model

void SourceEditor::loadWidgets()
{
    m_form->load();
    m_form->beginLoading();
    for (SourceTypePages *pages : std::as_const(m_typePages))
        pages->load();
    loadEntities();
    if (m_entities->rowCount() > 0)
        m_entities->setCurrentCell(0, 0);
    m_form->setEntityRow(m_entities->currentRow());
    loadEntityDetail();
    refreshJson();
    setWindowTitle(m_isNew ? tr("New source %1").arg(sourceName()) : tr("Source %1").arg(sourceName()));
    m_form->endLoading();
    updateVisibility();
}

void SourceEditor::loadEntities()
{
    m_form->beginLoading();
    const int current = m_form->entityRow();
    const QJsonArray entities = m_form->source().value(QStringLiteral("entities")).toArray();
    m_entities->setRowCount(int(entities.size()));
    for (int row = 0; row < entities.size(); ++row) {
        const QJsonObject e = entities.at(row).toObject();
        for (int col = 0; col < kEntityCellKeys.size(); ++col) {
            const QJsonValue v = e.value(kEntityCellKeys.at(col));
            if (col == ColEnabled)
                m_entities->setItem(row, col, checkItem(v.isBool() ? v.toBool() : true));
            else
                m_entities->setItem(row, col, textItem(EditorForm::scalarText(v)));
        }
    }
    if (current >= 0 && current < m_entities->rowCount())
        m_entities->setCurrentCell(current, 0);
    m_form->endLoading();
}

void SourceEditor::loadEntityDetail()
{
    m_form->beginLoading();
    const bool has = m_form->entityRow() >= 0 && m_form->entityRow() < m_entities->rowCount();
    m_entityTabs->setEnabled(has);
    const QJsonObject e = has ? m_form->entityObject(m_form->entityRow()) : QJsonObject();
    const QString name = e.value(QStringLiteral("name")).toString();
    const QString table = e.value(QStringLiteral("table")).toString();
    m_entityTitle->setText(has ? tr("Entity \u201c%1\u201d \u2192 table %2").arg(name, table.isEmpty() ? tr("(none)") : table)
                               : tr("Select an entity to edit its columns, references and policies."));
    loadColumns(e);
    loadReferences(e);
    loadDefaults(e);
    loadFieldPolicies(e);
    QStringList match;
    const QJsonArray matchArray = e.value(QStringLiteral("match")).toArray();
    for (const QJsonValue &v : matchArray)
        match.append(v.toString());
    m_match->setText(match.join(QStringLiteral(", ")));

    m_updatedColumn->clear();
    m_updatedColumn->addItem(QString());
    const QJsonObject columns = e.value(QStringLiteral("columns")).toObject();
    for (auto it = columns.constBegin(); it != columns.constEnd(); ++it) {
        if (it->toObject().value(QStringLiteral("type")).toString() == QLatin1String("timestamp"))
            m_updatedColumn->addItem(it.key());
    }
    m_updatedColumn->setCurrentText(e.value(QStringLiteral("updated_column")).toString());
    m_deletedColumn->setText(e.value(QStringLiteral("deleted_column")).toString());
    for (SourceTypePages *pages : std::as_const(m_typePages))
        pages->loadEntity(e);
    m_entityJson->setPlainText(has ? pretty(e) : QString());
    m_entityJsonError->clear();
    m_form->endLoading();
}

void SourceEditor::loadColumns(const QJsonObject &entity)
{
    m_columns->setRowCount(0);
    const QJsonObject columns = entity.value(QStringLiteral("columns")).toObject();
    for (auto it = columns.constBegin(); it != columns.constEnd(); ++it) {
        const int row = m_columns->rowCount();
        m_columns->insertRow(row);
        const QJsonObject o = it->toObject();
        auto *column = textItem(it.key());
        column->setData(Qt::UserRole, QVariant::fromValue(QJsonValue(it.value()))); // the entry as written, kept on save
        m_columns->setItem(row, 0, column);
        m_columns->setItem(row, 1, textItem(it->isString() ? it->toString() : o.value(QStringLiteral("field")).toString()));
        m_columns->setItem(row, 2, textItem(o.contains(QStringLiteral("type")) ? EditorForm::scalarText(o.value(QStringLiteral("type")))
                                                                               : QStringLiteral("string")));
        m_columns->setItem(row, 3, checkItem(o.value(QStringLiteral("required")).toBool()));
    }
}

void SourceEditor::loadReferences(const QJsonObject &entity)
{
    m_references->setRowCount(0);
    const QJsonObject refs = entity.value(QStringLiteral("references")).toObject();
    for (auto it = refs.constBegin(); it != refs.constEnd(); ++it) {
        const int row = m_references->rowCount();
        m_references->insertRow(row);
        const QJsonObject o = it->toObject();
        auto *column = textItem(it.key());
        column->setData(Qt::UserRole, QVariant::fromValue(QJsonValue(it.value())));
        m_references->setItem(row, 0, column);
        m_references->setItem(row, 1, textItem(o.value(QStringLiteral("entity")).toString()));
        m_references->setItem(row, 2, textItem(o.value(QStringLiteral("field")).toString()));
        m_references->setItem(row, 3, checkItem(o.value(QStringLiteral("nullable")).toBool()));
    }
}

void SourceEditor::loadDefaults(const QJsonObject &entity)
{
    m_defaults->setRowCount(0);
    const QJsonObject defaults = entity.value(QStringLiteral("defaults")).toObject();
    for (auto it = defaults.constBegin(); it != defaults.constEnd(); ++it) {
        const int row = m_defaults->rowCount();
        m_defaults->insertRow(row);
        QString kind = QStringLiteral("string");
        if (it->isNull())
            kind = QStringLiteral("null");
        else if (it->isDouble())
            kind = QStringLiteral("number");
        else if (it->isBool())
            kind = QStringLiteral("boolean");
        m_defaults->setItem(row, 0, textItem(it.key()));
        m_defaults->setItem(row, 1, textItem(EditorForm::scalarText(it.value())));
        m_defaults->setItem(row, 2, textItem(kind));
    }
}

void SourceEditor::loadFieldPolicies(const QJsonObject &entity)
{
    m_fieldPolicies->setRowCount(0);
    const QJsonObject policies = entity.value(QStringLiteral("field_policies")).toObject();
    for (auto it = policies.constBegin(); it != policies.constEnd(); ++it) {
        const int row = m_fieldPolicies->rowCount();
        m_fieldPolicies->insertRow(row);
        m_fieldPolicies->setItem(row, 0, textItem(it.key()));
        m_fieldPolicies->setItem(row, 1, textItem(EditorForm::scalarText(it.value())));
    }
}

void SourceEditor::updateVisibility()
{
    // The pages of the source's type, and no other type's.
    const QString type = m_type->currentData().toString();
    const SourceTypePages *current = pagesFor(type);
    for (QTabWidget *tabs : {m_tabs, m_entityTabs}) {
        for (int i = 0; i < tabs->count(); ++i) {
            const auto owner = m_pageOwners.constFind(tabs->widget(i));
            if (owner == m_pageOwners.constEnd())
                continue;
            tabs->setTabVisible(i, *owner == current);
            tabs->setTabEnabled(i, *owner == current);
        }
    }
    m_entities->setColumnHidden(ColEndpoint, !current || !current->entitiesHaveEndpoints());

    m_form->setFieldVisible(QStringLiteral("start.date"), m_startFrom->currentData().toString() == QLatin1String("date"));
    for (SourceTypePages *pages : std::as_const(m_typePages))
        pages->updateVisibility();
}

void SourceEditor::refreshJson()
{
    if (!m_sourceJson->hasFocus())
        m_sourceJson->setPlainText(pretty(m_form->source()));
    m_sourceJsonError->clear();
}

// ---------------------------------------------------------------------------------------------
// The model from the tables

void SourceEditor::onEntityItemChanged(QTableWidgetItem *item)
{
    if (m_form->isLoading())
        return;
    const int row = item->row();
    const int col = item->column();
    QJsonObject e = m_form->entityObject(row);
    const QString key = kEntityCellKeys.value(col);
    if (col == ColEnabled) {
        const bool on = item->checkState() == Qt::Checked;
        if (on && !e.contains(key))
            return;
        e.insert(key, on);
    } else {
        const QString text = item->text().trimmed();
        if (col == ColName)
            e.insert(key, text);
        else if (text.isEmpty())
            e.remove(key);
        else
            e.insert(key, text);
    }
    m_form->setEntityObject(row, e);
    if (row == m_form->entityRow()) {
        const QString name = e.value(QStringLiteral("name")).toString();
        const QString table = e.value(QStringLiteral("table")).toString();
        m_entityTitle->setText(tr("Entity \u201c%1\u201d \u2192 table %2").arg(name, table.isEmpty() ? tr("(none)") : table));
    }
}

void SourceEditor::writeColumns()
{
    if (m_form->entityRow() < 0)
        return;
    QJsonObject columns;
    for (int row = 0; row < m_columns->rowCount(); ++row) {
        const QString column = cellText(m_columns, row, 0);
        if (column.isEmpty())
            continue;
        const QString field = cellText(m_columns, row, 1);
        const QString type = cellText(m_columns, row, 2);
        const bool required = cellChecked(m_columns, row, 3);
        const QJsonValue original = m_columns->item(row, 0)->data(Qt::UserRole).value<QJsonValue>();
        // The short form stays short when it still says everything; otherwise the object form,
        // keeping what the entry said explicitly.
        if (original.isString() && (type.isEmpty() || type == QLatin1String("string")) && !required) {
            columns.insert(column, field);
            continue;
        }
        QJsonObject o = original.toObject();
        o.insert(QStringLiteral("field"), field);
        if (type.isEmpty() || (type == QLatin1String("string") && !o.contains(QStringLiteral("type"))))
            o.remove(QStringLiteral("type"));
        else
            o.insert(QStringLiteral("type"), type);
        if (required)
            o.insert(QStringLiteral("required"), true);
        else if (o.contains(QStringLiteral("required")))
            o.insert(QStringLiteral("required"), false);
        columns.insert(column, o);
    }
    m_form->setEntityValue(QStringLiteral("columns"), columns);
    // The modification time column is chosen among the timestamp columns.
    m_form->beginLoading();
    const QString updated = m_updatedColumn->currentText();
    m_updatedColumn->clear();
    m_updatedColumn->addItem(QString());
    for (auto it = columns.constBegin(); it != columns.constEnd(); ++it) {
        if (it->toObject().value(QStringLiteral("type")).toString() == QLatin1String("timestamp"))
            m_updatedColumn->addItem(it.key());
    }
    m_updatedColumn->setCurrentText(updated);
    m_form->endLoading();
}

void SourceEditor::writeReferences()
{
    if (m_form->entityRow() < 0)
        return;
    QJsonObject refs;
    for (int row = 0; row < m_references->rowCount(); ++row) {
        const QString column = cellText(m_references, row, 0);
        if (column.isEmpty())
            continue;
        QJsonObject o = m_references->item(row, 0)->data(Qt::UserRole).value<QJsonValue>().toObject();
        o.insert(QStringLiteral("entity"), cellText(m_references, row, 1));
        o.insert(QStringLiteral("field"), cellText(m_references, row, 2));
        if (cellChecked(m_references, row, 3))
            o.insert(QStringLiteral("nullable"), true);
        else if (o.contains(QStringLiteral("nullable")))
            o.insert(QStringLiteral("nullable"), false);
        refs.insert(column, o);
    }
    setEntityTable(QStringLiteral("references"), refs);
}

void SourceEditor::setEntityTable(const QString &key, const QJsonObject &table)
{
    // An empty table is not written unless the key was there already: the file keeps its shape.
    const bool had = m_form->entityObject(m_form->entityRow()).contains(key);
    m_form->setEntityValue(key, table.isEmpty() && !had ? QJsonValue(QJsonValue::Undefined) : QJsonValue(table));
}

void SourceEditor::writeDefaults()
{
    if (m_form->entityRow() < 0)
        return;
    QJsonObject defaults;
    for (int row = 0; row < m_defaults->rowCount(); ++row) {
        const QString column = cellText(m_defaults, row, 0);
        if (column.isEmpty())
            continue;
        const QString text = m_defaults->item(row, 1) ? m_defaults->item(row, 1)->text() : QString();
        const QString kind = cellText(m_defaults, row, 2);
        QJsonValue v(text);
        if (kind == QLatin1String("null")) {
            v = QJsonValue(QJsonValue::Null);
        } else if (kind == QLatin1String("boolean")) {
            v = text.trimmed() == QLatin1String("true") || text.trimmed() == QLatin1String("1");
        } else if (kind == QLatin1String("number")) {
            bool ok = false;
            const double d = text.trimmed().toDouble(&ok);
            if (ok) // otherwise kept as text; localProblems() names it
                v = d;
        }
        defaults.insert(column, v);
    }
    setEntityTable(QStringLiteral("defaults"), defaults);
}

void SourceEditor::writeFieldPolicies()
{
    if (m_form->entityRow() < 0)
        return;
    QJsonObject policies;
    for (int row = 0; row < m_fieldPolicies->rowCount(); ++row) {
        const QString column = cellText(m_fieldPolicies, row, 0);
        if (!column.isEmpty())
            policies.insert(column, cellText(m_fieldPolicies, row, 1));
    }
    setEntityTable(QStringLiteral("field_policies"), policies);
}

void SourceEditor::addEntity()
{
    QJsonArray entities = m_form->source().value(QStringLiteral("entities")).toArray();
    QString name = QStringLiteral("items");
    for (int n = 2; entityNames().contains(name); ++n)
        name = QStringLiteral("items%1").arg(n);
    QJsonObject e{{QStringLiteral("name"), name}, {QStringLiteral("table"), QString()}, {QStringLiteral("columns"), QJsonObject()}};
    if (const SourceTypePages *pages = pagesFor(m_form->sourceType())) {
        const QJsonObject defaults = pages->newEntityDefaults(name);
        for (auto it = defaults.constBegin(); it != defaults.constEnd(); ++it)
            e.insert(it.key(), it.value());
    }
    entities.append(e);
    m_form->setValue(QStringLiteral("entities"), entities);
    loadEntities();
    showEntityRow(int(entities.size()) - 1);
}

void SourceEditor::showEntityRow(int row)
{
    // Selecting the row the table already has current emits nothing: load the detail here.
    m_entities->setCurrentCell(row, 0);
    if (m_form->entityRow() != row) {
        m_form->setEntityRow(row);
        loadEntityDetail();
        showProblems();
    }
}

void SourceEditor::removeEntity()
{
    const int row = m_entities->currentRow();
    if (row < 0)
        return;
    QJsonArray entities = m_form->source().value(QStringLiteral("entities")).toArray();
    entities.removeAt(row);
    m_form->setEntityRow(-1);
    m_form->setValue(QStringLiteral("entities"), entities);
    loadEntities();
    showEntityRow(entities.isEmpty() ? -1 : qMin(row, int(entities.size()) - 1));
}

void SourceEditor::moveEntity(int delta)
{
    const int row = m_entities->currentRow();
    QJsonArray entities = m_form->source().value(QStringLiteral("entities")).toArray();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= entities.size())
        return;
    const QJsonValue moving = entities.at(row);
    entities.replace(row, entities.at(target));
    entities.replace(target, moving);
    m_form->setEntityRow(-1);
    m_form->setValue(QStringLiteral("entities"), entities);
    loadEntities();
    showEntityRow(target);
}

// ---------------------------------------------------------------------------------------------
// Problems

void SourceEditor::scheduleValidation()
{
    m_validateTimer->start();
}

QList<ConfigProblem> SourceEditor::localProblems() const
{
    // What the JSON cannot show: rows a table holds that an object cannot (the same column
    // twice), values typed in the wrong kind, a secret chosen for the file but never typed.
    QList<ConfigProblem> out;
    const QString prefix = QStringLiteral("sources.%1.").arg(sourceName());
    if (m_form->entityRow() >= 0) {
        const QString entity = prefix + QStringLiteral("entities.%1.").arg(currentEntity());
        // `filled`: the columns that mean a row was started (not those with a preset value).
        auto duplicates = [&](const QTableWidget *table, const QString &key, const QList<int> &filled) {
            QSet<QString> seen;
            for (int row = 0; row < table->rowCount(); ++row) {
                const QString column = cellText(table, row, 0);
                if (column.isEmpty()) {
                    bool started = false;
                    for (int c : filled)
                        started = started || !cellText(table, row, c).isEmpty();
                    if (started)
                        out.append({entity + key, tr("row %1: choose the target column").arg(row + 1)});
                    continue;
                }
                if (seen.contains(column))
                    out.append({entity + key + QLatin1Char('.') + column, tr("the column is in this table twice")});
                seen.insert(column);
            }
        };
        duplicates(m_columns, QStringLiteral("columns"), {1});
        duplicates(m_references, QStringLiteral("references"), {1, 2});
        duplicates(m_defaults, QStringLiteral("defaults"), {1});
        duplicates(m_fieldPolicies, QStringLiteral("field_policies"), {});
        for (int row = 0; row < m_defaults->rowCount(); ++row) {
            if (cellText(m_defaults, row, 2) != QLatin1String("number") || cellText(m_defaults, row, 0).isEmpty())
                continue;
            bool ok = false;
            cellText(m_defaults, row, 1).toDouble(&ok);
            if (!ok)
                out.append({entity + QStringLiteral("defaults.") + cellText(m_defaults, row, 0),
                            tr("\"%1\" is not a number").arg(cellText(m_defaults, row, 1))});
        }
    }
    if (const SourceTypePages *pages = pagesFor(m_form->sourceType()))
        out += pages->localProblems();
    return out;
}

void SourceEditor::validateNow()
{
    m_validateTimer->stop();
    const QJsonObject root = candidateRoot();
    Config config;
    QStringList lines;
    bool ok = m_document ? m_document->toConfig(root, &config, &lines) : Config::fromJson(root, QString(), &config, &lines);
    // The schema is that of the main database the workspace has open, when this file names it.
    Database *db = m_workspace ? m_workspace->database() : nullptr;
    if (ok && db
        && QFileInfo(m_workspace->config().databasePath()).absoluteFilePath() == QFileInfo(config.databasePath()).absoluteFilePath())
        lines += checkSchema(*db, config);
    m_problems.clear();
    m_otherProblems.clear();
    for (const QString &line : std::as_const(lines)) {
        const ConfigProblem p = ConfigProblem::fromLine(line);
        QString relative;
        if (relativeKey(p.keyPath, &relative))
            m_problems.append(p);
        else
            m_otherProblems.append(p);
    }
    m_localProblems = localProblems();
    m_problems += m_localProblems;
    showProblems();
    m_saveButton->setEnabled(m_problems.isEmpty());
    m_testButton->setEnabled(m_problems.isEmpty());
    m_schedulePreview->setText(schedulePreview());
    Q_EMIT validated(m_problems.isEmpty());
}

bool SourceEditor::relativeKey(const QString &keyPath, QString *relative) const
{
    const QString name = QStringLiteral("sources.") + sourceName();
    if (keyPath == name) {
        *relative = QString();
        return true;
    }
    if (keyPath.startsWith(name + QLatin1Char('.'))) {
        *relative = keyPath.mid(name.size() + 1);
        return true;
    }
    // A source without a usable name is reported by position.
    const QJsonArray sources = candidateRoot().value(QStringLiteral("sources")).toArray();
    for (int i = 0; i < sources.size(); ++i) {
        if (sources.at(i).toObject() != m_form->source())
            continue;
        const QString indexed = QStringLiteral("sources[%1]").arg(i);
        if (keyPath == indexed || keyPath.startsWith(indexed + QLatin1Char('.'))) {
            *relative = keyPath.mid(qMin(keyPath.size(), indexed.size() + 1));
            return true;
        }
    }
    return false;
}

QString SourceEditor::entityNamedIn(const QString &relative, QString *below) const
{
    if (!relative.startsWith(QStringLiteral("entities.")))
        return {};
    // The longest name that matches, should one name be another followed by a dot.
    const QString path = relative.mid(9);
    QString entity;
    for (const QString &n : entityNames()) {
        if ((path == n || path.startsWith(n + QLatin1Char('.'))) && n.size() > entity.size())
            entity = n;
    }
    if (below)
        *below = entity.isEmpty() ? QString() : path.mid(entity.size() + 1);
    return entity;
}

QString SourceEditor::fieldKeyFor(const QString &relative, QString *effective) const
{
    QString key = relative;
    if (effective)
        *effective = relative;
    if (relative.isEmpty())
        return QStringLiteral("name");
    if (relative == QLatin1String("entities") || relative.startsWith(QStringLiteral("entities."))) {
        QString sub;
        const QString entity = entityNamedIn(relative, &sub);
        if (entity.isEmpty())
            return QStringLiteral("entities");
        if (entity != currentEntity() || sub.isEmpty() || kEntityCellKeys.contains(sub.section(QLatin1Char('.'), 0, 0)))
            return QStringLiteral("entities");
        key = QStringLiteral("entity.") + sub;
    }
    if (effective)
        *effective = key;
    QString best;
    for (const EditorForm::Field &f : m_form->fields()) {
        if ((key == f.key || key.startsWith(f.key + QLatin1Char('.')) || key.startsWith(f.key + QLatin1Char('[')))
            && f.key.size() > best.size())
            best = f.key;
    }
    return best;
}

const EditorForm::Field *SourceEditor::fieldFor(const QString &relative) const
{
    const QString key = fieldKeyFor(relative);
    for (const EditorForm::Field &f : m_form->fields()) {
        if (f.key == key)
            return &f;
    }
    return nullptr;
}

void SourceEditor::decorate(QTableWidget *table, int row, int column, const QString &problem)
{
    if (row < 0 || row >= table->rowCount())
        return;
    QTableWidgetItem *item = table->item(row, column);
    if (!item) {
        item = textItem(QString());
        table->setItem(row, column, item);
    }
    item->setBackground(StatusColors::background(StatusColors::Status::Error));
    const QString tip = item->toolTip();
    item->setToolTip(tip.isEmpty() ? problem : tip + QLatin1Char('\n') + problem);
}

void SourceEditor::clearDecorations(QTableWidget *table)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        for (int col = 0; col < table->columnCount(); ++col) {
            if (QTableWidgetItem *item = table->item(row, col)) {
                item->setBackground(QBrush());
                item->setToolTip(QString());
            }
        }
    }
}

void SourceEditor::showProblems()
{
    m_form->beginLoading();
    for (const EditorForm::Field &f : std::as_const(m_form->fields())) {
        f.error->clear();
        f.error->hide();
    }
    for (QTableWidget *t : {m_entities, m_columns, m_references, m_defaults, m_fieldPolicies})
        clearDecorations(t);

    QHash<QString, QStringList> byField;
    const QStringList names = entityNames();
    for (const ConfigProblem &p : std::as_const(m_problems)) {
        QString relative;
        relativeKey(p.keyPath, &relative);
        QString effective;
        const QString fieldKey = fieldKeyFor(relative, &effective);
        if (!fieldKey.isEmpty()) {
            // Next to a plain field its message is enough; next to a table or a group, say which
            // key below it ("email.type: ...", "users.table: ...").
            QString sub = effective.startsWith(fieldKey) ? effective.mid(fieldKey.size()) : QString();
            while (sub.startsWith(QLatin1Char('.')))
                sub.remove(0, 1);
            byField[fieldKey].append(sub.isEmpty() ? p.message : sub + QStringLiteral(": ") + p.message);
        }
        // The cells of the entity and, for the selected entity, the rows of its tables.
        QString below;
        const int row = int(names.indexOf(entityNamedIn(relative, &below)));
        if (row < 0)
            continue;
        const QStringList sub = below.split(QLatin1Char('.'));
        const int cell = int(kEntityCellKeys.indexOf(sub.value(0)));
        decorate(m_entities, row, cell >= 0 ? cell : ColName, p.line());
        if (row != m_form->entityRow() || sub.size() < 2)
            continue;
        const QString column = sub.value(1);
        auto decorateRow = [&](QTableWidget *table, const QHash<QString, int> &keyColumns) {
            for (int r = 0; r < table->rowCount(); ++r) {
                if (cellText(table, r, 0) == column)
                    decorate(table, r, keyColumns.value(sub.value(2), 0), p.message);
            }
        };
        if (sub.value(0) == QLatin1String("columns"))
            decorateRow(m_columns, {{QStringLiteral("field"), 1}, {QStringLiteral("type"), 2}, {QStringLiteral("required"), 3}});
        else if (sub.value(0) == QLatin1String("references"))
            decorateRow(m_references, {{QStringLiteral("entity"), 1}, {QStringLiteral("field"), 2}, {QStringLiteral("nullable"), 3}});
        else if (sub.value(0) == QLatin1String("defaults"))
            decorateRow(m_defaults, {});
        else if (sub.value(0) == QLatin1String("field_policies"))
            decorateRow(m_fieldPolicies, {});
    }
    for (const EditorForm::Field &f : std::as_const(m_form->fields())) {
        const QStringList lines = byField.value(f.key);
        if (!lines.isEmpty()) {
            f.error->setText(lines.join(QLatin1Char('\n')));
            f.error->show();
        }
    }

    m_problemList->clear();
    for (const ConfigProblem &p : std::as_const(m_problems)) {
        auto *item = new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxCritical), p.line(), m_problemList);
        QString relative;
        relativeKey(p.keyPath, &relative);
        item->setData(Qt::UserRole, relative);
        item->setData(Qt::UserRole + 1, true);
    }
    for (const ConfigProblem &p : std::as_const(m_otherProblems)) {
        auto *item = new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxWarning),
                                         tr("Elsewhere in the file: %1").arg(p.line()), m_problemList);
        item->setData(Qt::UserRole + 1, false);
    }
    m_problemList->setVisible(m_problemList->count() > 0);
    if (m_problems.isEmpty())
        m_summary->setText(m_otherProblems.isEmpty() ? tr("No problems: the source can be saved and tested.")
                                                     : tr("This source has no problems; the rest of the file has some (listed below)."));
    else
        m_summary->setText(tr("%n problem(s) to fix before saving; each is shown next to its field.", "", int(m_problems.size())));
    m_form->endLoading();
}

void SourceEditor::focusProblem(const QString &relative)
{
    const QString entity = entityNamedIn(relative);
    if (!entity.isEmpty() && entity != currentEntity())
        selectEntity(entity);
    const EditorForm::Field *f = fieldFor(relative);
    if (!f)
        return;
    // The pages that hold the field, whoever built them.
    for (QTabWidget *tabs : {m_tabs, m_entityTabs}) {
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->widget(i)->isAncestorOf(f->input))
                tabs->setCurrentIndex(i);
        }
    }
    f->input->setFocus();
}

QString SourceEditor::errorShownFor(const QString &objectName) const
{
    for (const EditorForm::Field &f : m_form->fields()) {
        if (f.input->objectName() == objectName || f.error->objectName() == objectName + QStringLiteral("Error"))
            return f.error->isHidden() ? QString() : f.error->text();
    }
    return {};
}

QStringList SourceEditor::tables() const
{
    return m_workspace ? m_workspace->tables() : QStringList();
}

QStringList SourceEditor::columnsOf(const QString &table) const
{
    return m_workspace && !table.isEmpty() ? m_workspace->columns(table) : QStringList();
}

QStringList SourceEditor::mappedColumns() const
{
    const QJsonObject e = m_form->entityRow() >= 0 ? m_form->entityObject(m_form->entityRow()) : QJsonObject();
    return e.value(QStringLiteral("columns")).toObject().keys() + e.value(QStringLiteral("references")).toObject().keys();
}

// ---------------------------------------------------------------------------------------------
// Saving and testing

bool SourceEditor::save(QString *error)
{
    QString why;
    validateNow();
    if (!isValid()) {
        why = tr("The source has problems; each is shown next to its field.");
    } else if (!m_document) {
        why = tr("No configuration to save into.");
    } else {
        if (SourceTypePages *pages = pagesFor(m_form->sourceType()))
            pages->beforeSave();
        const bool applied = m_isNew ? m_document->addSource(m_form->source(), &why) : m_document->setSource(m_originalName, m_form->source(), &why);
        if (applied) {
            m_isNew = false;
            m_originalName = sourceName();
            if (m_saveOnAccept && !m_document->filePath().isEmpty())
                m_document->save(&why);
        }
    }
    if (SourceTypePages *pages = pagesFor(m_form->sourceType()))
        pages->afterSave();
    validateNow();
    if (!why.isEmpty()) {
        m_summary->setText(why);
        if (error)
            *error = why;
        return false;
    }
    setWindowTitle(tr("Source %1").arg(sourceName()));
    Q_EMIT sourceSaved(sourceName());
    return true;
}

void SourceEditor::accept()
{
    if (save())
        QDialog::accept();
}

void SourceEditor::reject()
{
    if (hasChanges()) {
        const QString name = sourceName().isEmpty() ? tr("the new source") : sourceName();
        const auto answer = QMessageBox::question(this, tr("Discard changes?"),
                                                  m_isNew ? tr("%1 has not been saved. Discard it?").arg(name)
                                                          : tr("The changes to %1 are not saved. Discard them?").arg(name),
                                                  QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return; // the editor stays open, with the edits
    }
    QDialog::reject();
}

ConnectionTestDialog *SourceEditor::testConnection(QString *error)
{
    QString why;
    validateNow();
    if (!isValid())
        why = tr("Fix the problems first; each is shown next to its field.");
    // What the type keeps outside the JSON (a secret typed for the credentials file) must be
    // there for the source to read it.
    SourceTypePages *pages = pagesFor(m_form->sourceType());
    if (why.isEmpty() && pages)
        pages->beforeTest(&why);
    Config config;
    if (why.isEmpty()) {
        // Only this source: problems elsewhere in the file do not stop its test.
        const QJsonObject root{{QStringLiteral("database"), m_document ? m_document->database() : QJsonObject()},
                               {QStringLiteral("sources"), QJsonArray{m_form->source()}}};
        QStringList lines;
        const bool ok = m_document ? m_document->toConfig(root, &config, &lines) : Config::fromJson(root, QString(), &config, &lines);
        if (!ok)
            why = lines.join(QLatin1Char('\n'));
    }
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return nullptr;
    }
    auto *dialog = new ConnectionTestDialog(config, sourceName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace Tributary::Gui

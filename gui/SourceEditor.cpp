#include "SourceEditor.h"

#include "ConnectionTestDialog.h"
#include "StatusColors.h"
#include "Workspace.h"

#include "config/Config.h"
#include "engine/SourceRegistry.h"
#include "rest/RestConfig.h"
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
// The choices the core and the REST source accept, read from them (never copied here), when
// the editor is built (not during static initialisation, whose order across files is unknown).
QStringList policyChoices() { return ConfigVocabulary::conflictPolicies(); }
QStringList deleteModeChoices() { return ConfigVocabulary::deleteModes(); }
QStringList columnTypeChoices() { return ConfigVocabulary::columnTypes(); }
QStringList styleChoices() { return RestConfig::paginationStyles(); }
QStringList formatChoices() { return RestConfig::incrementalFormats(); }
const QStringList kDefaultKinds = {QStringLiteral("string"), QStringLiteral("number"), QStringLiteral("boolean"),
                                   QStringLiteral("null")};
// Pagination keys that only one style reads; the others apply to every style.
const QHash<QString, QStringList> kStyleKeys = {
    {QStringLiteral("page"), {QStringLiteral("page_param"), QStringLiteral("first_page"), QStringLiteral("last_page_path")}},
    {QStringLiteral("offset"), {QStringLiteral("offset_param"), QStringLiteral("limit_param")}},
    {QStringLiteral("cursor"), {QStringLiteral("cursor_param"), QStringLiteral("next_cursor_path")}},
    {QStringLiteral("next_url"), {QStringLiteral("next_url_path")}},
};

QJsonValue valueAt(const QJsonObject &o, const QString &path)
{
    QJsonValue v = o;
    for (const QString &part : path.split(QLatin1Char('.'))) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(part);
    }
    return v;
}

// `o` with the value at `parts[i..]` set, or removed when `v` is undefined (parents emptied by
// the removal go too).
QJsonObject withValue(const QJsonObject &o, const QStringList &parts, int i, const QJsonValue &v)
{
    QJsonObject out = o;
    const QString &k = parts.at(i);
    if (i == parts.size() - 1) {
        if (v.isUndefined())
            out.remove(k);
        else
            out.insert(k, v);
        return out;
    }
    const QJsonValue child = o.value(k);
    if (v.isUndefined() && !child.isObject())
        return out;
    const QJsonObject c = withValue(child.toObject(), parts, i + 1, v);
    if (c.isEmpty() && v.isUndefined())
        out.remove(k);
    else
        out.insert(k, c);
    return out;
}

QString scalarText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

// Query parameters as one line, "sort=updated_at&fields=id,updated_at".
QString paramsToText(const QJsonObject &o)
{
    QStringList parts;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        parts.append(it.key() + QLatin1Char('=') + scalarText(it.value()));
    return parts.join(QLatin1Char('&'));
}

QJsonObject textToParams(const QString &text)
{
    QJsonObject o;
    for (const QString &part : text.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        const QString key = (eq < 0 ? part : part.left(eq)).trimmed();
        if (!key.isEmpty())
            o.insert(key, eq < 0 ? QString() : part.mid(eq + 1).trimmed());
    }
    return o;
}

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

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_buildingTab = 0;
    m_tabs->addTab(buildGeneralTab(), tr("General"));
    m_buildingTab = 1;
    m_tabs->addTab(buildConnectionTab(), tr("Connection"));
    m_buildingTab = 2;
    m_tabs->addTab(buildPaginationTab(), tr("Pagination && incremental"));
    m_buildingTab = 3;
    m_tabs->addTab(buildEntitiesTab(), tr("Entities"));
    m_buildingTab = SchedulePage;
    m_tabs->addTab(buildScheduleTab(), tr("Schedule"));
    m_buildingTab = JsonPage;
    m_tabs->addTab(buildJsonTab(), tr("JSON"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == JsonPage)
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

QWidget *SourceEditor::wrap(QWidget *input, const QString &key, QFormLayout *form)
{
    auto *container = new QWidget(this);
    auto *v = new QVBoxLayout(container);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(input);
    container->setFocusProxy(input); // for the accelerator of its label
    auto *error = new QLabel(container);
    error->setObjectName(input->objectName() + QStringLiteral("Error"));
    error->setWordWrap(true);
    StatusColors::setTextStatus(error, StatusColors::Status::Error);
    error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error->hide();
    v->addWidget(error);
    Field f;
    f.key = key;
    f.input = input;
    f.error = error;
    f.container = container;
    f.form = form;
    f.tab = m_buildingTab;
    f.entityTab = m_buildingEntityTab;
    m_fields.append(f);
    return container;
}

QLineEdit *SourceEditor::lineField(QFormLayout *form, const QString &label, const QString &name, const QString &key,
                                   const QString &placeholder)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    form->addRow(label, wrap(edit, key, form));
    m_loaders.append([this, edit, key] { edit->setText(scalarText(valueAt(m_source, key))); });
    connect(edit, &QLineEdit::textChanged, this, [this, key](const QString &text) {
        if (m_loading)
            return;
        setValue(key, text.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(text));
    });
    return edit;
}

QWidget *SourceEditor::spinField(QFormLayout *form, const QString &label, const QString &name, const QString &key, int min,
                                 int max, int def)
{
    auto *spin = new QSpinBox(this);
    spin->setObjectName(name);
    spin->setRange(min, max);
    spin->setToolTip(tr("Default: %1").arg(def));
    form->addRow(label, wrap(spin, key, form));
    m_loaders.append([this, spin, key, def] {
        const QJsonValue v = valueAt(m_source, key);
        spin->setValue(v.isDouble() ? int(v.toDouble()) : def);
    });
    connect(spin, &QSpinBox::valueChanged, this, [this, key](int value) {
        if (!m_loading)
            setValue(key, value);
    });
    return spin;
}

QWidget *SourceEditor::doubleField(QFormLayout *form, const QString &label, const QString &name, const QString &key,
                                   double min, double max, double def, int decimals)
{
    auto *spin = new QDoubleSpinBox(this);
    spin->setObjectName(name);
    spin->setRange(min, max);
    spin->setDecimals(decimals);
    spin->setSingleStep(decimals > 0 ? 0.05 : 1);
    spin->setToolTip(tr("Default: %1").arg(def));
    form->addRow(label, wrap(spin, key, form));
    m_loaders.append([this, spin, key, def] {
        const QJsonValue v = valueAt(m_source, key);
        spin->setValue(v.isDouble() ? v.toDouble() : def);
    });
    connect(spin, &QDoubleSpinBox::valueChanged, this, [this, key](double value) {
        if (!m_loading)
            setValue(key, value);
    });
    return spin;
}

QComboBox *SourceEditor::comboField(QFormLayout *form, const QString &label, const QString &name, const QString &key,
                                    const QStringList &values, const QString &def)
{
    auto *combo = new QComboBox(this);
    combo->setObjectName(name);
    for (const QString &v : values)
        combo->addItem(v == def ? tr("%1 (default)").arg(v) : v, v);
    form->addRow(label, wrap(combo, key, form));
    m_loaders.append([this, combo, key, def] {
        const QJsonValue v = valueAt(m_source, key);
        const QString value = v.isUndefined() ? def : scalarText(v);
        int i = combo->findData(value);
        if (i < 0) {
            // Shown as it is, so that the problem next to it makes sense.
            combo->addItem(value, value);
            i = combo->count() - 1;
        }
        combo->setCurrentIndex(i);
    });
    connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, key](int) {
        if (!m_loading)
            setValue(key, combo->currentData().toString());
    });
    return combo;
}

QCheckBox *SourceEditor::checkField(QFormLayout *form, const QString &text, const QString &name, const QString &key, bool def)
{
    auto *check = new QCheckBox(text, this);
    check->setObjectName(name);
    form->addRow(QString(), wrap(check, key, form));
    m_loaders.append([this, check, key, def] {
        const QJsonValue v = valueAt(m_source, key);
        check->setChecked(v.isBool() ? v.toBool() : def);
    });
    connect(check, &QCheckBox::toggled, this, [this, key](bool on) {
        if (!m_loading)
            setValue(key, on);
    });
    return check;
}

QLineEdit *SourceEditor::paramsField(QFormLayout *form, const QString &label, const QString &name, const QString &key)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setPlaceholderText(tr("name=value&name=value"));
    form->addRow(label, wrap(edit, key, form));
    m_loaders.append([this, edit, key] { edit->setText(paramsToText(valueAt(m_source, key).toObject())); });
    connect(edit, &QLineEdit::textChanged, this, [this, key](const QString &text) {
        if (m_loading)
            return;
        setValue(key, text.trimmed().isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(textToParams(text)));
    });
    return edit;
}

namespace {

// The units a duration is shown in, largest first, in seconds.
const int kUnitSeconds[] = {86400, 3600, 60, 1};

int largestUnit(qint64 seconds)
{
    for (int unit : kUnitSeconds) {
        if (seconds >= unit && seconds % unit == 0)
            return unit;
    }
    return 1;
}

} // namespace

QString SourceEditor::everyText(qint64 seconds)
{
    const int unit = largestUnit(seconds);
    const int n = int(seconds / unit);
    switch (unit) {
    case 86400:
        return n == 1 ? tr("every day") : tr("every %Ln day(s)", "", n);
    case 3600:
        return n == 1 ? tr("every hour") : tr("every %Ln hour(s)", "", n);
    case 60:
        return n == 1 ? tr("every minute") : tr("every %Ln minute(s)", "", n);
    default:
        return n == 1 ? tr("every second") : tr("every %Ln second(s)", "", n);
    }
}

QWidget *SourceEditor::durationField(QFormLayout *form, const QString &label, const QString &name, const QString &key, int def,
                                     const QString &offText)
{
    auto *box = new QWidget(this);
    box->setObjectName(name);
    auto *h = new QHBoxLayout(box);
    h->setContentsMargins(0, 0, 0, 0);
    QCheckBox *on = nullptr;
    if (!offText.isEmpty()) {
        on = new QCheckBox(offText, box);
        on->setObjectName(name + QStringLiteral("On"));
        h->addWidget(on);
    }
    auto *spin = new QSpinBox(box);
    spin->setObjectName(name + QStringLiteral("Value"));
    // Wider than the core accepts in some units: the core's own message says the limit.
    spin->setRange(1, 9999);
    auto *unit = new QComboBox(box);
    unit->setObjectName(name + QStringLiteral("Unit"));
    unit->addItem(tr("days"), 86400);
    unit->addItem(tr("hours"), 3600);
    unit->addItem(tr("minutes"), 60);
    unit->addItem(tr("seconds"), 1);
    h->addWidget(spin);
    h->addWidget(unit);
    h->addStretch(1);
    box->setFocusProxy(on ? static_cast<QWidget *>(on) : spin);
    box->setToolTip(tr("Default: %1").arg(everyText(def)));
    form->addRow(label, wrap(box, key, form));

    auto enable = [on, spin, unit] {
        const bool enabled = !on || on->isChecked();
        spin->setEnabled(enabled);
        unit->setEnabled(enabled);
    };
    m_loaders.append([this, key, def, on, spin, unit, enable] {
        const QJsonValue v = valueAt(m_source, key);
        const qint64 seconds = v.isDouble() ? qint64(v.toDouble()) : def;
        if (on)
            on->setChecked(seconds != 0);
        // Off shows the default, ready to be turned on; a value the core refuses is shown as is.
        const qint64 shown = seconds > 0 ? seconds : def;
        const int u = largestUnit(shown);
        unit->setCurrentIndex(unit->findData(u));
        spin->setValue(int(qBound(qint64(1), shown / u, qint64(9999))));
        enable();
    });
    auto write = [this, key, def, on, spin, unit, enable] {
        if (m_loading)
            return;
        enable();
        const qint64 seconds = !on || on->isChecked() ? qint64(spin->value()) * unit->currentData().toInt() : 0;
        setValue(key, seconds == def ? QJsonValue(QJsonValue::Undefined) : QJsonValue(seconds));
    };
    connect(spin, &QSpinBox::valueChanged, this, write);
    connect(unit, &QComboBox::currentIndexChanged, this, write);
    if (on)
        connect(on, &QCheckBox::toggled, this, write);
    return box;
}

QWidget *SourceEditor::buildScheduleTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout;
    // The core's defaults (never copied here): a key left at its default is not written.
    const ScheduleConfig defaults;

    QWidget *interval = durationField(form, tr("&Incremental sync every:"), QStringLiteral("scheduleInterval"),
                                      QStringLiteral("schedule.interval_seconds"), defaults.intervalSeconds);
    interval->setToolTip(tr("tributaryd serve asks the source for what changed this often. At start every source syncs at once.")
                         + QLatin1Char('\n') + interval->toolTip());
    QWidget *reconcile = durationField(form, tr("&Reconciliation:"), QStringLiteral("reconcileInterval"),
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
    form->addRow(tr("&Vary each wait by up to:"), wrap(jitter, QStringLiteral("schedule.jitter_share"), form));
    m_loaders.append([this, jitter, defaults] {
        const QJsonValue v = valueAt(m_source, QStringLiteral("schedule.jitter_share"));
        jitter->setValue((v.isDouble() ? v.toDouble() : defaults.jitterShare) * 100);
    });
    connect(jitter, &QDoubleSpinBox::valueChanged, this, [this, defaults](double percent) {
        if (m_loading)
            return;
        // In tenths of a percent, so that 15 % is written 0.15 and not 0.15000000000000002.
        const double share = std::round(percent * 10) / 1000.0;
        setValue(QStringLiteral("schedule.jitter_share"),
                 qFuzzyCompare(share + 1, defaults.jitterShare + 1) ? QJsonValue(QJsonValue::Undefined) : QJsonValue(share));
    });

    auto *missed = new QCheckBox(tr("Reconcile at once when a sync finds &missed deletes"), this);
    missed->setObjectName(QStringLiteral("reconcileOnMissedDeletes"));
    missed->setToolTip(tr("After each scheduled sync, ask the source how many records each entity has (one count request "
                          "per entity). More links than records means deletes were missed (lost webhooks): reconcile right "
                          "after that sync. Without scheduled reconciliations only a warning is logged."));
    form->addRow(QString(), wrap(missed, QStringLiteral("schedule.reconcile_on_missed_deletes"), form));
    m_loaders.append([this, missed, defaults] {
        const QJsonValue v = valueAt(m_source, QStringLiteral("schedule.reconcile_on_missed_deletes"));
        missed->setChecked(v.isBool() ? v.toBool() : defaults.reconcileOnMissedDeletes);
    });
    connect(missed, &QCheckBox::toggled, this, [this, defaults](bool on) {
        if (!m_loading)
            setValue(QStringLiteral("schedule.reconcile_on_missed_deletes"),
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

QTableWidget *SourceEditor::makeTable(const QString &name, const QStringList &headers)
{
    auto *table = new QTableWidget(0, int(headers.size()), this);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed
                           | QAbstractItemView::SelectedClicked);
    return table;
}

QWidget *SourceEditor::buildGeneralTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout;

    m_name = lineField(form, tr("Name:"), QStringLiteral("name"), QStringLiteral("name"), tr("letters, digits, - and _"));
    m_name->setToolTip(tr("Keys all of the source's state: renaming a source starts it from scratch."));
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        setWindowTitle(tr("Source %1").arg(sourceName()));
    });
    QStringList types = SourceRegistry::types();
    if (types.isEmpty())
        types.append(QStringLiteral("rest"));
    m_type = comboField(form, tr("Type:"), QStringLiteral("sourceType"), QStringLiteral("type"), types, QString());
    connect(m_type, &QComboBox::currentIndexChanged, this, &SourceEditor::updateVisibility);
    checkField(form, tr("Enabled (sync and verify it)"), QStringLiteral("enabled"), QStringLiteral("enabled"), true);

    m_startFrom = comboField(form, tr("Start from:"), QStringLiteral("startFrom"), QStringLiteral("start.from"),
                             {QStringLiteral("beginning"), QStringLiteral("now"), QStringLiteral("date")}, QStringLiteral("beginning"));
    m_startFrom->setToolTip(tr("Where a new source starts: all history, only what changes from now on, or what changed since a date."));
    m_startDate = lineField(form, tr("Start date:"), QStringLiteral("startDate"), QStringLiteral("start.date"),
                            QStringLiteral("2026-01-31T00:00:00Z"));
    connect(m_startFrom, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading && m_startFrom->currentData().toString() != QLatin1String("date"))
            setValue(QStringLiteral("start.date"), QJsonValue(QJsonValue::Undefined));
        updateVisibility();
    });
    spinField(form, tr("Overlap (seconds):"), QStringLiteral("overlapSeconds"), QStringLiteral("overlap_seconds"), 0, 604800, 0);
    doubleField(form, tr("Largest share deleted at once:"), QStringLiteral("maxDeleteShare"), QStringLiteral("max_delete_share"),
                0.0, 1.0, 0.1, 3);
    spinField(form, tr("Priority:"), QStringLiteral("priority"), QStringLiteral("priority"), -1000, 1000, 0);

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
        if (!m_baseUrl->text().trimmed().isEmpty())
            p.baseUrl = m_baseUrl->text().trimmed();
        const bool env = m_secretMode->currentData().toString() == QLatin1String("env");
        if (env && !m_secretEnv->text().trimmed().isEmpty() && m_authType->currentData().toString() != QLatin1String("none"))
            p.tokenEnv = m_secretEnv->text().trimmed();
        else if (kind == SourcePreset::Kind::GenericRest)
            p.tokenEnv.clear();
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

QWidget *SourceEditor::buildConnectionTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout;
    m_baseUrl = lineField(form, tr("Base URL:"), QStringLiteral("baseUrl"), QStringLiteral("rest.base_url"),
                          QStringLiteral("https://api.example.com/v1"));

    m_authType = new QComboBox(this);
    m_authType->setObjectName(QStringLiteral("authType"));
    m_authType->addItem(tr("None"), QStringLiteral("none"));
    m_authType->addItem(tr("Bearer token"), QStringLiteral("bearer"));
    m_authType->addItem(tr("Basic (user name and password)"), QStringLiteral("basic"));
    m_authType->addItem(tr("API key header"), QStringLiteral("api_key"));
    form->addRow(tr("Authentication:"), wrap(m_authType, QStringLiteral("rest.auth.type"), form));
    connect(m_authType, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        writeAuth();
        ++m_loading;
        loadSecret();
        --m_loading;
        updateVisibility();
    });
    m_authHeader = new QLineEdit(this);
    m_authHeader->setObjectName(QStringLiteral("authHeader"));
    m_authHeader->setPlaceholderText(QStringLiteral("X-Api-Key"));
    form->addRow(tr("Header:"), wrap(m_authHeader, QStringLiteral("rest.auth.header"), form));
    m_authUsername = new QLineEdit(this);
    m_authUsername->setObjectName(QStringLiteral("authUsername"));
    form->addRow(tr("User name:"), wrap(m_authUsername, QStringLiteral("rest.auth.username"), form));
    for (QLineEdit *e : {m_authHeader, m_authUsername}) {
        connect(e, &QLineEdit::textChanged, this, [this] {
            if (!m_loading)
                writeAuth();
        });
    }

    // The secret: an environment variable's name, or a value kept in the credentials file.
    auto *secret = new QWidget(this);
    secret->setObjectName(QStringLiteral("secret"));
    auto *secretLayout = new QGridLayout(secret);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    m_secretMode = new QComboBox(secret);
    m_secretMode->setObjectName(QStringLiteral("secretMode"));
    m_secretMode->addItem(tr("Environment variable"), QStringLiteral("env"));
    m_secretMode->addItem(tr("Store in the credentials file"), QStringLiteral("file"));
    m_secretEnv = new QLineEdit(secret);
    m_secretEnv->setObjectName(QStringLiteral("secretEnv"));
    m_secretEnv->setPlaceholderText(QStringLiteral("FORUM_TOKEN"));
    m_secretValueEdit = new QLineEdit(secret);
    m_secretValueEdit->setObjectName(QStringLiteral("secretValue"));
    m_secretValueEdit->setEchoMode(QLineEdit::Password);
    m_secretStatus = new QLabel(secret);
    m_secretStatus->setObjectName(QStringLiteral("secretStatus"));
    m_secretStatus->setWordWrap(true);
    secretLayout->addWidget(m_secretMode, 0, 0);
    secretLayout->addWidget(m_secretEnv, 0, 1);
    secretLayout->addWidget(m_secretValueEdit, 0, 2);
    secretLayout->addWidget(m_secretStatus, 1, 0, 1, 3);
    secretLayout->setColumnStretch(1, 1);
    secretLayout->setColumnStretch(2, 1);
    form->addRow(tr("Secret:"), wrap(secret, QStringLiteral("rest.auth"), form));
    connect(m_secretMode, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        writeAuth();
        ++m_loading;
        loadSecret();
        --m_loading;
        updateVisibility();
    });
    connect(m_secretEnv, &QLineEdit::textChanged, this, [this] {
        if (m_loading)
            return;
        writeAuth();
        ++m_loading;
        loadSecret();
        --m_loading;
    });
    connect(m_secretValueEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (m_loading)
            return;
        m_secretValue = text;
        writeAuth();
        ++m_loading;
        loadSecret();
        --m_loading;
        scheduleValidation(); // the JSON does not change, whether the secret is there does
    });

    m_headers = makeTable(QStringLiteral("headersTable"), {tr("Header"), tr("Value")});
    m_headers->setMaximumHeight(120);
    auto *headerBox = new QWidget(this);
    headerBox->setObjectName(QStringLiteral("headers"));
    auto *hb = new QHBoxLayout(headerBox);
    hb->setContentsMargins(0, 0, 0, 0);
    hb->addWidget(m_headers, 1);
    auto *hbButtons = new QVBoxLayout;
    auto *addHeader = new QPushButton(tr("Add"), headerBox);
    addHeader->setObjectName(QStringLiteral("addHeaderButton"));
    auto *removeHeader = new QPushButton(tr("Remove"), headerBox);
    removeHeader->setObjectName(QStringLiteral("removeHeaderButton"));
    hbButtons->addWidget(addHeader);
    hbButtons->addWidget(removeHeader);
    hbButtons->addStretch(1);
    hb->addLayout(hbButtons);
    form->addRow(tr("Headers:"), wrap(headerBox, QStringLiteral("rest.headers"), form));
    connect(m_headers, &QTableWidget::itemChanged, this, [this] {
        if (!m_loading)
            writeHeaders();
    });
    connect(addHeader, &QPushButton::clicked, this, [this] {
        ++m_loading;
        const int row = m_headers->rowCount();
        m_headers->insertRow(row);
        m_headers->setItem(row, 0, textItem(QString()));
        m_headers->setItem(row, 1, textItem(QString()));
        --m_loading;
        m_headers->setCurrentCell(row, 0);
    });
    connect(removeHeader, &QPushButton::clicked, this, [this] {
        if (m_headers->currentRow() >= 0) {
            m_headers->removeRow(m_headers->currentRow());
            writeHeaders();
        }
    });

    lineField(form, tr("Records at:"), QStringLiteral("recordsPath"), QStringLiteral("rest.records_path"),
              tr("dotted path, e.g. data; empty: the body is the array"));
    lineField(form, tr("Single record at:"), QStringLiteral("recordPath"), QStringLiteral("rest.record_path"),
              tr("dotted path, e.g. data; empty: the body is the record"));
    paramsField(form, tr("Full walk parameters:"), QStringLiteral("fullParams"), QStringLiteral("rest.full_params"));
    paramsField(form, tr("Id scan parameters:"), QStringLiteral("idScanParams"), QStringLiteral("rest.id_scan_params"));

    auto *limits = new QGroupBox(tr("Limits"), this);
    auto *lf = new QFormLayout(limits);
    spinField(lf, tr("Timeout per attempt (ms):"), QStringLiteral("timeoutMs"), QStringLiteral("rest.limits.timeout_ms"), 1, 3600000, 30000);
    spinField(lf, tr("Retries:"), QStringLiteral("maxRetries"), QStringLiteral("rest.limits.max_retries"), 0, 100, 6);
    spinField(lf, tr("First backoff (ms):"), QStringLiteral("backoffMs"), QStringLiteral("rest.limits.backoff_ms"), 0, 3600000, 500);
    spinField(lf, tr("Longest backoff (ms):"), QStringLiteral("maxBackoffMs"), QStringLiteral("rest.limits.max_backoff_ms"), 0, 3600000,
              30000);
    auto *maxBytes = new QLineEdit(this);
    maxBytes->setObjectName(QStringLiteral("maxResponseBytes"));
    maxBytes->setPlaceholderText(QStringLiteral("67108864"));
    lf->addRow(tr("Largest response (bytes):"), wrap(maxBytes, QStringLiteral("rest.limits.max_response_bytes"), lf));
    m_loaders.append([this, maxBytes] { maxBytes->setText(scalarText(valueAt(m_source, QStringLiteral("rest.limits.max_response_bytes")))); });
    connect(maxBytes, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (m_loading)
            return;
        bool ok = false;
        const qlonglong n = text.trimmed().toLongLong(&ok);
        // Not a number: written as typed, so the validator names the problem.
        setValue(QStringLiteral("rest.limits.max_response_bytes"),
                 text.trimmed().isEmpty() ? QJsonValue(QJsonValue::Undefined) : ok ? QJsonValue(double(n)) : QJsonValue(text));
    });
    doubleField(lf, tr("Requests per second (0: no pacing):"), QStringLiteral("requestsPerSecond"),
                QStringLiteral("rest.limits.requests_per_second"), 0, 100000, 0, 2);
    spinField(lf, tr("Requests in flight:"), QStringLiteral("concurrency"), QStringLiteral("rest.limits.concurrency"), 1, 16, 2);

    auto *v = new QVBoxLayout(page);
    v->addLayout(form);
    v->addWidget(limits);
    v->addStretch(1);
    return page;
}

QWidget *SourceEditor::buildPaginationTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout;
    const QString p = QStringLiteral("rest.pagination.");
    m_paginationStyle = comboField(form, tr("Style:"), QStringLiteral("paginationStyle"), p + QStringLiteral("style"), styleChoices(),
                                   QStringLiteral("none"));
    connect(m_paginationStyle, &QComboBox::currentIndexChanged, this, &SourceEditor::updateVisibility);
    auto *pageSize = static_cast<QSpinBox *>(
        spinField(form, tr("Page size:"), QStringLiteral("pageSize"), p + QStringLiteral("page_size"), 0, 1000000, 0));
    pageSize->setSpecialValueText(tr("server's default"));
    lineField(form, tr("Page size parameter:"), QStringLiteral("pageSizeParam"), p + QStringLiteral("page_size_param"), QStringLiteral("per_page"));
    lineField(form, tr("Page parameter:"), QStringLiteral("pageParam"), p + QStringLiteral("page_param"), QStringLiteral("page"));
    spinField(form, tr("First page:"), QStringLiteral("firstPage"), p + QStringLiteral("first_page"), 0, 1000000, 1);
    lineField(form, tr("Last page at:"), QStringLiteral("lastPagePath"), p + QStringLiteral("last_page_path"), QStringLiteral("meta.last_page"));
    lineField(form, tr("Offset parameter:"), QStringLiteral("offsetParam"), p + QStringLiteral("offset_param"), QStringLiteral("offset"));
    lineField(form, tr("Limit parameter:"), QStringLiteral("limitParam"), p + QStringLiteral("limit_param"), QStringLiteral("limit"));
    lineField(form, tr("Cursor parameter:"), QStringLiteral("cursorParam"), p + QStringLiteral("cursor_param"), QStringLiteral("cursor"));
    lineField(form, tr("Next cursor at:"), QStringLiteral("nextCursorPath"), p + QStringLiteral("next_cursor_path"), QStringLiteral("next_cursor"));
    lineField(form, tr("Next URL at:"), QStringLiteral("nextUrlPath"), p + QStringLiteral("next_url_path"), QStringLiteral("links.next"));
    lineField(form, tr("Total at:"), QStringLiteral("totalPath"), p + QStringLiteral("total_path"), QStringLiteral("meta.total"));
    lineField(form, tr("Total header:"), QStringLiteral("totalHeader"), p + QStringLiteral("total_header"), QStringLiteral("X-Total-Count"));

    auto *count = new QGroupBox(tr("Count request (for pages without a total)"), this);
    auto *cf = new QFormLayout(count);
    m_totalRequest = new QCheckBox(tr("Ask for the total with a separate request"), this);
    m_totalRequest->setObjectName(QStringLiteral("totalRequest"));
    cf->addRow(QString(), wrap(m_totalRequest, p + QStringLiteral("total_request"), cf));
    m_loaders.append([this] { m_totalRequest->setChecked(valueAt(m_source, QStringLiteral("rest.pagination.total_request")).isObject()); });
    QLineEdit *trParams = paramsField(cf, tr("Parameters:"), QStringLiteral("totalRequestParams"), p + QStringLiteral("total_request.params"));
    QLineEdit *trPath = lineField(cf, tr("Total at:"), QStringLiteral("totalRequestPath"), p + QStringLiteral("total_request.total_path"),
                                  QStringLiteral("meta.total"));
    QLineEdit *trHeader = lineField(cf, tr("Total header:"), QStringLiteral("totalRequestHeader"),
                                    p + QStringLiteral("total_request.total_header"), QStringLiteral("X-Total-Count"));
    m_totalRequestInputs = {trParams, trPath, trHeader};
    connect(m_totalRequest, &QCheckBox::toggled, this, [this, trParams, trPath, trHeader](bool on) {
        if (m_loading)
            return;
        QJsonValue v(QJsonValue::Undefined);
        if (on) {
            QJsonObject o;
            if (!trParams->text().trimmed().isEmpty())
                o.insert(QStringLiteral("params"), textToParams(trParams->text()));
            if (!trPath->text().isEmpty())
                o.insert(QStringLiteral("total_path"), trPath->text());
            if (!trHeader->text().isEmpty())
                o.insert(QStringLiteral("total_header"), trHeader->text());
            v = o;
        }
        setValue(QStringLiteral("rest.pagination.total_request"), v);
        updateVisibility();
    });

    auto *inc = new QGroupBox(tr("Incremental: ask only for what changed"), this);
    auto *incForm = new QFormLayout(inc);
    const QString i = QStringLiteral("rest.incremental.");
    m_incremental = new QCheckBox(tr("The API filters by change time (inclusively)"), this);
    m_incremental->setObjectName(QStringLiteral("incrementalEnabled"));
    incForm->addRow(QString(), wrap(m_incremental, QStringLiteral("rest.incremental"), incForm));
    m_loaders.append([this] { m_incremental->setChecked(valueAt(m_source, QStringLiteral("rest.incremental")).isObject()); });
    QLineEdit *param = lineField(incForm, tr("Filter parameter:"), QStringLiteral("incrementalParam"), i + QStringLiteral("param"),
                                 QStringLiteral("updated_since"));
    QLineEdit *field = lineField(incForm, tr("Field compared:"), QStringLiteral("incrementalField"), i + QStringLiteral("field"),
                                 QStringLiteral("updated_at"));
    QComboBox *format = comboField(incForm, tr("Value format:"), QStringLiteral("incrementalFormat"), i + QStringLiteral("format"), formatChoices(),
                                   QStringLiteral("iso8601"));
    QComboBox *tie = comboField(incForm, tr("Ties ordered by:"), QStringLiteral("incrementalTieBreaker"), i + QStringLiteral("tie_breaker"),
                                {QStringLiteral("none"), QStringLiteral("id")}, QStringLiteral("none"));
    tie->setToolTip(tr("\"id\" only when the API sorts results by (field, id): it enables skipping the records already read."));
    QLineEdit *params = paramsField(incForm, tr("Parameters:"), QStringLiteral("incrementalParams"), i + QStringLiteral("params"));
    m_incrementalInputs = {param, field, format, tie, params};
    connect(m_incremental, &QCheckBox::toggled, this, [this, param, field](bool on) {
        if (m_loading)
            return;
        QJsonValue v(QJsonValue::Undefined);
        if (on) {
            QJsonObject o;
            o.insert(QStringLiteral("param"), param->text());
            o.insert(QStringLiteral("field"), field->text());
            v = o;
        }
        setValue(QStringLiteral("rest.incremental"), v);
        updateVisibility();
    });

    auto *v = new QVBoxLayout(page);
    v->addLayout(form);
    v->addWidget(count);
    v->addWidget(inc);
    v->addStretch(1);
    return page;
}

QWidget *SourceEditor::buildEntitiesTab()
{
    auto *page = new QWidget(this);

    m_entities = makeTable(QStringLiteral("entitiesTable"), {tr("Name"), tr("Endpoint"), tr("Table"), tr("Key"), tr("External id"),
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
        if (row == m_entityRow)
            return;
        m_entityRow = row;
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
    topLayout->addWidget(wrap(m_entities, QStringLiteral("entities")), 1);
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
            ++m_loading;
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
            --m_loading;
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
            if (m_loading)
                return;
            write();
            scheduleValidation();
        });
        return box;
    };
    auto entityColumns = [this](const QModelIndex &) { return columnsOf(cellText(m_entities, m_entityRow, ColTable)); };

    m_buildingEntityTab = 0;
    m_columns = makeTable(QStringLiteral("columnsTable"), {tr("Column"), tr("Field"), tr("Type"), tr("Required")});
    m_columns->setItemDelegateForColumn(0, new ComboDelegate(entityColumns, true, m_columns));
    m_columns->setItemDelegateForColumn(2, new ComboDelegate([](const QModelIndex &) { return columnTypeChoices(); }, false, m_columns));
    m_columns->horizontalHeaderItem(1)->setToolTip(tr("Where the value is in the record: a dotted path such as author.email"));
    m_entityTabs->addTab(wrap(rowButtons(m_columns, QStringLiteral("column"), [this] { writeColumns(); }),
                              QStringLiteral("entity.columns")),
                         tr("Columns"));
    // The wrap above registered the box; errors are named after the table.
    m_fields.last().error->setObjectName(QStringLiteral("columnsTableError"));
    m_fields.last().input = m_columns;

    m_buildingEntityTab = 1;
    m_references = makeTable(QStringLiteral("referencesTable"), {tr("Column"), tr("Entity"), tr("Field"), tr("Nullable")});
    m_references->setItemDelegateForColumn(0, new ComboDelegate(entityColumns, true, m_references));
    m_references->setItemDelegateForColumn(1, new ComboDelegate([this](const QModelIndex &) { return entityNames(); }, true, m_references));
    m_entityTabs->addTab(wrap(rowButtons(m_references, QStringLiteral("reference"), [this] { writeReferences(); }),
                              QStringLiteral("entity.references")),
                         tr("References"));
    m_fields.last().error->setObjectName(QStringLiteral("referencesTableError"));
    m_fields.last().input = m_references;

    m_buildingEntityTab = 2;
    auto *consolidation = new QWidget(this);
    auto *cf = new QFormLayout(consolidation);
    m_match = new QLineEdit(this);
    m_match->setObjectName(QStringLiteral("matchEdit"));
    m_match->setPlaceholderText(tr("columns, comma-separated (e.g. email)"));
    m_match->setToolTip(tr("A record never seen before is linked to an existing row with the same values "
                           "(trimmed, case-insensitive) instead of inserted."));
    cf->addRow(tr("Match existing rows by:"), wrap(m_match, QStringLiteral("entity.match"), cf));
    connect(m_match, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (m_loading)
            return;
        QJsonArray a;
        for (const QString &c : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!c.trimmed().isEmpty())
                a.append(c.trimmed());
        }
        setEntityValue(QStringLiteral("match"), a.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(a));
    });
    m_defaults = makeTable(QStringLiteral("defaultsTable"), {tr("Column"), tr("Value"), tr("Kind")});
    m_defaults->setItemDelegateForColumn(0, new ComboDelegate(entityColumns, true, m_defaults));
    m_defaults->setItemDelegateForColumn(2, new ComboDelegate([](const QModelIndex &) { return kDefaultKinds; }, false, m_defaults));
    cf->addRow(tr("Defaults (inserts only):"), wrap(rowButtons(m_defaults, QStringLiteral("default"), [this] { writeDefaults(); }),
                                                    QStringLiteral("entity.defaults"), cf));
    m_fields.last().error->setObjectName(QStringLiteral("defaultsTableError"));
    m_fields.last().input = m_defaults;
    m_entityTabs->addTab(consolidation, tr("Consolidation && defaults"));

    m_buildingEntityTab = 3;
    auto *policies = new QWidget(this);
    auto *pf = new QFormLayout(policies);
    m_updatedColumn = new QComboBox(this);
    m_updatedColumn->setObjectName(QStringLiteral("updatedColumn"));
    m_updatedColumn->setEditable(true);
    pf->addRow(tr("Modification time column:"), wrap(m_updatedColumn, QStringLiteral("entity.updated_column"), pf));
    connect(m_updatedColumn, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        if (!m_loading)
            setEntityValue(QStringLiteral("updated_column"), text.trimmed().isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                                                                      : QJsonValue(text.trimmed()));
    });
    m_deletedColumn = new QLineEdit(this);
    m_deletedColumn->setObjectName(QStringLiteral("deletedColumn"));
    m_deletedColumn->setPlaceholderText(QStringLiteral("deleted_at"));
    pf->addRow(tr("Soft-delete column:"), wrap(m_deletedColumn, QStringLiteral("entity.deleted_column"), pf));
    connect(m_deletedColumn, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (!m_loading)
            setEntityValue(QStringLiteral("deleted_column"), text.trimmed().isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                                                                      : QJsonValue(text.trimmed()));
    });
    m_fieldPolicies = makeTable(QStringLiteral("fieldPoliciesTable"), {tr("Column"), tr("Policy")});
    m_fieldPolicies->setItemDelegateForColumn(0, new ComboDelegate([this](const QModelIndex &) { return mappedColumns(); }, true,
                                                                   m_fieldPolicies));
    m_fieldPolicies->setItemDelegateForColumn(1, new ComboDelegate([](const QModelIndex &) { return policyChoices(); }, false, m_fieldPolicies));
    pf->addRow(tr("Policy per column:"), wrap(rowButtons(m_fieldPolicies, QStringLiteral("fieldPolicy"), [this] { writeFieldPolicies(); }),
                                              QStringLiteral("entity.field_policies"), pf));
    m_fields.last().error->setObjectName(QStringLiteral("fieldPoliciesTableError"));
    m_fields.last().input = m_fieldPolicies;
    m_entityTabs->addTab(policies, tr("Policies"));

    m_buildingEntityTab = 4;
    auto *rest = new QWidget(this);
    auto *rf = new QFormLayout(rest);
    m_entityRecordsPath = new QLineEdit(this);
    m_entityRecordsPath->setObjectName(QStringLiteral("entityRecordsPath"));
    m_entityRecordsPath->setPlaceholderText(tr("as the source"));
    rf->addRow(tr("Records at:"), wrap(m_entityRecordsPath, QStringLiteral("entity.records_path"), rf));
    m_entityRecordPath = new QLineEdit(this);
    m_entityRecordPath->setObjectName(QStringLiteral("entityRecordPath"));
    m_entityRecordPath->setPlaceholderText(tr("as the source"));
    rf->addRow(tr("Single record at:"), wrap(m_entityRecordPath, QStringLiteral("entity.record_path"), rf));
    for (auto pair : {std::make_pair(m_entityRecordsPath, QStringLiteral("records_path")),
                      std::make_pair(m_entityRecordPath, QStringLiteral("record_path"))}) {
        const QString key = pair.second;
        connect(pair.first, &QLineEdit::textChanged, this, [this, key](const QString &text) {
            if (!m_loading)
                setEntityValue(key, text.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(text));
        });
    }
    m_entityIncremental = new QComboBox(this);
    m_entityIncremental->setObjectName(QStringLiteral("entityIncremental"));
    rf->addRow(tr("Incremental:"), wrap(m_entityIncremental, QStringLiteral("entity.incremental"), rf));
    connect(m_entityIncremental, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        const QString mode = m_entityIncremental->currentData().toString();
        if (mode == QLatin1String("inherit"))
            setEntityValue(QStringLiteral("incremental"), QJsonValue(QJsonValue::Undefined));
        else if (mode == QLatin1String("off"))
            setEntityValue(QStringLiteral("incremental"), false);
    });
    auto *restNote = new QLabel(tr("Pagination, full walk and id scan parameters of this entity override the source's; "
                                   "edit them on the JSON tab."),
                                rest);
    restNote->setWordWrap(true);
    rf->addRow(restNote);
    m_entityTabs->addTab(rest, tr("REST"));

    m_buildingEntityTab = 5;
    auto *json = new QWidget(this);
    auto *jl = new QVBoxLayout(json);
    m_entityJson = new QPlainTextEdit(this);
    m_entityJson->setObjectName(QStringLiteral("entityJson"));
    m_entityJson->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *applyEntity = button(tr("Apply JSON"), QStringLiteral("applyEntityJsonButton"));
    m_entityJsonError = new QLabel(this);
    m_entityJsonError->setObjectName(QStringLiteral("entityJsonParseError"));
    StatusColors::setTextStatus(m_entityJsonError, StatusColors::Status::Error);
    jl->addWidget(wrap(m_entityJson, QStringLiteral("entity")), 1);
    jl->addWidget(m_entityJsonError);
    jl->addWidget(applyEntity, 0, Qt::AlignRight);
    connect(applyEntity, &QPushButton::clicked, this, [this] {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(m_entityJson->toPlainText().toUtf8(), &pe);
        if (!doc.isObject() || m_entityRow < 0) {
            m_entityJsonError->setText(tr("Not a JSON object: %1").arg(pe.errorString()));
            return;
        }
        m_entityJsonError->clear();
        const int row = m_entityRow;
        setEntityObject(row, doc.object());
        m_entityRow = -1;
        loadEntities();
        showEntityRow(row);
    });
    m_entityTabs->addTab(json, tr("JSON"));
    m_buildingEntityTab = -1;

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
        const int row = m_entityRow;
        setSourceObject(doc.object());
        if (row >= 0 && row < m_entities->rowCount())
            m_entities->setCurrentCell(row, 0);
        m_tabs->setCurrentIndex(JsonPage);
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
    m_secretValue.clear();
    setSourceObject(m_document->source(name));
    m_startSource = m_source;
    return true;
}

void SourceEditor::newSource(const SourcePreset &preset)
{
    SourcePreset p = preset;
    if (m_document)
        p.sourceName = m_document->uniqueSourceName(p.sourceName);
    m_isNew = true;
    m_originalName.clear();
    m_secretValue.clear();
    setSourceObject(ConfigDocument::presetSource(p));
    m_startSource = m_source;
}

QJsonObject SourceEditor::presetApplied(const SourcePreset &preset) const
{
    SourcePreset p = preset;
    if (!sourceName().isEmpty())
        p.sourceName = sourceName();
    QJsonObject next = ConfigDocument::presetSource(p);
    // A preset brings an API's conventions (pagination, entities, mappings). How this source
    // signs in, whether it is enabled and when serve runs it are the admin's, not the API's: an
    // authentication already set up (a token variable, a credentials-file key, an API key) is
    // kept, never replaced by the preset's default variable.
    // A new source has nothing set up yet (its sign-in is the last preset's), and a token
    // variable the caller names for a bearer sign-in is the one wanted.
    const QJsonObject auth = m_source.value(QStringLiteral("rest")).toObject().value(QStringLiteral("auth")).toObject();
    const QString authType = auth.value(QStringLiteral("type")).toString();
    const bool namedBearer = !preset.tokenEnv.isEmpty() && authType == QLatin1String("bearer")
        && auth.value(QStringLiteral("token")).toObject().contains(QStringLiteral("env"));
    if (!m_isNew && !auth.isEmpty() && authType != QLatin1String("none") && !namedBearer) {
        QJsonObject rest = next.value(QStringLiteral("rest")).toObject();
        rest.insert(QStringLiteral("auth"), auth);
        next.insert(QStringLiteral("rest"), rest);
    }
    for (const QString &key : {QStringLiteral("enabled"), QStringLiteral("schedule")}) {
        if (m_source.contains(key))
            next.insert(key, m_source.value(key));
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
    const QStringList changed = changedKeys(m_source, next);
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
    return m_source.value(QStringLiteral("name")).toString();
}

void SourceEditor::setSourceObject(const QJsonObject &source)
{
    m_source = source;
    m_entityRow = -1;
    loadWidgets();
    validateNow();
}

void SourceEditor::setSecretFromEnvironment(const QString &variable)
{
    m_secretMode->setCurrentIndex(m_secretMode->findData(QStringLiteral("env")));
    m_secretEnv->setText(variable);
    writeAuth();
}

void SourceEditor::setSecretToStore(const QString &secret)
{
    m_secretMode->setCurrentIndex(m_secretMode->findData(QStringLiteral("file")));
    m_secretValueEdit->setText(secret);
}

QStringList SourceEditor::entityNames() const
{
    QStringList names;
    const QJsonArray entities = m_source.value(QStringLiteral("entities")).toArray();
    for (const QJsonValue &e : entities)
        names.append(e.toObject().value(QStringLiteral("name")).toString());
    return names;
}

void SourceEditor::selectEntity(const QString &name)
{
    const int row = int(entityNames().indexOf(name));
    if (row >= 0)
        showEntityRow(row);
}

QString SourceEditor::currentEntity() const
{
    return entityNames().value(m_entityRow);
}

// ---------------------------------------------------------------------------------------------
// The model

void SourceEditor::setValue(const QString &key, const QJsonValue &value)
{
    const QJsonObject updated = withValue(m_source, key.split(QLatin1Char('.')), 0, value);
    if (updated == m_source)
        return;
    m_source = updated;
    edited();
}

QJsonObject SourceEditor::entityObject(int row) const
{
    return m_source.value(QStringLiteral("entities")).toArray().at(row).toObject();
}

void SourceEditor::setEntityObject(int row, const QJsonObject &entity)
{
    QJsonArray entities = m_source.value(QStringLiteral("entities")).toArray();
    if (row < 0 || row >= entities.size() || entities.at(row).toObject() == entity)
        return;
    entities.replace(row, entity);
    m_source.insert(QStringLiteral("entities"), entities);
    if (row == m_entityRow && !m_entityJson->hasFocus())
        m_entityJson->setPlainText(pretty(entity));
    edited();
}

void SourceEditor::setEntityValue(const QString &key, const QJsonValue &value)
{
    if (m_entityRow < 0)
        return;
    QJsonObject e = entityObject(m_entityRow);
    if (value.isUndefined())
        e.remove(key);
    else
        e.insert(key, value);
    setEntityObject(m_entityRow, e);
}

void SourceEditor::edited()
{
    scheduleValidation();
}

QString SourceEditor::schedulePreview() const
{
    if (!valueAt(m_source, QStringLiteral("enabled")).toBool(true))
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
        ScheduleConfig::fromJson(m_source.value(QStringLiteral("schedule")).toObject(), QStringLiteral("schedule"), &ignored);
    const qint64 interval = schedule.intervalSeconds;
    const qint64 reconcile = schedule.reconcileIntervalSeconds;
    const double jitter = schedule.jitterShare;
    const bool onMissed = schedule.reconcileOnMissedDeletes;

    QStringList parts;
    parts.append(jitter > 0 ? tr("Incremental sync %1 (each wait varied by up to ±%2 %)")
                                  .arg(everyText(interval), QLocale().toString(jitter * 100, 'g', 3))
                            : tr("Incremental sync %1, exactly").arg(everyText(interval)));
    if (reconcile > 0)
        parts.append(tr("reconciliation %1").arg(everyText(reconcile)));
    else
        parts.append(tr("no scheduled reconciliation (run tributaryd reconcile yourself)"));
    if (onMissed)
        parts.append(reconcile > 0 ? tr("an extra reconciliation right after a sync that finds missed deletes")
                                   : tr("a warning when a sync finds missed deletes"));
    else
        parts.append(tr("no check for missed deletes"));
    if (m_source.contains(QStringLiteral("webhook")))
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
        sources.replace(index, m_source);
    else
        sources.append(m_source);
    root.insert(QStringLiteral("sources"), sources);
    return root;
}

QString SourceEditor::secretKeyName() const
{
    const QString type = m_authType->currentData().toString();
    if (type == QLatin1String("bearer"))
        return QStringLiteral("token");
    if (type == QLatin1String("basic"))
        return QStringLiteral("password");
    if (type == QLatin1String("api_key"))
        return QStringLiteral("key");
    return {};
}

QJsonObject SourceEditor::secretReference() const
{
    if (m_secretMode->currentData().toString() == QLatin1String("env")) {
        const QString variable = m_secretEnv->text().trimmed();
        return variable.isEmpty() ? QJsonObject() : QJsonObject{{QStringLiteral("env"), variable}};
    }
    const QString file = m_secretFile.isEmpty() ? ConfigDocument::credentialsFileName() : m_secretFile;
    const QString key = m_secretKey.isEmpty() ? sourceName() + QLatin1Char('.') + secretKeyName() : m_secretKey;
    return QJsonObject{{QStringLiteral("file"), file}, {QStringLiteral("key"), key}};
}

void SourceEditor::writeAuth()
{
    const QJsonObject old = valueAt(m_source, QStringLiteral("rest.auth")).toObject();
    const QString type = m_authType->currentData().toString();
    QJsonObject auth{{QStringLiteral("type"), type}};
    if (type == QLatin1String("api_key") && !m_authHeader->text().trimmed().isEmpty())
        auth.insert(QStringLiteral("header"), m_authHeader->text().trimmed());
    if (type == QLatin1String("basic")) {
        if (!m_authUsername->text().isEmpty())
            auth.insert(QStringLiteral("username"), m_authUsername->text());
        else if (old.value(QStringLiteral("username")).isObject()) // a user name kept as a secret
            auth.insert(QStringLiteral("username"), old.value(QStringLiteral("username")));
    }
    const QString k = secretKeyName();
    if (!k.isEmpty()) {
        const QJsonObject ref = secretReference();
        if (!ref.isEmpty())
            auth.insert(k, ref);
    }
    setValue(QStringLiteral("rest.auth"), auth);
}

// ---------------------------------------------------------------------------------------------
// Widgets from the model

void SourceEditor::loadWidgets()
{
    ++m_loading;
    for (const auto &load : std::as_const(m_loaders))
        load();
    const QString auth = valueAt(m_source, QStringLiteral("rest.auth.type")).toString();
    const int authIndex = m_authType->findData(auth.isEmpty() ? QStringLiteral("none") : auth);
    m_authType->setCurrentIndex(authIndex < 0 ? 0 : authIndex);
    m_authHeader->setText(valueAt(m_source, QStringLiteral("rest.auth.header")).toString());
    const QJsonValue user = valueAt(m_source, QStringLiteral("rest.auth.username"));
    m_authUsername->setText(user.isString() ? user.toString() : QString());
    m_authUsername->setPlaceholderText(user.isObject() ? tr("kept as a secret (%1)").arg(scalarText(user.toObject().value(
                                                             user.toObject().contains(QStringLiteral("env")) ? QStringLiteral("env")
                                                                                                             : QStringLiteral("key"))))
                                                       : QString());
    // Where the secret comes from, as the file says.
    const QJsonObject ref = valueAt(m_source, QStringLiteral("rest.auth.") + secretKeyName()).toObject();
    m_secretFile = ref.value(QStringLiteral("file")).toString();
    m_secretKey = ref.value(QStringLiteral("key")).toString();
    m_secretMode->setCurrentIndex(m_secretMode->findData(ref.contains(QStringLiteral("file")) ? QStringLiteral("file")
                                                                                               : QStringLiteral("env")));
    m_secretEnv->setText(ref.value(QStringLiteral("env")).toString());
    loadSecret();

    m_headers->setRowCount(0);
    const QJsonObject headers = valueAt(m_source, QStringLiteral("rest.headers")).toObject();
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
        const int row = m_headers->rowCount();
        m_headers->insertRow(row);
        m_headers->setItem(row, 0, textItem(it.key()));
        m_headers->setItem(row, 1, textItem(scalarText(it.value())));
    }
    loadEntities();
    if (m_entities->rowCount() > 0)
        m_entities->setCurrentCell(0, 0);
    m_entityRow = m_entities->currentRow();
    loadEntityDetail();
    refreshJson();
    setWindowTitle(m_isNew ? tr("New source %1").arg(sourceName()) : tr("Source %1").arg(sourceName()));
    --m_loading;
    updateVisibility();
}

void SourceEditor::loadSecret()
{
    // The field is never filled from what was stored: only what was typed in this session.
    if (m_secretValueEdit->text() != m_secretValue)
        m_secretValueEdit->setText(m_secretValue);
    const QString k = secretKeyName();
    if (k.isEmpty()) {
        m_secretStatus->clear();
        return;
    }
    if (m_secretMode->currentData().toString() == QLatin1String("env")) {
        const QString variable = m_secretEnv->text().trimmed();
        if (variable.isEmpty())
            m_secretStatus->setText(tr("Name the environment variable that holds the secret. It is read when the source runs."));
        else if (qEnvironmentVariableIsSet(variable.toLocal8Bit().constData()))
            m_secretStatus->setText(tr("%1 is set in this console's environment.").arg(variable));
        else
            m_secretStatus->setText(tr("%1 is not set in this console's environment; tributaryd reads it from its own.").arg(variable));
        return;
    }
    const QString file = m_secretFile.isEmpty() ? ConfigDocument::credentialsFileName() : m_secretFile;
    SecretRef ref;
    ref.file = file;
    ref.key = m_secretKey.isEmpty() ? sourceName() + QLatin1Char('.') + k : m_secretKey;
    if (!m_secretValue.isEmpty()) {
        m_secretStatus->setText(tr("Will be stored in %1 (readable only by you) when the source is saved.").arg(file));
        m_secretValueEdit->setPlaceholderText(QString());
    } else if (m_document && m_document->hasSecret(ref)) {
        m_secretStatus->setText(tr("Stored in %1 under \"%2\". Type a new value to replace it.").arg(file, ref.key));
        m_secretValueEdit->setPlaceholderText(tr("stored in %1").arg(file));
    } else {
        m_secretStatus->setText(tr("Not stored yet: type the secret; it goes to %1, never into the configuration.").arg(file));
        m_secretValueEdit->setPlaceholderText(tr("secret"));
    }
}

void SourceEditor::loadEntities()
{
    ++m_loading;
    const int current = m_entityRow;
    const QJsonArray entities = m_source.value(QStringLiteral("entities")).toArray();
    m_entities->setRowCount(int(entities.size()));
    for (int row = 0; row < entities.size(); ++row) {
        const QJsonObject e = entities.at(row).toObject();
        for (int col = 0; col < kEntityCellKeys.size(); ++col) {
            const QJsonValue v = e.value(kEntityCellKeys.at(col));
            if (col == ColEnabled)
                m_entities->setItem(row, col, checkItem(v.isBool() ? v.toBool() : true));
            else
                m_entities->setItem(row, col, textItem(scalarText(v)));
        }
    }
    if (current >= 0 && current < m_entities->rowCount())
        m_entities->setCurrentCell(current, 0);
    --m_loading;
}

void SourceEditor::loadEntityDetail()
{
    ++m_loading;
    const bool has = m_entityRow >= 0 && m_entityRow < m_entities->rowCount();
    m_entityTabs->setEnabled(has);
    const QJsonObject e = has ? entityObject(m_entityRow) : QJsonObject();
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
    m_entityRecordsPath->setText(e.value(QStringLiteral("records_path")).toString());
    m_entityRecordPath->setText(e.value(QStringLiteral("record_path")).toString());
    m_entityIncremental->clear();
    m_entityIncremental->addItem(tr("as the source"), QStringLiteral("inherit"));
    m_entityIncremental->addItem(tr("off: always walk in full"), QStringLiteral("off"));
    const QJsonValue inc = e.value(QStringLiteral("incremental"));
    if (inc.isObject()) {
        m_entityIncremental->addItem(tr("overridden (see the JSON tab)"), QStringLiteral("custom"));
        m_entityIncremental->setCurrentIndex(2);
    } else {
        m_entityIncremental->setCurrentIndex(inc.isUndefined() ? 0 : 1);
    }
    m_entityJson->setPlainText(has ? pretty(e) : QString());
    m_entityJsonError->clear();
    --m_loading;
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
        m_columns->setItem(row, 2, textItem(o.contains(QStringLiteral("type")) ? scalarText(o.value(QStringLiteral("type")))
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
        m_defaults->setItem(row, 1, textItem(scalarText(it.value())));
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
        m_fieldPolicies->setItem(row, 1, textItem(scalarText(it.value())));
    }
}

void SourceEditor::setFieldVisible(const QString &key, bool visible)
{
    for (const Field &f : std::as_const(m_fields)) {
        if (f.key == key && f.form)
            f.form->setRowVisible(f.container, visible);
    }
}

void SourceEditor::updateVisibility()
{
    const bool rest = m_type->currentData().toString() == QLatin1String("rest");
    m_tabs->setTabEnabled(1, rest);
    m_tabs->setTabEnabled(2, rest);
    m_entities->setColumnHidden(ColEndpoint, !rest);

    setFieldVisible(QStringLiteral("start.date"), m_startFrom->currentData().toString() == QLatin1String("date"));
    const QString auth = m_authType->currentData().toString();
    setFieldVisible(QStringLiteral("rest.auth.header"), auth == QLatin1String("api_key"));
    setFieldVisible(QStringLiteral("rest.auth.username"), auth == QLatin1String("basic"));
    setFieldVisible(QStringLiteral("rest.auth"), auth != QLatin1String("none"));
    const bool env = m_secretMode->currentData().toString() == QLatin1String("env");
    m_secretEnv->setVisible(env);
    m_secretValueEdit->setVisible(!env);

    const QString style = m_paginationStyle->currentData().toString();
    QStringList all;
    for (auto it = kStyleKeys.constBegin(); it != kStyleKeys.constEnd(); ++it)
        all += it.value();
    for (const QString &k : std::as_const(all))
        setFieldVisible(QStringLiteral("rest.pagination.") + k, kStyleKeys.value(style).contains(k));
    for (QWidget *w : std::as_const(m_totalRequestInputs))
        w->setEnabled(m_totalRequest->isChecked());
    for (QWidget *w : std::as_const(m_incrementalInputs))
        w->setEnabled(m_incremental->isChecked());
}

void SourceEditor::refreshJson()
{
    if (!m_sourceJson->hasFocus())
        m_sourceJson->setPlainText(pretty(m_source));
    m_sourceJsonError->clear();
}

// ---------------------------------------------------------------------------------------------
// The model from the tables

void SourceEditor::onEntityItemChanged(QTableWidgetItem *item)
{
    if (m_loading)
        return;
    const int row = item->row();
    const int col = item->column();
    QJsonObject e = entityObject(row);
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
    setEntityObject(row, e);
    if (row == m_entityRow) {
        const QString name = e.value(QStringLiteral("name")).toString();
        const QString table = e.value(QStringLiteral("table")).toString();
        m_entityTitle->setText(tr("Entity \u201c%1\u201d \u2192 table %2").arg(name, table.isEmpty() ? tr("(none)") : table));
    }
}

void SourceEditor::writeColumns()
{
    if (m_entityRow < 0)
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
    setEntityValue(QStringLiteral("columns"), columns);
    // The modification time column is chosen among the timestamp columns.
    ++m_loading;
    const QString updated = m_updatedColumn->currentText();
    m_updatedColumn->clear();
    m_updatedColumn->addItem(QString());
    for (auto it = columns.constBegin(); it != columns.constEnd(); ++it) {
        if (it->toObject().value(QStringLiteral("type")).toString() == QLatin1String("timestamp"))
            m_updatedColumn->addItem(it.key());
    }
    m_updatedColumn->setCurrentText(updated);
    --m_loading;
}

void SourceEditor::writeReferences()
{
    if (m_entityRow < 0)
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
    const bool had = entityObject(m_entityRow).contains(key);
    setEntityValue(key, table.isEmpty() && !had ? QJsonValue(QJsonValue::Undefined) : QJsonValue(table));
}

void SourceEditor::writeDefaults()
{
    if (m_entityRow < 0)
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
    if (m_entityRow < 0)
        return;
    QJsonObject policies;
    for (int row = 0; row < m_fieldPolicies->rowCount(); ++row) {
        const QString column = cellText(m_fieldPolicies, row, 0);
        if (!column.isEmpty())
            policies.insert(column, cellText(m_fieldPolicies, row, 1));
    }
    setEntityTable(QStringLiteral("field_policies"), policies);
}

void SourceEditor::writeHeaders()
{
    QJsonObject headers;
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QString name = cellText(m_headers, row, 0);
        if (!name.isEmpty())
            headers.insert(name, m_headers->item(row, 1) ? m_headers->item(row, 1)->text() : QString());
    }
    setValue(QStringLiteral("rest.headers"), headers.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(headers));
}

void SourceEditor::addEntity()
{
    QJsonArray entities = m_source.value(QStringLiteral("entities")).toArray();
    QString name = QStringLiteral("items");
    for (int n = 2; entityNames().contains(name); ++n)
        name = QStringLiteral("items%1").arg(n);
    QJsonObject e{{QStringLiteral("name"), name}, {QStringLiteral("table"), QString()}, {QStringLiteral("columns"), QJsonObject()}};
    if (m_type->currentData().toString() == QLatin1String("rest"))
        e.insert(QStringLiteral("endpoint"), QLatin1Char('/') + name);
    entities.append(e);
    m_source.insert(QStringLiteral("entities"), entities);
    edited();
    loadEntities();
    showEntityRow(int(entities.size()) - 1);
}

void SourceEditor::showEntityRow(int row)
{
    // Selecting the row the table already has current emits nothing: load the detail here.
    m_entities->setCurrentCell(row, 0);
    if (m_entityRow != row) {
        m_entityRow = row;
        loadEntityDetail();
        showProblems();
    }
}

void SourceEditor::removeEntity()
{
    const int row = m_entities->currentRow();
    if (row < 0)
        return;
    QJsonArray entities = m_source.value(QStringLiteral("entities")).toArray();
    entities.removeAt(row);
    m_source.insert(QStringLiteral("entities"), entities);
    m_entityRow = -1;
    edited();
    loadEntities();
    showEntityRow(entities.isEmpty() ? -1 : qMin(row, int(entities.size()) - 1));
}

void SourceEditor::moveEntity(int delta)
{
    const int row = m_entities->currentRow();
    QJsonArray entities = m_source.value(QStringLiteral("entities")).toArray();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= entities.size())
        return;
    const QJsonValue moving = entities.at(row);
    entities.replace(row, entities.at(target));
    entities.replace(target, moving);
    m_source.insert(QStringLiteral("entities"), entities);
    m_entityRow = -1;
    edited();
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
    if (m_entityRow >= 0) {
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
    const QString k = secretKeyName();
    if (!k.isEmpty() && m_secretMode->currentData().toString() == QLatin1String("file") && m_secretValue.isEmpty()) {
        const QJsonObject ref = secretReference();
        SecretRef r;
        r.file = ref.value(QStringLiteral("file")).toString();
        r.key = ref.value(QStringLiteral("key")).toString();
        if (!m_document || !m_document->hasSecret(r))
            out.append({prefix + QStringLiteral("rest.auth.") + k,
                        tr("type the secret to store it in %1, or name an environment variable").arg(r.file)});
    }
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
        if (sources.at(i).toObject() != m_source)
            continue;
        const QString indexed = QStringLiteral("sources[%1]").arg(i);
        if (keyPath == indexed || keyPath.startsWith(indexed + QLatin1Char('.'))) {
            *relative = keyPath.mid(qMin(keyPath.size(), indexed.size() + 1));
            return true;
        }
    }
    return false;
}

QString SourceEditor::fieldKeyFor(const QString &relative, QString *effective) const
{
    QString key = relative;
    if (effective)
        *effective = relative;
    if (relative.isEmpty())
        return QStringLiteral("name");
    if (relative == QLatin1String("entities") || relative.startsWith(QStringLiteral("entities."))) {
        const QString rest = relative.mid(9);
        QString entity;
        for (const QString &n : entityNames()) {
            if ((rest == n || rest.startsWith(n + QLatin1Char('.'))) && n.size() > entity.size())
                entity = n;
        }
        if (entity.isEmpty())
            return QStringLiteral("entities");
        const QString sub = rest.mid(entity.size() + 1);
        if (entity != currentEntity() || sub.isEmpty() || kEntityCellKeys.contains(sub.section(QLatin1Char('.'), 0, 0)))
            return QStringLiteral("entities");
        key = QStringLiteral("entity.") + sub;
    }
    if (effective)
        *effective = key;
    QString best;
    for (const Field &f : m_fields) {
        if ((key == f.key || key.startsWith(f.key + QLatin1Char('.')) || key.startsWith(f.key + QLatin1Char('[')))
            && f.key.size() > best.size())
            best = f.key;
    }
    return best;
}

const SourceEditor::Field *SourceEditor::fieldFor(const QString &relative) const
{
    const QString key = fieldKeyFor(relative);
    for (const Field &f : m_fields) {
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
    ++m_loading;
    for (const Field &f : std::as_const(m_fields)) {
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
        if (!relative.startsWith(QStringLiteral("entities.")))
            continue;
        const QString rest = relative.mid(9);
        QString entity;
        for (const QString &n : names) {
            if ((rest == n || rest.startsWith(n + QLatin1Char('.'))) && n.size() > entity.size())
                entity = n;
        }
        const int row = int(names.indexOf(entity));
        if (row < 0)
            continue;
        const QStringList sub = rest.mid(entity.size() + 1).split(QLatin1Char('.'));
        const int cell = int(kEntityCellKeys.indexOf(sub.value(0)));
        decorate(m_entities, row, cell >= 0 ? cell : ColName, p.line());
        if (row != m_entityRow || sub.size() < 2)
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
    for (const Field &f : std::as_const(m_fields)) {
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
    --m_loading;
}

void SourceEditor::focusProblem(const QString &relative)
{
    const QString rest = relative.mid(9);
    if (relative.startsWith(QStringLiteral("entities."))) {
        QString entity;
        for (const QString &n : entityNames()) {
            if ((rest == n || rest.startsWith(n + QLatin1Char('.'))) && n.size() > entity.size())
                entity = n;
        }
        if (!entity.isEmpty() && entity != currentEntity())
            selectEntity(entity);
    }
    const Field *f = fieldFor(relative);
    if (!f)
        return;
    m_tabs->setCurrentIndex(f->tab);
    if (f->entityTab >= 0)
        m_entityTabs->setCurrentIndex(f->entityTab);
    f->input->setFocus();
}

QString SourceEditor::errorShownFor(const QString &objectName) const
{
    for (const Field &f : m_fields) {
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
    const QJsonObject e = m_entityRow >= 0 ? entityObject(m_entityRow) : QJsonObject();
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
        const QString k = secretKeyName();
        if (!k.isEmpty() && !m_secretValue.isEmpty() && m_secretMode->currentData().toString() == QLatin1String("file")) {
            const QJsonObject ref = secretReference();
            const SecretRef stored = m_document->storeSecret(ref.value(QStringLiteral("key")).toString(), m_secretValue,
                                                             ref.value(QStringLiteral("file")).toString());
            m_secretFile = stored.file;
            m_secretKey = stored.key;
            m_secretValue.clear();
            ++m_loading;
            m_secretValueEdit->clear();
            --m_loading;
            writeAuth();
        }
        const bool applied = m_isNew ? m_document->addSource(m_source, &why) : m_document->setSource(m_originalName, m_source, &why);
        if (applied) {
            m_isNew = false;
            m_originalName = sourceName();
            if (m_saveOnAccept && !m_document->filePath().isEmpty())
                m_document->save(&why);
        }
    }
    ++m_loading;
    loadSecret();
    --m_loading;
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
    // A secret typed for the credentials file must be there for the source to read it.
    if (why.isEmpty() && !m_secretValue.isEmpty() && m_secretMode->currentData().toString() == QLatin1String("file")) {
        if (!m_document || m_document->filePath().isEmpty()) {
            why = tr("Save the configuration first: the secret is kept in the credentials file next to it.");
        } else {
            const QJsonObject ref = secretReference();
            const SecretRef stored = m_document->storeSecret(ref.value(QStringLiteral("key")).toString(), m_secretValue,
                                                             ref.value(QStringLiteral("file")).toString());
            if (m_document->writeCredentials(&why)) {
                m_secretFile = stored.file;
                m_secretKey = stored.key;
                m_secretValue.clear();
                ++m_loading;
                m_secretValueEdit->clear();
                loadSecret();
                --m_loading;
            }
        }
    }
    Config config;
    if (why.isEmpty()) {
        // Only this source: problems elsewhere in the file do not stop its test.
        const QJsonObject root{{QStringLiteral("database"), m_document ? m_document->database() : QJsonObject()},
                               {QStringLiteral("sources"), QJsonArray{m_source}}};
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

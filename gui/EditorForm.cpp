#include "EditorForm.h"

#include "StatusColors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Tributary::Gui {

namespace {

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

} // namespace

EditorForm::EditorForm(QWidget *owner)
    : QObject(owner), m_owner(owner)
{
}

QJsonValue EditorForm::valueAt(const QJsonObject &o, const QString &path)
{
    QJsonValue v = o;
    for (const QString &part : path.split(QLatin1Char('.'))) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(part);
    }
    return v;
}

QString EditorForm::scalarText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

QString EditorForm::paramsToText(const QJsonObject &o)
{
    QStringList parts;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        parts.append(it.key() + QLatin1Char('=') + scalarText(it.value()));
    return parts.join(QLatin1Char('&'));
}

QJsonObject EditorForm::textToParams(const QString &text)
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

// ---------------------------------------------------------------------------------------------
// The model

void EditorForm::setValue(const QString &key, const QJsonValue &value)
{
    const QJsonObject updated = withValue(m_source, key.split(QLatin1Char('.')), 0, value);
    if (updated == m_source)
        return;
    m_source = updated;
    Q_EMIT edited();
}

QString EditorForm::sourceName() const
{
    return m_source.value(QStringLiteral("name")).toString();
}

QString EditorForm::sourceType() const
{
    return m_source.value(QStringLiteral("type")).toString();
}

QStringList EditorForm::entityNames() const
{
    QStringList names;
    const QJsonArray entities = m_source.value(QStringLiteral("entities")).toArray();
    for (const QJsonValue &e : entities)
        names.append(e.toObject().value(QStringLiteral("name")).toString());
    return names;
}

QJsonObject EditorForm::entityObject(int row) const
{
    return m_source.value(QStringLiteral("entities")).toArray().at(row).toObject();
}

void EditorForm::setEntityObject(int row, const QJsonObject &entity)
{
    QJsonArray entities = m_source.value(QStringLiteral("entities")).toArray();
    if (row < 0 || row >= entities.size() || entities.at(row).toObject() == entity)
        return;
    entities.replace(row, entity);
    m_source.insert(QStringLiteral("entities"), entities);
    Q_EMIT entityEdited(row, entity);
    Q_EMIT edited();
}

void EditorForm::setEntityValue(const QString &key, const QJsonValue &value)
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

void EditorForm::load()
{
    beginLoading();
    for (const auto &load : std::as_const(m_loaders))
        load();
    endLoading();
}

// ---------------------------------------------------------------------------------------------
// Fields

QWidget *EditorForm::wrap(QWidget *input, const QString &key, QFormLayout *form)
{
    auto *container = new QWidget(m_owner);
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
    m_fields.append({key, input, error, container, form});
    return container;
}

QLineEdit *EditorForm::lineField(QFormLayout *form, const QString &label, const QString &name, const QString &key,
                                   const QString &placeholder)
{
    auto *edit = new QLineEdit(m_owner);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    form->addRow(label, wrap(edit, key, form));
    m_loaders.append([this, edit, key] { edit->setText(scalarText(valueAt(m_source, key))); });
    connect(edit, &QLineEdit::textChanged, this, [this, key](const QString &text) {
        if (isLoading())
            return;
        setValue(key, text.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(text));
    });
    return edit;
}

QWidget *EditorForm::spinField(QFormLayout *form, const QString &label, const QString &name, const QString &key, int min,
                                 int max, int def)
{
    auto *spin = new QSpinBox(m_owner);
    spin->setObjectName(name);
    spin->setRange(min, max);
    spin->setToolTip(tr("Default: %1").arg(def));
    form->addRow(label, wrap(spin, key, form));
    m_loaders.append([this, spin, key, def] {
        const QJsonValue v = valueAt(m_source, key);
        spin->setValue(v.isDouble() ? int(v.toDouble()) : def);
    });
    writeOnChange(spin, &QSpinBox::valueChanged, key);
    return spin;
}

QWidget *EditorForm::doubleField(QFormLayout *form, const QString &label, const QString &name, const QString &key,
                                   double min, double max, double def, int decimals)
{
    auto *spin = new QDoubleSpinBox(m_owner);
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
    writeOnChange(spin, &QDoubleSpinBox::valueChanged, key);
    return spin;
}

QComboBox *EditorForm::comboField(QFormLayout *form, const QString &label, const QString &name, const QString &key,
                                    const QStringList &values, const QString &def)
{
    auto *combo = new QComboBox(m_owner);
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
        if (!isLoading())
            setValue(key, combo->currentData().toString());
    });
    return combo;
}

QCheckBox *EditorForm::checkField(QFormLayout *form, const QString &text, const QString &name, const QString &key, bool def)
{
    auto *check = new QCheckBox(text, m_owner);
    check->setObjectName(name);
    form->addRow(QString(), wrap(check, key, form));
    m_loaders.append([this, check, key, def] {
        const QJsonValue v = valueAt(m_source, key);
        check->setChecked(v.isBool() ? v.toBool() : def);
    });
    writeOnChange(check, &QCheckBox::toggled, key);
    return check;
}

QLineEdit *EditorForm::paramsField(QFormLayout *form, const QString &label, const QString &name, const QString &key)
{
    auto *edit = new QLineEdit(m_owner);
    edit->setObjectName(name);
    edit->setPlaceholderText(tr("name=value&name=value"));
    form->addRow(label, wrap(edit, key, form));
    m_loaders.append([this, edit, key] { edit->setText(paramsToText(valueAt(m_source, key).toObject())); });
    connect(edit, &QLineEdit::textChanged, this, [this, key](const QString &text) {
        if (isLoading())
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

QString EditorForm::everyText(qint64 seconds)
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

QWidget *EditorForm::durationField(QFormLayout *form, const QString &label, const QString &name, const QString &key, int def,
                                     const QString &offText)
{
    auto *box = new QWidget(m_owner);
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
        if (isLoading())
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


QTableWidget *EditorForm::makeTable(const QString &name, const QStringList &headers)
{
    auto *table = new QTableWidget(0, int(headers.size()), m_owner);
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


void EditorForm::setFieldVisible(const QString &key, bool visible)
{
    for (const Field &f : std::as_const(m_fields)) {
        if (f.key == key && f.form)
            f.form->setRowVisible(f.container, visible);
    }
}

} // namespace Tributary::Gui

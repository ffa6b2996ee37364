#include "ConnectionTestDialog.h"
#include "StatusColors.h"

#include "engine/ConnectionTest.h"
#include "util/Values.h"

#include <QAbstractTableModel>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace Tributary::Gui {

namespace {

using Verdict = ProbeCheck::Verdict;

// How a verdict looks: an icon and a colour, always next to its word (ProbeCheck::verdictText),
// so that it reads without colour too.
QIcon verdictIcon(const QStyle *style, Verdict v)
{
    switch (v) {
    case Verdict::Pass: return style->standardIcon(QStyle::SP_DialogApplyButton);
    case Verdict::Fail: return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case Verdict::Unknown: return style->standardIcon(QStyle::SP_MessageBoxQuestion);
    case Verdict::Skip: return style->standardIcon(QStyle::SP_MediaSkipForward);
    }
    return {};
}

QColor verdictColour(Verdict v)
{
    switch (v) {
    case Verdict::Pass: return StatusColors::foreground(StatusColors::Status::Success);
    case Verdict::Fail: return StatusColors::foreground(StatusColors::Status::Error);
    case Verdict::Unknown: return StatusColors::foreground(StatusColors::Status::Warning);
    case Verdict::Skip: return StatusColors::foreground(StatusColors::Status::Muted);
    }
    return {};
}

// Long words (URLs, configuration keys) wrap too: a zero-width space after each '.', '/', '?',
// '&' and '=' lets a line break there, so that nothing is cut at a column's edge. Only what is
// drawn (and measured) changes; the model's text stays as the probe wrote it.
class WrappingDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        static const QString breakAfter = QStringLiteral("./?&=");
        QString text;
        text.reserve(option->text.size() + option->text.size() / 4);
        for (const QChar c : std::as_const(option->text)) {
            text.append(c);
            if (breakAfter.contains(c))
                text.append(QChar(0x200b));
        }
        option->text = text;
    }
};

} // namespace

// The checks of one entity, one row each, in the probe's order and words.
class ProbeChecksModel : public QAbstractTableModel
{
public:
    ProbeChecksModel(const QStyle *style, QObject *parent) : QAbstractTableModel(parent), m_style(style) {}

    void setChecks(const QList<ProbeCheck> &checks)
    {
        beginResetModel();
        m_checks = checks;
        endResetModel();
    }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override { return parent.isValid() ? 0 : int(m_checks.size()); }
    int columnCount(const QModelIndex &parent = QModelIndex()) const override { return parent.isValid() ? 0 : 4; }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        switch (section) {
        case 0: return ConnectionTestDialog::tr("Verdict");
        case 1: return ConnectionTestDialog::tr("Check");
        case 2: return ConnectionTestDialog::tr("What the probe saw");
        case 3: return ConnectionTestDialog::tr("Fix");
        }
        return {};
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || index.row() >= m_checks.size())
            return {};
        const ProbeCheck &c = m_checks.at(index.row());
        switch (role) {
        case ConnectionTestDialog::CheckIdRole: return c.id;
        case ConnectionTestDialog::VerdictRole: return ProbeCheck::verdictName(c.verdict);
        case Qt::DisplayRole:
            switch (index.column()) {
            case 0: return ProbeCheck::verdictText(c.verdict);
            case 1: return ProbeCheck::title(c.id);
            case 2: return c.message;
            case 3: return c.fix;
            }
            return {};
        case Qt::DecorationRole:
            return index.column() == 0 ? QVariant(verdictIcon(m_style, c.verdict)) : QVariant();
        case Qt::ForegroundRole:
            return index.column() <= 1 ? QVariant(verdictColour(c.verdict)) : QVariant();
        case Qt::FontRole:
            if (index.column() <= 1 && c.verdict == Verdict::Fail) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            return {};
        case Qt::ToolTipRole:
            if (index.column() == 3 && !c.key.isEmpty()) {
                QString tip = ConnectionTestDialog::tr("Key: %1").arg(c.key);
                if (!c.suggestion.isUndefined() && !c.suggestion.isNull())
                    tip += QLatin1Char('\n') + ConnectionTestDialog::tr("Suggested value: %1").arg(displayValue(c.suggestion, 80));
                return c.fix + QStringLiteral("\n\n") + tip;
            }
            return index.column() == 2 ? QVariant(c.message) : QVariant();
        default:
            return {};
        }
    }

private:
    const QStyle *m_style;
    QList<ProbeCheck> m_checks;
};

// The records of one entity as they would be written: one row per record, one column per target
// column. Values are what the mapper produced (typed, timestamps in the database's format);
// reference columns show the referenced record's external id, which the sync translates. A field
// the record does not carry shows "absent", not NULL: NULL is a value the source sent.
class MappedRowsModel : public QAbstractTableModel
{
public:
    MappedRowsModel(const QStyle *style, QObject *parent) : QAbstractTableModel(parent), m_style(style) {}

    void setResult(const ConnectionTestResult *result, const EntityConfig *entity)
    {
        beginResetModel();
        m_records.clear();
        m_rawRecords.clear();
        m_columns.clear();
        m_referenceCount = 0;
        m_tooltips.clear();
        m_fieldColumns.clear();
        m_columnFields.clear();
        m_absentColumns.clear();
        m_externalIdField.clear();
        m_hasResult = result != nullptr;
        if (result) {
            m_records = result->records;
            m_rawRecords = result->rawRecords;
            m_columns = result->columns;
            m_referenceCount = int(result->referenceColumns.size());
            m_columns += result->referenceColumns;
            m_fieldColumns = result->fieldColumns;
            m_absentColumns = result->absentColumns;
            m_externalIdField = result->externalIdField;
            if (entity) {
                for (const ColumnMapping &c : entity->columns) {
                    m_columnFields.insert(c.column, c.field);
                    m_tooltips.insert(c.column, ConnectionTestDialog::tr("%1 \u2190 field \"%2\" (%3%4)")
                                                    .arg(c.column, c.field, c.type,
                                                         c.required ? ConnectionTestDialog::tr(", required") : QString()));
                }
                for (const ReferenceMapping &r : entity->references) {
                    m_columnFields.insert(r.column, r.field);
                    m_tooltips.insert(r.column, ConnectionTestDialog::tr("%1 \u2190 field \"%2\": the external id of a record of %3; "
                                                                         "the sync writes that record's local id")
                                                    .arg(r.column, r.field, r.entity));
                }
            }
        }
        endResetModel();
    }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : int(m_records.size());
    }
    int columnCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() || !m_hasResult ? 0 : int(m_columns.size()) + 2;
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation == Qt::Vertical)
            return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
        const bool mapped = section > 0 && section < columnCount() - 1;
        const QString column = mapped ? m_columns.value(section - 1) : QString();
        const bool absent = mapped && m_absentColumns.contains(column);
        if (role == Qt::DisplayRole) {
            if (section == 0)
                return ConnectionTestDialog::tr("external id");
            if (section == columnCount() - 1)
                return ConnectionTestDialog::tr("problem");
            return isReference(section) ? ConnectionTestDialog::tr("%1 (ref)").arg(column) : column;
        }
        if (role == Qt::DecorationRole && absent)
            return m_style->standardIcon(QStyle::SP_MessageBoxWarning);
        if (role == ConnectionTestDialog::AbsentRole)
            return absent;
        if (role == Qt::ToolTipRole) {
            if (section == 0)
                return ConnectionTestDialog::tr("field \"%1\"").arg(m_externalIdField);
            QString tip = m_tooltips.value(column);
            if (absent)
                tip += QStringLiteral("\n\n")
                    + ConnectionTestDialog::tr("No record read has the field \"%1\": the check \"%2\" fails, and a sync refuses such a page "
                                               "rather than write NULL into every row.")
                          .arg(m_columnFields.value(column), ProbeCheck::title(QStringLiteral("fields")));
            return tip;
        }
        return {};
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || index.row() >= m_records.size())
            return {};
        const MappedRecord &r = m_records.at(index.row());
        const int col = index.column();
        const bool problemColumn = col == columnCount() - 1;
        const QString column = col == 0 || problemColumn ? QString() : m_columns.value(col - 1);
        const bool error = isErrorCell(r, col);
        const bool absent = !column.isEmpty() && isAbsent(index.row(), column);
        const bool absentEverywhere = absent && m_absentColumns.contains(column);

        if (role == ConnectionTestDialog::ErrorRole)
            return error || (problemColumn && !r.isValid());
        if (role == ConnectionTestDialog::AbsentRole)
            return absent;
        if (role == Qt::DisplayRole) {
            if (error && col != 0)
                return QStringLiteral("\u26a0 ") + r.error;
            if (col == 0)
                return r.externalId;
            if (problemColumn)
                return r.isValid() ? QString() : ConnectionTestDialog::tr("%1: %2").arg(r.errorField, r.error);
            if (absent)
                //: A cell whose field the record does not carry (not a NULL the source sent).
                return ConnectionTestDialog::tr("absent");
            if (isReference(col))
                return r.refs.contains(column) ? r.refs.value(column) : ConnectionTestDialog::tr("NULL");
            const QVariant v = r.values.value(column);
            if (!r.values.contains(column))
                return QString();
            return v.isNull() ? ConnectionTestDialog::tr("NULL") : oneLine(v.toString());
        }
        if (role == Qt::ToolTipRole) {
            if (error || (problemColumn && !r.isValid()))
                return ConnectionTestDialog::tr("Field \"%1\": %2. The sync would quarantine this record.").arg(r.errorField, r.error);
            if (absent)
                return ConnectionTestDialog::tr("The record has no field \"%1\".").arg(m_columnFields.value(column));
            // Long or multi-line values are shortened in the cell; the whole value is here.
            const QString full = col > 0 && !problemColumn && !isReference(col) ? r.values.value(column).toString() : QString();
            return full != oneLine(full) ? full : QVariant();
        }
        if (role == Qt::ForegroundRole) {
            if (error || (problemColumn && !r.isValid()) || absentEverywhere)
                return StatusColors::foreground(StatusColors::Status::Error);
            if (col > 0 && !problemColumn && (absent || isNull(r, col)))
                return StatusColors::foreground(StatusColors::Status::Muted);
            return {};
        }
        if (role == Qt::BackgroundRole && (error || absentEverywhere))
            return StatusColors::background(StatusColors::Status::Error);
        return {};
    }

private:
    static QString oneLine(QString text)
    {
        constexpr int kMaxCell = 160;
        text.replace(QLatin1Char('\n'), QChar(0x21b5));
        return text.size() > kMaxCell ? text.left(kMaxCell) + QChar(0x2026) : text;
    }
    bool isReference(int section) const
    {
        return section >= 1 + m_columns.size() - m_referenceCount && section <= m_columns.size();
    }
    bool isNull(const MappedRecord &r, int col) const
    {
        const QString column = m_columns.value(col - 1);
        if (isReference(col))
            return !r.refs.contains(column);
        return r.values.contains(column) && r.values.value(column).isNull();
    }
    bool isAbsent(int row, const QString &column) const
    {
        const auto field = m_columnFields.constFind(column);
        return field != m_columnFields.constEnd() && row < m_rawRecords.size() && valueAt(m_rawRecords.at(row), *field).isUndefined();
    }
    // The cell where a record's mapping error belongs: the column filled from the failing field,
    // or the external id.
    bool isErrorCell(const MappedRecord &r, int col) const
    {
        if (r.isValid() || col == columnCount() - 1)
            return false;
        if (col == 0)
            return r.errorField == m_externalIdField;
        return m_fieldColumns.value(r.errorField).contains(m_columns.value(col - 1));
    }

    const QStyle *m_style;
    QList<MappedRecord> m_records;
    QList<QJsonObject> m_rawRecords;
    QStringList m_columns; // mapped columns, then reference columns
    int m_referenceCount = 0;
    QHash<QString, QString> m_tooltips;
    QHash<QString, QStringList> m_fieldColumns;
    QHash<QString, QString> m_columnFields;
    QStringList m_absentColumns;
    QString m_externalIdField;
    bool m_hasResult = false;
};

ConnectionTestDialog::ConnectionTestDialog(const Config &config, const QString &sourceName, QWidget *parent)
    : QDialog(parent), m_config(config), m_sourceName(sourceName)
{
    setObjectName(QStringLiteral("connectionTestDialog"));
    setWindowTitle(tr("Test connection: %1").arg(sourceName));
    resize(1100, 680);

    m_statusIcon = new QLabel(this);
    m_statusIcon->setObjectName(QStringLiteral("statusIcon"));
    m_statusIcon->setFixedSize(32, 32);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retest = new QPushButton(tr("Test again"), this);
    m_retest->setObjectName(QStringLiteral("retestButton"));
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    connect(m_retest, &QPushButton::clicked, this, &ConnectionTestDialog::start);
    connect(m_stop, &QPushButton::clicked, this, &ConnectionTestDialog::stop);
    auto *top = new QHBoxLayout;
    top->addWidget(m_statusIcon, 0, Qt::AlignTop);
    top->addWidget(m_status, 1);
    top->addWidget(m_stop, 0, Qt::AlignTop);
    top->addWidget(m_retest, 0, Qt::AlignTop);

    m_activity = new QLabel(this);
    m_activity->setObjectName(QStringLiteral("activityLabel"));
    m_activity->setWordWrap(true);
    m_activity->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_activity->hide();
    m_tick.setInterval(500);
    connect(&m_tick, &QTimer::timeout, this, &ConnectionTestDialog::updateActivity);

    m_entities = new QListWidget(this);
    m_entities->setObjectName(QStringLiteral("entityList"));
    m_entities->setMinimumWidth(230);
    m_entities->setIconSize(QSize(20, 20));
    connect(m_entities, &QListWidget::currentRowChanged, this, &ConnectionTestDialog::showEntity);

    auto *details = new QWidget(this);
    auto *form = new QFormLayout;
    auto label = [this](const QString &name) {
        auto *l = new QLabel(this);
        l->setObjectName(name);
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return l;
    };
    m_url = label(QStringLiteral("urlLabel"));
    m_pagination = label(QStringLiteral("paginationLabel"));
    m_total = label(QStringLiteral("totalLabel"));
    m_capabilities = label(QStringLiteral("capabilitiesLabel"));
    m_error = label(QStringLiteral("errorLabel"));
    StatusColors::setTextStatus(m_error, StatusColors::Status::Error);
    form->addRow(tr("URL:"), m_url);
    form->addRow(tr("Pagination:"), m_pagination);
    form->addRow(tr("Total:"), m_total);
    form->addRow(tr("Capabilities:"), m_capabilities);

    m_checks = new ProbeChecksModel(style(), this);
    m_checksView = new QTableView(this);
    m_checksView->setObjectName(QStringLiteral("checksView"));
    m_checksView->setModel(m_checks);
    m_checksView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_checksView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_checksView->setWordWrap(true);
    m_checksView->setTextElideMode(Qt::ElideNone);
    m_checksView->verticalHeader()->hide();
    m_checksView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_checksView->setItemDelegate(new WrappingDelegate(m_checksView));
    QHeaderView *checksHeader = m_checksView->horizontalHeader();
    checksHeader->setSectionResizeMode(0, QHeaderView::Interactive);
    checksHeader->setSectionResizeMode(1, QHeaderView::Interactive);
    checksHeader->setSectionResizeMode(2, QHeaderView::Stretch);
    checksHeader->setSectionResizeMode(3, QHeaderView::Interactive);
    m_checksView->setColumnWidth(0, 130);
    m_checksView->setColumnWidth(1, 180);
    m_checksView->setColumnWidth(3, 300);
    // Wrapped text needs the rows to follow the columns' widths.
    connect(checksHeader, &QHeaderView::sectionResized, m_checksView, [this] { m_checksView->resizeRowsToContents(); });

    m_model = new MappedRowsModel(style(), this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("mappedView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setWordWrap(false);
    m_record = new QPlainTextEdit(this);
    m_record->setObjectName(QStringLiteral("recordJson"));
    m_record->setReadOnly(true);
    m_record->setPlaceholderText(tr("Select a row to see the record as the source sent it."));
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        const ConnectionTestResult *r = resultAt(m_entities->currentRow());
        if (!r || !current.isValid() || current.row() >= r->rawRecords.size()) {
            m_record->clear();
            return;
        }
        m_record->setPlainText(QString::fromUtf8(QJsonDocument(r->rawRecords.at(current.row())).toJson(QJsonDocument::Indented)));
    });
    auto *rowsSplitter = new QSplitter(Qt::Vertical, this);
    rowsSplitter->addWidget(m_view);
    rowsSplitter->addWidget(m_record);
    rowsSplitter->setStretchFactor(0, 3);
    rowsSplitter->setStretchFactor(1, 1);

    m_raw = new QPlainTextEdit(this);
    m_raw->setObjectName(QStringLiteral("rawJson"));
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_raw->setFont(mono);
    m_record->setFont(mono);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->addTab(m_checksView, tr("Checks"));
    m_tabs->addTab(rowsSplitter, tr("Mapped rows (first page)"));
    m_tabs->addTab(m_raw, tr("Raw JSON (first page)"));

    auto *detailLayout = new QVBoxLayout(details);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addLayout(form);
    detailLayout->addWidget(m_error);
    detailLayout->addWidget(m_tabs, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_entities);
    splitter->addWidget(details);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({250, 850});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("buttons"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_activity);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    m_stop->setEnabled(false);
    showEntity(-1);
    updateStatus();
}

// The test is a child: deleting it stops the request in flight, so closing the dialog cancels.
ConnectionTestDialog::~ConnectionTestDialog()
{
    delete m_test;
}

void ConnectionTestDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (m_autoStart && !m_started)
        start();
}

void ConnectionTestDialog::start()
{
    m_started = true;
    if (m_test) {
        m_test->disconnect(this);
        m_test->abort();
        m_test->deleteLater();
    }
    m_test = new ConnectionTest(m_config, m_sourceName, this);
    connect(m_test, &ConnectionTest::requestStarted, this, &ConnectionTestDialog::updateActivity);
    connect(m_test, &ConnectionTest::entityFinished, this, &ConnectionTestDialog::onEntityFinished);
    connect(m_test, &ConnectionTest::finished, this, &ConnectionTestDialog::onFinished);

    const QString previous = currentEntity();
    m_entities->clear();
    for (int i = 0; i < m_test->results().size(); ++i) {
        auto *item = new QListWidgetItem(m_entities);
        item->setData(Qt::UserRole, m_test->results().at(i).entity);
        updateItem(i);
    }
    m_stop->setEnabled(true);
    m_retest->setEnabled(false);
    m_tabs->setCurrentIndex(0);
    m_test->start();
    m_tick.start();
    const QStringList names = entities();
    m_entities->setCurrentRow(names.contains(previous) ? int(names.indexOf(previous)) : (names.isEmpty() ? -1 : 0));
    updateStatus();
    updateActivity();
}

void ConnectionTestDialog::stop()
{
    if (m_test)
        m_test->abort();
}

bool ConnectionTestDialog::isRunning() const
{
    return m_test && m_test->isRunning();
}

bool ConnectionTestDialog::isFinished() const
{
    return m_test && m_test->isFinished();
}

bool ConnectionTestDialog::hasFailure() const
{
    return m_test && m_test->isFinished() && m_test->hasFailure();
}

QStringList ConnectionTestDialog::entities() const
{
    QStringList names;
    for (int i = 0; i < m_entities->count(); ++i)
        names.append(m_entities->item(i)->data(Qt::UserRole).toString());
    return names;
}

void ConnectionTestDialog::selectEntity(const QString &entity)
{
    const int i = int(entities().indexOf(entity));
    if (i >= 0)
        m_entities->setCurrentRow(i);
}

QString ConnectionTestDialog::currentEntity() const
{
    const QListWidgetItem *item = m_entities->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

QAbstractItemModel *ConnectionTestDialog::checksModel() const { return m_checks; }
QAbstractItemModel *ConnectionTestDialog::mappedModel() const { return m_model; }
QString ConnectionTestDialog::statusText() const { return m_status->text(); }
QString ConnectionTestDialog::activityText() const { return m_activity->isHidden() ? QString() : m_activity->text(); }
QString ConnectionTestDialog::paginationText() const { return m_pagination->text(); }
QString ConnectionTestDialog::totalText() const { return m_total->text(); }
QString ConnectionTestDialog::errorText() const { return m_error->text(); }
QString ConnectionTestDialog::rawJson() const { return m_raw->toPlainText(); }

QString ConnectionTestDialog::entityText(const QString &entity) const
{
    const int i = int(entities().indexOf(entity));
    return i >= 0 ? m_entities->item(i)->text() : QString();
}

const ConnectionTestResult *ConnectionTestDialog::resultAt(int index) const
{
    if (!m_test || index < 0 || index >= m_test->results().size())
        return nullptr;
    return &m_test->results().at(index);
}

void ConnectionTestDialog::onEntityFinished(int index)
{
    updateItem(index);
    if (index == m_entities->currentRow())
        showEntity(index);
    updateStatus();
}

void ConnectionTestDialog::onFinished()
{
    m_tick.stop();
    m_stop->setEnabled(false);
    m_retest->setEnabled(true);
    for (int i = 0; i < m_entities->count(); ++i)
        updateItem(i);
    showEntity(m_entities->currentRow());
    updateActivity();
    updateStatus();
    Q_EMIT finished();
}

void ConnectionTestDialog::updateActivity()
{
    if (!m_test || !m_test->isRunning()) {
        m_activity->clear();
        m_activity->hide();
        return;
    }
    const ApiProbe::Activity a = m_test->activity();
    QString text;
    if (a.entity.isEmpty()) {
        text = tr("Starting\u2026");
    } else {
        //: %1 an entity, %2 what is asked for ("page 2 of a full walk"), %3 seconds.
        text = tr("Waiting for %1: %2 (%3 s so far)").arg(a.entity, a.step, QString::number(a.waitingMs / 1000));
        if (a.retry) {
            // The latest retry, as it happens: which of how many, the wait left, and why.
            const RetryNotice &r = *a.retry;
            const qint64 left = (a.retryLeftMs + 999) / 1000;
            text += QLatin1Char('\n')
                + (left > 0 ? tr("Retry %1 of %2 in %3 s: %4").arg(r.retry).arg(r.maxRetries).arg(left).arg(r.why.section(QLatin1Char('\n'), 0, 0))
                            : tr("Retry %1 of %2 sent (the last attempt failed: %3)")
                                  .arg(r.retry)
                                  .arg(r.maxRetries)
                                  .arg(r.why.section(QLatin1Char('\n'), 0, 0)));
        } else if (a.retries > 0) {
            text += QLatin1Char(' ') + tr("after %n failed attempt(s)", "", a.retries);
        }
        if (!a.url.isEmpty())
            text += QLatin1Char('\n') + tr("GET %1").arg(a.url);
    }
    text += QLatin1Char('\n') + tr("The test gives up after %1 s; Stop ends it now.").arg(m_test->timeoutMs() / 1000);
    m_activity->setText(text);
    m_activity->show();
    // The entity being tested says so in the list, and so do the details when it is shown.
    const int index = int(entities().indexOf(a.entity));
    if (index >= 0) {
        updateItem(index);
        if (index == m_entities->currentRow())
            showEntity(index);
    }
}

void ConnectionTestDialog::updateItem(int index)
{
    const ConnectionTestResult *r = resultAt(index);
    QListWidgetItem *item = m_entities->item(index);
    if (!r || !item)
        return;
    const QStyle *s = style();
    QString text;
    QString tip;
    if (!r->finished) {
        const bool now = m_test->activity().entity == r->entity;
        text = now ? tr("%1 \u2014 testing\u2026").arg(r->entity) : tr("%1 \u2014 waiting its turn").arg(r->entity);
        item->setIcon(s->standardIcon(QStyle::SP_BrowserReload));
    } else if (!r->tested) {
        text = tr("%1 \u2014 not tested").arg(r->entity);
        tip = r->error.message;
        item->setIcon(s->standardIcon(QStyle::SP_MessageBoxWarning));
    } else {
        ProbeTally tally;
        tally.add(r->report.checks);
        const int failed = tally.count(Verdict::Fail);
        const int unknown = tally.count(Verdict::Unknown);
        QStringList failing;
        for (const ProbeCheck &c : r->report.checks) {
            if (c.verdict == Verdict::Fail)
                failing.append(ProbeCheck::title(c.id));
        }
        tip = failing.join(QLatin1Char('\n'));
        if (r->error) {
            text = tr("%1 \u2014 FAIL: cannot be read").arg(r->entity);
            tip = r->error.message;
            item->setIcon(verdictIcon(s, Verdict::Fail));
        } else if (failed > 0) {
            text = tr("%1 \u2014 FAIL: %n check(s) failed", "", failed).arg(r->entity);
            item->setIcon(verdictIcon(s, Verdict::Fail));
        } else if (unknown > 0) {
            text = tr("%1 \u2014 no check failed, %n could not tell", "", unknown).arg(r->entity);
            item->setIcon(verdictIcon(s, Verdict::Unknown));
        } else if (r->mappingErrors > 0) {
            text = tr("%1 \u2014 checks passed; some records not mappable").arg(r->entity);
            item->setIcon(s->standardIcon(QStyle::SP_MessageBoxWarning));
        } else {
            text = tr("%1 \u2014 every check passed").arg(r->entity);
            item->setIcon(verdictIcon(s, Verdict::Pass));
        }
    }
    item->setText(text);
    item->setToolTip(tip);
}

void ConnectionTestDialog::updateStatus()
{
    auto setIcon = [this](QStyle::StandardPixmap p) { m_statusIcon->setPixmap(style()->standardIcon(p).pixmap(32, 32)); };
    if (!m_test) {
        m_statusIcon->clear();
        m_status->setText(tr("Reads two or three pages of each entity and checks them against the configuration, as tributaryd "
                             "probe does. Nothing is written."));
        return;
    }
    const QList<ConnectionTestResult> &results = m_test->results();
    if (m_test->error() && results.isEmpty()) {
        setIcon(QStyle::SP_MessageBoxCritical);
        m_status->setText(tr("Cannot test: %1").arg(m_test->error().toString()));
        return;
    }
    if (results.isEmpty()) {
        m_statusIcon->clear();
        m_status->setText(m_test->isFinished() ? tr("The source has no enabled entity to test.") : tr("Testing\u2026"));
        return;
    }
    ProbeTally tally;
    int done = 0, notTested = 0, problems = 0, failed = 0;
    QStringList failing; // "entity: check, check", one per entity with a failure
    for (const ConnectionTestResult &r : results) {
        done += r.finished ? 1 : 0;
        notTested += r.finished && !r.tested ? 1 : 0;
        problems += r.mappingErrors;
        tally.add(r.report.checks);
        QStringList titles;
        for (const ProbeCheck &c : r.report.checks) {
            if (c.verdict == Verdict::Fail)
                titles.append(ProbeCheck::title(c.id));
        }
        failed += int(titles.size());
        if (!titles.isEmpty())
            failing.append(QStringLiteral("%1: %2").arg(r.entity, titles.join(QStringLiteral(", "))));
    }
    if (!m_test->isFinished()) {
        setIcon(QStyle::SP_BrowserReload);
        QString text = tr("Testing: %1 of %2 entities done.").arg(done).arg(results.size());
        if (!failing.isEmpty())
            text += QLatin1Char(' ') + tr("Failed so far: %1.").arg(failing.join(QStringLiteral("; ")));
        m_status->setText(text);
        return;
    }
    const int unknown = tally.count(Verdict::Unknown);
    QStringList parts;
    if (m_test->hasFailure()) {
        const bool stopped = m_test->error().code == Error::Code::Aborted;
        setIcon(stopped && failing.isEmpty() ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxCritical);
        if (!failing.isEmpty())
            parts.append(tr("FAILED: %n check(s) failed (%1). A sync with this configuration can miss records or write wrong "
                            "values; the fix is next to each check.",
                            "", failed)
                             .arg(failing.join(QStringLiteral("; "))));
        if (m_test->error())
            parts.append(stopped ? tr("Stopped before the end: %n entit(ies) not tested.", "", notTested)
                                 : tr("The test did not finish: %1. %n entit(ies) not tested.", "", notTested).arg(m_test->error().message));
    } else if (unknown > 0 || problems > 0) {
        setIcon(QStyle::SP_MessageBoxWarning);
        if (unknown > 0)
            parts.append(tr("Connected. No check failed, but %n could not tell: read why before trusting a sync.", "", unknown));
        else
            parts.append(tr("Connected. Every check passed."));
        if (problems > 0)
            parts.append(tr("%n record(s) of the first pages cannot be mapped: a sync would quarantine them.", "", problems));
    } else {
        setIcon(QStyle::SP_DialogApplyButton);
        parts.append(tr("Connected: every check passed. Nothing was written."));
    }
    parts.append(tally.text());
    m_status->setText(parts.join(QLatin1Char('\n')));
}

void ConnectionTestDialog::showEntity(int index)
{
    const ConnectionTestResult *r = resultAt(index);
    const EntityConfig *entity = nullptr;
    if (r) {
        if (const SourceConfig *s = m_config.source(m_sourceName))
            entity = s->entity(r->entity);
    }
    m_model->setResult(r && r->tested ? r : nullptr, entity);
    m_view->resizeColumnsToContents();
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_view->setColumnWidth(c, qMin(m_view->columnWidth(c), 320));
    const QList<ProbeCheck> checks = r && r->tested ? r->report.checks : QList<ProbeCheck>();
    m_checks->setChecks(checks);
    // The fix column only when a check has one: what the probe saw gets the room otherwise.
    const bool anyFix = std::any_of(checks.cbegin(), checks.cend(), [](const ProbeCheck &c) { return !c.fix.isEmpty(); });
    m_checksView->setColumnHidden(3, !anyFix);
    if (anyFix)
        m_checksView->setColumnWidth(3, qBound(160, m_checksView->viewport()->width() * 3 / 10, 300));
    m_checksView->resizeRowsToContents();
    m_record->clear();
    if (!r) {
        for (QLabel *l : {m_url, m_pagination, m_total, m_capabilities, m_error})
            l->clear();
        m_raw->clear();
        return;
    }
    if (!r->finished) {
        const ApiProbe::Activity a = m_test->activity();
        m_url->setText(a.entity == r->entity ? tr("testing: %1").arg(a.step) : tr("waiting its turn"));
        for (QLabel *l : {m_pagination, m_total, m_capabilities, m_error})
            l->clear();
        m_raw->clear();
        return;
    }
    if (!r->tested) {
        m_url->setText(tr("(not tested)"));
        for (QLabel *l : {m_pagination, m_total, m_capabilities})
            l->clear();
        m_error->setText(r->error.message);
        StatusColors::setTextStatus(m_error, StatusColors::Status::Warning);
        m_raw->clear();
        return;
    }
    const Page &first = r->report.firstPage;
    m_url->setText(r->report.url.isEmpty() ? tr("(no page was read)") : r->report.url);

    const EntityCapabilities &caps = r->report.capabilities;
    const QString style = caps.pagination.isEmpty() ? tr("not reported by the source") : caps.pagination;
    QString pagination;
    if (r->error)
        pagination = style;
    else if (!first.nextToken.isEmpty())
        pagination = tr("%1 \u2014 more pages follow").arg(style);
    else
        pagination = tr("%1 \u2014 this is the only page").arg(style);
    if (caps.stablePagination)
        pagination += tr(" (stable positions: records changing during a walk are not skipped)");
    m_pagination->setText(pagination);

    const int onPage = int(first.records.size());
    if (r->error)
        m_total->setText(tr("unknown"));
    else if (first.total >= 0)
        m_total->setText(tr("%n record(s)", "", int(qMin<qint64>(first.total, INT_MAX))) + QLatin1Char(' ')
                         + tr("(%n on the first page)", "", onPage));
    else
        m_total->setText(tr("not reported by the source (%n on the first page)", "", onPage));

    QStringList capsText;
    capsText.append(caps.incremental ? tr("incremental by \"%1\"").arg(caps.cursorField) : tr("full walks only (no change filter)"));
    if (caps.tieBreakById)
        capsText.append(tr("ties ordered by id"));
    if (caps.idScan)
        capsText.append(tr("cheap id scans"));
    if (caps.reportsTotal)
        capsText.append(tr("reports totals"));
    m_capabilities->setText(capsText.join(QStringLiteral(", ")));

    if (r->error) {
        // The probe's own words: the error, and the fix its "request" check gives.
        const ProbeCheck *request = r->report.check(QStringLiteral("request"));
        QString text = r->error.toString();
        if (request && !request->fix.isEmpty())
            text += QLatin1Char('\n') + tr("Fix: %1").arg(request->fix);
        m_error->setText(text);
        StatusColors::setTextStatus(m_error, StatusColors::Status::Error);
    } else if (!r->absentColumns.isEmpty()) {
        m_error->setText(tr("No record read has the field of: %1. Those cells say \"absent\": a sync would refuse the page rather "
                            "than write NULL into every row (see the check \"%2\").")
                             .arg(r->absentColumns.join(QStringLiteral(", ")), ProbeCheck::title(QStringLiteral("fields"))));
        StatusColors::setTextStatus(m_error, StatusColors::Status::Error);
    } else if (r->mappingErrors > 0) {
        m_error->setText(tr("%n record(s) on the first page cannot be mapped: the problem is shown in the column the field fills. "
                            "A sync would quarantine them and apply the rest.",
                            "", r->mappingErrors));
        StatusColors::setTextStatus(m_error, StatusColors::Status::Warning);
    } else {
        m_error->clear();
    }
    m_raw->setPlainText(r->rawJson);
}

} // namespace Tributary::Gui

#include "ConnectionTestDialog.h"

#include "engine/ConnectionTest.h"

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
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <climits>

namespace Tributary::Gui {

// The records of one entity as they would be written: one row per record, one column per target
// column. Values are what the mapper produced (typed, timestamps in the database's format);
// reference columns show the referenced record's external id, which the sync translates.
class MappedRowsModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setResult(const ConnectionTestResult *result, const EntityConfig *entity)
    {
        beginResetModel();
        m_records.clear();
        m_columns.clear();
        m_referenceCount = 0;
        m_tooltips.clear();
        m_fieldColumns.clear();
        m_externalIdField.clear();
        m_hasResult = result != nullptr;
        if (result) {
            m_records = result->records;
            m_columns = result->columns;
            m_referenceCount = int(result->referenceColumns.size());
            m_columns += result->referenceColumns;
            m_fieldColumns = result->fieldColumns;
            m_externalIdField = result->externalIdField;
            if (entity) {
                for (const ColumnMapping &c : entity->columns)
                    m_tooltips.insert(c.column, ConnectionTestDialog::tr("%1 \u2190 field \"%2\" (%3%4)")
                                                    .arg(c.column, c.field, c.type,
                                                         c.required ? ConnectionTestDialog::tr(", required") : QString()));
                for (const ReferenceMapping &r : entity->references)
                    m_tooltips.insert(r.column, ConnectionTestDialog::tr("%1 \u2190 field \"%2\": the external id of a record of %3; "
                                                                         "the sync writes that record's local id")
                                                    .arg(r.column, r.field, r.entity));
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
        if (role == Qt::DisplayRole) {
            if (section == 0)
                return ConnectionTestDialog::tr("external id");
            if (section == columnCount() - 1)
                return ConnectionTestDialog::tr("problem");
            const QString column = m_columns.value(section - 1);
            return isReference(section) ? ConnectionTestDialog::tr("%1 (ref)").arg(column) : column;
        }
        if (role == Qt::ToolTipRole) {
            if (section == 0)
                return ConnectionTestDialog::tr("field \"%1\"").arg(m_externalIdField);
            return m_tooltips.value(m_columns.value(section - 1));
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

        if (role == ConnectionTestDialog::ErrorRole)
            return error || (problemColumn && !r.isValid());
        if (role == Qt::DisplayRole) {
            if (error && col != 0)
                return QStringLiteral("\u26a0 ") + r.error;
            if (col == 0)
                return r.externalId;
            if (problemColumn)
                return r.isValid() ? QString() : ConnectionTestDialog::tr("%1: %2").arg(r.errorField, r.error);
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
            // Long or multi-line values are shortened in the cell; the whole value is here.
            const QString full = col > 0 && !problemColumn && !isReference(col) ? r.values.value(column).toString() : QString();
            return full != oneLine(full) ? full : QVariant();
        }
        if (role == Qt::ForegroundRole) {
            if (error || (problemColumn && !r.isValid()))
                return QColor(Qt::darkRed);
            if (col > 0 && !problemColumn && isNull(r, col))
                return QColor(Qt::gray);
            return {};
        }
        if (role == Qt::BackgroundRole && error)
            return QColor(255, 225, 225);
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

    QList<MappedRecord> m_records;
    QStringList m_columns; // mapped columns, then reference columns
    int m_referenceCount = 0;
    QHash<QString, QString> m_tooltips;
    QHash<QString, QStringList> m_fieldColumns;
    QString m_externalIdField;
    bool m_hasResult = false;
};

ConnectionTestDialog::ConnectionTestDialog(const Config &config, const QString &sourceName, QWidget *parent)
    : QDialog(parent), m_config(config), m_sourceName(sourceName)
{
    setObjectName(QStringLiteral("connectionTestDialog"));
    setWindowTitle(tr("Test connection: %1").arg(sourceName));
    resize(1000, 700);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_retest = new QPushButton(tr("Test again"), this);
    m_retest->setObjectName(QStringLiteral("retestButton"));
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    connect(m_retest, &QPushButton::clicked, this, &ConnectionTestDialog::start);
    connect(m_stop, &QPushButton::clicked, this, &ConnectionTestDialog::stop);
    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_stop);
    top->addWidget(m_retest);

    m_entities = new QListWidget(this);
    m_entities->setObjectName(QStringLiteral("entityList"));
    m_entities->setMinimumWidth(260);
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
    m_error->setStyleSheet(QStringLiteral("color: #b00000;"));
    form->addRow(tr("URL:"), m_url);
    form->addRow(tr("Pagination:"), m_pagination);
    form->addRow(tr("Total:"), m_total);
    form->addRow(tr("Capabilities:"), m_capabilities);

    m_model = new MappedRowsModel(this);
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
    m_tabs->addTab(rowsSplitter, tr("Mapped rows"));
    m_tabs->addTab(m_raw, tr("Raw JSON"));

    auto *detailLayout = new QVBoxLayout(details);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addLayout(form);
    detailLayout->addWidget(m_error);
    detailLayout->addWidget(m_tabs, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_entities);
    splitter->addWidget(details);
    splitter->setStretchFactor(1, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("buttons"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    m_stop->setEnabled(false);
    showEntity(-1);
    updateStatus();
}

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
    m_test->start();
    const QStringList names = entities();
    m_entities->setCurrentRow(names.contains(previous) ? int(names.indexOf(previous)) : (names.isEmpty() ? -1 : 0));
    updateStatus();
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

QAbstractItemModel *ConnectionTestDialog::mappedModel() const
{
    return m_model;
}

QString ConnectionTestDialog::statusText() const { return m_status->text(); }
QString ConnectionTestDialog::paginationText() const { return m_pagination->text(); }
QString ConnectionTestDialog::totalText() const { return m_total->text(); }
QString ConnectionTestDialog::errorText() const { return m_error->text(); }
QString ConnectionTestDialog::rawJson() const { return m_raw->toPlainText(); }

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
    m_stop->setEnabled(false);
    m_retest->setEnabled(true);
    updateStatus();
    Q_EMIT finished();
}

void ConnectionTestDialog::updateItem(int index)
{
    const ConnectionTestResult *r = resultAt(index);
    QListWidgetItem *item = m_entities->item(index);
    if (!r || !item)
        return;
    QStyle *s = style();
    QString text;
    if (!r->finished) {
        text = tr("%1 \u2014 waiting\u2026").arg(r->entity);
        item->setIcon(s->standardIcon(QStyle::SP_BrowserReload));
    } else if (r->error) {
        text = tr("%1 \u2014 failed").arg(r->entity);
        item->setIcon(s->standardIcon(QStyle::SP_MessageBoxCritical));
    } else if (r->mappingErrors > 0) {
        text = tr("%1 \u2014 %n record(s), some not mappable", "", r->recordCount).arg(r->entity);
        item->setIcon(s->standardIcon(QStyle::SP_MessageBoxWarning));
    } else {
        text = tr("%1 \u2014 %n record(s)", "", r->recordCount).arg(r->entity);
        item->setIcon(s->standardIcon(QStyle::SP_DialogApplyButton));
    }
    item->setText(text);
    item->setToolTip(r->error ? r->error.toString() : QString());
}

void ConnectionTestDialog::updateStatus()
{
    if (!m_test) {
        m_status->setText(tr("Fetches the first page of each entity and maps it; nothing is written."));
        return;
    }
    if (m_test->error()) {
        m_status->setText(tr("Cannot test: %1").arg(m_test->error().toString()));
        return;
    }
    const QList<ConnectionTestResult> &results = m_test->results();
    int done = 0, failed = 0, records = 0, problems = 0;
    for (const ConnectionTestResult &r : results) {
        done += r.finished ? 1 : 0;
        failed += r.finished && r.error ? 1 : 0;
        records += int(r.records.size());
        problems += r.mappingErrors;
    }
    if (results.isEmpty()) {
        m_status->setText(m_test->isFinished() ? tr("The source has no enabled entity to test.") : tr("Testing\u2026"));
        return;
    }
    if (!m_test->isFinished()) {
        m_status->setText(tr("Fetching the first page of each entity (%1 of %2 answered)\u2026").arg(done).arg(results.size()));
        return;
    }
    QString text = failed == 0 ? tr("Connected: every entity answered. Nothing was written.")
                               : tr("%n of %1 entities failed; see the entity for the reason.", "", failed).arg(results.size());
    text += QLatin1Char(' ') + tr("%n record(s) read", "", records);
    if (problems > 0)
        text += QLatin1Char(' ') + tr("(%n cannot be mapped)", "", problems);
    text += QLatin1Char('.');
    m_status->setText(text);
}

void ConnectionTestDialog::showEntity(int index)
{
    const ConnectionTestResult *r = resultAt(index);
    const EntityConfig *entity = nullptr;
    if (r) {
        if (const SourceConfig *s = m_config.source(m_sourceName))
            entity = s->entity(r->entity);
    }
    m_model->setResult(r && r->finished ? r : nullptr, entity);
    m_view->resizeColumnsToContents();
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_view->setColumnWidth(c, qMin(m_view->columnWidth(c), 320));
    m_record->clear();
    if (!r) {
        for (QLabel *l : {m_url, m_pagination, m_total, m_capabilities, m_error})
            l->clear();
        m_raw->clear();
        return;
    }
    if (!r->finished) {
        m_url->setText(tr("waiting for the first page\u2026"));
        for (QLabel *l : {m_pagination, m_total, m_capabilities, m_error})
            l->clear();
        m_raw->clear();
        return;
    }
    m_url->setText(r->url.isEmpty() ? tr("(no request was sent)") : r->url);

    const EntityCapabilities &caps = r->capabilities;
    const QString style = caps.pagination.isEmpty() ? tr("not reported by the source") : caps.pagination;
    QString pagination;
    if (r->error)
        pagination = style;
    else if (r->hasNextPage)
        pagination = tr("%1 \u2014 more pages follow").arg(style);
    else
        pagination = tr("%1 \u2014 this is the only page").arg(style);
    if (caps.stablePagination)
        pagination += tr(" (stable positions: records changing during a walk are not skipped)");
    m_pagination->setText(pagination);

    if (r->error)
        m_total->setText(tr("unknown"));
    else if (r->total >= 0)
        m_total->setText(tr("%n record(s)", "", int(qMin<qint64>(r->total, INT_MAX))) + QLatin1Char(' ')
                         + tr("(%n on this page)", "", r->recordCount));
    else
        m_total->setText(tr("not reported by the source (%n on this page)", "", r->recordCount));

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
        QString hint;
        switch (r->error.code) {
        case Error::Code::Auth:
            hint = tr("The source refused the credentials: check the token or password the configuration names.");
            break;
        case Error::Code::Network:
        case Error::Code::RateLimited:
            hint = tr("Check the base URL and that the server is reachable.");
            break;
        case Error::Code::Config:
            hint = tr("Fix the configuration (or the credential it names) and test again.");
            break;
        case Error::Code::Http:
        case Error::Code::Parse:
            hint = tr("Check the endpoint and where the records are (records_path).");
            break;
        default:
            break;
        }
        m_error->setText(hint.isEmpty() ? r->error.toString() : r->error.toString() + QLatin1Char('\n') + hint);
        m_error->setStyleSheet(QStringLiteral("color: #b00000;"));
    } else if (r->mappingErrors > 0) {
        m_error->setText(tr("%n record(s) on this page cannot be mapped: the problem is shown in the column the field fills. "
                            "A sync would quarantine them and apply the rest.",
                            "", r->mappingErrors));
        m_error->setStyleSheet(QStringLiteral("color: #a05000;"));
    } else {
        m_error->clear();
    }
    m_raw->setPlainText(r->rawJson);
    if (r->error)
        m_tabs->setCurrentIndex(0);
}

} // namespace Tributary::Gui

#include "SourceAdminDialog.h"

#include "DatabaseTask.h"
#include "DisplayText.h"
#include "SourcePlanModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

#include <climits>
#include <memory>
#include <utility>

namespace Tributary::Gui {

namespace {

// The n that picks a plural form; %Ln shows the count in the locale's digits and grouping.
int count(qint64 n) { return int(qMin<qint64>(n, INT_MAX)); }

QString forgets(const SourceAdmin::Result &r)
{
    //: What detaching forgets: links, cursors, pending records and quarantined records, counted.
    return SourceAdminDialog::tr("%1, %2, %3 and %4")
        .arg(SourceAdminDialog::tr("%Ln link(s)", nullptr, count(r.links)), SourceAdminDialog::tr("%Ln cursor(s)", nullptr, count(r.cursors)),
             SourceAdminDialog::tr("%Ln pending record(s)", nullptr, count(r.pending)),
             SourceAdminDialog::tr("%Ln quarantined record(s)", nullptr, count(r.quarantined)));
}

QString resolves(const SourceAdmin::Result &r)
{
    return SourceAdminDialog::tr("%Ln open conflict(s) resolved as 'detached'", nullptr, count(r.conflictsResolved));
}

} // namespace

SourceAdminDialog::SourceAdminDialog(Operation operation, const Config &config, const QString &source, QWidget *parent)
    : QDialog(parent), m_operation(operation), m_config(config), m_source(source)
{
    const bool purge = operation == Operation::Purge;
    setObjectName(purge ? QStringLiteral("purgeDialog") : QStringLiteral("detachDialog"));
    setWindowTitle(purge ? tr("Purge Source") : tr("Detach Source"));

    auto *intro = new QLabel(purge ? tr("Purging a source deletes the rows only it inserted (rows it adopted, and rows another source "
                                        "links too, stay), writing each to the change log, then detaches it. Its runs and the change log "
                                        "stay as history. This is what tributaryd source purge does.")
                                   : tr("Detaching a source forgets what Tributary keeps for it: links, cursors, pending records and "
                                        "quarantine; its open conflicts are resolved as 'detached'. Every row stays in place and becomes "
                                        "the main application's own. This is what tributaryd source detach does."));
    intro->setWordWrap(true);

    m_sourceBox = new QComboBox;
    m_sourceBox->setObjectName(QStringLiteral("adminSource"));
    connect(m_sourceBox, &QComboBox::activated, this, [this](int index) { setSource(m_sourceBox->itemData(index).toString()); });
    m_stateLabel = new QLabel;
    m_stateLabel->setObjectName(QStringLiteral("adminState"));
    m_stateLabel->setWordWrap(true);
    m_force = new QCheckBox(purge ? tr("Purge it although it is enabled (--force): its next sync inserts again every row the purge deletes")
                                  : tr("Detach it although it is enabled (--force): its next sync takes every record as new, adopting "
                                       "what its match keys find and inserting the others again"));
    m_force->setObjectName(QStringLiteral("adminForce"));
    m_force->hide();
    connect(m_force, &QCheckBox::toggled, this, [this] { refresh(); });

    m_planModel = new SourcePlanModel(this);
    m_planView = new QTableView;
    m_planView->setObjectName(QStringLiteral("adminPlan"));
    m_planView->setModel(m_planModel);
    m_planView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_planView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_planView->verticalHeader()->hide();
    m_planView->horizontalHeader()->setStretchLastSection(true);
    m_planLabel = new QLabel;
    m_planLabel->setObjectName(QStringLiteral("adminPlanText"));
    m_planLabel->setWordWrap(true);
    m_planLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_confirmLabel = new QLabel;
    m_confirmLabel->setObjectName(QStringLiteral("adminConfirmLabel"));
    m_confirmLabel->setWordWrap(true);
    m_confirm = new QLineEdit;
    m_confirm->setObjectName(QStringLiteral("adminConfirm"));
    connect(m_confirm, &QLineEdit::textChanged, this, &SourceAdminDialog::updateControls);
    m_confirmLabel->setVisible(purge);
    m_confirm->setVisible(purge);

    m_resultLabel = new QLabel;
    m_resultLabel->setObjectName(QStringLiteral("adminResult"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_resultLabel->font();
    bold.setBold(true);
    m_resultLabel->setFont(bold);
    m_resultLabel->hide();

    auto *buttons = new QDialogButtonBox;
    m_apply = buttons->addButton(purge ? tr("Purge") : tr("Detach"), QDialogButtonBox::DestructiveRole);
    m_apply->setObjectName(QStringLiteral("adminApply"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("adminCancel"));
    // Enter never applies: the default is to do nothing.
    m_apply->setAutoDefault(false);
    m_cancel->setDefault(true);
    connect(m_apply, &QPushButton::clicked, this, &SourceAdminDialog::apply);
    connect(m_cancel, &QPushButton::clicked, this, &SourceAdminDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Source:"), m_sourceBox);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_stateLabel);
    layout->addWidget(m_force);
    layout->addWidget(m_planView, 1);
    layout->addWidget(m_planLabel);
    layout->addWidget(m_confirmLabel);
    layout->addWidget(m_confirm);
    layout->addWidget(m_resultLabel);
    layout->addWidget(buttons);
    resize(760, 520);
    refresh();
}

SourceAdminDialog::~SourceAdminDialog() = default; // a task still working is waited for

QStringList SourceAdminDialog::sources() const
{
    QStringList names;
    for (const SourceAdmin::SourceState &s : m_states)
        names.append(s.name);
    return names;
}

void SourceAdminDialog::setSource(const QString &source)
{
    if (source == m_source || m_applied)
        return;
    m_source = source;
    m_confirm->clear();
    const QSignalBlocker quiet(m_force);
    m_force->setChecked(false); // forcing is chosen for one source at a time
    refresh();
}

void SourceAdminDialog::setForce(bool force) { m_force->setChecked(force); }

bool SourceAdminDialog::isBusy() const { return m_task && m_task->isRunning(); }

const SourceAdmin::SourceState *SourceAdminDialog::state(const QString &source) const
{
    for (const SourceAdmin::SourceState &s : m_states) {
        if (s.name == source)
            return &s;
    }
    return nullptr;
}

void SourceAdminDialog::refresh()
{
    if (isBusy()) {
        m_refreshAgain = true;
        return;
    }
    m_hasPlan = false;
    m_planError = Error();
    m_planModel->clear();
    m_planLabel->setText(tr("Counting what would change..."));
    struct Read
    {
        QList<SourceAdmin::SourceState> states;
        QString source;
        SourceAdmin::Result plan;
        Error planError;
    };
    auto read = std::make_shared<Read>();
    read->source = m_source;
    SourceAdmin::Options options;
    options.force = m_force->isChecked();
    const bool purge = m_operation == Operation::Purge;
    m_task = new DatabaseTask(m_config, [read, options, purge](Database &db, const Config &config, Error *error) {
        read->states = SourceAdmin::knownSources(db, config, error);
        if (error->isError())
            return;
        if (read->source.isEmpty() && !read->states.isEmpty())
            read->source = read->states.first().name;
        if (read->source.isEmpty())
            return;
        read->plan = purge ? SourceAdmin::planPurge(db, config, read->source, options, &read->planError)
                           : SourceAdmin::planDetach(db, config, read->source, options, &read->planError);
    }, this);
    connect(m_task, &DatabaseTask::finished, this, [this, read](const Error &error) {
        m_task->deleteLater();
        m_task = nullptr;
        if (std::exchange(m_refreshAgain, false)) {
            refresh();
            return;
        }
        if (error) {
            m_planError = error;
        } else {
            m_states = read->states;
            m_source = read->source;
            m_plan = read->plan;
            m_planError = read->planError;
            m_hasPlan = !m_source.isEmpty() && !m_planError;
        }
        showPlan();
        Q_EMIT planned();
    });
    m_task->start();
    updateControls();
}

QString SourceAdminDialog::describeState(const SourceAdmin::SourceState &s) const
{
    if (s.isRemoved())
        return tr("\"%1\" is no longer in the configuration: its %Ln linked row(s) stay in place in the main database until it is "
                  "detached or purged.",
                  nullptr, count(s.links))
            .arg(s.name);
    if (!s.configured)
        return tr("Tributary holds nothing for \"%1\".").arg(s.name);
    if (!s.enabled)
        return tr("\"%1\" is in the configuration but disabled: no sync runs it. %Ln row(s) are linked to it.", nullptr, count(s.links))
            .arg(s.name);
    return tr("\"%1\" is in the configuration and enabled: its next sync would link, or insert, everything again. Remove it from the "
              "configuration or disable it first (Source ▸ Edit Source), or tick the box below.")
        .arg(s.name);
}

void SourceAdminDialog::showPlan()
{
    m_sourceBox->clear();
    for (const SourceAdmin::SourceState &s : std::as_const(m_states)) {
        //: The state of a source in the detach and purge dialogs.
        const QString how = s.isRemoved() ? tr("removed") : !s.configured ? tr("nothing kept") : s.enabled ? tr("enabled") : tr("disabled");
        m_sourceBox->addItem(QStringLiteral("%1 (%2)").arg(s.name, how), s.name);
    }
    m_sourceBox->setCurrentIndex(m_sourceBox->findData(m_source));
    const SourceAdmin::SourceState *s = state(m_source);
    m_stateLabel->setText(s ? describeState(*s) : QString());
    m_force->setVisible(s && s->configured && s->enabled);
    if (m_hasPlan && m_operation == Operation::Purge)
        m_planModel->setPurgePlan(m_plan.entities);
    else if (m_hasPlan && s)
        m_planModel->setDetachPlan(s->entities);
    else
        m_planModel->clear();
    m_planView->resizeColumnsToContents();
    m_planLabel->setText(planText());
    m_confirmLabel->setText(tr("Type the source's name, %1, to confirm. The rows are deleted from the main database; only the change "
                               "log keeps their values.")
                                .arg(m_source));
    updateControls();
}

QString SourceAdminDialog::planText() const
{
    if (m_planError)
        return (m_operation == Operation::Purge ? tr("Cannot purge: %1") : tr("Cannot detach: %1")).arg(DisplayText::error(m_planError));
    if (!m_hasPlan)
        return m_states.isEmpty() ? tr("No source is configured, and the main database holds nothing of any.") : QString();
    const SourceAdmin::Result &r = m_plan;
    QStringList lines;
    if (m_operation == Operation::Purge) {
        lines << tr("Purging \"%1\" would, in one transaction:").arg(m_source)
              << QStringLiteral("• ")
                     + tr("delete %Ln row(s) only this source brought (children first), each written to the change log with its values;",
                          nullptr, count(r.rowsDeleted))
              //: %1: "N row(s)", %2: "N adopted row(s)".
              << QStringLiteral("• ")
                     + tr("keep %1 another source links too and %2 (the main application's own, or another source's);")
                           .arg(tr("%Ln row(s)", nullptr, count(r.rowsShared)), tr("%Ln adopted row(s)", nullptr, count(r.rowsAdopted)))
              << QStringLiteral("• ") + tr("then detach it: forget %1; %2.").arg(forgets(r), resolves(r));
    } else {
        lines << tr("Detaching \"%1\" would, in one transaction:").arg(m_source) << QStringLiteral("• ") + tr("forget %1;").arg(forgets(r))
              << QStringLiteral("• ") + resolves(r) + QLatin1Char('.')
              << tr("Every row stays in the main database as the main application's own; runs and the change log stay.");
    }
    return lines.join(QLatin1Char('\n'));
}

bool SourceAdminDialog::canApply() const
{
    if (isBusy() || !m_hasPlan || m_applied || (m_running && m_running(m_source)))
        return false;
    return m_operation == Operation::Detach || m_confirm->text() == m_source;
}

void SourceAdminDialog::updateControls()
{
    m_sourceBox->setEnabled(!isBusy() && !m_applied);
    m_force->setEnabled(!isBusy() && !m_applied);
    m_confirm->setEnabled(m_hasPlan && !m_applied && !isBusy());
    m_apply->setEnabled(canApply());
    m_apply->setText(m_source.isEmpty() ? m_apply->text()
                                        : (m_operation == Operation::Purge ? tr("Purge %1") : tr("Detach %1")).arg(m_source));
    m_cancel->setEnabled(!m_applying);
    if (m_running && m_running(m_source) && !m_applied)
        m_apply->setToolTip(tr("%1 is syncing in this console: wait for the run to end, or stop it.").arg(m_source));
    else
        m_apply->setToolTip(QString());
}

bool SourceAdminDialog::apply()
{
    if (!canApply())
        return false;
    SourceAdmin::Options options;
    options.force = m_force->isChecked();
    options.actor = SourceAdmin::personActor();
    const QString source = m_source;
    const bool purge = m_operation == Operation::Purge;
    auto result = std::make_shared<SourceAdmin::Result>();
    m_task = new DatabaseTask(m_config, [result, options, source, purge](Database &db, const Config &config, Error *error) {
        *result = purge ? SourceAdmin::purge(db, config, source, options, error) : SourceAdmin::detach(db, config, source, options, error);
    }, this);
    connect(m_task, &DatabaseTask::finished, this, [this, result](const Error &error) {
        m_task->deleteLater();
        m_task = nullptr;
        m_applying = false;
        m_applyError = error;
        m_applied = !error;
        m_result = *result;
        m_resultLabel->setText(resultText());
        m_resultLabel->show();
        if (m_applied) {
            m_planLabel->hide(); // what would have happened is what did: the result says it
            m_confirmLabel->hide();
            m_confirm->hide();
            m_apply->hide();
            m_cancel->setText(tr("Close"));
            updateControls();
        } else {
            refresh(); // the figures as they are now
        }
        Q_EMIT done(error);
    });
    m_planLabel->setText(planText() + QLatin1Char('\n') + (purge ? tr("Purging...") : tr("Detaching...")));
    m_applying = true;
    m_task->start();
    updateControls();
    return true;
}

QString SourceAdminDialog::resultText() const
{
    if (m_applyError)
        return (m_operation == Operation::Purge ? tr("The purge did not happen: %1") : tr("The detach did not happen: %1"))
            .arg(DisplayText::error(m_applyError));
    if (!m_applied)
        return QString();
    const SourceAdmin::Result &r = m_result;
    if (m_operation == Operation::Detach)
        return tr("Detached source \"%1\": forgot %2; %3.").arg(r.source, forgets(r), resolves(r)) + QLatin1Char('\n')
            + tr("Every row stays in the main database.");
    QStringList deleted;
    for (const SourceAdmin::EntityPurge &e : r.entities) {
        if (e.deleted > 0)
            deleted.append(QStringLiteral("%1 %2").arg(e.table, DisplayText::number(e.deleted)));
    }
    //: %2: "N row(s)", %3: the rows deleted per table, or nothing.
    return tr("Purged source \"%1\": deleted %2%3; kept %4 shared and %5 adopted.")
               .arg(r.source, tr("%Ln row(s)", nullptr, count(r.rowsDeleted)),
                    deleted.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(deleted.join(QStringLiteral(", "))),
                    DisplayText::number(r.rowsShared), DisplayText::number(r.rowsAdopted))
        + QLatin1Char('\n') + tr("Detached it: forgot %1; %2.").arg(forgets(r), resolves(r));
}

void SourceAdminDialog::reject()
{
    // A purge or detach at work ends its transaction first: closing now would wait for it anyway.
    if (m_applying)
        return;
    QDialog::reject();
}

} // namespace Tributary::Gui

#include "VerifyDialog.h"

#include "DisplayText.h"
#include "VerifyReportModel.h"

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <climits>

namespace Tributary::Gui {

namespace {

QTableView *reportView(VerifyReportModel *model, const QString &name, bool stretchLast)
{
    auto *view = new QTableView;
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(stretchLast);
    return view;
}

} // namespace

VerifyDialog::VerifyDialog(const Config &config, const QString &source, QWidget *parent)
    : QDialog(parent), m_config(config), m_source(source)
{
    setObjectName(QStringLiteral("verifyDialog"));
    setWindowTitle(tr("Verify %1").arg(source));
    if (const SourceConfig *sc = m_config.source(source)) {
        for (const EntityConfig *e : sc->orderedEntities())
            m_order.append(e->name);
    }

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("verifyStatus"));
    m_status->setWordWrap(true);
    m_busy = new QProgressBar;
    m_busy->setObjectName(QStringLiteral("verifyBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_verdict = new QLabel;
    m_verdict->setObjectName(QStringLiteral("verifyVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    m_verdict->hide();

    m_entities = new VerifyReportModel(VerifyReportModel::Table::Entities, this);
    m_checks = new VerifyReportModel(VerifyReportModel::Table::Checks, this);
    m_entitiesView = reportView(m_entities, QStringLiteral("verifyEntities"), false);
    m_checksView = reportView(m_checks, QStringLiteral("verifyChecks"), true); // what was found
    m_details = new QPlainTextEdit;
    m_details->setObjectName(QStringLiteral("verifyDetails"));
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_entitiesView);
    splitter->addWidget(m_checksView);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(1, 1);

    auto *buttons = new QDialogButtonBox;
    m_stopButton = buttons->addButton(tr("Stop"), QDialogButtonBox::ActionRole);
    m_stopButton->setObjectName(QStringLiteral("verifyStop"));
    m_stopButton->setToolTip(tr("Stop the verify; nothing is concluded from a verify that did not finish"));
    m_againButton = buttons->addButton(tr("Verify Again"), QDialogButtonBox::ActionRole);
    m_againButton->setObjectName(QStringLiteral("verifyAgain"));
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("verifyClose"));
    connect(m_stopButton, &QPushButton::clicked, this, &VerifyDialog::stop);
    connect(m_againButton, &QPushButton::clicked, this, &VerifyDialog::start);
    connect(close, &QPushButton::clicked, this, &QDialog::close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_busy);
    layout->addWidget(m_verdict);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(900, 560);

    m_runner = new VerifyRunner(this);
    connect(m_runner, &VerifyRunner::progress, this, &VerifyDialog::onProgress);
    connect(m_runner, &VerifyRunner::finished, this, &VerifyDialog::onFinished);
}

VerifyDialog::~VerifyDialog() = default; // the runner stops and joins its thread

bool VerifyDialog::isRunning() const { return m_runner->isRunning(); }

void VerifyDialog::start()
{
    if (m_runner->isRunning())
        return;
    m_finished = false;
    m_outcome = VerifyOutcome();
    m_entities->clear();
    m_checks->clear();
    m_details->clear();
    m_verdict->hide();
    Error error;
    if (!m_runner->start(m_config, m_source, &error)) {
        onFinished(VerifyOutcome{m_source, {}, error, false, 0});
        return;
    }
    //: %1 the source
    m_status->setText(tr("Verifying %1: every record at the source is read and compared with the main database. This takes about as "
                         "long as a full sync's walk; the window stays usable.")
                          .arg(m_source));
    m_busy->show();
    m_stopButton->setEnabled(true);
    m_againButton->setEnabled(false);
    Q_EMIT started(m_source);
}

void VerifyDialog::stop()
{
    if (!m_runner->isRunning() || m_runner->isStopping())
        return;
    m_runner->stop();
    m_stopButton->setEnabled(false);
    m_status->setText(tr("Stopping the verify..."));
}

void VerifyDialog::onProgress(const QString &entity, qint64 records)
{
    if (m_runner->isStopping())
        return;
    const int position = int(m_order.indexOf(entity)) + 1;
    //: %1 the source, %2 the entity, %3 its place in the order, %4 how many entities, %5 records read so far
    m_status->setText(tr("Verifying %1: %2 (entity %3 of %4), %5 records read and compared so far.")
                          .arg(m_source, entity)
                          .arg(position)
                          .arg(m_order.size())
                          .arg(DisplayText::number(records)));
}

void VerifyDialog::onFinished(const VerifyOutcome &outcome)
{
    m_outcome = outcome;
    m_finished = true;
    m_busy->hide();
    m_stopButton->setEnabled(false);
    m_againButton->setEnabled(true);
    m_entities->setReports(outcome.reports);
    m_checks->setReports(outcome.reports);
    m_entitiesView->resizeColumnsToContents();
    m_checksView->resizeColumnsToContents();
    m_status->setText(tr("Verify of %1 against the main database:").arg(m_source));
    m_verdict->setText(verdict(outcome));
    m_verdict->setToolTip(outcome.error ? outcome.error.toString() : QString());
    m_verdict->show();
    m_details->setPlainText(details(outcome));
    Q_EMIT verified(outcome);
}

QString VerifyDialog::verdictText() const { return m_finished ? m_verdict->text() : QString(); }

QString VerifyDialog::detailsText() const { return m_details->toPlainText(); }

QString VerifyDialog::verdict(const VerifyOutcome &o) const
{
    // tributaryd verify's verdicts, in the same order of precedence.
    if (o.error) {
        if (o.error.code == Error::Code::Aborted)
            return tr("Stopped: the verify did not finish, so nothing is concluded.");
        return tr("Verification could not finish: %1").arg(DisplayText::error(o.error));
    }
    if (o.inSync) {
        QString text = tr("IN SYNC: every record at the source is in the main database, linked once, with its values and references.");
        if (o.unchecked > 0)
            text += QLatin1Char('\n')
                + tr("NOT CHECKED: %n check(s) could not run (\"not checked\" below). Every check that ran passed; what was not checked "
                     "is only as sure as the walk.",
                     nullptr, o.unchecked);
        return text;
    }
    qint64 missing = 0, extra = 0, different = 0;
    int failed = 0;
    for (const Verifier::EntityReport &r : o.reports) {
        missing += r.missing;
        extra += r.extra;
        different += r.different;
        for (const Verifier::Check &c : r.checks)
            failed += c.outcome == Verifier::Check::Outcome::Failed ? 1 : 0;
    }
    QStringList what;
    if (missing > 0)
        what.append(tr("%1 missing").arg(DisplayText::number(missing)));
    if (extra > 0)
        what.append(tr("%1 extra").arg(DisplayText::number(extra)));
    if (different > 0)
        what.append(tr("%1 different").arg(DisplayText::number(different)));
    if (failed > 0)
        what.append(tr("%n check(s) failed", nullptr, failed));
    //: %1: "2 missing, 1 different, 1 check failed"
    return tr("NOT IN SYNC: %1. See the counts, the checks and the examples below.").arg(what.join(QStringLiteral(", ")));
}

QString VerifyDialog::details(const VerifyOutcome &o) const
{
    QStringList lines;
    qint64 beforeStart = 0;
    bool held = false, kept = false;
    for (const Verifier::EntityReport &r : o.reports) {
        for (const QString &e : r.examples)
            lines.append(tr("e.g. %1").arg(e));
        beforeStart += r.beforeStart;
        held = held || r.invalid > 0;
        kept = kept || r.diverged > 0 || r.conflicts > 0;
    }
    if (beforeStart > 0)
        lines.append(tr("Before start: %Ln record(s) changed before the source's start (sources.%1.start) and are not imported, "
                        "by configuration; they are not counted as missing.",
                        nullptr, int(qMin<qint64>(beforeStart, INT_MAX)))
                         .arg(m_source));
    if (held)
        lines.append(tr("Quarantined: records held with their reason (the Quarantine tab). No sync or reconciliation applies them while "
                        "the cause remains: fix it at the source or in the mapping, then retry them."));
    if (kept && !o.error)
        lines.append(tr("Kept local: values the main application set (edits, or rows adopted through a match key) are kept by design."));
    return lines.join(QLatin1Char('\n'));
}

void VerifyDialog::closeEvent(QCloseEvent *event)
{
    m_runner->stop(); // the runner joins its thread when the dialog goes
    QDialog::closeEvent(event);
}

} // namespace Tributary::Gui

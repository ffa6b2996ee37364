#include "SourceOperations.h"

#include "CursorResetDialog.h"
#include "DashboardView.h"
#include "DisplayText.h"
#include "SourceAdminDialog.h"
#include "VerifyDialog.h"
#include "Workspace.h"
#include "state/RunLog.h"
#include "store/Database.h"

#include <QMessageBox>
#include <QPushButton>

namespace Tributary::Gui {

SourceOperations::SourceOperations(Workspace *workspace, DashboardView *dashboard, QWidget *window)
    : QObject(window), m_workspace(workspace), m_dashboard(dashboard), m_window(window)
{
}

bool SourceOperations::isRunning(const QString &source) const { return m_dashboard->isRunning(source); }

bool SourceOperations::isVerifying(const QString &source) const
{
    const QPointer<VerifyDialog> dialog = m_verifies.value(source);
    return dialog && dialog->isRunning();
}

bool SourceOperations::canVerify(const QString &source) const { return canChange(source) && !isVerifying(source); }

bool SourceOperations::canChange(const QString &source) const
{
    return m_workspace->isOpen() && m_workspace->database() && m_workspace->config().source(source) && !isRunning(source);
}

bool SourceOperations::canLetGo(const QString &source) const
{
    return m_workspace->isOpen() && m_workspace->database() && !(!source.isEmpty() && isRunning(source));
}

VerifyDialog *SourceOperations::verify(const QString &source)
{
    if (!canVerify(source))
        return nullptr;
    VerifyDialog *dialog = m_verifies.value(source);
    if (!dialog) {
        // Not modal: a verify reads the whole source, and the console stays usable meanwhile.
        dialog = new VerifyDialog(m_workspace->config(), source, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_verifies.insert(source, dialog);
        connect(dialog, &VerifyDialog::started, this, &SourceOperations::stateChanged);
        connect(dialog, &VerifyDialog::verified, this, [this, source](const VerifyOutcome &o) {
            Q_EMIT message(o.error ? tr("%1: the verify did not finish").arg(source)
                                   : o.inSync ? tr("%1: IN SYNC").arg(source) : tr("%1: NOT IN SYNC").arg(source));
            Q_EMIT stateChanged();
        });
        connect(dialog, &QObject::destroyed, this, [this, source] {
            m_verifies.remove(source);
            Q_EMIT stateChanged();
        });
    }
    dialog->show();
    dialog->raise();
    dialog->start();
    return dialog;
}

QString SourceOperations::fullResyncText(const QString &source) const
{
    const SourceConfig *sc = m_workspace->config().source(source);
    if (!sc)
        return QString();
    QStringList entities;
    for (const EntityConfig *e : sc->orderedEntities())
        entities.append(e->name);
    QStringList lines;
    lines << tr("A full re-sync of %1 walks every record the source lists, entity by entity: %2. This is tributaryd sync --full.")
                 .arg(source, entities.join(QStringLiteral(", ")))
          << tr("Records the main database lacks are inserted and changed ones updated; a record changed here and at the source "
                "becomes a conflict, decided by the entity's policy as in any sync. Unchanged records are compared by their hash and "
                "not written. A stored incremental cursor the engine cannot use is replaced once the walk is complete.")
          << tr("Nothing is deleted in the main database: a full sync does not look for deletes (Reconcile does).");
    // How long it takes: what the last one took, if there was one.
    RunFilter last;
    last.sources = {source};
    last.kinds = {RunKind::Full};
    last.statuses = {RunStatus::Ok, RunStatus::Partial};
    last.limit = 1;
    const Result<QList<RunRecord>> runs = m_workspace->database() ? RunLog(*m_workspace->database()).list(last)
                                                                  : Result<QList<RunRecord>>(QList<RunRecord>());
    const QDateTime started = runs && !runs->isEmpty() ? DisplayText::parseTime(runs->first().startedAt) : QDateTime();
    const QDateTime finished = runs && !runs->isEmpty() ? DisplayText::parseTime(runs->first().finishedAt) : QDateTime();
    if (started.isValid() && finished.isValid())
        lines << tr("Every page of every entity is fetched again: the last full sync of %1 read %2 records in %3.")
                     .arg(source, DisplayText::number(runs->first().total().fetched), DisplayText::duration(started.msecsTo(finished)));
    else
        lines << tr("Every page of every entity is fetched again: it takes about as long as the first sync of %1 did, and costs the "
                    "source as many requests.")
                     .arg(source);
    lines << tr("Progress shows on the dashboard; Stop ends it after the page being written, and the next full sync goes on from there.");
    return lines.join(QStringLiteral("\n\n"));
}

QMessageBox *SourceOperations::fullResync(const QString &source)
{
    if (!canChange(source))
        return nullptr;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Full Re-sync of %1").arg(source), fullResyncText(source), QMessageBox::Cancel,
                                m_window);
    box->setObjectName(QStringLiteral("fullResyncConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *go = box->addButton(tr("Sync Everything"), QMessageBox::AcceptRole);
    go->setObjectName(QStringLiteral("fullResyncStart"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, go, source](QAbstractButton *clicked) {
        if (clicked != go)
            return;
        if (isRunning(source)) {
            Q_EMIT message(tr("%1 is running already: the full re-sync did not start").arg(source));
            return;
        }
        m_dashboard->fullSync(source);
        Q_EMIT message(tr("%1: full re-sync started").arg(source));
        box->close();
    });
    box->open();
    return box;
}

CursorResetDialog *SourceOperations::resetCursors(const QString &source)
{
    if (!canChange(source))
        return nullptr;
    auto *dialog = new CursorResetDialog(m_workspace->database(), m_workspace->config(), source, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, source] {
        const qsizetype n = dialog->cursors().size();
        m_workspace->notifyDataChanged();
        Q_EMIT message(tr("%1: %n cursor(s) reset", nullptr, int(n)).arg(source));
        if (dialog->syncAfterwards() && !isRunning(source))
            m_dashboard->syncNow(source);
    });
    dialog->open();
    return dialog;
}

SourceAdminDialog *SourceOperations::detach(const QString &source) { return letGo(false, source); }

SourceAdminDialog *SourceOperations::purge(const QString &source) { return letGo(true, source); }

SourceAdminDialog *SourceOperations::letGo(bool purge, const QString &source)
{
    if (!canLetGo(source))
        return nullptr;
    auto *dialog = new SourceAdminDialog(purge ? SourceAdminDialog::Operation::Purge : SourceAdminDialog::Operation::Detach,
                                         m_workspace->config(), source, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRunningProbe([this](const QString &s) { return isRunning(s); });
    connect(m_dashboard, &DashboardView::stateChanged, dialog, &SourceAdminDialog::updateControls);
    connect(dialog, &SourceAdminDialog::done, this, [this, dialog](const Error &error) {
        if (error)
            return; // rolled back: nothing changed
        m_workspace->notifyDataChanged();
        Q_EMIT message(dialog->resultText().section(QLatin1Char('\n'), 0, 0));
    });
    dialog->open();
    return dialog;
}

} // namespace Tributary::Gui

#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace Tributary::Gui {

class Workspace;

// The service on this main database, as the `tributaryd serve` workers report it: which workers
// are alive and since when, which worker holds which source now, and each source's next
// scheduled sync and reconciliation as the workers planned them (tributary_workers.plan, sent
// with each beat), with its last successful run. Read again whenever a worker beats or a run
// starts or ends (Workspace::serviceChanged, runsChanged).
class ServiceView : public QWidget
{
    Q_OBJECT
public:
    explicit ServiceView(Workspace *workspace, QWidget *parent = nullptr);
    ~ServiceView() override;

    QTableWidget *workersTable() const { return m_workers; }
    QTableWidget *sourcesTable() const { return m_sources; }
    // One sentence about the service: how many workers, or why none schedules anything.
    QString summaryText() const;

    enum SourceColumn { SourceCol, HeldByCol, NextSyncCol, NextReconcileCol, LastSuccessCol, SourceColumnCount };
    enum WorkerColumn { WorkerCol, StartedCol, SeenCol, StateCol, WorkerColumnCount };

public Q_SLOTS:
    void refresh();

private:
    QPointer<Workspace> m_workspace;
    QLabel *m_summary = nullptr;
    QTableWidget *m_workers = nullptr;
    QTableWidget *m_sources = nullptr;
};

} // namespace Tributary::Gui

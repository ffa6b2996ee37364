#pragma once

#include "config/Config.h"
#include "engine/SourceAdmin.h"

#include <QDialog>
#include <QPointer>
#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Tributary::Gui {

class DatabaseTask;
class SourcePlanModel;

// Source ▸ Detach and Source ▸ Purge: tributaryd source detach|purge, through the same
// SourceAdmin calls. The dialog first counts what the operation would do (planDetach, planPurge:
// nothing changes) and shows it per entity and in words; the person then confirms, naming the
// source (a purge only once its name is typed), and detach() or purge() applies it in one
// transaction with "admin:<login name>" as the actor, as tributaryd source … --yes does. Every
// source the configuration or the state tables name can be chosen, so a source already removed
// from the configuration can be let go too. The database work runs on a thread of its own.
class SourceAdminDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Operation { Detach, Purge };

    // `source`: the one chosen at first (may be empty). `config` is copied.
    SourceAdminDialog(Operation operation, const Config &config, const QString &source, QWidget *parent = nullptr);
    ~SourceAdminDialog() override;

    Operation operation() const { return m_operation; }
    // Whether a source is running in this console now: a detach or purge waits until it is not.
    void setRunningProbe(std::function<bool(const QString &)> probe) { m_running = std::move(probe); }

    // The sources that can be chosen (configured or with state), once read; and the chosen one.
    QStringList sources() const;
    QString source() const { return m_source; }
    void setSource(const QString &source);
    // Also a source the configuration still has enabled (tributaryd's --force).
    void setForce(bool force);

    // A plan or the operation is being worked on.
    bool isBusy() const;
    // The plan of the chosen source; planError() says why there is none (a refusal, a read).
    bool hasPlan() const { return m_hasPlan; }
    const SourceAdmin::Result &plan() const { return m_plan; }
    const Error &planError() const { return m_planError; }
    SourcePlanModel *planModel() const { return m_planModel; }
    QString planText() const;

    // What confirms: the name typed (a purge), and the button that applies.
    QLineEdit *confirmationEdit() const { return m_confirm; }
    QPushButton *applyButton() const { return m_apply; }
    bool canApply() const;
    // Applies the plan shown (once confirmed); false when it cannot be applied now.
    bool apply();
    bool isApplied() const { return m_applied; }
    const SourceAdmin::Result &result() const { return m_result; }
    const Error &applyError() const { return m_applyError; }
    QString resultText() const;

    // Enables what can be done now (call when the running state may have changed).
    void updateControls();

Q_SIGNALS:
    // The plan (or why there is none) is shown.
    void planned();
    // The operation ended: the main database changed when `error` is none.
    void done(const Tributary::Error &error);

protected:
    void reject() override; // not while the operation works: it ends its transaction first

private:
    // Reads the sources and the chosen one's plan again (on the worker thread).
    void refresh();
    void showPlan();
    QString describeState(const SourceAdmin::SourceState &s) const;
    const SourceAdmin::SourceState *state(const QString &source) const;

    const Operation m_operation;
    const Config m_config;
    QString m_source;
    std::function<bool(const QString &)> m_running;
    QPointer<DatabaseTask> m_task;
    bool m_refreshAgain = false; // the choice changed while a plan was being read

    QList<SourceAdmin::SourceState> m_states;
    SourceAdmin::Result m_plan;
    bool m_hasPlan = false;
    Error m_planError;
    SourceAdmin::Result m_result;
    bool m_applying = false;
    bool m_applied = false;
    Error m_applyError;

    QComboBox *m_sourceBox = nullptr;
    QLabel *m_stateLabel = nullptr;
    QCheckBox *m_force = nullptr;
    QTableView *m_planView = nullptr;
    SourcePlanModel *m_planModel = nullptr;
    QLabel *m_planLabel = nullptr;
    QLabel *m_confirmLabel = nullptr;
    QLineEdit *m_confirm = nullptr;
    QLabel *m_resultLabel = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace Tributary::Gui

#pragma once

#include "engine/ConflictResolver.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTableWidget;
class QTimer;
class QToolButton;

namespace Tributary::Gui {

class ConflictsModel;
class RecordPane;
class Workspace;

// The conflict inspector: the conflicts that wait for a person (or all of them), filterable;
// for the selected one, base, local and remote side by side per field with the differences
// highlighted; decided by keeping local, taking remote, choosing per field or a merged value,
// or for a whole selection at once. Every decision goes through core's ConflictResolver, so it does
// exactly what `tributaryd conflicts resolve` does, and is refused the same way when the row or
// the conflict changed since it was shown.
class ConflictInspector : public QWidget
{
    Q_OBJECT
public:
    explicit ConflictInspector(Workspace *workspace, QWidget *parent = nullptr);
    ~ConflictInspector() override;

    ConflictsModel *model() const { return m_model; }
    QTableView *view() const { return m_table; }

    // Who decides, as the conflict and the change log record it (default: the login name).
    QString actor() const { return m_actor; }
    void setActor(const QString &actor) { m_actor = actor; }

    // The filter the filter bar describes.
    ConflictFilter filter() const;

    // Selects conflicts in the list (false when one is not listed under the current filters).
    bool selectConflict(qint64 id);
    bool selectConflicts(const QList<qint64> &ids);
    QList<qint64> selectedConflictIds() const;
    // The conflict the detail pane shows, as it was read (id 0: none).
    Conflict shownConflict() const { return m_shown; }

    // The per-field choice of the conflict shown (the detail pane's combo and merged value).
    bool setFieldChoice(const QString &field, const FieldChoice &choice);
    FieldChoice fieldChoice(const QString &field) const;

    // Resolves the conflict shown; Action::PerField takes the per-field choices. What the
    // buttons of the detail pane do. *message gets what the inspector displays.
    bool resolveShown(Resolution::Action action, QString *message = nullptr);
    // Keeps local or takes remote for every selected open conflict, each in its own
    // transaction; refusals are listed in the message. True when none was refused.
    bool resolveSelected(Resolution::Action action, QString *message = nullptr);

    // The outcome shown above the list after a decision (empty when none).
    QString messageText() const;
    bool isMessageError() const { return m_messageIsError; }
    // Why the list is empty, when it is (no configuration, no conflicts, filters, ...), or why
    // the conflicts could not be read.
    QString emptyStateText() const;

Q_SIGNALS:
    // "Open record": the Records view shows the record of the conflict shown.
    void openRecordRequested(const QString &source, const QString &entity, const QString &externalId, const QString &localId);

public Q_SLOTS:
    // Reads the conflicts again, keeping the filters, the selection and the detail pane's
    // choices when the conflict shown did not change.
    void refresh();
    void clearFilters();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Shares the fields table's width between its columns so the decision and the merged value
    // stay on screen: the value columns shrink (their text elides, the tooltip has it whole).
    void fitFieldColumns();
    // The values the decision on `c` wrote (the change log's line at its resolution time).
    bool writtenByResolution(const Conflict &c, const QString &table, QJsonObject *values) const;
    void buildUi();
    void rebuildFilterChoices();
    void updateEmptyState();
    void updateSelectionState();
    void syncDetail();
    void showConflict(const Conflict *c);
    void showMessage(const QString &text, bool error);
    void clearMessage();
    void fieldChoiceChanged(int row);
    void updateLegend();
    const Conflict *conflictToShow() const;
    bool filtersActive() const;
    QString outcomeText(const Conflict &c, Resolution::Action action) const;

    QPointer<Workspace> m_workspace;
    ConflictsModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QString m_actor;
    Conflict m_shown;
    QStringList m_shownFields;

    QComboBox *m_sourceCombo = nullptr;
    QComboBox *m_entityCombo = nullptr;
    QLineEdit *m_fieldEdit = nullptr;
    QComboBox *m_ageCombo = nullptr;
    QCheckBox *m_showResolved = nullptr;
    QLabel *m_countLabel = nullptr;
    QTimer *m_fieldTimer = nullptr;

    QFrame *m_message = nullptr;
    QLabel *m_messageLabel = nullptr;
    bool m_messageIsError = false;
    bool m_columnsSized = false;

    QSplitter *m_splitter = nullptr;
    RecordPane *m_list = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_clearFilters = nullptr;
    QLabel *m_selectionLabel = nullptr;
    QPushButton *m_bulkKeepLocal = nullptr;
    QPushButton *m_bulkTakeRemote = nullptr;

    QStackedWidget *m_detailStack = nullptr;
    QLabel *m_detailPlaceholder = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_kindLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_changedNote = nullptr;
    QTableWidget *m_fieldsTable = nullptr;
    QLabel *m_legendLabel = nullptr;
    QStringList m_legendNotes; // the legend's sentences after the one on the tints
    QPushButton *m_keepLocal = nullptr;
    QPushButton *m_takeRemote = nullptr;
    QPushButton *m_applyChoices = nullptr;
    QPushButton *m_restore = nullptr;
    QPushButton *m_leaveDeleted = nullptr;
    QPushButton *m_keepRow = nullptr;
    QPushButton *m_deleteRow = nullptr;
    QPushButton *m_openRecord = nullptr;
};

} // namespace Tributary::Gui

#pragma once

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace Tributary::Gui {

class QuarantineModel;
class RecordPane;
class Workspace;

// The records held in quarantine: why each was refused, how often it was tried, the record as
// the source sent it; and a retry once the cause is fixed (the run itself is the runner's).
class QuarantineView : public QWidget
{
    Q_OBJECT
public:
    explicit QuarantineView(Workspace *workspace, QWidget *parent = nullptr);
    ~QuarantineView() override;

    QuarantineModel *model() const { return m_model; }
    QTableView *view() const { return m_table; }

    void setSourceFilter(const QString &source); // empty: every source
    QString sourceFilter() const;
    bool selectRecord(const QString &source, const QString &entity, const QString &externalId);
    // What stands in for the list when it shows nothing: why it is empty, or why the quarantine
    // could not be read.
    QString emptyStateText() const;
    // What the view last said about a retry.
    QString noticeText() const;

public Q_SLOTS:
    void refresh();
    // Emits retryRequested for the selected records, once per source. False when none could be.
    bool retrySelected();
    // Emits retryRequested with empty lists (every record) for the filtered source, or for each
    // configured source with records in quarantine.
    bool retryAll();

Q_SIGNALS:
    // Fetch these records of `source` again and apply them (a quarantine-retry run, as
    // `tributaryd quarantine retry --entity E --id ID` does): `entities` and `externalIds` are the
    // selected records' entities and ids, as RunRequest::quarantineRetry() takes them;
    // empty lists mean every quarantined record of the source.
    void retryRequested(const QString &source, const QStringList &entities, const QStringList &externalIds);
    // "Open record": the Records view shows the row the selected record is linked to (a newer
    // version of a synced record held back).
    void openRecordRequested(const QString &source, const QString &entity, const QString &externalId, const QString &localId);

private:
    void rebuildSourceChoices();
    void updateEmptyState();
    void updateActions();
    void showRecord();
    void setNotice(const QString &text);

    QPointer<Workspace> m_workspace;
    QuarantineModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    bool m_columnsSized = false;

    QComboBox *m_sourceCombo = nullptr;
    QLabel *m_countLabel = nullptr;
    QPushButton *m_retrySelected = nullptr;
    QPushButton *m_retryAll = nullptr;
    QPushButton *m_openRecord = nullptr;
    QLabel *m_notice = nullptr;
    RecordPane *m_list = nullptr;
    QTableView *m_table = nullptr;
    QStackedWidget *m_detailStack = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailReason = nullptr;
    QPlainTextEdit *m_recordText = nullptr;
};

} // namespace Tributary::Gui

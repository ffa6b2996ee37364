#pragma once

#include "config/Config.h"
#include "engine/ConnectionTest.h"

#include <QDialog>
#include <QPointer>
#include <QTimer>

class QAbstractItemModel;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace Tributary::Gui {

class MappedRowsModel;
class ProbeChecksModel;

// "Test connection": the checks of `tributaryd probe` (ApiProbe, through ConnectionTest in core)
// for every entity of one source, nothing written. Per entity it shows each check with its
// verdict (icon, colour and word), what the probe saw and the fix; the URL, how the source pages
// and its total; the first page's records as they would land in the target columns (a record that
// cannot be mapped shows the problem in the cell of the column its field fills, a field no record
// carries is marked absent, not NULL), and the raw JSON. While it runs it says which request it
// waits for and for how long; Stop ends it.
class ConnectionTestDialog : public QDialog
{
    Q_OBJECT
public:
    // `config` must hold `sourceName`; it is copied. Call start() (or show the dialog with
    // autoStart, the default) to run the test.
    ConnectionTestDialog(const Config &config, const QString &sourceName, QWidget *parent = nullptr);
    ~ConnectionTestDialog() override;

    QString sourceName() const { return m_sourceName; }
    void setAutoStart(bool autoStart) { m_autoStart = autoStart; }

    // Starts the test, or starts it again.
    void start();
    void stop();
    bool isRunning() const;
    bool isFinished() const;
    // The overall verdict: a check failed, or the test could not run or finish.
    bool hasFailure() const;
    ConnectionTest *test() const { return m_test; }

    // The entity whose details are shown.
    QStringList entities() const;
    void selectEntity(const QString &entity);
    QString currentEntity() const;
    // The checks of the current entity: verdict, check, what the probe saw, fix (ApiProbe's
    // words). Each row answers CheckIdRole ("page_size") and VerdictRole ("pass", "fail",
    // "unknown", "skip"), as `tributaryd probe --json` names them.
    QAbstractItemModel *checksModel() const;
    // The mapped rows of the current entity: external id, mapped columns, reference columns
    // (external ids), problem. A cell holding a mapping error answers true to ErrorRole; a cell
    // whose field the record does not carry answers true to AbsentRole.
    QAbstractItemModel *mappedModel() const;
    enum Roles { ErrorRole = Qt::UserRole + 1, AbsentRole, CheckIdRole, VerdictRole };

    // Texts shown (also for tests and screenshots): the overall verdict, what the test waits for,
    // an entity's line in the list, and for the current entity its details.
    QString statusText() const;
    QString activityText() const;
    QString entityText(const QString &entity) const;
    QString paginationText() const;
    QString totalText() const;
    QString errorText() const;
    QString rawJson() const;

Q_SIGNALS:
    void finished();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onEntityFinished(int index);
    void onFinished();
    void showEntity(int index);
    void updateItem(int index);
    void updateStatus();
    void updateActivity();
    const ConnectionTestResult *resultAt(int index) const;

    Config m_config;
    QString m_sourceName;
    QPointer<ConnectionTest> m_test;
    bool m_autoStart = true;
    bool m_started = false;
    QTimer m_tick; // the activity's "for how long", while the test runs

    QLabel *m_statusIcon = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_activity = nullptr;
    QPushButton *m_retest = nullptr;
    QPushButton *m_stop = nullptr;
    QListWidget *m_entities = nullptr;
    QLabel *m_url = nullptr;
    QLabel *m_pagination = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_capabilities = nullptr;
    QLabel *m_error = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_checksView = nullptr;
    ProbeChecksModel *m_checks = nullptr;
    QTableView *m_view = nullptr;
    MappedRowsModel *m_model = nullptr;
    QPlainTextEdit *m_record = nullptr;
    QPlainTextEdit *m_raw = nullptr;
};

} // namespace Tributary::Gui

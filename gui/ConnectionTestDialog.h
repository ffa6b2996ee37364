#pragma once

#include "config/Config.h"
#include "engine/ConnectionTest.h"

#include <QDialog>
#include <QPointer>

class QAbstractItemModel;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace Tributary::Gui {

class MappedRowsModel;

// "Test connection": the first page of every entity of one source, fetched and mapped, nothing
// written. Per entity it shows the URL, how the source pages and its total, the records as they
// would land in the target columns (a record that cannot be mapped shows the problem in the cell
// of the column its field fills), and the raw JSON. The work is ConnectionTest's, in core.
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
    ConnectionTest *test() const { return m_test; }

    // The entity whose details are shown.
    QStringList entities() const;
    void selectEntity(const QString &entity);
    QString currentEntity() const;
    // The mapped rows of the current entity: external id, mapped columns, reference columns
    // (external ids), problem. A cell holding a mapping error answers true to ErrorRole.
    QAbstractItemModel *mappedModel() const;
    enum Roles { ErrorRole = Qt::UserRole + 1 };

    // Texts shown for the current entity (also for tests and screenshots).
    QString statusText() const;
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
    const ConnectionTestResult *resultAt(int index) const;

    Config m_config;
    QString m_sourceName;
    QPointer<ConnectionTest> m_test;
    bool m_autoStart = true;
    bool m_started = false;

    QLabel *m_status = nullptr;
    QPushButton *m_retest = nullptr;
    QPushButton *m_stop = nullptr;
    QListWidget *m_entities = nullptr;
    QLabel *m_url = nullptr;
    QLabel *m_pagination = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_capabilities = nullptr;
    QLabel *m_error = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_view = nullptr;
    MappedRowsModel *m_model = nullptr;
    QPlainTextEdit *m_record = nullptr;
    QPlainTextEdit *m_raw = nullptr;
};

} // namespace Tributary::Gui

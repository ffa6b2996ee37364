#pragma once

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class QTimer;

namespace Tributary::Gui {

// File ▸ New Configuration: where the configuration file goes and which main database it syncs
// into, checked before anything is written. Tributary fills the application's own tables, so the
// database must exist and is opened as tributaryd opens it (a missing SQLite file is an error,
// never a new empty database); the dialog lists its tables and says which of the Good Forum
// preset's are missing. "Create" is possible only once the database opened. The configuration
// it makes has no source yet: the first one is added in the source editor, whose problems then
// include the schema check (SourceEditor::validateNow), and cancelling it leaves none behind.
class NewConfigDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewConfigDialog(QWidget *parent = nullptr);
    ~NewConfigDialog() override;

    void setConfigPath(const QString &path);
    void setSqlitePath(const QString &path);
    // PostgreSQL: the password is read from this environment variable (never typed here).
    void setPostgres(const QString &host, int port, const QString &name, const QString &user, const QString &passwordEnv);

    QString configPath() const;
    // The configuration's "database" object, paths relative to the configuration file.
    QJsonObject databaseJson() const;

    // Opens the database now (the dialog also does so shortly after each edit). True when it opened.
    bool check();
    bool isUsable() const { return m_usable; }
    QString checkText() const;

private:
    void scheduleCheck();
    void updateButtons();

    QLineEdit *m_configPath = nullptr;
    QComboBox *m_driver = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_sqlitePath = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_passwordEnv = nullptr;
    QLabel *m_result = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QTimer *m_checkTimer = nullptr;
    bool m_usable = false;
};

} // namespace Tributary::Gui

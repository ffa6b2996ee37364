#include "NewConfigDialog.h"

#include "ConfigDocument.h"
#include "config/Config.h"
#include "store/Database.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QJsonArray>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Tributary::Gui {

namespace {
QWidget *withBrowse(QLineEdit *edit, const std::function<void()> &browse)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto *button = new QPushButton(NewConfigDialog::tr("Browse..."));
    QObject::connect(button, &QPushButton::clicked, edit, browse);
    layout->addWidget(button);
    return row;
}
} // namespace

NewConfigDialog::NewConfigDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("newConfigDialog"));
    setWindowTitle(tr("New Configuration"));
    auto *intro = new QLabel(tr("Tributary keeps the tables of your application's database in sync with its sources. Choose that "
                                "database first: it must exist and hold the application's tables. The first source is added next."));
    intro->setWordWrap(true);

    m_configPath = new QLineEdit;
    m_configPath->setObjectName(QStringLiteral("configPath"));
    m_configPath->setPlaceholderText(tr("where the configuration file is written, e.g. /etc/tributary/tributary.json"));
    m_driver = new QComboBox;
    m_driver->setObjectName(QStringLiteral("databaseDriver"));
    m_driver->addItem(tr("SQLite file"), QStringLiteral("sqlite"));
    m_driver->addItem(tr("PostgreSQL server"), QStringLiteral("postgres"));

    m_sqlitePath = new QLineEdit;
    m_sqlitePath->setObjectName(QStringLiteral("sqlitePath"));
    m_sqlitePath->setPlaceholderText(tr("the application's SQLite database file"));
    auto *sqlitePage = new QWidget;
    auto *sqliteForm = new QFormLayout(sqlitePage);
    sqliteForm->setContentsMargins(0, 0, 0, 0);
    sqliteForm->addRow(tr("&File:"), withBrowse(m_sqlitePath, [this] {
                           const QString path = QFileDialog::getOpenFileName(this, tr("Main Database (SQLite)"), m_sqlitePath->text(),
                                                                             tr("SQLite database (*.sqlite *.sqlite3 *.db);;All files (*)"));
                           if (!path.isEmpty())
                               m_sqlitePath->setText(QDir::toNativeSeparators(path));
                       }));

    m_host = new QLineEdit(QStringLiteral("localhost"));
    m_host->setObjectName(QStringLiteral("pgHost"));
    m_port = new QSpinBox;
    m_port->setObjectName(QStringLiteral("pgPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_port->setGroupSeparatorShown(false);
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("pgName"));
    m_user = new QLineEdit;
    m_user->setObjectName(QStringLiteral("pgUser"));
    m_passwordEnv = new QLineEdit(QStringLiteral("TRIBUTARY_DB_PASSWORD"));
    m_passwordEnv->setObjectName(QStringLiteral("pgPasswordEnv"));
    m_passwordEnv->setToolTip(tr("The password is read from this environment variable when Tributary connects; it is never "
                                 "written into the configuration. Empty: no password (peer or trust authentication)."));
    auto *pgPage = new QWidget;
    auto *pgForm = new QFormLayout(pgPage);
    pgForm->setContentsMargins(0, 0, 0, 0);
    pgForm->addRow(tr("&Host:"), m_host);
    pgForm->addRow(tr("&Port:"), m_port);
    pgForm->addRow(tr("&Database:"), m_name);
    pgForm->addRow(tr("&User:"), m_user);
    pgForm->addRow(tr("Password &variable:"), m_passwordEnv);

    m_pages = new QStackedWidget;
    m_pages->addWidget(sqlitePage);
    m_pages->addWidget(pgPage);

    m_result = new QLabel;
    m_result->setObjectName(QStringLiteral("databaseCheck"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setMinimumHeight(m_result->fontMetrics().lineSpacing() * 4);
    m_result->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto *form = new QFormLayout;
    form->addRow(tr("&Configuration file:"), withBrowse(m_configPath, [this] {
                     const QString path = QFileDialog::getSaveFileName(this, tr("New Configuration"),
                                                                       m_configPath->text().isEmpty() ? QStringLiteral("tributary.json")
                                                                                                      : m_configPath->text(),
                                                                       tr("Tributary configuration (*.json)"));
                     if (!path.isEmpty())
                         m_configPath->setText(QDir::toNativeSeparators(path));
                 }));
    form->addRow(tr("&Main database:"), m_driver);
    form->addRow(QString(), m_pages);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton *create = m_buttons->addButton(tr("C&reate"), QDialogButtonBox::AcceptRole);
    create->setObjectName(QStringLiteral("createButton"));
    QPushButton *checkButton = m_buttons->addButton(tr("Chec&k database"), QDialogButtonBox::ActionRole);
    checkButton->setObjectName(QStringLiteral("checkButton"));
    connect(checkButton, &QPushButton::clicked, this, &NewConfigDialog::check);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (check() && !configPath().isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_result, 1);
    layout->addWidget(m_buttons);

    m_checkTimer = new QTimer(this);
    m_checkTimer->setSingleShot(true);
    m_checkTimer->setInterval(400);
    connect(m_checkTimer, &QTimer::timeout, this, &NewConfigDialog::check);
    connect(m_driver, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        m_pages->setCurrentIndex(index);
        scheduleCheck();
    });
    for (QLineEdit *e : {m_configPath, m_sqlitePath, m_host, m_name, m_user, m_passwordEnv})
        connect(e, &QLineEdit::textChanged, this, &NewConfigDialog::scheduleCheck);
    connect(m_port, qOverload<int>(&QSpinBox::valueChanged), this, &NewConfigDialog::scheduleCheck);
    m_result->setText(tr("Choose the main database."));
    updateButtons();
    resize(sizeHint().expandedTo(QSize(620, 0)));
}

NewConfigDialog::~NewConfigDialog() = default;

void NewConfigDialog::setConfigPath(const QString &path)
{
    m_configPath->setText(QDir::toNativeSeparators(path));
}

void NewConfigDialog::setSqlitePath(const QString &path)
{
    m_driver->setCurrentIndex(0);
    m_sqlitePath->setText(QDir::toNativeSeparators(path));
}

void NewConfigDialog::setPostgres(const QString &host, int port, const QString &name, const QString &user, const QString &passwordEnv)
{
    m_driver->setCurrentIndex(1);
    m_host->setText(host);
    m_port->setValue(port);
    m_name->setText(name);
    m_user->setText(user);
    m_passwordEnv->setText(passwordEnv);
}

QString NewConfigDialog::configPath() const
{
    const QString path = QDir::fromNativeSeparators(m_configPath->text().trimmed());
    return path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
}

QJsonObject NewConfigDialog::databaseJson() const
{
    if (m_driver->currentData().toString() == QLatin1String("postgres")) {
        QJsonObject db{{QStringLiteral("driver"), QStringLiteral("postgres")},
                       {QStringLiteral("host"), m_host->text().trimmed()},
                       {QStringLiteral("port"), m_port->value()},
                       {QStringLiteral("name"), m_name->text().trimmed()},
                       {QStringLiteral("user"), m_user->text().trimmed()}};
        if (!m_passwordEnv->text().trimmed().isEmpty())
            db.insert(QStringLiteral("password"), QJsonObject{{QStringLiteral("env"), m_passwordEnv->text().trimmed()}});
        return db;
    }
    // Relative to the configuration file, as tributaryd init writes it, when it lies below it.
    const QString file = QFileInfo(QDir::fromNativeSeparators(m_sqlitePath->text().trimmed())).absoluteFilePath();
    const QString base = configPath().isEmpty() ? QString() : QFileInfo(configPath()).absolutePath();
    const QString relative = base.isEmpty() ? file : QDir(base).relativeFilePath(file);
    return QJsonObject{{QStringLiteral("driver"), QStringLiteral("sqlite")},
                       {QStringLiteral("path"), relative.startsWith(QLatin1String("..")) ? file : relative}};
}

void NewConfigDialog::scheduleCheck()
{
    m_usable = false;
    updateButtons();
    m_checkTimer->start();
}

bool NewConfigDialog::check()
{
    m_checkTimer->stop();
    m_usable = false;
    const bool sqlite = m_driver->currentData().toString() == QLatin1String("sqlite");
    if (sqlite && m_sqlitePath->text().trimmed().isEmpty()) {
        m_result->setText(tr("Choose the application's SQLite file."));
        updateButtons();
        return false;
    }
    if (!sqlite && (m_name->text().trimmed().isEmpty() || m_host->text().trimmed().isEmpty())) {
        m_result->setText(tr("Give the server's host and the database's name."));
        updateButtons();
        return false;
    }
    // Read as tributaryd reads the file it will write: same parser, same checks.
    QJsonObject root{{QStringLiteral("database"), databaseJson()}, {QStringLiteral("sources"), QJsonArray()}};
    Config config;
    QStringList problems;
    const QString base = configPath().isEmpty() ? QDir::currentPath() : QFileInfo(configPath()).absolutePath();
    if (!Config::fromJson(root, base, &config, &problems)) {
        m_result->setText(problems.join(QLatin1Char('\n')));
        updateButtons();
        return false;
    }
    Error error;
    std::unique_ptr<Database> db = Database::open(config.database, base, &error);
    if (!db) {
        m_result->setText(tr("The main database cannot be opened: %1").arg(error.message));
        updateButtons();
        return false;
    }
    QStringList tables;
    for (const QString &t : db->tables()) {
        if (!t.startsWith(QLatin1String("tributary_")) && !t.startsWith(QLatin1String("sqlite_")))
            tables.append(t);
    }
    tables.sort();
    QStringList lines;
    if (tables.isEmpty()) {
        lines.append(tr("The database opened, but it has no tables of its own: Tributary writes into the application's tables and "
                        "never creates them. Choose the application's database, or create its schema first."));
    } else {
        lines.append(tr("The database opened: %n table(s) of the application (%1).", nullptr, int(tables.size()))
                         .arg(tables.size() > 12 ? tables.mid(0, 12).join(QStringLiteral(", ")) + QStringLiteral(", …")
                                                 : tables.join(QStringLiteral(", "))));
        QStringList missing;
        for (const QString &t : ConfigDocument::presetTables(SourcePreset()))
            if (!tables.contains(t))
                missing.append(t);
        lines.append(missing.isEmpty() ? tr("It has every table the Good Forum preset writes to.")
                                       : tr("Missing for the Good Forum preset: %1. A source of another kind maps its own tables in "
                                            "the editor, which checks each against this database.")
                                             .arg(missing.join(QStringLiteral(", "))));
        m_usable = true;
    }
    if (configPath().isEmpty())
        lines.append(tr("Choose where the configuration file goes."));
    m_result->setText(lines.join(QLatin1Char('\n')));
    updateButtons();
    return m_usable;
}

QString NewConfigDialog::checkText() const
{
    return m_result->text();
}

void NewConfigDialog::updateButtons()
{
    if (QPushButton *create = findChild<QPushButton *>(QStringLiteral("createButton")))
        create->setEnabled(m_usable && !configPath().isEmpty());
}

} // namespace Tributary::Gui

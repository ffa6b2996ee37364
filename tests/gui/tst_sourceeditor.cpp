// The source editor as an admin uses it: open the configuration tributaryd wrote, add a second
// forum with the editor, test it, save, and tributaryd runs the file unchanged. Offscreen.

#include "OAuthTokenServer.h"
#include "SyncFixture.h"
#include "TestSupport.h"

#include "Application.h"
#include "ConfigDocument.h"
#include "ConnectionTestDialog.h"
#include "EditorForm.h"
#include "SourceEditor.h"
#include "SourceEditorPages.h"
#include "SourceTypePages.h"
#include "Workspace.h"

#include "config/Config.h"
#include "config/SourceTypes.h"
#include "forum-sim/ForumOAuth.h"
#include "store/Database.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QMessageBox>
#include <QDialogButtonBox>
#include <QApplication>
#include <QTimer>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Gui;
using namespace Tributary::Test;

namespace {

using Exit = TributarydProcess::Result;

Exit tributaryd(const QStringList &args, const Environment &env = {}) { return TributarydProcess::run(args, env); }

QByteArray readFile(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(readFile(path)).object();
}

QByteArray text(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

int rowOf(const QTableWidget *table, const QString &first)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0) && table->item(row, 0)->text() == first)
            return row;
    }
    return -1;
}

void selectData(QComboBox *combo, const QString &data)
{
    const int i = combo->findData(data);
    QVERIFY2(i >= 0, qPrintable(data));
    combo->setCurrentIndex(i);
}

// A duration on the Schedule page: its number and its unit (seconds in a unit).
void setDuration(QWidget *editor, const QString &name, int value, int unitSeconds)
{
    auto *spin = editor->findChild<QSpinBox *>(name + QStringLiteral("Value"));
    auto *unit = editor->findChild<QComboBox *>(name + QStringLiteral("Unit"));
    QVERIFY2(spin && unit, qPrintable(name));
    selectData(unit, QString::number(unitSeconds));
    spin->setValue(value);
}

// The editor's widgets, by the object names screenshots and tests rely on.
template<typename T>
T *widget(QWidget *parent, const char *name)
{
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no widget %s", name);
    return w;
}

// A source type of the test's own: one page with one field, the sheet's id ("sheet.id"), which
// the core requires (a validator registered for the type).
class SheetPages : public SourceTypePages
{
public:
    using SourceTypePages::SourceTypePages;
    QString type() const override { return QStringLiteral("sheet"); }
    QList<Page> buildPages() override
    {
        auto *page = new QWidget;
        auto *rows = new QFormLayout(page);
        form()->lineField(rows, QStringLiteral("Sheet id:"), QStringLiteral("sheetId"), QStringLiteral("sheet.id"));
        return {{page, QStringLiteral("Sheet")}};
    }
};

// Registers the "sheet" type with the core and its pages with the editor, until the guard goes.
auto registerSheetType()
{
    SourceTypes::registerType(QStringLiteral("sheet"), [](const SourceConfig &c) {
        QStringList problems;
        if (c.options.value(QStringLiteral("sheet")).toObject().value(QStringLiteral("id")).toString().isEmpty())
            problems.append(QStringLiteral("sources.%1.sheet.id: must not be empty").arg(c.name));
        return problems;
    });
    SourceEditorPages::registerType(QStringLiteral("sheet"), [](EditorForm *form, ConfigDocument *document, QObject *parent) {
        return new SheetPages(form, document, parent);
    });
    return qScopeGuard([] { SourceEditorPages::unregisterType(QStringLiteral("sheet")); });
}

int tabNamed(const QTabWidget *tabs, const QString &title)
{
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->tabText(i) == title)
            return i;
    }
    return -1;
}

QJsonObject sheetSource()
{
    const QJsonObject entity{{QStringLiteral("name"), QStringLiteral("rows")},
                             {QStringLiteral("table"), QStringLiteral("budget")},
                             {QStringLiteral("columns"), QJsonObject{{QStringLiteral("title"), QStringLiteral("title")}}}};
    return {{QStringLiteral("name"), QStringLiteral("budget")},
            {QStringLiteral("type"), QStringLiteral("sheet")},
            {QStringLiteral("entities"), QJsonArray{entity}}};
}

} // namespace

class tst_SourceEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void addSecondForumSaveAndSyncWithTributaryd();
    void invalidEditShowsTheProblemNextToTheFieldAndDisablesSave();
    void schemaProblemsNameTheColumnInTheTable();
    void secretStoredInTheCredentialsFileNeverInTheConfiguration();
    void testConnectionShowsMappedRowsAndTheTotal();
    void testConnectionShowsMappingErrorsNextToTheField();
    void testConnectionShowsARefusedToken();
    void oauthFieldsAndGetToken();
    void presetsFillTheSource();
    void keysWithoutAWidgetSurviveAnEdit();
    void cancelAsksBeforeDiscardingEdits();
    void aPresetOnASavedSourceShowsWhatItChangesAndKeepsTheSignIn();
    void schedulePageWritesTheScheduleTributarydRuns();
    void scheduleDefaultsWriteNothing();
    void invalidScheduleShowsTheCoresProblemNextToTheField();
    void schedulePreviewSaysWhatServeWillDo_data();
    void schedulePreviewSaysWhatServeWillDo();
    void schedulePageInGermanHasUniqueAccelerators();
    void aSourceTypeShowsItsOwnPagesOnly();
    void aSourceTypesFieldWritesItsKeyAndShowsItsProblem();

private:
    QTemporaryDir m_settingsDir;
};

void tst_SourceEditor::initTestCase()
{
    // Recent files and other settings go to a throwaway place.
    qputenv("XDG_CONFIG_HOME", m_settingsDir.path().toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TributaryTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_sourceeditor"));
    QVERIFY2(QFile::exists(executable(QStringLiteral("tributaryd"))), "build tributaryd first");
    // English plural forms ("every 5 minutes") come from the English catalogue.
    setLanguageSetting(QStringLiteral("en"));
    QCOMPARE(installTranslations(), QStringLiteral("en"));
}

void tst_SourceEditor::addSecondForumSaveAndSyncWithTributaryd()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(20, 3, 10, 30, 1)));
    QVERIFY(f.generateExternal(forum(15, 2, 8, 40, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.generateSecondExternal(forum(12, 2, 6, 25, 3)));
    QVERIFY(f.startSecondForum());

    // The configuration as `tributaryd init` writes it.
    const QString config = f.path(QStringLiteral("tributary.json"));
    Exit r = tributaryd({QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("forum"), QStringLiteral("--url"),
                        f.forumUrl().toString(), QStringLiteral("--database"), f.mainDb(), QStringLiteral("--token-env"),
                        QStringLiteral("TRIBUTARY_TEST_TOKEN"), QStringLiteral("--output"), config});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject before = readJson(config);

    ConfigDocument doc;
    QString error;
    QVERIFY2(doc.open(config, &error), qPrintable(error));
    QCOMPARE(doc.sourceNames(), QStringList{QStringLiteral("forum")});
    Workspace ws;
    QStringList errors;
    QVERIFY2(ws.open(config, &errors), qPrintable(errors.join(QLatin1Char('\n'))));

    SourceEditor editor(&doc, &ws);
    editor.show();
    SourcePreset preset;
    preset.kind = SourcePreset::Kind::GoodForum;
    preset.baseUrl = f.secondForumUrl().toString() + QStringLiteral("/");
    preset.tokenEnv = QStringLiteral("TRIBUTARY_TEST_TOKEN");
    editor.newSource(preset);
    QCOMPARE(editor.sourceName(), QStringLiteral("forum-2"));
    QVERIFY(editor.isNewSource());

    // Edits through the widgets, as an admin makes them.
    widget<QSpinBox>(&editor, "priority")->setValue(5);
    auto *entities = widget<QTableWidget>(&editor, "entitiesTable");
    QCOMPARE(entities->rowCount(), 4);
    entities->item(rowOf(entities, QStringLiteral("messages")), 5)->setText(QStringLiteral("source-wins"));
    editor.selectEntity(QStringLiteral("users"));
    auto *columns = widget<QTableWidget>(&editor, "columnsTable");
    QCOMPARE(columns->item(rowOf(columns, QStringLiteral("email")), 1)->text(), QStringLiteral("email"));

    auto *save = widget<QPushButton>(&editor, "saveButton");
    QTRY_VERIFY(save->isEnabled());
    QVERIFY2(editor.problems().isEmpty(), qPrintable(editor.problems().value(0).line()));
    save->click();
    QCOMPARE(editor.result(), int(QDialog::Accepted));
    QVERIFY(!doc.isModified());

    // On disk: the first source exactly as before, the second exactly what the editor says.
    QJsonObject second = ConfigDocument::presetSource(preset);
    second.insert(QStringLiteral("name"), QStringLiteral("forum-2"));
    second.insert(QStringLiteral("priority"), 5);
    QJsonArray secondEntities = second.value(QStringLiteral("entities")).toArray();
    QJsonObject messages = secondEntities.at(3).toObject();
    messages.insert(QStringLiteral("conflict_policy"), QStringLiteral("source-wins"));
    secondEntities.replace(3, messages);
    second.insert(QStringLiteral("entities"), secondEntities);
    QCOMPARE(second.value(QStringLiteral("rest")).toObject().value(QStringLiteral("base_url")).toString(), f.secondForumUrl().toString());
    QJsonObject expected = before;
    QJsonArray sources = expected.value(QStringLiteral("sources")).toArray();
    sources.append(second);
    expected.insert(QStringLiteral("sources"), sources);
    QCOMPARE(readFile(config), text(expected));

    Config loaded;
    QVERIFY2(Config::load(config, &loaded, &errors), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(loaded.sources.size(), 2);
    QCOMPARE(loaded.sources.at(1).priority, 5);

    // tributaryd runs the console's file unchanged.
    r = tributaryd({QStringLiteral("sync"), QStringLiteral("--config"), config, QStringLiteral("--source"), QStringLiteral("forum-2")},
                   {{QStringLiteral("TRIBUTARY_TEST_TOKEN"), f.token()}});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("Source forum-2: incremental sync, run 1, OK")), qPrintable(r.out));
    QSqlQuery q(ws.database()->db());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE source = 'forum-2' AND entity = 'messages'")) && q.next());
    QCOMPARE(q.value(0).toInt(), 25);
}

void tst_SourceEditor::invalidEditShowsTheProblemNextToTheFieldAndDisablesSave()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(5, 1, 2, 5, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    const QByteArray onDisk = readFile(f.configPath());
    ConfigDocument doc;
    QString error;
    QVERIFY(doc.open(f.configPath(), &error));
    Workspace ws;
    QStringList errors;
    QVERIFY(ws.open(f.configPath(), &errors));
    SourceEditor editor(&doc, &ws);
    QVERIFY(editor.editSource(QStringLiteral("forum")));
    editor.validateNow();
    QVERIFY(editor.isValid());

    auto *save = widget<QPushButton>(&editor, "saveButton");
    auto *baseUrl = widget<QLineEdit>(&editor, "baseUrl");
    auto *baseUrlError = widget<QLabel>(&editor, "baseUrlError");
    QVERIFY(save->isEnabled());
    QVERIFY(baseUrlError->isHidden());
    const QString url = baseUrl->text();

    baseUrl->setText(QStringLiteral("ftp://nowhere"));
    QTRY_VERIFY(!save->isEnabled());
    QVERIFY(!baseUrlError->isHidden());
    QVERIFY2(baseUrlError->text().contains(QStringLiteral("expected an absolute http:// or https:// URL")), qPrintable(baseUrlError->text()));
    QCOMPARE(editor.errorShownFor(QStringLiteral("baseUrl")), baseUrlError->text());
    QCOMPARE(editor.problems().size(), 1);
    QCOMPARE(editor.problems().first().keyPath, QStringLiteral("sources.forum.rest.base_url"));
    auto *list = widget<QListWidget>(&editor, "problemList");
    QCOMPARE(list->count(), 1);
    QVERIFY(list->item(0)->text().startsWith(QStringLiteral("sources.forum.rest.base_url: ")));
    QVERIFY(!editor.save());
    QCOMPARE(readFile(f.configPath()), onDisk); // nothing written while invalid

    baseUrl->setText(url);
    QTRY_VERIFY(save->isEnabled());
    QVERIFY(baseUrlError->isHidden());

    // Pagination style that needs a key: the error names it next to the style.
    selectData(widget<QComboBox>(&editor, "paginationStyle"), QStringLiteral("next_url"));
    QTRY_VERIFY(!save->isEnabled());
    const QString nextUrlError = editor.errorShownFor(QStringLiteral("nextUrlPath"));
    QVERIFY2(nextUrlError.contains(QStringLiteral("is required with style next_url")), qPrintable(nextUrlError));
    widget<QLineEdit>(&editor, "nextUrlPath")->setText(QStringLiteral("links.next"));
    QTRY_VERIFY(save->isEnabled());

    // The request budget the source draws from: written under rest.limits, gone when emptied.
    auto *budget = widget<QLineEdit>(&editor, "budget");
    budget->setText(QStringLiteral("tracker-b"));
    QCOMPARE(EditorForm::valueAt(editor.sourceObject(), QStringLiteral("rest.limits.budget")).toString(), QStringLiteral("tracker-b"));
    QTRY_VERIFY(save->isEnabled());
    budget->clear();
    QVERIFY(EditorForm::valueAt(editor.sourceObject(), QStringLiteral("rest.limits.budget")).isUndefined());

    // A duplicate source name.
    doc.addSource(ConfigDocument::presetSource(SourcePreset{SourcePreset::Kind::GoodForum, QStringLiteral("other"),
                                                            QStringLiteral("http://127.0.0.1:9/api/v1"), QStringLiteral("X")}));
    widget<QLineEdit>(&editor, "name")->setText(QStringLiteral("other"));
    QTRY_VERIFY(!save->isEnabled());
    QVERIFY2(editor.errorShownFor(QStringLiteral("name")).contains(QStringLiteral("declared twice")),
             qPrintable(editor.errorShownFor(QStringLiteral("name"))));
    widget<QLineEdit>(&editor, "name")->setText(QStringLiteral("forum"));
    QTRY_VERIFY(save->isEnabled());
    // Write-back: the direction offered is the core's list; a reading entity may not refer to one
    // that is only written, and the problem is shown where the key is.
    auto *direction = widget<QComboBox>(&editor, "direction");
    QCOMPARE(direction->count(), int(ConfigVocabulary::directions().size()));
    selectData(direction, QStringLiteral("both"));
    QCOMPARE(editor.sourceObject().value(QStringLiteral("direction")).toString(), QStringLiteral("both"));
    QTRY_VERIFY(save->isEnabled());
    selectData(direction, QStringLiteral("in"));
    QCOMPARE(editor.sourceObject().value(QStringLiteral("direction")).toString(), QStringLiteral("in"));
}

void tst_SourceEditor::schemaProblemsNameTheColumnInTheTable()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(5, 1, 2, 5, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    ConfigDocument doc;
    QString error;
    QVERIFY(doc.open(f.configPath(), &error));
    Workspace ws;
    QStringList errors;
    QVERIFY(ws.open(f.configPath(), &errors));
    SourceEditor editor(&doc, &ws);
    QVERIFY(editor.editSource(QStringLiteral("forum")));
    auto *save = widget<QPushButton>(&editor, "saveButton");

    // A column the users table does not have: named next to the columns table, its row marked.
    editor.selectEntity(QStringLiteral("users"));
    auto *columns = widget<QTableWidget>(&editor, "columnsTable");
    widget<QPushButton>(&editor, "columnAddButton")->click();
    const int row = columns->rowCount() - 1;
    columns->item(row, 1)->setText(QStringLiteral("name"));
    QTRY_VERIFY(editor.errorShownFor(QStringLiteral("columnsTable")).contains(QStringLiteral("choose the target column")));
    QVERIFY(!save->isEnabled());
    columns->item(row, 0)->setText(QStringLiteral("nickname"));
    QTRY_VERIFY(editor.errorShownFor(QStringLiteral("columnsTable")).contains(QStringLiteral("nickname: table \"users\" has no column \"nickname\"")));
    QVERIFY(!save->isEnabled());
    const int nickname = rowOf(columns, QStringLiteral("nickname"));
    QVERIFY(columns->item(nickname, 0)->toolTip().contains(QStringLiteral("has no column")));
    // The real schema is offered.
    QVERIFY(ws.columns(QStringLiteral("users")).contains(QStringLiteral("remember_token")));
    columns->item(nickname, 0)->setText(QStringLiteral("remember_token"));
    // remember_token is also a default of users: mapped twice.
    QTRY_VERIFY2(editor.errorShownFor(QStringLiteral("defaultsTable"))
                     .contains(QStringLiteral("remember_token: column \"remember_token\" is mapped twice")),
                 qPrintable(editor.problems().value(0).line()));
    widget<QPushButton>(&editor, "columnRemoveButton")->click();
    QTRY_VERIFY(save->isEnabled());

    // A wrong type, and a table that does not exist, on the entity's row.
    const int email = rowOf(columns, QStringLiteral("email"));
    columns->item(email, 2)->setText(QStringLiteral("text"));
    QTRY_VERIFY(editor.errorShownFor(QStringLiteral("columnsTable")).contains(QStringLiteral("email.type: expected one of string")));
    QVERIFY(columns->item(email, 2)->toolTip().contains(QStringLiteral("expected one of")));
    columns->item(email, 2)->setText(QStringLiteral("string"));
    auto *entities = widget<QTableWidget>(&editor, "entitiesTable");
    entities->item(rowOf(entities, QStringLiteral("topics")), 2)->setText(QStringLiteral("threads"));
    QTRY_VERIFY(editor.errorShownFor(QStringLiteral("entitiesTable")).contains(QStringLiteral("topics.table: the main database has no table \"threads\"")));
    QVERIFY(!save->isEnabled());
    entities->item(rowOf(entities, QStringLiteral("topics")), 2)->setText(QStringLiteral("topics"));
    QTRY_VERIFY(save->isEnabled());
    // Untouched in the end: the source is what was read.
    QCOMPARE(text(editor.sourceObject()), text(doc.source(QStringLiteral("forum"))));
}

void tst_SourceEditor::secretStoredInTheCredentialsFileNeverInTheConfiguration()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(8, 2, 3, 6, 2)));
    QVERIFY(f.startForum(QStringLiteral("s3cr3t-forum-token")));
    QVERIFY(f.configure());
    // Credentials already there stay.
    const QString credentials = f.path(QStringLiteral("credentials.json"));
    {
        QFile c(credentials);
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write("{\"database\": \"keep me\"}");
        c.close();
        QVERIFY(QFile::setPermissions(credentials, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    }

    ConfigDocument doc;
    QString error;
    QVERIFY(doc.open(f.configPath(), &error));
    Workspace ws;
    QStringList errors;
    QVERIFY(ws.open(f.configPath(), &errors));
    SourceEditor editor(&doc, &ws);
    QVERIFY(editor.editSource(QStringLiteral("forum")));
    editor.show();
    widget<QTabWidget>(&editor, "tabs")->setCurrentIndex(1);
    auto *save = widget<QPushButton>(&editor, "saveButton");

    selectData(widget<QComboBox>(&editor, "secretMode"), QStringLiteral("file"));
    QTRY_VERIFY(!save->isEnabled()); // nothing typed yet
    QVERIFY(editor.errorShownFor(QStringLiteral("secret")).contains(QStringLiteral("type the secret")));
    auto *secret = widget<QLineEdit>(&editor, "secretValue");
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QTest::keyClicks(secret, QStringLiteral("s3cr3t-forum-token"));
    QTRY_VERIFY(save->isEnabled());
    QVERIFY(editor.save(&error));

    // The configuration names the file and the key; the file holds the secret, owner only.
    const QByteArray configText = readFile(f.configPath());
    QVERIFY(!configText.contains("s3cr3t"));
    const QJsonObject token = readJson(f.configPath()).value(QStringLiteral("sources")).toArray().at(0).toObject()
                                  .value(QStringLiteral("rest")).toObject().value(QStringLiteral("auth")).toObject()
                                  .value(QStringLiteral("token")).toObject();
    QCOMPARE(token, (QJsonObject{{QStringLiteral("file"), QStringLiteral("credentials.json")}, {QStringLiteral("key"), QStringLiteral("forum.token")}}));
    QCOMPARE(QFile::permissions(credentials) & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
                                                | QFileDevice::WriteOther | QFileDevice::ExeOwner),
             QFileDevice::Permissions());
    QVERIFY(QFile::permissions(credentials).testFlag(QFileDevice::ReadOwner));
    const QJsonObject stored = readJson(credentials);
    QCOMPARE(stored.value(QStringLiteral("forum.token")).toString(), QStringLiteral("s3cr3t-forum-token"));
    QCOMPARE(stored.value(QStringLiteral("database")).toString(), QStringLiteral("keep me"));

    // tributaryd's loader reads it.
    Config loaded;
    QVERIFY(Config::load(f.configPath(), &loaded, &errors));
    const SecretRef ref = SecretRef::fromJson(token, QStringLiteral("token"), &errors);
    QString why;
    QCOMPARE(ref.resolve(loaded.baseDir(), &why), QStringLiteral("s3cr3t-forum-token"));

    // Never shown again: the field stays empty and says where the secret is.
    SourceEditor again(&doc, &ws);
    QVERIFY(again.editSource(QStringLiteral("forum")));
    auto *secretAgain = widget<QLineEdit>(&again, "secretValue");
    QVERIFY(secretAgain->text().isEmpty());
    QCOMPARE(secretAgain->placeholderText(), QStringLiteral("stored in credentials.json"));
    QCOMPARE(widget<QComboBox>(&again, "secretMode")->currentData().toString(), QStringLiteral("file"));
    QVERIFY(widget<QLabel>(&again, "secretStatus")->text().contains(QStringLiteral("Stored in credentials.json")));
    again.validateNow();
    QVERIFY(again.isValid());

    // The stored token works: a test connection through the file.
    ConnectionTestDialog *dialog = again.testConnection(&error);
    QVERIFY2(dialog, qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isFinished(), 30000);
    QVERIFY2(dialog->statusText().contains(QStringLiteral("Connected")), qPrintable(dialog->statusText()));
}

void tst_SourceEditor::testConnectionShowsMappedRowsAndTheTotal()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(15, 2, 8, 40, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    const qint64 usersBefore = f.scalar(QStringLiteral("SELECT COUNT(*) FROM users"));
    ConfigDocument doc;
    QString error;
    QVERIFY(doc.open(f.configPath(), &error));
    Workspace ws;
    QStringList errors;
    QVERIFY(ws.open(f.configPath(), &errors));
    SourceEditor editor(&doc, &ws);
    QVERIFY(editor.editSource(QStringLiteral("forum")));

    widget<QPushButton>(&editor, "testConnectionButton")->click();
    auto *dialog = editor.findChild<ConnectionTestDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isFinished(), 30000);
    QVERIFY2(dialog->statusText().contains(QStringLiteral("Connected")), qPrintable(dialog->statusText()));
    QCOMPARE(dialog->entities(),
             (QStringList{QStringLiteral("users"), QStringLiteral("sections"), QStringLiteral("topics"), QStringLiteral("messages")}));

    dialog->selectEntity(QStringLiteral("users"));
    QAbstractItemModel *model = dialog->mappedModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 15);
    QStringList headers;
    for (int c = 0; c < model->columnCount(); ++c)
        headers.append(model->headerData(c, Qt::Horizontal).toString());
    QCOMPARE(headers, (QStringList{QStringLiteral("external id"), QStringLiteral("created_at"), QStringLiteral("email"),
                                   QStringLiteral("email_verified_at"), QStringLiteral("name"), QStringLiteral("updated_at"),
                                   QStringLiteral("problem")}));
    const QJsonArray raw = QJsonDocument::fromJson(dialog->rawJson().toUtf8()).array();
    QCOMPARE(raw.size(), 15);
    const QJsonObject first = raw.at(0).toObject();
    QCOMPARE(model->index(0, 0).data().toString(), idString(first.value(QStringLiteral("id"))));
    QCOMPARE(model->index(0, 2).data().toString(), first.value(QStringLiteral("email")).toString());
    // Timestamps as the main database will hold them (the fixture's format has microseconds).
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}$"))
                 .match(model->index(0, 1).data().toString()).hasMatch(),
             qPrintable(model->index(0, 1).data().toString()));
    QVERIFY(model->index(0, 6).data().toString().isEmpty());
    QVERIFY2(dialog->totalText().startsWith(QStringLiteral("15 record")), qPrintable(dialog->totalText()));
    QVERIFY2(dialog->paginationText().startsWith(QStringLiteral("cursor \u2014 this is the only page")), qPrintable(dialog->paginationText()));
    QVERIFY(dialog->errorText().isEmpty());
    QVERIFY(widget<QLabel>(dialog, "urlLabel")->text().contains(QStringLiteral("/users?")));

    dialog->selectEntity(QStringLiteral("messages"));
    QCOMPARE(model->rowCount(), 40);
    QVERIFY(model->headerData(model->columnCount() - 2, Qt::Horizontal).toString().endsWith(QStringLiteral("(ref)")));
    QVERIFY2(dialog->totalText().startsWith(QStringLiteral("40 record")), qPrintable(dialog->totalText()));

    // Nothing was written.
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM users")), usersBefore);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links")), 0);
    dialog->close();
}

void tst_SourceEditor::testConnectionShowsMappingErrorsNextToTheField()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(6, 2, 3, 6, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    ConfigDocument doc;
    QString error;
    QVERIFY(doc.open(f.configPath(), &error));
    Workspace ws;
    QStringList errors;
    QVERIFY(ws.open(f.configPath(), &errors));
    SourceEditor editor(&doc, &ws);
    QVERIFY(editor.editSource(QStringLiteral("forum")));
    editor.selectEntity(QStringLiteral("users"));
    auto *columns = widget<QTableWidget>(&editor, "columnsTable");
    columns->item(rowOf(columns, QStringLiteral("name")), 2)->setText(QStringLiteral("integer"));
    editor.validateNow();
    QVERIFY(editor.isValid()); // a valid configuration; the data does not fit it

    ConnectionTestDialog *dialog = editor.testConnection(&error);
    QVERIFY2(dialog, qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isFinished(), 30000);
    dialog->selectEntity(QStringLiteral("users"));
    QAbstractItemModel *model = dialog->mappedModel();
    QCOMPARE(model->rowCount(), 6);
    const int name = 4; // external id, created_at, email, email_verified_at, name
    QCOMPARE(model->headerData(name, Qt::Horizontal).toString(), QStringLiteral("name"));
    for (int row = 0; row < model->rowCount(); ++row) {
        QVERIFY(model->index(row, name).data(ConnectionTestDialog::ErrorRole).toBool());
        QVERIFY2(model->index(row, name).data().toString().contains(QStringLiteral("expected a whole number, got a string")),
                 qPrintable(model->index(row, name).data().toString()));
        QVERIFY(!model->index(row, 2).data(ConnectionTestDialog::ErrorRole).toBool()); // email is fine
        QVERIFY(model->index(row, model->columnCount() - 1).data().toString().startsWith(QStringLiteral("name: expected")));
    }
    QVERIFY2(dialog->errorText().contains(QStringLiteral("on the first page cannot be mapped")), qPrintable(dialog->errorText()));
    QVERIFY2(dialog->statusText().contains(QStringLiteral("of the first pages cannot be mapped")), qPrintable(dialog->statusText()));
    QVERIFY(!dialog->hasFailure()); // the probe's checks hold: the data does not fit a type, which quarantines
    dialog->selectEntity(QStringLiteral("sections"));
    QVERIFY(dialog->errorText().isEmpty());
}

void tst_SourceEditor::testConnectionShowsARefusedToken()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(6, 2, 3, 6, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    qputenv("TRIBUTARY_WRONG_TOKEN", "not-the-token");
    ConfigDocument doc;
    QString error;
    QVERIFY(doc.open(f.configPath(), &error));
    SourceEditor editor(&doc, nullptr);
    QVERIFY(editor.editSource(QStringLiteral("forum")));
    editor.setSecretFromEnvironment(QStringLiteral("TRIBUTARY_WRONG_TOKEN"));
    QVERIFY(widget<QLabel>(&editor, "secretStatus")->text().contains(QStringLiteral("TRIBUTARY_WRONG_TOKEN is set")));
    ConnectionTestDialog *dialog = editor.testConnection(&error);
    QVERIFY2(dialog, qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isFinished(), 30000);
    QVERIFY(dialog->hasFailure());
    QVERIFY2(dialog->statusText().startsWith(QStringLiteral("FAILED: 4 check")), qPrintable(dialog->statusText()));
    QVERIFY2(dialog->statusText().contains(QStringLiteral("topics: pages can be read")), qPrintable(dialog->statusText()));
    QVERIFY2(dialog->entityText(QStringLiteral("topics")).contains(QStringLiteral("FAIL: cannot be read")),
             qPrintable(dialog->entityText(QStringLiteral("topics"))));
    dialog->selectEntity(QStringLiteral("topics"));
    QVERIFY2(dialog->errorText().contains(QStringLiteral("TRIBUTARY_WRONG_TOKEN")), qPrintable(dialog->errorText()));
    QVERIFY(dialog->errorText().contains(QStringLiteral("refused the credentials")));
    QVERIFY(!dialog->errorText().contains(QStringLiteral("not-the-token")));
    QCOMPARE(dialog->mappedModel()->rowCount(), 0);
}

// OAuth 2.0 has its own fields, shown only for that sign-in; "Get token" asks forum-sim's token
// endpoint with the form's values and shows the lifetime and the scopes (never the token), or
// what to renew when the refresh token was revoked.
void tst_SourceEditor::oauthFieldsAndGetToken()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(6, 2, 3, 6, 2)));
    auto authority = std::make_shared<ForumOAuth>(OAuthTokenServer::settings(30));
    ForumSimOptions options;
    options.oauth = authority;
    QVERIFY(f.startForum(options));
    QVERIFY(f.configure());
    qputenv("TST_GUI_OAUTH_SECRET", OAuthTokenServer::kClientSecret);
    qputenv("TST_GUI_OAUTH_REFRESH", OAuthTokenServer::kRefreshToken);
    ConfigDocument doc;
    QString error;
    QVERIFY(doc.open(f.configPath(), &error));
    SourceEditor editor(&doc, nullptr);
    QVERIFY(editor.editSource(QStringLiteral("forum")));

    auto hidden = [&](const char *name) { return widget<QWidget>(&editor, name)->parentWidget()->isHidden(); };
    for (const char *name : {"oauthGrant", "oauthTokenUrl", "oauthClientId", "oauthScopes", "oauthRefresh", "oauthGetTokenRow"})
        QVERIFY2(hidden(name), name);
    selectData(widget<QComboBox>(&editor, "authType"), QStringLiteral("oauth2"));
    for (const char *name : {"oauthGrant", "oauthTokenUrl", "oauthClientId", "oauthScopes", "oauthGetTokenRow"})
        QVERIFY2(!hidden(name), name);
    QVERIFY(hidden("oauthRefresh")); // client credentials by default
    selectData(widget<QComboBox>(&editor, "oauthGrant"), QStringLiteral("refresh_token"));
    QVERIFY(!hidden("oauthRefresh"));

    const QUrl base = f.forumUrl();
    const QString tokenUrl = QStringLiteral("http://%1:%2/oauth/token").arg(base.host()).arg(base.port());
    widget<QLineEdit>(&editor, "oauthTokenUrl")->setText(tokenUrl);
    widget<QLineEdit>(&editor, "oauthClientId")->setText(QString::fromLatin1(OAuthTokenServer::kClientId));
    widget<QLineEdit>(&editor, "oauthScopes")->setText(QStringLiteral("forum.read"));
    editor.setSecretFromEnvironment(QStringLiteral("TST_GUI_OAUTH_SECRET"));
    widget<QLineEdit>(&editor, "oauthRefreshRef")->setText(QStringLiteral("TST_GUI_OAUTH_REFRESH"));
    editor.validateNow();
    QVERIFY2(editor.isValid(), qPrintable(editor.problems().value(0).line()));
    const QJsonObject auth = EditorForm::valueAt(editor.sourceObject(), QStringLiteral("rest.auth")).toObject();
    QCOMPARE(auth.value(QStringLiteral("type")).toString(), QStringLiteral("oauth2"));
    QCOMPARE(auth.value(QStringLiteral("grant")).toString(), QStringLiteral("refresh_token"));
    QCOMPARE(auth.value(QStringLiteral("token_url")).toString(), tokenUrl);
    QCOMPARE(auth.value(QStringLiteral("scopes")).toArray(), QJsonArray{QStringLiteral("forum.read")});
    QCOMPARE(auth.value(QStringLiteral("client_secret")).toObject().value(QStringLiteral("env")).toString(),
             QStringLiteral("TST_GUI_OAUTH_SECRET"));
    QCOMPARE(auth.value(QStringLiteral("refresh_token")).toObject().value(QStringLiteral("env")).toString(),
             QStringLiteral("TST_GUI_OAUTH_REFRESH"));

    auto *status = widget<QLabel>(&editor, "oauthTokenStatus");
    auto *getToken = widget<QPushButton>(&editor, "oauthGetToken");
    getToken->click();
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Got a")), 30000);
    QVERIFY2(status->text().contains(QStringLiteral("valid for 30 seconds")), qPrintable(status->text()));
    QVERIFY2(status->text().contains(QStringLiteral("scopes: forum.read")), qPrintable(status->text()));
    QVERIFY2(!status->text().contains(authority->lastAccessToken()), qPrintable(status->text()));
    QCOMPARE(authority->tokenRequests(), 1);
    QVERIFY(getToken->isEnabled());

    authority->revoke(QString::fromLatin1(OAuthTokenServer::kRefreshToken));
    getToken->click();
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("No token")), 30000);
    QVERIFY2(status->text().contains(QStringLiteral("invalid_grant")), qPrintable(status->text()));
    QVERIFY2(status->text().contains(QStringLiteral("get a new refresh token and set TST_GUI_OAUTH_REFRESH")), qPrintable(status->text()));
    QVERIFY(!status->text().contains(QString::fromLatin1(OAuthTokenServer::kRefreshToken)));
}

void tst_SourceEditor::presetsFillTheSource()
{
    ConfigDocument doc;
    doc.newDocument(SourcePreset{}, QStringLiteral("main.sqlite"));
    SourceEditor editor(&doc, nullptr);
    editor.setSaveOnAccept(false);
    SourcePreset rest;
    rest.kind = SourcePreset::Kind::GenericRest;
    rest.sourceName = QStringLiteral("items");
    rest.baseUrl = QStringLiteral("https://api.example.com/v2");
    rest.tokenEnv.clear();
    editor.newSource(rest);
    editor.validateNow();
    QCOMPARE(widget<QComboBox>(&editor, "authType")->currentData().toString(), QStringLiteral("none"));
    // The skeleton's entity still needs its table: the first problem says so, on its row.
    QCOMPARE(editor.entityNames(), QStringList{QStringLiteral("items")});
    QVERIFY(!editor.isValid());
    QCOMPARE(editor.problems().size(), 1);
    QCOMPARE(editor.problems().first().keyPath, QStringLiteral("sources.items.entities.items.table"));
    QVERIFY2(editor.errorShownFor(QStringLiteral("entitiesTable")).contains(QStringLiteral("items.table: must not be empty")),
             qPrintable(editor.errorShownFor(QStringLiteral("entitiesTable"))));
    auto *entities = widget<QTableWidget>(&editor, "entitiesTable");
    QVERIFY(entities->item(0, 2)->toolTip().contains(QStringLiteral("must not be empty")));
    entities->item(0, 2)->setText(QStringLiteral("articles"));
    QTRY_VERIFY(editor.isValid()); // no workspace: the schema is not checked
    widget<QPushButton>(&editor, "addEntityButton")->click();
    QCOMPARE(editor.entityNames(), (QStringList{QStringLiteral("items"), QStringLiteral("items2")}));
    QCOMPARE(editor.currentEntity(), QStringLiteral("items2"));
    QTRY_VERIFY(!editor.isValid());
    widget<QPushButton>(&editor, "removeEntityButton")->click();
    QTRY_VERIFY(editor.isValid());

    // Good Forum over it, with the URL and the token variable typed on the Connection tab.
    widget<QLineEdit>(&editor, "baseUrl")->setText(QStringLiteral("http://forum.example:8080/api/v1"));
    selectData(widget<QComboBox>(&editor, "authType"), QStringLiteral("bearer"));
    widget<QLineEdit>(&editor, "secretEnv")->setText(QStringLiteral("GOOD_FORUM_TOKEN"));
    widget<QPushButton>(&editor, "presetForumButton")->click();
    SourcePreset forumPreset;
    forumPreset.sourceName = QStringLiteral("items");
    forumPreset.baseUrl = QStringLiteral("http://forum.example:8080/api/v1");
    forumPreset.tokenEnv = QStringLiteral("GOOD_FORUM_TOKEN");
    QCOMPARE(text(editor.sourceObject()), text(ConfigDocument::presetSource(forumPreset)));
    editor.validateNow();
    QVERIFY(editor.isValid());
    QVERIFY(editor.save());
    QCOMPARE(doc.sourceNames(), (QStringList{QStringLiteral("forum"), QStringLiteral("items")}));
    QVERIFY(doc.isModified());

    // Renaming through the name field renames the source in the document.
    widget<QLineEdit>(&editor, "name")->setText(QStringLiteral("good-forum"));
    QVERIFY(editor.save());
    QCOMPARE(doc.sourceNames(), (QStringList{QStringLiteral("forum"), QStringLiteral("good-forum")}));
}

void tst_SourceEditor::keysWithoutAWidgetSurviveAnEdit()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(5, 1, 2, 5, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure([](QJsonObject &root) {
        root.insert(QStringLiteral("comment"), QStringLiteral("kept by the console"));
        root.insert(QStringLiteral("$schema"), QStringLiteral("https://example.com/tributary.schema.json"));
        editSource(root, [](QJsonObject &src) {
            QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
            QJsonObject pagination = rest.value(QStringLiteral("pagination")).toObject();
            pagination.insert(QStringLiteral("first_cursor"), QJsonValue(QJsonValue::Null));
            rest.insert(QStringLiteral("pagination"), pagination);
            src.insert(QStringLiteral("rest"), rest);
            QJsonArray entities = src.value(QStringLiteral("entities")).toArray();
            QJsonObject users = entities.at(0).toObject();
            users.insert(QStringLiteral("full_params"), QJsonObject{{QStringLiteral("sort"), QStringLiteral("id")}});
            entities.replace(0, users);
            src.insert(QStringLiteral("entities"), entities);
        });
    }));
    const QJsonObject before = readJson(f.configPath());
    ConfigDocument doc;
    QString error;
    QVERIFY(doc.open(f.configPath(), &error));
    SourceEditor editor(&doc, nullptr);
    QVERIFY(editor.editSource(QStringLiteral("forum")));
    widget<QSpinBox>(&editor, "overlapSeconds")->setValue(30);
    QVERIFY(editor.save(&error));

    QJsonObject expected = before;
    editSource(expected, [](QJsonObject &src) { src.insert(QStringLiteral("overlap_seconds"), 30); });
    QCOMPARE(readFile(f.configPath()), text(expected));
}

void tst_SourceEditor::cancelAsksBeforeDiscardingEdits()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(5, 1, 2, 5, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    ConfigDocument doc;
    QString error;
    QVERIFY(doc.open(f.configPath(), &error));
    SourceEditor editor(&doc);
    QVERIFY(editor.editSource(QStringLiteral("forum")));
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QVERIFY(!editor.hasChanges());

    // Whatever the next message box asks, answered with `button`; its text kept.
    QString asked;
    auto answerNextBox = [&](QMessageBox::StandardButton button) {
        asked.clear();
        QTimer::singleShot(0, [&asked, button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            asked = box->text();
            box->button(button)->click();
        });
    };

    auto *baseUrl = widget<QLineEdit>(&editor, "baseUrl");
    const QString original = baseUrl->text();
    baseUrl->setText(QStringLiteral("http://127.0.0.1:9/api/v1"));
    QVERIFY(editor.hasChanges());
    // Escape: asked, and Cancel keeps the editor open with the edit.
    answerNextBox(QMessageBox::Cancel);
    QTest::keyClick(&editor, Qt::Key_Escape);
    QVERIFY2(asked.contains(QStringLiteral("not saved")), qPrintable(asked));
    QVERIFY(editor.isVisible());
    QCOMPARE(baseUrl->text(), QStringLiteral("http://127.0.0.1:9/api/v1"));
    // The Cancel button asks too; Discard closes it, and the document is unchanged.
    answerNextBox(QMessageBox::Discard);
    widget<QPushButton>(&editor, "cancelButton")->click();
    QVERIFY(!asked.isEmpty());
    QVERIFY(!editor.isVisible());
    QCOMPARE(editor.result(), int(QDialog::Rejected));
    QCOMPARE(doc.source(QStringLiteral("forum")).value(QStringLiteral("rest")).toObject().value(QStringLiteral("base_url")).toString(),
             original);
    QVERIFY(!doc.isModified());

    // Without changes, Escape closes at once, asking nothing.
    SourceEditor untouched(&doc);
    QVERIFY(untouched.editSource(QStringLiteral("forum")));
    untouched.show();
    QVERIFY(QTest::qWaitForWindowExposed(&untouched));
    answerNextBox(QMessageBox::Cancel);
    QTest::keyClick(&untouched, Qt::Key_Escape);
    QVERIFY(asked.isEmpty());
    QVERIFY(!untouched.isVisible());
}

void tst_SourceEditor::aPresetOnASavedSourceShowsWhatItChangesAndKeepsTheSignIn()
{
    // The Good Forum preset on a saved source that signs in with an API key: it used to replace
    // the sign-in by a bearer token while the footer said "No problems", and every sync failed.
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(5, 1, 2, 5, 2)));
    QVERIFY(f.startForum());
    const QJsonObject apiKey{{QStringLiteral("type"), QStringLiteral("api_key")},
                             {QStringLiteral("header"), QStringLiteral("X-Api-Key")},
                             {QStringLiteral("key"), QJsonObject{{QStringLiteral("env"), QStringLiteral("FORUM_KEY")}}}};
    QVERIFY(f.configure([&](QJsonObject &root) {
        editSource(root, [&](QJsonObject &src) {
            QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
            rest.insert(QStringLiteral("auth"), apiKey);
            QJsonObject pagination = rest.value(QStringLiteral("pagination")).toObject();
            pagination.insert(QStringLiteral("page_size"), 250);
            rest.insert(QStringLiteral("pagination"), pagination);
            src.insert(QStringLiteral("rest"), rest);
        });
    }));
    ConfigDocument doc;
    QString error;
    QVERIFY(doc.open(f.configPath(), &error));
    SourceEditor editor(&doc);
    QVERIFY(editor.editSource(QStringLiteral("forum")));
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    const QJsonObject before = editor.sourceObject();

    QString shown;
    auto answerPreview = [&](QMessageBox::StandardButton button) {
        shown.clear();
        QTimer::singleShot(0, [&shown, button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            shown = box->objectName() + QLatin1Char('\n') + box->informativeText();
            box->button(button)->click();
        });
    };
    // Cancel: the preview named what would change, and nothing did.
    answerPreview(QMessageBox::Cancel);
    widget<QPushButton>(&editor, "presetForumButton")->click();
    QVERIFY2(shown.startsWith(QStringLiteral("presetPreview\n")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("rest.pagination.page_size")), qPrintable(shown));
    QVERIFY2(!shown.contains(QStringLiteral("rest.auth")), qPrintable(shown));
    QCOMPARE(editor.sourceObject(), before);
    // Apply: the preset's page size, the source's own sign-in.
    answerPreview(QMessageBox::Apply);
    widget<QPushButton>(&editor, "presetForumButton")->click();
    QVERIFY(!shown.isEmpty());
    const QJsonObject rest = editor.sourceObject().value(QStringLiteral("rest")).toObject();
    QCOMPARE(rest.value(QStringLiteral("auth")).toObject(), apiKey);
    SourcePreset goodForum;
    const int presetPageSize = ConfigDocument::presetSource(goodForum)
                                   .value(QStringLiteral("rest")).toObject()
                                   .value(QStringLiteral("pagination")).toObject()
                                   .value(QStringLiteral("page_size")).toInt();
    QVERIFY(presetPageSize > 0 && presetPageSize != 250);
    QCOMPARE(rest.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("page_size")).toInt(), presetPageSize);
    QCOMPARE(rest.value(QStringLiteral("base_url")), before.value(QStringLiteral("rest")).toObject().value(QStringLiteral("base_url")));
}

void tst_SourceEditor::schedulePageWritesTheScheduleTributarydRuns()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(5, 1, 2, 5, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    const QJsonObject before = readJson(f.configPath());
    ConfigDocument doc;
    QString error;
    QVERIFY(doc.open(f.configPath(), &error));
    SourceEditor editor(&doc, nullptr);
    QVERIFY(editor.editSource(QStringLiteral("forum")));

    setDuration(&editor, QStringLiteral("scheduleInterval"), 2, 60);
    setDuration(&editor, QStringLiteral("reconcileInterval"), 6, 3600);
    widget<QDoubleSpinBox>(&editor, "jitterPercent")->setValue(15);
    widget<QCheckBox>(&editor, "reconcileOnMissedDeletes")->setChecked(false);
    auto *save = widget<QPushButton>(&editor, "saveButton");
    QTRY_COMPARE(widget<QLabel>(&editor, "schedulePreview")->text(),
                 QStringLiteral("Incremental sync every 2 minutes (each wait varied by up to ±15 %); reconciliation every 6 hours; "
                                "no check for missed deletes; no webhooks."));
    QVERIFY(save->isEnabled());
    QVERIFY2(editor.save(&error), qPrintable(error));

    QJsonObject expected = before;
    editSource(expected, [](QJsonObject &src) {
        src.insert(QStringLiteral("schedule"), QJsonObject{{QStringLiteral("interval_seconds"), 120},
                                                           {QStringLiteral("reconcile_interval_seconds"), 21600},
                                                           {QStringLiteral("jitter_share"), 0.15},
                                                           {QStringLiteral("reconcile_on_missed_deletes"), false}});
    });
    QCOMPARE(readFile(f.configPath()), text(expected));
    QVERIFY(readFile(f.configPath()).contains("\"jitter_share\": 0.15,"));

    // The core reads what the page meant, and tributaryd loads the file.
    Config loaded;
    QStringList errors;
    QVERIFY2(Config::load(f.configPath(), &loaded, &errors), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(loaded.sources.at(0).schedule.intervalSeconds, 120);
    QCOMPARE(loaded.sources.at(0).schedule.reconcileIntervalSeconds, 21600);
    QCOMPARE(loaded.sources.at(0).schedule.jitterShare, 0.15);
    QCOMPARE(loaded.sources.at(0).schedule.reconcileOnMissedDeletes, false);
    Exit r = tributaryd({QStringLiteral("status"), QStringLiteral("--config"), f.configPath()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));

    // Reconciliation turned off is written as 0; back to the defaults, the other keys go.
    widget<QCheckBox>(&editor, "reconcileIntervalOn")->setChecked(false);
    QVERIFY(!widget<QSpinBox>(&editor, "reconcileIntervalValue")->isEnabled());
    setDuration(&editor, QStringLiteral("scheduleInterval"), 5, 60);
    widget<QDoubleSpinBox>(&editor, "jitterPercent")->setValue(10);
    widget<QCheckBox>(&editor, "reconcileOnMissedDeletes")->setChecked(true);
    QCOMPARE(editor.sourceObject().value(QStringLiteral("schedule")).toObject(),
             (QJsonObject{{QStringLiteral("reconcile_interval_seconds"), 0}}));
    QTRY_COMPARE(widget<QLabel>(&editor, "schedulePreview")->text(),
                 QStringLiteral("Incremental sync every 5 minutes (each wait varied by up to ±10 %); no scheduled reconciliation "
                                "(run tributaryd reconcile yourself); a warning when a sync finds missed deletes; no webhooks."));
    QVERIFY2(editor.save(&error), qPrintable(error));
    r = tributaryd({QStringLiteral("status"), QStringLiteral("--config"), f.configPath()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY(Config::load(f.configPath(), &loaded, &errors));
    QCOMPARE(loaded.sources.at(0).schedule.reconcileIntervalSeconds, 0);
}

void tst_SourceEditor::scheduleDefaultsWriteNothing()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(5, 1, 2, 5, 2)));
    QVERIFY(f.startForum());
    // The configuration as `tributaryd init` writes it: no "schedule".
    const QString config = f.path(QStringLiteral("tributary.json"));
    Exit r = tributaryd({QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("forum"), QStringLiteral("--url"),
                        f.forumUrl().toString(), QStringLiteral("--database"), f.mainDb(), QStringLiteral("--token-env"),
                        QStringLiteral("TRIBUTARY_TEST_TOKEN"), QStringLiteral("--output"), config});
    QCOMPARE(r.exitCode, 0);
    const QByteArray onDisk = readFile(config);
    QVERIFY(!onDisk.contains("\"schedule\""));
    ConfigDocument doc;
    QString error;
    QVERIFY(doc.open(config, &error));
    SourceEditor editor(&doc, nullptr);
    QVERIFY(editor.editSource(QStringLiteral("forum")));

    // The page shows the core's defaults.
    QCOMPARE(widget<QSpinBox>(&editor, "scheduleIntervalValue")->value(), 5);
    QCOMPARE(widget<QComboBox>(&editor, "scheduleIntervalUnit")->currentData().toInt(), 60);
    QVERIFY(widget<QCheckBox>(&editor, "reconcileIntervalOn")->isChecked());
    QCOMPARE(widget<QSpinBox>(&editor, "reconcileIntervalValue")->value(), 1);
    QCOMPARE(widget<QComboBox>(&editor, "reconcileIntervalUnit")->currentData().toInt(), 86400);
    QCOMPARE(widget<QDoubleSpinBox>(&editor, "jitterPercent")->value(), 10.0);
    QVERIFY(widget<QCheckBox>(&editor, "reconcileOnMissedDeletes")->isChecked());

    // Changed and changed back, through every widget: nothing is written.
    setDuration(&editor, QStringLiteral("scheduleInterval"), 300, 1);
    QVERIFY(!editor.sourceObject().contains(QStringLiteral("schedule"))); // 300 seconds is the default
    setDuration(&editor, QStringLiteral("scheduleInterval"), 7, 3600);
    setDuration(&editor, QStringLiteral("scheduleInterval"), 5, 60);
    widget<QCheckBox>(&editor, "reconcileIntervalOn")->setChecked(false);
    widget<QCheckBox>(&editor, "reconcileIntervalOn")->setChecked(true);
    setDuration(&editor, QStringLiteral("reconcileInterval"), 24, 3600);
    widget<QDoubleSpinBox>(&editor, "jitterPercent")->setValue(0);
    widget<QDoubleSpinBox>(&editor, "jitterPercent")->setValue(10);
    widget<QCheckBox>(&editor, "reconcileOnMissedDeletes")->setChecked(false);
    widget<QCheckBox>(&editor, "reconcileOnMissedDeletes")->setChecked(true);
    QVERIFY(!editor.sourceObject().contains(QStringLiteral("schedule")));
    QVERIFY(!editor.hasChanges());
    QVERIFY2(editor.save(&error), qPrintable(error));
    QCOMPARE(readFile(config), onDisk);
}

void tst_SourceEditor::invalidScheduleShowsTheCoresProblemNextToTheField()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 1, 2, 5, 1)));
    QVERIFY(f.generateExternal(forum(5, 1, 2, 5, 2)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    const QByteArray onDisk = readFile(f.configPath());
    ConfigDocument doc;
    QString error;
    QVERIFY(doc.open(f.configPath(), &error));
    SourceEditor editor(&doc, nullptr);
    QVERIFY(editor.editSource(QStringLiteral("forum")));
    auto *save = widget<QPushButton>(&editor, "saveButton");
    QVERIFY(save->isEnabled());

    // A reconciliation every 30 seconds: the core wants 0 or at least 60.
    setDuration(&editor, QStringLiteral("reconcileInterval"), 30, 1);
    QTRY_VERIFY(!save->isEnabled());
    QVERIFY(!widget<QLabel>(&editor, "reconcileIntervalError")->isHidden());
    QCOMPARE(editor.errorShownFor(QStringLiteral("reconcileInterval")), QStringLiteral("expected 0 (never) or at least 60; got 30"));
    QCOMPARE(editor.problems().size(), 1);
    QCOMPARE(editor.problems().first().keyPath, QStringLiteral("sources.forum.schedule.reconcile_interval_seconds"));
    QCOMPARE(widget<QLabel>(&editor, "schedulePreview")->text(),
             QStringLiteral("Fix the schedule's problems to see what tributaryd serve will do."));
    QVERIFY(!editor.save());
    QCOMPARE(readFile(f.configPath()), onDisk);
    setDuration(&editor, QStringLiteral("reconcileInterval"), 2, 60);
    QTRY_VERIFY(save->isEnabled());
    QVERIFY(editor.errorShownFor(QStringLiteral("reconcileInterval")).isEmpty());

    // An incremental sync every 2 days: at most a day.
    setDuration(&editor, QStringLiteral("scheduleInterval"), 2, 86400);
    QTRY_VERIFY(!save->isEnabled());
    QVERIFY2(editor.errorShownFor(QStringLiteral("scheduleInterval")).contains(QStringLiteral("from 1 to 86400; got 172800")),
             qPrintable(editor.errorShownFor(QStringLiteral("scheduleInterval"))));
    setDuration(&editor, QStringLiteral("scheduleInterval"), 1, 86400);
    QTRY_VERIFY(save->isEnabled());
    QTRY_VERIFY(widget<QLabel>(&editor, "schedulePreview")->text().startsWith(QStringLiteral("Incremental sync every day ")));
}

void tst_SourceEditor::schedulePreviewSaysWhatServeWillDo_data()
{
    QTest::addColumn<QJsonObject>("changes");
    QTest::addColumn<QString>("preview");
    QTest::newRow("defaults") << QJsonObject()
                              << QStringLiteral("Incremental sync every 5 minutes (each wait varied by up to ±10 %); reconciliation every "
                                                "day; an extra reconciliation right after a sync that finds missed deletes; no webhooks.");
    QTest::newRow("seconds, exact, weekly")
        << QJsonObject{{QStringLiteral("schedule"), QJsonObject{{QStringLiteral("interval_seconds"), 90},
                                                                {QStringLiteral("reconcile_interval_seconds"), 7 * 86400},
                                                                {QStringLiteral("jitter_share"), 0}}}}
        << QStringLiteral("Incremental sync every 90 seconds, exactly; reconciliation every 7 days; an extra reconciliation right "
                          "after a sync that finds missed deletes; no webhooks.");
    QTest::newRow("one hour, webhooks")
        << QJsonObject{{QStringLiteral("schedule"), QJsonObject{{QStringLiteral("interval_seconds"), 3600},
                                                                {QStringLiteral("reconcile_interval_seconds"), 5400},
                                                                {QStringLiteral("jitter_share"), 0.25}}},
                       {QStringLiteral("webhook"), QJsonObject{{QStringLiteral("secret"),
                                                                QJsonObject{{QStringLiteral("env"), QStringLiteral("HOOK_SECRET")}}}}}}
        << QStringLiteral("Incremental sync every hour (each wait varied by up to ±25 %); reconciliation every 90 minutes; an extra "
                          "reconciliation right after a sync that finds missed deletes; webhooks at POST /webhooks/forum, their "
                          "records fetched as soon as the source is idle.");
    QTest::newRow("disabled") << QJsonObject{{QStringLiteral("enabled"), false}}
                              << QStringLiteral("Disabled: tributaryd serve does not run this source.");
}

void tst_SourceEditor::schedulePreviewSaysWhatServeWillDo()
{
    QFETCH(QJsonObject, changes);
    QFETCH(QString, preview);
    ConfigDocument doc;
    SourceEditor editor(&doc, nullptr);
    QJsonObject source = ConfigDocument::presetSource(SourcePreset{SourcePreset::Kind::GoodForum, QStringLiteral("forum"),
                                                                   QStringLiteral("http://127.0.0.1:9/api/v1"), QStringLiteral("X")});
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
        source.insert(it.key(), it.value());
    editor.setSourceObject(source);
    QCOMPARE(editor.schedulePreview(), preview);
    QCOMPARE(widget<QLabel>(&editor, "schedulePreview")->text(), preview);
}

void tst_SourceEditor::schedulePageInGermanHasUniqueAccelerators()
{
    setLanguageSetting(QStringLiteral("de"));
    QCOMPARE(installTranslations(), QStringLiteral("de"));
    {
        ConfigDocument doc;
        SourceEditor editor(&doc, nullptr);
        editor.setSourceObject(ConfigDocument::presetSource(SourcePreset{SourcePreset::Kind::GoodForum, QStringLiteral("forum"),
                                                                         QStringLiteral("http://127.0.0.1:9/api/v1"), QStringLiteral("X")}));
        auto *tabs = widget<QTabWidget>(&editor, "tabs");
        QCOMPARE(tabs->tabText(4), QStringLiteral("Zeitplan"));
        QCOMPARE(editor.schedulePreview(),
                 QStringLiteral("Inkrementelle Synchronisation alle 5 Minuten (jede Wartezeit um bis zu ±10 % variiert); Abgleich jeden "
                                "Tag; ein zusätzlicher Abgleich direkt nach einer Synchronisation, die verpasste Löschungen findet; "
                                "keine Webhooks."));
        // The accelerators of the page's labels and check boxes, each once.
        QStringList keys;
        const QRegularExpression mnemonic(QStringLiteral("&([^&])"));
        for (QWidget *w : tabs->widget(4)->findChildren<QWidget *>()) {
            QString label;
            if (auto *l = qobject_cast<QLabel *>(w))
                label = l->text();
            else if (auto *c = qobject_cast<QCheckBox *>(w))
                label = c->text();
            const QRegularExpressionMatch m = mnemonic.match(label);
            if (m.hasMatch())
                keys.append(m.captured(1).toLower());
        }
        QCOMPARE(keys.size(), 4);
        QCOMPARE(QSet<QString>(keys.begin(), keys.end()).size(), keys.size());
    }
    setLanguageSetting(QStringLiteral("en"));
    QCOMPARE(installTranslations(), QStringLiteral("en"));
}

void tst_SourceEditor::aSourceTypeShowsItsOwnPagesOnly()
{
    const auto unregister = registerSheetType();
    ConfigDocument doc;
    SourceEditor editor(&doc, nullptr);
    auto *tabs = widget<QTabWidget>(&editor, "tabs");
    auto *entityTabs = widget<QTabWidget>(&editor, "entityTabs");
    auto *entities = widget<QTableWidget>(&editor, "entitiesTable");
    const int sheet = tabNamed(tabs, QStringLiteral("Sheet"));
    const int connection = tabNamed(tabs, QStringLiteral("Connection"));
    const int pagination = tabNamed(tabs, QStringLiteral("Pagination && incremental"));
    const int restEntity = tabNamed(entityTabs, QStringLiteral("REST"));
    QVERIFY(sheet > 0 && connection > 0 && pagination > 0 && restEntity > 0);
    // Built-in pages keep their places; a registered type's come after them.
    QCOMPARE(connection, 1);
    QCOMPARE(pagination, 2);
    QVERIFY(sheet > pagination);

    auto restShown = [&] {
        return tabs->isTabVisible(connection) && tabs->isTabEnabled(connection) && tabs->isTabVisible(pagination)
            && entityTabs->isTabVisible(restEntity) && !entities->isColumnHidden(1);
    };
    auto restHidden = [&] {
        return !tabs->isTabVisible(connection) && !tabs->isTabVisible(pagination) && !entityTabs->isTabVisible(restEntity)
            && entities->isColumnHidden(1);
    };
    editor.setSourceObject(ConfigDocument::presetSource(SourcePreset{}));
    QVERIFY(restShown());
    QVERIFY(!tabs->isTabVisible(sheet));

    editor.setSourceObject(sheetSource());
    QVERIFY(tabs->isTabVisible(sheet));
    QVERIFY(tabs->isTabEnabled(sheet));
    QVERIFY(restHidden());

    // Choosing the type on the General page switches the pages as well.
    selectData(widget<QComboBox>(&editor, "sourceType"), QStringLiteral("rest"));
    QVERIFY(restShown());
    QVERIFY(!tabs->isTabVisible(sheet));
}

void tst_SourceEditor::aSourceTypesFieldWritesItsKeyAndShowsItsProblem()
{
    const auto unregister = registerSheetType();
    ConfigDocument doc;
    SourceEditor editor(&doc, nullptr);
    editor.setSourceObject(sheetSource());
    auto *id = widget<QLineEdit>(&editor, "sheetId");
    QVERIFY(id);

    // The core's problem with the type's key is shown next to the type's field, and blocks Save.
    QVERIFY2(editor.errorShownFor(QStringLiteral("sheetId")) == QStringLiteral("must not be empty"),
             qPrintable(editor.errorShownFor(QStringLiteral("sheetId"))));
    QVERIFY(!editor.isValid());

    // The field writes its key, and only that.
    QTest::keyClicks(id, QStringLiteral("budget-2026"));
    QJsonObject expected = sheetSource();
    expected.insert(QStringLiteral("sheet"), QJsonObject{{QStringLiteral("id"), QStringLiteral("budget-2026")}});
    QCOMPARE(editor.sourceObject(), expected);
    QTRY_COMPARE(editor.errorShownFor(QStringLiteral("sheetId")), QString());

    // A problem loaded with the source is shown again, and a double-click on it in the list
    // brings its page forward with the field focused.
    editor.show();
    editor.setSourceObject(sheetSource());
    QCOMPARE(id->text(), QString());
    QCOMPARE(editor.errorShownFor(QStringLiteral("sheetId")), QStringLiteral("must not be empty"));
    auto *problems = widget<QListWidget>(&editor, "problemList");
    QListWidgetItem *item = nullptr;
    for (int i = 0; i < problems->count(); ++i) {
        if (problems->item(i)->text().startsWith(QStringLiteral("sources.budget.sheet.id")))
            item = problems->item(i);
    }
    QVERIFY(item);
    Q_EMIT problems->itemActivated(item);
    auto *tabs = widget<QTabWidget>(&editor, "tabs");
    QCOMPARE(tabs->currentIndex(), tabNamed(tabs, QStringLiteral("Sheet")));
}

QTEST_MAIN(tst_SourceEditor)
#include "tst_sourceeditor.moc"

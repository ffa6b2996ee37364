// The conflict inspector on a real synced forum: every decision made in the widget goes through
// core's resolver and changes the row exactly as `tributaryd conflicts resolve` would; a
// refusal (the row changed since it was shown) is displayed and writes nothing; a selection is
// decided at once. Real forum-sim, real SQLite, offscreen widgets.

#include "SyncFixture.h"
#include "TopicConflict.h"

#include "ConflictInspector.h"
#include "ConflictsModel.h"
#include "Workspace.h"

#include "engine/ConflictResolver.h"
#include "store/Database.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Gui;
using namespace Tributary::Test;

namespace {

bool syncOk(SyncFixture &f, const RunRequest &options = RunRequest())
{
    return RunResult::statusName(f.sync(options).status) == QLatin1String("ok");
}

bool prepared(SyncFixture &f)
{
    return f.generateMain(forum(10, 3, 10, 10, 1)) && f.generateExternal(forum(20, 6, 20, 60, 2)) && f.startForum() && f.configure()
        && syncOk(f);
}

bool exec(SyncFixture &f, const QString &sql)
{
    QSqlQuery q(f.db().db());
    if (!q.exec(sql)) {
        qWarning("%s failed", qPrintable(sql));
        return false;
    }
    return true;
}

qint64 conflictIdFor(SyncFixture &f, const QString &entity, const QString &externalId)
{
    return f.scalar(QStringLiteral("SELECT id FROM tributary_conflicts WHERE entity = ? AND external_id = ? ORDER BY id DESC"),
                    {entity, externalId});
}

// A workspace on the fixture's configuration and an inspector on screen (offscreen).
struct Console
{
    Workspace workspace;
    std::unique_ptr<ConflictInspector> inspector;

    bool open(SyncFixture &f)
    {
        QStringList errors;
        if (!workspace.open(f.configPath(), &errors)) {
            qWarning("open: %s", qPrintable(errors.join(QLatin1Char('\n'))));
            return false;
        }
        inspector = std::make_unique<ConflictInspector>(&workspace);
        inspector->setActor(QStringLiteral("tester"));
        inspector->resize(1200, 800);
        inspector->show();
        return QTest::qWaitForWindowExposed(inspector.get());
    }
    template<typename T>
    T *child(const char *name) const
    {
        return inspector->findChild<T *>(QString::fromLatin1(name));
    }
};

} // namespace

class tst_ConflictInspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyStatesSayWhy();
    void detailShowsBaseLocalRemoteWithDifferences();
    void resolvingChangesTheRow_data();
    void resolvingChangesTheRow();
    void resolvedRowStaysListedWhenShowingResolved();
    void theDecisionAndMergedValueFitALaptopScreen();
    void localDeletedRestore();
    void remoteDeletedKeepRow();
    void refusalWhenTheRowChangedSinceShown();
    void badMergedValueIsExplainedAndNothingWritten();
    void bulkResolveSelection();
    void filtersSelectConflicts();
};

void tst_ConflictInspector::emptyStatesSayWhy()
{
    Workspace closed;
    ConflictInspector none(&closed);
    QVERIFY2(none.emptyStateText().contains(QStringLiteral("No configuration is open")), qPrintable(none.emptyStateText()));
    QVERIFY(!none.findChild<QPushButton *>(QStringLiteral("bulkKeepLocalButton"))->isEnabled());

    SyncFixture f;
    QVERIFY(prepared(f));
    Console c;
    QVERIFY(c.open(f));
    QVERIFY2(c.inspector->emptyStateText().contains(QStringLiteral("Nothing waits for a person")), qPrintable(c.inspector->emptyStateText()));
    QCOMPARE(c.inspector->model()->rowCount(), 0);

    makeTopicConflict(f, QStringLiteral("3"));
    QVERIFY(syncOk(f));
    c.workspace.notifyDataChanged();
    QCOMPARE(c.inspector->model()->rowCount(), 1);
    QVERIFY(c.inspector->emptyStateText().isEmpty());

    // Filters that select nothing say so, and how many are hidden.
    c.child<QLineEdit>("fieldFilter")->setText(QStringLiteral("no_such_field"));
    QTRY_COMPARE(c.inspector->model()->rowCount(), 0);
    QVERIFY2(c.inspector->emptyStateText().contains(QStringLiteral("No conflict matches these filters")), qPrintable(c.inspector->emptyStateText()));
    QVERIFY(c.inspector->emptyStateText().contains(QStringLiteral("1 open conflict")));
    auto *clear = c.child<QPushButton>("clearFilters");
    QVERIFY(clear->isVisible());
    clear->click();
    QCOMPARE(c.inspector->model()->rowCount(), 1);
    QVERIFY(c.child<QLineEdit>("fieldFilter")->text().isEmpty());
}

void tst_ConflictInspector::detailShowsBaseLocalRemoteWithDifferences()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    const TopicConflict t = makeTopicConflict(f, QStringLiteral("4"));
    QVERIFY(syncOk(f));
    Console c;
    QVERIFY(c.open(f));
    const qint64 id = conflictIdFor(f, QStringLiteral("topics"), QStringLiteral("4"));
    QVERIFY(c.inspector->selectConflict(id));
    QCOMPARE(c.inspector->shownConflict().id, id);
    QVERIFY(c.child<QLabel>("detailTitle")->text().contains(QStringLiteral("#%1").arg(id)));
    QVERIFY2(c.child<QLabel>("kindText")->text().contains(QStringLiteral("both changed the same fields")),
             qPrintable(c.child<QLabel>("kindText")->text()));

    auto *table = c.child<QTableWidget>("fieldsTable");
    QCOMPARE(table->rowCount(), 2);
    int titleRow = -1;
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, 0)->text() == QLatin1String("title"))
            titleRow = r;
    }
    QVERIFY(titleRow >= 0);
    QCOMPARE(table->item(titleRow, 1)->text(), t.baseTitle);
    QCOMPARE(table->item(titleRow, 2)->text(), QStringLiteral("Mine"));
    QCOMPARE(table->item(titleRow, 3)->text(), QStringLiteral("Theirs"));
    // Both sides changed it: both are marked, the base is not.
    QVERIFY(table->item(titleRow, 2)->font().bold());
    QVERIFY(table->item(titleRow, 3)->font().bold());
    QVERIFY(table->item(titleRow, 2)->background().style() != Qt::NoBrush);
    QVERIFY(!table->item(titleRow, 1)->font().bold());

    QVERIFY(c.child<QPushButton>("keepLocalButton")->isVisible());
    QVERIFY(c.child<QPushButton>("takeRemoteButton")->isVisible());
    QVERIFY(c.child<QPushButton>("applyChoicesButton")->isVisible());
    QVERIFY(!c.child<QPushButton>("restoreButton")->isVisible());
    QVERIFY(!c.child<QPushButton>("deleteRowButton")->isVisible());
    // The merged value editor opens only for a merged value.
    auto *merged = c.child<QLineEdit>("merged_title");
    QVERIFY(merged);
    QVERIFY(!merged->isEnabled());
    QVERIFY(c.inspector->setFieldChoice(QStringLiteral("title"), FieldChoice{FieldChoice::Kind::Value, QStringLiteral("x")}));
    QVERIFY(merged->isEnabled());
    QCOMPARE(c.inspector->fieldChoice(QStringLiteral("title")).value, QStringLiteral("x"));
}

void tst_ConflictInspector::resolvingChangesTheRow_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<QString>("titleChoice");   // for applyChoicesButton: local, remote, or the merged value
    QTest::addColumn<QString>("sectionChoice"); // local or remote
    QTest::addColumn<QString>("expectedTitle");
    QTest::addColumn<QString>("expectedSection");
    QTest::addColumn<QString>("resolution"); // as tributaryd would store it
    QTest::newRow("keep local") << "keepLocalButton" << "" << "" << "Mine" << "local" << "keep-local";
    QTest::newRow("take remote") << "takeRemoteButton" << "" << "" << "Theirs" << "remote" << "take-remote";
    QTest::newRow("per field") << "applyChoicesButton" << "remote" << "local" << "Theirs" << "local"
                               << "fields: section_id=local, title=remote";
    QTest::newRow("merged value") << "applyChoicesButton" << "Mine and theirs" << "remote" << "Mine and theirs" << "remote"
                                  << "fields: section_id=remote, title=value";
}

void tst_ConflictInspector::resolvingChangesTheRow()
{
    QFETCH(QString, button);
    QFETCH(QString, titleChoice);
    QFETCH(QString, sectionChoice);
    QFETCH(QString, expectedTitle);
    QFETCH(QString, expectedSection);
    QFETCH(QString, resolution);
    SyncFixture f;
    QVERIFY(prepared(f));
    const TopicConflict t = makeTopicConflict(f, QStringLiteral("4"));
    QVERIFY(syncOk(f));
    Console c;
    QVERIFY(c.open(f));
    const qint64 id = conflictIdFor(f, QStringLiteral("topics"), QStringLiteral("4"));
    QCOMPARE(c.inspector->model()->rowCount(), 1);
    QVERIFY(c.inspector->selectConflict(id));
    auto choice = [](const QString &text) {
        if (text == QLatin1String("local"))
            return FieldChoice{FieldChoice::Kind::Local, QString()};
        if (text == QLatin1String("remote"))
            return FieldChoice{FieldChoice::Kind::Remote, QString()};
        return FieldChoice{FieldChoice::Kind::Value, text};
    };
    if (!titleChoice.isEmpty()) {
        QVERIFY(c.inspector->setFieldChoice(QStringLiteral("title"), choice(titleChoice)));
        QVERIFY(c.inspector->setFieldChoice(QStringLiteral("section_id"), choice(sectionChoice)));
    }
    auto *b = c.child<QPushButton>(button.toLatin1().constData());
    QVERIFY(b && b->isVisible() && b->isEnabled());
    QTest::mouseClick(b, Qt::LeftButton);

    QVERIFY2(!c.inspector->isMessageError(), qPrintable(c.inspector->messageText()));
    QVERIFY2(c.inspector->messageText().contains(QStringLiteral("#%1").arg(id)), qPrintable(c.inspector->messageText()));
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {t.localId}).toString(), expectedTitle);
    QCOMPARE(f.scalar(QStringLiteral("SELECT section_id FROM topics WHERE id = ?"), {t.localId}),
             expectedSection == QLatin1String("local") ? t.localSection : t.remoteSection);
    QCOMPARE(f.value(QStringLiteral("SELECT status FROM tributary_conflicts WHERE id = ?"), {id}).toString(), QStringLiteral("resolved"));
    QCOMPARE(f.value(QStringLiteral("SELECT resolution FROM tributary_conflicts WHERE id = ?"), {id}).toString(), resolution);
    QCOMPARE(f.value(QStringLiteral("SELECT resolved_by FROM tributary_conflicts WHERE id = ?"), {id}).toString(), QStringLiteral("tester"));
    QCOMPARE(f.value(QStringLiteral("SELECT actor FROM tributary_changes WHERE op = 'resolve'")).toString(), QStringLiteral("person:tester"));
    // The list shows open conflicts: the decided one left it, and the detail with it.
    QCOMPARE(c.inspector->model()->rowCount(), 0);
    QCOMPARE(c.inspector->shownConflict().id, 0);
    QVERIFY(c.inspector->emptyStateText().contains(QStringLiteral("Nothing waits for a person")));
    // Decided for good: syncing again raises nothing.
    QCOMPARE(f.sync().counts.value(QStringLiteral("topics")).conflicts, 0);
}

void tst_ConflictInspector::resolvedRowStaysListedWhenShowingResolved()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    makeTopicConflict(f, QStringLiteral("5"));
    makeTopicConflict(f, QStringLiteral("6"), QStringLiteral("Mine 6"), QStringLiteral("Theirs 6"));
    QVERIFY(syncOk(f));
    Console c;
    QVERIFY(c.open(f));
    c.child<QCheckBox>("showResolved")->setChecked(true);
    QCOMPARE(c.inspector->model()->rowCount(), 2);
    const qint64 id = conflictIdFor(f, QStringLiteral("topics"), QStringLiteral("5"));
    QVERIFY(c.inspector->selectConflict(id));
    QVERIFY(c.inspector->resolveShown(Resolution::Action::TakeRemote));
    // Still listed, now resolved, still selected and shown, without decision buttons.
    QCOMPARE(c.inspector->model()->rowCount(), 2);
    const int row = c.inspector->model()->rowOf(id);
    QVERIFY(row >= 0);
    QVERIFY(!c.inspector->model()->conflict(row).isOpen());
    QVERIFY2(c.inspector->model()->index(row, ConflictsModel::StatusColumn).data().toString().contains(QStringLiteral("Resolved: took the source's values, by tester")),
             qPrintable(c.inspector->model()->index(row, ConflictsModel::StatusColumn).data().toString()));
    QCOMPARE(c.inspector->selectedConflictIds(), QList<qint64>{id});
    QCOMPARE(c.inspector->shownConflict().id, id);
    QVERIFY(!c.inspector->shownConflict().isOpen());
    QVERIFY(c.child<QLabel>("statusText")->text().contains(QStringLiteral("tester")));
    QVERIFY(!c.child<QPushButton>("keepLocalButton")->isVisible());
    // What the decision wrote, beside the three sides: the source's title.
    auto *table = c.child<QTableWidget>("fieldsTable");
    QVERIFY(!table->isColumnHidden(5));
    QCOMPARE(table->horizontalHeaderItem(5)->text(), QStringLiteral("Written"));
    int titleRow = -1;
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, 0)->text() == QLatin1String("title"))
            titleRow = r;
    }
    QVERIFY(titleRow >= 0);
    QCOMPARE(table->item(titleRow, 5)->text(), QStringLiteral("Theirs"));
    QCOMPARE(table->item(titleRow, 5)->text(), f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"),
                                                         {f.localId(QStringLiteral("topics"), QStringLiteral("5")).toLongLong()}).toString());
}

void tst_ConflictInspector::theDecisionAndMergedValueFitALaptopScreen()
{
    // In a 1024 px window the inspector gets about 800 px beside the sources list: the decision
    // and the merged value stay on screen, the long values elide.
    SyncFixture f;
    QVERIFY(prepared(f));
    const QString longTitle = QStringLiteral("A very long local title that a moderator wrote to explain the thread, %1").arg(QString(80, QLatin1Char('x')));
    makeTopicConflict(f, QStringLiteral("4"), longTitle, QStringLiteral("An equally long title from the forum %1").arg(QString(80, QLatin1Char('y'))));
    QVERIFY(syncOk(f));
    Console c;
    QVERIFY(c.open(f));
    c.inspector->resize(800, 700);
    QVERIFY(c.inspector->selectConflict(conflictIdFor(f, QStringLiteral("topics"), QStringLiteral("4"))));
    auto *table = c.child<QTableWidget>("fieldsTable");
    QTRY_VERIFY(table->viewport()->width() < 800);
    for (int col : {4, 5}) {
        QVERIFY(!table->isColumnHidden(col));
        const int right = table->columnViewportPosition(col) + table->columnWidth(col);
        QVERIFY2(right <= table->viewport()->width() + 1 && table->columnWidth(col) >= 100,
                 qPrintable(QStringLiteral("column %1 ends at %2 of %3, %4 wide").arg(col).arg(right).arg(table->viewport()->width()).arg(table->columnWidth(col))));
    }
    // The list says what the record is, not only its ids.
    const int row = c.inspector->model()->rowOf(conflictIdFor(f, QStringLiteral("topics"), QStringLiteral("4")));
    QVERIFY(c.inspector->model()->index(row, ConflictsModel::RecordColumn).data().toString().startsWith(QStringLiteral("A very long local title")));
}

void tst_ConflictInspector::localDeletedRestore()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    const qint64 local = f.localId(QStringLiteral("topics"), QStringLiteral("9")).toLongLong();
    QVERIFY(exec(f, QStringLiteral("DELETE FROM topics WHERE id = %1").arg(local)));
    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/topics/9"), {{QStringLiteral("title"), QStringLiteral("Changed at the source")}}, &status);
    QCOMPARE(status, 200);
    QCOMPARE(f.sync().counts.value(QStringLiteral("topics")).conflicts, 1);
    Console c;
    QVERIFY(c.open(f));
    const qint64 id = conflictIdFor(f, QStringLiteral("topics"), QStringLiteral("9"));
    QVERIFY(c.inspector->selectConflict(id));
    QCOMPARE(c.inspector->shownConflict().kind, QStringLiteral("local-deleted"));
    QVERIFY(!c.child<QPushButton>("keepLocalButton")->isVisible());
    QVERIFY(c.child<QPushButton>("leaveDeletedButton")->isVisible());
    auto *restore = c.child<QPushButton>("restoreButton");
    QVERIFY(restore->isVisible());
    // Only what the source changed is shown (the title and its time); the local side says the
    // row is gone.
    auto *table = c.child<QTableWidget>("fieldsTable");
    QStringList shown;
    for (int r = 0; r < table->rowCount(); ++r)
        shown.append(table->item(r, 0)->text());
    QVERIFY2(shown.contains(QStringLiteral("title")) && !shown.contains(QStringLiteral("user_id")), qPrintable(shown.join(QLatin1Char(','))));
    const int titleRow = int(shown.indexOf(QStringLiteral("title")));
    QCOMPARE(table->item(titleRow, 3)->text(), QStringLiteral("Changed at the source"));
    QVERIFY(table->item(titleRow, 2)->text().contains(QStringLiteral("deleted")));
    QVERIFY(table->isColumnHidden(4));

    QTest::mouseClick(restore, Qt::LeftButton);
    QVERIFY2(!c.inspector->isMessageError(), qPrintable(c.inspector->messageText()));
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {local}).toString(), QStringLiteral("Changed at the source"));
    QCOMPARE(f.value(QStringLiteral("SELECT resolution FROM tributary_conflicts WHERE id = ?"), {id}).toString(), QStringLiteral("restore"));
    QCOMPARE(f.value(QStringLiteral("SELECT op FROM tributary_changes WHERE actor = 'person:tester'")).toString(), QStringLiteral("restore"));
    QCOMPARE(c.inspector->model()->rowCount(), 0);
}

void tst_ConflictInspector::remoteDeletedKeepRow()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    const qint64 local = f.localId(QStringLiteral("messages"), QStringLiteral("11")).toLongLong();
    QVERIFY(exec(f, QStringLiteral("UPDATE messages SET content = 'Edited by a moderator' WHERE id = %1").arg(local)));
    int status = 0;
    f.forumCall("DELETE", QStringLiteral("/messages/11"), {}, &status);
    QVERIFY(status == 200 || status == 204);
    const RunRequest reconcile = RunRequest::reconcile();
    QCOMPARE(f.sync(reconcile).counts.value(QStringLiteral("messages")).conflicts, 1);
    Console c;
    QVERIFY(c.open(f));
    const qint64 id = conflictIdFor(f, QStringLiteral("messages"), QStringLiteral("11"));
    QVERIFY(c.inspector->selectConflict(id));
    QVERIFY(c.child<QPushButton>("deleteRowButton")->isVisible());
    auto *keep = c.child<QPushButton>("keepRowButton");
    QVERIFY(keep->isVisible());
    QTest::mouseClick(keep, Qt::LeftButton);
    QVERIFY2(!c.inspector->isMessageError(), qPrintable(c.inspector->messageText()));
    QCOMPARE(f.value(QStringLiteral("SELECT content FROM messages WHERE id = ?"), {local}).toString(), QStringLiteral("Edited by a moderator"));
    QVERIFY(f.value(QStringLiteral("SELECT deleted_at FROM messages WHERE id = ?"), {local}).isNull());
    QCOMPARE(f.value(QStringLiteral("SELECT resolution FROM tributary_conflicts WHERE id = ?"), {id}).toString(), QStringLiteral("keep"));
}

void tst_ConflictInspector::refusalWhenTheRowChangedSinceShown()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    const TopicConflict t = makeTopicConflict(f, QStringLiteral("6"));
    QVERIFY(syncOk(f));
    Console c;
    QVERIFY(c.open(f));
    const qint64 id = conflictIdFor(f, QStringLiteral("topics"), QStringLiteral("6"));
    QVERIFY(c.inspector->selectConflict(id));
    // The main application edits the row again while the person looks at the conflict.
    QVERIFY(exec(f, QStringLiteral("UPDATE topics SET title = 'Mine, edited again' WHERE id = %1").arg(t.localId)));
    QTest::mouseClick(c.child<QPushButton>("takeRemoteButton"), Qt::LeftButton);

    QVERIFY(c.inspector->isMessageError());
    const QString message = c.inspector->messageText();
    QVERIFY2(message.contains(QStringLiteral("nothing was written")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("changed since the conflict was shown: title is now \"Mine, edited again\"")), qPrintable(message));
    QVERIFY(c.child<QFrame>("conflictMessage")->isVisible());
    QCOMPARE(c.child<QLabel>("conflictMessageText")->text(), message);
    // Nothing written: the row, the conflict, the change log.
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {t.localId}).toString(), QStringLiteral("Mine, edited again"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT section_id FROM topics WHERE id = ?"), {t.localId}), t.localSection);
    QCOMPARE(f.value(QStringLiteral("SELECT status FROM tributary_conflicts WHERE id = ?"), {id}).toString(), QStringLiteral("open"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_changes WHERE actor LIKE 'person:%'")), 0);
    // The conflict is still listed and shown, open, with the local side as it is now; the note
    // says the main application moved, not the source.
    QCOMPARE(c.inspector->model()->rowCount(), 1);
    QCOMPARE(c.inspector->shownConflict().id, id);
    QVERIFY(c.inspector->shownConflict().isOpen());
    QCOMPARE(c.inspector->shownConflict().local.value(QStringLiteral("title")).toString(), QStringLiteral("Mine, edited again"));
    QVERIFY2(c.child<QLabel>("changedNote")->isVisibleTo(c.inspector.get())
                 && c.child<QLabel>("changedNote")->text().contains(QStringLiteral("The main application changed this row")),
             qPrintable(c.child<QLabel>("changedNote")->text()));

    // The source sends a newer version: the detail shows it, and says so.
    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/topics/6"), {{QStringLiteral("title"), QStringLiteral("Theirs, newer")}}, &status);
    QCOMPARE(status, 200);
    QVERIFY(syncOk(f));
    c.workspace.notifyDataChanged();
    QCOMPARE(c.inspector->shownConflict().id, id);
    QCOMPARE(c.inspector->shownConflict().remote.value(QStringLiteral("title")).toString(), QStringLiteral("Theirs, newer"));
    QVERIFY(c.child<QLabel>("changedNote")->isVisible());
    QVERIFY2(c.child<QLabel>("changedNote")->text().contains(QStringLiteral("The source sent a newer version")),
             qPrintable(c.child<QLabel>("changedNote")->text()));
}

void tst_ConflictInspector::badMergedValueIsExplainedAndNothingWritten()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    const TopicConflict t = makeTopicConflict(f, QStringLiteral("7"));
    QVERIFY(syncOk(f));
    Console c;
    QVERIFY(c.open(f));
    QVERIFY(c.inspector->selectConflict(conflictIdFor(f, QStringLiteral("topics"), QStringLiteral("7"))));
    QVERIFY(c.inspector->setFieldChoice(QStringLiteral("title"), FieldChoice{FieldChoice::Kind::Remote, QString()}));
    QVERIFY(c.inspector->setFieldChoice(QStringLiteral("section_id"), FieldChoice{FieldChoice::Kind::Value, QStringLiteral("north")}));
    QString message;
    QVERIFY(!c.inspector->resolveShown(Resolution::Action::PerField, &message));
    QVERIFY2(message.contains(QStringLiteral("section_id: \"north\" is not a local id")), qPrintable(message));
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {t.localId}).toString(), QStringLiteral("Mine"));
    // The person's choices stay for a second try.
    QCOMPARE(c.inspector->fieldChoice(QStringLiteral("section_id")).value, QStringLiteral("north"));
    QVERIFY(c.inspector->setFieldChoice(QStringLiteral("section_id"), FieldChoice{FieldChoice::Kind::Value, QString::number(t.remoteSection)}));
    QVERIFY2(c.inspector->resolveShown(Resolution::Action::PerField, &message), qPrintable(message));
    QCOMPARE(f.scalar(QStringLiteral("SELECT section_id FROM topics WHERE id = ?"), {t.localId}), t.remoteSection);
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {t.localId}).toString(), QStringLiteral("Theirs"));
}

void tst_ConflictInspector::bulkResolveSelection()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    QList<qint64> topics;
    for (const QString &id : {QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4")}) {
        topics.append(f.localId(QStringLiteral("topics"), id).toLongLong());
        QVERIFY(exec(f, QStringLiteral("UPDATE topics SET title = 'Mine %1' WHERE id = %2").arg(id).arg(topics.last())));
        int status = 0;
        f.forumCall("PATCH", QStringLiteral("/topics/") + id, {{QStringLiteral("title"), QStringLiteral("Theirs ") + id}}, &status);
        QCOMPARE(status, 200);
    }
    for (const QString &id : {QStringLiteral("5"), QStringLiteral("6")}) {
        const qint64 local = f.localId(QStringLiteral("users"), id).toLongLong();
        QVERIFY(exec(f, QStringLiteral("UPDATE users SET name = 'Local name' WHERE id = %1").arg(local)));
        int status = 0;
        f.forumCall("PATCH", QStringLiteral("/users/") + id, {{QStringLiteral("name"), QStringLiteral("Forum name")}}, &status);
        QCOMPARE(status, 200);
    }
    QVERIFY(syncOk(f));
    Console c;
    QVERIFY(c.open(f));
    QCOMPARE(c.inspector->model()->rowCount(), 5);

    // Only the topics, all selected; one of them changes again locally after it was shown.
    auto *entity = c.child<QComboBox>("entityFilter");
    entity->setCurrentIndex(entity->findData(QStringLiteral("topics")));
    QCOMPARE(c.inspector->model()->rowCount(), 3);
    c.inspector->view()->selectAll();
    QCOMPARE(c.inspector->selectedConflictIds().size(), 3);
    QVERIFY(c.child<QPushButton>("bulkTakeRemoteButton")->isEnabled());
    QVERIFY(exec(f, QStringLiteral("UPDATE topics SET title = 'Mine again' WHERE id = %1").arg(topics.at(2))));
    const qint64 refusedId = conflictIdFor(f, QStringLiteral("topics"), QStringLiteral("4"));
    QTest::mouseClick(c.child<QPushButton>("bulkTakeRemoteButton"), Qt::LeftButton);

    QVERIFY(c.inspector->isMessageError());
    const QString message = c.inspector->messageText();
    QVERIFY2(message.contains(QStringLiteral("conflict #%1: the row topics %2 changed since the conflict was shown").arg(refusedId).arg(topics.at(2))),
             qPrintable(message));
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {topics.at(0)}).toString(), QStringLiteral("Theirs 2"));
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {topics.at(1)}).toString(), QStringLiteral("Theirs 3"));
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {topics.at(2)}).toString(), QStringLiteral("Mine again"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts WHERE status = 'resolved' AND resolution = 'take-remote' "
                                     "AND resolved_by = 'tester'")),
             2);
    // The refused one stays listed (and selected); the users were not touched.
    QCOMPARE(c.inspector->model()->rowCount(), 1);
    QCOMPARE(c.inspector->selectedConflictIds(), QList<qint64>{refusedId});
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE name = 'Local name'")), 2);

    // The users, all at once, keeping the local names.
    entity->setCurrentIndex(entity->findData(QStringLiteral("users")));
    QCOMPARE(c.inspector->model()->rowCount(), 2);
    QVERIFY(c.inspector->selectConflicts({conflictIdFor(f, QStringLiteral("users"), QStringLiteral("5")),
                                          conflictIdFor(f, QStringLiteral("users"), QStringLiteral("6"))}));
    QString outcome;
    QVERIFY2(c.inspector->resolveSelected(Resolution::Action::KeepLocal, &outcome), qPrintable(outcome));
    QVERIFY(!c.inspector->isMessageError());
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE name = 'Local name'")), 2);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_conflicts WHERE status = 'open'")), 1);
    QCOMPARE(c.inspector->model()->rowCount(), 0);
}

void tst_ConflictInspector::filtersSelectConflicts()
{
    SyncFixture f;
    QVERIFY(prepared(f));
    makeTopicConflict(f, QStringLiteral("2"));
    const qint64 local = f.localId(QStringLiteral("users"), QStringLiteral("5")).toLongLong();
    QVERIFY(exec(f, QStringLiteral("UPDATE users SET name = 'Local name' WHERE id = %1").arg(local)));
    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/users/5"), {{QStringLiteral("name"), QStringLiteral("Forum name")}}, &status);
    QCOMPARE(status, 200);
    QVERIFY(syncOk(f));
    Console c;
    QVERIFY(c.open(f));
    QCOMPARE(c.inspector->model()->rowCount(), 2);
    auto *source = c.child<QComboBox>("sourceFilter");
    QVERIFY(source->findData(QStringLiteral("forum")) > 0);
    source->setCurrentIndex(source->findData(QStringLiteral("forum")));
    QCOMPARE(c.inspector->filter().sources, QStringList{QStringLiteral("forum")});
    QCOMPARE(c.inspector->model()->rowCount(), 2);
    c.child<QLineEdit>("fieldFilter")->setText(QStringLiteral("name"));
    QTRY_COMPARE(c.inspector->model()->rowCount(), 1);
    QCOMPARE(c.inspector->model()->conflict(0).entity, QStringLiteral("users"));
    c.child<QLineEdit>("fieldFilter")->clear();
    QTRY_COMPARE(c.inspector->model()->rowCount(), 2);
    // Raised just now: nothing is older than an hour.
    auto *age = c.child<QComboBox>("ageFilter");
    age->setCurrentIndex(age->findData(1));
    QCOMPARE(c.inspector->model()->rowCount(), 0);
    QVERIFY(c.inspector->emptyStateText().contains(QStringLiteral("No conflict matches these filters")));
    age->setCurrentIndex(0);
    QCOMPARE(c.inspector->model()->rowCount(), 2);
}

QTEST_MAIN(tst_ConflictInspector)
#include "tst_conflictinspector.moc"

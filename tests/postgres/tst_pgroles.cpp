// Tributary under a PostgreSQL role of its own that does not own the application's tables, as a
// DBA sets it up (docs/operations.md, "PostgreSQL privileges"). The edit-capture triggers
// (decision 0024) need the TRIGGER privilege or ownership: with it the application's edits are
// captured whatever role makes them; without it the links keep their bases and nothing is lost;
// and when triggers that bare links rely on cannot be put back, the run refuses, naming the fix.
// PostgreSQL only: SQLite has no roles (ctest runs this suite as tst_pgroles_pg alone).

#include "SyncFixture.h"

#include "store/Database.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

const char *const kPasswordVariable = "TRIBUTARY_TEST_ROLE_PASSWORD";

// A login role with the rights an application's DBA would give a sync tool: read and write the
// application's tables, create its own tables in the schema; TRIGGER on them when asked.
class Role
{
public:
    explicit Role(const MainDatabase &main)
        : m_main(main), m_name(QStringLiteral("tributary_role_%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'))),
          m_password(QStringLiteral("pw-%1").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0')))
    {
    }
    ~Role()
    {
        // Roles belong to the cluster, which the other suites share: leave nothing behind.
        QString why;
        if (m_created && !m_main.admin({QStringLiteral("DROP OWNED BY %1 CASCADE").arg(m_name), QStringLiteral("DROP ROLE %1").arg(m_name)}, &why))
            qWarning("cannot drop the role %s: %s", qPrintable(m_name), qPrintable(why));
    }
    const QString &name() const { return m_name; }
    const QString &password() const { return m_password; }

    bool create(bool trigger, QString *why)
    {
        m_created = true;
        QStringList sql{QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(m_name, m_password),
                        QStringLiteral("GRANT USAGE, CREATE ON SCHEMA public TO %1").arg(m_name),
                        QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON users, sections, topics, messages TO %1").arg(m_name),
                        QStringLiteral("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %1").arg(m_name),
                        // The match indexes need the tables' owner: the DBA makes them beforehand
                        // (docs/operations.md), and Tributary finds them there.
                        QStringLiteral("CREATE INDEX \"tributary_match_users_email\" ON \"users\" (lower(trim(\"email\")))"),
                        QStringLiteral("CREATE INDEX \"tributary_match_sections_title\" ON \"sections\" (lower(trim(\"title\")))")};
        if (trigger)
            sql.append(QStringLiteral("GRANT TRIGGER ON users, sections, topics, messages TO %1").arg(m_name));
        return m_main.admin(sql, why);
    }

private:
    const MainDatabase &m_main;
    QString m_name;
    QString m_password;
    bool m_created = false;
};

// The configuration's database object, connecting as `role` (its password by reference).
void connectAs(QJsonObject &root, const Role &role)
{
    QJsonObject db = root.value(QStringLiteral("database")).toObject();
    db.insert(QStringLiteral("user"), role.name());
    db.insert(QStringLiteral("password"), QJsonObject{{QStringLiteral("env"), QString::fromLatin1(kPasswordVariable)}});
    root.insert(QStringLiteral("database"), db);
}

// The main database and forum of the scenario, with Tributary connecting as `role`.
bool setUp(SyncFixture &f, Role &role, bool trigger)
{
    QString why;
    if (!MainDatabase::onPostgres()) {
        qWarning("tst_pgroles runs on PostgreSQL only: TRIBUTARY_TEST_DATABASE=postgres (ctest's tst_pgroles_pg sets it)");
        return false;
    }
    if (!f.generateMain(forum(10, 3, 10, 10, 1)) || !f.generateExternal(forum(20, 5, 20, 50, 2)) || !f.startForum())
        return false;
    if (!role.create(trigger, &why)) {
        qWarning("cannot make the role: %s", qPrintable(why));
        return false;
    }
    qputenv(kPasswordVariable, role.password().toUtf8());
    return f.configure([&](QJsonObject &root) { connectAs(root, role); });
}

qint64 triggersOn(SyncFixture &f, const QString &table)
{
    return f.scalar(QStringLiteral("SELECT COUNT(*) FROM pg_trigger WHERE tgrelid = to_regclass(?) AND tgname LIKE 'tributary_edit_%'"), {table});
}

// The application, as the superuser the test cluster gives (not Tributary's role).
bool applicationRuns(SyncFixture &f, const QString &sql)
{
    QSqlDatabase app = f.mainDatabase().connect(QStringLiteral("application"));
    bool ok = false;
    {
        QSqlQuery q(app);
        ok = q.exec(sql);
        if (!ok)
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    }
    app.close();
    app = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("application"));
    return ok;
}

} // namespace

class tst_PgRoles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withTheTriggerRightEditsOfAnyRoleAreCaptured();
    void withoutItLinksKeepTheirBasesAndConflictsAreStillSeen();
};

void tst_PgRoles::withTheTriggerRightEditsOfAnyRoleAreCaptured()
{
    SyncFixture f;
    Role role(f.mainDatabase());
    QVERIFY(setUp(f, role, true));
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));
    for (const char *table : {"users", "sections", "topics", "messages"})
        QCOMPARE(triggersOn(f, QString::fromLatin1(table)), 1);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE origin = 'inserted' AND base <> ''")), 0);
    QVERIFY(f.value(QStringLiteral("SELECT tableowner FROM pg_tables WHERE tablename = 'topics'")).toString() != role.name());

    // The application edits a title under its own role: the trigger function (SECURITY DEFINER,
    // Tributary's) writes the row as it was.
    const QString six = f.localId(QStringLiteral("topics"), QStringLiteral("6"));
    const QString title = f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {six.toLongLong()}).toString();
    QVERIFY(applicationRuns(f, QStringLiteral("UPDATE topics SET title = 'Mine' WHERE id = %1").arg(six)));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_edits WHERE table_name = 'topics' AND local_id = ?"), {six}), 1);
    QVERIFY(f.value(QStringLiteral("SELECT base FROM tributary_edits WHERE local_id = ?"), {six}).toString().contains(title));
    // The forum changes the same title: a conflict, the local value kept.
    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/topics/6"), {{QStringLiteral("title"), QStringLiteral("Theirs")}}, &status);
    QCOMPARE(status, 200);
    QCOMPARE(f.sync().counts.value(QStringLiteral("topics")).conflicts, 1);
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {six.toLongLong()}).toString(), QStringLiteral("Mine"));

    // The mapping changes, so the triggers must be replaced, and the role may create triggers but
    // not drop them (only the owner may): the rows imported without bases rely on them, so the
    // run refuses before it reads anything, and says what to grant.
    QVERIFY(f.configure([&](QJsonObject &root) {
        connectAs(root, role);
        editSource(root, [](QJsonObject &source) {
            QJsonArray entities = source.value(QStringLiteral("entities")).toArray();
            for (qsizetype i = 0; i < entities.size(); ++i) {
                QJsonObject e = entities.at(i).toObject();
                if (e.value(QStringLiteral("name")).toString() != QLatin1String("topics"))
                    continue;
                QJsonObject columns = e.value(QStringLiteral("columns")).toObject();
                columns.remove(QStringLiteral("created_at"));
                e.insert(QStringLiteral("columns"), columns);
                entities.replace(i, e);
            }
            source.insert(QStringLiteral("entities"), entities);
        });
    }));
    const qint64 runs = f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_runs"));
    QString out;
    QCOMPARE(f.tributaryd({QStringLiteral("sync")}, &out, {{QString::fromLatin1(kPasswordVariable), role.password()}}), 2);
    QVERIFY2(out.contains(QStringLiteral("the triggers that capture the main application's edits of table topics are missing and cannot be installed"))
                 && out.contains(QStringLiteral("TRIGGER privilege")) && out.contains(QStringLiteral("must be owner")),
             qPrintable(out));
    QVERIFY2(!out.contains(role.password()), qPrintable(out));
    QCOMPARE(triggersOn(f, QStringLiteral("topics")), 1); // the old ones stay, still capturing
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {six.toLongLong()}).toString(), QStringLiteral("Mine"));
    QVERIFY(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_runs")) <= runs + 1);
}

void tst_PgRoles::withoutItLinksKeepTheirBasesAndConflictsAreStillSeen()
{
    SyncFixture f;
    Role role(f.mainDatabase());
    QVERIFY(setUp(f, role, false));
    QCOMPARE(RunResult::statusName(f.sync().status), QStringLiteral("ok"));
    for (const char *table : {"users", "sections", "topics", "messages"})
        QCOMPARE(triggersOn(f, QString::fromLatin1(table)), 0);
    // Every link keeps the record as it applied it: the three-way base the triggers would give.
    QVERIFY(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE origin = 'inserted'")) >= 70);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE base = ''")), 0);

    const QString six = f.localId(QStringLiteral("topics"), QStringLiteral("6"));
    QVERIFY(applicationRuns(f, QStringLiteral("UPDATE topics SET title = 'Mine' WHERE id = %1").arg(six)));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_edits")), 0); // nothing captures
    int status = 0;
    f.forumCall("PATCH", QStringLiteral("/topics/6"), {{QStringLiteral("title"), QStringLiteral("Theirs")}}, &status);
    QCOMPARE(status, 200);
    const RunResult r = f.sync();
    QCOMPARE(RunResult::statusName(r.status), QStringLiteral("ok"));
    QCOMPARE(r.counts.value(QStringLiteral("topics")).conflicts, 1);
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {six.toLongLong()}).toString(), QStringLiteral("Mine"));
    // And a change of another topic that nobody edited here is taken.
    f.forumCall("PATCH", QStringLiteral("/topics/7"), {{QStringLiteral("title"), QStringLiteral("Renamed at the forum")}}, &status);
    QCOMPARE(f.sync().counts.value(QStringLiteral("topics")).updated, 1);
    QCOMPARE(f.value(QStringLiteral("SELECT title FROM topics WHERE id = ?"), {f.localId(QStringLiteral("topics"), QStringLiteral("7")).toLongLong()})
                 .toString(),
             QStringLiteral("Renamed at the forum"));
}

QTEST_GUILESS_MAIN(tst_PgRoles)
#include "tst_pgroles.moc"

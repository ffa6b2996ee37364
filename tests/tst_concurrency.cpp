// Several runs writing the main database at the same time, as `serve` and several workers do:
// consolidation must give one row per match key however the runs interleave, and processes
// starting together must not trip over each other's schema work. Runs on SQLite and (as
// tst_concurrency_pg) on PostgreSQL, where nothing but Tributary's own locks keeps two
// transactions from inserting the same key.

#include "MainDatabase.h"
#include "SyncFixture.h"
#include "TestSupport.h"

#include "store/Database.h"

#include <QJsonArray>
#include <QTest>
#include <memory>

using namespace Tributary;
using namespace Tributary::Test;

namespace {

constexpr int kSections = 3000;
constexpr int kUsers = 1000;

// Two forums sharing every section title and every user e-mail (the second writes them in
// another case, with spaces around), each served by its own forum-sim, configured as two
// sources feeding one main database.
// Each source's pages as `size` records.
void setEverySourcePageSize(QJsonObject &root, int size)
{
    QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
    for (int i = 0; i < sources.size(); ++i) {
        QJsonObject s = sources.at(i).toObject();
        setPageSize(s, size);
        sources.replace(i, s);
    }
    root.insert(QStringLiteral("sources"), sources);
}

bool twoForumsSharingEverything(SyncFixture &f)
{
    const ForumGeneratorOptions o = forum(kUsers, kSections, 20, 40, 11);
    if (!f.generateMain(forum(0, 0, 0, 0, 1)) || !f.generateExternal(o) || !f.generateSecondExternal(o))
        return false;
    // Unique within each forum, equal (as match keys compare) across the two.
    if (!f.writeForum(QStringLiteral("UPDATE sections SET title = 'Section ' || id"))
        || !f.writeForum(QStringLiteral("UPDATE users SET email = 'user' || id || '@example.org'"))
        || !f.writeSecondForum(QStringLiteral("UPDATE sections SET title = ' SECTION ' || (%1 + 1 - id) || ' '").arg(kSections))
        || !f.writeSecondForum(QStringLiteral("UPDATE users SET email = 'User' || (%1 + 1 - id) || '@Example.org'").arg(kUsers)))
        return false;
    if (!f.startForum() || !f.startSecondForum())
        return false;
    return f.configure([&](QJsonObject &root) {
        addSourceCopy(root, QStringLiteral("forum2"), f.secondForumUrl());
        // Small pages: many transactions, so the two runs interleave many times.
        setEverySourcePageSize(root, 50);
    });
}

} // namespace

class tst_Concurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoSourcesSyncedAtOnceConsolidateToOneRowPerKey();
    void pagesTakingSharedKeysInOtherOrdersDoNotDeadlock();
    void processesStartingTogetherMigrateOnce();
};

// The scenario: two sources sharing 3,000 section titles and 1,000 e-mails, synced in
// parallel by two tributaryd processes. On PostgreSQL this once gave between 3,124 and 5,854
// sections, every run exiting 0. TRIBUTARY_CONCURRENCY_ROUNDS repeats it (CI: 2).
void tst_Concurrency::twoSourcesSyncedAtOnceConsolidateToOneRowPerKey()
{
    const int rounds = envInt("TRIBUTARY_CONCURRENCY_ROUNDS", 2);
    for (int round = 1; round <= rounds; ++round) {
        SyncFixture f;
        QVERIFY(twoForumsSharingEverything(f));
        const Environment env{{QStringLiteral("TRIBUTARY_TEST_TOKEN"), f.token()}};
        const QStringList config{QStringLiteral("--config"), f.configPath()};
        TributarydProcess first(env), second(env);
        QVERIFY(first.start(QStringList{QStringLiteral("sync"), QStringLiteral("--quiet"), QStringLiteral("--source"), QStringLiteral("forum")} + config));
        QVERIFY(second.start(QStringList{QStringLiteral("sync"), QStringLiteral("--quiet"), QStringLiteral("--source"), QStringLiteral("forum2")} + config));
        QCOMPARE(first.wait(300000), 0);
        QCOMPARE(second.wait(300000), 0);

        const qint64 sections = f.scalar(QStringLiteral("SELECT COUNT(*) FROM sections"));
        const qint64 users = f.scalar(QStringLiteral("SELECT COUNT(*) FROM users"));
        qInfo("round %d of %d (%s): %lld sections, %lld users", round, rounds, qPrintable(MainDatabase::backendName()), sections, users);
        QCOMPARE(sections, qint64(kSections));
        QCOMPARE(users, qint64(kUsers));
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(DISTINCT lower(trim(title))) FROM sections")), qint64(kSections));
        // Each row is linked once from each source.
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_links WHERE entity = 'sections'")), qint64(2 * kSections));
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(DISTINCT local_id) FROM tributary_links WHERE entity = 'users'")), qint64(kUsers));
        for (const QString &source : {QStringLiteral("forum"), QStringLiteral("forum2")}) {
            QString out;
            const int status = f.tributaryd({QStringLiteral("verify"), QStringLiteral("--source"), source}, &out);
            QVERIFY2(status == 0, qPrintable(out));
        }
    }
}

// Two sources whose one page of users holds the same 1,000 e-mails in another order. Each page
// takes its match keys' locks up front, sorted (Applier::lockMatchKeys), so the two runs wait for
// each other at most once and never in a cycle. Taken record by record, in each page's order, they
// deadlocked: PostgreSQL broke it and the page was applied again; with eight sources sharing keys
// (tributaryd bench --workers) the retries ran out and runs failed.
void tst_Concurrency::pagesTakingSharedKeysInOtherOrdersDoNotDeadlock()
{
    SyncFixture f;
    const ForumGeneratorOptions o = forum(kUsers, 5, 20, 40, 12);
    QVERIFY(f.generateMain(forum(0, 0, 0, 0, 1)) && f.generateExternal(o) && f.generateSecondExternal(o));
    // 7919 is prime to 1,000: the second forum has the first one's e-mails, shuffled.
    QVERIFY(f.writeForum(QStringLiteral("UPDATE users SET email = 'user' || id || '@example.org'")));
    QVERIFY(f.writeSecondForum(QStringLiteral("UPDATE users SET email = 'User' || ((id * 7919) % %1 + 1) || '@Example.org'").arg(kUsers)));
    QVERIFY(f.startForum() && f.startSecondForum());
    QVERIFY(f.configure([&](QJsonObject &root) {
        addSourceCopy(root, QStringLiteral("forum2"), f.secondForumUrl());
        setEverySourcePageSize(root, kUsers);
    }));
    const auto deadlocks = [&] {
        return MainDatabase::onPostgres() ? f.scalar(QStringLiteral("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"))
                                          : qint64(0);
    };
    const qint64 before = deadlocks();
    const Environment env{{QStringLiteral("TRIBUTARY_TEST_TOKEN"), f.token()}};
    const QStringList config{QStringLiteral("--config"), f.configPath()};
    TributarydProcess first(env), second(env);
    QVERIFY(first.start(QStringList{QStringLiteral("sync"), QStringLiteral("--source"), QStringLiteral("forum")} + config));
    QVERIFY(second.start(QStringList{QStringLiteral("sync"), QStringLiteral("--source"), QStringLiteral("forum2")} + config));
    QCOMPARE(first.wait(300000), 0);
    QCOMPARE(second.wait(300000), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM users")), qint64(kUsers));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(DISTINCT local_id) FROM tributary_links WHERE entity = 'users'")), qint64(kUsers));
    // The server counts a deadlock when it breaks one (its statistics are written when the
    // sessions end, which they have).
    QCOMPARE(deadlocks() - before, qint64(0));
}

// Five processes against a main database Tributary never touched: each must find the state
// tables made (by whichever came first) and run; none may fail on the others' CREATE TABLE.
void tst_Concurrency::processesStartingTogetherMigrateOnce()
{
    SyncFixture f;
    QVERIFY(f.generateMain(forum(5, 2, 5, 10, 1)));
    QVERIFY(f.generateExternal(forum(5, 2, 5, 10, 1)));
    QVERIFY(f.startForum());
    QVERIFY(f.configure());
    Error error;
    for (const QString &table : f.db().tables()) {
        if (table.startsWith(QLatin1String("tributary_")))
            QVERIFY2(f.db().exec(QStringLiteral("DROP TABLE %1").arg(table), &error), qPrintable(error.toString()));
    }
    QVERIFY(!f.db().hasTable(QStringLiteral("tributary_schema")));

    const Environment env{{QStringLiteral("TRIBUTARY_TEST_TOKEN"), f.token()}};
    std::vector<std::unique_ptr<TributarydProcess>> processes;
    for (int i = 0; i < 5; ++i) {
        processes.push_back(std::make_unique<TributarydProcess>(env));
        QVERIFY(processes.back()->start({QStringLiteral("status"), QStringLiteral("--config"), f.configPath()}));
    }
    for (auto &p : processes) {
        const int status = p->wait(60000);
        QVERIFY2(status == 0, qPrintable(p->out() + p->log()));
    }
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM tributary_schema")), 1);
}

QTEST_GUILESS_MAIN(tst_Concurrency)
#include "tst_concurrency.moc"

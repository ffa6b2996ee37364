// PageWalker's ordering rules with several pages in flight. The source here is scripted: its
// jobs finish exactly when the test says, in any order, which no real server can be made to do
// deterministically. The real HTTP path with concurrency is covered by tst_restsync.

#include "engine/run/PageWalker.h"

#include <QSignalSpy>
#include <QTest>

using namespace Tributary;

namespace {

class ScriptedJob : public PageJob
{
    Q_OBJECT
public:
    QString token;
    bool started = false;
    bool aborted = false;
    void start() override { started = true; }
    void abort() override
    {
        aborted = true;
        finish(Error(Error::Code::Aborted, QStringLiteral("aborted")));
    }
    void answer(const QString &next, int records = 1)
    {
        for (int i = 0; i < records; ++i)
            m_page.records.append(QJsonObject{{QStringLiteral("page"), token}});
        m_page.nextToken = next;
        finish();
    }
    void fail(const QString &why) { finish(Error(Error::Code::Http, why)); }
};

// Page numbers "1", "2", ...: predictable, so several can be in flight.
class ScriptedSource : public Source
{
    Q_OBJECT
public:
    int concurrency = 3;
    bool predictable = true;
    QList<QPointer<ScriptedJob>> jobs;

    QString name() const override { return QStringLiteral("scripted"); }
    EntityCapabilities capabilities(const QString &) const override { return {}; }
    PageJob *fetchPage(const PageRequest &request) override
    {
        auto *job = new ScriptedJob;
        job->setParent(this);
        job->token = request.token.isEmpty() ? QStringLiteral("1") : request.token;
        jobs.append(job);
        return job;
    }
    RecordJob *fetchRecord(const QString &, const QString &) override { return nullptr; }
    QString cursorValueFor(const QString &, const QDateTime &) const override { return {}; }
    QString predictToken(const PageRequest &, const QString &token) const override
    {
        if (!predictable)
            return {};
        return QString::number((token.isEmpty() ? 1 : token.toInt()) + 1);
    }
    int pageConcurrency(const QString &) const override { return concurrency; }

    ScriptedJob *job(const QString &token) const
    {
        for (const auto &j : jobs) {
            if (j && j->token == token && !j->aborted)
                return j;
        }
        return nullptr;
    }
    QStringList outstanding() const
    {
        QStringList out;
        for (const auto &j : jobs) {
            if (j && !j->aborted)
                out.append(j->token);
        }
        return out;
    }
};

QStringList delivered(const QSignalSpy &spy)
{
    QStringList out;
    for (const QList<QVariant> &args : spy) {
        const Page page = args.first().value<Page>();
        out.append(page.records.isEmpty() ? QStringLiteral("-") : page.records.first().toObject().value(QStringLiteral("page")).toString());
    }
    return out;
}

} // namespace

Q_DECLARE_METATYPE(Tributary::Page)

class tst_PageWalker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<Page>(); }
    void pagesAreDeliveredInOrderWhateverOrderTheyArrive();
    void aWrongPredictionIsDroppedAndTheRealContinuationFollowed();
    void theLastPageEndsTheWalkAndCancelsPredictions();
    void anErrorEndsTheWalkAfterThePagesBeforeIt();
    void stopInsidePageReadyDeliversNothingMore();
    void unpredictableSourcesKeepOneRequestInFlight();
};

void tst_PageWalker::pagesAreDeliveredInOrderWhateverOrderTheyArrive()
{
    ScriptedSource source;
    PageRequest first;
    first.entity = QStringLiteral("items");
    PageWalker walker(&source, first);
    QSignalSpy pages(&walker, &PageWalker::pageReady);
    QSignalSpy done(&walker, &PageWalker::finished);
    walker.start();
    QCOMPARE(source.outstanding(), (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));

    source.job(QStringLiteral("3"))->answer(QStringLiteral("4"));
    source.job(QStringLiteral("2"))->answer(QStringLiteral("3"));
    QCOMPARE(pages.count(), 0); // page 1 has not arrived: nothing may be applied yet
    source.job(QStringLiteral("1"))->answer(QStringLiteral("2"));
    QCOMPARE(delivered(pages), (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
    // Three more in flight again: 4, 5, 6.
    QCOMPARE(source.outstanding().mid(3), (QStringList{QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6")}));
    source.job(QStringLiteral("4"))->answer(QString());
    QCOMPARE(delivered(pages).last(), QStringLiteral("4"));
    QCOMPARE(done.count(), 1);
    QVERIFY(!done.first().first().value<Error>());
}

void tst_PageWalker::aWrongPredictionIsDroppedAndTheRealContinuationFollowed()
{
    ScriptedSource source;
    PageWalker walker(&source, PageRequest{QStringLiteral("items"), PageRequest::Mode::Full, {}, {}});
    QSignalSpy pages(&walker, &PageWalker::pageReady);
    walker.start();
    QPointer<ScriptedJob> two = source.job(QStringLiteral("2"));
    // The server capped the page size: after page 1 comes "10", not "2".
    source.job(QStringLiteral("1"))->answer(QStringLiteral("10"));
    QVERIFY(!two || two->aborted);
    QVERIFY(source.job(QStringLiteral("10")));
    source.job(QStringLiteral("10"))->answer(QString());
    QCOMPARE(delivered(pages), (QStringList{QStringLiteral("1"), QStringLiteral("10")}));
}

void tst_PageWalker::theLastPageEndsTheWalkAndCancelsPredictions()
{
    ScriptedSource source;
    PageWalker walker(&source, PageRequest{QStringLiteral("items"), PageRequest::Mode::Full, {}, {}});
    QSignalSpy pages(&walker, &PageWalker::pageReady);
    QSignalSpy done(&walker, &PageWalker::finished);
    walker.start();
    QPointer<ScriptedJob> two = source.job(QStringLiteral("2")), three = source.job(QStringLiteral("3"));
    source.job(QStringLiteral("1"))->answer(QString());
    QCOMPARE(pages.count(), 1);
    QCOMPARE(done.count(), 1);
    QVERIFY(!two || two->aborted);
    QVERIFY(!three || three->aborted);
}

void tst_PageWalker::anErrorEndsTheWalkAfterThePagesBeforeIt()
{
    ScriptedSource source;
    PageWalker walker(&source, PageRequest{QStringLiteral("items"), PageRequest::Mode::Full, {}, {}});
    QSignalSpy pages(&walker, &PageWalker::pageReady);
    QSignalSpy done(&walker, &PageWalker::finished);
    walker.start();
    source.job(QStringLiteral("2"))->fail(QStringLiteral("HTTP 500 on page 2"));
    QCOMPARE(done.count(), 0); // page 1 comes first
    source.job(QStringLiteral("1"))->answer(QStringLiteral("2"));
    QCOMPARE(delivered(pages), QStringList{QStringLiteral("1")});
    QCOMPARE(done.count(), 1);
    QCOMPARE(done.first().first().value<Error>().message, QStringLiteral("HTTP 500 on page 2"));
}

void tst_PageWalker::stopInsidePageReadyDeliversNothingMore()
{
    ScriptedSource source;
    PageWalker walker(&source, PageRequest{QStringLiteral("items"), PageRequest::Mode::Full, {}, {}});
    QSignalSpy pages(&walker, &PageWalker::pageReady);
    QSignalSpy done(&walker, &PageWalker::finished);
    connect(&walker, &PageWalker::pageReady, &walker, [&walker] { walker.stop(); });
    walker.start();
    source.job(QStringLiteral("2"))->answer(QStringLiteral("3"));
    source.job(QStringLiteral("1"))->answer(QStringLiteral("2"));
    QCOMPARE(pages.count(), 1);
    QVERIFY(done.wait(5000));
    QCOMPARE(done.first().first().value<Error>().code, Error::Code::Aborted);
    QCOMPARE(pages.count(), 1);
}

void tst_PageWalker::unpredictableSourcesKeepOneRequestInFlight()
{
    ScriptedSource source;
    source.predictable = false;
    PageWalker walker(&source, PageRequest{QStringLiteral("items"), PageRequest::Mode::Full, {}, {}});
    QSignalSpy pages(&walker, &PageWalker::pageReady);
    walker.start();
    QCOMPARE(source.outstanding(), QStringList{QStringLiteral("1")});
    source.job(QStringLiteral("1"))->answer(QStringLiteral("abc"));
    // The next request is made before page 1 is handed over, so fetching overlaps applying.
    QCOMPARE(source.outstanding().last(), QStringLiteral("abc"));
    QCOMPARE(pages.count(), 1);
}

QTEST_GUILESS_MAIN(tst_PageWalker)
#include "tst_pagewalker.moc"

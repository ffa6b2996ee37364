#include "ForumGenerator.h"

#include "forum-sim/ForumLogging.h"
#include "forum-sim/ForumSchema.h"
#include "forum-sim/ForumStore.h"
#include "forum-sim/ForumTime.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <vector>

namespace Tributary {

namespace {

const char *const kFirstNames[] = {
    "Alice", "Bob", "Carol", "David", "Emma", "Frank", "Grace", "Henry", "Isabel", "Jack",
    "Karen", "Liam", "Maria", "Noah", "Olivia", "Peter", "Quinn", "Rachel", "Samuel", "Tara",
    "Umar", "Vera", "William", "Xenia", "Yusuf", "Zoe", "Aaron", "Bianca", "Carlos", "Diana",
    "Ethan", "Fatima", "George", "Hannah", "Ivan", "Julia", "Kevin", "Laura", "Mohammed", "Nina",
    "Oscar", "Paula", "Rafael", "Sofia", "Thomas", "Ursula", "Victor", "Wendy", "Yara", "Zachary",
    "Adam", "Beatrice", "Chen", "Daniel", "Elena", "Felix", "Gabriela", "Hugo", "Ingrid", "James",
    "Kenji", "Lucia", "Marco", "Nadia", "Omar", "Priya", "Robert", "Sara", "Tobias", "Valentina",
    "Anna", "Ben", "Clara", "Dmitri", "Eva", "Filip", "Greta", "Hiro", "Irene", "Jonas",
    "Katarina", "Leo", "Mila", "Nikolai", "Olga", "Pablo", "Rosa", "Stefan", "Tessa", "Ulrich",
    "Amir", "Chloe", "Diego", "Emily", "Farid", "Hana", "Isaac", "Joanna", "Lars", "Mei"};
const char *const kLastNames[] = {
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
    "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez",
    "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott",
    "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera",
    "Campbell", "Mitchell", "Carter", "Roberts", "Muller", "Schmidt", "Schneider", "Fischer",
    "Weber", "Meyer", "Wagner", "Becker", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi",
    "Romano", "Colombo", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy",
    "Kowalski", "Nowak", "Wisniewski", "Novak", "Svoboda", "Dvorak", "Jensen", "Nielsen",
    "Hansen", "Larsen", "Andersson", "Johansson", "Karlsson", "Nilsson", "Tanaka", "Suzuki",
    "Takahashi", "Watanabe", "Kim", "Park", "Choi", "Wang", "Li", "Zhang", "Liu", "Chen", "Singh",
    "Patel"};
const char *const kDomains[] = {"example.com", "example.org", "mail.example", "forum.test",
                                "inbox.example"};
const char *const kSectionTitles[] = {
    "General Discussion", "Announcements", "Introductions", "Off Topic", "Help & Support",
    "Feature Requests", "Bug Reports", "Crypto", "Programming", "Web Development", "Linux",
    "Windows", "macOS", "Mobile Apps", "Gaming", "Hardware", "Networking", "Security",
    "Databases", "DevOps", "Machine Learning", "Photography", "Music", "Movies & TV", "Books",
    "Travel", "Cooking", "Fitness", "Gardening", "DIY & Home", "Cars", "Cycling", "Science",
    "History", "Politics", "Jobs & Careers", "Marketplace", "Feedback", "Events", "Tutorials"};
const char *const kTopicStarts[] = {
    "How do I", "Best way to", "Question about", "Thoughts on", "Problem with", "Help with",
    "Tips for", "Anyone tried", "Guide:", "Looking for advice on", "Why does", "Can't get",
    "Review:", "Comparing", "Is it worth it to", "First time trying to", "Update on",
    "Discussion:", "Poll:", "Need help to"};
const char *const kTopicSubjects[] = {
    "set up a home server", "backups", "the new release", "learning Rust", "SQLite performance",
    "a cheap laptop", "fix my bike", "sourdough bread", "migrating to Qt 6", "password managers",
    "a VPN", "the weekend meetup", "building a PC", "running a marathon", "growing tomatoes",
    "our forum rules", "dark mode", "replacing a hard drive", "learning guitar", "traveling in Japan",
    "a reading list", "electric cars", "remote work", "keyboard shortcuts", "writing tests",
    "database indexes", "a slow Wi-Fi", "saving for retirement", "camera lenses", "baking bread",
    "old games", "mechanical keyboards", "the API changes", "a noisy fan", "sync conflicts",
    "time zones", "Unicode in names", "job interviews", "open source licences", "3D printing"};
const char *const kSentences[] = {
    "Thanks for sharing this, it helped a lot.",
    "I had the same problem last week and solved it by restarting everything.",
    "Could you post the exact error message?",
    "This is exactly what I was looking for.",
    "I don't think that's right, the documentation says otherwise.",
    "Has anyone tested this on the latest version?",
    "Here is what worked for me: clean install, then restore the settings one by one.",
    "Great write-up!",
    "I disagree, but I see your point.",
    "Following this thread.",
    "Make sure you have a backup before trying that.",
    "The second option is cheaper in the long run.",
    "It depends on how much time you want to spend on it.",
    "Same here, no luck so far.",
    "Update: it works now after changing the configuration.",
    "Can a moderator move this to the right section?",
    "I wrote a longer answer in the other topic.",
    "Did you check the logs?",
    "That's a known issue, there is a workaround in the FAQ.",
    "Prices have gone up a lot this year.",
    "My experience was very different.",
    "Try it with a smaller data set first.",
    "Welcome to the forum!",
    "I would avoid that brand, mine broke after a month.",
    "We discussed this at the last meetup.",
    "Not sure this is the right place to ask, but here goes.",
    "Any news on this?",
    "Works for me on two different machines.",
    "You might want to read the pinned post first.",
    "Ça marche très bien chez moi, merci !",
    "Das Problem tritt bei mir auch auf.",
    "Gracias, funcionó perfectamente.",
    "Quoting the original post: \"it just stopped working\".",
    "Edit: fixed a typo.",
    "Line one\nline two, because some people write in paragraphs.",
    "The answer is 42, obviously.",
    "I'll try that tonight and report back.",
    "Is there a way to automate this?",
    "Bumping this because it's still an issue.",
    "Closing the loop: the vendor confirmed the bug."};

template <typename T, size_t N>
constexpr int count(const T (&)[N])
{
    return int(N);
}

constexpr qint64 kUsPerSecond = 1000000;
constexpr qint64 kUsPerDay = 86400 * kUsPerSecond;
// 2026-01-01T00:00:00Z: a fixed epoch, so content never depends on when it was generated.
constexpr qint64 kEpochUs = 1767225600LL * kUsPerSecond;
constexpr qint64 kSpanUs = 240 * kUsPerDay;

QRandomGenerator seeded(quint64 seed, quint32 stream)
{
    // One stream per table: changing the number of users does not reshuffle the messages.
    const quint32 seeds[3] = {quint32(seed), quint32(seed >> 32), stream};
    return QRandomGenerator(seeds, seeds + 3);
}

// Timestamps of one table: creation times increase with the id (as an auto-increment forum's
// do), a share of records is edited later, and bursts give many records one updated_at.
class Timeline
{
public:
    Timeline(QRandomGenerator &rng, int n, qint64 startUs, qint64 spanUs)
        : m_n(qMax(1, n))
        , m_start(startUs)
        , m_slot(qMax<qint64>(1, spanUs / qMax(1, n)))
        , m_burst(size_t(qMax(0, n)), 0)
    {
        if (n < 100)
            return;
        // About 5% of records in bursts of 50-600 sharing one timestamp (bulk edits, imports);
        // at least one burst in any table of 100 records or more, so tests meet one.
        const int bursts = qMax(1, int(n * 0.05 / 325.0 + 0.5));
        for (int b = 0; b < bursts; ++b) {
            const int len = qMin(50 + int(rng.bounded(551u)), qMax(50, n / 10));
            const int first = int(rng.bounded(quint32(n - len + 1)));
            const int last = first + len - 1;
            const qint64 ts = m_start + m_slot * (last + 1) + qint64(rng.bounded(7 * 86400u)) * kUsPerSecond
                + qint64(rng.bounded(1000000u));
            for (int i = first; i <= last; ++i)
                m_burst[size_t(i)] = ts;
        }
    }

    // Creation time of record i (0-based): inside its own slot, so strictly increasing.
    qint64 created(QRandomGenerator &rng, int i) const
    {
        return m_start + m_slot * i + qint64(rng.generate64() % quint64(m_slot));
    }

    qint64 updated(QRandomGenerator &rng, int i, qint64 created, bool *inBurst) const
    {
        const bool edited = rng.bounded(100u) < 30;
        const qint64 edit = qint64(rng.bounded(30 * 86400u)) * kUsPerSecond + qint64(rng.bounded(1000000u));
        *inBurst = m_burst[size_t(i)] != 0;
        if (*inBurst)
            return m_burst[size_t(i)];
        return edited ? created + edit : created;
    }

    // The number of records that exist by the time of fraction f of this table's creations.
    static int existingAt(int total, qint64 whenUs, qint64 startUs, qint64 spanUs)
    {
        if (total <= 0)
            return 0;
        const double f = double(whenUs - startUs) / double(spanUs);
        return qBound(1, int(f * total) + 1, total);
    }

private:
    int m_n;
    qint64 m_start;
    qint64 m_slot;
    std::vector<qint64> m_burst;
};

QString randomChars(QRandomGenerator &rng, int n, const char *alphabet, int alphabetSize)
{
    QString s(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i)
        s[i] = QLatin1Char(alphabet[rng.bounded(quint32(alphabetSize))]);
    return s;
}

// Older members post more: a skew towards low ids among those that exist.
int pickSkewed(QRandomGenerator &rng, int existing)
{
    const double r = rng.generateDouble();
    return 1 + qMin(existing - 1, int(r * r * existing));
}

bool failQuery(QString *error, const QSqlQuery &q)
{
    if (error)
        *error = q.lastError().text();
    return false;
}

} // namespace

QString ForumGeneratorSummary::toString(const QString &path, quint64 seed) const
{
    return QStringLiteral("generated %1: %2 users, %3 sections, %4 topics, %5 messages (%6 replies, "
                          "%7 records in timestamp bursts), seed %8, in %9 s")
        .arg(path, QString::number(users), QString::number(sections), QString::number(topics), QString::number(messages),
             QString::number(replies), QString::number(burstRecords), QString::number(seed),
             QString::number(double(elapsedMs) / 1000.0, 'f', 2));
}

ForumGenerator::ForumGenerator(const ForumGeneratorOptions &options)
    : m_options(options)
{
}

bool ForumGenerator::generate(const QString &dbPath, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    m_summary = {};
    const ForumGeneratorOptions &o = m_options;
    // An empty forum is allowed (a main database with no rows of its own yet); otherwise topics
    // need a user and a section, and messages need a topic.
    if (o.users < 0 || o.sections < 0 || o.topics < 0 || o.messages < 0 || (o.topics > 0 && (o.users < 1 || o.sections < 1))
        || (o.topics < 1 && o.messages > 0)) {
        *error = QStringLiteral("topics need at least one user and one section, and messages need a topic");
        return false;
    }
    if (QFile::exists(dbPath)) {
        if (!o.replace) {
            *error = QStringLiteral("%1 already exists (use --force to replace it)").arg(dbPath);
            return false;
        }
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                                      QStringLiteral("-journal")})
            QFile::remove(dbPath + suffix);
    }

    ForumStore store;
    if (!store.open(dbPath, true, error))
        return false;
    QSqlDatabase db = store.database();
    {
        QSqlQuery pragma(db);
        // One writer, a throwaway file until it is complete: durability is not needed here.
        pragma.exec(QStringLiteral("PRAGMA synchronous=OFF"));
        pragma.exec(QStringLiteral("PRAGMA cache_size=-65536"));
        pragma.exec(QStringLiteral("PRAGMA temp_store=MEMORY"));
        // Indexes are built after the bulk insert, which is several times faster.
        for (const char *index :
             {"users_updated_at_id_index", "users_email_lower_index", "sections_updated_at_id_index",
              "topics_updated_at_id_index", "topics_section_id_index", "topics_user_id_index",
              "messages_updated_at_id_index", "messages_topic_id_index", "messages_user_id_index",
              "messages_parent_id_index"})
            pragma.exec(QStringLiteral("DROP INDEX IF EXISTS ") + QLatin1String(index));
    }
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    auto rollback = [&db] { db.rollback(); return false; };

    // Users: e-mails from a finite pool (first.last@domain) so that different forums share some.
    const qint64 userStart = kEpochUs;
    std::vector<qint64> userCreated(size_t(o.users));
    {
        QRandomGenerator rng = seeded(o.seed, 1);
        Timeline timeline(rng, o.users, userStart, kSpanUs);
        QSqlQuery q(db);
        if (!q.prepare(QStringLiteral("INSERT INTO users (id, name, email, email_verified_at, "
                                      "password, remember_token, created_at, updated_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")))
            return failQuery(error, q) || rollback();
        QSet<QByteArray> taken;
        taken.reserve(o.users);
        static const char b64[] = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        static const char alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < o.users; ++i) {
            const QByteArray first = kFirstNames[rng.bounded(quint32(count(kFirstNames)))];
            const QByteArray last = kLastNames[rng.bounded(quint32(count(kLastNames)))];
            const QByteArray domain = kDomains[rng.bounded(quint32(count(kDomains)))];
            const bool oddCase = rng.bounded(10u) == 0;
            const QByteArray local = first.toLower() + '.' + last.toLower();
            QByteArray suffix;
            for (int n = 2; taken.contains(local + suffix + '@' + domain); ++n)
                suffix = QByteArray::number(n);
            taken.insert(local + suffix + '@' + domain);
            QByteArray email;
            if (oddCase) {
                QByteArray d = domain;
                d[0] = char(d[0] - 'a' + 'A');
                email = first + '.' + last + suffix + '@' + d;
            } else {
                email = local + suffix + '@' + domain;
            }
            const qint64 created = timeline.created(rng, i);
            bool burst = false;
            const qint64 updated = timeline.updated(rng, i, created, &burst);
            const bool verified = rng.bounded(100u) < 80;
            const qint64 verifiedAt = created + qint64(rng.bounded(48 * 3600u)) * kUsPerSecond;
            const QString password = QStringLiteral("$2y$10$") + randomChars(rng, 53, b64, 64);
            const bool hasToken = rng.bounded(100u) < 30;
            const QString token = randomChars(rng, 10, alnum, 62);
            userCreated[size_t(i)] = created;
            m_summary.burstRecords += burst ? 1 : 0;

            q.bindValue(0, i + 1);
            q.bindValue(1, QString::fromLatin1(first + ' ' + last));
            q.bindValue(2, QString::fromLatin1(email));
            q.bindValue(3, verified ? QVariant(QString::fromLatin1(ForumTime::formatDb(qMin(verifiedAt, updated))))
                                    : QVariant());
            q.bindValue(4, password);
            q.bindValue(5, hasToken ? QVariant(token) : QVariant());
            q.bindValue(6, QString::fromLatin1(ForumTime::formatDb(created)));
            q.bindValue(7, QString::fromLatin1(ForumTime::formatDb(updated)));
            if (!q.exec())
                return failQuery(error, q) || rollback();
        }
        m_summary.users = o.users;
    }

    // Sections: titles from a shared pool, created in the first days, some with odd case or
    // stray whitespace as people type them.
    const qint64 sectionStart = kEpochUs;
    {
        QRandomGenerator rng = seeded(o.seed, 2);
        Timeline timeline(rng, o.sections, sectionStart, 3 * kUsPerDay);
        std::vector<int> order(static_cast<size_t>(count(kSectionTitles)));
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = int(i);
        for (size_t i = order.size() - 1; i > 0; --i)
            std::swap(order[i], order[rng.bounded(quint32(i + 1))]);
        QSqlQuery q(db);
        if (!q.prepare(QStringLiteral("INSERT INTO sections (id, title, created_at, updated_at) "
                                      "VALUES (?, ?, ?, ?)")))
            return failQuery(error, q) || rollback();
        for (int i = 0; i < o.sections; ++i) {
            const int pool = count(kSectionTitles);
            QString title = QString::fromUtf8(kSectionTitles[order[size_t(i % pool)]]);
            if (i >= pool)
                title += QStringLiteral(" %1").arg(i / pool + 1);
            const quint32 variant = rng.bounded(20u);
            if (variant == 0)
                title = title.toLower();
            else if (variant == 1)
                title += QLatin1Char(' ');
            else if (variant == 2)
                title = title.toUpper();
            const qint64 created = timeline.created(rng, i);
            bool burst = false;
            const qint64 updated = timeline.updated(rng, i, created, &burst);
            m_summary.burstRecords += burst ? 1 : 0;
            q.bindValue(0, i + 1);
            q.bindValue(1, title);
            q.bindValue(2, QString::fromLatin1(ForumTime::formatDb(created)));
            q.bindValue(3, QString::fromLatin1(ForumTime::formatDb(updated)));
            if (!q.exec())
                return failQuery(error, q) || rollback();
        }
        m_summary.sections = o.sections;
    }

    // Topics: in existing sections, by users who had joined by then.
    const qint64 topicStart = kEpochUs + kUsPerDay;
    const qint64 topicSpan = kSpanUs - kUsPerDay;
    std::vector<qint64> topicCreated(size_t(o.topics));
    {
        QRandomGenerator rng = seeded(o.seed, 3);
        Timeline timeline(rng, o.topics, topicStart, topicSpan);
        QSqlQuery q(db);
        if (!q.prepare(QStringLiteral("INSERT INTO topics (id, section_id, user_id, title, "
                                      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")))
            return failQuery(error, q) || rollback();
        for (int i = 0; i < o.topics; ++i) {
            const qint64 created = timeline.created(rng, i);
            bool burst = false;
            const qint64 updated = timeline.updated(rng, i, created, &burst);
            const int section = 1 + int(rng.bounded(quint32(o.sections)));
            const int user = pickSkewed(rng, Timeline::existingAt(o.users, created, userStart, kSpanUs));
            QString title = QString::fromUtf8(kTopicStarts[rng.bounded(quint32(count(kTopicStarts)))])
                + QLatin1Char(' ')
                + QString::fromUtf8(kTopicSubjects[rng.bounded(quint32(count(kTopicSubjects)))]);
            if (rng.bounded(3u) == 0)
                title += QLatin1Char('?');
            topicCreated[size_t(i)] = created;
            m_summary.burstRecords += burst ? 1 : 0;
            q.bindValue(0, i + 1);
            q.bindValue(1, section);
            q.bindValue(2, user);
            q.bindValue(3, title);
            q.bindValue(4, QString::fromLatin1(ForumTime::formatDb(created)));
            q.bindValue(5, QString::fromLatin1(ForumTime::formatDb(updated)));
            if (!q.exec())
                return failQuery(error, q) || rollback();
        }
        m_summary.topics = o.topics;
    }

    // Messages: in topics that exist by then; about 40% answer an earlier message of the same
    // topic, mostly a recent one, which builds threads several levels deep.
    {
        QRandomGenerator rng = seeded(o.seed, 4);
        const qint64 messageStart = topicStart;
        Timeline timeline(rng, o.messages, messageStart, topicSpan);
        std::vector<std::vector<qint32>> byTopic(size_t(qMax(0, o.topics)));
        QSqlQuery q(db);
        if (!q.prepare(QStringLiteral("INSERT INTO messages (id, topic_id, user_id, parent_id, "
                                      "content, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")))
            return failQuery(error, q) || rollback();
        QString content;
        for (int i = 0; i < o.messages; ++i) {
            const qint64 created = timeline.created(rng, i);
            bool burst = false;
            const qint64 updated = timeline.updated(rng, i, created, &burst);
            const int existingTopics = Timeline::existingAt(o.topics, created, topicStart, topicSpan);
            // Half the traffic goes to the newest topics, the rest anywhere.
            int topic;
            if (rng.bounded(2u) == 0) {
                const int recent = qMax(1, existingTopics / 20);
                topic = existingTopics - int(rng.bounded(quint32(recent)));
            } else {
                topic = 1 + int(rng.bounded(quint32(existingTopics)));
            }
            const int user = pickSkewed(rng, Timeline::existingAt(o.users, created, userStart, kSpanUs));
            std::vector<qint32> &siblings = byTopic[size_t(topic - 1)];
            const bool reply = rng.bounded(100u) < 40;
            const quint32 pick = rng.bounded(100u);
            QVariant parent;
            if (reply && !siblings.empty()) {
                const size_t n = siblings.size();
                const size_t back = pick < 70 ? qMin<size_t>(n, 1 + pick % 3) : 1 + rng.bounded(quint32(n));
                parent = siblings[n - back];
                ++m_summary.replies;
            }
            siblings.push_back(i + 1);
            content.clear();
            const int sentences = 1 + int(rng.bounded(4u));
            for (int s = 0; s < sentences; ++s) {
                if (s)
                    content += QLatin1Char(' ');
                content += QString::fromUtf8(kSentences[rng.bounded(quint32(count(kSentences)))]);
            }
            m_summary.burstRecords += burst ? 1 : 0;
            q.bindValue(0, i + 1);
            q.bindValue(1, topic);
            q.bindValue(2, user);
            q.bindValue(3, parent);
            q.bindValue(4, content);
            q.bindValue(5, QString::fromLatin1(ForumTime::formatDb(created)));
            q.bindValue(6, QString::fromLatin1(ForumTime::formatDb(updated)));
            if (!q.exec())
                return failQuery(error, q) || rollback();
        }
        m_summary.messages = o.messages;
    }

    if (!ForumSchema::createIndexes(db, error))
        return rollback();
    if (!db.commit()) {
        *error = db.lastError().text();
        return false;
    }
    {
        QSqlQuery q(db);
        q.exec(QStringLiteral("ANALYZE"));
        q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    db = QSqlDatabase(); // the store removes the connection; no handle may outlive it
    store.close();
    m_summary.elapsedMs = timer.elapsed();
    qCDebug(lcForumSim).noquote() << m_summary.toString(dbPath, o.seed);
    return true;
}

} // namespace Tributary

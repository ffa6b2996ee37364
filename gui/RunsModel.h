#pragma once

#include "RowModel.h"

#include "state/RunLog.h"

#include <QDateTime>
#include <QHash>

namespace Tributary {
class Database;
struct Config;
struct Error;
}

namespace Tributary::Gui {

// One run as the list shows it: the run as RunLog read it, with its times parsed and its
// entities in the source's dependency order.
struct RunRow : RunRecord
{
    QDateTime started;
    QDateTime finished;
    QStringList entities; // in the source's dependency order when the source is configured

    bool isRunning() const { return runStatus() == RunStatus::Running; }
    // Counts are recorded when a run ends (a run its dead process left behind has none).
    bool hasCounts() const { return !finishedAt.isEmpty(); }
    // Finished minus started; for a running run, the time it has run so far; -1 when unknown.
    qint64 durationMs(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
};

// The runs, newest first: what each run of each source fetched, wrote and held back,
// how it ended and why.
class RunsModel : public RowModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, SourceColumn, KindColumn, StartedColumn, DurationColumn, StatusColumn, FetchedColumn, WrittenColumn,
                  ConflictsColumn, QuarantinedColumn, PendingColumn, ErrorColumn, ColumnCount };
    enum Role {
        RunIdRole = Qt::UserRole + 1,
        SortRole,
    };
    static constexpr int kLimit = 1000; // the newest runs; older ones are in the table still

    explicit RunsModel(QObject *parent = nullptr);
    ~RunsModel() override;

    // Only this source's runs (empty: every source).
    void setSource(const QString &source) { m_source = source; }
    QString source() const { return m_source; }

    // `config` orders each run's entities. False with *error (and readError()) when the runs
    // could not be read.
    bool refresh(Database &db, const Config &config, Error *error = nullptr);
    // Repaints the durations of running runs (they grow while they run).
    void tick();

    bool isTruncated() const { return m_truncated; }
    bool hasRunning() const;
    const RunRow &run(int row) const { return m_rows.at(row); }
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(const QString &status);
    static QString statusExplanation(const QString &status);
    // What the run did, in words, from its stored counts: what it wrote, the conflicts it raised,
    // what it held back, then what its status means ("Every record was applied." only when
    // nothing was held back and no conflict waits).
    static QString summary(const RunRow &run);

private:
    void clearRows() override;

    QList<RunRow> m_rows;
    QString m_source;
    bool m_truncated = false;
};

} // namespace Tributary::Gui

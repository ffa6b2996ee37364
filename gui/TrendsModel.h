#pragma once

#include "state/RunLog.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace Tributary {
class Database;
}

namespace Tributary::Gui {

// One source's runs over time, as the trends view draws them: per finished run, when it ended,
// how fast it went (records fetched per second of the run), the lag just before it (seconds
// since the previous successful run had started: how old the newest data could have been, the
// same measure as the tributary_source_lag_seconds metric), and what went wrong (failed,
// quarantined, conflicts, retries). Read from the run history, oldest first, at most kLimit runs.
class TrendsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { FinishedColumn, KindColumn, StatusColumn, RateColumn, LagColumn, FailedColumn, QuarantinedColumn, ConflictsColumn,
                  RetriesColumn, ColumnCount };
    enum Role { ValueRole = Qt::UserRole + 1 }; // the number (or QDateTime) behind the text
    static constexpr int kLimit = 500;

    struct Point
    {
        qint64 runId = 0;
        QDateTime finished;
        QString kind;
        QString status;
        double recordsPerSecond = 0;
        double lagSeconds = -1; // -1: no earlier success to measure from
        bool failed = false;
        qint64 quarantined = 0;
        qint64 conflicts = 0;
        qint64 retries = 0;
    };

    explicit TrendsModel(QObject *parent = nullptr);

    // Reads `source`'s runs again. False (and no rows) when they could not be read.
    bool refresh(Database &db, const QString &source, QString *error = nullptr);
    void clear();
    // From runs oldest first (RunLog's records); public for tests and for refresh().
    static QList<Point> pointsFrom(const QList<RunRecord> &oldestFirst);

    const QList<Point> &points() const { return m_points; }
    QString source() const { return m_source; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString m_source;
    QList<Point> m_points;
};

} // namespace Tributary::Gui

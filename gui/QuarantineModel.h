#pragma once

#include "RowModel.h"

#include <QDateTime>

namespace Tributary {
class Database;
struct Error;
}

namespace Tributary::Gui {

// One record of tributary_quarantine.
struct QuarantinedRecord
{
    QString source;
    QString entity;
    QString externalId;
    QString field; // empty when the record as a whole was refused
    QString reason;
    qint64 attempts = 0;
    QString firstSeen;
    QString lastSeen;
    QString record; // the raw JSON as the source sent it

    QString key() const { return source + QLatin1Char('\x1f') + entity + QLatin1Char('\x1f') + externalId; }
};

// The records held in quarantine (they could not be mapped or stored), with the reason, as
// `tributaryd quarantine list` orders them: by source, entity, first seen.
class QuarantineModel : public RowModel
{
    Q_OBJECT
public:
    enum Column { SourceColumn, EntityColumn, ExternalIdColumn, FieldColumn, ReasonColumn, AttemptsColumn, FirstSeenColumn,
                  LastSeenColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };
    static constexpr int kLimit = 5000;

    explicit QuarantineModel(QObject *parent = nullptr);
    ~QuarantineModel() override;

    void setSource(const QString &source) { m_source = source; } // empty: every source
    QString source() const { return m_source; }

    bool refresh(Database &db, Error *error);
    void clear();

    // Records held for the filter, also those beyond kLimit.
    qint64 total() const { return m_total; }
    const QuarantinedRecord &record(int row) const { return m_rows.at(row); }
    int rowOf(const QString &source, const QString &entity, const QString &externalId) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<QuarantinedRecord> m_rows;
    QString m_source;
    qint64 m_total = 0;
};

} // namespace Tributary::Gui

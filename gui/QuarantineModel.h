#pragma once

#include "RowModel.h"

#include "state/ParkingLot.h"

namespace Tributary {
class Database;
struct Error;
}

namespace Tributary::Gui {

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

    // False with *error (and readError()) when the quarantine could not be read.
    bool refresh(Database &db, Error *error = nullptr);

    // Records held for the filter, also those beyond kLimit.
    qint64 total() const { return m_total; }
    const QuarantineEntry &record(int row) const { return m_rows.at(row); }
    int rowOf(const QString &source, const QString &entity, const QString &externalId) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void clearRows() override;

    QList<QuarantineEntry> m_rows;
    QString m_source;
    qint64 m_total = 0;
};

} // namespace Tributary::Gui

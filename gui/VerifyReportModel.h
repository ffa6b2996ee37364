#pragma once

#include "engine/Verifier.h"

#include <QAbstractTableModel>

namespace Tributary::Gui {

// What a verify found, for two tables: Entities, one row per entity with the figures tributaryd
// verify prints (at source, matching, missing, extra, different, kept local, conflicts,
// quarantined); Checks, one row per check of an entity (walk, total, id scan, extras) with its
// result and what was found.
class VerifyReportModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Table { Entities, Checks };
    enum EntityColumn { Entity, AtSource, Matching, Missing, Extra, Different, KeptLocal, Conflicts, Quarantined, EntityColumnCount };
    enum CheckColumn { CheckEntity, Check, Outcome, Found, CheckColumnCount };
    // The figure of a cell as a number (qint64), for tests and sorting.
    static constexpr int ValueRole = Qt::UserRole + 1;

    explicit VerifyReportModel(Table table, QObject *parent = nullptr);

    void setReports(const QList<Verifier::EntityReport> &reports);
    void clear() { setReports({}); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString checkName(Verifier::Check::Kind kind);
    static QString outcomeName(Verifier::Check::Outcome outcome);

private:
    struct CheckRow
    {
        QString entity;
        Verifier::Check check;
    };
    QVariant entityData(const Verifier::EntityReport &r, int column, int role) const;
    QVariant checkData(const CheckRow &r, int column, int role) const;

    const Table m_table;
    QList<Verifier::EntityReport> m_reports;
    QList<CheckRow> m_checks;
};

} // namespace Tributary::Gui

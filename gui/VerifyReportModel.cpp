#include "VerifyReportModel.h"

#include "DisplayText.h"

#include <QFont>

namespace Tributary::Gui {

namespace {
QFont bold()
{
    QFont f;
    f.setBold(true);
    return f;
}
} // namespace

VerifyReportModel::VerifyReportModel(Table table, QObject *parent) : QAbstractTableModel(parent), m_table(table) {}

void VerifyReportModel::setReports(const QList<Verifier::EntityReport> &reports)
{
    beginResetModel();
    m_reports = reports;
    m_checks.clear();
    for (const Verifier::EntityReport &r : reports) {
        for (const Verifier::Check &c : r.checks)
            m_checks.append({r.entity, c});
    }
    endResetModel();
}

int VerifyReportModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_table == Table::Entities ? m_reports.size() : m_checks.size());
}

int VerifyReportModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_table == Table::Entities ? int(EntityColumnCount) : int(CheckColumnCount);
}

QString VerifyReportModel::checkName(Verifier::Check::Kind kind)
{
    switch (kind) {
    //: verify: the check that the walk of the source kept its invariants and reached its end
    case Verifier::Check::Kind::Walk: return tr("walk");
    //: verify: the check of the source's own total
    case Verifier::Check::Kind::Total: return tr("total");
    //: verify: the check of the source's id listing against the walk
    case Verifier::Check::Kind::IdScan: return tr("id scan");
    //: verify: the check for links to records gone from the source
    case Verifier::Check::Kind::Extras: return tr("extras");
    }
    return {};
}

QString VerifyReportModel::outcomeName(Verifier::Check::Outcome outcome)
{
    switch (outcome) {
    case Verifier::Check::Outcome::Passed: return tr("ok");
    case Verifier::Check::Outcome::Failed: return tr("FAILED");
    case Verifier::Check::Outcome::NotChecked: return tr("not checked");
    }
    return {};
}

QVariant VerifyReportModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return m_table == Table::Entities ? entityData(m_reports.at(index.row()), index.column(), role)
                                      : checkData(m_checks.at(index.row()), index.column(), role);
}

QVariant VerifyReportModel::entityData(const Verifier::EntityReport &r, int column, int role) const
{
    if (column == Entity) {
        if (role == Qt::DisplayRole || role == ValueRole)
            return r.entity;
        if (role == Qt::ToolTipRole && !r.examples.isEmpty())
            return r.examples.join(QLatin1Char('\n'));
        return {};
    }
    const qint64 figures[] = {0, r.sourceRecords, r.matching, r.missing, r.extra, r.different, r.diverged, r.conflicts, r.invalid};
    const qint64 v = figures[column];
    switch (role) {
    case Qt::DisplayRole: return DisplayText::number(v);
    case ValueRole: return v;
    case Qt::TextAlignmentRole: return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        // What makes a source not in sync stands out; the rest are explained differences.
        if (v > 0 && (column == Missing || column == Extra || column == Different))
            return bold();
        return {};
    default: return {};
    }
}

QVariant VerifyReportModel::checkData(const CheckRow &r, int column, int role) const
{
    if (role == Qt::FontRole && column == Outcome && r.check.outcome == Verifier::Check::Outcome::Failed)
        return bold();
    if (role == Qt::ToolTipRole && column == Found)
        return r.check.text;
    if (role != Qt::DisplayRole && role != ValueRole)
        return {};
    switch (column) {
    case CheckEntity: return r.entity;
    case Check: return checkName(r.check.kind);
    case Outcome: return outcomeName(r.check.outcome);
    case Found: return r.check.text;
    default: return {};
    }
}

QVariant VerifyReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (m_table == Table::Checks) {
        switch (section) {
        case CheckEntity: return tr("Entity");
        case Check: return tr("Check");
        case Outcome: return tr("Result");
        case Found: return tr("What was found");
        default: return {};
        }
    }
    // The columns of tributaryd verify, in its order.
    switch (section) {
    case Entity: return tr("Entity");
    case AtSource: return tr("At source");
    case Matching: return tr("Matching");
    case Missing: return tr("Missing");
    case Extra: return tr("Extra");
    case Different: return tr("Different");
    case KeptLocal: return tr("Kept local");
    case Conflicts: return tr("Conflicts");
    case Quarantined: return tr("Quarantined");
    default: return {};
    }
}

} // namespace Tributary::Gui

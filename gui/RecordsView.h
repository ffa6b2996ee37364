#pragma once

#include "state/RecordLookup.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace Tributary::Gui {

class RecordDetailModel;
class RecordHitsModel;
class RecordPane;
class Workspace;

// The Records finder: one record of the main database found by the external id a source gave
// it, by its local id or by a value, and everything about it: the row, its links to every
// source with each link's base, the captured local edit, its conflicts and its change log.
// Typing an external id and pressing Enter opens the record; several candidates are listed to
// pick from. The other views open a record here (MainWindow connects them).
class RecordsView : public QWidget
{
    Q_OBJECT
public:
    // At most this many candidates are listed.
    static constexpr int kHitLimit = 50;
    // The newest this many lines of a record's change log are shown.
    static constexpr int kChangeLimit = 1000;

    explicit RecordsView(Workspace *workspace, QWidget *parent = nullptr);
    ~RecordsView() override;

    QComboBox *scopeCombo() const { return m_scope; }
    QLineEdit *searchEdit() const { return m_search; }
    RecordHitsModel *hitsModel() const { return m_hitsModel; }
    QTableView *hitsView() const { return m_hitsTable; }
    RecordDetailModel *rowModel() const { return m_rowModel; }
    RecordDetailModel *linksModel() const { return m_linksModel; }
    RecordDetailModel *conflictsModel() const { return m_conflictsModel; }
    RecordDetailModel *historyModel() const { return m_historyModel; }

    // What to look for: a source's entity's external ids (source and entity), local ids or values
    // (in every table). False when the configuration has no such choice.
    bool setScope(RecordQuery::By by, const QString &source = QString(), const QString &entity = QString());
    RecordQuery query() const;

    // Looks for what the search line says in the chosen scope: a single candidate is opened,
    // several are listed. True when something was found.
    bool find();
    // Shows one record (false, saying why, when it cannot be read).
    bool openRecord(const RecordKey &key);
    // Opens the record a source's external id names (the scope and the search line say so);
    // when it has no link any more, its row `localId` of the entity's table.
    bool openRecord(const QString &source, const QString &entity, const QString &externalId, const QString &localId = QString());
    // Opens the row `key` (a table and its local id) as a search by local id would.
    bool openRow(const RecordKey &key);

    // The record shown (invalid when none).
    RecordKey shownRecord() const { return m_shown; }
    const RecordDetail &shownDetail() const { return m_detail; }
    // The record's heading and its summary sentences while one is shown.
    QString titleText() const;
    QString summaryText() const;
    // What stands in for the detail: why nothing is shown, what was not found, or what failed.
    QString stateText() const;
    // The line above the results (how many matched, whether the list is cut).
    QString statusText() const;

public Q_SLOTS:
    // Reads the record shown again (another process or a run changed it).
    void refresh();

private:
    void rebuildScopes();
    void updatePlaceholder();
    void showState(const QString &text, bool error = false, const QString &toolTip = QString());
    // Reads `key`; with `keepIfSame`, leaves the tables alone (their selection and scroll) when
    // nothing about the record changed.
    bool readRecord(const RecordKey &key, bool keepIfSame);
    void showDetail();
    void hitSelected();
    QString notFoundText(const RecordQuery &q, const RecordHits &hits) const;

    QPointer<Workspace> m_workspace;
    RecordHitsModel *m_hitsModel = nullptr;
    RecordDetailModel *m_rowModel = nullptr;
    RecordDetailModel *m_linksModel = nullptr;
    RecordDetailModel *m_conflictsModel = nullptr;
    RecordDetailModel *m_historyModel = nullptr;
    RecordKey m_shown;
    RecordDetail m_detail;

    QComboBox *m_scope = nullptr;
    QLineEdit *m_search = nullptr;
    QPushButton *m_findButton = nullptr;
    QLabel *m_status = nullptr;
    RecordPane *m_hitsPane = nullptr;
    QTableView *m_hitsTable = nullptr;
    QStackedWidget *m_detailStack = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
};

} // namespace Tributary::Gui

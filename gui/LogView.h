#pragma once

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace Tributary::Gui {

class LogFilterModel;
class LogModel;
class Workspace;

// The live log of the console: what the engine, the sources and the network report while the
// console runs, filterable by level, source and text, following the newest entries.
class LogView : public QWidget
{
    Q_OBJECT
public:
    // `model`: the log to show; null: LogModel::instance(), fed by the message handler
    // (installed here if main() did not).
    explicit LogView(Workspace *workspace, QWidget *parent = nullptr, LogModel *model = nullptr);
    ~LogView() override;

    LogModel *model() const { return m_model; }
    LogFilterModel *filterModel() const { return m_filter; }
    QTableView *view() const { return m_table; }

    void setMinimumSeverity(int severity); // LogModel::severity(): 0 debug ... 3 critical
    void setSourceFilter(const QString &source);
    void setTextFilter(const QString &text);
    bool isFollowing() const;
    QString emptyStateText() const;

private:
    void rebuildSourceChoices();
    void updateState();
    void scrollToNewest();

    QPointer<Workspace> m_workspace;
    LogModel *m_model = nullptr;
    LogFilterModel *m_filter = nullptr;

    QComboBox *m_levelCombo = nullptr;
    QComboBox *m_sourceCombo = nullptr;
    QLineEdit *m_textEdit = nullptr;
    QCheckBox *m_follow = nullptr;
    QLabel *m_countLabel = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_emptyLabel = nullptr;
    bool m_columnsSized = false;
};

} // namespace Tributary::Gui

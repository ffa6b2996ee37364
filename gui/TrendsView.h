#pragma once

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QStackedWidget;

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace Tributary::Gui {

class TrendsModel;
class Workspace;

// One source over time, from its run history (TrendsModel): records per second of each run,
// the lag before each run, and what went wrong (failed runs, quarantined records, conflicts,
// retries). Three charts sharing the time axis (Qt Charts); colours from the palette, so they
// follow light and dark. Read again whenever the workspace sees a new run.
class TrendsView : public QWidget
{
    Q_OBJECT
public:
    explicit TrendsView(Workspace *workspace, QWidget *parent = nullptr);
    ~TrendsView() override;

    TrendsModel *model() const { return m_model; }
    void setSource(const QString &source);
    QString source() const;
    QString summaryText() const;
    // The series as drawn (for tests): "rate", "lag", "failed", "quarantined", "conflicts", "retries".
    QLineSeries *lineSeries(const QString &name) const;
    QScatterSeries *failedSeries() const { return m_failed; }

public Q_SLOTS:
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuildSourceChoices();
    void redraw();
    void applyPalette();
    QChartView *makeChart(const QString &title, QChart **chart, QDateTimeAxis **x, QValueAxis **y);

    QPointer<Workspace> m_workspace;
    TrendsModel *m_model = nullptr;
    QComboBox *m_sourceCombo = nullptr;
    QLabel *m_summary = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QChart *m_rateChart = nullptr, *m_lagChart = nullptr, *m_errorChart = nullptr;
    QDateTimeAxis *m_rateX = nullptr, *m_lagX = nullptr, *m_errorX = nullptr;
    QValueAxis *m_rateY = nullptr, *m_lagY = nullptr, *m_errorY = nullptr;
    QLineSeries *m_rate = nullptr, *m_lag = nullptr, *m_quarantined = nullptr, *m_conflicts = nullptr, *m_retries = nullptr;
    QScatterSeries *m_failed = nullptr;
};

} // namespace Tributary::Gui

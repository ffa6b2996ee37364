#include "TrendsView.h"

#include "DisplayText.h"
#include "StatusColors.h"
#include "TrendsModel.h"
#include "Workspace.h"
#include "config/Config.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QStackedWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace Tributary::Gui {

TrendsView::TrendsView(Workspace *workspace, QWidget *parent) : QWidget(parent), m_workspace(workspace), m_model(new TrendsModel(this))
{
    setObjectName(QStringLiteral("trendsView"));
    m_sourceCombo = new QComboBox;
    m_sourceCombo->setObjectName(QStringLiteral("trendsSource"));
    m_sourceCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("trendsSummary"));
    m_summary->setWordWrap(true);
    auto *bar = new QHBoxLayout;
    auto *label = new QLabel(tr("&Source:"));
    label->setBuddy(m_sourceCombo);
    bar->addWidget(label);
    bar->addWidget(m_sourceCombo);
    bar->addWidget(m_summary, 1);

    auto *charts = new QWidget;
    auto *chartsLayout = new QVBoxLayout(charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(makeChart(tr("Records per second"), &m_rateChart, &m_rateX, &m_rateY), 1);
    chartsLayout->addWidget(makeChart(tr("Lag before each run (seconds since the last successful run started)"), &m_lagChart, &m_lagX, &m_lagY), 1);
    chartsLayout->addWidget(makeChart(tr("Problems per run"), &m_errorChart, &m_errorX, &m_errorY), 1);

    auto addLine = [](QChart *chart, QDateTimeAxis *x, QValueAxis *y, const QString &name, const QString &objectName) {
        auto *s = new QLineSeries;
        s->setName(name);
        s->setObjectName(objectName);
        s->setPointsVisible(true);
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
        return s;
    };
    m_rate = addLine(m_rateChart, m_rateX, m_rateY, tr("records/s"), QStringLiteral("rate"));
    m_lag = addLine(m_lagChart, m_lagX, m_lagY, tr("lag (s)"), QStringLiteral("lag"));
    m_quarantined = addLine(m_errorChart, m_errorX, m_errorY, tr("quarantined"), QStringLiteral("quarantined"));
    m_conflicts = addLine(m_errorChart, m_errorX, m_errorY, tr("conflicts"), QStringLiteral("conflicts"));
    m_retries = addLine(m_errorChart, m_errorX, m_errorY, tr("retries"), QStringLiteral("retries"));
    m_failed = new QScatterSeries;
    m_failed->setName(tr("failed run"));
    m_failed->setObjectName(QStringLiteral("failed"));
    m_failed->setMarkerSize(11);
    m_errorChart->addSeries(m_failed);
    m_failed->attachAxis(m_errorX);
    m_failed->attachAxis(m_errorY);
    m_rateChart->legend()->hide();
    m_lagChart->legend()->hide();

    m_empty = new QLabel;
    m_empty->setObjectName(QStringLiteral("trendsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_empty);
    m_stack->addWidget(charts);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    connect(m_sourceCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, &TrendsView::refresh);
    if (m_workspace) {
        // The workspace says dataChanged right after configChanged: one read per change.
        connect(m_workspace, &Workspace::configChanged, this, &TrendsView::rebuildSourceChoices);
        connect(m_workspace, &Workspace::runsChanged, this, &TrendsView::refresh);
        connect(m_workspace, &Workspace::dataChanged, this, &TrendsView::refresh);
    }
    applyPalette();
    rebuildSourceChoices();
    refresh();
}

TrendsView::~TrendsView() = default;

QChartView *TrendsView::makeChart(const QString &title, QChart **chart, QDateTimeAxis **x, QValueAxis **y)
{
    *chart = new QChart;
    (*chart)->setTitle(title);
    (*chart)->setMargins(QMargins(4, 4, 4, 4));
    (*chart)->setBackgroundRoundness(0);
    *x = new QDateTimeAxis; // its format follows the runs' time range (redraw())
    (*x)->setTickCount(5);
    *y = new QValueAxis;
    (*y)->setLabelFormat(QStringLiteral("%.0f"));
    (*y)->setMin(0);
    (*chart)->addAxis(*x, Qt::AlignBottom);
    (*chart)->addAxis(*y, Qt::AlignLeft);
    auto *view = new QChartView(*chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(120);
    return view;
}

void TrendsView::setSource(const QString &source)
{
    const int i = m_sourceCombo->findData(source);
    if (i >= 0)
        m_sourceCombo->setCurrentIndex(i);
}

QString TrendsView::source() const
{
    return m_sourceCombo->currentData().toString();
}

QString TrendsView::summaryText() const
{
    return m_summary->text();
}

QLineSeries *TrendsView::lineSeries(const QString &name) const
{
    for (QLineSeries *s : {m_rate, m_lag, m_quarantined, m_conflicts, m_retries}) {
        if (s->objectName() == name)
            return s;
    }
    return nullptr;
}

void TrendsView::rebuildSourceChoices()
{
    const QString current = source();
    const QSignalBlocker block(m_sourceCombo);
    m_sourceCombo->clear();
    if (m_workspace && m_workspace->isOpen()) {
        for (const SourceConfig &s : m_workspace->config().sources)
            m_sourceCombo->addItem(s.name, s.name);
    }
    const int i = m_sourceCombo->findData(current);
    m_sourceCombo->setCurrentIndex(i >= 0 ? i : (m_sourceCombo->count() > 0 ? 0 : -1));
}

void TrendsView::refresh()
{
    Database *db = m_workspace ? m_workspace->database() : nullptr;
    QString error;
    if (!db || source().isEmpty()) {
        m_model->clear();
        m_empty->setText(!db ? tr("Open a configuration to see how its sources run over time.")
                             : tr("This configuration has no sources yet."));
    } else if (!m_model->refresh(*db, source(), &error)) {
        m_empty->setText(tr("The runs cannot be read: %1").arg(error));
    } else if (m_model->points().isEmpty()) {
        m_empty->setText(tr("%1 has not finished a run yet: its charts start with the first one.").arg(source()));
    }
    redraw();
}

void TrendsView::redraw()
{
    const QList<TrendsModel::Point> &points = m_model->points();
    for (QLineSeries *s : {m_rate, m_lag, m_quarantined, m_conflicts, m_retries})
        s->clear();
    m_failed->clear();
    if (points.isEmpty()) {
        m_summary->clear();
        m_stack->setCurrentIndex(0);
        return;
    }
    m_stack->setCurrentIndex(1);
    double maxRate = 0, maxLag = 0, maxProblems = 0;
    int failed = 0;
    for (const TrendsModel::Point &p : points) {
        const qreal x = qreal(p.finished.toMSecsSinceEpoch());
        m_rate->append(x, p.recordsPerSecond);
        maxRate = std::max(maxRate, p.recordsPerSecond);
        if (p.lagSeconds >= 0) {
            m_lag->append(x, p.lagSeconds);
            maxLag = std::max(maxLag, p.lagSeconds);
        }
        m_quarantined->append(x, qreal(p.quarantined));
        m_conflicts->append(x, qreal(p.conflicts));
        m_retries->append(x, qreal(p.retries));
        maxProblems = std::max({maxProblems, double(p.quarantined), double(p.conflicts), double(p.retries)});
        if (p.failed) {
            m_failed->append(x, 0);
            ++failed;
        }
    }
    // One time range for the three charts, a little wider than the runs so that none sits on the edge.
    QDateTime from = points.first().finished, to = points.last().finished;
    const qint64 pad = std::max<qint64>(60000, from.msecsTo(to) / 20);
    from = from.addMSecs(-pad);
    to = to.addMSecs(pad);
    // Labels as fine as the range needs, in the reader's locale: times of day within a day,
    // dates with times within a month, dates beyond.
    const QLocale locale;
    const qint64 span = from.secsTo(to);
    const QString timeFormat = span < 3600 ? DisplayText::timeFormatWithSeconds() : locale.timeFormat(QLocale::ShortFormat);
    const QString format = span < 86400 ? timeFormat
                         : span < 31 * 86400 ? locale.dateFormat(QLocale::ShortFormat) + QLatin1Char(' ') + timeFormat
                                             : locale.dateFormat(QLocale::ShortFormat);
    for (QDateTimeAxis *x : {m_rateX, m_lagX, m_errorX}) {
        x->setFormat(format);
        x->setRange(from, to);
    }
    m_rateY->setRange(0, std::max(1.0, maxRate * 1.1));
    m_lagY->setRange(0, std::max(1.0, maxLag * 1.1));
    m_rateY->applyNiceNumbers();
    m_lagY->applyNiceNumbers();
    // Counts are whole numbers: small ones get one tick per unit.
    const int problems = int(std::ceil(maxProblems));
    if (problems <= 10) {
        m_errorY->setRange(0, std::max(1, problems));
        m_errorY->setTickCount(std::max(1, problems) + 1);
    } else {
        m_errorY->setRange(0, maxProblems * 1.1);
        m_errorY->applyNiceNumbers();
    }

    QList<double> rates;
    for (const TrendsModel::Point &p : points)
        rates.append(p.recordsPerSecond);
    std::sort(rates.begin(), rates.end());
    const double median = rates.at(rates.size() / 2);
    m_summary->setText(tr("%n run(s) since %1; median %2 records/s; %3 failed.", nullptr, int(points.size()))
                           .arg(DisplayText::time(points.first().finished.toString(Qt::ISODateWithMs)),
                                locale.toString(median, 'f', median < 10 ? 1 : 0), locale.toString(failed)));
}

void TrendsView::applyPalette()
{
    // The charts' own themes are fixed colour sets: the palette decides which one, and the
    // backgrounds and text are the palette's, so light and dark both read.
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    for (QChart *chart : {m_rateChart, m_lagChart, m_errorChart}) {
        chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setBackgroundBrush(pal.brush(QPalette::Base));
        chart->setTitleBrush(pal.brush(QPalette::Text));
        chart->legend()->setLabelColor(pal.color(QPalette::Text));
        for (QAbstractAxis *axis : chart->axes()) {
            axis->setLabelsColor(pal.color(QPalette::Text));
            axis->setTitleBrush(pal.brush(QPalette::Text));
            axis->setGridLineColor(pal.color(QPalette::Mid));
        }
    }
    if (m_failed)
        m_failed->setColor(StatusColors::foreground(StatusColors::Status::Error, pal));
}

void TrendsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

} // namespace Tributary::Gui

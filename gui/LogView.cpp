#include "LogView.h"

#include "RecordTable.h"

#include "LogModel.h"
#include "Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Tributary::Gui {

LogView::LogView(Workspace *workspace, QWidget *parent, LogModel *model)
    : QWidget(parent), m_workspace(workspace), m_model(model), m_filter(new LogFilterModel(this))
{
    setObjectName(QStringLiteral("logView"));
    if (!m_model) {
        LogModel::installLogHandler();
        m_model = LogModel::instance();
    }
    m_filter->setSourceModel(m_model);
    m_filter->setMinimumSeverity(1);

    auto *root = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_levelCombo = new QComboBox(this);
    m_levelCombo->setObjectName(QStringLiteral("logLevelFilter"));
    m_levelCombo->addItem(tr("Everything, with debug"), 0);
    m_levelCombo->addItem(tr("Info and above"), 1);
    m_levelCombo->addItem(tr("Warnings and errors"), 2);
    m_levelCombo->addItem(tr("Errors only"), 3);
    m_levelCombo->setCurrentIndex(1);
    m_sourceCombo = new QComboBox(this);
    m_sourceCombo->setObjectName(QStringLiteral("logSourceFilter"));
    m_sourceCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_textEdit = new QLineEdit(this);
    m_textEdit->setObjectName(QStringLiteral("logTextFilter"));
    m_textEdit->setPlaceholderText(tr("Search the messages"));
    m_textEdit->setClearButtonEnabled(true);
    m_follow = new QCheckBox(tr("Follow"), this);
    m_follow->setObjectName(QStringLiteral("logFollow"));
    m_follow->setToolTip(tr("Keep the newest entries in view"));
    m_follow->setChecked(true);
    auto *clear = new QPushButton(tr("Clear"), this);
    clear->setObjectName(QStringLiteral("logClear"));
    clear->setToolTip(tr("Forget the entries shown so far"));
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("logCount"));
    auto addLabelled = [&](const QString &text, QWidget *w) {
        auto *l = new QLabel(text, this);
        l->setBuddy(w);
        bar->addWidget(l);
        bar->addWidget(w);
    };
    addLabelled(tr("&Level:"), m_levelCombo);
    addLabelled(tr("&Source:"), m_sourceCombo);
    bar->addWidget(m_textEdit, 1);
    bar->addWidget(m_follow);
    bar->addWidget(clear);
    bar->addWidget(m_countLabel);
    root->addLayout(bar);

    m_stack = new QStackedWidget(this);
    m_table = new QTableView(m_stack);
    m_table->setObjectName(QStringLiteral("logTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed widths: measuring thousands of rows on every batch would cost more than the log.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_table->setColumnWidth(LogModel::TimeColumn, digit * 14);
    m_table->setColumnWidth(LogModel::LevelColumn, digit * 10);
    m_table->setColumnWidth(LogModel::CategoryColumn, digit * 28);
    m_stack->addWidget(m_table);
    m_emptyLabel = makeStateLabel(QString(), QStringLiteral("logEmptyState"), m_stack);
    m_stack->addWidget(m_emptyLabel);
    root->addWidget(m_stack, 1);

    connect(m_levelCombo, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { m_filter->setMinimumSeverity(m_levelCombo->currentData().toInt()); });
    connect(m_sourceCombo, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { m_filter->setSourceName(m_sourceCombo->currentData().toString()); });
    connect(m_textEdit, &QLineEdit::textChanged, m_filter, &LogFilterModel::setText);
    connect(clear, &QPushButton::clicked, m_model, &LogModel::clear);
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            scrollToNewest();
    });
    // Scrolling up to read stops following; back at the bottom, it follows again.
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        const QScrollBar *scroll = m_table->verticalScrollBar();
        if (scroll->isSliderDown() || m_table->underMouse())
            m_follow->setChecked(value == scroll->maximum());
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &LogView::updateState);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &LogView::updateState);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &LogView::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow->isChecked())
            QTimer::singleShot(0, this, &LogView::scrollToNewest);
    });

    if (m_workspace)
        connect(m_workspace, &Workspace::configChanged, this, &LogView::rebuildSourceChoices);
    rebuildSourceChoices();
    updateState();
}

LogView::~LogView() = default;

void LogView::rebuildSourceChoices()
{
    const QString current = m_sourceCombo->currentData().toString();
    const QSignalBlocker blocker(m_sourceCombo);
    m_sourceCombo->clear();
    m_sourceCombo->addItem(tr("All sources"), QString());
    if (m_workspace && m_workspace->isOpen()) {
        for (const SourceConfig &s : m_workspace->config().sources)
            m_sourceCombo->addItem(s.name, s.name);
    }
    m_sourceCombo->setCurrentIndex(qMax(0, m_sourceCombo->findData(current)));
    m_filter->setSourceName(m_sourceCombo->currentData().toString());
}

void LogView::setMinimumSeverity(int severity)
{
    const int index = m_levelCombo->findData(severity);
    if (index >= 0)
        m_levelCombo->setCurrentIndex(index);
}

void LogView::setSourceFilter(const QString &source)
{
    const int index = m_sourceCombo->findData(source);
    if (index >= 0)
        m_sourceCombo->setCurrentIndex(index);
}

void LogView::setTextFilter(const QString &text)
{
    m_textEdit->setText(text);
}

bool LogView::isFollowing() const
{
    return m_follow->isChecked();
}

void LogView::scrollToNewest()
{
    if (m_follow->isChecked())
        m_table->scrollToBottom();
}

void LogView::updateState()
{
    const int shown = m_filter->rowCount();
    const int all = m_model->rowCount();
    m_countLabel->setText(shown == all ? tr("%n entry(ies)", nullptr, all) : tr("%1 of %n entry(ies)", nullptr, all).arg(shown));
    if (shown > 0) {
        m_stack->setCurrentIndex(0);
        return;
    }
    m_stack->setCurrentIndex(1);
    if (all == 0)
        m_emptyLabel->setText(tr("Nothing logged yet.\nWhat the engine, the sources and the network report while this console "
                                 "runs appears here: runs starting and ending, pages, retries, records held back. Runs of "
                                 "tributaryd log to its own output."));
    else
        m_emptyLabel->setText(tr("No entry matches the filters.\n%n entry(ies) hidden by them.", nullptr, all));
}

QString LogView::emptyStateText() const
{
    return m_stack->currentIndex() == 1 ? m_emptyLabel->text() : QString();
}

} // namespace Tributary::Gui

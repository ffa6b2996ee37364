#include "RecordTable.h"

#include "DisplayText.h"
#include "StatusColors.h"
#include "Workspace.h"

#include "util/Error.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace Tributary::Gui {

QTableView *makeRecordTable(QAbstractItemModel *model, const QString &objectName, QAbstractItemView::SelectionMode mode,
                            QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(objectName);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(mode);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setSortingEnabled(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
    table->setWordWrap(false);
    return table;
}

QLabel *makeStateLabel(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    if (!objectName.isEmpty())
        label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

RecordPane::RecordPane(QTableView *table, const QString &stateObjectName, QWidget *parent) : QStackedWidget(parent), m_table(table)
{
    addWidget(m_table);
    auto *page = new QWidget(this);
    m_stateLayout = new QVBoxLayout(page);
    m_stateLayout->addStretch(1);
    m_label = makeStateLabel(QString(), stateObjectName, page);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Its WindowText in the error's colour, as the runs list shows a failed run; an empty state
    // shows in the placeholder's (the label's foreground role says which).
    StatusColors::setTextStatus(m_label, StatusColors::Status::Error);
    m_stateLayout->addWidget(m_label);
    m_stateLayout->addStretch(1);
    addWidget(page);
}

void RecordPane::addStateWidget(QWidget *widget, Qt::Alignment alignment)
{
    widget->setParent(m_label->parentWidget());
    m_stateLayout->insertWidget(m_stateLayout->count() - 1, widget, 0, alignment);
}

void RecordPane::showTable()
{
    m_readError = false;
    setCurrentIndex(0);
}

void RecordPane::showEmpty(const QString &text)
{
    m_readError = false;
    m_label->setForegroundRole(QPalette::PlaceholderText);
    m_label->setText(text);
    m_label->setToolTip(QString());
    setCurrentIndex(1);
}

void RecordPane::showReadError(const QString &sentence, const Error &error)
{
    m_readError = true;
    m_label->setForegroundRole(QPalette::WindowText);
    m_label->setText(sentence.arg(DisplayText::error(error)));
    m_label->setToolTip(error.toString());
    setCurrentIndex(1);
}

bool RecordPane::showFailure(const Workspace *workspace, const Error &readError, const QString &cannotOpen, const QString &cannotRead)
{
    if (workspace && workspace->isOpen() && !workspace->database()) {
        showReadError(cannotOpen, workspace->databaseError());
        return true;
    }
    if (readError) {
        showReadError(cannotRead, readError);
        return true;
    }
    return false;
}

QString RecordPane::stateText() const
{
    return isTableShown() ? QString() : m_label->text();
}

} // namespace Tributary::Gui

#include "SourceChoices.h"

#include "Workspace.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QLabel>
#include <QCoreApplication>
#include <QSignalBlocker>

namespace Tributary::Gui {

void fillSourceChoices(QComboBox *combo, const Workspace *workspace, const QStringList &stateSources)
{
    const QString current = combo->currentData().toString();
    QStringList sources;
    if (workspace && workspace->isOpen()) {
        for (const SourceConfig &s : workspace->config().sources)
            sources.append(s.name);
    }
    const qsizetype configured = sources.size();
    for (const QString &s : stateSources) {
        if (!sources.contains(s))
            sources.append(s);
    }
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(QCoreApplication::translate("SourceChoices", "All sources"), QString());
    for (qsizetype i = 0; i < sources.size(); ++i)
        combo->addItem(i < configured ? sources.at(i)
                                      : QCoreApplication::translate("SourceChoices", "%1 (not in the configuration)").arg(sources.at(i)),
                       sources.at(i));
    combo->setCurrentIndex(qMax(0, combo->findData(current)));
}

QComboBox *addSourceFilter(QBoxLayout *bar, const QString &objectName, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *label = new QLabel(QCoreApplication::translate("SourceChoices", "&Source:"), parent);
    label->setBuddy(combo);
    bar->addWidget(label);
    bar->addWidget(combo);
    return combo;
}

void selectSourceChoice(QComboBox *combo, const QString &source)
{
    const int index = combo->findData(source);
    if (index >= 0)
        combo->setCurrentIndex(index);
}

} // namespace Tributary::Gui

#include "SourceChoices.h"

#include "Workspace.h"
#include "store/Database.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QSignalBlocker>
#include <QSqlQuery>

namespace Tributary::Gui {

void fillSourceChoices(QComboBox *combo, const Workspace *workspace, const QString &stateTable)
{
    const QString current = combo->currentData().toString();
    QStringList sources;
    if (workspace && workspace->isOpen()) {
        for (const SourceConfig &s : workspace->config().sources)
            sources.append(s.name);
    }
    const qsizetype configured = sources.size();
    if (Database *db = workspace ? workspace->database() : nullptr) {
        QSqlQuery q;
        Error e;
        // stateTable is one of Tributary's own table names, never user input.
        if (db->prepare(q, QStringLiteral("SELECT DISTINCT source FROM %1 ORDER BY source").arg(stateTable), &e) && db->exec(q, &e)) {
            while (q.next()) {
                if (!sources.contains(q.value(0).toString()))
                    sources.append(q.value(0).toString());
            }
        }
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

} // namespace Tributary::Gui

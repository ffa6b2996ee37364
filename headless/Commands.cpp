#include "Commands.h"

#include "Tr.h"

namespace Tributary::Cli {

QList<Command> commands()
{
    // Each summary is one line of 'tributaryd --help', after the command's name and synopsis; a
    // translation may break a long one into more lines, which usage() indents to the column.
    return {
        {QStringLiteral("init"), QString(),
         //: A line of 'tributaryd --help' (a line break continues it below): what init does.
         Tr::tr("write a configuration for a source from a preset"), initCommand},
        {QStringLiteral("probe"), QString(),
         //: A line of 'tributaryd --help' (a line break continues it below): what probe does.
         Tr::tr("test an API's behaviour against the configuration: one verdict per check, with the fix"), probeCommand},
        {QStringLiteral("sync"), QString(),
         //: A line of 'tributaryd --help' (a line break continues it below): what sync does. Keep the option name.
         Tr::tr("run an incremental (or --full) sync of the configured sources"), syncCommand},
        {QStringLiteral("serve"), QString(),
         //: A line of 'tributaryd --help' (a line break continues it below): what serve does. Keep the paths.
         Tr::tr("run as a service: scheduled syncs and reconciliations, webhooks, /healthz and /metrics"), serveCommand},
        {QStringLiteral("reconcile"), QString(),
         //: A line of 'tributaryd --help' (a line break continues it below): what reconcile does.
         Tr::tr("find deletes (and what polling missed) by scanning every id; delete only after a complete scan"), reconcileCommand},
        {QStringLiteral("status"), QString(),
         //: A line of 'tributaryd --help' (a line break continues it below): what status does.
         Tr::tr("show cursors, last runs and counts per source and entity"), statusCommand},
        {QStringLiteral("verify"), QString(),
         //: A line of 'tributaryd --help' (a line break continues it below): what verify does.
         Tr::tr("compare every source with the main database; exit 0 only when in sync"), verifyCommand},
        {QStringLiteral("conflicts"), QStringLiteral("list|show ID|resolve"),
         //: A line of 'tributaryd --help' (a line break continues it below): what conflicts does.
         Tr::tr("the fields both sides changed, and deletes that met an edit, with base, local and remote"), conflictsCommand},
        {QStringLiteral("history"), QStringLiteral("TABLE ID"),
         //: A line of 'tributaryd --help' (a line break continues it below): what history (one row's change log) shows.
         Tr::tr("every change Tributary made to one row: which source or person, when, what values"), historyCommand},
        {QStringLiteral("quarantine"), QStringLiteral("list|retry"),
         //: A line of 'tributaryd --help' (a line break continues it below): what quarantine does.
         Tr::tr("show the records held back with their reasons, or fetch and apply them again"), quarantineCommand},
        {QStringLiteral("outbox"), QStringLiteral("list|retry|drop"),
         //: A line of 'tributaryd --help' (a line break continues it below): what outbox (write-back's queue) does.
         Tr::tr("the main database's changes waiting to be pushed to their sources; retry or drop them"), outboxCommand},
        {QStringLiteral("cursor"), QStringLiteral("show|set|reset"),
         //: A line of 'tributaryd --help' (a line break continues it below): what cursor does.
         Tr::tr("show where each entity's walks stand; set or reset a cursor by hand"), cursorCommand},
        {QStringLiteral("source"), QStringLiteral("list|detach NAME|purge NAME"),
         //: A line of 'tributaryd --help' (a line break continues it below): what source does.
         Tr::tr("the sources the main database holds rows of; forget a removed source's links, or delete the rows only it brought"),
         sourceCommand},
        {QStringLiteral("demo"), QString(),
         //: A line of 'tributaryd --help' (a line break continues it below): what demo does. Keep forum-sim.
         Tr::tr("make a demo forum, serve it with forum-sim, sync and verify it"), demoCommand},
        {QStringLiteral("bench"), QString(),
         //: A line of 'tributaryd --help' (a line break continues it below): what bench does.
         Tr::tr("measure sync speed and memory against a generated forum"), benchCommand},
    };
}

} // namespace Tributary::Cli

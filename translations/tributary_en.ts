<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>DisplayText</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationTracker</name>
    <message numerus="yes">
        <source>%1: %n new conflict(s) wait for a decision.</source>
        <translation>
            <numerusform>%1: %n new conflict waits for a decision.</numerusform>
            <numerusform>%1: %n new conflicts wait for a decision.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::ConflictInspector</name>
    <message numerus="yes">
        <source>%n conflict(s) listed</source>
        <translation>
            <numerusform>%n conflict listed</numerusform>
            <numerusform>%n conflicts listed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open conflict(s)</source>
        <translation>
            <numerusform>%n open conflict</numerusform>
            <numerusform>%n open conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open conflict(s) in all.</source>
        <translation>
            <numerusform>%n open conflict in all.</numerusform>
            <numerusform>%n open conflicts in all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) selected</source>
        <translation>
            <numerusform>%n conflict selected</numerusform>
            <numerusform>%n conflicts selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) selected, %1 of them open</source>
        <translation>
            <numerusform>%n conflict selected, %1 open</numerusform>
            <numerusform>%n conflicts selected, %1 of them open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other field(s) are as the source last sent them.</source>
        <translation>
            <numerusform>%n other field is as the source last sent it.</numerusform>
            <numerusform>%n other fields are as the source last sent them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) resolved by keeping the main database&apos;s side.</source>
        <translation>
            <numerusform>%n conflict resolved by keeping the main database&apos;s side.</numerusform>
            <numerusform>%n conflicts resolved by keeping the main database&apos;s side.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) resolved by taking the source&apos;s side.</source>
        <translation>
            <numerusform>%n conflict resolved by taking the source&apos;s side.</numerusform>
            <numerusform>%n conflicts resolved by taking the source&apos;s side.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused, nothing written for them; they stay open:</source>
        <translation>
            <numerusform>%n refused, nothing written for it; it stays open:</numerusform>
            <numerusform>%n refused, nothing written for them; they stay open:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::ConnectionTestDialog</name>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>after %n failed attempt(s)</source>
        <translation>
            <numerusform>after %n failed attempt</numerusform>
            <numerusform>after %n failed attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — FAIL: %n check(s) failed</source>
        <translation>
            <numerusform>%1 — FAIL: %n check failed</numerusform>
            <numerusform>%1 — FAIL: %n checks failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — no check failed, %n could not tell</source>
        <translation>
            <numerusform>%1 — no check failed, %n could not tell</numerusform>
            <numerusform>%1 — no check failed, %n could not tell</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>FAILED: %n check(s) failed (%1). A sync with this configuration can miss records or write wrong values; the fix is next to each check.</source>
        <translation>
            <numerusform>FAILED: %n check failed (%1). A sync with this configuration can miss records or write wrong values; the fix is next to each check.</numerusform>
            <numerusform>FAILED: %n checks failed (%1). A sync with this configuration can miss records or write wrong values; the fix is next to each check.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped before the end: %n entit(ies) not tested.</source>
        <translation>
            <numerusform>Stopped before the end: %n entity not tested.</numerusform>
            <numerusform>Stopped before the end: %n entities not tested.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The test did not finish: %1. %n entit(ies) not tested.</source>
        <translation>
            <numerusform>The test did not finish: %1. %n entity not tested.</numerusform>
            <numerusform>The test did not finish: %1. %n entities not tested.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected. No check failed, but %n could not tell: read why before trusting a sync.</source>
        <translation>
            <numerusform>Connected. No check failed, but %n could not tell: read why before trusting a sync.</numerusform>
            <numerusform>Connected. No check failed, but %n could not tell: read why before trusting a sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of the first pages cannot be mapped: a sync would quarantine them.</source>
        <translation>
            <numerusform>%n record of the first pages cannot be mapped: a sync would quarantine it.</numerusform>
            <numerusform>%n records of the first pages cannot be mapped: a sync would quarantine them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n on the first page)</source>
        <translation>
            <numerusform>(%n on the first page)</numerusform>
            <numerusform>(%n on the first page)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>not reported by the source (%n on the first page)</source>
        <translation>
            <numerusform>not reported by the source (%n on the first page)</numerusform>
            <numerusform>not reported by the source (%n on the first page)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) on the first page cannot be mapped: the problem is shown in the column the field fills. A sync would quarantine them and apply the rest.</source>
        <translation>
            <numerusform>%n record on the first page cannot be mapped: the problem is shown in the column the field fills. A sync would quarantine it and apply the rest.</numerusform>
            <numerusform>%n records on the first page cannot be mapped: the problem is shown in the column the field fills. A sync would quarantine them and apply the rest.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::EditorForm</name>
    <message numerus="yes">
        <source>every %Ln day(s)</source>
        <translation>
            <numerusform>every %Ln day</numerusform>
            <numerusform>every %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %Ln hour(s)</source>
        <translation>
            <numerusform>every %Ln hour</numerusform>
            <numerusform>every %Ln hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %Ln minute(s)</source>
        <translation>
            <numerusform>every %Ln minute</numerusform>
            <numerusform>every %Ln minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %Ln second(s)</source>
        <translation>
            <numerusform>every %Ln second</numerusform>
            <numerusform>every %Ln seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::LogView</name>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n entry(ies)</source>
        <translation>
            <numerusform>%1 of %n entry</numerusform>
            <numerusform>%1 of %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No entry matches the filters.
%n entry(ies) hidden by them.</source>
        <translation>
            <numerusform>No entry matches the filters.
%n entry hidden by them.</numerusform>
            <numerusform>No entry matches the filters.
%n entries hidden by them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::MainWindow</name>
    <message numerus="yes">
        <source>%n conflict(s) wait for a decision</source>
        <translation>
            <numerusform>%n conflict waits for a decision</numerusform>
            <numerusform>%n conflicts wait for a decision</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) of the main database wait to be pushed</source>
        <translation>
            <numerusform>%n change of the main database waits to be pushed</numerusform>
            <numerusform>%n changes of the main database wait to be pushed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::NewConfigDialog</name>
    <message numerus="yes">
        <source>The database opened: %n table(s) of the application (%1).</source>
        <translation>
            <numerusform>The database opened: %n table of the application (%1).</numerusform>
            <numerusform>The database opened: %n tables of the application (%1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::OutboxView</name>
    <message numerus="yes">
        <source>%n change(s) waiting to be pushed</source>
        <translation>
            <numerusform>%n change waiting to be pushed</numerusform>
            <numerusform>%n changes waiting to be pushed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) dropped: they will not be pushed.</source>
        <translation>
            <numerusform>%n change dropped: it will not be pushed.</numerusform>
            <numerusform>%n changes dropped: they will not be pushed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) due again: the next sync of their source pushes them.</source>
        <translation>
            <numerusform>%n change due again: the next sync of its source pushes it.</numerusform>
            <numerusform>%n changes due again: the next sync of their source pushes them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drop %n change(s)?</source>
        <translation>
            <numerusform>Drop %n change?</numerusform>
            <numerusform>Drop %n changes?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them are creates in doubt (sent without an answer): if the source made their records, the next sync imports those records as rows of their own, beside the ones here.</source>
        <translation>
            <numerusform>%n of them is a create in doubt (sent without an answer): if the source made its record, the next sync imports that record as a row of its own, beside the one here.</numerusform>
            <numerusform>%n of them are creates in doubt (sent without an answer): if the source made their records, the next sync imports those records as rows of their own, beside the ones here.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::QuarantineView</name>
    <message numerus="yes">
        <source>%n record(s) in quarantine</source>
        <translation>
            <numerusform>%n record in quarantine</numerusform>
            <numerusform>%n records in quarantine</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1
Tried %n time(s) since %2; last on %3.</source>
        <translation>
            <numerusform>%1
Tried %n time since %2; last on %3.</numerusform>
            <numerusform>%1
Tried %n times since %2; last on %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n record(s) of %1; they leave this list when they apply.</source>
        <translation>
            <numerusform>Retrying %n record of %1; it leaves this list when it applies.</numerusform>
            <numerusform>Retrying %n records of %1; they leave this list when they apply.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::RecordHitsModel</name>
    <message numerus="yes">
        <source>(+%n other link(s))</source>
        <translation>
            <numerusform>(+%n other link)</numerusform>
            <numerusform>(+%n other links)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::RecordsView</name>
    <message numerus="yes">
        <source>%n record(s) match: pick one.</source>
        <translation>
            <numerusform>%n record matches: pick it.</numerusform>
            <numerusform>%n records match: pick one.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Linked to %n source record(s): %1.</source>
        <translation>
            <numerusform>Linked to %n source record: %1.</numerusform>
            <numerusform>Linked to %n source records: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) wait for a decision (Conflicts tab of the console).</source>
        <translation>
            <numerusform>%n conflict waits for a decision (Conflicts tab of the console).</numerusform>
            <numerusform>%n conflicts wait for a decision (Conflicts tab of the console).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s), all decided.</source>
        <translation>
            <numerusform>%n conflict, decided.</numerusform>
            <numerusform>%n conflicts, all decided.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::RestEditorPages</name>
    <message numerus="yes">
        <source>valid for %n second(s)</source>
        <translation>
            <numerusform>valid for %n second</numerusform>
            <numerusform>valid for %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::RunsModel</name>
    <message numerus="yes">
        <source>%Ln row(s) inserted</source>
        <translation>
            <numerusform>%Ln row inserted</numerusform>
            <numerusform>%Ln rows inserted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln updated</numerusform>
            <numerusform>%Ln updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln linked to existing rows</source>
        <translation>
            <numerusform>%Ln linked to an existing row</numerusform>
            <numerusform>%Ln linked to existing rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted</source>
        <translation>
            <numerusform>%Ln deleted</numerusform>
            <numerusform>%Ln deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln restored</source>
        <translation>
            <numerusform>%Ln restored</numerusform>
            <numerusform>%Ln restored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It wrote nothing (%Ln record(s) read, none changed).</source>
        <translation>
            <numerusform>It wrote nothing (%Ln record read, not changed).</numerusform>
            <numerusform>It wrote nothing (%Ln records read, none changed).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict(s) wait for a decision (Conflicts tab); those rows keep their values until then.</source>
        <translation>
            <numerusform>%Ln conflict waits for a decision (Conflicts tab); that row keeps its values until then.</numerusform>
            <numerusform>%Ln conflicts wait for a decision (Conflicts tab); those rows keep their values until then.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) were put in quarantine (Quarantine tab).</source>
        <translation>
            <numerusform>%Ln record was put in quarantine (Quarantine tab).</numerusform>
            <numerusform>%Ln records were put in quarantine (Quarantine tab).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) wait for a record they reference.</source>
        <translation>
            <numerusform>%Ln record waits for a record it references.</numerusform>
            <numerusform>%Ln records wait for a record they reference.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::RunsView</name>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::ServiceView</name>
    <message numerus="yes">
        <source>%n tributaryd serve worker(s) alive on this main database; each source is run by one worker at a time.</source>
        <translation>
            <numerusform>%n tributaryd serve worker alive on this main database; each source is run by one worker at a time.</numerusform>
            <numerusform>%n tributaryd serve workers alive on this main database; each source is run by one worker at a time.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::SourceAdminDialog</name>
    <message numerus="yes">
        <source>%Ln link(s)</source>
        <translation>
            <numerusform>%Ln link</numerusform>
            <numerusform>%Ln links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cursor(s)</source>
        <translation>
            <numerusform>%Ln cursor</numerusform>
            <numerusform>%Ln cursors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln pending record(s)</source>
        <translation>
            <numerusform>%Ln pending record</numerusform>
            <numerusform>%Ln pending records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln quarantined record(s)</source>
        <translation>
            <numerusform>%Ln quarantined record</numerusform>
            <numerusform>%Ln quarantined records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open conflict(s) resolved as &apos;detached&apos;</source>
        <translation>
            <numerusform>%Ln open conflict resolved as &apos;detached&apos;</numerusform>
            <numerusform>%Ln open conflicts resolved as &apos;detached&apos;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; is no longer in the configuration: its %Ln linked row(s) stay in place in the main database until it is detached or purged.</source>
        <translation>
            <numerusform>&quot;%1&quot; is no longer in the configuration: its %Ln linked row stays in place in the main database until it is detached or purged.</numerusform>
            <numerusform>&quot;%1&quot; is no longer in the configuration: its %Ln linked rows stay in place in the main database until it is detached or purged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; is in the configuration but disabled: no sync runs it. %Ln row(s) are linked to it.</source>
        <translation>
            <numerusform>&quot;%1&quot; is in the configuration but disabled: no sync runs it. %Ln row is linked to it.</numerusform>
            <numerusform>&quot;%1&quot; is in the configuration but disabled: no sync runs it. %Ln rows are linked to it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>delete %Ln row(s) only this source brought (children first), each written to the change log with its values;</source>
        <translation>
            <numerusform>delete %Ln row only this source brought (children first), each written to the change log with its values;</numerusform>
            <numerusform>delete %Ln rows only this source brought (children first), each written to the change log with its values;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln adopted row(s)</source>
        <translation>
            <numerusform>%Ln adopted row</numerusform>
            <numerusform>%Ln adopted rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::SourceEditor</name>
    <message numerus="yes">
        <source>%n problem(s) to fix before saving; each is shown next to its field.</source>
        <translation>
            <numerusform>%n problem to fix before saving; it is shown next to its field.</numerusform>
            <numerusform>%n problems to fix before saving; each is shown next to its field.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::SourceOperations</name>
    <message numerus="yes">
        <source>%1: %n cursor(s) reset</source>
        <translation>
            <numerusform>%1: %n cursor reset</numerusform>
            <numerusform>%1: %n cursors reset</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::SourcesModel</name>
    <message numerus="yes">
        <source>%n conflict(s) waiting</source>
        <translation>
            <numerusform>%n conflict waiting</numerusform>
            <numerusform>%n conflicts waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n quarantined</source>
        <translation>
            <numerusform>%n quarantined</numerusform>
            <numerusform>%n quarantined</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::TrendsView</name>
    <message numerus="yes">
        <source>%n run(s) since %1; median %2 records/s; %3 failed.</source>
        <translation>
            <numerusform>%n run since %1; median %2 records/s; %3 failed.</numerusform>
            <numerusform>%n runs since %1; median %2 records/s; %3 failed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::VerifyDialog</name>
    <message numerus="yes">
        <source>NOT CHECKED: %n check(s) could not run (&quot;not checked&quot; below). Every check that ran passed; what was not checked is only as sure as the walk.</source>
        <translation>
            <numerusform>NOT CHECKED: %n check could not run (&quot;not checked&quot; below). Every check that ran passed; what was not checked is only as sure as the walk.</numerusform>
            <numerusform>NOT CHECKED: %n checks could not run (&quot;not checked&quot; below). Every check that ran passed; what was not checked is only as sure as the walk.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed</source>
        <translation>
            <numerusform>%n check failed</numerusform>
            <numerusform>%n checks failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Before start: %Ln record(s) changed before the source&apos;s start (sources.%1.start) and are not imported, by configuration; they are not counted as missing.</source>
        <translation>
            <numerusform>Before start: %Ln record changed before the source&apos;s start (sources.%1.start) and is not imported, by configuration; it is not counted as missing.</numerusform>
            <numerusform>Before start: %Ln records changed before the source&apos;s start (sources.%1.start) and are not imported, by configuration; they are not counted as missing.</numerusform>
        </translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Tributary</name>
    <message numerus="yes">
        <source>%1: the field &quot;%2&quot; that the source&apos;s change filter sorts and filters on is in none of the %3 record(s) of the page; check the source&apos;s incremental field (the records have: %4)</source>
        <translation>
            <numerusform>%1: the field &quot;%2&quot; that the source&apos;s change filter sorts and filters on is not in the %3 record of the page; check the source&apos;s incremental field (the record has: %4)</numerusform>
            <numerusform>%1: the field &quot;%2&quot; that the source&apos;s change filter sorts and filters on is in none of the %3 records of the page; check the source&apos;s incremental field (the records have: %4)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1.%2: the field &quot;%3&quot; is in none of the %4 record(s) of the page; correct the field name, or declare the column &quot;optional&quot;: true if the source leaves it out (the records have: %5)</source>
        <translation>
            <numerusform>%1.%2: the field &quot;%3&quot; is not in the %4 record of the page; correct the field name, or declare the column &quot;optional&quot;: true if the source leaves it out (the record has: %5)</numerusform>
            <numerusform>%1.%2: the field &quot;%3&quot; is in none of the %4 records of the page; correct the field name, or declare the column &quot;optional&quot;: true if the source leaves it out (the records have: %5)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tributaryd</name>
    <message numerus="yes">
        <source>(%1 attempt(s), since %2)</source>
        <translation>
            <numerusform>(%1 attempt, since %2)</numerusform>
            <numerusform>(%1 attempts, since %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 record(s) in quarantine (%2 shown; --limit 0 for all).</source>
        <translation>
            <numerusform>%1 record in quarantine (%2 shown; --limit 0 for all).</numerusform>
            <numerusform>%1 records in quarantine (%2 shown; --limit 0 for all).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 record(s) in quarantine.</source>
        <translation>
            <numerusform>%1 record in quarantine.</numerusform>
            <numerusform>%1 records in quarantine.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 conflict(s).</source>
        <translation>
            <numerusform>%1 conflict.</numerusform>
            <numerusform>%1 conflicts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 open conflict(s). Details: tributaryd conflicts show ID</source>
        <translation>
            <numerusform>%1 open conflict. Details: tributaryd conflicts show ID</numerusform>
            <numerusform>%1 open conflicts. Details: tributaryd conflicts show ID</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 other field(s) are as the source last sent them.</source>
        <translation>
            <numerusform>%1 other field is as the source last sent it.</numerusform>
            <numerusform>%1 other fields are as the source last sent them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolved %1 conflict(s) (%2, by %3).</source>
        <translation>
            <numerusform>Resolved %1 conflict (%2, by %3).</numerusform>
            <numerusform>Resolved %1 conflicts (%2, by %3).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 refused; they stay open.</source>
        <translation>
            <numerusform>%1 refused; it stays open.</numerusform>
            <numerusform>%1 refused; they stay open.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>source &quot;%1&quot; is no longer in the configuration: its %2 linked row(s) stay(s) in place in the main database; &apos;tributaryd source detach %1&apos; forgets its links, &apos;tributaryd source purge %1&apos; deletes the rows only it brought.</source>
        <translation>
            <numerusform>source &quot;%1&quot; is no longer in the configuration: its %2 linked row stays in place in the main database; &apos;tributaryd source detach %1&apos; forgets its links, &apos;tributaryd source purge %1&apos; deletes the rows only it brought.</numerusform>
            <numerusform>source &quot;%1&quot; is no longer in the configuration: its %2 linked rows stay in place in the main database; &apos;tributaryd source detach %1&apos; forgets its links, &apos;tributaryd source purge %1&apos; deletes the rows only it brought.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 record(s) changed on both sides wait(s) for a person (the other fields were applied); see: tributaryd conflicts list.</source>
        <translation>
            <numerusform>%1 record changed on both sides waits for a person (the other fields were applied); see: tributaryd conflicts list.</numerusform>
            <numerusform>%1 records changed on both sides wait for a person (the other fields were applied); see: tributaryd conflicts list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 request(s) retried after transient failures.</source>
        <translation>
            <numerusform>%1 request was retried after transient failures.</numerusform>
            <numerusform>%1 requests were retried after transient failures.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 row(s) deleted (records gone at the source), %2 restored (records back).</source>
        <translation>
            <numerusform>%1 row deleted (records gone at the source), %2 restored (records back).</numerusform>
            <numerusform>%1 rows deleted (records gone at the source), %2 restored (records back).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 record(s) still wait(s) for a referenced record; the next run retries them.</source>
        <translation>
            <numerusform>%1 record still waits for a referenced record; the next run retries it.</numerusform>
            <numerusform>%1 records still wait for a referenced record; the next run retries them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 record(s) quarantined; see: tributaryd quarantine list.</source>
        <translation>
            <numerusform>%1 record was quarantined; see: tributaryd quarantine list.</numerusform>
            <numerusform>%1 records were quarantined; see: tributaryd quarantine list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 deleted row(s) would be restored (records back at the source).</source>
        <translation>
            <numerusform>%1 deleted row would be restored (record back at the source).</numerusform>
            <numerusform>%1 deleted rows would be restored (records back at the source).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 record(s) would wait for a referenced record.</source>
        <translation>
            <numerusform>%1 record would wait for a referenced record.</numerusform>
            <numerusform>%1 records would wait for a referenced record.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 record(s) would be quarantined.</source>
        <translation>
            <numerusform>%1 record would be quarantined.</numerusform>
            <numerusform>%1 records would be quarantined.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 conflict(s) would wait for a person (a field changed on both sides, or a delete that meets a local edit).</source>
        <translation>
            <numerusform>%1 conflict would wait for a person (a field changed on both sides, or a delete that meets a local edit).</numerusform>
            <numerusform>%1 conflicts would wait for a person (a field changed on both sides, or a delete that meets a local edit).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 link(s)</source>
        <translation>
            <numerusform>%1 link</numerusform>
            <numerusform>%1 links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 cursor(s)</source>
        <translation>
            <numerusform>%1 cursor</numerusform>
            <numerusform>%1 cursors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 pending record(s)</source>
        <translation>
            <numerusform>%1 pending record</numerusform>
            <numerusform>%1 pending records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 quarantined record(s)</source>
        <translation>
            <numerusform>%1 quarantined record</numerusform>
            <numerusform>%1 quarantined records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 open conflict(s) resolved as &apos;detached&apos;</source>
        <translation>
            <numerusform>%1 open conflict resolved as &apos;detached&apos;</numerusform>
            <numerusform>%1 open conflicts resolved as &apos;detached&apos;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>delete %1 row(s) only this source brought (children first), each written to the change log with its values;</source>
        <translation>
            <numerusform>delete %1 row only this source brought (children first), each written to the change log with its values;</numerusform>
            <numerusform>delete %1 rows only this source brought (children first), each written to the change log with its values;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 row(s)</source>
        <translation>
            <numerusform>%1 row</numerusform>
            <numerusform>%1 rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 adopted row(s)</source>
        <translation>
            <numerusform>%1 adopted row</numerusform>
            <numerusform>%1 adopted rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 record(s)  %2/s  %3</source>
        <extracomment>Progress of one entity: records fetched so far, records per second, time.</extracomment>
        <translation>
            <numerusform>%1 record  %2/s  %3</numerusform>
            <numerusform>%1 records  %2/s  %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 edit(s) through the forum&apos;s API, %2 to %3 ms apart; each watched in the main database every %4 ms</source>
        <extracomment>%1: the number of edits; %2 to %3: milliseconds between two edits; %4: milliseconds between two looks.</extracomment>
        <translation>
            <numerusform>%1 edit through the forum&apos;s API, %2 to %3 ms apart; watched in the main database every %4 ms</numerusform>
            <numerusform>%1 edits through the forum&apos;s API, %2 to %3 ms apart; each watched in the main database every %4 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Webhook latency: from the forum&apos;s answer to an edit until the main database shows it (ms), %1 edit(s) per phase</source>
        <translation>
            <numerusform>Webhook latency: from the forum&apos;s answer to an edit until the main database shows it (ms), %1 edit per phase</numerusform>
            <numerusform>Webhook latency: from the forum&apos;s answer to an edit until the main database shows it (ms), %1 edits per phase</numerusform>
        </translation>
    </message>
</context>
</TS>

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
    <message numerus="yes">
        <source>the server refused %1 record(s) per page (%2) and accepted %3</source>
        <translation>
            <numerusform>the server refused %1 record per page (%2) and accepted %3</numerusform>
            <numerusform>the server refused %1 records per page (%2) and accepted %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no page size is asked for; the server sent %1 record(s) on the first page</source>
        <translation>
            <numerusform>no page size is asked for; the server sent %1 record on the first page</numerusform>
            <numerusform>no page size is asked for; the server sent %1 records on the first page</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>asked for %1 record(s) per page, got %1</source>
        <translation>
            <numerusform>asked for %1 record per page, got %1</numerusform>
            <numerusform>asked for %1 records per page, got %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>asked for %1 record(s) per page with &quot;%2&quot;, got %3: the server does not read that parameter</source>
        <translation>
            <numerusform>asked for %1 record per page with &quot;%2&quot;, got %3: the server does not read that parameter</numerusform>
            <numerusform>asked for %1 records per page with &quot;%2&quot;, got %3: the server does not read that parameter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>asked for %1 record(s) per page, got %2 although there are more: the server caps pages at %2, and a page shorter than the page size can end a walk early</source>
        <translation>
            <numerusform>asked for %1 record per page, got %2 although there are more: the server caps pages at %2, and a page shorter than the page size can end a walk early</numerusform>
            <numerusform>asked for %1 records per page, got %2 although there are more: the server caps pages at %2, and a page shorter than the page size can end a walk early</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the first page holds the whole collection: %1 record(s), fewer than the %2 asked for</source>
        <translation>
            <numerusform>the first page holds the whole collection: %1 record, fewer than the %2 asked for</numerusform>
            <numerusform>the first page holds the whole collection: %1 records, fewer than the %2 asked for</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>got %1 record(s) of the %2 asked for and no further page: either the whole collection, or a limit of the server that the probe cannot see</source>
        <translation>
            <numerusform>got %1 record of the %2 asked for and no further page: either the whole collection, or a limit of the server that the probe cannot see</numerusform>
            <numerusform>got %1 records of the %2 asked for and no further page: either the whole collection, or a limit of the server that the probe cannot see</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>one page holds the whole collection (%1 record(s)): there is no second page to compare</source>
        <translation>
            <numerusform>one page holds the whole collection (%1 record): there is no second page to compare</numerusform>
            <numerusform>one page holds the whole collection (%1 records): there is no second page to compare</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the second page brings other records than the first (with %1 record(s) per page)</source>
        <translation>
            <numerusform>the second page brings other records than the first (with %1 record per page)</numerusform>
            <numerusform>the second page brings other records than the first (with %1 records per page)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the %1 record(s) of the full walk come sorted by id</source>
        <translation>
            <numerusform>the %1 record of the full walk comes sorted by id</numerusform>
            <numerusform>the %1 records of the full walk come sorted by id</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the %1 record(s) of the first page come sorted by %2, then id</source>
        <translation>
            <numerusform>the %1 record of the first page comes sorted by %2, then id</numerusform>
            <numerusform>the %1 records of the first page come sorted by %2, then id</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the %1 record(s) of the first page come sorted by %2</source>
        <translation>
            <numerusform>the %1 record of the first page comes sorted by %2</numerusform>
            <numerusform>the %1 records of the first page come sorted by %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>asked with %1 = %2 for what changed since, and %3 of the %4 record(s) came back older (%5): the server does not filter on that parameter</source>
        <translation>
            <numerusform>asked with %1 = %2 for what changed since, and %3 of the %4 record came back older (%5): the server does not filter on that parameter</numerusform>
            <numerusform>asked with %1 = %2 for what changed since, and %3 of the %4 records came back older (%5): the server does not filter on that parameter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>with %1 = %2, the %3 record(s) that came back are all as new or newer</source>
        <translation>
            <numerusform>with %1 = %2, the %3 record that came back is as new or newer</numerusform>
            <numerusform>with %1 = %2, the %3 records that came back are all as new or newer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the total says %1, a complete walk counted %2 record(s)</source>
        <translation>
            <numerusform>the total says %1, a complete walk counted %2 record</numerusform>
            <numerusform>the total says %1, a complete walk counted %2 records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the total says %1, but the pages read already hold %2 record(s)</source>
        <translation>
            <numerusform>the total says %1, but the pages read already hold %2 record</numerusform>
            <numerusform>the total says %1, but the pages read already hold %2 records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in none of the %1 record(s): %2. The records have: %3</source>
        <translation>
            <numerusform>not in the %1 record: %2. The record has: %3</numerusform>
            <numerusform>in none of the %1 records: %2. The records have: %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of the %2 record(s) have no id at &quot;%3&quot;. The records have: %4</source>
        <translation>
            <numerusform>%1 of the %2 record has no id at &quot;%3&quot;. The record has: %4</numerusform>
            <numerusform>%1 of the %2 records have no id at &quot;%3&quot;. The records have: %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 id(s) came more than once in one walk (%2 among them): pages overlap</source>
        <translation>
            <numerusform>%1 id came more than once in one walk (%2): pages overlap</numerusform>
            <numerusform>%1 ids came more than once in one walk (%2 among them): pages overlap</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>each of the %1 record(s) has an id of its own</source>
        <translation>
            <numerusform>the %1 record has an id of its own</numerusform>
            <numerusform>each of the %1 records has an id of its own</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>read the whole collection, %1 record(s), in one page as configured (%2), and again in %3 page(s) of %4 to see a second page</source>
        <extracomment>%1 records, %2 a URL, %3 pages, %4 records per page.</extracomment>
        <translation>
            <numerusform>read the whole collection, %1 record, in one page as configured (%2), and again in pages of %4 (pages read: %3) to see a second page</numerusform>
            <numerusform>read the whole collection, %1 records, in one page as configured (%2), and again in pages of %4 (pages read: %3) to see a second page</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>read %1 page(s) of a full walk, %2 record(s), from %3</source>
        <translation>
            <numerusform>read %2 record of a full walk (pages: %1) from %3</numerusform>
            <numerusform>read %2 records of a full walk (pages: %1) from %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the server sends at most %1 record(s) per page</source>
        <translation>
            <numerusform>the server sends at most %1 record per page</numerusform>
            <numerusform>the server sends at most %1 records per page</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the first page again with %1 record(s) per page, to see a second page</source>
        <extracomment>What the probe waits for; %1 is a number of records.</extracomment>
        <translation>
            <numerusform>the first page again with %1 record per page, to see a second page</numerusform>
            <numerusform>the first page again with %1 records per page, to see a second page</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the first page with %1 record(s) per page, as the server refused %2</source>
        <extracomment>What the probe waits for; %1 and %2 are numbers of records.</extracomment>
        <translation>
            <numerusform>the first page with %1 record per page, as the server refused %2</numerusform>
            <numerusform>the first page with %1 records per page, as the server refused %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>asked for %1 record(s) per page with &quot;%2&quot;, got %3: the server does not read that parameter (the whole collection fits in one page, so this only shows with a smaller page size)</source>
        <translation>
            <numerusform>asked for %1 record per page with &quot;%2&quot;, got %3: the server does not read that parameter (the whole collection fits in one page, so this only shows with a smaller page size)</numerusform>
            <numerusform>asked for %1 records per page with &quot;%2&quot;, got %3: the server does not read that parameter (the whole collection fits in one page, so this only shows with a smaller page size)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (after %n retries)</source>
        <translation>
            <numerusform> (after %n retry)</numerusform>
            <numerusform> (after %n retries)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>dropped %n outbox operation(s) of sources or tables that no longer write back</source>
        <translation>
            <numerusform>dropped %n outbox operation of sources or tables that no longer write back</numerusform>
            <numerusform>dropped %n outbox operations of sources or tables that no longer write back</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the record kept changing at the source (%n attempt(s))</source>
        <translation>
            <numerusform>the record kept changing at the source (%n attempt)</numerusform>
            <numerusform>the record kept changing at the source (%n attempts)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>source %1 was sent %n new row(s) and did not answer: %2. Nothing was read, so that they are not imported a second time; the next run sends them again with the same idempotency key first</source>
        <translation>
            <numerusform>source %1 was sent %n new row and did not answer: %2. Nothing was read, so that it is not imported a second time; the next run sends it again with the same idempotency key first</numerusform>
            <numerusform>source %1 was sent %n new rows and did not answer: %2. Nothing was read, so that they are not imported a second time; the next run sends them again with the same idempotency key first</numerusform>
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
    <message numerus="yes">
        <source>Detected %1 as entity %2 (%3 request(s)):</source>
        <translation>
            <numerusform>Detected %1 as entity %2 (%3 request):</numerusform>
            <numerusform>Detected %1 as entity %2 (%3 requests):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>before start: %1 record(s) changed before the source&apos;s start (sources.%2.start) and are not imported, by configuration; they are not counted as missing.</source>
        <translation>
            <numerusform>before start: %1 record changed before the source&apos;s start (sources.%2.start) and is not imported, by configuration; it is not counted as missing.</numerusform>
            <numerusform>before start: %1 records changed before the source&apos;s start (sources.%2.start) and are not imported, by configuration; they are not counted as missing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>NOT CHECKED: %1 check(s) could not run (&quot;not checked&quot; above). Every check that ran passed, so the exit status is 0; what was not checked is only as sure as the walk.</source>
        <translation>
            <numerusform>NOT CHECKED: %1 check could not run (&quot;not checked&quot; above). Every check that ran passed, so the exit status is 0; what was not checked is only as sure as the walk.</numerusform>
            <numerusform>NOT CHECKED: %1 checks could not run (&quot;not checked&quot; above). Every check that ran passed, so the exit status is 0; what was not checked is only as sure as the walk.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s): </source>
        <translation>
            <numerusform>%n worker: </numerusform>
            <numerusform>%n workers: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s): every source synced in %1</source>
        <extracomment>Progress of the workers benchmark: one round done.</extracomment>
        <translation>
            <numerusform>%n worker: every source synced in %1</numerusform>
            <numerusform>%n workers: every source synced in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 operation(s) due again; the next sync pushes them.</source>
        <translation>
            <numerusform>%1 operation due again; the next sync pushes it.</numerusform>
            <numerusform>%1 operations due again; the next sync pushes them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 operation(s) dropped.</source>
        <translation>
            <numerusform>%1 operation dropped.</numerusform>
            <numerusform>%1 operations dropped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>since %1, %2 attempt(s)</source>
        <translation>
            <numerusform>since %1, %2 attempt</numerusform>
            <numerusform>since %1, %2 attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 change(s) of the main database pushed to the source.</source>
        <translation>
            <numerusform>%1 change of the main database pushed to the source.</numerusform>
            <numerusform>%1 changes of the main database pushed to the source.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 change(s) refused by the source; see: tributaryd outbox list --refused.</source>
        <translation>
            <numerusform>%1 change refused by the source; see: tributaryd outbox list --refused.</numerusform>
            <numerusform>%1 changes refused by the source; see: tributaryd outbox list --refused.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 change(s) of the main database refused by their source; see: tributaryd outbox list --refused.</source>
        <translation>
            <numerusform>%1 change of the main database refused by its source; see: tributaryd outbox list --refused.</numerusform>
            <numerusform>%1 changes of the main database refused by their sources; see: tributaryd outbox list --refused.</numerusform>
        </translation>
    </message>
</context>
</TS>

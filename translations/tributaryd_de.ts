<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Usage: %1</source>
        <translation>Aufruf: %1</translation>
    </message>
    <message>
        <source>[options]</source>
        <translation>[Optionen]</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Argumente:</translation>
    </message>
    <message>
        <source>Displays help on commandline options.</source>
        <translation>Zeigt Hilfe zu den Kommandozeilenoptionen an.</translation>
    </message>
    <message>
        <source>Displays help including Qt specific options.</source>
        <translation>Zeigt Hilfe einschließlich Qt-spezifischer Optionen an.</translation>
    </message>
    <message>
        <source>Displays version information.</source>
        <translation>Zeigt Versionsinformation an.</translation>
    </message>
    <message>
        <source>Unknown option &apos;%1&apos;.</source>
        <translation>Unbekannte Option &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Unknown options: %1.</source>
        <translation>Unbekannte Optionen: %1.</translation>
    </message>
    <message>
        <source>Missing value after &apos;%1&apos;.</source>
        <translation>Nach &apos;%1&apos; fehlt der Wert.</translation>
    </message>
    <message>
        <source>Unexpected value after &apos;%1&apos;.</source>
        <translation>Unerwarteter Wert nach &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>Tributary</name>
    <message>
        <source>&quot;%1&quot; is not a plain SQL identifier (letters, digits, _)</source>
        <translation>&quot;%1&quot; ist kein einfacher SQL-Bezeichner (Buchstaben, Ziffern, _)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the table&apos;s key; the key is assigned locally</source>
        <translation>&quot;%1&quot; ist der Schlüssel der Tabelle; der Schlüssel wird lokal vergeben</translation>
    </message>
    <message>
        <source>column &quot;%1&quot; is mapped twice</source>
        <translation>Spalte &quot;%1&quot; ist doppelt zugeordnet</translation>
    </message>
    <message>
        <source>expected a field name or {&quot;field&quot;: ..., &quot;type&quot;: ...}</source>
        <translation>erwartet einen Feldnamen oder {&quot;field&quot;: ..., &quot;type&quot;: ...}</translation>
    </message>
    <message>
        <source>must name a mapped column (one of the keys of &quot;columns&quot;)</source>
        <translation>muss eine zugeordnete Spalte nennen (einen der Schlüssel von &quot;columns&quot;)</translation>
    </message>
    <message>
        <source>expected a string, number, boolean or null</source>
        <translation>erwartet eine Zeichenkette, eine Zahl, einen Wahrheitswert oder null</translation>
    </message>
    <message>
        <source>newest-wins needs &quot;updated_column&quot;</source>
        <translation>newest-wins braucht &quot;updated_column&quot;</translation>
    </message>
    <message>
        <source>must name a mapped column (a key of &quot;columns&quot; or &quot;references&quot;)</source>
        <translation>muss eine zugeordnete Spalte nennen (einen Schlüssel von &quot;columns&quot; oder &quot;references&quot;)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be one of &quot;columns&quot;, with &quot;type&quot;: &quot;timestamp&quot;</source>
        <translation>&quot;%1&quot; muss eine der &quot;columns&quot; sein, mit &quot;type&quot;: &quot;timestamp&quot;</translation>
    </message>
    <message>
        <source>use letters, digits, - and _ only</source>
        <translation>nur Buchstaben, Ziffern, - und _ verwenden</translation>
    </message>
    <message>
        <source>expected an ISO-8601 date and time, e.g. 2026-01-31T00:00:00Z</source>
        <translation>erwartet Datum und Uhrzeit nach ISO 8601, z. B. 2026-01-31T00:00:00Z</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>erwartet ein Objekt</translation>
    </message>
    <message>
        <source>entity &quot;%1&quot; is declared twice</source>
        <translation>Entität &quot;%1&quot; ist doppelt deklariert</translation>
    </message>
    <message>
        <source>no entity &quot;%1&quot; in this source</source>
        <translation>keine Entität &quot;%1&quot; in dieser Quelle</translation>
    </message>
    <message>
        <source>environment variable %1 is not set</source>
        <translation>Umgebungsvariable %1 ist nicht gesetzt</translation>
    </message>
    <message>
        <source>credentials file %1 is readable by other users; run: chmod 600 %1</source>
        <translation>Zugangsdatendatei %1 ist für andere Benutzer lesbar; ausführen: chmod 600 %1</translation>
    </message>
    <message>
        <source>credentials file %1 has no string key &quot;%2&quot;</source>
        <translation>Zugangsdatendatei %1 hat keinen Zeichenkettenschlüssel &quot;%2&quot;</translation>
    </message>
    <message>
        <source>no secret configured</source>
        <translation>kein Geheimnis konfiguriert</translation>
    </message>
    <message>
        <source>secrets are not stored in the configuration; use {&quot;env&quot;: &quot;VARIABLE&quot;} or {&quot;file&quot;: &quot;credentials.json&quot;, &quot;key&quot;: &quot;name&quot;}</source>
        <translation>Geheimnisse werden nicht in der Konfiguration gespeichert; {&quot;env&quot;: &quot;VARIABLE&quot;} oder {&quot;file&quot;: &quot;credentials.json&quot;, &quot;key&quot;: &quot;name&quot;} verwenden</translation>
    </message>
    <message>
        <source>give exactly one of &quot;env&quot; or &quot;file&quot;</source>
        <translation>genau eines von &quot;env&quot; oder &quot;file&quot; angeben</translation>
    </message>
    <message>
        <source>is required with &quot;file&quot;</source>
        <translation>ist mit &quot;file&quot; erforderlich</translation>
    </message>
    <message>
        <source>references form a cycle: %1</source>
        <translation>Verweise bilden einen Zyklus: %1</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1: not valid JSON at offset %2: %3</source>
        <translation>%1: kein gültiges JSON an Position %2: %3</translation>
    </message>
    <message>
        <source>%1: expected a JSON object at the top level</source>
        <translation>%1: erwartet ein JSON-Objekt auf oberster Ebene</translation>
    </message>
    <message>
        <source>sources.%1: a source with this name is declared twice</source>
        <translation>sources.%1: eine Quelle dieses Namens ist doppelt deklariert</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>erwartet true oder false, erhalten %1</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2; got %3</source>
        <translation>erwartet eine ganze Zahl von %1 bis %2; erhalten %3</translation>
    </message>
    <message>
        <source>expected a number from %1 to %2</source>
        <translation>erwartet eine Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation>erwartet ein Objekt, erhalten %1</translation>
    </message>
    <message>
        <source>expected an array, got %1</source>
        <translation>erwartet ein Array, erhalten %1</translation>
    </message>
    <message>
        <source>expected one of %1; got %2</source>
        <translation>erwartet eines von %1; erhalten %2</translation>
    </message>
    <message>
        <source>is required: {&quot;env&quot;: &quot;VARIABLE&quot;} or {&quot;file&quot;: &quot;credentials.json&quot;, &quot;key&quot;: &quot;name&quot;}</source>
        <translation>ist erforderlich: {&quot;env&quot;: &quot;VARIABLE&quot;} oder {&quot;file&quot;: &quot;credentials.json&quot;, &quot;key&quot;: &quot;name&quot;}</translation>
    </message>
    <message>
        <source>unknown key; expected one of %1</source>
        <translation>unbekannter Schlüssel; erwartet einen von %1</translation>
    </message>
    <message>
        <source>the main database refused the record: %1</source>
        <translation>die Hauptdatenbank hat den Datensatz abgelehnt: %1</translation>
    </message>
    <message>
        <source>%1: the insert returned no key</source>
        <translation>%1: das Einfügen hat keinen Schlüssel geliefert</translation>
    </message>
    <message>
        <source>%1 references %2, which waits for this record in turn (a cycle of references)</source>
        <translation>%1 verweist auf %2, der seinerseits auf diesen Datensatz wartet (ein Zyklus von Verweisen)</translation>
    </message>
    <message>
        <source>which is quarantined</source>
        <translation>der in Quarantäne ist</translation>
    </message>
    <message>
        <source>%1 references %2 %3, %4</source>
        <translation>%1 verweist auf %2 %3, %4</translation>
    </message>
    <message>
        <source>both sides changed the same field</source>
        <translation>beide Seiten haben dasselbe Feld geändert</translation>
    </message>
    <message>
        <source>the main application deleted the row; the source changed it</source>
        <translation>die Hauptanwendung hat die Zeile gelöscht; die Quelle hat sie geändert</translation>
    </message>
    <message>
        <source>the source deleted the record; the main application changed the row</source>
        <translation>die Quelle hat den Datensatz gelöscht; die Hauptanwendung hat die Zeile geändert</translation>
    </message>
    <message>
        <source>there is no conflict #%1</source>
        <translation>es gibt keinen Konflikt #%1</translation>
    </message>
    <message>
        <source>conflict #%1: %2</source>
        <translation>Konflikt #%1: %2</translation>
    </message>
    <message>
        <source>already resolved (%1, by %2 at %3)</source>
        <translation>bereits aufgelöst (%1, von %2 am %3)</translation>
    </message>
    <message>
        <source>the source sent a newer version at %1, after the conflict was shown; show it again</source>
        <translation>die Quelle hat am %1 eine neuere Version gesendet, nachdem der Konflikt angezeigt wurde; bitte erneut anzeigen</translation>
    </message>
    <message>
        <source>%1/%2 is no longer in the configuration; put it back, or detach the source (&apos;tributaryd source detach %1&apos;)</source>
        <translation>%1/%2 ist nicht mehr in der Konfiguration; wieder eintragen oder die Quelle trennen (&apos;tributaryd source detach %1&apos;)</translation>
    </message>
    <message>
        <source>both sides changed fields: keep local, take remote, or choose per field</source>
        <translation>beide Seiten haben Felder geändert: lokal behalten (keep local), Quelle übernehmen (take remote) oder je Feld wählen</translation>
    </message>
    <message>
        <source>the main application deleted the row: restore it with the source&apos;s values (keep remote), or leave it deleted (keep local)</source>
        <translation>die Hauptanwendung hat die Zeile gelöscht: mit den Werten der Quelle wiederherstellen (keep remote) oder gelöscht lassen (keep local)</translation>
    </message>
    <message>
        <source>the source deleted the record: keep the row as the main application has it (keep local), or delete it as the source did (keep remote)</source>
        <translation>die Quelle hat den Datensatz gelöscht: die Zeile so behalten, wie die Hauptanwendung sie hat (keep local), oder sie wie die Quelle löschen (keep remote)</translation>
    </message>
    <message>
        <source>unknown kind &quot;%1&quot;</source>
        <translation>unbekannte Art &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 is not a field of this conflict (its fields: %2)</source>
        <translation>%1 ist kein Feld dieses Konflikts (seine Felder: %2)</translation>
    </message>
    <message>
        <source>choose every field; missing: %1</source>
        <translation>jedes Feld wählen; es fehlt: %1</translation>
    </message>
    <message>
        <source>the row %1 exists again since the conflict was shown; show it again</source>
        <translation>die Zeile %1 existiert wieder, seit der Konflikt angezeigt wurde; bitte erneut anzeigen</translation>
    </message>
    <message>
        <source>the row %1 was deleted since the conflict was shown; show it again</source>
        <translation>die Zeile %1 wurde gelöscht, seit der Konflikt angezeigt wurde; bitte erneut anzeigen</translation>
    </message>
    <message>
        <source>conflict #%1: the row %2 %3 disappeared while resolving</source>
        <translation>Konflikt #%1: die Zeile %2 %3 ist während des Auflösens verschwunden</translation>
    </message>
    <message>
        <source>conflict #%1: %2/%3 has &quot;delete_mode&quot;: &quot;ignore&quot;, so Tributary never deletes its rows; keep the row (keep local), or change delete_mode</source>
        <translation>Konflikt #%1: %2/%3 hat &quot;delete_mode&quot;: &quot;ignore&quot;, daher löscht Tributary ihre Zeilen nie; die Zeile behalten (keep local) oder delete_mode ändern</translation>
    </message>
    <message>
        <source>%1: %2 is not %3</source>
        <translation>%1: %2 ist nicht %3</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>a local id (an integer)</source>
        <translation>eine lokale ID (eine ganze Zahl)</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>an ISO-8601 timestamp</source>
        <translation>ein Zeitstempel nach ISO 8601</translation>
    </message>
    <message>
        <source>JSON (%1)</source>
        <translation>JSON (%1)</translation>
    </message>
    <message>
        <source>%1 (%2 MiB free, the copy needs up to %3 MiB)</source>
        <translation>%1 (%2 MiB frei, die Kopie braucht bis zu %3 MiB)</translation>
    </message>
    <message>
        <source>a dry run needs room for a copy of the main database, and found none: %1</source>
        <translation>ein Probelauf braucht Platz für eine Kopie der Hauptdatenbank und hat keinen gefunden: %1</translation>
    </message>
    <message>
        <source>a snapshot dry run needs an SQLite main database; PostgreSQL uses a transaction</source>
        <translation>ein Probelauf auf einer Kopie braucht eine SQLite-Hauptdatenbank; bei PostgreSQL wird eine Transaktion verwendet</translation>
    </message>
    <message>
        <source>cannot copy the main database to %1 for a dry run</source>
        <translation>die Hauptdatenbank kann für einen Probelauf nicht nach %1 kopiert werden</translation>
    </message>
    <message>
        <source>missing external id (expected a string or a number, got %1)</source>
        <translation>externe ID fehlt (erwartet eine Zeichenkette oder eine Zahl, erhalten %1)</translation>
    </message>
    <message>
        <source>required field is null</source>
        <translation>Pflichtfeld ist null</translation>
    </message>
    <message>
        <source>required field is missing</source>
        <translation>Pflichtfeld fehlt</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>erwartet %1, erhalten %2</translation>
    </message>
    <message>
        <source>contains a NUL character</source>
        <translation>enthält ein NUL-Zeichen</translation>
    </message>
    <message>
        <source>is not valid Unicode (an unpaired UTF-16 surrogate)</source>
        <translation>ist kein gültiges Unicode (ein ungepaartes UTF-16-Surrogat)</translation>
    </message>
    <message>
        <source>expected a whole number, got %1</source>
        <translation>erwartet eine ganze Zahl, erhalten %1</translation>
    </message>
    <message>
        <source>expected an ISO-8601 timestamp or unix seconds, got %1</source>
        <translation>erwartet einen Zeitstempel nach ISO 8601 oder Unix-Sekunden, erhalten %1</translation>
    </message>
    <message>
        <source>reference to %1 is null but not nullable</source>
        <translation>Verweis auf %1 ist null, darf aber nicht null sein</translation>
    </message>
    <message>
        <source>reference to %1 is missing but not nullable</source>
        <translation>Verweis auf %1 fehlt, darf aber nicht null sein</translation>
    </message>
    <message>
        <source>reference to %1: expected an id, got %2</source>
        <translation>Verweis auf %1: erwartet eine ID, erhalten %2</translation>
    </message>
    <message>
        <source>references itself</source>
        <translation>verweist auf sich selbst</translation>
    </message>
    <message>
        <source>no source &quot;%1&quot; in the configuration or in the main database&apos;s state (known: %2)</source>
        <translation>keine Quelle &quot;%1&quot; in der Konfiguration oder im Zustand der Hauptdatenbank (bekannt: %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>insert again every row the purge deletes</source>
        <translation>jede Zeile wieder einfügen, die das Bereinigen löscht</translation>
    </message>
    <message>
        <source>take every record as new: adopt the rows its match keys find and insert the others again, beside the rows already there</source>
        <translation>jeden Datensatz als neu behandeln: die Zeilen übernehmen, die ihre Zuordnungsschlüssel finden, und die übrigen erneut einfügen, neben den bereits vorhandenen Zeilen</translation>
    </message>
    <message>
        <source>source &quot;%1&quot; is still in the configuration and enabled: the next sync would %2. Remove it from the configuration (or set &quot;enabled&quot;: false) first, or pass --force</source>
        <translation>Quelle &quot;%1&quot; steht noch in der Konfiguration und ist aktiv: die nächste Synchronisation würde %2. Zuerst aus der Konfiguration entfernen (oder &quot;enabled&quot;: false setzen) oder --force angeben</translation>
    </message>
    <message>
        <source>cannot purge source &quot;%1&quot;: no run recorded which table its entity &quot;%2&quot; writes to (it was last synced by an older Tributary). &apos;detach&apos; still works; or add the source back to the configuration, disabled, so its tables are known</source>
        <translation>Quelle &quot;%1&quot; kann nicht bereinigt werden: kein Lauf hat festgehalten, in welche Tabelle ihre Entität &quot;%2&quot; schreibt (sie wurde zuletzt von einem älteren Tributary synchronisiert). &apos;detach&apos; funktioniert weiterhin; oder die Quelle deaktiviert wieder in die Konfiguration aufnehmen, damit ihre Tabellen bekannt sind</translation>
    </message>
    <message>
        <source>%1 %2 %3 still references %4 %5 %6 (%1.%7), which the purge would delete: nothing was deleted or detached. That row is not one this source brought; delete or change it first, or detach the source instead</source>
        <translation>%1 %2 %3 verweist noch auf %4 %5 %6 (%1.%7), die das Bereinigen löschen würde: nichts wurde gelöscht oder getrennt. Diese Zeile stammt nicht von dieser Quelle; sie zuerst löschen oder ändern, oder die Quelle stattdessen trennen</translation>
    </message>
    <message>
        <source>the main database refused to delete %1 %2 %3 (source %4, %5 %6): nothing was deleted or detached</source>
        <translation>die Hauptdatenbank hat das Löschen von %1 %2 %3 abgelehnt (Quelle %4, %5 %6): nichts wurde gelöscht oder getrennt</translation>
    </message>
    <message>
        <source>sources.%1.type: unknown source type &quot;%2&quot;; expected one of: %3</source>
        <translation>sources.%1.type: unbekannter Quellentyp &quot;%2&quot;; erwartet einen von: %3</translation>
    </message>
    <message>
        <source>cannot record the run</source>
        <translation>der Lauf kann nicht festgehalten werden</translation>
    </message>
    <message>
        <source>stopped before %1</source>
        <translation>angehalten vor %1</translation>
    </message>
    <message>
        <source>the end</source>
        <translation>dem Ende</translation>
    </message>
    <message>
        <source>source %1, entity %2: %3 (while applying %4)</source>
        <translation>Quelle %1, Entität %2: %3 (beim Anwenden von %4)</translation>
    </message>
    <message>
        <source>source %1, entity %2</source>
        <translation>Quelle %1, Entität %2</translation>
    </message>
    <message>
        <source>whose entity is not synced</source>
        <translation>dessen Entität nicht synchronisiert wird</translation>
    </message>
    <message>
        <source>stopped during the scan: nothing was deleted</source>
        <translation>während des Durchlaufs angehalten: nichts wurde gelöscht</translation>
    </message>
    <message>
        <source>stopped during the scan of %1: nothing was deleted</source>
        <translation>während des Durchlaufs von %1 angehalten: nichts wurde gelöscht</translation>
    </message>
    <message>
        <source> (the scan is incomplete: nothing was deleted; the next reconcile resumes it)</source>
        <translation> (der Durchlauf ist unvollständig: nichts wurde gelöscht; der nächste Abgleich setzt ihn fort)</translation>
    </message>
    <message>
        <source>stopped: nothing was deleted</source>
        <translation>angehalten: nichts wurde gelöscht</translation>
    </message>
    <message>
        <source>refusing to delete: %1 of %2 linked %3 (%4%) are missing from the source&apos;s complete listing; the limit is %5% (max_delete_share). Nothing was deleted. If the source really lost them, raise max_delete_share for one run.</source>
        <translation>Löschen verweigert: %1 von %2 verknüpften %3 (%4 %) fehlen in der vollständigen Auflistung der Quelle; die Grenze ist %5 % (max_delete_share). Nichts wurde gelöscht. Hat die Quelle sie wirklich verloren, max_delete_share für einen Lauf erhöhen.</translation>
    </message>
    <message>
        <source>source %1, entity %2, record %3: %4 (nothing was deleted)</source>
        <translation>Quelle %1, Entität %2, Datensatz %3: %4 (nichts wurde gelöscht)</translation>
    </message>
    <message>
        <source>which does not exist at the source (404)</source>
        <translation>der an der Quelle nicht existiert (404)</translation>
    </message>
    <message>
        <source>%1 %2 (%3 id %4): %5 is %6 here but %7 at the source</source>
        <translation>%1 %2 (%3 ID %4): %5 ist hier %6, aber an der Quelle %7</translation>
    </message>
    <message>
        <source>%1 %2 (%3 id %4): in the main database, gone from the source</source>
        <translation>%1 %2 (%3 ID %4): in der Hauptdatenbank, an der Quelle verschwunden</translation>
    </message>
    <message>
        <source>no data for %1 ms (timeout)</source>
        <translation>keine Daten seit %1 ms (Zeitüberschreitung)</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>connection closed by the server before the response was complete</source>
        <translation>Verbindung vom Server geschlossen, bevor die Antwort vollständig war</translation>
    </message>
    <message>
        <source>host not found</source>
        <translation>Host nicht gefunden</translation>
    </message>
    <message>
        <source>connection timed out</source>
        <translation>Zeitüberschreitung der Verbindung</translation>
    </message>
    <message>
        <source>TLS handshake failed</source>
        <translation>TLS-Handshake fehlgeschlagen</translation>
    </message>
    <message>
        <source>temporary network failure</source>
        <translation>vorübergehender Netzwerkfehler</translation>
    </message>
    <message>
        <source>network error %1</source>
        <translation>Netzwerkfehler %1</translation>
    </message>
    <message>
        <source>%1 %2: the HTTP client is gone</source>
        <translation>%1 %2: der HTTP-Client existiert nicht mehr</translation>
    </message>
    <message>
        <source>%1: the response is larger than the limit of %2 bytes; raise limits.max_response_bytes or ask for smaller pages</source>
        <translation>%1: die Antwort ist größer als die Grenze von %2 Bytes; limits.max_response_bytes erhöhen oder kleinere Seiten anfordern</translation>
    </message>
    <message>
        <source>%1: refused to follow a redirect to another origin (or too many redirects); credentials are only sent to the configured host</source>
        <translation>%1: einer Weiterleitung an einen anderen Ursprung (oder zu vielen Weiterleitungen) wird nicht gefolgt; Zugangsdaten gehen nur an den konfigurierten Host</translation>
    </message>
    <message>
        <source>the credentials configured for this source</source>
        <translation>die für diese Quelle konfigurierten Zugangsdaten</translation>
    </message>
    <message>
        <source>%1: %2%3: the server refused the credentials; check %4 (set, current, not revoked, allowed to read this)</source>
        <translation>%1: %2%3: der Server hat die Zugangsdaten abgelehnt; %4 prüfen (gesetzt, aktuell, nicht widerrufen, zum Lesen berechtigt)</translation>
    </message>
    <message>
        <source>; the server asks to wait %1 s more, beyond the limit of %2 s of waiting</source>
        <translation>; der Server verlangt, noch %1 s zu warten, über die Grenze von %2 s Wartezeit hinaus</translation>
    </message>
    <message>
        <source>%1: %2 after %3 retries%4</source>
        <translation>%1: %2 nach %3 Wiederholungen%4</translation>
    </message>
    <message>
        <source>the Qt SQL driver %1 is not installed (Debian: %2)</source>
        <translation>der Qt-SQL-Treiber %1 ist nicht installiert (Debian: %2)</translation>
    </message>
    <message>
        <source>database.path: directory of %1 does not exist</source>
        <translation>database.path: das Verzeichnis von %1 existiert nicht</translation>
    </message>
    <message>
        <source>cannot open the main database %1</source>
        <translation>die Hauptdatenbank %1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>cannot start a transaction</source>
        <translation>eine Transaktion kann nicht begonnen werden</translation>
    </message>
    <message>
        <source>cannot commit</source>
        <translation>Commit nicht möglich</translation>
    </message>
    <message>
        <source>a transaction is already held on the main database</source>
        <translation>auf der Hauptdatenbank ist bereits eine Transaktion offen</translation>
    </message>
    <message>
        <source>cannot prepare a statement on the main database</source>
        <translation>eine Anweisung für die Hauptdatenbank kann nicht vorbereitet werden</translation>
    </message>
    <message>
        <source>a statement failed on the main database</source>
        <translation>eine Anweisung auf der Hauptdatenbank ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1.table: the main database has no table &quot;%2&quot;</source>
        <translation>%1.table: die Hauptdatenbank hat keine Tabelle &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1.%2: table &quot;%3&quot; has no column &quot;%4&quot; (it has: %5)</source>
        <translation>%1.%2: Tabelle &quot;%3&quot; hat keine Spalte &quot;%4&quot; (vorhanden: %5)</translation>
    </message>
    <message>
        <source>the main database was upgraded by a newer Tributary (state version %1; this build knows %2)</source>
        <translation>die Hauptdatenbank wurde von einem neueren Tributary aktualisiert (Zustandsversion %1; dieser Build kennt %2)</translation>
    </message>
    <message>
        <source>the row %1 changed since the conflict was shown: %2 is now %3 (the conflict shows %4); the conflict now shows the row as it is: show it again</source>
        <translation>die Zeile %1 hat sich geändert, seit der Konflikt angezeigt wurde: %2 ist jetzt %3 (der Konflikt zeigte %4); der Konflikt zeigt die Zeile jetzt so, wie sie ist: bitte erneut anzeigen</translation>
    </message>
    <message>
        <source>expected an object with at least &quot;secret&quot;</source>
        <translation>erwartet ein Objekt mit mindestens &quot;secret&quot;</translation>
    </message>
    <message>
        <source>expected an HTTP header name</source>
        <translation>erwartet den Namen eines HTTP-Headers</translation>
    </message>
    <message>
        <source>expected an HTTP header name (a timestamp is required for the replay window)</source>
        <translation>erwartet den Namen eines HTTP-Headers (ein Zeitstempel ist für das Wiederholungsfenster nötig)</translation>
    </message>
    <message>
        <source>must contain {body}; {timestamp} is optional</source>
        <translation>muss {body} enthalten; {timestamp} ist optional</translation>
    </message>
    <message>
        <source>must not be empty when &quot;type_path&quot; is set</source>
        <translation>darf nicht leer sein, wenn &quot;type_path&quot; gesetzt ist</translation>
    </message>
    <message>
        <source>expected the name of an entity of this source</source>
        <translation>erwartet den Namen einer Entität dieser Quelle</translation>
    </message>
    <message>
        <source>the webhook secret is empty</source>
        <translation>das Webhook-Geheimnis ist leer</translation>
    </message>
    <message>
        <source>expected 0 (never) or at least 60; got %1</source>
        <translation>erwartet 0 (nie) oder mindestens 60; erhalten %1</translation>
    </message>
    <message>
        <source>expected HOST:PORT with a port from 1 to 65535, e.g. 127.0.0.1:8470; got &quot;%1&quot;</source>
        <translation>erwartet HOST:PORT mit einem Port von 1 bis 65535, z. B. 127.0.0.1:8470; erhalten &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the host must be an IP address (or localhost), e.g. 127.0.0.1, 0.0.0.0 or ::1; got &quot;%1&quot;</source>
        <translation>der Host muss eine IP-Adresse (oder localhost) sein, z. B. 127.0.0.1, 0.0.0.0 oder ::1; erhalten &quot;%1&quot;</translation>
    </message>
    <message>
        <source>already resolved</source>
        <translation>bereits aufgelöst</translation>
    </message>
    <message>
        <source>no source &quot;%1&quot; in the configuration</source>
        <translation>keine Quelle &quot;%1&quot; in der Konfiguration</translation>
    </message>
    <message>
        <source>the configuration does not match the main database: %1</source>
        <translation>die Konfiguration passt nicht zur Hauptdatenbank: %1</translation>
    </message>
    <message>
        <source>stopped before the run began</source>
        <translation>angehalten, bevor der Lauf begann</translation>
    </message>
    <message>
        <source>source %1: unknown source type &quot;%2&quot;</source>
        <translation>Quelle %1: unbekannter Quellentyp &quot;%2&quot;</translation>
    </message>
    <message>
        <source>source %1 is already running</source>
        <translation>Quelle %1 läuft bereits</translation>
    </message>
    <message>
        <source>cannot read the history of %1 %2</source>
        <translation>die Historie von %1 %2 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read the conflicts</source>
        <translation>die Konflikte können nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read conflict #%1</source>
        <translation>Konflikt #%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot count the conflicts</source>
        <translation>die Konflikte können nicht gezählt werden</translation>
    </message>
    <message>
        <source>cannot read the %1 cursor of %2/%3</source>
        <translation>der Cursor %1 von %2/%3 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read the cursors</source>
        <translation>die Cursor können nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read the entities of source %1</source>
        <translation>die Entitäten der Quelle %1 können nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot record the entities of source %1</source>
        <translation>die Entitäten der Quelle %1 können nicht festgehalten werden</translation>
    </message>
    <message>
        <source>cannot count the links of %1/%2</source>
        <translation>die Verknüpfungen von %1/%2 können nicht gezählt werden</translation>
    </message>
    <message>
        <source>cannot read the links of %1/%2</source>
        <translation>die Verknüpfungen von %1/%2 können nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot count the links of source %1</source>
        <translation>die Verknüpfungen der Quelle %1 können nicht gezählt werden</translation>
    </message>
    <message>
        <source>cannot read the links of %1 %2</source>
        <translation>die Verknüpfungen von %1 %2 können nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read the state version of the main database</source>
        <translation>die Zustandsversion der Hauptdatenbank kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read the pending and quarantined records of source %1</source>
        <translation>die wartenden und in Quarantäne gehaltenen Datensätze der Quelle %1 können nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read the missing references of source %1</source>
        <translation>die fehlenden Verweise der Quelle %1 können nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read the pending records of source %1</source>
        <translation>die wartenden Datensätze der Quelle %1 können nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read the quarantine of source %1</source>
        <translation>die Quarantäne der Quelle %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read the quarantine</source>
        <translation>die Quarantäne kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>incremental sync</source>
        <translation>inkrementelle Synchronisation</translation>
    </message>
    <message>
        <source>full sync</source>
        <translation>vollständige Synchronisation</translation>
    </message>
    <message>
        <source>reconciliation</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>webhook sync</source>
        <translation>Webhook-Synchronisation</translation>
    </message>
    <message>
        <source>quarantine retry</source>
        <translation>Quarantäne-Wiederholung</translation>
    </message>
    <message>
        <source>cannot read the runs of source %1</source>
        <translation>die Läufe der Quelle %1 können nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot record the end of run %1</source>
        <translation>das Ende von Lauf %1 kann nicht festgehalten werden</translation>
    </message>
    <message>
        <source>cannot read the run history</source>
        <translation>die Läufe können nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read what the main database holds for source %1</source>
        <translation>es kann nicht gelesen werden, was die Hauptdatenbank für die Quelle %1 hält</translation>
    </message>
    <message>
        <source>cannot read which sources the main database holds state for</source>
        <translation>es kann nicht gelesen werden, für welche Quellen die Hauptdatenbank Zustand hält</translation>
    </message>
    <message>
        <source>cannot forget the state of source %1</source>
        <translation>der Zustand der Quelle %1 kann nicht vergessen werden</translation>
    </message>
    <message>
        <source>cannot read the links of entity %1</source>
        <translation>die Verknüpfungen der Entität %1 können nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot count the shared rows of %1/%2</source>
        <translation>die geteilten Zeilen von %1/%2 können nicht gezählt werden</translation>
    </message>
    <message>
        <source>cannot count the rows of %1/%2</source>
        <translation>die Zeilen von %1/%2 können nicht gezählt werden</translation>
    </message>
    <message>
        <source>cannot read the change log</source>
        <translation>das Änderungsprotokoll kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>a column cannot be both &quot;required&quot; and &quot;optional&quot;</source>
        <translation>eine Spalte kann nicht zugleich &quot;required&quot; und &quot;optional&quot; sein</translation>
    </message>
    <message>
        <source>a reference the source may leave out must be &quot;nullable&quot;: true</source>
        <translation>ein Verweis, den die Quelle weglassen darf, muss &quot;nullable&quot;: true sein</translation>
    </message>
    <message>
        <source>the record is not a JSON object</source>
        <translation>der Datensatz ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the number %1 is too large to be read exactly (beyond 64 bits); ask the source to send it as a string</source>
        <translation>die Zahl %1 ist zu groß, um genau gelesen zu werden (über 64 Bit); die Quelle sollte sie als Zeichenkette senden</translation>
    </message>
    <message numerus="yes">
        <source>%1: the field &quot;%2&quot; that the source&apos;s change filter sorts and filters on is in none of the %3 record(s) of the page; check the source&apos;s incremental field (the records have: %4)</source>
        <translation>
            <numerusform>%1: das Feld &quot;%2&quot;, nach dem der Änderungsfilter der Quelle sortiert und filtert, steht in keinem der %3 Datensätze der Seite; das inkrementelle Feld der Quelle prüfen (die Datensätze haben: %4)</numerusform>
            <numerusform>%1: das Feld &quot;%2&quot;, nach dem der Änderungsfilter der Quelle sortiert und filtert, steht in keinem der %3 Datensätze der Seite; das inkrementelle Feld der Quelle prüfen (die Datensätze haben: %4)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1.%2: the field &quot;%3&quot; is in none of the %4 record(s) of the page; correct the field name, or declare the column &quot;optional&quot;: true if the source leaves it out (the records have: %5)</source>
        <translation>
            <numerusform>%1.%2: das Feld &quot;%3&quot; steht in keinem der %4 Datensätze der Seite; den Feldnamen korrigieren oder die Spalte als &quot;optional&quot;: true erklären, wenn die Quelle es weglässt (die Datensätze haben: %5)</numerusform>
            <numerusform>%1.%2: das Feld &quot;%3&quot; steht in keinem der %4 Datensätze der Seite; den Feldnamen korrigieren oder die Spalte als &quot;optional&quot;: true erklären, wenn die Quelle es weglässt (die Datensätze haben: %5)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: not a regular file (a device, a pipe or a directory cannot hold a configuration)</source>
        <translation>%1: keine reguläre Datei (ein Gerät, eine Pipe oder ein Verzeichnis kann keine Konfiguration enthalten)</translation>
    </message>
    <message>
        <source>%1: larger than %2 bytes, the limit for this file</source>
        <translation>%1: größer als %2 Bytes, die Grenze für diese Datei</translation>
    </message>
    <message>
        <source>%1: %2: this key is written more than once in the same object; JSON keeps only the last one, so remove the others</source>
        <translation>%1: %2: dieser Schlüssel steht mehrmals im selben Objekt; JSON behält nur den letzten, daher die übrigen entfernen</translation>
    </message>
    <message>
        <source>is not an HTTP header name (letters, digits and - only, in practice; no spaces, colons or line breaks)</source>
        <translation>ist kein Name eines HTTP-Headers (in der Praxis nur Buchstaben, Ziffern und -; keine Leerzeichen, Doppelpunkte oder Zeilenumbrüche)</translation>
    </message>
    <message>
        <source>contains a line break (CR or LF) or another control character, which would end the header and start another one; header values are one line</source>
        <translation>enthält einen Zeilenumbruch (CR oder LF) oder ein anderes Steuerzeichen, das den Header beenden und einen neuen beginnen würde; Header-Werte sind einzeilig</translation>
    </message>
    <message>
        <source>pass</source>
        <extracomment>A verdict of the API probe: the API behaves as configured.</extracomment>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>FAIL</source>
        <extracomment>A verdict of the API probe: the API does not behave as configured.</extracomment>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>could not tell</source>
        <extracomment>A verdict of the API probe: what the probe saw cannot decide the check.</extracomment>
        <translation>unklar</translation>
    </message>
    <message>
        <source>not applicable</source>
        <extracomment>A verdict of the API probe: the check does not apply to this configuration.</extracomment>
        <translation>nicht anwendbar</translation>
    </message>
    <message>
        <source>pages can be read</source>
        <translation>Seiten lesbar</translation>
    </message>
    <message>
        <source>page size honoured</source>
        <translation>Seitengröße beachtet</translation>
    </message>
    <message>
        <source>page parameter honoured</source>
        <translation>Seitenparameter beachtet</translation>
    </message>
    <message>
        <source>full walks sorted by id</source>
        <translation>vollständige Durchläufe nach ID sortiert</translation>
    </message>
    <message>
        <source>changes sorted by change field, then id</source>
        <translation>Änderungen nach Änderungsfeld, dann nach ID sortiert</translation>
    </message>
    <message>
        <source>change filter honoured</source>
        <translation>Änderungsfilter beachtet</translation>
    </message>
    <message>
        <source>total consistent</source>
        <translation>Gesamtzahl stimmig</translation>
    </message>
    <message>
        <source>mapped fields present</source>
        <translation>zugeordnete Felder vorhanden</translation>
    </message>
    <message>
        <source>ids present and unique</source>
        <translation>IDs vorhanden und eindeutig</translation>
    </message>
    <message>
        <source>the configuration has no source &quot;%1&quot;</source>
        <translation>die Konfiguration hat keine Quelle &quot;%1&quot;</translation>
    </message>
    <message>
        <source>source %1: the probe did not finish within %2 s</source>
        <translation>Quelle %1: die API-Prüfung ist nicht innerhalb von %2 s fertig geworden</translation>
    </message>
    <message>
        <source>source %1: the probe was stopped</source>
        <translation>Quelle %1: die API-Prüfung wurde angehalten</translation>
    </message>
    <message>
        <source>the first page has too few comparable values of %1 to pick one from its middle</source>
        <translation>die erste Seite hat zu wenige vergleichbare Werte von %1, um einen aus ihrer Mitte zu wählen</translation>
    </message>
    <message>
        <source>every record of the first page has nearly the same %1 (%2), so a filter could not be seen at work</source>
        <translation>jeder Datensatz der ersten Seite hat fast denselben Wert von %1 (%2), daher war die Wirkung eines Filters nicht zu beobachten</translation>
    </message>
    <message numerus="yes">
        <source>the server refused %1 record(s) per page (%2) and accepted %3</source>
        <translation>
            <numerusform>der Server hat %1 Datensatz pro Seite abgelehnt (%2) und %3 angenommen</numerusform>
            <numerusform>der Server hat %1 Datensätze pro Seite abgelehnt (%2) und %3 angenommen</numerusform>
        </translation>
    </message>
    <message>
        <source>set %1 to %2</source>
        <translation>%1 auf %2 setzen</translation>
    </message>
    <message>
        <source>the page size</source>
        <translation>die Seitengröße</translation>
    </message>
    <message numerus="yes">
        <source>no page size is asked for; the server sent %1 record(s) on the first page</source>
        <translation>
            <numerusform>es wird keine Seitengröße angefordert; der Server hat %1 Datensatz auf der ersten Seite gesendet</numerusform>
            <numerusform>es wird keine Seitengröße angefordert; der Server hat %1 Datensätze auf der ersten Seite gesendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>asked for %1 record(s) per page, got %1</source>
        <translation>
            <numerusform>%1 Datensatz pro Seite angefordert, %1 erhalten</numerusform>
            <numerusform>%1 Datensätze pro Seite angefordert, %1 erhalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>asked for %1 record(s) per page with &quot;%2&quot;, got %3: the server does not read that parameter</source>
        <translation>
            <numerusform>%1 Datensatz pro Seite mit &quot;%2&quot; angefordert, %3 erhalten: der Server liest diesen Parameter nicht</numerusform>
            <numerusform>%1 Datensätze pro Seite mit &quot;%2&quot; angefordert, %3 erhalten: der Server liest diesen Parameter nicht</numerusform>
        </translation>
    </message>
    <message>
        <source>correct %1: the parameter the API takes the page size from</source>
        <translation>%1 korrigieren: der Parameter, aus dem die API die Seitengröße liest</translation>
    </message>
    <message>
        <source>the page size parameter</source>
        <translation>den Parameter für die Seitengröße</translation>
    </message>
    <message numerus="yes">
        <source>asked for %1 record(s) per page, got %2 although there are more: the server caps pages at %2, and a page shorter than the page size can end a walk early</source>
        <translation>
            <numerusform>%1 Datensatz pro Seite angefordert, %2 erhalten, obwohl es mehr gibt: der Server begrenzt Seiten auf %2, und eine Seite, die kürzer als die Seitengröße ist, kann einen Durchlauf vorzeitig beenden</numerusform>
            <numerusform>%1 Datensätze pro Seite angefordert, %2 erhalten, obwohl es mehr gibt: der Server begrenzt Seiten auf %2, und eine Seite, die kürzer als die Seitengröße ist, kann einen Durchlauf vorzeitig beenden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the first page holds the whole collection: %1 record(s), fewer than the %2 asked for</source>
        <translation>
            <numerusform>die erste Seite enthält den ganzen Bestand: %1 Datensatz, weniger als die %2 angeforderten</numerusform>
            <numerusform>die erste Seite enthält den ganzen Bestand: %1 Datensätze, weniger als die %2 angeforderten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>got %1 record(s) of the %2 asked for and no further page: either the whole collection, or a limit of the server that the probe cannot see</source>
        <translation>
            <numerusform>%1 von %2 angeforderten Datensätzen erhalten und keine weitere Seite: entweder der ganze Bestand oder eine Grenze des Servers, die die API-Prüfung nicht sehen kann</numerusform>
            <numerusform>%1 von %2 angeforderten Datensätzen erhalten und keine weitere Seite: entweder der ganze Bestand oder eine Grenze des Servers, die die API-Prüfung nicht sehen kann</numerusform>
        </translation>
    </message>
    <message>
        <source>the second page could not be read: %1</source>
        <translation>die zweite Seite konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>check %1: the parameter the API takes the page from</source>
        <translation>%1 prüfen: der Parameter, aus dem die API die Seite liest</translation>
    </message>
    <message numerus="yes">
        <source>one page holds the whole collection (%1 record(s)): there is no second page to compare</source>
        <translation>
            <numerusform>eine Seite enthält den ganzen Bestand (%1 Datensatz): es gibt keine zweite Seite zum Vergleichen</numerusform>
            <numerusform>eine Seite enthält den ganzen Bestand (%1 Datensätze): es gibt keine zweite Seite zum Vergleichen</numerusform>
        </translation>
    </message>
    <message>
        <source>the second page is empty: nothing to compare with the first</source>
        <translation>die zweite Seite ist leer: nichts, was sich mit der ersten vergleichen ließe</translation>
    </message>
    <message numerus="yes">
        <source>the second page brings other records than the first (with %1 record(s) per page)</source>
        <translation>
            <numerusform>die zweite Seite bringt andere Datensätze als die erste (mit %1 Datensatz pro Seite)</numerusform>
            <numerusform>die zweite Seite bringt andere Datensätze als die erste (mit %1 Datensätzen pro Seite)</numerusform>
        </translation>
    </message>
    <message>
        <source>the second page brings other records than the first</source>
        <translation>die zweite Seite bringt andere Datensätze als die erste</translation>
    </message>
    <message>
        <source>the second page, at the address the server gave, repeats the records of the first</source>
        <translation>die zweite Seite unter der vom Server angegebenen Adresse wiederholt die Datensätze der ersten</translation>
    </message>
    <message>
        <source>the API&apos;s own next-page link leads back to the first page; ask its provider, or use another pagination style</source>
        <translation>der eigene Link der API auf die nächste Seite führt zurück zur ersten Seite; beim Anbieter der API nachfragen oder eine andere Paginierungsart verwenden</translation>
    </message>
    <message>
        <source>the second page repeats the records of the first: the server does not read the parameter &quot;%1&quot;</source>
        <translation>die zweite Seite wiederholt die Datensätze der ersten: der Server liest den Parameter &quot;%1&quot; nicht</translation>
    </message>
    <message>
        <source>correct %1: the parameter the API takes the page from</source>
        <translation>%1 korrigieren: der Parameter, aus dem die API die Seite liest</translation>
    </message>
    <message>
        <source>too few records with an id to see an order</source>
        <translation>zu wenige Datensätze mit ID, um eine Reihenfolge zu erkennen</translation>
    </message>
    <message>
        <source>a full walk is not sorted by id (%1 came before %2): when records change during a walk, pages shift and records are missed or read twice</source>
        <translation>ein vollständiger Durchlauf ist nicht nach ID sortiert (%1 kam vor %2): ändern sich Datensätze während eines Durchlaufs, verschieben sich die Seiten, und Datensätze werden verpasst oder doppelt gelesen</translation>
    </message>
    <message>
        <source>ask for the order by id in %1, e.g. {&quot;sort&quot;: &quot;id&quot;}</source>
        <translation>in %1 die Sortierung nach ID anfordern, z. B. {&quot;sort&quot;: &quot;id&quot;}</translation>
    </message>
    <message>
        <source>the full walks&apos; parameters</source>
        <translation>den Parametern der vollständigen Durchläufe</translation>
    </message>
    <message numerus="yes">
        <source>the %1 record(s) of the full walk come sorted by id</source>
        <translation>
            <numerusform>der %1 Datensatz des vollständigen Durchlaufs ist nach ID sortiert</numerusform>
            <numerusform>die %1 Datensätze des vollständigen Durchlaufs sind nach ID sortiert</numerusform>
        </translation>
    </message>
    <message>
        <source>no change filter is configured: every run walks the whole collection</source>
        <translation>kein Änderungsfilter konfiguriert: jeder Lauf durchläuft den ganzen Bestand</translation>
    </message>
    <message>
        <source>the first page of an incremental walk could not be read: %1</source>
        <translation>die erste Seite eines inkrementellen Durchlaufs konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>check the incremental walks&apos; parameters in %1</source>
        <translation>die Parameter der inkrementellen Durchläufe in %1 prüfen</translation>
    </message>
    <message>
        <source>the configuration</source>
        <translation>der Konfiguration</translation>
    </message>
    <message>
        <source>the values of %1 cannot be compared (%2, %3)</source>
        <translation>die Werte von %1 lassen sich nicht vergleichen (%2, %3)</translation>
    </message>
    <message>
        <source>an incremental walk is not sorted by %1 (%2 at %3 came before %4 at %5): the cursor would pass over records not read yet</source>
        <translation>ein inkrementeller Durchlauf ist nicht nach %1 sortiert (%2 mit %3 kam vor %4 mit %5): der Cursor würde über noch nicht gelesene Datensätze hinweggehen</translation>
    </message>
    <message>
        <source>ask for the order by %1 in %2, e.g. {&quot;sort&quot;: &quot;%1&quot;}</source>
        <translation>in %2 die Sortierung nach %1 anfordern, z. B. {&quot;sort&quot;: &quot;%1&quot;}</translation>
    </message>
    <message>
        <source>the incremental walks&apos; parameters</source>
        <translation>den Parametern der inkrementellen Durchläufe</translation>
    </message>
    <message>
        <source>records with the same %1 are not ordered by id (%2 came before %3), but the configuration says they are: records at a page boundary could be skipped</source>
        <translation>Datensätze mit demselben Wert von %1 sind nicht nach ID geordnet (%2 kam vor %3), obwohl die Konfiguration das angibt: Datensätze an einer Seitengrenze könnten übersprungen werden</translation>
    </message>
    <message>
        <source>set %1 to &quot;none&quot;</source>
        <translation>%1 auf &quot;none&quot; setzen</translation>
    </message>
    <message>
        <source>the tie breaker</source>
        <translation>die Ordnung bei Gleichstand</translation>
    </message>
    <message>
        <source>too few records to see an order</source>
        <translation>zu wenige Datensätze, um eine Reihenfolge zu erkennen</translation>
    </message>
    <message numerus="yes">
        <source>the %1 record(s) of the first page come sorted by %2, then id</source>
        <translation>
            <numerusform>der %1 Datensatz der ersten Seite ist nach %2, dann nach ID sortiert</numerusform>
            <numerusform>die %1 Datensätze der ersten Seite sind nach %2, dann nach ID sortiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the %1 record(s) of the first page come sorted by %2</source>
        <translation>
            <numerusform>der %1 Datensatz der ersten Seite ist nach %2 sortiert</numerusform>
            <numerusform>die %1 Datensätze der ersten Seite sind nach %2 sortiert</numerusform>
        </translation>
    </message>
    <message>
        <source>the first page of an incremental walk could not be read</source>
        <translation>die erste Seite eines inkrementellen Durchlaufs konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>the filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>the server refused %1 = %2: %3</source>
        <translation>der Server hat die Anfrage mit %1 = %2 abgelehnt: %3</translation>
    </message>
    <message>
        <source>check %1 and %2</source>
        <translation>%1 und %2 prüfen</translation>
    </message>
    <message>
        <source>the filter parameter</source>
        <translation>den Filterparameter</translation>
    </message>
    <message>
        <source>its format</source>
        <translation>sein Format</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 mit %2</translation>
    </message>
    <message numerus="yes">
        <source>asked with %1 = %2 for what changed since, and %3 of the %4 record(s) came back older (%5): the server does not filter on that parameter</source>
        <translation>
            <numerusform>mit %1 = %2 nach dem seitdem Geänderten gefragt, doch älter als dieser Wert: %3 von %4 zurückgekommenen Datensatz (%5); der Server filtert nicht nach diesem Parameter</numerusform>
            <numerusform>mit %1 = %2 nach dem seitdem Geänderten gefragt, doch älter als dieser Wert: %3 von %4 zurückgekommenen Datensätzen (%5); der Server filtert nicht nach diesem Parameter</numerusform>
        </translation>
    </message>
    <message>
        <source>correct %1: the parameter the API filters %2 on</source>
        <translation>%1 korrigieren: der Parameter, mit dem die API nach %2 filtert</translation>
    </message>
    <message>
        <source>asked with %1 = %2 for what changed since, and nothing came back, although the first page has records at or after it</source>
        <translation>mit %1 = %2 nach dem seitdem Geänderten gefragt, und nichts kam zurück, obwohl die erste Seite Datensätze mit diesem oder einem späteren Wert hat</translation>
    </message>
    <message>
        <source>check %1: the value may be written in a form the API does not read</source>
        <translation>%1 prüfen: der Wert ist vielleicht in einer Form geschrieben, die die API nicht liest</translation>
    </message>
    <message>
        <source>the filter&apos;s format</source>
        <translation>das Format des Filters</translation>
    </message>
    <message>
        <source>records changed exactly at %1 = %2 did not come back (%3): the filter is exclusive, and Tributary needs one that includes the value (&gt;=)</source>
        <translation>Datensätze, die genau bei %1 = %2 geändert wurden, kamen nicht zurück (%3): der Filter schließt den Wert aus, und Tributary braucht einen, der ihn einschließt (&gt;=)</translation>
    </message>
    <message>
        <source>use the API&apos;s inclusive filter in %1</source>
        <translation>%1 auf den einschließenden Filter der API umstellen</translation>
    </message>
    <message numerus="yes">
        <source>with %1 = %2, the %3 record(s) that came back are all as new or newer</source>
        <translation>
            <numerusform>bei %1 = %2 ist der %3 zurückgekommene Datensatz mindestens so neu wie dieser Wert</numerusform>
            <numerusform>bei %1 = %2 sind die %3 zurückgekommenen Datensätze alle mindestens so neu wie dieser Wert</numerusform>
        </translation>
    </message>
    <message>
        <source>the configuration reads no total</source>
        <translation>die Konfiguration liest keine Gesamtzahl</translation>
    </message>
    <message>
        <source>the configuration reads a total, but no page carried one</source>
        <translation>die Konfiguration liest eine Gesamtzahl, aber keine Seite enthielt eine</translation>
    </message>
    <message>
        <source>check %1: where the API writes the total</source>
        <translation>%1 prüfen: wo die API die Gesamtzahl schreibt</translation>
    </message>
    <message>
        <source>where the total is read</source>
        <translation>die Fundstelle der Gesamtzahl</translation>
    </message>
    <message>
        <source>the total, %1, matches the records of a complete walk</source>
        <translation>die Gesamtzahl %1 stimmt mit den Datensätzen eines abgeschlossenen Durchlaufs überein</translation>
    </message>
    <message numerus="yes">
        <source>the total says %1, a complete walk counted %2 record(s)</source>
        <translation>
            <numerusform>die Gesamtzahl lautet %1, ein abgeschlossener Durchlauf hat %2 Datensatz gezählt</numerusform>
            <numerusform>die Gesamtzahl lautet %1, ein abgeschlossener Durchlauf hat %2 Datensätze gezählt</numerusform>
        </translation>
    </message>
    <message>
        <source>check %1: it may count something else (pages, or records the listing leaves out)</source>
        <translation>%1 prüfen: die Zahl zählt vielleicht etwas anderes (Seiten oder Datensätze, die die Auflistung auslässt)</translation>
    </message>
    <message numerus="yes">
        <source>the total says %1, but the pages read already hold %2 record(s)</source>
        <translation>
            <numerusform>die Gesamtzahl lautet %1, aber die gelesenen Seiten enthalten bereits %2 Datensatz</numerusform>
            <numerusform>die Gesamtzahl lautet %1, aber die gelesenen Seiten enthalten bereits %2 Datensätze</numerusform>
        </translation>
    </message>
    <message>
        <source>the total changed between two reads: %1, then %2</source>
        <translation>die Gesamtzahl hat sich zwischen zwei Abrufen geändert: erst %1, dann %2</translation>
    </message>
    <message>
        <source>check %1: it may not be the size of the collection</source>
        <translation>%1 prüfen: die Zahl ist vielleicht nicht die Größe des Bestands</translation>
    </message>
    <message>
        <source>only one page carried a total (%1): nothing to compare it with</source>
        <translation>nur eine Seite enthielt eine Gesamtzahl (%1): nichts, womit sie sich vergleichen ließe</translation>
    </message>
    <message>
        <source>the total stays %1 between reads; the collection is too large to count here</source>
        <translation>die Gesamtzahl bleibt zwischen den Abrufen bei %1; der Bestand ist zu groß, um ihn hier zu zählen</translation>
    </message>
    <message>
        <source>no records to look at</source>
        <translation>keine Datensätze zum Prüfen</translation>
    </message>
    <message>
        <source>the change field</source>
        <translation>das Änderungsfeld</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2)</source>
        <translation>&quot;%1&quot; (%2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2; the records have &quot;%3&quot;)</source>
        <translation>&quot;%1&quot; (%2; die Datensätze haben &quot;%3&quot;)</translation>
    </message>
    <message>
        <source>every mapped field is in the records</source>
        <translation>jedes zugeordnete Feld ist in den Datensätzen vorhanden</translation>
    </message>
    <message numerus="yes">
        <source>in none of the %1 record(s): %2. The records have: %3</source>
        <translation>
            <numerusform>in %1 Datensatz nicht vorhanden: %2. Der Datensatz hat: %3</numerusform>
            <numerusform>in keinem der %1 Datensätze vorhanden: %2. Die Datensätze haben: %3</numerusform>
        </translation>
    </message>
    <message>
        <source>(field names in %1)</source>
        <translation>(Feldnamen in %1)</translation>
    </message>
    <message>
        <source>correct the field names, or declare a column &quot;optional&quot;: true if the API leaves it out</source>
        <translation>die Feldnamen korrigieren oder eine Spalte als &quot;optional&quot;: true erklären, wenn die API sie weglässt</translation>
    </message>
    <message numerus="yes">
        <source>%1 of the %2 record(s) have no id at &quot;%3&quot;. The records have: %4</source>
        <translation>
            <numerusform>bei %1 von %2 Datensatz fehlt die ID unter &quot;%3&quot;. Der Datensatz hat: %4</numerusform>
            <numerusform>bei %1 von %2 Datensätzen fehlt die ID unter &quot;%3&quot;. Die Datensätze haben: %4</numerusform>
        </translation>
    </message>
    <message>
        <source>set %1 to the field holding the record&apos;s id</source>
        <translation>%1 auf das Feld setzen, das die ID des Datensatzes enthält</translation>
    </message>
    <message>
        <source>set %1 to &quot;%2&quot;</source>
        <translation>%1 auf &quot;%2&quot; setzen</translation>
    </message>
    <message numerus="yes">
        <source>%1 id(s) came more than once in one walk (%2 among them): pages overlap</source>
        <translation>
            <numerusform>%1 ID kam in einem Durchlauf mehrfach vor (%2): die Seiten überschneiden sich</numerusform>
            <numerusform>%1 IDs kamen in einem Durchlauf mehrfach vor (darunter %2): die Seiten überschneiden sich</numerusform>
        </translation>
    </message>
    <message>
        <source>ask for a stable order by a unique key in %1, e.g. {&quot;sort&quot;: &quot;id&quot;}; if the page parameter check failed, correct that first</source>
        <translation>in %1 eine stabile Sortierung nach einem eindeutigen Schlüssel anfordern, z. B. {&quot;sort&quot;: &quot;id&quot;}; ist die Prüfung des Seitenparameters fehlgeschlagen, zuerst den Seitenparameter korrigieren</translation>
    </message>
    <message numerus="yes">
        <source>each of the %1 record(s) has an id of its own</source>
        <translation>
            <numerusform>der %1 Datensatz hat eine eigene ID</numerusform>
            <numerusform>jeder der %1 Datensätze hat eine eigene ID</numerusform>
        </translation>
    </message>
    <message>
        <source>check the credentials named above</source>
        <translation>die oben genannten Zugangsdaten prüfen</translation>
    </message>
    <message>
        <source>correct the configuration as the message says</source>
        <translation>die Konfiguration gemäß der Meldung korrigieren</translation>
    </message>
    <message>
        <source>check records_path: where the records are in the answer</source>
        <translation>records_path prüfen: wo die Datensätze in der Antwort stehen</translation>
    </message>
    <message>
        <source>check base_url, the endpoint and the parameters the request carries</source>
        <translation>base_url, den Endpunkt und die Parameter der Anfrage prüfen</translation>
    </message>
    <message>
        <source>check base_url and that the API can be reached from here</source>
        <translation>base_url prüfen und ob die API von hier aus erreichbar ist</translation>
    </message>
    <message>
        <source>not checked: the first page could not be read</source>
        <translation>nicht geprüft: die erste Seite konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>page %1 could not be read: %2</source>
        <translation>Seite %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>read the whole collection, %1 record(s), in one page as configured (%2), and again in %3 page(s) of %4 to see a second page</source>
        <extracomment>%1 records, %2 a URL, %3 pages, %4 records per page.</extracomment>
        <translation>
            <numerusform>den ganzen Bestand, %1 Datensatz, wie konfiguriert auf einer Seite gelesen (%2) und noch einmal in Seiten zu je %4 (gelesene Seiten: %3), um eine zweite Seite zu sehen</numerusform>
            <numerusform>den ganzen Bestand, %1 Datensätze, wie konfiguriert auf einer Seite gelesen (%2) und noch einmal in Seiten zu je %4 (gelesene Seiten: %3), um eine zweite Seite zu sehen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>read %1 page(s) of a full walk, %2 record(s), from %3</source>
        <translation>
            <numerusform>%2 Datensatz eines vollständigen Durchlaufs gelesen (Seiten: %1), von %3</numerusform>
            <numerusform>%2 Datensätze eines vollständigen Durchlaufs gelesen (Seiten: %1), von %3</numerusform>
        </translation>
    </message>
    <message>
        <source>source %1, entity %2: the stored incremental cursor is &quot;%3&quot;, %4: a walk from it would miss changes. Run a full sync (tributaryd sync --full --source %1), which replaces it once the walk is complete, or reset it (tributaryd cursor reset --source %1 --entity %2).</source>
        <translation>Quelle %1, Entität %2: der gespeicherte inkrementelle Cursor ist &quot;%3&quot;, %4: ein Durchlauf ab diesem Wert würde Änderungen verpassen. Eine vollständige Synchronisation ausführen (tributaryd sync --full --source %1), die ihn ersetzt, sobald der Durchlauf abgeschlossen ist, oder ihn zurücksetzen (tributaryd cursor reset --source %1 --entity %2).</translation>
    </message>
    <message>
        <source>%1 (&quot;%2&quot;: %3)</source>
        <translation>%1 (&quot;%2&quot;: %3)</translation>
    </message>
    <message>
        <source>source %1, entity %2: records whose %3 the cursor cannot take: %4. They were applied (or quarantined), but the cursor does not move past them (GET %5)</source>
        <translation>Quelle %1, Entität %2: Datensätze, deren %3 der Cursor nicht übernehmen kann: %4. Sie wurden angewendet (oder in Quarantäne gestellt), aber der Cursor rückt nicht über sie hinaus vor (GET %5)</translation>
    </message>
    <message>
        <source>source %1, entity %2: the incremental cursor &quot;%3&quot; was %4; the complete full walk replaces it with the time the walk began</source>
        <translation>Quelle %1, Entität %2: der inkrementelle Cursor &quot;%3&quot; war %4; der abgeschlossene vollständige Durchlauf ersetzt ihn durch die Zeit, zu der der Durchlauf begann</translation>
    </message>
    <message>
        <source>not a time</source>
        <translation>keine Zeitangabe</translation>
    </message>
    <message>
        <source>more than a day after the source&apos;s clock (%1)</source>
        <translation>mehr als einen Tag später als die Uhr der Quelle (%1)</translation>
    </message>
    <message>
        <source> Check how the source&apos;s configuration pages through %1.</source>
        <translation> Prüfen, wie die Konfiguration der Quelle durch %1 blättert.</translation>
    </message>
    <message>
        <source> Check %1.</source>
        <translation> %1 prüfen.</translation>
    </message>
    <message>
        <source> Check %1, and %2 if the total is wrong.</source>
        <translation> %1 prüfen, und %2, falls die Gesamtzahl falsch ist.</translation>
    </message>
    <message>
        <source>(a page)</source>
        <translation>(eine Seite)</translation>
    </message>
    <message>
        <source> Tributary asked for it because the page before did not say it was the last (a page can be shorter than asked only because the API sends fewer).</source>
        <translation> Tributary hat sie angefordert, weil die Seite davor nicht angab, die letzte zu sein (eine Seite kann auch nur deshalb kürzer als angefordert sein, weil die API weniger sendet).</translation>
    </message>
    <message>
        <source>GET %1 answered the same records as the page before it, GET %2 (ids %3): the API does not read the continuation Tributary sends, so the walk would never get past that page.%4</source>
        <translation>GET %1 lieferte dieselben Datensätze wie die Seite davor, GET %2 (IDs %3): die API liest die Fortsetzungsangabe nicht, die Tributary sendet, daher käme der Durchlauf nie über diese Seite hinaus.%4</translation>
    </message>
    <message>
        <source>GET %1 leads back to a page this walk already read (the continuation %2 was followed before, to GET %3): the walk would go round forever.</source>
        <translation>GET %1 führt zurück zu einer Seite, die dieser Durchlauf schon gelesen hat (der Fortsetzung %2 wurde bereits gefolgt, zu GET %3): der Durchlauf würde endlos im Kreis laufen.</translation>
    </message>
    <message>
        <source>GET %1 returned records changed before the filter&apos;s value %2: %3. The API ignores the change filter, so every incremental run would read the whole collection.</source>
        <translation>GET %1 lieferte Datensätze, die vor dem Filterwert %2 geändert wurden: %3. Die API ignoriert den Änderungsfilter, daher würde jeder inkrementelle Lauf den ganzen Bestand lesen.</translation>
    </message>
    <message>
        <source>the walk has read %1 records, more than the %2 the source announced (the last page was GET %3): either the total is wrong or the walk does not end.</source>
        <translation>der Durchlauf hat %1 Datensätze gelesen, mehr als die %2, die die Quelle angekündigt hat (die letzte Seite war GET %3): entweder ist die Gesamtzahl falsch, oder der Durchlauf endet nicht.</translation>
    </message>
    <message>
        <source>the walk ended after %1 records, but the source counts %2 (the last page, GET %3, gave no continuation): records would be missing.</source>
        <translation>der Durchlauf endete nach %1 Datensätzen, aber die Quelle zählt %2 (die letzte Seite, GET %3, gab keine Fortsetzung an): Datensätze würden fehlen.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>cannot reset the %1 cursor of %2/%3</source>
        <translation>der Cursor %1 von %2/%3 kann nicht zurückgesetzt werden</translation>
    </message>
    <message>
        <source>database.path: the main database %1 does not exist (database.path is &quot;%2&quot;); Tributary syncs into the application&apos;s existing database and does not create one</source>
        <translation>database.path: die Hauptdatenbank %1 existiert nicht (database.path ist &quot;%2&quot;); Tributary synchronisiert in die vorhandene Datenbank der Anwendung und legt keine an</translation>
    </message>
    <message>
        <source>no URL to detect</source>
        <translation>keine URL zum Erkennen angegeben</translation>
    </message>
    <message>
        <source>expected an http(s) URL of a listing, such as %1, got &quot;%2&quot;</source>
        <translation>erwartet die http(s)-URL einer Auflistung wie %1, erhalten &quot;%2&quot;</translation>
    </message>
    <message>
        <source>every URL of one source must be on one origin: %1 is not on %2</source>
        <translation>alle URLs einer Quelle müssen denselben Ursprung haben: %1 liegt nicht auf %2</translation>
    </message>
    <message>
        <source>the environment variable %1 (--token-env) is not set</source>
        <translation>die Umgebungsvariable %1 (--token-env) ist nicht gesetzt</translation>
    </message>
    <message>
        <source>detection was stopped</source>
        <translation>die Erkennung wurde angehalten</translation>
    </message>
    <message>
        <source>GET %1: the answer is not JSON (%2)</source>
        <translation>GET %1: die Antwort ist kein JSON (%2)</translation>
    </message>
    <message>
        <source>GET %1: the answer is not a JSON object or array</source>
        <translation>GET %1: die Antwort ist weder ein JSON-Objekt noch ein Array</translation>
    </message>
    <message>
        <source>GET %1: no array of at least two records in the answer; detection learns from the records, so the listing needs some</source>
        <translation>GET %1: kein Array mit mindestens zwei Datensätzen in der Antwort; die Erkennung lernt aus den Datensätzen, daher braucht die Auflistung welche</translation>
    </message>
    <message>
        <source>GET %1: no field holds a different id in every record (looked for %2)</source>
        <translation>GET %1: kein Feld enthält in jedem Datensatz eine andere ID (gesucht: %2)</translation>
    </message>
    <message>
        <source>the next page is on another origin (%1): Tributary sends credentials nowhere else, so it cannot follow it</source>
        <translation>die nächste Seite liegt auf einem anderen Ursprung (%1): Tributary sendet Zugangsdaten nirgendwo anders hin und kann ihr daher nicht folgen</translation>
    </message>
    <message>
        <source>the next page the answer names did not bring the next records</source>
        <translation>die nächste Seite, die die Antwort nennt, brachte nicht die nächsten Datensätze</translation>
    </message>
    <message>
        <source>a cursor at &quot;%1&quot;, but no parameter that takes it (tried %2)</source>
        <translation>ein Cursor unter &quot;%1&quot;, aber kein Parameter, der ihn annimmt (versucht: %2)</translation>
    </message>
    <message>
        <source>neither %1=1 nor %1=0 answered the first page; assuming pages count from 1</source>
        <translation>weder %1=1 noch %1=0 lieferte die erste Seite; es wird angenommen, dass die Seiten ab 1 zählen</translation>
    </message>
    <message>
        <source>GET %1: found no way to ask for the next page (no Link header, no next address or cursor in the body, no page or offset parameter that works)</source>
        <translation>GET %1: keine Möglichkeit gefunden, die nächste Seite anzufordern (kein Link-Header, keine nächste Adresse und kein Cursor im Body, kein funktionierender Seiten- oder Offset-Parameter)</translation>
    </message>
    <message>
        <source>the answer held all %1 records and no way to page was found: the configuration reads one page</source>
        <translation>die Antwort enthielt alle %1 Datensätze, und es wurde keine Möglichkeit zum Blättern gefunden: die Konfiguration liest eine Seite</translation>
    </message>
    <message>
        <source>header %1</source>
        <translation>Header %1</translation>
    </message>
    <message>
        <source>%1=%2 was refused; the page size is the server&apos;s default, %3</source>
        <translation>%1=%2 wurde abgelehnt; die Seitengröße ist der Standard des Servers, %3</translation>
    </message>
    <message numerus="yes">
        <source>the server sends at most %1 record(s) per page</source>
        <translation>
            <numerusform>der Server sendet höchstens %1 Datensatz pro Seite</numerusform>
            <numerusform>der Server sendet höchstens %1 Datensätze pro Seite</numerusform>
        </translation>
    </message>
    <message>
        <source>the listing already comes sorted by %1, so no sort parameter could be confirmed; no change filter is written: every run walks the whole collection</source>
        <translation>die Auflistung ist bereits nach %1 sortiert, daher ließ sich kein Sortierparameter bestätigen; es wird kein Änderungsfilter geschrieben: jeder Lauf durchläuft den ganzen Bestand</translation>
    </message>
    <message>
        <source>no parameter sorts the listing by %1 (tried %2); no change filter is written: every run walks the whole collection</source>
        <translation>kein Parameter sortiert die Auflistung nach %1 (versucht: %2); es wird kein Änderungsfilter geschrieben: jeder Lauf durchläuft den ganzen Bestand</translation>
    </message>
    <message>
        <source>every record seen has the same %1: a change filter could not be seen at work; none is written</source>
        <translation>jeder gesehene Datensatz hat denselben Wert von %1: die Wirkung eines Änderungsfilters war nicht zu beobachten; es wird keiner geschrieben</translation>
    </message>
    <message>
        <source>no parameter filters the listing by %1 inclusively (tried %2); no change filter is written: every run walks the whole collection</source>
        <translation>kein Parameter filtert die Auflistung einschließlich nach %1 (versucht: %2); es wird kein Änderungsfilter geschrieben: jeder Lauf durchläuft den ganzen Bestand</translation>
    </message>
    <message>
        <source>no two records seen share a %1, so the order of ties is unknown: tie_breaker is none (boundary records are read again, which is safe)</source>
        <translation>keine zwei gesehenen Datensätze haben denselben Wert von %1, daher ist die Ordnung bei Gleichstand unbekannt: tie_breaker ist none (Datensätze an der Grenze werden erneut gelesen, was sicher ist)</translation>
    </message>
    <message>
        <source>records sharing a %1 did not come in id order: tie_breaker is none (boundary records are read again, which is safe)</source>
        <translation>Datensätze mit demselben Wert von %1 kamen nicht in ID-Reihenfolge: tie_breaker ist none (Datensätze an der Grenze werden erneut gelesen, was sicher ist)</translation>
    </message>
    <message>
        <source>GET %1/{id} did not answer the record: check record_path before a reconciliation or references rely on it</source>
        <translation>GET %1/{id} lieferte den Datensatz nicht: record_path prüfen, bevor sich ein Abgleich oder Verweise darauf verlassen</translation>
    </message>
    <message>
        <source>not mapped (arrays or objects nested deeper): %1</source>
        <translation>nicht zugeordnet (Arrays oder tiefer verschachtelte Objekte): %1</translation>
    </message>
    <message>
        <source>no change-time field (updated_at, modified, ...): every run walks the whole collection</source>
        <translation>kein Feld mit der Änderungszeit (updated_at, modified, ...): jeder Lauf durchläuft den ganzen Bestand</translation>
    </message>
    <message>
        <source>Checks: %1 passed, %2 failed, %3 could not tell, %4 not applicable</source>
        <extracomment>The last line of &apos;tributaryd probe&apos; and the console&apos;s Test connection: how many checks had each verdict.</extracomment>
        <translation>Prüfungen: %1 bestanden, %2 fehlgeschlagen, %3 unklar, %4 nicht anwendbar</translation>
    </message>
    <message>
        <source>the first page of a full walk</source>
        <extracomment>What the probe waits for.</extracomment>
        <translation>die erste Seite eines vollständigen Durchlaufs</translation>
    </message>
    <message>
        <source>page %1 of a full walk</source>
        <extracomment>What the probe waits for; %1 is a page number.</extracomment>
        <translation>Seite %1 eines vollständigen Durchlaufs</translation>
    </message>
    <message>
        <source>page 2, which the source says does not exist: records there would mean page 1 was cut short</source>
        <extracomment>What the probe waits for.</extracomment>
        <translation>Seite 2, die es laut Quelle nicht gibt: Datensätze dort hießen, dass Seite 1 gekürzt wurde</translation>
    </message>
    <message numerus="yes">
        <source>the first page again with %1 record(s) per page, to see a second page</source>
        <extracomment>What the probe waits for; %1 is a number of records.</extracomment>
        <translation>
            <numerusform>die erste Seite noch einmal mit %1 Datensatz pro Seite, um eine zweite Seite zu sehen</numerusform>
            <numerusform>die erste Seite noch einmal mit %1 Datensätzen pro Seite, um eine zweite Seite zu sehen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the first page with %1 record(s) per page, as the server refused %2</source>
        <extracomment>What the probe waits for; %1 and %2 are numbers of records.</extracomment>
        <translation>
            <numerusform>die erste Seite mit %1 Datensatz pro Seite, da der Server %2 abgelehnt hat</numerusform>
            <numerusform>die erste Seite mit %1 Datensätzen pro Seite, da der Server %2 abgelehnt hat</numerusform>
        </translation>
    </message>
    <message>
        <source>the first page of an incremental walk</source>
        <extracomment>What the probe waits for.</extracomment>
        <translation>die erste Seite eines inkrementellen Durchlaufs</translation>
    </message>
    <message>
        <source>a page of what changed since %1 = %2</source>
        <extracomment>What the probe waits for; %1 is a field name, %2 a value of it.</extracomment>
        <translation>eine Seite der Änderungen seit %1 = %2</translation>
    </message>
    <message numerus="yes">
        <source>asked for %1 record(s) per page with &quot;%2&quot;, got %3: the server does not read that parameter (the whole collection fits in one page, so this only shows with a smaller page size)</source>
        <translation>
            <numerusform>%1 Datensatz pro Seite mit „%2“ angefordert, %3 erhalten: Der Server liest diesen Parameter nicht (der ganze Bestand passt auf eine Seite, daher zeigt es sich erst bei einer kleineren Seitengröße)</numerusform>
            <numerusform>%1 Datensätze pro Seite mit „%2“ angefordert, %3 erhalten: Der Server liest diesen Parameter nicht (der ganze Bestand passt auf eine Seite, daher zeigt es sich erst bei einer kleineren Seitengröße)</numerusform>
        </translation>
    </message>
    <message>
        <source>not tested: %1</source>
        <extracomment>An entity the connection test did not reach; %1 says why (stopped, time limit).</extracomment>
        <translation>nicht geprüft: %1</translation>
    </message>
    <message>
        <source>the test ended before this entity</source>
        <translation>der Test endete vor dieser Entität</translation>
    </message>
    <message>
        <source>source %1: the run lasted longer than max_run_seconds (%2 s) and was stopped at its last committed page; the next run goes on from there. A source this large or slow needs a larger limit</source>
        <translation>Quelle %1: Der Lauf dauerte länger als max_run_seconds (%2 s) und wurde an seiner letzten festgeschriebenen Seite angehalten; der nächste Lauf macht dort weiter. Eine so große oder langsame Quelle braucht ein höheres Limit</translation>
    </message>
    <message>
        <source>%1: the answer was not complete after %2 s (the server kept sending, too slowly); raise limits.deadline_ms if pages are this large on a slow network</source>
        <translation>%1: Die Antwort war nach %2 s nicht vollständig (der Server sendete weiter, zu langsam); erhöhen Sie limits.deadline_ms, wenn Seiten in einem langsamen Netz so groß sind</translation>
    </message>
    <message>
        <source> A full sync walks %1 the same way and stops at the same page.</source>
        <translation> Eine vollständige Synchronisation durchläuft %1 auf dieselbe Weise und hält an derselben Seite an.</translation>
    </message>
    <message>
        <source>the walk read %1 record(s) a second time (ids %2): its pages overlap, so it may as well have skipped records.</source>
        <translation>der Durchlauf hat Datensätze ein zweites Mal gelesen (Anzahl: %1, IDs %2): Seine Seiten überschneiden sich, er kann also ebenso gut Datensätze übersprungen haben.</translation>
    </message>
    <message>
        <source>%1 records in %2 page(s), none read twice; the source ended the walk (no continuation after its last page)</source>
        <translation>%1 Datensätze (Seiten: %2), keiner doppelt gelesen; die Quelle hat den Durchlauf beendet (keine Fortsetzung nach ihrer letzten Seite)</translation>
    </message>
    <message>
        <source>the source has no id scan for %1%2: the walk is the only listing of its records, so records the walk cannot reach go unseen</source>
        <translation>die Quelle hat keine ID-Auflistung für %1%2: Der Durchlauf ist die einzige Auflistung ihrer Datensätze, Datensätze, die er nicht erreicht, bleiben also unbemerkt</translation>
    </message>
    <message>
        <source>%1 ids listed; the walk did not complete, so the listing was only searched for records the main database lacks</source>
        <translation>%1 IDs aufgelistet; der Durchlauf wurde nicht abgeschlossen, daher wurde die Auflistung nur nach Datensätzen durchsucht, die in der Hauptdatenbank fehlen</translation>
    </message>
    <message>
        <source>%1 id(s) listed by the id scan were not reached by the walk (%2): a full sync walks the same way and misses them too</source>
        <translation>IDs aus der ID-Auflistung, die der Durchlauf nicht erreicht hat: %1 (%2); eine vollständige Synchronisation läuft auf dieselbe Weise und verpasst sie ebenfalls</translation>
    </message>
    <message>
        <source>%1 record(s) reached by the walk are absent from the id scan (%2): reconciliation decides deletes from that listing (it asks for each such record by id, and only a 404 deletes)</source>
        <translation>Datensätze, die der Durchlauf erreicht hat, die aber in der ID-Auflistung fehlen: %1 (%2); der Abgleich entscheidet anhand dieser Auflistung über Löschungen (er fragt jeden solchen Datensatz per ID ab, und nur ein 404 löscht)</translation>
    </message>
    <message>
        <source>%1 listed record(s) changed after the walk began, so the walk need not have met them</source>
        <translation>aufgelistete Datensätze, die sich nach Beginn des Durchlaufs geändert haben, sodass der Durchlauf sie nicht antreffen musste: %1</translation>
    </message>
    <message>
        <source>%1 record(s) the walk read were deleted at the source before the scan</source>
        <translation>vom Durchlauf gelesene Datensätze, die vor der Auflistung an der Quelle gelöscht wurden: %1</translation>
    </message>
    <message>
        <source>%1 ids listed, each one reached by the walk, and the walk reached no other</source>
        <translation>%1 IDs aufgelistet, jede vom Durchlauf erreicht, und der Durchlauf hat keine andere erreicht</translation>
    </message>
    <message>
        <source>the source&apos;s two listings of %1 disagree: %2.</source>
        <translation>die beiden Auflistungen der Quelle für %1 stimmen nicht überein: %2.</translation>
    </message>
    <message>
        <source>the source reports no total for %1%2: only the walk&apos;s end (a last page without a continuation) shows that it read everything; %3 rows of the main database are linked to it</source>
        <translation>die Quelle meldet keine Gesamtzahl für %1%2: Nur das Ende des Durchlaufs (eine letzte Seite ohne Fortsetzung) zeigt, dass er alles gelesen hat; %3 Zeilen der Hauptdatenbank sind damit verknüpft</translation>
    </message>
    <message>
        <source> and %1 record(s) are held back (in quarantine, changed before the source&apos;s start, or a conflict over a row the application deleted)</source>
        <translation> und zudem %1 zurückgehalten (Datensätze in Quarantäne, vor dem Startpunkt der Quelle geändert oder im Konflikt um eine Zeile, die die Anwendung gelöscht hat)</translation>
    </message>
    <message>
        <source>the walk reached %1 distinct records</source>
        <translation>der Durchlauf hat %1 verschiedene Datensätze erreicht</translation>
    </message>
    <message>
        <source>%1 rows of the main database are linked to it%2: %3 more than the source counts</source>
        <translation>%1 Zeilen der Hauptdatenbank sind damit verknüpft%2: %3 mehr, als die Quelle zählt</translation>
    </message>
    <message>
        <source>%1 rows of the main database are linked to it%2: %3 fewer than the source counts</source>
        <translation>%1 Zeilen der Hauptdatenbank sind damit verknüpft%2: %3 weniger, als die Quelle zählt</translation>
    </message>
    <message>
        <source>the source counts %1, the walk reached %1, and %2 rows of the main database are linked to it%3</source>
        <translation>die Quelle zählt %1, der Durchlauf hat %1 erreicht, und %2 Zeilen der Hauptdatenbank sind damit verknüpft%3</translation>
    </message>
    <message>
        <source>the source counts %1, and %2 rows of the main database are linked to it%3</source>
        <translation>die Quelle zählt %1, und %2 Zeilen der Hauptdatenbank sind damit verknüpft%3</translation>
    </message>
    <message>
        <source> The missing and extra records above account for the difference.</source>
        <translation> Die oben genannten fehlenden und überzähligen Datensätze erklären den Unterschied.</translation>
    </message>
    <message>
        <source> If the total itself is wrong, check %1.</source>
        <translation> Ist die Gesamtzahl selbst falsch, %1 prüfen.</translation>
    </message>
    <message>
        <source>the source counts %1 %2, but %3.</source>
        <translation>die Quelle zählt %1 %2, aber %3.</translation>
    </message>
    <message>
        <source>the walk did not complete, so links to records it did not reach cannot be told gone from the source</source>
        <translation>der Durchlauf wurde nicht abgeschlossen, daher lässt sich bei Verknüpfungen zu Datensätzen, die er nicht erreicht hat, nicht feststellen, ob sie an der Quelle verschwunden sind</translation>
    </message>
    <message>
        <source>every sync walks %1 whole</source>
        <translation>jede Synchronisation durchläuft %1 vollständig</translation>
    </message>
    <message>
        <source>%1 has no incremental cursor yet: the next sync reads it from the beginning</source>
        <translation>%1 hat noch keinen inkrementellen Cursor: Die nächste Synchronisation liest von Anfang an</translation>
    </message>
    <message>
        <source>%1 has no incremental cursor, and its start is &quot;now&quot;: a first sync reads only what changes after it</source>
        <translation>%1 hat keinen inkrementellen Cursor, und der Start der Quelle ist &quot;now&quot;: Eine erste Synchronisation liest nur, was sich danach ändert</translation>
    </message>
    <message>
        <source>its %1 %2 is before the start date %3</source>
        <translation>sein %1 %2 liegt vor dem Startdatum %3</translation>
    </message>
    <message>
        <source>its %1 %2 is not before the start date %3</source>
        <translation>sein %1 %2 liegt nicht vor dem Startdatum %3</translation>
    </message>
    <message>
        <source>its %1 is not a time</source>
        <translation>sein %1 ist keine Zeitangabe</translation>
    </message>
    <message>
        <source>its %1 %2 is before the cursor %3, less overlap_seconds</source>
        <translation>sein %1 %2 liegt vor dem Cursor %3 abzüglich overlap_seconds</translation>
    </message>
    <message>
        <source>its %1 %2 is before the cursor %3</source>
        <translation>sein %1 %2 liegt vor dem Cursor %3</translation>
    </message>
    <message>
        <source>its %1 is the cursor&apos;s own value and its id sorts at or before the cursor&apos;s id %2, so the next sync skips it as applied</source>
        <translation>sein %1 ist genau der Wert des Cursors, und seine ID sortiert sich bei oder vor der ID des Cursors %2, daher überspringt die nächste Synchronisation ihn als bereits angewendet</translation>
    </message>
    <message>
        <source>its %1 %2 is not before the cursor %3</source>
        <translation>sein %1 %2 liegt nicht vor dem Cursor %3</translation>
    </message>
    <message>
        <source>%1 %2: waits in tributary_pending for a record it references. The next sync (incremental or full) or reconciliation fetches what it waits for at its end and applies it, or quarantines it naming a reference the source does not have.</source>
        <translation>%1 %2: wartet in tributary_pending auf einen Datensatz, auf den er verweist. Die nächste Synchronisation (inkrementell oder vollständig) oder der nächste Abgleich ruft an seinem Ende ab, worauf er wartet, und wendet ihn an, oder stellt ihn in Quarantäne und nennt einen Verweis, den die Quelle nicht hat.</translation>
    </message>
    <message>
        <source>%1 %2: invalid at the source (%3) and not in quarantine. No sync applies it until the source corrects it or the mapping accepts it; the next sync that reads it holds it in quarantine with the reason (%4 reads it).</source>
        <translation>%1 %2: an der Quelle ungültig (%3) und nicht in Quarantäne. Keine Synchronisation wendet ihn an, bis die Quelle ihn korrigiert oder die Zuordnung ihn annimmt; die nächste Synchronisation, die ihn liest, hält ihn mit dem Grund in Quarantäne (%4 liest ihn).</translation>
    </message>
    <message>
        <source>%1 %2: linked to %3 id %4, which the main application deleted. No sync or reconciliation re-creates it (Tributary never brings back a row the application deleted): once the source changes the record, a sync opens a local-deleted conflict, and tributaryd conflicts resolve ID --restore brings the row back.</source>
        <translation>%1 %2: verknüpft mit %3 ID %4, die die Hauptanwendung gelöscht hat. Keine Synchronisation und kein Abgleich legt sie wieder an (Tributary holt nie eine Zeile zurück, die die Anwendung gelöscht hat): Sobald die Quelle den Datensatz ändert, öffnet eine Synchronisation einen Konflikt local-deleted, und tributaryd conflicts resolve ID --restore holt die Zeile zurück.</translation>
    </message>
    <message>
        <source>%1 %2: not in the main database.</source>
        <translation>%1 %2: nicht in der Hauptdatenbank.</translation>
    </message>
    <message>
        <source>%1 %2 (%3 id %4): deleted here by a reconciliation, but the source has it again.</source>
        <translation>%1 %2 (%3 ID %4): hier durch einen Abgleich gelöscht, aber die Quelle hat ihn wieder.</translation>
    </message>
    <message>
        <source>%1 %2: listed by the source&apos;s id scan, but not reached by the walk and not in the main database.</source>
        <translation>%1 %2: in der ID-Auflistung der Quelle enthalten, aber vom Durchlauf nicht erreicht und nicht in der Hauptdatenbank.</translation>
    </message>
    <message>
        <source>%1 %2 (%3 id %4): deleted here by a reconciliation, but the source&apos;s id scan lists it again (the walk does not reach it).</source>
        <translation>%1 %2 (%3 ID %4): hier durch einen Abgleich gelöscht, aber die ID-Auflistung der Quelle enthält ihn wieder (der Durchlauf erreicht ihn nicht).</translation>
    </message>
    <message>
        <source>The next sync restores it (%1).</source>
        <translation>Die nächste Synchronisation stellt ihn wieder her (%1).</translation>
    </message>
    <message>
        <source>The next sync reads it (%1).</source>
        <translation>Die nächste Synchronisation liest ihn (%1).</translation>
    </message>
    <message>
        <source>An incremental sync will not restore it (%1).</source>
        <translation>Eine inkrementelle Synchronisation stellt ihn nicht wieder her (%1).</translation>
    </message>
    <message>
        <source>An incremental sync will not bring it back (%1).</source>
        <translation>Eine inkrementelle Synchronisation holt ihn nicht nach (%1).</translation>
    </message>
    <message>
        <source>Whether an incremental sync reads it cannot be told (%1).</source>
        <translation>Ob eine inkrementelle Synchronisation ihn liest, lässt sich nicht feststellen (%1).</translation>
    </message>
    <message>
        <source>%1 restores it.</source>
        <translation>%1 stellt ihn wieder her.</translation>
    </message>
    <message>
        <source>%1 brings it.</source>
        <translation>%1 holt ihn nach.</translation>
    </message>
    <message>
        <source>%1 will not: its walk does not reach the record either.</source>
        <translation>%1 hilft nicht: Auch dieser Durchlauf erreicht den Datensatz nicht.</translation>
    </message>
    <message>
        <source>%1 will not until its listing of %2 completes (see the checks).</source>
        <translation>%1 hilft erst, wenn die Auflistung von %2 vollständig ist (siehe die Prüfungen).</translation>
    </message>
    <message>
        <source>So does %1.</source>
        <translation>Ebenso %1.</translation>
    </message>
    <message>
        <source>%1 fetches it by id from its id scan, as long as no more than 200 records of %2 are missing from the main database.</source>
        <translation>%1 ruft ihn anhand der ID-Auflistung per ID ab, solange nicht mehr als 200 Datensätze von %2 in der Hauptdatenbank fehlen.</translation>
    </message>
    <message>
        <source>cannot read the ids listed for %1/%2</source>
        <translation>die für %1/%2 aufgelisteten IDs können nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot compare the ids listed for %1/%2 with the walk</source>
        <translation>die für %1/%2 aufgelisteten IDs können nicht mit dem Durchlauf verglichen werden</translation>
    </message>
    <message>
        <source>cannot count the linked rows of %1/%2</source>
        <translation>die verknüpften Zeilen von %1/%2 können nicht gezählt werden</translation>
    </message>
    <message>
        <source>%1: table &quot;%2&quot; requires a value in column &quot;%3&quot; (NOT NULL, no default) and the mapping gives it none, so every new row would be refused; map a field to it in &quot;columns&quot;, or give it a value in &quot;defaults&quot;</source>
        <translation>%1: Die Tabelle &quot;%2&quot; verlangt einen Wert in der Spalte &quot;%3&quot; (NOT NULL, kein Standardwert), und die Zuordnung liefert keinen, daher würde jede neue Zeile abgelehnt; in &quot;columns&quot; ein Feld darauf abbilden oder in &quot;defaults&quot; einen Wert angeben</translation>
    </message>
    <message>
        <source>a sync of source &quot;%1&quot; is running (worker %2, lease until %3): wait for it to end, or stop it, before you %4 the source</source>
        <extracomment>%1 source, %2 the worker (host:pid), %3 when its lease ends, %4 detach or purge</extracomment>
        <translation>eine Synchronisierung der Quelle „%1“ läuft (Worker %2, Lease bis %3): warten Sie, bis sie endet, oder stoppen Sie sie, bevor Sie die Quelle %4</translation>
    </message>
    <message>
        <source>source %1 is being synced by worker %2 (lease until %3); wait for it, or stop it first</source>
        <extracomment>%1 source, %2 the worker (host:pid), %3 when its lease ends (UTC)</extracomment>
        <translation>Quelle %1 wird von Worker %2 synchronisiert (Lease bis %3); warten Sie darauf oder stoppen Sie ihn zuerst</translation>
    </message>
    <message>
        <source>source %1 is being synced by another run of this process (worker %2); wait for it, or stop it first</source>
        <translation>Quelle %1 wird von einem anderen Lauf dieses Prozesses synchronisiert (Worker %2); warten Sie darauf oder stoppen Sie ihn zuerst</translation>
    </message>
    <message>
        <source>source %1: the run lost its lease on the source (it could not be renewed: %2); it stopped at its last committed page so that no other worker&apos;s run overlaps it</source>
        <extracomment>%1 source, %2 the database&apos;s error</extracomment>
        <translation>Quelle %1: der Lauf hat seine Lease auf die Quelle verloren (sie konnte nicht erneuert werden: %2); er hat bei seiner letzten festgeschriebenen Seite angehalten, damit sich kein Lauf eines anderen Workers mit ihm überschneidet</translation>
    </message>
    <message>
        <source>source %1: the run lost its lease on the source (it expired before it could be renewed); it stopped at its last committed page</source>
        <translation>Quelle %1: der Lauf hat seine Lease auf die Quelle verloren (sie lief ab, bevor sie erneuert werden konnte); er hat bei seiner letzten festgeschriebenen Seite angehalten</translation>
    </message>
    <message>
        <source>source %1: the run lost its lease on the source to worker %2 (it expired before it could be renewed); it stopped at its last committed page</source>
        <translation>Quelle %1: der Lauf hat seine Lease auf die Quelle an Worker %2 verloren (sie lief ab, bevor sie erneuert werden konnte); er hat bei seiner letzten festgeschriebenen Seite angehalten</translation>
    </message>
    <message>
        <source>cannot hand the webhook hints of source %1 over to the worker that holds it</source>
        <translation>die Webhook-Hinweise der Quelle %1 können nicht an den Worker übergeben werden, der sie hält</translation>
    </message>
    <message>
        <source>cannot read the webhook hints waiting for source %1</source>
        <translation>die wartenden Webhook-Hinweise der Quelle %1 können nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot remove the applied webhook hints of source %1</source>
        <translation>die angewendeten Webhook-Hinweise der Quelle %1 können nicht entfernt werden</translation>
    </message>
    <message>
        <source>cannot read the webhook hints waiting</source>
        <translation>die wartenden Webhook-Hinweise können nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot take the lease of source %1</source>
        <translation>die Lease der Quelle %1 kann nicht übernommen werden</translation>
    </message>
    <message>
        <source>cannot take the lease of source %1: it was released at once</source>
        <translation>die Lease der Quelle %1 kann nicht übernommen werden: sie wurde sofort wieder freigegeben</translation>
    </message>
    <message>
        <source>cannot renew the lease of source %1</source>
        <translation>die Lease der Quelle %1 kann nicht erneuert werden</translation>
    </message>
    <message>
        <source>cannot release the lease of source %1</source>
        <translation>die Lease der Quelle %1 kann nicht freigegeben werden</translation>
    </message>
    <message>
        <source>cannot read the lease of source %1</source>
        <translation>die Lease der Quelle %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read the leases of the sources</source>
        <translation>die Leases der Quellen können nicht gelesen werden</translation>
    </message>
    <message>
        <source>the connection is closed</source>
        <translation>die Verbindung ist geschlossen</translation>
    </message>
    <message>
        <source>cannot record this worker in the main database</source>
        <translation>dieser Worker kann nicht in der Hauptdatenbank eingetragen werden</translation>
    </message>
    <message>
        <source>cannot read the workers from the main database</source>
        <translation>die Worker können nicht aus der Hauptdatenbank gelesen werden</translation>
    </message>
    <message>
        <source>the SQLite connection offers no handle to prepare a statement on</source>
        <translation>die SQLite-Verbindung bietet kein Handle, auf dem sich eine Anweisung vorbereiten ließe</translation>
    </message>
    <message>
        <source>cannot write the insert lines of the links being removed to the change log</source>
        <translation>kann die Einfügezeilen der zu entfernenden Verknüpfungen nicht ins Änderungsprotokoll schreiben</translation>
    </message>
    <message>
        <source>source %1, entity %2: the triggers that capture the main application&apos;s edits of table %3 are missing and cannot be installed (%4); rows imported with them would lose local edits unseen. Give Tributary&apos;s role ownership of the table (the TRIGGER privilege is enough to create the triggers, not to replace them) and run again</source>
        <translation>Quelle %1, Entität %2: Die Trigger, die die Änderungen der Hauptanwendung an Tabelle %3 erfassen, fehlen und können nicht angelegt werden (%4); Zeilen, die mit ihnen importiert wurden, würden lokale Änderungen unbemerkt verlieren. Geben Sie der Rolle von Tributary den Besitz der Tabelle (das TRIGGER-Recht genügt, um die Trigger anzulegen, nicht, um sie zu ersetzen) und starten Sie erneut</translation>
    </message>
    <message>
        <source>cannot read the latest runs</source>
        <translation>die letzten Läufe können nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot count the open conflicts</source>
        <translation>die offenen Konflikte können nicht gezählt werden</translation>
    </message>
    <message>
        <source>cannot count the quarantined records</source>
        <translation>die Datensätze in Quarantäne können nicht gezählt werden</translation>
    </message>
    <message>
        <source>cannot read the leases and workers</source>
        <translation>die Leases und Worker können nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read the workers</source>
        <translation>die Worker können nicht gelesen werden</translation>
    </message>
    <message numerus="yes">
        <source> (after %n retries)</source>
        <translation>
            <numerusform> (nach %n Wiederholung)</numerusform>
            <numerusform> (nach %n Wiederholungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>environment variable %1</source>
        <translation>Umgebungsvariable %1</translation>
    </message>
    <message>
        <source>key &quot;%1&quot; of credentials file %2</source>
        <translation>Schlüssel &quot;%1&quot; der Zugangsdatendatei %2</translation>
    </message>
    <message>
        <source>the source is gone</source>
        <translation>die Quelle gibt es nicht mehr</translation>
    </message>
    <message>
        <source>refusing to follow the continuation URL %1: it is not on %2 (credentials are only sent to base_url&apos;s origin)</source>
        <translation>der Fortsetzungs-URL %1 wird nicht gefolgt: sie liegt nicht auf %2 (Zugangsdaten gehen nur an den Ursprung von base_url)</translation>
    </message>
    <message>
        <source>continuation token &quot;%1&quot; is not a number (pagination style %2)</source>
        <translation>das Fortsetzungstoken &quot;%1&quot; ist keine Zahl (Seitenstil %2)</translation>
    </message>
    <message>
        <source>no %1 header in the response (total_request.total_header)</source>
        <translation>kein Header %1 in der Antwort (total_request.total_header)</translation>
    </message>
    <message>
        <source>the %1 header &quot;%2&quot; is not a whole number (total_request.total_header)</source>
        <translation>der Header %1 &quot;%2&quot; ist keine ganze Zahl (total_request.total_header)</translation>
    </message>
    <message>
        <source>no &quot;%1&quot; in the response (total_request.total_path)</source>
        <translation>kein &quot;%1&quot; in der Antwort (total_request.total_path)</translation>
    </message>
    <message>
        <source>GET %1: no &quot;%2&quot; in the response (records_path)</source>
        <translation>GET %1: kein &quot;%2&quot; in der Antwort (records_path)</translation>
    </message>
    <message>
        <source>GET %1: expected the body to be a JSON array of records (records_path is empty)</source>
        <translation>GET %1: erwartet wurde als Antwort ein JSON-Array von Datensätzen (records_path ist leer)</translation>
    </message>
    <message>
        <source>GET %1: expected an array of records at &quot;%2&quot; (records_path)</source>
        <translation>GET %1: erwartet wurde ein Array von Datensätzen bei &quot;%2&quot; (records_path)</translation>
    </message>
    <message>
        <source>GET %1: a full page but no &quot;%2&quot; in the response (next_cursor_path)</source>
        <translation>GET %1: eine volle Seite, aber kein &quot;%2&quot; in der Antwort (next_cursor_path)</translation>
    </message>
    <message>
        <source>GET %1: the server returned the same cursor again at &quot;%2&quot;; stopping to avoid an endless walk. Check rest.pagination.cursor_param (&quot;%3&quot;): the API may not read it</source>
        <translation>GET %1: der Server hat bei &quot;%2&quot; denselben Cursor noch einmal geliefert; der Durchlauf hält an, damit er nicht endlos läuft. Prüfen Sie rest.pagination.cursor_param (&quot;%3&quot;): die API liest ihn womöglich nicht</translation>
    </message>
    <message>
        <source>GET %1: a full page but no &quot;%2&quot; in the response (next_url_path)</source>
        <translation>GET %1: eine volle Seite, aber kein &quot;%2&quot; in der Antwort (next_url_path)</translation>
    </message>
    <message>
        <source>GET %1: the next page is on another origin (%2); refusing to send credentials anywhere but base_url&apos;s scheme, host and port</source>
        <translation>GET %1: die nächste Seite liegt auf einem anderen Ursprung (%2); Zugangsdaten gehen nur an Schema, Host und Port von base_url</translation>
    </message>
    <message>
        <source>GET %1: the next page link points at this same page; stopping to avoid an endless walk</source>
        <translation>GET %1: der Verweis auf die nächste Seite zeigt auf dieselbe Seite; der Durchlauf hält an, damit er nicht endlos läuft</translation>
    </message>
    <message>
        <source>cannot fetch a record without an id</source>
        <translation>ein Datensatz ohne ID kann nicht abgerufen werden</translation>
    </message>
    <message>
        <source> (record %1)</source>
        <translation> (Datensatz %1)</translation>
    </message>
    <message>
        <source>source %1: invalid configuration: %2</source>
        <translation>Quelle %1: ungültige Konfiguration: %2</translation>
    </message>
    <message>
        <source>cannot read the credential %1.%2: %3</source>
        <translation>die Zugangsdaten %1.%2 können nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>the credential %1.%2 contains a line break or another control character, which cannot be sent in a header</source>
        <translation>die Zugangsdaten %1.%2 enthalten einen Zeilenumbruch oder ein anderes Steuerzeichen, das in keinem Header gesendet werden kann</translation>
    </message>
    <message>
        <source>the bearer token (%1)</source>
        <translation>das Bearer-Token (%1)</translation>
    </message>
    <message>
        <source>the user name and password (%1)</source>
        <translation>Benutzername und Passwort (%1)</translation>
    </message>
    <message>
        <source>the API key sent as %1 (%2)</source>
        <translation>der als %1 gesendete API-Schlüssel (%2)</translation>
    </message>
    <message>
        <source>source %1 has no entity &quot;%2&quot;</source>
        <translation>Quelle %1 hat keine Entität &quot;%2&quot;</translation>
    </message>
    <message>
        <source>unknown cursor kind &quot;%1&quot;</source>
        <translation>unbekannte Cursor-Art &quot;%1&quot;</translation>
    </message>
    <message>
        <source>stopped before the verify began</source>
        <translation>angehalten, bevor die Prüfung begann</translation>
    </message>
    <message>
        <source>source %1 is already being verified</source>
        <translation>Quelle %1 wird bereits geprüft</translation>
    </message>
    <message>
        <source>value %1</source>
        <translation>Wert %1</translation>
    </message>
    <message>
        <source>last id %1</source>
        <translation>letzte ID %1</translation>
    </message>
    <message>
        <source>resumes at %1 (after %2 records)</source>
        <extracomment>A full walk or scan that stopped part-way: where it resumes, and how many records it had read.</extracomment>
        <translation>Fortsetzung bei %1 (nach %2 Datensätzen)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>cannot read the captured edit of %1 %2</source>
        <translation>die erfasste Änderung von %1 %2 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the configuration syncs nothing into a table &quot;%1&quot;</source>
        <translation>die Konfiguration synchronisiert nichts in eine Tabelle &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the main database has no table &quot;%1&quot;</source>
        <translation>die Hauptdatenbank hat keine Tabelle &quot;%1&quot;</translation>
    </message>
    <message>
        <source>table &quot;%1&quot; has no column &quot;%2&quot; (its key in the configuration)</source>
        <translation>Tabelle &quot;%1&quot; hat keine Spalte &quot;%2&quot; (ihr Schlüssel in der Konfiguration)</translation>
    </message>
    <message>
        <source>nothing to look for: type an id or a value</source>
        <translation>nichts zu suchen: eine ID oder einen Wert eingeben</translation>
    </message>
    <message>
        <source>the configuration has no entity &quot;%1&quot; of a source &quot;%2&quot;</source>
        <translation>die Konfiguration hat keine Entität &quot;%1&quot; einer Quelle &quot;%2&quot;</translation>
    </message>
    <message>
        <source>cannot look up %1/%2 %3</source>
        <translation>%1/%2 %3 kann nicht nachgeschlagen werden</translation>
    </message>
    <message>
        <source>cannot search table &quot;%1&quot;</source>
        <translation>Tabelle &quot;%1&quot; kann nicht durchsucht werden</translation>
    </message>
    <message>
        <source>cannot read %1 %2</source>
        <translation>%1 %2 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>only an entity that writes (&quot;direction&quot;: &quot;out&quot; or &quot;both&quot;) receives rows</source>
        <translation>nur eine Entität, die schreibt (&quot;direction&quot;: &quot;out&quot; oder &quot;both&quot;), empfängt Zeilen</translation>
    </message>
    <message>
        <source>must be at least backoff_seconds (%1)</source>
        <translation>muss mindestens backoff_seconds (%1) sein</translation>
    </message>
    <message numerus="yes">
        <source>dropped %n outbox operation(s) of sources or tables that no longer write back</source>
        <translation>
            <numerusform>%n Outbox-Vorgang von Quellen oder Tabellen verworfen, die nicht mehr zurückschreiben</numerusform>
            <numerusform>%n Outbox-Vorgänge von Quellen oder Tabellen verworfen, die nicht mehr zurückschreiben</numerusform>
        </translation>
    </message>
    <message>
        <source>source %1, entity %2: write-back needs triggers on table %3 and the main database refused them (the role must own the table or hold the TRIGGER privilege)</source>
        <translation>Quelle %1, Entität %2: Das Zurückschreiben braucht Trigger auf der Tabelle %3, und die Hauptdatenbank hat sie abgelehnt (die Rolle muss Eigentümerin der Tabelle sein oder das Recht TRIGGER haben)</translation>
    </message>
    <message>
        <source>stopped while pushing</source>
        <translation>beim Zurückschreiben angehalten</translation>
    </message>
    <message>
        <source>waits for a row it refers to, which is not at the source yet</source>
        <translation>wartet auf eine Zeile, auf die sie verweist und die noch nicht bei der Quelle ist</translation>
    </message>
    <message>
        <source>%1 refers to %2 %3, which source %4 has no record of and which is not pushed to it</source>
        <translation>%1 verweist auf %2 %3, wovon die Quelle %4 keinen Datensatz hat und was ihr nicht übertragen wird</translation>
    </message>
    <message>
        <source>the source created the record but its answer has no id at &quot;%1&quot;; link it by hand or drop the operation</source>
        <translation>die Quelle hat den Datensatz angelegt, aber ihre Antwort hat keine ID unter &quot;%1&quot;; verknüpfen Sie ihn von Hand oder verwerfen Sie den Vorgang</translation>
    </message>
    <message>
        <source>the source answered 404 to the create: check the entity&apos;s endpoint and rest.write.create</source>
        <translation>die Quelle hat das Anlegen mit 404 beantwortet: prüfen Sie den Endpunkt der Entität und rest.write.create</translation>
    </message>
    <message>
        <source>the source answered 412 to a create</source>
        <translation>die Quelle hat ein Anlegen mit 412 beantwortet</translation>
    </message>
    <message>
        <source>the record %1 is gone at the source; a reconciliation raises the edit-versus-delete conflict</source>
        <translation>der Datensatz %1 ist bei der Quelle verschwunden; ein Abgleich meldet den Konflikt zwischen Änderung und Löschung</translation>
    </message>
    <message>
        <source>waits for the conflict on %1 %2 to be decided</source>
        <translation>wartet, bis der Konflikt zu %1 %2 entschieden ist</translation>
    </message>
    <message>
        <source>%1 refers to %2 %3, which is not at the source yet</source>
        <translation>%1 verweist auf %2 %3, das noch nicht bei der Quelle ist</translation>
    </message>
    <message numerus="yes">
        <source>the record kept changing at the source (%n attempt(s))</source>
        <translation>
            <numerusform>der Datensatz hat sich bei der Quelle immer wieder geändert (%n Versuch)</numerusform>
            <numerusform>der Datensatz hat sich bei der Quelle immer wieder geändert (%n Versuche)</numerusform>
        </translation>
    </message>
    <message>
        <source>source %1 refused the change of %2 %3 (outbox operation %4): %5</source>
        <translation>Quelle %1 hat die Änderung von %2 %3 abgelehnt (Outbox-Vorgang %4): %5</translation>
    </message>
    <message>
        <source>source %1: the change of %2 %3 waits until %4: %5</source>
        <translation>Quelle %1: Die Änderung von %2 %3 wartet bis %4: %5</translation>
    </message>
    <message numerus="yes">
        <source>source %1 was sent %n new row(s) and did not answer: %2. Nothing was read, so that they are not imported a second time; the next run sends them again with the same idempotency key first</source>
        <translation>
            <numerusform>Quelle %1 wurde %n neue Zeile gesendet und hat nicht geantwortet: %2. Es wurde nichts gelesen, damit sie nicht ein zweites Mal importiert wird; der nächste Lauf sendet sie zuerst erneut mit demselben Idempotenzschlüssel</numerusform>
            <numerusform>Quelle %1 wurden %n neue Zeilen gesendet und sie hat nicht geantwortet: %2. Es wurde nichts gelesen, damit sie nicht ein zweites Mal importiert werden; der nächste Lauf sendet sie zuerst erneut mit demselben Idempotenzschlüssel</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot read which sources receive the main database&apos;s changes</source>
        <translation>kann nicht lesen, welche Quellen die Änderungen der Hauptdatenbank erhalten</translation>
    </message>
    <message>
        <source>cannot read the outbox of source %1</source>
        <translation>kann die Outbox der Quelle %1 nicht lesen</translation>
    </message>
    <message>
        <source>cannot read the outbox</source>
        <translation>kann die Outbox nicht lesen</translation>
    </message>
    <message>
        <source>no outbox operation %1</source>
        <translation>kein Outbox-Vorgang %1</translation>
    </message>
    <message>
        <source>cannot retry outbox operations</source>
        <translation>kann Outbox-Vorgänge nicht erneut versuchen</translation>
    </message>
    <message>
        <source>cannot drop outbox operations</source>
        <translation>kann Outbox-Vorgänge nicht verwerfen</translation>
    </message>
    <message>
        <source>entity &quot;%1&quot; is only written (&quot;direction&quot;: &quot;out&quot;); an entity that reads cannot refer to it</source>
        <translation>Entität &quot;%1&quot; wird nur geschrieben (&quot;direction&quot;: &quot;out&quot;); eine Entität, die liest, kann nicht auf sie verweisen</translation>
    </message>
    <message>
        <source>a path only, without query parameters</source>
        <translation>nur ein Pfad, ohne Abfrageparameter</translation>
    </message>
    <message>
        <source>a path relative to the entity&apos;s endpoint (&quot;%1&quot;) or to base_url (&quot;/...&quot;), not a URL</source>
        <translation>ein Pfad relativ zum Endpunkt der Entität (&quot;%1&quot;) oder zu base_url (&quot;/...&quot;), keine URL</translation>
    </message>
    <message>
        <source>the only placeholder is %1 (the record&apos;s external id)</source>
        <translation>der einzige Platzhalter ist %1 (die externe ID des Datensatzes)</translation>
    </message>
    <message>
        <source>must contain %1, where the record&apos;s external id goes (e.g. &quot;%1&quot;)</source>
        <translation>muss %1 enthalten, dort steht die externe ID des Datensatzes (z. B. &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>cannot contain %1: a record has no external id before it is created</source>
        <translation>darf %1 nicht enthalten: ein Datensatz hat vor dem Anlegen keine externe ID</translation>
    </message>
    <message>
        <source>must not be empty when origin_header is set</source>
        <translation>darf nicht leer sein, wenn origin_header gesetzt ist</translation>
    </message>
    <message>
        <source>%1: malformed JSON at offset %2 of %3 bytes: %4</source>
        <translation>%1: fehlerhaftes JSON bei Position %2 von %3 Bytes: %4</translation>
    </message>
    <message>
        <source>%1: expected a JSON object at &quot;%2&quot; (record_path)</source>
        <translation>%1: erwartet wurde ein JSON-Objekt bei &quot;%2&quot; (record_path)</translation>
    </message>
    <message>
        <source>%1: no &quot;%2&quot; in the response (record_path)</source>
        <translation>%1: kein &quot;%2&quot; in der Antwort (record_path)</translation>
    </message>
    <message>
        <source>cannot update or delete a record without its external id</source>
        <translation>ein Datensatz ohne seine externe ID kann weder geändert noch gelöscht werden</translation>
    </message>
    <message>
        <source>the value for the %1 header contains a line break or another control character, which cannot be sent in a header</source>
        <translation>der Wert für den Header %1 enthält einen Zeilenumbruch oder ein anderes Steuerzeichen, das in einem Header nicht gesendet werden kann</translation>
    </message>
    <message>
        <source>; the record may or may not have been created: not sent again, since without an idempotency key (rest.write.idempotency_header) a second %1 could create it twice</source>
        <translation>; der Datensatz wurde vielleicht angelegt, vielleicht auch nicht: nicht erneut gesendet, da ohne Idempotenzschlüssel (rest.write.idempotency_header) ein zweites %1 ihn doppelt anlegen könnte</translation>
    </message>
    <message>
        <source> (the record was created, HTTP %1, but the answer does not say which it is)</source>
        <translation> (der Datensatz wurde angelegt, HTTP %1, aber die Antwort sagt nicht, welcher es ist)</translation>
    </message>
    <message>
        <source>entity %1 only reads (direction &quot;%2&quot;): set sources.%3.entities.%1.direction, or the source&apos;s direction, to &quot;out&quot; or &quot;both&quot;</source>
        <translation>Entität %1 liest nur (direction &quot;%2&quot;): sources.%3.entities.%1.direction oder die direction der Quelle auf &quot;out&quot; oder &quot;both&quot; setzen</translation>
    </message>
    <message>
        <source>must not be empty when &quot;own_origin&quot; is set</source>
        <translation>darf nicht leer sein, wenn &quot;own_origin&quot; gesetzt ist</translation>
    </message>
    <message>
        <source>the OAuth 2.0 access token from %1 (client %2, refresh token in %3)</source>
        <translation>das OAuth-2.0-Zugriffstoken von %1 (Client %2, Refresh-Token in %3)</translation>
    </message>
    <message>
        <source>the OAuth 2.0 access token from %1 (client %2, client secret in %3)</source>
        <translation>das OAuth-2.0-Zugriffstoken von %1 (Client %2, Client-Secret in %3)</translation>
    </message>
    <message>
        <source>the OAuth 2.0 client %1 and its refresh token (%2)</source>
        <translation>den OAuth-2.0-Client %1 und seinen Refresh-Token (%2)</translation>
    </message>
    <message>
        <source>the OAuth 2.0 client %1 and its secret (%2)</source>
        <translation>den OAuth-2.0-Client %1 und sein Secret (%2)</translation>
    </message>
    <message>
        <source>cannot get an OAuth 2.0 access token: %1</source>
        <translation>kein OAuth-2.0-Zugriffstoken erhalten: %1</translation>
    </message>
    <message>
        <source>cannot get an OAuth 2.0 access token: the answer of %1 has no &quot;access_token&quot;</source>
        <translation>kein OAuth-2.0-Zugriffstoken erhalten: die Antwort von %1 enthält kein &quot;access_token&quot;</translation>
    </message>
    <message>
        <source>cannot use the OAuth 2.0 access token from %1: its type is &quot;%2&quot;; only Bearer tokens are supported</source>
        <translation>das OAuth-2.0-Zugriffstoken von %1 ist nicht verwendbar: sein Typ ist &quot;%2&quot;; nur Bearer-Tokens werden unterstützt</translation>
    </message>
    <message>
        <source>cannot use the OAuth 2.0 access token from %1: it contains a line break or another control character</source>
        <translation>das OAuth-2.0-Zugriffstoken von %1 ist nicht verwendbar: es enthält einen Zeilenumbruch oder ein anderes Steuerzeichen</translation>
    </message>
    <message>
        <source>the refresh token (%1) was refused by %2: %3; get a new refresh token and %4</source>
        <translation>der Refresh-Token (%1) wurde von %2 abgelehnt: %3; einen neuen Refresh-Token besorgen und %4</translation>
    </message>
    <message>
        <source>the client credentials grant of OAuth 2.0 client %1 was refused by %2: %3; check that the client is allowed this grant, or renew its secret and %4</source>
        <translation>der Client-Credentials-Grant des OAuth-2.0-Clients %1 wurde von %2 abgelehnt: %3; prüfen, ob der Client diesen Grant nutzen darf, oder sein Secret erneuern und %4</translation>
    </message>
    <message>
        <source>the OAuth 2.0 client %1 was refused by %2: %3; check rest.auth.client_id, or give the client&apos;s secret in rest.auth.client_secret</source>
        <translation>der OAuth-2.0-Client %1 wurde von %2 abgelehnt: %3; rest.auth.client_id prüfen oder das Secret des Clients in rest.auth.client_secret angeben</translation>
    </message>
    <message>
        <source>the OAuth 2.0 client %1 (client secret in %2) was refused by %3: %4; check rest.auth.client_id, or get a new client secret and %5</source>
        <translation>der OAuth-2.0-Client %1 (Client-Secret in %2) wurde von %3 abgelehnt: %4; rest.auth.client_id prüfen oder ein neues Client-Secret besorgen und %5</translation>
    </message>
    <message>
        <source>the OAuth 2.0 client %1 may not use the %2 grant at %3: %4; allow it for the client, or change rest.auth.grant</source>
        <translation>der OAuth-2.0-Client %1 darf den Grant %2 bei %3 nicht nutzen: %4; ihn für den Client erlauben oder rest.auth.grant ändern</translation>
    </message>
    <message>
        <source>%1 refused the scopes %2: %3; change rest.auth.scopes or what the client is allowed</source>
        <translation>%1 hat die Scopes %2 abgelehnt: %3; rest.auth.scopes ändern oder die Berechtigungen des Clients erweitern</translation>
    </message>
    <message>
        <source>(none asked for)</source>
        <translation>(keine angefragt)</translation>
    </message>
    <message>
        <source>cannot get an OAuth 2.0 access token: %1 answered %2</source>
        <translation>kein OAuth-2.0-Zugriffstoken erhalten: %1 antwortete %2</translation>
    </message>
    <message>
        <source>set %1</source>
        <translation>%1 setzen</translation>
    </message>
    <message>
        <source>store it as key &quot;%1&quot; of credentials file %2</source>
        <translation>ihn unter dem Schlüssel &quot;%1&quot; in der Zugangsdatendatei %2 ablegen</translation>
    </message>
    <message>
        <source>expected a host (&quot;api.example.com&quot;, &quot;127.0.0.1:8080&quot;) or a budget name of letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;</source>
        <translation>erwartet einen Host (&quot;api.example.com&quot;, &quot;127.0.0.1:8080&quot;) oder einen Budgetnamen aus Buchstaben, Ziffern, &apos;.&apos;, &apos;-&apos; und &apos;_&apos;</translation>
    </message>
    <message>
        <source>give requests_per_second or requests_per_minute, not both</source>
        <translation>requests_per_second oder requests_per_minute angeben, nicht beide</translation>
    </message>
    <message>
        <source>%1: %2 asks to wait %3 s, beyond hosts.%4.max_wait_seconds (%5 s); the run stops at its last committed page and goes on from there at %6</source>
        <translation>%1: %2 verlangt %3 s Wartezeit, mehr als hosts.%4.max_wait_seconds (%5 s); der Lauf hält bei seiner letzten festgeschriebenen Seite an und macht um %6 dort weiter</translation>
    </message>
    <message>
        <source>the server answered 429 Too Many Requests and asked to wait</source>
        <translation>der Server antwortete 429 Too Many Requests und bat zu warten</translation>
    </message>
    <message>
        <source>the configured rate of %1 requests per %2 s</source>
        <translation>die konfigurierte Rate von %1 Anfragen je %2 s</translation>
    </message>
    <message>
        <source>the server&apos;s limit of %1 requests per %2 s</source>
        <translation>das Limit des Servers von %1 Anfragen je %2 s</translation>
    </message>
    <message>
        <source>the pace learned from the server&apos;s 429 answers (%1 requests per second)</source>
        <translation>das aus den 429-Antworten des Servers gelernte Tempo (%1 Anfragen je Sekunde)</translation>
    </message>
    <message>
        <source>the server says no request is left until its limit resets (X-RateLimit-Remaining: 0)</source>
        <translation>der Server meldet, dass bis zum Zurücksetzen seines Limits keine Anfrage mehr frei ist (X-RateLimit-Remaining: 0)</translation>
    </message>
    <message>
        <source>the server&apos;s limit is nearly spent; the last requests are spread until it resets</source>
        <translation>das Limit des Servers ist fast aufgebraucht; die letzten Anfragen werden bis zum Zurücksetzen verteilt</translation>
    </message>
    <message>
        <source>%1: the request budget is spent until %2 (%3), beyond hosts.%1.max_wait_seconds (%4 s); the run stops at its last committed page and goes on from there at %2</source>
        <translation>%1: das Anfragebudget ist bis %2 aufgebraucht (%3), länger als hosts.%1.max_wait_seconds (%4 s); der Lauf hält bei seiner letzten festgeschriebenen Seite an und macht um %2 dort weiter</translation>
    </message>
</context>
<context>
    <name>tributaryd</name>
    <message>
        <source>Only this entity (repeatable).</source>
        <translation>Nur diese Entität (wiederholbar).</translation>
    </message>
    <message>
        <source>Walk everything at the source, not only what changed.</source>
        <translation>Alles an der Quelle durchlaufen, nicht nur das Geänderte.</translation>
    </message>
    <message>
        <source>No progress lines; only the summary.</source>
        <translation>Keine Fortschrittszeilen; nur die Zusammenfassung.</translation>
    </message>
    <message>
        <source>Syncs the configured sources into the main database.</source>
        <translation>Synchronisiert die konfigurierten Quellen in die Hauptdatenbank.</translation>
    </message>
    <message>
        <source>source %1 has no entity &quot;%2&quot;</source>
        <translation>Quelle %1 hat keine Entität &quot;%2&quot;</translation>
    </message>
    <message>
        <source>DRY RUN: on a temporary copy of the main database; nothing is written to the main database.</source>
        <translation>PROBELAUF: auf einer temporären Kopie der Hauptdatenbank; in die Hauptdatenbank wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>DRY RUN: in a transaction that is rolled back; nothing is written to the main database.</source>
        <translation>PROBELAUF: in einer Transaktion, die zurückgerollt wird; in die Hauptdatenbank wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>DRY RUN finished: nothing was written to the main database.</source>
        <translation>PROBELAUF beendet: in die Hauptdatenbank wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>DRY RUN finished: nothing was written to the main database; deletes are found only with --reconcile.</source>
        <translation>PROBELAUF beendet: in die Hauptdatenbank wurde nichts geschrieben; Löschungen werden nur mit --reconcile gefunden.</translation>
    </message>
    <message>
        <source>Mark and sweep: lists every id of every entity (cheaply where the source allows it), fetches
the records polling missed, then, only after a complete scan, deletes the rows whose records
the source no longer has (each confirmed by asking for it by id). Soft delete by default
(sets deleted_at); a row edited locally is kept as an edit-versus-delete conflict; more than
max_delete_share missing refuses to delete anything. An interrupted scan deletes nothing and
is resumed by the next run.</source>
        <translation>Markieren und aufräumen: listet jede ID jeder Entität auf (günstig, wo die Quelle es erlaubt), ruft die
Datensätze ab, die beim Abfragen entgangen sind, und löscht erst nach einem vollständigen Durchlauf die
Zeilen, deren Datensätze die Quelle nicht mehr hat (jeder einzeln per ID bestätigt). Standardmäßig wird
nur als gelöscht markiert (deleted_at); eine lokal bearbeitete Zeile bleibt als Konflikt Änderung gegen
Löschung erhalten; fehlt mehr als max_delete_share, wird gar nichts gelöscht. Ein unterbrochener
Durchlauf löscht nichts und wird beim nächsten Lauf fortgesetzt.</translation>
    </message>
    <message>
        <source>Print JSON for scripts.</source>
        <translation>JSON für Skripte ausgeben.</translation>
    </message>
    <message>
        <source>Shows cursors, the last run and counts per source and entity.</source>
        <translation>Zeigt Cursor, den letzten Lauf und Zähler je Quelle und Entität.</translation>
    </message>
    <message>
        <source>Main database: %1</source>
        <translation>Hauptdatenbank: %1</translation>
    </message>
    <message>
        <source>entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>linked</source>
        <translation>Verknüpft</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>quarantined</source>
        <translation>Quarantäne</translation>
    </message>
    <message>
        <source>conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Source %1</source>
        <translation>Quelle %1</translation>
    </message>
    <message>
        <source>Source %1 (disabled)</source>
        <translation>Quelle %1 (deaktiviert)</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>noch nie synchronisiert</translation>
    </message>
    <message>
        <source>last run %1 (%2): %3, started %4, finished %5</source>
        <extracomment>The last run of a source: run id, kind (incremental, full, reconcile, quarantine-retry), status, start and end times.</extracomment>
        <translation>letzter Lauf %1 (%2): %3, begonnen %4, beendet %5</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>cursor (value / last id)</source>
        <translation>Cursor (Wert / letzte ID)</translation>
    </message>
    <message>
        <source>(start)</source>
        <translation>(Anfang)</translation>
    </message>
    <message>
        <source>(a full walk is in progress)</source>
        <translation>(ein vollständiger Durchlauf ist im Gange)</translation>
    </message>
    <message>
        <source>expected &apos;list&apos; or &apos;retry&apos;</source>
        <translation>erwartet &apos;list&apos; oder &apos;retry&apos;</translation>
    </message>
    <message>
        <source>expected &apos;list&apos; or &apos;retry&apos;, got &quot;%1&quot;</source>
        <translation>erwartet &apos;list&apos; oder &apos;retry&apos;, erhalten &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Only this external id (repeatable).</source>
        <translation>Nur diese externe ID (wiederholbar).</translation>
    </message>
    <message>
        <source>list: print JSON for scripts.</source>
        <translation>list: JSON für Skripte ausgeben.</translation>
    </message>
    <message>
        <source>list: at most N records (default 50; 0 = all).</source>
        <translation>list: höchstens N Datensätze (Standard 50; 0 = alle).</translation>
    </message>
    <message>
        <source>Lists the records held in quarantine: the field and the reason, how often and since when.</source>
        <translation>Listet die Datensätze in Quarantäne auf: Feld und Grund, wie oft und seit wann.</translation>
    </message>
    <message>
        <source>Fetches the quarantined records again by id and applies them: the source may have fixed them, or what
they reference may exist now. Records the source no longer has are forgotten; the rest stay, with the
attempt counted.</source>
        <translation>Ruft die Datensätze in Quarantäne erneut per ID ab und wendet sie an: Vielleicht hat die Quelle sie
korrigiert, oder das, worauf sie verweisen, existiert inzwischen. Datensätze, die die Quelle nicht mehr
hat, werden vergessen; die übrigen bleiben, und der Versuch wird gezählt.</translation>
    </message>
    <message>
        <source>No records in quarantine.</source>
        <translation>Keine Datensätze in Quarantäne.</translation>
    </message>
    <message>
        <source>field %1</source>
        <translation>Feld %1</translation>
    </message>
    <message numerus="yes">
        <source>(%1 attempt(s), since %2)</source>
        <translation>
            <numerusform>(%1 Versuch, seit %2)</numerusform>
            <numerusform>(%1 Versuche, seit %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 record(s) in quarantine (%2 shown; --limit 0 for all).</source>
        <translation>
            <numerusform>%1 Datensatz in Quarantäne (%2 angezeigt; --limit 0 für alle).</numerusform>
            <numerusform>%1 Datensätze in Quarantäne (%2 angezeigt; --limit 0 für alle).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 record(s) in quarantine.</source>
        <translation>
            <numerusform>%1 Datensatz in Quarantäne.</numerusform>
            <numerusform>%1 Datensätze in Quarantäne.</numerusform>
        </translation>
    </message>
    <message>
        <source>After fixing the cause: %1</source>
        <translation>Nach Beheben der Ursache: %1</translation>
    </message>
    <message>
        <source>The preset: forum.</source>
        <translation>Die Vorlage: forum.</translation>
    </message>
    <message>
        <source>Base URL of the API, e.g. http://127.0.0.1:8080/api/v1.</source>
        <translation>Basis-URL der API, z. B. http://127.0.0.1:8080/api/v1.</translation>
    </message>
    <message>
        <source>Environment variable holding the API token (default FORUM_TOKEN).</source>
        <translation>Umgebungsvariable mit dem API-Token (Standard FORUM_TOKEN).</translation>
    </message>
    <message>
        <source>The API needs no token.</source>
        <translation>Die API braucht kein Token.</translation>
    </message>
    <message>
        <source>Name of the source (default forum).</source>
        <translation>Name der Quelle (Standard forum).</translation>
    </message>
    <message>
        <source>Where a new source starts: beginning (all history), now (only changes from now on), or an ISO-8601 date (everything changed since).</source>
        <translation>Wo eine neue Quelle beginnt: beginning (die gesamte Historie), now (nur Änderungen ab jetzt) oder ein ISO-8601-Datum (alles, was sich seitdem geändert hat).</translation>
    </message>
    <message>
        <source>The configuration file to write.</source>
        <translation>Die zu schreibende Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>Overwrite an existing file.</source>
        <translation>Eine vorhandene Datei überschreiben.</translation>
    </message>
    <message>
        <source>Writes a working configuration for a source from a preset.</source>
        <translation>Schreibt eine funktionierende Konfiguration für eine Quelle aus einer Vorlage.</translation>
    </message>
    <message>
        <source>missing %1</source>
        <translation>fehlend: %1</translation>
    </message>
    <message>
        <source>unknown preset &quot;%1&quot;; available: %2</source>
        <translation>unbekannte Vorlage &quot;%1&quot;; verfügbar: %2</translation>
    </message>
    <message>
        <source>%1 exists; use --force to overwrite it</source>
        <translation>%1 existiert bereits; --force überschreibt die Datei</translation>
    </message>
    <message>
        <source>Wrote %1: source &quot;%2&quot; at %3 into %4</source>
        <translation>%1 geschrieben: Quelle &quot;%2&quot; unter %3 in die Datenbank %4</translation>
    </message>
    <message>
        <source>The API token is read from the environment variable %1 (never stored in the file).</source>
        <translation>Das API-Token wird aus der Umgebungsvariable %1 gelesen (nie in der Datei gespeichert).</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Als Nächstes: %1</translation>
    </message>
    <message>
        <source>the forum preset is missing from this build</source>
        <translation>die Vorlage forum fehlt in diesem Build</translation>
    </message>
    <message>
        <source>expected an http(s) URL such as %1, got &quot;%2&quot;</source>
        <translation>erwartet eine http(s)-URL wie %1, erhalten &quot;%2&quot;</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>unbekannter Befehl &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unexpected argument %1</source>
        <translation>unerwartetes Argument %1</translation>
    </message>
    <message>
        <source>The configuration file.</source>
        <translation>Die Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>Only this source.</source>
        <translation>Nur diese Quelle.</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Keine Konflikte.</translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation>Keine offenen Konflikte.</translation>
    </message>
    <message>
        <source>#%1  %2/%3 %4 (local id %5)  %6: %7  [%8%9]</source>
        <extracomment>One conflict in the list: id, source/entity external id, local id, kind, fields, [status, resolution]. Kind, status and resolution are identifiers (field, local-deleted, open, keep-local...).</extracomment>
        <translation>#%1  %2/%3 %4 (lokale ID %5)  %6: %7  [%8%9]</translation>
    </message>
    <message numerus="yes">
        <source>%1 conflict(s).</source>
        <translation>
            <numerusform>%1 Konflikt.</numerusform>
            <numerusform>%1 Konflikte.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 open conflict(s). Details: tributaryd conflicts show ID</source>
        <translation>
            <numerusform>%1 offener Konflikt. Details: tributaryd conflicts show ID</numerusform>
            <numerusform>%1 offene Konflikte. Details: tributaryd conflicts show ID</numerusform>
        </translation>
    </message>
    <message>
        <source>Conflict #%1: %2/%3 %4, local %5 id %6</source>
        <translation>Konflikt #%1: %2/%3 %4, lokal %5 ID %6</translation>
    </message>
    <message>
        <source>kind:    %1 (%2)</source>
        <extracomment>Labels of a conflict&apos;s details, padded to the same width.</extracomment>
        <translation>Art:     %1 (%2)</translation>
    </message>
    <message>
        <source>status:  %1</source>
        <translation>Status:  %1</translation>
    </message>
    <message>
        <source>(%1, by %2 at %3)</source>
        <translation>(%1, von %2 am %3)</translation>
    </message>
    <message>
        <source>raised:  %1, last updated %2</source>
        <translation>Erkannt: %1, zuletzt aktualisiert %2</translation>
    </message>
    <message>
        <source>field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>base (last from source)</source>
        <translation>Basis (zuletzt von der Quelle)</translation>
    </message>
    <message>
        <source>local (main database)</source>
        <translation>Lokal (Hauptdatenbank)</translation>
    </message>
    <message>
        <source>remote (source now)</source>
        <translation>Quelle (jetzt)</translation>
    </message>
    <message>
        <source>(row deleted)</source>
        <translation>(Zeile gelöscht)</translation>
    </message>
    <message>
        <source>(record deleted)</source>
        <translation>(Datensatz gelöscht)</translation>
    </message>
    <message numerus="yes">
        <source>%1 other field(s) are as the source last sent them.</source>
        <translation>
            <numerusform>%1 weiteres Feld ist so, wie die Quelle es zuletzt gesendet hat.</numerusform>
            <numerusform>%1 weitere Felder sind so, wie die Quelle sie zuletzt gesendet hat.</numerusform>
        </translation>
    </message>
    <message>
        <source>[source]: that source set the local value, not the main application.</source>
        <translation>[Quelle]: Diese Quelle hat den lokalen Wert gesetzt, nicht die Hauptanwendung.</translation>
    </message>
    <message>
        <source>Resolve with one of:</source>
        <translation>Auflösen mit einer dieser Möglichkeiten:</translation>
    </message>
    <message>
        <source>keep the main database&apos;s values</source>
        <extracomment>The choices are shown after the command line that makes them; keep the option names.</extracomment>
        <translation>die Werte der Hauptdatenbank behalten</translation>
    </message>
    <message>
        <source>take the source&apos;s values</source>
        <translation>die Werte der Quelle übernehmen</translation>
    </message>
    <message>
        <source>choose each field</source>
        <translation>jedes Feld einzeln wählen</translation>
    </message>
    <message>
        <source>leave the row deleted (= --keep local)</source>
        <translation>die Zeile gelöscht lassen (= --keep local)</translation>
    </message>
    <message>
        <source>bring the row back with the source&apos;s values (= --keep remote)</source>
        <translation>die Zeile mit den Werten der Quelle wiederherstellen (= --keep remote)</translation>
    </message>
    <message>
        <source>keep the row as the main application has it (= --keep local)</source>
        <translation>die Zeile so behalten, wie die Hauptanwendung sie hat (= --keep local)</translation>
    </message>
    <message>
        <source>delete the row as the source did (= --keep remote)</source>
        <translation>die Zeile löschen, wie es die Quelle getan hat (= --keep remote)</translation>
    </message>
    <message>
        <source>Only this entity.</source>
        <translation>Nur diese Entität.</translation>
    </message>
    <message>
        <source>Only conflicts about this field.</source>
        <translation>Nur Konflikte zu diesem Feld.</translation>
    </message>
    <message>
        <source>Only conflicts raised more than this many hours ago.</source>
        <translation>Nur Konflikte, die vor mehr als so vielen Stunden entstanden sind.</translation>
    </message>
    <message>
        <source>Resolved ones too (by a rule or a person).</source>
        <translation>Auch aufgelöste (durch eine Regel oder eine Person).</translation>
    </message>
    <message>
        <source>show: the conflict&apos;s id, as &apos;conflicts list&apos; prints it.</source>
        <translation>show: die ID des Konflikts, wie &apos;conflicts list&apos; sie ausgibt.</translation>
    </message>
    <message>
        <source>Lists the conflicts that wait for a person (--all: every one recorded).</source>
        <translation>Listet die Konflikte auf, die auf eine Entscheidung warten (--all: alle erfassten).</translation>
    </message>
    <message>
        <source>Shows one conflict: base, local and remote per field.</source>
        <translation>Zeigt einen Konflikt: Basis, lokaler Wert und Wert der Quelle je Feld.</translation>
    </message>
    <message>
        <source>expected the conflict&apos;s id, as &apos;conflicts list&apos; prints it</source>
        <translation>erwartet die ID des Konflikts, wie &apos;conflicts list&apos; sie ausgibt</translation>
    </message>
    <message>
        <source>--older-than expects a number of hours, got &quot;%1&quot;</source>
        <translation>--older-than erwartet eine Anzahl Stunden, erhalten &quot;%1&quot;</translation>
    </message>
    <message>
        <source>A row the main application deleted: bring it back with the source&apos;s values.</source>
        <translation>Eine Zeile, die die Hauptanwendung gelöscht hat: mit den Werten der Quelle wiederherstellen.</translation>
    </message>
    <message>
        <source>Every open conflict the filters select, with --keep local|remote.</source>
        <translation>Jeden offenen Konflikt, den die Filter auswählen, mit --keep local|remote.</translation>
    </message>
    <message>
        <source>With --all: only this entity.</source>
        <translation>Mit --all: nur diese Entität.</translation>
    </message>
    <message>
        <source>With --all: only conflicts about this field.</source>
        <translation>Mit --all: nur Konflikte zu diesem Feld.</translation>
    </message>
    <message>
        <source>Who decides (default: the login name); kept in the history.</source>
        <translation>Wer entscheidet (Standard: der Anmeldename); wird in der Historie festgehalten.</translation>
    </message>
    <message>
        <source>Print the outcome as JSON for scripts.</source>
        <translation>Das Ergebnis als JSON für Skripte ausgeben.</translation>
    </message>
    <message>
        <source>The conflict&apos;s id (or --all).</source>
        <translation>Die ID des Konflikts (oder --all).</translation>
    </message>
    <message>
        <source>Resolves one conflict (or --all selected by filters) in one transaction: the row, the
conflict and the change log naming who decided. Refused when the row or the
conflict changed since it was shown.</source>
        <translation>Löst einen Konflikt (oder mit --all alle per Filter ausgewählten) in einer Transaktion auf: die Zeile,
den Konflikt und das Änderungsprotokoll mit dem Namen dessen, der entschieden hat. Abgelehnt, wenn sich
die Zeile oder der Konflikt seit der Anzeige geändert hat.</translation>
    </message>
    <message>
        <source>--keep expects local or remote, got &quot;%1&quot;</source>
        <translation>--keep erwartet local oder remote, erhalten &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected NAME=local, NAME=remote or NAME=value:TEXT</source>
        <translation>erwartet NAME=local, NAME=remote oder NAME=value:TEXT</translation>
    </message>
    <message>
        <source>no field name</source>
        <translation>kein Feldname</translation>
    </message>
    <message>
        <source>chosen twice</source>
        <translation>doppelt gewählt</translation>
    </message>
    <message>
        <source>choose one of --keep, --field, --restore, --delete</source>
        <translation>nur eines davon wählen: --keep, --field, --restore, --delete</translation>
    </message>
    <message>
        <source>say how: --keep local|remote, --field NAME=local|remote|value:TEXT, --restore or --delete</source>
        <translation>Art der Auflösung fehlt: --keep local|remote, --field NAME=local|remote|value:TEXT, --restore oder --delete</translation>
    </message>
    <message>
        <source>give one conflict id, as &apos;conflicts list&apos; prints it, or --all</source>
        <translation>eine Konflikt-ID angeben, wie &apos;conflicts list&apos; sie ausgibt, oder --all</translation>
    </message>
    <message>
        <source>--all resolves with --keep local or --keep remote only</source>
        <translation>--all löst nur mit --keep local oder --keep remote auf</translation>
    </message>
    <message>
        <source>--entity and --only-field select conflicts for --all</source>
        <translation>--entity und --only-field wählen Konflikte für --all aus</translation>
    </message>
    <message>
        <source>conflict #%1 belongs to source %2, not %3</source>
        <translation>Konflikt #%1 gehört zur Quelle %2, nicht zu %3</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message>
        <source>Resolved conflict #%1 (%2/%3 %4, local id %5): %6, by %7.</source>
        <translation>Konflikt #%1 aufgelöst (%2/%3 %4, lokale ID %5): %6, von %7.</translation>
    </message>
    <message numerus="yes">
        <source>Resolved %1 conflict(s) (%2, by %3).</source>
        <translation>
            <numerusform>%1 Konflikt aufgelöst (%2, von %3).</numerusform>
            <numerusform>%1 Konflikte aufgelöst (%2, von %3).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 refused; they stay open.</source>
        <translation>
            <numerusform>%1 abgelehnt; er bleibt offen.</numerusform>
            <numerusform>%1 abgelehnt; sie bleiben offen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: tributaryd conflicts list|show ID|resolve ... [options]
  list      the conflicts that wait for a person (--all: every one recorded)
  show ID   base, local and remote per field, and how to resolve it
  resolve   decide one conflict, or --all selected by filters
Run &apos;tributaryd conflicts &lt;subcommand&gt; --help&apos; for the options.
</source>
        <translation>Aufruf: tributaryd conflicts list|show ID|resolve ... [Optionen]
  list      die Konflikte, die auf eine Entscheidung warten (--all: alle erfassten)
  show ID   Basis, lokaler Wert und Wert der Quelle je Feld, und wie er sich auflösen lässt
  resolve   einen Konflikt entscheiden, oder mit --all alle per Filter ausgewählten
&apos;tributaryd conflicts &lt;Unterbefehl&gt; --help&apos; zeigt die Optionen.
</translation>
    </message>
    <message>
        <source>expected &apos;list&apos;, &apos;show ID&apos; or &apos;resolve&apos;</source>
        <translation>erwartet &apos;list&apos;, &apos;show ID&apos; oder &apos;resolve&apos;</translation>
    </message>
    <message>
        <source>expected &apos;list&apos;, &apos;show ID&apos; or &apos;resolve&apos;, got &quot;%1&quot;</source>
        <translation>erwartet &apos;list&apos;, &apos;show ID&apos; oder &apos;resolve&apos;, erhalten &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Only the last N changes (default 100; 0 = all).</source>
        <translation>Nur die letzten N Änderungen (Standard 100; 0 = alle).</translation>
    </message>
    <message>
        <source>A table of the main database.</source>
        <translation>Eine Tabelle der Hauptdatenbank.</translation>
    </message>
    <message>
        <source>The row&apos;s key.</source>
        <translation>Der Schlüssel der Zeile.</translation>
    </message>
    <message>
        <source>Shows every change Tributary made to one row: which source or person, when, and the values written.</source>
        <translation>Zeigt jede Änderung, die Tributary an einer Zeile vorgenommen hat: welche Quelle oder Person, wann, und die geschriebenen Werte.</translation>
    </message>
    <message>
        <source>expected TABLE ID, e.g. &apos;%1&apos;</source>
        <translation>erwartet TABLE ID, z. B. &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--limit expects a number, got &quot;%1&quot;</source>
        <translation>--limit erwartet eine Zahl, erhalten &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the main database has no table &quot;%1&quot;</source>
        <translation>die Hauptdatenbank hat keine Tabelle &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Row %1 %2</source>
        <translation>Zeile %1 %2</translation>
    </message>
    <message>
        <source>linked to no source (the main application&apos;s own row, or detached)</source>
        <translation>mit keiner Quelle verknüpft (eine eigene Zeile der Hauptanwendung, oder getrennt)</translation>
    </message>
    <message>
        <source>linked to %1 %2 %3 (%4)</source>
        <extracomment>A link of a row: source, entity, external id, and how the link came about.</extracomment>
        <translation>verknüpft mit %1 %2 %3 (%4)</translation>
    </message>
    <message>
        <source>adopted through a match key, gone at the source</source>
        <translation>über einen Zuordnungsschlüssel übernommen, an der Quelle verschwunden</translation>
    </message>
    <message>
        <source>adopted through a match key</source>
        <translation>über einen Zuordnungsschlüssel übernommen</translation>
    </message>
    <message>
        <source>inserted by it, gone at the source</source>
        <translation>von ihr eingefügt, an der Quelle verschwunden</translation>
    </message>
    <message>
        <source>inserted by it</source>
        <translation>von ihr eingefügt</translation>
    </message>
    <message>
        <source>no changes recorded</source>
        <translation>keine Änderungen erfasst</translation>
    </message>
    <message>
        <source>--config FILE is required</source>
        <translation>--config FILE ist erforderlich</translation>
    </message>
    <message>
        <source>the configuration %1 is not valid:</source>
        <translation>die Konfiguration %1 ist ungültig:</translation>
    </message>
    <message>
        <source>the configuration does not match the main database %1:</source>
        <translation>die Konfiguration passt nicht zur Hauptdatenbank %1:</translation>
    </message>
    <message>
        <source>no source &quot;%1&quot; in the configuration (it has: %2)</source>
        <translation>keine Quelle &quot;%1&quot; in der Konfiguration (vorhanden: %2)</translation>
    </message>
    <message numerus="yes">
        <source>source &quot;%1&quot; is no longer in the configuration: its %2 linked row(s) stay(s) in place in the main database; &apos;tributaryd source detach %1&apos; forgets its links, &apos;tributaryd source purge %1&apos; deletes the rows only it brought.</source>
        <translation>
            <numerusform>Quelle &quot;%1&quot; ist nicht mehr in der Konfiguration: ihre %2 verknüpfte Zeile bleibt in der Hauptdatenbank; &apos;tributaryd source detach %1&apos; vergisst ihre Verknüpfungen, &apos;tributaryd source purge %1&apos; löscht die Zeilen, die nur sie gebracht hat.</numerusform>
            <numerusform>Quelle &quot;%1&quot; ist nicht mehr in der Konfiguration: ihre %2 verknüpften Zeilen bleiben in der Hauptdatenbank; &apos;tributaryd source detach %1&apos; vergisst ihre Verknüpfungen, &apos;tributaryd source purge %1&apos; löscht die Zeilen, die nur sie gebracht hat.</numerusform>
        </translation>
    </message>
    <message>
        <source>Verifying source %1 against the main database...</source>
        <translation>Quelle %1 wird mit der Hauptdatenbank verglichen ...</translation>
    </message>
    <message>
        <source>Source %1:</source>
        <translation>Quelle %1:</translation>
    </message>
    <message>
        <source>at source</source>
        <translation>An Quelle</translation>
    </message>
    <message>
        <source>matching</source>
        <translation>Gleich</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>Fehlend</translation>
    </message>
    <message>
        <source>extra</source>
        <translation>Überzählig</translation>
    </message>
    <message>
        <source>different</source>
        <translation>Abweichend</translation>
    </message>
    <message>
        <source>kept local</source>
        <translation>Lokal behalten</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
    <message>
        <source>Verification could not finish: %1</source>
        <translation>Die Prüfung konnte nicht abgeschlossen werden: %1</translation>
    </message>
    <message>
        <source>IN SYNC: every record at the source is in the main database, linked once, with its values and references.</source>
        <translation>SYNCHRON: Jeder Datensatz der Quelle ist in der Hauptdatenbank, genau einmal verknüpft, mit seinen Werten und Verweisen.</translation>
    </message>
    <message>
        <source>kept local: values the main application set (edits, or rows adopted through a match key) are kept by design.</source>
        <translation>Lokal behalten: Werte, die die Hauptanwendung gesetzt hat (Änderungen oder über einen Zuordnungsschlüssel übernommene Zeilen), bleiben absichtlich erhalten.</translation>
    </message>
    <message>
        <source>Peak memory: %1</source>
        <translation>Speicher-Spitzenwert: %1</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>forum-sim %1 failed:</source>
        <translation>forum-sim %1 ist fehlgeschlagen:</translation>
    </message>
    <message>
        <source>forum-sim did not start: %1</source>
        <translation>forum-sim ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Makes a main database with its own data and an external Good Forum, serves the forum with forum-sim on a free loopback port, syncs, verifies, edits the forum, syncs again.</source>
        <translation>Erzeugt eine Hauptdatenbank mit eigenen Daten und ein externes Good Forum, stellt das Forum mit forum-sim auf einem freien Loopback-Port bereit, synchronisiert, prüft, ändert das Forum und synchronisiert erneut.</translation>
    </message>
    <message>
        <source>Where to put the demo files (default ./demo).</source>
        <translation>Wohin die Demo-Dateien kommen (Standard ./demo).</translation>
    </message>
    <message>
        <source>Messages in the external forum (default 6000).</source>
        <translation>Nachrichten im externen Forum (Standard 6000).</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>1. The main application&apos;s database, with its own users, sections, topics and messages</source>
        <translation>1. Die Datenbank der Hauptanwendung, mit eigenen Benutzern, Bereichen, Themen und Nachrichten</translation>
    </message>
    <message>
        <source>2. The external Good Forum (its own id space; some e-mails and section titles also exist locally)</source>
        <translation>2. Das externe Good Forum (eigener ID-Raum; einige E-Mail-Adressen und Bereichstitel gibt es auch lokal)</translation>
    </message>
    <message>
        <source>3. forum-sim serves the external forum at %1 (bearer token required)</source>
        <translation>3. forum-sim stellt das externe Forum unter %1 bereit (Bearer-Token erforderlich)</translation>
    </message>
    <message>
        <source>configuration written by &apos;%1&apos;: %2</source>
        <translation>Konfiguration von &apos;%1&apos; geschrieben: %2</translation>
    </message>
    <message>
        <source>main database before the sync: %1</source>
        <extracomment>%1: each table of the main database with its row count, e.g. &quot;users 300 sections 12&quot;.</extracomment>
        <translation>Hauptdatenbank vor der Synchronisation: %1</translation>
    </message>
    <message>
        <source>4. First sync: everything the forum has</source>
        <translation>4. Erste Synchronisation: alles, was das Forum hat</translation>
    </message>
    <message>
        <source>main database after the sync: %1</source>
        <translation>Hauptdatenbank nach der Synchronisation: %1</translation>
    </message>
    <message>
        <source>5. Verify: every external record, field and reference against the main database</source>
        <translation>5. Prüfen: jeder externe Datensatz, jedes Feld und jeder Verweis gegen die Hauptdatenbank</translation>
    </message>
    <message>
        <source>6. Changes at the forum: a message and a topic edited, a reply posted</source>
        <translation>6. Änderungen im Forum: eine Nachricht und ein Thema bearbeitet, eine Antwort geschrieben</translation>
    </message>
    <message>
        <source>(new message %1, a reply to message 1)</source>
        <translation>(neue Nachricht %1, eine Antwort auf Nachricht 1)</translation>
    </message>
    <message>
        <source>7. Incremental sync: only what changed is fetched</source>
        <translation>7. Inkrementelle Synchronisation: nur Geändertes wird abgerufen</translation>
    </message>
    <message>
        <source>8. Verify again</source>
        <translation>8. Erneut prüfen</translation>
    </message>
    <message>
        <source>The main application&apos;s own rows are unchanged (digest %1).</source>
        <translation>Die eigenen Zeilen der Hauptanwendung sind unverändert (Prüfsumme %1).</translation>
    </message>
    <message>
        <source>The main application&apos;s own rows are CHANGED (this is a bug) (digest %1).</source>
        <translation>Die eigenen Zeilen der Hauptanwendung sind VERÄNDERT (das ist ein Fehler) (Prüfsumme %1).</translation>
    </message>
    <message>
        <source>main database:</source>
        <translation>Hauptdatenbank:</translation>
    </message>
    <message>
        <source>external forum:</source>
        <translation>Externes Forum:</translation>
    </message>
    <message>
        <source>configuration:</source>
        <translation>Konfiguration:</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Try it yourself (the demo stopped its forum-sim; this serves it again on the same port)</source>
        <translation>Selbst ausprobieren (die Demo hat ihr forum-sim beendet; so läuft es wieder auf demselben Port)</translation>
    </message>
    <message>
        <source>Working directory (default: a new one under /tmp).</source>
        <translation>Arbeitsverzeichnis (Standard: ein neues unter /tmp).</translation>
    </message>
    <message>
        <source>Records per page (default 1000).</source>
        <translation>Datensätze pro Seite (Standard 1000).</translation>
    </message>
    <message>
        <source>Also time a verify of the result.</source>
        <translation>Auch die Prüfung des Ergebnisses messen.</translation>
    </message>
    <message>
        <source>Generated %1 records (%2 messages) in %3</source>
        <translation>%1 Datensätze (%2 Nachrichten) erzeugt in %3</translation>
    </message>
    <message>
        <source>%1 exited %2:</source>
        <translation>%1 endete mit Exit-Status %2:</translation>
    </message>
    <message>
        <source>initial sync</source>
        <extracomment>A step of the benchmark.</extracomment>
        <translation>erste Synchronisation</translation>
    </message>
    <message>
        <source>no-change sync</source>
        <extracomment>A step of the benchmark.</extracomment>
        <translation>Synchronisation ohne Änderung</translation>
    </message>
    <message>
        <source>full re-read</source>
        <extracomment>A step of the benchmark.</extracomment>
        <translation>vollständig neu lesen</translation>
    </message>
    <message>
        <source>verify</source>
        <extracomment>A step of the benchmark.</extracomment>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>step</source>
        <extracomment>Column of the benchmark&apos;s table: the step&apos;s time divided by the slower floor&apos;s.</extracomment>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>records read</source>
        <translation>Datensätze gelesen</translation>
    </message>
    <message>
        <source>records/s</source>
        <translation>Datensätze/s</translation>
    </message>
    <message>
        <source>peak memory</source>
        <translation>Speicherspitze</translation>
    </message>
    <message>
        <source>(exit %1)</source>
        <translation>(Exit-Status %1)</translation>
    </message>
    <message>
        <source>files: %1</source>
        <translation>Dateien: %1</translation>
    </message>
    <message>
        <source>Dry run of source %1</source>
        <translation>Probelauf der Quelle %1</translation>
    </message>
    <message>
        <source>Syncing source %1</source>
        <translation>Quelle %1 wird synchronisiert</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>done in %1</source>
        <translation>fertig in %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>PARTIAL</source>
        <translation>TEILWEISE</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>INTERRUPTED</source>
        <translation>UNTERBROCHEN</translation>
    </message>
    <message>
        <source>RUNNING</source>
        <translation>LÄUFT</translation>
    </message>
    <message>
        <source>Source %1: %2, run %3, %4 in %5</source>
        <extracomment>A run&apos;s summary: source, kind of run, run id, status, time taken.</extracomment>
        <translation>Quelle %1: %2, Lauf %3, %4 in %5</translation>
    </message>
    <message>
        <source>fetched</source>
        <translation>Abgerufen</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>inserted</source>
        <translation>Eingefügt</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Nothing to write: the main database already had every change.</source>
        <translation>Nichts zu schreiben: Die Hauptdatenbank hatte bereits jede Änderung.</translation>
    </message>
    <message numerus="yes">
        <source>%1 record(s) changed on both sides wait(s) for a person (the other fields were applied); see: tributaryd conflicts list.</source>
        <translation>
            <numerusform>%1 auf beiden Seiten geänderter Datensatz wartet auf eine Entscheidung (die übrigen Felder wurden übernommen); siehe: tributaryd conflicts list.</numerusform>
            <numerusform>%1 auf beiden Seiten geänderte Datensätze warten auf eine Entscheidung (die übrigen Felder wurden übernommen); siehe: tributaryd conflicts list.</numerusform>
        </translation>
    </message>
    <message>
        <source>skipped: records at the cursor&apos;s boundary, already applied by an earlier run.</source>
        <translation>Übersprungen: Datensätze an der Grenze des Cursors, bereits von einem früheren Lauf angewendet.</translation>
    </message>
    <message numerus="yes">
        <source>%1 request(s) retried after transient failures.</source>
        <translation>
            <numerusform>%1 Anfrage wurde nach vorübergehenden Fehlern wiederholt.</numerusform>
            <numerusform>%1 Anfragen wurden nach vorübergehenden Fehlern wiederholt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 row(s) deleted (records gone at the source), %2 restored (records back).</source>
        <translation>
            <numerusform>%1 Zeile gelöscht (Datensätze an der Quelle verschwunden), %2 wiederhergestellt (Datensätze zurück).</numerusform>
            <numerusform>%1 Zeilen gelöscht (Datensätze an der Quelle verschwunden), %2 wiederhergestellt (Datensätze zurück).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 record(s) still wait(s) for a referenced record; the next run retries them.</source>
        <translation>
            <numerusform>%1 Datensatz wartet noch auf einen referenzierten Datensatz; der nächste Lauf versucht es erneut.</numerusform>
            <numerusform>%1 Datensätze warten noch auf einen referenzierten Datensatz; der nächste Lauf versucht es erneut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 record(s) quarantined; see: tributaryd quarantine list.</source>
        <translation>
            <numerusform>%1 Datensatz wurde in Quarantäne gestellt; siehe: tributaryd quarantine list.</numerusform>
            <numerusform>%1 Datensätze wurden in Quarantäne gestellt; siehe: tributaryd quarantine list.</numerusform>
        </translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Source %1: DRY RUN of the %2, would end %3 (%4). Nothing was written to the main database.</source>
        <extracomment>A dry run&apos;s summary: source, kind of run, status it would end with, time taken.</extracomment>
        <translation>Quelle %1: PROBELAUF, %2, würde mit %3 enden (%4). In die Hauptdatenbank wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>would insert</source>
        <translation>Würde einfügen</translation>
    </message>
    <message>
        <source>update</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>link</source>
        <translation>Verknüpfen</translation>
    </message>
    <message>
        <source>quarantine</source>
        <translation>Quarantäne</translation>
    </message>
    <message>
        <source>Nothing to write: the main database already has every change.</source>
        <translation>Nichts zu schreiben: Die Hauptdatenbank hat bereits jede Änderung.</translation>
    </message>
    <message numerus="yes">
        <source>%1 deleted row(s) would be restored (records back at the source).</source>
        <translation>
            <numerusform>%1 gelöschte Zeile würde wiederhergestellt (Datensatz an der Quelle zurück).</numerusform>
            <numerusform>%1 gelöschte Zeilen würden wiederhergestellt (Datensätze an der Quelle zurück).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 record(s) would wait for a referenced record.</source>
        <translation>
            <numerusform>%1 Datensatz würde auf einen referenzierten Datensatz warten.</numerusform>
            <numerusform>%1 Datensätze würden auf einen referenzierten Datensatz warten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 record(s) would be quarantined.</source>
        <translation>
            <numerusform>%1 Datensatz würde in Quarantäne gestellt.</numerusform>
            <numerusform>%1 Datensätze würden in Quarantäne gestellt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 conflict(s) would wait for a person (a field changed on both sides, or a delete that meets a local edit).</source>
        <translation>
            <numerusform>%1 Konflikt würde auf eine Entscheidung warten (ein auf beiden Seiten geändertes Feld oder eine Löschung, die auf eine lokale Änderung trifft).</numerusform>
            <numerusform>%1 Konflikte würden auf eine Entscheidung warten (ein auf beiden Seiten geändertes Feld oder eine Löschung, die auf eine lokale Änderung trifft).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2, %3 and %4</source>
        <extracomment>What detaching forgets: links, cursors, pending records and quarantined records, counted.</extracomment>
        <translation>%1, %2, %3 und %4</translation>
    </message>
    <message numerus="yes">
        <source>%1 link(s)</source>
        <translation>
            <numerusform>%1 Verknüpfung</numerusform>
            <numerusform>%1 Verknüpfungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 cursor(s)</source>
        <translation>
            <numerusform>%1 Cursor</numerusform>
            <numerusform>%1 Cursor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 pending record(s)</source>
        <translation>
            <numerusform>%1 ausstehenden Datensatz</numerusform>
            <numerusform>%1 ausstehende Datensätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 quarantined record(s)</source>
        <translation>
            <numerusform>%1 Datensatz in Quarantäne</numerusform>
            <numerusform>%1 Datensätze in Quarantäne</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 open conflict(s) resolved as &apos;detached&apos;</source>
        <translation>
            <numerusform>%1 offener Konflikt als &apos;detached&apos; aufgelöst</numerusform>
            <numerusform>%1 offene Konflikte als &apos;detached&apos; aufgelöst</numerusform>
        </translation>
    </message>
    <message>
        <source>No sources: the configuration names none and the main database holds no rows of any.</source>
        <translation>Keine Quellen: Die Konfiguration nennt keine, und die Hauptdatenbank enthält von keiner Zeilen.</translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>state</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>matched</source>
        <translation>Zugeordnet</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>Verschwunden</translation>
    </message>
    <message>
        <source>last run</source>
        <translation>Letzter Lauf</translation>
    </message>
    <message>
        <source>enabled</source>
        <extracomment>The state of a source in &apos;source list&apos;.</extracomment>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>linked: rows linked to the source (inserted by it, or matched: adopted rows that were already there);
gone: records the source no longer has (their rows are soft-deleted or kept).</source>
        <translation>Verknüpft: mit der Quelle verknüpfte Zeilen (von ihr eingefügt, oder zugeordnet: übernommene Zeilen, die schon da waren);
Verschwunden: Datensätze, die die Quelle nicht mehr hat (ihre Zeilen sind als gelöscht markiert oder bleiben erhalten).</translation>
    </message>
    <message>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>Geteilt</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <source>already gone</source>
        <translation>Schon gelöscht</translation>
    </message>
    <message>
        <source>Purging source &quot;%1&quot; would, in one transaction:</source>
        <translation>Das Bereinigen der Quelle &quot;%1&quot; würde in einer Transaktion:</translation>
    </message>
    <message numerus="yes">
        <source>delete %1 row(s) only this source brought (children first), each written to the change log with its values;</source>
        <translation>
            <numerusform>%1 Zeile löschen, die nur diese Quelle gebracht hat (Kinder zuerst), jede mit ihren Werten im Änderungsprotokoll festgehalten;</numerusform>
            <numerusform>%1 Zeilen löschen, die nur diese Quelle gebracht hat (Kinder zuerst), jede mit ihren Werten im Änderungsprotokoll festgehalten;</numerusform>
        </translation>
    </message>
    <message>
        <source>keep %1 another source links too and %2 (the main application&apos;s own, or another source&apos;s);</source>
        <extracomment>%1: &quot;N row(s)&quot;, %2: &quot;N adopted row(s)&quot;.</extracomment>
        <translation>%1 behalten, die auch eine andere Quelle verknüpft, sowie %2 (eigene der Hauptanwendung oder die einer anderen Quelle);</translation>
    </message>
    <message numerus="yes">
        <source>%1 row(s)</source>
        <translation>
            <numerusform>%1 Zeile</numerusform>
            <numerusform>%1 Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 adopted row(s)</source>
        <translation>
            <numerusform>%1 übernommene Zeile</numerusform>
            <numerusform>%1 übernommene Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>then detach it: forget %1; %2.</source>
        <translation>sie anschließend trennen: %1 vergessen; %2.</translation>
    </message>
    <message>
        <source>Detaching source &quot;%1&quot; would, in one transaction:</source>
        <translation>Das Trennen der Quelle &quot;%1&quot; würde in einer Transaktion:</translation>
    </message>
    <message>
        <source>forget %1;</source>
        <translation>%1 vergessen;</translation>
    </message>
    <message>
        <source>Every row stays in the main database as the main application&apos;s own; runs and the change log stay.</source>
        <translation>Jede Zeile bleibt in der Hauptdatenbank, als eigene Zeile der Hauptanwendung; Läufe und Änderungsprotokoll bleiben erhalten.</translation>
    </message>
    <message>
        <source>Nothing was changed: run again with --yes to purge.</source>
        <translation>Nichts wurde geändert: zum Bereinigen erneut mit --yes aufrufen.</translation>
    </message>
    <message>
        <source>Nothing was changed: run again with --yes to detach.</source>
        <translation>Nichts wurde geändert: zum Trennen erneut mit --yes aufrufen.</translation>
    </message>
    <message>
        <source>Purged source &quot;%1&quot;: deleted %2%3; kept %4 shared and %5 adopted.</source>
        <extracomment>%2: &quot;N row(s)&quot;, %3: the rows deleted per table, or nothing.</extracomment>
        <translation>Quelle &quot;%1&quot; bereinigt: %2 gelöscht%3; %4 geteilte und %5 übernommene behalten.</translation>
    </message>
    <message>
        <source>Detached it: forgot %1; %2.</source>
        <translation>Danach getrennt: %1 vergessen; %2.</translation>
    </message>
    <message>
        <source>Detached source &quot;%1&quot;: forgot %2; %3.</source>
        <translation>Quelle &quot;%1&quot; getrennt: %2 vergessen; %3.</translation>
    </message>
    <message>
        <source>Every row stays in the main database.</source>
        <translation>Jede Zeile bleibt in der Hauptdatenbank.</translation>
    </message>
    <message>
        <source>Usage: tributaryd source list [--json] --config FILE
       tributaryd source detach NAME [--yes] [--force] --config FILE
       tributaryd source purge NAME [--yes] [--force] --config FILE

Removing a source from the configuration leaves its rows in place. &apos;detach&apos; forgets what Tributary keeps
for it (links, cursors, pending, quarantine; open conflicts resolved as &apos;detached&apos;): its rows become the
main application&apos;s own. &apos;purge&apos; deletes the rows only that source inserted (rows it adopted, and rows
another source links too, stay), then detaches it. Without --yes both print what they would do and exit 2.
</source>
        <translation>Aufruf: tributaryd source list [--json] --config FILE
        tributaryd source detach NAME [--yes] [--force] --config FILE
        tributaryd source purge NAME [--yes] [--force] --config FILE

Wird eine Quelle aus der Konfiguration entfernt, bleiben ihre Zeilen erhalten. &apos;detach&apos; vergisst, was Tributary
für sie aufbewahrt (Verknüpfungen, Cursor, Ausstehendes, Quarantäne; offene Konflikte werden als &apos;detached&apos;
aufgelöst): Ihre Zeilen werden zu eigenen Zeilen der Hauptanwendung. &apos;purge&apos; löscht die Zeilen, die nur diese
Quelle eingefügt hat (übernommene Zeilen und solche, die auch eine andere Quelle verknüpft, bleiben), und
trennt sie dann. Ohne --yes geben beide aus, was sie tun würden, und enden mit Exit-Status 2.
</translation>
    </message>
    <message>
        <source>expected &apos;list&apos;, &apos;detach NAME&apos; or &apos;purge NAME&apos;</source>
        <translation>erwartet &apos;list&apos;, &apos;detach NAME&apos; oder &apos;purge NAME&apos;</translation>
    </message>
    <message>
        <source>expected &apos;list&apos;, &apos;detach NAME&apos; or &apos;purge NAME&apos;, got &quot;%1&quot;</source>
        <translation>erwartet &apos;list&apos;, &apos;detach NAME&apos; oder &apos;purge NAME&apos;, erhalten &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Do it. Without --yes, print what would be done, with exact counts, and exit 2.</source>
        <translation>Ausführen. Ohne --yes wird mit genauen Zahlen ausgegeben, was getan würde, und mit Exit-Status 2 beendet.</translation>
    </message>
    <message>
        <source>The source, as &apos;tributaryd source list&apos; names it.</source>
        <translation>Die Quelle, wie &apos;tributaryd source list&apos; sie nennt.</translation>
    </message>
    <message>
        <source>Lists every source of the configuration and every source the main database still holds rows of,
with its linked rows (inserted or adopted), pending, quarantined and open conflicts.</source>
        <translation>Listet jede Quelle der Konfiguration und jede Quelle auf, von der die Hauptdatenbank noch Zeilen enthält,
mit ihren verknüpften Zeilen (eingefügt oder übernommen), ausstehenden Datensätzen, Quarantäne und offenen Konflikten.</translation>
    </message>
    <message>
        <source>Forgets, in one transaction, everything Tributary keeps for a source: links, cursors, pending records,
quarantine; its open conflicts are resolved as &apos;detached&apos;. Every row stays in place and becomes the
main application&apos;s own. Runs and the change log stay as history.</source>
        <translation>Vergisst in einer Transaktion alles, was Tributary für eine Quelle aufbewahrt: Verknüpfungen, Cursor,
ausstehende Datensätze, Quarantäne; ihre offenen Konflikte werden als &apos;detached&apos; aufgelöst. Jede Zeile
bleibt erhalten und wird zur eigenen Zeile der Hauptanwendung. Läufe und Änderungsprotokoll bleiben als Historie.</translation>
    </message>
    <message>
        <source>Deletes, in one transaction, the rows a source inserted that no other source links (children before
parents; rows it adopted are never deleted), writing each to the change log with its values, then
detaches it. If the database refuses a delete, or a row that stays still references a deleted one,
nothing is deleted or detached and the row is named.</source>
        <translation>Löscht in einer Transaktion die Zeilen, die eine Quelle eingefügt hat und die keine andere Quelle verknüpft
(Kinder vor Eltern; übernommene Zeilen werden nie gelöscht), hält jede mit ihren Werten im
Änderungsprotokoll fest und trennt die Quelle dann. Verweigert die Datenbank eine Löschung oder verweist
eine verbleibende Zeile noch auf eine gelöschte, wird nichts gelöscht oder getrennt, und die Zeile wird genannt.</translation>
    </message>
    <message>
        <source>expected the source&apos;s name, as &apos;tributaryd source list&apos; prints it</source>
        <translation>erwartet den Namen der Quelle, wie &apos;tributaryd source list&apos; ihn ausgibt</translation>
    </message>
    <message>
        <source>expected one source name, got %1</source>
        <translation>erwartet einen Quellennamen, erhalten %1</translation>
    </message>
    <message>
        <source>Then reconcile: scan every id the source lists, catch what polling missed, delete what is gone (see &apos;tributaryd reconcile&apos;).</source>
        <translation>Danach abgleichen: jede ID prüfen, die die Quelle auflistet, nachholen, was beim Abfragen entgangen ist, löschen, was verschwunden ist (siehe &apos;tributaryd reconcile&apos;).</translation>
    </message>
    <message>
        <source>Only report what the sync would insert, update, delete (with --reconcile), link and which conflicts it would raise; write nothing to the main database.</source>
        <translation>Nur berichten, was die Synchronisation einfügen, aktualisieren, löschen (mit --reconcile) und verknüpfen würde und welche Konflikte sie auslösen würde; nichts in die Hauptdatenbank schreiben.</translation>
    </message>
    <message>
        <source>local: keep the main database&apos;s side; remote: take the source&apos;s side. For deletes, local keeps the row (or leaves it deleted) and remote follows the source (deletes the row, or restores it). Bare --keep keeps a row the source deleted.</source>
        <translation>local: die Seite der Hauptdatenbank behalten; remote: die Seite der Quelle übernehmen. Bei Löschungen behält local die Zeile (oder lässt sie gelöscht), und remote folgt der Quelle (löscht die Zeile oder stellt sie wieder her). --keep allein behält eine Zeile, die die Quelle gelöscht hat.</translation>
    </message>
    <message>
        <source>Choose one field (repeat for each field of the conflict): NAME=local, NAME=remote, or NAME=value:TEXT for a merged value (value:null for NULL).</source>
        <translation>Ein Feld wählen (für jedes Feld des Konflikts wiederholen): NAME=local, NAME=remote oder NAME=value:TEXT für einen zusammengeführten Wert (value:null für NULL).</translation>
    </message>
    <message>
        <source>Leave a row the main application deleted deleted, or delete a row the source deleted (per the entity&apos;s delete_mode).</source>
        <translation>Eine Zeile, die die Hauptanwendung gelöscht hat, gelöscht lassen, oder eine Zeile löschen, die die Quelle gelöscht hat (gemäß delete_mode der Entität).</translation>
    </message>
    <message>
        <source>Also for a source that is still in the configuration and enabled (the next sync links everything again, and inserts again what a purge deleted).</source>
        <translation>Auch für eine Quelle, die noch in der Konfiguration steht und aktiv ist (die nächste Synchronisation verknüpft wieder alles und fügt wieder ein, was ein purge gelöscht hat).</translation>
    </message>
    <message numerus="yes">
        <source>%1 record(s)  %2/s  %3</source>
        <extracomment>Progress of one entity: records fetched so far, records per second, time.</extracomment>
        <translation>
            <numerusform>%1 Datensatz  %2/s  %3</numerusform>
            <numerusform>%1 Datensätze  %2/s  %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Accept the forum&apos;s webhooks, signed with the secret in this environment variable.</source>
        <translation>Webhooks des Forums annehmen, signiert mit dem Geheimnis aus dieser Umgebungsvariablen.</translation>
    </message>
    <message>
        <source>Webhooks are verified with the secret in the environment variable %1.</source>
        <translation>Webhooks werden mit dem Geheimnis aus der Umgebungsvariablen %1 geprüft.</translation>
    </message>
    <message>
        <source>tributaryd serve did not stop within %1 of SIGTERM and was killed</source>
        <translation>tributaryd serve hat %1 nach SIGTERM nicht angehalten und wurde beendet (SIGKILL)</translation>
    </message>
    <message>
        <source>tributaryd serve crashed</source>
        <translation>tributaryd serve ist abgestürzt</translation>
    </message>
    <message>
        <source>tributaryd serve exited with status %1</source>
        <translation>tributaryd serve hat sich mit Status %1 beendet</translation>
    </message>
    <message>
        <source>edit %1 (%2 %3): %4</source>
        <extracomment>An edit of the latency benchmark that did not become visible: edit number, entity, external id, why.</extracomment>
        <translation>Änderung %1 (%2 %3): %4</translation>
    </message>
    <message>
        <source>the initial sync did not finish within %1</source>
        <translation>die erste Synchronisation ist nicht innerhalb von %1 fertig geworden</translation>
    </message>
    <message>
        <source>/healthz did not answer 200 within %1 (last answer: %2)</source>
        <translation>/healthz hat nicht innerhalb von %1 mit 200 geantwortet (letzte Antwort: %2)</translation>
    </message>
    <message>
        <source>the initial sync ended %1: %2</source>
        <translation>die erste Synchronisation endete mit %1: %2</translation>
    </message>
    <message>
        <source>PATCH answered %1</source>
        <translation>PATCH beantwortet mit %1</translation>
    </message>
    <message>
        <source>PATCH failed: %1</source>
        <translation>PATCH fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>not made: the service is gone</source>
        <translation>nicht vorgenommen: der Dienst läuft nicht mehr</translation>
    </message>
    <message>
        <source>not visible when the service exited</source>
        <translation>nicht sichtbar, als der Dienst endete</translation>
    </message>
    <message>
        <source>not visible after %1</source>
        <translation>nach %1 nicht sichtbar</translation>
    </message>
    <message>
        <source>no free loopback port</source>
        <translation>kein freier Loopback-Port</translation>
    </message>
    <message>
        <source>forum-sim did not start</source>
        <translation>forum-sim ist nicht gestartet</translation>
    </message>
    <message>
        <source>forum-sim serves %1 and sends its webhooks to %2</source>
        <translation>forum-sim stellt %1 bereit und sendet seine Webhooks an %2</translation>
    </message>
    <message>
        <source>tributaryd serve --listen %1 started (output in %2)</source>
        <translation>tributaryd serve --listen %1 gestartet (Ausgabe in %2)</translation>
    </message>
    <message>
        <source>/healthz answers 200 and the initial sync finished %1 after the start</source>
        <translation>/healthz antwortet 200, und die erste Synchronisation war %1 nach dem Start fertig</translation>
    </message>
    <message numerus="yes">
        <source>%1 edit(s) through the forum&apos;s API, %2 to %3 ms apart; each watched in the main database every %4 ms</source>
        <extracomment>%1: the number of edits; %2 to %3: milliseconds between two edits; %4: milliseconds between two looks.</extracomment>
        <translation>
            <numerusform>%1 Änderung über die API des Forums, %2 bis %3 ms auseinander; in der Hauptdatenbank alle %4 ms beobachtet</numerusform>
            <numerusform>%1 Änderungen über die API des Forums, %2 bis %3 ms auseinander; jede in der Hauptdatenbank alle %4 ms beobachtet</numerusform>
        </translation>
    </message>
    <message>
        <source>the record is not in the main database after the initial sync</source>
        <translation>der Datensatz ist nach der ersten Synchronisation nicht in der Hauptdatenbank</translation>
    </message>
    <message>
        <source>visible: %1 of %2</source>
        <translation>sichtbar: %1 von %2</translation>
    </message>
    <message>
        <source>visible: %1 of %2; median %3 ms, p95 %4 ms, max %5 ms</source>
        <translation>sichtbar: %1 von %2; Median %3 ms, p95 %4 ms, Maximum %5 ms</translation>
    </message>
    <message>
        <source>runs of tributaryd during the edits: %1</source>
        <extracomment>%1: run kinds with counts, e.g. &quot;webhook 50, incremental 0&quot; (kinds as the run history stores them).</extracomment>
        <translation>Läufe von tributaryd während der Änderungen: %1</translation>
    </message>
    <message>
        <source>This benchmark (rather than sync speed).</source>
        <translation>Dieser Benchmark (statt der Synchronisationsgeschwindigkeit).</translation>
    </message>
    <message>
        <source>Edits per phase (default 50, at most %1).</source>
        <translation>Änderungen pro Phase (Standard 50, höchstens %1).</translation>
    </message>
    <message>
        <source>Scheduled sync interval of the polling phase (default 5).</source>
        <translation>Intervall der geplanten Synchronisation in der Abfragephase (Standard 5).</translation>
    </message>
    <message>
        <source>Keep the databases, the configuration and the service&apos;s logs (they are also kept when something failed).</source>
        <translation>Die Datenbanken, die Konfiguration und die Protokolle des Dienstes behalten (sie bleiben auch erhalten, wenn etwas fehlschlug).</translation>
    </message>
    <message>
        <source>Measures how soon an edit at the forum becomes visible in the main database. Generates a forum
(%1 messages), serves it with forum-sim, which sends signed webhooks, and runs a child
&apos;tributaryd serve&apos; on loopback. Then edits topics and messages through the forum&apos;s API, one every
%2 ms on average, and polls the main database read-only until each edit shows.
Phase 1: webhooks delivered; scheduled syncs every %3 s or more, too rare to matter.
Phase 2: every webhook dropped, so only the schedule (--interval) delivers.
Prints median, p95 and max of the time from the forum&apos;s answer to an edit until the row shows it,
and the runs of tributaryd by kind. Exit 0 only when every edit became visible and the service
started and stopped cleanly.</source>
        <translation>Misst, wie bald eine Änderung im Forum in der Hauptdatenbank sichtbar wird. Erzeugt ein Forum
(%1 Nachrichten), stellt es mit forum-sim bereit, das signierte Webhooks sendet, und startet
&apos;tributaryd serve&apos; als eigenen Prozess über Loopback. Ändert dann Themen und Nachrichten über die
API des Forums, im Mittel alle %2 ms, und liest die Hauptdatenbank, bis jede Änderung erscheint.
Phase 1: Webhooks werden zugestellt; geplante Synchronisation alle %3 s oder seltener (zu selten,
um etwas auszumachen).
Phase 2: jeder Webhook geht verloren, nur der Zeitplan (--interval) liefert.
Gibt Median, p95 und Maximum der Zeit von der Antwort des Forums auf eine Änderung bis zur Zeile,
die sie zeigt, aus, und die Läufe von tributaryd nach Art. Exit 0 nur, wenn jede Änderung sichtbar
wurde und der Dienst sauber gestartet und angehalten hat.</translation>
    </message>
    <message>
        <source>--edits: expected a number from 1 to %1, got &quot;%2&quot;</source>
        <translation>--edits: erwartet eine Zahl von 1 bis %1, erhalten &quot;%2&quot;</translation>
    </message>
    <message>
        <source>--interval: expected seconds from 1 to 86400, got &quot;%1&quot;</source>
        <translation>--interval: erwartet Sekunden von 1 bis 86400, erhalten &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Phase %1: every webhook dropped, scheduled sync every %2 s</source>
        <translation>Phase %1: jeder Webhook geht verloren, geplante Synchronisation alle %2 s</translation>
    </message>
    <message>
        <source>Phase %1: webhooks delivered, scheduled sync every %2 s</source>
        <translation>Phase %1: Webhooks werden zugestellt, geplante Synchronisation alle %2 s</translation>
    </message>
    <message numerus="yes">
        <source>Webhook latency: from the forum&apos;s answer to an edit until the main database shows it (ms), %1 edit(s) per phase</source>
        <translation>
            <numerusform>Webhook-Latenz: von der Antwort des Forums auf eine Änderung, bis die Hauptdatenbank sie zeigt (ms), %1 Änderung pro Phase</numerusform>
            <numerusform>Webhook-Latenz: von der Antwort des Forums auf eine Änderung, bis die Hauptdatenbank sie zeigt (ms), %1 Änderungen pro Phase</numerusform>
        </translation>
    </message>
    <message>
        <source>%1. polling every %2 s, webhooks lost</source>
        <translation>%1. Abfrage alle %2 s, Webhooks verloren</translation>
    </message>
    <message>
        <source>%1. webhooks (polling every %2 s)</source>
        <translation>%1. Webhooks (Abfrage alle %2 s)</translation>
    </message>
    <message>
        <source>phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>edits</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>visible</source>
        <translation>sichtbar</translation>
    </message>
    <message>
        <source>median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>max</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>runs during the edits</source>
        <translation>Läufe während der Änderungen</translation>
    </message>
    <message>
        <source>not every edit became visible, or the service did not start or stop cleanly (see above)</source>
        <translation>nicht jede Änderung wurde sichtbar, oder der Dienst ist nicht sauber gestartet oder angehalten (siehe oben)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Instead, measure how soon edits at the forum become visible in the main database through a child &apos;tributaryd serve&apos;: by webhook, and by scheduled polling with the webhooks lost. Its options: &apos;tributaryd bench --latency --help&apos;.</source>
        <translation>Stattdessen messen, wie bald Änderungen im Forum über einen eigenen Prozess &apos;tributaryd serve&apos; in der Hauptdatenbank sichtbar werden: per Webhook und per geplanter Abfrage bei verlorenen Webhooks. Die Optionen dazu: &apos;tributaryd bench --latency --help&apos;.</translation>
    </message>
    <message>
        <source>--source %1: no source of that name in the configuration</source>
        <translation>--source %1: keine Quelle dieses Namens in der Konfiguration</translation>
    </message>
    <message>
        <source>cannot start:</source>
        <translation>Start nicht möglich:</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>kann nicht auf %1:%2 lauschen: %3</translation>
    </message>
    <message>
        <source>Address of the webhook, health and metrics endpoints, overriding service.listen (default 127.0.0.1:8470; port 0 picks a free port, logged at start).</source>
        <translation>Adresse der Webhook-, Health- und Metrik-Endpunkte, statt service.listen (Standard 127.0.0.1:8470; Port 0 wählt einen freien Port, der beim Start protokolliert wird).</translation>
    </message>
    <message>
        <source>Log lines as text (the default) or json, one object per line.</source>
        <translation>Protokollzeilen als Text (Standard) oder json, ein Objekt pro Zeile.</translation>
    </message>
    <message>
        <source>Run only this source (repeatable); default: every enabled source.</source>
        <translation>Nur diese Quelle ausführen (wiederholbar); Standard: jede aktivierte Quelle.</translation>
    </message>
    <message>
        <source>Runs as a service: syncs each enabled source at its schedule.interval_seconds and reconciles it at its
schedule.reconcile_interval_seconds, receives webhooks at POST /webhooks/{source} (signed; each names records
that are then fetched by id), and answers GET /healthz and GET /metrics (Prometheus).

Signals: SIGTERM or SIGINT stop gracefully (the page being applied commits or rolls back whole);
SIGHUP reloads the configuration (a configuration that is not valid is refused and the running one stays).
Logs go to standard error; secrets are never written.

Exit status: 0 stopped by a signal, 1 cannot start (cannot listen, database cannot be opened),
2 usage or configuration error.</source>
        <extracomment>Keep the paths, signal names and numbers.</extracomment>
        <translation>Läuft als Dienst: synchronisiert jede aktivierte Quelle im Abstand von schedule.interval_seconds und gleicht sie im
Abstand von schedule.reconcile_interval_seconds ab, nimmt Webhooks unter POST /webhooks/{source} an (signiert; jeder nennt
Datensätze, die dann per ID abgerufen werden) und beantwortet GET /healthz und GET /metrics (Prometheus).

Signale: SIGTERM oder SIGINT beenden geordnet (die Seite, die gerade angewendet wird, wird ganz übernommen oder ganz
zurückgerollt); SIGHUP lädt die Konfiguration neu (eine ungültige Konfiguration wird abgelehnt, die laufende bleibt).
Protokolle gehen auf die Standardfehlerausgabe; Geheimnisse werden nie geschrieben.

Exit-Status: 0 durch ein Signal beendet, 1 Start nicht möglich (kein Lauschen möglich, Datenbank nicht zu öffnen),
2 Aufruf- oder Konfigurationsfehler.</translation>
    </message>
    <message>
        <source>--log-format: expected text or json; got &quot;%1&quot;</source>
        <translation>--log-format: erwartet text oder json; erhalten &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Usage: tributaryd &lt;command&gt; [options]

Keeps a main database in sync with paginated REST sources.

Commands:</source>
        <extracomment>The head of &apos;tributaryd --help&apos;; the list of commands follows. Keep &quot;tributaryd&quot;.</extracomment>
        <translation>Aufruf: tributaryd &lt;Befehl&gt; [Optionen]

Hält eine Hauptdatenbank mit paginierten REST-Quellen synchron.

Befehle:</translation>
    </message>
    <message>
        <source>write a configuration for a source from a preset</source>
        <extracomment>A line of &apos;tributaryd --help&apos; (a line break continues it below): what init does.</extracomment>
        <translation>eine Konfiguration für eine Quelle aus einer Vorlage schreiben</translation>
    </message>
    <message>
        <source>run an incremental (or --full) sync of the configured sources</source>
        <extracomment>A line of &apos;tributaryd --help&apos; (a line break continues it below): what sync does. Keep the option name.</extracomment>
        <translation>die konfigurierten Quellen inkrementell (oder mit --full vollständig) synchronisieren</translation>
    </message>
    <message>
        <source>run as a service: scheduled syncs and reconciliations, webhooks, /healthz and /metrics</source>
        <extracomment>A line of &apos;tributaryd --help&apos; (a line break continues it below): what serve does. Keep the paths.</extracomment>
        <translation>als Dienst laufen: geplante Synchronisationen und Abgleiche, Webhooks, /healthz und /metrics</translation>
    </message>
    <message>
        <source>find deletes (and what polling missed) by scanning every id; delete only after a complete scan</source>
        <extracomment>A line of &apos;tributaryd --help&apos; (a line break continues it below): what reconcile does.</extracomment>
        <translation>Löschungen (und was beim Abfragen entgangen ist) finden, indem jede ID geprüft wird; gelöscht wird
nur nach einem vollständigen Durchlauf</translation>
    </message>
    <message>
        <source>show cursors, last runs and counts per source and entity</source>
        <extracomment>A line of &apos;tributaryd --help&apos; (a line break continues it below): what status does.</extracomment>
        <translation>Cursor, letzte Läufe und Zähler je Quelle und Entität anzeigen</translation>
    </message>
    <message>
        <source>compare every source with the main database; exit 0 only when in sync</source>
        <extracomment>A line of &apos;tributaryd --help&apos; (a line break continues it below): what verify does.</extracomment>
        <translation>jede Quelle mit der Hauptdatenbank vergleichen; Exit-Status 0 nur, wenn alles synchron ist</translation>
    </message>
    <message>
        <source>the fields both sides changed, and deletes that met an edit, with base, local and remote</source>
        <extracomment>A line of &apos;tributaryd --help&apos; (a line break continues it below): what conflicts does.</extracomment>
        <translation>die Felder, die beide Seiten geändert haben, und Löschungen, die auf eine Änderung trafen,
mit Basis, lokalem Wert und Wert der Quelle</translation>
    </message>
    <message>
        <source>every change Tributary made to one row: which source or person, when, what values</source>
        <extracomment>A line of &apos;tributaryd --help&apos; (a line break continues it below): what history (one row&apos;s change log) shows.</extracomment>
        <translation>jede Änderung, die Tributary an einer Zeile vorgenommen hat: welche Quelle oder Person, wann, welche Werte</translation>
    </message>
    <message>
        <source>show the records held back with their reasons, or fetch and apply them again</source>
        <extracomment>A line of &apos;tributaryd --help&apos; (a line break continues it below): what quarantine does.</extracomment>
        <translation>die zurückgehaltenen Datensätze mit ihren Gründen anzeigen, oder sie erneut abrufen und anwenden</translation>
    </message>
    <message>
        <source>the sources the main database holds rows of; forget a removed source&apos;s links, or delete the rows only it brought</source>
        <extracomment>A line of &apos;tributaryd --help&apos; (a line break continues it below): what source does.</extracomment>
        <translation>die Quellen, von denen die Hauptdatenbank Zeilen enthält; die Verknüpfungen einer entfernten Quelle
vergessen oder die Zeilen löschen, die nur sie gebracht hat</translation>
    </message>
    <message>
        <source>make a demo forum, serve it with forum-sim, sync and verify it</source>
        <extracomment>A line of &apos;tributaryd --help&apos; (a line break continues it below): what demo does. Keep forum-sim.</extracomment>
        <translation>ein Demo-Forum erzeugen, mit forum-sim bereitstellen, synchronisieren und prüfen</translation>
    </message>
    <message>
        <source>measure sync speed and memory against a generated forum</source>
        <extracomment>A line of &apos;tributaryd --help&apos; (a line break continues it below): what bench does.</extracomment>
        <translation>Geschwindigkeit und Speicherbedarf der Synchronisation an einem erzeugten Forum messen</translation>
    </message>
    <message>
        <source>test an API&apos;s behaviour against the configuration: one verdict per check, with the fix</source>
        <extracomment>A line of &apos;tributaryd --help&apos; (a line break continues it below): what probe does.</extracomment>
        <translation>prüfen, ob sich eine API so verhält, wie die Konfiguration es annimmt: ein Urteil je Prüfung, mit der Abhilfe</translation>
    </message>
    <message>
        <source>show where each entity&apos;s walks stand; set or reset a cursor by hand</source>
        <extracomment>A line of &apos;tributaryd --help&apos; (a line break continues it below): what cursor does.</extracomment>
        <translation>anzeigen, wo die Durchläufe jeder Entität stehen; einen Cursor von Hand setzen oder zurücksetzen</translation>
    </message>
    <message>
        <source>the configuration has several sources: name one with --source</source>
        <translation>die Konfiguration hat mehrere Quellen: eine mit --source angeben</translation>
    </message>
    <message>
        <source>No cursors: the next sync of each entity starts from the source&apos;s start.</source>
        <translation>Keine Cursor: Die nächste Synchronisation jeder Entität beginnt am Startpunkt der Quelle.</translation>
    </message>
    <message>
        <source>(run %1, %2)</source>
        <translation>(Lauf %1, %2)</translation>
    </message>
    <message>
        <source>(set by hand, %1)</source>
        <translation>(von Hand gesetzt, %1)</translation>
    </message>
    <message>
        <source>not usable: %1. Incremental syncs of %2 fail until a full sync replaces it (tributaryd sync --full --source %3) or it is reset (tributaryd cursor reset --source %3 --entity %2 --yes).</source>
        <translation>nicht verwendbar: %1. Inkrementelle Synchronisationen von %2 schlagen fehl, bis eine vollständige Synchronisation ihn ersetzt (tributaryd sync --full --source %3) oder er zurückgesetzt wird (tributaryd cursor reset --source %3 --entity %2 --yes).</translation>
    </message>
    <message>
        <source>only incremental cursors can be set; a full or reconcile cursor can only be reset (the walk then starts over)</source>
        <translation>nur inkrementelle Cursor können gesetzt werden; ein Cursor full oder reconcile kann nur zurückgesetzt werden (der Durchlauf beginnt dann von vorn)</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>Would set the incremental cursor of %1/%2 to %3; it is now %4. The next sync asks for what changed from then on (inclusively).</source>
        <translation>Würde den inkrementellen Cursor von %1/%2 auf %3 setzen; bisher: %4. Die nächste Synchronisation fragt nach allem, was sich ab diesem Zeitpunkt geändert hat (einschließlich).</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>Nothing was changed: run again with --yes to set it.</source>
        <translation>Nichts wurde geändert: zum Setzen erneut mit --yes aufrufen.</translation>
    </message>
    <message>
        <source>Set the incremental cursor of %1/%2 to %3.</source>
        <translation>Inkrementellen Cursor von %1/%2 auf %3 gesetzt.</translation>
    </message>
    <message>
        <source>No cursor to reset.</source>
        <translation>Kein Cursor zum Zurücksetzen.</translation>
    </message>
    <message>
        <source>Reset %1/%2 %3, which was at %4.</source>
        <translation>Cursor %3 von %1/%2 zurückgesetzt; er stand bei %4.</translation>
    </message>
    <message>
        <source>Would reset %1/%2 %3, now at %4.</source>
        <translation>Würde den Cursor %3 von %1/%2 zurücksetzen; er steht bei %4.</translation>
    </message>
    <message>
        <source>The next incremental sync reads from the beginning of history (start: beginning); records it already has are found unchanged and not written.</source>
        <translation>Die nächste inkrementelle Synchronisation liest ab dem Beginn der Historie (start: beginning); Datensätze, die schon vorhanden sind, werden als unverändert erkannt und nicht geschrieben.</translation>
    </message>
    <message>
        <source>The next incremental sync reads what changed since %1 (start: date).</source>
        <translation>Die nächste inkrementelle Synchronisation liest, was sich seit %1 geändert hat (start: date).</translation>
    </message>
    <message>
        <source>The source starts from now (start: now): the next incremental sync reads only what changes from then on. Run tributaryd sync --full --source %1 to catch up on everything before.</source>
        <translation>Die Quelle beginnt bei jetzt (start: now): Die nächste inkrementelle Synchronisation liest nur, was sich ab dann ändert. Mit tributaryd sync --full --source %1 lässt sich alles Frühere nachholen.</translation>
    </message>
    <message>
        <source>Nothing was changed: run again with --yes to reset.</source>
        <translation>Nichts wurde geändert: zum Zurücksetzen erneut mit --yes aufrufen.</translation>
    </message>
    <message>
        <source>expected &apos;show&apos;, &apos;set&apos; or &apos;reset&apos;</source>
        <translation>erwartet &apos;show&apos;, &apos;set&apos; oder &apos;reset&apos;</translation>
    </message>
    <message>
        <source>expected &apos;show&apos;, &apos;set&apos; or &apos;reset&apos;, got &quot;%1&quot;</source>
        <translation>erwartet &apos;show&apos;, &apos;set&apos; oder &apos;reset&apos;, erhalten &quot;%1&quot;</translation>
    </message>
    <message>
        <source>set: the new value, a time as the source writes the entity&apos;s cursor field.</source>
        <translation>set: der neue Wert, eine Zeit, wie die Quelle das Cursor-Feld der Entität schreibt.</translation>
    </message>
    <message>
        <source>set: the external id of the last record applied at that time (optional).</source>
        <translation>set: die externe ID des letzten zu dieser Zeit angewendeten Datensatzes (optional).</translation>
    </message>
    <message>
        <source>Do it. Without --yes, print what would be done and exit 2.</source>
        <translation>Ausführen. Ohne --yes wird ausgegeben, was getan würde, und mit Exit-Status 2 beendet.</translation>
    </message>
    <message>
        <source>show: print JSON for scripts.</source>
        <translation>show: JSON für Skripte ausgeben.</translation>
    </message>
    <message>
        <source>Shows where each walk of each entity stands: the incremental cursor (the last applied value and id), a full
walk or reconciliation scan that stopped part-way. A value the engine cannot use is flagged.</source>
        <translation>Zeigt, wo jeder Durchlauf jeder Entität steht: den inkrementellen Cursor (den zuletzt angewendeten Wert und die ID),
einen vollständigen Durchlauf oder den Durchlauf eines Abgleichs, der unterwegs angehalten hat. Ein Wert, den
Tributary nicht verwenden kann, wird markiert.</translation>
    </message>
    <message>
        <source>Sets an entity&apos;s incremental cursor: the next sync asks for what changed from that time on. The value must be a
time no later than a day from now.</source>
        <translation>Setzt den inkrementellen Cursor einer Entität: Die nächste Synchronisation fragt nach allem, was sich ab dieser Zeit
geändert hat. Der Wert muss eine Zeit sein, höchstens einen Tag in der Zukunft.</translation>
    </message>
    <message>
        <source>Forgets cursors (of one entity, or all of the source; of one kind, or all): an incremental sync then starts from
the source&apos;s start, a full walk or scan from its beginning.</source>
        <translation>Vergisst Cursor (einer Entität oder alle der Quelle; einer Art oder alle): Eine inkrementelle Synchronisation beginnt
dann am Startpunkt der Quelle, ein vollständiger Durchlauf oder der Durchlauf eines Abgleichs von vorn.</translation>
    </message>
    <message>
        <source>--entity and --value are required</source>
        <translation>--entity und --value sind erforderlich</translation>
    </message>
    <message>
        <source>Instead of a preset: learn from the API how it pages, filters and names its fields, write that configuration (to standard output without --output), then probe it. Each --url is then the listing of one entity (https://api.example.com/v2/items; repeat it); --token-env names a bearer token&apos;s variable (none by default); --name defaults to api.</source>
        <translation>Statt einer Vorlage: von der API lernen, wie sie blättert, filtert und ihre Felder benennt, diese Konfiguration schreiben (ohne --output auf die Standardausgabe) und sie dann prüfen. Jede --url ist dann die Auflistung einer Entität (https://api.example.com/v2/items; wiederholbar); --token-env nennt die Variable eines Bearer-Tokens (standardmäßig keine); --name ist standardmäßig api.</translation>
    </message>
    <message>
        <source>--detect cannot be combined with --preset or --webhook-secret-env</source>
        <translation>--detect lässt sich nicht mit --preset oder --webhook-secret-env kombinieren</translation>
    </message>
    <message>
        <source>Could not detect %1: %2</source>
        <translation>%1 konnte nicht erkannt werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Detected %1 as entity %2 (%3 request(s)):</source>
        <translation>
            <numerusform>%1 als Entität %2 erkannt (%3 Anfrage):</numerusform>
            <numerusform>%1 als Entität %2 erkannt (%3 Anfragen):</numerusform>
        </translation>
    </message>
    <message>
        <source>records: %1; id field: %2; field names: %3</source>
        <translation>Datensätze: %1; ID-Feld: %2; Feldnamen: %3</translation>
    </message>
    <message>
        <source>the body is the array</source>
        <translation>der Body ist das Array</translation>
    </message>
    <message>
        <source>single words</source>
        <translation>einzelne Wörter</translation>
    </message>
    <message>
        <source>pagination: %1</source>
        <translation>Paginierung: %1</translation>
    </message>
    <message>
        <source>total: %1</source>
        <translation>Gesamtzahl: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>change filter: none</source>
        <translation>Änderungsfilter: keiner</translation>
    </message>
    <message>
        <source>change filter: %1 on %2 (format %3, sorted with %4, tie breaker %5)</source>
        <translation>Änderungsfilter: %1 für %2 (Format %3, sortiert mit %4, Ordnung bei Gleichstand: %5)</translation>
    </message>
    <message>
        <source>columns: %1</source>
        <translation>Spalten: %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>The mapping writes entity %1 into table %2 with the columns %3: the main database has no such table yet; create it, or correct &quot;table&quot; and &quot;columns&quot;, before the first sync.</source>
        <translation>Die Zuordnung schreibt die Entität %1 in die Tabelle %2 mit den Spalten %3: Die Hauptdatenbank hat diese Tabelle noch nicht; sie vor der ersten Synchronisation anlegen oder &quot;table&quot; und &quot;columns&quot; korrigieren.</translation>
    </message>
    <message>
        <source>Table %1 of the main database: mapped %2</source>
        <translation>Tabelle %1 der Hauptdatenbank: zugeordnet sind %2</translation>
    </message>
    <message>
        <source>fields without a column of that name, not mapped: %1</source>
        <translation>Felder ohne gleichnamige Spalte, nicht zugeordnet: %1</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>nothing could be detected; no configuration written</source>
        <translation>nichts konnte erkannt werden; keine Konfiguration geschrieben</translation>
    </message>
    <message>
        <source>the detected configuration is not valid:</source>
        <translation>die erkannte Konfiguration ist ungültig:</translation>
    </message>
    <message>
        <source>Probing the detected configuration:</source>
        <translation>Prüfung der erkannten Konfiguration:</translation>
    </message>
    <message>
        <source>not in the configuration: %1 could not be detected (see above)</source>
        <translation>nicht in der Konfiguration: %1 konnte nicht erkannt werden (siehe oben)</translation>
    </message>
    <message>
        <source>Source %1: %2</source>
        <translation>Quelle %1: %2</translation>
    </message>
    <message>
        <source>Source %1, entity %2</source>
        <translation>Quelle %1, Entität %2</translation>
    </message>
    <message>
        <source>fix: %1</source>
        <translation>Abhilfe: %1</translation>
    </message>
    <message>
        <source>The records&apos; fields: %1</source>
        <translation>Felder der Datensätze: %1</translation>
    </message>
    <message>
        <source>Tests each enabled entity&apos;s API against the configuration: page size, page parameter, order,
change filter, total, mapped fields and ids, one verdict per check with the key to change.
Reads two or three pages per entity; the main database is not opened.
Exit 0 when no check failed, 1 when one did.</source>
        <translation>Prüft für jede aktivierte Entität, ob sich die API so verhält, wie die Konfiguration es annimmt: Seitengröße,
Seitenparameter, Reihenfolge, Änderungsfilter, Gesamtzahl, zugeordnete Felder und IDs; ein Urteil je Prüfung
mit dem Schlüssel, der zu ändern ist. Liest zwei oder drei Seiten je Entität; die Hauptdatenbank wird nicht geöffnet.
Exit-Status 0, wenn keine Prüfung fehlgeschlagen ist, 1, wenn eine fehlgeschlagen ist.</translation>
    </message>
    <message>
        <source>--value &quot;%1&quot; is %2: a cursor value is a time, written as the source writes the change time of its %3, no later than a day from now</source>
        <translation>--value „%1“ ist %2: Ein Cursor-Wert ist eine Zeit, geschrieben wie die Quelle die Änderungszeit ihrer %3 schreibt, höchstens einen Tag nach jetzt</translation>
    </message>
    <message>
        <source>Only this kind of cursor: incremental, full, reconcile or start.</source>
        <translation>Nur diese Art von Cursor: incremental, full, reconcile oder start.</translation>
    </message>
    <message>
        <source>--kind is incremental, full, reconcile or start; got &quot;%1&quot;</source>
        <translation>--kind ist incremental, full, reconcile oder start; erhalten: „%1“</translation>
    </message>
    <message>
        <source>Usage: tributaryd cursor show [--source NAME] [--entity NAME] [--kind KIND] [--json] --config FILE
       tributaryd cursor set --entity NAME --value TIME [--id ID] [--source NAME] [--yes] --config FILE
       tributaryd cursor reset [--source NAME] [--entity NAME] [--kind KIND] [--yes] --config FILE

Each entity has up to four cursors: incremental (the last applied value and id of the change filter), full and
reconcile (where a full walk or a reconciliation scan that stopped part-way resumes), and start (for a source
that starts &quot;now&quot;: the source&apos;s time of the first run; older records are not imported). A sync never stores an
incremental value that is not a time or that lies more than a day beyond the source&apos;s clock; one stored before
makes incremental syncs fail until &apos;sync --full&apos; replaces it or it is reset here. &apos;set&apos; and &apos;reset&apos; print what
they would do and exit 2 without --yes, and refuse while another process syncs the source.
</source>
        <translation>Aufruf: tributaryd cursor show [--source NAME] [--entity NAME] [--kind KIND] [--json] --config FILE
        tributaryd cursor set --entity NAME --value TIME [--id ID] [--source NAME] [--yes] --config FILE
        tributaryd cursor reset [--source NAME] [--entity NAME] [--kind KIND] [--yes] --config FILE

Jede Entität hat bis zu vier Cursor: incremental (der zuletzt angewendete Wert und die ID des Änderungsfilters),
full und reconcile (wo ein vollständiger Durchlauf oder der Durchlauf eines Abgleichs weitergeht, der unterwegs
angehalten hat) und start (bei einer Quelle, die „now“ beginnt: die Zeit der Quelle beim ersten Lauf; ältere
Datensätze werden nicht importiert). Eine Synchronisation speichert nie einen inkrementellen Wert, der keine
Zeitangabe ist oder mehr als einen Tag nach der Uhr der Quelle liegt; ein früher so gespeicherter lässt
inkrementelle Synchronisationen fehlschlagen, bis &apos;sync --full&apos; ihn ersetzt oder er hier zurückgesetzt wird.
&apos;set&apos; und &apos;reset&apos; geben ohne --yes aus, was sie tun würden, und enden mit Exit-Status 2; solange ein anderer
Prozess die Quelle synchronisiert, verweigern sie die Änderung.
</translation>
    </message>
    <message>
        <source>Run &apos;tributaryd &lt;command&gt; --help&apos; for the options of a command.

Exit status: 0 ok, 1 failed, 2 usage or configuration error, 3 records quarantined or
pending, 4 a source refused the credentials, 5 verify found differences or a check failed,
6 interrupted.

Messages follow the system&apos;s language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); TRIBUTARY_LANGUAGE
overrides it (de, en).</source>
        <extracomment>The end of &apos;tributaryd --help&apos;, after the list of commands. Keep the command names, the exit statuses and the environment variables.</extracomment>
        <translation>&apos;tributaryd &lt;Befehl&gt; --help&apos; zeigt die Optionen eines Befehls.

Exit-Status: 0 OK, 1 fehlgeschlagen, 2 Aufruf- oder Konfigurationsfehler, 3 Datensätze in Quarantäne oder
ausstehend, 4 eine Quelle hat die Zugangsdaten abgelehnt, 5 verify hat Abweichungen gefunden oder eine Prüfung
ist fehlgeschlagen, 6 unterbrochen.

Die Meldungen folgen der Sprache des Systems (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); TRIBUTARY_LANGUAGE
legt sie fest (de, en).</translation>
    </message>
    <message>
        <source>walk</source>
        <extracomment>verify: the check that the walk of the source kept its invariants and reached its end</extracomment>
        <translation>Durchlauf</translation>
    </message>
    <message>
        <source>total</source>
        <extracomment>verify: the check of the source&apos;s own total</extracomment>
        <translation>Gesamtzahl</translation>
    </message>
    <message>
        <source>id scan</source>
        <extracomment>verify: the check of the source&apos;s id listing against the walk</extracomment>
        <translation>ID-Auflistung</translation>
    </message>
    <message>
        <source>extras</source>
        <extracomment>verify: the check for links to records gone from the source</extracomment>
        <translation>Überzählige</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>what was found</source>
        <translation>Befund</translation>
    </message>
    <message numerus="yes">
        <source>before start: %1 record(s) changed before the source&apos;s start (sources.%2.start) and are not imported, by configuration; they are not counted as missing.</source>
        <translation>
            <numerusform>vor dem Start: %1 Datensatz wurde vor dem Startpunkt der Quelle (sources.%2.start) geändert und wird laut Konfiguration nicht importiert; er zählt nicht als fehlend.</numerusform>
            <numerusform>vor dem Start: %1 Datensätze wurden vor dem Startpunkt der Quelle (sources.%2.start) geändert und werden laut Konfiguration nicht importiert; sie zählen nicht als fehlend.</numerusform>
        </translation>
    </message>
    <message>
        <source>quarantined: records held with their reason (tributaryd quarantine list). No sync or reconciliation applies them while the cause remains: fix it at the source or in the mapping, then run tributaryd quarantine retry.</source>
        <translation>Quarantäne: Datensätze, die mit ihrem Grund zurückgehalten werden (tributaryd quarantine list). Keine Synchronisation und kein Abgleich wendet sie an, solange die Ursache besteht: sie an der Quelle oder in der Zuordnung beheben, dann tributaryd quarantine retry ausführen.</translation>
    </message>
    <message numerus="yes">
        <source>NOT CHECKED: %1 check(s) could not run (&quot;not checked&quot; above). Every check that ran passed, so the exit status is 0; what was not checked is only as sure as the walk.</source>
        <translation>
            <numerusform>NICHT GEPRÜFT: %1 Prüfung konnte nicht laufen (oben &quot;nicht geprüft&quot;). Jede Prüfung, die lief, wurde bestanden, daher ist der Exit-Status 0; was nicht geprüft wurde, ist nur so sicher wie der Durchlauf.</numerusform>
            <numerusform>NICHT GEPRÜFT: %1 Prüfungen konnten nicht laufen (oben &quot;nicht geprüft&quot;). Jede Prüfung, die lief, wurde bestanden, daher ist der Exit-Status 0; was nicht geprüft wurde, ist nur so sicher wie der Durchlauf.</numerusform>
        </translation>
    </message>
    <message>
        <source>NOT IN SYNC: see the counts, the checks and the examples above.</source>
        <translation>NICHT SYNCHRON: siehe die Zähler, die Prüfungen und die Beispiele oben.</translation>
    </message>
    <message>
        <source>references (foreign keys, written as the local id of the row they name): %1</source>
        <translation>Verweise (Fremdschlüssel, geschrieben als lokale ID der Zeile, die sie nennen): %1</translation>
    </message>
    <message>
        <source>foreign keys to tables no detected entity fills, not mapped (their values would be the source&apos;s ids, not local ones): %1; add those entities (another --url) to keep them</source>
        <translation>Fremdschlüssel auf Tabellen, die keine erkannte Entität füllt, nicht zugeordnet (ihre Werte wären die IDs der Quelle, keine lokalen): %1; diese Entitäten hinzufügen (eine weitere --url), um sie zu behalten</translation>
    </message>
    <message>
        <source>before the first sync: the table requires %1 (NOT NULL, no default) and no field of the API fills it; give each a value under &quot;defaults&quot; in entity %2, or every new row is refused</source>
        <translation>vor der ersten Synchronisation: Die Tabelle verlangt einen Wert in %1 (NOT NULL, kein Standardwert), und kein Feld der API liefert ihn; jeder dieser Spalten unter &quot;defaults&quot; in der Entität %2 einen Wert geben, sonst wird jede neue Zeile abgelehnt</translation>
    </message>
    <message>
        <source>Compares every record of the sources with the main database, and checks the walk
against the source&apos;s total and its id scan.
Exit 0 only when in sync and every check that could run passed (a check that could not
run is printed as &quot;not checked&quot;); 5 when records are missing, extra or different, or
a check failed; 1 when verify could not finish.</source>
        <translation>Vergleicht jeden Datensatz der Quellen mit der Hauptdatenbank und prüft den Durchlauf
gegen die Gesamtzahl der Quelle und ihre ID-Auflistung.
Exit-Status 0 nur, wenn alles synchron ist und jede Prüfung, die laufen konnte, bestanden wurde (eine Prüfung,
die nicht laufen konnte, wird als &quot;nicht geprüft&quot; ausgegeben); 5, wenn Datensätze fehlen, überzählig sind oder
abweichen oder eine Prüfung fehlgeschlagen ist; 1, wenn verify nicht zu Ende kam.</translation>
    </message>
    <message>
        <source>only a PostgreSQL database has a password</source>
        <translation>nur eine PostgreSQL-Datenbank hat ein Passwort</translation>
    </message>
    <message>
        <source>not a valid URL (%1); expected for example %2</source>
        <translation>keine gültige URL (%1); erwartet wird zum Beispiel %2</translation>
    </message>
    <message>
        <source>the URL carries a password; a command line is seen by every user of the machine and kept in the shell&apos;s history. Give the URL without it and put the password in ~/.pgpass, or in an environment variable named with --database-password-env</source>
        <translation>die URL enthält ein Passwort; eine Befehlszeile sieht jeder Benutzer der Maschine, und die Shell bewahrt sie in ihrem Verlauf auf. Geben Sie die URL ohne Passwort an und legen Sie das Passwort in ~/.pgpass ab oder in einer Umgebungsvariablen, die Sie mit --database-password-env nennen</translation>
    </message>
    <message>
        <source>the URL must name a user and a database, as in %1</source>
        <translation>die URL muss einen Benutzer und eine Datenbank nennen, wie in %1</translation>
    </message>
    <message>
        <source>unknown URL parameter &quot;%1&quot; (known: host)</source>
        <translation>unbekannter URL-Parameter „%1“ (bekannt: host)</translation>
    </message>
    <message>
        <source>The main database: an SQLite file, or postgresql://USER@HOST[:PORT]/DATABASE (no password in it: libpq reads PGPASSWORD or ~/.pgpass, or see --database-password-env).</source>
        <translation>Die Hauptdatenbank: eine SQLite-Datei oder postgresql://BENUTZER@HOST[:PORT]/DATENBANK (ohne Passwort: libpq liest PGPASSWORD oder ~/.pgpass, siehe auch --database-password-env).</translation>
    </message>
    <message>
        <source>PostgreSQL: the environment variable tributaryd reads the password from.</source>
        <translation>PostgreSQL: die Umgebungsvariable, aus der tributaryd das Passwort liest.</translation>
    </message>
    <message>
        <source>Cannot read the main database: %1</source>
        <translation>Die Hauptdatenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>by worker %1</source>
        <extracomment>The worker (host:pid) that made the last run.</extracomment>
        <translation>von Worker %1</translation>
    </message>
    <message>
        <source>being synced now by worker %1 (lease until %2)</source>
        <extracomment>%1 the worker (host:pid), %2 when its lease ends (UTC)</extracomment>
        <translation>wird gerade von Worker %1 synchronisiert (Lease bis %2)</translation>
    </message>
    <message>
        <source>main database: %1</source>
        <translation>Hauptdatenbank: %1</translation>
    </message>
    <message>
        <source>main database: %1 (application tables %2, Tributary&apos;s tables %3)</source>
        <extracomment>The benchmark&apos;s main database: its size, split into the application&apos;s tables and Tributary&apos;s own (tributary_*).</extracomment>
        <translation>Hauptdatenbank: %1 (Tabellen der Anwendung %2, Tabellen von Tributary %3)</translation>
    </message>
    <message>
        <source>Tributary benchmark: %1 records over loopback HTTP, page size %2, main database %3</source>
        <translation>Tributary-Benchmark: %1 Datensätze über Loopback-HTTP, Seitengröße %2, Hauptdatenbank %3</translation>
    </message>
    <message>
        <source>Messages in the forum (default 100000); with --workers, in all forums together.</source>
        <translation>Nachrichten im Forum (Standard 100000); mit --workers in allen Foren zusammen.</translation>
    </message>
    <message>
        <source>The main database: a PostgreSQL URL, postgresql://USER@HOST[:PORT]/DATABASE[?host=SOCKET_DIR], of a database without the forum&apos;s and Tributary&apos;s tables (they are created, and dropped at the end). Default: an SQLite file in the working directory.</source>
        <translation>Die Hauptdatenbank: eine PostgreSQL-URL, postgresql://USER@HOST[:PORT]/DATABASE[?host=SOCKET_DIR], einer Datenbank ohne die Tabellen des Forums und von Tributary (sie werden angelegt und am Ende gelöscht). Standard: eine SQLite-Datei im Arbeitsverzeichnis.</translation>
    </message>
    <message>
        <source>The environment variable holding the PostgreSQL password (default: libpq&apos;s PGPASSWORD, ~/.pgpass or a service file).</source>
        <translation>Die Umgebungsvariable mit dem PostgreSQL-Passwort (Standard: PGPASSWORD von libpq, ~/.pgpass oder eine Service-Datei).</translation>
    </message>
    <message>
        <source>Instead, time several &apos;tributaryd serve&apos; workers sharing the sources: one round per number in the list, each on an empty main database, until every source&apos;s first sync has finished (for example 1,2,4).</source>
        <translation>Stattdessen mehrere &apos;tributaryd serve&apos;-Worker messen, die sich die Quellen teilen: eine Runde je Zahl der Liste, jede auf einer leeren Hauptdatenbank, bis die erste Synchronisation jeder Quelle fertig ist (zum Beispiel 1,2,4).</translation>
    </message>
    <message>
        <source>With --workers: how many sources (forums of their own, default 8); the messages are shared among them.</source>
        <translation>Mit --workers: wie viele Quellen (jede mit eigenem Forum, Standard 8); die Nachrichten werden auf sie verteilt.</translation>
    </message>
    <message>
        <source>Generates a forum of the given size, serves it with forum-sim over loopback, runs an initial sync, a no-change incremental sync and a full re-read with nothing to write, each in a child tributaryd, and prints records per second and peak memory of each, and the size of the main database.</source>
        <translation>Erzeugt ein Forum der angegebenen Größe, stellt es mit forum-sim über Loopback bereit, führt eine Erstsynchronisation, eine inkrementelle Synchronisation ohne Änderungen und ein vollständiges Neulesen ohne Schreibarbeit aus, jeweils in einem eigenen tributaryd-Prozess, und gibt für jeden Schritt Datensätze pro Sekunde und Spitzenspeicher aus, dazu die Größe der Hauptdatenbank.</translation>
    </message>
    <message>
        <source>--messages: expected a number from 1000 to 100000000, got &quot;%1&quot;</source>
        <translation>--messages: erwartet eine Zahl von 1000 bis 100000000, erhalten „%1“</translation>
    </message>
    <message>
        <source>--page-size: expected a number from 1 to 100000, got &quot;%1&quot;</source>
        <translation>--page-size: erwartet eine Zahl von 1 bis 100000, erhalten „%1“</translation>
    </message>
    <message>
        <source>--workers: expected numbers from 1 to 16 separated by commas, got &quot;%1&quot;</source>
        <translation>--workers: erwartet durch Kommas getrennte Zahlen von 1 bis 16, erhalten „%1“</translation>
    </message>
    <message>
        <source>--sources: expected a number from 1 to 64 leaving each source at least 100 messages, got &quot;%1&quot;</source>
        <translation>--sources: erwartet eine Zahl von 1 bis 64, die jeder Quelle mindestens 100 Nachrichten lässt, erhalten „%1“</translation>
    </message>
    <message>
        <source>--verify times one source&apos;s steps; it does not go with --workers</source>
        <translation>--verify misst die Schritte einer Quelle; es passt nicht zu --workers</translation>
    </message>
    <message>
        <source>--sources goes with --workers</source>
        <translation>--sources gehört zu --workers</translation>
    </message>
    <message>
        <source>expected a postgresql:// URL (the default main database is an SQLite file), got &quot;%1&quot;</source>
        <translation>erwartet eine postgresql://-URL (die Standard-Hauptdatenbank ist eine SQLite-Datei), erhalten „%1“</translation>
    </message>
    <message>
        <source>The benchmark&apos;s tables in %1 were dropped.</source>
        <translation>Die Tabellen des Benchmarks in %1 wurden gelöscht.</translation>
    </message>
    <message>
        <source>the database %1 already has the tables %2. The benchmark needs a database without the forum&apos;s and Tributary&apos;s tables (it creates them and drops them at the end): make one for it, for example with createdb.</source>
        <translation>die Datenbank %1 hat bereits die Tabellen %2. Der Benchmark braucht eine Datenbank ohne die Tabellen des Forums und von Tributary (er legt sie an und löscht sie am Ende): legen Sie eine eigene an, zum Beispiel mit createdb.</translation>
    </message>
    <message>
        <source>cannot open the main database %1: %2</source>
        <translation>die Hauptdatenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot create the forum&apos;s tables in %1: %2</source>
        <translation>die Tabellen des Forums können in %1 nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>cannot drop the benchmark&apos;s tables in %1: %2</source>
        <translation>die Tabellen des Benchmarks in %1 können nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>a worker exited (%1), see %2</source>
        <translation>ein Worker hat sich beendet (%1), siehe %2</translation>
    </message>
    <message>
        <source>not every source had synced after %1</source>
        <translation>nach %1 waren nicht alle Quellen synchronisiert</translation>
    </message>
    <message>
        <source>the first sync of %1 ended %2 with %3 of %4 records read, %5 quarantined, %6 pending: %7</source>
        <translation>die erste Synchronisation von %1 endete mit %2, %3 von %4 Datensätzen gelesen, %5 in Quarantäne, %6 wartend: %7</translation>
    </message>
    <message>
        <source>Generated %1 forums, %2 records (%3 messages) in %4</source>
        <translation>%1 Foren erzeugt, %2 Datensätze (%3 Nachrichten) in %4</translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s): </source>
        <translation>
            <numerusform>%n Worker: </numerusform>
            <numerusform>%n Worker: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s): every source synced in %1</source>
        <extracomment>Progress of the workers benchmark: one round done.</extracomment>
        <translation>
            <numerusform>%n Worker: alle Quellen synchronisiert in %1</numerusform>
            <numerusform>%n Worker: alle Quellen synchronisiert in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Tributary benchmark: %1 sources, %2 records over loopback HTTP, page size %3, main database %4</source>
        <translation>Tributary-Benchmark: %1 Quellen, %2 Datensätze über Loopback-HTTP, Seitengröße %3, Hauptdatenbank %4</translation>
    </message>
    <message>
        <source>workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>sources per worker</source>
        <translation>Quellen je Worker</translation>
    </message>
    <message>
        <source>(failed)</source>
        <translation>(fehlgeschlagen)</translation>
    </message>
    <message>
        <source>peak memory: the largest worker&apos;s; files and worker logs: %1</source>
        <extracomment>How to read the workers benchmark&apos;s &quot;peak memory&quot; column.</extracomment>
        <translation>Spitzenspeicher: der des größten Workers; Dateien und Worker-Logs: %1</translation>
    </message>
    <message>
        <source>fetch floor</source>
        <extracomment>A step of the benchmark: every page read as the initial sync reads them, nothing written.</extracomment>
        <translation>Untergrenze Abruf</translation>
    </message>
    <message>
        <source>write floor</source>
        <extracomment>A step of the benchmark: the application&apos;s rows inserted into an empty copy of its tables, nothing else.</extracomment>
        <translation>Untergrenze Schreiben</translation>
    </message>
    <message>
        <source>records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>× floor</source>
        <translation>× Untergrenze</translation>
    </message>
    <message>
        <source>× floor: the step&apos;s time divided by the slower of the fetch floor and the write floor (%1).</source>
        <extracomment>Below the benchmark&apos;s table.</extracomment>
        <translation>× Untergrenze: die Zeit des Schritts geteilt durch die langsamere der beiden Untergrenzen Abruf und Schreiben (%1).</translation>
    </message>
    <message>
        <source>The benchmark&apos;s fetch floor: walks every page of every entity as an initial sync would, and writes nothing.</source>
        <translation>Die Untergrenze Abruf des Benchmarks: liest jede Seite jeder Entität wie eine erste Synchronisation und schreibt nichts.</translation>
    </message>
    <message>
        <source>The benchmark&apos;s write floor: inserts the application&apos;s rows into an empty copy of its schema and prints the time the inserts took.</source>
        <translation>Die Untergrenze Schreiben des Benchmarks: fügt die Zeilen der Anwendung in eine leere Kopie ihres Schemas ein und gibt die Dauer der Einfügungen aus.</translation>
    </message>
    <message>
        <source>cannot open the write floor&apos;s database: %1</source>
        <translation>die Datenbank der Untergrenze Schreiben kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>cannot create the write floor&apos;s tables: %1</source>
        <translation>die Tabellen der Untergrenze Schreiben können nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Writing took %1 ms</source>
        <extracomment>The write floor&apos;s own time, in milliseconds, read back by the benchmark.</extracomment>
        <translation>Schreiben dauerte %1 ms</translation>
    </message>
    <message>
        <source>the main database&apos;s changes waiting to be pushed to their sources; retry or drop them</source>
        <extracomment>A line of &apos;tributaryd --help&apos; (a line break continues it below): what outbox (write-back&apos;s queue) does.</extracomment>
        <translation>die Änderungen der Hauptdatenbank, die auf die Übertragung an ihre Quellen warten; erneut versuchen oder verwerfen</translation>
    </message>
    <message>
        <source>expected &apos;list&apos;, &apos;retry&apos; or &apos;drop&apos;</source>
        <translation>erwartet &apos;list&apos;, &apos;retry&apos; oder &apos;drop&apos;</translation>
    </message>
    <message>
        <source>expected &apos;list&apos;, &apos;retry&apos; or &apos;drop&apos;, got &quot;%1&quot;</source>
        <translation>erwartet &apos;list&apos;, &apos;retry&apos; oder &apos;drop&apos;, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Only this operation (repeatable).</source>
        <translation>Nur dieser Vorgang (wiederholbar).</translation>
    </message>
    <message>
        <source>Only the operations the source refused.</source>
        <translation>Nur die Vorgänge, die die Quelle abgelehnt hat.</translation>
    </message>
    <message>
        <source>drop: every operation the other options select (without --id).</source>
        <translation>drop: jeder Vorgang, den die anderen Optionen auswählen (ohne --id).</translation>
    </message>
    <message>
        <source>list: at most N operations (default 50; 0 = all).</source>
        <translation>list: höchstens N Vorgänge (Standard 50; 0 = alle).</translation>
    </message>
    <message>
        <source>Lists the main database&apos;s changes waiting to be pushed to their sources: the row, since when, the
attempts, and the reason of the last failure or refusal.</source>
        <translation>Listet die Änderungen der Hauptdatenbank, die auf die Übertragung an ihre Quellen warten: die Zeile,
seit wann, die Versuche und den Grund des letzten Fehlschlags oder der letzten Ablehnung.</translation>
    </message>
    <message>
        <source>Makes the selected operations due now, refused ones included (after fixing the row or the source);
the next sync or the service pushes them.</source>
        <translation>Macht die ausgewählten Vorgänge sofort fällig, abgelehnte eingeschlossen (nachdem die Zeile oder die Quelle
korrigiert ist); der nächste Sync oder der Dienst überträgt sie.</translation>
    </message>
    <message>
        <source>Forgets the selected operations without pushing them: the source keeps what it has, and the rows
keep their local values until they change again.</source>
        <translation>Vergisst die ausgewählten Vorgänge, ohne sie zu übertragen: die Quelle behält, was sie hat, und die Zeilen
behalten ihre lokalen Werte, bis sie sich wieder ändern.</translation>
    </message>
    <message>
        <source>--id expects an operation number, got &quot;%1&quot;</source>
        <translation>--id erwartet eine Vorgangsnummer, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>name the operations with --id, or select them with --all</source>
        <translation>nennen Sie die Vorgänge mit --id oder wählen Sie sie mit --all aus</translation>
    </message>
    <message numerus="yes">
        <source>%1 operation(s) due again; the next sync pushes them.</source>
        <translation>
            <numerusform>%1 Vorgang wieder fällig; der nächste Sync überträgt ihn.</numerusform>
            <numerusform>%1 Vorgänge wieder fällig; der nächste Sync überträgt sie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 operation(s) dropped.</source>
        <translation>
            <numerusform>%1 Vorgang verworfen.</numerusform>
            <numerusform>%1 Vorgänge verworfen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The outbox is empty: every change of the main database reached its sources.</source>
        <translation>Die Outbox ist leer: jede Änderung der Hauptdatenbank hat ihre Quellen erreicht.</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message numerus="yes">
        <source>since %1, %2 attempt(s)</source>
        <translation>
            <numerusform>seit %1, %2 Versuch</numerusform>
            <numerusform>seit %1, %2 Versuche</numerusform>
        </translation>
    </message>
    <message>
        <source>next at %1</source>
        <translation>nächster um %1</translation>
    </message>
    <message>
        <source>capture cost</source>
        <extracomment>A step of the benchmark: the main application&apos;s updates timed with and without Tributary&apos;s triggers.</extracomment>
        <translation>Kosten der Erfassung</translation>
    </message>
    <message>
        <source>Times the main application&apos;s updates with and without the capture triggers.</source>
        <translation>Misst die Änderungen der Hauptanwendung mit und ohne die Erfassungs-Trigger.</translation>
    </message>
    <message>
        <source>entity %1 maps no text column to update</source>
        <translation>Entität %1 bildet keine Textspalte ab, die geändert werden könnte</translation>
    </message>
    <message>
        <source>table %1 is empty</source>
        <translation>Tabelle %1 ist leer</translation>
    </message>
    <message>
        <source>capture: %1: %2 (%3 µs per update, %4)</source>
        <translation>Erfassung: %1: %2 (%3 µs je Änderung, %4)</translation>
    </message>
    <message>
        <source>capture: %1 updates of %2.%3 by the application, %4 per transaction</source>
        <translation>Erfassung: %1 Änderungen von %2.%3 durch die Anwendung, %4 je Transaktion</translation>
    </message>
    <message>
        <source>no triggers</source>
        <translation>keine Trigger</translation>
    </message>
    <message>
        <source>edit capture (every synced table)</source>
        <translation>Erfassung lokaler Änderungen (jede synchronisierte Tabelle)</translation>
    </message>
    <message>
        <source>edit and write-back capture</source>
        <translation>Erfassung lokaler Änderungen und für das Zurückschreiben</translation>
    </message>
    <message numerus="yes">
        <source>%1 change(s) of the main database pushed to the source.</source>
        <translation>
            <numerusform>%1 Änderung der Hauptdatenbank an die Quelle übertragen.</numerusform>
            <numerusform>%1 Änderungen der Hauptdatenbank an die Quelle übertragen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 change(s) refused by the source; see: tributaryd outbox list --refused.</source>
        <translation>
            <numerusform>%1 Änderung von der Quelle abgelehnt; siehe: tributaryd outbox list --refused.</numerusform>
            <numerusform>%1 Änderungen von der Quelle abgelehnt; siehe: tributaryd outbox list --refused.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 change(s) of the main database refused by their source; see: tributaryd outbox list --refused.</source>
        <translation>
            <numerusform>%1 Änderung der Hauptdatenbank von ihrer Quelle abgelehnt; siehe: tributaryd outbox list --refused.</numerusform>
            <numerusform>%1 Änderungen der Hauptdatenbank von ihren Quellen abgelehnt; siehe: tributaryd outbox list --refused.</numerusform>
        </translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>PAUSIERT</translation>
    </message>
    <message>
        <source>Paused until %1: %2</source>
        <extracomment>A paused run&apos;s note: when it goes on (local time), then why it stopped.</extracomment>
        <translation>Pausiert bis %1: %2</translation>
    </message>
    <message>
        <source>paused: %1</source>
        <extracomment>A paused run&apos;s reason: its host&apos;s request budget was spent; the message says until when.</extracomment>
        <translation>pausiert: %1</translation>
    </message>
</context>
</TS>

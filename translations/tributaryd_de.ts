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
        <source>cannot read credentials file %1: %2</source>
        <translation>Zugangsdatendatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>credentials file %1 is readable by other users; run: chmod 600 %1</source>
        <translation>Zugangsdatendatei %1 ist für andere Benutzer lesbar; ausführen: chmod 600 %1</translation>
    </message>
    <message>
        <source>credentials file %1 is not a JSON object (%2)</source>
        <translation>Zugangsdatendatei %1 ist kein JSON-Objekt (%2)</translation>
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
        <source>a sync of source &quot;%1&quot; is running (run %2, process %3): wait for it to end, or stop it, before you %4 the source</source>
        <translation>eine Synchronisation der Quelle &quot;%1&quot; läuft (Lauf %2, Prozess %3): warten, bis sie endet, oder sie beenden, bevor die Quelle mit %4 bearbeitet wird</translation>
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
        <source>%1 %2: invalid at the source (%3: %4) and not in quarantine</source>
        <translation>%1 %2: an der Quelle ungültig (%3: %4) und nicht in Quarantäne</translation>
    </message>
    <message>
        <source>%1 %2: not in the main database</source>
        <translation>%1 %2: nicht in der Hauptdatenbank</translation>
    </message>
    <message>
        <source>%1 %2: linked to %3 id %4, which no longer exists</source>
        <translation>%1 %2: verknüpft mit %3 ID %4, die nicht mehr existiert</translation>
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
        <source> (after %1 retries)</source>
        <translation> (nach %1 Wiederholungen)</translation>
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
        <source>source %1 is being synced by another process (pid %2, run %3); wait for it, or stop it first</source>
        <translation>Quelle %1 wird gerade von einem anderen Prozess synchronisiert (PID %2, Lauf %3); darauf warten oder ihn zuerst beenden</translation>
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
        <source>cannot mark run %1 of source %2 as interrupted</source>
        <translation>Lauf %1 der Quelle %2 kann nicht als unterbrochen markiert werden</translation>
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
        <source>%1 %2 (%3 id %4): deleted here after a reconciliation, but the source has it again (the next reconciliation restores it, as does any sync that reads the record)</source>
        <translation>%1 %2 (%3 ID %4): hier nach einem Abgleich gelöscht, aber die Quelle hat ihn wieder (der nächste Abgleich stellt ihn wieder her, ebenso jede Synchronisation, die den Datensatz liest)</translation>
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
        <source>Compares every record of the sources with the main database.
Exit 0 only when in sync; 5 when records are missing, extra or different.</source>
        <translation>Vergleicht jeden Datensatz der Quellen mit der Hauptdatenbank.
Exit-Status 0 nur, wenn alles synchron ist; 5, wenn Datensätze fehlen, überzählig sind oder abweichen.</translation>
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
        <source>The main SQLite database file.</source>
        <translation>Die SQLite-Datei der Hauptdatenbank.</translation>
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
        <source>quarantined: invalid or unresolvable records are held with their reason in tributary_quarantine.</source>
        <translation>Quarantäne: Ungültige oder nicht auflösbare Datensätze werden mit ihrem Grund in tributary_quarantine zurückgehalten.</translation>
    </message>
    <message>
        <source>NOT IN SYNC: see the counts and examples above.</source>
        <translation>NICHT SYNCHRON: siehe die Zähler und Beispiele oben.</translation>
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
        <source>Generates a forum of the given size, serves it with forum-sim over loopback, runs an initial sync, a no-change incremental sync and a full re-read with nothing to write, each in a child tributaryd, and prints records per second and peak memory of each.</source>
        <translation>Erzeugt ein Forum der angegebenen Größe, stellt es mit forum-sim über Loopback bereit, führt eine erste Synchronisation, eine inkrementelle Synchronisation ohne Änderungen und ein vollständiges erneutes Lesen ohne Schreibbedarf aus, jeweils in einem eigenen tributaryd-Prozess, und gibt für jeden Schritt Datensätze pro Sekunde und den Speicher-Spitzenwert aus.</translation>
    </message>
    <message>
        <source>Messages in the forum (default 100000).</source>
        <translation>Nachrichten im Forum (Standard 100000).</translation>
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
        <source>Tributary benchmark: %1 records over loopback HTTP, page size %2</source>
        <translation>Tributary-Benchmark: %1 Datensätze über Loopback-HTTP, Seitengröße %2</translation>
    </message>
    <message>
        <source>step</source>
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
        <source>Run &apos;tributaryd &lt;command&gt; --help&apos; for the options of a command.

Exit status: 0 ok, 1 failed, 2 usage or configuration error, 3 records quarantined or
pending, 4 a source refused the credentials, 5 verify found differences, 6 interrupted.

Messages follow the system&apos;s language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); TRIBUTARY_LANGUAGE
overrides it (de, en).</source>
        <extracomment>The end of &apos;tributaryd --help&apos;, after the list of commands. Keep the command names, the exit statuses and the environment variables.</extracomment>
        <translation>&apos;tributaryd &lt;Befehl&gt; --help&apos; zeigt die Optionen eines Befehls.

Exit-Status: 0 OK, 1 fehlgeschlagen, 2 Aufruf- oder Konfigurationsfehler, 3 Datensätze in Quarantäne oder
ausstehend, 4 eine Quelle hat die Zugangsdaten abgelehnt, 5 verify hat Abweichungen gefunden, 6 unterbrochen.

Die Meldungen folgen der Sprache des Systems (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); TRIBUTARY_LANGUAGE
legt sie fest (de, en).</translation>
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
</context>
</TS>

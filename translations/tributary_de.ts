<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DisplayText</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>Documentation</name>
    <message>
        <source>The &amp;Console</source>
        <translation>Die &amp;Konsole</translation>
    </message>
    <message>
        <source>&amp;Operations</source>
        <translation>Be&amp;trieb</translation>
    </message>
    <message>
        <source>Con&amp;figuration</source>
        <translation>Konfi&amp;guration</translation>
    </message>
    <message>
        <source>Co&amp;nflicts</source>
        <translation>Konf&amp;likte</translation>
    </message>
    <message>
        <source>Adding a &amp;Source</source>
        <translation>Quelle &amp;anbinden</translation>
    </message>
</context>
<context>
    <name>NotificationTracker</name>
    <message>
        <source>New conflicts</source>
        <translation>Neue Konflikte</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new conflict(s) wait for a decision.</source>
        <translation>
            <numerusform>%1: %n neuer Konflikt wartet auf eine Entscheidung.</numerusform>
            <numerusform>%1: %n neue Konflikte warten auf eine Entscheidung.</numerusform>
        </translation>
    </message>
    <message>
        <source>A sync failed</source>
        <translation>Eine Synchronisation ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>no reason was recorded</source>
        <translation>ohne festgehaltenen Grund</translation>
    </message>
    <message>
        <source>%1: the %2 failed: %3</source>
        <translation>%1: %2 fehlgeschlagen: %3</translation>
    </message>
</context>
<context>
    <name>SourceChoices</name>
    <message>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>%1 (not in the configuration)</source>
        <translation>%1 (nicht in der Konfiguration)</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::ConfigDocument</name>
    <message>
        <source>The configuration has no file name yet: use Save As.</source>
        <translation>Die Konfiguration hat noch keinen Dateinamen: bitte &quot;Speichern unter&quot; verwenden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>There is already a source called &quot;%1&quot;.</source>
        <translation>Es gibt bereits eine Quelle namens &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no source called &quot;%1&quot;.</source>
        <translation>Es gibt keine Quelle namens &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Save the configuration first: the credentials file is kept next to it.</source>
        <translation>Bitte zuerst die Konfiguration speichern: Die Zugangsdatendatei wird neben ihr abgelegt.</translation>
    </message>
    <message>
        <source>Cannot read the credentials file %1: %2</source>
        <translation>Die Zugangsdatendatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The credentials file %1 is not a JSON object (%2); fix or move it first.</source>
        <translation>Die Zugangsdatendatei %1 ist kein JSON-Objekt (%2); bitte zuerst korrigieren oder verschieben.</translation>
    </message>
    <message>
        <source>Cannot write the credentials file %1: %2</source>
        <translation>Die Zugangsdatendatei %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot restrict the credentials file %1 to its owner (chmod 600).</source>
        <translation>Die Zugangsdatendatei %1 kann nicht auf ihren Eigentümer beschränkt werden (chmod 600).</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::ConflictInspector</name>
    <message>
        <source>any field</source>
        <translation>beliebiges Feld</translation>
    </message>
    <message>
        <source>Only conflicts about this field (its exact column name)</source>
        <translation>Nur Konflikte zu diesem Feld (sein genauer Spaltenname)</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>older than 1 hour</source>
        <translation>älter als 1 Stunde</translation>
    </message>
    <message>
        <source>older than 1 day</source>
        <translation>älter als 1 Tag</translation>
    </message>
    <message>
        <source>older than 1 week</source>
        <translation>älter als 1 Woche</translation>
    </message>
    <message>
        <source>Show resolved</source>
        <translation>Aufgelöste anzeigen</translation>
    </message>
    <message>
        <source>Also list conflicts already decided, by a policy or by a person</source>
        <translation>Auch Konflikte auflisten, die bereits entschieden sind, durch eine Regel oder eine Person</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>&amp;Entity:</source>
        <translation>&amp;Entität:</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Feld:</translation>
    </message>
    <message>
        <source>&amp;Raised:</source>
        <translation>E&amp;rkannt:</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Keep local for selected</source>
        <translation>Lokal behalten (Auswahl)</translation>
    </message>
    <message>
        <source>For every selected open conflict, keep the main database&apos;s side: its values stay, a row it deleted stays deleted, a row the source deleted is kept.</source>
        <translation>Für jeden ausgewählten offenen Konflikt die Seite der Hauptdatenbank behalten: Ihre Werte bleiben, eine dort gelöschte Zeile bleibt gelöscht, eine von der Quelle gelöschte Zeile bleibt erhalten.</translation>
    </message>
    <message>
        <source>Take remote for selected</source>
        <translation>Quelle übernehmen (Auswahl)</translation>
    </message>
    <message>
        <source>For every selected open conflict, take the source&apos;s side: its values are written, a row the main application deleted is restored, a row the source deleted is deleted.</source>
        <translation>Für jeden ausgewählten offenen Konflikt die Seite der Quelle übernehmen: Ihre Werte werden geschrieben, eine von der Hauptanwendung gelöschte Zeile wird wiederhergestellt, eine von der Quelle gelöschte Zeile wird gelöscht.</translation>
    </message>
    <message>
        <source>Select a conflict to see its base, local and remote values side by side.</source>
        <translation>Einen Konflikt auswählen, um Basis, lokale Werte und Werte der Quelle nebeneinander zu sehen.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Merged value</source>
        <translation>Zusammengeführter Wert</translation>
    </message>
    <message>
        <source>Keep local</source>
        <translation>Lokal behalten</translation>
    </message>
    <message>
        <source>Keep the main database&apos;s values for every field of this conflict</source>
        <translation>Die Werte der Hauptdatenbank für jedes Feld dieses Konflikts behalten</translation>
    </message>
    <message>
        <source>Take remote</source>
        <translation>Quelle übernehmen</translation>
    </message>
    <message>
        <source>Write the source&apos;s values into every field of this conflict</source>
        <translation>Die Werte der Quelle in jedes Feld dieses Konflikts schreiben</translation>
    </message>
    <message>
        <source>Apply choices</source>
        <translation>Auswahl anwenden</translation>
    </message>
    <message>
        <source>Write the decision of each field: local, remote or the merged value you typed</source>
        <translation>Die Entscheidung je Feld schreiben: lokal, Quelle oder der eingegebene zusammengeführte Wert</translation>
    </message>
    <message>
        <source>Restore the row</source>
        <translation>Zeile wiederherstellen</translation>
    </message>
    <message>
        <source>Bring the row back under its old key with what the source says now</source>
        <translation>Die Zeile unter ihrem alten Schlüssel mit dem jetzigen Stand der Quelle wiederherstellen</translation>
    </message>
    <message>
        <source>Leave it deleted</source>
        <translation>Gelöscht lassen</translation>
    </message>
    <message>
        <source>The row stays deleted; a later change at the source asks again</source>
        <translation>Die Zeile bleibt gelöscht; eine spätere Änderung an der Quelle führt zu einer neuen Rückfrage</translation>
    </message>
    <message>
        <source>Keep the row</source>
        <translation>Zeile behalten</translation>
    </message>
    <message>
        <source>The row stays as the main application has it, its own from now on</source>
        <translation>Die Zeile bleibt, wie die Hauptanwendung sie hat, und gehört ab jetzt ihr</translation>
    </message>
    <message>
        <source>Delete the row</source>
        <translation>Zeile löschen</translation>
    </message>
    <message>
        <source>Delete the row as the source did (per the entity&apos;s delete mode)</source>
        <translation>Die Zeile löschen, wie es die Quelle getan hat (gemäß dem Löschmodus der Entität)</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>%1 (not in the configuration)</source>
        <translation>%1 (nicht in der Konfiguration)</translation>
    </message>
    <message>
        <source>All entities</source>
        <translation>Alle Entitäten</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) listed</source>
        <translation>
            <numerusform>%n Konflikt aufgelistet</numerusform>
            <numerusform>%n Konflikte aufgelistet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open conflict(s)</source>
        <translation>
            <numerusform>%n offener Konflikt</numerusform>
            <numerusform>%n offene Konflikte</numerusform>
        </translation>
    </message>
    <message>
        <source>the first %1 conflicts; narrow the filters to see the others</source>
        <translation>die ersten %1 Konflikte; die Filter eingrenzen, um die übrigen zu sehen</translation>
    </message>
    <message>
        <source>No configuration is open.
Open one to see the conflicts that wait for a person.</source>
        <translation>Keine Konfiguration geöffnet.
Eine Konfiguration öffnen, um die Konflikte zu sehen, die auf eine Entscheidung warten.</translation>
    </message>
    <message>
        <source>The main database could not be opened, so its conflicts cannot be shown:
%1</source>
        <translation>Die Hauptdatenbank konnte nicht geöffnet werden, daher können ihre Konflikte nicht angezeigt werden:
%1</translation>
    </message>
    <message>
        <source>No conflict matches these filters.</source>
        <translation>Kein Konflikt passt zu diesen Filtern.</translation>
    </message>
    <message numerus="yes">
        <source>%n open conflict(s) in all.</source>
        <translation>
            <numerusform>Insgesamt %n offener Konflikt.</numerusform>
            <numerusform>Insgesamt %n offene Konflikte.</numerusform>
        </translation>
    </message>
    <message>
        <source>No conflict has been recorded yet.
When the main application and a source change the same field, or one side deletes a row the other changed, it is recorded here, with how it was decided.</source>
        <translation>Bisher wurde kein Konflikt erfasst.
Wenn die Hauptanwendung und eine Quelle dasselbe Feld ändern oder eine Seite eine Zeile löscht, die die andere geändert hat, wird das hier erfasst, zusammen mit der Entscheidung.</translation>
    </message>
    <message>
        <source>Nothing waits for a person.
When the main application and a source change the same field to different values, or one side deletes a row the other changed, and no policy decides, the conflict waits here.</source>
        <translation>Nichts wartet auf eine Entscheidung.
Wenn die Hauptanwendung und eine Quelle dasselbe Feld unterschiedlich ändern oder eine Seite eine Zeile löscht, die die andere geändert hat, und keine Regel entscheidet, wartet der Konflikt hier.</translation>
    </message>
    <message>
        <source>Select several conflicts (Ctrl+A: all listed) to decide them at once.</source>
        <translation>Mehrere Konflikte auswählen (Strg+A: alle aufgelisteten), um sie gemeinsam zu entscheiden.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) selected</source>
        <translation>
            <numerusform>%n Konflikt ausgewählt</numerusform>
            <numerusform>%n Konflikte ausgewählt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) selected, %1 of them open</source>
        <translation>
            <numerusform>%n Konflikt ausgewählt, %1 offen</numerusform>
            <numerusform>%n Konflikte ausgewählt, davon %1 offen</numerusform>
        </translation>
    </message>
    <message>
        <source>The source sent a newer version of this record after the conflict was shown: what you see now is the conflict as it stands.</source>
        <translation>Die Quelle hat eine neuere Version dieses Datensatzes gesendet, nachdem der Konflikt angezeigt wurde: Jetzt ist der aktuelle Stand des Konflikts zu sehen.</translation>
    </message>
    <message>
        <source>Conflict #%1: %2/%3 %4, row %5 %6</source>
        <translation>Konflikt #%1: %2/%3 %4, Zeile %5 %6</translation>
    </message>
    <message>
        <source>Open, waiting for a person: raised %1 (%2), last updated %3.</source>
        <translation>Offen, wartet auf eine Entscheidung: erkannt %1 (%2), zuletzt aktualisiert %3.</translation>
    </message>
    <message>
        <source>Resolved: %1, by %2 at %3.</source>
        <translation>Aufgelöst: %1, von %2 am %3.</translation>
    </message>
    <message>
        <source>a rule</source>
        <translation>einer Regel</translation>
    </message>
    <message>
        <source>(row deleted)</source>
        <translation>(Zeile gelöscht)</translation>
    </message>
    <message>
        <source>Set by the source %1, not by the main application:
%2</source>
        <translation>Von der Quelle %1 gesetzt, nicht von der Hauptanwendung:
%2</translation>
    </message>
    <message>
        <source>(record deleted)</source>
        <translation>(Datensatz gelöscht)</translation>
    </message>
    <message>
        <source>the value to write; null for NULL</source>
        <translation>der zu schreibende Wert; null für NULL</translation>
    </message>
    <message>
        <source>Converted to the column&apos;s type; a reference takes a local id; null writes NULL</source>
        <translation>Wird in den Typ der Spalte umgewandelt; ein Verweis erwartet eine lokale ID; null schreibt NULL</translation>
    </message>
    <message>
        <source>[name]: that source set the local value, not the main application.</source>
        <translation>[Name]: Diese Quelle hat den lokalen Wert gesetzt, nicht die Hauptanwendung.</translation>
    </message>
    <message numerus="yes">
        <source>%n other field(s) are as the source last sent them.</source>
        <translation>
            <numerusform>%n weiteres Feld ist so, wie die Quelle es zuletzt gesendet hat.</numerusform>
            <numerusform>%n weitere Felder sind so, wie die Quelle sie zuletzt gesendet hat.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/%2 has &quot;delete_mode&quot;: &quot;ignore&quot;: Tributary never deletes its rows.</source>
        <translation>%1/%2 hat &quot;delete_mode&quot;: &quot;ignore&quot;: Tributary löscht ihre Zeilen nie.</translation>
    </message>
    <message>
        <source>%1/%2 is no longer in the configuration: put it back to decide this conflict, or detach the source.</source>
        <translation>%1/%2 ist nicht mehr in der Konfiguration: wieder eintragen, um diesen Konflikt zu entscheiden, oder die Quelle trennen.</translation>
    </message>
    <message>
        <source>the row stays deleted</source>
        <translation>die Zeile bleibt gelöscht</translation>
    </message>
    <message>
        <source>the row is kept</source>
        <translation>die Zeile bleibt erhalten</translation>
    </message>
    <message>
        <source>the main database&apos;s values are kept</source>
        <translation>die Werte der Hauptdatenbank bleiben erhalten</translation>
    </message>
    <message>
        <source>the row is restored with the source&apos;s values</source>
        <translation>die Zeile wird mit den Werten der Quelle wiederhergestellt</translation>
    </message>
    <message>
        <source>the row is deleted as the source did</source>
        <translation>die Zeile wird gelöscht, wie es die Quelle getan hat</translation>
    </message>
    <message>
        <source>the source&apos;s values are written</source>
        <translation>die Werte der Quelle werden geschrieben</translation>
    </message>
    <message>
        <source>each field as you chose</source>
        <translation>jedes Feld wie gewählt</translation>
    </message>
    <message>
        <source>No main database is open.</source>
        <translation>Keine Hauptdatenbank geöffnet.</translation>
    </message>
    <message>
        <source>Select a conflict first.</source>
        <translation>Bitte zuerst einen Konflikt auswählen.</translation>
    </message>
    <message>
        <source>Conflict #%1 (%2/%3 %4) resolved by %5: %6.</source>
        <translation>Konflikt #%1 (%2/%3 %4) von %5 aufgelöst: %6.</translation>
    </message>
    <message>
        <source>Refused, nothing was written: %1</source>
        <translation>Abgelehnt, nichts wurde geschrieben: %1</translation>
    </message>
    <message>
        <source>Not resolved: %1</source>
        <translation>Nicht aufgelöst: %1</translation>
    </message>
    <message>
        <source>Conflict #%1 could not be resolved: %2</source>
        <translation>Konflikt #%1 konnte nicht aufgelöst werden: %2</translation>
    </message>
    <message>
        <source>A selection is decided by keeping local or taking remote.</source>
        <translation>Für eine Auswahl gibt es nur &quot;Lokal behalten&quot; oder &quot;Quelle übernehmen&quot;.</translation>
    </message>
    <message>
        <source>Select one or more open conflicts first.</source>
        <translation>Bitte zuerst einen oder mehrere offene Konflikte auswählen.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) resolved by keeping the main database&apos;s side.</source>
        <translation>
            <numerusform>%n Konflikt aufgelöst: Die Seite der Hauptdatenbank wurde behalten.</numerusform>
            <numerusform>%n Konflikte aufgelöst: Die Seite der Hauptdatenbank wurde behalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) resolved by taking the source&apos;s side.</source>
        <translation>
            <numerusform>%n Konflikt aufgelöst: Die Seite der Quelle wurde übernommen.</numerusform>
            <numerusform>%n Konflikte aufgelöst: Die Seite der Quelle wurde übernommen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused, nothing written for them; they stay open:</source>
        <translation>
            <numerusform>%n abgelehnt, dafür wurde nichts geschrieben; er bleibt offen:</numerusform>
            <numerusform>%n abgelehnt, dafür wurde nichts geschrieben; sie bleiben offen:</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the conflicts:
%1</source>
        <translation>Die Konflikte können nicht gelesen werden:
%1</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Base: the values Tributary applied last time, what both sides started from</source>
        <translation>Basis: die Werte, die Tributary zuletzt geschrieben hat, von denen beide Seiten ausgingen</translation>
    </message>
    <message>
        <source>Local: the row&apos;s values in the main database when the conflict was raised</source>
        <translation>Lokal: die Werte der Zeile in der Hauptdatenbank, als der Konflikt entstand</translation>
    </message>
    <message>
        <source>Remote: what the source says. Taking remote writes what the source says now, which may be newer if it changed other fields since</source>
        <translation>Quelle: was die Quelle sagt. „Quelle übernehmen“ schreibt, was die Quelle jetzt sagt; das kann neuer sein, wenn sie seither andere Felder geändert hat</translation>
    </message>
    <message>
        <source>Both the source and the main application changed this record after the conflict was shown: what you see now is the conflict as it stands.</source>
        <translation>Die Quelle und die Hauptanwendung haben diesen Datensatz geändert, nachdem der Konflikt angezeigt wurde: Sie sehen jetzt den Konflikt, wie er steht.</translation>
    </message>
    <message>
        <source>The main application changed this row after the conflict was shown: the local values you see now are its current ones.</source>
        <translation>Die Hauptanwendung hat diese Zeile geändert, nachdem der Konflikt angezeigt wurde: Die lokalen Werte, die Sie jetzt sehen, sind ihre aktuellen.</translation>
    </message>
    <message>
        <source>This conflict was updated after it was shown: what you see now is the conflict as it stands.</source>
        <translation>Dieser Konflikt wurde aktualisiert, nachdem er angezeigt wurde: Sie sehen jetzt den Konflikt, wie er steht.</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Geschrieben</translation>
    </message>
    <message>
        <source>What the decision wrote into the main database (from the change log); empty: nothing written</source>
        <translation>Was die Entscheidung in die Hauptdatenbank geschrieben hat (aus dem Änderungsprotokoll); leer: nichts geschrieben</translation>
    </message>
    <message>
        <source>(not written)</source>
        <translation>(nicht geschrieben)</translation>
    </message>
    <message>
        <source>Open record</source>
        <translation>Datensatz öffnen</translation>
    </message>
    <message>
        <source>Show the record in the Records tab: its row, its links to every source, its other conflicts and its history</source>
        <translation>Den Datensatz im Reiter Datensätze zeigen: seine Zeile, seine Verknüpfungen zu jeder Quelle, seine anderen Konflikte und seinen Verlauf</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;background-color: %1&quot;&gt;&amp;nbsp;Tinted&amp;nbsp;&lt;/span&gt; local values were changed by the main application, &lt;span style=&quot;background-color: %2&quot;&gt;&amp;nbsp;tinted&amp;nbsp;&lt;/span&gt; remote ones at the source, since the base.</source>
        <translation>&lt;span style=&quot;background-color: %1&quot;&gt;&amp;nbsp;Farbig&amp;nbsp;&lt;/span&gt; hinterlegte lokale Werte hat seit der Basis die Hauptanwendung geändert, &lt;span style=&quot;background-color: %2&quot;&gt;&amp;nbsp;farbig&amp;nbsp;&lt;/span&gt; hinterlegte Werte der Quelle die Quelle.</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::ConflictsModel</name>
    <message>
        <source>Fields of this conflict: %1</source>
        <translation>Felder dieses Konflikts: %1</translation>
    </message>
    <message>
        <source>Raised %1, last updated %2</source>
        <translation>Erkannt am %1, zuletzt aktualisiert am %2</translation>
    </message>
    <message>
        <source>Waits for a person</source>
        <translation>Wartet auf eine Entscheidung</translation>
    </message>
    <message>
        <source>Resolved %1</source>
        <translation>Aufgelöst am %1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>Externe ID</translation>
    </message>
    <message>
        <source>Local id</source>
        <translation>Lokale ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Erkannt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Both changed</source>
        <translation>Beide geändert</translation>
    </message>
    <message>
        <source>Deleted here</source>
        <translation>Hier gelöscht</translation>
    </message>
    <message>
        <source>Deleted at the source</source>
        <translation>An der Quelle gelöscht</translation>
    </message>
    <message>
        <source>The main application and the source both changed the same fields, to different values.</source>
        <translation>Die Hauptanwendung und die Quelle haben dieselben Felder unterschiedlich geändert.</translation>
    </message>
    <message>
        <source>The main application deleted the row; then the source changed the record. The row stays deleted until you decide.</source>
        <translation>Die Hauptanwendung hat die Zeile gelöscht; danach hat die Quelle den Datensatz geändert. Die Zeile bleibt gelöscht, bis Sie entscheiden.</translation>
    </message>
    <message>
        <source>The source deleted the record; the main application had changed the row. The row is kept until you decide.</source>
        <translation>Die Quelle hat den Datensatz gelöscht; die Hauptanwendung hatte die Zeile geändert. Die Zeile bleibt erhalten, bis Sie entscheiden.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Resolved: %1</source>
        <translation>Aufgelöst: %1</translation>
    </message>
    <message>
        <source>Resolved: %1, by %2</source>
        <translation>Aufgelöst: %1, von %2</translation>
    </message>
    <message>
        <source>kept local</source>
        <translation>lokal behalten</translation>
    </message>
    <message>
        <source>took the source&apos;s values</source>
        <translation>Werte der Quelle übernommen</translation>
    </message>
    <message>
        <source>row restored</source>
        <translation>Zeile wiederhergestellt</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>row kept</source>
        <translation>Zeile behalten</translation>
    </message>
    <message>
        <source>the row already holds the source&apos;s values</source>
        <translation>die Zeile enthält bereits die Werte der Quelle</translation>
    </message>
    <message>
        <source>source detached</source>
        <translation>Quelle getrennt</translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation>Regel %1</translation>
    </message>
    <message>
        <source>priority of %1</source>
        <translation>Vorrang von %1</translation>
    </message>
    <message>
        <source>chosen per field (%1)</source>
        <translation>je Feld entschieden (%1)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::ConnectionTestDialog</name>
    <message>
        <source>%1 ← field &quot;%2&quot; (%3%4)</source>
        <translation>%1 ← Feld &quot;%2&quot; (%3%4)</translation>
    </message>
    <message>
        <source>, required</source>
        <translation>, erforderlich</translation>
    </message>
    <message>
        <source>%1 ← field &quot;%2&quot;: the external id of a record of %3; the sync writes that record&apos;s local id</source>
        <translation>%1 ← Feld &quot;%2&quot;: die externe ID eines Datensatzes von %3; die Synchronisation schreibt die lokale ID dieses Datensatzes</translation>
    </message>
    <message>
        <source>external id</source>
        <translation>Externe ID</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>%1 (ref)</source>
        <translation>%1 (Verweis)</translation>
    </message>
    <message>
        <source>field &quot;%1&quot;</source>
        <translation>Feld &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>NULL</source>
        <translation>NULL</translation>
    </message>
    <message>
        <source>Field &quot;%1&quot;: %2. The sync would quarantine this record.</source>
        <translation>Feld &quot;%1&quot;: %2. Die Synchronisation würde diesen Datensatz in Quarantäne stellen.</translation>
    </message>
    <message>
        <source>Test connection: %1</source>
        <translation>Verbindungstest: %1</translation>
    </message>
    <message>
        <source>Test again</source>
        <translation>Erneut testen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>Pagination:</source>
        <translation>Paginierung:</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>Gesamt:</translation>
    </message>
    <message>
        <source>Capabilities:</source>
        <translation>Fähigkeiten:</translation>
    </message>
    <message>
        <source>Select a row to see the record as the source sent it.</source>
        <translation>Eine Zeile auswählen, um den Datensatz so zu sehen, wie die Quelle ihn gesendet hat.</translation>
    </message>
    <message>
        <source>Cannot test: %1</source>
        <translation>Test nicht möglich: %1</translation>
    </message>
    <message>
        <source>The source has no enabled entity to test.</source>
        <translation>Die Quelle hat keine aktive Entität zum Testen.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test läuft…</translation>
    </message>
    <message>
        <source>not reported by the source</source>
        <translation>von der Quelle nicht angegeben</translation>
    </message>
    <message>
        <source>%1 — more pages follow</source>
        <translation>%1 — weitere Seiten folgen</translation>
    </message>
    <message>
        <source>%1 — this is the only page</source>
        <translation>%1 — dies ist die einzige Seite</translation>
    </message>
    <message>
        <source> (stable positions: records changing during a walk are not skipped)</source>
        <translation> (stabile Positionen: Datensätze, die sich während eines Durchlaufs ändern, werden nicht übersprungen)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n Datensatz</numerusform>
            <numerusform>%n Datensätze</numerusform>
        </translation>
    </message>
    <message>
        <source>incremental by &quot;%1&quot;</source>
        <translation>inkrementell nach &quot;%1&quot;</translation>
    </message>
    <message>
        <source>full walks only (no change filter)</source>
        <translation>nur vollständige Durchläufe (kein Änderungsfilter)</translation>
    </message>
    <message>
        <source>ties ordered by id</source>
        <translation>Gleichstände nach ID geordnet</translation>
    </message>
    <message>
        <source>cheap id scans</source>
        <translation>günstige ID-Durchläufe</translation>
    </message>
    <message>
        <source>reports totals</source>
        <translation>meldet Gesamtzahlen</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>What the probe saw</source>
        <translation>Was die Prüfung sah</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Abhilfe</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Schlüssel: %1</translation>
    </message>
    <message>
        <source>Suggested value: %1</source>
        <translation>Vorgeschlagener Wert: %1</translation>
    </message>
    <message>
        <source>No record read has the field &quot;%1&quot;: the check &quot;%2&quot; fails, and a sync refuses such a page rather than write NULL into every row.</source>
        <translation>Kein gelesener Datensatz hat das Feld „%1“: Die Prüfung „%2“ schlägt fehl, und ein Sync lehnt eine solche Seite ab, statt NULL in jede Zeile zu schreiben.</translation>
    </message>
    <message>
        <source>absent</source>
        <extracomment>A cell whose field the record does not carry (not a NULL the source sent).</extracomment>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>The record has no field &quot;%1&quot;.</source>
        <translation>Der Datensatz hat kein Feld „%1“.</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Mapped rows (first page)</source>
        <translation>Abgebildete Zeilen (erste Seite)</translation>
    </message>
    <message>
        <source>Raw JSON (first page)</source>
        <translation>Rohes JSON (erste Seite)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet …</translation>
    </message>
    <message>
        <source>Waiting for %1: %2 (%3 s so far)</source>
        <extracomment>%1 an entity, %2 what is asked for (&quot;page 2 of a full walk&quot;), %3 seconds.</extracomment>
        <translation>Warte auf %1: %2 (bisher %3 s)</translation>
    </message>
    <message numerus="yes">
        <source>after %n failed attempt(s)</source>
        <translation>
            <numerusform>nach %n fehlgeschlagenen Versuch</numerusform>
            <numerusform>nach %n fehlgeschlagenen Versuchen</numerusform>
        </translation>
    </message>
    <message>
        <source>GET %1</source>
        <translation>GET %1</translation>
    </message>
    <message>
        <source>The test gives up after %1 s; Stop ends it now.</source>
        <translation>Der Test gibt nach %1 s auf; „Anhalten“ beendet ihn sofort.</translation>
    </message>
    <message>
        <source>%1 — testing…</source>
        <translation>%1 — wird geprüft …</translation>
    </message>
    <message>
        <source>%1 — waiting its turn</source>
        <translation>%1 — wartet, bis sie an der Reihe ist</translation>
    </message>
    <message>
        <source>%1 — not tested</source>
        <translation>%1 — nicht geprüft</translation>
    </message>
    <message>
        <source>%1 — FAIL: cannot be read</source>
        <translation>%1 — FEHLGESCHLAGEN: nicht lesbar</translation>
    </message>
    <message numerus="yes">
        <source>%1 — FAIL: %n check(s) failed</source>
        <translation>
            <numerusform>%1 — FEHLGESCHLAGEN: %n Prüfung fehlgeschlagen</numerusform>
            <numerusform>%1 — FEHLGESCHLAGEN: %n Prüfungen fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — no check failed, %n could not tell</source>
        <translation>
            <numerusform>%1 — keine Prüfung fehlgeschlagen, %n unklar</numerusform>
            <numerusform>%1 — keine Prüfung fehlgeschlagen, %n unklar</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — checks passed; some records not mappable</source>
        <translation>%1 — Prüfungen bestanden; einige Datensätze nicht abbildbar</translation>
    </message>
    <message>
        <source>%1 — every check passed</source>
        <translation>%1 — alle Prüfungen bestanden</translation>
    </message>
    <message>
        <source>Reads two or three pages of each entity and checks them against the configuration, as tributaryd probe does. Nothing is written.</source>
        <translation>Liest zwei oder drei Seiten jeder Entität und prüft sie gegen die Konfiguration, wie tributaryd probe. Es wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>Testing: %1 of %2 entities done.</source>
        <translation>Prüfung: %1 von %2 Entitäten fertig.</translation>
    </message>
    <message>
        <source>Failed so far: %1.</source>
        <translation>Bisher fehlgeschlagen: %1.</translation>
    </message>
    <message numerus="yes">
        <source>FAILED: %n check(s) failed (%1). A sync with this configuration can miss records or write wrong values; the fix is next to each check.</source>
        <translation>
            <numerusform>FEHLGESCHLAGEN: %n Prüfung fehlgeschlagen (%1). Ein Sync mit dieser Konfiguration kann Datensätze verpassen oder falsche Werte schreiben; die Abhilfe steht neben jeder Prüfung.</numerusform>
            <numerusform>FEHLGESCHLAGEN: %n Prüfungen fehlgeschlagen (%1). Ein Sync mit dieser Konfiguration kann Datensätze verpassen oder falsche Werte schreiben; die Abhilfe steht neben jeder Prüfung.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped before the end: %n entit(ies) not tested.</source>
        <translation>
            <numerusform>Vor dem Ende angehalten: %n Entität nicht geprüft.</numerusform>
            <numerusform>Vor dem Ende angehalten: %n Entitäten nicht geprüft.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The test did not finish: %1. %n entit(ies) not tested.</source>
        <translation>
            <numerusform>Der Test wurde nicht beendet: %1. %n Entität nicht geprüft.</numerusform>
            <numerusform>Der Test wurde nicht beendet: %1. %n Entitäten nicht geprüft.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected. No check failed, but %n could not tell: read why before trusting a sync.</source>
        <translation>
            <numerusform>Verbunden. Keine Prüfung fehlgeschlagen, aber %n unklar: Lesen Sie den Grund, bevor Sie einem Sync vertrauen.</numerusform>
            <numerusform>Verbunden. Keine Prüfung fehlgeschlagen, aber %n unklar: Lesen Sie die Gründe, bevor Sie einem Sync vertrauen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected. Every check passed.</source>
        <translation>Verbunden. Alle Prüfungen bestanden.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of the first pages cannot be mapped: a sync would quarantine them.</source>
        <translation>
            <numerusform>%n Datensatz der ersten Seiten ist nicht abbildbar: Ein Sync würde ihn in Quarantäne stellen.</numerusform>
            <numerusform>%n Datensätze der ersten Seiten sind nicht abbildbar: Ein Sync würde sie in Quarantäne stellen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected: every check passed. Nothing was written.</source>
        <translation>Verbunden: Alle Prüfungen bestanden. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>testing: %1</source>
        <translation>wird geprüft: %1</translation>
    </message>
    <message>
        <source>waiting its turn</source>
        <translation>wartet, bis sie an der Reihe ist</translation>
    </message>
    <message>
        <source>(not tested)</source>
        <translation>(nicht geprüft)</translation>
    </message>
    <message>
        <source>(no page was read)</source>
        <translation>(keine Seite gelesen)</translation>
    </message>
    <message numerus="yes">
        <source>(%n on the first page)</source>
        <translation>
            <numerusform>(%n auf der ersten Seite)</numerusform>
            <numerusform>(%n auf der ersten Seite)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>not reported by the source (%n on the first page)</source>
        <translation>
            <numerusform>von der Quelle nicht gemeldet (%n auf der ersten Seite)</numerusform>
            <numerusform>von der Quelle nicht gemeldet (%n auf der ersten Seite)</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Abhilfe: %1</translation>
    </message>
    <message>
        <source>No record read has the field of: %1. Those cells say &quot;absent&quot;: a sync would refuse the page rather than write NULL into every row (see the check &quot;%2&quot;).</source>
        <translation>Kein gelesener Datensatz hat das Feld von: %1. Diese Zellen zeigen „fehlt“: Ein Sync würde die Seite ablehnen, statt NULL in jede Zeile zu schreiben (siehe die Prüfung „%2“).</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) on the first page cannot be mapped: the problem is shown in the column the field fills. A sync would quarantine them and apply the rest.</source>
        <translation>
            <numerusform>%n Datensatz auf der ersten Seite ist nicht abbildbar: Das Problem steht in der Spalte, die das Feld füllt. Ein Sync würde ihn in Quarantäne stellen und den Rest übernehmen.</numerusform>
            <numerusform>%n Datensätze auf der ersten Seite sind nicht abbildbar: Das Problem steht in der Spalte, die das Feld füllt. Ein Sync würde sie in Quarantäne stellen und den Rest übernehmen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry %1 of %2 in %3 s: %4</source>
        <translation>Wiederholung %1 von %2 in %3 s: %4</translation>
    </message>
    <message>
        <source>Retry %1 of %2 sent (the last attempt failed: %3)</source>
        <translation>Wiederholung %1 von %2 gesendet (der letzte Versuch scheiterte: %3)</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::CursorResetDialog</name>
    <message>
        <source>Reset Cursors of %1</source>
        <translation>Cursor von %1 zurücksetzen</translation>
    </message>
    <message>
        <source>A cursor is where a walk of an entity stands: the incremental sync&apos;s last applied change, a full walk or reconciliation scan that stopped part-way, the start of a source that starts &quot;now&quot;. Resetting forgets it, so that walk starts over; no row of the main database is touched. This is what tributaryd cursor reset does.</source>
        <translation>Ein Cursor ist die Stelle, an der ein Durchlauf einer Entität steht: die letzte angewandte Änderung der inkrementellen Synchronisation, ein vollständiger Durchlauf oder eine Abgleichsauflistung, die mittendrin anhielt, der Start einer Quelle, die &quot;jetzt&quot; beginnt. Zurücksetzen vergisst ihn, sodass dieser Durchlauf von vorn beginnt; keine Zeile der Hauptdatenbank wird berührt. Das tut auch tributaryd cursor reset.</translation>
    </message>
    <message>
        <source>Every entity</source>
        <translation>Jede Entität</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>Jede Art</translation>
    </message>
    <message>
        <source>Sync now afterwards (an incremental sync, on the dashboard)</source>
        <translation>Danach gleich synchronisieren (inkrementell, in der Übersicht)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Entity:</source>
        <translation>Entität:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>the main database is not open</source>
        <translation>die Hauptdatenbank ist nicht geöffnet</translation>
    </message>
    <message>
        <source>Cannot read the cursors: %1</source>
        <translation>Die Cursor können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No cursor to reset: the next sync of each entity chosen starts from the source&apos;s start.</source>
        <translation>Kein Cursor zum Zurücksetzen: Die nächste Synchronisation jeder gewählten Entität beginnt am Startpunkt der Quelle.</translation>
    </message>
    <message>
        <source>Would reset %1/%2 %3, now at %4.</source>
        <extracomment>%1/%2: source/entity, %3: the kind of cursor, %4: where it stands</extracomment>
        <translation>Würde den Cursor %3 von %1/%2 zurücksetzen; er steht bei %4.</translation>
    </message>
    <message>
        <source>The next incremental sync reads from the beginning of history (start: beginning); records the main database already has are found unchanged and not written, but every page is fetched again.</source>
        <translation>Die nächste inkrementelle Synchronisation liest ab dem Beginn der Historie (start: beginning); Datensätze, die die Hauptdatenbank schon hat, werden als unverändert erkannt und nicht geschrieben, aber jede Seite wird erneut abgerufen.</translation>
    </message>
    <message>
        <source>The next incremental sync reads what changed since %1 (start: date).</source>
        <translation>Die nächste inkrementelle Synchronisation liest, was sich seit %1 geändert hat (start: date).</translation>
    </message>
    <message>
        <source>The source starts from now (start: now): the next incremental sync reads only what changes from then on. Source ▸ Full Re-sync catches up on everything before.</source>
        <translation>Die Quelle beginnt ab jetzt (start: now): Die nächste inkrementelle Synchronisation liest nur, was sich ab dann ändert. Quelle ▸ Vollständig neu synchronisieren holt alles davor nach.</translation>
    </message>
    <message>
        <source>A full walk or reconciliation scan that stopped part-way starts over from its beginning.</source>
        <translation>Ein vollständiger Durchlauf oder eine Abgleichsauflistung, die mittendrin anhielt, beginnt von vorn.</translation>
    </message>
    <message>
        <source>A start cursor is set again by the next run, to the source&apos;s time then: full walks and reconciliations do not import unlinked records changed before it.</source>
        <translation>Ein Start-Cursor wird vom nächsten Lauf neu gesetzt, auf die Zeit der Quelle in diesem Moment: Vollständige Durchläufe und Abgleiche importieren keine unverknüpften Datensätze, die davor geändert wurden.</translation>
    </message>
    <message>
        <source>Nothing is deleted from the main database. Refused while a run of %1 goes on anywhere.</source>
        <translation>Aus der Hauptdatenbank wird nichts gelöscht. Abgelehnt, solange irgendwo ein Lauf von %1 läuft.</translation>
    </message>
    <message>
        <source>Nothing was reset: %1</source>
        <translation>Nichts wurde zurückgesetzt: %1</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::DashboardView</name>
    <message>
        <source>Open a configuration to see its sources.</source>
        <translation>Eine Konfiguration öffnen, um ihre Quellen zu sehen.</translation>
    </message>
    <message>
        <source>This configuration has no sources yet. Add one from the Source menu.</source>
        <translation>Diese Konfiguration hat noch keine Quellen. Über das Menü &quot;Quelle&quot; eine hinzufügen.</translation>
    </message>
    <message>
        <source>The main database cannot be opened: %1</source>
        <translation>Die Hauptdatenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (deaktiviert)</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Fetch what changed at this source and write it to the main database</source>
        <translation>Abrufen, was sich an dieser Quelle geändert hat, und in die Hauptdatenbank schreiben</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <source>Count what a sync would insert, update and which conflicts it would raise; nothing is written</source>
        <translation>Zählen, was eine Synchronisation einfügen und aktualisieren würde und welche Konflikte sie auslösen würde; nichts wird geschrieben</translation>
    </message>
    <message>
        <source>Reconcile</source>
        <translation>Abgleichen</translation>
    </message>
    <message>
        <source>Scan every id at the source: catch what polling missed and delete what is gone</source>
        <translation>Jede ID an der Quelle prüfen: nachholen, was beim Abfragen entgangen ist, und löschen, was verschwunden ist</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop after the page being written; nothing is left half-applied</source>
        <translation>Nach der gerade geschriebenen Seite anhalten; nichts bleibt halb angewendet</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Inserted</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Verknüpft</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>Quarantäne</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Noch nie synchronisiert</translation>
    </message>
    <message>
        <source>Stopping after the page being written...</source>
        <translation>Hält nach der gerade geschriebenen Seite an...</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>nicht erreicht</translation>
    </message>
    <message>
        <source>Previewing (nothing is written)</source>
        <translation>Probelauf (nichts wird geschrieben)</translation>
    </message>
    <message>
        <source>Reconciling</source>
        <translation>Abgleich läuft</translation>
    </message>
    <message>
        <source>Retrying quarantined records</source>
        <translation>Datensätze aus der Quarantäne werden erneut versucht</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Synchronisation läuft</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 (seit %2)</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 von %3</translation>
    </message>
    <message>
        <source>%1 after %2</source>
        <translation>%1 nach %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 done</source>
        <translation>%1 fertig</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>teilweise</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Preview failed (nothing was written)</source>
        <translation>Probelauf fehlgeschlagen (nichts wurde geschrieben)</translation>
    </message>
    <message>
        <source>Preview stopped (nothing was written)</source>
        <translation>Probelauf angehalten (nichts wurde geschrieben)</translation>
    </message>
    <message>
        <source>Preview finished (nothing was written)</source>
        <translation>Probelauf beendet (nichts wurde geschrieben)</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Handlungsbedarf</translation>
    </message>
    <message>
        <source>Idle: some records wait</source>
        <translation>Bereit: einige Datensätze warten</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source> (%1 quarantined, %2 waiting for a referenced record)</source>
        <translation> (%1 in Quarantäne, %2 warten auf einen referenzierten Datensatz)</translation>
    </message>
    <message>
        <source>The preview failed: %1</source>
        <translation>Der Probelauf ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Preview: a sync now would insert %1, update %2, delete %3 and link %4 rows, and raise %5 conflicts. Nothing was written to the main database; deletes are found only by Reconcile.</source>
        <translation>Probelauf: Eine Synchronisation würde jetzt %1 Zeilen einfügen, %2 aktualisieren, %3 löschen und %4 verknüpfen sowie %5 Konflikte auslösen. In die Hauptdatenbank wurde nichts geschrieben; Löschungen findet nur der Abgleich.</translation>
    </message>
    <message>
        <source>%1 records would be quarantined.</source>
        <translation>%1 Datensätze würden in Quarantäne gestellt.</translation>
    </message>
    <message>
        <source>The preview did not finish: these counts are incomplete.</source>
        <translation>Der Probelauf wurde nicht abgeschlossen: Diese Zahlen sind unvollständig.</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Cannot read the last run: %1</source>
        <translation>Der letzte Lauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Last run (%1): %2 at %3, took %4</source>
        <translation>Letzter Lauf (%1): %2 am %3, Dauer %4</translation>
    </message>
    <message>
        <source>retry %1 of %2 in %3</source>
        <translation>Wiederholung %1 von %2 in %3</translation>
    </message>
    <message>
        <source>retry %1 of %2 sent</source>
        <translation>Wiederholung %1 von %2 gesendet</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Records per second</source>
        <translation>Datensätze pro Sekunde</translation>
    </message>
    <message>
        <source>Time left, estimated from the rate and the source&apos;s total</source>
        <translation>Restzeit, geschätzt aus der Rate und der Gesamtzahl der Quelle</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Syncing everything</source>
        <translation>Synchronisiert alles</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>Paused until %1: the request budget is spent</source>
        <translation>Pausiert bis %1: das Anfragebudget ist aufgebraucht</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::EditorForm</name>
    <message>
        <source>Default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
    </message>
    <message>
        <source>name=value&amp;name=value</source>
        <translation>name=wert&amp;name=wert</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>jeden Tag</translation>
    </message>
    <message numerus="yes">
        <source>every %Ln day(s)</source>
        <translation>
            <numerusform>alle %Ln Tag</numerusform>
            <numerusform>alle %Ln Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>every hour</source>
        <translation>jede Stunde</translation>
    </message>
    <message numerus="yes">
        <source>every %Ln hour(s)</source>
        <translation>
            <numerusform>alle %Ln Stunde</numerusform>
            <numerusform>alle %Ln Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>every minute</source>
        <translation>jede Minute</translation>
    </message>
    <message numerus="yes">
        <source>every %Ln minute(s)</source>
        <translation>
            <numerusform>alle %Ln Minute</numerusform>
            <numerusform>alle %Ln Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>every second</source>
        <translation>jede Sekunde</translation>
    </message>
    <message numerus="yes">
        <source>every %Ln second(s)</source>
        <translation>
            <numerusform>alle %Ln Sekunde</numerusform>
            <numerusform>alle %Ln Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::LogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>fatal</source>
        <translation>Fatal</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::LogView</name>
    <message>
        <source>Everything, with debug</source>
        <translation>Alles, mit Debug</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Search the messages</source>
        <translation>Meldungen durchsuchen</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Mitlaufen</translation>
    </message>
    <message>
        <source>Keep the newest entries in view</source>
        <translation>Die neuesten Einträge sichtbar halten</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Forget the entries shown so far</source>
        <translation>Die bisher angezeigten Einträge verwerfen</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Stufe:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n entry(ies)</source>
        <translation>
            <numerusform>%1 von %n Eintrag</numerusform>
            <numerusform>%1 von %n Einträgen</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing logged yet.
What the engine, the sources and the network report while this console runs appears here: runs starting and ending, pages, retries, records held back. Runs of tributaryd log to its own output.</source>
        <translation>Noch nichts protokolliert.
Was Engine, Quellen und Netzwerk melden, während diese Konsole läuft, erscheint hier: Beginn und Ende von Läufen, Seiten, Wiederholungen, zurückgehaltene Datensätze. Läufe von tributaryd protokollieren in dessen eigene Ausgabe.</translation>
    </message>
    <message numerus="yes">
        <source>No entry matches the filters.
%n entry(ies) hidden by them.</source>
        <translation>
            <numerusform>Kein Eintrag passt zu den Filtern.
%n Eintrag wird durch sie ausgeblendet.</numerusform>
            <numerusform>Kein Eintrag passt zu den Filtern.
%n Einträge werden durch sie ausgeblendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>Quarantäne</translation>
    </message>
    <message>
        <source>&amp;New Configuration...</source>
        <translation>&amp;Neue Konfiguration...</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>Ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As...</source>
        <translation>Speichern &amp;unter...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Add Source...</source>
        <translation>Quelle &amp;hinzufügen...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>&amp;Edit Source...</source>
        <translation>Quelle &amp;bearbeiten...</translation>
    </message>
    <message>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <source>&amp;Remove Source</source>
        <translation>Quelle &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Test Connection...</source>
        <translation>Verbindung &amp;testen...</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>S&amp;ync Now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Sync A&amp;ll</source>
        <translation>&amp;Alle synchronisieren</translation>
    </message>
    <message>
        <source>Ctrl+F5</source>
        <translation>Ctrl+F5</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>A&amp;nhalten</translation>
    </message>
    <message>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <source>Re&amp;concile</source>
        <translation>Ab&amp;gleichen</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Preview Sync</source>
        <translation>&amp;Probelauf</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Fetch what changed at the selected source and write it to the main database</source>
        <translation>Abrufen, was sich an der ausgewählten Quelle geändert hat, und in die Hauptdatenbank schreiben</translation>
    </message>
    <message>
        <source>Count what a sync would insert, update, delete and which conflicts it would raise, writing nothing</source>
        <translation>Zählen, was eine Synchronisation einfügen, aktualisieren und löschen würde und welche Konflikte sie auslösen würde, ohne etwas zu schreiben</translation>
    </message>
    <message>
        <source>Scan every id at the source to find deletes and anything polling missed</source>
        <translation>Jede ID an der Quelle prüfen, um Löschungen und alles beim Abfragen Entgangene zu finden</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>&amp;Konflikte</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Protokoll</translation>
    </message>
    <message>
        <source>&amp;Quarantine</source>
        <translation>&amp;Quarantäne</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>&amp;Quelle</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Tributary</source>
        <translation>Ü&amp;ber Tributary</translation>
    </message>
    <message>
        <source>About Tributary</source>
        <translation>Über Tributary</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tributary %1&lt;/b&gt;&lt;p&gt;Keeps a main database in sync with paginated REST sources: every insert, update and delete exactly once, conflicts decided by rule or by you.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Tributary %1&lt;/b&gt;&lt;p&gt;Hält eine Hauptdatenbank mit paginierten REST-Quellen synchron: jedes Einfügen, Aktualisieren und Löschen genau einmal, Konflikte entschieden per Regel oder von Ihnen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <source>Tributary</source>
        <translation>Tributary</translation>
    </message>
    <message>
        <source>No configuration open. File ▸ Open, or File ▸ New Configuration.</source>
        <translation>Keine Konfiguration geöffnet. Datei ▸ Öffnen oder Datei ▸ Neue Konfiguration.</translation>
    </message>
    <message>
        <source>%1 — the main database cannot be opened: %2</source>
        <translation>%1 — die Hauptdatenbank kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 — main database %2</source>
        <translation>%1 — Hauptdatenbank %2</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>Konflikte (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) wait for a decision</source>
        <translation>
            <numerusform>%n Konflikt wartet auf eine Entscheidung</numerusform>
            <numerusform>%n Konflikte warten auf eine Entscheidung</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open the configuration</source>
        <translation>Die Konfiguration kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The configuration has problems</source>
        <translation>Die Konfiguration hat Probleme</translation>
    </message>
    <message>
        <source>%1 cannot run until these are fixed (Source ▸ Edit Source):

%2</source>
        <translation>%1 kann erst laufen, wenn diese Probleme behoben sind (Quelle ▸ Quelle bearbeiten):

%2</translation>
    </message>
    <message>
        <source>Open Configuration</source>
        <translation>Konfiguration öffnen</translation>
    </message>
    <message>
        <source>Tributary configuration (*.json);;All files (*)</source>
        <translation>Tributary-Konfiguration (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Tributary configuration (*.json)</source>
        <translation>Tributary-Konfiguration (*.json)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>Saved, but the configuration cannot run</source>
        <translation>Gespeichert, aber die Konfiguration kann nicht laufen</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save Configuration As</source>
        <translation>Konfiguration speichern unter</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The configuration has unsaved changes. Save them?</source>
        <translation>Die Konfiguration hat ungespeicherte Änderungen. Jetzt speichern?</translation>
    </message>
    <message>
        <source>Runs use the saved configuration. Save your changes first?</source>
        <translation>Läufe verwenden die gespeicherte Konfiguration. Die Änderungen zuerst speichern?</translation>
    </message>
    <message>
        <source>Remove source</source>
        <translation>Quelle entfernen</translation>
    </message>
    <message>
        <source>Cannot test the connection</source>
        <translation>Die Verbindung kann nicht getestet werden</translation>
    </message>
    <message>
        <source>The configuration has problems:

%1</source>
        <translation>Die Konfiguration hat Probleme:

%1</translation>
    </message>
    <message>
        <source>%1: the sync failed: %2</source>
        <translation>%1: Die Synchronisation ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>A sync is running</source>
        <translation>Eine Synchronisation läuft</translation>
    </message>
    <message>
        <source>Quit anyway? The run stops after the page being written: nothing is lost, and the next sync goes on from there.</source>
        <translation>Trotzdem beenden? Der Lauf hält nach der gerade geschriebenen Seite an: Nichts geht verloren, und die nächste Synchronisation setzt dort fort.</translation>
    </message>
    <message>
        <source>%1: finished</source>
        <translation>%1: fertig</translation>
    </message>
    <message>
        <source>%1: finished; some records are held back (see Quarantine)</source>
        <translation>%1: fertig; einige Datensätze werden zurückgehalten (siehe Quarantäne)</translation>
    </message>
    <message>
        <source>%1: stopped; the next sync goes on from there</source>
        <translation>%1: angehalten; die nächste Synchronisation macht dort weiter</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>&amp;Runs</source>
        <translation>&amp;Läufe</translation>
    </message>
    <message>
        <source>Cannot count the conflicts: %1</source>
        <translation>Die Konflikte können nicht gezählt werden: %1</translation>
    </message>
    <message>
        <source>Cannot count the conflicts</source>
        <translation>Die Konflikte können nicht gezählt werden</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Hide this bar. Runs still ask before they use the console&apos;s copy.</source>
        <translation>Diese Leiste ausblenden. Läufe fragen trotzdem, bevor sie die Kopie der Konsole verwenden.</translation>
    </message>
    <message>
        <source>The file changed on disk</source>
        <translation>Die Datei wurde auf der Festplatte geändert</translation>
    </message>
    <message>
        <source>%1 was changed by another program after the console read it. Saving replaces those changes with the console&apos;s version.</source>
        <translation>%1 wurde von einem anderen Programm geändert, nachdem die Konsole sie gelesen hat. Speichern ersetzt diese Änderungen durch die Fassung der Konsole.</translation>
    </message>
    <message>
        <source>The configuration file changed</source>
        <translation>Die Konfigurationsdatei wurde geändert</translation>
    </message>
    <message>
        <source>%1 changed on disk after the console read it. A run now would use the console&apos;s older copy. Read the file again first?</source>
        <translation>%1 wurde auf der Festplatte geändert, nachdem die Konsole sie gelesen hat. Ein Lauf würde jetzt die ältere Kopie der Konsole verwenden. Die Datei zuerst neu lesen?</translation>
    </message>
    <message>
        <source>Reading %1 again discards the changes made in the console that are not saved.</source>
        <translation>Wenn %1 neu gelesen wird, gehen die nicht gespeicherten Änderungen in der Konsole verloren.</translation>
    </message>
    <message>
        <source>Read %1 again</source>
        <translation>%1 neu gelesen</translation>
    </message>
    <message>
        <source>%1 was changed on disk by another program. The console has unsaved changes of its own: reloading discards them, saving replaces the file&apos;s.</source>
        <translation>%1 wurde von einem anderen Programm auf der Festplatte geändert. Die Konsole hat eigene, nicht gespeicherte Änderungen: Neu laden verwirft sie, Speichern ersetzt die der Datei.</translation>
    </message>
    <message>
        <source>%1 was changed on disk by another program. Runs from the console use the copy it read until you reload.</source>
        <translation>%1 wurde von einem anderen Programm auf der Festplatte geändert. Läufe aus der Konsole verwenden die gelesene Kopie, bis Sie neu laden.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>S&amp;ervice</source>
        <translation>&amp;Dienst</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>&amp;Farben</translation>
    </message>
    <message>
        <source>Follow the desktop</source>
        <translation>Wie der Desktop</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>The language changes when the running sync ends.</source>
        <translation>Die Sprache wechselt, sobald die laufende Synchronisation endet.</translation>
    </message>
    <message>
        <source>Cannot create the configuration</source>
        <translation>Die Konfiguration kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;Trends</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Verify...</source>
        <translation>Prü&amp;fen...</translation>
    </message>
    <message>
        <source>Compare every record of the selected source with the main database (tributaryd verify)</source>
        <translation>Jeden Datensatz der gewählten Quelle mit der Hauptdatenbank vergleichen (tributaryd verify)</translation>
    </message>
    <message>
        <source>&amp;Full Re-sync...</source>
        <translation>&amp;Vollständig neu synchronisieren...</translation>
    </message>
    <message>
        <source>Walk everything the source lists, not only what changed (tributaryd sync --full)</source>
        <translation>Alles durchlaufen, was die Quelle auflistet, nicht nur Geändertes (tributaryd sync --full)</translation>
    </message>
    <message>
        <source>Reset C&amp;ursors...</source>
        <translation>Cursor &amp;zurücksetzen...</translation>
    </message>
    <message>
        <source>Forget where the walks of the source stand (tributaryd cursor reset)</source>
        <translation>Vergessen, wo die Durchläufe der Quelle stehen (tributaryd cursor reset)</translation>
    </message>
    <message>
        <source>&amp;Detach...</source>
        <translation>T&amp;rennen...</translation>
    </message>
    <message>
        <source>Forget the links and state of a source, keeping every row (tributaryd source detach)</source>
        <translation>Verknüpfungen und Zustand einer Quelle vergessen, jede Zeile behalten (tributaryd source detach)</translation>
    </message>
    <message>
        <source>Pur&amp;ge...</source>
        <translation>Bere&amp;inigen...</translation>
    </message>
    <message>
        <source>Delete the rows only a source brought, then detach it (tributaryd source purge)</source>
        <translation>Die Zeilen löschen, die nur eine Quelle gebracht hat, und sie dann trennen (tributaryd source purge)</translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot; from the configuration?

Its rows stay in the main database. To let go of them later: Source ▸ Detach (forget its links) or Source ▸ Purge (delete the rows only it brought).</source>
        <translation>&quot;%1&quot; aus der Konfiguration entfernen?

Ihre Zeilen bleiben in der Hauptdatenbank. Um sie später loszulassen: Quelle ▸ Trennen (ihre Verknüpfungen vergessen) oder Quelle ▸ Bereinigen (die Zeilen löschen, die nur sie gebracht hat).</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Rec&amp;ords</source>
        <translation>Daten&amp;sätze</translation>
    </message>
    <message>
        <source>Documentation not found</source>
        <translation>Dokumentation nicht gefunden</translation>
    </message>
    <message>
        <source>Tributary&apos;s documentation comes with the tributary package (in /usr/share/doc/tributary/docs) and is the docs folder of its source tree. This console found it in none of:

%1</source>
        <translation>Die Dokumentation von Tributary kommt mit dem Paket tributary (in /usr/share/doc/tributary/docs) und ist der Ordner docs seines Quellbaums. Diese Konsole hat sie an keinem dieser Orte gefunden:

%1</translation>
    </message>
    <message>
        <source>Cannot open the documentation</source>
        <translation>Die Dokumentation lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>No application opens %1 on this desktop. It is a Markdown text: open it with any text editor.</source>
        <translation>Auf diesem Desktop öffnet kein Programm %1. Es ist ein Markdown-Text: jeder Texteditor öffnet ihn.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>O&amp;utbox</source>
        <translation>&amp;Outbox</translation>
    </message>
    <message>
        <source>Outbox (%1)</source>
        <translation>Outbox (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) of the main database wait to be pushed</source>
        <translation>
            <numerusform>%n Änderung der Hauptdatenbank wartet auf die Übertragung</numerusform>
            <numerusform>%n Änderungen der Hauptdatenbank warten auf die Übertragung</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: paused, the request budget is spent; goes on at %2</source>
        <translation>%1: pausiert, das Anfragebudget ist aufgebraucht; geht um %2 weiter</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::NewConfigDialog</name>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>New Configuration</source>
        <translation>Neue Konfiguration</translation>
    </message>
    <message>
        <source>Tributary keeps the tables of your application&apos;s database in sync with its sources. Choose that database first: it must exist and hold the application&apos;s tables. The first source is added next.</source>
        <translation>Tributary hält die Tabellen der Datenbank Ihrer Anwendung mit deren Quellen synchron. Wählen Sie zuerst diese Datenbank: Sie muss existieren und die Tabellen der Anwendung enthalten. Die erste Quelle folgt danach.</translation>
    </message>
    <message>
        <source>where the configuration file is written, e.g. /etc/tributary/tributary.json</source>
        <translation>wohin die Konfigurationsdatei geschrieben wird, z. B. /etc/tributary/tributary.json</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>SQLite-Datei</translation>
    </message>
    <message>
        <source>PostgreSQL server</source>
        <translation>PostgreSQL-Server</translation>
    </message>
    <message>
        <source>the application&apos;s SQLite database file</source>
        <translation>die SQLite-Datenbankdatei der Anwendung</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Main Database (SQLite)</source>
        <translation>Hauptdatenbank (SQLite)</translation>
    </message>
    <message>
        <source>SQLite database (*.sqlite *.sqlite3 *.db);;All files (*)</source>
        <translation>SQLite-Datenbank (*.sqlite *.sqlite3 *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The password is read from this environment variable when Tributary connects; it is never written into the configuration. Empty: no password (peer or trust authentication).</source>
        <translation>Das Passwort wird beim Verbinden aus dieser Umgebungsvariable gelesen; es steht nie in der Konfiguration. Leer: kein Passwort (Peer- oder Trust-Authentifizierung).</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>Daten&amp;bank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>Password &amp;variable:</source>
        <translation>Passwort-&amp;Variable:</translation>
    </message>
    <message>
        <source>&amp;Configuration file:</source>
        <translation>&amp;Konfigurationsdatei:</translation>
    </message>
    <message>
        <source>Tributary configuration (*.json)</source>
        <translation>Tributary-Konfiguration (*.json)</translation>
    </message>
    <message>
        <source>&amp;Main database:</source>
        <translation>Hauptda&amp;tenbank:</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <source>Choose the main database.</source>
        <translation>Wählen Sie die Hauptdatenbank.</translation>
    </message>
    <message>
        <source>Choose the application&apos;s SQLite file.</source>
        <translation>Wählen Sie die SQLite-Datei der Anwendung.</translation>
    </message>
    <message>
        <source>Give the server&apos;s host and the database&apos;s name.</source>
        <translation>Geben Sie den Host des Servers und den Namen der Datenbank an.</translation>
    </message>
    <message>
        <source>The main database cannot be opened: %1</source>
        <translation>Die Hauptdatenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The database opened, but it has no tables of its own: Tributary writes into the application&apos;s tables and never creates them. Choose the application&apos;s database, or create its schema first.</source>
        <translation>Die Datenbank ist geöffnet, hat aber keine eigenen Tabellen: Tributary schreibt in die Tabellen der Anwendung und legt sie nie an. Wählen Sie die Datenbank der Anwendung, oder legen Sie zuerst ihr Schema an.</translation>
    </message>
    <message numerus="yes">
        <source>The database opened: %n table(s) of the application (%1).</source>
        <translation>
            <numerusform>Die Datenbank ist geöffnet: %n Tabelle der Anwendung (%1).</numerusform>
            <numerusform>Die Datenbank ist geöffnet: %n Tabellen der Anwendung (%1).</numerusform>
        </translation>
    </message>
    <message>
        <source>It has every table the Good Forum preset writes to.</source>
        <translation>Sie hat jede Tabelle, in die die Vorlage Good Forum schreibt.</translation>
    </message>
    <message>
        <source>Missing for the Good Forum preset: %1. A source of another kind maps its own tables in the editor, which checks each against this database.</source>
        <translation>Für die Vorlage Good Forum fehlen: %1. Eine Quelle anderer Art ordnet im Editor ihre eigenen Tabellen zu; der Editor prüft jede gegen diese Datenbank.</translation>
    </message>
    <message>
        <source>Choose where the configuration file goes.</source>
        <translation>Wählen Sie, wohin die Konfigurationsdatei kommt.</translation>
    </message>
    <message>
        <source>Chec&amp;k database</source>
        <translation>Datenbank p&amp;rüfen</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::OutboxModel</name>
    <message>
        <source>after a retry</source>
        <translation>erst nach „Erneut versuchen“</translation>
    </message>
    <message>
        <source>at the next sync</source>
        <translation>beim nächsten Sync</translation>
    </message>
    <message>
        <source>Operation %1: row %2 of table %3</source>
        <translation>Vorgang %1: Zeile %2 der Tabelle %3</translation>
    </message>
    <message>
        <source>The source will not take this change as it is; fix the row or the source, then retry it</source>
        <translation>Die Quelle nimmt diese Änderung so nicht an; die Zeile oder die Quelle korrigieren, dann erneut versuchen</translation>
    </message>
    <message>
        <source>A create was sent without an answer: the next sync sends it again with the same key first</source>
        <translation>Ein Anlegen wurde ohne Antwort gesendet: der nächste Sync sendet es zuerst noch einmal, mit demselben Schlüssel</translation>
    </message>
    <message>
        <source>Waiting to be pushed by the next sync of %1</source>
        <translation>Wartet auf die Übertragung durch den nächsten Sync von %1</translation>
    </message>
    <message>
        <source>First change %1, latest %2</source>
        <translation>Erste Änderung %1, letzte %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>pending (in doubt)</source>
        <translation>ausstehend (ungewiss)</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::OutboxView</name>
    <message>
        <source>&amp;Refused only</source>
        <translation>Nur &amp;abgelehnte</translation>
    </message>
    <message>
        <source>Only the changes a source would not take as they are</source>
        <translation>Nur die Änderungen, die eine Quelle so nicht annimmt</translation>
    </message>
    <message>
        <source>Retry selected</source>
        <translation>Auswahl erneut versuchen</translation>
    </message>
    <message>
        <source>Push the selected changes at the next sync of their source, refused ones included (after fixing the row or the source)</source>
        <translation>Die ausgewählten Änderungen beim nächsten Sync ihrer Quelle übertragen, abgelehnte eingeschlossen (nachdem die Zeile oder die Quelle korrigiert ist)</translation>
    </message>
    <message>
        <source>Retry refused</source>
        <translation>Abgelehnte erneut versuchen</translation>
    </message>
    <message>
        <source>Push every refused change again at the next sync (of the source chosen, or of every source)</source>
        <translation>Jede abgelehnte Änderung beim nächsten Sync noch einmal übertragen (der gewählten Quelle oder aller Quellen)</translation>
    </message>
    <message>
        <source>Drop...</source>
        <translation>Verwerfen...</translation>
    </message>
    <message>
        <source>Forget the selected changes without pushing them: the source keeps what it has</source>
        <translation>Die ausgewählten Änderungen vergessen, ohne sie zu übertragen: die Quelle behält, was sie hat</translation>
    </message>
    <message>
        <source>Open record</source>
        <translation>Datensatz öffnen</translation>
    </message>
    <message>
        <source>Show the selected row in the Records tab, with its links and history</source>
        <translation>Die ausgewählte Zeile im Reiter Datensätze zeigen, mit Verknüpfungen und Verlauf</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be pushed</source>
        <translation>
            <numerusform>%n Änderung wartet auf die Übertragung</numerusform>
            <numerusform>%n Änderungen warten auf die Übertragung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n abgelehnt</numerusform>
            <numerusform>%n abgelehnt</numerusform>
        </translation>
    </message>
    <message>
        <source>(the first %1 are listed)</source>
        <translation>(die ersten %1 sind aufgelistet)</translation>
    </message>
    <message>
        <source>The main database could not be opened, so its outbox cannot be shown:
%1</source>
        <translation>Die Hauptdatenbank konnte nicht geöffnet werden, daher kann ihre Outbox nicht angezeigt werden:
%1</translation>
    </message>
    <message>
        <source>Cannot read the outbox:
%1</source>
        <translation>Die Outbox kann nicht gelesen werden:
%1</translation>
    </message>
    <message>
        <source>No configuration is open.
Open one to see the changes of its main database waiting to be pushed to its sources.</source>
        <translation>Keine Konfiguration geöffnet.
Eine Konfiguration öffnen, um die Änderungen ihrer Hauptdatenbank zu sehen, die auf die Übertragung an ihre Quellen warten.</translation>
    </message>
    <message>
        <source>No change was refused.</source>
        <translation>Keine Änderung wurde abgelehnt.</translation>
    </message>
    <message>
        <source>%1 refused no change.</source>
        <translation>%1 hat keine Änderung abgelehnt.</translation>
    </message>
    <message>
        <source>Nothing waits to be pushed to %1.</source>
        <translation>Nichts wartet auf die Übertragung an %1.</translation>
    </message>
    <message>
        <source>The outbox is empty: every change of the main database reached its sources.</source>
        <translation>Die Outbox ist leer: jede Änderung der Hauptdatenbank hat ihre Quellen erreicht.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) dropped: they will not be pushed.</source>
        <translation>
            <numerusform>%n Änderung verworfen: sie wird nicht übertragen.</numerusform>
            <numerusform>%n Änderungen verworfen: sie werden nicht übertragen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) due again: the next sync of their source pushes them.</source>
        <translation>
            <numerusform>%n Änderung wieder fällig: der nächste Sync ihrer Quelle überträgt sie.</numerusform>
            <numerusform>%n Änderungen wieder fällig: der nächste Sync ihrer Quelle überträgt sie.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the changes to retry first.</source>
        <translation>Zuerst die Änderungen auswählen, die erneut versucht werden sollen.</translation>
    </message>
    <message>
        <source>Select the changes to drop first.</source>
        <translation>Zuerst die Änderungen auswählen, die verworfen werden sollen.</translation>
    </message>
    <message>
        <source>Dropped changes are forgotten without being pushed: the source keeps what it has, and the rows keep their values in the main database (a later change of a row is pushed again).</source>
        <translation>Verworfene Änderungen werden vergessen, ohne übertragen zu werden: die Quelle behält, was sie hat, und die Zeilen behalten ihre Werte in der Hauptdatenbank (eine spätere Änderung einer Zeile wird wieder übertragen).</translation>
    </message>
    <message numerus="yes">
        <source>Drop %n change(s)?</source>
        <translation>
            <numerusform>%n Änderung verwerfen?</numerusform>
            <numerusform>%n Änderungen verwerfen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Verwerfen</translation>
    </message>
    <message numerus="yes">
        <source>%n of them are creates in doubt (sent without an answer): if the source made their records, the next sync imports those records as rows of their own, beside the ones here.</source>
        <translation>
            <numerusform>%n davon ist ein ungewisses Anlegen (ohne Antwort gesendet): hat die Quelle den Datensatz angelegt, importiert der nächste Sync ihn als eigene Zeile, neben der hiesigen.</numerusform>
            <numerusform>%n davon sind ungewisse Anlegevorgänge (ohne Antwort gesendet): hat die Quelle die Datensätze angelegt, importiert der nächste Sync sie als eigene Zeilen, neben den hiesigen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::QuarantineModel</name>
    <message>
        <source>First held %1, last tried %2</source>
        <translation>Zurückgehalten seit %1, zuletzt versucht am %2</translation>
    </message>
    <message>
        <source>The record as a whole</source>
        <translation>Der Datensatz als Ganzes</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>Externe ID</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Last tried</source>
        <translation>Zuletzt versucht</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::QuarantineView</name>
    <message>
        <source>Retry selected</source>
        <translation>Auswahl erneut versuchen</translation>
    </message>
    <message>
        <source>Fetch the selected records again and apply them: after the source fixed them, or what they reference exists now</source>
        <translation>Die ausgewählten Datensätze erneut abrufen und anwenden: wenn die Quelle sie korrigiert hat oder das, worauf sie verweisen, inzwischen existiert</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>Alle erneut versuchen</translation>
    </message>
    <message>
        <source>Fetch every record in quarantine again (of the source chosen, or of every source)</source>
        <translation>Jeden Datensatz in Quarantäne erneut abrufen (der gewählten Quelle oder aller Quellen)</translation>
    </message>
    <message>
        <source>Select a record to see why it is held and what the source sent.</source>
        <translation>Einen Datensatz auswählen, um zu sehen, warum er zurückgehalten wird und was die Quelle gesendet hat.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) in quarantine</source>
        <translation>
            <numerusform>%n Datensatz in Quarantäne</numerusform>
            <numerusform>%n Datensätze in Quarantäne</numerusform>
        </translation>
    </message>
    <message>
        <source>(the first %1 are listed)</source>
        <translation>(die ersten %1 sind aufgelistet)</translation>
    </message>
    <message>
        <source>No configuration is open.
Open one to see the records its sources could not apply.</source>
        <translation>Keine Konfiguration geöffnet.
Eine Konfiguration öffnen, um die Datensätze zu sehen, die ihre Quellen nicht anwenden konnten.</translation>
    </message>
    <message>
        <source>The main database could not be opened, so its quarantine cannot be shown:
%1</source>
        <translation>Die Hauptdatenbank konnte nicht geöffnet werden, daher kann ihre Quarantäne nicht angezeigt werden:
%1</translation>
    </message>
    <message>
        <source>Nothing of %1 is in quarantine.</source>
        <translation>Von %1 ist nichts in Quarantäne.</translation>
    </message>
    <message>
        <source>Nothing is in quarantine.
A record that cannot be mapped or stored (a wrong type, a missing required field, a reference to a record that does not exist, a rule of the database) is held here with the reason, while the rest of the run goes on; fix the cause and retry it.</source>
        <translation>Nichts ist in Quarantäne.
Ein Datensatz, der sich nicht zuordnen oder speichern lässt (ein falscher Typ, ein fehlendes Pflichtfeld, ein Verweis auf einen nicht existierenden Datensatz, eine Regel der Datenbank), wird hier mit dem Grund zurückgehalten, während der Rest des Laufs weitergeht; die Ursache beheben und ihn erneut versuchen.</translation>
    </message>
    <message>
        <source>%1/%2 %3</source>
        <translation>%1/%2 %3</translation>
    </message>
    <message>
        <source>%1/%2 %3, field %4</source>
        <translation>%1/%2 %3, Feld %4</translation>
    </message>
    <message numerus="yes">
        <source>%1
Tried %n time(s) since %2; last on %3.</source>
        <translation>
            <numerusform>%1
%n Versuch seit %2; zuletzt am %3.</numerusform>
            <numerusform>%1
%n Versuche seit %2; zuletzt am %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the records to retry first.</source>
        <translation>Bitte zuerst die Datensätze auswählen, die erneut versucht werden sollen.</translation>
    </message>
    <message>
        <source>%1 is not in the configuration: its records cannot be fetched again.</source>
        <translation>%1 ist nicht in der Konfiguration: Ihre Datensätze können nicht erneut abgerufen werden.</translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n record(s) of %1; they leave this list when they apply.</source>
        <translation>
            <numerusform>%n Datensatz von %1 wird erneut versucht; er verschwindet aus dieser Liste, sobald er angewendet ist.</numerusform>
            <numerusform>%n Datensätze von %1 werden erneut versucht; sie verschwinden aus dieser Liste, sobald sie angewendet sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retrying every record of %1 in quarantine; they leave this list when they apply.</source>
        <translation>Alle Datensätze von %1 in Quarantäne werden erneut versucht; sie verschwinden aus dieser Liste, sobald sie angewendet sind.</translation>
    </message>
    <message>
        <source>Nothing is in quarantine.</source>
        <translation>Nichts ist in Quarantäne.</translation>
    </message>
    <message>
        <source>Cannot read the quarantine:
%1</source>
        <translation>Die Quarantäne kann nicht gelesen werden:
%1</translation>
    </message>
    <message>
        <source>Open record</source>
        <translation>Datensatz öffnen</translation>
    </message>
    <message>
        <source>Show the row this record is linked to in the Records tab, with its links and history</source>
        <translation>Die Zeile, mit der dieser Datensatz verknüpft ist, im Reiter Datensätze zeigen, mit Verknüpfungen und Verlauf</translation>
    </message>
    <message>
        <source>Cannot tell whether it is linked: %1</source>
        <translation>Ob er verknüpft ist, lässt sich nicht feststellen: %1</translation>
    </message>
    <message>
        <source>The record never reached the main database: it has no row to show yet</source>
        <translation>Der Datensatz hat die Hauptdatenbank nie erreicht: Es gibt noch keine Zeile zu zeigen</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::RecordDetailModel</name>
    <message>
        <source>kept in the link</source>
        <translation>in der Verknüpfung gespeichert</translation>
    </message>
    <message>
        <source>the row before the local edit</source>
        <translation>die Zeile vor der lokalen Änderung</translation>
    </message>
    <message>
        <source>the row itself (not edited since)</source>
        <translation>die Zeile selbst (seither nicht geändert)</translation>
    </message>
    <message>
        <source>linked</source>
        <translation>verknüpft</translation>
    </message>
    <message>
        <source>gone at the source since %1</source>
        <translation>bei der Quelle verschwunden seit %1</translation>
    </message>
    <message>
        <source>not in the configuration</source>
        <translation>nicht in der Konfiguration</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>The row in the main database now</source>
        <translation>Die Zeile, wie sie jetzt in der Hauptdatenbank steht</translation>
    </message>
    <message>
        <source>Base of %1/%2</source>
        <translation>Basis von %1/%2</translation>
    </message>
    <message>
        <source>What the next sync of %1 compares the source with: %2</source>
        <translation>Womit die nächste Synchronisation von %1 die Quelle vergleicht: %2</translation>
    </message>
    <message>
        <source>Before the local edit</source>
        <translation>Vor der lokalen Änderung</translation>
    </message>
    <message>
        <source>The synced columns as they were before the main application first edited the row (%1)</source>
        <translation>Die synchronisierten Spalten, wie sie vor der ersten Änderung der Zeile durch die Hauptanwendung waren (%1)</translation>
    </message>
    <message>
        <source>A key of %1</source>
        <translation>Ein Schlüssel von %1</translation>
    </message>
    <message>
        <source>(no row)</source>
        <translation>(keine Zeile)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>Externe ID</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Linked since</source>
        <translation>Verknüpft seit</translation>
    </message>
    <message>
        <source>Last written</source>
        <translation>Zuletzt geschrieben</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Inserted by the source, or an existing row adopted through a match key</source>
        <translation>Von der Quelle eingefügt, oder eine vorhandene Zeile über einen Abgleichsschlüssel übernommen</translation>
    </message>
    <message>
        <source>When a change from the source was last applied to the link&apos;s base</source>
        <translation>Wann zuletzt eine Änderung der Quelle in die Basis der Verknüpfung übernommen wurde</translation>
    </message>
    <message>
        <source>The last reconciliation scan that listed the record at the source</source>
        <translation>Der letzte Abgleich, der den Datensatz bei der Quelle gelistet hat</translation>
    </message>
    <message>
        <source>What the next sync compares the source&apos;s values with</source>
        <translation>Womit die nächste Synchronisation die Werte der Quelle vergleicht</translation>
    </message>
    <message>
        <source>adopted through a match key</source>
        <translation>über einen Abgleichsschlüssel übernommen</translation>
    </message>
    <message>
        <source>inserted by run %1</source>
        <translation>eingefügt von Lauf %1</translation>
    </message>
    <message>
        <source>inserted</source>
        <translation>eingefügt</translation>
    </message>
    <message>
        <source>reconciliation run %1</source>
        <translation>Abgleichslauf %1</translation>
    </message>
    <message>
        <source>not scanned yet</source>
        <translation>noch nicht abgeglichen</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Erkannt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Geschrieben</translation>
    </message>
    <message>
        <source>The values the decision wrote into the row</source>
        <translation>Die Werte, die die Entscheidung in die Zeile geschrieben hat</translation>
    </message>
    <message>
        <source>nothing (%1)</source>
        <translation>nichts (%1)</translation>
    </message>
    <message>
        <source>(not in the change log shown)</source>
        <translation>(nicht im gezeigten Änderungsprotokoll)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Values written</source>
        <translation>Geschriebene Werte</translation>
    </message>
    <message>
        <source>source:NAME for a sync, person:NAME for a decision, application for a change pushed to a source (push-...)</source>
        <translation>source:NAME für eine Synchronisation, person:NAME für eine Entscheidung, application für eine an eine Quelle übertragene Änderung (push-...)</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::RecordHitsModel</name>
    <message>
        <source>no link (the main application&apos;s own row)</source>
        <translation>keine Verknüpfung (eine eigene Zeile der Hauptanwendung)</translation>
    </message>
    <message numerus="yes">
        <source>(+%n other link(s))</source>
        <translation>
            <numerusform>(+%n weitere Verknüpfung)</numerusform>
            <numerusform>(+%n weitere Verknüpfungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>(the row is no longer in the table)</source>
        <translation>(die Zeile ist nicht mehr in der Tabelle)</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Local id</source>
        <translation>Lokale ID</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Linked to</source>
        <translation>Verknüpft mit</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::RecordsView</name>
    <message>
        <source>What the text is: the id a source gave the record (per source and entity), the row&apos;s key in the main database, or a value in its text columns</source>
        <translation>Was der Text ist: die ID, die eine Quelle dem Datensatz gegeben hat (je Quelle und Entität), der Schlüssel der Zeile in der Hauptdatenbank oder ein Wert in ihren Textspalten</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Verknüpfungen</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>External id of %1/%2</source>
        <translation>Externe ID von %1/%2</translation>
    </message>
    <message>
        <source>Local id (every table)</source>
        <translation>Lokale ID (jede Tabelle)</translation>
    </message>
    <message>
        <source>Value (text columns of every table)</source>
        <translation>Wert (Textspalten jeder Tabelle)</translation>
    </message>
    <message>
        <source>the id %1 gives the record, then Enter</source>
        <translation>die ID, die %1 dem Datensatz gibt, dann Eingabe</translation>
    </message>
    <message>
        <source>the row&apos;s key in the main database, then Enter</source>
        <translation>der Schlüssel der Zeile in der Hauptdatenbank, dann Eingabe</translation>
    </message>
    <message>
        <source>part of a name, a title, an e-mail..., then Enter</source>
        <translation>Teil eines Namens, Titels, einer E-Mail..., dann Eingabe</translation>
    </message>
    <message>
        <source>Type what to look for first: %1.</source>
        <translation>Zuerst eingeben, wonach gesucht wird: %1.</translation>
    </message>
    <message>
        <source>Cannot look for the record:
%1</source>
        <translation>Der Datensatz kann nicht gesucht werden:
%1</translation>
    </message>
    <message>
        <source>The first %1 records that match are listed: type more to narrow the search.</source>
        <translation>Die ersten %1 passenden Datensätze sind aufgeführt: mehr eingeben, um die Suche einzugrenzen.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) match: pick one.</source>
        <translation>
            <numerusform>%n Datensatz passt: bitte auswählen.</numerusform>
            <numerusform>%n Datensätze passen: einen auswählen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick one of the records above to see its row, links, conflicts and history.</source>
        <translation>Einen der Datensätze oben auswählen, um seine Zeile, Verknüpfungen, Konflikte und seinen Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>No record of %1/%2 has the external id &quot;%3&quot;.</source>
        <translation>Kein Datensatz von %1/%2 hat die externe ID „%3“.</translation>
    </message>
    <message>
        <source>It is held in quarantine: %1
Fix the cause and retry it in the Quarantine tab.</source>
        <translation>Er wird in Quarantäne gehalten: %1
Die Ursache beheben und ihn im Reiter Quarantäne erneut versuchen.</translation>
    </message>
    <message>
        <source>It may not have arrived yet (sync %1), it may be another entity&apos;s id (choose the entity on the left of the search), or it is a local id (choose &quot;Local id&quot;).</source>
        <translation>Vielleicht ist er noch nicht angekommen (%1 synchronisieren), die ID gehört zu einer anderen Entität (die Entität links neben der Suche wählen), oder es ist eine lokale ID („Lokale ID“ wählen).</translation>
    </message>
    <message>
        <source>No table of the configuration has a row with the local id &quot;%1&quot;.</source>
        <translation>Keine Tabelle der Konfiguration hat eine Zeile mit der lokalen ID „%1“.</translation>
    </message>
    <message>
        <source>Is it an external id? Choose the source and entity it belongs to.</source>
        <translation>Ist es eine externe ID? Die Quelle und Entität wählen, zu der sie gehört.</translation>
    </message>
    <message>
        <source>No mapped text column contains &quot;%1&quot;.</source>
        <translation>Keine zugeordnete Textspalte enthält „%1“.</translation>
    </message>
    <message>
        <source>The search looks in the columns the sources fill with text (names, titles, contents), ignoring case.</source>
        <translation>Die Suche sieht in den Spalten nach, die die Quellen mit Text füllen (Namen, Titel, Inhalte), ohne Groß- und Kleinschreibung zu unterscheiden.</translation>
    </message>
    <message>
        <source>Cannot read %1 %2:
%3</source>
        <translation>%1 %2 kann nicht gelesen werden:
%3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>The row is no longer in %1: the main application deleted it, or a sync deleted it for good.</source>
        <translation>Die Zeile ist nicht mehr in %1: Die Hauptanwendung hat sie gelöscht, oder eine Synchronisation hat sie endgültig gelöscht.</translation>
    </message>
    <message>
        <source>Soft-deleted: %1 is %2.</source>
        <translation>Als gelöscht markiert: %1 ist %2.</translation>
    </message>
    <message>
        <source>Linked to no source: the main application&apos;s own row, or a source let go of it.</source>
        <translation>Mit keiner Quelle verknüpft: eine eigene Zeile der Hauptanwendung, oder eine Quelle hat sie losgelassen.</translation>
    </message>
    <message numerus="yes">
        <source>Linked to %n source record(s): %1.</source>
        <translation>
            <numerusform>Verknüpft mit %n Datensatz einer Quelle: %1.</numerusform>
            <numerusform>Verknüpft mit %n Datensätzen von Quellen: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The main application edited it (%1): the values before the edit are the base the next sync compares with.</source>
        <translation>Die Hauptanwendung hat sie geändert (%1): Die Werte vor der Änderung sind die Basis, mit der die nächste Synchronisation vergleicht.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) wait for a decision (Conflicts tab of the console).</source>
        <translation>
            <numerusform>%n Konflikt wartet auf eine Entscheidung (Reiter Konflikte).</numerusform>
            <numerusform>%n Konflikte warten auf eine Entscheidung (Reiter Konflikte).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s), all decided.</source>
        <translation>
            <numerusform>%n Konflikt, entschieden.</numerusform>
            <numerusform>%n Konflikte, alle entschieden.</numerusform>
        </translation>
    </message>
    <message>
        <source>A newer version from %1/%2 %3 is held in quarantine: %4</source>
        <translation>Eine neuere Version von %1/%2 %3 wird in Quarantäne gehalten: %4</translation>
    </message>
    <message>
        <source>The history shows the newest %1 changes.</source>
        <translation>Der Verlauf zeigt die neuesten %1 Änderungen.</translation>
    </message>
    <message>
        <source>Links (%1)</source>
        <translation>Verknüpfungen (%1)</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>Konflikte (%1)</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>Verlauf (%1)</translation>
    </message>
    <message>
        <source>No configuration is open.
Open one to find its records.</source>
        <translation>Keine Konfiguration geöffnet.
Eine Konfiguration öffnen, um ihre Datensätze zu finden.</translation>
    </message>
    <message>
        <source>The main database could not be opened, so its records cannot be shown:
%1</source>
        <translation>Die Hauptdatenbank konnte nicht geöffnet werden, daher können ihre Datensätze nicht gezeigt werden:
%1</translation>
    </message>
    <message>
        <source>Find a record by the id a source gave it, by its local id or by a value: choose what to look for, type it and press Enter.
You see its row, its links to every source with their bases, its conflicts and every change Tributary made to it.</source>
        <translation>Einen Datensatz über die ID finden, die eine Quelle ihm gegeben hat, über seine lokale ID oder über einen Wert: wählen, wonach gesucht wird, eingeben und Eingabe drücken.
Zu sehen sind seine Zeile, seine Verknüpfungen zu jeder Quelle mit ihren Basen, seine Konflikte und jede Änderung, die Tributary an ihm vorgenommen hat.</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::RestEditorPages</name>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Pagination &amp;&amp; incremental</source>
        <translation>Paginierung &amp;&amp; inkrementell</translation>
    </message>
    <message>
        <source>kept as a secret (%1)</source>
        <translation>als Geheimnis hinterlegt (%1)</translation>
    </message>
    <message>
        <source>as the source</source>
        <translation>wie die Quelle</translation>
    </message>
    <message>
        <source>off: always walk in full</source>
        <translation>aus: immer vollständig durchlaufen</translation>
    </message>
    <message>
        <source>overridden (see the JSON tab)</source>
        <translation>überschrieben (siehe Reiter &quot;JSON&quot;)</translation>
    </message>
    <message>
        <source>type the secret to store it in %1, or name an environment variable</source>
        <translation>das Geheimnis eingeben, um es in %1 zu speichern, oder eine Umgebungsvariable angeben</translation>
    </message>
    <message>
        <source>Save the configuration first: the secret is kept in the credentials file next to it.</source>
        <translation>Bitte zuerst die Konfiguration speichern: Das Geheimnis wird in der Zugangsdatendatei neben ihr abgelegt.</translation>
    </message>
    <message>
        <source>Name the environment variable that holds the secret. It is read when the source runs.</source>
        <translation>Die Umgebungsvariable angeben, die das Geheimnis enthält. Sie wird gelesen, wenn die Quelle läuft.</translation>
    </message>
    <message>
        <source>%1 is set in this console&apos;s environment.</source>
        <translation>%1 ist in der Umgebung dieser Konsole gesetzt.</translation>
    </message>
    <message>
        <source>%1 is not set in this console&apos;s environment; tributaryd reads it from its own.</source>
        <translation>%1 ist in der Umgebung dieser Konsole nicht gesetzt; tributaryd liest sie aus seiner eigenen.</translation>
    </message>
    <message>
        <source>Will be stored in %1 (readable only by you) when the source is saved.</source>
        <translation>Wird beim Speichern der Quelle in %1 abgelegt (nur für Sie lesbar).</translation>
    </message>
    <message>
        <source>Stored in %1 under &quot;%2&quot;. Type a new value to replace it.</source>
        <translation>In %1 unter &quot;%2&quot; gespeichert. Einen neuen Wert eingeben, um ihn zu ersetzen.</translation>
    </message>
    <message>
        <source>stored in %1</source>
        <translation>gespeichert in %1</translation>
    </message>
    <message>
        <source>Not stored yet: type the secret; it goes to %1, never into the configuration.</source>
        <translation>Noch nicht gespeichert: das Geheimnis eingeben; es kommt in %1, nie in die Konfiguration.</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>Basis-URL:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>Basic (user name and password)</source>
        <translation>Basic (Benutzername und Passwort)</translation>
    </message>
    <message>
        <source>API key header</source>
        <translation>API-Schlüssel im Header</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Authentifizierung:</translation>
    </message>
    <message>
        <source>Header:</source>
        <translation>Header-Name:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation>Umgebungsvariable</translation>
    </message>
    <message>
        <source>Store in the credentials file</source>
        <translation>In der Zugangsdatendatei speichern</translation>
    </message>
    <message>
        <source>Secret:</source>
        <translation>Geheimnis:</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>HTTP-Header:</translation>
    </message>
    <message>
        <source>Records at:</source>
        <translation>Datensätze unter:</translation>
    </message>
    <message>
        <source>dotted path, e.g. data; empty: the body is the array</source>
        <translation>Pfad mit Punkten, z. B. data; leer: der Body ist das Array</translation>
    </message>
    <message>
        <source>Single record at:</source>
        <translation>Einzelner Datensatz unter:</translation>
    </message>
    <message>
        <source>dotted path, e.g. data; empty: the body is the record</source>
        <translation>Pfad mit Punkten, z. B. data; leer: der Body ist der Datensatz</translation>
    </message>
    <message>
        <source>Full walk parameters:</source>
        <translation>Parameter für vollständige Durchläufe:</translation>
    </message>
    <message>
        <source>Id scan parameters:</source>
        <translation>Parameter für ID-Durchläufe:</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <source>Timeout per attempt (ms):</source>
        <translation>Zeitlimit je Versuch (ms):</translation>
    </message>
    <message>
        <source>Retries:</source>
        <translation>Wiederholungen:</translation>
    </message>
    <message>
        <source>First backoff (ms):</source>
        <translation>Erste Wartezeit (ms):</translation>
    </message>
    <message>
        <source>Longest backoff (ms):</source>
        <translation>Längste Wartezeit (ms):</translation>
    </message>
    <message>
        <source>Largest response (bytes):</source>
        <translation>Größte Antwort (Bytes):</translation>
    </message>
    <message>
        <source>Requests per second (0: no pacing):</source>
        <translation>Anfragen pro Sekunde (0: unbegrenzt):</translation>
    </message>
    <message>
        <source>Requests in flight:</source>
        <translation>Gleichzeitige Anfragen:</translation>
    </message>
    <message>
        <source>Style:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>Seitengröße:</translation>
    </message>
    <message>
        <source>server&apos;s default</source>
        <translation>Standard des Servers</translation>
    </message>
    <message>
        <source>Page size parameter:</source>
        <translation>Parameter für Seitengröße:</translation>
    </message>
    <message>
        <source>Page parameter:</source>
        <translation>Parameter für Seite:</translation>
    </message>
    <message>
        <source>First page:</source>
        <translation>Erste Seite:</translation>
    </message>
    <message>
        <source>Last page at:</source>
        <translation>Letzte Seite unter:</translation>
    </message>
    <message>
        <source>Offset parameter:</source>
        <translation>Parameter für Offset:</translation>
    </message>
    <message>
        <source>Limit parameter:</source>
        <translation>Parameter für Limit:</translation>
    </message>
    <message>
        <source>Cursor parameter:</source>
        <translation>Parameter für Cursor:</translation>
    </message>
    <message>
        <source>Next cursor at:</source>
        <translation>Nächster Cursor unter:</translation>
    </message>
    <message>
        <source>Next URL at:</source>
        <translation>Nächste URL unter:</translation>
    </message>
    <message>
        <source>Total at:</source>
        <translation>Gesamtzahl unter:</translation>
    </message>
    <message>
        <source>Total header:</source>
        <translation>Header mit Gesamtzahl:</translation>
    </message>
    <message>
        <source>Count request (for pages without a total)</source>
        <translation>Zählanfrage (für Seiten ohne Gesamtzahl)</translation>
    </message>
    <message>
        <source>Ask for the total with a separate request</source>
        <translation>Gesamtzahl mit einer eigenen Anfrage abfragen</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>Parameter:</translation>
    </message>
    <message>
        <source>Incremental: ask only for what changed</source>
        <translation>Inkrementell: nur Geändertes abfragen</translation>
    </message>
    <message>
        <source>The API filters by change time (inclusively)</source>
        <translation>Die API filtert nach Änderungszeit (einschließlich)</translation>
    </message>
    <message>
        <source>Filter parameter:</source>
        <translation>Filterparameter:</translation>
    </message>
    <message>
        <source>Field compared:</source>
        <translation>Verglichenes Feld:</translation>
    </message>
    <message>
        <source>Value format:</source>
        <translation>Wertformat:</translation>
    </message>
    <message>
        <source>Ties ordered by:</source>
        <translation>Gleichstände geordnet nach:</translation>
    </message>
    <message>
        <source>&quot;id&quot; only when the API sorts results by (field, id): it enables skipping the records already read.</source>
        <translation>&quot;id&quot; nur, wenn die API die Ergebnisse nach (Feld, id) sortiert: Dann lassen sich bereits gelesene Datensätze überspringen.</translation>
    </message>
    <message>
        <source>Incremental:</source>
        <translation>Inkrementell:</translation>
    </message>
    <message>
        <source>Pagination, full walk and id scan parameters of this entity override the source&apos;s; edit them on the JSON tab.</source>
        <translation>Paginierung und Parameter für vollständige und ID-Durchläufe dieser Entität überschreiben die der Quelle; sie werden im Reiter &quot;JSON&quot; bearbeitet.</translation>
    </message>
    <message>
        <source>REST</source>
        <translation>REST</translation>
    </message>
    <message>
        <source>kept as a secret (see the JSON tab)</source>
        <translation>als Geheimnis hinterlegt (siehe Reiter JSON)</translation>
    </message>
    <message>
        <source>Fix the problems first: %1</source>
        <translation>Zuerst die Probleme beheben: %1</translation>
    </message>
    <message>
        <source>Asking %1 for a token…</source>
        <translation>Token wird bei %1 angefragt …</translation>
    </message>
    <message>
        <source>No token: %1</source>
        <translation>Kein Token: %1</translation>
    </message>
    <message>
        <source>without an expiry</source>
        <translation>ohne Ablaufzeit</translation>
    </message>
    <message numerus="yes">
        <source>valid for %n second(s)</source>
        <translation>
            <numerusform>gültig für %n Sekunde</numerusform>
            <numerusform>gültig für %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>no scopes named</source>
        <translation>keine Scopes genannt</translation>
    </message>
    <message>
        <source>scopes: %1</source>
        <translation>Scopes: %1</translation>
    </message>
    <message>
        <source>Got a %1 token from %2, %3; %4.</source>
        <translation>%1-Token von %2 erhalten, %3; %4.</translation>
    </message>
    <message>
        <source>OAuth 2.0</source>
        <translation>OAuth 2.0</translation>
    </message>
    <message>
        <source>Client credentials (the client&apos;s own access)</source>
        <translation>Client Credentials (eigener Zugang des Clients)</translation>
    </message>
    <message>
        <source>Refresh token (access granted by a user)</source>
        <translation>Refresh-Token (von einer Person gewährter Zugang)</translation>
    </message>
    <message>
        <source>Grant:</source>
        <translation>Grant:</translation>
    </message>
    <message>
        <source>Token URL:</source>
        <translation>Token-URL:</translation>
    </message>
    <message>
        <source>Client ID:</source>
        <translation>Client-ID:</translation>
    </message>
    <message>
        <source>separated by spaces; empty: the client&apos;s default</source>
        <translation>durch Leerzeichen getrennt; leer: Vorgabe des Clients</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>Scopes:</translation>
    </message>
    <message>
        <source>Key in the credentials file</source>
        <translation>Schlüssel in der Zugangsdatendatei</translation>
    </message>
    <message>
        <source>Refresh token:</source>
        <translation>Refresh-Token:</translation>
    </message>
    <message>
        <source>Get token</source>
        <translation>Token holen</translation>
    </message>
    <message>
        <source>Asks the token endpoint for an access token with the values of this form and shows what it granted (never the token).</source>
        <translation>Fragt den Token-Endpunkt mit den Werten dieses Formulars nach einem Zugriffstoken und zeigt, was er gewährt hat (nie das Token selbst).</translation>
    </message>
    <message>
        <source>Request budget:</source>
        <translation>Anfragebudget:</translation>
    </message>
    <message>
        <source>the base URL&apos;s host</source>
        <translation>der Host der Basis-URL</translation>
    </message>
    <message>
        <source>The request budget this source draws from: a name in the configuration&apos;s &quot;hosts&quot; block. Empty: the budget of the base URL&apos;s host, shared by every source on it. Give sources that use different accounts of one API a name each.</source>
        <translation>Das Anfragebudget, aus dem diese Quelle schöpft: ein Name im Block &quot;hosts&quot; der Konfiguration. Leer: das Budget des Hosts der Basis-URL, geteilt von allen Quellen auf ihm. Quellen, die verschiedene Konten einer API nutzen, bekommen je einen Namen.</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::RunsModel</name>
    <message>
        <source>Started %1</source>
        <translation>Begonnen am %1</translation>
    </message>
    <message>
        <source>Started %1, finished %2</source>
        <translation>Begonnen am %1, beendet am %2</translation>
    </message>
    <message>
        <source>Inserted %1, linked %2, updated %3, deleted %4, restored %5</source>
        <translation>Eingefügt %1, verknüpft %2, aktualisiert %3, gelöscht %4, wiederhergestellt %5</translation>
    </message>
    <message>
        <source>Fields changed on both sides (decided by a policy or waiting for a person)</source>
        <translation>Auf beiden Seiten geänderte Felder (durch eine Regel entschieden oder auf eine Entscheidung wartend)</translation>
    </message>
    <message>
        <source>Records that could not be mapped or stored, held with their reason</source>
        <translation>Datensätze, die sich nicht zuordnen oder speichern ließen, mit ihrem Grund zurückgehalten</translation>
    </message>
    <message>
        <source>Records still waiting for a record they reference at the end of the run</source>
        <translation>Datensätze, die am Ende des Laufs noch auf einen Datensatz warten, auf den sie verweisen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation>Abgerufen</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Geschrieben</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>Quarantäne</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>Teilweise</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>The run is in progress (or its process ended; the next run marks it interrupted).</source>
        <translation>Der Lauf ist im Gange (oder sein Prozess ist beendet; dann markiert ihn der nächste Lauf als unterbrochen).</translation>
    </message>
    <message>
        <source>Every record was applied.</source>
        <translation>Jeder Datensatz wurde angewendet.</translation>
    </message>
    <message>
        <source>The run finished, with records held back: in quarantine, or waiting for a record they reference.</source>
        <translation>Der Lauf ist beendet, mit zurückgehaltenen Datensätzen: in Quarantäne oder wartend auf einen Datensatz, auf den sie verweisen.</translation>
    </message>
    <message>
        <source>The run stopped at its last committed page; the next run resumes there.</source>
        <translation>Der Lauf ist bei seiner letzten festgeschriebenen Seite stehen geblieben; der nächste Lauf setzt dort fort.</translation>
    </message>
    <message>
        <source>The run was stopped (by a person, a signal, or the end of its process); the next run resumes at the last committed page.</source>
        <translation>Der Lauf wurde angehalten (von einer Person, durch ein Signal oder das Ende seines Prozesses); der nächste Lauf setzt bei der letzten festgeschriebenen Seite fort.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) inserted</source>
        <translation>
            <numerusform>%Ln Zeile eingefügt</numerusform>
            <numerusform>%Ln Zeilen eingefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln aktualisiert</numerusform>
            <numerusform>%Ln aktualisiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln linked to existing rows</source>
        <translation>
            <numerusform>%Ln mit einer vorhandenen Zeile verknüpft</numerusform>
            <numerusform>%Ln mit vorhandenen Zeilen verknüpft</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted</source>
        <translation>
            <numerusform>%Ln gelöscht</numerusform>
            <numerusform>%Ln gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln restored</source>
        <translation>
            <numerusform>%Ln wiederhergestellt</numerusform>
            <numerusform>%Ln wiederhergestellt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It wrote nothing (%Ln record(s) read, none changed).</source>
        <translation>
            <numerusform>Er hat nichts geschrieben (%Ln Datensatz gelesen, unverändert).</numerusform>
            <numerusform>Er hat nichts geschrieben (%Ln Datensätze gelesen, keiner geändert).</numerusform>
        </translation>
    </message>
    <message>
        <source>It wrote: %1.</source>
        <translation>Er hat geschrieben: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict(s) wait for a decision (Conflicts tab); those rows keep their values until then.</source>
        <translation>
            <numerusform>%Ln Konflikt wartet auf eine Entscheidung (Reiter Konflikte); die Zeile behält bis dahin ihre Werte.</numerusform>
            <numerusform>%Ln Konflikte warten auf eine Entscheidung (Reiter Konflikte); diese Zeilen behalten bis dahin ihre Werte.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) were put in quarantine (Quarantine tab).</source>
        <translation>
            <numerusform>%Ln Datensatz wurde in Quarantäne gestellt (Reiter Quarantäne).</numerusform>
            <numerusform>%Ln Datensätze wurden in Quarantäne gestellt (Reiter Quarantäne).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) wait for a record they reference.</source>
        <translation>
            <numerusform>%Ln Datensatz wartet auf einen Datensatz, auf den er verweist.</numerusform>
            <numerusform>%Ln Datensätze warten auf Datensätze, auf die sie verweisen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every other record was applied.</source>
        <translation>Jeder andere Datensatz wurde übernommen.</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::RunsView</name>
    <message>
        <source>Select a run to see its counts per entity and how it ended.</source>
        <translation>Einen Lauf auswählen, um seine Zahlen je Entität und sein Ergebnis zu sehen.</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation>Abgerufen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Inserted</source>
        <translation>Eingefügt</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Verknüpft</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>Quarantäne</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>the newest %1 runs</source>
        <translation>die neuesten %1 Läufe</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>No configuration is open.
Open one to see its runs.</source>
        <translation>Keine Konfiguration geöffnet.
Eine Konfiguration öffnen, um ihre Läufe zu sehen.</translation>
    </message>
    <message>
        <source>The main database could not be opened, so its runs cannot be shown:
%1</source>
        <translation>Die Hauptdatenbank konnte nicht geöffnet werden, daher können ihre Läufe nicht angezeigt werden:
%1</translation>
    </message>
    <message>
        <source>%1 has not run yet.
Its runs appear here, from this console and from tributaryd alike.</source>
        <translation>Für %1 gibt es noch keinen Lauf.
Ihre Läufe erscheinen hier, ob aus dieser Konsole oder von tributaryd.</translation>
    </message>
    <message>
        <source>No run yet.
Every sync, from this console or from tributaryd, appears here with what it fetched, wrote and held back, and how it ended.</source>
        <translation>Noch kein Lauf.
Jede Synchronisation, ob aus dieser Konsole oder von tributaryd, erscheint hier mit dem, was sie abgerufen, geschrieben und zurückgehalten hat, und wie sie geendet hat.</translation>
    </message>
    <message>
        <source>Run %1 of %2 (%3): %4</source>
        <translation>Lauf %1 der Quelle %2 (%3): %4</translation>
    </message>
    <message>
        <source>Started %1.</source>
        <translation>Begonnen am %1.</translation>
    </message>
    <message>
        <source>Started %1, finished %2 (%3).</source>
        <translation>Begonnen am %1, beendet am %2 (%3).</translation>
    </message>
    <message>
        <source>Its counts are recorded when it ends.</source>
        <translation>Seine Zahlen werden erfasst, wenn er endet.</translation>
    </message>
    <message>
        <source>It recorded no counts.</source>
        <translation>Er hat keine Zahlen erfasst.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Cannot read the runs:
%1</source>
        <translation>Die Läufe können nicht gelesen werden:
%1</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::ServiceView</name>
    <message>
        <source>%1 (due now)</source>
        <translation>%1 (jetzt fällig)</translation>
    </message>
    <message>
        <source>%1 (in %2 s)</source>
        <translation>%1 (in %2 s)</translation>
    </message>
    <message>
        <source>%1 (in %2 min)</source>
        <translation>%1 (in %2 min)</translation>
    </message>
    <message>
        <source>%1 (in %2 h)</source>
        <translation>%1 (in %2 h)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Gehalten von</translation>
    </message>
    <message>
        <source>Next sync</source>
        <translation>Nächste Synchronisierung</translation>
    </message>
    <message>
        <source>Next reconciliation</source>
        <translation>Nächster Abgleich</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>Letzter Erfolg</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Workers (tributaryd serve)</source>
        <translation>Worker (tributaryd serve)</translation>
    </message>
    <message>
        <source>No configuration is open.</source>
        <translation>Keine Konfiguration geöffnet.</translation>
    </message>
    <message>
        <source>The main database could not be opened: %1</source>
        <translation>Die Hauptdatenbank konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The service&apos;s state cannot be read: %1</source>
        <translation>Der Zustand des Dienstes kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>alive</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>gone (stopped beating)</source>
        <translation>weg (meldet sich nicht mehr)</translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (deaktiviert)</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>%1, until %2</source>
        <translation>%1, bis %2</translation>
    </message>
    <message>
        <source>not scheduled (no worker)</source>
        <translation>nicht geplant (kein Worker)</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>nicht geplant</translation>
    </message>
    <message>
        <source>running now</source>
        <translation>läuft gerade</translation>
    </message>
    <message>
        <source>planned by %1</source>
        <translation>geplant von %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>No tributaryd serve is running on this main database: nothing is scheduled. Syncs run only when started by hand (here or with tributaryd sync) or by cron.</source>
        <translation>Auf dieser Hauptdatenbank läuft kein tributaryd serve: nichts ist geplant. Synchronisierungen laufen nur, wenn sie von Hand (hier oder mit tributaryd sync) oder von cron gestartet werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n tributaryd serve worker(s) alive on this main database; each source is run by one worker at a time.</source>
        <translation>
            <numerusform>%n tributaryd-serve-Worker aktiv auf dieser Hauptdatenbank; jede Quelle wird jeweils von einem Worker ausgeführt.</numerusform>
            <numerusform>%n tributaryd-serve-Worker aktiv auf dieser Hauptdatenbank; jede Quelle wird jeweils von einem Worker ausgeführt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::SourceAdminDialog</name>
    <message>
        <source>%1, %2, %3 and %4</source>
        <extracomment>What detaching forgets: links, cursors, pending records and quarantined records, counted.</extracomment>
        <translation>%1, %2, %3 und %4</translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s)</source>
        <translation>
            <numerusform>%Ln Verknüpfung</numerusform>
            <numerusform>%Ln Verknüpfungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cursor(s)</source>
        <translation>
            <numerusform>%Ln Cursor</numerusform>
            <numerusform>%Ln Cursor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln pending record(s)</source>
        <translation>
            <numerusform>%Ln ausstehenden Datensatz</numerusform>
            <numerusform>%Ln ausstehende Datensätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln quarantined record(s)</source>
        <translation>
            <numerusform>%Ln Datensatz in Quarantäne</numerusform>
            <numerusform>%Ln Datensätze in Quarantäne</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open conflict(s) resolved as &apos;detached&apos;</source>
        <translation>
            <numerusform>%Ln offener Konflikt als &apos;detached&apos; aufgelöst</numerusform>
            <numerusform>%Ln offene Konflikte als &apos;detached&apos; aufgelöst</numerusform>
        </translation>
    </message>
    <message>
        <source>Purge Source</source>
        <translation>Quelle bereinigen</translation>
    </message>
    <message>
        <source>Detach Source</source>
        <translation>Quelle trennen</translation>
    </message>
    <message>
        <source>Purging a source deletes the rows only it inserted (rows it adopted, and rows another source links too, stay), writing each to the change log, then detaches it. Its runs and the change log stay as history. This is what tributaryd source purge does.</source>
        <translation>Das Bereinigen einer Quelle löscht die Zeilen, die nur sie eingefügt hat (übernommene Zeilen und Zeilen, die auch eine andere Quelle verknüpft, bleiben), hält jede im Änderungsprotokoll fest und trennt die Quelle dann. Ihre Läufe und das Änderungsprotokoll bleiben als Historie. Das tut auch tributaryd source purge.</translation>
    </message>
    <message>
        <source>Detaching a source forgets what Tributary keeps for it: links, cursors, pending records and quarantine; its open conflicts are resolved as &apos;detached&apos;. Every row stays in place and becomes the main application&apos;s own. This is what tributaryd source detach does.</source>
        <translation>Das Trennen einer Quelle vergisst, was Tributary für sie aufbewahrt: Verknüpfungen, Cursor, ausstehende Datensätze und Quarantäne; ihre offenen Konflikte werden als &apos;detached&apos; aufgelöst. Jede Zeile bleibt, wo sie ist, und gehört fortan der Hauptanwendung. Das tut auch tributaryd source detach.</translation>
    </message>
    <message>
        <source>Purge it although it is enabled (--force): its next sync inserts again every row the purge deletes</source>
        <translation>Bereinigen, obwohl sie aktiviert ist (--force): Ihre nächste Synchronisation fügt jede Zeile, die das Bereinigen löscht, wieder ein</translation>
    </message>
    <message>
        <source>Detach it although it is enabled (--force): its next sync takes every record as new, adopting what its match keys find and inserting the others again</source>
        <translation>Trennen, obwohl sie aktiviert ist (--force): Ihre nächste Synchronisation nimmt jeden Datensatz als neu, übernimmt, was ihre Zuordnungsschlüssel finden, und fügt die anderen erneut ein</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>Bereinigen</translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Counting what would change...</source>
        <translation>Zählt, was sich ändern würde...</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; is no longer in the configuration: its %Ln linked row(s) stay in place in the main database until it is detached or purged.</source>
        <translation>
            <numerusform>&quot;%1&quot; ist nicht mehr in der Konfiguration: Ihre %Ln verknüpfte Zeile bleibt in der Hauptdatenbank, bis die Quelle getrennt oder bereinigt wird.</numerusform>
            <numerusform>&quot;%1&quot; ist nicht mehr in der Konfiguration: Ihre %Ln verknüpften Zeilen bleiben in der Hauptdatenbank, bis die Quelle getrennt oder bereinigt wird.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tributary holds nothing for &quot;%1&quot;.</source>
        <translation>Tributary hält nichts für &quot;%1&quot;.</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; is in the configuration but disabled: no sync runs it. %Ln row(s) are linked to it.</source>
        <translation>
            <numerusform>&quot;%1&quot; ist in der Konfiguration, aber deaktiviert: Keine Synchronisation führt sie aus. %Ln Zeile ist mit ihr verknüpft.</numerusform>
            <numerusform>&quot;%1&quot; ist in der Konfiguration, aber deaktiviert: Keine Synchronisation führt sie aus. %Ln Zeilen sind mit ihr verknüpft.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is in the configuration and enabled: its next sync would link, or insert, everything again. Remove it from the configuration or disable it first (Source ▸ Edit Source), or tick the box below.</source>
        <translation>&quot;%1&quot; ist in der Konfiguration und aktiviert: Ihre nächste Synchronisation würde alles erneut verknüpfen oder einfügen. Entfernen Sie sie zuerst aus der Konfiguration oder deaktivieren Sie sie (Quelle ▸ Quelle bearbeiten), oder setzen Sie unten den Haken.</translation>
    </message>
    <message>
        <source>removed</source>
        <extracomment>The state of a source in the detach and purge dialogs.</extracomment>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>nothing kept</source>
        <translation>nichts gespeichert</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>Type the source&apos;s name, %1, to confirm. The rows are deleted from the main database; only the change log keeps their values.</source>
        <translation>Geben Sie zur Bestätigung den Namen der Quelle ein, %1. Die Zeilen werden aus der Hauptdatenbank gelöscht; nur das Änderungsprotokoll behält ihre Werte.</translation>
    </message>
    <message>
        <source>Cannot purge: %1</source>
        <translation>Bereinigen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Cannot detach: %1</source>
        <translation>Trennen nicht möglich: %1</translation>
    </message>
    <message>
        <source>No source is configured, and the main database holds nothing of any.</source>
        <translation>Keine Quelle ist konfiguriert, und die Hauptdatenbank hält von keiner etwas.</translation>
    </message>
    <message>
        <source>Purging &quot;%1&quot; would, in one transaction:</source>
        <translation>Das Bereinigen von &quot;%1&quot; würde in einer Transaktion:</translation>
    </message>
    <message numerus="yes">
        <source>delete %Ln row(s) only this source brought (children first), each written to the change log with its values;</source>
        <translation>
            <numerusform>%Ln Zeile löschen, die nur diese Quelle gebracht hat (Kinder zuerst), jede mit ihren Werten im Änderungsprotokoll festgehalten;</numerusform>
            <numerusform>%Ln Zeilen löschen, die nur diese Quelle gebracht hat (Kinder zuerst), jede mit ihren Werten im Änderungsprotokoll festgehalten;</numerusform>
        </translation>
    </message>
    <message>
        <source>keep %1 another source links too and %2 (the main application&apos;s own, or another source&apos;s);</source>
        <extracomment>%1: &quot;N row(s)&quot;, %2: &quot;N adopted row(s)&quot;.</extracomment>
        <translation>%1 behalten, die auch eine andere Quelle verknüpft, sowie %2 (eigene der Hauptanwendung oder die einer anderen Quelle);</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln adopted row(s)</source>
        <translation>
            <numerusform>%Ln übernommene Zeile</numerusform>
            <numerusform>%Ln übernommene Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>then detach it: forget %1; %2.</source>
        <translation>sie anschließend trennen: %1 vergessen; %2.</translation>
    </message>
    <message>
        <source>Detaching &quot;%1&quot; would, in one transaction:</source>
        <translation>Das Trennen von &quot;%1&quot; würde in einer Transaktion:</translation>
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
        <source>Purge %1</source>
        <translation>%1 bereinigen</translation>
    </message>
    <message>
        <source>Detach %1</source>
        <translation>%1 trennen</translation>
    </message>
    <message>
        <source>%1 is syncing in this console: wait for the run to end, or stop it.</source>
        <translation>%1 synchronisiert in dieser Konsole: Warten Sie, bis der Lauf endet, oder halten Sie ihn an.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Purging...</source>
        <translation>Bereinigt...</translation>
    </message>
    <message>
        <source>Detaching...</source>
        <translation>Trennt...</translation>
    </message>
    <message>
        <source>The purge did not happen: %1</source>
        <translation>Das Bereinigen fand nicht statt: %1</translation>
    </message>
    <message>
        <source>The detach did not happen: %1</source>
        <translation>Das Trennen fand nicht statt: %1</translation>
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
        <source>Purged source &quot;%1&quot;: deleted %2%3; kept %4 shared and %5 adopted.</source>
        <extracomment>%2: &quot;N row(s)&quot;, %3: the rows deleted per table, or nothing.</extracomment>
        <translation>Quelle &quot;%1&quot; bereinigt: %2 gelöscht%3; %4 geteilte und %5 übernommene behalten.</translation>
    </message>
    <message>
        <source>Detached it: forgot %1; %2.</source>
        <translation>Danach getrennt: %1 vergessen; %2.</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::SourceEditor</name>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Entitäten</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Double-click a problem to go to its field.</source>
        <translation>Doppelklick auf ein Problem springt zu seinem Feld.</translation>
    </message>
    <message>
        <source>Test connection…</source>
        <translation>Verbindung testen…</translation>
    </message>
    <message>
        <source>Fetch the first page of each entity and show it mapped; nothing is written.</source>
        <translation>Die erste Seite jeder Entität abrufen und zugeordnet anzeigen; nichts wird geschrieben.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>letters, digits, - and _</source>
        <translation>Buchstaben, Ziffern, - und _</translation>
    </message>
    <message>
        <source>Keys all of the source&apos;s state: renaming a source starts it from scratch.</source>
        <translation>Schlüssel für den gesamten Zustand der Quelle: Eine umbenannte Quelle beginnt von vorn.</translation>
    </message>
    <message>
        <source>Source %1</source>
        <translation>Quelle %1</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Enabled (sync and verify it)</source>
        <translation>Aktiv (synchronisieren und prüfen)</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>Beginnen ab:</translation>
    </message>
    <message>
        <source>Where a new source starts: all history, only what changes from now on, or what changed since a date.</source>
        <translation>Wo eine neue Quelle beginnt: die gesamte Historie, nur Änderungen ab jetzt oder alles, was sich seit einem Datum geändert hat.</translation>
    </message>
    <message>
        <source>Start date:</source>
        <translation>Startdatum:</translation>
    </message>
    <message>
        <source>Overlap (seconds):</source>
        <translation>Überlappung (Sekunden):</translation>
    </message>
    <message>
        <source>Largest share deleted at once:</source>
        <translation>Höchster Löschanteil auf einmal:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Priorität:</translation>
    </message>
    <message>
        <source>Start from a preset</source>
        <translation>Aus einer Vorlage beginnen</translation>
    </message>
    <message>
        <source>Replaces everything but the name. The base URL and the token&apos;s environment variable entered on the Connection tab are kept.</source>
        <translation>Ersetzt alles außer dem Namen. Die Basis-URL und die Umgebungsvariable des Tokens aus dem Reiter &quot;Verbindung&quot; bleiben erhalten.</translation>
    </message>
    <message>
        <source>Good Forum</source>
        <translation>Good Forum</translation>
    </message>
    <message>
        <source>Generic REST</source>
        <translation>Generisches REST</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>Externe ID</translation>
    </message>
    <message>
        <source>Conflict policy</source>
        <translation>Konfliktregel</translation>
    </message>
    <message>
        <source>Delete mode</source>
        <translation>Löschmodus</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>The table&apos;s primary key, assigned by the main database. Empty: id.</source>
        <translation>Der Primärschlüssel der Tabelle, von der Hauptdatenbank vergeben. Leer: id.</translation>
    </message>
    <message>
        <source>The record field holding the external id. Empty: id.</source>
        <translation>Das Feld des Datensatzes mit der externen ID. Leer: id.</translation>
    </message>
    <message>
        <source>Empty: manual (conflicts wait for a person).</source>
        <translation>Leer: manual (Konflikte warten auf eine Entscheidung).</translation>
    </message>
    <message>
        <source>Empty: soft (sets deleted_at).</source>
        <translation>Leer: soft (setzt deleted_at).</translation>
    </message>
    <message>
        <source>Add entity</source>
        <translation>Entität hinzufügen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>Where the value is in the record: a dotted path such as author.email</source>
        <translation>Wo der Wert im Datensatz steht: ein Pfad mit Punkten wie author.email</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Nullable</source>
        <translation>NULL erlaubt</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Verweise</translation>
    </message>
    <message>
        <source>columns, comma-separated (e.g. email)</source>
        <translation>Spalten, durch Kommas getrennt (z. B. email)</translation>
    </message>
    <message>
        <source>A record never seen before is linked to an existing row with the same values (trimmed, case-insensitive) instead of inserted.</source>
        <translation>Ein noch nie gesehener Datensatz wird mit einer vorhandenen Zeile mit denselben Werten verknüpft (ohne Leerraum am Rand, ohne Unterscheidung von Groß- und Kleinschreibung), statt eingefügt zu werden.</translation>
    </message>
    <message>
        <source>Match existing rows by:</source>
        <translation>Vorhandene Zeilen zuordnen über:</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Defaults (inserts only):</source>
        <translation>Vorgabewerte (nur beim Einfügen):</translation>
    </message>
    <message>
        <source>Consolidation &amp;&amp; defaults</source>
        <translation>Zusammenführung &amp;&amp; Vorgaben</translation>
    </message>
    <message>
        <source>Modification time column:</source>
        <translation>Spalte mit Änderungszeit:</translation>
    </message>
    <message>
        <source>Soft-delete column:</source>
        <translation>Spalte für Löschmarkierung:</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Policy per column:</source>
        <translation>Regel je Spalte:</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Apply JSON</source>
        <translation>JSON übernehmen</translation>
    </message>
    <message>
        <source>Not a JSON object: %1</source>
        <translation>Kein JSON-Objekt: %1</translation>
    </message>
    <message>
        <source>The source exactly as it will be written. Keys without a widget elsewhere can be edited here.</source>
        <translation>Die Quelle genau so, wie sie geschrieben wird. Schlüssel ohne eigenes Eingabefeld lassen sich hier bearbeiten.</translation>
    </message>
    <message>
        <source>New source %1</source>
        <translation>Neue Quelle %1</translation>
    </message>
    <message>
        <source>Entity “%1” → table %2</source>
        <translation>Entität „%1“ → Tabelle %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Select an entity to edit its columns, references and policies.</source>
        <translation>Eine Entität auswählen, um ihre Spalten, Verweise und Regeln zu bearbeiten.</translation>
    </message>
    <message>
        <source>row %1: choose the target column</source>
        <translation>Zeile %1: die Zielspalte wählen</translation>
    </message>
    <message>
        <source>the column is in this table twice</source>
        <translation>die Spalte steht zweimal in dieser Tabelle</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>&quot;%1&quot; ist keine Zahl</translation>
    </message>
    <message>
        <source>Elsewhere in the file: %1</source>
        <translation>An anderer Stelle der Datei: %1</translation>
    </message>
    <message>
        <source>No problems: the source can be saved and tested.</source>
        <translation>Keine Probleme: Die Quelle kann gespeichert und getestet werden.</translation>
    </message>
    <message>
        <source>This source has no problems; the rest of the file has some (listed below).</source>
        <translation>Diese Quelle hat keine Probleme, der Rest der Datei schon (siehe unten).</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before saving; each is shown next to its field.</source>
        <translation>
            <numerusform>%n Problem vor dem Speichern zu beheben; es wird neben seinem Feld angezeigt.</numerusform>
            <numerusform>%n Probleme vor dem Speichern zu beheben; jedes wird neben seinem Feld angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The source has problems; each is shown next to its field.</source>
        <translation>Die Quelle hat Probleme; jedes wird neben seinem Feld angezeigt.</translation>
    </message>
    <message>
        <source>No configuration to save into.</source>
        <translation>Keine Konfiguration, in die gespeichert werden kann.</translation>
    </message>
    <message>
        <source>Fix the problems first; each is shown next to its field.</source>
        <translation>Bitte zuerst die Probleme beheben; jedes wird neben seinem Feld angezeigt.</translation>
    </message>
    <message>
        <source>the new source</source>
        <translation>die neue Quelle</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>%1 has not been saved. Discard it?</source>
        <translation>%1 wurde nicht gespeichert. Verwerfen?</translation>
    </message>
    <message>
        <source>The changes to %1 are not saved. Discard them?</source>
        <translation>Die Änderungen an %1 sind nicht gespeichert. Verwerfen?</translation>
    </message>
    <message>
        <source>Nothing to change</source>
        <translation>Nichts zu ändern</translation>
    </message>
    <message>
        <source>%1 already is what the preset makes it.</source>
        <translation>%1 entspricht bereits der Vorlage.</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiterer</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply the preset?</source>
        <translation>Vorlage anwenden?</translation>
    </message>
    <message>
        <source>The preset would change these keys of %1 (its name, base URL, authentication, enabled and schedule stay as they are). Nothing is saved until you save the source.</source>
        <translation>Die Vorlage würde diese Schlüssel von %1 ändern (Name, Basis-URL, Anmeldung, Aktivierung und Zeitplan bleiben, wie sie sind). Gespeichert wird erst, wenn Sie die Quelle speichern.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>&amp;Incremental sync every:</source>
        <translation>&amp;Inkrementell synchronisieren alle:</translation>
    </message>
    <message>
        <source>tributaryd serve asks the source for what changed this often. At start every source syncs at once.</source>
        <translation>So oft fragt tributaryd serve die Quelle, was sich geändert hat. Beim Start synchronisiert jede Quelle sofort.</translation>
    </message>
    <message>
        <source>&amp;Reconciliation:</source>
        <translation>&amp;Abgleich:</translation>
    </message>
    <message>
        <source>every</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>A complete scan that finds deleted records. The first is due this long after the last successful one, at once if there was none. Off: run tributaryd reconcile yourself.</source>
        <translation>Ein vollständiger Durchlauf, der gelöschte Datensätze findet. Der erste ist so lange nach dem letzten erfolgreichen fällig, sofort, wenn es keinen gab. Aus: tributaryd reconcile selbst ausführen.</translation>
    </message>
    <message>
        <source>Each wait is varied at random by up to this share, both ways, so that many sources do not fire together. 0: exact intervals. Default: %1 %</source>
        <translation>Jede Wartezeit wird zufällig um bis zu diesen Anteil verlängert oder verkürzt, damit viele Quellen nicht gleichzeitig starten. 0: genaue Abstände. Standard: %1 %</translation>
    </message>
    <message>
        <source>&amp;Vary each wait by up to:</source>
        <translation>&amp;Wartezeit zufällig variieren um bis zu:</translation>
    </message>
    <message>
        <source>Reconcile at once when a sync finds &amp;missed deletes</source>
        <translation>Sofort abgleichen, wenn eine Synchronisation &amp;verpasste Löschungen findet</translation>
    </message>
    <message>
        <source>After each scheduled sync, ask the source how many records each entity has (one count request per entity). More links than records means deletes were missed (lost webhooks): reconcile right after that sync. Without scheduled reconciliations only a warning is logged.</source>
        <translation>Nach jeder geplanten Synchronisation die Quelle fragen, wie viele Datensätze jede Entität hat (eine Zählanfrage je Entität). Mehr Verknüpfungen als Datensätze heißt, dass Löschungen verpasst wurden (verlorene Webhooks): direkt nach dieser Synchronisation abgleichen. Ohne geplante Abgleiche wird nur eine Warnung protokolliert.</translation>
    </message>
    <message>
        <source>Only tributaryd serve follows the schedule; tributaryd sync and reconcile run when they are started. Webhooks are set up in the JSON (&quot;webhook&quot;).</source>
        <translation>Nur tributaryd serve folgt dem Zeitplan; tributaryd sync und reconcile laufen, wenn sie gestartet werden. Webhooks werden im JSON eingerichtet (&quot;webhook&quot;).</translation>
    </message>
    <message>
        <source>Disabled: tributaryd serve does not run this source.</source>
        <translation>Deaktiviert: tributaryd serve führt diese Quelle nicht aus.</translation>
    </message>
    <message>
        <source>Fix the schedule&apos;s problems to see what tributaryd serve will do.</source>
        <translation>Beheben Sie die Probleme des Zeitplans, um zu sehen, was tributaryd serve tun wird.</translation>
    </message>
    <message>
        <source>Incremental sync %1 (each wait varied by up to ±%2 %)</source>
        <translation>Inkrementelle Synchronisation %1 (jede Wartezeit um bis zu ±%2 % variiert)</translation>
    </message>
    <message>
        <source>Incremental sync %1, exactly</source>
        <translation>Inkrementelle Synchronisation %1, genau</translation>
    </message>
    <message>
        <source>reconciliation %1</source>
        <translation>Abgleich %1</translation>
    </message>
    <message>
        <source>no scheduled reconciliation (run tributaryd reconcile yourself)</source>
        <translation>kein geplanter Abgleich (tributaryd reconcile selbst ausführen)</translation>
    </message>
    <message>
        <source>an extra reconciliation right after a sync that finds missed deletes</source>
        <translation>ein zusätzlicher Abgleich direkt nach einer Synchronisation, die verpasste Löschungen findet</translation>
    </message>
    <message>
        <source>a warning when a sync finds missed deletes</source>
        <translation>eine Warnung, wenn eine Synchronisation verpasste Löschungen findet</translation>
    </message>
    <message>
        <source>no check for missed deletes</source>
        <translation>keine Prüfung auf verpasste Löschungen</translation>
    </message>
    <message>
        <source>webhooks at POST /webhooks/%1, their records fetched as soon as the source is idle</source>
        <translation>Webhooks unter POST /webhooks/%1, ihre Datensätze werden abgerufen, sobald die Quelle frei ist</translation>
    </message>
    <message>
        <source>no webhooks</source>
        <translation>keine Webhooks</translation>
    </message>
    <message>
        <source>Changes flow:</source>
        <translation>Änderungen fließen:</translation>
    </message>
    <message>
        <source>in: the source&apos;s changes are copied into the main database. both: the main database&apos;s changes are also pushed back to the source (tributaryd outbox shows what waits). out: only pushed, never read. An entity may choose its own in its JSON (&quot;direction&quot;).</source>
        <translation>in: Die Änderungen der Quelle werden in die Hauptdatenbank übernommen. both: Die Änderungen der Hauptdatenbank werden außerdem an die Quelle zurückgeschrieben (tributaryd outbox zeigt, was wartet). out: Nur zurückschreiben, nie lesen. Eine Entität kann in ihrem JSON eine eigene Richtung wählen (&quot;direction&quot;).</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::SourceOperations</name>
    <message>
        <source>%1: the verify did not finish</source>
        <translation>%1: Die Prüfung wurde nicht abgeschlossen</translation>
    </message>
    <message>
        <source>%1: IN SYNC</source>
        <translation>%1: SYNCHRON</translation>
    </message>
    <message>
        <source>%1: NOT IN SYNC</source>
        <translation>%1: NICHT SYNCHRON</translation>
    </message>
    <message>
        <source>A full re-sync of %1 walks every record the source lists, entity by entity: %2. This is tributaryd sync --full.</source>
        <translation>Eine vollständige Neusynchronisation von %1 durchläuft jeden Datensatz, den die Quelle auflistet, Entität für Entität: %2. Das ist tributaryd sync --full.</translation>
    </message>
    <message>
        <source>Records the main database lacks are inserted and changed ones updated; a record changed here and at the source becomes a conflict, decided by the entity&apos;s policy as in any sync. Unchanged records are compared by their hash and not written. A stored incremental cursor the engine cannot use is replaced once the walk is complete.</source>
        <translation>Datensätze, die der Hauptdatenbank fehlen, werden eingefügt und geänderte aktualisiert; ein Datensatz, der hier und an der Quelle geändert wurde, wird zum Konflikt und nach der Regel der Entität entschieden, wie bei jeder Synchronisation. Unveränderte Datensätze werden über ihren Hash verglichen und nicht geschrieben. Ein gespeicherter inkrementeller Cursor, den die Engine nicht verwenden kann, wird ersetzt, sobald der Durchlauf vollständig ist.</translation>
    </message>
    <message>
        <source>Nothing is deleted in the main database: a full sync does not look for deletes (Reconcile does).</source>
        <translation>In der Hauptdatenbank wird nichts gelöscht: Eine vollständige Synchronisation sucht nicht nach Löschungen (der Abgleich tut es).</translation>
    </message>
    <message>
        <source>Every page of every entity is fetched again: the last full sync of %1 read %2 records in %3.</source>
        <translation>Jede Seite jeder Entität wird erneut abgerufen: Die letzte vollständige Synchronisation von %1 las %2 Datensätze in %3.</translation>
    </message>
    <message>
        <source>Every page of every entity is fetched again: it takes about as long as the first sync of %1 did, and costs the source as many requests.</source>
        <translation>Jede Seite jeder Entität wird erneut abgerufen: Das dauert etwa so lange wie die erste Synchronisation von %1 und kostet die Quelle ebenso viele Anfragen.</translation>
    </message>
    <message>
        <source>Progress shows on the dashboard; Stop ends it after the page being written, and the next full sync goes on from there.</source>
        <translation>Der Fortschritt erscheint in der Übersicht; Anhalten beendet sie nach der Seite, die gerade geschrieben wird, und die nächste vollständige Synchronisation macht dort weiter.</translation>
    </message>
    <message>
        <source>Full Re-sync of %1</source>
        <translation>Vollständige Neusynchronisation von %1</translation>
    </message>
    <message>
        <source>Sync Everything</source>
        <translation>Alles synchronisieren</translation>
    </message>
    <message>
        <source>%1 is running already: the full re-sync did not start</source>
        <translation>%1 läuft bereits: Die vollständige Neusynchronisation wurde nicht gestartet</translation>
    </message>
    <message>
        <source>%1: full re-sync started</source>
        <translation>%1: vollständige Neusynchronisation gestartet</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n cursor(s) reset</source>
        <translation>
            <numerusform>%1: %n Cursor zurückgesetzt</numerusform>
            <numerusform>%1: %n Cursor zurückgesetzt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::SourcePlanModel</name>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Links forgotten</source>
        <translation>Vergessene Verknüpfungen</translation>
    </message>
    <message>
        <source>Inserted rows (stay)</source>
        <translation>Eingefügte Zeilen (bleiben)</translation>
    </message>
    <message>
        <source>Adopted rows (stay)</source>
        <translation>Übernommene Zeilen (bleiben)</translation>
    </message>
    <message>
        <source>Gone at source</source>
        <translation>An der Quelle verschwunden</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Verknüpft</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Shared (kept)</source>
        <translation>Geteilt (bleiben)</translation>
    </message>
    <message>
        <source>Adopted (kept)</source>
        <translation>Übernommen (bleiben)</translation>
    </message>
    <message>
        <source>Already gone</source>
        <translation>Schon gelöscht</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(nicht erfasst)</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::SourcesModel</name>
    <message>
        <source>idle</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>syncing</source>
        <translation>synchronisiert</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>Handlungsbedarf</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>noch nie synchronisiert</translation>
    </message>
    <message>
        <source>last sync OK</source>
        <translation>letzte Synchronisation OK</translation>
    </message>
    <message>
        <source>last sync failed</source>
        <translation>letzte Synchronisation fehlgeschlagen</translation>
    </message>
    <message>
        <source>last sync left records behind</source>
        <translation>letzte Synchronisation hat Datensätze zurückgelassen</translation>
    </message>
    <message>
        <source>last sync was stopped</source>
        <translation>letzte Synchronisation wurde angehalten</translation>
    </message>
    <message>
        <source>a sync is running elsewhere</source>
        <translation>eine Synchronisation läuft anderswo</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) waiting</source>
        <translation>
            <numerusform>%n Konflikt wartet</numerusform>
            <numerusform>%n Konflikte warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n quarantined</source>
        <translation>
            <numerusform>%n in Quarantäne</numerusform>
            <numerusform>%n in Quarantäne</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot read its state: %1</source>
        <translation>ihr Zustand kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::TrayIcon</name>
    <message>
        <source>Show &amp;Notifications</source>
        <translation>&amp;Benachrichtigungen anzeigen</translation>
    </message>
    <message>
        <source>Say so in the system tray when conflicts wait for a decision or a sync failed</source>
        <translation>Im Systembereich melden, wenn Konflikte auf eine Entscheidung warten oder eine Synchronisation fehlschlägt</translation>
    </message>
    <message>
        <source>&amp;Show Tributary</source>
        <translation>Tributary &amp;zeigen</translation>
    </message>
    <message>
        <source>Tributary</source>
        <translation>Tributary</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::TrendsModel</name>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Records/s</source>
        <translation>Datensätze/s</translation>
    </message>
    <message>
        <source>Lag (s)</source>
        <translation>Rückstand (s)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>Quarantäne</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::TrendsView</name>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>Records per second</source>
        <translation>Datensätze pro Sekunde</translation>
    </message>
    <message>
        <source>Lag before each run (seconds since the last successful run started)</source>
        <translation>Rückstand vor jedem Lauf (Sekunden seit dem Start des letzten erfolgreichen Laufs)</translation>
    </message>
    <message>
        <source>Problems per run</source>
        <translation>Probleme pro Lauf</translation>
    </message>
    <message>
        <source>records/s</source>
        <translation>Datensätze/s</translation>
    </message>
    <message>
        <source>lag (s)</source>
        <translation>Rückstand (s)</translation>
    </message>
    <message>
        <source>quarantined</source>
        <translation>in Quarantäne</translation>
    </message>
    <message>
        <source>conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>failed run</source>
        <translation>fehlgeschlagener Lauf</translation>
    </message>
    <message>
        <source>Open a configuration to see how its sources run over time.</source>
        <translation>Öffnen Sie eine Konfiguration, um zu sehen, wie ihre Quellen über die Zeit laufen.</translation>
    </message>
    <message>
        <source>This configuration has no sources yet.</source>
        <translation>Diese Konfiguration hat noch keine Quellen.</translation>
    </message>
    <message>
        <source>The runs cannot be read: %1</source>
        <translation>Die Läufe können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 has not finished a run yet: its charts start with the first one.</source>
        <translation>%1 hat noch keinen Lauf beendet: die Diagramme beginnen mit dem ersten.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) since %1; median %2 records/s; %3 failed.</source>
        <translation>
            <numerusform>%n Lauf seit %1; Median %2 Datensätze/s; %3 fehlgeschlagen.</numerusform>
            <numerusform>%n Läufe seit %1; Median %2 Datensätze/s; %3 fehlgeschlagen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::VerifyDialog</name>
    <message>
        <source>Verify %1</source>
        <translation>%1 prüfen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop the verify; nothing is concluded from a verify that did not finish</source>
        <translation>Die Prüfung anhalten; aus einer unvollständigen Prüfung wird nichts geschlossen</translation>
    </message>
    <message>
        <source>Verify Again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Verifying %1: every record at the source is read and compared with the main database. This takes about as long as a full sync&apos;s walk; the window stays usable.</source>
        <extracomment>%1 the source</extracomment>
        <translation>Prüft %1: Jeder Datensatz an der Quelle wird gelesen und mit der Hauptdatenbank verglichen. Das dauert etwa so lange wie der Durchlauf einer vollständigen Synchronisation; das Fenster bleibt bedienbar.</translation>
    </message>
    <message>
        <source>Stopping the verify...</source>
        <translation>Hält die Prüfung an...</translation>
    </message>
    <message>
        <source>Verifying %1: %2 (entity %3 of %4), %5 records read and compared so far.</source>
        <extracomment>%1 the source, %2 the entity, %3 its place in the order, %4 how many entities, %5 records read so far</extracomment>
        <translation>Prüft %1: %2 (Entität %3 von %4), bisher %5 Datensätze gelesen und verglichen.</translation>
    </message>
    <message>
        <source>Verify of %1 against the main database:</source>
        <translation>Prüfung von %1 gegen die Hauptdatenbank:</translation>
    </message>
    <message>
        <source>Stopped: the verify did not finish, so nothing is concluded.</source>
        <translation>Angehalten: Die Prüfung wurde nicht abgeschlossen, daher wird nichts geschlossen.</translation>
    </message>
    <message>
        <source>Verification could not finish: %1</source>
        <translation>Die Prüfung konnte nicht abgeschlossen werden: %1</translation>
    </message>
    <message>
        <source>IN SYNC: every record at the source is in the main database, linked once, with its values and references.</source>
        <translation>SYNCHRON: Jeder Datensatz der Quelle ist in der Hauptdatenbank, genau einmal verknüpft, mit seinen Werten und Verweisen.</translation>
    </message>
    <message numerus="yes">
        <source>NOT CHECKED: %n check(s) could not run (&quot;not checked&quot; below). Every check that ran passed; what was not checked is only as sure as the walk.</source>
        <translation>
            <numerusform>NICHT GEPRÜFT: %n Prüfung konnte nicht laufen (unten &quot;nicht geprüft&quot;). Jede Prüfung, die lief, wurde bestanden; was nicht geprüft wurde, ist nur so sicher wie der Durchlauf.</numerusform>
            <numerusform>NICHT GEPRÜFT: %n Prüfungen konnten nicht laufen (unten &quot;nicht geprüft&quot;). Jede Prüfung, die lief, wurde bestanden; was nicht geprüft wurde, ist nur so sicher wie der Durchlauf.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>%1 fehlend</translation>
    </message>
    <message>
        <source>%1 extra</source>
        <translation>%1 überzählig</translation>
    </message>
    <message>
        <source>%1 different</source>
        <translation>%1 abweichend</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed</source>
        <translation>
            <numerusform>%n Prüfung fehlgeschlagen</numerusform>
            <numerusform>%n Prüfungen fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>NOT IN SYNC: %1. See the counts, the checks and the examples below.</source>
        <extracomment>%1: &quot;2 missing, 1 different, 1 check failed&quot;</extracomment>
        <translation>NICHT SYNCHRON: %1. Siehe die Zähler, die Prüfungen und die Beispiele unten.</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
    <message numerus="yes">
        <source>Before start: %Ln record(s) changed before the source&apos;s start (sources.%1.start) and are not imported, by configuration; they are not counted as missing.</source>
        <translation>
            <numerusform>Vor dem Start: %Ln Datensatz wurde vor dem Startpunkt der Quelle (sources.%1.start) geändert und wird laut Konfiguration nicht importiert; er zählt nicht als fehlend.</numerusform>
            <numerusform>Vor dem Start: %Ln Datensätze wurden vor dem Startpunkt der Quelle (sources.%1.start) geändert und werden laut Konfiguration nicht importiert; sie zählen nicht als fehlend.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quarantined: records held with their reason (the Quarantine tab). No sync or reconciliation applies them while the cause remains: fix it at the source or in the mapping, then retry them.</source>
        <translation>Quarantäne: Datensätze, die mit ihrem Grund zurückgehalten werden (Reiter Quarantäne). Keine Synchronisation und kein Abgleich wendet sie an, solange die Ursache besteht: sie an der Quelle oder in der Zuordnung beheben, dann erneut versuchen.</translation>
    </message>
    <message>
        <source>Kept local: values the main application set (edits, or rows adopted through a match key) are kept by design.</source>
        <translation>Lokal behalten: Werte, die die Hauptanwendung gesetzt hat (Änderungen oder über einen Zuordnungsschlüssel übernommene Zeilen), bleiben absichtlich erhalten.</translation>
    </message>
</context>
<context>
    <name>Tributary::Gui::VerifyReportModel</name>
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
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>At source</source>
        <translation>An Quelle</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>Gleich</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlend</translation>
    </message>
    <message>
        <source>Extra</source>
        <translation>Überzählig</translation>
    </message>
    <message>
        <source>Different</source>
        <translation>Abweichend</translation>
    </message>
    <message>
        <source>Kept local</source>
        <translation>Lokal behalten</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>Quarantäne</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The Tributary console: configure sources, watch syncs, resolve conflicts.</source>
        <translation>Die Tributary-Konsole: Quellen konfigurieren, Synchronisationen verfolgen, Konflikte auflösen.</translation>
    </message>
    <message>
        <source>A configuration file to open.</source>
        <translation>Eine zu öffnende Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>Sync the configuration&apos;s first source, save a picture of each view into DIR, and quit (scripts/screenshots.sh).</source>
        <translation>Die erste Quelle der Konfiguration synchronisieren, von jeder Ansicht ein Bild in DIR speichern und beenden (scripts/screenshots.sh).</translation>
    </message>
    <message>
        <source>The window&apos;s size for --screenshots, as WIDTHxHEIGHT (default 1280x780).</source>
        <translation>Die Fenstergröße für --screenshots als BREITExHÖHE (Vorgabe 1280x780).</translation>
    </message>
    <message>
        <source>Colours for this session: light, dark or desktop (default: the setting).</source>
        <translation>Farben für diese Sitzung: light, dark oder desktop (Vorgabe: die Einstellung).</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Auswahlmöglichkeiten</translation>
    </message>
</context>
<context>
    <name>AskActions</name>
    <message>
        <source>Casefile is still working (reading files, answering, or a review): your question is kept in the box; ask it when the work is done, or press Stop.</source>
        <translation>Casefile arbeitet noch (Dateien einlesen, Antwort oder Auswertung): Ihre Frage bleibt im Eingabefeld erhalten. Stellen Sie sie, wenn die Arbeit erledigt ist, oder klicken Sie auf „Anhalten“.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Starting the model…</source>
        <translation>Modell wird gestartet…</translation>
    </message>
    <message>
        <source>Answered · %1</source>
        <translation>Beantwortet · %1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message>
        <source>Model stopped</source>
        <translation>Modell angehalten</translation>
    </message>
    <message>
        <source>Model not started</source>
        <translation>Modell nicht gestartet</translation>
    </message>
    <message>
        <source>The model will start again with the next question.</source>
        <translation>Das Modell startet mit der nächsten Frage neu.</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Kette prüfen</translation>
    </message>
    <message>
        <source>Export signed report…</source>
        <translation>Signierten Bericht exportieren…</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Akte</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Alle Akten</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>%1 of %2 events shown</source>
        <translation>%1 von %2 Ereignissen angezeigt</translation>
    </message>
    <message>
        <source> (the newest %1 of %2 that match)</source>
        <translation> (die neuesten %1 von %2 Treffern)</translation>
    </message>
    <message>
        <source>Audit log — %1</source>
        <translation>Audit-Protokoll — %1</translation>
    </message>
    <message>
        <source>Chain verified: %1 events, every hash, link and HMAC intact.</source>
        <translation>Kette verifiziert: %1 Ereignisse, alle Hashes, Verknüpfungen und HMACs intakt.</translation>
    </message>
    <message>
        <source>Chain BROKEN at event %1: %2</source>
        <translation>Kette UNTERBROCHEN bei Ereignis %1: %2</translation>
    </message>
    <message>
        <source>Exported %1 events to %2. Signing key fingerprint: %3</source>
        <translation>%1 Ereignisse nach %2 exportiert. Fingerabdruck des Signaturschlüssels: %3</translation>
    </message>
    <message>
        <source>Choose an empty folder for the audit export</source>
        <translation>Wählen Sie einen leeren Ordner für den Audit-Export</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
</context>
<context>
    <name>BatesSearch</name>
    <message>
        <source>Choose a case first: Bates numbers are looked up in the open case.</source>
        <translation>Wählen Sie zuerst eine Akte: Bates-Nummern werden in der geöffneten Akte gesucht.</translation>
    </message>
    <message>
        <source>No page of this case has Bates %1.</source>
        <translation>Keine Seite dieser Akte trägt die Bates-Nummer %1.</translation>
    </message>
    <message>
        <source>%1: opened.</source>
        <translation>%1: geöffnet.</translation>
    </message>
    <message>
        <source>%1 page(s) of %2 document(s) in %3–%4; opened %5.</source>
        <translation>%1 Seite(n) aus %2 Dokument(en) im Bereich %3–%4; %5 geöffnet.</translation>
    </message>
</context>
<context>
    <name>CaseMenus</name>
    <message>
        <source>Chronology</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>dated events, oldest first</source>
        <translation>datierte Ereignisse, älteste zuerst</translation>
    </message>
    <message>
        <source>Document summaries</source>
        <translation>Dokumentzusammenfassungen</translation>
    </message>
    <message>
        <source>two or three sentences per document</source>
        <translation>zwei oder drei Sätze pro Dokument</translation>
    </message>
    <message>
        <source>People and organisations</source>
        <translation>Personen und Organisationen</translation>
    </message>
    <message>
        <source>who appears, and in what role</source>
        <translation>wer vorkommt und in welcher Rolle</translation>
    </message>
    <message>
        <source>Inconsistencies</source>
        <translation>Widersprüche</translation>
    </message>
    <message>
        <source>where documents disagree</source>
        <translation>wo sich Dokumente widersprechen</translation>
    </message>
    <message>
        <source>Medication list</source>
        <translation>Medikationsliste</translation>
    </message>
    <message>
        <source>medicines, doses, status</source>
        <translation>Arzneimittel, Dosierungen, Status</translation>
    </message>
    <message>
        <source>Deposition digest</source>
        <translation>Aussagenübersicht</translation>
    </message>
    <message>
        <source>testimony by topic, cited by page and line</source>
        <translation>Aussagen nach Thema, zitiert nach Seite und Zeile</translation>
    </message>
    <message>
        <source>Medical chronology</source>
        <translation>Medizinische Chronologie</translation>
    </message>
    <message>
        <source>encounters by date of service; gaps and missing records flagged</source>
        <translation>Behandlungen nach Behandlungsdatum; Behandlungslücken und fehlende Unterlagen markiert</translation>
    </message>
    <message>
        <source>Privilege log (draft)</source>
        <translation>Privilegienverzeichnis (Entwurf)</translation>
    </message>
    <message>
        <source>each document&apos;s privilege claim and basis, for attorney review</source>
        <translation>Privilegienanspruch und Begründung je Dokument, zur anwaltlichen Prüfung</translation>
    </message>
    <message>
        <source>Problem list</source>
        <translation>Problemliste</translation>
    </message>
    <message>
        <source>diagnoses and conditions, status</source>
        <translation>Diagnosen und Erkrankungen, Status</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Akte</translation>
    </message>
    <message>
        <source>Add documents…</source>
        <translation>Dokumente hinzufügen…</translation>
    </message>
    <message>
        <source>Export chat as PDF…</source>
        <translation>Chat als PDF exportieren…</translation>
    </message>
    <message>
        <source>Export chat as DOCX…</source>
        <translation>Chat als DOCX exportieren…</translation>
    </message>
    <message>
        <source>Audit log…</source>
        <translation>Audit-Protokoll…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>Auf&amp;gaben</translation>
    </message>
    <message>
        <source>Choose a case first.</source>
        <translation>Wählen Sie zuerst eine Akte.</translation>
    </message>
    <message>
        <source>Running the task over the whole case…</source>
        <translation>Die Aufgabe wird auf die gesamte Akte angewendet…</translation>
    </message>
    <message>
        <source>Task: %1 of %2 prompts done…</source>
        <translation>Aufgabe: %1 von %2 Prompts erledigt…</translation>
    </message>
    <message numerus="yes">
        <source>Task finished: %n row(s).</source>
        <translation>
            <numerusform>Aufgabe abgeschlossen: %n Zeile.</numerusform>
            <numerusform>Aufgabe abgeschlossen: %n Zeilen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ask a question first: there is no chat to export.</source>
        <translation>Stellen Sie zuerst eine Frage: Es gibt noch keinen Chat zum Exportieren.</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>Chat exportieren</translation>
    </message>
    <message>
        <source>Exported to %1 (sha256 %2…)</source>
        <translation>Exportiert nach %1 (sha256 %2…)</translation>
    </message>
</context>
<context>
    <name>CasesPanel</name>
    <message>
        <source>Search cases…</source>
        <translation>Akten durchsuchen…</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>Neue Akte…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>No cases yet. A case holds one matter&apos;s or one patient&apos;s documents; every question reads all of them.

Start with the demo case (three fictional documents) to see an answer cited and checked, or make a case of your own with “New case…”.</source>
        <translation>Noch keine Akten. Eine Akte enthält die Dokumente eines Mandats oder eines Patienten; jede Frage bezieht sie alle ein.

Beginnen Sie mit der Demo-Akte (drei fiktive Dokumente), um eine belegte und geprüfte Antwort zu sehen, oder legen Sie mit „Neue Akte…“ eine eigene Akte an.</translation>
    </message>
    <message>
        <source>Open the demo case</source>
        <translation>Demo-Akte öffnen</translation>
    </message>
    <message>
        <source>A supply agreement, a letter and a clinic note, all fictional</source>
        <translation>Ein Liefervertrag, ein Schreiben und eine Ambulanznotiz – alle fiktiv</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Akten</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Akten durchsuchen</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n Dokument</numerusform>
            <numerusform>%n Dokumente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Neue Akte</translation>
    </message>
    <message>
        <source>Case name:</source>
        <translation>Name der Akte:</translation>
    </message>
    <message>
        <source>Rename case</source>
        <translation>Akte umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Delete case</source>
        <translation>Akte löschen</translation>
    </message>
    <message>
        <source>Delete “%1” for good? Its %2 document(s), %3 page(s), chats and task results are removed from the vault; the audit log keeps a record of the deletion. This cannot be undone.</source>
        <translation>„%1“ endgültig löschen? Die %2 Dokument(e), %3 Seite(n), Chats und Aufgabenergebnisse der Akte werden aus dem Tresor entfernt; das Audit-Protokoll vermerkt die Löschung. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
</context>
<context>
    <name>ChatPanel</name>
    <message>
        <source>Ask a question about the whole case…</source>
        <translation>Stellen Sie eine Frage zur gesamten Akte…</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>The conversation appears here. Every answer cites its document and page; a ✓ means the quoted words were found on that page. Click a citation to see the page.</source>
        <translation>Hier erscheint der Chatverlauf. Jede Antwort nennt ihr Dokument und ihre Seite; ein ✓ bedeutet, dass die zitierten Wörter auf dieser Seite gefunden wurden. Klicken Sie auf eine Quellenangabe, um die Seite anzuzeigen.</translation>
    </message>
    <message>
        <source>The last answer&apos;s citations, each with its check: ✓ found on the page, ≠ the page says something else, ✗ not found.</source>
        <translation>Die Quellenangaben der letzten Antwort, jeweils mit ihrer Prüfung: ✓ auf der Seite gefunden, ≠ auf der Seite steht etwas anderes, ✗ nicht gefunden.</translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation>Antwort kopieren</translation>
    </message>
    <message>
        <source>Copy chat</source>
        <translation>Chat kopieren</translation>
    </message>
    <message>
        <source>Chats of this case</source>
        <translation>Chats dieser Akte</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Chatverlauf</translation>
    </message>
    <message>
        <source>Citations of the last answer</source>
        <translation>Quellenangaben der letzten Antwort</translation>
    </message>
    <message>
        <source>Progress of the answer</source>
        <translation>Fortschritt der Antwort</translation>
    </message>
    <message>
        <source>Writing the answer…</source>
        <translation>Antwort wird geschrieben…</translation>
    </message>
    <message>
        <source>Starting the model…</source>
        <translation>Modell wird gestartet…</translation>
    </message>
    <message>
        <source>Combining the %1 partial answers…</source>
        <translation>Die %1 Teilantworten werden zusammengeführt…</translation>
    </message>
    <message>
        <source> · about %1 s left</source>
        <translation> · noch etwa %1 s</translation>
    </message>
    <message>
        <source> · %1 tokens/s</source>
        <translation> · %1 Token/s</translation>
    </message>
    <message>
        <source>reading %1 of %2 tokens%3%4</source>
        <translation>%1 von %2 Token gelesen%3%4</translation>
    </message>
    <message>
        <source>Pass %1 of %2: %3</source>
        <translation>Durchgang %1 von %2: %3</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>wird gestartet…</translation>
    </message>
    <message>
        <source>Reading the case: %1</source>
        <translation>Akte wird gelesen: %1</translation>
    </message>
    <message>
        <source>(not in this case)</source>
        <translation>(nicht in dieser Akte)</translation>
    </message>
    <message>
        <source>No citations: this answer is not tied to any page and was not verified.</source>
        <translation>Keine Quellenangaben: Diese Antwort ist keiner Seite zugeordnet und wurde nicht verifiziert.</translation>
    </message>
    <message>
        <source>Not cited by the model; Casefile found its figures on: </source>
        <translation>Vom Modell nicht belegt; Casefile hat die Zahlen hier gefunden: </translation>
    </message>
    <message>
        <source>Quotes copied from the pages as the answer was written</source>
        <translation>Zitate beim Schreiben der Antwort aus den Seiten kopiert</translation>
    </message>
    <message>
        <source>Quotes checked against the pages after the answer</source>
        <translation>Zitate nach der Antwort mit den Seiten abgeglichen</translation>
    </message>
    <message>
        <source>Quotes checked against the pages after the answer: the model server cannot copy them by construction</source>
        <translation>Zitate nach der Antwort mit den Seiten abgeglichen: Der Modellserver kann sie nicht beim Schreiben aus den Seiten kopieren</translation>
    </message>
    <message>
        <source>Not found in the documents: %1</source>
        <translation>Nicht in den Dokumenten gefunden: %1</translation>
    </message>
    <message>
        <source>Not found in the cited pages: %1</source>
        <translation>Nicht auf den zitierten Seiten gefunden: %1</translation>
    </message>
    <message>
        <source>stopped by you</source>
        <translation>von Ihnen angehalten</translation>
    </message>
    <message>
        <source>stopped at the length limit</source>
        <translation>bei Erreichen der Längengrenze angehalten</translation>
    </message>
    <message>
        <source>stopped: the model repeated itself</source>
        <translation>angehalten: Das Modell hat sich wiederholt</translation>
    </message>
    <message>
        <source>first token %1 s</source>
        <translation>erstes Token nach %1 s</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 Token/s</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n Frage</numerusform>
            <numerusform>%n Fragen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CiteCheckActions</name>
    <message>
        <source>Check a brief&apos;s quotations…</source>
        <translation>Zitate eines Schriftsatzes prüfen…</translation>
    </message>
    <message>
        <source>Choose a case first.</source>
        <translation>Wählen Sie zuerst eine Akte.</translation>
    </message>
    <message>
        <source>Choose the brief to check</source>
        <translation>Wählen Sie den zu prüfenden Schriftsatz</translation>
    </message>
    <message>
        <source>Checking the brief&apos;s quotations against the record…</source>
        <translation>Die Zitate des Schriftsatzes werden mit der Akte abgeglichen…</translation>
    </message>
</context>
<context>
    <name>CiteCheckWindow</name>
    <message>
        <source>Cite-check: %1</source>
        <translation>Zitatprüfung: %1</translation>
    </message>
    <message>
        <source>Quotation</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <source>Cited as</source>
        <translation>Zitiert als</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Aktenstelle</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>%1 quotation(s) with a record citation: %2 verified, %3 not.</source>
        <translation>%1 Zitat(e) mit Aktenfundstelle: %2 verifiziert, %3 nicht.</translation>
    </message>
    <message>
        <source>Export DOCX…</source>
        <translation>Als DOCX exportieren…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Als PDF exportieren…</translation>
    </message>
    <message>
        <source>Export the cite-check</source>
        <translation>Zitatprüfung exportieren</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Add documents…</source>
        <translation>Dokumente hinzufügen…</translation>
    </message>
    <message>
        <source>Or drop files and folders here (Ctrl+O)</source>
        <translation>Oder ziehen Sie Dateien und Ordner hierher (Strg+O)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Go to Bates: ABC0001234 or ABC0001230-1240</source>
        <translation>Gehe zu Bates: ABC0001234 oder ABC0001230-1240</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Untick a document to leave it out of questions</source>
        <translation>Entfernen Sie das Häkchen bei einem Dokument, um es bei Fragen auszulassen</translation>
    </message>
    <message>
        <source>Go to a Bates number</source>
        <translation>Zu einer Bates-Nummer springen</translation>
    </message>
    <message>
        <source>Progress of adding documents</source>
        <translation>Fortschritt beim Hinzufügen von Dokumenten</translation>
    </message>
    <message>
        <source>Share of the model&apos;s window the case fills</source>
        <translation>Anteil des Kontextfensters des Modells, den die Akte belegt</translation>
    </message>
    <message>
        <source>Casefile reads: %1, and production volumes (load files with their images and text).
Scanned pages are read by OCR; every page ends up with its text or a status that says why not.</source>
        <translation>Casefile liest: %1 sowie Produktionen (Load-Files mit ihren Bildern und Texten).
Gescannte Seiten werden per OCR gelesen; jede Seite erhält ihren Text oder einen Status, der angibt, warum nicht.</translation>
    </message>
    <message>
        <source>Add documents</source>
        <translation>Dokumente hinzufügen</translation>
    </message>
    <message>
        <source>Documents Casefile reads (%1)</source>
        <translation>Von Casefile lesbare Dokumente (%1)</translation>
    </message>
    <message>
        <source>Production load files (*.dat *.opt *.lfp)</source>
        <translation>Load-Files von Produktionen (*.dat *.opt *.lfp)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Drop files or folders here, or press “Add documents…”.</source>
        <translation>Ziehen Sie Dateien oder Ordner hierher oder klicken Sie auf „Dokumente hinzufügen…“.</translation>
    </message>
    <message>
        <source>Open a case on the left (or make one) to add its documents.</source>
        <translation>Öffnen Sie links eine Akte (oder legen Sie eine an), um ihr Dokumente hinzuzufügen.</translation>
    </message>
    <message>
        <source>Ticked: questions read this document</source>
        <translation>Angehakt: Fragen beziehen dieses Dokument ein</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source> Left out by choice: %1.</source>
        <translation> Von Ihnen ausgelassen: %1.</translation>
    </message>
    <message>
        <source>%1 of %2 tokens · pages %3 in, %4 out%5%6. %7%8</source>
        <translation>%1 von %2 Token · Seiten: %3 einbezogen, %4 ausgelassen%5%6. %7%8</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Welcome to Casefile</source>
        <translation>Willkommen bei Casefile</translation>
    </message>
    <message>
        <source>Everything you add to Casefile — documents, chats, results — is kept in an encrypted vault on this computer. Choose a passphrase to open it. Nobody, not even us, can open the vault without it or the recovery key you get next.</source>
        <translation>Alles, was Sie Casefile hinzufügen – Dokumente, Chats, Ergebnisse –, wird in einem verschlüsselten Tresor auf diesem Computer aufbewahrt. Wählen Sie eine Passphrase, mit der er geöffnet wird. Ohne sie oder den Wiederherstellungsschlüssel, den Sie im nächsten Schritt erhalten, kann niemand den Tresor öffnen – auch wir nicht.</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>Tresor anlegen</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>Also unlock with this computer&apos;s login keyring (%1)</source>
        <translation>Auch mit dem Anmelde-Schlüsselbund dieses Computers entsperren (%1)</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Stark.</translation>
    </message>
    <message>
        <source>Fair: a few more words would make it strong.</source>
        <translation>Mittel: Mit ein paar weiteren Wörtern wäre sie stark.</translation>
    </message>
    <message>
        <source>Weak: four or more unrelated words are easy to remember and hard to guess.</source>
        <translation>Schwach: Vier oder mehr zusammenhanglose Wörter sind leicht zu merken und schwer zu erraten.</translation>
    </message>
    <message>
        <source>Too short: use at least %1 characters.</source>
        <translation>Zu kurz: Verwenden Sie mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation>Tresor wird angelegt…</translation>
    </message>
    <message>
        <source>This is your recovery key. It opens the vault if the passphrase is lost. It is shown only this once: print it or save it, and keep it somewhere safe, apart from this computer.</source>
        <translation>Dies ist Ihr Wiederherstellungsschlüssel. Er öffnet den Tresor, falls die Passphrase verloren geht. Er wird nur dieses eine Mal angezeigt: Drucken oder speichern Sie ihn und bewahren Sie ihn an einem sicheren Ort getrennt von diesem Computer auf.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Save as PDF to print…</source>
        <translation>Als PDF zum Drucken speichern…</translation>
    </message>
    <message>
        <source>Type the key&apos;s last group to confirm</source>
        <translation>Geben Sie zur Bestätigung die letzte Gruppe des Schlüssels ein</translation>
    </message>
    <message>
        <source>I have kept it safe — continue</source>
        <translation>Ich habe ihn sicher aufbewahrt – weiter</translation>
    </message>
    <message>
        <source>Casefile recovery key

Vault %1

%2

It opens the vault if the passphrase is lost. Keep it somewhere safe, apart from the computer.</source>
        <translation>Casefile-Wiederherstellungsschlüssel

Tresor %1

%2

Er öffnet den Tresor, falls die Passphrase verloren geht. Bewahren Sie ihn an einem sicheren Ort getrennt vom Computer auf.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>An den Drucker gesendet.</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>Wiederherstellungsschlüssel speichern</translation>
    </message>
    <message>
        <source>Could not save it: %1</source>
        <translation>Speichern nicht möglich: %1</translation>
    </message>
    <message>
        <source>Saved to %1. Print it, then move the file off this computer.</source>
        <translation>Gespeichert unter %1. Drucken Sie die Datei aus und entfernen Sie sie anschließend von diesem Computer.</translation>
    </message>
    <message>
        <source>Open Casefile</source>
        <translation>Casefile öffnen</translation>
    </message>
    <message>
        <source>Preparing the built-in model (SmolLM2-135M-Instruct) for its first use — about 30 seconds, once. A larger model can be imported later from Settings.</source>
        <translation>Das integrierte Modell (SmolLM2-135M-Instruct) wird für die erste Verwendung vorbereitet – einmalig, etwa 30 Sekunden. Ein größeres Modell können Sie später in den Einstellungen importieren.</translation>
    </message>
    <message>
        <source>You can still open Casefile and add documents; questions need a model.</source>
        <translation>Sie können Casefile trotzdem öffnen und Dokumente hinzufügen; für Fragen wird ein Modell benötigt.</translation>
    </message>
    <message>
        <source>The model is ready.</source>
        <translation>Das Modell ist bereit.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Go to a Bates number</source>
        <translation>Zu einer Bates-Nummer springen</translation>
    </message>
    <message>
        <source>Ask the question in the box</source>
        <translation>Die Frage im Eingabefeld stellen</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>Antwort anhalten</translation>
    </message>
    <message>
        <source>Find on the page (page viewer)</source>
        <translation>Auf der Seite suchen (Seitenansicht)</translation>
    </message>
    <message>
        <source>Search every page of the case</source>
        <translation>Alle Seiten der Akte durchsuchen</translation>
    </message>
    <message>
        <source>Quit Casefile</source>
        <translation>Casefile beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>About Casefile</source>
        <translation>Über Casefile</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkombinationen</translation>
    </message>
    <message>
        <source>Open the demo case</source>
        <translation>Demo-Akte öffnen</translation>
    </message>
    <message>
        <source>&lt;p&gt;Licence: %1. Everything stays on this computer.&lt;/p&gt;&lt;p&gt;Data folder (the vault, its keys and the audit log): %2&lt;br/&gt;Model store: %3&lt;/p&gt;</source>
        <translation>&lt;p&gt;Lizenz: %1. Alle Daten bleiben auf diesem Computer.&lt;/p&gt;&lt;p&gt;Datenordner (Tresor, Schlüssel und Audit-Protokoll): %2&lt;br/&gt;Modellspeicher: %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Third-party parts</source>
        <translation>Komponenten von Drittanbietern</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
</context>
<context>
    <name>IngestActions</name>
    <message numerus="yes">
        <source>Reading %n item(s)…</source>
        <translation>
            <numerusform>%n Element wird gelesen…</numerusform>
            <numerusform>%n Elemente werden gelesen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>Wird nach der aktuellen Datei angehalten…</translation>
    </message>
    <message>
        <source>, about %1 s left</source>
        <translation>, noch etwa %1 s</translation>
    </message>
    <message>
        <source>Reading scanned pages (OCR)</source>
        <translation>Einlesen gescannter Seiten (OCR)</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Einlesen</translation>
    </message>
    <message>
        <source>%1: file %2 of %3, %4 pages at %5 pages/s%6</source>
        <translation>%1: Datei %2 von %3, %4 Seiten mit %5 Seiten/s%6</translation>
    </message>
    <message>
        <source>%1 added, %2 already in the case, %3 not added</source>
        <translation>%1 hinzugefügt, %2 bereits in der Akte, %3 nicht hinzugefügt</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (abgebrochen)</translation>
    </message>
    <message>
        <source>Not added: %1 — %2</source>
        <translation>Nicht hinzugefügt: %1 — %2</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>Kennwort erforderlich</translation>
    </message>
    <message>
        <source>%1 PDF(s) are protected by a password (%2).
Enter the password to read them (it is used for this once and not stored):</source>
        <translation>%1 PDF-Datei(en) sind durch ein Kennwort geschützt (%2).
Geben Sie das Kennwort ein, um sie zu lesen (es wird nur dieses eine Mal verwendet und nicht gespeichert):</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Casefile is locked</source>
        <translation>Casefile ist gesperrt</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Wird entsperrt…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Restart the model</source>
        <translation>Modell neu starten</translation>
    </message>
    <message>
        <source>Model not started</source>
        <translation>Modell nicht gestartet</translation>
    </message>
    <message>
        <source>Adding the demo case&apos;s documents…</source>
        <translation>Dokumente der Demo-Akte werden hinzugefügt…</translation>
    </message>
    <message>
        <source>The demo case is open: press Ask (or Ctrl+Return).</source>
        <translation>Die Demo-Akte ist geöffnet: Klicken Sie auf „Fragen“ (oder drücken Sie Strg+Eingabe).</translation>
    </message>
</context>
<context>
    <name>NewReviewDialog</name>
    <message>
        <source>New review</source>
        <translation>Neue Auswertung</translation>
    </message>
    <message>
        <source>one per document</source>
        <translation>eine pro Dokument</translation>
    </message>
    <message>
        <source>one per family (e-mail and attachments)</source>
        <translation>eine pro Familie (E-Mail und Anhänge)</translation>
    </message>
    <message>
        <source>its row&apos;s documents only (fast)</source>
        <translation>nur die Dokumente ihrer Zeile (schnell)</translation>
    </message>
    <message>
        <source>the whole case in view</source>
        <translation>die gesamte Akte</translation>
    </message>
    <message>
        <source>optional: save these columns as a set</source>
        <translation>optional: diese Spalten als Satz speichern</translation>
    </message>
    <message>
        <source>Column set</source>
        <translation>Spaltensatz</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Each cell reads</source>
        <translation>Jede Zelle liest</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Speichern als</translation>
    </message>
    <message>
        <source>The columns are not valid JSON: %1</source>
        <translation>Die Spalten sind kein gültiges JSON: %1</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <source>No page open</source>
        <translation>Keine Seite geöffnet</translation>
    </message>
    <message>
        <source>OCR text</source>
        <translation>OCR-Text</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Find on page…</source>
        <translation>Auf der Seite suchen…</translation>
    </message>
    <message>
        <source>Find on the page</source>
        <translation>Auf der Seite suchen</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Opening page %1…</source>
        <translation>Seite %1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Text + OCR</source>
        <translation>Text + OCR</translation>
    </message>
    <message>
        <source>OCR</source>
        <translation>OCR</translation>
    </message>
    <message>
        <source>A blank page: no ink on it.</source>
        <translation>Eine leere Seite: Es steht nichts darauf.</translation>
    </message>
    <message>
        <source>This scanned page was not read.</source>
        <translation>Diese gescannte Seite wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>This page could not be read.</source>
        <translation>Diese Seite konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 — page %2 of %3%4</source>
        <translation>%1 — Seite %2 von %3%4</translation>
    </message>
    <message>
        <source>Highlighted on the page.</source>
        <translation>Auf der Seite hervorgehoben.</translation>
    </message>
    <message>
        <source>The marked words were not found on this page.</source>
        <translation>Die markierten Wörter wurden auf dieser Seite nicht gefunden.</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>&amp;Reviews</source>
        <translation>Aus&amp;wertungen</translation>
    </message>
    <message>
        <source>New review…</source>
        <translation>Neue Auswertung…</translation>
    </message>
    <message>
        <source>Open a review…</source>
        <translation>Auswertung öffnen…</translation>
    </message>
    <message>
        <source>Choose a case first.</source>
        <translation>Wählen Sie zuerst eine Akte.</translation>
    </message>
    <message>
        <source>Answering the review&apos;s cells…</source>
        <translation>Die Zellen der Auswertung werden beantwortet…</translation>
    </message>
    <message>
        <source>Review: %1 of %2 cells answered…</source>
        <translation>Auswertung: %1 von %2 Zellen beantwortet…</translation>
    </message>
    <message>
        <source>Review stopped.</source>
        <translation>Auswertung angehalten.</translation>
    </message>
    <message>
        <source>Review finished.</source>
        <translation>Auswertung abgeschlossen.</translation>
    </message>
    <message>
        <source>This case has no reviews yet.</source>
        <translation>Diese Akte enthält noch keine Auswertungen.</translation>
    </message>
    <message>
        <source>Open a review</source>
        <translation>Auswertung öffnen</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>%1 — review %2</source>
        <translation>%1 — Auswertung %2</translation>
    </message>
    <message>
        <source>Filter rows…</source>
        <translation>Zeilen filtern…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Answer the missing cells</source>
        <translation>Fehlende Zellen beantworten</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>Als XLSX exportieren…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export DOCX…</source>
        <translation>Als DOCX exportieren…</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>(nicht angegeben)</translation>
    </message>
    <message>
        <source>no citation</source>
        <translation>keine Quellenangabe</translation>
    </message>
    <message>
        <source>%1 of %2 cells · %3 verified · %4 differ · %5 not verified or uncited · %6 · model %7 · manifest %8</source>
        <translation>%1 von %2 Zellen · %3 verifiziert · %4 abweichend · %5 nicht verifiziert oder ohne Quellenangabe · %6 · Modell %7 · Manifest %8</translation>
    </message>
    <message>
        <source>each cell read its row&apos;s documents</source>
        <translation>jede Zelle las die Dokumente ihrer Zeile</translation>
    </message>
    <message>
        <source>each cell read the whole case</source>
        <translation>jede Zelle las die gesamte Akte</translation>
    </message>
    <message>
        <source> · about %1 s left</source>
        <translation> · noch etwa %1 s</translation>
    </message>
    <message>
        <source> · stopped: %1</source>
        <translation> · angehalten: %1</translation>
    </message>
    <message>
        <source>Run this cell again</source>
        <translation>Diese Zelle erneut ausführen</translation>
    </message>
    <message>
        <source>Run this column again</source>
        <translation>Diese Spalte erneut ausführen</translation>
    </message>
    <message>
        <source>Edit this cell…</source>
        <translation>Diese Zelle bearbeiten…</translation>
    </message>
    <message>
        <source>Edit cell</source>
        <translation>Zelle bearbeiten</translation>
    </message>
    <message>
        <source>%1 — %2
Your value is kept and marked as edited by you:</source>
        <translation>%1 — %2
Ihr Wert wird übernommen und als von Ihnen bearbeitet gekennzeichnet:</translation>
    </message>
    <message>
        <source>Export review</source>
        <translation>Auswertung exportieren</translation>
    </message>
</context>
<context>
    <name>SearchActions</name>
    <message>
        <source>Open a case first: the search reads the open case&apos;s pages.</source>
        <translation>Öffnen Sie zuerst eine Akte: Die Suche liest die Seiten der geöffneten Akte.</translation>
    </message>
    <message>
        <source>No page of this case matches %1.</source>
        <translation>Keine Seite dieser Akte passt zu %1.</translation>
    </message>
    <message>
        <source>Save as review set</source>
        <translation>Als Prüfmenge speichern</translation>
    </message>
    <message>
        <source>Name of the set (its documents are the ones this search finds):</source>
        <translation>Name der Menge (ihre Dokumente sind die, die diese Suche findet):</translation>
    </message>
    <message>
        <source>Saved “%1”: %2 document(s). Questions now read it.</source>
        <translation>„%1“ gespeichert: %2 Dokument(e). Fragen lesen jetzt diese Menge.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search this case: words, &quot;phrases&quot;, AND OR NOT, w/5, custodian: date: bates: …</source>
        <translation>Akte durchsuchen: Wörter, &quot;Phrasen&quot;, AND OR NOT, w/5, custodian: date: bates: …</translation>
    </message>
    <message>
        <source>Search every page of the case</source>
        <translation>Alle Seiten der Akte durchsuchen</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Textstelle</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Save as review set…</source>
        <translation>Als Prüfmenge speichern…</translation>
    </message>
    <message>
        <source>Every document this search finds, as a set questions can read</source>
        <translation>Jedes Dokument, das diese Suche findet, als Menge, die Fragen lesen können</translation>
    </message>
    <message>
        <source>Review set that questions read</source>
        <translation>Prüfmenge, die Fragen lesen</translation>
    </message>
    <message>
        <source>Questions read:</source>
        <translation>Fragen lesen:</translation>
    </message>
    <message numerus="yes">
        <source> (the best %n shown)</source>
        <translation>
            <numerusform> (die beste angezeigt)</numerusform>
            <numerusform> (die besten %n angezeigt)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>in %n Dokument</numerusform>
            <numerusform>in %n Dokumenten</numerusform>
        </translation>
    </message>
    <message>
        <source>the whole case</source>
        <translation>die ganze Akte</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Models on this computer</source>
        <translation>Modelle auf diesem Computer</translation>
    </message>
    <message>
        <source>%1 — window %2 tokens, %3 MiB, %4, sha256 %5…</source>
        <translation>%1 — Kontextfenster %2 Token, %3 MiB, %4, sha256 %5…</translation>
    </message>
    <message>
        <source>not qualified yet (python main.py eval --model %1)</source>
        <translation>noch nicht qualifiziert (python main.py eval --model %1)</translation>
    </message>
    <message>
        <source>No model is ready yet.</source>
        <translation>Noch ist kein Modell bereit.</translation>
    </message>
    <message>
        <source>%1 (not prepared yet)</source>
        <translation>%1 (noch nicht vorbereitet)</translation>
    </message>
    <message>
        <source>Answer with:</source>
        <translation>Antworten mit:</translation>
    </message>
    <message>
        <source>Qualify this model…</source>
        <translation>Dieses Modell qualifizieren…</translation>
    </message>
    <message>
        <source>Measure its answers on the generated legal and clinical suite (the standard size, a few minutes on a CPU); a stopped run resumes where it stopped</source>
        <translation>Misst seine Antworten mit der generierten juristischen und klinischen Testreihe (Standardumfang, auf einer CPU einige Minuten); ein angehaltener Lauf wird an derselben Stelle fortgesetzt</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Save signed report…</source>
        <translation>Signierten Bericht speichern…</translation>
    </message>
    <message>
        <source>The last run&apos;s report (PDF and JSON), signed with this vault&apos;s key; `python main.py eval --verify DIR` checks it</source>
        <translation>Der Bericht des letzten Laufs (PDF und JSON), signiert mit dem Schlüssel dieses Tresors; `python main.py eval --verify DIR` prüft ihn</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <source>Import a model folder…</source>
        <translation>Modellordner importieren…</translation>
    </message>
    <message>
        <source>From removable media: configuration, tokenizer and .safetensors files only, checked and hashed before use</source>
        <translation>Von Wechselmedien: nur Konfigurations-, Tokenizer- und .safetensors-Dateien, vor der Verwendung geprüft und gehasht</translation>
    </message>
    <message>
        <source>Where questions are answered</source>
        <translation>Wo Fragen beantwortet werden</translation>
    </message>
    <message>
        <source>On this computer (nothing leaves it)</source>
        <translation>Auf diesem Computer (nichts verlässt ihn)</translation>
    </message>
    <message>
        <source>The site&apos;s model server (OpenAI-compatible)</source>
        <translation>Modellserver der Einrichtung (OpenAI-kompatibel)</translation>
    </message>
    <message>
        <source>model name</source>
        <translation>Modellname</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Window (tokens):</source>
        <translation>Kontextfenster (Token):</translation>
    </message>
    <message>
        <source>Kept document caches</source>
        <translation>Aufbewahrte Dokument-Caches</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>Disk the caches may use in all (each case half of it); least recently used go first. Automatic: a fifth of the free disk.</source>
        <translation>Speicherplatz, den die Caches insgesamt belegen dürfen (jede Akte höchstens die Hälfte); die am längsten nicht verwendeten werden zuerst entfernt. Automatisch: ein Fünftel des freien Speicherplatzes.</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Alle leeren</translation>
    </message>
    <message>
        <source>The next question on each case reads its documents again</source>
        <translation>Die nächste Frage zu jeder Akte liest deren Dokumente erneut ein</translation>
    </message>
    <message>
        <source>Disk for caches:</source>
        <translation>Speicherplatz für Caches:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Installed: %1. Join several with +, e.g. eng+deu.</source>
        <translation>Installiert: %1. Mehrere mit + verbinden, z. B. eng+deu.</translation>
    </message>
    <message>
        <source>none (Tesseract is missing)</source>
        <translation>keine (Tesseract fehlt)</translation>
    </message>
    <message>
        <source>Fast (150 dpi)</source>
        <translation>Schnell (150 dpi)</translation>
    </message>
    <message>
        <source>Accurate (300 dpi: small print, poor scans)</source>
        <translation>Genau (300 dpi: kleine Schrift, schlechte Scans)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Systemeinstellung verwenden</translation>
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
        <source>The site&apos;s bar: a model counts as qualified for cases as long as those it answered this well in its last run</source>
        <translation>Die Schwelle der Einrichtung: Ein Modell gilt für Akten als qualifiziert, die nicht länger sind als die, bei denen es im letzten Lauf mindestens so gut geantwortet hat</translation>
    </message>
    <message>
        <source>Quote first, then answer</source>
        <translation>Erst zitieren, dann antworten</translation>
    </message>
    <message>
        <source>Free answer</source>
        <translation>Freie Antwort</translation>
    </message>
    <message>
        <source>Quote first: the model quotes the passages it relies on, then answers from them. Free: the answer alone. In both, on this computer, quotes are copied from the pages as they are written (the site&apos;s server: checked after).</source>
        <translation>Erst zitieren: Das Modell zitiert die Stellen, auf die es sich stützt, und antwortet dann daraus. Frei: nur die Antwort. In beiden Fällen werden Zitate auf diesem Computer beim Schreiben aus den Seiten kopiert (beim Server des Standorts: danach geprüft).</translation>
    </message>
    <message>
        <source>Answer style:</source>
        <translation>Antwortstil:</translation>
    </message>
    <message>
        <source>OCR languages:</source>
        <translation>OCR-Sprachen:</translation>
    </message>
    <message>
        <source>OCR:</source>
        <translation>OCR:</translation>
    </message>
    <message>
        <source>Lock after idle:</source>
        <translation>Sperren nach Inaktivität:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Design:</translation>
    </message>
    <message>
        <source>Qualifying accuracy:</source>
        <translation>Erforderliche Genauigkeit:</translation>
    </message>
    <message>
        <source>Takes effect the next time Casefile starts</source>
        <translation>Wird beim nächsten Start von Casefile wirksam</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Not known.</source>
        <translation>Unbekannt.</translation>
    </message>
    <message>
        <source>%1 kept, %2 MiB of a %3 MiB budget.</source>
        <translation>%1 aufbewahrt, %2 MiB von maximal %3 MiB.</translation>
    </message>
    <message>
        <source>(another vault&apos;s case)</source>
        <translation>(Akte eines anderen Tresors)</translation>
    </message>
    <message>
        <source>%1: %2 MiB%3</source>
        <translation>%1: %2 MiB%3</translation>
    </message>
    <message>
        <source>Connected: the server answers with that model.</source>
        <translation>Verbunden: Der Server antwortet mit diesem Modell.</translation>
    </message>
    <message>
        <source>Choose the model folder</source>
        <translation>Wählen Sie den Modellordner</translation>
    </message>
    <message>
        <source>, about %1 s left</source>
        <translation>, noch etwa %1 s</translation>
    </message>
    <message>
        <source>Copying and checking: %1 of %2 MiB%3</source>
        <translation>Kopieren und Prüfen: %1 von %2 MiB%3</translation>
    </message>
    <message>
        <source>Imported %1 (weights sha256 %2…).</source>
        <translation>%1 importiert (Gewichte sha256 %2…).</translation>
    </message>
    <message>
        <source>Qualifying: %1 of %2 questions answered%3…</source>
        <translation>Qualifizierung: %1 von %2 Fragen beantwortet%3…</translation>
    </message>
    <message>
        <source> (stopped: not recorded; Qualify again resumes it)</source>
        <translation> (angehalten: nicht gespeichert; erneutes Qualifizieren setzt den Lauf fort)</translation>
    </message>
    <message>
        <source>%1: accuracy %2 over %3 questions%4.</source>
        <translation>%1: Genauigkeit %2 bei %3 Fragen%4.</translation>
    </message>
    <message>
        <source>Choose a folder for the signed report</source>
        <translation>Wählen Sie einen Ordner für den signierten Bericht</translation>
    </message>
    <message>
        <source>Signed report saved: %1 (with report.pdf, report.sig and public_key.pem).</source>
        <translation>Signierter Bericht gespeichert: %1 (mit report.pdf, report.sig und public_key.pem).</translation>
    </message>
</context>
<context>
    <name>StagedOffer</name>
    <message>
        <source>The case does not fit the window</source>
        <translation>Die Akte passt nicht in das Kontextfenster</translation>
    </message>
    <message>
        <source>Casefile can answer in passes over window-sized parts of the case and combine them; the answer will say so. Or untick documents in the documents table to leave them out.</source>
        <translation>Casefile kann in mehreren Durchgängen über fenstergroße Teile der Akte antworten und die Ergebnisse zusammenführen; die Antwort weist darauf hin. Alternativ können Sie in der Dokumenttabelle Häkchen entfernen, um Dokumente auszulassen.</translation>
    </message>
    <message>
        <source>Answer in staged passes</source>
        <translation>In mehreren Durchgängen antworten</translation>
    </message>
</context>
<context>
    <name>TaskResults</name>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>the whole case, read at once</source>
        <translation>die gesamte Akte, in einem Durchgang gelesen</translation>
    </message>
    <message>
        <source>%1 rows: %2 verified on their page, %3 not verified or uncited · %4 · model %5 · manifest %6</source>
        <translation>%1 Zeilen: %2 auf ihrer Seite verifiziert, %3 nicht verifiziert oder ohne Quellenangabe · %4 · Modell %5 · Manifest %6</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export DOCX…</source>
        <translation>Als DOCX exportieren…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Als PDF exportieren…</translation>
    </message>
    <message>
        <source>Export task result</source>
        <translation>Aufgabenergebnis exportieren</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Casefile</source>
        <translation>Casefile entsperren</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Wird entsperrt…</translation>
    </message>
</context>
</TS>

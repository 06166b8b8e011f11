<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Clear</source>
        <translation>[Çļéåŕ ~]</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>[Çĥöîçéš ~]</translation>
    </message>
</context>
<context>
    <name>AskActions</name>
    <message>
        <source>Casefile is still working (reading files, answering, or a review): your question is kept in the box; ask it when the work is done, or press Stop.</source>
        <translation>[Çåšéƒîļé îš šţîļļ ŵöŕķîñĝ (ŕéåðîñĝ ƒîļéš, åñšŵéŕîñĝ, öŕ å ŕéṽîéŵ): ýöûŕ ǫûéšţîöñ îš ķéþţ îñ ţĥé ƀöẋ; åšķ îţ ŵĥéñ ţĥé ŵöŕķ îš ðöñé, öŕ þŕéšš Šţöþ. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>[Šţåŕţîñĝ… ~]</translation>
    </message>
    <message>
        <source>Starting the model…</source>
        <translation>[Šţåŕţîñĝ ţĥé ɱöðéļ… ~~~~~]</translation>
    </message>
    <message>
        <source>Answered · %1</source>
        <translation>[Åñšŵéŕéð · %1 ~~~]</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>[Šţöþþéð. ~]</translation>
    </message>
    <message>
        <source>Model stopped</source>
        <translation>[Ṁöðéļ šţöþþéð ~~~]</translation>
    </message>
    <message>
        <source>Model not started</source>
        <translation>[Ṁöðéļ ñöţ šţåŕţéð ~~~~]</translation>
    </message>
    <message>
        <source>The model will start again with the next question.</source>
        <translation>[Ţĥé ɱöðéļ ŵîļļ šţåŕţ åĝåîñ ŵîţĥ ţĥé ñéẋţ ǫûéšţîöñ. ~~~~~~~~~~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Audit log</source>
        <translation>[Åûðîţ ļöĝ ~]</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>[Ṽéŕîƒý çĥåîñ ~~]</translation>
    </message>
    <message>
        <source>Export signed report…</source>
        <translation>[Éẋþöŕţ šîĝñéð ŕéþöŕţ… ~~~~~~]</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>[Çåšé ~]</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>[Åçţîöñ ~]</translation>
    </message>
    <message>
        <source>From</source>
        <translation>[Ƒŕöɱ ~]</translation>
    </message>
    <message>
        <source>to</source>
        <translation>[ţö ~]</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>[Åļļ çåšéš ~]</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>[Åļļ åçţîöñš ~~]</translation>
    </message>
    <message>
        <source>%1 of %2 events shown</source>
        <translation>[%1 öƒ %2 éṽéñţš šĥöŵñ ~~~~~~]</translation>
    </message>
    <message>
        <source> (the newest %1 of %2 that match)</source>
        <translation> [(ţĥé ñéŵéšţ %1 öƒ %2 ţĥåţ ɱåţçĥ) ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Audit log — %1</source>
        <translation>[Åûðîţ ļöĝ — %1 ~~~]</translation>
    </message>
    <message>
        <source>Chain verified: %1 events, every hash, link and HMAC intact.</source>
        <translation>[Çĥåîñ ṽéŕîƒîéð: %1 éṽéñţš, éṽéŕý ĥåšĥ, ļîñķ åñð ĤṀÅÇ îñţåçţ. ~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Chain BROKEN at event %1: %2</source>
        <translation>[Çĥåîñ ƁŔÖĶÉÑ åţ éṽéñţ %1: %2 ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Exported %1 events to %2. Signing key fingerprint: %3</source>
        <translation>[Éẋþöŕţéð %1 éṽéñţš ţö %2. Šîĝñîñĝ ķéý ƒîñĝéŕþŕîñţ: %3 ~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Choose an empty folder for the audit export</source>
        <translation>[Çĥööšé åñ éɱþţý ƒöļðéŕ ƒöŕ ţĥé åûðîţ éẋþöŕţ ~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>[Ðéţåîļš ~]</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>[Öûţçöɱé ~]</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>[Šéǫ ~]</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>[Ţîɱé (ÛŢÇ) ~]</translation>
    </message>
    <message>
        <source>User</source>
        <translation>[Ûšéŕ ~]</translation>
    </message>
</context>
<context>
    <name>BatesSearch</name>
    <message>
        <source>Choose a case first: Bates numbers are looked up in the open case.</source>
        <translation>[Çĥööšé å çåšé ƒîŕšţ: Ɓåţéš ñûɱƀéŕš åŕé ļööķéð ûþ îñ ţĥé öþéñ çåšé. ~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>No page of this case has Bates %1.</source>
        <translation>[Ñö þåĝé öƒ ţĥîš çåšé ĥåš Ɓåţéš %1. ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>%1: opened.</source>
        <translation>[%1: öþéñéð. ~~]</translation>
    </message>
    <message>
        <source>%1 page(s) of %2 document(s) in %3–%4; opened %5.</source>
        <translation>[%1 þåĝé(š) öƒ %2 ðöçûɱéñţ(š) îñ %3–%4; öþéñéð %5. ~~~~~~~~~~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>CaseMenus</name>
    <message>
        <source>Chronology</source>
        <translation>[Çĥŕöñöļöĝý ~]</translation>
    </message>
    <message>
        <source>dated events, oldest first</source>
        <translation>[ðåţéð éṽéñţš, öļðéšţ ƒîŕšţ ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Document summaries</source>
        <translation>[Ðöçûɱéñţ šûɱɱåŕîéš ~~~~~]</translation>
    </message>
    <message>
        <source>two or three sentences per document</source>
        <translation>[ţŵö öŕ ţĥŕéé šéñţéñçéš þéŕ ðöçûɱéñţ ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>People and organisations</source>
        <translation>[Þéöþļé åñð öŕĝåñîšåţîöñš ~~~~~~~]</translation>
    </message>
    <message>
        <source>who appears, and in what role</source>
        <translation>[ŵĥö åþþéåŕš, åñð îñ ŵĥåţ ŕöļé ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Inconsistencies</source>
        <translation>[Îñçöñšîšţéñçîéš ~~~]</translation>
    </message>
    <message>
        <source>where documents disagree</source>
        <translation>[ŵĥéŕé ðöçûɱéñţš ðîšåĝŕéé ~~~~~~~]</translation>
    </message>
    <message>
        <source>Medication list</source>
        <translation>[Ṁéðîçåţîöñ ļîšţ ~~~]</translation>
    </message>
    <message>
        <source>medicines, doses, status</source>
        <translation>[ɱéðîçîñéš, ðöšéš, šţåţûš ~~~~~~~]</translation>
    </message>
    <message>
        <source>Deposition digest</source>
        <translation>[Ðéþöšîţîöñ ðîĝéšţ ~~~~]</translation>
    </message>
    <message>
        <source>testimony by topic, cited by page and line</source>
        <translation>[ţéšţîɱöñý ƀý ţöþîç, çîţéð ƀý þåĝé åñð ļîñé ~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Medical chronology</source>
        <translation>[Ṁéðîçåļ çĥŕöñöļöĝý ~~~~~]</translation>
    </message>
    <message>
        <source>encounters by date of service; gaps and missing records flagged</source>
        <translation>[éñçöûñţéŕš ƀý ðåţé öƒ šéŕṽîçé; ĝåþš åñð ɱîššîñĝ ŕéçöŕðš ƒļåĝĝéð ~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Privilege log (draft)</source>
        <translation>[Þŕîṽîļéĝé ļöĝ (ðŕåƒţ) ~~~~~~]</translation>
    </message>
    <message>
        <source>each document's privilege claim and basis, for attorney review</source>
        <translation>[éåçĥ ðöçûɱéñţ'š þŕîṽîļéĝé çļåîɱ åñð ƀåšîš, ƒöŕ åţţöŕñéý ŕéṽîéŵ ~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Problem list</source>
        <translation>[Þŕöƀļéɱ ļîšţ ~~]</translation>
    </message>
    <message>
        <source>diagnoses and conditions, status</source>
        <translation>[ðîåĝñöšéš åñð çöñðîţîöñš, šţåţûš ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>[&amp;Çåšé ~]</translation>
    </message>
    <message>
        <source>Add documents…</source>
        <translation>[Åðð ðöçûɱéñţš… ~~~]</translation>
    </message>
    <message>
        <source>Export chat as PDF…</source>
        <translation>[Éẋþöŕţ çĥåţ åš ÞÐƑ… ~~~~~]</translation>
    </message>
    <message>
        <source>Export chat as DOCX…</source>
        <translation>[Éẋþöŕţ çĥåţ åš ÐÖÇẊ… ~~~~~]</translation>
    </message>
    <message>
        <source>Audit log…</source>
        <translation>[Åûðîţ ļöĝ… ~]</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>[Šéţţîñĝš… ~]</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>[Ļöçķ ~]</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>[&amp;Ţåšķš ~]</translation>
    </message>
    <message>
        <source>Choose a case first.</source>
        <translation>[Çĥööšé å çåšé ƒîŕšţ. ~~~~~]</translation>
    </message>
    <message>
        <source>Running the task over the whole case…</source>
        <translation>[Ŕûññîñĝ ţĥé ţåšķ öṽéŕ ţĥé ŵĥöļé çåšé… ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Task: %1 of %2 prompts done…</source>
        <translation>[Ţåšķ: %1 öƒ %2 þŕöɱþţš ðöñé… ~~~~~~~~~]</translation>
    </message>
    <message numerus="yes">
        <source>Task finished: %n row(s).</source>
        <translation>
            <numerusform>[Ţåšķ ƒîñîšĥéð: %n ŕöŵ(š). ~~~~~~~]</numerusform>
            <numerusform>[Ţåšķ ƒîñîšĥéð: %n ŕöŵ(š). ~~~~~~~]</numerusform>
        </translation>
    </message>
    <message>
        <source>Ask a question first: there is no chat to export.</source>
        <translation>[Åšķ å ǫûéšţîöñ ƒîŕšţ: ţĥéŕé îš ñö çĥåţ ţö éẋþöŕţ. ~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>[Éẋþöŕţ çĥåţ ~~]</translation>
    </message>
    <message>
        <source>Exported to %1 (sha256 %2…)</source>
        <translation>[Éẋþöŕţéð ţö %1 (šĥå256 %2…) ~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>CasesPanel</name>
    <message>
        <source>Search cases…</source>
        <translation>[Šéåŕçĥ çåšéš… ~~~]</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>[Ñéŵ çåšé… ~]</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>[Ŕéñåɱé… ~]</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>[Ðéļéţé… ~]</translation>
    </message>
    <message>
        <source>No cases yet. A case holds one matter's or one patient's documents; every question reads all of them.

Start with the demo case (three fictional documents) to see an answer cited and checked, or make a case of your own with “New case…”.</source>
        <translation>[Ñö çåšéš ýéţ. Å çåšé ĥöļðš öñé ɱåţţéŕ'š öŕ öñé þåţîéñţ'š ðöçûɱéñţš; éṽéŕý ǫûéšţîöñ ŕéåðš åļļ öƒ ţĥéɱ.

Šţåŕţ ŵîţĥ ţĥé ðéɱö çåšé (ţĥŕéé ƒîçţîöñåļ ðöçûɱéñţš) ţö šéé åñ åñšŵéŕ çîţéð åñð çĥéçķéð, öŕ ɱåķé å çåšé öƒ ýöûŕ öŵñ ŵîţĥ “Ñéŵ çåšé…”. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Open the demo case</source>
        <translation>[Öþéñ ţĥé ðéɱö çåšé ~~~~~]</translation>
    </message>
    <message>
        <source>A supply agreement, a letter and a clinic note, all fictional</source>
        <translation>[Å šûþþļý åĝŕééɱéñţ, å ļéţţéŕ åñð å çļîñîç ñöţé, åļļ ƒîçţîöñåļ ~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>[Çåšéš ~]</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>[Šéåŕçĥ çåšéš ~~]</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>[%n ðöçûɱéñţ(š) ~~~]</numerusform>
            <numerusform>[%n ðöçûɱéñţ(š) ~~~]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>[%n þåĝé(š) ~]</numerusform>
            <numerusform>[%n þåĝé(š) ~]</numerusform>
        </translation>
    </message>
    <message>
        <source>New case</source>
        <translation>[Ñéŵ çåšé ~]</translation>
    </message>
    <message>
        <source>Case name:</source>
        <translation>[Çåšé ñåɱé: ~]</translation>
    </message>
    <message>
        <source>Rename case</source>
        <translation>[Ŕéñåɱé çåšé ~~]</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>[Ñéŵ ñåɱé: ~]</translation>
    </message>
    <message>
        <source>Delete case</source>
        <translation>[Ðéļéţé çåšé ~~]</translation>
    </message>
    <message>
        <source>Delete “%1” for good? Its %2 document(s), %3 page(s), chats and task results are removed from the vault; the audit log keeps a record of the deletion. This cannot be undone.</source>
        <translation>[Ðéļéţé “%1” ƒöŕ ĝööð? Îţš %2 ðöçûɱéñţ(š), %3 þåĝé(š), çĥåţš åñð ţåšķ ŕéšûļţš åŕé ŕéɱöṽéð ƒŕöɱ ţĥé ṽåûļţ; ţĥé åûðîţ ļöĝ ķééþš å ŕéçöŕð öƒ ţĥé ðéļéţîöñ. Ţĥîš çåññöţ ƀé ûñðöñé. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>ChatPanel</name>
    <message>
        <source>Ask a question about the whole case…</source>
        <translation>[Åšķ å ǫûéšţîöñ åƀöûţ ţĥé ŵĥöļé çåšé… ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>[Åšķ ~]</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>[Šţöþ ~]</translation>
    </message>
    <message>
        <source>The conversation appears here. Every answer cites its document and page; a ✓ means the quoted words were found on that page. Click a citation to see the page.</source>
        <translation>[Ţĥé çöñṽéŕšåţîöñ åþþéåŕš ĥéŕé. Éṽéŕý åñšŵéŕ çîţéš îţš ðöçûɱéñţ åñð þåĝé; å ✓ ɱéåñš ţĥé ǫûöţéð ŵöŕðš ŵéŕé ƒöûñð öñ ţĥåţ þåĝé. Çļîçķ å çîţåţîöñ ţö šéé ţĥé þåĝé. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>The last answer's citations, each with its check: ✓ found on the page, ≠ the page says something else, ✗ not found.</source>
        <translation>[Ţĥé ļåšţ åñšŵéŕ'š çîţåţîöñš, éåçĥ ŵîţĥ îţš çĥéçķ: ✓ ƒöûñð öñ ţĥé þåĝé, ≠ ţĥé þåĝé šåýš šöɱéţĥîñĝ éļšé, ✗ ñöţ ƒöûñð. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation>[Çöþý åñšŵéŕ ~~]</translation>
    </message>
    <message>
        <source>Copy chat</source>
        <translation>[Çöþý çĥåţ ~]</translation>
    </message>
    <message>
        <source>Chats of this case</source>
        <translation>[Çĥåţš öƒ ţĥîš çåšé ~~~~~]</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>[Ǫûéšţîöñ ~]</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>[Çöñṽéŕšåţîöñ ~~]</translation>
    </message>
    <message>
        <source>Citations of the last answer</source>
        <translation>[Çîţåţîöñš öƒ ţĥé ļåšţ åñšŵéŕ ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Progress of the answer</source>
        <translation>[Þŕöĝŕéšš öƒ ţĥé åñšŵéŕ ~~~~~~]</translation>
    </message>
    <message>
        <source>Writing the answer…</source>
        <translation>[Ŵŕîţîñĝ ţĥé åñšŵéŕ… ~~~~~]</translation>
    </message>
    <message>
        <source>Starting the model…</source>
        <translation>[Šţåŕţîñĝ ţĥé ɱöðéļ… ~~~~~]</translation>
    </message>
    <message>
        <source>Combining the %1 partial answers…</source>
        <translation>[Çöɱƀîñîñĝ ţĥé %1 þåŕţîåļ åñšŵéŕš… ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source> · about %1 s left</source>
        <translation> [· åƀöûţ %1 š ļéƒţ ~~~~]</translation>
    </message>
    <message>
        <source> · %1 tokens/s</source>
        <translation> [· %1 ţöķéñš/š ~~~]</translation>
    </message>
    <message>
        <source>reading %1 of %2 tokens%3%4</source>
        <translation>[ŕéåðîñĝ %1 öƒ %2 ţöķéñš%3%4 ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Pass %1 of %2: %3</source>
        <translation>[Þåšš %1 öƒ %2: %3 ~~~~]</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>[šţåŕţîñĝ… ~]</translation>
    </message>
    <message>
        <source>Reading the case: %1</source>
        <translation>[Ŕéåðîñĝ ţĥé çåšé: %1 ~~~~~]</translation>
    </message>
    <message>
        <source>(not in this case)</source>
        <translation>[(ñöţ îñ ţĥîš çåšé) ~~~~~]</translation>
    </message>
    <message>
        <source>No citations: this answer is not tied to any page and was not verified.</source>
        <translation>[Ñö çîţåţîöñš: ţĥîš åñšŵéŕ îš ñöţ ţîéð ţö åñý þåĝé åñð ŵåš ñöţ ṽéŕîƒîéð. ~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Not cited by the model; Casefile found its figures on: </source>
        <translation>[Ñöţ çîţéð ƀý ţĥé ɱöðéļ; Çåšéƒîļé ƒöûñð îţš ƒîĝûŕéš öñ: ~~~~~~~~~~~~~~~~~~~] </translation>
    </message>
    <message>
        <source>Quotes copied from the pages as the answer was written</source>
        <translation>[Ǫûöţéš çöþîéð ƒŕöɱ ţĥé þåĝéš åš ţĥé åñšŵéŕ ŵåš ŵŕîţţéñ ~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Quotes checked against the pages after the answer</source>
        <translation>[Ǫûöţéš çĥéçķéð åĝåîñšţ ţĥé þåĝéš åƒţéŕ ţĥé åñšŵéŕ ~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Quotes checked against the pages after the answer: the model server cannot copy them by construction</source>
        <translation>[Ǫûöţéš çĥéçķéð åĝåîñšţ ţĥé þåĝéš åƒţéŕ ţĥé åñšŵéŕ: ţĥé ɱöðéļ šéŕṽéŕ çåññöţ çöþý ţĥéɱ ƀý çöñšţŕûçţîöñ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Not found in the documents: %1</source>
        <translation>[Ñöţ ƒöûñð îñ ţĥé ðöçûɱéñţš: %1 ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Not found in the cited pages: %1</source>
        <translation>[Ñöţ ƒöûñð îñ ţĥé çîţéð þåĝéš: %1 ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>stopped by you</source>
        <translation>[šţöþþéð ƀý ýöû ~~~]</translation>
    </message>
    <message>
        <source>stopped at the length limit</source>
        <translation>[šţöþþéð åţ ţĥé ļéñĝţĥ ļîɱîţ ~~~~~~~~]</translation>
    </message>
    <message>
        <source>stopped: the model repeated itself</source>
        <translation>[šţöþþéð: ţĥé ɱöðéļ ŕéþéåţéð îţšéļƒ ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>first token %1 s</source>
        <translation>[ƒîŕšţ ţöķéñ %1 š ~~~~]</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>[%1 ţöķéñš/š ~~]</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>[Ñéŵ çĥåţ ~]</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>[%n ǫûéšţîöñ(š) ~~~]</numerusform>
            <numerusform>[%n ǫûéšţîöñ(š) ~~~]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CiteCheckActions</name>
    <message>
        <source>Check a brief's quotations…</source>
        <translation>[Çĥéçķ å ƀŕîéƒ'š ǫûöţåţîöñš… ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Choose a case first.</source>
        <translation>[Çĥööšé å çåšé ƒîŕšţ. ~~~~~]</translation>
    </message>
    <message>
        <source>Choose the brief to check</source>
        <translation>[Çĥööšé ţĥé ƀŕîéƒ ţö çĥéçķ ~~~~~~~]</translation>
    </message>
    <message>
        <source>Checking the brief's quotations against the record…</source>
        <translation>[Çĥéçķîñĝ ţĥé ƀŕîéƒ'š ǫûöţåţîöñš åĝåîñšţ ţĥé ŕéçöŕð… ~~~~~~~~~~~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>CiteCheckWindow</name>
    <message>
        <source>Cite-check: %1</source>
        <translation>[Çîţé-çĥéçķ: %1 ~~~]</translation>
    </message>
    <message>
        <source>Quotation</source>
        <translation>[Ǫûöţåţîöñ ~]</translation>
    </message>
    <message>
        <source>Cited as</source>
        <translation>[Çîţéð åš ~]</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>[Ŕéçöŕð ~]</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>[Çĥéçķ ~]</translation>
    </message>
    <message>
        <source>%1 quotation(s) with a record citation: %2 verified, %3 not.</source>
        <translation>[%1 ǫûöţåţîöñ(š) ŵîţĥ å ŕéçöŕð çîţåţîöñ: %2 ṽéŕîƒîéð, %3 ñöţ. ~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Export DOCX…</source>
        <translation>[Éẋþöŕţ ÐÖÇẊ… ~~]</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>[Éẋþöŕţ ÞÐƑ… ~~]</translation>
    </message>
    <message>
        <source>Export the cite-check</source>
        <translation>[Éẋþöŕţ ţĥé çîţé-çĥéçķ ~~~~~~]</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Add documents…</source>
        <translation>[Åðð ðöçûɱéñţš… ~~~]</translation>
    </message>
    <message>
        <source>Or drop files and folders here (Ctrl+O)</source>
        <translation>[Öŕ ðŕöþ ƒîļéš åñð ƒöļðéŕš ĥéŕé (Çţŕļ+Ö) ~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>[Çåñçéļ ~]</translation>
    </message>
    <message>
        <source>Go to Bates: ABC0001234 or ABC0001230-1240</source>
        <translation>[Ĝö ţö Ɓåţéš: ÅƁÇ0001234 öŕ ÅƁÇ0001230-1240 ~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>[Ðöçûɱéñţš ~]</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>[Îð ~]</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>[Ñåɱé ~]</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>[Ţýþé ~]</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>[Þåĝéš ~]</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>[Ţöķéñš ~]</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>[Šţåţûš ~]</translation>
    </message>
    <message>
        <source>Untick a document to leave it out of questions</source>
        <translation>[Ûñţîçķ å ðöçûɱéñţ ţö ļéåṽé îţ öûţ öƒ ǫûéšţîöñš ~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Go to a Bates number</source>
        <translation>[Ĝö ţö å Ɓåţéš ñûɱƀéŕ ~~~~~]</translation>
    </message>
    <message>
        <source>Progress of adding documents</source>
        <translation>[Þŕöĝŕéšš öƒ åððîñĝ ðöçûɱéñţš ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Share of the model's window the case fills</source>
        <translation>[Šĥåŕé öƒ ţĥé ɱöðéļ'š ŵîñðöŵ ţĥé çåšé ƒîļļš ~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Casefile reads: %1, and production volumes (load files with their images and text).
Scanned pages are read by OCR; every page ends up with its text or a status that says why not.</source>
        <translation>[Çåšéƒîļé ŕéåðš: %1, åñð þŕöðûçţîöñ ṽöļûɱéš (ļöåð ƒîļéš ŵîţĥ ţĥéîŕ îɱåĝéš åñð ţéẋţ).
Šçåññéð þåĝéš åŕé ŕéåð ƀý ÖÇŔ; éṽéŕý þåĝé éñðš ûþ ŵîţĥ îţš ţéẋţ öŕ å šţåţûš ţĥåţ šåýš ŵĥý ñöţ. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Add documents</source>
        <translation>[Åðð ðöçûɱéñţš ~~~]</translation>
    </message>
    <message>
        <source>Documents Casefile reads (%1)</source>
        <translation>[Ðöçûɱéñţš Çåšéƒîļé ŕéåðš (%1) ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Production load files (*.dat *.opt *.lfp)</source>
        <translation>[Þŕöðûçţîöñ ļöåð ƒîļéš (*.ðåţ *.öþţ *.ļƒþ) ~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>[Åļļ ƒîļéš (*) ~~~]</translation>
    </message>
    <message>
        <source>Drop files or folders here, or press “Add documents…”.</source>
        <translation>[Ðŕöþ ƒîļéš öŕ ƒöļðéŕš ĥéŕé, öŕ þŕéšš “Åðð ðöçûɱéñţš…”. ~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Open a case on the left (or make one) to add its documents.</source>
        <translation>[Öþéñ å çåšé öñ ţĥé ļéƒţ (öŕ ɱåķé öñé) ţö åðð îţš ðöçûɱéñţš. ~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Ticked: questions read this document</source>
        <translation>[Ţîçķéð: ǫûéšţîöñš ŕéåð ţĥîš ðöçûɱéñţ ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>added</source>
        <translation>[åððéð ~]</translation>
    </message>
    <message>
        <source> Left out by choice: %1.</source>
        <translation> [Ļéƒţ öûţ ƀý çĥöîçé: %1. ~~~~~~~]</translation>
    </message>
    <message>
        <source>%1 of %2 tokens · pages %3 in, %4 out%5%6. %7%8</source>
        <translation>[%1 öƒ %2 ţöķéñš · þåĝéš %3 îñ, %4 öûţ%5%6. %7%8 ~~~~~~~~~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Welcome to Casefile</source>
        <translation>[Ŵéļçöɱé ţö Çåšéƒîļé ~~~~~]</translation>
    </message>
    <message>
        <source>Everything you add to Casefile — documents, chats, results — is kept in an encrypted vault on this computer. Choose a passphrase to open it. Nobody, not even us, can open the vault without it or the recovery key you get next.</source>
        <translation>[Éṽéŕýţĥîñĝ ýöû åðð ţö Çåšéƒîļé — ðöçûɱéñţš, çĥåţš, ŕéšûļţš — îš ķéþţ îñ åñ éñçŕýþţéð ṽåûļţ öñ ţĥîš çöɱþûţéŕ. Çĥööšé å þåššþĥŕåšé ţö öþéñ îţ. Ñöƀöðý, ñöţ éṽéñ ûš, çåñ öþéñ ţĥé ṽåûļţ ŵîţĥöûţ îţ öŕ ţĥé ŕéçöṽéŕý ķéý ýöû ĝéţ ñéẋţ. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>[Çŕéåţé ţĥé ṽåûļţ ~~~~]</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>[Þåššþĥŕåšé: ~~]</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>[Ŕéþéåţ: ~]</translation>
    </message>
    <message>
        <source>Also unlock with this computer's login keyring (%1)</source>
        <translation>[Åļšö ûñļöçķ ŵîţĥ ţĥîš çöɱþûţéŕ'š ļöĝîñ ķéýŕîñĝ (%1) ~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>[Šţŕöñĝ. ~]</translation>
    </message>
    <message>
        <source>Fair: a few more words would make it strong.</source>
        <translation>[Ƒåîŕ: å ƒéŵ ɱöŕé ŵöŕðš ŵöûļð ɱåķé îţ šţŕöñĝ. ~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Weak: four or more unrelated words are easy to remember and hard to guess.</source>
        <translation>[Ŵéåķ: ƒöûŕ öŕ ɱöŕé ûñŕéļåţéð ŵöŕðš åŕé éåšý ţö ŕéɱéɱƀéŕ åñð ĥåŕð ţö ĝûéšš. ~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Too short: use at least %1 characters.</source>
        <translation>[Ţöö šĥöŕţ: ûšé åţ ļéåšţ %1 çĥåŕåçţéŕš. ~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>[Ţĥé ţŵö þåššþĥŕåšéš ðîƒƒéŕ. ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation>[Çŕéåţîñĝ ţĥé ṽåûļţ… ~~~~~]</translation>
    </message>
    <message>
        <source>This is your recovery key. It opens the vault if the passphrase is lost. It is shown only this once: print it or save it, and keep it somewhere safe, apart from this computer.</source>
        <translation>[Ţĥîš îš ýöûŕ ŕéçöṽéŕý ķéý. Îţ öþéñš ţĥé ṽåûļţ îƒ ţĥé þåššþĥŕåšé îš ļöšţ. Îţ îš šĥöŵñ öñļý ţĥîš öñçé: þŕîñţ îţ öŕ šåṽé îţ, åñð ķééþ îţ šöɱéŵĥéŕé šåƒé, åþåŕţ ƒŕöɱ ţĥîš çöɱþûţéŕ. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>[Ŕéçöṽéŕý ķéý ~~]</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>[Þŕîñţ… ~]</translation>
    </message>
    <message>
        <source>Save as PDF to print…</source>
        <translation>[Šåṽé åš ÞÐƑ ţö þŕîñţ… ~~~~~~]</translation>
    </message>
    <message>
        <source>Type the key's last group to confirm</source>
        <translation>[Ţýþé ţĥé ķéý'š ļåšţ ĝŕöûþ ţö çöñƒîŕɱ ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>I have kept it safe — continue</source>
        <translation>[Î ĥåṽé ķéþţ îţ šåƒé — çöñţîñûé ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Casefile recovery key

Vault %1

%2

It opens the vault if the passphrase is lost. Keep it somewhere safe, apart from the computer.</source>
        <translation>[Çåšéƒîļé ŕéçöṽéŕý ķéý

Ṽåûļţ %1

%2

Îţ öþéñš ţĥé ṽåûļţ îƒ ţĥé þåššþĥŕåšé îš ļöšţ. Ķééþ îţ šöɱéŵĥéŕé šåƒé, åþåŕţ ƒŕöɱ ţĥé çöɱþûţéŕ. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>[Šéñţ ţö ţĥé þŕîñţéŕ. ~~~~~]</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>[Šåṽé ţĥé ŕéçöṽéŕý ķéý ~~~~~~]</translation>
    </message>
    <message>
        <source>Could not save it: %1</source>
        <translation>[Çöûļð ñöţ šåṽé îţ: %1 ~~~~~~]</translation>
    </message>
    <message>
        <source>Saved to %1. Print it, then move the file off this computer.</source>
        <translation>[Šåṽéð ţö %1. Þŕîñţ îţ, ţĥéñ ɱöṽé ţĥé ƒîļé öƒƒ ţĥîš çöɱþûţéŕ. ~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Open Casefile</source>
        <translation>[Öþéñ Çåšéƒîļé ~~~]</translation>
    </message>
    <message>
        <source>Preparing the built-in model (SmolLM2-135M-Instruct) for its first use — about 30 seconds, once. A larger model can be imported later from Settings.</source>
        <translation>[Þŕéþåŕîñĝ ţĥé ƀûîļţ-îñ ɱöðéļ (ŠɱöļĻṀ2-135Ṁ-Îñšţŕûçţ) ƒöŕ îţš ƒîŕšţ ûšé — åƀöûţ 30 šéçöñðš, öñçé. Å ļåŕĝéŕ ɱöðéļ çåñ ƀé îɱþöŕţéð ļåţéŕ ƒŕöɱ Šéţţîñĝš. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>You can still open Casefile and add documents; questions need a model.</source>
        <translation>[Ýöû çåñ šţîļļ öþéñ Çåšéƒîļé åñð åðð ðöçûɱéñţš; ǫûéšţîöñš ñééð å ɱöðéļ. ~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>The model is ready.</source>
        <translation>[Ţĥé ɱöðéļ îš ŕéåðý. ~~~~~]</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Go to a Bates number</source>
        <translation>[Ĝö ţö å Ɓåţéš ñûɱƀéŕ ~~~~~]</translation>
    </message>
    <message>
        <source>Ask the question in the box</source>
        <translation>[Åšķ ţĥé ǫûéšţîöñ îñ ţĥé ƀöẋ ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>[Šţöþ ţĥé åñšŵéŕ ~~~]</translation>
    </message>
    <message>
        <source>Find on the page (page viewer)</source>
        <translation>[Ƒîñð öñ ţĥé þåĝé (þåĝé ṽîéŵéŕ) ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Search every page of the case</source>
        <translation>[Šéåŕçĥ éṽéŕý þåĝé öƒ ţĥé çåšé ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Quit Casefile</source>
        <translation>[Ǫûîţ Çåšéƒîļé ~~~]</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>[&amp;Ĥéļþ ~]</translation>
    </message>
    <message>
        <source>About Casefile</source>
        <translation>[Åƀöûţ Çåšéƒîļé ~~~]</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>[Ķéýƀöåŕð šĥöŕţçûţš ~~~~~]</translation>
    </message>
    <message>
        <source>Open the demo case</source>
        <translation>[Öþéñ ţĥé ðéɱö çåšé ~~~~~]</translation>
    </message>
    <message>
        <source>&lt;p&gt;Licence: %1. Everything stays on this computer.&lt;/p&gt;&lt;p&gt;Data folder (the vault, its keys and the audit log): %2&lt;br/&gt;Model store: %3&lt;/p&gt;</source>
        <translation>[&lt;p&gt;Ļîçéñçé: %1. Éṽéŕýţĥîñĝ šţåýš öñ ţĥîš çöɱþûţéŕ.&lt;/p&gt;&lt;p&gt;Ðåţå ƒöļðéŕ (ţĥé ṽåûļţ, îţš ķéýš åñð ţĥé åûðîţ ļöĝ): %2&lt;br/&gt;Ṁöðéļ šţöŕé: %3&lt;/p&gt; ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Third-party parts</source>
        <translation>[Ţĥîŕð-þåŕţý þåŕţš ~~~~]</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>[Þåŕţ ~]</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>[Ṽéŕšîöñ ~]</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>[Ļîçéñçé ~]</translation>
    </message>
</context>
<context>
    <name>IngestActions</name>
    <message numerus="yes">
        <source>Reading %n item(s)…</source>
        <translation>
            <numerusform>[Ŕéåðîñĝ %n îţéɱ(š)… ~~~~~]</numerusform>
            <numerusform>[Ŕéåðîñĝ %n îţéɱ(š)… ~~~~~]</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>[Šţöþþîñĝ åƒţéŕ ţĥé çûŕŕéñţ ƒîļé… ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>, about %1 s left</source>
        <translation>[, åƀöûţ %1 š ļéƒţ ~~~~]</translation>
    </message>
    <message>
        <source>Reading scanned pages (OCR)</source>
        <translation>[Ŕéåðîñĝ šçåññéð þåĝéš (ÖÇŔ) ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>[Ŕéåðîñĝ ~]</translation>
    </message>
    <message>
        <source>%1: file %2 of %3, %4 pages at %5 pages/s%6</source>
        <translation>[%1: ƒîļé %2 öƒ %3, %4 þåĝéš åţ %5 þåĝéš/š%6 ~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>%1 added, %2 already in the case, %3 not added</source>
        <translation>[%1 åððéð, %2 åļŕéåðý îñ ţĥé çåšé, %3 ñöţ åððéð ~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> [(çåñçéļļéð) ~~]</translation>
    </message>
    <message>
        <source>Not added: %1 — %2</source>
        <translation>[Ñöţ åððéð: %1 — %2 ~~~~~]</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>[Þåššŵöŕð ñééðéð ~~~]</translation>
    </message>
    <message>
        <source>%1 PDF(s) are protected by a password (%2).
Enter the password to read them (it is used for this once and not stored):</source>
        <translation>[%1 ÞÐƑ(š) åŕé þŕöţéçţéð ƀý å þåššŵöŕð (%2).
Éñţéŕ ţĥé þåššŵöŕð ţö ŕéåð ţĥéɱ (îţ îš ûšéð ƒöŕ ţĥîš öñçé åñð ñöţ šţöŕéð): ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Casefile is locked</source>
        <translation>[Çåšéƒîļé îš ļöçķéð ~~~~~]</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>[Þåššþĥŕåšé ~]</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>[Ûñļöçķ ~]</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>[Ûñļöçķîñĝ… ~]</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Restart the model</source>
        <translation>[Ŕéšţåŕţ ţĥé ɱöðéļ ~~~~]</translation>
    </message>
    <message>
        <source>Model not started</source>
        <translation>[Ṁöðéļ ñöţ šţåŕţéð ~~~~]</translation>
    </message>
    <message>
        <source>Adding the demo case's documents…</source>
        <translation>[Åððîñĝ ţĥé ðéɱö çåšé'š ðöçûɱéñţš… ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>The demo case is open: press Ask (or Ctrl+Return).</source>
        <translation>[Ţĥé ðéɱö çåšé îš öþéñ: þŕéšš Åšķ (öŕ Çţŕļ+Ŕéţûŕñ). ~~~~~~~~~~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>NewReviewDialog</name>
    <message>
        <source>New review</source>
        <translation>[Ñéŵ ŕéṽîéŵ ~]</translation>
    </message>
    <message>
        <source>one per document</source>
        <translation>[öñé þéŕ ðöçûɱéñţ ~~~~]</translation>
    </message>
    <message>
        <source>one per family (e-mail and attachments)</source>
        <translation>[öñé þéŕ ƒåɱîļý (é-ɱåîļ åñð åţţåçĥɱéñţš) ~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>its row's documents only (fast)</source>
        <translation>[îţš ŕöŵ'š ðöçûɱéñţš öñļý (ƒåšţ) ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>the whole case in view</source>
        <translation>[ţĥé ŵĥöļé çåšé îñ ṽîéŵ ~~~~~~]</translation>
    </message>
    <message>
        <source>optional: save these columns as a set</source>
        <translation>[öþţîöñåļ: šåṽé ţĥéšé çöļûɱñš åš å šéţ ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Column set</source>
        <translation>[Çöļûɱñ šéţ ~]</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>[Ţîţļé ~]</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>[Çöļûɱñš ~]</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>[Ŕöŵš ~]</translation>
    </message>
    <message>
        <source>Each cell reads</source>
        <translation>[Éåçĥ çéļļ ŕéåðš ~~~]</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>[Šåṽé åš ~]</translation>
    </message>
    <message>
        <source>The columns are not valid JSON: %1</source>
        <translation>[Ţĥé çöļûɱñš åŕé ñöţ ṽåļîð ĴŠÖÑ: %1 ~~~~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <source>No page open</source>
        <translation>[Ñö þåĝé öþéñ ~~]</translation>
    </message>
    <message>
        <source>OCR text</source>
        <translation>[ÖÇŔ ţéẋţ ~]</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>[◀ Þŕéṽîöûš ~]</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>[Ñéẋţ ▶ ~]</translation>
    </message>
    <message>
        <source>Find on page…</source>
        <translation>[Ƒîñð öñ þåĝé… ~~~]</translation>
    </message>
    <message>
        <source>Find on the page</source>
        <translation>[Ƒîñð öñ ţĥé þåĝé ~~~~]</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>[Žööɱ öûţ ~]</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>[Žööɱ îñ ~]</translation>
    </message>
    <message>
        <source>Opening page %1…</source>
        <translation>[Öþéñîñĝ þåĝé %1… ~~~~]</translation>
    </message>
    <message>
        <source>Text + OCR</source>
        <translation>[Ţéẋţ + ÖÇŔ ~]</translation>
    </message>
    <message>
        <source>OCR</source>
        <translation>[ÖÇŔ ~]</translation>
    </message>
    <message>
        <source>A blank page: no ink on it.</source>
        <translation>[Å ƀļåñķ þåĝé: ñö îñķ öñ îţ. ~~~~~~~~]</translation>
    </message>
    <message>
        <source>This scanned page was not read.</source>
        <translation>[Ţĥîš šçåññéð þåĝé ŵåš ñöţ ŕéåð. ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>This page could not be read.</source>
        <translation>[Ţĥîš þåĝé çöûļð ñöţ ƀé ŕéåð. ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>%1 — page %2 of %3%4</source>
        <translation>[%1 — þåĝé %2 öƒ %3%4 ~~~~~]</translation>
    </message>
    <message>
        <source>Highlighted on the page.</source>
        <translation>[Ĥîĝĥļîĝĥţéð öñ ţĥé þåĝé. ~~~~~~~]</translation>
    </message>
    <message>
        <source>The marked words were not found on this page.</source>
        <translation>[Ţĥé ɱåŕķéð ŵöŕðš ŵéŕé ñöţ ƒöûñð öñ ţĥîš þåĝé. ~~~~~~~~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>&amp;Reviews</source>
        <translation>[&amp;Ŕéṽîéŵš ~]</translation>
    </message>
    <message>
        <source>New review…</source>
        <translation>[Ñéŵ ŕéṽîéŵ… ~~]</translation>
    </message>
    <message>
        <source>Open a review…</source>
        <translation>[Öþéñ å ŕéṽîéŵ… ~~~]</translation>
    </message>
    <message>
        <source>Choose a case first.</source>
        <translation>[Çĥööšé å çåšé ƒîŕšţ. ~~~~~]</translation>
    </message>
    <message>
        <source>Answering the review's cells…</source>
        <translation>[Åñšŵéŕîñĝ ţĥé ŕéṽîéŵ'š çéļļš… ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Review: %1 of %2 cells answered…</source>
        <translation>[Ŕéṽîéŵ: %1 öƒ %2 çéļļš åñšŵéŕéð… ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Review stopped.</source>
        <translation>[Ŕéṽîéŵ šţöþþéð. ~~~]</translation>
    </message>
    <message>
        <source>Review finished.</source>
        <translation>[Ŕéṽîéŵ ƒîñîšĥéð. ~~~~]</translation>
    </message>
    <message>
        <source>This case has no reviews yet.</source>
        <translation>[Ţĥîš çåšé ĥåš ñö ŕéṽîéŵš ýéţ. ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Open a review</source>
        <translation>[Öþéñ å ŕéṽîéŵ ~~~]</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>%1 — review %2</source>
        <translation>[%1 — ŕéṽîéŵ %2 ~~~]</translation>
    </message>
    <message>
        <source>Filter rows…</source>
        <translation>[Ƒîļţéŕ ŕöŵš… ~~]</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>[Šţöþ ~]</translation>
    </message>
    <message>
        <source>Answer the missing cells</source>
        <translation>[Åñšŵéŕ ţĥé ɱîššîñĝ çéļļš ~~~~~~~]</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>[Ŕöŵ ~]</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>[Éẋþöŕţ ẊĻŠẊ… ~~]</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>[Éẋþöŕţ ÇŠṼ… ~~]</translation>
    </message>
    <message>
        <source>Export DOCX…</source>
        <translation>[Éẋþöŕţ ÐÖÇẊ… ~~]</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>[(ñöţ šţåţéð) ~~]</translation>
    </message>
    <message>
        <source>no citation</source>
        <translation>[ñö çîţåţîöñ ~~]</translation>
    </message>
    <message>
        <source>%1 of %2 cells · %3 verified · %4 differ · %5 not verified or uncited · %6 · model %7 · manifest %8</source>
        <translation>[%1 öƒ %2 çéļļš · %3 ṽéŕîƒîéð · %4 ðîƒƒéŕ · %5 ñöţ ṽéŕîƒîéð öŕ ûñçîţéð · %6 · ɱöðéļ %7 · ɱåñîƒéšţ %8 ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>each cell read its row's documents</source>
        <translation>[éåçĥ çéļļ ŕéåð îţš ŕöŵ'š ðöçûɱéñţš ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>each cell read the whole case</source>
        <translation>[éåçĥ çéļļ ŕéåð ţĥé ŵĥöļé çåšé ~~~~~~~~~]</translation>
    </message>
    <message>
        <source> · about %1 s left</source>
        <translation> [· åƀöûţ %1 š ļéƒţ ~~~~]</translation>
    </message>
    <message>
        <source> · stopped: %1</source>
        <translation> [· šţöþþéð: %1 ~~~]</translation>
    </message>
    <message>
        <source>Run this cell again</source>
        <translation>[Ŕûñ ţĥîš çéļļ åĝåîñ ~~~~~]</translation>
    </message>
    <message>
        <source>Run this column again</source>
        <translation>[Ŕûñ ţĥîš çöļûɱñ åĝåîñ ~~~~~~]</translation>
    </message>
    <message>
        <source>Edit this cell…</source>
        <translation>[Éðîţ ţĥîš çéļļ… ~~~]</translation>
    </message>
    <message>
        <source>Edit cell</source>
        <translation>[Éðîţ çéļļ ~]</translation>
    </message>
    <message>
        <source>%1 — %2
Your value is kept and marked as edited by you:</source>
        <translation>[%1 — %2
Ýöûŕ ṽåļûé îš ķéþţ åñð ɱåŕķéð åš éðîţéð ƀý ýöû: ~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Export review</source>
        <translation>[Éẋþöŕţ ŕéṽîéŵ ~~~]</translation>
    </message>
</context>
<context>
    <name>SearchActions</name>
    <message>
        <source>Open a case first: the search reads the open case's pages.</source>
        <translation>[Öþéñ å çåšé ƒîŕšţ: ţĥé šéåŕçĥ ŕéåðš ţĥé öþéñ çåšé'š þåĝéš. ~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>No page of this case matches %1.</source>
        <translation>[Ñö þåĝé öƒ ţĥîš çåšé ɱåţçĥéš %1. ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Save as review set</source>
        <translation>[Šåṽé åš ŕéṽîéŵ šéţ ~~~~~]</translation>
    </message>
    <message>
        <source>Name of the set (its documents are the ones this search finds):</source>
        <translation>[Ñåɱé öƒ ţĥé šéţ (îţš ðöçûɱéñţš åŕé ţĥé öñéš ţĥîš šéåŕçĥ ƒîñðš): ~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Saved “%1”: %2 document(s). Questions now read it.</source>
        <translation>[Šåṽéð “%1”: %2 ðöçûɱéñţ(š). Ǫûéšţîöñš ñöŵ ŕéåð îţ. ~~~~~~~~~~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search this case: words, "phrases", AND OR NOT, w/5, custodian: date: bates: …</source>
        <translation>[Šéåŕçĥ ţĥîš çåšé: ŵöŕðš, "þĥŕåšéš", ÅÑÐ ÖŔ ÑÖŢ, ŵ/5, çûšţöðîåñ: ðåţé: ƀåţéš: … ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Search every page of the case</source>
        <translation>[Šéåŕçĥ éṽéŕý þåĝé öƒ ţĥé çåšé ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>[Ðöçûɱéñţ ~]</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>[Þåĝé ~]</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>[Þåššåĝé ~]</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>[Šéåŕçĥ ŕéšûļţš ~~~]</translation>
    </message>
    <message>
        <source>Save as review set…</source>
        <translation>[Šåṽé åš ŕéṽîéŵ šéţ… ~~~~~]</translation>
    </message>
    <message>
        <source>Every document this search finds, as a set questions can read</source>
        <translation>[Éṽéŕý ðöçûɱéñţ ţĥîš šéåŕçĥ ƒîñðš, åš å šéţ ǫûéšţîöñš çåñ ŕéåð ~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Review set that questions read</source>
        <translation>[Ŕéṽîéŵ šéţ ţĥåţ ǫûéšţîöñš ŕéåð ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Questions read:</source>
        <translation>[Ǫûéšţîöñš ŕéåð: ~~~]</translation>
    </message>
    <message numerus="yes">
        <source> (the best %n shown)</source>
        <translation>
            <numerusform> [(ţĥé ƀéšţ %n šĥöŵñ) ~~~~~]</numerusform>
            <numerusform> [(ţĥé ƀéšţ %n šĥöŵñ) ~~~~~]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>[%n þåĝé(š) ~]</numerusform>
            <numerusform>[%n þåĝé(š) ~]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>[îñ %n ðöçûɱéñţ(š) ~~~~]</numerusform>
            <numerusform>[îñ %n ðöçûɱéñţ(š) ~~~~]</numerusform>
        </translation>
    </message>
    <message>
        <source>the whole case</source>
        <translation>[ţĥé ŵĥöļé çåšé ~~~]</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>[Šéţţîñĝš ~]</translation>
    </message>
    <message>
        <source>Models on this computer</source>
        <translation>[Ṁöðéļš öñ ţĥîš çöɱþûţéŕ ~~~~~~~]</translation>
    </message>
    <message>
        <source>%1 — window %2 tokens, %3 MiB, %4, sha256 %5…</source>
        <translation>[%1 — ŵîñðöŵ %2 ţöķéñš, %3 ṀîƁ, %4, šĥå256 %5… ~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>not qualified yet (python main.py eval --model %1)</source>
        <translation>[ñöţ ǫûåļîƒîéð ýéţ (þýţĥöñ ɱåîñ.þý éṽåļ --ɱöðéļ %1) ~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>No model is ready yet.</source>
        <translation>[Ñö ɱöðéļ îš ŕéåðý ýéţ. ~~~~~~]</translation>
    </message>
    <message>
        <source>%1 (not prepared yet)</source>
        <translation>[%1 (ñöţ þŕéþåŕéð ýéţ) ~~~~~~]</translation>
    </message>
    <message>
        <source>Answer with:</source>
        <translation>[Åñšŵéŕ ŵîţĥ: ~~]</translation>
    </message>
    <message>
        <source>Qualify this model…</source>
        <translation>[Ǫûåļîƒý ţĥîš ɱöðéļ… ~~~~~]</translation>
    </message>
    <message>
        <source>Measure its answers on the generated legal and clinical suite (the standard size, a few minutes on a CPU); a stopped run resumes where it stopped</source>
        <translation>[Ṁéåšûŕé îţš åñšŵéŕš öñ ţĥé ĝéñéŕåţéð ļéĝåļ åñð çļîñîçåļ šûîţé (ţĥé šţåñðåŕð šîžé, å ƒéŵ ɱîñûţéš öñ å ÇÞÛ); å šţöþþéð ŕûñ ŕéšûɱéš ŵĥéŕé îţ šţöþþéð ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>[Šţöþ ~]</translation>
    </message>
    <message>
        <source>Save signed report…</source>
        <translation>[Šåṽé šîĝñéð ŕéþöŕţ… ~~~~~]</translation>
    </message>
    <message>
        <source>The last run's report (PDF and JSON), signed with this vault's key; `python main.py eval --verify DIR` checks it</source>
        <translation>[Ţĥé ļåšţ ŕûñ'š ŕéþöŕţ (ÞÐƑ åñð ĴŠÖÑ), šîĝñéð ŵîţĥ ţĥîš ṽåûļţ'š ķéý; `þýţĥöñ ɱåîñ.þý éṽåļ --ṽéŕîƒý ÐÎŔ` çĥéçķš îţ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>[Ðéṽîçé: %1 ~]</translation>
    </message>
    <message>
        <source>Import a model folder…</source>
        <translation>[Îɱþöŕţ å ɱöðéļ ƒöļðéŕ… ~~~~~~]</translation>
    </message>
    <message>
        <source>From removable media: configuration, tokenizer and .safetensors files only, checked and hashed before use</source>
        <translation>[Ƒŕöɱ ŕéɱöṽåƀļé ɱéðîå: çöñƒîĝûŕåţîöñ, ţöķéñîžéŕ åñð .šåƒéţéñšöŕš ƒîļéš öñļý, çĥéçķéð åñð ĥåšĥéð ƀéƒöŕé ûšé ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Where questions are answered</source>
        <translation>[Ŵĥéŕé ǫûéšţîöñš åŕé åñšŵéŕéð ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>On this computer (nothing leaves it)</source>
        <translation>[Öñ ţĥîš çöɱþûţéŕ (ñöţĥîñĝ ļéåṽéš îţ) ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>The site's model server (OpenAI-compatible)</source>
        <translation>[Ţĥé šîţé'š ɱöðéļ šéŕṽéŕ (ÖþéñÅÎ-çöɱþåţîƀļé) ~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>model name</source>
        <translation>[ɱöðéļ ñåɱé ~]</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>[Ţéšţ çöññéçţîöñ ~~~]</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>[Åððŕéšš: ~]</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>[Ṁöðéļ: ~]</translation>
    </message>
    <message>
        <source>Window (tokens):</source>
        <translation>[Ŵîñðöŵ (ţöķéñš): ~~~~]</translation>
    </message>
    <message>
        <source>Kept document caches</source>
        <translation>[Ķéþţ ðöçûɱéñţ çåçĥéš ~~~~~]</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> [ĜîƁ ~]</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>[åûţöɱåţîç ~]</translation>
    </message>
    <message>
        <source>Disk the caches may use in all (each case half of it); least recently used go first. Automatic: a fifth of the free disk.</source>
        <translation>[Ðîšķ ţĥé çåçĥéš ɱåý ûšé îñ åļļ (éåçĥ çåšé ĥåļƒ öƒ îţ); ļéåšţ ŕéçéñţļý ûšéð ĝö ƒîŕšţ. Åûţöɱåţîç: å ƒîƒţĥ öƒ ţĥé ƒŕéé ðîšķ. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>[Çļéåŕ åļļ ~]</translation>
    </message>
    <message>
        <source>The next question on each case reads its documents again</source>
        <translation>[Ţĥé ñéẋţ ǫûéšţîöñ öñ éåçĥ çåšé ŕéåðš îţš ðöçûɱéñţš åĝåîñ ~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Disk for caches:</source>
        <translation>[Ðîšķ ƒöŕ çåçĥéš: ~~~~]</translation>
    </message>
    <message>
        <source>General</source>
        <translation>[Ĝéñéŕåļ ~]</translation>
    </message>
    <message>
        <source>Installed: %1. Join several with +, e.g. eng+deu.</source>
        <translation>[Îñšţåļļéð: %1. Ĵöîñ šéṽéŕåļ ŵîţĥ +, é.ĝ. éñĝ+ðéû. ~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>none (Tesseract is missing)</source>
        <translation>[ñöñé (Ţéššéŕåçţ îš ɱîššîñĝ) ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Fast (150 dpi)</source>
        <translation>[Ƒåšţ (150 ðþî) ~~~]</translation>
    </message>
    <message>
        <source>Accurate (300 dpi: small print, poor scans)</source>
        <translation>[Åççûŕåţé (300 ðþî: šɱåļļ þŕîñţ, þööŕ šçåñš) ~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source> min</source>
        <translation> [ɱîñ ~]</translation>
    </message>
    <message>
        <source>never</source>
        <translation>[ñéṽéŕ ~]</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>[Ƒöļļöŵ ţĥé šýšţéɱ ~~~~]</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>[Ļîĝĥţ ~]</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>[Ðåŕķ ~]</translation>
    </message>
    <message>
        <source>The site's bar: a model counts as qualified for cases as long as those it answered this well in its last run</source>
        <translation>[Ţĥé šîţé'š ƀåŕ: å ɱöðéļ çöûñţš åš ǫûåļîƒîéð ƒöŕ çåšéš åš ļöñĝ åš ţĥöšé îţ åñšŵéŕéð ţĥîš ŵéļļ îñ îţš ļåšţ ŕûñ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Quote first, then answer</source>
        <translation>[Ǫûöţé ƒîŕšţ, ţĥéñ åñšŵéŕ ~~~~~~~]</translation>
    </message>
    <message>
        <source>Free answer</source>
        <translation>[Ƒŕéé åñšŵéŕ ~~]</translation>
    </message>
    <message>
        <source>Quote first: the model quotes the passages it relies on, then answers from them. Free: the answer alone. In both, on this computer, quotes are copied from the pages as they are written (the site's server: checked after).</source>
        <translation>[Ǫûöţé ƒîŕšţ: ţĥé ɱöðéļ ǫûöţéš ţĥé þåššåĝéš îţ ŕéļîéš öñ, ţĥéñ åñšŵéŕš ƒŕöɱ ţĥéɱ. Ƒŕéé: ţĥé åñšŵéŕ åļöñé. Îñ ƀöţĥ, öñ ţĥîš çöɱþûţéŕ, ǫûöţéš åŕé çöþîéð ƒŕöɱ ţĥé þåĝéš åš ţĥéý åŕé ŵŕîţţéñ (ţĥé šîţé'š šéŕṽéŕ: çĥéçķéð åƒţéŕ). ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Answer style:</source>
        <translation>[Åñšŵéŕ šţýļé: ~~~]</translation>
    </message>
    <message>
        <source>OCR languages:</source>
        <translation>[ÖÇŔ ļåñĝûåĝéš: ~~~]</translation>
    </message>
    <message>
        <source>OCR:</source>
        <translation>[ÖÇŔ: ~]</translation>
    </message>
    <message>
        <source>Lock after idle:</source>
        <translation>[Ļöçķ åƒţéŕ îðļé: ~~~~]</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>[Ţĥéɱé: ~]</translation>
    </message>
    <message>
        <source>Qualifying accuracy:</source>
        <translation>[Ǫûåļîƒýîñĝ åççûŕåçý: ~~~~~]</translation>
    </message>
    <message>
        <source>Takes effect the next time Casefile starts</source>
        <translation>[Ţåķéš éƒƒéçţ ţĥé ñéẋţ ţîɱé Çåšéƒîļé šţåŕţš ~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>[Ļåñĝûåĝé: ~]</translation>
    </message>
    <message>
        <source>Not known.</source>
        <translation>[Ñöţ ķñöŵñ. ~]</translation>
    </message>
    <message>
        <source>%1 kept, %2 MiB of a %3 MiB budget.</source>
        <translation>[%1 ķéþţ, %2 ṀîƁ öƒ å %3 ṀîƁ ƀûðĝéţ. ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>(another vault's case)</source>
        <translation>[(åñöţĥéŕ ṽåûļţ'š çåšé) ~~~~~~]</translation>
    </message>
    <message>
        <source>%1: %2 MiB%3</source>
        <translation>[%1: %2 ṀîƁ%3 ~~]</translation>
    </message>
    <message>
        <source>Connected: the server answers with that model.</source>
        <translation>[Çöññéçţéð: ţĥé šéŕṽéŕ åñšŵéŕš ŵîţĥ ţĥåţ ɱöðéļ. ~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Choose the model folder</source>
        <translation>[Çĥööšé ţĥé ɱöðéļ ƒöļðéŕ ~~~~~~~]</translation>
    </message>
    <message>
        <source>, about %1 s left</source>
        <translation>[, åƀöûţ %1 š ļéƒţ ~~~~]</translation>
    </message>
    <message>
        <source>Copying and checking: %1 of %2 MiB%3</source>
        <translation>[Çöþýîñĝ åñð çĥéçķîñĝ: %1 öƒ %2 ṀîƁ%3 ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Imported %1 (weights sha256 %2…).</source>
        <translation>[Îɱþöŕţéð %1 (ŵéîĝĥţš šĥå256 %2…). ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Qualifying: %1 of %2 questions answered%3…</source>
        <translation>[Ǫûåļîƒýîñĝ: %1 öƒ %2 ǫûéšţîöñš åñšŵéŕéð%3… ~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source> (stopped: not recorded; Qualify again resumes it)</source>
        <translation> [(šţöþþéð: ñöţ ŕéçöŕðéð; Ǫûåļîƒý åĝåîñ ŕéšûɱéš îţ) ~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>%1: accuracy %2 over %3 questions%4.</source>
        <translation>[%1: åççûŕåçý %2 öṽéŕ %3 ǫûéšţîöñš%4. ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Choose a folder for the signed report</source>
        <translation>[Çĥööšé å ƒöļðéŕ ƒöŕ ţĥé šîĝñéð ŕéþöŕţ ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Signed report saved: %1 (with report.pdf, report.sig and public_key.pem).</source>
        <translation>[Šîĝñéð ŕéþöŕţ šåṽéð: %1 (ŵîţĥ ŕéþöŕţ.þðƒ, ŕéþöŕţ.šîĝ åñð þûƀļîç_ķéý.þéɱ). ~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>StagedOffer</name>
    <message>
        <source>The case does not fit the window</source>
        <translation>[Ţĥé çåšé ðöéš ñöţ ƒîţ ţĥé ŵîñðöŵ ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Casefile can answer in passes over window-sized parts of the case and combine them; the answer will say so. Or untick documents in the documents table to leave them out.</source>
        <translation>[Çåšéƒîļé çåñ åñšŵéŕ îñ þåššéš öṽéŕ ŵîñðöŵ-šîžéð þåŕţš öƒ ţĥé çåšé åñð çöɱƀîñé ţĥéɱ; ţĥé åñšŵéŕ ŵîļļ šåý šö. Öŕ ûñţîçķ ðöçûɱéñţš îñ ţĥé ðöçûɱéñţš ţåƀļé ţö ļéåṽé ţĥéɱ öûţ. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Answer in staged passes</source>
        <translation>[Åñšŵéŕ îñ šţåĝéð þåššéš ~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>TaskResults</name>
    <message>
        <source>Check</source>
        <translation>[Çĥéçķ ~]</translation>
    </message>
    <message>
        <source>none</source>
        <translation>[ñöñé ~]</translation>
    </message>
    <message>
        <source>the whole case, read at once</source>
        <translation>[ţĥé ŵĥöļé çåšé, ŕéåð åţ öñçé ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>%1 rows: %2 verified on their page, %3 not verified or uncited · %4 · model %5 · manifest %6</source>
        <translation>[%1 ŕöŵš: %2 ṽéŕîƒîéð öñ ţĥéîŕ þåĝé, %3 ñöţ ṽéŕîƒîéð öŕ ûñçîţéð · %4 · ɱöðéļ %5 · ɱåñîƒéšţ %6 ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>[Éẋþöŕţ ÇŠṼ… ~~]</translation>
    </message>
    <message>
        <source>Export DOCX…</source>
        <translation>[Éẋþöŕţ ÐÖÇẊ… ~~]</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>[Éẋþöŕţ ÞÐƑ… ~~]</translation>
    </message>
    <message>
        <source>Export task result</source>
        <translation>[Éẋþöŕţ ţåšķ ŕéšûļţ ~~~~~]</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Casefile</source>
        <translation>[Ûñļöçķ Çåšéƒîļé ~~~]</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>[Þåššþĥŕåšé ~]</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>[Þåššþĥŕåšé: ~~]</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>[Ûñļöçķîñĝ… ~]</translation>
    </message>
</context>
</TS>

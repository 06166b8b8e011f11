<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Choix</translation>
    </message>
</context>
<context>
    <name>AskActions</name>
    <message>
        <source>Casefile is still working (reading files, answering, or a review): your question is kept in the box; ask it when the work is done, or press Stop.</source>
        <translation>Casefile est encore occupé (lecture de fichiers, réponse ou revue)&#xa0;: votre question reste dans la zone de saisie&#xa0;; posez-la une fois le travail terminé, ou cliquez sur «&#xa0;Arrêter&#xa0;».</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Starting the model…</source>
        <translation>Démarrage du modèle…</translation>
    </message>
    <message>
        <source>Answered · %1</source>
        <translation>Réponse donnée · %1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
    <message>
        <source>Model stopped</source>
        <translation>Modèle arrêté</translation>
    </message>
    <message>
        <source>Model not started</source>
        <translation>Modèle non démarré</translation>
    </message>
    <message>
        <source>The model will start again with the next question.</source>
        <translation>Le modèle redémarrera à la prochaine question.</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Audit log</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Vérifier la chaîne</translation>
    </message>
    <message>
        <source>Export signed report…</source>
        <translation>Exporter un rapport signé…</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Tous les dossiers</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Toutes les actions</translation>
    </message>
    <message>
        <source>%1 of %2 events shown</source>
        <translation>%1 événements affichés sur %2</translation>
    </message>
    <message>
        <source> (the newest %1 of %2 that match)</source>
        <translation> (les %1 plus récents sur %2 correspondants)</translation>
    </message>
    <message>
        <source>Audit log — %1</source>
        <translation>Journal d’audit — %1</translation>
    </message>
    <message>
        <source>Chain verified: %1 events, every hash, link and HMAC intact.</source>
        <translation>Chaîne vérifiée&#xa0;: %1 événements, tous les hachages, liens et HMAC intacts.</translation>
    </message>
    <message>
        <source>Chain BROKEN at event %1: %2</source>
        <translation>Chaîne ROMPUE à l’événement %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Exported %1 events to %2. Signing key fingerprint: %3</source>
        <translation>%1 événements exportés vers %2. Empreinte de la clé de signature&#xa0;: %3</translation>
    </message>
    <message>
        <source>Choose an empty folder for the audit export</source>
        <translation>Choisissez un répertoire vide pour l’export d’audit</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
</context>
<context>
    <name>BatesSearch</name>
    <message>
        <source>Choose a case first: Bates numbers are looked up in the open case.</source>
        <translation>Choisissez d’abord un dossier&#xa0;: les numéros Bates sont recherchés dans le dossier ouvert.</translation>
    </message>
    <message>
        <source>No page of this case has Bates %1.</source>
        <translation>Aucune page de ce dossier ne porte le numéro Bates %1.</translation>
    </message>
    <message>
        <source>%1: opened.</source>
        <translation>%1&#xa0;: ouvert.</translation>
    </message>
    <message>
        <source>%1 page(s) of %2 document(s) in %3–%4; opened %5.</source>
        <translation>%1 page(s) de %2 document(s) entre %3 et %4&#xa0;; %5 ouvert.</translation>
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
        <translation>événements datés, du plus ancien au plus récent</translation>
    </message>
    <message>
        <source>Document summaries</source>
        <translation>Résumés des documents</translation>
    </message>
    <message>
        <source>two or three sentences per document</source>
        <translation>deux ou trois phrases par document</translation>
    </message>
    <message>
        <source>People and organisations</source>
        <translation>Personnes et organisations</translation>
    </message>
    <message>
        <source>who appears, and in what role</source>
        <translation>qui apparaît, et à quel titre</translation>
    </message>
    <message>
        <source>Inconsistencies</source>
        <translation>Incohérences</translation>
    </message>
    <message>
        <source>where documents disagree</source>
        <translation>là où les documents divergent</translation>
    </message>
    <message>
        <source>Medication list</source>
        <translation>Liste des médicaments</translation>
    </message>
    <message>
        <source>medicines, doses, status</source>
        <translation>médicaments, posologies, statut</translation>
    </message>
    <message>
        <source>Deposition digest</source>
        <translation>Synthèse de déposition</translation>
    </message>
    <message>
        <source>testimony by topic, cited by page and line</source>
        <translation>témoignage par thème, cité par page et ligne</translation>
    </message>
    <message>
        <source>Medical chronology</source>
        <translation>Chronologie médicale</translation>
    </message>
    <message>
        <source>encounters by date of service; gaps and missing records flagged</source>
        <translation>consultations par date de soins&#xa0;; interruptions de soins et pièces manquantes signalées</translation>
    </message>
    <message>
        <source>Privilege log (draft)</source>
        <translation>Registre des pièces privilégiées (projet)</translation>
    </message>
    <message>
        <source>each document&apos;s privilege claim and basis, for attorney review</source>
        <translation>privilège invoqué et fondement pour chaque document, à faire vérifier par un avocat</translation>
    </message>
    <message>
        <source>Problem list</source>
        <translation>Liste des problèmes</translation>
    </message>
    <message>
        <source>diagnoses and conditions, status</source>
        <translation>diagnostics et pathologies, statut</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Dossier</translation>
    </message>
    <message>
        <source>Add documents…</source>
        <translation>Ajouter des documents…</translation>
    </message>
    <message>
        <source>Export chat as PDF…</source>
        <translation>Exporter la conversation en PDF…</translation>
    </message>
    <message>
        <source>Export chat as DOCX…</source>
        <translation>Exporter la conversation en DOCX…</translation>
    </message>
    <message>
        <source>Audit log…</source>
        <translation>Journal d’audit…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>&amp;Tâches</translation>
    </message>
    <message>
        <source>Choose a case first.</source>
        <translation>Choisissez d’abord un dossier.</translation>
    </message>
    <message>
        <source>Running the task over the whole case…</source>
        <translation>Exécution de la tâche sur l’ensemble du dossier…</translation>
    </message>
    <message>
        <source>Task: %1 of %2 prompts done…</source>
        <translation>Tâche&#xa0;: %1 invites sur %2 traitées…</translation>
    </message>
    <message numerus="yes">
        <source>Task finished: %n row(s).</source>
        <translation>
            <numerusform>Tâche terminée&#xa0;: %n ligne.</numerusform>
            <numerusform>Tâche terminée&#xa0;: %n lignes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ask a question first: there is no chat to export.</source>
        <translation>Posez d’abord une question&#xa0;: il n’y a aucune conversation à exporter.</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>Exporter la conversation</translation>
    </message>
    <message>
        <source>Exported to %1 (sha256 %2…)</source>
        <translation>Exporté vers %1 (sha256 %2…)</translation>
    </message>
</context>
<context>
    <name>CasesPanel</name>
    <message>
        <source>Search cases…</source>
        <translation>Rechercher des dossiers…</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>Nouveau dossier…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>No cases yet. A case holds one matter&apos;s or one patient&apos;s documents; every question reads all of them.

Start with the demo case (three fictional documents) to see an answer cited and checked, or make a case of your own with “New case…”.</source>
        <translation>Aucun dossier pour l’instant. Un dossier regroupe les documents d’une affaire ou d’un patient&#xa0;; chaque question porte sur l’ensemble de ces documents.

Commencez par le dossier de démonstration (trois documents fictifs) pour voir une réponse sourcée et vérifiée, ou créez votre propre dossier avec «&#xa0;Nouveau dossier…&#xa0;».</translation>
    </message>
    <message>
        <source>Open the demo case</source>
        <translation>Ouvrir le dossier de démonstration</translation>
    </message>
    <message>
        <source>A supply agreement, a letter and a clinic note, all fictional</source>
        <translation>Un contrat d’approvisionnement, une lettre et une note de consultation, tous fictifs</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Rechercher des dossiers</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nouveau dossier</translation>
    </message>
    <message>
        <source>Case name:</source>
        <translation>Nom du dossier&#xa0;:</translation>
    </message>
    <message>
        <source>Rename case</source>
        <translation>Renommer le dossier</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom&#xa0;:</translation>
    </message>
    <message>
        <source>Delete case</source>
        <translation>Supprimer le dossier</translation>
    </message>
    <message>
        <source>Delete “%1” for good? Its %2 document(s), %3 page(s), chats and task results are removed from the vault; the audit log keeps a record of the deletion. This cannot be undone.</source>
        <translation>Supprimer définitivement «&#xa0;%1&#xa0;»&#xa0;? Ses %2 document(s), %3 page(s), conversations et résultats de tâches seront retirés du coffre-fort&#xa0;; le journal d’audit conserve une trace de la suppression. Cette opération est irréversible.</translation>
    </message>
</context>
<context>
    <name>ChatPanel</name>
    <message>
        <source>Ask a question about the whole case…</source>
        <translation>Posez une question sur l’ensemble du dossier…</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Demander</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>The conversation appears here. Every answer cites its document and page; a ✓ means the quoted words were found on that page. Click a citation to see the page.</source>
        <translation>La conversation s’affiche ici. Chaque réponse cite son document et sa page&#xa0;; un ✓ signifie que les mots cités ont été trouvés sur cette page. Cliquez sur une source pour afficher la page.</translation>
    </message>
    <message>
        <source>The last answer&apos;s citations, each with its check: ✓ found on the page, ≠ the page says something else, ✗ not found.</source>
        <translation>Les sources de la dernière réponse, chacune avec sa vérification&#xa0;: ✓ trouvée sur la page, ≠ la page dit autre chose, ✗ introuvable.</translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation>Copier la réponse</translation>
    </message>
    <message>
        <source>Copy chat</source>
        <translation>Copier la conversation</translation>
    </message>
    <message>
        <source>Chats of this case</source>
        <translation>Conversations de ce dossier</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Citations of the last answer</source>
        <translation>Sources de la dernière réponse</translation>
    </message>
    <message>
        <source>Progress of the answer</source>
        <translation>Progression de la réponse</translation>
    </message>
    <message>
        <source>Writing the answer…</source>
        <translation>Rédaction de la réponse…</translation>
    </message>
    <message>
        <source>Starting the model…</source>
        <translation>Démarrage du modèle…</translation>
    </message>
    <message>
        <source>Combining the %1 partial answers…</source>
        <translation>Fusion des %1 réponses partielles…</translation>
    </message>
    <message>
        <source> · about %1 s left</source>
        <translation> · environ %1 s restantes</translation>
    </message>
    <message>
        <source> · %1 tokens/s</source>
        <translation> · %1 jetons/s</translation>
    </message>
    <message>
        <source>reading %1 of %2 tokens%3%4</source>
        <translation>lecture de %1 jetons sur %2%3%4</translation>
    </message>
    <message>
        <source>Pass %1 of %2: %3</source>
        <translation>Passe %1 sur %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>démarrage…</translation>
    </message>
    <message>
        <source>Reading the case: %1</source>
        <translation>Lecture du dossier&#xa0;: %1</translation>
    </message>
    <message>
        <source>(not in this case)</source>
        <translation>(absent de ce dossier)</translation>
    </message>
    <message>
        <source>No citations: this answer is not tied to any page and was not verified.</source>
        <translation>Aucune source citée&#xa0;: cette réponse n’est rattachée à aucune page et n’a pas été vérifiée.</translation>
    </message>
    <message>
        <source>Not cited by the model; Casefile found its figures on: </source>
        <translation>Non cité par le modèle&#xa0;; Casefile a trouvé ses chiffres sur&#xa0;: </translation>
    </message>
    <message>
        <source>Quotes copied from the pages as the answer was written</source>
        <translation>Citations copiées des pages pendant la rédaction de la réponse</translation>
    </message>
    <message>
        <source>Quotes checked against the pages after the answer</source>
        <translation>Citations vérifiées sur les pages après la réponse</translation>
    </message>
    <message>
        <source>Quotes checked against the pages after the answer: the model server cannot copy them by construction</source>
        <translation>Citations vérifiées sur les pages après la réponse&#xa0;: le serveur de modèles ne peut pas les copier des pages pendant la rédaction</translation>
    </message>
    <message>
        <source>Not found in the documents: %1</source>
        <translation>Introuvable dans les documents&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not found in the cited pages: %1</source>
        <translation>Introuvable sur les pages citées&#xa0;: %1</translation>
    </message>
    <message>
        <source>stopped by you</source>
        <translation>arrêté par vous</translation>
    </message>
    <message>
        <source>stopped at the length limit</source>
        <translation>arrêté à la longueur maximale</translation>
    </message>
    <message>
        <source>stopped: the model repeated itself</source>
        <translation>arrêté&#xa0;: le modèle se répétait</translation>
    </message>
    <message>
        <source>first token %1 s</source>
        <translation>premier jeton après %1 s</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 jetons/s</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nouvelle conversation</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n question</numerusform>
            <numerusform>%n questions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CiteCheckActions</name>
    <message>
        <source>Check a brief&apos;s quotations…</source>
        <translation>Vérifier les citations d’un mémoire…</translation>
    </message>
    <message>
        <source>Choose a case first.</source>
        <translation>Choisissez d’abord un dossier.</translation>
    </message>
    <message>
        <source>Choose the brief to check</source>
        <translation>Choisissez le mémoire à vérifier</translation>
    </message>
    <message>
        <source>Checking the brief&apos;s quotations against the record…</source>
        <translation>Vérification des citations du mémoire par rapport aux pièces du dossier…</translation>
    </message>
</context>
<context>
    <name>CiteCheckWindow</name>
    <message>
        <source>Cite-check: %1</source>
        <translation>Vérification des citations&#xa0;: %1</translation>
    </message>
    <message>
        <source>Quotation</source>
        <translation>Citation</translation>
    </message>
    <message>
        <source>Cited as</source>
        <translation>Cité comme</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Pièce du dossier</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>%1 quotation(s) with a record citation: %2 verified, %3 not.</source>
        <translation>%1 citation(s) avec référence au dossier&#xa0;: %2 vérifiée(s), %3 non.</translation>
    </message>
    <message>
        <source>Export DOCX…</source>
        <translation>Exporter en DOCX…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <source>Export the cite-check</source>
        <translation>Exporter la vérification des citations</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Add documents…</source>
        <translation>Ajouter des documents…</translation>
    </message>
    <message>
        <source>Or drop files and folders here (Ctrl+O)</source>
        <translation>Ou déposez des fichiers et des répertoires ici (Ctrl+O)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Go to Bates: ABC0001234 or ABC0001230-1240</source>
        <translation>Aller au numéro Bates&#xa0;: ABC0001234 ou ABC0001230-1240</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Untick a document to leave it out of questions</source>
        <translation>Décochez un document pour l’exclure des questions</translation>
    </message>
    <message>
        <source>Go to a Bates number</source>
        <translation>Aller à un numéro Bates</translation>
    </message>
    <message>
        <source>Progress of adding documents</source>
        <translation>Progression de l’ajout de documents</translation>
    </message>
    <message>
        <source>Share of the model&apos;s window the case fills</source>
        <translation>Part de la fenêtre de contexte du modèle occupée par le dossier</translation>
    </message>
    <message>
        <source>Casefile reads: %1, and production volumes (load files with their images and text).
Scanned pages are read by OCR; every page ends up with its text or a status that says why not.</source>
        <translation>Casefile lit&#xa0;: %1, ainsi que les volumes de production (fichiers de chargement avec leurs images et leur texte).
Les pages numérisées sont lues par OCR&#xa0;; chaque page reçoit son texte ou un statut qui indique pourquoi ce n’est pas le cas.</translation>
    </message>
    <message>
        <source>Add documents</source>
        <translation>Ajouter des documents</translation>
    </message>
    <message>
        <source>Documents Casefile reads (%1)</source>
        <translation>Documents lus par Casefile (%1)</translation>
    </message>
    <message>
        <source>Production load files (*.dat *.opt *.lfp)</source>
        <translation>Fichiers de chargement de production (*.dat *.opt *.lfp)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Drop files or folders here, or press “Add documents…”.</source>
        <translation>Déposez des fichiers ou des répertoires ici, ou cliquez sur «&#xa0;Ajouter des documents…&#xa0;».</translation>
    </message>
    <message>
        <source>Open a case on the left (or make one) to add its documents.</source>
        <translation>Ouvrez un dossier à gauche (ou créez-en un) pour y ajouter des documents.</translation>
    </message>
    <message>
        <source>Ticked: questions read this document</source>
        <translation>Coché&#xa0;: les questions portent sur ce document</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source> Left out by choice: %1.</source>
        <translation> Exclus à votre demande&#xa0;: %1.</translation>
    </message>
    <message>
        <source>%1 of %2 tokens · pages %3 in, %4 out%5%6. %7%8</source>
        <translation>%1 jetons sur %2 · pages&#xa0;: %3 incluses, %4 exclues%5%6. %7%8</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Welcome to Casefile</source>
        <translation>Bienvenue dans Casefile</translation>
    </message>
    <message>
        <source>Everything you add to Casefile — documents, chats, results — is kept in an encrypted vault on this computer. Choose a passphrase to open it. Nobody, not even us, can open the vault without it or the recovery key you get next.</source>
        <translation>Tout ce que vous ajoutez à Casefile — documents, conversations, résultats — est conservé dans un coffre-fort chiffré sur cet ordinateur. Choisissez une phrase secrète pour l’ouvrir. Personne, pas même nous, ne peut ouvrir le coffre-fort sans elle ou sans la clé de récupération que vous recevrez à l’étape suivante.</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>Créer le coffre-fort</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Confirmer&#xa0;:</translation>
    </message>
    <message>
        <source>Also unlock with this computer&apos;s login keyring (%1)</source>
        <translation>Déverrouiller aussi avec le trousseau de session de cet ordinateur (%1)</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Forte.</translation>
    </message>
    <message>
        <source>Fair: a few more words would make it strong.</source>
        <translation>Moyenne&#xa0;: quelques mots de plus la rendraient forte.</translation>
    </message>
    <message>
        <source>Weak: four or more unrelated words are easy to remember and hard to guess.</source>
        <translation>Faible&#xa0;: quatre mots ou plus sans rapport entre eux sont faciles à retenir et difficiles à deviner.</translation>
    </message>
    <message>
        <source>Too short: use at least %1 characters.</source>
        <translation>Trop courte&#xa0;: utilisez au moins %1 caractères.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes ne correspondent pas.</translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation>Création du coffre-fort…</translation>
    </message>
    <message>
        <source>This is your recovery key. It opens the vault if the passphrase is lost. It is shown only this once: print it or save it, and keep it somewhere safe, apart from this computer.</source>
        <translation>Voici votre clé de récupération. Elle ouvre le coffre-fort si la phrase secrète est perdue. Elle ne s’affiche qu’une seule fois&#xa0;: imprimez-la ou enregistrez-la, et conservez-la en lieu sûr, à l’écart de cet ordinateur.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clé de récupération</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Save as PDF to print…</source>
        <translation>Enregistrer en PDF pour l’imprimer…</translation>
    </message>
    <message>
        <source>Type the key&apos;s last group to confirm</source>
        <translation>Saisissez le dernier groupe de la clé pour confirmer</translation>
    </message>
    <message>
        <source>I have kept it safe — continue</source>
        <translation>Je l’ai mise en lieu sûr — continuer</translation>
    </message>
    <message>
        <source>Casefile recovery key

Vault %1

%2

It opens the vault if the passphrase is lost. Keep it somewhere safe, apart from the computer.</source>
        <translation>Clé de récupération Casefile

Coffre-fort %1

%2

Elle ouvre le coffre-fort si la phrase secrète est perdue. Conservez-la en lieu sûr, à l’écart de l’ordinateur.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Envoyé à l’imprimante.</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>Enregistrer la clé de récupération</translation>
    </message>
    <message>
        <source>Could not save it: %1</source>
        <translation>Impossible de l’enregistrer&#xa0;: %1</translation>
    </message>
    <message>
        <source>Saved to %1. Print it, then move the file off this computer.</source>
        <translation>Enregistrée dans %1. Imprimez-la, puis retirez le fichier de cet ordinateur.</translation>
    </message>
    <message>
        <source>Open Casefile</source>
        <translation>Ouvrir Casefile</translation>
    </message>
    <message>
        <source>Preparing the built-in model (SmolLM2-135M-Instruct) for its first use — about 30 seconds, once. A larger model can be imported later from Settings.</source>
        <translation>Préparation du modèle intégré (SmolLM2-135M-Instruct) pour sa première utilisation — environ 30 secondes, une seule fois. Vous pourrez importer un modèle plus grand ultérieurement depuis les Paramètres.</translation>
    </message>
    <message>
        <source>You can still open Casefile and add documents; questions need a model.</source>
        <translation>Vous pouvez tout de même ouvrir Casefile et ajouter des documents&#xa0;; les questions nécessitent un modèle.</translation>
    </message>
    <message>
        <source>The model is ready.</source>
        <translation>Le modèle est prêt.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Go to a Bates number</source>
        <translation>Aller à un numéro Bates</translation>
    </message>
    <message>
        <source>Ask the question in the box</source>
        <translation>Poser la question saisie</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>Arrêter la réponse</translation>
    </message>
    <message>
        <source>Find on the page (page viewer)</source>
        <translation>Rechercher dans la page (visionneuse de pages)</translation>
    </message>
    <message>
        <source>Search every page of the case</source>
        <translation>Rechercher dans toutes les pages du dossier</translation>
    </message>
    <message>
        <source>Quit Casefile</source>
        <translation>Quitter Casefile</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>About Casefile</source>
        <translation>À propos de Casefile</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Open the demo case</source>
        <translation>Ouvrir le dossier de démonstration</translation>
    </message>
    <message>
        <source>&lt;p&gt;Licence: %1. Everything stays on this computer.&lt;/p&gt;&lt;p&gt;Data folder (the vault, its keys and the audit log): %2&lt;br/&gt;Model store: %3&lt;/p&gt;</source>
        <translation>&lt;p&gt;Licence&#xa0;: %1. Tout reste sur cet ordinateur.&lt;/p&gt;&lt;p&gt;Répertoire des données (le coffre-fort, ses clés et le journal d’audit)&#xa0;: %2&lt;br/&gt;Stockage des modèles&#xa0;: %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Third-party parts</source>
        <translation>Composants tiers</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Composant</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
</context>
<context>
    <name>IngestActions</name>
    <message numerus="yes">
        <source>Reading %n item(s)…</source>
        <translation>
            <numerusform>Lecture de %n élément…</numerusform>
            <numerusform>Lecture de %n éléments…</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>Arrêt après le fichier en cours…</translation>
    </message>
    <message>
        <source>, about %1 s left</source>
        <translation>, environ %1 s restantes</translation>
    </message>
    <message>
        <source>Reading scanned pages (OCR)</source>
        <translation>Lecture des pages numérisées (OCR)</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>%1: file %2 of %3, %4 pages at %5 pages/s%6</source>
        <translation>%1&#xa0;: fichier %2 sur %3, %4 pages à %5 pages/s%6</translation>
    </message>
    <message>
        <source>%1 added, %2 already in the case, %3 not added</source>
        <translation>%1 ajouté(s), %2 déjà dans le dossier, %3 non ajouté(s)</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (annulé)</translation>
    </message>
    <message>
        <source>Not added: %1 — %2</source>
        <translation>Non ajouté&#xa0;: %1 — %2</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>Mot de passe requis</translation>
    </message>
    <message>
        <source>%1 PDF(s) are protected by a password (%2).
Enter the password to read them (it is used for this once and not stored):</source>
        <translation>%1 PDF sont protégés par un mot de passe (%2).
Saisissez le mot de passe pour les lire (il n’est utilisé que cette fois et n’est pas enregistré)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Casefile is locked</source>
        <translation>Casefile est verrouillé</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Déverrouillage…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Restart the model</source>
        <translation>Redémarrer le modèle</translation>
    </message>
    <message>
        <source>Model not started</source>
        <translation>Modèle non démarré</translation>
    </message>
    <message>
        <source>Adding the demo case&apos;s documents…</source>
        <translation>Ajout des documents du dossier de démonstration…</translation>
    </message>
    <message>
        <source>The demo case is open: press Ask (or Ctrl+Return).</source>
        <translation>Le dossier de démonstration est ouvert&#xa0;: cliquez sur «&#xa0;Demander&#xa0;» (ou appuyez sur Ctrl+Entrée).</translation>
    </message>
</context>
<context>
    <name>NewReviewDialog</name>
    <message>
        <source>New review</source>
        <translation>Nouvelle revue</translation>
    </message>
    <message>
        <source>one per document</source>
        <translation>une par document</translation>
    </message>
    <message>
        <source>one per family (e-mail and attachments)</source>
        <translation>une par famille (e-mail et pièces jointes)</translation>
    </message>
    <message>
        <source>its row&apos;s documents only (fast)</source>
        <translation>uniquement les documents de sa ligne (rapide)</translation>
    </message>
    <message>
        <source>the whole case in view</source>
        <translation>l’ensemble du dossier</translation>
    </message>
    <message>
        <source>optional: save these columns as a set</source>
        <translation>facultatif&#xa0;: enregistrer ces colonnes comme ensemble</translation>
    </message>
    <message>
        <source>Column set</source>
        <translation>Ensemble de colonnes</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Each cell reads</source>
        <translation>Chaque cellule lit</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Enregistrer sous</translation>
    </message>
    <message>
        <source>The columns are not valid JSON: %1</source>
        <translation>Les colonnes ne sont pas du JSON valide&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <source>No page open</source>
        <translation>Aucune page ouverte</translation>
    </message>
    <message>
        <source>OCR text</source>
        <translation>Texte OCR</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Précédente</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Suivante ▶</translation>
    </message>
    <message>
        <source>Find on page…</source>
        <translation>Rechercher dans la page…</translation>
    </message>
    <message>
        <source>Find on the page</source>
        <translation>Rechercher dans la page</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Opening page %1…</source>
        <translation>Ouverture de la page %1…</translation>
    </message>
    <message>
        <source>Text + OCR</source>
        <translation>Texte + OCR</translation>
    </message>
    <message>
        <source>OCR</source>
        <translation>OCR</translation>
    </message>
    <message>
        <source>A blank page: no ink on it.</source>
        <translation>Une page blanche&#xa0;: rien n’y figure.</translation>
    </message>
    <message>
        <source>This scanned page was not read.</source>
        <translation>Cette page numérisée n’a pas été lue.</translation>
    </message>
    <message>
        <source>This page could not be read.</source>
        <translation>Cette page n’a pas pu être lue.</translation>
    </message>
    <message>
        <source>%1 — page %2 of %3%4</source>
        <translation>%1 — page %2 sur %3%4</translation>
    </message>
    <message>
        <source>Highlighted on the page.</source>
        <translation>Surligné sur la page.</translation>
    </message>
    <message>
        <source>The marked words were not found on this page.</source>
        <translation>Les mots marqués sont introuvables sur cette page.</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>&amp;Reviews</source>
        <translation>&amp;Revues</translation>
    </message>
    <message>
        <source>New review…</source>
        <translation>Nouvelle revue…</translation>
    </message>
    <message>
        <source>Open a review…</source>
        <translation>Ouvrir une revue…</translation>
    </message>
    <message>
        <source>Choose a case first.</source>
        <translation>Choisissez d’abord un dossier.</translation>
    </message>
    <message>
        <source>Answering the review&apos;s cells…</source>
        <translation>Renseignement des cellules de la revue…</translation>
    </message>
    <message>
        <source>Review: %1 of %2 cells answered…</source>
        <translation>Revue&#xa0;: %1 cellules sur %2 renseignées…</translation>
    </message>
    <message>
        <source>Review stopped.</source>
        <translation>Revue arrêtée.</translation>
    </message>
    <message>
        <source>Review finished.</source>
        <translation>Revue terminée.</translation>
    </message>
    <message>
        <source>This case has no reviews yet.</source>
        <translation>Ce dossier ne contient encore aucune revue.</translation>
    </message>
    <message>
        <source>Open a review</source>
        <translation>Ouvrir une revue</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>%1 — review %2</source>
        <translation>%1 — revue %2</translation>
    </message>
    <message>
        <source>Filter rows…</source>
        <translation>Filtrer les lignes…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Answer the missing cells</source>
        <translation>Renseigner les cellules manquantes</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>Exporter en XLSX…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export DOCX…</source>
        <translation>Exporter en DOCX…</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>(non indiqué)</translation>
    </message>
    <message>
        <source>no citation</source>
        <translation>aucune source</translation>
    </message>
    <message>
        <source>%1 of %2 cells · %3 verified · %4 differ · %5 not verified or uncited · %6 · model %7 · manifest %8</source>
        <translation>%1 cellules sur %2 · %3 vérifiées · %4 divergentes · %5 non vérifiées ou sans source · %6 · modèle %7 · manifeste %8</translation>
    </message>
    <message>
        <source>each cell read its row&apos;s documents</source>
        <translation>chaque cellule a lu les documents de sa ligne</translation>
    </message>
    <message>
        <source>each cell read the whole case</source>
        <translation>chaque cellule a lu l’ensemble du dossier</translation>
    </message>
    <message>
        <source> · about %1 s left</source>
        <translation> · environ %1 s restantes</translation>
    </message>
    <message>
        <source> · stopped: %1</source>
        <translation> · arrêtée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Run this cell again</source>
        <translation>Relancer cette cellule</translation>
    </message>
    <message>
        <source>Run this column again</source>
        <translation>Relancer cette colonne</translation>
    </message>
    <message>
        <source>Edit this cell…</source>
        <translation>Modifier cette cellule…</translation>
    </message>
    <message>
        <source>Edit cell</source>
        <translation>Modifier la cellule</translation>
    </message>
    <message>
        <source>%1 — %2
Your value is kept and marked as edited by you:</source>
        <translation>%1 — %2
Votre valeur est conservée et marquée comme modifiée par vous&#xa0;:</translation>
    </message>
    <message>
        <source>Export review</source>
        <translation>Exporter la revue</translation>
    </message>
</context>
<context>
    <name>SearchActions</name>
    <message>
        <source>Open a case first: the search reads the open case&apos;s pages.</source>
        <translation>Ouvrez d&apos;abord un dossier&#xa0;: la recherche lit les pages du dossier ouvert.</translation>
    </message>
    <message>
        <source>No page of this case matches %1.</source>
        <translation>Aucune page de ce dossier ne correspond à %1.</translation>
    </message>
    <message>
        <source>Save as review set</source>
        <translation>Enregistrer comme lot de revue</translation>
    </message>
    <message>
        <source>Name of the set (its documents are the ones this search finds):</source>
        <translation>Nom du lot (ses documents sont ceux que trouve cette recherche)&#xa0;:</translation>
    </message>
    <message>
        <source>Saved “%1”: %2 document(s). Questions now read it.</source>
        <translation>«&#xa0;%1&#xa0;» enregistré&#xa0;: %2 document(s). Les questions lisent désormais ce lot.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search this case: words, &quot;phrases&quot;, AND OR NOT, w/5, custodian: date: bates: …</source>
        <translation>Rechercher dans le dossier&#xa0;: mots, &quot;expressions&quot;, AND OR NOT, w/5, custodian: date: bates: …</translation>
    </message>
    <message>
        <source>Search every page of the case</source>
        <translation>Rechercher dans toutes les pages du dossier</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Save as review set…</source>
        <translation>Enregistrer comme lot de revue…</translation>
    </message>
    <message>
        <source>Every document this search finds, as a set questions can read</source>
        <translation>Chaque document trouvé par cette recherche, en un lot que les questions peuvent lire</translation>
    </message>
    <message>
        <source>Review set that questions read</source>
        <translation>Lot de revue lu par les questions</translation>
    </message>
    <message>
        <source>Questions read:</source>
        <translation>Les questions lisent&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source> (the best %n shown)</source>
        <translation>
            <numerusform> (la meilleure affichée)</numerusform>
            <numerusform> (les %n meilleures affichées)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>dans %n document</numerusform>
            <numerusform>dans %n documents</numerusform>
        </translation>
    </message>
    <message>
        <source>the whole case</source>
        <translation>tout le dossier</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Models on this computer</source>
        <translation>Modèles sur cet ordinateur</translation>
    </message>
    <message>
        <source>%1 — window %2 tokens, %3 MiB, %4, sha256 %5…</source>
        <translation>%1 — fenêtre de %2 jetons, %3 Mio, %4, sha256 %5…</translation>
    </message>
    <message>
        <source>not qualified yet (python main.py eval --model %1)</source>
        <translation>pas encore qualifié (python main.py eval --model %1)</translation>
    </message>
    <message>
        <source>No model is ready yet.</source>
        <translation>Aucun modèle n’est encore prêt.</translation>
    </message>
    <message>
        <source>%1 (not prepared yet)</source>
        <translation>%1 (pas encore préparé)</translation>
    </message>
    <message>
        <source>Answer with:</source>
        <translation>Répondre avec&#xa0;:</translation>
    </message>
    <message>
        <source>Qualify this model…</source>
        <translation>Qualifier ce modèle…</translation>
    </message>
    <message>
        <source>Measure its answers on the generated legal and clinical suite (the standard size, a few minutes on a CPU); a stopped run resumes where it stopped</source>
        <translation>Mesure ses réponses sur la batterie de tests juridiques et cliniques générée (taille standard, quelques minutes sur un CPU)&#xa0;; une exécution arrêtée reprend là où elle s’était arrêtée</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Save signed report…</source>
        <translation>Enregistrer le rapport signé…</translation>
    </message>
    <message>
        <source>The last run&apos;s report (PDF and JSON), signed with this vault&apos;s key; `python main.py eval --verify DIR` checks it</source>
        <translation>Le rapport de la dernière exécution (PDF et JSON), signé avec la clé de ce coffre-fort&#xa0;; `python main.py eval --verify DIR` le vérifie</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Périphérique de calcul&#xa0;: %1</translation>
    </message>
    <message>
        <source>Import a model folder…</source>
        <translation>Importer un répertoire de modèle…</translation>
    </message>
    <message>
        <source>From removable media: configuration, tokenizer and .safetensors files only, checked and hashed before use</source>
        <translation>Depuis un support amovible&#xa0;: uniquement les fichiers de configuration, de tokenizer et .safetensors, vérifiés et hachés avant utilisation</translation>
    </message>
    <message>
        <source>Where questions are answered</source>
        <translation>Où les questions sont traitées</translation>
    </message>
    <message>
        <source>On this computer (nothing leaves it)</source>
        <translation>Sur cet ordinateur (rien n’en sort)</translation>
    </message>
    <message>
        <source>The site&apos;s model server (OpenAI-compatible)</source>
        <translation>Le serveur de modèles de l’établissement (compatible OpenAI)</translation>
    </message>
    <message>
        <source>model name</source>
        <translation>nom du modèle</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse&#xa0;:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modèle&#xa0;:</translation>
    </message>
    <message>
        <source>Window (tokens):</source>
        <translation>Fenêtre de contexte (jetons)&#xa0;:</translation>
    </message>
    <message>
        <source>Kept document caches</source>
        <translation>Caches de documents conservés</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> Gio</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source>Disk the caches may use in all (each case half of it); least recently used go first. Automatic: a fifth of the free disk.</source>
        <translation>Espace disque que les caches peuvent occuper au total (chaque dossier la moitié au plus)&#xa0;; les moins récemment utilisés sont supprimés en premier. Automatique&#xa0;: un cinquième de l’espace libre.</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Tout vider</translation>
    </message>
    <message>
        <source>The next question on each case reads its documents again</source>
        <translation>La prochaine question sur chaque dossier relira ses documents</translation>
    </message>
    <message>
        <source>Disk for caches:</source>
        <translation>Disque pour les caches&#xa0;:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Installed: %1. Join several with +, e.g. eng+deu.</source>
        <translation>Installées&#xa0;: %1. Combinez-en plusieurs avec +, par ex. eng+fra.</translation>
    </message>
    <message>
        <source>none (Tesseract is missing)</source>
        <translation>aucune (Tesseract est absent)</translation>
    </message>
    <message>
        <source>Fast (150 dpi)</source>
        <translation>Rapide (150 ppp)</translation>
    </message>
    <message>
        <source>Accurate (300 dpi: small print, poor scans)</source>
        <translation>Précis (300 ppp&#xa0;: petits caractères, numérisations de mauvaise qualité)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>The site&apos;s bar: a model counts as qualified for cases as long as those it answered this well in its last run</source>
        <translation>Le seuil de l’établissement&#xa0;: un modèle est qualifié pour les dossiers aussi longs que ceux sur lesquels il a atteint ce niveau lors de sa dernière exécution</translation>
    </message>
    <message>
        <source>Quote first, then answer</source>
        <translation>Citer d'abord, puis répondre</translation>
    </message>
    <message>
        <source>Free answer</source>
        <translation>Réponse libre</translation>
    </message>
    <message>
        <source>Quote first: the model quotes the passages it relies on, then answers from them. Free: the answer alone. In both, on this computer, quotes are copied from the pages as they are written (the site&apos;s server: checked after).</source>
        <translation>Citer d'abord : le modèle cite les passages sur lesquels il s'appuie, puis répond à partir d'eux. Libre : la réponse seule. Dans les deux cas, sur cet ordinateur, les citations sont copiées des pages au fil de l'écriture (sur le serveur du site : vérifiées après).</translation>
    </message>
    <message>
        <source>Answer style:</source>
        <translation>Style de réponse&#xa0;:</translation>
    </message>
    <message>
        <source>OCR languages:</source>
        <translation>Langues OCR&#xa0;:</translation>
    </message>
    <message>
        <source>OCR:</source>
        <translation>OCR&#xa0;:</translation>
    </message>
    <message>
        <source>Lock after idle:</source>
        <translation>Verrouiller après inactivité&#xa0;:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Thème&#xa0;:</translation>
    </message>
    <message>
        <source>Qualifying accuracy:</source>
        <translation>Précision requise&#xa0;:</translation>
    </message>
    <message>
        <source>Takes effect the next time Casefile starts</source>
        <translation>Prend effet au prochain démarrage de Casefile</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Not known.</source>
        <translation>Inconnu.</translation>
    </message>
    <message>
        <source>%1 kept, %2 MiB of a %3 MiB budget.</source>
        <translation>%1 conservé(s), %2 Mio sur un budget de %3 Mio.</translation>
    </message>
    <message>
        <source>(another vault&apos;s case)</source>
        <translation>(dossier d’un autre coffre-fort)</translation>
    </message>
    <message>
        <source>%1: %2 MiB%3</source>
        <translation>%1&#xa0;: %2 Mio%3</translation>
    </message>
    <message>
        <source>Connected: the server answers with that model.</source>
        <translation>Connecté&#xa0;: le serveur répond avec ce modèle.</translation>
    </message>
    <message>
        <source>Choose the model folder</source>
        <translation>Choisissez le répertoire du modèle</translation>
    </message>
    <message>
        <source>, about %1 s left</source>
        <translation>, environ %1 s restantes</translation>
    </message>
    <message>
        <source>Copying and checking: %1 of %2 MiB%3</source>
        <translation>Copie et vérification&#xa0;: %1 sur %2 Mio%3</translation>
    </message>
    <message>
        <source>Imported %1 (weights sha256 %2…).</source>
        <translation>%1 importé (poids sha256 %2…).</translation>
    </message>
    <message>
        <source>Qualifying: %1 of %2 questions answered%3…</source>
        <translation>Qualification&#xa0;: %1 questions traitées sur %2%3…</translation>
    </message>
    <message>
        <source> (stopped: not recorded; Qualify again resumes it)</source>
        <translation> (arrêtée&#xa0;: non enregistrée&#xa0;; relancer la qualification la reprend)</translation>
    </message>
    <message>
        <source>%1: accuracy %2 over %3 questions%4.</source>
        <translation>%1&#xa0;: précision %2 sur %3 questions%4.</translation>
    </message>
    <message>
        <source>Choose a folder for the signed report</source>
        <translation>Choisissez un répertoire pour le rapport signé</translation>
    </message>
    <message>
        <source>Signed report saved: %1 (with report.pdf, report.sig and public_key.pem).</source>
        <translation>Rapport signé enregistré&#xa0;: %1 (avec report.pdf, report.sig et public_key.pem).</translation>
    </message>
</context>
<context>
    <name>StagedOffer</name>
    <message>
        <source>The case does not fit the window</source>
        <translation>Le dossier dépasse la fenêtre de contexte</translation>
    </message>
    <message>
        <source>Casefile can answer in passes over window-sized parts of the case and combine them; the answer will say so. Or untick documents in the documents table to leave them out.</source>
        <translation>Casefile peut répondre en plusieurs passes sur des parties du dossier à la taille de la fenêtre, puis les combiner&#xa0;; la réponse le signale. Vous pouvez aussi décocher des documents dans le tableau des documents pour les exclure.</translation>
    </message>
    <message>
        <source>Answer in staged passes</source>
        <translation>Répondre en plusieurs passes</translation>
    </message>
</context>
<context>
    <name>TaskResults</name>
    <message>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>the whole case, read at once</source>
        <translation>l’ensemble du dossier, lu en une seule fois</translation>
    </message>
    <message>
        <source>%1 rows: %2 verified on their page, %3 not verified or uncited · %4 · model %5 · manifest %6</source>
        <translation>%1 lignes&#xa0;: %2 vérifiées sur leur page, %3 non vérifiées ou sans source · %4 · modèle %5 · manifeste %6</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export DOCX…</source>
        <translation>Exporter en DOCX…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <source>Export task result</source>
        <translation>Exporter le résultat de la tâche</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Casefile</source>
        <translation>Déverrouiller Casefile</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Déverrouillage…</translation>
    </message>
</context>
</TS>

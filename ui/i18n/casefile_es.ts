<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Opciones</translation>
    </message>
</context>
<context>
    <name>AskActions</name>
    <message>
        <source>Casefile is still working (reading files, answering, or a review): your question is kept in the box; ask it when the work is done, or press Stop.</source>
        <translation>Casefile sigue trabajando (lectura de archivos, respuesta o revisión): su pregunta se conserva en el cuadro; hágala cuando termine el trabajo o pulse «Detener».</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Starting the model…</source>
        <translation>Iniciando el modelo…</translation>
    </message>
    <message>
        <source>Answered · %1</source>
        <translation>Respondida · %1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Detenido.</translation>
    </message>
    <message>
        <source>Model stopped</source>
        <translation>Modelo detenido</translation>
    </message>
    <message>
        <source>Model not started</source>
        <translation>Modelo no iniciado</translation>
    </message>
    <message>
        <source>The model will start again with the next question.</source>
        <translation>El modelo se volverá a iniciar con la siguiente pregunta.</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Verificar la cadena</translation>
    </message>
    <message>
        <source>Export signed report…</source>
        <translation>Exportar informe firmado…</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Expediente</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Todos los expedientes</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Todas las acciones</translation>
    </message>
    <message>
        <source>%1 of %2 events shown</source>
        <translation>Se muestran %1 de %2 eventos</translation>
    </message>
    <message>
        <source> (the newest %1 of %2 that match)</source>
        <translation> (los %1 más recientes de %2 coincidentes)</translation>
    </message>
    <message>
        <source>Audit log — %1</source>
        <translation>Registro de auditoría — %1</translation>
    </message>
    <message>
        <source>Chain verified: %1 events, every hash, link and HMAC intact.</source>
        <translation>Cadena verificada: %1 eventos, todos los hashes, enlaces y HMAC intactos.</translation>
    </message>
    <message>
        <source>Chain BROKEN at event %1: %2</source>
        <translation>Cadena ROTA en el evento %1: %2</translation>
    </message>
    <message>
        <source>Exported %1 events to %2. Signing key fingerprint: %3</source>
        <translation>Se exportaron %1 eventos a %2. Huella digital de la clave de firma: %3</translation>
    </message>
    <message>
        <source>Choose an empty folder for the audit export</source>
        <translation>Elija una carpeta vacía para la exportación de auditoría</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Hora (UTC)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
</context>
<context>
    <name>BatesSearch</name>
    <message>
        <source>Choose a case first: Bates numbers are looked up in the open case.</source>
        <translation>Elija primero un expediente: los números Bates se buscan en el expediente abierto.</translation>
    </message>
    <message>
        <source>No page of this case has Bates %1.</source>
        <translation>Ninguna página de este expediente tiene el número Bates %1.</translation>
    </message>
    <message>
        <source>%1: opened.</source>
        <translation>%1: abierto.</translation>
    </message>
    <message>
        <source>%1 page(s) of %2 document(s) in %3–%4; opened %5.</source>
        <translation>%1 página(s) de %2 documento(s) en %3–%4; se abrió %5.</translation>
    </message>
</context>
<context>
    <name>CaseMenus</name>
    <message>
        <source>Chronology</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <source>dated events, oldest first</source>
        <translation>hechos fechados, del más antiguo al más reciente</translation>
    </message>
    <message>
        <source>Document summaries</source>
        <translation>Resúmenes de documentos</translation>
    </message>
    <message>
        <source>two or three sentences per document</source>
        <translation>dos o tres frases por documento</translation>
    </message>
    <message>
        <source>People and organisations</source>
        <translation>Personas y organizaciones</translation>
    </message>
    <message>
        <source>who appears, and in what role</source>
        <translation>quién aparece y con qué función</translation>
    </message>
    <message>
        <source>Inconsistencies</source>
        <translation>Contradicciones</translation>
    </message>
    <message>
        <source>where documents disagree</source>
        <translation>dónde discrepan los documentos</translation>
    </message>
    <message>
        <source>Medication list</source>
        <translation>Lista de medicamentos</translation>
    </message>
    <message>
        <source>medicines, doses, status</source>
        <translation>medicamentos, dosis, estado</translation>
    </message>
    <message>
        <source>Deposition digest</source>
        <translation>Resumen de la declaración</translation>
    </message>
    <message>
        <source>testimony by topic, cited by page and line</source>
        <translation>testimonio por tema, citado por página y línea</translation>
    </message>
    <message>
        <source>Medical chronology</source>
        <translation>Cronología médica</translation>
    </message>
    <message>
        <source>encounters by date of service; gaps and missing records flagged</source>
        <translation>atenciones por fecha de servicio; interrupciones del tratamiento y registros faltantes señalados</translation>
    </message>
    <message>
        <source>Privilege log (draft)</source>
        <translation>Registro de privilegios (borrador)</translation>
    </message>
    <message>
        <source>each document&apos;s privilege claim and basis, for attorney review</source>
        <translation>privilegio invocado y fundamento de cada documento, para revisión del abogado</translation>
    </message>
    <message>
        <source>Problem list</source>
        <translation>Lista de problemas</translation>
    </message>
    <message>
        <source>diagnoses and conditions, status</source>
        <translation>diagnósticos y afecciones, estado</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Expediente</translation>
    </message>
    <message>
        <source>Add documents…</source>
        <translation>Añadir documentos…</translation>
    </message>
    <message>
        <source>Export chat as PDF…</source>
        <translation>Exportar la conversación como PDF…</translation>
    </message>
    <message>
        <source>Export chat as DOCX…</source>
        <translation>Exportar la conversación como DOCX…</translation>
    </message>
    <message>
        <source>Audit log…</source>
        <translation>Registro de auditoría…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Configuración…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>&amp;Tareas</translation>
    </message>
    <message>
        <source>Choose a case first.</source>
        <translation>Elija primero un expediente.</translation>
    </message>
    <message>
        <source>Running the task over the whole case…</source>
        <translation>Ejecutando la tarea sobre todo el expediente…</translation>
    </message>
    <message>
        <source>Task: %1 of %2 prompts done…</source>
        <translation>Tarea: %1 de %2 instrucciones completadas…</translation>
    </message>
    <message numerus="yes">
        <source>Task finished: %n row(s).</source>
        <translation>
            <numerusform>Tarea terminada: %n fila.</numerusform>
            <numerusform>Tarea terminada: %n filas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ask a question first: there is no chat to export.</source>
        <translation>Haga primero una pregunta: no hay ninguna conversación que exportar.</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>Exportar la conversación</translation>
    </message>
    <message>
        <source>Exported to %1 (sha256 %2…)</source>
        <translation>Exportado a %1 (sha256 %2…)</translation>
    </message>
</context>
<context>
    <name>CasesPanel</name>
    <message>
        <source>Search cases…</source>
        <translation>Buscar expedientes…</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>Nuevo expediente…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Cambiar nombre…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>No cases yet. A case holds one matter&apos;s or one patient&apos;s documents; every question reads all of them.

Start with the demo case (three fictional documents) to see an answer cited and checked, or make a case of your own with “New case…”.</source>
        <translation>Todavía no hay expedientes. Un expediente reúne los documentos de un asunto o de un paciente; cada pregunta los lee todos.

Empiece con el expediente de demostración (tres documentos ficticios) para ver una respuesta citada y verificada, o cree su propio expediente con «Nuevo expediente…».</translation>
    </message>
    <message>
        <source>Open the demo case</source>
        <translation>Abrir el expediente de demostración</translation>
    </message>
    <message>
        <source>A supply agreement, a letter and a clinic note, all fictional</source>
        <translation>Un contrato de suministro, una carta y una nota clínica, todos ficticios</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Expedientes</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Buscar expedientes</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n documento</numerusform>
            <numerusform>%n documentos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nuevo expediente</translation>
    </message>
    <message>
        <source>Case name:</source>
        <translation>Nombre del expediente:</translation>
    </message>
    <message>
        <source>Rename case</source>
        <translation>Cambiar el nombre del expediente</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nombre nuevo:</translation>
    </message>
    <message>
        <source>Delete case</source>
        <translation>Eliminar expediente</translation>
    </message>
    <message>
        <source>Delete “%1” for good? Its %2 document(s), %3 page(s), chats and task results are removed from the vault; the audit log keeps a record of the deletion. This cannot be undone.</source>
        <translation>¿Eliminar «%1» definitivamente? Sus %2 documento(s), %3 página(s), conversaciones y resultados de tareas se borrarán de la bóveda; el registro de auditoría deja constancia de la eliminación. Esta acción no se puede deshacer.</translation>
    </message>
</context>
<context>
    <name>ChatPanel</name>
    <message>
        <source>Ask a question about the whole case…</source>
        <translation>Haga una pregunta sobre todo el expediente…</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Preguntar</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>The conversation appears here. Every answer cites its document and page; a ✓ means the quoted words were found on that page. Click a citation to see the page.</source>
        <translation>Aquí aparece la conversación. Cada respuesta cita su documento y su página; una ✓ significa que las palabras citadas se encontraron en esa página. Haga clic en una cita para ver la página.</translation>
    </message>
    <message>
        <source>The last answer&apos;s citations, each with its check: ✓ found on the page, ≠ the page says something else, ✗ not found.</source>
        <translation>Las citas de la última respuesta, cada una con su comprobación: ✓ encontrada en la página, ≠ la página dice otra cosa, ✗ no encontrada.</translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation>Copiar respuesta</translation>
    </message>
    <message>
        <source>Copy chat</source>
        <translation>Copiar la conversación</translation>
    </message>
    <message>
        <source>Chats of this case</source>
        <translation>Conversaciones de este expediente</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Citations of the last answer</source>
        <translation>Citas de la última respuesta</translation>
    </message>
    <message>
        <source>Progress of the answer</source>
        <translation>Progreso de la respuesta</translation>
    </message>
    <message>
        <source>Writing the answer…</source>
        <translation>Redactando la respuesta…</translation>
    </message>
    <message>
        <source>Starting the model…</source>
        <translation>Iniciando el modelo…</translation>
    </message>
    <message>
        <source>Combining the %1 partial answers…</source>
        <translation>Combinando las %1 respuestas parciales…</translation>
    </message>
    <message>
        <source> · about %1 s left</source>
        <translation> · quedan unos %1 s</translation>
    </message>
    <message>
        <source> · %1 tokens/s</source>
        <translation> · %1 tokens/s</translation>
    </message>
    <message>
        <source>reading %1 of %2 tokens%3%4</source>
        <translation>leyendo %1 de %2 tokens%3%4</translation>
    </message>
    <message>
        <source>Pass %1 of %2: %3</source>
        <translation>Pasada %1 de %2: %3</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>iniciando…</translation>
    </message>
    <message>
        <source>Reading the case: %1</source>
        <translation>Leyendo el expediente: %1</translation>
    </message>
    <message>
        <source>(not in this case)</source>
        <translation>(no está en este expediente)</translation>
    </message>
    <message>
        <source>No citations: this answer is not tied to any page and was not verified.</source>
        <translation>Sin citas: esta respuesta no está vinculada a ninguna página y no se ha verificado.</translation>
    </message>
    <message>
        <source>Not cited by the model; Casefile found its figures on: </source>
        <translation>No citado por el modelo; Casefile encontró sus cifras en: </translation>
    </message>
    <message>
        <source>Quotes copied from the pages as the answer was written</source>
        <translation>Citas copiadas de las páginas mientras se redactaba la respuesta</translation>
    </message>
    <message>
        <source>Quotes checked against the pages after the answer</source>
        <translation>Citas comprobadas con las páginas después de la respuesta</translation>
    </message>
    <message>
        <source>Quotes checked against the pages after the answer: the model server cannot copy them by construction</source>
        <translation>Citas comprobadas con las páginas después de la respuesta: el servidor de modelos no puede copiarlas de las páginas al redactar</translation>
    </message>
    <message>
        <source>Not found in the documents: %1</source>
        <translation>No encontrado en los documentos: %1</translation>
    </message>
    <message>
        <source>Not found in the cited pages: %1</source>
        <translation>No encontrado en las páginas citadas: %1</translation>
    </message>
    <message>
        <source>stopped by you</source>
        <translation>detenido por usted</translation>
    </message>
    <message>
        <source>stopped at the length limit</source>
        <translation>detenido al alcanzar el límite de longitud</translation>
    </message>
    <message>
        <source>stopped: the model repeated itself</source>
        <translation>detenido: el modelo se repetía</translation>
    </message>
    <message>
        <source>first token %1 s</source>
        <translation>primer token en %1 s</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 tokens/s</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nueva conversación</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n pregunta</numerusform>
            <numerusform>%n preguntas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CiteCheckActions</name>
    <message>
        <source>Check a brief&apos;s quotations…</source>
        <translation>Verificar las citas de un escrito…</translation>
    </message>
    <message>
        <source>Choose a case first.</source>
        <translation>Elija primero un expediente.</translation>
    </message>
    <message>
        <source>Choose the brief to check</source>
        <translation>Elija el escrito que desea verificar</translation>
    </message>
    <message>
        <source>Checking the brief&apos;s quotations against the record…</source>
        <translation>Cotejando las citas del escrito con los autos…</translation>
    </message>
</context>
<context>
    <name>CiteCheckWindow</name>
    <message>
        <source>Cite-check: %1</source>
        <translation>Verificación de citas: %1</translation>
    </message>
    <message>
        <source>Quotation</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Cited as</source>
        <translation>Citado como</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Autos</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Verificación</translation>
    </message>
    <message>
        <source>%1 quotation(s) with a record citation: %2 verified, %3 not.</source>
        <translation>%1 cita(s) con referencia a los autos: %2 verificada(s), %3 no.</translation>
    </message>
    <message>
        <source>Export DOCX…</source>
        <translation>Exportar como DOCX…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exportar como PDF…</translation>
    </message>
    <message>
        <source>Export the cite-check</source>
        <translation>Exportar la verificación de citas</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Add documents…</source>
        <translation>Añadir documentos…</translation>
    </message>
    <message>
        <source>Or drop files and folders here (Ctrl+O)</source>
        <translation>O arrastre archivos y carpetas aquí (Ctrl+O)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Go to Bates: ABC0001234 or ABC0001230-1240</source>
        <translation>Ir a Bates: ABC0001234 o ABC0001230-1240</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Untick a document to leave it out of questions</source>
        <translation>Desmarque un documento para dejarlo fuera de las preguntas</translation>
    </message>
    <message>
        <source>Go to a Bates number</source>
        <translation>Ir a un número Bates</translation>
    </message>
    <message>
        <source>Progress of adding documents</source>
        <translation>Progreso de la adición de documentos</translation>
    </message>
    <message>
        <source>Share of the model&apos;s window the case fills</source>
        <translation>Parte de la ventana de contexto del modelo que ocupa el expediente</translation>
    </message>
    <message>
        <source>Casefile reads: %1, and production volumes (load files with their images and text).
Scanned pages are read by OCR; every page ends up with its text or a status that says why not.</source>
        <translation>Casefile lee: %1, y volúmenes de producción (archivos de carga con sus imágenes y texto).
Las páginas escaneadas se leen por OCR; cada página acaba con su texto o con un estado que explica por qué no.</translation>
    </message>
    <message>
        <source>Add documents</source>
        <translation>Añadir documentos</translation>
    </message>
    <message>
        <source>Documents Casefile reads (%1)</source>
        <translation>Documentos que Casefile lee (%1)</translation>
    </message>
    <message>
        <source>Production load files (*.dat *.opt *.lfp)</source>
        <translation>Archivos de carga de producción (*.dat *.opt *.lfp)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Drop files or folders here, or press “Add documents…”.</source>
        <translation>Arrastre archivos o carpetas aquí, o pulse «Añadir documentos…».</translation>
    </message>
    <message>
        <source>Open a case on the left (or make one) to add its documents.</source>
        <translation>Abra un expediente a la izquierda (o cree uno) para añadirle documentos.</translation>
    </message>
    <message>
        <source>Ticked: questions read this document</source>
        <translation>Marcado: las preguntas leen este documento</translation>
    </message>
    <message>
        <source>added</source>
        <translation>añadido</translation>
    </message>
    <message>
        <source> Left out by choice: %1.</source>
        <translation> Excluidos por usted: %1.</translation>
    </message>
    <message>
        <source>%1 of %2 tokens · pages %3 in, %4 out%5%6. %7%8</source>
        <translation>%1 de %2 tokens · páginas: %3 incluidas, %4 excluidas%5%6. %7%8</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Welcome to Casefile</source>
        <translation>Le damos la bienvenida a Casefile</translation>
    </message>
    <message>
        <source>Everything you add to Casefile — documents, chats, results — is kept in an encrypted vault on this computer. Choose a passphrase to open it. Nobody, not even us, can open the vault without it or the recovery key you get next.</source>
        <translation>Todo lo que añada a Casefile —documentos, conversaciones, resultados— se guarda en una bóveda cifrada en este equipo. Elija una frase de contraseña para abrirla. Nadie, ni siquiera nosotros, puede abrir la bóveda sin ella o sin la clave de recuperación que recibirá a continuación.</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>Crear la bóveda</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frase de contraseña:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Repetir:</translation>
    </message>
    <message>
        <source>Also unlock with this computer&apos;s login keyring (%1)</source>
        <translation>Desbloquear también con el llavero de inicio de sesión de este equipo (%1)</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Fuerte.</translation>
    </message>
    <message>
        <source>Fair: a few more words would make it strong.</source>
        <translation>Aceptable: unas cuantas palabras más la harían fuerte.</translation>
    </message>
    <message>
        <source>Weak: four or more unrelated words are easy to remember and hard to guess.</source>
        <translation>Débil: cuatro o más palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.</translation>
    </message>
    <message>
        <source>Too short: use at least %1 characters.</source>
        <translation>Demasiado corta: use al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation>Creando la bóveda…</translation>
    </message>
    <message>
        <source>This is your recovery key. It opens the vault if the passphrase is lost. It is shown only this once: print it or save it, and keep it somewhere safe, apart from this computer.</source>
        <translation>Esta es su clave de recuperación. Abre la bóveda si se pierde la frase de contraseña. Solo se muestra esta vez: imprímala o guárdela, y consérvela en un lugar seguro, lejos de este equipo.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Save as PDF to print…</source>
        <translation>Guardar como PDF para imprimir…</translation>
    </message>
    <message>
        <source>Type the key&apos;s last group to confirm</source>
        <translation>Escriba el último grupo de la clave para confirmar</translation>
    </message>
    <message>
        <source>I have kept it safe — continue</source>
        <translation>La he guardado en un lugar seguro — continuar</translation>
    </message>
    <message>
        <source>Casefile recovery key

Vault %1

%2

It opens the vault if the passphrase is lost. Keep it somewhere safe, apart from the computer.</source>
        <translation>Clave de recuperación de Casefile

Bóveda %1

%2

Abre la bóveda si se pierde la frase de contraseña. Consérvela en un lugar seguro, lejos del equipo.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Enviado a la impresora.</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>Guardar la clave de recuperación</translation>
    </message>
    <message>
        <source>Could not save it: %1</source>
        <translation>No se pudo guardar: %1</translation>
    </message>
    <message>
        <source>Saved to %1. Print it, then move the file off this computer.</source>
        <translation>Guardada en %1. Imprímala y después retire el archivo de este equipo.</translation>
    </message>
    <message>
        <source>Open Casefile</source>
        <translation>Abrir Casefile</translation>
    </message>
    <message>
        <source>Preparing the built-in model (SmolLM2-135M-Instruct) for its first use — about 30 seconds, once. A larger model can be imported later from Settings.</source>
        <translation>Preparando el modelo integrado (SmolLM2-135M-Instruct) para su primer uso: unos 30 segundos, una sola vez. Más adelante podrá importar un modelo más grande desde Configuración.</translation>
    </message>
    <message>
        <source>You can still open Casefile and add documents; questions need a model.</source>
        <translation>Aun así, puede abrir Casefile y añadir documentos; para hacer preguntas se necesita un modelo.</translation>
    </message>
    <message>
        <source>The model is ready.</source>
        <translation>El modelo está listo.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Go to a Bates number</source>
        <translation>Ir a un número Bates</translation>
    </message>
    <message>
        <source>Ask the question in the box</source>
        <translation>Hacer la pregunta escrita en el cuadro</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>Detener la respuesta</translation>
    </message>
    <message>
        <source>Find on the page (page viewer)</source>
        <translation>Buscar en la página (visor de páginas)</translation>
    </message>
    <message>
        <source>Search every page of the case</source>
        <translation>Buscar en todas las páginas del caso</translation>
    </message>
    <message>
        <source>Quit Casefile</source>
        <translation>Salir de Casefile</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Ayuda</translation>
    </message>
    <message>
        <source>About Casefile</source>
        <translation>Acerca de Casefile</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Open the demo case</source>
        <translation>Abrir el expediente de demostración</translation>
    </message>
    <message>
        <source>&lt;p&gt;Licence: %1. Everything stays on this computer.&lt;/p&gt;&lt;p&gt;Data folder (the vault, its keys and the audit log): %2&lt;br/&gt;Model store: %3&lt;/p&gt;</source>
        <translation>&lt;p&gt;Licencia: %1. Todo permanece en este equipo.&lt;/p&gt;&lt;p&gt;Carpeta de datos (la bóveda, sus claves y el registro de auditoría): %2&lt;br/&gt;Almacén de modelos: %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Third-party parts</source>
        <translation>Componentes de terceros</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Componente</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
</context>
<context>
    <name>IngestActions</name>
    <message numerus="yes">
        <source>Reading %n item(s)…</source>
        <translation>
            <numerusform>Leyendo %n elemento…</numerusform>
            <numerusform>Leyendo %n elementos…</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>Deteniendo tras el archivo actual…</translation>
    </message>
    <message>
        <source>, about %1 s left</source>
        <translation>, quedan unos %1 s</translation>
    </message>
    <message>
        <source>Reading scanned pages (OCR)</source>
        <translation>Leyendo páginas escaneadas (OCR)</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Leyendo</translation>
    </message>
    <message>
        <source>%1: file %2 of %3, %4 pages at %5 pages/s%6</source>
        <translation>%1: archivo %2 de %3, %4 páginas a %5 páginas/s%6</translation>
    </message>
    <message>
        <source>%1 added, %2 already in the case, %3 not added</source>
        <translation>%1 añadido(s), %2 ya en el expediente, %3 no añadido(s)</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (cancelado)</translation>
    </message>
    <message>
        <source>Not added: %1 — %2</source>
        <translation>No añadido: %1 — %2</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>Se necesita una contraseña</translation>
    </message>
    <message>
        <source>%1 PDF(s) are protected by a password (%2).
Enter the password to read them (it is used for this once and not stored):</source>
        <translation>%1 PDF están protegidos con contraseña (%2).
Introduzca la contraseña para leerlos (solo se usa esta vez y no se guarda):</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Casefile is locked</source>
        <translation>Casefile está bloqueado</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Restart the model</source>
        <translation>Reiniciar el modelo</translation>
    </message>
    <message>
        <source>Model not started</source>
        <translation>Modelo no iniciado</translation>
    </message>
    <message>
        <source>Adding the demo case&apos;s documents…</source>
        <translation>Añadiendo los documentos del expediente de demostración…</translation>
    </message>
    <message>
        <source>The demo case is open: press Ask (or Ctrl+Return).</source>
        <translation>El expediente de demostración está abierto: pulse «Preguntar» (o Ctrl+Intro).</translation>
    </message>
</context>
<context>
    <name>NewReviewDialog</name>
    <message>
        <source>New review</source>
        <translation>Nueva revisión</translation>
    </message>
    <message>
        <source>one per document</source>
        <translation>una por documento</translation>
    </message>
    <message>
        <source>one per family (e-mail and attachments)</source>
        <translation>una por familia (correo electrónico y adjuntos)</translation>
    </message>
    <message>
        <source>its row&apos;s documents only (fast)</source>
        <translation>solo los documentos de su fila (rápido)</translation>
    </message>
    <message>
        <source>the whole case in view</source>
        <translation>todo el expediente</translation>
    </message>
    <message>
        <source>optional: save these columns as a set</source>
        <translation>opcional: guardar estas columnas como conjunto</translation>
    </message>
    <message>
        <source>Column set</source>
        <translation>Conjunto de columnas</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Filas</translation>
    </message>
    <message>
        <source>Each cell reads</source>
        <translation>Cada celda lee</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Guardar como</translation>
    </message>
    <message>
        <source>The columns are not valid JSON: %1</source>
        <translation>Las columnas no son JSON válido: %1</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <source>No page open</source>
        <translation>Ninguna página abierta</translation>
    </message>
    <message>
        <source>OCR text</source>
        <translation>Texto OCR</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>Find on page…</source>
        <translation>Buscar en la página…</translation>
    </message>
    <message>
        <source>Find on the page</source>
        <translation>Buscar en la página</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Reducir</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Ampliar</translation>
    </message>
    <message>
        <source>Opening page %1…</source>
        <translation>Abriendo la página %1…</translation>
    </message>
    <message>
        <source>Text + OCR</source>
        <translation>Texto + OCR</translation>
    </message>
    <message>
        <source>OCR</source>
        <translation>OCR</translation>
    </message>
    <message>
        <source>A blank page: no ink on it.</source>
        <translation>Una página en blanco: no tiene nada escrito.</translation>
    </message>
    <message>
        <source>This scanned page was not read.</source>
        <translation>Esta página escaneada no se ha leído.</translation>
    </message>
    <message>
        <source>This page could not be read.</source>
        <translation>No se pudo leer esta página.</translation>
    </message>
    <message>
        <source>%1 — page %2 of %3%4</source>
        <translation>%1 — página %2 de %3%4</translation>
    </message>
    <message>
        <source>Highlighted on the page.</source>
        <translation>Resaltado en la página.</translation>
    </message>
    <message>
        <source>The marked words were not found on this page.</source>
        <translation>Las palabras marcadas no se encontraron en esta página.</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>&amp;Reviews</source>
        <translation>&amp;Revisiones</translation>
    </message>
    <message>
        <source>New review…</source>
        <translation>Nueva revisión…</translation>
    </message>
    <message>
        <source>Open a review…</source>
        <translation>Abrir una revisión…</translation>
    </message>
    <message>
        <source>Choose a case first.</source>
        <translation>Elija primero un expediente.</translation>
    </message>
    <message>
        <source>Answering the review&apos;s cells…</source>
        <translation>Respondiendo las celdas de la revisión…</translation>
    </message>
    <message>
        <source>Review: %1 of %2 cells answered…</source>
        <translation>Revisión: %1 de %2 celdas respondidas…</translation>
    </message>
    <message>
        <source>Review stopped.</source>
        <translation>Revisión detenida.</translation>
    </message>
    <message>
        <source>Review finished.</source>
        <translation>Revisión terminada.</translation>
    </message>
    <message>
        <source>This case has no reviews yet.</source>
        <translation>Este expediente aún no tiene revisiones.</translation>
    </message>
    <message>
        <source>Open a review</source>
        <translation>Abrir una revisión</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>%1 — review %2</source>
        <translation>%1 — revisión %2</translation>
    </message>
    <message>
        <source>Filter rows…</source>
        <translation>Filtrar filas…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Answer the missing cells</source>
        <translation>Responder las celdas que faltan</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>Exportar como XLSX…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar como CSV…</translation>
    </message>
    <message>
        <source>Export DOCX…</source>
        <translation>Exportar como DOCX…</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>(no consta)</translation>
    </message>
    <message>
        <source>no citation</source>
        <translation>sin cita</translation>
    </message>
    <message>
        <source>%1 of %2 cells · %3 verified · %4 differ · %5 not verified or uncited · %6 · model %7 · manifest %8</source>
        <translation>%1 de %2 celdas · %3 verificadas · %4 discrepantes · %5 sin verificar o sin cita · %6 · modelo %7 · manifiesto %8</translation>
    </message>
    <message>
        <source>each cell read its row&apos;s documents</source>
        <translation>cada celda leyó los documentos de su fila</translation>
    </message>
    <message>
        <source>each cell read the whole case</source>
        <translation>cada celda leyó todo el expediente</translation>
    </message>
    <message>
        <source> · about %1 s left</source>
        <translation> · quedan unos %1 s</translation>
    </message>
    <message>
        <source> · stopped: %1</source>
        <translation> · detenida: %1</translation>
    </message>
    <message>
        <source>Run this cell again</source>
        <translation>Volver a ejecutar esta celda</translation>
    </message>
    <message>
        <source>Run this column again</source>
        <translation>Volver a ejecutar esta columna</translation>
    </message>
    <message>
        <source>Edit this cell…</source>
        <translation>Editar esta celda…</translation>
    </message>
    <message>
        <source>Edit cell</source>
        <translation>Editar celda</translation>
    </message>
    <message>
        <source>%1 — %2
Your value is kept and marked as edited by you:</source>
        <translation>%1 — %2
Su valor se conserva y se marca como editado por usted:</translation>
    </message>
    <message>
        <source>Export review</source>
        <translation>Exportar la revisión</translation>
    </message>
</context>
<context>
    <name>SearchActions</name>
    <message>
        <source>Open a case first: the search reads the open case&apos;s pages.</source>
        <translation>Abra primero un caso: la búsqueda lee las páginas del caso abierto.</translation>
    </message>
    <message>
        <source>No page of this case matches %1.</source>
        <translation>Ninguna página de este caso coincide con %1.</translation>
    </message>
    <message>
        <source>Save as review set</source>
        <translation>Guardar como conjunto de revisión</translation>
    </message>
    <message>
        <source>Name of the set (its documents are the ones this search finds):</source>
        <translation>Nombre del conjunto (sus documentos son los que encuentra esta búsqueda):</translation>
    </message>
    <message>
        <source>Saved “%1”: %2 document(s). Questions now read it.</source>
        <translation>«%1» guardado: %2 documento(s). Las preguntas leen ahora este conjunto.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search this case: words, &quot;phrases&quot;, AND OR NOT, w/5, custodian: date: bates: …</source>
        <translation>Buscar en el caso: palabras, &quot;frases&quot;, AND OR NOT, w/5, custodian: date: bates: …</translation>
    </message>
    <message>
        <source>Search every page of the case</source>
        <translation>Buscar en todas las páginas del caso</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Pasaje</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Save as review set…</source>
        <translation>Guardar como conjunto de revisión…</translation>
    </message>
    <message>
        <source>Every document this search finds, as a set questions can read</source>
        <translation>Cada documento que encuentra esta búsqueda, como conjunto que las preguntas pueden leer</translation>
    </message>
    <message>
        <source>Review set that questions read</source>
        <translation>Conjunto de revisión que leen las preguntas</translation>
    </message>
    <message>
        <source>Questions read:</source>
        <translation>Las preguntas leen:</translation>
    </message>
    <message numerus="yes">
        <source> (the best %n shown)</source>
        <translation>
            <numerusform> (se muestra la mejor)</numerusform>
            <numerusform> (se muestran las %n mejores)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>en %n documento</numerusform>
            <numerusform>en %n documentos</numerusform>
        </translation>
    </message>
    <message>
        <source>the whole case</source>
        <translation>todo el caso</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Models on this computer</source>
        <translation>Modelos en este equipo</translation>
    </message>
    <message>
        <source>%1 — window %2 tokens, %3 MiB, %4, sha256 %5…</source>
        <translation>%1 — ventana de %2 tokens, %3 MiB, %4, sha256 %5…</translation>
    </message>
    <message>
        <source>not qualified yet (python main.py eval --model %1)</source>
        <translation>aún no cualificado (python main.py eval --model %1)</translation>
    </message>
    <message>
        <source>No model is ready yet.</source>
        <translation>Todavía no hay ningún modelo listo.</translation>
    </message>
    <message>
        <source>%1 (not prepared yet)</source>
        <translation>%1 (aún no preparado)</translation>
    </message>
    <message>
        <source>Answer with:</source>
        <translation>Responder con:</translation>
    </message>
    <message>
        <source>Qualify this model…</source>
        <translation>Cualificar este modelo…</translation>
    </message>
    <message>
        <source>Measure its answers on the generated legal and clinical suite (the standard size, a few minutes on a CPU); a stopped run resumes where it stopped</source>
        <translation>Mide sus respuestas con el conjunto de pruebas jurídicas y clínicas generado (tamaño estándar, unos minutos en una CPU); una ejecución detenida se reanuda donde se quedó</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Save signed report…</source>
        <translation>Guardar informe firmado…</translation>
    </message>
    <message>
        <source>The last run&apos;s report (PDF and JSON), signed with this vault&apos;s key; `python main.py eval --verify DIR` checks it</source>
        <translation>El informe de la última ejecución (PDF y JSON), firmado con la clave de esta bóveda; `python main.py eval --verify DIR` lo verifica</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Dispositivo: %1</translation>
    </message>
    <message>
        <source>Import a model folder…</source>
        <translation>Importar una carpeta de modelo…</translation>
    </message>
    <message>
        <source>From removable media: configuration, tokenizer and .safetensors files only, checked and hashed before use</source>
        <translation>Desde medios extraíbles: solo archivos de configuración, de tokenizador y .safetensors, comprobados y con hash calculado antes de usarlos</translation>
    </message>
    <message>
        <source>Where questions are answered</source>
        <translation>Dónde se responden las preguntas</translation>
    </message>
    <message>
        <source>On this computer (nothing leaves it)</source>
        <translation>En este equipo (nada sale de él)</translation>
    </message>
    <message>
        <source>The site&apos;s model server (OpenAI-compatible)</source>
        <translation>El servidor de modelos de la organización (compatible con OpenAI)</translation>
    </message>
    <message>
        <source>model name</source>
        <translation>nombre del modelo</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modelo:</translation>
    </message>
    <message>
        <source>Window (tokens):</source>
        <translation>Ventana de contexto (tokens):</translation>
    </message>
    <message>
        <source>Kept document caches</source>
        <translation>Cachés de documentos conservadas</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automático</translation>
    </message>
    <message>
        <source>Disk the caches may use in all (each case half of it); least recently used go first. Automatic: a fifth of the free disk.</source>
        <translation>Espacio en disco que pueden ocupar las cachés en total (cada expediente, la mitad como máximo); las usadas hace más tiempo se eliminan primero. Automático: una quinta parte del espacio libre.</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Vaciar todo</translation>
    </message>
    <message>
        <source>The next question on each case reads its documents again</source>
        <translation>La siguiente pregunta de cada expediente volverá a leer sus documentos</translation>
    </message>
    <message>
        <source>Disk for caches:</source>
        <translation>Disco para cachés:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Installed: %1. Join several with +, e.g. eng+deu.</source>
        <translation>Instalados: %1. Combine varios con +, p. ej., eng+spa.</translation>
    </message>
    <message>
        <source>none (Tesseract is missing)</source>
        <translation>ninguno (falta Tesseract)</translation>
    </message>
    <message>
        <source>Fast (150 dpi)</source>
        <translation>Rápido (150 ppp)</translation>
    </message>
    <message>
        <source>Accurate (300 dpi: small print, poor scans)</source>
        <translation>Preciso (300 ppp: letra pequeña, escaneos de baja calidad)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>The site&apos;s bar: a model counts as qualified for cases as long as those it answered this well in its last run</source>
        <translation>El umbral de la organización: un modelo se considera cualificado para expedientes tan largos como aquellos en los que alcanzó este nivel en su última ejecución</translation>
    </message>
    <message>
        <source>Quote first, then answer</source>
        <translation>Primero citar, luego responder</translation>
    </message>
    <message>
        <source>Free answer</source>
        <translation>Respuesta libre</translation>
    </message>
    <message>
        <source>Quote first: the model quotes the passages it relies on, then answers from them. Free: the answer alone. In both, on this computer, quotes are copied from the pages as they are written (the site&apos;s server: checked after).</source>
        <translation>Primero citar: el modelo cita los pasajes en los que se basa y luego responde a partir de ellos. Libre: solo la respuesta. En ambos casos, en este equipo, las citas se copian de las páginas a medida que se escriben (en el servidor del centro: se comprueban después).</translation>
    </message>
    <message>
        <source>Answer style:</source>
        <translation>Estilo de respuesta:</translation>
    </message>
    <message>
        <source>OCR languages:</source>
        <translation>Idiomas de OCR:</translation>
    </message>
    <message>
        <source>OCR:</source>
        <translation>OCR:</translation>
    </message>
    <message>
        <source>Lock after idle:</source>
        <translation>Bloquear tras inactividad:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Tema:</translation>
    </message>
    <message>
        <source>Qualifying accuracy:</source>
        <translation>Precisión requerida:</translation>
    </message>
    <message>
        <source>Takes effect the next time Casefile starts</source>
        <translation>Se aplica la próxima vez que se inicie Casefile</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Not known.</source>
        <translation>Desconocido.</translation>
    </message>
    <message>
        <source>%1 kept, %2 MiB of a %3 MiB budget.</source>
        <translation>%1 conservada(s), %2 MiB de un máximo de %3 MiB.</translation>
    </message>
    <message>
        <source>(another vault&apos;s case)</source>
        <translation>(expediente de otra bóveda)</translation>
    </message>
    <message>
        <source>%1: %2 MiB%3</source>
        <translation>%1: %2 MiB%3</translation>
    </message>
    <message>
        <source>Connected: the server answers with that model.</source>
        <translation>Conectado: el servidor responde con ese modelo.</translation>
    </message>
    <message>
        <source>Choose the model folder</source>
        <translation>Elija la carpeta del modelo</translation>
    </message>
    <message>
        <source>, about %1 s left</source>
        <translation>, quedan unos %1 s</translation>
    </message>
    <message>
        <source>Copying and checking: %1 of %2 MiB%3</source>
        <translation>Copiando y comprobando: %1 de %2 MiB%3</translation>
    </message>
    <message>
        <source>Imported %1 (weights sha256 %2…).</source>
        <translation>%1 importado (pesos sha256 %2…).</translation>
    </message>
    <message>
        <source>Qualifying: %1 of %2 questions answered%3…</source>
        <translation>Cualificación: %1 de %2 preguntas respondidas%3…</translation>
    </message>
    <message>
        <source> (stopped: not recorded; Qualify again resumes it)</source>
        <translation> (detenida: no registrada; al volver a cualificar se reanuda)</translation>
    </message>
    <message>
        <source>%1: accuracy %2 over %3 questions%4.</source>
        <translation>%1: precisión %2 en %3 preguntas%4.</translation>
    </message>
    <message>
        <source>Choose a folder for the signed report</source>
        <translation>Elija una carpeta para el informe firmado</translation>
    </message>
    <message>
        <source>Signed report saved: %1 (with report.pdf, report.sig and public_key.pem).</source>
        <translation>Informe firmado guardado: %1 (con report.pdf, report.sig y public_key.pem).</translation>
    </message>
</context>
<context>
    <name>StagedOffer</name>
    <message>
        <source>The case does not fit the window</source>
        <translation>El expediente no cabe en la ventana de contexto</translation>
    </message>
    <message>
        <source>Casefile can answer in passes over window-sized parts of the case and combine them; the answer will say so. Or untick documents in the documents table to leave them out.</source>
        <translation>Casefile puede responder en varias pasadas sobre partes del expediente del tamaño de la ventana y combinarlas; la respuesta lo indicará. También puede desmarcar documentos en la tabla de documentos para dejarlos fuera.</translation>
    </message>
    <message>
        <source>Answer in staged passes</source>
        <translation>Responder en varias pasadas</translation>
    </message>
</context>
<context>
    <name>TaskResults</name>
    <message>
        <source>Check</source>
        <translation>Verificación</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>the whole case, read at once</source>
        <translation>todo el expediente, leído de una vez</translation>
    </message>
    <message>
        <source>%1 rows: %2 verified on their page, %3 not verified or uncited · %4 · model %5 · manifest %6</source>
        <translation>%1 filas: %2 verificadas en su página, %3 sin verificar o sin cita · %4 · modelo %5 · manifiesto %6</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar como CSV…</translation>
    </message>
    <message>
        <source>Export DOCX…</source>
        <translation>Exportar como DOCX…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exportar como PDF…</translation>
    </message>
    <message>
        <source>Export task result</source>
        <translation>Exportar el resultado de la tarea</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Casefile</source>
        <translation>Desbloquear Casefile</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frase de contraseña:</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
</context>
</TS>

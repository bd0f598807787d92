<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AdminAgreementScreen</name>
    <message>
        <source>In force: Cairn&apos;s default text (version %1)</source>
        <translation>En vigor: el texto predeterminado de Cairn (versión %1)</translation>
    </message>
    <message>
        <source>In force: the clinic&apos;s text, version %1</source>
        <translation>En vigor: el texto de la clínica, versión %1</translation>
    </message>
    <message>
        <source>Write each section as a paragraph, with an empty line between sections. Saving makes a new version; patients who signed keep the version they read.</source>
        <translation>Escriba cada sección como un párrafo, con una línea vacía entre secciones. Al guardar se crea una versión nueva; los pacientes que firmaron conservan la versión que leyeron.</translation>
    </message>
    <message>
        <source>Title in English</source>
        <translation>Título en inglés</translation>
    </message>
    <message>
        <source>Text in English</source>
        <translation>Texto en inglés</translation>
    </message>
    <message>
        <source>Title in Spanish</source>
        <translation>Título en español</translation>
    </message>
    <message>
        <source>Text in Spanish</source>
        <translation>Texto en español</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>Guardar como versión nueva</translation>
    </message>
</context>
<context>
    <name>AdminEnrollScreen</name>
    <message>
        <source>✓ Enrolled with clinic %1 at %2</source>
        <translation>✓ Inscrita en la clínica %1 en %2</translation>
    </message>
    <message>
        <source>Not enrolled. Records stay on this tablet until it is enrolled with the clinic&apos;s server.</source>
        <translation>Sin inscribir. Los registros se quedan en esta tableta hasta que se inscriba en el servidor de la clínica.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>Server&apos;s CA certificate: the path of a PEM file, or the certificate pasted here</source>
        <translation>Certificado de la autoridad (CA) del servidor: la ruta de un archivo PEM, o el certificado pegado aquí</translation>
    </message>
    <message>
        <source>/media/usb/clinic-ca.pem or -----BEGIN CERTIFICATE-----…</source>
        <translation>/media/usb/clinic-ca.pem o -----BEGIN CERTIFICATE-----…</translation>
    </message>
    <message>
        <source>CA certificate, file path or pasted text</source>
        <translation>Certificado CA, ruta del archivo o texto pegado</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Código de un solo uso</translation>
    </message>
    <message>
        <source>One-time enrollment code</source>
        <translation>Código de inscripción de un solo uso</translation>
    </message>
    <message>
        <source>Enroll this tablet</source>
        <translation>Inscribir esta tableta</translation>
    </message>
    <message>
        <source>Enroll this tablet with the server</source>
        <translation>Inscribir esta tableta en el servidor</translation>
    </message>
</context>
<context>
    <name>AdminImportScreen</name>
    <message>
        <source>Patient name</source>
        <translation>Nombre del paciente</translation>
    </message>
    <message>
        <source>Chart number</source>
        <translation>Número de expediente</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>Prescriptor</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Long-term opioid therapy since</source>
        <translation>Tratamiento prolongado con opioides desde</translation>
    </message>
    <message>
        <source>Agreement signed on</source>
        <translation>Acuerdo firmado el</translation>
    </message>
    <message>
        <source>Last PDMP check</source>
        <translation>Última consulta del PDMP</translation>
    </message>
    <message>
        <source>Last urine test</source>
        <translation>Última prueba de orina</translation>
    </message>
    <message>
        <source>Last urine test result</source>
        <translation>Resultado de la última prueba de orina</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>Fila %1, %2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Elija el archivo que va a importar</translation>
    </message>
    <message>
        <source>FHIR files or spreadsheets (*.json *.ndjson *.csv *.tsv *.txt *.xlsx)</source>
        <translation>Archivos FHIR u hojas de cálculo (*.json *.ndjson *.csv *.tsv *.txt *.xlsx)</translation>
    </message>
    <message>
        <source>Bring in patients from the health record (a FHIR file) or from the clinic&apos;s registry spreadsheet. Nothing is saved until you check what Cairn will store and choose Import; a file with any problem is not imported at all.</source>
        <translation>Traiga pacientes del expediente clínico (un archivo FHIR) o de la hoja de cálculo del registro de la clínica. No se guarda nada hasta que revise lo que Cairn guardará y elija Importar; un archivo con algún problema no se importa en absoluto.</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Elegir un archivo</translation>
    </message>
    <message>
        <source>Choose another file</source>
        <translation>Elegir otro archivo</translation>
    </message>
    <message>
        <source>How the file is read</source>
        <translation>Cómo se lee el archivo</translation>
    </message>
    <message>
        <source>Columns separated by</source>
        <translation>Columnas separadas por</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>Coma</translation>
    </message>
    <message>
        <source>Semicolon</source>
        <translation>Punto y coma</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulador</translation>
    </message>
    <message>
        <source>Vertical bar</source>
        <translation>Barra vertical</translation>
    </message>
    <message>
        <source>Text encoding</source>
        <translation>Codificación del texto</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>Windows-1252 (Excel on Windows)</source>
        <translation>Windows-1252 (Excel en Windows)</translation>
    </message>
    <message>
        <source>Which column holds what</source>
        <translation>Qué columna tiene cada dato</translation>
    </message>
    <message>
        <source>The columns chosen at the last import are filled in. Check them.</source>
        <translation>Se rellenaron las columnas elegidas en la última importación. Revíselas.</translation>
    </message>
    <message>
        <source>Not in this file</source>
        <translation>No está en este archivo</translation>
    </message>
    <message>
        <source>How the sheet writes dates</source>
        <translation>Cómo escribe las fechas la hoja</translation>
    </message>
    <message>
        <source>For example MM/dd/yyyy or dd/MM/yyyy. Empty: 2026-03-04. Cairn never guesses whether 03/04 is March or April.</source>
        <translation>Por ejemplo MM/dd/yyyy o dd/MM/yyyy. Vacío: 2026-03-04. Cairn nunca adivina si 03/04 es marzo o abril.</translation>
    </message>
    <message>
        <source>Choose the columns</source>
        <translation>Elija las columnas</translation>
    </message>
    <message>
        <source>The first rows as Cairn will store them</source>
        <translation>Las primeras filas tal como Cairn las guardará</translation>
    </message>
    <message>
        <source>%1 of %2 rows read whole.</source>
        <translation>%1 de %2 filas leídas completas.</translation>
    </message>
    <message>
        <source>Row %1: %2, chart %3</source>
        <translation>Fila %1: %2, expediente %3</translation>
    </message>
    <message>
        <source>What the file holds</source>
        <translation>Qué contiene el archivo</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n paciente</numerusform>
            <numerusform>%n pacientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n opioid prescription(s)</source>
        <translation>
            <numerusform>%n receta de opioides</numerusform>
            <numerusform>%n recetas de opioides</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sedative prescription(s)</source>
        <translation>
            <numerusform>%n receta de sedantes</numerusform>
            <numerusform>%n recetas de sedantes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3 (%4)</source>
        <translation>%1: %2, %3 (%4)</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): nothing will be imported until the file is corrected</source>
        <translation>
            <numerusform>%n problema: no se importará nada hasta corregir el archivo</numerusform>
            <numerusform>%n problemas: no se importará nada hasta corregir el archivo</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Leyendo…</translation>
    </message>
    <message numerus="yes">
        <source>Import %n patient(s)</source>
        <translation>
            <numerusform>Importar %n paciente</numerusform>
            <numerusform>Importar %n pacientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>Importado.</translation>
    </message>
    <message>
        <source>Correct every problem first.</source>
        <translation>Corrija primero todos los problemas.</translation>
    </message>
    <message numerus="yes">
        <source>%n screen(s) and urine test(s) (PEG, PHQ-9, GAD-7 and others)</source>
        <translation>
            <numerusform>%n cuestionario o prueba de orina (PEG, PHQ-9, GAD-7 y otros)</numerusform>
            <numerusform>%n cuestionarios y pruebas de orina (PEG, PHQ-9, GAD-7 y otros)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other record(s) (agreements, visits, referrals, PDMP checks, naloxone, clinician decisions, opioid use disorder checklists and treatment, intakes, tasks, taper plans, refill requests, urine test selections, case conferences, goals)</source>
        <translation>
            <numerusform>%n registro más (acuerdos, visitas, derivaciones, consultas del PDMP, naloxona, decisiones clínicas, listas de criterios y tratamiento del trastorno por consumo de opioides, admisiones, tareas, planes de reducción, solicitudes de resurtido, selecciones para prueba de orina, sesiones clínicas, objetivos)</numerusform>
            <numerusform>%n registros más (acuerdos, visitas, derivaciones, consultas del PDMP, naloxona, decisiones clínicas, listas de criterios y tratamiento del trastorno por consumo de opioides, admisiones, tareas, planes de reducción, solicitudes de resurtido, selecciones para prueba de orina, sesiones clínicas, objetivos)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) will come in without something the file does not hold</source>
        <translation>
            <numerusform>%n registro entrará sin algo que el archivo no contiene</numerusform>
            <numerusform>%n registros entrarán sin algo que el archivo no contiene</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AdminPolicyScreen</name>
    <message>
        <source>Policy in force: version %1</source>
        <translation>Política vigente: versión %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not saved</source>
        <translation>
            <numerusform>%n cambio sin guardar</numerusform>
            <numerusform>%n cambios sin guardar</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Deshacer cambios</translation>
    </message>
    <message>
        <source>Undo the changes not yet saved</source>
        <translation>Deshacer los cambios que aún no se han guardado</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>Guardar como versión nueva</translation>
    </message>
    <message>
        <source>Check the changes and save them as a new policy version</source>
        <translation>Comprobar los cambios y guardarlos como una versión nueva de la política</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>AdminScreen</name>
    <message>
        <source>Users and roles</source>
        <translation>Usuarios y funciones</translation>
    </message>
    <message>
        <source>Add or remove people, change a PIN, end a lockout.</source>
        <translation>Agregar o quitar personas, cambiar un PIN, terminar un bloqueo.</translation>
    </message>
    <message>
        <source>Clinic policy</source>
        <translation>Política de la clínica</translation>
    </message>
    <message>
        <source>How often each check is due, naloxone and refill rules, thresholds.</source>
        <translation>Cada cuánto toca cada control, reglas de naloxona y de resurtidos, umbrales.</translation>
    </message>
    <message>
        <source>Server enrollment</source>
        <translation>Inscripción en el servidor</translation>
    </message>
    <message>
        <source>Connect this tablet to the clinic&apos;s sync server.</source>
        <translation>Conectar esta tableta al servidor de sincronización de la clínica.</translation>
    </message>
    <message>
        <source>Patient agreement text</source>
        <translation>Texto del acuerdo con el paciente</translation>
    </message>
    <message>
        <source>The clinic&apos;s own agreement, in English and Spanish, shown for patients to sign.</source>
        <translation>El acuerdo propio de la clínica, en inglés y español, que se muestra a los pacientes para firmar.</translation>
    </message>
    <message>
        <source>Import patients</source>
        <translation>Importar pacientes</translation>
    </message>
    <message>
        <source>From the health record (a FHIR file) or the clinic&apos;s registry spreadsheet.</source>
        <translation>Del expediente clínico (un archivo FHIR) o de la hoja de cálculo del registro de la clínica.</translation>
    </message>
</context>
<context>
    <name>AdminUsersScreen</name>
    <message numerus="yes">
        <source>%n person(s) can sign in on this tablet</source>
        <translation>
            <numerusform>%n persona puede iniciar sesión en esta tableta</numerusform>
            <numerusform>%n personas pueden iniciar sesión en esta tableta</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>Agregar un usuario</translation>
    </message>
    <message>
        <source>End lockout</source>
        <translation>Terminar bloqueo</translation>
    </message>
    <message>
        <source>End the lockout of %1</source>
        <translation>Terminar el bloqueo de %1</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>Cambiar PIN</translation>
    </message>
    <message>
        <source>Change the PIN of %1</source>
        <translation>Cambiar el PIN de %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar a %1</translation>
    </message>
    <message>
        <source>New PIN for %1</source>
        <translation>PIN nuevo para %1</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>¿Quitar a %1?</translation>
    </message>
    <message>
        <source>They will no longer be able to sign in on this tablet. Their records stay in the registry.</source>
        <translation>Ya no podrá iniciar sesión en esta tableta. Lo que registró se queda en el registro.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Name of the new user</source>
        <translation>Nombre del usuario nuevo</translation>
    </message>
    <message>
        <source>Role of the new user: %1</source>
        <translation>Función del usuario nuevo: %1</translation>
    </message>
    <message>
        <source>Enter the new PIN (at least 4 digits), then confirm it.</source>
        <translation>Escriba el PIN nuevo (al menos 4 dígitos) y confírmelo.</translation>
    </message>
    <message>
        <source>Enter the same PIN again, then confirm it.</source>
        <translation>Escriba el mismo PIN otra vez y confírmelo.</translation>
    </message>
    <message>
        <source>Yes, remove %1</source>
        <translation>Sí, quitar a %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel and close the form</source>
        <translation>Cancelar y cerrar el formulario</translation>
    </message>
</context>
<context>
    <name>AgreementScreen</name>
    <message>
        <source>Patient agreement</source>
        <translation>Acuerdo con el paciente</translation>
    </message>
    <message>
        <source>Language of the text</source>
        <translation>Idioma del texto</translation>
    </message>
    <message>
        <source>For %1 · text version %2</source>
        <translation>Para %1 · versión del texto %2</translation>
    </message>
    <message>
        <source>Sign here with your finger</source>
        <translation>Firme aquí con el dedo</translation>
    </message>
    <message>
        <source>If the patient declines: what they said (optional)</source>
        <translation>Si el paciente no firma: lo que dijo (opcional)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Patient declines</source>
        <translation>El paciente no firma</translation>
    </message>
    <message>
        <source>Save signature</source>
        <translation>Guardar la firma</translation>
    </message>
    <message>
        <source>The patient signs above first.</source>
        <translation>Primero el paciente firma arriba.</translation>
    </message>
</context>
<context>
    <name>AsyncState</name>
    <message>
        <source>The registry is locked.</source>
        <translation>El registro está bloqueado.</translation>
    </message>
</context>
<context>
    <name>CaseSummaryScreen</name>
    <message>
        <source>Save the case summary</source>
        <translation>Guardar el resumen del caso</translation>
    </message>
    <message>
        <source>Case summary: %1</source>
        <translation>Resumen del caso: %1</translation>
    </message>
    <message>
        <source>Case summary</source>
        <translation>Resumen del caso</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Cargando</translation>
    </message>
    <message>
        <source>Chart %1 · %2 years · prescriber %3 · made on %4</source>
        <translation>Expediente %1 · %2 años · prescriptor %3 · hecho el %4</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <source>The question for the team</source>
        <translation>La pregunta para el equipo</translation>
    </message>
    <message>
        <source>Current regimen: %1 MME/day</source>
        <translation>Pauta actual: %1 MME/día</translation>
    </message>
    <message>
        <source>%1 since %2: %3 MME/day</source>
        <translation>%1 desde el %2: %3 MME/día</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>no se cuenta</translation>
    </message>
    <message>
        <source>No opioid is active.</source>
        <translation>No hay ningún opioide activo.</translation>
    </message>
    <message>
        <source>MME history</source>
        <translation>Historial de MME</translation>
    </message>
    <message>
        <source>From %1: %2 MME/day</source>
        <translation>Desde el %1: %2 MME/día</translation>
    </message>
    <message>
        <source>No opioid on record.</source>
        <translation>No hay opioides registrados.</translation>
    </message>
    <message>
        <source>Sedatives</source>
        <translation>Sedantes</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 desde el %2</translation>
    </message>
    <message>
        <source>No sedative on record.</source>
        <translation>No hay sedantes registrados.</translation>
    </message>
    <message>
        <source>PEG trend</source>
        <translation>Evolución del PEG</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Baseline %1; 30% better than baseline: %2</source>
        <translation>Inicial %1; 30 % mejor que el inicial: %2</translation>
    </message>
    <message>
        <source>No PEG on record.</source>
        <translation>No hay PEG registrados.</translation>
    </message>
    <message>
        <source>Screenings</source>
        <translation>Cribados</translation>
    </message>
    <message>
        <source>%1 %2: %3 %4</source>
        <translation>%1 %2: %3 %4</translation>
    </message>
    <message>
        <source>No screening on record.</source>
        <translation>No hay cribados registrados.</translation>
    </message>
    <message>
        <source>Urine drug tests and PDMP checks</source>
        <translation>Análisis de orina y consultas al PDMP</translation>
    </message>
    <message>
        <source>%1 urine test: %2</source>
        <translation>%1 análisis de orina: %2</translation>
    </message>
    <message>
        <source>%1 PDMP check%2</source>
        <translation>%1 consulta al PDMP%2</translation>
    </message>
    <message>
        <source>: concerning</source>
        <translation>: preocupante</translation>
    </message>
    <message>
        <source>None on record.</source>
        <translation>Nada registrado.</translation>
    </message>
    <message>
        <source>Tapers, referrals, goals and open tasks</source>
        <translation>Reducciones, derivaciones, objetivos y tareas pendientes</translation>
    </message>
    <message numerus="yes">
        <source>%1 taper plan: %2, %n step(s)</source>
        <translation>
            <numerusform>%1 plan de reducción: %2, %n paso</numerusform>
            <numerusform>%1 plan de reducción: %2, %n pasos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 referral: %2</source>
        <translation>%1 derivación: %2</translation>
    </message>
    <message>
        <source>%1 goal: %2</source>
        <translation>%1 objetivo: %2</translation>
    </message>
    <message>
        <source>Task due %1: %2</source>
        <translation>Tarea para el %1: %2</translation>
    </message>
    <message>
        <source>Open care gaps</source>
        <translation>Brechas de atención abiertas</translation>
    </message>
    <message>
        <source>No open care gap.</source>
        <translation>No hay brechas de atención abiertas.</translation>
    </message>
    <message>
        <source>View as PDF</source>
        <translation>Ver como PDF</translation>
    </message>
    <message>
        <source>Case summary (PDF)</source>
        <translation>Resumen del caso (PDF)</translation>
    </message>
</context>
<context>
    <name>ChoiceChips</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ClinicianMeetingScreen</name>
    <message numerus="yes">
        <source>%n case conference(s) to discuss</source>
        <translation>
            <numerusform>%n sesión clínica por comentar</numerusform>
            <numerusform>%n sesiones clínicas por comentar</numerusform>
        </translation>
    </message>
    <message>
        <source>Each is a clinician&apos;s one question about a patient. Read the case summary before the meeting; record the team&apos;s recommendations after it.</source>
        <translation>Cada una es la pregunta de un clínico sobre un paciente. Lea el resumen del caso antes de la reunión; anote las recomendaciones del equipo después.</translation>
    </message>
    <message>
        <source>No case conference is waiting.</source>
        <translation>No hay ninguna sesión clínica pendiente.</translation>
    </message>
    <message>
        <source>Clinician meeting on</source>
        <translation>Reunión clínica el</translation>
    </message>
    <message>
        <source>Move to this meeting</source>
        <translation>Pasar a esta reunión</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programar</translation>
    </message>
    <message>
        <source>Choose the meeting&apos;s date first</source>
        <translation>Elija primero la fecha de la reunión</translation>
    </message>
    <message>
        <source>Case summary</source>
        <translation>Resumen del caso</translation>
    </message>
    <message>
        <source>Record the team&apos;s note</source>
        <translation>Anotar la nota del equipo</translation>
    </message>
    <message>
        <source>Open the record</source>
        <translation>Abrir el expediente</translation>
    </message>
    <message numerus="yes">
        <source>%n open task(s) for your role</source>
        <translation>
            <numerusform>%n tarea pendiente para su función</numerusform>
            <numerusform>%n tareas pendientes para su función</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictsScreen</name>
    <message numerus="yes">
        <source>%n conflict(s) to review</source>
        <translation>
            <numerusform>%n conflicto por revisar</numerusform>
            <numerusform>%n conflictos por revisar</numerusform>
        </translation>
    </message>
    <message>
        <source>Two tablets changed the same thing while apart. Until you choose, the later change is in force; both stay in the history.</source>
        <translation>Dos tabletas cambiaron lo mismo mientras estaban desconectadas. Hasta que usted elija, rige el cambio más reciente; ambos quedan en el historial.</translation>
    </message>
    <message>
        <source>Nothing to review: every tablet agrees.</source>
        <translation>Nada que revisar: todas las tabletas coinciden.</translation>
    </message>
    <message>
        <source>%1 · in force for now</source>
        <translation>%1 · vigente por ahora</translation>
    </message>
    <message>
        <source>Keep this</source>
        <translation>Conservar este</translation>
    </message>
    <message>
        <source>Keep %1</source>
        <translation>Conservar %1</translation>
    </message>
    <message>
        <source>Open %1&apos;s record</source>
        <translation>Abrir el expediente de %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ConsultNoteScreen</name>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Derivación</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Taper step</source>
        <translation>Paso de la reducción</translation>
    </message>
    <message>
        <source>Medical assistant</source>
        <translation>Asistente médico</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>Enfermería</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Clínico</translation>
    </message>
    <message>
        <source>Registry manager</source>
        <translation>Gestor del registro</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>The team&apos;s note</source>
        <translation>La nota del equipo</translation>
    </message>
    <message>
        <source>Question: %1</source>
        <translation>Pregunta: %1</translation>
    </message>
    <message>
        <source>What the team said</source>
        <translation>Lo que dijo el equipo</translation>
    </message>
    <message>
        <source>Recommendation %1</source>
        <translation>Recomendación %1</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Se convierte en</translation>
    </message>
    <message>
        <source>e.g. Request the prior prescriber&apos;s records</source>
        <translation>p. ej., Pedir el expediente al prescriptor anterior</translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation>Quién lo hace</translation>
    </message>
    <message>
        <source>Step date</source>
        <translation>Fecha del paso</translation>
    </message>
    <message>
        <source>Aim to reach it by</source>
        <translation>Intentar lograrlo para el</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Para el</translation>
    </message>
    <message>
        <source>Kind of referral, e.g. addiction_medicine</source>
        <translation>Tipo de derivación, p. ej., addiction_medicine</translation>
    </message>
    <message>
        <source>Target MME per day, e.g. 112.5</source>
        <translation>MME diarios objetivo, p. ej., 112.5</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Add a recommendation</source>
        <translation>Añadir una recomendación</translation>
    </message>
    <message>
        <source>Conversation scripts the team suggests</source>
        <translation>Guiones de conversación que sugiere el equipo</translation>
    </message>
    <message>
        <source>Script ids, e.g. tapering, unexpected-uds</source>
        <translation>Identificadores de guion, p. ej., tapering, unexpected-uds</translation>
    </message>
    <message>
        <source>Record the note and make the records</source>
        <translation>Anotar la nota y crear los registros</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: not chosen</source>
        <translation>%1: sin elegir</translation>
    </message>
    <message>
        <source>From record</source>
        <translation>Del expediente</translation>
    </message>
    <message>
        <source>Opens a calendar</source>
        <translation>Abre un calendario</translation>
    </message>
    <message>
        <source>Choose a date</source>
        <translation>Elija una fecha</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>Or type it</source>
        <translation>O escríbala</translation>
    </message>
    <message>
        <source>Year-month-day, e.g. 2026-11-07</source>
        <translation>Año-mes-día, p. ej., 2026-11-07</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Usar</translation>
    </message>
    <message>
        <source>Use the typed date</source>
        <translation>Usar la fecha escrita</translation>
    </message>
    <message>
        <source>Not a date. Type year-month-day, e.g. 2026-11-07.</source>
        <translation>No es una fecha. Escriba año-mes-día, p. ej., 2026-11-07.</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Mes anterior</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Mes siguiente</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
</context>
<context>
    <name>FormField</name>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
</context>
<context>
    <name>GapAction</name>
    <message>
        <source>Sign the agreement</source>
        <translation>Firmar el acuerdo</translation>
    </message>
    <message>
        <source>Record a PDMP check</source>
        <translation>Registrar una consulta del PDMP</translation>
    </message>
    <message>
        <source>Record a urine test</source>
        <translation>Registrar una prueba de orina</translation>
    </message>
    <message>
        <source>Book a visit</source>
        <translation>Programar una visita</translation>
    </message>
    <message>
        <source>Record PEG</source>
        <translation>Registrar el PEG</translation>
    </message>
    <message>
        <source>Record naloxone</source>
        <translation>Registrar la naloxona</translation>
    </message>
    <message>
        <source>Record the ORT</source>
        <translation>Registrar la ORT</translation>
    </message>
    <message>
        <source>Screen at rooming</source>
        <translation>Evaluar al preparar la consulta</translation>
    </message>
    <message>
        <source>Open the visit</source>
        <translation>Abrir la visita</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>Atrasado desde el %1</translation>
    </message>
    <message>
        <source>Due by %1</source>
        <translation>Vence el %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Vence %1</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>Para: %1</translation>
    </message>
    <message>
        <source>Continue the intake</source>
        <translation>Continuar la admisión</translation>
    </message>
    <message>
        <source>Record the first-visit decision</source>
        <translation>Registrar la decisión de la primera visita</translation>
    </message>
    <message>
        <source>Offer treatment</source>
        <translation>Ofrecer tratamiento</translation>
    </message>
    <message>
        <source>Review the bridge</source>
        <translation>Revisar el puente</translation>
    </message>
</context>
<context>
    <name>GapChip</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>High priority</source>
        <translation>Prioridad alta</translation>
    </message>
    <message>
        <source>Medium priority</source>
        <translation>Prioridad media</translation>
    </message>
    <message>
        <source>Low priority</source>
        <translation>Prioridad baja</translation>
    </message>
</context>
<context>
    <name>GapPhrase</name>
    <message>
        <source>No patient agreement</source>
        <translation>Sin acuerdo con el paciente</translation>
    </message>
    <message>
        <source>Agreement renewal overdue</source>
        <translation>Renovación del acuerdo atrasada</translation>
    </message>
    <message>
        <source>Agreement renewal due soon</source>
        <translation>Renovación del acuerdo próxima</translation>
    </message>
    <message>
        <source>No PDMP check on record</source>
        <translation>Sin consulta del PDMP registrada</translation>
    </message>
    <message>
        <source>PDMP check overdue</source>
        <translation>Consulta del PDMP atrasada</translation>
    </message>
    <message>
        <source>PDMP check due soon</source>
        <translation>Consulta del PDMP próxima</translation>
    </message>
    <message>
        <source>No urine test on record</source>
        <translation>Sin análisis de orina registrado</translation>
    </message>
    <message>
        <source>Urine test overdue</source>
        <translation>Análisis de orina atrasado</translation>
    </message>
    <message>
        <source>Urine test due soon</source>
        <translation>Análisis de orina próximo</translation>
    </message>
    <message>
        <source>No visit on record</source>
        <translation>Sin visita registrada</translation>
    </message>
    <message>
        <source>Visit overdue</source>
        <translation>Visita atrasada</translation>
    </message>
    <message>
        <source>Visit due soon</source>
        <translation>Visita próxima</translation>
    </message>
    <message>
        <source>No PEG score on record</source>
        <translation>Sin puntuación PEG registrada</translation>
    </message>
    <message>
        <source>PEG score overdue</source>
        <translation>Puntuación PEG atrasada</translation>
    </message>
    <message>
        <source>PEG score due soon</source>
        <translation>Puntuación PEG próxima</translation>
    </message>
    <message>
        <source>No depression screen on record</source>
        <translation>Sin evaluación de depresión registrada</translation>
    </message>
    <message>
        <source>Depression screen overdue</source>
        <translation>Evaluación de depresión atrasada</translation>
    </message>
    <message>
        <source>Depression screen due soon</source>
        <translation>Evaluación de depresión próxima</translation>
    </message>
    <message>
        <source>Complete a PHQ-9</source>
        <translation>Completar un PHQ-9</translation>
    </message>
    <message>
        <source>Safety check: PHQ-9 item 9</source>
        <translation>Evaluar la seguridad: pregunta 9 del PHQ-9</translation>
    </message>
    <message>
        <source>Offer naloxone</source>
        <translation>Ofrecer naloxona</translation>
    </message>
    <message>
        <source>Offer naloxone again</source>
        <translation>Volver a ofrecer naloxona</translation>
    </message>
    <message>
        <source>Review a dose of 90 MME or more</source>
        <translation>Revisar una dosis de 90 MME o más</translation>
    </message>
    <message>
        <source>Review the benzodiazepine with the opioid</source>
        <translation>Revisar la benzodiacepina junto con el opioide</translation>
    </message>
    <message>
        <source>Discuss the unexpected urine result</source>
        <translation>Hablar del resultado de orina inesperado</translation>
    </message>
    <message>
        <source>Assess opioid risk</source>
        <translation>Evaluar el riesgo con opioides</translation>
    </message>
    <message>
        <source>Refer, or record why not</source>
        <translation>Derivar, o registrar por qué no</translation>
    </message>
    <message>
        <source>Follow up the referral</source>
        <translation>Dar seguimiento a la derivación</translation>
    </message>
    <message>
        <source>Complete the new-patient intake</source>
        <translation>Completar la admisión del paciente nuevo</translation>
    </message>
    <message>
        <source>Opioid prescribed before the new-patient items</source>
        <translation>Opioide recetado antes de los requisitos para pacientes nuevos</translation>
    </message>
    <message>
        <source>Offer treatment for opioid use disorder</source>
        <translation>Ofrecer tratamiento para el trastorno por consumo de opioides</translation>
    </message>
    <message>
        <source>Review the bridge: its date has passed</source>
        <translation>Revisar el puente: su fecha ya pasó</translation>
    </message>
    <message>
        <source>A task is past its due date</source>
        <translation>Una tarea pasó su fecha límite</translation>
    </message>
</context>
<context>
    <name>HuddleScreen</name>
    <message numerus="yes">
        <source>%n patient(s) on long-term opioid therapy booked</source>
        <translation>
            <numerusform>%n paciente con terapia de opioides a largo plazo tiene cita</numerusform>
            <numerusform>%n pacientes con terapia de opioides a largo plazo tienen cita</numerusform>
        </translation>
    </message>
    <message>
        <source>No patients on long-term opioid therapy are booked for this day.</source>
        <translation>Ningún paciente con terapia de opioides a largo plazo tiene cita este día.</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Profesional clínico</translation>
    </message>
    <message>
        <source>Registry manager and front desk</source>
        <translation>Responsable del registro y recepción</translation>
    </message>
    <message>
        <source>Show the tasks for:</source>
        <translation>Mostrar las tareas de:</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Todo el equipo</translation>
    </message>
    <message>
        <source>Medical assistant</source>
        <translation>Asistente médico</translation>
    </message>
    <message>
        <source>Showing the tasks for: %1</source>
        <translation>Se muestran las tareas de: %1</translation>
    </message>
    <message>
        <source>Show the tasks for: %1</source>
        <translation>Mostrar las tareas de: %1</translation>
    </message>
    <message>
        <source>%1 of them with tasks for this role.</source>
        <translation>%1 de ellos con tareas para este puesto.</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Día anterior</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Día siguiente</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Show today&apos;s huddle</source>
        <translation>Mostrar la reunión de hoy</translation>
    </message>
    <message>
        <source>Today&apos;s list could not be read</source>
        <translation>No se pudo leer la lista de hoy</translation>
    </message>
    <message>
        <source>No one booked</source>
        <translation>Nadie con cita</translation>
    </message>
    <message>
        <source>No one with tasks for this role</source>
        <translation>Nadie con tareas para este rol</translation>
    </message>
    <message>
        <source>The patients booked have no tasks for this role.</source>
        <translation>Los pacientes con cita no tienen tareas para este rol.</translation>
    </message>
    <message>
        <source>Show everyone</source>
        <translation>Mostrar a todos</translation>
    </message>
    <message>
        <source>No time booked</source>
        <translation>Sin hora de cita</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 más</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Preparar</translation>
    </message>
    <message>
        <source>Room %1</source>
        <translation>Preparar la visita de %1</translation>
    </message>
    <message>
        <source>Choose a patient</source>
        <translation>Elija un paciente</translation>
    </message>
    <message>
        <source>Their summary shows here, beside the day&apos;s list.</source>
        <translation>Su resumen aparece aquí, junto a la lista del día.</translation>
    </message>
    <message>
        <source>Urgent (%1)</source>
        <translation>Urgentes (%1)</translation>
    </message>
    <message>
        <source>Everyone else (%1)</source>
        <translation>Los demás (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n action-plan item(s) due for you</source>
        <translation>
            <numerusform>%n tarea del plan de acción vence para usted</numerusform>
            <numerusform>%n tareas del plan de acción vencen para usted</numerusform>
        </translation>
    </message>
    <message>
        <source>From the clinic&apos;s self-assessment.</source>
        <translation>De la autoevaluación de la clínica.</translation>
    </message>
    <message>
        <source>Open the action plan</source>
        <translation>Abrir el plan de acción</translation>
    </message>
    <message>
        <source>Clinic self-assessment</source>
        <translation>Autoevaluación de la clínica</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) due for you</source>
        <translation>
            <numerusform>%n tarea para usted</numerusform>
            <numerusform>%n tareas para usted</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Abrir %1</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marcar como hecha</translation>
    </message>
    <message>
        <source>Mark done: %1</source>
        <translation>Marcar como hecha: %1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Medical assistant</source>
        <translation>Asistente médico</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>Personal de enfermería</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Profesional clínico</translation>
    </message>
    <message>
        <source>Registry manager</source>
        <translation>Responsable del registro</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador(a)</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Low risk</source>
        <translation>Riesgo bajo</translation>
    </message>
    <message>
        <source>Moderate risk</source>
        <translation>Riesgo moderado</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>Riesgo alto</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Sin evaluar</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Acuerdo</translation>
    </message>
    <message>
        <source>PDMP check</source>
        <translation>Consulta del PDMP</translation>
    </message>
    <message>
        <source>Urine test</source>
        <translation>Prueba de orina</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>PEG score</source>
        <translation>Puntuación PEG</translation>
    </message>
    <message>
        <source>Depression screen</source>
        <translation>Tamizaje de depresión</translation>
    </message>
    <message>
        <source>PHQ-9 follow-up</source>
        <translation>Seguimiento del PHQ-9</translation>
    </message>
    <message>
        <source>Safety: PHQ-9 item 9</source>
        <translation>Seguridad: pregunta 9 del PHQ-9</translation>
    </message>
    <message>
        <source>Naloxone</source>
        <translation>Naloxona</translation>
    </message>
    <message>
        <source>High dose</source>
        <translation>Dosis alta</translation>
    </message>
    <message>
        <source>Benzodiazepine</source>
        <translation>Benzodiacepina</translation>
    </message>
    <message>
        <source>Unexpected urine result</source>
        <translation>Resultado de orina inesperado</translation>
    </message>
    <message>
        <source>Risk assessment</source>
        <translation>Evaluación de riesgo</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>atrasado</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>pronto</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>alerta</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>a user of another tablet</source>
        <translation>un usuario de otra tableta</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completado</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>planificado</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Derivación</translation>
    </message>
    <message>
        <source>Referral follow-up</source>
        <translation>Seguimiento de la derivación</translation>
    </message>
    <message>
        <source>drafted</source>
        <translation>en borrador</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviada</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>programada</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>atendida</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrada</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>rechazada</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <source>routine</source>
        <translation>rutinaria</translation>
    </message>
    <message>
        <source>soon</source>
        <translation>pronto</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>urgente</translation>
    </message>
    <message>
        <source>New-patient intake</source>
        <translation>Admisión de paciente nuevo</translation>
    </message>
    <message>
        <source>Prescribed before intake items</source>
        <translation>Recetado antes de completar la admisión</translation>
    </message>
    <message>
        <source>Offer OUD treatment</source>
        <translation>Ofrecer tratamiento del TCO</translation>
    </message>
    <message>
        <source>criteria for opioid use disorder not met</source>
        <translation>no se cumplen los criterios de trastorno por consumo de opioides</translation>
    </message>
    <message>
        <source>mild opioid use disorder</source>
        <translation>trastorno por consumo de opioides leve</translation>
    </message>
    <message>
        <source>moderate opioid use disorder</source>
        <translation>trastorno por consumo de opioides moderado</translation>
    </message>
    <message>
        <source>severe opioid use disorder</source>
        <translation>trastorno por consumo de opioides grave</translation>
    </message>
    <message>
        <source>prior records requested</source>
        <translation>registros previos solicitados</translation>
    </message>
    <message>
        <source>prior records received</source>
        <translation>registros previos recibidos</translation>
    </message>
    <message>
        <source>urine test</source>
        <translation>análisis de orina</translation>
    </message>
    <message>
        <source>diagnosis</source>
        <translation>diagnóstico</translation>
    </message>
    <message>
        <source>current regimen</source>
        <translation>tratamiento actual</translation>
    </message>
    <message>
        <source>signed agreement</source>
        <translation>acuerdo firmado</translation>
    </message>
    <message>
        <source>first-visit decision</source>
        <translation>decisión de la primera visita</translation>
    </message>
    <message>
        <source>ORT</source>
        <translation>ORT</translation>
    </message>
    <message>
        <source>Bridge review</source>
        <translation>Revisión del puente</translation>
    </message>
    <message>
        <source>Task overdue</source>
        <translation>Tarea atrasada</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Show the app in %1</source>
        <translation>Mostrar la aplicación en %1</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Cairn</source>
        <translation>Cairn</translation>
    </message>
    <message>
        <source>Cairn is locked</source>
        <translation>Cairn está bloqueado</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Pacientes</translation>
    </message>
    <message>
        <source>Practise</source>
        <translation>Practicar</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administración</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Refill request</source>
        <translation>Solicitud de resurtido</translation>
    </message>
    <message>
        <source>PEG outreach</source>
        <translation>Seguimiento de PEG</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Indicadores</translation>
    </message>
    <message>
        <source>Users and roles</source>
        <translation>Usuarios y funciones</translation>
    </message>
    <message>
        <source>Clinic policy</source>
        <translation>Política de la clínica</translation>
    </message>
    <message>
        <source>Server enrollment</source>
        <translation>Inscripción en el servidor</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>Conflictos de sincronización</translation>
    </message>
    <message>
        <source>Patient agreement text</source>
        <translation>Texto del acuerdo con el paciente</translation>
    </message>
    <message>
        <source>Set-aside records</source>
        <translation>Registros apartados</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Recursos</translation>
    </message>
    <message>
        <source>Self-assessment</source>
        <translation>Autoevaluación</translation>
    </message>
    <message>
        <source>Clinician meeting</source>
        <translation>Reunión clínica</translation>
    </message>
    <message>
        <source>Case summary</source>
        <translation>Resumen del caso</translation>
    </message>
    <message>
        <source>The team&apos;s note</source>
        <translation>La nota del equipo</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>Informe mensual</translation>
    </message>
    <message>
        <source>Import patients</source>
        <translation>Importar pacientes</translation>
    </message>
</context>
<context>
    <name>MeasuresScreen</name>
    <message>
        <source>Show the measures for the whole clinic or one prescriber</source>
        <translation>Mostrar los indicadores de toda la clínica o de un solo prescriptor</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) on long-term opioid therapy</source>
        <translation>
            <numerusform>%n paciente con terapia de opioides a largo plazo</numerusform>
            <numerusform>%n pacientes con terapia de opioides a largo plazo</numerusform>
        </translation>
    </message>
    <message>
        <source>Computing the measures</source>
        <translation>Calculando los indicadores</translation>
    </message>
    <message>
        <source>%1: %2, %3. %4. %5</source>
        <translation>%1: %2, %3. %4. %5</translation>
    </message>
    <message>
        <source>Tap a measure to see its 12-month trend and its patients.</source>
        <translation>Toque un indicador para ver su tendencia de 12 meses y sus pacientes.</translation>
    </message>
    <message>
        <source>12-month trend of %1</source>
        <translation>Tendencia de 12 meses de %1</translation>
    </message>
    <message>
        <source>This clinic</source>
        <translation>Esta clínica</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Open %1, %2</source>
        <translation>Abrir %1, %2</translation>
    </message>
    <message>
        <source>Definition, windows and targets: clinic policy %1</source>
        <translation>Definición, periodos y metas: política de la clínica %1</translation>
    </message>
    <message>
        <source>Self-assessment</source>
        <translation>Autoevaluación</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>Informe mensual</translation>
    </message>
</context>
<context>
    <name>MonthlyReportScreen</name>
    <message>
        <source>Save the monthly report</source>
        <translation>Guardar el informe mensual</translation>
    </message>
    <message>
        <source>Month of the report</source>
        <translation>Mes del informe</translation>
    </message>
    <message>
        <source>Make the report</source>
        <translation>Hacer el informe</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>Edición</translation>
    </message>
    <message>
        <source>Making the report</source>
        <translation>Haciendo el informe</translation>
    </message>
    <message>
        <source>Choose the month and the edition, then make the report. It is made on this tablet and is not saved unless you save it.</source>
        <translation>Elija el mes y la edición y haga el informe. Se hace en esta tableta y no se guarda salvo que usted lo guarde.</translation>
    </message>
</context>
<context>
    <name>NotAllowed</name>
    <message>
        <source>Your role does not allow %1.</source>
        <translation>Su función no permite %1.</translation>
    </message>
    <message>
        <source>the registry list</source>
        <translation>la lista del registro</translation>
    </message>
    <message>
        <source>the gap worklist</source>
        <translation>la lista de trabajo de pendientes</translation>
    </message>
    <message>
        <source>worklists</source>
        <translation>las listas de trabajo</translation>
    </message>
    <message>
        <source>the huddle list</source>
        <translation>la lista de la reunión</translation>
    </message>
    <message>
        <source>the monthly measures</source>
        <translation>los indicadores mensuales</translation>
    </message>
    <message>
        <source>opening a patient</source>
        <translation>abrir el expediente de un paciente</translation>
    </message>
</context>
<context>
    <name>PatientBanner</name>
    <message>
        <source>Born %1</source>
        <translation>Nació el %1</translation>
    </message>
    <message>
        <source>Speaks %1</source>
        <translation>Habla %1</translation>
    </message>
    <message>
        <source>Risk tier: %1</source>
        <translation>Nivel de riesgo: %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Total %1, %2. Show the dose caution</source>
        <translation>Total %1, %2. Mostrar la advertencia sobre la dosis</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>PatientListScreen</name>
    <message>
        <source>Search by name or clinic ID</source>
        <translation>Buscar por nombre o número de la clínica</translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation>Buscar pacientes</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1, %2 years, %3</source>
        <translation>%1, %2 años, %3</translation>
    </message>
    <message>
        <source>%1 y</source>
        <translation>%1 a</translation>
    </message>
    <message>
        <source>Add a patient</source>
        <translation>Agregar un paciente</translation>
    </message>
</context>
<context>
    <name>PatientScreen</name>
    <message>
        <source>Start rooming</source>
        <translation>Comenzar la preparación</translation>
    </message>
    <message>
        <source>Start rooming %1</source>
        <translation>Comenzar la preparación de %1</translation>
    </message>
    <message>
        <source>No open care gaps: everything is up to date under the clinic&apos;s policy.</source>
        <translation>No hay pendientes de atención: todo está al día según la política de la clínica.</translation>
    </message>
    <message>
        <source>Conversation prompts</source>
        <translation>Guías para conversar</translation>
    </message>
    <message>
        <source>Current regimen</source>
        <translation>Tratamiento actual</translation>
    </message>
    <message>
        <source>Think about the past week.</source>
        <translation>Piense en la última semana.</translation>
    </message>
    <message>
        <source>Save PEG</source>
        <translation>Guardar PEG</translation>
    </message>
    <message>
        <source>Save the PEG score</source>
        <translation>Guardar la puntuación PEG</translation>
    </message>
    <message>
        <source>PEG history</source>
        <translation>Historial de PEG</translation>
    </message>
    <message>
        <source>MME over time</source>
        <translation>MME a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Total MME per day at each change of the regimen: %1</source>
        <translation>MME diarios totales en cada cambio del tratamiento: %1</translation>
    </message>
    <message>
        <source>Total MME per day</source>
        <translation>MME diarios totales</translation>
    </message>
    <message>
        <source>PEG average over time. %1</source>
        <translation>Promedio del PEG a lo largo del tiempo. %1</translation>
    </message>
    <message>
        <source>PEG average (0 to 10, lower is better)</source>
        <translation>Promedio del PEG (de 0 a 10; más bajo es mejor)</translation>
    </message>
    <message>
        <source>30% better than baseline (%1)</source>
        <translation>30 % mejor que al inicio (%1)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>No urine drug screens, PDMP checks, agreements, naloxone or visits recorded.</source>
        <translation>No hay análisis de drogas en orina, consultas del PDMP, acuerdos, naloxona ni visitas registrados.</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versiones</translation>
    </message>
    <message>
        <source>Every version of %1 of %2</source>
        <translation>Todas las versiones de %1 del %2</translation>
    </message>
    <message>
        <source>Entered in error</source>
        <translation>Anotado por error</translation>
    </message>
    <message>
        <source>Withdraw %1 of %2 as entered in error</source>
        <translation>Retirar %1 del %2 por estar anotado por error</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirado</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Reemplazado</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 · reason: %3</source>
        <translation>%1 · %2 · motivo: %3</translation>
    </message>
    <message>
        <source>Withdraw a record entered in error</source>
        <translation>Retirar un registro anotado por error</translation>
    </message>
    <message>
        <source>It stays in the history, marked as entered in error. Why is it withdrawn?</source>
        <translation>Queda en el historial, marcado como anotado por error. ¿Por qué se retira?</translation>
    </message>
    <message>
        <source>e.g. entered for the wrong patient</source>
        <translation>p. ej. anotado en el paciente equivocado</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirar</translation>
    </message>
    <message>
        <source>Withdraw the record</source>
        <translation>Retirar el registro</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>The latest PHQ-9 item 9 answer is above zero. Assess safety before the patient leaves.</source>
        <translation>La última respuesta a la pregunta 9 del PHQ-9 es mayor que cero. Evalúe la seguridad antes de que la persona se vaya.</translation>
    </message>
    <message>
        <source>Answer all three questions to save.</source>
        <translation>Responda las tres preguntas para guardar.</translation>
    </message>
    <message>
        <source>Kept in the registry; not in the huddle, worklists or measures.</source>
        <translation>Se conserva en el registro; no aparece en la reunión, las listas de trabajo ni las medidas.</translation>
    </message>
    <message>
        <source>Book a visit</source>
        <translation>Programar una visita</translation>
    </message>
    <message>
        <source>Start an opioid</source>
        <translation>Iniciar un opioide</translation>
    </message>
    <message>
        <source>Record a sedative</source>
        <translation>Registrar un sedante</translation>
    </message>
    <message>
        <source>Urine drug test</source>
        <translation>Análisis de drogas en orina</translation>
    </message>
    <message>
        <source>Naloxone</source>
        <translation>Naloxona</translation>
    </message>
    <message>
        <source>Care-plan goal</source>
        <translation>Meta del plan de atención</translation>
    </message>
    <message>
        <source>PDMP check</source>
        <translation>Consulta del PDMP</translation>
    </message>
    <message>
        <source>Refill request</source>
        <translation>Solicitud de resurtido</translation>
    </message>
    <message>
        <source>Medication list reviewed</source>
        <translation>Lista de medicamentos revisada</translation>
    </message>
    <message>
        <source>Patient agreement</source>
        <translation>Acuerdo con el paciente</translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation>Editar datos</translation>
    </message>
    <message>
        <source>Mark inactive</source>
        <translation>Marcar como inactivo</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Corregir</translation>
    </message>
    <message>
        <source>Correct %1 of %2</source>
        <translation>Corregir %1 del %2</translation>
    </message>
    <message>
        <source>Care plan</source>
        <translation>Plan de atención</translation>
    </message>
    <message>
        <source>Set the risk tier</source>
        <translation>Fijar el nivel de riesgo</translation>
    </message>
    <message>
        <source>Taper plan</source>
        <translation>Plan de reducción gradual</translation>
    </message>
    <message>
        <source>ORT</source>
        <translation>ORT</translation>
    </message>
    <message>
        <source>PC-PTSD-5</source>
        <translation>PC-PTSD-5</translation>
    </message>
    <message>
        <source>Update the taper plan</source>
        <translation>Actualizar el plan de reducción gradual</translation>
    </message>
    <message>
        <source>Long-term therapy decision</source>
        <translation>Decisión sobre terapia a largo plazo</translation>
    </message>
    <message>
        <source>PEG %1·%2·%3 saved for %4</source>
        <translation>PEG %1·%2·%3 guardado para %4</translation>
    </message>
    <message>
        <source>Record PEG</source>
        <translation>Registrar el PEG</translation>
    </message>
    <message>
        <source>Open the visit</source>
        <translation>Abrir la visita</translation>
    </message>
    <message>
        <source>Record a PEG score for %1</source>
        <translation>Registrar una puntuación PEG para %1</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Rooming</source>
        <translation>Preparación</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>At a glance</source>
        <translation>De un vistazo</translation>
    </message>
    <message>
        <source>Add to the record</source>
        <translation>Agregar al expediente</translation>
    </message>
    <message>
        <source>No conversation prompts for this patient&apos;s open gaps.</source>
        <translation>No hay guías de conversación para los pendientes de este paciente.</translation>
    </message>
    <message>
        <source>Check a refill request</source>
        <translation>Revisar una solicitud de resurtido</translation>
    </message>
    <message>
        <source>Check a refill request for %1</source>
        <translation>Revisar una solicitud de resurtido para %1</translation>
    </message>
    <message>
        <source>Record history</source>
        <translation>Historial del expediente</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Derivaciones</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Mark the referral to %1 as %2</source>
        <translation>Marcar la derivación a %1 como %2</translation>
    </message>
    <message>
        <source>Continue the intake</source>
        <translation>Continuar la admisión</translation>
    </message>
    <message>
        <source>New-patient intake</source>
        <translation>Admisión de paciente nuevo</translation>
    </message>
    <message>
        <source>Opioid use disorder checklist</source>
        <translation>Lista de criterios de trastorno por consumo de opioides</translation>
    </message>
    <message>
        <source>Treatment for opioid use disorder</source>
        <translation>Tratamiento del trastorno por consumo de opioides</translation>
    </message>
    <message>
        <source>Ask the team (case conference)</source>
        <translation>Consultar al equipo (sesión clínica)</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Case summary</source>
        <translation>Resumen del caso</translation>
    </message>
    <message>
        <source>Decide not to refer: %1</source>
        <translation>Decidir no derivar: %1</translation>
    </message>
    <message>
        <source>Decide not to refer</source>
        <translation>Decidir no derivar</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marcar como hecha</translation>
    </message>
    <message>
        <source>Mark done: %1</source>
        <translation>Marcar como hecha: %1</translation>
    </message>
</context>
<context>
    <name>PdfReaderScreen</name>
    <message>
        <source>Save the document</source>
        <translation>Guardar el documento</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
</context>
<context>
    <name>PegOutreachScreen</name>
    <message numerus="yes">
        <source>%n patient(s) due a PEG</source>
        <translation>
            <numerusform>A %n paciente le toca un PEG</numerusform>
            <numerusform>A %n pacientes les toca un PEG</numerusform>
        </translation>
    </message>
    <message>
        <source>Pain on average (P), interference with enjoyment of life (E), interference with general activity (G), each 0 to 10, over the past week.</source>
        <translation>Dolor promedio (P), interferencia con el disfrute de la vida (E) e interferencia con la actividad general (G), cada uno de 0 a 10, durante la última semana.</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Cargando</translation>
    </message>
    <message>
        <source>Every patient has a recent PEG.</source>
        <translation>Todos los pacientes tienen un PEG reciente.</translation>
    </message>
    <message>
        <source>Open %1&apos;s record</source>
        <translation>Abrir el expediente de %1</translation>
    </message>
    <message>
        <source>No phone on record</source>
        <translation>Sin teléfono registrado</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Teléfono: %1</translation>
    </message>
    <message>
        <source>Save PEG</source>
        <translation>Guardar PEG</translation>
    </message>
    <message>
        <source>Save the PEG for %1</source>
        <translation>Guardar el PEG de %1</translation>
    </message>
    <message>
        <source>Answer all three questions to save.</source>
        <translation>Responda las tres preguntas para guardar.</translation>
    </message>
</context>
<context>
    <name>PegQuestions</name>
    <message>
        <source>On average over the past week, how much pain have you had?</source>
        <translation>En promedio, durante la última semana, ¿cuánto dolor ha tenido?</translation>
    </message>
    <message>
        <source>No pain</source>
        <translation>Nada de dolor</translation>
    </message>
    <message>
        <source>Pain as bad as you can imagine</source>
        <translation>El peor dolor que se pueda imaginar</translation>
    </message>
    <message>
        <source>Over the past week, how much has pain gotten in the way of enjoying life?</source>
        <translation>Durante la última semana, ¿cuánto le ha impedido el dolor disfrutar de la vida?</translation>
    </message>
    <message>
        <source>Not at all</source>
        <translation>Nada</translation>
    </message>
    <message>
        <source>Completely</source>
        <translation>Por completo</translation>
    </message>
    <message>
        <source>Over the past week, how much has pain gotten in the way of your everyday activities?</source>
        <translation>Durante la última semana, ¿cuánto le ha impedido el dolor hacer sus actividades diarias?</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Dolor</translation>
    </message>
    <message>
        <source>Enjoyment of life</source>
        <translation>Disfrute de la vida</translation>
    </message>
    <message>
        <source>General activity</source>
        <translation>Actividad general</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Enter your PIN</source>
        <translation>Escriba su PIN</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>%n dígito escrito</numerusform>
            <numerusform>%n dígitos escritos</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Borrar el último dígito</translation>
    </message>
    <message>
        <source>Digit %1</source>
        <translation>Dígito %1</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Prepare</source>
        <translation>Prepararse</translation>
    </message>
    <message>
        <source>Open and ask permission</source>
        <translation>Abrir la conversación y pedir permiso</translation>
    </message>
    <message>
        <source>Empathize</source>
        <translation>Mostrar empatía</translation>
    </message>
    <message>
        <source>Explore their view and goals</source>
        <translation>Explorar su punto de vista y sus metas</translation>
    </message>
    <message>
        <source>Explain, with reasons that fit this patient</source>
        <translation>Explicar, con razones que tengan sentido para esta persona</translation>
    </message>
    <message>
        <source>Set the limit kindly, with choices</source>
        <translation>Poner el límite con amabilidad, ofreciendo opciones</translation>
    </message>
    <message>
        <source>Stay with them: next steps</source>
        <translation>Acompañar: próximos pasos</translation>
    </message>
    <message>
        <source>Safety net</source>
        <translation>Red de seguridad</translation>
    </message>
</context>
<context>
    <name>QuarantineScreen</name>
    <message>
        <source>1 record set aside</source>
        <translation>1 registro apartado</translation>
    </message>
    <message>
        <source>%1 records set aside</source>
        <translation>%1 registros apartados</translation>
    </message>
    <message>
        <source>These came from the server but this tablet cannot read them, so no screen shows them. Withdraw one to remove it from every tablet of the clinic.</source>
        <translation>Llegaron del servidor, pero esta tableta no puede leerlos, así que ninguna pantalla los muestra. Retire uno para quitarlo de todas las tabletas de la clínica.</translation>
    </message>
    <message>
        <source>Nothing set aside: every record from the server could be read.</source>
        <translation>Nada apartado: se pudieron leer todos los registros del servidor.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Motivo: %1</translation>
    </message>
    <message>
        <source>Arrived %1</source>
        <translation>Llegó el %1</translation>
    </message>
    <message>
        <source>Reason, e.g. stored by an older server</source>
        <translation>Motivo, p. ej. guardado por un servidor antiguo</translation>
    </message>
    <message>
        <source>Reason for withdrawing this record</source>
        <translation>Motivo para retirar este registro</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirar</translation>
    </message>
    <message>
        <source>Withdraw this %1 from every tablet</source>
        <translation>Retirar este registro (%1) de todas las tabletas</translation>
    </message>
</context>
<context>
    <name>RecordFields</name>
    <message>
        <source>Add a patient</source>
        <translation>Añadir un paciente</translation>
    </message>
    <message>
        <source>Edit the patient&apos;s details</source>
        <translation>Editar los datos del paciente</translation>
    </message>
    <message>
        <source>Start an opioid</source>
        <translation>Iniciar un opioide</translation>
    </message>
    <message>
        <source>Change or stop an opioid</source>
        <translation>Cambiar o suspender un opioide</translation>
    </message>
    <message>
        <source>Record a sedative</source>
        <translation>Registrar un sedante</translation>
    </message>
    <message>
        <source>Change or stop a sedative</source>
        <translation>Cambiar o suspender un sedante</translation>
    </message>
    <message>
        <source>Record a urine drug test</source>
        <translation>Registrar un análisis de drogas en orina</translation>
    </message>
    <message>
        <source>Enter or correct a urine test result</source>
        <translation>Anotar o corregir el resultado de un análisis de orina</translation>
    </message>
    <message>
        <source>Book a visit</source>
        <translation>Programar una visita</translation>
    </message>
    <message>
        <source>Change a visit</source>
        <translation>Cambiar una visita</translation>
    </message>
    <message>
        <source>Record naloxone</source>
        <translation>Registrar naloxona</translation>
    </message>
    <message>
        <source>Correct a naloxone record</source>
        <translation>Corregir un registro de naloxona</translation>
    </message>
    <message>
        <source>Write a care-plan goal</source>
        <translation>Escribir una meta del plan de cuidado</translation>
    </message>
    <message>
        <source>Review a care-plan goal</source>
        <translation>Revisar una meta del plan de cuidado</translation>
    </message>
    <message>
        <source>Record a signed agreement</source>
        <translation>Registrar un acuerdo firmado</translation>
    </message>
    <message>
        <source>Correct an agreement</source>
        <translation>Corregir un acuerdo</translation>
    </message>
    <message>
        <source>Record a PDMP check</source>
        <translation>Registrar una consulta del PDMP</translation>
    </message>
    <message>
        <source>Correct a PDMP check</source>
        <translation>Corregir una consulta del PDMP</translation>
    </message>
    <message>
        <source>Why it is being changed</source>
        <translation>Por qué se cambia</translation>
    </message>
    <message>
        <source>e.g. dose entered wrongly; result came back; visit moved</source>
        <translation>p. ej., dosis mal anotada; llegó el resultado; visita cambiada</translation>
    </message>
    <message>
        <source>Log a refill request</source>
        <translation>Anotar una solicitud de resurtido</translation>
    </message>
    <message>
        <source>Decide or correct a refill request</source>
        <translation>Decidir o corregir una solicitud de resurtido</translation>
    </message>
    <message>
        <source>Record a medication list review</source>
        <translation>Registrar una revisión de la lista de medicamentos</translation>
    </message>
    <message>
        <source>Correct a medication list review</source>
        <translation>Corregir una revisión de la lista de medicamentos</translation>
    </message>
    <message>
        <source>Mark the patient inactive</source>
        <translation>Marcar al paciente como inactivo</translation>
    </message>
    <message>
        <source>Buprenorphine</source>
        <translation>Buprenorfina</translation>
    </message>
    <message>
        <source>Codeine</source>
        <translation>Codeína</translation>
    </message>
    <message>
        <source>Fentanyl patch</source>
        <translation>Parche de fentanilo</translation>
    </message>
    <message>
        <source>Hydrocodone</source>
        <translation>Hidrocodona</translation>
    </message>
    <message>
        <source>Hydromorphone</source>
        <translation>Hidromorfona</translation>
    </message>
    <message>
        <source>Methadone</source>
        <translation>Metadona</translation>
    </message>
    <message>
        <source>Morphine</source>
        <translation>Morfina</translation>
    </message>
    <message>
        <source>Oxycodone</source>
        <translation>Oxicodona</translation>
    </message>
    <message>
        <source>Oxymorphone</source>
        <translation>Oximorfona</translation>
    </message>
    <message>
        <source>Tapentadol</source>
        <translation>Tapentadol</translation>
    </message>
    <message>
        <source>Tramadol</source>
        <translation>Tramadol</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>As on the chart</source>
        <translation>Como figura en el expediente</translation>
    </message>
    <message>
        <source>Clinic identifier</source>
        <translation>Identificador de la clínica</translation>
    </message>
    <message>
        <source>The chart number; unique in the clinic</source>
        <translation>El número de expediente; único en la clínica</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>No registrado</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>For PEG calls and reminders</source>
        <translation>Para llamadas de PEG y recordatorios</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Assigned prescriber</source>
        <translation>Prescriptor asignado</translation>
    </message>
    <message>
        <source>Long-term opioid therapy since</source>
        <translation>Tratamiento prolongado con opioides desde</translation>
    </message>
    <message>
        <source>Opioid</source>
        <translation>Opioide</translation>
    </message>
    <message>
        <source>Strength (mg per unit)</source>
        <translation>Concentración (mg por unidad)</translation>
    </message>
    <message>
        <source>Tablets, capsules, liquids: mg in one unit</source>
        <translation>Tabletas, cápsulas, líquidos: mg en una unidad</translation>
    </message>
    <message>
        <source>Patch strength (mcg/hr)</source>
        <translation>Concentración del parche (mcg/h)</translation>
    </message>
    <message>
        <source>Fentanyl patches only</source>
        <translation>Solo parches de fentanilo</translation>
    </message>
    <message>
        <source>Patches worn at once</source>
        <translation>Parches puestos a la vez</translation>
    </message>
    <message>
        <source>Units per dose</source>
        <translation>Unidades por dosis</translation>
    </message>
    <message>
        <source>e.g. 1 tablet</source>
        <translation>p. ej., 1 tableta</translation>
    </message>
    <message>
        <source>Doses per day</source>
        <translation>Dosis al día</translation>
    </message>
    <message>
        <source>For as-needed use: the most allowed in a day</source>
        <translation>Si es según necesidad: el máximo permitido en un día</translation>
    </message>
    <message>
        <source>As needed (PRN)</source>
        <translation>Según necesidad (PRN)</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>Stop date</source>
        <translation>Fecha de suspensión</translation>
    </message>
    <message>
        <source>Empty while it continues</source>
        <translation>Vacía mientras continúe</translation>
    </message>
    <message>
        <source>Kind of sedative</source>
        <translation>Tipo de sedante</translation>
    </message>
    <message>
        <source>Only benzodiazepines change the risk tier and the naloxone gap</source>
        <translation>Solo las benzodiacepinas cambian el nivel de riesgo y la brecha de naloxona</translation>
    </message>
    <message>
        <source>Benzodiazepine</source>
        <translation>Benzodiacepina</translation>
    </message>
    <message>
        <source>Z-drug (sleep medicine)</source>
        <translation>Fármaco Z (para dormir)</translation>
    </message>
    <message>
        <source>Gabapentinoid</source>
        <translation>Gabapentinoide</translation>
    </message>
    <message>
        <source>Muscle relaxant</source>
        <translation>Relajante muscular</translation>
    </message>
    <message>
        <source>Barbiturate</source>
        <translation>Barbitúrico</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>e.g. alprazolam, zolpidem, gabapentin</source>
        <translation>p. ej., alprazolam, zolpidem, gabapentina</translation>
    </message>
    <message>
        <source>Collected on</source>
        <translation>Recolectada el</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Waiting for the result</source>
        <translation>Esperando el resultado</translation>
    </message>
    <message>
        <source>As expected</source>
        <translation>Como se esperaba</translation>
    </message>
    <message>
        <source>Not as expected</source>
        <translation>No como se esperaba</translation>
    </message>
    <message>
        <source>Substances not as expected</source>
        <translation>Sustancias no esperadas</translation>
    </message>
    <message>
        <source>Separated by commas, e.g. cocaine, no oxycodone found</source>
        <translation>Separadas por comas, p. ej., cocaína, no se encontró oxicodona</translation>
    </message>
    <message>
        <source>Sent for a confirmatory lab test</source>
        <translation>Enviada para una prueba confirmatoria de laboratorio</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Did not attend</source>
        <translation>No asistió</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>24-hour clock, e.g. 14:30</source>
        <translation>Reloj de 24 horas, p. ej., 14:30</translation>
    </message>
    <message>
        <source>Type of visit</source>
        <translation>Tipo de visita</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>En persona</translation>
    </message>
    <message>
        <source>Telehealth</source>
        <translation>Telesalud</translation>
    </message>
    <message>
        <source>Nurse call</source>
        <translation>Llamada de enfermería</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Con</translation>
    </message>
    <message>
        <source>The clinician&apos;s name</source>
        <translation>El nombre del clínico</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Ofrecida</translation>
    </message>
    <message>
        <source>Offered and declined</source>
        <translation>Ofrecida y rechazada</translation>
    </message>
    <message>
        <source>Prescribed</source>
        <translation>Recetada</translation>
    </message>
    <message>
        <source>Dispensed</source>
        <translation>Entregada</translation>
    </message>
    <message>
        <source>Goal, in the patient&apos;s own words</source>
        <translation>Meta, en las propias palabras del paciente</translation>
    </message>
    <message>
        <source>e.g. walk to the mailbox and back every day</source>
        <translation>p. ej., caminar hasta el buzón y volver todos los días</translation>
    </message>
    <message>
        <source>Set on</source>
        <translation>Fijada el</translation>
    </message>
    <message>
        <source>Working on it</source>
        <translation>En proceso</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Cumplida</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Abandonada</translation>
    </message>
    <message>
        <source>Aim to reach it by</source>
        <translation>Lograrla para el</translation>
    </message>
    <message>
        <source>Last reviewed at a visit</source>
        <translation>Última revisión en una visita</translation>
    </message>
    <message>
        <source>Requested on</source>
        <translation>Solicitada el</translation>
    </message>
    <message>
        <source>Medicine asked for</source>
        <translation>Medicamento solicitado</translation>
    </message>
    <message>
        <source>As the patient or pharmacy said it</source>
        <translation>Como lo dijo el paciente o la farmacia</translation>
    </message>
    <message>
        <source>How it came</source>
        <translation>Cómo llegó</translation>
    </message>
    <message>
        <source>Patient portal</source>
        <translation>Portal del paciente</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>Farmacia</translation>
    </message>
    <message>
        <source>Early: before the last supply runs out</source>
        <translation>Anticipada: antes de que se acabe el último suministro</translation>
    </message>
    <message>
        <source>Reported lost or stolen</source>
        <translation>Reportado como perdido o robado</translation>
    </message>
    <message>
        <source>A police report was made</source>
        <translation>Se hizo un informe policial</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Only a clinician approves or declines</source>
        <translation>Solo un clínico aprueba o rechaza</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>Aún sin decidir</translation>
    </message>
    <message>
        <source>Sent to the clinician</source>
        <translation>Enviada al clínico</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <source>Why it was declined</source>
        <translation>Por qué se rechazó</translation>
    </message>
    <message>
        <source>Needed when declined</source>
        <translation>Necesario si se rechaza</translation>
    </message>
    <message>
        <source>Reviewed on</source>
        <translation>Revisada el</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>Revisada por</translation>
    </message>
    <message>
        <source>Why the patient leaves the registry</source>
        <translation>Por qué el paciente sale del registro</translation>
    </message>
    <message>
        <source>The record is kept; the patient leaves the huddle, worklists and measures</source>
        <translation>El expediente se conserva; el paciente sale de la reunión, las listas de trabajo y las medidas</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>Se mudó</translation>
    </message>
    <message>
        <source>Died</source>
        <translation>Falleció</translation>
    </message>
    <message>
        <source>Discharged from the clinic</source>
        <translation>Dado de alta de la clínica</translation>
    </message>
    <message>
        <source>Tapered off opioids</source>
        <translation>Dejó los opioides de forma gradual</translation>
    </message>
    <message>
        <source>Care transferred elsewhere</source>
        <translation>Atención transferida a otro lugar</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>Salió el</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Firmado el</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>Consultado el</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>Consultado por</translation>
    </message>
    <message>
        <source>Something concerning was found</source>
        <translation>Se encontró algo preocupante</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>Qué se encontró</translation>
    </message>
    <message>
        <source>Needed when something concerning was found</source>
        <translation>Necesario si se encontró algo preocupante</translation>
    </message>
    <message>
        <source>Risk tier</source>
        <translation>Nivel de riesgo</translation>
    </message>
    <message>
        <source>Your judgement; the effective tier is never lower than the rules give</source>
        <translation>Su criterio; el nivel efectivo nunca es menor que el que dan las reglas</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Moderado</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>e.g. ORT high; history of overdose</source>
        <translation>p. ej., ORT alto; antecedente de sobredosis</translation>
    </message>
    <message>
        <source>Set the risk tier</source>
        <translation>Fijar el nivel de riesgo</translation>
    </message>
    <message>
        <source>Plan made on</source>
        <translation>Plan hecho el</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planificado</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Opioid being tapered</source>
        <translation>Opioide que se reduce</translation>
    </message>
    <message>
        <source>e.g. oxycodone</source>
        <translation>p. ej., oxicodona</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Each step: its date (in order) and the target MME per day</source>
        <translation>Cada paso: su fecha (en orden) y los MME diarios objetivo</translation>
    </message>
    <message>
        <source>Make a taper plan</source>
        <translation>Hacer un plan de reducción gradual</translation>
    </message>
    <message>
        <source>Update the taper plan</source>
        <translation>Actualizar el plan de reducción gradual</translation>
    </message>
    <message>
        <source>Prescribed for</source>
        <translation>Recetado para</translation>
    </message>
    <message>
        <source>Treatment for opioid use disorder is tracked but is not long-term opioid therapy</source>
        <translation>El tratamiento del trastorno por consumo de opioides se registra, pero no es terapia de opioides a largo plazo</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Dolor</translation>
    </message>
    <message>
        <source>Opioid use disorder (buprenorphine or methadone)</source>
        <translation>Trastorno por consumo de opioides (buprenorfina o metadona)</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>Fecha de la decisión</translation>
    </message>
    <message>
        <source>The patient is on long-term opioid therapy</source>
        <translation>La persona está en terapia de opioides a largo plazo</translation>
    </message>
    <message>
        <source>Clear it to end an earlier decision</source>
        <translation>Desmárquelo para terminar una decisión anterior</translation>
    </message>
    <message>
        <source>e.g. regular prescriptions from another clinic</source>
        <translation>p. ej., recetas regulares de otra clínica</translation>
    </message>
    <message>
        <source>Decide on long-term therapy</source>
        <translation>Decidir sobre la terapia a largo plazo</translation>
    </message>
    <message>
        <source>Change the long-term therapy decision</source>
        <translation>Cambiar la decisión sobre la terapia a largo plazo</translation>
    </message>
    <message>
        <source>Opioids prescribed by this clinic since</source>
        <translation>Opioides recetados por esta clínica desde</translation>
    </message>
    <message>
        <source>Set by the first opioid prescription recorded here; empty when not known</source>
        <translation>Lo fija la primera receta de opioides registrada aquí; vacío si no se sabe</translation>
    </message>
    <message>
        <source>Intake started on</source>
        <translation>Admisión iniciada el</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Derivado por</translation>
    </message>
    <message>
        <source>e.g. self, another clinic, the emergency department</source>
        <translation>p. ej., por cuenta propia, otra clínica, urgencias</translation>
    </message>
    <message>
        <source>Last opioid prescriber</source>
        <translation>Último prescriptor de opioides</translation>
    </message>
    <message>
        <source>Why they left that prescriber</source>
        <translation>Por qué dejó a ese prescriptor</translation>
    </message>
    <message>
        <source>Prior records requested on</source>
        <translation>Registros previos solicitados el</translation>
    </message>
    <message>
        <source>Prior records received on</source>
        <translation>Registros previos recibidos el</translation>
    </message>
    <message>
        <source>Diagnosis or indication</source>
        <translation>Diagnóstico o indicación</translation>
    </message>
    <message>
        <source>What the opioids are prescribed for</source>
        <translation>Para qué se recetan los opioides</translation>
    </message>
    <message>
        <source>First-visit decision</source>
        <translation>Decisión de la primera visita</translation>
    </message>
    <message>
        <source>Follows the clinic&apos;s new-patient policy</source>
        <translation>Sigue la política de la clínica para pacientes nuevos</translation>
    </message>
    <message>
        <source>Continue the current regimen</source>
        <translation>Continuar el tratamiento actual</translation>
    </message>
    <message>
        <source>Bridge at the current dose</source>
        <translation>Puente con la dosis actual</translation>
    </message>
    <message>
        <source>Taper</source>
        <translation>Reducción gradual</translation>
    </message>
    <message>
        <source>Not taken on</source>
        <translation>No se acepta como paciente</translation>
    </message>
    <message>
        <source>Review the bridge on</source>
        <translation>Revisar el puente el</translation>
    </message>
    <message>
        <source>Required for a bridge</source>
        <translation>Obligatorio para un puente</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Decidido por</translation>
    </message>
    <message>
        <source>Notes on the decision</source>
        <translation>Notas sobre la decisión</translation>
    </message>
    <message>
        <source>Assessed on</source>
        <translation>Evaluado el</translation>
    </message>
    <message>
        <source>Takes opioids only as prescribed, under medical supervision</source>
        <translation>Toma opioides solo como se le recetan, bajo supervisión médica</translation>
    </message>
    <message>
        <source>If yes, tolerance and withdrawal do not count (DSM-5)</source>
        <translation>Si es así, la tolerancia y la abstinencia no cuentan (DSM-5)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>On</source>
        <translation>El</translation>
    </message>
    <message>
        <source>Treatment for opioid use disorder</source>
        <translation>Tratamiento del trastorno por consumo de opioides</translation>
    </message>
    <message>
        <source>Offered to the patient</source>
        <translation>Ofrecido al paciente</translation>
    </message>
    <message>
        <source>Accepted by the patient</source>
        <translation>Aceptado por el paciente</translation>
    </message>
    <message>
        <source>Declined by the patient</source>
        <translation>Rechazado por el paciente</translation>
    </message>
    <message>
        <source>Started here</source>
        <translation>Iniciado aquí</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Derivado</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Suspendido</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>e.g. buprenorphine</source>
        <translation>p. ej., buprenorfina</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>Derivado a</translation>
    </message>
    <message>
        <source>Start a new-patient intake</source>
        <translation>Iniciar la admisión de un paciente nuevo</translation>
    </message>
    <message>
        <source>Continue the new-patient intake</source>
        <translation>Continuar la admisión del paciente nuevo</translation>
    </message>
    <message>
        <source>Opioid use disorder checklist</source>
        <translation>Lista de criterios de trastorno por consumo de opioides</translation>
    </message>
    <message>
        <source>Correct an opioid use disorder checklist</source>
        <translation>Corregir una lista de criterios de trastorno por consumo de opioides</translation>
    </message>
    <message>
        <source>Update treatment for opioid use disorder</source>
        <translation>Actualizar el tratamiento del trastorno por consumo de opioides</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Refer</source>
        <translation>Derivar</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Profesional clínico</translation>
    </message>
    <message>
        <source>Your one question for the team</source>
        <translation>Su única pregunta para el equipo</translation>
    </message>
    <message>
        <source>e.g. Should we taper, and how do I raise it with her?</source>
        <translation>p. ej., ¿Reducimos la dosis y cómo se lo planteo?</translation>
    </message>
    <message>
        <source>Asked on</source>
        <translation>Preguntado el</translation>
    </message>
    <message>
        <source>Requested, then scheduled for a meeting, discussed, closed</source>
        <translation>Solicitada, luego programada para una reunión, comentada, cerrada</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Solicitada</translation>
    </message>
    <message>
        <source>Scheduled for a clinician meeting</source>
        <translation>Programada para una reunión clínica</translation>
    </message>
    <message>
        <source>Discussed</source>
        <translation>Comentada</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>Clinician meeting on</source>
        <translation>Reunión clínica el</translation>
    </message>
    <message>
        <source>Needed once it is scheduled</source>
        <translation>Necesaria una vez programada</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>Qué hay que hacer</translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation>Quién lo hace</translation>
    </message>
    <message>
        <source>Medical assistant</source>
        <translation>Asistente médico</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>Enfermería</translation>
    </message>
    <message>
        <source>Registry manager</source>
        <translation>Gestor del registro</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Para el</translation>
    </message>
    <message>
        <source>Written on</source>
        <translation>Escrita el</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>Por hacer</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>Ask the team: case conference</source>
        <translation>Consultar al equipo: sesión clínica</translation>
    </message>
    <message>
        <source>Update the case conference</source>
        <translation>Actualizar la sesión clínica</translation>
    </message>
    <message>
        <source>Add a task</source>
        <translation>Añadir una tarea</translation>
    </message>
    <message>
        <source>Update or finish a task</source>
        <translation>Actualizar o terminar una tarea</translation>
    </message>
    <message>
        <source>Not referring for</source>
        <translation>Sin derivar por</translation>
    </message>
    <message>
        <source>A dose of 90 MME or more</source>
        <translation>Una dosis de 90 MME o más</translation>
    </message>
    <message>
        <source>An unexpected urine test</source>
        <translation>Un análisis de orina inesperado</translation>
    </message>
    <message>
        <source>A positive screen</source>
        <translation>Una evaluación positiva</translation>
    </message>
    <message>
        <source>A taper that is paused</source>
        <translation>Una reducción en pausa</translation>
    </message>
    <message>
        <source>Why not refer</source>
        <translation>Por qué no derivar</translation>
    </message>
    <message>
        <source>e.g. the patient already sees a pain specialist</source>
        <translation>p. ej., el paciente ya ve a un especialista en dolor</translation>
    </message>
    <message>
        <source>Decide not to refer</source>
        <translation>Decidir no derivar</translation>
    </message>
    <message>
        <source>Correct a decision not to refer</source>
        <translation>Corregir una decisión de no derivar</translation>
    </message>
    <message>
        <source>Required when referred: a MOUD prescriber or addiction program from the clinic&apos;s directory</source>
        <translation>Obligatorio si se deriva: un prescriptor de MOUD o un programa de tratamiento de adicciones del directorio de la clínica</translation>
    </message>
    <message>
        <source>A concern for opioid use disorder</source>
        <translation>Una preocupación por un trastorno por consumo de opioides</translation>
    </message>
    <message>
        <source>Days&apos; supply asked for</source>
        <translation>Días de suministro solicitados</translation>
    </message>
    <message>
        <source>Empty if the request did not say</source>
        <translation>Vacío si la solicitud no lo dijo</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>must be a number</source>
        <translation>debe ser un número</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Obligatorio.</translation>
    </message>
    <message>
        <source>Check the marked fields. Nothing was saved.</source>
        <translation>Revise los campos marcados. No se guardó nada.</translation>
    </message>
    <message>
        <source>Sign in to save.</source>
        <translation>Inicie sesión para guardar.</translation>
    </message>
    <message>
        <source>Choose the patient first.</source>
        <translation>Elija primero al paciente.</translation>
    </message>
    <message>
        <source>Saved on this tablet.</source>
        <translation>Guardado en esta tableta.</translation>
    </message>
    <message>
        <source>That record is not in this patient&apos;s history.</source>
        <translation>Ese registro no está en el historial de este paciente.</translation>
    </message>
    <message>
        <source>This entry: %1 MME/day. Total from %2: %3 MME/day (%4).</source>
        <translation>Esta entrada: %1 MME/día. Total desde el %2: %3 MME/día (%4).</translation>
    </message>
</context>
<context>
    <name>RecordFormView</name>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Paso %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove step %1</source>
        <translation>Quitar el paso %1</translation>
    </message>
    <message>
        <source>Step date</source>
        <translation>Fecha del paso</translation>
    </message>
    <message>
        <source>Step %1 date</source>
        <translation>Fecha del paso %1</translation>
    </message>
    <message>
        <source>Target MME per day</source>
        <translation>MME diarios objetivo</translation>
    </message>
    <message>
        <source>Empty for a step that is not a dose (a pause, a review)</source>
        <translation>Vacío si el paso no es una dosis (una pausa, una revisión)</translation>
    </message>
    <message>
        <source>MME/day</source>
        <translation>MME/día</translation>
    </message>
    <message>
        <source>What changes</source>
        <translation>Qué cambia</translation>
    </message>
    <message>
        <source>e.g. lower the evening dose by 5 mg</source>
        <translation>p. ej., bajar 5 mg la dosis de la noche</translation>
    </message>
    <message>
        <source>Add a step</source>
        <translation>Añadir un paso</translation>
    </message>
</context>
<context>
    <name>RecordKind</name>
    <message>
        <source>Patient details</source>
        <translation>Datos del paciente</translation>
    </message>
    <message>
        <source>Opioid</source>
        <translation>Opioide</translation>
    </message>
    <message>
        <source>Sedative</source>
        <translation>Sedante</translation>
    </message>
    <message>
        <source>Treatment agreement</source>
        <translation>Acuerdo de tratamiento</translation>
    </message>
    <message>
        <source>PDMP check</source>
        <translation>Consulta del PDMP</translation>
    </message>
    <message>
        <source>Naloxone</source>
        <translation>Naloxona</translation>
    </message>
    <message>
        <source>Urine drug test</source>
        <translation>Prueba de drogas en orina</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>PEG score</source>
        <translation>Puntuación PEG</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Derivación</translation>
    </message>
    <message>
        <source>Care-plan goal</source>
        <translation>Meta del plan de cuidado</translation>
    </message>
    <message>
        <source>Conversation script</source>
        <translation>Guion de conversación</translation>
    </message>
    <message>
        <source>Clinic policy</source>
        <translation>Política de la clínica</translation>
    </message>
    <message>
        <source>Clinic script</source>
        <translation>Guion de la clínica</translation>
    </message>
    <message>
        <source>Clinic agreement text</source>
        <translation>Texto del acuerdo de la clínica</translation>
    </message>
    <message>
        <source>Random urine test draw</source>
        <translation>Sorteo de análisis de orina al azar</translation>
    </message>
    <message>
        <source>Refill clinic rule overridden</source>
        <translation>Regla de resurtido de la clínica anulada</translation>
    </message>
    <message>
        <source>Decision not to refer</source>
        <translation>Decisión de no derivar</translation>
    </message>
    <message>
        <source>Clinic resource</source>
        <translation>Recurso de la clínica</translation>
    </message>
    <message>
        <source>New-patient intake</source>
        <translation>Admisión de paciente nuevo</translation>
    </message>
    <message>
        <source>Opioid use disorder checklist</source>
        <translation>Lista de criterios de trastorno por consumo de opioides</translation>
    </message>
    <message>
        <source>Treatment for opioid use disorder</source>
        <translation>Tratamiento del trastorno por consumo de opioides</translation>
    </message>
    <message>
        <source>Self-assessment answers</source>
        <translation>Respuestas de la autoevaluación</translation>
    </message>
    <message>
        <source>Action plan item</source>
        <translation>Tarea del plan de acción</translation>
    </message>
</context>
<context>
    <name>RefillCheckScreen</name>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Search by name or clinic ID</source>
        <translation>Buscar por nombre o número de la clínica</translation>
    </message>
    <message>
        <source>Find the patient by name or clinic ID</source>
        <translation>Buscar al paciente por nombre o número de la clínica</translation>
    </message>
    <message>
        <source>No patient chosen</source>
        <translation>Ningún paciente elegido</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>Elegido: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose %1, %2</source>
        <translation>Elegir %1, %2</translation>
    </message>
    <message>
        <source>Requested fill date (YYYY-MM-DD)</source>
        <translation>Fecha de surtido solicitada (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>Requested fill date</source>
        <translation>Fecha de surtido solicitada</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>e.g. oxycodone 10 mg</source>
        <translation>p. ej., oxicodona 10 mg</translation>
    </message>
    <message>
        <source>Drug requested</source>
        <translation>Medicamento solicitado</translation>
    </message>
    <message>
        <source>Days&apos; supply</source>
        <translation>Días de suministro</translation>
    </message>
    <message>
        <source>Days&apos; supply requested</source>
        <translation>Días de suministro solicitados</translation>
    </message>
    <message>
        <source>Last fill date (YYYY-MM-DD)</source>
        <translation>Fecha del último surtido (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>Last fill date</source>
        <translation>Fecha del último surtido</translation>
    </message>
    <message>
        <source>Last fill&apos;s days&apos; supply</source>
        <translation>Días de suministro del último surtido</translation>
    </message>
    <message>
        <source>Days&apos; supply of the last fill</source>
        <translation>Días de suministro del último surtido</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Routine refill</source>
        <translation>Resurtido de rutina</translation>
    </message>
    <message>
        <source>Early refill</source>
        <translation>Resurtido anticipado</translation>
    </message>
    <message>
        <source>Lost or stolen</source>
        <translation>Extraviado o robado</translation>
    </message>
    <message>
        <source>Reason for the request</source>
        <translation>Motivo de la solicitud</translation>
    </message>
    <message>
        <source>Police report</source>
        <translation>Denuncia policial</translation>
    </message>
    <message>
        <source>A police report was filed</source>
        <translation>Se presentó una denuncia policial</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Check the request</source>
        <translation>Comprobar la solicitud</translation>
    </message>
    <message>
        <source>Check the refill request against clinic policy</source>
        <translation>Comprobar la solicitud de resurtido con la política de la clínica</translation>
    </message>
    <message numerus="yes">
        <source>Request: %1, %n day(s)</source>
        <translation>
            <numerusform>Solicitud: %1, %n día</numerusform>
            <numerusform>Solicitud: %1, %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>This is advice for the clinician. It never refuses a refill by itself.</source>
        <translation>Esto es una recomendación para el profesional clínico. Nunca niega un resurtido por sí sola.</translation>
    </message>
    <message>
        <source>e.g. 2026-12-09</source>
        <translation>p. ej. 2026-12-09</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>from the pharmacy or PDMP record</source>
        <translation>según la farmacia o el PDMP</translation>
    </message>
    <message>
        <source>How the request came</source>
        <translation>Cómo llegó la solicitud</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Patient portal</source>
        <translation>Portal del paciente</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>Farmacia</translation>
    </message>
    <message>
        <source>Log it and send to the clinician</source>
        <translation>Anotarla y enviarla al clínico</translation>
    </message>
    <message>
        <source>Choose how the request came.</source>
        <translation>Elija cómo llegó la solicitud.</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Paciente nuevo</translation>
    </message>
    <message>
        <source>New to the clinic, already taking opioids: first prescription here</source>
        <translation>Nuevo en la clínica y ya toma opioides: primera receta aquí</translation>
    </message>
    <message>
        <source>Prior records</source>
        <translation>Expedientes anteriores</translation>
    </message>
    <message>
        <source>The prior prescriber&apos;s records have come</source>
        <translation>Ya llegaron los expedientes del médico anterior</translation>
    </message>
    <message>
        <source>A clinician overrode the clinic rule; the reason is in the patient&apos;s history.</source>
        <translation>Un profesional clínico anuló la regla de la clínica; el motivo está en el historial del paciente.</translation>
    </message>
    <message>
        <source>A clinic rule blocks this refill. You may override it with the reason, which is recorded and counted.</source>
        <translation>Una regla de la clínica bloquea este resurtido. Puede anularla indicando el motivo, que queda registrado y se cuenta.</translation>
    </message>
    <message>
        <source>A clinic rule blocks this refill. Only a clinician may override it.</source>
        <translation>Una regla de la clínica bloquea este resurtido. Solo un profesional clínico puede anularla.</translation>
    </message>
    <message>
        <source>Why this patient needs the refill despite the clinic rule</source>
        <translation>Por qué este paciente necesita el resurtido a pesar de la regla de la clínica</translation>
    </message>
    <message>
        <source>Reason for overriding the clinic rule</source>
        <translation>Motivo para anular la regla de la clínica</translation>
    </message>
    <message>
        <source>Override the clinic rule</source>
        <translation>Anular la regla de la clínica</translation>
    </message>
    <message>
        <source>Write the reason first.</source>
        <translation>Escriba primero el motivo.</translation>
    </message>
    <message>
        <source>A clinic rule blocks this refill until a clinician overrides it.</source>
        <translation>Una regla de la clínica bloquea este resurtido hasta que un profesional clínico la anule.</translation>
    </message>
</context>
<context>
    <name>RehearsalScreen</name>
    <message>
        <source>Practise a conversation</source>
        <translation>Practicar una conversación</translation>
    </message>
    <message>
        <source>Who the scripts are for</source>
        <translation>Para quién son las guías</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Clinicians</source>
        <translation>Profesionales clínicos</translation>
    </message>
    <message>
        <source>Medical assistants</source>
        <translation>Asistentes médicos</translation>
    </message>
    <message>
        <source>Nurses</source>
        <translation>Personal de enfermería</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Español</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Show the scripts in Spanish</source>
        <translation>Mostrar las guías en español</translation>
    </message>
</context>
<context>
    <name>ResourceCategory</name>
    <message>
        <source>Addiction treatment</source>
        <translation>Tratamiento de adicciones</translation>
    </message>
    <message>
        <source>Buprenorphine / MOUD prescriber</source>
        <translation>Prescriptor de buprenorfina / MOUD</translation>
    </message>
    <message>
        <source>Behavioral health</source>
        <translation>Salud conductual</translation>
    </message>
    <message>
        <source>Pain specialist</source>
        <translation>Especialista en dolor</translation>
    </message>
    <message>
        <source>Physical therapy</source>
        <translation>Fisioterapia</translation>
    </message>
    <message>
        <source>Other non-drug therapy</source>
        <translation>Otra terapia sin medicamentos</translation>
    </message>
    <message>
        <source>Social work</source>
        <translation>Trabajo social</translation>
    </message>
    <message>
        <source>Crisis line</source>
        <translation>Línea de crisis</translation>
    </message>
</context>
<context>
    <name>ResourcesScreen</name>
    <message>
        <source>Resources</source>
        <translation>Recursos</translation>
    </message>
    <message>
        <source>Search by name, service or language</source>
        <translation>Buscar por nombre, servicio o idioma</translation>
    </message>
    <message>
        <source>Search the resource directory</source>
        <translation>Buscar en el directorio de recursos</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Add a resource</source>
        <translation>Añadir un recurso</translation>
    </message>
    <message>
        <source>No resources found</source>
        <translation>No se encontraron recursos</translation>
    </message>
    <message>
        <source>Add the clinic&apos;s referral destinations here.</source>
        <translation>Añada aquí los lugares adonde deriva la clínica.</translation>
    </message>
    <message>
        <source>The registry manager keeps the clinic&apos;s directory.</source>
        <translation>El responsable del registro mantiene el directorio de la clínica.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>telehealth</source>
        <translation>telesalud</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distancia</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Insurance accepted</source>
        <translation>Seguros aceptados</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>How to refer</source>
        <translation>Cómo derivar</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Offers telehealth</source>
        <translation>Ofrece telesalud</translation>
    </message>
    <message>
        <source>In person only</source>
        <translation>Solo en persona</translation>
    </message>
    <message>
        <source>Retired: kept for the referrals that name it</source>
        <translation>Retirado: se conserva para las derivaciones que lo nombran</translation>
    </message>
    <message>
        <source>New resource</source>
        <translation>Nuevo recurso</translation>
    </message>
    <message>
        <source>Edit resource</source>
        <translation>Editar recurso</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Kind of therapy (acupuncture, aqua therapy, …)</source>
        <translation>Tipo de terapia (acupuntura, terapia acuática, …)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <source>miles</source>
        <translation>millas</translation>
    </message>
    <message>
        <source>Languages (comma-separated)</source>
        <translation>Idiomas (separados por comas)</translation>
    </message>
    <message>
        <source>The referral protocol or agreement: forms, what to send, who to call.</source>
        <translation>El protocolo o acuerdo de derivación: formularios, qué enviar, a quién llamar.</translation>
    </message>
    <message>
        <source>Active (switch off to retire it)</source>
        <translation>Activo (desactívelo para retirarlo)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>RoomingScreen</name>
    <message>
        <source>Rooming</source>
        <translation>Preparación de la visita</translation>
    </message>
    <message>
        <source>Rooming: %1</source>
        <translation>Preparación de la visita: %1</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Paso %1 de %2</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Guardando</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>Pregunta %1 de %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Answer %1</source>
        <translation>Respuesta %1</translation>
    </message>
    <message>
        <source>Answer %1, %2</source>
        <translation>Respuesta %1, %2</translation>
    </message>
    <message>
        <source>Urine sample</source>
        <translation>Muestra de orina</translation>
    </message>
    <message>
        <source>Record the sample when it has been collected. The result is entered later, when it comes back.</source>
        <translation>Registre la muestra cuando se haya tomado. El resultado se anota después, cuando llegue.</translation>
    </message>
    <message>
        <source>Urine sample collected</source>
        <translation>Muestra de orina tomada</translation>
    </message>
    <message>
        <source>Record that the urine sample was collected</source>
        <translation>Registrar que se tomó la muestra de orina</translation>
    </message>
    <message>
        <source>Not collected today</source>
        <translation>No se tomó hoy</translation>
    </message>
    <message>
        <source>The urine sample was not collected today</source>
        <translation>La muestra de orina no se tomó hoy</translation>
    </message>
    <message>
        <source>Patient agreement</source>
        <translation>Acuerdo de tratamiento</translation>
    </message>
    <message>
        <source>Agreement signed today</source>
        <translation>Acuerdo firmado hoy</translation>
    </message>
    <message>
        <source>Record that the patient signed the agreement today</source>
        <translation>Registrar que el paciente firmó el acuerdo hoy</translation>
    </message>
    <message>
        <source>Not signed today</source>
        <translation>No se firmó hoy</translation>
    </message>
    <message>
        <source>The agreement was not signed today</source>
        <translation>El acuerdo no se firmó hoy</translation>
    </message>
    <message>
        <source>Prescription monitoring (PDMP) check</source>
        <translation>Consulta del programa de monitoreo de recetas (PDMP)</translation>
    </message>
    <message>
        <source>Something in the PDMP is concerning</source>
        <translation>Algo en el PDMP preocupa</translation>
    </message>
    <message>
        <source>What was concerning</source>
        <translation>Qué preocupó</translation>
    </message>
    <message>
        <source>What was concerning in the PDMP</source>
        <translation>Qué preocupó en el PDMP</translation>
    </message>
    <message>
        <source>PDMP checked</source>
        <translation>PDMP consultado</translation>
    </message>
    <message>
        <source>Record the PDMP check</source>
        <translation>Registrar la consulta del PDMP</translation>
    </message>
    <message>
        <source>Not checked today</source>
        <translation>No se consultó hoy</translation>
    </message>
    <message>
        <source>The PDMP was not checked today</source>
        <translation>El PDMP no se consultó hoy</translation>
    </message>
    <message>
        <source>Recorded in this rooming</source>
        <translation>Registrado en esta preparación</translation>
    </message>
    <message>
        <source>For the clinician to address</source>
        <translation>Para que lo atienda el profesional clínico</translation>
    </message>
    <message>
        <source>Nothing open for the clinician.</source>
        <translation>Nada pendiente para el profesional clínico.</translation>
    </message>
    <message>
        <source>Finish rooming</source>
        <translation>Terminar la preparación</translation>
    </message>
    <message>
        <source>Finish rooming and return to the patient</source>
        <translation>Terminar la preparación y volver al paciente</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Paso anterior</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Paso siguiente</translation>
    </message>
    <message>
        <source>PHQ-9 item 9 is above zero. Tell the clinician now: safety must be assessed before the patient leaves.</source>
        <translation>La pregunta 9 del PHQ-9 es mayor que cero. Avise ahora al profesional clínico: hay que evaluar la seguridad antes de que la persona se vaya.</translation>
    </message>
    <message>
        <source>Today&apos;s visit includes a urine sample: the patient was chosen at random, as clinic policy asks.</source>
        <translation>La visita de hoy incluye una muestra de orina: el paciente fue elegido al azar, como pide la política de la clínica.</translation>
    </message>
    <message>
        <source>Today&apos;s visit does not include a urine sample: the patient was not chosen at random today.</source>
        <translation>La visita de hoy no incluye una muestra de orina: hoy el paciente no fue elegido al azar.</translation>
    </message>
</context>
<context>
    <name>RosterScreen</name>
    <message>
        <source>Search by name or clinic ID</source>
        <translation>Buscar por nombre o número de la clínica</translation>
    </message>
    <message>
        <source>Search the registry by name or clinic ID</source>
        <translation>Buscar en el registro por nombre o número de la clínica</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Refill request</source>
        <translation>Solicitud de resurtido</translation>
    </message>
    <message>
        <source>Check a refill request against clinic policy</source>
        <translation>Comprobar una solicitud de resurtido con la política de la clínica</translation>
    </message>
    <message>
        <source>Filter by open gap</source>
        <translation>Filtrar por pendiente</translation>
    </message>
    <message>
        <source>Filter by prescriber</source>
        <translation>Filtrar por prescriptor</translation>
    </message>
    <message>
        <source>Filter by daily dose band</source>
        <translation>Filtrar por rango de dosis diaria</translation>
    </message>
    <message>
        <source>Filter by risk tier</source>
        <translation>Filtrar por nivel de riesgo</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Loading the registry</source>
        <translation>Cargando el registro</translation>
    </message>
    <message>
        <source>No patients match.</source>
        <translation>Ningún paciente coincide.</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>Conflictos de sincronización</translation>
    </message>
    <message>
        <source>Review changes two tablets made to the same record</source>
        <translation>Revisar cambios que dos tabletas hicieron al mismo registro</translation>
    </message>
    <message>
        <source>Set-aside records</source>
        <translation>Registros apartados</translation>
    </message>
    <message>
        <source>Review records from the server this tablet cannot read</source>
        <translation>Revisar los registros del servidor que esta tableta no puede leer</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Recursos</translation>
    </message>
    <message>
        <source>The clinic&apos;s resource directory: where to refer</source>
        <translation>El directorio de recursos de la clínica: adónde derivar</translation>
    </message>
    <message>
        <source>Clinician meeting</source>
        <translation>Reunión clínica</translation>
    </message>
    <message>
        <source>Case conferences to discuss and your open tasks</source>
        <translation>Sesiones clínicas por comentar y sus tareas pendientes</translation>
    </message>
    <message>
        <source>Export the gap worklist</source>
        <translation>Exportar la lista de brechas</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>Archivo CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Export the gap worklist, as filtered, to a spreadsheet</source>
        <translation>Exportar la lista de brechas, con los filtros puestos, a una hoja de cálculo</translation>
    </message>
</context>
<context>
    <name>SaveFileDialog</name>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>SavePdfDialog</name>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ScaleField</name>
    <message>
        <source>%1, %2 of %3</source>
        <translation>%1, %2 de %3</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
</context>
<context>
    <name>ScreeningFormScreen</name>
    <message>
        <source>Screen done on</source>
        <translation>Evaluación hecha el</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Why it is being changed</source>
        <translation>Por qué se cambia</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>ScriptCard</name>
    <message>
        <source> · used</source>
        <translation> · usada</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>Cerrar %1</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Abrir %1</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Paso %1 de %2: %3</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Private note (optional)</source>
        <translation>Nota privada (opcional)</translation>
    </message>
    <message>
        <source>Private note</source>
        <translation>Nota privada</translation>
    </message>
    <message>
        <source>Mark as used</source>
        <translation>Marcar como usada</translation>
    </message>
    <message>
        <source>Record that %1 was used</source>
        <translation>Registrar que se usó %1</translation>
    </message>
</context>
<context>
    <name>SelfAssessmentScreen</name>
    <message>
        <source>Self-assessment</source>
        <translation>Autoevaluación</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Responder</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>Plan de acción</translation>
    </message>
    <message>
        <source>How far along is the clinic? Score each statement from 1 (%1) to 4 (%2). If in doubt, choose the lower score.</source>
        <translation>¿Cuánto ha avanzado la clínica? Puntúe cada afirmación de 1 (%1) a 4 (%2). Si duda, elija la puntuación más baja.</translation>
    </message>
    <message>
        <source>Round (a period such as 2026-Q4)</source>
        <translation>Ronda (un periodo como 2026-Q4)</translation>
    </message>
    <message>
        <source>%1 of %2 answered</source>
        <translation>%1 de %2 respondidas</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Save my answers</source>
        <translation>Guardar mis respuestas</translation>
    </message>
    <message>
        <source>Score every statement first</source>
        <translation>Primero puntúe cada afirmación</translation>
    </message>
    <message>
        <source>No round answered yet</source>
        <translation>Aún no se ha respondido ninguna ronda</translation>
    </message>
    <message>
        <source>The averages show here once staff have answered.</source>
        <translation>Los promedios aparecen aquí cuando el personal haya respondido.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n respondent(s) (%2)</source>
        <translation>
            <numerusform>%1: respondió %n persona (%2)</numerusform>
            <numerusform>%1: respondieron %n personas (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>Average score of each building block, by round</source>
        <translation>Puntuación media de cada bloque, por ronda</translation>
    </message>
    <message>
        <source>The action plan is empty</source>
        <translation>El plan de acción está vacío</translation>
    </message>
    <message>
        <source>Statements that average 2 or less in the latest round can be added here.</source>
        <translation>Aquí se pueden agregar las afirmaciones con un promedio de 2 o menos en la última ronda.</translation>
    </message>
    <message>
        <source>%1 · due %2 · %3</source>
        <translation>%1 · vence %2 · %3</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecha</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>descartada</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierta</translation>
    </message>
    <message>
        <source>Due for you: %1</source>
        <translation>Le toca a usted: %1</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marcar como hecha</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Change the action-plan item</source>
        <translation>Cambiar la tarea del plan de acción</translation>
    </message>
    <message>
        <source>Add to the action plan</source>
        <translation>Agregar al plan de acción</translation>
    </message>
    <message>
        <source>No statement averages 2 or less in the latest round.</source>
        <translation>Ninguna afirmación tiene un promedio de 2 o menos en la última ronda.</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Afirmación</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>What will be done</source>
        <translation>Qué se hará</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Guardar los cambios</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>Choose a statement, say what will be done, an owner and a due date</source>
        <translation>Elija una afirmación, diga qué se hará, un responsable y una fecha límite</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>SessionBar</name>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Signed in as %1, %2</source>
        <translation>Sesión iniciada como %1, %2</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Lock the tablet</source>
        <translation>Bloquear la tableta</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Sign here</source>
        <translation>Firme aquí</translation>
    </message>
    <message>
        <source>Signature drawn</source>
        <translation>Firma dibujada</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Clear the signature</source>
        <translation>Borrar la firma</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <source>Information</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Dismiss: %1</source>
        <translation>Descartar: %1</translation>
    </message>
</context>
<context>
    <name>SyncScheduler</name>
    <message>
        <source>The registry is locked.</source>
        <translation>El registro está bloqueado.</translation>
    </message>
    <message>
        <source>This tablet is not enrolled with a server yet.</source>
        <translation>Esta tableta todavía no está inscrita en un servidor.</translation>
    </message>
</context>
<context>
    <name>TextSizeSwitch</name>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Grande</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Más grande</translation>
    </message>
    <message>
        <source>Show text at %1</source>
        <translation>Mostrar el texto en tamaño %1</translation>
    </message>
    <message>
        <source>Tablet setting (%1×)</source>
        <translation>Ajuste de la tableta (%1×)</translation>
    </message>
    <message>
        <source>Show text at the tablet&apos;s own size, %1 times the standard</source>
        <translation>Mostrar el texto en el tamaño de la tableta, %1 veces el estándar</translation>
    </message>
    <message>
        <source>Chosen size (%1×)</source>
        <translation>Tamaño elegido (%1×)</translation>
    </message>
    <message>
        <source>Text is shown at a size chosen for this tablet, %1 times the standard</source>
        <translation>El texto se muestra en un tamaño elegido para esta tableta, %1 veces el estándar</translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>e.g. 14:30</source>
        <translation>p. ej., 14:30</translation>
    </message>
    <message>
        <source>24-hour time, hours and minutes</source>
        <translation>Hora en formato de 24 horas: horas y minutos</translation>
    </message>
    <message>
        <source>Use a 24-hour time such as 14:30.</source>
        <translation>Use el formato de 24 horas, por ejemplo 14:30.</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Who is signing in?</source>
        <translation>¿Quién inicia sesión?</translation>
    </message>
    <message>
        <source>Sign in as %1, %2</source>
        <translation>Iniciar sesión como %1, %2</translation>
    </message>
    <message>
        <source>Choose your name</source>
        <translation>Elija su nombre</translation>
    </message>
    <message>
        <source>First time on this tablet?</source>
        <translation>¿Es su primera vez en esta tableta?</translation>
    </message>
    <message>
        <source>First time on this tablet? Sign in through the clinic&apos;s server</source>
        <translation>¿Es su primera vez en esta tableta? Inicie sesión a través del servidor de la clínica</translation>
    </message>
    <message>
        <source>First sign-in on this tablet</source>
        <translation>Primer inicio de sesión en esta tableta</translation>
    </message>
    <message>
        <source>Enter your name as your clinic&apos;s administrator set it up, then your PIN. This once, the tablet needs a connection to the clinic&apos;s server; after that, your PIN alone signs you in here, even offline.</source>
        <translation>Escriba su nombre tal como lo registró la persona administradora de su clínica y luego su PIN. Solo esta vez, la tableta necesita conexión con el servidor de la clínica; después, su PIN basta para entrar aquí, incluso sin conexión.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>Back to the list of names</source>
        <translation>Volver a la lista de nombres</translation>
    </message>
    <message>
        <source>Enter your name</source>
        <translation>Escriba su nombre</translation>
    </message>
</context>
<context>
    <name>VisitDecisionsPanel</name>
    <message>
        <source>Visit decisions</source>
        <translation>Decisiones de la visita</translation>
    </message>
    <message>
        <source>Taper: %1</source>
        <translation>Reducción gradual: %1</translation>
    </message>
    <message>
        <source>Continue current plan</source>
        <translation>Continuar el plan actual</translation>
    </message>
    <message>
        <source>Record the decision to continue the current plan</source>
        <translation>Registrar la decisión de continuar el plan actual</translation>
    </message>
    <message>
        <source>Resume taper</source>
        <translation>Reanudar la reducción gradual</translation>
    </message>
    <message>
        <source>Start taper</source>
        <translation>Comenzar la reducción gradual</translation>
    </message>
    <message>
        <source>Record that the taper is in progress</source>
        <translation>Registrar que la reducción gradual está en curso</translation>
    </message>
    <message>
        <source>Pause taper</source>
        <translation>Pausar la reducción gradual</translation>
    </message>
    <message>
        <source>Record that the taper is paused</source>
        <translation>Registrar que la reducción gradual está en pausa</translation>
    </message>
    <message>
        <source>Naloxone prescribed</source>
        <translation>Naloxona recetada</translation>
    </message>
    <message>
        <source>Record that naloxone was prescribed today</source>
        <translation>Registrar que hoy se recetó naloxona</translation>
    </message>
    <message>
        <source>Pain specialist</source>
        <translation>Especialista en dolor</translation>
    </message>
    <message>
        <source>Behavioral health</source>
        <translation>Salud mental</translation>
    </message>
    <message>
        <source>Addiction medicine</source>
        <translation>Medicina de adicciones</translation>
    </message>
    <message>
        <source>Physical therapy</source>
        <translation>Fisioterapia</translation>
    </message>
    <message>
        <source>Kind of referral</source>
        <translation>Tipo de referencia</translation>
    </message>
    <message>
        <source>Referred to (clinic or person)</source>
        <translation>Referido a (clínica o persona)</translation>
    </message>
    <message>
        <source>Referred to, clinic or person</source>
        <translation>Referido a, clínica o persona</translation>
    </message>
    <message>
        <source>Refer</source>
        <translation>Referir</translation>
    </message>
    <message>
        <source>Record the referral</source>
        <translation>Registrar la referencia</translation>
    </message>
    <message>
        <source>Agreement note (optional)</source>
        <translation>Nota sobre el acuerdo (opcional)</translation>
    </message>
    <message>
        <source>Note on the new agreement</source>
        <translation>Nota sobre el acuerdo nuevo</translation>
    </message>
    <message>
        <source>New agreement signed</source>
        <translation>Acuerdo nuevo firmado</translation>
    </message>
    <message>
        <source>Record a new agreement signed today</source>
        <translation>Registrar un acuerdo nuevo firmado hoy</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>What should the referral answer?</source>
        <translation>¿Qué debe responder la derivación?</translation>
    </message>
    <message>
        <source>The question the referral asks</source>
        <translation>La pregunta que hace la derivación</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Rutinaria</translation>
    </message>
    <message>
        <source>Soon</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>How urgent the referral is</source>
        <translation>Qué tan urgente es la derivación</translation>
    </message>
    <message>
        <source>Not in the directory: write where</source>
        <translation>No está en el directorio: escriba adónde</translation>
    </message>
    <message>
        <source>Refer to a resource of the clinic&apos;s directory</source>
        <translation>Derivar a un recurso del directorio de la clínica</translation>
    </message>
</context>
<context>
    <name>cairn::app::AdminUserModel</name>
    <message>
        <source>Locked out until %1</source>
        <translation>Bloqueado hasta %1</translation>
    </message>
    <message numerus="yes">
        <source>%n wrong PIN(s) since the last sign-in</source>
        <translation>
            <numerusform>%n PIN incorrecto desde el último inicio de sesión</numerusform>
            <numerusform>%n PIN incorrectos desde el último inicio de sesión</numerusform>
        </translation>
    </message>
    <message>
        <source>Can sign in</source>
        <translation>Puede iniciar sesión</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>No hay sesión iniciada.</translation>
    </message>
    <message>
        <source>Enter the person&apos;s name.</source>
        <translation>Escriba el nombre de la persona.</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>Elija una función.</translation>
    </message>
    <message>
        <source>The PIN needs at least 4 digits.</source>
        <translation>El PIN necesita al menos 4 dígitos.</translation>
    </message>
    <message>
        <source>The two PINs are different. Enter the new PIN twice.</source>
        <translation>Los dos PIN son distintos. Escriba el PIN nuevo dos veces.</translation>
    </message>
    <message>
        <source>%1 was added as %2.</source>
        <translation>Se agregó a %1 como %2.</translation>
    </message>
    <message>
        <source>%1 was removed.</source>
        <translation>Se quitó a %1.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 puede volver a iniciar sesión.</translation>
    </message>
    <message>
        <source>The PIN of %1 was changed.</source>
        <translation>Se cambió el PIN de %1.</translation>
    </message>
</context>
<context>
    <name>cairn::app::AgreementModel</name>
    <message>
        <source>The patient has not signed yet.</source>
        <translation>El paciente aún no ha firmado.</translation>
    </message>
    <message>
        <source>Open a patient and sign in first.</source>
        <translation>Primero inicie sesión y abra un paciente.</translation>
    </message>
    <message>
        <source>Signed. The agreement is saved with the patient&apos;s record.</source>
        <translation>Firmado. El acuerdo se guardó en el expediente del paciente.</translation>
    </message>
    <message>
        <source>Declined. The refusal is recorded in the patient&apos;s history.</source>
        <translation>No firmado. La negativa queda registrada en el historial del paciente.</translation>
    </message>
</context>
<context>
    <name>cairn::app::CaseSummaryModel</name>
    <message>
        <source>Choose where to save the summary.</source>
        <translation>Elija dónde guardar el resumen.</translation>
    </message>
    <message>
        <source>Could not save the summary to %1.</source>
        <translation>No se pudo guardar el resumen en %1.</translation>
    </message>
    <message>
        <source>Summary saved to %1.</source>
        <translation>Resumen guardado en %1.</translation>
    </message>
</context>
<context>
    <name>cairn::app::ClinicAgreementModel</name>
    <message>
        <source>Sign in to save.</source>
        <translation>Inicie sesión para guardar.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Obligatorio.</translation>
    </message>
    <message>
        <source>Check the marked fields. Nothing was saved.</source>
        <translation>Revise los campos marcados. No se guardó nada.</translation>
    </message>
    <message>
        <source>Saved as version %1. Patients are shown this text from now on.</source>
        <translation>Guardado como versión %1. A partir de ahora los pacientes ven este texto.</translation>
    </message>
</context>
<context>
    <name>cairn::app::ClinicPolicyModel</name>
    <message>
        <source>How often, by risk tier (days)</source>
        <translation>Cada cuánto, según el nivel de riesgo (días)</translation>
    </message>
    <message>
        <source>Naloxone</source>
        <translation>Naloxona</translation>
    </message>
    <message>
        <source>Refills</source>
        <translation>Resurtidos</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Umbrales</translation>
    </message>
    <message>
        <source>Who closes each care gap</source>
        <translation>Quién cierra cada pendiente de atención</translation>
    </message>
    <message>
        <source>This role sees it in the huddle and worklists and may record what closes it</source>
        <translation>Esta función lo ve en la reunión y en las listas de trabajo, y puede registrar lo que lo cierra</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>PEG pain score</source>
        <translation>Puntuación de dolor PEG</translation>
    </message>
    <message>
        <source>Urine drug test</source>
        <translation>Prueba de drogas en orina</translation>
    </message>
    <message>
        <source>PDMP check</source>
        <translation>Consulta del PDMP</translation>
    </message>
    <message>
        <source>Patient agreement</source>
        <translation>Acuerdo de tratamiento</translation>
    </message>
    <message>
        <source>Depression screen</source>
        <translation>Tamizaje de depresión</translation>
    </message>
    <message>
        <source>low risk</source>
        <translation>riesgo bajo</translation>
    </message>
    <message>
        <source>moderate risk</source>
        <translation>riesgo moderado</translation>
    </message>
    <message>
        <source>high risk</source>
        <translation>riesgo alto</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>No fills on %1</source>
        <translation>Sin surtidos el %1</translation>
    </message>
    <message>
        <source>MME/day that makes the tier at least moderate</source>
        <translation>MME/día a partir de los cuales el nivel es al menos moderado</translation>
    </message>
    <message>
        <source>MME/day that makes the tier high</source>
        <translation>MME/día a partir de los cuales el nivel es alto</translation>
    </message>
    <message>
        <source>MME/day that raises the high-dose alert</source>
        <translation>MME/día que activan la alerta de dosis alta</translation>
    </message>
    <message>
        <source>Days ahead a check shows as due soon</source>
        <translation>Días de anticipación para mostrar un control como próximo</translation>
    </message>
    <message>
        <source>PC-PTSD-5 yes answers for a positive screen</source>
        <translation>Respuestas «sí» del PC-PTSD-5 para un tamizaje positivo</translation>
    </message>
    <message>
        <source>Naloxone on record from this MME/day</source>
        <translation>Naloxona registrada a partir de estos MME/día</translation>
    </message>
    <message>
        <source>Naloxone also when a benzodiazepine is active</source>
        <translation>Naloxona también cuando hay una benzodiacepina activa</translation>
    </message>
    <message>
        <source>Naloxone record counts for this many days</source>
        <translation>Días que vale el registro de naloxona</translation>
    </message>
    <message>
        <source>Longest supply per fill (days)</source>
        <translation>Suministro máximo por surtido (días)</translation>
    </message>
    <message>
        <source>Business days of notice for a refill request</source>
        <translation>Días hábiles de aviso para pedir un resurtido</translation>
    </message>
    <message>
        <source>Days early a refill may be filled</source>
        <translation>Días de anticipación con que se puede surtir</translation>
    </message>
    <message>
        <source>Lost or stolen prescriptions need a police report</source>
        <translation>Las recetas extraviadas o robadas necesitan una denuncia policial</translation>
    </message>
    <message>
        <source>1 to 3650 days</source>
        <translation>De 1 a 3650 días</translation>
    </message>
    <message>
        <source>More than 0, at most the high threshold</source>
        <translation>Más de 0, como máximo el umbral alto</translation>
    </message>
    <message>
        <source>More than 0, at most 1000</source>
        <translation>Más de 0, como máximo 1000</translation>
    </message>
    <message>
        <source>0 to 365 days</source>
        <translation>De 0 a 365 días</translation>
    </message>
    <message>
        <source>1 to 5</source>
        <translation>De 1 a 5</translation>
    </message>
    <message>
        <source>1 to 90 days</source>
        <translation>De 1 a 90 días</translation>
    </message>
    <message>
        <source>0 to 30 days</source>
        <translation>De 0 a 30 días</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>No hay sesión iniciada.</translation>
    </message>
    <message>
        <source>Nothing has changed.</source>
        <translation>No ha cambiado nada.</translation>
    </message>
    <message>
        <source>Not saved: %1 — %2</source>
        <translation>No se guardó: %1 — %2</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No se guardó: %1</translation>
    </message>
    <message>
        <source>Saved as version %1. Lists and reminders use it from now on.</source>
        <translation>Guardada como versión %1. Las listas y los recordatorios la usan desde ahora.</translation>
    </message>
    <message>
        <source>Random urine testing</source>
        <translation>Análisis de orina al azar</translation>
    </message>
    <message>
        <source>New patients already on opioids</source>
        <translation>Pacientes nuevos que ya toman opioides</translation>
    </message>
    <message>
        <source>Firm refill rules (a clinician overrides with a reason)</source>
        <translation>Reglas firmes de resurtido (un profesional clínico las anula con un motivo)</translation>
    </message>
    <message>
        <source>Choose urine tests at random within the interval (off: test when the interval is due)</source>
        <translation>Elegir los análisis de orina al azar dentro del intervalo (desactivado: cuando vence el intervalo)</translation>
    </message>
    <message>
        <source>Bridge at the current dose while records are gathered (off: records and a urine test first)</source>
        <translation>Puente con la dosis actual mientras se reúnen los expedientes (desactivado: primero los expedientes y un análisis de orina)</translation>
    </message>
    <message>
        <source>Longest bridge without the prior records (days)</source>
        <translation>Puente más largo sin los expedientes anteriores (días)</translation>
    </message>
    <message>
        <source>No-fill weekdays are a clinic rule</source>
        <translation>Los días sin resurtido son una regla de la clínica</translation>
    </message>
    <message>
        <source>The longest supply is a clinic rule</source>
        <translation>El suministro más largo es una regla de la clínica</translation>
    </message>
    <message>
        <source>The notice for a request is a clinic rule</source>
        <translation>El aviso previo de una solicitud es una regla de la clínica</translation>
    </message>
    <message>
        <source>The early-fill allowance is a clinic rule</source>
        <translation>El margen para surtir antes es una regla de la clínica</translation>
    </message>
    <message>
        <source>The police report for a lost or stolen prescription is a clinic rule</source>
        <translation>La denuncia policial por una receta perdida o robada es una regla de la clínica</translation>
    </message>
    <message>
        <source>Who counts as on long-term opioid therapy</source>
        <translation>Quién cuenta como en terapia de opioides a largo plazo</translation>
    </message>
    <message>
        <source>Measures: how far back each looks (days)</source>
        <translation>Indicadores: cuánto tiempo atrás mira cada uno (días)</translation>
    </message>
    <message>
        <source>Measures: targets (% of patients on long-term therapy)</source>
        <translation>Indicadores: metas (% de pacientes en terapia a largo plazo)</translation>
    </message>
    <message>
        <source>Days of opioid supply looked back over</source>
        <translation>Días de suministro de opioides que se revisan</translation>
    </message>
    <message>
        <source>Share of those days with an opioid for pain (%)</source>
        <translation>Parte de esos días con un opioide para el dolor (%)</translation>
    </message>
    <message>
        <source>An ongoing prescription for pain counts from its start</source>
        <translation>Una receta continua para el dolor cuenta desde su inicio</translation>
    </message>
    <message>
        <source>A clinician&apos;s decision counts</source>
        <translation>La decisión de un clínico cuenta</translation>
    </message>
    <message>
        <source>PDMP checked twice within</source>
        <translation>PDMP consultado dos veces en los últimos</translation>
    </message>
    <message>
        <source>Care-plan goal set or reviewed within</source>
        <translation>Meta del plan de cuidado fijada o revisada en los últimos</translation>
    </message>
    <message>
        <source>%1: at most</source>
        <translation>%1: como máximo</translation>
    </message>
    <message>
        <source>%1: at least</source>
        <translation>%1: como mínimo</translation>
    </message>
    <message>
        <source>1 to 730 days</source>
        <translation>De 1 a 730 días</translation>
    </message>
    <message>
        <source>0 to 100; 50 means most days</source>
        <translation>De 0 a 100; 50 significa la mayoría de los días</translation>
    </message>
    <message>
        <source>0 to 100; empty for no target</source>
        <translation>De 0 a 100; vacío si no hay meta</translation>
    </message>
    <message>
        <source>1 to 3650 days; the longest of the three is also the monthly measure&apos;s look-back</source>
        <translation>De 1 a 3650 días; el mayor de los tres es también el periodo que revisa la medida mensual</translation>
    </message>
</context>
<context>
    <name>cairn::app::ClinicianMeetingModel</name>
    <message>
        <source>For the meeting of %1</source>
        <translation>Para la reunión del %1</translation>
    </message>
    <message>
        <source>Asked on %1, not scheduled yet</source>
        <translation>Preguntada el %1, aún sin programar</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>Vencida desde el %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Para el %1</translation>
    </message>
    <message>
        <source>Scheduled for the clinician meeting.</source>
        <translation>Programada para la reunión clínica.</translation>
    </message>
    <message numerus="yes">
        <source>The team&apos;s note is recorded; %n record(s) made from its recommendations.</source>
        <translation>
            <numerusform>La nota del equipo está anotada; %n registro creado a partir de sus recomendaciones.</numerusform>
            <numerusform>La nota del equipo está anotada; %n registros creados a partir de sus recomendaciones.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::app::ConflictListModel</name>
    <message>
        <source>Clinic settings</source>
        <translation>Configuración de la clínica</translation>
    </message>
    <message>
        <source>That version is no longer on this tablet.</source>
        <translation>Esa versión ya no está en esta tableta.</translation>
    </message>
    <message>
        <source>Kept. The other version stays in the history.</source>
        <translation>Conservado. La otra versión queda en el historial.</translation>
    </message>
</context>
<context>
    <name>cairn::app::EnrollmentModel</name>
    <message>
        <source>Not signed in.</source>
        <translation>No hay sesión iniciada.</translation>
    </message>
    <message>
        <source>Enter the server address, starting with https://</source>
        <translation>Escriba la dirección del servidor, empezando por https://</translation>
    </message>
    <message>
        <source>Enter the path of the server&apos;s CA certificate, or paste the certificate.</source>
        <translation>Escriba la ruta del certificado CA del servidor, o pegue el certificado.</translation>
    </message>
    <message>
        <source>Enter the one-time code from the server administrator.</source>
        <translation>Escriba el código de un solo uso que le dio quien administra el servidor.</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Inscribiendo…</translation>
    </message>
    <message>
        <source>The pasted text is not a PEM certificate.</source>
        <translation>El texto pegado no es un certificado PEM.</translation>
    </message>
    <message>
        <source>Not enrolled: %1</source>
        <translation>No se inscribió: %1</translation>
    </message>
    <message>
        <source>This tablet is enrolled with clinic %1.</source>
        <translation>Esta tableta está inscrita en la clínica %1.</translation>
    </message>
</context>
<context>
    <name>cairn::app::HistoryListModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Sin fecha</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Realizada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Missed: the patient did not come</source>
        <translation>Perdida: la persona no acudió</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Urine drug screen</source>
        <translation>Análisis de drogas en orina</translation>
    </message>
    <message>
        <source>Concerning findings</source>
        <translation>Hallazgos preocupantes</translation>
    </message>
    <message>
        <source>Concerning: %1</source>
        <translation>Preocupante: %1</translation>
    </message>
    <message>
        <source>No concerns</source>
        <translation>Sin hallazgos preocupantes</translation>
    </message>
    <message>
        <source>%1 · checked by %2</source>
        <translation>%1 · consultado por %2</translation>
    </message>
    <message>
        <source>PDMP check</source>
        <translation>Consulta del PDMP</translation>
    </message>
    <message>
        <source>Treatment agreement</source>
        <translation>Acuerdo de tratamiento</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <source>Naloxone</source>
        <translation>Naloxona</translation>
    </message>
    <message>
        <source>Prescribed</source>
        <translation>Recetada</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Ofrecida</translation>
    </message>
    <message>
        <source>%1 mcg/hr patch</source>
        <translation>parche de %1 mcg/h</translation>
    </message>
    <message>
        <source>%1 mg × %2, %3 times a day</source>
        <translation>%1 mg × %2, %3 veces al día</translation>
    </message>
    <message>
        <source>%1 %2, stopped %3</source>
        <translation>%1 %2, suspendido el %3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Opioid</source>
        <translation>Opioide</translation>
    </message>
    <message>
        <source>Sedative</source>
        <translation>Sedante</translation>
    </message>
    <message>
        <source>%1, stopped %2</source>
        <translation>%1, suspendido el %2</translation>
    </message>
    <message>
        <source>working on it</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>met</source>
        <translation>cumplida</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>abandonada</translation>
    </message>
    <message>
        <source>Care-plan goal</source>
        <translation>Meta del plan de cuidado</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Offered and declined</source>
        <translation>Ofrecida y rechazada</translation>
    </message>
    <message>
        <source>Dispensed</source>
        <translation>Entregada</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>con %1</translation>
    </message>
    <message>
        <source>%1 · sent for a confirmatory test</source>
        <translation>%1 · enviada para prueba confirmatoria</translation>
    </message>
    <message>
        <source>early</source>
        <translation>anticipada</translation>
    </message>
    <message>
        <source>lost or stolen, police report made</source>
        <translation>perdido o robado, con informe policial</translation>
    </message>
    <message>
        <source>lost or stolen, no police report</source>
        <translation>perdido o robado, sin informe policial</translation>
    </message>
    <message>
        <source>not decided yet</source>
        <translation>aún sin decidir</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>aprobada</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>rechazada</translation>
    </message>
    <message>
        <source>declined: %1</source>
        <translation>rechazada: %1</translation>
    </message>
    <message>
        <source>sent to the clinician</source>
        <translation>enviada al clínico</translation>
    </message>
    <message>
        <source>Refill request</source>
        <translation>Solicitud de resurtido</translation>
    </message>
    <message>
        <source>Medication list reviewed</source>
        <translation>Lista de medicamentos revisada</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Revisada</translation>
    </message>
    <message>
        <source>Reviewed by %1</source>
        <translation>Revisada por %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1: %2 MME/day</source>
        <translation>%1: %2 MME/día</translation>
    </message>
    <message>
        <source>%1 · steps %2</source>
        <translation>%1 · pasos %2</translation>
    </message>
    <message>
        <source>Taper plan</source>
        <translation>Plan de reducción gradual</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Random urine test draw</source>
        <translation>Sorteo de análisis de orina al azar</translation>
    </message>
    <message>
        <source>Chosen for a urine sample</source>
        <translation>Elegido para una muestra de orina</translation>
    </message>
    <message>
        <source>Not chosen for a urine sample</source>
        <translation>No elegido para una muestra de orina</translation>
    </message>
    <message>
        <source>Clinic refill rule overridden</source>
        <translation>Regla de resurtido de la clínica anulada</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>Long-term therapy decision</source>
        <translation>Decisión sobre terapia a largo plazo</translation>
    </message>
    <message>
        <source>On long-term opioid therapy: %1</source>
        <translation>En terapia de opioides a largo plazo: %1</translation>
    </message>
    <message>
        <source>Not on long-term opioid therapy: %1</source>
        <translation>No está en terapia de opioides a largo plazo: %1</translation>
    </message>
    <message>
        <source>first-visit decision not recorded yet</source>
        <translation>decisión de la primera visita aún no registrada</translation>
    </message>
    <message>
        <source>New-patient intake</source>
        <translation>Admisión de paciente nuevo</translation>
    </message>
    <message>
        <source>from %1 · %2</source>
        <translation>de %1 · %2</translation>
    </message>
    <message>
        <source>Opioid use disorder checklist</source>
        <translation>Lista de criterios de trastorno por consumo de opioides</translation>
    </message>
    <message>
        <source>%1 of 11 criteria counted: %2</source>
        <translation>%1 de 11 criterios contados: %2</translation>
    </message>
    <message>
        <source>Treatment for opioid use disorder</source>
        <translation>Tratamiento del trastorno por consumo de opioides</translation>
    </message>
    <message>
        <source>Case conference</source>
        <translation>Sesión clínica</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>%1 · %2, due %3 · %4</source>
        <translation>%1 · %2, para el %3 · %4</translation>
    </message>
    <message>
        <source>a resource not in this tablet&apos;s directory yet</source>
        <translation>un recurso que aún no está en el directorio de esta tableta</translation>
    </message>
    <message numerus="yes">
        <source>supply for %n day(s)</source>
        <translation>
            <numerusform>suministro para %n día</numerusform>
            <numerusform>suministro para %n días</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::app::HuddleModel</name>
    <message>
        <source>%1 MME/day</source>
        <translation>%1 MME/día</translation>
    </message>
    <message>
        <source>Today · %1</source>
        <translation>Hoy · %1</translation>
    </message>
    <message>
        <source>Tomorrow · %1</source>
        <translation>Mañana · %1</translation>
    </message>
    <message>
        <source>Yesterday · %1</source>
        <translation>Ayer · %1</translation>
    </message>
    <message>
        <source>Roomed</source>
        <translation>Preparado</translation>
    </message>
    <message>
        <source>To room</source>
        <translation>Por preparar</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Con cita</translation>
    </message>
</context>
<context>
    <name>cairn::app::ImportModel</name>
    <message>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>No indicado</translation>
    </message>
    <message>
        <source>Agreement signed %1</source>
        <translation>Acuerdo firmado el %1</translation>
    </message>
    <message>
        <source>PDMP checked %1</source>
        <translation>PDMP consultado el %1</translation>
    </message>
    <message>
        <source>No records</source>
        <translation>Sin registros</translation>
    </message>
    <message>
        <source>Choose a FHIR file (.json, .ndjson) or a spreadsheet (.csv, .tsv, .txt, .xlsx).</source>
        <translation>Elija un archivo FHIR (.json, .ndjson) o una hoja de cálculo (.csv, .tsv, .txt, .xlsx).</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>del %1 al %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>desde el %1</translation>
    </message>
    <message>
        <source>%1 MME a day</source>
        <translation>%1 MME al día</translation>
    </message>
    <message>
        <source>not counted in MME</source>
        <translation>no cuenta en la MME</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>No se importó nada: %1</translation>
    </message>
    <message>
        <source>Added %1 with %2.</source>
        <translation>Se agregaron %1 con %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n paciente</numerusform>
            <numerusform>%n pacientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n registro</numerusform>
            <numerusform>%n registros</numerusform>
        </translation>
    </message>
    <message>
        <source>row %1, %2</source>
        <translation>fila %1, %2</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>no se puede leer: %1</translation>
    </message>
    <message>
        <source>Urine test %1, %2</source>
        <translation>Prueba de orina del %1, %2</translation>
    </message>
</context>
<context>
    <name>cairn::app::MeasuresModel</name>
    <message>
        <source>Treatment agreement current</source>
        <translation>Acuerdo de tratamiento vigente</translation>
    </message>
    <message>
        <source>50 MME/day or more</source>
        <translation>50 MME/día o más</translation>
    </message>
    <message>
        <source>90 MME/day or more</source>
        <translation>90 MME/día o más</translation>
    </message>
    <message>
        <source>Also on a benzodiazepine</source>
        <translation>También con una benzodiacepina</translation>
    </message>
    <message>
        <source>Naloxone when indicated</source>
        <translation>Naloxona cuando está indicada</translation>
    </message>
    <message>
        <source>Conversation script used this month</source>
        <translation>Guía de conversación usada este mes</translation>
    </message>
    <message>
        <source>Mean PEG score</source>
        <translation>Puntuación PEG media</translation>
    </message>
    <message>
        <source>%1 of 10</source>
        <translation>%1 de 10</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) with a recent PEG</source>
        <translation>
            <numerusform>%n paciente con un PEG reciente</numerusform>
            <numerusform>%n pacientes con un PEG reciente</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 patients</source>
        <translation>%1 de %2 pacientes</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>Sin meta</translation>
    </message>
    <message>
        <source>Target: at most %1 %</source>
        <translation>Meta: como máximo %1 %</translation>
    </message>
    <message>
        <source>Target: at least %1 %</source>
        <translation>Meta: al menos %1 %</translation>
    </message>
    <message>
        <source>Meets target</source>
        <translation>Cumple la meta</translation>
    </message>
    <message>
        <source>Off target</source>
        <translation>No cumple la meta</translation>
    </message>
    <message>
        <source>Whole clinic</source>
        <translation>Toda la clínica</translation>
    </message>
    <message>
        <source>%1, whole clinic</source>
        <translation>%1, toda la clínica</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n patient(s)</source>
        <translation>
            <numerusform>%1: %n paciente</numerusform>
            <numerusform>%1: %n pacientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Early or lost/stolen refill request this month</source>
        <translation>Pedido de surtido anticipado o por pérdida o robo este mes</translation>
    </message>
    <message>
        <source>A firm refill rule overridden this month</source>
        <translation>Una regla firme de resurtido anulada este mes</translation>
    </message>
    <message>
        <source>PDMP checked</source>
        <translation>PDMP consultado</translation>
    </message>
    <message>
        <source>PDMP checked twice</source>
        <translation>PDMP consultado dos veces</translation>
    </message>
    <message>
        <source>PEG recorded</source>
        <translation>PEG registrado</translation>
    </message>
    <message>
        <source>Urine test</source>
        <translation>Prueba de orina</translation>
    </message>
    <message numerus="yes">
        <source>PDMP checked in %n day(s)</source>
        <translation>
            <numerusform>PDMP consultado en %n día</numerusform>
            <numerusform>PDMP consultado en %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>PDMP checked twice in %n day(s)</source>
        <translation>
            <numerusform>PDMP consultado dos veces en %n día</numerusform>
            <numerusform>PDMP consultado dos veces en %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>PEG in %n day(s)</source>
        <translation>
            <numerusform>PEG en %n día</numerusform>
            <numerusform>PEG en %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Urine test in %n day(s)</source>
        <translation>
            <numerusform>Prueba de orina en %n día</numerusform>
            <numerusform>Prueba de orina en %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Current care-plan goal</source>
        <translation>Meta vigente del plan de cuidado</translation>
    </message>
    <message>
        <source>Moved from acute opioids to long-term therapy this month</source>
        <translation>Pasó de opioides a corto plazo a terapia a largo plazo este mes</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n patient(s) to act on</source>
        <translation>
            <numerusform>%1 · %n paciente por atender</numerusform>
            <numerusform>%1 · %n pacientes por atender</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::app::MonthlyReportModel</name>
    <message>
        <source>Staff meeting summary (one page, no patient named)</source>
        <translation>Resumen para la reunión del personal (una página, sin nombres de pacientes)</translation>
    </message>
    <message>
        <source>Full report (no patient named)</source>
        <translation>Informe completo (sin nombres de pacientes)</translation>
    </message>
    <message>
        <source>Full report with the patients behind each measure off target</source>
        <translation>Informe completo con los pacientes detrás de cada medida que no cumple la meta</translation>
    </message>
    <message>
        <source>Choose the month of the report.</source>
        <translation>Elija el mes del informe.</translation>
    </message>
    <message>
        <source>Only the registry manager may print the patients behind the measures.</source>
        <translation>Solo el gestor del registro puede imprimir los pacientes detrás de las medidas.</translation>
    </message>
</context>
<context>
    <name>cairn::app::Navigation</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Pacientes</translation>
    </message>
    <message>
        <source>Refills</source>
        <translation>Resurtidos</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Indicadores</translation>
    </message>
    <message>
        <source>Practise</source>
        <translation>Practicar</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Gestión</translation>
    </message>
    <message>
        <source>Today: the patients booked for the day</source>
        <translation>Hoy: los pacientes con cita ese día</translation>
    </message>
    <message>
        <source>Calls: patients due a PEG, to call</source>
        <translation>Llamadas: pacientes con PEG pendiente, para llamar</translation>
    </message>
    <message>
        <source>Registry: every patient with gaps, filters and sorting</source>
        <translation>Registro: todos los pacientes con sus pendientes, filtros y orden</translation>
    </message>
    <message>
        <source>Patients: find a patient or add one</source>
        <translation>Pacientes: buscar o añadir un paciente</translation>
    </message>
    <message>
        <source>Refills: check a refill request</source>
        <translation>Resurtidos: revisar una solicitud de resurtido</translation>
    </message>
    <message>
        <source>Measures: the monthly measures</source>
        <translation>Indicadores: los indicadores mensuales</translation>
    </message>
    <message>
        <source>Practise difficult conversations</source>
        <translation>Practicar conversaciones difíciles</translation>
    </message>
    <message>
        <source>Administration: users, clinic policy, server enrollment</source>
        <translation>Administración: usuarios, política de la clínica, registro en el servidor</translation>
    </message>
</context>
<context>
    <name>cairn::app::PatientViewModel</name>
    <message>
        <source>PEG saved.</source>
        <translation>PEG guardado.</translation>
    </message>
    <message>
        <source>Recorded that the script was used.</source>
        <translation>Se registró que se usó la guía.</translation>
    </message>
    <message>
        <source>%1 years · %2 · %3</source>
        <translation>%1 años · %2 · %3</translation>
    </message>
    <message>
        <source>%1 MME/day</source>
        <translation>%1 MME/día</translation>
    </message>
    <message>
        <source>below 50</source>
        <translation>menos de 50</translation>
    </message>
    <message>
        <source>50 to 89</source>
        <translation>de 50 a 89</translation>
    </message>
    <message>
        <source>90 or more</source>
        <translation>90 o más</translation>
    </message>
    <message>
        <source>%1: %2 MME/day</source>
        <translation>%1: %2 MME/día</translation>
    </message>
    <message>
        <source>%1: not counted in MME</source>
        <translation>%1: no cuenta en los MME</translation>
    </message>
    <message>
        <source>%1: pain %2, enjoyment %3, activity %4 (mean %5)</source>
        <translation>%1: dolor %2, disfrute %3, actividad %4 (media %5)</translation>
    </message>
    <message>
        <source>No PEG scores yet.</source>
        <translation>Todavía no hay puntuaciones PEG.</translation>
    </message>
    <message numerus="yes">
        <source>%n PEG score(s). First: %1 on %2. Latest: %3 on %4. 30% better than baseline: %5.</source>
        <translation>
            <numerusform>%n puntuación PEG. Primera: %1 el %2. Última: %3 el %4. 30 % mejor que al inicio: %5.</numerusform>
            <numerusform>%n puntuaciones PEG. Primera: %1 el %2. Última: %3 el %4. 30 % mejor que al inicio: %5.</numerusform>
        </translation>
    </message>
    <message>
        <source>The MME history cannot be shown: a regimen entry could not be counted.</source>
        <translation>No se puede mostrar el historial de MME: un medicamento del tratamiento no se pudo contar.</translation>
    </message>
    <message>
        <source>A regimen entry has no start date, so only today&apos;s total is shown.</source>
        <translation>Un medicamento del tratamiento no tiene fecha de inicio, así que solo se muestra el total de hoy.</translation>
    </message>
    <message>
        <source>Say why the record is withdrawn.</source>
        <translation>Indique por qué se retira el registro.</translation>
    </message>
    <message>
        <source>Withdrawn: it stays in the history, marked as entered in error.</source>
        <translation>Retirado: queda en el historial, marcado como anotado por error.</translation>
    </message>
    <message>
        <source>Inactive since %1</source>
        <translation>Inactivo desde %1</translation>
    </message>
    <message>
        <source>Inactive since %1: %2</source>
        <translation>Inactivo desde %1: %2</translation>
    </message>
    <message>
        <source>Goal: %1 (by %2)</source>
        <translation>Meta: %1 (para el %2)</translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation>Meta: %1</translation>
    </message>
    <message>
        <source>%1 · last reviewed %2</source>
        <translation>%1 · revisada por última vez el %2</translation>
    </message>
    <message>
        <source>Taper plan for %1, %2 (from %3)</source>
        <translation>Plan de reducción de %1, %2 (desde el %3)</translation>
    </message>
    <message>
        <source>  %1: %2 (target %3 MME/day)</source>
        <translation>  %1: %2 (objetivo %3 MME/día)</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1: %2</translation>
    </message>
    <message>
        <source>On the long-term opioid therapy registry: opioids on %1 of the last %2 days.</source>
        <translation>En el registro de terapia de opioides a largo plazo: opioides en %1 de los últimos %2 días.</translation>
    </message>
    <message>
        <source>On the long-term opioid therapy registry: an ongoing opioid prescription for pain.</source>
        <translation>En el registro de terapia de opioides a largo plazo: una receta continua de opioides para el dolor.</translation>
    </message>
    <message>
        <source>On the long-term opioid therapy registry: a clinician&apos;s decision.</source>
        <translation>En el registro de terapia de opioides a largo plazo: decisión de un clínico.</translation>
    </message>
    <message>
        <source>Not on the long-term opioid therapy registry: a short course (opioids on %1 of the last %2 days).</source>
        <translation>No está en el registro de terapia de opioides a largo plazo: un tratamiento corto (opioides en %1 de los últimos %2 días).</translation>
    </message>
    <message>
        <source>Not on the long-term opioid therapy registry: treatment for opioid use disorder only.</source>
        <translation>No está en el registro de terapia de opioides a largo plazo: solo tratamiento del trastorno por consumo de opioides.</translation>
    </message>
    <message>
        <source>Not on the long-term opioid therapy registry: no opioid for pain today.</source>
        <translation>No está en el registro de terapia de opioides a largo plazo: hoy no tiene opioides para el dolor.</translation>
    </message>
    <message>
        <source>Not on the long-term opioid therapy registry: inactive.</source>
        <translation>No está en el registro de terapia de opioides a largo plazo: inactivo.</translation>
    </message>
    <message>
        <source>Also treated for opioid use disorder.</source>
        <translation>También en tratamiento por trastorno por consumo de opioides.</translation>
    </message>
    <message>
        <source>Undone right after it was saved.</source>
        <translation>Deshecho justo después de guardarse.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Follow-up overdue since %1</source>
        <translation>Seguimiento vencido desde el %1</translation>
    </message>
    <message>
        <source>Follow up by %1</source>
        <translation>Seguimiento antes del %1</translation>
    </message>
    <message>
        <source>Referral: %1.</source>
        <translation>Derivación: %1.</translation>
    </message>
    <message>
        <source>Opioid use disorder checklist on %1: %2 (%3 of 11 criteria counted).</source>
        <translation>Lista de criterios de trastorno por consumo de opioides del %1: %2 (%3 de 11 criterios contados).</translation>
    </message>
    <message>
        <source>Treatment for opioid use disorder: %1 on %2.</source>
        <translation>Tratamiento del trastorno por consumo de opioides: %1 el %2.</translation>
    </message>
    <message>
        <source>New-patient intake started %1: %2, review on %3.</source>
        <translation>Admisión de paciente nuevo iniciada el %1: %2, revisión el %3.</translation>
    </message>
    <message>
        <source>New-patient intake started %1: %2.</source>
        <translation>Admisión de paciente nuevo iniciada el %1: %2.</translation>
    </message>
    <message>
        <source>New-patient intake started %1; still to do: %2.</source>
        <translation>Admisión de paciente nuevo iniciada el %1; falta: %2.</translation>
    </message>
    <message>
        <source>The task is marked done.</source>
        <translation>La tarea está marcada como hecha.</translation>
    </message>
</context>
<context>
    <name>cairn::app::PdfPages</name>
    <message>
        <source>Choose where to save the document.</source>
        <translation>Elija dónde guardar el documento.</translation>
    </message>
    <message>
        <source>Could not save the document to %1.</source>
        <translation>No se pudo guardar el documento en %1.</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Guardado en %1.</translation>
    </message>
    <message>
        <source>This document cannot be shown.</source>
        <translation>Este documento no se puede mostrar.</translation>
    </message>
</context>
<context>
    <name>cairn::app::PegOutreachModel</name>
    <message>
        <source>No PEG on record</source>
        <translation>Sin PEG registrado</translation>
    </message>
    <message>
        <source>PEG overdue since %1</source>
        <translation>PEG atrasado desde %1</translation>
    </message>
    <message>
        <source>PEG saved for %1. It will sync when the tablet is next online.</source>
        <translation>PEG guardado para %1. Se sincronizará cuando la tableta vuelva a tener conexión.</translation>
    </message>
</context>
<context>
    <name>cairn::app::QuarantineListModel</name>
    <message>
        <source>Clinic settings</source>
        <translation>Configuración de la clínica</translation>
    </message>
    <message>
        <source>a patient not on this tablet</source>
        <translation>un paciente que no está en esta tableta</translation>
    </message>
    <message>
        <source>Withdrawn. The other tablets drop it after their next sync.</source>
        <translation>Retirado. Las demás tabletas lo quitan tras su próxima sincronización.</translation>
    </message>
</context>
<context>
    <name>cairn::app::RecordVersionsModel</name>
    <message>
        <source>Withdrawn: entered in error</source>
        <translation>Retirado: anotado por error</translation>
    </message>
</context>
<context>
    <name>cairn::app::RefillCheckModel</name>
    <message>
        <source>Meets clinic policy. The clinician may approve it.</source>
        <translation>Cumple la política de la clínica. El profesional clínico puede aprobarlo.</translation>
    </message>
    <message>
        <source>Needs the clinician&apos;s review before it is filled.</source>
        <translation>Necesita la revisión del profesional clínico antes de surtirse.</translation>
    </message>
    <message>
        <source>Clinic policy does not allow this refill as requested. This is advice: the clinician decides.</source>
        <translation>La política de la clínica no permite este resurtido tal como se pidió. Es una recomendación: decide el profesional clínico.</translation>
    </message>
    <message>
        <source>The clinic does not fill on that day of the week.</source>
        <translation>La clínica no surte ese día de la semana.</translation>
    </message>
    <message>
        <source>The request gives less notice than clinic policy asks for.</source>
        <translation>La solicitud da menos aviso del que pide la política de la clínica.</translation>
    </message>
    <message>
        <source>The fill would come before the last fill&apos;s supply runs out.</source>
        <translation>El surtido llegaría antes de que se termine el suministro del último surtido.</translation>
    </message>
    <message>
        <source>The days&apos; supply is longer than clinic policy allows.</source>
        <translation>Los días de suministro superan lo que permite la política de la clínica.</translation>
    </message>
    <message>
        <source>Reported lost or stolen without a police report.</source>
        <translation>Reportado como extraviado o robado sin denuncia policial.</translation>
    </message>
    <message>
        <source>A PDMP check is due on the day of the fill.</source>
        <translation>El día del surtido toca una consulta del PDMP.</translation>
    </message>
    <message>
        <source>The treatment agreement is not current on the day of the fill.</source>
        <translation>El acuerdo de tratamiento no está vigente el día del surtido.</translation>
    </message>
    <message>
        <source>A visit is due on the day of the fill.</source>
        <translation>El día del surtido toca una visita.</translation>
    </message>
    <message>
        <source>Sign in to check a refill request.</source>
        <translation>Inicie sesión para comprobar una solicitud de resurtido.</translation>
    </message>
    <message>
        <source>Choose the patient.</source>
        <translation>Elija al paciente.</translation>
    </message>
    <message>
        <source>Requested fill date: write it as YYYY-MM-DD.</source>
        <translation>Fecha de surtido solicitada: escríbala como AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>Last fill date: write it as YYYY-MM-DD.</source>
        <translation>Fecha del último surtido: escríbala como AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>Days&apos; supply: must be between 1 and 365.</source>
        <translation>Días de suministro: debe ser entre 1 y 365.</translation>
    </message>
    <message>
        <source>Last fill&apos;s days&apos; supply: must be between 1 and 365.</source>
        <translation>Días de suministro del último surtido: debe ser entre 1 y 365.</translation>
    </message>
    <message>
        <source>Sign in to log a refill request.</source>
        <translation>Inicie sesión para anotar una solicitud de resurtido.</translation>
    </message>
    <message>
        <source>Check the request first, so that its advice is seen.</source>
        <translation>Primero revise la solicitud, para que se vea su recomendación.</translation>
    </message>
    <message>
        <source>Drug: say which medicine is asked for.</source>
        <translation>Medicamento: indique qué medicamento se solicita.</translation>
    </message>
    <message>
        <source>How it came: choose phone, portal, front desk or pharmacy.</source>
        <translation>Cómo llegó: elija teléfono, portal, recepción o farmacia.</translation>
    </message>
    <message>
        <source>Logged in the patient&apos;s history and sent to the clinician.</source>
        <translation>Anotada en el historial del paciente y enviada al clínico.</translation>
    </message>
    <message>
        <source>Clinic policy for new patients: the prior prescriber&apos;s records and a urine test come before the first prescription here.</source>
        <translation>Política de la clínica para pacientes nuevos: los expedientes del médico anterior y un análisis de orina van antes de la primera receta aquí.</translation>
    </message>
    <message numerus="yes">
        <source>Clinic policy for new patients: a bridge at the current dose while the records are gathered, for up to %n day(s) from the first request.</source>
        <translation>
            <numerusform>Política de la clínica para pacientes nuevos: un puente con la dosis actual mientras se reúnen los expedientes, hasta %n día desde la primera solicitud.</numerusform>
            <numerusform>Política de la clínica para pacientes nuevos: un puente con la dosis actual mientras se reúnen los expedientes, hasta %n días desde la primera solicitud.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clinic policy for new patients: this fill would run past the bridge&apos;s limit of %n day(s) without the prior records.</source>
        <translation>
            <numerusform>Política de la clínica para pacientes nuevos: este resurtido pasaría el límite del puente de %n día sin los expedientes anteriores.</numerusform>
            <numerusform>Política de la clínica para pacientes nuevos: este resurtido pasaría el límite del puente de %n días sin los expedientes anteriores.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (a clinic rule)</source>
        <translation>%1 (una regla de la clínica)</translation>
    </message>
    <message>
        <source>A clinic rule blocks this refill: a clinician must override it, with the reason, first.</source>
        <translation>Una regla de la clínica bloquea este resurtido: primero un profesional clínico debe anularla, con el motivo.</translation>
    </message>
    <message>
        <source>Sign in to override a clinic rule.</source>
        <translation>Inicie sesión para anular una regla de la clínica.</translation>
    </message>
    <message>
        <source>No clinic rule blocks this request.</source>
        <translation>Ninguna regla de la clínica bloquea esta solicitud.</translation>
    </message>
    <message>
        <source>Reason: say why the clinic rule is overridden for this patient.</source>
        <translation>Motivo: diga por qué se anula la regla de la clínica para este paciente.</translation>
    </message>
    <message>
        <source>Override recorded with its reason. The request may now be logged.</source>
        <translation>Anulación registrada con su motivo. Ya se puede registrar la solicitud.</translation>
    </message>
    <message>
        <source>A new patient&apos;s request: this clinic has prescribed their opioids only since %1, within the clinic&apos;s new-patient period.</source>
        <translation>Solicitud de un paciente nuevo: esta clínica le receta opioides solo desde el %1, dentro del periodo de paciente nuevo de la clínica.</translation>
    </message>
    <message>
        <source>Not a new patient&apos;s request: this clinic has prescribed their opioids since %1.</source>
        <translation>No es la solicitud de un paciente nuevo: esta clínica le receta opioides desde el %1.</translation>
    </message>
</context>
<context>
    <name>cairn::app::ResourceDirectoryModel</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>Elija una categoría.</translation>
    </message>
    <message>
        <source>Write the distance as a number.</source>
        <translation>Escriba la distancia como un número.</translation>
    </message>
    <message>
        <source>Resource saved.</source>
        <translation>Recurso guardado.</translation>
    </message>
</context>
<context>
    <name>cairn::app::RoomingFlow</name>
    <message>
        <source>The screening questions could not be loaded. Reinstall Cairn.</source>
        <translation>No se pudieron cargar las preguntas de tamizaje. Vuelva a instalar Cairn.</translation>
    </message>
    <message>
        <source>Resumed the rooming started earlier: every answer given is kept.</source>
        <translation>Se retomó la preparación empezada antes: se conservan todas las respuestas.</translation>
    </message>
    <message>
        <source>An unfinished rooming from another day was set aside; starting afresh.</source>
        <translation>Se dejó aparte una preparación sin terminar de otro día; se empieza de nuevo.</translation>
    </message>
    <message>
        <source>PEG: pain %1, enjoyment %2, activity %3 (mean %4)</source>
        <translation>PEG: dolor %1, disfrute %2, actividad %3 (media %4)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Urine sample collected (result pending)</source>
        <translation>Muestra de orina tomada (resultado pendiente)</translation>
    </message>
    <message>
        <source>Urine sample not collected today</source>
        <translation>Muestra de orina no tomada hoy</translation>
    </message>
    <message>
        <source>Agreement signed today</source>
        <translation>Acuerdo firmado hoy</translation>
    </message>
    <message>
        <source>Agreement not signed today</source>
        <translation>Acuerdo no firmado hoy</translation>
    </message>
    <message>
        <source>PDMP checked: concerning (%1)</source>
        <translation>PDMP consultado: algo preocupa (%1)</translation>
    </message>
    <message>
        <source>PDMP checked: nothing concerning</source>
        <translation>PDMP consultado: nada preocupante</translation>
    </message>
    <message>
        <source>PDMP not checked today</source>
        <translation>PDMP no consultado hoy</translation>
    </message>
    <message>
        <source>Choose an answer from %1 to %2.</source>
        <translation>Elija una respuesta de %1 a %2.</translation>
    </message>
    <message>
        <source>Answer saved.</source>
        <translation>Respuesta guardada.</translation>
    </message>
    <message>
        <source>Urine sample recorded as collected; the result is pending.</source>
        <translation>Muestra de orina registrada como tomada; el resultado está pendiente.</translation>
    </message>
    <message>
        <source>Agreement recorded as signed today.</source>
        <translation>Acuerdo registrado como firmado hoy.</translation>
    </message>
    <message>
        <source>Describe what was concerning in the PDMP.</source>
        <translation>Describa qué preocupó en el PDMP.</translation>
    </message>
    <message>
        <source>PDMP check recorded.</source>
        <translation>Consulta del PDMP registrada.</translation>
    </message>
    <message>
        <source>PHQ-9 saved. Item 9 is above zero: tell the clinician now, before the patient leaves.</source>
        <translation>PHQ-9 guardado. La pregunta 9 es mayor que cero: avise ahora al profesional clínico, antes de que la persona se vaya.</translation>
    </message>
    <message>
        <source>Rooming finished.</source>
        <translation>Preparación terminada.</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>%1: no traumatic event reported, %2</source>
        <translation>%1: no refiere ningún evento traumático, %2</translation>
    </message>
</context>
<context>
    <name>cairn::app::RosterModel</name>
    <message>
        <source>%1 MME/day</source>
        <translation>%1 MME/día</translation>
    </message>
    <message>
        <source>No active opioid</source>
        <translation>Ningún opioide activo</translation>
    </message>
    <message>
        <source>No open gaps</source>
        <translation>Sin pendientes</translation>
    </message>
    <message>
        <source>Any open gap</source>
        <translation>Cualquier pendiente</translation>
    </message>
    <message>
        <source>Any prescriber</source>
        <translation>Cualquier prescriptor</translation>
    </message>
    <message>
        <source>Any dose</source>
        <translation>Cualquier dosis</translation>
    </message>
    <message>
        <source>Under 50 MME/day</source>
        <translation>Menos de 50 MME/día</translation>
    </message>
    <message>
        <source>50 to 89 MME/day</source>
        <translation>De 50 a 89 MME/día</translation>
    </message>
    <message>
        <source>90 MME/day or more</source>
        <translation>90 MME/día o más</translation>
    </message>
    <message>
        <source>Any risk tier</source>
        <translation>Cualquier nivel de riesgo</translation>
    </message>
    <message>
        <source>Sort by name</source>
        <translation>Ordenar por nombre</translation>
    </message>
    <message>
        <source>Sort by MME, highest first</source>
        <translation>Ordenar por MME, de mayor a menor</translation>
    </message>
    <message>
        <source>Sort by most overdue</source>
        <translation>Ordenar por lo más atrasado</translation>
    </message>
</context>
<context>
    <name>cairn::app::ScreeningForm</name>
    <message>
        <source>This screen cannot be entered here.</source>
        <translation>Esta evaluación no se puede anotar aquí.</translation>
    </message>
    <message>
        <source>Record the patient&apos;s sex first: the ORT is scored differently for women and men.</source>
        <translation>Registre primero el sexo del paciente: la ORT se puntúa de forma distinta para mujeres y hombres.</translation>
    </message>
    <message>
        <source>Choose the date the screen was done.</source>
        <translation>Elija la fecha en que se hizo la evaluación.</translation>
    </message>
    <message>
        <source>Answer every question.</source>
        <translation>Responda todas las preguntas.</translation>
    </message>
    <message>
        <source>Say why it is being corrected.</source>
        <translation>Indique por qué se corrige.</translation>
    </message>
    <message>
        <source>Sign in to save.</source>
        <translation>Inicie sesión para guardar.</translation>
    </message>
    <message>
        <source>Choose the patient first.</source>
        <translation>Elija primero al paciente.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Obligatorio.</translation>
    </message>
    <message>
        <source>Check the marked fields. Nothing was saved.</source>
        <translation>Revise los campos marcados. No se guardó nada.</translation>
    </message>
    <message>
        <source>Saved on this tablet.</source>
        <translation>Guardado en esta tableta.</translation>
    </message>
</context>
<context>
    <name>cairn::app::SelfAssessmentModel</name>
    <message>
        <source>Score every statement before saving: %1 of %2 answered.</source>
        <translation>Puntúe cada afirmación antes de guardar: %1 de %2 respondidas.</translation>
    </message>
    <message>
        <source>Your answers for %1 are saved.</source>
        <translation>Sus respuestas de %1 están guardadas.</translation>
    </message>
    <message>
        <source>Added to the action plan.</source>
        <translation>Agregado al plan de acción.</translation>
    </message>
    <message>
        <source>The action plan is updated.</source>
        <translation>El plan de acción está actualizado.</translation>
    </message>
</context>
<context>
    <name>cairn::app::Session</name>
    <message>
        <source>Locked. Sign in to continue.</source>
        <translation>Bloqueado. Inicie sesión para continuar.</translation>
    </message>
    <message>
        <source>Asking the clinic&apos;s server…</source>
        <translation>Consultando al servidor de la clínica…</translation>
    </message>
</context>
<context>
    <name>cairn::app::SyncStatus</name>
    <message>
        <source>Never synced</source>
        <translation>Nunca sincronizada</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>Última sincronización %1</translation>
    </message>
    <message>
        <source>Not connected to a clinic server</source>
        <translation>Sin conexión a un servidor de la clínica</translation>
    </message>
    <message numerus="yes">
        <source>Offline · %n to send</source>
        <translation>
            <numerusform>Sin conexión · %n por enviar</numerusform>
            <numerusform>Sin conexión · %n por enviar</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Sincronizado a las %1</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to send</source>
        <translation>
            <numerusform>%n en espera de envío</numerusform>
            <numerusform>%n en espera de envío</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>Problema de sincronización</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) saved on this tablet, not yet sent to the clinic server.</source>
        <translation>
            <numerusform>%n registro guardado en esta tableta, aún no enviado al servidor de la clínica.</numerusform>
            <numerusform>%n registros guardados en esta tableta, aún no enviados al servidor de la clínica.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything saved on this tablet has been sent to the clinic server.</source>
        <translation>Todo lo guardado en esta tableta se ha enviado al servidor de la clínica.</translation>
    </message>
    <message numerus="yes">
        <source>The oldest has waited %n hour(s).</source>
        <translation>
            <numerusform>El más antiguo lleva %n hora esperando.</numerusform>
            <numerusform>El más antiguo lleva %n horas esperando.</numerusform>
        </translation>
    </message>
    <message>
        <source>This tablet is not connected to a clinic server. Everything is saved on this tablet only; an administrator can connect it under Administration.</source>
        <translation>Esta tableta no está conectada a un servidor de la clínica. Todo se guarda solo en esta tableta; un administrador puede conectarla en Administración.</translation>
    </message>
    <message>
        <source>No network. Everything is saved on this tablet and will be sent when the network returns.</source>
        <translation>Sin red. Todo se guarda en esta tableta y se enviará cuando vuelva la red.</translation>
    </message>
    <message>
        <source>Sending and receiving records…</source>
        <translation>Enviando y recibiendo registros…</translation>
    </message>
    <message>
        <source>The last sync did not finish: %1</source>
        <translation>La última sincronización no terminó: %1</translation>
    </message>
    <message>
        <source>No server</source>
        <translation>Sin servidor</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sincronizado</translation>
    </message>
    <message numerus="yes">
        <source>%n to send</source>
        <translation>
            <numerusform>%n por enviar</numerusform>
            <numerusform>%n por enviar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::app::TodayTasksModel</name>
    <message>
        <source>Overdue since %1</source>
        <translation>Atrasada desde el %1</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Para hoy</translation>
    </message>
    <message>
        <source>The task is marked done.</source>
        <translation>La tarea está marcada como hecha.</translation>
    </message>
</context>
<context>
    <name>cairn::app::VisitDecisions</name>
    <message>
        <source>No taper</source>
        <translation>Sin reducción gradual</translation>
    </message>
    <message>
        <source>Taper planned</source>
        <translation>Reducción gradual planeada</translation>
    </message>
    <message>
        <source>Taper in progress</source>
        <translation>Reducción gradual en curso</translation>
    </message>
    <message>
        <source>Taper paused</source>
        <translation>Reducción gradual en pausa</translation>
    </message>
    <message>
        <source>Taper completed</source>
        <translation>Reducción gradual terminada</translation>
    </message>
    <message>
        <source>Recorded: continue the current plan (visit completed today).</source>
        <translation>Registrado: continuar el plan actual (visita completada hoy).</translation>
    </message>
    <message>
        <source>Recorded: taper in progress.</source>
        <translation>Registrado: reducción gradual en curso.</translation>
    </message>
    <message>
        <source>Recorded: taper paused.</source>
        <translation>Registrado: reducción gradual en pausa.</translation>
    </message>
    <message>
        <source>Referral recorded.</source>
        <translation>Referencia registrada.</translation>
    </message>
    <message>
        <source>Recorded: naloxone prescribed.</source>
        <translation>Registrado: naloxona recetada.</translation>
    </message>
    <message>
        <source>Recorded: new agreement signed today.</source>
        <translation>Registrado: acuerdo nuevo firmado hoy.</translation>
    </message>
    <message>
        <source>Undone right after it was recorded.</source>
        <translation>Deshecho justo después de registrarse.</translation>
    </message>
    <message>
        <source>Undone: the record stays in the history, marked withdrawn.</source>
        <translation>Deshecho: el registro queda en el historial, marcado como retirado.</translation>
    </message>
</context>
<context>
    <name>cairn::app::WorklistExport</name>
    <message>
        <source>Choose where to save the worklist.</source>
        <translation>Elija dónde guardar la lista de trabajo.</translation>
    </message>
    <message>
        <source>Your role may not export patient lists.</source>
        <translation>Su función no permite exportar listas de pacientes.</translation>
    </message>
    <message>
        <source>Could not save the worklist to %1.</source>
        <translation>No se pudo guardar la lista de trabajo en %1.</translation>
    </message>
    <message>
        <source>%1 open gaps of %2 patients saved to %3.</source>
        <translation>%1 brechas abiertas de %2 pacientes guardadas en %3.</translation>
    </message>
</context>
<context>
    <name>cairn::domain::Validation</name>
    <message>
        <source>is required (YYYY-MM-DD)</source>
        <translation>es un dato obligatorio (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>must be a real date between 1900 and 2200</source>
        <translation>debe ser una fecha real entre 1900 y 2200</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>debe ser un número entero de %1 a %2</translation>
    </message>
    <message>
        <source>must be a positive number</source>
        <translation>debe ser un número positivo</translation>
    </message>
    <message>
        <source>is implausibly large (over %1)</source>
        <translation>es un valor inverosímil (más de %1)</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>es un dato obligatorio</translation>
    </message>
    <message>
        <source>is too long (at most %1 characters)</source>
        <translation>es demasiado largo (%1 caracteres como máximo)</translation>
    </message>
    <message>
        <source>contains a control character</source>
        <translation>contiene un carácter de control</translation>
    </message>
    <message>
        <source>must not be before start</source>
        <translation>no puede ser anterior a start</translation>
    </message>
    <message>
        <source>is too large (at most %1 characters)</source>
        <translation>es demasiado grande (%1 caracteres como máximo)</translation>
    </message>
    <message>
        <source>must be a base64 image or an SVG path (plain ASCII)</source>
        <translation>debe ser una imagen en base64 o un trazado SVG (solo ASCII)</translation>
    </message>
    <message>
        <source>opioid use disorder treatment is buprenorphine or methadone</source>
        <translation>el tratamiento del trastorno por consumo de opioides es con buprenorfina o metadona</translation>
    </message>
    <message>
        <source>is required for transdermal fentanyl</source>
        <translation>es un dato obligatorio para el fentanilo transdérmico</translation>
    </message>
    <message>
        <source>a declined agreement carries no signature</source>
        <translation>un acuerdo rechazado no lleva firma</translation>
    </message>
    <message>
        <source>is required when the check is concerning</source>
        <translation>es un dato obligatorio cuando la consulta da un hallazgo preocupante</translation>
    </message>
    <message>
        <source>are entered with the result, not while it is pending</source>
        <translation>se anotan con el resultado, no mientras está pendiente</translation>
    </message>
    <message>
        <source>must be a time written HH:mm (24-hour)</source>
        <translation>debe ser una hora escrita HH:mm (formato de 24 horas)</translation>
    </message>
    <message>
        <source>are required</source>
        <translation>son datos obligatorios</translation>
    </message>
    <message>
        <source>must be a list of item scores or an object of items</source>
        <translation>debe ser una lista de puntuaciones por ítem o un objeto con los ítems</translation>
    </message>
    <message>
        <source>must name a resource of the clinic&apos;s directory</source>
        <translation>debe indicar un recurso del directorio de la clínica</translation>
    </message>
    <message>
        <source>is required: a resource from the directory or where to</source>
        <translation>es un dato obligatorio: un recurso del directorio o adónde se deriva</translation>
    </message>
    <message>
        <source>must not be before the referral&apos;s date</source>
        <translation>no puede ser anterior a la fecha de la derivación</translation>
    </message>
    <message>
        <source>must not be before the goal&apos;s date</source>
        <translation>no puede ser anterior a la fecha del objetivo</translation>
    </message>
    <message>
        <source>must be planned, in_progress, paused or completed</source>
        <translation>debe ser planned, in_progress, paused o completed</translation>
    </message>
    <message>
        <source>has too many steps (at most 100)</source>
        <translation>tiene demasiados pasos (100 como máximo)</translation>
    </message>
    <message>
        <source>must be a number from 0 to 5000</source>
        <translation>debe ser un número de 0 a 5000</translation>
    </message>
    <message>
        <source>must not be before the plan&apos;s date</source>
        <translation>no puede ser anterior a la fecha del plan</translation>
    </message>
    <message>
        <source>must not be before the previous step&apos;s date</source>
        <translation>no puede ser anterior a la fecha del paso anterior</translation>
    </message>
    <message>
        <source>applies only to a lost or stolen prescription</source>
        <translation>solo se aplica a una receta perdida o robada</translation>
    </message>
    <message>
        <source>is required when a request is declined</source>
        <translation>es un dato obligatorio cuando se rechaza una solicitud</translation>
    </message>
    <message>
        <source>must be a whole number of days from 1 to 365</source>
        <translation>debe ser un número entero de días, de 1 a 365</translation>
    </message>
    <message>
        <source>must be a whole number of days from 1 to 3650</source>
        <translation>debe ser un número entero de días, de 1 a 3650</translation>
    </message>
    <message>
        <source>is required: answer yes or no</source>
        <translation>es un dato obligatorio: responda sí o no</translation>
    </message>
    <message>
        <source>must not be before records_requested</source>
        <translation>no puede ser anterior a records_requested</translation>
    </message>
    <message>
        <source>is required when the first visit&apos;s decision is recorded</source>
        <translation>es un dato obligatorio cuando se anota la decisión de la primera visita</translation>
    </message>
    <message>
        <source>must not be before the intake&apos;s date</source>
        <translation>no puede ser anterior a la fecha de la admisión</translation>
    </message>
    <message>
        <source>must be after outcome_date</source>
        <translation>debe ser posterior a outcome_date</translation>
    </message>
    <message>
        <source>is required once the conference is %1</source>
        <translation>es un dato obligatorio cuando la sesión clínica está en estado %1</translation>
    </message>
    <message>
        <source>has too many entries (at most 50)</source>
        <translation>tiene demasiadas entradas (50 como máximo)</translation>
    </message>
    <message>
        <source>has too many entries (at most 20)</source>
        <translation>tiene demasiadas entradas (20 como máximo)</translation>
    </message>
    <message>
        <source>must be 1 or more</source>
        <translation>debe ser 1 o más</translation>
    </message>
    <message>
        <source>must not be before birth_date</source>
        <translation>no puede ser anterior a birth_date</translation>
    </message>
    <message>
        <source>is required for an inactive patient</source>
        <translation>es un dato obligatorio para un paciente inactivo</translation>
    </message>
    <message>
        <source>applies only when status is inactive</source>
        <translation>solo se aplica cuando el estado es inactivo</translation>
    </message>
</context>
<context>
    <name>cairn::interop::FhirImport</name>
    <message>
        <source>must be a FHIR resource (a JSON object)</source>
        <translation>debe ser un recurso FHIR (un objeto JSON)</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation>JSON no válido en la posición %1: %2</translation>
    </message>
    <message>
        <source>holds no FHIR resource (a Bundle, a resource or NDJSON)</source>
        <translation>no contiene ningún recurso FHIR (un Bundle, un recurso o NDJSON)</translation>
    </message>
    <message>
        <source>must be a full date (YYYY-MM-DD), not &quot;%1&quot;</source>
        <translation>debe ser una fecha completa (AAAA-MM-DD), no &quot;%1&quot;</translation>
    </message>
    <message>
        <source>is given for a patient who is active</source>
        <translation>se indica para un paciente activo</translation>
    </message>
    <message>
        <source>must be false for a deceased patient</source>
        <translation>debe ser false para un paciente fallecido</translation>
    </message>
    <message>
        <source>must be moved, deceased, discharged, tapered_off or transferred</source>
        <translation>debe ser moved, deceased, discharged, tapered_off o transferred</translation>
    </message>
    <message>
        <source>an inactive patient needs the reason they left (extension inactive-reason) or deceasedDateTime</source>
        <translation>un paciente inactivo necesita el motivo por el que dejó la clínica (extensión inactive-reason) o deceasedDateTime</translation>
    </message>
    <message>
        <source>a patient needs a name (text, or given and family)</source>
        <translation>un paciente necesita un nombre (text, o given y family)</translation>
    </message>
    <message>
        <source>needs a medical record number (type MR) or an id</source>
        <translation>necesita un número de historia clínica (tipo MR) o un id</translation>
    </message>
    <message>
        <source>Cairn speaks en and es, not &quot;%1&quot;</source>
        <translation>Cairn habla en y es, no &quot;%1&quot;</translation>
    </message>
    <message>
        <source>must be low, moderate or high</source>
        <translation>debe ser low, moderate o high</translation>
    </message>
    <message>
        <source>must be none, planned, in_progress, paused or completed</source>
        <translation>debe ser none, planned, in_progress, paused o completed</translation>
    </message>
    <message>
        <source>must be a positive number</source>
        <translation>debe ser un número positivo</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a dose unit for %2 (use mg%3 or %4)</source>
        <translation>&quot;%1&quot; no es una unidad de dosis para %2 (use mg%3 o %4)</translation>
    </message>
    <message>
        <source>needs a coding from %1 (BID, TID, ...), or give timing.repeat</source>
        <translation>necesita un código de %1 (BID, TID, ...), o indique timing.repeat</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a fixed schedule Cairn reads: give timing.repeat</source>
        <translation>&quot;%1&quot; no es un horario fijo que Cairn lea: indique timing.repeat</translation>
    </message>
    <message>
        <source>gives %1 doses a day but timing.repeat gives %2</source>
        <translation>da %1 dosis al día pero timing.repeat da %2</translation>
    </message>
    <message>
        <source>is required (frequency and period, or timeOfDay), or a timing.code</source>
        <translation>es obligatorio (frecuencia y periodo, o timeOfDay), o un timing.code</translation>
    </message>
    <message>
        <source>is not supported: give a fixed frequency and period, or timeOfDay</source>
        <translation>no se admite: indique una frecuencia y un periodo fijos, o timeOfDay</translation>
    </message>
    <message>
        <source>timeOfDay is read as once a day at each time: no other period or frequency</source>
        <translation>timeOfDay se lee como una vez al día a cada hora: sin otro periodo ni frecuencia</translation>
    </message>
    <message>
        <source>must be h, d or wk</source>
        <translation>debe ser h, d o wk</translation>
    </message>
    <message>
        <source>must be a whole number of at least 1</source>
        <translation>debe ser un número entero de al menos 1</translation>
    </message>
    <message>
        <source>a %1 request needs the day it ended</source>
        <translation>una orden %1 necesita el día en que terminó</translation>
    </message>
    <message>
        <source>is required (a Medication reference is not read)</source>
        <translation>es obligatorio (no se lee una referencia a Medication)</translation>
    </message>
    <message>
        <source>needs an RxNorm code</source>
        <translation>necesita un código RxNorm</translation>
    </message>
    <message>
        <source>RxNorm code %1 is not an opioid product or sedative Cairn knows</source>
        <translation>el código RxNorm %1 no es un producto opioide ni un sedante que Cairn conozca</translation>
    </message>
    <message>
        <source>%1: the dose form %2 is not one the registry records</source>
        <translation>%1: la forma farmacéutica %2 no es una que el registro anote</translation>
    </message>
    <message>
        <source>%1: only fentanyl patches are recorded</source>
        <translation>%1: solo se registran parches de fentanilo</translation>
    </message>
    <message>
        <source>%1: fentanyl is recorded as a transdermal patch only</source>
        <translation>%1: el fentanilo solo se registra como parche transdérmico</translation>
    </message>
    <message>
        <source>%1 holds two opioids; record each on its own</source>
        <translation>%1 contiene dos opioides; registre cada uno por separado</translation>
    </message>
    <message>
        <source>exactly one dosage instruction is read</source>
        <translation>se lee exactamente una instrucción de dosis</translation>
    </message>
    <message>
        <source>one dose quantity is required (dose ranges and rates are not read)</source>
        <translation>se necesita una cantidad de dosis (no se leen rangos de dosis ni velocidades)</translation>
    </message>
    <message>
        <source>must be a positive number of h, d or wk</source>
        <translation>debe ser un número positivo de h, d o wk</translation>
    </message>
    <message>
        <source>must be whole patches</source>
        <translation>deben ser parches enteros</translation>
    </message>
    <message>
        <source>must be treatment (%1)</source>
        <translation>debe ser treatment (%1)</translation>
    </message>
    <message>
        <source>needs LOINC %1 (patient consent)</source>
        <translation>necesita LOINC %1 (consentimiento del paciente)</translation>
    </message>
    <message>
        <source>only the opioid treatment agreement (policy uri %1) is read</source>
        <translation>solo se lee el acuerdo de tratamiento con opioides (policy uri %1)</translation>
    </message>
    <message>
        <source>must be active (signed) or rejected (declined)</source>
        <translation>debe ser active (firmado) o rejected (rechazado)</translation>
    </message>
    <message>
        <source>must be %1 for a %2 consent</source>
        <translation>debe ser %1 para un consentimiento %2</translation>
    </message>
    <message>
        <source>must be planned, finished or cancelled</source>
        <translation>debe ser planned, finished o cancelled</translation>
    </message>
    <message>
        <source>is given for a visit not cancelled</source>
        <translation>se indica para una visita no cancelada</translation>
    </message>
    <message>
        <source>must be AMB (in person) or VR (virtual) from %1</source>
        <translation>debe ser AMB (presencial) o VR (virtual) de %1</translation>
    </message>
    <message>
        <source>a virtual visit needs Cairn&apos;s visit type (telehealth or nurse_call)</source>
        <translation>una visita virtual necesita el tipo de visita de Cairn (telehealth o nurse_call)</translation>
    </message>
    <message>
        <source>%1 does not fit the class %2</source>
        <translation>%1 no corresponde a la clase %2</translation>
    </message>
    <message>
        <source>must be a time of day in whole minutes (HH:mm:00), not &quot;%1&quot;</source>
        <translation>debe ser una hora del día en minutos enteros (HH:mm:00), no &quot;%1&quot;</translation>
    </message>
    <message>
        <source>only referrals (SNOMED CT %1, patient referral) are read</source>
        <translation>solo se leen derivaciones (SNOMED CT %1, derivación del paciente)</translation>
    </message>
    <message>
        <source>is required: a referral&apos;s course is not guessed from its status</source>
        <translation>es obligatorio: el curso de una derivación no se deduce de su estado</translation>
    </message>
    <message>
        <source>must be drafted, sent, scheduled, seen, closed, declined or no_response</source>
        <translation>debe ser drafted, sent, scheduled, seen, closed, declined o no_response</translation>
    </message>
    <message>
        <source>must be %1 for a referral %2</source>
        <translation>debe ser %1 para una derivación %2</translation>
    </message>
    <message>
        <source>must be soon, with no priority beside it</source>
        <translation>debe ser soon, sin priority a su lado</translation>
    </message>
    <message>
        <source>must be routine or urgent</source>
        <translation>debe ser routine o urgent</translation>
    </message>
    <message>
        <source>must be concerning or not-concerning</source>
        <translation>debe ser concerning o not-concerning</translation>
    </message>
    <message>
        <source>must be offered, prescribed, declined or dispensed</source>
        <translation>debe ser offered, prescribed, declined o dispensed</translation>
    </message>
    <message>
        <source>%1 is not a screen Cairn records</source>
        <translation>%1 no es un cuestionario que Cairn registre</translation>
    </message>
    <message>
        <source>the %1 is read as its LOINC panel with its items</source>
        <translation>el %1 se lee como su panel LOINC con sus preguntas</translation>
    </message>
    <message>
        <source>must hold the answers as JSON</source>
        <translation>debe contener las respuestas en JSON</translation>
    </message>
    <message>
        <source>answers%1: %2</source>
        <translation>respuestas%1: %2</translation>
    </message>
    <message>
        <source>one LOINC code per item is needed to read FHIR</source>
        <translation>se necesita un código LOINC por pregunta para leer FHIR</translation>
    </message>
    <message>
        <source>needs valueInteger or valueQuantity</source>
        <translation>necesita valueInteger o valueQuantity</translation>
    </message>
    <message>
        <source>the chart number %1 is given twice</source>
        <translation>el número de historia clínica %1 aparece dos veces</translation>
    </message>
    <message>
        <source>%1 is not read (%2 are)</source>
        <translation>%1 no se lee (se leen %2)</translation>
    </message>
    <message>
        <source>%1 is not a Patient of the file</source>
        <translation>%1 no es un Patient del archivo</translation>
    </message>
    <message>
        <source>must be active, completed or stopped</source>
        <translation>debe ser active, completed o stopped</translation>
    </message>
    <message>
        <source>must be final, amended or corrected</source>
        <translation>debe ser final, amended o corrected</translation>
    </message>
    <message>
        <source>must be expected, unexpected or pending</source>
        <translation>debe ser expected, unexpected o pending</translation>
    </message>
    <message>
        <source>LOINC %1 is not an item of this panel</source>
        <translation>LOINC %1 no es una pregunta de este panel</translation>
    </message>
    <message>
        <source>%1 is not an Observation of the file</source>
        <translation>%1 no es una Observation del archivo</translation>
    </message>
    <message>
        <source>LOINC %1 is not an item of the panel %2</source>
        <translation>LOINC %1 no es una pregunta del panel %2</translation>
    </message>
    <message>
        <source>the item LOINC %1 is missing</source>
        <translation>falta la pregunta LOINC %1</translation>
    </message>
    <message>
        <source>must be a whole number from 0 to %1</source>
        <translation>debe ser un número entero de 0 a %1</translation>
    </message>
    <message>
        <source>the total does not match the items (%1)</source>
        <translation>el total no coincide con las preguntas (%1)</translation>
    </message>
    <message>
        <source>LOINC %1 is an item or total that no panel names in hasMember: a score is stored with its items</source>
        <translation>LOINC %1 es una pregunta o un total que ningún panel nombra en hasMember: una puntuación se guarda con sus preguntas</translation>
    </message>
    <message>
        <source>the shipped default MME table is missing</source>
        <translation>falta la tabla de MME predeterminada que trae Cairn</translation>
    </message>
    <message>
        <source>is required: the reason for the decision, as the clinician gave it</source>
        <translation>es obligatorio: el motivo de la decisión, tal como lo dio el clínico</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>debe ser true o false</translation>
    </message>
    <message>
        <source>must be high_dose, uds_unexpected, positive_screen, taper_paused or oud_concern</source>
        <translation>debe ser high_dose, uds_unexpected, positive_screen, taper_paused o oud_concern</translation>
    </message>
    <message>
        <source>must be a DSM-5 criterion in %1, or %2</source>
        <translation>debe ser un criterio del DSM-5 de %1, o %2</translation>
    </message>
    <message>
        <source>is answered twice</source>
        <translation>está respondido dos veces</translation>
    </message>
    <message>
        <source>%1 is not answered: every answer of the checklist is needed</source>
        <translation>%1 no está respondido: hacen falta todas las respuestas de la lista de criterios</translation>
    </message>
    <message>
        <source>says &quot;%1&quot; but the answers give %2</source>
        <translation>indica &quot;%1&quot;, pero las respuestas dan %2</translation>
    </message>
    <message>
        <source>is required: the clinician who went through the checklist (display)</source>
        <translation>es obligatorio: el clínico que completó la lista de criterios (display)</translation>
    </message>
    <message>
        <source>must be offered, accepted, declined, started_in_house, referred or stopped</source>
        <translation>debe ser offered, accepted, declined, started_in_house, referred o stopped</translation>
    </message>
    <message>
        <source>is given twice</source>
        <translation>aparece dos veces</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>debe ser texto</translation>
    </message>
    <message>
        <source>must be continue, bridge, taper, refer or not_taken_on</source>
        <translation>debe ser continue, bridge, taper, refer o not_taken_on</translation>
    </message>
    <message>
        <source>must be a field of an intake in %1</source>
        <translation>debe ser un campo de la admisión de %1</translation>
    </message>
    <message>
        <source>must be requested (open) or completed (done)</source>
        <translation>debe ser requested (abierta) o completed (hecha)</translation>
    </message>
    <message>
        <source>must be order</source>
        <translation>debe ser order</translation>
    </message>
    <message>
        <source>names at most one case conference</source>
        <translation>nombra como mucho una sesión clínica</translation>
    </message>
    <message>
        <source>is required: %1</source>
        <translation>es obligatorio: %1</translation>
    </message>
    <message>
        <source>only taper plans (%1 in %2) are read</source>
        <translation>solo se leen planes de reducción gradual (%1 en %2)</translation>
    </message>
    <message>
        <source>must be draft (planned), active (in progress), on-hold (paused) or completed</source>
        <translation>debe ser draft (planificada), active (en curso), on-hold (en pausa) o completed</translation>
    </message>
    <message>
        <source>must be plan</source>
        <translation>debe ser plan</translation>
    </message>
    <message>
        <source>is required: a taper step is an activity&apos;s detail</source>
        <translation>es obligatorio: cada paso de la reducción gradual es el detalle de una actividad</translation>
    </message>
    <message>
        <source>must be a number (MME a day)</source>
        <translation>debe ser un número (MME al día)</translation>
    </message>
    <message>
        <source>must be pending, approved, declined or routed_to_clinician in %1</source>
        <translation>debe ser pending, approved, declined o routed_to_clinician en %1</translation>
    </message>
    <message>
        <source>must be %1 for a request %2</source>
        <translation>debe ser %1 para una solicitud %2</translation>
    </message>
    <message>
        <source>must be proposal</source>
        <translation>debe ser proposal</translation>
    </message>
    <message>
        <source>must be phone, portal, front_desk or pharmacy</source>
        <translation>debe ser phone, portal, front_desk o pharmacy</translation>
    </message>
    <message>
        <source>must be a whole number of days</source>
        <translation>debe ser un número entero de días</translation>
    </message>
    <message>
        <source>must be medication, channel, early, lost_stolen, police_report or days_supply in %1</source>
        <translation>debe ser medication, channel, early, lost_stolen, police_report o days_supply en %1</translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation>%1 es obligatorio</translation>
    </message>
    <message>
        <source>is required when a request is declined</source>
        <translation>es obligatorio cuando se rechaza una solicitud</translation>
    </message>
    <message>
        <source>must be final</source>
        <translation>debe ser final</translation>
    </message>
    <message>
        <source>needs the overridden rules, each a code in %1</source>
        <translation>necesita las reglas anuladas, cada una como un código en %1</translation>
    </message>
    <message>
        <source>must be %1 in %2</source>
        <translation>debe ser %1 en %2</translation>
    </message>
    <message>
        <source>is required: the clinician who overrode the rules</source>
        <translation>es obligatorio: el profesional clínico que anuló las reglas</translation>
    </message>
    <message>
        <source>why the rules were overridden</source>
        <translation>por qué se anularon las reglas</translation>
    </message>
    <message>
        <source>the clinic policy version</source>
        <translation>la versión de la política de la clínica</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>debe ser un número entero</translation>
    </message>
    <message>
        <source>must be interval_days, window or drawn_day in %1</source>
        <translation>debe ser interval_days, window o drawn_day en %1</translation>
    </message>
    <message>
        <source>must be task, referral, goal or taper_step</source>
        <translation>debe ser task, referral, goal o taper_step</translation>
    </message>
    <message>
        <source>must be kind, text, owner_role, due, referral_type, target_mme_per_day or record</source>
        <translation>debe ser kind, text, owner_role, due, referral_type, target_mme_per_day o record</translation>
    </message>
    <message>
        <source>a conference&apos;s course is not guessed from its status</source>
        <translation>la evolución de una sesión clínica no se deduce de su estado</translation>
    </message>
    <message>
        <source>must be requested, scheduled, discussed or closed</source>
        <translation>debe ser requested, scheduled, discussed o closed</translation>
    </message>
    <message>
        <source>must be %1 for a conference %2</source>
        <translation>debe ser %1 para una sesión clínica %2</translation>
    </message>
    <message>
        <source>is required: the question to the team</source>
        <translation>es obligatorio: la pregunta al equipo</translation>
    </message>
    <message>
        <source>is required once the conference is %1: the clinician meeting</source>
        <translation>es obligatorio una vez que la sesión clínica está en %1: la reunión clínica</translation>
    </message>
    <message>
        <source>%1 is not a PEG, PHQ-2, PHQ-9 or GAD-7 panel, nor a record in Cairn&apos;s codes (urine drug screen, PDMP check, naloxone, screen, LTOT decision, decision not to refer, OUD checklist, MOUD status, intake, random urine test draw)</source>
        <translation>%1 no es un panel PEG, PHQ-2, PHQ-9 ni GAD-7, ni un registro en los códigos de Cairn (prueba de drogas en orina, consulta del PDMP, naloxona, cuestionario, decisión sobre tratamiento prolongado con opioides, decisión de no derivar, lista de criterios del TCO, estado del MOUD, admisión, sorteo de análisis de orina al azar)</translation>
    </message>
    <message>
        <source>%1 is not a %2 of the files</source>
        <translation>%1 no está en los archivos como %2</translation>
    </message>
    <message>
        <source>case conference (ServiceRequest)</source>
        <translation>sesión clínica (ServiceRequest)</translation>
    </message>
    <message>
        <source>%1 is another patient&apos;s record</source>
        <translation>%1 es un registro de otro paciente</translation>
    </message>
    <message>
        <source>must be a reference (valueReference), after the recommendation&apos;s kind</source>
        <translation>debe ser una referencia (valueReference), después del tipo de la recomendación</translation>
    </message>
    <message>
        <source>must be active, completed (met) or cancelled (dropped)</source>
        <translation>debe ser active (activa), completed (cumplida) o cancelled (abandonada)</translation>
    </message>
    <message>
        <source>must be coded in %1</source>
        <translation>debe estar codificado en %1</translation>
    </message>
    <message>
        <source>%1 does not agree with lifecycleStatus %2 (which takes %3)</source>
        <translation>%1 no concuerda con el lifecycleStatus %2 (que admite %3)</translation>
    </message>
    <message>
        <source>is required for a completed goal: achieved (met) is never assumed</source>
        <translation>es obligatorio para una meta completed: nunca se da por hecho que se cumplió (achieved)</translation>
    </message>
    <message>
        <source>is required: the goal in words</source>
        <translation>es obligatorio: la meta en palabras</translation>
    </message>
    <message>
        <source>has more than one target: Cairn keeps one date</source>
        <translation>tiene más de un target: Cairn guarda una sola fecha</translation>
    </message>
    <message>
        <source>is not read: Cairn keeps a goal&apos;s target date (dueDate), not a measure</source>
        <translation>no se lee: Cairn guarda la fecha límite de la meta (dueDate), no una medida</translation>
    </message>
    <message>
        <source>must not be before startDate</source>
        <translation>no puede ser anterior a startDate</translation>
    </message>
    <message>
        <source>names %1, but the files hold no goals (an export from before goals were exported): the recommendation comes in without its goal; add the goal again if it still applies</source>
        <translation>nombra %1, pero los archivos no contienen objetivos (una exportación de antes de que se exportaran los objetivos): la recomendación entra sin su objetivo; vuelva a añadir el objetivo si sigue vigente</translation>
    </message>
</context>
<context>
    <name>cairn::interop::Spreadsheet</name>
    <message>
        <source>is not UTF-8 text</source>
        <translation>no es texto UTF-8</translation>
    </message>
    <message>
        <source>is neither UTF-8 nor Windows-1252 text (byte 0x%1)</source>
        <translation>no es texto UTF-8 ni Windows-1252 (byte 0x%1)</translation>
    </message>
    <message>
        <source>a quoted field is never closed</source>
        <translation>un campo entre comillas nunca se cierra</translation>
    </message>
    <message>
        <source>is not an XLSX workbook (no %1)</source>
        <translation>no es un libro XLSX (falta %1)</translation>
    </message>
    <message>
        <source>cannot read %1 in the workbook</source>
        <translation>no se puede leer %1 en el libro</translation>
    </message>
    <message>
        <source>%1 is larger than 64 MB</source>
        <translation>%1 ocupa más de 64 MB</translation>
    </message>
    <message>
        <source>the workbook has no worksheet</source>
        <translation>el libro no tiene ninguna hoja</translation>
    </message>
    <message>
        <source>the workbook&apos;s first sheet has no part</source>
        <translation>la primera hoja del libro no tiene contenido</translation>
    </message>
    <message>
        <source>holds no rows</source>
        <translation>no contiene filas</translation>
    </message>
    <message>
        <source>is not an XLSX workbook (not a zip archive)</source>
        <translation>no es un libro XLSX (no es un archivo zip)</translation>
    </message>
    <message>
        <source>a cell names a shared string the workbook lacks</source>
        <translation>una celda nombra un texto compartido que el libro no tiene</translation>
    </message>
    <message>
        <source>the worksheet is not well-formed XML: %1</source>
        <translation>la hoja no es XML bien formado: %1</translation>
    </message>
    <message>
        <source>the first worksheet holds no rows</source>
        <translation>la primera hoja no contiene filas</translation>
    </message>
    <message>
        <source>must be a .csv, .tsv, .txt or .xlsx file</source>
        <translation>debe ser un archivo .csv, .tsv, .txt o .xlsx</translation>
    </message>
    <message>
        <source>must name a column (text)</source>
        <translation>debe nombrar una columna (texto)</translation>
    </message>
    <message>
        <source>is not a field Cairn reads from a sheet (%1, date_format)</source>
        <translation>no es un campo que Cairn lea de una hoja (%1, date_format)</translation>
    </message>
    <message>
        <source>is required: name the column that holds it</source>
        <translation>es obligatorio: nombre la columna que lo contiene</translation>
    </message>
    <message>
        <source>a urine test needs both its date and its result</source>
        <translation>una prueba de orina necesita su fecha y su resultado</translation>
    </message>
    <message>
        <source>the sheet has no column &quot;%1&quot; (its columns: %2)</source>
        <translation>la hoja no tiene la columna &quot;%1&quot; (sus columnas: %2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date written %2</source>
        <translation>&quot;%1&quot; no es una fecha escrita %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not F, M or U</source>
        <translation>&quot;%1&quot; no es F, M ni U</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not English or Spanish (en, es)</source>
        <translation>&quot;%1&quot; no es inglés ni español (en, es)</translation>
    </message>
    <message>
        <source>a urine test result needs the day it was collected</source>
        <translation>el resultado de una prueba de orina necesita el día en que se tomó la muestra</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not expected or unexpected</source>
        <translation>&quot;%1&quot; no es expected ni unexpected</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is also row %2&apos;s</source>
        <translation>&quot;%1&quot; también es el de la fila %2</translation>
    </message>
</context>
<context>
    <name>cairn::keys::Keyring</name>
    <message>
        <source>%1 is locked out after too many wrong PINs until %2 UTC; an administrator can unlock sooner</source>
        <translation>La cuenta de %1 está bloqueada por demasiados PIN incorrectos hasta las %2 UTC; un administrador puede desbloquearla antes</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 is now locked out until %2 UTC.</source>
        <translation>PIN incorrecto. La cuenta de %1 queda bloqueada hasta las %2 UTC.</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 try left before a lockout.</source>
        <translation>PIN incorrecto. Queda 1 intento antes del bloqueo.</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 tries left before a lockout.</source>
        <translation>PIN incorrecto. Quedan %1 intentos antes del bloqueo.</translation>
    </message>
</context>
<context>
    <name>cairn::reports::CaseSummaryPdf</name>
    <message>
        <source>female</source>
        <translation>femenino</translation>
    </message>
    <message>
        <source>male</source>
        <translation>masculino</translation>
    </message>
    <message>
        <source>sex not recorded</source>
        <translation>sexo no registrado</translation>
    </message>
    <message>
        <source>low</source>
        <translation>bajo</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderado</translation>
    </message>
    <message>
        <source>high</source>
        <translation>alto</translation>
    </message>
    <message>
        <source>an opioid for pain on most days of the look-back</source>
        <translation>un opioide para el dolor la mayoría de los días del período revisado</translation>
    </message>
    <message>
        <source>an opioid for pain planned for the long term</source>
        <translation>un opioide para el dolor previsto a largo plazo</translation>
    </message>
    <message>
        <source>recorded by a clinician</source>
        <translation>registrado por un clínico</translation>
    </message>
    <message>
        <source>a short course of an opioid for pain</source>
        <translation>un tratamiento corto con un opioide para el dolor</translation>
    </message>
    <message>
        <source>only treatment for opioid use disorder</source>
        <translation>solo tratamiento del trastorno por consumo de opioides</translation>
    </message>
    <message>
        <source>no opioid for pain</source>
        <translation>ningún opioide para el dolor</translation>
    </message>
    <message>
        <source>no longer on the clinic&apos;s registry</source>
        <translation>ya no figura en el registro de la clínica</translation>
    </message>
    <message>
        <source>benzodiazepine</source>
        <translation>benzodiacepina</translation>
    </message>
    <message>
        <source>Z-drug (sleep medicine)</source>
        <translation>fármaco Z (para dormir)</translation>
    </message>
    <message>
        <source>gabapentinoid</source>
        <translation>gabapentinoide</translation>
    </message>
    <message>
        <source>muscle relaxant</source>
        <translation>relajante muscular</translation>
    </message>
    <message>
        <source>barbiturate</source>
        <translation>barbitúrico</translation>
    </message>
    <message>
        <source>signed</source>
        <comment>agreement</comment>
        <translation>firmado</translation>
    </message>
    <message>
        <source>declined by the patient</source>
        <comment>agreement</comment>
        <translation>rechazado por el paciente</translation>
    </message>
    <message>
        <source>offered</source>
        <translation>ofrecida</translation>
    </message>
    <message>
        <source>prescribed</source>
        <translation>recetada</translation>
    </message>
    <message>
        <source>declined by the patient</source>
        <comment>naloxone</comment>
        <translation>rechazada por el paciente</translation>
    </message>
    <message>
        <source>dispensed</source>
        <translation>entregada</translation>
    </message>
    <message>
        <source>no taper</source>
        <translation>sin reducción</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>planificado</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completado</translation>
    </message>
    <message>
        <source>drafted</source>
        <translation>en borrador</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviada</translation>
    </message>
    <message>
        <source>appointment scheduled</source>
        <translation>cita programada</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>atendida</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrada</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>rechazada</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>met</source>
        <translation>cumplido</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>abandonado</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>vencida</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>vence pronto</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>alerta</translation>
    </message>
    <message>
        <source>%1 mcg/hr patch × %2</source>
        <translation>parche de %1 mcg/h × %2</translation>
    </message>
    <message>
        <source>%1 mg × %2, %3 a day</source>
        <translation>%1 mg × %2, %3 al día</translation>
    </message>
    <message>
        <source> (as needed, at most)</source>
        <translation> (a demanda, como máximo)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>del %1 al %2</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>desde el %1</translation>
    </message>
    <message>
        <source>; alert: %1</source>
        <translation>; alerta: %1</translation>
    </message>
    <message>
        <source>Case summary: %1</source>
        <translation>Resumen del caso: %1</translation>
    </message>
    <message>
        <source>confidential patient record: for the care team and its consultants only</source>
        <translation>historia clínica confidencial: solo para el equipo de atención y sus consultores</translation>
    </message>
    <message>
        <source>Chart %1 · born %2 (%3 years) · %4 · language %5 · prescriber %6. Made from the clinic&apos;s registry on %7.</source>
        <translation>Historia n.º %1 · nacimiento %2 (%3 años) · %4 · idioma %5 · prescriptor %6. Elaborado a partir del registro de la clínica el %7.</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <source>The question for the team</source>
        <translation>La pregunta para el equipo</translation>
    </message>
    <message>
        <source>Asked on %1; for the clinician meeting of %2.</source>
        <translation>Planteada el %1; para la reunión clínica del %2.</translation>
    </message>
    <message>
        <source>Asked on %1.</source>
        <translation>Planteada el %1.</translation>
    </message>
    <message>
        <source>Diagnosis and indication</source>
        <translation>Diagnóstico e indicación</translation>
    </message>
    <message>
        <source>Not on long-term opioid therapy (%1).</source>
        <translation>No recibe terapia con opioides a largo plazo (%1).</translation>
    </message>
    <message>
        <source>On long-term opioid therapy for pain (%1, since %2).</source>
        <translation>Recibe terapia con opioides a largo plazo para el dolor (%1, desde el %2).</translation>
    </message>
    <message>
        <source>On long-term opioid therapy for pain (%1).</source>
        <translation>Recibe terapia con opioides a largo plazo para el dolor (%1).</translation>
    </message>
    <message>
        <source>Risk tier: %1.</source>
        <translation>Nivel de riesgo: %1.</translation>
    </message>
    <message>
        <source>Receiving treatment for opioid use disorder (MOUD).</source>
        <translation>Recibe tratamiento del trastorno por consumo de opioides (MOUD).</translation>
    </message>
    <message>
        <source>The registry holds no diagnosis codes: read the chart for them.</source>
        <translation>El registro no guarda códigos de diagnóstico: consúltelos en la historia clínica.</translation>
    </message>
    <message>
        <source>Current regimen: %1 MME/day</source>
        <translation>Pauta actual: %1 MME/día</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>no se cuenta</translation>
    </message>
    <message>
        <source>No opioid is active on %1.</source>
        <translation>Ningún opioide activo el %1.</translation>
    </message>
    <message>
        <source>Opioid</source>
        <translation>Opioide</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <source>MME/day</source>
        <translation>MME/día</translation>
    </message>
    <message>
        <source>MME history: daily MME at each change of the regimen</source>
        <translation>Historial de MME: MME diaria en cada cambio de la pauta</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Sedatives and other medications</source>
        <translation>Sedantes y otros medicamentos</translation>
    </message>
    <message>
        <source>treatment of opioid use disorder</source>
        <translation>tratamiento del trastorno por consumo de opioides</translation>
    </message>
    <message>
        <source>No sedative or other tracked medication recorded.</source>
        <translation>No hay sedantes ni otros medicamentos de seguimiento registrados.</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>PEG trend (pain, enjoyment, general activity)</source>
        <translation>Tendencia del PEG (dolor, disfrute, actividad general)</translation>
    </message>
    <message>
        <source>No PEG recorded.</source>
        <translation>No hay PEG registrado.</translation>
    </message>
    <message>
        <source>Baseline %1 on %2; latest %3 on %4. The dashed line is 30% better than baseline (%5).</source>
        <translation>Basal %1 el %2; último %3 el %4. La línea discontinua es un 30 % mejor que el basal (%5).</translation>
    </message>
    <message>
        <source>PEG mean (0-10, lower is better) against the 30% improvement line</source>
        <translation>Media del PEG (0-10, más bajo es mejor) frente a la línea de mejora del 30 %</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Dolor</translation>
    </message>
    <message>
        <source>Enjoyment</source>
        <translation>Disfrute</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Screenings: PHQ, GAD, ORT, PC-PTSD-5</source>
        <translation>Cribados: PHQ, GAD, ORT, PC-PTSD-5</translation>
    </message>
    <message>
        <source>No screening recorded.</source>
        <translation>No hay cribados registrados.</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Urine drug tests and PDMP checks</source>
        <translation>Pruebas de drogas en orina y consultas al PDMP</translation>
    </message>
    <message>
        <source>; confirmatory test sent</source>
        <translation>; prueba de confirmación enviada</translation>
    </message>
    <message>
        <source>Urine drug test</source>
        <translation>Prueba de drogas en orina</translation>
    </message>
    <message>
        <source>PDMP check</source>
        <translation>Consulta del PDMP</translation>
    </message>
    <message>
        <source>concerning: %1</source>
        <translation>preocupante: %1</translation>
    </message>
    <message>
        <source>nothing concerning</source>
        <translation>nada preocupante</translation>
    </message>
    <message>
        <source>No urine drug test or PDMP check recorded.</source>
        <translation>No hay pruebas de drogas en orina ni consultas al PDMP registradas.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Control</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Agreements, naloxone and tapers</source>
        <translation>Acuerdos, naloxona y reducciones graduales</translation>
    </message>
    <message>
        <source>Treatment agreement</source>
        <translation>Acuerdo de tratamiento</translation>
    </message>
    <message>
        <source>Naloxone</source>
        <translation>Naloxona</translation>
    </message>
    <message>
        <source>%1 %2 (%3 MME/day)</source>
        <translation>%1 %2 (%3 MME/día)</translation>
    </message>
    <message>
        <source>Taper plan</source>
        <translation>Plan de reducción gradual</translation>
    </message>
    <message>
        <source>No agreement, naloxone or taper recorded.</source>
        <translation>No hay acuerdos, naloxona ni reducciones graduales registrados.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Referrals, goals and open tasks</source>
        <translation>Derivaciones, objetivos y tareas abiertas</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Derivación</translation>
    </message>
    <message>
        <source>%1 to %2: %3</source>
        <translation>%1 a %2: %3</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Open task</source>
        <translation>Tarea abierta</translation>
    </message>
    <message>
        <source>%1 (%2, due %3)</source>
        <translation>%1 (%2, vence el %3)</translation>
    </message>
    <message>
        <source>No referral, goal or open task recorded.</source>
        <translation>No hay derivaciones, objetivos ni tareas abiertas registrados.</translation>
    </message>
    <message>
        <source>Open care gaps on %1</source>
        <translation>Brechas de atención abiertas el %1</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>No open care gap.</source>
        <translation>No hay brechas de atención abiertas.</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Brecha</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
</context>
<context>
    <name>cairn::reports::MonthlyReport</name>
    <message>
        <source>no patients counted</source>
        <translation>ningún paciente contado</translation>
    </message>
    <message>
        <source>%1 (%2 patients)</source>
        <translation>%1 (%2 pacientes)</translation>
    </message>
    <message>
        <source>%1% (%2 of %3)</source>
        <translation>%1 % (%2 de %3)</translation>
    </message>
    <message>
        <source>none set</source>
        <translation>sin fijar</translation>
    </message>
    <message>
        <source>at most %1%</source>
        <translation>como máximo %1 %</translation>
    </message>
    <message>
        <source>at least %1%</source>
        <translation>como mínimo %1 %</translation>
    </message>
    <message>
        <source>Off target</source>
        <translation>No cumple la meta</translation>
    </message>
    <message>
        <source>Meets target</source>
        <translation>Cumple la meta</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>sin cambio</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 puntos</translation>
    </message>
    <message>
        <source>%1 patients on long-term opioid therapy at the end of %2. %3 of %4 measures with a target meet it. Policy version %5; made %6.</source>
        <translation>%1 pacientes en terapia con opioides a largo plazo al final de %2. %3 de %4 medidas con meta la cumplen. Versión de la política %5; hecho el %6.</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Este mes</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Since last month</source>
        <translation>Desde el mes pasado</translation>
    </message>
    <message>
        <source>Opioid therapy measures, %1: staff summary</source>
        <translation>Medidas de la terapia con opioides, %1: resumen para la reunión del personal</translation>
    </message>
    <message>
        <source>no patient is named in this summary</source>
        <translation>este resumen no nombra a ningún paciente</translation>
    </message>
    <message>
        <source>Each measure counts patients on long-term opioid therapy on the month&apos;s last day, over the window the clinic&apos;s policy sets for it.</source>
        <translation>Cada medida cuenta a los pacientes en terapia con opioides a largo plazo el último día del mes, en el periodo que le fija la política de la clínica.</translation>
    </message>
    <message>
        <source>Opioid therapy measures, %1</source>
        <translation>Medidas de la terapia con opioides, %1</translation>
    </message>
    <message>
        <source>names patients: registry manager only, do not leave unattended</source>
        <translation>nombra a pacientes: solo para el gestor del registro; no lo deje a la vista</translation>
    </message>
    <message>
        <source>no patient is named in this report</source>
        <translation>este informe no nombra a ningún paciente</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Twelve months</source>
        <translation>Doce meses</translation>
    </message>
    <message>
        <source>%1: %2; target %3</source>
        <translation>%1: %2; meta %3</translation>
    </message>
    <message>
        <source>By prescriber, %1</source>
        <translation>Por prescriptor, %1</translation>
    </message>
    <message>
        <source>No patient has a prescriber recorded.</source>
        <translation>Ningún paciente tiene un prescriptor registrado.</translation>
    </message>
    <message>
        <source>%1: %2 patients on long-term therapy</source>
        <translation>%1: %2 pacientes en terapia a largo plazo</translation>
    </message>
    <message>
        <source>Appendix: patients behind the measures off target</source>
        <translation>Anexo: los pacientes detrás de las medidas que no cumplen la meta</translation>
    </message>
    <message>
        <source>For the registry manager&apos;s follow-up. Below a floor: the patients counted who do not meet it; above a ceiling: the patients who are counted in it.</source>
        <translation>Para el seguimiento del gestor del registro. Por debajo de un mínimo: los pacientes contados que no lo alcanzan; por encima de un máximo: los pacientes contados en él.</translation>
    </message>
    <message>
        <source>%1: %2 patients</source>
        <translation>%1: %2 pacientes</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Chart number</source>
        <translation>Número de expediente</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>Prescriptor</translation>
    </message>
</context>
<context>
    <name>cairn::reports::PdfDocumentWords</name>
    <message>
        <source>Page %1</source>
        <translation>Página %1</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>objetivo %1</translation>
    </message>
</context>
<context>
    <name>cairn::reports::ResultWords</name>
    <message>
        <source>low risk</source>
        <translation>riesgo bajo</translation>
    </message>
    <message>
        <source>moderate risk</source>
        <translation>riesgo moderado</translation>
    </message>
    <message>
        <source>high risk</source>
        <translation>riesgo alto</translation>
    </message>
    <message>
        <source>minimal</source>
        <translation>mínima</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>leve</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderada</translation>
    </message>
    <message>
        <source>moderately severe</source>
        <translation>moderadamente grave</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>grave</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positivo</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negativo</translation>
    </message>
    <message>
        <source>as expected</source>
        <translation>según lo esperado</translation>
    </message>
    <message>
        <source>not as expected</source>
        <translation>distinto de lo esperado</translation>
    </message>
    <message>
        <source>result pending</source>
        <translation>resultado pendiente</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>puntuación %1</translation>
    </message>
    <message>
        <source>%1 of 5, %2</source>
        <translation>%1 de 5, %2</translation>
    </message>
    <message>
        <source>score %1, %2</source>
        <translation>puntuación %1, %2</translation>
    </message>
</context>
<context>
    <name>cairn::sync::SyncScheduler</name>
    <message>
        <source>This tablet was removed from the clinic by an administrator; its data was deleted.</source>
        <translation>Un administrador retiró esta tableta de la clínica; sus datos se borraron.</translation>
    </message>
    <message numerus="yes">
        <source>Synced: %n record(s) sent</source>
        <translation>
            <numerusform>Sincronizado: %n registro enviado</numerusform>
            <numerusform>Sincronizado: %n registros enviados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n received</source>
        <translation>
            <numerusform>%n recibido</numerusform>
            <numerusform>%n recibidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to review</source>
        <translation>
            <numerusform>%n conflicto por revisar</numerusform>
            <numerusform>%n conflictos por revisar</numerusform>
        </translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AdminImportScreen</name>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n opioid prescription(s)</source>
        <translation>
            <numerusform>%n opioid prescription</numerusform>
            <numerusform>%n opioid prescriptions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sedative prescription(s)</source>
        <translation>
            <numerusform>%n sedative prescription</numerusform>
            <numerusform>%n sedative prescriptions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n screen(s) and urine test(s) (PEG, PHQ-9, GAD-7 and others)</source>
        <translation>
            <numerusform>%n screen or urine test (PEG, PHQ-9, GAD-7 and others)</numerusform>
            <numerusform>%n screens and urine tests (PEG, PHQ-9, GAD-7 and others)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): nothing will be imported until the file is corrected</source>
        <translation>
            <numerusform>%n problem: nothing will be imported until the file is corrected</numerusform>
            <numerusform>%n problems: nothing will be imported until the file is corrected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n patient(s)</source>
        <translation>
            <numerusform>Import %n patient</numerusform>
            <numerusform>Import %n patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other record(s) (agreements, visits, referrals, PDMP checks, naloxone, clinician decisions, opioid use disorder checklists and treatment, intakes, tasks, taper plans, refill requests, urine test selections, case conferences, goals)</source>
        <translation>
            <numerusform>%n other record (agreements, visits, referrals, PDMP checks, naloxone, clinician decisions, opioid use disorder checklists and treatment, intakes, tasks, taper plans, refill requests, urine test selections, case conferences, goals)</numerusform>
            <numerusform>%n other records (agreements, visits, referrals, PDMP checks, naloxone, clinician decisions, opioid use disorder checklists and treatment, intakes, tasks, taper plans, refill requests, urine test selections, case conferences, goals)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) will come in without something the file does not hold</source>
        <translation>
            <numerusform>%n record will come in without something the file does not hold</numerusform><numerusform>%n records will come in without something the file does not hold</numerusform></translation>
    </message>
</context>
<context>
    <name>AdminPolicyScreen</name>
    <message numerus="yes">
        <source>%n change(s) not saved</source>
        <translation>
            <numerusform>%n change not saved</numerusform>
            <numerusform>%n changes not saved</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AdminUsersScreen</name>
    <message numerus="yes">
        <source>%n person(s) can sign in on this tablet</source>
        <translation>
            <numerusform>%n person can sign in on this tablet</numerusform>
            <numerusform>%n people can sign in on this tablet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseSummaryScreen</name>
    <message numerus="yes">
        <source>%1 taper plan: %2, %n step(s)</source>
        <translation>
            <numerusform>%1 taper plan: %2, %n step</numerusform>
            <numerusform>%1 taper plan: %2, %n steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClinicianMeetingScreen</name>
    <message numerus="yes">
        <source>%n case conference(s) to discuss</source>
        <translation>
            <numerusform>%n case conference to discuss</numerusform>
            <numerusform>%n case conferences to discuss</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open task(s) for your role</source>
        <translation>
            <numerusform>%n open task for your role</numerusform>
            <numerusform>%n open tasks for your role</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictsScreen</name>
    <message numerus="yes">
        <source>%n conflict(s) to review</source>
        <translation>
            <numerusform>%n conflict to review</numerusform>
            <numerusform>%n conflicts to review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HuddleScreen</name>
    <message numerus="yes">
        <source>%n patient(s) on long-term opioid therapy booked</source>
        <translation>
            <numerusform>%n patient on long-term opioid therapy booked</numerusform>
            <numerusform>%n patients on long-term opioid therapy booked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action-plan item(s) due for you</source>
        <translation>
            <numerusform>%n action-plan item due for you</numerusform>
            <numerusform>%n action-plan items due for you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) due for you</source>
        <translation>
            <numerusform>%n task due for you</numerusform>
            <numerusform>%n tasks due for you</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeasuresScreen</name>
    <message numerus="yes">
        <source>%n patient(s) on long-term opioid therapy</source>
        <translation>
            <numerusform>%n patient on long-term opioid therapy</numerusform>
            <numerusform>%n patients on long-term opioid therapy</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PegOutreachScreen</name>
    <message numerus="yes">
        <source>%n patient(s) due a PEG</source>
        <translation>
            <numerusform>%n patient due a PEG</numerusform>
            <numerusform>%n patients due a PEG</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>%n digit entered</numerusform>
            <numerusform>%n digits entered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RefillCheckScreen</name>
    <message numerus="yes">
        <source>Request: %1, %n day(s)</source>
        <translation>
            <numerusform>Request: %1, %n day</numerusform>
            <numerusform>Request: %1, %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelfAssessmentScreen</name>
    <message numerus="yes">
        <source>%1: %n respondent(s) (%2)</source>
        <translation>
            <numerusform>%1: %n respondent (%2)</numerusform>
            <numerusform>%1: %n respondents (%2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::app::AdminUserModel</name>
    <message numerus="yes">
        <source>%n wrong PIN(s) since the last sign-in</source>
        <translation>
            <numerusform>%n wrong PIN since the last sign-in</numerusform>
            <numerusform>%n wrong PINs since the last sign-in</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::app::ClinicianMeetingModel</name>
    <message numerus="yes">
        <source>The team's note is recorded; %n record(s) made from its recommendations.</source>
        <translation>
            <numerusform>The team's note is recorded; %n record made from its recommendations.</numerusform>
            <numerusform>The team's note is recorded; %n records made from its recommendations.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::app::HistoryListModel</name>
    <message numerus="yes">
        <source>supply for %n day(s)</source>
        <translation>
            <numerusform>supply for %n day</numerusform>
            <numerusform>supply for %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::app::ImportModel</name>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::app::MeasuresModel</name>
    <message numerus="yes">
        <source>%n patient(s) with a recent PEG</source>
        <translation>
            <numerusform>%n patient with a recent PEG</numerusform>
            <numerusform>%n patients with a recent PEG</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n patient(s)</source>
        <translation>
            <numerusform>%1: %n patient</numerusform>
            <numerusform>%1: %n patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>PDMP checked in %n day(s)</source>
        <translation>
            <numerusform>PDMP checked in %n day</numerusform>
            <numerusform>PDMP checked in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>PDMP checked twice in %n day(s)</source>
        <translation>
            <numerusform>PDMP checked twice in %n day</numerusform>
            <numerusform>PDMP checked twice in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>PEG in %n day(s)</source>
        <translation>
            <numerusform>PEG in %n day</numerusform>
            <numerusform>PEG in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Urine test in %n day(s)</source>
        <translation>
            <numerusform>Urine test in %n day</numerusform>
            <numerusform>Urine test in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n patient(s) to act on</source>
        <translation>
            <numerusform>%1 · %n patient to act on</numerusform>
            <numerusform>%1 · %n patients to act on</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::app::PatientViewModel</name>
    <message numerus="yes">
        <source>%n PEG score(s). First: %1 on %2. Latest: %3 on %4. 30% better than baseline: %5.</source>
        <translation>
            <numerusform>%n PEG score. First: %1 on %2. Latest: %3 on %4. 30% better than baseline: %5.</numerusform>
            <numerusform>%n PEG scores. First: %1 on %2. Latest: %3 on %4. 30% better than baseline: %5.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::app::RefillCheckModel</name>
    <message numerus="yes">
        <source>Clinic policy for new patients: a bridge at the current dose while the records are gathered, for up to %n day(s) from the first request.</source>
        <translation>
            <numerusform>Clinic policy for new patients: a bridge at the current dose while the records are gathered, for up to %n day from the first request.</numerusform>
            <numerusform>Clinic policy for new patients: a bridge at the current dose while the records are gathered, for up to %n days from the first request.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clinic policy for new patients: this fill would run past the bridge's limit of %n day(s) without the prior records.</source>
        <translation>
            <numerusform>Clinic policy for new patients: this fill would run past the bridge's limit of %n day without the prior records.</numerusform>
            <numerusform>Clinic policy for new patients: this fill would run past the bridge's limit of %n days without the prior records.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::app::SyncStatus</name>
    <message numerus="yes">
        <source>Offline · %n to send</source>
        <translation>
            <numerusform>Offline · %n to send</numerusform>
            <numerusform>Offline · %n to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to send</source>
        <translation>
            <numerusform>%n waiting to send</numerusform>
            <numerusform>%n waiting to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) saved on this tablet, not yet sent to the clinic server.</source>
        <translation>
            <numerusform>%n record saved on this tablet, not yet sent to the clinic server.</numerusform>
            <numerusform>%n records saved on this tablet, not yet sent to the clinic server.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The oldest has waited %n hour(s).</source>
        <translation>
            <numerusform>The oldest has waited %n hour.</numerusform>
            <numerusform>The oldest has waited %n hours.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to send</source>
        <translation>
            <numerusform>%n to send</numerusform>
            <numerusform>%n to send</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::sync::SyncScheduler</name>
    <message numerus="yes">
        <source>Synced: %n record(s) sent</source>
        <translation>
            <numerusform>Synced: %n record sent</numerusform>
            <numerusform>Synced: %n records sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n received</source>
        <translation>
            <numerusform>%n received</numerusform>
            <numerusform>%n received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to review</source>
        <translation>
            <numerusform>%n conflict to review</numerusform>
            <numerusform>%n conflicts to review</numerusform>
        </translation>
    </message>
</context>
</TS>
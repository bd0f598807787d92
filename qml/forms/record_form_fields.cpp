#include "qml/forms/record_form_fields.h"

#include <QCoreApplication>
#include <QHash>

namespace cairn::app {
namespace {

using T = RecordForm::FieldType;

// The opioids the MME tables know (assets/clinical/mme-tables.json), by their canonical names.
const QList<FormChoice> kOpioids{
    {QStringLiteral("buprenorphine"), QT_TRANSLATE_NOOP("RecordFields", "Buprenorphine")},
    {QStringLiteral("codeine"), QT_TRANSLATE_NOOP("RecordFields", "Codeine")},
    {QStringLiteral("fentanyl"), QT_TRANSLATE_NOOP("RecordFields", "Fentanyl patch")},
    {QStringLiteral("hydrocodone"), QT_TRANSLATE_NOOP("RecordFields", "Hydrocodone")},
    {QStringLiteral("hydromorphone"), QT_TRANSLATE_NOOP("RecordFields", "Hydromorphone")},
    {QStringLiteral("methadone"), QT_TRANSLATE_NOOP("RecordFields", "Methadone")},
    {QStringLiteral("morphine"), QT_TRANSLATE_NOOP("RecordFields", "Morphine")},
    {QStringLiteral("oxycodone"), QT_TRANSLATE_NOOP("RecordFields", "Oxycodone")},
    {QStringLiteral("oxymorphone"), QT_TRANSLATE_NOOP("RecordFields", "Oxymorphone")},
    {QStringLiteral("tapentadol"), QT_TRANSLATE_NOOP("RecordFields", "Tapentadol")},
    {QStringLiteral("tramadol"), QT_TRANSLATE_NOOP("RecordFields", "Tramadol")},
};

const QHash<QString, QList<FormFieldSpec>> &tables()
{
    static const QHash<QString, QList<FormFieldSpec>> all{
        {QStringLiteral("patient"),
         {
             {QStringLiteral("name"), QT_TRANSLATE_NOOP("RecordFields", "Full name"), T::Text, true,
              QT_TRANSLATE_NOOP("RecordFields", "As on the chart")},
             {QStringLiteral("clinic_id"), QT_TRANSLATE_NOOP("RecordFields", "Clinic identifier"), T::Text, true,
              QT_TRANSLATE_NOOP("RecordFields", "The chart number; unique in the clinic")},
             {QStringLiteral("birth_date"), QT_TRANSLATE_NOOP("RecordFields", "Date of birth"), T::Date, true},
             {QStringLiteral("sex"),
              QT_TRANSLATE_NOOP("RecordFields", "Sex"),
              T::Choice,
              true,
              nullptr,
              {{QStringLiteral("female"), QT_TRANSLATE_NOOP("RecordFields", "Female")},
               {QStringLiteral("male"), QT_TRANSLATE_NOOP("RecordFields", "Male")},
               {QStringLiteral("unknown"), QT_TRANSLATE_NOOP("RecordFields", "Not recorded")}}},
             {QStringLiteral("phone"), QT_TRANSLATE_NOOP("RecordFields", "Phone"), T::Text, false,
              QT_TRANSLATE_NOOP("RecordFields", "For PEG calls and reminders")},
             {QStringLiteral("language"),
              QT_TRANSLATE_NOOP("RecordFields", "Preferred language"),
              T::Choice,
              true,
              nullptr,
              {{QStringLiteral("en"), QT_TRANSLATE_NOOP("RecordFields", "English")},
               {QStringLiteral("es"), QT_TRANSLATE_NOOP("RecordFields", "Spanish")}}},
             {QStringLiteral("prescriber"), QT_TRANSLATE_NOOP("RecordFields", "Assigned prescriber"), T::Text, false},
             {QStringLiteral("ltot_start"), QT_TRANSLATE_NOOP("RecordFields", "Long-term opioid therapy since"),
              T::Date, false},
             {QStringLiteral("opioid_prescriber_since"),
              QT_TRANSLATE_NOOP("RecordFields", "Opioids prescribed by this clinic since"), T::Date, false,
              QT_TRANSLATE_NOOP("RecordFields",
                                "Set by the first opioid prescription recorded here; empty when not known")},
         }},
        {QStringLiteral("opioid"),
         {
             {QStringLiteral("drug"), QT_TRANSLATE_NOOP("RecordFields", "Opioid"), T::Choice, true, nullptr, kOpioids},
             {QStringLiteral("strength_mg"), QT_TRANSLATE_NOOP("RecordFields", "Strength (mg per unit)"), T::Number,
              false, QT_TRANSLATE_NOOP("RecordFields", "Tablets, capsules, liquids: mg in one unit")},
             {QStringLiteral("strength_mcg_per_hr"), QT_TRANSLATE_NOOP("RecordFields", "Patch strength (mcg/hr)"),
              T::Number, false, QT_TRANSLATE_NOOP("RecordFields", "Fentanyl patches only")},
             {QStringLiteral("patches"), QT_TRANSLATE_NOOP("RecordFields", "Patches worn at once"), T::Number, false,
              QT_TRANSLATE_NOOP("RecordFields", "Fentanyl patches only")},
             {QStringLiteral("units_per_dose"), QT_TRANSLATE_NOOP("RecordFields", "Units per dose"), T::Number, false,
              QT_TRANSLATE_NOOP("RecordFields", "e.g. 1 tablet")},
             {QStringLiteral("doses_per_day"), QT_TRANSLATE_NOOP("RecordFields", "Doses per day"), T::Number, true,
              QT_TRANSLATE_NOOP("RecordFields", "For as-needed use: the most allowed in a day")},
             {QStringLiteral("prn"), QT_TRANSLATE_NOOP("RecordFields", "As needed (PRN)"), T::Flag},
             {QStringLiteral("start"), QT_TRANSLATE_NOOP("RecordFields", "Start date"), T::Date, true},
             {QStringLiteral("end"), QT_TRANSLATE_NOOP("RecordFields", "Stop date"), T::Date, false,
              QT_TRANSLATE_NOOP("RecordFields", "Empty while it continues")},
             {QStringLiteral("indication"),
              QT_TRANSLATE_NOOP("RecordFields", "Prescribed for"),
              T::Choice,
              false,
              QT_TRANSLATE_NOOP("RecordFields",
                                "Treatment for opioid use disorder is tracked but is not long-term opioid therapy"),
              {{QStringLiteral("pain"), QT_TRANSLATE_NOOP("RecordFields", "Pain")},
               {QStringLiteral("oud"),
                QT_TRANSLATE_NOOP("RecordFields", "Opioid use disorder (buprenorphine or methadone)")}}},
         }},
        {QStringLiteral("ltot_decision"),
         {
             {QStringLiteral("date"), QT_TRANSLATE_NOOP("RecordFields", "Decided on"), T::Date, true},
             {QStringLiteral("long_term"),
              QT_TRANSLATE_NOOP("RecordFields", "The patient is on long-term opioid therapy"), T::Flag, false,
              QT_TRANSLATE_NOOP("RecordFields", "Clear it to end an earlier decision")},
             {QStringLiteral("reason"), QT_TRANSLATE_NOOP("RecordFields", "Why"), T::LongText, true,
              QT_TRANSLATE_NOOP("RecordFields", "e.g. regular prescriptions from another clinic")},
         }},
        {QStringLiteral("benzodiazepine"),
         {
             {QStringLiteral("kind"),
              QT_TRANSLATE_NOOP("RecordFields", "Kind of sedative"),
              T::Choice,
              true,
              QT_TRANSLATE_NOOP("RecordFields", "Only benzodiazepines change the risk tier and the naloxone gap"),
              {{QStringLiteral("benzodiazepine"), QT_TRANSLATE_NOOP("RecordFields", "Benzodiazepine")},
               {QStringLiteral("z_drug"), QT_TRANSLATE_NOOP("RecordFields", "Z-drug (sleep medicine)")},
               {QStringLiteral("gabapentinoid"), QT_TRANSLATE_NOOP("RecordFields", "Gabapentinoid")},
               {QStringLiteral("muscle_relaxant"), QT_TRANSLATE_NOOP("RecordFields", "Muscle relaxant")},
               {QStringLiteral("barbiturate"), QT_TRANSLATE_NOOP("RecordFields", "Barbiturate")}}},
             {QStringLiteral("drug"), QT_TRANSLATE_NOOP("RecordFields", "Medicine"), T::Text, true,
              QT_TRANSLATE_NOOP("RecordFields", "e.g. alprazolam, zolpidem, gabapentin")},
             {QStringLiteral("start"), QT_TRANSLATE_NOOP("RecordFields", "Start date"), T::Date, true},
             {QStringLiteral("end"), QT_TRANSLATE_NOOP("RecordFields", "Stop date"), T::Date, false,
              QT_TRANSLATE_NOOP("RecordFields", "Empty while it continues")},
         }},
        {QStringLiteral("uds"),
         {
             {QStringLiteral("date"), QT_TRANSLATE_NOOP("RecordFields", "Collected on"), T::Date, true},
             {QStringLiteral("result"),
              QT_TRANSLATE_NOOP("RecordFields", "Result"),
              T::Choice,
              true,
              nullptr,
              {{QStringLiteral("pending"), QT_TRANSLATE_NOOP("RecordFields", "Waiting for the result")},
               {QStringLiteral("expected"), QT_TRANSLATE_NOOP("RecordFields", "As expected")},
               {QStringLiteral("unexpected"), QT_TRANSLATE_NOOP("RecordFields", "Not as expected")}}},
             {QStringLiteral("substances"), QT_TRANSLATE_NOOP("RecordFields", "Substances not as expected"),
              T::TextList, false,
              QT_TRANSLATE_NOOP("RecordFields", "Separated by commas, e.g. cocaine, no oxycodone found")},
             {QStringLiteral("confirmatory_sent"),
              QT_TRANSLATE_NOOP("RecordFields", "Sent for a confirmatory lab test"), T::Flag},
         }},
        {QStringLiteral("visit"),
         {
             {QStringLiteral("date"), QT_TRANSLATE_NOOP("RecordFields", "Date"), T::Date, true},
             {QStringLiteral("status"),
              QT_TRANSLATE_NOOP("RecordFields", "Status"),
              T::Choice,
              true,
              nullptr,
              {{QStringLiteral("scheduled"), QT_TRANSLATE_NOOP("RecordFields", "Booked")},
               {QStringLiteral("completed"), QT_TRANSLATE_NOOP("RecordFields", "Completed")},
               {QStringLiteral("cancelled"), QT_TRANSLATE_NOOP("RecordFields", "Cancelled")},
               {QStringLiteral("no_show"), QT_TRANSLATE_NOOP("RecordFields", "Did not attend")}}},
             {QStringLiteral("time"), QT_TRANSLATE_NOOP("RecordFields", "Time"), T::Time, false,
              QT_TRANSLATE_NOOP("RecordFields", "24-hour clock, e.g. 14:30")},
             {QStringLiteral("type"),
              QT_TRANSLATE_NOOP("RecordFields", "Type of visit"),
              T::Choice,
              false,
              nullptr,
              {{QStringLiteral("in_person"), QT_TRANSLATE_NOOP("RecordFields", "In person")},
               {QStringLiteral("telehealth"), QT_TRANSLATE_NOOP("RecordFields", "Telehealth")},
               {QStringLiteral("nurse_call"), QT_TRANSLATE_NOOP("RecordFields", "Nurse call")}}},
             {QStringLiteral("clinician"), QT_TRANSLATE_NOOP("RecordFields", "With"), T::Text, false,
              QT_TRANSLATE_NOOP("RecordFields", "The clinician's name")},
         }},
        {QStringLiteral("naloxone"),
         {
             {QStringLiteral("date"), QT_TRANSLATE_NOOP("RecordFields", "Date"), T::Date, true},
             {QStringLiteral("action"),
              QT_TRANSLATE_NOOP("RecordFields", "What happened"),
              T::Choice,
              true,
              nullptr,
              {{QStringLiteral("offered"), QT_TRANSLATE_NOOP("RecordFields", "Offered")},
               {QStringLiteral("declined"), QT_TRANSLATE_NOOP("RecordFields", "Offered and declined")},
               {QStringLiteral("prescribed"), QT_TRANSLATE_NOOP("RecordFields", "Prescribed")},
               {QStringLiteral("dispensed"), QT_TRANSLATE_NOOP("RecordFields", "Dispensed")}}},
         }},
        {QStringLiteral("goal"),
         {
             {QStringLiteral("goal"), QT_TRANSLATE_NOOP("RecordFields", "Goal, in the patient's own words"),
              T::LongText, true, QT_TRANSLATE_NOOP("RecordFields", "e.g. walk to the mailbox and back every day")},
             {QStringLiteral("date"), QT_TRANSLATE_NOOP("RecordFields", "Set on"), T::Date, true},
             {QStringLiteral("status"),
              QT_TRANSLATE_NOOP("RecordFields", "Status"),
              T::Choice,
              true,
              nullptr,
              {{QStringLiteral("active"), QT_TRANSLATE_NOOP("RecordFields", "Working on it")},
               {QStringLiteral("met"), QT_TRANSLATE_NOOP("RecordFields", "Met")},
               {QStringLiteral("dropped"), QT_TRANSLATE_NOOP("RecordFields", "Dropped")}}},
             {QStringLiteral("target_date"), QT_TRANSLATE_NOOP("RecordFields", "Aim to reach it by"), T::Date, false},
             {QStringLiteral("reviewed"), QT_TRANSLATE_NOOP("RecordFields", "Last reviewed at a visit"), T::Date,
              false},
         }},
        {QStringLiteral("taper_plan"),
         {
             {QStringLiteral("date"), QT_TRANSLATE_NOOP("RecordFields", "Plan made on"), T::Date, true},
             {QStringLiteral("status"),
              QT_TRANSLATE_NOOP("RecordFields", "Status"),
              T::Choice,
              true,
              nullptr,
              {{QStringLiteral("planned"), QT_TRANSLATE_NOOP("RecordFields", "Planned")},
               {QStringLiteral("in_progress"), QT_TRANSLATE_NOOP("RecordFields", "In progress")},
               {QStringLiteral("paused"), QT_TRANSLATE_NOOP("RecordFields", "Paused")},
               {QStringLiteral("completed"), QT_TRANSLATE_NOOP("RecordFields", "Completed")}}},
             {QStringLiteral("drug"), QT_TRANSLATE_NOOP("RecordFields", "Opioid being tapered"), T::Text, false,
              QT_TRANSLATE_NOOP("RecordFields", "e.g. oxycodone")},
             {QStringLiteral("steps"), QT_TRANSLATE_NOOP("RecordFields", "Steps"), T::Steps, false,
              QT_TRANSLATE_NOOP("RecordFields", "Each step: its date (in order) and the target MME per day")},
             {QStringLiteral("note"), QT_TRANSLATE_NOOP("RecordFields", "Note"), T::LongText, false},
         }},
        {QStringLiteral("refill_request"),
         {
             {QStringLiteral("date"), QT_TRANSLATE_NOOP("RecordFields", "Requested on"), T::Date, true},
             {QStringLiteral("medication"), QT_TRANSLATE_NOOP("RecordFields", "Medicine asked for"), T::Text, true,
              QT_TRANSLATE_NOOP("RecordFields", "As the patient or pharmacy said it")},
             {QStringLiteral("channel"),
              QT_TRANSLATE_NOOP("RecordFields", "How it came"),
              T::Choice,
              true,
              nullptr,
              {{QStringLiteral("phone"), QT_TRANSLATE_NOOP("RecordFields", "Phone")},
               {QStringLiteral("portal"), QT_TRANSLATE_NOOP("RecordFields", "Patient portal")},
               {QStringLiteral("front_desk"), QT_TRANSLATE_NOOP("RecordFields", "Front desk")},
               {QStringLiteral("pharmacy"), QT_TRANSLATE_NOOP("RecordFields", "Pharmacy")}}},
             {QStringLiteral("early"), QT_TRANSLATE_NOOP("RecordFields", "Early: before the last supply runs out"),
              T::Flag},
             {QStringLiteral("lost_stolen"), QT_TRANSLATE_NOOP("RecordFields", "Reported lost or stolen"), T::Flag},
             {QStringLiteral("police_report"), QT_TRANSLATE_NOOP("RecordFields", "A police report was made"), T::Flag},
             {QStringLiteral("decision"),
              QT_TRANSLATE_NOOP("RecordFields", "Decision"),
              T::Choice,
              true,
              QT_TRANSLATE_NOOP("RecordFields", "Only a clinician approves or declines"),
              {{QStringLiteral("pending"), QT_TRANSLATE_NOOP("RecordFields", "Not decided yet")},
               {QStringLiteral("routed_to_clinician"), QT_TRANSLATE_NOOP("RecordFields", "Sent to the clinician")},
               {QStringLiteral("approved"), QT_TRANSLATE_NOOP("RecordFields", "Approved")},
               {QStringLiteral("declined"), QT_TRANSLATE_NOOP("RecordFields", "Declined")}}},
             {QStringLiteral("decision_reason"), QT_TRANSLATE_NOOP("RecordFields", "Why it was declined"), T::LongText,
              false, QT_TRANSLATE_NOOP("RecordFields", "Needed when declined")},
         }},
        {QStringLiteral("medication_review"),
         {
             {QStringLiteral("date"), QT_TRANSLATE_NOOP("RecordFields", "Reviewed on"), T::Date, true},
             {QStringLiteral("reviewed_by"), QT_TRANSLATE_NOOP("RecordFields", "Reviewed by"), T::Text, true},
         }},
        {QStringLiteral("risk_tier"),
         {
             {QStringLiteral("risk_tier"),
              QT_TRANSLATE_NOOP("RecordFields", "Risk tier"),
              T::Choice,
              true,
              QT_TRANSLATE_NOOP("RecordFields",
                                "Your judgement; the effective tier is never lower than the rules give"),
              {{QStringLiteral("low"), QT_TRANSLATE_NOOP("RecordFields", "Low")},
               {QStringLiteral("moderate"), QT_TRANSLATE_NOOP("RecordFields", "Moderate")},
               {QStringLiteral("high"), QT_TRANSLATE_NOOP("RecordFields", "High")}}},
             {QStringLiteral("risk_tier_reason"), QT_TRANSLATE_NOOP("RecordFields", "Why"), T::LongText, true,
              QT_TRANSLATE_NOOP("RecordFields", "e.g. ORT high; history of overdose")},
         }},
        {QStringLiteral("inactivation"),
         {
             {QStringLiteral("inactive_reason"),
              QT_TRANSLATE_NOOP("RecordFields", "Why the patient leaves the registry"),
              T::Choice,
              true,
              QT_TRANSLATE_NOOP("RecordFields",
                                "The record is kept; the patient leaves the huddle, worklists and measures"),
              {{QStringLiteral("moved"), QT_TRANSLATE_NOOP("RecordFields", "Moved away")},
               {QStringLiteral("deceased"), QT_TRANSLATE_NOOP("RecordFields", "Died")},
               {QStringLiteral("discharged"), QT_TRANSLATE_NOOP("RecordFields", "Discharged from the clinic")},
               {QStringLiteral("tapered_off"), QT_TRANSLATE_NOOP("RecordFields", "Tapered off opioids")},
               {QStringLiteral("transferred"), QT_TRANSLATE_NOOP("RecordFields", "Care transferred elsewhere")}}},
             {QStringLiteral("inactive_date"), QT_TRANSLATE_NOOP("RecordFields", "Left on"), T::Date, true},
         }},
        {QStringLiteral("agreement"),
         {
             {QStringLiteral("date"), QT_TRANSLATE_NOOP("RecordFields", "Signed on"), T::Date, true},
             {QStringLiteral("note"), QT_TRANSLATE_NOOP("RecordFields", "Note"), T::LongText, false},
         }},
        {QStringLiteral("pdmp_check"),
         {
             {QStringLiteral("date"), QT_TRANSLATE_NOOP("RecordFields", "Checked on"), T::Date, true},
             {QStringLiteral("checked_by"), QT_TRANSLATE_NOOP("RecordFields", "Checked by"), T::Text, true},
             {QStringLiteral("concerning"), QT_TRANSLATE_NOOP("RecordFields", "Something concerning was found"),
              T::Flag},
             {QStringLiteral("findings"), QT_TRANSLATE_NOOP("RecordFields", "What was found"), T::LongText, false,
              QT_TRANSLATE_NOOP("RecordFields", "Needed when something concerning was found")},
         }},
    };
    return all;
}

}  // namespace

const QList<FormFieldSpec> &formFields(const QString &kind)
{
    static const QList<FormFieldSpec> none;
    const auto &all = tables();
    const auto it = all.constFind(kind);
    return it == all.cend() ? none : it.value();
}

QString fieldText(const char *text)
{
    return text ? QCoreApplication::translate("RecordFields", text) : QString();
}

QString choiceLabel(const QString &kind, const QString &field, const QString &value)
{
    for (const FormFieldSpec &spec : formFields(kind)) {
        if (spec.name != field)
            continue;
        for (const FormChoice &choice : spec.choices)
            if (choice.value == value)
                return fieldText(choice.label);
    }
    return value;
}

QString formTitle(const QString &kind, bool correcting)
{
    static const QHash<QString, std::pair<const char *, const char *>> titles{
        {QStringLiteral("patient"),
         {QT_TRANSLATE_NOOP("RecordFields", "Add a patient"),
          QT_TRANSLATE_NOOP("RecordFields", "Edit the patient's details")}},
        {QStringLiteral("opioid"),
         {QT_TRANSLATE_NOOP("RecordFields", "Start an opioid"),
          QT_TRANSLATE_NOOP("RecordFields", "Change or stop an opioid")}},
        {QStringLiteral("benzodiazepine"),
         {QT_TRANSLATE_NOOP("RecordFields", "Record a sedative"),
          QT_TRANSLATE_NOOP("RecordFields", "Change or stop a sedative")}},
        {QStringLiteral("uds"),
         {QT_TRANSLATE_NOOP("RecordFields", "Record a urine drug test"),
          QT_TRANSLATE_NOOP("RecordFields", "Enter or correct a urine test result")}},
        {QStringLiteral("visit"),
         {QT_TRANSLATE_NOOP("RecordFields", "Book a visit"), QT_TRANSLATE_NOOP("RecordFields", "Change a visit")}},
        {QStringLiteral("naloxone"),
         {QT_TRANSLATE_NOOP("RecordFields", "Record naloxone"),
          QT_TRANSLATE_NOOP("RecordFields", "Correct a naloxone record")}},
        {QStringLiteral("goal"),
         {QT_TRANSLATE_NOOP("RecordFields", "Write a care-plan goal"),
          QT_TRANSLATE_NOOP("RecordFields", "Review a care-plan goal")}},
        {QStringLiteral("agreement"),
         {QT_TRANSLATE_NOOP("RecordFields", "Record a signed agreement"),
          QT_TRANSLATE_NOOP("RecordFields", "Correct an agreement")}},
        {QStringLiteral("pdmp_check"),
         {QT_TRANSLATE_NOOP("RecordFields", "Record a PDMP check"),
          QT_TRANSLATE_NOOP("RecordFields", "Correct a PDMP check")}},
        {QStringLiteral("taper_plan"),
         {QT_TRANSLATE_NOOP("RecordFields", "Make a taper plan"),
          QT_TRANSLATE_NOOP("RecordFields", "Update the taper plan")}},
        {QStringLiteral("refill_request"),
         {QT_TRANSLATE_NOOP("RecordFields", "Log a refill request"),
          QT_TRANSLATE_NOOP("RecordFields", "Decide or correct a refill request")}},
        {QStringLiteral("medication_review"),
         {QT_TRANSLATE_NOOP("RecordFields", "Record a medication list review"),
          QT_TRANSLATE_NOOP("RecordFields", "Correct a medication list review")}},
        {QStringLiteral("ltot_decision"),
         {QT_TRANSLATE_NOOP("RecordFields", "Decide on long-term therapy"),
          QT_TRANSLATE_NOOP("RecordFields", "Change the long-term therapy decision")}},
        {QStringLiteral("risk_tier"),
         {QT_TRANSLATE_NOOP("RecordFields", "Set the risk tier"),
          QT_TRANSLATE_NOOP("RecordFields", "Set the risk tier")}},
        {QStringLiteral("inactivation"),
         {QT_TRANSLATE_NOOP("RecordFields", "Mark the patient inactive"),
          QT_TRANSLATE_NOOP("RecordFields", "Mark the patient inactive")}},
    };
    const auto it = titles.constFind(kind);
    if (it == titles.cend())
        return {};
    return fieldText(correcting ? it->second : it->first);
}

}  // namespace cairn::app

#include "qml/viewmodels/record_form_fields.h"

#include <QCoreApplication>
#include <QHash>

namespace cairn::app {
namespace {

using T = RecordForm::FieldType;

#define L(text) QT_TRANSLATE_NOOP("RecordFields", text)

// The opioids the MME tables know (assets/clinical/mme-tables.json), by their canonical names.
const QList<FormChoice> kOpioids{
    {QStringLiteral("buprenorphine"), L("Buprenorphine")}, {QStringLiteral("codeine"), L("Codeine")},
    {QStringLiteral("fentanyl"), L("Fentanyl patch")},      {QStringLiteral("hydrocodone"), L("Hydrocodone")},
    {QStringLiteral("hydromorphone"), L("Hydromorphone")}, {QStringLiteral("methadone"), L("Methadone")},
    {QStringLiteral("morphine"), L("Morphine")},           {QStringLiteral("oxycodone"), L("Oxycodone")},
    {QStringLiteral("oxymorphone"), L("Oxymorphone")},     {QStringLiteral("tapentadol"), L("Tapentadol")},
    {QStringLiteral("tramadol"), L("Tramadol")},
};

const QHash<QString, QList<FormFieldSpec>> &tables()
{
    static const QHash<QString, QList<FormFieldSpec>> all{
        {QStringLiteral("patient"),
         {
             {QStringLiteral("name"), L("Full name"), T::Text, true, L("As on the chart")},
             {QStringLiteral("clinic_id"), L("Clinic identifier"), T::Text, true, L("The chart number; unique in the clinic")},
             {QStringLiteral("birth_date"), L("Date of birth"), T::Date, true},
             {QStringLiteral("sex"), L("Sex"), T::Choice, true, nullptr,
              {{QStringLiteral("female"), L("Female")}, {QStringLiteral("male"), L("Male")}, {QStringLiteral("unknown"), L("Not recorded")}}},
             {QStringLiteral("phone"), L("Phone"), T::Text, false, L("For PEG calls and reminders")},
             {QStringLiteral("language"), L("Preferred language"), T::Choice, true, nullptr,
              {{QStringLiteral("en"), L("English")}, {QStringLiteral("es"), L("Spanish")}}},
             {QStringLiteral("prescriber"), L("Assigned prescriber"), T::Text, false},
             {QStringLiteral("ltot_start"), L("Long-term opioid therapy since"), T::Date, false},
         }},
        {QStringLiteral("opioid"),
         {
             {QStringLiteral("drug"), L("Opioid"), T::Choice, true, nullptr, kOpioids},
             {QStringLiteral("strength_mg"), L("Strength (mg per unit)"), T::Number, false, L("Tablets, capsules, liquids: mg in one unit")},
             {QStringLiteral("strength_mcg_per_hr"), L("Patch strength (mcg/hr)"), T::Number, false, L("Fentanyl patches only")},
             {QStringLiteral("patches"), L("Patches worn at once"), T::Number, false, L("Fentanyl patches only")},
             {QStringLiteral("units_per_dose"), L("Units per dose"), T::Number, false, L("e.g. 1 tablet")},
             {QStringLiteral("doses_per_day"), L("Doses per day"), T::Number, true, L("For as-needed use: the most allowed in a day")},
             {QStringLiteral("prn"), L("As needed (PRN)"), T::Flag},
             {QStringLiteral("start"), L("Start date"), T::Date, true},
             {QStringLiteral("end"), L("Stop date"), T::Date, false, L("Empty while it continues")},
         }},
        {QStringLiteral("benzodiazepine"),
         {
             {QStringLiteral("drug"), L("Sedative"), T::Text, true, L("e.g. alprazolam")},
             {QStringLiteral("start"), L("Start date"), T::Date, true},
             {QStringLiteral("end"), L("Stop date"), T::Date, false, L("Empty while it continues")},
         }},
        {QStringLiteral("uds"),
         {
             {QStringLiteral("date"), L("Collected on"), T::Date, true},
             {QStringLiteral("result"), L("Result"), T::Choice, true, nullptr,
              {{QStringLiteral("pending"), L("Waiting for the result")},
               {QStringLiteral("expected"), L("As expected")},
               {QStringLiteral("unexpected"), L("Not as expected")}}},
             {QStringLiteral("substances"), L("Substances not as expected"), T::TextList, false,
              L("Separated by commas, e.g. cocaine, no oxycodone found")},
         }},
        {QStringLiteral("visit"),
         {
             {QStringLiteral("date"), L("Date"), T::Date, true},
             {QStringLiteral("status"), L("Status"), T::Choice, true, nullptr,
              {{QStringLiteral("scheduled"), L("Booked")},
               {QStringLiteral("completed"), L("Completed")},
               {QStringLiteral("cancelled"), L("Cancelled")},
               {QStringLiteral("no_show"), L("Did not attend")}}},
         }},
        {QStringLiteral("naloxone"),
         {
             {QStringLiteral("date"), L("Date"), T::Date, true},
             {QStringLiteral("action"), L("What happened"), T::Choice, true, nullptr,
              {{QStringLiteral("offered"), L("Offered")}, {QStringLiteral("prescribed"), L("Prescribed")}}},
         }},
        {QStringLiteral("goal"),
         {
             {QStringLiteral("goal"), L("Goal, in the patient's own words"), T::LongText, true,
              L("e.g. walk to the mailbox and back every day")},
             {QStringLiteral("date"), L("Set on"), T::Date, true},
             {QStringLiteral("status"), L("Status"), T::Choice, true, nullptr,
              {{QStringLiteral("active"), L("Working on it")}, {QStringLiteral("met"), L("Met")}, {QStringLiteral("dropped"), L("Dropped")}}},
         }},
        {QStringLiteral("agreement"),
         {
             {QStringLiteral("date"), L("Signed on"), T::Date, true},
             {QStringLiteral("note"), L("Note"), T::LongText, false},
         }},
        {QStringLiteral("pdmp_check"),
         {
             {QStringLiteral("date"), L("Checked on"), T::Date, true},
             {QStringLiteral("checked_by"), L("Checked by"), T::Text, true},
             {QStringLiteral("concerning"), L("Something concerning was found"), T::Flag},
             {QStringLiteral("findings"), L("What was found"), T::LongText, false, L("Needed when something concerning was found")},
         }},
    };
    return all;
}

#undef L

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

QString formTitle(const QString &kind, bool correcting)
{
    static const QHash<QString, std::pair<const char *, const char *>> titles{
        {QStringLiteral("patient"), {QT_TRANSLATE_NOOP("RecordFields", "Add a patient"), QT_TRANSLATE_NOOP("RecordFields", "Edit the patient's details")}},
        {QStringLiteral("opioid"), {QT_TRANSLATE_NOOP("RecordFields", "Start an opioid"), QT_TRANSLATE_NOOP("RecordFields", "Change or stop an opioid")}},
        {QStringLiteral("benzodiazepine"), {QT_TRANSLATE_NOOP("RecordFields", "Record a sedative"), QT_TRANSLATE_NOOP("RecordFields", "Change or stop a sedative")}},
        {QStringLiteral("uds"), {QT_TRANSLATE_NOOP("RecordFields", "Record a urine drug test"), QT_TRANSLATE_NOOP("RecordFields", "Enter or correct a urine test result")}},
        {QStringLiteral("visit"), {QT_TRANSLATE_NOOP("RecordFields", "Book a visit"), QT_TRANSLATE_NOOP("RecordFields", "Change a visit")}},
        {QStringLiteral("naloxone"), {QT_TRANSLATE_NOOP("RecordFields", "Record naloxone"), QT_TRANSLATE_NOOP("RecordFields", "Correct a naloxone record")}},
        {QStringLiteral("goal"), {QT_TRANSLATE_NOOP("RecordFields", "Write a care-plan goal"), QT_TRANSLATE_NOOP("RecordFields", "Review a care-plan goal")}},
        {QStringLiteral("agreement"), {QT_TRANSLATE_NOOP("RecordFields", "Record a signed agreement"), QT_TRANSLATE_NOOP("RecordFields", "Correct an agreement")}},
        {QStringLiteral("pdmp_check"), {QT_TRANSLATE_NOOP("RecordFields", "Record a PDMP check"), QT_TRANSLATE_NOOP("RecordFields", "Correct a PDMP check")}},
    };
    const auto it = titles.constFind(kind);
    if (it == titles.cend())
        return {};
    return fieldText(correcting ? it->second : it->first);
}

}  // namespace cairn::app

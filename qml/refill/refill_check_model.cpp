#include "qml/refill/refill_check_model.h"

#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "core/registry/views.h"

#include <QLocale>

namespace cairn::app {

RefillCheckModel::RefillCheckModel(QObject *parent)
    : AsyncObject(parent)
{
    // A check is asked for; nothing is shown until then, so nothing needs re-reading.
    setReloadOn(AsyncState::ReloadOn::Never);
}

QString RefillCheckModel::decisionText() const
{
    if (m_decision == QLatin1String("allowed"))
        return tr("Meets clinic policy. The clinician may approve it.");
    if (m_decision == QLatin1String("needs_review"))
        return tr("Needs the clinician's review before it is filled.");
    if (m_decision == QLatin1String("not_allowed_by_policy"))
        return tr("Clinic policy does not allow this refill as requested. This is advice: the clinician decides.");
    return QString();
}

QString RefillCheckModel::reasonText(const QString &code, int bridgeDays)
{
    if (code == QLatin1String("NEW_PATIENT_RECORDS_FIRST"))
        return tr("Clinic policy for new patients: the prior prescriber's records and a urine test come before the "
                  "first prescription here.");
    if (code == QLatin1String("NEW_PATIENT_BRIDGE"))
        return tr("Clinic policy for new patients: a bridge at the current dose while the records are gathered, "
                  "for up to %n day(s) from the first request.",
                  "", bridgeDays);
    if (code == QLatin1String("NEW_PATIENT_BRIDGE_TOO_LONG"))
        return tr("Clinic policy for new patients: this fill would run past the bridge's limit of %n day(s) "
                  "without the prior records.",
                  "", bridgeDays);
    static const QHash<QString, const char *> texts{
        {QStringLiteral("FILL_DAY_NOT_ALLOWED"), QT_TR_NOOP("The clinic does not fill on that day of the week.")},
        {QStringLiteral("INSUFFICIENT_NOTICE"),
         QT_TR_NOOP("The request gives less notice than clinic policy asks for.")},
        {QStringLiteral("TOO_EARLY"), QT_TR_NOOP("The fill would come before the last fill's supply runs out.")},
        {QStringLiteral("SUPPLY_TOO_LONG"), QT_TR_NOOP("The days' supply is longer than clinic policy allows.")},
        {QStringLiteral("LOST_OR_STOLEN_NO_REPORT"), QT_TR_NOOP("Reported lost or stolen without a police report.")},
        {QStringLiteral("PDMP_CHECK_REQUIRED"), QT_TR_NOOP("A PDMP check is due on the day of the fill.")},
        {QStringLiteral("AGREEMENT_REQUIRED"),
         QT_TR_NOOP("The treatment agreement is not current on the day of the fill.")},
        {QStringLiteral("VISIT_REQUIRED"), QT_TR_NOOP("A visit is due on the day of the fill.")},
    };
    const auto it = texts.constFind(code);
    return it == texts.cend() ? code : tr(it.value());
}

QStringList RefillCheckModel::reasons() const
{
    QStringList list;
    for (const QString &code : m_codes)
        list << (m_clinicRules.contains(code) ? tr("%1 (a clinic rule)").arg(reasonText(code, m_bridgeDays))
                                              : reasonText(code, m_bridgeDays));
    return list;
}

QString RefillCheckModel::newPatientBasis() const
{
    if (!m_prescriberSince.isValid())
        return {};
    const QString since = QLocale().toString(m_prescriberSince, QLocale::ShortFormat);
    return m_newPatientByRecord
               ? tr("A new patient's request: this clinic has prescribed their opioids only since "
                    "%1, within the clinic's new-patient period.")
                     .arg(since)
               : tr("Not a new patient's request: this clinic has prescribed their opioids since %1.").arg(since);
}

void RefillCheckModel::clear()
{
    m_prescriberSince = QDate();
    m_newPatientByRecord = false;
    m_decision.clear();
    m_codes.clear();
    m_clinicRules.clear();
    m_overridden = false;
    m_checkedDaysSupply = 0;
    emit adviceChanged();
}

void RefillCheckModel::fail(const QString &message)
{
    setMessage(message, true);
}

void RefillCheckModel::check(const QString &patientId, const QString &requestedFillDate, const QString &drug,
                             int daysSupply, const QString &lastFillDate, int lastFillDaysSupply, const QString &reason,
                             bool policeReport)
{
    clear();
    if (!session() || !session()->signedIn())
        return fail(tr("Sign in to check a refill request."));
    if (patientId.isEmpty())
        return fail(tr("Choose the patient."));
    clinical::RefillRequest request;
    request.asOf = m_today.isValid() ? m_today : clinicToday();
    request.requestedFillDate = QDate::fromString(requestedFillDate.trimmed(), Qt::ISODate);
    if (!request.requestedFillDate.isValid())
        return fail(tr("Requested fill date: write it as YYYY-MM-DD."));
    request.lastFillDate = QDate::fromString(lastFillDate.trimmed(), Qt::ISODate);
    if (!request.lastFillDate.isValid())
        return fail(tr("Last fill date: write it as YYYY-MM-DD."));
    if (daysSupply <= 0 || daysSupply > 365)
        return fail(tr("Days' supply: must be between 1 and 365."));
    if (lastFillDaysSupply <= 0 || lastFillDaysSupply > 365)
        return fail(tr("Last fill's days' supply: must be between 1 and 365."));
    request.daysSupply = daysSupply;
    request.lastFillDaysSupply = lastFillDaysSupply;
    m_checkedDaysSupply = daysSupply;
    request.reason = reason == QLatin1String("early")            ? clinical::RefillReason::Early
                     : reason == QLatin1String("lost_or_stolen") ? clinical::RefillReason::LostOrStolen
                                                                 : clinical::RefillReason::Routine;
    request.policeReport = policeReport;
    request.newPatient = m_newPatient;
    // Read only for a new patient's request, which the patient's record may decide without the tick.
    request.priorRecordsReceived = m_priorRecordsReceived;
    Q_UNUSED(drug)  // shown on the form for the clinician; the policy check does not depend on it

    struct Checked {
        clinical::RefillAdvice advice;
        int bridgeDays = 0;
    };
    run<Result<Checked>>(
        [patientId, request](registry::Registry &registry) -> Result<Checked> {
            auto policy = registry.clinicPolicy();
            if (!policy)
                return policy.error();
            auto advice = refillAdvice(registry, patientId, request);
            if (!advice)
                return advice.error();
            return Checked{*advice, policy->newPatientBridgeDays};
        },
        [this](Result<Checked> checked) {
            if (!checked)
                return fail(checked.error().line());
            clearMessage();
            m_decision = checked->advice.decision;
            m_codes = checked->advice.reasons;
            m_clinicRules = checked->advice.clinicRules;
            m_policyVersion = checked->advice.policyVersion;
            m_bridgeDays = checked->bridgeDays;
            const clinical::NewPatientStatus &newPatient = checked->advice.newPatient;
            m_prescriberSince =
                newPatient.source == clinical::NewPatientSource::Record ? newPatient.prescriberSince : QDate();
            m_newPatientByRecord = newPatient.source == clinical::NewPatientSource::Record && newPatient.isNew;
            emit adviceChanged();
        });
}

void RefillCheckModel::logRequest(const QString &patientId, const QString &drug, const QString &channel,
                                  const QString &reason, bool policeReport)
{
    if (loading())
        return;
    if (!session() || !session()->signedIn())
        return fail(tr("Sign in to log a refill request."));
    if (m_decision.isEmpty())
        return fail(tr("Check the request first, so that its advice is seen."));
    if (blocked())
        return fail(tr("A clinic rule blocks this refill: a clinician must override it, with the reason, first."));
    domain::RefillRequest request;
    request.date = m_today.isValid() ? m_today : clinicToday();
    request.medication = drug.trimmed();
    if (request.medication.isEmpty())
        return fail(tr("Drug: say which medicine is asked for."));
    if (!domain::parse(channel, &request.channel))
        return fail(tr("How it came: choose phone, portal, front desk or pharmacy."));
    request.early = reason == QLatin1String("early");
    request.lostStolen = reason == QLatin1String("lost_or_stolen");
    request.policeReport = request.lostStolen && policeReport;
    // As the requester asked and the check saw it, never a default.
    if (m_checkedDaysSupply > 0)
        request.daysSupply = m_checkedDaysSupply;
    // The person who logs it does not decide it: the clinician does, from the history.
    request.decision = domain::RefillDecision::RoutedToClinician;

    run<Result<QString>>(
        [patientId, request](registry::Registry &registry) -> Result<QString> {
            return registry.addRecord(patientId, request);
        },
        [this](Result<QString> written) {
            if (!written)
                return fail(written.error().line());
            setMessage(tr("Logged in the patient's history and sent to the clinician."), false);
            session()->noteDataChanged();
            emit logged(*written);
        });
}

void RefillCheckModel::overrideClinicRules(const QString &patientId, const QString &reason)
{
    if (loading())
        return;
    if (!session() || !session()->signedIn())
        return fail(tr("Sign in to override a clinic rule."));
    if (!blocked())
        return fail(tr("No clinic rule blocks this request."));
    domain::RefillOverride record;
    record.date = m_today.isValid() ? m_today : QDate::currentDate();
    record.rules = m_clinicRules.join(QLatin1Char(','));
    record.reason = reason.trimmed();
    record.clinician = session()->userName();
    record.policyVersion = m_policyVersion;
    if (record.reason.isEmpty())
        return fail(tr("Reason: say why the clinic rule is overridden for this patient."));
    run<Result<QString>>(
        [patientId, record](registry::Registry &registry) -> Result<QString> {
            return registry.addRecord(patientId, record);
        },
        [this](Result<QString> written) {
            if (!written)
                return fail(written.error().line());
            m_overridden = true;
            setMessage(tr("Override recorded with its reason. The request may now be logged."), false);
            session()->noteDataChanged();
            emit adviceChanged();
            emit overrideRecorded(*written);
        });
}

}  // namespace cairn::app

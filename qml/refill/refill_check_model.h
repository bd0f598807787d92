#pragma once
// The refill-request check (rules contract §7) as a small form's view model: a patient of the
// registry, the requested fill date, the drug and days' supply, the last fill and the reason. Runs
// the rules engine's check on the database thread and shows its advice with the reasons in words.
// Advice for the clinician, never an automatic refusal: the clinician decides.

#include "qml/app/async_model.h"

#include <QDate>
#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class RefillCheckModel : public cairn::app::AsyncObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool hasAdvice READ hasAdvice NOTIFY adviceChanged)
    // "allowed", "needs_review" or "not_allowed_by_policy"; empty before a check.
    Q_PROPERTY(QString decision READ decision NOTIFY adviceChanged)
    Q_PROPERTY(QString decisionText READ decisionText NOTIFY adviceChanged)
    // The reasons as codes (contract order) and as sentences.
    Q_PROPERTY(QStringList reasonCodes READ reasonCodes NOTIFY adviceChanged)
    Q_PROPERTY(QStringList reasons READ reasons NOTIFY adviceChanged)
    // Set before check(): a patient new to the clinic already on opioids asking for the first
    // prescription here, and whether the prior prescriber's records have come (policy new_patient).
    Q_PROPERTY(bool newPatient MEMBER m_newPatient NOTIFY requestChanged)
    Q_PROPERTY(bool priorRecordsReceived MEMBER m_priorRecordsReceived NOTIFY requestChanged)
    // After a check: whether the patient's record (since when this clinic prescribes their opioids)
    // decided if the request is a new patient's, instead of the tick; what it decided; and why, in words.
    Q_PROPERTY(bool newPatientFromRecord READ newPatientFromRecord NOTIFY adviceChanged)
    Q_PROPERTY(bool newPatientByRecord READ newPatientByRecord NOTIFY adviceChanged)
    Q_PROPERTY(QString newPatientBasis READ newPatientBasis NOTIFY adviceChanged)
    // The reasons whose rule the clinic made firm (policy rule_strength): while `blocked`, the
    // request cannot be logged until a clinician overrides them with a reason (a refill_override
    // record, counted in the measures).
    Q_PROPERTY(QStringList clinicRuleCodes READ clinicRuleCodes NOTIFY adviceChanged)
    Q_PROPERTY(bool blocked READ blocked NOTIFY adviceChanged)
    Q_PROPERTY(bool overridden READ overridden NOTIFY adviceChanged)

public:
    explicit RefillCheckModel(QObject *parent = nullptr);
    bool hasAdvice() const { return !m_decision.isEmpty(); }
    QString decision() const { return m_decision; }
    QString decisionText() const;
    QStringList reasonCodes() const { return m_codes; }
    QStringList reasons() const;
    QStringList clinicRuleCodes() const { return m_clinicRules; }
    bool blocked() const { return !m_clinicRules.isEmpty() && !m_overridden; }
    bool overridden() const { return m_overridden; }
    bool newPatientFromRecord() const { return m_prescriberSince.isValid(); }
    bool newPatientByRecord() const { return m_newPatientByRecord; }
    QString newPatientBasis() const;

    // Dates are "YYYY-MM-DD"; reason is "routine", "early" or "lost_or_stolen". Invalid input is
    // reported in `message` with the field named, and nothing runs.
    Q_INVOKABLE void check(const QString &patientId, const QString &requestedFillDate, const QString &drug,
                           int daysSupply, const QString &lastFillDate, int lastFillDaysSupply, const QString &reason,
                           bool policeReport);
    Q_INVOKABLE void clear();
    // Logs the request just checked in the patient's history (a refill_request record, with the
    // days' supply that was checked), sent to the clinician for a decision: channel is "phone",
    // "portal", "front_desk" or "pharmacy". Only after a check, so that the advice was seen;
    // `logged` follows.
    Q_INVOKABLE void logRequest(const QString &patientId, const QString &drug, const QString &channel,
                                const QString &reason, bool policeReport);
    // A clinician overrides the clinic rules that block the request just checked; the reason is
    // required and recorded with the rules, the clinician's name and the policy version. Only
    // clinicians may (the registry refuses anyone else).
    Q_INVOKABLE void overrideClinicRules(const QString &patientId, const QString &reason);
    // The day the request arrives (tests inject one; the app uses today).
    void setToday(const QDate &today) { m_today = today; }

    // bridgeDays fills in the new-patient bridge's time limit (policy new_patient.bridge_days).
    static QString reasonText(const QString &code, int bridgeDays = 0);

signals:
    void adviceChanged();
    void logged(const QString &recordId);
    void requestChanged();
    void overrideRecorded(const QString &recordId);

private:
    void fail(const QString &message);
    QDate m_today;
    QString m_decision;
    QStringList m_codes;
    QStringList m_clinicRules;
    bool m_overridden = false;
    bool m_newPatient = false;
    bool m_priorRecordsReceived = false;
    int m_bridgeDays = 0;
    QDate m_prescriberSince;  // the record's date when it decided; null when the tick did
    bool m_newPatientByRecord = false;
    QString m_policyVersion;
    int m_checkedDaysSupply = 0;  // the days' supply of the request just checked, logged with it
};

}  // namespace cairn::app

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

public:
    explicit RefillCheckModel(QObject *parent = nullptr);
    bool hasAdvice() const { return !m_decision.isEmpty(); }
    QString decision() const { return m_decision; }
    QString decisionText() const;
    QStringList reasonCodes() const { return m_codes; }
    QStringList reasons() const;

    // Dates are "YYYY-MM-DD"; reason is "routine", "early" or "lost_or_stolen". Invalid input is
    // reported in `message` with the field named, and nothing runs.
    Q_INVOKABLE void check(const QString &patientId, const QString &requestedFillDate, const QString &drug,
                           int daysSupply, const QString &lastFillDate, int lastFillDaysSupply, const QString &reason,
                           bool policeReport);
    Q_INVOKABLE void clear();
    // Logs the request just checked in the patient's history (a refill_request record), sent to
    // the clinician for a decision: channel is "phone", "portal", "front_desk" or "pharmacy".
    // Only after a check, so that the advice was seen; `logged` follows.
    Q_INVOKABLE void logRequest(const QString &patientId, const QString &drug, const QString &channel,
                                const QString &reason, bool policeReport);
    // The day the request arrives (tests inject one; the app uses today).
    void setToday(const QDate &today) { m_today = today; }

    static QString reasonText(const QString &code);

signals:
    void adviceChanged();
    void logged(const QString &recordId);

private:
    void fail(const QString &message);
    QDate m_today;
    QString m_decision;
    QStringList m_codes;
};

}  // namespace cairn::app

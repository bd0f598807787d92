#pragma once
// A clinician's entry of a yes/no screen outside rooming: the ORT (scored by the patient's sex)
// or the PC-PTSD-5, every answer given by someone (nothing is pre-filled, not even the date), then
// saved as a "screening" record in the shape rooming writes. The questions, the answer shape and
// the score all come from the one instrument engine (core/clinical/instruments) and its
// definitions in assets/: this form only collects the answers. The saved screen is in the
// patient's history and in the rules (the ORT gives the risk tier) the moment it is written.
//
// Correcting a screen (`correcting` set) starts from the stored answers and date, so the clinician
// changes only what was entered wrongly. `loading`, `error`, `message` and `session` come from the
// async base.

#include "qml/app/async_model.h"
#include "qml/app/session.h"

#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace cairn::clinical {
class Instrument;
}  // namespace cairn::clinical

namespace cairn::app {

// The instrument's title in the screen's language ("Opioid Risk Tool (ORT)"); the id if unknown.
QString instrumentTitle(const QString &instrument);

class ScreeningForm : public cairn::app::AsyncObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString patientId READ patientId WRITE setPatientId NOTIFY patientIdChanged)
    // "ort" or "pcptsd5" (any yes/no instrument of the shipped definitions).
    Q_PROPERTY(QString instrument READ instrument WRITE setInstrument NOTIFY instrumentChanged)
    // The screening record this entry corrects (entered wrongly); empty to add one.
    Q_PROPERTY(QString correcting READ correcting WRITE setCorrecting NOTIFY correctingChanged)
    Q_PROPERTY(QString title READ title NOTIFY instrumentChanged)
    // The instrument's notice (the ORT's licence) and the stem that leads into the items; may be empty.
    Q_PROPERTY(QString notice READ notice NOTIFY instrumentChanged)
    Q_PROPERTY(QString stem READ stem NOTIFY instrumentChanged)
    // [{text, shown}]: every question in order; `shown` is false for the PC-PTSD-5's items while
    // the exposure question is not answered "yes".
    Q_PROPERTY(QVariantList questions READ questions NOTIFY answersChanged)
    // One per question: 1 yes, 0 no, -1 not answered yet.
    Q_PROPERTY(QVariantList answers READ answers NOTIFY answersChanged)
    // "YYYY-MM-DD" or "" until chosen.
    Q_PROPERTY(QString date READ date WRITE setDate NOTIFY answersChanged)
    Q_PROPERTY(QString reason READ reason WRITE setReason NOTIFY answersChanged)
    // Every question answered, a date, a reason for a correction, and the patient's sex for the ORT.
    Q_PROPERTY(bool complete READ complete NOTIFY answersChanged)
    // Why Save is not available yet ("Answer every question."); empty when complete.
    Q_PROPERTY(QString incompleteReason READ incompleteReason NOTIFY answersChanged)
    // The score and result once complete ("score 7, moderate risk"); empty before.
    Q_PROPERTY(QString resultText READ resultText NOTIFY answersChanged)
    // Field ("date", "answers", "sex", "reason") → message, for what is wrong now.
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY errorsChanged)

public:
    explicit ScreeningForm(QObject *parent = nullptr);

    QString patientId() const { return m_patientId; }
    void setPatientId(const QString &id);
    QString instrument() const { return m_instrument; }
    void setInstrument(const QString &id);
    QString correcting() const { return m_correcting; }
    void setCorrecting(const QString &recordId);
    QString title() const;
    QString notice() const;
    QString stem() const;
    QVariantList questions() const;
    QVariantList answers() const;
    QString date() const { return m_date; }
    void setDate(const QString &isoDate);
    QString reason() const { return m_reason; }
    void setReason(const QString &reason);
    bool complete() const { return incompleteReason().isEmpty(); }
    QString incompleteReason() const;
    QString resultText() const;
    QVariantMap errors() const { return m_errors; }

    // Answers question `index` (1 yes, 0 no).
    Q_INVOKABLE void answer(int index, int value);
    // Writes the screening in one transaction when complete; otherwise says what is missing under
    // its field and writes nothing. `saved` follows with the new record's id.
    Q_INVOKABLE void save();

signals:
    void patientIdChanged();
    void instrumentChanged();
    void correctingChanged();
    void answersChanged();
    void errorsChanged();
    void saved(const QString &recordId);

private:
    const clinical::Instrument *definition() const;
    // The patient's sex and the PC-PTSD-5 cut-off in force, and the stored screen when correcting.
    void reload() override;
    void setErrors(QVariantMap errors);
    QString m_patientId;
    QString m_instrument;
    QString m_correcting;
    QList<int> m_answers;
    QString m_date;
    QString m_reason;
    domain::Sex m_sex = domain::Sex::Unknown;
    int m_pcptsd5Cutoff = 3;
    bool m_patientLoaded = false;
    QVariantMap m_errors;
};

}  // namespace cairn::app

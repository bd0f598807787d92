#pragma once
// The patient agreement on the tablet: the text for the patient to read (in the language chosen
// on the screen), and the two outcomes, each a recorded fact with the text version shown: signed
// on the screen (the signature's strokes are stored, encrypted, in the record) or declined. The
// text is the clinic's own (edited by administrators, ClinicAgreementModel) or the shipped default.

#include "core/clinical/agreement_text.h"
#include "qml/app/async_model.h"

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class AgreementModel : public cairn::app::AsyncObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString patientId READ patientId WRITE setPatientId NOTIFY patientIdChanged)
    // "en" or "es": the language the text is shown (and recorded) in.
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY textChanged)
    Q_PROPERTY(QString title READ title NOTIFY textChanged)
    Q_PROPERTY(QStringList sections READ sections NOTIFY textChanged)
    Q_PROPERTY(QString version READ version NOTIFY textChanged)

public:
    explicit AgreementModel(QObject *parent = nullptr);

    QString patientId() const { return m_patientId; }
    void setPatientId(const QString &id);
    QString language() const { return m_text.language; }
    void setLanguage(const QString &language);
    QString title() const { return m_text.title; }
    QStringList sections() const { return m_text.sections; }
    QString version() const { return m_text.version; }

    // The patient signed the text shown; `strokes` is the signature pad's path (never empty).
    Q_INVOKABLE void sign(const QString &strokes);
    // The patient read the text and declined to sign; `note` is optional.
    Q_INVOKABLE void decline(const QString &note);

signals:
    void patientIdChanged();
    void textChanged();
    void saved(const QString &recordId);

private:
    void reload() override;
    void showText(const QString &language);
    void record(domain::AgreementStatus status, const QString &signature, const QString &note);

    QString m_patientId;
    clinical::AgreementText m_text;
    QJsonObject m_clinicText;  // the clinic's stored text; empty: the shipped one
};

}  // namespace cairn::app

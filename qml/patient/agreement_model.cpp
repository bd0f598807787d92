#include "qml/patient/agreement_model.h"

#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "qml/app/labels.h"

namespace cairn::app {

AgreementModel::AgreementModel(QObject *parent)
    : AsyncObject(parent)
{
    // The text is read once the session is set (the clinic's own, or the shipped one).
    setReloadOn(AsyncState::ReloadOn::Never);
    setLanguage(uiLanguage() == QLatin1String("es") ? QStringLiteral("es") : QStringLiteral("en"));
}

// The clinic's own text when an administrator has saved one; the shipped text until then. Signing
// waits for it (loading): the record must name the version the patient was shown.
void AgreementModel::reload()
{
    if (!session() || !session()->signedIn())
        return;
    run<Result<QJsonObject>>([](registry::Registry &registry) { return registry.clinicAgreementText(); },
                             [this](Result<QJsonObject> text) {
                                 if (!text) {
                                     setMessage(text.error().line(), true);
                                     return;
                                 }
                                 m_clinicText = *text;
                                 showText(m_text.language);
                             });
}

void AgreementModel::setPatientId(const QString &id)
{
    if (m_patientId == id)
        return;
    m_patientId = id;
    emit patientIdChanged();
}

void AgreementModel::setLanguage(const QString &language)
{
    if (m_text.language == language)
        return;
    showText(language);
}

void AgreementModel::showText(const QString &language)
{
    auto text = m_clinicText.isEmpty() ? clinical::AgreementText::shipped(language)
                                       : clinical::AgreementText::fromJson(m_clinicText, language);
    if (!text) {
        setMessage(text.error().line(), true);
        return;
    }
    m_text = *text;
    emit textChanged();
}

void AgreementModel::sign(const QString &strokes)
{
    if (strokes.trimmed().isEmpty()) {
        setMessage(tr("The patient has not signed yet."), true);
        return;
    }
    record(domain::AgreementStatus::Signed, strokes, QString());
}

void AgreementModel::decline(const QString &note)
{
    record(domain::AgreementStatus::Declined, QString(), note.trimmed());
}

void AgreementModel::record(domain::AgreementStatus status, const QString &signature, const QString &note)
{
    if (loading())
        return;
    if (!session() || !session()->signedIn() || m_patientId.isEmpty() || m_text.version.isEmpty()) {
        setMessage(tr("Open a patient and sign in first."), true);
        return;
    }
    domain::Agreement agreement;
    agreement.status = status;
    agreement.signature = signature;
    agreement.note = note;
    agreement.textVersion = m_text.version;
    agreement.language = m_text.language;
    const QString patientId = m_patientId;
    run<Result<QString>>(
        [patientId, agreement](registry::Registry &registry) mutable -> Result<QString> {
            // Signed (or declined) today, in the clinic's time.
            agreement.date = registry.clock().now().toLocalTime().date();
            return registry.addRecord(patientId, agreement);
        },
        [this, status](Result<QString> written) {
            if (!written) {
                setMessage(written.error().line(), true);
                return;
            }
            setMessage(status == domain::AgreementStatus::Signed
                           ? tr("Signed. The agreement is saved with the patient's record.")
                           : tr("Declined. The refusal is recorded in the patient's history."),
                       false);
            session()->noteDataChanged();
            emit saved(*written);
        });
}

}  // namespace cairn::app

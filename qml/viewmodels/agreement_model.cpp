#include "qml/viewmodels/agreement_model.h"

#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "qml/viewmodels/labels.h"

namespace cairn::app {

AgreementModel::AgreementModel(QObject *parent)
    : QObject(parent)
{
    setLanguage(uiLanguage() == QLatin1String("es") ? QStringLiteral("es") : QStringLiteral("en"));
}

void AgreementModel::setSession(Session *session)
{
    if (m_session == session)
        return;
    m_session = session;
    emit sessionChanged();
    loadClinicText();
}

// The clinic's own text when an administrator has saved one; the shipped text until then.
void AgreementModel::loadClinicText()
{
    if (!m_session || !m_session->signedIn())
        return;
    // Signing waits for the text: the record must name the version the patient was shown.
    m_loading = true;
    emit loadingChanged();
    m_session->services().thread->run<Result<QJsonObject>>(
        this,
        [](registry::Registry *registry) -> Result<QJsonObject> {
            if (!registry)
                return Error{QString(), tr("The registry is locked.")};
            return registry->clinicAgreementText();
        },
        [this](Result<QJsonObject> text) {
            if (!text) {
                finish(text.error().line(), true);
                return;
            }
            m_clinicText = *text;
            showText(m_text.language);
            finish(QString(), false);
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
        finish(text.error().line(), true);
        return;
    }
    m_text = *text;
    emit textChanged();
}

void AgreementModel::sign(const QString &strokes)
{
    if (strokes.trimmed().isEmpty()) {
        finish(tr("The patient has not signed yet."), true);
        return;
    }
    record(domain::AgreementStatus::Signed, strokes, QString());
}

void AgreementModel::decline(const QString &note)
{
    record(domain::AgreementStatus::Declined, QString(), note.trimmed());
}

void AgreementModel::finish(const QString &message, bool isError)
{
    m_error = isError;
    m_message = message;
    emit messageChanged();
    if (m_loading) {
        m_loading = false;
        emit loadingChanged();
    }
}

void AgreementModel::record(domain::AgreementStatus status, const QString &signature, const QString &note)
{
    if (m_loading)
        return;
    if (!m_session || !m_session->signedIn() || m_patientId.isEmpty() || m_text.version.isEmpty()) {
        finish(tr("Open a patient and sign in first."), true);
        return;
    }
    m_loading = true;
    emit loadingChanged();
    domain::Agreement agreement;
    agreement.status = status;
    agreement.signature = signature;
    agreement.note = note;
    agreement.textVersion = m_text.version;
    agreement.language = m_text.language;
    const QString patientId = m_patientId;
    m_session->services().thread->run<Result<QString>>(
        this,
        [patientId, agreement](registry::Registry *registry) mutable -> Result<QString> {
            if (!registry)
                return Error{QString(), tr("The registry is locked.")};
            // Signed (or declined) today, in the clinic's time.
            agreement.date = registry->clock().now().toLocalTime().date();
            return registry->addRecord(patientId, agreement);
        },
        [this, status](Result<QString> written) {
            if (!written) {
                finish(written.error().line(), true);
                return;
            }
            finish(status == domain::AgreementStatus::Signed
                       ? tr("Signed. The agreement is saved with the patient's record.")
                       : tr("Declined. The refusal is recorded in the patient's history."),
                   false);
            m_session->noteDataChanged();
            emit saved(*written);
        });
}

}  // namespace cairn::app

#include "qml/viewmodels/enrollment_model.h"

#include "sync/client/sync_client.h"

#include <QSslCertificate>
#include <QUrl>

namespace cairn::app {
namespace {
struct EnrollState {
    QString server;
    QString clinic;
};

Result<EnrollState> readState(registry::Registry *registry)
{
    auto server = registry->syncValue(QStringLiteral("server"));
    if (!server)
        return server.error();
    auto clinic = registry->syncValue(QStringLiteral("clinic"));
    if (!clinic)
        return clinic.error();
    return EnrollState{*server, *clinic};
}
}  // namespace

EnrollmentModel::EnrollmentModel(QObject *parent)
    : QObject(parent)
{}

void EnrollmentModel::setSession(Session *session)
{
    if (!rebindSession(this, m_session, session, &EnrollmentModel::reload))
        return;
    emit sessionChanged();
    reload();
}

void EnrollmentModel::begin()
{
    if (++m_pending == 1)
        emit loadingChanged();
}

void EnrollmentModel::end()
{
    if (--m_pending == 0)
        emit loadingChanged();
}

void EnrollmentModel::setMessage(const QString &message, bool isError, const QString &field)
{
    m_message = message;
    m_error = isError;
    m_errorField = isError ? field : QString();
    emit messageChanged();
}

void EnrollmentModel::reload()
{
    if (!m_session || !m_session->signedIn())
        return;
    begin();
    m_session->services().thread->run<Result<EnrollState>>(
        this,
        [](registry::Registry *registry) -> Result<EnrollState> {
            if (!registry)
                return Error{QString(), tr("The registry is locked.")};
            return readState(registry);
        },
        [this](Result<EnrollState> state) {
            end();
            if (!state) {
                setMessage(state.error().line(), true);
                return;
            }
            m_server = state->server;
            m_clinic = state->clinic;
            emit stateChanged();
        });
}

void EnrollmentModel::enroll(const QString &serverUrl, const QString &certificate, const QString &code)
{
    if (!m_session || !m_session->signedIn()) {
        setMessage(tr("Not signed in."), true);
        return;
    }
    if (loading())
        return;
    const QUrl url(serverUrl.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty()) {
        setMessage(tr("Enter the server address, starting with https://"), true, QStringLiteral("server"));
        return;
    }
    const QString pem = certificate.trimmed();
    if (pem.isEmpty()) {
        setMessage(tr("Enter the path of the server's CA certificate, or paste the certificate."), true,
                   QStringLiteral("ca"));
        return;
    }
    if (code.trimmed().isEmpty()) {
        setMessage(tr("Enter the one-time code from the server administrator."), true, QStringLiteral("code"));
        return;
    }
    begin();
    setMessage(tr("Enrolling…"), false);
    platform::Keystore *keystore = m_session->services().keystore;
    const QString oneTimeCode = code.trimmed();
    m_session->services().thread->run<Result<EnrollState>>(
        this,
        [url, pem, oneTimeCode, keystore](registry::Registry *registry) -> Result<EnrollState> {
            if (!registry)
                return Error{QString(), tr("The registry is locked.")};
            sync::ClientConfig config;
            config.server = url;
            if (pem.contains(QLatin1String("-----BEGIN"))) {
                config.authority = QSslCertificate::fromData(pem.toLatin1(), QSsl::Pem);
                if (config.authority.isEmpty())
                    return Error{QStringLiteral("ca"), tr("The pasted text is not a PEM certificate.")};
            } else {
                auto loaded = sync::loadAuthority(pem);
                if (!loaded)
                    return Error{QStringLiteral("ca"), loaded.error().message};
                config.authority = *loaded;
            }
            // Waits on the network with a local event loop: this is the database thread.
            sync::SyncClient client(*registry, *keystore, config);
            if (auto enrolled = client.enroll(oneTimeCode); !enrolled)
                return enrolled.error();
            return readState(registry);
        },
        [this](Result<EnrollState> state) {
            end();
            if (!state) {
                const QString field = state.error().field;
                setMessage(tr("Not enrolled: %1").arg(state.error().line()), true,
                           field.startsWith(QLatin1String("ca"))       ? QStringLiteral("ca")
                           : field.startsWith(QLatin1String("code"))   ? QStringLiteral("code")
                           : field.startsWith(QLatin1String("server")) ? QStringLiteral("server")
                                                                       : QString());
                return;
            }
            m_server = state->server;
            m_clinic = state->clinic;
            emit stateChanged();
            setMessage(tr("This tablet is enrolled with clinic %1.").arg(m_clinic), false);
        });
}

}  // namespace cairn::app

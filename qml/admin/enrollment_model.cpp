#include "qml/admin/enrollment_model.h"

#include "sync/client/sync_client.h"

#include <QSslCertificate>
#include <QUrl>

namespace cairn::app {
namespace {
struct EnrollState {
    QString server;
    QString clinic;
};

Result<EnrollState> readState(registry::Registry &registry)
{
    auto server = registry.syncValue(QStringLiteral("server"));
    if (!server)
        return server.error();
    auto clinic = registry.syncValue(QStringLiteral("clinic"));
    if (!clinic)
        return clinic.error();
    return EnrollState{*server, *clinic};
}
}  // namespace

EnrollmentModel::EnrollmentModel(QObject *parent)
    : AsyncObject(parent)
{}

void EnrollmentModel::setMessage(const QString &message, bool isError, const QString &field)
{
    m_errorField = isError ? field : QString();
    AsyncObject::setMessage(message, isError);
}

void EnrollmentModel::reload()
{
    if (!session() || !session()->signedIn())
        return;
    run<Result<EnrollState>>([](registry::Registry &registry) -> Result<EnrollState> { return readState(registry); },
                             [this](Result<EnrollState> state) {
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
    if (!session() || !session()->signedIn()) {
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
    setMessage(tr("Enrolling…"), false);
    platform::Keystore *keystore = session()->services().keystore;
    const QString oneTimeCode = code.trimmed();
    run<Result<EnrollState>>(
        [url, pem, oneTimeCode, keystore](registry::Registry &registry) -> Result<EnrollState> {
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
            sync::SyncClient client(registry, *keystore, config);
            if (auto enrolled = client.enroll(oneTimeCode); !enrolled)
                return enrolled.error();
            return readState(registry);
        },
        [this](Result<EnrollState> state) {
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

#include "platform/keystore.h"

#include "platform/logging.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QtGlobal>
#include <qt6keychain/keychain.h>

namespace cairn::platform {
namespace {

const QString kService = QStringLiteral("Cairn");

bool validName(const QString &name)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9._-]{1,128}$"));
    return allowed.match(name).hasMatch();
}

Error badName()
{
    return Error{QStringLiteral("keystore"), QStringLiteral("secret names use letters, digits, '.', '_' and '-' only")};
}

}  // namespace

MemoryKeystore::MemoryKeystore()
{
    qCWarning(lcPlatform, "using the in-memory keystore: secrets vanish when the program ends (testing only)");
}

Result<std::optional<QByteArray>> MemoryKeystore::read(const QString &name)
{
    if (!m_secrets.contains(name))
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(m_secrets.value(name));
}

Status MemoryKeystore::write(const QString &name, const QByteArray &secret)
{
    if (!validName(name))
        return badName();
    m_secrets.insert(name, secret);
    return ok();
}

Status MemoryKeystore::remove(const QString &name)
{
    m_secrets.remove(name);
    return ok();
}

FileKeystore::FileKeystore(QString directory)
    : m_directory(std::move(directory))
{
    qCWarning(lcPlatform,
              "using a file-backed keystore in %s: it is not protected by hardware; use it only on "
              "test or headless machines",
              qPrintable(m_directory));
}

QString FileKeystore::describe() const
{
    return QStringLiteral("file keystore at %1 (not hardware-protected)").arg(m_directory);
}

QString FileKeystore::pathFor(const QString &name) const
{
    return QDir(m_directory).filePath(name + QStringLiteral(".secret"));
}

Result<std::optional<QByteArray>> FileKeystore::read(const QString &name)
{
    if (!validName(name))
        return badName();
    QFile file(pathFor(name));
    if (!file.exists())
        return std::optional<QByteArray>();
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("keystore"), QStringLiteral("cannot read %1").arg(file.fileName())};
    return std::optional<QByteArray>(QByteArray::fromBase64(file.readAll().trimmed()));
}

Status FileKeystore::write(const QString &name, const QByteArray &secret)
{
    if (!validName(name))
        return badName();
    QDir dir(m_directory);
    if (!dir.exists() && !dir.mkpath(QStringLiteral(".")))
        return Error{QStringLiteral("keystore"), QStringLiteral("cannot create %1").arg(m_directory)};
    QFile::setPermissions(m_directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QSaveFile file(pathFor(name));
    if (!file.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("keystore"), QStringLiteral("cannot write %1").arg(file.fileName())};
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(secret.toBase64());
    if (!file.commit())
        return Error{QStringLiteral("keystore"), QStringLiteral("cannot write %1").arg(file.fileName())};
    return ok();
}

Status FileKeystore::remove(const QString &name)
{
    if (!validName(name))
        return badName();
    QFile file(pathFor(name));
    if (file.exists() && !file.remove())
        return Error{QStringLiteral("keystore"), QStringLiteral("cannot remove %1").arg(file.fileName())};
    return ok();
}

// QtKeychain's jobs are asynchronous; callers here are on the database thread, so wait in a local loop.
namespace {
template <typename Job> Status runJob(Job &job)
{
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    loop.exec();
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return Error{QStringLiteral("keystore"),
                     QStringLiteral("the system keystore failed: %1").arg(job.errorString())};
    return ok();
}
}  // namespace

Result<std::optional<QByteArray>> SystemKeystore::read(const QString &name)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(name);
    if (auto s = runJob(job); !s)
        return s.error();
    if (job.error() == QKeychain::EntryNotFound)
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(job.binaryData());
}

Status SystemKeystore::write(const QString &name, const QByteArray &secret)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(name);
    job.setBinaryData(secret);
    return runJob(job);
}

Status SystemKeystore::remove(const QString &name)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(name);
    return runJob(job);
}

Result<std::unique_ptr<Keystore>> keystoreFromSpec(const QString &spec)
{
    if (spec.isEmpty())
        return std::unique_ptr<Keystore>(std::make_unique<SystemKeystore>());
    if (spec == QLatin1String("memory"))
        return std::unique_ptr<Keystore>(std::make_unique<MemoryKeystore>());
    if (spec.startsWith(QLatin1String("file:")) && spec.size() > 5)
        return std::unique_ptr<Keystore>(std::make_unique<FileKeystore>(QFileInfo(spec.mid(5)).absoluteFilePath()));
    return Error{QStringLiteral("CAIRN_KEYSTORE"), QStringLiteral("must be \"memory\" or \"file:DIRECTORY\"")};
}

Result<std::unique_ptr<Keystore>> keystoreFromEnvironment()
{
    return keystoreFromSpec(qEnvironmentVariable("CAIRN_KEYSTORE"));
}

}  // namespace cairn::platform

#pragma once
// Where the device secret lives. On tablets: the platform keystore (Android Keystore, iOS
// Keychain) through QtKeychain. Headless machines and tests choose an explicit file- or
// memory-backed keystore with CAIRN_KEYSTORE, and Cairn warns, because those are not
// hardware-protected.

#include "core/domain/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <memory>
#include <optional>

namespace cairn::platform {

class Keystore {
public:
    virtual ~Keystore() = default;
    // The secret stored under name, or nullopt when there is none.
    virtual Result<std::optional<QByteArray>> read(const QString &name) = 0;
    virtual Status write(const QString &name, const QByteArray &secret) = 0;
    virtual Status remove(const QString &name) = 0;
    [[nodiscard]] virtual QString describe() const = 0;
};

// In memory only; gone when the process ends. For tests.
class MemoryKeystore final : public Keystore {
public:
    MemoryKeystore();
    Result<std::optional<QByteArray>> read(const QString &name) override;
    Status write(const QString &name, const QByteArray &secret) override;
    Status remove(const QString &name) override;
    [[nodiscard]] QString describe() const override { return QStringLiteral("memory keystore (testing only)"); }

private:
    QHash<QString, QByteArray> m_secrets;
};

// One file per secret, mode 0600, in a 0700 directory. For headless machines and tests.
class FileKeystore final : public Keystore {
public:
    explicit FileKeystore(QString directory);
    Result<std::optional<QByteArray>> read(const QString &name) override;
    Status write(const QString &name, const QByteArray &secret) override;
    Status remove(const QString &name) override;
    [[nodiscard]] QString describe() const override;

private:
    [[nodiscard]] QString pathFor(const QString &name) const;
    QString m_directory;
};

// The operating system's keystore through QtKeychain (service "Cairn").
class SystemKeystore final : public Keystore {
public:
    Result<std::optional<QByteArray>> read(const QString &name) override;
    Status write(const QString &name, const QByteArray &secret) override;
    Status remove(const QString &name) override;
    [[nodiscard]] QString describe() const override { return QStringLiteral("system keystore"); }
};

// CAIRN_KEYSTORE=file:DIR | memory | (unset) system. A malformed value is an error.
Result<std::unique_ptr<Keystore>> keystoreFromEnvironment();
Result<std::unique_ptr<Keystore>> keystoreFromSpec(const QString &spec);

}  // namespace cairn::platform

#pragma once
// Administration: enrolling this tablet with the clinic's sync server. Takes the server URL, the
// server's CA certificate (a PEM file path or the PEM text pasted) and a one-time code, and runs
// SyncClient::enroll on the database thread: it waits on the network with a local event loop,
// which is acceptable there and never on the UI thread. Shows the clinic enrolled into, or the
// error with the field it names ("server", "ca", "code").

#include "qml/app/async_model.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class EnrollmentModel : public cairn::app::AsyncObject {
    Q_OBJECT
    QML_ELEMENT
    // "server", "ca" or "code" when an error is about that field; empty otherwise.
    Q_PROPERTY(QString errorField READ errorField NOTIFY messageChanged)
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY stateChanged)
    Q_PROPERTY(QString server READ server NOTIFY stateChanged)
    Q_PROPERTY(QString clinic READ clinic NOTIFY stateChanged)
public:
    explicit EnrollmentModel(QObject *parent = nullptr);
    QString errorField() const { return m_errorField; }
    bool enrolled() const { return !m_clinic.isEmpty(); }
    QString server() const { return m_server; }
    QString clinic() const { return m_clinic; }

    // Reads the enrolled server and clinic, if any.
    Q_INVOKABLE void reload() override;
    // certificate: a path to a PEM file, or the PEM text itself ("-----BEGIN CERTIFICATE-----…").
    Q_INVOKABLE void enroll(const QString &serverUrl, const QString &certificate, const QString &code);

signals:
    void stateChanged();

private:
    void setMessage(const QString &message, bool isError, const QString &field = {});
    QString m_errorField;
    QString m_server;
    QString m_clinic;
};

}  // namespace cairn::app

#pragma once
// What cairn-server does, apart from HTTP: enrollment, device authentication, clinic scoping,
// exactly-once push and paged pull over one SqlConnection. Every request is answered with a
// status and a JSON body; nothing is written unless the whole request is valid. Not thread-safe:
// the HTTP layer calls it from one store thread only (service_workers.h), never from the thread
// that accepts connections; only the PIN check of a sign-in runs elsewhere (on the Argon2 pool),
// and a push batch's per-record checks, which storePush hands to the helper pool and waits for
// (blocks_worked_ahead.h).

#include "sync/protocol/protocol.h"
#include "sync/server/server_audit.h"
#include "sync/server/sql_connection.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <memory>
#include <optional>
#include <variant>

namespace cairn::sync {

struct Reply {
    int status = 200;
    QJsonObject body;
    // The body already encoded (a pull page built from the stored records' JSON text, which is
    // sent as stored rather than decoded and encoded again); sent instead of `body` when not empty.
    QByteArray encodedBody = {};
};

struct Device {
    QString id;
    QString clinic;
};

// A clinic user the server vouches for at first sign-ins on the clinic's tablets.
struct ClinicUser {
    QString id;
    QString clinic;
    QString name;
    QString role;
    QString createdAt;
    int failedAttempts = 0;
    QString lockedUntil;  // empty when not locked
};

class SyncService {
public:
    explicit SyncService(std::unique_ptr<SqlConnection> db)
        : m_db(std::move(db))
        , m_audit(*m_db)
    {}

    // Creates the tables and the feed's epoch when missing.
    Status open();
    [[nodiscard]] QString describe() const { return m_db->describe(); }
    // The server's audit trail (server_audit.h): every change below records itself there.
    ServerAuditTrail &audit() { return m_audit; }

    // Operators.
    // A one-time enrollment code for clinic, valid for `validity` from now.
    Result<QString> createEnrollment(const QString &clinic, std::chrono::seconds validity);
    Status revoke(const QString &deviceId);
    // Gives the change feed a new epoch: run after restoring the store from a backup, so every
    // device re-reads the feed from its start and re-sends what the server no longer holds.
    Result<QString> newEpoch();
    Result<QString> epoch();
    // Clinic users (user_accounts.cpp). Names are unique per clinic, case-insensitively.
    Result<ClinicUser> addUser(const QString &clinic, const QString &name, const QString &role, const QString &pin);
    Result<QList<ClinicUser>> listUsers(const QString &clinic);
    // Removed users can no longer sign in on a new tablet (slots on tablets they already use stay
    // until a tablet administrator removes them).
    Status removeUser(const QString &clinic, const QString &name);
    Status resetUserLockout(const QString &clinic, const QString &name);

    // Requests. `authorization` is the Authorization header ("Device <id>:<credential>").
    Reply enroll(const QJsonObject &body);
    Reply push(const QByteArray &authorization, const QJsonObject &body);
    Reply pull(const QByteArray &authorization, const QJsonObject &body);
    // A user's first sign-in on an enrolled tablet: checks the PIN (wrong PINs lock out as on the
    // tablet) and returns the user and the device's escrow key.
    Reply signIn(const QByteArray &authorization, const QJsonObject &body);

    // signIn in three steps, so the Argon2id check (tens of milliseconds and 64 MiB) runs off the
    // store thread: beginSignIn authenticates, rate-limits and reads the verifier (a dummy one
    // for an unknown name, so both answer in the same time); pinMatches runs on the Argon2 pool;
    // finishSignIn counts the attempt and answers.
    struct SignInAttempt {
        Device device;
        std::optional<ClinicUser> user;  // none: the name is unknown in the device's clinic
        QString name;                    // as typed (for the audit trail)
        QString verifier;                // empty for an unknown name
        QString pin;
        QString escrowKey;
    };
    std::variant<SignInAttempt, Reply> beginSignIn(const QByteArray &authorization, const QJsonObject &body);
    Reply finishSignIn(const SignInAttempt &attempt, bool pinMatched);
    // The Argon2id check of an attempt (thread-safe; the dummy verifier for an unknown name).
    static bool checkPin(const SignInAttempt &attempt);
    // A verifier of a PIN nobody knows, checked for unknown names (computed once, thread-safe).
    static const QString &dummyVerifier();

    // The device behind a credential, or the reply refusing it (401 unknown, 410 revoked). The
    // HTTP layer calls it before it reads a request's body.
    std::variant<Device, Reply> authenticate(const QByteArray &authorization);

    static QString hashSecret(const QString &secret);

    // Records a refusal the HTTP layer answered itself (it never reached the calls above), in a
    // transaction of its own; a failure to record is logged, not answered.
    void recordRefusal(const ServerAuditEntry &entry);

private:
    // Each record is stored as its canonical text (recordText), whatever form it arrived in.
    Reply storePush(const Device &device, const PushRequest &request);
    // Once per store: the changes stored before it was marked checked (by a server older than the
    // validation of pushes) go through the checks a push gets; failures are set aside (set_aside
    // table, excluded from pulls) and counted in the audit trail, in one transaction with the mark.
    Status recheckStoredRecords();
    Reply enrollWith(const EnrollRequest &request);
    // Records a refusal (a 4xx reply) in a transaction of its own: call it after the refused
    // request's transaction has rolled back. The reason is filled in from the reply when empty.
    // Returns the reply unchanged.
    Reply auditedRefusal(Reply reply, ServerAuditEntry entry);
    // auditedRefusal for requests without a valid credential, at most so many a minute (the rest
    // counted into the next entry's refused count).
    Reply auditedStrangerRefusal(const Reply &reply, ServerAuditEntry entry);
    Result<std::int64_t> highestSeq(const QString &deviceId);
    // One statement on a user and its audit entry, in one transaction.
    Status changeUser(const ClinicUser &user, ServerAuditEvent event, const char *sql, const QStringList &params);
    Result<std::optional<ClinicUser>> findUser(const QString &clinic, const QString &name);
    // Sign-in attempts per device and per clinic in the current window (store thread only).
    bool allowSignIn(const Device &device);
    std::unique_ptr<SqlConnection> m_db;
    ServerAuditTrail m_audit;
    struct Window {
        qint64 startMs = 0;
        int count = 0;
    };
    QHash<QString, Window> m_signInsByDevice;
    QHash<QString, Window> m_signInsByClinic;
    Window m_strangerRefusals;
    std::int64_t m_strangerRefusalsUnrecorded = 0;
};

Reply errorReply(int status, const Error &error);

}  // namespace cairn::sync

#pragma once
// cairn-server's own audit trail (issue 15): enrollments, revocations, epochs, clinic users,
// sign-ins, pushes and pulls, and every refusal of a device's request. Each event is written in the
// transaction of the change it records (a refusal, which changes nothing, in one of its own).
//
// Rows name clinics, devices and clinic staff (user names), and count records; never a patient, a
// record's id or content, a PIN, a code or a credential. A refusal's reason is the HTTP status and
// the offending field's path, never the message (which may quote the value).
//
// Hash-chained by the tablet's rule (core/storage/audit_chain.h); the newest seq and hash are kept
// in meta ('server_audit_head'), so verify() detects edited, deleted, inserted and truncated rows.
// Appends are serialised across processes sharing one PostgreSQL (SqlConnection::lockAuditChain).

#include "core/domain/result.h"
#include "core/storage/audit_log.h"
#include "sync/server/sql_connection.h"

#include <cstdint>
#include <optional>

namespace cairn::sync {

enum class ServerAuditEvent {
    EnrollmentCode,  // an operator made a one-time enrollment code for a clinic
    Enrolled,        // a device enrolled with a code
    Revoked,
    NewEpoch,
    UserAdded,
    UserRemoved,
    UserUnlocked,
    SignIn,
    SignInFailed,  // wrong PIN or unknown name
    LockedOut,     // a wrong PIN that locked the user out
    Push,
    Pull,
    RefusedBadRecord,        // a push refused for a record that failed validation or ownership
    RefusedBadRequest,       // a request body that is not the protocol's
    RefusedRateLimited,      // too many sign-ins
    RefusedUnauthenticated,  // unknown device or wrong credential (the claimed device id is kept)
    RefusedRevoked,          // a revoked device came back
    RefusedEnrollment,       // an invalid, used or expired code, or an enrolled device id
    RefusedLockedOut,        // a sign-in while the user is locked out
    // A request the HTTP layer refused before the service saw it (unparseable, too slow, too
    // large): the device column holds the peer address, refused the count (http_server.h).
    RefusedHttp,
    // Stored changes that fail today's checks, set aside when a store older than them is first
    // opened: one entry per clinic, refused the count, reason the first one's field.
    SetAsideOnRecheck,
};
// The stored text: "enrollment_code", "enrolled", ..., "refused_bad_record".
QString toString(ServerAuditEvent event);

struct ServerAuditEntry {
    explicit ServerAuditEntry(ServerAuditEvent what, QString clinicId = {}, QString deviceId = {},
                              QString staffName = {})
        : event(what)
        , clinic(std::move(clinicId))
        , device(std::move(deviceId))
        , userName(std::move(staffName))
    {}
    ServerAuditEntry &withPushCounts(std::int64_t appliedCount, std::int64_t duplicateCount, std::int64_t refusedCount)
    {
        applied = appliedCount;
        duplicates = duplicateCount;
        refused = refusedCount;
        return *this;
    }
    ServerAuditEntry &withSent(std::int64_t sentCount)
    {
        sent = sentCount;
        return *this;
    }

    ServerAuditEvent event;
    QString clinic;
    QString device;
    QString userName;  // clinic staff, where relevant
    // Record counts: a push's applied, duplicates and refused; a pull's sent.
    std::optional<std::int64_t> applied;
    std::optional<std::int64_t> duplicates;
    std::optional<std::int64_t> refused;
    std::optional<std::int64_t> sent;
    QString reason;  // refusals and failures: "<status> <field>"
};

// One stored row; null columns are null QStrings.
struct ServerAuditRow {
    std::int64_t seq = 0;
    QString at;
    QString event;
    QString clinic;
    QString device;
    QString userName;
    QString applied;
    QString duplicates;
    QString refused;
    QString sent;
    QString reason;
};

struct ServerAuditFilter {
    QString since;   // entries at or after this UTC time (ISODateWithMs, as stored)
    QString clinic;  // empty: all clinics
    int limit = 0;   // the newest N (0: all)
};

class ServerAuditTrail {
public:
    explicit ServerAuditTrail(SqlConnection &db)
        : m_db(db)
    {}
    // Appends inside the caller's open transaction, after the change it records.
    Status append(const ServerAuditEntry &entry);
    // Appends in a transaction of its own (refusals).
    Status appendAlone(const ServerAuditEntry &entry);
    Result<storage::AuditVerification> verify();
    // Oldest first.
    Result<QList<ServerAuditRow>> list(const ServerAuditFilter &filter);

private:
    SqlConnection &m_db;
};

}  // namespace cairn::sync

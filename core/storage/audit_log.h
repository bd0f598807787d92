#pragma once
// The audit trail: who viewed or changed which record, when. Append-only (triggers refuse UPDATE
// and DELETE) and hash-chained: each entry's hash covers its fields and the previous entry's hash,
// and the newest seq and hash are kept in `meta`, so editing, deleting, inserting or truncating
// past entries is detected by verify(). Entries name records by id only: no patient data.

#include "core/domain/result.h"

#include <QDateTime>
#include <QString>

#include <cstdint>

namespace cairn::storage {

class Database;

struct AuditEvent {
    QDateTime at;  // UTC
    QString userId;
    QString action;     // "view_patient", "add_record", "correct_record", "add_user", "unlock", ...
    QString patientId;  // may be empty
    QString recordId;   // may be empty
    QString detail;     // e.g. the record kind; never names, notes or values
};

struct AuditVerification {
    bool intact = true;
    std::int64_t entries = 0;
    std::int64_t firstBadSeq = 0;  // 0 when intact
    QString problem;               // what was found, for the operator
};

class AuditLog {
public:
    explicit AuditLog(Database &db)
        : m_db(db)
    {}
    // Appends one entry. Call inside the transaction of the change it records.
    Status append(const AuditEvent &event);
    Result<AuditVerification> verify();
    Result<std::int64_t> size();  // number of entries

private:
    Database &m_db;
};

}  // namespace cairn::storage

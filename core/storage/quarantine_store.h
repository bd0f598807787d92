#pragma once
// Rows of the `quarantine` table: pulled records this tablet could not read, set aside with the
// reason (field and message) instead of being stored in `records`, so that no screen or command
// ever reads them. Each may be withdrawn: the withdrawal is a retraction envelope that waits here
// for the server's acknowledgement (it never enters `records` either, since the record it
// withdraws is not there). Call the writers inside a Transaction.

#include "core/domain/envelope.h"
#include "core/domain/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace cairn::storage {

class Database;

struct QuarantinedRecord {
    std::int64_t id = 0;
    domain::RecordEnvelope record;  // as it arrived
    QString field;                  // what could not be read ("payload.tiers", "patient_id")
    QString message;
    QString receivedAt;
    // Set once withdrawn, here or on another tablet.
    QString withdrawalId;
    QString withdrawnBy;
    QString withdrawnAt;
    QString withdrawalReason;
    bool withdrawalPending = false;  // written here and not yet acknowledged by the server
    [[nodiscard]] bool withdrawn() const { return !withdrawalId.isEmpty(); }
};

class QuarantineStore {
public:
    explicit QuarantineStore(Database &db)
        : m_db(db)
    {}

    // Sets a record aside with the reason it could not be read. A record already set aside is left
    // as it is (pages may be replayed).
    Status add(const domain::RecordEnvelope &record, const Error &reason, const QString &receivedAt);
    // True when the id is a quarantined record or the withdrawal of one.
    Result<bool> holds(const QString &recordId);
    // Oldest first; withdrawn entries only with includeWithdrawn.
    Result<QList<QuarantinedRecord>> list(bool includeWithdrawn);
    Result<std::optional<QuarantinedRecord>> find(std::int64_t id);
    Result<std::optional<QuarantinedRecord>> findByRecordId(const QString &recordId);
    // Records the withdrawal of the entry for withdrawal.supersedes. pending: written here, to be
    // pushed (withdrawal.seq is its place in this device's write order).
    Status markWithdrawn(const domain::RecordEnvelope &withdrawal, const QString &reason, const QString &at,
                         bool pending);
    // Withdrawals written here and not yet acknowledged, in write order, as retraction envelopes.
    Result<QList<domain::RecordEnvelope>> pendingWithdrawals(int limit);
    Result<std::int64_t> pendingCount();
    // When the oldest withdrawal still to be sent was made (ISO time); empty when none is.
    Result<QString> oldestPendingWithdrawal();
    Status acknowledge(const QStringList &withdrawalIds);
    // Marks this device's withdrawals after seq pending again (the server lost them); how many.
    Result<int> requeueAfter(std::int64_t seq);

private:
    Database &m_db;
};

// A retraction envelope for a quarantined record: the withdrawn record's patient, kind and date,
// and a payload holding only the reason (the unreadable payload is not sent again).
domain::RecordEnvelope withdrawalOf(const QuarantinedRecord &entry, const QString &reason);

}  // namespace cairn::storage

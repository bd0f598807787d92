#pragma once
// The sync protocol, shared by the tablet client and cairn-server: messages, their JSON form,
// limits, compression and the pull cursor. Version 1, under the path prefix /v1.
//
//   POST /v1/enroll  {code, device, escrow_key}           -> {device, clinic, credential, epoch}
//   POST /v1/sign-in {name, pin}                          -> {user: {id, name, role}, escrow_key}
//   POST /v1/push    {device, changes:[{seq, record}]}     -> {applied, duplicates, highest_seq, epoch}
//   POST /v1/pull    {cursor, limit}                       -> {changes:[record], cursor, more, highest_seq, epoch}
//
// Every request but enroll carries "Authorization: Device <device id>:<credential>". Bodies are
// JSON, gzip-compressed when the sender says "Content-Encoding: gzip". A revoked device gets 410
// and wipes itself. Errors are {"error": {"field": ..., "message": ...}} with a 4xx status.
//
// Push is exactly-once: each change carries its device's sequence number; the server applies a
// (device, seq) once and answers with the highest seq it holds for the device, so a retried batch
// is harmless and a server that lost changes (restored from backup) is noticed by the device.
// Pull pages follow the server's change feed; the cursor names the feed's epoch (changed when the
// store is restored or replaced), so a device never trusts a position from another feed.

#include "core/domain/envelope.h"
#include "core/domain/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstdint>

namespace cairn::sync {

inline constexpr int kProtocolVersion = 1;

// Bounds both ends enforce (the server rejects more; the client never sends more).
struct Limits {
    static constexpr qsizetype maxBodyBytes = 8 * 1024 * 1024;        // after decompression
    static constexpr qsizetype maxCompressedBytes = 4 * 1024 * 1024;  // on the wire
    static constexpr int maxPushBatch = 5000;
    static constexpr int maxPullPage = 5000;
    static constexpr int defaultPullPage = 500;  // what a client that names no limit gets
    // A push batch or a pull page closes once its records reach this many bytes of JSON (at least
    // one record each): big enough that a first sync takes few round trips on a slow link, small
    // enough to stay far below maxBodyBytes however large the records are.
    static constexpr qsizetype pageBytes = 2 * 1024 * 1024;
};

// What a record adds to a push batch or pull page, in bytes of JSON (close enough to size a page).
qsizetype recordWireBytes(const domain::RecordEnvelope &record);

// A record on the wire: the envelope without the holder's local seq.
QJsonObject envelopeToJson(const domain::RecordEnvelope &record);
// Reads the envelope's own fields (errors name them); the payload is validated separately.
Result<domain::RecordEnvelope> envelopeFromJson(const QJsonValue &value);

// Position in a server's change feed. Text form "<epoch>:<position>"; empty means "from the start".
struct Cursor {
    QString epoch;
    std::int64_t position = 0;
    [[nodiscard]] QString toString() const;
    static Result<Cursor> parse(const QString &text);
    [[nodiscard]] bool isStart() const { return epoch.isEmpty() && position == 0; }
};

struct EnrollRequest {
    QString code;
    QString device;
    QString escrowKey;  // base64 of 32 random bytes: the server hands it back only for sign-ins
};
struct EnrollResponse {
    QString device;
    QString clinic;
    QString credential;
    QString epoch;
};

// A clinic user's first sign-in on a tablet: the server checks the PIN against its verifier and
// returns the user and the device's escrow key, with which the tablet adds the user's key slot.
struct SignInRequest {
    QString name;
    QString pin;
};
struct SignInResponse {
    QString userId;
    QString name;
    QString role;       // keys::toString(Role)
    QString escrowKey;  // base64
};

struct PushChange {
    std::int64_t seq = 0;
    domain::RecordEnvelope record;
};
struct PushRequest {
    QString device;
    QList<PushChange> changes;
};
struct PushResponse {
    int applied = 0;
    int duplicates = 0;
    std::int64_t highestSeq = 0;
    QString epoch;
    // A change was new to the server under a sequence number it had already covered: the device's
    // counter went backwards (restored from an older copy of itself). Sent only when true.
    bool behind = false;
};

struct PullRequest {
    Cursor cursor;
    int limit = Limits::defaultPullPage;
    // Include the asking device's own records (normally skipped: it holds them). A device restored
    // from an older copy of itself asks for them once, from the start of the feed. Sent only when true.
    bool own = false;
};
struct PullResponse {
    QList<domain::RecordEnvelope> changes;
    Cursor cursor;
    bool more = false;
    std::int64_t highestSeq = 0;  // the highest seq of the asking device the server holds
    QString epoch;
};

QJsonObject toJson(const EnrollRequest &m);
QJsonObject toJson(const EnrollResponse &m);
QJsonObject toJson(const PushRequest &m);
QJsonObject toJson(const PushResponse &m);
QJsonObject toJson(const PullRequest &m);
QJsonObject toJson(const PullResponse &m);
// A pull response's JSON text whose changes are records already in their wire form (the server's
// stored text of each, sent as is); m.changes is ignored.
QByteArray pullResponseText(const PullResponse &m, const QList<QByteArray> &recordsJson);
Result<EnrollRequest> enrollRequestFromJson(const QJsonObject &o);
Result<EnrollResponse> enrollResponseFromJson(const QJsonObject &o);
QJsonObject toJson(const SignInRequest &m);
QJsonObject toJson(const SignInResponse &m);
Result<SignInRequest> signInRequestFromJson(const QJsonObject &o);
Result<SignInResponse> signInResponseFromJson(const QJsonObject &o);
// Base64 of exactly 32 bytes; errors name `field`.
Result<QByteArray> keyFromBase64(const QString &text, const QString &field);
Result<PushRequest> pushRequestFromJson(const QJsonObject &o);
Result<PushResponse> pushResponseFromJson(const QJsonObject &o);
Result<PullRequest> pullRequestFromJson(const QJsonObject &o);
Result<PullResponse> pullResponseFromJson(const QJsonObject &o);

QJsonObject errorToJson(const Error &error);
Error errorFromJson(const QJsonObject &o, const QString &fallback);

// gzip (RFC 1952) so that any HTTP tool can read what travels.
QByteArray gzip(const QByteArray &data);
// Fails on corrupt input and on output larger than maxOutput (a decompression bomb).
Result<QByteArray> gunzip(const QByteArray &data, qsizetype maxOutput);

// Parses a JSON object body; errors name "body".
Result<QJsonObject> parseBody(const QByteArray &body);

}  // namespace cairn::sync

#pragma once
// The tablet's side of sync. One round: push the outbox in batches (each record applied once by
// the server), then pull the clinic's feed page by page, each page and its cursor applied in one
// local transaction (a record this tablet cannot read is set aside in quarantine). A server that
// holds fewer of this device's records than it acknowledged gets them again; a tablet behind the
// server's count of its writes (restored from an older copy of itself) numbers its next writes
// after it and pulls its own records back. Everything is resumable: a round killed at any point leaves the outbox
// and the cursor where the last committed transaction put them.
//
// runRound() waits on the network with a local event loop, so it runs on the registry's database
// thread (or in cairnctl), never on the UI thread. It trusts only the configured certificate
// authority, never the system's.

#include "core/registry/registry.h"
#include "sync/client/https_channel.h"
#include "sync/protocol/protocol.h"

#include <QSslCertificate>
#include <QUrl>

#include <memory>

namespace cairn::platform {
class Keystore;
}

namespace cairn::sync {

struct ClientConfig {
    QUrl server;                       // https://host:port
    QList<QSslCertificate> authority;  // the only CA the client trusts
    int requestTimeoutMs = 60'000;     // per request: generous for a 1 Mbit/s, 300 ms link
    int pushBatch = Limits::maxPushBatch;
    int pullPage = Limits::maxPullPage;
    // Pulled pages applied together, in one transaction (at most this many pages of
    // Limits::pageBytes held in memory): a first pull of a clinic of 1,000 patients goes into the
    // empty registry in one bulk load, and a long pull commits once per this many pages.
    int pullPagesPerApply = 16;
};

struct RoundStats {
    int pushed = 0;            // records the server applied
    int pulled = 0;            // new records stored here
    int requeued = 0;          // own records re-sent because the server no longer had them
    bool resequenced = false;  // this tablet was behind the server (restored from an older copy)
    int conflicts = 0;         // open conflicts to review after the round
    qint64 bytesSent = 0;      // request bodies as sent (compressed)
    qint64 bytesReceived = 0;  // response bodies as received (compressed)
    qint64 milliseconds = 0;
    bool wiped = false;  // the server revoked this device: the caller must wipe it now
    [[nodiscard]] QJsonObject toJson() const;
};

// Loads the CA certificates of a PEM file; errors name "ca".
Result<QList<QSslCertificate>> loadAuthority(const QString &pemPath);

class SyncClient {
public:
    SyncClient(registry::Registry &registry, platform::Keystore &keystore, ClientConfig config);
    ~SyncClient();
    SyncClient(const SyncClient &) = delete;
    SyncClient &operator=(const SyncClient &) = delete;

    // Enrolls this device with a one-time code; stores the credential in the keystore and the
    // server, clinic and CA in the registry.
    Status enroll(const QString &code);
    Result<RoundStats> runRound();
    // Whether this registry holds a credential for a server.
    Result<bool> enrolled();

private:
    using Response = HttpsResponse;
    HttpsChannel &channel();
    Result<Response> post(const char *path, const QJsonObject &body, const QByteArray &authorization,
                          RoundStats *stats);
    // A request answered 200 gives its body; 410 sets *revoked; anything else is an error.
    Result<QJsonObject> exchange(const char *path, const QJsonObject &body, const QByteArray &auth, RoundStats &stats,
                                 bool *revoked);
    Result<QByteArray> authorization();
    // A push batch written ahead: the outbox records it holds and its request body, gzipped.
    struct PushBatch {
        QList<storage::OutgoingRecord> records;
        QByteArray gzippedBody;
    };
    // The next batch of the outbox after afterSeq (empty when nothing waits there).
    Result<PushBatch> writePushBatch(std::int64_t afterSeq);
    // *behind: the server stored a change under a number it had already covered.
    Status pushAll(const QByteArray &auth, RoundStats &stats, std::int64_t *serverHighest, bool *behind, bool *revoked);
    Status pullAll(const QByteArray &auth, RoundStats &stats, std::int64_t *serverHighest, bool *revoked);
    // pullAll's first pull (from the start of the feed, into a tablet that has pulled nothing):
    // the pages are fetched and read on a thread of their own and each written as it arrives.
    Status pullFirst(const QByteArray &auth, RoundStats &stats, std::int64_t *serverHighest, bool *revoked);
    Status noticeServerLoss(std::int64_t serverHighest, RoundStats &stats, bool *requeued);

    // One channel for the client's life: connections and TLS sessions are reused between requests.
    std::unique_ptr<HttpsChannel> m_channel;
    registry::Registry &m_registry;
    platform::Keystore &m_keystore;
    ClientConfig m_config;
};

}  // namespace cairn::sync

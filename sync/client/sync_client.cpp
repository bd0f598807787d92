#include "sync/client/sync_client.h"

#include "platform/keystore.h"
#include "sync/protocol/push_text.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace cairn::sync {
namespace {

// A request answered 200 gives its body; 410 sets *revoked; anything else is an error.
Result<QJsonObject> answerOf(const Result<HttpsResponse> &response, bool *revoked)
{
    if (!response)
        return response.error();
    if (response->status == 410) {  // revoked: the caller wipes this tablet
        *revoked = true;
        return QJsonObject();
    }
    if (response->status != 200)
        return errorFromReply(response->status, response->body);
    return response->body;
}

// A first pull's pages, asked for, received and read (pullResponseFromJson) on a thread of their
// own with a connection of its own, and handed over in feed order: the writer applies one page
// while the server prepares and sends the next ones, instead of taking them all in before writing
// any. At most kAhead pages wait read, so a large clinic is never held whole in memory. The next
// page is asked for as soon as a page's cursor is read; a refused page drops the request then in
// flight. Pages the writer is done with come back to be freed on this thread too (tens of
// thousands of records' memory, a tenth of the writer's time otherwise). Destroying it stops the
// thread, abandoning a request on its way.
class PagesAhead {
public:
    struct Page {
        std::optional<Result<PullResponse>> page;  // empty when revoked
        bool revoked = false;
        qint64 bytesSent = 0;
        qint64 bytesReceived = 0;
    };

    PagesAhead(const ClientConfig &config, QByteArray auth, const PullRequest &first)
        : m_config(config)
        , m_auth(std::move(auth))
        , m_first(first)
    {
        m_thread.reset(QThread::create([this] {
            fetchAll();
            std::unique_lock lock(m_mutex);
            m_ended = true;
            m_changed.notify_all();
            // Pages handed back after the last one was fetched, until the writer is done.
            while (!m_stop) {
                m_changed.wait(lock, [&] { return !m_spent.empty() || m_stop; });
                freeSpent(lock);
            }
        }));
        m_thread->start();
    }
    ~PagesAhead()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_thread->exit();  // leaves the event loop of a request it waits on (QThread::exit ends nested loops)
        m_thread->wait();
    }
    PagesAhead(const PagesAhead &) = delete;
    PagesAhead &operator=(const PagesAhead &) = delete;

    // The next page in feed order, waiting for it (on a condition, not an event loop: the caller
    // holds a transaction, and no other job of its thread may run inside it).
    Page next()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return !m_ready.empty() || m_ended; });
        if (m_ready.empty())
            return {Error{QStringLiteral("server"), QStringLiteral("the pull ended before its last page")}};
        Page page = std::move(m_ready.front());
        m_ready.pop_front();
        m_changed.notify_all();
        return page;
    }

    // Whether the next page (or the end) is here within `wait`, waiting on a condition.
    bool readyWithin(std::chrono::milliseconds wait)
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, wait, [&] { return !m_ready.empty() || m_ended; });
    }

    // Waits for the next page (or the end) in an event loop, so that the thread's other jobs run
    // meanwhile: for use when no transaction is open.
    void waitLettingOthersRun()
    {
        while (!readyWithin(std::chrono::milliseconds(0))) {
            QEventLoop loop;
            QTimer::singleShot(kPoll, &loop, &QEventLoop::quit);
            loop.exec();
        }
    }

    // A page the writer has applied, to be freed on the fetching thread.
    void dispose(Page page)
    {
        std::lock_guard lock(m_mutex);
        m_spent.push_back(std::move(page));
        m_changed.notify_all();
    }

private:
    static constexpr std::size_t kAhead = 4;
    static constexpr std::chrono::milliseconds kPoll{10};

    // Frees the pages handed back, outside the lock (held on entry and on return).
    void freeSpent(std::unique_lock<std::mutex> &lock)
    {
        std::deque<Page> spent;
        spent.swap(m_spent);
        lock.unlock();
        spent.clear();
        lock.lock();
    }

    void fetchAll()
    {
        HttpsChannel channel(m_config.server, m_config.authority, m_config.requestTimeoutMs);
        auto ask = [&](const Cursor &from) {
            PullRequest request = m_first;
            request.cursor = from;
            return channel.start("/v1/pull", toJson(request), m_auth);
        };
        auto asked = ask(m_first.cursor);
        if (!asked) {
            deliver({asked.error()});
            return;
        }
        PendingPost inFlight = std::move(asked).value();
        for (;;) {
            Page out;
            auto response = answerOf(channel.wait(inFlight, &out.bytesSent, &out.bytesReceived), &out.revoked);
            if (!response || out.revoked) {
                if (!response)
                    out.page = response.error();
                deliver(std::move(out));
                return;
            }
            const QJsonValue nextFrom = response->value(QStringLiteral("cursor"));
            if (response->value(QStringLiteral("more")).toBool() && nextFrom.isString()) {
                if (auto next = Cursor::parse(nextFrom.toString()); next) {
                    if (!waitForRoom())
                        return;
                    auto following = ask(*next);
                    if (!following) {
                        deliver({following.error()});
                        return;
                    }
                    inFlight = std::move(following).value();
                }
            }
            out.page = pullResponseFromJson(*response);
            const bool last = !*out.page || !(*out.page)->more;
            deliver(std::move(out));
            if (last)
                return;
            std::unique_lock lock(m_mutex);
            freeSpent(lock);
        }
    }

    // Whether to go on: once fewer than kAhead pages wait to be applied, or not when stopped.
    bool waitForRoom()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_changed.wait(lock, [&] { return m_ready.size() < kAhead || m_stop || !m_spent.empty(); });
            freeSpent(lock);
            if (m_ready.size() < kAhead || m_stop)
                return !m_stop;
        }
    }

    void deliver(Page page)
    {
        std::lock_guard lock(m_mutex);
        m_ready.push_back(std::move(page));
        m_changed.notify_all();
    }

    const ClientConfig m_config;
    const QByteArray m_auth;
    const PullRequest m_first;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Page> m_ready;
    std::deque<Page> m_spent;  // applied, to be freed here
    bool m_ended = false;
    bool m_stop = false;
    std::unique_ptr<QThread> m_thread;
};

}  // namespace

QJsonObject RoundStats::toJson() const
{
    return {{QStringLiteral("pushed"), pushed},
            {QStringLiteral("pulled"), pulled},
            {QStringLiteral("requeued"), requeued},
            {QStringLiteral("resequenced"), resequenced},
            {QStringLiteral("conflicts"), conflicts},
            {QStringLiteral("bytes_sent"), static_cast<double>(bytesSent)},
            {QStringLiteral("bytes_received"), static_cast<double>(bytesReceived)},
            {QStringLiteral("milliseconds"), static_cast<double>(milliseconds)},
            {QStringLiteral("wiped"), wiped}};
}

Result<QList<QSslCertificate>> loadAuthority(const QString &pemPath)
{
    QFile file(pemPath);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("ca"), QStringLiteral("cannot read %1").arg(pemPath)};
    const auto certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty())
        return Error{QStringLiteral("ca"), QStringLiteral("no PEM certificate in %1").arg(pemPath)};
    return certificates;
}

SyncClient::SyncClient(registry::Registry &registry, platform::Keystore &keystore, ClientConfig config)
    : m_registry(registry)
    , m_keystore(keystore)
    , m_config(std::move(config))
{}

SyncClient::~SyncClient() = default;

HttpsChannel &SyncClient::channel()
{
    if (!m_channel)
        m_channel = std::make_unique<HttpsChannel>(m_config.server, m_config.authority, m_config.requestTimeoutMs);
    return *m_channel;
}

Result<SyncClient::Response> SyncClient::post(const char *path, const QJsonObject &body,
                                              const QByteArray &authorization, RoundStats *stats)
{
    return channel().post(path, body, authorization, stats ? &stats->bytesSent : nullptr,
                          stats ? &stats->bytesReceived : nullptr);
}

Result<bool> SyncClient::enrolled()
{
    auto stored = m_keystore.read(credentialName(m_registry.registryId()));
    if (!stored)
        return stored.error();
    return stored->has_value();
}

Status SyncClient::enroll(const QString &code)
{
    if (!m_registry.can(keys::Permission::ManageUsers))
        return Error{QString(), QStringLiteral("only an administrator can enroll this device")};
    auto already = enrolled();
    if (!already)
        return already.error();
    if (*already)
        return Error{QStringLiteral("code"), QStringLiteral("this device is already enrolled")};
    // The escrow key goes to the server and nowhere else: with it the server can later vouch for a
    // clinic user's first sign-in on this tablet (see Registry::signInVouched).
    const keys::SecretBytes escrowKey = keys::SecretBytes::random(32);
    const QString escrowText = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(escrowKey.data()), static_cast<qsizetype>(escrowKey.size()))
            .toBase64());
    auto response = post("/v1/enroll", toJson(EnrollRequest{code, m_registry.deviceId(), escrowText}), {}, nullptr);
    if (!response)
        return response.error();
    if (response->status != 200)
        return errorFromReply(response->status, response->body);
    auto enrolledAs = enrollResponseFromJson(response->body);
    if (!enrolledAs)
        return enrolledAs.error();
    if (auto s = m_keystore.write(credentialName(m_registry.registryId()), enrolledAs->credential.toUtf8()); !s)
        return s;
    QByteArray pem;
    for (const auto &certificate : m_config.authority)
        pem += certificate.toPem();
    for (auto [key, value] : {std::pair{"server", m_config.server.toString()}, std::pair{"clinic", enrolledAs->clinic},
                              std::pair{"ca", QString::fromLatin1(pem)}}) {
        if (auto s = m_registry.setSyncValue(QLatin1String(key), value); !s)
            return s;
    }
    return m_registry.recordEnrollment({m_config.server.toString(), enrolledAs->clinic, m_registry.deviceId(), pem},
                                       escrowKey);
}

Result<QByteArray> SyncClient::authorization()
{
    auto stored = m_keystore.read(credentialName(m_registry.registryId()));
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return Error{QString(), QStringLiteral("this device is not enrolled with a server (cairnctl enroll)")};
    return deviceAuthorization(m_registry.deviceId(), **stored);
}

Status SyncClient::noticeServerLoss(std::int64_t serverHighest, RoundStats &stats, bool *requeued)
{
    auto pushedThrough = m_registry.syncValue(QStringLiteral("pushed_through"));
    if (!pushedThrough)
        return pushedThrough.error();
    if (serverHighest >= pushedThrough->toLongLong())
        return ok();
    // The server holds less of this device than it once acknowledged: it was restored from a
    // backup. Send again everything after what it still has.
    auto queued = m_registry.requeueOwnAfter(serverHighest);
    if (!queued)
        return queued.error();
    stats.requeued += *queued;
    *requeued = true;
    return ok();
}

Result<QJsonObject> SyncClient::exchange(const char *path, const QJsonObject &body, const QByteArray &auth,
                                         RoundStats &stats, bool *revoked)
{
    return answerOf(post(path, body, auth, &stats), revoked);
}

Result<SyncClient::PushBatch> SyncClient::writePushBatch(std::int64_t afterSeq)
{
    PushBatch batch;
    auto outbox = m_registry.outboxToSend(m_config.pushBatch, afterSeq);
    if (!outbox)
        return outbox.error();
    if (outbox->isEmpty())
        return batch;
    // The batch closes at Limits::pageBytes of records (the first always goes, however large).
    // Each record's wire text is written once, straight, around its payload as stored
    // (push_text.h): it sizes the batch and goes into the request as it is.
    QList<PushChangeText> changes;
    qsizetype bytes = 0;
    while (changes.size() < outbox->size() && (changes.isEmpty() || bytes < Limits::pageBytes)) {
        const auto &out = outbox->at(changes.size());
        changes.append({out.envelope.seq, recordText(out.envelope, out.payloadText)});
        bytes += changes.last().record.size();
    }
    outbox->resize(changes.size());
    batch.records = std::move(outbox).value();
    batch.gzippedBody = gzip(pushRequestText(m_registry.deviceId(), changes));
    return batch;
}

Status SyncClient::pushAll(const QByteArray &auth, RoundStats &stats, std::int64_t *serverHighest, bool *behind,
                           bool *revoked)
{
    // One request in flight, batches in seq order. While the server stores a batch, this tablet
    // writes the next one (the outbox after it); once the answer covers the whole batch, the next
    // is sent before this one's acknowledgement is stored, so the server stores one while the
    // tablet commits the other. A crash before that commit sends the batch again, and the server
    // applies each (device, seq) once. An answer that covers less drops the batch written ahead:
    // the outbox is read again from its start.
    auto first = writePushBatch(0);
    if (!first)
        return first.error();
    PushBatch batch = std::move(first).value();
    if (batch.records.isEmpty())
        return ok();
    auto started = channel().startGzipped("/v1/push", batch.gzippedBody, auth);
    if (!started)
        return started.error();
    PendingPost inFlight = std::move(started).value();
    for (;;) {
        auto ahead = writePushBatch(batch.records.last().envelope.seq);
        if (!ahead)
            return ahead.error();
        PushBatch next = std::move(ahead).value();
        auto response = answerOf(channel().wait(inFlight, &stats.bytesSent, &stats.bytesReceived), revoked);
        if (!response)
            return response.error();
        if (*revoked)
            return ok();
        auto result = pushResponseFromJson(*response);
        if (!result)
            return result.error();
        if (batch.records.first().envelope.seq > result->highestSeq)
            return Error{QStringLiteral("server"), QStringLiteral("acknowledged none of the batch")};
        const bool sentAhead = !next.records.isEmpty() && result->highestSeq >= batch.records.last().envelope.seq;
        if (sentAhead) {
            auto following = channel().startGzipped("/v1/push", next.gzippedBody, auth);
            if (!following)
                return following.error();
            inFlight = std::move(following).value();
        }
        if (auto s = m_registry.acknowledgePushed(batch.records, result->highestSeq); !s)
            return s.error();
        stats.pushed += result->applied;
        *serverHighest = result->highestSeq;
        *behind = *behind || result->behind;
        if (!sentAhead) {
            // Nothing was sent ahead: the server took less than the whole batch, or nothing
            // waited after it when the next was written. Read the outbox again from its start.
            auto fresh = writePushBatch(0);
            if (!fresh)
                return fresh.error();
            next = std::move(fresh).value();
            if (next.records.isEmpty())
                return ok();
            auto following = channel().startGzipped("/v1/push", next.gzippedBody, auth);
            if (!following)
                return following.error();
            inFlight = std::move(following).value();
        }
        batch = std::move(next);
    }
}

Status SyncClient::pullAll(const QByteArray &auth, RoundStats &stats, std::int64_t *serverHighest, bool *revoked)
{
    auto stored = m_registry.syncValue(QStringLiteral("cursor"));
    if (!stored)
        return stored.error();
    auto cursor = Cursor::parse(*stored);
    if (!cursor)
        cursor = Cursor{};
    auto ownText = m_registry.syncValue(QStringLiteral("pull_own"));
    if (!ownText)
        return ownText.error();
    const bool own = !ownText->isEmpty();
    if (cursor->isStart() && !own)
        return pullFirst(auth, stats, serverHighest, revoked);
    // The next page is asked for as soon as a page's cursor is read, so the server reads it and
    // it crosses the network while this tablet reads and applies the pages it holds. Pages are
    // applied several at a time (ClientConfig::pullPagesPerApply); the cursor is stored only with
    // the pages applied, so a crash or a failed request re-pulls only what was not applied.
    auto ask = [&](const Cursor &from) {
        return channel().start("/v1/pull", toJson(PullRequest{from, m_config.pullPage, own}), auth);
    };
    auto asked = ask(*cursor);
    if (!asked)
        return asked.error();
    PendingPost inFlight = std::move(asked).value();
    QList<domain::RecordEnvelope> pending;
    int pendingPages = 0;
    for (;;) {
        auto response = answerOf(channel().wait(inFlight, &stats.bytesSent, &stats.bytesReceived), revoked);
        if (!response)
            return response.error();
        if (*revoked)
            return ok();
        // Asked before this page's records are read (most of the reading). pullResponseFromJson
        // reads these two members again and refuses a page with a bad one; the request then in
        // flight is dropped unanswered.
        const QJsonValue nextFrom = response->value(QStringLiteral("cursor"));
        if (response->value(QStringLiteral("more")).toBool() && nextFrom.isString()) {
            if (auto next = Cursor::parse(nextFrom.toString()); next) {
                auto following = ask(*next);
                if (!following)
                    return following.error();
                inFlight = std::move(following).value();
            }
        }
        auto page = pullResponseFromJson(*response);
        if (!page)
            return page.error();
        pending.append(std::move(page->changes));
        ++pendingPages;
        *cursor = page->cursor;
        *serverHighest = page->highestSeq;
        if (page->more && pendingPages < m_config.pullPagesPerApply)
            continue;
        auto added = m_registry.applyPulled(pending, page->cursor.toString(),
                                            page->more ? registry::Registry::FeedPosition::MorePagesFollow
                                                       : registry::Registry::FeedPosition::LastPage);
        if (!added)
            return added.error();
        stats.pulled += *added;
        pending.clear();
        pendingPages = 0;
        if (!page->more)
            return own ? m_registry.setSyncValue(QStringLiteral("pull_own"), QString()) : ok();
    }
}

Status SyncClient::pullFirst(const QByteArray &auth, RoundStats &stats, std::int64_t *serverHighest, bool *revoked)
{
    // The pages go into the registry as they arrive, up to pullPagesPerApply to a transaction, as
    // in pullAll. Inside a transaction the registry's thread waits for the next page without
    // running other jobs (they would land inside it), so it waits at most kHoldForNextPage: a page
    // slower than that (a slow link) closes the transaction, and the thread's other jobs (a
    // screen's read, a nurse's save, locking) run while the page comes, as they did in pullAll.
    constexpr std::chrono::milliseconds kHoldForNextPage{500};
    PagesAhead pages(m_config, auth, PullRequest{Cursor{}, m_config.pullPage, false});
    std::unique_ptr<registry::Registry::PulledPages> applying;
    int pagesApplying = 0;
    for (;;) {
        if (!applying)
            pages.waitLettingOthersRun();
        PagesAhead::Page fetched = pages.next();
        stats.bytesSent += fetched.bytesSent;
        stats.bytesReceived += fetched.bytesReceived;
        if (fetched.revoked) {
            *revoked = true;
            return ok();
        }
        if (!*fetched.page)
            return fetched.page->error();
        PullResponse &page = **fetched.page;
        if (!applying) {
            auto begun = m_registry.beginPulled();
            if (!begun)
                return begun.error();
            applying = std::move(begun).value();
        }
        if (auto s = applying->add(page.changes); !s)
            return s;
        const bool more = page.more;
        const QString cursor = page.cursor.toString();
        *serverHighest = page.highestSeq;
        pages.dispose(std::move(fetched));
        ++pagesApplying;
        if (more && pagesApplying < m_config.pullPagesPerApply && pages.readyWithin(kHoldForNextPage))
            continue;
        auto added = applying->finish(cursor, more ? registry::Registry::FeedPosition::MorePagesFollow
                                                   : registry::Registry::FeedPosition::LastPage);
        if (!added)
            return added.error();
        applying.reset();
        pagesApplying = 0;
        stats.pulled += *added;
        if (!more)
            return ok();
    }
}

Result<RoundStats> SyncClient::runRound()
{
    QElapsedTimer timer;
    timer.start();
    RoundStats stats;
    auto auth = authorization();
    if (!auth)
        return auth.error();
    bool revoked = false;
    bool behind = false;
    std::int64_t serverHighest = -1;
    // Before this round writes anything: every number the server holds of this device was given
    // here, so a server count beyond it means this registry is an older copy of itself.
    auto counterAtStart = m_registry.writeCounter();
    if (!counterAtStart)
        return counterAtStart.error();
    // Push, pull, and push again if the server turned out to have lost records of ours.
    for (int pass = 0; pass < 3; ++pass) {
        if (auto s = pushAll(*auth, stats, &serverHighest, &behind, &revoked); !s)
            return s.error();
        if (!revoked && pass == 0) {
            if (auto s = pullAll(*auth, stats, &serverHighest, &revoked); !s)
                return s.error();
            if (!revoked && (behind || serverHighest > *counterAtStart)) {
                // Restored from an older copy: number new writes after the server's count, and
                // fetch this device's own records the copy lacks (the server skips them otherwise).
                if (auto s = m_registry.resequenceAfter(serverHighest); !s)
                    return s.error();
                stats.resequenced = true;
                if (auto s = pullAll(*auth, stats, &serverHighest, &revoked); !s)
                    return s.error();
            }
        }
        if (revoked) {
            (void)m_keystore.remove(credentialName(m_registry.registryId()));
            stats.wiped = true;
            stats.milliseconds = timer.elapsed();
            return stats;
        }
        bool requeued = false;
        if (serverHighest >= 0) {
            if (auto s = noticeServerLoss(serverHighest, stats, &requeued); !s)
                return s.error();
        }
        if (!requeued)
            break;
    }
    auto open = m_registry.conflicts(false);
    stats.conflicts = open ? static_cast<int>(open->size()) : 0;
    stats.milliseconds = timer.elapsed();
    return stats;
}

}  // namespace cairn::sync

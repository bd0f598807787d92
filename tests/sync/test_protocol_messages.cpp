// The sync protocol's messages on their own, without a server: each message type goes to JSON
// text (gzip-compressed, as it travels) and back to an equal value; malformed bodies (truncated,
// wrong types, missing fields, more entries than the limits) are refused with an error that names
// the field, and never crash; the pull cursor's text form.

#include "sync/protocol/protocol.h"
#include "sync/protocol/push_text.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace cairn;
using namespace cairn::sync;

// The test data below is raw string literals, which moc cannot read: the slots are defined after
// the class.
class TestProtocolMessages : public QObject {
    Q_OBJECT

private slots:
    void everyMessageRoundTrips();
    void aPullPageOfStoredRecordTextReadsAsTheRecords();
    void aPushedRecordIsStoredInItsCanonicalText();
    void aPushWrittenAsTextIsThePushRequest();
    void envelopeOptionalFieldsRoundTrip();
    void gzipRoundTrip();
    void gzipRefusesBadInput();
    void gzipRefusesABomb();
    void everyTruncationIsRefused();
    void malformedBodies_data();
    void malformedBodies();
    void cursorText_data();
    void cursorText();
    void badCursors_data();
    void badCursors();
    void errorsTravel();
};

namespace {

const QString kDevice = QStringLiteral("6f9619ff-8b86-d011-b42d-00cf4fc964ff");
const QString kEscrowKey = QString::fromLatin1(QByteArray(32, '\x5a').toBase64());

domain::RecordEnvelope envelope(int n)
{
    domain::RecordEnvelope r;
    r.id = QUuid::fromString(QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0')))
               .toString(QUuid::WithoutBraces);
    r.patientId = QStringLiteral("p-%1").arg(n);
    r.kind = QStringLiteral("peg");
    r.date = QStringLiteral("2026-03-14");
    r.payload = QJsonObject{{QStringLiteral("date"), r.date},
                            {QStringLiteral("pain"), n % 11},
                            {QStringLiteral("note"), QStringLiteral("ñandú \"quoted\"")}};
    r.author = QStringLiteral("u-1");
    r.device = kDevice;
    r.stamp = HlcStamp{1'700'000'000'000 + n, static_cast<std::uint32_t>(n), kDevice};
    r.writtenAt = QStringLiteral("2026-03-14T10:00:00.000Z");
    return r;
}

// Everything an envelope carries on the wire (seq is the holder's own and does not travel).
bool sameEnvelope(const domain::RecordEnvelope &a, const domain::RecordEnvelope &b)
{
    return a.id == b.id && a.patientId == b.patientId && a.kind == b.kind && a.date == b.date &&
           a.payload == b.payload && a.author == b.author && a.device == b.device && a.stamp == b.stamp &&
           a.supersedes == b.supersedes && a.retracted == b.retracted && a.closes == b.closes &&
           a.writtenAt == b.writtenAt;
}

bool sameCursor(const Cursor &a, const Cursor &b)
{
    return a.epoch == b.epoch && a.position == b.position;
}

// As the message travels: JSON text, gzip, and back.
QJsonObject overTheWire(const QJsonObject &message)
{
    const QByteArray body = QJsonDocument(message).toJson(QJsonDocument::Compact);
    const auto unzipped = gunzip(gzip(body), Limits::maxBodyBytes);
    if (!unzipped.ok())
        return {};
    const auto parsed = parseBody(*unzipped);
    return parsed.ok() ? *parsed : QJsonObject();
}

// Each decoder by the message's name, answering "ok" or the error's line.
using Decoder = std::function<QString(const QJsonObject &)>;
template <typename T> QString answer(const Result<T> &result)
{
    return result.ok() ? QStringLiteral("ok") : result.error().line();
}
const QHash<QString, Decoder> &decoders()
{
    static const QHash<QString, Decoder> table{
        {QStringLiteral("enroll request"), [](const QJsonObject &o) { return answer(enrollRequestFromJson(o)); }},
        {QStringLiteral("enroll response"), [](const QJsonObject &o) { return answer(enrollResponseFromJson(o)); }},
        {QStringLiteral("sign-in request"), [](const QJsonObject &o) { return answer(signInRequestFromJson(o)); }},
        {QStringLiteral("sign-in response"), [](const QJsonObject &o) { return answer(signInResponseFromJson(o)); }},
        {QStringLiteral("push request"), [](const QJsonObject &o) { return answer(pushRequestFromJson(o)); }},
        {QStringLiteral("push response"), [](const QJsonObject &o) { return answer(pushResponseFromJson(o)); }},
        {QStringLiteral("pull request"), [](const QJsonObject &o) { return answer(pullRequestFromJson(o)); }},
        {QStringLiteral("pull response"), [](const QJsonObject &o) { return answer(pullResponseFromJson(o)); }},
        {QStringLiteral("record"), [](const QJsonObject &o) { return answer(envelopeFromJson(o)); }},
    };
    return table;
}

QJsonObject json(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

// A valid push body around one change's record members (text spliced into the record object).
QByteArray pushWithRecord(const QByteArray &members)
{
    return R"({"version":1,"device":"d","changes":[{"seq":1,"record":{"id":"00000000-0000-4000-8000-000000000001",)"
           R"("patient_id":"p","kind":"peg","author":"u","device":"d","written_at":"t",)"
           R"("hlc":"0001700000000000-000000-d","payload":{})" +
           members + "}}]}";
}

QByteArray listOf(int count, const QByteArray &item)
{
    QByteArrayList items;
    for (int i = 0; i < count; ++i)
        items.append(item);
    return '[' + items.join(',') + ']';
}

}  // namespace

void TestProtocolMessages::everyMessageRoundTrips()
{
    const EnrollRequest enroll{QStringLiteral("ABCD-1234"), kDevice, kEscrowKey};
    const auto enrollBack = enrollRequestFromJson(overTheWire(toJson(enroll)));
    QVERIFY2(enrollBack.ok(), qPrintable(answer(enrollBack)));
    QCOMPARE(enrollBack->code, enroll.code);
    QCOMPARE(enrollBack->device, enroll.device);
    QCOMPARE(enrollBack->escrowKey, enroll.escrowKey);

    const EnrollResponse enrolled{kDevice, QStringLiteral("North Clinic"), QStringLiteral("secret"),
                                  QStringLiteral("epoch-7")};
    const auto enrolledBack = enrollResponseFromJson(overTheWire(toJson(enrolled)));
    QVERIFY2(enrolledBack.ok(), qPrintable(answer(enrolledBack)));
    QCOMPARE(enrolledBack->device, enrolled.device);
    QCOMPARE(enrolledBack->clinic, enrolled.clinic);
    QCOMPARE(enrolledBack->credential, enrolled.credential);
    QCOMPARE(enrolledBack->epoch, enrolled.epoch);

    const SignInRequest signIn{QStringLiteral("Ana Núñez"), QStringLiteral("4821")};
    const auto signInBack = signInRequestFromJson(overTheWire(toJson(signIn)));
    QVERIFY2(signInBack.ok(), qPrintable(answer(signInBack)));
    QCOMPARE(signInBack->name, signIn.name);
    QCOMPARE(signInBack->pin, signIn.pin);

    const SignInResponse signedIn{QStringLiteral("u-1"), QStringLiteral("Ana Núñez"), QStringLiteral("nurse"),
                                  kEscrowKey};
    const auto signedInBack = signInResponseFromJson(overTheWire(toJson(signedIn)));
    QVERIFY2(signedInBack.ok(), qPrintable(answer(signedInBack)));
    QCOMPARE(signedInBack->userId, signedIn.userId);
    QCOMPARE(signedInBack->name, signedIn.name);
    QCOMPARE(signedInBack->role, signedIn.role);
    QCOMPARE(signedInBack->escrowKey, signedIn.escrowKey);

    PushRequest push{kDevice, {}};
    for (int i = 1; i <= Limits::maxPushBatch; ++i)
        push.changes.append({std::int64_t(i) * 3, envelope(i)});
    const auto pushBack = pushRequestFromJson(overTheWire(toJson(push)));
    QVERIFY2(pushBack.ok(), qPrintable(answer(pushBack)));
    QCOMPARE(pushBack->device, push.device);
    QCOMPARE(pushBack->changes.size(), push.changes.size());
    for (qsizetype i = 0; i < push.changes.size(); ++i) {
        QCOMPARE(pushBack->changes.at(i).seq, push.changes.at(i).seq);
        QVERIFY(sameEnvelope(pushBack->changes.at(i).record, push.changes.at(i).record));
    }

    // Sequence numbers and positions beyond 2^32 (a long-lived device) keep every digit.
    const PushResponse pushed{498, 2, 9'007'199'254'740'991, QStringLiteral("epoch-7")};
    const auto pushedBack = pushResponseFromJson(overTheWire(toJson(pushed)));
    QVERIFY2(pushedBack.ok(), qPrintable(answer(pushedBack)));
    QCOMPARE(pushedBack->applied, pushed.applied);
    QCOMPARE(pushedBack->duplicates, pushed.duplicates);
    QCOMPARE(pushedBack->highestSeq, pushed.highestSeq);
    QCOMPARE(pushedBack->epoch, pushed.epoch);

    for (const PullRequest &pull : {PullRequest{}, PullRequest{Cursor{QStringLiteral("epoch-7"), 1'234'567'890'123}, 1},
                                    PullRequest{Cursor{QStringLiteral("e"), 0}, Limits::maxPullPage}}) {
        const auto pullBack = pullRequestFromJson(overTheWire(toJson(pull)));
        QVERIFY2(pullBack.ok(), qPrintable(answer(pullBack)));
        QVERIFY(sameCursor(pullBack->cursor, pull.cursor));
        QCOMPARE(pullBack->limit, pull.limit);
    }

    PullResponse pulled;
    for (int i = 0; i < Limits::maxPullPage; ++i)
        pulled.changes.append(envelope(i));
    pulled.cursor = Cursor{QStringLiteral("epoch-7"), 4242};
    pulled.more = true;
    pulled.highestSeq = 17;
    pulled.epoch = QStringLiteral("epoch-7");
    const auto pulledBack = pullResponseFromJson(overTheWire(toJson(pulled)));
    QVERIFY2(pulledBack.ok(), qPrintable(answer(pulledBack)));
    QCOMPARE(pulledBack->changes.size(), pulled.changes.size());
    for (qsizetype i = 0; i < pulled.changes.size(); ++i)
        QVERIFY(sameEnvelope(pulledBack->changes.at(i), pulled.changes.at(i)));
    QVERIFY(sameCursor(pulledBack->cursor, pulled.cursor));
    QCOMPARE(pulledBack->more, pulled.more);
    QCOMPARE(pulledBack->highestSeq, pulled.highestSeq);
    QCOMPARE(pulledBack->epoch, pulled.epoch);
}

// The server sends each stored record's JSON text as it is (pullResponseText): the tablet reads
// the same records, cursor and counts as from a page encoded whole; an empty page too.
void TestProtocolMessages::aPullPageOfStoredRecordTextReadsAsTheRecords()
{
    for (const int count : {0, 1, 3}) {
        PullResponse page;
        page.cursor = Cursor{QStringLiteral("epoch-7"), 4242 + count};
        page.more = count == 3;
        page.highestSeq = 17;
        page.epoch = QStringLiteral("epoch-7");
        QList<domain::RecordEnvelope> stored;
        QList<QByteArray> storedText;
        for (int i = 0; i < count; ++i) {
            domain::RecordEnvelope record = envelope(i);
            if (i == 1) {
                record.supersedes = envelope(0).id;
                record.closes = {envelope(0).id};
                record.retracted = true;
            }
            stored.append(record);
            storedText.append(QJsonDocument(envelopeToJson(record)).toJson(QJsonDocument::Compact));
        }
        const auto body = parseBody(*gunzip(gzip(pullResponseText(page, storedText)), Limits::maxBodyBytes));
        QVERIFY2(body.ok(), qPrintable(answer(body)));
        const auto read = pullResponseFromJson(*body);
        QVERIFY2(read.ok(), qPrintable(answer(read)));
        QCOMPARE(read->changes.size(), count);
        for (int i = 0; i < count; ++i)
            QVERIFY(sameEnvelope(read->changes.at(i), stored.at(i)));
        QVERIFY(sameCursor(read->cursor, page.cursor));
        QCOMPARE(read->more, page.more);
        QCOMPARE(read->highestSeq, page.highestSeq);
        QCOMPARE(read->epoch, page.epoch);
    }
}

// The server stores a pushed record in its canonical text (recordText, what envelopeToJson
// writes), whatever form it came in: another member, or an optional one written out as null or
// false, is read and stored as the same text.
void TestProtocolMessages::aPushedRecordIsStoredInItsCanonicalText()
{
    domain::RecordEnvelope corrected = envelope(2);
    corrected.supersedes = envelope(1).id;
    corrected.closes = {envelope(1).id};
    corrected.retracted = true;
    const auto storedText = [](const QJsonObject &received) {
        const auto read = envelopeFromJson(received);
        return read ? recordText(*read) : QByteArray("not read: ") + read.error().message.toUtf8();
    };
    for (const domain::RecordEnvelope &record : {envelope(1), corrected}) {
        const QJsonObject canonical = envelopeToJson(record);
        const QByteArray expected = QJsonDocument(canonical).toJson(QJsonDocument::Compact);
        QCOMPARE(storedText(canonical), expected);
        QJsonObject extra = canonical;
        extra.insert(QStringLiteral("note"), QStringLiteral("not part of a record"));
        QCOMPARE(storedText(extra), expected);
        QJsonObject nullDate = canonical;
        nullDate.remove(QStringLiteral("date"));
        nullDate.insert(QStringLiteral("date"), QJsonValue::Null);
        domain::RecordEnvelope undated = record;
        undated.date.clear();
        QCOMPARE(storedText(nullDate), QJsonDocument(envelopeToJson(undated)).toJson(QJsonDocument::Compact));
        if (!record.retracted) {
            QJsonObject notRetracted = canonical;
            notRetracted.insert(QStringLiteral("retracted"), false);
            QCOMPARE(storedText(notRetracted), expected);
        }
    }
}

// A tablet writes its push request as text record by record (recordText, pushRequestText): byte
// for byte the text the request's JSON object gives, so the server reads the same records and
// stores them as they came. Text fields with every character JSON escapes, and non-ASCII.
void TestProtocolMessages::aPushWrittenAsTextIsThePushRequest()
{
    QString awkward = QStringLiteral("quote \" backslash \\ slash / ñandú 日本 😀 \u2028 \x7f");
    for (char16_t c = 0; c < 0x20; ++c)
        awkward += QChar(c);
    domain::RecordEnvelope escaped = envelope(2);
    escaped.author = awkward;
    escaped.kind = QStringLiteral("note\t\"x\"");
    escaped.payload.insert(QStringLiteral("text"), awkward);
    escaped.payload.insert(QStringLiteral("nested"),
                           QJsonObject{{QStringLiteral("z"), 1.5}, {QStringLiteral("a"), true}});
    escaped.writtenAt = awkward;
    domain::RecordEnvelope withdrawal = envelope(3);
    withdrawal.date.clear();
    withdrawal.supersedes = envelope(2).id;
    withdrawal.retracted = true;
    withdrawal.closes = {envelope(0).id, envelope(1).id};
    withdrawal.payload = QJsonObject();
    domain::RecordEnvelope correction = envelope(4);
    correction.supersedes = envelope(1).id;

    PushRequest request{kDevice, {}};
    QList<PushChangeText> texts;
    std::int64_t seq = 40;
    for (const domain::RecordEnvelope &record : {envelope(1), escaped, withdrawal, correction}) {
        const QByteArray text = recordText(record);
        QCOMPARE(text, QJsonDocument(envelopeToJson(record)).toJson(QJsonDocument::Compact));
        // Around a payload already written (the registry's stored text), the record is the same.
        domain::RecordEnvelope withoutPayload = record;
        withoutPayload.payload = {};
        QCOMPARE(recordText(withoutPayload, QJsonDocument(record.payload).toJson(QJsonDocument::Compact)), text);
        seq += 3;
        request.changes.append({seq, record});
        texts.append({seq, text});
    }
    const QStringList listed{kDevice, awkward, QString(), envelope(1).id};
    QCOMPARE(textArray(listed), QJsonDocument(QJsonArray::fromStringList(listed)).toJson(QJsonDocument::Compact));
    QCOMPARE(textArray({}), QByteArray("[]"));
    const QByteArray body = pushRequestText(kDevice, texts);
    QCOMPARE(body, QJsonDocument(toJson(request)).toJson(QJsonDocument::Compact));
    const auto read = pushRequestFromJson(*parseBody(*gunzip(gzip(body), Limits::maxBodyBytes)));
    QVERIFY2(read.ok(), qPrintable(answer(read)));
    QCOMPARE(read->device, kDevice);
    QCOMPARE(read->changes.size(), request.changes.size());
    for (qsizetype i = 0; i < read->changes.size(); ++i) {
        QCOMPARE(read->changes.at(i).seq, request.changes.at(i).seq);
        QVERIFY(sameEnvelope(read->changes.at(i).record, request.changes.at(i).record));
    }
    QCOMPARE(pushRequestText(kDevice, {}),
             QJsonDocument(toJson(PushRequest{kDevice, {}})).toJson(QJsonDocument::Compact));
}

void TestProtocolMessages::envelopeOptionalFieldsRoundTrip()
{
    domain::RecordEnvelope withdrawal = envelope(3);
    withdrawal.date.clear();
    withdrawal.supersedes = envelope(2).id;
    withdrawal.retracted = true;
    withdrawal.closes = {envelope(1).id, envelope(0).id};
    withdrawal.payload = QJsonObject();
    for (const domain::RecordEnvelope &record : {envelope(1), withdrawal}) {
        const QJsonObject wire = overTheWire(envelopeToJson(record));
        const auto back = envelopeFromJson(wire);
        QVERIFY2(back.ok(), qPrintable(answer(back)));
        QVERIFY(sameEnvelope(*back, record));
    }
    // Optional members are written only when set; the holder's seq never travels.
    const QJsonObject plain = envelopeToJson(envelope(1));
    for (const char *member : {"supersedes", "retracted", "closes", "seq"})
        QVERIFY2(!plain.contains(QLatin1String(member)), member);
}

void TestProtocolMessages::gzipRoundTrip()
{
    for (const QByteArray &data :
         {QByteArray(), QByteArray("{}"), QByteArray(3 * 1024 * 1024, 'a'), QByteArray("\x00\xff\x1f\x8b", 4)}) {
        const QByteArray zipped = gzip(data);
        QVERIFY(zipped.startsWith("\x1f\x8b"));  // a gzip member any HTTP tool reads
        const auto back = gunzip(zipped, Limits::maxBodyBytes);
        QVERIFY2(back.ok(), qPrintable(answer(back)));
        QCOMPARE(*back, data);
    }
    // Pseudo-random bytes (seeded) do not compress, and still come back.
    QByteArray noise(100'000, '\0');
    std::uint32_t state = 12345;
    for (char &c : noise) {
        state = state * 1'664'525u + 1'013'904'223u;
        c = static_cast<char>(state >> 24);
    }
    QCOMPARE(*gunzip(gzip(noise), Limits::maxBodyBytes), noise);
}

void TestProtocolMessages::gzipRefusesBadInput()
{
    const QByteArray zipped = gzip(QByteArray("{\"version\":1}"));
    QByteArray badMagic = zipped;
    badMagic[0] = 'x';
    QByteArray badChecksum = zipped;
    badChecksum[badChecksum.size() - 6] = static_cast<char>(badChecksum.at(badChecksum.size() - 6) ^ 0x40);
    QByteArray badLength = zipped;
    badLength[badLength.size() - 1] = static_cast<char>(badLength.at(badLength.size() - 1) ^ 0x01);
    const QList<std::pair<const char *, QByteArray>> cases{{"empty", QByteArray()},
                                                           {"plain JSON", QByteArray("{\"version\":1}")},
                                                           {"bad magic", badMagic},
                                                           {"bad checksum", badChecksum},
                                                           {"bad length", badLength}};
    for (const auto &[name, data] : cases) {
        const auto result = gunzip(data, Limits::maxBodyBytes);
        QVERIFY2(!result.ok(), name);
        QCOMPARE(result.error().field, QStringLiteral("body"));
    }
}

void TestProtocolMessages::gzipRefusesABomb()
{
    // 9 MB of zeros is a few kilobytes compressed: refused once it passes the limit.
    const QByteArray bomb = gzip(QByteArray(Limits::maxBodyBytes + 1024 * 1024, '\0'));
    QVERIFY(bomb.size() < Limits::maxCompressedBytes / 100);
    const auto result = gunzip(bomb, Limits::maxBodyBytes);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().line(), QStringLiteral("body: is larger than %1 bytes").arg(Limits::maxBodyBytes));
    // The server answers 413 from the code, not from the wording.
    QVERIFY(result.error().code == ErrorCode::TooLarge);
    // Exactly at the limit is fine.
    QVERIFY(gunzip(gzip(QByteArray(1000, 'z')), 1000).ok());
}

// A body cut anywhere is refused: as gzip, and as the JSON inside.
void TestProtocolMessages::everyTruncationIsRefused()
{
    PushRequest push{kDevice, {{1, envelope(1)}, {2, envelope(2)}}};
    const QByteArray body = QJsonDocument(toJson(push)).toJson(QJsonDocument::Compact);
    const QByteArray zipped = gzip(body);
    for (qsizetype cut = 0; cut < zipped.size(); ++cut) {
        const auto result = gunzip(zipped.left(cut), Limits::maxBodyBytes);
        QVERIFY2(!result.ok(), qPrintable(QStringLiteral("gzip cut at %1 of %2").arg(cut).arg(zipped.size())));
        QCOMPARE(result.error().field, QStringLiteral("body"));
    }
    for (qsizetype cut = 0; cut < body.size(); ++cut) {
        const auto result = parseBody(body.left(cut));
        QVERIFY2(!result.ok(), qPrintable(QStringLiteral("JSON cut at %1").arg(cut)));
        QCOMPARE(result.error().line(), QStringLiteral("body: is not a JSON object"));
    }
    QVERIFY(parseBody(body).ok());
    QCOMPARE(parseBody("[1,2]").error().line(), QStringLiteral("body: is not a JSON object"));
}

void TestProtocolMessages::malformedBodies_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");

    const QByteArray key = kEscrowKey.toLatin1();
    QTest::newRow("enroll: device not a UUID")
        << "enroll request" << QByteArray(R"({"code":"C","device":"tablet-1","escrow_key":")" + key + "\"}")
        << "device: must be a UUID";
    QTest::newRow("enroll: short escrow key")
        << "enroll request"
        << QByteArray(R"({"code":"C","device":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","escrow_key":"AAAA"})")
        << "escrow_key: must be 32 bytes in base64";
    QTest::newRow("enroll: escrow key not base64")
        << "enroll request"
        << QByteArray(R"({"code":"C","device":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","escrow_key":"!!not base64!!"})")
        << "escrow_key: must be 32 bytes in base64";
    QTest::newRow("enroll: code missing") << "enroll request" << QByteArray("{}") << "code: is required (text)";
    QTest::newRow("enrolled: credential missing")
        << "enroll response" << QByteArray(R"({"device":"d","clinic":"c","epoch":"e"})")
        << "credential: is required (text)";
    QTest::newRow("sign-in: PIN as a number")
        << "sign-in request" << QByteArray(R"({"name":"Ana","pin":4821})") << "pin: is required (text)";
    QTest::newRow("signed in: no user") << "sign-in response" << QByteArray(R"({"escrow_key":"k"})")
                                        << "user.id: is required (text)";
    QTest::newRow("signed in: role missing")
        << "sign-in response" << QByteArray(R"({"user":{"id":"u","name":"Ana"},"escrow_key":"k"})")
        << "user.role: is required (text)";

    QTest::newRow("push: no version") << "push request" << QByteArray(R"({"device":"d","changes":[]})")
                                      << "version: this server speaks protocol version 1";
    QTest::newRow("push: another version") << "push request" << QByteArray(R"({"version":2,"device":"d","changes":[]})")
                                           << "version: this server speaks protocol version 1";
    QTest::newRow("push: changes not a list")
        << "push request" << QByteArray(R"({"version":1,"device":"d","changes":{}})") << "changes: must be a list";
    QTest::newRow("push: more changes than a batch")
        << "push request"
        << QByteArray(R"({"version":1,"device":"d","changes":)") + listOf(Limits::maxPushBatch + 1, "{}") + "}"
        << QStringLiteral("changes: has more than %1 entries").arg(Limits::maxPushBatch);
    QTest::newRow("push: change not an object")
        << "push request" << QByteArray(R"({"version":1,"device":"d","changes":[7]})")
        << "changes[0].seq: must be a whole number of at least 1";
    QTest::newRow("push: seq as text") << "push request"
                                       << QByteArray(R"({"version":1,"device":"d","changes":[{"seq":"1"}]})")
                                       << "changes[0].seq: must be a whole number of at least 1";
    QTest::newRow("push: seq zero") << "push request"
                                    << QByteArray(R"({"version":1,"device":"d","changes":[{"seq":0}]})")
                                    << "changes[0].seq: must be a whole number of at least 1";
    QTest::newRow("push: seq a fraction")
        << "push request" << QByteArray(R"({"version":1,"device":"d","changes":[{"seq":1.5}]})")
        << "changes[0].seq: must be a whole number of at least 1";
    QTest::newRow("push: seq beyond 64 bits")
        << "push request" << QByteArray(R"({"version":1,"device":"d","changes":[{"seq":1e300}]})")
        << "changes[0].seq: must be a whole number of at least 1";
    QTest::newRow("push: seq not increasing")
        << "push request" << QJsonDocument(toJson(PushRequest{kDevice, {{2, envelope(1)}, {2, envelope(2)}}})).toJson()
        << "changes[1].seq: must increase within a batch";
    QTest::newRow("push: a valid change") << "push request" << pushWithRecord("") << "ok";
    QTest::newRow("push: record missing")
        << "push request" << QByteArray(R"({"version":1,"device":"d","changes":[{"seq":1}]})")
        << "changes[0].record: a record must be an object";
    QTest::newRow("record: id not a UUID")
        << "push request" << pushWithRecord("").replace("00000000-0000-4000-8000-000000000001", "r-1")
        << "changes[0].record.id: must be a UUID";
    QTest::newRow("record: bad clock stamp")
        << "push request" << pushWithRecord("").replace("0001700000000000-000000-d", "yesterday")
        << "changes[0].record.hlc: is not a clock stamp";
    QTest::newRow("record: payload as text")
        << "push request" << pushWithRecord("").replace(R"("payload":{})", R"("payload":"{}")")
        << "changes[0].record.payload: must be an object";
    QTest::newRow("record: date as number")
        << "push request" << pushWithRecord(R"(,"date":20260314)") << "changes[0].record.date: must be text";
    QTest::newRow("record: retracted as text") << "push request" << pushWithRecord(R"(,"retracted":"yes")")
                                               << "changes[0].record.retracted: must be true or false";
    QTest::newRow("record: closes too many") << "push request" << pushWithRecord(R"(,"closes":)" + listOf(65, "\"x\""))
                                             << "changes[0].record.closes: must be a list of at most 64 record ids";
    QTest::newRow("record: closes of numbers") << "push request" << pushWithRecord(R"(,"closes":[1])")
                                               << "changes[0].record.closes: must list record ids as text";
    QTest::newRow("record: author missing")
        << "record" << QByteArray(R"({"id":"x","patient_id":"p","kind":"peg"})") << "author: is required (text)";

    QTest::newRow("pushed: no highest seq")
        << "push response" << QByteArray(R"({"applied":1})") << "highest_seq: must be a whole number of at least 0";
    QTest::newRow("pushed: highest seq beyond 64 bits") << "push response" << QByteArray(R"({"highest_seq":1e19})")
                                                        << "highest_seq: must be a whole number of at least 0";
    QTest::newRow("pushed: negative highest seq") << "push response" << QByteArray(R"({"highest_seq":-1})")
                                                  << "highest_seq: must be a whole number of at least 0";

    QTest::newRow("pull: limit zero") << "pull request" << QByteArray(R"({"version":1,"limit":0})")
                                      << "limit: must be a whole number of at least 1";
    QTest::newRow("pull: limit over a page")
        << "pull request" << QByteArray(R"({"version":1,"limit":)") + QByteArray::number(Limits::maxPullPage + 1) + "}"
        << QStringLiteral("limit: must be at most %1").arg(Limits::maxPullPage);
    QTest::newRow("pull: limit beyond 64 bits") << "pull request" << QByteArray(R"({"version":1,"limit":1e300})")
                                                << "limit: must be a whole number of at least 1";
    QTest::newRow("pull: cursor as number")
        << "pull request" << QByteArray(R"({"version":1,"cursor":5})") << "cursor: must be text";
    QTest::newRow("pull: cursor not issued") << "pull request" << QByteArray(R"({"version":1,"cursor":"page 2"})")
                                             << "cursor: is not a cursor this server issued";
    QTest::newRow("pull: from the start") << "pull request" << QByteArray(R"({"version":1})") << "ok";

    QTest::newRow("pulled: changes missing")
        << "pull response" << QByteArray(R"({"cursor":"","highest_seq":0})") << "changes: must be a list";
    QTest::newRow("pulled: more changes than a page")
        << "pull response"
        << QByteArray(R"({"cursor":"","highest_seq":0,"changes":)") + listOf(Limits::maxPullPage + 1, "{}") + "}"
        << QStringLiteral("changes: has more than %1 entries").arg(Limits::maxPullPage);
    QTest::newRow("pulled: a change that is not a record")
        << "pull response" << QByteArray(R"({"cursor":"","highest_seq":0,"changes":[[]]})")
        << "changes[0]: a record must be an object";
    QTest::newRow("pulled: a record without kind")
        << "pull response" << QByteArray(R"({"cursor":"","highest_seq":0,"changes":[{"id":"x","patient_id":"p"}]})")
        << "changes[0].kind: is required (text)";
    QTest::newRow("pulled: cursor not issued")
        << "pull response" << QByteArray(R"({"cursor":"e:x","highest_seq":0,"changes":[]})")
        << "cursor: is not a cursor this server issued";
    QTest::newRow("pulled: cursor as number")
        << "pull response" << QByteArray(R"({"cursor":7,"highest_seq":0,"changes":[]})") << "cursor: must be text";
    QTest::newRow("pulled: cursor missing")
        << "pull response" << QByteArray(R"({"highest_seq":0,"changes":[]})") << "cursor: must be text";
    QTest::newRow("pulled: highest seq as text")
        << "pull response" << QByteArray(R"({"cursor":"","highest_seq":"3","changes":[]})")
        << "highest_seq: must be a whole number of at least 0";
}

void TestProtocolMessages::malformedBodies()
{
    QFETCH(QString, message);
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    QJsonParseError parse{};
    const QJsonObject object = QJsonDocument::fromJson(body, &parse).object();
    QVERIFY2(parse.error == QJsonParseError::NoError, qPrintable(parse.errorString() + QLatin1Char(' ') + body));
    QVERIFY(decoders().contains(message));
    QCOMPARE(decoders().value(message)(object), error);
}

void TestProtocolMessages::cursorText_data()
{
    QTest::addColumn<QString>("epoch");
    QTest::addColumn<qlonglong>("position");
    QTest::addColumn<QString>("text");
    QTest::newRow("the start") << QString() << 0LL << QString();
    QTest::newRow("a position") << "epoch-7" << 42LL << "epoch-7:42";
    QTest::newRow("position zero of a feed") << "epoch-7" << 0LL << "epoch-7:0";
    QTest::newRow("an epoch with a colon") << "2026-03-14T10:00" << 9LL << "2026-03-14T10:00:9";
    QTest::newRow("the largest position") << "e" << 9'223'372'036'854'775'807LL << "e:9223372036854775807";
}

void TestProtocolMessages::cursorText()
{
    QFETCH(QString, epoch);
    QFETCH(qlonglong, position);
    QFETCH(QString, text);
    const Cursor cursor{epoch, position};
    QCOMPARE(cursor.toString(), text);
    const auto parsed = Cursor::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(answer(parsed)));
    QVERIFY(sameCursor(*parsed, cursor));
    QCOMPARE(parsed->isStart(), text.isEmpty());
}

void TestProtocolMessages::badCursors_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("no position") << "epoch-7";
    QTest::newRow("no epoch") << ":42";
    QTest::newRow("empty position") << "epoch-7:";
    QTest::newRow("negative position") << "epoch-7:-1";
    QTest::newRow("position not a number") << "epoch-7:4x";
    QTest::newRow("position beyond 64 bits") << "e:9223372036854775808";
}

void TestProtocolMessages::badCursors()
{
    QFETCH(QString, text);
    const auto parsed = Cursor::parse(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().line(), QStringLiteral("cursor: is not a cursor this server issued"));
}

void TestProtocolMessages::errorsTravel()
{
    const Error error{QStringLiteral("changes[3].record.hlc"), QStringLiteral("is not a clock stamp")};
    const Error back = errorFromJson(overTheWire(errorToJson(error)), QStringLiteral("HTTP 400"));
    QCOMPARE(back.line(), error.line());
    // A body that is not an error object (a proxy's page) gives the caller's own words.
    QCOMPARE(errorFromJson(QJsonObject(), QStringLiteral("HTTP 502")).line(), QStringLiteral("HTTP 502"));
    QCOMPARE(errorFromJson(json(R"({"error":"boom"})"), QStringLiteral("HTTP 500")).line(), QStringLiteral("HTTP 500"));
}

QTEST_GUILESS_MAIN(TestProtocolMessages)
#include "test_protocol_messages.moc"

// Every envelope is checked before it is stored or accepted from the wire; errors name the field.

#include "core/domain/envelope_validation.h"

#include <QJsonObject>
#include <QTest>
#include <QUuid>

using namespace cairn;
using namespace cairn::domain;

namespace {
RecordEnvelope valid()
{
    RecordEnvelope e;
    e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.patientId = QStringLiteral("p-1");
    e.kind = QStringLiteral("peg");
    e.author = QStringLiteral("u-1");
    e.device = QStringLiteral("d-1");
    e.stamp = HlcStamp{1000, 0, QStringLiteral("d-1")};
    e.payload = QJsonObject{{QStringLiteral("date"), QStringLiteral("2026-03-02")},
                            {QStringLiteral("pain"), 6},
                            {QStringLiteral("enjoyment"), 5},
                            {QStringLiteral("activity"), 7}};
    return e;
}
}  // namespace

class TestEnvelopeValidation : public QObject {
    Q_OBJECT
private slots:
    void validEnvelopePasses() { QVERIFY(validateEnvelope(valid()).ok()); }

    void payloadIsValidatedWithTheDomainRules()
    {
        RecordEnvelope e = valid();
        e.payload.insert(QStringLiteral("pain"), 11);
        Status s = validateEnvelope(e);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().field, QStringLiteral("payload.pain"));

        e = valid();
        e.payload.insert(QStringLiteral("date"), QStringLiteral("2026-02-30"));
        s = validateEnvelope(e);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().field, QStringLiteral("payload.date"));

        e = valid();
        e.kind = QStringLiteral("patient");
        e.payload = QJsonObject{{QStringLiteral("name"), QStringLiteral("A")},
                                {QStringLiteral("language"), QStringLiteral("fr")}};
        s = validateEnvelope(e);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().field, QStringLiteral("payload.language"));
    }

    // What a tablet syncs, and the server checks with the same code: demographics with the
    // prescriber-of-record date pass, a bad one is named, and those stored before it still pass.
    void demographicsWithOrWithoutThePrescriberOfRecordDate()
    {
        RecordEnvelope e = valid();
        e.kind = QStringLiteral("patient");
        e.payload = QJsonObject{{QStringLiteral("name"), QStringLiteral("A")}};
        QVERIFY(validateEnvelope(e).ok());
        e.payload.insert(QStringLiteral("opioid_prescriber_since"), QStringLiteral("2026-11-20"));
        QVERIFY(validateEnvelope(e).ok());
        e.payload.insert(QStringLiteral("opioid_prescriber_since"), QStringLiteral("2026-11-31"));
        const Status s = validateEnvelope(e);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().field, QStringLiteral("payload.opioid_prescriber_since"));
    }

    void eachBadFieldIsNamed_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("id") << QStringLiteral("id");
        QTest::newRow("patient_id") << QStringLiteral("patient_id");
        QTest::newRow("kind") << QStringLiteral("kind");
        QTest::newRow("author") << QStringLiteral("author");
        QTest::newRow("device") << QStringLiteral("device");
        QTest::newRow("hlc") << QStringLiteral("hlc");
        QTest::newRow("supersedes") << QStringLiteral("supersedes");
        QTest::newRow("retracted") << QStringLiteral("retracted");
    }

    void eachBadFieldIsNamed()
    {
        QFETCH(QString, field);
        RecordEnvelope e = valid();
        if (field == QLatin1String("id"))
            e.id = QStringLiteral("not-a-uuid");
        else if (field == QLatin1String("patient_id"))
            e.patientId.clear();
        else if (field == QLatin1String("kind"))
            e.kind = QStringLiteral("horoscope");
        else if (field == QLatin1String("author"))
            e.author.clear();
        else if (field == QLatin1String("device"))
            e.device.clear();
        else if (field == QLatin1String("hlc"))
            e.stamp = {};
        else if (field == QLatin1String("supersedes"))
            e.supersedes = e.id;
        else if (field == QLatin1String("retracted"))
            e.retracted = true;
        const Status s = validateEnvelope(e);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().field, field);
    }
};

QTEST_GUILESS_MAIN(TestEnvelopeValidation)
#include "test_envelope_validation.moc"

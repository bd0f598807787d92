// The synthetic clinic is deterministic, plausible, and passes the same validation as real input.

#include "core/clinical/mme.h"
#include "core/clinical/record_checks.h"
#include "core/domain/patient_json.h"
#include "core/domain/validation.h"
#include "core/synthetic/synthetic_clinic.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace cairn;

namespace {
QByteArray digest(const QList<domain::Patient> &patients)
{
    QJsonArray all;
    for (const auto &p : patients)
        all.append(domain::patientToJson(p, true));
    return QCryptographicHash::hash(QJsonDocument(all).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
        .toHex();
}
}  // namespace

class TestSynthetic : public QObject {
    Q_OBJECT
private slots:
    void sameSeedSameClinicOtherSeedOtherClinic()
    {
        synthetic::Options a;
        a.patients = 300;
        a.seed = 42;
        synthetic::Options b = a;
        b.seed = 43;
        QCOMPARE(digest(synthetic::generateClinic(a)), digest(synthetic::generateClinic(a)));
        QVERIFY(digest(synthetic::generateClinic(a)) != digest(synthetic::generateClinic(b)));
        QCOMPARE(synthetic::generateClinic(a).first().meta.id, synthetic::generateClinic(a).first().meta.id);
    }

    void everyPatientIsValidAndNothingIsDatedAfterTodayButBookings()
    {
        synthetic::Options options;
        options.patients = 2000;
        options.seed = 7;
        const auto clinic = synthetic::generateClinic(options);
        int scheduledAhead = 0;
        for (const auto &p : clinic) {
            QVERIFY2(domain::validate(p).ok(),
                     qPrintable(domain::validate(p).ok() ? QString() : domain::validate(p).error().line()));
            QVERIFY2(clinical::checkPatient(p).ok(), qPrintable(p.clinicId));
            QVERIFY(p.clinicId.startsWith(QLatin1String("SYN-")));
            for (const auto &v : p.visits) {
                if (v.status == domain::VisitStatus::Scheduled) {
                    QVERIFY(v.date >= options.asOf);
                    ++scheduledAhead;
                } else {
                    QVERIFY(v.date <= options.asOf);
                }
            }
            for (const auto &peg : p.peg)
                QVERIFY(peg.date <= options.asOf);
            for (const auto &u : p.uds)
                QVERIFY(u.date <= options.asOf);
        }
        QVERIFY(scheduledAhead > 300);
    }

    void distributionsAreRoughlyThoseOfARuralRegistry()
    {
        synthetic::Options options;
        options.patients = 2000;
        options.seed = 3;
        const auto clinic = synthetic::generateClinic(options);
        auto tables = clinical::MmeTables::shipped();
        QVERIFY(tables.ok());
        const auto *table = (*tables)->find(QStringLiteral("cdc-2022"));
        int below50 = 0, from50 = 0, atLeast90 = 0, benzo = 0, unexpected = 0, screens = 0;
        for (const auto &p : clinic) {
            auto mme = clinical::computeMme(p.opioids, options.asOf, *table);
            QVERIFY(mme.ok());
            if (mme->totalPerDay >= 90)
                ++atLeast90;
            else if (mme->totalPerDay >= 50)
                ++from50;
            else
                ++below50;
            benzo += p.benzodiazepines.isEmpty() ? 0 : 1;
            for (const auto &u : p.uds) {
                ++screens;
                unexpected += u.result == domain::UdsResult::Unexpected ? 1 : 0;
            }
        }
        QVERIFY2(below50 > 900 && below50 < 1400, qPrintable(QString::number(below50)));
        QVERIFY2(from50 > 350 && from50 < 900, qPrintable(QString::number(from50)));
        QVERIFY2(atLeast90 > 150 && atLeast90 < 500, qPrintable(QString::number(atLeast90)));
        QVERIFY(benzo > 120 && benzo < 300);
        QVERIFY(unexpected * 100 > screens * 4 && unexpected * 100 < screens * 13);
    }
};

QTEST_GUILESS_MAIN(TestSynthetic)
#include "test_synthetic.moc"

// cairnctl as scripts and operators use it: a real process, a real encrypted file, no prompts.

#include "core/registry/registry.h"
#include "core/registry/registry_internals.h"
#include "core/storage/database.h"
#include "platform/keystore.h"
#include "tests/support/cairnctl_process.h"
#include "tests/support/temp_registry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace cairn;

class TestCairnctl : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    using Run = testing::CairnctlRun;

    Run cairnctl(const QStringList &args, const QByteArray &input = {}, const QString &pin = QStringLiteral("246810"),
                 const QStringList &extraEnv = {})
    {
        return testing::runCairnctl(m_db, m_dir.filePath(QStringLiteral("keystore")), pin, args, extraEnv, input);
    }

    QJsonObject stats()
    {
        const Run run = cairnctl({QStringLiteral("stats")});
        return QJsonDocument::fromJson(run.out).object();
    }

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("clinic.db"));
        const Run init = cairnctl({QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Alex Admin")});
        QCOMPARE(init.exitCode, 0);
        QVERIFY(QFile::exists(m_db));
    }

    void initRefusesAnExistingRegistry()
    {
        const QByteArray before = cairn::testing::fileBytes(m_db);
        const Run again = cairnctl({QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Someone")});
        QVERIFY(again.exitCode != 0);
        QCOMPARE(again.errorLines().size(), 1);
        QCOMPARE(cairn::testing::fileBytes(m_db), before);
    }

    void usersAreAddedWithTheirOwnPins()
    {
        Run add = cairnctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--name"),
                            QStringLiteral("Casey Clinician"), QStringLiteral("--role"), QStringLiteral("clinician")},
                           {}, QStringLiteral("246810"), {QStringLiteral("CAIRN_NEW_PIN=1357")});
        QCOMPARE(add.exitCode, 0);
        const Run list = cairnctl({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonArray users = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(users.size(), 2);
        QCOMPARE(users.at(0).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("administrator"));

        const Run asClinician =
            cairnctl({QStringLiteral("--user"), QStringLiteral("Casey Clinician"), QStringLiteral("stats")}, {},
                     QStringLiteral("1357"));
        QCOMPARE(asClinician.exitCode, 0);
        QVERIFY(asClinician.out.contains("\"patients\""));
        const Run clinicianWithAdminPin =
            cairnctl({QStringLiteral("--user"), QStringLiteral("Casey Clinician"), QStringLiteral("stats")});
        QCOMPARE(clinicianWithAdminPin.exitCode, 1);

        Run badRole = cairnctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--name"),
                                QStringLiteral("X"), QStringLiteral("--role"), QStringLiteral("janitor")},
                               {}, QStringLiteral("246810"), {QStringLiteral("CAIRN_NEW_PIN=1111")});
        QCOMPARE(badRole.exitCode, 2);
        QCOMPARE(badRole.errorLines().size(), 1);
        QVERIFY(badRole.errorLines().first().contains("--role"));
    }

    void seedImportExportRoundTrip()
    {
        const Run seed = cairnctl({QStringLiteral("seed"), QStringLiteral("--patients"), QStringLiteral("40"),
                                   QStringLiteral("--years"), QStringLiteral("2"), QStringLiteral("--seed"),
                                   QStringLiteral("5"), QStringLiteral("--as-of"), QStringLiteral("2026-11-23")});
        QCOMPARE(seed.exitCode, 0);
        QCOMPARE(stats().value(QStringLiteral("patients")).toInt(), 40);

        const Run exported = cairnctl({QStringLiteral("export"), QStringLiteral("--json")});
        QCOMPARE(exported.exitCode, 0);
        const QJsonArray patients = QJsonDocument::fromJson(exported.out).array();
        QCOMPARE(patients.size(), 40);

        // Import the export into a second registry: every record arrives.
        const QString first = m_db;
        m_db = m_dir.filePath(QStringLiteral("second.db"));
        QCOMPARE(cairnctl({QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Alex Admin")}).exitCode,
                 0);
        QFile file(m_dir.filePath(QStringLiteral("export.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(exported.out);
        file.close();
        const Run imported = cairnctl({QStringLiteral("import"), QStringLiteral("--json"), file.fileName()});
        QCOMPARE(imported.exitCode, 0);
        const QJsonObject second = stats();
        m_db = first;
        QCOMPARE(second.value(QStringLiteral("patients")).toInt(), 40);
        QCOMPARE(second.value(QStringLiteral("records")).toInt(), stats().value(QStringLiteral("records")).toInt());
    }

    void worklistsHuddleAndMeasuresReadTheRegistry()
    {
        const Run measures =
            cairnctl({QStringLiteral("measures"), QStringLiteral("--month"), QStringLiteral("2026-10")});
        QCOMPARE(measures.exitCode, 0);
        const QJsonObject m = QJsonDocument::fromJson(measures.out).object();
        QVERIFY(m.value(QStringLiteral("cot_patients")).toInt() > 20);
        // The contract's nine, conversation scripts used, early refill requests, refill rules overridden,
        // PDMP twice in a year, a current care-plan goal and acute to long-term this month
        // (docs/clinic-policy.md).
        QCOMPARE(m.value(QStringLiteral("measures")).toArray().size(), 15);
        for (const QJsonValue &measure : m.value(QStringLiteral("measures")).toArray())
            QCOMPARE(measure[QStringLiteral("patients")].toArray().size(),
                     measure[QStringLiteral("numerator")].toInt());

        const Run gaps = cairnctl({QStringLiteral("gaps"), QStringLiteral("--as-of"), QStringLiteral("2026-11-23"),
                                   QStringLiteral("--code"), QStringLiteral("PDMP_CHECK")});
        QCOMPARE(gaps.exitCode, 0);
        for (const QJsonValue &row :
             QJsonDocument::fromJson(gaps.out).object().value(QStringLiteral("patients")).toArray()) {
            const QJsonArray rowGaps = row[QStringLiteral("gaps")].toArray();
            QVERIFY(std::any_of(rowGaps.begin(), rowGaps.end(), [](const QJsonValue &g) {
                return g[QStringLiteral("code")] == QStringLiteral("PDMP_CHECK");
            }));
        }
        const Run badMonth =
            cairnctl({QStringLiteral("measures"), QStringLiteral("--month"), QStringLiteral("2026-13")});
        QCOMPARE(badMonth.exitCode, 2);
        QVERIFY(badMonth.errorLines().first().contains("--month"));

        // The seed books visits in the 30 days after its as-of date: some day has a huddle.
        int booked = 0;
        for (int day = 1; day <= 30 && booked == 0; ++day) {
            const Run huddle = cairnctl({QStringLiteral("huddle"), QStringLiteral("--date"),
                                         QDate(2026, 11, 23).addDays(day).toString(Qt::ISODate)});
            QCOMPARE(huddle.exitCode, 0);
            booked =
                int(QJsonDocument::fromJson(huddle.out).object().value(QStringLiteral("patients")).toArray().size());
        }
        QVERIFY(booked > 0);
    }

    void clinicPolicyIsValidatedVersionedAndUsed()
    {
        auto udsGaps = [this]() {
            const Run run = cairnctl({QStringLiteral("gaps"), QStringLiteral("--as-of"), QStringLiteral("2026-11-23"),
                                      QStringLiteral("--code"), QStringLiteral("UDS")});
            const QJsonObject o = QJsonDocument::fromJson(run.out).object();
            return std::pair{o.value(QStringLiteral("policy_version")).toString(),
                             o.value(QStringLiteral("patients")).toArray().size()};
        };
        const auto [versionBefore, before] = udsGaps();
        QCOMPARE(versionBefore, QStringLiteral("default-1"));

        const Run bad =
            cairnctl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--json"), QStringLiteral("-")},
                     R"({"intervals_days": {"uds": {"high": -1}}})");
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.errorLines().first().contains("policy.intervals_days.uds.high"));
        QCOMPARE(udsGaps().first, QStringLiteral("default-1"));  // nothing half-applied

        // Urine tests every 30 days for every tier: more patients fall due.
        const Run set =
            cairnctl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--json"), QStringLiteral("-")},
                     R"({"intervals_days": {"uds": {"low": 30, "moderate": 30, "high": 30}}})");
        QCOMPARE(set.exitCode, 0);
        QVERIFY(set.out.contains("clinic-1"));
        const auto [versionAfter, after] = udsGaps();
        QCOMPARE(versionAfter, QStringLiteral("clinic-1"));
        QVERIFY(after > before);
        const Run shown = cairnctl({QStringLiteral("policy"), QStringLiteral("show")});
        QCOMPARE(QJsonDocument::fromJson(shown.out)
                     .object()[QStringLiteral("intervals_days")][QStringLiteral("uds")][QStringLiteral("low")]
                     .toInt(),
                 30);

        // Only administrators change it.
        const Run clinician =
            cairnctl({QStringLiteral("--user"), QStringLiteral("Casey Clinician"), QStringLiteral("policy"),
                      QStringLiteral("set"), QStringLiteral("--json"), QStringLiteral("-")},
                     R"({"due_soon_days": 7})", QStringLiteral("1357"));
        QCOMPARE(clinician.exitCode, 1);
        QVERIFY(clinician.errorLines().first().contains("role"));
        // Put the default intervals back for the tests that follow.
        QCOMPARE(
            cairnctl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--json"), QStringLiteral("-")},
                     R"({"intervals_days": {"uds": {"low": 365, "moderate": 180, "high": 90}}})")
                .exitCode,
            0);
    }

    // The patient agreement text: every saved version stays readable, so the text a signature names
    // can be shown again; both languages are required; only administrators change it.
    void agreementTextVersionsStayReadable()
    {
        const QStringList set{QStringLiteral("agreement-text"), QStringLiteral("set"), QStringLiteral("--json"),
                              QStringLiteral("-")};
        const Run none = cairnctl({QStringLiteral("agreement-text"), QStringLiteral("history")});
        QCOMPARE(none.exitCode, 0);
        QVERIFY2(none.out.contains("the shipped text is in force"), none.out.constData());

        const Run noSpanish = cairnctl(set, R"({"title": {"en": "Our agreement", "es": ""},
            "sections": {"en": ["We keep appointments."], "es": ["Cumplimos las citas."]}})");
        QCOMPARE(noSpanish.exitCode, 2);
        QVERIFY2(noSpanish.errorLines().first().contains("title.es"), noSpanish.err.constData());

        const Run first = cairnctl(set, R"({"title": {"en": "Our agreement", "es": "Nuestro acuerdo"},
            "sections": {"en": ["We keep appointments."], "es": ["Cumplimos las citas."]}})");
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.contains("clinic-agreement-1"), first.out.constData());
        const Run second = cairnctl(set, R"({"title": {"en": "Our care agreement", "es": "Nuestro acuerdo de cuidado"},
            "sections": {"en": ["We keep appointments.", "One pharmacy."],
                         "es": ["Cumplimos las citas.", "Una farmacia."]}})");
        QCOMPARE(second.exitCode, 0);

        const Run history = cairnctl({QStringLiteral("agreement-text"), QStringLiteral("history")});
        QCOMPARE(history.exitCode, 0);
        const QList<QByteArray> lines = history.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).startsWith("clinic-agreement-1\t"));
        QVERIFY(lines.at(0).endsWith("\tOur agreement"));
        QVERIFY(lines.at(1).startsWith("clinic-agreement-2\t"));

        // The first version, as a patient who signed it read it; the newest is in force.
        const Run old = cairnctl({QStringLiteral("agreement-text"), QStringLiteral("show"), QStringLiteral("--version"),
                                  QStringLiteral("clinic-agreement-1")});
        QCOMPARE(old.exitCode, 0);
        const QJsonObject oldText = QJsonDocument::fromJson(old.out).object();
        QCOMPARE(oldText[QStringLiteral("sections")][QStringLiteral("en")].toArray().size(), 1);
        const Run current = cairnctl({QStringLiteral("agreement-text"), QStringLiteral("show")});
        QCOMPARE(QJsonDocument::fromJson(current.out).object()[QStringLiteral("version")].toString(),
                 QStringLiteral("clinic-agreement-2"));
        const Run unknown = cairnctl({QStringLiteral("agreement-text"), QStringLiteral("show"),
                                      QStringLiteral("--version"), QStringLiteral("clinic-agreement-9")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.errorLines().first().contains("--version"));

        const Run clinician = cairnctl(QStringList{QStringLiteral("--user"), QStringLiteral("Casey Clinician")} + set,
                                       R"({"title": {"en": "x", "es": "x"}, "sections": {"en": ["x"], "es": ["x"]}})",
                                       QStringLiteral("1357"));
        QCOMPARE(clinician.exitCode, 1);
        QCOMPARE(cairnctl({QStringLiteral("agreement-text"), QStringLiteral("history")}).out.trimmed().count('\n'), 1);
    }

    // uds_selection, new_patient and rule_strength through `policy set` and `policy show`.
    void randomUrineNewPatientAndFirmRulesArePolicy_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("mode") << QByteArray(R"({"uds_selection": {"mode": "sometimes"}})")
                              << QStringLiteral("policy.uds_selection.mode");
        QTest::newRow("seed") << QByteArray(R"({"uds_selection": {"seed": "1234"}})")
                              << QStringLiteral("policy.uds_selection.seed");
        QTest::newRow("new mode") << QByteArray(R"({"new_patient": {"mode": "never"}})")
                                  << QStringLiteral("policy.new_patient.mode");
        QTest::newRow("bridge 0") << QByteArray(R"({"new_patient": {"bridge_days": 0}})")
                                  << QStringLiteral("policy.new_patient.bridge_days");
        QTest::newRow("bridge absurd") << QByteArray(R"({"new_patient": {"bridge_days": 400}})")
                                       << QStringLiteral("policy.new_patient.bridge_days");
        QTest::newRow("strength") << QByteArray(R"({"rule_strength": {"notice": "firm"}})")
                                  << QStringLiteral("policy.rule_strength.notice");
        QTest::newRow("unknown rule") << QByteArray(R"({"rule_strength": {"weekend": "clinic_rule"}})")
                                      << QStringLiteral("policy.rule_strength.weekend");
    }

    void randomUrineNewPatientAndFirmRulesArePolicy()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const auto shown = [this] {
            return QJsonDocument::fromJson(cairnctl({QStringLiteral("policy"), QStringLiteral("show")}).out).object();
        };
        const QJsonObject before = shown();
        const Run bad = cairnctl(
            {QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--json"), QStringLiteral("-")}, json);
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.errorLines().first().contains(field.toUtf8() + ':'), bad.errorLines().first().constData());
        QCOMPARE(shown(), before);  // the policy in force is unchanged
        if (QByteArray(QTest::currentDataTag()) != "mode")
            return;  // the valid change once

        // Random urine testing with firm refill days and a bridge for new patients: shown without
        // the seed, and the UDS gap is no longer listed ahead.
        const Run set =
            cairnctl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--json"), QStringLiteral("-")},
                     R"({"uds_selection": {"mode": "random"}, "new_patient": {"mode": "bridge", "bridge_days": 14},
                         "rule_strength": {"no_fill_weekday": "clinic_rule"}})");
        QCOMPARE(set.exitCode, 0);
        const QJsonObject after = shown();
        QCOMPARE(after[QStringLiteral("uds_selection")][QStringLiteral("mode")].toString(), QStringLiteral("random"));
        QVERIFY(!after[QStringLiteral("uds_selection")].toObject().contains(QStringLiteral("seed")));
        QCOMPARE(after[QStringLiteral("new_patient")][QStringLiteral("mode")].toString(), QStringLiteral("bridge"));
        QCOMPARE(after[QStringLiteral("new_patient")][QStringLiteral("bridge_days")].toInt(), 14);
        QCOMPARE(after[QStringLiteral("rule_strength")][QStringLiteral("no_fill_weekday")].toString(),
                 QStringLiteral("clinic_rule"));
        QCOMPARE(after[QStringLiteral("rule_strength")][QStringLiteral("notice")].toString(), QStringLiteral("advice"));
        const Run uds = cairnctl({QStringLiteral("gaps"), QStringLiteral("--as-of"), QStringLiteral("2026-11-23"),
                                  QStringLiteral("--code"), QStringLiteral("UDS")});
        QCOMPARE(QJsonDocument::fromJson(uds.out).object().value(QStringLiteral("patients")).toArray().size(), 0);
        // Back to the defaults for the tests that follow.
        QCOMPARE(
            cairnctl(
                {QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--json"), QStringLiteral("-")},
                R"({"uds_selection": {"mode": "interval"}, "new_patient": {"mode": "records_first", "bridge_days": 30},
                         "rule_strength": {"no_fill_weekday": "advice"}})")
                .exitCode,
            0);
    }

    // Responsibilities are clinic policy through cairnctl: shown, set and used by the gap lists;
    // a role that could never close a gap, or an unknown role, is refused naming the key with the
    // version in force unchanged; a front-desk user is added like any other.
    void responsibilitiesAndTheFrontDeskThroughCairnctl()
    {
        const QStringList set{QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--json"),
                              QStringLiteral("-")};
        auto shown = [this]() {
            return QJsonDocument::fromJson(cairnctl({QStringLiteral("policy"), QStringLiteral("show")}).out).object();
        };
        QCOMPARE(shown()[QStringLiteral("responsibilities")][QStringLiteral("PDMP_CHECK")].toString(),
                 QStringLiteral("registry_manager"));
        const QString versionBefore = shown()[QStringLiteral("version")].toString();

        const Run frontDeskForADose = cairnctl(set, R"({"responsibilities": {"HIGH_DOSE": "front_desk"}})");
        QCOMPARE(frontDeskForADose.exitCode, 2);
        QVERIFY2(frontDeskForADose.errorLines().first().contains(
                     "policy.responsibilities.HIGH_DOSE: front_desk could never record opioid"),
                 frontDeskForADose.errorLines().first().constData());
        const Run janitor = cairnctl(set, R"({"responsibilities": {"PEG": "janitor"}})");
        QCOMPARE(janitor.exitCode, 2);
        QVERIFY(janitor.errorLines().first().contains("policy.responsibilities.PEG: \"janitor\" is not a role"));
        const Run unknownGap = cairnctl(set, R"({"responsibilities": {"COFFEE": "nurse"}})");
        QCOMPARE(unknownGap.exitCode, 2);
        QVERIFY(unknownGap.errorLines().first().contains("policy.responsibilities.COFFEE"));
        QCOMPARE(shown()[QStringLiteral("version")].toString(), versionBefore);  // nothing half-applied

        // The PDMP check moves to the medical assistant: every PDMP gap the registry lists says so.
        const Run moved = cairnctl(set, R"({"responsibilities": {"PDMP_CHECK": "medical_assistant"}})");
        QCOMPARE(moved.exitCode, 0);
        QCOMPARE(shown()[QStringLiteral("responsibilities")][QStringLiteral("PDMP_CHECK")].toString(),
                 QStringLiteral("medical_assistant"));
        const Run gaps = cairnctl({QStringLiteral("gaps"), QStringLiteral("--as-of"), QStringLiteral("2026-11-23"),
                                   QStringLiteral("--code"), QStringLiteral("PDMP_CHECK")});
        QCOMPARE(gaps.exitCode, 0);
        int pdmpGaps = 0;
        for (const QJsonValue &patient : QJsonDocument::fromJson(gaps.out)[QStringLiteral("patients")].toArray())
            for (const QJsonValue &gap : patient[QStringLiteral("gaps")].toArray())
                if (gap[QStringLiteral("code")].toString() == QLatin1String("PDMP_CHECK")) {
                    QCOMPARE(gap[QStringLiteral("role")].toString(), QStringLiteral("medical_assistant"));
                    ++pdmpGaps;
                }
        QVERIFY(pdmpGaps > 0);
        QCOMPARE(cairnctl(set, R"({"responsibilities": {"PDMP_CHECK": "registry_manager"}})").exitCode, 0);

        const Run add =
            cairnctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--name"),
                      QStringLiteral("Frankie Front Desk"), QStringLiteral("--role"), QStringLiteral("front_desk")},
                     {}, QStringLiteral("246810"), {QStringLiteral("CAIRN_NEW_PIN=2580")});
        QCOMPARE(add.exitCode, 0);
        const QJsonArray users =
            QJsonDocument::fromJson(
                cairnctl({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--json")}).out)
                .array();
        QVERIFY(std::any_of(users.begin(), users.end(), [](const QJsonValue &u) {
            return u[QStringLiteral("role")].toString() == QLatin1String("front_desk");
        }));
        // The front desk reads the measures like everyone.
        const Run measures =
            cairnctl({QStringLiteral("--user"), QStringLiteral("Frankie Front Desk"), QStringLiteral("measures"),
                      QStringLiteral("--month"), QStringLiteral("2026-10")},
                     {}, QStringLiteral("2580"));
        QVERIFY2(measures.exitCode == 0, measures.err.constData());
    }

    void clinicScriptCopiesAreVersionedAndTheBuiltInStays()
    {
        const QString builtInPath =
            qEnvironmentVariable("CAIRN_ASSETS_DIR") + QStringLiteral("/scripts/en/tapering.json");
        const QByteArray builtIn = cairn::testing::fileBytes(builtInPath);
        QJsonObject script = QJsonDocument::fromJson(builtIn).object();
        QJsonArray steps = script[QStringLiteral("steps")].toArray();
        QJsonObject opening = steps[1].toObject();
        opening[QStringLiteral("phrasings")] =
            QJsonArray{QStringLiteral("Could we take a few minutes today for your pain plan?"),
                       QStringLiteral("May I talk with you about how your medicine is working?")};
        steps[1] = opening;
        script[QStringLiteral("steps")] = steps;
        const QByteArray edited = QJsonDocument(script).toJson();

        const QStringList adapt{QStringLiteral("scripts"), QStringLiteral("adapt"), QStringLiteral("--json"),
                                QStringLiteral("-")};
        const Run first = cairnctl(adapt, edited);
        QCOMPARE(first.exitCode, 0);
        QVERIFY(first.out.contains("version 2"));  // the built-in is version 1
        const Run second = cairnctl(adapt, edited);
        QVERIFY(second.out.contains("version 3"));

        // Every version is kept, with author and date; a new process (a restart) still has them.
        const Run history =
            cairnctl({QStringLiteral("scripts"), QStringLiteral("history"), QStringLiteral("tapering")});
        QCOMPARE(history.exitCode, 0);
        QCOMPARE(history.out.count('\n'), 2);
        QVERIFY(history.out.contains("Alex Admin"));
        const Run clinic = cairnctl({QStringLiteral("scripts"), QStringLiteral("clinic")});
        QVERIFY(clinic.out.contains("tapering"));
        QVERIFY(clinic.out.contains("adapted from the built-in v1"));
        // The shipped original is untouched.
        QCOMPARE(cairn::testing::fileBytes(builtInPath), builtIn);

        // Clinic copies pass the same validation as shipped scripts.
        const QByteArray stigmatizing = QByteArray(edited).replace("Could we take a few minutes",
                                                                   "Could we, as with any addict, take a few minutes");
        const Run refused = cairnctl(adapt, stigmatizing);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.errorLines().first().contains("script.steps[1].phrasings[0]"),
                 refused.errorLines().first().constData());

        // `scripts show` gives the clinic's copy, as the tablets do.
        const Run shown = cairnctl({QStringLiteral("scripts"), QStringLiteral("show"), QStringLiteral("tapering")});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY(shown.out.contains("Could we take a few minutes today for your pain plan?"));
    }

    // `scripts list` offers only the new-patient script that fits the clinic's switch.
    void scriptListFollowsTheNewPatientSwitch()
    {
        const QStringList list{QStringLiteral("scripts"), QStringLiteral("list")};
        const Run recordsFirst = cairnctl(list);
        QCOMPARE(recordsFirst.exitCode, 0);
        QVERIFY(recordsFirst.out.contains("new-patient-on-opioids"));
        QVERIFY(!recordsFirst.out.contains("new-patient-bridge"));

        const QStringList set{QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--json"),
                              QStringLiteral("-")};
        QCOMPARE(cairnctl(set, R"({"new_patient": {"mode": "bridge"}})").exitCode, 0);
        const Run bridge = cairnctl(list + QStringList{QStringLiteral("--lang"), QStringLiteral("es")});
        QCOMPARE(bridge.exitCode, 0);
        QVERIFY(bridge.out.contains("new-patient-bridge"));
        QVERIFY(!bridge.out.contains("new-patient-on-opioids"));
        QCOMPARE(cairnctl(set, R"({"new_patient": {"mode": "records_first"}})").exitCode, 0);
    }

    void seededNamesNeverReachTheDisk()
    {
        const Run exported = cairnctl({QStringLiteral("export"), QStringLiteral("--json")});
        const QString name =
            QJsonDocument::fromJson(exported.out).array().first().toObject().value(QStringLiteral("name")).toString();
        QVERIFY(!name.isEmpty());
        QStringList files = cairn::testing::databaseFiles(m_db);
        files << m_db + QStringLiteral(".keys");
        for (const QString &file : std::as_const(files)) {
            const QByteArray bytes = cairn::testing::fileBytes(file);
            QVERIFY2(!bytes.contains(name.toUtf8()), qPrintable(file));
            QVERIFY2(!bytes.contains("SQLite format 3"), qPrintable(file));
        }
    }

    void badImportIsRejectedWholeWithOneLine_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("field");
        QTest::newRow("malformed") << QByteArray("[{\"name\": ") << QByteArray("json");
        QTest::newRow("pain out of range") << QByteArray(R"([{"clinic_id":"A1","name":"Ok Person","sex":"male"},
                              {"clinic_id":"A2","name":"Bad Person","sex":"male","peg":[{"date":"2026-01-01","pain":14,"enjoyment":1,"activity":1}]}])")
                                           << QByteArray("[1].peg[0].pain");
        QTest::newRow("impossible date")
            << QByteArray(R"([{"clinic_id":"A3","name":"Date Person","sex":"female","birth_date":"1970-02-30"}])")
            << QByteArray("[0].birth_date");
        QTest::newRow("unknown drug")
            << QByteArray(
                   R"([{"clinic_id":"A4","name":"Drug Person","sex":"female","opioids":[{"drug":"oxycodon","strength_mg":5,"doses_per_day":2,"start":"2026-01-01"}]}])")
            << QByteArray("opioids[0].drug");
    }

    void badImportIsRejectedWholeWithOneLine()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, field);
        const QJsonObject before = stats();
        const Run run = cairnctl({QStringLiteral("import"), QStringLiteral("--json"), QStringLiteral("-")}, json);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.errorLines().size(), 1);
        QVERIFY2(run.errorLines().first().contains(field), run.errorLines().first().constData());
        QVERIFY(run.out.isEmpty());
        const QJsonObject after = stats();
        QCOMPARE(after.value(QStringLiteral("records")), before.value(QStringLiteral("records")));
        QCOMPARE(after.value(QStringLiteral("patients")), before.value(QStringLiteral("patients")));
    }

    void wrongPinFailsAndLeavesTheRegistryUnchanged()
    {
        const QByteArray before = cairn::testing::fileBytes(m_db);
        const Run wrong = cairnctl({QStringLiteral("stats")}, {}, QStringLiteral("999999"));
        QCOMPARE(wrong.exitCode, 1);
        QCOMPARE(wrong.errorLines().size(), 1);
        QVERIFY(wrong.errorLines().first().contains("Wrong PIN"));
        QVERIFY(wrong.out.isEmpty());
        QCOMPARE(cairn::testing::fileBytes(m_db), before);
        QCOMPARE(cairnctl({QStringLiteral("stats")}).exitCode, 0);  // the right PIN clears the count
    }

    void auditVerifyDetectsTampering()
    {
        QCOMPARE(cairnctl({QStringLiteral("audit"), QStringLiteral("verify")}).exitCode, 0);
        {
            platform::FileKeystore keystore(m_dir.filePath(QStringLiteral("keystore")));
            registry::SystemClock clock;
            auto registry = registry::Registry::unlock(m_db, keystore, QStringLiteral("Alex Admin"),
                                                       QStringLiteral("246810"), clock);
            QVERIFY(registry.ok());
            QVERIFY(registry::RegistryInternals::database(**registry)
                        .exec("DROP TRIGGER audit_is_append_only_delete; DELETE FROM audit WHERE seq = 3")
                        .ok());
        }
        const Run verify = cairnctl({QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(verify.exitCode, 1);
        QVERIFY(verify.err.contains("TAMPERED"));
    }

    void unknownCommandsAndOptionsAreClear()
    {
        const Run unknown = cairnctl({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("unknown command"));
        const Run help = cairnctl({QStringLiteral("help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *command : {"init", "user", "seed", "import", "export", "stats", "audit", "evaluate",
                                    "refill-check", "gaps", "huddle", "measures"})
            QVERIFY2(help.out.contains(command), command);
    }

    // scripts, action-plan, conflicts and quarantine take their actions as every command made of
    // several does (cli_registry.h actionsOf): a wrong call gets one line naming the command and
    // listing its actions, or naming the argument, exits 2 and prints nothing on stdout.
    void wrongCallsNameTheArgument_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("error");
        const auto words = [](const char *line) { return QString::fromLatin1(line).split(QLatin1Char(' ')); };
        const QByteArray scriptsActions = "say list, show ID, validate DIR, adapt --json FILE, clinic or history ID";
        QTest::newRow("scripts: no action") << words("scripts") << "cairnctl: scripts: " + scriptsActions;
        QTest::newRow("scripts: unknown action")
            << words("scripts frob") << "cairnctl: scripts: unknown action \"frob\": " + scriptsActions;
        QTest::newRow("scripts show: no id")
            << words("scripts show --lang es") << QByteArray("cairnctl: script id: is required");
        QTest::newRow("scripts show: two ids")
            << words("scripts show tapering extra") << QByteArray("cairnctl: extra: unexpected argument");
        QTest::newRow("scripts show: unknown id")
            << words("scripts show nosuch") << QByteArray("cairnctl: id: no script \"nosuch\" in \"en\"");
        QTest::newRow("scripts list: unknown language")
            << words("scripts list --lang fr") << QByteArray("cairnctl: --lang: no scripts in \"fr\" (have: en, es)");
        QTest::newRow("scripts list: no language")
            << words("scripts list --lang") << QByteArray("cairnctl: --lang: needs a value");
        QTest::newRow("scripts validate: no directory")
            << words("scripts validate") << QByteArray("cairnctl: directory: is required");
        QTest::newRow("scripts adapt: no file")
            << words("scripts adapt")
            << QByteArray("cairnctl: --json: name a readable file of a script (- for standard input)");
        QTest::newRow("scripts history: no id")
            << words("scripts history") << QByteArray("cairnctl: script id: is required");

        const QByteArray planActions = "say add --item ID --action TEXT --owner-user U|--owner-role R --due DATE, "
                                       "update ID [...] [--status open|done|dropped], list [--json] or history ID";
        QTest::newRow("action-plan: no action") << words("action-plan") << "cairnctl: action-plan: " + planActions;
        QTest::newRow("action-plan: unknown action")
            << words("action-plan --help") << "cairnctl: action-plan: unknown action \"--help\": " + planActions;
        QTest::newRow("action-plan update: no id")
            << words("action-plan update --status done") << QByteArray("cairnctl: action-plan item id: is required");
        QTest::newRow("action-plan update: user and role")
            << words("action-plan update 1 --owner-user Alex --owner-role clinician")
            << QByteArray("cairnctl: --owner-user: name a user or a role, not both");
        QTest::newRow("action-plan history: an option for the id")
            << words("action-plan history --json") << QByteArray("cairnctl: action-plan item id: is required");
        QTest::newRow("action-plan history: two ids")
            << words("action-plan history 1 2") << QByteArray("cairnctl: 2: unexpected argument");
        QTest::newRow("action-plan history: unknown id")
            << words("action-plan history 1") << QByteArray("cairnctl: id: no action-plan item has this id");
        QTest::newRow("action-plan list: extra")
            << words("action-plan list extra") << QByteArray("cairnctl: extra: unexpected argument");

        QTest::newRow("conflicts: unknown action")
            << words("conflicts extra")
            << QByteArray("cairnctl: conflicts: unknown action \"extra\": say list [--all] or review ID");
        QTest::newRow("conflicts: help")
            << words("conflicts --help")
            << QByteArray("cairnctl: conflicts: unknown action \"--help\": say list [--all] or review ID");
        QTest::newRow("conflicts review: no id")
            << words("conflicts review") << QByteArray("cairnctl: conflict id: is required");
        QTest::newRow("conflicts review: not a number")
            << words("conflicts review x") << QByteArray("cairnctl: conflict id: must be a number");
        QTest::newRow("conflicts review: two ids")
            << words("conflicts review 1 2") << QByteArray("cairnctl: 2: unexpected argument");
        QTest::newRow("conflicts review: no such conflict")
            << words("conflicts review 1") << QByteArray("cairnctl: conflict: no open conflict with id 1");

        const QByteArray quarantineActions = "say list [--all] or withdraw ID [--reason TEXT]";
        QTest::newRow("quarantine: unknown action")
            << words("quarantine frob") << "cairnctl: quarantine: unknown action \"frob\": " + quarantineActions;
        QTest::newRow("quarantine list: extra")
            << words("quarantine list extra") << QByteArray("cairnctl: extra: unexpected argument");
        QTest::newRow("quarantine withdraw: no id")
            << words("quarantine withdraw --reason unreadable") << QByteArray("cairnctl: quarantine id: is required");
        QTest::newRow("quarantine withdraw: not a number")
            << words("quarantine withdraw x") << QByteArray("cairnctl: quarantine id: must be a number");
        QTest::newRow("quarantine withdraw: no reason")
            << words("quarantine withdraw 1 --reason") << QByteArray("cairnctl: --reason: needs a value");
        QTest::newRow("quarantine withdraw: nothing set aside")
            << words("quarantine withdraw 1") << QByteArray("cairnctl: id: no record set aside with id 1");
    }

    void wrongCallsNameTheArgument()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, error);
        const Run run = cairnctl(args);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.errorLines(), QList<QByteArray>{error});
        QVERIFY2(run.out.isEmpty(), run.out.constData());
    }

    // A wrong id is the input's fault whatever the PIN: said before the registry is unlocked, so it
    // costs no PIN try.
    void aWrongIdIsSaidBeforeThePinIsTried()
    {
        for (const char *command : {"conflicts review x", "quarantine withdraw x"}) {
            const Run run =
                cairnctl(QString::fromLatin1(command).split(QLatin1Char(' ')), {}, QStringLiteral("999999"));
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.error().endsWith("id: must be a number"), run.error().constData());
        }
        const Run stats = cairnctl({QStringLiteral("stats")});
        QCOMPARE(stats.exitCode, 0);
    }

    // Listing is what conflicts and quarantine do without an action word, with or without --all;
    // "list" may also be said.
    void conflictsAndQuarantineListByDefault()
    {
        for (const char *command : {"conflicts", "conflicts --all", "conflicts list", "conflicts list --all",
                                    "quarantine", "quarantine --all", "quarantine list", "quarantine list --all"}) {
            const Run run = cairnctl(QString::fromLatin1(command).split(QLatin1Char(' ')));
            QVERIFY2(run.exitCode == 0, command);
            QVERIFY2(QJsonDocument::fromJson(run.out).isArray(), command);
        }
    }
};

QTEST_GUILESS_MAIN(TestCairnctl)
#include "test_cairnctl.moc"

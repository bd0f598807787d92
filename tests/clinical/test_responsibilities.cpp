// The clinic's responsibilities (policy `responsibilities`): the defaults are the roles the rules
// contract names, an override moves a gap to another role in every gap list and in who may record
// what closes it, and bad values are refused naming the key with the policy unchanged. Also the
// refill rules as a script says them (script_values.h), in both languages.

#include "core/clinical/mme.h"
#include "core/clinical/population_views.h"
#include "core/clinical/responsibilities.h"
#include "core/clinical/rules.h"
#include "core/clinical/script_values.h"

#include <QJsonArray>
#include <QTest>

using namespace cairn;
using namespace cairn::clinical;

namespace {

ClinicPolicy shipped()
{
    auto policy = ClinicPolicy::defaults();
    if (!policy)
        qFatal("the shipped policy does not load: %s", qPrintable(policy.error().line()));
    return *policy;
}

QJsonObject responsibilities(const QString &code, const QString &role)
{
    return {{QStringLiteral("responsibilities"), QJsonObject{{code, role}}}};
}

// A patient on 60 MME of oxycodone since January with nothing else on record: every routine check
// is missing on 2026-11-23.
domain::Patient patientWithNothingOnRecord()
{
    domain::Patient p;
    p.id = QStringLiteral("p1");
    p.clinicId = QStringLiteral("SYN-1");
    p.name = QStringLiteral("Test Patient");
    p.sex = domain::Sex::Female;
    p.birthDate = QDate(1970, 1, 1);
    domain::OpioidEntry oxycodone;
    oxycodone.drug = QStringLiteral("oxycodone");
    oxycodone.strengthMg = 10;
    oxycodone.dosesPerDay = 4;
    oxycodone.start = QDate(2026, 1, 5);
    p.opioids.append(oxycodone);
    domain::Visit visit;
    visit.date = QDate(2026, 11, 23);
    visit.status = domain::VisitStatus::Scheduled;
    p.visits.append(visit);
    return p;
}

// The error of a failed result, for a failure message (a successful one has none to read).
template <typename T> QString why(const Result<T> &result)
{
    return result ? QString() : result.error().line();
}

QString roleOfGap(const Evaluation &evaluation, const QString &code)
{
    for (const CareGap &gap : evaluation.gaps)
        if (gap.code == code)
            return gap.role;
    return QStringLiteral("(no such gap)");
}

}  // namespace

class TestResponsibilities : public QObject {
    Q_OBJECT

private slots:
    void theDefaultsAreTheContractsRoles_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("role");
        QTest::newRow("pdmp") << "PDMP_CHECK"
                              << "registry_manager";
        QTest::newRow("visit") << "VISIT"
                               << "registry_manager";
        QTest::newRow("peg") << "PEG"
                             << "nurse";
        QTest::newRow("uds") << "UDS"
                             << "medical_assistant";
        QTest::newRow("agreement") << "AGREEMENT"
                                   << "medical_assistant";
        QTest::newRow("depression") << "DEPRESSION_SCREEN"
                                    << "medical_assistant";
        QTest::newRow("phq9 follow-up") << "PHQ9_FOLLOWUP"
                                        << "medical_assistant";
        QTest::newRow("naloxone") << "NALOXONE"
                                  << "clinician";
        QTest::newRow("high dose") << "HIGH_DOSE"
                                   << "clinician";
        QTest::newRow("benzodiazepine") << "BENZODIAZEPINE"
                                        << "clinician";
        QTest::newRow("suicide risk") << "SUICIDE_RISK"
                                      << "clinician";
        QTest::newRow("unexpected uds") << "UDS_UNEXPECTED"
                                        << "clinician";
        QTest::newRow("risk assessment") << "RISK_ASSESSMENT"
                                         << "clinician";
    }
    void theDefaultsAreTheContractsRoles()
    {
        QFETCH(QString, code);
        QFETCH(QString, role);
        QCOMPARE(shipped().responsibleRole(code), role);
        QVERIFY(careGapCodes().contains(code));
        QVERIFY(!kindsClosingGap(code).isEmpty());
    }

    void anOverrideMovesTheGapInEvaluationsAndTheHuddle()
    {
        auto table = MmeTables::shipped();
        auto instruments = Instruments::shipped();
        QVERIFY(table.ok() && instruments.ok());
        const ClinicPolicy before = shipped();
        auto after =
            before.withOverrides(responsibilities(QStringLiteral("PDMP_CHECK"), QStringLiteral("medical_assistant")));
        QVERIFY2(after.ok(), qPrintable(why(after)));
        const domain::Patient patient = patientWithNothingOnRecord();
        const QDate day(2026, 11, 23);
        const MmeTable &mme = *(*table)->find((*table)->defaultId());
        auto byDefault = evaluate(patient, day, {before, mme, **instruments, {}});
        auto byClinic = evaluate(patient, day, {*after, mme, **instruments, {}});
        QVERIFY(byDefault.ok() && byClinic.ok());
        QCOMPARE(roleOfGap(*byDefault, QStringLiteral("PDMP_CHECK")), QStringLiteral("registry_manager"));
        QCOMPARE(roleOfGap(*byClinic, QStringLiteral("PDMP_CHECK")), QStringLiteral("medical_assistant"));
        QCOMPARE(roleOfGap(*byClinic, QStringLiteral("UDS")), QStringLiteral("medical_assistant"));  // others stay

        // The huddle: the PDMP chip moves from the registry manager's list to rooming.
        auto chips = [&](const ClinicPolicy &policy) {
            auto huddle = huddleList({patient}, day, {policy, mme, **instruments, {}});
            if (!huddle || huddle->size() != 1)
                qFatal("the patient is not on the huddle");
            auto codes = [](const QList<CareGap> &gaps) {
                QStringList list;
                for (const CareGap &g : gaps)
                    list << g.code;
                return list;
            };
            return std::pair{codes(huddle->first().rooming), codes(huddle->first().registryManager)};
        };
        QVERIFY(chips(before).second.contains(QStringLiteral("PDMP_CHECK")));
        QVERIFY(!chips(before).first.contains(QStringLiteral("PDMP_CHECK")));
        QVERIFY(chips(*after).first.contains(QStringLiteral("PDMP_CHECK")));
        QVERIFY(!chips(*after).second.contains(QStringLiteral("PDMP_CHECK")));
    }

    void badResponsibilitiesAreRefusedNamingTheKey_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("says");
        QTest::newRow("unknown role") << "PDMP_CHECK"
                                      << "janitor"
                                      << "responsibilities.PDMP_CHECK"
                                      << "is not a role";
        QTest::newRow("empty role") << "PEG"
                                    << ""
                                    << "responsibilities.PEG"
                                    << "is not a role";
        QTest::newRow("unknown gap") << "COFFEE"
                                     << "nurse"
                                     << "responsibilities.COFFEE"
                                     << "not a clinic policy setting";
        QTest::newRow("front desk, clinical decision") << "HIGH_DOSE"
                                                       << "front_desk"
                                                       << "responsibilities.HIGH_DOSE"
                                                       << "front_desk could never record opioid";
        QTest::newRow("front desk, rooming record") << "PDMP_CHECK"
                                                    << "front_desk"
                                                    << "responsibilities.PDMP_CHECK"
                                                    << "could never record pdmp_check";
        QTest::newRow("nurse, naloxone") << "NALOXONE"
                                         << "nurse"
                                         << "responsibilities.NALOXONE"
                                         << "a clinical decision";
        QTest::newRow("administrator, visit") << "VISIT"
                                              << "administrator"
                                              << "responsibilities.VISIT"
                                              << "administrator could never record visit";
    }
    void badResponsibilitiesAreRefusedNamingTheKey()
    {
        QFETCH(QString, code);
        QFETCH(QString, role);
        QFETCH(QString, field);
        QFETCH(QString, says);
        const ClinicPolicy inForce = shipped();
        const QJsonObject before = inForce.toJson();
        auto changed = inForce.withOverrides(responsibilities(code, role));
        QVERIFY(!changed.ok());
        QCOMPARE(changed.error().field, field);
        QVERIFY2(changed.error().message.contains(says), qPrintable(changed.error().message));
        QCOMPARE(inForce.toJson(), before);  // the policy in force is untouched
        // The same object read directly (a stored policy, the server) is refused the same way,
        // except the unknown gap, which fromJson names with its own words.
        QJsonObject direct = before;
        QJsonObject map = direct.value(QStringLiteral("responsibilities")).toObject();
        map.insert(code, role);
        direct.insert(QStringLiteral("responsibilities"), map);
        auto read = ClinicPolicy::fromJson(direct);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().field, field);
    }

    void aRoleMayBeGivenOnlyWorkItCouldDo()
    {
        // Every default and every accepted change round-trips through the policy JSON.
        auto moved = shipped().withOverrides(
            QJsonObject{{QStringLiteral("responsibilities"),
                         QJsonObject{{QStringLiteral("VISIT"), QStringLiteral("front_desk")},
                                     {QStringLiteral("PEG"), QStringLiteral("registry_manager")},
                                     {QStringLiteral("AGREEMENT"), QStringLiteral("nurse")}}}});
        QVERIFY2(moved.ok(), qPrintable(why(moved)));
        auto again = ClinicPolicy::fromJson(moved->toJson());
        QVERIFY(again.ok());
        QCOMPARE(again->responsibleRole(QStringLiteral("VISIT")), QStringLiteral("front_desk"));
        QCOMPARE(again->responsibleRole(QStringLiteral("PEG")), QStringLiteral("registry_manager"));
        QCOMPARE(again->responsibleRole(QStringLiteral("AGREEMENT")), QStringLiteral("nurse"));

        // A policy stored before responsibilities existed keeps the shipped ones.
        QJsonObject old = shipped().toJson();
        old.remove(QStringLiteral("responsibilities"));
        auto legacy = ClinicPolicy::fromJson(old);
        QVERIFY(legacy.ok());
        QCOMPARE(legacy->responsibilities, shipped().responsibilities);
    }

    // mayRecord: the role's permission, or a gap it owns that the kind closes.
    void whoMayRecordFollowsTheResponsibilities_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("byDefault");
        QTest::addColumn<bool>("pegToRegistryManager");
        // The registry manager owns the PDMP check by default, so may record one (issue 14) ...
        QTest::newRow("registry manager, pdmp") << "registry_manager"
                                                << "pdmp_check" << true << true;
        // ... but no other rooming record unless the clinic gives it the gap.
        QTest::newRow("registry manager, peg") << "registry_manager"
                                               << "peg" << false << true;
        QTest::newRow("registry manager, uds") << "registry_manager"
                                               << "uds" << false << false;
        QTest::newRow("registry manager, visit") << "registry_manager"
                                                 << "visit" << true << true;
        QTest::newRow("registry manager, opioid") << "registry_manager"
                                                  << "opioid" << false << false;
        QTest::newRow("front desk, visit") << "front_desk"
                                           << "visit" << true << true;
        QTest::newRow("front desk, refill request") << "front_desk"
                                                    << "refill_request" << true << true;
        QTest::newRow("front desk, patient") << "front_desk"
                                             << "patient" << true << true;
        QTest::newRow("front desk, pdmp") << "front_desk"
                                          << "pdmp_check" << false << false;
        QTest::newRow("front desk, peg") << "front_desk"
                                         << "peg" << false << false;
        QTest::newRow("front desk, screening") << "front_desk"
                                               << "screening" << false << false;
        QTest::newRow("front desk, opioid") << "front_desk"
                                            << "opioid" << false << false;
        QTest::newRow("medical assistant, peg") << "medical_assistant"
                                                << "peg" << true << true;
        QTest::newRow("medical assistant, naloxone") << "medical_assistant"
                                                     << "naloxone" << false << false;
        QTest::newRow("clinician, naloxone") << "clinician"
                                             << "naloxone" << true << true;
        QTest::newRow("administrator, pdmp") << "administrator"
                                             << "pdmp_check" << false << false;
        QTest::newRow("administrator, patient") << "administrator"
                                                << "patient" << true << true;
        QTest::newRow("unknown kind") << "clinician"
                                      << "coffee" << false << false;
    }
    void whoMayRecordFollowsTheResponsibilities()
    {
        QFETCH(QString, role);
        QFETCH(QString, kind);
        QFETCH(bool, byDefault);
        QFETCH(bool, pegToRegistryManager);
        keys::Role parsed{};
        QVERIFY(keys::parse(role, &parsed));
        QCOMPARE(mayRecord(parsed, kind, shipped()), byDefault);
        auto changed =
            shipped().withOverrides(responsibilities(QStringLiteral("PEG"), QStringLiteral("registry_manager")));
        QVERIFY(changed.ok());
        QCOMPARE(mayRecord(parsed, kind, *changed), pegToRegistryManager);
    }

    // The refill rules as a script says them, in both languages, from the policy in force.
    void scriptTextsFollowThePolicy_data()
    {
        QTest::addColumn<QJsonObject>("overrides");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("placeholder");
        QTest::addColumn<QString>("text");
        const QJsonObject none;
        QJsonObject changed{
            {QStringLiteral("refill"),
             QJsonObject{{QStringLiteral("no_fill_weekdays"),
                          QJsonArray{QStringLiteral("tuesday"), QStringLiteral("saturday"), QStringLiteral("sunday")}},
                         {QStringLiteral("max_days_supply"), 14},
                         {QStringLiteral("notice_business_days"), 1},
                         {QStringLiteral("early_allowance_days"), 3},
                         {QStringLiteral("lost_or_stolen_needs_police_report"), false}}}};
        QJsonObject anyDay{{QStringLiteral("refill"), QJsonObject{{QStringLiteral("no_fill_weekdays"), QJsonArray{}}}}};
        QTest::newRow("en notice") << none << "en"
                                   << "refill.notice_business_days"
                                   << "4 business days";
        QTest::newRow("es notice") << none << "es"
                                   << "refill.notice_business_days"
                                   << "4 días hábiles";
        QTest::newRow("en one day's notice") << changed << "en"
                                             << "refill.notice_business_days"
                                             << "1 business day";
        QTest::newRow("es one day's notice") << changed << "es"
                                             << "refill.notice_business_days"
                                             << "1 día hábil";
        QTest::newRow("en supply") << none << "en"
                                   << "refill.max_days_supply"
                                   << "28 days";
        QTest::newRow("es supply") << changed << "es"
                                   << "refill.max_days_supply"
                                   << "14 días";
        QTest::newRow("en early") << changed << "en"
                                  << "refill.early_allowance_days"
                                  << "3 days";
        QTest::newRow("en weekdays") << none << "en"
                                     << "refill.no_fill_weekdays"
                                     << "We do not fill prescriptions on these days: Monday and Friday.";
        QTest::newRow("es weekdays") << none << "es"
                                     << "refill.no_fill_weekdays"
                                     << "No surtimos recetas estos días: lunes y viernes.";
        QTest::newRow("en three weekdays")
            << changed << "en"
            << "refill.no_fill_weekdays"
            << "We do not fill prescriptions on these days: Tuesday, Saturday and Sunday.";
        QTest::newRow("es three weekdays") << changed << "es"
                                           << "refill.no_fill_weekdays"
                                           << "No surtimos recetas estos días: martes, sábado y domingo.";
        QTest::newRow("en any day") << anyDay << "en"
                                    << "refill.no_fill_weekdays"
                                    << "We fill prescriptions on any day the clinic is open.";
        QTest::newRow("es any day") << anyDay << "es"
                                    << "refill.no_fill_weekdays"
                                    << "Surtimos recetas cualquier día que la clínica esté abierta.";
        QTest::newRow("en police") << none << "en"
                                   << "refill.lost_or_stolen_needs_police_report"
                                   << "A lost or stolen prescription is replaced only with a police report.";
        QTest::newRow("es police") << none << "es"
                                   << "refill.lost_or_stolen_needs_police_report"
                                   << "Una receta perdida o robada solo se repone con un reporte policial.";
        QTest::newRow("en no police") << changed << "en"
                                      << "refill.lost_or_stolen_needs_police_report"
                                      << "A lost or stolen prescription is replaced only after your clinician reviews "
                                         "what happened.";
        QTest::newRow("es no police") << changed << "es"
                                      << "refill.lost_or_stolen_needs_police_report"
                                      << "Una receta perdida o robada solo se repone después de que su clínico revise "
                                         "lo que pasó.";
    }
    void scriptTextsFollowThePolicy()
    {
        QFETCH(QJsonObject, overrides);
        QFETCH(QString, language);
        QFETCH(QString, placeholder);
        QFETCH(QString, text);
        auto policy = shipped().withOverrides(overrides);
        QVERIFY2(policy.ok(), qPrintable(why(policy)));
        QCOMPARE(scriptPolicyTexts(*policy, language).value(placeholder), text);
    }
};

QTEST_GUILESS_MAIN(TestResponsibilities)
#include "test_responsibilities.moc"

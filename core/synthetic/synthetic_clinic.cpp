#include "core/synthetic/synthetic_clinic.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>
#include <QUuid>

#include <array>
#include <cmath>

namespace cairn::synthetic {
namespace {

// SplitMix64: tiny, fast and the same everywhere.
class Random {
public:
    explicit Random(std::uint64_t seed)
        : m_state(seed)
    {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform integer in [low, high].
    int between(int low, int high)
    {
        return low + static_cast<int>(next() % static_cast<std::uint64_t>(high - low + 1));
    }
    // True with probability percent/100.
    bool chance(int percent) { return between(1, 100) <= percent; }
    template <typename T> const T &pick(const QList<T> &items)
    {
        return items.at(between(0, static_cast<int>(items.size()) - 1));
    }

private:
    std::uint64_t m_state;
};

const QStringList kFirstNamesFemale{
    QStringLiteral("Mary"),    QStringLiteral("Linda"),   QStringLiteral("Patricia"), QStringLiteral("Susan"),
    QStringLiteral("Deborah"), QStringLiteral("Karen"),   QStringLiteral("Donna"),    QStringLiteral("Brenda"),
    QStringLiteral("Pamela"),  QStringLiteral("Sharon"),  QStringLiteral("María"),    QStringLiteral("Guadalupe"),
    QStringLiteral("Rosa"),    QStringLiteral("Carmen"),  QStringLiteral("Josefina"), QStringLiteral("Ashley"),
    QStringLiteral("Amanda"),  QStringLiteral("Crystal"), QStringLiteral("Tammy"),    QStringLiteral("Darlene")};
const QStringList kFirstNamesMale{
    QStringLiteral("James"),   QStringLiteral("Robert"), QStringLiteral("John"),      QStringLiteral("Michael"),
    QStringLiteral("William"), QStringLiteral("David"),  QStringLiteral("Richard"),   QStringLiteral("Gary"),
    QStringLiteral("Larry"),   QStringLiteral("Dale"),   QStringLiteral("José"),      QStringLiteral("Juan"),
    QStringLiteral("Luis"),    QStringLiteral("Jesús"),  QStringLiteral("Francisco"), QStringLiteral("Travis"),
    QStringLiteral("Dustin"),  QStringLiteral("Wayne"),  QStringLiteral("Curtis"),    QStringLiteral("Roy")};
const QStringList kLastNames{
    QStringLiteral("Anderson"), QStringLiteral("Baker"),     QStringLiteral("Carter"),   QStringLiteral("Dawson"),
    QStringLiteral("Ellis"),    QStringLiteral("Fletcher"),  QStringLiteral("Garrison"), QStringLiteral("Holloway"),
    QStringLiteral("Ingram"),   QStringLiteral("Jennings"),  QStringLiteral("Keller"),   QStringLiteral("Lawson"),
    QStringLiteral("McCoy"),    QStringLiteral("Nolan"),     QStringLiteral("Osborne"),  QStringLiteral("Pruitt"),
    QStringLiteral("Quinn"),    QStringLiteral("Rowland"),   QStringLiteral("Sutton"),   QStringLiteral("Tate"),
    QStringLiteral("García"),   QStringLiteral("Hernández"), QStringLiteral("López"),    QStringLiteral("Martínez"),
    QStringLiteral("Ramírez"),  QStringLiteral("Flores"),    QStringLiteral("Castillo"), QStringLiteral("Morales"),
    QStringLiteral("Ortega"),   QStringLiteral("Vargas")};
const QStringList kPrescribers{QStringLiteral("Dr. Avery Lindqvist"),  QStringLiteral("Dr. Jordan Okafor"),
                               QStringLiteral("Dr. Sam Whitcombe"),    QStringLiteral("Dr. Rosa Villanueva"),
                               QStringLiteral("Taylor Brennan, PA-C"), QStringLiteral("Morgan Aldana, NP"),
                               QStringLiteral("Dr. Elliot Stroud"),    QStringLiteral("Dr. Priya Castellanos")};
const QStringList kStaff{QStringLiteral("K. Ruiz, RN"), QStringLiteral("D. Pham, MA"), QStringLiteral("L. Becker, RN"),
                         QStringLiteral("J. Tran, PharmD")};
const QStringList kBenzodiazepines{QStringLiteral("alprazolam"), QStringLiteral("lorazepam"),
                                   QStringLiteral("clonazepam"), QStringLiteral("diazepam")};
const QStringList kGoals{QStringLiteral("Walk to the mailbox and back every day"),
                         QStringLiteral("Work in the garden for 20 minutes"),
                         QStringLiteral("Play with my grandchildren on the floor"),
                         QStringLiteral("Go back to church on Sundays"),
                         QStringLiteral("Drive to the store on my own"),
                         QStringLiteral("Sleep through the night most nights"),
                         QStringLiteral("Go fishing with my brother this spring"),
                         QStringLiteral("Cook dinner for my family twice a week")};
const QStringList kUnexpected{QStringLiteral("cannabinoids"), QStringLiteral("methamphetamine"),
                              QStringLiteral("oxycodone not detected"), QStringLiteral("benzodiazepine not prescribed"),
                              QStringLiteral("fentanyl")};

struct Regimen {
    QString drug;
    double strength;  // mg, or mcg/hr for fentanyl
    double units;
    double dosesPerDay;
};

// Regimens by the MME band they usually land in: below 50, 50–89, 90 and above.
const QList<Regimen> kLow{{QStringLiteral("hydrocodone"), 5, 1, 4}, {QStringLiteral("hydrocodone"), 10, 1, 3},
                          {QStringLiteral("oxycodone"), 5, 1, 4},   {QStringLiteral("tramadol"), 50, 1, 4},
                          {QStringLiteral("morphine"), 15, 1, 2},   {QStringLiteral("codeine"), 30, 1, 4},
                          {QStringLiteral("tapentadol"), 50, 1, 2}, {QStringLiteral("buprenorphine"), 10, 1, 1}};
const QList<Regimen> kMid{{QStringLiteral("oxycodone"), 10, 1, 4},    {QStringLiteral("morphine"), 30, 1, 2},
                          {QStringLiteral("hydromorphone"), 4, 1, 3}, {QStringLiteral("fentanyl"), 25, 1, 1},
                          {QStringLiteral("oxymorphone"), 10, 1, 2},  {QStringLiteral("hydrocodone"), 10, 1, 6}};
const QList<Regimen> kHigh{{QStringLiteral("oxycodone"), 20, 1, 3},
                           {QStringLiteral("morphine"), 60, 1, 2},
                           {QStringLiteral("methadone"), 10, 1, 3},
                           {QStringLiteral("fentanyl"), 50, 1, 1},
                           {QStringLiteral("hydromorphone"), 8, 1, 3}};

class Builder {
public:
    Builder(const Options &options)
        : m_options(options)
        , m_random(options.seed)
        , m_courses(options.seed ^ 0xA5A5A5A5A5A5A5A5ULL)
    {}

    domain::Patient patient(int index)
    {
        Random &r = m_random;
        domain::Patient p;
        stamp(p.meta, m_options.asOf.addYears(-m_options.years));
        p.id = p.meta.id.toString(QUuid::WithoutBraces);
        p.sex = r.chance(55) ? domain::Sex::Female : domain::Sex::Male;
        const QString first = r.pick(p.sex == domain::Sex::Female ? kFirstNamesFemale : kFirstNamesMale);
        p.name = first + QLatin1Char(' ') + r.pick(kLastNames);
        p.language =
            (first.contains(QChar(0xE9)) || first.contains(QChar(0xED)) || first.contains(QChar(0xFA)) || r.chance(8))
                ? QStringLiteral("es")
                : QStringLiteral("en");
        p.clinicId = QStringLiteral("SYN-%1").arg(index + 1, 6, 10, QLatin1Char('0'));
        p.birthDate = m_options.asOf.addYears(-r.between(25, 90)).addDays(-r.between(0, 364));
        p.prescriber = kPrescribers.at(
            r.between(0, std::min<int>(m_options.prescribers, static_cast<int>(kPrescribers.size())) - 1));
        p.phone = QStringLiteral("(555) 01%1-%2").arg(r.between(0, 9)).arg(r.between(1000, 9999));
        const QDate historyStart = m_options.asOf.addYears(-m_options.years);
        p.ltotStart = historyStart.addDays(-r.between(0, 2000));
        if (p.ltotStart <= p.birthDate.addYears(18))
            p.ltotStart = p.birthDate.addYears(18).addDays(r.between(0, 365));
        if (r.chance(20))
            p.riskTier = static_cast<domain::RiskTier>(r.between(0, 2));

        // Regimen: a band, a starting entry, then perhaps a change (a taper or a switch).
        const int band = r.between(1, 100);
        const QList<Regimen> &choices = band <= 55 ? kLow : band <= 85 ? kMid : kHigh;
        Regimen regimen = r.pick(choices);
        const QDate regimenStart = std::max(p.ltotStart, historyStart.addDays(-r.between(0, 400)));
        QDate changeOn;
        if (r.chance(25)) {
            changeOn = m_options.asOf.addDays(-r.between(30, m_options.years * 300));
            if (changeOn <= regimenStart)
                changeOn = QDate();
        }
        p.opioids.append(opioid(regimen, regimenStart, changeOn.isValid() ? changeOn.addDays(-1) : QDate()));
        if (changeOn.isValid()) {
            const bool taper = r.chance(60);
            Regimen next = regimen;
            if (taper && regimen.dosesPerDay > 1)
                next.dosesPerDay = regimen.dosesPerDay - 1;
            else if (!taper)
                next = r.pick(choices);
            p.opioids.append(opioid(next, changeOn, QDate()));
            p.taperStatus = taper ? (r.chance(70) ? domain::TaperStatus::InProgress : domain::TaperStatus::Paused)
                                  : domain::TaperStatus::None;
        }
        if (r.chance(10)) {
            domain::BenzodiazepineEntry benzo;
            stamp(benzo.meta, regimenStart);
            benzo.drug = r.pick(kBenzodiazepines);
            benzo.start = regimenStart.addDays(r.between(0, 200));
            if (benzo.start > m_options.asOf)
                benzo.start = m_options.asOf.addDays(-30);
            p.benzodiazepines.append(benzo);
        }

        // Visits every 1–3 months, each usually with a PEG; yearly screens; checks per habit.
        const int visitEvery = r.chance(30) ? 30 : r.chance(60) ? 60 : 90;
        const bool keepsUp = r.chance(75);
        int pain = r.between(4, 9);
        for (QDate day = std::max(historyStart, p.ltotStart).addDays(r.between(0, 40)); day <= m_options.asOf;
             day = day.addDays(visitEvery + r.between(-7, 21))) {
            if (!keepsUp && r.chance(25))
                continue;  // a missed visit
            domain::Visit visit;
            stamp(visit.meta, day);
            visit.date = day;
            visit.status = domain::VisitStatus::Completed;
            p.visits.append(visit);
            if (r.chance(85)) {
                domain::PegScore peg;
                stamp(peg.meta, day);
                peg.date = day;
                // Pain drifts slowly; most people on long-term therapy stay in the middle range.
                pain = std::clamp(pain + r.between(-1, 1), 2, 10);
                peg.pain = pain;
                peg.enjoyment = std::clamp(pain + r.between(-2, 2), 0, 10);
                peg.activity = std::clamp(pain + r.between(-2, 2), 0, 10);
                p.peg.append(peg);
            }
            if (r.chance(keepsUp ? 60 : 25)) {
                domain::PdmpCheck check;
                stamp(check.meta, day);
                check.date = day;
                check.checkedBy = r.pick(kStaff);
                check.concerning = r.chance(5);
                if (check.concerning)
                    check.findings = QStringLiteral("Fill from a second prescriber found; discuss at the next visit.");
                p.pdmpChecks.append(check);
            }
            if (r.chance(keepsUp ? 30 : 10)) {
                domain::UrineDrugScreen uds;
                stamp(uds.meta, day);
                uds.date = day;
                const int roll = r.between(1, 100);
                uds.result = roll <= 8                                           ? domain::UdsResult::Unexpected
                             : (roll <= 11 && day > m_options.asOf.addDays(-10)) ? domain::UdsResult::Pending
                                                                                 : domain::UdsResult::Expected;
                if (uds.result == domain::UdsResult::Unexpected)
                    uds.substances.append(r.pick(kUnexpected));
                p.uds.append(uds);
            }
        }
        // Agreements about yearly, some lapsed.
        for (QDate day = std::max(historyStart, p.ltotStart).addDays(r.between(0, 60)); day <= m_options.asOf;
             day = day.addDays(r.chance(80) ? r.between(330, 380) : r.between(400, 600))) {
            domain::Agreement agreement;
            stamp(agreement.meta, day);
            agreement.date = day;
            p.agreements.append(agreement);
        }
        // Yearly depression screen; PHQ-9 when the PHQ-2 is positive.
        for (QDate day = historyStart.addDays(r.between(0, 200)); day <= m_options.asOf;
             day = day.addDays(r.between(300, 420))) {
            if (!r.chance(keepsUp ? 90 : 50))
                continue;
            const int a = r.between(0, 3);
            const int b = r.chance(70) ? r.between(0, 1) : r.between(0, 3);
            p.screenings.append(screening(QStringLiteral("phq2"), day, QJsonArray{a, b}));
            if (a + b >= 3) {
                QJsonArray items{a, b};
                for (int i = 0; i < 6; ++i)
                    items.append(r.between(0, 3));
                items.append(r.chance(8) ? 1 : 0);
                p.screenings.append(screening(QStringLiteral("phq9"), day, items));
            }
            if (r.chance(60)) {
                const int g1 = r.between(0, 3);
                const int g2 = r.between(0, 2);
                p.screenings.append(screening(QStringLiteral("gad2"), day, QJsonArray{g1, g2}));
                if (g1 + g2 >= 3) {
                    QJsonArray items{g1, g2};
                    for (int i = 0; i < 5; ++i)
                        items.append(r.between(0, 3));
                    p.screenings.append(screening(QStringLiteral("gad7"), day, items));
                }
            }
        }
        if (r.chance(70)) {
            QJsonObject ort;
            const QDate day = std::max(p.ltotStart, historyStart);
            for (const char *item : {"family_alcohol", "family_illegal_drugs", "family_rx_drugs", "personal_alcohol",
                                     "personal_illegal_drugs", "personal_rx_drugs", "preadolescent_sexual_abuse",
                                     "psych_add_ocd_bipolar_schizophrenia", "psych_depression"}) {
                if (r.chance(18))
                    ort.insert(QLatin1String(item), true);
            }
            const int age = domain::ageOn(p.birthDate, day);
            ort.insert(QStringLiteral("age_16_45"), age >= 16 && age <= 45);
            p.screenings.append(screening(QStringLiteral("ort"), day, ort));
        }
        if (r.chance(30)) {
            QJsonArray items;
            for (int i = 0; i < 5; ++i)
                items.append(r.chance(30));
            p.screenings.append(screening(
                QStringLiteral("pcptsd5"), m_options.asOf.addDays(-r.between(0, 700)),
                QJsonObject{{QStringLiteral("trauma_exposure"), r.chance(60)}, {QStringLiteral("items"), items}}));
        }
        // Naloxone for many of those at higher doses.
        if ((band > 55 && r.chance(65)) || r.chance(10)) {
            domain::NaloxoneRecord naloxone;
            naloxone.date = m_options.asOf.addDays(-r.between(0, 900));
            stamp(naloxone.meta, naloxone.date);
            naloxone.action = r.chance(60) ? domain::NaloxoneAction::Prescribed : domain::NaloxoneAction::Offered;
            p.naloxone.append(naloxone);
        }
        if (r.chance(20)) {
            domain::Referral referral;
            referral.date = m_options.asOf.addDays(-r.between(0, 500));
            stamp(referral.meta, referral.date);
            referral.type =
                r.pick(QList<QString>{QStringLiteral("physical_therapy"), QStringLiteral("behavioral_health"),
                                      QStringLiteral("pain_specialist"), QStringLiteral("addiction_medicine")});
            referral.to = QStringLiteral("County Health Partners");
            referral.question = QStringLiteral("Assessment and recommendations, please.");
            // The five courses referrals had before they were followed through, as they read now.
            constexpr std::array kCourses{domain::ReferralStatus::Drafted, domain::ReferralStatus::Sent,
                                          domain::ReferralStatus::Scheduled, domain::ReferralStatus::Closed,
                                          domain::ReferralStatus::Declined};
            referral.status = kCourses.at(static_cast<std::size_t>(r.between(0, 4)));
            p.referrals.append(referral);
        }
        if (r.chance(60)) {
            domain::CarePlanGoal goal;
            goal.date = m_options.asOf.addDays(-r.between(0, 400));
            stamp(goal.meta, goal.date);
            goal.goal = r.pick(kGoals);
            goal.status = r.chance(80) ? domain::GoalStatus::Active : domain::GoalStatus::Met;
            p.goals.append(goal);
        }
        // About a third have a visit booked from today to 30 days ahead (the huddle lists need them).
        if (r.chance(35)) {
            domain::Visit visit;
            visit.date = m_options.asOf.addDays(r.between(0, 30));
            stamp(visit.meta, m_options.asOf);
            visit.status = domain::VisitStatus::Scheduled;
            p.visits.append(visit);
        }
        addAcuteCourseAndMoud(p, regimenStart);
        return p;
    }

private:
    // Some patients had a short acute course (an injury, a surgery) before their long-term regimen,
    // a few of them just before it (the month they moved to long-term therapy shows in the
    // measures); a few others have since moved to buprenorphine for opioid use disorder, tracked
    // as MOUD but no longer long-term opioid therapy for pain.
    void addAcuteCourseAndMoud(domain::Patient &p, const QDate &regimenStart)
    {
        Random &c = m_courses;
        if (c.chance(12)) {
            const QDate end = regimenStart.addDays(-(c.chance(40) ? c.between(1, 40) : c.between(120, 700)));
            const QDate start = end.addDays(-c.between(3, 13));
            if (start > p.birthDate.addYears(18)) {
                p.opioids.prepend(opioid({QStringLiteral("oxycodone"), 5, 1, 4}, start, end));
            }
        }
        if (c.chance(4)) {
            QDate latestStart;
            for (const domain::OpioidEntry &e : std::as_const(p.opioids))
                latestStart = std::max(latestStart, e.start);
            const QDate moudStart = m_options.asOf.addDays(-c.between(20, 300));
            if (moudStart > latestStart.addDays(30)) {
                for (domain::OpioidEntry &e : p.opioids) {
                    if (!e.end.isValid() || e.end >= moudStart)
                        e.end = moudStart.addDays(-1);
                }
                domain::OpioidEntry moud = opioid({QStringLiteral("buprenorphine"), 8, 1, 2}, moudStart, QDate());
                moud.indication = domain::OpioidIndication::OpioidUseDisorder;
                p.opioids.append(moud);
            }
        }
    }

    domain::OpioidEntry opioid(const Regimen &regimen, const QDate &start, const QDate &end)
    {
        domain::OpioidEntry e;
        stamp(e.meta, start);
        e.drug = regimen.drug;
        if (regimen.drug == QLatin1String("fentanyl")) {
            e.strengthMcgPerHr = regimen.strength;
            e.patches = 1;
        } else {
            e.strengthMg = regimen.strength;
            e.unitsPerDose = regimen.units;
            e.dosesPerDay = regimen.dosesPerDay;
            e.prn = regimen.drug == QLatin1String("hydrocodone") && m_random.chance(20);
        }
        e.start = start;
        e.end = end;
        return e;
    }

    domain::Screening screening(const QString &instrument, const QDate &date, const QJsonValue &answers)
    {
        domain::Screening s;
        stamp(s.meta, date);
        s.instrument = instrument;
        s.date = date;
        s.answers = answers;
        return s;
    }

    // Deterministic identity: a name-based UUID from the seed and a counter; stamps from the date.
    void stamp(domain::RecordMeta &meta, const QDate &date)
    {
        static const QUuid kNamespace = QUuid::fromString(QStringLiteral("{5f1c2c8e-7a44-4f6b-9d1e-2b7c1a0c6a11}"));
        meta.id = QUuid::createUuidV5(kNamespace, QStringLiteral("%1/%2").arg(m_options.seed).arg(++m_counter));
        meta.author = QStringLiteral("seed");
        meta.device = QStringLiteral("seed");
        meta.stamp = HlcStamp{QDateTime(date, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch(),
                              static_cast<std::uint32_t>(m_counter % 100000), QStringLiteral("seed")};
    }

    Options m_options;
    Random m_random;
    Random m_courses;  // acute courses and MOUD: a stream of their own, so the rest of the clinic is unchanged
    std::uint64_t m_counter = 0;
};

}  // namespace

struct ClinicGenerator::State {
    explicit State(const Options &options)
        : builder(options)
        , count(options.patients)
    {}
    Builder builder;
    int count;
    int made = 0;
};

ClinicGenerator::ClinicGenerator(const Options &options)
    : m_state(std::make_unique<State>(options))
{}

ClinicGenerator::~ClinicGenerator() = default;

std::optional<domain::Patient> ClinicGenerator::next()
{
    if (m_state->made >= m_state->count)
        return std::nullopt;
    return m_state->builder.patient(m_state->made++);
}

QList<domain::Patient> generateClinic(const Options &options)
{
    ClinicGenerator generator(options);
    QList<domain::Patient> patients;
    patients.reserve(options.patients);
    while (auto patient = generator.next())
        patients.append(std::move(*patient));
    return patients;
}

QStringList prescriberNames()
{
    return kPrescribers;
}

}  // namespace cairn::synthetic

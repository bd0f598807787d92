#include "core/clinical/rooming_plan.h"

#include <algorithm>

namespace cairn::clinical {
namespace {

const QString kOrt = QStringLiteral("ort");
const QString kPcPtsd5 = QStringLiteral("pcptsd5");

bool complete(const RoomingContext &context, const RoomingAnswers &answers, const QString &instrument)
{
    const Instrument *def = context.instruments ? context.instruments->find(instrument) : nullptr;
    return def && def->isComplete(answers.value(instrument));
}

bool scorable(const RoomingContext &context, const RoomingAnswers &answers, const QString &instrument)
{
    if (!complete(context, answers, instrument))
        return false;
    const Instrument *def = context.instruments->find(instrument);
    return def->score(def->recordAnswers(answers.value(instrument)), context.sex, context.pcptsd5Cutoff).ok();
}

}  // namespace

const QStringList &roomingInstruments()
{
    static const QStringList order{QStringLiteral("peg"),
                                   QStringLiteral("phq2"),
                                   QStringLiteral("phq9"),
                                   QStringLiteral("gad2"),
                                   QStringLiteral("gad7"),
                                   kOrt,
                                   kPcPtsd5};
    return order;
}

QString screenBefore(const QString &instrument)
{
    if (instrument == QLatin1String("phq9"))
        return QStringLiteral("phq2");
    if (instrument == QLatin1String("gad7"))
        return QStringLiteral("gad2");
    return {};
}

// - The ORT is asked when the patient has no ORT on record at all: its items are lifetime history,
//   so one is a baseline, and the first ORT is what closes the RISK_ASSESSMENT gap when the
//   clinician has set no tier. (A clinician-set tier alone does not stop it: an ORT is still
//   worth having beside it.) It is not asked when the patient's sex is not recorded as female or
//   male, because its weights depend on it and it could not be scored; the clinician sets the
//   tier then.
// - No care gap covers PTSD screening (gaps.json has none), so the PC-PTSD-5 is asked when the
//   patient has none dated within the last 365 days (after `day` - 365, up to `day`).
QStringList optionalInstrumentsDue(const domain::Patient &patient, const QDate &day)
{
    const auto has = [&](const QString &instrument, const auto &when) {
        return std::any_of(patient.screenings.cbegin(), patient.screenings.cend(),
                           [&](const domain::Screening &s) { return s.instrument == instrument && when(s.date); });
    };
    QStringList due;
    if (patient.sex != domain::Sex::Unknown && !has(kOrt, [](const QDate &) { return true; }))
        due.append(kOrt);
    if (!has(kPcPtsd5, [&](const QDate &d) { return d.isValid() && d > day.addDays(-365) && d <= day; }))
        due.append(kPcPtsd5);
    return due;
}

bool roomingScreenPositive(const RoomingContext &context, const RoomingAnswers &answers, const QString &instrument)
{
    if (!complete(context, answers, instrument))
        return false;
    const Instrument *def = context.instruments->find(instrument);
    const auto score = def->score(def->recordAnswers(answers.value(instrument)), context.sex, context.pcptsd5Cutoff);
    return score.ok() && score->result == QLatin1String("positive");
}

QList<RoomingQuestion> roomingQuestions(const RoomingContext &context, const RoomingAnswers &answers)
{
    QList<RoomingQuestion> list;
    const auto definition = [&](const QString &id) {
        return context.instruments ? context.instruments->find(id) : nullptr;
    };
    const auto questions = [&](const QString &id, int from) {
        if (const Instrument *def = definition(id))
            for (int i = from; i < def->itemCount(); ++i)
                list.append({id, i});
    };
    questions(QStringLiteral("peg"), 0);
    questions(QStringLiteral("phq2"), 0);
    if (roomingScreenPositive(context, answers, QStringLiteral("phq2")))
        questions(QStringLiteral("phq9"), 2);
    questions(QStringLiteral("gad2"), 0);
    if (roomingScreenPositive(context, answers, QStringLiteral("gad2")))
        questions(QStringLiteral("gad7"), 2);
    if (context.optionalDue.contains(kOrt))
        questions(kOrt, 0);
    if (context.optionalDue.contains(kPcPtsd5)) {
        if (const Instrument *def = definition(kPcPtsd5)) {
            // The exposure question first; its five items only after a "yes".
            list.append({kPcPtsd5, 0});
            if (answers.value(kPcPtsd5).value(0, -1) == 1)
                for (int i = 1; i < def->questionCount(); ++i)
                    list.append({kPcPtsd5, i});
        }
    }
    return list;
}

bool roomingRecordsInstrument(const RoomingContext &context, const RoomingAnswers &answers, const QString &instrument)
{
    if (!complete(context, answers, instrument))
        return false;
    const QString screen = screenBefore(instrument);
    if (!screen.isEmpty() && !roomingScreenPositive(context, answers, screen))
        return false;
    if (instrument == kOrt || instrument == kPcPtsd5)
        return context.optionalDue.contains(instrument) && scorable(context, answers, instrument);
    return true;
}

}  // namespace cairn::clinical

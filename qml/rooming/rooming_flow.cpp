#include "qml/rooming/rooming_flow.h"

#include "core/clinical/decisions.h"
#include "core/clinical/instrument_definition.h"
#include "core/clinical/mme.h"
#include "core/clinical/rooming_plan.h"
#include "core/clinical/uds_selection.h"
#include "core/domain/validation.h"
#include "core/registry/registry.h"
#include "core/registry/views.h"
#include "core/reports/result_words.h"
#include "qml/app/numbers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>

namespace cairn::app {
namespace {

constexpr int kDraftVersion = 1;

const QString kOrt = QStringLiteral("ort");
const QString kPcPtsd5 = QStringLiteral("pcptsd5");

// One record to be written (or corrected) when what it says differs from what is stored.
struct PendingWrite {
    QString kind;  // "peg", "phq2", ..., "urine", "agreement", "pdmp"
    registry::RecordValue record;
    QJsonValue fingerprint;  // what the record says, to tell whether it is written already
};

struct SaveOutcome {
    QJsonObject saved;
    QStringList written;  // kinds written or corrected by this save
};

QJsonArray toArray(const QList<int> &scores)
{
    QJsonArray a;
    for (int v : scores)
        a.append(v);
    return a;
}

struct UrineSelection {
    bool random = false;
    bool selected = false;
};

// Random urine testing: today's draw for the patient, recorded once a day when rooming starts (the
// audit replays it from the seed); a rooming resumed or reopened the same day reads the record.
Result<UrineSelection> selectUrineSample(registry::Registry &registry, const QString &id, const QDate &day,
                                         const clinical::ClinicPolicy &policy)
{
    if (policy.udsSelectionMode != clinical::UdsSelectionMode::Random)
        return UrineSelection{};
    auto view = registry::patientView(registry, id, day);
    if (!view)
        return view.error();
    for (const domain::UdsSelection &recorded : view->patient.udsSelections) {
        if (recorded.date == day)
            return UrineSelection{true, recorded.selected};
    }
    const int interval = policy.interval(clinical::Check::Uds, view->evaluation.tier);
    const clinical::UdsSelectionDecision decision =
        clinical::selectForUds(policy.udsSelectionSeed, view->patient, interval, day);
    domain::UdsSelection record;
    record.date = day;
    record.selected = decision.selected;
    record.intervalDays = decision.draw.intervalDays;
    record.window = decision.draw.window;
    record.drawnDay = decision.draw.drawnDay;
    record.policyVersion = policy.version;
    if (auto written = registry.addRecord(id, record); !written)
        return written.error();
    return UrineSelection{true, decision.selected};
}

Status storeDraft(registry::Registry &registry, const QString &patientId, QJsonObject draft, const QJsonObject &saved)
{
    draft.insert(QStringLiteral("saved"), saved);
    return registry.saveRoomingDraft(patientId, QString::fromUtf8(QJsonDocument(draft).toJson(QJsonDocument::Compact)));
}

}  // namespace

RoomingFlow::RoomingFlow(QObject *parent)
    : AsyncObject(parent)
{
    // Registry changes made elsewhere do not restart the flow: only sign-in changes do.
    setReloadOn(AsyncState::ReloadOn::SignIn);
    // The shipped definitions are validated files loaded once; a broken one is reported on load.
    if (auto shipped = clinical::Instruments::shipped())
        m_instruments = *shipped;
}

QDate RoomingFlow::today() const
{
    return m_today.isValid() ? m_today : clinicToday();
}

void RoomingFlow::setPatientId(const QString &id)
{
    if (m_patientId == id)
        return;
    m_patientId = id;
    emit patientIdChanged();
    reload();
}

// --- loading and resuming -----------------------------------------------------------------------

void RoomingFlow::reload()
{
    if (!session() || !session()->signedIn() || m_patientId.isEmpty())
        return;
    if (!m_instruments) {
        setMessage(tr("The screening questions could not be loaded. Reinstall Cairn."), true);
        return;
    }
    struct Loaded {
        QString name;
        QString language;
        QString draft;
        domain::Sex sex = domain::Sex::Unknown;
        QStringList due;
        int pcptsd5Cutoff = 3;
        UrineSelection urine;
    };
    const QString id = m_patientId;
    const QDate day = today();
    run<Result<Loaded>>(
        [id, day](registry::Registry &registry) -> Result<Loaded> {
            auto patient = registry.loadPatient(id);
            if (!patient)
                return patient.error();
            auto draft = registry.roomingDraft(id);
            if (!draft)
                return draft.error();
            auto policy = registry.clinicPolicy();
            if (!policy)
                return policy.error();
            auto urine = selectUrineSample(registry, id, day, *policy);
            if (!urine)
                return urine.error();
            return Loaded{patient->name,
                          patient->language,
                          *draft,
                          patient->sex,
                          clinical::optionalInstrumentsDue(*patient, day),
                          policy->pcptsd5Cutoff,
                          *urine};
        },
        [this](Result<Loaded> loaded) {
            if (!loaded) {
                report(Status(loaded.error()));
                return;
            }
            m_patientName = loaded->name;
            m_language = loaded->language == QLatin1String("es") ? QStringLiteral("es") : QStringLiteral("en");
            m_sex = loaded->sex;
            m_pcptsd5Cutoff = loaded->pcptsd5Cutoff;
            m_urineRandom = loaded->urine.random;
            m_urineSelected = loaded->urine.selected;
            m_asked = loaded->due;  // a resumed draft keeps the choice made when it started
            m_answers.clear();
            m_actions.clear();
            m_pdmpConcerning = false;
            m_pdmpFindings.clear();
            m_saved = {};
            m_step = 0;
            m_resumed = false;
            m_summaryLoaded = false;
            m_gaps.setGaps({});
            QString note;
            const QJsonObject draft = QJsonDocument::fromJson(loaded->draft.toUtf8()).object();
            if (!draft.isEmpty()) {
                if (QDate::fromString(draft.value(QStringLiteral("date")).toString(), Qt::ISODate) == today()) {
                    restore(draft);
                    m_resumed = true;
                    note = tr("Resumed the rooming started earlier: every answer given is kept.");
                } else {
                    // Instruments completed that day are already records; unfinished answers from
                    // another day do not describe today's visit.
                    note = tr("An unfinished rooming from another day was set aside; starting afresh.");
                }
            }
            m_ready = true;
            emit stepChanged();
            emit summaryChanged();
            report(ok(), note);
            if (stepKind() == QLatin1String("summary"))
                loadSummary();
        });
}

QJsonObject RoomingFlow::draftJson() const
{
    QJsonObject answers;
    for (auto it = m_answers.cbegin(); it != m_answers.cend(); ++it)
        answers.insert(it.key(), toArray(it.value()));
    QJsonObject actions;
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it)
        actions.insert(it.key(), it.value());
    return QJsonObject{{QStringLiteral("version"), kDraftVersion},
                       {QStringLiteral("date"), today().toString(Qt::ISODate)},
                       {QStringLiteral("step"), m_step},
                       {QStringLiteral("asked"), QJsonArray::fromStringList(m_asked)},
                       {QStringLiteral("answers"), answers},
                       {QStringLiteral("actions"), actions},
                       {QStringLiteral("pdmp_concerning"), m_pdmpConcerning},
                       {QStringLiteral("pdmp_findings"), m_pdmpFindings}};
}

void RoomingFlow::restore(const QJsonObject &draft)
{
    // Which optional instruments were due when this rooming started: an ORT it saved itself does
    // not make it stop asking. (Drafts from before the ORT and PC-PTSD-5 were asked lack the list
    // and keep what the records say now.)
    if (draft.value(QStringLiteral("asked")).isArray()) {
        m_asked.clear();
        for (const QJsonValue &v : draft.value(QStringLiteral("asked")).toArray())
            if ((v.toString() == kOrt && m_sex != domain::Sex::Unknown) || v.toString() == kPcPtsd5)
                m_asked.append(v.toString());
    }
    const QJsonObject answers = draft.value(QStringLiteral("answers")).toObject();
    for (const QString &id : clinical::roomingInstruments()) {
        const clinical::Instrument *def = definition(id);
        if (!def || !answers.value(id).isArray())
            continue;
        const QJsonArray list = answers.value(id).toArray();
        QList<int> scores(answerCount(id), -1);
        for (int i = 0; i < scores.size() && i < list.size(); ++i)
            scores[i] = list.at(i).toInt(-1);
        m_answers.insert(id, scores);
    }
    const QJsonObject actions = draft.value(QStringLiteral("actions")).toObject();
    for (auto it = actions.begin(); it != actions.end(); ++it)
        m_actions.insert(it.key(), it.value().toString());
    m_pdmpConcerning = draft.value(QStringLiteral("pdmp_concerning")).toBool();
    m_pdmpFindings = draft.value(QStringLiteral("pdmp_findings")).toString();
    m_saved = draft.value(QStringLiteral("saved")).toObject();
    // Resume where the user was, but never past a question still unanswered.
    const QList<Step> all = steps();
    int step = std::clamp(draft.value(QStringLiteral("step")).toInt(), 0, static_cast<int>(all.size()) - 1);
    for (int i = 0; i < step; ++i) {
        if (all.at(i).kind == QLatin1String("question") &&
            m_answers.value(all.at(i).instrument).value(all.at(i).item, -1) < 0) {
            step = i;
            break;
        }
    }
    m_step = step;
}

// --- the steps ----------------------------------------------------------------------------------

const clinical::Instrument *RoomingFlow::definition(const QString &id) const
{
    return m_instruments ? m_instruments->find(id) : nullptr;
}

namespace {
QString shapeOf(const clinical::Instrument *def)
{
    return def ? def->answerShape() : QString();
}
bool exposureFirst(const clinical::Instrument *def)
{
    return shapeOf(def) == QLatin1String("exposure_then_yes_no");
}
}  // namespace

// How many answers the flow holds: one per item, and the PC-PTSD-5's exposure question first.
int RoomingFlow::answerCount(const QString &instrument) const
{
    const clinical::Instrument *def = definition(instrument);
    return def ? def->questionCount() : 0;
}

bool RoomingFlow::complete(const QString &instrument) const
{
    const clinical::Instrument *def = definition(instrument);
    return def && def->isComplete(m_answers.value(instrument));
}

// The answers as the record stores them, in the shape the instrument's scorer reads.
QJsonValue RoomingFlow::recordAnswers(const QString &instrument) const
{
    const clinical::Instrument *def = definition(instrument);
    return def ? def->recordAnswers(m_answers.value(instrument)) : QJsonValue(toArray(m_answers.value(instrument)));
}

std::optional<clinical::ScreeningScore> RoomingFlow::scored(const QString &instrument) const
{
    if (!complete(instrument))
        return std::nullopt;
    auto score = definition(instrument)->score(recordAnswers(instrument), m_sex, m_pcptsd5Cutoff);
    if (!score)
        return std::nullopt;
    return *score;
}

clinical::RoomingContext RoomingFlow::planContext() const
{
    return {m_instruments, m_asked, m_sex, m_pcptsd5Cutoff};
}

QList<RoomingFlow::Step> RoomingFlow::steps() const
{
    QList<Step> list;
    for (const clinical::RoomingQuestion &q : clinical::roomingQuestions(planContext(), m_answers))
        list.append({QStringLiteral("question"), q.instrument, q.question});
    for (const char *action : {"urine", "agreement", "pdmp", "summary"})
        list.append({QString::fromLatin1(action), QString(), -1});
    return list;
}

std::optional<RoomingFlow::Step> RoomingFlow::current() const
{
    const QList<Step> all = steps();
    if (m_step < 0 || m_step >= all.size())
        return std::nullopt;
    return all.at(m_step);
}

QString RoomingFlow::stepKind() const
{
    const std::optional<Step> step = current();
    return step ? step->kind : QString();
}

QString RoomingFlow::instrument() const
{
    const std::optional<Step> step = current();
    return step ? step->instrument : QString();
}

QString RoomingFlow::instrumentTitle() const
{
    const clinical::Instrument *def = definition(instrument());
    return def ? clinical::instrumentTitle(*def, m_language) : QString();
}

QString RoomingFlow::stem() const
{
    const clinical::Instrument *def = definition(instrument());
    if (!def)
        return {};
    if (exposureFirst(def) && questionNumber() == 1)
        return {};  // the exposure question stands alone; the stem leads into the items
    return clinical::instrumentStem(*def, m_language);
}

QString RoomingFlow::questionText() const
{
    const std::optional<Step> step = current();
    if (!step || step->kind != QLatin1String("question"))
        return {};
    const clinical::Instrument *def = definition(step->instrument);
    return def ? clinical::questionText(*def, step->item, m_language) : QString();
}

int RoomingFlow::questionNumber() const
{
    const std::optional<Step> step = current();
    return step && step->item >= 0 ? step->item + 1 : 0;
}

int RoomingFlow::questionTotal() const
{
    return answerCount(instrument());
}

bool RoomingFlow::yesNo() const
{
    const QString shape = shapeOf(definition(instrument()));
    return shape == QLatin1String("yes_no_map") || shape == QLatin1String("exposure_then_yes_no");
}

int RoomingFlow::minValue() const
{
    if (yesNo())
        return 0;
    const clinical::Instrument *def = definition(instrument());
    return def ? clinical::answerRange(*def).min : 0;
}

int RoomingFlow::maxValue() const
{
    if (yesNo())
        return 1;
    const clinical::Instrument *def = definition(instrument());
    return def ? clinical::answerRange(*def).max : -1;
}

QStringList RoomingFlow::choiceLabels() const
{
    if (yesNo())
        return {tr("No"), tr("Yes")};
    QStringList labels;
    const std::optional<Step> step = current();
    const bool question = step && step->kind == QLatin1String("question");
    const clinical::Instrument *def = question ? definition(step->instrument) : nullptr;
    for (int v = minValue(); v <= maxValue(); ++v)
        labels.append(def ? clinical::answerLabel(*def, step->item, v, m_language) : QString());
    return labels;
}

int RoomingFlow::currentAnswer() const
{
    const std::optional<Step> step = current();
    if (!step || step->kind != QLatin1String("question"))
        return -1;
    return m_answers.value(step->instrument).value(step->item, -1);
}

QString RoomingFlow::actionState() const
{
    return m_actions.value(stepKind());
}

bool RoomingFlow::canGoNext() const
{
    const QString kind = stepKind();
    if (kind == QLatin1String("question"))
        return currentAnswer() >= 0;
    if (kind == QLatin1String("summary"))
        return false;
    return !actionState().isEmpty();
}

bool RoomingFlow::suicideRiskAlert() const
{
    const clinical::Instrument *phq9 = definition(QStringLiteral("phq9"));
    return phq9 && clinical::suicideRiskAlert(*phq9, m_answers.value(QStringLiteral("phq9")));
}

QStringList RoomingFlow::recorded() const
{
    QStringList lines;
    const auto scores = [&](const QString &id) { return m_answers.value(id); };
    if (m_saved.contains(QStringLiteral("peg"))) {
        const QList<int> s = scores(QStringLiteral("peg"));
        lines << tr("PEG: pain %1, enjoyment %2, activity %3 (mean %4)")
                     .arg(s.value(0))
                     .arg(s.value(1))
                     .arg(s.value(2))
                     .arg(
                         decimalText(clinical::roundToTenth(clinical::pegMean(s.value(0), s.value(1), s.value(2))), 1));
    }
    // Each screen's score and result in the words the history and the screening form give the
    // same stored screen (reports::screeningScoreWords), scored by the instrument's own rules.
    const auto title = [&](const QString &id) { return clinical::instrumentTitle(*definition(id), m_language); };
    for (const QString &id : {QStringLiteral("phq2"), QStringLiteral("phq9"), QStringLiteral("gad2"),
                              QStringLiteral("gad7"), kOrt, kPcPtsd5}) {
        if (!m_saved.contains(id))
            continue;
        const auto s = scored(id);
        if (!s)
            continue;
        if (id == kPcPtsd5 && m_answers.value(kPcPtsd5).value(0) == 0)
            lines << tr("%1: no traumatic event reported, %2").arg(title(id), reports::screeningResultWords(*s));
        else
            lines << tr("%1: %2").arg(title(id), reports::screeningScoreWords(*s));
    }
    const auto action = [&](const QString &kind, const QString &done, const QString &skipped) {
        const QString state = m_actions.value(kind);
        if (state == QLatin1String("done") && m_saved.contains(kind))
            lines << done;
        else if (state == QLatin1String("skipped"))
            lines << skipped;
    };
    action(QStringLiteral("urine"), tr("Urine sample collected (result pending)"),
           tr("Urine sample not collected today"));
    action(QStringLiteral("agreement"), tr("Agreement signed today"), tr("Agreement not signed today"));
    action(QStringLiteral("pdmp"),
           m_pdmpConcerning ? tr("PDMP checked: concerning (%1)").arg(m_pdmpFindings)
                            : tr("PDMP checked: nothing concerning"),
           tr("PDMP not checked today"));
    return lines;
}

// --- answering and saving -----------------------------------------------------------------------

void RoomingFlow::goTo(int step)
{
    m_step = std::clamp(step, 0, stepCount() - 1);
    emit stepChanged();
    if (stepKind() == QLatin1String("summary"))
        loadSummary();
}

void RoomingFlow::answer(int value)
{
    const std::optional<Step> step = current();
    if (!m_ready || !step || step->kind != QLatin1String("question"))
        return;
    if (value < minValue() || value > maxValue()) {
        setMessage(tr("Choose an answer from %1 to %2.").arg(minValue()).arg(maxValue()), true);
        return;
    }
    const QString id = step->instrument;
    const int item = step->item;
    const auto set = [&](const QString &instrument, int index) {
        QList<int> &scores = m_answers[instrument];
        if (scores.isEmpty())
            scores = QList<int>(answerCount(instrument), -1);
        scores[index] = value;
    };
    set(id, item);
    // The screen's two questions are the full questionnaire's first two.
    if (id == QLatin1String("phq2"))
        set(QStringLiteral("phq9"), item);
    else if (id == QLatin1String("gad2"))
        set(QStringLiteral("gad7"), item);
    advance(tr("Answer saved."));
}

void RoomingFlow::advance(const QString &success)
{
    // The position is part of the draft: move first, then save, then show.
    m_step = std::min(m_step + 1, stepCount() - 1);
    persist(success);
    emit stepChanged();
}

void RoomingFlow::recordUrineCollected()
{
    if (stepKind() != QLatin1String("urine"))
        return;
    m_actions.insert(QStringLiteral("urine"), QStringLiteral("done"));
    advance(tr("Urine sample recorded as collected; the result is pending."));
}

void RoomingFlow::recordAgreementSigned()
{
    if (stepKind() != QLatin1String("agreement"))
        return;
    m_actions.insert(QStringLiteral("agreement"), QStringLiteral("done"));
    advance(tr("Agreement recorded as signed today."));
}

void RoomingFlow::recordPdmpCheck(bool concerning, const QString &findings)
{
    if (stepKind() != QLatin1String("pdmp"))
        return;
    if (domain::pdmpFindingsMissing(domain::PdmpCheck{{}, {}, {}, concerning, findings})) {
        setMessage(tr("Describe what was concerning in the PDMP."), true);
        return;
    }
    m_actions.insert(QStringLiteral("pdmp"), QStringLiteral("done"));
    m_pdmpConcerning = concerning;
    m_pdmpFindings = concerning ? findings.trimmed() : QString();
    advance(tr("PDMP check recorded."));
}

void RoomingFlow::skipStep()
{
    const QString kind = stepKind();
    if (kind != QLatin1String("urine") && kind != QLatin1String("agreement") && kind != QLatin1String("pdmp"))
        return;
    // A step already recorded stays recorded: its record is in the registry.
    if (m_actions.value(kind) != QLatin1String("done"))
        m_actions.insert(kind, QStringLiteral("skipped"));
    advance(QString());
}

void RoomingFlow::back()
{
    if (m_step > 0)
        goTo(m_step - 1);
}

void RoomingFlow::next()
{
    if (canGoNext())
        goTo(m_step + 1);
}

void RoomingFlow::persist(const QString &success)
{
    if (!session() || m_patientId.isEmpty())
        return;
    // Every instrument complete now, and every step done, as the record it becomes.
    QList<PendingWrite> writes;
    const QDate day = today();
    for (const QString &id : clinical::roomingInstruments()) {
        if (!complete(id))
            continue;
        if (!clinical::roomingRecordsInstrument(planContext(), m_answers, id))
            continue;  // a full questionnaire only after a positive screen; optional ones when due
        const QJsonValue answers = recordAnswers(id);
        if (id == QLatin1String("peg")) {
            const QList<int> s = m_answers.value(id);
            writes.append({id, domain::PegScore{{}, day, s.at(0), s.at(1), s.at(2)}, answers});
        } else {
            writes.append({id, domain::Screening{{}, id, day, answers}, answers});
        }
    }
    if (m_actions.value(QStringLiteral("urine")) == QLatin1String("done"))
        writes.append({QStringLiteral("urine"), domain::UrineDrugScreen{{}, day, domain::UdsResult::Pending, {}},
                       QStringLiteral("pending")});
    if (m_actions.value(QStringLiteral("agreement")) == QLatin1String("done"))
        writes.append({QStringLiteral("agreement"), domain::Agreement{{}, day, QString()}, QStringLiteral("signed")});
    if (m_actions.value(QStringLiteral("pdmp")) == QLatin1String("done")) {
        writes.append({QStringLiteral("pdmp"),
                       domain::PdmpCheck{{}, day, session()->userName(), m_pdmpConcerning, m_pdmpFindings},
                       QJsonObject{{QStringLiteral("concerning"), m_pdmpConcerning},
                                   {QStringLiteral("findings"), m_pdmpFindings}}});
    }

    const QString id = m_patientId;
    const QJsonObject draft = draftJson();
    run<Result<SaveOutcome>>(
        [id, draft, writes](registry::Registry &registry) -> Result<SaveOutcome> {
            // What is already written comes from the stored draft: saves run in order on this
            // thread, so it is always the latest.
            auto stored = registry.roomingDraft(id);
            if (!stored)
                return stored.error();
            SaveOutcome outcome;
            outcome.saved =
                QJsonDocument::fromJson(stored->toUtf8()).object().value(QStringLiteral("saved")).toObject();
            // The answers first, so that nothing entered is lost whatever happens next.
            if (auto s = storeDraft(registry, id, draft, outcome.saved); !s)
                return s.error();
            for (const PendingWrite &w : writes) {
                const QJsonObject previous = outcome.saved.value(w.kind).toObject();
                if (previous.value(QStringLiteral("answers")) == w.fingerprint)
                    continue;
                const QString previousId = previous.value(QStringLiteral("id")).toString();
                auto written = previousId.isEmpty() ? registry.addRecord(id, w.record)
                                                    : registry.correctRecord(previousId, w.record);
                if (!written)
                    return written.error();
                outcome.saved.insert(
                    w.kind, QJsonObject{{QStringLiteral("id"), *written}, {QStringLiteral("answers"), w.fingerprint}});
                outcome.written.append(w.kind);
                if (auto s = storeDraft(registry, id, draft, outcome.saved); !s)
                    return s.error();
            }
            return outcome;
        },
        [this, success](Result<SaveOutcome> outcome) {
            if (!outcome) {
                report(Status(outcome.error()));
                return;
            }
            m_saved = outcome->saved;
            QString note = success;
            if (outcome->written.contains(QStringLiteral("phq9")) && suicideRiskAlert())
                note = tr("PHQ-9 saved. Item 9 is above zero: tell the clinician now, before the patient leaves.");
            report(ok(), note);
            emit saved();
            emit stepChanged();
            if (!outcome->written.isEmpty() && session())
                session()->noteDataChanged();
            if (stepKind() == QLatin1String("summary"))
                loadSummary();
        });
}

void RoomingFlow::loadSummary()
{
    if (!session() || m_patientId.isEmpty())
        return;
    const QString id = m_patientId;
    const QDate day = today();
    run<Result<QList<clinical::CareGap>>>(
        [id, day](registry::Registry &registry) -> Result<QList<clinical::CareGap>> {
            auto view = registry::patientView(registry, id, day);
            if (!view)
                return view.error();
            return clinical::gapsForClinician(view->evaluation.gaps);
        },
        [this](Result<QList<clinical::CareGap>> gaps) {
            if (gaps) {
                m_gaps.setGaps(std::move(gaps).value());
                m_summaryLoaded = true;
                emit summaryChanged();
            }
            report(gaps ? ok() : Status(gaps.error()), message());
        });
}

void RoomingFlow::finish()
{
    if (!session() || m_patientId.isEmpty())
        return;
    const QString id = m_patientId;
    run<Status>([id](registry::Registry &registry) -> Status { return registry.clearRoomingDraft(id); },
                [this](Status status) {
                    report(status, tr("Rooming finished."));
                    if (status)
                        emit finished();
                });
}

}  // namespace cairn::app

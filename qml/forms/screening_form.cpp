#include "qml/forms/screening_form.h"

#include "core/clinical/instrument_definition.h"
#include "core/clinical/instruments.h"
#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "core/reports/result_words.h"
#include "qml/app/labels.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <optional>

namespace cairn::app {
namespace {

const clinical::Instruments *shippedInstruments()
{
    auto instruments = clinical::Instruments::shipped();
    return instruments ? *instruments : nullptr;
}

// Only yes/no instruments are entered here; scored ones (PHQ, GAD) are rooming's.
bool isYesNo(const clinical::Instrument *definition)
{
    return definition && (definition->answerShape() == QLatin1String("yes_no_map") || definition->asksExposureFirst());
}

}  // namespace

QString instrumentTitle(const QString &instrument)
{
    const clinical::Instruments *instruments = shippedInstruments();
    const clinical::Instrument *definition = instruments ? instruments->find(instrument) : nullptr;
    return definition ? clinical::instrumentTitle(*definition, uiLanguage()) : instrument;
}

ScreeningForm::ScreeningForm(QObject *parent)
    : AsyncObject(parent)
{
    // An entry in progress is not restarted by other writes; a new sign-in re-reads.
    setReloadOn(AsyncState::ReloadOn::SignIn);
}

void ScreeningForm::setPatientId(const QString &id)
{
    if (m_patientId == id)
        return;
    m_patientId = id;
    emit patientIdChanged();
    reload();
}

void ScreeningForm::setInstrument(const QString &id)
{
    if (m_instrument == id)
        return;
    m_instrument = id;
    const clinical::Instrument *def = definition();
    m_answers = QList<int>(def ? def->questionCount() : 0, -1);  // nothing answered yet
    emit instrumentChanged();
    emit answersChanged();
    setErrors({});
    if (!m_correcting.isEmpty())
        reload();  // the stored answers are read for the instrument they belong to
}

void ScreeningForm::setCorrecting(const QString &recordId)
{
    if (m_correcting == recordId)
        return;
    m_correcting = recordId;
    emit correctingChanged();
    emit answersChanged();
    reload();
}

const clinical::Instrument *ScreeningForm::definition() const
{
    const clinical::Instruments *instruments = shippedInstruments();
    const clinical::Instrument *def = instruments ? instruments->find(m_instrument) : nullptr;
    return isYesNo(def) ? def : nullptr;
}

QString ScreeningForm::title() const
{
    return definition() ? instrumentTitle(m_instrument) : QString();
}

QString ScreeningForm::notice() const
{
    const clinical::Instrument *def = definition();
    return def ? clinical::instrumentLicenceNotice(*def, uiLanguage()) : QString();
}

QString ScreeningForm::stem() const
{
    const clinical::Instrument *def = definition();
    return def ? clinical::instrumentStem(*def, uiLanguage()) : QString();
}

QVariantList ScreeningForm::questions() const
{
    QVariantList list;
    const clinical::Instrument *def = definition();
    if (!def)
        return list;
    const bool exposed = !def->asksExposureFirst() || m_answers.value(0) == 1;
    for (int i = 0; i < def->questionCount(); ++i) {
        const bool shown = i == 0 || exposed;
        list << QVariantMap{{QStringLiteral("text"), clinical::questionText(*def, i, uiLanguage())},
                            {QStringLiteral("shown"), shown},
                            {QStringLiteral("item"), def->asksExposureFirst() && i > 0}};
    }
    return list;
}

QVariantList ScreeningForm::answers() const
{
    QVariantList list;
    for (int v : m_answers)
        list << v;
    return list;
}

void ScreeningForm::setDate(const QString &isoDate)
{
    if (m_date == isoDate)
        return;
    m_date = isoDate;
    emit answersChanged();
    if (m_errors.remove(QStringLiteral("date")) > 0)
        emit errorsChanged();
}

void ScreeningForm::setReason(const QString &reason)
{
    if (m_reason == reason)
        return;
    m_reason = reason;
    emit answersChanged();
    if (m_errors.remove(QStringLiteral("reason")) > 0)
        emit errorsChanged();
}

void ScreeningForm::answer(int index, int value)
{
    if (index < 0 || index >= m_answers.size() || (value != 0 && value != 1) || m_answers.at(index) == value)
        return;
    m_answers[index] = value;
    emit answersChanged();
    if (m_errors.remove(QStringLiteral("answers")) > 0)
        emit errorsChanged();
}

QString ScreeningForm::incompleteReason() const
{
    const clinical::Instrument *def = definition();
    if (!def)
        return tr("This screen cannot be entered here.");
    if (m_instrument == QLatin1String("ort") && m_patientLoaded && m_sex == domain::Sex::Unknown)
        return tr("Record the patient's sex first: the ORT is scored differently for women and men.");
    if (!QDate::fromString(m_date, Qt::ISODate).isValid())
        return tr("Choose the date the screen was done.");
    if (!def->isComplete(m_answers))
        return tr("Answer every question.");
    if (!m_correcting.isEmpty() && m_reason.trimmed().isEmpty())
        return tr("Say why it is being corrected.");
    return {};
}

QString ScreeningForm::resultText() const
{
    const clinical::Instrument *def = definition();
    if (!def || !def->isComplete(m_answers) || (m_instrument == QLatin1String("ort") && m_sex == domain::Sex::Unknown))
        return {};
    auto score = def->score(def->recordAnswers(m_answers), m_sex, m_pcptsd5Cutoff);
    return score ? reports::screeningScoreWords(*score) : QString();
}

void ScreeningForm::setErrors(QVariantMap errors)
{
    if (m_errors == errors)
        return;
    m_errors = std::move(errors);
    emit errorsChanged();
}

void ScreeningForm::reload()
{
    m_patientLoaded = false;
    if (!session() || !session()->signedIn() || m_patientId.isEmpty())
        return;
    struct Loaded {
        domain::Sex sex = domain::Sex::Unknown;
        int pcptsd5Cutoff = 3;
        std::optional<domain::RecordEnvelope> corrected;
    };
    const QString patientId = m_patientId;
    const QString correcting = m_correcting;
    run<Result<Loaded>>(
        [patientId, correcting](registry::Registry &registry) -> Result<Loaded> {
            auto patient = registry.loadPatient(patientId);
            if (!patient)
                return patient.error();
            auto policy = registry.clinicPolicy();
            if (!policy)
                return policy.error();
            Loaded loaded{patient->sex, policy->pcptsd5Cutoff, std::nullopt};
            if (!correcting.isEmpty()) {
                auto record = registry.recordInForce(correcting);
                if (!record)
                    return record.error();
                loaded.corrected = *record;
            }
            return loaded;
        },
        [this, correcting](Result<Loaded> loaded) {
            if (!loaded) {
                setMessage(loaded.error().line(), true);
                return;
            }
            m_sex = loaded->sex;
            m_pcptsd5Cutoff = loaded->pcptsd5Cutoff;
            m_patientLoaded = true;
            // The stored answers and date of the screen being corrected, if it is one of this
            // instrument (the form asks afresh otherwise).
            const clinical::Instrument *def = definition();
            if (loaded->corrected && correcting == m_correcting && def &&
                loaded->corrected->kind == QLatin1String("screening") &&
                loaded->corrected->payload.value(QStringLiteral("instrument")).toString() == m_instrument) {
                m_answers = def->answersFromRecord(loaded->corrected->payload.value(QStringLiteral("answers")));
                m_date = loaded->corrected->payload.value(QStringLiteral("date")).toString();
            }
            emit answersChanged();
        });
}

void ScreeningForm::save()
{
    if (loading())
        return;
    if (!session() || !session()->signedIn()) {
        setMessage(tr("Sign in to save."), true);
        return;
    }
    if (m_patientId.isEmpty() || !definition()) {
        setMessage(tr("Choose the patient first."), true);
        return;
    }
    // Every missing part under its own name, at once; nothing is written.
    QVariantMap errors;
    const clinical::Instrument *def = definition();
    if (!QDate::fromString(m_date, Qt::ISODate).isValid())
        errors.insert(QStringLiteral("date"), tr("Required."));
    if (!def->isComplete(m_answers))
        errors.insert(QStringLiteral("answers"), tr("Answer every question."));
    if (m_instrument == QLatin1String("ort") && m_sex == domain::Sex::Unknown)
        errors.insert(QStringLiteral("sex"),
                      tr("Record the patient's sex first: the ORT is scored differently for women and men."));
    if (!m_correcting.isEmpty() && m_reason.trimmed().isEmpty())
        errors.insert(QStringLiteral("reason"), tr("Required."));
    setErrors(errors);
    if (!errors.isEmpty()) {
        setMessage(tr("Check the marked fields. Nothing was saved."), true);
        return;
    }
    domain::Screening screening;
    screening.instrument = m_instrument;
    screening.date = QDate::fromString(m_date, Qt::ISODate);
    screening.answers = def->recordAnswers(m_answers);
    const QString patientId = m_patientId;
    const QString correcting = m_correcting;
    const QString reason = m_reason.trimmed();
    run<Result<QString>>(
        [patientId, correcting, reason, screening](registry::Registry &registry) -> Result<QString> {
            // The registry runs the same checks as every other path (answers fit the instrument).
            return correcting.isEmpty() ? registry.addRecord(patientId, screening)
                                        : registry.correctRecord(correcting, screening, reason);
        },
        [this](Result<QString> written) {
            if (!written) {
                setMessage(written.error().line(), true);
                return;
            }
            setMessage(tr("Saved on this tablet."), false);
            session()->noteDataChanged();
            emit saved(*written);
        });
}

}  // namespace cairn::app

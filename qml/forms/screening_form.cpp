#include "qml/forms/screening_form.h"

#include "core/clinical/assets.h"
#include "core/clinical/instruments.h"
#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "qml/app/labels.h"

#include <QCoreApplication>
#include <QJsonArray>

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
    return definition ? clinical::textIn(definition->definition().value(QStringLiteral("title")), uiLanguage())
                      : instrument;
}

QString screeningResultText(const clinical::ScreeningScore &score)
{
    const int total = static_cast<int>(score.total);
    if (score.resultKind == QLatin1String("tier")) {
        if (score.result == QLatin1String("low"))
            return ScreeningForm::tr("score %1, low risk").arg(total);
        if (score.result == QLatin1String("moderate"))
            return ScreeningForm::tr("score %1, moderate risk").arg(total);
        return ScreeningForm::tr("score %1, high risk").arg(total);
    }
    if (score.resultKind == QLatin1String("positive"))
        return score.result == QLatin1String("positive") ? ScreeningForm::tr("%1 of 5, positive").arg(total)
                                                         : ScreeningForm::tr("%1 of 5, negative").arg(total);
    return score.result.isEmpty() ? ScreeningForm::tr("score %1").arg(total)
                                  : ScreeningForm::tr("score %1, %2").arg(total).arg(score.result);
}

ScreeningForm::ScreeningForm(QObject *parent)
    : QObject(parent)
{}

void ScreeningForm::setSession(Session *session)
{
    if (m_session == session)
        return;
    m_session = session;
    emit sessionChanged();
    loadPatient();
}

void ScreeningForm::setPatientId(const QString &id)
{
    if (m_patientId == id)
        return;
    m_patientId = id;
    emit patientIdChanged();
    loadPatient();
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
}

void ScreeningForm::setCorrecting(const QString &recordId)
{
    if (m_correcting == recordId)
        return;
    m_correcting = recordId;
    emit correctingChanged();
    emit answersChanged();
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
    return def ? clinical::textIn(def->definition().value(QStringLiteral("licence_notice")), uiLanguage()) : QString();
}

QString ScreeningForm::stem() const
{
    const clinical::Instrument *def = definition();
    return def ? clinical::textIn(def->definition().value(QStringLiteral("stem")), uiLanguage()) : QString();
}

// The question at `index` as the definition words it: the PC-PTSD-5's exposure question first.
QJsonObject ScreeningForm::questionAt(int index) const
{
    const clinical::Instrument *def = definition();
    if (!def)
        return {};
    const QJsonArray items = def->definition().value(QStringLiteral("items")).toArray();
    if (def->asksExposureFirst()) {
        if (index == 0)
            return QJsonObject{{QStringLiteral("text"), def->definition().value(QStringLiteral("exposure"))}};
        return items.at(index - 1).toObject();
    }
    return items.at(index).toObject();
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
        list << QVariantMap{
            {QStringLiteral("text"), clinical::textIn(questionAt(i).value(QStringLiteral("text")), uiLanguage())},
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
    return score ? screeningResultText(*score) : QString();
}

void ScreeningForm::setErrors(QVariantMap errors)
{
    if (m_errors == errors)
        return;
    m_errors = std::move(errors);
    emit errorsChanged();
}

void ScreeningForm::finish(const QString &message, bool isError)
{
    m_error = isError;
    m_message = message;
    emit messageChanged();
    if (m_loading) {
        m_loading = false;
        emit loadingChanged();
    }
}

void ScreeningForm::loadPatient()
{
    m_patientLoaded = false;
    if (!m_session || !m_session->signedIn() || m_patientId.isEmpty())
        return;
    struct Loaded {
        domain::Sex sex = domain::Sex::Unknown;
        int pcptsd5Cutoff = 3;
    };
    m_loading = true;
    emit loadingChanged();
    const QString patientId = m_patientId;
    m_session->services().thread->run<Result<Loaded>>(
        this,
        [patientId](registry::Registry *registry) -> Result<Loaded> {
            if (!registry)
                return Error{QString(), tr("The registry is locked.")};
            auto patient = registry->loadPatient(patientId);
            if (!patient)
                return patient.error();
            auto policy = registry->clinicPolicy();
            if (!policy)
                return policy.error();
            return Loaded{patient->sex, policy->pcptsd5Cutoff};
        },
        [this](Result<Loaded> loaded) {
            if (!loaded) {
                finish(loaded.error().line(), true);
                return;
            }
            m_sex = loaded->sex;
            m_pcptsd5Cutoff = loaded->pcptsd5Cutoff;
            m_patientLoaded = true;
            emit answersChanged();
            finish(QString(), false);
        });
}

void ScreeningForm::save()
{
    if (m_loading)
        return;
    if (!m_session || !m_session->signedIn()) {
        finish(tr("Sign in to save."), true);
        return;
    }
    if (m_patientId.isEmpty() || !definition()) {
        finish(tr("Choose the patient first."), true);
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
        finish(tr("Check the marked fields. Nothing was saved."), true);
        return;
    }
    domain::Screening screening;
    screening.instrument = m_instrument;
    screening.date = QDate::fromString(m_date, Qt::ISODate);
    screening.answers = def->recordAnswers(m_answers);
    const QString patientId = m_patientId;
    const QString correcting = m_correcting;
    const QString reason = m_reason.trimmed();
    m_loading = true;
    emit loadingChanged();
    m_session->services().thread->run<Result<QString>>(
        this,
        [patientId, correcting, reason, screening](registry::Registry *registry) -> Result<QString> {
            if (!registry)
                return Error{QString(), tr("The registry is locked.")};
            // The registry runs the same checks as every other path (answers fit the instrument).
            return correcting.isEmpty() ? registry->addRecord(patientId, screening)
                                        : registry->correctRecord(correcting, screening, reason);
        },
        [this](Result<QString> written) {
            if (!written) {
                finish(written.error().line(), true);
                return;
            }
            finish(tr("Saved on this tablet."), false);
            m_session->noteDataChanged();
            emit saved(*written);
        });
}

}  // namespace cairn::app

#include "qml/forms/record_form.h"

#include "core/clinical/intake.h"
#include "core/clinical/mme.h"
#include "core/clinical/oud.h"
#include "core/domain/record_json.h"
#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "core/registry/views.h"
#include "qml/app/labels.h"
#include "qml/app/numbers.h"
#include "qml/forms/record_form_fields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

namespace cairn::app {
namespace {

// "opioids[0].strength_mg" or "strength_mg" → "strength_mg": the field as the form names it. A
// taper plan's steps are edited in the form, so a step's error keeps its place: "steps[1].date".
QString formFieldOf(const QString &errorField)
{
    static const QRegularExpression step(QStringLiteral("(?:^|\\.)(steps\\[\\d+\\]\\.\\w+)$"));
    if (const auto match = step.match(errorField); match.hasMatch())
        return match.captured(1);
    QString field = errorField.section(QLatin1Char('.'), -1);
    static const QRegularExpression index(QStringLiteral("\\[\\d+\\]$"));
    field.remove(index);
    return field;
}

// A correction says why (kept with the version it replaces); never part of the record itself.
const QString kCorrectionReason = QStringLiteral("correction_reason");

// The patient's details and the clinician-set risk tier are both the patient's demographics
// record: a form for either starts from the stored details and writes a new version of them.
bool isDemographics(const QString &kind)
{
    return kind == QLatin1String("patient") || kind == QLatin1String("risk_tier");
}

// Marking a patient inactive is a change of demographics, not a record (registry.h).
bool isInactivation(const QString &kind)
{
    return kind == QLatin1String("inactivation");
}

// The reason and the day a patient leaves the registry, checked as the domain checks them.
Result<std::pair<domain::InactiveReason, QDate>> inactivationFrom(const QJsonObject &object)
{
    domain::InactiveReason reason{};
    if (!domain::parse(object.value(QStringLiteral("inactive_reason")).toString(), &reason))
        return Error{QStringLiteral("inactive_reason"),
                     QStringLiteral("must be moved, deceased, discharged, tapered_off or transferred")};
    const QDate date = QDate::fromString(object.value(QStringLiteral("inactive_date")).toString(), Qt::ISODate);
    if (!date.isValid())
        return Error{QStringLiteral("inactive_date"), QStringLiteral("must be a date written YYYY-MM-DD")};
    return std::pair{reason, date};
}

// The MOUD form's "referred to": its choices are the clinic's directory, not a fixed list.
bool isMoudReferral(const QString &kind, const QString &field)
{
    return kind == QLatin1String("moud_status") && field == QLatin1String("resource_id");
}

registry::RecordValue toRecordValue(domain::AnyRecord record)
{
    return std::visit([](auto &&r) { return registry::RecordValue(std::move(r)); }, std::move(record));
}

}  // namespace

RecordForm::RecordForm(QObject *parent)
    : AsyncObject(parent)
{
    // A form being filled in is not re-read when data changes; only a new session loads again.
    setReloadOn(AsyncState::ReloadOn::Never);
}

void RecordForm::reload()
{
    loadRegimen();
    loadResourceChoices();
    loadCorrected();
}

void RecordForm::setKind(const QString &kind)
{
    if (m_kind == kind)
        return;
    m_kind = kind;
    m_resourceChoices.clear();
    clear();
    emit kindChanged();
    loadRegimen();
    loadResourceChoices();
}

void RecordForm::setPatientId(const QString &id)
{
    if (m_patientId == id)
        return;
    m_patientId = id;
    emit patientIdChanged();
    loadRegimen();
    loadCorrected();
}

void RecordForm::setCorrecting(const QString &recordId)
{
    if (m_correcting == recordId)
        return;
    m_correcting = recordId;
    emit correctingChanged();
    emit kindChanged();  // the title changes
    loadCorrected();
}

QString RecordForm::title() const
{
    return formTitle(m_kind, !m_correcting.isEmpty() || (m_kind == QLatin1String("patient") && !m_patientId.isEmpty()));
}

QList<FormFieldSpec> RecordForm::activeFields() const
{
    QList<FormFieldSpec> specs = formFields(m_kind);
    if (m_kind == QLatin1String("intake")) {
        // Each role sees the intake fields it may write (clinical::intakeFieldNeeds): the front
        // desk the administrative ones, the rooming team the diagnosis, the clinician the decision.
        keys::Role role{};
        const bool known = session() && keys::parse(session()->role(), &role);
        specs.removeIf([&](const FormFieldSpec &spec) {
            const auto needs = clinical::intakeFieldNeeds(spec.name);
            return needs && (!known || !keys::can(role, *needs));
        });
    }
    if (!m_correcting.isEmpty())
        specs.append({kCorrectionReason, QT_TRANSLATE_NOOP("RecordFields", "Why it is being changed"),
                      FieldType::LongText, true,
                      QT_TRANSLATE_NOOP("RecordFields", "e.g. dose entered wrongly; result came back; visit moved")});
    return specs;
}

// A field's words: the OUD checklist's criteria are clinical data worded in
// assets/clinical/oud-criteria.json (both languages); every other label is in the field table.
QString RecordForm::fieldLabel(const FormFieldSpec &spec) const
{
    if (spec.group == QLatin1String("criteria") && m_kind == QLatin1String("oud_assessment")) {
        const QStringList texts = clinical::oudCriteriaText(uiLanguage());
        for (std::size_t i = 0; i < domain::kOudCriteria.size(); ++i)
            if (spec.name == QLatin1StringView(domain::kOudCriteria[i]) && static_cast<qsizetype>(i) < texts.size())
                return texts.at(static_cast<qsizetype>(i));
    }
    return fieldText(spec.label);
}

QVariantList RecordForm::fields() const
{
    QVariantList list;
    for (const FormFieldSpec &spec : activeFields()) {
        QVariantList choices;
        for (const auto &choice : spec.choices)
            choices << QVariantMap{{QStringLiteral("value"), choice.value},
                                   {QStringLiteral("label"), fieldText(choice.label)}};
        if (isMoudReferral(m_kind, spec.name))
            choices = m_resourceChoices;
        list << QVariantMap{{QStringLiteral("name"), spec.name},
                            {QStringLiteral("label"), fieldLabel(spec)},
                            {QStringLiteral("type"), QVariant::fromValue(spec.type)},
                            {QStringLiteral("required"), spec.required},
                            {QStringLiteral("helper"), fieldText(spec.helper)},
                            {QStringLiteral("choices"), choices}};
    }
    return list;
}

QString RecordForm::mmeCaution() const
{
    if (m_kind != QLatin1String("opioid"))
        return {};
    auto tables = clinical::MmeTables::shipped();
    return tables ? (*tables)->caution(uiLanguage()) : QString();
}

void RecordForm::setValue(const QString &field, const QVariant &value)
{
    if (m_values.value(field) == value)
        return;
    m_values.insert(field, value);
    emit valuesChanged();
    // A field being corrected loses its error; the others keep theirs until the next check.
    if (m_errors.remove(field) > 0)
        emit errorsChanged();
    updatePreview();
}

void RecordForm::clear()
{
    m_values.clear();
    for (const FormFieldSpec &spec : activeFields()) {
        if (spec.type == FieldType::Flag)
            m_values.insert(spec.name, false);  // a box not ticked is an answer ("no"), not a guess
        else if (spec.type == FieldType::Steps)
            m_values.insert(spec.name, QVariantList());
    }
    emit valuesChanged();
    setErrors({});
    m_mmePreview.clear();
    emit previewChanged();
}

void RecordForm::addStep(const QString &field)
{
    QVariantList steps = m_values.value(field).toList();
    steps.append(QVariantMap());  // every part of a step is empty until someone gives it
    setValue(field, steps);
}

void RecordForm::removeStep(const QString &field, int index)
{
    QVariantList steps = m_values.value(field).toList();
    if (index < 0 || index >= steps.size())
        return;
    steps.removeAt(index);
    // The steps after it move up: their errors no longer name the right step.
    QVariantMap errors = m_errors;
    for (auto it = errors.begin(); it != errors.end();)
        it = it.key().startsWith(field + QLatin1Char('[')) ? errors.erase(it) : std::next(it);
    setErrors(errors);
    setValue(field, steps);
}

void RecordForm::setStepValue(const QString &field, int index, const QString &stepField, const QVariant &value)
{
    QVariantList steps = m_values.value(field).toList();
    if (index < 0 || index >= steps.size())
        return;
    QVariantMap step = steps.at(index).toMap();
    step.insert(stepField, value);
    steps[index] = step;
    setValue(field, steps);
    if (m_errors.remove(QStringLiteral("%1[%2].%3").arg(field).arg(index).arg(stepField)) > 0)
        emit errorsChanged();
}

void RecordForm::setErrors(QVariantMap errors)
{
    if (m_errors == errors)
        return;
    m_errors = std::move(errors);
    emit errorsChanged();
}

Result<QJsonObject> RecordForm::payload() const
{
    // Start from the corrected record so that fields the form does not show are kept.
    QJsonObject object = m_correctedPayload;
    for (const FormFieldSpec &spec : activeFields()) {
        const QVariant value = m_values.value(spec.name);
        const QString text = value.toString().trimmed();
        if (spec.name == kCorrectionReason)
            continue;
        if (!spec.group.isEmpty()) {
            QJsonObject group = object.value(spec.group).toObject();
            group.remove(spec.name);
            if (spec.type == FieldType::YesNo && !text.isEmpty())
                group.insert(spec.name, text == QLatin1String("yes"));
            object.insert(spec.group, group);
            continue;
        }
        object.remove(spec.name);
        switch (spec.type) {
        case FieldType::YesNo:
            if (!text.isEmpty())
                object.insert(spec.name, text == QLatin1String("yes"));
            break;
        case FieldType::Flag:
            object.insert(spec.name, value.toBool());
            break;
        case FieldType::Number: {
            if (text.isEmpty())
                break;
            bool ok = false;
            const double number = QLocale().toDouble(text, &ok);
            const double plain = ok ? number : text.toDouble(&ok);
            if (!ok)
                return Error{spec.name, QCoreApplication::translate("RecordForm", "must be a number")};
            object.insert(spec.name, plain);
            break;
        }
        case FieldType::Steps: {
            QJsonArray steps;
            const QVariantList list = value.toList();
            for (qsizetype i = 0; i < list.size(); ++i) {
                const QVariantMap step = list.at(i).toMap();
                QJsonObject o;
                for (const QString &key : {QStringLiteral("date"), QStringLiteral("description")})
                    if (const QString part = step.value(key).toString().trimmed(); !part.isEmpty())
                        o.insert(key, part);
                const QString target = step.value(QStringLiteral("target_mme_per_day")).toString().trimmed();
                if (!target.isEmpty()) {
                    bool ok = false;
                    const double number = QLocale().toDouble(target, &ok);
                    const double plain = ok ? number : target.toDouble(&ok);
                    if (!ok)
                        return Error{QStringLiteral("%1[%2].target_mme_per_day").arg(spec.name).arg(i),
                                     QCoreApplication::translate("RecordForm", "must be a number")};
                    o.insert(QStringLiteral("target_mme_per_day"), plain);
                }
                steps.append(o);
            }
            object.insert(spec.name, steps);
            break;
        }
        case FieldType::TextList: {
            QJsonArray items;
            for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
                if (!item.trimmed().isEmpty())
                    items.append(item.trimmed());
            object.insert(spec.name, items);
            break;
        }
        default:
            if (!text.isEmpty())
                object.insert(spec.name, text);
            break;
        }
    }
    return object;
}

bool RecordForm::validate()
{
    QVariantMap errors;
    // Required fields first, each by name, so that every missing one is shown at once.
    for (const FormFieldSpec &spec : activeFields()) {
        const bool empty = spec.type == FieldType::Steps ? m_values.value(spec.name).toList().isEmpty()
                                                         : m_values.value(spec.name).toString().trimmed().isEmpty();
        if (spec.required && spec.type != FieldType::Flag && empty)
            errors.insert(spec.name, QCoreApplication::translate("RecordForm", "Required."));
    }
    if (errors.isEmpty()) {
        auto object = payload();
        if (!object) {
            errors.insert(formFieldOf(object.error().field), object.error().message);
        } else {
            // The one domain validation: the same check cairnctl, import and sync apply.
            std::optional<Error> problem;
            if (isDemographics(m_kind)) {
                if (auto checked = domain::demographicsFromJson(*object); !checked)
                    problem = checked.error();
            } else if (isInactivation(m_kind)) {
                if (auto checked = inactivationFrom(*object); !checked)
                    problem = checked.error();
            } else if (auto checked = domain::recordFromJson(m_kind, *object); !checked) {
                problem = checked.error();
            }
            if (problem) {
                const QString field = formFieldOf(problem->field);
                errors.insert(field.isEmpty() ? QStringLiteral("form") : field, problem->message);
            }
        }
    }
    setErrors(errors);
    if (!errors.isEmpty()) {
        setMessage(QCoreApplication::translate("RecordForm", "Check the marked fields. Nothing was saved."), true);
    }
    return errors.isEmpty();
}

void RecordForm::save()
{
    if (loading())
        return;
    if (!session() || !session()->signedIn()) {
        setMessage(QCoreApplication::translate("RecordForm", "Sign in to save."), true);
        return;
    }
    if (m_kind != QLatin1String("patient") && m_patientId.isEmpty()) {
        setMessage(QCoreApplication::translate("RecordForm", "Choose the patient first."), true);
        return;
    }
    if (!validate())
        return;
    const QJsonObject object = *payload();
    const QString kind = m_kind;
    const QString patientId = m_patientId;
    const QString correcting = m_correcting;
    const QString reason = m_values.value(kCorrectionReason).toString().trimmed();
    run<Result<QString>>(
        [kind, patientId, correcting, reason, object](registry::Registry &registry) -> Result<QString> {
            if (isInactivation(kind)) {
                auto inactivation = inactivationFrom(object);
                if (!inactivation)
                    return inactivation.error();
                if (auto s = registry.inactivatePatient(patientId, inactivation->first, inactivation->second); !s)
                    return s.error();
                return patientId;
            }
            if (isDemographics(kind)) {
                auto patient = domain::demographicsFromJson(object);
                if (!patient)
                    return patient.error();
                if (patientId.isEmpty())
                    return registry.addPatient(*patient);
                patient->id = patientId;
                if (auto s = registry.updateDemographics(*patient); !s)
                    return s.error();
                return patientId;
            }
            auto record = domain::recordFromJson(kind, object);
            if (!record)
                return record.error();
            return correcting.isEmpty()
                       ? registry.addRecord(patientId, toRecordValue(std::move(record).value()))
                       : registry.correctRecord(correcting, toRecordValue(std::move(record).value()), reason);
        },
        [this](Result<QString> written) {
            if (!written) {
                // The registry refused (a rule the form cannot see, e.g. a duplicate clinic id):
                // shown under its field when it names one, and nothing was written.
                const QString field = formFieldOf(written.error().field);
                if (!field.isEmpty()) {
                    QVariantMap errors = m_errors;
                    errors.insert(field, written.error().message);
                    setErrors(errors);
                }
                setMessage(written.error().line(), true);
                return;
            }
            setMessage(QCoreApplication::translate("RecordForm", "Saved on this tablet."), false);
            session()->noteDataChanged();
            emit saved(*written);
        });
}

void RecordForm::loadCorrected()
{
    m_correctedPayload = {};
    if (!session() || !session()->signedIn() || m_patientId.isEmpty())
        return;
    const bool demographics = isDemographics(m_kind);
    if (m_correcting.isEmpty() && !demographics)
        return;
    const QString patientId = m_patientId;
    const QString recordId = m_correcting;
    run<Result<QJsonObject>>(
        [patientId, recordId, demographics](registry::Registry &registry) -> Result<QJsonObject> {
            if (demographics) {
                auto patient = registry.loadPatient(patientId);
                if (!patient)
                    return patient.error();
                return domain::demographicsToJson(*patient);
            }
            auto history = registry.patientHistory(patientId);
            if (!history)
                return history.error();
            for (const auto &envelope : *history)
                if (envelope.id == recordId)
                    return envelope.payload;
            return Error{QString(),
                         QCoreApplication::translate("RecordForm", "That record is not in this patient's history.")};
        },
        [this](Result<QJsonObject> stored) {
            if (!stored) {
                setMessage(stored.error().line(), true);
                return;
            }
            m_correctedPayload = *stored;
            // The stored values, as the form shows them: a correction starts from what was recorded.
            m_values.clear();
            for (const FormFieldSpec &spec : activeFields()) {
                const QJsonValue value = spec.group.isEmpty() ? stored->value(spec.name)
                                                              : stored->value(spec.group).toObject().value(spec.name);
                if (spec.type == FieldType::YesNo) {
                    if (value.isBool())
                        m_values.insert(spec.name, value.toBool() ? QStringLiteral("yes") : QStringLiteral("no"));
                } else if (spec.type == FieldType::Steps) {
                    QVariantList steps;
                    for (const QJsonValue &item : value.toArray()) {
                        const QJsonObject o = item.toObject();
                        QVariantMap step{
                            {QStringLiteral("date"), o.value(QStringLiteral("date")).toString()},
                            {QStringLiteral("description"), o.value(QStringLiteral("description")).toString()}};
                        const QJsonValue target = o.value(QStringLiteral("target_mme_per_day"));
                        if (target.isDouble())
                            step.insert(QStringLiteral("target_mme_per_day"), QString::number(target.toDouble()));
                        steps << step;
                    }
                    m_values.insert(spec.name, steps);
                } else if (spec.type == FieldType::TextList) {
                    QStringList items;
                    for (const QJsonValue &item : value.toArray())
                        items << item.toString();
                    m_values.insert(spec.name, items.join(QStringLiteral(", ")));
                } else if (spec.type == FieldType::Flag) {
                    m_values.insert(spec.name, value.toBool());
                } else if (spec.type == FieldType::Number) {
                    if (!value.isUndefined() && !value.isNull())
                        m_values.insert(spec.name, QString::number(value.toDouble()));
                } else if (!value.isUndefined() && !value.isNull()) {
                    m_values.insert(spec.name, value.toVariant().toString());
                }
            }
            emit valuesChanged();
            setMessage(QString(), false);
            updatePreview();
        });
}

void RecordForm::loadRegimen()
{
    m_otherOpioids.clear();
    if (m_kind != QLatin1String("opioid") || !session() || !session()->signedIn() || m_patientId.isEmpty())
        return;
    const QString patientId = m_patientId;
    // In the background: the form stays usable while the preview's data arrives.
    runInBackground<Result<QList<QJsonObject>>>(
        [patientId](registry::Registry &registry) -> Result<QList<QJsonObject>> {
            auto patient = registry.loadPatient(patientId);
            if (!patient)
                return patient.error();
            QList<QJsonObject> entries;
            for (const auto &entry : patient->opioids) {
                QJsonObject object = domain::recordToJson(domain::AnyRecord(entry));
                object.insert(QStringLiteral("id"), entry.meta.id.toString(QUuid::WithoutBraces));
                entries << object;
            }
            return entries;
        },
        [this](Result<QList<QJsonObject>> entries) {
            if (entries)
                m_otherOpioids = *entries;
            updatePreview();
        });
}

void RecordForm::loadResourceChoices()
{
    if (m_kind != QLatin1String("moud_status") || !session() || !session()->signedIn())
        return;
    runInBackground<Result<QList<domain::ClinicResource>>>(
        [](registry::Registry &registry) { return registry.clinicResources(); },
        [this](Result<QList<domain::ClinicResource>> resources) {
            if (!resources)
                return setMessage(resources.error().line(), true);
            // The resources a patient can be referred to for MOUD (clinical::offersMoud), by name.
            QVariantList choices;
            for (const domain::ClinicResource &resource : std::as_const(*resources))
                if (clinical::offersMoud(resource.category))
                    choices << QVariantMap{{QStringLiteral("value"), resource.id},
                                           {QStringLiteral("label"), resource.name}};
            m_resourceChoices = choices;
            emit kindChanged();  // the fields' choices changed
        });
}

void RecordForm::updatePreview()
{
    if (m_kind != QLatin1String("opioid"))
        return;
    QString preview;
    auto object = payload();
    auto tables = clinical::MmeTables::shipped();
    const clinical::MmeTable *table = tables ? (*tables)->find((*tables)->defaultId()) : nullptr;
    if (object && table) {
        auto entry = domain::recordFromJson(QStringLiteral("opioid"), *object);
        if (entry) {
            const auto &opioid = std::get<domain::OpioidEntry>(*entry);
            const QDate on = opioid.start.isValid() ? opioid.start : clinicToday();
            auto own = clinical::computeMme({opioid}, on, *table);
            QList<domain::OpioidEntry> regimen{opioid};
            for (const QJsonObject &other : m_otherOpioids) {
                if (other.value(QStringLiteral("id")).toString() == m_correcting)
                    continue;  // the version being corrected is replaced, not added
                if (auto parsed = domain::recordFromJson(QStringLiteral("opioid"), other))
                    regimen << std::get<domain::OpioidEntry>(*parsed);
            }
            auto total = clinical::computeMme(regimen, on, *table);
            if (own && total) {
                const double mine =
                    own->items.isEmpty() || !own->items.first().mmePerDay ? 0 : *own->items.first().mmePerDay;
                preview =
                    QCoreApplication::translate("RecordForm", "This entry: %1 MME/day. Total from %2: %3 MME/day (%4).")
                        .arg(decimalText(clinical::roundToTenth(mine), 1), QLocale().toString(on, QLocale::ShortFormat),
                             decimalText(clinical::roundToTenth(total->totalPerDay), 1),
                             mmeBandLabel(clinical::toString(total->band)));
            }
        }
    }
    if (preview != m_mmePreview) {
        m_mmePreview = preview;
        emit previewChanged();
    }
}

}  // namespace cairn::app

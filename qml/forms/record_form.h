#pragma once
// One view model for every form that adds or corrects a record on the tablet: a patient's
// demographics, a medication, a urine result, a booking, a goal, a refill request, ... The form's
// fields (label, input type, choices) come from one table per record kind (record_form_fields.cpp);
// the values are turned into the record's JSON payload and checked by the ONE domain validation
// (core/domain), whose errors name the field: each error is shown under its own field. Nothing is
// written until every field is valid, and then in one transaction (record, outbox, audit).
//
// Like every asynchronous object here it exposes `loading`, `error` and `message`; every path
// that starts loading ends it.

#include "qml/app/async_model.h"

#include <QJsonObject>
#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

struct FormFieldSpec;

class RecordForm : public cairn::app::AsyncObject {
    Q_OBJECT
    QML_ELEMENT
    // The record kind as stored ("opioid", "benzodiazepine", "uds", "visit", ...), or "patient"
    // for demographics (a new patient when patientId is empty).
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY kindChanged)
    Q_PROPERTY(QString patientId READ patientId WRITE setPatientId NOTIFY patientIdChanged)
    // The record this form corrects (its values are loaded into the form); empty to add one.
    Q_PROPERTY(QString correcting READ correcting WRITE setCorrecting NOTIFY correctingChanged)
    // The form's title in words ("Start an opioid", "Correct a urine test result", ...).
    Q_PROPERTY(QString title READ title NOTIFY kindChanged)
    // [{name, label, type, required, helper, choices: [{value, label}]}]; type is a FieldType.
    Q_PROPERTY(QVariantList fields READ fields NOTIFY kindChanged)
    Q_PROPERTY(QVariantMap values READ values NOTIFY valuesChanged)
    // Field name → message, for the fields that are wrong now.
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY errorsChanged)
    // The error no single field shows (a rule across fields, a registry refusal); empty if none.
    Q_PROPERTY(QString formError READ formError NOTIFY errorsChanged)
    // Opioid forms: this entry's MME/day and the patient's new total with its band, while typing.
    Q_PROPERTY(QString mmePreview READ mmePreview NOTIFY previewChanged)
    Q_PROPERTY(QString mmeCaution READ mmeCaution NOTIFY previewChanged)

public:
    // Steps: a list of {date, description, target_mme_per_day} (a taper plan's steps), edited
    // with addStep / removeStep / setStepValue; its errors are keyed "steps[1].date".
    // YesNo: a question answered yes or no (stored true or false), unanswered until someone answers.
    enum class FieldType { Text, LongText, Date, Time, Number, Choice, Flag, TextList, Steps, YesNo };
    Q_ENUM(FieldType)

    explicit RecordForm(QObject *parent = nullptr);

    QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    QString patientId() const { return m_patientId; }
    void setPatientId(const QString &id);
    QString correcting() const { return m_correcting; }
    void setCorrecting(const QString &recordId);
    QString title() const;
    QVariantList fields() const;
    QVariantMap values() const { return m_values; }
    QVariantMap errors() const { return m_errors; }
    QString formError() const { return m_errors.value(QStringLiteral("form")).toString(); }
    QString mmePreview() const { return m_mmePreview; }
    QString mmeCaution() const;

    Q_INVOKABLE void setValue(const QString &field, const QVariant &value);
    // Checks every field now (the form also checks on save); true when all are valid.
    Q_INVOKABLE bool validate();
    // Validates, then writes in one transaction; `saved` follows with the new record's id.
    Q_INVOKABLE void save();
    // A Steps field ("steps"): appends an empty step, removes one, or sets one of a step's fields.
    Q_INVOKABLE void addStep(const QString &field);
    Q_INVOKABLE void removeStep(const QString &field, int index);
    Q_INVOKABLE void setStepValue(const QString &field, int index, const QString &stepField, const QVariant &value);
    // Empties the form for the next entry (after a save).
    Q_INVOKABLE void clear();

    // The payload the current values make (for tests and the preview); errors as validate() sees them.
    Result<QJsonObject> payload() const;

signals:
    void kindChanged();
    void patientIdChanged();
    void correctingChanged();
    void valuesChanged();
    void errorsChanged();
    void previewChanged();
    void saved(const QString &recordId);

private:
    // The kind's fields, and "why it is being changed" when correcting.
    QList<FormFieldSpec> activeFields() const;
    QString fieldLabel(const FormFieldSpec &spec) const;
    void setErrors(QVariantMap errors);
    void reload() override;
    void loadCorrected();
    void loadRegimen();
    void loadResourceChoices();
    void updatePreview();

    QString m_kind;
    QString m_patientId;
    QString m_correcting;
    QVariantMap m_values;
    QVariantMap m_errors;
    QString m_mmePreview;
    QJsonObject m_correctedPayload;     // the stored record a correction starts from
    QList<QJsonObject> m_otherOpioids;  // the patient's current opioid entries (for the new total)
    QVariantList m_resourceChoices;     // MOUD form: [{value: resource id, label: name}] from the directory
};

}  // namespace cairn::app

#pragma once
// The fields each tablet form shows, per record kind: the payload field name (the rules
// contract's), its words, its input type and its choices. Only the words and input types live
// here; what a valid value is lives in the domain validation (core/domain), which the form runs.

#include "qml/forms/record_form.h"

#include <QList>
#include <QString>

namespace cairn::app {

struct FormChoice {
    QString value;      // as stored ("in_person")
    const char *label;  // QT_TRANSLATE_NOOP("RecordFields", ...)
};

struct FormFieldSpec {
    QString name;                 // payload field ("strength_mg")
    const char *label = nullptr;  // QT_TRANSLATE_NOOP("RecordFields", ...)
    RecordForm::FieldType type = RecordForm::FieldType::Text;
    bool required = false;
    const char *helper = nullptr;  // an example or a hint, never a value
    QList<FormChoice> choices{};   // {}: fields without choices may leave it out (-Wmissing-field-initializers)
    // The payload object the value goes in ("criteria" for the OUD checklist); empty: the top level.
    QString group{};
};

// The fields of a kind's form, in screen order; empty for a kind without a form.
const QList<FormFieldSpec> &formFields(const QString &kind);
// "Start an opioid" / "Correct an opioid", "Add a patient" / "Edit the patient's details", ...
QString formTitle(const QString &kind, bool correcting);
// A field table text in the screen's language (empty for null).
QString fieldText(const char *text);
// The words of a stored choice ("z_drug" of the sedative form's "kind" → "Z-drug (sleep
// medicine)"), so that history and banners name a choice as the form does; `value` if unknown.
QString choiceLabel(const QString &kind, const QString &field, const QString &value);

}  // namespace cairn::app

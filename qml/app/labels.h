#pragma once
// Words the screens show for domain values, translated (English and Spanish via Qt Linguist).

#include "core/clinical/intake.h"
#include "core/clinical/oud.h"
#include "core/domain/records.h"
#include "core/roles/roles.h"

#include <QJsonValue>
#include <QString>

namespace cairn::app {

QString roleLabel(keys::Role role);
QString tierLabel(const QString &tier);
// Short, plain names of care gaps and their status, for chips that are never colour alone.
QString gapLabel(const QString &code);
QString gapStatusLabel(const QString &status);
// A gap and its status as ONE phrase that says what to do ("Offer naloxone", "Urine test
// overdue"): translated whole, so that languages with gender and word order read naturally.
QString gapPhrase(const QString &code, const QString &status);
// A stored record kind in words ("opioid" → "Opioid", "patient" → "Patient details").
QString recordKindLabel(const QString &kind);
// A referral's status and urgency in the screen's language.
QString referralStatusLabel(domain::ReferralStatus status);
QString referralUrgencyLabel(domain::ReferralUrgency urgency);
// A taper plan's status in lower case, for a sentence ("oxycodone, in progress").
QString taperStatusLabel(domain::TaperStatus status);
// An OUD checklist's result in words, for a sentence ("mild opioid use disorder").
QString oudSeverityLabel(clinical::OudSeverity severity);
// An item of the new-patient intake's checklist in words ("prior records received").
QString intakeItemLabel(clinical::IntakeItem item);
// "lt50", "50to89", "ge90" in words.
QString mmeBandLabel(const QString &band);
// One payload value as a user reads it (text as is, lists and objects as compact JSON, empty
// as "(empty)"): for showing versions of a record side by side.
QString payloadValueText(const QJsonValue &value);
// The author of a record written by a user of another tablet who never signed in on this one.
QString unknownAuthorLabel();
// A patient's language ("en", "es") named in the screens' language ("English" / "inglés"): the
// banner's "Speaks …" reads as one sentence in either language (core/reports/record_words, the
// case summary PDF's rule too).
QString languageName(const QString &code);
// The language of the screens ("en" or "es"), for texts that come from clinical assets.
QString uiLanguage();

}  // namespace cairn::app

#pragma once
// Typed reads of an instrument's definition (assets/clinical/instruments/*.json): its title, stem,
// questions in entry-screen order with their answer labels, answer range and LOINC codes. Screens,
// the FHIR codecs and the clinical decisions read a definition only through these, never its JSON
// by key, so a change to the file's layout is made here once.

#include "core/clinical/instruments.h"

#include <QString>
#include <QStringList>

namespace cairn::clinical {

// An instrument's LOINC codes, for FHIR in and out; empty for instruments without them.
struct LoincCodes {
    QString panel;
    QString total;
    QStringList items;  // one per item, in item order
};

// The lowest and highest answer to an item of a "scores" instrument (0 and 0 for yes/no shapes).
struct AnswerRange {
    int min = 0;
    int max = 0;
};

// Texts are in `language` ("en", "es"), in English where the definition lacks that language.
QString instrumentTitle(const Instrument &instrument, const QString &language);
// What leads into the items ("Over the last 2 weeks, ..."), or the PEG's recall period.
QString instrumentStem(const Instrument &instrument, const QString &language);
QString instrumentLicenceNotice(const Instrument &instrument, const QString &language);
AnswerRange answerRange(const Instrument &instrument);
// Question `question` in entry-screen order (Instrument::questionCount(); the PC-PTSD-5's exposure
// question is 0): its wording, and the label of one answer value (empty where none is named).
QString questionText(const Instrument &instrument, int question, const QString &language);
QString answerLabel(const Instrument &instrument, int question, int value, const QString &language);
LoincCodes loincCodes(const Instrument &instrument);

}  // namespace cairn::clinical

#pragma once
// What a rooming asks: which optional instruments are due for a patient, and the questions in
// order given the answers so far (a positive PHQ-2 or GAD-2 leads on to the full PHQ-9 or GAD-7,
// the PC-PTSD-5's items follow only a "yes" to trauma exposure). The rooming screen turns these
// questions into steps; it decides nothing clinical itself.

#include "core/clinical/instruments.h"
#include "core/domain/records.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace cairn::clinical {

// The instruments a rooming may write, in the order it writes them.
const QStringList &roomingInstruments();

// The brief screen a full questionnaire follows ("phq2" for "phq9", "gad2" for "gad7"); empty for
// any other instrument. The full one shares the screen's first two items.
QString screenBefore(const QString &instrument);

// The optional instruments ("ort", "pcptsd5") this rooming asks, from what the patient has on record.
QStringList optionalInstrumentsDue(const domain::Patient &patient, const QDate &day);

// Answers so far: instrument → one value per question (Instrument::questionCount()), -1 unanswered.
using RoomingAnswers = QHash<QString, QList<int>>;

struct RoomingContext {
    const Instruments *instruments = nullptr;
    QStringList optionalDue;  // optionalInstrumentsDue() when the rooming started
    domain::Sex sex = domain::Sex::Unknown;
    int pcptsd5Cutoff = 3;  // clinic policy
};

// The instrument's answers complete and scored positive.
bool roomingScreenPositive(const RoomingContext &context, const RoomingAnswers &answers, const QString &instrument);

struct RoomingQuestion {
    QString instrument;
    int question = 0;  // in entry-screen order (Instrument::questionCount())

    friend bool operator==(const RoomingQuestion &, const RoomingQuestion &) = default;
};

// Every question to ask, in order, given the answers so far.
QList<RoomingQuestion> roomingQuestions(const RoomingContext &context, const RoomingAnswers &answers);

// Whether a completed instrument is written as a record: a full questionnaire only after a
// positive screen; an optional one only when due and scorable.
bool roomingRecordsInstrument(const RoomingContext &context, const RoomingAnswers &answers, const QString &instrument);

}  // namespace cairn::clinical

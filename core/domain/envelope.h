#pragma once
// A record as it is stored and as it travels: who wrote it, where, when (hybrid logical clock),
// which record it corrects, and its payload (the record's contract JSON). The same envelope is a
// row in the tablet's registry, an item in a sync batch and a row in the server's change feed.

#include "core/domain/hlc.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace cairn::domain {

// Records that belong to the clinic rather than to a patient (clinic policy, clinic scripts) use
// this in place of a patient id.
inline const QString kClinicScope = QStringLiteral("clinic");

struct RecordEnvelope {
    std::int64_t seq = 0;  // local write order on the device that holds it (not sent)
    QString id;            // UUID text, unique everywhere
    QString patientId;
    QString kind;  // "patient", "opioid", "benzodiazepine", "agreement", "pdmp_check", "naloxone",
                   // "uds", "visit", "peg", "screening", "referral", "goal", "script_use", ...
    QString date;  // ISO date the record is about (may be empty)
    QJsonObject payload;
    QString author;  // user id
    QString device;  // device id where it was written
    HlcStamp stamp;
    QString supersedes;      // id of the record this one corrects (empty if none)
    bool retracted = false;  // a correction that withdraws the record it supersedes (a tombstone)
    // Other unsuperseded versions of the same record that the writer saw merged with `supersedes`
    // when writing this one: they are closed with it, so a later edit replaces the merge instead
    // of being merged again with versions it already took into account.
    QStringList closes;
    QString writtenAt;  // ISO UTC time of the local write
};

}  // namespace cairn::domain

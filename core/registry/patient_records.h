#pragma once
// Between a domain::Patient and the record envelopes that store it. Pure: the caller supplies
// identity and time (a Stamper), so the same code serves the registry, seeding and tests.

#include "core/domain/envelope.h"
#include "core/domain/record_json.h"
#include "core/domain/records.h"
#include "core/domain/result.h"
#include "core/storage/record_store.h"

#include <functional>

namespace cairn::registry {

// Fills a record's meta (id, author, device, clock stamp) when it has none yet.
using Stamper = std::function<void(domain::RecordMeta &meta)>;

// The envelope of one record of a patient.
domain::RecordEnvelope toEnvelope(const QString &patientId, const domain::AnyRecord &record);
// The envelope of a patient's demographics (kind "patient").
domain::RecordEnvelope demographicsEnvelope(const domain::Patient &patient);

// Every envelope a patient value holds: demographics first, then each record. Records without
// meta are stamped.
QList<domain::RecordEnvelope> envelopesOf(domain::Patient patient, const Stamper &stamp);

// A patient from the current envelopes of one patient id. Where sync left two current versions
// of the demographics, the one with the later clock stamp is shown (the conflict is reviewed
// elsewhere); no record is dropped.
Result<domain::Patient> assemblePatient(const domain::RecordEnvelope *begin, const domain::RecordEnvelope *end);
inline Result<domain::Patient> assemblePatient(const QList<domain::RecordEnvelope> &current)
{
    return assemblePatient(current.constData(), current.constData() + current.size());
}

// Groups current envelopes (ordered by patient) into patients.
Result<QList<domain::Patient>> assemblePatients(const QList<domain::RecordEnvelope> &currentByPatient);

// Every patient of the store, read straight from the text of the current rows
// (RecordStore::scanCurrent) with domain::PayloadReader: the same patients, in the same order and
// with the same errors, as assemblePatients(store.allCurrent()), without building envelopes or
// QJsonObjects. Rows are decoded on a second thread while the scan goes on.
Result<QList<domain::Patient>> assembleAllPatients(storage::RecordStore &store);

// The same patients as assembleAllPatients, handed to `visit` one at a time as soon as the scan is
// past a patient's last record (RecordStore::lastSeqOfEachPatient), so that only the patients whose
// records are still being read are held: a registry written patient by patient (seeding, an
// import, a first pull) is never whole in memory. Patients come in the order their last records
// were written. Stops visiting at the first error, of assembling or of `visit`, and returns it.
Status forEachPatient(storage::RecordStore &store, const std::function<Status(domain::Patient &&)> &visit);

// The patients `ids` name, each read on its own (RecordStore::current) and handed to `visit` in
// the order of `ids`: for a few patients, where a scan of the whole store would cost more. An id
// with no current records (a patient this tablet has no demographics for yet) is passed over.
// Stops at the first error, of reading or of `visit`, and returns it.
Status forEachPatientOf(storage::RecordStore &store, const QStringList &ids,
                        const std::function<Status(domain::Patient &&)> &visit);

}  // namespace cairn::registry

// `cairnctl import --fhir` and `cairnctl mme --fhir`: a FHIR R4 Bundle, resource or NDJSON. A file
// is read whole or refused with an error that says what is wrong; what is read exports to FHIR and
// reads back to as many patients and records.

#include "core/interop/fhir_export.h"
#include "core/interop/fhir_import.h"
#include "tests/fuzz/fuzz_target.h"

using namespace cairn;

namespace {

qsizetype recordCount(const QList<domain::Patient> &patients)
{
    qsizetype count = 0;
    for (const domain::Patient &p : patients)
        count += p.opioids.size() + p.benzodiazepines.size() + p.peg.size() + p.screenings.size() + p.uds.size() +
                 p.agreements.size() + p.pdmpChecks.size() + p.naloxone.size() + p.visits.size() + p.referrals.size();
    return count;
}

}  // namespace

CAIRN_FUZZ_TARGET(fhir_import)
{
    const QByteArray bytes = fuzz::bytesOf(data, size);
    for (const bool requirePatients : {true, false}) {
        auto content = interop::readFhir({interop::FhirFile{{}, bytes}}, requirePatients);
        if (!content) {
            fuzz::checkError(content.error());
            continue;
        }
        if (!requirePatients)
            continue;
        QList<domain::Patient> patients = content->patients;
        for (qsizetype i = 0; i < patients.size(); ++i)
            patients[i].id = QStringLiteral("p%1").arg(i);
        auto exported = interop::exportFhir(patients);
        if (!exported) {
            fuzz::checkError(exported.error());
            continue;
        }
        QList<interop::FhirFile> files;
        for (const QString &type : interop::fhirExportTypes())
            files.append({type + QStringLiteral(".ndjson"), exported->ndjson.value(type)});
        auto again = interop::readFhir(files, true);
        CAIRN_FUZZ_CHECK(again.ok());
        CAIRN_FUZZ_CHECK(again->patients.size() == patients.size());
        CAIRN_FUZZ_CHECK(recordCount(again->patients) == recordCount(patients));
    }
    return 0;
}

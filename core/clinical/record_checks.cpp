#include "core/clinical/record_checks.h"

#include "core/clinical/instruments.h"
#include "core/clinical/mme.h"
#include "core/domain/text.h"

namespace cairn::clinical {
namespace {

Status checkOpioid(const domain::OpioidEntry &entry)
{
    auto tables = MmeTables::shipped();
    if (!tables)
        return tables.error();
    if (!(*tables)->knownDrug(entry.drug))
        return Error{QStringLiteral("drug"),
                     QStringLiteral("unknown drug \"%1\"").arg(domain::quotedInput(entry.drug, 40))};
    return ok();
}

Status checkScreening(const domain::Screening &screening)
{
    auto instruments = Instruments::shipped();
    if (!instruments)
        return instruments.error();
    const Instrument *instrument = (*instruments)->find(screening.instrument);
    if (!instrument)
        return Error{QStringLiteral("instrument"),
                     QStringLiteral("unknown instrument \"%1\"").arg(domain::quotedInput(screening.instrument, 40))};
    auto answers = instrument->parseAnswers(screening.answers);
    if (!answers)
        return answers.error().within(QStringLiteral("answers"));
    return ok();
}

}  // namespace

Status checkRecord(const domain::AnyRecord &record)
{
    if (const auto *opioid = std::get_if<domain::OpioidEntry>(&record))
        return checkOpioid(*opioid);
    if (const auto *screening = std::get_if<domain::Screening>(&record))
        return checkScreening(*screening);
    return ok();
}

Status checkPatient(const domain::Patient &patient)
{
    for (qsizetype i = 0; i < patient.opioids.size(); ++i) {
        if (auto s = checkOpioid(patient.opioids.at(i)); !s)
            return s.error().within(QStringLiteral("opioids[%1]").arg(i));
    }
    for (qsizetype i = 0; i < patient.screenings.size(); ++i) {
        if (auto s = checkScreening(patient.screenings.at(i)); !s)
            return s.error().within(QStringLiteral("screenings[%1]").arg(i));
    }
    return ok();
}

}  // namespace cairn::clinical

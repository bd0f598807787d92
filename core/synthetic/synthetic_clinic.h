#pragma once
// A deterministic synthetic clinic: invented people with realistic long-term opioid therapy
// histories, for the demo registry, tests and benchmarks. The same options give the same clinic
// on every machine (own integer mapping, no std:: distributions, whose output varies by library).
// Names are made from common first and last names; clinic ids start with "SYN-".

#include "core/domain/records.h"

#include <QDate>
#include <QList>

#include <cstdint>

namespace cairn::synthetic {

struct Options {
    int patients = 200;
    int years = 3;  // of history before asOf
    std::uint64_t seed = 1;
    QDate asOf = QDate(2026, 11, 23);
    int prescribers = 6;
};

QList<domain::Patient> generateClinic(const Options &options);

// The fake prescribers the generator uses.
QStringList prescriberNames();

}  // namespace cairn::synthetic

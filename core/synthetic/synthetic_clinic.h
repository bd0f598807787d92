#pragma once
// A deterministic synthetic clinic: invented people with realistic long-term opioid therapy
// histories, for the demo registry, tests and benchmarks. The same options give the same clinic
// on every machine (own integer mapping, no std:: distributions, whose output varies by library).
// Names are made from common first and last names; clinic ids start with "SYN-".

#include "core/domain/records.h"

#include <QDate>
#include <QList>

#include <cstdint>
#include <memory>
#include <optional>

namespace cairn::synthetic {

struct Options {
    int patients = 200;
    int years = 3;  // of history before asOf
    std::uint64_t seed = 1;
    QDate asOf = QDate(2026, 11, 23);
    int prescribers = 6;
};

// The clinic one patient at a time, in generateClinic's order and identical to it, so a large
// clinic can be stored while it is made instead of held whole in memory first.
class ClinicGenerator {
public:
    explicit ClinicGenerator(const Options &options);
    ~ClinicGenerator();
    ClinicGenerator(const ClinicGenerator &) = delete;
    ClinicGenerator &operator=(const ClinicGenerator &) = delete;
    // The next patient; nullopt once options.patients were made.
    std::optional<domain::Patient> next();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// The whole clinic at once (ClinicGenerator, collected).
QList<domain::Patient> generateClinic(const Options &options);

// The fake prescribers the generator uses.
QStringList prescriberNames();

}  // namespace cairn::synthetic

#pragma once
// The code systems and extensions the FHIR importer and exporter share, so the two cannot drift.

#include <QLatin1StringView>

namespace cairn::interop::fhir {

inline constexpr QLatin1StringView kRxNorm{"http://www.nlm.nih.gov/research/umls/rxnorm"};
inline constexpr QLatin1StringView kLoinc{"http://loinc.org"};
inline constexpr QLatin1StringView kUcum{"http://unitsofmeasure.org"};
inline constexpr QLatin1StringView kIdentifierType{"http://terminology.hl7.org/CodeSystem/v2-0203"};
inline constexpr QLatin1StringView kObservationCategory{"http://terminology.hl7.org/CodeSystem/observation-category"};
// Timing.code's abbreviations (BID, TID, ...): the HL7 v3 GTSAbbreviation code system that FHIR R4's
// timing-abbreviation value set draws from.
inline constexpr QLatin1StringView kTimingAbbreviation{"http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation"};

// What FHIR R4 has no element for. The base is reserved (.invalid, RFC 2606): these are Cairn's own
// definitions, published nowhere, read back only by Cairn.
inline constexpr QLatin1StringView kCairnBase{"https://cairn.invalid/fhir/"};
inline constexpr QLatin1StringView kExtLtotStart{"https://cairn.invalid/fhir/StructureDefinition/ltot-start"};
// Since when this clinic is the patient's opioid prescriber of record (new-patient refill rule).
inline constexpr QLatin1StringView kExtOpioidPrescriberSince{
    "https://cairn.invalid/fhir/StructureDefinition/opioid-prescriber-since"};
inline constexpr QLatin1StringView kExtRiskTier{"https://cairn.invalid/fhir/StructureDefinition/risk-tier"};
inline constexpr QLatin1StringView kExtRiskTierReason{
    "https://cairn.invalid/fhir/StructureDefinition/risk-tier-reason"};
// Why and since when a patient is inactive (FHIR's Patient.active is only a flag; deceasedDateTime
// covers one reason of five).
inline constexpr QLatin1StringView kExtInactiveReason{"https://cairn.invalid/fhir/StructureDefinition/inactive-reason"};
inline constexpr QLatin1StringView kExtInactiveDate{"https://cairn.invalid/fhir/StructureDefinition/inactive-date"};
inline constexpr QLatin1StringView kExtIndication{"https://cairn.invalid/fhir/StructureDefinition/opioid-indication"};
inline constexpr QLatin1StringView kExtConfirmatorySent{
    "https://cairn.invalid/fhir/StructureDefinition/uds-confirmatory-sent"};
// No LOINC code was confirmed for the clinic's urine drug screen result (expected / unexpected /
// pending), so the screen and its result are coded in Cairn's own systems.
inline constexpr QLatin1StringView kCairnObservation{"https://cairn.invalid/fhir/CodeSystem/observation"};
inline constexpr QLatin1StringView kCairnUdsResult{"https://cairn.invalid/fhir/CodeSystem/uds-result"};
inline constexpr QLatin1StringView kUdsCode{"urine-drug-screen"};
inline constexpr QLatin1StringView kUdsSubstanceCode{"uds-substance"};

}  // namespace cairn::interop::fhir

#pragma once
// Domain validation: the ONE place that says what a well-formed record is (ranges, dates, required
// fields). Every entry path (cairnctl import/evaluate, the tablet forms, the sync server) calls these
// before anything is written. Field names in errors use the contract's JSON names, relative to the
// record ("strength_mg", "pain"); callers prefix the path with Error::within().
// Instrument answers and drug names are checked by core/clinical, which owns their definitions.

#include "core/domain/records.h"
#include "core/domain/result.h"

namespace cairn::domain {

Status validate(const OpioidEntry &entry);
Status validate(const BenzodiazepineEntry &entry);
Status validate(const Agreement &agreement);
Status validate(const PdmpCheck &check);  // a concerning check needs its findings
// The findings rule on its own, for a form that asks before the rest of the check is filled in.
bool pdmpFindingsMissing(const PdmpCheck &check);
Status validate(const NaloxoneRecord &record);
Status validate(const UrineDrugScreen &screen);
Status validate(const Visit &visit);
Status validate(const PegScore &peg);
Status validate(const Screening &screening);  // instrument present, date valid, answers present
Status validate(const Referral &referral);
Status validate(const CarePlanGoal &goal);
Status validate(const ScriptUse &use);
Status validate(const TaperPlan &plan);
Status validate(const RefillRequest &request);
Status validate(const MedicationReview &review);
Status validate(const UdsSelection &selection);
Status validate(const RefillOverride &override);
Status validate(const LtotDecision &decision);        // the reason is required
Status validate(const NoReferralDecision &decision);  // the reason is required
Status validate(const OudAssessment &assessment);     // every criterion answered, and as_prescribed
Status validate(const MoudStatus &status);            // a referral names where to
Status validate(const Intake &intake);                // an outcome has its date and clinician; a bridge its review date
Status validate(const CaseConference &conference);    // the question is required
Status validate(const Task &task);                    // text, owner role and due date are required
// Demographics and every list; list errors carry their index: "opioids[1].strength_mg".
Status validate(const Patient &patient);
// A patient the registry keeps: well-formed, with a name and a clinic identifier. (An evaluate
// request may leave both out: the rules do not need them.)
Status validateForRegistry(const Patient &patient);

}  // namespace cairn::domain

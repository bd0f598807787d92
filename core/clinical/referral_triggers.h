#pragma once
// The facts the clinic's referral triggers are read from (referrals.h), taken from an evaluation
// (its MME and scores) and the patient's record. One place for them: the rules engine raises
// REFERRAL_NEEDED from them, and the patient screen offers a decision not to refer for each trigger
// the gap is about.

#include "core/clinical/referrals.h"
#include "core/clinical/rules.h"

namespace cairn::clinical {

// `evaluation` needs its MME and scores (the rules engine calls this before it raises gaps).
TriggerFacts triggerFacts(const domain::Patient &patient, const Evaluation &evaluation, const ClinicPolicy &policy);
// The triggers still unanswered on the evaluation's date: those REFERRAL_NEEDED is about.
QList<domain::ReferralTrigger> unansweredReferralTriggers(const domain::Patient &patient, const Evaluation &evaluation,
                                                          const ClinicPolicy &policy);

}  // namespace cairn::clinical

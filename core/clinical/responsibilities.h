#pragma once
// The clinic's responsibilities (policy `responsibilities`): which role closes each care gap. The
// rules engine stamps each gap with its owner, so the huddle, worklists and gap chips follow it, and
// owning a gap lets that role write the record kinds that close it (gaps.json `closed_by`), even
// when its role's permission table would not: mayRecord is the ONE answer to "may this role write
// this kind under this policy", asked by the registry before every write and by the screens.

#include "core/domain/result.h"
#include "core/roles/roles.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace cairn::clinical {

struct ClinicPolicy;

using Responsibilities = QHash<QString, keys::Role>;  // care-gap code → the role that closes it

// Every care-gap code of the rules engine (assets/clinical/gaps.json), sorted.
const QStringList &careGapCodes();
// The stored record kinds that close a gap ("pdmp_check" for PDMP_CHECK); empty for an unknown code.
QStringList kindsClosingGap(const QString &code);

// Reads policy.responsibilities. A gap the object leaves out keeps the shipped default (a policy
// stored before responsibilities existed still loads). Errors name the key:
// "responsibilities.PDMP_CHECK": not a role, or a role that could never record what closes the gap;
// "responsibilities.FOO": not a care-gap code.
Result<Responsibilities> readResponsibilities(const QJsonValue &value);
QJsonObject responsibilitiesToJson(const Responsibilities &responsibilities);

// Whether `role` may add, correct or withdraw a record of stored `kind` ("patient" for
// demographics) under `policy`: its role's permission, or it owns a gap that the kind closes.
bool mayRecord(keys::Role role, const QString &kind, const ClinicPolicy &policy);

}  // namespace cairn::clinical

#pragma once
// The clinic team the tests sign in as, by name and PIN, so that a test of the screens and a test
// of cairnctl on the same feature speak of the same users. A test adds each with its role.

#include <QString>

namespace cairn::testing::team {

inline const QString kAdminPin = QStringLiteral("246810");  // the registry creator's (AppFixture's default)
inline const QString kMedicalAssistant = QStringLiteral("Morgan MA");
inline const QString kMedicalAssistantPin = QStringLiteral("2468");
inline const QString kClinician = QStringLiteral("Casey Clinician");
inline const QString kClinicianPin = QStringLiteral("1357");
inline const QString kNurse = QStringLiteral("Nico Nurse");
inline const QString kNursePin = QStringLiteral("3579");
inline const QString kManager = QStringLiteral("Riley Registry");
inline const QString kManagerPin = QStringLiteral("1470");

}  // namespace cairn::testing::team

#pragma once
// QtTest checks for cairn::Result and Status, and a plain patient for tests that need one: a failed
// check prints the error's field and message.

#include "core/domain/records.h"

#include <QDate>
#include <QTest>

#define CHECK_OK(expr)                                                                                                 \
    do {                                                                                                               \
        const auto &result_ = (expr);                                                                                  \
        QVERIFY2(result_, qPrintable(result_ ? QString() : result_.error().line()));                                   \
    } while (false)

namespace cairn::testing {

// A patient with only the demographics every registry write requires.
inline domain::Patient plainPatient(const QString &name, const QString &chart)
{
    domain::Patient p;
    p.name = name;
    p.clinicId = chart;
    p.birthDate = QDate(1961, 4, 2);
    p.sex = domain::Sex::Female;
    p.prescriber = QStringLiteral("Dr Rivera");
    p.phone = QStringLiteral("555-0100");
    return p;
}

}  // namespace cairn::testing

#pragma once
// QtTest checks for cairn::Result and Status, and the plain patients tests need: a failed check
// prints the error's field and message.

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

// A patient taking `mgPerDay` mg of morphine once a day since `start`: morphine's MME factor is 1,
// so that is also their MME a day (95: above the 90 that asks for a referral).
inline domain::Patient patientOnMorphine(const QString &name, const QString &chart, const QDate &birthDate,
                                         double mgPerDay, const QDate &start)
{
    domain::Patient p;
    p.clinicId = chart;
    p.name = name;
    p.birthDate = birthDate;
    p.sex = domain::Sex::Female;
    domain::OpioidEntry morphine;
    morphine.drug = QStringLiteral("morphine");
    morphine.strengthMg = mgPerDay;
    morphine.unitsPerDose = 1;
    morphine.dosesPerDay = 1;
    morphine.start = start;
    p.opioids = {morphine};
    return p;
}

}  // namespace cairn::testing

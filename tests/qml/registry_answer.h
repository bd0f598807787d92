#pragma once
// What a test reads or writes in the registry while the screens run goes through the app's own
// registry thread, as the view models' work does; this waits for the job's answer.

#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "tests/qml/quick_driver.h"

#include <QObject>

#include <functional>
#include <optional>
#include <utility>

namespace cairn::testing {

// Runs `job` on `thread` and returns its answer; ends the test run when the thread does not
// answer within a minute (a hung registry thread would otherwise hang the whole suite).
template <typename R>
R answerFrom(registry::RegistryThread &thread, QObject *context, std::function<R(registry::Registry *)> job)
{
    std::optional<R> answer;
    thread.run<R>(context, std::move(job), [&answer](R r) { answer = std::move(r); });
    if (!waitFor([&answer] { return answer.has_value(); }))
        qFatal("the database thread did not answer");
    return std::move(*answer);
}

// The patient as the registry holds it now, read on the app's registry thread; ends the test run
// when the patient is not there (every later check would be about nothing).
inline domain::Patient storedPatient(registry::RegistryThread &thread, QObject *context, const QString &patientId)
{
    auto patient = answerFrom<Result<domain::Patient>>(
        thread, context, [patientId](registry::Registry *r) { return r->loadPatient(patientId); });
    if (!patient)
        qFatal("the patient is not in the registry: %s", qPrintable(patient.error().line()));
    return *patient;
}

}  // namespace cairn::testing

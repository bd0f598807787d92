#pragma once
// What a test reads or writes in the registry while the screens run goes through the app's own
// registry thread, as the view models' work does; this waits for the job's answer.

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

}  // namespace cairn::testing

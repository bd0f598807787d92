#pragma once
// A value or an error that names the field at fault. Used at every boundary where input can be
// wrong (JSON, command lines, forms, the wire), so that each path reports errors the same way and
// nothing crosses into QML as an exception.

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace cairn {

// What kind of failure, for code that reacts to it: the message is for people and may be reworded
// or translated, so no code decides by its text. Most errors need none; the field says where.
enum class ErrorCode {
    None,
    Unreachable,  // no answer from the server at all (no network, the server down, TLS refused)
    TooLarge,     // input past a size limit (a body, a gzip stream that inflates too far)
    NotEnrolled,  // the tablet has no sync server yet: a state, not a failure
    NotAllowed,   // the signed-in user's role lacks the permission (core/registry/not_allowed.h)
};

struct Error {
    QString field;    // dotted path of the offending field, e.g. "patient.opioids[1].strength_mg"; may be empty
    QString message;  // what is wrong, in words a user can act on
    ErrorCode code = ErrorCode::None;

    // One line for stderr or a status bar: "patient.opioids[1].strength_mg: must be positive".
    [[nodiscard]] QString line() const { return field.isEmpty() ? message : field + QStringLiteral(": ") + message; }

    // The same error with a parent path put in front of its field.
    [[nodiscard]] Error within(const QString &parent) const
    {
        if (parent.isEmpty())
            return *this;
        if (field.isEmpty())
            return {parent, message, code};
        return {field.startsWith(QLatin1Char('[')) ? parent + field : parent + QLatin1Char('.') + field, message, code};
    }
};

template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_state(std::move(value))
    {}  // NOLINT(google-explicit-constructor)
    Result(Error error)
        : m_state(std::move(error))
    {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] const T &value() const & { return std::get<T>(m_state); }
    [[nodiscard]] T &value() & { return std::get<T>(m_state); }
    [[nodiscard]] T &&value() && { return std::get<T>(std::move(m_state)); }
    [[nodiscard]] const Error &error() const { return std::get<Error>(m_state); }

    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

private:
    std::variant<T, Error> m_state;
};

// For operations that produce nothing but can fail.
struct Done {};
using Status = Result<Done>;
inline Status ok()
{
    return Done{};
}

}  // namespace cairn

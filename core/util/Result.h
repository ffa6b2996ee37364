#pragma once

#include "util/Error.h"

#include <utility>

namespace Tributary {

// A value or the Error that prevented it: what the state layer answers to typed questions, so that
// a failed read reaches the person as an error and never as a zero or an empty list.
//
//   const Result<qint64> open = ConflictStore(db, config).countOpen({});
//   if (!open)
//       return fail(open.error());
//   use(*open);
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error))
    {
        if (!m_error.isError())
            m_error = Error(Error::Code::Internal, QStringLiteral("a failed result without an error"));
    }

    bool ok() const { return !m_error.isError(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

    const T &value() const { return m_value; }
    T &value() { return m_value; }
    const T &operator*() const { return m_value; }
    T &operator*() { return m_value; }
    const T *operator->() const { return &m_value; }
    T *operator->() { return &m_value; }
    // The value, or `fallback` when the read failed.
    T valueOr(T fallback) const { return ok() ? m_value : std::move(fallback); }
    // Moves the error into *error (when there is one) and returns whether the value is usable:
    // for code that already speaks bool + Error*.
    bool into(Error *error) const
    {
        if (!ok() && error)
            *error = m_error;
        return ok();
    }

private:
    T m_value{};
    Error m_error;
};

} // namespace Tributary

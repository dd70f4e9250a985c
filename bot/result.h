// Result<T>: a value or an Error, returned instead of thrown inside Noodbel.
// Foreign errors (SQLite, libphonenumber, HTTP) are translated into Error at the edge.
// Thread-compatible value types.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace noodbel {

enum class ErrorKind {
  kInvalidInput,  // the caller's input is wrong; message says what and how to fix it
  kNotFound,      // a named thing does not exist
  kConflict,      // the request clashes with stored state
  kForbidden,     // the caller may not do this
  kUnavailable,   // a dependency is temporarily unavailable; retry later
  kInternal,      // a bug or a broken invariant
};

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string message;

  static Error Invalid(std::string msg) { return {ErrorKind::kInvalidInput, std::move(msg)}; }
  static Error NotFound(std::string msg) { return {ErrorKind::kNotFound, std::move(msg)}; }
  static Error Conflict(std::string msg) { return {ErrorKind::kConflict, std::move(msg)}; }
  static Error Forbidden(std::string msg) { return {ErrorKind::kForbidden, std::move(msg)}; }
  static Error Unavailable(std::string msg) { return {ErrorKind::kUnavailable, std::move(msg)}; }
  static Error Internal(std::string msg) { return {ErrorKind::kInternal, std::move(msg)}; }
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit on purpose
  Result(Error error) : v_(std::move(error)) {}      // NOLINT: implicit on purpose

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }

  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result<void>: success or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;
inline Status Ok() { return {}; }

}  // namespace noodbel

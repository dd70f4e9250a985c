// must(): the value of a store Result in a test, by value (safe in a range-for); an Error
// fails the test (ADD_FAILURE with its message) and gives T{}. Test-only.
#pragma once

#include <gtest/gtest.h>

#include <utility>

#include "bot/result.h"

namespace noodbel::testing_support {

template <typename T>
T must(Result<T> result) {
  if (!result.ok()) {
    ADD_FAILURE() << "store call failed: " << result.error().message;
    return T{};
  }
  return std::move(result).value();
}

}  // namespace noodbel::testing_support

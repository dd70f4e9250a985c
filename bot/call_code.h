// Call codes: short, speakable identifiers of crisis calls ("K42"): one capital letter
// other than I and O, then two digits. Thread-compatible (the generator holds an RNG).
#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <string_view>

#include "bot/result.h"

namespace noodbel {

class CallCodeGenerator {
 public:
  explicit CallCodeGenerator(std::uint64_t seed);
  // A code for which in_use(code) is false; an Error when all 2,400 codes are taken.
  Result<std::string> next(const std::function<bool(std::string_view)>& in_use);

 private:
  std::mt19937_64 rng_;
};

}  // namespace noodbel

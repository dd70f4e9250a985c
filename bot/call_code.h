// Call codes: short, speakable identifiers of crisis calls ("K42"): one capital letter
// other than I and O, then two digits. Thread-safe as its Random is; the Random must
// outlive the generator.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "bot/random.h"
#include "bot/result.h"

namespace noodbel {

class CallCodeGenerator {
 public:
  explicit CallCodeGenerator(const Random& random);
  // A code for which in_use(code) is false, drawn at random; when the Random fails or
  // nearly every code is taken, the first free one in a fixed order. An Error when all
  // 2,400 codes are taken.
  Result<std::string> next(const std::function<bool(std::string_view)>& in_use) const;

 private:
  const Random& random_;
};

}  // namespace noodbel

// Checks of notes against the shipped anonymization guard, shared by the guard's test files
// (tests/bot/guard/): what it finds, and readable failure messages.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "bot/guard/anonymization_guard.h"

namespace noodbel {

// Readable failure messages.
void PrintTo(const Finding& f, std::ostream* os);

namespace guard_checks {

// The findings of the guard as shipped (config/first-names.txt, config/guard/, the places
// of config/be-postcodes.csv).
std::vector<Finding> check(std::string_view note);

// "name 'Emma' [0,4) phone '…' [..)" or "(clean)".
std::string describe(const std::vector<Finding>& findings);

// Expects exactly one finding of `kind` whose text is `text`, at its first occurrence.
void expect_single(std::string_view note, FindingKind kind, std::string_view text);

// Expects no finding at all.
void expect_clean(std::string_view note);

}  // namespace guard_checks
}  // namespace noodbel

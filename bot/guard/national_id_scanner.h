// scan_national_ids: the anonymization guard's scanner for Belgian national register
// numbers (rijksregisternummer, INSZ/bis), on the raw bytes of a note. Called by
// AnonymizationGuard::check; pure, thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "bot/guard/finding.h"

namespace noodbel {

// YY.MM.DD-XXX.CC with any of . - / space between all five groups, whatever its check digits
// (a typo in a number written in that shape still makes it personal data), and 11 digits in
// a row or partly separated that pass the mod-97 check: appends a kNationalId finding for each.
void scan_national_ids(std::string_view text, std::vector<Finding>& out);

}  // namespace noodbel

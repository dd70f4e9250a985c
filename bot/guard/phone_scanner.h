// scan_phones: the anonymization guard's scanner for phone numbers, on the raw bytes of a
// note: libphonenumber's matcher, then digit runs it finds invalid but that are still
// somebody's number. Called by AnonymizationGuard::check; pure, thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "bot/guard/finding.h"

namespace noodbel {

// Belgian and international numbers ("0470 12 34 56", "+32 9 123 45 67"), and 9-11 digit
// runs starting with 0 or 9-15 digits after + or 00: appends a kPhone finding for each.
void scan_phones(std::string_view text, std::vector<Finding>& out);

}  // namespace noodbel

// scan_emails: the anonymization guard's scanner for e-mail addresses, on the raw bytes of
// a note. Called by AnonymizationGuard::check; pure, thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "bot/guard/finding.h"

namespace noodbel {

// "sandra@x.be", and the spelled-out forms "sandra[at]x.be", "sandra(at)x.be": appends an
// kEmail finding for each to `out`.
void scan_emails(std::string_view text, std::vector<Finding>& out);

}  // namespace noodbel

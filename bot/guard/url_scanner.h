// The anonymization guard's scanners for links and social-media accounts, on the raw bytes
// of a note. Called by AnonymizationGuard::check; pure, thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "bot/guard/finding.h"
#include "bot/guard/lexicon.h"

namespace noodbel {

// "https://…", "www.…" and bare host names ending in a top-level domain of `lexicon`
// ("familiewouters.be", "facebook.com/x"): appends a kUrl finding for each.
void scan_urls(std::string_view text, const Lexicon& lexicon, std::vector<Finding>& out);

// "@yasmine.x15" after a space or at the start: a social-media account, appended as kUrl.
void scan_handles(std::string_view text, std::vector<Finding>& out);

}  // namespace noodbel

// resolve_overlaps: the last step of the anonymization guard, which keeps one finding of
// each overlapping group. Called by AnonymizationGuard::check only.
#pragma once

#include <vector>

#include "bot/guard/finding.h"

namespace noodbel {

// Keeps, of overlapping findings, the one of the most specific kind (e-mail, URL, national
// id, birth date, phone, address, name), then the longest; sorted by start.
std::vector<Finding> resolve_overlaps(std::vector<Finding> candidates);

}  // namespace noodbel

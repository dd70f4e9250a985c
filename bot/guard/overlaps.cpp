#include "bot/guard/overlaps.h"

#include <algorithm>

namespace noodbel {
namespace {

int priority(FindingKind kind) {
  switch (kind) {
    case FindingKind::kEmail:
      return 0;
    case FindingKind::kUrl:
      return 1;
    case FindingKind::kNationalId:
      return 2;
    case FindingKind::kBirthDate:
      return 3;
    case FindingKind::kPhone:
      return 4;
    case FindingKind::kAddress:
      return 5;
    case FindingKind::kName:
      return 6;
  }
  return 7;
}

bool more_specific(const Finding& a, const Finding& b) {
  if (priority(a.kind) != priority(b.kind)) return priority(a.kind) < priority(b.kind);
  if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
  return a.start < b.start;
}

}  // namespace

std::vector<Finding> resolve_overlaps(std::vector<Finding> candidates) {
  std::sort(candidates.begin(), candidates.end(), more_specific);
  std::vector<Finding> kept;
  for (Finding& f : candidates) {
    const bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const Finding& k) {
      return f.start < k.end && k.start < f.end;
    });
    if (!overlaps) kept.push_back(std::move(f));
  }
  std::sort(kept.begin(), kept.end(),
            [](const Finding& a, const Finding& b) { return a.start < b.start; });
  return kept;
}

}  // namespace noodbel

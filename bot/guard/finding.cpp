#include "bot/guard/finding.h"

namespace noodbel {

std::string_view to_string(FindingKind kind) {
  switch (kind) {
    case FindingKind::kPhone:
      return "phone";
    case FindingKind::kEmail:
      return "email";
    case FindingKind::kUrl:
      return "url";
    case FindingKind::kNationalId:
      return "national_id";
    case FindingKind::kAddress:
      return "address";
    case FindingKind::kBirthDate:
      return "birth_date";
    case FindingKind::kName:
      return "name";
  }
  return "name";
}

void add_finding(std::vector<Finding>& out, std::string_view text, FindingKind kind,
                 std::size_t start, std::size_t end) {
  if (end <= start || end > text.size()) return;
  out.push_back(Finding{kind, std::string(text.substr(start, end - start)), start, end});
}

}  // namespace noodbel

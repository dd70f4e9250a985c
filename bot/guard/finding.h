// Finding: one piece of identifying text the anonymization guard found in a note, and its
// kind. Made by the guard's scanners (bot/guard/); read by the engine, check-note and the
// refusal text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace noodbel {

enum class FindingKind { kPhone, kEmail, kUrl, kNationalId, kAddress, kBirthDate, kName };
// "phone", "email", "url", "national_id", "address", "birth_date", "name".
std::string_view to_string(FindingKind kind);

// One piece of identifying text: byte offsets [start, end) into the checked note.
struct Finding {
  FindingKind kind = FindingKind::kName;
  std::string text;
  std::size_t start = 0;
  std::size_t end = 0;
  bool operator==(const Finding&) const = default;
};

// Appends the finding [start, end) of `text` to `out`; nothing when the range is empty or
// reaches past the text.
void add_finding(std::vector<Finding>& out, std::string_view text, FindingKind kind,
                 std::size_t start, std::size_t end);

}  // namespace noodbel

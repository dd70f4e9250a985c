#include <gtest/gtest.h>

#include <sstream>

#include "bot/guard/guard_checks.h"
#include "support/shipped_data.h"

namespace noodbel {

void PrintTo(const Finding& f, std::ostream* os) {
  *os << to_string(f.kind) << " '" << f.text << "' [" << f.start << "," << f.end << ")";
}

namespace guard_checks {

std::vector<Finding> check(std::string_view note) { return test_data::shipped_guard().check(note); }

std::string describe(const std::vector<Finding>& findings) {
  std::ostringstream out;
  for (const Finding& f : findings) {
    out << to_string(f.kind) << " '" << f.text << "' [" << f.start << "," << f.end << ") ";
  }
  return findings.empty() ? "(clean)" : out.str();
}

void expect_single(std::string_view note, FindingKind kind, std::string_view text) {
  const std::vector<Finding> findings = check(note);
  ASSERT_EQ(findings.size(), 1u) << note << " -> " << describe(findings);
  const std::size_t start = note.find(text);
  ASSERT_NE(start, std::string_view::npos);
  EXPECT_EQ(findings[0], (Finding{kind, std::string(text), start, start + text.size()}))
      << note << " -> " << describe(findings);
}

void expect_clean(std::string_view note) {
  EXPECT_TRUE(check(note).empty()) << note << " -> " << describe(check(note));
}

}  // namespace guard_checks
}  // namespace noodbel

// The condition scanner's gate: trying the readers only at words that can open a condition
// must find exactly what trying them at every word finds, on the corpora and on random
// sentences made of their words; and the conditions of a yes.
#include "bot/reply/conditions.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "support/paths/source_paths.h"
#include "support/reply_moments.h"
#include "support/reply_parser.h"

namespace noodbel::reply {
namespace {

using testing::only_condition;
using testing::parse_reply;

std::vector<std::string> corpus_texts() {
  std::vector<std::string> texts;
  for (const char* name : {"replies.tsv", "replies_heldout.tsv"}) {
    std::ifstream in(noodbel::testing::source_dir() + "/tests/corpus/" + name);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      const std::size_t tab = line.rfind('\t');
      if (tab != std::string::npos) texts.push_back(line.substr(tab + 1));
    }
  }
  return texts;
}

void expect_same_spans(const std::string& text, const Moment& m) {
  const Normalized n(text);
  const ConditionWords& lists = test_data::shipped_condition_words();
  const ConditionGate gate(lists);
  const ConditionData data{test_data::shipped_date_words(), lists, gate};
  const Spans gated = scan_spans(n, m, data);
  const Spans everywhere = scan_spans(n, m, data, true);
  ASSERT_EQ(gated.size, everywhere.size) << text;
  for (std::size_t i = 0; i < gated.size; ++i) {
    const Span& a = gated.list[i];
    const Span& b = everywhere.list[i];
    EXPECT_TRUE(a.first == b.first && a.count == b.count && a.role == b.role &&
                a.values == b.values && a.bare_when == b.bare_when && a.negative == b.negative)
        << text << " (span " << i << ")";
  }
}

TEST(ReplyConditions, TheGateFindsWhatTryingEveryWordFinds) {
  const std::vector<std::string> texts = corpus_texts();
  ASSERT_GT(texts.size(), 500u);
  const Moment m = moment_of(ReplyContext{2026, 12, 7, 100});
  std::vector<std::string> words;
  for (const std::string& text : texts) {
    expect_same_spans(text, m);
    std::istringstream in(text);
    for (std::string w; in >> w;) words.push_back(w);
  }
  std::mt19937 rng(20261207);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int count = 1 + static_cast<int>(rng() % 8);
    for (int i = 0; i < count; ++i) text += words[rng() % words.size()] + " ";
    expect_same_spans(text, m);
  }
}

TEST(ReplyConditions, AgesChildrenAndTransportAreConditionsOfAYes) {
  const Condition ages = only_condition("ja, enkel tot 6 jaar");
  EXPECT_EQ(ages.kind, ConditionKind::kAges);
  EXPECT_FALSE(ages.min_age_months.has_value());
  EXPECT_EQ(ages.max_age_months, 72);
  EXPECT_EQ(only_condition("ja maar geen baby's").min_age_months, 12);
  EXPECT_EQ(only_condition("ja, liefst ouder dan 3").min_age_months, 37);
  EXPECT_EQ(only_condition("ja maar 1 kind").max_children, 1);
  EXPECT_EQ(only_condition("ja, maar geen broers en zussen").max_children, 1);
  EXPECT_EQ(only_condition("ja maar we kunnen niet rijden").kind, ConditionKind::kTransport);
  EXPECT_EQ(only_condition("ja maar we kunnen niet rijden").words, "kunnen niet rijden");
  EXPECT_EQ(parse_reply("ja maar we kunnen niet rijden").intent, Intent::kYes);
}

}  // namespace
}  // namespace noodbel::reply

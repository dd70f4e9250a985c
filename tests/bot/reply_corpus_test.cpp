// The reply parser against tests/corpus/replies.tsv: realistic family replies with the
// intent, call code, pause date and distance a person reads in them.
#include <gtest/gtest.h>

#include <cstddef>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "bot/reply_parser.h"

namespace noodbel {
namespace {

// The corpus's relative dates ("pauze 2 weken", "tot maandag") assume this day, a Sunday.
constexpr ReplyContext kCorpusToday{2026, 11, 22};

struct Row {
  int line = 0;
  std::string intent;
  std::optional<std::string> call;
  std::optional<std::string> until;
  std::optional<int> km;
  std::string text;
};

std::optional<std::string> dash_is_none(const std::string& field) {
  return field == "-" ? std::nullopt : std::optional<std::string>(field);
}

// Splits "a\tb\tc\td\ttext" into exactly five fields (the text may be empty).
std::optional<std::vector<std::string>> five_fields(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    const std::size_t tab = line.find('\t', pos);
    if (tab == std::string::npos) return std::nullopt;
    fields.push_back(line.substr(pos, tab - pos));
    pos = tab + 1;
  }
  fields.push_back(line.substr(pos));
  return fields;
}

// The corpus rows; a malformed line fails the calling test with its line number.
std::vector<Row> load_corpus() {
  const std::string path = std::string(NOODBEL_SOURCE_DIR) + "/tests/corpus/replies.tsv";
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::vector<Row> rows;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    const auto f = five_fields(line);
    if (!f) {
      ADD_FAILURE() << path << ":" << number << ": expected 5 tab-separated fields";
      continue;
    }
    Row row{number, (*f)[0], dash_is_none((*f)[1]), dash_is_none((*f)[2]), std::nullopt, (*f)[4]};
    if ((*f)[3] != "-") row.km = std::stoi((*f)[3]);
    rows.push_back(std::move(row));
  }
  return rows;
}

struct Score {
  std::size_t right = 0;
  std::size_t total = 0;
  double ratio() const { return total == 0 ? 0.0 : static_cast<double>(right) / total; }
};

template <typename T>
void score(Score& s, const T& got, const T& want, const Row& row, const char* field) {
  ++s.total;
  if (got == want) {
    ++s.right;
    return;
  }
  std::cout << "  line " << row.line << " " << field << " wrong: \"" << row.text << "\"\n";
}

std::string show(const std::optional<std::string>& v) { return v.value_or("-"); }
std::string show(const std::optional<int>& v) { return v ? std::to_string(*v) : "-"; }

TEST(ReplyCorpus, HoldsAtLeastThreeHundredLinesCoveringEveryIntent) {
  const std::vector<Row> rows = load_corpus();
  EXPECT_GE(rows.size(), 300u);
  for (const char* intent : {"yes", "no", "maybe", "stop", "start", "pause", "resume", "status",
                             "help", "distance", "unknown"}) {
    std::size_t count = 0;
    for (const Row& r : rows) count += r.intent == intent;
    EXPECT_GT(count, 0u) << "no corpus line for intent " << intent;
  }
}

TEST(ReplyCorpus, IntentIsRightForAtLeast97PercentAndEveryCallCodeIsRight) {
  const std::vector<Row> rows = load_corpus();
  ASSERT_FALSE(rows.empty());
  Score intent, call, until, km;
  for (const Row& row : rows) {
    const ParsedReply r = parse_reply(row.text, kCorpusToday);
    score(intent, std::string(to_string(r.intent)), row.intent, row, "intent");
    score(call, show(r.call_code), show(row.call), row, "call");
    score(until, show(r.until), show(row.until), row, "until");
    score(km, show(r.km), show(row.km), row, "km");
  }
  std::cout << "reply corpus: " << rows.size() << " lines; intent " << intent.ratio() * 100
            << "%, call " << call.ratio() * 100 << "%, until " << until.ratio() * 100
            << "%, km " << km.ratio() * 100 << "%\n";
  RecordProperty("intent_accuracy", std::to_string(intent.ratio()));
  RecordProperty("until_accuracy", std::to_string(until.ratio()));
  RecordProperty("km_accuracy", std::to_string(km.ratio()));
  EXPECT_GE(intent.ratio(), 0.97);
  EXPECT_EQ(call.right, call.total);
  EXPECT_GE(until.ratio(), 0.97);
  EXPECT_GE(km.ratio(), 0.97);
}

}  // namespace
}  // namespace noodbel

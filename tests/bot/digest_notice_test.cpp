#include "bot/digest_notice.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "support/shipped_data.h"

namespace noodbel {
namespace {

Templates templates() { return test_data::shipped_templates(); }

std::map<std::string, std::string> as_map(const TemplateArgs& args) {
  return {args.begin(), args.end()};
}

Digest sample() {
  Digest d;
  d.period.date = {2026, 11, 23};
  ScopeDigest s;
  s.service_id = "limburg";
  s.service_name = "Pleegzorg Limburg";
  s.day.calls.opened = 4;
  s.day.calls.matched = 2;
  s.day.calls.closed_unmatched = 1;
  s.day.calls.expired = 1;
  s.day.calls.cancelled = 3;
  s.day.calls.time_to_first_yes = duration_stats({95 * 60});
  s.families.active = 17;
  s.coverage_gaps.resize(2);
  d.services.push_back(s);
  return d;
}

TEST(DigestNotice, ArgsHoldTheKeyFiguresOfTheScopeAndTheLink) {
  const Digest d = sample();
  const auto args = digest_notice_args(d, d.services[0], templates(), Language::kNl, "https://x/y");
  ASSERT_TRUE(args.ok()) << args.error().message;
  const auto m = as_map(*args);
  EXPECT_EQ(m.at("date"), "23/11/2026");
  EXPECT_EQ(m.at("service"), "Pleegzorg Limburg");
  EXPECT_EQ(m.at("opened"), "4");
  EXPECT_EQ(m.at("matched"), "2");
  EXPECT_EQ(m.at("unmatched"), "2") << "closed without match and expired, not cancelled";
  EXPECT_EQ(m.at("first_yes"), "Eerste ja na 1 u 35 min (1 oproep).");
  EXPECT_EQ(m.at("active"), "17");
  EXPECT_EQ(m.at("gaps"), "2");
  EXPECT_EQ(m.at("link"), "https://x/y");
}

TEST(DigestNotice, WithoutAFirstYesItSaysSoInWords) {
  Digest d = sample();
  d.services[0].day.calls.time_to_first_yes = duration_stats({});
  const auto args = digest_notice_args(d, d.services[0], templates(), Language::kEn, "l");
  ASSERT_TRUE(args.ok());
  EXPECT_EQ(as_map(*args).at("first_yes"), "No first yes in this period.");
}

TEST(DigestNotice, ReadsAsPlainSentencesWithTheRightPlurals) {
  Digest d = sample();
  ScopeDigest& s = d.services[0];
  s.day.calls.opened = 1;
  s.day.calls.matched = 1;
  s.day.calls.closed_unmatched = 0;
  s.day.calls.expired = 0;
  s.families.active = 1;
  s.coverage_gaps.resize(1);
  const Templates t = templates();
  const std::map<Language, std::vector<std::string>> expected{
      {Language::kNl,
       {"Noodbel dagoverzicht 23/11/2026, Pleegzorg Limburg:\n1 nieuwe oproep; afgerond: 1 met "
        "een gezin, 0 zonder gezin. Eerste ja na 1 u 35 min (1 oproep).\n1 gezin actief; 1 regio "
        "met te weinig gezinnen."}},
      {Language::kFr, {"1 nouvel appel ; 1 terminé avec une famille, 0 sans famille.",
                       "1 famille active ; 1 région avec trop peu de familles."}},
      {Language::kEn, {"1 new call; finished: 1 with a family, 0 without.",
                       "1 active family; 1 area with too few families."}}};
  for (const auto& [lang, parts] : expected) {
    const auto args = digest_notice_args(d, s, t, lang, "https://x/y");
    ASSERT_TRUE(args.ok()) << args.error().message;
    const auto text = t.render(lang, "digest_notice", *args);
    ASSERT_TRUE(text.ok()) << text.error().message;
    for (const std::string& part : parts) {
      EXPECT_NE(text->find(part), std::string::npos) << "missing: " << part << "\n" << *text;
    }
  }
}

TEST(DigestNotice, TheFlandersScopeIsNamedFromTheTemplates) {
  const Digest d = sample();
  const auto args = digest_notice_args(d, d.flanders, templates(), Language::kEn, "l");
  ASSERT_TRUE(args.ok());
  EXPECT_EQ(as_map(*args).at("service"), "All of Flanders");
}

TEST(DigestNotice, TheTextIsThreeLinesInEveryLanguage) {
  const Digest d = sample();
  const Templates t = templates();
  for (const Language lang : {Language::kNl, Language::kFr, Language::kEn}) {
    const auto args = digest_notice_args(d, d.services[0], t, lang, "https://x/y");
    ASSERT_TRUE(args.ok());
    const auto text = t.render(lang, "digest_notice", *args);
    ASSERT_TRUE(text.ok()) << text.error().message;
    EXPECT_EQ(std::count(text->begin(), text->end(), '\n'), 2) << *text;
    EXPECT_NE(text->find("https://x/y"), std::string::npos);
  }
}

}  // namespace
}  // namespace noodbel

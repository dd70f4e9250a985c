// The shipped template files against templates/catalog.tsv: every template exists in
// every language, uses exactly its declared fields, renders with them, and texts meant
// for SMS stay within the GSM-7 alphabet and two SMS segments.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "bot/decision_time.h"
#include "bot/outbound.h"
#include "bot/sms_text.h"
#include "bot/templates.h"
#include "support/paths/source_paths.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

constexpr UnixTime kMonday10h = 1763974800;  // 2025-11-24 10:00 Europe/Brussels
constexpr Language kAllLanguages[] = {Language::kNl, Language::kFr, Language::kEn};
constexpr int kTwoSmsSegments = 2 * kGsm7Part;  // 306 septets

struct CatalogEntry {
  std::string name;
  std::string audience;  // family, caseworker or web
  bool sms = false;
  std::set<std::string> fields;
};

std::vector<std::string> split(const std::string& s, char separator) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(s);
  while (std::getline(in, item, separator)) out.push_back(item);
  return out;
}

// Parses catalog.tsv; a malformed line is a test failure naming the line.
std::map<std::string, CatalogEntry> load_catalog() {
  std::ifstream in(noodbel::testing::source_path("/templates/catalog.tsv"));
  if (!in) throw std::runtime_error("cannot read templates/catalog.tsv");
  std::map<std::string, CatalogEntry> catalog;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> cols = split(line, '\t');
    const std::string where = "catalog.tsv line " + std::to_string(number) + ": " + line;
    if (cols.size() != 4) {
      ADD_FAILURE() << where << " (want 4 tab-separated columns)";
      continue;
    }
    CatalogEntry e{cols[0], cols[1], cols[2] == "yes", {}};
    EXPECT_TRUE(e.audience == "family" || e.audience == "caseworker" || e.audience == "web")
        << where;
    EXPECT_TRUE(cols[2] == "yes" || cols[2] == "no") << where;
    if (cols[3] != "-") {
      for (const std::string& f : split(cols[3], ',')) e.fields.insert(f);
    }
    EXPECT_TRUE(catalog.emplace(e.name, e).second) << "declared twice: " << where;
  }
  return catalog;
}

Templates load_templates() {
  return test_data::shipped_templates();
}

// The raw text of templates/<lang>/<name>.txt, as loaded (one trailing newline dropped).
std::string template_file(Language lang, const std::string& name) {
  std::ifstream in(std::string(noodbel::testing::source_path("/templates/")) + std::string(to_string(lang)) +
                   "/" + name + ".txt");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The text without doubled (literal) braces.
std::string unescaped(const std::string& text) {
  return std::regex_replace(text, std::regex("\\{\\{|\\}\\}"), "");
}

// The first group of every match of `pattern` in the text without doubled braces.
std::set<std::string> first_groups(const std::string& text, const std::regex& pattern) {
  std::set<std::string> out;
  const std::string plain = unescaped(text);
  for (auto it = std::sregex_iterator(plain.begin(), plain.end(), pattern);
       it != std::sregex_iterator(); ++it) {
    out.insert((*it)[1]);
  }
  return out;
}

// The named fields a template uses: "{code}", "{code:>4}" and the count of a plural
// selector "{n|gezin|gezinnen}"; "{{" is literal.
std::set<std::string> placeholders(const std::string& text) {
  static const std::regex field("\\{([A-Za-z_][A-Za-z0-9_]*)(:[^}]*|\\|[^{}|]*\\|[^{}|]*)?\\}");
  return first_groups(text, field);
}

// The fields a template uses as the count of a plural selector: they must be integers.
std::set<std::string> plural_counts(const std::string& text) {
  static const std::regex selector("\\{([A-Za-z_][A-Za-z0-9_]*)\\|[^{}|]*\\|[^{}|]*\\}");
  return first_groups(text, selector);
}

// True when the text goes out as GSM-7 in at most two SMS parts (306 septets, an
// extension character counting two); the reason otherwise.
::testing::AssertionResult fits_two_gsm7_segments(const std::string& text) {
  const SmsSegments s = count_sms_segments(text);
  if (s.encoding != SmsEncoding::kGsm7) {
    return ::testing::AssertionFailure() << "leaves the GSM-7 alphabet: " << text;
  }
  if (s.units > kTwoSmsSegments || s.segments > 2) {
    return ::testing::AssertionFailure()
           << s.units << " septets in " << s.segments << " parts: " << text;
  }
  return ::testing::AssertionSuccess();
}

// Typical (rather long) values, so the SMS length check means something. Fields not
// listed get a short dummy.
const std::map<std::string, std::string>& sample_values() {
  static const std::map<std::string, std::string> values{
      {"code", "K42"},
      {"codes", "K42, B17"},
      {"ages", "3 maanden en 4 jaar"},
      {"place", "Sint-Pieters-Leeuw"},
      {"languages", "Nederlands en Frans"},
      {"duration", "3 dagen"},
      {"from", "24/11 18:30"},
      {"note", "Broer en zus, rustig, gaan graag naar school, hebben een knuffel mee."},
      {"distance_km", "23"},
      {"calls", "K42: 4 jaar, Gent\nB17: 3 maanden en 4 jaar, Sint-Pieters-Leeuw"},
      {"service", "Pleegzorg Vlaams-Brabant en Brussel"},
      {"until", "31/12"},
      {"value", "31/12/2027"},
      {"km", "200"},
      {"min", "5"},
      {"max", "200"},
      {"max_days", "366"},
      {"open", "2"},
      {"limit", "20"},
      {"months", "11"},
      {"years", "17"},
      {"n", "12"},
      {"decision", "Jullie horen uiterlijk morgen (dinsdag) 09:00 of jullie gekozen zijn."},
      {"deadline", "Beslissing uiterlijk woensdag 26/11 09:00."},
      {"understood", ", vanaf 18:00 vandaag (maandag), voor max. 2 nachten, eerst bellen, "
                     "(zie bericht)"},
      {"when", "woensdag 09/12"},
      {"time", "09:00"},
      {"weekday", "woensdag"},
      {"words", "pas na school, als de oma er is"},
  };
  return values;
}

// Sample arguments; `counts` (the fields used as plural counts in any language) get
// `count`, the other fields a typical value.
TemplateArgs args_for(const CatalogEntry& entry, const std::set<std::string>& counts = {},
                      const std::string& count = "12") {
  TemplateArgs args;
  for (const std::string& field : entry.fields) {
    const auto it = sample_values().find(field);
    if (counts.count(field)) {
      args.emplace_back(field, count);
    } else {
      args.emplace_back(field, it == sample_values().end() ? "Sample" : it->second);
    }
  }
  return args;
}

// The fields used as plural counts by the template in any language.
std::set<std::string> plural_counts_of(const std::string& name) {
  std::set<std::string> out;
  for (const Language lang : kAllLanguages) {
    for (const std::string& field : plural_counts(template_file(lang, name))) out.insert(field);
  }
  return out;
}

class TemplateCatalog : public ::testing::Test {
 protected:
  TemplateCatalog() : catalog_(load_catalog()), templates_(load_templates()) {}
  std::map<std::string, CatalogEntry> catalog_;
  Templates templates_;
};

TEST_F(TemplateCatalog, EveryTemplateFileIsDeclared) {
  for (const Language lang : kAllLanguages) {
    for (const std::string& name : templates_.names(lang)) {
      EXPECT_TRUE(catalog_.count(name))
          << to_string(lang) << "/" << name << ".txt is not in templates/catalog.tsv";
    }
  }
}

TEST_F(TemplateCatalog, EveryDeclaredTemplateExistsInEveryLanguage) {
  ASSERT_GT(catalog_.size(), 60u);
  for (const auto& [name, entry] : catalog_) {
    for (const Language lang : kAllLanguages) {
      EXPECT_TRUE(templates_.has(lang, name)) << name << " is missing in " << to_string(lang);
    }
  }
}

TEST_F(TemplateCatalog, EveryTemplateUsesExactlyItsDeclaredFields) {
  for (const auto& [name, entry] : catalog_) {
    for (const Language lang : kAllLanguages) {
      if (!templates_.has(lang, name)) continue;
      const std::set<std::string> used = placeholders(template_file(lang, name));
      for (const std::string& field : used) {
        EXPECT_TRUE(entry.fields.count(field))
            << to_string(lang) << "/" << name << " uses undeclared field {" << field << "}";
      }
      for (const std::string& field : entry.fields) {
        EXPECT_TRUE(used.count(field))
            << to_string(lang) << "/" << name << " does not use declared field " << field;
      }
    }
  }
}

TEST_F(TemplateCatalog, EveryTemplateRendersWithItsDeclaredFields) {
  for (const auto& [name, entry] : catalog_) {
    for (const Language lang : kAllLanguages) {
      if (!templates_.has(lang, name)) continue;
      const Result<std::string> text =
          templates_.render(lang, name, args_for(entry, plural_counts_of(name)));
      ASSERT_TRUE(text.ok()) << to_string(lang) << "/" << name << ": " << text.error().message;
      EXPECT_FALSE(text->empty()) << to_string(lang) << "/" << name;
    }
  }
}

TEST_F(TemplateCatalog, SmsTextsUseGsm7AndFitInTwoSegments) {
  for (const auto& [name, entry] : catalog_) {
    if (!entry.sms) continue;
    for (const Language lang : kAllLanguages) {
      if (!templates_.has(lang, name)) continue;
      const Result<std::string> text =
          templates_.render(lang, name, args_for(entry, plural_counts_of(name), "12"));
      ASSERT_TRUE(text.ok()) << name << ": " << text.error().message;
      EXPECT_TRUE(fits_two_gsm7_segments(*text)) << to_string(lang) << "/" << name;
    }
  }
}

TEST_F(TemplateCatalog, EveryPluralSelectorRendersForZeroOneAndMany) {
  int selectors = 0;
  for (const auto& [name, entry] : catalog_) {
    const std::set<std::string> counts = plural_counts_of(name);
    if (counts.empty()) continue;
    ++selectors;
    for (const Language lang : kAllLanguages) {
      for (const char* count : {"0", "1", "2"}) {
        const Result<std::string> text = templates_.render(lang, name, args_for(entry, counts, count));
        EXPECT_TRUE(text.ok()) << to_string(lang) << "/" << name << " with " << count << ": "
                               << text.error().message;
      }
    }
  }
  EXPECT_GT(selectors, 0) << "no template uses a plural selector: is the syntax still parsed?";
}

// A text that puts a number before a noun in one language says it with a plural selector in
// that language ("{n} {n|gezin|gezinnen}"), never as a fixed plural: "{n} gezinnen".
TEST_F(TemplateCatalog, CountedNounsUsePluralSelectors) {
  const std::map<Language, std::regex> fixed_plural{
      {Language::kNl, std::regex("\\{[a-z_]+\\} (gezinnen|oproepen|gebieden|gemeenten|dagen)\\b")},
      {Language::kFr, std::regex("\\{[a-z_]+\\} (familles|appels|zones|communes|jours)\\b")},
      {Language::kEn, std::regex("\\{[a-z_]+\\} (families|calls|areas|municipalities|days)\\b")}};
  for (const auto& [name, entry] : catalog_) {
    if (name.rfind("digest_", 0) != 0) continue;  // the digest's texts; others follow
    for (const Language lang : kAllLanguages) {
      const std::string text = template_file(lang, name);
      EXPECT_FALSE(std::regex_search(text, fixed_plural.at(lang)))
          << to_string(lang) << "/" << name << ": use {n|singular|plural}: " << text;
    }
  }
}

TEST_F(TemplateCatalog, FamilyTextsAreMeantForSms) {
  for (const auto& [name, entry] : catalog_) {
    if (entry.audience == "family") {
      EXPECT_TRUE(entry.sms) << name;
    }
  }
}

// --- the checkers themselves ---

TEST(SmsCheck, AcceptsTwoFullPartsAndRefusesMoreOrNonGsm7) {
  EXPECT_TRUE(fits_two_gsm7_segments(std::string(306, 'a')));
  EXPECT_FALSE(fits_two_gsm7_segments(std::string(307, 'a')));
  EXPECT_FALSE(fits_two_gsm7_segments(std::string(300, 'a') + "€€€€"));  // 308 septets
  EXPECT_FALSE(fits_two_gsm7_segments("Peut-être"));
}

TEST(Placeholders, FindsNamedFieldsAndSkipsDoubledBraces) {
  EXPECT_EQ(placeholders("Oproep {code}: {ages} {{literal}} {km:>3}"),
            (std::set<std::string>{"code", "ages", "km"}));
  EXPECT_TRUE(placeholders("geen velden").empty());
}

TEST(Placeholders, CountsOfPluralSelectorsAreFieldsToo) {
  const std::string text = "{n} {n|gezin|gezinnen}, {m||s} {{k|a|b}}";
  EXPECT_EQ(placeholders(text), (std::set<std::string>{"n", "m"}));
  EXPECT_EQ(plural_counts(text), (std::set<std::string>{"n", "m"}));
  EXPECT_EQ(plural_counts("{code} {km:>3}"), std::set<std::string>{});
}

// --- the crisis call text with real call values ---

TEST(CallOffer, ShowsEverythingAFamilyNeedsAndFitsInTwoSmsSegments) {
  const Templates templates = load_templates();
  Call call;
  call.code = "K42";
  call.ages_months = {48, 84};
  call.place = "Sint-Niklaas";
  call.languages = {Language::kNl, Language::kFr};
  call.duration_hours = 72;
  call.needed_from = kMonday10h + 8 * 3600 + 30 * 60;
  call.note = "Broer en zus, rustig, gaan graag naar school, hebben een knuffel mee.";
  const std::map<Language, std::vector<std::string>> expected{
      {Language::kNl, {"4 en 7 jaar", "Nederlands en Frans", "3 dagen", "JA K42", "NEE K42"}},
      {Language::kFr, {"4 et 7 ans", "OUI K42", "NON K42"}},
      {Language::kEn, {"4 and 7 years", "YES K42", "NO K42"}}};
  for (const Language lang : kAllLanguages) {
    Result<TemplateArgs> args = call_args(templates, lang, call, kMonday10h);
    ASSERT_TRUE(args.ok()) << args.error().message;
    args->emplace_back("distance_km", "23");
    const Result<std::string> deadline = render_offer_decision(
        templates, lang, {true, kMonday10h + 2 * 86400 - 3600}, kMonday10h);  // the longest
    ASSERT_TRUE(deadline.ok()) << deadline.error().message;
    args->emplace_back("deadline", *deadline);
    const Result<std::string> text = templates.render(lang, "call_offer", *args);
    ASSERT_TRUE(text.ok()) << text.error().message;
    for (const std::string& part : expected.at(lang)) {
      EXPECT_NE(text->find(part), std::string::npos) << part << " missing in " << *text;
    }
    for (const char* part : {"K42", "Sint-Niklaas", "23 km", "24/11 18:30", "knuffel"}) {
      EXPECT_NE(text->find(part), std::string::npos) << part << " missing in " << *text;
    }
    EXPECT_TRUE(fits_two_gsm7_segments(*text)) << to_string(lang);
  }
}

TEST(CallPieces, AgesDurationsAndLanguagesReadNaturally) {
  const Templates t = load_templates();
  EXPECT_EQ(*render_ages(t, Language::kNl, {48}), "4 jaar");
  EXPECT_EQ(*render_ages(t, Language::kNl, {3}), "3 maanden");
  EXPECT_EQ(*render_ages(t, Language::kNl, {1}), "1 maand");
  EXPECT_EQ(*render_ages(t, Language::kNl, {48, 84}), "4 en 7 jaar");
  EXPECT_EQ(*render_ages(t, Language::kNl, {3, 48}), "3 maanden en 4 jaar");
  EXPECT_EQ(*render_ages(t, Language::kNl, {18}), "18 maanden");
  EXPECT_EQ(*render_ages(t, Language::kNl, {24, 36, 60}), "2, 3 en 5 jaar");
  EXPECT_EQ(*render_ages(t, Language::kFr, {12}), "1 an");
  EXPECT_EQ(*render_ages(t, Language::kFr, {48, 84}), "4 et 7 ans");
  EXPECT_EQ(*render_ages(t, Language::kEn, {3}), "3 months");
  EXPECT_EQ(*render_duration(t, Language::kNl, 72), "3 dagen");
  EXPECT_EQ(*render_duration(t, Language::kNl, 12), "12 uur");
  EXPECT_EQ(*render_duration(t, Language::kEn, 168), "1 week");
  EXPECT_EQ(*render_duration(t, Language::kFr, 24), "1 jour");
  EXPECT_EQ(*render_languages(t, Language::kNl, {Language::kNl, Language::kFr}),
            "Nederlands en Frans");
  EXPECT_EQ(*render_languages(t, Language::kEn, {}), "no preference");
  EXPECT_EQ(*render_from(t, Language::kNl, kMonday10h, kMonday10h), "nu");
  EXPECT_EQ(*render_from(t, Language::kNl, kMonday10h + 3600, kMonday10h), "24/11 11:00");
}

}  // namespace
}  // namespace noodbel

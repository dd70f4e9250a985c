#include "bot/templates.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/shipped_data.h"


namespace noodbel {
namespace {

using ::testing::HasSubstr;

Templates sample() {
  return Templates::from_map({
      {{Language::kNl, "ack_yes"}, "Bedankt! Oproep {code} genoteerd."},
      {{Language::kFr, "ack_yes"}, "Merci ! Appel {code} noté."},
      {{Language::kNl, "only_dutch"}, "Alleen in het Nederlands."},
      {{Language::kNl, "braces"}, "Gebruik {{code}} niet letterlijk, wel {code}."},
      {{Language::kNl, "broken"}, "Oproep {code"},
  });
}

TEST(Templates, RendersNamedArguments) {
  auto text = sample().render(Language::kFr, "ack_yes", {{"code", "K42"}});
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text, "Merci ! Appel K42 noté.");
}

TEST(Templates, FallsBackToDutchWhenTheLanguageLacksTheTemplate) {
  auto text = sample().render(Language::kEn, "ack_yes", {{"code", "K42"}});
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "Bedankt! Oproep K42 genoteerd.");
}

TEST(Templates, IgnoresArgumentsTheTextDoesNotUse) {
  auto text = sample().render(Language::kNl, "only_dutch", {{"code", "K42"}});
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "Alleen in het Nederlands.");
}

TEST(Templates, DoubledBracesAreLiteralBraces) {
  auto text = sample().render(Language::kNl, "braces", {{"code", "K42"}});
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "Gebruik {code} niet letterlijk, wel K42.");
}

TEST(Templates, UnknownTemplateIsNotFoundAndNamed) {
  auto text = sample().render(Language::kNl, "no_such_text", {});
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().kind, ErrorKind::kNotFound);
  EXPECT_THAT(text.error().message, HasSubstr("no_such_text"));
}

TEST(Templates, PlaceholderWithoutArgumentIsAnInternalErrorNamingTheTemplate) {
  auto text = sample().render(Language::kNl, "ack_yes", {{"cod", "K42"}});
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().kind, ErrorKind::kInternal);
  EXPECT_THAT(text.error().message, HasSubstr("ack_yes"));
  EXPECT_THAT(text.error().message, HasSubstr("argument not found"));
}

TEST(Templates, MalformedTemplateIsAnInternalError) {
  auto text = sample().render(Language::kNl, "broken", {{"code", "K42"}});
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().kind, ErrorKind::kInternal);
  EXPECT_THAT(text.error().message, HasSubstr("broken"));
}

TEST(Templates, HasAndNamesArePerLanguage) {
  const Templates t = sample();
  EXPECT_TRUE(t.has(Language::kFr, "ack_yes"));
  EXPECT_FALSE(t.has(Language::kFr, "only_dutch"));
  EXPECT_EQ(t.names(Language::kFr), std::vector<std::string>{"ack_yes"});
  EXPECT_EQ(t.names(Language::kNl).size(), 4u);
}

// ---- plural selectors {n|one|many} ----

Templates plurals() {
  return Templates::from_map({
      {{Language::kNl, "families"}, "{n} {n|gezin|gezinnen} beschikbaar"},
      {{Language::kFr, "families"}, "{n} {n|famille|familles} disponible{n||s}"},
      {{Language::kEn, "families"}, "{n} {n|family|families} available"},
      {{Language::kNl, "only_dutch_plural"}, "{n|oproep|oproepen}"},
      {{Language::kNl, "braces"}, "{{n|a|b}} en {n|een|twee}"},
      {{Language::kNl, "one_form"}, "{n|gezin}"},
      {{Language::kNl, "three_forms"}, "{n|a|b|c}"},
      {{Language::kNl, "bad_name"}, "{1n|a|b}"},
  });
}

std::string render_ok(const Templates& t, Language lang, const std::string& name,
                      const std::string& n) {
  const Result<std::string> text = t.render(lang, name, {{"n", n}});
  return text.ok() ? *text : "error: " + text.error().message;
}

TEST(TemplatePlurals, DutchAndEnglishTakeTheSingularForExactlyOne) {
  const Templates t = plurals();
  EXPECT_EQ(render_ok(t, Language::kNl, "families", "0"), "0 gezinnen beschikbaar");
  EXPECT_EQ(render_ok(t, Language::kNl, "families", "1"), "1 gezin beschikbaar");
  EXPECT_EQ(render_ok(t, Language::kNl, "families", "2"), "2 gezinnen beschikbaar");
  EXPECT_EQ(render_ok(t, Language::kEn, "families", "0"), "0 families available");
  EXPECT_EQ(render_ok(t, Language::kEn, "families", "1"), "1 family available");
  EXPECT_EQ(render_ok(t, Language::kEn, "families", "21"), "21 families available");
}

TEST(TemplatePlurals, FrenchTakesTheSingularForZeroAndOneAndAllowsAnEmptyForm) {
  const Templates t = plurals();
  EXPECT_EQ(render_ok(t, Language::kFr, "families", "0"), "0 famille disponible");
  EXPECT_EQ(render_ok(t, Language::kFr, "families", "1"), "1 famille disponible");
  EXPECT_EQ(render_ok(t, Language::kFr, "families", "2"), "2 familles disponibles");
}

TEST(TemplatePlurals, FollowTheRulesOfTheLanguageTheTextIsWrittenIn) {
  // French falls back to the Dutch text, so the Dutch rule applies: 0 is plural.
  EXPECT_EQ(render_ok(plurals(), Language::kFr, "only_dutch_plural", "0"), "oproepen");
  EXPECT_TRUE(plural_is_singular(Language::kFr, 0));
  EXPECT_FALSE(plural_is_singular(Language::kNl, 0));
}

TEST(TemplatePlurals, DoubledBracesStayLiteral) {
  EXPECT_EQ(render_ok(plurals(), Language::kNl, "braces", "2"), "{n|a|b} en twee");
}

TEST(TemplatePlurals, AMissingArgumentIsAnErrorNamingTheTemplateAndTheArgument) {
  const Result<std::string> text = plurals().render(Language::kNl, "families", {{"count", "2"}});
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().kind, ErrorKind::kInternal);
  EXPECT_THAT(text.error().message, HasSubstr("families"));
  EXPECT_THAT(text.error().message, HasSubstr("argument 'n'"));
}

TEST(TemplatePlurals, ANonIntegerArgumentIsAnErrorNamingTheTemplateAndTheArgument) {
  for (const char* value : {"twee", "", "2.5", "3 ", "1x"}) {
    const Result<std::string> text = plurals().render(Language::kNl, "families", {{"n", value}});
    ASSERT_FALSE(text.ok()) << value;
    EXPECT_THAT(text.error().message, HasSubstr("families")) << value;
    EXPECT_THAT(text.error().message, HasSubstr("'n' is not an integer")) << value;
  }
}

TEST(TemplatePlurals, ASelectorWithoutExactlyTwoFormsOrWithABadNameIsAnError) {
  for (const char* name : {"one_form", "three_forms", "bad_name"}) {
    const Result<std::string> text = plurals().render(Language::kNl, name, {{"n", "1"}});
    ASSERT_FALSE(text.ok()) << name;
    EXPECT_THAT(text.error().message, HasSubstr(name));
    EXPECT_THAT(text.error().message, HasSubstr("{name|singular|plural}"));
  }
}

TEST(TemplatePlurals, TextWithoutSelectorsIsLeftForFmtUntouched) {
  const Result<std::string> text =
      select_plural_forms("a | b {code:>4} {{x}}", Language::kNl, {});
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text, "a | b {code:>4} {{x}}");
}

TEST(Templates, FromFilesDropsOneTrailingNewlineOfEachFile) {
  const Templates t = Templates::from_files({{{Language::kNl, "greeting"}, "Hallo {name}\n\n"},
                                             {{Language::kFr, "greeting"}, "Bonjour {name}\r\n"},
                                             {{Language::kEn, "greeting"}, "Hello {name}"}});
  EXPECT_EQ(*t.render(Language::kNl, "greeting", {{"name", "An"}}), "Hallo An\n");
  EXPECT_EQ(*t.render(Language::kFr, "greeting", {{"name", "An"}}), "Bonjour An");
  EXPECT_EQ(*t.render(Language::kEn, "greeting", {{"name", "An"}}), "Hello An");
}

TEST(Templates, ShippedCrisisErrorTemplatesRenderInEveryLanguage) {
  const Templates* t = &test_data::shipped_templates();
  for (const char* reason : {"missing_age", "missing_place", "bad_age", "bad_place", "bad_language",
                             "bad_duration", "bad_from", "bad_wave", "unknown_key",
                             "duplicate_key"}) {
    const std::string name = std::string("err_crisis_") + reason;
    for (const Language lang : {Language::kNl, Language::kFr, Language::kEn}) {
      EXPECT_TRUE(t->has(lang, name)) << name << " " << to_string(lang);
      auto text = t->render(lang, name, {{"value", "abc"}});
      EXPECT_TRUE(text.ok()) << name << ": " << text.error().message;
    }
  }
}

}  // namespace
}  // namespace noodbel

// Step 4b of the reply parser: the answer the words give (yes, no, maybe, call me).
#include <gtest/gtest.h>

#include "support/reply_moments.h"

namespace noodbel {
namespace {

using namespace testing;

TEST(ReplyAnswer, QuestionsWithoutAnAnswerAreUnknown) {
  EXPECT_EQ(parse_reply("Heeft iemand anders al ja gezegd?").intent, Intent::kUnknown);
  EXPECT_EQ(parse_reply("hoeveel km is dat?").intent, Intent::kUnknown);
  EXPECT_EQ(parse_reply("Ja, hoe laat?").intent, Intent::kYes);
  EXPECT_EQ(parse_reply("Ja! Hoe oud is het kindje?").intent, Intent::kYes);
  EXPECT_EQ(parse_reply("sta ik nog op pauze?").intent, Intent::kStatus);
}

TEST(ReplyAnswer, MaarAsAFlemishParticleKeepsTheYes) {
  EXPECT_EQ(parse_reply("Ja! Stuur maar de gegevens").intent, Intent::kYes);
  EXPECT_EQ(parse_reply("ja, stuur maar door").intent, Intent::kYes);
  EXPECT_EQ(parse_reply("ja, maar de kinderen zijn ziek").intent, Intent::kMaybe);
  const ParsedReply r = parse_reply("ja voor K42 maar pas na 17u");
  EXPECT_EQ(r.intent, Intent::kYes);
  ASSERT_EQ(r.conditions.size(), 1u);
  EXPECT_EQ(r.conditions[0].words, "pas na 17u");
}

TEST(ReplyAnswer, AbilityWordsAreAYesUnlessNegated) {
  EXPECT_EQ(parse_reply("wij kunnen").intent, Intent::kYes);
  EXPECT_EQ(parse_reply("wij kunnen niet").intent, Intent::kNo);
  EXPECT_EQ(parse_reply("je ne peux pas").intent, Intent::kNo);
  EXPECT_EQ(parse_reply("kan pas na het werk").intent, Intent::kYes);  // from, no hour
  EXPECT_EQ(parse_reply("we kunnen geen baby opvangen").intent, Intent::kNo);
  EXPECT_EQ(parse_reply("nee dit weekend lukt het echt niet sorry").intent, Intent::kNo);
}

TEST(ReplyAnswer, AYesWithAConditionStaysAYesWithThatCondition) {
  for (const char* text :
       {"ja voor 1 nacht", "ja, max 2 nachten", "ja, bel eerst even", "ja over een uurtje",
        "ja maar pas vanaf 18u", "Yes, but only for one night"}) {
    const ParsedReply r = parse_reply(text, kMondayNight);
    EXPECT_EQ(r.intent, Intent::kYes) << text;
    EXPECT_EQ(r.conditions.size(), 1u) << text;
    EXPECT_FALSE(r.note.has_value()) << text << ": " << r.note.value_or("");
  }
  EXPECT_EQ(only_condition("ja voor 1 nacht").nights, 1);
  EXPECT_EQ(only_condition("ja, max 2 nachten").nights, 2);
  EXPECT_EQ(only_condition("ja, een nachtje").nights, 1);
  EXPECT_EQ(only_condition("ja, maar enkel het weekend").nights, 2);
  EXPECT_EQ(only_condition("oui pour une nuit").nights, 1);
  EXPECT_EQ(only_condition("ja, voor een week").nights, 7);
  EXPECT_EQ(only_condition("just for tonight").nights, 1);
  EXPECT_EQ(only_condition("ja, bel eerst even").kind, ConditionKind::kCallFirst);
}

TEST(ReplyAnswer, AMaybeKeepsItsConditionAndARealHesitationStaysMaybe) {
  const ParsedReply r = parse_reply("misschien, pas vanaf 18u", kMondayNight);
  EXPECT_EQ(r.intent, Intent::kMaybe);
  ASSERT_EQ(r.conditions.size(), 1u);
  EXPECT_EQ(r.conditions[0].from_minute, 18 * 60);
  EXPECT_EQ(parse_reply("weet het nog niet").intent, Intent::kMaybe);
  const ParsedReply husband = parse_reply("moet overleggen met mijn man");
  EXPECT_EQ(husband.intent, Intent::kMaybe);
  EXPECT_EQ(husband.note, "moet overleggen met mijn man");
  EXPECT_TRUE(husband.conditions.empty());
  // A time in the reason to wait is not a start time.
  EXPECT_TRUE(parse_reply("ik laat het morgen weten", kMondayNight).conditions.empty());
}

TEST(ReplyAnswer, AConditionOfANoIsDroppedAndNegatedAbilityIsANo) {
  const ParsedReply r = parse_reply("Nee, we kunnen niet rijden");
  EXPECT_EQ(r.intent, Intent::kNo);
  EXPECT_TRUE(r.conditions.empty());
  EXPECT_FALSE(r.note.has_value());
  EXPECT_EQ(parse_reply("nee, morgen niet").intent, Intent::kNo);
  EXPECT_EQ(parse_reply("gaat nie, sorry").intent, Intent::kNo);
  for (const char* text :
       {"niet vanavond", "sorry, not tonight", "pas ce soir", "non, pas cette nuit"}) {
    EXPECT_EQ(parse_reply(text).intent, Intent::kNo) << text;
  }
  EXPECT_EQ(only_condition("ja, pas vanavond").from_day, "2026-12-07");
}

TEST(ReplyAnswer, AskingToBeCalledIsCallMeButCallingBackIsAMaybe) {
  for (const char* text : {"ik ben aan het werk, bel later", "bel me terug", "appelez-moi",
                           "call me later", "Kan je me bellen?", "bel me over een uur"}) {
    const ParsedReply r = parse_reply(text, kMondayNight);
    EXPECT_EQ(r.intent, Intent::kCallMe) << text;
    EXPECT_TRUE(r.conditions.empty()) << text;
  }
  EXPECT_EQ(parse_reply("ik bel je straks terug").intent, Intent::kMaybe);
  EXPECT_EQ(parse_reply("Wie mag ik bellen?").intent, Intent::kUnknown);
  const ParsedReply maybe = parse_reply("misschien, bel me even");
  EXPECT_EQ(maybe.intent, Intent::kMaybe);
  ASSERT_EQ(maybe.conditions.size(), 1u);
  EXPECT_EQ(maybe.conditions[0].kind, ConditionKind::kCallFirst);
}

TEST(ReplyAnswer, OtherWaysToSayYesSignUpAskForHelpOrSetADistance) {
  for (const char* text : {"absoluut", "wij hebben plaats", "komt in orde", "we doen het",
                           "rekenen maar", "avec plaisir", "count us in", "ja 't is goe"}) {
    EXPECT_EQ(parse_reply(text).intent, Intent::kYes) << text;
  }
  for (const char* text : {"weer aanmelden", "ik wil terug meedoen", "je veux me réinscrire"}) {
    EXPECT_EQ(parse_reply(text).intent, Intent::kStart) << text;
  }
  for (const char* text : {"info", "uitleg", "aide"})
    EXPECT_EQ(parse_reply(text).intent, Intent::kHelp) << text;
  EXPECT_EQ(parse_reply("info over het kindje").intent, Intent::kUnknown);
  EXPECT_EQ(parse_reply("we kunnen tot 25 km rijden").km, 25);
  EXPECT_EQ(parse_reply("max 40 km").km, 40);
  EXPECT_EQ(parse_reply("on peut faire 30 km").km, 30);
  EXPECT_EQ(parse_reply("?").intent, Intent::kUnknown);
}

}  // namespace
}  // namespace noodbel

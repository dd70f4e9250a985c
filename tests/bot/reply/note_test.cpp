// Step 5 of the reply parser: the note, the words of a yes or maybe it did not understand.
#include <gtest/gtest.h>

#include "support/reply_moments.h"

namespace noodbel {
namespace {

using namespace testing;

TEST(ReplyNote, PlainYesHasNoNoteButUnderstoodLeftoversAreKept) {
  for (const char* text :
       {"ja hoor", "Jaa wij kunnen!! 👍", "Ja hoor, wij vangen hem graag op",
        "oui, on peut l'accueillir ce soir", "Ja graag, dank je", "Ja, bel mij maar"}) {
    const ParsedReply r = parse_reply(text);
    EXPECT_EQ(r.intent, Intent::kYes) << text;
    EXPECT_FALSE(r.note.has_value()) << text << ": " << r.note.value_or("");
  }
  EXPECT_EQ(parse_reply("ja, we hebben wel een hond").note, "we hebben wel een hond");
  EXPECT_EQ(parse_reply("ja voor 1 nacht, we hebben een hond").note, "we hebben een hond");
}

TEST(ReplyNote, ConditionWordsQuoteTheFamilyAsWritten) {
  EXPECT_EQ(only_condition("Ja, maar enkel voor één nacht").words, "enkel voor één nacht");
  EXPECT_EQ(only_condition("JA VANAF 18U").words, "VANAF 18U");
  EXPECT_EQ(only_condition("Oui, à partir de 18h").words, "à partir de 18h");
  EXPECT_EQ(only_condition("ja, bel eerst even").words, "bel eerst even");
}

}  // namespace
}  // namespace noodbel

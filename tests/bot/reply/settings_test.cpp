// Step 4a of the reply parser: commands and settings said anywhere in a message.
#include <gtest/gtest.h>

#include "bot/reply/parsed_reply.h"
#include "support/reply_parser.h"

namespace noodbel {
namespace {

using namespace testing;

TEST(ReplySettings, CarrierOptOutWordsStopAndStartOptsIn) {
  for (const char* w :
       {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRET", "ARRÊT"}) {
    EXPECT_EQ(parse_reply(w).intent, Intent::kStop) << w;
  }
  EXPECT_EQ(parse_reply("START").intent, Intent::kStart);
  EXPECT_EQ(parse_reply("Ik wil geen berichten meer ontvangen").intent, Intent::kStop);
  EXPECT_EQ(parse_reply("Ik wil terug berichten ontvangen").intent, Intent::kStart);
}

TEST(ReplySettings, DistanceSaidInASentence) {
  EXPECT_EQ(parse_reply("Mijn maximale afstand is 35 km").km, 35);
  EXPECT_EQ(parse_reply("zet mijn afstand op 60").km, 60);
  EXPECT_EQ(parse_reply("Ik wil max 25 km rijden").km, 25);
  EXPECT_EQ(parse_reply("wat is de afstand?").intent, Intent::kUnknown);
}

}  // namespace
}  // namespace noodbel

#include "adapters/slash/slash_command.h"

#include <gtest/gtest.h>

#include <string>

namespace noodbel {
namespace {

FormFields fields(std::initializer_list<std::pair<const std::string, std::string>> list) {
  return FormFields(list);
}

std::string error_of(const FormFields& form) {
  const auto c = parse_slash_command(form);
  EXPECT_FALSE(c.ok());
  return c.ok() ? std::string() : c.error().message;
}

TEST(ParseSlashCommand, ReadsTheFieldsAndJoinsCommandAndText) {
  const auto c = parse_slash_command(fields({{"command", "/crisis"},
                                             {"text", "  leeftijd=4 9000 "},
                                             {"user_id", "U012ABC"},
                                             {"team_id", "T1"},
                                             {"trigger_id", "123.456.abc"},
                                             {"response_url", "https://hooks.slack.com/x"}}));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->user_id, "U012ABC");
  EXPECT_EQ(c->team_id, "T1");
  EXPECT_EQ(c->trigger_id, "123.456.abc");
  EXPECT_EQ(c->message_text(), "/crisis leeftijd=4 9000");
}

TEST(ParseSlashCommand, CommandWithoutTextIsTheCommandAlone) {
  const auto c = parse_slash_command(fields({{"command", "/oproepen"}, {"user_id", "U1"}}));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->message_text(), "/oproepen");
}

TEST(ParseSlashCommand, RefusesAMissingOrMalformedCommand) {
  EXPECT_NE(error_of(fields({{"user_id", "U1"}})).find("'command'"), std::string::npos);
  EXPECT_NE(error_of(fields({{"command", "bord"}, {"user_id", "U1"}})).find("like command=%2Fbord"),
            std::string::npos);
  EXPECT_NE(error_of(fields({{"command", "/bord K42"}, {"user_id", "U1"}})).find("'command'"),
            std::string::npos);
}

TEST(ParseSlashCommand, RefusesAMissingOrMalformedUserId) {
  EXPECT_NE(error_of(fields({{"command", "/help"}})).find("user_id=U012ABC"), std::string::npos);
  EXPECT_NE(error_of(fields({{"command", "/help"}, {"user_id", "U1;drop"}})).find("'user_id'"),
            std::string::npos);
  EXPECT_NE(error_of(fields({{"command", "/help"}, {"user_id", std::string(65, 'U')}}))
                .find("'user_id' is 65 bytes long"),
            std::string::npos);
}

TEST(ParseSlashCommand, RefusesTextOverTheLimitOrNotUtf8) {
  EXPECT_TRUE(parse_slash_command(fields({{"command", "/crisis"},
                                          {"user_id", "U1"},
                                          {"text", std::string(kSlashMaxTextBytes, 'a')}}))
                  .ok());
  EXPECT_NE(error_of(fields({{"command", "/crisis"},
                             {"user_id", "U1"},
                             {"text", std::string(kSlashMaxTextBytes + 1, 'a')}}))
                .find("'text' is 4001 bytes long; the limit is 4000 bytes"),
            std::string::npos);
  EXPECT_NE(error_of(fields({{"command", "/crisis"}, {"user_id", "U1"}, {"text", "\xFF"}}))
                .find("'text' must be valid UTF-8"),
            std::string::npos);
}

}  // namespace
}  // namespace noodbel

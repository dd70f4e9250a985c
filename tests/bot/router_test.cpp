#include "bot/router.h"

#include <gtest/gtest.h>

#include "support/memory_repository.h"

namespace noodbel {
namespace {

InboundMessage slash_from(const std::string& user) {
  InboundMessage m;
  m.channel = Channel::kSlash;
  m.address = user;
  return m;
}

class SlashRouting : public ::testing::Test {
 protected:
  SlashRouting() {
    repo_.upsert_caseworker({"C001", "limburg", "An", {{Channel::kSlash, "U012ABC"}},
                             Role::kCaseworker, Language::kNl});
    repo_.upsert_caseworker({"C002", "limburg", "Jan", {{Channel::kTelegram, "1002"}},
                             Role::kCaseworker, Language::kNl});
  }
  MemoryRepository repo_;
  SlashUsers slash_;
};

TEST_F(SlashRouting, FindsACaseworkerByTheirSlashContact) {
  const Route r = route(slash_from("U012ABC"), repo_, slash_);
  EXPECT_EQ(r.kind, Sender::Kind::kCaseworker);
  ASSERT_TRUE(r.caseworker.has_value());
  EXPECT_EQ(r.caseworker->id, "C001");
}

TEST_F(SlashRouting, ConfigMappingWinsOverTheStoredContacts) {
  slash_ = {{"U012ABC", "C002"}, {"U0NEW", "C002"}};
  EXPECT_EQ(route(slash_from("U012ABC"), repo_, slash_).caseworker->id, "C002");
  EXPECT_EQ(route(slash_from("U0NEW"), repo_, slash_).caseworker->id, "C002");
}

TEST_F(SlashRouting, MappingToAMissingCaseworkerIsUnknownNotAFallback) {
  slash_ = {{"U012ABC", "C404"}};
  const Route r = route(slash_from("U012ABC"), repo_, slash_);
  EXPECT_EQ(r.kind, Sender::Kind::kUnknown);
  EXPECT_FALSE(r.caseworker.has_value());
}

TEST_F(SlashRouting, MappingAppliesToTheSlashChannelOnly) {
  slash_ = {{"1002", "C001"}};
  InboundMessage telegram;
  telegram.channel = Channel::kTelegram;
  telegram.address = "1002";
  EXPECT_EQ(route(telegram, repo_, slash_).caseworker->id, "C002");
}

}  // namespace
}  // namespace noodbel

// The rules of LinkCodesPort (bot/ports/link_codes_port.h), checked on every implementation.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "bot/ports/link_codes_port.h"
#include "store/contracts/implementations.h"
#include "store/contracts/sample_rows.h"

namespace noodbel::contracts {
namespace {

constexpr UnixTime kWeek = 7 * kDay;

template <typename Impl>
class LinkCodesPortContract : public PortContract<LinkCodesPort, Impl> {
 protected:
  LinkCodesPortContract() {
    this->repo().upsert_family(sample_family("F1"));
    this->repo().upsert_family(sample_family("F2"));
  }
};
TYPED_TEST_SUITE(LinkCodesPortContract, Implementations, ImplementationNames);

// Hashes are 64 hex digits; these stand in for SHA-256 values.
std::string hash(char c) { return std::string(64, c); }

LinkCode code_for(const std::string& family_id, char c, UnixTime at = kT0) {
  return {hash(c), family_id, at, at + kWeek, std::nullopt};
}

TYPED_TEST(LinkCodesPortContract, CreatedCodeIsFoundByItsHashWithEveryField) {
  this->port().create_link_code(code_for("F1", 'a'));
  const std::optional<LinkCode> found = this->port().link_code(hash('a'));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->code_hash, hash('a'));
  EXPECT_EQ(found->family_id, "F1");
  EXPECT_EQ(found->created_at, kT0);
  EXPECT_EQ(found->expires_at, kT0 + kWeek);
  EXPECT_FALSE(found->used_at.has_value());
  EXPECT_FALSE(this->port().link_code(hash('b')).has_value());
}

TYPED_TEST(LinkCodesPortContract, ConsumingMarksTheCodeUsedExactlyOnce) {
  this->port().create_link_code(code_for("F1", 'a'));
  EXPECT_TRUE(this->port().consume_link_code(hash('a'), kT0 + 60));
  EXPECT_EQ(this->port().link_code(hash('a'))->used_at, kT0 + 60);
  EXPECT_FALSE(this->port().consume_link_code(hash('a'), kT0 + 120));
  EXPECT_EQ(this->port().link_code(hash('a'))->used_at, kT0 + 60);
}

TYPED_TEST(LinkCodesPortContract, ConsumingAnUnknownCodeChangesNothing) {
  this->port().create_link_code(code_for("F1", 'a'));
  EXPECT_FALSE(this->port().consume_link_code(hash('b'), kT0));
  EXPECT_FALSE(this->port().link_code(hash('a'))->used_at.has_value());
  EXPECT_FALSE(this->port().link_code(hash('b')).has_value());
}

TYPED_TEST(LinkCodesPortContract, AnExpiredCodeIsStillFoundAndConsumed) {
  this->port().create_link_code(code_for("F1", 'a'));
  EXPECT_TRUE(this->port().link_code(hash('a')).has_value());
  EXPECT_TRUE(this->port().consume_link_code(hash('a'), kT0 + 2 * kWeek));
}

TYPED_TEST(LinkCodesPortContract, NewCodeVoidsTheFamilysOlderUnusedCodesOnly) {
  this->port().create_link_code(code_for("F1", 'a'));
  ASSERT_TRUE(this->port().consume_link_code(hash('a'), kT0));
  this->port().create_link_code(code_for("F1", 'b'));
  this->port().create_link_code(code_for("F2", 'c'));
  this->port().create_link_code(code_for("F1", 'd', kT0 + 60));
  EXPECT_TRUE(this->port().link_code(hash('a')).has_value());   // used: kept as history
  EXPECT_FALSE(this->port().link_code(hash('b')).has_value());  // unused: voided by 'd'
  EXPECT_TRUE(this->port().link_code(hash('c')).has_value());   // another family's
  EXPECT_TRUE(this->port().link_code(hash('d')).has_value());
}

}  // namespace
}  // namespace noodbel::contracts

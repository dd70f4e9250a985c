#include "adapters/app/logfmt.h"

#include <gtest/gtest.h>

#include <string>

#include "bot/phone.h"

namespace noodbel {
namespace {

TEST(ParseLogfmt, ReadsBareAndQuotedValues) {
  const auto pairs = parse_logfmt("event=x count=3 error=\"a \\\"b\\\" c\" empty=\"\"");
  ASSERT_TRUE(pairs.has_value());
  EXPECT_EQ(pairs->at("event"), "x");
  EXPECT_EQ(pairs->at("count"), "3");
  EXPECT_EQ(pairs->at("error"), "a \"b\" c");
  EXPECT_EQ(pairs->at("empty"), "");
}

TEST(ParseLogfmt, RefusesWhatIsNotLogfmt) {
  for (const char* bad : {"store: applied migration 5", "event=x error=\"unterminated",
                          "event=x error=\"a\"b\"", "event=x event=y", "=v", "",
                          "event=x bare", "event=a\"b"}) {
    EXPECT_FALSE(parse_logfmt(bad).has_value()) << bad;
  }
}

TEST(MaskPhoneNumbers, MasksEveryInternationalNumberAndLeavesOtherDigits) {
  EXPECT_EQ(mask_phone_numbers("to=+32470123456 and +31612345678, id 12345678"),
            "to=" + mask_phone("+32470123456") + " and " + mask_phone("+31612345678") +
                ", id 12345678");
  EXPECT_EQ(mask_phone_numbers("+32470123456"), "+32*******56");
  EXPECT_EQ(mask_phone_numbers("+1234 is short"), "+1234 is short");
}

TEST(ToLogfmtPayload, KeepsValidLinesAndMasksTheirNumbers) {
  EXPECT_EQ(to_logfmt_payload("event=sms.sent to=+32470123456 id=7"),
            "event=sms.sent to=+32*******56 id=7");
}

TEST(ToLogfmtPayload, WrapsFreeTextSoEveryLineParses) {
  const char* inputs[] = {"store: applied migration 5 (digest runs)",
                          "event=store.failed error=\"near \"x\": syntax error\"",
                          "something\nspanning lines", "no event=here"};
  for (const char* in : inputs) {
    const std::string out = to_logfmt_payload(in);
    const auto pairs = parse_logfmt(out);
    ASSERT_TRUE(pairs.has_value()) << out;
    EXPECT_TRUE(pairs->count("event")) << out;
    EXPECT_TRUE(pairs->count("msg")) << out;
  }
  EXPECT_EQ(to_logfmt_payload("store: applied migration 5"),
            "event=store msg=\"applied migration 5\"");
  EXPECT_EQ(to_logfmt_payload("event=store.failed error=\"a \"b\"\""),
            "event=store.failed msg=\"error=\\\"a \\\"b\\\"\\\"\"");
}

}  // namespace
}  // namespace noodbel

#include "adapters/kannel/kannel_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace noodbel {
namespace {

using ::testing::HasSubstr;

std::string decoded(std::string_view bytes, std::string_view coding, std::string_view charset) {
  const auto text = decode_kannel_text(bytes, coding, charset);
  EXPECT_TRUE(text.ok()) << (text.ok() ? "" : text.error().message);
  return text.ok() ? *text : "";
}

TEST(DecodeKannelText, PassesUtf8SevenBitTextThrough) {
  EXPECT_EQ(decoded("café €", "0", "UTF-8"), "café €");
  EXPECT_EQ(decoded("ja", "", ""), "ja");
  EXPECT_EQ(decoded("ja", "0", "us-ascii"), "ja");
}

TEST(DecodeKannelText, DecodesUcs2AsUtf16BigEndianWithSurrogatePairs) {
  // As fakesmsc's "ucs2 %00J%00a%00+%D8%3D%DCM" arrives: "Ja 👍".
  EXPECT_EQ(decoded(std::string("\x00J\x00\x61\x00 \xD8\x3D\xDC\x4D", 10), "2", "UTF-16BE"),
            "Ja 👍");
  EXPECT_EQ(decoded(std::string("\x04\x1F\x04\x40", 4), "2", ""), "Пр");
  EXPECT_EQ(decoded(std::string("\x00J", 2), "2", "ucs-2"), "J");
}

TEST(DecodeKannelText, AcceptsUtf8ForUcs2WhenSmsboxRecodedIt) {
  EXPECT_EQ(decoded("Ja 👍", "2", "UTF-8"), "Ja 👍");
}

TEST(DecodeKannelText, ConvertsLatin1AndWindows1252) {
  EXPECT_EQ(decoded("caf\xE9", "0", "ISO-8859-1"), "café");
  EXPECT_EQ(decoded("\x80 \x93ja\x94", "0", "WINDOWS-1252"), "€ “ja”");
  EXPECT_EQ(decoded("\x80", "0", "latin1"), "\u0080");
}

TEST(DecodeKannelText, RefusesWhatIsNotTextSayingWhy) {
  const auto binary = decode_kannel_text("\x01\x02", "1", "");
  ASSERT_FALSE(binary.ok());
  EXPECT_THAT(binary.error().message, HasSubstr("8-bit binary"));
  const auto odd = decode_kannel_text(std::string("\x00J\x00", 3), "2", "UTF-16BE");
  ASSERT_FALSE(odd.ok());
  EXPECT_THAT(odd.error().message, HasSubstr("even number of bytes"));
  const auto bad_utf8 = decode_kannel_text("ja \xFF", "0", "UTF-8");
  ASSERT_FALSE(bad_utf8.ok());
  EXPECT_THAT(bad_utf8.error().message, HasSubstr("not valid UTF-8"));
  const auto coding = decode_kannel_text("ja", "7", "");
  ASSERT_FALSE(coding.ok());
  EXPECT_THAT(coding.error().message, HasSubstr("unknown coding '7'"));
  const auto charset = decode_kannel_text("ja", "0", "KOI8-R");
  ASSERT_FALSE(charset.ok());
  EXPECT_THAT(charset.error().message, HasSubstr("charset 'KOI8-R' is not supported"));
  EXPECT_FALSE(decode_kannel_text("\x81", "0", "WINDOWS-1252").ok());
}

TEST(ContentTypeCharset, ReadsQuotedAndPlainCharsets) {
  EXPECT_EQ(content_type_charset("text/plain; charset=\"UTF-16BE\""), "UTF-16BE");
  EXPECT_EQ(content_type_charset("text/plain; Charset=utf-8; x=y"), "utf-8");
  EXPECT_EQ(content_type_charset("text/plain"), "");
}

}  // namespace
}  // namespace noodbel

// Fuzz target: SMS text (bot/sms_text.h): GSM-7 detection, segment counting,
// transliteration and UTF-16BE decoding. Input: the text (or, for UTF-16BE, its bytes).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bot/sms_text.h"
#include "fuzz_support.h"

using namespace noodbel;

namespace {

int parts(int units, int per_part) { return (units + per_part - 1) / per_part; }

void check_segments(std::string_view text) {
  const SmsSegments s = count_sms_segments(text);
  FUZZ_CHECK(s.units >= 0 && s.segments >= 0);
  FUZZ_CHECK((s.segments == 0) == (s.units == 0));
  if (text.empty()) FUZZ_CHECK(s.segments == 0);
  if (!text.empty() && fuzz::utf8_ok(text)) FUZZ_CHECK(s.units > 0);
  const bool gsm = s.encoding == SmsEncoding::kGsm7;
  if (fuzz::utf8_ok(text) && !text.empty()) FUZZ_CHECK(gsm == is_gsm7(text));
  const int single = gsm ? kGsm7Single : kUcs2Single;
  const int part = gsm ? kGsm7Part : kUcs2Part;
  if (s.units <= single) {
    FUZZ_CHECK(s.segments == (s.units == 0 ? 0 : 1));
  } else {
    // Never splitting an escape or surrogate pair can cost at most one unit per part.
    FUZZ_CHECK(s.segments >= parts(s.units, part));
    FUZZ_CHECK(s.segments <= parts(s.units, part - 1));
  }
  // Units: at most two per byte (a GSM-7 extension character like '[' is 2 septets).
  FUZZ_CHECK(s.units <= 2 * static_cast<int>(text.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_view(data, size);
  if (is_gsm7(text)) FUZZ_CHECK(fuzz::utf8_ok(text));
  check_segments(text);

  const std::string plain = transliterate_for_sms(text);
  if (fuzz::utf8_ok(text)) FUZZ_CHECK(fuzz::utf8_ok(plain));
  // Idempotent on text (invalid bytes are kept, and removing a zero-width character
  // between two of them may join them into a character).
  if (fuzz::utf8_ok(text)) FUZZ_CHECK(transliterate_for_sms(plain) == plain);
  if (is_gsm7(text)) FUZZ_CHECK(plain == text);       // GSM-7 text is left alone
  check_segments(plain);

  const Result<std::string> utf8 = utf16be_to_utf8(text);
  FUZZ_CHECK(utf8.ok() == (size % 2 == 0));
  if (utf8.ok()) {
    FUZZ_CHECK(fuzz::utf8_ok(*utf8));
    FUZZ_CHECK(utf8->size() <= size / 2 * 3);
  } else {
    FUZZ_CHECK(utf8.error().kind == ErrorKind::kInvalidInput);
  }
  return 0;
}

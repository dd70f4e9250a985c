#include "bot/phone.h"

#include <algorithm>
#include <cstdint>
#include <optional>

#include <fmt/format.h>
#include <phonenumbers/phonenumberutil.h>

#include <string>

namespace noodbel {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr std::size_t kMaxRawLength = 64;

// libphonenumber's parse errors in words a caseworker or administrator understands.
std::string_view describe(PhoneNumberUtil::ErrorType error) {
  switch (error) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
      return "the country code is unknown or missing";
    case PhoneNumberUtil::NOT_A_NUMBER:
      return "it does not look like a phone number";
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
      return "it has too few digits";
    case PhoneNumberUtil::TOO_LONG_NSN:
      return "it has too many digits";
    case PhoneNumberUtil::NO_PARSING_ERROR:
      break;
  }
  return "it cannot be read";
}

std::string_view describe(PhoneNumberUtil::ValidationResult result) {
  switch (result) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE:
      return "the country code is unknown";
    case PhoneNumberUtil::TOO_SHORT:
    case PhoneNumberUtil::INVALID_LENGTH:
      return "it has the wrong number of digits";
    case PhoneNumberUtil::TOO_LONG:
      return "it has too many digits";
    case PhoneNumberUtil::IS_POSSIBLE:
    case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY:
      break;
  }
  return "no such number is in use";
}

Error invalid(std::string_view raw, std::string_view reason) {
  return Error::Invalid(fmt::format(
      "'{}' is not a valid phone number: {}; write it like 0470 12 34 56 or +32 470 12 34 56", raw,
      reason));
}

// "+32" and 8 or 9 digits, the first not 0: how providers write a Belgian sender. For this
// form libphonenumber's Parse (most of the cost: its regular expressions) always yields
// country code 32 and the digits as the national number: "32" is the only country code the
// input can start with ("3" is none), and Belgium's only national prefix is a leading 0.
std::optional<std::uint64_t> belgian_e164_digits(std::string_view raw) {
  constexpr std::string_view kPrefix = "+32";
  if (raw.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  const std::string_view digits = raw.substr(kPrefix.size());
  if (digits.size() < 8 || digits.size() > 9 || digits.front() == '0') return std::nullopt;
  std::uint64_t n = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return n;
}

}  // namespace

Result<std::string> normalize_phone(std::string_view raw, std::string_view default_region) {
  if (const auto national = belgian_e164_digits(raw)) {
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    number.set_country_code(32);
    number.set_national_number(*national);
    if (util.IsValidNumber(number)) {
      std::string e164;
      util.Format(number, PhoneNumberUtil::E164, &e164);
      return e164;
    }
  }
  return parse_phone(raw, default_region);
}

Result<std::string> parse_phone(std::string_view raw, std::string_view default_region) {
  if (raw.empty()) return invalid(raw, "it is empty");
  if (raw.size() > kMaxRawLength) {
    return invalid(raw.substr(0, kMaxRawLength), "it is far too long");
  }
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  const auto parsed = util.Parse(std::string(raw), std::string(default_region), &number);
  if (parsed != PhoneNumberUtil::NO_PARSING_ERROR) return invalid(raw, describe(parsed));
  if (!util.IsValidNumber(number)) {
    return invalid(raw, describe(util.IsPossibleNumberWithReason(number)));
  }
  std::string e164;
  util.Format(number, PhoneNumberUtil::E164, &e164);
  return e164;
}

std::string display_phone(std::string_view e164) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (e164.size() > kMaxRawLength ||
      util.Parse(std::string(e164), "BE", &number) != PhoneNumberUtil::NO_PARSING_ERROR ||
      !util.IsValidNumber(number)) {
    return std::string(e164);
  }
  std::string out;
  const bool belgian = number.country_code() == 32;
  util.Format(number, belgian ? PhoneNumberUtil::NATIONAL : PhoneNumberUtil::INTERNATIONAL, &out);
  return out;
}

std::vector<std::string> phone_numbers(const std::vector<Contact>& contacts) {
  std::vector<std::string> out;
  for (const Contact& c : contacts) {
    if (c.channel != Channel::kSms && c.channel != Channel::kSignal) continue;
    if (std::find(out.begin(), out.end(), c.address) == out.end()) out.push_back(c.address);
  }
  return out;
}

std::string mask_phone(std::string_view e164) {
  constexpr std::size_t kHead = 3;
  constexpr std::size_t kTail = 2;
  constexpr std::size_t kMinHidden = 3;
  bool ascii = true;
  for (const char c : e164) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (!ascii || e164.size() < kHead + kTail + kMinHidden) return std::string(e164.size(), '*');
  std::string out(e164);
  for (std::size_t i = kHead; i + kTail < out.size(); ++i) out[i] = '*';
  return out;
}

}  // namespace noodbel

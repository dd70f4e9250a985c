// Phone number normalisation with libphonenumber: any written form to E.164.
// Thread-safe (libphonenumber's PhoneNumberUtil is a thread-safe singleton).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bot/result.h"
#include "bot/types.h"

namespace noodbel {

// "0470 12 34 56", "+32 470/12.34.56", "0032470123456" -> "+32470123456".
// Belgium is the default region. An invalid number is an Error that quotes it.
// A Belgian number already in E.164 ("+32470123456", how SMS providers send the sender) skips
// libphonenumber's parsing; the result is the same as parse_phone's (tests/bot/phone_test.cpp).
Result<std::string> normalize_phone(std::string_view raw, std::string_view default_region = "BE");

// The same through libphonenumber's full parser for every input: normalize_phone's reference.
Result<std::string> parse_phone(std::string_view raw, std::string_view default_region = "BE");

// For people: "+32470123456" -> "0470 12 34 56" (Belgian numbers in national format),
// "+31612345678" -> "+31 6 12345678"; anything else is returned as given.
std::string display_phone(std::string_view e164);

// The distinct phone numbers (sms and signal contacts, E.164) in order of preference.
std::vector<std::string> phone_numbers(const std::vector<Contact>& contacts);

// "+32470123456" -> "+32******56": for logs, never the whole number.
std::string mask_phone(std::string_view e164);

}  // namespace noodbel

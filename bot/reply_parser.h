// Reply parser: what a family means by a free-text message ("ja hoor", "nee sorry K42",
// "OUI", "👍"). Pure and allocation-light; thread-safe. The family-conversation issue
// widens the intents (pause, stop, distance…); the shape of ParsedReply stays.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace noodbel {

enum class Intent { kYes, kNo, kMaybe, kStop, kStart, kPause, kResume, kStatus, kHelp,
                    kDistance, kUnknown };
std::string_view to_string(Intent i);  // "yes", "no", ... "unknown"

struct ParsedReply {
  Intent intent = Intent::kUnknown;
  std::optional<std::string> call_code;  // "K42", upper-cased, when the text names one
  std::optional<std::string> until;      // YYYY-MM-DD for pause, when given
  std::optional<int> km;                 // for distance
  std::optional<std::string> note;       // the condition of a maybe ("pas vanaf 18u")
};

// A call code: one capital letter other than I and O, then two digits ("K42").
bool is_call_code(std::string_view s);

ParsedReply parse_reply(std::string_view text);

}  // namespace noodbel

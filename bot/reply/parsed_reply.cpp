#include "bot/reply/parsed_reply.h"

#include "bot/text/ascii.h"

namespace noodbel {

std::string_view to_string(Intent i) {
  switch (i) {
    case Intent::kYes:
      return "yes";
    case Intent::kNo:
      return "no";
    case Intent::kMaybe:
      return "maybe";
    case Intent::kStop:
      return "stop";
    case Intent::kStart:
      return "start";
    case Intent::kPause:
      return "pause";
    case Intent::kResume:
      return "resume";
    case Intent::kStatus:
      return "status";
    case Intent::kHelp:
      return "help";
    case Intent::kDistance:
      return "distance";
    case Intent::kCallMe:
      return "call_me";
    case Intent::kUnknown:
      return "unknown";
  }
  return "unknown";
}

bool is_call_code(std::string_view s) {
  return s.size() == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[0] != 'I' && s[0] != 'O' &&
         is_digit(s[1]) && is_digit(s[2]);
}

std::string words_for_caseworker(const ParsedReply& r) {
  std::string out;
  for (const Condition& c : r.conditions) {
    if (!out.empty()) out += "; ";
    out += c.words;
  }
  if (r.note) out += (out.empty() ? "" : "; ") + *r.note;
  return out;
}

}  // namespace noodbel

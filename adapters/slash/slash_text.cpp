#include "adapters/slash/slash_text.h"

#include <fmt/format.h>

#include "adapters/http/client.h"

namespace noodbel {

std::string slack_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string mattermost_escape(std::string_view text) {
  static constexpr std::string_view kWordJoiner = "\u2060";
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '\\':
      case '[':
      case ']':
      case '<':
      case '>':
      case '`':
        out.push_back('\\');
        out.push_back(c);
        break;
      case '@':
        out.push_back(c);
        out += kWordJoiner;
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string chat_escape(std::string_view text, bool slack) {
  return slack ? slack_escape(text) : mattermost_escape(text);
}

bool is_slack_url(std::string_view url) {
  const Result<Url> parsed = parse_url(url);
  if (!parsed.ok() || parsed->scheme != "https") return false;
  return parsed->host == "hooks.slack.com" || parsed->host == "hooks.slack-gov.com";
}

std::string mask_push_url(std::string_view url) {
  const Result<Url> parsed = parse_url(url);
  if (!parsed.ok()) return "(unparsable URL)";
  const bool v6 = parsed->host.find(':') != std::string::npos;
  return fmt::format("{}://{}{}{}/…", parsed->scheme, v6 ? "[" : "", parsed->host, v6 ? "]" : "");
}

}  // namespace noodbel

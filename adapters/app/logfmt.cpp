#include "adapters/app/logfmt.h"

#include <fmt/format.h>

#include "bot/phone.h"
#include "bot/text/ascii.h"
#include "bot/text/logfmt_value.h"

namespace noodbel {
namespace {

bool is_key_char(char c) {
  return is_alnum(c) || c == '_' || c == '.' || c == '-';
}

// Reads a quoted value starting after the opening quote; pos ends after the closing one.
std::optional<std::string> read_quoted(std::string_view line, std::size_t& pos) {
  std::string out;
  while (pos < line.size()) {
    const char c = line[pos++];
    if (c == '"') return out;
    if (c == '\n' || c == '\r') return std::nullopt;
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (pos >= line.size()) return std::nullopt;
    const char e = line[pos++];
    switch (e) {
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'u': pos += 4; out.push_back('?'); break;  // \u00XX: only control characters
      default: out.push_back(e);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::map<std::string, std::string>> parse_logfmt(std::string_view line) {
  std::map<std::string, std::string> pairs;
  std::size_t pos = 0;
  while (pos < line.size()) {
    if (line[pos] == ' ') {
      ++pos;
      continue;
    }
    const std::size_t key_start = pos;
    while (pos < line.size() && is_key_char(line[pos])) ++pos;
    if (pos == key_start || pos >= line.size() || line[pos] != '=') return std::nullopt;
    std::string key(line.substr(key_start, pos - key_start));
    ++pos;  // '='
    std::string value;
    if (pos < line.size() && line[pos] == '"') {
      ++pos;
      auto quoted = read_quoted(line, pos);
      if (!quoted) return std::nullopt;
      value = std::move(*quoted);
      if (pos < line.size() && line[pos] != ' ') return std::nullopt;
    } else {
      const std::size_t start = pos;
      while (pos < line.size() && line[pos] != ' ') {
        const auto u = static_cast<unsigned char>(line[pos]);
        if (u < 0x20 || line[pos] == '"' || line[pos] == '=') return std::nullopt;
        ++pos;
      }
      value = std::string(line.substr(start, pos - start));
    }
    if (!pairs.emplace(std::move(key), std::move(value)).second) return std::nullopt;
  }
  if (pairs.empty()) return std::nullopt;
  return pairs;
}

std::string mask_phone_numbers(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t digits = 0;
    if (text[i] == '+') {
      while (i + 1 + digits < text.size() && is_digit(text[i + 1 + digits])) ++digits;
    }
    if (digits >= 8 && digits <= 15) {
      out += mask_phone(text.substr(i, digits + 1));
      i += digits + 1;
    } else {
      out.push_back(text[i++]);
    }
  }
  return out;
}

std::string to_logfmt_payload(std::string_view payload) {
  const std::string masked = mask_phone_numbers(payload);
  if (const auto pairs = parse_logfmt(masked); pairs && pairs->count("event")) return masked;
  // "event=x rest..." keeps its event; "store: something" becomes event=store.
  std::string_view text = masked;
  std::string event = "log";
  const std::size_t space = text.find(' ');
  const std::string_view first = text.substr(0, space);
  if (first.rfind("event=", 0) == 0 && first.size() > 6 && !logfmt_needs_quotes(first.substr(6))) {
    event = std::string(first.substr(6));
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
  } else if (first.size() > 1 && first.back() == ':' && !logfmt_needs_quotes(first)) {
    event = std::string(first.substr(0, first.size() - 1));
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
  }
  return fmt::format("event={} msg={}", event, logfmt_value(text));
}

}  // namespace noodbel

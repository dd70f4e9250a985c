#include "bot/guard/url_scanner.h"

#include <algorithm>
#include <string>

#include "bot/guard/characters.h"
#include "bot/text/ascii.h"

namespace noodbel {
namespace {

// The end of a URL path or tail: up to whitespace, without trailing punctuation.
std::size_t url_tail_end(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size() && !is_note_space(static_cast<unsigned char>(text[end])) &&
         static_cast<unsigned char>(text[end]) < 0x80 && text[end] != '<' && text[end] != '>' &&
         text[end] != '"') {
    ++end;
  }
  while (end > pos &&
         std::string_view(".,;:!?)]}'").find(text[end - 1]) != std::string_view::npos) {
    --end;
  }
  return end;
}

// The labels of a host name at `pos`: where the last one starts, where the name ends, how
// many labels and how long the first one is; no labels at all when none starts at `pos`.
struct HostLabels {
  std::size_t count = 0;
  std::size_t first_length = 0;
  std::size_t last_start = 0;
  std::size_t end = 0;
};

HostLabels host_labels(std::string_view text, std::size_t pos) {
  HostLabels labels{0, 0, pos, pos};
  while (true) {
    std::size_t k = labels.end;
    while (k < text.size() && (is_alnum(text[k]) || text[k] == '-')) ++k;
    if (k == labels.end) return HostLabels{0, 0, pos, pos};
    if (labels.count == 0) labels.first_length = k - labels.end;
    ++labels.count;
    labels.last_start = labels.end;
    labels.end = k;
    if (labels.end + 1 < text.size() && text[labels.end] == '.' && is_alnum(text[labels.end + 1])) {
      ++labels.end;
      continue;
    }
    return labels;
  }
}

// The end of a bare host name at `pos` with a known top-level domain, or `pos`.
std::size_t bare_host_end(std::string_view text, std::size_t pos, const Lexicon& lexicon) {
  const HostLabels labels = host_labels(text, pos);
  if (labels.count < 2) return pos;
  const std::size_t end = labels.end;
  if (!lexicon.is_url_tld(lower_ascii(text.substr(labels.last_start, end - labels.last_start)))) {
    return pos;
  }
  const bool path = end < text.size() && text[end] == '/';
  if (labels.first_length < 2 && !path) return pos;  // "o.a" is an abbreviation, "t.me/x" a link
  if (end < text.size() && (is_alpha(text[end]) || text[end] == '@')) return pos;
  return end;
}

bool at_url_boundary(std::string_view text, std::size_t i) {
  return i == 0 || std::string_view(" \t\r\n(\"'<[:;,").find(text[i - 1]) != std::string_view::npos;
}

bool has_url_scheme(std::string_view text, std::size_t i) {
  return starts_with_ci(text, i, "http://") || starts_with_ci(text, i, "https://") ||
         starts_with_ci(text, i, "www.");
}

// The end of the URL at `i`, or `i` when none starts there.
std::size_t url_end(std::string_view text, std::size_t i, const Lexicon& lexicon) {
  if (has_url_scheme(text, i)) return url_tail_end(text, i);
  std::size_t end = bare_host_end(text, i, lexicon);
  if (end > i && end < text.size() && text[end] == '/') end = url_tail_end(text, end);
  return end;
}

}  // namespace

void scan_urls(std::string_view text, const Lexicon& lexicon, std::vector<Finding>& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (!at_url_boundary(text, i) || !is_alnum(text[i])) {
      ++i;
      continue;
    }
    const bool scheme = has_url_scheme(text, i);
    const std::size_t end = url_end(text, i, lexicon);
    if (scheme || end > i) {
      add_finding(out, text, FindingKind::kUrl, i, end);
      i = std::max(end, i + 1);
      continue;
    }
    ++i;
  }
}

void scan_handles(std::string_view text, std::vector<Finding>& out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '@') continue;
    if (i > 0 && !is_note_space(static_cast<unsigned char>(text[i - 1])) && text[i - 1] != '(' &&
        text[i - 1] != ':') {
      continue;
    }
    std::size_t end = i + 1;
    bool letter = false;
    while (end < text.size() && (is_alnum(text[end]) || text[end] == '_' || text[end] == '.')) {
      letter = letter || is_alpha(text[end]);
      ++end;
    }
    while (end > i + 1 && text[end - 1] == '.') --end;
    if (letter && end - i >= 4) add_finding(out, text, FindingKind::kUrl, i, end);
  }
}

}  // namespace noodbel

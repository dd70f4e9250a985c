#include "bot/reply/lexicon.h"

#include <algorithm>
#include <array>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "bot/text/ascii.h"

namespace noodbel::reply {
namespace {

// In the order of Kind.
constexpr std::array<std::string_view, 31> kKindNames = {
    "none",   "yes",        "can",      "no",      "weak_no",      "neg",        "pas",
    "maybe",  "maybe_soft", "when",     "tonight", "marker_after", "marker_at",  "from",
    "noise",  "stop",       "start",    "pause",   "pause_soft",   "resume",     "resume_soft",
    "status", "help",       "distance", "max_km",  "maybe_why",    "help_alone", "filler",
    "glue",   "not_today",  "span"};
static_assert(kKindNames.size() == static_cast<std::size_t>(Kind::kSpan) + 1);

constexpr std::size_t kMaxPhraseWords = 4;
constexpr std::size_t kMaxWordBytes = 32;  // longer tokens match no lexicon word

// True when `token` is `word` with letters possibly repeated: "jaaa" ~ "ja", "ne" !~ "nee".
bool stretch_eq(std::string_view token, std::string_view word) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (j < word.size()) {
    const char c = word[j];
    if (i >= token.size() || token[i] != c) return false;
    std::size_t want = 0;
    while (j < word.size() && word[j] == c) ++j, ++want;
    std::size_t got = 0;
    while (i < token.size() && token[i] == c) ++i, ++got;
    if (got < want || (got > want && !is_lower(c))) return false;
  }
  return i == token.size();
}

// `w` with runs of one lower-case letter collapsed ("jaaaa" -> "ja"), so a stretched
// token finds the entries it may match; "" when too long.
std::string_view squeeze(std::string_view w, std::array<char, kMaxWordBytes>& buf) {
  if (w.size() > buf.size()) return {};
  std::size_t n = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (i > 0 && w[i] == w[i - 1] && is_lower(w[i])) continue;
    buf[n++] = w[i];
  }
  return {buf.data(), n};
}

struct Phrase {
  std::array<std::string_view, kMaxPhraseWords> words{};
  std::size_t count = 0;
  Kind first = Kind::kNone;
  Kind later = Kind::kNone;
};

// What is wrong with a phrase of the file, "" when nothing: 1 to 4 words of lower-case a-z
// and 0-9 (the first may start with '#': the emoji pseudo-words), one space between them.
std::string phrase_problem(std::string_view phrase) {
  if (phrase.empty()) return "the phrase is empty";
  std::size_t words = 1;
  std::size_t letters = 0;
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    const char c = phrase[i];
    if (c == ' ') {
      if (letters == 0 || i + 1 == phrase.size()) return "the phrase has an extra space";
      ++words;
      letters = 0;
      continue;
    }
    const bool emoji_mark = c == '#' && i == 0 && phrase.size() > 1;
    if (!emoji_mark && !is_lower(c) && !is_digit(c)) {
      return fmt::format("the phrase has '{}', which a normalised message never holds", c);
    }
    if (++letters > kMaxWordBytes) return "a word of the phrase is longer than 32 letters";
  }
  if (words > kMaxPhraseWords) return "the phrase has more than 4 words";
  return {};
}

// The fields of a line separated by tabs.
std::vector<std::string_view> fields_of(std::string_view line) {
  std::vector<std::string_view> fields;
  for (std::size_t pos = 0;;) {
    const std::size_t tab = line.find('\t', pos);
    fields.push_back(line.substr(pos, tab == std::string_view::npos ? tab : tab - pos));
    if (tab == std::string_view::npos) return fields;
    pos = tab + 1;
  }
}

bool is_comment(std::string_view line) {
  return line.empty() || line == "#" || line.starts_with("# ");
}

}  // namespace

// The entries split into words and indexed by the squeezed first word. Built once by
// parse; read-only (and so thread-safe) afterwards. Deques: views into the stored strings
// stay valid while entries are added.
struct Lexicon::Index {
  std::deque<std::string> phrases;
  std::deque<std::string> keys;
  std::unordered_map<std::string_view, std::vector<Phrase>> by_first;
  std::size_t entries = 0;

  void add(std::string_view phrase, Kind first, Kind later) {
    const std::string_view text = phrases.emplace_back(phrase);
    Phrase p{{}, 0, first, later};
    for (std::size_t pos = 0; pos <= text.size();) {
      const std::size_t end = std::min(text.find(' ', pos), text.size());
      p.words[p.count++] = text.substr(pos, end - pos);
      pos = end + 1;
    }
    std::array<char, kMaxWordBytes> buf{};
    by_first[keys.emplace_back(squeeze(p.words[0], buf))].push_back(p);
    ++entries;
  }

  // The phrases whose first word a token squeezed to `key` may match.
  const std::vector<Phrase>* candidates(std::string_view key) const {
    const auto it = by_first.find(key);
    return it == by_first.end() ? nullptr : &it->second;
  }
};

std::string_view to_string(Kind k) { return kKindNames[static_cast<std::size_t>(k)]; }

std::optional<Kind> kind_named(std::string_view name) {
  const auto* it = std::find(kKindNames.begin(), kKindNames.end(), name);
  if (it == kKindNames.end()) return std::nullopt;
  return static_cast<Kind>(it - kKindNames.begin());
}

Result<Lexicon> Lexicon::parse(std::string_view text, std::string_view source) {
  auto index = std::make_shared<Index>();
  std::size_t number = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (is_comment(line)) continue;
    const auto at = [&](const std::string& what) {
      return Error::Invalid(fmt::format("{} line {}: {}", source, number, what));
    };
    const std::vector<std::string_view> f = fields_of(line);
    if (f.size() < 2 || f.size() > 3) {
      return at(fmt::format(
          "expected PHRASE<tab>MEANING or PHRASE<tab>FIRST<tab>LATER, found {} field(s); "
          "separate the fields with one tab",
          f.size()));
    }
    if (const std::string problem = phrase_problem(f[0]); !problem.empty()) {
      return at(
          fmt::format("{} (\"{}\"); write 1 to 4 words of lower-case a-z and 0-9 "
                      "(at most 32 letters each), one space between them",
                      problem, f[0]));
    }
    std::array<Kind, 2> kinds{};
    for (std::size_t i = 1; i < f.size(); ++i) {
      const std::optional<Kind> k = kind_named(f[i]);
      if (!k || *k == Kind::kSpan) {
        return at(
            fmt::format("unknown meaning \"{}\"; use one of the meanings listed at the "
                        "top of the file",
                        f[i]));
      }
      kinds[i - 1] = *k;
    }
    index->add(f[0], kinds[0], f.size() == 3 ? kinds[1] : kinds[0]);
  }
  if (index->entries == 0) {
    return Error::Invalid(fmt::format(
        "{} holds no entries: the reply parser needs its lexicon, one PHRASE<tab>MEANING a line",
        source));
  }
  return Lexicon(std::move(index));
}

bool is_code_token(std::string_view w) {
  return w.size() == 3 && is_lower(w[0]) && w[0] != 'i' && w[0] != 'o' && is_digit(w[1]) &&
         is_digit(w[2]);
}

bool is_word_token(std::string_view w) { return w[0] != '#' && !is_code_token(w); }

std::size_t Lexicon::size() const { return index_->entries; }

std::optional<Item> Lexicon::classify_within(const Normalized& n, std::size_t t, std::size_t limit,
                                             bool first_word) const {
  std::array<char, kMaxWordBytes> buf{};
  const std::string_view key = squeeze(n.word(t), buf);
  const auto* phrases = key.empty() ? nullptr : index_->candidates(key);
  if (phrases == nullptr) return std::nullopt;
  std::optional<Item> best;
  for (const Phrase& p : *phrases) {
    if (t + p.count > limit || (best && p.count <= best->count)) continue;
    bool match = true;
    for (std::size_t k = 0; k < p.count && match; ++k) {
      match = stretch_eq(n.word(t + k), p.words[k]) && (k == 0 || n.same_sentence(t, t + k));
    }
    if (match) best = Item{first_word ? p.first : p.later, t, p.count};
  }
  return best;
}

}  // namespace noodbel::reply

#include "bot/guard/name_scanner.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

namespace noodbel {
namespace {

enum class CueKind { kNone, kRelation, kSurname, kNaming };

bool is_particle(const Token& t) { return t.has(kParticle); }

constexpr std::uint32_t kPlainWord = kNeverName | kWeekday | kMonth;

// A word of the never-name, weekday or month lists: "Marokkaans-Belgische",
// "Oost-Vlaanderen" too, every part a plain word.
bool is_plain_word(const Lexicon& lexicon, const Token& t) {
  if (t.has(kPlainWord)) return true;
  if (t.folded.find('-') == std::string::npos) return false;
  std::string_view rest = t.folded;
  while (!rest.empty()) {
    const std::size_t dash = std::min(rest.find('-'), rest.size());
    if ((lexicon.flags_of(rest.substr(0, dash)) & kPlainWord) == 0) return false;
    rest.remove_prefix(std::min(dash + 1, rest.size()));
  }
  return true;
}

// Reads the names of one note; see scan_names.
class NameScanner {
 public:
  NameScanner(const NoteTokens& note, const NameLists& names, const PlaceMarks& marks)
      : note_(note),
        tokens_(note.tokens),
        first_names_(names.first_names),
        blocked_(marks.blocked) {}

  void scan(std::vector<Finding>& out) const {
    std::size_t i = 0;
    while (i < tokens_.size()) {
      const std::optional<std::size_t> first = name_start_at(i);
      if (!first) {
        ++i;
        continue;
      }
      const std::size_t last = extend_name(*first);
      add_finding(out, note_.text, FindingKind::kName, tokens_[*first].start, tokens_[last].end);
      i = last + 1;
    }
  }

 private:
  // The first token of a name found at token i: after a cue, or a listed first name.
  std::optional<std::size_t> name_start_at(std::size_t i) const {
    if (!tokens_[i].is_word() || blocked_[i]) return std::nullopt;
    if (const CueKind cue = cue_at(i); cue != CueKind::kNone) return name_after_cue(i, cue);
    if (listed_name(i)) return i;
    return std::nullopt;
  }

  CueKind cue_at(std::size_t i) const {
    const Token& t = tokens_[i];
    if (!t.is_word()) return CueKind::kNone;
    const std::string_view f = t.folded;
    if (f == "m") {  // "M. Dupont"
      const Token* dot = note_.at(i + 1);
      return t.upper && dot != nullptr && dot->is_symbol(".") ? CueKind::kSurname : CueKind::kNone;
    }
    if (t.has(kRelationCue)) return CueKind::kRelation;
    if (t.has(kSurnameCue)) return CueKind::kSurname;
    if (t.has(kNamingCue)) return CueKind::kNaming;
    for (const std::string& suffix : note_.lexicon.relation_suffixes()) {
      if (f.ends_with(suffix) && f.size() >= suffix.size() + 3) return CueKind::kRelation;
    }
    return CueKind::kNone;
  }

  // Token i may be (the start of) a name: not a place, organisation or ordinary word.
  bool may_be_name(std::size_t i) const {
    const Token* t = note_.at(i);
    return t != nullptr && t->is_word() && !t->newline_before && !blocked_[i] &&
           !is_plain_word(note_.lexicon, *t) && !t->has(kStopword) && cue_at(i) == CueKind::kNone;
  }

  // A token between a cue at i and the name, at j: ":", "is", "van" after a relation.
  bool is_connector(std::size_t i, std::size_t j, CueKind kind) const {
    const Token& t = tokens_[j];
    return t.is_symbol(":") || (t.is_symbol("(") && kind == CueKind::kRelation) ||
           (t.is_symbol(".") && j == i + 1 && note_.glued(j) && tokens_[i].has(kAbbreviatedCue)) ||
           (t.has(kConnector) && (t.folded != "van" || kind == CueKind::kRelation));
  }

  // The capitalised word after a cue, past connectors: "naam: Aya", "naam is Ilias",
  // "mama van Bilal", "Mr. Johnson", "familie Van den Broeck".
  std::optional<std::size_t> name_after_cue(std::size_t i, CueKind kind) const {
    std::size_t j = i + 1;
    for (int skipped = 0; skipped < 3 && j < tokens_.size(); ++skipped) {
      if (!is_connector(i, j, kind) || tokens_[j].newline_before) break;
      ++j;
    }
    const Token* t = note_.at(j);
    if (t == nullptr || !t->is_word()) return std::nullopt;
    if (kind != CueKind::kRelation && is_particle(*t)) {                // "familie Van den Broeck"
      if (!t->upper && tokens_[i].has(kNameWord)) return std::nullopt;  // "naam van de school"
      return surname_after_particles(j) ? std::optional<std::size_t>(j) : std::nullopt;
    }
    if (!may_be_name(j) || !t->upper || t->has(kStatusWord)) return std::nullopt;
    const bool acronym_like = t->all_upper && (kind == CueKind::kRelation || t->folded.size() < 4);
    if (acronym_like && !first_names_.contains(t->folded)) return std::nullopt;
    return j;
  }

  // A first name from the list at token i.
  bool listed_name(std::size_t i) const {
    const Token& t = tokens_[i];
    const std::string_view f = t.folded;
    if (t.has(kNeverName | kWeekday)) return false;
    if (first_names_.contains(f)) {
      const bool after_number = i > 0 && tokens_[i - 1].is_number();
      if (t.has(kMonth) && (after_number || !t.upper)) return false;  // "2 jan"
      if (t.has(kAmbiguousName)) return t.upper && !t.all_upper && !t.sentence_start;
      return true;
    }
    return t.upper && f.find('-') != std::string_view::npos && listed_hyphenated_name(f);
  }

  // "Anne-Sophie", "Jean-Pierre"; not "Sint-Jan" or "Saint-Pierre".
  bool listed_hyphenated_name(std::string_view f) const {
    std::size_t begin = 0;
    bool first_part = true;
    while (begin <= f.size()) {
      const std::size_t dash = std::min(f.find('-', begin), f.size());
      const std::string_view part = f.substr(begin, dash - begin);
      const std::uint32_t flags = note_.lexicon.flags_of(part);
      if (first_part && (flags & kSaintPrefix) != 0) return false;
      if (first_names_.contains(part) && (flags & kAmbiguousName) == 0) return true;
      first_part = false;
      begin = dash + 1;
    }
    return false;
  }

  // The surname after the particles starting at token i ("van der Veken", "El Amrani"):
  // its index, or nothing. After a capitalised particle a place or region is a surname
  // too ("Van Damme", "Van Brussel"); after a lower-case one it is where someone is from.
  std::optional<std::size_t> surname_after_particles(std::size_t i) const {
    std::size_t k = i;
    while (k < i + 3 && note_.at(k + 1) != nullptr && is_particle(*note_.at(k + 1)) &&
           !note_.at(k + 1)->newline_before) {
      ++k;
    }
    const Token* surname = note_.at(k + 1);
    if (surname == nullptr || !surname->is_word() || !surname->upper) return std::nullopt;
    if (!tokens_[i].upper && surname->all_upper) return std::nullopt;  // "van de GTK"
    if (may_be_name(k + 1)) return k + 1;
    const bool place_surname = tokens_[i].upper && !surname->newline_before &&
                               !surname->has(kStopword) && cue_at(k + 1) == CueKind::kNone;
    return place_surname ? std::optional<std::size_t>(k + 1) : std::nullopt;
  }

  // The last token of the name starting at i: surnames and particles after a first name
  // ("Julie Peeters", "Youssef El Amrani", "Van den Broeck").
  std::size_t extend_name(std::size_t i) const {
    std::size_t last = i;
    if (is_particle(tokens_[i])) last = surname_after_particles(i).value_or(i);
    for (int steps = 0; steps < 4; ++steps) {
      const std::size_t next = last + 1;
      const Token* t = note_.at(next);
      if (t == nullptr || !t->is_word() || t->newline_before || blocked_[next]) break;
      if (is_particle(*t)) {
        const auto surname = surname_after_particles(next);
        if (!surname) break;
        last = *surname;
        continue;
      }
      if (!may_be_name(next) || !t->upper || t->sentence_start) break;
      last = next;
    }
    return last;
  }

  const NoteTokens& note_;
  const std::vector<Token>& tokens_;
  const WordSet& first_names_;
  const std::vector<bool>& blocked_;
};

}  // namespace

void scan_names(const NoteTokens& note, const NameLists& names, const PlaceMarks& marks,
                std::vector<Finding>& out) {
  NameScanner(note, names, marks).scan(out);
}

}  // namespace noodbel

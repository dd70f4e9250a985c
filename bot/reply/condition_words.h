// Internal to the reply parser: the named word lists of the condition scanner and its
// readers (child, baby and teen words, call verbs, modals, the words that open or anchor a
// condition, and those the call, transport, ages, children and time readers read), parsed
// from the text of config/lexicon/conditions.txt (format at the top of that file). Built once
// by a loader (adapters/data/reply_lexicon_loader.h); read-only afterwards, so thread-safe;
// cheap to copy (the lists are shared). Not part of the parser's contract.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <utility>

#include "bot/reply/word_file.h"
#include "bot/result.h"

namespace noodbel::reply {

// The lists, one a [section] of the file: bot/reply/word_lists.h.
enum class WordList : std::uint8_t;

class ConditionWords {
 public:
  // The lists of `file`. An error names the file, the line and how to fix it: a section
  // name that is not one of kSectionNames (word_lists.h) or comes twice, words before the first
  // section, a word that is not lower-case a-z, a word listed twice in one section; or (naming the
  // file) a section that is missing or empty.
  static Result<ConditionWords> parse(const WordFile& file);

  // The words of one list (the phrases of a list of phrases), in the order of the file.
  std::span<const std::string_view> words(WordList list) const;

 private:
  struct Lists;
  explicit ConditionWords(std::shared_ptr<const Lists> lists) : lists_(std::move(lists)) {}

  std::shared_ptr<const Lists> lists_;
};

}  // namespace noodbel::reply

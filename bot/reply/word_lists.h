// Internal to the reply parser: the names of the condition scanner's word lists, each a
// [section] of config/lexicon/conditions.txt (read by ConditionWords, condition_words.h).
// For the files of bot/reply/ that read a list. Constants; thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace noodbel::reply {

// One list a [section] of the file; kSectionNames spells each in the file.
enum class WordList : std::uint8_t {
  kChildNouns,        // [child-words]: "kind", "kinderen", "enfants"
  kBabyWords,         // [baby-words]: "baby", "zuigeling"
  kTeenWords,         // [teen-words]: "pubers", "ados"
  kCallVerbs,         // [call-verbs]: "bel", "appelez", "call"
  kModals,            // [modals]: "kunnen", "peut"
  kTransportHeads,    // [transport-anchors]: "rijden", "auto", "gebracht"
  kLimitAnchors,      // [limit-anchors]: "nachten", "weekend", "kort"
  kDayWords,          // [day-words]: "morgen", "vandaag", "demain"
  kStartAnchors,      // [start-anchors]: "uur", "straks", "school"
  kTransportOpeners,  // [transport-openers]: "moet", "niet", "geen"
  kChildrenOpeners,   // [children-openers]: "maar", "max", "seulement"
  kAgesOpeners,       // [ages-openers]: "liefst", "tussen", "jonger"
  kLimitOpeners,      // [limit-openers]: "voor", "max", "tot"
  kFromOpeners,       // [start-openers]: "vanaf", "na", "om"
  kMeWords,           // [me-words]
  kYouWords,          // [you-words]
  kFirstWords,        // [first-words]
  kCallLead,          // [call-lead]
  kCallTail,          // [call-tail]
  kDriveHeads,        // [drive-words]
  kCarHeads,          // [car-words]
  kTransportGap,      // [transport-gap]
  kAgeNegators,       // [age-negators]
  kAgeRestrictors,    // [age-restrictors]
  kCountPrefixes,     // [count-prefixes]
  kSiblings,          // [siblings]
};
inline constexpr std::size_t kWordListCount = 26;
inline constexpr std::array<std::string_view, kWordListCount> kSectionNames = {
    "child-words",       "baby-words",    "teen-words",    "call-verbs",      "modals",
    "transport-anchors", "limit-anchors", "day-words",     "start-anchors",   "transport-openers",
    "children-openers",  "ages-openers",  "limit-openers", "start-openers",   "me-words",
    "you-words",         "first-words",   "call-lead",     "call-tail",       "drive-words",
    "car-words",         "transport-gap", "age-negators",  "age-restrictors", "count-prefixes",
    "siblings"};

// A list of phrases, one a line in the file ("broers en zussen"), rather than of words.
constexpr bool holds_phrases(WordList list) { return list == WordList::kSiblings; }

}  // namespace noodbel::reply

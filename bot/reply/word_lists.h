// Internal to the reply parser: the names of the condition scanner's word lists, each a
// [section] of config/lexicon/conditions.txt (read by ConditionWords, condition_words.h).
// For the files of bot/reply/ that read a list. Constants; thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
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
  kNotBefore,         // [not-before]
  kFromWords,         // [start-words]
  kAfterWhat,         // [after-what]
  kLimitPrefix,       // [limit-prefixes]
  kVagueLimits,       // [short-stays]
  kEndOfWeek,         // [end-of-week]
  kNotHourUnits,      // [not-hour-units]
  kLimitSuffix,       // [limit-suffixes]
  kFromNow,           // [from-now]: "over", "binnen", "dans"
  kLater,             // [later]: "straks", "plus tard"
  kUntil,             // [until]: "tot en met", "tot", "jusqu au"
  kTonight,           // [tonight]: "vannacht", "ce soir"
  kIfItIs,            // [if-it-is]: "als het een", "si c est un"
};
inline constexpr std::size_t kWordListCount = 39;
inline constexpr std::array<std::string_view, kWordListCount> kSectionNames = {
    "child-words",    "baby-words",        "teen-words",       "call-verbs",
    "modals",         "transport-anchors", "limit-anchors",    "day-words",
    "start-anchors",  "transport-openers", "children-openers", "ages-openers",
    "limit-openers",  "start-openers",     "me-words",         "you-words",
    "first-words",    "call-lead",         "call-tail",        "drive-words",
    "car-words",      "transport-gap",     "age-negators",     "age-restrictors",
    "count-prefixes", "siblings",          "not-before",       "start-words",
    "after-what",     "limit-prefixes",    "short-stays",      "end-of-week",
    "not-hour-units", "limit-suffixes",    "from-now",         "later",
    "until",          "tonight",           "if-it-is"};

// A list of phrases, one a line in the file ("broers en zussen"), rather than of words.
constexpr bool holds_phrases(WordList list) {
  return list == WordList::kSiblings || list == WordList::kNotBefore ||
         list == WordList::kFromWords || list == WordList::kVagueLimits ||
         list == WordList::kEndOfWeek || list == WordList::kFromNow || list == WordList::kLater ||
         list == WordList::kUntil || list == WordList::kTonight || list == WordList::kIfItIs;
}

class Normalized;
// How many tokens the first of `phrases` that matches at token t covers; 0 none.
std::size_t match_first(const Normalized& n, std::size_t t,
                        std::span<const std::string_view> phrases);

}  // namespace noodbel::reply

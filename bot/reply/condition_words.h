// Internal to the reply parser: word lists that more than one condition reader uses, and
// that the scanner's gate (bot/reply/conditions.cpp) opens on. Not part of the parser's
// contract. Constants; thread-safe.
#pragma once

#include <string_view>

namespace noodbel::reply {

using namespace std::string_view_literals;

inline constexpr std::string_view kChildNouns[] = {
    "kind"sv,     "kinderen"sv, "kindje"sv,  "kindjes"sv, "kids"sv,   "kid"sv,     "child"sv,
    "children"sv, "enfant"sv,   "enfants"sv, "gosse"sv,   "gosses"sv, "kinders"sv, "kindere"sv};
inline constexpr std::string_view kBabyWords[] = {
    "baby"sv,     "babys"sv,      "babies"sv,       "bebe"sv,      "bebes"sv,       "newborn"sv,
    "newborns"sv, "pasgeboren"sv, "pasgeborenen"sv, "zuigeling"sv, "zuigelingen"sv, "babytje"sv};
inline constexpr std::string_view kTeenWords[] = {
    "tieners"sv, "tiener"sv, "pubers"sv,    "puber"sv,    "adolescenten"sv, "adolescent"sv,
    "ados"sv,    "ado"sv,    "teenagers"sv, "teenager"sv, "teens"sv,        "adolescents"sv};
inline constexpr std::string_view kCallVerbs[] = {
    "bel"sv,         "bellen"sv,     "belt"sv,        "belle"sv,       "opbellen"sv,
    "terugbellen"sv, "telefoneer"sv, "telefoneren"sv, "telefoneert"sv, "gebeld"sv,
    "call"sv,        "phone"sv,      "ring"sv,        "appelez"sv,     "appelle"sv,
    "appeler"sv,     "appel"sv,      "rappelez"sv,    "rappelle"sv,    "rappeler"sv,
    "telephonez"sv,  "telephoner"sv, "contacteer"sv,  "contacteren"sv, "contactez"sv,
    "contacter"sv,   "bellen"sv};
inline constexpr std::string_view kModals[] = {
    "kunnen"sv, "kan"sv,  "kunt"sv,    "kun"sv,    "kunde"sv,  "can"sv, "could"sv,
    "peut"sv,   "peux"sv, "pouvons"sv, "pouvez"sv, "zullen"sv, "zal"sv};

}  // namespace noodbel::reply

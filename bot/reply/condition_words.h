// Internal to the reply parser: word lists that more than one condition reader uses, and
// that the scanner's gate (bot/reply/conditions.cpp) opens on. Not part of the parser's
// contract. Constants; thread-safe.
#pragma once

#include <string_view>

namespace noodbel::reply {

inline constexpr std::string_view kChildNouns[] = {
    "kind",     "kinderen", "kindje",  "kindjes", "kids",   "kid",     "child",
    "children", "enfant",   "enfants", "gosse",   "gosses", "kinders", "kindere"};
inline constexpr std::string_view kBabyWords[] = {
    "baby",     "babys",      "babies",       "bebe",      "bebes",       "newborn",
    "newborns", "pasgeboren", "pasgeborenen", "zuigeling", "zuigelingen", "babytje"};
inline constexpr std::string_view kTeenWords[] = {
    "tieners", "tiener", "pubers",    "puber",    "adolescenten", "adolescent",
    "ados",    "ado",    "teenagers", "teenager", "teens",        "adolescents"};
inline constexpr std::string_view kCallVerbs[] = {
    "bel",        "bellen",      "belt",        "belle",      "opbellen",   "terugbellen",
    "telefoneer", "telefoneren", "telefoneert", "gebeld",     "call",       "phone",
    "ring",       "appelez",     "appelle",     "appeler",    "appel",      "rappelez",
    "rappelle",   "rappeler",    "telephonez",  "telephoner", "contacteer", "contacteren",
    "contactez",  "contacter",   "bellen"};
inline constexpr std::string_view kModals[] = {"kunnen", "kan",    "kunt", "kun",  "kunde",
                                               "can",    "could",  "peut", "peux", "pouvons",
                                               "pouvez", "zullen", "zal"};

}  // namespace noodbel::reply

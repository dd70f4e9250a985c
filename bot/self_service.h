// SelfService: what a family changes about itself by text — STOP / START, PAUZE [tot …] /
// BESCHIKBAAR, AFSTAND N, STATUS and HELP. Each change is stored, confirmed in the
// family's language and audited under the family id; bad input gets a clear error and
// changes nothing. Stateless functions over one unit of work; not thread-safe beyond it.
#pragma once

#include <string_view>

#include "bot/family_turn.h"
#include "bot/reply/parsed_reply.h"

namespace noodbel {

inline constexpr int kDefaultPauseDays = 7;
inline constexpr int kMaxPauseDays = 366;
inline constexpr int kMinDistanceKm = 5;
inline constexpr int kMaxDistanceKm = 200;
inline constexpr std::string_view kOptOutReason = "cancelled: family opted out";

// STOP: opted out at once. Every pending message to the family is cancelled, its yes
// and maybe answers to open calls become no (so nobody picks or messages it), and the
// one `stopped` confirmation is the last message it gets.
void stop(const FamilyTurn& turn);
// START: opted in again.
void start(const FamilyTurn& turn);
// PAUZE: no calls until the end of `reply.until` (Brussels), or for kDefaultPauseDays.
void pause(const FamilyTurn& turn, const ParsedReply& reply);
// BESCHIKBAAR (the word the texts teach; HERVAT and others are synonyms): the pause ends now.
void resume(const FamilyTurn& turn);
// AFSTAND N: the family's max distance, kMinDistanceKm..kMaxDistanceKm.
void set_distance(const FamilyTurn& turn, const ParsedReply& reply);
// STATUS: the family's own settings.
void status(const FamilyTurn& turn);
// HELP (and anything not understood without an open call): what the family can send.
void help(const FamilyTurn& turn, std::string_view why);

}  // namespace noodbel

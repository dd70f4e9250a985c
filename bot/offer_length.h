// Offer length: whether the call offer families receive (templates/<lang>/call_offer.txt,
// rendered with call_args, a distance and the longest decision deadline) fits in two SMS
// segments, checked before a call
// is opened so a long note is refused instead of arriving in pieces. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "bot/clock.h"
#include "bot/templates.h"
#include "bot/types.h"

namespace noodbel {

inline constexpr int kMaxOfferSegments = 2;

struct OfferOverflow {
  Language language = Language::kNl;  // the family language whose text is the longest
  int over = 0;                       // characters to cut from the note so every text fits
  std::string non_gsm;  // the note's first character outside GSM-7 when it makes the SMS
                        // Unicode (70/67 characters a part instead of 160/153); else ""
};

// Renders the offer of `call` in Dutch, French and English (every language a family may
// read), as an SMS adapter would send it (transliterated), with the longest call code and
// a three-digit distance. Nothing when all fit in two segments, and nothing either when
// even a one-character note would not fit: then the note is not what makes it too long
// and the caseworker cannot fix it (a place name outside GSM-7, say).
std::optional<OfferOverflow> offer_overflow(const Templates& templates, const Call& call,
                                            UnixTime now);

}  // namespace noodbel

// scan_streets: the anonymization guard's scanner for street names with a house number,
// Dutch and French, on a note's tokens. Called by scan_addresses
// (bot/guard/address_scanner.h); pure, thread-safe.
#pragma once

#include <vector>

#include "bot/guard/finding.h"
#include "bot/guard/note_tokens.h"

namespace noodbel {

// "Kerkstraat 12", "Grote Markt 3", "Kortrijksesteenweg 120 bus 3", "12 Kerkstraat",
// "rue de la Loi 16", "16, rue de la Loi": appends a kAddress finding for each.
void scan_streets(const NoteTokens& note, std::vector<Finding>& out);

}  // namespace noodbel

// The web board of one call as an HTML fragment — the call in one line and its counts, the
// chosen family with what to do next, one row per ranked family (its answer, conditions in
// bold, its own words, km, delivery; the score folded away), the other families by state —
// and the page around it. Pure and thread-safe, except load_board_view (one unit of work).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "bot/board.h"

namespace noodbel {

inline constexpr int kOthersShown = 100;  // families listed per state; the rest counted

// Everything the web board shows about one call.
struct BoardView {
  Board board;
  std::vector<DeliveryStatus> deliveries;  // newest message per recipient, by recipient id
  // Whether the reader may see contact details: only caseworkers of the call's own service.
  bool show_contacts = false;
  // Phone numbers (E.164, distinct, in order of preference) of the chosen or matched
  // family and of the families who asked to be called; empty unless show_contacts.
  std::unordered_map<std::string, std::vector<std::string>> phones;
};

// show_contacts: the reader belongs to the call's service (the caller decides); without
// it no contact detail is read at all.
BoardView load_board_view(Repository& repo, const Call& call, const BoardConfig& weights,
                          UnixTime now, bool show_contacts);

// <section id="board">…</section>, every text from templates in `lang`, escaped. Days in
// conditions are said as seen at `now`; the same facts at the same `now` give the same
// fragment, so it can be compared.
Result<std::string> render_board_fragment(const BoardView& view, const Templates& templates,
                                          Language lang, UnixTime now);

// Replaces every "{{name}}" of `skeleton` by its value (values are inserted as given).
// An unknown "{{name}}" is an Error naming it.
using PageSlots = std::vector<std::pair<std::string, std::string>>;
Result<std::string> fill_page(std::string_view skeleton, const PageSlots& slots);

}  // namespace noodbel

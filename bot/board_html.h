// The web board of one call as an HTML fragment (summary, ranked answers with factors and
// delivery status, who has not answered, the chosen family's contact details) and the
// page around it. Pure and thread-safe, except load_board_view (one unit of work).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bot/html_escape.h"
#include "bot/board.h"

namespace noodbel {

inline constexpr int kWaitingShown = 100;  // families listed as not answered; the rest counted

// Everything the web board shows about one call.
struct BoardView {
  Board board;
  std::vector<Recipient> recipients;
  std::vector<Response> responses;
  std::vector<DeliveryStatus> deliveries;  // newest outbox row per recipient
  std::vector<Family> waiting;             // sent, not yet answered, in sending order (the
                                           // first kWaitingShown)
  int waiting_count = 0;                   // all of them
  std::optional<Family> matched;           // the family picked with /kies
};

BoardView load_board_view(Repository& repo, const Call& call, const BoardConfig& weights,
                          UnixTime now);

// <section id="board">…</section>, every text from templates in `lang`, escaped. The
// same facts always give the same fragment (no clock in it), so it can be compared.
Result<std::string> render_board_fragment(const BoardView& view, const Templates& templates,
                                          Language lang, UnixTime now);

// Replaces every "{{name}}" of `skeleton` by its value (values are inserted as given).
// An unknown "{{name}}" is an Error naming it.
using PageSlots = std::vector<std::pair<std::string, std::string>>;
Result<std::string> fill_page(std::string_view skeleton, const PageSlots& slots);

}  // namespace noodbel

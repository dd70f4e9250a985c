// Links: the signed web links the core hands to people (the live board of a call for its
// caseworker, the HTML digest for supervisors). A port: adapters/web/signed_links.h signs
// them with the server secret; tests use a fake. Implementations are thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "bot/clock.h"
#include "bot/types.h"

namespace noodbel {

class Links {
 public:
  virtual ~Links() = default;
  // "https://noodbel.example.be/board/K42?t=TOKEN", valid for board_link_hours() from now,
  // for this call only: a later call that reuses the code does not open with it.
  virtual std::string board_url(const Call& call, std::string_view caseworker_id,
                                UnixTime now) const = 0;
  // "https://…/digest/2026-11-23?service=oost-vlaanderen&t=TOKEN" (service "" = Flanders-wide),
  // valid for [web] digest_link_days from now.
  virtual std::string digest_url(std::string_view date, std::string_view service,
                                 UnixTime now) const = 0;
  // How long a board link stays valid, for the text that says so.
  virtual int board_link_hours() const = 0;
};

}  // namespace noodbel

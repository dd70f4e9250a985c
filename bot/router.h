// Router: who sent an inbound message — a registered family, a caseworker, or someone
// unknown — with their stored record. Reads only the people role of the unit of work.
// Stateless function; thread-safe given its own PeoplePort.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "bot/config.h"
#include "bot/ports/people_port.h"
#include "bot/types.h"

namespace noodbel {

struct Route {
  Sender::Kind kind = Sender::Kind::kUnknown;
  std::optional<Family> family;          // set when kind == kFamily
  std::optional<Caseworker> caseworker;  // set when kind == kCaseworker
};

// Looks the sender up by (channel, address). A contact whose owner record is missing
// counts as unknown.
Route route(const InboundMessage& message, PeoplePort& people);
// As above, but a slash user listed in `slash_users` is that caseworker whatever the
// stored contacts say (the configuration is authoritative); one mapped to a caseworker
// that does not exist is unknown.
Route route(const InboundMessage& message, PeoplePort& people, const SlashUsers& slash_users);

// An address safe for logs and audit: phone numbers through mask_phone, other addresses
// with only their first and last two characters.
std::string mask_address(Channel channel, std::string_view address);

}  // namespace noodbel

// Failover helpers of the Dispatcher: whom a message goes to when its channel gave up.
// Pure functions (contacts_of reads the people port it is given); thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/ports/people_port.h"
#include "bot/types.h"

namespace noodbel {

// The contacts of a family or caseworker, in preference order; empty for an unknown id.
std::vector<Contact> contacts_of(PeoplePort& people, std::string_view person_id);

// The first contact after `current` in `contacts` whose channel `can_send`; when `current`
// is not among them (the contact changed), the first such contact other than `current`.
// Nothing when none is left.
std::optional<Contact> next_contact(const std::vector<Contact>& contacts, const Contact& current,
                                    const std::function<bool(Channel)>& can_send);

// The last_error of a row handed to the next contact: "failover to <channel>: <error>".
// The digest counts rows whose last_error starts with "failover" (bot/digest.h).
std::string failover_error(Channel next, std::string_view error);

}  // namespace noodbel

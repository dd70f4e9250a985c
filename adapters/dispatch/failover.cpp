#include "adapters/dispatch/failover.h"

#include <algorithm>

#include <fmt/format.h>

namespace noodbel {

std::vector<Contact> contacts_of(PeoplePort& people, std::string_view person_id) {
  if (person_id.empty()) return {};
  if (std::optional<Family> f = people.family(person_id)) return f->contacts;
  if (std::optional<Caseworker> c = people.caseworker(person_id)) return c->contacts;
  return {};
}

std::optional<Contact> next_contact(const std::vector<Contact>& contacts, const Contact& current,
                                    const std::function<bool(Channel)>& can_send) {
  const auto here = std::find(contacts.begin(), contacts.end(), current);
  const auto from = here == contacts.end() ? contacts.begin() : here + 1;
  const auto next = std::find_if(from, contacts.end(), [&](const Contact& c) {
    return c != current && can_send(c.channel);
  });
  if (next == contacts.end()) return std::nullopt;
  return *next;
}

std::string failover_error(Channel next, std::string_view error) {
  return fmt::format("failover to {}: {}", to_string(next), error);
}

}  // namespace noodbel

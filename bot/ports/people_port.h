// PeoplePort: the families and caseworkers the core reads and the people import writes.
// One role of the unit of work (bot/repository.h); callers get it from a Repository.
// Not thread-safe; throws only on storage failure, like every port of a Repository.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "bot/types.h"

namespace noodbel {

class PeoplePort {
 public:
  virtual ~PeoplePort() = default;

  // The family with this id, with its contacts (in order of preference) and availability;
  // nothing when unknown.
  virtual std::optional<Family> family(std::string_view id) = 0;
  // Every family, ordered by id; empty when there are none.
  virtual std::vector<Family> families() = 0;
  // Stores a family by id: a new id adds it, a known id replaces every field, contacts and
  // availability included (upserting twice keeps the latest).
  virtual void upsert_family(const Family& f) = 0;

  // The caseworker with this id, with its contacts in order; nothing when unknown.
  virtual std::optional<Caseworker> caseworker(std::string_view id) = 0;
  // Every caseworker, ordered by id; empty when there are none.
  virtual std::vector<Caseworker> caseworkers() = 0;
  // Stores a caseworker by id: a new id adds them, a known id replaces every field and the
  // contacts (upserting twice keeps the latest).
  virtual void upsert_caseworker(const Caseworker& c) = 0;

  // Who owns this contact: a family before a caseworker, and among several owners of one
  // kind the lowest id. On the sandbox channel the address is the person id itself.
  // Sender::Kind::kUnknown (empty id) when nobody does.
  virtual Sender sender_by_contact(Channel channel, std::string_view address) = 0;
};

}  // namespace noodbel

// FamilyTurn: one message of a registered family being handled — who wrote, what they
// wrote, and the unit of work (Outbox) replies, audits and changes go through. Shared
// by the conversation parts (answers, self-service). A short-lived view: not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bot/outbound.h"
#include "bot/reply/context.h"
#include "bot/types.h"

namespace noodbel {

struct FamilyTurn {
  const Family& family;
  const InboundMessage& message;
  const Outbox& out;

  Addressee to() const { return addressee_of(family); }
  Repository& repo() const { return out.repo(); }
  UnixTime now() const { return out.now(); }

  // Replies to the contact the message came from; `call_id` ties the reply to a call.
  void reply(std::string_view name, const TemplateArgs& args = {},
             std::optional<std::int64_t> call_id = std::nullopt) const;
  // Replies with a template about `call`: call_args plus `extra`.
  void reply_about(const Call& call, std::string_view name, TemplateArgs extra = {}) const;
  // An audit row under the family id (no message bodies, no phone numbers).
  void audit(std::string_view action, std::string detail) const;
  // Stores a changed family record and audits the change.
  void save(const Family& changed, std::string_view action, std::string detail) const;
};

// Today's Brussels date as the reply parser wants it, to resolve "tot 5/1".
ReplyContext reply_context_at(UnixTime now);

// True when `call` was sent to this family.
bool was_sent_to(const Call& call, std::string_view family_id, CallsPort& calls);

}  // namespace noodbel

// Outbound: choosing the contact a message to a person goes to, rendering texts in the
// person's language (including the pieces of a call summary) and queueing them in the
// outbox. Outbox is a short-lived helper bound to one unit of work: not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/clock.h"
#include "bot/config.h"
#include "bot/repository.h"
#include "bot/result.h"
#include "bot/templates.h"
#include "bot/types.h"

namespace noodbel {

// A person messages go to: a family or a caseworker.
struct Addressee {
  std::string id;
  std::vector<Contact> contacts;  // in order of preference
  Language language = Language::kNl;
};
Addressee addressee_of(const Family& f);
Addressee addressee_of(const Caseworker& c);

// The sandbox (address = person id) when the sandbox is enabled, else the first contact.
Result<Contact> choose_contact(const Addressee& to, const SandboxConfig& sandbox);

// The first phone number (sms or signal), else the first contact's address, else nothing.
std::optional<std::string> first_phone_or_contact(const std::vector<Contact>& contacts);

// Priorities in the outbox: lower goes first.
inline constexpr int kPriorityAlert = -1;  // a caseworker's first yes, a wave without one:
                                           // one message that overtakes a fan-out
inline constexpr int kPriorityCall = 0;    // a crisis call to a family
inline constexpr int kPriorityReply = 1;   // the answer to a message someone just sent
inline constexpr int kPriorityNotice = 2;  // a notice someone did not ask for

struct Delivery {
  int priority = kPriorityNotice;
  std::optional<std::int64_t> call_id;
};

// --- pieces of texts, rendered from templates ---
// "4 jaar", "3 maanden", "4 en 7 jaar", "3 maanden en 4 jaar".
Result<std::string> render_ages(const Templates& t, Language lang, const std::vector<int>& months);
// "Nederlands en Frans"; an empty list renders `lang_any`.
Result<std::string> render_languages(const Templates& t, Language lang,
                                     const std::vector<Language>& languages);
// "12 uur", "3 dagen", "1 week".
Result<std::string> render_duration(const Templates& t, Language lang, int hours);
// `from_now` when needed within 5 minutes of now, else "24/11 18:30" (Brussels time).
Result<std::string> render_from(const Templates& t, Language lang, UnixTime needed_from,
                                UnixTime now);
// The arguments describing a call, for any template about it: code, ages, place,
// languages, duration, from, note (`note_none` when empty), children.
Result<TemplateArgs> call_args(const Templates& t, Language lang, const Call& call,
                               UnixTime now);

class Outbox {
 public:
  // All references must outlive the Outbox.
  Outbox(const CoreConfig& config, const Templates& templates, Repository& repo, UnixTime now);

  // Renders `name` in the person's language and queues it for their chosen contact.
  // False when the message was skipped (render error or no contact); that is audited.
  bool send(const Addressee& to, std::string_view name, const TemplateArgs& args,
            const Delivery& delivery = {}) const;
  // The same, addressed to the contact `in` came from (the sandbox when enabled);
  // `call_id` ties the reply to a call, so a family quoting it is understood. On the
  // channel `in` came from, the reply quotes `in` (OutboundMessage::reply_to).
  bool reply(const Addressee& to, const InboundMessage& in, std::string_view name,
             const TemplateArgs& args,
             std::optional<std::int64_t> call_id = std::nullopt) const;
  // Queues an already rendered text (e.g. a board) to the contact `in` came from.
  void reply_text(const Addressee& to, const InboundMessage& in, std::string text) const;
  // Records a message that could not be composed (audit "template.error").
  void skipped(const Addressee& to, std::string_view name, const Error& error) const;

  Result<std::string> render(Language lang, std::string_view name,
                             const TemplateArgs& args) const;
  const Templates& templates() const { return templates_; }
  const CoreConfig& config() const { return config_; }
  Repository& repo() const { return repo_; }
  UnixTime now() const { return now_; }

 private:
  // reply_to: the provider id of the inbound message answered (OutboundMessage::reply_to).
  bool enqueue(const Addressee& to, const Contact& contact, std::string_view name,
               const TemplateArgs& args, const Delivery& delivery,
               std::optional<std::string> reply_to = std::nullopt) const;
  void enqueue_text(const Addressee& to, const Contact& contact, std::string text,
                    const Delivery& delivery,
                    std::optional<std::string> reply_to = std::nullopt) const;
  Contact reply_contact(const Addressee& to, const InboundMessage& in) const;

  const CoreConfig& config_;
  const Templates& templates_;
  Repository& repo_;
  const UnixTime now_;
};

}  // namespace noodbel

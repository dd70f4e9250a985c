// Domain types shared by the core, the store and the adapters.
// Plain values: copy freely; no behaviour beyond small conversions (types.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/clock.h"
#include "bot/condition.h"

namespace noodbel {

enum class Channel { kSandbox, kSms, kTelegram, kSignal, kSlash, kUnknown };
std::string_view to_string(Channel c);
Channel channel_from_string(std::string_view s);  // "sms" -> kSms; unknown -> kUnknown

enum class Language { kNl, kFr, kEn };
std::string_view to_string(Language l);                      // "nl", "fr", "en"
std::optional<Language> language_from_string(std::string_view s);  // case-insensitive

// One way to reach a person. Phone numbers (sms, signal) are E.164 ("+32470123456");
// telegram is a chat id; sandbox is the person's id.
struct Contact {
  Channel channel = Channel::kUnknown;
  std::string address;
  bool operator==(const Contact&) const = default;
};

// A weekly window in Europe/Brussels local time. weekday: 0 = Monday .. 6 = Sunday.
// Minutes from local midnight, [start, end); end may be 1440.
struct WeeklyWindow {
  int weekday = 0;
  int start_minute = 0;
  int end_minute = 1440;
  bool operator==(const WeeklyWindow&) const = default;
};

struct GeoPoint {
  double lat = 0;
  double lon = 0;
};

struct Family {
  std::string id;            // "F0012"
  std::string service;       // service id, e.g. "oost-vlaanderen"
  std::string display_name;  // internal, shown to caseworkers only
  std::vector<Contact> contacts;  // in order of preference
  std::string postcode;      // home postcode, 4 digits
  GeoPoint home;             // from the postcode table
  int max_distance_km = 30;
  int min_age_months = 0;
  int max_age_months = 18 * 12;
  int max_children = 1;
  std::vector<Language> languages;       // spoken at home
  std::vector<WeeklyWindow> availability;  // empty: always available
  std::optional<UnixTime> paused_until;
  bool opted_in = true;
  Language preferred_language = Language::kNl;
};

enum class Role { kCaseworker, kSupervisor };
std::string_view to_string(Role r);
std::optional<Role> role_from_string(std::string_view s);

struct Caseworker {
  std::string id;       // "C001"
  std::string service;  // service id
  std::string name;
  std::vector<Contact> contacts;
  Role role = Role::kCaseworker;
  Language language = Language::kNl;
};

enum class CallState { kOpen, kMatched, kClosed, kCancelled, kExpired };
std::string_view to_string(CallState s);
std::optional<CallState> call_state_from_string(std::string_view s);

struct Call {
  std::int64_t id = 0;         // store row id; 0 before insert
  std::string code;            // "K42"; unique among open and recently closed calls
  std::string service;         // service of the caseworker who opened it
  std::string caseworker_id;
  std::vector<int> ages_months;  // one entry per child
  std::string postcode;        // where the child is
  std::string place;           // municipality shown to families
  GeoPoint location;
  std::vector<Language> languages;
  int duration_hours = 0;
  UnixTime needed_from = 0;
  std::string note;            // checked by the anonymization guard
  bool urgent = false;
  CallState state = CallState::kOpen;
  UnixTime created_at = 0;
  std::optional<UnixTime> closed_at;
  std::optional<std::string> matched_family;
  std::optional<int> wave_size;          // families per wave set for this call (golf=10)
  std::optional<std::string> closed_by;  // who ended it: a caseworker id, or "system"
  // The family chosen with /kies while the pick is being confirmed (the call stays open,
  // nobody else is released); cleared by /volgende, set as matched_family by /bevestig.
  std::optional<std::string> chosen_family;
  std::optional<UnixTime> chosen_at;
  std::optional<std::string> chosen_by;  // the caseworker who chose
  // When the call expires; nothing: created_at + the configured expiry (older calls).
  std::optional<UnixTime> expires_at;
};

// A family a call was sent to.
struct Recipient {
  std::int64_t call_id = 0;
  std::string family_id;
  double distance_km = 0;
  int wave = 1;
  UnixTime sent_at = 0;
};

enum class Answer { kYes, kNo, kMaybe };
std::string_view to_string(Answer a);
std::optional<Answer> answer_from_string(std::string_view s);

struct Response {
  std::int64_t call_id = 0;
  std::string family_id;
  Answer answer = Answer::kYes;
  std::string note;  // words of the answer the parser did not understand, or empty
  UnixTime answered_at = 0;
  std::string text;  // the family's own words: the message that gave this answer
  std::vector<Condition> conditions;  // what a yes or maybe depends on
  std::optional<Answer> previous;     // the answer it replaced, when it changed
};

// A family's message about a call that is not an answer: a question, or a request to be
// called. Kept for the board; the caseworker is told at once.
enum class QuestionKind { kQuestion, kCallMe };
std::string_view to_string(QuestionKind k);  // "question", "call_me"
std::optional<QuestionKind> question_kind_from_string(std::string_view s);

struct FamilyQuestion {
  std::int64_t call_id = 0;
  std::string family_id;
  QuestionKind kind = QuestionKind::kQuestion;
  std::string text;  // the family's own words
  UnixTime asked_at = 0;
};

// One step of picking a family for a call: chosen with /kies, then confirmed
// (/bevestig) or passed over (/volgende, or /kies of another family).
enum class ChoiceOutcome { kChosen, kConfirmed, kPassed };
std::string_view to_string(ChoiceOutcome o);  // "chosen", "confirmed", "passed"
std::optional<ChoiceOutcome> choice_outcome_from_string(std::string_view s);

struct Choice {
  std::int64_t call_id = 0;
  std::string family_id;
  std::string chosen_by;  // caseworker id
  UnixTime chosen_at = 0;
  ChoiceOutcome outcome = ChoiceOutcome::kChosen;
  std::optional<UnixTime> ended_at;  // when confirmed or passed
};

// A notice the bot sent a caseworker about a call on its own (first answer, coalesced
// updates, a wave without a yes, expiry coming, a pick waiting for confirmation), kept
// so that each is sent once and updates are spaced.
struct CallNotice {
  std::int64_t call_id = 0;
  std::string kind;  // "answers", "wave_end", "expiring", "confirm", "decision"
  std::int64_t key = 0;  // distinguishes notices of one kind: a wave number, a time
  UnixTime at = 0;
};

// A message as an adapter hands it to the core, after parsing and authentication.
struct InboundMessage {
  Channel channel = Channel::kUnknown;
  std::string address;      // sender: E.164 number, chat id, sandbox person id, slash user
  std::string provider_id;  // the provider's message id; (channel, provider_id) is unique
  std::string text;
  UnixTime received_at = 0;
  std::optional<std::string> reply_to;  // provider id of the bot message this quotes
};

enum class OutboxState { kPending, kSending, kSent, kDelivered, kFailed };
std::string_view to_string(OutboxState s);
std::optional<OutboxState> outbox_state_from_string(std::string_view s);

// A message the core wants sent. Committed to the outbox with the state change causing it.
struct OutboundMessage {
  std::string recipient_id;  // family or caseworker id ("" for an unknown sender)
  Channel channel = Channel::kUnknown;
  std::string address;
  std::string text;
  int priority = 5;           // lower goes first; crisis calls use 0
  std::optional<std::int64_t> call_id;
  // provider_id of the inbound message this answers; channels that can quote it do
  // (Signal: quoteTimestamp), the others ignore it.
  std::optional<std::string> reply_to = std::nullopt;
};

// An outbox row as the dispatcher sees it.
struct OutboxItem {
  std::int64_t id = 0;
  OutboundMessage message;
  OutboxState state = OutboxState::kPending;
  int attempts = 0;
  UnixTime next_attempt_at = 0;
  UnixTime created_at = 0;
  std::string last_error;
};

// Where a person's newest message about a call stands (the board's delivery column).
struct DeliveryStatus {
  std::string recipient_id;
  Channel channel = Channel::kUnknown;
  OutboxState state = OutboxState::kPending;
  std::string last_error;  // short, no message body
  UnixTime at = 0;         // when it failed, else was sent, else was queued
};

// Who sent an inbound message, as far as the router can tell.
struct Sender {
  enum class Kind { kUnknown, kFamily, kCaseworker } kind = Kind::kUnknown;
  std::string id;
};

}  // namespace noodbel

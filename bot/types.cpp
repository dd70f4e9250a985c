#include "bot/types.h"

#include <array>
#include <utility>

#include "bot/text/ascii.h"

namespace noodbel {
namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table,
                        std::string_view s) {
  const std::string key = lower_ascii(s);
  for (const auto& [value, name] : table) {
    if (name == key) return value;
  }
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E v) {
  for (const auto& [value, name] : table) {
    if (value == v) return name;
  }
  return "unknown";
}

constexpr std::array<std::pair<Channel, std::string_view>, 5> kChannels{{
    {Channel::kSandbox, "sandbox"},
    {Channel::kSms, "sms"},
    {Channel::kTelegram, "telegram"},
    {Channel::kSignal, "signal"},
    {Channel::kSlash, "slash"},
}};
constexpr std::array<std::pair<Language, std::string_view>, 3> kLanguages{{
    {Language::kNl, "nl"}, {Language::kFr, "fr"}, {Language::kEn, "en"}}};
constexpr std::array<std::pair<Role, std::string_view>, 2> kRoles{{
    {Role::kCaseworker, "caseworker"}, {Role::kSupervisor, "supervisor"}}};
constexpr std::array<std::pair<CallState, std::string_view>, 5> kCallStates{{
    {CallState::kOpen, "open"},
    {CallState::kMatched, "matched"},
    {CallState::kClosed, "closed"},
    {CallState::kCancelled, "cancelled"},
    {CallState::kExpired, "expired"},
}};
constexpr std::array<std::pair<Answer, std::string_view>, 3> kAnswers{{
    {Answer::kYes, "yes"}, {Answer::kNo, "no"}, {Answer::kMaybe, "maybe"}}};
constexpr std::array<std::pair<OutboxState, std::string_view>, 5> kOutboxStates{{
    {OutboxState::kPending, "pending"},
    {OutboxState::kSending, "sending"},
    {OutboxState::kSent, "sent"},
    {OutboxState::kDelivered, "delivered"},
    {OutboxState::kFailed, "failed"},
}};
constexpr std::array<std::pair<QuestionKind, std::string_view>, 2> kQuestionKinds{{
    {QuestionKind::kQuestion, "question"}, {QuestionKind::kCallMe, "call_me"}}};
constexpr std::array<std::pair<ChoiceOutcome, std::string_view>, 3> kChoiceOutcomes{{
    {ChoiceOutcome::kChosen, "chosen"},
    {ChoiceOutcome::kConfirmed, "confirmed"},
    {ChoiceOutcome::kPassed, "passed"},
}};

}  // namespace

std::string_view to_string(Channel c) { return name_of(kChannels, c); }
Channel channel_from_string(std::string_view s) {
  return lookup(kChannels, s).value_or(Channel::kUnknown);
}
std::string_view to_string(Language l) { return name_of(kLanguages, l); }
std::optional<Language> language_from_string(std::string_view s) { return lookup(kLanguages, s); }
std::string_view to_string(Role r) { return name_of(kRoles, r); }
std::optional<Role> role_from_string(std::string_view s) { return lookup(kRoles, s); }
std::string_view to_string(CallState s) { return name_of(kCallStates, s); }
std::optional<CallState> call_state_from_string(std::string_view s) {
  return lookup(kCallStates, s);
}
std::string_view to_string(Answer a) { return name_of(kAnswers, a); }
std::optional<Answer> answer_from_string(std::string_view s) { return lookup(kAnswers, s); }
std::string_view to_string(OutboxState s) { return name_of(kOutboxStates, s); }
std::optional<OutboxState> outbox_state_from_string(std::string_view s) {
  return lookup(kOutboxStates, s);
}
std::string_view to_string(QuestionKind k) { return name_of(kQuestionKinds, k); }
std::optional<QuestionKind> question_kind_from_string(std::string_view s) {
  return lookup(kQuestionKinds, s);
}
std::string_view to_string(ChoiceOutcome o) { return name_of(kChoiceOutcomes, o); }
std::optional<ChoiceOutcome> choice_outcome_from_string(std::string_view s) {
  return lookup(kChoiceOutcomes, s);
}

}  // namespace noodbel

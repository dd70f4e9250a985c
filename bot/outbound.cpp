#include "bot/outbound.h"

#include <algorithm>
#include <cstdlib>

#include "bot/local_time.h"

namespace noodbel {
namespace {

constexpr int kMonthsShownUpTo = 23;  // younger children are described in months
constexpr UnixTime kNowSlack = 5 * 60;

// "a", "a en b", "a, b en c".
std::string join_list(const std::vector<std::string>& items, std::string_view and_word) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += (i + 1 == items.size()) ? " " + std::string(and_word) + " " : ", ";
    }
    out += items[i];
  }
  return out;
}

Result<std::string> join_with_and(const Templates& t, Language lang,
                                  const std::vector<std::string>& items) {
  Result<std::string> and_word = t.render(lang, "and", {});
  if (!and_word) return and_word.error();
  return join_list(items, *and_word);
}

bool in_months(int months) {
  return months <= kMonthsShownUpTo && !(months >= 12 && months % 12 == 0);
}

Result<std::string> render_unit(const Templates& t, Language lang, bool months,
                                const std::string& value, bool singular) {
  if (months) {
    return t.render(lang, singular ? "age_month" : "age_months", {{"months", value}});
  }
  return t.render(lang, singular ? "age_year" : "age_years", {{"years", value}});
}

Result<std::string> render_count(const Templates& t, Language lang, int n, std::string_view one,
                                 std::string_view many) {
  return t.render(lang, n == 1 ? one : many, {{"n", std::to_string(n)}});
}

}  // namespace

Addressee addressee_of(const Family& f) { return {f.id, f.contacts, f.preferred_language}; }
Addressee addressee_of(const Caseworker& c) { return {c.id, c.contacts, c.language}; }

Result<Contact> choose_contact(const Addressee& to, const SandboxConfig& sandbox) {
  if (sandbox.enabled) return Contact{Channel::kSandbox, to.id};
  if (to.contacts.empty()) return Error::NotFound("no contact for " + to.id);
  return to.contacts.front();
}

std::optional<std::string> first_phone_or_contact(const std::vector<Contact>& contacts) {
  const auto phone = std::find_if(contacts.begin(), contacts.end(), [](const Contact& c) {
    return c.channel == Channel::kSms || c.channel == Channel::kSignal;
  });
  if (phone != contacts.end()) return phone->address;
  if (!contacts.empty()) return contacts.front().address;
  return std::nullopt;
}

Result<std::string> render_ages(const Templates& t, Language lang,
                                const std::vector<int>& months) {
  const bool all_months = std::all_of(months.begin(), months.end(), in_months);
  const bool all_years = std::none_of(months.begin(), months.end(), in_months);
  std::vector<std::string> parts;
  if (all_months || all_years) {
    std::vector<std::string> numbers;
    for (int m : months) numbers.push_back(std::to_string(all_months ? m : m / 12));
    Result<std::string> list = join_with_and(t, lang, numbers);
    if (!list) return list;
    const bool singular = numbers.size() == 1 && numbers.front() == "1";
    return render_unit(t, lang, all_months, *list, singular);
  }
  for (int m : months) {
    const bool unit_months = in_months(m);
    const int value = unit_months ? m : m / 12;
    Result<std::string> part = render_unit(t, lang, unit_months, std::to_string(value), value == 1);
    if (!part) return part;
    parts.push_back(*part);
  }
  return join_with_and(t, lang, parts);
}

Result<std::string> render_languages(const Templates& t, Language lang,
                                     const std::vector<Language>& languages) {
  if (languages.empty()) return t.render(lang, "lang_any", {});
  std::vector<std::string> names;
  for (Language l : languages) {
    Result<std::string> name = t.render(lang, "lang_" + std::string(to_string(l)), {});
    if (!name) return name;
    names.push_back(*name);
  }
  return join_with_and(t, lang, names);
}

Result<std::string> render_duration(const Templates& t, Language lang, int hours) {
  constexpr int kWeek = 7 * 24;
  if (hours > 0 && hours % kWeek == 0) {
    return render_count(t, lang, hours / kWeek, "duration_week", "duration_weeks");
  }
  if (hours > 0 && hours % 24 == 0) {
    return render_count(t, lang, hours / 24, "duration_day", "duration_days");
  }
  return render_count(t, lang, hours, "duration_hour", "duration_hours");
}

Result<std::string> render_from(const Templates& t, Language lang, UnixTime needed_from,
                                UnixTime now) {
  if (needed_from <= now + kNowSlack) return t.render(lang, "from_now", {});
  return format_local(needed_from, "datetime");
}

Result<TemplateArgs> call_args(const Templates& t, Language lang, const Call& call,
                               UnixTime now) {
  Result<std::string> ages = render_ages(t, lang, call.ages_months);
  if (!ages) return ages.error();
  Result<std::string> languages = render_languages(t, lang, call.languages);
  if (!languages) return languages.error();
  Result<std::string> duration = render_duration(t, lang, call.duration_hours);
  if (!duration) return duration.error();
  Result<std::string> from = render_from(t, lang, call.needed_from, now);
  if (!from) return from.error();
  Result<std::string> note =
      call.note.empty() ? t.render(lang, "note_none", {}) : Result<std::string>(call.note);
  if (!note) return note.error();
  return TemplateArgs{{"code", call.code},
                      {"ages", *ages},
                      {"children", std::to_string(call.ages_months.size())},
                      {"place", call.place},
                      {"languages", *languages},
                      {"duration", *duration},
                      {"from", *from},
                      {"note", *note}};
}

Outbox::Outbox(const CoreConfig& config, const Templates& templates, Repository& repo, UnixTime now)
    : config_(config), templates_(templates), repo_(repo), now_(now) {}

bool Outbox::send(const Addressee& to, std::string_view name, const TemplateArgs& args,
                  const Delivery& delivery) const {
  Result<Contact> contact = choose_contact(to, config_.sandbox);
  if (!contact) {
    repo_.audit({now_, "system", "outbound.no_contact",
                 "to=" + to.id + " template=" + std::string(name)});
    return false;
  }
  return enqueue(to, *contact, name, args, delivery);
}

bool Outbox::reply(const Addressee& to, const InboundMessage& in, std::string_view name,
                   const TemplateArgs& args, std::optional<std::int64_t> call_id) const {
  const Contact contact = reply_contact(to, in);
  std::optional<std::string> quoted;
  if (contact.channel == in.channel && !in.provider_id.empty()) quoted = in.provider_id;
  return enqueue(to, contact, name, args, {kPriorityReply, call_id}, std::move(quoted));
}

void Outbox::reply_text(const Addressee& to, const InboundMessage& in, std::string text) const {
  enqueue_text(to, reply_contact(to, in), std::move(text), {kPriorityReply, std::nullopt});
}

Contact Outbox::reply_contact(const Addressee& to, const InboundMessage& in) const {
  if (config_.sandbox.enabled) return {Channel::kSandbox, to.id};
  return {in.channel, in.address};
}

void Outbox::skipped(const Addressee& to, std::string_view name, const Error& error) const {
  repo_.audit({now_, "system", "template.error",
               "to=" + to.id + " template=" + std::string(name) + ": " + error.message});
}

Result<std::string> Outbox::render(Language lang, std::string_view name,
                                   const TemplateArgs& args) const {
  return templates_.render(lang, name, args);
}

bool Outbox::enqueue(const Addressee& to, const Contact& contact, std::string_view name,
                     const TemplateArgs& args, const Delivery& delivery,
                     std::optional<std::string> reply_to) const {
  Result<std::string> text = templates_.render(to.language, name, args);
  if (!text) {
    skipped(to, name, text.error());
    return false;
  }
  std::string body = std::move(text).value();
  // An optional piece left empty ("{deadline}" in the daytime) leaves no trailing blank.
  while (!body.empty() && (body.back() == ' ' || body.back() == '\n')) body.pop_back();
  enqueue_text(to, contact, std::move(body), delivery, std::move(reply_to));
  return true;
}

void Outbox::enqueue_text(const Addressee& to, const Contact& contact, std::string text,
                          const Delivery& delivery, std::optional<std::string> reply_to) const {
  OutboundMessage m;
  m.recipient_id = to.id;
  m.channel = contact.channel;
  m.address = contact.address;
  m.text = std::move(text);
  m.priority = delivery.priority;
  m.call_id = delivery.call_id;
  m.reply_to = std::move(reply_to);
  repo_.enqueue(m, now_);
}

}  // namespace noodbel

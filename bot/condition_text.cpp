#include "bot/condition_text.h"

#include <array>
#include <string_view>

#include "bot/local_time.h"
#include "bot/outbound.h"

namespace noodbel {
namespace {

constexpr std::array<std::string_view, 7> kDayTemplates{
    "day_mon", "day_tue", "day_wed", "day_thu", "day_fri", "day_sat", "day_sun"};

Result<std::string> render_words(const Templates& t, Language lang, const Condition& c) {
  return t.render(lang, "cond_words", {{"words", c.words}});
}

Result<std::string> render_from(const Templates& t, Language lang, const Condition& c,
                                UnixTime now) {
  const std::optional<UnixTime> start = condition_start(c);
  if (!start) return render_words(t, lang, c);
  Result<std::string> day = render_day(t, lang, *start, now);
  if (!day) return day;
  return t.render(lang, "cond_from", {{"time", format_local(*start, "time")}, {"when", *day}});
}

Result<std::string> render_limit(const Templates& t, Language lang, const Condition& c,
                                 UnixTime now) {
  if (c.last_day) {
    Condition day_only;
    day_only.kind = ConditionKind::kLimit;
    day_only.last_day = c.last_day;
    const std::optional<UnixTime> end = condition_end(day_only, now);
    if (end) {
      Result<std::string> day = render_day(t, lang, *end - 1, now);
      if (!day) return day;
      return t.render(lang, "cond_last_day", {{"when", *day}});
    }
  }
  if (c.nights && *c.nights > 0) {
    return t.render(lang, "cond_nights", {{"nights", std::to_string(*c.nights)}});
  }
  return render_words(t, lang, c);
}

Result<std::string> render_ages_limit(const Templates& t, Language lang, const Condition& c) {
  if (!c.min_age_months && !c.max_age_months) return render_words(t, lang, c);
  TemplateArgs args;
  for (const auto& [key, months] : {std::pair{"min", c.min_age_months}, {"max", c.max_age_months}}) {
    if (!months) continue;
    Result<std::string> age = render_ages(t, lang, {*months});
    if (!age) return age;
    args.emplace_back(key, *age);
  }
  const char* name = c.min_age_months && c.max_age_months ? "cond_ages_range"
                     : c.min_age_months                   ? "cond_ages_min"
                                                          : "cond_ages_max";
  return t.render(lang, name, args);
}

}  // namespace

Result<std::string> render_day(const Templates& t, Language lang, UnixTime at, UnixTime now) {
  const LocalDateTime local = to_local(at);
  Result<std::string> weekday =
      t.render(lang, kDayTemplates[static_cast<std::size_t>(local.weekday)], {});
  if (!weekday) return weekday;
  const UnixTime today = local_midnight(now);
  const UnixTime day = local_midnight(at);
  const char* name = day == today                      ? "when_today"
                     : day == local_midnight(now, 1)   ? "when_tomorrow"
                                                       : "when_day";
  return t.render(lang, name, {{"weekday", *weekday}, {"date", format_local(at, "date")}});
}

Result<std::string> render_condition(const Templates& t, Language lang, const Condition& c,
                                     UnixTime now) {
  switch (c.kind) {
    case ConditionKind::kFrom: return render_from(t, lang, c, now);
    case ConditionKind::kLimit: return render_limit(t, lang, c, now);
    case ConditionKind::kAges: return render_ages_limit(t, lang, c);
    case ConditionKind::kChildren:
      if (!c.max_children) return render_words(t, lang, c);
      return t.render(lang, "cond_children", {{"count", std::to_string(*c.max_children)}});
    case ConditionKind::kCallFirst: return t.render(lang, "cond_call_first", {});
    case ConditionKind::kTransport: return t.render(lang, "cond_transport", {});
  }
  return render_words(t, lang, c);
}

Result<std::string> render_checked_conditions(const Templates& t, Language lang,
                                              const std::vector<ConditionCheck>& checks,
                                              bool has_note, UnixTime now) {
  std::string out;
  for (const ConditionCheck& check : checks) {
    Result<std::string> piece = render_condition(t, lang, check.condition, now);
    if (!piece) return piece;
    if (check.conflict > 0) {
      Result<std::string> flag = t.render(lang, "cond_conflict", {{"condition", *piece}});
      if (!flag) return flag;
      piece = std::move(flag);
    }
    out += (out.empty() ? "" : ", ") + *piece;
  }
  if (has_note) {
    Result<std::string> see = t.render(lang, "cond_see_message", {});
    if (!see) return see;
    out += (out.empty() ? "" : ", ") + *see;
  }
  return out;
}

Result<std::string> render_conditions(const Templates& t, Language lang,
                                      const std::vector<Condition>& conditions, bool has_note,
                                      UnixTime now) {
  std::vector<ConditionCheck> unchecked;
  unchecked.reserve(conditions.size());
  for (const Condition& c : conditions) unchecked.push_back({c, 0});
  return render_checked_conditions(t, lang, unchecked, has_note, now);
}

}  // namespace noodbel

// /gezin ID (/family): a family's profile for caseworkers; /gezinnen PLACE (/families):
// how many families are available around a place, now and tonight.
#include <algorithm>
#include <array>
#include <optional>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "bot/commands_support.h"
#include "bot/local_time.h"
#include "bot/place_text.h"
#include "bot/targeting.h"
#include "bot/text/ascii.h"

namespace noodbel::command {
namespace {

constexpr std::array<std::string_view, 7> kDayTemplates{
    "day_mon", "day_tue", "day_wed", "day_thu", "day_fri", "day_sat", "day_sun"};
constexpr std::array<int, 4> kRadiiKm{10, 20, 30, 50};
constexpr int kTonightMinute = 20 * 60;

std::string clock_text(int minute) { return fmt::format("{:02}:{:02}", minute / 60, minute % 60); }

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

std::string availability_text(const Request& req, const Family& f) {
  if (f.availability.empty()) return req.text("availability_always");
  std::vector<WeeklyWindow> windows = f.availability;
  std::sort(windows.begin(), windows.end(), [](const WeeklyWindow& a, const WeeklyWindow& b) {
    return std::tie(a.weekday, a.start_minute) < std::tie(b.weekday, b.start_minute);
  });
  std::vector<std::string> parts;
  for (const WeeklyWindow& w : windows) {
    const auto day = static_cast<std::size_t>(std::clamp(w.weekday, 0, 6));
    parts.push_back(req.text("availability_window", {{"day", req.text(kDayTemplates[day])},
                                                     {"start", clock_text(w.start_minute)},
                                                     {"end", clock_text(w.end_minute)}}));
  }
  return join(parts);
}

std::string status_text(const Request& req, const Family& f) {
  if (!f.opted_in) return req.text("family_status_stopped");
  if (f.paused_until && *f.paused_until > req.now()) {
    return req.text("family_status_paused", {{"until", format_local(*f.paused_until, "datetime")}});
  }
  return req.text("family_status_active");
}

// Channel names in order of preference, each once ("sms, telegram"); never addresses.
std::string channels_text(const Request& req, const Family& f) {
  std::vector<std::string> names;
  for (const Contact& c : f.contacts) {
    const std::string name(to_string(c.channel));
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names.empty() ? req.text("contact_none") : join(names);
}

std::string answer_text(const Request& req, const Call& call, const std::string& family_id) {
  const std::optional<Response> r = req.repo().response(call.id, family_id);
  if (!r) return req.text("family_no_answer");
  const std::string word = req.text("answer_" + std::string(to_string(r->answer)));
  const std::string at = time_or_datetime(r->answered_at, req.now());
  if (r->answer == Answer::kMaybe && !r->note.empty()) {
    return req.text("family_answer_note", {{"answer", word}, {"time", at}, {"note", r->note}});
  }
  return req.text("family_answer", {{"answer", word}, {"time", at}});
}

// "K42 (Gent): JA om 10:05, K17 (Aalst): nog geen antwoord", or `family_no_open_calls`.
std::string open_calls_text(const Request& req, const Family& f) {
  std::vector<std::string> parts;
  for (const Call& call : req.repo().open_calls_for_family(f.id)) {
    parts.push_back(req.text("family_open_call", {{"code", call.code},
                                                  {"place", call.place},
                                                  {"answer", answer_text(req, call, f.id)}}));
  }
  return parts.empty() ? req.text("family_no_open_calls") : join(parts);
}

Result<std::string> age_text(const Request& req, int months) {
  return render_ages(req.out.templates(), req.lang(), {months});
}

// An unknown or ambiguous place for /gezinnen: the candidates, each with how to type it.
void refuse_place(const Request& req, const Postcodes& postcodes, const PlaceLookup& found,
                  const std::string& example) {
  const std::string value = found.query;
  if (found.matches.empty()) {
    return req.reject("err_families_bad_place", {{"value", value}, {"example", example}});
  }
  Result<std::string> choices = place_choices(req.out.templates(), req.lang(), postcodes,
                                              found.matches, "/" + req.command.word + " ");
  if (!choices) return req.out.skipped(req.to(), "place_choice", choices.error());
  if (found.status == PlaceLookupStatus::kAmbiguous) {
    return req.reject("err_families_ambiguous_place", {{"value", value}, {"choices", *choices}});
  }
  req.reject("err_families_bad_place_suggest", {{"value", value}, {"choices", *choices}});
}

}  // namespace

void show_family(const Request& req, const Postcodes& postcodes) {
  const auto [word, rest] = split_first(req.command.args);
  const std::string example = req.text("usage_family");
  if (word.empty()) return req.reject("err_missing_family_id", {{"example", example}});
  const std::string id = upper_ascii(word);
  const std::optional<Family> f = req.repo().family(id);
  if (!f) return req.reject("err_unknown_family", {{"family", id}, {"example", example}});
  Result<std::string> min_age = age_text(req, f->min_age_months);
  Result<std::string> max_age = age_text(req, f->max_age_months);
  Result<std::string> languages = render_languages(req.out.templates(), req.lang(), f->languages);
  if (!min_age || !max_age || !languages) {
    const Error& e = !min_age ? min_age.error() : !max_age ? max_age.error() : languages.error();
    return req.out.skipped(req.to(), "family_profile", e);
  }
  const std::optional<Place> home = postcodes.by_postcode(f->postcode);
  req.audit("family.view", "family=" + f->id);
  req.reply("family_profile", {{"family", f->id},
                               {"name", f->display_name},
                               {"service", service_name(req.out.config(), f->service)},
                               {"postcode", f->postcode},
                               {"place", home ? home->name : ""},
                               {"km", std::to_string(f->max_distance_km)},
                               {"min_age", *min_age},
                               {"max_age", *max_age},
                               {"capacity", std::to_string(f->max_children)},
                               {"languages", *languages},
                               {"availability", availability_text(req, *f)},
                               {"status", status_text(req, *f)},
                               {"channels", channels_text(req, *f)},
                               {"answers", open_calls_text(req, *f)}});
}

void count_families(const Request& req, const Postcodes& postcodes) {
  std::string_view where = req.command.args;
  if (const auto eq = where.find('='); eq != std::string_view::npos) where.remove_prefix(eq + 1);
  where = trim(where);
  const std::string example = req.text("usage_families");
  if (where.empty()) return req.reject("err_families_missing_place", {{"example", example}});
  const PlaceLookup found = postcodes.lookup(where);
  if (found.status != PlaceLookupStatus::kFound) return refuse_place(req, postcodes, found, example);
  const Place* place = &found.matches.front().place;
  const UnixTime now = req.now();
  const LocalDateTime today = to_local(now);
  const UnixTime tonight =
      std::max(now, from_local(today.year, today.month, today.day, kTonightMinute));
  const std::vector<Family> families = req.repo().families();
  const std::vector<int> radii(kRadiiKm.begin(), kRadiiKm.end());
  const std::vector<int> counts_now = count_available(families, place->point, now, radii);
  const std::vector<int> counts_tonight = count_available(families, place->point, tonight, radii);
  std::string text = req.text("families_header", {{"postcode", place->postcode},
                                                  {"place", place->name},
                                                  {"tonight", format_local(tonight, "time")}});
  for (std::size_t i = 0; i < radii.size(); ++i) {
    text += "\n" + req.text("families_row", {{"km", std::to_string(radii[i])},
                                            {"now", std::to_string(counts_now[i])},
                                            {"tonight", std::to_string(counts_tonight[i])}});
  }
  req.audit("families.count", "postcode=" + place->postcode + " within50_now=" +
                                  std::to_string(counts_now.back()));
  req.reply_text(std::move(text));
}

}  // namespace noodbel::command

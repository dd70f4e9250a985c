#include "bot/digest_render.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>

#include "bot/html_escape.h"
#include "bot/local_time.h"

namespace noodbel {
namespace {

// Renders templates in one language and keeps the first error, so the page code reads
// straight; the caller checks error() once at the end.
class Words {
 public:
  Words(const Templates& templates, Language lang) : templates_(templates), lang_(lang) {}

  std::string operator()(std::string_view name, const TemplateArgs& args = {}) {
    return take(templates_.render(lang_, name, args));
  }
  // The text, or "" with the error kept.
  std::string take(Result<std::string> text) {
    if (text.ok()) return std::move(text).value();
    if (!error_) error_ = text.error();
    return {};
  }
  const std::optional<Error>& error() const { return error_; }
  const Templates& templates() const { return templates_; }
  Language lang() const { return lang_; }

 private:
  const Templates& templates_;
  Language lang_;
  std::optional<Error> error_;
};

std::string n(int value) { return std::to_string(value); }

int hours_of(const TimeSpan& span) {
  return static_cast<int>(std::llround(static_cast<double>(span.end - span.start) / 3600.0));
}

std::string duration_text(Words& w, std::optional<std::int64_t> seconds) {
  return w.take(render_digest_duration(w.templates(), w.lang(), seconds));
}

std::string percent_text(Words& w, int part, int total) {
  if (total <= 0) return w("digest_no_value");
  const auto value = std::lround(100.0 * part / total);
  return w("digest_percent", {{"value", std::to_string(value)}});
}

std::string channel_name(Words& w, Channel c) {
  return w("digest_channel_" + std::string(to_string(c)));
}

std::string scope_name(Words& w, const ScopeDigest& s) {
  return s.service_id.empty() ? w("digest_scope_flanders") : s.service_name;
}

std::string title_text(Words& w, const Digest& d) {
  return w("digest_title", {{"date", display_date(d.period.date)},
                            {"from", format_local(d.period.day.start, "datetime")},
                            {"to", format_local(d.period.day.end, "datetime")},
                            {"hours", n(hours_of(d.period.day))}});
}

// ---- the lines shared by text and HTML ----

std::string calls_line(Words& w, const Digest& d, const CallFigures& c) {
  if (c.quiet()) return w("digest_no_calls", {{"hours", n(hours_of(d.period.day))}});
  return w("digest_calls", {{"opened", n(c.opened)},
                            {"outside", n(c.opened_outside_office_hours)},
                            {"matched", n(c.matched)},
                            {"unmatched", n(c.closed_unmatched)},
                            {"cancelled", n(c.cancelled)},
                            {"expired", n(c.expired)}});
}

std::string times_line(Words& w, const DurationStats& s, std::string_view kind) {
  return w.take(render_digest_times(w.templates(), w.lang(), s, kind));
}

std::string answers_line(Words& w, const AnswerFigures& a) {
  if (a.sent == 0) return w("digest_answers_none");
  return w("digest_answers", {{"sent", n(a.sent)},
                              {"yes", n(a.yes)},
                              {"maybe", n(a.maybe)},
                              {"no", n(a.no)},
                              {"none", n(a.none)}});
}

// The lines about calls: the counts (or "no calls"), then times when there is something to
// say, and the answers to the calls opened (there are none without a new call).
std::vector<std::string> call_lines(Words& w, const Digest& d, const PeriodFigures& p) {
  std::vector<std::string> out{calls_line(w, d, p.calls)};
  const bool quiet = p.calls.quiet();
  if (!quiet || p.calls.time_to_first_yes.count > 0) {
    out.push_back(times_line(w, p.calls.time_to_first_yes, "digest_first_yes"));
  }
  if (!quiet || p.calls.time_to_match.count > 0) {
    out.push_back(times_line(w, p.calls.time_to_match, "digest_match"));
  }
  if (p.calls.opened > 0 || p.answers.sent > 0) out.push_back(answers_line(w, p.answers));
  return out;
}

std::string families_line(Words& w, const ScopeDigest& s) {
  return w("digest_families", {{"active", n(s.families.active)},
                               {"paused", n(s.families.paused)},
                               {"opted_out", n(s.families.opted_out)},
                               {"new", n(s.day.new_families)},
                               {"leaving", n(s.day.leaving_families)}});
}

std::string channel_line(Words& w, const ChannelFigures& c) {
  return w("digest_messages_row", {{"channel", channel_name(w, c.channel)},
                                   {"sent", n(c.sent)},
                                   {"delivered", n(c.delivered)},
                                   {"failed", n(c.failed)},
                                   {"failovers", n(c.failovers)},
                                   {"pending", n(c.pending)}});
}

TemplateArgs coverage_args(const Digest& d) {
  return {{"time", format_local(d.period.coverage_at, "time")},
          {"min", n(d.coverage_min_families)},
          {"km", n(kCoverageRadiusKm)}};
}

std::string gap_line(Words& w, const CoverageGap& g) {
  return w("digest_coverage_row", {{"name", g.name},
                                   {"area", g.area},
                                   {"short", n(g.places_short)},
                                   {"places", n(g.places)},
                                   {"place", g.fewest_place},
                                   {"fewest", n(g.fewest_families)}});
}

struct WeekRow {
  std::string label;
  std::string last;
  std::string previous;
};

std::vector<WeekRow> week_rows(Words& w, const ScopeDigest& s) {
  const PeriodFigures& a = s.last_week;
  const PeriodFigures& b = s.previous_week;
  const auto count = [&](const char* label, auto get) {
    return WeekRow{w(label), n(get(a)), n(get(b))};
  };
  return {
      count("digest_label_opened", [](const PeriodFigures& p) { return p.calls.opened; }),
      count("digest_label_outside_hours",
            [](const PeriodFigures& p) { return p.calls.opened_outside_office_hours; }),
      count("digest_label_matched", [](const PeriodFigures& p) { return p.calls.matched; }),
      count("digest_label_unmatched",
            [](const PeriodFigures& p) { return p.calls.closed_unmatched; }),
      count("digest_label_cancelled", [](const PeriodFigures& p) { return p.calls.cancelled; }),
      count("digest_label_expired", [](const PeriodFigures& p) { return p.calls.expired; }),
      {w("digest_label_first_yes"), duration_text(w, a.calls.time_to_first_yes.median_seconds),
       duration_text(w, b.calls.time_to_first_yes.median_seconds)},
      {w("digest_label_match"), duration_text(w, a.calls.time_to_match.median_seconds),
       duration_text(w, b.calls.time_to_match.median_seconds)},
      {w("digest_label_yes_rate"), percent_text(w, a.answers.yes, a.answers.sent),
       percent_text(w, b.answers.yes, b.answers.sent)},
      count("digest_label_new_families", [](const PeriodFigures& p) { return p.new_families; }),
      count("digest_label_leaving", [](const PeriodFigures& p) { return p.leaving_families; }),
      count("digest_label_messages_sent", [](const PeriodFigures& p) { return p.messages.sent; }),
      count("digest_label_messages_failed",
            [](const PeriodFigures& p) { return p.messages.failed; }),
  };
}

// ---- text ----

void append_scope_text(Words& w, const Digest& d, const ScopeDigest& s, int max_gaps,
                       std::string& out) {
  const auto line = [&](const std::string& text, int indent = 0) {
    out += std::string(static_cast<std::size_t>(indent), ' ') + text + "\n";
  };
  line(w("digest_scope", {{"name", scope_name(w, s)}}));
  for (const std::string& text : call_lines(w, d, s.day)) line(text);
  line(families_line(w, s));
  if (s.day.channels.empty()) {
    line(w("digest_messages_none"));
  } else {
    line(w("digest_messages"));
    for (const ChannelFigures& c : s.day.channels) line(channel_line(w, c), 2);
  }
  if (s.coverage_gaps.empty()) {
    line(w("digest_coverage_ok", coverage_args(d)));
  } else {
    line(w("digest_coverage", coverage_args(d)));
    const std::size_t shown = std::min(s.coverage_gaps.size(), static_cast<std::size_t>(max_gaps));
    for (std::size_t i = 0; i < shown; ++i) line(gap_line(w, s.coverage_gaps[i]), 2);
    if (shown < s.coverage_gaps.size()) {
      const std::string more = std::to_string(s.coverage_gaps.size() - shown);
      line(w("digest_coverage_more", {{"count", more}}), 2);
    }
  }
  line(w("digest_week", {{"days", n(kDigestWeekDays)}}));
  for (const WeekRow& r : week_rows(w, s)) {
    line(w("digest_week_row", {{"label", r.label}, {"last", r.last}, {"previous", r.previous}}), 2);
  }
}

// ---- HTML ----

// A chat heading ends in a colon ("Berichten per kanaal:", "Messages par canal :"); an
// HTML heading does not.
std::string heading(std::string text) {
  while (!text.empty() && (text.back() == ':' || text.back() == ' ')) text.pop_back();
  return text;
}

std::string tag(std::string_view name, std::string_view text, std::string_view cls = {}) {
  const std::string attr = cls.empty() ? "" : fmt::format(" class=\"{}\"", cls);
  return fmt::format("<{0}{1}>{2}</{0}>\n", name, attr, html_escape(text));
}

std::string list(const std::vector<std::string>& items, std::string_view cls = {}) {
  std::string out = cls.empty() ? "<ul>\n" : fmt::format("<ul class=\"{}\">\n", cls);
  for (const std::string& item : items) out += tag("li", item);
  return out + "</ul>\n";
}

std::string week_table(Words& w, const ScopeDigest& s) {
  const TemplateArgs days{{"days", n(kDigestWeekDays)}};
  std::string out = "<table>\n<thead><tr><th></th>";
  out += "<th>" + html_escape(w("digest_label_last_week", days)) + "</th>";
  out += "<th>" + html_escape(w("digest_label_previous_week", days)) + "</th></tr></thead>\n<tbody>\n";
  for (const WeekRow& r : week_rows(w, s)) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", html_escape(r.label),
                       html_escape(r.last), html_escape(r.previous));
  }
  return out + "</tbody>\n</table>\n";
}

// The 30-day chart: bars for calls opened (left scale), a line for the median time to
// match (right scale, broken on days without a match).
constexpr double kChartWidth = 600;
constexpr double kChartHeight = 240;
constexpr double kLeft = 44;
constexpr double kRight = 556;
constexpr double kTop = 26;
constexpr double kBottom = 200;
constexpr int kFont = 18;  // the page caps the chart at 600 px: 18 px there, ~10 px on a phone

// The chart's scales: the largest value of each series and the width of one day.
struct ChartScale {
  int max_calls = 1;
  std::int64_t max_match = 0;
  double slot = 0;
};

ChartScale chart_scale(const std::vector<ChartDay>& chart) {
  ChartScale scale;
  for (const ChartDay& day : chart) {
    scale.max_calls = std::max(scale.max_calls, day.opened);
    scale.max_match = std::max(scale.max_match, day.median_time_to_match_seconds.value_or(0));
  }
  scale.slot = (kRight - kLeft) / static_cast<double>(std::max<std::size_t>(1, chart.size()));
  return scale;
}

// The opening <svg> with its title, the top and base lines, and the labels of both scales.
std::string chart_frame(Words& w, const ChartScale& scale) {
  const std::string title = w("digest_chart_title", {{"days", n(kDigestChartDays)}});
  std::string out = fmt::format(
      "<svg viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" "
      "xmlns=\"http://www.w3.org/2000/svg\">\n<title>{}</title>\n",
      kChartWidth, kChartHeight, html_escape(title), html_escape(title));
  out += fmt::format(
      "<line x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\" stroke=\"#d8dbe0\"/>\n"
      "<line x1=\"{0}\" y1=\"{3}\" x2=\"{1}\" y2=\"{3}\" stroke=\"#5b6475\"/>\n",
      kLeft, kRight, kTop, kBottom);
  out += fmt::format(
      "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"end\" fill=\"#4f6fd8\">{}</text>\n"
      "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"end\" fill=\"#4f6fd8\">0</text>\n",
      kLeft - 6, kTop + 6, kFont, scale.max_calls, kLeft - 6, kBottom + 6, kFont);
  if (scale.max_match > 0) {
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"end\" fill=\"#c2410c\">{}</text>\n",
        kRight, kTop - 6, kFont, html_escape(duration_text(w, scale.max_match)));
  }
  return out;
}

// A bar per day for the calls opened, then the median time to match as a line (broken on
// days without a match) with a dot per day.
std::string chart_series(Words& w, const std::vector<ChartDay>& chart, const ChartScale& scale) {
  const double plot = kBottom - kTop;
  const double slot = scale.slot;
  std::string out;
  std::vector<std::string> runs{""};  // polyline point lists; a day without a match breaks it
  std::string dots;
  for (std::size_t i = 0; i < chart.size(); ++i) {
    const ChartDay& day = chart[i];
    const double x = kLeft + slot * static_cast<double>(i);
    const double h = plot * day.opened / scale.max_calls;
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#4f6fd8\">"
        "<title>{}: {} {}</title></rect>\n",
        x + slot * 0.15, kBottom - h, slot * 0.7, h, display_date(day.date), day.opened,
        html_escape(w("digest_tile_opened", {{"n", n(day.opened)}})));
    if (!day.median_time_to_match_seconds) {
      if (!runs.back().empty()) runs.emplace_back();
      continue;
    }
    const double y = kBottom - plot * static_cast<double>(*day.median_time_to_match_seconds) /
                                   static_cast<double>(scale.max_match);
    runs.back() += fmt::format("{}{:.1f},{:.1f}", runs.back().empty() ? "" : " ", x + slot / 2, y);
    dots += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"#c2410c\"/>\n",
                        x + slot / 2, y);
  }
  for (const std::string& points : runs) {
    if (points.find(' ') == std::string::npos) continue;  // one point: its dot suffices
    out += fmt::format(
        "<polyline points=\"{}\" fill=\"none\" stroke=\"#c2410c\" stroke-width=\"2\"/>\n",
        points);
  }
  return out + dots;
}

// The dates under the first, the middle and the last day.
std::string chart_dates(const std::vector<ChartDay>& chart, double slot) {
  std::string out;
  for (const std::size_t i : {std::size_t{0}, chart.size() / 2, chart.size() - 1}) {
    if (i >= chart.size()) continue;
    const LocalDate dd = chart[i].date;
    out += fmt::format(
        "<text x=\"{:.1f}\" y=\"{}\" font-size=\"{}\" text-anchor=\"middle\" fill=\"#5b6475\">"
        "{:02}/{:02}</text>\n",
        kLeft + slot * (static_cast<double>(i) + 0.5), kBottom + 24, kFont, dd.day, dd.month);
  }
  return out;
}

std::string chart_svg(Words& w, const ScopeDigest& s) {
  const ChartScale scale = chart_scale(s.chart);
  std::string out = chart_frame(w, scale);
  out += chart_series(w, s.chart, scale);
  out += chart_dates(s.chart, scale.slot);
  return out + "</svg>\n";
}

// The day's key figures as big numbers with their words: new calls, finished with and
// without a family, families active.
std::string tiles_html(Words& w, const ScopeDigest& s) {
  const CallFigures& c = s.day.calls;
  const std::pair<const char*, int> tiles[] = {
      {"digest_tile_opened", c.opened},
      {"digest_tile_matched", c.matched},
      {"digest_tile_unmatched", c.closed_unmatched + c.expired},
      {"digest_tile_active", s.families.active}};
  std::string out = "<div class=\"tiles\">\n";
  for (const auto& [name, value] : tiles) {
    out += fmt::format("<p class=\"tile\"><b>{}</b> <span>{}</span></p>\n", value,
                       html_escape(w(name, {{"n", n(value)}})));
  }
  return out + "</div>\n";
}

std::string scope_html(Words& w, const Digest& d, const ScopeDigest& s) {
  std::string out = "<section>\n" + tag("h2", scope_name(w, s)) + tiles_html(w, s);
  const std::vector<std::string> calls = call_lines(w, d, s.day);
  out += tag("p", calls.front(), s.day.calls.quiet() ? "calls quiet" : "calls");
  std::vector<std::string> facts(calls.begin() + 1, calls.end());
  facts.push_back(families_line(w, s));
  out += list(facts);
  if (s.day.channels.empty()) {
    out += tag("p", w("digest_messages_none"));
  } else {
    out += tag("h3", heading(w("digest_messages")));
    std::vector<std::string> rows;
    for (const ChannelFigures& c : s.day.channels) rows.push_back(channel_line(w, c));
    out += list(rows);
  }
  if (s.coverage_gaps.empty()) {
    out += tag("p", w("digest_coverage_ok", coverage_args(d)), "ok");
  } else {
    out += tag("h3", heading(w("digest_coverage", coverage_args(d))));
    std::vector<std::string> rows;
    for (const CoverageGap& g : s.coverage_gaps) rows.push_back(gap_line(w, g));
    out += list(rows, "gaps");
  }
  out += tag("h3", heading(w("digest_week", {{"days", n(kDigestWeekDays)}})));
  out += week_table(w, s);
  out += tag("h3", w("digest_chart_title", {{"days", n(kDigestChartDays)}}));
  out += "<figure>\n" + chart_svg(w, s);
  out += "<figcaption class=\"legend\"><span class=\"calls\">" + html_escape(w("digest_chart_calls")) +
         "</span><span class=\"match\">" + html_escape(w("digest_chart_match")) +
         "</span></figcaption>\n</figure>\n";
  return out + "</section>\n";
}

void replace_marker(std::string& page, std::string_view marker, const std::string& value) {
  for (std::size_t at = page.find(marker); at != std::string::npos;
       at = page.find(marker, at + value.size())) {
    page.replace(at, marker.size(), value);
  }
}

// ---- JSON ----

std::string iso_local(UnixTime t) {
  const LocalDateTime l = to_local(t);
  const date::sys_days day{date::year{l.year} / date::month{static_cast<unsigned>(l.month)} /
                           date::day{static_cast<unsigned>(l.day)}};
  const std::int64_t second = ((t % 60) + 60) % 60;
  const std::int64_t local = day.time_since_epoch().count() * 86400 + l.minute_of_day * 60 + second;
  const std::int64_t offset_minutes = (local - t) / 60;
  const char sign = offset_minutes < 0 ? '-' : '+';
  const std::int64_t off = std::abs(offset_minutes);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}", l.year, l.month, l.day,
                     l.minute_of_day / 60, l.minute_of_day % 60, second, sign, off / 60, off % 60);
}

nlohmann::ordered_json optional_json(const std::optional<std::int64_t>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json durations_json(const DurationStats& s) {
  return {{"count", s.count},
          {"median_seconds", optional_json(s.median_seconds)},
          {"p90_seconds", optional_json(s.p90_seconds)},
          {"max_seconds", optional_json(s.max_seconds)}};
}

nlohmann::ordered_json channel_json(const ChannelFigures& c, std::string_view name) {
  return {{"channel", name},        {"queued", c.queued},       {"sent", c.sent},
          {"delivered", c.delivered}, {"failed", c.failed},     {"failovers", c.failovers},
          {"cancelled", c.cancelled}, {"pending", c.pending}};
}

nlohmann::ordered_json period_json(const PeriodFigures& p) {
  nlohmann::ordered_json channels = nlohmann::ordered_json::array();
  for (const ChannelFigures& c : p.channels) {
    channels.push_back(channel_json(c, to_string(c.channel)));
  }
  const CallFigures& c = p.calls;
  return {{"from_unix", p.span.start},
          {"to_unix", p.span.end},
          {"calls",
           {{"opened", c.opened},
            {"opened_outside_office_hours", c.opened_outside_office_hours},
            {"matched", c.matched},
            {"closed_unmatched", c.closed_unmatched},
            {"cancelled", c.cancelled},
            {"expired", c.expired}}},
          {"time_to_first_yes", durations_json(c.time_to_first_yes)},
          {"time_to_match", durations_json(c.time_to_match)},
          {"answers",
           {{"sent", p.answers.sent},
            {"yes", p.answers.yes},
            {"maybe", p.answers.maybe},
            {"no", p.answers.no},
            {"none", p.answers.none}}},
          {"families", {{"new", p.new_families}, {"leaving", p.leaving_families}}},
          {"messages", {{"total", channel_json(p.messages, "all")}, {"channels", channels}}}};
}

nlohmann::ordered_json scope_json(const ScopeDigest& s) {
  nlohmann::ordered_json gaps = nlohmann::ordered_json::array();
  for (const CoverageGap& g : s.coverage_gaps) {
    gaps.push_back({{"area", g.area},
                    {"name", g.name},
                    {"places", g.places},
                    {"places_short", g.places_short},
                    {"fewest_families", g.fewest_families},
                    {"fewest_place", g.fewest_place}});
  }
  nlohmann::ordered_json days = nlohmann::ordered_json::array();
  for (const ChartDay& d : s.chart) {
    days.push_back({{"date", iso_date(d.date)},
                    {"opened", d.opened},
                    {"matched", d.matched},
                    {"median_time_to_match_seconds",
                     optional_json(d.median_time_to_match_seconds)}});
  }
  const auto text_or_null = [](const std::string& v) {
    return v.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v);
  };
  return {{"service", text_or_null(s.service_id)},
          {"name", text_or_null(s.service_name)},
          {"day", period_json(s.day)},
          {"last_7_days", period_json(s.last_week)},
          {"previous_7_days", period_json(s.previous_week)},
          {"families",
           {{"active", s.families.active},
            {"paused", s.families.paused},
            {"opted_out", s.families.opted_out}}},
          {"coverage_gaps", gaps},
          {"days", days}};
}

// The scopes in reading order: a supervisor's own service before Flanders.
std::vector<const ScopeDigest*> scopes_in_order(const Digest& d) {
  std::vector<const ScopeDigest*> out;
  if (!d.own_service_first) out.push_back(&d.flanders);
  for (const ScopeDigest& s : d.services) out.push_back(&s);
  if (d.own_service_first) out.push_back(&d.flanders);
  return out;
}

}  // namespace

Result<std::string> render_digest_duration(const Templates& templates, Language lang,
                                           std::optional<std::int64_t> seconds) {
  if (!seconds) return templates.render(lang, "digest_no_value", {});
  const auto minutes = std::llround(static_cast<double>(*seconds) / 60.0);
  if (minutes < 60) {
    return templates.render(lang, "digest_minutes", {{"minutes", std::to_string(minutes)}});
  }
  if (minutes % 60 == 0) {
    return templates.render(lang, "digest_hours_only", {{"hours", std::to_string(minutes / 60)}});
  }
  return templates.render(lang, "digest_hours", {{"hours", std::to_string(minutes / 60)},
                                                 {"minutes", std::to_string(minutes % 60)}});
}

Result<std::string> render_digest_times(const Templates& templates, Language lang,
                                        const DurationStats& stats, std::string_view kind) {
  const std::string name(kind);
  if (stats.count == 0) return templates.render(lang, name + "_none", {});
  Result<std::string> median = render_digest_duration(templates, lang, stats.median_seconds);
  if (!median.ok()) return median.error();
  if (stats.count == 1) return templates.render(lang, name + "_one", {{"time", *median}});
  Result<std::string> longest = render_digest_duration(templates, lang, stats.max_seconds);
  if (!longest.ok()) return longest.error();
  return templates.render(lang, name, {{"median", *median},
                                       {"longest", *longest},
                                       {"count", std::to_string(stats.count)}});
}

Result<std::string> render_digest_text(const Digest& digest, const Templates& templates,
                                       Language lang, int max_gaps) {
  Words w(templates, lang);
  std::string out = title_text(w, digest) + "\n";
  for (const ScopeDigest* s : scopes_in_order(digest)) {
    out += "\n";
    append_scope_text(w, digest, *s, max_gaps, out);
  }
  if (w.error()) return *w.error();
  return out;
}

Result<std::string> render_digest_html(const Digest& digest, const Templates& templates,
                                       Language lang, std::string_view page) {
  constexpr std::string_view kBody = "{{body}}";
  if (page.find(kBody) == std::string_view::npos) {
    return Error::Invalid(
        "the digest page template has no {{body}} marker: restore templates/web/digest.html");
  }
  Words w(templates, lang);
  const DigestPeriod& p = digest.period;
  std::string body = tag("p", w("digest_period", {{"from", format_local(p.day.start, "datetime")},
                                                  {"to", format_local(p.day.end, "datetime")},
                                                  {"hours", n(hours_of(p.day))}}),
                         "period");
  for (const ScopeDigest* s : scopes_in_order(digest)) body += scope_html(w, digest, *s);
  const std::string title = w("digest_html_title", {{"date", display_date(p.date)}});
  if (w.error()) return *w.error();
  std::string out(page);
  replace_marker(out, "{{lang}}", std::string(to_string(lang)));
  replace_marker(out, "{{title}}", html_escape(title));
  replace_marker(out, "{{heading}}", html_escape(title));
  replace_marker(out, kBody, body);
  return out;
}

nlohmann::ordered_json digest_json(const Digest& digest) {
  const DigestPeriod& p = digest.period;
  nlohmann::ordered_json services = nlohmann::ordered_json::array();
  for (const ScopeDigest& s : digest.services) services.push_back(scope_json(s));
  return {{"date", iso_date(p.date)},
          {"digest_time", fmt::format("{:02}:{:02}", p.digest_minute / 60, p.digest_minute % 60)},
          {"from", iso_local(p.day.start)},
          {"to", iso_local(p.day.end)},
          {"from_unix", p.day.start},
          {"to_unix", p.day.end},
          {"hours", hours_of(p.day)},
          {"coverage",
           {{"at", iso_local(p.coverage_at)},
            {"at_unix", p.coverage_at},
            {"radius_km", kCoverageRadiusKm},
            {"min_families", digest.coverage_min_families}}},
          {"no_calls", digest.no_calls},
          {"flanders", scope_json(digest.flanders)},
          {"services", services}};
}

std::string render_digest_json(const Digest& digest) {
  return digest_json(digest).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
         "\n";
}

}  // namespace noodbel

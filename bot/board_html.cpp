// The web board (bot/board_html.h): the same ranking as /bord, as an HTML fragment.
#include "bot/board_html.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include <fmt/format.h>

#include "bot/outbound.h"

namespace noodbel {
namespace {

// Renders templates into escaped HTML; remembers the first error.
class Html {
 public:
  Html(const Templates& t, Language lang) : t_(t), lang_(lang) {}

  std::string text(std::string_view name, const TemplateArgs& args = {}) {
    Result<std::string> r = t_.render(lang_, name, args);
    if (!r) {
      if (!error_) error_ = r.error();
      return {};
    }
    return html_escape(*r);
  }
  void fail(const Error& e) {
    if (!error_) error_ = e;
  }
  const std::optional<Error>& error() const { return error_; }
  Language lang() const { return lang_; }
  const Templates& templates() const { return t_; }

 private:
  const Templates& t_;
  const Language lang_;
  std::optional<Error> error_;
};

std::string with_breaks(std::string escaped) {
  std::string out;
  for (const char c : escaped) out += c == '\n' ? std::string("<br>") : std::string(1, c);
  return out;
}

// v.deliveries is ordered by recipient id (Repository::delivery_statuses).
const DeliveryStatus* delivery_of(const BoardView& v, std::string_view family_id) {
  const auto it = std::lower_bound(
      v.deliveries.begin(), v.deliveries.end(), family_id,
      [](const DeliveryStatus& d, std::string_view id) { return d.recipient_id < id; });
  return it == v.deliveries.end() || it->recipient_id != family_id ? nullptr : &*it;
}

std::string delivery_cell(Html& h, const BoardView& v, std::string_view family_id) {
  const DeliveryStatus* d = delivery_of(v, family_id);
  if (d == nullptr) return h.text("web_delivery_none");
  const std::string channel = h.text("digest_channel_" + std::string(to_string(d->channel)));
  const std::string state(to_string(d->state));
  return fmt::format("<span class=\"delivery {}\" data-channel=\"{}\">{}</span>", state,
                     html_escape(to_string(d->channel)),
                     h.text("web_delivery_" + state, {{"channel", channel}}));
}

std::string summary(Html& h, const Call& call, UnixTime now) {
  Result<TemplateArgs> args = call_args(h.templates(), h.lang(), call, now);
  if (!args) {
    h.fail(args.error());
    return {};
  }
  Result<std::string> state = h.templates().render(
      h.lang(), "state_" + std::string(to_string(call.state)), {});
  if (!state) h.fail(state.error());
  return fmt::format("<h2>{}</h2>\n<p class=\"offer\">{}</p>\n<p class=\"state {}\">{}</p>\n",
                     h.text("web_board_summary"), with_breaks(h.text("web_board_offer", *args)),
                     html_escape(to_string(call.state)), html_escape(state ? *state : ""));
}

std::string answer_row(Html& h, const BoardView& v, const BoardEntry& e, int rank) {
  std::string factors;
  Result<std::vector<std::string>> pieces =
      render_factors(e, v.board.call, h.templates(), h.lang(), v.board.call.created_at);
  if (!pieces) h.fail(pieces.error());
  for (const std::string& p : pieces ? *pieces : std::vector<std::string>{}) {
    factors += "<li>" + html_escape(p) + "</li>";
  }
  const bool yes = e.answer == Answer::kYes;
  return fmt::format(
      "<tr class=\"answer {}\" data-family=\"{}\"><td>{}</td><td>{} ({})</td><td>{}</td>"
      "<td class=\"score\">{}</td><td><ul class=\"factors\">{}</ul></td><td>{}</td></tr>\n",
      yes ? "yes" : "maybe", html_escape(e.family_id), rank, html_escape(e.display_name),
      html_escape(e.family_id), h.text(yes ? "answer_yes" : "answer_maybe"),
      std::lround(e.score), factors, delivery_cell(h, v, e.family_id));
}

std::string answers(Html& h, const BoardView& v) {
  std::string out = fmt::format("<h2>{}</h2>\n", h.text("web_board_answers"));
  if (v.board.entries.empty()) {
    return out + fmt::format("<p class=\"empty\">{}</p>\n", h.text("board_empty"));
  }
  out += fmt::format(
      "<table class=\"ranked\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
      "<th>{}</th><th>{}</th></tr></thead><tbody>\n",
      h.text("web_col_rank"), h.text("web_col_family"), h.text("web_col_answer"),
      h.text("web_col_score"), h.text("web_col_factors"), h.text("web_col_delivery"));
  int rank = 0;
  for (const BoardEntry& e : v.board.entries) out += answer_row(h, v, e, ++rank);
  return out + "</tbody></table>\n";
}

std::string waiting(Html& h, const BoardView& v) {
  const auto count = std::to_string(v.waiting_count);
  std::string out = fmt::format("<h2>{}</h2>\n", h.text("web_board_waiting", {{"count", count}}));
  if (v.waiting_count == 0) {
    return out + fmt::format("<p class=\"waiting-none\">{}</p>\n", h.text("web_board_waiting_none"));
  }
  out += "<ul class=\"waiting\">\n";
  for (const Family& f : v.waiting) {
    const auto r = std::find_if(v.recipients.begin(), v.recipients.end(),
                                [&](const Recipient& x) { return x.family_id == f.id; });
    const std::string wave = r == v.recipients.end() ? "-" : std::to_string(r->wave);
    const long km = r == v.recipients.end() ? 0 : std::lround(r->distance_km);
    out += fmt::format("<li data-family=\"{}\">{} ({}) · {} {} · {} km · {}</li>\n",
                       html_escape(f.id), html_escape(f.display_name), html_escape(f.id),
                       h.text("web_col_wave"), wave, km, delivery_cell(h, v, f.id));
  }
  const int more = v.waiting_count - static_cast<int>(v.waiting.size());
  if (more > 0) {
    out += fmt::format("<li class=\"more\">{}</li>\n", h.text("board_more", {{"count", std::to_string(more)}}));
  }
  return out + "</ul>\n";
}

std::string matched(Html& h, const BoardView& v) {
  if (!v.matched) return {};
  std::string phones;
  for (const Contact& c : v.matched->contacts) {
    if (c.channel != Channel::kSms && c.channel != Channel::kSignal) continue;
    phones += (phones.empty() ? "" : ", ") + c.address;
  }
  if (phones.empty()) {
    Result<std::string> none = h.templates().render(h.lang(), "contact_none", {});
    phones = none ? *none : "";
  }
  return fmt::format("<h2>{}</h2>\n<p class=\"match\">{}</p>\n", h.text("web_board_match"),
                     h.text("web_board_match_row", {{"family", v.matched->id},
                                                    {"name", v.matched->display_name},
                                                    {"phone", phones}}));
}

std::string counts(Html& h, const BoardCounts& c) {
  const int declined = c.no;
  return fmt::format("<p class=\"counts\">{}</p>\n<p class=\"declined\">{}</p>\n",
                     h.text("board_counts", {{"sent", std::to_string(c.sent)},
                                             {"delivered", std::to_string(c.delivered)},
                                             {"yes", std::to_string(c.yes)},
                                             {"maybe", std::to_string(c.maybe)},
                                             {"no", std::to_string(c.no)},
                                             {"no_answer", std::to_string(c.no_answer)}}),
                     h.text("web_board_declined", {{"count", std::to_string(declined)}}));
}

}  // namespace

BoardView load_board_view(Repository& repo, const Call& call, const BoardConfig& weights,
                          UnixTime now) {
  BoardView v;
  const BoardFacts facts = load_board_facts(repo, call, now);
  v.board = build_board(call, facts, weights);
  v.recipients = facts.recipients;
  v.responses = facts.responses;
  v.deliveries = repo.delivery_statuses(call.id);  // ordered by recipient id (the port says so)
  std::unordered_set<std::string> answered;
  for (const Response& x : v.responses) answered.insert(x.family_id);
  for (const Recipient& r : v.recipients) {
    if (answered.count(r.family_id) > 0) continue;
    if (++v.waiting_count > kWaitingShown) continue;
    std::optional<Family> f = repo.family(r.family_id);
    if (f) v.waiting.push_back(std::move(*f));
  }
  if (call.matched_family) v.matched = repo.family(*call.matched_family);
  return v;
}

Result<std::string> render_board_fragment(const BoardView& view, const Templates& templates,
                                          Language lang, UnixTime now) {
  Html h(templates, lang);
  std::string out = fmt::format("<section id=\"board\" data-state=\"{}\">\n",
                                html_escape(to_string(view.board.call.state)));
  out += summary(h, view.board.call, now);
  out += matched(h, view);
  out += answers(h, view);
  out += waiting(h, view);
  out += counts(h, view.board.counts);
  out += "</section>\n";
  if (h.error()) return *h.error();
  return out;
}

Result<std::string> fill_page(std::string_view skeleton, const PageSlots& slots) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t open = skeleton.find("{{", pos);
    if (open == std::string_view::npos) break;
    const std::size_t close = skeleton.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    const std::string_view name = skeleton.substr(open + 2, close - open - 2);
    const auto slot = std::find_if(slots.begin(), slots.end(),
                                   [&](const auto& s) { return s.first == name; });
    if (slot == slots.end()) {
      return Error::Invalid(fmt::format("the page template has an unknown slot {{{{{}}}}}", name));
    }
    out += skeleton.substr(pos, open - pos);
    out += slot->second;
    pos = close + 2;
  }
  out += skeleton.substr(pos);
  return out;
}

}  // namespace noodbel

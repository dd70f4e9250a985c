// The web board (bot/board_html.h): the same ranking as /bord, as an HTML fragment that
// reads as one card per family on a phone and as a table on a desk (the page's CSS).
#include "bot/board_html.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "bot/condition_text.h"
#include "bot/html_escape.h"
#include "bot/outbound.h"
#include "bot/phone.h"

namespace noodbel {
namespace {

// Renders templates into escaped HTML; remembers the first error.
class Html {
 public:
  Html(const Templates& t, Language lang) : t_(t), lang_(lang) {}

  // The text as is (to pass into another template or to escape later).
  std::string plain(std::string_view name, const TemplateArgs& args = {}) {
    return keep(t_.render(lang_, name, args));
  }
  std::string text(std::string_view name, const TemplateArgs& args = {}) {
    return html_escape(plain(name, args));
  }
  // The value, or an empty one (the error remembered).
  template <typename T>
  T keep(Result<T> r) {
    if (!r) {
      if (!error_) error_ = r.error();
      return T{};
    }
    return std::move(r).value();
  }
  const std::optional<Error>& error() const { return error_; }
  Language lang() const { return lang_; }
  const Templates& templates() const { return t_; }

 private:
  const Templates& t_;
  const Language lang_;
  std::optional<Error> error_;
};

// Escaped, with line breaks kept.
std::string escaped_lines(std::string_view text) {
  std::string out;
  for (const char c : html_escape(text)) out += c == '\n' ? std::string("<br>") : std::string(1, c);
  return out;
}

std::string name_of(std::string_view display_name, std::string_view family_id) {
  return std::string(display_name.empty() ? family_id : display_name);
}

std::string family_html(std::string_view display_name, std::string_view family_id) {
  return fmt::format("<span class=\"name\">{}</span> <span class=\"id\">{}</span>",
                     html_escape(name_of(display_name, family_id)), html_escape(family_id));
}

std::string answer_word(Html& h, Answer a) {
  return h.plain(a == Answer::kYes ? "answer_yes" : a == Answer::kNo ? "answer_no" : "answer_maybe");
}

// The family chosen with /kies (open call) or matched (/bevestig), if any.
std::optional<std::string> chosen_id(const Call& call) {
  if (call.state == CallState::kMatched) return call.matched_family;
  if (call.state == CallState::kOpen) return call.chosen_family;
  return std::nullopt;
}

// v.deliveries is ordered by recipient id (Repository::delivery_statuses).
const DeliveryStatus* delivery_of(const BoardView& v, std::string_view family_id) {
  const auto it = std::lower_bound(
      v.deliveries.begin(), v.deliveries.end(), family_id,
      [](const DeliveryStatus& d, std::string_view id) { return d.recipient_id < id; });
  return it == v.deliveries.end() || it->recipient_id != family_id ? nullptr : &*it;
}

std::string delivery_html(Html& h, const BoardView& v, std::string_view family_id) {
  const DeliveryStatus* d = delivery_of(v, family_id);
  if (d == nullptr) return "<span class=\"delivery none\">" + h.text("web_delivery_none") + "</span>";
  const std::string channel = h.plain("digest_channel_" + std::string(to_string(d->channel)));
  const std::string state(to_string(d->state));
  return fmt::format("<span class=\"delivery {}\" data-channel=\"{}\">{}</span>", state,
                     html_escape(to_string(d->channel)),
                     h.text("web_delivery_" + state, {{"channel", channel}}));
}

// Tap-to-call links: <a href="tel:+32470123456">0470 12 34 56</a>.
std::string phone_links(Html& h, const std::vector<std::string>& numbers) {
  if (numbers.empty()) return "<span class=\"none\">" + h.text("contact_none") + "</span>";
  std::string out;
  for (const std::string& n : numbers) {
    out += fmt::format("{}<a class=\"tel\" href=\"tel:{}\">{}</a>", out.empty() ? "" : " ",
                       html_escape(n), html_escape(display_phone(n)));
  }
  return out;
}

std::string km_html(Html& h, double km) {
  return h.text("factor_distance", {{"km", std::to_string(std::lround(km))}});
}

// "<strong class="cond">vanaf 18:00 vandaag (maandag)</strong>, …": each condition in bold,
// a conflicting one flagged, "(zie bericht)" when words were not understood.
std::string conditions_html(Html& h, const BoardEntry& e, UnixTime now) {
  std::string out;
  const auto add = [&](std::string piece) { out += (out.empty() ? "" : ", ") + std::move(piece); };
  for (const ConditionCheck& c : e.conditions) {
    const std::string words = html_escape(
        h.keep(render_condition(h.templates(), h.lang(), c.condition, now)));
    if (c.conflict > 0) {
      add(fmt::format("<strong class=\"cond conflict\">{}</strong> <span class=\"flag\">{}</span>",
                      words, h.text("web_cond_conflict")));
    } else {
      add("<strong class=\"cond\">" + words + "</strong>");
    }
  }
  if (!e.note.empty()) add("<strong class=\"cond see\">" + h.text("cond_see_message") + "</strong>");
  return out.empty() ? out : "<span class=\"conds\">" + out + "</span>";
}

std::string words_html(std::string_view words) {
  return words.empty() ? "" : "<q class=\"words\">" + escaped_lines(words) + "</q>";
}

std::string changed_html(Html& h, std::optional<Answer> previous, Answer now) {
  if (!previous || *previous == now) return {};
  return "<span class=\"changed\">" +
         h.text("web_changed", {{"previous", answer_word(h, *previous)}}) + "</span>";
}

std::string marks_html(Html& h, const BoardView& v, const BoardEntry& e) {
  if (e.chosen) {
    const bool matched = v.board.call.state == CallState::kMatched;
    return fmt::format(" <span class=\"mark {}\">{}</span>", matched ? "matched" : "chosen",
                       h.text(matched ? "web_mark_matched" : "web_mark_chosen"));
  }
  if (e.passed) return " <span class=\"mark passed\">" + h.text("web_mark_passed") + "</span>";
  return {};
}

std::string answer_row(Html& h, const BoardView& v, const BoardEntry& e, int rank, UnixTime now) {
  const bool yes = e.answer == Answer::kYes;
  std::string reply = fmt::format("<span class=\"verdict {}\">{}</span>", yes ? "yes" : "maybe",
                                  h.text(yes ? "answer_yes" : "answer_maybe"));
  const std::string conditions = conditions_html(h, e, now);
  if (!conditions.empty()) reply += " " + conditions;
  reply += words_html(e.text.empty() ? e.note : e.text);
  reply += changed_html(h, e.previous, e.answer);
  if (e.question) {
    reply += fmt::format("<span class=\"question\">{} <q>{}</q></span>",
                         h.text("web_question_label"), escaped_lines(e.question->text));
  }
  std::string factors;
  for (const std::string& p : h.keep(render_factors(e, v.board.call, h.templates(), h.lang(), now))) {
    factors += "<li>" + html_escape(p) + "</li>";
  }
  std::string classes = yes ? "answer yes" : "answer maybe";
  if (e.chosen) classes += " chosen";
  if (e.passed) classes += " passed";
  return fmt::format(
      "<tr class=\"{}\" data-family=\"{}\"><td class=\"rank\">{}</td>"
      "<td class=\"family\">{}{}</td><td class=\"reply\">{}</td><td class=\"km\">{}</td>"
      "<td class=\"delivery-cell\">{}</td><td class=\"why\"><details><summary>{}</summary>"
      "<ul class=\"factors\">{}</ul></details></td></tr>\n",
      classes, html_escape(e.family_id), rank, family_html(e.display_name, e.family_id),
      marks_html(h, v, e), reply, km_html(h, e.distance_km), delivery_html(h, v, e.family_id),
      h.text("web_score_why", {{"score", std::to_string(std::lround(e.score))}}), factors);
}

std::string answers(Html& h, const BoardView& v, UnixTime now) {
  std::string out = fmt::format("<h2>{}</h2>\n", h.text("web_board_answers"));
  if (v.board.entries.empty()) {
    return out + fmt::format("<p class=\"empty\">{}</p>\n", h.text("board_empty"));
  }
  out += fmt::format(
      "<table class=\"ranked\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
      "<th>{}</th><th>{}</th></tr></thead><tbody>\n",
      h.text("web_col_rank"), h.text("web_col_family"), h.text("web_col_answer"),
      h.text("web_col_distance"), h.text("web_col_delivery"), h.text("web_col_score"));
  int rank = 0;
  for (const BoardEntry& e : v.board.entries) out += answer_row(h, v, e, ++rank, now);
  return out + "</tbody></table>\n";
}

std::string contacts_html(Html& h, const BoardView& v, const std::string& family_id) {
  if (!v.show_contacts) {
    return "<p class=\"contacts hidden\">" + h.text("web_contacts_own_service") + "</p>\n";
  }
  const auto it = v.phones.find(family_id);
  return "<p class=\"contacts\">" +
         phone_links(h, it == v.phones.end() ? std::vector<std::string>{} : it->second) + "</p>\n";
}

// The chosen or matched family, how to reach it (own service only) and what to do next;
// or how to choose when nobody is chosen yet.
std::string chosen(Html& h, const BoardView& v) {
  const Board& b = v.board;
  const Call& call = b.call;
  const std::optional<std::string> id = chosen_id(call);
  if (!id) {
    if (call.state != CallState::kOpen || b.entries.empty()) return {};
    return "<p class=\"next\">" + h.text("board_hint_pick", {{"code", call.code}}) + "</p>\n";
  }
  const bool matched = call.state == CallState::kMatched;
  std::string name;
  const auto entry = std::find_if(b.entries.begin(), b.entries.end(),
                                  [&](const BoardEntry& e) { return e.family_id == *id; });
  const auto other = std::find_if(b.others.begin(), b.others.end(),
                                  [&](const OtherFamily& o) { return o.family_id == *id; });
  if (entry != b.entries.end()) name = entry->display_name;
  if (other != b.others.end()) name = other->display_name;
  std::string who = family_html(name, *id);
  if (const int rank = rank_of(b, *id); rank > 0) {
    who += " <span class=\"rank\">" + h.text("web_rank", {{"rank", std::to_string(rank)}}) + "</span>";
  }
  std::string out = fmt::format(
      "<div class=\"chosen-family {}\" data-family=\"{}\">\n<h2>{}</h2>\n<p class=\"who\">{}</p>\n",
      matched ? "matched" : "pending", html_escape(*id),
      h.text(matched ? "web_matched_title" : "web_chosen_title"), who);
  out += contacts_html(h, v, *id);
  if (!matched && other != b.others.end()) {
    out += "<p class=\"warn\">" + h.text("web_chosen_withdrew", {{"code", call.code}}) + "</p>\n";
  }
  out += "<p class=\"next\">" +
         (matched ? h.text("web_matched_next")
                  : h.text("board_hint_confirm", {{"code", call.code}})) +
         "</p>\n</div>\n";
  return out;
}

std::string other_item(Html& h, const BoardView& v, const OtherFamily& o) {
  std::string meta = km_html(h, o.distance_km);
  if (o.wave > 0) meta += " · " + h.text("web_col_wave") + " " + std::to_string(o.wave);
  meta += " · " + delivery_html(h, v, o.family_id);
  std::string out = fmt::format("<li class=\"other {}\" data-family=\"{}\">{}",
                                to_string(o.state), html_escape(o.family_id),
                                family_html(o.display_name, o.family_id));
  out += changed_html(h, o.previous, Answer::kNo);
  out += words_html(o.text);
  out += "<span class=\"meta\">" + meta + "</span>";
  const auto phones = v.phones.find(o.family_id);
  if (o.state == FamilyState::kCallMe && phones != v.phones.end()) {
    out += "<span class=\"contacts\">" + phone_links(h, phones->second) + "</span>";
  }
  return out + "</li>\n";
}

// Every family not on the ranked list, one group per state (STOP, question, call me,
// unreachable, no, waiting), at most kOthersShown listed per group.
std::string others(Html& h, const BoardView& v) {
  const std::vector<OtherFamily>& all = v.board.others;
  std::string out = fmt::format("<h2>{}</h2>\n", h.text("web_board_others"));
  bool waiting = false;
  for (std::size_t i = 0; i < all.size();) {
    const FamilyState state = all[i].state;
    std::size_t end = i;
    while (end < all.size() && all[end].state == state) ++end;
    const std::size_t count = end - i;
    waiting = waiting || state == FamilyState::kWaiting;
    out += fmt::format("<section class=\"others {}\">\n<h3>{}</h3>\n<ul>\n", to_string(state),
                       h.text("web_others_" + std::string(to_string(state)),
                              {{"count", std::to_string(count)}}));
    for (std::size_t k = i; k < end && k - i < static_cast<std::size_t>(kOthersShown); ++k) {
      out += other_item(h, v, all[k]);
    }
    if (count > static_cast<std::size_t>(kOthersShown)) {
      out += "<li class=\"more\">" +
             h.text("web_others_more", {{"count", std::to_string(count - kOthersShown)}}) +
             "</li>\n";
    }
    out += "</ul>\n</section>\n";
    i = end;
  }
  if (!waiting) out += "<p class=\"waiting-none\">" + h.text("web_board_waiting_none") + "</p>\n";
  return out;
}

// The call in one line with its state, and the counts.
std::string head(Html& h, const BoardView& v, UnixTime now) {
  const Call& call = v.board.call;
  TemplateArgs args = h.keep(call_args(h.templates(), h.lang(), call, now));
  args.emplace_back("state", h.plain("state_" + std::string(to_string(call.state))));
  const BoardCounts& c = v.board.counts;
  return fmt::format(
      "<p class=\"call\">{}</p>\n<p class=\"counts\">{}</p>\n", h.text("board_header", args),
      h.text("board_counts", {{"sent", std::to_string(c.sent)},
                              {"delivered", std::to_string(c.delivered)},
                              {"yes", std::to_string(c.yes)},
                              {"maybe", std::to_string(c.maybe)},
                              {"no", std::to_string(c.no)},
                              {"no_answer", std::to_string(c.no_answer)}}));
}

// The call as the families saw it, folded away.
std::string offer(Html& h, const Call& call, UnixTime now) {
  const TemplateArgs args = h.keep(call_args(h.templates(), h.lang(), call, now));
  return fmt::format("<details class=\"offer\"><summary>{}</summary>\n<p>{}</p>\n</details>\n",
                     h.text("web_board_summary"),
                     escaped_lines(h.plain("web_board_offer", args)));
}

}  // namespace

BoardView load_board_view(Repository& repo, const Call& call, const BoardConfig& weights,
                          UnixTime now, bool show_contacts) {
  BoardView v;
  const BoardFacts facts = load_board_facts(repo, call, now);
  v.board = build_board(call, facts, weights);
  v.deliveries = facts.deliveries;  // ordered by recipient id (the port says so)
  v.show_contacts = show_contacts;
  if (!show_contacts) return v;
  const std::optional<std::string> chosen = chosen_id(call);
  for (const Family& f : facts.families) {
    const bool call_me = std::any_of(v.board.others.begin(), v.board.others.end(),
                                     [&](const OtherFamily& o) {
                                       return o.family_id == f.id && o.state == FamilyState::kCallMe;
                                     });
    if (chosen == f.id || call_me) v.phones[f.id] = phone_numbers(f.contacts);
  }
  return v;
}

Result<std::string> render_board_fragment(const BoardView& view, const Templates& templates,
                                          Language lang, UnixTime now) {
  Html h(templates, lang);
  const Call& call = view.board.call;
  std::string out = fmt::format("<section id=\"board\" data-state=\"{}\">\n",
                                html_escape(to_string(call.state)));
  out += head(h, view, now);
  out += chosen(h, view);
  out += answers(h, view, now);
  out += others(h, view);
  out += offer(h, call, now);
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

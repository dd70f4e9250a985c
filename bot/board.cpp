#include "bot/board.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "bot/local_time.h"
#include "bot/outbound.h"
#include "bot/postcodes.h"

namespace noodbel {
namespace {

std::optional<Language> shared_language(const Call& call, const Family* family) {
  if (family == nullptr) return std::nullopt;
  for (Language l : call.languages) {
    if (std::find(family->languages.begin(), family->languages.end(), l) !=
        family->languages.end()) {
      return l;
    }
  }
  return std::nullopt;
}

BoardEntry make_entry(const Call& call, const Response& r, const Recipient* recipient,
                      const Family* family) {
  BoardEntry e;
  e.family_id = r.family_id;
  e.display_name = family ? family->display_name : "";
  e.answer = r.answer;
  e.note = r.note;
  e.answered_at = r.answered_at;
  e.wave = recipient ? recipient->wave : 0;
  e.distance_km = recipient  ? recipient->distance_km
                  : family ? distance_km(call.location, family->home)
                           : 0;
  e.score = e.distance_km;
  e.factors.push_back("distance:" + std::to_string(std::lround(e.distance_km)));
  if (const auto lang = shared_language(call, family)) {
    e.score -= kLanguageBonusKm;
    e.factors.push_back("language:" + std::string(to_string(*lang)));
  }
  if (r.answer == Answer::kMaybe) {
    e.score += kMaybePenaltyKm;
    e.factors.push_back("maybe:" + r.note);
  }
  return e;
}

bool better(const BoardEntry& a, const BoardEntry& b) {
  return std::tie(a.score, a.answered_at, a.family_id) <
         std::tie(b.score, b.answered_at, b.family_id);
}

Result<std::string> render_factor(const Templates& t, Language lang, const std::string& factor) {
  const auto colon = factor.find(':');
  const std::string kind = factor.substr(0, colon);
  const std::string value = colon == std::string::npos ? "" : factor.substr(colon + 1);
  if (kind == "distance") return t.render(lang, "factor_distance", {{"km", value}});
  if (kind == "language") {
    const auto spoken = language_from_string(value);
    if (!spoken) return Error::Internal("unknown language factor " + value);
    Result<std::string> name = t.render(lang, "lang_" + value, {});
    if (!name) return name;
    return t.render(lang, "factor_language", {{"language", *name}});
  }
  if (kind == "maybe") {
    if (value.empty()) return t.render(lang, "factor_maybe_plain", {});
    return t.render(lang, "factor_maybe", {{"note", value}});
  }
  return Error::Internal("unknown board factor " + kind);
}

Result<std::string> render_row(const BoardEntry& e, int rank, const Templates& t,
                               Language lang) {
  std::string factors;
  for (const std::string& f : e.factors) {
    Result<std::string> text = render_factor(t, lang, f);
    if (!text) return text;
    factors += (factors.empty() ? "" : ", ") + *text;
  }
  Result<std::string> answer =
      t.render(lang, e.answer == Answer::kYes ? "answer_yes" : "answer_maybe", {});
  if (!answer) return answer;
  return t.render(lang, "board_row",
                  {{"rank", std::to_string(rank)},
                   {"family", e.family_id},
                   {"name", e.display_name},
                   {"answer", *answer},
                   {"factors", factors},
                   {"time", format_local(e.answered_at, "time")}});
}

Result<std::string> render_header(const Board& board, const Templates& t, Language lang,
                                  UnixTime now) {
  Result<TemplateArgs> args = call_args(t, lang, board.call, now);
  if (!args) return args.error();
  Result<std::string> state =
      t.render(lang, "state_" + std::string(to_string(board.call.state)), {});
  if (!state) return state;
  args->emplace_back("state", *state);
  return t.render(lang, "board_header", *args);
}

}  // namespace

Board build_board(const Call& call, const std::vector<Recipient>& recipients,
                  const std::vector<Response>& responses, const std::vector<Family>& families) {
  std::unordered_map<std::string_view, const Family*> family_by_id;
  for (const Family& f : families) family_by_id.emplace(f.id, &f);
  std::unordered_map<std::string_view, const Recipient*> recipient_by_id;
  for (const Recipient& r : recipients) recipient_by_id.emplace(r.family_id, &r);

  Board board;
  board.call = call;
  board.sent = static_cast<int>(recipients.size());
  int answered_recipients = 0;
  for (const Response& r : responses) {
    const auto rec = recipient_by_id.find(r.family_id);
    const Recipient* recipient = rec == recipient_by_id.end() ? nullptr : rec->second;
    if (recipient) ++answered_recipients;
    if (r.answer == Answer::kNo) {
      ++board.no;
      continue;
    }
    ++(r.answer == Answer::kYes ? board.answered_yes : board.maybe);
    const auto fam = family_by_id.find(r.family_id);
    board.entries.push_back(
        make_entry(call, r, recipient, fam == family_by_id.end() ? nullptr : fam->second));
  }
  board.no_answer = board.sent - answered_recipients;
  std::sort(board.entries.begin(), board.entries.end(), better);
  return board;
}

Result<std::string> render_board(const Board& board, const Templates& templates, Language lang,
                                 UnixTime now, int max_rows) {
  Result<std::string> header = render_header(board, templates, lang, now);
  if (!header) return header;
  std::string text = *header;
  const int total = static_cast<int>(board.entries.size());
  const int shown = std::min(total, max_rows);
  for (int i = 0; i < shown; ++i) {
    Result<std::string> row =
        render_row(board.entries[static_cast<std::size_t>(i)], i + 1, templates, lang);
    if (!row) return row;
    text += "\n" + *row;
  }
  Result<std::string> tail =
      total == 0 ? templates.render(lang, "board_empty", {})
      : shown < total
          ? templates.render(lang, "board_more", {{"count", std::to_string(total - shown)}})
          : Result<std::string>(std::string());
  if (!tail) return tail;
  if (!tail->empty()) text += "\n" + *tail;
  Result<std::string> counts =
      templates.render(lang, "board_counts",
                       {{"sent", std::to_string(board.sent)},
                        {"yes", std::to_string(board.answered_yes)},
                        {"maybe", std::to_string(board.maybe)},
                        {"no", std::to_string(board.no)},
                        {"no_answer", std::to_string(board.no_answer)}});
  if (!counts) return counts;
  return text + "\n" + *counts;
}

}  // namespace noodbel

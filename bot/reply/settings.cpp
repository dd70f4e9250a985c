#include "bot/reply/settings.h"

#include <algorithm>
#include <string_view>

#include "bot/reply/dates.h"
#include "bot/text/ascii.h"

namespace noodbel::reply {
namespace {

bool is_km_unit(std::string_view w) {
  return w == "km" || w == "kilometer" || w == "kilometers" || w == "kilometres" ||
         w == "kilometre" || w == "kms";
}

// A kilometre figure in tokens [from, from+3): "40" or "40km"; with `need_km` only
// "40 km" / "40km" / "40 kilometer".
std::optional<int> km_after(const Normalized& n, std::size_t from, bool need_km = false) {
  for (std::size_t t = from; t < n.size() && t < from + 3; ++t) {
    const std::string_view w = n.word(t);
    std::size_t digits = 0;
    while (digits < w.size() && is_digit(w[digits])) ++digits;
    if (digits == 0 || digits > 4 || (digits < w.size() && w.substr(digits) != "km")) continue;
    const bool km_unit = digits < w.size() || (t + 1 < n.size() && is_km_unit(n.word(t + 1)));
    if (need_km && !km_unit) return std::nullopt;
    return reply::to_number(w.substr(0, digits));
  }
  return std::nullopt;
}

bool has_leftover(const Normalized& n, const Items& items) {
  for (std::size_t t = 0; t < n.size(); ++t) {
    if (items.role[t] == Role::kLeftover) return true;
  }
  return false;
}

}  // namespace

std::optional<KmFigure> km_anywhere(const Normalized& n) {
  for (std::size_t t = 0; t < n.size(); ++t) {
    if (n.in_question(t) || !is_digit(n.word(t)[0])) continue;
    if (const std::optional<int> km = km_after(n, t, true);
        km && (n.word(t).ends_with("km") || (t + 1 < n.size() && is_km_unit(n.word(t + 1))))) {
      return KmFigure{*km, t};
    }
  }
  return std::nullopt;
}

ParsedReply reply_of(Intent intent) {
  ParsedReply r;
  r.intent = intent;
  return r;
}

ParsedReply pause_reply(const Normalized& n, const ReplyContext& ctx, const DateWords& words) {
  ParsedReply r = reply_of(Intent::kPause);
  r.until = reply::find_until(n, ctx, words).iso;
  return r;
}

// A command named by the first word, or nothing.
std::optional<ParsedReply> command(const Normalized& n, const Items& items, const ReplyContext& ctx,
                                   const DateWords& words) {
  const Item& first = items.list[0];
  switch (first.kind) {
    case Kind::kStop:
      return reply_of(Intent::kStop);
    case Kind::kStart:
      return reply_of(Intent::kStart);
    case Kind::kResume:
      return reply_of(Intent::kResume);
    case Kind::kStatus:
      return reply_of(Intent::kStatus);
    case Kind::kHelp:
      return reply_of(Intent::kHelp);
    case Kind::kHelpAlone:  // "info", "uitleg aub"; not "info over het kindje"
      if (!has_leftover(n, items) &&
          std::all_of(items.list.begin() + 1,
                      items.list.begin() + static_cast<std::ptrdiff_t>(items.size),
                      [](const Item& it) { return it.kind == Kind::kFiller; })) {
        return reply_of(Intent::kHelp);
      }
      return std::nullopt;
    case Kind::kPause:
      return pause_reply(n, ctx, words);
    case Kind::kDistance: {
      ParsedReply r = reply_of(Intent::kDistance);
      r.km = km_after(n, first.first + first.count);
      if (!r.km && n.word(first.first).starts_with("max")) return std::nullopt;
      return r;
    }
    default:
      return std::nullopt;
  }
}

// "30 km" or "30km" as the whole point of the message.
std::optional<ParsedReply> bare_distance(const Normalized& n, std::size_t t) {
  const std::string_view w = n.word(t);
  const bool km_next = t + 1 < n.size() && is_km_unit(n.word(t + 1));
  if (!is_digit(w[0]) || (!km_next && !w.ends_with("km"))) return std::nullopt;
  ParsedReply r = reply_of(Intent::kDistance);
  r.km = km_after(n, t);
  if (!r.km) return std::nullopt;
  return r;
}

Mentions mentions(const Normalized& n, const Items& items) {
  Mentions m;
  for (std::size_t i = 0; i < items.size; ++i) {
    const Item& it = items.list[i];
    switch (it.kind) {
      case Kind::kNoise:
        m.noise = true;
        break;
      case Kind::kStop:
        m.stop = true;
        break;
      case Kind::kStart:
        m.start = true;
        break;
      case Kind::kResume:
        m.resume = true;
        break;
      case Kind::kPause:
        m.pause = true;
        break;
      case Kind::kPauseSoft:
        m.pause_soft = true;
        break;
      case Kind::kResumeSoft:
        m.resume_soft = true;
        break;
      case Kind::kStatus:
        m.status = true;
        break;
      case Kind::kHelp:
        m.help = true;
        break;
      case Kind::kDistance:  // "mijn afstand is 35 km", "zet mijn afstand op 60"
        if (!m.km) m.km = km_after(n, it.first + it.count);
        break;
      case Kind::kMaxKm:  // "ik wil max 25 km rijden"
        if (!m.km) m.km = km_after(n, it.first + it.count, true);
        break;
      default:
        break;
    }
  }
  return m;
}

}  // namespace noodbel::reply

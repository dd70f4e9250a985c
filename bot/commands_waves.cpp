// /golf (/wave), /dringend (/urgent) and /verleng (/extend): what a caseworker can do when
// a wave brought no yes or a call is about to expire — ask more families now, ask every
// eligible family at once, or give the call more time.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

#include "bot/call_notices.h"
#include "bot/commands_support.h"
#include "bot/condition_text.h"
#include "bot/local_time.h"
#include "bot/waves.h"

namespace noodbel::command {
namespace {

constexpr int kMaxWaveSize = 500;
constexpr int kMaxExtendHours = 14 * 24;

// A whole number in [min, max] from the first argument word, `fallback` when there is none;
// nothing after a clear error.
std::optional<int> number_argument(const Request& req, std::string_view rest, int min, int max,
                                   int fallback, std::string_view usage) {
  const std::string_view word = split_first(rest).first;
  if (word.empty()) return fallback;
  int value = 0;
  const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
  if (ec == std::errc() && end == word.data() + word.size() && value >= min && value <= max) {
    return value;
  }
  req.reject("err_bad_number", {{"value", std::string(word)},
                                {"min", std::to_string(min)},
                                {"max", std::to_string(max)},
                                {"example", req.text(usage)}});
  return std::nullopt;
}

bool refuse_when_chosen(const Request& req, const Call& call) {
  if (!call.chosen_family) return false;
  req.reject("err_call_chosen", {{"code", call.code}});
  return true;
}

// Sends the families of `wave` as the next wave and tells the caseworker how far it went.
void send_and_tell(const Request& req, const Call& call, const std::vector<Candidate>& eligible,
                   const std::vector<Recipient>& sent, const std::vector<Candidate>& wave,
                   const std::vector<Family>& families) {
  if (wave.empty()) {
    req.audit("call.wave_none", "code=" + call.code);
    return req.reply("wave_none", {{"code", call.code}, {"sent", std::to_string(sent.size())}});
  }
  const int number = last_wave(sent) + 1;
  const int reached = send_next_wave(call, wave, number, families, req.cw.id, req.out);
  const int remaining = static_cast<int>(next_wave(eligible, sent, 0, true).size()) - reached;
  req.reply("wave_sent", {{"code", call.code},
                          {"wave", std::to_string(number)},
                          {"reached", std::to_string(reached)},
                          {"km", std::to_string(std::lround(std::ceil(wave.back().distance_km)))},
                          {"remaining", std::to_string(std::max(0, remaining))}});
}

}  // namespace

void send_wave_now(const Request& req) {
  const std::optional<Target> target = find_call(req, "usage_wave");
  if (!target || !may_change(req, target->call) || refuse_when_chosen(req, target->call)) return;
  const Call& call = target->call;
  const CallsConfig calls = calls_for_service(req.out.config(), call.service);
  const std::optional<int> size = number_argument(req, target->rest, 1, kMaxWaveSize,
                                                  wave_size_for(calls, call.wave_size), "usage_wave");
  if (!size) return;
  const std::vector<Family> families = req.repo().families();
  const std::vector<Candidate> eligible = eligible_families(call, families, req.now());
  const std::vector<Recipient> sent = req.repo().recipients(call.id);
  send_and_tell(req, call, eligible, sent, next_wave(eligible, sent, *size, false), families);
}

void make_urgent(const Request& req) {
  const std::optional<Target> target = find_call(req, "usage_urgent");
  if (!target || !may_change(req, target->call) || refuse_when_chosen(req, target->call)) return;
  Call call = target->call;
  call.urgent = true;
  req.repo().update_call(call);
  req.audit("call.urgent", "code=" + call.code);
  const std::vector<Family> families = req.repo().families();
  const std::vector<Candidate> eligible = eligible_families(call, families, req.now());
  const std::vector<Recipient> sent = req.repo().recipients(call.id);
  send_and_tell(req, call, eligible, sent, next_wave(eligible, sent, 0, true), families);
}

void extend(const Request& req) {
  const std::optional<Target> target = find_call(req, "usage_extend");
  if (!target || !may_change(req, target->call)) return;
  Call call = target->call;
  const CallsConfig calls = calls_for_service(req.out.config(), call.service);
  const std::optional<int> hours = number_argument(req, target->rest, 1, kMaxExtendHours,
                                                   calls.expiry_hours, "usage_extend");
  if (!hours) return;
  const UnixTime from = std::max(req.now(), expiry_of(call, calls));
  call.expires_at = from + std::int64_t{*hours} * 3600;
  req.repo().update_call(call);
  req.audit("call.extend", "code=" + call.code + " hours=" + std::to_string(*hours));
  Result<std::string> when = render_day(req.out.templates(), req.lang(), *call.expires_at, req.now());
  if (!when) return req.out.skipped(req.to(), "call_extended", when.error());
  req.reply("call_extended", {{"code", call.code},
                              {"time", format_local(*call.expires_at, "time")},
                              {"when", *when}});
}

}  // namespace noodbel::command

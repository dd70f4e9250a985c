#include "bot/waves.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "bot/call_notices.h"
#include "bot/decision_time.h"

namespace noodbel {
namespace {

std::unordered_map<std::string_view, const Family*> index_families(
    const std::vector<Family>& families) {
  std::unordered_map<std::string_view, const Family*> out;
  for (const Family& f : families) out.emplace(f.id, &f);
  return out;
}

// The call summary per language, rendered once for a whole wave.
class CallArgsCache {
 public:
  CallArgsCache(const Call& call, const Outbox& out) : call_(call), out_(out) {}
  Result<TemplateArgs>& get(Language lang) {
    auto& slot = cache_[static_cast<std::size_t>(lang)];
    if (!slot) slot.emplace(summary(lang));
    return *slot;
  }

 private:
  // The call's description and when the family hears whether it is chosen.
  Result<TemplateArgs> summary(Language lang) const {
    Result<TemplateArgs> args = call_args(out_.templates(), lang, call_, out_.now());
    if (!args) return args;
    Result<std::string> decision =
        render_offer_decision(out_.templates(), lang,
                              decision_for(out_.config(), call_.service, out_.now()), out_.now());
    if (!decision) return decision.error();
    args->emplace_back("deadline", *decision);
    return args;
  }

  const Call& call_;
  const Outbox& out_;
  std::array<std::optional<Result<TemplateArgs>>, 3> cache_;
};

bool offer(const Call& call, const Candidate& c, int wave, const Family& family,
           const Outbox& out, CallArgsCache& summaries) {
  const Addressee to = addressee_of(family);
  Result<TemplateArgs>& summary = summaries.get(to.language);
  if (!summary) {
    out.skipped(to, "call_offer", summary.error());
    return false;
  }
  // The family's distance joins the shared summary for this one rendering.
  const long km = std::max(1L, std::lround(c.distance_km));
  summary->emplace_back("distance_km", std::to_string(km));
  const bool sent = out.send(to, "call_offer", *summary, {kPriorityCall, call.id});
  summary->pop_back();
  if (!sent) return false;
  out.repo().add_recipient({call.id, family.id, c.distance_km, wave, out.now()});
  return true;
}

void expire(const Call& call, const Outbox& out) {
  const Call ended = end_call(call, CallState::kExpired, "system", out);
  out.repo().audit({out.now(), "system", "call.expire", "code=" + ended.code});
  const std::optional<Caseworker> cw = out.repo().caseworker(call.caseworker_id);
  if (!cw) return;
  const Addressee to = addressee_of(*cw);
  Result<TemplateArgs> args = call_args(out.templates(), to.language, call, out.now());
  if (!args) {
    out.skipped(to, "call_expired", args.error());
    return;
  }
  out.send(to, "call_expired", *args, {kPriorityNotice, call.id});
}

bool has_yes(const std::vector<Response>& responses) {
  return std::any_of(responses.begin(), responses.end(),
                     [](const Response& r) { return r.answer == Answer::kYes; });
}

void maybe_send_next_wave(const Call& call, const std::vector<Family>& families,
                          const Outbox& out) {
  Repository& repo = out.repo();
  const std::vector<Recipient> sent = repo.recipients(call.id);
  const CallsConfig calls = calls_for_service(out.config(), call.service);
  const std::vector<Response> responses = repo.responses(call.id);
  if (!wave_due(call, sent, responses, calls, out.now())) return;
  const std::vector<Candidate> eligible = eligible_families(call, families, out.now());
  const std::vector<Candidate> wave =
      next_wave(eligible, sent, wave_size_for(calls, call.wave_size), call.urgent);
  if (!has_yes(responses)) {
    const int remaining = static_cast<int>(next_wave(eligible, sent, 0, true).size());
    notify_wave_end(call, last_wave(sent), wave, remaining, out);
  }
  if (wave.empty()) return;
  send_next_wave(call, wave, last_wave(sent) + 1, families, "system", out);
}

}  // namespace

int wave_size_for(const CallsConfig& calls, std::optional<int> requested) {
  if (requested && *requested > 0) return *requested;
  return std::max(1, calls.wave_size);
}

int last_wave(const std::vector<Recipient>& sent) {
  int wave = 0;
  for (const Recipient& r : sent) wave = std::max(wave, r.wave);
  return wave;
}

UnixTime last_wave_at(const Call& call, const std::vector<Recipient>& sent) {
  UnixTime at = call.created_at;
  for (const Recipient& r : sent) at = std::max(at, r.sent_at);
  return at;
}

std::vector<Candidate> next_wave(const std::vector<Candidate>& eligible,
                                 const std::vector<Recipient>& sent, int wave_size,
                                 bool urgent) {
  std::unordered_set<std::string_view> already;
  for (const Recipient& r : sent) already.insert(r.family_id);
  std::vector<Candidate> out;
  for (const Candidate& c : eligible) {
    if (!urgent && static_cast<int>(out.size()) >= wave_size) break;
    if (!already.contains(c.family_id)) out.push_back(c);
  }
  return out;
}

bool wave_due(const Call& call, const std::vector<Recipient>& sent,
              const std::vector<Response>& responses, const CallsConfig& calls, UnixTime now) {
  if (call.state != CallState::kOpen || call.chosen_family) return false;
  if (now < last_wave_at(call, sent) + std::int64_t{calls.wave_interval_minutes} * 60) {
    return false;
  }
  const auto yes = std::count_if(responses.begin(), responses.end(),
                                 [](const Response& r) { return r.answer == Answer::kYes; });
  return yes < calls.stop_after_yes;
}

bool is_expired(const Call& call, const CallsConfig& calls, UnixTime now) {
  return call.state == CallState::kOpen && !call.chosen_family && now >= expiry_of(call, calls);
}

int send_next_wave(const Call& call, const std::vector<Candidate>& wave, int number,
                   const std::vector<Family>& families, std::string_view actor,
                   const Outbox& out) {
  const int reached = send_wave(call, wave, number, families, out);
  out.repo().audit({out.now(), std::string(actor), "call.wave",
                    "code=" + call.code + " wave=" + std::to_string(number) +
                        " reached=" + std::to_string(reached)});
  return reached;
}

int send_wave(const Call& call, const std::vector<Candidate>& wave_families, int wave,
              const std::vector<Family>& families, const Outbox& out) {
  const auto by_id = index_families(families);
  CallArgsCache summaries(call, out);
  int reached = 0;
  for (const Candidate& c : wave_families) {
    const auto it = by_id.find(c.family_id);
    if (it != by_id.end() && offer(call, c, wave, *it->second, out, summaries)) ++reached;
  }
  return reached;
}

Call end_call(Call call, CallState state, std::string_view actor, const Outbox& out,
              std::optional<std::string_view> keep_family, std::string_view family_template) {
  Repository& repo = out.repo();
  call.state = state;
  call.closed_at = out.now();
  call.closed_by = std::string(actor);
  repo.update_call(call);
  std::unordered_map<std::string, ChoiceOutcome> last_choice;  // families told when passed over
  for (const Choice& c : repo.choices(call.id)) last_choice.insert_or_assign(c.family_id, c.outcome);
  for (const Response& r : repo.responses(call.id)) {
    if (r.answer == Answer::kNo || (keep_family && r.family_id == *keep_family)) continue;
    const auto choice = last_choice.find(r.family_id);
    if (choice != last_choice.end() && choice->second == ChoiceOutcome::kPassed) continue;
    const std::optional<Family> family = repo.family(r.family_id);
    if (!family || !family->opted_in) continue;  // a family that said STOP hears nothing
    const Addressee to = addressee_of(*family);
    Result<TemplateArgs> args = call_args(out.templates(), to.language, call, out.now());
    if (!args) {
      out.skipped(to, family_template, args.error());
      continue;
    }
    out.send(to, family_template, *args, {kPriorityNotice, call.id});
  }
  return call;
}

void run_scheduled(const Outbox& out) {
  Repository& repo = out.repo();
  const std::vector<Call> open = repo.open_calls();
  if (open.empty()) return;
  const std::vector<Family> families = repo.families();
  for (const Call& call : open) {
    if (is_expired(call, calls_for_service(out.config(), call.service), out.now())) {
      expire(call, out);
    } else {
      maybe_send_next_wave(call, families, out);
      run_call_notices(call, out);
    }
  }
}

}  // namespace noodbel

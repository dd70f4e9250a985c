#include "bot/waves.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>

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
    if (!slot) slot.emplace(call_args(out_.templates(), lang, call_, out_.now()));
    return *slot;
  }

 private:
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

void maybe_send_next_wave(const Call& call, const std::vector<Family>& families,
                          const Outbox& out) {
  Repository& repo = out.repo();
  const std::vector<Recipient> sent = repo.recipients(call.id);
  const CallsConfig calls = calls_for_service(out.config(), call.service);
  if (!wave_due(call, sent, repo.responses(call.id), calls, out.now())) return;
  const std::vector<Candidate> wave =
      next_wave(eligible_families(call, families, out.now()), sent,
                wave_size_for(calls, call.wave_size), call.urgent);
  if (wave.empty()) return;
  const int number = last_wave(sent) + 1;
  const int reached = send_wave(call, wave, number, families, out);
  repo.audit({out.now(), "system", "call.wave",
              "code=" + call.code + " wave=" + std::to_string(number) +
                  " reached=" + std::to_string(reached)});
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
  if (call.state != CallState::kOpen) return false;
  if (now < last_wave_at(call, sent) + std::int64_t{calls.wave_interval_minutes} * 60) {
    return false;
  }
  const auto yes = std::count_if(responses.begin(), responses.end(),
                                 [](const Response& r) { return r.answer == Answer::kYes; });
  return yes < calls.stop_after_yes;
}

bool is_expired(const Call& call, const CallsConfig& calls, UnixTime now) {
  return call.state == CallState::kOpen &&
         now >= call.created_at + std::int64_t{calls.expiry_hours} * 3600;
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
  for (const Response& r : repo.responses(call.id)) {
    if (r.answer == Answer::kNo || (keep_family && r.family_id == *keep_family)) continue;
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
    if (is_expired(call, out.config().calls, out.now())) {
      expire(call, out);
    } else {
      maybe_send_next_wave(call, families, out);
    }
  }
}

}  // namespace noodbel

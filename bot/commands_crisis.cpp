// /crisis (/new): parse, check the note with the anonymization guard, open the call, send
// the first wave and tell the caseworker how matching works at this hour.
#include <vector>

#include "bot/call_code.h"
#include "bot/commands_support.h"
#include "bot/crisis_request.h"
#include "bot/call_notices.h"
#include "bot/decision_time.h"
#include "bot/office_hours.h"
#include "bot/targeting.h"
#include "bot/waves.h"

namespace noodbel::command {
namespace {

constexpr std::int64_t kSecondsPerDay = 24 * 3600;

void reject_crisis(const Request& req, const Error& e) {
  const std::string reason(crisis_error_reason(e));
  std::string name = "err_crisis_" + reason;
  const Templates& t = req.out.templates();
  if (reason.empty() || !(t.has(req.lang(), name) || t.has(Language::kNl, name))) {
    name = "err_crisis_generic";
  }
  req.reject(name, {{"value", std::string(crisis_error_value(e))},
                    {"example", req.text("usage_crisis")},
                    {"detail", e.message}});
}

// True (after refusing with what was found, and auditing only the kinds) when the note
// holds anything that could identify the child. Nothing is stored then.
bool refuse_identifying(const Request& req, const AnonymizationGuard& guard,
                        std::string_view note) {
  const std::vector<Finding> findings = guard.check(note);
  if (findings.empty()) return false;
  std::string kinds;
  for (const Finding& f : findings) kinds += (kinds.empty() ? "" : ",") + std::string(to_string(f.kind));
  req.audit("command.rejected", "command=" + req.command.word + " error=guard_refused kinds=" + kinds);
  Result<std::string> text = render_refusal(req.out.templates(), req.lang(), findings);
  if (!text) {
    req.out.skipped(req.to(), "guard_refused", text.error());
    return true;
  }
  req.reply_text(std::move(text).value());
  return true;
}

Call make_call(const CrisisRequest& r, const Caseworker& cw, std::string code, UnixTime now) {
  Call call;
  call.code = std::move(code);
  call.service = cw.service;
  call.caseworker_id = cw.id;
  call.ages_months = r.ages_months;
  call.postcode = r.place.postcode;
  call.place = r.place.name;
  call.location = r.place.point;
  call.languages = r.languages;
  call.duration_hours = r.duration_hours;
  call.needed_from = r.needed_from;
  call.note = r.note;
  call.urgent = r.urgent;
  call.wave_size = r.wave_size;
  call.state = CallState::kOpen;
  call.created_at = now;
  return call;
}

// How matching works at this hour, with what the families read about when they hear
// whether they are chosen (bot/decision_time.h): the same words for both sides.
std::string matching_text(const Request& req) {
  const UnixTime now = req.now();
  const ServiceConfig* found = find_service(req.out.config(), req.cw.service);
  const ServiceConfig service = found ? *found : ServiceConfig{};
  const MatchingStatus m = matching_status(service, now);
  Result<std::string> decision = render_decision(
      req.out.templates(), req.lang(), decision_for(req.out.config(), req.cw.service, now), now);
  if (!decision) {
    req.out.skipped(req.to(), "matching_waits", decision.error());
    return "";
  }
  switch (m.kind) {
    case Matching::kOfficeHours:
      return req.text("matching_office", {{"until", time_or_datetime(m.until, now)},
                                          {"decision", *decision}});
    case Matching::kStaffed:
      return req.text("matching_staffed", {{"until", time_or_datetime(m.until, now)},
                                           {"decision", *decision}});
    case Matching::kWaits: break;
  }
  if (!m.resumes) return req.text("matching_unscheduled", {{"decision", *decision}});
  return req.text(service.after_hours == AfterHours::kNextWorkingDay ? "matching_next_working_day"
                                                                     : "matching_waits",
                  {{"decision", *decision}});
}

}  // namespace

void open_call(const Request& req, const CommandEnv& env) {
  const UnixTime now = req.now();
  Result<CrisisRequest> parsed =
      parse_crisis_request(req.command.args, env.postcodes, now, req.cw.language);
  if (!parsed) return reject_crisis(req, parsed.error());
  if (refuse_identifying(req, env.guard, parsed->note)) return;
  const std::int64_t reuse_after =
      std::int64_t{req.out.config().calls.code_reuse_days} * kSecondsPerDay;
  CallCodeGenerator codes(env.seed);
  Result<std::string> code =
      codes.next([&](std::string_view c) { return req.repo().code_in_use(c, now, reuse_after); });
  if (!code) return req.reject("err_no_free_code", {});

  Call call = make_call(*parsed, req.cw, *code, now);
  call.expires_at = expiry_of(call, calls_for_service(req.out.config(), call.service));
  call.id = req.repo().insert_call(call);
  const std::vector<Family> families = req.repo().families();
  const std::vector<Candidate> eligible = eligible_families(call, families, now);
  const int size = wave_size_for(calls_for_service(req.out.config(), call.service), call.wave_size);
  const int reached =
      send_wave(call, next_wave(eligible, {}, size, call.urgent), 1, families, req.out);
  req.audit("call.open", "code=" + call.code + " reached=" + std::to_string(reached) +
                             " eligible=" + std::to_string(eligible.size()) +
                             " wave_size=" + std::to_string(size) +
                             (call.urgent ? " urgent" : ""));
  req.reply_about(call, eligible.empty() ? "call_opened_none" : "call_opened",
                  {{"reached", std::to_string(reached)},
                   {"eligible", std::to_string(eligible.size())},
                   {"matching", matching_text(req)}});
}

}  // namespace noodbel::command

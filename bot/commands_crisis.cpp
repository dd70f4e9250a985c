// /crisis (/new): parse, check the note with the anonymization guard and the length of the
// call text, open the call, send the first wave and tell the caseworker how matching works
// at this hour. A refusal names every problem at once and stores nothing.
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "bot/call_code.h"
#include "bot/call_notices.h"
#include "bot/commands_support.h"
#include "bot/crisis_request.h"
#include "bot/decision_time.h"
#include "bot/guard/refusal.h"
#include "bot/offer_length.h"
#include "bot/office_hours.h"
#include "bot/place_text.h"
#include "bot/targeting.h"
#include "bot/waves.h"

namespace noodbel::command {
namespace {

constexpr std::int64_t kSecondsPerDay = 24 * 3600;

// The refusal of a /crisis: the anonymization guard's findings, every missing or wrong
// field, a note too long for two SMS, and the arguments rebuilt as a corrected example on
// the last line (the sandbox page reads a last line starting with the command as "refused").
class CrisisRefusal {
 public:
  CrisisRefusal(const Request& req, const CommandEnv& env, const CrisisCheck& check,
                std::vector<Finding> findings, std::optional<OfferOverflow> overflow)
      : req_(req), env_(env), check_(check), findings_(std::move(findings)),
        overflow_(std::move(overflow)) {}

  bool needed() const { return !check_.ok() || !findings_.empty() || overflow_.has_value(); }

  void send() const {
    req_.audit("command.rejected", "command=" + req_.command.word + " error=" + reasons());
    Result<std::string> text = compose();
    if (text) return req_.reply_text(std::move(text).value());
    // A language without these templates: the developer detail and the example.
    Result<std::string> generic = req_.out.render(
        req_.lang(), "err_crisis_generic", {{"detail", details()}, {"example", example()}});
    if (!generic) return req_.out.skipped(req_.to(), "err_crisis_generic", generic.error());
    req_.reply_text(std::move(generic).value());
  }

 private:
  Result<std::string> compose() const {
    std::vector<std::string> parts;
    if (!findings_.empty()) {
      Result<std::string> guard = render_refusal(templates(), req_.lang(), findings_);
      if (!guard) return guard.error();
      parts.push_back(std::move(guard).value());
    }
    std::vector<std::string> lines;
    for (const CrisisProblem& p : check_.problems) {
      Result<std::string> line = problem_line(p);
      if (!line) return line.error();
      lines.push_back(std::move(line).value());
    }
    if (overflow_) {
      Result<std::string> line = overflow_line();
      if (!line) return line.error();
      lines.push_back(std::move(line).value());
    }
    if (!lines.empty()) {
      Result<std::string> block = render("err_crisis_refused", {{"problems", join(lines, "\n")}});
      if (!block) return block.error();
      parts.push_back(std::move(block).value());
    }
    Result<std::string> example_block =
        check_.sampled_keys.empty()
            ? render("err_crisis_example", {{"example", example()}})
            : render("err_crisis_example_samples",
                     {{"example", example()}, {"fields", join(check_.sampled_keys, ", ")}});
    if (!example_block) return example_block.error();
    parts.push_back(std::move(example_block).value());
    return join(parts, "\n");
  }

  Result<std::string> problem_line(const CrisisProblem& p) const {
    const bool choices =
        p.reason == "ambiguous_place" || (p.reason == "bad_place" && !p.places.empty());
    if (choices) {
      Result<std::string> list =
          place_choices(templates(), req_.lang(), env_.postcodes, p.places, "postcode=");
      if (!list) return list.error();
      return render(p.reason == "ambiguous_place" ? "err_crisis_ambiguous_place"
                                                  : "err_crisis_bad_place_suggest",
                    {{"value", p.value}, {"choices", *list}});
    }
    if (p.reason == "unknown_key" && !p.likely_key.empty()) {
      return render("err_crisis_unknown_key_suggest", {{"value", p.value}, {"key", p.likely_key}});
    }
    return render("err_crisis_" + p.reason, {{"value", p.value}});
  }

  Result<std::string> overflow_line() const {
    const std::string count = std::to_string(overflow_->over);
    if (overflow_->non_gsm.empty()) return render("err_crisis_note_too_long", {{"count", count}});
    return render("err_crisis_note_too_long_unicode",
                  {{"count", count}, {"char", overflow_->non_gsm}});
  }

  // "/crisis leeftijd=4 postcode=9300 ...", with what the guard found cut out of the note.
  std::string example() const {
    std::string args = check_.example_args;
    for (const Finding& f : findings_) {
      if (f.text.empty()) continue;
      for (std::size_t at = args.find(f.text); at != std::string::npos;
           at = args.find(f.text, at + kCut.size())) {
        args.replace(at, f.text.size(), kCut);
      }
    }
    return "/" + req_.command.word + (args.empty() ? "" : " " + args);
  }

  // For the audit: the templates of the problems and the kinds the guard found; no text.
  std::string reasons() const {
    std::vector<std::string> names;
    for (const CrisisProblem& p : check_.problems) names.push_back("err_crisis_" + p.reason);
    if (overflow_) names.emplace_back("err_crisis_note_too_long");
    std::string out = join(names, ",");
    if (!findings_.empty()) {
      std::vector<std::string> kinds;
      for (const Finding& f : findings_) kinds.emplace_back(to_string(f.kind));
      out += (out.empty() ? "" : " ") + std::string("guard_refused kinds=") + join(kinds, ",");
    }
    return out;
  }

  std::string details() const {
    std::vector<std::string> out;
    for (const CrisisProblem& p : check_.problems) {
      out.push_back(p.reason.starts_with("missing_")
                        ? fmt::format("crisis.{}: {}", p.reason, p.detail)
                        : fmt::format("crisis.{} \"{}\": {}", p.reason, p.value, p.detail));
    }
    if (overflow_) {
      out.push_back(fmt::format("crisis.note_too_long: {} characters too many for {} SMS",
                                overflow_->over, kMaxOfferSegments));
    }
    if (!findings_.empty()) out.emplace_back("crisis.guard_refused: the note identifies the child");
    return join(out, "; ");
  }

  Result<std::string> render(std::string_view name, const TemplateArgs& args) const {
    return req_.out.render(req_.lang(), name, args);
  }
  const Templates& templates() const { return req_.out.templates(); }

  static std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const std::string& item : items) {
      if (!out.empty()) out += separator;
      out += item;
    }
    return out;
  }

  static constexpr std::string_view kCut = "\u2026";  // what the guard found is cut out
  const Request& req_;
  const CommandEnv& env_;
  const CrisisCheck& check_;
  const std::vector<Finding> findings_;
  const std::optional<OfferOverflow> overflow_;
};

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
  const CrisisCheck check =
      check_crisis_request(req.command.args, env.postcodes, now, req.cw.language);
  // Measured with samples standing in for wrong values, so every problem shows at once.
  const CrisisRefusal refusal(
      req, env, check, env.guard.check(check.request.note),
      offer_overflow(req.out.templates(), make_call(check.request, req.cw, "", now), now));
  if (refusal.needed()) return refusal.send();
  const CrisisRequest& parsed = check.request;
  const std::int64_t reuse_after =
      std::int64_t{req.out.config().calls.code_reuse_days} * kSecondsPerDay;
  const CallCodeGenerator codes(env.random);
  Result<std::string> code =
      codes.next([&](std::string_view c) { return req.repo().code_in_use(c, now, reuse_after); });
  if (!code) return req.reject("err_no_free_code", {});

  Call call = make_call(parsed, req.cw, *code, now);
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

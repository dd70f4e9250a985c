#include "adapters/app/digest_sender.h"

#include <map>
#include <optional>
#include <vector>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "bot/digest_notice.h"
#include "bot/digest_schedule.h"
#include "bot/outbound.h"
#include "bot/text/logfmt_value.h"

namespace noodbel {
namespace {

// Per configured service, the newest date recorded (nothing when none or unreadable).
Result<std::map<std::string, std::optional<LocalDate>>> newest_runs(
    store::UnitOfWork& store, const std::vector<ServiceConfig>& services) {
  std::map<std::string, std::optional<LocalDate>> newest;
  const Status s = store.transaction([&](Repository& repo) -> Status {
    for (const ServiceConfig& service : services) {
      std::optional<LocalDate> date;
      if (const auto text = repo.latest_digest_run(service.id)) {
        const Result<LocalDate> parsed = parse_digest_date(*text);
        if (parsed.ok()) date = *parsed;
      }
      newest[service.id] = date;
    }
    return Ok();
  });
  if (!s.ok()) return s.error();
  return newest;
}

std::vector<Caseworker> supervisors_of(Repository& repo, const std::string& service) {
  std::vector<Caseworker> out;
  for (Caseworker& c : repo.caseworkers()) {
    if (c.role == Role::kSupervisor && c.service == service) out.push_back(std::move(c));
  }
  return out;
}

const ScopeDigest* scope_of(const Digest& digest, const std::string& service) {
  for (const ScopeDigest& scope : digest.services) {
    if (scope.service_id == service) return &scope;
  }
  return nullptr;
}

}  // namespace

DigestSender::DigestSender(const Config& config, const Templates& templates,
                           const DigestSource& source, store::UnitOfWork& store, const Clock& clock,
                           const Links& links)
    : config_(config),
      templates_(templates),
      source_(source),
      store_(store),
      clock_(clock),
      links_(links) {}

DigestRunReport DigestSender::run_due() {
  DigestRunReport report;
  const auto newest = newest_runs(store_, config_.core.services);
  if (!newest.ok()) {
    spdlog::error("event=digest.read_failed error={}", logfmt_value(newest.error().message));
    ++report.failed;
    return report;
  }
  const UnixTime now = clock_.now();
  for (const auto& [service, last] : *newest) {
    for (const LocalDate date : due_digest_dates(now, config_.digest.minute_of_day, last)) {
      const Sent sent = send(date, service);
      report.messages += sent.messages;
      switch (sent.outcome) {
        case Outcome::kSent: ++report.sent; break;
        case Outcome::kSkipped: ++report.skipped; break;
        case Outcome::kFailed: ++report.failed; break;
      }
    }
  }
  return report;
}

DigestSender::Sent DigestSender::send(LocalDate date, const std::string& service) {
  const std::string day = iso_date(date);
  const Result<Digest> digest = source_.build(date, service);
  const ScopeDigest* scope = digest.ok() ? scope_of(*digest, service) : nullptr;
  if (scope == nullptr) {
    spdlog::error("event=digest.build_failed date={} service={} error={}", day,
                  logfmt_value(service),
                  logfmt_value(digest.ok() ? "service not in the digest" : digest.error().message));
    return {Outcome::kFailed, 0};
  }
  const UnixTime now = clock_.now();
  const std::string link = links_.digest_url(day, service, now);
  bool recorded = false;
  int queued = 0;
  const Status s = store_.transaction([&](Repository& repo) -> Status {
    recorded = repo.record_digest_run(day, service, now);
    if (!recorded) return Ok();
    const Outbox outbox(config_.core, templates_, repo, now);
    const std::vector<Caseworker> supervisors = supervisors_of(repo, service);
    for (const Caseworker& supervisor : supervisors) {
      const Addressee to = addressee_of(supervisor);
      Result<TemplateArgs> args =
          digest_notice_args(*digest, *scope, templates_, supervisor.language, link);
      if (!args.ok()) {
        outbox.skipped(to, "digest_notice", args.error());
        continue;
      }
      if (outbox.send(to, "digest_notice", *args)) ++queued;
    }
    repo.audit({now, "system", "digest.sent",
                fmt::format("date={} service={} supervisors={} messages={}", day, service,
                            supervisors.size(), queued)});
    return Ok();
  });
  if (!s.ok()) {
    spdlog::error("event=digest.send_failed date={} service={} error={}", day,
                  logfmt_value(service), logfmt_value(s.error().message));
    return {Outcome::kFailed, 0};
  }
  if (!recorded) return {Outcome::kSkipped, 0};
  spdlog::info("event=digest.sent date={} service={} messages={}", day, logfmt_value(service),
               queued);
  return {Outcome::kSent, queued};
}

}  // namespace noodbel

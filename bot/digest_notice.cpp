#include "bot/digest_notice.h"

#include <cmath>
#include <optional>
#include <utility>

namespace noodbel {
namespace {

Result<std::string> duration_text(const Templates& t, Language lang,
                                  std::optional<std::int64_t> seconds) {
  if (!seconds) return t.render(lang, "digest_no_value", {});
  const auto minutes = std::llround(static_cast<double>(*seconds) / 60.0);
  if (minutes < 60) return t.render(lang, "digest_minutes", {{"minutes", std::to_string(minutes)}});
  return t.render(lang, "digest_hours",
                  {{"hours", std::to_string(minutes / 60)},
                   {"minutes", std::to_string(minutes % 60)}});
}

}  // namespace

Result<TemplateArgs> digest_notice_args(const Digest& digest, const ScopeDigest& scope,
                                        const Templates& templates, Language lang,
                                        std::string link) {
  const CallFigures& calls = scope.day.calls;
  Result<std::string> first_yes =
      duration_text(templates, lang, calls.time_to_first_yes.median_seconds);
  if (!first_yes.ok()) return first_yes.error();
  Result<std::string> service = scope.service_name.empty()
                                    ? templates.render(lang, "digest_scope_flanders", {})
                                    : Result<std::string>(scope.service_name);
  if (!service.ok()) return service.error();
  return TemplateArgs{
      {"date", iso_date(digest.period.date)},
      {"service", std::move(service).value()},
      {"opened", std::to_string(calls.opened)},
      {"matched", std::to_string(calls.matched)},
      {"unmatched", std::to_string(calls.closed_unmatched + calls.expired)},
      {"first_yes", std::move(first_yes).value()},
      {"active", std::to_string(scope.families.active)},
      {"gaps", std::to_string(scope.coverage_gaps.size())},
      {"link", std::move(link)},
  };
}

}  // namespace noodbel

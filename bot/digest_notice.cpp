#include "bot/digest_notice.h"

#include <utility>

#include "bot/digest_render.h"

namespace noodbel {

Result<TemplateArgs> digest_notice_args(const Digest& digest, const ScopeDigest& scope,
                                        const Templates& templates, Language lang,
                                        std::string link) {
  const CallFigures& calls = scope.day.calls;
  Result<std::string> first_yes =
      render_digest_times(templates, lang, calls.time_to_first_yes, "digest_first_yes");
  if (!first_yes.ok()) return first_yes.error();
  Result<std::string> service = scope.service_name.empty()
                                    ? templates.render(lang, "digest_scope_flanders", {})
                                    : Result<std::string>(scope.service_name);
  if (!service.ok()) return service.error();
  return TemplateArgs{
      {"date", display_date(digest.period.date)},
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

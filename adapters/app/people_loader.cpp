#include "adapters/app/people_loader.h"

#include <fmt/format.h>

#include "bot/people_import.h"

namespace noodbel {
namespace {

std::vector<std::string> service_ids(const Config& c) {
  std::vector<std::string> ids;
  for (const auto& s : c.core.services) ids.push_back(s.id);
  return ids;
}

Error first_issue(const char* what, const std::vector<ImportIssue>& issues) {
  const ImportIssue& i = issues.front();
  return Error::Invalid(fmt::format("{}: line {}: column '{}': {}", what, i.line, i.column,
                                    i.message));
}

}  // namespace

Status load_people(AppContext& ctx, std::string_view caseworkers_csv,
                   std::string_view families_csv) {
  auto caseworkers = parse_caseworkers_csv(caseworkers_csv, service_ids(ctx.config));
  if (!caseworkers.ok()) return caseworkers.error();
  if (!caseworkers->issues.empty()) return first_issue("caseworkers", caseworkers->issues);
  auto families = parse_families_csv(families_csv, ctx.postcodes, service_ids(ctx.config));
  if (!families.ok()) return families.error();
  if (!families->issues.empty()) return first_issue("families", families->issues);
  return ctx.store->transaction([&](Repository& repo) -> Status {
    for (const auto& c : caseworkers->rows) repo.upsert_caseworker(c);
    for (const auto& f : families->rows) repo.upsert_family(f);
    repo.audit({ctx.clock.now(), "admin", "people.load",
                fmt::format("{} caseworkers, {} families", caseworkers->rows.size(),
                            families->rows.size())});
    return Ok();
  });
}

}  // namespace noodbel

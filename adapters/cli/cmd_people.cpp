// `noodbel migrate`, `families import|list`, `caseworkers import`.
#include <iostream>

#include <fmt/format.h>

#include "adapters/cli/cmd_common.h"
#include "adapters/cli/commands.h"
#include "bot/people_import.h"

namespace noodbel::cli {
namespace {

std::vector<std::string> service_ids(const Config& c) {
  std::vector<std::string> ids;
  for (const auto& s : c.core.services) ids.push_back(s.id);
  return ids;
}

// Prints the issues; true when the import may go on.
bool report_issues(const std::string& file, const std::vector<ImportIssue>& issues,
                   bool skip_invalid) {
  for (const auto& i : issues) {
    std::cerr << fmt::format("{}:{}: column '{}': {}\n", file, i.line, i.column, i.message);
  }
  if (issues.empty()) return true;
  if (skip_invalid) {
    std::cerr << fmt::format("{}: skipped {} invalid row(s)\n", file, issues.size());
    return true;
  }
  std::cerr << fmt::format(
      "{}: nothing imported: fix the {} problem(s) above, or use --skip-invalid to import "
      "only the valid rows\n",
      file, issues.size());
  return false;
}

// What an import stores: the plural noun it prints and the audit action it records.
struct ImportKind {
  const char* what;
  const char* action;
};

template <typename Row, typename Exists, typename Upsert>
int store_rows(AppContext& ctx, const std::vector<Row>& rows, const ImportKind& kind, Exists exists,
               Upsert upsert) {
  int added = 0;
  int updated = 0;
  const Status s = ctx.store->transaction([&](Repository& repo) -> Status {
    for (const Row& row : rows) {
      (exists(repo, row.id) ? updated : added) += 1;
      upsert(repo, row);
    }
    repo.audit({ctx.clock.now(), "admin", kind.action,
                fmt::format("{} added, {} updated", added, updated)});
    return Ok();
  });
  if (!s.ok()) {
    report(s.error());
    return kExitRefused;
  }
  std::cout << fmt::format("imported {} {}: {} new, {} updated\n", rows.size(), kind.what, added,
                           updated);
  return kExitOk;
}

// Reads `file`, parses it with `parse` (text, context, config) and stores the rows: the
// whole of `families import` and `caseworkers import`. Returns the exit code.
template <typename Parse, typename Exists, typename Upsert>
int import_file(const CommonOptions& o, const std::string& file, bool skip_invalid,
                const ImportKind& kind, Parse parse, Exists exists, Upsert upsert) {
  const auto config = config_or_report(o);
  if (!config) return kExitUsage;
  const auto ctx = context_or_report(*config);
  if (!ctx) return kExitRefused;
  const auto text = read_file(file);
  if (!text.ok()) {
    report(text.error());
    return kExitRefused;
  }
  const auto parsed = parse(*text, *ctx, *config);
  if (!parsed.ok()) {
    std::cerr << file << ": " << parsed.error().message << "\n";
    return kExitRefused;
  }
  if (!report_issues(file, parsed->issues, skip_invalid)) return kExitRefused;
  return store_rows(*ctx, parsed->rows, kind, exists, upsert);
}

std::string channels_of(const std::vector<Contact>& contacts) {
  std::string out;
  for (const auto& c : contacts) out += (out.empty() ? "" : ",") + std::string(to_string(c.channel));
  return out;
}

std::string languages_of(const std::vector<Language>& langs) {
  std::string out;
  for (auto l : langs) out += (out.empty() ? "" : ",") + std::string(to_string(l));
  return out;
}

std::string status_of(const Family& f, UnixTime now) {
  if (!f.opted_in) return "opted out";
  if (f.paused_until && *f.paused_until > now) return "paused";
  return "active";
}

}  // namespace

int cmd_migrate(const CommonOptions& o) {
  auto config = config_or_report(o);
  if (!config) return kExitUsage;
  const SystemClock clock;
  auto store = store::Store::open_unmigrated_with(config->db_path, clock, store_options(*config));
  if (!store.ok()) {
    report(store.error());
    return kExitRefused;
  }
  const Result<int> before = (*store)->schema_version();
  if (!before.ok()) {
    report(before.error());
    return kExitRefused;
  }
  const Status s = (*store)->migrate();
  if (!s.ok()) {
    report(s.error());
    return kExitRefused;
  }
  const Result<int> after = (*store)->schema_version();
  if (!after.ok()) {
    report(after.error());
    return kExitRefused;
  }
  std::cout << fmt::format("{}: schema version {} -> {}\n", config->db_path, *before, *after);
  return kExitOk;
}

int cmd_families_import(const CommonOptions& o, const std::string& file, bool skip_invalid) {
  return import_file(
      o, file, skip_invalid, {"families", "family.import"},
      [](const std::string& text, const AppContext& ctx, const Config& config) {
        return parse_families_csv(text, ctx.postcodes, service_ids(config));
      },
      [](Repository& r, const std::string& id) { return r.family(id).has_value(); },
      [](Repository& r, const Family& f) { r.upsert_family(f); });
}

int cmd_caseworkers_import(const CommonOptions& o, const std::string& file, bool skip_invalid) {
  return import_file(
      o, file, skip_invalid, {"caseworkers", "caseworker.import"},
      [](const std::string& text, const AppContext&, const Config& config) {
        return parse_caseworkers_csv(text, service_ids(config));
      },
      [](Repository& r, const std::string& id) { return r.caseworker(id).has_value(); },
      [](Repository& r, const Caseworker& c) { r.upsert_caseworker(c); });
}

int cmd_families_list(const CommonOptions& o) {
  auto config = config_or_report(o);
  if (!config) return kExitUsage;
  auto ctx = context_or_report(*config);
  if (!ctx) return kExitRefused;
  std::vector<Family> families;
  const Status s = ctx->store->transaction([&](Repository& repo) -> Status {
    families = repo.families();
    return Ok();
  });
  if (!s.ok()) {
    report(s.error());
    return kExitRefused;
  }
  const UnixTime now = ctx->clock.now();
  std::cout << fmt::format("{:<6} {:<24} {:<28} {:<5} {:>4} {:>9} {:>3} {:<8} {:<22} {}\n",
                           "id", "service", "name", "pc", "km", "age (m)", "kids", "langs",
                           "channels", "status");
  for (const auto& f : families) {
    std::cout << fmt::format("{:<6} {:<24} {:<28} {:<5} {:>4} {:>9} {:>4} {:<8} {:<22} {}\n",
                             f.id, f.service, f.display_name, f.postcode, f.max_distance_km,
                             fmt::format("{}-{}", f.min_age_months, f.max_age_months),
                             f.max_children, languages_of(f.languages),
                             channels_of(f.contacts), status_of(f, now));
  }
  std::cout << fmt::format("{} families\n", families.size());
  return kExitOk;
}

}  // namespace noodbel::cli

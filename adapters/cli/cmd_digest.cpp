#include "adapters/cli/cmd_digest.h"

#include <filesystem>
#include <iostream>
#include <map>
#include <system_error>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/cli/cmd_common.h"
#include "adapters/web/web_page.h"
#include "bot/digest.h"
#include "bot/digest_render.h"

namespace noodbel::cli {
namespace {

// The options checked before anything is opened, so bad input touches nothing.
struct DigestRequest {
  std::optional<LocalDate> date;
  std::optional<std::string> service;
  std::string format;
};

Result<DigestRequest> check_options(const Config& config, const DigestCliOptions& d) {
  DigestRequest r;
  if (d.format != "text" && d.format != "html" && d.format != "json") {
    return Error::Invalid(fmt::format(
        "--format {} is not a digest format: use text, html or json", d.format));
  }
  r.format = d.format;
  if (d.date) {
    Result<LocalDate> date = parse_digest_date(*d.date);
    if (!date.ok()) return Error::Invalid("--date: " + date.error().message);
    r.date = *date;
  }
  if (d.service) {
    Result<std::string> id = resolve_service(config.core.services, *d.service);
    if (!id.ok()) return Error::Invalid("--service: " + id.error().message);
    r.service = *id;
  }
  return r;
}

// A digest only reads: it never creates a database where there is none.
Status database_exists(const std::string& path) {
  if (path.empty() || path == ":memory:" || path.rfind("file:", 0) == 0) return Ok();
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return Ok();
  return Error::NotFound(fmt::format(
      "no database at {}: check --db or the database path in the config, or create it with "
      "`noodbel migrate`",
      path));
}

// Area names from config/postcode-areas.csv; without the file, areas are named after the
// first place of their lowest postcode.
Result<std::map<std::string, std::string>> area_names(const Config& config) {
  const std::string path = config.data_dir + "/config/postcode-areas.csv";
  Result<std::string> text = read_file(path);
  if (!text.ok()) {
    spdlog::warn("digest: {} not found; coverage areas are named after their lowest postcode",
                 path);
    return std::map<std::string, std::string>{};
  }
  auto names = parse_area_names(*text);
  if (!names.ok()) return Error::Invalid(path + ": " + names.error().message);
  return names;
}

Result<std::string> render(const AppContext& ctx, const Digest& digest, const std::string& format) {
  const Language lang = ctx.config.core.default_language;
  if (format == "json") return render_digest_json(digest);
  if (format == "text") return render_digest_text(digest, ctx.templates, lang);
  Result<std::string> page = load_web_page(ctx.config.data_dir, "digest.html");
  if (!page.ok()) return page.error();
  return render_digest_html(digest, ctx.templates, lang, *page);
}

}  // namespace

int cmd_digest(const CommonOptions& o, const DigestCliOptions& d) {
  auto config = config_or_report(o);
  if (!config) return kExitUsage;
  const Result<DigestRequest> request = check_options(*config, d);
  if (!request.ok()) {
    report(request.error());
    return kExitUsage;
  }
  auto names = area_names(*config);
  if (!names.ok()) {
    report(names.error());
    return kExitUsage;
  }
  if (const Status exists = database_exists(config->db_path); !exists.ok()) {
    report(exists.error());
    return kExitRefused;
  }
  auto ctx = context_or_report(*config);
  if (!ctx) return kExitRefused;

  const LocalDate date = request->date.value_or(local_date_of(ctx->clock.now()));
  const DigestPeriod period = digest_period(date, config->digest.minute_of_day);
  const Result<DigestData> data = ctx->store->digest_data(period.range.start, period.range.end);
  if (!data.ok()) {
    report(data.error());
    return kExitRefused;
  }
  DigestSettings settings;
  settings.coverage_min_families = config->digest.coverage_min_families;
  settings.services = config->core.services;
  settings.only_service = request->service;
  settings.area_names = std::move(names).value();
  const Digest digest = build_digest(*data, period, settings, ctx->postcodes);
  const Result<std::string> out = render(*ctx, digest, request->format);
  if (!out.ok()) {
    report(out.error());
    return kExitRefused;
  }
  std::cout << *out;
  if (!out->empty() && out->back() != '\n') std::cout << '\n';
  return kExitOk;
}

}  // namespace noodbel::cli

#include "adapters/cli/cmd_link.h"

#include <charconv>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "adapters/cli/cmd_common.h"
#include "adapters/cli/cmd_link_board.h"
#include "adapters/web/signed_links.h"
#include "bot/digest.h"

namespace noodbel::cli {
namespace {

Result<UnixTime> parse_unix(const std::string& text) {
  UnixTime value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0) {
    return Error::Invalid(fmt::format(
        "--at {} is not a Unix time: give whole seconds since 1970, e.g. --at 1795415400", text));
  }
  return value;
}

// A link signed with a per-start random key would be refused by the running service.
Status check_secret(const Config& config) {
  if (!config.web.secret.empty()) return Ok();
  return Error::Invalid(
      "no [web] secret is configured, so the running service signs links with a random key "
      "and would refuse this one: set secret in [web] of the config (or NOODBEL_WEB_SECRET)");
}

}  // namespace

int cmd_link_digest(const CommonOptions& o, const LinkDigestOptions& d) {
  auto config = config_or_report(o);
  if (!config) return kExitUsage;
  const Result<LocalDate> date = parse_digest_date(d.date);
  if (!date.ok()) {
    report(Error::Invalid("DATE: " + date.error().message));
    return kExitUsage;
  }
  std::string service;
  if (d.service) {
    const Result<std::string> id = resolve_service(config->core.services, *d.service);
    if (!id.ok()) {
      report(Error::Invalid("--service: " + id.error().message));
      return kExitUsage;
    }
    service = *id;
  }
  UnixTime at = SystemClock().now();
  if (d.at) {
    const Result<UnixTime> parsed = parse_unix(*d.at);
    if (!parsed.ok()) {
      report(parsed.error());
      return kExitUsage;
    }
    at = *parsed;
  }
  if (const Status s = check_secret(*config); !s.ok()) {
    report(s.error());
    return kExitUsage;
  }
  std::cout << SignedLinks::from_config(config->web, config->http)
                   .digest_url(iso_date(*date), service, at)
            << '\n';
  return kExitOk;
}

void add_link_commands(CLI::App& app, CommonOptions& common, int& code) {
  auto* link = app.add_subcommand("link", "Print signed web links (board, digest)");
  link->require_subcommand(1);
  add_link_board_command(*link, common, code);
  auto options = std::make_shared<LinkDigestOptions>();
  auto* digest = link->add_subcommand(
      "digest", "A signed link to the HTML digest of DATE, valid [web] digest_link_days");
  digest->add_option("--config", common.config,
                     "Configuration file (default: $NOODBEL_CONFIG, else built-in defaults)");
  digest->add_option("date", options->date, "YYYY-MM-DD")->required();
  digest->add_option("--service", options->service,
                     "A service id or name (default: Flanders-wide, every service)");
  digest->add_option("--at", options->at, "Unix time the link is made at (default: now)");
  digest->callback([&common, &code, options] { code = cmd_link_digest(common, *options); });
}

}  // namespace noodbel::cli

#include "adapters/cli/cmd_link_board.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "adapters/cli/cmd_common.h"
#include "adapters/web/signed_links.h"
#include "store/store.h"

namespace noodbel::cli {
namespace {

bool plain_word(std::string_view s) {
  return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
  });
}

Status check(const Config& config, const LinkBoardOptions& b, UnixTime* at) {
  if (!plain_word(b.code)) {
    return Error::Invalid(fmt::format(
        "CODE '{}' is not a call code: give the code /crisis printed, e.g. K42", b.code));
  }
  if (!plain_word(b.caseworker)) {
    return Error::Invalid(fmt::format(
        "--caseworker '{}' is not a caseworker id: give the id from the caseworkers CSV, e.g. C001",
        b.caseworker));
  }
  if (b.at) {
    const auto& text = *b.at;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *at);
    if (ec != std::errc() || end != text.data() + text.size() || *at < 0) {
      return Error::Invalid(fmt::format(
          "--at {} is not a Unix time: give whole seconds since 1970, e.g. --at 1795415400", text));
    }
  }
  if (config.web.secret.empty()) {
    return Error::Invalid(
        "no [web] secret is configured, so the running service signs links with a random key "
        "and would refuse this one: set secret in [web] of the config (or NOODBEL_WEB_SECRET)");
  }
  return Ok();
}

// The call the code leads to now (the link is bound to it), or nothing after the error.
std::optional<Call> call_or_report(const Config& config, const std::string& code) {
  SystemClock clock;
  const auto store = store_or_report(config, clock);
  if (!store) return std::nullopt;
  std::optional<Call> call;
  const Status read = store->transaction([&](Repository& repo) -> Status {
    call = repo.call_by_code(code);
    return Ok();
  });
  if (!read.ok()) {
    report(read.error());
    return std::nullopt;
  }
  if (!call) {
    report(Error::NotFound(fmt::format(
        "no call {} in the database {}: give the code /crisis printed, and the --config of the "
        "running service",
        code, config.db_path)));
  }
  return call;
}

}  // namespace

int cmd_link_board(const CommonOptions& o, const LinkBoardOptions& b) {
  auto config = config_or_report(o);
  if (!config) return kExitUsage;
  UnixTime at = SystemClock().now();
  if (const Status s = check(*config, b, &at); !s.ok()) {
    report(s.error());
    return kExitUsage;
  }
  const std::optional<Call> call = call_or_report(*config, b.code);
  if (!call) return kExitRefused;
  std::cout
      << SignedLinks::from_config(config->web, config->http).board_url(*call, b.caseworker, at)
      << '\n';
  return kExitOk;
}

void add_link_board_command(CLI::App& link, CommonOptions& common, int& code) {
  auto options = std::make_shared<LinkBoardOptions>();
  auto* board = link.add_subcommand(
      "board", "A signed link to the live web board of call CODE, valid [web] board_link_hours");
  board->add_option("--config", common.config,
                    "Configuration file (default: $NOODBEL_CONFIG, else built-in defaults)");
  board->add_option("code", options->code, "The call code, e.g. K42")->required();
  board->add_option("--caseworker", options->caseworker,
                    "The caseworker id the link is for, e.g. C001")->required();
  board->add_option("--at", options->at, "Unix time the link is made at (default: now)");
  board->callback([&common, &code, options] { code = cmd_link_board(common, *options); });
}

}  // namespace noodbel::cli

#include "adapters/cli/cmd_link_family.h"

#include <iostream>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/cli/cmd_common.h"
#include "adapters/crypto/openssl_hasher.h"
#include "adapters/crypto/openssl_random.h"
#include "bot/clock.h"
#include "bot/linking.h"
#include "bot/local_time.h"
#include "bot/text/logfmt_value.h"
#include "store/store.h"

namespace noodbel::cli {

int cmd_families_link(const CommonOptions& o, const std::string& family_id) {
  const auto config = config_or_report(o);
  if (!config) return kExitUsage;
  SystemClock clock;
  const auto store = store_or_report(*config, clock);
  if (!store) return kExitRefused;
  const Result<std::string> code = random_link_code(OpenSslRandom());
  if (!code.ok()) {
    report(code.error());
    return kExitRefused;
  }
  std::optional<IssuedLinkCode> issued;
  const Status s = store->transaction([&](Repository& repo) -> Status {
    Result<IssuedLinkCode> r =
        issue_link_code(repo, OpenSslHasher(), family_id, "admin", *code, clock.now());
    if (!r.ok()) return r.error();
    issued = std::move(r).value();
    return Ok();
  });
  if (!s.ok()) {
    report(s.error());
    return kExitRefused;
  }
  spdlog::info("event=family.link_code family={} expires={}", logfmt_value(issued->family_id),
               issued->expires_at);
  const std::string link = telegram_deep_link(config->core.telegram_bot_username, issued->code);
  std::cout << fmt::format("family {}: link code {} (single use, valid until {} Brussels time)\n",
                           issued->family_id, issued->code,
                           format_local(issued->expires_at, "datetime"));
  if (link.empty()) {
    std::cout << fmt::format(
        "send it to the family: they send \"/start {}\" to the Noodbel bot in Telegram "
        "(set telegram.bot_username in the configuration to print a t.me link)\n",
        issued->code);
  } else {
    std::cout << fmt::format("deep link: {}\n", link);
  }
  std::cout << "older unused codes of this family no longer work\n";
  return kExitOk;
}

}  // namespace noodbel::cli

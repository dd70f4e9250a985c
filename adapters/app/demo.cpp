// `noodbel demo`: one scripted crisis call through the real code path — sandbox channel,
// inbound pipeline, engine, store, outbox and dispatcher — printing what everyone sees
// and, at the end, the ranked board.
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "adapters/app/inbound_pipeline.h"
#include "adapters/app/people_loader.h"
#include "adapters/cli/cmd_common.h"
#include "adapters/cli/commands.h"
#include "adapters/dispatch/dispatcher.h"
#include "adapters/sandbox/sandbox_channel.h"
#include "bot/engine.h"

namespace noodbel::cli {
namespace {

constexpr const char* kCaseworker = "C001";
constexpr const char* kCrisis =
    "/crisis leeftijd=4 postcode=9000 taal=nl duur=3d "
    "Meisje van 4, rustig, slaapt graag met een nachtlampje";

class DemoRun {
 public:
  DemoRun(AppContext& ctx, bool quiet)
      : ctx_(ctx),
        quiet_(quiet),
        engine_(ctx.config.core, ctx.postcodes, ctx.templates, {ctx.clock, ctx.random, ctx.hasher},
                ctx.guard),
        dispatcher_(*ctx.store, ctx.clock, DispatcherOptions{}),
        pipeline_(*ctx.store, engine_, {}) {
    auto channel = std::make_unique<SandboxChannel>(ctx.clock);
    sandbox_ = channel.get();
    dispatcher_.add_channel(std::move(channel));
  }

  // Sends `text` as `from` and returns what the bot sent to `from` in response.
  Result<std::string> say(const std::string& from, const std::string& text) {
    if (!quiet_) std::cout << fmt::format("\n{} > {}\n", from, text);
    InboundMessage m{Channel::kSandbox, from, fmt::format("demo-{}", ++sequence_), text,
                     ctx_.clock.now(), std::nullopt};
    auto outcome = pipeline_.deliver(m);
    if (!outcome.ok()) return outcome.error();
    while (dispatcher_.run_once(Channel::kSandbox) > 0) {
    }
    std::string answer;
    for (const auto& msg : sandbox_->messages_since(seen_)) {
      seen_ = std::max(seen_, msg.seq);
      if (msg.direction != "out") continue;
      if (!quiet_) std::cout << fmt::format("  bot > {}: {}\n", msg.person_id, indent(msg.text));
      if (msg.person_id == from) answer += msg.text;
    }
    return answer;
  }

  std::optional<Call> newest_call() {
    std::optional<Call> call;
    (void)ctx_.store->transaction([&](Repository& repo) -> Status {
      auto open = repo.open_calls();
      if (!open.empty()) call = open.back();
      return Ok();
    });
    return call;
  }

  std::vector<Recipient> recipients(std::int64_t call_id) {
    std::vector<Recipient> out;
    (void)ctx_.store->transaction([&](Repository& repo) -> Status {
      out = repo.recipients(call_id);
      return Ok();
    });
    return out;
  }

 private:
  static std::string indent(const std::string& text) {
    std::string out;
    for (char c : text) out += c == '\n' ? std::string("\n        ") : std::string(1, c);
    return out;
  }

  AppContext& ctx_;
  bool quiet_;
  Engine engine_;
  Dispatcher dispatcher_;
  SandboxChannel* sandbox_ = nullptr;
  InboundPipeline pipeline_;
  int sequence_ = 0;
  std::int64_t seen_ = 0;
};

int run_scenario(AppContext& ctx, bool quiet) {
  DemoRun demo(ctx, quiet);
  auto opened = demo.say(kCaseworker, kCrisis);
  if (!opened.ok()) return report(opened.error()), kExitRefused;
  const auto call = demo.newest_call();
  if (!call) {
    std::cerr << "noodbel: demo: the crisis call was not opened: " << *opened << "\n";
    return kExitRefused;
  }
  const auto recipients = demo.recipients(call->id);
  if (recipients.size() < 3) {
    std::cerr << "noodbel: demo: fewer than three families were reached\n";
    return kExitRefused;
  }
  // The third-nearest family says yes first, the nearest names the code, one says no.
  const std::vector<std::pair<std::string, std::string>> answers{
      {recipients[2].family_id, "ja hoor"},
      {recipients[0].family_id, "ja " + call->code},
      {recipients[1].family_id, "nee sorry"},
  };
  for (const auto& [family, text] : answers) {
    if (auto r = demo.say(family, text); !r.ok()) return report(r.error()), kExitRefused;
  }
  auto board = demo.say(kCaseworker, "/bord " + call->code);
  if (!board.ok()) return report(board.error()), kExitRefused;
  std::cout << (quiet ? "" : "\n--- board ---\n") << *board << "\n";
  return kExitOk;
}

}  // namespace

int cmd_demo(const CommonOptions& o, bool quiet) {
  auto config = config_or_report(o);
  if (!config) return kExitUsage;
  std::string temp_dir;
  if (!o.db) {
    temp_dir = (std::filesystem::temp_directory_path() /
                fmt::format("noodbel-demo-{}", ::getpid())).string();
    std::filesystem::remove_all(temp_dir);
    config->db_path = temp_dir + "/demo.db";
  }
  config->core.sandbox.enabled = true;
  int code = kExitRefused;
  {
    auto ctx = context_or_report(*config);
    if (!ctx) return kExitRefused;
    auto caseworkers = read_file(config->data_dir + "/config/demo-caseworkers.csv");
    auto families = read_file(config->data_dir + "/config/demo-families.csv");
    if (!caseworkers.ok()) return report(caseworkers.error()), kExitRefused;
    if (!families.ok()) return report(families.error()), kExitRefused;
    if (Status s = load_people(*ctx, *caseworkers, *families); !s.ok()) {
      return report(s.error()), kExitRefused;
    }
    if (!quiet) std::cout << "Noodbel demo, database " << config->db_path << "\n";
    code = run_scenario(*ctx, quiet);
  }
  if (!temp_dir.empty()) std::filesystem::remove_all(temp_dir);
  return code;
}

}  // namespace noodbel::cli

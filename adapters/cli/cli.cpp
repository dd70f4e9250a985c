#include "adapters/cli/cli.h"

#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "adapters/cli/cmd_backup.h"
#include "adapters/cli/cmd_common.h"
#include "adapters/cli/cmd_digest.h"
#include "adapters/cli/cmd_forget.h"
#include "adapters/cli/cmd_link.h"
#include "adapters/cli/cmd_link_family.h"
#include "adapters/cli/cmd_purge.h"
#include "adapters/cli/commands.h"
#include "adapters/data/time_zone_loader.h"

namespace noodbel::cli {
namespace {

void add_common(CLI::App* app, CommonOptions& o) {
  app->add_option("--config", o.config,
                  "Configuration file (default: $NOODBEL_CONFIG, else built-in defaults)");
  app->add_option("--db", o.db, "SQLite database path (overrides the configuration)");
}

// Each add_*_commands adds its subcommands in the order `noodbel --help` lists them. Option
// values live in a shared struct that the callbacks (owned by the App) keep alive.

// serve, migrate: running the service.
void add_service_commands(CLI::App& app, CommonOptions& common, int& code) {
  auto* serve = app.add_subcommand("serve", "Run the service (HTTP server, dispatcher, scheduler)");
  add_common(serve, common);
  serve->callback([&] { code = cmd_serve(common); });

  auto* migrate = app.add_subcommand("migrate", "Apply pending database migrations");
  add_common(migrate, common);
  migrate->callback([&] { code = cmd_migrate(common); });
}

struct PeopleOptions {
  std::string file;
  bool skip_invalid = false;
  std::string family_id;
};

// families import|list|forget|link, caseworkers import.
void add_people_commands(CLI::App& app, CommonOptions& common, int& code) {
  auto o = std::make_shared<PeopleOptions>();
  auto* families = app.add_subcommand("families", "Manage crisis foster families");
  families->require_subcommand(1);
  auto* fimport = families->add_subcommand("import", "Import or update families from a CSV file");
  add_common(fimport, common);
  fimport->add_option("file", o->file, "CSV file (see config/demo-families.csv)")->required();
  fimport->add_flag("--skip-invalid", o->skip_invalid, "Import the valid rows, report the others");
  fimport->callback([&, o] { code = cmd_families_import(common, o->file, o->skip_invalid); });
  auto* flist = families->add_subcommand("list", "Print the registered families as a table");
  add_common(flist, common);
  flist->callback([&] { code = cmd_families_list(common); });
  auto* fforget = families->add_subcommand(
      "forget", "Erase a family's personal data (GDPR); anonymous counts are kept");
  add_common(fforget, common);
  fforget->add_option("id", o->family_id, "The family id (see `noodbel families list`)")
      ->required();
  fforget->callback([&, o] { code = cmd_families_forget(common, o->family_id); });
  auto* flink = families->add_subcommand(
      "link", "Print a one-time code (valid 7 days) that links a family's Telegram chat");
  add_common(flink, common);
  flink->add_option("id", o->family_id, "The family id (see `noodbel families list`)")->required();
  flink->callback([&, o] { code = cmd_families_link(common, o->family_id); });

  auto* caseworkers = app.add_subcommand("caseworkers", "Manage caseworkers and supervisors");
  caseworkers->require_subcommand(1);
  auto* cimport = caseworkers->add_subcommand("import", "Import or update caseworkers from CSV");
  add_common(cimport, common);
  cimport->add_option("file", o->file, "CSV file (see config/demo-caseworkers.csv)")->required();
  cimport->add_flag("--skip-invalid", o->skip_invalid, "Import the valid rows, report the others");
  cimport->callback([&, o] { code = cmd_caseworkers_import(common, o->file, o->skip_invalid); });
}

struct TryOptions {
  bool quiet = false;
  std::string lang = "nl";
  std::optional<std::string> today;
  std::optional<std::string> now;
};

// demo, parse-reply, check-note: the real code paths tried from the command line.
void add_try_commands(CLI::App& app, CommonOptions& common, int& code) {
  auto o = std::make_shared<TryOptions>();
  auto* demo = app.add_subcommand(
      "demo", "Run a scripted crisis call through the real code path and print the board");
  add_common(demo, common);
  demo->add_flag("--quiet", o->quiet, "Print only the board");
  demo->callback([&, o] { code = cmd_demo(common, o->quiet); });

  auto* parse_reply = app.add_subcommand(
      "parse-reply", "Parse family messages: one per stdin line, one JSON object per line");
  parse_reply->add_option("--lang", o->lang, "Language hint: nl, fr or en")
      ->check(CLI::IsMember({"nl", "fr", "en"}));
  parse_reply->add_option("--today", o->today, "Today's date for relative dates (YYYY-MM-DD)");
  parse_reply->add_option("--now", o->now,
                          "The moment for relative dates and times (\"YYYY-MM-DD HH:MM\")");
  add_common(parse_reply, common);
  parse_reply->callback([&code, &common, o] {
    auto config = config_or_report(common);
    code = config ? cmd_parse_reply(config->data_dir, o->lang, o->today, o->now) : kExitUsage;
  });

  auto* check_note = app.add_subcommand(
      "check-note", "Check a call note on stdin for personal data; JSON findings on stdout");
  add_common(check_note, common);
  check_note->callback([&] {
    auto config = config_or_report(common);
    code = config ? cmd_check_note(config->data_dir) : kExitUsage;
  });
}

struct DataOptions {
  std::string backup_path;
  bool dry_run = false;
  DigestCliOptions digest;
};

// backup, restore, purge, digest: the data in the database.
void add_data_commands(CLI::App& app, CommonOptions& common, int& code) {
  auto o = std::make_shared<DataOptions>();
  auto* backup = app.add_subcommand(
      "backup", "Copy the database to PATH (online backup: works while `serve` runs), checked");
  add_common(backup, common);
  backup->add_option("path", o->backup_path, "The backup file to write (replaced atomically)")
      ->required();
  backup->callback([&, o] { code = cmd_backup(common, o->backup_path); });
  auto* restore = app.add_subcommand(
      "restore", "Check the backup at PATH and copy it into the database (service stopped)");
  add_common(restore, common);
  restore->add_option("path", o->backup_path, "A file written by `noodbel backup`")->required();
  restore->callback([&, o] { code = cmd_restore(common, o->backup_path); });

  auto* purge = app.add_subcommand(
      "purge", "Erase notes and message texts older than [retention] days (counts are kept)");
  add_common(purge, common);
  purge->add_flag("--dry-run", o->dry_run, "Only count what would be erased");
  purge->callback([&, o] { code = cmd_purge(common, o->dry_run); });

  auto* digest = app.add_subcommand(
      "digest", "The supervisors' digest of the 24 hours before the digest time on a date");
  add_common(digest, common);
  digest->add_option("--date", o->digest.date, "YYYY-MM-DD (default: today, Brussels time)");
  digest->add_option("--service", o->digest.service, "A service id or name (default: all)");
  digest->add_option("--format", o->digest.format, "text, html or json (default: text)");
  digest->callback([&, o] { code = cmd_digest(common, o->digest); });
}

// Parses and runs the chosen command: its exit code, or CLI11's for help, version and
// usage errors.
int parse_and_run(CLI::App& app, int argc, char** argv, const int& code) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  return code;
}

}  // namespace

int run(int argc, char** argv) {
  // Before anything else (and before any thread starts): bot/ reads local time from it.
  if (const Status zone = install_local_zone_from_tzdb(); !zone.ok()) {
    report(zone.error());
    return kExitUsage;
  }
  CLI::App app{"noodbel: the crisis foster-care bot of the Flemish pleegzorg services"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(NOODBEL_VERSION));
  CommonOptions common;
  int code = kExitOk;
  add_service_commands(app, common, code);
  add_people_commands(app, common, code);
  add_try_commands(app, common, code);
  add_data_commands(app, common, code);
  add_link_commands(app, common, code);
  return parse_and_run(app, argc, argv, code);
}

}  // namespace noodbel::cli

// Internals of the caseworker commands (bot/commands*.cpp only): the request being
// handled, argument helpers and the per-command handlers. Stateless; one unit of work.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "bot/commands.h"
#include "bot/outbound.h"

namespace noodbel::command {

// The first word and the trimmed rest.
std::pair<std::string_view, std::string_view> split_first(std::string_view s);
// The service's display name, or its id when it is not configured.
std::string service_name(const CoreConfig& config, std::string_view id);
// "18:30" on the local day of `now`, else "24/11 18:30".
std::string time_or_datetime(UnixTime t, UnixTime now);

// One caseworker command being handled.
struct Request {
  const Caseworker& cw;
  const InboundMessage& message;
  const Outbox& out;
  const ParsedCommand& command;

  Addressee to() const { return addressee_of(cw); }
  Language lang() const { return cw.language; }
  Repository& repo() const { return out.repo(); }
  UnixTime now() const { return out.now(); }
  void reply(std::string_view name, const TemplateArgs& args = {}) const;
  void reply_text(std::string text) const;
  void audit(std::string_view action, std::string detail) const;
  // Audits "command.rejected" (command and error template) and replies with the error.
  void reject(std::string_view error_template, const TemplateArgs& args) const;
  // A rendered text piece ("usage_board" -> "/bord K42"); "" after auditing an error.
  std::string text(std::string_view name, const TemplateArgs& args = {}) const;
  // Replies with a template about `call` (call_args plus `extra`).
  void reply_about(const Call& call, std::string_view name, TemplateArgs extra = {}) const;
};

struct Target {
  Call call;
  std::string_view rest;  // the arguments after the code
};

// The call named by the first argument, or nothing after a clear error reply.
std::optional<Target> find_call(const Request& req, std::string_view usage);
// True when the caseworker's service owns the open call; else replies why not.
bool may_change(const Request& req, const Call& call);

// The handlers.
void open_call(const Request& req, const CommandEnv& env);          // commands_crisis.cpp
void show_board(const Request& req, const Links* links);             // commands_calls.cpp
void list_calls(const Request& req);                                 // commands_calls.cpp
void end_by_caseworker(const Request& req, CallState state);         // commands_calls.cpp
void pick(const Request& req);                                       // commands_pick.cpp
void confirm(const Request& req);                                    // commands_pick.cpp
void next_family(const Request& req);                                // commands_pick.cpp
void send_wave_now(const Request& req);                              // commands_waves.cpp
void make_urgent(const Request& req);                                // commands_waves.cpp
void extend(const Request& req);                                     // commands_waves.cpp
void show_family(const Request& req, const Postcodes& postcodes);    // commands_family.cpp
void count_families(const Request& req, const Postcodes& postcodes);  // commands_family.cpp
void link_family(const Request& req, const CommandEnv& env);         // linking.cpp

}  // namespace noodbel::command

#include "bot/commands_support.h"

#include <algorithm>

#include "bot/local_time.h"
#include "bot/reply/parsed_reply.h"
#include "bot/text/ascii.h"

namespace noodbel::command {

std::pair<std::string_view, std::string_view> split_first(std::string_view s) {
  s = trim(s);
  const auto end = std::find_if(s.begin(), s.end(), [](char c) { return is_space(c); });
  const auto n = static_cast<std::size_t>(end - s.begin());
  return {s.substr(0, n), trim(s.substr(n))};
}

std::string service_name(const CoreConfig& config, std::string_view id) {
  const ServiceConfig* s = find_service(config, id);
  return s ? s->name : std::string(id);
}

std::string time_or_datetime(UnixTime t, UnixTime now) {
  return format_local(t, "date") == format_local(now, "date") ? format_local(t, "time")
                                                              : format_local(t, "datetime");
}

void Request::reply(std::string_view name, const TemplateArgs& args) const {
  out.reply(to(), message, name, args);
}

void Request::reply_text(std::string text) const {
  out.reply_text(to(), message, std::move(text));
}

void Request::audit(std::string_view action, std::string detail) const {
  repo().audit({out.now(), cw.id, std::string(action), std::move(detail)});
}

void Request::reject(std::string_view error_template, const TemplateArgs& args) const {
  audit("command.rejected", "command=" + command.word + " error=" + std::string(error_template));
  reply(error_template, args);
}

std::string Request::text(std::string_view name, const TemplateArgs& args) const {
  Result<std::string> r = out.render(lang(), name, args);
  if (!r) {
    out.skipped(to(), name, r.error());
    return "";
  }
  return *r;
}

void Request::reply_about(const Call& call, std::string_view name, TemplateArgs extra) const {
  Result<TemplateArgs> args = call_args(out.templates(), lang(), call, out.now());
  if (!args) {
    out.skipped(to(), name, args.error());
    return;
  }
  args->insert(args->end(), extra.begin(), extra.end());
  reply(name, *args);
}

std::optional<Target> find_call(const Request& req, std::string_view usage) {
  const auto [first, rest] = split_first(req.command.args);
  const TemplateArgs example{{"command", "/" + req.command.word}, {"example", req.text(usage)}};
  if (first.empty()) {
    req.reject("err_missing_code", example);
    return std::nullopt;
  }
  const std::string code = upper_ascii(first);
  if (!is_call_code(code)) {
    TemplateArgs args = example;
    args.emplace_back("value", std::string(first));
    req.reject("err_bad_code", args);
    return std::nullopt;
  }
  std::optional<Call> call = req.repo().call_by_code(code);
  if (!call) {
    req.reject("err_unknown_call", {{"code", code}});
    return std::nullopt;
  }
  return Target{*call, rest};
}

bool may_change(const Request& req, const Call& call) {
  if (call.service != req.cw.service) {
    req.reject("err_not_your_service",
               {{"code", call.code}, {"service", service_name(req.out.config(), call.service)}});
    return false;
  }
  if (call.state != CallState::kOpen) {
    req.reject("err_call_not_open",
               {{"code", call.code},
                {"state", req.text("state_" + std::string(to_string(call.state)))}});
    return false;
  }
  return true;
}

}  // namespace noodbel::command

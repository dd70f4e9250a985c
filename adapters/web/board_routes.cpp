#include "adapters/web/board_routes.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/http/security_headers.h"
#include "adapters/http/server.h"
#include "bot/board_html.h"
#include "bot/html_escape.h"
#include "bot/local_time.h"
#include "bot/text/logfmt_value.h"

namespace noodbel {
namespace {

constexpr std::string_view kRejections = "noodbel_web_link_rejections_total";

std::string text_of(const Templates& t, Language lang, std::string_view name,
                    const TemplateArgs& args = {}) {
  Result<std::string> r = t.render(lang, name, args);
  if (!r) {
    spdlog::error("event=board.template_failed template={} error={}", name,
                  logfmt_value(r.error().message));
    return {};
  }
  return *r;
}

struct PageParts {
  std::string title;
  std::string body;  // HTML
  std::string code;
  std::string events_url;  // "" : no live updates
};

HttpResponse page(const BoardDeps& d, Language lang, int status, const PageParts& p,
                  UnixTime now) {
  const Templates& t = d.templates;
  const auto e = [&](std::string_view name, const TemplateArgs& args = {}) {
    return html_escape(text_of(t, lang, name, args));
  };
  Result<std::string> html = fill_page(
      d.page_html,
      {{"lang", std::string(to_string(lang))},
       {"title", html_escape(p.title)},
       {"heading", html_escape(p.title)},
       {"body", p.body},
       {"events_url", html_escape(p.events_url)},
       {"updated", p.events_url.empty() ? "" : e("web_board_updated", {{"time", format_local(now, "time")}})},
       {"updated_template", e("web_board_updated", {{"time", "{time}"}})},
       {"live", e("web_board_live")},
       {"offline", e("web_board_offline")},
       {"expired", e("web_link_expired", {{"code", p.code}})},
       {"noscript", p.events_url.empty() ? "" : e("web_board_noscript")}});
  if (!html) {
    spdlog::error("event=board.page_failed error={}", logfmt_value(html.error().message));
    return HttpResponse::error_json(500, "the board page template is broken; it has been logged");
  }
  HttpResponse r = HttpResponse::html(status, std::move(html).value());
  r.with_header("Cache-Control", "no-store");
  return with_page_policy(r, PagePolicy::kLive);
}

HttpResponse message_page(const BoardDeps& d, Language lang, int status, std::string_view title,
                          std::string_view text, const std::string& code, UnixTime now) {
  const std::string body = fmt::format(
      "<section class=\"refused\"><p>{}</p></section>",
      html_escape(text_of(d.templates, lang, text, {{"code", code}})));
  return page(d, lang, status, {text_of(d.templates, lang, title), body, code, ""}, now);
}

// The token checked against `call`, the call the code leads to now (the latest call with
// that code): a link made for an earlier call with the same code does not match it.
BoardAccess check_token(const BoardDeps& d, const HttpRequest& r, const std::optional<Call>& call,
                        UnixTime now) {
  BoardAccess access;
  access.check = LinkCheck::kUnknownCall;
  if (call) access = d.links.check_board(*call, r.query_param("t").value_or(""), now);
  return access;
}

// A refusal is counted by reason and logged.
void count_refusal(const BoardDeps& d, const HttpRequest& r, const std::string& code,
                   const BoardAccess& access) {
  if (access.check == LinkCheck::kValid) return;
  d.metrics.inc(kRejections, {{"reason", std::string(to_string(access.check))}});
  spdlog::info("event=board.link_refused code={} reason={} remote={}", logfmt_value(code),
               to_string(access.check), logfmt_value(r.remote_address));
}

HttpResponse refused(const BoardDeps& d, const BoardAccess& a, const std::string& code,
                     UnixTime now) {
  const bool expired = a.check == LinkCheck::kExpired;
  return message_page(d, d.config.default_language, 403,
                      expired ? "web_link_expired_title" : "web_link_invalid_title",
                      expired ? "web_link_expired" : "web_link_invalid", code, now);
}

struct Loaded {
  std::optional<BoardView> view;  // empty: the call is gone, or the code leads to another call
  Language lang = Language::kNl;
};

// The board of `call` for the caseworker of a valid `access` to it, in their language.
Loaded load_in(const BoardDeps& d, Repository& repo, const Call& call, const BoardAccess& access,
               UnixTime now) {
  Loaded out;
  out.lang = d.config.default_language;
  const std::optional<Caseworker> cw = repo.caseworker(access.caseworker_id);
  if (cw) out.lang = cw->language;
  // Contact details only for the call's own service (the link names the caseworker).
  const bool own_service = cw && cw->service == call.service;
  out.view = load_board_view(repo, call, d.config.board, now, own_service);
  return out;
}

HttpResponse unavailable() {
  return HttpResponse::error_json(503, "the database is unavailable; try again shortly");
}

HttpResponse show(const BoardDeps& d, const HttpRequest& r, const PathParams& params) {
  const std::string code = params.at("code");
  const UnixTime now = d.clock.now();
  BoardAccess access;
  Loaded loaded;
  const Status read = d.run([&](Repository& repo) -> Status {
    const std::optional<Call> call = repo.call_by_code(code);
    access = check_token(d, r, call, now);
    if (access.check == LinkCheck::kValid) loaded = load_in(d, repo, *call, access, now);
    return Ok();
  });
  if (!read.ok()) return unavailable();
  count_refusal(d, r, code, access);
  if (access.check != LinkCheck::kValid) return refused(d, access, code, now);
  Result<std::string> fragment = render_board_fragment(*loaded.view, d.templates, loaded.lang, now);
  if (!fragment) {
    spdlog::error("event=board.render_failed code={} error={}", logfmt_value(code),
                  logfmt_value(fragment.error().message));
    return HttpResponse::error_json(500, "the board could not be rendered; it has been logged");
  }
  const std::string events = fmt::format("/board/{}/events?t={}", code,
                                         r.query_param("t").value_or(""));
  spdlog::info("event=board.viewed code={} caseworker={}", logfmt_value(code),
               logfmt_value(access.caseworker_id));
  return page(d, loaded.lang, 200,
              {text_of(d.templates, loaded.lang, "web_board_title", {{"code", code}}),
               std::move(fragment).value(), code, events},
              now);
}

// One open event stream: re-renders on every notify, pushes when the board changed.
struct LiveBoard {
  std::shared_ptr<const BoardDeps> deps;
  std::string code;
  BoardAccess access;
  std::shared_ptr<EventSink> sink;
  std::string last;  // the fragment pushed last

  bool refresh() {
    if (!sink->is_open()) return false;
    const BoardDeps& d = *deps;
    const UnixTime now = d.clock.now();
    if (now >= access.expires_at) {
      sink->push(event_frame("expired", "{}"));
      sink->close();
      return false;
    }
    Loaded loaded;
    const Status read = d.run([&](Repository& repo) -> Status {
      const std::optional<Call> call = repo.call_by_code(code);
      if (call && access.is_for(*call)) loaded = load_in(d, repo, *call, access, now);
      return Ok();
    });
    if (!read.ok()) return true;  // try again at the next change
    if (!loaded.view) {           // the call is gone, or its code now leads to another call
      sink->push(event_frame("expired", "{}"));
      sink->close();
      return false;
    }
    Result<std::string> html = render_board_fragment(*loaded.view, d.templates, loaded.lang, now);
    if (!html || *html == last) return sink->is_open();
    last = std::move(html).value();
    return sink->push(event_frame("board", last));
  }
};

HttpResponse stream(const std::shared_ptr<const BoardDeps>& d, const HttpRequest& r,
                    const PathParams& params) {
  const std::string code = params.at("code");
  const UnixTime now = d->clock.now();
  BoardAccess access;
  const Status read = d->run([&](Repository& repo) -> Status {
    access = check_token(*d, r, repo.call_by_code(code), now);
    return Ok();
  });
  if (!read.ok()) return unavailable();
  count_refusal(*d, r, code, access);
  if (access.check != LinkCheck::kValid) {
    return HttpResponse::error_json(403, fmt::format(
        "this board link is {}: ask for a new one with /bord {}",
        access.check == LinkCheck::kExpired ? "expired" : "not valid", code));
  }
  BoardEvents& events = d->events;
  return HttpResponse::events([d, code, access, &events](std::shared_ptr<EventSink> sink) {
    auto live = std::make_shared<LiveBoard>(LiveBoard{d, code, access, std::move(sink), {}});
    live->sink->push("retry: 3000\n\n");
    events.subscribe([live] { return live->refresh(); });
  });
}

}  // namespace

void add_board_routes(Router& router, BoardDeps deps) {
  deps.metrics.define_counter(kRejections, "Web board links refused, by reason");
  auto d = std::make_shared<const BoardDeps>(std::move(deps));
  router.add("GET", "/board/{code}",
             [d](const HttpRequest& r, const PathParams& p) { return show(*d, r, p); });
  router.add("GET", "/board/{code}/events",
             [d](const HttpRequest& r, const PathParams& p) { return stream(d, r, p); });
}

}  // namespace noodbel

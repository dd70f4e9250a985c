#include "adapters/web/digest_routes.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include <spdlog/spdlog.h>

#include "adapters/http/security_headers.h"
#include "bot/digest.h"
#include "bot/digest_render.h"
#include "bot/html_escape.h"
#include "bot/text/logfmt_value.h"

namespace noodbel {
namespace {

void replace_all(std::string& text, std::string_view marker, const std::string& value) {
  for (std::size_t at = text.find(marker); at != std::string::npos;
       at = text.find(marker, at + value.size())) {
    text.replace(at, marker.size(), value);
  }
}

class DigestPages {
 public:
  explicit DigestPages(DigestRouteDeps deps) : deps_(std::move(deps)) {}

  HttpResponse handle(const HttpRequest& request, const PathParams& params) const {
    const std::string& date_text = params.at("date");
    const Result<LocalDate> date = parse_digest_date(date_text);
    if (!date.ok()) return error_page(400, "digest_bad_date", {{"date", date_text}});
    const std::string service = request.query_param("service").value_or("");
    const std::string token = request.query_param("t").value_or("");
    const LinkCheck check =
        deps_.links.check_digest(date_text, service, token, deps_.clock.now());
    if (check != LinkCheck::kValid) {
      if (deps_.on_refused) deps_.on_refused(to_string(check));
      spdlog::info("event=digest.link_refused date={} reason={}", logfmt_value(date_text),
                   to_string(check));
      return error_page(403, check == LinkCheck::kExpired ? "digest_link_expired"
                                                          : "digest_link_invalid",
                        {});
    }
    if (!service.empty() && find_service(deps_.config, service) == nullptr) {
      return error_page(404, "digest_unknown_service",
                        {{"service", service}, {"services", service_ids()}});
    }
    return digest_page(*date, service);
  }

 private:
  HttpResponse digest_page(LocalDate date, const std::string& service) const {
    std::optional<std::string> only;
    if (!service.empty()) only = service;
    const Result<Digest> digest = deps_.source.build(date, only);
    if (!digest.ok()) {
      spdlog::error("event=digest.page_failed date={} error={}", iso_date(date),
                    logfmt_value(digest.error().message));
      // The figures could not be read: a page that says so, never one of empty figures.
      const bool retry = digest.error().kind == ErrorKind::kUnavailable;
      return error_page(retry ? 503 : 500, "digest_page_failed", {});
    }
    Result<std::string> html = render_digest_html(*digest, deps_.templates, lang(),
                                                  deps_.source.page_html());
    if (!html.ok()) {
      spdlog::error("event=digest.page_failed date={} error={}", iso_date(date),
                    logfmt_value(html.error().message));
      return error_page(500, "digest_page_failed", {});
    }
    HttpResponse r = HttpResponse::html(200, std::move(html).value());
    r.with_header("Cache-Control", "private, no-store");
    return with_page_policy(r, PagePolicy::kStatic);
  }

  // The page skeleton with one paragraph of the template `name`.
  HttpResponse error_page(int status, std::string_view name, const TemplateArgs& args) const {
    const Result<std::string> title = deps_.templates.render(lang(), "digest_page_error_title", {});
    const Result<std::string> message = deps_.templates.render(lang(), name, args);
    if (!title.ok() || !message.ok()) {
      return HttpResponse::text(status, std::string(name) + "\n");  // templates incomplete
    }
    std::string page = deps_.source.page_html();
    replace_all(page, "{{lang}}", std::string(to_string(lang())));
    replace_all(page, "{{title}}", html_escape(*title));
    replace_all(page, "{{heading}}", html_escape(*title));
    replace_all(page, "{{body}}",
                "<section><p class=\"lead\" id=\"error\">" + html_escape(*message) +
                    "</p></section>");
    HttpResponse r = HttpResponse::html(status, std::move(page));
    r.with_header("Cache-Control", "no-store");
    return with_page_policy(r, PagePolicy::kStatic);
  }

  std::string service_ids() const {
    std::string ids;
    for (const ServiceConfig& s : deps_.config.services) ids += (ids.empty() ? "" : ", ") + s.id;
    return ids;
  }

  Language lang() const { return deps_.config.default_language; }

  DigestRouteDeps deps_;
};

}  // namespace

void add_digest_routes(Router& router, DigestRouteDeps deps) {
  auto pages = std::make_shared<const DigestPages>(std::move(deps));
  router.add("GET", "/digest/{date}", [pages](const HttpRequest& r, const PathParams& p) {
    return pages->handle(r, p);
  });
}

}  // namespace noodbel

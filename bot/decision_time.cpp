#include "bot/decision_time.h"

#include "bot/condition_text.h"
#include "bot/local_time.h"
#include "bot/office_hours.h"

namespace noodbel {

Decision decision_for(const CoreConfig& config, std::string_view service, UnixTime now) {
  const ServiceConfig* found = find_service(config, service);
  const MatchingStatus m = matching_status(found ? *found : ServiceConfig{}, now);
  if (m.kind != Matching::kWaits) return {};
  return {true, m.resumes};
}

namespace {

Result<std::string> render_by(const Templates& t, Language lang, std::string_view name,
                              UnixTime by, UnixTime now) {
  Result<std::string> when = render_day(t, lang, by, now);
  if (!when) return when;
  return t.render(lang, name, {{"when", *when}, {"time", format_local(by, "time")}});
}

}  // namespace

Result<std::string> render_offer_decision(const Templates& t, Language lang, const Decision& d,
                                          UnixTime now) {
  if (!d.waits || !d.by) return std::string();
  return render_by(t, lang, "offer_decision_by", *d.by, now);
}

Result<std::string> render_decision(const Templates& t, Language lang, const Decision& d,
                                    UnixTime now) {
  if (!d.waits) return t.render(lang, "decision_soon", {});
  if (!d.by) return t.render(lang, "decision_unscheduled", {});
  return render_by(t, lang, "decision_by", *d.by, now);
}

}  // namespace noodbel

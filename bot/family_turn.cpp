#include "bot/family_turn.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "bot/local_time.h"

namespace noodbel {

void FamilyTurn::reply(std::string_view name, const TemplateArgs& args,
                       std::optional<std::int64_t> call_id) const {
  out.reply(to(), message, name, args, call_id);
}

void FamilyTurn::reply_about(const Call& call, std::string_view name, TemplateArgs extra) const {
  Result<TemplateArgs> args = call_args(out.templates(), family.preferred_language, call, now());
  if (!args) {
    out.skipped(to(), name, args.error());
    return;
  }
  args->insert(args->end(), std::make_move_iterator(extra.begin()),
               std::make_move_iterator(extra.end()));
  reply(name, *args, call.id);
}

void FamilyTurn::audit(std::string_view action, std::string detail) const {
  repo().audit({now(), family.id, std::string(action), std::move(detail)});
}

void FamilyTurn::save(const Family& changed, std::string_view action, std::string detail) const {
  repo().upsert_family(changed);
  audit(action, std::move(detail));
}

ReplyContext reply_context_at(UnixTime now) {
  const LocalDateTime today = to_local(now);
  return {today.year, today.month, today.day, today.minute_of_day};
}

bool was_sent_to(const Call& call, std::string_view family_id, CallsPort& calls) {
  const std::vector<Recipient> sent = calls.recipients(call.id);
  return std::any_of(sent.begin(), sent.end(),
                     [&](const Recipient& r) { return r.family_id == family_id; });
}

}  // namespace noodbel

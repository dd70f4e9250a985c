#include "bot/router.h"

#include "bot/phone.h"

namespace noodbel {

Route route(const InboundMessage& message, PeoplePort& people) {
  const Sender sender = people.sender_by_contact(message.channel, message.address);
  Route r;
  if (sender.kind == Sender::Kind::kFamily) {
    r.family = people.family(sender.id);
    if (r.family) r.kind = Sender::Kind::kFamily;
  } else if (sender.kind == Sender::Kind::kCaseworker) {
    r.caseworker = people.caseworker(sender.id);
    if (r.caseworker) r.kind = Sender::Kind::kCaseworker;
  }
  return r;
}

Route route(const InboundMessage& message, PeoplePort& people, const SlashUsers& slash_users) {
  if (message.channel != Channel::kSlash) return route(message, people);
  const auto mapped = slash_users.find(message.address);
  if (mapped == slash_users.end()) return route(message, people);
  Route r;
  r.caseworker = people.caseworker(mapped->second);
  if (r.caseworker) r.kind = Sender::Kind::kCaseworker;
  return r;
}

std::string mask_address(Channel channel, std::string_view address) {
  if (channel == Channel::kSms || channel == Channel::kSignal) return mask_phone(address);
  if (address.size() <= 4) return std::string(address.size(), '*');
  return std::string(address.substr(0, 2)) + std::string(address.size() - 4, '*') +
         std::string(address.substr(address.size() - 2));
}

}  // namespace noodbel

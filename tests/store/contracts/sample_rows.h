// Rows the port contracts (tests/store/contracts/) store and compare: a family, a
// caseworker, a call, an outbound message, each with every field set to something other
// than its default, so a field an implementation drops is noticed. Test-only.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

#include "bot/types.h"

namespace noodbel::contracts {

inline constexpr UnixTime kT0 = 1'796'604'000;  // 2026-12-07 01:40 Europe/Brussels, a Monday
inline constexpr std::int64_t kDay = 24 * 3600;

inline Family sample_family(const std::string& id, const std::string& phone = "+32470000001") {
  Family f;
  f.id = id;
  f.service = "limburg";
  f.display_name = "Gezin " + id;
  f.contacts = {{Channel::kSms, phone}, {Channel::kTelegram, "70" + id}};
  f.postcode = "3500";
  f.home = {50.93, 5.33};
  f.max_distance_km = 25;
  f.min_age_months = 6;
  f.max_age_months = 120;
  f.max_children = 2;
  f.languages = {Language::kNl, Language::kFr};
  f.availability = {{0, 8 * 60, 18 * 60}, {5, 0, 1440}};
  f.paused_until = kT0 + kDay;
  f.opted_in = true;
  f.preferred_language = Language::kFr;
  return f;
}

inline Caseworker sample_caseworker(const std::string& id,
                                    const std::string& phone = "+32470999001") {
  Caseworker c;
  c.id = id;
  c.service = "limburg";
  c.name = "An " + id;
  c.contacts = {{Channel::kSignal, phone}, {Channel::kSlash, "U" + id}};
  c.role = Role::kSupervisor;
  c.language = Language::kEn;
  return c;
}

inline Call sample_call(const std::string& code, CallState state = CallState::kOpen,
                        UnixTime created_at = kT0) {
  Call c;
  c.code = code;
  c.service = "limburg";
  c.caseworker_id = "C001";
  c.ages_months = {48, 7};
  c.postcode = "3500";
  c.place = "Hasselt";
  c.location = {50.93, 5.33};
  c.languages = {Language::kNl};
  c.duration_hours = 72;
  c.needed_from = kT0 + 3600;
  c.note = "broers";
  c.state = state;
  c.created_at = created_at;
  return c;
}

inline OutboundMessage message_to(const std::string& recipient, Channel channel,
                                  std::optional<std::int64_t> call_id = std::nullopt) {
  OutboundMessage m;
  m.recipient_id = recipient;
  m.channel = channel;
  m.address = "+32470000001";
  m.text = "text for " + recipient;
  m.call_id = call_id;
  return m;
}

inline void expect_same_family(const Family& a, const Family& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.service, b.service);
  EXPECT_EQ(a.display_name, b.display_name);
  EXPECT_EQ(a.contacts, b.contacts);
  EXPECT_EQ(a.postcode, b.postcode);
  EXPECT_DOUBLE_EQ(a.home.lat, b.home.lat);
  EXPECT_DOUBLE_EQ(a.home.lon, b.home.lon);
  EXPECT_EQ(a.max_distance_km, b.max_distance_km);
  EXPECT_EQ(a.min_age_months, b.min_age_months);
  EXPECT_EQ(a.max_age_months, b.max_age_months);
  EXPECT_EQ(a.max_children, b.max_children);
  EXPECT_EQ(a.languages, b.languages);
  EXPECT_EQ(a.availability, b.availability);
  EXPECT_EQ(a.paused_until, b.paused_until);
  EXPECT_EQ(a.opted_in, b.opted_in);
  EXPECT_EQ(a.preferred_language, b.preferred_language);
}

inline void expect_same_caseworker(const Caseworker& a, const Caseworker& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.service, b.service);
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.contacts, b.contacts);
  EXPECT_EQ(a.role, b.role);
  EXPECT_EQ(a.language, b.language);
}

// Every field but the id.
inline void expect_same_call(const Call& a, const Call& b) {
  EXPECT_EQ(a.code, b.code);
  EXPECT_EQ(a.service, b.service);
  EXPECT_EQ(a.caseworker_id, b.caseworker_id);
  EXPECT_EQ(a.ages_months, b.ages_months);
  EXPECT_EQ(a.postcode, b.postcode);
  EXPECT_EQ(a.place, b.place);
  EXPECT_DOUBLE_EQ(a.location.lat, b.location.lat);
  EXPECT_DOUBLE_EQ(a.location.lon, b.location.lon);
  EXPECT_EQ(a.languages, b.languages);
  EXPECT_EQ(a.duration_hours, b.duration_hours);
  EXPECT_EQ(a.needed_from, b.needed_from);
  EXPECT_EQ(a.note, b.note);
  EXPECT_EQ(a.urgent, b.urgent);
  EXPECT_EQ(a.state, b.state);
  EXPECT_EQ(a.created_at, b.created_at);
  EXPECT_EQ(a.closed_at, b.closed_at);
  EXPECT_EQ(a.matched_family, b.matched_family);
  EXPECT_EQ(a.wave_size, b.wave_size);
  EXPECT_EQ(a.closed_by, b.closed_by);
  EXPECT_EQ(a.chosen_family, b.chosen_family);
  EXPECT_EQ(a.chosen_at, b.chosen_at);
  EXPECT_EQ(a.chosen_by, b.chosen_by);
  EXPECT_EQ(a.expires_at, b.expires_at);
}

}  // namespace noodbel::contracts

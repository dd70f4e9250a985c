// The fixture of the caseworker command tests: a memory repository with three
// caseworkers (C1 and C3 of Oost-Vlaanderen, C2 of Antwerpen) and three families near
// Gent, the shipped templates, and helpers to run a command and read what was sent.
#pragma once

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "bot/commands.h"
#include "support/fake_hasher.h"
#include "support/fake_random.h"
#include "support/memory_repository.h"
#include "support/shipped_data.h"

namespace noodbel {

inline constexpr UnixTime kMonday10h = 1763974800;  // 2025-11-24 10:00 Europe/Brussels
inline constexpr UnixTime kMonday18h = 1764003600;
inline constexpr UnixTime kMonday22h = 1764018000;
inline constexpr UnixTime kSaturday10h = 1764406800;  // 2025-11-29

inline Templates load_templates() {
  return test_data::shipped_templates();
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class Commands : public ::testing::Test {
 protected:
  Commands()
      : postcodes_(Postcodes::from_places(
            {{"9000", "Gent", "Oost-Vlaanderen", "VLG", {51.05, 3.71667}},
             {"9820", "Merelbeke", "Oost-Vlaanderen", "VLG", {50.99, 3.75}}})),
        templates_(load_templates()),
        guard_(test_data::guard_with({"Emma"}, {"Gent", "Merelbeke"})) {
    config_.services = default_services();
    repo_.upsert_caseworker({"C1", "oost-vlaanderen", "An", {{Channel::kTelegram, "11"}},
                             Role::kCaseworker, Language::kNl});
    repo_.upsert_caseworker({"C2", "antwerpen", "Jan", {{Channel::kSignal, "+32470999999"}},
                             Role::kCaseworker, Language::kNl});
    repo_.upsert_caseworker({"C3", "oost-vlaanderen", "Claire", {{Channel::kTelegram, "33"}},
                             Role::kCaseworker, Language::kFr});
    for (const char* id : {"F1", "F2", "F3"}) {
      Family f;
      f.id = id;
      f.service = "oost-vlaanderen";
      f.display_name = std::string("Gezin ") + id;
      f.contacts = {{Channel::kSms, std::string("+3247000000") + id[1]}};
      f.postcode = "9820";
      f.home = {50.99, 3.75};
      f.languages = {Language::kNl};
      repo_.upsert_family(f);
    }
  }

  void run(const std::string& text, const std::string& caseworker = "C1") {
    const Caseworker cw = *repo_.caseworker(caseworker);
    const Contact& c = cw.contacts.front();
    handle_command(cw,
                   {c.channel, c.address, "m" + std::to_string(++sequence_), text, now_,
                    std::nullopt},
                   {postcodes_, guard_, random_, hasher_}, Outbox(config_, templates_, repo_, now_));
  }
  std::string last_text(const std::string& id) const {
    const auto items = repo_.outbox_for(id);
    return items.empty() ? "" : items.back().message.text;
  }
  std::string open() {
    run("/crisis leeftijd=4 postcode=9000 taal=nl Korte toelichting");
    return repo_.call_rows.back().code;
  }
  void answer(const std::string& code, const std::string& family, Answer a,
              const std::string& note = "") {
    repo_.upsert_response({repo_.call_by_code(code)->id, family, a, note, now_, {}, {}, {}});
  }
  std::string last_rejection() const {
    const auto r = repo_.audits("command.rejected");
    return r.empty() ? "" : r.back().detail;
  }
  ServiceConfig& service(const std::string& id) {
    for (ServiceConfig& s : config_.services) {
      if (s.id == id) return s;
    }
    throw std::logic_error("no service " + id);
  }

  void TearDown() override {
    for (const OutboxItem& item : repo_.outbox) {
      EXPECT_FALSE(contains(item.message.text, "{")) << item.message.text;
    }
    EXPECT_TRUE(repo_.audits("template.error").empty());
    for (const AuditEntry& e : repo_.audit_log) {
      EXPECT_FALSE(e.actor.empty()) << e.action;
    }
  }

  CoreConfig config_;
  Postcodes postcodes_;
  Templates templates_;
  AnonymizationGuard guard_;
  MemoryRepository repo_;
  FakeRandom random_{42};
  FakeHasher hasher_;
  UnixTime now_ = kMonday10h;
  int sequence_ = 0;
};

}  // namespace noodbel

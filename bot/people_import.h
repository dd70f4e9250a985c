// People import: CSV text -> validated Family and Caseworker values, plus the field
// parsers (ages, availability, contacts) that chat commands reuse. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bot/postcodes.h"
#include "bot/result.h"
#include "bot/types.h"

namespace noodbel {

// One problem in one row: the row is left out of the import.
struct ImportIssue {
  int line = 0;         // physical line of the row in the file
  std::string column;   // header name; "" when the row as a whole is wrong
  std::string message;  // what is wrong and how to fix it
};

struct FamilyImport {
  std::vector<Family> rows;  // valid rows, in file order
  std::vector<ImportIssue> issues;
};

struct CaseworkerImport {
  std::vector<Caseworker> rows;
  std::vector<ImportIssue> issues;
};

// Header (any order): id,service,name,contacts,postcode,max_km,min_age,max_age,
// max_children,languages,availability,paused_until,opted_in,preferred_language.
// An Error only for unreadable CSV or a bad header; row problems become issues.
Result<FamilyImport> parse_families_csv(std::string_view text, const Postcodes& postcodes,
                                        const std::vector<std::string>& service_ids);

// Header (any order): id,service,name,role,contacts,language.
Result<CaseworkerImport> parse_caseworkers_csv(std::string_view text,
                                               const std::vector<std::string>& service_ids);

// "7" = 7 years, "6m" = 6 months (0..25 years) -> months.
Result<int> parse_age_months(std::string_view text);

// "" = always; else "ma-vr 18:00-08:00; za,zo 00:00-24:00" (Dutch ma..zo or English
// mon..sun; several ranges per group with ","). A range crossing midnight is split.
// Sorted by weekday and start.
Result<std::vector<WeeklyWindow>> parse_availability(std::string_view text);

// "sms:0470123456;telegram:123456789" in order of preference. Families may use
// sms, signal, telegram; caseworkers also slash:USERID. Phones become E.164.
enum class ContactRules { kFamily, kCaseworker };
Result<std::vector<Contact>> parse_contacts(std::string_view text, ContactRules rules);

// "2026-03-14" -> 00:00 Europe/Brussels on that day, as UnixTime.
Result<UnixTime> parse_local_date(std::string_view text);

}  // namespace noodbel

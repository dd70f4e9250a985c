#include "bot/guard/refusal.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bot/templates.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

TEST(AnonymizationGuardRefusal, RendersOneLinePerFindingInsideTheRefusal) {
  const Templates templates = Templates::from_map({
      {{Language::kNl, "guard_name"}, "naam '{text}'"},
      {{Language::kNl, "guard_phone"}, "telefoon '{text}'"},
      {{Language::kNl, "guard_refused"}, "Geweigerd:\n{findings}"},
  });
  const std::vector<Finding> findings{{FindingKind::kName, "Emma", 0, 4},
                                      {FindingKind::kPhone, "0470 12 34 56", 10, 23}};
  auto text = render_refusal(templates, Language::kNl, findings);
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text, "Geweigerd:\nnaam 'Emma'\ntelefoon '0470 12 34 56'");
}

TEST(AnonymizationGuardRefusal, ReportsAMissingTemplate) {
  const Templates templates =
      Templates::from_map({{{Language::kNl, "guard_refused"}, "{findings}"}});
  auto text = render_refusal(templates, Language::kNl, {{FindingKind::kUrl, "x.be", 0, 4}});
  EXPECT_FALSE(text.ok());
}

TEST(AnonymizationGuardRefusal, ShippedTemplatesCoverEveryKindInEveryLanguage) {
  const Templates* templates = &test_data::shipped_templates();
  const std::vector<Finding> findings{
      {FindingKind::kPhone, "a", 0, 1},   {FindingKind::kEmail, "b", 0, 1},
      {FindingKind::kUrl, "c", 0, 1},     {FindingKind::kNationalId, "d", 0, 1},
      {FindingKind::kAddress, "e", 0, 1}, {FindingKind::kBirthDate, "f", 0, 1},
      {FindingKind::kName, "g", 0, 1}};
  for (const Language lang : {Language::kNl, Language::kFr, Language::kEn}) {
    for (const Finding& f : findings) {
      const std::string name = "guard_" + std::string(to_string(f.kind));
      EXPECT_TRUE(templates->has(lang, name)) << name << " " << to_string(lang);
    }
    EXPECT_TRUE(templates->has(lang, "guard_refused")) << to_string(lang);
    auto text = render_refusal(*templates, lang, findings);
    ASSERT_TRUE(text.ok()) << text.error().message;
    for (const Finding& f : findings)
      EXPECT_NE(text->find("'" + f.text + "'"), std::string::npos) << *text;
  }
}

}  // namespace
}  // namespace noodbel

#include "bot/config.h"

namespace noodbel {

std::vector<ServiceConfig> default_services() {
  return {
      {"antwerpen", "Pleegzorg Provincie Antwerpen"},
      {"limburg", "Pleegzorg Limburg"},
      {"oost-vlaanderen", "Pleegzorg Oost-Vlaanderen"},
      {"west-vlaanderen", "Pleegzorg West-Vlaanderen"},
      {"vlaams-brabant-brussel", "Pleegzorg Vlaams-Brabant en Brussel"},
  };
}

}  // namespace noodbel

#include "bot/anonymization_guard.h"

#include <fmt/format.h>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>
#include <utility>

#include "bot/text/ascii.h"
#include "bot/text_normalize.h"

// How the guard reads a note: one pass splits it into tokens (words, digit runs, single
// symbols) that keep their byte offsets into the original text. Scanners for e-mail,
// URLs, phone numbers and national register numbers read the raw bytes; scanners for
// addresses, birth dates and names read the tokens. Overlapping findings are resolved by
// kind priority (an e-mail address wins over the name inside it). No std::regex: each
// scanner is a small hand-written state machine. Word lists are folded (lower case, no
// accents) and compared with folded tokens.

namespace noodbel {
namespace {

using Lexicon = std::unordered_set<std::string_view>;

// ---- word lists --------------------------------------------------------------------------

const std::unordered_map<std::string_view, int>& month_numbers() {
  static const std::unordered_map<std::string_view, int> months{
      {"januari", 1},   {"jan", 1},       {"janv", 1},      {"janvier", 1},   {"january", 1},
      {"februari", 2},  {"feb", 2},       {"febr", 2},      {"fevrier", 2},   {"fev", 2},
      {"february", 2},  {"maart", 3},     {"mrt", 3},       {"mars", 3},      {"march", 3},
      {"mar", 3},       {"april", 4},     {"apr", 4},       {"avril", 4},     {"avr", 4},
      {"mei", 5},       {"mai", 5},       {"may", 5},       {"juni", 6},      {"juin", 6},
      {"june", 6},      {"jun", 6},       {"juli", 7},      {"juillet", 7},   {"juil", 7},
      {"july", 7},      {"jul", 7},       {"augustus", 8},  {"aug", 8},       {"aout", 8},
      {"august", 8},    {"september", 9}, {"sept", 9},      {"sep", 9},       {"septembre", 9},
      {"oktober", 10},  {"okt", 10},      {"october", 10},  {"oct", 10},      {"octobre", 10},
      {"november", 11}, {"nov", 11},      {"novembre", 11}, {"december", 12}, {"dec", 12},
      {"decembre", 12},
  };
  return months;
}

int month_number(std::string_view folded) {
  const auto it = month_numbers().find(folded);
  return it == month_numbers().end() ? 0 : it->second;
}

const Lexicon& weekdays() {
  static const Lexicon words{
      "maandag", "dinsdag",  "woensdag",  "donderdag", "vrijdag",  "zaterdag", "zondag",
      "lundi",   "mardi",    "mercredi",  "jeudi",     "vendredi", "samedi",   "dimanche",
      "monday",  "tuesday",  "wednesday", "thursday",  "friday",   "saturday", "sunday",
      "weekend", "week-end", "vandaag",   "morgen",    "gisteren", "vanavond", "vannacht"};
  return words;
}

// Never a person's name, in any case or position: holidays, countries, nationalities,
// languages, regions, organisations and services, brands children talk about.
const Lexicon& never_names() {
  static const Lexicon words{
      // holidays
      "kerstmis", "kerst", "kerstdag", "kerstavond", "kerstvakantie", "kerstfeest", "pasen",
      "paasvakantie", "pinksteren", "nieuwjaar", "oudejaar", "allerheiligen", "allerzielen",
      "hemelvaart", "ramadan", "suikerfeest", "offerfeest", "eid", "aid", "sinterklaas",
      "krokusvakantie", "herfstvakantie", "zomervakantie", "noel", "paques", "toussaint",
      "christmas", "easter", "halloween", "carnaval", "vacances",
      // countries and continents
      "belgie", "belgique", "belgium", "nederland", "netherlands", "frankrijk", "france",
      "duitsland", "allemagne", "germany", "luxemburg", "luxembourg", "marokko", "maroc", "morocco",
      "turkije", "turquie", "turkey", "syrie", "syria", "afghanistan", "eritrea", "erythree",
      "somalie", "somalia", "congo", "rdc", "drc", "roemenie", "roumanie", "romania", "polen",
      "pologne", "poland", "bulgarije", "bulgarie", "bulgaria", "oekraine", "ukraine", "rusland",
      "russie", "russia", "irak", "iraq", "iran", "algerije", "algerie", "algeria", "tunesie",
      "tunisie", "tunisia", "spanje", "espagne", "spain", "italie", "italy", "portugal", "albanie",
      "albania", "kosovo", "servie", "serbie", "serbia", "guinee", "guinea", "kameroen", "cameroun",
      "cameroon", "nigeria", "ghana", "brazilie", "bresil", "brazil", "india", "inde", "pakistan",
      "china", "chine", "egypte", "egypt", "libanon", "liban", "lebanon", "palestina", "palestine",
      "jemen", "yemen", "soedan", "soudan", "sudan", "ethiopie", "ethiopia", "rwanda", "burundi",
      "senegal", "angola", "georgie", "armenie", "griekenland", "grece", "greece", "engeland",
      "angleterre", "england", "europa", "europe", "afrika", "afrique", "africa", "azie", "asie",
      "asia", "amerika",
      // nationalities
      "belg", "belgen", "belgische", "belgisch", "belge", "belgian", "marokkaan", "marokkaans",
      "marokkaanse", "marocain", "marocaine", "moroccan", "turk", "turks", "turkse", "turc",
      "turque", "turkish", "syrier", "syrisch", "syrische", "syrien", "syrienne", "syrian",
      "afghaan", "afghaans", "afghaanse", "afghan", "afghane", "eritreeer", "eritrese", "eritrees",
      "eritrean", "erythreen", "somalier", "somalisch", "somalische", "somali", "congolees",
      "congolese", "congolais", "congolaise", "roemeen", "roemeens", "roemeense", "roumain",
      "roumaine", "romanian", "pool", "pools", "poolse", "polonais", "polonaise", "polish",
      "bulgaar", "bulgaars", "bulgaarse", "bulgarian", "oekrainer", "oekraiens", "oekraiense",
      "ukrainien", "ukrainienne", "ukrainian", "rus", "russisch", "russische", "russe", "russian",
      "irakees", "irakese", "irakien", "iraqi", "iraans", "iraanse", "iranien", "iranian",
      "algerijn", "algerijns", "algerijnse", "algerien", "algerienne", "algerian", "tunesier",
      "tunesisch", "tunesische", "tunisien", "tunisian", "spaans", "spaanse", "espagnol", "spanish",
      "italiaans", "italiaanse", "italien", "italian", "portugees", "portugese", "portugais",
      "portuguese", "albanees", "albanese", "albanais", "albanian", "kosovaar", "kosovaars",
      "kosovaarse", "servisch", "servische", "serbian", "guinees", "guinese", "guineen", "guinean",
      "kameroens", "kameroense", "camerounais", "nigeriaans", "nigeriaanse", "nigerian", "ghanees",
      "ghanese", "ghanaian", "braziliaans", "braziliaanse", "bresilien", "brazilian", "indisch",
      "indiase", "indian", "pakistaans", "pakistaanse", "pakistani", "chinees", "chinese",
      "chinois", "egyptisch", "egyptische", "egyptien", "egyptian", "libanees", "libanese",
      "libanais", "lebanese", "palestijns", "palestijnse", "palestinien", "palestinian",
      "nederlander", "nederlandse", "nederlandstalig", "nederlandstalige", "franstalig",
      "franstalige", "anderstalig", "anderstalige", "hollandse", "frans", "franse", "francais",
      "francaise", "french", "duits", "duitse", "allemand", "allemande", "german", "engels",
      "engelse", "anglais", "anglaise", "english", "engelstalig", "brits", "britse", "british",
      "amerikaans", "amerikaanse", "americain", "american", "afrikaans", "afrikaanse", "africain",
      "africaine", "african", "europees", "europese", "europeen", "european", "koerd", "koerdisch",
      "koerdische", "kurde", "kurdish", "berber", "berbers", "berbere", "amazigh", "arabier",
      "arabisch", "arabische", "arabe", "arab", "arabic", "roma", "vlaming", "vlaams", "vlaamse",
      "waal", "waals", "waalse", "brusselaar", "brusselse", "dutch", "afrikaan", "iranier",
      "spanjaard", "italiaan", "servier", "kameroener", "nigeriaan", "braziliaan", "indier",
      "pakistaan", "egyptenaar", "palestijn", "fransman", "duitser", "engelsman", "brit",
      "amerikaan", "europeaan", "ethiopier", "ethiopisch", "ethiopische", "rwandees", "rwandese",
      "burundees", "burundese", "senegalees", "senegalese", "angolees", "angolese", "georgier",
      "armenier", "tsjetsjeen", "griek", "griekse",
      // religions
      "islam", "moslim", "moslima", "islamitisch", "islamitische", "christen", "christelijk",
      "christelijke", "katholiek", "katholieke", "joods", "joodse", "orthodox", "orthodoxe",
      "musulman", "musulmane", "chretien", "chretienne", "catholique", "juif", "juive", "muslim",
      "christian", "catholic", "jewish", "hindoe", "boeddhist", "boeddhistisch",
      // languages
      "nederlands", "tamazight", "tarifit", "tigrinya", "tigrinia", "dari", "pashtoe", "pasjtoe",
      "pashto", "farsi", "perzisch", "persian", "persan", "lingala", "swahili", "amhaars",
      "amharic", "urdu", "hindi", "gebarentaal", "neerlandais", "armeens", "georgisch", "grieks",
      "hongaars", "slowaaks", "tsjechisch", "bosnisch", "kroatisch", "tsjetsjeens",
      // regions
      "vlaanderen", "flandre", "flanders", "wallonie", "wallonia", "brussel", "bruxelles",
      "brussels", "antwerpen", "anvers", "antwerp", "limburg", "limbourg", "oost-vlaanderen",
      "west-vlaanderen", "vlaams-brabant", "brabant", "waals-brabant", "brabant-wallon",
      "henegouwen", "hainaut", "luik", "liege", "namen", "namur", "kempen", "waasland", "westhoek",
      "pajottenland", "meetjesland", "haspengouw", "ardennen", "ardennes", "kust", "ghent", "gand",
      "bruges", "louvain", "malines", "courtrai", "ostende",
      // organisations, services and places of care
      "pleegzorg", "opgroeien", "ocmw", "cpas", "ckg", "clb", "pms", "caw", "oooc", "vk", "jrb",
      "jeugdhulp", "crisismeldpunt", "politie", "police", "parket", "parquet", "jeugdrechter",
      "jeugdrechtbank", "saj", "spj", "one", "fedasil", "vzw", "asbl", "uz", "az", "zna", "gza",
      "chu", "chr", "chc", "jessa", "zol", "huderf", "erasme", "brugmann", "mutualiteit",
      "mutualite", "ziekenfonds", "cm", "solidaris", "vdab", "actiris", "awel", "tele-onthaal",
      "unicef", "croix-rouge", "kinderopvang", "buso", "buo", "bubao", "gezin", "kind", "school",
      "ziekenhuis", "hopital", "kliniek", "clinique", "consulent", "consulente", "pleeggezin",
      "crisisgezin", "opvanggezin", "kinderdagverblijf", "creche", "god", "allah", "jezus", "lego",
      "duplo", "bumba", "playmobil", "netflix", "youtube", "whatsapp", "tiktok", "instagram",
      "facebook", "snapchat", "signal", "telegram", "pampers", "nutrilon", "epipen", "rilatine",
      "ventolin"};
  return words;
}

// First names that are also ordinary words ("Roos" is a rose, "Max" a maximum): a name
// only when capitalised inside a sentence, or right after a cue ("juf Els").
const Lexicon& ambiguous_names() {
  static const Lexicon words{
      "an",    "amber",     "arend",     "bas",      "ben",       "bo",        "blessing",
      "can",   "cas",       "claire",    "clemence", "clement",   "constance", "divine",
      "eden",  "els",       "esperance", "exauce",   "fauve",     "fleur",     "floor",
      "flore", "florence",  "frank",     "gloire",   "grace",     "greet",     "guy",
      "ion",   "iris",      "jade",      "jet",      "joke",      "jordan",    "leen",
      "lien",  "lies",      "lieve",     "linde",    "lore",      "marine",    "max",
      "merel", "merveille", "miel",      "olivier",  "pierre",    "precious",  "prince",
      "rim",   "robin",     "romain",    "roos",     "rose",      "rune",      "said",
      "sien",  "staf",      "trui",      "tuba",     "valentine", "victoire",  "violette",
      "ward",  "nancy",     "jan",       "ella",     "mira",      "sana",      "will",
      "hope",  "joy",       "june",      "may",      "april",     "mark",      "dirk"};
  return words;
}

// Function words and common crisis-note words: never a name, never part of one.
const Lexicon& stopwords() {
  static const Lexicon words{
      "de",       "het",      "een",    "en",      "of",       "is",      "was",
      "zijn",     "ze",       "zij",    "hij",     "hem",      "haar",    "hun",
      "ik",       "je",       "jij",    "we",      "wij",      "jullie",  "u",
      "die",      "dat",      "deze",   "dit",     "er",       "hier",    "daar",
      "wel",      "niet",     "geen",   "nog",     "al",       "ook",     "maar",
      "dan",      "als",      "om",     "op",      "in",       "te",      "met",
      "voor",     "van",      "aan",    "bij",     "naar",     "uit",     "tot",
      "na",       "over",     "onder",  "door",    "zonder",   "sinds",   "tijdens",
      "heeft",    "hebben",   "had",    "wil",     "kan",      "moet",    "mag",
      "zal",      "gaat",     "komt",   "woont",   "blijft",   "wordt",   "werd",
      "le",       "la",       "les",    "un",      "une",      "des",     "et",
      "ou",       "est",      "sont",   "a",       "ont",      "au",      "aux",
      "du",       "dans",     "sur",    "pour",    "par",      "avec",    "sans",
      "chez",     "il",       "elle",   "ils",     "elles",    "on",      "nous",
      "vous",     "the",      "an",     "and",     "or",       "are",     "were",
      "has",      "have",     "he",     "she",     "they",     "you",     "it",
      "his",      "her",      "their",  "at",      "for",      "with",    "from",
      "to",       "by",       "not",    "no",      "yes",      "ja",      "nee",
      "oui",      "non",      "ok",     "alle",    "veel",     "weinig",  "nu",
      "zeer",     "erg",      "heel",   "graag",   "liefst",   "baby",    "kinderen",
      "jongen",   "meisje",   "tiener", "ouders",  "contact",  "info",    "let",
      "opgelet",  "dringend", "urgent", "nb",      "ps",       "tel",     "gsm",
      "email",    "mail",     "adres",  "bellen",  "bel",      "zie",     "rijksregisternummer",
      "rrn",      "insz",     "nummer", "geboren", "onbekend", "unknown", "inconnu",
      "inconnue", "niemand",  "iemand", "personne"};
  return words;
}

// What form-like notes say after "Moeder:" instead of a name.
const Lexicon& status_words() {
  static const Lexicon words{
      "overleden",    "ziek",         "opgenomen", "gedetineerd",  "onbekend",
      "afwezig",      "gescheiden",   "verslaafd", "werkloos",     "gehospitaliseerd",
      "onbereikbaar", "aanwezig",     "akkoord",   "niet",         "geen",
      "nvt",          "alleenstaand", "thuis",     "hospitalise",  "hospitalisee",
      "decede",       "decedee",      "inconnu",   "inconnue",     "absent",
      "absente",      "injoignable",  "deceased",  "hospitalised", "hospitalized",
      "unreachable",  "agrees",       "none",      "ok",           "zwanger",
      "psychiatrie",  "gevangenis",   "prison",    "ziekenhuis",   "verdwenen",
      "vermist",      "buitenland",   "abroad",    "etranger",     "zelfstandig",
      "werkt",        "woont",        "verblijft", "bereikbaar",   "weet",
      "wil",          "kan"};
  return words;
}

// Surname particles: "Van den Broeck", "De Smet", "El Amrani".
const Lexicon& particles() {
  static const Lexicon words{"van",    "de",  "der", "den", "ter", "ten",  "vande", "vanden",
                             "vander", "le",  "la",  "du",  "des", "el",   "al",    "ben",
                             "bin",    "ibn", "da",  "di",  "dos", "von",  "del",   "della",
                             "mc",     "op",  "t",   "d",   "l",   "abou", "abu",   "ait"};
  return words;
}

// Cues after which a capitalised word is a person: family and school relations.
const Lexicon& relation_cues() {
  static const Lexicon words{
      "mama",        "mam",        "mams",       "mammie",     "moeder",       "moeke",
      "mother",      "mom",        "mum",        "mommy",      "mummy",        "maman",
      "mere",        "papa",       "pap",        "papie",      "vader",        "father",
      "dad",         "daddy",      "pere",       "broer",      "broertje",     "brother",
      "frere",       "zus",        "zusje",      "zuster",     "sister",       "soeur",
      "oma",         "opa",        "bomma",      "bompa",      "meme",         "pepe",
      "grootmoeder", "grootvader", "grandma",    "grandpa",    "granny",       "grandmother",
      "grandfather", "grand-mere", "grand-pere", "tante",      "nonkel",       "oom",
      "aunt",        "auntie",     "uncle",      "oncle",      "neef",         "nicht",
      "cousin",      "cousine",    "vriend",     "vriendin",   "vriendje",     "vriendinnetje",
      "friend",      "ami",        "amie",       "copain",     "copine",       "juf",
      "juffrouw",    "meester",    "leerkracht", "teacher",    "institutrice", "instituteur",
      "maitresse",   "dokter",     "docteur",    "doctor",     "dr",           "partner",
      "stiefmoeder", "stiefvader", "zoon",       "dochter",    "son",          "daughter",
      "fils",        "fille",      "plusmama",   "pluspapa",   "pleegmoeder",  "pleegvader",
      "pleegmama",   "pleegpapa",  "ex",         "ex-partner", "baby",         "bebe",
      "kindje"};
  return words;
}

// Cues after which a capitalised word (or particle + word) is a surname or a name.
const Lexicon& surname_cues() {
  static const Lexicon words{"familie",     "famille",     "family",      "fam",      "mevrouw",
                             "mevr",        "mw",          "meneer",      "mijnheer", "dhr",
                             "mr",          "mrs",         "ms",          "miss",     "madame",
                             "mme",         "mlle",        "monsieur",    "naam",     "achternaam",
                             "familienaam", "nom",         "surname",     "m",        "gezin",
                             "pleeggezin",  "crisisgezin", "opvanggezin", "gastgezin"};
  return words;
}

// Surname cues that are the word "name": "naam van de school" is not a person.
const Lexicon& name_words() {
  static const Lexicon words{"naam", "achternaam", "familienaam", "nom", "surname"};
  return words;
}

// Cues that name someone: "heet Yasmine", "s'appelle Nathan", "named Jayden".
const Lexicon& naming_cues() {
  static const Lexicon words{"heet",   "heten",   "heette", "genaamd", "noemt", "voornaam",
                             "prenom", "appelle", "appele", "appelee", "nomme", "nommee",
                             "named",  "called",  "name",   "roepnaam"};
  return words;
}

// Cues written as abbreviations, followed by a dot: "Mr. Johnson", "M. Dupont".
const Lexicon& abbreviated_cues() {
  static const Lexicon words{"mr", "mrs", "ms",   "dr", "dhr", "mevr",
                             "mw", "mme", "mlle", "m",  "fam"};
  return words;
}

// Words between a cue and the name: "naam is Ilias", "mama van Bilal".
const Lexicon& cue_connectors() {
  static const Lexicon words{"is", "heet", "noemt", "named", "called", "est", "s", "van"};
  return words;
}

// Words that start an organisation's name: the capitalised words after them are not people.
const Lexicon& organisation_prefixes() {
  static const Lexicon words{"az",
                             "uz",
                             "zna",
                             "gza",
                             "chu",
                             "chr",
                             "chc",
                             "hopital",
                             "hopitaux",
                             "clinique",
                             "cliniques",
                             "kliniek",
                             "ziekenhuis",
                             "kinderziekenhuis",
                             "school",
                             "basisschool",
                             "kleuterschool",
                             "college",
                             "atheneum",
                             "lyceum",
                             "instituut",
                             "institut",
                             "ecole",
                             "creche",
                             "kinderdagverblijf",
                             "kinderopvang",
                             "kdv",
                             "internaat",
                             "home",
                             "huize",
                             "campus",
                             "sint",
                             "saint",
                             "sainte",
                             "st",
                             "ste",
                             "heilig",
                             "heilige",
                             "koningin",
                             "koning",
                             "prinses",
                             "prins",
                             "reine",
                             "roi",
                             "queen",
                             "king",
                             "olv",
                             "vzw",
                             "asbl",
                             "ckg",
                             "centrum",
                             "centre",
                             "opvangcentrum",
                             "kerk",
                             "moskee",
                             "parochie",
                             "chiro",
                             "scouts",
                             "jeugdhuis",
                             "residentie",
                             "woonzorgcentrum",
                             "ocmw",
                             "cpas",
                             "clb",
                             "caw",
                             "pms",
                             "oooc"};
  return words;
}

// Multi-word organisation names that contain first names.
constexpr std::array<std::array<std::string_view, 3>, 10> kOrganisationPhrases{{
    {"kind", "en", "gezin"},
    {"child", "focus", ""},
    {"rode", "kruis", ""},
    {"jan", "yperman", ""},
    {"jan", "palfijn", ""},
    {"maria", "middelares", ""},
    {"don", "bosco", ""},
    {"koningin", "paola", ""},
    {"reine", "fabiola", ""},
    {"onze", "lieve", "vrouw"},
}};

// First parts of hyphenated words that are saints, churches and hospitals, never people.
const Lexicon& saint_prefixes() {
  static const Lexicon words{"sint",   "saint",   "sainte", "st",  "ste", "onze",
                             "heilig", "heilige", "o.l.v",  "olv", "san", "santa"};
  return words;
}

// Prepositions that put a place, not a person, after them ("in Veerle", "à Liège").
const Lexicon& place_prepositions() {
  static const Lexicon words{"in",       "te",    "uit",      "naar",   "nabij", "rond", "richting",
                             "omgeving", "regio", "gemeente", "a",      "pres",  "vers", "from",
                             "near",     "to",    "around",   "region", "de",    "van"};
  return words;
}

// Birth words: an exact date after them is a birth date.
const Lexicon& birth_cues() {
  static const Lexicon words{"geboren", "geb",          "geboortedatum", "geboortedag",
                             "born",    "birth",        "birthdate",     "birthday",
                             "dob",     "naissance",    "verjaardag",    "verjaart",
                             "jarig",   "anniversaire", "geboorte",      "nee",
                             "ne",      "nes",          "nees"};
  return words;
}

// Words allowed between a birth word and its date: "née à Liège le 3 mars".
const Lexicon& birth_fillers() {
  static const Lexicon words{"op",    "on",  "le",      "the",      "in", "te", "at",
                             "a",     "of",  "van",     "date",     "de", "du", "is",
                             "was",   "est", "om",      "rond",     "e",  "la", "sur",
                             "datum", "dd",  "geboren", "naissance"};
  return words;
}

const Lexicon& ordinal_suffixes() {
  static const Lexicon words{"e", "de", "ste", "er", "ere", "re", "eme", "st", "nd", "rd", "th"};
  return words;
}

// Street words used alone ("Grote Markt 3") and as suffix ("Kerkstraat 12").
// Strong ones are streets even in lower case ("kerkstraat 12"); weak ones need a capital.
const Lexicon& strong_street_words() {
  static const Lexicon words{"straat", "steenweg",  "laan",     "dreef", "kaai",
                             "lei",    "boulevard", "straatje", "steeg"};
  return words;
}
constexpr std::array<std::string_view, 9> kStrongStreetSuffixes{
    "straat", "steenweg", "laan", "dreef", "kaai", "lei", "straatje", "steeg", "plein"};
constexpr std::array<std::string_view, 33> kWeakStreetSuffixes{
    "markt",    "plein",  "weg",  "baan",  "vest",  "singel", "dijk", "gracht", "pad",
    "wegel",    "kouter", "hof",  "dries", "ring",  "kade",   "park", "berg",   "veld",
    "heide",    "hoek",   "reke", "gang",  "akker", "meers",  "bos",  "wal",    "plaats",
    "pleintje", "vliet",  "dam",  "werf",  "beemd", "poort"};

// Lower-case compounds ending in a street word that are ordinary words.
const Lexicon& street_word_exceptions() {
  static const Lexicon words{"speelplein", "supermarkt", "snelweg",     "onderweg",  "zijweg",
                             "omweg",      "loopbaan",   "ijsbaan",     "zijstraat", "weg",
                             "halfweg",    "hoofdweg",   "autosnelweg", "fietspad",  "voetpad",
                             "klei",       "vlei",       "marktplein",  "dorpsplein"};
  return words;
}

// French street words that come before the name: "rue de la Loi 16".
const Lexicon& french_street_words() {
  static const Lexicon words{
      "rue",    "avenue",  "av",      "chaussee",   "place",    "boulevard", "bd",
      "chemin", "square",  "quai",    "impasse",    "allee",    "clos",      "dreve",
      "route",  "ruelle",  "sentier", "rempart",    "cite",     "galerie",   "passage",
      "voie",   "venelle", "parvis",  "rond-point", "residence"};
  return words;
}
const Lexicon& french_street_particles() {
  static const Lexicon words{"de", "du",  "des", "la",  "le", "les", "l",
                             "d",  "aux", "au",  "sur", "en", "et"};
  return words;
}

// Units after a number: "Markt 3 dagen" is not a house number.
const Lexicon& units() {
  static const Lexicon words{
      "jaar",    "jaren",   "jr",       "maand",    "maanden",  "mnd",   "week",    "weken",
      "dag",     "dagen",   "uur",      "uren",     "u",        "h",     "min",     "minuten",
      "km",      "m",       "keer",     "kinderen", "kind",     "x",     "ans",     "an",
      "mois",    "semaine", "semaines", "jour",     "jours",    "heure", "heures",  "fois",
      "enfants", "year",    "years",    "month",    "months",   "weeks", "day",     "days",
      "hour",    "hours",   "times",    "children", "kg",       "cm",    "ml",      "mg",
      "procent", "percent", "euro",     "eur",      "personen", "pers",  "nachten", "nacht"};
  return words;
}

// Top-level domains a bare host name must end with to count as a URL ("gezin.be").
const Lexicon& url_tlds() {
  static const Lexicon words{
      "be",   "com", "org", "net",        "eu",       "nl",   "fr",     "de",   "lu",   "uk",
      "info", "io",  "me",  "tv",         "app",      "ly",   "gl",     "co",   "ma",   "tr",
      "edu",  "gov", "int", "biz",        "online",   "site", "xyz",    "link", "page", "dev",
      "ai",   "us",  "ca",  "vlaanderen", "brussels", "gent", "social", "shop", "blog", "news",
      "ro",   "pl",  "es",  "it",         "ch",       "at",   "cd",     "dz",   "tn"};
  return words;
}

// ---- one look-up per word ---------------------------------------------------------------

// What the lists above say about a word, as bits: each token is looked up once.
enum WordFlag : std::uint32_t {
  kNeverName = 1u << 0,
  kWeekday = 1u << 1,
  kMonth = 1u << 2,
  kAmbiguousName = 1u << 3,
  kStopword = 1u << 4,
  kParticle = 1u << 5,
  kRelationCue = 1u << 6,
  kSurnameCue = 1u << 7,
  kNamingCue = 1u << 8,
  kConnector = 1u << 9,
  kOrganisationPrefix = 1u << 10,
  kSaintPrefix = 1u << 11,
  kPlacePreposition = 1u << 12,
  kBirthCue = 1u << 13,
  kBirthFiller = 1u << 14,
  kOrdinal = 1u << 15,
  kStrongStreet = 1u << 16,
  kStreetException = 1u << 17,
  kFrenchStreet = 1u << 18,
  kFrenchParticle = 1u << 19,
  kUnit = 1u << 20,
  kAbbreviatedCue = 1u << 21,
  kNumberWord = 1u << 22,
  kBoxWord = 1u << 23,
  kStreetQualifier = 1u << 24,
  kAddressCue = 1u << 25,
  kAddressFiller = 1u << 26,
  kNameWord = 1u << 27,
  kStatusWord = 1u << 28,
};

const Lexicon& number_words() {
  static const Lexicon words{"nr", "no", "n", "nummer", "num"};
  return words;
}
const Lexicon& box_words() {
  static const Lexicon words{"bus", "bte", "boite", "bt", "b"};
  return words;
}
// Words after which a street name and house number follow: "adres: Meir 50".
const Lexicon& address_cues() {
  static const Lexicon words{
      "adres",      "adresse",   "address",        "woont",    "wonen",     "woonachtig",
      "woonplaats", "domicilie", "gedomicilieerd", "domicile", "domicilie", "domiciliee",
      "habite",     "habitent",  "lives",          "living",   "resides",   "verblijfplaats"};
  return words;
}
// Words between an address cue, or a number, and the street name.
const Lexicon& address_fillers() {
  static const Lexicon words{"op", "in", "de", "te", "het", "aan", "the",    "at",
                             "a",  "au", "en", "le", "la",  "nr",  "nummer", "no"};
  return words;
}

const Lexicon& street_qualifiers() {
  static const Lexicon words{
      "grote",    "kleine",    "oude",    "nieuwe",   "lange", "korte",   "hoge",
      "lage",     "sint",      "koning",  "koningin", "prins", "prinses", "burgemeester",
      "generaal", "kardinaal", "pastoor", "dokter",   "onze",  "heilig",  "vrijheid"};
  return words;
}

const std::unordered_map<std::string_view, std::uint32_t>& word_flags() {
  static const std::unordered_map<std::string_view, std::uint32_t> table = [] {
    const std::array<std::pair<const Lexicon*, std::uint32_t>, 28> lists{{
        {&never_names(), kNeverName},
        {&weekdays(), kWeekday},
        {&ambiguous_names(), kAmbiguousName},
        {&stopwords(), kStopword},
        {&particles(), kParticle},
        {&relation_cues(), kRelationCue},
        {&surname_cues(), kSurnameCue},
        {&naming_cues(), kNamingCue},
        {&cue_connectors(), kConnector},
        {&organisation_prefixes(), kOrganisationPrefix},
        {&saint_prefixes(), kSaintPrefix},
        {&place_prepositions(), kPlacePreposition},
        {&birth_cues(), kBirthCue},
        {&birth_fillers(), kBirthFiller},
        {&ordinal_suffixes(), kOrdinal},
        {&strong_street_words(), kStrongStreet},
        {&street_word_exceptions(), kStreetException},
        {&french_street_words(), kFrenchStreet},
        {&french_street_particles(), kFrenchParticle},
        {&units(), kUnit},
        {&abbreviated_cues(), kAbbreviatedCue},
        {&number_words(), kNumberWord},
        {&box_words(), kBoxWord},
        {&street_qualifiers(), kStreetQualifier},
        {&address_cues(), kAddressCue},
        {&address_fillers(), kAddressFiller},
        {&name_words(), kNameWord},
        {&status_words(), kStatusWord},
    }};
    std::unordered_map<std::string_view, std::uint32_t> flags;
    for (const auto& [lexicon, flag] : lists) {
      for (const std::string_view word : *lexicon) flags[word] |= flag;
    }
    for (const auto& [word, number] : month_numbers()) flags[word] |= kMonth;
    return flags;
  }();
  return table;
}

std::uint32_t flags_of(std::string_view word) {
  const auto it = word_flags().find(word);
  return it == word_flags().end() ? 0 : it->second;
}

// ---- characters --------------------------------------------------------------------------

bool starts_with_ci(std::string_view text, std::size_t pos, std::string_view prefix) {
  if (text.size() - pos < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower_ascii(text[pos + i]) != prefix[i]) return false;
  }
  return true;
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x00A0 ||
         c == 0x2007 || c == 0x202F || (c >= 0x2000 && c <= 0x200B) || c == 0x3000;
}

bool is_hyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// ---- tokens ------------------------------------------------------------------------------

enum class TokenType { kWord, kNumber, kSymbol };

struct Token {
  TokenType type = TokenType::kSymbol;
  std::size_t start = 0;
  std::size_t end = 0;
  std::string folded;           // words: folded; numbers: the digits; symbols: the bytes
  bool upper = false;           // the first letter is upper case
  bool all_upper = false;       // two or more letters, all upper case
  bool sentence_start = false;  // first word of the note, a line or a sentence
  bool newline_before = false;  // a line break separates it from the previous token
  bool space_before = false;    // whitespace separates it from the previous token
  std::uint32_t flags = 0;      // words: WordFlag bits of `folded`

  bool has(std::uint32_t flag) const { return type == TokenType::kWord && (flags & flag) != 0; }

  bool is_word() const { return type == TokenType::kWord; }
  bool is_number() const { return type == TokenType::kNumber; }
  bool is_symbol(std::string_view s) const { return type == TokenType::kSymbol && folded == s; }
};

// Symbols after which the next word starts a sentence.
bool ends_sentence(std::string_view symbol) {
  return symbol == "." || symbol == "!" || symbol == "?" || symbol == "\xE2\x80\xA6";
}
// Symbols that leave the sentence position unchanged: quotes, brackets, bullets.
bool keeps_sentence_position(std::string_view symbol) {
  return symbol == "(" || symbol == "\"" || symbol == "'" || symbol == "-" || symbol == "*" ||
         symbol == "\xE2\x80\xA2" || symbol == "\xC2\xAB" || symbol == "\xC2\xBB" ||
         symbol == "\xE2\x80\x9C" || symbol == "\xE2\x80\x9D" || symbol == "\xE2\x80\x93" ||
         symbol == "[";
}

// The end of the word starting at `pos`: letters and marks, joined by inner hyphens.
std::size_t scan_word(std::string_view text, std::size_t pos, bool& all_upper, int& letters) {
  all_upper = true;
  letters = 0;
  while (pos < text.size()) {
    const CodePoint cp = decode_utf8(text, pos);
    if (cp.length == 0) break;
    if (is_letter(cp.value)) {
      ++letters;
      if (!is_upper(cp.value)) all_upper = false;
      pos += cp.length;
    } else if (is_mark(cp.value)) {
      pos += cp.length;
    } else if (is_hyphen(cp.value) && pos + cp.length < text.size()) {
      const CodePoint next = decode_utf8(text, pos + cp.length);
      if (next.length == 0 || !is_letter(next.value)) break;
      pos += cp.length;
    } else {
      break;
    }
  }
  return pos;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4 + 4);
  bool sentence_start = true;
  bool newline = false;
  bool space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const CodePoint cp = decode_utf8(text, pos);
    if (cp.length != 0 && is_space(cp.value)) {
      if (cp.value == '\n') {
        newline = true;
        sentence_start = true;
      }
      space = true;
      pos += cp.length;
      continue;
    }
    Token token;
    token.start = pos;
    token.newline_before = newline && !tokens.empty();
    token.space_before = space;
    if (cp.length != 0 && is_letter(cp.value)) {
      int letters = 0;
      token.type = TokenType::kWord;
      token.end = scan_word(text, pos, token.all_upper, letters);
      token.upper = is_upper(cp.value);
      token.all_upper = token.all_upper && letters >= 2;
      token.folded = fold_text(text.substr(pos, token.end - pos));
      token.flags = flags_of(token.folded);
      token.sentence_start = sentence_start;
      sentence_start = false;
    } else if (cp.length != 0 && cp.value >= '0' && cp.value <= '9') {
      token.type = TokenType::kNumber;
      token.end = pos;
      while (token.end < text.size() && is_digit(text[token.end])) ++token.end;
      token.folded.assign(text.substr(pos, token.end - pos));
      token.sentence_start = sentence_start;
      sentence_start = false;
    } else {
      token.end = pos + (cp.length == 0 ? 1 : cp.length);
      token.folded.assign(text.substr(pos, token.end - pos));
      if (ends_sentence(token.folded)) {
        sentence_start = true;
      } else if (!keeps_sentence_position(token.folded)) {
        sentence_start = false;
      }
    }
    pos = token.end;
    newline = false;
    space = false;
    tokens.push_back(std::move(token));
  }
  return tokens;
}

// ---- findings ----------------------------------------------------------------------------

int priority(FindingKind kind) {
  switch (kind) {
    case FindingKind::kEmail:
      return 0;
    case FindingKind::kUrl:
      return 1;
    case FindingKind::kNationalId:
      return 2;
    case FindingKind::kBirthDate:
      return 3;
    case FindingKind::kPhone:
      return 4;
    case FindingKind::kAddress:
      return 5;
    case FindingKind::kName:
      return 6;
  }
  return 7;
}

void add(std::vector<Finding>& out, std::string_view text, FindingKind kind, std::size_t start,
         std::size_t end) {
  if (end <= start || end > text.size()) return;
  out.push_back(Finding{kind, std::string(text.substr(start, end - start)), start, end});
}

// Keeps, of overlapping findings, the one of the most specific kind (then the longest).
std::vector<Finding> resolve(std::vector<Finding> candidates) {
  std::sort(candidates.begin(), candidates.end(), [](const Finding& a, const Finding& b) {
    if (priority(a.kind) != priority(b.kind)) return priority(a.kind) < priority(b.kind);
    if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
    return a.start < b.start;
  });
  std::vector<Finding> kept;
  for (Finding& f : candidates) {
    const bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const Finding& k) {
      return f.start < k.end && k.start < f.end;
    });
    if (!overlaps) kept.push_back(std::move(f));
  }
  std::sort(kept.begin(), kept.end(),
            [](const Finding& a, const Finding& b) { return a.start < b.start; });
  return kept;
}

// ---- e-mail, URLs, handles ---------------------------------------------------------------

bool is_email_local(char c) {
  return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_host_char(char c) { return is_alnum(c) || c == '-' || c == '.'; }

// A host name "a.b.tld": at least two labels, the last one letters only.
bool is_host(std::string_view host) {
  const std::size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  const std::string_view tld = host.substr(dot + 1);
  return tld.size() >= 2 && std::all_of(tld.begin(), tld.end(), is_alpha);
}

// The end of a URL path or tail: up to whitespace, without trailing punctuation.
std::size_t url_tail_end(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size() && !is_space(static_cast<unsigned char>(text[end])) &&
         static_cast<unsigned char>(text[end]) < 0x80 && text[end] != '<' && text[end] != '>' &&
         text[end] != '"') {
    ++end;
  }
  while (end > pos &&
         std::string_view(".,;:!?)]}'").find(text[end - 1]) != std::string_view::npos) {
    --end;
  }
  return end;
}

// "sandra@x.be", and the spelled-out forms "sandra[at]x.be", "sandra(at)x.be".
void scan_emails(std::string_view text, std::vector<Finding>& out) {
  constexpr std::array<std::string_view, 4> kAt{"@", "[at]", "(at)", "[@]"};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '@' && text[i] != '[' && text[i] != '(') continue;
    std::size_t at_len = 0;
    for (const std::string_view at : kAt) {
      if (starts_with_ci(text, i, at)) at_len = at.size();
    }
    if (at_len == 0) continue;
    std::size_t start = i;
    while (start > 0 && is_email_local(text[start - 1])) --start;
    while (start < i && text[start] == '.') ++start;
    std::size_t end = i + at_len;
    while (end < text.size() && is_host_char(text[end])) ++end;
    while (end > i + at_len && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
    if (start < i && is_host(text.substr(i + at_len, end - i - at_len))) {
      add(out, text, FindingKind::kEmail, start, end);
      i = end - 1;
    }
  }
}

// "@yasmine.x15" after a space or at the start: a social-media account (reported as url).
void scan_handles(std::string_view text, std::vector<Finding>& out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '@') continue;
    if (i > 0 && !is_space(static_cast<unsigned char>(text[i - 1])) && text[i - 1] != '(' &&
        text[i - 1] != ':') {
      continue;
    }
    std::size_t end = i + 1;
    bool letter = false;
    while (end < text.size() && (is_alnum(text[end]) || text[end] == '_' || text[end] == '.')) {
      letter = letter || is_alpha(text[end]);
      ++end;
    }
    while (end > i + 1 && text[end - 1] == '.') --end;
    if (letter && end - i >= 4) add(out, text, FindingKind::kUrl, i, end);
  }
}

// The end of a bare host name at `pos` with a known top-level domain, or `pos`.
std::size_t bare_host_end(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  std::size_t labels = 0;
  std::size_t first_len = 0;
  std::size_t last_start = pos;
  while (true) {
    std::size_t k = end;
    while (k < text.size() && (is_alnum(text[k]) || text[k] == '-')) ++k;
    if (k == end) return pos;
    if (labels == 0) first_len = k - end;
    ++labels;
    last_start = end;
    end = k;
    if (end + 1 < text.size() && text[end] == '.' && is_alnum(text[end + 1])) {
      ++end;
      continue;
    }
    break;
  }
  if (labels < 2) return pos;
  std::string tld(text.substr(last_start, end - last_start));
  for (char& c : tld) c = lower_ascii(c);
  if (!url_tlds().contains(tld)) return pos;
  const bool path = end < text.size() && text[end] == '/';
  if (first_len < 2 && !path) return pos;  // "o.a" is an abbreviation, "t.me/x" a link
  if (end < text.size() && (is_alpha(text[end]) || text[end] == '@')) return pos;
  return end;
}

// "https://…", "www.…" and bare host names ("familiewouters.be", "facebook.com/x").
void scan_urls(std::string_view text, std::vector<Finding>& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    const bool boundary =
        i == 0 || std::string_view(" \t\r\n(\"'<[:;,").find(text[i - 1]) != std::string_view::npos;
    if (!boundary || !is_alnum(text[i])) {
      ++i;
      continue;
    }
    if (starts_with_ci(text, i, "http://") || starts_with_ci(text, i, "https://") ||
        starts_with_ci(text, i, "www.")) {
      const std::size_t end = url_tail_end(text, i);
      add(out, text, FindingKind::kUrl, i, end);
      i = std::max(end, i + 1);
      continue;
    }
    std::size_t end = bare_host_end(text, i);
    if (end > i) {
      if (end < text.size() && text[end] == '/') end = url_tail_end(text, end);
      add(out, text, FindingKind::kUrl, i, end);
      i = end;
      continue;
    }
    ++i;
  }
}

// ---- national register number ------------------------------------------------------------

bool is_id_separator(char c) { return c == '.' || c == '-' || c == ' ' || c == '/'; }

// Belgian national register number (rijksregisternummer, also INSZ/bis): 9 digits and a
// mod-97 check; people born from 2000 on have "2" put before the 9 digits.
bool valid_national_id(std::string_view digits) {
  long long base = 0;
  for (std::size_t i = 0; i < 9; ++i) base = base * 10 + (digits[i] - '0');
  const int check = (digits[9] - '0') * 10 + (digits[10] - '0');
  return 97 - base % 97 == check || 97 - (2000000000LL + base) % 97 == check;
}

// YY.MM.DD-XXX.CC with any of . - / space between groups, or 11 digits in a row.
void scan_national_ids(std::string_view text, std::vector<Finding>& out) {
  constexpr std::array<int, 5> kGroups{2, 2, 2, 3, 2};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_digit(text[i]) || (i > 0 && (is_digit(text[i - 1]) || is_alpha(text[i - 1])))) continue;
    std::string digits;
    std::size_t pos = i;
    bool ok = true;
    for (std::size_t g = 0; g < kGroups.size() && ok; ++g) {
      if (g > 0 && pos < text.size() && is_id_separator(text[pos]) && pos + 1 < text.size() &&
          is_digit(text[pos + 1])) {
        ++pos;
      }
      for (int d = 0; d < kGroups[g]; ++d, ++pos) {
        if (pos >= text.size() || !is_digit(text[pos])) {
          ok = false;
          break;
        }
        digits.push_back(text[pos]);
      }
    }
    if (!ok || (pos < text.size() && (is_digit(text[pos]) || is_alpha(text[pos])))) continue;
    if (valid_national_id(digits)) {
      add(out, text, FindingKind::kNationalId, i, pos);
      i = pos - 1;
    }
  }
}

// ---- phone numbers -----------------------------------------------------------------------

bool is_phone_separator(char c) { return c == ' ' || c == '.' || c == '/' || c == '-'; }

// Runs of digits that look like a phone number even when libphonenumber finds them
// invalid (a digit too few or too many is still somebody's number): 9 to 11 digits
// starting with 0, or 9 to 15 digits after + or 00.
void scan_phone_like_runs(std::string_view text, std::vector<Finding>& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    const bool plus = text[i] == '+' && i + 1 < text.size() && is_digit(text[i + 1]);
    if ((!plus && !is_digit(text[i])) || (i > 0 && is_alnum(text[i - 1]))) {
      ++i;
      continue;
    }
    std::string digits;
    std::size_t pos = plus ? i + 1 : i;
    std::size_t end = pos;
    std::size_t first_group = 0;
    while (true) {
      while (pos < text.size() && is_digit(text[pos])) digits.push_back(text[pos++]);
      if (first_group == 0) first_group = digits.size();
      end = pos;
      if (pos + 1 < text.size() && is_phone_separator(text[pos]) && is_digit(text[pos + 1])) {
        ++pos;
        continue;
      }
      break;
    }
    const bool glued = end < text.size() && is_alpha(text[end]);
    const bool international = plus || digits.starts_with("00");
    const std::size_t count = digits.size() - (digits.starts_with("00") ? 2 : 0);
    // A local number starts with its zone or mobile prefix: "0470 …", "09 …", not "0 2007-…".
    const bool local_prefix =
        first_group >= 2 && (first_group <= 4 || first_group == digits.size());
    const bool phone = international
                           ? count >= 9 && count <= 15
                           : digits.starts_with("0") && local_prefix && count >= 9 && count <= 11;
    if (phone && !glued) add(out, text, FindingKind::kPhone, i, end);
    i = std::max(end, i + 1);
  }
}

bool is_cluster_char(char c) {
  return is_digit(c) || c == '+' || c == '(' || c == ')' || is_phone_separator(c);
}

// Stretches of digits, separators and brackets with at least 8 digits: the only places
// where libphonenumber's matcher (slow, regular expressions) needs to look.
std::vector<std::pair<std::size_t, std::size_t>> digit_clusters(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> clusters;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i]) && text[i] != '+' && text[i] != '(') {
      ++i;
      continue;
    }
    std::size_t end = i;
    std::size_t last_digit = i;
    int digits = 0;
    int in_a_row = 0;
    int longest_row = 0;  // more than 15 digits in a row is no phone number (E.164 max)
    while (end < text.size() && is_cluster_char(text[end])) {
      in_a_row = is_digit(text[end]) ? in_a_row + 1 : 0;
      longest_row = std::max(longest_row, in_a_row);
      if (is_digit(text[end])) {
        ++digits;
        last_digit = end + 1;
      }
      ++end;
    }
    if (digits >= 8 && longest_row <= 15) clusters.emplace_back(i, last_digit);
    i = std::max(end, i + 1);
  }
  return clusters;
}

// libphonenumber's matcher (Belgium as default region, international numbers too), run
// once over the digit clusters joined by " ; " (building a matcher costs more than
// matching), then the phone-like runs it did not report.
void scan_phones(std::string_view text, std::vector<Finding>& out) {
  using i18n::phonenumbers::PhoneNumberMatch;
  using i18n::phonenumbers::PhoneNumberMatcher;
  using i18n::phonenumbers::PhoneNumberUtil;
  constexpr std::string_view kGap = " ; ";
  std::string joined;
  std::vector<std::pair<std::size_t, std::size_t>> origins;  // (offset in joined, in text)
  for (const auto& [start, end] : digit_clusters(text)) {
    if (!joined.empty()) joined += kGap;
    origins.emplace_back(joined.size(), start);
    joined += text.substr(start, end - start);
  }
  std::vector<Finding> found;
  if (!joined.empty()) {
    PhoneNumberMatcher matcher(*PhoneNumberUtil::GetInstance(), joined, "BE",
                               PhoneNumberMatcher::VALID, 64);
    while (matcher.HasNext()) {
      PhoneNumberMatch match;
      if (!matcher.Next(&match)) break;
      const auto at = static_cast<std::size_t>(match.start());
      const auto origin =
          std::prev(std::upper_bound(origins.begin(), origins.end(), std::pair{at, text.size()}));
      const std::size_t from = origin->second + (at - origin->first);
      add(found, text, FindingKind::kPhone, from, from + static_cast<std::size_t>(match.length()));
    }
  }
  std::vector<Finding> runs;
  scan_phone_like_runs(text, runs);
  for (Finding& run : runs) {
    const bool known = std::any_of(found.begin(), found.end(), [&](const Finding& f) {
      return run.start < f.end && f.start < run.end;
    });
    if (!known) found.push_back(std::move(run));
  }
  out.insert(out.end(), std::make_move_iterator(found.begin()),
             std::make_move_iterator(found.end()));
}

// ---- token scanners (dates, addresses, names) --------------------------------------------

class TokenScanner {
 public:
  TokenScanner(std::string_view text, const std::vector<Token>& tokens)
      : text_(text), tokens_(tokens) {}

  void birth_dates(std::vector<Finding>& out) const;

 protected:
  const Token* at(std::size_t i) const { return i < tokens_.size() ? &tokens_[i] : nullptr; }
  // Token i follows i-1 directly, without whitespace.
  bool glued(std::size_t i) const {
    return i > 0 && i < tokens_.size() && tokens_[i].start == tokens_[i - 1].end;
  }
  bool word_has(std::size_t i, std::uint32_t flag) const {
    const Token* t = at(i);
    return t != nullptr && t->has(flag);
  }

  std::optional<std::size_t> date_at(std::size_t i) const;
  std::optional<std::size_t> numeric_date_at(std::size_t i) const;
  std::optional<std::size_t> day_month_at(std::size_t i) const;
  std::optional<std::size_t> month_day_at(std::size_t i) const;
  std::size_t year_after(std::size_t i) const;
  bool is_birth_cue(std::size_t i) const;

  void street_addresses(std::vector<Finding>& out) const;
  std::optional<std::size_t> house_number_at(std::size_t i) const;
  std::optional<std::size_t> number_before(std::size_t start) const;
  bool is_street_word(const Token& t) const;
  std::size_t street_name_start(std::size_t i, bool standalone) const;
  void french_address(std::size_t i, std::vector<Finding>& out) const;

  std::string_view text_;
  const std::vector<Token>& tokens_;
};

int number_value(const Token& t) {
  if (!t.is_number() || t.folded.size() > 4) return -1;
  int v = 0;
  for (const char c : t.folded) v = v * 10 + (c - '0');
  return v;
}

bool valid_day_month(int day, int month) {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

bool is_date_separator(const Token& t) {
  return t.is_symbol("/") || t.is_symbol(".") || t.is_symbol("-");
}

// "12/03/2019", "12.03.19", "12-3", "2019-03-12": the index of the last token, or nothing.
std::optional<std::size_t> TokenScanner::numeric_date_at(std::size_t i) const {
  const Token* a = at(i);
  const Token* s1 = at(i + 1);
  const Token* b = at(i + 2);
  if (a == nullptr || s1 == nullptr || b == nullptr || !is_date_separator(*s1) || !b->is_number() ||
      !glued(i + 1) || !glued(i + 2)) {
    return std::nullopt;
  }
  const Token* s2 = at(i + 3);
  const Token* c = at(i + 4);
  const bool third = s2 != nullptr && c != nullptr && s2->folded == s1->folded && c->is_number() &&
                     glued(i + 3) && glued(i + 4);
  if (a->folded.size() == 4 && third && s1->is_symbol("-")) {  // ISO 2019-03-12
    return valid_day_month(number_value(*c), number_value(*b)) ? std::optional<std::size_t>(i + 4)
                                                               : std::nullopt;
  }
  if (a->folded.size() > 2 || b->folded.size() > 2) return std::nullopt;
  if (!valid_day_month(number_value(*a), number_value(*b))) return std::nullopt;
  if (!third) return i + 2;  // "12/03": no year, still an exact birthday
  if (c->folded.size() == 2 || c->folded.size() == 4) return i + 4;
  return std::nullopt;
}

// An optional year after token `i`: "2019", ", 2019" or "'19". The index of the year
// token, or `i` when there is none.
std::size_t TokenScanner::year_after(std::size_t i) const {
  std::size_t j = i + 1;
  if (const Token* dot = at(j); dot != nullptr && dot->is_symbol(".") && glued(j)) ++j;
  if (const Token* comma = at(j); comma != nullptr && comma->is_symbol(",")) ++j;
  if (const Token* apostrophe = at(j); apostrophe != nullptr && apostrophe->is_symbol("'")) ++j;
  const Token* year = at(j);
  if (year != nullptr && year->is_number() &&
      (year->folded.size() == 4 || year->folded.size() == 2) && !year->newline_before) {
    return j;
  }
  return i;
}

// "3 mars 2019", "1er janvier", "3rd of March 2019", "12 maart".
std::optional<std::size_t> TokenScanner::day_month_at(std::size_t i) const {
  const Token* day = at(i);
  if (day == nullptr || day->folded.size() > 2) return std::nullopt;
  std::size_t j = i + 1;
  if (word_has(j, kOrdinal) && glued(j)) ++j;
  if (const Token* of = at(j); of != nullptr && (of->folded == "of" || of->folded == "van")) {
    ++j;
  }
  const Token* month = at(j);
  if (month == nullptr || !month->is_word() || month->newline_before) return std::nullopt;
  const int m = month_number(month->folded);
  if (m == 0 || !valid_day_month(number_value(*day), m)) return std::nullopt;
  return year_after(j);
}

// "March 3, 2019", "May 5th".
std::optional<std::size_t> TokenScanner::month_day_at(std::size_t i) const {
  const Token* month = at(i);
  std::size_t j = i + 1;
  if (const Token* dot = at(j); dot != nullptr && dot->is_symbol(".")) ++j;
  const Token* day = at(j);
  if (day == nullptr || !day->is_number() || day->folded.size() > 2 ||
      !valid_day_month(number_value(*day), month_number(month->folded))) {
    return std::nullopt;
  }
  const std::size_t last = word_has(j + 1, kOrdinal) && glued(j + 1) ? j + 1 : j;
  return year_after(last);
}

std::optional<std::size_t> TokenScanner::date_at(std::size_t i) const {
  const Token& t = tokens_[i];
  if (t.is_number()) {
    if (auto end = numeric_date_at(i)) return end;
    return day_month_at(i);
  }
  if (t.has(kMonth)) return month_day_at(i);
  return std::nullopt;
}

bool TokenScanner::is_birth_cue(std::size_t i) const {
  const Token& t = tokens_[i];
  if (t.is_symbol("\xC2\xB0")) return true;  // "°"
  if (!t.has(kBirthCue)) return false;
  if (t.folded.starts_with("ne")) {  // né, née: the accent tells them from "ne ... pas"
    const std::string lowered = lower_text(text_.substr(t.start, t.end - t.start));
    return lowered.starts_with("n\xC3\xA9");
  }
  return true;
}

// A birth word, then within a few filler words an exact date: "geboren op 12/03/2019",
// "° 12.03.2019", "née à Liège le 3 mars 2019". Dates without a birth word are allowed.
void TokenScanner::birth_dates(std::vector<Finding>& out) const {
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    if (!is_birth_cue(i)) continue;
    for (std::size_t j = i + 1, steps = 0; j < tokens_.size() && steps < 8; ++j, ++steps) {
      const Token& t = tokens_[j];
      if (t.newline_before) break;
      if (t.is_number() || t.has(kMonth)) {
        if (const auto end = date_at(j)) {
          add(out, text_, FindingKind::kBirthDate, tokens_[i].start, tokens_[*end].end);
          i = *end;
          break;
        }
        if (t.is_number()) break;  // "geboren in 2019": a year only
        continue;
      }
      if (t.type == TokenType::kSymbol) {
        const bool abbreviation_dot = t.is_symbol(".") && j == i + 1;
        if (!abbreviation_dot && !t.is_symbol(":") && !t.is_symbol(",") && !t.is_symbol("(") &&
            !t.is_symbol(")") && !t.is_symbol("\xC2\xB0") && !t.is_symbol("'")) {
          break;
        }
        continue;
      }
      if (!t.has(kBirthFiller | kWeekday) && !t.upper) break;
    }
  }
}

// ---- addresses ---------------------------------------------------------------------------

bool ends_with(std::string_view word, std::string_view suffix) {
  return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

// A house number starting at token i: "12", "45A", "12-14", "120 bus 3", "nr. 5", "7/2".
// Returns the index of its last token.
std::optional<std::size_t> TokenScanner::house_number_at(std::size_t i) const {
  std::size_t j = i;
  if (const Token* comma = at(j); comma != nullptr && comma->is_symbol(",")) ++j;
  if (word_has(j, kNumberWord)) {
    ++j;
    if (const Token* dot = at(j);
        dot != nullptr && (dot->is_symbol(".") || dot->is_symbol("\xC2\xB0")))
      ++j;
  }
  const Token* number = at(j);
  if (number == nullptr || !number->is_number() || number->newline_before ||
      number->folded.size() > 4 || number->folded[0] == '0') {
    return std::nullopt;
  }
  if (const Token* place = at(j + 1);
      number->folded.size() == 4 && place != nullptr && place->is_word() && place->upper) {
    return std::nullopt;  // "1300 Wavre": a postcode
  }
  std::size_t last = j;
  if (const Token* letter = at(j + 1);
      letter != nullptr && letter->is_word() && glued(j + 1) && letter->folded.size() == 1) {
    if (letter->folded == "u" || letter->folded == "h" || letter->folded == "x")
      return std::nullopt;
    last = j + 1;
  }
  if (const Token* sep = at(last + 1);
      sep != nullptr && (sep->is_symbol("-") || sep->is_symbol("/")) && glued(last + 1) &&
      at(last + 2) != nullptr && glued(last + 2) &&
      (at(last + 2)->is_number() || at(last + 2)->folded.size() == 1)) {
    last += 2;
  }
  if (const Token* unit = at(last + 1); unit != nullptr && unit->has(kUnit)) {
    return std::nullopt;
  }
  if (const Token* colon = at(last + 1);
      colon != nullptr && colon->is_symbol(":") && glued(last + 1)) {
    return std::nullopt;  // "Markt 18:30" is a time
  }
  if (word_has(last + 1, kBoxWord)) {
    std::size_t k = last + 2;
    if (const Token* dot = at(k); dot != nullptr && dot->is_symbol(".")) ++k;
    if (const Token* box = at(k);
        box != nullptr && !box->newline_before &&
        (box->is_number() || (box->is_word() && box->folded.size() <= 2))) {
      last = k;
    }
  }
  return last;
}

bool TokenScanner::is_street_word(const Token& t) const {
  if (!t.is_word() || (t.has(kStreetException) && !t.upper)) return false;
  const std::string_view w = t.folded;
  if (t.has(kStrongStreet)) return t.upper;
  for (const std::string_view suffix : kStrongStreetSuffixes) {
    if (ends_with(w, suffix) && w.size() >= suffix.size() + 2) return true;
  }
  if (!t.upper) return false;
  for (const std::string_view suffix : kWeakStreetSuffixes) {
    if (w == suffix || (ends_with(w, suffix) && w.size() >= suffix.size() + 2)) return true;
  }
  return false;
}

// The first token of the street name ending at token i: the capitalised words before it
// ("Grote Markt", "Frans Van Cauwelaertlaan"), never a leading particle.
std::size_t TokenScanner::street_name_start(std::size_t i, bool standalone) const {
  std::size_t start = i;
  std::size_t k = i;
  for (int steps = 0; k > 0 && steps < 4; ++steps) {
    const Token& prev = tokens_[k - 1];
    const Token& cur = tokens_[k];
    if (!prev.is_word() || cur.newline_before) break;
    if (prev.has(kParticle)) {
      --k;
      continue;
    }
    const bool may_join = !prev.sentence_start || standalone || prev.has(kStreetQualifier);
    if (!prev.upper || !may_join || prev.has(kStopword)) break;
    --k;
    start = k;
  }
  return start;
}

// "rue de la Loi 16", "16, rue de la Loi", "Chaussée de Louvain 456".
void TokenScanner::french_address(std::size_t i, std::vector<Finding>& out) const {
  std::size_t j = i + 1;
  if (const Token* dot = at(j); dot != nullptr && dot->is_symbol(".")) ++j;
  std::optional<std::size_t> name_end;
  for (int steps = 0; j < tokens_.size() && steps < 7; ++steps, ++j) {
    const Token& t = tokens_[j];
    if (t.newline_before) break;
    if (t.is_word() && t.upper && !t.has(kFrenchParticle)) {
      name_end = j;
    } else if (!t.has(kFrenchParticle) && !t.is_symbol("'") && !t.is_symbol("\xE2\x80\x99")) {
      break;
    }
  }
  if (!name_end) return;
  if (const auto number = house_number_at(*name_end + 1)) {
    add(out, text_, FindingKind::kAddress, tokens_[i].start, tokens_[*number].end);
    return;
  }
  std::size_t k = i;
  if (k > 0 && tokens_[k - 1].is_symbol(",")) --k;
  if (k > 0 && tokens_[k - 1].is_number() && tokens_[k - 1].folded.size() <= 4 &&
      !tokens_[k].newline_before) {
    add(out, text_, FindingKind::kAddress, tokens_[k - 1].start, tokens_[*name_end].end);
  }
}

// The first token of a house number written before the street name that starts at token
// `start`: "12 Kerkstraat", "op nummer 14 in de Molenstraat". Nothing when there is none.
std::optional<std::size_t> TokenScanner::number_before(std::size_t start) const {
  std::size_t k = start;
  int fillers = 0;
  while (k > 0 && fillers < 3 && tokens_[k - 1].has(kAddressFiller) && !tokens_[k].newline_before) {
    --k;
    ++fillers;
  }
  if (k == 0 || tokens_[k].newline_before) return std::nullopt;
  const Token& number = tokens_[k - 1];
  if (!number.is_number() || number.folded.size() > 4 || number.folded[0] == '0')
    return std::nullopt;
  if (fillers == 0) return k - 1;
  // Across words ("op nummer 14 in de"), only a number introduced as such.
  if (k >= 2 && tokens_[k - 2].has(kNumberWord)) return k - 2;
  return std::nullopt;
}

// Dutch street names with a house number ("Kerkstraat 12", "Grote Markt 3",
// "Kortrijksesteenweg 120 bus 3", "12 Kerkstraat") and French ones ("rue de la Loi 16").
void TokenScanner::street_addresses(std::vector<Finding>& out) const {
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    const Token& t = tokens_[i];
    if (!t.is_word()) continue;
    if (t.has(kFrenchStreet)) {
      french_address(i, out);
      continue;
    }
    if (!is_street_word(t)) continue;
    const bool standalone =
        t.has(kStrongStreet) || std::find(kWeakStreetSuffixes.begin(), kWeakStreetSuffixes.end(),
                                          t.folded) != kWeakStreetSuffixes.end();
    const std::size_t start = street_name_start(i, standalone);
    if (const auto number = house_number_at(i + 1)) {
      add(out, text_, FindingKind::kAddress, tokens_[start].start, tokens_[*number].end);
      i = *number;
    } else if (const auto first = number_before(start)) {
      add(out, text_, FindingKind::kAddress, tokens_[*first].start, t.end);
    }
  }
}

// ---- names -------------------------------------------------------------------------------

enum class CueKind { kNone, kRelation, kSurname, kNaming };

bool is_particle(const Token& t) { return t.has(kParticle); }

bool is_plain_word(const Token& t) {
  if (t.has(kNeverName | kWeekday | kMonth)) return true;
  // "Marokkaans-Belgische", "Oost-Vlaanderen": every part a plain word.
  if (t.folded.find('-') == std::string::npos) return false;
  std::string_view rest = t.folded;
  while (!rest.empty()) {
    const std::size_t dash = std::min(rest.find('-'), rest.size());
    if ((flags_of(rest.substr(0, dash)) & (kNeverName | kWeekday | kMonth)) == 0) return false;
    rest.remove_prefix(std::min(dash + 1, rest.size()));
  }
  return true;
}

// Reads the tokens of one note with the guard's lists of first names and places
// (WordSet: the guard's set of folded words). Names are first names from the list, and
// capitalised words after a cue ("mama Sandra", "familie Janssens", "heet Yasmine");
// places, organisations and ordinary words are not.
template <typename WordSet>
class NoteScanner : public TokenScanner {
 public:
  NoteScanner(std::string_view text, const std::vector<Token>& tokens, const WordSet& first_names,
              const WordSet& places, const WordSet& place_starts)
      : TokenScanner(text, tokens),
        first_names_(first_names),
        places_(places),
        place_starts_(place_starts),
        place_(tokens.size(), false),
        blocked_(tokens.size(), false) {
    block_places();
    block_organisations();
  }

  void addresses(std::vector<Finding>& out) const {
    street_addresses(out);
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      if (tokens_[i].has(kAddressCue)) address_after_cue(i, out);
    }
  }

  void names(std::vector<Finding>& out) const {
    std::size_t i = 0;
    while (i < tokens_.size()) {
      if (!tokens_[i].is_word() || blocked_[i]) {
        ++i;
        continue;
      }
      std::optional<std::size_t> first;
      if (const CueKind cue = cue_at(i); cue != CueKind::kNone) {
        first = name_after_cue(i, cue);
      } else if (listed_name(i)) {
        first = i;
      }
      if (!first) {
        ++i;
        continue;
      }
      const std::size_t last = extend_name(*first);
      add(out, text_, FindingKind::kName, tokens_[*first].start, tokens_[last].end);
      i = last + 1;
    }
  }

 private:
  // The longest place name starting at token i ("Gent", "De Pinte", "'s Gravenwezel").
  std::optional<std::size_t> place_at(std::size_t i) const {
    std::optional<std::size_t> found;
    std::string phrase = tokens_[i].folded;
    if (tokens_[i].is_word() && places_.contains(phrase)) found = i;
    if (!tokens_[i].is_symbol("'") && !place_starts_.contains(phrase)) return found;
    for (std::size_t k = i + 1; k < tokens_.size() && k <= i + 4; ++k) {
      if (tokens_[k].newline_before) break;
      if (tokens_[k].space_before) phrase.push_back(' ');
      phrase += tokens_[k].folded;
      if (tokens_[k].is_word() && places_.contains(phrase)) found = k;
    }
    return found;
  }

  // "adres: Meir 50", "woonachtig te 2000 Antwerpen, Meir 50": past fillers, postcodes and
  // places, capitalised words and a house number.
  void address_after_cue(std::size_t i, std::vector<Finding>& out) const {
    for (std::size_t j = i + 1, steps = 0; j < tokens_.size() && steps < 8; ++j, ++steps) {
      const Token& t = tokens_[j];
      if (t.newline_before) return;
      const bool postcode = t.is_number() && t.folded.size() == 4;
      if (t.is_symbol(":") || t.is_symbol(",") || t.has(kAddressFiller) || postcode || place_[j]) {
        continue;
      }
      if (!t.is_word() || !t.upper || t.has(kStopword | kNeverName)) return;
      std::size_t last = j;
      while (last + 1 < j + 4 && at(last + 1) != nullptr && at(last + 1)->is_word() &&
             (at(last + 1)->upper || at(last + 1)->has(kParticle)) && !place_[last + 1] &&
             !at(last + 1)->newline_before) {
        ++last;
      }
      if (const auto number = house_number_at(last + 1)) {
        add(out, text_, FindingKind::kAddress, t.start, tokens_[*number].end);
      }
      return;
    }
  }

  // After "in", "à", "near" or a postcode, a word is read as a place.
  bool after_place_word(std::size_t i) const {
    if (i == 0) return false;
    const Token& prev = tokens_[i - 1];
    return prev.has(kPlacePreposition) || (prev.is_number() && prev.folded.size() == 4);
  }

  void block_places() {
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      if (!tokens_[i].is_word() && !tokens_[i].is_symbol("'")) continue;
      const auto last = place_at(i);
      if (!last) continue;
      // A place that is also a common first name ("Veerle") is a place only where a
      // preposition or a postcode says so.
      if (*last == i && first_names_.contains(tokens_[i].folded) && !after_place_word(i)) continue;
      for (std::size_t k = i; k <= *last; ++k) place_[k] = blocked_[k] = true;
      i = *last;
    }
  }

  // "AZ Sint-Jan", "school De Regenboog", "Koningin Paola", "Kind en Gezin".
  void block_organisations() {
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      if (!tokens_[i].is_word()) continue;
      block_phrase_at(i);
      if (!tokens_[i].has(kOrganisationPrefix)) continue;
      for (std::size_t k = i + 1, steps = 0; k < tokens_.size() && steps < 4; ++k, ++steps) {
        const Token& t = tokens_[k];
        if (t.newline_before) break;
        if (t.is_word() && t.upper) {
          blocked_[k] = true;
        } else if (!(is_particle(t) && t.folded != "van") && !t.is_symbol("-") &&
                   !t.is_symbol("'")) {
          break;
        }
      }
    }
  }

  void block_phrase_at(std::size_t i) {
    for (const auto& phrase : kOrganisationPhrases) {
      std::size_t k = i;
      bool match = true;
      for (const std::string_view word : phrase) {
        if (word.empty()) break;
        if (k >= tokens_.size() || !tokens_[k].is_word() || tokens_[k].folded != word) {
          match = false;
          break;
        }
        ++k;
      }
      if (match)
        std::fill(blocked_.begin() + static_cast<std::ptrdiff_t>(i),
                  blocked_.begin() + static_cast<std::ptrdiff_t>(k), true);
    }
  }

  CueKind cue_at(std::size_t i) const {
    const Token& t = tokens_[i];
    if (!t.is_word()) return CueKind::kNone;
    const std::string_view f = t.folded;
    if (f == "m") {  // "M. Dupont"
      const Token* dot = at(i + 1);
      return t.upper && dot != nullptr && dot->is_symbol(".") ? CueKind::kSurname : CueKind::kNone;
    }
    if (t.has(kRelationCue)) return CueKind::kRelation;
    if (t.has(kSurnameCue)) return CueKind::kSurname;
    if (t.has(kNamingCue)) return CueKind::kNaming;
    for (const std::string_view suffix : {"mama", "papa", "moeder", "vader", "broer", "zus"}) {
      if (ends_with(f, suffix) && f.size() >= suffix.size() + 3) return CueKind::kRelation;
    }
    return CueKind::kNone;
  }

  // Token i may be (the start of) a name: not a place, organisation or ordinary word.
  bool may_be_name(std::size_t i) const {
    const Token* t = at(i);
    return t != nullptr && t->is_word() && !t->newline_before && !blocked_[i] &&
           !is_plain_word(*t) && !t->has(kStopword) && cue_at(i) == CueKind::kNone;
  }

  // The capitalised word after a cue, past connectors: "naam: Aya", "naam is Ilias",
  // "mama van Bilal", "Mr. Johnson", "familie Van den Broeck".
  std::optional<std::size_t> name_after_cue(std::size_t i, CueKind kind) const {
    std::size_t j = i + 1;
    for (int skipped = 0; skipped < 3 && j < tokens_.size(); ++skipped) {
      const Token& t = tokens_[j];
      const bool connector =
          t.is_symbol(":") || (t.is_symbol("(") && kind == CueKind::kRelation) ||
          (t.is_symbol(".") && j == i + 1 && glued(j) && tokens_[i].has(kAbbreviatedCue)) ||
          (t.has(kConnector) && (t.folded != "van" || kind == CueKind::kRelation));
      if (!connector || t.newline_before) break;
      ++j;
    }
    const Token* t = at(j);
    if (t == nullptr || !t->is_word()) return std::nullopt;
    if (kind != CueKind::kRelation && is_particle(*t)) {                // "familie Van den Broeck"
      if (!t->upper && tokens_[i].has(kNameWord)) return std::nullopt;  // "naam van de school"
      return surname_after_particles(j) ? std::optional<std::size_t>(j) : std::nullopt;
    }
    if (!may_be_name(j) || !t->upper || t->has(kStatusWord)) return std::nullopt;
    const bool acronym_like = t->all_upper && (kind == CueKind::kRelation || t->folded.size() < 4);
    if (acronym_like && !first_names_.contains(t->folded)) return std::nullopt;
    return j;
  }

  // A first name from the list at token i.
  bool listed_name(std::size_t i) const {
    const Token& t = tokens_[i];
    const std::string_view f = t.folded;
    if (t.has(kNeverName | kWeekday)) return false;
    if (first_names_.contains(f)) {
      const bool after_number = i > 0 && tokens_[i - 1].is_number();
      if (t.has(kMonth) && (after_number || !t.upper)) return false;  // "2 jan"
      if (t.has(kAmbiguousName)) return t.upper && !t.all_upper && !t.sentence_start;
      return true;
    }
    if (!t.upper || f.find('-') == std::string_view::npos) return false;
    // "Anne-Sophie", "Jean-Pierre"; not "Sint-Jan" or "Saint-Pierre".
    std::size_t begin = 0;
    bool first_part = true;
    while (begin <= f.size()) {
      const std::size_t dash = std::min(f.find('-', begin), f.size());
      const std::string_view part = f.substr(begin, dash - begin);
      if (first_part && (flags_of(part) & kSaintPrefix) != 0) return false;
      if (first_names_.contains(part) && (flags_of(part) & kAmbiguousName) == 0) return true;
      first_part = false;
      begin = dash + 1;
    }
    return false;
  }

  // The surname after the particles starting at token i ("van der Veken", "El Amrani"):
  // its index, or nothing. After a capitalised particle a place or region is a surname
  // too ("Van Damme", "Van Brussel"); after a lower-case one it is where someone is from.
  std::optional<std::size_t> surname_after_particles(std::size_t i) const {
    std::size_t k = i;
    while (k < i + 3 && at(k + 1) != nullptr && is_particle(*at(k + 1)) &&
           !at(k + 1)->newline_before) {
      ++k;
    }
    const Token* surname = at(k + 1);
    if (surname == nullptr || !surname->is_word() || !surname->upper) return std::nullopt;
    if (!tokens_[i].upper && surname->all_upper) return std::nullopt;  // "van de GTK"
    if (may_be_name(k + 1)) return k + 1;
    const bool place_surname = tokens_[i].upper && !surname->newline_before &&
                               !surname->has(kStopword) && cue_at(k + 1) == CueKind::kNone;
    return place_surname ? std::optional<std::size_t>(k + 1) : std::nullopt;
  }

  // The last token of the name starting at i: surnames and particles after a first name
  // ("Julie Peeters", "Youssef El Amrani", "Van den Broeck").
  std::size_t extend_name(std::size_t i) const {
    std::size_t last = i;
    if (is_particle(tokens_[i])) last = surname_after_particles(i).value_or(i);
    for (int steps = 0; steps < 4; ++steps) {
      std::size_t next = last + 1;
      const Token* t = at(next);
      if (t == nullptr || !t->is_word() || t->newline_before || blocked_[next]) break;
      if (is_particle(*t)) {
        const auto surname = surname_after_particles(next);
        if (!surname) break;
        last = *surname;
        continue;
      }
      if (!may_be_name(next) || !t->upper || t->sentence_start) break;
      last = next;
    }
    return last;
  }

  const WordSet& first_names_;
  const WordSet& places_;
  const WordSet& place_starts_;
  std::vector<bool> place_;    // part of a place name
  std::vector<bool> blocked_;  // part of a place or of an organisation's name
};

// Folds a list entry: accents stripped, lower case, runs of whitespace as one space.
std::string fold_entry(std::string_view entry) {
  const std::string folded = fold_text(entry);
  std::string out;
  out.reserve(folded.size());
  for (const char c : folded) {
    const bool space = c == ' ' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string_view to_string(FindingKind kind) {
  switch (kind) {
    case FindingKind::kPhone:
      return "phone";
    case FindingKind::kEmail:
      return "email";
    case FindingKind::kUrl:
      return "url";
    case FindingKind::kNationalId:
      return "national_id";
    case FindingKind::kAddress:
      return "address";
    case FindingKind::kBirthDate:
      return "birth_date";
    case FindingKind::kName:
      return "name";
  }
  return "name";
}

AnonymizationGuard::AnonymizationGuard(WordSet names, WordSet places)
    : names_(std::move(names)), places_(std::move(places)) {
  for (const std::string& place : places_) {
    if (const std::size_t space = place.find(' '); space != std::string::npos) {
      place_starts_.insert(place.substr(0, space));
    }
  }
}

Result<AnonymizationGuard> AnonymizationGuard::parse(std::string_view first_names,
                                                     std::string_view source,
                                                     const Postcodes& postcodes) {
  std::vector<std::string> names;
  int number = 0;
  for (std::size_t pos = 0; pos < first_names.size(); ++number) {
    const std::size_t end = std::min(first_names.find('\n', pos), first_names.size());
    std::string_view entry = trim(first_names.substr(pos, end - pos));
    pos = end + 1;
    if (number == 0 && entry.starts_with("\xEF\xBB\xBF")) entry.remove_prefix(3);  // BOM
    if (entry.empty() || entry.front() == '#') continue;
    if (!is_valid_utf8(entry)) {
      return Error::Invalid(
          fmt::format("{} line {}: the name is not valid UTF-8; save the file as UTF-8",
                      source, number + 1));
    }
    names.emplace_back(entry);
  }
  if (names.empty()) {
    return Error::Invalid(fmt::format(
        "{} holds no first names: the guard needs the list, one name per line", source));
  }
  std::vector<std::string> places;
  places.reserve(postcodes.places().size());
  for (const Place& place : postcodes.places()) places.push_back(place.name);
  return from_lists(std::move(names), std::move(places));
}

AnonymizationGuard AnonymizationGuard::from_lists(std::vector<std::string> first_names,
                                                  std::vector<std::string> places) {
  WordSet names;
  for (const std::string& name : first_names) {
    if (std::string folded = fold_entry(name); !folded.empty()) names.insert(std::move(folded));
  }
  WordSet place_names;
  for (const std::string& place : places) {
    std::string_view rest = place;
    while (!rest.empty()) {  // "Bruxelles/Brussel": each language form
      const std::size_t slash = std::min(rest.find('/'), rest.size());
      if (std::string folded = fold_entry(rest.substr(0, slash)); !folded.empty()) {
        place_names.insert(std::move(folded));
      }
      rest.remove_prefix(std::min(slash + 1, rest.size()));
    }
  }
  return AnonymizationGuard(std::move(names), std::move(place_names));
}

std::vector<Finding> AnonymizationGuard::check(std::string_view note) const {
  std::vector<Finding> found;
  scan_emails(note, found);
  scan_handles(note, found);
  scan_urls(note, found);
  scan_national_ids(note, found);
  scan_phones(note, found);
  const std::vector<Token> tokens = tokenize(note);
  const NoteScanner<WordSet> scanner(note, tokens, names_, places_, place_starts_);
  scanner.birth_dates(found);
  scanner.addresses(found);
  scanner.names(found);
  return resolve(std::move(found));
}

Result<std::string> render_refusal(const Templates& templates, Language lang,
                                   const std::vector<Finding>& findings) {
  std::string lines;
  for (const Finding& f : findings) {
    auto line =
        templates.render(lang, fmt::format("guard_{}", to_string(f.kind)), {{"text", f.text}});
    if (!line.ok()) return line.error();
    if (!lines.empty()) lines.push_back('\n');
    lines += *line;
  }
  return templates.render(lang, "guard_refused", {{"findings", lines}});
}

}  // namespace noodbel

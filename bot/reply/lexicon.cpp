#include "bot/reply/lexicon.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

namespace noodbel::reply {
namespace {

struct Entry {
  std::string_view phrase;  // normalised words separated by one space
  Kind first;               // meaning as the first word of the message
  Kind later;               // meaning anywhere else
};

constexpr Entry both(std::string_view phrase, Kind kind) { return {phrase, kind, kind}; }
constexpr Entry lead(std::string_view phrase, Kind first, Kind later = Kind::kNone) {
  return {phrase, first, later};
}

// Phrases beat their first word ("geen probleem" is a yes, "geen" alone a no).
constexpr std::array kLexicon = {
    // yes
    both("ja", Kind::kYes), both("jaja", Kind::kYes), both("jawel", Kind::kYes),
    both("jazeker", Kind::kYes), both("toch wel", Kind::kYes), both("jah", Kind::kYes),
    both("jep", Kind::kYes),
    both("jup", Kind::kYes), both("jes", Kind::kYes), both("yes", Kind::kYes),
    both("yep", Kind::kYes), both("yup", Kind::kYes), both("yeah", Kind::kYes),
    both("oui", Kind::kYes), both("ouais", Kind::kYes), both("ok", Kind::kYes),
    both("oke", Kind::kYes), both("okay", Kind::kYes), both("oki", Kind::kYes),
    both("okido", Kind::kYes), both("zeker", Kind::kYes), both("graag", Kind::kYes),
    both("natuurlijk", Kind::kYes), both("tuurlijk", Kind::kYes), both("top", Kind::kYes),
    both("uiteraard", Kind::kYes), both("prima", Kind::kYes), both("akkoord", Kind::kYes),
    both("is goed", Kind::kYes), both("s goed", Kind::kYes), both("ist goed", Kind::kYes),
    both("komt goed", Kind::kYes), both("in orde", Kind::kYes), both("doen we", Kind::kYes),
    both("we doen het", Kind::kYes), both("wij doen het", Kind::kYes),
    both("geen probleem", Kind::kYes), both("geen punt", Kind::kYes),
    both("sure", Kind::kYes), both("of course", Kind::kYes), both("absolutely", Kind::kYes),
    both("definitely", Kind::kYes), both("no problem", Kind::kYes),
    both("no worries", Kind::kYes), both("happy to help", Kind::kYes),
    both("d accord", Kind::kYes), both("dac", Kind::kYes), both("c est bon", Kind::kYes),
    both("bien sur", Kind::kYes), both("volontiers", Kind::kYes),
    both("certainement", Kind::kYes), both("avec plaisir", Kind::kYes),
    both("pas de souci", Kind::kYes), both("pas de soucis", Kind::kYes),
    both("pas de probleme", Kind::kYes), both("sans probleme", Kind::kYes),
    both("#yes", Kind::kYes),
    // yes unless negated
    both("kan", Kind::kCan), both("kunnen", Kind::kCan), both("lukt", Kind::kCan),
    both("lukken", Kind::kCan), both("gaat", Kind::kCan), both("goed", Kind::kCan),
    both("can", Kind::kCan), both("peux", Kind::kCan),
    both("peut", Kind::kCan), both("pouvons", Kind::kCan), both("pouvez", Kind::kCan),
    both("possible", Kind::kCan),
    // no
    both("nee", Kind::kNo), both("neen", Kind::kNo), both("no", Kind::kNo),
    both("non", Kind::kNo), both("nope", Kind::kNo), both("nah", Kind::kNo),
    both("nooit", Kind::kNo), both("never", Kind::kNo), both("jamais", Kind::kNo),
    both("onmogelijk", Kind::kNo), both("impossible", Kind::kNo),
    both("niet mogelijk", Kind::kNo), both("pas possible", Kind::kNo),
    both("zeker niet", Kind::kNo), both("toch niet", Kind::kNo), both("can t", Kind::kNo),
    both("cannot", Kind::kNo),
    both("can not", Kind::kNo), both("volzet", Kind::kNo), both("vol", Kind::kNo),
    both("full", Kind::kNo), both("complet", Kind::kNo), both("te ver", Kind::kNo),
    both("trop loin", Kind::kNo), both("too far", Kind::kNo), both("passen", Kind::kNo),
    both("normaal niet", Kind::kNo), both("waarschijnlijk niet", Kind::kNo),
    both("denk het niet", Kind::kNo), both("probably not", Kind::kNo),
    both("#no", Kind::kNo),
    both("niet", Kind::kNeg), both("not", Kind::kNeg), both("geen", Kind::kNeg),
    both("nie", Kind::kNeg),
    both("gene", Kind::kNeg), both("nint", Kind::kNeg),
    both("pas", Kind::kPas),
    both("sorry", Kind::kWeakNo), both("sory", Kind::kWeakNo), both("srry", Kind::kWeakNo),
    both("sry", Kind::kWeakNo), both("helaas", Kind::kWeakNo), both("jammer", Kind::kWeakNo),
    both("desole", Kind::kWeakNo), both("desolee", Kind::kWeakNo),
    both("malheureusement", Kind::kWeakNo), both("unfortunately", Kind::kWeakNo),
    // maybe
    both("misschien", Kind::kMaybe), both("mss", Kind::kMaybe), both("eventueel", Kind::kMaybe),
    both("evt", Kind::kMaybe), both("mogelijk", Kind::kMaybe), both("wellicht", Kind::kMaybe),
    both("waarschijnlijk", Kind::kMaybe), both("normaal", Kind::kMaybe),
    both("in principe", Kind::kMaybe), both("denk het", Kind::kMaybe),
    both("hangt", Kind::kMaybeWhy), both("overleggen", Kind::kMaybeWhy),
    both("bespreken", Kind::kMaybeWhy), both("laat het", Kind::kMaybeWhy),
    both("laten het", Kind::kMaybeWhy), both("laat ik", Kind::kMaybeWhy),
    both("weet niet", Kind::kMaybe), both("weet het niet", Kind::kMaybe),
    both("weet nog niet", Kind::kMaybe), both("weet het nog niet", Kind::kMaybe),
    both("weet ik niet", Kind::kMaybe), both("weet ik nog niet", Kind::kMaybe),
    both("geen idee", Kind::kMaybe),
    both("maybe", Kind::kMaybe), both("perhaps", Kind::kMaybe), both("possibly", Kind::kMaybe),
    both("probably", Kind::kMaybe), both("not sure", Kind::kMaybe),
    both("don t know", Kind::kMaybe), both("dont know", Kind::kMaybe),
    both("depends", Kind::kMaybeWhy), both("check", Kind::kMaybeWhy),
    both("get back", Kind::kMaybeWhy),
    both("peut etre", Kind::kMaybe), both("peutetre", Kind::kMaybe),
    both("eventuellement", Kind::kMaybe), both("probablement", Kind::kMaybe),
    both("en principe", Kind::kMaybe), both("depend", Kind::kMaybeWhy),
    both("je sais pas", Kind::kMaybe), both("je ne sais pas", Kind::kMaybe),
    both("sais pas", Kind::kMaybe), both("pas sur", Kind::kMaybe),
    both("je vous dis", Kind::kMaybeWhy), both("je te dis", Kind::kMaybeWhy),
    both("#maybe", Kind::kMaybe),
    both("eerst", Kind::kMaybeSoft), both("vragen", Kind::kMaybeSoft),
    // conditions after a yes
    both("maar", Kind::kMarkerAfter), both("mr", Kind::kMarkerAfter),
    both("mor", Kind::kMarkerAfter),
    both("but", Kind::kMarkerAfter), both("mais", Kind::kMarkerAfter),
    both("vanaf", Kind::kFrom), both("na", Kind::kMarkerAt), both("tot", Kind::kMarkerAt),
    both("enkel", Kind::kMarkerAt), both("alleen", Kind::kMarkerAt),
    both("behalve", Kind::kMarkerAt), both("als", Kind::kMarkerAt), both("indien", Kind::kMarkerAt),
    both("mits", Kind::kMarkerAt), both("tenzij", Kind::kMarkerAt),
    both("from", Kind::kFrom), both("after", Kind::kMarkerAt),
    both("until", Kind::kMarkerAt), both("only", Kind::kMarkerAt), both("except", Kind::kMarkerAt),
    both("if", Kind::kMarkerAt), both("unless", Kind::kMarkerAt),
    both("a partir", Kind::kFrom), both("apres", Kind::kMarkerAt),
    both("jusqu", Kind::kMarkerAt), both("seulement", Kind::kMarkerAt),
    both("uniquement", Kind::kMarkerAt), both("sauf", Kind::kMarkerAt), both("si", Kind::kMarkerAt),
    // a later time: a condition after a yes, a maybe on its own
    both("morgen", Kind::kWhen), both("overmorgen", Kind::kWhen), both("straks", Kind::kWhen),
    both("later", Kind::kWhen), both("tomorrow", Kind::kWhen), both("demain", Kind::kWhen),
    both("plus tard", Kind::kWhen),
    both("vanavond", Kind::kTonight), both("vanmiddag", Kind::kTonight),
    both("vannacht", Kind::kTonight),
    both("tonight", Kind::kTonight), both("ce soir", Kind::kTonight),
    // will call back
    both("terugbellen", Kind::kMaybeWhy),
    // not an answer
    both("verkeerd nummer", Kind::kNoise), both("wrong number", Kind::kNoise),
    both("mauvais numero", Kind::kNoise), both("faux numero", Kind::kNoise),
    // opt out, opt in
    lead("stop", Kind::kStop), lead("stopall", Kind::kStop), both("unsubscribe", Kind::kStop),
    lead("cancel", Kind::kStop), lead("end", Kind::kStop), lead("quit", Kind::kStop),
    lead("arret", Kind::kStop), both("uitschrijven", Kind::kStop),
    both("uit te schrijven", Kind::kStop), both("afmelden", Kind::kStop),
    both("geen berichten meer", Kind::kStop), both("geen oproepen meer", Kind::kStop),
    both("geen sms meer", Kind::kStop), both("plus recevoir", Kind::kStop),
    both("stop sending", Kind::kStop), both("stop texting", Kind::kStop),
    both("stop messaging", Kind::kStop), both("verwijder", Kind::kStop),
    both("verwijderen", Kind::kStop), both("uit de lijst", Kind::kStop),
    both("remove me", Kind::kStop), both("supprimer", Kind::kStop),
    both("plus de messages", Kind::kStop), both("desinscrire", Kind::kStop),
    lead("start", Kind::kStart), lead("inschrijven", Kind::kStart),
    both("opnieuw inschrijven", Kind::kStart), both("terug inschrijven", Kind::kStart),
    both("terug berichten", Kind::kStart), both("weer berichten", Kind::kStart),
    both("opnieuw berichten", Kind::kStart), both("reinscrire", Kind::kStart),
    lead("subscribe", Kind::kStart),
    // pause, resume
    both("pauze", Kind::kPause), both("pause", Kind::kPause), lead("pauzeer", Kind::kPause),
    both("niet beschikbaar", Kind::kPause), both("not available", Kind::kPause),
    both("unavailable", Kind::kPause), both("pas disponible", Kind::kPause),
    both("pas disponibles", Kind::kPause), both("indisponible", Kind::kPause),
    both("indisponibles", Kind::kPause), both("even geen oproepen", Kind::kPause),
    both("even geen berichten", Kind::kPause),
    both("vakantie", Kind::kPauseSoft), both("op reis", Kind::kPauseSoft),
    both("afwezig", Kind::kPauseSoft), both("vacances", Kind::kPauseSoft),
    both("absent", Kind::kPauseSoft), both("absents", Kind::kPauseSoft),
    both("absente", Kind::kPauseSoft), both("absentes", Kind::kPauseSoft),
    both("holiday", Kind::kPauseSoft), both("vacation", Kind::kPauseSoft),
    both("away", Kind::kPauseSoft), both("zijn weg", Kind::kPauseSoft),
    both("ben weg", Kind::kPauseSoft),
    lead("beschikbaar", Kind::kResume, Kind::kCan), lead("available", Kind::kResume, Kind::kCan),
    lead("disponible", Kind::kResume, Kind::kCan), lead("disponibles", Kind::kResume, Kind::kCan),
    lead("hervat", Kind::kResume), lead("hervatten", Kind::kResume), lead("resume", Kind::kResume),
    both("terug beschikbaar", Kind::kResume), both("weer beschikbaar", Kind::kResume),
    both("opnieuw beschikbaar", Kind::kResume), both("terug van vakantie", Kind::kResume),
    both("de nouveau disponible", Kind::kResume), both("de nouveau disponibles", Kind::kResume),
    both("a nouveau disponible", Kind::kResume), both("a nouveau disponibles", Kind::kResume),
    both("available again", Kind::kResume), both("back from holiday", Kind::kResume),
    both("pauze mag stoppen", Kind::kResume), both("pauze stoppen", Kind::kResume),
    both("pauze voorbij", Kind::kResume), both("pauze is voorbij", Kind::kResume),
    both("stop pauze", Kind::kResume), both("stop de pauze", Kind::kResume),
    both("einde pauze", Kind::kResume), both("fin de pause", Kind::kResume),
    both("end pause", Kind::kResume), both("end the pause", Kind::kResume),
    both("zijn terug", Kind::kResumeSoft), both("ben terug", Kind::kResumeSoft),
    both("zijn er terug", Kind::kResumeSoft), both("ben er terug", Kind::kResumeSoft),
    both("de retour", Kind::kResumeSoft), both("are back", Kind::kResumeSoft),
    both("re back", Kind::kResumeSoft),
    // settings, help
    lead("status", Kind::kStatus, Kind::kStatus), lead("statut", Kind::kStatus),
    both("instellingen", Kind::kStatus), both("settings", Kind::kStatus),
    both("parametres", Kind::kStatus),
    lead("help", Kind::kHelp), lead("hulp", Kind::kHelp), lead("aide", Kind::kHelpAlone),
    lead("info", Kind::kHelpAlone), lead("infos", Kind::kHelpAlone),
    lead("informatie", Kind::kHelpAlone),
    lead("information", Kind::kHelpAlone), lead("uitleg", Kind::kHelpAlone),
    lead("menu", Kind::kHelpAlone),
    both("hoe werkt", Kind::kHelp), both("wat moet ik sturen", Kind::kHelp),
    both("how does this work", Kind::kHelp), both("comment ca marche", Kind::kHelp),
    both("afstand", Kind::kDistance), both("maximale afstand", Kind::kDistance),
    lead("distance", Kind::kDistance), lead("straal", Kind::kDistance, Kind::kDistance),
    both("rayon", Kind::kDistance), lead("radius", Kind::kDistance, Kind::kDistance),
    lead("max", Kind::kDistance, Kind::kMaxKm), lead("maximum", Kind::kDistance, Kind::kMaxKm),
    lead("maximaal", Kind::kDistance, Kind::kMaxKm),
    // more ways to say yes
    both("absoluut", Kind::kYes), both("zekers", Kind::kYes), both("zeker weten", Kind::kYes),
    both("vanzelfsprekend", Kind::kYes), both("reken maar", Kind::kYes),
    both("rekenen maar", Kind::kYes),
    both("reken op ons", Kind::kYes), both("komt in orde", Kind::kYes),
    both("hebben plaats", Kind::kYes),
    both("heb plaats", Kind::kYes), both("hebben plek", Kind::kYes), both("is plaats", Kind::kYes),
    both("is plek", Kind::kYes), both("plaats genoeg", Kind::kYes), both("kamer vrij", Kind::kYes),
    both("doen mee", Kind::kYes), both("mag komen", Kind::kYes), both("mogen komen", Kind::kYes),
    both("moogt komen", Kind::kYes), both("mag gebracht", Kind::kYes), both("kom maar", Kind::kYes),
    both("breng maar", Kind::kYes), both("breng hem maar", Kind::kYes),
    both("breng haar maar", Kind::kYes),
    both("welkom", Kind::kYes), both("goe", Kind::kCan), both("is goe", Kind::kYes),
    both("s goe", Kind::kYes), both("kunen", Kind::kCan), both("kunne", Kind::kCan),
    both("kunde", Kind::kGlue), both("count us in", Kind::kYes), both("count me in", Kind::kYes),
    both("we re in", Kind::kYes), both("i m in", Kind::kYes), both("happy to", Kind::kYes),
    both("glad to", Kind::kYes), both("sure thing", Kind::kYes), both("for sure", Kind::kYes),
    both("no problemo", Kind::kYes), both("np", Kind::kYes), both("you bet", Kind::kYes),
    both("ca marche", Kind::kYes), both("ca roule", Kind::kYes), both("aucun souci", Kind::kYes),
    both("aucun probleme", Kind::kYes), both("evidemment", Kind::kYes),
    both("carrement", Kind::kYes),
    both("partant", Kind::kYes), both("partants", Kind::kYes), both("partante", Kind::kYes),
    both("partantes", Kind::kYes), both("bien entendu", Kind::kYes), both("avec joie", Kind::kYes),
    both("okidoki", Kind::kYes), both("okey", Kind::kYes), both("oky", Kind::kYes),
    both("yea", Kind::kYes),
    both("ouaip", Kind::kYes), both("ouep", Kind::kYes), both("geen bezwaar", Kind::kYes),
    both("geen enkel probleem", Kind::kYes),
    // maybe, and the reasons to wait (kept in the note)
    both("kweet nie", Kind::kMaybe), both("kweet niet", Kind::kMaybe),
    both("k weet nie", Kind::kMaybe),
    both("k weet niet", Kind::kMaybe), both("weet het niet goed", Kind::kMaybe),
    both("weet niet goed", Kind::kMaybe), both("think so", Kind::kMaybe),
    both("i think so", Kind::kMaybe),
    both("denk het wel", Kind::kMaybe), both("pas encore sur", Kind::kMaybe),
    both("checken", Kind::kMaybeWhy), both("nakijken", Kind::kMaybeWhy),
    both("kijk het", Kind::kMaybeWhy),
    both("navragen", Kind::kMaybeWhy), both("afstemmen", Kind::kMaybeWhy),
    both("demander", Kind::kMaybeWhy),
    both("en parler", Kind::kMaybeWhy), both("let you know", Kind::kMaybeWhy),
    both("laat je", Kind::kMaybeWhy), both("laten je", Kind::kMaybeWhy),
    both("laten het", Kind::kMaybeWhy),
    both("vandaag niet", Kind::kNotToday), both("niet vandaag", Kind::kNotToday),
    both("not today", Kind::kNotToday), both("pas aujourd hui", Kind::kNotToday),
    // sign up again, in other words than START
    lead("aanmelden", Kind::kStart), both("weer aanmelden", Kind::kStart),
    both("terug aanmelden", Kind::kStart), both("opnieuw aanmelden", Kind::kStart),
    both("terug meedoen", Kind::kStart), both("weer meedoen", Kind::kStart),
    both("opnieuw meedoen", Kind::kStart), both("terug oproepen", Kind::kStart),
    both("weer oproepen", Kind::kStart), both("opnieuw oproepen", Kind::kStart),
    both("reinscription", Kind::kStart), both("reinscrivez", Kind::kStart),
    both("reinscris", Kind::kStart), both("resubscribe", Kind::kStart),
    both("subscribe again", Kind::kStart), both("sign me up", Kind::kStart),
    both("sign up again", Kind::kStart), lead("opt in", Kind::kStart),
    // understood and trimmed from a note: politeness, interjections, fillers
    both("hoor", Kind::kFiller), both("hor", Kind::kFiller), both("aub", Kind::kFiller),
    both("a u b", Kind::kFiller), both("alstublieft", Kind::kFiller),
    both("alsjeblieft", Kind::kFiller),
    both("svp", Kind::kFiller), both("stp", Kind::kFiller), both("please", Kind::kFiller),
    both("pls", Kind::kFiller), both("plz", Kind::kFiller), both("merci", Kind::kFiller),
    both("bedankt", Kind::kFiller), both("dank", Kind::kFiller), both("danku", Kind::kFiller),
    both("dankje", Kind::kFiller), both("thanks", Kind::kFiller), both("thank", Kind::kFiller),
    both("thx", Kind::kFiller), both("groetjes", Kind::kFiller), both("groeten", Kind::kFiller),
    both("mvg", Kind::kFiller), both("cheers", Kind::kFiller), both("bisous", Kind::kFiller),
    both("allee", Kind::kFiller), both("allez", Kind::kFiller), both("amai", Kind::kFiller),
    both("oh", Kind::kFiller), both("ah", Kind::kFiller), both("he", Kind::kFiller),
    both("hey", Kind::kFiller),
    both("joepie", Kind::kFiller), both("haha", Kind::kFiller), both("xx", Kind::kFiller),
    both("x", Kind::kFiller), both("even", Kind::kFiller), both("eventjes", Kind::kFiller),
    both("efkes", Kind::kFiller), both("eens", Kind::kFiller), both("toch", Kind::kFiller),
    both("gewoon", Kind::kFiller), both("echt", Kind::kFiller), both("heel", Kind::kFiller),
    both("helemaal", Kind::kFiller), both("super", Kind::kFiller), both("zeer", Kind::kFiller),
    both("dan", Kind::kFiller), both("nu", Kind::kFiller), both("direct", Kind::kFiller),
    both("meteen", Kind::kFiller), both("onmiddellijk", Kind::kFiller),
    both("vanaf nu", Kind::kFiller),
    both("vandaag", Kind::kFiller), both("nog", Kind::kFiller), both("al", Kind::kFiller),
    both("really", Kind::kFiller), both("just", Kind::kFiller), both("so", Kind::kFiller),
    both("well", Kind::kFiller), both("at all", Kind::kFiller), both("vraiment", Kind::kFiller),
    both("tres", Kind::kFiller), both("bien", Kind::kFiller), both("tout de suite", Kind::kFiller),
    both("right away", Kind::kFiller), both("asap", Kind::kFiller), both("dringend", Kind::kFiller),
    both("hallo", Kind::kFiller), both("hoi", Kind::kFiller), both("bonjour", Kind::kFiller),
    both("bonsoir", Kind::kFiller), both("hello", Kind::kFiller), both("hi", Kind::kFiller),
    both("goeiemorgen", Kind::kFiller), both("goedemorgen", Kind::kFiller),
    both("goeiedag", Kind::kFiller),
    both("goedenavond", Kind::kFiller), both("goeienavond", Kind::kFiller),
    both("eerlijk", Kind::kFiller),
    both("encore", Kind::kFiller), both("yet", Kind::kFiller), both("duurt", Kind::kGlue),
    both("duren", Kind::kGlue), both("zeker en vast", Kind::kYes), both("staan klaar", Kind::kYes),
    both("staan paraat", Kind::kYes), both("que oui", Kind::kYes),
    both("zekers en vast", Kind::kYes),
    // understood and kept inside a note: pronouns, articles, the words of taking a child in
    both("ik", Kind::kGlue), both("k", Kind::kGlue), both("wij", Kind::kGlue),
    both("we", Kind::kGlue),
    both("ons", Kind::kGlue), both("onze", Kind::kGlue), both("mij", Kind::kGlue),
    both("me", Kind::kGlue),
    both("je", Kind::kGlue), both("jij", Kind::kGlue), both("u", Kind::kGlue),
    both("jullie", Kind::kGlue),
    both("ge", Kind::kGlue), both("gij", Kind::kGlue), both("hem", Kind::kGlue),
    both("haar", Kind::kGlue),
    both("het", Kind::kGlue), both("t", Kind::kGlue), both("dat", Kind::kGlue),
    both("dit", Kind::kGlue),
    both("da", Kind::kGlue), both("das", Kind::kGlue), both("s", Kind::kGlue),
    both("zij", Kind::kGlue),
    both("ze", Kind::kGlue), both("hun", Kind::kGlue), both("de", Kind::kGlue),
    both("een", Kind::kGlue),
    both("en", Kind::kGlue), both("er", Kind::kGlue), both("bij", Kind::kGlue),
    both("voor", Kind::kGlue),
    both("van", Kind::kGlue), both("op", Kind::kGlue), both("af", Kind::kGlue),
    both("door", Kind::kGlue),
    both("is", Kind::kGlue), both("zijn", Kind::kGlue), both("ben", Kind::kGlue),
    both("zen", Kind::kGlue),
    both("zin", Kind::kGlue), both("hebben", Kind::kGlue), both("heb", Kind::kGlue),
    both("doen", Kind::kGlue),
    both("willen", Kind::kGlue), both("wil", Kind::kGlue), both("mag", Kind::kGlue),
    both("mogen", Kind::kGlue),
    both("moogt", Kind::kGlue), both("helpen", Kind::kGlue), both("opvangen", Kind::kGlue),
    both("vangen", Kind::kGlue), both("opnemen", Kind::kGlue), both("nemen", Kind::kGlue),
    both("pakken", Kind::kGlue), both("halen", Kind::kGlue), both("ophalen", Kind::kGlue),
    both("komen", Kind::kGlue), both("komt", Kind::kGlue), both("kom", Kind::kGlue),
    both("breng", Kind::kGlue),
    both("brengen", Kind::kGlue), both("stuur", Kind::kGlue), both("sturen", Kind::kGlue),
    both("gegevens", Kind::kGlue), both("adres", Kind::kGlue), both("plaats", Kind::kGlue),
    both("plek", Kind::kGlue), both("kamer", Kind::kGlue), both("vrij", Kind::kGlue),
    both("thuis", Kind::kGlue),
    both("klaar", Kind::kGlue), both("paraat", Kind::kGlue), both("staan", Kind::kGlue),
    both("staat", Kind::kGlue), both("kind", Kind::kGlue), both("kindje", Kind::kGlue),
    both("kinderen", Kind::kGlue), both("oproep", Kind::kGlue), both("het kind", Kind::kGlue),
    both("baby", Kind::kGlue), both("on", Kind::kGlue), both("nous", Kind::kGlue),
    both("j", Kind::kGlue),
    both("moi", Kind::kGlue), both("l", Kind::kGlue), both("la", Kind::kGlue),
    both("le", Kind::kGlue),
    both("les", Kind::kGlue), both("il", Kind::kGlue), both("elle", Kind::kGlue),
    both("lui", Kind::kGlue),
    both("ca", Kind::kGlue), both("c", Kind::kGlue), both("est", Kind::kGlue),
    both("sommes", Kind::kGlue),
    both("suis", Kind::kGlue), both("prets", Kind::kGlue), both("pret", Kind::kGlue),
    both("prete", Kind::kGlue), both("pretes", Kind::kGlue), both("accueillir", Kind::kGlue),
    both("prendre", Kind::kGlue), both("recevoir", Kind::kGlue), both("venir", Kind::kGlue),
    both("pour", Kind::kGlue), both("dispo", Kind::kGlue),
    both("i", Kind::kGlue), both("us", Kind::kGlue), both("it", Kind::kGlue),
    both("him", Kind::kGlue),
    both("her", Kind::kGlue), both("them", Kind::kGlue), both("the", Kind::kGlue),
    both("a", Kind::kGlue),
    both("and", Kind::kGlue), both("are", Kind::kGlue), both("am", Kind::kGlue),
    both("m", Kind::kGlue),
    both("re", Kind::kGlue), both("take", Kind::kGlue), both("have", Kind::kGlue),
    both("room", Kind::kGlue),
    both("space", Kind::kGlue), both("ready", Kind::kGlue), both("home", Kind::kGlue),
    both("come", Kind::kGlue), both("bring", Kind::kGlue), both("send", Kind::kGlue),
    both("do", Kind::kGlue), both("to", Kind::kGlue), both("for", Kind::kGlue),
    both("cette nuit", Kind::kGlue), both("ok voor ons", Kind::kYes), both("wel", Kind::kCan),
};

// True when `token` is `word` with letters possibly repeated: "jaaa" ~ "ja", "ne" !~ "nee".
bool stretch_eq(std::string_view token, std::string_view word) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (j < word.size()) {
    const char c = word[j];
    if (i >= token.size() || token[i] != c) return false;
    std::size_t want = 0;
    while (j < word.size() && word[j] == c) ++j, ++want;
    std::size_t got = 0;
    while (i < token.size() && token[i] == c) ++i, ++got;
    if (got < want || (got > want && !is_lower(c))) return false;
  }
  return i == token.size();
}

constexpr std::size_t kMaxPhraseWords = 4;
constexpr std::size_t kMaxWordBytes = 32;  // longer tokens match no lexicon word

constexpr bool phrases_are_short() {
  for (const Entry& e : kLexicon) {
    std::size_t words = 1;
    std::size_t word_bytes = 0;
    for (const char c : e.phrase) {
      words += c == ' ';
      word_bytes = c == ' ' ? 0 : word_bytes + 1;
      if (word_bytes > kMaxWordBytes) return false;
    }
    if (words > kMaxPhraseWords) return false;
  }
  return true;
}
static_assert(phrases_are_short(), "a lexicon phrase has too many words or too long a word");

// `w` with runs of one lower-case letter collapsed ("jaaaa" -> "ja"), so a stretched
// token finds the entries it may match; "" when too long.
std::string_view squeeze(std::string_view w, std::array<char, kMaxWordBytes>& buf) {
  if (w.size() > buf.size()) return {};
  std::size_t n = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (i > 0 && w[i] == w[i - 1] && is_lower(w[i])) continue;
    buf[n++] = w[i];
  }
  return {buf.data(), n};
}

// kLexicon split into words and indexed by the squeezed first word. Built once; read-only
// (and so thread-safe) afterwards.
class LexiconIndex {
 public:
  struct Phrase {
    std::array<std::string_view, kMaxPhraseWords> words{};
    std::size_t count = 0;
    Kind first = Kind::kNone;
    Kind later = Kind::kNone;
  };

  static const LexiconIndex& get() {
    static const LexiconIndex index;
    return index;
  }

  // The phrases whose first word a token squeezed to `key` may match.
  const std::vector<Phrase>* candidates(std::string_view key) const {
    const auto it = by_first_.find(key);
    return it == by_first_.end() ? nullptr : &it->second;
  }

 private:
  LexiconIndex() {
    keys_.reserve(kLexicon.size());  // no reallocation: the map's keys view these strings
    for (const Entry& e : kLexicon) {
      Phrase p{{}, 0, e.first, e.later};
      for (std::size_t pos = 0; pos <= e.phrase.size();) {
        const std::size_t end = std::min(e.phrase.find(' ', pos), e.phrase.size());
        p.words[p.count++] = e.phrase.substr(pos, end - pos);
        pos = end + 1;
      }
      std::array<char, kMaxWordBytes> buf{};
      keys_.emplace_back(squeeze(p.words[0], buf));
      by_first_[keys_.back()].push_back(p);
    }
  }

  std::vector<std::string> keys_;
  std::unordered_map<std::string_view, std::vector<Phrase>> by_first_;
};

}  // namespace

bool is_code_token(std::string_view w) {
  return w.size() == 3 && is_lower(w[0]) && w[0] != 'i' && w[0] != 'o' && is_digit(w[1]) &&
         is_digit(w[2]);
}

bool is_word_token(std::string_view w) { return w[0] != '#' && !is_code_token(w); }

std::optional<Item> classify_within(const Normalized& n, std::size_t t, std::size_t limit,
                                    bool first_word) {
  std::array<char, kMaxWordBytes> buf{};
  const std::string_view key = squeeze(n.word(t), buf);
  const auto* phrases = key.empty() ? nullptr : LexiconIndex::get().candidates(key);
  if (phrases == nullptr) return std::nullopt;
  std::optional<Item> best;
  for (const LexiconIndex::Phrase& p : *phrases) {
    if (t + p.count > limit || (best && p.count <= best->count)) continue;
    bool match = true;
    for (std::size_t k = 0; k < p.count && match; ++k) {
      match = stretch_eq(n.word(t + k), p.words[k]) && (k == 0 || n.same_sentence(t, t + k));
    }
    if (match) best = Item{first_word ? p.first : p.later, t, p.count};
  }
  return best;
}

}  // namespace noodbel::reply

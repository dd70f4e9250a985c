// Internal to the reply parser, step 4a: commands and settings. A command word first in
// the message ("stop", "pauze tot 5/1", "afstand 40"), a bare distance ("30 km"), and the
// settings a message mentions anywhere. Not part of the parser's contract. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <optional>

#include "bot/reply/classify.h"
#include "bot/reply/context.h"
#include "bot/reply/date_words.h"
#include "bot/reply/normalize.h"
#include "bot/reply/parsed_reply.h"

namespace noodbel::reply {

// A reply with only its intent set.
ParsedReply reply_of(Intent intent);

// A pause, with its last day when the message names one.
ParsedReply pause_reply(const Normalized& n, const ReplyContext& ctx, const DateWords& words);

// A command named by the first word, or nothing.
std::optional<ParsedReply> command(const Normalized& n, const Items& items, const ReplyContext& ctx,
                                   const DateWords& words);

// "30 km" or "30km" at token t as the whole point of the message.
std::optional<ParsedReply> bare_distance(const Normalized& n, std::size_t t);

// The settings a message mentions anywhere (after the first word), each once.
struct Mentions {
  bool noise = false, stop = false, start = false, resume = false, pause = false;
  bool pause_soft = false, resume_soft = false, status = false, help = false;
  std::optional<int> km;
};

Mentions mentions(const Normalized& n, const Items& items);

// The first "30 km" said outside a question, and where.
struct KmFigure {
  int km = 0;
  std::size_t token = 0;
};

std::optional<KmFigure> km_anywhere(const Normalized& n);

}  // namespace noodbel::reply

// Reading back what `diplograph extract` wrote (json_writer.hpp): the article and its facts,
// ready for the store without running the extractor again.
#pragma once

#include "extract/extraction.hpp"

#include <memory>
#include <string_view>

namespace diplograph {

/// An article with the facts read for it. The extraction's Document holds views into
/// `article.text`, so the pair lives behind a pointer and never moves. That Document holds
/// the sentences and one token per mention (the mention's byte span), not the full tokens.
struct LoadedArticle {
    Article article;
    Extraction extraction;
};

/// Parses one line of extract output. Actors marked as lexicon actors are matched to
/// `lexicon` by name, kind and country (unmatched ones count as found in the text). Throws
/// InputError "cannot read ORIGIN: reason" for malformed JSON, a missing or mistyped field,
/// or an index or byte offset out of range.
std::unique_ptr<LoadedArticle> article_from_json(std::string_view json, std::string_view origin,
                                                 const Lexicon &lexicon);

} // namespace diplograph

// Extracted facts as one JSON object per article (the `diplograph extract` output).
#pragma once

#include <string>

#include "extract/extraction.hpp"

namespace diplograph {

/// One line of JSON: the article's metadata and every fact, with actor names and the text of
/// each mention, quote and evidence sentence.
std::string extraction_to_json(const Article &article, const Extraction &extraction);

} // namespace diplograph

// Extracted facts as one JSON object per article (the `diplograph extract` output), complete
// enough to rebuild the database rows without the extractor (see json_reader.hpp).
#pragma once

#include "extract/extraction.hpp"

#include <string>

namespace diplograph {

/// The version written in every object's "format" field.
inline constexpr const char *extraction_format = "diplograph-extract/1";

/// One line of JSON: the article (text and metadata), its sentences with byte offsets, its
/// actors (name, kind, country), and every mention, statement, meeting and relation with byte
/// offsets. Facts refer to actors and sentences by their index in those arrays.
std::string extraction_to_json(const Article &article, const Extraction &extraction);

} // namespace diplograph

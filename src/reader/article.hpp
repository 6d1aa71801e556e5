// Article: what every reader produces and every later stage consumes.
#pragma once

#include "common/date.hpp"

#include <optional>
#include <string>

namespace diplograph {

struct Article {
    std::string title;
    std::optional<Date> published;
    std::string source;
    std::string url;
    std::string text;   ///< body, valid UTF-8, NFC-normalised; offsets everywhere refer to it
    std::string origin; ///< where it was read from: a path, "stdin", or "file.jsonl:12"
};

} // namespace diplograph

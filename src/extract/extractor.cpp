// The extraction pipeline for one article: segment, then each stage in turn.
#include "extract/context.hpp"

namespace diplograph {

Extraction extract(const Article &article, const Lexicon &lexicon) {
    Context ctx(lexicon, article);
    mark_noise(ctx);
    find_mentions(ctx);
    find_statements(ctx);
    find_meetings(ctx);
    find_relations(ctx);
    return std::move(ctx.out);
}

} // namespace diplograph

// libFuzzer target: paragraphs, sentences, tokens and quotations of any (cleaned) text, with the
// shipped lexicon's abbreviations.
#include "harness.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    static const diplograph::SegmentRules rules =
        diplograph::load_lexicon(diplograph::default_lexicon_dir(), DIPLOGRAPH_ISO_CODES)
            .segment_rules;
    diplograph::fuzz::segment_text({reinterpret_cast<const char *>(data), size}, rules);
    return 0;
}

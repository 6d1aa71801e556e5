// libFuzzer target: the whole extractor with the shipped lexicon (loaded once) on any text.
#include "harness.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    static const diplograph::Lexicon lexicon =
        diplograph::load_lexicon(diplograph::default_lexicon_dir(), DIPLOGRAPH_ISO_CODES);
    diplograph::fuzz::extract_text({reinterpret_cast<const char *>(data), size}, lexicon);
    return 0;
}

// libFuzzer target: the article readers (JSON, JSON Lines record, text, HTML) on any bytes.
#include "harness.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    diplograph::fuzz::read_article({reinterpret_cast<const char *>(data), size});
    return 0;
}

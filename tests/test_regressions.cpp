// Replays the inputs kept in tests/regressions/<target>/ (crashes the fuzzers found, and hostile
// inputs kept on purpose) through the same harness as the libFuzzer targets in fuzz/.
#include "../fuzz/harness.hpp"
#include "helpers.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace diplograph;

namespace {

/// The bytes of every file kept for one fuzz target, by file name.
std::vector<std::pair<std::string, std::string>> kept_inputs(const std::string &target) {
    std::vector<std::pair<std::string, std::string>> inputs;
    const auto dir = std::filesystem::path(DIPLOGRAPH_TESTS_DIR) / "regressions" / target;
    for (const auto &entry : std::filesystem::directory_iterator(dir)) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        inputs.emplace_back(entry.path().filename().string(), bytes.str());
    }
    REQUIRE_FALSE(inputs.empty());
    return inputs;
}

} // namespace

TEST_CASE("every kept reader input is read or refused with an input error", "[regressions]") {
    for (const auto &[name, bytes] : kept_inputs("reader")) {
        INFO(name);
        CHECK_NOTHROW(fuzz::read_article(bytes));
    }
}

TEST_CASE("every kept segmenter input is segmented within its text", "[regressions]") {
    for (const auto &[name, bytes] : kept_inputs("segment")) {
        INFO(name);
        CHECK_NOTHROW(fuzz::segment_text(bytes, test::lexicon().segment_rules));
    }
}

TEST_CASE("every kept extractor input is extracted", "[regressions]") {
    for (const auto &[name, bytes] : kept_inputs("extract")) {
        INFO(name);
        CHECK_NOTHROW(fuzz::extract_text(bytes, test::lexicon()));
    }
}

// The clause around a meeting trigger ("X met Y on Monday", "talks between X and Y"): who it
// names as participants and where its dates and places are.
#pragma once

#include "extract/context.hpp"

#include <cstdint>
#include <vector>

namespace diplograph {

/// A trigger's clause: its token range, where its dates and places are sought from, and the
/// people it names.
struct Clause {
    std::uint32_t first = 0;
    std::uint32_t last = 0;
    std::uint32_t dates_first = 0;
    std::vector<int> people; ///< sorted actor indices
    int subject = -1;        ///< the person nearest before the trigger ("Putin hosted ..."), or -1
};

/// The clause of the trigger at [trigger, trigger_end) in sentence s, with its people: the
/// agents before the trigger back to a clause break and after it up to the next one ("X met
/// Y", "talks between X and Y", "Putin's Versailles visit").
Clause meeting_clause(const Context &ctx, std::uint32_t s, std::uint32_t trigger,
                      std::uint32_t trigger_end);

} // namespace diplograph

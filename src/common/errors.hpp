// The two failures diplograph reports to users; main() turns them into exit codes.
#pragma once

#include <stdexcept>

namespace diplograph {

/// A bad command line: exit status 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Input that cannot be processed (file, article, lexicon, database): exit status 1.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace diplograph

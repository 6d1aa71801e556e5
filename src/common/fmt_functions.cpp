// The few functions of fmt that are not templates (vformat and the error and Unicode helpers it
// calls), compiled into diplograph rather than taken from libfmt.so: see "Linking" in
// CMakeLists.txt. Without FMT_HEADER_ONLY, format-inl.h defines them as ordinary functions,
// once, here; every other file keeps including only fmt/format.h.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {
// Declared in format.h for every file, defined in format-inl.h: one copy for the locale
// lookups of number formatting.
template auto thousands_sep_impl<char>(locale_ref) -> thousands_sep_result<char>;
template auto decimal_point_impl<char>(locale_ref) -> char;
} // namespace detail
FMT_END_NAMESPACE

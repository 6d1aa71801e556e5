# Reads every .sql file given in SQL_FILES into one generated .cpp as raw string literals.
# Called at build time: cmake -DOUT=... -DFUNC=... -DSQL_FILES=a.sql;b.sql -P embed_sql.cmake
set(body "")
foreach(file IN LISTS SQL_FILES)
    get_filename_component(stem "${file}" NAME_WE)
    file(READ "${file}" text)
    string(APPEND body "    {\"${stem}\", R\"sql(${text})sql\"},\n")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from .sql files by cmake/embed_sql.cmake; do not edit.\n#include \"store/embedded_sql.hpp\"\n\n#include <array>\n\nnamespace diplograph {\n\nstd::span<const NamedSql> ${FUNC}() {\n    static const NamedSql items[] = {\n${body}    };\n    return items;\n}\n\n} // namespace diplograph\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)

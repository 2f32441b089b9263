# Writes OUTPUT: a header holding the text of INPUT as `inline constexpr std::string_view NAME`.
file(READ "${INPUT}" text)
set(content "#pragma once\n// Generated from ${INPUT}; do not edit.\n#include <string_view>\n\ninline constexpr std::string_view ${NAME} = R\"ces_text(${text})ces_text\";\n")
file(WRITE "${OUTPUT}.tmp" "${content}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")

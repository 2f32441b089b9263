# The two kinds of target every part declares, written once: our warnings as errors and
# includes from the repository root.

# ces_library(NAME SOURCES file... [LINKS target...]): a static library of one part.
function(ces_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LINKS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
    target_compile_options(${name} PRIVATE ${CES_WARNINGS})
    target_link_libraries(${name} PUBLIC ${ARG_LINKS})
endfunction()

# ces_test_suite(NAME PREFIX p SOURCES file... LINKS target... [DEFINITIONS d...]): a doctest
# executable whose cases CTest runs as "p.<case>".
function(ces_test_suite name)
    cmake_parse_arguments(ARG "" "PREFIX" "SOURCES;LINKS;DEFINITIONS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_LINKS} doctest::doctest)
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR})
    target_compile_options(${name} PRIVATE ${CES_WARNINGS})
    if(ARG_DEFINITIONS)
        target_compile_definitions(${name} PRIVATE ${ARG_DEFINITIONS})
    endif()
    doctest_discover_tests(${name} TEST_PREFIX "${ARG_PREFIX}.")
endfunction()

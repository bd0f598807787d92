# cairn_add_test(NAME <name> SOURCES <files...> LIBS <targets...> [LABELS <labels...>] [TIMEOUT <s>])
# Builds a QtTest executable and registers it with CTest in a deterministic environment.
function(cairn_add_test)
  cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE Qt6::Test cairn_warnings ${T_LIBS})
  target_compile_definitions(${T_NAME} PRIVATE
    CAIRN_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
    CAIRN_BINARY_DIR="${CMAKE_BINARY_DIR}"
    CAIRN_SHARED_DIR="${CMAKE_SOURCE_DIR}/../shared")
  add_test(NAME ${T_NAME} COMMAND ${T_NAME})
  set_tests_properties(${T_NAME} PROPERTIES
    TIMEOUT ${T_TIMEOUT}
    LABELS "${T_LABELS}"
    ENVIRONMENT "TZ=UTC;QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;CAIRN_ASSETS_DIR=${CMAKE_SOURCE_DIR}/assets;CAIRNCTL=$<TARGET_FILE:cairnctl>;${T_ENV}")
endfunction()

# cairn_library(<name> <sources...>): a static library with the project's warnings.
function(cairn_library NAME)
  add_library(${NAME} STATIC ${ARGN})
  target_link_libraries(${NAME} PRIVATE cairn_warnings)
  target_include_directories(${NAME} PUBLIC ${CMAKE_SOURCE_DIR})
  target_include_directories(${NAME} PRIVATE ${CMAKE_BINARY_DIR}/generated)
endfunction()

configure_file(${CMAKE_CURRENT_LIST_DIR}/build_paths.h.in ${CMAKE_BINARY_DIR}/generated/cairn_build_paths.h @ONLY)

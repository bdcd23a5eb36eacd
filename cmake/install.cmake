# What `make install` (cmake --install) puts where, under CMAKE_INSTALL_PREFIX
# and DESTDIR:
#   bin/mtfp
#   share/mtfp/models/       the example models, and share/mtfp/scripts/ their
#   share/mtfp/scripts/      scenarios, side by side as in the source tree:
#                            model.lua names its scenarios ../../scripts/...
#   share/mtfp/lua/mtfp.lua  the LuaLS annotation file, for editors
#   share/doc/mtfp/          README.md, CHANGELOG.md, LICENSE and docs/
#   share/man/man1/mtfp.1.gz the manual page, from docs/mtfp.1.in
#   share/bash-completion/completions/mtfp   completion/mtfp.bash
include(GNUInstallDirs)

set(MTFP_INSTALL_DATADIR ${CMAKE_INSTALL_DATADIR}/mtfp)

# The binary finds the installed example (with no MODEL_DIR and no
# ./models/example) relative to itself first, then at the prefix it was
# built for.
file(RELATIVE_PATH MTFP_DATADIR_FROM_BINDIR ${CMAKE_INSTALL_FULL_BINDIR}
     ${CMAKE_INSTALL_FULL_DATADIR}/mtfp)
target_compile_definitions(mtfp_cli PRIVATE MTFP_DATADIR="${CMAKE_INSTALL_FULL_DATADIR}/mtfp"
                                        MTFP_DATADIR_FROM_BINDIR="${MTFP_DATADIR_FROM_BINDIR}")

install(TARGETS mtfp RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY models/ DESTINATION ${MTFP_INSTALL_DATADIR}/models)
install(DIRECTORY scripts/ DESTINATION ${MTFP_INSTALL_DATADIR}/scripts
        PATTERN mtfp.lua EXCLUDE)
install(FILES scripts/mtfp.lua DESTINATION ${MTFP_INSTALL_DATADIR}/lua)
install(FILES README.md CHANGELOG.md LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs PATTERN mtfp.1.in EXCLUDE)
install(FILES completion/mtfp.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME mtfp)

# The manual page, with the version and the install's directories filled in,
# compressed as Debian installs manual pages.
set(MTFP_DATADIR ${CMAKE_INSTALL_FULL_DATADIR}/mtfp)
set(MTFP_DOCDIR ${CMAKE_INSTALL_FULL_DOCDIR})
configure_file(docs/mtfp.1.in ${CMAKE_BINARY_DIR}/mtfp.1 @ONLY)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/mtfp.1.gz
                   COMMAND gzip -9 -n -k -f ${CMAKE_BINARY_DIR}/mtfp.1
                   DEPENDS ${CMAKE_BINARY_DIR}/mtfp.1
                   COMMENT "Compressing the manual page")
add_custom_target(mtfp_manpage ALL DEPENDS ${CMAKE_BINARY_DIR}/mtfp.1.gz)
install(FILES ${CMAKE_BINARY_DIR}/mtfp.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

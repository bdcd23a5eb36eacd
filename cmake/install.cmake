# What `make install` (cmake --install) puts where, under CMAKE_INSTALL_PREFIX
# and DESTDIR:
#   bin/mtfp
#   share/mtfp/models/       the example models, and share/mtfp/scripts/ their
#   share/mtfp/scripts/      scenarios, side by side as in the source tree:
#                            model.lua names its scenarios ../../scripts/...
#   share/mtfp/lua/mtfp.lua  the LuaLS annotation file, for editors
#   share/doc/mtfp/          README.md, LICENSE and docs/
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
install(FILES README.md LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)

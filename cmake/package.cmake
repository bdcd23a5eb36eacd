# A Debian package of what `make install` installs (cpack -G DEB; `make deb`
# builds one in build-deb/). The package installs under the build's
# CMAKE_INSTALL_PREFIX, where the binary and the manual page look for the
# example, so `make deb` configures its build with /usr.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME mtfp)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "medium-term financial plans for councils' children's services")
set(CPACK_PACKAGE_DESCRIPTION
    "mtfp projects a council's children's services budget over the medium term:\n\
the base budget, inflation, pressures, savings, funding and the gap that is\n\
left, exact to the penny. Scenarios are small Lua scripts; the result is an\n\
Excel cabinet pack with live formulas, and tidy CSV. Example models built\n\
from published plans are in ${CMAKE_INSTALL_FULL_DATADIR}/mtfp.")
set(MTFP_PACKAGE_MAINTAINER "The mtfp authors"
    CACHE STRING "The Debian package's Maintainer field: Name <email>")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${MTFP_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# The libraries mtfp links to, by the names and versions dpkg-shlibdeps gives
# on Debian 12 (test_package.sh compares them with it where it is installed).
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6 (>= 2.34), libcsv3 (>= 3.0.3), libexpat1 (>= 2.0.1), liblua5.4-0 (>= 5.4.4), \
libminizip1 (>= 1.1), libxlsxwriter4 (>= 1.1.4)")
# A spreadsheet program opens the pack.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libreoffice-calc | gnumeric")
set(CPACK_STRIP_FILES TRUE)
include(CPack)

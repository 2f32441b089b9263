# The Debian package (`make package`, cpack -G DEB): the binary in /usr/bin, what it reads at run
# time in /usr/share/ces (core/resource_root.h finds it beside the binary), the systemd unit, an
# example configuration and the HAProxy example. postinst adds the ces user and its directories
# and a first /etc/ces; the council's PostgreSQL is theirs to provide.
install(TARGETS ces RUNTIME DESTINATION bin)
install(DIRECTORY web/templates web/static web/words DESTINATION share/ces/web)
install(DIRECTORY notify/templates DESTINATION share/ces/notify)
install(DIRECTORY data/ DESTINATION share/ces/data)
install(DIRECTORY node_modules/govuk-frontend/dist/govuk
        DESTINATION share/ces/node_modules/govuk-frontend/dist OPTIONAL)
install(FILES deploy/ces.service DESTINATION lib/systemd/system)
install(FILES deploy/ces.conf.example deploy/haproxy.cfg DESTINATION share/doc/ces/examples)
# postinst's first /etc/ces/ces.conf (images that drop /usr/share/doc still have this one).
install(FILES deploy/ces.conf.example DESTINATION share/ces)

# `make package` has built everything already; cpack need not build again.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ces)
set(CPACK_PACKAGE_VERSION 0.9.0)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_CONTACT "ces maintainers <ces@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "ces, the Community Equipment Service")
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# The ces user, /var/lib/ces, /var/backups/ces, and a first /etc/ces to edit.
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${CMAKE_CURRENT_SOURCE_DIR}/deploy/debian/postinst)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "passwd")
include(CPack)

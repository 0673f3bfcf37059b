# Installs the desktop integration files and configures CPack for a Debian package
# (cpack -G DEB in the build folder).
include(GNUInstallDirs)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/io.github.overrule.Overrule.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/io.github.overrule.Overrule.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/overrule.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME io.github.overrule.Overrule.svg)

set(CPACK_PACKAGE_NAME "overrule")
set(CPACK_PACKAGE_VENDOR "Overrule developers")
set(CPACK_PACKAGE_CONTACT "Overrule developers <overrule@users.noreply.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_GENERATOR "DEB;TGZ")
include(CPack)

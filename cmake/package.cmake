# Installation (cmake --install) and the Debian package (cpack -G DEB in the build directory).

# The man page and the completion scripts come from the CLI's own definition, at build time.
set(THV_GENERATED_DOCS ${CMAKE_BINARY_DIR}/share)
add_custom_command(
  OUTPUT ${THV_GENERATED_DOCS}/thv-render.1 ${THV_GENERATED_DOCS}/thv-render.bash
    ${THV_GENERATED_DOCS}/_thv-render
  COMMAND ${CMAKE_COMMAND} -E make_directory ${THV_GENERATED_DOCS}
  COMMAND ${CMAKE_COMMAND} -DTHV_RENDER=$<TARGET_FILE:thv-render> -DOUT=${THV_GENERATED_DOCS}
    -P ${CMAKE_SOURCE_DIR}/cmake/generate_docs.cmake
  DEPENDS thv-render ${CMAKE_SOURCE_DIR}/cmake/generate_docs.cmake
  COMMENT "Generating the man page and shell completions from thv-render's help")
add_custom_target(thv_docs ALL DEPENDS ${THV_GENERATED_DOCS}/thv-render.1)

install(FILES ${THV_GENERATED_DOCS}/thv-render.1 DESTINATION share/man/man1)
install(FILES ${THV_GENERATED_DOCS}/thv-render.bash DESTINATION share/bash-completion/completions
  RENAME thv-render)
# zsh: Debian's zsh reads packaged completions from /usr/share/zsh/vendor-completions, and
# site-functions under /usr/local (zsh's own default for every other prefix). Decided at install
# time, as cpack installs into a staging directory with the prefix /usr.
install(CODE "
  if(CMAKE_INSTALL_PREFIX MATCHES \"(^|/)usr$\")
    set(thv_zsh_dir share/zsh/vendor-completions)
  else()
    set(thv_zsh_dir share/zsh/site-functions)
  endif()
  file(INSTALL DESTINATION \"\${CMAKE_INSTALL_PREFIX}/\${thv_zsh_dir}\" TYPE FILE
    FILES \"${THV_GENERATED_DOCS}/_thv-render\")")

install(PROGRAMS plugins/kustomize/install plugins/kustomize/thv-render-krm
  DESTINATION share/thv-render/kustomize)
# Templates the installer fills in with the binary's path: the generator and the NameTransformer.
install(FILES plugins/kustomize/thv-render-kustomize plugins/kustomize/thv-render-names
  DESTINATION share/thv-render/kustomize)
install(FILES plugins/argocd/plugin.yaml plugins/argocd/sidecar-patch.yaml
  DESTINATION share/thv-render/argocd)
install(PROGRAMS plugins/argocd/image-rootfs DESTINATION share/thv-render/argocd)
install(FILES plugins/argocd/Containerfile DESTINATION share/thv-render/argocd)
install(FILES plugins/helm/plugin.yaml DESTINATION share/thv-render/helm)

# Debian package. dpkg-shlibdeps sees only the linked libraries (libc); libcurl and libgit2 are
# dlopen()ed (registry/net_libs.cc), so the packages that provide their SONAMEs are named here,
# with the minimum version from their shlibs files as dpkg-shlibdeps would write it.
function(thv_debian_dependency var soname library)
  string(REGEX MATCH "^(.*)\\.so\\.(.*)$" _ "${soname}")
  set(name "${CMAKE_MATCH_1}")
  set(version "${CMAKE_MATCH_2}")
  # Debian's naming rule (libcurl.so.4 -> libcurl4, libgit2.so.1.5 -> libgit2-1.5) when dpkg
  # cannot tell.
  if(name MATCHES "[0-9]$")
    set(dependency "${name}-${version}")
  else()
    set(dependency "${name}${version}")
  endif()
  get_filename_component(real "${library}" REALPATH)
  find_program(DPKG_QUERY dpkg-query)
  if(DPKG_QUERY)
    execute_process(COMMAND ${DPKG_QUERY} -S "${real}" OUTPUT_VARIABLE owner
      RESULT_VARIABLE rc ERROR_QUIET)
    if(rc EQUAL 0 AND owner MATCHES "^([^:, ]+)(:[a-z0-9]+)?: ")
      set(package "${CMAKE_MATCH_1}")
      set(dependency "${package}")
      file(GLOB shlibs /var/lib/dpkg/info/${package}.shlibs /var/lib/dpkg/info/${package}:*.shlibs)
      foreach(f ${shlibs})
        file(STRINGS "${f}" lines REGEX "^${name} ${version} ")
        foreach(line ${lines})
          string(REGEX REPLACE "^${name} ${version} " "" dependency "${line}")
        endforeach()
      endforeach()
    endif()
  endif()
  set(${var} "${dependency}" PARENT_SCOPE)
endfunction()
thv_debian_dependency(THV_DEB_LIBCURL "${LIBCURL_SONAME}" "${CURL_LIBRARIES}")
thv_debian_dependency(THV_DEB_LIBGIT2 "${LIBGIT2_SONAME}" "${LIBGIT2_LINK_LIBRARIES}")
message(STATUS "Debian package depends on ${THV_DEB_LIBCURL}, ${THV_DEB_LIBGIT2} (dlopen)")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME thv-render)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "thv-render maintainers <thv-render@example.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "Render ToolHive MCPServer resources into the manifests the ToolHive operator creates")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${THV_DEB_LIBCURL}, ${THV_DEB_LIBGIT2}")
# CA certificates for HTTPS sources.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "ca-certificates")
include(CPack)

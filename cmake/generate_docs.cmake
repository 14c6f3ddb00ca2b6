# cmake -DTHV_RENDER=BIN -DOUT=DIR -P generate_docs.cmake: the man page and completion scripts,
# written by thv-render itself.
foreach(job "help;--man;thv-render.1" "completion;bash;thv-render.bash" "completion;zsh;_thv-render")
  list(GET job 0 command)
  list(GET job 1 arg)
  list(GET job 2 file)
  execute_process(COMMAND "${THV_RENDER}" ${command} ${arg} OUTPUT_FILE "${OUT}/${file}.tmp"
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "thv-render ${command} ${arg} failed: ${rc}")
  endif()
  file(RENAME "${OUT}/${file}.tmp" "${OUT}/${file}")
endforeach()

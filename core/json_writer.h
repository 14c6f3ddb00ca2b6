// The JSON writer is core/json_text.h now; this name stays for the operator target's files
// (render/mcpserver_render*, render/runconfig*), which move to targets/ on another branch.
#pragma once

#include "core/json_text.h"

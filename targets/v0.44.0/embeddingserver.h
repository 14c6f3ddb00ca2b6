// EmbeddingServer at v0.44.0 (cmd/thv-operator/api/v1beta1/embeddingserver_types.go,
// controllers/embeddingserver_controller.go, "esc" below): a HuggingFace Text Embeddings
// Inference server, rendered as the StatefulSet and Service the controller creates, in that
// order (esc:107-122). It reads nothing else from the cluster and detects no platform.
#pragma once

#include "core/diagnostics.h"
#include "model/object.h"
#include "targets/target.h"

namespace thv {
namespace t0_44_0 {

// StatefulSet <name> (statefulSetForEmbedding, esc:406-461) and Service <name>
// (serviceForEmbedding, esc:777-822). A podTemplateSpec the controller cannot apply is a warning
// (it sets PodTemplateValid=False, or only logs a failed merge, and builds the StatefulSet from
// its defaults, esc:351-404, 697-737); a quantity resource.MustParse panics on is an error (nothing
// is created).
void RenderEmbeddingServer(const Object& object, const RenderContext& context, Diagnostics* diags,
                           const Emit& emit);

// `thv-render list`: STATUS MODEL READY URL (the CRD's printer columns without Age; only
// spec.model is not status).
extern const KindLister kEmbeddingServerList;

}  // namespace t0_44_0
}  // namespace thv

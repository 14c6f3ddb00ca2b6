"""What the kustomize names checks share (tests/kustomize_names_check.py,
tests/kustomize_names_vmcp.py)."""
import hashlib


def checksum(cm):
    """checksum.ComputeConfigMapChecksum: the data and the operator's toolhive.stacklok.io labels."""
    text = "".join(k + v for k, v in sorted(cm.get("data", {}).items()))
    labels = cm["metadata"].get("labels", {})
    text += "".join(k + v for k, v in sorted(labels.items()) if k.startswith("toolhive.stacklok.io/"))
    return hashlib.sha256(text.encode()).hexdigest()

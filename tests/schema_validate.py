#!/usr/bin/env python3
"""Validates ToolHive resources against the JSON Schemas `thv-render schema` wrote, as kubeconform
would pick them: SCHEMA_DIR/{group}/{lowercase kind}_{version}.json.

    schema_validate.py SCHEMA_DIR FILE...

One line per ToolHive document: "FILE#N: ok" or "FILE#N: invalid: PATH: MESSAGE" (every error).
Other kinds (ConfigMaps, Secrets) are skipped. Exit 0 when every document is valid, 1 when one
is not, 2 when a document has no schema or a schema does not load.
Needs python3-jsonschema and python3-yaml (Debian packages; scripts/setup.sh installs them)."""
import json
import os
import sys

import jsonschema
import yaml


class KubeLoader(yaml.SafeLoader):
    """YAML as kubectl reads it for these files: timestamps stay strings (JSON has no dates)."""


KubeLoader.yaml_implicit_resolvers = {
    k: [(tag, regexp) for tag, regexp in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def main():
    schema_dir, files = sys.argv[1], sys.argv[2:]
    invalid = False
    for path in files:
        with open(path, encoding="utf-8") as f:
            docs = list(yaml.load_all(f, Loader=KubeLoader))
        for n, doc in enumerate(docs):
            if not isinstance(doc, dict) or "/" not in str(doc.get("apiVersion", "")):
                continue
            group, version = doc["apiVersion"].split("/", 1)
            if group != "toolhive.stacklok.dev":
                continue
            where = os.path.join(schema_dir, group, "%s_%s.json" % (str(doc.get("kind")).lower(), version))
            if not os.path.exists(where):
                print("%s#%d: no schema %s" % (path, n, where))
                sys.exit(2)
            with open(where, encoding="utf-8") as f:
                schema = json.load(f)
            validator_class = jsonschema.validators.validator_for(schema)
            validator_class.check_schema(schema)
            validator = validator_class(schema, format_checker=jsonschema.FormatChecker())
            errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
            if not errors:
                print("%s#%d: ok" % (path, n))
                continue
            invalid = True
            for e in errors:
                field = ".".join(str(p) for p in e.absolute_path)
                print("%s#%d: invalid: %s: %s" % (path, n, field, e.message.splitlines()[0][:200]))
    sys.exit(1 if invalid else 0)


if __name__ == "__main__":
    main()

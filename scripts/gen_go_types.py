#!/usr/bin/env python3
"""Generates Go struct tables (and, for typed bindings, the C++ structs) from Go source, so that
core/go_json reads and writes JSON exactly as encoding/json does for those types.

  python3 scripts/gen_go_types.py SPEC.json --mirror OWNER/NAME=GITDIR ... [--ref OWNER/NAME=REF]
      [--tables PATH] [--structs PATH] [--check]

SPEC (scripts/go_types/*.json) names the sources ({"repo", "ref", "files"} read with
`git -C GITDIR show REF:FILE`, the module path taken from REF:go.mod; or {"local": "path.go",
"package": "import/path"}), the root types, and the outputs. --ref overrides a source's ref and
--tables/--structs the output paths, so one spec serves another operator version:
  python3 scripts/gen_go_types.py scripts/go_types/k8s.json \\
      --mirror kubernetes/api=../api --mirror kubernetes/apimachinery=../apimachinery \\
      --ref kubernetes/api=v0.35.3 --ref kubernetes/apimachinery=v0.35.3 --tables out/k8s.inc

encoding/json's rules applied here: a field's key is its json tag name, else its Go name;
`json:"-"` and unexported fields are skipped; an embedded struct without a tag name is inlined
(its fields take its place); options omitempty and omitzero are kept, `string` is refused.
Types outside the sources, and types with their own (Un)MarshalJSON or (Un)MarshalText, must be
listed in the spec's "external": {"as": NAME} (a Go built-in or a type core/go_json knows: Time,
resource.Quantity, intstr.IntOrString, metav1.Duration, json.RawMessage, which also serves a type with its own
MarshalJSON: the JSON as given, not the type's canonical form) or {"alias": UNDERLYING}. encoding/json.RawMessage and
time.Duration (int64 nanoseconds) need no entry.
Anything the parser does not understand inside a struct is an error, never skipped.

SPEC keys: sources, roots (bare or import-path-qualified names), external, rename ({"pkg.Name":
"NewName"}: output names must be unique), prefix ({"pkg": "Prefix"}: for all of a package's
types), substitute ({"pkg.Name": "otherpkg.Local"}: a type the sources use, declared by a local
source instead of read from its own repository), tables (GO_STRUCT/GO_FIELD rows; with "bind": true GO_BOUND/GO_EMBED rows naming C++
members), structs (bind: the C++ structs), words (camel-case
pieces spelled as one word in C++ member names, e.g. {"OAuth": "oauth"}), members ({"Go field
name": "c++ member"}), check ({"LocalType": "OWNER/NAME@REF:FILE#Type"}: with --check, each
field of the local declaration is compared with the upstream type; differences must carry a
`// thv:` comment).
"""
import argparse
import json
import os
import re
import subprocess
import sys

GO_BUILTINS = {"string", "bool", "int", "int32", "int64", "float64", "any"}
ENGINE_NAMES = {"Time", "resource.Quantity", "intstr.IntOrString", "json.RawMessage", "Duration",
                "metav1.Duration"}
# Standard-library types every spec may meet (a spec's own "external" entries win).
STD_EXTERNAL = {"encoding/json.RawMessage": {"as": "json.RawMessage"},
                "time.Duration": {"as": "int64"}}
METHODS = ("MarshalJSON", "UnmarshalJSON", "MarshalText", "UnmarshalText")
CPP_KEYWORDS = {"default", "delete", "new", "class", "namespace", "template", "operator", "private",
                "public", "protected", "union", "register", "explicit", "export", "friend"}


class GenError(Exception):
    pass


def strip_comments(src):
    """Removes // and /* */ comments outside strings, runes and raw strings; keeps line breaks.
    Line comments are returned per line (for `// thv:` notes)."""
    out, notes, i, n = [], {}, 0, len(src)
    line = 1
    while i < n:
        c = src[i]
        if c == "\n":
            line += 1
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            notes[line] = src[i + 2:j].strip()
            i = j
            continue
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("\n" * src.count("\n", i, j))
            line += src.count("\n", i, j)
            i = j
            continue
        if c in "\"'`":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if c != "`" and src[j] == "\\" else 1
            out.append(src[i:j + 1])
            line += src.count("\n", i, j + 1)
            i = j + 1
            continue
        out.append(c)
        i += 1
    return "".join(out), notes


def parse_type(expr):
    """A Go type expression as a tuple: ("ptr", t), ("slice", t), ("map", k, v), ("name", q, n)."""
    expr = expr.strip()
    if expr.startswith("*"):
        return ("ptr", parse_type(expr[1:]))
    if expr.startswith("[]"):
        return ("slice", parse_type(expr[2:]))
    if expr.startswith("map["):
        depth, i = 0, 3
        for i in range(3, len(expr)):
            depth += {"[": 1, "]": -1}.get(expr[i], 0)
            if depth == 0:
                break
        return ("map", parse_type(expr[4:i]), parse_type(expr[i + 1:]))
    if expr in ("interface{}", "any"):
        return ("name", "", "any")
    m = re.fullmatch(r"(?:(\w+)\.)?(\w+)", expr)
    if not m:
        raise GenError(f"unsupported Go type {expr!r}")
    return ("name", m.group(1) or "", m.group(2))


class Package:
    def __init__(self, path):
        self.path = path
        self.structs = {}   # name -> [field dicts]
        self.named = {}     # name -> (type tuple, imports)
        self.methods = {}   # name -> set of json-relevant methods
        self.imports = {}   # struct name -> that file's imports
        self.where = {}     # name -> "file:line"


def scan_methods(pkg, src):
    for m in re.finditer(r"^func \(\w*\s*\*?(\w+)\) (\w+)\(", src, re.M):
        if m.group(2) in METHODS:
            pkg.methods.setdefault(m.group(1), set()).add(m.group(2))


def parse_file(pkg, text, label):
    src, notes = strip_comments(text)
    imports = {}
    for m in re.finditer(r'^import\s+(?:\(\s*(.*?)\)|(.*?)$)', src, re.S | re.M):
        for spec in (m.group(1) or m.group(2) or "").split("\n"):
            im = re.fullmatch(r'\s*(?:([\w.]+)\s+)?"([^"]+)"\s*', spec)
            if im:
                imports[im.group(1) or im.group(2).rsplit("/", 1)[-1]] = im.group(2)
    scan_methods(pkg, src)
    lines = src.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        i += 1
        if line == "type (":  # a group: one declaration a line
            while i < len(lines) and lines[i].strip() != ")":
                decl = lines[i].strip()
                i += 1
                if decl:
                    i = declare(pkg, "type " + decl, lines, i, imports, notes, label)
            continue
        if line.startswith("type "):
            i = declare(pkg, line, lines, i, imports, notes, label)


def declare(pkg, line, lines, i, imports, notes, label):
    m = re.fullmatch(r"type (\w+)(?:\[[^\]]*\])? struct \{(\})?", line)
    where = f"{label}:{i}"
    if m:
        name = m.group(1)
        fields = []
        if not m.group(2):
            while lines[i].strip() != "}":
                body = lines[i].strip()
                i += 1
                if body:
                    fields.append(parse_field(body, f"{label}:{i}", notes.get(i, "")))
            i += 1
        pkg.structs.setdefault(name, fields)
        pkg.imports[name] = imports
        pkg.where.setdefault(name, where)
        return i
    m = re.fullmatch(r"type (\w+) (?:= )?(.+)", line)
    if m and not m.group(2).startswith(("interface", "func", "chan", "struct")):
        pkg.named.setdefault(m.group(1), (parse_type(m.group(2)), imports))
        pkg.where.setdefault(m.group(1), where)
    return i


def parse_field(body, where, note):
    tag = ""
    if body.endswith("`"):
        start = body.rfind("`", 0, len(body) - 1)
        tag, body = body[start + 1:-1], body[:start].strip()
    json_tag = re.search(r'(?:^|\s)json:"([^"]*)"', tag)
    key, opts = None, []
    if json_tag:
        key, *opts = json_tag.group(1).split(",")
    unexported = re.match(r"[a-z_]\w*\s", body)
    if key == "-" or unexported:  # not encoded: whatever its type
        return {"names": [], "type": None, "key": "-", "opts": [], "where": where, "note": note}
    if "{" in body.replace("interface{}", "") or "func(" in body or "chan " in body:
        raise GenError(f"{where}: unsupported field {body!r}")
    named = re.fullmatch(r"(\w+(?:\s*,\s*\w+)*)\s+(\S+)", body)
    if named:
        names, typ = [n.strip() for n in named.group(1).split(",")], named.group(2)
    elif re.fullmatch(r"\*?[\w.]+", body):
        names, typ = [], body  # embedded
    else:
        raise GenError(f"{where}: cannot read field {body!r}")
    if "string" in opts:
        raise GenError(f"{where}: json option 'string' is not supported")
    return {"names": names, "type": parse_type(typ), "key": key,
            "opts": [o for o in opts if o in ("omitempty", "omitzero")], "where": where, "note": note}


class Generator:
    def __init__(self, spec, mirrors, refs):
        self.spec = spec
        self.packages = {}
        self.labels = []
        for source in spec["sources"]:
            self.load(source, mirrors, refs)
        self.external = {**STD_EXTERNAL, **spec.get("external", {})}
        self.rename = spec.get("rename", {})
        self.prefix = spec.get("prefix", {})  # package path -> prefix of its types' names
        # qualified name -> the qualified name of a local declaration that stands in for it
        self.substitute = spec.get("substitute", {})
        self.out_names = {}  # output name -> qualified name
        self.structs = {}    # qualified -> (package, name)
        self.aliases = {}    # qualified -> (package, name)

    def load(self, source, mirrors, refs):
        if "local" in source:
            text = open(source["local"]).read()
            self.add(source["package"], text, source["local"])
            self.labels.append(source["local"])
            return
        repo = source["repo"]
        ref = refs.get(repo, source["ref"])
        if repo not in mirrors:
            raise GenError(f"no --mirror {repo}=GITDIR given")
        show = lambda path: subprocess.run(["git", "-C", mirrors[repo], "show", f"{ref}:{path}"],
                                           check=True, capture_output=True, text=True).stdout
        module = re.search(r"^module (\S+)", show("go.mod"), re.M).group(1)
        for path in source["files"]:
            self.add(f"{module}/{os.path.dirname(path)}", show(path), f"{repo}@{ref}:{path}")
        # (Un)MarshalJSON methods may sit in any file of the package.
        for folder in sorted({os.path.dirname(p) for p in source["files"]}):
            listing = subprocess.run(["git", "-C", mirrors[repo], "ls-tree", "--name-only",
                                      f"{ref}:{folder}"], check=True, capture_output=True,
                                     text=True).stdout.split()
            pkg = self.packages[f"{module}/{folder}"]
            for name in listing:
                if name.endswith(".go") and not name.endswith("_test.go"):
                    scan_methods(pkg, show(f"{folder}/{name}" if folder else name))
        self.labels.append(f"{module} {ref} ({', '.join(source['files'])})")

    def add(self, pkg_path, text, label):
        pkg = self.packages.setdefault(pkg_path, Package(pkg_path))
        parse_file(pkg, text, label)

    # -- resolution --------------------------------------------------------------------------

    def qualify(self, pkg, qual, name, imports):
        if not qual:
            return f"{pkg.path}.{name}"
        if qual not in imports:
            raise GenError(f"{pkg.path}: unknown package qualifier {qual}")
        return f"{imports[qual]}.{name}"

    def root(self, name):
        if "." in name.rsplit("/", 1)[-1]:
            return name
        hits = [f"{p}.{name}" for p, pkg in self.packages.items() if name in pkg.structs]
        if len(hits) != 1:
            raise GenError(f"root {name}: {len(hits)} declarations")
        return hits[0]

    def out_name(self, qualified):
        pkg, _, bare = qualified.rpartition(".")
        name = self.rename.get(qualified, self.prefix.get(pkg, "") + bare)
        other = self.out_names.setdefault(name, qualified)
        if other != qualified:
            raise GenError(f"{qualified} and {other} are both named {name}: add a rename")
        return name

    def emit_type(self, t, pkg, imports, todo):
        """The type expression written in the tables, queuing the named types it reaches."""
        if t[0] == "ptr":
            return "*" + self.emit_type(t[1], pkg, imports, todo)
        if t[0] == "slice":
            if t[1] == ("name", "", "byte"):
                return "[]byte"
            return "[]" + self.emit_type(t[1], pkg, imports, todo)
        if t[0] == "map":
            return (f"map[{self.emit_type(t[1], pkg, imports, todo)}]"
                    f"{self.emit_type(t[2], pkg, imports, todo)}")
        _, qual, name = t
        if not qual and name in GO_BUILTINS:
            return name
        q = self.qualify(pkg, qual, name, imports)
        q = self.substitute.get(q, q)
        if q in self.external:
            ext = self.external[q]
            if "as" in ext:
                if ext["as"] not in ENGINE_NAMES | GO_BUILTINS:
                    raise GenError(f"external {q}: core/go_json does not know {ext['as']}")
                return ext["as"]
            self.aliases[q] = None
            return self.out_name(q)
        pkg_path, _, bare = q.rpartition(".")
        target = self.packages.get(pkg_path)
        if not target or (bare not in target.structs and bare not in target.named):
            raise GenError(f"{q} is not in the sources: list it in the spec's external")
        if target.methods.get(bare):
            raise GenError(f"{q} has {', '.join(sorted(target.methods[bare]))}: list it in external")
        if bare in target.structs:
            if q not in self.structs:
                self.structs[q] = (target, bare)
                todo.append(q)
        elif q not in self.aliases:
            self.aliases[q] = (target, bare)
            underlying, imps = target.named[bare]
            self.emit_type(underlying, target, imps, todo)  # queues what the alias reaches
        return self.out_name(q)

    def fields(self, q, todo):
        """(key or "" for inlined, Go type text, options, Go field name, embedded qualified)."""
        pkg, name = self.structs[q]
        imports = pkg.imports[name]
        rows = []
        for f in pkg.structs[name]:
            if f["key"] == "-":  # json:"-": not encoded (json:"-," names a field "-")
                continue
            if not f["names"]:  # embedded: inlined unless the tag names it
                base = f["type"][1] if f["type"][0] == "ptr" else f["type"]
                names = [base[2]]
                if f["key"] in (None, ""):
                    bq = self.qualify(pkg, base[1], base[2], imports)
                    target = self.packages.get(bq.rpartition(".")[0])
                    if target and base[2] in target.structs and bq not in self.external:
                        typ = self.emit_type(f["type"], pkg, imports, todo)
                        rows.append(("", typ.lstrip("*"), "inline", base[2], bq, f))
                        continue
            else:
                names = [n for n in f["names"] if n[0].isupper()]  # unexported: not encoded
            if not names or not names[0][0].isupper():
                continue
            typ = self.emit_type(f["type"], pkg, imports, todo)
            for gname in names:
                rows.append((f["key"] or gname, typ, ",".join(f["opts"]), gname, None, f))
        return rows

    def run(self):
        todo = [self.root(r) for r in self.spec["roots"]]
        for q in todo:
            pkg, name = self.packages[q.rpartition(".")[0]], q.rpartition(".")[2]
            self.structs[q] = (pkg, name)
            self.out_name(q)
        order, rows = [], {}
        while todo:
            q = todo.pop(0)
            if q in rows:
                continue
            rows[q] = self.fields(q, todo)
            order.append(q)
        for q in order:  # promoted names must not collide: the engine does not shadow
            keys = self.flat_keys(q, rows)
            dup = {k for k in keys if keys.count(k) > 1}
            if dup:
                raise GenError(f"{q}: json names {sorted(dup)} appear twice after inlining")
        return order, rows

    def flat_keys(self, q, rows):
        keys = []
        for key, _, _, _, embedded, _ in rows[q]:
            keys.extend(self.flat_keys(embedded, rows) if embedded else [key])
        return keys


# -- output ------------------------------------------------------------------------------------

def snake(name, words):
    for word, spelled in words.items():
        name = name.replace(word, spelled[0].upper() + spelled[1:])
    s = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()
    if s in CPP_KEYWORDS:
        raise GenError(f"member {s} is a C++ keyword: add it to the spec's members")
    return s


def header(gen, spec_path, what):
    sources = "; ".join(gen.labels)
    return [f"// Generated by scripts/gen_go_types.py from {spec_path}; do not edit.",
            f"// Sources: {sources}.", f"// {what}", "// clang-format off"]  # wrap() folds


def wrap(lines, width=100):
    out = []
    for line in lines:
        if not line.startswith("// ") or len(line) <= width:
            out.append(line)
            continue
        words, cur = line[3:].split(" "), "//"
        for w in words:
            if len(cur) + 1 + len(w) > width and cur != "//":
                out.append(cur)
                cur = "//"
            cur += " " + w
        out.append(cur)
    return out


def tables(gen, order, rows, spec, spec_path):
    bind = spec.get("bind", False)
    what = ("Fields in Go declaration order: json name, Go type, options, C++ struct and member."
            if bind else "Fields in Go declaration order: json name (empty: an inlined embedded "
            "struct), Go type, options.")
    lines = header(gen, spec_path, what)
    members = spec.get("members", {})
    words = spec.get("words", {})
    for q in sorted(order, key=lambda q: gen.out_name(q)):
        name = gen.out_name(q)
        lines.append(f"GO_STRUCT({name})")
        for key, typ, opts, gname, embedded, _ in rows[q]:
            if not bind:
                lines.append(f'  GO_FIELD("{key}", "{typ}", "{opts}")')
            elif embedded:
                lines.append(f'  GO_EMBED("{typ}", {name}, {typ})')
            else:
                member = members.get(gname) or snake(gname, words)
                lines.append(f'  GO_BOUND("{key}", "{typ}", "{opts}", {name}, {member})')
        lines.append("GO_END()")
    for q in sorted(gen.aliases, key=lambda q: gen.out_name(q)):
        if gen.aliases[q] is None:
            underlying = gen.external[q]["alias"]
        else:
            pkg, bare = gen.aliases[q]
            t, imports = pkg.named[bare]
            underlying = gen.emit_type(t, pkg, imports, [])
        lines.append(f'GO_ALIAS("{gen.out_name(q)}", "{underlying}")')
    lines.append("// clang-format on")
    return "\n".join(wrap(lines)) + "\n"


def cpp_type(gen, typ, opts, element=False):
    """The C++ type holding a Go type expression (as written in the tables)."""
    nilable_kept = element or "omitempty" not in opts
    if typ.startswith("*"):
        inner = cpp_type(gen, typ[1:], "omitempty")
        return inner if element else f"std::optional<{inner}>"
    if typ == "map[string]any":
        return "Value"
    if typ.startswith("[]") or typ.startswith("map["):
        if typ.startswith("[]"):
            inner = cpp_type(gen, typ[2:], "", element=True)
            held = f"std::vector<{inner}>"
        else:
            key = typ[4:typ.index("]")]
            if resolve_alias(gen, key) != "string":
                raise GenError(f"map key {key}: only string keys are supported")
            inner = cpp_type(gen, typ[typ.index("]") + 1:], "", element=True)
            held = f"std::map<std::string, {inner}>"
        return f"std::optional<{held}>" if nilable_kept else held
    if typ in ("any", "json.RawMessage"):
        return "Value"
    base = resolve_alias(gen, typ)
    if base != typ:
        return cpp_type(gen, base, opts, element)
    scalar = {"string": "std::string", "bool": "bool", "int": "int64_t", "int32": "int64_t",
              "int64": "int64_t", "float64": "double", "Duration": "int64_t",
              "metav1.Duration": "int64_t"}
    if typ in scalar:
        return scalar[typ]
    if typ in gen.out_names and gen.out_names[typ] in gen.structs:
        return typ
    raise GenError(f"no C++ type for {typ}")


def resolve_alias(gen, name):
    for q in gen.aliases:
        if gen.out_name(q) == name:
            if gen.aliases[q] is None:
                return gen.external[q]["alias"]
            pkg, bare = gen.aliases[q]
            t, imports = pkg.named[bare]
            return gen.emit_type(t, pkg, imports, [])
    return name


def structs(gen, order, rows, spec, spec_path):
    members = spec.get("members", {})
    words = spec.get("words", {})
    lines = header(gen, spec_path, "C++ structs for the Go types, members in Go order.")
    done = set()

    def deps(q):
        for _, typ, _, _, embedded, _ in rows[q]:
            if embedded:
                yield embedded
            for word in re.findall(r"[\w.]+", typ):
                if word in gen.out_names and gen.out_names[word] in rows:
                    yield gen.out_names[word]

    def emit(q, stack=()):
        if q in done:
            return
        if q in stack:
            raise GenError(f"{q} contains itself")
        for d in deps(q):
            emit(d, stack + (q,))
        done.add(q)
        name = gen.out_name(q)
        bases = [gen.out_name(e) for _, _, _, _, e, _ in rows[q] if e]
        inherit = f" : {', '.join(bases)}" if bases else ""
        lines.append(f"struct {name}{inherit} {{  // {q}")
        lines.append(f'  static constexpr const char* kGoType = "{name}";')
        for key, typ, opts, gname, embedded, _ in rows[q]:
            if embedded:
                continue
            ctype = cpp_type(gen, typ, opts)
            init = {"bool": " = false", "int64_t": " = 0", "double": " = 0"}.get(ctype, "")
            member = members.get(gname) or snake(gname, words)
            lines.append(f"  {ctype} {member}{init};")
        lines.append("};")

    for q in sorted(order, key=lambda q: gen.out_name(q)):
        emit(q)
    lines.append("// clang-format on")
    return "\n".join(wrap(lines)) + "\n"


def check(gen, spec, mirrors, refs):
    """Compares local declarations with the upstream types they mirror; the number of
    differences without a `// thv:` note."""
    targets = {}
    for local, target in spec.get("check", {}).items():
        m = re.fullmatch(r"([\w.-]+/[\w.-]+)@([^:]+):(.+)#(\w+)", target)
        if not m:
            raise GenError(f"check {local}: expected OWNER/NAME@REF:FILE#Type, not {target!r}")
        targets[local] = m.groups()
    mirrored = {local: t[3] for local, t in targets.items()}  # ApiPackage -> Package
    problems = 0
    for local, (repo, ref, path, utype) in targets.items():
        if repo not in mirrors:
            raise GenError(f"no --mirror {repo}=GITDIR given")
        ref = refs.get(repo, ref)
        text = subprocess.run(["git", "-C", mirrors[repo], "show", f"{ref}:{path}"], check=True,
                              capture_output=True, text=True).stdout
        up = Package("upstream")
        parse_file(up, text, f"{repo}@{ref}:{path}")
        ours = next(p for p in gen.packages.values() if local in p.structs)
        def key(f, renames=mirrored):  # an embedded struct: its (mirrored) type name
            return f["key"] or (f["names"] or [show_type(strip_qual(f["type"], renames))])[0]
        theirs = {key(f, {}): f for f in up.structs[utype]}
        # Upstream's named strings (type Format string) compare as what they are.
        basic = {n: show_type(t) for n, (t, _) in up.named.items() if show_type(t) in GO_BUILTINS}
        for f in ours.structs[local]:
            other = theirs.get(key(f))
            mine, upstream = show_type(strip_qual(f["type"], mirrored)), None
            if other:
                upstream = show_type(strip_qual(other["type"], basic))
            why = ("not in upstream" if not other else
                   None if mine == upstream else f"{mine} here, {upstream} upstream")
            if why and not f["note"].startswith("thv:"):
                problems += 1
                print(f"{f['where']}: {local}.{key(f)}: {why} (mark deliberate ones `// thv:`)")
            elif why:
                print(f"{local}.{key(f)}: {why} -- {f['note']}")
        read = {key(f) for f in ours.structs[local]}
        unread = [k for k in theirs if k not in read]
        if unread:
            print(f"{local} ({utype} at {repo}@{ref}) does not read: {', '.join(unread)}")
    return problems


def strip_qual(t, renames):
    """The type without package qualifiers, names replaced as renames says."""
    if t[0] == "name":
        return ("name", "", renames.get(t[2], t[2]))
    return (t[0],) + tuple(strip_qual(x, renames) for x in t[1:])


def show_type(t):
    if t[0] == "ptr":
        return "*" + show_type(t[1])
    if t[0] == "slice":
        return "[]" + show_type(t[1])
    if t[0] == "map":
        return f"map[{show_type(t[1])}]{show_type(t[2])}"
    return f"{t[1]}.{t[2]}" if t[1] else t[2]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("spec")
    ap.add_argument("--mirror", action="append", default=[], help="OWNER/NAME=GITDIR")
    ap.add_argument("--ref", action="append", default=[], help="OWNER/NAME=REF (overrides the spec)")
    ap.add_argument("--tables", help="output path of the tables (overrides the spec)")
    ap.add_argument("--structs", help="output path of the C++ structs (overrides the spec)")
    ap.add_argument("--check", action="store_true", help="compare with the spec's upstream types")
    args = ap.parse_args()
    spec = json.load(open(args.spec))
    mirrors = dict(m.split("=", 1) for m in args.mirror)
    refs = dict(r.split("=", 1) for r in args.ref)
    try:
        gen = Generator(spec, mirrors, refs)
        order, rows = gen.run()
        if args.check:
            sys.exit(1 if check(gen, spec, mirrors, refs) else 0)
        outputs = {args.tables or spec["tables"]: tables(gen, order, rows, spec, args.spec)}
        if spec.get("bind"):
            outputs[args.structs or spec["structs"]] = structs(gen, order, rows, spec, args.spec)
    except (GenError, subprocess.CalledProcessError) as e:
        sys.exit(f"gen_go_types: {getattr(e, 'stderr', None) or e}")
    for path, text in outputs.items():
        with open(path, "w") as f:
            f.write(text)


main()

# Writes cases.json: every pattern of every target's CRDs plus ones for RE2 features they might use,
# and strings built to sit on their edges (newlines, multi-byte characters, brackets, escapes).
import glob, json, random, sys

import yaml

root = sys.argv[1]
patterns = set()


def walk(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                patterns.add(value)
            walk(value)
    elif isinstance(node, list):
        for item in node:
            walk(item)


for crd in glob.glob(root + "/targets/*/crds/*.yaml"):
    walk(yaml.safe_load(open(crd)))
patterns = sorted(patterns) + [
    r"^a.c$", r"^[^a]$", r"^\S+$", r"^\W*$", r"^(?:ab)+$", r"^a+?b$", r"^x{2,3}$", r"^[]a]+$",
    r"^[a-]+$", r"^[\^x]+$", r"^\x41\x{e9}$", r"^é+$", r"^[[:alpha:]_]+$", r"a{,3}", r"^\.\*\[$",
]
random.seed(1)
alphabet = list("abcxAZ019-_./:@?#+=, \t\n\\][^~!\"*{}") + ["é", "µ", "€", "😀", "\x7f", "\x01"]
strings = ["", "abc", "aXc", "a\nc", "aéc", "é", "éé", "x", "xx", "xxx", "xxxx", "ab", "abab",
           "aab", "https://example.com/path", "https://example.com/", "http://x", "https://a b",
           "https://a?b", "https://ex@mple.com/a", "arn:aws:iam::123456789012:role/my-role_x",
           "us-east-1", "0.5", "1.0", "1", "0", "1.5", "10ms", "1h30m", "5µs", "1.5s", "a-b",
           "access_token", "urn:ietf:params:oauth:token-type:jwt",
           "12345678-1234-1234-1234-123456789abc", "example.com", "foo.json", "git@github.com:x",
           "file:///x", "100m", "-1", "+1.5Gi", "1e3", "Ab_9", "A,b:c", "\\", "x]a", "a-", "^x",
           "Aé", ".*["]
for _ in range(3000):
    strings.append("".join(random.choice(alphabet) for _ in range(random.randint(0, 8))))
for prefix in ["https://", "http://", "arn:aws:iam::", "a", "0", "1."]:
    for _ in range(300):
        strings.append(prefix + "".join(random.choice(alphabet) for _ in range(random.randint(0, 10))))
json.dump({"patterns": patterns, "strings": strings}, open(sys.argv[2], "w"))

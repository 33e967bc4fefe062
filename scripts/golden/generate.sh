#!/usr/bin/env bash
# Regenerates the EDN golden vectors with real Clojure (Debian: apt-get install -y clojure).
# Only developers run this; CI uses the committed test/main/core/edn/golden.json.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/test/main/core/edn/golden.json"
command -v clojure >/dev/null || { echo "clojure not found: apt-get install -y clojure" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
clojure "$here/golden.clj" "$here" > "$out.tmp"
mv "$out.tmp" "$out"
node -e 'const v = require(process.argv[1]); console.log(`${v.length} vectors (${v.filter((e) => e.error).length} errors, ${v.filter((e) => e.pr17).length} differ on this JDK) written to ${process.argv[1]}`)' "$out"

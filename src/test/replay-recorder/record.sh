#!/usr/bin/env bash
# Installs the pinned recorder packages into target/replay-recorder (never committed) and records the fixtures.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
modules="$repo/target/replay-recorder"
mkdir -p "$modules" "$repo/src/test/resources/replay/rrweb" "$repo/src/test/resources/replay/posthog"
cp "$here/package.json" "$modules/package.json"
[ -f "$here/package-lock.json" ] && cp "$here/package-lock.json" "$modules/package-lock.json"
if [ -f "$modules/package-lock.json" ]; then
  (cd "$modules" && npm ci --no-audit --no-fund)
else
  (cd "$modules" && npm install --no-audit --no-fund)
fi
[ -f "$here/package-lock.json" ] || cp "$modules/package-lock.json" "$here/package-lock.json"
RECORDER_MODULES="$modules" node "$here/record.mjs"

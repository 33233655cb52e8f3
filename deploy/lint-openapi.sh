#!/usr/bin/env bash
# Lints the OpenAPI document with Redocly CLI's recommended ruleset: the document must have zero errors
# (warnings are printed, not fatal). Usage: deploy/lint-openapi.sh [OUT_DIR]
# Writes the document with the service's own `openapi` command (no database, nothing started), installs the
# pinned Redocly CLI from the npm registry npm is configured with into a temporary directory (no node_modules
# or lockfile left in the repository), and lints OUT_DIR/openapi.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=deploy/lib.sh
. deploy/lib.sh

REDOCLY_VERSION=${REDOCLY_VERSION:-2.77.0}
out=${1:-${TMPDIR:-/tmp}/consultation-openapi}
mkdir -p "$out"
document=$out/openapi.json

command -v npm >/dev/null 2>&1 || die "npm is needed to install Redocly CLI (Node.js 20 or later)"

log "writing the OpenAPI document to $document"
timeout 600 dotnet run --project src/Consultation.Api --no-launch-profile -- openapi -o "$document" </dev/null >"$out/openapi-command.log" 2>&1 \
    || { tail -n 30 "$out/openapi-command.log" >&2; die "the openapi command failed (log: $out/openapi-command.log)"; }

tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
log "installing @redocly/cli@$REDOCLY_VERSION into a temporary directory"
(cd "$tools" && timeout 600 npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error "@redocly/cli@$REDOCLY_VERSION" >/dev/null) \
    || die "could not install @redocly/cli@$REDOCLY_VERSION"

log "linting with the recommended ruleset"
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
set +e
timeout 300 "$tools/node_modules/.bin/redocly" lint --extends=recommended --format=stylish "$document" >"$out/lint.log" 2>&1
rc=$?
set -e
grep -vE '^\s*$|[╔╗╚╝║]' "$out/lint.log" | sed 's/^/  /' || true
((rc == 0)) || die "Redocly CLI found errors in the OpenAPI document (status $rc; full output: $out/lint.log)"
log "the OpenAPI document has no errors under Redocly's recommended ruleset"

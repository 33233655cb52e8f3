#!/usr/bin/env bash
# Validates docker-compose.yml with `docker-compose config` (Debian's docker-compose,
# installed if missing), so a broken compose file fails CI rather than a user's first run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=deploy/lib.sh
. deploy/lib.sh

if ! command -v docker-compose >/dev/null 2>&1; then
    need_root
    apt_install docker-compose
fi
timeout 60 docker-compose -f docker-compose.yml config -q || die "docker-compose.yml is not valid"
# The published development key must be opt-in: by default the composed API trusts no token signed with it.
rendered=$(env -u CONSULTATION_ALLOW_DEV_KEY timeout 60 docker-compose -f docker-compose.yml config)
grep -Eq "Authentication__AllowDevelopmentKey: ['\"]?false['\"]?$" <<<"$rendered" \
    || die "docker-compose.yml must not accept the development key by default (Authentication__AllowDevelopmentKey)"
log "docker-compose.yml is valid"

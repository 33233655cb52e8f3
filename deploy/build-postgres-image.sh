#!/usr/bin/env bash
# Build a PostgreSQL 15 image for Testcontainers / docker-compose without any
# image registry: a Debian 12 root filesystem made by debootstrap from this
# machine's own Debian mirror, plus deploy/postgres-image/docker-entrypoint.sh,
# imported with `docker import`. Does nothing if the image already exists and
# was built from the current recipe.
#
# Usage: deploy/build-postgres-image.sh [IMAGE]
#   IMAGE defaults to $CONSULTATION_TEST_PG_IMAGE, else postgres:15-bookworm.
# Env:   PG_IMAGE_FORCE=1 rebuilds even if the image exists;
#        PG_IMAGE_SKIP_VERIFY=1 skips the post-build check, PG_IMAGE_VERIFY=1
#        checks an existing image too; DEBIAN_MIRROR.
# Needs a running Docker engine (deploy/ensure-docker.sh) and root.
set -euo pipefail

_LOG_TAG=build-postgres-image
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=deploy/lib.sh
source "$HERE/lib.sh"

IMAGE=${1:-${CONSULTATION_TEST_PG_IMAGE:-postgres:15-bookworm}}
ENTRYPOINT_SRC=$HERE/postgres-image/docker-entrypoint.sh
SUITE=bookworm
PG_MAJOR=15
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
IMG_PATH=$PG_BIN:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
WORK_PARENT=${PG_IMAGE_WORKDIR:-/var/tmp}

[[ -r "$ENTRYPOINT_SRC" ]] || die "missing $ENTRYPOINT_SRC"
command -v docker >/dev/null 2>&1 || die "no docker client on PATH; run deploy/ensure-docker.sh first"
[[ -n "$(docker_server_api)" ]] || die "no Docker engine answers; run deploy/ensure-docker.sh first"

# The recipe's fingerprint is stored in the image, so a changed entrypoint or
# build script leads to a rebuild instead of silently reusing a stale image.
RECIPE=$(cat "$ENTRYPOINT_SRC" "${BASH_SOURCE[0]}" | sha256sum | cut -c1-16)

image_recipe() {
    timeout 30 docker image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$1" 2>/dev/null |
        sed -n 's/^CONSULTATION_PG_IMAGE_RECIPE=//p' || true
}

verify_image() {
    log "verifying $IMAGE: start a container, connect from the host with a password"
    local cid port mapping out user=ct_verify db=ct_verify_db pw="verify-$RANDOM$RANDOM"
    cid=$(timeout 60 docker run -d -p 127.0.0.1::5432 \
        -e POSTGRES_PASSWORD="$pw" -e POSTGRES_USER="$user" -e POSTGRES_DB="$db" \
        "$IMAGE" -c fsync=off -c full_page_writes=off -c synchronous_commit=off) ||
        die "docker run $IMAGE failed"
    # shellcheck disable=SC2064
    trap "timeout 60 docker rm -f -v $cid >/dev/null 2>&1 || true" EXIT
    local ready=""
    for _ in $(seq 1 60); do
        # exactly what Testcontainers.PostgreSql runs inside the container
        if timeout 10 docker exec "$cid" pg_isready --host localhost --dbname "$db" --username "$user" >/dev/null 2>&1; then
            ready=1
            break
        fi
        [[ "$(docker inspect -f '{{.State.Running}}' "$cid" 2>/dev/null)" == true ]] || break
        sleep 1
    done
    if [[ -z "$ready" ]]; then
        docker logs "$cid" >&2 2>&1 || true
        die "container from $IMAGE did not become ready (pg_isready --host localhost)"
    fi
    mapping=$(timeout 15 docker port "$cid" 5432/tcp || true)
    port=$(sed -n 's/^127\.0\.0\.1:\([0-9]*\)$/\1/p;T;q' <<<"$mapping")
    [[ -n "$port" ]] || die "no 127.0.0.1 port mapping for 5432 (got: $mapping)"
    local sql="select current_user || ' ' || current_database() || ' ' || current_setting('fsync') || ' ' || current_setting('server_version_num')"
    local psql_cmd
    if command -v psql >/dev/null 2>&1; then
        psql_cmd=(psql)
    else # no client on the host: use the image's psql on the host's network
        psql_cmd=(docker run --rm --network host -e PGPASSWORD --entrypoint psql "$IMAGE")
    fi
    out=$(PGPASSWORD="$pw" PGCONNECT_TIMEOUT=10 timeout 30 "${psql_cmd[@]}" -X -At \
        "host=127.0.0.1 port=$port user=$user dbname=$db sslmode=disable" -c "$sql" 2>&1) ||
        die "psql to 127.0.0.1:$port with password failed: $out"
    [[ "$out" == "$user $db off $PG_MAJOR"* ]] || die "unexpected answer from the server: $out"
    if PGPASSWORD="wrong-$pw" PGCONNECT_TIMEOUT=10 timeout 30 "${psql_cmd[@]}" -X -At \
        "host=127.0.0.1 port=$port user=$user dbname=$db sslmode=disable" -c 'select 1' >/dev/null 2>&1; then
        die "the server accepted a wrong password: host auth is not enforced"
    fi
    timeout 60 docker rm -f -v "$cid" >/dev/null 2>&1 || true
    trap - EXIT
    log "verified: 127.0.0.1:$port answered '$out' with scram-sha-256 password auth"
}

existing=$(image_recipe "$IMAGE")
if [[ -n "$(timeout 30 docker image ls -q "$IMAGE" 2>/dev/null)" && "${PG_IMAGE_FORCE:-0}" != 1 ]]; then
    if [[ "$existing" == "$RECIPE" ]]; then
        log "image $IMAGE already present (recipe $RECIPE); nothing to do"
        [[ "${PG_IMAGE_VERIFY:-0}" == 1 ]] && verify_image
        exit 0
    elif [[ -z "$existing" ]]; then
        log "image $IMAGE already present (not built by this script); leaving it alone"
        exit 0
    fi
    log "image $IMAGE was built from an older recipe ($existing != $RECIPE); rebuilding"
fi

need_root
exec 9>/var/lock/build-postgres-image.lock
flock -w 1200 9 || die "timed out waiting for another build-postgres-image.sh run"

command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
MIRROR=$(apt_mirror)
mkdir -p "$WORK_PARENT"
ROOTFS=$(mktemp -d "$WORK_PARENT/consultation-pg-rootfs.XXXXXX")

cleanup() {
    # debootstrap mounts /proc and /sys inside the tree; never rm through a mount
    local m
    while read -r m; do umount -l "$m" 2>/dev/null || true; done < <(
        awk -v r="$ROOTFS" 'index($2, r "/") == 1 { print $2 }' /proc/mounts | sort -r)
    rm -rf --one-file-system "$ROOTFS"
}
trap cleanup EXIT

log "debootstrap $SUITE (minbase + postgresql-$PG_MAJOR) into $ROOTFS from this machine's mirror (about a minute)"
start=$SECONDS
if ! timeout 1200 debootstrap --variant=minbase --include="postgresql-$PG_MAJOR" \
    "$SUITE" "$ROOTFS" "$MIRROR" >"$ROOTFS.log" 2>&1; then
    tail -n 30 "$ROOTFS.log" >&2
    [[ -f "$ROOTFS/debootstrap/debootstrap.log" ]] && tail -n 30 "$ROOTFS/debootstrap/debootstrap.log" >&2
    rm -f "$ROOTFS.log"
    die "debootstrap failed"
fi
rm -f "$ROOTFS.log"
log "debootstrap done in $((SECONDS - start))s"

# The Debian package creates a 15/main cluster; the image makes its own in $PGDATA.
rm -rf "$ROOTFS/etc/postgresql/$PG_MAJOR" "$ROOTFS/var/lib/postgresql/$PG_MAJOR"
mkdir -p "$ROOTFS/var/lib/postgresql/data" "$ROOTFS/var/run/postgresql" "$ROOTFS/docker-entrypoint-initdb.d"
chroot "$ROOTFS" chown postgres:postgres /var/lib/postgresql /var/lib/postgresql/data /var/run/postgresql
chmod 0700 "$ROOTFS/var/lib/postgresql/data"
chmod 03775 "$ROOTFS/var/run/postgresql"
install -m 0755 "$ENTRYPOINT_SRC" "$ROOTFS/usr/local/bin/docker-entrypoint.sh"
ln -sf usr/local/bin/docker-entrypoint.sh "$ROOTFS/docker-entrypoint.sh"
[[ -x "$ROOTFS$PG_BIN/pg_isready" && -x "$ROOTFS$PG_BIN/psql" && -x "$ROOTFS$PG_BIN/postgres" ]] ||
    die "postgres binaries missing from $ROOTFS$PG_BIN"
chroot "$ROOTFS" sh -c 'command -v setpriv >/dev/null' || die "setpriv missing from the root filesystem"
# Slim down (420 MB -> about 250 MB): package caches, docs, man pages, locale
# sources, and the LLVM JIT provider (PostgreSQL silently disables JIT when
# llvmjit.so is absent; libLLVM and libz3 are used by nothing else).
rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/* \
    "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* \
    "$ROOTFS"/usr/share/i18n/locales "$ROOTFS"/debootstrap \
    "$ROOTFS"/usr/lib/postgresql/$PG_MAJOR/lib/llvmjit* "$ROOTFS"/usr/lib/postgresql/$PG_MAJOR/lib/bitcode \
    "$ROOTFS"/usr/lib/x86_64-linux-gnu/libLLVM-*.so* "$ROOTFS"/usr/lib/x86_64-linux-gnu/libz3.so*
lddout=$(chroot "$ROOTFS" sh -c "ldd $PG_BIN/* /usr/lib/postgresql/$PG_MAJOR/lib/*.so 2>/dev/null" || true)
[[ "$lddout" == *"=> not found"* ]] && die "slimming removed a library PostgreSQL needs: $(grep 'not found' <<<"$lddout" | sort -u | tr '\n' ' ')"

old_id=$(timeout 30 docker image ls -q "$IMAGE" 2>/dev/null || true)
log "importing the root filesystem as $IMAGE"
tar --numeric-owner -C "$ROOTFS" --exclude='./proc/*' --exclude='./sys/*' --exclude='./dev/*' -c . |
    timeout 600 docker import \
        -c "ENV PATH=$IMG_PATH" \
        -c 'ENV PGDATA=/var/lib/postgresql/data' \
        -c 'ENV LANG=C.UTF-8' \
        -c "ENV PG_MAJOR=$PG_MAJOR" \
        -c "ENV CONSULTATION_PG_IMAGE_RECIPE=$RECIPE" \
        -c 'VOLUME /var/lib/postgresql/data' \
        -c 'EXPOSE 5432' \
        -c 'STOPSIGNAL SIGINT' \
        -c 'ENTRYPOINT ["docker-entrypoint.sh"]' \
        -c 'CMD ["postgres"]' \
        -m "PostgreSQL $PG_MAJOR on Debian $SUITE, built by deploy/build-postgres-image.sh" \
        - "$IMAGE" >/dev/null || die "docker import failed"
cleanup
trap - EXIT
if [[ -n "$old_id" ]]; then # drop the image this one replaced, unless something still uses it
    if timeout 60 docker rmi "$old_id" >/dev/null 2>&1; then log "removed the previous $IMAGE ($old_id)"; fi
fi
log "built $IMAGE ($(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%.0f MB", $1/1e6}')) in $((SECONDS - start))s"

[[ "${PG_IMAGE_SKIP_VERIFY:-0}" == 1 ]] || verify_image

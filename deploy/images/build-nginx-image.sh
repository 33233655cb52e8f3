#!/usr/bin/env bash
# A stand-in for the official nginx image, for machines that reach a Debian mirror
# but no image registry: Debian 12 (minbase) + Debian's nginx-light, imported with
# `docker import` under the official image's name. Like the official image it runs
# `nginx -g 'daemon off;'`, reads /etc/nginx/conf.d/*.conf (docker-compose.yml mounts
# deploy/proxy/nginx.conf there) and logs to standard output and error. An image
# that already exists is left alone (a pulled official one included) unless this
# script built it from an older recipe or NGINX_IMAGE_FORCE=1.
#
# Usage: deploy/images/build-nginx-image.sh [IMAGE]   (default $CONSULTATION_PROXY_IMAGE, else nginx:bookworm)
# Needs root and a running Docker engine (deploy/ensure-docker.sh).
set -euo pipefail

_LOG_TAG=build-nginx-image
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=deploy/lib.sh
source "$HERE/../lib.sh"

IMAGE=${1:-${CONSULTATION_PROXY_IMAGE:-nginx:bookworm}}
SUITE=bookworm
RECIPE=$(sha256sum <"${BASH_SOURCE[0]}" | cut -c1-16)
WORK_PARENT=${NGINX_IMAGE_WORKDIR:-/var/tmp}

command -v docker >/dev/null 2>&1 || die "no docker client on PATH; run deploy/ensure-docker.sh first"
[[ -n "$(docker_server_api)" ]] || die "no Docker engine answers; run deploy/ensure-docker.sh first"

existing=$(timeout 30 docker image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$IMAGE" 2>/dev/null |
    sed -n 's/^CONSULTATION_NGINX_IMAGE_RECIPE=//p' || true)
if [[ -n "$(timeout 30 docker image ls -q "$IMAGE" 2>/dev/null)" && "${NGINX_IMAGE_FORCE:-0}" != 1 ]]; then
    if [[ "$existing" == "$RECIPE" || -z "$existing" ]]; then
        log "image $IMAGE already present; nothing to do"
        exit 0
    fi
    log "image $IMAGE was built from an older recipe ($existing != $RECIPE); rebuilding"
fi

need_root
exec 9>/var/lock/build-nginx-image.lock
flock -w 1200 9 || die "timed out waiting for another build-nginx-image.sh run"
mkdir -p "$WORK_PARENT"
ROOTFS=$(mktemp -d "$WORK_PARENT/consultation-nginx-rootfs.XXXXXX")
trap 'remove_rootfs "$ROOTFS"' EXIT
start=$SECONDS
debootstrap_rootfs "$ROOTFS" "$SUITE" nginx-light

# The official image's layout: only conf.d, logs to the container's output, no Debian default site.
rm -rf "$ROOTFS"/etc/nginx/sites-enabled/* "$ROOTFS"/etc/nginx/conf.d/*
ln -sf /dev/stdout "$ROOTFS/var/log/nginx/access.log"
ln -sf /dev/stderr "$ROOTFS/var/log/nginx/error.log"
rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/usr/share/doc/* \
    "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/debootstrap

log "importing the root filesystem as $IMAGE"
tar --numeric-owner -C "$ROOTFS" --exclude='./proc/*' --exclude='./sys/*' --exclude='./dev/*' -c . |
    timeout 600 docker import \
        -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        -c "ENV CONSULTATION_NGINX_IMAGE_RECIPE=$RECIPE" \
        -c 'EXPOSE 80' \
        -c 'STOPSIGNAL SIGQUIT' \
        -c 'CMD ["nginx", "-g", "daemon off;"]' \
        -m "nginx on Debian $SUITE, built by deploy/images/build-nginx-image.sh" \
        - "$IMAGE" >/dev/null || die "docker import failed"
out=$(timeout 60 docker run --rm "$IMAGE" nginx -t 2>&1) || die "nginx in $IMAGE does not accept its own configuration: $out"
log "built $IMAGE ($(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%.0f MB", $1/1e6}')) in $((SECONDS - start))s"

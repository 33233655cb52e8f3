#!/usr/bin/env bash
# Stand-ins for the official .NET base images, for machines that reach a Debian
# mirror and a NuGet feed but no image registry:
#
#   mcr.microsoft.com/dotnet/aspnet:10.0  Debian 12 (minbase) + dotnet host +
#                                         Microsoft.NETCore.App + Microsoft.AspNetCore.App
#   mcr.microsoft.com/dotnet/sdk:10.0     the same + the whole .NET SDK
#
# Both are built from one debootstrap root filesystem (this machine's own Debian
# mirror, read from its apt sources at run time) plus this machine's .NET
# installation (/usr/share/dotnet), and imported with `docker import`. Like the
# official images they have a user `app` (uid/gid 1654) with ENV APP_UID=1654,
# ASPNETCORE_HTTP_PORTS=8080, dotnet in /usr/share/dotnet (+ /usr/bin/dotnet),
# and no USER (root by default); deploy/Dockerfile then works unchanged.
#
# The machine's CA bundle is copied into the images (and the certificates it
# has beyond Debian's are added under /usr/local/share/ca-certificates), so a
# `dotnet restore` inside a build trusts the same package feed as the host does.
# NUGET_CERT_REVOCATION_MODE is taken over from this machine's environment too.
#
# An image that already exists is left alone (a pulled official one included)
# unless it was built by an older version of this script or DOTNET_IMAGES_FORCE=1.
#
# Usage: deploy/images/build-dotnet-images.sh
# Env:   DOTNET_IMAGES_FORCE=1   rebuild even if the images exist
#        DOTNET_IMAGES_VERIFY=1  run the smoke test even if nothing was built
#        DOTNET_HOST_ROOT        .NET installation to copy (default /usr/share/dotnet,
#                                else the one `dotnet` on PATH belongs to)
#        SDK_IMAGE / ASPNET_IMAGE  image names (defaults: the official ones)
#        DEBIAN_MIRROR           override the mirror read from the apt sources
# Needs root, debootstrap (installed if missing) and a running Docker engine
# (deploy/ensure-docker.sh).
set -euo pipefail

_LOG_TAG=build-dotnet-images
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=deploy/lib.sh
source "$HERE/../lib.sh"

SDK_IMAGE=${SDK_IMAGE:-mcr.microsoft.com/dotnet/sdk:10.0}
ASPNET_IMAGE=${ASPNET_IMAGE:-mcr.microsoft.com/dotnet/aspnet:10.0}
DOTNET_HOST_ROOT=${DOTNET_HOST_ROOT:-/usr/share/dotnet}
if [[ ! -x "$DOTNET_HOST_ROOT/dotnet" ]] && command -v dotnet >/dev/null 2>&1; then
    DOTNET_HOST_ROOT=$(dirname "$(readlink -f "$(command -v dotnet)")") # e.g. ~/.dotnet
fi
DOTNET_MAJOR=10.0
SUITE=bookworm
APP_UID=1654
WORK_PARENT=${DOTNET_IMAGES_WORKDIR:-/var/tmp}
# The runtime libraries the official Debian-based .NET images carry.
PACKAGES=ca-certificates,libc6,libgcc-s1,libicu72,libssl3,libstdc++6,tzdata,zlib1g

command -v docker >/dev/null 2>&1 || die "no docker client on PATH; run deploy/ensure-docker.sh first"
[[ -n "$(docker_server_api)" ]] || die "no Docker engine answers; run deploy/ensure-docker.sh first"

# ---- what the host has ------------------------------------------------------
[[ -x "$DOTNET_HOST_ROOT/dotnet" ]] || die "no .NET installation at $DOTNET_HOST_ROOT (set DOTNET_HOST_ROOT)"
newest_dir() { # newest_dir DIR PREFIX -> newest version-named subdirectory starting with PREFIX
    find "$1" -mindepth 1 -maxdepth 1 -type d -name "$2*" -printf '%f\n' 2>/dev/null | sort -V | tail -n1
}
RUNTIME_VERSION=$(newest_dir "$DOTNET_HOST_ROOT/shared/Microsoft.NETCore.App" "$DOTNET_MAJOR.")
ASPNET_VERSION=$(newest_dir "$DOTNET_HOST_ROOT/shared/Microsoft.AspNetCore.App" "$DOTNET_MAJOR.")
SDK_VERSION=$(newest_dir "$DOTNET_HOST_ROOT/sdk" "${DOTNET_MAJOR%%.*}.")
[[ -n "$RUNTIME_VERSION" && -n "$ASPNET_VERSION" && -n "$SDK_VERSION" ]] ||
    die "$DOTNET_HOST_ROOT lacks a .NET $DOTNET_MAJOR runtime, ASP.NET Core runtime or SDK (found: '${RUNTIME_VERSION}' '${ASPNET_VERSION}' '${SDK_VERSION}')"
HOST_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt
[[ -r "$HOST_CA_BUNDLE" ]] || die "no CA bundle at $HOST_CA_BUNDLE"
REVOCATION_MODE=${NUGET_CERT_REVOCATION_MODE:-}

# The recipe's fingerprint (this script + the .NET versions + the CA bundle) is
# stored in the images, so any change leads to a rebuild instead of a stale image.
RECIPE=$({
    cat "${BASH_SOURCE[0]}"
    echo "$RUNTIME_VERSION $ASPNET_VERSION $SDK_VERSION $REVOCATION_MODE"
    cat "$HOST_CA_BUNDLE"
} | sha256sum | cut -c1-16)

image_recipe() {
    timeout 30 docker image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$1" 2>/dev/null |
        sed -n 's/^CONSULTATION_DOTNET_IMAGE_RECIPE=//p' || true
}

needs_build() { # needs_build IMAGE -> 0 if it must be (re)built
    local image=$1 existing
    if [[ "${DOTNET_IMAGES_FORCE:-0}" == 1 ]]; then
        return 0
    fi
    if [[ -z "$(timeout 30 docker image ls -q "$image" 2>/dev/null)" ]]; then
        log "$image is not in the local engine; building it"
        return 0
    fi
    existing=$(image_recipe "$image")
    if [[ "$existing" == "$RECIPE" ]]; then
        log "$image already present (recipe $RECIPE)"
        return 1
    elif [[ -z "$existing" ]]; then
        log "$image already present (not built by this script, e.g. pulled); leaving it alone"
        return 1
    fi
    log "$image was built from an older recipe ($existing != $RECIPE); rebuilding"
    return 0
}

verify_images() {
    log "smoke test: dotnet --version in $SDK_IMAGE, dotnet --list-runtimes in $ASPNET_IMAGE as uid $APP_UID"
    local out
    out=$(timeout 120 docker run --rm "$SDK_IMAGE" dotnet --version 2>&1) || die "dotnet in $SDK_IMAGE failed: $out"
    log "$SDK_IMAGE: SDK $out"
    out=$(timeout 120 docker run --rm --user "$APP_UID" "$ASPNET_IMAGE" sh -c 'id -un; echo "$APP_UID"; dotnet --list-runtimes' 2>&1) ||
        die "dotnet in $ASPNET_IMAGE failed: $out"
    [[ "$out" == *"Microsoft.AspNetCore.App $ASPNET_VERSION"* && "$out" == *"Microsoft.NETCore.App $RUNTIME_VERSION"* ]] ||
        die "unexpected runtimes in $ASPNET_IMAGE: $out"
    [[ "$(head -n2 <<<"$out" | tr '\n' ' ')" == "app $APP_UID " ]] || die "user app / APP_UID wrong in $ASPNET_IMAGE: $out"
    log "$ASPNET_IMAGE: user app ($APP_UID), runtimes $RUNTIME_VERSION / ASP.NET Core $ASPNET_VERSION"
}

build_sdk=0 build_aspnet=0
needs_build "$ASPNET_IMAGE" && build_aspnet=1
needs_build "$SDK_IMAGE" && build_sdk=1
if ((build_sdk == 0 && build_aspnet == 0)); then
    [[ "${DOTNET_IMAGES_VERIFY:-0}" == 1 ]] && verify_images
    exit 0
fi

need_root
exec 9>/var/lock/build-dotnet-images.lock
flock -w 1800 9 || die "timed out waiting for another build-dotnet-images.sh run"

command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
command -v openssl >/dev/null 2>&1 || apt_install openssl
MIRROR=$(apt_mirror)
mkdir -p "$WORK_PARENT"
ROOTFS=$(mktemp -d "$WORK_PARENT/consultation-dotnet-rootfs.XXXXXX")

cleanup() {
    # debootstrap may leave /proc or /sys mounted inside the tree; never rm through a mount
    local m
    while read -r m; do umount -l "$m" 2>/dev/null || true; done < <(
        awk -v r="$ROOTFS" 'index($2, r "/") == 1 { print $2 }' /proc/mounts | sort -r)
    rm -rf --one-file-system "$ROOTFS" "$ROOTFS.log" "$ROOTFS.certs"
}
trap cleanup EXIT

start=$SECONDS
log "debootstrap $SUITE (minbase + ${PACKAGES//,/ }) into $ROOTFS from this machine's mirror (about a minute)"
if ! timeout 1200 debootstrap --variant=minbase --include="$PACKAGES" \
    "$SUITE" "$ROOTFS" "$MIRROR" >"$ROOTFS.log" 2>&1; then
    tail -n 30 "$ROOTFS.log" >&2
    [[ -f "$ROOTFS/debootstrap/debootstrap.log" ]] && tail -n 30 "$ROOTFS/debootstrap/debootstrap.log" >&2
    die "debootstrap failed"
fi
log "debootstrap done in $((SECONDS - start))s"

# ---- user app, as in the official images --------------------------------------
chroot "$ROOTFS" groupadd --gid "$APP_UID" app
chroot "$ROOTFS" useradd --no-log-init --uid "$APP_UID" --gid "$APP_UID" --create-home --shell /bin/bash app

# ---- trust what the host trusts -------------------------------------------------
# Certificates in the host's bundle that Debian's ca-certificates lacks become
# local CAs (they survive a later update-ca-certificates in a derived image);
# then the host's bundle itself replaces the image's.
split_bundle() { # split_bundle BUNDLE DIR -> one PEM file per certificate in DIR
    mkdir -p "$2"
    awk -v dir="$2" '/-----BEGIN CERTIFICATE-----/ { n++; f = sprintf("%s/%04d.pem", dir, n) }
        f { print > f } /-----END CERTIFICATE-----/ { close(f); f = "" }' "$1"
}
split_bundle "$HOST_CA_BUNDLE" "$ROOTFS.certs/host"
split_bundle "$ROOTFS/etc/ssl/certs/ca-certificates.crt" "$ROOTFS.certs/image"
declare -A known=()
for pem in "$ROOTFS.certs/image"/*.pem; do
    [[ -e "$pem" ]] || continue
    fp=$(openssl x509 -noout -fingerprint -sha256 -in "$pem" 2>/dev/null) && known[$fp]=1
done
extra=0
mkdir -p "$ROOTFS/usr/local/share/ca-certificates"
for pem in "$ROOTFS.certs/host"/*.pem; do
    [[ -e "$pem" ]] || continue
    fp=$(openssl x509 -noout -fingerprint -sha256 -in "$pem" 2>/dev/null) || continue
    [[ -n "${known[$fp]:-}" ]] && continue
    extra=$((extra + 1))
    cp "$pem" "$ROOTFS/usr/local/share/ca-certificates/host-ca-$(printf '%02d' "$extra").crt"
done
if ((extra > 0)); then
    chroot "$ROOTFS" update-ca-certificates >/dev/null 2>&1 || warn "update-ca-certificates in the image failed"
fi
cp "$HOST_CA_BUNDLE" "$ROOTFS/etc/ssl/certs/ca-certificates.crt"
log "CA bundle: the host's ($(grep -c 'BEGIN CERTIFICATE' "$HOST_CA_BUNDLE") certificates, $extra beyond Debian's)"

# ---- slim down ----------------------------------------------------------------------
rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/* \
    "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* \
    "$ROOTFS"/debootstrap "$ROOTFS"/var/log/*.log "$ROOTFS"/var/cache/debconf/*-old

import_rootfs() { # import_rootfs IMAGE MESSAGE ENV...
    local image=$1 msg=$2 e
    shift 2
    local changes=()
    for e in "$@"; do changes+=(-c "ENV $e"); done
    log "importing $image"
    tar --numeric-owner -C "$ROOTFS" --exclude='./proc/*' --exclude='./sys/*' --exclude='./dev/*' -c . |
        timeout 900 docker import "${changes[@]}" -c 'CMD ["bash"]' -m "$msg" - "$image" >/dev/null ||
        die "docker import $image failed"
    log "built $image ($(docker image inspect -f '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1/1e6}'))"
}

COMMON_ENV=(
    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    "APP_UID=$APP_UID"
    "ASPNETCORE_HTTP_PORTS=8080"
    "DOTNET_RUNNING_IN_CONTAINER=true"
    "DOTNET_ROOT=/usr/share/dotnet"
    "DOTNET_VERSION=$RUNTIME_VERSION"
    "ASPNET_VERSION=$ASPNET_VERSION"
    "CONSULTATION_DOTNET_IMAGE_RECIPE=$RECIPE"
)

# ---- aspnet: host + the two shared frameworks -------------------------------------
D=$ROOTFS/usr/share/dotnet
mkdir -p "$D/host/fxr" "$D/shared/Microsoft.NETCore.App" "$D/shared/Microsoft.AspNetCore.App"
cp -a "$DOTNET_HOST_ROOT/dotnet" "$D/"
cp -a "$DOTNET_HOST_ROOT"/LICENSE.txt "$DOTNET_HOST_ROOT"/ThirdPartyNotices.txt "$D/" 2>/dev/null || true
cp -a "$DOTNET_HOST_ROOT/host/fxr/$(newest_dir "$DOTNET_HOST_ROOT/host/fxr" "")" "$D/host/fxr/"
cp -a "$DOTNET_HOST_ROOT/shared/Microsoft.NETCore.App/$RUNTIME_VERSION" "$D/shared/Microsoft.NETCore.App/"
cp -a "$DOTNET_HOST_ROOT/shared/Microsoft.AspNetCore.App/$ASPNET_VERSION" "$D/shared/Microsoft.AspNetCore.App/"
ln -sf /usr/share/dotnet/dotnet "$ROOTFS/usr/bin/dotnet"
if ((build_aspnet)); then
    import_rootfs "$ASPNET_IMAGE" "ASP.NET Core $ASPNET_VERSION runtime on Debian $SUITE, built by deploy/images/build-dotnet-images.sh" \
        "${COMMON_ENV[@]}"
fi

# ---- sdk: the whole installation ------------------------------------------------------
if ((build_sdk)); then
    # Everything but machine-local state (metadata/ holds the host's workload/telemetry sentinels).
    tar -C "$DOTNET_HOST_ROOT" --exclude=./metadata -c . | tar -C "$D" -x
    sdk_env=(
        "${COMMON_ENV[@]}"
        "DOTNET_SDK_VERSION=$SDK_VERSION"
        "DOTNET_GENERATE_ASPNET_CERTIFICATE=false"
        "DOTNET_NOLOGO=true"
        "DOTNET_CLI_TELEMETRY_OPTOUT=1"
        "DOTNET_USE_POLLING_FILE_WATCHER=true"
        "NUGET_XMLDOC_MODE=skip"
    )
    # The host restores with this setting (the feed here answers no revocation
    # queries); carry it over so a restore inside a build behaves the same.
    [[ -n "$REVOCATION_MODE" ]] && sdk_env+=("NUGET_CERT_REVOCATION_MODE=$REVOCATION_MODE")
    import_rootfs "$SDK_IMAGE" ".NET SDK $SDK_VERSION on Debian $SUITE, built by deploy/images/build-dotnet-images.sh" \
        "${sdk_env[@]}"
fi
cleanup
trap - EXIT
log "done in $((SECONDS - start))s"
verify_images

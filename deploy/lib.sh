# Shared helpers for the deploy/ scripts. Source it; do not run it.
# shellcheck shell=bash

_LOG_TAG=${_LOG_TAG:-$(basename "${BASH_SOURCE[1]:-$0}" .sh)}

log() { printf '[%s %s] %s\n' "$_LOG_TAG" "$(date +%H:%M:%S)" "$*"; }
warn() { printf '[%s %s] WARNING: %s\n' "$_LOG_TAG" "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[%s %s] ERROR: %s\n' "$_LOG_TAG" "$(date +%H:%M:%S)" "$*" >&2; exit 1; }

need_root() {
    [[ $(id -u) -eq 0 ]] || die "this step needs root (it installs packages / starts dockerd); re-run as root"
}

# Debian codename of this machine (bookworm on our machines).
debian_codename() {
    local c=""
    if [[ -r /etc/os-release ]]; then
        c=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
    fi
    echo "${c:-bookworm}"
}

# The Debian mirror this machine's apt already uses for its own release, read at
# run time from the apt configuration (deb822 *.sources first, then one-line
# *.list / sources.list). Override with DEBIAN_MIRROR=... if needed.
apt_mirror() {
    if [[ -n "${DEBIAN_MIRROR:-}" ]]; then
        echo "$DEBIAN_MIRROR"
        return 0
    fi
    local suite f uri
    suite=$(debian_codename)
    shopt -s nullglob
    for f in /etc/apt/sources.list.d/*.sources; do
        uri=$(awk -v suite="$suite" '
            function flush() {
                if (types ~ /(^|[ \t])deb([ \t]|$)/ && tolower(enabled) != "no" &&
                    (" " suites " ") ~ ("[ \t]" suite "[ \t]") && uris != "") {
                    split(uris, u, /[ \t]+/); print u[1]; done = 1; exit
                }
                types = suites = uris = enabled = ""
            }
            /^[ \t]*#/ { next }
            /^[ \t]*$/ { flush(); next }
            /^[ \t]/   { next }                      # continuation line (e.g. embedded key)
            {
                key = tolower($0); sub(/:.*/, "", key)
                val = $0; sub(/^[^:]*:[ \t]*/, "", val)
                if (key == "types") types = val
                else if (key == "suites") suites = val
                else if (key == "uris") uris = val
                else if (key == "enabled") enabled = val
            }
            END { if (!done) flush() }' "$f")
        if [[ -n "$uri" ]]; then
            shopt -u nullglob
            echo "${uri%/}"
            return 0
        fi
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [[ -r "$f" ]] || continue
        uri=$(sed -e 's/#.*//' -e 's/\[[^]]*\]//g' "$f" |
            awk -v suite="$suite" '$1 == "deb" && $3 == suite { print $2; exit }')
        if [[ -n "$uri" ]]; then
            shopt -u nullglob
            echo "${uri%/}"
            return 0
        fi
    done
    shopt -u nullglob
    die "could not find a 'deb' source for suite '$suite' in /etc/apt/sources.list{,.d/*}; set DEBIAN_MIRROR=<uri>"
}

APT_OPTS=(-o DPkg::Lock::Timeout=600 -o Acquire::http::Timeout=60 -o Acquire::Retries=3 -o APT::Sandbox::User=root)

# apt-get update once if the package lists look empty/stale for what we need.
_apt_has_candidate() {
    local out
    out=$(apt-cache policy "$1" 2>/dev/null || true)
    [[ "$out" == *"Candidate: "[0-9]* ]]
}

apt_lists_ready() {
    local pkg=$1
    if ! _apt_has_candidate "$pkg"; then
        log "apt package lists lack '$pkg'; running apt-get update"
        timeout 600 apt-get "${APT_OPTS[@]}" -q update >/dev/null ||
            die "apt-get update failed (is the package mirror reachable?)"
        _apt_has_candidate "$pkg" ||
            die "package '$pkg' not available from the configured apt sources"
    fi
}

apt_install() {
    apt_lists_ready "$1"
    log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive timeout 900 apt-get "${APT_OPTS[@]}" -q -y \
        --no-install-recommends install "$@" >/dev/null ||
        die "apt-get install $* failed"
}

# docker_server_api: prints the engine's API version, or nothing if no engine answers.
docker_server_api() {
    command -v docker >/dev/null 2>&1 || return 0
    timeout 15 docker version --format '{{.Server.APIVersion}}' 2>/dev/null || true
}

# version_ge A B: true if dotted version A >= B.
version_ge() {
    [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]
}

# A minimal Debian root filesystem with extra packages, for images built without a
# registry: debootstrap_rootfs DIR SUITE PACKAGES (comma-separated), from this
# machine's own mirror. remove_rootfs DIR unmounts what debootstrap left mounted
# inside it (never rm through a mount) and removes it.
debootstrap_rootfs() {
    local dir=$1 suite=$2 packages=$3 start=$SECONDS
    command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
    log "debootstrap $suite (minbase + ${packages//,/ }) into $dir from this machine's mirror (about a minute)"
    if ! timeout 1200 debootstrap --variant=minbase --include="$packages" "$suite" "$dir" "$(apt_mirror)" >"$dir.log" 2>&1; then
        tail -n 30 "$dir.log" >&2
        [[ -f "$dir/debootstrap/debootstrap.log" ]] && tail -n 30 "$dir/debootstrap/debootstrap.log" >&2
        rm -f "$dir.log"
        die "debootstrap failed"
    fi
    rm -f "$dir.log"
    log "debootstrap done in $((SECONDS - start))s"
}

remove_rootfs() {
    local dir=$1 m
    while read -r m; do umount -l "$m" 2>/dev/null || true; done < <(
        awk -v r="$dir" 'index($2, r "/") == 1 { print $2 }' /proc/mounts | sort -r)
    rm -rf --one-file-system "$dir"
}

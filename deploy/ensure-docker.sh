#!/usr/bin/env bash
# Make sure a Docker engine new enough for Testcontainers 4.x (API >= 1.44) is
# running on this machine.
#
#  * If `docker version` already reports such a server: do nothing.
#  * Else, if no dockerd >= 25 is installed: install Debian 13 (trixie)'s
#    docker.io package on top of this Debian 12 machine's containerd/runc/tini/
#    iptables. (Debian 12's own docker.io is engine 20.10 = API 1.41, too old.)
#    The trixie package index is fetched into a private, temporary apt state
#    directory, from the same mirror this machine's apt sources use; the
#    machine's own apt sources and lists are never changed.
#  * Start dockerd in the background (no systemd here), log to $DOCKERD_LOG,
#    wait for the socket, and on a fresh start prove that a published container
#    port is reachable on 127.0.0.1 (what Testcontainers needs).
#
# Env: DOCKERD_LOG (default /var/log/dockerd.log), DOCKERD_START_TIMEOUT (60 s),
#      DOCKERD_EXTRA_ARGS (extra dockerd flags), DOCKER_SELFTEST=1 (force the
#      port self-test even if the engine was already up), DEBIAN_MIRROR.
set -euo pipefail

_LOG_TAG=ensure-docker
# shellcheck source=deploy/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MIN_API=1.44          # Testcontainers 4.16 refuses anything older
MIN_ENGINE=25.0       # first engine release that speaks API 1.44
DOCKER_SUITE=${DOCKER_SUITE:-trixie}
DOCKERD_LOG=${DOCKERD_LOG:-/var/log/dockerd.log}
DOCKERD_PIDFILE=/var/run/docker.pid
DOCKERD_START_TIMEOUT=${DOCKERD_START_TIMEOUT:-60}
SELFTEST_IMAGE=consultation-selftest/busybox:local

engine_ok() {
    local api
    api=$(docker_server_api)
    [[ -n "$api" ]] && version_ge "$api" "$MIN_API"
}

installed_dockerd_version() {
    local d
    d=/usr/sbin/dockerd
    [[ -x "$d" ]] || return 0
    "$d" --version 2>/dev/null | sed -n 's/^Docker version \([0-9][0-9.]*\).*/\1/p'
}

install_engine() {
    need_root
    local mirror tmp
    mirror=$(apt_mirror)
    log "installing docker.io from Debian '$DOCKER_SUITE' (mirror taken from this machine's apt sources)"
    tmp=$(mktemp -d /tmp/ensure-docker.XXXXXX)
    # shellcheck disable=SC2064
    trap "rm -rf '$tmp'" EXIT
    mkdir -p "$tmp/lists/partial" "$tmp/cache/archives/partial" "$tmp/prefs.d" "$tmp/debs"
    local keyring=/usr/share/keyrings/debian-archive-keyring.gpg signed=""
    [[ -r "$keyring" ]] && signed="[signed-by=$keyring] "
    echo "deb ${signed}${mirror} ${DOCKER_SUITE} main" >"$tmp/sources.list"
    local private=(
        -o "Dir::Etc::SourceList=$tmp/sources.list"
        -o "Dir::Etc::SourceParts=$tmp/none"
        -o "Dir::State::Lists=$tmp/lists"
        -o "Dir::Cache=$tmp/cache"
        -o "Dir::Etc::Preferences=$tmp/none"
        -o "Dir::Etc::PreferencesParts=$tmp/prefs.d"
        -o Acquire::Languages=none
        -o APT::Get::List-Cleanup=0
    )
    log "fetching the '$DOCKER_SUITE' package index into a private apt state dir"
    timeout 600 apt-get "${APT_OPTS[@]}" "${private[@]}" -q update >"$tmp/update.log" 2>&1 ||
        { cat "$tmp/update.log" >&2; die "could not read the '$DOCKER_SUITE' package index from the mirror"; }
    local pkgs=(docker.io)
    # The docker CLI is a separate package in trixie; only fetch it if this
    # machine has no docker client at all (ours ship one in /usr/local/bin).
    command -v docker >/dev/null 2>&1 || pkgs+=(docker-cli)
    log "downloading ${pkgs[*]} from '$DOCKER_SUITE'"
    (cd "$tmp/debs" && timeout 600 apt-get "${APT_OPTS[@]}" "${private[@]}" -q download "${pkgs[@]}" >"$tmp/download.log" 2>&1) ||
        { cat "$tmp/download.log" >&2; die "could not download ${pkgs[*]} from '$DOCKER_SUITE'"; }
    # Dependencies (containerd, runc, tini, iptables, ...) come from this
    # machine's own Debian 12 sources.
    apt_lists_ready containerd
    log "installing $(cd "$tmp/debs" && echo *.deb) with its dependencies from $(debian_codename)"
    DEBIAN_FRONTEND=noninteractive timeout 900 apt-get "${APT_OPTS[@]}" -q -y --no-install-recommends \
        install "$tmp"/debs/*.deb >"$tmp/install.log" 2>&1 ||
        { tail -n 40 "$tmp/install.log" >&2; die "installing docker.io failed (see above)"; }
    rm -rf "$tmp"
    trap - EXIT
    log "installed: $(/usr/sbin/dockerd --version)"
}

# alive PID: the process exists and is not a zombie (a killed dockerd whose
# parent is gone may stay a zombie here: PID 1 of these machines does not reap).
alive() {
    local state
    state=$(sed -n 's/^[0-9]* (.*) \([A-Za-z]\) .*/\1/p' "/proc/$1/stat" 2>/dev/null || true)
    [[ -n "$state" && "$state" != Z && "$state" != X ]]
}

dockerd_pid() {
    local pid
    [[ -r "$DOCKERD_PIDFILE" ]] || return 1
    pid=$(cat "$DOCKERD_PIDFILE" 2>/dev/null || true)
    [[ -n "$pid" ]] && alive "$pid" && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == dockerd ]] &&
        echo "$pid"
}

wait_for_engine() { # wait_for_engine PID SECONDS
    local pid=$1 deadline=$((SECONDS + $2))
    while ((SECONDS < deadline)); do
        engine_ok && return 0
        alive "$pid" || return 1
        sleep 1
    done
    return 1
}

start_dockerd() { # start_dockerd [extra dockerd args...]; returns non-zero if it did not come up
    mkdir -p "$(dirname "$DOCKERD_LOG")"
    echo "===== $(date -Is) ensure-docker: dockerd $* =====" >>"$DOCKERD_LOG"
    # Detach completely: own session, no stdin, output only to the log file and
    # no other inherited descriptors (our lock, CI's pipes), so nothing waits for it.
    (
        for fd in /proc/"$BASHPID"/fd/*; do
            fd=${fd##*/}
            if ((fd > 2)); then eval "exec $fd>&-" 2>/dev/null || true; fi
        done
        # shellcheck disable=SC2086
        exec setsid /usr/sbin/dockerd --pidfile "$DOCKERD_PIDFILE" ${DOCKERD_EXTRA_ARGS:-} "$@" \
            </dev/null >>"$DOCKERD_LOG" 2>&1
    ) &
    local pid=$!
    log "started dockerd (pid $pid${*:+, flags: $*}), waiting up to ${DOCKERD_START_TIMEOUT}s for /var/run/docker.sock"
    if wait_for_engine "$pid" "$DOCKERD_START_TIMEOUT"; then
        return 0
    fi
    warn "dockerd${*:+ $*} did not come up; last lines of $DOCKERD_LOG:"
    tail -n 15 "$DOCKERD_LOG" >&2 || true
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do alive "$pid" || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$DOCKERD_PIDFILE"
    return 1
}

selftest() {
    # A published port on 127.0.0.1 must answer from the host: run busybox's
    # httpd in a container built from Debian's busybox-static (no registry).
    log "self-test: container with a port published on 127.0.0.1"
    if ! timeout 30 docker image inspect "$SELFTEST_IMAGE" >/dev/null 2>&1; then
        local tmp
        tmp=$(mktemp -d /tmp/ensure-docker-selftest.XXXXXX)
        apt_lists_ready busybox-static
        (cd "$tmp" && timeout 300 apt-get "${APT_OPTS[@]}" -q download busybox-static >/dev/null 2>&1) ||
            { rm -rf "$tmp"; die "self-test: could not download busybox-static"; }
        mkdir -p "$tmp/root/bin" "$tmp/root/www"
        dpkg-deb -x "$tmp"/busybox-static_*.deb "$tmp/x"
        cp "$tmp/x/bin/busybox" "$tmp/root/bin/busybox"
        echo selftest-ok >"$tmp/root/www/index.html"
        tar -C "$tmp/root" -c . | timeout 120 docker import -c 'ENTRYPOINT ["/bin/busybox"]' - "$SELFTEST_IMAGE" >/dev/null ||
            { rm -rf "$tmp"; die "self-test: docker import failed"; }
        rm -rf "$tmp"
    fi
    local cid port body="" ok=1
    cid=$(timeout 60 docker run -d -p 127.0.0.1::8080 "$SELFTEST_IMAGE" httpd -f -p 8080 -h /www) ||
        die "self-test: docker run failed"
    local mapping
    mapping=$(timeout 15 docker port "$cid" 8080/tcp || true)
    port=$(sed -n 's/^127\.0\.0\.1:\([0-9]*\)$/\1/p;T;q' <<<"$mapping")
    if [[ -n "$port" ]]; then
        for _ in $(seq 1 20); do
            body=$(timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port && printf 'GET / HTTP/1.0\r\n\r\n' >&3 && cat <&3" 2>/dev/null || true)
            [[ "$body" == *selftest-ok* ]] && { ok=0; break; }
            sleep 0.5
        done
    fi
    timeout 60 docker rm -f "$cid" >/dev/null 2>&1 || true
    if ((ok != 0)); then
        warn "self-test failed: published port '${port:-none}' on 127.0.0.1 did not answer"
        return 1
    fi
    log "self-test passed (127.0.0.1:$port answered)"
}

main() {
    local api
    api=$(docker_server_api)
    if [[ -n "$api" ]] && version_ge "$api" "$MIN_API"; then
        log "Docker engine already running (API $api >= $MIN_API); nothing to do"
        [[ "${DOCKER_SELFTEST:-0}" == 1 ]] && { selftest || exit 1; }
        return 0
    fi
    if [[ -n "$api" ]]; then
        die "a Docker engine is running but speaks API $api (< $MIN_API, too old for Testcontainers 4.x); stop it and re-run this script"
    fi

    need_root
    # One instance at a time (other scripts may call us concurrently).
    exec 9>/var/lock/ensure-docker.lock
    flock -w 900 9 || die "timed out waiting for another ensure-docker.sh run (lock /var/lock/ensure-docker.lock)"
    if engine_ok; then
        log "Docker engine came up meanwhile (API $(docker_server_api)); nothing to do"
        return 0
    fi

    local v
    v=$(installed_dockerd_version)
    if [[ -n "$v" ]] && version_ge "$v" "$MIN_ENGINE"; then
        log "dockerd $v already installed"
    else
        [[ -n "$v" ]] && log "installed dockerd $v is too old (need >= $MIN_ENGINE)"
        install_engine
    fi
    command -v docker >/dev/null 2>&1 || die "no docker client on PATH after install"

    local pid
    if pid=$(dockerd_pid); then
        log "dockerd (pid $pid) is running but not answering yet; waiting up to ${DOCKERD_START_TIMEOUT}s"
        if ! wait_for_engine "$pid" "$DOCKERD_START_TIMEOUT"; then
            alive "$pid" &&
                die "dockerd pid $pid does not answer on /var/run/docker.sock; see $DOCKERD_LOG (kill it and re-run)"
            log "dockerd pid $pid has exited; starting a new one"
        fi
    fi
    if ! engine_ok; then
        rm -f "$DOCKERD_PIDFILE"
        # Defaults work on our machines (overlay2 + iptables-nft). The fall-backs
        # are for sandboxes without netfilter or without overlayfs.
        local started=""
        for flags in "" "--iptables=false --ip6tables=false" "--iptables=false --ip6tables=false --storage-driver=vfs"; do
            # shellcheck disable=SC2086
            if start_dockerd $flags; then
                started=1
                [[ -n "$flags" ]] && warn "dockerd only came up with: $flags"
                break
            fi
        done
        [[ -n "$started" ]] || die "dockerd failed to start with every flag set tried; see $DOCKERD_LOG"
    fi
    log "Docker engine running: $(docker version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}') (log: $DOCKERD_LOG)"
    selftest || die "the engine runs but a published port is not reachable on 127.0.0.1; see $DOCKERD_LOG"
}

main "$@"

#!/bin/bash
# Entrypoint of the locally built PostgreSQL 15 image (see
# deploy/build-postgres-image.sh). It mimics the official postgres image closely
# enough for Testcontainers.PostgreSql and docker-compose:
#   POSTGRES_PASSWORD (required unless POSTGRES_HOST_AUTH_METHOD=trust),
#   POSTGRES_USER (default postgres), POSTGRES_DB (default $POSTGRES_USER),
#   POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD (default scram-sha-256),
#   PGDATA (default /var/lib/postgresql/data), /docker-entrypoint-initdb.d/*.{sh,sql,sql.gz}.
# Arguments starting with '-' are passed to `postgres` (e.g. `-c fsync=off`).
# During first-time initialisation the server listens on the Unix socket only,
# so `pg_isready --host localhost` succeeds only once the real server is up.
set -Eeuo pipefail

export PGDATA=${PGDATA:-/var/lib/postgresql/data}

if [ "$#" -eq 0 ] || [ "${1:0:1}" = '-' ]; then
    set -- postgres "$@"
fi

note() { echo "docker-entrypoint: $*"; }
fail() { echo "docker-entrypoint: error: $*" >&2; exit 1; }

if [ "$1" != postgres ]; then
    exec "$@"
fi

# As root: prepare directories, then re-run this script as the postgres user.
if [ "$(id -u)" = 0 ]; then
    mkdir -p "$PGDATA" /var/run/postgresql
    chmod 00700 "$PGDATA" || :
    chown postgres:postgres /var/run/postgresql
    chmod 03775 /var/run/postgresql
    find "$PGDATA" \! -user postgres -exec chown postgres:postgres '{}' + 2>/dev/null || :
    exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
fi

POSTGRES_USER=${POSTGRES_USER:-postgres}
POSTGRES_DB=${POSTGRES_DB:-$POSTGRES_USER}
POSTGRES_HOST_AUTH_METHOD=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}
export POSTGRES_USER POSTGRES_DB POSTGRES_HOST_AUTH_METHOD

if [ ! -s "$PGDATA/PG_VERSION" ]; then
    if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
        fail "database is uninitialized and superuser password is not specified.
       Set POSTGRES_PASSWORD (or POSTGRES_HOST_AUTH_METHOD=trust to allow all connections without a password)."
    fi
    mkdir -p "$PGDATA"
    chmod 00700 "$PGDATA" 2>/dev/null || :

    note "initializing database in $PGDATA"
    pwfile=$(mktemp)
    printf '%s\n' "${POSTGRES_PASSWORD:-}" >"$pwfile"
    # shellcheck disable=SC2086
    initdb --username="$POSTGRES_USER" --pwfile="$pwfile" \
        --auth-local=trust --auth-host="$POSTGRES_HOST_AUTH_METHOD" \
        --encoding=UTF8 --locale=C.UTF-8 ${POSTGRES_INITDB_ARGS:-} >/dev/null
    rm -f "$pwfile"

    {
        echo
        echo "# allow connections from anywhere (container networking), as the official image"
        echo "host all all 0.0.0.0/0 $POSTGRES_HOST_AUTH_METHOD"
        echo "host all all ::/0 $POSTGRES_HOST_AUTH_METHOD"
    } >>"$PGDATA/pg_hba.conf"
    echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"

    # Temporary server on the Unix socket only, for POSTGRES_DB and init scripts.
    pg_ctl -D "$PGDATA" -w -t 60 -o "-c listen_addresses='' -p 5432" start >/dev/null
    psql_init=(psql -v ON_ERROR_STOP=1 --no-password --no-psqlrc --username "$POSTGRES_USER" --dbname postgres)
    if [ "$POSTGRES_DB" != postgres ]; then
        note "creating database \"$POSTGRES_DB\""
        "${psql_init[@]}" --set db="$POSTGRES_DB" -q <<<'CREATE DATABASE :"db";'
    fi
    if [ -d /docker-entrypoint-initdb.d ]; then
        for f in /docker-entrypoint-initdb.d/*; do
            [ -e "$f" ] || continue
            case "$f" in
                *.sh) note "running $f"; if [ -x "$f" ]; then "$f"; else
                    # shellcheck disable=SC1090
                    . "$f"
                fi ;;
                *.sql) note "running $f"; "${psql_init[@]}" --dbname "$POSTGRES_DB" -f "$f" ;;
                *.sql.gz) note "running $f"; gunzip -c "$f" | "${psql_init[@]}" --dbname "$POSTGRES_DB" ;;
                *) note "ignoring $f" ;;
            esac
        done
    fi
    pg_ctl -D "$PGDATA" -m fast -w -t 60 stop >/dev/null
    note "PostgreSQL init process complete; ready for start up."
else
    note "PostgreSQL database directory appears to contain a database; skipping initialization"
fi

exec "$@"

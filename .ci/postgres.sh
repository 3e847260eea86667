# Sourced by .ci/run: a PostgreSQL cluster of the tests' own, in a
# temporary folder, owned by an unprivileged user, on a free port of
# 127.0.0.1; the caller stops it with stop_test_postgres (.ci/run does
# in its EXIT trap). It exports
# HIRETERM_TEST_POSTGRES (the address the PostgreSQL tests use); without
# it they skip, except under CI, where they fail.

pg_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [[ -n "$dir" && -x "$dir/initdb" ]] && echo "$dir"
}

# Runs a command as the cluster's owner: ourselves, unless we are root
# (PostgreSQL refuses to run as root): then the package's `postgres` user.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_test_postgres() {
    local bin port dir
    bin=$(pg_bin) || { echo "warning: PostgreSQL's server is not installed" >&2; return 0; }
    dir=$(mktemp -d /tmp/hireterm-pg.XXXXXX)
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
    port=$(free_port)
    # Passwords over TCP (the tests try a wrong one), none on the socket
    # the script itself uses.
    local password
    password="ci-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
    echo "$password" >"$dir/password"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir/password"
    as_owner "$bin/initdb" -D "$dir/data" -U hireterm --auth-local=trust \
        --auth-host=scram-sha-256 --pwfile="$dir/password" -E UTF8 --no-locale \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
        "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on" start >/dev/null ||
        { cat "$dir/server.log" >&2; return 1; }
    TEST_PG_DIR=$dir
    TEST_PG_BIN=$bin
    as_owner "$bin/createdb" -h "$dir" -p "$port" -U hireterm hireterm
    export HIRETERM_TEST_POSTGRES="postgres://hireterm:$password@127.0.0.1:$port/hireterm"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$port"
}

stop_test_postgres() {
    [[ -n "${TEST_PG_DIR:-}" ]] || return 0
    as_owner "$TEST_PG_BIN/pg_ctl" -D "$TEST_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$TEST_PG_DIR"
    TEST_PG_DIR=
}

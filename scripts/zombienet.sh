#!/usr/bin/env bash
# Runs the zombienet tests of the four-validator `local` chain (zombienet/*.zndsl) with the
# native provider of @zombienet/cli (installed from zombienet/package-lock.json; never
# `zombienet setup`): every validator up, each with 3 peers, best and finalized heights
# advancing, the cross-node dApp flows, and no error lines in any node's log.
#
#   scripts/zombienet.sh                    every zombienet/*.zndsl
#   scripts/zombienet.sh zombienet/network.zndsl
#   RURALMED_NODE_BIN=/path/to/ruralmed-node scripts/zombienet.sh
#
# Exit status 0 when every test passes. Takes about 2.5 minutes (docs/validators.md).
source "$(dirname "$0")/lib.sh"

NODE_BIN="${RURALMED_NODE_BIN:-$NODE_BIN}"
[ -x "$NODE_BIN" ] || die "no node at $NODE_BIN: run scripts/test.sh or build it first, or set RURALMED_NODE_BIN"
ensure_js
ZN="$ROOT/zombienet"
if [ ! -x "$ZN/node_modules/.bin/zombienet" ]; then
	log "installing @zombienet/cli (npm ci)"
	(cd "$ZN" && npm ci --no-audit --no-fund --loglevel=error)
fi

tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=("$ZN"/*.zndsl)

start=$(date +%s)
workdir=$(mktemp -d "${TMPDIR:-/tmp}/ruralmed-zombienet.XXXXXX")
# The raw spec of the `local` chain, so zombienet starts the project's own genesis unchanged.
"$NODE_BIN" export-chain-spec --chain local --raw >"$workdir/local-raw.json" 2>"$workdir/spec.err" \
	|| { cat "$workdir/spec.err" >&2; die "could not export the local chain spec"; }
export RURALMED_NODE_BIN="$NODE_BIN" RURALMED_CHAIN_SPEC="$workdir/local-raw.json" RURALMED_ROOT="$ROOT"
# zombienet deletes the network's processes when a test ends; its cleaner cron is for clusters.
export ZOMBIE_CLEANER_DISABLED=1

# zombienet stops its nodes when a test ends, but not when it is itself stopped while the
# network is still starting. On SIGINT/SIGTERM we stop it and then every process it started
# (its descendants, found by parent pid before it goes).
zn_pid=""
descendants() {
	local child
	for child in $(pgrep -P "$1" 2>/dev/null); do
		echo "$child"
		descendants "$child"
	done
}
stop_zombienet() {
	trap - INT TERM
	if [ -n "$zn_pid" ] && kill -0 "$zn_pid" 2>/dev/null; then
		local pids
		pids=$(descendants "$zn_pid")
		kill -TERM "$zn_pid" 2>/dev/null || true
		for _ in $(seq 10); do kill -0 "$zn_pid" 2>/dev/null || break; sleep 1; done
		for pid in $pids; do kill -TERM "$pid" 2>/dev/null || true; done
		sleep 2
		for pid in $zn_pid $pids; do kill -KILL "$pid" 2>/dev/null || true; done
	fi
	log "interrupted; logs in $workdir"
	exit 130
}
trap stop_zombienet INT TERM

failed=0
for t in "${tests[@]}"; do
	name=$(basename "$t" .zndsl)
	netdir="$workdir/$name"
	export RURALMED_FLOWS_LOG="$workdir/$name-flows.log"
	log "zombienet test $t (network files and node logs in $netdir)"
	t0=$(date +%s)
	(cd "$ZN" && exec node_modules/.bin/zombienet --provider native --logType text --dir "$netdir" \
		--force test "$(realpath "$t")") >"$workdir/$name.out" 2>&1 &
	zn_pid=$!
	if wait "$zn_pid"; then
		log "PASS $name ($(( $(date +%s) - t0 )) s)"
		rm -rf "$netdir"/*/data "$netdir"/*/relay-data # the nodes' databases; their logs stay
	else
		failed=$((failed + 1))
		log "FAIL $name ($(( $(date +%s) - t0 )) s): last lines of $workdir/$name.out:"
		tail -n 40 "$workdir/$name.out" | sed 's/\x1b\[[0-9;]*m//g' >&2
	fi
	zn_pid=""
	grep -E '(✅|❌)' "$workdir/$name.out" | sed 's/\x1b\[[0-9;]*m//g' >&2 || true
	if [ -s "$RURALMED_FLOWS_LOG" ]; then
		log "cross-node flows ($RURALMED_FLOWS_LOG):"
		sed 's/^/    /' "$RURALMED_FLOWS_LOG" >&2
	fi
done

log "zombienet: ${#tests[@]} test file(s), $failed failed, $(( $(date +%s) - start )) s; logs in $workdir"
echo "$(( ${#tests[@]} - failed )) passed, $failed failed"
[ "$failed" = 0 ]

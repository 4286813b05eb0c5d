#!/usr/bin/env bash
# Starts the built node as a throw-away dev chain on free ports, checks from outside the process
# that it produces and finalizes blocks, runs the polkadot.js checks against it, and stops it.
# On any failure it prints the node's log.
source "$(dirname "$0")/lib.sh"

[ -x "$NODE_BIN" ] || die "no node at $NODE_BIN: run scripts/test.sh or build it first"
ensure_js

rpc_port=$(free_port)
p2p_port=$(free_port)
workdir=$(mktemp -d)
node_log="$workdir/node.log"
node_pid=""

cleanup() {
	local status=$?
	if [ -n "$node_pid" ] && kill -0 "$node_pid" 2>/dev/null; then
		kill "$node_pid" 2>/dev/null || true
		wait "$node_pid" 2>/dev/null || true
	fi
	if [ "$status" != 0 ]; then
		printf '\n----- node log (last 80 lines of %s) -----\n' "$node_log" >&2
		tail -n 80 "$node_log" >&2 || true
		printf -- '----- end of node log -----\n' >&2
	fi
	rm -rf "$workdir"
	exit "$status"
}
trap cleanup EXIT

log "starting a dev node: RPC port $rpc_port, p2p port $p2p_port"
"$NODE_BIN" --dev --tmp --rpc-port "$rpc_port" --port "$p2p_port" --no-prometheus \
	--no-telemetry >"$node_log" 2>&1 &
node_pid=$!

log "waiting for best >= 5 and finalized >= 3 (90 s at most)"
python3 "$ROOT/scripts/wait_for_blocks.py" "http://127.0.0.1:$rpc_port" 5 3 90 \
	|| die "the node did not produce and finalize blocks in time"

log "running the polkadot.js checks"
(cd "$ROOT/scripts/js" && node run-checks.mjs "ws://127.0.0.1:$rpc_port") \
	|| die "the polkadot.js checks failed"

log "running the client library's tests against the node (app/client: envelope vectors, chain round trip)"
build_client
(cd "$ROOT/app/client" && RURALMED_WS="ws://127.0.0.1:$rpc_port" node --test dist/test/*.test.js) \
	|| die "the client library's tests failed"

kill -0 "$node_pid" 2>/dev/null || die "the node died during the checks"
log "live checks passed"

#!/usr/bin/env bash
# Performance benchmark of the records vault (not a test): starts a throw-away dev node and a
# vault with a local store in a temp dir, and prints upload and authorised-fetch throughput and
# latency for 1 KB, 100 KB and 10 MB ciphertexts (scripts/js/checks-vault/vault-bench.mjs).
# A fetch waits for the reader's log_access to be finalized, so its latency is mostly the
# chain's (6 s blocks, then GRANDPA).
#
# Needs the release node and vault: cargo build --release -p ruralmed-node -p ruralmed-vault
source "$(dirname "$0")/lib.sh"

[ -x "$NODE_BIN" ] || die "no node at $NODE_BIN: run scripts/test.sh or build it first"
[ -x "$VAULT_BIN" ] || die "no vault at $VAULT_BIN: cargo build --release -p ruralmed-vault"
ensure_js

rpc_port=$(free_port)
p2p_port=$(free_port)
vault_port=$(free_port)
workdir=$(mktemp -d)
node_pid=""
vault_pid=""

cleanup() {
	local status=$?
	for pid in "$vault_pid" "$node_pid"; do
		if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
			kill "$pid" 2>/dev/null || true
			wait "$pid" 2>/dev/null || true
		fi
	done
	if [ "$status" != 0 ]; then
		tail -n 40 "$workdir/node.log" "$workdir/vault.log" >&2 || true
	fi
	rm -rf "$workdir"
	exit "$status"
}
trap cleanup EXIT

log "starting a dev node (RPC port $rpc_port)"
"$NODE_BIN" --dev --tmp --rpc-port "$rpc_port" --port "$p2p_port" --no-prometheus \
	--no-telemetry >"$workdir/node.log" 2>&1 &
node_pid=$!
python3 "$ROOT/scripts/wait_for_blocks.py" "http://127.0.0.1:$rpc_port" 3 1 90 \
	|| die "the node did not produce and finalize blocks in time"

log "starting the vault (port $vault_port, local store in $workdir/vault)"
# Warnings only: the benchmark should not measure logging of every request.
RUST_LOG=warn "$VAULT_BIN" --listen "127.0.0.1:$vault_port" --node-rpc "http://127.0.0.1:$rpc_port" \
	--data-dir "$workdir/vault" --min-peers 0 >"$workdir/vault.log" 2>&1 &
vault_pid=$!
for _ in $(seq 60); do
	[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$vault_port/health" || true)" = 200 ] && break
	sleep 0.5
done

log "benchmarking"
(cd "$ROOT/scripts/js" && node checks-vault/vault-bench.mjs "ws://127.0.0.1:$rpc_port" \
	"http://127.0.0.1:$vault_port") || die "the benchmark failed"

#!/usr/bin/env bash
# The runtime upgrade end to end: starts a dev chain from the previous release's runtime
# (runtime/releases/, the WASM that is live on chains today), fills every medical pallet through
# the polkadot.js checks, then has the health council authorise the runtime this tree builds
# and a plain account submit it, and checks the upgrade (scripts/js/upgrade.mjs): refusals
# first, then the new spec_version, continued block production and finality, the storage
# migration, and every medical record, grant, lot and allocation unchanged.
source "$(dirname "$0")/lib.sh"

[ -x "$NODE_BIN" ] || die "no node at $NODE_BIN: run scripts/test.sh or build it first"
ensure_js

release="$(sed -n 's/^previous *= *"\(.*\)"/\1/p' "$ROOT/runtime/releases/releases.toml")"
old_wasm="$ROOT/runtime/releases/$release"
new_wasm="$CARGO_TARGET_DIR/release/wbuild/ruralmed-runtime/ruralmed_runtime.compact.compressed.wasm"
[ -f "$old_wasm" ] || die "the previous release's runtime $old_wasm is missing"
[ -f "$new_wasm" ] || die "no runtime at $new_wasm: build the node first"

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

# The dev chain spec, with the previous release's code: its genesis builder builds the state.
"$NODE_BIN" build-spec --chain dev >"$workdir/current.json" 2>/dev/null
# Genesis fields the previous release does not know are left out (its genesis builder refuses
# unknown fields): (pallet, field) pairs added since that release.
python3 - "$workdir/current.json" "$old_wasm" "$workdir/previous.json" <<'PY'
import json, sys
NEW_GENESIS_FIELDS = [("drugProvenance", "companyPrefixes")]
spec = json.load(open(sys.argv[1]))
genesis = spec["genesis"]["runtimeGenesis"]
genesis["code"] = "0x" + open(sys.argv[2], "rb").read().hex()
for section in ("config", "patch"):
    for pallet, field in NEW_GENESIS_FIELDS:
        genesis.get(section, {}).get(pallet, {}).pop(field, None)
json.dump(spec, open(sys.argv[3], "w"))
PY

log "starting a dev chain on the previous runtime ($release): RPC port $rpc_port"
"$NODE_BIN" --chain "$workdir/previous.json" --alice --validator --force-authoring \
	--node-key 0000000000000000000000000000000000000000000000000000000000000001 \
	--base-path "$workdir/db" --rpc-port "$rpc_port" --port "$p2p_port" --no-prometheus \
	--no-telemetry >"$node_log" 2>&1 &
node_pid=$!
python3 "$ROOT/scripts/wait_for_blocks.py" "http://127.0.0.1:$rpc_port" 3 1 90 \
	|| die "the previous runtime did not produce and finalize blocks"

# The checks as they were for that release (scripts/js/previous-release/): the calls they make
# are the previous runtime's, which the current checks may no longer match.
log "writing data into every medical pallet on the previous runtime"
(cd "$ROOT/scripts/js/previous-release" && node run-checks.mjs "ws://127.0.0.1:$rpc_port" records consent drugs emergency) \
	|| die "the polkadot.js checks failed on the previous runtime"

log "upgrading through the health council"
(cd "$ROOT/scripts/js" && node upgrade.mjs "ws://127.0.0.1:$rpc_port" "$new_wasm" "$old_wasm") \
	|| die "the runtime upgrade checks failed"
kill -0 "$node_pid" 2>/dev/null || die "the node died during the upgrade"
log "runtime upgrade checks passed"

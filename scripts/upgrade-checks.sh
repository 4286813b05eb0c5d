#!/usr/bin/env bash
# The runtime upgrade end to end: starts a dev chain from the previous release's runtime
# (runtime/releases/, the WASM that is live on chains today) and fills every medical pallet
# through the polkadot.js checks; runs the upgrade natively under try-runtime on a snapshot of
# that chain's state (runtime/src/tests.rs, `try_runtime_upgrade`: the migrations' pre/post
# checks, the whole state decoded, every pallet's try_state, a second run changing nothing);
# then has the health council authorise the runtime this tree builds and a plain account submit
# it, and checks the upgrade (scripts/js/upgrade.mjs): refusals first, then the new
# spec_version, continued block production and finality, the storage migration, and every
# medical record, grant, lot and allocation unchanged.
source "$(dirname "$0")/lib.sh"

[ -x "$NODE_BIN" ] || die "no node at $NODE_BIN: run scripts/test.sh or build it first"
ensure_js

release="$(sed -n 's/^previous *= *"\(.*\)"/\1/p' "$ROOT/runtime/releases/releases.toml")"
old_wasm="$ROOT/runtime/releases/$release"
new_wasm="$CARGO_TARGET_DIR/release/wbuild/ruralmed-runtime/ruralmed_runtime.compact.compressed.wasm"
[ -f "$old_wasm" ] || die "the previous release's runtime $old_wasm is missing"
[ -f "$new_wasm" ] || die "no runtime at $new_wasm: build the node first"

live_setup

# The dev chain spec, with the previous release's code: its genesis builder builds the state.
"$NODE_BIN" build-spec --chain dev >"$workdir/current.json" 2>/dev/null
# Genesis fields the previous release does not know are left out (its genesis builder refuses
# unknown fields): (pallet, field) pairs added since that release, and the pallets added since
# (spec 106's validator set and session: the previous release had its validators as Aura's and
# GRANDPA's genesis authorities, so the session's genesis keys become those).
python3 - "$workdir/current.json" "$old_wasm" "$workdir/previous.json" <<'PY'
import json, sys
NEW_GENESIS_FIELDS = [("drugProvenance", "companyPrefixes"), ("governance", "councilMotionDuration")]
NEW_PALLETS = ["session", "validatorSet"]
spec = json.load(open(sys.argv[1]))
genesis = spec["genesis"]["runtimeGenesis"]
genesis["code"] = "0x" + open(sys.argv[2], "rb").read().hex()
for section in ("config", "patch"):
    config = genesis.get(section)
    if config is None:
        continue
    for pallet, field in NEW_GENESIS_FIELDS:
        config.get(pallet, {}).pop(field, None)
    keys = (config.get("session") or {}).get("keys") or []
    if keys:
        config["aura"] = {"authorities": [k[2]["aura"] for k in keys]}
        config["grandpa"] = {"authorities": [[k[2]["grandpa"], 1] for k in keys]}
    for pallet in NEW_PALLETS:
        config.pop(pallet, None)
json.dump(spec, open(sys.argv[3], "w"))
PY

log "starting a dev chain on the previous runtime ($release)"
start_node --chain "$workdir/previous.json" --alice --validator --force-authoring \
	--node-key 0000000000000000000000000000000000000000000000000000000000000001 \
	--base-path "$workdir/db"
wait_for_chain 3 1

# The checks as they were for that release (scripts/js/previous-release/): the calls they make
# are the previous runtime's, which the current checks may no longer match.
log "writing data into every medical pallet on the previous runtime"
(cd "$ROOT/scripts/js/previous-release" && node run-checks.mjs "ws://127.0.0.1:$rpc_port" records consent drugs emergency) \
	|| die "the polkadot.js checks failed on the previous runtime"

# The same upgrade first under try-runtime, natively, over a snapshot of this chain's state: the
# migrations' pre/post checks, the whole state decoded, every pallet's try_state, idempotence.
log "snapshot of the previous runtime's state; the upgrade under try-runtime on it"
(cd "$ROOT/scripts/js" && node state-snapshot.mjs "ws://127.0.0.1:$rpc_port" "$workdir/state.json") \
	|| die "could not take a snapshot of the chain's state"
RURALMED_STATE_SNAPSHOT="$workdir/state.json" workspace_cargo_test --lib -- --ignored --exact --nocapture \
	tests::try_runtime_upgrade::previous_release_state_upgrades_under_try_runtime 2>&1 \
	| tee "$workdir/try-runtime.log" || die "the upgrade failed under try-runtime"
grep -q '^try-runtime: a second run changed nothing' "$workdir/try-runtime.log" \
	|| die "the try-runtime test did not run"

log "upgrading through the health council"
(cd "$ROOT/scripts/js" && node upgrade.mjs "ws://127.0.0.1:$rpc_port" "$new_wasm" "$old_wasm") \
	|| die "the runtime upgrade checks failed"
kill -0 "$node_pid" 2>/dev/null || die "the node died during the upgrade"
grep '^try-runtime:' "$workdir/try-runtime.log" >&2
log "runtime upgrade checks passed (above: what the try-runtime run checked)"

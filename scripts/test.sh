#!/usr/bin/env bash
# The test command: builds everything, runs every workspace test (benchmarks included, as
# tests), then starts the built node and checks it from outside: blocks produced and
# finalized, command-line errors reported cleanly, the polkadot.js checks, the runtime upgrade
# through the council, a four-validator zombienet network and the fault tests.
source "$(dirname "$0")/lib.sh"

start=$(date +%s)
ensure_toolchain
ensure_js

# 1. The node, as run-dev.sh builds it.
build_node

# 2. Every crate's tests, with the benchmarks compiled in so they run as tests too. The runtime's
#    WASM is not needed for these, so it is not built a second time with benchmarks.
log "running the workspace tests (release profile, with runtime-benchmarks)"
(
	cd "$ROOT"
	SKIP_WASM_BUILD=1 cargo test --locked --release \
		-p ruralmed-primitives -p pallet-registry -p pallet-patient-records -p pallet-consent \
		-p pallet-drug-provenance -p pallet-emergency-supply -p ruralmed-runtime \
		--features pallet-registry/runtime-benchmarks,pallet-patient-records/runtime-benchmarks,pallet-consent/runtime-benchmarks,pallet-drug-provenance/runtime-benchmarks,pallet-emergency-supply/runtime-benchmarks,ruralmed-runtime/runtime-benchmarks
)

# 3. The node's command line fails cleanly on bad input.
"$ROOT/scripts/node-cli-checks.sh"

# 4. A live dev chain: blocks produced and finalized, then the polkadot.js checks.
"$ROOT/scripts/live-checks.sh"

# 5. The runtime upgrade from the previous release, through the health council.
"$ROOT/scripts/upgrade-checks.sh"

# 6. Four validators under zombienet: peers, blocks, finality, the dApp flows across nodes.
"$ROOT/scripts/zombienet.sh"

# 7. Faults: validators stopped, restarted and killed; finality halting and resuming.
"$ROOT/scripts/fault-tests.sh"

log "all tests passed in $(( $(date +%s) - start )) s"

#!/usr/bin/env bash
# The test command: builds everything, runs every workspace test (benchmarks included, as
# tests), then starts the built node and checks it from outside: blocks produced and
# finalized, command-line errors reported cleanly, the polkadot.js checks, the runtime upgrade
# through the council, a four-validator zombienet network and the fault tests.
source "$(dirname "$0")/lib.sh"

start=$(date +%s)
timings=()
# Runs one stage and records how long it took; the times are printed at the end (and on failure).
stage() {
	local name=$1 t0
	shift
	t0=$(date +%s)
	log "stage: $name"
	if ! "$@"; then
		log "stage $name FAILED after $(( $(date +%s) - t0 )) s"
		exit 1
	fi
	timings+=("$(printf '%-28s %5d s' "$name" $(( $(date +%s) - t0 )))")
	log "stage $name took $(( $(date +%s) - t0 )) s"
}
print_timings() {
	log "stage times:"
	local t
	for t in "${timings[@]}"; do printf '  %s\n' "$t" >&2; done
}
trap print_timings EXIT

ensure_toolchain
ensure_js
ensure_client

# 0. Formatting, and the client library's linter and type check (seconds).
static_checks() {
	(cd "$ROOT" && cargo fmt --all --check) || return 1
	(cd "$ROOT/app/client" && npm run --silent lint && npm run --silent typecheck)
}
stage "format, lint, types" static_checks

# 1. The node, as run-dev.sh builds it.
stage "node build" build_node

# 2. Every crate's tests, with the benchmarks compiled in so they run as tests too. The runtime's
#    WASM is not needed for these, so it is not built a second time with benchmarks.
workspace_tests() {
	cd "$ROOT"
	SKIP_WASM_BUILD=1 cargo test --locked --release \
		-p ruralmed-primitives -p pallet-registry -p pallet-patient-records -p pallet-consent \
		-p pallet-drug-provenance -p pallet-emergency-supply -p ruralmed-runtime -p ruralmed-vault \
		--features pallet-registry/runtime-benchmarks,pallet-patient-records/runtime-benchmarks,pallet-consent/runtime-benchmarks,pallet-drug-provenance/runtime-benchmarks,pallet-emergency-supply/runtime-benchmarks,ruralmed-runtime/runtime-benchmarks
}
stage "workspace tests" workspace_tests

# 3. The node's command line fails cleanly on bad input.
stage "node CLI checks" "$ROOT/scripts/node-cli-checks.sh"

# 4. A live dev chain: blocks produced and finalized, then the polkadot.js checks.
stage "live checks" "$ROOT/scripts/live-checks.sh"

# 4b. The records vault against a live node: encrypted upload, anchoring, reads only after the
#     reader's own log_access is finalized, refusals (no consent, revoked, forged, replayed...).
stage "vault checks" "$ROOT/scripts/vault-checks.sh"

# 5. The runtime upgrade from the previous release, through the health council.
stage "runtime upgrade" "$ROOT/scripts/upgrade-checks.sh"

# 6. Four validators under zombienet: peers, blocks, finality, the dApp flows across nodes.
stage "zombienet" "$ROOT/scripts/zombienet.sh"

# 7. Faults: validators stopped, restarted and killed; finality halting and resuming.
stage "fault tests" "$ROOT/scripts/fault-tests.sh"

log "all tests passed in $(( $(date +%s) - start )) s"

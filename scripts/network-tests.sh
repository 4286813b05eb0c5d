#!/usr/bin/env bash
# The network and fault tests: four validators of the `local` chain (Alice, Bob, Charlie, Dave),
# each a separate ruralmed-node process with its own ParityDB, started by zombienet-sdk's native
# provider from the Rust test crate in zombienet/ (tests/network.rs): all four up, connected and
# finalizing with no error logged, the cross-node dApp flows, one validator down, its restart,
# two down (finality halts, then resumes with nothing lost), and a SIGKILL mid-run (reopened
# from its database with every finalized block and the medical data intact), then the health
# council adding a fifth validator (Eve's node joins; it authors and its vote counts), removing
# one and a validator rotating its keys, with finality never stopping. Each scenario's time is
# printed.
#
#   scripts/network-tests.sh                       uses the built node ($NODE_BIN)
#   RURALMED_NODE_BIN=/path/to/ruralmed-node scripts/network-tests.sh
#   KEEP_LOGS=1 scripts/network-tests.sh           keeps the nodes' logs and databases
#   RURALMED_NETWORK_TARGET_DIR=…                   builds the test crate in another target dir
#   RURALMED_NETWORK_ONLY=e scripts/network-tests.sh  runs only these scenarios (0 a b c d e)
#
# Exit status 0 when every scenario passes. Takes about 10 minutes (docs/validators.md).
source "$(dirname "$0")/lib.sh"

NODE_BIN="${RURALMED_NODE_BIN:-$NODE_BIN}"
[ -x "$NODE_BIN" ] || die "no node at $NODE_BIN: run scripts/test.sh or build it first, or set RURALMED_NODE_BIN"
ensure_js

# scripts/test.sh builds the crate beside its live stages, in a target dir of its own.
export CARGO_TARGET_DIR="${RURALMED_NETWORK_TARGET_DIR:-$CARGO_TARGET_DIR}"
start=$(date +%s)
log "building the network tests (zombienet/) in $CARGO_TARGET_DIR"
(cd "$ROOT" && cargo test --locked --profile network-tests -p ruralmed-network-tests --no-run) || die "the network tests do not build"
log "built in $(( $(date +%s) - start )) s"

workdir=$(mktemp -d "${TMPDIR:-/tmp}/ruralmed-network.XXXXXX")
cleanup() {
	local status=$?
	if [ "$status" != 0 ] || [ "${KEEP_LOGS:-0}" = 1 ]; then
		log "the nodes' logs and databases are kept in $workdir"
		if [ "$status" != 0 ]; then
			for f in "$workdir"/*/*/*.log; do
				[ -f "$f" ] || continue
				printf '\n----- last 30 lines of %s -----\n' "$f" >&2
				tail -n 30 "$f" >&2 || true
			done
		fi
	else
		rm -rf "$workdir"
	fi
	log "network tests took $(( $(date +%s) - start )) s"
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The raw spec of the `local` chain, so the network starts the project's own genesis unchanged.
"$NODE_BIN" export-chain-spec --chain local --raw >"$workdir/local-raw.json" 2>"$workdir/spec.err" \
	|| { cat "$workdir/spec.err" >&2; die "could not export the local chain spec"; }
export RURALMED_NODE_BIN="$NODE_BIN" RURALMED_CHAIN_SPEC="$workdir/local-raw.json" RURALMED_NETWORK_DIR="$workdir"
# The test kills its nodes when it ends (or fails); the test harness runs it with its output.
(cd "$ROOT" && cargo test --locked --profile network-tests -p ruralmed-network-tests --test network \
	-- --ignored --nocapture --test-threads=1)

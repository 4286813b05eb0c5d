#!/usr/bin/env bash
# Fault tests for the four-validator `local` chain (Alice, Bob, Charlie, Dave), each validator a
# separate ruralmed-node process on free loopback ports with its ParityDB under a temp dir:
# one validator down (blocks still produced and finalized), its restart and catch-up, two down
# (finality halts, then resumes with nothing lost), and a SIGKILL mid-run (restart from the
# database with every finalized block and the medical data intact). scripts/fault_tests.py runs
# the scenarios; this wrapper checks the set-up and stops every node on exit.
#
#   scripts/fault-tests.sh                        uses the built node ($NODE_BIN)
#   RURALMED_NODE_BIN=/path/to/ruralmed-node scripts/fault-tests.sh
#   KEEP_LOGS=1 scripts/fault-tests.sh            keeps the nodes' logs and databases
#
# Exit status 0 when every scenario passes. Takes about 6 minutes (docs/validators.md).
source "$(dirname "$0")/lib.sh"

NODE_BIN="${RURALMED_NODE_BIN:-$NODE_BIN}"
[ -x "$NODE_BIN" ] || die "no node at $NODE_BIN: run scripts/test.sh or build it first, or set RURALMED_NODE_BIN"
command -v python3 >/dev/null || die "python3 is missing"
ensure_js

workdir=$(mktemp -d "${TMPDIR:-/tmp}/ruralmed-faults.XXXXXX")
start=$(date +%s)

cleanup() {
	local status=$?
	# Every node process the run started, by pid (fault_tests.py records them).
	if [ -f "$workdir/pids" ]; then
		while read -r pid; do
			kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
		done <"$workdir/pids"
	fi
	if [ "$status" != 0 ] || [ "${KEEP_LOGS:-0}" = 1 ]; then
		log "node logs and databases kept in $workdir"
		if [ "$status" != 0 ]; then
			for f in "$workdir"/*.log; do
				printf '\n----- last 30 lines of %s -----\n' "$f" >&2
				tail -n 30 "$f" >&2 || true
			done
		fi
	else
		rm -rf "$workdir"
	fi
	log "fault tests took $(( $(date +%s) - start )) s"
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "fault tests with $NODE_BIN in $workdir"
python3 "$ROOT/scripts/fault_tests.py" "$NODE_BIN" "$workdir"

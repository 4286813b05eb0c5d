#!/usr/bin/env bash
# Transaction throughput benchmark (not a test): starts a throw-away dev node from the built
# release binary, and for each kind of transaction (transfers, record anchors, consent grants,
# key shares, access logs) pre-signs N from many accounts, submits them as fast as the pool
# takes them and follows them to finality (scripts/js/bench-tps.mjs). Prints, side by side per
# kind: transactions per second finalized, block fill (% of the normal class's ref_time), tx
# per block, submit-to-finalized latency (median, p95), and the weight each kind is charged.
#
#   scripts/bench-tps.sh            # TPS_N per kind (default 4000)
#   scripts/bench-tps.sh --smoke    # 30 per kind: only checks that the benchmark works
#
# Environment: TPS_N (per kind), TPS_RECORDS (records already stored when the run starts:
# synthetic self-reported records built into the dev genesis, a thousand per synthetic patient,
# through patient-records' `syntheticRecords` genesis field; default 0), TPS_OUT (also write the
# results as JSON there), TPS_TIMEOUT
# (seconds for the whole measurement; default 600 + N/2), TPS_INFLIGHT and TPS_STALL_S (see
# bench-tps.mjs). Fails if any transaction is refused, dropped, not finalized or fails in
# dispatch, or if the run takes longer than TPS_TIMEOUT. Builds nothing: it needs the release
# node (scripts/test.sh or scripts/run-dev.sh builds it).
source "$(dirname "$0")/lib.sh"

smoke=0
case "${1:-}" in
--smoke) smoke=1 ;;
"") ;;
*) die "usage: scripts/bench-tps.sh [--smoke]" ;;
esac
if [ "$smoke" = 1 ]; then n=30; else n=${TPS_N:-4000}; fi
[[ "$n" =~ ^[1-9][0-9]*$ ]] || die "TPS_N must be a positive integer, not '$n'"
timeout_s=${TPS_TIMEOUT:-$((600 + n / 2))}
[[ "$timeout_s" =~ ^[1-9][0-9]*$ ]] || die "TPS_TIMEOUT must be a positive number of seconds, not '$timeout_s'"
out=""
[ -n "${TPS_OUT:-}" ] && out=$(realpath -m "$TPS_OUT")
records=${TPS_RECORDS:-0}
[[ "$records" =~ ^[0-9]+$ ]] && [ "$records" -le 4000000000 ] \
	|| die "TPS_RECORDS must be a whole number of records (at most 4e9), not '$records'"

[ -x "$NODE_BIN" ] || die "no node at $NODE_BIN: build it first (scripts/run-dev.sh or scripts/test.sh); this script builds nothing"
ensure_js

started=$SECONDS
stage_times=()
# Runs one stage and records its time; the times are printed on exit, failed or not.
timed() {
	local name=$1 t0=$SECONDS
	shift
	"$@"
	stage_times+=("$(printf '%-24s %5d s' "$name" $((SECONDS - t0)))")
}
print_stage_times() {
	local t
	log "stage times (total $((SECONDS - started)) s):"
	for t in "${stage_times[@]}"; do printf '  %s\n' "$t" >&2; done
}

live_setup
LIVE_ON_EXIT+=(print_stage_times)

# The pool must hold one kind's N transactions at once (the ready queue; the future queue gets
# a tenth of the limits), with room to spare; the defaults are 8192 and 20 MiB.
pool_limit=$((2 * n + 1000))
[ "$pool_limit" -ge 8192 ] || pool_limit=8192
pool_kbytes=$((2 * n))
[ "$pool_kbytes" -ge 20480 ] || pool_kbytes=20480

# With TPS_RECORDS, the dev chain's spec (its genesis preset as a patch, built when the node
# starts) with the synthetic records added to the patch.
chain=()
if [ "$records" -gt 0 ]; then
	spec="$workdir/dev-with-records.json"
	dev_spec_with_records "$records" "$spec" || die "could not write a chain spec with $records records"
	chain=(--chain "$spec")
fi
start_and_wait() {
	start_dev_node "${chain[@]}" --pool-limit "$pool_limit" --pool-kbytes "$pool_kbytes"
	# Building a genesis of millions of records takes minutes: allow for it.
	local waited=0
	until python3 "$ROOT/scripts/wait_for_blocks.py" "http://127.0.0.1:$rpc_port" 2 1 90 2>/dev/null; do
		kill -0 "$node_pid" 2>/dev/null || die "the node stopped while starting (see $node_log)"
		waited=$((waited + 90))
		[ "$waited" -lt $((600 + records / 1000)) ] || die "the node did not produce and finalize blocks in time"
	done
}
timed "node start" start_and_wait

run_benchmark() {
	local rc=0
	log "benchmarking: $n transactions per kind (timeout $timeout_s s)"
	(cd "$ROOT/scripts/js" && TPS_N=$n TPS_OUT=$out TPS_NODE_LOG=$node_log TPS_COMMIT=$(git -C "$ROOT" rev-parse --short HEAD) \
		timeout --kill-after=10 "$timeout_s" node bench-tps.mjs "ws://127.0.0.1:$rpc_port") || rc=$?
	[ "$rc" != 124 ] && [ "$rc" != 137 ] || die "the benchmark took longer than $timeout_s s (TPS_TIMEOUT)"
	[ "$rc" = 0 ] || die "the benchmark failed"
	kill -0 "$node_pid" 2>/dev/null || die "the node died during the benchmark"
}
timed "benchmark ($n per kind)" run_benchmark

# How the node built the blocks that carried transactions (set-up blocks included), from its
# log: size, time taken, and why it stopped adding transactions (the block's weight or length
# limit, the proposal deadline, or an empty pool).
print_block_production() {
	log "blocks built with transactions (the node's log: number, extrinsics, proposal time, end):"
	sed -n 's/.*Prepared block for proposing at \([0-9]*\) (\([0-9]*\) ms).*end: \([A-Za-z]*\); extrinsics_count: \([0-9]*\).*/\1 \4 \2 \3/p' \
		"$node_log" | awk '$2 > 1 { printf "  #%-6s %6d extrinsics %7d ms  %s\n", $1, $2, $3, $4 }' >&2
}
print_block_production

stop_node() {
	stop_pid "$node_pid"
	forget_pid "$node_pid"
}
timed "node stop" stop_node
log "bench-tps passed$([ "$smoke" = 1 ] && echo ' (smoke)')"

#!/usr/bin/env bash
# The test command: checks formatting, feature propagation and the app's types and lints; builds
# everything; runs every workspace test (benchmarks and try-runtime checks included, as tests)
# and clippy (beside the live stages); then starts the built node and checks it from outside: blocks produced and
# finalized, command-line errors reported cleanly, the polkadot.js checks, the records vault
# (local disk and Garage), the web app in Chromium, the runtime upgrade through the council
# (and under try-runtime), the throughput benchmark in smoke mode, and a four-validator network
# under zombienet-sdk with its faults and the council adding, removing and rotating validators.
# Prints each stage's time.
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
# Runs several stages at once, each into its own log: the live ones spend most of their time
# waiting for 6-second blocks on their own dev node, so side by side they take about as long as
# the longest. Arguments: name command [name command ...]. Each stage's time is recorded as if
# it ran alone; the log of a failed stage is printed whole, the others' last lines.
parallel_stages() {
	local dir names=() pids=() i=0 failed=0 t0 rc secs
	dir=$(mktemp -d "${TMPDIR:-/tmp}/ruralmed-stages.XXXXXX")
	t0=$(date +%s)
	while [ $# -gt 0 ]; do
		names+=("$1")
		log "stage (side by side): $1"
		(
			s0=$(date +%s)
			"$2" >"$dir/$i.log" 2>&1 && rc=0 || rc=$?
			echo "$rc $(( $(date +%s) - s0 ))" >"$dir/$i.rc"
		) &
		pids+=("$!")
		i=$((i + 1))
		shift 2
	done
	# Its own stages only: the side builds run in the background beside them.
	wait "${pids[@]}" || true
	for i in "${!names[@]}"; do
		read -r rc secs <"$dir/$i.rc" || { rc=1; secs=0; }
		if [ "$rc" = 0 ]; then
			printf '\n----- %s: passed in %d s (last 15 lines of its log) -----\n' "${names[$i]}" "$secs" >&2
			tail -n 15 "$dir/$i.log" >&2
			timings+=("$(printf '%-28s %5d s  (side by side)' "${names[$i]}" "$secs")")
		else
			printf '\n----- %s: FAILED after %d s (its whole log) -----\n' "${names[$i]}" "$secs" >&2
			cat "$dir/$i.log" >&2
			timings+=("$(printf '%-28s %5d s  FAILED' "${names[$i]}" "$secs")")
			failed=1
		fi
	done
	rm -rf "$dir"
	log "side-by-side stages took $(( $(date +%s) - t0 )) s together"
	return "$failed"
}

print_timings() {
	log "stage times:"
	local t
	for t in "${timings[@]}"; do printf '  %s\n' "$t" >&2; done
}
# On any exit: stop side builds still running in the background, then print the stage times.
on_exit() {
	if [ -n "$side_pid" ]; then
		pkill -P "$side_pid" 2>/dev/null || true
		kill "$side_pid" 2>/dev/null || true
	fi
	print_timings
}
trap on_exit EXIT

ensure_toolchain
ensure_js
ensure_client
ensure_web

# 0. Formatting, feature propagation (zepter), and the client library's and the web app's
#    linters and type checks.
static_checks() {
	(cd "$ROOT" && cargo fmt --all --check) || return 1
	zepter_checks || return 1
	(cd "$ROOT/app/client" && npm run --silent lint && npm run --silent typecheck) || return 1
	# The web app is type-checked against the client library's compiled declarations.
	build_client && export RURALMED_CLIENT_BUILT=1
	(cd "$ROOT/app/web" && npm run --silent lint && npm run --silent typecheck)
}
stage "format, lint, types" static_checks

# 1. The node, as run-dev.sh builds it.
stage "node build" build_node

# 2. Every crate's tests, with the benchmarks compiled in so they run as tests too, and with
#    try-runtime, so every migration's pre/post checks and try-runtime test run. The runtime's
#    WASM is not needed for these, so it is not built a second time.
workspace_tests() {
	workspace_cargo_test
}
stage "workspace tests" workspace_tests

# 2b. Builds that need no running node, done beside the live stages (step 4), which mostly wait
#     for six-second blocks, at the lowest CPU priority (nice 19):
#     - clippy with warnings as errors, on every crate the workspace tests build, with and
#       without the benchmark and try-runtime features, and on the network tests' crate (not the
#       node: checking it means a check build of the whole client, libp2p, wasmtime, the RPC
#       stack, over 25 min cold on two cores, docs/building.md);
#     - the network tests' crate (zombienet-sdk), which step 5 runs.
#     They build in a target dir of their own inside the one target dir, because cargo locks a
#     whole target dir while it builds: with their own, they never wait for, or hold up, the
#     cargo run of the upgrade check. They share no artifact with the node and the workspace
#     tests anyway (clippy is a check build; zombienet-sdk's tree is its own). Seconds when warm;
#     about 20 minutes of CPU cold, taken out of the critical path.
SIDE_TARGET_DIR="$CARGO_TARGET_DIR/side"
side_builds() {
	cd "$ROOT"
	export CARGO_TARGET_DIR="$SIDE_TARGET_DIR"
	SKIP_WASM_BUILD=1 cargo clippy --locked "${WORKSPACE_TEST_PACKAGES[@]}" --all-targets -- -D warnings \
		&& SKIP_WASM_BUILD=1 cargo clippy --locked "${WORKSPACE_TEST_PACKAGES[@]}" --all-targets \
			--features "$WORKSPACE_TEST_FEATURES" -- -D warnings \
		&& cargo clippy --locked -p ruralmed-network-tests --all-targets -- -D warnings \
		&& cargo test --locked --release -p ruralmed-network-tests --no-run
}
# Starts the side builds in the background (nice 19); `side_result` waits for them and reports.
side_dir="" side_pid=""
start_side_builds() {
	side_dir=$(mktemp -d "${TMPDIR:-/tmp}/ruralmed-side.XXXXXX")
	log "stage (in the background, nice 19, beside the live stages): clippy, network tests build"
	(
		s0=$(date +%s)
		renice -n 19 -p "$BASHPID" >/dev/null
		side_builds >"$side_dir/log" 2>&1 && rc=0 || rc=$?
		echo "$rc $(( $(date +%s) - s0 ))" >"$side_dir/rc"
	) &
	side_pid=$!
}
side_result() {
	local rc secs
	wait "$side_pid" || true
	side_pid=""
	read -r rc secs <"$side_dir/rc" || { rc=1; secs=0; }
	if [ "$rc" = 0 ]; then
		tail -n 5 "$side_dir/log" >&2
		timings+=("$(printf '%-28s %5d s  (beside the live stages)' "clippy, network build" "$secs")")
	else
		cat "$side_dir/log" >&2
		timings+=("$(printf '%-28s %5d s  FAILED' "clippy, network build" "$secs")")
	fi
	rm -rf "$side_dir"
	return "$rc"
}

# 3. The node's command line fails cleanly on bad input; `network-spec` builds a launchable
#    spec (a one-validator network started from it finalizes) and refuses development keys,
#    duplicate or invalid validators and small councils.
stage "node CLI checks" "$ROOT/scripts/node-cli-checks.sh"

# 3b. What operators install: the Debian package and its systemd unit, the Prometheus scrape
#     config and alert rules (promtool, with the rules' unit tests).
stage "packaging and monitoring" "$ROOT/scripts/ops-checks.sh"

# 4. The live checks, each against its own dev node, side by side:
#    - the polkadot.js checks and the client library's live tests;
#    - the records vault: encrypted upload, anchoring, reads only after the reader's own
#      log_access is finalized, refusals (no consent, revoked, forged, replayed...), erasure;
#    - the same vault on a three-node Garage cluster (S3), with one Garage node stopped;
#    - the web app in Debian's Chromium at phone size: patient and doctor flows, screenshots;
#    - the runtime upgrade from the previous release, through the health council; then the
#      throughput benchmark in smoke mode (30 transactions of each kind: that it works, not
#      how fast), in the same slot: the upgrade check (about 510 s) and the smoke run (about
#      2.5 min) end well before the live checks (about 1,300 s), so it adds nothing to the
#      critical path and no sixth node runs beside the others.
upgrade_then_bench_smoke() {
	"$ROOT/scripts/upgrade-checks.sh" && "$ROOT/scripts/bench-tps.sh" --smoke
}
live_stages() {
	parallel_stages \
		"live checks" "$ROOT/scripts/live-checks.sh" \
		"vault checks" "$ROOT/scripts/vault-checks.sh" \
		"vault on Garage (S3)" "$ROOT/scripts/vault-s3-checks.sh" \
		"app in Chromium" "$ROOT/scripts/app-checks.sh" \
		"upgrade, bench-tps smoke" upgrade_then_bench_smoke
}
# The web app is built once (the client library already is), before the stages that load them
# run side by side; the browser and Garage are installed (and cached) if missing.
prepare_live_stages() {
	build_web && export RURALMED_WEB_BUILT=1
	ensure_chromium
	(source "$ROOT/scripts/garage.sh" && ensure_garage)
}
stage "app build, browser, Garage" prepare_live_stages
start_side_builds
stage "live stages (together)" live_stages
log "waiting for the side builds (clippy, network tests)"
side_result || { log "stage clippy, network build FAILED"; exit 1; }

# 5. Four validators under zombienet-sdk: peers, blocks, finality, the dApp flows across nodes;
#    then validators down, restarted and killed, finality halting and resuming.
# Built (and checked by clippy) beside the live stages, in the side builds' target dir.
export RURALMED_NETWORK_TARGET_DIR="$SIDE_TARGET_DIR"
stage "network tests" "$ROOT/scripts/network-tests.sh"

log "all tests passed in $(( $(date +%s) - start )) s"

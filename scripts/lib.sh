#!/usr/bin/env bash
# Shared set-up for the RuralMed scripts: toolchain, target dir, npm packages. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# One target dir outside the work tree, so builds survive between checkouts and CI reuses them.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/ruralmed/target}"
# RURALMED_NODE_BIN runs the scripts against another build of the node.
NODE_BIN="${RURALMED_NODE_BIN:-$CARGO_TARGET_DIR/release/ruralmed-node}"
# Tools the scripts install with `cargo install` (Garage, zepter), kept between runs.
TOOLS_DIR="$HOME/.cache/ruralmed/tools"

log() { printf '\033[1m[ruralmed]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[ruralmed] error:\033[0m %s\n' "$*" >&2; exit 1; }

# Installs what a fresh machine lacks: the wasm target the runtime builds for, a C/C++
# compiler (wasm-opt) and protoc (litep2p's build script), the last two as Debian packages and
# only if missing.
ensure_toolchain() {
	command -v cargo >/dev/null || die "cargo is missing: install Rust with rustup first"
	local toolchain
	toolchain="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$ROOT/rust-toolchain.toml")"
	if ! rustup target list --installed --toolchain "$toolchain" 2>/dev/null | grep -qx wasm32v1-none; then
		log "adding the wasm32v1-none target to Rust $toolchain"
		rustup target add wasm32v1-none --toolchain "$toolchain"
	fi
	local missing=()
	command -v c++ >/dev/null && command -v make >/dev/null || missing+=(build-essential)
	command -v protoc >/dev/null || missing+=(protobuf-compiler)
	[ ${#missing[@]} -eq 0 ] || install_debian_packages "${missing[@]}"
}

# Installs Debian packages (through sudo unless root).
install_debian_packages() {
	log "installing Debian packages: $*"
	local sudo=""
	[ "$(id -u)" = 0 ] || sudo="sudo"
	$sudo apt-get update -qq && $sudo apt-get install -y -qq "$@" >/dev/null
}

# Runs `npm ci` in package dir $1 when its packages are missing or its committed lockfile changed
# since they were installed (a checksum of the lockfile is kept in node_modules), so a checkout
# that adds a package never runs with the old set.
npm_ci_if_stale() {
	local dir=$1 what=$2 stamp="$1/node_modules/.package-lock.sha256" sum
	sum=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
	[ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] && return 0
	log "installing $what (npm ci in ${dir#"$ROOT"/})"
	(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in $dir"
	echo "$sum" >"$stamp"
}

# Installs the polkadot.js checks' packages from the committed lockfile.
ensure_js() {
	command -v node >/dev/null || die "node is missing: install Node.js 18 or newer"
	npm_ci_if_stale "$ROOT/scripts/js" "the polkadot.js packages"
}

# Installs the client library's packages (app/client) from its committed lockfile.
ensure_client() {
	command -v node >/dev/null || die "node is missing: install Node.js 20 or newer"
	npm_ci_if_stale "$ROOT/app/client" "the client library's packages"
}

# Compiles the client library (app/client/dist), once per test run: scripts/test.sh builds it
# before its side-by-side stages and sets RURALMED_CLIENT_BUILT=1, so that no stage rewrites
# files another stage is loading.
build_client() {
	ensure_client
	[ "${RURALMED_CLIENT_BUILT:-}" = 1 ] && return 0
	(cd "$ROOT/app/client" && npm run --silent build)
}

# Installs the web app's packages (app/web) from its committed lockfile.
ensure_web() {
	ensure_client
	npm_ci_if_stale "$ROOT/app/web" "the web app's packages"
}

# Builds the web app (app/web/dist) on the client library it imports; once per test run, as
# build_client.
build_web() {
	ensure_web
	[ "${RURALMED_WEB_BUILT:-}" = 1 ] && return 0
	build_client
	(cd "$ROOT/app/web" && npm run --silent build >/dev/null)
}

# Installs Debian's chromium for the browser checks, and CJK fonts so that the Chinese screens
# render as text (screenshots included). No browser is ever downloaded by a test tool.
ensure_chromium() {
	local missing=()
	command -v chromium >/dev/null || missing+=(chromium)
	[ -n "$(fc-list :lang=zh 2>/dev/null)" ] || missing+=(fonts-noto-cjk)
	if [ ${#missing[@]} -gt 0 ]; then
		log "installing Debian packages for the browser checks: ${missing[*]}"
		local sudo=""
		[ "$(id -u)" = 0 ] || sudo="sudo"
		$sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
	fi
}

VAULT_BIN="$CARGO_TARGET_DIR/release/ruralmed-vault"

# Builds the release node (and with it the runtime's WASM), then the records vault, which links
# the same runtime natively (it decodes the chain with it). Two cargo runs, not one: built
# together, the vault's dependencies would change the features of crates the node shares with
# it and rebuild most of the node.
build_node() {
	log "building the node (release) into $CARGO_TARGET_DIR"
	(cd "$ROOT" && cargo build --locked --release -p ruralmed-node "$@")
	log "building the records vault (release)"
	(cd "$ROOT" && cargo build --locked --release -p ruralmed-vault)
}

# `cargo test` of every crate in the workspace but the node, with `runtime-benchmarks` (the
# benchmarks run as tests) and `try-runtime` (the migrations' pre/post checks), natively
# (SKIP_WASM_BUILD). scripts/test.sh runs it; scripts/upgrade-checks.sh runs one ignored test of
# the same build (same packages and features, so nothing is rebuilt). Arguments are passed on.
WORKSPACE_TEST_PACKAGES=(-p ruralmed-primitives -p pallet-registry -p pallet-patient-records -p pallet-consent
	-p pallet-drug-provenance -p pallet-emergency-supply -p pallet-validator-set -p pallet-statistics -p ruralmed-runtime -p ruralmed-vault)
WORKSPACE_TEST_FEATURES=ruralmed-runtime/runtime-benchmarks,ruralmed-runtime/try-runtime
for pallet in registry patient-records consent drug-provenance emergency-supply validator-set statistics; do
	WORKSPACE_TEST_FEATURES+=",pallet-$pallet/runtime-benchmarks,pallet-$pallet/try-runtime"
done
unset pallet
workspace_cargo_test() {
	(cd "$ROOT" && SKIP_WASM_BUILD=1 cargo test --locked --release "${WORKSPACE_TEST_PACKAGES[@]}" \
		--features "$WORKSPACE_TEST_FEATURES" "$@")
}

# zepter (the SDK's checker of feature propagation), installed with cargo into the tools dir
# (a few minutes, once) unless that version is there.
ZEPTER_VERSION=1.88.2
ZEPTER_BIN="$TOOLS_DIR/bin/zepter"
ensure_zepter() {
	if [ -x "$ZEPTER_BIN" ] && "$ZEPTER_BIN" --version 2>/dev/null | grep -q " $ZEPTER_VERSION\$"; then
		return 0
	fi
	log "installing zepter $ZEPTER_VERSION into $TOOLS_DIR"
	CARGO_TARGET_DIR="$HOME/.cache/ruralmed/tools-target" cargo install zepter --version "=$ZEPTER_VERSION" \
		--locked --root "$TOOLS_DIR" >&2
}

# frame-omni-bencher (the SDK's benchmark runner: it runs a runtime's benchmarks from its WASM,
# without a node build), installed with cargo into the tools dir (about 25 minutes on two cores,
# once) unless that version is there. 0.28 is the release built on frame-benchmarking-cli 64,
# the stable2609 one.
OMNI_BENCHER_VERSION=0.28.0
OMNI_BENCHER_BIN="$TOOLS_DIR/bin/frame-omni-bencher"
ensure_omni_bencher() {
	if [ -x "$OMNI_BENCHER_BIN" ] && "$OMNI_BENCHER_BIN" --version 2>/dev/null | grep -q " $OMNI_BENCHER_VERSION\$"; then
		return 0
	fi
	# Its database crates build RocksDB's bindings with bindgen, which needs libclang.
	ls /usr/lib/llvm-*/lib/libclang.so >/dev/null 2>&1 || install_debian_packages libclang-dev
	log "installing frame-omni-bencher $OMNI_BENCHER_VERSION into $TOOLS_DIR"
	CARGO_TARGET_DIR="$HOME/.cache/ruralmed/tools-target" cargo install frame-omni-bencher \
		--version "=$OMNI_BENCHER_VERSION" --locked --root "$TOOLS_DIR" >&2
}

# Every `std`, `runtime-benchmarks` and `try-runtime` feature of the workspace's crates enables
# the same feature of each dependency that has it (as the SDK's own CI checks), and the feature
# lists are formatted; `--fix` as the first argument fixes both.
zepter_checks() {
	ensure_zepter
	local fix=()
	[ "${1:-}" = --fix ] && fix=(--fix)
	(cd "$ROOT" && "$ZEPTER_BIN" lint propagate-feature --features try-runtime,runtime-benchmarks,std \
		--left-side-feature-missing=ignore --left-side-outside-workspace=ignore \
		--feature-enables-dep="try-runtime:frame-try-runtime,runtime-benchmarks:frame-benchmarking" \
		--offline --locked --quiet "${fix[@]}" \
		&& "$ZEPTER_BIN" format features --offline --locked --quiet "${fix[@]}")
}

# The dev chain's spec with `records` synthetic records (patient-records' `syntheticRecords`
# genesis field) added to its genesis patch, written to `out`: a chain that starts large.
dev_spec_with_records() {
	local records=$1 out=$2
	"$NODE_BIN" build-spec --chain dev 2>/dev/null | python3 -c '
import json, sys
spec = json.load(sys.stdin)
patch = spec["genesis"]["runtimeGenesis"]["patch"]
patch.setdefault("patientRecords", {})["syntheticRecords"] = int(sys.argv[1])
json.dump(spec, open(sys.argv[2], "w"))' "$records" "$out"
}

# Prints a TCP port nothing listens on, for a server this run starts. It is taken below the
# kernel's ephemeral range (where port 0 binds and outgoing connections take theirs, Zombienet's
# nodes included), so nothing else takes it before our server binds it, and it is reserved in
# $RURALMED_PORTS_DIR (mkdir is atomic), so stages running side by side never get the same one.
# (With port 0, two stages were once given one port: the second node failed to bind and its
# checks ran against the first stage's node.) Reservations lapse after 3 hours.
RURALMED_PORTS_DIR="${RURALMED_PORTS_DIR:-${TMPDIR:-/tmp}/ruralmed-ports-$(id -u)}"
free_port() {
	local low high port tries
	read -r low _ </proc/sys/net/ipv4/ip_local_port_range
	high=$((low - 1))
	low=$((high - 12000 > 10000 ? high - 12000 : 10000))
	mkdir -p "$RURALMED_PORTS_DIR"
	find "$RURALMED_PORTS_DIR" -mindepth 1 -maxdepth 1 -mmin +180 -exec rmdir {} + 2>/dev/null
	for ((tries = 0; tries < 500; tries++)); do
		port=$((low + (RANDOM * 32768 + RANDOM) % (high - low + 1)))
		mkdir "$RURALMED_PORTS_DIR/$port" 2>/dev/null || continue
		if python3 -c 'import socket, sys; s = socket.socket(); s.bind(("", int(sys.argv[1]))); s.close()' \
			"$port" 2>/dev/null; then
			echo "$port"
			return 0
		fi
	done
	die "no free TCP port in $low-$high"
}

# ---------------------------------------------------------------------------------------------
# Live checks: each script starts its own throw-away node, vaults and servers on free ports with
# their files in a temp dir ($workdir), and stops them on exit. `live_setup` makes $workdir and
# installs the EXIT trap; `start_node` / `start_dev_node` and `start_vault` register what they
# start, so `live_cleanup` stops it (last started first) and, when the script fails, prints the
# tail of each log. LIVE_ON_EXIT / LIVE_ON_FAILURE hold more commands to run then (Garage's).
LIVE_PIDS=()
LIVE_LOGS=()
LIVE_ON_EXIT=()
LIVE_ON_FAILURE=()

# Stops a background process of this shell with SIGTERM and waits for it; nothing if it is no
# longer running.
stop_pid() {
	local pid=$1
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	fi
}

# Takes a pid the script has already stopped and waited for off the list live_cleanup stops.
forget_pid() {
	local pid=$1 i
	for i in "${!LIVE_PIDS[@]}"; do
		[ "${LIVE_PIDS[i]}" = "$pid" ] && unset 'LIVE_PIDS[i]'
	done
	LIVE_PIDS=("${LIVE_PIDS[@]}")
}

live_setup() {
	workdir=$(mktemp -d)
	trap live_cleanup EXIT
	trap 'exit 130' INT TERM
}

live_cleanup() {
	local status=$? i f
	for ((i = ${#LIVE_PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${LIVE_PIDS[i]}"; done
	for f in "${LIVE_ON_EXIT[@]}"; do $f || true; done
	if [ "$status" != 0 ]; then
		for f in "${LIVE_LOGS[@]}"; do
			printf '\n----- last 60 lines of %s -----\n' "$f" >&2
			tail -n 60 "$f" >&2 || true
		done
		for f in "${LIVE_ON_FAILURE[@]}"; do $f || true; done
	fi
	rm -rf "$workdir"
	exit "$status"
}

# Starts the node with the arguments given on free ports (RPC $rpc_port, no Prometheus or
# telemetry, no mDNS: the stages run side by side, and each stage's node would otherwise find the
# others' and the network tests' nodes and dial them, to be banned for another genesis), logging
# to $workdir/node.log ($node_log); sets $node_pid.
start_node() {
	rpc_port=$(free_port)
	local p2p_port
	p2p_port=$(free_port)
	node_log="$workdir/node.log"
	log "starting the node: RPC port $rpc_port, p2p port $p2p_port"
	"$NODE_BIN" "$@" --rpc-port "$rpc_port" --port "$p2p_port" --no-prometheus --no-telemetry \
		--no-mdns >"$node_log" 2>&1 &
	node_pid=$!
	LIVE_PIDS+=("$node_pid")
	LIVE_LOGS+=("$node_log")
}

# A throw-away single-validator dev chain (`--dev --tmp`), as start_node.
start_dev_node() {
	start_node --dev --tmp "$@"
}

# Waits (90 s at most) until the node at $rpc_port has a best block >= $1 and a finalized one >= $2.
wait_for_chain() {
	log "waiting for best >= $1 and finalized >= $2 (90 s at most)"
	python3 "$ROOT/scripts/wait_for_blocks.py" "http://127.0.0.1:$rpc_port" "$1" "$2" 90 \
		|| die "the node did not produce and finalize blocks in time"
	# Blocks on the port prove nothing if our node died on start and another answers there.
	kill -0 "$node_pid" 2>/dev/null || die "the node exited; its log: $node_log"
}

# start_vault NAME PORT NODE_URL [VAULT ARGS...]: a records vault on 127.0.0.1:PORT with its data
# in $workdir/NAME, logging (appended, so a restart keeps the earlier lines) to
# $workdir/NAME.log; sets $started_pid.
start_vault() {
	local name=$1 port=$2 node_url=$3
	shift 3
	"$VAULT_BIN" --listen "127.0.0.1:$port" --node-rpc "$node_url" --data-dir "$workdir/$name" \
		--min-peers 0 "$@" >>"$workdir/$name.log" 2>&1 &
	started_pid=$!
	LIVE_PIDS+=("$started_pid")
	case " ${LIVE_LOGS[*]} " in *" $workdir/$name.log "*) ;; *) LIVE_LOGS+=("$workdir/$name.log") ;; esac
}

# Waits until GET URL/health answers with HTTP status $2 (30 s at most).
wait_health() {
	local url=$1 want=$2 got=""
	for _ in $(seq 60); do
		got=$(curl -s -o /dev/null -w '%{http_code}' "$url/health" || true)
		[ "$got" = "$want" ] && return 0
		sleep 0.5
	done
	die "$url/health answered $got, not $want"
}

#!/usr/bin/env bash
# Shared set-up for the RuralMed scripts: toolchain, target dir, npm packages. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# One target dir outside the work tree, so builds survive between checkouts and CI reuses them.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/ruralmed/target}"
# RURALMED_NODE_BIN runs the scripts against another build of the node.
NODE_BIN="${RURALMED_NODE_BIN:-$CARGO_TARGET_DIR/release/ruralmed-node}"

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
	if [ ${#missing[@]} -gt 0 ]; then
		log "installing Debian packages: ${missing[*]}"
		local sudo=""
		[ "$(id -u)" = 0 ] || sudo="sudo"
		$sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
	fi
}

# Installs the polkadot.js checks' packages from the committed lockfile.
ensure_js() {
	command -v node >/dev/null || die "node is missing: install Node.js 18 or newer"
	if [ ! -d "$ROOT/scripts/js/node_modules/@polkadot/api" ]; then
		log "installing the polkadot.js packages (npm ci)"
		(cd "$ROOT/scripts/js" && npm ci --no-audit --no-fund --loglevel=error)
	fi
}

# Installs the client library's packages (app/client) from its committed lockfile.
ensure_client() {
	command -v node >/dev/null || die "node is missing: install Node.js 20 or newer"
	if [ ! -d "$ROOT/app/client/node_modules/@polkadot/api" ]; then
		log "installing the client library's packages (npm ci in app/client)"
		(cd "$ROOT/app/client" && npm ci --no-audit --no-fund --loglevel=error)
	fi
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
	if [ ! -x "$ROOT/app/web/node_modules/.bin/vite" ]; then
		log "installing the web app's packages (npm ci in app/web)"
		(cd "$ROOT/app/web" && npm ci --no-audit --no-fund --loglevel=error)
	fi
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

# Prints a free TCP port.
free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

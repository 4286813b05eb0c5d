#!/usr/bin/env bash
# Browser checks of the RuralMed web app (app/web): builds the client library and the app,
# starts a throw-away dev node, a records vault beside it and the built app (vite preview,
# which forwards /rpc to the node and the vault API to the vault), all on free ports, and runs
# app/web/tests/browser.mjs: playwright-core driving Debian's chromium (installed with apt, with
# CJK fonts, if missing; no browser is ever downloaded). Screenshots go to app/web/test-artifacts/.
#
#   scripts/app-checks.sh                 every check
#   KEEP_RUNNING=1 scripts/app-checks.sh  leave node, vault and app up afterwards (Ctrl-C stops)
#   SKIP_V3=1 scripts/app-checks.sh       skip what needs PatientRecordsApi v3 (older runtimes)
#
# Needs the release node and vault: cargo build --release -p ruralmed-node -p ruralmed-vault
source "$(dirname "$0")/lib.sh"

[ -x "$NODE_BIN" ] || die "no node at $NODE_BIN: run scripts/test.sh or build it first"
[ -x "$VAULT_BIN" ] || die "no vault at $VAULT_BIN: cargo build --release -p ruralmed-vault"
WEB="$ROOT/app/web"
ensure_web
ensure_chromium

log "building the client library and the web app"
build_web

rpc_port=$(free_port)
p2p_port=$(free_port)
vault_port=$(free_port)
app_port=$(free_port)
workdir=$(mktemp -d)
node_log="$workdir/node.log"
vault_log="$workdir/vault.log"
app_log="$workdir/app.log"
node_pid="" vault_pid="" app_pid=""

stop() {
	local pid=$1
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	fi
}

cleanup() {
	local status=$?
	stop "$app_pid"
	stop "$vault_pid"
	stop "$node_pid"
	if [ "$status" != 0 ]; then
		for f in "$node_log" "$vault_log" "$app_log"; do
			printf '\n----- last 40 lines of %s -----\n' "$f" >&2
			tail -n 40 "$f" >&2 || true
		done
	fi
	rm -rf "$workdir"
	exit "$status"
}
trap cleanup EXIT INT TERM

log "starting a dev node: RPC port $rpc_port, p2p port $p2p_port"
"$NODE_BIN" --dev --tmp --rpc-port "$rpc_port" --port "$p2p_port" --no-prometheus \
	--no-telemetry >"$node_log" 2>&1 &
node_pid=$!
python3 "$ROOT/scripts/wait_for_blocks.py" "http://127.0.0.1:$rpc_port" 2 1 90 \
	|| die "the node did not produce and finalize blocks in time"

log "starting the vault on port $vault_port"
"$VAULT_BIN" --listen "127.0.0.1:$vault_port" --node-rpc "http://127.0.0.1:$rpc_port" \
	--data-dir "$workdir/vault" --min-peers 0 --log-format text >"$vault_log" 2>&1 &
vault_pid=$!
for _ in $(seq 60); do
	[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$vault_port/health" || true)" = 200 ] && break
	sleep 0.5
done

log "serving the built app on http://127.0.0.1:$app_port"
# --bypass-lock: vite allows one preview per project, and a dev system and the browser
# checks may each serve the app at once, on their own ports.
(cd "$WEB" && RURALMED_NODE_URL="http://127.0.0.1:$rpc_port" RURALMED_VAULT_URL="http://127.0.0.1:$vault_port" \
	exec node_modules/.bin/vite preview --host 127.0.0.1 --port "$app_port" --strictPort --bypass-lock) >"$app_log" 2>&1 &
app_pid=$!
for _ in $(seq 40); do
	curl -sf -o /dev/null "http://127.0.0.1:$app_port/" && break
	sleep 0.25
done

if [ "${KEEP_RUNNING:-0}" = 1 ]; then
	log "app: http://127.0.0.1:$app_port  node: ws://127.0.0.1:$rpc_port  vault: http://127.0.0.1:$vault_port"
	wait -n "$node_pid" "$vault_pid" "$app_pid"
	exit 0
fi

log "running the browser checks"
start=$(date +%s)
(cd "$WEB" && node tests/browser.mjs "http://127.0.0.1:$app_port" "$WEB/test-artifacts") \
	|| die "the browser checks failed"
log "browser checks passed in $(( $(date +%s) - start )) s"
kill -0 "$node_pid" 2>/dev/null || die "the node died during the checks"

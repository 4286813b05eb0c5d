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
#   RURALMED_BROWSER_PART=1 (or 2) scripts/app-checks.sh
#                                         one of the two halves scripts/test.sh runs side by side
#                                         (screenshots in test-artifacts/part-N/)
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

live_setup
vault_port=$(free_port)
app_port=$(free_port)
app_log="$workdir/app.log"

start_dev_node
wait_for_chain 2 1

log "starting the vault on port $vault_port"
start_vault vault "$vault_port" "http://127.0.0.1:$rpc_port" --log-format text
vault_pid=$started_pid
wait_health "http://127.0.0.1:$vault_port" 200

log "serving the built app on http://127.0.0.1:$app_port"
# --bypass-lock: vite allows one preview per project, and a dev system and the browser
# checks may each serve the app at once, on their own ports.
(cd "$WEB" && RURALMED_NODE_URL="http://127.0.0.1:$rpc_port" RURALMED_VAULT_URL="http://127.0.0.1:$vault_port" \
	exec node_modules/.bin/vite preview --host 127.0.0.1 --port "$app_port" --strictPort --bypass-lock) >"$app_log" 2>&1 &
app_pid=$!
LIVE_PIDS+=("$app_pid")
LIVE_LOGS+=("$app_log")
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
(cd "$WEB" && node tests/browser.mjs "http://127.0.0.1:$app_port" "$WEB/test-artifacts${RURALMED_BROWSER_PART:+/part-$RURALMED_BROWSER_PART}") \
	|| die "the browser checks failed"
log "browser checks passed in $(( $(date +%s) - start )) s"
kill -0 "$node_pid" 2>/dev/null || die "the node died during the checks"

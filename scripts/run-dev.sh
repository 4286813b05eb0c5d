#!/usr/bin/env bash
# The main job: build the release node and the records vault, and run a single-validator
# RuralMed dev chain (the demo county) with a vault beside it on the local file system, and
# the web app (app/web, built) on localhost: open the printed URL and pick a demo-county role.
#
#   scripts/run-dev.sh            keeps chain and vault data in ./.dev-chain between runs
#   scripts/run-dev.sh --tmp      throw-away chain and vault data
#   scripts/run-dev.sh --purge    start again from genesis (deletes ./.dev-chain)
#   RPC_PORT=9955 scripts/run-dev.sh   another RPC port (default 9944)
#   VAULT_PORT=8788 scripts/run-dev.sh another vault port (default 8787)
#   APP_PORT=8081 scripts/run-dev.sh   another web app port (default 8080)
#
# Any other arguments are passed to ruralmed-node. Ctrl-C stops all three.
source "$(dirname "$0")/lib.sh"

tmp=0 purge=0 extra=()
for a in "$@"; do
	case "$a" in
		--tmp) tmp=1 ;;
		--purge) purge=1 ;;
		*) extra+=("$a") ;;
	esac
done

ensure_toolchain
ensure_js
build_node
# The web app, built on the client library (vite preview serves the build and forwards /rpc
# and the vault API, see app/web/vite.config.ts).
web="$ROOT/app/web"
log "building the web app"
build_web

port="${RPC_PORT:-9944}"
vault_port="${VAULT_PORT:-8787}"
app_port="${APP_PORT:-8080}"
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
	die "port $port is in use (another node?). Stop it or run with RPC_PORT=<port>."
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$vault_port") 2>/dev/null; then
	die "port $vault_port is in use (another vault?). Stop it or run with VAULT_PORT=<port>."
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$app_port") 2>/dev/null; then
	die "port $app_port is in use. Stop what uses it or run with APP_PORT=<port>."
fi

base="$ROOT/.dev-chain"
if [ "$purge" = 1 ]; then
	log "purging $base"
	rm -rf "$base"
fi
if [ "$tmp" = 1 ]; then
	storage=(--tmp)
	vault_data="$(mktemp -d)"
else
	storage=(--base-path "$base")
	vault_data="$base/vault"
fi

node_pid="" vault_pid="" app_pid="" seed_pid=""
stop_all() {
	# The demo seeder first: left running, it prints a stack trace or reconnects for ever when
	# the node stops under it. Its subshell gets KILL, as it would take TERM only after its
	# running step, and then start the next.
	if [ -n "$seed_pid" ]; then
		local seeders
		seeders=$(pgrep -P "$seed_pid" || true)
		kill -KILL "$seed_pid" 2>/dev/null || true
		[ -z "$seeders" ] || kill $seeders 2>/dev/null || true
		# A subshell killed by the same signal as this script has left its step an orphan.
		pkill -f "scripts/js/demo-(stock|emergency)\.mjs ws://127\.0\.0\.1:$port\$" 2>/dev/null || true
	fi
	for pid in $app_pid $vault_pid $node_pid; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	if [ "$tmp" = 1 ]; then rm -rf "$vault_data"; fi
}
trap stop_all EXIT INT TERM

log "RuralMed dev chain: WebSocket/HTTP RPC at ws://127.0.0.1:$port"
log "polkadot.js Apps: https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A$port"
"$NODE_BIN" --dev "${storage[@]}" --rpc-port "$port" --rpc-cors all "${extra[@]}" &
node_pid=$!

# The vault answers 503 until the node is up; dev has no peers, so it needs none.
log "records vault: http://127.0.0.1:$vault_port (local store in $vault_data)"
"$VAULT_BIN" --listen "127.0.0.1:$vault_port" --node-rpc "http://127.0.0.1:$port" \
	--data-dir "$vault_data" --min-peers 0 &
vault_pid=$!

# --bypass-lock: vite allows one preview per project, and a dev system and the browser
# checks may each serve the app at once, on their own ports.
(cd "$web" && RURALMED_NODE_URL="http://127.0.0.1:$port" RURALMED_VAULT_URL="http://127.0.0.1:$vault_port" \
	exec node_modules/.bin/vite preview --host 127.0.0.1 --port "$app_port" --strictPort --bypass-lock >/dev/null) &
app_pid=$!
log "RuralMed web app: http://127.0.0.1:$app_port/  (pick a demo-county role to sign in)"

# Demo stock: the Hekou village clinic gets packs of the demo amoxicillin lot, so its doctor can
# hand medicines over at a visit (nothing is done if it holds some already).
# Then a demo donation to trace ("Trace a donation", no account needed): about 2 minutes of
# chain time, after which its number is printed.
(python3 "$ROOT/scripts/wait_for_blocks.py" "http://127.0.0.1:$port" 1 1 120 >/dev/null \
	&& { node "$ROOT/scripts/js/demo-stock.mjs" "ws://127.0.0.1:$port" \
		|| log "could not stock the demo clinic (see above); the rest works"; } \
	&& { node "$ROOT/scripts/js/demo-emergency.mjs" "ws://127.0.0.1:$port" \
		|| log "could not seed the demo donation (see above); the rest works"; }) &
seed_pid=$!

# Stop when any of them stops.
wait -n "$node_pid" "$vault_pid" "$app_pid"

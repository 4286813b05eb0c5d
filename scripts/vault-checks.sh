#!/usr/bin/env bash
# End-to-end checks of the records vault against a real node: starts a throw-away dev node on
# free ports, a vault beside it (local store in a temp dir) and a second vault whose node is a
# closed port, runs scripts/js/checks-vault/vault-e2e.mjs, the SMART Health Link checks
# (scripts/js/checks-vault/shl.mjs) and the client library's full-path test
# (app/client/test/vault.integration.test.ts) and its offline outbox test (offline.integration.test.ts), checks that the vault stops cleanly on SIGTERM,
# and stops everything. On any failure it prints the node's and the vaults' logs.
#
# Needs the release node and vault: cargo build --release -p ruralmed-node -p ruralmed-vault
source "$(dirname "$0")/lib.sh"

[ -x "$NODE_BIN" ] || die "no node at $NODE_BIN: run scripts/test.sh or build it first"
[ -x "$VAULT_BIN" ] || die "no vault at $VAULT_BIN: cargo build --release -p ruralmed-vault"
ensure_js

live_setup
vault_port=$(free_port)
down_port=$(free_port)
closed_port=$(free_port) # nothing listens here: the second vault's "node"
max_body=65536
cors_origin=https://records.county.example # allowed CORS on /v1 (shl.mjs checks it)
vault_log="$workdir/vault.log"
down_log="$workdir/vault-down.log"

start_dev_node
wait_for_chain 3 1

log "starting the vault on port $vault_port and a vault without a node on port $down_port"
start_vault vault "$vault_port" "http://127.0.0.1:$rpc_port" --max-body-bytes "$max_body" \
	--log-format text --cors-origin "$cors_origin"
vault_pid=$started_pid
start_vault vault-down "$down_port" "http://127.0.0.1:$closed_port" --rpc-timeout-secs 2 --log-format json
wait_health "http://127.0.0.1:$vault_port" 200
wait_health "http://127.0.0.1:$down_port" 503

log "running the vault end-to-end checks"
(cd "$ROOT/scripts/js" && node checks-vault/vault-e2e.mjs "ws://127.0.0.1:$rpc_port" \
	"http://127.0.0.1:$vault_port" "http://127.0.0.1:$down_port" "$workdir/vault" "$max_body") \
	|| die "the vault end-to-end checks failed"

t0=$SECONDS
log "running the SMART Health Link checks"
(cd "$ROOT/scripts/js" && node checks-vault/shl.mjs "ws://127.0.0.1:$rpc_port" \
	"http://127.0.0.1:$vault_port" "local:$workdir/vault" "$cors_origin") \
	|| die "the SMART Health Link checks failed"
log "SMART Health Link checks passed in $((SECONDS - t0)) s"

log "running the client library's vault test against the node and the vault (app/client)"
build_client
(cd "$ROOT/app/client" && RURALMED_WS="ws://127.0.0.1:$rpc_port" RURALMED_VAULT_URL="http://127.0.0.1:$vault_port" \
		node --test dist/test/vault.integration.test.js dist/test/medicines.integration.test.js dist/test/offline.integration.test.js) \
	|| die "the client library's vault test failed"

log "stopping the vault with SIGTERM"
kill -TERM "$vault_pid"
for _ in $(seq 20); do
	kill -0 "$vault_pid" 2>/dev/null || break
	sleep 0.5
done
kill -0 "$vault_pid" 2>/dev/null && die "the vault did not stop within 10 s of SIGTERM"
wait "$vault_pid" && status=0 || status=$?
forget_pid "$vault_pid"
[ "$status" = 0 ] || die "the vault exited with status $status after SIGTERM"
grep -q "SIGTERM: shutting down" "$vault_log" || die "the vault did not log its shutdown"
grep -q '"code":"node_unavailable"' "$down_log" || die "the node-less vault logged no JSON refusal"

kill -0 "$node_pid" 2>/dev/null || die "the node died during the checks"
log "vault checks passed"

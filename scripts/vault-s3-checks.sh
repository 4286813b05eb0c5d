#!/usr/bin/env bash
# The records vault's S3 store, checked against a real three-node Garage cluster (no mocks):
# starts a throw-away dev node, the cluster (scripts/garage.sh: replication factor 3, one node
# per zone, SQLite metadata, all on loopback), a vault with `--store s3` on it and a second one
# whose node is a closed port, then runs
# - scripts/js/checks-vault/vault-e2e.mjs, the same end-to-end checks as scripts/vault-checks.sh,
#   looking into the bucket (signed S3 requests) where those look into the local directory;
# - scripts/js/checks-vault/shl.mjs, the SMART Health Link checks, looking into the bucket;
# - app/client/test/vault.integration.test.ts, the client library's full path through the vault,
#   and recovery.integration.test.ts, a patient's account recovered by friends and read from a
#   new phone through a proxy (proxied access logs);
# - scripts/js/checks-vault/vault-store-outage.mjs: records stored with all three Garage nodes
#   up, then one node (not the one the vault talks to) stopped: the stored records still read
#   back byte for byte, and a new upload is stored, anchored and read back (Garage needs two of
#   three copies for a read or a write). The vault is restarted (SIGTERM, clean exit) before
#   this with the default body limit, as these blobs span several Garage blocks.
# Stops everything on exit; on a failure prints the node's, the vaults' and Garage's logs.
#
# Needs the release node and vault (cargo build --release -p ruralmed-node -p ruralmed-vault);
# installs garage 2.5.0 into ~/.cache/ruralmed/tools on first use (scripts/garage.sh).
source "$(dirname "$0")/lib.sh"
source "$ROOT/scripts/garage.sh"

[ -x "$NODE_BIN" ] || die "no node at $NODE_BIN: run scripts/test.sh or build it first"
[ -x "$VAULT_BIN" ] || die "no vault at $VAULT_BIN: cargo build --release -p ruralmed-vault"
ensure_js
ensure_client
ensure_garage

started=$SECONDS
live_setup
LIVE_ON_EXIT+=(garage_stop_cluster)
LIVE_ON_FAILURE+=(garage_print_logs)
vault_port=$(free_port)
down_port=$(free_port)
closed_port=$(free_port) # nothing listens here: the second vault's "node"
max_body=65536
bucket=ruralmed-records

start_dev_node

log "starting a three-node Garage cluster in $workdir/garage"
garage_start_cluster "$workdir"
garage_create_bucket "$bucket"
store="s3:$GARAGE_S3_ENDPOINT/$GARAGE_S3_BUCKET"

wait_for_chain 3 1

log "starting the vault on port $vault_port and a vault without a node on port $down_port, both on $store"
start_vault vault "$vault_port" "http://127.0.0.1:$rpc_port" "${GARAGE_VAULT_ARGS[@]}" \
	--max-body-bytes "$max_body" --log-format text
vault_pid=$started_pid
start_vault vault-down "$down_port" "http://127.0.0.1:$closed_port" "${GARAGE_VAULT_ARGS[@]}" \
	--rpc-timeout-secs 2 --log-format json
wait_health "http://127.0.0.1:$vault_port" 200
wait_health "http://127.0.0.1:$down_port" 503

t0=$SECONDS
log "running the vault end-to-end checks on Garage"
(cd "$ROOT/scripts/js" && node checks-vault/vault-e2e.mjs "ws://127.0.0.1:$rpc_port" \
	"http://127.0.0.1:$vault_port" "http://127.0.0.1:$down_port" "$workdir/vault" "$max_body" "$store") \
	|| die "the vault end-to-end checks on Garage failed"
[ ! -e "$workdir/vault/blobs" ] || die "the s3 vault kept blobs in its data dir"
log "vault end-to-end checks on Garage passed in $((SECONDS - t0)) s"

t0=$SECONDS
log "running the SMART Health Link checks on Garage"
(cd "$ROOT/scripts/js" && node checks-vault/shl.mjs "ws://127.0.0.1:$rpc_port" \
	"http://127.0.0.1:$vault_port" "$store") \
	|| die "the SMART Health Link checks on Garage failed"
[ ! -e "$workdir/vault/shl" ] || die "the s3 vault kept SMART Health Links in its data dir"
log "SMART Health Link checks on Garage passed in $((SECONDS - t0)) s"

t0=$SECONDS
log "running the client library's vault and recovery integration tests on Garage"
build_client
(cd "$ROOT/app/client" && RURALMED_WS="ws://127.0.0.1:$rpc_port" RURALMED_VAULT_URL="http://127.0.0.1:$vault_port" \
		node --test dist/test/vault.integration.test.js dist/test/recovery.integration.test.js) \
	|| die "the client library's vault integration test on Garage failed"
log "client vault integration test on Garage passed in $((SECONDS - t0)) s"

t0=$SECONDS
# The outage check stores multi-block (1 MiB) blobs: the same vault again, on the same data dir
# and bucket, with the default body limit (16 MiB).
log "stopping the vault with SIGTERM; starting it again with the default body limit"
kill -TERM "$vault_pid"
wait "$vault_pid" && status=0 || status=$?
forget_pid "$vault_pid"
[ "$status" = 0 ] || die "the vault exited with status $status after SIGTERM"
vault_port=$(free_port)
start_vault vault "$vault_port" "http://127.0.0.1:$rpc_port" "${GARAGE_VAULT_ARGS[@]}" --log-format text
vault_pid=$started_pid
wait_health "http://127.0.0.1:$vault_port" 200
log "storing records with all three Garage nodes up"
(cd "$ROOT/scripts/js" && node checks-vault/vault-store-outage.mjs "ws://127.0.0.1:$rpc_port" \
	"http://127.0.0.1:$vault_port" "$store" prepare "$workdir/outage") \
	|| die "storing the records for the outage check failed"
log "stopping Garage node 3 (the vault talks to node 1)"
garage_stop_node 3
garage_expect_health degraded 2
(cd "$ROOT/scripts/js" && node checks-vault/vault-store-outage.mjs "ws://127.0.0.1:$rpc_port" \
	"http://127.0.0.1:$vault_port" "$store" verify "$workdir/outage") \
	|| die "the vault with one Garage node down failed"
log "one Garage node down: stored records read back and a new one written in $((SECONDS - t0)) s"

kill -0 "$node_pid" 2>/dev/null || die "the node died during the checks"
kill -0 "$vault_pid" 2>/dev/null || die "the vault died during the checks"
log "vault S3 checks on Garage passed in $((SECONDS - started)) s"

#!/usr/bin/env bash
# Performance benchmark of the records vault (not a test): starts a throw-away dev node, then for
# each store a vault beside it, and prints upload and authorised-fetch throughput and latency
# for 1 KB, 100 KB and 10 MB ciphertexts (scripts/js/checks-vault/vault-bench.mjs).
#
#   scripts/vault-bench.sh               # both stores, local first
#   scripts/vault-bench.sh local         # the local file store in a temp dir
#   scripts/vault-bench.sh garage        # a three-node Garage cluster on loopback (scripts/garage.sh)
#
# A fetch waits for the reader's log_access to be finalized, so its latency is mostly the
# chain's (6 s blocks, then GRANDPA); the benchmark also reports the part after finality and a
# plain read from the store without the vault.
#
# Needs the release node and vault: cargo build --release -p ruralmed-node -p ruralmed-vault
source "$(dirname "$0")/lib.sh"
source "$ROOT/scripts/garage.sh"

stores=("$@")
[ ${#stores[@]} -gt 0 ] || stores=(local garage)
for store in "${stores[@]}"; do
	case "$store" in
	local | garage) ;;
	*) die "unknown store $store: expected local or garage" ;;
	esac
done

[ -x "$NODE_BIN" ] || die "no node at $NODE_BIN: run scripts/test.sh or build it first"
[ -x "$VAULT_BIN" ] || die "no vault at $VAULT_BIN: cargo build --release -p ruralmed-vault"
ensure_js
case " ${stores[*]} " in *" garage "*) ensure_garage ;; esac

live_setup
LIVE_ON_EXIT+=(garage_stop_cluster)
LIVE_ON_FAILURE+=(garage_print_logs)

log "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)," \
	"$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
	"temp dir $workdir on $(df -h --output=source,fstype "$workdir" | tail -n 1 | tr -s ' ')"

start_dev_node
wait_for_chain 3 1

# Starts a vault with the extra flags given, waits for its health, benchmarks it against
# blob store $1 (as vault-bench.mjs names it), and stops it.
bench_vault() {
	local name=$1 blob_store=$2
	shift 2
	local vault_port started=$SECONDS
	vault_port=$(free_port)
	log "starting the vault (port $vault_port, $blob_store)"
	# Warnings only: the benchmark should not measure logging of every request.
	RUST_LOG=warn start_vault "vault-$name" "$vault_port" "http://127.0.0.1:$rpc_port" "$@"
	vault_pid=$started_pid
	wait_health "http://127.0.0.1:$vault_port" 200
	log "benchmarking the vault on $name"
	(cd "$ROOT/scripts/js" && node checks-vault/vault-bench.mjs "ws://127.0.0.1:$rpc_port" \
		"http://127.0.0.1:$vault_port" "$blob_store") || die "the benchmark on $name failed"
	stop_pid "$vault_pid"
	forget_pid "$vault_pid"
	log "the $name benchmark took $((SECONDS - started)) s"
}

for store in "${stores[@]}"; do
	case "$store" in
	local)
		bench_vault local "local:$workdir/vault-local"
		;;
	garage)
		# Garage logs every S3 request at info level; warnings only, as for the vault.
		GARAGE_RUST_LOG=garage=warn garage_start_cluster "$workdir"
		garage_create_bucket ruralmed-bench
		bench_vault garage "s3:$GARAGE_S3_ENDPOINT/$GARAGE_S3_BUCKET" "${GARAGE_VAULT_ARGS[@]}"
		garage_stop_cluster
		;;
	esac
done

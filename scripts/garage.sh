#!/usr/bin/env bash
# Garage, the S3-compatible object store the records vault can keep blobs in, for the checks
# and the benchmark: installs garage when missing and runs a throw-away three-node cluster on
# loopback. Sourced, not run (after lib.sh, or it sources lib.sh itself).
#
#   ensure_garage                    # installs garage $GARAGE_VERSION into $GARAGE_TOOLS if missing
#   garage_start_cluster DIR         # three nodes under DIR/garage, layout applied, healthy
#   garage_create_bucket BUCKET      # a bucket and a key that may read and write it; exports
#                                    # RURALMED_VAULT_S3_ACCESS_KEY_ID / _SECRET_ACCESS_KEY and
#                                    # sets GARAGE_VAULT_ARGS (the vault's --store s3 flags)
#   garage_cli N ARGS...             # the garage CLI against node N (1..3)
#   garage_cluster_health            # node 1's GetClusterHealth answer (admin API, JSON)
#   garage_expect_health STATUS N    # waits (30 s at most) for STATUS (healthy, degraded) with N
#                                    # nodes up, or dies
#   garage_stop_node N               # stops node N (SIGTERM), the others keep running
#   garage_stop_cluster              # stops every node still running
#   garage_print_logs                # the last lines of each node's log, to stderr
#
# The nodes are children of the shell that called garage_start_cluster: call it directly, not in
# a subshell or `$(...)`, and call garage_stop_cluster from that shell's EXIT trap.
#
# The cluster: replication factor 3 in three zones (one node each), so every block and every
# metadata entry has a copy on each node; reads and writes need two of three ("consistent"
# mode), so one node may be down. Metadata in SQLite (LMDB can be corrupted by a power loss),
# S3 region "garage", everything bound to 127.0.0.1 on free ports.
declare -F free_port >/dev/null || source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

GARAGE_VERSION=2.5.0
GARAGE_TOOLS="$TOOLS_DIR"
GARAGE_BIN="$GARAGE_TOOLS/bin/garage"
# Its own target dir: garage's dependencies would otherwise churn the project's.
GARAGE_TARGET_DIR="$HOME/.cache/ruralmed/garage-target"
GARAGE_REGION=garage

GARAGE_DIR=""
GARAGE_PIDS=()
GARAGE_CONFIGS=()
GARAGE_NODE_IDS=()
GARAGE_S3_ENDPOINT=""
GARAGE_S3_BUCKET=""
GARAGE_VAULT_ARGS=()

# The features the tests need: the SQLite metadata engine (db_engine = "sqlite") with its C
# library built in. The defaults add LMDB (a second C library), K2V and the Prometheus metrics
# (OpenTelemetry), which the tests do not use.
GARAGE_FEATURES="bundled-libs,sqlite"

# Whether $1 is garage $GARAGE_VERSION with exactly $GARAGE_FEATURES (`garage cargo:2.5.0
# [features: bundled-libs, sqlite]` when installed from crates.io).
garage_is_version() {
	"$1" --version 2>/dev/null | grep -Eq "^garage (v|cargo:)${GARAGE_VERSION//./\\.} \[features: ${GARAGE_FEATURES//,/, }\]"
}

# Installs garage $GARAGE_VERSION with cargo unless $GARAGE_BIN is already that version with
# those features: a build from crates.io with $GARAGE_FEATURES only, optimised at level 1 (a test
# fixture storing a few kilobytes: compiling it fast matters more on a new machine).
ensure_garage() {
	if [ -x "$GARAGE_BIN" ] && garage_is_version "$GARAGE_BIN"; then
		return 0
	fi
	command -v cargo >/dev/null || die "cargo is missing: install Rust with rustup first"
	local install_log="$HOME/.cache/ruralmed/garage-install.log"
	log "installing garage $GARAGE_VERSION ($GARAGE_FEATURES) into $GARAGE_TOOLS (log in $install_log)"
	mkdir -p "$GARAGE_TOOLS"
	CARGO_TARGET_DIR="$GARAGE_TARGET_DIR" CARGO_PROFILE_RELEASE_OPT_LEVEL=1 cargo install garage --version "=$GARAGE_VERSION" \
		--locked --no-default-features --features "$GARAGE_FEATURES" --force --root "$GARAGE_TOOLS" >"$install_log" 2>&1 \
		|| { tail -n 30 "$install_log" >&2; die "cargo install garage $GARAGE_VERSION failed"; }
	garage_is_version "$GARAGE_BIN" \
		|| die "$GARAGE_BIN is not garage $GARAGE_VERSION ($GARAGE_FEATURES) after installing it"
}

garage_cli() {
	local node=$1
	shift
	"$GARAGE_BIN" -c "${GARAGE_CONFIGS[$((node - 1))]}" "$@"
}

# Writes node N's configuration. $2: the bootstrap peer (`id@addr`), or empty.
garage_write_config() {
	local node=$1 peer=$2 rpc_port=$3 s3_port=$4 admin_port=$5 secret=$6 admin_token=$7
	local dir="$GARAGE_DIR/node$node" peers="[]"
	[ -n "$peer" ] && peers="[\"$peer\"]"
	mkdir -p "$dir/meta" "$dir/data"
	cat >"$dir/garage.toml" <<-EOF
		# Throw-away node $node of a three-node cluster on loopback (scripts/garage.sh).
		metadata_dir = "$dir/meta"
		data_dir = "$dir/data"
		db_engine = "sqlite"
		replication_factor = 3
		consistency_mode = "consistent"

		rpc_bind_addr = "127.0.0.1:$rpc_port"
		rpc_public_addr = "127.0.0.1:$rpc_port"
		rpc_secret = "$secret"
		bootstrap_peers = $peers

		[s3_api]
		api_bind_addr = "127.0.0.1:$s3_port"
		s3_region = "$GARAGE_REGION"

		[admin]
		api_bind_addr = "127.0.0.1:$admin_port"
		admin_token = "$admin_token"
	EOF
	GARAGE_CONFIGS[$((node - 1))]="$dir/garage.toml"
}

garage_start_node() {
	local node=$1
	RUST_LOG="${GARAGE_RUST_LOG:-garage=info}" "$GARAGE_BIN" -c "${GARAGE_CONFIGS[$((node - 1))]}" server \
		>"$GARAGE_DIR/node$node.log" 2>&1 &
	GARAGE_PIDS[$((node - 1))]=$!
}

# Waits until node N answers its CLI and records its full node id (`hex@127.0.0.1:port`).
garage_wait_node_id() {
	local node=$1 id=""
	for _ in $(seq 60); do
		kill -0 "${GARAGE_PIDS[$((node - 1))]}" 2>/dev/null || die "garage node $node exited (see $GARAGE_DIR/node$node.log)"
		id=$(garage_cli "$node" node id -q 2>/dev/null || true)
		if [[ "$id" =~ ^[0-9a-f]{64}@ ]]; then
			GARAGE_NODE_IDS[$((node - 1))]=$id
			return 0
		fi
		sleep 0.5
	done
	die "garage node $node did not answer within 30 s"
}

# Waits until `garage status` on node 1 lists all three nodes as healthy (at most $1 seconds).
# Nodes 2 and 3 bootstrap from node 1, but a first connection attempt that fails is retried
# only after a long back-off, so node 1 is also told every 5 s to connect to those it misses.
garage_wait_all_connected() {
	local seconds=$1 status="" missing=() node
	for round in $(seq $((seconds * 2))); do
		status=$(garage_cli 1 status 2>/dev/null || true)
		missing=()
		for node in 1 2 3; do
			# `garage status` lists healthy nodes first, by the first 16 hex digits of their id.
			printf '%s\n' "$status" | sed -n '/HEALTHY NODES/,/FAILED NODES/p' \
				| grep -q "^${GARAGE_NODE_IDS[$((node - 1))]:0:16}" || missing+=("$node")
		done
		[ ${#missing[@]} = 0 ] && return 0
		if [ $((round % 10)) = 1 ]; then
			for node in "${missing[@]}"; do
				[ "$node" = 1 ] && continue
				[ "$round" = 1 ] || log "garage: node $node has not joined yet; node 1 connects to it"
				garage_cli 1 node connect "${GARAGE_NODE_IDS[$((node - 1))]}" >/dev/null 2>&1 || true
			done
		fi
		sleep 0.5
	done
	printf '%s\n' "$status" >&2
	die "garage: nodes ${missing[*]} not connected to node 1 after $seconds s"
}

# Starts three nodes under $1/garage, joins them, assigns each to its own zone and applies the
# layout, then waits until every partition has all its copies reachable.
garage_start_cluster() {
	local started=$SECONDS
	[ -x "$GARAGE_BIN" ] || die "no garage at $GARAGE_BIN: call ensure_garage first"
	GARAGE_DIR="$1/garage"
	mkdir -p "$GARAGE_DIR"
	chmod 700 "$GARAGE_DIR"
	local secret admin_token
	secret=$(python3 -c 'import secrets; print(secrets.token_hex(32))')
	admin_token=$(python3 -c 'import secrets; print(secrets.token_hex(32))')
	local rpc_ports=() s3_ports=() admin_ports=() node
	for node in 1 2 3; do
		rpc_ports+=("$(free_port)")
		s3_ports+=("$(free_port)")
		admin_ports+=("$(free_port)")
	done
	GARAGE_ADMIN_TOKEN=$admin_token
	GARAGE_ADMIN_PORTS=("${admin_ports[@]}")

	# Node 1 first: the others bootstrap from its id, which it makes on its first start.
	garage_write_config 1 "" "${rpc_ports[0]}" "${s3_ports[0]}" "${admin_ports[0]}" "$secret" "$admin_token"
	garage_start_node 1
	garage_wait_node_id 1
	for node in 2 3; do
		garage_write_config "$node" "${GARAGE_NODE_IDS[0]}" "${rpc_ports[$((node - 1))]}" \
			"${s3_ports[$((node - 1))]}" "${admin_ports[$((node - 1))]}" "$secret" "$admin_token"
		garage_start_node "$node"
	done
	for node in 2 3; do
		garage_wait_node_id "$node"
	done
	garage_wait_all_connected 30

	local zones=(zone-a zone-b zone-c)
	for node in 1 2 3; do
		garage_cli 1 layout assign -z "${zones[$((node - 1))]}" -c 1GB "${GARAGE_NODE_IDS[$((node - 1))]%@*}" \
			>"$GARAGE_DIR/layout-assign-$node.txt" 2>&1 \
			|| { cat "$GARAGE_DIR/layout-assign-$node.txt" >&2; die "garage layout assign of node $node failed"; }
	done
	garage_cli 1 layout apply --version 1 >"$GARAGE_DIR/layout-apply.txt" 2>&1 \
		|| { cat "$GARAGE_DIR/layout-apply.txt" >&2; die "garage layout apply failed"; }
	garage_wait_cluster_healthy 60
	GARAGE_S3_ENDPOINT="http://127.0.0.1:${s3_ports[0]}"
	log "garage: three nodes up, layout applied, cluster healthy in $((SECONDS - started)) s (S3 $GARAGE_S3_ENDPOINT)"
}

# Node 1's answer to the admin API's GetClusterHealth (JSON).
garage_cluster_health() {
	curl -s -H "Authorization: Bearer $GARAGE_ADMIN_TOKEN" \
		"http://127.0.0.1:${GARAGE_ADMIN_PORTS[0]}/v2/GetClusterHealth"
}

# Whether node 1 reports the cluster as $1 (healthy, degraded, unavailable) with $2 storage
# nodes up and, unless $1 is unavailable, every partition with a quorum of its copies.
garage_health_is() {
	garage_cluster_health 2>/dev/null | python3 -c '
import json, sys
h = json.load(sys.stdin)
quorum = sys.argv[1] == "unavailable" or h["partitionsQuorum"] == h["partitions"]
sys.exit(0 if h["status"] == sys.argv[1] and h["storageNodesUp"] == int(sys.argv[2]) and quorum else 1)
' "$1" "$2" 2>/dev/null
}

# Waits until the cluster is healthy: every node up and every partition with all its copies
# reachable (at most $1 seconds).
garage_wait_cluster_healthy() {
	local seconds=$1
	for _ in $(seq $((seconds * 2))); do
		garage_health_is healthy 3 && return 0
		sleep 0.5
	done
	die "garage: the cluster is not healthy after $seconds s: $(garage_cluster_health || true)"
}

# Dies unless node 1 reports the cluster as $1 with $2 storage nodes up (after at most 30 s:
# a stopped node is noticed when its peers' pings fail).
garage_expect_health() {
	for _ in $(seq 60); do
		garage_health_is "$1" "$2" && { log "garage: $1, $2 of 3 nodes up: $(garage_cluster_health | tr -d ' \n')"; return 0; }
		sleep 0.5
	done
	die "garage: expected $1 with $2 nodes up, got $(garage_cluster_health || true)"
}

# Creates bucket $1 and a key that may read, write and own it, and sets what the vault needs.
garage_create_bucket() {
	local bucket=$1 key_info key_id secret
	garage_cli 1 bucket create "$bucket" >/dev/null || die "garage bucket create $bucket failed"
	key_info=$(garage_cli 1 key create "ruralmed-vault-$bucket") || die "garage key create failed"
	key_id=$(printf '%s\n' "$key_info" | sed -n 's/^Key ID: *\(GK[0-9a-f]*\)$/\1/p')
	secret=$(printf '%s\n' "$key_info" | sed -n 's/^Secret key: *\([0-9a-f]*\)$/\1/p')
	[ -n "$key_id" ] && [ -n "$secret" ] || { printf '%s\n' "$key_info" >&2; die "garage key create: no key id or secret in its answer"; }
	garage_cli 1 bucket allow --read --write --owner "$bucket" --key "$key_id" >/dev/null \
		|| die "garage bucket allow failed"
	export RURALMED_VAULT_S3_ACCESS_KEY_ID="$key_id"
	export RURALMED_VAULT_S3_SECRET_ACCESS_KEY="$secret"
	export RURALMED_VAULT_S3_REGION="$GARAGE_REGION"
	GARAGE_S3_BUCKET=$bucket
	GARAGE_VAULT_ARGS=(--store s3 --s3-endpoint "$GARAGE_S3_ENDPOINT" --s3-bucket "$bucket" --s3-region "$GARAGE_REGION")
}

garage_stop_node() {
	local node=$1 pid=${GARAGE_PIDS[$(($1 - 1))]:-}
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	fi
	GARAGE_PIDS[$((node - 1))]=""
}

garage_stop_cluster() {
	local node
	for node in 3 2 1; do
		[ "${#GARAGE_PIDS[@]}" -ge "$node" ] && garage_stop_node "$node"
	done
	return 0
}

garage_print_logs() {
	local node
	[ -n "$GARAGE_DIR" ] || return 0
	for node in 1 2 3; do
		printf '\n----- last 40 lines of garage node %s (%s) -----\n' "$node" "$GARAGE_DIR/node$node.log" >&2
		tail -n 40 "$GARAGE_DIR/node$node.log" >&2 2>/dev/null || true
	done
}

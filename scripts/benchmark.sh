#!/usr/bin/env bash
# Regenerates the runtime's weights on this machine, all from one run of the SDK's
# frame-omni-bencher against the runtime's WASM built with `runtime-benchmarks` (no node build):
# every pallet the runtime benchmarks (frame-system and its transaction extensions, balances,
# transaction payment, timestamp, utility, proxy, sudo, membership and the RuralMed pallets; not
# collective, see SDK below) and the block and extrinsic overhead.
#
#   scripts/benchmark.sh                     everything, 50 steps x 20 repeats
#   scripts/benchmark.sh pallet_registry     one pallet (or several; `overhead` for the overhead)
#   STEPS=2 REPEAT=1 scripts/benchmark.sh    a quick check that the benchmarks run
#   scripts/benchmark.sh storage             ParityDB's read and write costs (below)
#
# Outputs: RuralMed pallets -> pallets/NAME/src/weights.rs (scripts/weight-template.hbs, which
# also writes each pallet's WeightInfo trait); SDK pallets -> runtime/src/weights/NAME.rs (the
# bencher's own template); overhead -> runtime/src/weights/{block,extrinsic}_weights.rs.
# `storage`: builds the node with the benchmarking CLI (`--features runtime-benchmarks`; the
# binary in the target dir is then that node until the next normal build), starts a ParityDB
# database from a dev chain holding STORAGE_RECORDS synthetic records (default 1,000,000: about
# 2 million keys, a county's records for years) and runs `benchmark storage` on it: every key read,
# then every key written in batches, each cost the average per key, times 1.1. Output:
# runtime/src/weights/paritydb_weights.rs, which the runtime uses as its `DbWeight`.
source "$(dirname "$0")/lib.sh"

steps="${STEPS:-50}"
repeat="${REPEAT:-20}"
WEIGHTS_DIR="$ROOT/runtime/src/weights"
# RuralMed pallet -> crate directory
declare -A MEDICAL=(
	[pallet_registry]=registry
	[pallet_patient_records]=patient-records
	[pallet_consent]=consent
	[pallet_drug_provenance]=drug-provenance
	[pallet_emergency_supply]=emergency-supply
	[pallet_validator_set]=validator-set
	[pallet_statistics]=statistics
)
# pallet_collective is left out: its `close_approved` benchmark counts on the prime's default
# vote carrying the absent members (`PrimeDefaultVote`), which this council refuses (absent
# members vote nay: security review M15), so that benchmark cannot pass here; the collective
# keeps the SDK's reference weights (council-only calls, a few a week).
SDK=(frame_system frame_system_extensions pallet_balances pallet_transaction_payment pallet_timestamp
	pallet_utility pallet_proxy pallet_recovery pallet_sudo pallet_membership)
RUNTIME_WASM="$CARGO_TARGET_DIR/release/wbuild/ruralmed-runtime/ruralmed_runtime.compact.compressed.wasm"

# The WASM the benchmark build leaves has the benchmark host functions, and the WASM builder
# keeps an existing blob when it sees nothing to regenerate: the next normal node build could
# embed it (the node then refuses to start). Removed on the way out, so that build makes it anew.
forget_benchmark_wasm() { rm -f "$CARGO_TARGET_DIR/release/wbuild/ruralmed-runtime/"*.wasm; }

run_pallet() {
	local pallet=$1 output template=()
	if [ -n "${MEDICAL[$pallet]:-}" ]; then
		output="$ROOT/pallets/${MEDICAL[$pallet]}/src/weights.rs"
		template=(--template "$ROOT/scripts/weight-template.hbs")
	else
		output="$WEIGHTS_DIR/$pallet.rs"
	fi
	log "benchmarking $pallet ($steps steps, $repeat repeats)"
	local start=$SECONDS
	"$OMNI_BENCHER_BIN" v1 benchmark pallet \
		--runtime "$RUNTIME_WASM" \
		--genesis-builder runtime --genesis-builder-preset development \
		--pallet "$pallet" \
		--extrinsic '*' \
		--wasm-execution compiled \
		--steps "$steps" \
		--repeat "$repeat" \
		--heap-pages 4096 \
		"${template[@]}" \
		--output "$output"
	log "$pallet: $((SECONDS - start)) s"
}

run_overhead() {
	log "benchmarking the block and extrinsic overhead"
	local start=$SECONDS
	"$OMNI_BENCHER_BIN" v1 benchmark overhead \
		--runtime "$RUNTIME_WASM" \
		--genesis-builder runtime --genesis-builder-preset development \
		--weight-path "$WEIGHTS_DIR"
	# The generated files name sp-core and sp-weights, which the runtime reaches through
	# frame-support: the same items, without two more dependencies.
	sed -i 's/^use sp_core::parameter_types;/use frame_support::parameter_types;/; s/^use sp_weights::{/use frame_support::weights::{/; s/^\tuse sp_weights::constants;/\tuse frame_support::weights::constants;/' \
		"$WEIGHTS_DIR/block_weights.rs" "$WEIGHTS_DIR/extrinsic_weights.rs"
	log "overhead: $((SECONDS - start)) s"
}

run_storage() {
	local records=${STORAGE_RECORDS:-1000000} start=$SECONDS
	log "building the node with the benchmarking CLI"
	(cd "$ROOT" && cargo build --locked --release -p ruralmed-node --features runtime-benchmarks)
	storage_workdir=$(mktemp -d "${TMPDIR:-/tmp}/ruralmed-storage-bench.XXXXXX")
	trap 'rm -rf "$storage_workdir"; forget_benchmark_wasm' EXIT
	dev_spec_with_records "$records" "$storage_workdir/spec.json" \
		|| die "could not write a dev chain spec with $records records"
	log "benchmark storage: ParityDB, a dev chain with $records records"
	# Writes are timed in batches of 10,000 keys, about what a full block of record anchors
	# writes (the CLI's default, 100,000, amortises the commit over more than a block ever
	# holds); the average per key, with a tenth added for what one machine's run leaves out.
	"$NODE_BIN" benchmark storage \
		--chain "$storage_workdir/spec.json" \
		--base-path "$storage_workdir/db" \
		--database paritydb \
		--state-version 1 \
		--batch-size 10000 \
		--mul 1.1 \
		--weight-path "$WEIGHTS_DIR"
	local out="$WEIGHTS_DIR/paritydb_weights.rs"
	[ -f "$out" ] || die "benchmark storage wrote no paritydb_weights.rs"
	# As for the overhead: the same items through frame-support; paths without this
	# machine's directories; formatted as the rest of the tree.
	sed -i "s/^\tuse sp_core::parameter_types;/\tuse frame_support::parameter_types;/; s/^\tuse sp_weights::RuntimeDbWeight;/\tuse frame_support::weights::RuntimeDbWeight;/; s/^\t\tuse sp_weights::constants;/\t\tuse frame_support::weights::constants;/; s#$storage_workdir#<workdir>#g; s#$ROOT/##g; s#$CARGO_TARGET_DIR/release/##g" "$out"
	# The template documents the struct's fields inside an expression, where rustc warns that
	# doc comments do nothing (and clippy -D warnings fails): plain comments there.
	sed -i '/RuntimeDbWeight {$/,/^\t\t};$/ s#^\(\t*\)///#\1//#' "$out"
	# The template calls ParityDB experimental; it is this node's only database.
	sed -i 's#^\t\t/// `ParityDB` can be enabled with a feature flag, but is still experimental. These weights$#\t\t/// ParityDB is the node'"'"'s database (`--database paritydb`, the default here): its read and#; s#^\t\t/// are available for brave runtime engineers who may want to try this out as default.$#\t\t/// write costs as measured on this project'"'"'s machine.#' "$out"
	rustfmt --edition 2021 --config-path "$ROOT/rustfmt.toml" "$out"
	log "storage: $((SECONDS - start)) s; the binary is the benchmark node: rebuild the node (scripts/run-dev.sh or scripts/test.sh)"
}

if [ "${1:-}" = storage ]; then
	[ $# -eq 1 ] || die "storage runs alone: scripts/benchmark.sh storage"
	ensure_toolchain
	run_storage
	exit 0
fi

selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=("${SDK[@]}" "${!MEDICAL[@]}" overhead)
for name in "${selected[@]}"; do
	case " ${SDK[*]} ${!MEDICAL[*]} overhead " in
		*" $name "*) ;;
		*) die "unknown benchmark $name (known: ${SDK[*]} ${!MEDICAL[*]} overhead)" ;;
	esac
done

ensure_toolchain
ensure_omni_bencher
log "building the runtime's WASM with runtime benchmarks"
(cd "$ROOT" && cargo build --locked --release -p ruralmed-runtime --features runtime-benchmarks)
[ -f "$RUNTIME_WASM" ] || die "the runtime build left no WASM at $RUNTIME_WASM"
trap forget_benchmark_wasm EXIT

mkdir -p "$WEIGHTS_DIR"
total=$SECONDS
for name in "${selected[@]}"; do
	if [ "$name" = overhead ]; then run_overhead; else run_pallet "$name"; fi
done
log "weights written in $((SECONDS - total)) s; rebuild the node (scripts/run-dev.sh or scripts/test.sh) to use them"

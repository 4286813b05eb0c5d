#!/usr/bin/env bash
# Regenerates the runtime's weights on this machine, all from one run of the SDK's
# frame-omni-bencher against the runtime's WASM built with `runtime-benchmarks` (no node build):
# every pallet the runtime benchmarks (frame-system and its transaction extensions, balances,
# transaction payment, timestamp, utility, sudo, membership and the five RuralMed pallets; not
# collective, see SDK below) and the block and extrinsic overhead.
#
#   scripts/benchmark.sh                     everything, 50 steps x 20 repeats
#   scripts/benchmark.sh pallet_registry     one pallet (or several; `overhead` for the overhead)
#   STEPS=2 REPEAT=1 scripts/benchmark.sh    a quick check that the benchmarks run
#
# Outputs: RuralMed pallets -> pallets/NAME/src/weights.rs (scripts/weight-template.hbs, which
# also writes each pallet's WeightInfo trait); SDK pallets -> runtime/src/weights/NAME.rs (the
# bencher's own template); overhead -> runtime/src/weights/{block,extrinsic}_weights.rs.
# Storage is still costed with the SDK's ParityDB constants: `benchmark storage` needs the node
# built with the benchmarking CLI and a database with state, and has not been run here yet.
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
)
# pallet_collective is left out: its `close_approved` benchmark counts on the prime's default
# vote carrying the absent members (`PrimeDefaultVote`), which this council refuses (absent
# members vote nay: security review M15), so that benchmark cannot pass here; the collective
# keeps the SDK's reference weights (council-only calls, a few a week).
SDK=(frame_system frame_system_extensions pallet_balances pallet_transaction_payment pallet_timestamp
	pallet_utility pallet_sudo pallet_membership)
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

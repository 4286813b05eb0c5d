#!/usr/bin/env bash
# Regenerates every RuralMed pallet's weights.rs on this machine: builds the node with
# `--features runtime-benchmarks` and runs `benchmark pallet` for each pallet.
#
#   scripts/benchmark.sh                     all pallets, 50 steps x 20 repeats
#   scripts/benchmark.sh pallet_registry     one pallet
#   STEPS=2 REPEAT=1 scripts/benchmark.sh    a quick check that the benchmarks run
source "$(dirname "$0")/lib.sh"

steps="${STEPS:-50}"
repeat="${REPEAT:-20}"
# pallet name -> crate directory
declare -A PALLETS=(
	[pallet_registry]=registry
	[pallet_patient_records]=patient-records
	[pallet_consent]=consent
	[pallet_drug_provenance]=drug-provenance
	[pallet_emergency_supply]=emergency-supply
)
selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=("${!PALLETS[@]}")

ensure_toolchain
log "building the node with runtime benchmarks"
(cd "$ROOT" && cargo build --locked --release -p ruralmed-node --features runtime-benchmarks)

for pallet in "${selected[@]}"; do
	dir="${PALLETS[$pallet]:-}"
	[ -n "$dir" ] || die "unknown pallet $pallet (known: ${!PALLETS[*]})"
	log "benchmarking $pallet ($steps steps, $repeat repeats)"
	"$NODE_BIN" benchmark pallet \
		--chain dev \
		--pallet "$pallet" \
		--extrinsic '*' \
		--wasm-execution compiled \
		--steps "$steps" \
		--repeat "$repeat" \
		--heap-pages 4096 \
		--template "$ROOT/scripts/weight-template.hbs" \
		--output "$ROOT/pallets/$dir/src/weights.rs"
done
# The runtime WASM the benchmark node built has the benchmark host functions. The WASM builder
# keeps an existing compressed blob when it sees nothing to regenerate, so the next normal node
# build could embed this one (the node then refuses to start): remove it so that build makes it
# anew.
rm -f "$CARGO_TARGET_DIR/release/wbuild/ruralmed-runtime/"*.wasm
log "weights written; rebuild the node (scripts/run-dev.sh or scripts/test.sh) to use them"

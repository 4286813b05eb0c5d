
//! Weights for `pallet_statistics`, measured on this project's build machine.
//!
//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! (`ruralmed-node benchmark pallet`, run by `scripts/benchmark.sh`). Do not edit by hand.
//! DATE: 2026-12-04, STEPS: `50`, REPEAT: `20`
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//! WASM-EXECUTION: `Compiled`, CHAIN: `None`, DB CACHE: 1024

// Executed Command:
// /root/.cache/ruralmed/tools/bin/frame-omni-bencher
// v1
// benchmark
// pallet
// --runtime
// /root/.cache/ruralmed/target/release/wbuild/ruralmed-runtime/ruralmed_runtime.compact.compressed.wasm
// --genesis-builder
// runtime
// --genesis-builder-preset
// development
// --pallet
// pallet_statistics
// --extrinsic
// *
// --wasm-execution
// compiled
// --steps
// 50
// --repeat
// 20
// --heap-pages
// 4096
// --template
// /work/main/scripts/weight-template.hbs
// --output
// /work/main/pallets/statistics/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_statistics`.
pub trait WeightInfo {
	fn note_record_written() -> Weight;
	fn note_dispensed() -> Weight;
	fn note_count() -> Weight;
}

/// Weights for `pallet_statistics`, costing storage with the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Statistics::Counts` (r:9 w:9)
	/// Proof: `Statistics::Counts` (`max_values`: None, `max_size`: Some(53), added: 2528, mode: `MaxEncodedLen`)
	/// Storage: `Statistics::LastActive` (r:6 w:6)
	/// Proof: `Statistics::LastActive` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	fn note_record_written() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `584`
		//  Estimated: `23742`
		// Minimum execution time: 59_279_000 picoseconds.
		Weight::from_parts(61_893_000, 23742)
			.saturating_add(T::DbWeight::get().reads(16_u64))
			.saturating_add(T::DbWeight::get().writes(15_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Statistics::Counts` (r:6 w:6)
	/// Proof: `Statistics::Counts` (`max_values`: None, `max_size`: Some(53), added: 2528, mode: `MaxEncodedLen`)
	/// Storage: `Statistics::ProductDispensations` (r:3 w:3)
	/// Proof: `Statistics::ProductDispensations` (`max_values`: None, `max_size`: Some(74), added: 2549, mode: `MaxEncodedLen`)
	/// Storage: `Statistics::LastActive` (r:3 w:3)
	/// Proof: `Statistics::LastActive` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	fn note_dispensed() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `584`
		//  Estimated: `16158`
		// Minimum execution time: 49_124_000 picoseconds.
		Weight::from_parts(51_898_000, 16158)
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().writes(12_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Statistics::Counts` (r:3 w:3)
	/// Proof: `Statistics::Counts` (`max_values`: None, `max_size`: Some(53), added: 2528, mode: `MaxEncodedLen`)
	fn note_count() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `584`
		//  Estimated: `8574`
		// Minimum execution time: 16_826_000 picoseconds.
		Weight::from_parts(17_837_000, 8574)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
}

/// The same weights costed with ParityDB's weights, for tests and for runtimes without their own.
impl WeightInfo for () {
	fn note_record_written() -> Weight {
		Weight::from_parts(61_893_000, 23742)
			.saturating_add(ParityDbWeight::get().reads(16_u64))
			.saturating_add(ParityDbWeight::get().writes(15_u64))
	}
	fn note_dispensed() -> Weight {
		Weight::from_parts(51_898_000, 16158)
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().writes(12_u64))
	}
	fn note_count() -> Weight {
		Weight::from_parts(17_837_000, 8574)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
}

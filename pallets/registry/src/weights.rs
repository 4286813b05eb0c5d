
//! Weights for `pallet_registry`, measured on this project's build machine.
//!
//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! (`ruralmed-node benchmark pallet`, run by `scripts/benchmark.sh`). Do not edit by hand.
//! DATE: 2026-11-24, STEPS: `50`, REPEAT: `20`
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//! WASM-EXECUTION: `Compiled`, CHAIN: `Some("dev")`, DB CACHE: 1024

// Executed Command:
// /root/.cache/ruralmed/target/release/ruralmed-node
// benchmark
// pallet
// --chain
// dev
// --pallet
// pallet_registry
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
// /work/main/pallets/registry/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_registry`.
pub trait WeightInfo {
	fn apply_for_organisation() -> Weight;
	fn verify_organisation() -> Weight;
	fn suspend_organisation() -> Weight;
	fn close_organisation() -> Weight;
	fn reject_application() -> Weight;
	fn transfer_admin() -> Weight;
	fn add_practitioner() -> Weight;
	fn remove_practitioner() -> Weight;
	fn verify_licence() -> Weight;
	fn suspend_practitioner() -> Weight;
	fn revoke_licence() -> Weight;
	fn publish_encryption_key() -> Weight;
	fn release_licence() -> Weight;
}

/// Weights for `pallet_registry`, costing storage with the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Registry::NextOrganisationId` (r:1 w:1)
	/// Proof: `Registry::NextOrganisationId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:0 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	fn apply_for_organisation() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `202`
		//  Estimated: `3593`
		// Minimum execution time: 76_152_000 picoseconds.
		Weight::from_parts(129_431_000, 3593)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	fn verify_organisation() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `434`
		//  Estimated: `3705`
		// Minimum execution time: 20_749_000 picoseconds.
		Weight::from_parts(28_824_000, 3705)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	fn suspend_organisation() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `434`
		//  Estimated: `3705`
		// Minimum execution time: 20_718_000 picoseconds.
		Weight::from_parts(25_768_000, 3705)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	fn close_organisation() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `592`
		//  Estimated: `3705`
		// Minimum execution time: 67_717_000 picoseconds.
		Weight::from_parts(119_213_000, 3705)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	fn reject_application() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `592`
		//  Estimated: `3705`
		// Minimum execution time: 69_279_000 picoseconds.
		Weight::from_parts(110_215_000, 3705)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	fn transfer_admin() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `434`
		//  Estimated: `3705`
		// Minimum execution time: 21_090_000 picoseconds.
		Weight::from_parts(37_089_000, 3705)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:1)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	fn add_practitioner() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `946`
		//  Estimated: `3705`
		// Minimum execution time: 35_727_000 picoseconds.
		Weight::from_parts(58_980_000, 3705)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:1)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	fn remove_practitioner() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `951`
		//  Estimated: `3705`
		// Minimum execution time: 35_266_000 picoseconds.
		Weight::from_parts(50_354_000, 3705)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Registry::Practitioners` (r:1 w:1)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	fn verify_licence() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `375`
		//  Estimated: `3580`
		// Minimum execution time: 23_354_000 picoseconds.
		Weight::from_parts(36_328_000, 3580)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Registry::Practitioners` (r:1 w:1)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	fn suspend_practitioner() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `375`
		//  Estimated: `3580`
		// Minimum execution time: 23_774_000 picoseconds.
		Weight::from_parts(40_436_000, 3580)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Registry::Practitioners` (r:1 w:1)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	fn revoke_licence() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `375`
		//  Estimated: `3580`
		// Minimum execution time: 23_624_000 picoseconds.
		Weight::from_parts(44_192_000, 3580)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Registry::EncryptionKeys` (r:1 w:1)
	/// Proof: `Registry::EncryptionKeys` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Registry::RetiredKeys` (r:0 w:1)
	/// Proof: `Registry::RetiredKeys` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	fn publish_encryption_key() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `211`
		//  Estimated: `3553`
		// Minimum execution time: 25_077_000 picoseconds.
		Weight::from_parts(43_642_000, 3553)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Registry::LicenceOwners` (r:1 w:1)
	/// Proof: `Registry::LicenceOwners` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:1)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	fn release_licence() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `440`
		//  Estimated: `3580`
		// Minimum execution time: 27_000_000 picoseconds.
		Weight::from_parts(45_000_000, 3580)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// The same weights costed with ParityDB's weights, for tests and for runtimes without their own.
impl WeightInfo for () {
	fn apply_for_organisation() -> Weight {
		Weight::from_parts(129_431_000, 3593)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn verify_organisation() -> Weight {
		Weight::from_parts(28_824_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn suspend_organisation() -> Weight {
		Weight::from_parts(25_768_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn close_organisation() -> Weight {
		Weight::from_parts(119_213_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn reject_application() -> Weight {
		Weight::from_parts(110_215_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn transfer_admin() -> Weight {
		Weight::from_parts(37_089_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn add_practitioner() -> Weight {
		Weight::from_parts(58_980_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn remove_practitioner() -> Weight {
		Weight::from_parts(50_354_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn verify_licence() -> Weight {
		Weight::from_parts(36_328_000, 3580)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn suspend_practitioner() -> Weight {
		Weight::from_parts(40_436_000, 3580)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn revoke_licence() -> Weight {
		Weight::from_parts(44_192_000, 3580)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn publish_encryption_key() -> Weight {
		Weight::from_parts(43_642_000, 3553)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn release_licence() -> Weight {
		Weight::from_parts(45_000_000, 3580)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
}

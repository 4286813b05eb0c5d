
//! Weights for `pallet_registry`, measured on this project's build machine.
//!
//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! (`ruralmed-node benchmark pallet`, run by `scripts/benchmark.sh`). Do not edit by hand.
//! DATE: 2026-12-03, STEPS: `20`, REPEAT: `5`
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
// pallet_registry
// --extrinsic
// *
// --wasm-execution
// compiled
// --steps
// 20
// --repeat
// 5
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
	/// Storage: `Registry::OrganisationCount` (r:1 w:1)
	/// Proof: `Registry::OrganisationCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Registry::NextOrganisationId` (r:1 w:1)
	/// Proof: `Registry::NextOrganisationId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:0 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	fn apply_for_organisation() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `300`
		//  Estimated: `3658`
		// Minimum execution time: 46_200_000 picoseconds.
		Weight::from_parts(49_644_000, 3658)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	fn verify_organisation() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `538`
		//  Estimated: `3710`
		// Minimum execution time: 9_654_000 picoseconds.
		Weight::from_parts(10_636_000, 3710)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	fn suspend_organisation() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `542`
		//  Estimated: `3710`
		// Minimum execution time: 9_144_000 picoseconds.
		Weight::from_parts(9_935_000, 3710)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	fn close_organisation() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `700`
		//  Estimated: `3710`
		// Minimum execution time: 38_307_000 picoseconds.
		Weight::from_parts(40_802_000, 3710)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Registry::OrganisationCount` (r:1 w:1)
	/// Proof: `Registry::OrganisationCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn reject_application() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `757`
		//  Estimated: `3710`
		// Minimum execution time: 40_400_000 picoseconds.
		Weight::from_parts(43_095_000, 3710)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	fn transfer_admin() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `849`
		//  Estimated: `3710`
		// Minimum execution time: 13_871_000 picoseconds.
		Weight::from_parts(15_193_000, 3710)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:2 w:1)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Registry::LicenceOwners` (r:1 w:0)
	/// Proof: `Registry::LicenceOwners` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn add_practitioner() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1039`
		//  Estimated: `6170`
		// Minimum execution time: 21_031_000 picoseconds.
		Weight::from_parts(22_645_000, 6170)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:2 w:1)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	fn remove_practitioner() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1104`
		//  Estimated: `6170`
		// Minimum execution time: 19_660_000 picoseconds.
		Weight::from_parts(21_302_000, 6170)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Registry::Practitioners` (r:1 w:1)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Registry::LicenceOwners` (r:1 w:1)
	/// Proof: `Registry::LicenceOwners` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn verify_licence() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `554`
		//  Estimated: `3580`
		// Minimum execution time: 13_991_000 picoseconds.
		Weight::from_parts(15_323_000, 3580)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Registry::Practitioners` (r:1 w:1)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	fn suspend_practitioner() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `434`
		//  Estimated: `3580`
		// Minimum execution time: 10_756_000 picoseconds.
		Weight::from_parts(11_908_000, 3580)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Registry::Practitioners` (r:1 w:1)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	fn revoke_licence() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `434`
		//  Estimated: `3580`
		// Minimum execution time: 10_837_000 picoseconds.
		Weight::from_parts(11_908_000, 3580)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Registry::EncryptionKeys` (r:1 w:1)
	/// Proof: `Registry::EncryptionKeys` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Registry::RetiredKeys` (r:0 w:2)
	/// Proof: `Registry::RetiredKeys` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	fn publish_encryption_key() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `281`
		//  Estimated: `3553`
		// Minimum execution time: 13_401_000 picoseconds.
		Weight::from_parts(14_712_000, 3553)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Registry::LicenceOwners` (r:1 w:1)
	/// Proof: `Registry::LicenceOwners` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:1)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	fn release_licence() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `629`
		//  Estimated: `3580`
		// Minimum execution time: 14_532_000 picoseconds.
		Weight::from_parts(15_693_000, 3580)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// The same weights costed with ParityDB's weights, for tests and for runtimes without their own.
impl WeightInfo for () {
	fn apply_for_organisation() -> Weight {
		Weight::from_parts(49_644_000, 3658)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn verify_organisation() -> Weight {
		Weight::from_parts(10_636_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn suspend_organisation() -> Weight {
		Weight::from_parts(9_935_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn close_organisation() -> Weight {
		Weight::from_parts(40_802_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn reject_application() -> Weight {
		Weight::from_parts(43_095_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn transfer_admin() -> Weight {
		Weight::from_parts(15_193_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn add_practitioner() -> Weight {
		Weight::from_parts(22_645_000, 6170)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn remove_practitioner() -> Weight {
		Weight::from_parts(21_302_000, 6170)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn verify_licence() -> Weight {
		Weight::from_parts(15_323_000, 3580)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn suspend_practitioner() -> Weight {
		Weight::from_parts(11_908_000, 3580)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn revoke_licence() -> Weight {
		Weight::from_parts(11_908_000, 3580)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn publish_encryption_key() -> Weight {
		Weight::from_parts(14_712_000, 3553)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn release_licence() -> Weight {
		Weight::from_parts(15_693_000, 3580)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
}

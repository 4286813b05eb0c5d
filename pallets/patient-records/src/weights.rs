
//! Weights for `pallet_patient_records`, measured on this project's build machine.
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
// pallet_patient_records
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
// /work/main/pallets/patient-records/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_patient_records`.
pub trait WeightInfo {
	fn register_patient() -> Weight;
	fn register_patient_with_guardian() -> Weight;
	fn set_guardian() -> Weight;
	fn add_care_organisation() -> Weight;
	fn remove_care_organisation() -> Weight;
	fn anchor_record() -> Weight;
	fn anchor_self_reported_record() -> Weight;
	fn attach_key_share() -> Weight;
	fn remove_key_share() -> Weight;
	fn log_access() -> Weight;
}

/// Weights for `pallet_patient_records`, costing storage with the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	fn register_patient() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `131`
		//  Estimated: `3570`
		// Minimum execution time: 19_166_000 picoseconds.
		Weight::from_parts(31_760_000, 3570)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::CareOrganisations` (r:1 w:1)
	/// Proof: `PatientRecords::CareOrganisations` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn register_patient_with_guardian() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `904`
		//  Estimated: `3705`
		// Minimum execution time: 59_892_000 picoseconds.
		Weight::from_parts(97_341_000, 3705)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	fn set_guardian() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `210`
		//  Estimated: `3570`
		// Minimum execution time: 19_076_000 picoseconds.
		Weight::from_parts(25_728_000, 3570)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::CareOrganisations` (r:1 w:1)
	/// Proof: `PatientRecords::CareOrganisations` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn add_care_organisation() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `698`
		//  Estimated: `3705`
		// Minimum execution time: 40_876_000 picoseconds.
		Weight::from_parts(61_315_000, 3705)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::CareOrganisations` (r:1 w:1)
	/// Proof: `PatientRecords::CareOrganisations` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn remove_care_organisation() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `334`
		//  Estimated: `3570`
		// Minimum execution time: 33_563_000 picoseconds.
		Weight::from_parts(42_620_000, 3570)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:2 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1678), added: 4153, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::NextRecordId` (r:1 w:1)
	/// Proof: `PatientRecords::NextRecordId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Records` (r:1 w:2)
	/// Proof: `PatientRecords::Records` (`max_values`: None, `max_size`: Some(423), added: 2898, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::PatientRecordIndex` (r:0 w:1)
	/// Proof: `PatientRecords::PatientRecordIndex` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	fn anchor_record() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2735`
		//  Estimated: `9296`
		// Minimum execution time: 115_336_000 picoseconds.
		Weight::from_parts(162_444_000, 9296)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::NextRecordId` (r:1 w:1)
	/// Proof: `PatientRecords::NextRecordId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Records` (r:1 w:2)
	/// Proof: `PatientRecords::Records` (`max_values`: None, `max_size`: Some(423), added: 2898, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::PatientRecordIndex` (r:0 w:1)
	/// Proof: `PatientRecords::PatientRecordIndex` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	fn anchor_self_reported_record() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `743`
		//  Estimated: `3888`
		// Minimum execution time: 53_711_000 picoseconds.
		Weight::from_parts(63_989_000, 3888)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `PatientRecords::Records` (r:1 w:0)
	/// Proof: `PatientRecords::Records` (`max_values`: None, `max_size`: Some(423), added: 2898, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::KeyShares` (r:0 w:1)
	/// Proof: `PatientRecords::KeyShares` (`max_values`: None, `max_size`: Some(322), added: 2797, mode: `MaxEncodedLen`)
	fn attach_key_share() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `567`
		//  Estimated: `3888`
		// Minimum execution time: 26_138_000 picoseconds.
		Weight::from_parts(31_499_000, 3888)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `PatientRecords::Records` (r:1 w:0)
	/// Proof: `PatientRecords::Records` (`max_values`: None, `max_size`: Some(423), added: 2898, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::KeyShares` (r:1 w:1)
	/// Proof: `PatientRecords::KeyShares` (`max_values`: None, `max_size`: Some(322), added: 2797, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:0)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	fn remove_key_share() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1108`
		//  Estimated: `3888`
		// Minimum execution time: 57_538_000 picoseconds.
		Weight::from_parts(64_270_000, 3888)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `PatientRecords::Records` (r:1 w:0)
	/// Proof: `PatientRecords::Records` (`max_values`: None, `max_size`: Some(423), added: 2898, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:2 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1678), added: 4153, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	fn log_access() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2731`
		//  Estimated: `9296`
		// Minimum execution time: 78_126_000 picoseconds.
		Weight::from_parts(95_459_000, 9296)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same weights costed with ParityDB's weights, for tests and for runtimes without their own.
impl WeightInfo for () {
	fn register_patient() -> Weight {
		Weight::from_parts(31_760_000, 3570)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn register_patient_with_guardian() -> Weight {
		Weight::from_parts(97_341_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn set_guardian() -> Weight {
		Weight::from_parts(25_728_000, 3570)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn add_care_organisation() -> Weight {
		Weight::from_parts(61_315_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn remove_care_organisation() -> Weight {
		Weight::from_parts(42_620_000, 3570)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn anchor_record() -> Weight {
		Weight::from_parts(162_444_000, 9296)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn anchor_self_reported_record() -> Weight {
		Weight::from_parts(63_989_000, 3888)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn attach_key_share() -> Weight {
		Weight::from_parts(31_499_000, 3888)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn remove_key_share() -> Weight {
		Weight::from_parts(64_270_000, 3888)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn log_access() -> Weight {
		Weight::from_parts(95_459_000, 9296)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}

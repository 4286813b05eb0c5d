
//! Weights for `pallet_patient_records`, measured on this project's build machine.
//!
//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! (`ruralmed-node benchmark pallet`, run by `scripts/benchmark.sh`). Do not edit by hand.
//! DATE: 2026-12-04, STEPS: `20`, REPEAT: `5`
//! HOSTNAME: `vm`, CPU: `Intel(R) Xeon(R) Processor`
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
// pallet_patient_records
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
	fn accept_guardianship() -> Weight;
	fn withdraw_guardianship_proposal() -> Weight;
	fn set_guardian() -> Weight;
	fn add_care_organisation() -> Weight;
	fn remove_care_organisation() -> Weight;
	fn anchor_record(a: u32, ) -> Weight;
	fn anchor_self_reported_record(a: u32, ) -> Weight;
	fn attach_key_share() -> Weight;
	fn replace_key_share() -> Weight;
	fn remove_key_share() -> Weight;
	fn log_access() -> Weight;
	fn erase_record(s: u32, ) -> Weight;
	fn dispute_record() -> Weight;
	fn withdraw_dispute() -> Weight;
	fn register_patient_for() -> Weight;
	fn free_call() -> Weight;
}

/// Weights for `pallet_patient_records`, costing storage with the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::GuardianshipProposals` (r:1 w:1)
	/// Proof: `PatientRecords::GuardianshipProposals` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	fn register_patient() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `562`
		//  Estimated: `6362`
		// Minimum execution time: 93_737_000 picoseconds.
		Weight::from_parts(107_723_000, 6362)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:0)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::GuardianshipProposals` (r:1 w:1)
	/// Proof: `PatientRecords::GuardianshipProposals` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	fn register_patient_with_guardian() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1816`
		//  Estimated: `6362`
		// Minimum execution time: 114_155_000 picoseconds.
		Weight::from_parts(129_519_000, 6362)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `PatientRecords::GuardianshipProposals` (r:1 w:1)
	/// Proof: `PatientRecords::GuardianshipProposals` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::CareOrganisations` (r:1 w:1)
	/// Proof: `PatientRecords::CareOrganisations` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn accept_guardianship() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1057`
		//  Estimated: `3710`
		// Minimum execution time: 41_458_000 picoseconds.
		Weight::from_parts(51_381_000, 3710)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `PatientRecords::GuardianshipProposals` (r:1 w:1)
	/// Proof: `PatientRecords::GuardianshipProposals` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	fn withdraw_guardianship_proposal() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `507`
		//  Estimated: `3676`
		// Minimum execution time: 49_715_000 picoseconds.
		Weight::from_parts(57_121_000, 3676)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	fn set_guardian() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `297`
		//  Estimated: `3618`
		// Minimum execution time: 11_349_000 picoseconds.
		Weight::from_parts(14_840_000, 3618)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::CareOrganisations` (r:1 w:1)
	/// Proof: `PatientRecords::CareOrganisations` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn add_care_organisation() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1025`
		//  Estimated: `3710`
		// Minimum execution time: 30_306_000 picoseconds.
		Weight::from_parts(39_054_000, 3710)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::CareOrganisations` (r:1 w:1)
	/// Proof: `PatientRecords::CareOrganisations` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn remove_care_organisation() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `421`
		//  Estimated: `3618`
		// Minimum execution time: 24_077_000 picoseconds.
		Weight::from_parts(31_592_000, 3618)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:2 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:2 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1678), added: 4153, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::NextRecordId` (r:1 w:1)
	/// Proof: `PatientRecords::NextRecordId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Records` (r:1 w:2)
	/// Proof: `PatientRecords::Records` (`max_values`: None, `max_size`: Some(186), added: 2661, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Erasures` (r:1 w:0)
	/// Proof: `PatientRecords::Erasures` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::PatientRecordIndex` (r:0 w:1)
	/// Proof: `PatientRecords::PatientRecordIndex` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// The range of component `a` is `[0, 1]`.
	fn anchor_record(a: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2912 + a * (161 ±0)`
		//  Estimated: `9296 + a * (3651 ±0)`
		// Minimum execution time: 124_898_000 picoseconds.
		Weight::from_parts(153_176_071, 9296)
			// Standard Error: 500_685
			.saturating_add(Weight::from_parts(17_295_371, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 3651).saturating_mul(a.into()))
	}
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::NextRecordId` (r:1 w:1)
	/// Proof: `PatientRecords::NextRecordId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Records` (r:1 w:2)
	/// Proof: `PatientRecords::Records` (`max_values`: None, `max_size`: Some(186), added: 2661, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Erasures` (r:1 w:0)
	/// Proof: `PatientRecords::Erasures` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::PatientRecordIndex` (r:0 w:1)
	/// Proof: `PatientRecords::PatientRecordIndex` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// The range of component `a` is `[0, 1]`.
	fn anchor_self_reported_record(a: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1119 + a * (157 ±0)`
		//  Estimated: `3710 + a * (3651 ±0)`
		// Minimum execution time: 72_658_000 picoseconds.
		Weight::from_parts(91_885_323, 3710)
			// Standard Error: 310_623
			.saturating_add(Weight::from_parts(9_836_807, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 3651).saturating_mul(a.into()))
	}
	/// Storage: `PatientRecords::Records` (r:1 w:0)
	/// Proof: `PatientRecords::Records` (`max_values`: None, `max_size`: Some(186), added: 2661, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Erasures` (r:1 w:0)
	/// Proof: `PatientRecords::Erasures` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:0)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:10 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:26 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1678), added: 4153, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:24 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Consent::ReferralsTo` (r:2 w:0)
	/// Proof: `Consent::ReferralsTo` (`max_values`: None, `max_size`: Some(129), added: 2604, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Referrals` (r:8 w:0)
	/// Proof: `Consent::Referrals` (`max_values`: None, `max_size`: Some(395), added: 2870, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantLocations` (r:8 w:0)
	/// Proof: `Consent::GrantLocations` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::KeyShares` (r:1 w:1)
	/// Proof: `PatientRecords::KeyShares` (`max_values`: None, `max_size`: Some(370), added: 2845, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::KeyShareCount` (r:1 w:1)
	/// Proof: `PatientRecords::KeyShareCount` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	fn attach_key_share() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `19787`
		//  Estimated: `108968`
		// Minimum execution time: 574_332_000 picoseconds.
		Weight::from_parts(631_377_000, 108968)
			.saturating_add(T::DbWeight::get().reads(84_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `PatientRecords::Records` (r:1 w:0)
	/// Proof: `PatientRecords::Records` (`max_values`: None, `max_size`: Some(186), added: 2661, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Erasures` (r:1 w:0)
	/// Proof: `PatientRecords::Erasures` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:0)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:5 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:13 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1678), added: 4153, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:12 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Consent::ReferralsTo` (r:1 w:0)
	/// Proof: `Consent::ReferralsTo` (`max_values`: None, `max_size`: Some(129), added: 2604, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Referrals` (r:4 w:0)
	/// Proof: `Consent::Referrals` (`max_values`: None, `max_size`: Some(395), added: 2870, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantLocations` (r:4 w:0)
	/// Proof: `Consent::GrantLocations` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::KeyShares` (r:1 w:1)
	/// Proof: `PatientRecords::KeyShares` (`max_values`: None, `max_size`: Some(370), added: 2845, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	fn replace_key_share() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `11521`
		//  Estimated: `54979`
		// Minimum execution time: 341_072_000 picoseconds.
		Weight::from_parts(402_772_000, 54979)
			.saturating_add(T::DbWeight::get().reads(46_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `PatientRecords::Records` (r:1 w:0)
	/// Proof: `PatientRecords::Records` (`max_values`: None, `max_size`: Some(186), added: 2661, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::KeyShares` (r:1 w:1)
	/// Proof: `PatientRecords::KeyShares` (`max_values`: None, `max_size`: Some(370), added: 2845, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::KeyShareCount` (r:1 w:1)
	/// Proof: `PatientRecords::KeyShareCount` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	fn remove_key_share() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1980`
		//  Estimated: `3835`
		// Minimum execution time: 69_613_000 picoseconds.
		Weight::from_parts(83_051_000, 3835)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `PatientRecords::Records` (r:1 w:0)
	/// Proof: `PatientRecords::Records` (`max_values`: None, `max_size`: Some(186), added: 2661, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Erasures` (r:1 w:0)
	/// Proof: `PatientRecords::Erasures` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:5 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:13 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1678), added: 4153, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:12 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Consent::ReferralsTo` (r:1 w:0)
	/// Proof: `Consent::ReferralsTo` (`max_values`: None, `max_size`: Some(129), added: 2604, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Referrals` (r:4 w:0)
	/// Proof: `Consent::Referrals` (`max_values`: None, `max_size`: Some(395), added: 2870, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantLocations` (r:4 w:0)
	/// Proof: `Consent::GrantLocations` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::AccessLog` (r:0 w:1)
	/// Proof: `PatientRecords::AccessLog` (`max_values`: None, `max_size`: Some(127), added: 2602, mode: `MaxEncodedLen`)
	fn log_access() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `10484`
		//  Estimated: `54979`
		// Minimum execution time: 282_746_000 picoseconds.
		Weight::from_parts(327_437_000, 54979)
			.saturating_add(T::DbWeight::get().reads(42_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `PatientRecords::Records` (r:1 w:0)
	/// Proof: `PatientRecords::Records` (`max_values`: None, `max_size`: Some(186), added: 2661, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:0)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Erasures` (r:1 w:1)
	/// Proof: `PatientRecords::Erasures` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::KeyShares` (r:33 w:32)
	/// Proof: `PatientRecords::KeyShares` (`max_values`: None, `max_size`: Some(370), added: 2845, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:32 w:32)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:32 w:32)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::KeyShareCount` (r:0 w:1)
	/// Proof: `PatientRecords::KeyShareCount` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Disputes` (r:0 w:1)
	/// Proof: `PatientRecords::Disputes` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[0, 32]`.
	fn erase_record(s: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `759 + s * (521 ±0)`
		//  Estimated: `3835 + s * (2845 ±0)`
		// Minimum execution time: 32_029_000 picoseconds.
		Weight::from_parts(45_186_023, 3835)
			// Standard Error: 52_099
			.saturating_add(Weight::from_parts(43_647_197, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2845).saturating_mul(s.into()))
	}
	/// Storage: `PatientRecords::Records` (r:2 w:0)
	/// Proof: `PatientRecords::Records` (`max_values`: None, `max_size`: Some(186), added: 2661, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:0)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Erasures` (r:2 w:0)
	/// Proof: `PatientRecords::Erasures` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Disputes` (r:1 w:1)
	/// Proof: `PatientRecords::Disputes` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	fn dispute_record() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `728`
		//  Estimated: `6312`
		// Minimum execution time: 27_001_000 picoseconds.
		Weight::from_parts(33_442_000, 6312)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `PatientRecords::Records` (r:1 w:0)
	/// Proof: `PatientRecords::Records` (`max_values`: None, `max_size`: Some(186), added: 2661, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:0)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Disputes` (r:1 w:1)
	/// Proof: `PatientRecords::Disputes` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	fn withdraw_dispute() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `628`
		//  Estimated: `3651`
		// Minimum execution time: 19_976_000 picoseconds.
		Weight::from_parts(25_656_000, 3651)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::GuardianshipProposals` (r:1 w:1)
	/// Proof: `PatientRecords::GuardianshipProposals` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::CareOrganisations` (r:1 w:1)
	/// Proof: `PatientRecords::CareOrganisations` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn register_patient_for() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1922`
		//  Estimated: `6362`
		// Minimum execution time: 135_730_000 picoseconds.
		Weight::from_parts(154_191_000, 6362)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `PatientRecords::Patients` (r:1 w:0)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::FreeCallsUsed` (r:1 w:1)
	/// Proof: `PatientRecords::FreeCallsUsed` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn free_call() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `331`
		//  Estimated: `3618`
		// Minimum execution time: 11_826_000 picoseconds.
		Weight::from_parts(13_940_000, 3618)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same weights costed with ParityDB's weights, for tests and for runtimes without their own.
impl WeightInfo for () {
	fn register_patient() -> Weight {
		Weight::from_parts(107_723_000, 6362)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn register_patient_with_guardian() -> Weight {
		Weight::from_parts(129_519_000, 6362)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn accept_guardianship() -> Weight {
		Weight::from_parts(51_381_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn withdraw_guardianship_proposal() -> Weight {
		Weight::from_parts(57_121_000, 3676)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn set_guardian() -> Weight {
		Weight::from_parts(14_840_000, 3618)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn add_care_organisation() -> Weight {
		Weight::from_parts(39_054_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn remove_care_organisation() -> Weight {
		Weight::from_parts(31_592_000, 3618)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn anchor_record(a: u32, ) -> Weight {
		Weight::from_parts(153_176_071, 9296)
			.saturating_add(Weight::from_parts(17_295_371, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 3651).saturating_mul(a.into()))
	}
	fn anchor_self_reported_record(a: u32, ) -> Weight {
		Weight::from_parts(91_885_323, 3710)
			.saturating_add(Weight::from_parts(9_836_807, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 3651).saturating_mul(a.into()))
	}
	fn attach_key_share() -> Weight {
		Weight::from_parts(631_377_000, 108968)
			.saturating_add(ParityDbWeight::get().reads(84_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn replace_key_share() -> Weight {
		Weight::from_parts(402_772_000, 54979)
			.saturating_add(ParityDbWeight::get().reads(46_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn remove_key_share() -> Weight {
		Weight::from_parts(83_051_000, 3835)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn log_access() -> Weight {
		Weight::from_parts(327_437_000, 54979)
			.saturating_add(ParityDbWeight::get().reads(42_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn erase_record(s: u32, ) -> Weight {
		Weight::from_parts(45_186_023, 3835)
			.saturating_add(Weight::from_parts(43_647_197, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2845).saturating_mul(s.into()))
	}
	fn dispute_record() -> Weight {
		Weight::from_parts(33_442_000, 6312)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn withdraw_dispute() -> Weight {
		Weight::from_parts(25_656_000, 3651)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn register_patient_for() -> Weight {
		Weight::from_parts(154_191_000, 6362)
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn free_call() -> Weight {
		Weight::from_parts(13_940_000, 3618)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}

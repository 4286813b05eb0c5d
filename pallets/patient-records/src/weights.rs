
//! Weights for `pallet_patient_records`, measured on this project's build machine.
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
	fn anchor_record() -> Weight;
	fn anchor_self_reported_record() -> Weight;
	fn attach_key_share() -> Weight;
	fn remove_key_share() -> Weight;
	fn log_access() -> Weight;
	fn erase_record(s: u32, ) -> Weight;
	fn dispute_record() -> Weight;
	fn withdraw_dispute() -> Weight;
}

/// Weights for `pallet_patient_records`, costing storage with the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::GuardianshipProposals` (r:1 w:1)
	/// Proof: `PatientRecords::GuardianshipProposals` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	fn register_patient() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `665`
		//  Estimated: `6326`
		// Minimum execution time: 81_613_000 picoseconds.
		Weight::from_parts(87_502_000, 6326)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:0)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::GuardianshipProposals` (r:1 w:1)
	/// Proof: `PatientRecords::GuardianshipProposals` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	fn register_patient_with_guardian() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1915`
		//  Estimated: `6326`
		// Minimum execution time: 100_200_000 picoseconds.
		Weight::from_parts(107_261_000, 6326)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `PatientRecords::GuardianshipProposals` (r:1 w:1)
	/// Proof: `PatientRecords::GuardianshipProposals` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::CareOrganisations` (r:1 w:1)
	/// Proof: `PatientRecords::CareOrganisations` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn accept_guardianship() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1057`
		//  Estimated: `3710`
		// Minimum execution time: 29_284_000 picoseconds.
		Weight::from_parts(32_428_000, 3710)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `PatientRecords::GuardianshipProposals` (r:1 w:1)
	/// Proof: `PatientRecords::GuardianshipProposals` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	fn withdraw_guardianship_proposal() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `507`
		//  Estimated: `3658`
		// Minimum execution time: 41_623_000 picoseconds.
		Weight::from_parts(44_246_000, 3658)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	fn set_guardian() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `297`
		//  Estimated: `3618`
		// Minimum execution time: 8_924_000 picoseconds.
		Weight::from_parts(9_634_000, 3618)
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
		// Minimum execution time: 22_474_000 picoseconds.
		Weight::from_parts(24_506_000, 3710)
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
		// Minimum execution time: 17_637_000 picoseconds.
		Weight::from_parts(20_130_000, 3618)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
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
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::PatientRecordIndex` (r:0 w:1)
	/// Proof: `PatientRecords::PatientRecordIndex` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	fn anchor_record() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3200`
		//  Estimated: `9296`
		// Minimum execution time: 116_655_000 picoseconds.
		Weight::from_parts(124_457_000, 9296)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
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
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::PatientRecordIndex` (r:0 w:1)
	/// Proof: `PatientRecords::PatientRecordIndex` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	fn anchor_self_reported_record() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1421`
		//  Estimated: `3710`
		// Minimum execution time: 70_075_000 picoseconds.
		Weight::from_parts(75_463_000, 3710)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
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
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	fn attach_key_share() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `19927`
		//  Estimated: `108968`
		// Minimum execution time: 480_692_000 picoseconds.
		Weight::from_parts(502_856_000, 108968)
			.saturating_add(T::DbWeight::get().reads(85_u64))
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	fn remove_key_share() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1976`
		//  Estimated: `3835`
		// Minimum execution time: 59_749_000 picoseconds.
		Weight::from_parts(64_727_000, 3835)
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
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::AccessLog` (r:0 w:1)
	/// Proof: `PatientRecords::AccessLog` (`max_values`: None, `max_size`: Some(127), added: 2602, mode: `MaxEncodedLen`)
	fn log_access() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `10522`
		//  Estimated: `54979`
		// Minimum execution time: 236_605_000 picoseconds.
		Weight::from_parts(262_565_000, 54979)
			.saturating_add(T::DbWeight::get().reads(43_u64))
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::KeyShareCount` (r:0 w:1)
	/// Proof: `PatientRecords::KeyShareCount` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Disputes` (r:0 w:1)
	/// Proof: `PatientRecords::Disputes` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[0, 32]`.
	fn erase_record(s: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `799 + s * (522 ±0)`
		//  Estimated: `3835 + s * (2845 ±0)`
		// Minimum execution time: 26_089_000 picoseconds.
		Weight::from_parts(36_597_088, 3835)
			// Standard Error: 66_568
			.saturating_add(Weight::from_parts(39_939_250, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
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
		// Minimum execution time: 20_281_000 picoseconds.
		Weight::from_parts(24_016_000, 6312)
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
		// Minimum execution time: 15_484_000 picoseconds.
		Weight::from_parts(18_087_000, 3651)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same weights costed with ParityDB's weights, for tests and for runtimes without their own.
impl WeightInfo for () {
	fn register_patient() -> Weight {
		Weight::from_parts(87_502_000, 6326)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn register_patient_with_guardian() -> Weight {
		Weight::from_parts(107_261_000, 6326)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn accept_guardianship() -> Weight {
		Weight::from_parts(32_428_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn withdraw_guardianship_proposal() -> Weight {
		Weight::from_parts(44_246_000, 3658)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn set_guardian() -> Weight {
		Weight::from_parts(9_634_000, 3618)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn add_care_organisation() -> Weight {
		Weight::from_parts(24_506_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn remove_care_organisation() -> Weight {
		Weight::from_parts(20_130_000, 3618)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn anchor_record() -> Weight {
		Weight::from_parts(124_457_000, 9296)
			.saturating_add(ParityDbWeight::get().reads(11_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn anchor_self_reported_record() -> Weight {
		Weight::from_parts(75_463_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn attach_key_share() -> Weight {
		Weight::from_parts(502_856_000, 108968)
			.saturating_add(ParityDbWeight::get().reads(85_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn remove_key_share() -> Weight {
		Weight::from_parts(64_727_000, 3835)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn log_access() -> Weight {
		Weight::from_parts(262_565_000, 54979)
			.saturating_add(ParityDbWeight::get().reads(43_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn erase_record(s: u32, ) -> Weight {
		Weight::from_parts(36_597_088, 3835)
			.saturating_add(Weight::from_parts(39_939_250, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2845).saturating_mul(s.into()))
	}
	fn dispute_record() -> Weight {
		Weight::from_parts(24_016_000, 6312)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn withdraw_dispute() -> Weight {
		Weight::from_parts(18_087_000, 3651)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}


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
	fn accept_guardianship() -> Weight;
	fn withdraw_guardianship_proposal() -> Weight;
}

/// Weights for `pallet_patient_records`, costing storage with the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	fn register_patient() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `168`
		//  Estimated: `3570`
		// Minimum execution time: 21_720_000 picoseconds.
		Weight::from_parts(28_243_000, 3570)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::CareOrganisations` (r:1 w:1)
	/// Proof: `PatientRecords::CareOrganisations` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn register_patient_with_guardian() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1210`
		//  Estimated: `3710`
		// Minimum execution time: 67_416_000 picoseconds.
		Weight::from_parts(102_772_000, 3710)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	fn set_guardian() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `247`
		//  Estimated: `3570`
		// Minimum execution time: 20_679_000 picoseconds.
		Weight::from_parts(25_137_000, 3570)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::CareOrganisations` (r:1 w:1)
	/// Proof: `PatientRecords::CareOrganisations` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn add_care_organisation() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `975`
		//  Estimated: `3710`
		// Minimum execution time: 47_549_000 picoseconds.
		Weight::from_parts(69_109_000, 3710)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::CareOrganisations` (r:1 w:1)
	/// Proof: `PatientRecords::CareOrganisations` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn remove_care_organisation() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `371`
		//  Estimated: `3570`
		// Minimum execution time: 37_590_000 picoseconds.
		Weight::from_parts(42_269_000, 3570)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
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
		//  Measured:  `3207`
		//  Estimated: `9296`
		// Minimum execution time: 123_540_000 picoseconds.
		Weight::from_parts(137_988_000, 9296)
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
		//  Measured:  `780`
		//  Estimated: `3888`
		// Minimum execution time: 58_199_000 picoseconds.
		Weight::from_parts(66_404_000, 3888)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `PatientRecords::Records` (r:1 w:0)
	/// Proof: `PatientRecords::Records` (`max_values`: None, `max_size`: Some(423), added: 2898, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:0)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:9 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1678), added: 4153, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:8 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::KeyShares` (r:0 w:1)
	/// Proof: `PatientRecords::KeyShares` (`max_values`: None, `max_size`: Some(322), added: 2797, mode: `MaxEncodedLen`)
	fn attach_key_share() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6626`
		//  Estimated: `38367`
		// Minimum execution time: 205_443_000 picoseconds.
		Weight::from_parts(215_562_000, 38367)
			.saturating_add(T::DbWeight::get().reads(20_u64))
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
	/// Storage: `Consent::Grants` (r:9 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1678), added: 4153, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:8 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Consent::ReferralsTo` (r:1 w:0)
	/// Proof: `Consent::ReferralsTo` (`max_values`: None, `max_size`: Some(129), added: 2604, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Referrals` (r:4 w:0)
	/// Proof: `Consent::Referrals` (`max_values`: None, `max_size`: Some(395), added: 2870, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantLocations` (r:1 w:0)
	/// Proof: `Consent::GrantLocations` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Consent::LatestEmergency` (r:1 w:0)
	/// Proof: `Consent::LatestEmergency` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Consent::EmergencyAccesses` (r:1 w:0)
	/// Proof: `Consent::EmergencyAccesses` (`max_values`: None, `max_size`: Some(131), added: 2606, mode: `MaxEncodedLen`)
	fn remove_key_share() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `8651`
		//  Estimated: `38367`
		// Minimum execution time: 686_442_000 picoseconds.
		Weight::from_parts(711_980_000, 38367)
			.saturating_add(T::DbWeight::get().reads(29_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `PatientRecords::Records` (r:1 w:0)
	/// Proof: `PatientRecords::Records` (`max_values`: None, `max_size`: Some(423), added: 2898, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:9 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1678), added: 4153, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:8 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	fn log_access() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6626`
		//  Estimated: `38367`
		// Minimum execution time: 204_422_000 picoseconds.
		Weight::from_parts(215_803_000, 38367)
			.saturating_add(T::DbWeight::get().reads(20_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `PatientRecords::GuardianshipProposals` (r:1 w:1)
	/// Proof: `PatientRecords::GuardianshipProposals` (`max_values`: None, `max_size`: Some(117), added: 2592, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:1)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::CareOrganisations` (r:1 w:1)
	/// Proof: `PatientRecords::CareOrganisations` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn accept_guardianship() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1210`
		//  Estimated: `3710`
		// Minimum execution time: 80_000_000 picoseconds.
		Weight::from_parts(90_000_000, 3710)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `PatientRecords::GuardianshipProposals` (r:1 w:1)
	/// Proof: `PatientRecords::GuardianshipProposals` (`max_values`: None, `max_size`: Some(117), added: 2592, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	fn withdraw_guardianship_proposal() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `400`
		//  Estimated: `3582`
		// Minimum execution time: 40_000_000 picoseconds.
		Weight::from_parts(45_000_000, 3582)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// The same weights costed with ParityDB's weights, for tests and for runtimes without their own.
impl WeightInfo for () {
	fn register_patient() -> Weight {
		Weight::from_parts(28_243_000, 3570)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn register_patient_with_guardian() -> Weight {
		Weight::from_parts(102_772_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn set_guardian() -> Weight {
		Weight::from_parts(25_137_000, 3570)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn add_care_organisation() -> Weight {
		Weight::from_parts(69_109_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn remove_care_organisation() -> Weight {
		Weight::from_parts(42_269_000, 3570)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn anchor_record() -> Weight {
		Weight::from_parts(137_988_000, 9296)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn anchor_self_reported_record() -> Weight {
		Weight::from_parts(66_404_000, 3888)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn attach_key_share() -> Weight {
		Weight::from_parts(215_562_000, 38367)
			.saturating_add(ParityDbWeight::get().reads(20_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn remove_key_share() -> Weight {
		Weight::from_parts(711_980_000, 38367)
			.saturating_add(ParityDbWeight::get().reads(29_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn log_access() -> Weight {
		Weight::from_parts(215_803_000, 38367)
			.saturating_add(ParityDbWeight::get().reads(20_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn accept_guardianship() -> Weight {
		Weight::from_parts(90_000_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn withdraw_guardianship_proposal() -> Weight {
		Weight::from_parts(45_000_000, 3582)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
}

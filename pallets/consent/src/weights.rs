
//! Weights for `pallet_consent`, measured on this project's build machine.
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
// pallet_consent
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
// /work/main/pallets/consent/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_consent`.
pub trait WeightInfo {
	fn grant_consent() -> Weight;
	fn revoke_consent() -> Weight;
	fn prune_expired_grants(n: u32, ) -> Weight;
	fn refer() -> Weight;
	fn revoke_referral() -> Weight;
	fn prune_referral() -> Weight;
	fn open_emergency_access() -> Weight;
	fn review_emergency_access() -> Weight;
	fn escalate_unreviewed() -> Weight;
	fn resolve_emergency_access() -> Weight;
}

/// Weights for `pallet_consent`, costing storage with the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `PatientRecords::Patients` (r:1 w:0)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantCount` (r:1 w:1)
	/// Proof: `Consent::GrantCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Consent::NextGrantId` (r:1 w:1)
	/// Proof: `Consent::NextGrantId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:1 w:1)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1678), added: 4153, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantLocations` (r:0 w:1)
	/// Proof: `Consent::GrantLocations` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	fn grant_consent() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2187`
		//  Estimated: `5143`
		// Minimum execution time: 95_284_000 picoseconds.
		Weight::from_parts(117_814_000, 5143)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Consent::GrantLocations` (r:1 w:1)
	/// Proof: `Consent::GrantLocations` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:0)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:1 w:1)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1678), added: 4153, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantCount` (r:1 w:1)
	/// Proof: `Consent::GrantCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	fn revoke_consent() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1922`
		//  Estimated: `5143`
		// Minimum execution time: 71_110_000 picoseconds.
		Weight::from_parts(84_861_000, 5143)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Consent::Grants` (r:1 w:1)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1678), added: 4153, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantCount` (r:1 w:1)
	/// Proof: `Consent::GrantCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:4 w:4)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:4 w:4)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantLocations` (r:0 w:4)
	/// Proof: `Consent::GrantLocations` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 4]`.
	fn prune_expired_grants(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `500 + n * (574 ±0)`
		//  Estimated: `5143 + n * (2686 ±0)`
		// Minimum execution time: 59_620_000 picoseconds.
		Weight::from_parts(27_974_538, 5143)
			// Standard Error: 82_060
			.saturating_add(Weight::from_parts(42_875_857, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2686).saturating_mul(n.into()))
	}
	/// Storage: `Consent::GrantLocations` (r:5 w:0)
	/// Proof: `Consent::GrantLocations` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:6 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1678), added: 4153, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:2 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:2 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Consent::NextReferralId` (r:1 w:1)
	/// Proof: `Consent::NextReferralId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Consent::ReferralsTo` (r:1 w:1)
	/// Proof: `Consent::ReferralsTo` (`max_values`: None, `max_size`: Some(129), added: 2604, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Referrals` (r:4 w:5)
	/// Proof: `Consent::Referrals` (`max_values`: None, `max_size`: Some(395), added: 2870, mode: `MaxEncodedLen`)
	fn refer() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `5494`
		//  Estimated: `25908`
		// Minimum execution time: 129_549_000 picoseconds.
		Weight::from_parts(162_580_000, 25908)
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Consent::Referrals` (r:1 w:1)
	/// Proof: `Consent::Referrals` (`max_values`: None, `max_size`: Some(395), added: 2870, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:0)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `Consent::ReferralsTo` (r:1 w:1)
	/// Proof: `Consent::ReferralsTo` (`max_values`: None, `max_size`: Some(129), added: 2604, mode: `MaxEncodedLen`)
	fn revoke_referral() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `727`
		//  Estimated: `3860`
		// Minimum execution time: 27_193_000 picoseconds.
		Weight::from_parts(35_757_000, 3860)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Consent::Referrals` (r:1 w:1)
	/// Proof: `Consent::Referrals` (`max_values`: None, `max_size`: Some(395), added: 2870, mode: `MaxEncodedLen`)
	/// Storage: `Consent::ReferralsTo` (r:1 w:1)
	/// Proof: `Consent::ReferralsTo` (`max_values`: None, `max_size`: Some(129), added: 2604, mode: `MaxEncodedLen`)
	fn prune_referral() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `430`
		//  Estimated: `3860`
		// Minimum execution time: 19_172_000 picoseconds.
		Weight::from_parts(28_319_000, 3860)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:8 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:0)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:9 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(1678), added: 4153, mode: `MaxEncodedLen`)
	/// Storage: `Consent::LatestEmergency` (r:1 w:1)
	/// Proof: `Consent::LatestEmergency` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Consent::EmergencyAccesses` (r:1 w:1)
	/// Proof: `Consent::EmergencyAccesses` (`max_values`: None, `max_size`: Some(130), added: 2605, mode: `MaxEncodedLen`)
	/// Storage: `Consent::UnresolvedDisputes` (r:1 w:0)
	/// Proof: `Consent::UnresolvedDisputes` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Consent::EmergencyUsageOf` (r:1 w:1)
	/// Proof: `Consent::EmergencyUsageOf` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Consent::NextEmergencyId` (r:1 w:1)
	/// Proof: `Consent::NextEmergencyId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Consent::PatientEmergencyCount` (r:1 w:1)
	/// Proof: `Consent::PatientEmergencyCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Consent::PatientEmergencies` (r:0 w:1)
	/// Proof: `Consent::PatientEmergencies` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	fn open_emergency_access() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6555`
		//  Estimated: `38367`
		// Minimum execution time: 176_845_000 picoseconds.
		Weight::from_parts(214_453_000, 38367)
			.saturating_add(T::DbWeight::get().reads(25_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Consent::EmergencyAccesses` (r:1 w:1)
	/// Proof: `Consent::EmergencyAccesses` (`max_values`: None, `max_size`: Some(130), added: 2605, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Patients` (r:1 w:0)
	/// Proof: `PatientRecords::Patients` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Consent::UnresolvedDisputes` (r:1 w:1)
	/// Proof: `Consent::UnresolvedDisputes` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Escalated` (r:0 w:1)
	/// Proof: `Consent::Escalated` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	fn review_emergency_access() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1308`
		//  Estimated: `3710`
		// Minimum execution time: 36_588_000 picoseconds.
		Weight::from_parts(49_454_000, 3710)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Consent::EmergencyAccesses` (r:1 w:1)
	/// Proof: `Consent::EmergencyAccesses` (`max_values`: None, `max_size`: Some(130), added: 2605, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Escalated` (r:0 w:1)
	/// Proof: `Consent::Escalated` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	fn escalate_unreviewed() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `337`
		//  Estimated: `3595`
		// Minimum execution time: 15_379_000 picoseconds.
		Weight::from_parts(21_627_000, 3595)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Consent::EmergencyAccesses` (r:1 w:1)
	/// Proof: `Consent::EmergencyAccesses` (`max_values`: None, `max_size`: Some(130), added: 2605, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:1)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Consent::UnresolvedDisputes` (r:1 w:1)
	/// Proof: `Consent::UnresolvedDisputes` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Escalated` (r:0 w:1)
	/// Proof: `Consent::Escalated` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	fn resolve_emergency_access() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `930`
		//  Estimated: `3595`
		// Minimum execution time: 33_180_000 picoseconds.
		Weight::from_parts(42_659_000, 3595)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
}

/// The same weights costed with ParityDB's weights, for tests and for runtimes without their own.
impl WeightInfo for () {
	fn grant_consent() -> Weight {
		Weight::from_parts(117_814_000, 5143)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn revoke_consent() -> Weight {
		Weight::from_parts(84_861_000, 5143)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn prune_expired_grants(n: u32, ) -> Weight {
		Weight::from_parts(27_974_538, 5143)
			.saturating_add(Weight::from_parts(42_875_857, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2686).saturating_mul(n.into()))
	}
	fn refer() -> Weight {
		Weight::from_parts(162_580_000, 25908)
			.saturating_add(ParityDbWeight::get().reads(21_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn revoke_referral() -> Weight {
		Weight::from_parts(35_757_000, 3860)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn prune_referral() -> Weight {
		Weight::from_parts(28_319_000, 3860)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn open_emergency_access() -> Weight {
		Weight::from_parts(214_453_000, 38367)
			.saturating_add(ParityDbWeight::get().reads(25_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn review_emergency_access() -> Weight {
		Weight::from_parts(49_454_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn escalate_unreviewed() -> Weight {
		Weight::from_parts(21_627_000, 3595)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn resolve_emergency_access() -> Weight {
		Weight::from_parts(42_659_000, 3595)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
}


//! Weights for `pallet_emergency_supply`, measured on this project's build machine.
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
// pallet_emergency_supply
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
// /work/main/pallets/emergency-supply/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_emergency_supply`.
pub trait WeightInfo {
	fn declare_emergency() -> Weight;
	fn extend_emergency() -> Weight;
	fn close_emergency() -> Weight;
	fn file_need() -> Weight;
	fn pledge() -> Weight;
	fn confirm_receipt() -> Weight;
	fn cancel_pledge() -> Weight;
	fn void_pledge() -> Weight;
	fn set_pledge_warehouse() -> Weight;
	fn set_need_priority() -> Weight;
	fn redirect_allocation() -> Weight;
	fn allocate(n: u32, a: u32, ) -> Weight;
	fn allocate_round() -> Weight;
	fn allocate_queued_idle() -> Weight;
	fn allocate_queued_plan(n: u32, a: u32, ) -> Weight;
	fn allocate_queued_store(k: u32, ) -> Weight;
	fn allocate_queued_skip() -> Weight;
	fn dispatch() -> Weight;
	fn confirm_delivery() -> Weight;
	fn resolve_dispatch() -> Weight;
}

/// Weights for `pallet_emergency_supply`, costing storage with the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `EmergencySupply::NextEmergencyId` (r:1 w:1)
	/// Proof: `EmergencySupply::NextEmergencyId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::Emergencies` (r:0 w:1)
	/// Proof: `EmergencySupply::Emergencies` (`max_values`: None, `max_size`: Some(1281), added: 3756, mode: `MaxEncodedLen`)
	fn declare_emergency() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `82`
		//  Estimated: `1489`
		// Minimum execution time: 16_355_000 picoseconds.
		Weight::from_parts(18_207_000, 1489)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `EmergencySupply::Emergencies` (r:1 w:1)
	/// Proof: `EmergencySupply::Emergencies` (`max_values`: None, `max_size`: Some(1281), added: 3756, mode: `MaxEncodedLen`)
	fn extend_emergency() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1414`
		//  Estimated: `4746`
		// Minimum execution time: 16_304_000 picoseconds.
		Weight::from_parts(17_736_000, 4746)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `EmergencySupply::Emergencies` (r:1 w:1)
	/// Proof: `EmergencySupply::Emergencies` (`max_values`: None, `max_size`: Some(1281), added: 3756, mode: `MaxEncodedLen`)
	fn close_emergency() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1414`
		//  Estimated: `4746`
		// Minimum execution time: 16_175_000 picoseconds.
		Weight::from_parts(21_742_000, 4746)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `EmergencySupply::Emergencies` (r:1 w:0)
	/// Proof: `EmergencySupply::Emergencies` (`max_values`: None, `max_size`: Some(1281), added: 3756, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::RoundNeeds` (r:1 w:1)
	/// Proof: `EmergencySupply::RoundNeeds` (`max_values`: None, `max_size`: Some(5606), added: 8081, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::NextNeedId` (r:1 w:1)
	/// Proof: `EmergencySupply::NextNeedId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	fn file_need() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `7772`
		//  Estimated: `9071`
		// Minimum execution time: 42_134_000 picoseconds.
		Weight::from_parts(49_144_000, 9071)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `EmergencySupply::Emergencies` (r:1 w:1)
	/// Proof: `EmergencySupply::Emergencies` (`max_values`: None, `max_size`: Some(1281), added: 3756, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:3 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::DonorPledges` (r:1 w:1)
	/// Proof: `EmergencySupply::DonorPledges` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::NextDonationId` (r:1 w:1)
	/// Proof: `EmergencySupply::NextDonationId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::ItemTotals` (r:1 w:1)
	/// Proof: `EmergencySupply::ItemTotals` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::RegionTotals` (r:1 w:1)
	/// Proof: `EmergencySupply::RegionTotals` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::Donations` (r:0 w:1)
	/// Proof: `EmergencySupply::Donations` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::PledgeDeposits` (r:0 w:1)
	/// Proof: `EmergencySupply::PledgeDeposits` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	fn pledge() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3051`
		//  Estimated: `9150`
		// Minimum execution time: 101_523_000 picoseconds.
		Weight::from_parts(122_183_000, 9150)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `EmergencySupply::Donations` (r:1 w:1)
	/// Proof: `EmergencySupply::Donations` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::Emergencies` (r:1 w:0)
	/// Proof: `EmergencySupply::Emergencies` (`max_values`: None, `max_size`: Some(1281), added: 3756, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::Pools` (r:1 w:1)
	/// Proof: `EmergencySupply::Pools` (`max_values`: None, `max_size`: Some(8243), added: 10718, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::ItemTotals` (r:1 w:1)
	/// Proof: `EmergencySupply::ItemTotals` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::RegionTotals` (r:1 w:1)
	/// Proof: `EmergencySupply::RegionTotals` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::PledgeDeposits` (r:1 w:1)
	/// Proof: `EmergencySupply::PledgeDeposits` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::DonorPledges` (r:1 w:1)
	/// Proof: `EmergencySupply::DonorPledges` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn confirm_receipt() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `11227`
		//  Estimated: `11708`
		// Minimum execution time: 92_549_000 picoseconds.
		Weight::from_parts(112_268_000, 11708)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `EmergencySupply::Donations` (r:1 w:1)
	/// Proof: `EmergencySupply::Donations` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::ItemTotals` (r:1 w:1)
	/// Proof: `EmergencySupply::ItemTotals` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::RegionTotals` (r:1 w:1)
	/// Proof: `EmergencySupply::RegionTotals` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::Emergencies` (r:1 w:1)
	/// Proof: `EmergencySupply::Emergencies` (`max_values`: None, `max_size`: Some(1281), added: 3756, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::PledgeDeposits` (r:1 w:1)
	/// Proof: `EmergencySupply::PledgeDeposits` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::DonorPledges` (r:1 w:1)
	/// Proof: `EmergencySupply::DonorPledges` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn cancel_pledge() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2156`
		//  Estimated: `4746`
		// Minimum execution time: 73_491_000 picoseconds.
		Weight::from_parts(84_958_000, 4746)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `EmergencySupply::Donations` (r:1 w:1)
	/// Proof: `EmergencySupply::Donations` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::Pools` (r:1 w:1)
	/// Proof: `EmergencySupply::Pools` (`max_values`: None, `max_size`: Some(8243), added: 10718, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::ItemTotals` (r:1 w:1)
	/// Proof: `EmergencySupply::ItemTotals` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::RegionTotals` (r:1 w:1)
	/// Proof: `EmergencySupply::RegionTotals` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::Emergencies` (r:1 w:1)
	/// Proof: `EmergencySupply::Emergencies` (`max_values`: None, `max_size`: Some(1281), added: 3756, mode: `MaxEncodedLen`)
	fn void_pledge() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `10033`
		//  Estimated: `11708`
		// Minimum execution time: 54_863_000 picoseconds.
		Weight::from_parts(60_852_000, 11708)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `EmergencySupply::Donations` (r:1 w:1)
	/// Proof: `EmergencySupply::Donations` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	fn set_pledge_warehouse() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `863`
		//  Estimated: `3710`
		// Minimum execution time: 15_443_000 picoseconds.
		Weight::from_parts(18_678_000, 3710)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `EmergencySupply::Emergencies` (r:1 w:0)
	/// Proof: `EmergencySupply::Emergencies` (`max_values`: None, `max_size`: Some(1281), added: 3756, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::NextRoundToAllocate` (r:1 w:0)
	/// Proof: `EmergencySupply::NextRoundToAllocate` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::AllocatedRounds` (r:1 w:0)
	/// Proof: `EmergencySupply::AllocatedRounds` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::RoundNeeds` (r:1 w:1)
	/// Proof: `EmergencySupply::RoundNeeds` (`max_values`: None, `max_size`: Some(5606), added: 8081, mode: `MaxEncodedLen`)
	fn set_need_priority() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `7072`
		//  Estimated: `9071`
		// Minimum execution time: 28_342_000 picoseconds.
		Weight::from_parts(32_909_000, 9071)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `EmergencySupply::Allocations` (r:1 w:1)
	/// Proof: `EmergencySupply::Allocations` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::AllocatedRounds` (r:1 w:0)
	/// Proof: `EmergencySupply::AllocatedRounds` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:2 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	fn redirect_allocation() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1355`
		//  Estimated: `6430`
		// Minimum execution time: 26_690_000 picoseconds.
		Weight::from_parts(30_696_000, 6430)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `EmergencySupply::Emergencies` (r:1 w:0)
	/// Proof: `EmergencySupply::Emergencies` (`max_values`: None, `max_size`: Some(1281), added: 3756, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::NextRoundToAllocate` (r:1 w:1)
	/// Proof: `EmergencySupply::NextRoundToAllocate` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::AllocatedRounds` (r:1 w:1)
	/// Proof: `EmergencySupply::AllocatedRounds` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::RoundNeeds` (r:1 w:1)
	/// Proof: `EmergencySupply::RoundNeeds` (`max_values`: None, `max_size`: Some(5606), added: 8081, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::Pools` (r:68 w:68)
	/// Proof: `EmergencySupply::Pools` (`max_values`: None, `max_size`: Some(8243), added: 10718, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::NextAllocationId` (r:1 w:1)
	/// Proof: `EmergencySupply::NextAllocationId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::Donations` (r:512 w:512)
	/// Proof: `EmergencySupply::Donations` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::RecipientAllocationCount` (r:64 w:64)
	/// Proof: `EmergencySupply::RecipientAllocationCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::ItemTotals` (r:1 w:1)
	/// Proof: `EmergencySupply::ItemTotals` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::RegionTotals` (r:1 w:1)
	/// Proof: `EmergencySupply::RegionTotals` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::RecipientAllocations` (r:0 w:512)
	/// Proof: `EmergencySupply::RecipientAllocations` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::Allocations` (r:0 w:512)
	/// Proof: `EmergencySupply::Allocations` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::DonationAllocations` (r:0 w:512)
	/// Proof: `EmergencySupply::DonationAllocations` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 64]`.
	/// The range of component `a` is `[1, 512]`.
	fn allocate(n: u32, a: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1745 + a * (67 ±0) + n * (87 ±0)`
		//  Estimated: `43862 + a * (2596 ±0) + n * (10718 ±0)`
		// Minimum execution time: 697_428_000 picoseconds.
		Weight::from_parts(1_317_607_347, 43862)
			// Standard Error: 350_006
			.saturating_add(Weight::from_parts(11_411_710, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(77_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(79_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2596).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 10718).saturating_mul(n.into()))
	}
	/// Storage: `EmergencySupply::Emergencies` (r:1 w:0)
	/// Proof: `EmergencySupply::Emergencies` (`max_values`: None, `max_size`: Some(1281), added: 3756, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::RoundQueue` (r:1 w:1)
	/// Proof: `EmergencySupply::RoundQueue` (`max_values`: Some(1), `max_size`: Some(257), added: 752, mode: `MaxEncodedLen`)
	fn allocate_round() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1739`
		//  Estimated: `4746`
		// Minimum execution time: 18_177_000 picoseconds.
		Weight::from_parts(20_110_000, 4746)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `EmergencySupply::RoundQueue` (r:1 w:0)
	/// Proof: `EmergencySupply::RoundQueue` (`max_values`: Some(1), `max_size`: Some(257), added: 752, mode: `MaxEncodedLen`)
	fn allocate_queued_idle() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `82`
		//  Estimated: `1742`
		// Minimum execution time: 2_804_000 picoseconds.
		Weight::from_parts(3_084_000, 1742)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	/// Storage: `EmergencySupply::RoundQueue` (r:1 w:1)
	/// Proof: `EmergencySupply::RoundQueue` (`max_values`: Some(1), `max_size`: Some(257), added: 752, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::AllocationInProgress` (r:1 w:1)
	/// Proof: `EmergencySupply::AllocationInProgress` (`max_values`: Some(1), `max_size`: Some(67422), added: 67917, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::Emergencies` (r:1 w:0)
	/// Proof: `EmergencySupply::Emergencies` (`max_values`: None, `max_size`: Some(1281), added: 3756, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::NextRoundToAllocate` (r:1 w:1)
	/// Proof: `EmergencySupply::NextRoundToAllocate` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::AllocatedRounds` (r:1 w:1)
	/// Proof: `EmergencySupply::AllocatedRounds` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::RoundNeeds` (r:1 w:1)
	/// Proof: `EmergencySupply::RoundNeeds` (`max_values`: None, `max_size`: Some(5606), added: 8081, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::Pools` (r:68 w:68)
	/// Proof: `EmergencySupply::Pools` (`max_values`: None, `max_size`: Some(8243), added: 10718, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::NextAllocationId` (r:1 w:1)
	/// Proof: `EmergencySupply::NextAllocationId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::Donations` (r:512 w:512)
	/// Proof: `EmergencySupply::Donations` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::RecipientAllocationCount` (r:64 w:64)
	/// Proof: `EmergencySupply::RecipientAllocationCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::ItemTotals` (r:1 w:1)
	/// Proof: `EmergencySupply::ItemTotals` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::RegionTotals` (r:1 w:1)
	/// Proof: `EmergencySupply::RegionTotals` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 64]`.
	/// The range of component `a` is `[1, 512]`.
	fn allocate_queued_plan(n: u32, a: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1782 + a * (67 ±0) + n * (87 ±0)`
		//  Estimated: `68907 + a * (2596 ±0) + n * (10718 ±123)`
		// Minimum execution time: 669_496_000 picoseconds.
		Weight::from_parts(671_810_000, 68907)
			// Standard Error: 481_866
			.saturating_add(Weight::from_parts(4_988_665, 0).saturating_mul(n.into()))
			// Standard Error: 60_198
			.saturating_add(Weight::from_parts(4_720_127, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(79_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(78_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2596).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 10718).saturating_mul(n.into()))
	}
	/// Storage: `EmergencySupply::RoundQueue` (r:1 w:1)
	/// Proof: `EmergencySupply::RoundQueue` (`max_values`: Some(1), `max_size`: Some(257), added: 752, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::AllocationInProgress` (r:1 w:1)
	/// Proof: `EmergencySupply::AllocationInProgress` (`max_values`: Some(1), `max_size`: Some(67422), added: 67917, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::ItemTotals` (r:1 w:0)
	/// Proof: `EmergencySupply::ItemTotals` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::RecipientAllocations` (r:0 w:512)
	/// Proof: `EmergencySupply::RecipientAllocations` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::Allocations` (r:0 w:512)
	/// Proof: `EmergencySupply::Allocations` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::DonationAllocations` (r:0 w:512)
	/// Proof: `EmergencySupply::DonationAllocations` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// The range of component `k` is `[1, 512]`.
	fn allocate_queued_store(k: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `548 + k * (65 ±0)`
		//  Estimated: `68907`
		// Minimum execution time: 21_332_000 picoseconds.
		Weight::from_parts(6_107_986, 68907)
			// Standard Error: 25_060
			.saturating_add(Weight::from_parts(5_767_564, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(k.into())))
	}
	/// Storage: `EmergencySupply::RoundQueue` (r:1 w:1)
	/// Proof: `EmergencySupply::RoundQueue` (`max_values`: Some(1), `max_size`: Some(257), added: 752, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::AllocationInProgress` (r:1 w:0)
	/// Proof: `EmergencySupply::AllocationInProgress` (`max_values`: Some(1), `max_size`: Some(67422), added: 67917, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::Emergencies` (r:1 w:0)
	/// Proof: `EmergencySupply::Emergencies` (`max_values`: None, `max_size`: Some(1281), added: 3756, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::NextRoundToAllocate` (r:1 w:0)
	/// Proof: `EmergencySupply::NextRoundToAllocate` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::AllocatedRounds` (r:1 w:0)
	/// Proof: `EmergencySupply::AllocatedRounds` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::RoundNeeds` (r:1 w:0)
	/// Proof: `EmergencySupply::RoundNeeds` (`max_values`: None, `max_size`: Some(5606), added: 8081, mode: `MaxEncodedLen`)
	fn allocate_queued_skip() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1451`
		//  Estimated: `68907`
		// Minimum execution time: 26_550_000 picoseconds.
		Weight::from_parts(28_673_000, 68907)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `EmergencySupply::Allocations` (r:1 w:1)
	/// Proof: `EmergencySupply::Allocations` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::ItemTotals` (r:1 w:1)
	/// Proof: `EmergencySupply::ItemTotals` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::RegionTotals` (r:1 w:1)
	/// Proof: `EmergencySupply::RegionTotals` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::InTransit` (r:0 w:1)
	/// Proof: `EmergencySupply::InTransit` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::DispatchOrder` (r:0 w:1)
	/// Proof: `EmergencySupply::DispatchOrder` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn dispatch() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1575`
		//  Estimated: `3710`
		// Minimum execution time: 42_553_000 picoseconds.
		Weight::from_parts(45_478_000, 3710)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `EmergencySupply::Allocations` (r:1 w:1)
	/// Proof: `EmergencySupply::Allocations` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::ItemTotals` (r:1 w:1)
	/// Proof: `EmergencySupply::ItemTotals` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::RegionTotals` (r:1 w:1)
	/// Proof: `EmergencySupply::RegionTotals` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::InTransit` (r:0 w:1)
	/// Proof: `EmergencySupply::InTransit` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::DispatchOrder` (r:0 w:1)
	/// Proof: `EmergencySupply::DispatchOrder` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn confirm_delivery() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1542`
		//  Estimated: `3710`
		// Minimum execution time: 42_274_000 picoseconds.
		Weight::from_parts(45_629_000, 3710)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `EmergencySupply::Allocations` (r:1 w:1)
	/// Proof: `EmergencySupply::Allocations` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::ItemTotals` (r:1 w:1)
	/// Proof: `EmergencySupply::ItemTotals` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::RegionTotals` (r:1 w:1)
	/// Proof: `EmergencySupply::RegionTotals` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::InTransit` (r:0 w:1)
	/// Proof: `EmergencySupply::InTransit` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `EmergencySupply::DispatchOrder` (r:0 w:1)
	/// Proof: `EmergencySupply::DispatchOrder` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn resolve_dispatch() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `693`
		//  Estimated: `3549`
		// Minimum execution time: 26_930_000 picoseconds.
		Weight::from_parts(29_854_000, 3549)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
}

/// The same weights costed with ParityDB's weights, for tests and for runtimes without their own.
impl WeightInfo for () {
	fn declare_emergency() -> Weight {
		Weight::from_parts(18_207_000, 1489)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn extend_emergency() -> Weight {
		Weight::from_parts(17_736_000, 4746)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn close_emergency() -> Weight {
		Weight::from_parts(21_742_000, 4746)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn file_need() -> Weight {
		Weight::from_parts(49_144_000, 9071)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn pledge() -> Weight {
		Weight::from_parts(122_183_000, 9150)
			.saturating_add(ParityDbWeight::get().reads(11_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	fn confirm_receipt() -> Weight {
		Weight::from_parts(112_268_000, 11708)
			.saturating_add(ParityDbWeight::get().reads(11_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn cancel_pledge() -> Weight {
		Weight::from_parts(84_958_000, 4746)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn void_pledge() -> Weight {
		Weight::from_parts(60_852_000, 11708)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn set_pledge_warehouse() -> Weight {
		Weight::from_parts(18_678_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_need_priority() -> Weight {
		Weight::from_parts(32_909_000, 9071)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn redirect_allocation() -> Weight {
		Weight::from_parts(30_696_000, 6430)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn allocate(n: u32, a: u32, ) -> Weight {
		Weight::from_parts(1_317_607_347, 43862)
			.saturating_add(Weight::from_parts(11_411_710, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(77_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(79_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2596).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 10718).saturating_mul(n.into()))
	}
	fn allocate_round() -> Weight {
		Weight::from_parts(20_110_000, 4746)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn allocate_queued_idle() -> Weight {
		Weight::from_parts(3_084_000, 1742)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
	}
	fn allocate_queued_plan(n: u32, a: u32, ) -> Weight {
		Weight::from_parts(671_810_000, 68907)
			.saturating_add(Weight::from_parts(4_988_665, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(4_720_127, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(79_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(78_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2596).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 10718).saturating_mul(n.into()))
	}
	fn allocate_queued_store(k: u32, ) -> Weight {
		Weight::from_parts(6_107_986, 68907)
			.saturating_add(Weight::from_parts(5_767_564, 0).saturating_mul(k.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(k.into())))
	}
	fn allocate_queued_skip() -> Weight {
		Weight::from_parts(28_673_000, 68907)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn dispatch() -> Weight {
		Weight::from_parts(45_478_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn confirm_delivery() -> Weight {
		Weight::from_parts(45_629_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn resolve_dispatch() -> Weight {
		Weight::from_parts(29_854_000, 3549)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
}


//! Weights for `pallet_drug_provenance`, measured on this project's build machine.
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
// pallet_drug_provenance
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
// /work/main/pallets/drug-provenance/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_drug_provenance`.
pub trait WeightInfo {
	fn register_product() -> Weight;
	fn commission_lot() -> Weight;
	fn commission_serials(n: u32, ) -> Weight;
	fn ship(n: u32, ) -> Weight;
	fn receive_shipment(n: u32, ) -> Weight;
	fn record_excursion() -> Weight;
	fn dispense(n: u32, ) -> Weight;
	fn recall_lot() -> Weight;
	fn flag_suspect() -> Weight;
	fn clear_suspect() -> Weight;
	fn confirm_illegitimate() -> Weight;
	fn return_to_manufacturer(n: u32, ) -> Weight;
	fn destroy_stock(n: u32, ) -> Weight;
	fn assign_company_prefix() -> Weight;
	fn remove_company_prefix() -> Weight;
	fn reassign_product() -> Weight;
	fn retire_product() -> Weight;
	fn clear_holding_suspicion() -> Weight;
	fn cancel_shipment(n: u32, ) -> Weight;
}

/// Weights for `pallet_drug_provenance`, costing storage with the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::PrefixOwners` (r:6 w:0)
	/// Proof: `DrugProvenance::PrefixOwners` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Products` (r:1 w:1)
	/// Proof: `DrugProvenance::Products` (`max_values`: None, `max_size`: Some(143), added: 2618, mode: `MaxEncodedLen`)
	fn register_product() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1483`
		//  Estimated: `16032`
		// Minimum execution time: 38_998_000 picoseconds.
		Weight::from_parts(41_763_000, 16032)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `DrugProvenance::Products` (r:1 w:1)
	/// Proof: `DrugProvenance::Products` (`max_values`: None, `max_size`: Some(143), added: 2618, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::RetiredProducts` (r:1 w:0)
	/// Proof: `DrugProvenance::RetiredProducts` (`max_values`: None, `max_size`: Some(34), added: 2509, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::LotIds` (r:1 w:1)
	/// Proof: `DrugProvenance::LotIds` (`max_values`: None, `max_size`: Some(75), added: 2550, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::NextLotId` (r:1 w:1)
	/// Proof: `DrugProvenance::NextLotId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Holdings` (r:1 w:1)
	/// Proof: `DrugProvenance::Holdings` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Lots` (r:0 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CustodyEvents` (r:0 w:1)
	/// Proof: `DrugProvenance::CustodyEvents` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	fn commission_lot() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1531`
		//  Estimated: `3710`
		// Minimum execution time: 50_586_000 picoseconds.
		Weight::from_parts(54_381_000, 3710)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Packs` (r:100 w:100)
	/// Proof: `DrugProvenance::Packs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Holdings` (r:1 w:1)
	/// Proof: `DrugProvenance::Holdings` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CustodyEvents` (r:0 w:1)
	/// Proof: `DrugProvenance::CustodyEvents` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 100]`.
	fn commission_serials(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1466`
		//  Estimated: `3710 + n * (2543 ±0)`
		// Minimum execution time: 42_674_000 picoseconds.
		Weight::from_parts(41_629_821, 3710)
			// Standard Error: 2_101
			.saturating_add(Weight::from_parts(4_162_527, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	/// Storage: `Registry::Organisations` (r:2 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::SuspectHoldings` (r:1 w:1)
	/// Proof: `DrugProvenance::SuspectHoldings` (`max_values`: None, `max_size`: Some(29), added: 2504, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Packs` (r:100 w:100)
	/// Proof: `DrugProvenance::Packs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Holdings` (r:1 w:1)
	/// Proof: `DrugProvenance::Holdings` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::NextShipmentId` (r:1 w:1)
	/// Proof: `DrugProvenance::NextShipmentId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CustodyEvents` (r:0 w:1)
	/// Proof: `DrugProvenance::CustodyEvents` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Shipments` (r:0 w:1)
	/// Proof: `DrugProvenance::Shipments` (`max_values`: None, `max_size`: Some(2156), added: 4631, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 100]`.
	fn ship(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1890 + n * (48 ±0)`
		//  Estimated: `6430 + n * (2543 ±0)`
		// Minimum execution time: 54_562_000 picoseconds.
		Weight::from_parts(58_813_873, 6430)
			// Standard Error: 8_581
			.saturating_add(Weight::from_parts(6_786_123, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	/// Storage: `DrugProvenance::Shipments` (r:1 w:1)
	/// Proof: `DrugProvenance::Shipments` (`max_values`: None, `max_size`: Some(2156), added: 4631, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Holdings` (r:1 w:1)
	/// Proof: `DrugProvenance::Holdings` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Packs` (r:100 w:100)
	/// Proof: `DrugProvenance::Packs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CustodyEvents` (r:0 w:1)
	/// Proof: `DrugProvenance::CustodyEvents` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 100]`.
	fn receive_shipment(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1647 + n * (73 ±0)`
		//  Estimated: `5621 + n * (2543 ±0)`
		// Minimum execution time: 45_889_000 picoseconds.
		Weight::from_parts(39_974_352, 5621)
			// Standard Error: 7_200
			.saturating_add(Weight::from_parts(5_387_599, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Holdings` (r:1 w:0)
	/// Proof: `DrugProvenance::Holdings` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Products` (r:1 w:0)
	/// Proof: `DrugProvenance::Products` (`max_values`: None, `max_size`: Some(143), added: 2618, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CustodyEvents` (r:0 w:1)
	/// Proof: `DrugProvenance::CustodyEvents` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	fn record_excursion() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1830`
		//  Estimated: `3710`
		// Minimum execution time: 43_586_000 picoseconds.
		Weight::from_parts(47_922_000, 3710)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::SuspectHoldings` (r:1 w:1)
	/// Proof: `DrugProvenance::SuspectHoldings` (`max_values`: None, `max_size`: Some(29), added: 2504, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Packs` (r:100 w:100)
	/// Proof: `DrugProvenance::Packs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Holdings` (r:1 w:1)
	/// Proof: `DrugProvenance::Holdings` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::NextDispensationId` (r:1 w:1)
	/// Proof: `DrugProvenance::NextDispensationId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CustodyEvents` (r:0 w:1)
	/// Proof: `DrugProvenance::CustodyEvents` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Dispensations` (r:0 w:1)
	/// Proof: `DrugProvenance::Dispensations` (`max_values`: None, `max_size`: Some(2171), added: 4646, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::LotDispensations` (r:0 w:1)
	/// Proof: `DrugProvenance::LotDispensations` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 100]`.
	fn dispense(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1649 + n * (48 ±0)`
		//  Estimated: `3710 + n * (2543 ±0)`
		// Minimum execution time: 58_047_000 picoseconds.
		Weight::from_parts(58_445_028, 3710)
			// Standard Error: 8_765
			.saturating_add(Weight::from_parts(6_967_872, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CustodyEvents` (r:0 w:1)
	/// Proof: `DrugProvenance::CustodyEvents` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	fn recall_lot() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1334`
		//  Estimated: `3710`
		// Minimum execution time: 33_900_000 picoseconds.
		Weight::from_parts(39_158_000, 3710)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Holdings` (r:1 w:0)
	/// Proof: `DrugProvenance::Holdings` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::SuspectHoldings` (r:1 w:1)
	/// Proof: `DrugProvenance::SuspectHoldings` (`max_values`: None, `max_size`: Some(29), added: 2504, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CustodyEvents` (r:0 w:1)
	/// Proof: `DrugProvenance::CustodyEvents` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	fn flag_suspect() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1635`
		//  Estimated: `3710`
		// Minimum execution time: 42_554_000 picoseconds.
		Weight::from_parts(47_622_000, 3710)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Packs` (r:1 w:1)
	/// Proof: `DrugProvenance::Packs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CustodyEvents` (r:0 w:1)
	/// Proof: `DrugProvenance::CustodyEvents` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	fn clear_suspect() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1519`
		//  Estimated: `3710`
		// Minimum execution time: 38_528_000 picoseconds.
		Weight::from_parts(45_568_000, 3710)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Packs` (r:1 w:1)
	/// Proof: `DrugProvenance::Packs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CustodyEvents` (r:0 w:1)
	/// Proof: `DrugProvenance::CustodyEvents` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	fn confirm_illegitimate() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1519`
		//  Estimated: `3710`
		// Minimum execution time: 40_100_000 picoseconds.
		Weight::from_parts(45_038_000, 3710)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Packs` (r:100 w:100)
	/// Proof: `DrugProvenance::Packs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Holdings` (r:1 w:1)
	/// Proof: `DrugProvenance::Holdings` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::NextShipmentId` (r:1 w:1)
	/// Proof: `DrugProvenance::NextShipmentId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::SuspectHoldings` (r:0 w:1)
	/// Proof: `DrugProvenance::SuspectHoldings` (`max_values`: None, `max_size`: Some(29), added: 2504, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CustodyEvents` (r:0 w:1)
	/// Proof: `DrugProvenance::CustodyEvents` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Shipments` (r:0 w:1)
	/// Proof: `DrugProvenance::Shipments` (`max_values`: None, `max_size`: Some(2156), added: 4631, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 100]`.
	fn return_to_manufacturer(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1680 + n * (48 ±0)`
		//  Estimated: `3710 + n * (2543 ±0)`
		// Minimum execution time: 49_825_000 picoseconds.
		Weight::from_parts(57_538_249, 3710)
			// Standard Error: 12_717
			.saturating_add(Weight::from_parts(6_714_109, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Packs` (r:100 w:100)
	/// Proof: `DrugProvenance::Packs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Holdings` (r:1 w:1)
	/// Proof: `DrugProvenance::Holdings` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::SuspectHoldings` (r:0 w:1)
	/// Proof: `DrugProvenance::SuspectHoldings` (`max_values`: None, `max_size`: Some(29), added: 2504, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CustodyEvents` (r:0 w:1)
	/// Proof: `DrugProvenance::CustodyEvents` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 100]`.
	fn destroy_stock(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1649 + n * (48 ±0)`
		//  Estimated: `3710 + n * (2543 ±0)`
		// Minimum execution time: 45_699_000 picoseconds.
		Weight::from_parts(47_625_313, 3710)
			// Standard Error: 8_207
			.saturating_add(Weight::from_parts(6_505_999, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::PrefixOwners` (r:1 w:1)
	/// Proof: `DrugProvenance::PrefixOwners` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CompanyPrefixes` (r:1 w:1)
	/// Proof: `DrugProvenance::CompanyPrefixes` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	fn assign_company_prefix() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1272`
		//  Estimated: `3710`
		// Minimum execution time: 20_361_000 picoseconds.
		Weight::from_parts(22_164_000, 3710)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `DrugProvenance::PrefixOwners` (r:1 w:1)
	/// Proof: `DrugProvenance::PrefixOwners` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CompanyPrefixes` (r:1 w:1)
	/// Proof: `DrugProvenance::CompanyPrefixes` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	fn remove_company_prefix() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `771`
		//  Estimated: `3574`
		// Minimum execution time: 15_564_000 picoseconds.
		Weight::from_parts(17_346_000, 3574)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `DrugProvenance::Products` (r:1 w:1)
	/// Proof: `DrugProvenance::Products` (`max_values`: None, `max_size`: Some(143), added: 2618, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	fn reassign_product() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1065`
		//  Estimated: `3710`
		// Minimum execution time: 15_233_000 picoseconds.
		Weight::from_parts(16_825_000, 3710)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `DrugProvenance::Products` (r:1 w:0)
	/// Proof: `DrugProvenance::Products` (`max_values`: None, `max_size`: Some(143), added: 2618, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::RetiredProducts` (r:1 w:1)
	/// Proof: `DrugProvenance::RetiredProducts` (`max_values`: None, `max_size`: Some(34), added: 2509, mode: `MaxEncodedLen`)
	fn retire_product() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `407`
		//  Estimated: `3608`
		// Minimum execution time: 11_036_000 picoseconds.
		Weight::from_parts(12_068_000, 3608)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:2 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::SuspectHoldings` (r:1 w:1)
	/// Proof: `DrugProvenance::SuspectHoldings` (`max_values`: None, `max_size`: Some(29), added: 2504, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Holdings` (r:1 w:0)
	/// Proof: `DrugProvenance::Holdings` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CustodyEvents` (r:0 w:1)
	/// Proof: `DrugProvenance::CustodyEvents` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	fn clear_holding_suspicion() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1893`
		//  Estimated: `6430`
		// Minimum execution time: 43_505_000 picoseconds.
		Weight::from_parts(47_471_000, 6430)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `DrugProvenance::Shipments` (r:1 w:1)
	/// Proof: `DrugProvenance::Shipments` (`max_values`: None, `max_size`: Some(2156), added: 4631, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:2 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(245), added: 2720, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Holdings` (r:1 w:1)
	/// Proof: `DrugProvenance::Holdings` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Packs` (r:100 w:100)
	/// Proof: `DrugProvenance::Packs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CustodyEvents` (r:0 w:1)
	/// Proof: `DrugProvenance::CustodyEvents` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 100]`.
	fn cancel_shipment(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1661 + n * (73 ±0)`
		//  Estimated: `6430 + n * (2543 ±0)`
		// Minimum execution time: 46_940_000 picoseconds.
		Weight::from_parts(50_576_614, 6430)
			// Standard Error: 4_836
			.saturating_add(Weight::from_parts(4_439_439, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
}

/// The same weights costed with ParityDB's weights, for tests and for runtimes without their own.
impl WeightInfo for () {
	fn register_product() -> Weight {
		Weight::from_parts(41_763_000, 16032)
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn commission_lot() -> Weight {
		Weight::from_parts(54_381_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn commission_serials(n: u32, ) -> Weight {
		Weight::from_parts(41_629_821, 3710)
			.saturating_add(Weight::from_parts(4_162_527, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	fn ship(n: u32, ) -> Weight {
		Weight::from_parts(58_813_873, 6430)
			.saturating_add(Weight::from_parts(6_786_123, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	fn receive_shipment(n: u32, ) -> Weight {
		Weight::from_parts(39_974_352, 5621)
			.saturating_add(Weight::from_parts(5_387_599, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	fn record_excursion() -> Weight {
		Weight::from_parts(47_922_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn dispense(n: u32, ) -> Weight {
		Weight::from_parts(58_445_028, 3710)
			.saturating_add(Weight::from_parts(6_967_872, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	fn recall_lot() -> Weight {
		Weight::from_parts(39_158_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn flag_suspect() -> Weight {
		Weight::from_parts(47_622_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn clear_suspect() -> Weight {
		Weight::from_parts(45_568_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn confirm_illegitimate() -> Weight {
		Weight::from_parts(45_038_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn return_to_manufacturer(n: u32, ) -> Weight {
		Weight::from_parts(57_538_249, 3710)
			.saturating_add(Weight::from_parts(6_714_109, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	fn destroy_stock(n: u32, ) -> Weight {
		Weight::from_parts(47_625_313, 3710)
			.saturating_add(Weight::from_parts(6_505_999, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	fn assign_company_prefix() -> Weight {
		Weight::from_parts(22_164_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn remove_company_prefix() -> Weight {
		Weight::from_parts(17_346_000, 3574)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn reassign_product() -> Weight {
		Weight::from_parts(16_825_000, 3710)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn retire_product() -> Weight {
		Weight::from_parts(12_068_000, 3608)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn clear_holding_suspicion() -> Weight {
		Weight::from_parts(47_471_000, 6430)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn cancel_shipment(n: u32, ) -> Weight {
		Weight::from_parts(50_576_614, 6430)
			.saturating_add(Weight::from_parts(4_439_439, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
}

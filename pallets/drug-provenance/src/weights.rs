
//! Weights for `pallet_drug_provenance`, measured on this project's build machine.
//!
//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! (`ruralmed-node benchmark pallet`, run by `scripts/benchmark.sh`). Do not edit by hand.
//! DATE: 2026-11-24, STEPS: `25`, REPEAT: `10`
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//! WASM-EXECUTION: `Compiled`, CHAIN: `Some("dev")`, DB CACHE: 1024

// Executed Command:
// /root/.cache/ruralmed/target/release/ruralmed-node
// benchmark
// pallet
// --chain
// dev
// --pallet
// pallet_drug_provenance
// --extrinsic
// *
// --wasm-execution
// compiled
// --steps
// 25
// --repeat
// 10
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
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Products` (r:1 w:1)
	/// Proof: `DrugProvenance::Products` (`max_values`: None, `max_size`: Some(143), added: 2618, mode: `MaxEncodedLen`)
	fn register_product() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1129`
		//  Estimated: `3705`
		// Minimum execution time: 48_150_000 picoseconds.
		Weight::from_parts(77_344_000, 3705)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `DrugProvenance::Products` (r:1 w:1)
	/// Proof: `DrugProvenance::Products` (`max_values`: None, `max_size`: Some(143), added: 2618, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
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
		//  Measured:  `1429`
		//  Estimated: `3705`
		// Minimum execution time: 94_817_000 picoseconds.
		Weight::from_parts(146_043_000, 3705)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
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
		//  Measured:  `1364`
		//  Estimated: `3705 + n * (2543 ±0)`
		// Minimum execution time: 83_907_000 picoseconds.
		Weight::from_parts(97_449_362, 3705)
			// Standard Error: 31_450
			.saturating_add(Weight::from_parts(6_648_569, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	/// Storage: `Registry::Organisations` (r:2 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
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
		//  Measured:  `1782 + n * (48 ±0)`
		//  Estimated: `6420 + n * (2543 ±0)`
		// Minimum execution time: 93_084_000 picoseconds.
		Weight::from_parts(115_342_563, 6420)
			// Standard Error: 60_476
			.saturating_add(Weight::from_parts(10_697_336, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	/// Storage: `DrugProvenance::Shipments` (r:1 w:1)
	/// Proof: `DrugProvenance::Shipments` (`max_values`: None, `max_size`: Some(2156), added: 4631, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
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
		//  Measured:  `1543 + n * (73 ±0)`
		//  Estimated: `5621 + n * (2543 ±0)`
		// Minimum execution time: 86_362_000 picoseconds.
		Weight::from_parts(93_323_777, 5621)
			// Standard Error: 57_018
			.saturating_add(Weight::from_parts(8_724_784, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
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
		//  Measured:  `1728`
		//  Estimated: `3705`
		// Minimum execution time: 85_750_000 picoseconds.
		Weight::from_parts(100_448_000, 3705)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `PatientRecords::Records` (r:1 w:0)
	/// Proof: `PatientRecords::Records` (`max_values`: None, `max_size`: Some(423), added: 2898, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Packs` (r:100 w:100)
	/// Proof: `DrugProvenance::Packs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Holdings` (r:1 w:1)
	/// Proof: `DrugProvenance::Holdings` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::NextDispensationId` (r:1 w:1)
	/// Proof: `DrugProvenance::NextDispensationId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CustodyEvents` (r:0 w:1)
	/// Proof: `DrugProvenance::CustodyEvents` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Dispensations` (r:0 w:1)
	/// Proof: `DrugProvenance::Dispensations` (`max_values`: None, `max_size`: Some(2179), added: 4654, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::LotDispensations` (r:0 w:1)
	/// Proof: `DrugProvenance::LotDispensations` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 100]`.
	fn dispense(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1897 + n * (48 ±0)`
		//  Estimated: `3888 + n * (2543 ±0)`
		// Minimum execution time: 104_265_000 picoseconds.
		Weight::from_parts(106_785_237, 3888)
			// Standard Error: 121_557
			.saturating_add(Weight::from_parts(12_134_029, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CustodyEvents` (r:0 w:1)
	/// Proof: `DrugProvenance::CustodyEvents` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	fn recall_lot() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1307`
		//  Estimated: `3705`
		// Minimum execution time: 67_857_000 picoseconds.
		Weight::from_parts(85_189_000, 3705)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Packs` (r:1 w:1)
	/// Proof: `DrugProvenance::Packs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CustodyEvents` (r:0 w:1)
	/// Proof: `DrugProvenance::CustodyEvents` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	fn flag_suspect() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1487`
		//  Estimated: `3705`
		// Minimum execution time: 79_778_000 picoseconds.
		Weight::from_parts(90_529_000, 3705)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
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
		//  Measured:  `1492`
		//  Estimated: `3705`
		// Minimum execution time: 78_316_000 picoseconds.
		Weight::from_parts(88_806_000, 3705)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
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
		//  Measured:  `1492`
		//  Estimated: `3705`
		// Minimum execution time: 79_098_000 picoseconds.
		Weight::from_parts(93_315_000, 3705)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Practitioners` (r:1 w:0)
	/// Proof: `Registry::Practitioners` (`max_values`: None, `max_size`: Some(115), added: 2590, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Packs` (r:100 w:100)
	/// Proof: `DrugProvenance::Packs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Holdings` (r:1 w:1)
	/// Proof: `DrugProvenance::Holdings` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::NextShipmentId` (r:1 w:1)
	/// Proof: `DrugProvenance::NextShipmentId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CustodyEvents` (r:0 w:1)
	/// Proof: `DrugProvenance::CustodyEvents` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::Shipments` (r:0 w:1)
	/// Proof: `DrugProvenance::Shipments` (`max_values`: None, `max_size`: Some(2156), added: 4631, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 100]`.
	fn return_to_manufacturer(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1577 + n * (48 ±0)`
		//  Estimated: `3705 + n * (2543 ±0)`
		// Minimum execution time: 90_469_000 picoseconds.
		Weight::from_parts(156_430_030, 3705)
			// Standard Error: 131_893
			.saturating_add(Weight::from_parts(11_757_920, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
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
	/// Storage: `DrugProvenance::CustodyEvents` (r:0 w:1)
	/// Proof: `DrugProvenance::CustodyEvents` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 100]`.
	fn destroy_stock(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1546 + n * (48 ±0)`
		//  Estimated: `3705 + n * (2543 ±0)`
		// Minimum execution time: 81_603_000 picoseconds.
		Weight::from_parts(48_364_279, 3705)
			// Standard Error: 104_205
			.saturating_add(Weight::from_parts(12_245_984, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::PrefixOwners` (r:1 w:1)
	/// Proof: `DrugProvenance::PrefixOwners` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CompanyPrefixes` (r:1 w:1)
	/// Proof: `DrugProvenance::CompanyPrefixes` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	fn assign_company_prefix() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1012`
		//  Estimated: `3705`
		// Minimum execution time: 40_000_000 picoseconds.
		Weight::from_parts(45_000_000, 3705)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `DrugProvenance::PrefixOwners` (r:1 w:1)
	/// Proof: `DrugProvenance::PrefixOwners` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::CompanyPrefixes` (r:1 w:1)
	/// Proof: `DrugProvenance::CompanyPrefixes` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	fn remove_company_prefix() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `400`
		//  Estimated: `3574`
		// Minimum execution time: 35_000_000 picoseconds.
		Weight::from_parts(40_000_000, 3574)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `DrugProvenance::Products` (r:1 w:1)
	/// Proof: `DrugProvenance::Products` (`max_values`: None, `max_size`: Some(143), added: 2618, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	fn reassign_product() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1100`
		//  Estimated: `3705`
		// Minimum execution time: 35_000_000 picoseconds.
		Weight::from_parts(40_000_000, 3705)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `DrugProvenance::Products` (r:1 w:0)
	/// Proof: `DrugProvenance::Products` (`max_values`: None, `max_size`: Some(143), added: 2618, mode: `MaxEncodedLen`)
	/// Storage: `DrugProvenance::RetiredProducts` (r:1 w:1)
	/// Proof: `DrugProvenance::RetiredProducts` (`max_values`: None, `max_size`: Some(46), added: 2521, mode: `MaxEncodedLen`)
	fn retire_product() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `300`
		//  Estimated: `3608`
		// Minimum execution time: 30_000_000 picoseconds.
		Weight::from_parts(35_000_000, 3608)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `DrugProvenance::Lots` (r:1 w:1)
	/// Proof: `DrugProvenance::Lots` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
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
		//  Measured:  `1500`
		//  Estimated: `3705`
		// Minimum execution time: 80_000_000 picoseconds.
		Weight::from_parts(90_000_000, 3705)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `DrugProvenance::Shipments` (r:1 w:1)
	/// Proof: `DrugProvenance::Shipments` (`max_values`: None, `max_size`: Some(2162), added: 4637, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:2 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
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
		//  Measured:  `1900 + n * (48 ±0)`
		//  Estimated: `5627 + n * (2543 ±0)`
		// Minimum execution time: 95_000_000 picoseconds.
		Weight::from_parts(100_000_000, 5627)
			// Standard Error: 100_000
			.saturating_add(Weight::from_parts(9_000_000, 0).saturating_mul(n.into()))
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
		Weight::from_parts(77_344_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn commission_lot() -> Weight {
		Weight::from_parts(146_043_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn commission_serials(n: u32, ) -> Weight {
		Weight::from_parts(97_449_362, 3705)
			.saturating_add(Weight::from_parts(6_648_569, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	fn ship(n: u32, ) -> Weight {
		Weight::from_parts(115_342_563, 6420)
			.saturating_add(Weight::from_parts(10_697_336, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	fn receive_shipment(n: u32, ) -> Weight {
		Weight::from_parts(93_323_777, 5621)
			.saturating_add(Weight::from_parts(8_724_784, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	fn record_excursion() -> Weight {
		Weight::from_parts(100_448_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn dispense(n: u32, ) -> Weight {
		Weight::from_parts(106_785_237, 3888)
			.saturating_add(Weight::from_parts(12_134_029, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	fn recall_lot() -> Weight {
		Weight::from_parts(85_189_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn flag_suspect() -> Weight {
		Weight::from_parts(90_529_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn clear_suspect() -> Weight {
		Weight::from_parts(88_806_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn confirm_illegitimate() -> Weight {
		Weight::from_parts(93_315_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn return_to_manufacturer(n: u32, ) -> Weight {
		Weight::from_parts(156_430_030, 3705)
			.saturating_add(Weight::from_parts(11_757_920, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	fn destroy_stock(n: u32, ) -> Weight {
		Weight::from_parts(48_364_279, 3705)
			.saturating_add(Weight::from_parts(12_245_984, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	fn assign_company_prefix() -> Weight {
		Weight::from_parts(45_000_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn remove_company_prefix() -> Weight {
		Weight::from_parts(40_000_000, 3574)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn reassign_product() -> Weight {
		Weight::from_parts(40_000_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn retire_product() -> Weight {
		Weight::from_parts(35_000_000, 3608)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn clear_holding_suspicion() -> Weight {
		Weight::from_parts(90_000_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn cancel_shipment(n: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 5627)
			.saturating_add(Weight::from_parts(9_000_000, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
}

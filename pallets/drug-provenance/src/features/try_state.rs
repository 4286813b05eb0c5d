//! Invariants of the drug provenance pallet, checked by `try_state` and after every unit test.

use crate::*;

impl<T: Config> Pallet<T> {
	/// Checks that, for every lot:
	/// - its product exists and is its manufacturer's, and `LotIds` points back to it;
	/// - manufacture is before expiry and at most the declared quantity is commissioned;
	/// - quantities are conserved:
	///   `commissioned = held + in_transit + dispensed + destroyed + lost`, where `held` sums
	///   the (non-zero) holdings and `in_transit` sums its shipments still in transit;
	/// - a serialised lot has exactly `commissioned` packs, and each holder holds exactly the
	///   packs in its custody; packs in transit, dispensed, destroyed and lost match the
	///   counters;
	/// - its custody path has exactly `events` entries and `dispensations` index entries;
	///
	/// It also checks that ids are below their `Next*` counters.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::ensure;
		use ruralmed_primitives::OrganisationId;

		let mut in_transit = BTreeMap::<LotId, u32>::new();
		let next_shipment = NextShipmentId::<T>::get();
		for (id, shipment) in Shipments::<T>::iter() {
			ensure!(id < next_shipment, "shipment id not below NextShipmentId");
			ensure!(Lots::<T>::contains_key(shipment.lot), "shipment of an unknown lot");
			ensure!(shipment.quantity > 0, "empty shipment");
			if shipment.status == ShipmentStatus::InTransit {
				*in_transit.entry(shipment.lot).or_default() += shipment.quantity;
			}
		}
		let next_lot = NextLotId::<T>::get();
		let mut lots = 0usize;
		for (id, lot) in Lots::<T>::iter() {
			lots += 1;
			ensure!(id < next_lot, "lot id not below NextLotId");
			let product = Products::<T>::get(lot.gtin).ok_or("lot of an unknown product")?;
			ensure!(product.manufacturer == lot.manufacturer, "lot's maker is not the product's");
			ensure!(
				LotIds::<T>::get(lot.gtin, &lot.number) == Some(id),
				"LotIds does not point back"
			);
			ensure!(lot.manufactured_on < lot.expires_on, "lot expires before it is made");
			ensure!(lot.commissioned <= lot.quantity, "more commissioned than declared");
			ensure!(
				lot.serialised || lot.commissioned == lot.quantity,
				"unserialised lot partly commissioned"
			);
			let mut held = BTreeMap::<OrganisationId, u32>::new();
			let mut held_total: u64 = 0;
			for (org, quantity) in Holdings::<T>::iter_prefix(id) {
				ensure!(quantity > 0, "zero holding stored");
				held.insert(org, quantity);
				held_total += u64::from(quantity);
			}
			ensure!(
				in_transit.get(&id).copied().unwrap_or(0) == lot.in_transit,
				"in-transit counter differs from the shipments"
			);
			let accounted = held_total
				+ u64::from(lot.in_transit)
				+ u64::from(lot.dispensed)
				+ u64::from(lot.destroyed)
				+ u64::from(lot.lost);
			ensure!(accounted == u64::from(lot.commissioned), "quantities not conserved");
			if lot.serialised {
				let mut packs_held = BTreeMap::<OrganisationId, u32>::new();
				let (mut packs, mut moving, mut dispensed, mut destroyed, mut lost) =
					(0u32, 0u32, 0u32, 0u32, 0u32);
				for (_, pack) in Packs::<T>::iter_prefix(id) {
					packs += 1;
					match pack.custody {
						Custody::Held(org) => *packs_held.entry(org).or_default() += 1,
						Custody::InTransit(_) => moving += 1,
						Custody::Dispensed(_) => dispensed += 1,
						Custody::Destroyed => destroyed += 1,
						Custody::Lost => lost += 1,
					}
				}
				ensure!(packs == lot.commissioned, "pack count differs from commissioned");
				ensure!(packs_held == held, "packs in custody differ from holdings");
				ensure!(
					(moving, dispensed, destroyed, lost)
						== (lot.in_transit, lot.dispensed, lot.destroyed, lot.lost),
					"pack custody differs from the lot's counters"
				);
			} else {
				ensure!(
					Packs::<T>::iter_prefix(id).next().is_none(),
					"packs of an unserialised lot"
				);
			}
			ensure!(
				CustodyEvents::<T>::iter_prefix(id).count() == lot.events as usize,
				"custody path length differs from the counter"
			);
			ensure!(
				LotDispensations::<T>::iter_prefix(id).count() == lot.dispensations as usize,
				"dispensation index differs from the counter"
			);
		}
		ensure!(LotIds::<T>::iter().count() == lots, "stale LotIds entries");
		let next_dispensation = NextDispensationId::<T>::get();
		for (id, d) in Dispensations::<T>::iter() {
			ensure!(id < next_dispensation, "dispensation id not below NextDispensationId");
			ensure!(Lots::<T>::contains_key(d.lot), "dispensation of an unknown lot");
		}
		let mut product_lots = BTreeMap::<Gtin, u32>::new();
		for (gtin, _, _) in LotIds::<T>::iter() {
			*product_lots.entry(gtin).or_default() += 1;
		}
		for (gtin, product) in Products::<T>::iter() {
			ensure!(gtin.is_valid(), "product with an invalid GTIN");
			ensure!(
				product_lots.get(&gtin).copied().unwrap_or(0) == product.lots,
				"product's lot count differs"
			);
		}
		Ok(())
	}
}

//! Invariants of the drug provenance pallet, checked by `try_state` and after every unit test.

use crate::*;

impl<T: Config> Pallet<T> {
	/// Checks that, for every lot:
	/// - its product exists (its maker may differ after the authority reassigned the product),
	///   and `LotIds` points back to it;
	/// - manufacture is before expiry and at most the declared quantity is commissioned;
	/// - quantities are conserved:
	///   `commissioned = held + in_transit + dispensed + destroyed + lost`, where `held` sums
	///   the (non-zero) holdings and `in_transit` sums its shipments still in transit;
	/// - a serialised lot has exactly `commissioned` packs, and each holder holds exactly the
	///   packs in its custody; packs in transit, dispensed, destroyed and lost match the
	///   counters;
	/// - each pack `InTransit(s)` is listed in shipment `s`, of this lot, still in transit, and
	///   each pack `Dispensed(d)` in dispensation `d` of this lot; conversely every serial of a
	///   shipment in transit is in transit with it, and every serial of a dispensation is
	///   dispensed by it (`do_receive` and `do_cancel_shipment` rewrite the custody of exactly
	///   the shipment's serials);
	/// - every suspect holding is a non-zero holding of an existing lot;
	/// - its custody path has exactly `events` entries and `dispensations` index entries;
	///
	/// It also checks that ids are below their `Next*` counters, that `CompanyPrefixes` and
	/// `PrefixOwners` mirror each other with well-formed prefixes, and that retired products
	/// exist.
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
			ensure!(
				(shipment.serials.len() as u32 == shipment.quantity) || shipment.serials.is_empty(),
				"shipment serials differ from its quantity"
			);
			if shipment.status == ShipmentStatus::InTransit {
				*in_transit.entry(shipment.lot).or_default() += shipment.quantity;
				for serial in shipment.serials.iter() {
					ensure!(
						Packs::<T>::get(shipment.lot, serial).map(|p| p.custody)
							== Some(Custody::InTransit(id)),
						"a serial of a shipment in transit is not in transit with it"
					);
				}
			}
		}
		let next_lot = NextLotId::<T>::get();
		let mut lots = 0usize;
		for (id, lot) in Lots::<T>::iter() {
			lots += 1;
			ensure!(id < next_lot, "lot id not below NextLotId");
			ensure!(Products::<T>::contains_key(lot.gtin), "lot of an unknown product");
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
				for (serial, pack) in Packs::<T>::iter_prefix(id) {
					packs += 1;
					match pack.custody {
						Custody::Held(org) => *packs_held.entry(org).or_default() += 1,
						Custody::InTransit(s) => {
							moving += 1;
							let shipment =
								Shipments::<T>::get(s).ok_or("pack in an unknown shipment")?;
							ensure!(
								shipment.lot == id
									&& shipment.status == ShipmentStatus::InTransit
									&& shipment.serials.contains(&serial),
								"pack in transit with a shipment that does not carry it"
							);
						}
						Custody::Dispensed(d) => {
							dispensed += 1;
							let dispensation = Dispensations::<T>::get(d)
								.ok_or("pack in an unknown dispensation")?;
							ensure!(
								dispensation.lot == id && dispensation.serials.contains(&serial),
								"pack dispensed by a dispensation that does not list it"
							);
						}
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
			for serial in d.serials.iter() {
				ensure!(
					Packs::<T>::get(d.lot, serial).map(|p| p.custody)
						== Some(Custody::Dispensed(id)),
					"a serial of a dispensation is not dispensed by it"
				);
			}
		}
		for (lot, org, _) in SuspectHoldings::<T>::iter() {
			ensure!(Lots::<T>::contains_key(lot), "suspect holding of an unknown lot");
			ensure!(Holdings::<T>::get(lot, org) > 0, "suspect holding with no stock");
		}
		let mut owned = 0usize;
		for (org, prefixes) in CompanyPrefixes::<T>::iter() {
			ensure!(!prefixes.is_empty(), "empty company prefix list stored");
			for prefix in prefixes.iter() {
				ensure!(is_company_prefix(prefix), "malformed company prefix");
				ensure!(
					PrefixOwners::<T>::get(prefix) == Some(org),
					"PrefixOwners does not point back"
				);
				owned += 1;
			}
		}
		ensure!(PrefixOwners::<T>::iter().count() == owned, "stale PrefixOwners entries");
		for (gtin, _) in RetiredProducts::<T>::iter() {
			ensure!(Products::<T>::contains_key(gtin), "retired product unknown");
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

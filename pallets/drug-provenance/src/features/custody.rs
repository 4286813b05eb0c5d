//! Custody: shipments down the chain and back to the manufacturer, receipts, destruction.

use crate::*;
use alloc::collections::btree_set::BTreeSet;
use frame_support::{ensure, pallet_prelude::DispatchResult};
use ruralmed_primitives::{OrganisationId, OrganisationStatus, PractitionerDirectory};
use sp_runtime::DispatchError;

impl<T: Config> Pallet<T> {
	/// Ships packs of `id` from `from` to `to`, or with `to = None` returns them to the lot's
	/// manufacturer. A transfer needs sellable stock and an active receiver; a return goes to
	/// the manufacturer whatever the stock's state.
	pub(crate) fn do_ship(
		who: &T::AccountId,
		id: LotId,
		from: OrganisationId,
		to: Option<OrganisationId>,
		quantity: u32,
		serials: SerialList,
	) -> Result<ShipmentId, DispatchError> {
		Self::ensure_acts_for(who, from)?;
		let mut lot = Lots::<T>::get(id).ok_or(Error::<T>::UnknownLot)?;
		let (to, kind) = match to {
			Some(to) => (to, ShipmentKind::Transfer),
			None => (lot.manufacturer, ShipmentKind::Return),
		};
		ensure!(from != to, Error::<T>::SameOrganisation);
		let transfer = kind == ShipmentKind::Transfer;
		if transfer {
			Self::ensure_sellable(&lot)?;
			ensure!(
				T::Directory::organisation(to)
					.is_some_and(|o| o.status == OrganisationStatus::Active),
				Error::<T>::RecipientNotVerified
			);
		}
		let quantity = Self::check_take(id, &lot, from, quantity, &serials, transfer)?;
		let shipment = NextShipmentId::<T>::get();
		let next = shipment.checked_add(1).ok_or(Error::<T>::Overflow)?;
		lot.in_transit = lot.in_transit.checked_add(quantity).ok_or(Error::<T>::Overflow)?;
		let (step, disposition) = if transfer {
			(BusinessStep::Shipping, Disposition::InTransit)
		} else {
			(BusinessStep::Returning, Disposition::Returned)
		};
		Self::record_event(
			id,
			&mut lot,
			step,
			disposition,
			from,
			quantity,
			EventDetail::Shipment { shipment, to },
		)?;
		Self::take(id, from, quantity, &serials, Custody::InTransit(shipment));
		NextShipmentId::<T>::put(next);
		Shipments::<T>::insert(
			shipment,
			Shipment {
				lot: id,
				from,
				to,
				quantity,
				serials,
				kind,
				shipped_at: Self::now(),
				status: ShipmentStatus::InTransit,
			},
		);
		Lots::<T>::insert(id, lot);
		Self::deposit_event(Event::Shipped { shipment, lot: id, from, to, quantity, kind });
		Ok(shipment)
	}

	/// Confirms receipt of a shipment by its receiver. Returns the number of serialised packs
	/// moved (for the weight).
	pub(crate) fn do_receive(
		who: &T::AccountId,
		shipment_id: ShipmentId,
		received: u32,
		missing: SerialList,
	) -> Result<u32, DispatchError> {
		let mut shipment = Shipments::<T>::get(shipment_id).ok_or(Error::<T>::UnknownShipment)?;
		ensure!(shipment.status == ShipmentStatus::InTransit, Error::<T>::ShipmentNotInTransit);
		ensure!(Self::acts_for(who, shipment.to), Error::<T>::NotRecipient);
		let mut lot = Lots::<T>::get(shipment.lot).ok_or(Error::<T>::UnknownLot)?;
		let missing_count = if lot.serialised {
			let mut seen = BTreeSet::new();
			for serial in missing.iter() {
				ensure!(
					seen.insert(serial) && shipment.serials.contains(serial),
					Error::<T>::InvalidReceipt
				);
			}
			missing.len() as u32
		} else {
			ensure!(missing.is_empty(), Error::<T>::NotSerialised);
			shipment.quantity.checked_sub(received).ok_or(Error::<T>::InvalidReceipt)?
		};
		ensure!(
			received.checked_add(missing_count) == Some(shipment.quantity),
			Error::<T>::InvalidReceipt
		);
		let id = shipment.lot;
		let to = shipment.to;
		lot.in_transit = lot.in_transit.saturating_sub(shipment.quantity);
		lot.lost = lot.lost.checked_add(missing_count).ok_or(Error::<T>::Overflow)?;
		Self::record_event(
			id,
			&mut lot,
			BusinessStep::Receiving,
			Disposition::Active,
			to,
			received,
			EventDetail::Receipt { shipment: shipment_id, missing: missing_count },
		)?;
		Self::add_holding(id, to, received)?;
		for serial in shipment.serials.iter() {
			let custody = if missing.contains(serial) { Custody::Lost } else { Custody::Held(to) };
			Packs::<T>::mutate(id, serial, |pack| {
				if let Some(pack) = pack {
					pack.custody = custody;
				}
			});
		}
		let packs = shipment.serials.len() as u32;
		shipment.status =
			ShipmentStatus::Received { received, missing: missing_count, at: Self::now() };
		Shipments::<T>::insert(shipment_id, shipment);
		Lots::<T>::insert(id, lot);
		Self::deposit_event(Event::ShipmentReceived {
			shipment: shipment_id,
			lot: id,
			to,
			received,
			missing: missing_count,
		});
		Ok(packs)
	}

	/// Destroys packs held by `org`, whatever their state.
	pub(crate) fn do_destroy(
		who: &T::AccountId,
		id: LotId,
		org: OrganisationId,
		quantity: u32,
		serials: SerialList,
	) -> DispatchResult {
		Self::ensure_acts_for(who, org)?;
		let mut lot = Lots::<T>::get(id).ok_or(Error::<T>::UnknownLot)?;
		let quantity = Self::check_take(id, &lot, org, quantity, &serials, false)?;
		lot.destroyed = lot.destroyed.checked_add(quantity).ok_or(Error::<T>::Overflow)?;
		Self::record_event(
			id,
			&mut lot,
			BusinessStep::Destroying,
			Disposition::Destroyed,
			org,
			quantity,
			EventDetail::None,
		)?;
		Self::take(id, org, quantity, &serials, Custody::Destroyed);
		Lots::<T>::insert(id, lot);
		Self::deposit_event(Event::StockDestroyed { lot: id, org, quantity });
		Ok(())
	}
}

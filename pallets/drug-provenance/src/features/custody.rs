//! Custody: shipments down the chain and back to the manufacturer, receipts, destruction.

use crate::*;
use alloc::collections::btree_set::BTreeSet;
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{EnsureOrigin, Get},
};
use frame_system::pallet_prelude::OriginFor;
use ruralmed_primitives::{OrganisationId, OrganisationStatus, PractitionerDirectory};
use sp_runtime::{traits::Saturating, DispatchError};

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
			ensure!(Self::is_active_org(to), Error::<T>::RecipientNotVerified);
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

	/// Whether `org` is an active organisation.
	pub(crate) fn is_active_org(org: OrganisationId) -> bool {
		T::Directory::organisation(org).is_some_and(|o| o.status == OrganisationStatus::Active)
	}

	/// Cancels a shipment in transit: by the authority at any time; by its sender once it is
	/// past [`Config::ShipmentTimeout`] and its receiver no longer acts (so cannot receive it).
	/// The packs go back to the sender. Returns the number of serialised packs moved (for the
	/// weight).
	pub(crate) fn do_cancel_shipment(
		origin: OriginFor<T>,
		shipment_id: ShipmentId,
	) -> Result<u32, DispatchError> {
		let mut shipment = Shipments::<T>::get(shipment_id).ok_or(Error::<T>::UnknownShipment)?;
		ensure!(shipment.status == ShipmentStatus::InTransit, Error::<T>::ShipmentNotInTransit);
		let by_authority = match T::AuthorityOrigin::try_origin(origin) {
			Ok(_) => true,
			Err(origin) => {
				let who = frame_system::ensure_signed(origin)?;
				ensure!(Self::acts_for(&who, shipment.from), Error::<T>::NotSender);
				// An active receiver can still confirm: the sender may not take back what may
				// have arrived.
				ensure!(
					Self::is_stuck(&shipment) && !Self::is_active_org(shipment.to),
					Error::<T>::ShipmentNotStuck
				);
				false
			}
		};
		let id = shipment.lot;
		let from = shipment.from;
		let quantity = shipment.quantity;
		let mut lot = Lots::<T>::get(id).ok_or(Error::<T>::UnknownLot)?;
		lot.in_transit = lot.in_transit.saturating_sub(quantity);
		Self::record_event(
			id,
			&mut lot,
			BusinessStep::VoidShipping,
			Disposition::Active,
			from,
			quantity,
			EventDetail::ShipmentCancelled { shipment: shipment_id },
		)?;
		Self::add_holding(id, from, quantity)?;
		for serial in shipment.serials.iter() {
			Packs::<T>::mutate(id, serial, |pack| {
				if let Some(pack) = pack {
					pack.custody = Custody::Held(from);
				}
			});
		}
		let packs = shipment.serials.len() as u32;
		let to = shipment.to;
		shipment.status = ShipmentStatus::Cancelled { at: Self::now() };
		Shipments::<T>::insert(shipment_id, shipment);
		Lots::<T>::insert(id, lot);
		Self::deposit_event(Event::ShipmentCancelled {
			shipment: shipment_id,
			lot: id,
			from,
			to,
			quantity,
			by_authority,
		});
		Ok(packs)
	}

	/// Whether `shipment` has been in transit for at least [`Config::ShipmentTimeout`].
	pub(crate) fn is_stuck(shipment: &ShipmentOf<T>) -> bool {
		shipment.status == ShipmentStatus::InTransit
			&& Self::now() >= shipment.shipped_at.saturating_add(T::ShipmentTimeout::get())
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

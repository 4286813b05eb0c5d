//! Lots and serialised packs: a manufacturer commissions what it made.

use crate::*;
use alloc::collections::btree_set::BTreeSet;
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use sp_runtime::DispatchError;

impl<T: Config> Pallet<T> {
	/// Validates and stores a new lot of `gtin` held by its manufacturer (all packs at once if
	/// unserialised). Returns its id. Dates are checked against today unless `at_genesis`
	/// (genesis has no time yet).
	pub(crate) fn insert_lot(
		gtin: Gtin,
		number: LotNumber,
		manufactured_on: Day,
		expires_on: Day,
		quantity: u32,
		serialised: bool,
		at_genesis: bool,
	) -> Result<LotId, DispatchError> {
		let mut product = Products::<T>::get(gtin).ok_or(Error::<T>::UnknownProduct)?;
		ensure!(is_gs1_text(&number), Error::<T>::InvalidLotNumber);
		ensure!(!LotIds::<T>::contains_key(gtin, &number), Error::<T>::LotExists);
		ensure!(expires_on > manufactured_on, Error::<T>::ExpiryNotAfterManufacture);
		if !at_genesis {
			let today = Self::today();
			// A day of slack for time zones: a lot made "today" in Asia may be tomorrow in UTC.
			ensure!(manufactured_on <= today.saturating_add(1), Error::<T>::ManufacturedInFuture);
			ensure!(expires_on > today, Error::<T>::StockExpired);
		}
		ensure!(quantity > 0 && quantity <= T::MaxLotQuantity::get(), Error::<T>::InvalidQuantity);
		let id = NextLotId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		product.lots = product.lots.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let maker = product.manufacturer;
		let mut lot = Lot {
			gtin,
			number: number.clone(),
			manufacturer: maker,
			manufactured_on,
			expires_on,
			quantity,
			serialised,
			status: LotStatus::Active,
			cold_chain: ColdChain::Intact,
			commissioned: 0,
			in_transit: 0,
			dispensed: 0,
			destroyed: 0,
			lost: 0,
			events: 0,
			dispensations: 0,
			commissioned_at: Self::now(),
		};
		if !serialised {
			lot.commissioned = quantity;
			Self::add_holding(id, maker, quantity)?;
			Self::record_event(
				id,
				&mut lot,
				BusinessStep::Commissioning,
				Disposition::Active,
				maker,
				quantity,
				EventDetail::None,
			)?;
		}
		NextLotId::<T>::put(next);
		Products::<T>::insert(gtin, product);
		LotIds::<T>::insert(gtin, number, id);
		Lots::<T>::insert(id, lot);
		Ok(id)
	}

	/// Commissions a lot on behalf of `who`, who must act for the product's manufacturer.
	pub(crate) fn do_commission_lot(
		who: &T::AccountId,
		gtin: Gtin,
		number: LotNumber,
		manufactured_on: Day,
		expires_on: Day,
		quantity: u32,
		serialised: bool,
	) -> Result<LotId, DispatchError> {
		let product = Products::<T>::get(gtin).ok_or(Error::<T>::UnknownProduct)?;
		ensure!(Self::acts_for(who, product.manufacturer), Error::<T>::NotManufacturer);
		ensure!(!RetiredProducts::<T>::contains_key(gtin), Error::<T>::ProductRetired);
		let id = Self::insert_lot(
			gtin,
			number.clone(),
			manufactured_on,
			expires_on,
			quantity,
			serialised,
			false,
		)?;
		Self::deposit_event(Event::LotCommissioned {
			lot: id,
			gtin,
			number,
			manufacturer: product.manufacturer,
			quantity,
			expires_on,
			serialised,
		});
		Ok(id)
	}

	/// Commissions serialised packs of a lot, held by the manufacturer.
	pub(crate) fn do_commission_serials(
		who: &T::AccountId,
		id: LotId,
		serials: SerialList,
	) -> DispatchResult {
		let mut lot = Lots::<T>::get(id).ok_or(Error::<T>::UnknownLot)?;
		ensure!(Self::acts_for(who, lot.manufacturer), Error::<T>::NotManufacturer);
		ensure!(lot.serialised, Error::<T>::NotSerialised);
		match lot.status {
			LotStatus::Active => {}
			LotStatus::Quarantined { .. } => return Err(Error::<T>::LotQuarantined.into()),
			LotStatus::Recalled { .. } => return Err(Error::<T>::LotRecalled.into()),
			LotStatus::Illegitimate => return Err(Error::<T>::LotIllegitimate.into()),
		}
		ensure!(!serials.is_empty(), Error::<T>::InvalidQuantity);
		let mut seen = BTreeSet::new();
		for serial in serials.iter() {
			ensure!(is_gs1_text(serial), Error::<T>::InvalidSerial);
			ensure!(
				seen.insert(serial) && !Packs::<T>::contains_key(id, serial),
				Error::<T>::DuplicateSerial
			);
		}
		let count = serials.len() as u32;
		let commissioned = lot.commissioned.checked_add(count).ok_or(Error::<T>::Overflow)?;
		ensure!(commissioned <= lot.quantity, Error::<T>::TooManySerials);
		let maker = lot.manufacturer;
		Self::record_event(
			id,
			&mut lot,
			BusinessStep::Commissioning,
			Disposition::Active,
			maker,
			count,
			EventDetail::None,
		)?;
		Self::add_holding(id, maker, count)?;
		for serial in serials {
			Packs::<T>::insert(
				id,
				serial,
				Pack { custody: Custody::Held(maker), status: PackStatus::Active },
			);
		}
		lot.commissioned = commissioned;
		Lots::<T>::insert(id, lot);
		Self::deposit_event(Event::PacksCommissioned { lot: id, count, commissioned });
		Ok(())
	}
}

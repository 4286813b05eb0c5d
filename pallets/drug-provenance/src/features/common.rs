//! What every feature needs: who acts for which organisation, today's date, appending to a
//! lot's custody path, and taking packs out of a holder's stock.

use crate::*;
use alloc::collections::btree_set::BTreeSet;
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{EnsureOrigin, UnixTime},
};
use frame_system::pallet_prelude::{BlockNumberFor, OriginFor};
use ruralmed_primitives::{OrganisationId, PractitionerDirectory};
use sp_runtime::{traits::Zero, DispatchError};

/// Seconds in a day.
const DAY_SECONDS: u64 = 86_400;

impl<T: Config> Pallet<T> {
	/// Whether `who` may act for `org`: its administrator or an active practitioner of it,
	/// and `org` active.
	pub(crate) fn acts_for(who: &T::AccountId, org: OrganisationId) -> bool {
		T::Directory::is_active_admin(who, org) || T::Directory::is_active_member(who, org)
	}

	/// Fails with `NotActingForOrganisation` unless `who` acts for `org`.
	pub(crate) fn ensure_acts_for(who: &T::AccountId, org: OrganisationId) -> DispatchResult {
		ensure!(Self::acts_for(who, org), Error::<T>::NotActingForOrganisation);
		Ok(())
	}

	/// Lets the authority through, or a signed caller acting for `maker`. Returns whether the
	/// authority acted.
	pub(crate) fn ensure_maker_or_authority(
		origin: OriginFor<T>,
		maker: OrganisationId,
	) -> Result<bool, DispatchError> {
		match T::AuthorityOrigin::try_origin(origin) {
			Ok(_) => Ok(true),
			Err(origin) => {
				let who = frame_system::ensure_signed(origin)?;
				ensure!(Self::acts_for(&who, maker), Error::<T>::NotManufacturer);
				Ok(false)
			}
		}
	}

	/// Today, in days since 1970-01-01.
	pub fn today() -> Day {
		u32::try_from(T::UnixTime::now().as_secs() / DAY_SECONDS).unwrap_or(Day::MAX)
	}

	/// Fails unless the lot may move down the chain or be dispensed: active, its cold chain
	/// intact or cleared by the authority, and not expired.
	pub(crate) fn ensure_sellable(lot: &LotOf<T>) -> DispatchResult {
		match lot.status {
			LotStatus::Active => {}
			LotStatus::Quarantined { .. } => return Err(Error::<T>::LotQuarantined.into()),
			LotStatus::Recalled { .. } => return Err(Error::<T>::LotRecalled.into()),
			LotStatus::Illegitimate => return Err(Error::<T>::LotIllegitimate.into()),
		}
		// Lots a maker cleared itself before this rule (active but breached) stay blocked
		// until the authority clears them.
		ensure!(lot.cold_chain != ColdChain::Breached, Error::<T>::ColdChainBreached);
		ensure!(lot.expires_on > Self::today(), Error::<T>::StockExpired);
		Ok(())
	}

	/// Appends a custody event to `lot`'s path (the caller writes `lot` back).
	pub(crate) fn record_event(
		id: LotId,
		lot: &mut LotOf<T>,
		step: BusinessStep,
		disposition: Disposition,
		org: OrganisationId,
		quantity: u32,
		detail: EventDetail,
	) -> DispatchResult {
		let position = lot.events;
		lot.events = position.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let region = T::Directory::organisation(org).map(|o| o.region).unwrap_or_default();
		let at_block = frame_system::Pallet::<T>::block_number();
		// Genesis has no time yet (the timestamp inherent comes with block 1): genesis lots'
		// events say 0.
		let at_time = if at_block.is_zero() { 0 } else { T::UnixTime::now().as_secs() };
		CustodyEvents::<T>::insert(
			id,
			position,
			CustodyEvent { step, disposition, org, region, quantity, at_block, at_time, detail },
		);
		Ok(())
	}

	/// Checks that `from` can give up `quantity` packs of `lot` (for a serialised lot exactly
	/// the packs `serials`, held by `from` and, if `only_active`, not suspect; if
	/// `only_active`, `from`'s holding must not be flagged either). Changes nothing. Returns
	/// the number of packs.
	pub(crate) fn check_take(
		id: LotId,
		lot: &LotOf<T>,
		from: OrganisationId,
		quantity: u32,
		serials: &SerialList,
		only_active: bool,
	) -> Result<u32, DispatchError> {
		ensure!(quantity > 0, Error::<T>::InvalidQuantity);
		ensure!(
			!only_active || !SuspectHoldings::<T>::contains_key(id, from),
			Error::<T>::HoldingQuarantined
		);
		if lot.serialised {
			ensure!(serials.len() as u32 == quantity, Error::<T>::SerialsRequired);
			let mut seen = BTreeSet::new();
			for serial in serials.iter() {
				ensure!(seen.insert(serial), Error::<T>::DuplicateSerial);
				let pack = Packs::<T>::get(id, serial).ok_or(Error::<T>::UnknownPack)?;
				ensure!(pack.custody == Custody::Held(from), Error::<T>::PackNotHeld);
				ensure!(
					!only_active || pack.status == PackStatus::Active,
					Error::<T>::PackQuarantined
				);
			}
		} else {
			ensure!(serials.is_empty(), Error::<T>::NotSerialised);
		}
		ensure!(Holdings::<T>::get(id, from) >= quantity, Error::<T>::InsufficientStock);
		Ok(quantity)
	}

	/// Takes packs checked by [`Self::check_take`] out of `from`'s stock into `custody`.
	pub(crate) fn take(
		id: LotId,
		from: OrganisationId,
		quantity: u32,
		serials: &SerialList,
		custody: Custody,
	) {
		for serial in serials.iter() {
			Packs::<T>::mutate(id, serial, |pack| {
				if let Some(pack) = pack {
					pack.custody = custody;
				}
			});
		}
		Self::remove_holding(id, from, quantity);
	}

	/// Lowers `org`'s holding of `lot`, removing the entry (and any suspicion of it) at zero.
	pub(crate) fn remove_holding(id: LotId, org: OrganisationId, quantity: u32) {
		let left = Holdings::<T>::get(id, org).saturating_sub(quantity);
		if left == 0 {
			Holdings::<T>::remove(id, org);
			// The suspect stock is gone (returned or destroyed): nothing is left to quarantine.
			SuspectHoldings::<T>::remove(id, org);
		} else {
			Holdings::<T>::insert(id, org, left);
		}
	}

	/// Raises `org`'s holding of `lot`.
	pub(crate) fn add_holding(id: LotId, org: OrganisationId, quantity: u32) -> DispatchResult {
		if quantity == 0 {
			// No zero entries are stored.
			return Ok(());
		}
		Holdings::<T>::try_mutate(id, org, |held| {
			*held = held.checked_add(quantity).ok_or(Error::<T>::Overflow)?;
			Ok(())
		})
	}

	/// The current block.
	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}
}

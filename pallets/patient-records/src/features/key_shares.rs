//! Key shares: a record's data key wrapped for one reader.

use crate::*;
use frame_support::pallet_prelude::*;
use ruralmed_primitives::{PurposeOfUse, RecordAccess, RecordId};

/// Every purpose, in the order access is looked for when removing a share.
const ALL_PURPOSES: [PurposeOfUse; 5] = [
	PurposeOfUse::Treatment,
	PurposeOfUse::Referral,
	PurposeOfUse::Emergency,
	PurposeOfUse::PublicHealth,
	PurposeOfUse::Research,
];

impl<T: Config> Pallet<T> {
	pub(crate) fn do_attach_key_share(
		who: T::AccountId,
		record: RecordId,
		reader: T::AccountId,
		purpose: PurposeOfUse,
		wrapped_key: alloc::vec::Vec<u8>,
	) -> DispatchResult {
		let r = Records::<T>::get(record).ok_or(Error::<T>::UnknownRecord)?;
		ensure!(!wrapped_key.is_empty(), Error::<T>::InvalidKeyShare);
		let share: KeyShareOf<T> =
			wrapped_key.try_into().map_err(|_| Error::<T>::InvalidKeyShare)?;
		ensure!(Self::may_hold_key(&who, record, &r, purpose), Error::<T>::NotPermitted);
		ensure!(Self::may_hold_key(&reader, record, &r, purpose), Error::<T>::ReaderNotPermitted);
		KeyShares::<T>::insert(record, &reader, share);
		Self::deposit_event(Event::KeyShareAttached { record, reader, by: who });
		Ok(())
	}

	pub(crate) fn do_remove_key_share(
		who: T::AccountId,
		record: RecordId,
		reader: T::AccountId,
	) -> DispatchResult {
		let r = Records::<T>::get(record).ok_or(Error::<T>::UnknownRecord)?;
		ensure!(KeyShares::<T>::contains_key(record, &reader), Error::<T>::NoKeyShare);
		let privileged =
			who == reader || who == r.author || Self::is_patient_or_guardian(&who, &r.patient);
		if !privileged {
			let still_valid = reader == r.author
				|| Self::is_patient_or_guardian(&reader, &r.patient)
				|| ALL_PURPOSES.iter().any(|p| {
					T::Access::read_basis(&reader, &r.patient, &Self::record_ref(record, &r), *p)
						.is_some()
				});
			ensure!(!still_valid, Error::<T>::AccessStillValid);
		}
		KeyShares::<T>::remove(record, &reader);
		Self::deposit_event(Event::KeyShareRemoved { record, reader, by: who });
		Ok(())
	}

	/// The patient, guardian and author always may hold the key; anyone else needs access.
	fn may_hold_key(
		who: &T::AccountId,
		record: RecordId,
		r: &RecordAnchorOf<T>,
		purpose: PurposeOfUse,
	) -> bool {
		who == &r.author
			|| Self::is_patient_or_guardian(who, &r.patient)
			|| T::Access::read_basis(who, &r.patient, &Self::record_ref(record, r), purpose)
				.is_some()
	}
}

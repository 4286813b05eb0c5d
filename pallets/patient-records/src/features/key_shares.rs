//! Key shares: a record's data key wrapped for one reader.

use crate::*;
use frame_support::pallet_prelude::*;
use ruralmed_primitives::{PractitionerDirectory, PurposeOfUse, RecordAccess, RecordId};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_attach_key_share(
		who: T::AccountId,
		record: RecordId,
		reader: T::AccountId,
		purpose: PurposeOfUse,
		wrapped_key: alloc::vec::Vec<u8>,
	) -> DispatchResult {
		let r = Records::<T>::get(record).ok_or(Error::<T>::UnknownRecord)?;
		ensure!(!Erasures::<T>::contains_key(record), Error::<T>::RecordErased);
		ensure!(!wrapped_key.is_empty(), Error::<T>::InvalidKeyShare);
		let wrapped_key: BoundedVec<u8, T::MaxKeyShareLength> =
			wrapped_key.try_into().map_err(|_| Error::<T>::InvalidKeyShare)?;
		ensure!(Self::may_hold_key(&who, record, &r, purpose), Error::<T>::NotPermitted);
		ensure!(Self::may_hold_key(&reader, record, &r, purpose), Error::<T>::ReaderNotPermitted);
		let who_is_patient_side = Self::is_patient_or_guardian(&who, &r.patient);
		match KeyShares::<T>::get(record, &reader) {
			Some(old) => {
				// Replacing a key can lock its reader out: only the reader, the patient side
				// or the original attacher may, and nobody else the patient side's own keys.
				let reader_is_patient_side = Self::is_patient_or_guardian(&reader, &r.patient);
				let allowed = who == reader
					|| who_is_patient_side
					|| (!reader_is_patient_side && who == old.attached_by);
				ensure!(allowed, Error::<T>::MayNotReplaceKeyShare);
				Self::release(HoldReason::KeyShareDeposit, &old.attached_by, old.deposit)?;
			}
			None => {
				let count = KeyShareCount::<T>::get(record);
				ensure!(count < T::MaxKeySharesPerRecord::get(), Error::<T>::TooManyKeyShares);
				KeyShareCount::<T>::insert(record, count.saturating_add(1));
			}
		}
		// The patient's own shares are free (patients pay nothing); they are bounded by
		// `MaxKeySharesPerRecord` per record, and each record carries its author's deposit.
		let deposit = if who == r.patient { Zero::zero() } else { T::KeyShareDeposit::get() };
		Self::hold(HoldReason::KeyShareDeposit, &who, deposit)?;
		KeyShares::<T>::insert(
			record,
			&reader,
			KeyShare { wrapped_key, attached_by: who.clone(), deposit },
		);
		Self::deposit_event(Event::KeyShareAttached { record, reader, by: who });
		Ok(())
	}

	pub(crate) fn do_remove_key_share(
		who: T::AccountId,
		record: RecordId,
		reader: T::AccountId,
	) -> DispatchResult {
		let r = Records::<T>::get(record).ok_or(Error::<T>::UnknownRecord)?;
		let share = KeyShares::<T>::get(record, &reader).ok_or(Error::<T>::NoKeyShare)?;
		// The access policy cannot tell whether a reader without access now will have it
		// later (a grant not yet started, a short suspension), so others' shares are removed
		// only by the patient side or the record's author while it is still in good standing.
		let active_author = who == r.author
			&& r.organisation.is_some_and(|org| T::Directory::is_active_member(&who, org));
		ensure!(
			who == reader || active_author || Self::is_patient_or_guardian(&who, &r.patient),
			Error::<T>::NotPermitted
		);
		KeyShares::<T>::remove(record, &reader);
		KeyShareCount::<T>::mutate_exists(record, |c| {
			*c = c.and_then(|c| c.checked_sub(1)).filter(|c| *c > 0);
		});
		Self::release(HoldReason::KeyShareDeposit, &share.attached_by, share.deposit)?;
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

//! Disputes: a patient questions a record; the author answers with an amendment.

use crate::*;
use frame_support::pallet_prelude::*;
use ruralmed_primitives::RecordId;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_dispute_record(
		who: T::AccountId,
		record: RecordId,
		reason: DisputeReason,
		note: Option<RecordId>,
	) -> DispatchResult {
		let r = Records::<T>::get(record).ok_or(Error::<T>::UnknownRecord)?;
		Self::ensure_patient_or_guardian(&who, &r.patient)?;
		ensure!(!Erasures::<T>::contains_key(record), Error::<T>::RecordErased);
		ensure!(!Disputes::<T>::contains_key(record), Error::<T>::AlreadyDisputed);
		if let Some(note) = note {
			// The patient's own words, kept like any record: self-reported, theirs, readable.
			let n = Records::<T>::get(note).ok_or(Error::<T>::InvalidDisputeNote)?;
			ensure!(
				n.self_reported && n.patient == r.patient && !Erasures::<T>::contains_key(note),
				Error::<T>::InvalidDisputeNote
			);
		}
		Disputes::<T>::insert(
			record,
			Dispute {
				by: who.clone(),
				reason,
				note,
				block: frame_system::Pallet::<T>::block_number(),
			},
		);
		Self::deposit_event(Event::RecordDisputed {
			record,
			patient: r.patient,
			by: who,
			reason,
			note,
		});
		Ok(())
	}

	pub(crate) fn do_withdraw_dispute(who: T::AccountId, record: RecordId) -> DispatchResult {
		let r = Records::<T>::get(record).ok_or(Error::<T>::UnknownRecord)?;
		Self::ensure_patient_or_guardian(&who, &r.patient)?;
		ensure!(Disputes::<T>::take(record).is_some(), Error::<T>::NotDisputed);
		Self::deposit_event(Event::DisputeWithdrawn { record, patient: r.patient, by: who });
		Ok(())
	}
}

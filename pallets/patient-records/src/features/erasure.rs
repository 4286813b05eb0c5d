//! Erasure: the patient's right to have a record's data deleted.

use crate::*;
use frame_support::pallet_prelude::*;
use ruralmed_primitives::RecordId;

impl<T: Config> Pallet<T> {
	/// Marks `record` erased, removes its key shares (releasing their deposits) and any open
	/// dispute. Returns how
	/// many shares were removed (at most `MaxKeySharesPerRecord`, which `attach_key_share`
	/// enforces, so the drain is bounded).
	pub(crate) fn do_erase_record(
		who: T::AccountId,
		record: RecordId,
	) -> Result<u32, DispatchError> {
		let r = Records::<T>::get(record).ok_or(Error::<T>::UnknownRecord)?;
		Self::ensure_patient_or_guardian(&who, &r.patient)?;
		ensure!(!Erasures::<T>::contains_key(record), Error::<T>::RecordErased);
		// Calls are transactional: a failed release undoes the shares drained before it.
		let mut removed = 0u32;
		for (_reader, share) in KeyShares::<T>::drain_prefix(record) {
			Self::release(HoldReason::KeyShareDeposit, &share.attached_by, share.deposit)?;
			removed = removed.saturating_add(1);
		}
		KeyShareCount::<T>::remove(record);
		// An erased record cannot be shown, so a question about it has nothing left to flag.
		Disputes::<T>::remove(record);
		Erasures::<T>::insert(
			record,
			Erasure {
				by: who.clone(),
				block: frame_system::Pallet::<T>::block_number(),
				timestamp_ms: Self::now_ms(),
			},
		);
		Self::deposit_event(Event::RecordErased {
			record,
			patient: r.patient,
			by: who,
			key_shares_removed: removed,
		});
		Ok(removed)
	}
}

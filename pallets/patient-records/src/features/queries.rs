//! Read-only queries behind the runtime API.

use crate::*;
use frame_support::traits::Get;
use ruralmed_primitives::RecordId;

impl<T: Config> Pallet<T> {
	/// The patient's records in time order from position `from`, at most `count` (capped at
	/// `MaxPageSize`) of them, with their ids. O(count) reads, whatever the history's length.
	pub fn records_of(
		patient: &T::AccountId,
		from: u64,
		count: u32,
	) -> alloc::vec::Vec<(RecordId, RecordAnchorOf<T>)> {
		let Some(p) = Patients::<T>::get(patient) else { return alloc::vec::Vec::new() };
		let count = u64::from(count.min(T::MaxPageSize::get()));
		let end = from.saturating_add(count).min(p.record_count);
		(from..end)
			.filter_map(|i| PatientRecordIndex::<T>::get(patient, i))
			.filter_map(|id| Records::<T>::get(id).map(|r| (id, r)))
			.collect()
	}
}

//! Read-only queries behind the runtime API.

use crate::*;
use frame_support::traits::Get;
use ruralmed_primitives::{
	OrganisationId, PractitionerDirectory, RecordAccess, RecordCategory, RecordId,
};

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

	/// The patient's access trail from position `from`, at most `count` (capped at
	/// `MaxPageSize`) entries, each with its position. O(count) reads. Positions without an
	/// entry (accesses logged before the trail was stored) are skipped.
	pub fn access_log_of(
		patient: &T::AccountId,
		from: u64,
		count: u32,
	) -> alloc::vec::Vec<(u64, AccessEntryOf<T>)> {
		let Some(p) = Patients::<T>::get(patient) else { return alloc::vec::Vec::new() };
		let count = u64::from(count.min(T::MaxPageSize::get()));
		let end = from.saturating_add(count).min(p.access_count);
		(from..end).filter_map(|i| AccessLog::<T>::get(patient, i).map(|e| (i, e))).collect()
	}

	/// Whether `who` may anchor a record of `category` for `patient` now: acting for
	/// `organisation` with the checks of [`Pallet::anchor_record`] (active member of a care
	/// organisation, write basis), or, with `None`, as the patient or guardian self-reporting.
	/// A records vault asks this before it accepts ciphertext for a patient. A bounded number
	/// of reads: the patient, the directory look-ups and one write decision.
	pub fn may_write(
		who: &T::AccountId,
		patient: &T::AccountId,
		organisation: Option<OrganisationId>,
		category: RecordCategory,
	) -> bool {
		if !Patients::<T>::contains_key(patient) {
			return false;
		}
		match organisation {
			None => Self::is_patient_or_guardian(who, patient),
			Some(org) => {
				T::Directory::is_active_member(who, org)
					&& T::Directory::organisation(org).is_some_and(|o| o.kind.provides_care())
					&& T::Access::write_basis(who, org, patient, category).is_some()
			}
		}
	}
}

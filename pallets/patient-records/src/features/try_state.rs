//! Invariants of the patient records, checked by `try_state` and after every unit test.

use crate::*;

impl<T: Config> Pallet<T> {
	/// Checks that:
	/// - every record id is below `NextRecordId`, and its patient is registered;
	/// - each patient's index holds exactly `record_count` entries, at positions
	///   `0..record_count`, each naming a record of that patient at that position, in
	///   increasing id (time) order;
	/// - amendment links go both ways and stay within one patient; a record is superseded by
	///   at most one later record;
	/// - each patient's `care_organisations` counts its care-organisation entries and is
	///   within `MaxCareOrganisations`;
	/// - every key share belongs to an existing record, and `KeyShareCount` counts each
	///   record's shares (no zero entries);
	/// - no guardianship proposal is for a registered patient, or names the patient as
	///   guardian.
	/// - every access-trail entry is at a position below its patient's `access_count` and
	///   names a record of that patient;
	/// - every erasure is of an existing record that has no key shares and no dispute;
	/// - every dispute is of an existing record, and its note, if any, is a self-reported
	///   record of the same patient.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::ensure;
		use frame_support::traits::Get;
		let next = NextRecordId::<T>::get();
		for (id, r) in Records::<T>::iter() {
			ensure!(id < next, "record id not below NextRecordId");
			ensure!(Patients::<T>::contains_key(&r.patient), "record of unregistered patient");
			ensure!(
				PatientRecordIndex::<T>::get(&r.patient, r.index) == Some(id),
				"record not at its index position"
			);
			ensure!(r.self_reported == r.organisation.is_none(), "self-reported flag inconsistent");
			if let Some(old) = r.amends {
				let o = Records::<T>::get(old).ok_or("amends a missing record")?;
				ensure!(o.superseded_by == Some(id), "amended record does not point back");
				ensure!(o.patient == r.patient, "amendment crosses patients");
				ensure!(old < id, "amendment older than what it amends");
			}
			if let Some(new) = r.superseded_by {
				let n = Records::<T>::get(new).ok_or("superseded by a missing record")?;
				ensure!(n.amends == Some(id), "superseding record does not point back");
			}
		}
		for (patient, p) in Patients::<T>::iter() {
			let mut last: Option<u64> = None;
			let mut entries = 0u64;
			for i in 0..p.record_count {
				let id = PatientRecordIndex::<T>::get(&patient, i).ok_or("gap in patient index")?;
				ensure!(last.is_none_or(|l| l < id), "patient index out of time order");
				last = Some(id);
				entries += 1;
			}
			ensure!(
				PatientRecordIndex::<T>::iter_prefix(&patient).count() as u64 == entries,
				"patient index has entries beyond record_count"
			);
			let cares = CareOrganisations::<T>::iter_prefix(&patient).count() as u32;
			ensure!(cares == p.care_organisations, "care_organisations count is wrong");
			ensure!(cares <= T::MaxCareOrganisations::get(), "too many care organisations");
		}
		let mut counts = alloc::collections::BTreeMap::<ruralmed_primitives::RecordId, u32>::new();
		for (record, _, _) in KeyShares::<T>::iter() {
			ensure!(Records::<T>::contains_key(record), "key share of a missing record");
			*counts.entry(record).or_default() += 1;
		}
		ensure!(
			KeyShareCount::<T>::iter().count() == counts.len(),
			"KeyShareCount has entries for records without shares"
		);
		for (record, n) in counts {
			ensure!(KeyShareCount::<T>::get(record) == n, "KeyShareCount is wrong");
		}
		for (patient, position, entry) in AccessLog::<T>::iter() {
			let p = Patients::<T>::get(&patient).ok_or("access trail of unregistered patient")?;
			ensure!(position < p.access_count, "access trail entry beyond access_count");
			let r = Records::<T>::get(entry.record).ok_or("access trail names a missing record")?;
			ensure!(r.patient == patient, "access trail names another patient's record");
		}
		for (record, _) in Erasures::<T>::iter() {
			ensure!(Records::<T>::contains_key(record), "erasure of a missing record");
			ensure!(!KeyShareCount::<T>::contains_key(record), "erased record keeps key shares");
			ensure!(!Disputes::<T>::contains_key(record), "erased record keeps a dispute");
		}
		for (record, d) in Disputes::<T>::iter() {
			let r = Records::<T>::get(record).ok_or("dispute of a missing record")?;
			if let Some(note) = d.note {
				let n = Records::<T>::get(note).ok_or("dispute note is a missing record")?;
				ensure!(
					n.self_reported && n.patient == r.patient,
					"dispute note is not the patient's"
				);
			}
		}
		for (patient, p) in GuardianshipProposals::<T>::iter() {
			ensure!(!Patients::<T>::contains_key(&patient), "proposal for a registered patient");
			ensure!(p.guardian != patient, "proposal names the patient as guardian");
			ensure!(p.guardian != p.proposed_by, "proposal names its proposer as guardian");
		}
		Ok(())
	}
}

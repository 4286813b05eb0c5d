//! Anchoring records and logging access to them.

use crate::*;
use frame_support::{pallet_prelude::*, traits::UnixTime};
use ruralmed_primitives::{
	AccessBasis, ContentHash, OrganisationId, OrganisationStatus, PractitionerDirectory,
	PurposeOfUse, RecordAccess, RecordCategory, RecordId, RecordRef,
};
use ruralmed_primitives::{Happening, StatisticsSink};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	/// Stores a new anchor at the end of the patient's index, holds its deposit from the
	/// author, and marks the amended record superseded. `org_basis` is `None` for
	/// self-reported data. The vault is checked by the calls ([`Self::ensure_vault`]).
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_anchor(
		author: T::AccountId,
		patient: T::AccountId,
		org_basis: Option<(OrganisationId, AccessBasis)>,
		category: RecordCategory,
		content_hash: ContentHash,
		vault: Option<OrganisationId>,
		size_bytes: u64,
		amends: Option<RecordId>,
		deposit: BalanceOf<T>,
	) -> Result<RecordId, DispatchError> {
		ensure!(size_bytes > 0, Error::<T>::EmptyRecord);
		let mut info = Patients::<T>::get(&patient).ok_or(Error::<T>::UnknownPatient)?;
		let id = NextRecordId::<T>::get();
		let next_id = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let index = info.record_count;
		info.record_count = index.checked_add(1).ok_or(Error::<T>::Overflow)?;

		if let Some(old) = amends {
			let mut old_record = Records::<T>::get(old).ok_or(Error::<T>::UnknownRecord)?;
			ensure!(old_record.patient == patient, Error::<T>::AmendsOtherPatientsRecord);
			ensure!(!Erasures::<T>::contains_key(old), Error::<T>::RecordErased);
			ensure!(old_record.superseded_by.is_none(), Error::<T>::AlreadySuperseded);
			ensure!(old_record.category == category, Error::<T>::AmendmentChangesCategory);
			ensure!(
				Self::may_amend(&author, org_basis.is_none(), &old_record),
				Error::<T>::MayNotAmend
			);
			old_record.superseded_by = Some(id);
			Records::<T>::insert(old, old_record);
		}
		Self::hold(HoldReason::RecordDeposit, &author, deposit)?;

		let (organisation, basis) = match org_basis {
			Some((org, basis)) => (Some(org), Some(basis)),
			None => (None, None),
		};
		Records::<T>::insert(
			id,
			RecordAnchor {
				patient: patient.clone(),
				author: author.clone(),
				organisation,
				category,
				content_hash,
				vault,
				size_bytes,
				timestamp_ms: Self::now_ms(),
				block: frame_system::Pallet::<T>::block_number(),
				amends,
				superseded_by: None,
				self_reported: organisation.is_none(),
				index,
				deposit,
			},
		);
		PatientRecordIndex::<T>::insert(&patient, index, id);
		Patients::<T>::insert(&patient, info);
		NextRecordId::<T>::put(next_id);
		if let Some(org) = organisation {
			T::Statistics::note(
				org,
				Happening::RecordWritten { patient: patient.clone(), author: author.clone() },
			);
		}
		Self::deposit_event(Event::RecordAnchored {
			record: id,
			patient,
			author,
			organisation,
			category,
			amends,
			basis,
		});
		Ok(id)
	}

	pub(crate) fn do_log_access(
		reader: T::AccountId,
		record: RecordId,
		purpose: PurposeOfUse,
	) -> DispatchResult {
		let r = Records::<T>::get(record).ok_or(Error::<T>::UnknownRecord)?;
		ensure!(!Erasures::<T>::contains_key(record), Error::<T>::RecordErased);
		let mut p = Patients::<T>::get(&r.patient).ok_or(Error::<T>::UnknownPatient)?;
		let patient_side = reader == r.patient || p.guardian.as_ref() == Some(&reader);
		let basis = if patient_side {
			None
		} else {
			Some(
				T::Access::read_basis(&reader, &r.patient, &Self::record_ref(record, &r), purpose)
					.ok_or(Error::<T>::NoReadAccess)?,
			)
		};
		let position = p.access_count;
		p.access_count = position.checked_add(1).ok_or(Error::<T>::Overflow)?;
		AccessLog::<T>::insert(
			&r.patient,
			position,
			AccessEntry {
				reader: reader.clone(),
				record,
				purpose,
				basis,
				block: frame_system::Pallet::<T>::block_number(),
				timestamp_ms: Self::now_ms(),
			},
		);
		Patients::<T>::insert(&r.patient, p);
		Self::deposit_event(Event::RecordAccessed {
			patient: r.patient,
			record,
			reader,
			purpose,
			basis,
			position,
		});
		Ok(())
	}

	/// Milliseconds since the Unix epoch; 0 at genesis (records a genesis config anchors),
	/// where there is no time yet and asking would log a warning per record.
	pub(crate) fn now_ms() -> u64 {
		if frame_system::Pallet::<T>::block_number().is_zero() {
			return 0;
		}
		T::Time::now().as_millis().try_into().unwrap_or(u64::MAX)
	}

	/// Who may supersede `old`: self-reported data only self-reported data (the caller is
	/// then the patient or guardian already); a clinical record only its author or an active
	/// member of its organisation, so a writer of one category, a break-glass writer or
	/// another clinic cannot hide a colleague's record.
	fn may_amend(author: &T::AccountId, self_reported: bool, old: &RecordAnchorOf<T>) -> bool {
		if self_reported {
			return old.self_reported;
		}
		match old.organisation {
			Some(org) => &old.author == author || T::Directory::is_active_member(author, org),
			None => false,
		}
	}

	/// A vault is kept by an active care organisation.
	pub(crate) fn ensure_vault(vault: OrganisationId) -> DispatchResult {
		ensure!(
			T::Directory::organisation(vault).is_some_and(|o| {
				o.status == OrganisationStatus::Active && o.kind.provides_care()
			}),
			Error::<T>::InvalidVault
		);
		Ok(())
	}

	pub(crate) fn record_ref(id: RecordId, r: &RecordAnchorOf<T>) -> RecordRef {
		RecordRef { id, category: r.category }
	}
}

//! Patients, guardians and care organisations.

use crate::*;
use frame_support::pallet_prelude::*;
use ruralmed_primitives::{OrganisationId, OrganisationStatus, PractitionerDirectory};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register(
		patient: T::AccountId,
		guardian: Option<T::AccountId>,
		registered_by: Option<OrganisationId>,
	) -> DispatchResult {
		ensure!(!Patients::<T>::contains_key(&patient), Error::<T>::AlreadyRegistered);
		if let Some(org) = registered_by {
			Self::ensure_care_organisation(org)?;
		}
		Patients::<T>::insert(
			&patient,
			Patient {
				guardian: guardian.clone(),
				registered_at: frame_system::Pallet::<T>::block_number(),
				record_count: 0,
				access_count: 0,
				care_organisations: 0,
			},
		);
		Self::deposit_event(Event::PatientRegistered {
			patient: patient.clone(),
			guardian,
			registered_by,
		});
		if let Some(org) = registered_by {
			Self::do_add_care_organisation(&patient, org)?;
		}
		Ok(())
	}

	pub(crate) fn do_set_guardian(
		patient: T::AccountId,
		guardian: Option<T::AccountId>,
		by_authority: bool,
	) -> DispatchResult {
		ensure!(guardian.as_ref() != Some(&patient), Error::<T>::GuardianIsPatient);
		Patients::<T>::try_mutate(&patient, |p| {
			let p = p.as_mut().ok_or(Error::<T>::UnknownPatient)?;
			ensure!(p.guardian != guardian, Error::<T>::GuardianUnchanged);
			p.guardian = guardian.clone();
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::GuardianChanged { patient, guardian, by_authority });
		Ok(())
	}

	pub(crate) fn do_add_care_organisation(
		patient: &T::AccountId,
		org: OrganisationId,
	) -> DispatchResult {
		Self::ensure_care_organisation(org)?;
		ensure!(
			!CareOrganisations::<T>::contains_key(patient, org),
			Error::<T>::AlreadyCareOrganisation
		);
		Patients::<T>::try_mutate(patient, |p| {
			let p = p.as_mut().ok_or(Error::<T>::UnknownPatient)?;
			ensure!(
				p.care_organisations < T::MaxCareOrganisations::get(),
				Error::<T>::TooManyCareOrganisations
			);
			p.care_organisations += 1;
			Ok::<_, DispatchError>(())
		})?;
		CareOrganisations::<T>::insert(patient, org, frame_system::Pallet::<T>::block_number());
		Self::deposit_event(Event::CareOrganisationAdded { patient: patient.clone(), org });
		Ok(())
	}

	pub(crate) fn do_remove_care_organisation(
		patient: &T::AccountId,
		org: OrganisationId,
	) -> DispatchResult {
		ensure!(
			CareOrganisations::<T>::contains_key(patient, org),
			Error::<T>::NotCareOrganisation
		);
		Patients::<T>::try_mutate(patient, |p| {
			let p = p.as_mut().ok_or(Error::<T>::UnknownPatient)?;
			p.care_organisations = p.care_organisations.saturating_sub(1);
			Ok::<_, DispatchError>(())
		})?;
		CareOrganisations::<T>::remove(patient, org);
		Self::deposit_event(Event::CareOrganisationRemoved { patient: patient.clone(), org });
		Ok(())
	}

	/// The patient's record, if `who` is the patient or their guardian.
	pub(crate) fn ensure_patient_or_guardian(
		who: &T::AccountId,
		patient: &T::AccountId,
	) -> Result<PatientOf<T>, DispatchError> {
		let p = Patients::<T>::get(patient).ok_or(Error::<T>::UnknownPatient)?;
		ensure!(
			who == patient || p.guardian.as_ref() == Some(who),
			Error::<T>::NotPatientOrGuardian
		);
		Ok(p)
	}

	/// `who` is the patient or their guardian.
	pub(crate) fn is_patient_or_guardian(who: &T::AccountId, patient: &T::AccountId) -> bool {
		who == patient
			|| Patients::<T>::get(patient).is_some_and(|p| p.guardian.as_ref() == Some(who))
	}

	fn ensure_care_organisation(org: OrganisationId) -> DispatchResult {
		let o = T::Directory::organisation(org).ok_or(Error::<T>::InvalidCareOrganisation)?;
		ensure!(
			o.status != OrganisationStatus::Closed && o.kind.provides_care(),
			Error::<T>::InvalidCareOrganisation
		);
		Ok(())
	}
}

impl<T: Config> ruralmed_primitives::PatientDirectory<T::AccountId> for Pallet<T> {
	fn is_patient(patient: &T::AccountId) -> bool {
		Patients::<T>::contains_key(patient)
	}

	fn is_patient_or_guardian(who: &T::AccountId, patient: &T::AccountId) -> bool {
		// One read: the patient must be registered either way.
		Patients::<T>::get(patient)
			.is_some_and(|p| who == patient || p.guardian.as_ref() == Some(who))
	}

	fn record_category(
		patient: &T::AccountId,
		record: ruralmed_primitives::RecordId,
	) -> Option<ruralmed_primitives::RecordCategory> {
		Records::<T>::get(record).filter(|r| &r.patient == patient).map(|r| r.category)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_patient(patient: &T::AccountId) {
		if !Patients::<T>::contains_key(patient) {
			Self::do_register(patient.clone(), None, None).expect("a new patient registers");
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_record(
		patient: &T::AccountId,
		category: ruralmed_primitives::RecordCategory,
	) -> ruralmed_primitives::RecordId {
		Self::benchmark_patient(patient);
		// Self-reported: no organisation or access basis needed.
		Self::do_anchor(
			patient.clone(),
			patient.clone(),
			None,
			category,
			ruralmed_primitives::ContentHash::repeat_byte(7),
			alloc::vec![b'r'; 8],
			1,
			None,
		)
		.expect("a registered patient may anchor a record")
	}
}

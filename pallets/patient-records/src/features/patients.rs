//! Patients, guardians and care organisations.

use crate::*;
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use ruralmed_primitives::{OrganisationId, OrganisationStatus, PractitionerDirectory};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Stores a new patient. The deposit, if any, must already be held from `depositor`.
	pub(crate) fn do_register(
		patient: T::AccountId,
		guardian: Option<T::AccountId>,
		registered_by: Option<OrganisationId>,
		depositor: T::AccountId,
		deposit: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!Patients::<T>::contains_key(&patient), Error::<T>::AlreadyRegistered);
		if let Some(org) = registered_by {
			Self::ensure_care_organisation(org)?;
		}
		// A patient's account exists for as long as the patient does (patients are never
		// removed), so one that holds no tokens can still sign (its nonce is kept).
		frame_system::Pallet::<T>::inc_providers(&patient);
		Patients::<T>::insert(
			&patient,
			Patient {
				guardian: guardian.clone(),
				registered_at: frame_system::Pallet::<T>::block_number(),
				record_count: 0,
				access_count: 0,
				care_organisations: 0,
				depositor,
				deposit,
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

	/// The patient registers itself and pays its deposit; a pending proposal for it is
	/// dropped, so no practitioner can block or pre-empt this.
	pub(crate) fn do_self_register(who: T::AccountId) -> DispatchResult {
		ensure!(!Patients::<T>::contains_key(&who), Error::<T>::AlreadyRegistered);
		Self::drop_proposal(&who)?;
		let deposit = T::PatientDeposit::get();
		Self::hold(HoldReason::PatientDeposit, &who, deposit)?;
		Self::do_register(who.clone(), None, None, who, deposit)
	}

	/// A practitioner registers a self-managing patient and pays its deposit.
	pub(crate) fn do_register_for(
		who: T::AccountId,
		patient: T::AccountId,
		org: OrganisationId,
	) -> DispatchResult {
		ensure!(T::Directory::is_active_member(&who, org), Error::<T>::NotActivePractitioner);
		Self::ensure_care_organisation(org)?;
		ensure!(patient != who, Error::<T>::RegistrarIsPatient);
		ensure!(!Patients::<T>::contains_key(&patient), Error::<T>::AlreadyRegistered);
		if let Some(p) = GuardianshipProposals::<T>::get(&patient) {
			// A pending proposal is the guardian's to accept or let lapse.
			ensure!(
				frame_system::Pallet::<T>::block_number() >= p.expires_at,
				Error::<T>::ProposalPending
			);
			Self::drop_proposal(&patient)?;
		}
		let deposit = T::PatientDeposit::get();
		Self::hold(HoldReason::PatientDeposit, &who, deposit)?;
		Self::do_register(patient, None, Some(org), who, deposit)
	}

	pub(crate) fn do_propose_guardianship(
		who: T::AccountId,
		patient: T::AccountId,
		guardian: T::AccountId,
		org: OrganisationId,
	) -> DispatchResult {
		ensure!(T::Directory::is_active_member(&who, org), Error::<T>::NotActivePractitioner);
		Self::ensure_care_organisation(org)?;
		ensure!(patient != guardian, Error::<T>::GuardianIsPatient);
		// Nobody becomes a guardian on their own say-so: the guardian must be someone else,
		// and must accept.
		ensure!(guardian != who, Error::<T>::GuardianIsRegistrar);
		ensure!(!Patients::<T>::contains_key(&patient), Error::<T>::AlreadyRegistered);
		let now = frame_system::Pallet::<T>::block_number();
		if let Some(p) = GuardianshipProposals::<T>::get(&patient) {
			ensure!(now >= p.expires_at, Error::<T>::ProposalPending);
			Self::drop_proposal(&patient)?;
		}
		let deposit = T::PatientDeposit::get();
		Self::hold(HoldReason::PatientDeposit, &who, deposit)?;
		let expires_at = now.saturating_add(T::GuardianshipProposalPeriod::get());
		GuardianshipProposals::<T>::insert(
			&patient,
			GuardianshipProposal {
				guardian: guardian.clone(),
				org,
				proposed_by: who.clone(),
				deposit,
				expires_at,
			},
		);
		Self::deposit_event(Event::GuardianshipProposed {
			patient,
			guardian,
			org,
			proposed_by: who,
			expires_at,
		});
		Ok(())
	}

	pub(crate) fn do_accept_guardianship(
		who: T::AccountId,
		patient: T::AccountId,
	) -> DispatchResult {
		let p = GuardianshipProposals::<T>::get(&patient).ok_or(Error::<T>::NoProposal)?;
		ensure!(p.guardian == who, Error::<T>::NotProposedGuardian);
		ensure!(
			frame_system::Pallet::<T>::block_number() < p.expires_at,
			Error::<T>::ProposalExpired
		);
		GuardianshipProposals::<T>::remove(&patient);
		// The proposer's deposit stays held, now for the patient.
		Self::do_register(patient, Some(who), Some(p.org), p.proposed_by, p.deposit)
	}

	pub(crate) fn do_withdraw_guardianship_proposal(
		who: T::AccountId,
		patient: T::AccountId,
	) -> DispatchResult {
		let p = GuardianshipProposals::<T>::get(&patient).ok_or(Error::<T>::NoProposal)?;
		ensure!(
			who == p.proposed_by
				|| who == p.guardian
				|| frame_system::Pallet::<T>::block_number() >= p.expires_at,
			Error::<T>::ProposalNotExpired
		);
		Self::drop_proposal(&patient)
	}

	/// Removes the patient's pending proposal, if any, releasing its deposit.
	fn drop_proposal(patient: &T::AccountId) -> DispatchResult {
		if let Some(p) = GuardianshipProposals::<T>::take(patient) {
			Self::release(HoldReason::PatientDeposit, &p.proposed_by, p.deposit)?;
			Self::deposit_event(Event::GuardianshipProposalDropped {
				patient: patient.clone(),
				guardian: p.guardian,
			});
		}
		Ok(())
	}

	/// Holds `amount` from `who`; nothing for a zero deposit (genesis, tests, benchmarks'
	/// helpers for other pallets).
	pub(crate) fn hold(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if !amount.is_zero() {
			T::Currency::hold(&reason.into(), who, amount)?;
		}
		Ok(())
	}

	/// Releases up to `amount` held from `who`.
	pub(crate) fn release(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if !amount.is_zero() {
			T::Currency::release(&reason.into(), who, amount, Precision::BestEffort)?;
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
			Self::do_register(patient.clone(), None, None, patient.clone(), Zero::zero())
				.expect("a new patient registers");
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_guardian(patient: &T::AccountId, guardian: &T::AccountId) {
		Self::benchmark_patient(patient);
		Self::do_set_guardian(patient.clone(), Some(guardian.clone()), true)
			.expect("a new guardian is set");
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
			None,
			1,
			None,
			Zero::zero(),
		)
		.expect("a registered patient may anchor a record")
	}
}

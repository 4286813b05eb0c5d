//! Break-glass emergency access: open, review, escalate, resolve.

use crate::*;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use ruralmed_primitives::{
	ContentHash, Happening, OrganisationId, PatientDirectory, PractitionerDirectory, StatisticsSink,
};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_open_emergency(
		who: T::AccountId,
		patient: T::AccountId,
		org: OrganisationId,
		justification: ContentHash,
		duration: BlockNumberFor<T>,
	) -> Result<EmergencyId, DispatchError> {
		ensure!(T::Directory::is_active_member(&who, org), Error::<T>::NotActivePractitioner);
		ensure!(
			T::Directory::organisation(org).is_some_and(|o| o.kind.provides_care()),
			Error::<T>::NotActivePractitioner
		);
		ensure!(T::Patients::is_patient(&patient), Error::<T>::UnknownPatient);
		ensure!(
			!duration.is_zero() && duration <= T::MaxEmergencyDuration::get(),
			Error::<T>::InvalidPeriod
		);
		let now = frame_system::Pallet::<T>::block_number();
		// Break-glass is for practitioners without consent to everything: one whose treatment
		// grant covers all records uses that instead. A narrower grant (say, Encounters only)
		// does not show the allergies or conditions an emergency may need.
		ensure!(!Self::has_full_treatment_grant(&who, &patient, now), Error::<T>::AlreadyHasAccess);
		ensure!(
			Self::live_emergency(&who, &patient, now).is_none(),
			Error::<T>::EmergencyAccessStillOpen
		);
		// A dispute stands until the authority rules on it: the practitioner may not override
		// the patient's objection by breaking the glass again meanwhile.
		ensure!(
			UnresolvedDisputes::<T>::get(&patient, &who) == 0,
			Error::<T>::EmergencyAccessDisputed
		);
		// Sliding window: forget openings a whole window old, then count the rest.
		let window = T::EmergencyRateWindow::get();
		let mut usage = EmergencyUsageOf::<T>::get(&who);
		usage.retain(|opened| now.saturating_sub(*opened) < window);
		usage.try_push(now).map_err(|_| Error::<T>::RateLimited)?;

		let id = NextEmergencyId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let position = PatientEmergencyCount::<T>::get(&patient);
		let next_position = position.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let expires_at = now.saturating_add(duration);
		let review_by = now.saturating_add(T::EmergencyReviewPeriod::get());
		EmergencyAccesses::<T>::insert(
			id,
			EmergencyAccess {
				patient: patient.clone(),
				practitioner: who.clone(),
				org,
				justification,
				opened_at: now,
				expires_at,
				review_by,
				status: EmergencyStatus::Open,
				disputed: false,
			},
		);
		LatestEmergency::<T>::insert(&patient, &who, id);
		PatientEmergencies::<T>::insert(&patient, position, id);
		PatientEmergencyCount::<T>::insert(&patient, next_position);
		EmergencyUsageOf::<T>::insert(&who, usage);
		NextEmergencyId::<T>::put(next);
		T::Statistics::note(org, Happening::BreakGlassOpened);
		Self::deposit_event(Event::EmergencyAccessOpened {
			emergency: id,
			patient,
			practitioner: who,
			org,
			justification,
			expires_at,
			review_by,
		});
		Ok(id)
	}

	pub(crate) fn do_review(who: T::AccountId, id: EmergencyId, accept: bool) -> DispatchResult {
		let mut e = EmergencyAccesses::<T>::get(id).ok_or(Error::<T>::UnknownEmergency)?;
		ensure!(
			T::Patients::is_patient_or_guardian(&who, &e.patient),
			Error::<T>::NotPatientOrGuardian
		);
		ensure!(e.status == EmergencyStatus::Open, Error::<T>::NotReviewable);
		T::Statistics::note(e.org, Happening::BreakGlassReviewed);
		if accept {
			e.status = EmergencyStatus::Accepted;
			EmergencyAccesses::<T>::insert(id, e);
			Self::deposit_event(Event::EmergencyAccessAccepted { emergency: id });
		} else {
			e.disputed = true;
			UnresolvedDisputes::<T>::try_mutate(&e.patient, &e.practitioner, |n| {
				*n = n.checked_add(1).ok_or(Error::<T>::Overflow)?;
				Ok::<_, Error<T>>(())
			})?;
			Self::escalate(id, e);
		}
		Ok(())
	}

	pub(crate) fn do_escalate_unreviewed(id: EmergencyId) -> DispatchResult {
		let e = EmergencyAccesses::<T>::get(id).ok_or(Error::<T>::UnknownEmergency)?;
		ensure!(e.status == EmergencyStatus::Open, Error::<T>::NotReviewable);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= e.review_by, Error::<T>::ReviewPeriodNotOver);
		Self::escalate(id, e);
		Ok(())
	}

	/// Sends a break-glass access to the authority; its access ends at once.
	fn escalate(id: EmergencyId, mut e: EmergencyAccessOf<T>) {
		e.status = EmergencyStatus::Escalated;
		let disputed = e.disputed;
		EmergencyAccesses::<T>::insert(id, e);
		Escalated::<T>::insert(id, ());
		Self::deposit_event(Event::EmergencyAccessEscalated { emergency: id, disputed });
	}

	pub(crate) fn do_resolve(id: EmergencyId, sanction: bool) -> DispatchResult {
		let mut e = EmergencyAccesses::<T>::get(id).ok_or(Error::<T>::UnknownEmergency)?;
		ensure!(e.status == EmergencyStatus::Escalated, Error::<T>::NotEscalated);
		if sanction {
			// Already suspended or revoked is as good as suspended here.
			let already_barred =
				T::Directory::practitioner(&e.practitioner).is_none_or(|p| !p.active);
			if !already_barred {
				T::Directory::suspend_practitioner(&e.practitioner)?;
			}
			e.status = EmergencyStatus::Sanctioned;
		} else {
			e.status = EmergencyStatus::Cleared;
		}
		if e.disputed {
			UnresolvedDisputes::<T>::mutate_exists(&e.patient, &e.practitioner, |n| {
				*n = n.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
			});
		}
		EmergencyAccesses::<T>::insert(id, e);
		Escalated::<T>::remove(id);
		Self::deposit_event(Event::EmergencyAccessResolved { emergency: id, sanctioned: sanction });
		Ok(())
	}

	/// The patient's break-glass accesses from position `from`, at most `count`, for the
	/// runtime API.
	pub fn emergencies_of(
		patient: &T::AccountId,
		from: u32,
		count: u32,
	) -> alloc::vec::Vec<(EmergencyId, EmergencyAccessOf<T>)> {
		let end = from.saturating_add(count.min(100)).min(PatientEmergencyCount::<T>::get(patient));
		(from..end)
			.filter_map(|i| PatientEmergencies::<T>::get(patient, i))
			.filter_map(|id| EmergencyAccesses::<T>::get(id).map(|e| (id, e)))
			.collect()
	}
}

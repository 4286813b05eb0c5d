//! Teleconsultation referrals.

use super::access::in_period;
use crate::*;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use ruralmed_primitives::{
	OrganisationId, PatientDirectory, PractitionerDirectory, PurposeOfUse, RecordCategory,
};
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_refer(
		referrer: T::AccountId,
		grant_id: GrantId,
		referrer_org: OrganisationId,
		specialist: T::AccountId,
		specialist_org: OrganisationId,
		scope: Scope,
		expires_at: BlockNumberFor<T>,
		may_report: bool,
	) -> Result<ReferralId, DispatchError> {
		let grant = Self::grant(grant_id).ok_or(Error::<T>::UnknownGrant)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			grant.allow_referral && grant.purposes.contains(&PurposeOfUse::Treatment),
			Error::<T>::ReferralNotAllowed
		);
		// A referral passes on no more than the grant gives: a report needs the right to
		// write new documents.
		ensure!(
			!may_report || (grant.can_write && grant.scope.covers_new(RecordCategory::Document)),
			Error::<T>::ReportNotAllowed
		);
		let standing =
			T::Directory::practitioner(&referrer).ok_or(Error::<T>::NotCoveredByGrant)?;
		ensure!(
			standing.active && T::Directory::is_active_member(&referrer, referrer_org),
			Error::<T>::NotCoveredByGrant
		);
		// The referrer must be covered by this very grant now, acting for `referrer_org`.
		let covering = Self::covering_grant(
			&referrer,
			standing.role,
			&grant.patient,
			match grant.grantee {
				Grantee::Practitioner(_) => None,
				Grantee::Organisation { org, .. } => Some(org),
			},
			|g| g.id == grant_id && in_period(&g.starts_at, &g.expires_at, &now),
		);
		ensure!(covering == Some(grant_id), Error::<T>::NotCoveredByGrant);
		if let Grantee::Organisation { org, .. } = grant.grantee {
			ensure!(org == referrer_org, Error::<T>::NotCoveredByGrant);
		}
		ensure!(specialist_org != referrer_org, Error::<T>::SameOrganisation);
		ensure!(
			T::Directory::organisation(specialist_org).is_some_and(|o| o.kind.provides_care()),
			Error::<T>::NotCareOrganisation
		);
		ensure!(
			T::Directory::is_active_member(&specialist, specialist_org),
			Error::<T>::SpecialistNotActive
		);
		ensure!(scope.is_well_formed(), Error::<T>::InvalidScope);
		ensure!(scope.within(&grant.scope), Error::<T>::ScopeTooWide);
		ensure!(
			expires_at > now
				&& expires_at <= grant.expires_at
				&& expires_at.saturating_sub(now) <= T::MaxReferralDuration::get(),
			Error::<T>::InvalidPeriod
		);
		let id = NextReferralId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let patient = grant.patient.clone();
		ReferralsTo::<T>::try_mutate(&patient, &specialist, |list| {
			// Make room by removing referrals that are no longer honoured.
			list.retain(|r| {
				let honoured =
					Referrals::<T>::get(r).is_some_and(|r| Self::referral_honoured(&r, now));
				if !honoured {
					Referrals::<T>::remove(r);
				}
				honoured
			});
			list.try_push(id).map_err(|_| Error::<T>::TooManyReferrals)
		})?;
		Referrals::<T>::insert(
			id,
			Referral {
				patient: patient.clone(),
				grant: grant_id,
				referrer: referrer.clone(),
				referrer_org,
				specialist: specialist.clone(),
				specialist_org,
				scope,
				starts_at: now,
				expires_at,
				may_report,
			},
		);
		NextReferralId::<T>::put(next);
		Self::deposit_event(Event::ReferralCreated {
			referral: id,
			grant: grant_id,
			patient,
			referrer,
			specialist,
			specialist_org,
			expires_at,
		});
		Ok(id)
	}

	/// Ends a referral: revoked by a party, or pruned by anyone once no longer honoured.
	pub(crate) fn do_end_referral(
		who: T::AccountId,
		id: ReferralId,
		prune: bool,
	) -> DispatchResult {
		let r = Referrals::<T>::get(id).ok_or(Error::<T>::UnknownReferral)?;
		if prune {
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(!Self::referral_honoured(&r, now), Error::<T>::ReferralStillValid);
		} else {
			ensure!(
				who == r.referrer || T::Patients::is_patient_or_guardian(&who, &r.patient),
				Error::<T>::NotPermitted
			);
		}
		ReferralsTo::<T>::mutate_exists(&r.patient, &r.specialist, |list| {
			if let Some(l) = list {
				l.retain(|x| *x != id);
				if l.is_empty() {
					*list = None;
				}
			}
		});
		Referrals::<T>::remove(id);
		Self::deposit_event(Event::ReferralEnded { referral: id, patient: r.patient, by: who });
		Ok(())
	}

	/// The referrals of `patient` still on record, for the runtime API, one page at a time:
	/// those to at most `count` specialists (and at most [`MAX_REFERRAL_PAGE`]), in storage
	/// order, starting after specialist `after` (from the first with `None`). The next page
	/// starts after the last referral's specialist; a page with fewer specialists than asked
	/// is the last. Reads `O(count)` entries, however many specialists the patient has.
	pub fn referrals_of(
		patient: &T::AccountId,
		after: Option<T::AccountId>,
		count: u32,
	) -> alloc::vec::Vec<(ReferralId, ReferralOf<T>)> {
		let take = count.min(MAX_REFERRAL_PAGE) as usize;
		let lists = match after {
			Some(specialist) => ReferralsTo::<T>::iter_prefix_from(
				patient,
				ReferralsTo::<T>::hashed_key_for(patient, specialist),
			),
			None => ReferralsTo::<T>::iter_prefix(patient),
		};
		lists
			.take(take)
			.flat_map(|(_, ids)| ids.into_inner())
			.filter_map(|id| Referrals::<T>::get(id).map(|r| (id, r)))
			.collect()
	}
}

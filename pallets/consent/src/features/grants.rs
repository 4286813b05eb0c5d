//! Grants: give, revoke, prune.

use crate::*;
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use frame_system::pallet_prelude::BlockNumberFor;
use ruralmed_primitives::{
	Happening, OrganisationStatus, PatientDirectory, PractitionerDirectory, PurposeOfUse,
	StatisticsSink,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_grant(
		granter: T::AccountId,
		patient: T::AccountId,
		grantee: Grantee<T::AccountId>,
		purposes: Purposes,
		scope: Scope,
		starts_at: BlockNumberFor<T>,
		expires_at: BlockNumberFor<T>,
		can_write: bool,
		allow_referral: bool,
	) -> Result<GrantId, DispatchError> {
		ensure!(!purposes.is_empty() && !has_duplicates(&purposes), Error::<T>::InvalidPurposes);
		ensure!(scope.is_well_formed(), Error::<T>::InvalidScope);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(starts_at < expires_at && expires_at > now, Error::<T>::InvalidPeriod);
		ensure!(
			!allow_referral || purposes.contains(&PurposeOfUse::Treatment),
			Error::<T>::ReferralNeedsTreatment
		);
		match &grantee {
			Grantee::Practitioner(who) => {
				ensure!(T::Directory::practitioner(who).is_some(), Error::<T>::InvalidGrantee)
			}
			Grantee::Organisation { org, roles } => {
				let o = T::Directory::organisation(*org).ok_or(Error::<T>::InvalidGrantee)?;
				ensure!(o.status != OrganisationStatus::Closed, Error::<T>::InvalidGrantee);
				ensure!(!has_duplicates(roles), Error::<T>::InvalidGrantee);
			}
		}
		let count = GrantCount::<T>::get(&patient);
		ensure!(count < T::MaxGrantsPerPatient::get(), Error::<T>::TooManyGrants);
		let id = NextGrantId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let key = grantee.key();
		// The patient's own grants are free (patients pay nothing): at most
		// `MaxGrantsPerPatient` of them. A guardian's hold the deposit.
		let deposit = if granter == patient { Zero::zero() } else { T::GrantDeposit::get() };
		let mut bucket = Grants::<T>::get(&patient, &key);
		bucket
			.try_push(Grant {
				id,
				patient: patient.clone(),
				grantee: grantee.clone(),
				purposes,
				scope,
				starts_at,
				expires_at,
				can_write,
				allow_referral,
				granted_by: granter.clone(),
				deposit,
			})
			.map_err(|_| Error::<T>::TooManyGrants)?;
		if !deposit.is_zero() {
			T::Currency::hold(&HoldReason::GrantDeposit.into(), &granter, deposit)?;
		}
		Grants::<T>::insert(&patient, &key, bucket);
		GrantLocations::<T>::insert(id, (patient.clone(), key));
		GrantCount::<T>::insert(&patient, count + 1);
		NextGrantId::<T>::put(next);
		// Counted where the grantee works: its organisation, or a practitioner's first.
		let grantee_org = match &grantee {
			Grantee::Organisation { org, .. } => Some(*org),
			Grantee::Practitioner(who) => T::Directory::affiliations(who).first().copied(),
		};
		if let Some(org) = grantee_org {
			T::Statistics::note(org, Happening::ConsentGranted);
		}
		Self::deposit_event(Event::ConsentGranted {
			grant: id,
			patient,
			grantee,
			starts_at,
			expires_at,
		});
		Ok(id)
	}

	pub(crate) fn do_revoke(who: T::AccountId, id: GrantId) -> DispatchResult {
		let (patient, key) = GrantLocations::<T>::get(id).ok_or(Error::<T>::UnknownGrant)?;
		ensure!(
			T::Patients::is_patient_or_guardian(&who, &patient),
			Error::<T>::NotPatientOrGuardian
		);
		let mut bucket = Grants::<T>::get(&patient, &key);
		let at = bucket.iter().position(|g| g.id == id).ok_or(Error::<T>::UnknownGrant)?;
		let grant = bucket.remove(at);
		Self::store_bucket(&patient, &key, bucket);
		Self::forget_grant(&grant)?;
		Self::deposit_event(Event::ConsentRevoked { grant: id, patient, grantee: grant.grantee });
		Ok(())
	}

	/// Removes the expired grants of one bucket; returns how many.
	pub(crate) fn do_prune(
		patient: T::AccountId,
		key: GranteeKey<T::AccountId>,
	) -> Result<u32, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let bucket = Grants::<T>::get(&patient, &key);
		let (expired, kept): (alloc::vec::Vec<_>, alloc::vec::Vec<_>) =
			bucket.into_iter().partition(|g| g.expires_at <= now);
		ensure!(!expired.is_empty(), Error::<T>::NothingToPrune);
		// `kept` is a subset of a bounded bucket, so it fits.
		Self::store_bucket(&patient, &key, BoundedVec::truncate_from(kept));
		for grant in &expired {
			Self::forget_grant(grant)?;
			Self::deposit_event(Event::GrantPruned { grant: grant.id, patient: patient.clone() });
		}
		Ok(expired.len() as u32)
	}

	/// Stores a deposit-free organisation grant over all records, for genesis.
	pub(crate) fn insert_genesis_grant(
		patient: &T::AccountId,
		org: ruralmed_primitives::OrganisationId,
		purposes: Purposes,
		expires_at: BlockNumberFor<T>,
		can_write: bool,
		allow_referral: bool,
	) -> Result<GrantId, &'static str> {
		ensure!(!purposes.is_empty() && !has_duplicates(&purposes), "bad genesis purposes");
		ensure!(T::Patients::is_patient(patient), "genesis grant from an unknown patient");
		ensure!(
			T::Directory::organisation(org).is_some(),
			"genesis grant to an unknown organisation"
		);
		let grantee = Grantee::Organisation { org, roles: Roles::default() };
		let key = grantee.key();
		let id = NextGrantId::<T>::get();
		let mut bucket = Grants::<T>::get(patient, &key);
		bucket
			.try_push(Grant {
				id,
				patient: patient.clone(),
				grantee,
				purposes,
				scope: Scope::AllRecords,
				starts_at: Default::default(),
				expires_at,
				can_write,
				allow_referral,
				granted_by: patient.clone(),
				deposit: Default::default(),
			})
			.map_err(|_| "too many genesis grants to one organisation")?;
		Grants::<T>::insert(patient, &key, bucket);
		GrantLocations::<T>::insert(id, (patient.clone(), key));
		GrantCount::<T>::mutate(patient, |c| *c += 1);
		NextGrantId::<T>::put(id + 1);
		Ok(id)
	}

	fn store_bucket(
		patient: &T::AccountId,
		key: &GranteeKey<T::AccountId>,
		bucket: GrantBucket<T>,
	) {
		if bucket.is_empty() {
			Grants::<T>::remove(patient, key);
		} else {
			Grants::<T>::insert(patient, key, bucket);
		}
	}

	/// Drops a removed grant's location and count, and releases its deposit.
	fn forget_grant(grant: &GrantOf<T>) -> DispatchResult {
		GrantLocations::<T>::remove(grant.id);
		GrantCount::<T>::mutate_exists(&grant.patient, |c| {
			*c = c.and_then(|c| c.checked_sub(1)).filter(|c| *c > 0);
		});
		T::Currency::release(
			&HoldReason::GrantDeposit.into(),
			&grant.granted_by,
			grant.deposit,
			Precision::BestEffort,
		)?;
		Ok(())
	}

	/// The grant with this id, if it exists.
	pub fn grant(id: GrantId) -> Option<GrantOf<T>> {
		let (patient, key) = GrantLocations::<T>::get(id)?;
		Grants::<T>::get(&patient, &key).into_iter().find(|g| g.id == id)
	}

	/// Every grant of `patient` (at most `MaxGrantsPerPatient`), for the runtime API.
	pub fn grants_of(patient: &T::AccountId) -> alloc::vec::Vec<GrantOf<T>> {
		Grants::<T>::iter_prefix_values(patient).flat_map(|b| b.into_inner()).collect()
	}
}

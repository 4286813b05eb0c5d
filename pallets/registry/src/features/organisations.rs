//! Organisation lifecycle: apply, verify, suspend, close, reject, transfer admin.

use crate::*;
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use ruralmed_primitives::{OrganisationId, OrganisationKind, OrganisationStatus, RegionCode};

impl<T: Config> Pallet<T> {
	/// Registers a pending organisation with `who` as admin, holding the deposit.
	pub(crate) fn do_apply(
		who: T::AccountId,
		kind: OrganisationKind,
		name: alloc::vec::Vec<u8>,
		region: RegionCode,
	) -> Result<OrganisationId, DispatchError> {
		ensure!(!name.is_empty(), Error::<T>::InvalidName);
		let name: BoundedVec<u8, T::MaxNameLength> =
			name.try_into().map_err(|_| Error::<T>::InvalidName)?;
		ensure!(region.is_valid(), Error::<T>::InvalidRegion);
		let count = OrganisationCount::<T>::get();
		ensure!(count < T::MaxOrganisations::get(), Error::<T>::TooManyOrganisations);
		let org = NextOrganisationId::<T>::get();
		let next = org.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let deposit = T::OrganisationDeposit::get();
		T::Currency::hold(&HoldReason::OrganisationDeposit.into(), &who, deposit)?;
		Organisations::<T>::insert(
			org,
			Organisation {
				kind,
				name,
				region,
				admin: who.clone(),
				status: OrganisationStatus::Pending,
				deposit,
				depositor: who.clone(),
				practitioner_count: 0,
				applied_at: frame_system::Pallet::<T>::block_number(),
				verified_at: None,
			},
		);
		NextOrganisationId::<T>::put(next);
		OrganisationCount::<T>::put(count.saturating_add(1));
		Self::deposit_event(Event::OrganisationApplied { org, admin: who, kind, region });
		Ok(org)
	}

	pub(crate) fn do_verify_organisation(org: OrganisationId) -> DispatchResult {
		Organisations::<T>::try_mutate(org, |o| {
			let o = o.as_mut().ok_or(Error::<T>::UnknownOrganisation)?;
			ensure!(
				matches!(o.status, OrganisationStatus::Pending | OrganisationStatus::Suspended),
				Error::<T>::InvalidOrganisationStatus
			);
			o.status = OrganisationStatus::Active;
			o.verified_at = Some(frame_system::Pallet::<T>::block_number());
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::OrganisationVerified { org });
		Ok(())
	}

	pub(crate) fn do_suspend_organisation(org: OrganisationId) -> DispatchResult {
		Organisations::<T>::try_mutate(org, |o| {
			let o = o.as_mut().ok_or(Error::<T>::UnknownOrganisation)?;
			ensure!(o.status == OrganisationStatus::Active, Error::<T>::InvalidOrganisationStatus);
			o.status = OrganisationStatus::Suspended;
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::OrganisationSuspended { org });
		Ok(())
	}

	pub(crate) fn do_close_organisation(org: OrganisationId) -> DispatchResult {
		let (depositor, deposit) = Organisations::<T>::try_mutate(org, |o| {
			let o = o.as_mut().ok_or(Error::<T>::UnknownOrganisation)?;
			ensure!(o.status != OrganisationStatus::Closed, Error::<T>::InvalidOrganisationStatus);
			o.status = OrganisationStatus::Closed;
			let deposit = core::mem::take(&mut o.deposit);
			Ok::<_, DispatchError>((o.depositor.clone(), deposit))
		})?;
		Self::release_deposit(&depositor, deposit)?;
		Self::deposit_event(Event::OrganisationClosed { org });
		Ok(())
	}

	pub(crate) fn do_reject_application(org: OrganisationId) -> DispatchResult {
		let o = Organisations::<T>::get(org).ok_or(Error::<T>::UnknownOrganisation)?;
		// Only an untouched application can vanish; anything with staff has history.
		ensure!(
			o.status == OrganisationStatus::Pending && o.practitioner_count == 0,
			Error::<T>::InvalidOrganisationStatus
		);
		Self::release_deposit(&o.depositor, o.deposit)?;
		Organisations::<T>::remove(org);
		OrganisationCount::<T>::mutate(|c| *c = c.saturating_sub(1));
		Self::deposit_event(Event::ApplicationRejected { org });
		Ok(())
	}

	pub(crate) fn do_transfer_admin(
		who: T::AccountId,
		org: OrganisationId,
		new_admin: T::AccountId,
	) -> DispatchResult {
		Organisations::<T>::try_mutate(org, |o| {
			let o = o.as_mut().ok_or(Error::<T>::UnknownOrganisation)?;
			ensure!(o.admin == who, Error::<T>::NotOrganisationAdmin);
			ensure!(o.admin != new_admin, Error::<T>::AlreadyAdmin);
			ensure!(o.status != OrganisationStatus::Closed, Error::<T>::InvalidOrganisationStatus);
			// Admin powers follow the licence (review L5): a suspended or revoked practitioner
			// cannot be handed them. The current admin may hand them on whatever its own
			// standing, which is how an organisation with a barred admin recovers.
			ensure!(!Self::is_barred(&new_admin), Error::<T>::BarredPractitioner);
			o.admin = new_admin.clone();
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::AdminTransferred { org, from: who, to: new_admin });
		Ok(())
	}

	fn release_deposit(depositor: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		if amount == Default::default() {
			return Ok(());
		}
		T::Currency::release(
			&HoldReason::OrganisationDeposit.into(),
			depositor,
			amount,
			Precision::BestEffort,
		)?;
		Ok(())
	}
}

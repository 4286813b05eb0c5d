//! Practitioners: affiliations managed by organisation admins, licences by the authority.

use crate::*;
use frame_support::pallet_prelude::*;
use ruralmed_primitives::{ContentHash, OrganisationId, OrganisationStatus, PractitionerRole};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_add_practitioner(
		admin: &T::AccountId,
		org: OrganisationId,
		practitioner: T::AccountId,
		role: PractitionerRole,
		licence_hash: ContentHash,
	) -> DispatchResult {
		let mut o = Organisations::<T>::get(org).ok_or(Error::<T>::UnknownOrganisation)?;
		ensure!(&o.admin == admin, Error::<T>::NotOrganisationAdmin);
		ensure!(!Self::is_barred(admin), Error::<T>::BarredPractitioner);
		ensure!(o.status == OrganisationStatus::Active, Error::<T>::OrganisationNotActive);

		let mut p = match Practitioners::<T>::get(&practitioner) {
			Some(p) => {
				ensure!(p.status != LicenceStatus::Revoked, Error::<T>::LicenceRevoked);
				ensure!(p.role == role, Error::<T>::RoleMismatch);
				ensure!(p.licence_hash == licence_hash, Error::<T>::LicenceMismatch);
				ensure!(!p.affiliations.contains(&org), Error::<T>::AlreadyAffiliated);
				p
			}
			None => {
				// Only a licence the authority verified is bound (see `do_verify_licence`), so a
				// registration with a guessed hash blocks no one.
				ensure!(
					!LicenceOwners::<T>::contains_key(licence_hash),
					Error::<T>::LicenceAlreadyRegistered
				);
				Practitioner {
					role,
					licence_hash,
					status: LicenceStatus::Unverified,
					affiliations: BoundedVec::new(),
				}
			}
		};
		p.affiliations.try_push(org).map_err(|_| Error::<T>::TooManyAffiliations)?;
		o.practitioner_count = o.practitioner_count.saturating_add(1);
		Practitioners::<T>::insert(&practitioner, p);
		Organisations::<T>::insert(org, o);
		Self::deposit_event(Event::PractitionerAdded { org, practitioner, role });
		Ok(())
	}

	pub(crate) fn do_remove_practitioner(
		who: &T::AccountId,
		org: OrganisationId,
		practitioner: T::AccountId,
	) -> DispatchResult {
		let mut o = Organisations::<T>::get(org).ok_or(Error::<T>::UnknownOrganisation)?;
		let mut p =
			Practitioners::<T>::get(&practitioner).ok_or(Error::<T>::UnknownPractitioner)?;
		ensure!(&o.admin == who || who == &practitioner, Error::<T>::NotAdminOrPractitioner);
		if who != &practitioner {
			ensure!(!Self::is_barred(who), Error::<T>::BarredPractitioner);
		}
		let at = p.affiliations.iter().position(|a| *a == org).ok_or(Error::<T>::NotAffiliated)?;
		p.affiliations.swap_remove(at);
		o.practitioner_count = o.practitioner_count.saturating_sub(1);
		Practitioners::<T>::insert(&practitioner, p);
		Organisations::<T>::insert(org, o);
		Self::deposit_event(Event::PractitionerRemoved { org, practitioner });
		Ok(())
	}

	/// Activates the licence and binds its hash to the practitioner, unless the hash is bound
	/// to another account. Binding here, not at registration, is what stops an admin from
	/// squatting guessable licence hashes on puppet accounts (review M5): only a licence the
	/// authority has checked keeps others out.
	pub(crate) fn do_verify_licence(practitioner: T::AccountId) -> DispatchResult {
		Practitioners::<T>::try_mutate(&practitioner, |p| {
			let p = p.as_mut().ok_or(Error::<T>::UnknownPractitioner)?;
			ensure!(
				matches!(p.status, LicenceStatus::Unverified | LicenceStatus::Suspended),
				Error::<T>::InvalidLicenceStatus
			);
			match LicenceOwners::<T>::get(p.licence_hash) {
				Some(owner) => ensure!(owner == practitioner, Error::<T>::LicenceAlreadyRegistered),
				None => LicenceOwners::<T>::insert(p.licence_hash, &practitioner),
			}
			p.status = LicenceStatus::Active;
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::LicenceVerified { practitioner });
		Ok(())
	}

	/// Unbinds `licence_hash` and revokes the account it was bound to.
	pub(crate) fn do_release_licence(licence_hash: ContentHash) -> DispatchResult {
		let practitioner =
			LicenceOwners::<T>::take(licence_hash).ok_or(Error::<T>::UnknownLicence)?;
		// Revoked rather than left as it was: an active practitioner must hold its licence, or
		// two accounts could be active with one licence.
		Practitioners::<T>::mutate(&practitioner, |p| {
			if let Some(p) = p {
				p.status = LicenceStatus::Revoked;
			}
		});
		Self::deposit_event(Event::LicenceReleased { licence_hash, practitioner });
		Ok(())
	}

	/// Whether `who` is a practitioner whose licence is suspended or revoked.
	pub(crate) fn is_barred(who: &T::AccountId) -> bool {
		Practitioners::<T>::get(who).is_some_and(|p| p.status.is_barred())
	}

	pub(crate) fn do_suspend_practitioner(practitioner: T::AccountId) -> DispatchResult {
		Self::set_licence_status(
			&practitioner,
			|s| matches!(s, LicenceStatus::Unverified | LicenceStatus::Active),
			LicenceStatus::Suspended,
		)?;
		Self::deposit_event(Event::PractitionerSuspended { practitioner });
		Ok(())
	}

	pub(crate) fn do_revoke_licence(practitioner: T::AccountId) -> DispatchResult {
		Self::set_licence_status(
			&practitioner,
			|s| s != LicenceStatus::Revoked,
			LicenceStatus::Revoked,
		)?;
		Self::deposit_event(Event::LicenceRevoked { practitioner });
		Ok(())
	}

	/// Moves a licence to `to` if its current status passes `allowed`.
	fn set_licence_status(
		practitioner: &T::AccountId,
		allowed: impl FnOnce(LicenceStatus) -> bool,
		to: LicenceStatus,
	) -> DispatchResult {
		Practitioners::<T>::try_mutate(practitioner, |p| {
			let p = p.as_mut().ok_or(Error::<T>::UnknownPractitioner)?;
			ensure!(allowed(p.status), Error::<T>::InvalidLicenceStatus);
			p.status = to;
			Ok(())
		})
	}
}

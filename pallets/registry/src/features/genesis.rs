//! Genesis: the organisations, practitioners and keys of a preset.

use crate::*;
use frame_support::pallet_prelude::*;
use ruralmed_primitives::OrganisationStatus;

impl<T: Config> Pallet<T> {
	/// Builds the genesis state; any inconsistency in the config is an error, so a broken
	/// preset fails at build time instead of starting a chain with half a registry.
	pub(crate) fn build_genesis(config: &GenesisConfig<T>) -> Result<(), &'static str> {
		for (admin, kind, name, region, active) in &config.organisations {
			ensure!(region.is_valid(), "genesis organisation has an invalid region");
			let name: BoundedVec<u8, T::MaxNameLength> =
				name.clone().try_into().map_err(|_| "genesis organisation name too long")?;
			let org = NextOrganisationId::<T>::get();
			let count = OrganisationCount::<T>::get();
			ensure!(count < T::MaxOrganisations::get(), "more genesis organisations than allowed");
			OrganisationCount::<T>::put(count + 1);
			Organisations::<T>::insert(
				org,
				Organisation {
					kind: *kind,
					name,
					region: *region,
					admin: admin.clone(),
					status: if *active {
						OrganisationStatus::Active
					} else {
						OrganisationStatus::Pending
					},
					deposit: Default::default(),
					depositor: admin.clone(),
					practitioner_count: 0,
					applied_at: Default::default(),
					// Verified in the genesis block.
					verified_at: active.then(Default::default),
				},
			);
			NextOrganisationId::<T>::put(org.checked_add(1).ok_or("too many organisations")?);
		}
		for (who, role, licence_hash, orgs, verified) in &config.practitioners {
			ensure!(!Practitioners::<T>::contains_key(who), "genesis practitioner listed twice");
			ensure!(!LicenceOwners::<T>::contains_key(licence_hash), "genesis licence reused");
			let affiliations: BoundedVec<_, T::MaxAffiliations> =
				orgs.clone().try_into().map_err(|_| "genesis practitioner: too many orgs")?;
			for org in orgs {
				Organisations::<T>::try_mutate(org, |o| {
					let o = o.as_mut().ok_or("genesis practitioner: unknown organisation")?;
					o.practitioner_count += 1;
					Ok::<_, &'static str>(())
				})?;
			}
			// As on chain, a licence is bound to its holder once verified.
			if *verified {
				LicenceOwners::<T>::insert(licence_hash, who);
			}
			Practitioners::<T>::insert(
				who,
				Practitioner {
					role: *role,
					licence_hash: *licence_hash,
					status: if *verified {
						LicenceStatus::Active
					} else {
						LicenceStatus::Unverified
					},
					affiliations,
				},
			);
		}
		for (who, key) in &config.encryption_keys {
			EncryptionKeys::<T>::insert(
				who,
				CurrentKey { key: *key, version: 0, published_at: Default::default() },
			);
		}
		Ok(())
	}
}

//! Products: a manufacturer registers what it makes under a GTIN.

use crate::*;
use frame_support::{ensure, pallet_prelude::DispatchResult};
use ruralmed_primitives::{OrganisationId, OrganisationKind, PractitionerDirectory};

impl<T: Config> Pallet<T> {
	/// Fails with `NotManufacturer` unless `org` is an active manufacturer.
	pub(crate) fn ensure_manufacturer(org: OrganisationId) -> DispatchResult {
		ensure!(
			T::Directory::organisation(org)
				.is_some_and(|o| o.kind == OrganisationKind::Manufacturer),
			Error::<T>::NotManufacturer
		);
		Ok(())
	}

	/// Validates a product's fields.
	pub(crate) fn check_product(
		gtin: &Gtin,
		name: &[u8],
		storage: &StorageCondition,
	) -> DispatchResult {
		ensure!(gtin.is_valid(), Error::<T>::InvalidGtin);
		ensure!(!Products::<T>::contains_key(gtin), Error::<T>::ProductExists);
		ensure!(!name.is_empty(), Error::<T>::InvalidName);
		if let StorageCondition::ColdChain { min_decicelsius, max_decicelsius } = storage {
			ensure!(min_decicelsius < max_decicelsius, Error::<T>::InvalidTemperatureRange);
		}
		Ok(())
	}

	/// Registers a product for `org`, on behalf of `who`.
	pub(crate) fn do_register_product(
		who: &T::AccountId,
		org: OrganisationId,
		gtin: Gtin,
		name: ProductName,
		form: DosageForm,
		strength: Strength,
		storage: StorageCondition,
	) -> DispatchResult {
		Self::ensure_acts_for(who, org)?;
		Self::ensure_manufacturer(org)?;
		Self::check_product(&gtin, &name, &storage)?;
		Products::<T>::insert(
			gtin,
			Product { manufacturer: org, name, form, strength, storage, lots: 0 },
		);
		Self::deposit_event(Event::ProductRegistered { gtin, manufacturer: org });
		Ok(())
	}
}

//! Products: the authority assigns GS1 company prefixes to manufacturers; a manufacturer
//! registers what it makes under a GTIN of one of its prefixes; the authority reassigns or
//! retires products.

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

	/// The organisation holding the longest assigned company prefix `gtin` falls under, if
	/// any. The longest match decides, as in GS1's own allocation, so a shorter prefix never
	/// covers a longer one assigned to someone else. At most six reads.
	pub fn prefix_owner(gtin: &Gtin) -> Option<OrganisationId> {
		(MIN_COMPANY_PREFIX_LEN..=MAX_COMPANY_PREFIX_LEN).rev().find_map(|len| {
			let prefix = CompanyPrefix::try_from(gtin.company_prefix(len)?.to_vec()).ok()?;
			PrefixOwners::<T>::get(prefix)
		})
	}

	/// Validates a product's fields, including that `gtin` is under one of `org`'s prefixes.
	pub(crate) fn check_product(
		org: OrganisationId,
		gtin: &Gtin,
		name: &[u8],
		storage: &StorageCondition,
	) -> DispatchResult {
		ensure!(gtin.is_valid(), Error::<T>::InvalidGtin);
		ensure!(Self::prefix_owner(gtin) == Some(org), Error::<T>::GtinNotInCompanyPrefix);
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
		Self::check_product(org, &gtin, &name, &storage)?;
		Products::<T>::insert(
			gtin,
			Product { manufacturer: org, name, form, strength, storage, lots: 0 },
		);
		Self::deposit_event(Event::ProductRegistered { gtin, manufacturer: org });
		Ok(())
	}

	/// Assigns a company prefix to a manufacturer (the authority's call).
	pub(crate) fn do_assign_prefix(org: OrganisationId, prefix: CompanyPrefix) -> DispatchResult {
		Self::ensure_manufacturer(org)?;
		ensure!(is_company_prefix(&prefix), Error::<T>::InvalidCompanyPrefix);
		ensure!(!PrefixOwners::<T>::contains_key(&prefix), Error::<T>::PrefixTaken);
		CompanyPrefixes::<T>::try_mutate(org, |prefixes| {
			prefixes.try_push(prefix.clone()).map_err(|_| Error::<T>::TooManyPrefixes)
		})?;
		PrefixOwners::<T>::insert(&prefix, org);
		Self::deposit_event(Event::CompanyPrefixAssigned { org, prefix });
		Ok(())
	}

	/// Takes a company prefix back (the authority's call).
	pub(crate) fn do_remove_prefix(prefix: CompanyPrefix) -> DispatchResult {
		let org = PrefixOwners::<T>::take(&prefix).ok_or(Error::<T>::UnknownPrefix)?;
		CompanyPrefixes::<T>::mutate_exists(org, |prefixes| {
			if let Some(list) = prefixes {
				list.retain(|p| *p != prefix);
				if list.is_empty() {
					*prefixes = None;
				}
			}
		});
		Self::deposit_event(Event::CompanyPrefixRemoved { org, prefix });
		Ok(())
	}

	/// Moves a product to another manufacturer (the authority's call). Its lots keep the maker
	/// that commissioned them: rewriting them would be unbounded, and they are that maker's.
	pub(crate) fn do_reassign_product(gtin: Gtin, to: OrganisationId) -> DispatchResult {
		let mut product = Products::<T>::get(gtin).ok_or(Error::<T>::UnknownProduct)?;
		Self::ensure_manufacturer(to)?;
		let from = product.manufacturer;
		ensure!(from != to, Error::<T>::SameManufacturer);
		product.manufacturer = to;
		Products::<T>::insert(gtin, product);
		Self::deposit_event(Event::ProductReassigned { gtin, from, to });
		Ok(())
	}

	/// Retires a product (the authority's call): no new lots.
	pub(crate) fn do_retire_product(gtin: Gtin) -> DispatchResult {
		ensure!(Products::<T>::contains_key(gtin), Error::<T>::UnknownProduct);
		ensure!(!RetiredProducts::<T>::contains_key(gtin), Error::<T>::ProductRetired);
		RetiredProducts::<T>::insert(gtin, Self::now());
		Self::deposit_event(Event::ProductRetired { gtin });
		Ok(())
	}
}

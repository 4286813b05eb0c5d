//! Genesis: the demo presets' products and lots.

use crate::*;
use ruralmed_primitives::OrganisationId;

impl<T: Config> Pallet<T> {
	/// Assigns a company prefix at genesis. Panics on invalid input: a broken chain spec must
	/// not start a chain.
	pub(crate) fn genesis_prefix(maker: OrganisationId, prefix: &[u8]) {
		let prefix = CompanyPrefix::try_from(prefix.to_vec()).expect("genesis prefix fits");
		Self::do_assign_prefix(maker, prefix).expect("genesis prefix is valid and free");
	}

	/// Registers a product at genesis. Panics on invalid input: a broken chain spec must not
	/// start a chain.
	pub(crate) fn genesis_product(
		maker: OrganisationId,
		gtin: Gtin,
		name: &[u8],
		form: DosageForm,
		strength: &[u8],
		storage: StorageCondition,
	) {
		Self::ensure_manufacturer(maker).expect("genesis product's maker is a manufacturer");
		// Its GTIN must be under one of the maker's genesis prefixes.
		Self::check_product(maker, &gtin, name, &storage).expect("genesis product is valid");
		let name = ProductName::try_from(name.to_vec()).expect("genesis product name fits");
		let strength = Strength::try_from(strength.to_vec()).expect("genesis strength fits");
		Products::<T>::insert(
			gtin,
			Product { manufacturer: maker, name, form, strength, storage, lots: 0 },
		);
	}

	/// Commissions an unserialised lot at genesis, held by its manufacturer.
	pub(crate) fn genesis_lot(gtin: Gtin, number: &[u8], made: Day, expires: Day, quantity: u32) {
		let number = LotNumber::try_from(number.to_vec()).expect("genesis lot number fits");
		Self::insert_lot(gtin, number, made, expires, quantity, false, true)
			.expect("genesis lot is valid");
	}
}

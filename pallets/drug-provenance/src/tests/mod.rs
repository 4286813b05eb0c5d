//! Unit tests of the drug provenance pallet, one file per feature, sharing the helpers here.

use crate::{mock::*, *};
use frame_support::{assert_ok, BoundedVec};

mod custody;
mod dispensing;
mod lots;
mod products;
mod quality;
mod verification;
mod weights_cover_storage;

pub fn bounded<const N: u32>(text: &[u8]) -> BoundedVec<u8, frame_support::traits::ConstU32<N>> {
	BoundedVec::try_from(text.to_vec()).expect("test text fits")
}

pub fn lot_number(text: &str) -> LotNumber {
	bounded(text.as_bytes())
}

pub fn serial(text: &str) -> Serial {
	bounded(text.as_bytes())
}

pub fn serials(texts: &[&str]) -> SerialList {
	BoundedVec::try_from(texts.iter().map(|t| serial(t)).collect::<Vec<_>>()).expect("fits")
}

pub fn no_serials() -> SerialList {
	BoundedVec::default()
}

pub const COLD: StorageCondition =
	StorageCondition::ColdChain { min_decicelsius: 20, max_decicelsius: 80 };

/// Registers the tablet (ambient) and the vaccine (2–8 °C) of the manufacturer.
pub fn register_products() {
	assert_ok!(DrugProvenance::register_product(
		RuntimeOrigin::signed(MAKER_ADMIN),
		MAKER,
		Gtin(AMOXICILLIN),
		bounded(b"Amoxicillin"),
		DosageForm::Capsule,
		bounded(b"500 mg"),
		StorageCondition::Ambient,
	));
	assert_ok!(DrugProvenance::register_product(
		RuntimeOrigin::signed(MAKER_ADMIN),
		MAKER,
		Gtin(VACCINE),
		bounded(b"Measles-rubella vaccine"),
		DosageForm::Vaccine,
		bounded(b"10 doses"),
		COLD,
	));
}

/// Commissions a lot of `gtin` (made 30 days ago, expiring in two years) and returns its id.
pub fn commission(gtin: [u8; 14], number: &str, quantity: u32, serialised: bool) -> LotId {
	let id = NextLotId::<Test>::get();
	assert_ok!(DrugProvenance::commission_lot(
		RuntimeOrigin::signed(MAKER_ADMIN),
		Gtin(gtin),
		lot_number(number),
		TODAY - 30,
		TODAY + 730,
		quantity,
		serialised,
	));
	id
}

/// Ships `quantity` packs (or `packs`) of `lot` from `from` (acted for by `sender`) to `to`
/// and has `receiver` receive all of them.
pub fn ship_and_receive(
	lot: LotId,
	(from, sender): (u32, u64),
	(to, receiver): (u32, u64),
	quantity: u32,
	packs: SerialList,
) {
	let shipment = NextShipmentId::<Test>::get();
	assert_ok!(DrugProvenance::ship(RuntimeOrigin::signed(sender), lot, from, to, quantity, packs));
	assert_ok!(DrugProvenance::receive_shipment(
		RuntimeOrigin::signed(receiver),
		shipment,
		quantity,
		no_serials(),
	));
}

/// An unserialised lot of 100 tablets, 60 at the distributor, 40 still at the maker; 25 of
/// the distributor's passed on to the pharmacy.
pub fn stocked_pharmacy() -> LotId {
	register_products();
	let lot = commission(AMOXICILLIN, "AMX-001", 100, false);
	ship_and_receive(lot, (MAKER, MAKER_ADMIN), (DISTRIBUTOR, DISTRIBUTOR_ADMIN), 60, no_serials());
	ship_and_receive(
		lot,
		(DISTRIBUTOR, DISTRIBUTOR_ADMIN),
		(PHARMACY, PHARMACIST),
		25,
		no_serials(),
	);
	lot
}

/// A serialised vaccine lot of 10 packs with serials S1..S5 commissioned, all at the maker.
pub fn serialised_lot() -> LotId {
	register_products();
	let lot = commission(VACCINE, "MR-2026-07", 10, true);
	assert_ok!(DrugProvenance::commission_serials(
		RuntimeOrigin::signed(MAKER_ADMIN),
		lot,
		serials(&["S1", "S2", "S3", "S4", "S5"]),
	));
	lot
}

//! Lots and serialised packs.

use super::*;
use frame_support::assert_noop;

fn commission_as(
	who: u64,
	gtin: [u8; 14],
	number: &str,
	made: u32,
	expires: u32,
	quantity: u32,
) -> sp_runtime::DispatchResult {
	DrugProvenance::commission_lot(
		RuntimeOrigin::signed(who),
		Gtin(gtin),
		lot_number(number),
		made,
		expires,
		quantity,
		false,
	)
}

#[test]
fn an_unserialised_lot_is_held_by_its_maker() {
	test(|| {
		register_products();
		let lot = commission(AMOXICILLIN, "AMX-001", 100, false);
		System::assert_last_event(
			Event::LotCommissioned {
				lot,
				gtin: Gtin(AMOXICILLIN),
				number: lot_number("AMX-001"),
				manufacturer: MAKER,
				quantity: 100,
				expires_on: TODAY + 730,
				serialised: false,
			}
			.into(),
		);
		assert_eq!(Holdings::<Test>::get(lot, MAKER), 100);
		assert_eq!(LotIds::<Test>::get(Gtin(AMOXICILLIN), lot_number("AMX-001")), Some(lot));
		let event = CustodyEvents::<Test>::get(lot, 0).unwrap();
		assert_eq!(event.step, BusinessStep::Commissioning);
		assert_eq!(event.region, ruralmed_primitives::RegionCode::new(5, 1, 0));
		assert_eq!(Products::<Test>::get(Gtin(AMOXICILLIN)).unwrap().lots, 1);
	});
}

#[test]
fn lot_refusals() {
	test(|| {
		register_products();
		assert_noop!(
			commission_as(MAKER_ADMIN, *b"04006381333931", "L1", TODAY, TODAY + 1, 1),
			Error::<Test>::UnknownProduct
		);
		// Only the product's manufacturer commissions its lots.
		assert_noop!(
			commission_as(OTHER_MAKER_ADMIN, AMOXICILLIN, "L1", TODAY, TODAY + 10, 1),
			Error::<Test>::NotManufacturer
		);
		assert_noop!(
			commission_as(MAKER_ADMIN, AMOXICILLIN, "L 1", TODAY, TODAY + 10, 1),
			Error::<Test>::InvalidLotNumber
		);
		assert_noop!(
			commission_as(MAKER_ADMIN, AMOXICILLIN, "L1", TODAY, TODAY, 1),
			Error::<Test>::ExpiryNotAfterManufacture
		);
		assert_noop!(
			commission_as(MAKER_ADMIN, AMOXICILLIN, "L1", TODAY + 2, TODAY + 10, 1),
			Error::<Test>::ManufacturedInFuture
		);
		assert_noop!(
			commission_as(MAKER_ADMIN, AMOXICILLIN, "L1", TODAY - 100, TODAY, 1),
			Error::<Test>::StockExpired
		);
		assert_noop!(
			commission_as(MAKER_ADMIN, AMOXICILLIN, "L1", TODAY, TODAY + 10, 0),
			Error::<Test>::InvalidQuantity
		);
		assert_noop!(
			commission_as(MAKER_ADMIN, AMOXICILLIN, "L1", TODAY, TODAY + 10, 10_001),
			Error::<Test>::InvalidQuantity
		);
		assert_ok!(commission_as(MAKER_ADMIN, AMOXICILLIN, "L1", TODAY, TODAY + 10, 1));
		assert_noop!(
			commission_as(MAKER_ADMIN, AMOXICILLIN, "L1", TODAY, TODAY + 10, 1),
			Error::<Test>::LotExists
		);
		// The same lot number is fine for another product.
		assert_ok!(commission_as(MAKER_ADMIN, VACCINE, "L1", TODAY, TODAY + 10, 1));
		NextLotId::<Test>::put(u64::MAX);
		assert_noop!(
			commission_as(MAKER_ADMIN, AMOXICILLIN, "L2", TODAY, TODAY + 10, 1),
			Error::<Test>::Overflow
		);
		NextLotId::<Test>::put(2);
	});
}

#[test]
fn serials_are_commissioned_in_chunks_up_to_the_lot_size() {
	test(|| {
		let lot = serialised_lot();
		System::assert_last_event(
			Event::PacksCommissioned { lot, count: 5, commissioned: 5 }.into(),
		);
		assert_ok!(DrugProvenance::commission_serials(
			RuntimeOrigin::signed(MAKER_ADMIN),
			lot,
			serials(&["S6", "S7", "S8", "S9", "S10"]),
		));
		assert_eq!(Holdings::<Test>::get(lot, MAKER), 10);
		assert_eq!(
			Packs::<Test>::get(lot, serial("S7")),
			Some(Pack { custody: Custody::Held(MAKER), status: PackStatus::Active })
		);
		assert_noop!(
			DrugProvenance::commission_serials(
				RuntimeOrigin::signed(MAKER_ADMIN),
				lot,
				serials(&["S11"])
			),
			Error::<Test>::TooManySerials
		);
	});
}

#[test]
fn serial_refusals() {
	test(|| {
		let lot = serialised_lot();
		let plain = commission(AMOXICILLIN, "AMX-001", 10, false);
		let commission_serials = |who: u64, lot: LotId, list: SerialList| {
			DrugProvenance::commission_serials(RuntimeOrigin::signed(who), lot, list)
		};
		assert_noop!(
			commission_serials(MAKER_ADMIN, 99, serials(&["A"])),
			Error::<Test>::UnknownLot
		);
		assert_noop!(
			commission_serials(OTHER_MAKER_ADMIN, lot, serials(&["A"])),
			Error::<Test>::NotManufacturer
		);
		assert_noop!(
			commission_serials(MAKER_ADMIN, plain, serials(&["A"])),
			Error::<Test>::NotSerialised
		);
		assert_noop!(
			commission_serials(MAKER_ADMIN, lot, no_serials()),
			Error::<Test>::InvalidQuantity
		);
		assert_noop!(
			commission_serials(MAKER_ADMIN, lot, serials(&["A", "B C"])),
			Error::<Test>::InvalidSerial
		);
		assert_noop!(
			commission_serials(MAKER_ADMIN, lot, serials(&["A", "A"])),
			Error::<Test>::DuplicateSerial
		);
		assert_noop!(
			commission_serials(MAKER_ADMIN, lot, serials(&["S1"])),
			Error::<Test>::DuplicateSerial
		);
		assert_ok!(DrugProvenance::recall_lot(
			RuntimeOrigin::root(),
			lot,
			RecallReason::QualityDefect
		));
		assert_noop!(
			commission_serials(MAKER_ADMIN, lot, serials(&["A"])),
			Error::<Test>::LotRecalled
		);
	});
}

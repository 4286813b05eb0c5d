//! Custody: shipments, receipts, returns and destruction.

use super::*;
use frame_support::assert_noop;

#[test]
fn stock_moves_one_owner_at_a_time() {
	test(|| {
		register_products();
		let lot = commission(AMOXICILLIN, "AMX-001", 100, false);
		assert_ok!(DrugProvenance::ship(
			RuntimeOrigin::signed(MAKER_ADMIN),
			lot,
			MAKER,
			DISTRIBUTOR,
			60,
			no_serials()
		));
		System::assert_last_event(
			Event::Shipped {
				shipment: 0,
				lot,
				from: MAKER,
				to: DISTRIBUTOR,
				quantity: 60,
				kind: ShipmentKind::Transfer,
			}
			.into(),
		);
		// In transit: neither side holds it.
		assert_eq!(Holdings::<Test>::get(lot, MAKER), 40);
		assert_eq!(Holdings::<Test>::get(lot, DISTRIBUTOR), 0);
		assert_eq!(Lots::<Test>::get(lot).unwrap().in_transit, 60);
		// The distributor reports two packs missing.
		assert_ok!(DrugProvenance::receive_shipment(
			RuntimeOrigin::signed(DISTRIBUTOR_ADMIN),
			0,
			58,
			no_serials()
		));
		System::assert_last_event(
			Event::ShipmentReceived { shipment: 0, lot, to: DISTRIBUTOR, received: 58, missing: 2 }
				.into(),
		);
		let stored = Lots::<Test>::get(lot).unwrap();
		assert_eq!((stored.in_transit, stored.lost), (0, 2));
		assert_eq!(Holdings::<Test>::get(lot, DISTRIBUTOR), 58);
		// The pharmacist receives for the pharmacy.
		ship_and_receive(
			lot,
			(DISTRIBUTOR, DISTRIBUTOR_ADMIN),
			(PHARMACY, PHARMACIST),
			8,
			no_serials(),
		);
		assert_eq!(Holdings::<Test>::get(lot, PHARMACY), 8);
		let steps: Vec<_> =
			DrugProvenance::custody_path(lot, 0, 10).into_iter().map(|e| e.step).collect();
		assert_eq!(
			steps,
			vec![
				BusinessStep::Commissioning,
				BusinessStep::Shipping,
				BusinessStep::Receiving,
				BusinessStep::Shipping,
				BusinessStep::Receiving
			]
		);
	});
}

#[test]
fn serialised_packs_move_by_serial_and_missing_ones_are_lost() {
	test(|| {
		let lot = serialised_lot();
		assert_ok!(DrugProvenance::ship(
			RuntimeOrigin::signed(MAKER_ADMIN),
			lot,
			MAKER,
			PHARMACY,
			3,
			serials(&["S1", "S2", "S3"])
		));
		assert_eq!(Packs::<Test>::get(lot, serial("S2")).unwrap().custody, Custody::InTransit(0));
		// A pack in transit cannot be shipped again.
		assert_noop!(
			DrugProvenance::ship(
				RuntimeOrigin::signed(MAKER_ADMIN),
				lot,
				MAKER,
				DISTRIBUTOR,
				1,
				serials(&["S2"])
			),
			Error::<Test>::PackNotHeld
		);
		assert_ok!(DrugProvenance::receive_shipment(
			RuntimeOrigin::signed(PHARMACIST),
			0,
			2,
			serials(&["S3"])
		));
		assert_eq!(Packs::<Test>::get(lot, serial("S1")).unwrap().custody, Custody::Held(PHARMACY));
		assert_eq!(Packs::<Test>::get(lot, serial("S3")).unwrap().custody, Custody::Lost);
		assert_eq!(Holdings::<Test>::get(lot, PHARMACY), 2);
		assert_eq!(Lots::<Test>::get(lot).unwrap().lost, 1);
	});
}

#[test]
fn shipping_refusals() {
	test(|| {
		let lot = stocked_pharmacy();
		let ship = |who: u64, from: u32, to: u32, quantity: u32, list: SerialList| {
			DrugProvenance::ship(RuntimeOrigin::signed(who), lot, from, to, quantity, list)
		};
		assert_noop!(
			ship(NOBODY, DISTRIBUTOR, PHARMACY, 1, no_serials()),
			Error::<Test>::NotActingForOrganisation
		);
		assert_noop!(
			DrugProvenance::ship(
				RuntimeOrigin::signed(MAKER_ADMIN),
				99,
				MAKER,
				PHARMACY,
				1,
				no_serials()
			),
			Error::<Test>::UnknownLot
		);
		assert_noop!(
			ship(DISTRIBUTOR_ADMIN, DISTRIBUTOR, DISTRIBUTOR, 1, no_serials()),
			Error::<Test>::SameOrganisation
		);
		assert_noop!(
			ship(DISTRIBUTOR_ADMIN, DISTRIBUTOR, PENDING, 1, no_serials()),
			Error::<Test>::RecipientNotVerified
		);
		assert_noop!(
			ship(DISTRIBUTOR_ADMIN, DISTRIBUTOR, PHARMACY, 0, no_serials()),
			Error::<Test>::InvalidQuantity
		);
		// Over-shipment: the distributor holds 35.
		assert_noop!(
			ship(DISTRIBUTOR_ADMIN, DISTRIBUTOR, PHARMACY, 36, no_serials()),
			Error::<Test>::InsufficientStock
		);
		assert_noop!(
			ship(DISTRIBUTOR_ADMIN, DISTRIBUTOR, PHARMACY, 1, serials(&["S1"])),
			Error::<Test>::NotSerialised
		);
		NextShipmentId::<Test>::put(u64::MAX);
		assert_noop!(
			ship(DISTRIBUTOR_ADMIN, DISTRIBUTOR, PHARMACY, 1, no_serials()),
			Error::<Test>::Overflow
		);
		NextShipmentId::<Test>::put(2);
	});
}

#[test]
fn serialised_shipping_refusals() {
	test(|| {
		let lot = serialised_lot();
		let ship = |quantity: u32, list: SerialList| {
			DrugProvenance::ship(
				RuntimeOrigin::signed(MAKER_ADMIN),
				lot,
				MAKER,
				PHARMACY,
				quantity,
				list,
			)
		};
		assert_noop!(ship(2, no_serials()), Error::<Test>::SerialsRequired);
		assert_noop!(ship(2, serials(&["S1"])), Error::<Test>::SerialsRequired);
		assert_noop!(ship(2, serials(&["S1", "S1"])), Error::<Test>::DuplicateSerial);
		assert_noop!(ship(1, serials(&["NOPE"])), Error::<Test>::UnknownPack);
		assert_ok!(DrugProvenance::flag_suspect(
			RuntimeOrigin::signed(MAKER_ADMIN),
			lot,
			Some(serial("S4")),
			MAKER,
			SuspectReason::PackagingDamaged
		));
		assert_noop!(ship(1, serials(&["S4"])), Error::<Test>::PackQuarantined);
	});
}

#[test]
fn receipt_refusals() {
	test(|| {
		let lot = serialised_lot();
		assert_ok!(DrugProvenance::ship(
			RuntimeOrigin::signed(MAKER_ADMIN),
			lot,
			MAKER,
			PHARMACY,
			2,
			serials(&["S1", "S2"])
		));
		let receive = |who: u64, shipment: u64, received: u32, missing: SerialList| {
			DrugProvenance::receive_shipment(
				RuntimeOrigin::signed(who),
				shipment,
				received,
				missing,
			)
		};
		assert_noop!(receive(PHARMACIST, 9, 2, no_serials()), Error::<Test>::UnknownShipment);
		// Confirmation by the wrong organisation.
		assert_noop!(receive(DISTRIBUTOR_ADMIN, 0, 2, no_serials()), Error::<Test>::NotRecipient);
		assert_noop!(receive(PHARMACIST, 0, 3, no_serials()), Error::<Test>::InvalidReceipt);
		assert_noop!(receive(PHARMACIST, 0, 1, serials(&["S5"])), Error::<Test>::InvalidReceipt);
		assert_noop!(
			receive(PHARMACIST, 0, 0, serials(&["S1", "S1"])),
			Error::<Test>::InvalidReceipt
		);
		assert_ok!(receive(PHARMACIST, 0, 2, no_serials()));
		// Double receipt.
		assert_noop!(receive(PHARMACIST, 0, 2, no_serials()), Error::<Test>::ShipmentNotInTransit);

		// Unserialised: no serials, and never more than shipped.
		let plain = commission(AMOXICILLIN, "AMX-9", 10, false);
		ship_and_receive(plain, (MAKER, MAKER_ADMIN), (PHARMACY, PHARMACY_ADMIN), 4, no_serials());
		assert_ok!(DrugProvenance::ship(
			RuntimeOrigin::signed(MAKER_ADMIN),
			plain,
			MAKER,
			PHARMACY,
			3,
			no_serials()
		));
		assert_noop!(receive(PHARMACIST, 2, 3, serials(&["S1"])), Error::<Test>::NotSerialised);
		assert_noop!(receive(PHARMACIST, 2, 4, no_serials()), Error::<Test>::InvalidReceipt);
	});
}

#[test]
fn returns_go_to_the_maker_whatever_the_state() {
	test(|| {
		let lot = stocked_pharmacy();
		assert_ok!(DrugProvenance::recall_lot(
			RuntimeOrigin::signed(MAKER_ADMIN),
			lot,
			RecallReason::Contamination
		));
		// Recalled stock does not move down the chain …
		assert_noop!(
			DrugProvenance::ship(
				RuntimeOrigin::signed(PHARMACIST),
				lot,
				PHARMACY,
				CLINIC,
				1,
				no_serials()
			),
			Error::<Test>::LotRecalled
		);
		// … but goes back to the maker.
		assert_ok!(DrugProvenance::return_to_manufacturer(
			RuntimeOrigin::signed(PHARMACIST),
			lot,
			PHARMACY,
			25,
			no_serials()
		));
		System::assert_last_event(
			Event::Shipped {
				shipment: 2,
				lot,
				from: PHARMACY,
				to: MAKER,
				quantity: 25,
				kind: ShipmentKind::Return,
			}
			.into(),
		);
		assert_ok!(DrugProvenance::receive_shipment(
			RuntimeOrigin::signed(MAKER_ADMIN),
			2,
			25,
			no_serials()
		));
		assert_eq!(Holdings::<Test>::get(lot, MAKER), 65);
		assert_noop!(
			DrugProvenance::return_to_manufacturer(
				RuntimeOrigin::signed(MAKER_ADMIN),
				lot,
				MAKER,
				1,
				no_serials()
			),
			Error::<Test>::SameOrganisation
		);
		assert_noop!(
			DrugProvenance::return_to_manufacturer(
				RuntimeOrigin::signed(MAKER_ADMIN),
				99,
				MAKER,
				1,
				no_serials()
			),
			Error::<Test>::UnknownLot
		);
		assert_ok!(DrugProvenance::destroy_stock(
			RuntimeOrigin::signed(MAKER_ADMIN),
			lot,
			MAKER,
			65,
			no_serials()
		));
		System::assert_last_event(Event::StockDestroyed { lot, org: MAKER, quantity: 65 }.into());
		let stored = Lots::<Test>::get(lot).unwrap();
		assert_eq!(stored.destroyed, 65);
		assert_noop!(
			DrugProvenance::destroy_stock(
				RuntimeOrigin::signed(MAKER_ADMIN),
				lot,
				MAKER,
				1,
				no_serials()
			),
			Error::<Test>::InsufficientStock
		);
	});
}

#[test]
fn expired_stock_does_not_move() {
	test(|| {
		let lot = stocked_pharmacy();
		Timestamp::set_timestamp(u64::from(TODAY + 730) * 86_400_000);
		assert_noop!(
			DrugProvenance::ship(
				RuntimeOrigin::signed(DISTRIBUTOR_ADMIN),
				lot,
				DISTRIBUTOR,
				PHARMACY,
				1,
				no_serials()
			),
			Error::<Test>::StockExpired
		);
	});
}

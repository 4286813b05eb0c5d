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

/// L4: before, a shipment to a receiver suspended after shipping could never complete, and
/// its packs verified `Genuine` forever. Now, past the timeout, they verify `StuckInTransit`,
/// and the sender takes them back (or the authority does, at any time).
#[test]
fn l4_a_stuck_shipment_is_cancelled_and_its_packs_stop_verifying_genuine() {
	test(|| {
		let lot = serialised_lot();
		let shipment = NextShipmentId::<Test>::get();
		assert_ok!(DrugProvenance::ship(
			RuntimeOrigin::signed(MAKER_ADMIN),
			lot,
			MAKER,
			PHARMACY,
			2,
			serials(&["S1", "S2"])
		));
		assert_ok!(Registry::suspend_organisation(RuntimeOrigin::root(), PHARMACY));
		let verdict = || {
			DrugProvenance::verify(Gtin(VACCINE), b"MR-2026-07".to_vec(), Some(b"S1".to_vec()))
				.verdict
		};
		let cancel =
			|who: u64| DrugProvenance::cancel_shipment(RuntimeOrigin::signed(who), shipment);
		assert_eq!(verdict(), Verdict::Genuine);
		// Not before the timeout, not by anyone but the sender.
		System::set_block_number(1 + SHIPMENT_TIMEOUT - 1);
		assert_noop!(cancel(MAKER_ADMIN), Error::<Test>::ShipmentNotStuck);
		System::set_block_number(1 + SHIPMENT_TIMEOUT);
		assert_eq!(verdict(), Verdict::StuckInTransit);
		assert_noop!(cancel(DISTRIBUTOR_ADMIN), Error::<Test>::NotSender);
		assert_noop!(
			DrugProvenance::cancel_shipment(RuntimeOrigin::signed(MAKER_ADMIN), 99),
			Error::<Test>::UnknownShipment
		);
		assert_ok!(cancel(MAKER_ADMIN));
		System::assert_last_event(
			Event::ShipmentCancelled {
				shipment,
				lot,
				from: MAKER,
				to: PHARMACY,
				quantity: 2,
				by_authority: false,
			}
			.into(),
		);
		assert_eq!(Packs::<Test>::get(lot, serial("S1")).unwrap().custody, Custody::Held(MAKER));
		assert_eq!(Holdings::<Test>::get(lot, MAKER), 5);
		assert_eq!(Lots::<Test>::get(lot).unwrap().in_transit, 0);
		assert_eq!(verdict(), Verdict::Genuine);
		assert_eq!(
			Shipments::<Test>::get(shipment).unwrap().status,
			ShipmentStatus::Cancelled { at: 1 + SHIPMENT_TIMEOUT }
		);
		assert_noop!(cancel(MAKER_ADMIN), Error::<Test>::ShipmentNotInTransit);
		// The receiver suspended cannot receive it either (it was never receivable).
		assert_noop!(
			DrugProvenance::receive_shipment(
				RuntimeOrigin::signed(PHARMACIST),
				shipment,
				2,
				no_serials()
			),
			Error::<Test>::ShipmentNotInTransit
		);
	});
}

/// L4: a return to a maker suspended after it was sent, and the authority's cancel of a
/// shipment whose receiver still acts.
#[test]
fn l4_stuck_returns_and_the_authoritys_cancel() {
	test(|| {
		let lot = stocked_pharmacy();
		let back = NextShipmentId::<Test>::get();
		assert_ok!(DrugProvenance::return_to_manufacturer(
			RuntimeOrigin::signed(PHARMACIST),
			lot,
			PHARMACY,
			5,
			no_serials()
		));
		assert_ok!(Registry::suspend_organisation(RuntimeOrigin::root(), MAKER));
		System::set_block_number(1 + SHIPMENT_TIMEOUT);
		assert_ok!(DrugProvenance::cancel_shipment(RuntimeOrigin::signed(PHARMACIST), back));
		assert_eq!(Holdings::<Test>::get(lot, PHARMACY), 25);
		// An active receiver can still receive: past the timeout the sender may not cancel,
		// the authority may.
		let to_clinic = NextShipmentId::<Test>::get();
		assert_ok!(DrugProvenance::ship(
			RuntimeOrigin::signed(PHARMACIST),
			lot,
			PHARMACY,
			CLINIC,
			3,
			no_serials()
		));
		System::set_block_number(1 + 3 * SHIPMENT_TIMEOUT);
		assert_noop!(
			DrugProvenance::cancel_shipment(RuntimeOrigin::signed(PHARMACIST), to_clinic),
			Error::<Test>::ShipmentNotStuck
		);
		assert_ok!(DrugProvenance::cancel_shipment(RuntimeOrigin::root(), to_clinic));
		System::assert_last_event(
			Event::ShipmentCancelled {
				shipment: to_clinic,
				lot,
				from: PHARMACY,
				to: CLINIC,
				quantity: 3,
				by_authority: true,
			}
			.into(),
		);
		assert_eq!(Holdings::<Test>::get(lot, PHARMACY), 25);
		assert_eq!(
			DrugProvenance::custody_path(lot, 0, 100).last().map(|e| e.step),
			Some(BusinessStep::VoidShipping)
		);
	});
}

/// L11: `try_state` catches a pack whose custody and its shipment or dispensation disagree,
/// which `do_receive` relies on when it rewrites the custody of the shipment's serials.
#[test]
fn l11_try_state_checks_the_pack_to_shipment_and_dispensation_links() {
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
		assert_ok!(DrugProvenance::do_try_state());
		// S2 claims to be in the shipment, S1 says it is in another one: both counted in
		// transit, so the counters still add up.
		let mut pack = Packs::<Test>::get(lot, serial("S1")).unwrap();
		pack.custody = Custody::InTransit(7);
		Packs::<Test>::insert(lot, serial("S1"), pack);
		assert!(DrugProvenance::do_try_state().is_err());
		pack.custody = Custody::InTransit(0);
		Packs::<Test>::insert(lot, serial("S1"), pack);
		assert_ok!(DrugProvenance::do_try_state());
		// A dispensation listing a pack that is not dispensed by it.
		assert_ok!(DrugProvenance::receive_shipment(
			RuntimeOrigin::signed(PHARMACIST),
			0,
			2,
			no_serials()
		));
		assert_ok!(DrugProvenance::dispense(
			RuntimeOrigin::signed(PHARMACIST),
			lot,
			PHARMACY,
			1,
			serials(&["S1"]),
			None
		));
		Dispensations::<Test>::mutate(0, |d| d.as_mut().unwrap().serials = serials(&["S2"]));
		assert!(DrugProvenance::do_try_state().is_err());
		Dispensations::<Test>::mutate(0, |d| d.as_mut().unwrap().serials = serials(&["S1"]));
	});
}

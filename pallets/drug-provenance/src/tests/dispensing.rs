//! Dispensing to patients, and the recall reaching them.

use super::*;
use frame_support::assert_noop;

#[test]
fn a_pharmacy_dispenses_and_a_recall_reaches_the_patient() {
	test(|| {
		let lot = stocked_pharmacy();
		let record = dispense_record();
		assert_ok!(DrugProvenance::dispense(
			RuntimeOrigin::signed(PHARMACIST),
			lot,
			PHARMACY,
			2,
			no_serials(),
			Some((PATIENT, record))
		));
		System::assert_last_event(
			Event::Dispensed {
				dispensation: 0,
				lot,
				org: PHARMACY,
				quantity: 2,
				record: Some(record),
			}
			.into(),
		);
		assert_eq!(Holdings::<Test>::get(lot, PHARMACY), 23);
		// A village clinic dispenses too, without a record link.
		ship_and_receive(lot, (PHARMACY, PHARMACIST), (CLINIC, VDOC), 3, no_serials());
		assert_ok!(DrugProvenance::dispense(
			RuntimeOrigin::signed(VDOC),
			lot,
			CLINIC,
			1,
			no_serials(),
			None
		));
		assert_ok!(DrugProvenance::recall_lot(
			RuntimeOrigin::signed(MAKER_ADMIN),
			lot,
			RecallReason::QualityDefect
		));
		System::assert_last_event(
			Event::LotRecalled {
				lot,
				reason: RecallReason::QualityDefect,
				by_authority: false,
				dispensations: 2,
			}
			.into(),
		);
		let reach = DrugProvenance::recall_reach(lot, 0, 10);
		assert_eq!(reach.len(), 2);
		assert_eq!(reach[0].1.record, Some((PATIENT, record)));
		assert_eq!(reach[1].1.org, CLINIC);
		// A recall blocks dispensing.
		assert_noop!(
			DrugProvenance::dispense(
				RuntimeOrigin::signed(PHARMACIST),
				lot,
				PHARMACY,
				1,
				no_serials(),
				None
			),
			Error::<Test>::LotRecalled
		);
	});
}

#[test]
fn dispensing_serialised_packs() {
	test(|| {
		let lot = serialised_lot();
		ship_and_receive(
			lot,
			(MAKER, MAKER_ADMIN),
			(PHARMACY, PHARMACIST),
			2,
			serials(&["S1", "S2"]),
		);
		assert_ok!(DrugProvenance::dispense(
			RuntimeOrigin::signed(PHARMACIST),
			lot,
			PHARMACY,
			1,
			serials(&["S1"]),
			None
		));
		assert_eq!(Packs::<Test>::get(lot, serial("S1")).unwrap().custody, Custody::Dispensed(0));
		// A pack cannot be dispensed twice.
		assert_noop!(
			DrugProvenance::dispense(
				RuntimeOrigin::signed(PHARMACIST),
				lot,
				PHARMACY,
				1,
				serials(&["S1"]),
				None
			),
			Error::<Test>::PackNotHeld
		);
	});
}

#[test]
fn dispensing_refusals() {
	test(|| {
		let lot = stocked_pharmacy();
		let dispense = |who: u64, org: u32, quantity: u32, record| {
			DrugProvenance::dispense(
				RuntimeOrigin::signed(who),
				lot,
				org,
				quantity,
				no_serials(),
				record,
			)
		};
		assert_noop!(dispense(NOBODY, PHARMACY, 1, None), Error::<Test>::NotActingForOrganisation);
		// Distributors and laboratories do not hand drugs to patients.
		assert_noop!(
			dispense(DISTRIBUTOR_ADMIN, DISTRIBUTOR, 1, None),
			Error::<Test>::NotDispenser
		);
		assert_noop!(dispense(LAB_ADMIN, LAB, 1, None), Error::<Test>::NotDispenser);
		assert_noop!(dispense(PHARMACIST, PHARMACY, 26, None), Error::<Test>::InsufficientStock);
		// The linked record must be a medication dispense of that patient.
		assert_noop!(
			dispense(PHARMACIST, PHARMACY, 1, Some((PATIENT, 7))),
			Error::<Test>::InvalidRecordLink
		);
		assert_ok!(PatientRecords::anchor_record(
			RuntimeOrigin::signed(PHARMACIST),
			PATIENT,
			PHARMACY,
			ruralmed_primitives::RecordCategory::Observation,
			sp_core::H256::repeat_byte(3),
			b"ipfs://obs".to_vec(),
			10,
			None,
		));
		assert_noop!(
			dispense(PHARMACIST, PHARMACY, 1, Some((PATIENT, 0))),
			Error::<Test>::InvalidRecordLink
		);
		NextDispensationId::<Test>::put(u64::MAX);
		assert_noop!(dispense(PHARMACIST, PHARMACY, 1, None), Error::<Test>::Overflow);
		NextDispensationId::<Test>::put(0);
		Timestamp::set_timestamp(u64::from(TODAY + 800) * 86_400_000);
		assert_noop!(dispense(PHARMACIST, PHARMACY, 1, None), Error::<Test>::StockExpired);
		assert_noop!(
			DrugProvenance::dispense(
				RuntimeOrigin::signed(PHARMACIST),
				99,
				PHARMACY,
				1,
				no_serials(),
				None
			),
			Error::<Test>::UnknownLot
		);
	});
}

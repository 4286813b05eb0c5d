//! Dispensing to patients, and the recall reaching them.

use super::*;
use codec::Encode;
use frame_support::assert_noop;
use sp_core::H256;

/// The pharmacy's off-chain commitment to a patient's dispense: only the holder of the salt
/// can recompute it.
fn commitment(patient: u64, record: u64, salt: [u8; 32]) -> H256 {
	H256(sp_io::hashing::blake2_256(&(patient, record, salt).encode()))
}

/// H3: before, `dispense(.., Some((patient, record)))` stored the patient's account and record
/// id beside the drug and put the record id in the `Dispensed` event, and `recall_reach`
/// listed every patient a lot reached. Now the chain stores only the dispensing organisation
/// and an opaque salted commitment; the recall reaches the pharmacy, which matches the
/// commitment with the salt it kept.
#[test]
fn h3_a_dispensation_names_no_patient_and_a_recall_reaches_the_pharmacy() {
	test(|| {
		let lot = stocked_pharmacy();
		let salt = [42u8; 32];
		let committed = commitment(PATIENT, 7, salt);
		assert_ok!(DrugProvenance::dispense(
			RuntimeOrigin::signed(PHARMACIST),
			lot,
			PHARMACY,
			2,
			no_serials(),
			Some(committed)
		));
		// The event names neither patient nor record.
		System::assert_last_event(
			Event::Dispensed { dispensation: 0, lot, org: PHARMACY, quantity: 2 }.into(),
		);
		assert_eq!(Holdings::<Test>::get(lot, PHARMACY), 23);
		// A village clinic dispenses too, without a commitment.
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
		// What anyone reads: the dispensing organisations and an opaque commitment, all of it.
		let reach = DrugProvenance::recall_reach(lot, 0, 10);
		assert_eq!(
			reach,
			vec![
				(
					0,
					Dispensation {
						lot,
						org: PHARMACY,
						quantity: 2,
						serials: no_serials(),
						commitment: Some(committed),
						at: 1
					}
				),
				(
					1,
					Dispensation {
						lot,
						org: CLINIC,
						quantity: 1,
						serials: no_serials(),
						commitment: None,
						at: 1
					}
				),
			]
		);
		// The pharmacy, which kept the salt, recognises its patient; a guess without the salt
		// (the patient's account and a record id, both public) does not match.
		assert_eq!(reach[0].1.commitment, Some(commitment(PATIENT, 7, salt)));
		assert_ne!(reach[0].1.commitment, Some(commitment(PATIENT, 7, [0; 32])));
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
		let dispense = |who: u64, org: u32, quantity: u32, commitment| {
			DrugProvenance::dispense(
				RuntimeOrigin::signed(who),
				lot,
				org,
				quantity,
				no_serials(),
				commitment,
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

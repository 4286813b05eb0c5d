//! Quality: cold chain, suspect and illegitimate products, recalls.

use super::*;
use frame_support::assert_noop;

/// A vaccine lot of 50, 20 of them at the pharmacy.
fn vaccine_at_pharmacy() -> LotId {
	register_products();
	let lot = commission(VACCINE, "MR-1", 50, false);
	ship_and_receive(lot, (MAKER, MAKER_ADMIN), (PHARMACY, PHARMACIST), 20, no_serials());
	lot
}

#[test]
fn a_long_excursion_breaks_the_cold_chain_and_quarantines_the_lot() {
	test(|| {
		let lot = vaccine_at_pharmacy();
		// 15 minutes at 9.5 °C: recorded, within tolerance.
		assert_ok!(DrugProvenance::record_excursion(
			RuntimeOrigin::signed(PHARMACIST),
			lot,
			PHARMACY,
			40,
			95,
			15
		));
		System::assert_last_event(
			Event::ExcursionRecorded { lot, org: PHARMACY, breached: false }.into(),
		);
		assert_eq!(Lots::<Test>::get(lot).unwrap().status, LotStatus::Active);
		// Four hours at 14 °C after a power cut.
		assert_ok!(DrugProvenance::record_excursion(
			RuntimeOrigin::signed(PHARMACIST),
			lot,
			PHARMACY,
			60,
			140,
			240
		));
		System::assert_last_event(
			Event::ExcursionRecorded { lot, org: PHARMACY, breached: true }.into(),
		);
		let stored = Lots::<Test>::get(lot).unwrap();
		assert_eq!(stored.cold_chain, ColdChain::Breached);
		assert_eq!(
			stored.status,
			LotStatus::Quarantined { by: PHARMACY, reason: SuspectReason::TemperatureExcursion }
		);
		assert_noop!(
			DrugProvenance::dispense(
				RuntimeOrigin::signed(PHARMACIST),
				lot,
				PHARMACY,
				1,
				no_serials(),
				None
			),
			Error::<Test>::LotQuarantined
		);
		assert_eq!(verify_vaccine("MR-1"), Verdict::ColdChainBreached);
		// The authority, on the maker's stability data, clears it: the breach stays on record.
		assert_ok!(DrugProvenance::clear_suspect(RuntimeOrigin::root(), lot, None));
		let stored = Lots::<Test>::get(lot).unwrap();
		assert_eq!(stored.status, LotStatus::Active);
		assert_eq!(stored.cold_chain, ColdChain::ClearedByAuthority);
		assert_eq!(verify_vaccine("MR-1"), Verdict::Genuine);
		assert_ok!(DrugProvenance::dispense(
			RuntimeOrigin::signed(PHARMACIST),
			lot,
			PHARMACY,
			1,
			no_serials(),
			None
		));
		// A new breach blocks it again.
		assert_ok!(DrugProvenance::record_excursion(
			RuntimeOrigin::signed(PHARMACIST),
			lot,
			PHARMACY,
			60,
			140,
			240
		));
		assert_eq!(Lots::<Test>::get(lot).unwrap().cold_chain, ColdChain::Breached);
		assert_eq!(verify_vaccine("MR-1"), Verdict::ColdChainBreached);
	});
}

fn verify_vaccine(number: &str) -> Verdict {
	DrugProvenance::verify(Gtin(VACCINE), number.as_bytes().to_vec(), None).verdict
}

/// M14: before, the maker cleared the cold-chain quarantine itself, and the lot was then
/// dispensed and verified `Genuine` with `cold_chain_breached: true`.
#[test]
fn m14_the_maker_cannot_clear_a_broken_cold_chain() {
	test(|| {
		let lot = vaccine_at_pharmacy();
		assert_ok!(DrugProvenance::record_excursion(
			RuntimeOrigin::signed(PHARMACIST),
			lot,
			PHARMACY,
			60,
			140,
			180
		));
		assert_noop!(
			DrugProvenance::clear_suspect(RuntimeOrigin::signed(MAKER_ADMIN), lot, None),
			Error::<Test>::ColdChainBreached
		);
		assert_eq!(verify_vaccine("MR-1"), Verdict::ColdChainBreached);
		// A lot the maker cleared itself before this rule (active, cold chain breached) is
		// neither shipped nor dispensed, and does not verify genuine.
		Lots::<Test>::mutate(lot, |l| l.as_mut().unwrap().status = LotStatus::Active);
		assert_noop!(
			DrugProvenance::dispense(
				RuntimeOrigin::signed(PHARMACIST),
				lot,
				PHARMACY,
				1,
				no_serials(),
				None
			),
			Error::<Test>::ColdChainBreached
		);
		assert_noop!(
			DrugProvenance::ship(
				RuntimeOrigin::signed(PHARMACIST),
				lot,
				PHARMACY,
				CLINIC,
				1,
				no_serials()
			),
			Error::<Test>::ColdChainBreached
		);
		assert_eq!(verify_vaccine("MR-1"), Verdict::ColdChainBreached);
		// Only the authority lifts it.
		assert_noop!(
			DrugProvenance::clear_suspect(RuntimeOrigin::signed(MAKER_ADMIN), lot, None),
			Error::<Test>::NotSuspect
		);
		assert_ok!(DrugProvenance::clear_suspect(RuntimeOrigin::root(), lot, None));
		assert_eq!(Lots::<Test>::get(lot).unwrap().cold_chain, ColdChain::ClearedByAuthority);
		assert_eq!(verify_vaccine("MR-1"), Verdict::Genuine);
		// The maker still may condemn a breached lot it quarantined itself.
		assert_ok!(DrugProvenance::record_excursion(
			RuntimeOrigin::signed(PHARMACIST),
			lot,
			PHARMACY,
			60,
			140,
			180
		));
		assert_ok!(DrugProvenance::confirm_illegitimate(
			RuntimeOrigin::signed(MAKER_ADMIN),
			lot,
			None
		));
	});
}

#[test]
fn excursion_refusals() {
	test(|| {
		let lot = vaccine_at_pharmacy();
		let tablets = commission(AMOXICILLIN, "AMX-1", 10, false);
		let excursion = |who: u64, lot: LotId, org: u32, min: i16, max: i16, minutes: u32| {
			DrugProvenance::record_excursion(
				RuntimeOrigin::signed(who),
				lot,
				org,
				min,
				max,
				minutes,
			)
		};
		assert_noop!(
			excursion(NOBODY, lot, PHARMACY, 0, 100, 60),
			Error::<Test>::NotActingForOrganisation
		);
		assert_noop!(excursion(PHARMACIST, 99, PHARMACY, 0, 100, 60), Error::<Test>::UnknownLot);
		assert_noop!(excursion(VDOC, lot, CLINIC, 0, 100, 60), Error::<Test>::NotHolder);
		assert_noop!(
			excursion(MAKER_ADMIN, tablets, MAKER, 0, 400, 60),
			Error::<Test>::NotColdChainProduct
		);
		assert_noop!(
			excursion(PHARMACIST, lot, PHARMACY, 100, 0, 60),
			Error::<Test>::InvalidExcursion
		);
		assert_noop!(
			excursion(PHARMACIST, lot, PHARMACY, 0, 100, 0),
			Error::<Test>::InvalidExcursion
		);
		// Within 2–8 °C is no excursion.
		assert_noop!(
			excursion(PHARMACIST, lot, PHARMACY, 30, 70, 60),
			Error::<Test>::InvalidExcursion
		);
		// A product whose record vanished cannot be judged (storage corruption guard).
		Products::<Test>::remove(Gtin(VACCINE));
		assert_noop!(
			excursion(PHARMACIST, lot, PHARMACY, 0, 100, 60),
			Error::<Test>::UnknownProduct
		);
		register_products_again();
	});
}

/// Puts the vaccine product back after a test removed it (as registered by the helper, with
/// its lot count).
fn register_products_again() {
	Products::<Test>::insert(
		Gtin(VACCINE),
		Product {
			manufacturer: MAKER,
			name: bounded(b"Measles-rubella vaccine"),
			form: DosageForm::Vaccine,
			strength: bounded(b"10 doses"),
			storage: COLD,
			lots: 1,
		},
	);
}

#[test]
fn recall_by_maker_or_authority() {
	test(|| {
		let lot = stocked_pharmacy();
		assert_noop!(
			DrugProvenance::recall_lot(RuntimeOrigin::signed(NOBODY), lot, RecallReason::Other),
			Error::<Test>::NotManufacturer
		);
		assert_noop!(
			DrugProvenance::recall_lot(RuntimeOrigin::root(), 99, RecallReason::Other),
			Error::<Test>::UnknownLot
		);
		assert_ok!(DrugProvenance::recall_lot(
			RuntimeOrigin::root(),
			lot,
			RecallReason::SafetyRisk
		));
		System::assert_last_event(
			Event::LotRecalled {
				lot,
				reason: RecallReason::SafetyRisk,
				by_authority: true,
				dispensations: 0,
			}
			.into(),
		);
		assert_noop!(
			DrugProvenance::recall_lot(
				RuntimeOrigin::signed(MAKER_ADMIN),
				lot,
				RecallReason::SafetyRisk
			),
			Error::<Test>::AlreadyRecalled
		);
		// Recalled stock can no longer be flagged.
		assert_noop!(
			DrugProvenance::flag_suspect(
				RuntimeOrigin::signed(PHARMACIST),
				lot,
				None,
				PHARMACY,
				SuspectReason::Other
			),
			Error::<Test>::LotRecalled
		);
	});
}

#[test]
fn a_suspect_lot_is_quarantined_until_settled() {
	test(|| {
		let lot = stocked_pharmacy();
		// The maker quarantines the whole lot.
		assert_ok!(DrugProvenance::flag_suspect(
			RuntimeOrigin::signed(MAKER_ADMIN),
			lot,
			None,
			MAKER,
			SuspectReason::LabelMismatch
		));
		System::assert_last_event(
			Event::FlaggedSuspect {
				lot,
				serial: None,
				org: MAKER,
				reason: SuspectReason::LabelMismatch,
				lot_wide: true,
			}
			.into(),
		);
		assert_noop!(
			DrugProvenance::ship(
				RuntimeOrigin::signed(DISTRIBUTOR_ADMIN),
				lot,
				DISTRIBUTOR,
				PHARMACY,
				1,
				no_serials()
			),
			Error::<Test>::LotQuarantined
		);
		assert_noop!(
			DrugProvenance::flag_suspect(
				RuntimeOrigin::signed(DISTRIBUTOR_ADMIN),
				lot,
				None,
				DISTRIBUTOR,
				SuspectReason::Other
			),
			Error::<Test>::AlreadySuspect
		);
		// Only the maker or the authority settles it.
		assert_noop!(
			DrugProvenance::confirm_illegitimate(RuntimeOrigin::signed(PHARMACIST), lot, None),
			Error::<Test>::NotManufacturer
		);
		assert_ok!(DrugProvenance::confirm_illegitimate(RuntimeOrigin::root(), lot, None));
		System::assert_last_event(Event::ConfirmedIllegitimate { lot, serial: None }.into());
		assert_eq!(Lots::<Test>::get(lot).unwrap().status, LotStatus::Illegitimate);
		assert_noop!(
			DrugProvenance::clear_suspect(RuntimeOrigin::root(), lot, None),
			Error::<Test>::NotSuspect
		);
		assert_noop!(
			DrugProvenance::ship(
				RuntimeOrigin::signed(DISTRIBUTOR_ADMIN),
				lot,
				DISTRIBUTOR,
				PHARMACY,
				1,
				no_serials()
			),
			Error::<Test>::LotIllegitimate
		);
		assert_noop!(
			DrugProvenance::recall_lot(RuntimeOrigin::root(), lot, RecallReason::Counterfeit),
			Error::<Test>::LotIllegitimate
		);
		assert_noop!(
			DrugProvenance::flag_suspect(
				RuntimeOrigin::signed(PHARMACIST),
				lot,
				None,
				PHARMACY,
				SuspectReason::Other
			),
			Error::<Test>::LotIllegitimate
		);
		// Illegitimate stock is destroyed by its holder.
		assert_ok!(DrugProvenance::destroy_stock(
			RuntimeOrigin::signed(PHARMACIST),
			lot,
			PHARMACY,
			25,
			no_serials()
		));
	});
}

#[test]
fn suspect_packs() {
	test(|| {
		let lot = serialised_lot();
		let flag = |who: u64, lot: LotId, s: Option<&str>, org: u32| {
			DrugProvenance::flag_suspect(
				RuntimeOrigin::signed(who),
				lot,
				s.map(serial),
				org,
				SuspectReason::SuspectedCounterfeit,
			)
		};
		assert_noop!(flag(NOBODY, lot, Some("S1"), MAKER), Error::<Test>::NotActingForOrganisation);
		assert_noop!(flag(MAKER_ADMIN, 99, Some("S1"), MAKER), Error::<Test>::UnknownLot);
		assert_noop!(flag(MAKER_ADMIN, lot, Some("NOPE"), MAKER), Error::<Test>::UnknownPack);
		assert_noop!(flag(PHARMACIST, lot, Some("S1"), PHARMACY), Error::<Test>::PackNotHeld);
		assert_noop!(flag(PHARMACIST, lot, None, PHARMACY), Error::<Test>::NotHolder);
		let plain = commission(AMOXICILLIN, "AMX-1", 10, false);
		assert_noop!(flag(MAKER_ADMIN, plain, Some("S1"), MAKER), Error::<Test>::NotSerialised);
		assert_ok!(flag(MAKER_ADMIN, lot, Some("S1"), MAKER));
		assert_noop!(flag(MAKER_ADMIN, lot, Some("S1"), MAKER), Error::<Test>::AlreadySuspect);
		// The lot as a whole is still active; only the pack is quarantined.
		assert_eq!(Lots::<Test>::get(lot).unwrap().status, LotStatus::Active);
		assert_noop!(
			DrugProvenance::clear_suspect(RuntimeOrigin::root(), lot, Some(serial("S2"))),
			Error::<Test>::NotSuspect
		);
		assert_noop!(
			DrugProvenance::clear_suspect(RuntimeOrigin::root(), lot, Some(serial("NOPE"))),
			Error::<Test>::UnknownPack
		);
		assert_noop!(
			DrugProvenance::clear_suspect(RuntimeOrigin::root(), plain, Some(serial("S1"))),
			Error::<Test>::NotSerialised
		);
		assert_noop!(
			DrugProvenance::clear_suspect(RuntimeOrigin::root(), 99, None),
			Error::<Test>::UnknownLot
		);
		assert_ok!(DrugProvenance::clear_suspect(
			RuntimeOrigin::signed(MAKER_ADMIN),
			lot,
			Some(serial("S1"))
		));
		System::assert_last_event(
			Event::SuspicionCleared { lot, serial: Some(serial("S1")) }.into(),
		);
		assert_eq!(Packs::<Test>::get(lot, serial("S1")).unwrap().status, PackStatus::Active);
	});
}

/// L3: before, the pharmacy, holding a few packs, quarantined the whole lot for every holder,
/// and could flag it again after each clearance. Now it quarantines only its own stock; the
/// distributor and the maker keep shipping.
#[test]
fn l3_a_holder_quarantines_only_its_own_stock() {
	test(|| {
		let lot = stocked_pharmacy();
		let flag = |who: u64, org: u32| {
			DrugProvenance::flag_suspect(
				RuntimeOrigin::signed(who),
				lot,
				None,
				org,
				SuspectReason::PackagingDamaged,
			)
		};
		assert_ok!(flag(PHARMACIST, PHARMACY));
		System::assert_last_event(
			Event::FlaggedSuspect {
				lot,
				serial: None,
				org: PHARMACY,
				reason: SuspectReason::PackagingDamaged,
				lot_wide: false,
			}
			.into(),
		);
		assert_eq!(Lots::<Test>::get(lot).unwrap().status, LotStatus::Active);
		assert_eq!(
			SuspectHoldings::<Test>::get(lot, PHARMACY),
			Some(SuspectReason::PackagingDamaged)
		);
		// Everyone else's stock moves on.
		ship_and_receive(lot, (DISTRIBUTOR, DISTRIBUTOR_ADMIN), (CLINIC, VDOC), 5, no_serials());
		assert_eq!(
			DrugProvenance::verify(Gtin(AMOXICILLIN), b"AMX-001".to_vec(), None).verdict,
			Verdict::Genuine
		);
		// The flagged stock does not: no shipping, no dispensing, no second flag.
		assert_noop!(
			DrugProvenance::ship(
				RuntimeOrigin::signed(PHARMACIST),
				lot,
				PHARMACY,
				CLINIC,
				1,
				no_serials()
			),
			Error::<Test>::HoldingQuarantined
		);
		assert_noop!(
			DrugProvenance::dispense(
				RuntimeOrigin::signed(PHARMACIST),
				lot,
				PHARMACY,
				1,
				no_serials(),
				None
			),
			Error::<Test>::HoldingQuarantined
		);
		assert_noop!(flag(PHARMACIST, PHARMACY), Error::<Test>::AlreadySuspect);
		// Only the maker or the authority clears it.
		assert_noop!(
			DrugProvenance::clear_holding_suspicion(
				RuntimeOrigin::signed(PHARMACIST),
				lot,
				PHARMACY
			),
			Error::<Test>::NotManufacturer
		);
		assert_noop!(
			DrugProvenance::clear_holding_suspicion(RuntimeOrigin::root(), lot, CLINIC),
			Error::<Test>::NotSuspect
		);
		assert_noop!(
			DrugProvenance::clear_holding_suspicion(RuntimeOrigin::root(), 99, PHARMACY),
			Error::<Test>::UnknownLot
		);
		assert_ok!(DrugProvenance::clear_holding_suspicion(
			RuntimeOrigin::signed(MAKER_ADMIN),
			lot,
			PHARMACY
		));
		System::assert_last_event(Event::HoldingCleared { lot, org: PHARMACY }.into());
		assert_ok!(DrugProvenance::dispense(
			RuntimeOrigin::signed(PHARMACIST),
			lot,
			PHARMACY,
			1,
			no_serials(),
			None
		));
		// A flagged holding can still go back to the maker; the flag goes with the stock.
		assert_ok!(flag(PHARMACIST, PHARMACY));
		assert_ok!(DrugProvenance::return_to_manufacturer(
			RuntimeOrigin::signed(PHARMACIST),
			lot,
			PHARMACY,
			24,
			no_serials()
		));
		assert!(!SuspectHoldings::<Test>::contains_key(lot, PHARMACY));
		// The authority may quarantine the whole lot, naming the reporting holder.
		assert_ok!(DrugProvenance::flag_suspect(
			RuntimeOrigin::root(),
			lot,
			None,
			CLINIC,
			SuspectReason::AdverseEvent
		));
		assert_eq!(
			Lots::<Test>::get(lot).unwrap().status,
			LotStatus::Quarantined { by: CLINIC, reason: SuspectReason::AdverseEvent }
		);
	});
}

//! Verification: the counterfeit check anyone can run, and the path behind it.

use super::*;

fn verify(gtin: [u8; 14], number: &str, s: Option<&str>) -> Verification<u64> {
	DrugProvenance::verify(Gtin(gtin), number.as_bytes().to_vec(), s.map(|s| s.as_bytes().to_vec()))
}

#[test]
fn genuine_unknown_and_flagged_packs() {
	test(|| {
		let lot = stocked_pharmacy();
		let answer = verify(AMOXICILLIN, "AMX-001", None);
		assert_eq!(answer.verdict, Verdict::Genuine);
		assert_eq!(answer.manufacturer, Some(MAKER));
		assert_eq!(answer.product_name, b"Amoxicillin".to_vec());
		assert_eq!(answer.lot, Some(lot));
		assert_eq!(answer.path_length, 5);
		assert_eq!(answer.path.len(), 5);
		assert_eq!(answer.path[4].org, PHARMACY);
		// Unknown product, unknown lot, a lot number too long to exist.
		assert_eq!(verify(*b"04006381333931", "AMX-001", None).verdict, Verdict::Unknown);
		let fake = verify(AMOXICILLIN, "AMX-002", None);
		assert_eq!((fake.verdict, fake.manufacturer), (Verdict::Unknown, Some(MAKER)));
		assert_eq!(verify(AMOXICILLIN, &"X".repeat(40), None).verdict, Verdict::Unknown);
		assert_ok!(DrugProvenance::recall_lot(RuntimeOrigin::root(), lot, RecallReason::Labelling));
		let recalled = verify(AMOXICILLIN, "AMX-001", None);
		assert_eq!(recalled.verdict, Verdict::Recalled);
		assert!(recalled.recalled);
		Timestamp::set_timestamp(u64::from(TODAY + 730) * 86_400_000);
		assert!(verify(AMOXICILLIN, "AMX-001", None).expired);
	});
}

#[test]
fn serialised_packs_are_checked_by_serial() {
	test(|| {
		let lot = serialised_lot();
		ship_and_receive(lot, (MAKER, MAKER_ADMIN), (PHARMACY, PHARMACIST), 1, serials(&["S1"]));
		assert_eq!(verify(VACCINE, "MR-2026-07", Some("S1")).verdict, Verdict::Genuine);
		assert_eq!(
			verify(VACCINE, "MR-2026-07", Some("S1")).custody,
			Some(Custody::Held(PHARMACY))
		);
		// A serial never commissioned, or no serial at all: unknown.
		assert_eq!(verify(VACCINE, "MR-2026-07", Some("S99")).verdict, Verdict::Unknown);
		assert_eq!(verify(VACCINE, "MR-2026-07", None).verdict, Verdict::Unknown);
		assert_ok!(DrugProvenance::dispense(
			RuntimeOrigin::signed(PHARMACIST),
			lot,
			PHARMACY,
			1,
			serials(&["S1"]),
			None
		));
		// A second pack carrying S1 is a copy.
		let copy = verify(VACCINE, "MR-2026-07", Some("S1"));
		assert_eq!(copy.verdict, Verdict::AlreadyDecommissioned);
		assert_eq!(copy.dispensed, 1);
		assert_ok!(DrugProvenance::flag_suspect(
			RuntimeOrigin::signed(MAKER_ADMIN),
			lot,
			Some(serial("S2")),
			MAKER,
			SuspectReason::SuspectedCounterfeit
		));
		assert_eq!(verify(VACCINE, "MR-2026-07", Some("S2")).verdict, Verdict::Suspect);
		assert_ok!(DrugProvenance::confirm_illegitimate(
			RuntimeOrigin::signed(MAKER_ADMIN),
			lot,
			Some(serial("S2"))
		));
		assert_eq!(verify(VACCINE, "MR-2026-07", Some("S2")).verdict, Verdict::Illegitimate);
		assert_eq!(verify(VACCINE, "MR-2026-07", Some("S3")).verdict, Verdict::Genuine);
	});
}

#[test]
fn long_paths_are_paged() {
	test(|| {
		let lot = stocked_pharmacy();
		for _ in 0..10 {
			ship_and_receive(lot, (PHARMACY, PHARMACIST), (CLINIC, VDOC), 1, no_serials());
			ship_and_receive(lot, (CLINIC, VDOC), (PHARMACY, PHARMACIST), 1, no_serials());
		}
		let answer = verify(AMOXICILLIN, "AMX-001", None);
		assert_eq!(answer.path_length, 45);
		assert_eq!(answer.path.len(), VERIFICATION_PATH_LEN as usize);
		assert_eq!(answer.path.last(), DrugProvenance::custody_path(lot, 44, 1).first());
		assert_eq!(DrugProvenance::custody_path(lot, 40, 100).len(), 5);
		assert_eq!(DrugProvenance::holders_of(lot, None, 100).len(), 3);
	});
}

/// I3: before, `holders_of` returned the first 100 holders and no way to the rest. Now it
/// pages: each page starts after the last holder of the one before.
#[test]
fn i3_holders_are_paged() {
	test(|| {
		let lot = stocked_pharmacy();
		ship_and_receive(lot, (PHARMACY, PHARMACIST), (CLINIC, VDOC), 1, no_serials());
		let all = DrugProvenance::holders_of(lot, None, 100);
		assert_eq!(all.len(), 4);
		let mut paged = Vec::new();
		let mut after = None;
		loop {
			let page = DrugProvenance::holders_of(lot, after, 1);
			if page.is_empty() {
				break;
			}
			after = page.last().map(|(org, _)| *org);
			paged.extend(page);
		}
		assert_eq!(paged, all);
		assert_eq!(DrugProvenance::holders_of(lot, Some(all[1].0), 100), all[2..].to_vec());
		// A page holds at most 100.
		for org in 10..250 {
			Holdings::<Test>::insert(lot, org, 1);
		}
		assert_eq!(DrugProvenance::holders_of(lot, None, u32::MAX).len(), 100);
		for org in 10..250 {
			Holdings::<Test>::remove(lot, org);
		}
	});
}

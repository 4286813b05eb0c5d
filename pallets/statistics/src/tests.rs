//! Tests of the regional statistics: what each happening counts where, once-a-month activity,
//! the questions and their refusals, and a property test against a recount of what happened.

use crate::{mock::*, *};
use frame_support::assert_err;
use ruralmed_primitives::RegionCode;
use sp_runtime::DispatchError;

const AMOXICILLIN: Gtin = *b"06901234567892";
const VACCINE: Gtin = *b"06901234567106";

fn figures(region: RegionCode, month: Month) -> MonthFigures {
	Statistics::regional_statistics(region, month, 1).expect("a valid question").remove(0)
}

fn record(org: u32, patient: u64, author: u64) {
	Statistics::note(org, Happening::RecordWritten { patient, author });
}

/// Moves the clock to noon on the 15th, `months` months on.
fn advance_months(months: u32) {
	let month = month_of(pallet_timestamp::Now::<Test>::get()) + months;
	let (year, month) = (i64::from(month / 12), i64::from(month % 12) + 1);
	// Days since 1970 of the 15th (Howard Hinnant's `days_from_civil`).
	let y = if month <= 2 { year - 1 } else { year };
	let era = y.div_euclid(400);
	let year_of_era = y - era * 400;
	let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + 14;
	let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
	let days = era * 146_097 + day_of_era - 719_468;
	pallet_timestamp::Now::<Test>::put(days as u64 * 86_400_000 + 43_200_000);
}

#[test]
fn months_are_calendar_months() {
	assert_eq!(month_of(0), 1970 * 12);
	assert_eq!(month_of(MID_DECEMBER_2026), DECEMBER_2026);
	// 2026-12-31 23:59:59.999 and 2027-01-01 00:00 UTC.
	assert_eq!(month_of(1_798_761_599_999), DECEMBER_2026);
	assert_eq!(month_of(1_798_761_600_000), DECEMBER_2026 + 1);
	// 29 February 2028 is in February, 1 March 2028 in March.
	assert_eq!(month_of(1_835_438_400_000), 2028 * 12 + 1);
	assert_eq!(month_of(1_835_524_800_000), 2028 * 12 + 2);
}

#[test]
fn a_village_record_counts_in_the_village_its_township_and_its_county() {
	test(|| {
		record(CLINIC_A, PATIENT, DOCTOR_A);
		for region in [VILLAGE_A, TOWNSHIP_1, COUNTY] {
			let f = figures(region, DECEMBER_2026);
			assert_eq!(
				(f.records_written, f.active_patients, f.active_clinicians),
				(1, 1, 1),
				"{region:?}"
			);
		}
		for region in [VILLAGE_B, TOWNSHIP_2, FAR_COUNTY] {
			assert_eq!(
				figures(region, DECEMBER_2026),
				MonthFigures { month: DECEMBER_2026, ..Default::default() }
			);
		}
		assert_eq!(figures(COUNTY, DECEMBER_2026 + 1).records_written, 0);
	});
}

#[test]
fn township_and_county_organisations_count_only_upwards() {
	test(|| {
		record(CENTRE, PATIENT, DOCTOR_B);
		record(HOSPITAL, PATIENT, DOCTOR_B);
		assert_eq!(figures(TOWNSHIP_2, DECEMBER_2026).records_written, 1);
		assert_eq!(figures(COUNTY, DECEMBER_2026).records_written, 2);
		assert_eq!(figures(COUNTY, DECEMBER_2026).active_patients, 1);
		assert_eq!(figures(TOWNSHIP_1, DECEMBER_2026).records_written, 0);
	});
}

#[test]
fn a_patient_and_a_clinician_count_once_a_month_in_each_region() {
	test(|| {
		record(CLINIC_A, PATIENT, DOCTOR_A);
		record(CLINIC_A, PATIENT, DOCTOR_A);
		record(CLINIC_B, PATIENT, DOCTOR_B);
		record(CLINIC_A, OTHER_PATIENT, DOCTOR_A);
		let village = figures(VILLAGE_A, DECEMBER_2026);
		assert_eq!(
			(village.records_written, village.active_patients, village.active_clinicians),
			(3, 2, 1)
		);
		assert_eq!(figures(VILLAGE_B, DECEMBER_2026).active_patients, 1);
		// The patient seen in both villages counts once in their township.
		let township = figures(TOWNSHIP_1, DECEMBER_2026);
		assert_eq!(
			(township.records_written, township.active_patients, township.active_clinicians),
			(4, 2, 2)
		);
		// Next month they count again.
		advance_months(1);
		record(CLINIC_A, PATIENT, DOCTOR_A);
		let next = figures(COUNTY, DECEMBER_2026 + 1);
		assert_eq!((next.records_written, next.active_patients, next.active_clinicians), (1, 1, 1));
		assert_eq!(figures(COUNTY, DECEMBER_2026).active_patients, 2);
	});
}

#[test]
fn handovers_count_by_product_and_make_the_dispenser_active() {
	test(|| {
		Statistics::note(
			PHARMACY,
			Happening::Dispensed { product: AMOXICILLIN, dispenser: PHARMACIST },
		);
		Statistics::note(
			PHARMACY,
			Happening::Dispensed { product: AMOXICILLIN, dispenser: PHARMACIST },
		);
		Statistics::note(CLINIC_A, Happening::Dispensed { product: VACCINE, dispenser: DOCTOR_A });
		let f = figures(TOWNSHIP_1, DECEMBER_2026);
		assert_eq!((f.dispensations, f.active_clinicians, f.records_written), (3, 2, 0));
		let by_product = Statistics::product_dispensations(
			COUNTY,
			DECEMBER_2026 - 1,
			2,
			vec![AMOXICILLIN, VACCINE, *b"00000000000000"],
		)
		.unwrap();
		assert_eq!(
			by_product,
			vec![
				ProductFigures { product: AMOXICILLIN, per_month: vec![0, 2] },
				ProductFigures { product: VACCINE, per_month: vec![0, 1] },
				ProductFigures { product: *b"00000000000000", per_month: vec![0, 0] },
			]
		);
	});
}

#[test]
fn consents_break_glass_recalls_and_supplies_count_where_they_happen() {
	test(|| {
		Statistics::note(CLINIC_A, Happening::ConsentGranted);
		Statistics::note(CLINIC_B, Happening::BreakGlassOpened);
		Statistics::note(CLINIC_B, Happening::BreakGlassReviewed);
		Statistics::note(FAR_CLINIC, Happening::LotRecalled);
		Statistics::note(CLINIC_A, Happening::SuppliesNeeded { units: 50 });
		Statistics::note(HOSPITAL, Happening::SuppliesPledged { units: 80 });
		Statistics::note(HOSPITAL, Happening::SuppliesReceived { units: 70 });
		Statistics::note(CLINIC_A, Happening::SuppliesDelivered { units: 30 });
		let f = figures(COUNTY, DECEMBER_2026);
		assert_eq!(
			f,
			MonthFigures {
				month: DECEMBER_2026,
				consent_grants: 1,
				break_glass_accesses: 1,
				break_glass_reviews: 1,
				supplies_needed: 50,
				supplies_pledged: 80,
				supplies_received: 70,
				supplies_delivered: 30,
				supplies_short: 20,
				..Default::default()
			}
		);
		assert_eq!(figures(FAR_COUNTY, DECEMBER_2026).lots_recalled, 1);
		assert_eq!(figures(VILLAGE_A, DECEMBER_2026).supplies_pledged, 0);
		// More delivered than needed in a month (an earlier need met) is no shortfall.
		Statistics::note(CLINIC_A, Happening::SuppliesDelivered { units: 40 });
		assert_eq!(figures(COUNTY, DECEMBER_2026).supplies_short, 0);
	});
}

#[test]
fn an_unknown_organisation_a_block_without_time_and_zero_units_count_nothing() {
	test(|| {
		let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
		Statistics::note(ORGANISATIONS, Happening::ConsentGranted);
		Statistics::note(CLINIC_A, Happening::SuppliesNeeded { units: 0 });
		pallet_timestamp::Now::<Test>::put(0);
		record(CLINIC_A, PATIENT, DOCTOR_A);
		pallet_timestamp::Now::<Test>::put(MID_DECEMBER_2026);
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
	});
}

#[test]
fn a_question_returns_every_month_asked_for_in_order() {
	test(|| {
		record(CLINIC_A, PATIENT, DOCTOR_A);
		let months =
			Statistics::regional_statistics(COUNTY, DECEMBER_2026 - 2, MAX_MONTHS).unwrap();
		assert_eq!(months.len(), MAX_MONTHS as usize);
		assert!(months.iter().enumerate().all(|(i, m)| m.month == DECEMBER_2026 - 2 + i as u32));
		assert_eq!(months.iter().map(|m| m.records_written).collect::<Vec<_>>()[..4], [0, 0, 1, 0]);
	});
}

#[test]
fn bad_questions_are_refused_and_change_nothing() {
	test(|| {
		record(CLINIC_A, PATIENT, DOCTOR_A);
		let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
		for bad in [RegionCode::new(0, 0, 0), RegionCode::new(0, 1, 1), RegionCode::new(5, 0, 3)] {
			assert_err!(
				Statistics::regional_statistics(bad, DECEMBER_2026, 1).map_err(DispatchError::from),
				Error::<Test>::InvalidRegion
			);
			assert_err!(
				Statistics::product_dispensations(bad, DECEMBER_2026, 1, vec![])
					.map_err(DispatchError::from),
				Error::<Test>::InvalidRegion
			);
		}
		assert_err!(
			Statistics::regional_statistics(COUNTY, DECEMBER_2026, 0).map_err(DispatchError::from),
			Error::<Test>::NoMonths
		);
		assert_err!(
			Statistics::regional_statistics(COUNTY, DECEMBER_2026, MAX_MONTHS + 1)
				.map_err(DispatchError::from),
			Error::<Test>::TooManyMonths
		);
		assert_err!(
			Statistics::regional_statistics(COUNTY, Month::MAX, 1).map_err(DispatchError::from),
			Error::<Test>::MonthOutOfRange
		);
		assert_err!(
			Statistics::product_dispensations(
				COUNTY,
				DECEMBER_2026,
				1,
				vec![AMOXICILLIN; MAX_PRODUCTS as usize + 1]
			)
			.map_err(DispatchError::from),
			Error::<Test>::TooManyProducts
		);
		assert!(Statistics::product_dispensations(
			COUNTY,
			DECEMBER_2026,
			1,
			vec![AMOXICILLIN; MAX_PRODUCTS as usize]
		)
		.is_ok());
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
	});
}

#[test]
fn the_sinks_weight_covers_the_costliest_note() {
	use crate::weights::WeightInfo as _;
	let weight = <Statistics as StatisticsSink<u64>>::note_weight();
	for note in [
		<() as crate::WeightInfo>::note_record_written(),
		<()>::note_dispensed(),
		<()>::note_count(),
	] {
		assert!(weight.all_gte(note));
	}
}

mod property {
	//! Random happenings over random months, then every counter compared with a recount of the
	//! happenings: what each region would count if it counted from the list.
	use super::*;
	use proptest::prelude::*;
	use std::collections::{BTreeMap, BTreeSet};

	#[derive(Clone, Debug)]
	enum Step {
		Note(u32, u8, u64, u64, u64),
		NextMonth,
	}

	fn step() -> impl Strategy<Value = Step> {
		prop_oneof![
			8 => (0..ORGANISATIONS + 1, 0u8..10, 30u64..34, 20u64..23, 0u64..100)
				.prop_map(|(org, kind, patient, clinician, units)| Step::Note(org, kind, patient, clinician, units)),
			1 => Just(Step::NextMonth),
		]
	}

	fn happening(kind: u8, patient: u64, clinician: u64, units: u64) -> Happening<u64> {
		match kind {
			0 => Happening::RecordWritten { patient, author: clinician },
			1 => Happening::ConsentGranted,
			2 => Happening::BreakGlassOpened,
			3 => Happening::BreakGlassReviewed,
			4 => Happening::Dispensed {
				product: if units.is_multiple_of(2) { AMOXICILLIN } else { VACCINE },
				dispenser: clinician,
			},
			5 => Happening::LotRecalled,
			6 => Happening::SuppliesNeeded { units },
			7 => Happening::SuppliesPledged { units },
			8 => Happening::SuppliesReceived { units },
			_ => Happening::SuppliesDelivered { units },
		}
	}

	fn region_of(org: u32) -> Option<RegionCode> {
		[COUNTY, VILLAGE_A, VILLAGE_B, TOWNSHIP_2, RegionCode::new(6, 1, 1), VILLAGE_A]
			.get(org as usize)
			.copied()
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(64))]
		#[test]
		fn counters_equal_a_recount(steps in proptest::collection::vec(step(), 1..60)) {
			test(|| {
				let mut month = DECEMBER_2026;
				let mut log = Vec::new();
				for s in &steps {
					match *s {
						Step::NextMonth => { advance_months(1); month += 1; }
						Step::Note(org, kind, patient, clinician, units) => {
							let h = happening(kind, patient, clinician, units);
							Statistics::note(org, h.clone());
							if let Some(region) = region_of(org) { log.push((region, month, h)); }
						}
					}
				}
				let regions = [COUNTY, TOWNSHIP_1, VILLAGE_A, VILLAGE_B, TOWNSHIP_2, FAR_COUNTY,
					RegionCode::new(6, 1, 0), RegionCode::new(6, 1, 1)];
				for region in regions {
					for m in DECEMBER_2026..=month {
						let here: Vec<&Happening<u64>> = log.iter()
							.filter(|(r, at, _)| *at == m && region.contains(r)).map(|(_, _, h)| h).collect();
						let sum = |f: &dyn Fn(&Happening<u64>) -> Option<u64>| here.iter().filter_map(|h| f(h)).sum::<u64>();
						let one = |want: fn(&Happening<u64>) -> bool| here.iter().filter(|h| want(h)).count() as u64;
						let mut patients = BTreeSet::new();
						let mut clinicians = BTreeSet::new();
						let mut products: BTreeMap<Gtin, u64> = BTreeMap::new();
						for h in &here {
							match h {
								Happening::RecordWritten { patient, author } => { patients.insert(*patient); clinicians.insert(*author); }
								Happening::Dispensed { product, dispenser } => { clinicians.insert(*dispenser); *products.entry(*product).or_default() += 1; }
								_ => {}
							}
						}
						let needed = sum(&|h| match h { Happening::SuppliesNeeded { units } => Some(*units), _ => None });
						let delivered = sum(&|h| match h { Happening::SuppliesDelivered { units } => Some(*units), _ => None });
						let expected = MonthFigures {
							month: m,
							records_written: one(|h| matches!(h, Happening::RecordWritten { .. })),
							active_patients: patients.len() as u64,
							active_clinicians: clinicians.len() as u64,
							consent_grants: one(|h| matches!(h, Happening::ConsentGranted)),
							break_glass_accesses: one(|h| matches!(h, Happening::BreakGlassOpened)),
							break_glass_reviews: one(|h| matches!(h, Happening::BreakGlassReviewed)),
							dispensations: one(|h| matches!(h, Happening::Dispensed { .. })),
							lots_recalled: one(|h| matches!(h, Happening::LotRecalled)),
							supplies_needed: needed,
							supplies_pledged: sum(&|h| match h { Happening::SuppliesPledged { units } => Some(*units), _ => None }),
							supplies_received: sum(&|h| match h { Happening::SuppliesReceived { units } => Some(*units), _ => None }),
							supplies_delivered: delivered,
							supplies_short: needed.saturating_sub(delivered),
						};
						assert_eq!(figures(region, m), expected, "{region:?} in month {m}");
						let counted = Statistics::product_dispensations(region, m, 1, vec![AMOXICILLIN, VACCINE]).unwrap();
						for p in counted {
							assert_eq!(p.per_month[0], products.get(&p.product).copied().unwrap_or_default());
						}
					}
				}
			});
		}
	}
}

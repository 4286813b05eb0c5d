//! Each call, on its most expensive path the tests know, touches no more storage than its
//! weight charges (see patient-records' tests of the same name): the holding emptied (its entry
//! and any suspicion of it removed), packs listed, a practitioner acting rather than the admin,
//! the GTIN under the shortest company prefix, and the authority's origin beside the maker's.

use super::*;
use ruralmed_test_utils::storage_access::{dispatch_within_charge, root_dispatch_within_charge};

fn within_charge(signer: u64, call: Call<Test>) {
	dispatch_within_charge::<Test, AllPalletsWithSystem, _>(signer, call);
}

fn authority_within_charge(call: Call<Test>) {
	root_dispatch_within_charge::<Test, AllPalletsWithSystem, _>(call);
}

/// A valid GTIN under the 6-digit prefix 123456, the shortest a prefix may be: its owner is
/// found only after every longer prefix is looked up.
const SHORT_PREFIX_GTIN: [u8; 14] = *b"01234560000012";

fn product_call(org: u32, gtin: [u8; 14], storage: StorageCondition) -> Call<Test> {
	Call::register_product {
		org,
		gtin: Gtin(gtin),
		name: bounded(b"Measles-rubella vaccine"),
		form: DosageForm::Vaccine,
		strength: bounded(b"10 doses"),
		storage,
	}
}

fn ship_call(lot: LotId, from: u32, to: u32, quantity: u32, packs: SerialList) -> Call<Test> {
	Call::ship { lot, from, to, quantity, serials: packs }
}

/// `n` serials `P0`, `P1`, ….
fn numbered(n: u32) -> SerialList {
	let texts: Vec<String> = (0..n).map(|i| format!("P{i}")).collect();
	serials(&texts.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn prefixes_and_products() {
	test(|| {
		let prefix = bounded(b"123456");
		authority_within_charge(Call::assign_company_prefix { org: MAKER, prefix });
		within_charge(MAKER_ADMIN, product_call(MAKER, SHORT_PREFIX_GTIN, COLD));
		within_charge(MAKER_ADMIN, product_call(MAKER, AMOXICILLIN, StorageCondition::Ambient));
		authority_within_charge(Call::reassign_product {
			gtin: Gtin(SHORT_PREFIX_GTIN),
			to: OTHER_MAKER,
		});
		authority_within_charge(Call::retire_product { gtin: Gtin(SHORT_PREFIX_GTIN) });
		authority_within_charge(Call::remove_company_prefix { prefix: bounded(b"123456") });
	});
}

#[test]
fn lots_and_serials_commissioned() {
	test(|| {
		register_products();
		let commission = |number: &str, serialised| Call::<Test>::commission_lot {
			gtin: Gtin(VACCINE),
			number: lot_number(number),
			manufactured_on: TODAY - 30,
			expires_on: TODAY + 730,
			quantity: 1_000,
			serialised,
		};
		within_charge(MAKER_ADMIN, commission("MR-1", false));
		within_charge(MAKER_ADMIN, commission("MR-2", true));
		let lot = NextLotId::<Test>::get() - 1;
		// The fullest list a call takes, then a second one adding to the maker's holding.
		within_charge(
			MAKER_ADMIN,
			Call::commission_serials { lot, serials: numbered(MAX_PACKS_PER_CALL) },
		);
		within_charge(MAKER_ADMIN, Call::commission_serials { lot, serials: serials(&["X1"]) });
	});
}

#[test]
fn shipped_received_and_cancelled() {
	test(|| {
		let lot = serialised_lot();
		let packs = serials(&["S1", "S2", "S3", "S4", "S5"]);
		// Every pack the maker holds: its holding is emptied.
		within_charge(MAKER_ADMIN, ship_call(lot, MAKER, PHARMACY, 5, packs.clone()));
		let shipment = NextShipmentId::<Test>::get() - 1;
		// Received by a practitioner, one pack missing.
		within_charge(
			PHARMACIST,
			Call::receive_shipment { shipment, received: 4, missing: serials(&["S5"]) },
		);
		// On by the pharmacist, to a receiver suspended since: its sender cancels it once
		// stuck.
		let on = serials(&["S1", "S2", "S3", "S4"]);
		within_charge(PHARMACIST, ship_call(lot, PHARMACY, CLINIC, 4, on));
		let stuck = NextShipmentId::<Test>::get() - 1;
		assert_ok!(Registry::suspend_organisation(RuntimeOrigin::root(), CLINIC));
		System::set_block_number(1 + SHIPMENT_TIMEOUT);
		within_charge(PHARMACIST, Call::cancel_shipment { shipment: stuck });
		// The authority cancels one whose receiver still acts.
		within_charge(PHARMACIST, ship_call(lot, PHARMACY, DISTRIBUTOR, 1, serials(&["S1"])));
		let pending = NextShipmentId::<Test>::get() - 1;
		authority_within_charge(Call::cancel_shipment { shipment: pending });
	});
}

#[test]
fn unserialised_stock_shipped_received_and_cancelled() {
	test(|| {
		let lot = stocked_pharmacy();
		within_charge(PHARMACIST, ship_call(lot, PHARMACY, CLINIC, 25, no_serials()));
		let shipment = NextShipmentId::<Test>::get() - 1;
		within_charge(
			VDOC,
			Call::receive_shipment { shipment, received: 24, missing: no_serials() },
		);
		within_charge(VDOC, ship_call(lot, CLINIC, PHARMACY, 24, no_serials()));
		let back = NextShipmentId::<Test>::get() - 1;
		authority_within_charge(Call::cancel_shipment { shipment: back });
	});
}

#[test]
fn suspect_stock_returned_and_destroyed() {
	test(|| {
		let lot = stocked_pharmacy();
		let flag = || Call::<Test>::flag_suspect {
			lot,
			serial: None,
			org: PHARMACY,
			reason: SuspectReason::PackagingDamaged,
		};
		// The pharmacy's own holding flagged, then all of it returned: the holding and its
		// suspicion removed.
		within_charge(PHARMACIST, flag());
		within_charge(
			PHARMACIST,
			Call::return_to_manufacturer {
				lot,
				from: PHARMACY,
				quantity: 25,
				serials: no_serials(),
			},
		);
		// The distributor's holding flagged and destroyed whole.
		within_charge(
			DISTRIBUTOR_ADMIN,
			Call::flag_suspect {
				lot,
				serial: None,
				org: DISTRIBUTOR,
				reason: SuspectReason::PackagingDamaged,
			},
		);
		within_charge(
			DISTRIBUTOR_ADMIN,
			Call::destroy_stock { lot, org: DISTRIBUTOR, quantity: 35, serials: no_serials() },
		);
	});
}

#[test]
fn serialised_packs_returned_and_destroyed() {
	test(|| {
		let lot = serialised_lot();
		ship_and_receive(
			lot,
			(MAKER, MAKER_ADMIN),
			(PHARMACY, PHARMACIST),
			3,
			serials(&["S1", "S2", "S3"]),
		);
		within_charge(
			PHARMACIST,
			Call::return_to_manufacturer {
				lot,
				from: PHARMACY,
				quantity: 2,
				serials: serials(&["S1", "S2"]),
			},
		);
		within_charge(
			PHARMACIST,
			Call::destroy_stock { lot, org: PHARMACY, quantity: 1, serials: serials(&["S3"]) },
		);
	});
}

#[test]
fn dispensed_unserialised_and_serialised() {
	test(|| {
		let lot = stocked_pharmacy();
		// All the pharmacy holds, with a commitment.
		within_charge(
			PHARMACIST,
			Call::dispense {
				lot,
				org: PHARMACY,
				quantity: 25,
				serials: no_serials(),
				commitment: Some(sp_core::H256::repeat_byte(7)),
			},
		);
		let vaccine = commission(VACCINE, "MR-2026-08", 10, true);
		assert_ok!(DrugProvenance::commission_serials(
			RuntimeOrigin::signed(MAKER_ADMIN),
			vaccine,
			serials(&["S1", "S2"]),
		));
		ship_and_receive(vaccine, (MAKER, MAKER_ADMIN), (CLINIC, VDOC), 2, serials(&["S1", "S2"]));
		within_charge(
			VDOC,
			Call::dispense {
				lot: vaccine,
				org: CLINIC,
				quantity: 2,
				serials: serials(&["S1", "S2"]),
				commitment: Some(sp_core::H256::repeat_byte(8)),
			},
		);
	});
}

#[test]
fn excursions_suspicions_and_recalls() {
	test(|| {
		let lot = serialised_lot();
		ship_and_receive(
			lot,
			(MAKER, MAKER_ADMIN),
			(PHARMACY, PHARMACIST),
			2,
			serials(&["S1", "S2"]),
		);
		// A pack flagged by its holder, then cleared by the maker; another confirmed
		// illegitimate by the authority.
		let flag_pack = |serial: &str| Call::<Test>::flag_suspect {
			lot,
			serial: Some(super::serial(serial)),
			org: PHARMACY,
			reason: SuspectReason::LabelMismatch,
		};
		within_charge(PHARMACIST, flag_pack("S1"));
		within_charge(MAKER_ADMIN, Call::clear_suspect { lot, serial: Some(serial("S1")) });
		within_charge(PHARMACIST, flag_pack("S2"));
		authority_within_charge(Call::confirm_illegitimate { lot, serial: Some(serial("S2")) });
		// The holding flagged, cleared by the maker; flagged again, cleared by the authority.
		let flag_holding = || Call::<Test>::flag_suspect {
			lot,
			serial: None,
			org: PHARMACY,
			reason: SuspectReason::AdverseEvent,
		};
		within_charge(PHARMACIST, flag_holding());
		within_charge(MAKER_ADMIN, Call::clear_holding_suspicion { lot, org: PHARMACY });
		within_charge(PHARMACIST, flag_holding());
		authority_within_charge(Call::clear_holding_suspicion { lot, org: PHARMACY });
		// A breaching excursion quarantines the lot; the authority clears the breach.
		within_charge(
			PHARMACIST,
			Call::record_excursion {
				lot,
				org: PHARMACY,
				min_decicelsius: 60,
				max_decicelsius: 140,
				minutes: 240,
			},
		);
		authority_within_charge(Call::clear_suspect { lot, serial: None });
		// Lot-wide suspicion by the maker, cleared; by the authority, confirmed.
		let flag_lot = || Call::<Test>::flag_suspect {
			lot,
			serial: None,
			org: MAKER,
			reason: SuspectReason::SuspectedCounterfeit,
		};
		within_charge(MAKER_ADMIN, flag_lot());
		within_charge(MAKER_ADMIN, Call::clear_suspect { lot, serial: None });
		authority_within_charge(flag_lot());
		within_charge(MAKER_ADMIN, Call::confirm_illegitimate { lot, serial: None });
		// Recalls: by the maker, and by the authority.
		let recall = |lot| Call::<Test>::recall_lot { lot, reason: RecallReason::QualityDefect };
		within_charge(MAKER_ADMIN, recall(commission(AMOXICILLIN, "AMX-009", 10, false)));
		authority_within_charge(recall(commission(AMOXICILLIN, "AMX-010", 10, false)));
	});
}

//! Unit tests of the patient records: every call, every error, invariants after each test.

use crate::{mock::*, Error, Event, *};
use frame_support::{assert_noop, assert_ok};
use ruralmed_primitives::{AccessBasis, PurposeOfUse, RecordCategory};
use sp_core::H256;
use sp_runtime::{DispatchError, TokenError};

/// What this pallet holds from `who` for `reason`.
fn held(reason: HoldReason, who: u64) -> u64 {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&RuntimeHoldReason::PatientRecords(reason), &who)
}

/// The records vault the clinic keeps ciphertexts in: the county hospital's.
const VAULT: u32 = HOSPITAL;

/// PATIENT makes the county hospital a care organisation too (its doctor may then hold keys).
fn hospital_joins_care() {
	assert_ok!(PatientRecords::add_care_organisation(
		RuntimeOrigin::signed(PATIENT),
		PATIENT,
		HOSPITAL
	));
}

fn hash(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// The village doctor anchors an encounter for PATIENT (whose care organisation is CLINIC).
fn anchor(amends: Option<u64>) -> u64 {
	assert_ok!(PatientRecords::anchor_record(
		RuntimeOrigin::signed(VILLAGE_DOC),
		PATIENT,
		CLINIC,
		RecordCategory::Encounter,
		hash(7),
		VAULT,
		2048,
		amends
	));
	NextRecordId::<Test>::get() - 1
}

mod patients {
	use super::*;

	#[test]
	fn self_registration() {
		test(|| {
			assert_ok!(PatientRecords::register_patient(RuntimeOrigin::signed(STRANGER)));
			System::assert_last_event(
				Event::PatientRegistered { patient: STRANGER, guardian: None, registered_by: None }
					.into(),
			);
			assert_noop!(
				PatientRecords::register_patient(RuntimeOrigin::signed(STRANGER)),
				Error::<Test>::AlreadyRegistered
			);
		});
	}

	#[test]
	fn practitioner_proposes_and_guardian_accepts() {
		test(|| {
			assert_ok!(PatientRecords::register_patient_with_guardian(
				RuntimeOrigin::signed(VILLAGE_DOC),
				STRANGER,
				GUARDIAN,
				CLINIC
			));
			System::assert_last_event(
				Event::GuardianshipProposed {
					patient: STRANGER,
					guardian: GUARDIAN,
					org: CLINIC,
					proposed_by: VILLAGE_DOC,
					expires_at: 11,
				}
				.into(),
			);
			// Nobody is registered, and nobody is a guardian, until the guardian signs.
			assert!(!Patients::<Test>::contains_key(STRANGER));
			assert_eq!(held(HoldReason::PatientDeposit, VILLAGE_DOC), 50);
			assert_ok!(PatientRecords::accept_guardianship(
				RuntimeOrigin::signed(GUARDIAN),
				STRANGER
			));
			System::assert_has_event(
				Event::PatientRegistered {
					patient: STRANGER,
					guardian: Some(GUARDIAN),
					registered_by: Some(CLINIC),
				}
				.into(),
			);
			System::assert_last_event(
				Event::CareOrganisationAdded { patient: STRANGER, org: CLINIC }.into(),
			);
			let p = Patients::<Test>::get(STRANGER).unwrap();
			assert_eq!((p.guardian, p.depositor, p.deposit), (Some(GUARDIAN), VILLAGE_DOC, 50));
			// The registering practitioner paid the deposit, not the patient.
			assert_eq!(held(HoldReason::PatientDeposit, VILLAGE_DOC), 50);
			assert_eq!(held(HoldReason::PatientDeposit, STRANGER), 0);
			assert!(!GuardianshipProposals::<Test>::contains_key(STRANGER));
		});
	}

	#[test]
	fn registration_with_guardian_checks_the_registrar() {
		test(|| {
			assert_noop!(
				PatientRecords::register_patient_with_guardian(
					RuntimeOrigin::signed(NURSE_UNVERIFIED),
					STRANGER,
					GUARDIAN,
					CLINIC
				),
				Error::<Test>::NotActivePractitioner
			);
			assert_noop!(
				PatientRecords::register_patient_with_guardian(
					RuntimeOrigin::signed(DOC),
					STRANGER,
					GUARDIAN,
					CLINIC
				),
				Error::<Test>::NotActivePractitioner
			);
			assert_noop!(
				PatientRecords::register_patient_with_guardian(
					RuntimeOrigin::signed(VILLAGE_DOC),
					STRANGER,
					STRANGER,
					CLINIC
				),
				Error::<Test>::GuardianIsPatient
			);
			assert_noop!(
				PatientRecords::register_patient_with_guardian(
					RuntimeOrigin::signed(VILLAGE_DOC),
					PATIENT,
					GUARDIAN,
					CLINIC
				),
				Error::<Test>::AlreadyRegistered
			);
			assert_noop!(
				PatientRecords::register_patient_with_guardian(
					RuntimeOrigin::signed(MAKER_STAFF),
					STRANGER,
					GUARDIAN,
					MAKER
				),
				Error::<Test>::InvalidCareOrganisation
			);
		});
	}

	#[test]
	fn patient_takes_sole_control_and_authority_changes_guardian() {
		test(|| {
			assert_noop!(
				PatientRecords::set_guardian(RuntimeOrigin::signed(WARD), Some(GUARDIAN)),
				Error::<Test>::GuardianUnchanged
			);
			assert_noop!(
				PatientRecords::set_guardian(RuntimeOrigin::signed(WARD), Some(WARD)),
				Error::<Test>::GuardianIsPatient
			);
			assert_noop!(
				PatientRecords::set_guardian(RuntimeOrigin::signed(STRANGER), None),
				Error::<Test>::UnknownPatient
			);
			assert_ok!(PatientRecords::set_guardian(RuntimeOrigin::signed(WARD), None));
			System::assert_last_event(
				Event::GuardianChanged { patient: WARD, guardian: None, by_authority: false }
					.into(),
			);
			assert_noop!(
				PatientRecords::force_set_guardian(RuntimeOrigin::signed(GUARDIAN), WARD, None),
				DispatchError::BadOrigin
			);
			assert_ok!(PatientRecords::force_set_guardian(
				RuntimeOrigin::root(),
				WARD,
				Some(STRANGER)
			));
			System::assert_last_event(
				Event::GuardianChanged {
					patient: WARD,
					guardian: Some(STRANGER),
					by_authority: true,
				}
				.into(),
			);
		});
	}

	#[test]
	fn care_organisations_are_chosen_by_patient_or_guardian() {
		test(|| {
			assert_noop!(
				PatientRecords::add_care_organisation(
					RuntimeOrigin::signed(STRANGER),
					WARD,
					CLINIC
				),
				Error::<Test>::NotPatientOrGuardian
			);
			assert_noop!(
				PatientRecords::add_care_organisation(
					RuntimeOrigin::signed(STRANGER),
					STRANGER,
					CLINIC
				),
				Error::<Test>::UnknownPatient
			);
			assert_noop!(
				PatientRecords::add_care_organisation(RuntimeOrigin::signed(GUARDIAN), WARD, MAKER),
				Error::<Test>::InvalidCareOrganisation
			);
			assert_noop!(
				PatientRecords::add_care_organisation(RuntimeOrigin::signed(GUARDIAN), WARD, 99),
				Error::<Test>::InvalidCareOrganisation
			);
			assert_ok!(PatientRecords::add_care_organisation(
				RuntimeOrigin::signed(GUARDIAN),
				WARD,
				CLINIC
			));
			System::assert_last_event(
				Event::CareOrganisationAdded { patient: WARD, org: CLINIC }.into(),
			);
			assert_noop!(
				PatientRecords::add_care_organisation(RuntimeOrigin::signed(WARD), WARD, CLINIC),
				Error::<Test>::AlreadyCareOrganisation
			);
			assert_ok!(PatientRecords::add_care_organisation(
				RuntimeOrigin::signed(WARD),
				WARD,
				HOSPITAL
			));
			assert_ok!(PatientRecords::add_care_organisation(
				RuntimeOrigin::signed(WARD),
				WARD,
				PENDING
			));
			// A fourth would exceed MaxCareOrganisations = 3.
			assert_ok!(Registry::apply_for_organisation(
				RuntimeOrigin::signed(1),
				ruralmed_primitives::OrganisationKind::Pharmacy,
				b"P".to_vec(),
				ruralmed_primitives::RegionCode::new(5, 3, 0)
			));
			assert_noop!(
				PatientRecords::add_care_organisation(RuntimeOrigin::signed(WARD), WARD, 4),
				Error::<Test>::TooManyCareOrganisations
			);
			assert_ok!(PatientRecords::remove_care_organisation(
				RuntimeOrigin::signed(WARD),
				WARD,
				PENDING
			));
			System::assert_last_event(
				Event::CareOrganisationRemoved { patient: WARD, org: PENDING }.into(),
			);
			assert_noop!(
				PatientRecords::remove_care_organisation(
					RuntimeOrigin::signed(WARD),
					WARD,
					PENDING
				),
				Error::<Test>::NotCareOrganisation
			);
			assert_noop!(
				PatientRecords::remove_care_organisation(
					RuntimeOrigin::signed(STRANGER),
					WARD,
					CLINIC
				),
				Error::<Test>::NotPatientOrGuardian
			);
		});
	}
}

mod records {
	use super::*;

	#[test]
	fn practitioner_anchors_in_time_order() {
		test(|| {
			let first = anchor(None);
			System::assert_last_event(
				Event::RecordAnchored {
					record: first,
					patient: PATIENT,
					author: VILLAGE_DOC,
					organisation: Some(CLINIC),
					category: RecordCategory::Encounter,
					amends: None,
					basis: Some(AccessBasis::CareTeam),
				}
				.into(),
			);
			Timestamp::set_timestamp(1_700_000_060_000);
			let second = anchor(None);
			let r = Records::<Test>::get(second).unwrap();
			assert_eq!((r.index, r.timestamp_ms, r.size_bytes), (1, 1_700_000_060_000, 2048));
			assert_eq!(PatientRecordIndex::<Test>::get(PATIENT, 0), Some(first));
			assert_eq!(Patients::<Test>::get(PATIENT).unwrap().record_count, 2);
			let page = PatientRecords::records_of(&PATIENT, 0, 10);
			assert_eq!(page.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![first, second]);
		});
	}

	#[test]
	fn paging_is_bounded() {
		test(|| {
			for _ in 0..7 {
				anchor(None);
			}
			assert_eq!(PatientRecords::records_of(&PATIENT, 0, 100).len(), 5);
			assert_eq!(PatientRecords::records_of(&PATIENT, 5, 100).len(), 2);
			assert_eq!(PatientRecords::records_of(&PATIENT, 7, 100).len(), 0);
			assert_eq!(PatientRecords::records_of(&PATIENT, u64::MAX, 100).len(), 0);
			assert_eq!(PatientRecords::records_of(&STRANGER, 0, 100).len(), 0);
		});
	}

	#[test]
	fn amendments_supersede_and_never_edit() {
		test(|| {
			let original = anchor(None);
			let amendment = anchor(Some(original));
			let old = Records::<Test>::get(original).unwrap();
			assert_eq!(old.superseded_by, Some(amendment));
			assert_eq!(old.content_hash, hash(7));
			assert_eq!(Records::<Test>::get(amendment).unwrap().amends, Some(original));
			let call = |amends| {
				PatientRecords::anchor_record(
					RuntimeOrigin::signed(VILLAGE_DOC),
					PATIENT,
					CLINIC,
					RecordCategory::Encounter,
					hash(8),
					VAULT,
					1,
					Some(amends),
				)
			};
			assert_noop!(call(original), Error::<Test>::AlreadySuperseded);
			assert_noop!(call(999), Error::<Test>::UnknownRecord);
			assert_ok!(PatientRecords::anchor_self_reported_record(
				RuntimeOrigin::signed(GUARDIAN),
				WARD,
				RecordCategory::Observation,
				hash(1),
				VAULT,
				10,
				None
			));
			let wards = NextRecordId::<Test>::get() - 1;
			assert_noop!(call(wards), Error::<Test>::AmendsOtherPatientsRecord);
		});
	}

	#[test]
	fn anchoring_checks_author_patient_and_input() {
		test(|| {
			let call = |who, patient, org, vault: u32, size| {
				PatientRecords::anchor_record(
					RuntimeOrigin::signed(who),
					patient,
					org,
					RecordCategory::Condition,
					hash(3),
					vault,
					size,
					None,
				)
			};
			assert_noop!(
				call(NURSE_UNVERIFIED, PATIENT, CLINIC, VAULT, 1),
				Error::<Test>::NotActivePractitioner
			);
			assert_noop!(
				call(DOC, PATIENT, CLINIC, VAULT, 1),
				Error::<Test>::NotActivePractitioner
			);
			assert_noop!(
				call(VILLAGE_DOC, STRANGER, CLINIC, VAULT, 1),
				Error::<Test>::UnknownPatient
			);
			// The hospital is not one of PATIENT's care organisations.
			assert_noop!(call(DOC, PATIENT, HOSPITAL, VAULT, 1), Error::<Test>::NoWriteAccess);
			// M13: the vault must be an active care organisation: no free-form locator.
			assert_noop!(call(VILLAGE_DOC, PATIENT, CLINIC, MAKER, 1), Error::<Test>::InvalidVault);
			assert_noop!(
				call(VILLAGE_DOC, PATIENT, CLINIC, PENDING, 1),
				Error::<Test>::InvalidVault
			);
			assert_noop!(call(VILLAGE_DOC, PATIENT, CLINIC, 99, 1), Error::<Test>::InvalidVault);
			assert_noop!(call(VILLAGE_DOC, PATIENT, CLINIC, VAULT, 0), Error::<Test>::EmptyRecord);
			NextRecordId::<Test>::put(u64::MAX);
			assert_noop!(call(VILLAGE_DOC, PATIENT, CLINIC, VAULT, 1), Error::<Test>::Overflow);
			NextRecordId::<Test>::put(0);
		});
	}

	#[test]
	fn suspension_cuts_writing_at_once() {
		test(|| {
			anchor(None);
			assert_ok!(Registry::suspend_practitioner(RuntimeOrigin::root(), VILLAGE_DOC));
			assert_noop!(
				PatientRecords::anchor_record(
					RuntimeOrigin::signed(VILLAGE_DOC),
					PATIENT,
					CLINIC,
					RecordCategory::Encounter,
					hash(7),
					VAULT,
					1,
					None
				),
				Error::<Test>::NotActivePractitioner
			);
		});
	}

	#[test]
	fn self_reported_records_are_marked() {
		test(|| {
			assert_noop!(
				PatientRecords::anchor_self_reported_record(
					RuntimeOrigin::signed(STRANGER),
					WARD,
					RecordCategory::Observation,
					hash(1),
					VAULT,
					10,
					None
				),
				Error::<Test>::NotPatientOrGuardian
			);
			assert_ok!(PatientRecords::anchor_self_reported_record(
				RuntimeOrigin::signed(PATIENT),
				PATIENT,
				RecordCategory::Observation,
				hash(1),
				VAULT,
				10,
				None
			));
			let r = Records::<Test>::get(0).unwrap();
			assert!(r.self_reported && r.organisation.is_none() && r.author == PATIENT);
		});
	}
}

mod access {
	use super::*;

	#[test]
	fn access_is_logged_and_counted() {
		test(|| {
			let id = anchor(None);
			assert_ok!(PatientRecords::log_access(
				RuntimeOrigin::signed(VILLAGE_DOC),
				id,
				PurposeOfUse::Treatment
			));
			System::assert_last_event(
				Event::RecordAccessed {
					patient: PATIENT,
					record: id,
					reader: VILLAGE_DOC,
					purpose: PurposeOfUse::Treatment,
					basis: Some(AccessBasis::CareTeam),
					position: 0,
				}
				.into(),
			);
			System::set_block_number(4);
			assert_ok!(PatientRecords::log_access(
				RuntimeOrigin::signed(PATIENT),
				id,
				PurposeOfUse::Treatment
			));
			assert_eq!(Patients::<Test>::get(PATIENT).unwrap().access_count, 2);
			// Both accesses are on the patient's trail, in order, with basis and block.
			let trail = PatientRecords::access_log_of(&PATIENT, 0, 10);
			assert_eq!(
				trail,
				vec![
					(
						0,
						AccessEntry {
							reader: VILLAGE_DOC,
							record: id,
							purpose: PurposeOfUse::Treatment,
							basis: Some(AccessBasis::CareTeam),
							block: 1,
							timestamp_ms: 1_700_000_000_000,
						}
					),
					(
						1,
						AccessEntry {
							reader: PATIENT,
							record: id,
							purpose: PurposeOfUse::Treatment,
							basis: None,
							block: 4,
							timestamp_ms: 1_700_000_000_000,
						}
					),
				]
			);
		});
	}

	#[test]
	fn access_needs_a_basis() {
		test(|| {
			let id = anchor(None);
			assert_noop!(
				PatientRecords::log_access(RuntimeOrigin::signed(DOC), id, PurposeOfUse::Treatment),
				Error::<Test>::NoReadAccess
			);
			assert_noop!(
				PatientRecords::log_access(
					RuntimeOrigin::signed(VILLAGE_DOC),
					id,
					PurposeOfUse::Research
				),
				Error::<Test>::NoReadAccess
			);
			assert_noop!(
				PatientRecords::log_access(
					RuntimeOrigin::signed(VILLAGE_DOC),
					42,
					PurposeOfUse::Treatment
				),
				Error::<Test>::UnknownRecord
			);
			// The patient removes the clinic: its doctor loses access at once.
			assert_ok!(PatientRecords::remove_care_organisation(
				RuntimeOrigin::signed(PATIENT),
				PATIENT,
				CLINIC
			));
			assert_noop!(
				PatientRecords::log_access(
					RuntimeOrigin::signed(VILLAGE_DOC),
					id,
					PurposeOfUse::Treatment
				),
				Error::<Test>::NoReadAccess
			);
			Patients::<Test>::mutate(PATIENT, |p| p.as_mut().unwrap().access_count = u64::MAX);
			assert_noop!(
				PatientRecords::log_access(
					RuntimeOrigin::signed(PATIENT),
					id,
					PurposeOfUse::Treatment
				),
				Error::<Test>::Overflow
			);
		});
	}
}

mod access_trail {
	use super::*;

	/// The village doctor logs `n` accesses to one record of PATIENT.
	fn log(n: u64) -> u64 {
		let id = anchor(None);
		for _ in 0..n {
			assert_ok!(PatientRecords::log_access(
				RuntimeOrigin::signed(VILLAGE_DOC),
				id,
				PurposeOfUse::Treatment
			));
		}
		id
	}

	#[test]
	fn pages_are_capped_and_start_where_asked() {
		test(|| {
			log(7);
			// MaxPageSize is 5 in the mock.
			let first: Vec<u64> =
				PatientRecords::access_log_of(&PATIENT, 0, 100).iter().map(|e| e.0).collect();
			assert_eq!(first, vec![0, 1, 2, 3, 4]);
			let rest: Vec<u64> =
				PatientRecords::access_log_of(&PATIENT, 5, 5).iter().map(|e| e.0).collect();
			assert_eq!(rest, vec![5, 6]);
			assert!(PatientRecords::access_log_of(&PATIENT, 7, 5).is_empty());
			assert!(PatientRecords::access_log_of(&PATIENT, u64::MAX, 5).is_empty());
			assert!(PatientRecords::access_log_of(&PATIENT, 0, 0).is_empty());
			assert!(PatientRecords::access_log_of(&STRANGER, 0, 5).is_empty());
		});
	}

	#[test]
	fn positions_before_the_trail_are_skipped() {
		test(|| {
			// Two accesses counted before the trail was stored (a chain upgraded from spec
			// 101): the page skips them.
			Patients::<Test>::mutate(PATIENT, |p| p.as_mut().unwrap().access_count = 2);
			log(1);
			let page = PatientRecords::access_log_of(&PATIENT, 0, 5);
			assert_eq!(page.len(), 1);
			assert_eq!(page[0].0, 2);
		});
	}

	#[test]
	fn a_refused_access_leaves_no_entry() {
		test(|| {
			let id = anchor(None);
			assert_noop!(
				PatientRecords::log_access(RuntimeOrigin::signed(DOC), id, PurposeOfUse::Treatment),
				Error::<Test>::NoReadAccess
			);
			assert!(PatientRecords::access_log_of(&PATIENT, 0, 5).is_empty());
		});
	}
}

mod erasure {
	use super::*;

	/// An anchored record with shares for the doctor (attached by the doctor) and the patient.
	fn shared_record() -> u64 {
		let id = anchor(None);
		for reader in [VILLAGE_DOC, PATIENT] {
			assert_ok!(PatientRecords::attach_key_share(
				RuntimeOrigin::signed(VILLAGE_DOC),
				id,
				reader,
				PurposeOfUse::Treatment,
				vec![1; 80]
			));
		}
		id
	}

	#[test]
	fn the_patient_erases_a_record() {
		test(|| {
			let id = shared_record();
			let record_deposit = held(HoldReason::RecordDeposit, VILLAGE_DOC);
			assert_eq!(held(HoldReason::KeyShareDeposit, VILLAGE_DOC), 2 * 5);
			assert_ok!(PatientRecords::dispute_record(
				RuntimeOrigin::signed(PATIENT),
				id,
				DisputeReason::IncorrectDetails,
				None
			));
			System::set_block_number(3);
			assert_ok!(PatientRecords::erase_record(RuntimeOrigin::signed(PATIENT), id));
			System::assert_last_event(
				Event::RecordErased {
					record: id,
					patient: PATIENT,
					by: PATIENT,
					key_shares_removed: 2,
				}
				.into(),
			);
			assert_eq!(
				Erasures::<Test>::get(id),
				Some(Erasure { by: PATIENT, block: 3, timestamp_ms: 1_700_000_000_000 })
			);
			// The shares and their deposits are gone, the dispute too; the anchor and its
			// deposit stay as history.
			assert_eq!(KeyShares::<Test>::iter_prefix(id).count(), 0);
			assert!(!KeyShareCount::<Test>::contains_key(id));
			assert_eq!(held(HoldReason::KeyShareDeposit, VILLAGE_DOC), 0);
			assert!(!Disputes::<Test>::contains_key(id));
			assert_eq!(Records::<Test>::get(id).unwrap().content_hash, hash(7));
			assert_eq!(held(HoldReason::RecordDeposit, VILLAGE_DOC), record_deposit);
		});
	}

	#[test]
	fn the_guardian_erases_a_wards_record() {
		test(|| {
			assert_ok!(PatientRecords::anchor_self_reported_record(
				RuntimeOrigin::signed(GUARDIAN),
				WARD,
				RecordCategory::Observation,
				hash(3),
				VAULT,
				10,
				None
			));
			let id = NextRecordId::<Test>::get() - 1;
			assert_ok!(PatientRecords::erase_record(RuntimeOrigin::signed(GUARDIAN), id));
			System::assert_last_event(
				Event::RecordErased {
					record: id,
					patient: WARD,
					by: GUARDIAN,
					key_shares_removed: 0,
				}
				.into(),
			);
		});
	}

	#[test]
	fn only_the_patient_side_erases_and_only_once() {
		test(|| {
			let id = shared_record();
			for who in [VILLAGE_DOC, DOC, GUARDIAN, STRANGER] {
				assert_noop!(
					PatientRecords::erase_record(RuntimeOrigin::signed(who), id),
					Error::<Test>::NotPatientOrGuardian
				);
			}
			assert_noop!(
				PatientRecords::erase_record(RuntimeOrigin::signed(PATIENT), 42),
				Error::<Test>::UnknownRecord
			);
			assert_ok!(PatientRecords::erase_record(RuntimeOrigin::signed(PATIENT), id));
			assert_noop!(
				PatientRecords::erase_record(RuntimeOrigin::signed(PATIENT), id),
				Error::<Test>::RecordErased
			);
		});
	}

	#[test]
	fn an_erased_record_is_not_read_shared_amended_or_disputed() {
		test(|| {
			let id = shared_record();
			assert_ok!(PatientRecords::erase_record(RuntimeOrigin::signed(PATIENT), id));
			for reader in [VILLAGE_DOC, PATIENT] {
				assert_noop!(
					PatientRecords::log_access(
						RuntimeOrigin::signed(reader),
						id,
						PurposeOfUse::Treatment
					),
					Error::<Test>::RecordErased
				);
			}
			assert_noop!(
				PatientRecords::attach_key_share(
					RuntimeOrigin::signed(PATIENT),
					id,
					PATIENT,
					PurposeOfUse::Treatment,
					vec![1; 80]
				),
				Error::<Test>::RecordErased
			);
			assert_noop!(
				PatientRecords::anchor_record(
					RuntimeOrigin::signed(VILLAGE_DOC),
					PATIENT,
					CLINIC,
					RecordCategory::Encounter,
					hash(8),
					VAULT,
					2048,
					Some(id)
				),
				Error::<Test>::RecordErased
			);
			assert_noop!(
				PatientRecords::dispute_record(
					RuntimeOrigin::signed(PATIENT),
					id,
					DisputeReason::Other,
					None
				),
				Error::<Test>::RecordErased
			);
		});
	}
}

mod disputes {
	use super::*;

	/// PATIENT's own words about a record, as a self-reported document.
	fn note_of(patient: u64, by: u64) -> u64 {
		assert_ok!(PatientRecords::anchor_self_reported_record(
			RuntimeOrigin::signed(by),
			patient,
			RecordCategory::Document,
			hash(9),
			VAULT,
			300,
			None
		));
		NextRecordId::<Test>::get() - 1
	}

	#[test]
	fn the_patient_disputes_and_withdraws() {
		test(|| {
			let id = anchor(None);
			let note = note_of(PATIENT, PATIENT);
			System::set_block_number(2);
			assert_ok!(PatientRecords::dispute_record(
				RuntimeOrigin::signed(PATIENT),
				id,
				DisputeReason::IncorrectDetails,
				Some(note)
			));
			System::assert_last_event(
				Event::RecordDisputed {
					record: id,
					patient: PATIENT,
					by: PATIENT,
					reason: DisputeReason::IncorrectDetails,
					note: Some(note),
				}
				.into(),
			);
			assert_eq!(
				Disputes::<Test>::get(id),
				Some(Dispute {
					by: PATIENT,
					reason: DisputeReason::IncorrectDetails,
					note: Some(note),
					block: 2
				})
			);
			// The author answers with an amendment; the dispute stays on the old version.
			let amended = anchor(Some(id));
			assert!(Disputes::<Test>::contains_key(id));
			assert!(!Disputes::<Test>::contains_key(amended));
			assert_ok!(PatientRecords::withdraw_dispute(RuntimeOrigin::signed(PATIENT), id));
			System::assert_last_event(
				Event::DisputeWithdrawn { record: id, patient: PATIENT, by: PATIENT }.into(),
			);
			assert!(!Disputes::<Test>::contains_key(id));
		});
	}

	#[test]
	fn refusals_change_nothing() {
		test(|| {
			let id = anchor(None);
			let others_note = note_of(WARD, GUARDIAN);
			let clinical = anchor(None);
			for who in [VILLAGE_DOC, GUARDIAN, STRANGER] {
				assert_noop!(
					PatientRecords::dispute_record(
						RuntimeOrigin::signed(who),
						id,
						DisputeReason::NotMyRecord,
						None
					),
					Error::<Test>::NotPatientOrGuardian
				);
			}
			assert_noop!(
				PatientRecords::dispute_record(
					RuntimeOrigin::signed(PATIENT),
					42,
					DisputeReason::NotMyRecord,
					None
				),
				Error::<Test>::UnknownRecord
			);
			// A note must be the same patient's own, existing, self-reported words.
			for note in [others_note, clinical, 42] {
				assert_noop!(
					PatientRecords::dispute_record(
						RuntimeOrigin::signed(PATIENT),
						id,
						DisputeReason::Other,
						Some(note)
					),
					Error::<Test>::InvalidDisputeNote
				);
			}
			let erased_note = note_of(PATIENT, PATIENT);
			assert_ok!(PatientRecords::erase_record(RuntimeOrigin::signed(PATIENT), erased_note));
			assert_noop!(
				PatientRecords::dispute_record(
					RuntimeOrigin::signed(PATIENT),
					id,
					DisputeReason::Other,
					Some(erased_note)
				),
				Error::<Test>::InvalidDisputeNote
			);
			assert_noop!(
				PatientRecords::withdraw_dispute(RuntimeOrigin::signed(PATIENT), id),
				Error::<Test>::NotDisputed
			);
			assert_ok!(PatientRecords::dispute_record(
				RuntimeOrigin::signed(PATIENT),
				id,
				DisputeReason::NeverHappened,
				None
			));
			assert_noop!(
				PatientRecords::dispute_record(
					RuntimeOrigin::signed(PATIENT),
					id,
					DisputeReason::Other,
					None
				),
				Error::<Test>::AlreadyDisputed
			);
			assert_noop!(
				PatientRecords::withdraw_dispute(RuntimeOrigin::signed(VILLAGE_DOC), id),
				Error::<Test>::NotPatientOrGuardian
			);
			assert_noop!(
				PatientRecords::withdraw_dispute(RuntimeOrigin::signed(PATIENT), 42),
				Error::<Test>::UnknownRecord
			);
		});
	}

	#[test]
	fn the_guardian_disputes_for_the_ward() {
		test(|| {
			let id = note_of(WARD, GUARDIAN);
			assert_ok!(PatientRecords::dispute_record(
				RuntimeOrigin::signed(GUARDIAN),
				id,
				DisputeReason::Incomplete,
				None
			));
			assert_ok!(PatientRecords::withdraw_dispute(RuntimeOrigin::signed(GUARDIAN), id));
		});
	}
}

mod key_shares {
	use super::*;

	fn attach(by: u64, reader: u64, record: u64) -> DispatchResult {
		PatientRecords::attach_key_share(
			RuntimeOrigin::signed(by),
			record,
			reader,
			PurposeOfUse::Treatment,
			vec![9; 80],
		)
	}
	use sp_runtime::DispatchResult;

	#[test]
	fn shares_for_allowed_readers_only() {
		test(|| {
			let id = anchor(None);
			assert_ok!(attach(VILLAGE_DOC, PATIENT, id));
			System::assert_last_event(
				Event::KeyShareAttached { record: id, reader: PATIENT, by: VILLAGE_DOC }.into(),
			);
			assert_noop!(attach(PATIENT, DOC, id), Error::<Test>::ReaderNotPermitted);
			assert_noop!(attach(STRANGER, PATIENT, id), Error::<Test>::NotPermitted);
			assert_noop!(attach(PATIENT, PATIENT, 42), Error::<Test>::UnknownRecord);
			assert_noop!(
				PatientRecords::attach_key_share(
					RuntimeOrigin::signed(PATIENT),
					id,
					PATIENT,
					PurposeOfUse::Treatment,
					vec![]
				),
				Error::<Test>::InvalidKeyShare
			);
			assert_noop!(
				PatientRecords::attach_key_share(
					RuntimeOrigin::signed(PATIENT),
					id,
					PATIENT,
					PurposeOfUse::Treatment,
					vec![1; 129]
				),
				Error::<Test>::InvalidKeyShare
			);
			// Once the hospital is a care organisation, its doctor may receive a share.
			hospital_joins_care();
			assert_ok!(attach(PATIENT, DOC, id));
			assert_eq!(KeyShares::<Test>::get(id, DOC).unwrap().wrapped_key.to_vec(), vec![9; 80]);
		});
	}

	#[test]
	fn shares_are_removed_by_reader_patient_side_or_active_author() {
		test(|| {
			let id = anchor(None);
			hospital_joins_care();
			assert_ok!(attach(PATIENT, DOC, id));
			// The patient's own shares hold no deposit (patients pay nothing).
			assert_eq!(held(HoldReason::KeyShareDeposit, PATIENT), 0);
			assert_noop!(
				PatientRecords::remove_key_share(RuntimeOrigin::signed(STRANGER), id, PATIENT),
				Error::<Test>::NoKeyShare
			);
			assert_noop!(
				PatientRecords::remove_key_share(RuntimeOrigin::signed(STRANGER), 42, PATIENT),
				Error::<Test>::UnknownRecord
			);
			// L6: even once the reader has no access (perhaps only for now), a stranger may
			// not remove its share.
			assert_ok!(PatientRecords::remove_care_organisation(
				RuntimeOrigin::signed(PATIENT),
				PATIENT,
				HOSPITAL
			));
			assert_noop!(
				PatientRecords::remove_key_share(RuntimeOrigin::signed(STRANGER), id, DOC),
				Error::<Test>::NotPermitted
			);
			// The active author may; the deposit goes back to whoever attached the share.
			assert_ok!(PatientRecords::remove_key_share(
				RuntimeOrigin::signed(VILLAGE_DOC),
				id,
				DOC
			));
			System::assert_last_event(
				Event::KeyShareRemoved { record: id, reader: DOC, by: VILLAGE_DOC }.into(),
			);
			assert!(KeyShares::<Test>::get(id, DOC).is_none());
			assert_eq!(KeyShareCount::<Test>::get(id), 0);
			assert_eq!(held(HoldReason::KeyShareDeposit, PATIENT), 0);
		});
	}

	/// M9 (review scenario): a practitioner with access overwrites the patient's, the
	/// author's and another reader's shares with junk.
	#[test]
	fn m9_third_party_cannot_overwrite_shares() {
		test(|| {
			let id = anchor(None);
			assert_ok!(attach(PATIENT, PATIENT, id));
			assert_ok!(attach(PATIENT, VILLAGE_DOC, id));
			hospital_joins_care();
			let junk = |by: u64, reader: u64| {
				PatientRecords::attach_key_share(
					RuntimeOrigin::signed(by),
					id,
					reader,
					PurposeOfUse::Treatment,
					vec![0; 80],
				)
			};
			// DOC may read (care team), but replaces nobody else's share.
			assert_noop!(junk(DOC, PATIENT), Error::<Test>::MayNotReplaceKeyShare);
			assert_noop!(junk(DOC, VILLAGE_DOC), Error::<Test>::MayNotReplaceKeyShare);
			// The author, even a suspended one, never replaces the patient's own share.
			assert_noop!(junk(VILLAGE_DOC, PATIENT), Error::<Test>::MayNotReplaceKeyShare);
			assert_ok!(Registry::suspend_practitioner(RuntimeOrigin::root(), VILLAGE_DOC));
			assert_noop!(junk(VILLAGE_DOC, PATIENT), Error::<Test>::MayNotReplaceKeyShare);
			assert_eq!(
				KeyShares::<Test>::get(id, PATIENT).unwrap().wrapped_key.to_vec(),
				vec![9; 80]
			);
		});
	}

	#[test]
	fn shares_are_replaced_by_reader_patient_side_or_attacher() {
		test(|| {
			let id = anchor(None);
			hospital_joins_care();
			// The author attaches DOC's share, then replaces it: its own deposit, once.
			assert_ok!(attach(VILLAGE_DOC, DOC, id));
			assert_ok!(attach(VILLAGE_DOC, DOC, id));
			assert_eq!(held(HoldReason::KeyShareDeposit, VILLAGE_DOC), 5);
			// The reader replaces its own share: the author's deposit goes back.
			assert_ok!(attach(DOC, DOC, id));
			assert_eq!(
				(
					held(HoldReason::KeyShareDeposit, VILLAGE_DOC),
					held(HoldReason::KeyShareDeposit, DOC)
				),
				(0, 5)
			);
			assert_eq!(KeyShares::<Test>::get(id, DOC).unwrap().attached_by, DOC);
			// The patient replaces anyone's (the reader's deposit goes back; the patient's
			// own shares hold none).
			assert_ok!(attach(PATIENT, DOC, id));
			assert_eq!(
				(
					held(HoldReason::KeyShareDeposit, DOC),
					held(HoldReason::KeyShareDeposit, PATIENT)
				),
				(0, 0)
			);
			assert_eq!(KeyShareCount::<Test>::get(id), 1);
		});
	}

	#[test]
	fn shares_per_record_are_capped() {
		test(|| {
			let id = anchor(None);
			hospital_joins_care();
			assert_ok!(PatientRecords::set_guardian(
				RuntimeOrigin::signed(PATIENT),
				Some(GUARDIAN)
			));
			for reader in [PATIENT, VILLAGE_DOC, DOC] {
				assert_ok!(attach(PATIENT, reader, id));
			}
			assert_eq!(KeyShareCount::<Test>::get(id), 3);
			assert_noop!(attach(PATIENT, GUARDIAN, id), Error::<Test>::TooManyKeyShares);
			// Replacing is not adding.
			assert_ok!(attach(PATIENT, DOC, id));
			assert_ok!(PatientRecords::remove_key_share(RuntimeOrigin::signed(DOC), id, DOC));
			assert_ok!(attach(PATIENT, GUARDIAN, id));
			assert_eq!(KeyShareCount::<Test>::get(id), 3);
		});
	}

	/// L6: a suspended author may remove only its own share.
	#[test]
	fn suspended_author_removes_only_its_own_share() {
		test(|| {
			let id = anchor(None);
			assert_ok!(attach(PATIENT, PATIENT, id));
			assert_ok!(attach(PATIENT, VILLAGE_DOC, id));
			assert_ok!(Registry::suspend_practitioner(RuntimeOrigin::root(), VILLAGE_DOC));
			assert_noop!(
				PatientRecords::remove_key_share(RuntimeOrigin::signed(VILLAGE_DOC), id, PATIENT),
				Error::<Test>::NotPermitted
			);
			assert_ok!(PatientRecords::remove_key_share(
				RuntimeOrigin::signed(VILLAGE_DOC),
				id,
				VILLAGE_DOC
			));
			assert!(KeyShares::<Test>::contains_key(id, PATIENT));
		});
	}
}

mod amendments {
	use super::*;

	fn amend(by: u64, org: u32, category: RecordCategory, old: u64) -> sp_runtime::DispatchResult {
		PatientRecords::anchor_record(
			RuntimeOrigin::signed(by),
			PATIENT,
			org,
			category,
			hash(9),
			VAULT,
			10,
			Some(old),
		)
	}

	fn self_report(by: u64, patient: u64, amends: Option<u64>) -> sp_runtime::DispatchResult {
		PatientRecords::anchor_self_reported_record(
			RuntimeOrigin::signed(by),
			patient,
			RecordCategory::Observation,
			hash(1),
			VAULT,
			10,
			amends,
		)
	}

	fn allergy() -> u64 {
		assert_ok!(PatientRecords::anchor_record(
			RuntimeOrigin::signed(VILLAGE_DOC),
			PATIENT,
			CLINIC,
			RecordCategory::Allergy,
			hash(5),
			VAULT,
			10,
			None
		));
		NextRecordId::<Test>::get() - 1
	}

	/// M8 scenario A: a writer at another organisation supersedes Dr. Z's Allergy record
	/// with an Observation, or with an Allergy of its own.
	#[test]
	fn m8_other_organisation_cannot_supersede() {
		test(|| {
			let old = allergy();
			hospital_joins_care();
			assert_noop!(
				amend(DOC, HOSPITAL, RecordCategory::Observation, old),
				Error::<Test>::AmendmentChangesCategory
			);
			assert_noop!(
				amend(DOC, HOSPITAL, RecordCategory::Allergy, old),
				Error::<Test>::MayNotAmend
			);
			// The author can still amend it, keeping the category.
			assert_noop!(
				amend(VILLAGE_DOC, CLINIC, RecordCategory::Observation, old),
				Error::<Test>::AmendmentChangesCategory
			);
			assert_ok!(amend(VILLAGE_DOC, CLINIC, RecordCategory::Allergy, old));
			assert!(Records::<Test>::get(old).unwrap().superseded_by.is_some());
		});
	}

	#[test]
	fn colleague_of_the_same_organisation_may_amend() {
		test(|| {
			let old = allergy();
			assert_ok!(Registry::verify_licence(RuntimeOrigin::root(), NURSE_UNVERIFIED));
			assert_ok!(amend(NURSE_UNVERIFIED, CLINIC, RecordCategory::Allergy, old));
			assert_eq!(Records::<Test>::get(old).unwrap().superseded_by, Some(old + 1));
		});
	}

	/// M8 scenario B: the patient or guardian supersedes a clinician's record with
	/// self-reported data; a clinician supersedes self-reported data.
	#[test]
	fn m8_self_reports_and_clinical_records_do_not_supersede_each_other() {
		test(|| {
			let clinical = {
				assert_ok!(PatientRecords::anchor_record(
					RuntimeOrigin::signed(VILLAGE_DOC),
					PATIENT,
					CLINIC,
					RecordCategory::Observation,
					hash(5),
					VAULT,
					10,
					None
				));
				NextRecordId::<Test>::get() - 1
			};
			assert_noop!(self_report(PATIENT, PATIENT, Some(clinical)), Error::<Test>::MayNotAmend);
			assert_ok!(self_report(PATIENT, PATIENT, None));
			let own = NextRecordId::<Test>::get() - 1;
			assert_noop!(
				amend(VILLAGE_DOC, CLINIC, RecordCategory::Observation, own),
				Error::<Test>::MayNotAmend
			);
			assert_ok!(self_report(PATIENT, PATIENT, Some(own)));
			// The guardian likewise, for the ward.
			assert_ok!(self_report(GUARDIAN, WARD, None));
			let wards = NextRecordId::<Test>::get() - 1;
			assert_ok!(self_report(GUARDIAN, WARD, Some(wards)));
		});
	}
}

mod guardianship {
	use super::*;

	fn propose(by: u64, patient: u64, guardian: u64) -> sp_runtime::DispatchResult {
		PatientRecords::register_patient_with_guardian(
			RuntimeOrigin::signed(by),
			patient,
			guardian,
			CLINIC,
		)
	}

	/// M10 (review scenario): Dr. M names himself guardian of an unregistered account.
	#[test]
	fn m10_practitioner_cannot_make_itself_guardian() {
		test(|| {
			assert_noop!(
				propose(VILLAGE_DOC, STRANGER, VILLAGE_DOC),
				Error::<Test>::GuardianIsRegistrar
			);
		});
	}

	/// M10: a practitioner front-runs the account's own registration with a guardian of its
	/// choosing. It is only a proposal: the account registers itself anyway, and the
	/// practitioner's accomplice can no longer accept.
	#[test]
	fn m10_front_running_proposal_does_not_block_self_registration() {
		test(|| {
			assert_ok!(propose(VILLAGE_DOC, STRANGER, GUARDIAN));
			assert_ok!(PatientRecords::register_patient(RuntimeOrigin::signed(STRANGER)));
			System::assert_has_event(
				Event::GuardianshipProposalDropped { patient: STRANGER, guardian: GUARDIAN }.into(),
			);
			let p = Patients::<Test>::get(STRANGER).unwrap();
			assert_eq!((p.guardian, p.depositor, p.deposit), (None, STRANGER, 50));
			assert_eq!(
				(
					held(HoldReason::PatientDeposit, STRANGER),
					held(HoldReason::PatientDeposit, VILLAGE_DOC)
				),
				(50, 0)
			);
			assert_noop!(
				PatientRecords::accept_guardianship(RuntimeOrigin::signed(GUARDIAN), STRANGER),
				Error::<Test>::NoProposal
			);
		});
	}

	#[test]
	fn only_the_named_guardian_accepts_in_time() {
		test(|| {
			assert_ok!(propose(VILLAGE_DOC, STRANGER, GUARDIAN));
			assert_noop!(
				PatientRecords::accept_guardianship(RuntimeOrigin::signed(VILLAGE_DOC), STRANGER),
				Error::<Test>::NotProposedGuardian
			);
			assert_noop!(propose(DOC, STRANGER, GUARDIAN), Error::<Test>::NotActivePractitioner);
			assert_noop!(propose(VILLAGE_DOC, STRANGER, PATIENT), Error::<Test>::ProposalPending);
			System::set_block_number(11);
			assert_noop!(
				PatientRecords::accept_guardianship(RuntimeOrigin::signed(GUARDIAN), STRANGER),
				Error::<Test>::ProposalExpired
			);
			// An expired proposal is replaced, its deposit released and a new one held.
			assert_ok!(propose(VILLAGE_DOC, STRANGER, PATIENT));
			assert_eq!(held(HoldReason::PatientDeposit, VILLAGE_DOC), 50);
			assert_eq!(GuardianshipProposals::<Test>::get(STRANGER).unwrap().guardian, PATIENT);
			assert_ok!(PatientRecords::accept_guardianship(
				RuntimeOrigin::signed(PATIENT),
				STRANGER
			));
			assert_eq!(Patients::<Test>::get(STRANGER).unwrap().guardian, Some(PATIENT));
		});
	}

	#[test]
	fn proposals_are_withdrawn_or_declined() {
		test(|| {
			assert_noop!(
				PatientRecords::withdraw_guardianship_proposal(
					RuntimeOrigin::signed(GUARDIAN),
					STRANGER
				),
				Error::<Test>::NoProposal
			);
			assert_ok!(propose(VILLAGE_DOC, STRANGER, GUARDIAN));
			assert_noop!(
				PatientRecords::withdraw_guardianship_proposal(
					RuntimeOrigin::signed(DOC),
					STRANGER
				),
				Error::<Test>::ProposalNotExpired
			);
			// The guardian declines.
			assert_ok!(PatientRecords::withdraw_guardianship_proposal(
				RuntimeOrigin::signed(GUARDIAN),
				STRANGER
			));
			System::assert_last_event(
				Event::GuardianshipProposalDropped { patient: STRANGER, guardian: GUARDIAN }.into(),
			);
			assert_eq!(held(HoldReason::PatientDeposit, VILLAGE_DOC), 0);
			// Anyone clears an expired one.
			assert_ok!(propose(VILLAGE_DOC, STRANGER, GUARDIAN));
			System::set_block_number(11);
			assert_ok!(PatientRecords::withdraw_guardianship_proposal(
				RuntimeOrigin::signed(DOC),
				STRANGER
			));
			assert!(!GuardianshipProposals::<Test>::contains_key(STRANGER));
			assert_eq!(held(HoldReason::PatientDeposit, VILLAGE_DOC), 0);
		});
	}
}

mod deposits {
	use super::*;

	#[test]
	fn patients_records_and_shares_hold_deposits_from_who_signed() {
		test(|| {
			assert_ok!(PatientRecords::register_patient(RuntimeOrigin::signed(STRANGER)));
			assert_eq!(held(HoldReason::PatientDeposit, STRANGER), 50);
			let id = anchor(None);
			assert_eq!(held(HoldReason::RecordDeposit, VILLAGE_DOC), 20);
			assert_eq!(Records::<Test>::get(id).unwrap().deposit, 20);
			assert_ok!(PatientRecords::anchor_self_reported_record(
				RuntimeOrigin::signed(GUARDIAN),
				WARD,
				RecordCategory::Observation,
				hash(1),
				VAULT,
				10,
				None
			));
			assert_eq!(held(HoldReason::RecordDeposit, GUARDIAN), 20);
		});
	}

	#[test]
	fn no_funds_no_entry() {
		test(|| {
			assert_noop!(
				PatientRecords::register_patient(RuntimeOrigin::signed(BROKE)),
				TokenError::FundsUnavailable
			);
			assert_ok!(Registry::verify_licence(RuntimeOrigin::root(), NURSE_UNVERIFIED));
			let _ = <Balances as frame_support::traits::fungible::Mutate<u64>>::set_balance(
				&NURSE_UNVERIFIED,
				1,
			);
			assert_noop!(
				PatientRecords::anchor_record(
					RuntimeOrigin::signed(NURSE_UNVERIFIED),
					PATIENT,
					CLINIC,
					RecordCategory::Encounter,
					hash(7),
					VAULT,
					10,
					None
				),
				TokenError::FundsUnavailable
			);
		});
	}

	/// L8: a manufacturer is no care organisation and writes no clinical records.
	#[test]
	fn l8_only_care_organisations_anchor_records() {
		test(|| {
			assert_noop!(
				PatientRecords::anchor_record(
					RuntimeOrigin::signed(MAKER_STAFF),
					PATIENT,
					MAKER,
					RecordCategory::MedicationDispense,
					hash(7),
					VAULT,
					10,
					None
				),
				Error::<Test>::InvalidCareOrganisation
			);
		});
	}
}

#[test]
fn integrity_test_passes() {
	use frame_support::traits::Hooks;
	<PatientRecords as Hooks<u64>>::integrity_test();
}

/// What a records vault asks before it accepts ciphertext (`may_write`, behind the runtime
/// API) answers as the anchoring calls would.
#[test]
fn may_write_answers_as_the_anchoring_calls_do() {
	test(|| {
		let enc = RecordCategory::Encounter;
		// The active practitioner of the patient's care organisation, acting for it.
		assert!(PatientRecords::may_write(&VILLAGE_DOC, &PATIENT, Some(CLINIC), enc));
		// Not for another organisation, nor for one that is not the patient's.
		assert!(!PatientRecords::may_write(&VILLAGE_DOC, &PATIENT, Some(HOSPITAL), enc));
		assert!(!PatientRecords::may_write(&DOC, &PATIENT, Some(HOSPITAL), enc));
		assert_noop!(
			PatientRecords::anchor_record(
				RuntimeOrigin::signed(DOC),
				PATIENT,
				HOSPITAL,
				enc,
				hash(7),
				VAULT,
				10,
				None
			),
			Error::<Test>::NoWriteAccess
		);
		// Not an unverified practitioner, nor a manufacturer's staff.
		assert!(!PatientRecords::may_write(&NURSE_UNVERIFIED, &PATIENT, Some(CLINIC), enc));
		assert!(!PatientRecords::may_write(&MAKER_STAFF, &PATIENT, Some(MAKER), enc));
		// Self-reported data: the patient, a ward's guardian, nobody else.
		assert!(PatientRecords::may_write(&PATIENT, &PATIENT, None, enc));
		assert!(PatientRecords::may_write(&GUARDIAN, &WARD, None, enc));
		assert!(!PatientRecords::may_write(&STRANGER, &PATIENT, None, enc));
		assert!(!PatientRecords::may_write(&WARD, &PATIENT, None, enc));
		// Nobody writes for an account that is no patient.
		assert!(!PatientRecords::may_write(&STRANGER, &STRANGER, None, enc));
		assert!(!PatientRecords::may_write(&VILLAGE_DOC, &STRANGER, Some(CLINIC), enc));
	});
}

mod synthetic_genesis {
	use super::*;
	use ruralmed_test_utils::{run_checked, DemoCounty};

	#[test]
	fn synthetic_records_are_anchored_as_the_pallet_anchors_them() {
		let ext = DemoCounty::<Test>::funded([])
			.with(crate::GenesisConfig::<Test> { synthetic_records: 2_500, ..Default::default() })
			.build_then(|| ());
		run_checked(
			ext,
			|| {
				let patient = PatientRecords::synthetic_patient;
				let counts: Vec<u64> = (0..3)
					.map(|i| Patients::<Test>::get(patient(i)).unwrap().record_count)
					.collect();
				assert_eq!(counts, vec![1_000, 1_000, 500]);
				assert!(Patients::<Test>::get(patient(3)).is_none());
				assert_eq!(NextRecordId::<Test>::get(), 2_500);
				let last = PatientRecordIndex::<Test>::get(patient(2), 499).unwrap();
				let anchor = Records::<Test>::get(last).unwrap();
				assert!(
					anchor.self_reported && anchor.patient == patient(2) && anchor.deposit == 0
				);
			},
			&[("patient-records", PatientRecords::do_try_state)],
		);
	}

	#[test]
	fn no_synthetic_records_by_default() {
		test(|| {
			assert!(Patients::<Test>::get(PatientRecords::synthetic_patient(0)).is_none());
		});
	}
}

/// Issue 18, item 2: no path the tests know touches more storage than the call's weight
/// charges. The mock costs storage with `ProbeDbWeight` and uses the generated weights, so each
/// call's dispatch info (its weight expression, arguments included) says how many reads and
/// writes it pays for; the call then runs with its accesses counted.
mod weights_cover_storage {
	use super::*;
	use frame_support::dispatch::GetDispatchInfo;
	use ruralmed_test_utils::storage_access::{
		benchmark_whitelist, charged_accesses, dispatch_within_charge,
	};

	fn whitelist(signer: u64) -> Vec<Vec<u8>> {
		benchmark_whitelist::<Test, AllPalletsWithSystem>(&signer)
	}

	/// Dispatches `call` from `signer`, asserting it succeeds within its charge.
	fn within_charge(signer: u64, call: Call<Test>) {
		dispatch_within_charge::<Test, AllPalletsWithSystem, _>(signer, call);
	}

	fn anchor_call(amends: Option<u64>, vault: u32) -> Call<Test> {
		Call::anchor_record {
			patient: PATIENT,
			org: CLINIC,
			category: RecordCategory::Encounter,
			content_hash: hash(3),
			vault,
			size_bytes: 2048,
			amends,
		}
	}

	fn self_report_call(patient: u64, amends: Option<u64>) -> Call<Test> {
		Call::anchor_self_reported_record {
			patient,
			category: RecordCategory::Observation,
			content_hash: hash(4),
			vault: CLINIC,
			size_bytes: 512,
			amends,
		}
	}

	/// The probe itself: a weight of 3 reads and 2 writes reads back as such, and a call that
	/// touches more than its charge fails the check.
	#[test]
	fn the_probe_reads_back_counts_and_catches_an_overrun() {
		use ruralmed_test_utils::storage_access::{count_accesses, Accesses};
		let db = <<Test as frame_system::Config>::DbWeight as frame_support::traits::Get<_>>::get;
		assert_eq!(charged_accesses(|| db().reads_writes(3, 2)), Accesses { reads: 3, writes: 2 });
		// Outside the probe, storage is free as in frame-system's test default.
		assert_eq!(db().reads_writes(3, 2), frame_support::weights::Weight::zero());
		test(|| {
			let (_, measured) = count_accesses(&whitelist(VILLAGE_DOC), || anchor(None));
			let charged =
				charged_accesses(|| anchor_call(None, CLINIC).get_dispatch_info().call_weight);
			assert!(measured.fits_in(charged));
			let short = Accesses { reads: measured.reads - 1, writes: charged.writes };
			assert!(!measured.fits_in(short));
		});
	}

	#[test]
	fn anchors_new_and_amending_own_and_other_vault() {
		test(|| {
			// The vault at another organisation than the author's: one more organisation read.
			within_charge(VILLAGE_DOC, anchor_call(None, HOSPITAL));
			within_charge(VILLAGE_DOC, anchor_call(None, CLINIC));
			let old = NextRecordId::<Test>::get() - 1;
			within_charge(VILLAGE_DOC, anchor_call(Some(old), HOSPITAL));
		});
	}

	#[test]
	fn self_reports_by_patient_and_guardian() {
		test(|| {
			within_charge(PATIENT, self_report_call(PATIENT, None));
			let old = NextRecordId::<Test>::get() - 1;
			within_charge(PATIENT, self_report_call(PATIENT, Some(old)));
			within_charge(GUARDIAN, self_report_call(WARD, None));
		});
	}

	#[test]
	fn key_shares_attach_and_remove() {
		test(|| {
			let id = anchor(None);
			let attach = |reader| Call::<Test>::attach_key_share {
				record: id,
				reader,
				purpose: PurposeOfUse::Treatment,
				wrapped_key: vec![9; 128],
			};
			within_charge(VILLAGE_DOC, attach(PATIENT));
			// A second share, then the patient replaces it (the deposit back to the doctor).
			hospital_joins_care();
			within_charge(VILLAGE_DOC, attach(DOC));
			within_charge(PATIENT, attach(DOC));
			// Removed by the author (the deposit back to the patient) and by the reader.
			within_charge(VILLAGE_DOC, Call::remove_key_share { record: id, reader: DOC });
			within_charge(PATIENT, Call::remove_key_share { record: id, reader: PATIENT });
		});
	}

	#[test]
	fn access_logs_by_practitioner_patient_and_guardian() {
		test(|| {
			let id = anchor(None);
			let log = || Call::<Test>::log_access { record: id, purpose: PurposeOfUse::Treatment };
			within_charge(VILLAGE_DOC, log());
			within_charge(PATIENT, log());
			within_charge(GUARDIAN, self_report_call(WARD, None));
			let ward_record = NextRecordId::<Test>::get() - 1;
			within_charge(
				GUARDIAN,
				Call::log_access { record: ward_record, purpose: PurposeOfUse::Treatment },
			);
		});
	}

	#[test]
	fn erasure_with_shares_and_disputes() {
		test(|| {
			let id = anchor(None);
			hospital_joins_care();
			for reader in [PATIENT, DOC] {
				assert_ok!(PatientRecords::attach_key_share(
					RuntimeOrigin::signed(VILLAGE_DOC),
					id,
					reader,
					PurposeOfUse::Treatment,
					vec![9; 80],
				));
			}
			let disputed = anchor(None);
			within_charge(PATIENT, self_report_call(PATIENT, None));
			let note = NextRecordId::<Test>::get() - 1;
			within_charge(
				PATIENT,
				Call::dispute_record {
					record: disputed,
					reason: crate::DisputeReason::IncorrectDetails,
					note: Some(note),
				},
			);
			within_charge(PATIENT, Call::withdraw_dispute { record: disputed });
			within_charge(PATIENT, Call::erase_record { record: id });
		});
	}

	#[test]
	fn registration_guardianship_and_care_organisations() {
		test(|| {
			within_charge(STRANGER, Call::register_patient {});
			within_charge(
				VILLAGE_DOC,
				Call::register_patient_with_guardian {
					patient: BROKE,
					guardian: GUARDIAN,
					org: CLINIC,
				},
			);
			within_charge(GUARDIAN, Call::accept_guardianship { patient: BROKE });
			within_charge(PATIENT, Call::set_guardian { guardian: Some(GUARDIAN) });
			within_charge(PATIENT, Call::add_care_organisation { patient: PATIENT, org: HOSPITAL });
			within_charge(
				PATIENT,
				Call::remove_care_organisation { patient: PATIENT, org: CLINIC },
			);
			// A proposal declined by the named guardian (the deposit back to the proposer).
			assert_ok!(PatientRecords::register_patient_with_guardian(
				RuntimeOrigin::signed(VILLAGE_DOC),
				4,
				GUARDIAN,
				CLINIC
			));
			within_charge(GUARDIAN, Call::withdraw_guardianship_proposal { patient: 4 });
			within_charge(VILLAGE_DOC, Call::register_patient_for { patient: 5, org: CLINIC });
		});
	}

	/// The free-call check of `FreePatientCalls` stays within its charge, in a new period.
	#[test]
	fn the_free_call_check() {
		use ruralmed_test_utils::storage_access::count_accesses;
		test(|| {
			FreeCallsUsed::<Test>::insert(PATIENT, FreeCallUsage { period_start: 0, used: 3 });
			System::set_block_number(20);
			let (_, measured) = count_accesses(&whitelist(PATIENT), || {
				let usage = PatientRecords::free_call_usage(&PATIENT, 1).expect("a new period");
				PatientRecords::note_free_call(&PATIENT, usage);
			});
			let charged = charged_accesses(|| {
				<<Test as crate::Config>::WeightInfo as crate::WeightInfo>::free_call()
			});
			assert!(measured.fits_in(charged), "{measured:?} within {charged:?}");
		});
	}
}

/// A village doctor enrols a patient who holds no tokens; the patient's own calls are then
/// free up to the limit, which the transaction pipeline enforces.
mod free_calls {
	use super::*;
	use frame_support::{dispatch::GetDispatchInfo, traits::fungible::Inspect};
	use sp_runtime::{
		traits::{DispatchTransaction, TransactionExtension},
		transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	};

	/// The extension around no fee extension at all: what it adds is what is tested.
	fn ext() -> FreePatientCalls<Test, ()> {
		().into()
	}

	fn set_guardian_call() -> RuntimeCall {
		RuntimeCall::PatientRecords(Call::set_guardian { guardian: Some(GUARDIAN) })
	}

	/// Runs `call` from `who` through the extension as a block would (validate, prepare,
	/// dispatch, post-dispatch).
	fn submit(who: u64, call: RuntimeCall) -> Result<(), TransactionValidityError> {
		let info = call.get_dispatch_info();
		ext().dispatch_transaction(RuntimeOrigin::signed(who), call, &info, 0, 0).map(|_| ())
	}

	fn exhausted() -> TransactionValidityError {
		InvalidTransaction::Custom(FREE_CALLS_EXHAUSTED).into()
	}

	fn enrol_broke() {
		assert_ok!(PatientRecords::register_patient_for(
			RuntimeOrigin::signed(VILLAGE_DOC),
			BROKE,
			CLINIC
		));
	}

	#[test]
	fn a_village_doctor_enrols_a_patient_who_holds_nothing() {
		test(|| {
			assert_eq!(frame_system::Pallet::<Test>::providers(&BROKE), 0);
			enrol_broke();
			let p = Patients::<Test>::get(BROKE).unwrap();
			assert_eq!((p.guardian, p.depositor, p.deposit), (None, VILLAGE_DOC, 50));
			assert_eq!(held(HoldReason::PatientDeposit, VILLAGE_DOC), 50);
			assert_eq!(Balances::balance(&BROKE), 0);
			// The account exists, so it can sign with a zero balance.
			assert_eq!(frame_system::Pallet::<Test>::providers(&BROKE), 1);
			assert!(CareOrganisations::<Test>::contains_key(BROKE, CLINIC));
			System::assert_has_event(
				Event::PatientRegistered {
					patient: BROKE,
					guardian: None,
					registered_by: Some(CLINIC),
				}
				.into(),
			);
		});
	}

	#[test]
	fn a_call_for_a_patient_through_their_new_phone_is_free_and_counts_against_the_patient() {
		test(|| {
			enrol_broke();
			assert_eq!(submit(NEW_PHONE, set_guardian_call()), Ok(()));
			assert_eq!(submit(NEW_PHONE, set_guardian_call()), Ok(()));
			assert_eq!(
				FreeCallsUsed::<Test>::get(BROKE),
				Some(FreeCallUsage { period_start: 1, used: 2 })
			);
			assert_eq!(FreeCallsUsed::<Test>::get(NEW_PHONE), None);
			// The patient's own calls and the phone's share one limit (3 here).
			assert_eq!(submit(BROKE, set_guardian_call()), Ok(()));
			frame_support::assert_storage_noop!(assert_eq!(
				submit(NEW_PHONE, set_guardian_call()),
				Err(exhausted())
			));
			// For an account that is no patient, nothing is free: paid as usual (here the fee
			// extension is none, so it passes) and counted nowhere.
			let for_stranger = RuntimeCall::PatientRecords(Call::remove_care_organisation {
				patient: STRANGER,
				org: CLINIC,
			});
			assert_eq!(submit(NEW_PHONE, for_stranger), Ok(()));
			assert_eq!(FreeCallsUsed::<Test>::get(STRANGER), None);
			assert_eq!(
				FreeCallsUsed::<Test>::get(BROKE),
				Some(FreeCallUsage { period_start: 1, used: 3 })
			);
		});
	}

	#[test]
	fn enrolment_is_refused_to_whoever_may_not_and_changes_nothing() {
		test(|| {
			let enrol = |who: u64, patient: u64, org: u32| {
				PatientRecords::register_patient_for(RuntimeOrigin::signed(who), patient, org)
			};
			assert_noop!(enrol(STRANGER, BROKE, CLINIC), Error::<Test>::NotActivePractitioner);
			assert_noop!(enrol(DOC, BROKE, CLINIC), Error::<Test>::NotActivePractitioner);
			assert_noop!(enrol(MAKER_STAFF, BROKE, MAKER), Error::<Test>::InvalidCareOrganisation);
			assert_noop!(
				enrol(VILLAGE_DOC, VILLAGE_DOC, CLINIC),
				Error::<Test>::RegistrarIsPatient
			);
			assert_noop!(enrol(VILLAGE_DOC, PATIENT, CLINIC), Error::<Test>::AlreadyRegistered);
			// A pending guardianship proposal is the guardian's to accept.
			assert_ok!(PatientRecords::register_patient_with_guardian(
				RuntimeOrigin::signed(DOC),
				BROKE,
				GUARDIAN,
				HOSPITAL
			));
			assert_noop!(enrol(VILLAGE_DOC, BROKE, CLINIC), Error::<Test>::ProposalPending);
			// A registrar who cannot hold the deposit registers nobody.
			assert_ok!(Registry::verify_licence(RuntimeOrigin::root(), NURSE_UNVERIFIED));
			assert!(
				<Registry as ruralmed_primitives::PractitionerDirectory<u64>>::is_active_member(
					&NURSE_UNVERIFIED,
					CLINIC
				)
			);
			let _ = <Balances as frame_support::traits::fungible::Mutate<u64>>::set_balance(
				&NURSE_UNVERIFIED,
				1,
			);
			assert_noop!(enrol(NURSE_UNVERIFIED, STRANGER, CLINIC), TokenError::FundsUnavailable);
		});
	}

	#[test]
	fn an_expired_proposal_gives_way_and_its_deposit_is_released() {
		test(|| {
			assert_ok!(PatientRecords::register_patient_with_guardian(
				RuntimeOrigin::signed(DOC),
				BROKE,
				GUARDIAN,
				HOSPITAL
			));
			assert_eq!(held(HoldReason::PatientDeposit, DOC), 50);
			System::set_block_number(1 + 10);
			enrol_broke();
			assert_eq!(held(HoldReason::PatientDeposit, DOC), 0);
			assert!(!GuardianshipProposals::<Test>::contains_key(BROKE));
			System::assert_has_event(
				Event::GuardianshipProposalDropped { patient: BROKE, guardian: GUARDIAN }.into(),
			);
		});
	}

	#[test]
	fn a_patient_without_tokens_makes_free_calls_up_to_the_limit() {
		test(|| {
			enrol_broke();
			let add = |org| {
				RuntimeCall::PatientRecords(Call::add_care_organisation { patient: BROKE, org })
			};
			assert_eq!(submit(BROKE, set_guardian_call()), Ok(()));
			assert_eq!(submit(BROKE, add(HOSPITAL)), Ok(()));
			assert_eq!(
				submit(BROKE, RuntimeCall::PatientRecords(Call::set_guardian { guardian: None })),
				Ok(())
			);
			assert_eq!(Patients::<Test>::get(BROKE).unwrap().guardian, None);
			assert!(CareOrganisations::<Test>::contains_key(BROKE, HOSPITAL));
			assert_eq!(
				FreeCallsUsed::<Test>::get(BROKE),
				Some(FreeCallUsage { period_start: 1, used: 3 })
			);
			// The fourth is refused before anything runs: no state changes, no usage counted.
			let info = set_guardian_call().get_dispatch_info();
			assert_eq!(
				ext()
					.validate_only(
						RuntimeOrigin::signed(BROKE),
						&set_guardian_call(),
						&info,
						0,
						TransactionSource::External,
						0
					)
					.map(|_| ()),
				Err(exhausted())
			);
			frame_support::assert_storage_noop!(assert_eq!(
				submit(BROKE, set_guardian_call()),
				Err(exhausted())
			));
			assert_eq!(Patients::<Test>::get(BROKE).unwrap().guardian, None);
			// A new period begins once the last has run its length.
			System::set_block_number(1 + 9);
			assert_eq!(submit(BROKE, set_guardian_call()), Err(exhausted()));
			System::set_block_number(1 + 10);
			assert_eq!(submit(BROKE, set_guardian_call()), Ok(()));
			assert_eq!(
				FreeCallsUsed::<Test>::get(BROKE),
				Some(FreeCallUsage { period_start: 11, used: 1 })
			);
			assert_eq!(Balances::balance(&BROKE), 0);
		});
	}

	#[test]
	fn a_call_worth_several_free_calls_fits_only_whole() {
		test(|| {
			enrol_broke();
			// A batch of three (cost 3) fits a fresh period of three exactly; nothing more does.
			let usage = PatientRecords::free_call_usage(&BROKE, 3).expect("fits");
			assert_eq!(usage.used, 3);
			PatientRecords::note_free_call(&BROKE, usage);
			assert_eq!(PatientRecords::free_call_usage(&BROKE, 1), Err(NotFree::Exhausted));
			// A cost of zero still uses one.
			assert_eq!(PatientRecords::free_call_usage(&BROKE, 0), Err(NotFree::Exhausted));
			System::set_block_number(11);
			assert_eq!(PatientRecords::free_call_usage(&BROKE, 4), Err(NotFree::Exhausted));
			assert_eq!(PatientRecords::free_call_usage(&BROKE, 0).map(|u| u.used), Ok(1));
			assert_eq!(PatientRecords::free_call_usage(&STRANGER, 1), Err(NotFree::NotPatient));
		});
	}

	#[test]
	fn a_failing_free_call_still_counts() {
		test(|| {
			enrol_broke();
			// Refused by the pallet, not the pool: it was included, so it used a free call.
			let unknown = RuntimeCall::PatientRecords(Call::withdraw_dispute { record: 99 });
			assert_eq!(submit(BROKE, unknown), Ok(()));
			assert_eq!(FreeCallsUsed::<Test>::get(BROKE).map(|u| u.used), Some(1));
		});
	}

	#[test]
	fn calls_of_non_patients_and_unlisted_calls_are_not_free() {
		test(|| {
			// Not a patient: the wrapped extension decides (here `()`, which charges
			// nothing), and no usage is kept.
			assert_eq!(submit(STRANGER, set_guardian_call()), Ok(()));
			assert!(!FreeCallsUsed::<Test>::contains_key(STRANGER));
			// Not listed (`log_access` here): no usage is kept, even for a patient.
			let log = RuntimeCall::PatientRecords(Call::log_access {
				record: 0,
				purpose: PurposeOfUse::Treatment,
			});
			let _ = submit(PATIENT, log.clone());
			assert!(!FreeCallsUsed::<Test>::contains_key(PATIENT));
			// Any call costs the free-call check on top of the wrapped extension (here none).
			let check = <<Test as crate::Config>::WeightInfo as crate::WeightInfo>::free_call();
			assert_eq!(ext().weight(&log), check);
			assert_eq!(ext().weight(&set_guardian_call()), check);
		});
	}

	#[test]
	fn the_patients_own_key_shares_hold_no_deposit() {
		test(|| {
			let id = anchor(None);
			assert_ok!(PatientRecords::attach_key_share(
				RuntimeOrigin::signed(PATIENT),
				id,
				PATIENT,
				PurposeOfUse::Treatment,
				vec![1; 32]
			));
			assert_eq!(held(HoldReason::KeyShareDeposit, PATIENT), 0);
			assert_eq!(KeyShares::<Test>::get(id, PATIENT).unwrap().deposit, 0);
			assert_ok!(PatientRecords::remove_key_share(
				RuntimeOrigin::signed(PATIENT),
				id,
				PATIENT
			));
		});
	}
}

//! Unit tests of the patient records: every call, every error, invariants after each test.

use crate::{mock::*, Error, Event, *};
use frame_support::{assert_noop, assert_ok};
use ruralmed_primitives::{AccessBasis, PurposeOfUse, RecordCategory};
use sp_core::H256;
use sp_runtime::DispatchError;

const LOCATOR: &[u8] = b"ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";

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
		LOCATOR.to_vec(),
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
	fn practitioner_registers_patient_with_guardian() {
		test(|| {
			assert_ok!(PatientRecords::register_patient_with_guardian(
				RuntimeOrigin::signed(VILLAGE_DOC),
				STRANGER,
				GUARDIAN,
				CLINIC
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
			assert_eq!(Patients::<Test>::get(STRANGER).unwrap().guardian, Some(GUARDIAN));
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
					LOCATOR.to_vec(),
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
				LOCATOR.to_vec(),
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
			let call = |who, patient, org, locator: Vec<u8>, size| {
				PatientRecords::anchor_record(
					RuntimeOrigin::signed(who),
					patient,
					org,
					RecordCategory::Condition,
					hash(3),
					locator,
					size,
					None,
				)
			};
			assert_noop!(
				call(NURSE_UNVERIFIED, PATIENT, CLINIC, LOCATOR.to_vec(), 1),
				Error::<Test>::NotActivePractitioner
			);
			assert_noop!(
				call(DOC, PATIENT, CLINIC, LOCATOR.to_vec(), 1),
				Error::<Test>::NotActivePractitioner
			);
			assert_noop!(
				call(VILLAGE_DOC, STRANGER, CLINIC, LOCATOR.to_vec(), 1),
				Error::<Test>::UnknownPatient
			);
			// The hospital is not one of PATIENT's care organisations.
			assert_noop!(
				call(DOC, PATIENT, HOSPITAL, LOCATOR.to_vec(), 1),
				Error::<Test>::NoWriteAccess
			);
			assert_noop!(
				call(VILLAGE_DOC, PATIENT, CLINIC, vec![], 1),
				Error::<Test>::InvalidLocator
			);
			assert_noop!(
				call(VILLAGE_DOC, PATIENT, CLINIC, vec![b'x'; 97], 1),
				Error::<Test>::InvalidLocator
			);
			assert_noop!(
				call(VILLAGE_DOC, PATIENT, CLINIC, LOCATOR.to_vec(), 0),
				Error::<Test>::EmptyRecord
			);
			NextRecordId::<Test>::put(u64::MAX);
			assert_noop!(
				call(VILLAGE_DOC, PATIENT, CLINIC, LOCATOR.to_vec(), 1),
				Error::<Test>::Overflow
			);
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
					LOCATOR.to_vec(),
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
					LOCATOR.to_vec(),
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
				LOCATOR.to_vec(),
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
				}
				.into(),
			);
			assert_ok!(PatientRecords::log_access(
				RuntimeOrigin::signed(PATIENT),
				id,
				PurposeOfUse::Treatment
			));
			assert_eq!(Patients::<Test>::get(PATIENT).unwrap().access_count, 2);
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
			assert_ok!(PatientRecords::add_care_organisation(
				RuntimeOrigin::signed(PATIENT),
				PATIENT,
				HOSPITAL
			));
			assert_ok!(attach(PATIENT, DOC, id));
			assert_eq!(KeyShares::<Test>::get(id, DOC).unwrap().to_vec(), vec![9; 80]);
		});
	}

	#[test]
	fn shares_are_removed_when_access_ends() {
		test(|| {
			let id = anchor(None);
			assert_ok!(PatientRecords::add_care_organisation(
				RuntimeOrigin::signed(PATIENT),
				PATIENT,
				HOSPITAL
			));
			assert_ok!(attach(PATIENT, DOC, id));
			assert_noop!(
				PatientRecords::remove_key_share(RuntimeOrigin::signed(STRANGER), id, DOC),
				Error::<Test>::AccessStillValid
			);
			assert_noop!(
				PatientRecords::remove_key_share(RuntimeOrigin::signed(STRANGER), id, PATIENT),
				Error::<Test>::NoKeyShare
			);
			assert_noop!(
				PatientRecords::remove_key_share(RuntimeOrigin::signed(STRANGER), 42, PATIENT),
				Error::<Test>::UnknownRecord
			);
			assert_ok!(PatientRecords::remove_care_organisation(
				RuntimeOrigin::signed(PATIENT),
				PATIENT,
				HOSPITAL
			));
			assert_ok!(PatientRecords::remove_key_share(RuntimeOrigin::signed(STRANGER), id, DOC));
			System::assert_last_event(
				Event::KeyShareRemoved { record: id, reader: DOC, by: STRANGER }.into(),
			);
			assert!(KeyShares::<Test>::get(id, DOC).is_none());
		});
	}
}

#[test]
fn integrity_test_passes() {
	use frame_support::traits::Hooks;
	<PatientRecords as Hooks<u64>>::integrity_test();
}

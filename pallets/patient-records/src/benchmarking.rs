//! Benchmarks of every patient-records call (`#[benchmarks]` v2), each in its worst case:
//! longest locator and key share, an amendment, the most care organisations for an access
//! check. Access is set up through the runtime's own `RecordAccess`, so the weights include
//! whatever it costs.

use super::*;
use crate::Pallet as PatientRecords;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use ruralmed_primitives::{
	OrganisationKind, PractitionerDirectory, PractitionerRole, PurposeOfUse, RecordAccess,
	RecordCategory,
};
use sp_core::H256;

struct Setup<T: Config> {
	doc: T::AccountId,
	org: u32,
	patient: T::AccountId,
}

/// An active doctor of an active hospital, a registered patient, and access for the doctor.
fn setup<T: Config>() -> Setup<T> {
	let admin: T::AccountId = account("admin", 0, 0);
	let doc: T::AccountId = account("doc", 0, 0);
	let patient: T::AccountId = account("patient", 0, 0);
	// The doctor in as many organisations as allowed, `org` last: access checks scan them all.
	let org = T::Directory::benchmark_busiest_practitioner(
		&admin,
		&doc,
		PractitionerRole::Doctor,
		OrganisationKind::CountyHospital,
	);
	PatientRecords::<T>::do_register(patient.clone(), None, None).expect("new patient");
	T::Access::benchmark_allow(&doc, org, &patient);
	Setup { doc, org, patient }
}

fn locator<T: Config>() -> alloc::vec::Vec<u8> {
	alloc::vec![b'l'; T::MaxLocatorLength::get() as usize]
}

fn anchored<T: Config>(s: &Setup<T>) -> u64 {
	anchored_by::<T>(s, s.doc.clone())
}

/// A record of the set-up patient written by `author` for the set-up organisation.
fn anchored_by<T: Config>(s: &Setup<T>, author: T::AccountId) -> u64 {
	PatientRecords::<T>::do_anchor(
		author,
		s.patient.clone(),
		Some((s.org, ruralmed_primitives::AccessBasis::CareTeam)),
		RecordCategory::Encounter,
		H256::repeat_byte(1),
		locator::<T>(),
		1024,
		None,
	)
	.expect("setup anchors")
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_patient() {
		let who: T::AccountId = account("patient", 9, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(Patients::<T>::contains_key(&who));
	}

	#[benchmark]
	fn register_patient_with_guardian() {
		let s = setup::<T>();
		let ward: T::AccountId = account("ward", 0, 0);
		let guardian: T::AccountId = account("guardian", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(s.doc), ward.clone(), guardian, s.org);
		assert!(CareOrganisations::<T>::contains_key(&ward, s.org));
	}

	#[benchmark]
	fn set_guardian() {
		let patient: T::AccountId = account("patient", 0, 0);
		PatientRecords::<T>::do_register(patient.clone(), None, None).expect("new patient");
		let guardian: T::AccountId = account("guardian", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(patient.clone()), Some(guardian.clone()));
		assert_eq!(Patients::<T>::get(&patient).unwrap().guardian, Some(guardian));
	}

	#[benchmark]
	fn add_care_organisation() {
		let s = setup::<T>();
		if CareOrganisations::<T>::contains_key(&s.patient, s.org) {
			PatientRecords::<T>::do_remove_care_organisation(&s.patient, s.org).expect("present");
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(s.patient.clone()), s.patient.clone(), s.org);
		assert!(CareOrganisations::<T>::contains_key(&s.patient, s.org));
	}

	#[benchmark]
	fn remove_care_organisation() {
		let s = setup::<T>();
		if !CareOrganisations::<T>::contains_key(&s.patient, s.org) {
			PatientRecords::<T>::do_add_care_organisation(&s.patient, s.org).expect("absent");
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(s.patient.clone()), s.patient.clone(), s.org);
		assert!(!CareOrganisations::<T>::contains_key(&s.patient, s.org));
	}

	#[benchmark]
	fn anchor_record() {
		let s = setup::<T>();
		let old = anchored::<T>(&s);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(s.doc),
			s.patient.clone(),
			s.org,
			RecordCategory::DiagnosticReport,
			H256::repeat_byte(2),
			locator::<T>(),
			4096,
			Some(old),
		);
		assert_eq!(Patients::<T>::get(&s.patient).unwrap().record_count, 2);
	}

	#[benchmark]
	fn anchor_self_reported_record() {
		let s = setup::<T>();
		let old = anchored::<T>(&s);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(s.patient.clone()),
			s.patient.clone(),
			RecordCategory::Observation,
			H256::repeat_byte(2),
			locator::<T>(),
			4096,
			Some(old),
		);
		assert!(Records::<T>::get(NextRecordId::<T>::get() - 1).unwrap().self_reported);
	}

	#[benchmark]
	fn attach_key_share() {
		let s = setup::<T>();
		// Written by a colleague, so the doctor is not its author and needs the full access
		// check; the caller is the patient.
		let id = anchored_by::<T>(&s, account("colleague", 0, 0));
		let share = alloc::vec![7u8; T::MaxKeyShareLength::get() as usize];
		#[extrinsic_call]
		_(RawOrigin::Signed(s.patient.clone()), id, s.doc.clone(), PurposeOfUse::Treatment, share);
		assert!(KeyShares::<T>::contains_key(id, &s.doc));
	}

	#[benchmark]
	fn remove_key_share() {
		let s = setup::<T>();
		let id = anchored::<T>(&s);
		// The reader: a practitioner of as many organisations as allowed who has lost access,
		// with everything an access check reads in place, so every purpose costs the most.
		let reader: T::AccountId = account("reader", 0, 0);
		T::Directory::benchmark_busiest_practitioner(
			&account("reader-admin", 0, 0),
			&reader,
			PractitionerRole::Doctor,
			OrganisationKind::CountyHospital,
		);
		T::Access::benchmark_refuse(&reader, &s.patient);
		KeyShares::<T>::insert(id, &reader, KeyShareOf::<T>::truncate_from(alloc::vec![7u8; 80]));
		let stranger: T::AccountId = account("stranger", 0, 0);
		// A stranger removes a share whose reader has no access: every purpose is checked.
		#[extrinsic_call]
		_(RawOrigin::Signed(stranger), id, reader.clone());
		assert!(!KeyShares::<T>::contains_key(id, &reader));
	}

	#[benchmark]
	fn log_access() {
		let s = setup::<T>();
		let id = anchored::<T>(&s);
		#[extrinsic_call]
		_(RawOrigin::Signed(s.doc), id, PurposeOfUse::Treatment);
		assert_eq!(Patients::<T>::get(&s.patient).unwrap().access_count, 1);
	}

	impl_benchmark_test_suite!(PatientRecords, crate::mock::new_test_ext(), crate::mock::Test);
}

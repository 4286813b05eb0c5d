//! Benchmarks of every patient-records call (`#[benchmarks]` v2), each in its worst case:
//! the longest key share, an amendment by a colleague of the amended record's author, the most
//! care organisations, deposits held and released, and access found by the costliest check
//! the runtime's `RecordAccess` has ([`RecordAccess::benchmark_allow_costliest`]: in the
//! runtime, consent's referral row after every grant), for a caller and a reader who are both
//! practitioners of the most organisations allowed.
//!
//! Whoever signs a call is `whitelisted_caller()`: the transaction's extensions already read
//! and write the signer's account (nonce and fee) and are charged for it, as in the SDK's own
//! benchmarks. Every other account a call touches is counted.

use super::*;
use crate::Pallet as PatientRecords;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		Get,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use ruralmed_primitives::{
	AccessBasis, OrganisationId, OrganisationKind, PractitionerDirectory, PractitionerRole,
	RecordAccess, RecordCategory, RecordId,
};
use sp_core::H256;
use sp_runtime::traits::{Saturating, Zero};

/// Gives `who` enough to pay every deposit many times over.
fn fund<T: Config>(who: &T::AccountId)
where
	T::Currency: Mutate<T::AccountId>,
{
	let deposits = T::PatientDeposit::get()
		.saturating_add(T::RecordDeposit::get())
		.saturating_add(T::KeyShareDeposit::get());
	let amount = T::Currency::minimum_balance()
		.saturating_add(deposits.saturating_mul(100u32.into()))
		.saturating_add(1_000_000u32.into());
	let _ = T::Currency::set_balance(who, amount);
}

/// An active practitioner of as many active hospitals as allowed (the returned one last:
/// access checks scan them all), funded.
fn practitioner<T: Config>(name: &'static str) -> (T::AccountId, OrganisationId)
where
	T::Currency: Mutate<T::AccountId>,
{
	practitioner_as::<T>(account(name, 0, 0), name)
}

/// [`practitioner`] for a given account (the signer, whitelisted).
fn practitioner_as<T: Config>(
	who: T::AccountId,
	name: &'static str,
) -> (T::AccountId, OrganisationId)
where
	T::Currency: Mutate<T::AccountId>,
{
	let org = T::Directory::benchmark_busiest_practitioner(
		&account(name, 1, 1),
		&who,
		PractitionerRole::Doctor,
		OrganisationKind::CountyHospital,
	);
	fund::<T>(&who);
	(who, org)
}

struct Setup<T: Config> {
	doc: T::AccountId,
	org: OrganisationId,
	patient: T::AccountId,
}

/// Who signs the benchmarked call: that account is the whitelisted caller.
#[derive(PartialEq)]
enum Signer {
	Doctor,
	Patient,
	/// Someone else: the benchmark makes the whitelisted caller the patient's guardian.
	Guardian,
}

/// A doctor (see [`practitioner`]), a registered, funded patient, no access yet.
fn bare<T: Config>(signer: Signer) -> Setup<T>
where
	T::Currency: Mutate<T::AccountId>,
{
	let doc = if signer == Signer::Doctor { whitelisted_caller() } else { account("doc", 0, 0) };
	let (doc, org) = practitioner_as::<T>(doc, "doc");
	let patient: T::AccountId =
		if signer == Signer::Patient { whitelisted_caller() } else { account("patient", 0, 0) };
	fund::<T>(&patient);
	PatientRecords::<T>::do_register(patient.clone(), None, None, patient.clone(), Zero::zero())
		.expect("new patient");
	Setup { doc, org, patient }
}

/// [`bare`], with read and write access for the doctor through `org`.
fn setup<T: Config>(signer: Signer) -> Setup<T>
where
	T::Currency: Mutate<T::AccountId>,
{
	let s = bare::<T>(signer);
	T::Access::benchmark_allow(&s.doc, s.org, &s.patient);
	s
}

/// A clinical record of the set-up patient written by `author` for the set-up organisation.
fn anchored_by<T: Config>(s: &Setup<T>, author: T::AccountId) -> u64 {
	PatientRecords::<T>::do_anchor(
		author,
		s.patient.clone(),
		Some((s.org, AccessBasis::CareTeam)),
		RecordCategory::Encounter,
		H256::repeat_byte(1),
		Some(s.org),
		1024,
		None,
		Zero::zero(),
	)
	.expect("setup anchors")
}

/// A pending proposal, by a funded practitioner, to register `patient` with `guardian`.
fn proposed<T: Config>(patient: &T::AccountId, guardian: &T::AccountId) -> T::AccountId
where
	T::Currency: Mutate<T::AccountId>,
{
	let (proposer, org) = practitioner::<T>("proposer");
	PatientRecords::<T>::do_propose_guardianship(
		proposer.clone(),
		patient.clone(),
		guardian.clone(),
		org,
	)
	.expect("a practitioner proposes");
	proposer
}

fn share<T: Config>() -> alloc::vec::Vec<u8> {
	alloc::vec![7u8; T::MaxKeyShareLength::get() as usize]
}

/// A longest share of record `id` for `reader`, attached by the funded `attacher`, whose
/// deposit is held.
fn shared_by<T: Config>(id: RecordId, reader: &T::AccountId, attacher: T::AccountId)
where
	T::Currency: Mutate<T::AccountId>,
{
	fund::<T>(&attacher);
	let deposit = T::KeyShareDeposit::get();
	T::Currency::hold(&HoldReason::KeyShareDeposit.into(), &attacher, deposit).expect("funded");
	KeyShares::<T>::insert(
		id,
		reader,
		KeyShare {
			wrapped_key: BoundedVec::truncate_from(share::<T>()),
			attached_by: attacher,
			deposit,
		},
	);
}

#[benchmarks(where T::Currency: Mutate<T::AccountId>)]
mod benchmarks {
	use super::*;

	/// A pending proposal for the account is dropped and its deposit released.
	#[benchmark]
	fn register_patient() {
		let who: T::AccountId = whitelisted_caller();
		fund::<T>(&who);
		proposed::<T>(&who, &account("guardian", 0, 0));
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(Patients::<T>::contains_key(&who));
		assert!(!GuardianshipProposals::<T>::contains_key(&who));
	}

	/// An expired proposal for the patient is replaced: its deposit released, a new one held.
	#[benchmark]
	fn register_patient_with_guardian() {
		let s = bare::<T>(Signer::Doctor);
		let ward: T::AccountId = account("ward", 0, 0);
		proposed::<T>(&ward, &account("guardian", 1, 0));
		let expired = frame_system::Pallet::<T>::block_number()
			.saturating_add(T::GuardianshipProposalPeriod::get());
		frame_system::Pallet::<T>::set_block_number(expired);
		let guardian: T::AccountId = account("guardian", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(s.doc.clone()), ward.clone(), guardian.clone(), s.org);
		let p = GuardianshipProposals::<T>::get(&ward).expect("proposed");
		assert_eq!((p.guardian, p.proposed_by), (guardian, s.doc));
	}

	#[benchmark]
	fn accept_guardianship() {
		let ward: T::AccountId = account("ward", 0, 0);
		let guardian: T::AccountId = whitelisted_caller();
		proposed::<T>(&ward, &guardian);
		#[extrinsic_call]
		_(RawOrigin::Signed(guardian.clone()), ward.clone());
		assert_eq!(Patients::<T>::get(&ward).expect("registered").guardian, Some(guardian));
	}

	#[benchmark]
	fn withdraw_guardianship_proposal() {
		let ward: T::AccountId = account("ward", 0, 0);
		let guardian: T::AccountId = whitelisted_caller();
		proposed::<T>(&ward, &guardian);
		#[extrinsic_call]
		_(RawOrigin::Signed(guardian), ward.clone());
		assert!(!GuardianshipProposals::<T>::contains_key(&ward));
	}

	#[benchmark]
	fn set_guardian() {
		let patient: T::AccountId = whitelisted_caller();
		PatientRecords::<T>::do_register(
			patient.clone(),
			None,
			None,
			patient.clone(),
			Zero::zero(),
		)
		.expect("new patient");
		let guardian: T::AccountId = account("guardian", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(patient.clone()), Some(guardian.clone()));
		assert_eq!(Patients::<T>::get(&patient).unwrap().guardian, Some(guardian));
	}

	#[benchmark]
	fn add_care_organisation() {
		let s = setup::<T>(Signer::Patient);
		if CareOrganisations::<T>::contains_key(&s.patient, s.org) {
			PatientRecords::<T>::do_remove_care_organisation(&s.patient, s.org).expect("present");
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(s.patient.clone()), s.patient.clone(), s.org);
		assert!(CareOrganisations::<T>::contains_key(&s.patient, s.org));
	}

	#[benchmark]
	fn remove_care_organisation() {
		let s = setup::<T>(Signer::Patient);
		if !CareOrganisations::<T>::contains_key(&s.patient, s.org) {
			PatientRecords::<T>::do_add_care_organisation(&s.patient, s.org).expect("absent");
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(s.patient.clone()), s.patient.clone(), s.org);
		assert!(!CareOrganisations::<T>::contains_key(&s.patient, s.org));
	}

	/// `a` = 1: an amendment of a colleague's record (the doctor is not its author, so its
	/// membership of the record's organisation is checked too, and the old anchor is
	/// rewritten); `a` = 0: a new record. The call is charged by whether it amends. The vault
	/// is another organisation than the author's, so it is read too.
	#[benchmark]
	fn anchor_record(a: Linear<0, 1>) {
		let s = setup::<T>(Signer::Doctor);
		let old = anchored_by::<T>(&s, account("colleague", 0, 0));
		let amends = (a == 1).then_some(old);
		let vault = T::Directory::affiliations(&s.doc)
			.into_iter()
			.find(|o| *o != s.org)
			.expect("the busiest practitioner has several hospitals");
		#[extrinsic_call]
		_(
			RawOrigin::Signed(s.doc.clone()),
			s.patient.clone(),
			s.org,
			RecordCategory::Encounter,
			H256::repeat_byte(2),
			vault,
			4096,
			amends,
		);
		assert_eq!(Patients::<T>::get(&s.patient).unwrap().record_count, 2);
		assert_eq!(Records::<T>::get(old).unwrap().superseded_by.is_some(), a == 1);
	}

	/// `a` as for [`anchor_record`]: the patient amends their own earlier note, or writes one.
	#[benchmark]
	fn anchor_self_reported_record(a: Linear<0, 1>) {
		let s = bare::<T>(Signer::Patient);
		let old = PatientRecords::<T>::do_anchor(
			s.patient.clone(),
			s.patient.clone(),
			None,
			RecordCategory::Observation,
			H256::repeat_byte(1),
			Some(s.org),
			1024,
			None,
			Zero::zero(),
		)
		.expect("self-reported");
		#[extrinsic_call]
		_(
			RawOrigin::Signed(s.patient.clone()),
			s.patient.clone(),
			RecordCategory::Observation,
			H256::repeat_byte(2),
			s.org,
			4096,
			(a == 1).then_some(old),
		);
		assert!(Records::<T>::get(NextRecordId::<T>::get() - 1).unwrap().self_reported);
	}

	/// Neither the caller nor the reader is the patient or the author: both are practitioners
	/// of the most organisations allowed whose access is found by the costliest check. The
	/// record holds one share less than allowed, so the new one is counted in.
	#[benchmark]
	fn attach_key_share() {
		let s = bare::<T>(Signer::Doctor);
		let id = anchored_by::<T>(&s, account("colleague", 0, 0));
		let purpose = T::Access::benchmark_allow_costliest(&s.doc, s.org, &s.patient);
		let (reader, reader_org) = practitioner::<T>("reader");
		let reader_purpose = T::Access::benchmark_allow_costliest(&reader, reader_org, &s.patient);
		assert_eq!(purpose, reader_purpose);
		KeyShareCount::<T>::insert(id, T::MaxKeySharesPerRecord::get() - 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(s.doc.clone()), id, reader.clone(), purpose, share::<T>());
		assert!(KeyShares::<T>::contains_key(id, &reader));
	}

	/// The patient's guardian replaces a share a practitioner attached for another
	/// practitioner: the old deposit goes back to the attacher's account and the new one is held
	/// from the guardian (the patient's own shares hold none). The reader's access is found by
	/// the costliest check. (A new share, above, checks two practitioners instead; the call is
	/// charged the larger of the two in each dimension.)
	#[benchmark]
	fn replace_key_share() {
		let s = bare::<T>(Signer::Guardian);
		let guardian: T::AccountId = whitelisted_caller();
		fund::<T>(&guardian);
		PatientRecords::<T>::do_set_guardian(s.patient.clone(), Some(guardian.clone()), true)
			.expect("a new guardian");
		let id = anchored_by::<T>(&s, account("colleague", 0, 0));
		let (reader, reader_org) = practitioner::<T>("reader");
		let purpose = T::Access::benchmark_allow_costliest(&reader, reader_org, &s.patient);
		shared_by::<T>(id, &reader, account("attacher", 0, 0));
		KeyShareCount::<T>::insert(id, 1);
		#[extrinsic_call]
		attach_key_share(
			RawOrigin::Signed(guardian.clone()),
			id,
			reader.clone(),
			purpose,
			share::<T>(),
		);
		assert_eq!(KeyShares::<T>::get(id, &reader).map(|k| k.attached_by), Some(guardian));
	}

	/// The record's author, still an active member of its organisation, removes another
	/// reader's share, whose deposit goes back to the account that attached it.
	#[benchmark]
	fn remove_key_share() {
		let s = bare::<T>(Signer::Doctor);
		let id = anchored_by::<T>(&s, s.doc.clone());
		let reader: T::AccountId = account("reader", 0, 0);
		shared_by::<T>(id, &reader, account("attacher", 0, 0));
		KeyShareCount::<T>::insert(id, 2);
		#[extrinsic_call]
		_(RawOrigin::Signed(s.doc.clone()), id, reader.clone());
		assert!(!KeyShares::<T>::contains_key(id, &reader));
		assert_eq!(KeyShareCount::<T>::get(id), 1);
	}

	/// The reader's access is found by the costliest check.
	#[benchmark]
	fn log_access() {
		let s = bare::<T>(Signer::Doctor);
		let id = anchored_by::<T>(&s, account("colleague", 0, 0));
		let purpose = T::Access::benchmark_allow_costliest(&s.doc, s.org, &s.patient);
		#[extrinsic_call]
		_(RawOrigin::Signed(s.doc.clone()), id, purpose);
		assert_eq!(Patients::<T>::get(&s.patient).unwrap().access_count, 1);
		assert!(AccessLog::<T>::contains_key(&s.patient, 0));
	}

	/// The patient erases a record with `s` key shares, each attached (and its deposit held)
	/// by a different account, so every release touches its own balance.
	#[benchmark]
	fn erase_record(s: Linear<0, { T::MaxKeySharesPerRecord::get() }>) {
		let setup = bare::<T>(Signer::Patient);
		let id = anchored_by::<T>(&setup, setup.doc.clone());
		for i in 0..s {
			shared_by::<T>(id, &account("reader", i, 0), account("attacher", i, 0));
		}
		if s > 0 {
			KeyShareCount::<T>::insert(id, s);
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(setup.patient.clone()), id);
		assert!(Erasures::<T>::contains_key(id));
		assert_eq!(KeyShares::<T>::iter_prefix(id).count(), 0);
		assert!(!KeyShareCount::<T>::contains_key(id));
	}

	/// The patient disputes a record with a note: the note's record is read and checked too.
	#[benchmark]
	fn dispute_record() {
		let s = bare::<T>(Signer::Patient);
		let id = anchored_by::<T>(&s, s.doc.clone());
		let note = PatientRecords::<T>::do_anchor(
			s.patient.clone(),
			s.patient.clone(),
			None,
			RecordCategory::Document,
			H256::repeat_byte(2),
			Some(s.org),
			1024,
			None,
			Zero::zero(),
		)
		.expect("self-reported note anchors");
		#[extrinsic_call]
		_(RawOrigin::Signed(s.patient.clone()), id, DisputeReason::IncorrectDetails, Some(note));
		assert_eq!(Disputes::<T>::get(id).map(|d| d.note), Some(Some(note)));
	}

	/// The patient withdraws a dispute.
	#[benchmark]
	fn withdraw_dispute() {
		let s = bare::<T>(Signer::Patient);
		let id = anchored_by::<T>(&s, s.doc.clone());
		PatientRecords::<T>::do_dispute_record(s.patient.clone(), id, DisputeReason::Other, None)
			.expect("the patient disputes its record");
		#[extrinsic_call]
		_(RawOrigin::Signed(s.patient.clone()), id);
		assert!(!Disputes::<T>::contains_key(id));
	}

	/// Worst case: an expired proposal for the account is dropped (its deposit released), the
	/// registrar's deposit held, the account given a provider, a care organisation added.
	#[benchmark]
	fn register_patient_for() {
		let s = bare::<T>(Signer::Doctor);
		let patient: T::AccountId = account("enrolled", 0, 0);
		proposed::<T>(&patient, &account("guardian", 1, 0));
		let expired = frame_system::Pallet::<T>::block_number()
			.saturating_add(T::GuardianshipProposalPeriod::get());
		frame_system::Pallet::<T>::set_block_number(expired);
		#[extrinsic_call]
		_(RawOrigin::Signed(s.doc.clone()), patient.clone(), s.org);
		assert_eq!(Patients::<T>::get(&patient).map(|p| p.depositor), Some(s.doc));
		assert!(frame_system::Pallet::<T>::providers(&patient) > 0);
	}

	/// The free-call check and count of [`crate::FreePatientCalls`] for one transaction; worst
	/// case: the patient's last period has ended, so a new one starts.
	#[benchmark]
	fn free_call() {
		let s = bare::<T>(Signer::Patient);
		FreeCallsUsed::<T>::insert(
			&s.patient,
			FreeCallUsage { period_start: Zero::zero(), used: T::FreeCallsPerPeriod::get() },
		);
		let later =
			frame_system::Pallet::<T>::block_number().saturating_add(T::FreeCallPeriod::get());
		frame_system::Pallet::<T>::set_block_number(later);
		#[block]
		{
			let usage = PatientRecords::<T>::free_call_usage(&s.patient, 1).expect("a new period");
			PatientRecords::<T>::note_free_call(&s.patient, usage);
		}
		assert_eq!(FreeCallsUsed::<T>::get(&s.patient).map(|u| u.used), Some(1));
	}

	impl_benchmark_test_suite!(PatientRecords, crate::mock::new_test_ext(), crate::mock::Test);
}

//! Benchmarks of every consent call (`#[benchmarks]` v2), each in its worst case: full grant
//! buckets scanned before the match, the longest scopes, a full referral list to clean.

use super::*;
use crate::Pallet as Consent;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use ruralmed_primitives::{
	OrganisationId, OrganisationKind, PatientDirectory, PractitionerDirectory, PractitionerRole,
	PurposeOfUse,
};
use sp_core::H256;
use sp_runtime::traits::{One, Saturating};

fn all_purposes() -> Purposes {
	BoundedVec::truncate_from(alloc::vec![
		PurposeOfUse::Research,
		PurposeOfUse::PublicHealth,
		PurposeOfUse::Emergency,
		PurposeOfUse::Referral,
		PurposeOfUse::Treatment,
	])
}

fn longest_scope() -> Scope {
	Scope::Records(BoundedVec::truncate_from((0..MAX_SCOPE_RECORDS as u64).collect()))
}

/// Stores a grant directly (no deposit), as set-up for benchmarks.
fn insert_grant<T: Config>(
	patient: &T::AccountId,
	grantee: Grantee<T::AccountId>,
	usable: bool,
) -> GrantId {
	let id = NextGrantId::<T>::get();
	let now = frame_system::Pallet::<T>::block_number();
	// An unusable grant is one that has not started yet: every check still reads it.
	let (starts_at, expires_at) = if usable {
		(now, now.saturating_add(1_000u32.into()))
	} else {
		(now.saturating_add(1_000u32.into()), now.saturating_add(2_000u32.into()))
	};
	let key = grantee.key();
	Grants::<T>::mutate(patient, &key, |b| {
		b.try_push(Grant {
			id,
			patient: patient.clone(),
			grantee,
			purposes: all_purposes(),
			scope: Scope::AllRecords,
			starts_at,
			expires_at,
			can_write: true,
			allow_referral: true,
			granted_by: patient.clone(),
			deposit: Default::default(),
		})
		.expect("benchmark bucket has room")
	});
	GrantLocations::<T>::insert(id, (patient.clone(), key));
	GrantCount::<T>::mutate(patient, |c| *c += 1);
	NextGrantId::<T>::put(id + 1);
	id
}

/// Makes `reader`'s access to `patient` through `org` as costly to find as it can be: a full
/// bucket of not-yet-started grants to the reader directly, a full bucket to each of the
/// reader's other organisations, then a full bucket to `org` whose last grant is the one that
/// matches. With a reader set up by `benchmark_busiest_practitioner`, `org` is the last of the
/// most affiliations allowed, so an access check reads every bucket there can be.
pub(crate) fn allow_through_organisation_grant<T: Config>(
	reader: &T::AccountId,
	org: OrganisationId,
	patient: &T::AccountId,
) {
	fill_with_unusable_grants::<T>(reader, patient, Some(org));
	let per_bucket = T::MaxGrantsPerGrantee::get();
	let org_grantee = Grantee::Organisation { org, roles: BoundedVec::new() };
	for _ in 1..per_bucket {
		insert_grant::<T>(patient, org_grantee.clone(), false);
	}
	insert_grant::<T>(patient, org_grantee, true);
}

/// Fills the bucket of grants to `reader` directly and the bucket of each of its organisations
/// but `except` with grants that have not started: every access check reads them all and none
/// counts. Buckets already filled (by another reader of a shared organisation) are left full.
fn fill_with_unusable_grants<T: Config>(
	reader: &T::AccountId,
	patient: &T::AccountId,
	except: Option<OrganisationId>,
) {
	let per_bucket = T::MaxGrantsPerGrantee::get() as usize;
	let orgs = T::Directory::affiliations(reader).into_iter().filter(|o| Some(*o) != except);
	let grantees = core::iter::once(Grantee::Practitioner(reader.clone()))
		.chain(orgs.map(|org| Grantee::Organisation { org, roles: BoundedVec::new() }));
	for grantee in grantees {
		for _ in Grants::<T>::decode_len(patient, grantee.key()).unwrap_or(0)..per_bucket {
			insert_grant::<T>(patient, grantee.clone(), false);
		}
	}
}

/// Stores a referral directly and lists it under its patient and specialist, as set-up for
/// benchmarks.
fn insert_referral<T: Config>(referral: ReferralOf<T>) {
	let id = NextReferralId::<T>::get();
	ReferralsTo::<T>::mutate(&referral.patient, &referral.specialist, |l| {
		l.try_push(id).expect("benchmark referral list has room")
	});
	Referrals::<T>::insert(id, referral);
	NextReferralId::<T>::put(id + 1);
}

/// Lists a full set of referrals of `patient` to `reader` for `org` (allowing reports), each on
/// an in-period grant in a bucket of its own, by a referrer in good standing at an organisation
/// of its own. The grants of all but (with `last_in_force`) the last do not cover their
/// referrer, so each of those referral checks reads the referral, its grant, the specialist's
/// and the referrer's standing and organisations, and fails only at its last step. Returns an
/// organisation the reader is not a member of.
fn insert_referrals_to<T: Config>(
	reader: &T::AccountId,
	org: OrganisationId,
	patient: &T::AccountId,
	last_in_force: bool,
) -> OrganisationId {
	let now = frame_system::Pallet::<T>::block_number();
	let max = T::MaxReferralsPerSpecialist::get();
	let mut elsewhere = org;
	for i in 0..max {
		// Fresh accounts for every call, so several readers can be set up.
		let seed = NextReferralId::<T>::get() as u32;
		let referrer: T::AccountId = account("referrer", seed, 0);
		let referrer_org = T::Directory::benchmark_practitioner(
			&account("referrer-admin", seed, 0),
			&referrer,
			PractitionerRole::Doctor,
			OrganisationKind::CountyHospital,
		);
		elsewhere = referrer_org;
		let grantee = if last_in_force && i + 1 == max {
			referrer.clone()
		} else {
			account("grantee", seed, 0)
		};
		let grant = insert_grant::<T>(patient, Grantee::Practitioner(grantee), true);
		insert_referral::<T>(Referral {
			patient: patient.clone(),
			grant,
			referrer,
			referrer_org,
			specialist: reader.clone(),
			specialist_org: org,
			scope: Scope::AllRecords,
			starts_at: now,
			expires_at: now.saturating_add(1_000u32.into()),
			may_report: true,
		});
	}
	elsewhere
}

/// Makes every check of `reader`'s access to `patient` read as much as it can and find
/// nothing: full buckets of not-yet-started grants to the reader and to each of its
/// organisations; a full list of referrals to it, each failing only at its last step (see
/// `insert_referrals_to`); and an open break-glass access for an organisation the reader is not
/// a member of.
pub(crate) fn refuse_at_greatest_cost<T: Config>(reader: &T::AccountId, patient: &T::AccountId) {
	fill_with_unusable_grants::<T>(reader, patient, None);
	let org = T::Directory::affiliations(reader).last().copied().unwrap_or_default();
	let now = frame_system::Pallet::<T>::block_number();
	let elsewhere = insert_referrals_to::<T>(reader, org, patient, false);
	let id = NextEmergencyId::<T>::get();
	EmergencyAccesses::<T>::insert(
		id,
		EmergencyAccess {
			patient: patient.clone(),
			practitioner: reader.clone(),
			org: elsewhere,
			justification: H256::repeat_byte(1),
			opened_at: now,
			expires_at: now.saturating_add(1_000u32.into()),
			review_by: now.saturating_add(2_000u32.into()),
			status: EmergencyStatus::Open,
			disputed: false,
		},
	);
	LatestEmergency::<T>::insert(patient, reader, id);
	NextEmergencyId::<T>::put(id + 1);
}

/// Makes `reader`'s read access to `patient` as costly to find as it can be: every grant
/// bucket rows 1 and 2 read is full and refuses, and the basis is the last of a full list of
/// referrals to the reader for `org`, all others failing only at their last step. Returns the
/// purpose it is found for: referral.
pub(crate) fn allow_through_last_referral<T: Config>(
	reader: &T::AccountId,
	org: OrganisationId,
	patient: &T::AccountId,
) -> PurposeOfUse {
	fill_with_unusable_grants::<T>(reader, patient, None);
	insert_referrals_to::<T>(reader, org, patient, true);
	PurposeOfUse::Referral
}

struct Setup<T: Config> {
	patient: T::AccountId,
	doc: T::AccountId,
	org: OrganisationId,
}

fn setup<T: Config>(name: &'static str) -> Setup<T> {
	setup_with::<T>(account(name, 0, 0), account("patient", 0, 0))
}

/// [`setup`] with the given doctor and patient: the one who signs the benchmarked call is
/// `whitelisted_caller()`, because the transaction's extensions already read and write the
/// signer's account and are charged for it (as in the SDK's own benchmarks).
fn setup_with<T: Config>(doc: T::AccountId, patient: T::AccountId) -> Setup<T> {
	let admin: T::AccountId = account("admin", 0, 0);
	let org = T::Directory::benchmark_busiest_practitioner(
		&admin,
		&doc,
		PractitionerRole::Doctor,
		OrganisationKind::CountyHospital,
	);
	T::Patients::benchmark_patient(&patient);
	Setup { patient, doc, org }
}

/// A one-block referral from a covered doctor to a specialist of another organisation.
fn referred<T: Config>() -> (Setup<T>, ReferralId) {
	let s = setup::<T>("doc");
	let specialist = setup::<T>("specialist");
	allow_through_organisation_grant::<T>(&s.doc, s.org, &s.patient);
	let grant = NextGrantId::<T>::get() - 1;
	let now = frame_system::Pallet::<T>::block_number();
	let id = Consent::<T>::do_refer(
		s.doc.clone(),
		grant,
		s.org,
		specialist.doc,
		specialist.org,
		Scope::AllRecords,
		now.saturating_add(One::one()),
		true,
	)
	.expect("covered doctor refers");
	(s, id)
}

/// A one-block break-glass access by a doctor without consent.
fn glass_broken<T: Config>() -> (Setup<T>, EmergencyId) {
	let s = setup::<T>("doc");
	let id = Consent::<T>::do_open_emergency(
		s.doc.clone(),
		s.patient.clone(),
		s.org,
		H256::repeat_byte(1),
		One::one(),
	)
	.expect("doctor breaks the glass");
	(s, id)
}

#[benchmarks(where T::Currency: Mutate<T::AccountId>)]
mod benchmarks {
	use super::*;

	fn fund<T: Config>(who: &T::AccountId)
	where
		T::Currency: Mutate<T::AccountId>,
	{
		let amount = T::GrantDeposit::get().saturating_mul(1_000u32.into())
			+ T::Currency::minimum_balance().saturating_mul(1_000u32.into());
		let _ = T::Currency::set_balance(who, amount);
	}

	#[benchmark]
	fn grant_consent() {
		let s = setup_with::<T>(account("doc", 0, 0), account("patient", 0, 0));
		// Worst case: a guardian grants, which holds a deposit (the patient's own grants are
		// free) after looking the guardian up.
		let guardian: T::AccountId = whitelisted_caller();
		T::Patients::benchmark_guardian(&s.patient, &guardian);
		fund::<T>(&guardian);
		// A bucket one short of full, so the push is into the largest bucket.
		for _ in 1..T::MaxGrantsPerGrantee::get() {
			insert_grant::<T>(&s.patient, Grantee::Practitioner(s.doc.clone()), false);
		}
		let now = frame_system::Pallet::<T>::block_number();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(guardian),
			s.patient.clone(),
			Grantee::Practitioner(s.doc.clone()),
			all_purposes(),
			longest_scope(),
			now,
			now.saturating_add(100u32.into()),
			true,
			true,
		);
		assert_eq!(GrantCount::<T>::get(&s.patient), T::MaxGrantsPerGrantee::get());
	}

	/// The grant was made by another account than the patient who revokes it (its guardian,
	/// or a former one): its deposit goes back to an account the transaction does not pay for.
	#[benchmark]
	fn revoke_consent() {
		let s = setup_with::<T>(account("doc", 0, 0), whitelisted_caller());
		let granter: T::AccountId = account("guardian", 0, 0);
		fund::<T>(&granter);
		for _ in 1..T::MaxGrantsPerGrantee::get() {
			insert_grant::<T>(&s.patient, Grantee::Practitioner(s.doc.clone()), false);
		}
		let now = frame_system::Pallet::<T>::block_number();
		let id = Consent::<T>::do_grant(
			granter,
			s.patient.clone(),
			Grantee::Practitioner(s.doc.clone()),
			all_purposes(),
			longest_scope(),
			now,
			now.saturating_add(100u32.into()),
			true,
			true,
		)
		.expect("a funded granter grants");
		#[extrinsic_call]
		_(RawOrigin::Signed(s.patient.clone()), id);
		assert!(Consent::<T>::grant(id).is_none());
	}

	/// Each grant was made by a granter of its own (the patient and its guardians, present and
	/// former, may all grant): each pruned grant releases a deposit from an account and a hold
	/// of its own.
	#[benchmark]
	fn prune_expired_grants(n: Linear<1, { T::MaxGrantsPerGrantee::get() }>) {
		let s = setup::<T>("doc");
		let now = frame_system::Pallet::<T>::block_number();
		for i in 0..n {
			let granter: T::AccountId = account("granter", i, 0);
			fund::<T>(&granter);
			Consent::<T>::do_grant(
				granter,
				s.patient.clone(),
				Grantee::Practitioner(s.doc.clone()),
				all_purposes(),
				longest_scope(),
				now,
				now.saturating_add(One::one()),
				true,
				true,
			)
			.expect("a funded granter grants");
		}
		frame_system::Pallet::<T>::set_block_number(now.saturating_add(One::one()));
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), s.patient.clone(), GranteeKey::Practitioner(s.doc.clone()));
		assert_eq!(GrantCount::<T>::get(&s.patient), 0);
	}

	#[benchmark]
	fn refer() {
		let s = setup_with::<T>(whitelisted_caller(), account("patient", 0, 0));
		let specialist = setup::<T>("specialist");
		allow_through_organisation_grant::<T>(&s.doc, s.org, &s.patient);
		let grant = NextGrantId::<T>::get() - 1;
		// A full referral list whose entries are in their own period but whose grants have
		// lapsed, each grant in a bucket of its own: each referral and its grant are read, and
		// the referral is dropped.
		let now = frame_system::Pallet::<T>::block_number();
		for i in 0..T::MaxReferralsPerSpecialist::get() {
			let lapsed = insert_grant::<T>(
				&s.patient,
				Grantee::Practitioner(account("lapsed", i, 0)),
				false,
			);
			insert_referral::<T>(Referral {
				patient: s.patient.clone(),
				grant: lapsed,
				referrer: s.doc.clone(),
				referrer_org: s.org,
				specialist: specialist.doc.clone(),
				specialist_org: specialist.org,
				scope: Scope::AllRecords,
				starts_at: now,
				expires_at: now.saturating_add(1_000u32.into()),
				may_report: false,
			});
		}
		let expires = now.saturating_add(T::MaxReferralDuration::get().min(100u32.into()));
		#[extrinsic_call]
		_(
			RawOrigin::Signed(s.doc.clone()),
			grant,
			s.org,
			specialist.doc.clone(),
			specialist.org,
			longest_scope(),
			expires,
			true,
		);
		assert_eq!(ReferralsTo::<T>::get(&s.patient, &specialist.doc).len(), 1);
	}

	#[benchmark]
	fn revoke_referral() {
		let (s, id) = referred::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(s.patient.clone()), id);
		assert!(Referrals::<T>::get(id).is_none());
	}

	/// A referral in its period whose grant was revoked: the grant is looked up and not found
	/// (an expired referral is pruned without looking its grant up).
	#[benchmark]
	fn prune_referral() {
		let (s, id) = referred::<T>();
		let grant = Referrals::<T>::get(id).expect("just referred").grant;
		Consent::<T>::do_revoke(s.patient.clone(), grant).expect("the patient revokes");
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);
		assert!(Referrals::<T>::get(id).is_none());
	}

	#[benchmark]
	fn open_emergency_access() {
		// Late enough that an opening a whole rate window ago exists.
		let window = T::EmergencyRateWindow::get();
		frame_system::Pallet::<T>::set_block_number(window.saturating_add(window));
		let s = setup_with::<T>(whitelisted_caller(), account("patient", 0, 0));
		let now = frame_system::Pallet::<T>::block_number();
		// Full buckets, to the doctor and to each of its organisations, that the "has no
		// treatment grant over all records" check must read and reject.
		fill_with_unusable_grants::<T>(&s.doc, &s.patient, None);
		// An earlier, accepted and expired break-glass on the patient, read and found dead.
		let earlier = NextEmergencyId::<T>::get();
		EmergencyAccesses::<T>::insert(
			earlier,
			EmergencyAccess {
				patient: s.patient.clone(),
				practitioner: s.doc.clone(),
				org: s.org,
				justification: H256::repeat_byte(1),
				opened_at: now.saturating_sub(2u32.into()),
				expires_at: now.saturating_sub(One::one()),
				review_by: now.saturating_add(One::one()),
				status: EmergencyStatus::Accepted,
				disputed: false,
			},
		);
		LatestEmergency::<T>::insert(&s.patient, &s.doc, earlier);
		NextEmergencyId::<T>::put(earlier + 1);
		// A full ring of openings whose oldest is a window old: each is read, one is dropped.
		let max = T::MaxEmergenciesPerWindow::get();
		let mut openings = alloc::vec![now.saturating_sub(window)];
		openings.extend((1..max).map(|_| now));
		EmergencyUsageOf::<T>::insert(&s.doc, BoundedVec::truncate_from(openings));
		#[extrinsic_call]
		_(
			RawOrigin::Signed(s.doc.clone()),
			s.patient.clone(),
			s.org,
			H256::repeat_byte(1),
			T::MaxEmergencyDuration::get(),
		);
		assert_eq!(NextEmergencyId::<T>::get(), earlier + 2);
		assert_eq!(EmergencyUsageOf::<T>::get(&s.doc).len() as u32, max);
	}

	#[benchmark]
	fn review_emergency_access() {
		let (s, id) = glass_broken::<T>();
		// A dispute writes more than an acceptance.
		#[extrinsic_call]
		_(RawOrigin::Signed(s.patient.clone()), id, false);
		assert!(Escalated::<T>::contains_key(id));
	}

	#[benchmark]
	fn escalate_unreviewed() {
		let (_, id) = glass_broken::<T>();
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(
			now.saturating_add(T::EmergencyReviewPeriod::get()),
		);
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);
		assert!(Escalated::<T>::contains_key(id));
	}

	#[benchmark]
	fn resolve_emergency_access() -> Result<(), BenchmarkError> {
		let (s, id) = glass_broken::<T>();
		Consent::<T>::do_review(s.patient.clone(), id, false).expect("patient disputes");
		let origin =
			T::AuthorityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		// Sanctioning suspends the practitioner: the costlier outcome.
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, true);
		assert_eq!(EmergencyAccesses::<T>::get(id).unwrap().status, EmergencyStatus::Sanctioned);
		Ok(())
	}

	impl_benchmark_test_suite!(Consent, crate::mock::new_test_ext(), crate::mock::Test);
}

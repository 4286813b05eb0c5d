//! Unit tests of the consent pallet: every call, every error, and the access truth table row
//! by row. Invariants are checked after each test.

use crate::{mock::*, Error, Event, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use ruralmed_primitives::{
	AccessBasis, PractitionerDirectory, PractitionerRole, PurposeOfUse::*, RecordCategory,
	RecordRef,
};
use sp_core::H256;
use sp_runtime::{BoundedVec, DispatchError};

type ScopeT = Scope;

fn purposes(p: &[ruralmed_primitives::PurposeOfUse]) -> Purposes {
	BoundedVec::truncate_from(p.to_vec())
}

fn record(id: u64, category: RecordCategory) -> RecordRef {
	RecordRef { id, category }
}

const ENCOUNTER: RecordRef = RecordRef { id: 0, category: RecordCategory::Encounter };

/// PATIENT grants `grantee` treatment (and referral) access to all records for blocks
/// [1, 40), with write and referral rights; returns the grant id.
fn grant_to(grantee: Grantee<u64>) -> GrantId {
	assert_ok!(Consent::grant_consent(
		RuntimeOrigin::signed(PATIENT),
		PATIENT,
		grantee,
		purposes(&[Treatment]),
		ScopeT::AllRecords,
		1,
		40,
		true,
		true
	));
	NextGrantId::<Test>::get() - 1
}

fn org_grant(org: u32, roles: &[PractitionerRole]) -> Grantee<u64> {
	Grantee::Organisation { org, roles: BoundedVec::truncate_from(roles.to_vec()) }
}

fn read(reader: u64, r: &RecordRef, p: ruralmed_primitives::PurposeOfUse) -> Option<AccessBasis> {
	Consent::read_decision(&reader, &PATIENT, r, p, System::block_number())
}

mod grants {
	use super::*;

	#[test]
	fn grant_holds_deposit_and_is_indexed() {
		test(|| {
			let g = grant_to(Grantee::Practitioner(DOC));
			System::assert_last_event(
				Event::ConsentGranted {
					grant: g,
					patient: PATIENT,
					grantee: Grantee::Practitioner(DOC),
					starts_at: 1,
					expires_at: 40,
				}
				.into(),
			);
			// Patients pay nothing: their own grants hold no deposit (a guardian's do, below).
			assert_eq!(Balances::balance_on_hold(&HoldReason::GrantDeposit.into(), &PATIENT), 0);
			assert_eq!(Consent::grants_of(&PATIENT).len(), 1);
			assert_eq!(Consent::grant(g).unwrap().granted_by, PATIENT);
		});
	}

	#[test]
	fn guardian_grants_for_ward() {
		test(|| {
			assert_ok!(Consent::grant_consent(
				RuntimeOrigin::signed(GUARDIAN),
				WARD,
				Grantee::Practitioner(DOC),
				purposes(&[Treatment]),
				ScopeT::AllRecords,
				1,
				10,
				false,
				false
			));
			assert_eq!(Balances::balance_on_hold(&HoldReason::GrantDeposit.into(), &GUARDIAN), 5);
			assert!(Consent::read_decision(&DOC, &WARD, &ENCOUNTER, Treatment, 1).is_some());
		});
	}

	#[test]
	fn bad_grants_are_refused() {
		test(|| {
			let call = |who: u64,
			            grantee: Grantee<u64>,
			            p: Purposes,
			            s: ScopeT,
			            from: u64,
			            to: u64,
			            referral: bool| {
				Consent::grant_consent(
					RuntimeOrigin::signed(who),
					PATIENT,
					grantee,
					p,
					s,
					from,
					to,
					false,
					referral,
				)
			};
			let doc = || Grantee::Practitioner(DOC);
			let treat = || purposes(&[Treatment]);
			assert_noop!(
				call(NOBODY, doc(), treat(), ScopeT::AllRecords, 1, 9, false),
				Error::<Test>::NotPatientOrGuardian
			);
			assert_noop!(
				Consent::grant_consent(
					RuntimeOrigin::signed(NOBODY),
					NOBODY,
					doc(),
					treat(),
					ScopeT::AllRecords,
					1,
					9,
					false,
					false
				),
				Error::<Test>::NotPatientOrGuardian
			);
			assert_noop!(
				call(PATIENT, doc(), purposes(&[]), ScopeT::AllRecords, 1, 9, false),
				Error::<Test>::InvalidPurposes
			);
			assert_noop!(
				call(
					PATIENT,
					doc(),
					purposes(&[Research, Research]),
					ScopeT::AllRecords,
					1,
					9,
					false
				),
				Error::<Test>::InvalidPurposes
			);
			assert_noop!(
				call(PATIENT, doc(), treat(), ScopeT::Categories(BoundedVec::new()), 1, 9, false),
				Error::<Test>::InvalidScope
			);
			assert_noop!(
				call(
					PATIENT,
					doc(),
					treat(),
					ScopeT::Records(BoundedVec::truncate_from(vec![3, 3])),
					1,
					9,
					false
				),
				Error::<Test>::InvalidScope
			);
			assert_noop!(
				call(PATIENT, doc(), treat(), ScopeT::AllRecords, 9, 9, false),
				Error::<Test>::InvalidPeriod
			);
			System::set_block_number(20);
			assert_noop!(
				call(PATIENT, doc(), treat(), ScopeT::AllRecords, 1, 20, false),
				Error::<Test>::InvalidPeriod
			);
			assert_noop!(
				call(
					PATIENT,
					Grantee::Practitioner(NOBODY),
					treat(),
					ScopeT::AllRecords,
					1,
					30,
					false
				),
				Error::<Test>::InvalidGrantee
			);
			assert_noop!(
				call(PATIENT, org_grant(77, &[]), treat(), ScopeT::AllRecords, 1, 30, false),
				Error::<Test>::InvalidGrantee
			);
			assert_noop!(
				call(
					PATIENT,
					org_grant(HOSPITAL, &[PractitionerRole::Nurse, PractitionerRole::Nurse]),
					treat(),
					ScopeT::AllRecords,
					1,
					30,
					false
				),
				Error::<Test>::InvalidGrantee
			);
			assert_noop!(
				call(PATIENT, doc(), purposes(&[Research]), ScopeT::AllRecords, 1, 30, true),
				Error::<Test>::ReferralNeedsTreatment
			);
			NextGrantId::<Test>::put(u64::MAX);
			assert_noop!(
				call(PATIENT, doc(), treat(), ScopeT::AllRecords, 1, 30, false),
				Error::<Test>::Overflow
			);
			NextGrantId::<Test>::put(0);
		});
	}

	#[test]
	fn grants_are_bounded_per_grantee_and_patient() {
		test(|| {
			grant_to(Grantee::Practitioner(DOC));
			grant_to(Grantee::Practitioner(DOC));
			assert_noop!(
				Consent::grant_consent(
					RuntimeOrigin::signed(PATIENT),
					PATIENT,
					Grantee::Practitioner(DOC),
					purposes(&[Treatment]),
					ScopeT::AllRecords,
					1,
					9,
					false,
					false
				),
				Error::<Test>::TooManyGrants
			);
			grant_to(Grantee::Practitioner(NURSE));
			assert_noop!(
				Consent::grant_consent(
					RuntimeOrigin::signed(PATIENT),
					PATIENT,
					Grantee::Practitioner(VDOC),
					purposes(&[Treatment]),
					ScopeT::AllRecords,
					1,
					9,
					false,
					false
				),
				Error::<Test>::TooManyGrants
			);
		});
	}

	#[test]
	fn revocation_cuts_access_in_the_same_block() {
		test(|| {
			let g = grant_to(Grantee::Practitioner(DOC));
			assert_eq!(read(DOC, &ENCOUNTER, Treatment), Some(AccessBasis::Grant(g)));
			assert_noop!(
				Consent::revoke_consent(RuntimeOrigin::signed(DOC), g),
				Error::<Test>::NotPatientOrGuardian
			);
			assert_noop!(
				Consent::revoke_consent(RuntimeOrigin::signed(PATIENT), 99),
				Error::<Test>::UnknownGrant
			);
			assert_ok!(Consent::revoke_consent(RuntimeOrigin::signed(PATIENT), g));
			System::assert_last_event(
				Event::ConsentRevoked {
					grant: g,
					patient: PATIENT,
					grantee: Grantee::Practitioner(DOC),
				}
				.into(),
			);
			assert_eq!(read(DOC, &ENCOUNTER, Treatment), None);
			assert_eq!(Balances::balance_on_hold(&HoldReason::GrantDeposit.into(), &PATIENT), 0);
		});
	}

	#[test]
	fn pruning_removes_only_expired_grants() {
		test(|| {
			let g = grant_to(Grantee::Practitioner(DOC));
			let key = GranteeKey::Practitioner(DOC);
			assert_noop!(
				Consent::prune_expired_grants(RuntimeOrigin::signed(NOBODY), PATIENT, key.clone()),
				Error::<Test>::NothingToPrune
			);
			System::set_block_number(40);
			assert_ok!(Consent::prune_expired_grants(
				RuntimeOrigin::signed(NOBODY),
				PATIENT,
				key.clone()
			));
			System::assert_last_event(Event::GrantPruned { grant: g, patient: PATIENT }.into());
			assert!(Consent::grant(g).is_none());
			assert_eq!(Balances::balance_on_hold(&HoldReason::GrantDeposit.into(), &PATIENT), 0);
			assert_eq!(GrantCount::<Test>::get(PATIENT), 0);
		});
	}
}

/// The truth table of the crate docs, row by row.
mod truth_table {
	use super::*;

	#[test]
	fn row_1_practitioner_grant() {
		test(|| {
			assert_ok!(Consent::grant_consent(
				RuntimeOrigin::signed(PATIENT),
				PATIENT,
				Grantee::Practitioner(DOC),
				purposes(&[Treatment]),
				ScopeT::Categories(BoundedVec::truncate_from(vec![RecordCategory::Encounter])),
				5,
				10,
				false,
				false
			));
			let g = NextGrantId::<Test>::get() - 1;
			// Not yet started.
			assert_eq!(read(DOC, &ENCOUNTER, Treatment), None);
			System::set_block_number(5);
			assert_eq!(read(DOC, &ENCOUNTER, Treatment), Some(AccessBasis::Grant(g)));
			// Wrong purpose, wrong scope, another reader.
			assert_eq!(read(DOC, &ENCOUNTER, Research), None);
			assert_eq!(read(DOC, &record(1, RecordCategory::Condition), Treatment), None);
			assert_eq!(read(NURSE, &ENCOUNTER, Treatment), None);
			// Suspended grantee.
			assert_ok!(Registry::suspend_practitioner(RuntimeOrigin::root(), DOC));
			assert_eq!(read(DOC, &ENCOUNTER, Treatment), None);
			assert_ok!(Registry::verify_licence(RuntimeOrigin::root(), DOC));
			assert_eq!(read(DOC, &ENCOUNTER, Treatment), Some(AccessBasis::Grant(g)));
			// Expired (expiry is exclusive).
			System::set_block_number(10);
			assert_eq!(read(DOC, &ENCOUNTER, Treatment), None);
		});
	}

	#[test]
	fn record_list_scope() {
		test(|| {
			assert_ok!(Consent::grant_consent(
				RuntimeOrigin::signed(PATIENT),
				PATIENT,
				Grantee::Practitioner(DOC),
				purposes(&[Research]),
				ScopeT::Records(BoundedVec::truncate_from(vec![7])),
				1,
				10,
				false,
				false
			));
			assert!(read(DOC, &record(7, RecordCategory::Condition), Research).is_some());
			assert!(read(DOC, &record(8, RecordCategory::Condition), Research).is_none());
		});
	}

	#[test]
	fn row_2_organisation_grant() {
		test(|| {
			let g = grant_to(org_grant(HOSPITAL, &[PractitionerRole::Doctor]));
			assert_eq!(read(DOC, &ENCOUNTER, Treatment), Some(AccessBasis::Grant(g)));
			// A role the grant does not list.
			assert_eq!(read(NURSE, &ENCOUNTER, Treatment), None);
			// A practitioner of another organisation.
			assert_eq!(read(VDOC, &ENCOUNTER, Treatment), None);
			// After the practitioner leaves the organisation.
			assert_ok!(Registry::remove_practitioner(RuntimeOrigin::signed(DOC), HOSPITAL, DOC));
			assert_eq!(read(DOC, &ENCOUNTER, Treatment), None);
		});
	}

	#[test]
	fn organisation_grant_with_no_roles_covers_all_and_stops_with_suspension() {
		test(|| {
			let g = grant_to(org_grant(HOSPITAL, &[]));
			assert_eq!(read(NURSE, &ENCOUNTER, Treatment), Some(AccessBasis::Grant(g)));
			assert_ok!(Registry::suspend_organisation(RuntimeOrigin::root(), HOSPITAL));
			assert_eq!(read(NURSE, &ENCOUNTER, Treatment), None);
		});
	}

	#[test]
	fn nobody_without_a_basis_and_non_practitioners_never() {
		test(|| {
			grant_to(Grantee::Practitioner(DOC));
			assert_eq!(read(VDOC, &ENCOUNTER, Treatment), None);
			assert_eq!(read(NOBODY, &ENCOUNTER, Treatment), None);
		});
	}

	#[test]
	fn write_decisions() {
		test(|| {
			let g = grant_to(org_grant(HOSPITAL, &[PractitionerRole::Doctor]));
			assert_eq!(
				Consent::write_decision(&DOC, HOSPITAL, &PATIENT, RecordCategory::Condition, 1),
				Some(AccessBasis::Grant(g))
			);
			// Acting for another organisation than the grantee.
			assert_eq!(
				Consent::write_decision(&VDOC, CLINIC, &PATIENT, RecordCategory::Condition, 1),
				None
			);
			// A read-only grant does not allow writing.
			assert_ok!(Consent::grant_consent(
				RuntimeOrigin::signed(PATIENT),
				PATIENT,
				Grantee::Practitioner(VDOC2),
				purposes(&[Treatment]),
				ScopeT::AllRecords,
				1,
				10,
				false,
				false
			));
			assert_eq!(
				Consent::write_decision(
					&VDOC2,
					OTHER_CLINIC,
					&PATIENT,
					RecordCategory::Condition,
					1
				),
				None
			);
			assert!(read(VDOC2, &ENCOUNTER, Treatment).is_some());
		});
	}

	#[test]
	fn records_pallet_asks_consent() {
		test(|| {
			// Without consent the county doctor cannot anchor; with it, it can.
			let anchor = || {
				pallet_patient_records::Pallet::<Test>::anchor_record(
					RuntimeOrigin::signed(DOC),
					PATIENT,
					HOSPITAL,
					RecordCategory::Encounter,
					H256::repeat_byte(1),
					HOSPITAL,
					10,
					None,
				)
			};
			assert_noop!(anchor(), pallet_patient_records::Error::<Test>::NoWriteAccess);
			grant_to(Grantee::Practitioner(DOC));
			assert_ok!(anchor());
		});
	}
}

mod referrals {
	use super::*;

	/// The village doctor holds a treatment grant with referral rights and refers PATIENT to
	/// the county doctor until block 30.
	fn referred() -> (GrantId, ReferralId) {
		let g = grant_to(Grantee::Practitioner(VDOC));
		assert_ok!(Consent::refer(
			RuntimeOrigin::signed(VDOC),
			g,
			CLINIC,
			DOC,
			HOSPITAL,
			ScopeT::Categories(BoundedVec::truncate_from(vec![RecordCategory::Encounter])),
			30,
			true
		));
		(g, NextReferralId::<Test>::get() - 1)
	}

	#[test]
	fn row_3_referral_gives_referral_access_only() {
		test(|| {
			let (g, f) = referred();
			System::assert_last_event(
				Event::ReferralCreated {
					referral: f,
					grant: g,
					patient: PATIENT,
					referrer: VDOC,
					specialist: DOC,
					specialist_org: HOSPITAL,
					expires_at: 30,
				}
				.into(),
			);
			assert_eq!(read(DOC, &ENCOUNTER, Referral), Some(AccessBasis::Referral(f)));
			assert_eq!(read(DOC, &ENCOUNTER, Treatment), None);
			let seen = Consent::referrals_of(&PATIENT, None, 10);
			assert_eq!(seen.len(), 1);
			assert_eq!((seen[0].0, &seen[0].1.specialist), (f, &DOC));
			assert_eq!(read(DOC, &record(1, RecordCategory::Condition), Referral), None);
			// The specialist may anchor a consultation report, and nothing else.
			assert_eq!(
				Consent::write_decision(&DOC, HOSPITAL, &PATIENT, RecordCategory::Document, 1),
				Some(AccessBasis::Referral(f))
			);
			assert_eq!(
				Consent::write_decision(&DOC, HOSPITAL, &PATIENT, RecordCategory::Condition, 1),
				None
			);
			System::set_block_number(30);
			assert_eq!(read(DOC, &ENCOUNTER, Referral), None);
		});
	}

	#[test]
	fn revoking_the_grant_ends_its_referrals() {
		test(|| {
			let (g, f) = referred();
			assert_ok!(Consent::revoke_consent(RuntimeOrigin::signed(PATIENT), g));
			assert_eq!(read(DOC, &ENCOUNTER, Referral), None);
			assert_ok!(Consent::prune_referral(RuntimeOrigin::signed(NOBODY), f));
			System::assert_last_event(
				Event::ReferralEnded { referral: f, patient: PATIENT, by: NOBODY }.into(),
			);
			assert!(Referrals::<Test>::get(f).is_none());
		});
	}

	#[test]
	fn patient_or_referrer_revokes_a_referral() {
		test(|| {
			let (_, f) = referred();
			assert_noop!(
				Consent::revoke_referral(RuntimeOrigin::signed(DOC), f),
				Error::<Test>::NotPermitted
			);
			assert_noop!(
				Consent::prune_referral(RuntimeOrigin::signed(NOBODY), f),
				Error::<Test>::ReferralStillValid
			);
			assert_ok!(Consent::revoke_referral(RuntimeOrigin::signed(PATIENT), f));
			assert_eq!(read(DOC, &ENCOUNTER, Referral), None);
			assert_noop!(
				Consent::revoke_referral(RuntimeOrigin::signed(PATIENT), f),
				Error::<Test>::UnknownReferral
			);
		});
	}

	#[test]
	fn referrals_are_never_wider_longer_or_re_referable() {
		test(|| {
			let g = grant_to(Grantee::Practitioner(VDOC));
			let refer = |who: u64,
			             grant: GrantId,
			             from_org: u32,
			             to: u64,
			             to_org: u32,
			             scope: ScopeT,
			             until: u64| {
				Consent::refer(
					RuntimeOrigin::signed(who),
					grant,
					from_org,
					to,
					to_org,
					scope,
					until,
					false,
				)
			};
			let all = || ScopeT::AllRecords;
			assert_noop!(
				refer(VDOC, 99, CLINIC, DOC, HOSPITAL, all(), 20),
				Error::<Test>::UnknownGrant
			);
			assert_noop!(
				refer(VDOC2, g, OTHER_CLINIC, DOC, HOSPITAL, all(), 20),
				Error::<Test>::NotCoveredByGrant
			);
			assert_noop!(
				refer(VDOC, g, CLINIC, VDOC2, CLINIC, all(), 20),
				Error::<Test>::SameOrganisation
			);
			assert_noop!(
				refer(VDOC, g, CLINIC, VDOC2, HOSPITAL, all(), 20),
				Error::<Test>::SpecialistNotActive
			);
			assert_noop!(
				refer(VDOC, g, CLINIC, DOC, HOSPITAL, ScopeT::Categories(BoundedVec::new()), 20),
				Error::<Test>::InvalidScope
			);
			assert_noop!(
				refer(VDOC, g, CLINIC, DOC, HOSPITAL, all(), 41),
				Error::<Test>::InvalidPeriod
			);
			assert_noop!(
				refer(VDOC, g, CLINIC, DOC, HOSPITAL, all(), 1),
				Error::<Test>::InvalidPeriod
			);
			// A grant without referral rights.
			assert_ok!(Consent::grant_consent(
				RuntimeOrigin::signed(PATIENT),
				PATIENT,
				Grantee::Practitioner(VDOC2),
				purposes(&[Treatment]),
				ScopeT::Categories(BoundedVec::truncate_from(vec![RecordCategory::Encounter])),
				1,
				100,
				false,
				false
			));
			let narrow = NextGrantId::<Test>::get() - 1;
			assert_noop!(
				refer(VDOC2, narrow, OTHER_CLINIC, DOC, HOSPITAL, all(), 20),
				Error::<Test>::ReferralNotAllowed
			);
			// Longer than MaxReferralDuration (50).
			assert_ok!(Consent::revoke_consent(RuntimeOrigin::signed(PATIENT), narrow));
			assert_ok!(Consent::grant_consent(
				RuntimeOrigin::signed(PATIENT),
				PATIENT,
				Grantee::Practitioner(VDOC2),
				purposes(&[Treatment]),
				ScopeT::Categories(BoundedVec::truncate_from(vec![RecordCategory::Encounter])),
				1,
				100,
				false,
				true
			));
			let long = NextGrantId::<Test>::get() - 1;
			assert_noop!(
				refer(
					VDOC2,
					long,
					OTHER_CLINIC,
					DOC,
					HOSPITAL,
					ScopeT::Categories(BoundedVec::truncate_from(vec![RecordCategory::Encounter])),
					60
				),
				Error::<Test>::InvalidPeriod
			);
			assert_noop!(
				refer(VDOC2, long, OTHER_CLINIC, DOC, HOSPITAL, all(), 20),
				Error::<Test>::ScopeTooWide
			);
			// One referral per specialist at a time here; a second is refused.
			assert_ok!(refer(VDOC, g, CLINIC, DOC, HOSPITAL, all(), 20));
			assert_noop!(
				refer(VDOC, g, CLINIC, DOC, HOSPITAL, all(), 20),
				Error::<Test>::TooManyReferrals
			);
			// The specialist holds no grant, so cannot refer on.
			assert_noop!(
				refer(DOC, g, HOSPITAL, VDOC2, OTHER_CLINIC, all(), 20),
				Error::<Test>::NotCoveredByGrant
			);
			NextReferralId::<Test>::put(u64::MAX);
			assert_noop!(
				refer(
					VDOC2,
					long,
					OTHER_CLINIC,
					VDOC,
					CLINIC,
					ScopeT::Categories(BoundedVec::truncate_from(vec![RecordCategory::Encounter])),
					20
				),
				Error::<Test>::Overflow
			);
			NextReferralId::<Test>::put(1);
		});
	}
}

mod emergency {
	use super::*;

	pub(super) fn open(who: u64, org: u32, duration: u64) -> sp_runtime::DispatchResult {
		Consent::open_emergency_access(
			RuntimeOrigin::signed(who),
			PATIENT,
			org,
			H256::repeat_byte(9),
			duration,
		)
	}

	#[test]
	fn row_4_break_glass_is_time_boxed_and_visible() {
		test(|| {
			assert_ok!(open(DOC, HOSPITAL, 10));
			System::assert_last_event(
				Event::EmergencyAccessOpened {
					emergency: 0,
					patient: PATIENT,
					practitioner: DOC,
					org: HOSPITAL,
					justification: H256::repeat_byte(9),
					expires_at: 11,
					review_by: 21,
				}
				.into(),
			);
			assert_eq!(read(DOC, &ENCOUNTER, Emergency), Some(AccessBasis::Emergency(0)));
			assert_eq!(read(DOC, &ENCOUNTER, Treatment), None);
			assert_eq!(
				Consent::write_decision(&DOC, HOSPITAL, &PATIENT, RecordCategory::Encounter, 1),
				Some(AccessBasis::Emergency(0))
			);
			assert_eq!(Consent::emergencies_of(&PATIENT, 0, 10).len(), 1);
			// It cannot be extended while open.
			assert_noop!(open(DOC, HOSPITAL, 10), Error::<Test>::EmergencyAccessStillOpen);
			System::set_block_number(11);
			assert_eq!(read(DOC, &ENCOUNTER, Emergency), None);
			// A new declaration after it ends.
			assert_ok!(open(DOC, HOSPITAL, 5));
		});
	}

	#[test]
	fn bad_declarations_are_refused() {
		test(|| {
			assert_noop!(open(NOBODY, HOSPITAL, 5), Error::<Test>::NotActivePractitioner);
			assert_noop!(open(DOC, CLINIC, 5), Error::<Test>::NotActivePractitioner);
			// A manufacturer is no care organisation, so nobody breaks the glass for it.
			assert_noop!(open(DOC, MAKER, 5), Error::<Test>::NotActivePractitioner);
			assert_noop!(
				Consent::open_emergency_access(
					RuntimeOrigin::signed(DOC),
					NOBODY,
					HOSPITAL,
					H256::zero(),
					5
				),
				Error::<Test>::UnknownPatient
			);
			assert_noop!(open(DOC, HOSPITAL, 0), Error::<Test>::InvalidPeriod);
			assert_noop!(open(DOC, HOSPITAL, 11), Error::<Test>::InvalidPeriod);
			grant_to(Grantee::Practitioner(DOC));
			assert_noop!(open(DOC, HOSPITAL, 5), Error::<Test>::AlreadyHasAccess);
			NextEmergencyId::<Test>::put(u64::MAX);
			assert_noop!(open(VDOC, CLINIC, 5), Error::<Test>::Overflow);
			NextEmergencyId::<Test>::put(0);
		});
	}

	#[test]
	fn break_glass_is_rate_limited() {
		test(|| {
			assert_ok!(open(DOC, HOSPITAL, 1));
			System::set_block_number(2);
			assert_ok!(open(DOC, HOSPITAL, 1));
			System::set_block_number(3);
			assert_noop!(open(DOC, HOSPITAL, 1), Error::<Test>::RateLimited);
			System::set_block_number(101);
			assert_ok!(open(DOC, HOSPITAL, 1));
		});
	}

	#[test]
	fn patient_accepts_or_disputes_and_the_authority_resolves() {
		test(|| {
			assert_ok!(open(DOC, HOSPITAL, 10));
			assert_ok!(open(NURSE, HOSPITAL, 10));
			assert_noop!(
				Consent::review_emergency_access(RuntimeOrigin::signed(DOC), 0, true),
				Error::<Test>::NotPatientOrGuardian
			);
			assert_noop!(
				Consent::review_emergency_access(RuntimeOrigin::signed(PATIENT), 9, true),
				Error::<Test>::UnknownEmergency
			);
			assert_ok!(Consent::review_emergency_access(RuntimeOrigin::signed(PATIENT), 0, true));
			System::assert_last_event(Event::EmergencyAccessAccepted { emergency: 0 }.into());
			assert_noop!(
				Consent::review_emergency_access(RuntimeOrigin::signed(PATIENT), 0, false),
				Error::<Test>::NotReviewable
			);
			assert_noop!(
				Consent::resolve_emergency_access(RuntimeOrigin::root(), 0, false),
				Error::<Test>::NotEscalated
			);
			// The dispute ends the nurse's access at once and escalates it.
			assert_ok!(Consent::review_emergency_access(RuntimeOrigin::signed(PATIENT), 1, false));
			System::assert_last_event(
				Event::EmergencyAccessEscalated { emergency: 1, disputed: true }.into(),
			);
			assert_eq!(read(NURSE, &ENCOUNTER, Emergency), None);
			assert!(Escalated::<Test>::contains_key(1));
			assert_noop!(
				Consent::resolve_emergency_access(RuntimeOrigin::signed(PATIENT), 1, true),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Consent::resolve_emergency_access(RuntimeOrigin::root(), 9, true),
				Error::<Test>::UnknownEmergency
			);
			assert_ok!(Consent::resolve_emergency_access(RuntimeOrigin::root(), 1, true));
			System::assert_last_event(
				Event::EmergencyAccessResolved { emergency: 1, sanctioned: true }.into(),
			);
			assert!(
				!<Registry as PractitionerDirectory<u64>>::practitioner(&NURSE).unwrap().active
			);
		});
	}

	#[test]
	fn unreviewed_access_is_escalated_after_the_review_period() {
		test(|| {
			assert_ok!(open(DOC, HOSPITAL, 10));
			assert_noop!(
				Consent::escalate_unreviewed(RuntimeOrigin::signed(NOBODY), 0),
				Error::<Test>::ReviewPeriodNotOver
			);
			assert_noop!(
				Consent::escalate_unreviewed(RuntimeOrigin::signed(NOBODY), 5),
				Error::<Test>::UnknownEmergency
			);
			System::set_block_number(21);
			assert_ok!(Consent::escalate_unreviewed(RuntimeOrigin::signed(NOBODY), 0));
			System::assert_last_event(
				Event::EmergencyAccessEscalated { emergency: 0, disputed: false }.into(),
			);
			assert_noop!(
				Consent::escalate_unreviewed(RuntimeOrigin::signed(NOBODY), 0),
				Error::<Test>::NotReviewable
			);
			assert_ok!(Consent::resolve_emergency_access(RuntimeOrigin::root(), 0, false));
			assert_eq!(EmergencyAccesses::<Test>::get(0).unwrap().status, EmergencyStatus::Cleared);
		});
	}
}

/// The findings of the December 2026 security review: each attack as the review describes it,
/// refused (state unchanged) or cut off.
mod security {
	use super::{emergency::open, *};

	fn dispute(id: EmergencyId) {
		assert_ok!(Consent::review_emergency_access(RuntimeOrigin::signed(PATIENT), id, false));
	}

	fn categories(c: &[RecordCategory]) -> ScopeT {
		ScopeT::Categories(BoundedVec::truncate_from(c.to_vec()))
	}

	/// PATIENT grants `grantee` treatment over `scope` until block 40, with referral rights.
	fn grant(grantee: Grantee<u64>, scope: ScopeT, can_write: bool) -> GrantId {
		assert_ok!(Consent::grant_consent(
			RuntimeOrigin::signed(PATIENT),
			PATIENT,
			grantee,
			purposes(&[Treatment]),
			scope,
			1,
			40,
			can_write,
			true
		));
		NextGrantId::<Test>::get() - 1
	}

	fn refer(
		who: u64,
		g: GrantId,
		from_org: u32,
		to: u64,
		to_org: u32,
		scope: ScopeT,
		may_report: bool,
	) -> sp_runtime::DispatchResult {
		Consent::refer(RuntimeOrigin::signed(who), g, from_org, to, to_org, scope, 30, may_report)
	}

	fn write(author: u64, org: u32, category: RecordCategory) -> Option<AccessBasis> {
		Consent::write_decision(&author, org, &PATIENT, category, System::block_number())
	}

	fn report(author: u64, org: u32) -> sp_runtime::DispatchResult {
		pallet_patient_records::Pallet::<Test>::anchor_record(
			RuntimeOrigin::signed(author),
			PATIENT,
			org,
			RecordCategory::Document,
			H256::repeat_byte(4),
			HOSPITAL,
			10,
			None,
		)
	}

	/// M6: Dr. M breaks the glass, the patient disputes, M reopens at once: refused until the
	/// authority resolves the dispute.
	#[test]
	fn m6_disputed_break_glass_cannot_be_reopened_until_resolved() {
		test(|| {
			assert_ok!(open(DOC, HOSPITAL, 10));
			dispute(0);
			assert_eq!(UnresolvedDisputes::<Test>::get(PATIENT, DOC), 1);
			assert_noop!(open(DOC, HOSPITAL, 10), Error::<Test>::EmergencyAccessDisputed);
			// Still refused once the disputed access would have expired, and for another org.
			System::set_block_number(30);
			assert_noop!(open(DOC, HOSPITAL, 1), Error::<Test>::EmergencyAccessDisputed);
			assert_eq!(read(DOC, &ENCOUNTER, Emergency), None);
			// Another practitioner is not barred by DOC's dispute.
			assert_ok!(open(NURSE, HOSPITAL, 1));
			// The authority clears DOC: the bar lifts.
			assert_ok!(Consent::resolve_emergency_access(RuntimeOrigin::root(), 0, false));
			assert!(!UnresolvedDisputes::<Test>::contains_key(PATIENT, DOC));
			assert_ok!(open(DOC, HOSPITAL, 1));
		});
	}

	/// M6, two disputes: resolving one does not lift the bar while the other stands.
	#[test]
	fn m6_every_dispute_must_be_resolved() {
		test(|| {
			assert_ok!(open(DOC, HOSPITAL, 1));
			System::set_block_number(2);
			// The first has expired unreviewed, so DOC may open a second.
			assert_ok!(open(DOC, HOSPITAL, 1));
			dispute(0);
			dispute(1);
			assert_eq!(UnresolvedDisputes::<Test>::get(PATIENT, DOC), 2);
			System::set_block_number(3);
			assert_ok!(Consent::resolve_emergency_access(RuntimeOrigin::root(), 1, false));
			assert_noop!(open(DOC, HOSPITAL, 1), Error::<Test>::EmergencyAccessDisputed);
			assert_ok!(Consent::resolve_emergency_access(RuntimeOrigin::root(), 0, true));
			// Sanctioned: DOC is suspended, so the bar is now the licence.
			assert_noop!(open(DOC, HOSPITAL, 1), Error::<Test>::NotActivePractitioner);
			assert!(!UnresolvedDisputes::<Test>::contains_key(PATIENT, DOC));
		});
	}

	/// M6: an access escalated only because nobody reviewed it does not bar the practitioner
	/// (the patient objected to nothing; an unresponsive patient may need them again).
	#[test]
	fn m6_unreviewed_escalation_does_not_bar() {
		test(|| {
			assert_ok!(open(DOC, HOSPITAL, 1));
			System::set_block_number(21);
			assert_ok!(Consent::escalate_unreviewed(RuntimeOrigin::signed(NOBODY), 0));
			assert_eq!(UnresolvedDisputes::<Test>::get(PATIENT, DOC), 0);
			assert_ok!(open(DOC, HOSPITAL, 1));
		});
	}

	/// M7: Eve grants Dr. C read-only treatment over Observations with referral rights; C
	/// refers specialist X with `may_report`: refused.
	#[test]
	fn m7_referral_cannot_report_on_a_read_only_grant() {
		test(|| {
			let g = grant(
				Grantee::Practitioner(VDOC),
				categories(&[RecordCategory::Observation]),
				false,
			);
			let obs = || categories(&[RecordCategory::Observation]);
			assert_noop!(
				refer(VDOC, g, CLINIC, DOC, HOSPITAL, obs(), true),
				Error::<Test>::ReportNotAllowed
			);
			// A read-only referral is fine, and lets the specialist write nothing.
			assert_ok!(refer(VDOC, g, CLINIC, DOC, HOSPITAL, obs(), false));
			assert_eq!(write(DOC, HOSPITAL, RecordCategory::Document), None);
			assert_noop!(
				report(DOC, HOSPITAL),
				pallet_patient_records::Error::<Test>::NoWriteAccess
			);
		});
	}

	/// M7: a writable grant whose scope admits no new documents cannot lend report rights.
	#[test]
	fn m7_referral_cannot_report_outside_the_grants_write_scope() {
		test(|| {
			let g = grant(
				Grantee::Practitioner(VDOC),
				categories(&[RecordCategory::Observation]),
				true,
			);
			assert_noop!(
				refer(
					VDOC,
					g,
					CLINIC,
					DOC,
					HOSPITAL,
					categories(&[RecordCategory::Observation]),
					true
				),
				Error::<Test>::ReportNotAllowed
			);
			let listed = grant(
				Grantee::Practitioner(VDOC2),
				ScopeT::Records(BoundedVec::truncate_from(vec![0])),
				true,
			);
			assert_noop!(
				refer(
					VDOC2,
					listed,
					OTHER_CLINIC,
					DOC,
					HOSPITAL,
					ScopeT::Records(BoundedVec::truncate_from(vec![0])),
					true
				),
				Error::<Test>::ReportNotAllowed
			);
		});
	}

	/// M7, the write decision: a referral made with `may_report` before the fix, on a
	/// read-only grant, gives no write access; nor does one whose grant no longer covers
	/// documents.
	#[test]
	fn m7_write_decision_rechecks_the_grant() {
		test(|| {
			let g = grant(
				Grantee::Practitioner(VDOC),
				categories(&[RecordCategory::Observation]),
				false,
			);
			// As the old `refer` stored it.
			let id = NextReferralId::<Test>::get();
			Referrals::<Test>::insert(
				id,
				crate::Referral {
					patient: PATIENT,
					grant: g,
					referrer: VDOC,
					referrer_org: CLINIC,
					specialist: DOC,
					specialist_org: HOSPITAL,
					scope: categories(&[RecordCategory::Observation]),
					starts_at: 1,
					expires_at: 30,
					may_report: true,
				},
			);
			ReferralsTo::<Test>::insert(PATIENT, DOC, BoundedVec::truncate_from(vec![id]));
			NextReferralId::<Test>::put(id + 1);
			let obs = record(3, RecordCategory::Observation);
			assert_eq!(read(DOC, &obs, Referral), Some(AccessBasis::Referral(id)));
			assert_eq!(write(DOC, HOSPITAL, RecordCategory::Document), None);
			assert_noop!(
				report(DOC, HOSPITAL),
				pallet_patient_records::Error::<Test>::NoWriteAccess
			);
		});
	}

	/// L1: a doctor about to leave the Hekou clinic refers the patient to himself at a second
	/// organisation; once he has left, the referral gives nothing.
	#[test]
	fn l1_self_referral_ends_when_the_referrer_leaves_the_granted_org() {
		test(|| {
			// VDOC also works at the other clinic.
			assert_ok!(Registry::add_practitioner(
				RuntimeOrigin::signed(3),
				OTHER_CLINIC,
				VDOC,
				PractitionerRole::VillageDoctor,
				H256::repeat_byte(3)
			));
			let g = grant(org_grant(CLINIC, &[]), ScopeT::AllRecords, true);
			assert_ok!(refer(VDOC, g, CLINIC, VDOC, OTHER_CLINIC, ScopeT::AllRecords, true));
			let f = NextReferralId::<Test>::get() - 1;
			assert_eq!(read(VDOC, &ENCOUNTER, Referral), Some(AccessBasis::Referral(f)));
			assert_eq!(
				write(VDOC, OTHER_CLINIC, RecordCategory::Document),
				Some(AccessBasis::Referral(f))
			);
			assert_ok!(Registry::remove_practitioner(RuntimeOrigin::signed(VDOC), CLINIC, VDOC));
			assert_eq!(read(VDOC, &ENCOUNTER, Referral), None);
			assert_eq!(write(VDOC, OTHER_CLINIC, RecordCategory::Document), None);
			assert_noop!(
				report(VDOC, OTHER_CLINIC),
				pallet_patient_records::Error::<Test>::NoWriteAccess
			);
		});
	}

	/// L1: the referral lapses while the referrer is suspended or the referrer's organisation
	/// is, and revives when they are reinstated (as the grant itself would).
	#[test]
	fn l1_referral_follows_the_referrers_licence_and_organisation() {
		test(|| {
			let g = grant(Grantee::Practitioner(VDOC), ScopeT::AllRecords, true);
			assert_ok!(refer(VDOC, g, CLINIC, DOC, HOSPITAL, ScopeT::AllRecords, true));
			let f = NextReferralId::<Test>::get() - 1;
			assert_ok!(Registry::suspend_practitioner(RuntimeOrigin::root(), VDOC));
			assert_eq!(read(DOC, &ENCOUNTER, Referral), None);
			assert_eq!(write(DOC, HOSPITAL, RecordCategory::Document), None);
			assert_ok!(Registry::verify_licence(RuntimeOrigin::root(), VDOC));
			assert_eq!(read(DOC, &ENCOUNTER, Referral), Some(AccessBasis::Referral(f)));
			assert_ok!(Registry::suspend_organisation(RuntimeOrigin::root(), CLINIC));
			assert_eq!(read(DOC, &ENCOUNTER, Referral), None);
			assert_eq!(write(DOC, HOSPITAL, RecordCategory::Document), None);
		});
	}

	/// L1: the referrer must be covered by the referral's own grant: a nurse of the hospital is
	/// not covered by its doctors-only grant, so a referral in her name gives nothing.
	#[test]
	fn l1_referral_needs_the_referrer_covered_by_its_own_grant() {
		test(|| {
			let g =
				grant(org_grant(HOSPITAL, &[PractitionerRole::Doctor]), ScopeT::AllRecords, true);
			assert_ok!(refer(DOC, g, HOSPITAL, VDOC, CLINIC, ScopeT::AllRecords, false));
			let f = NextReferralId::<Test>::get() - 1;
			assert_eq!(
				Consent::read_decision(&VDOC, &PATIENT, &ENCOUNTER, Referral, 1),
				Some(AccessBasis::Referral(f))
			);
			Referrals::<Test>::mutate(f, |r| r.as_mut().unwrap().referrer = NURSE);
			assert_eq!(Consent::read_decision(&VDOC, &PATIENT, &ENCOUNTER, Referral, 1), None);
		});
	}

	/// L2: a practitioner removed from the organisation, or whose organisation is suspended,
	/// stops reading on the break-glass opened for it.
	#[test]
	fn l2_break_glass_ends_with_membership_of_its_organisation() {
		test(|| {
			assert_ok!(open(DOC, HOSPITAL, 10));
			assert_ok!(open(NURSE, HOSPITAL, 10));
			assert_eq!(read(DOC, &ENCOUNTER, Emergency), Some(AccessBasis::Emergency(0)));
			assert_ok!(Registry::remove_practitioner(RuntimeOrigin::signed(DOC), HOSPITAL, DOC));
			assert_eq!(read(DOC, &ENCOUNTER, Emergency), None);
			assert_eq!(read(NURSE, &ENCOUNTER, Emergency), Some(AccessBasis::Emergency(1)));
			assert_ok!(Registry::suspend_organisation(RuntimeOrigin::root(), HOSPITAL));
			assert_eq!(read(NURSE, &ENCOUNTER, Emergency), None);
		});
	}

	/// L7: a practitioner whose grant covers only Encounters may still break the glass to see
	/// allergies and conditions; one with a treatment grant over everything may not.
	#[test]
	fn l7_narrow_grantee_may_break_the_glass() {
		test(|| {
			grant(Grantee::Practitioner(DOC), categories(&[RecordCategory::Encounter]), false);
			assert!(read(DOC, &ENCOUNTER, Treatment).is_some());
			assert_ok!(open(DOC, HOSPITAL, 5));
			assert_eq!(
				read(DOC, &record(2, RecordCategory::Allergy), Emergency),
				Some(AccessBasis::Emergency(0))
			);
			// A full treatment grant, here through the organisation, makes break-glass moot.
			grant(org_grant(HOSPITAL, &[]), ScopeT::AllRecords, false);
			assert_noop!(open(NURSE, HOSPITAL, 5), Error::<Test>::AlreadyHasAccess);
		});
	}

	/// L8: a referral to a specialist at a manufacturer is refused.
	#[test]
	fn l8_referral_specialist_org_must_provide_care() {
		test(|| {
			// A doctor working for the manufacturer.
			assert_ok!(Registry::add_practitioner(
				RuntimeOrigin::signed(4),
				MAKER,
				40,
				PractitionerRole::Doctor,
				H256::repeat_byte(40)
			));
			assert_ok!(Registry::verify_licence(RuntimeOrigin::root(), 40));
			let g = grant(Grantee::Practitioner(VDOC), ScopeT::AllRecords, true);
			assert_noop!(
				refer(VDOC, g, CLINIC, 40, MAKER, ScopeT::AllRecords, false),
				Error::<Test>::NotCareOrganisation
			);
		});
	}

	/// L10: two openings just before a fixed window's end and two just after it: the sliding
	/// window refuses the fourth, and no span of 100 blocks ever holds more than 2.
	#[test]
	fn l10_rate_limit_holds_across_the_window_boundary() {
		test(|| {
			assert_ok!(open(DOC, HOSPITAL, 1));
			System::set_block_number(99);
			assert_ok!(open(DOC, HOSPITAL, 1));
			System::set_block_number(101);
			// Block 1 is a whole window ago: one slot is free again.
			assert_ok!(open(DOC, HOSPITAL, 1));
			System::set_block_number(102);
			assert_noop!(open(DOC, HOSPITAL, 1), Error::<Test>::RateLimited);
			System::set_block_number(198);
			assert_noop!(open(DOC, HOSPITAL, 1), Error::<Test>::RateLimited);
			System::set_block_number(199);
			assert_ok!(open(DOC, HOSPITAL, 1));
			assert_eq!(EmergencyUsageOf::<Test>::get(DOC).into_inner(), vec![101, 199]);
		});
	}

	/// L11: `try_state` notices a `LatestEmergency` entry naming another practitioner's or
	/// patient's access, and a miscounted dispute.
	#[test]
	fn l11_try_state_checks_latest_emergency_and_disputes() {
		test(|| {
			assert_ok!(open(DOC, HOSPITAL, 10));
			assert_ok!(Consent::do_try_state());
			LatestEmergency::<Test>::insert(PATIENT, NURSE, 0);
			assert!(Consent::do_try_state().is_err());
			LatestEmergency::<Test>::remove(PATIENT, NURSE);
			LatestEmergency::<Test>::insert(WARD, DOC, 0);
			assert!(Consent::do_try_state().is_err());
			LatestEmergency::<Test>::remove(WARD, DOC);
			dispute(0);
			UnresolvedDisputes::<Test>::insert(PATIENT, DOC, 2);
			assert!(Consent::do_try_state().is_err());
			UnresolvedDisputes::<Test>::insert(PATIENT, DOC, 1);
			assert_ok!(Consent::do_try_state());
		});
	}

	/// M13: neither the stored access nor the event carries the reason; the stored
	/// commitment binds the reason and the justification.
	#[test]
	fn m13_break_glass_reason_is_committed_not_stored() {
		test(|| {
			let text_hash = H256::repeat_byte(9);
			let commitment = emergency_commitment(EmergencyReason::PatientUnresponsive, &text_hash);
			assert_ok!(Consent::open_emergency_access(
				RuntimeOrigin::signed(DOC),
				PATIENT,
				HOSPITAL,
				commitment,
				5
			));
			let stored = EmergencyAccesses::<Test>::get(0).unwrap();
			assert_eq!(stored.justification, commitment);
			// No reason code appears: any other reason gives another commitment, so the
			// chain cannot be read back without the off-chain justification.
			for other in [
				EmergencyReason::LifeThreatening,
				EmergencyReason::GuardianUnreachable,
				EmergencyReason::MassCasualty,
				EmergencyReason::Other,
			] {
				assert_ne!(emergency_commitment(other, &text_hash), commitment);
			}
			System::assert_last_event(
				Event::EmergencyAccessOpened {
					emergency: 0,
					patient: PATIENT,
					practitioner: DOC,
					org: HOSPITAL,
					justification: commitment,
					expires_at: 6,
					review_by: 21,
				}
				.into(),
			);
		});
	}

	/// I3: referrals are listed a page of specialists at a time, each exactly once.
	#[test]
	fn i3_referrals_are_paged() {
		test(|| {
			let g = grant(Grantee::Practitioner(VDOC), ScopeT::AllRecords, true);
			for (to, org) in [(DOC, HOSPITAL), (NURSE, HOSPITAL), (VDOC2, OTHER_CLINIC)] {
				assert_ok!(refer(VDOC, g, CLINIC, to, org, ScopeT::AllRecords, false));
			}
			let first = Consent::referrals_of(&PATIENT, None, 2);
			assert_eq!(first.len(), 2);
			let rest = Consent::referrals_of(&PATIENT, Some(first[1].1.specialist), 2);
			assert_eq!(rest.len(), 1);
			let mut ids: Vec<_> = first.iter().chain(rest.iter()).map(|(id, _)| *id).collect();
			ids.sort();
			assert_eq!(ids, vec![0, 1, 2]);
			assert!(Consent::referrals_of(&PATIENT, Some(rest[0].1.specialist), 2).is_empty());
			assert!(Consent::referrals_of(&PATIENT, None, 0).is_empty());
			assert_eq!(Consent::referrals_of(&PATIENT, None, u32::MAX).len(), 3);
		});
	}

	/// M12: the state benchmarks (and the patient records' benchmarks, through
	/// `benchmark_refuse`) use for a refusal really is refused for every purpose, after the
	/// referral checks have read everything, referrer included.
	#[cfg(feature = "runtime-benchmarks")]
	#[test]
	fn m12_benchmark_refusal_is_refused_at_the_last_step() {
		new_test_ext().execute_with(|| {
			use ruralmed_primitives::{OrganisationKind, RecordAccess};
			let reader = 300u64;
			<Registry as PractitionerDirectory<u64>>::benchmark_busiest_practitioner(
				&301,
				&reader,
				PractitionerRole::Doctor,
				OrganisationKind::CountyHospital,
			);
			<Consent as RecordAccess<u64>>::benchmark_refuse(&reader, &PATIENT);
			for p in [Treatment, Referral, Research, PublicHealth, Emergency] {
				assert_eq!(Consent::read_decision(&reader, &PATIENT, &ENCOUNTER, p, 1), None);
			}
			let org = <Registry as PractitionerDirectory<u64>>::affiliations(&reader)
				.last()
				.copied()
				.unwrap();
			assert_eq!(
				Consent::write_decision(&reader, org, &PATIENT, RecordCategory::Document, 1),
				None
			);
			// Each referral fails only on the referrer's coverage: with it, access is given.
			let f = ReferralsTo::<Test>::get(PATIENT, reader)[0];
			let grant = Referrals::<Test>::get(f).unwrap().grant;
			let (_, key) = GrantLocations::<Test>::get(grant).unwrap();
			let referrer = Referrals::<Test>::get(f).unwrap().referrer;
			Grants::<Test>::mutate(PATIENT, key, |b| {
				b[0].grantee = Grantee::Practitioner(referrer)
			});
			assert_eq!(
				Consent::read_decision(&reader, &PATIENT, &ENCOUNTER, Referral, 1),
				Some(AccessBasis::Referral(f))
			);
			// The costliest allowed read: another reader of the same patient, through the last
			// referral of a full list, for the referral purpose only.
			let other = 302u64;
			let org = <Registry as PractitionerDirectory<u64>>::benchmark_busiest_practitioner(
				&303,
				&other,
				PractitionerRole::Doctor,
				OrganisationKind::CountyHospital,
			);
			let purpose =
				<Consent as RecordAccess<u64>>::benchmark_allow_costliest(&other, org, &PATIENT);
			assert_eq!(purpose, Referral);
			let last = *ReferralsTo::<Test>::get(PATIENT, other).last().unwrap();
			assert_eq!(
				Consent::read_decision(&other, &PATIENT, &ENCOUNTER, Referral, 1),
				Some(AccessBasis::Referral(last))
			);
			assert_eq!(Consent::read_decision(&other, &PATIENT, &ENCOUNTER, Treatment, 1), None);
			assert_eq!(
				Consent::write_decision(&other, org, &PATIENT, RecordCategory::Document, 1),
				Some(AccessBasis::Referral(last))
			);
		});
	}
}

#[test]
fn integrity_test_passes() {
	use frame_support::traits::Hooks;
	<Consent as Hooks<u64>>::integrity_test();
}

/// Issue 18, item 2: no path these tests know touches more storage than the call's weight
/// charges (see patient-records' tests of the same name).
mod weights_cover_storage {
	use super::*;
	use ruralmed_test_utils::storage_access::{
		dispatch_within_charge, root_dispatch_within_charge,
	};

	fn within_charge(signer: u64, call: Call<Test>) {
		dispatch_within_charge::<Test, AllPalletsWithSystem, _>(signer, call);
	}

	fn authority_within_charge(call: Call<Test>) {
		root_dispatch_within_charge::<Test, AllPalletsWithSystem, _>(call);
	}

	fn grant(grantee: Grantee<u64>) -> Call<Test> {
		Call::grant_consent {
			patient: PATIENT,
			grantee,
			purposes: purposes(&[Treatment]),
			scope: ScopeT::AllRecords,
			starts_at: 1,
			expires_at: 40,
			can_write: true,
			allow_referral: true,
		}
	}

	#[test]
	fn grants_referrals_and_break_glass() {
		test(|| {
			within_charge(PATIENT, grant(Grantee::Practitioner(VDOC)));
			let g = NextGrantId::<Test>::get() - 1;
			within_charge(PATIENT, grant(org_grant(CLINIC, &[])));
			within_charge(
				VDOC,
				Call::refer {
					grant: g,
					referrer_org: CLINIC,
					specialist: DOC,
					specialist_org: HOSPITAL,
					scope: ScopeT::AllRecords,
					expires_at: 30,
					may_report: true,
				},
			);
			let f = NextReferralId::<Test>::get() - 1;
			within_charge(PATIENT, Call::revoke_referral { referral: f });
			within_charge(PATIENT, Call::revoke_consent { grant: g });
			within_charge(
				DOC,
				Call::open_emergency_access {
					patient: PATIENT,
					org: HOSPITAL,
					justification: H256::repeat_byte(9),
					duration: 5,
				},
			);
			let e = NextEmergencyId::<Test>::get() - 1;
			within_charge(PATIENT, Call::review_emergency_access { emergency: e, accept: true });
		});
	}

	/// `by` (the patient or its guardian) grants VDOC treatment access to WARD's records
	/// until block 40.
	fn ward_grant(by: u64) {
		assert_ok!(Consent::grant_consent(
			RuntimeOrigin::signed(by),
			WARD,
			Grantee::Practitioner(VDOC),
			purposes(&[Treatment]),
			ScopeT::AllRecords,
			1,
			40,
			true,
			true,
		));
	}

	#[test]
	fn expired_grants_pruned_by_a_stranger() {
		test(|| {
			ward_grant(WARD);
			ward_grant(WARD);
			System::set_block_number(40);
			let key = GranteeKey::Practitioner(VDOC);
			within_charge(NOBODY, Call::prune_expired_grants { patient: WARD, grantee: key });
			assert_eq!(GrantCount::<Test>::get(WARD), 0);
		});
	}

	/// The deposits go back to two granters, the ward and its guardian: two accounts and two
	/// holds, where the benchmark's grants all come from the patient.
	#[test]
	fn expired_grants_of_two_granters_pruned_by_a_stranger() {
		test(|| {
			ward_grant(WARD);
			ward_grant(GUARDIAN);
			System::set_block_number(40);
			let key = GranteeKey::Practitioner(VDOC);
			within_charge(NOBODY, Call::prune_expired_grants { patient: WARD, grantee: key });
			assert_eq!(GrantCount::<Test>::get(WARD), 0);
		});
	}

	/// The guardian revokes the ward's own grant: the deposit goes back to the ward, an
	/// account the signer's transaction does not pay for.
	#[test]
	fn a_grant_revoked_by_another_than_its_granter() {
		test(|| {
			ward_grant(WARD);
			let g = NextGrantId::<Test>::get() - 1;
			within_charge(GUARDIAN, Call::revoke_consent { grant: g });
		});
	}

	/// PATIENT's clinic grant, and VDOC's referral of the patient to DOC at the hospital
	/// until block 30; returns the grant and the referral.
	fn referred() -> (GrantId, ReferralId) {
		assert_ok!(Consent::grant_consent(
			RuntimeOrigin::signed(PATIENT),
			PATIENT,
			org_grant(CLINIC, &[]),
			purposes(&[Treatment]),
			ScopeT::AllRecords,
			1,
			40,
			true,
			true,
		));
		let g = NextGrantId::<Test>::get() - 1;
		assert_ok!(Consent::refer(
			RuntimeOrigin::signed(VDOC),
			g,
			CLINIC,
			DOC,
			HOSPITAL,
			ScopeT::AllRecords,
			30,
			true,
		));
		(g, NextReferralId::<Test>::get() - 1)
	}

	#[test]
	fn an_expired_referral_pruned() {
		test(|| {
			let (_, f) = referred();
			System::set_block_number(30);
			within_charge(NOBODY, Call::prune_referral { referral: f });
		});
	}

	/// A referral in its period whose grant was revoked: the grant's location is read and
	/// found gone, where the benchmark's referral has expired and no grant is looked up.
	#[test]
	fn a_referral_whose_grant_was_revoked_pruned() {
		test(|| {
			let (g, f) = referred();
			assert_ok!(Consent::revoke_consent(RuntimeOrigin::signed(PATIENT), g));
			within_charge(NOBODY, Call::prune_referral { referral: f });
		});
	}

	fn break_glass(by: u64) -> EmergencyId {
		assert_ok!(Consent::open_emergency_access(
			RuntimeOrigin::signed(by),
			PATIENT,
			HOSPITAL,
			H256::repeat_byte(9),
			5,
		));
		NextEmergencyId::<Test>::get() - 1
	}

	#[test]
	fn break_glass_escalated_unreviewed_and_cleared() {
		test(|| {
			let e = break_glass(DOC);
			System::set_block_number(EmergencyAccesses::<Test>::get(e).unwrap().review_by);
			within_charge(NOBODY, Call::escalate_unreviewed { emergency: e });
			authority_within_charge(Call::resolve_emergency_access {
				emergency: e,
				sanction: false,
			});
		});
	}

	/// Disputed, then sanctioned: the practitioner suspended through the registry and the
	/// dispute count lowered.
	#[test]
	fn break_glass_disputed_and_sanctioned() {
		test(|| {
			let e = break_glass(NURSE);
			within_charge(PATIENT, Call::review_emergency_access { emergency: e, accept: false });
			authority_within_charge(Call::resolve_emergency_access {
				emergency: e,
				sanction: true,
			});
			assert!(
				!<Registry as PractitionerDirectory<u64>>::practitioner(&NURSE).unwrap().active
			);
		});
	}

	/// A referral made where the specialist's list holds one no longer honoured (its grant
	/// revoked), which is read and dropped to make room.
	#[test]
	fn a_referral_that_drops_a_dishonoured_one() {
		test(|| {
			let (g, _) = referred();
			assert_ok!(Consent::revoke_consent(RuntimeOrigin::signed(PATIENT), g));
			within_charge(PATIENT, grant(org_grant(CLINIC, &[])));
			let g = NextGrantId::<Test>::get() - 1;
			within_charge(
				VDOC,
				Call::refer {
					grant: g,
					referrer_org: CLINIC,
					specialist: DOC,
					specialist_org: HOSPITAL,
					scope: ScopeT::AllRecords,
					expires_at: 30,
					may_report: true,
				},
			);
			assert_eq!(ReferralsTo::<Test>::get(PATIENT, DOC).len(), 1);
		});
	}

	/// The glass broken again after an earlier access expired (read and found dead), with a
	/// narrower grant to the hospital read and refused; the guardian reviews a ward's.
	#[test]
	fn break_glass_again_and_reviewed_by_a_guardian() {
		test(|| {
			assert_ok!(Consent::grant_consent(
				RuntimeOrigin::signed(PATIENT),
				PATIENT,
				org_grant(HOSPITAL, &[]),
				purposes(&[Treatment]),
				ScopeT::Records(BoundedVec::truncate_from(vec![0])),
				1,
				40,
				false,
				false,
			));
			let e = break_glass(DOC);
			assert_ok!(Consent::review_emergency_access(RuntimeOrigin::signed(PATIENT), e, true));
			System::set_block_number(EmergencyAccesses::<Test>::get(e).unwrap().expires_at);
			let open = |patient| Call::<Test>::open_emergency_access {
				patient,
				org: HOSPITAL,
				justification: H256::repeat_byte(9),
				duration: 5,
			};
			within_charge(DOC, open(PATIENT));
			within_charge(NURSE, open(WARD));
			let ward = NextEmergencyId::<Test>::get() - 1;
			within_charge(
				GUARDIAN,
				Call::review_emergency_access { emergency: ward, accept: false },
			);
		});
	}
}

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
			assert_eq!(Balances::balance_on_hold(&HoldReason::GrantDeposit.into(), &PATIENT), 5);
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
					b"ipfs://x".to_vec(),
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
			let seen = Consent::referrals_of(&PATIENT);
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

	fn open(who: u64, org: u32, duration: u64) -> sp_runtime::DispatchResult {
		Consent::open_emergency_access(
			RuntimeOrigin::signed(who),
			PATIENT,
			org,
			EmergencyReason::PatientUnresponsive,
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
					reason: EmergencyReason::PatientUnresponsive,
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
					EmergencyReason::Other,
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

#[test]
fn integrity_test_passes() {
	use frame_support::traits::Hooks;
	<Consent as Hooks<u64>>::integrity_test();
}

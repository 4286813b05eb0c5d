//! Unit tests of the registry: every call, every error, the invariants after each test.

use crate::{mock::*, Error, Event, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use ruralmed_primitives::{
	OrganisationKind::*, OrganisationStatus, PractitionerDirectory, PractitionerRole::*, RegionCode,
};
use sp_core::H256;
use sp_runtime::{DispatchError, TokenError};

const REGION: RegionCode = RegionCode::new(5, 3, 0);

fn apply(admin: u64) -> u32 {
	assert_ok!(Registry::apply_for_organisation(
		RuntimeOrigin::signed(admin),
		CountyHospital,
		b"County Hospital".to_vec(),
		REGION
	));
	NextOrganisationId::<Test>::get() - 1
}

fn active_org(admin: u64) -> u32 {
	let org = apply(admin);
	assert_ok!(Registry::verify_organisation(RuntimeOrigin::root(), org));
	org
}

fn licence(n: u8) -> H256 {
	H256::repeat_byte(n)
}

fn add_doc(org: u32) {
	assert_ok!(Registry::add_practitioner(
		RuntimeOrigin::signed(ADMIN),
		org,
		DOC,
		Doctor,
		licence(1)
	));
}

fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&HoldReason::OrganisationDeposit.into(), &who)
}

mod organisations {
	use super::*;

	#[test]
	fn apply_holds_deposit_and_starts_pending() {
		test(|| {
			let org = apply(ADMIN);
			let o = Organisations::<Test>::get(org).unwrap();
			assert_eq!(o.status, OrganisationStatus::Pending);
			assert_eq!(o.admin, ADMIN);
			assert_eq!(held(ADMIN), 100);
			System::assert_last_event(
				Event::OrganisationApplied {
					org,
					admin: ADMIN,
					kind: CountyHospital,
					region: REGION,
				}
				.into(),
			);
		});
	}

	#[test]
	fn apply_rejects_bad_input() {
		test(|| {
			assert_noop!(
				Registry::apply_for_organisation(
					RuntimeOrigin::signed(ADMIN),
					Pharmacy,
					vec![],
					REGION
				),
				Error::<Test>::InvalidName
			);
			assert_noop!(
				Registry::apply_for_organisation(
					RuntimeOrigin::signed(ADMIN),
					Pharmacy,
					vec![b'x'; 33],
					REGION
				),
				Error::<Test>::InvalidName
			);
			assert_noop!(
				Registry::apply_for_organisation(
					RuntimeOrigin::signed(ADMIN),
					Pharmacy,
					b"P".to_vec(),
					RegionCode::new(0, 1, 1)
				),
				Error::<Test>::InvalidRegion
			);
			assert_noop!(
				Registry::apply_for_organisation(
					RuntimeOrigin::signed(BROKE),
					Pharmacy,
					b"P".to_vec(),
					REGION
				),
				DispatchError::Token(TokenError::FundsUnavailable)
			);
			NextOrganisationId::<Test>::put(u32::MAX);
			assert_noop!(
				Registry::apply_for_organisation(
					RuntimeOrigin::signed(ADMIN),
					Pharmacy,
					b"P".to_vec(),
					REGION
				),
				Error::<Test>::Overflow
			);
			NextOrganisationId::<Test>::put(0);
		});
	}

	#[test]
	fn lifecycle_verify_suspend_reinstate_close() {
		test(|| {
			let org = apply(ADMIN);
			assert_noop!(
				Registry::verify_organisation(RuntimeOrigin::signed(ADMIN), org),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Registry::suspend_organisation(RuntimeOrigin::root(), org),
				Error::<Test>::InvalidOrganisationStatus
			);
			assert_eq!(Organisations::<Test>::get(org).unwrap().verified_at, None);
			assert_ok!(Registry::verify_organisation(RuntimeOrigin::root(), org));
			System::assert_last_event(Event::OrganisationVerified { org }.into());
			assert_eq!(Organisations::<Test>::get(org).unwrap().verified_at, Some(1));
			assert_noop!(
				Registry::verify_organisation(RuntimeOrigin::root(), org),
				Error::<Test>::InvalidOrganisationStatus
			);
			assert_ok!(Registry::suspend_organisation(RuntimeOrigin::root(), org));
			System::assert_last_event(Event::OrganisationSuspended { org }.into());
			// Reinstating is a new verification.
			System::set_block_number(5);
			assert_ok!(Registry::verify_organisation(RuntimeOrigin::root(), org));
			assert_eq!(Organisations::<Test>::get(org).unwrap().verified_at, Some(5));
			assert_ok!(Registry::close_organisation(RuntimeOrigin::root(), org));
			System::assert_last_event(Event::OrganisationClosed { org }.into());
			assert_eq!(held(ADMIN), 0);
			assert_noop!(
				Registry::close_organisation(RuntimeOrigin::root(), org),
				Error::<Test>::InvalidOrganisationStatus
			);
			assert_noop!(
				Registry::verify_organisation(RuntimeOrigin::root(), org),
				Error::<Test>::InvalidOrganisationStatus
			);
		});
	}

	#[test]
	fn unknown_organisation_is_typed() {
		test(|| {
			for call in [
				Registry::verify_organisation(RuntimeOrigin::root(), 7),
				Registry::suspend_organisation(RuntimeOrigin::root(), 7),
				Registry::close_organisation(RuntimeOrigin::root(), 7),
				Registry::reject_application(RuntimeOrigin::root(), 7),
				Registry::transfer_admin(RuntimeOrigin::signed(ADMIN), 7, ADMIN2),
				Registry::add_practitioner(
					RuntimeOrigin::signed(ADMIN),
					7,
					DOC,
					Doctor,
					licence(1),
				),
				Registry::remove_practitioner(RuntimeOrigin::signed(ADMIN), 7, DOC),
			] {
				assert_eq!(call, Err(Error::<Test>::UnknownOrganisation.into()));
			}
		});
	}

	/// Review L12: organisations were unbounded, so no migration over them could be shown to
	/// fit in a block.
	#[test]
	fn organisations_are_capped() {
		test(|| {
			for _ in 0..MAX_ORGANISATIONS {
				apply(ADMIN);
			}
			assert_eq!(OrganisationCount::<Test>::get(), MAX_ORGANISATIONS);
			let apply_again = || {
				Registry::apply_for_organisation(
					RuntimeOrigin::signed(ADMIN2),
					Pharmacy,
					b"P".to_vec(),
					REGION,
				)
			};
			assert_noop!(apply_again(), Error::<Test>::TooManyOrganisations);
			// A closed organisation keeps its place; a rejected application frees it.
			assert_ok!(Registry::close_organisation(RuntimeOrigin::root(), 0));
			assert_noop!(apply_again(), Error::<Test>::TooManyOrganisations);
			assert_ok!(Registry::reject_application(RuntimeOrigin::root(), 1));
			assert_eq!(OrganisationCount::<Test>::get(), MAX_ORGANISATIONS - 1);
			assert_ok!(apply_again());
			assert_eq!(OrganisationCount::<Test>::get(), MAX_ORGANISATIONS);
		});
	}

	#[test]
	fn reject_removes_pending_application_and_releases_deposit() {
		test(|| {
			let org = apply(ADMIN);
			assert_ok!(Registry::reject_application(RuntimeOrigin::root(), org));
			System::assert_last_event(Event::ApplicationRejected { org }.into());
			assert!(Organisations::<Test>::get(org).is_none());
			assert_eq!(held(ADMIN), 0);
			let active = active_org(ADMIN);
			assert_noop!(
				Registry::reject_application(RuntimeOrigin::root(), active),
				Error::<Test>::InvalidOrganisationStatus
			);
		});
	}

	#[test]
	fn transfer_admin_hands_over_management() {
		test(|| {
			let org = active_org(ADMIN);
			assert_noop!(
				Registry::transfer_admin(RuntimeOrigin::signed(ADMIN2), org, ADMIN2),
				Error::<Test>::NotOrganisationAdmin
			);
			assert_noop!(
				Registry::transfer_admin(RuntimeOrigin::signed(ADMIN), org, ADMIN),
				Error::<Test>::AlreadyAdmin
			);
			assert_ok!(Registry::transfer_admin(RuntimeOrigin::signed(ADMIN), org, ADMIN2));
			System::assert_last_event(
				Event::AdminTransferred { org, from: ADMIN, to: ADMIN2 }.into(),
			);
			assert_noop!(
				Registry::add_practitioner(
					RuntimeOrigin::signed(ADMIN),
					org,
					DOC,
					Doctor,
					licence(1)
				),
				Error::<Test>::NotOrganisationAdmin
			);
			// The deposit stays with the original applicant.
			assert_eq!(held(ADMIN), 100);
			assert_ok!(Registry::close_organisation(RuntimeOrigin::root(), org));
			assert_eq!(held(ADMIN), 0);
			assert_noop!(
				Registry::transfer_admin(RuntimeOrigin::signed(ADMIN2), org, ADMIN),
				Error::<Test>::InvalidOrganisationStatus
			);
		});
	}
}

mod practitioners {
	use super::*;

	#[test]
	fn add_registers_unverified_practitioner() {
		test(|| {
			let org = active_org(ADMIN);
			add_doc(org);
			System::assert_last_event(
				Event::PractitionerAdded { org, practitioner: DOC, role: Doctor }.into(),
			);
			let p = Practitioners::<Test>::get(DOC).unwrap();
			assert_eq!(p.status, LicenceStatus::Unverified);
			assert_eq!(Organisations::<Test>::get(org).unwrap().practitioner_count, 1);
			assert!(!Registry::is_active_member(&DOC, org));
			assert_ok!(Registry::verify_licence(RuntimeOrigin::root(), DOC));
			System::assert_last_event(Event::LicenceVerified { practitioner: DOC }.into());
			assert!(Registry::is_active_member(&DOC, org));
		});
	}

	#[test]
	fn add_checks_admin_status_and_identity() {
		test(|| {
			let pending = apply(ADMIN);
			assert_noop!(
				Registry::add_practitioner(
					RuntimeOrigin::signed(ADMIN),
					pending,
					DOC,
					Doctor,
					licence(1)
				),
				Error::<Test>::OrganisationNotActive
			);
			let org = active_org(ADMIN);
			assert_noop!(
				Registry::add_practitioner(
					RuntimeOrigin::signed(ADMIN2),
					org,
					DOC,
					Doctor,
					licence(1)
				),
				Error::<Test>::NotOrganisationAdmin
			);
			add_doc(org);
			assert_noop!(
				Registry::add_practitioner(
					RuntimeOrigin::signed(ADMIN),
					org,
					DOC,
					Doctor,
					licence(1)
				),
				Error::<Test>::AlreadyAffiliated
			);
			// Once verified, the licence is bound to DOC.
			assert_ok!(Registry::verify_licence(RuntimeOrigin::root(), DOC));
			assert_noop!(
				Registry::add_practitioner(
					RuntimeOrigin::signed(ADMIN),
					org,
					NURSE,
					Nurse,
					licence(1)
				),
				Error::<Test>::LicenceAlreadyRegistered
			);
			let org2 = active_org(ADMIN);
			assert_noop!(
				Registry::add_practitioner(
					RuntimeOrigin::signed(ADMIN),
					org2,
					DOC,
					Nurse,
					licence(1)
				),
				Error::<Test>::RoleMismatch
			);
			assert_noop!(
				Registry::add_practitioner(
					RuntimeOrigin::signed(ADMIN),
					org2,
					DOC,
					Doctor,
					licence(2)
				),
				Error::<Test>::LicenceMismatch
			);
		});
	}

	#[test]
	fn affiliations_are_bounded() {
		test(|| {
			for _ in 0..3 {
				let org = active_org(ADMIN);
				add_doc(org);
			}
			let org = active_org(ADMIN);
			assert_noop!(
				Registry::add_practitioner(
					RuntimeOrigin::signed(ADMIN),
					org,
					DOC,
					Doctor,
					licence(1)
				),
				Error::<Test>::TooManyAffiliations
			);
		});
	}

	#[test]
	fn remove_by_admin_or_practitioner() {
		test(|| {
			let org = active_org(ADMIN);
			add_doc(org);
			assert_noop!(
				Registry::remove_practitioner(RuntimeOrigin::signed(ADMIN2), org, DOC),
				Error::<Test>::NotAdminOrPractitioner
			);
			assert_noop!(
				Registry::remove_practitioner(RuntimeOrigin::signed(ADMIN), org, NURSE),
				Error::<Test>::UnknownPractitioner
			);
			assert_ok!(Registry::remove_practitioner(RuntimeOrigin::signed(DOC), org, DOC));
			System::assert_last_event(Event::PractitionerRemoved { org, practitioner: DOC }.into());
			assert_noop!(
				Registry::remove_practitioner(RuntimeOrigin::signed(ADMIN), org, DOC),
				Error::<Test>::NotAffiliated
			);
			assert_eq!(Organisations::<Test>::get(org).unwrap().practitioner_count, 0);
			// Coming back keeps the same licence and role.
			add_doc(org);
		});
	}

	#[test]
	fn suspension_takes_effect_everywhere_and_revocation_is_final() {
		test(|| {
			let org = active_org(ADMIN);
			let org2 = active_org(ADMIN);
			add_doc(org);
			assert_ok!(Registry::add_practitioner(
				RuntimeOrigin::signed(ADMIN),
				org2,
				DOC,
				Doctor,
				licence(1)
			));
			assert_ok!(Registry::verify_licence(RuntimeOrigin::root(), DOC));
			assert_noop!(
				Registry::verify_licence(RuntimeOrigin::root(), DOC),
				Error::<Test>::InvalidLicenceStatus
			);
			assert_ok!(Registry::suspend_practitioner(RuntimeOrigin::root(), DOC));
			System::assert_last_event(Event::PractitionerSuspended { practitioner: DOC }.into());
			assert!(
				!Registry::is_active_member(&DOC, org) && !Registry::is_active_member(&DOC, org2)
			);
			assert_noop!(
				Registry::suspend_practitioner(RuntimeOrigin::root(), DOC),
				Error::<Test>::InvalidLicenceStatus
			);
			assert_ok!(Registry::verify_licence(RuntimeOrigin::root(), DOC));
			assert!(Registry::is_active_member(&DOC, org));
			assert_ok!(Registry::revoke_licence(RuntimeOrigin::root(), DOC));
			System::assert_last_event(Event::LicenceRevoked { practitioner: DOC }.into());
			assert_noop!(
				Registry::revoke_licence(RuntimeOrigin::root(), DOC),
				Error::<Test>::InvalidLicenceStatus
			);
			assert_noop!(
				Registry::verify_licence(RuntimeOrigin::root(), DOC),
				Error::<Test>::InvalidLicenceStatus
			);
			let org3 = active_org(ADMIN);
			assert_noop!(
				Registry::add_practitioner(
					RuntimeOrigin::signed(ADMIN),
					org3,
					DOC,
					Doctor,
					licence(1)
				),
				Error::<Test>::LicenceRevoked
			);
		});
	}

	#[test]
	fn licence_calls_on_unknown_practitioner_fail() {
		test(|| {
			for call in [
				Registry::verify_licence(RuntimeOrigin::root(), DOC),
				Registry::suspend_practitioner(RuntimeOrigin::root(), DOC),
				Registry::revoke_licence(RuntimeOrigin::root(), DOC),
			] {
				assert_eq!(call, Err(Error::<Test>::UnknownPractitioner.into()));
			}
			assert_noop!(
				Registry::verify_licence(RuntimeOrigin::signed(ADMIN), DOC),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn suspended_organisation_members_cannot_act() {
		test(|| {
			let org = active_org(ADMIN);
			add_doc(org);
			assert_ok!(Registry::verify_licence(RuntimeOrigin::root(), DOC));
			assert_ok!(Registry::suspend_organisation(RuntimeOrigin::root(), org));
			assert!(!Registry::is_active_member(&DOC, org));
			assert!(Registry::is_affiliated(&DOC, org));
			assert!(!Registry::is_active_admin(&ADMIN, org));
		});
	}
}

/// Review M5: licence hashes are guessable, and binding one at registration let any
/// organisation's admin squat real practitioners' licences on puppet accounts, for good.
mod licence_squatting {
	use super::*;

	const PUPPET: u64 = 20;
	const PUPPET2: u64 = 21;

	fn add(admin: u64, org: u32, who: u64, hash: u8) -> sp_runtime::DispatchResult {
		Registry::add_practitioner(RuntimeOrigin::signed(admin), org, who, Doctor, licence(hash))
	}

	#[test]
	fn a_squatted_licence_hash_does_not_keep_the_real_practitioner_out() {
		test(|| {
			// The admin of another active organisation registers the doctor's licence hash to a
			// puppet before the doctor's organisation does.
			let squatter = active_org(ADMIN2);
			assert_ok!(add(ADMIN2, squatter, PUPPET, 1));
			assert!(LicenceOwners::<Test>::get(licence(1)).is_none());
			// The real doctor is registered and verified all the same.
			let org = active_org(ADMIN);
			add_doc(org);
			assert_ok!(Registry::verify_licence(RuntimeOrigin::root(), DOC));
			assert_eq!(LicenceOwners::<Test>::get(licence(1)), Some(DOC));
			assert!(Registry::is_active_member(&DOC, org));
			// The puppet can never be verified with that licence, nor another account registered.
			assert_noop!(
				Registry::verify_licence(RuntimeOrigin::root(), PUPPET),
				Error::<Test>::LicenceAlreadyRegistered
			);
			assert_noop!(
				add(ADMIN2, squatter, PUPPET2, 1),
				Error::<Test>::LicenceAlreadyRegistered
			);
			assert!(!Registry::is_active_member(&PUPPET, squatter));
		});
	}

	#[test]
	fn a_revoked_licence_stays_bound() {
		test(|| {
			let org = active_org(ADMIN);
			add_doc(org);
			assert_ok!(add(ADMIN, org, PUPPET, 1));
			assert_ok!(Registry::verify_licence(RuntimeOrigin::root(), DOC));
			assert_ok!(Registry::revoke_licence(RuntimeOrigin::root(), DOC));
			// Revocation is for good: the licence cannot come back under another account.
			assert_eq!(LicenceOwners::<Test>::get(licence(1)), Some(DOC));
			assert_noop!(add(ADMIN, org, PUPPET2, 1), Error::<Test>::LicenceAlreadyRegistered);
			assert_noop!(
				Registry::verify_licence(RuntimeOrigin::root(), PUPPET),
				Error::<Test>::LicenceAlreadyRegistered
			);
		});
	}

	#[test]
	fn the_authority_releases_a_licence_bound_to_the_wrong_account() {
		test(|| {
			let squatter = active_org(ADMIN2);
			assert_ok!(add(ADMIN2, squatter, PUPPET, 1));
			// Bound as storage version 2 bound every registration.
			LicenceOwners::<Test>::insert(licence(1), PUPPET);
			let org = active_org(ADMIN);
			assert_noop!(add(ADMIN, org, DOC, 1), Error::<Test>::LicenceAlreadyRegistered);
			assert_noop!(
				Registry::release_licence(RuntimeOrigin::signed(ADMIN), licence(1)),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Registry::release_licence(RuntimeOrigin::root(), licence(2)),
				Error::<Test>::UnknownLicence
			);
			assert_ok!(Registry::release_licence(RuntimeOrigin::root(), licence(1)));
			System::assert_last_event(
				Event::LicenceReleased { licence_hash: licence(1), practitioner: PUPPET }.into(),
			);
			assert!(LicenceOwners::<Test>::get(licence(1)).is_none());
			assert_eq!(Practitioners::<Test>::get(PUPPET).unwrap().status, LicenceStatus::Revoked);
			// The real doctor gets the licence; the puppet cannot be reinstated.
			add_doc(org);
			assert_ok!(Registry::verify_licence(RuntimeOrigin::root(), DOC));
			assert_eq!(LicenceOwners::<Test>::get(licence(1)), Some(DOC));
			assert_noop!(
				Registry::verify_licence(RuntimeOrigin::root(), PUPPET),
				Error::<Test>::InvalidLicenceStatus
			);
		});
	}

	#[test]
	fn releasing_a_licence_verified_by_mistake_revokes_its_holder() {
		test(|| {
			let squatter = active_org(ADMIN2);
			assert_ok!(add(ADMIN2, squatter, PUPPET, 1));
			assert_ok!(Registry::verify_licence(RuntimeOrigin::root(), PUPPET));
			assert!(Registry::is_active_member(&PUPPET, squatter));
			assert_ok!(Registry::release_licence(RuntimeOrigin::root(), licence(1)));
			assert!(!Registry::is_active_member(&PUPPET, squatter));
			assert_noop!(
				Registry::release_licence(RuntimeOrigin::root(), licence(1)),
				Error::<Test>::UnknownLicence
			);
			let org = active_org(ADMIN);
			add_doc(org);
			assert_ok!(Registry::verify_licence(RuntimeOrigin::root(), DOC));
		});
	}
}

/// Review L5: admin powers did not depend on the admin's licence.
mod admin_standing {
	use super::*;

	#[test]
	fn a_suspended_or_revoked_admin_loses_admin_powers() {
		test(|| {
			let org = active_org(ADMIN);
			// The admin is also a practitioner of its organisation.
			assert_ok!(Registry::add_practitioner(
				RuntimeOrigin::signed(ADMIN),
				org,
				ADMIN,
				Doctor,
				licence(5)
			));
			assert_ok!(Registry::verify_licence(RuntimeOrigin::root(), ADMIN));
			add_doc(org);
			assert!(Registry::is_active_admin(&ADMIN, org));
			assert_ok!(Registry::suspend_practitioner(RuntimeOrigin::root(), ADMIN));
			// Every pallet asks `is_active_admin` before an admin acts for the organisation.
			assert!(!Registry::is_active_admin(&ADMIN, org));
			assert_noop!(
				Registry::add_practitioner(
					RuntimeOrigin::signed(ADMIN),
					org,
					NURSE,
					Nurse,
					licence(2)
				),
				Error::<Test>::BarredPractitioner
			);
			assert_noop!(
				Registry::remove_practitioner(RuntimeOrigin::signed(ADMIN), org, DOC),
				Error::<Test>::BarredPractitioner
			);
			// Reinstated, the admin acts again.
			assert_ok!(Registry::verify_licence(RuntimeOrigin::root(), ADMIN));
			assert!(Registry::is_active_admin(&ADMIN, org));
			assert_ok!(Registry::revoke_licence(RuntimeOrigin::root(), ADMIN));
			assert!(!Registry::is_active_admin(&ADMIN, org));
			// A barred practitioner may still leave, and a barred admin hand the role on, which
			// is how its organisation recovers.
			assert_ok!(Registry::remove_practitioner(RuntimeOrigin::signed(ADMIN), org, ADMIN));
			assert_ok!(Registry::transfer_admin(RuntimeOrigin::signed(ADMIN), org, ADMIN2));
			assert!(Registry::is_active_admin(&ADMIN2, org));
		});
	}

	#[test]
	fn the_admin_role_cannot_be_handed_to_a_barred_practitioner() {
		test(|| {
			let org = active_org(ADMIN);
			add_doc(org);
			assert_ok!(Registry::verify_licence(RuntimeOrigin::root(), DOC));
			assert_ok!(Registry::suspend_practitioner(RuntimeOrigin::root(), DOC));
			assert_noop!(
				Registry::transfer_admin(RuntimeOrigin::signed(ADMIN), org, DOC),
				Error::<Test>::BarredPractitioner
			);
			assert_ok!(Registry::revoke_licence(RuntimeOrigin::root(), DOC));
			assert_noop!(
				Registry::transfer_admin(RuntimeOrigin::signed(ADMIN), org, DOC),
				Error::<Test>::BarredPractitioner
			);
			// An unverified practitioner may receive it.
			assert_ok!(Registry::add_practitioner(
				RuntimeOrigin::signed(ADMIN),
				org,
				NURSE,
				Nurse,
				licence(2)
			));
			assert_ok!(Registry::transfer_admin(RuntimeOrigin::signed(ADMIN), org, NURSE));
			assert!(Registry::is_active_admin(&NURSE, org));
		});
	}

	/// Any admin can register any account as an unverified practitioner; that must not strip
	/// the account of the admin role of its own organisation.
	#[test]
	fn an_unverified_registration_does_not_bar_an_admin() {
		test(|| {
			let org = active_org(ADMIN);
			let other = active_org(ADMIN2);
			assert_ok!(Registry::add_practitioner(
				RuntimeOrigin::signed(ADMIN2),
				other,
				ADMIN,
				Nurse,
				licence(9)
			));
			assert!(Registry::is_active_admin(&ADMIN, org));
			add_doc(org);
		});
	}
}

mod keys {
	use super::*;

	#[test]
	fn publish_and_rotate_keeps_old_keys() {
		test(|| {
			assert_ok!(Registry::publish_encryption_key(RuntimeOrigin::signed(DOC), [1; 32]));
			System::assert_last_event(
				Event::EncryptionKeyPublished { who: DOC, key: [1; 32], version: 0 }.into(),
			);
			System::set_block_number(5);
			assert_noop!(
				Registry::publish_encryption_key(RuntimeOrigin::signed(DOC), [1; 32]),
				Error::<Test>::SameKey
			);
			assert_ok!(Registry::publish_encryption_key(RuntimeOrigin::signed(DOC), [2; 32]));
			let current = EncryptionKeys::<Test>::get(DOC).unwrap();
			assert_eq!((current.key, current.version, current.published_at), ([2; 32], 1, 5));
			let old = RetiredKeys::<Test>::get(DOC, 0).unwrap();
			assert_eq!((old.key, old.published_at, old.replaced_at), ([1; 32], 1, 5));
		});
	}

	/// Review M11: every rotation kept one more retired key, without bound and without a
	/// deposit. An account now keeps the last `MaxRetiredKeys`, findable by version.
	#[test]
	fn retired_keys_are_bounded_per_account() {
		test(|| {
			for i in 1..=10u8 {
				assert_ok!(Registry::publish_encryption_key(RuntimeOrigin::signed(DOC), [i; 32]));
			}
			assert_eq!(EncryptionKeys::<Test>::get(DOC).unwrap().version, 9);
			assert_eq!(RetiredKeys::<Test>::iter_prefix(DOC).count() as u32, MAX_RETIRED_KEYS);
			for version in 0..=9u32 {
				let kept = version + MAX_RETIRED_KEYS >= 9;
				assert_eq!(
					Registry::encryption_key(&DOC, version),
					kept.then_some([version as u8 + 1; 32]),
					"version {version}"
				);
			}
			assert_eq!(Registry::encryption_key(&DOC, 10), None);
			assert_eq!(Registry::encryption_key(&NURSE, 0), None);
		});
	}

	#[test]
	fn bad_keys_are_refused() {
		test(|| {
			assert_noop!(
				Registry::publish_encryption_key(RuntimeOrigin::signed(DOC), [0; 32]),
				Error::<Test>::InvalidKey
			);
			EncryptionKeys::<Test>::insert(
				DOC,
				CurrentKey { key: [1; 32], version: u32::MAX, published_at: 1 },
			);
			assert_noop!(
				Registry::publish_encryption_key(RuntimeOrigin::signed(DOC), [2; 32]),
				Error::<Test>::Overflow
			);
			EncryptionKeys::<Test>::remove(DOC);
		});
	}
}

mod genesis {
	use super::*;
	use sp_runtime::BuildStorage;

	#[test]
	fn genesis_builds_a_consistent_registry() {
		let t = RuntimeGenesisConfig {
			registry: crate::GenesisConfig::<Test> {
				organisations: vec![
					(ADMIN, CountyHospital, b"H".to_vec(), REGION, true),
					(ADMIN2, VillageClinic, b"C".to_vec(), RegionCode::new(5, 3, 1), false),
				],
				practitioners: vec![(DOC, Doctor, licence(1), vec![0, 1], true)],
				encryption_keys: vec![(DOC, [9; 32])],
			},
			..Default::default()
		}
		.build_storage()
		.unwrap();
		sp_io::TestExternalities::new(t).execute_with(|| {
			assert_eq!(NextOrganisationId::<Test>::get(), 2);
			assert!(Registry::is_active_member(&DOC, 0));
			assert!(!Registry::is_active_member(&DOC, 1));
			assert_eq!(Organisations::<Test>::get(1).unwrap().practitioner_count, 1);
			Registry::do_try_state().unwrap();
		});
	}

	#[test]
	fn integrity_test_passes() {
		use frame_support::traits::Hooks;
		<Registry as Hooks<u64>>::integrity_test();
	}
}

/// Each call, on its most expensive path, touches no more storage than its weight charges.
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

	fn apply_call() -> Call<Test> {
		Call::apply_for_organisation { kind: CountyHospital, name: vec![b'n'; 32], region: REGION }
	}

	/// `ADMIN` as a verified practitioner of an organisation of its own, so that its standing
	/// is read from a practitioner entry when it acts as an admin.
	fn practising_admin() -> u32 {
		let org = active_org(ADMIN);
		assert_ok!(Registry::add_practitioner(
			RuntimeOrigin::signed(ADMIN),
			org,
			ADMIN,
			Doctor,
			licence(5)
		));
		assert_ok!(Registry::verify_licence(RuntimeOrigin::root(), ADMIN));
		org
	}

	#[test]
	fn organisations_applied_verified_suspended_closed_and_rejected() {
		test(|| {
			within_charge(ADMIN, apply_call());
			let org = NextOrganisationId::<Test>::get() - 1;
			authority_within_charge(Call::verify_organisation { org });
			authority_within_charge(Call::suspend_organisation { org });
			// Reinstated.
			authority_within_charge(Call::verify_organisation { org });
			// Closed with its deposit released to the depositor.
			authority_within_charge(Call::close_organisation { org });
			within_charge(ADMIN2, apply_call());
			let pending = NextOrganisationId::<Test>::get() - 1;
			authority_within_charge(Call::reject_application { org: pending });
		});
	}

	#[test]
	fn admin_transferred_to_a_practitioner() {
		test(|| {
			let org = active_org(ADMIN2);
			// The new admin is a verified practitioner, whose standing is read.
			practising_admin();
			within_charge(ADMIN2, Call::transfer_admin { org, new_admin: ADMIN });
		});
	}

	#[test]
	fn practitioners_added_and_removed_by_a_practising_admin() {
		test(|| {
			practising_admin();
			let orgs = [active_org(ADMIN), active_org(ADMIN), active_org(ADMIN)];
			let add = |org| Call::<Test>::add_practitioner {
				org,
				practitioner: DOC,
				role: Doctor,
				licence_hash: licence(1),
			};
			// New to the registry (the licence index read), then further affiliations up to
			// the fullest list.
			for org in orgs {
				within_charge(ADMIN, add(org));
			}
			assert_eq!(Practitioners::<Test>::get(DOC).unwrap().affiliations.len(), 3);
			// Removed by the admin (its standing read), then by the practitioner itself.
			within_charge(ADMIN, Call::remove_practitioner { org: orgs[0], practitioner: DOC });
			within_charge(DOC, Call::remove_practitioner { org: orgs[2], practitioner: DOC });
		});
	}

	#[test]
	fn licences_verified_suspended_reinstated_revoked_and_released() {
		test(|| {
			let org = active_org(ADMIN);
			add_doc(org);
			add_doc_elsewhere();
			// A first verification binds the licence; a reinstatement finds it bound.
			authority_within_charge(Call::verify_licence { practitioner: DOC });
			authority_within_charge(Call::suspend_practitioner { practitioner: DOC });
			authority_within_charge(Call::verify_licence { practitioner: DOC });
			authority_within_charge(Call::release_licence { licence_hash: licence(1) });
			assert_ok!(Registry::add_practitioner(
				RuntimeOrigin::signed(ADMIN),
				org,
				NURSE,
				Nurse,
				licence(2)
			));
			authority_within_charge(Call::revoke_licence { practitioner: NURSE });
		});
	}

	/// `DOC` gains a second affiliation, so its entry is not the smallest.
	fn add_doc_elsewhere() {
		let other = active_org(ADMIN2);
		assert_ok!(Registry::add_practitioner(
			RuntimeOrigin::signed(ADMIN2),
			other,
			DOC,
			Doctor,
			licence(1)
		));
	}

	#[test]
	fn keys_published_rotated_and_dropped() {
		test(|| {
			let publish = |i: u8| Call::<Test>::publish_encryption_key { key: [i; 32] };
			within_charge(DOC, publish(1));
			within_charge(DOC, publish(2));
			// Beyond `MaxRetiredKeys` retired keys, each rotation also drops the oldest.
			for i in 3..=MAX_RETIRED_KEYS as u8 + 3 {
				within_charge(DOC, publish(i));
			}
			assert!(RetiredKeys::<Test>::get(DOC, 0).is_none());
		});
	}
}

//! Runtime-level tests: the genesis presets build a consistent chain, the demo county works
//! end to end through the real configuration, and fees rise when blocks fill.

use crate::{
	genesis_config_presets::{demo, get_preset, preset_names},
	AccountId, Consent, DrugProvenance, EmergencySupply, PatientRecords, Registry, Runtime,
	RuntimeGenesisConfig, RuntimeOrigin, System,
};
use frame_support::{assert_noop, assert_ok};
use ruralmed_primitives::{AccessBasis, PractitionerDirectory, PurposeOfUse, RecordCategory};
use sp_keyring::Sr25519Keyring::*;
use sp_runtime::traits::Hash;

/// Runs `f` on the state a preset builds.
fn with_preset(id: &str, f: impl FnOnce()) {
	// A preset is a patch over the default genesis config, as the node applies it.
	let patch: serde_json::Value =
		serde_json::from_slice(&get_preset(&id.into()).expect("preset exists")).expect("JSON");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
	crate::genesis_config_presets::merge(&mut config, patch);
	let json = serde_json::to_vec(&config).expect("serializes");
	let mut ext = sp_io::TestExternalities::default();
	ext.execute_with(|| {
		frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(json)
			.expect("preset builds");
		System::set_block_number(1);
		pallet_timestamp::Now::<Runtime>::put(1_790_000_000_000);
		f();
		pallet_registry::Pallet::<Runtime>::do_try_state().expect("registry invariants hold");
		pallet_patient_records::Pallet::<Runtime>::do_try_state().expect("records invariants hold");
		pallet_consent::Pallet::<Runtime>::do_try_state().expect("consent invariants hold");
	});
}

fn acc(k: sp_keyring::Sr25519Keyring) -> AccountId {
	k.to_account_id()
}

/// Village doctor Charlie anchors a visit record for `patient` at the Hekou clinic; its id.
fn charlie_writes_for(patient: &AccountId) -> u64 {
	let record = pallet_patient_records::NextRecordId::<Runtime>::get();
	assert_ok!(PatientRecords::anchor_record(
		RuntimeOrigin::signed(acc(Charlie)),
		patient.clone(),
		demo::HEKOU_CLINIC,
		RecordCategory::Encounter,
		sp_runtime::traits::BlakeTwo256::hash(b"ciphertext"),
		demo::HEKOU_CLINIC,
		100,
		None
	));
	record
}

#[test]
fn every_preset_builds_the_demo_county() {
	assert_eq!(preset_names().len(), 2);
	for id in ["development", "local_testnet"] {
		with_preset(id, || {
			assert!(Registry::is_active_member(&acc(Bob), demo::COUNTY_HOSPITAL));
			assert!(Registry::is_active_member(&acc(Charlie), demo::HEKOU_CLINIC));
			assert!(Registry::is_active_member(&acc(DaveStash), demo::SHANZHUANG_CLINIC));
			assert!(Registry::is_active_member(&acc(Dave), demo::PHARMACY));
			assert!(pallet_patient_records::Patients::<Runtime>::contains_key(acc(Eve)));
			assert_eq!(
				pallet_patient_records::Patients::<Runtime>::get(acc(Ferdie)).unwrap().guardian,
				Some(acc(FerdieStash))
			);
			// The supply chain: the maker holds its demo lots; the flood emergency is open.
			assert!(Registry::is_active_admin(&acc(One), demo::MANUFACTURER));
			assert!(Registry::is_active_admin(&acc(Two), demo::DISTRIBUTOR));
			assert!(Registry::is_active_admin(&acc(EveStash), demo::WAREHOUSE));
			let amoxicillin = DrugProvenance::verify(
				pallet_drug_provenance::Gtin(demo::AMOXICILLIN),
				b"AMX-2026-001".to_vec(),
				None,
			);
			assert_eq!(amoxicillin.manufacturer, Some(demo::MANUFACTURER));
			assert_eq!(
				DrugProvenance::holders_of(amoxicillin.lot.unwrap(), None, 100),
				vec![(demo::MANUFACTURER, 1_000)]
			);
			// Both demo GTINs are under the maker's GS1 company prefix.
			assert_eq!(
				DrugProvenance::prefix_owner(&pallet_drug_provenance::Gtin(demo::MR_VACCINE)),
				Some(demo::MANUFACTURER)
			);
			assert!(EmergencySupply::dashboard(0).is_some());
			DrugProvenance::do_try_state().expect("drug provenance genesis is consistent");
			EmergencySupply::do_try_state().expect("emergency supply genesis is consistent");
		});
	}
	assert!(get_preset(&"no-such-preset".into()).is_none());
}

#[test]
fn demo_consent_lets_the_clinic_treat_and_nobody_else() {
	with_preset("development", || {
		let record = sp_runtime::traits::BlakeTwo256::hash(b"ciphertext");
		// Charlie (Hekou clinic) writes for Eve on her genesis grant to the clinic.
		assert_ok!(PatientRecords::anchor_record(
			RuntimeOrigin::signed(acc(Charlie)),
			acc(Eve),
			demo::HEKOU_CLINIC,
			RecordCategory::Encounter,
			record,
			demo::HEKOU_CLINIC,
			100,
			None
		));
		let r = ruralmed_primitives::RecordRef { id: 0, category: RecordCategory::Encounter };
		assert!(matches!(
			Consent::read_decision(&acc(Charlie), &acc(Eve), &r, PurposeOfUse::Treatment, 1),
			Some(AccessBasis::Grant(_))
		));
		// Bob (county hospital) has no consent from Eve.
		assert_eq!(
			Consent::read_decision(&acc(Bob), &acc(Eve), &r, PurposeOfUse::Treatment, 1),
			None
		);
		assert_noop!(
			PatientRecords::log_access(RuntimeOrigin::signed(acc(Bob)), 0, PurposeOfUse::Treatment),
			pallet_patient_records::Error::<Runtime>::NoReadAccess
		);
	});
}

#[test]
fn fees_rise_when_blocks_are_full() {
	use frame_support::{dispatch::DispatchClass, traits::OnFinalize};
	use sp_runtime::{traits::Convert, FixedPointNumber};
	with_preset("development", || {
		let before = pallet_transaction_payment::NextFeeMultiplier::<Runtime>::get();
		let max = crate::configs::RuntimeBlockWeights::get()
			.get(DispatchClass::Normal)
			.max_total
			.expect("normal class has a limit");
		System::register_extra_weight_unchecked(max, DispatchClass::Normal);
		let after = crate::configs::SlowAdjustingFeeUpdate::<Runtime>::convert(before);
		assert!(after > before, "a full block must raise the fee multiplier");
		pallet_transaction_payment::Pallet::<Runtime>::on_finalize(1);
		assert!(pallet_transaction_payment::NextFeeMultiplier::<Runtime>::get() > before);
		assert!(after.saturating_mul_int(1_000_000u128) > 1_000_000);
	});
}

/// The health council: seats and prime from genesis, the thresholds of each origin, motions that
/// act as the medical authority and authorise runtime upgrades.
pub(crate) mod governance {
	use super::*;
	use crate::{
		configs::{
			CouncilCollective, CouncilMotionDuration, MedicalAuthority, RuntimeUpgradeOrigin,
		},
		genesis_config_presets::demo_council_members,
		Council, CouncilMembership, Hash, RuntimeCall, RuntimeEvent, Sudo,
	};
	use codec::Encode;
	use frame_support::{
		dispatch::{DispatchResultWithPostInfo, GetDispatchInfo},
		traits::EnsureOrigin,
	};
	use ruralmed_primitives::{OrganisationKind, OrganisationStatus, RegionCode};
	use sp_runtime::{
		traits::{BlakeTwo256, Hash as _},
		DispatchError,
	};

	type CouncilError = pallet_collective::Error<Runtime, CouncilCollective>;

	/// `who` proposes `call` to the council with `threshold`; returns the motion's hash and
	/// index.
	pub(super) fn propose(
		who: sp_keyring::Sr25519Keyring,
		call: &RuntimeCall,
		threshold: u32,
	) -> (Hash, u32) {
		let index = pallet_collective::ProposalCount::<Runtime, CouncilCollective>::get();
		assert_ok!(Council::propose(
			RuntimeOrigin::signed(acc(who)),
			threshold,
			Box::new(call.clone()),
			call.encoded_size() as u32
		));
		(BlakeTwo256::hash_of(call), index)
	}

	pub(super) fn vote(who: sp_keyring::Sr25519Keyring, motion: (Hash, u32), aye: bool) {
		assert_ok!(Council::vote(RuntimeOrigin::signed(acc(who)), motion.0, motion.1, aye));
	}

	/// Anyone (here Dave, not a member) closes the motion.
	pub(super) fn close(motion: (Hash, u32), call: &RuntimeCall) -> DispatchResultWithPostInfo {
		Council::close(
			RuntimeOrigin::signed(acc(Dave)),
			motion.0,
			motion.1,
			call.get_dispatch_info().call_weight,
			call.encoded_size() as u32,
		)
	}

	/// The result of the motion's call, if the council dispatched it.
	pub(super) fn executed(motion: (Hash, u32)) -> Option<Result<(), DispatchError>> {
		System::events().into_iter().rev().find_map(|record| match record.event {
			RuntimeEvent::Council(pallet_collective::Event::Executed { proposal_hash, result })
				if proposal_hash == motion.0 =>
			{
				Some(result)
			}
			_ => None,
		})
	}

	/// Ferdie applies for a new township health centre; returns its id.
	fn pending_organisation() -> u32 {
		let org = pallet_registry::NextOrganisationId::<Runtime>::get();
		assert_ok!(Registry::apply_for_organisation(
			RuntimeOrigin::signed(acc(Ferdie)),
			OrganisationKind::TownshipHealthCentre,
			b"Hekou Township Health Centre".to_vec(),
			RegionCode::new(1001, 1, 0)
		));
		org
	}

	fn status(org: u32) -> OrganisationStatus {
		pallet_registry::Organisations::<Runtime>::get(org).expect("organisation exists").status
	}

	fn council_origin(ayes: u32, seats: u32) -> RuntimeOrigin {
		pallet_collective::RawOrigin::<AccountId, CouncilCollective>::Members(ayes, seats).into()
	}

	#[test]
	fn both_presets_seat_the_demo_council_and_only_development_has_sudo() {
		for (id, sudo) in [("development", Some(acc(Alice))), ("local_testnet", None)] {
			with_preset(id, || {
				let mut seats = demo_council_members();
				seats.sort();
				assert_eq!(pallet_collective::Members::<Runtime, CouncilCollective>::get(), seats);
				assert_eq!(CouncilMembership::members().into_inner(), seats);
				assert_eq!(
					pallet_collective::Prime::<Runtime, CouncilCollective>::get(),
					Some(acc(Alice))
				);
				assert_eq!(CouncilMembership::prime(), Some(acc(Alice)));
				assert_eq!(pallet_sudo::Key::<Runtime>::get(), sudo);
			});
		}
		with_preset("local_testnet", || {
			let call = Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }));
			assert_noop!(
				Sudo::sudo(RuntimeOrigin::signed(acc(Alice)), call),
				pallet_sudo::Error::<Runtime>::RequireSudo
			);
		});
	}

	#[test]
	fn thresholds_are_as_documented() {
		with_preset("local_testnet", || {
			// Medical authority: strictly more than half of the seats.
			for (ayes, seats, passes) in [(1, 3, false), (2, 3, true), (2, 4, false), (3, 4, true)]
			{
				assert_eq!(
					MedicalAuthority::try_origin(council_origin(ayes, seats)).is_ok(),
					passes,
					"medical authority with {ayes} of {seats}"
				);
			}
			// Runtime upgrades and seats: at least two thirds.
			for (ayes, seats, passes) in [
				(1, 3, false),
				(2, 3, true),
				(2, 4, false),
				(3, 4, true),
				(3, 5, false),
				(4, 5, true),
			] {
				assert_eq!(
					RuntimeUpgradeOrigin::try_origin(council_origin(ayes, seats)).is_ok(),
					passes,
					"runtime upgrade with {ayes} of {seats}"
				);
			}
			// Root passes both; a signed member alone passes neither.
			assert!(MedicalAuthority::try_origin(RuntimeOrigin::root()).is_ok());
			assert!(RuntimeUpgradeOrigin::try_origin(RuntimeOrigin::root()).is_ok());
			assert!(MedicalAuthority::try_origin(RuntimeOrigin::signed(acc(Alice))).is_err());
			assert!(RuntimeUpgradeOrigin::try_origin(RuntimeOrigin::signed(acc(Alice))).is_err());
		});
	}

	#[test]
	fn a_council_majority_verifies_an_organisation() {
		with_preset("local_testnet", || {
			let org = pending_organisation();
			let call = RuntimeCall::Registry(pallet_registry::Call::verify_organisation { org });
			// One member alone is not the authority.
			assert_noop!(
				Registry::verify_organisation(council_origin(1, 3), org),
				DispatchError::BadOrigin
			);
			let motion = propose(Bob, &call, 2);
			vote(Bob, motion, true);
			// Not carried yet, and the voting period is not over.
			assert_noop!(close(motion, &call), CouncilError::TooEarly);
			vote(Charlie, motion, true);
			// Two of three: carried at once, without waiting for the period.
			assert_ok!(close(motion, &call));
			assert_eq!(executed(motion), Some(Ok(())));
			assert_eq!(status(org), OrganisationStatus::Active);
			System::assert_has_event(
				pallet_registry::Event::<Runtime>::OrganisationVerified { org }.into(),
			);
		});
	}

	/// Security review M15: members who did not vote count as nay after the period, so neither
	/// a majority motion nor a two-thirds one passes on the prime's aye and the others' silence.
	#[test]
	fn silence_passes_no_motion_after_the_period() {
		with_preset("development", || {
			assert_eq!(CouncilMotionDuration::get(), 3 * crate::DAYS);
			let org = pending_organisation();
			let verify = RuntimeCall::Registry(pallet_registry::Call::verify_organisation { org });
			let motion = propose(Alice, &verify, 2);
			vote(Alice, motion, true);
			assert_noop!(close(motion, &verify), CouncilError::TooEarly);
			System::set_block_number(1 + CouncilMotionDuration::get());
			assert_ok!(close(motion, &verify));
			System::assert_has_event(
				pallet_collective::Event::<Runtime, CouncilCollective>::Closed {
					proposal_hash: motion.0,
					yes: 1,
					no: 2,
				}
				.into(),
			);
			assert_eq!(executed(motion), None);
			assert_eq!(status(org), OrganisationStatus::Pending);

			// The review's scenario: the prime proposes an upgrade at threshold 2 and votes aye,
			// Charlie votes nay, Bob stays silent.
			let code_hash = BlakeTwo256::hash(b"the prime's own runtime");
			let upgrade =
				RuntimeCall::Governance(crate::governance::Call::authorize_upgrade { code_hash });
			let motion = propose(Alice, &upgrade, 2);
			vote(Alice, motion, true);
			vote(Charlie, motion, false);
			System::set_block_number(System::block_number() + CouncilMotionDuration::get() + 1);
			assert_ok!(close(motion, &upgrade));
			assert_eq!(executed(motion), None);
			assert!(System::authorized_upgrade().is_none());

			// The prime seating a fourth member the same way.
			let add = RuntimeCall::CouncilMembership(pallet_membership::Call::add_member {
				who: acc(Dave).into(),
			});
			let motion = propose(Alice, &add, 2);
			vote(Alice, motion, true);
			System::set_block_number(System::block_number() + CouncilMotionDuration::get() + 1);
			assert_ok!(close(motion, &add));
			assert_eq!(executed(motion), None);
			assert!(!pallet_collective::Members::<Runtime, CouncilCollective>::get()
				.contains(&acc(Dave)));
		});
	}

	/// Two thirds of the council set how long motions stay open, within a minute and a month;
	/// `local_testnet` starts with ten minutes, the other chains with three days.
	#[test]
	fn the_council_sets_the_motion_period_within_bounds() {
		use crate::genesis_config_presets::LOCAL_MOTION_DURATION;
		type GovernanceError = crate::governance::Error<Runtime>;
		with_preset("local_testnet", || {
			assert_eq!(CouncilMotionDuration::get(), LOCAL_MOTION_DURATION);
			let set = |blocks| {
				RuntimeCall::Governance(crate::governance::Call::set_motion_duration { blocks })
			};
			let motion = propose(Alice, &set(crate::DAYS), 2);
			vote(Alice, motion, true);
			vote(Bob, motion, true);
			assert_ok!(close(motion, &set(crate::DAYS)));
			assert_eq!(executed(motion), Some(Ok(())));
			assert_eq!(CouncilMotionDuration::get(), crate::DAYS);
			System::assert_has_event(
				crate::governance::Event::<Runtime>::MotionDurationSet { blocks: crate::DAYS }
					.into(),
			);

			for blocks in [0, crate::MINUTES - 1, 30 * crate::DAYS + 1] {
				let motion = propose(Alice, &set(blocks), 2);
				vote(Alice, motion, true);
				vote(Charlie, motion, true);
				assert_ok!(close(motion, &set(blocks)));
				assert_eq!(
					executed(motion),
					Some(Err(GovernanceError::MotionDurationOutOfRange.into()))
				);
			}
			assert_noop!(
				crate::Governance::set_motion_duration(council_origin(1, 3), crate::MINUTES),
				DispatchError::BadOrigin
			);
			assert_noop!(
				crate::Governance::set_motion_duration(
					RuntimeOrigin::signed(acc(Alice)),
					crate::MINUTES
				),
				DispatchError::BadOrigin
			);
			assert_eq!(CouncilMotionDuration::get(), crate::DAYS);
		});
	}

	/// A test network may shorten the motion period through Root; motions already open keep
	/// their end.
	#[test]
	fn root_may_shorten_the_motion_period() {
		with_preset("development", || {
			let org = pending_organisation();
			let call = RuntimeCall::Registry(pallet_registry::Call::verify_organisation { org });
			let long = propose(Alice, &call, 3);
			assert_ok!(System::set_storage(
				RuntimeOrigin::root(),
				vec![(CouncilMotionDuration::key().to_vec(), 10u32.encode())]
			));
			assert_eq!(CouncilMotionDuration::get(), 10);
			let org2 = pending_organisation();
			let call2 =
				RuntimeCall::Registry(pallet_registry::Call::verify_organisation { org: org2 });
			let short = propose(Alice, &call2, 3);
			System::set_block_number(System::block_number() + 11);
			assert_ok!(close(short, &call2));
			assert_noop!(close(long, &call), CouncilError::TooEarly);
		});
	}

	#[test]
	fn a_non_member_can_neither_propose_nor_vote() {
		with_preset("local_testnet", || {
			let org = pending_organisation();
			let call = RuntimeCall::Registry(pallet_registry::Call::verify_organisation { org });
			assert_noop!(
				Council::propose(
					RuntimeOrigin::signed(acc(Dave)),
					2,
					Box::new(call.clone()),
					call.encoded_size() as u32
				),
				CouncilError::NotMember
			);
			let motion = propose(Alice, &call, 2);
			assert_noop!(
				Council::vote(RuntimeOrigin::signed(acc(Dave)), motion.0, motion.1, true),
				CouncilError::NotMember
			);
			assert_eq!(status(org), OrganisationStatus::Pending);
		});
	}

	#[test]
	fn one_member_cannot_authorise_an_upgrade_and_two_thirds_can() {
		with_preset("local_testnet", || {
			let code_hash = BlakeTwo256::hash(b"the new runtime");
			let call =
				RuntimeCall::Governance(crate::governance::Call::authorize_upgrade { code_hash });
			// Threshold 1 dispatches at once, as `Members(1, 3)`: refused.
			let alone = propose(Alice, &call, 1);
			assert_eq!(executed(alone), Some(Err(DispatchError::BadOrigin)));
			assert!(System::authorized_upgrade().is_none());
			// A signed member calling directly: refused.
			assert_noop!(
				crate::Governance::authorize_upgrade(RuntimeOrigin::signed(acc(Alice)), code_hash),
				DispatchError::BadOrigin
			);
			// Two of three.
			let motion = propose(Alice, &call, 2);
			vote(Alice, motion, true);
			vote(Charlie, motion, true);
			assert_ok!(close(motion, &call));
			assert_eq!(executed(motion), Some(Ok(())));
			let authorised = System::authorized_upgrade().expect("upgrade authorised");
			assert_eq!(authorised.code_hash(), &code_hash);
			System::assert_has_event(
				frame_system::Event::<Runtime>::UpgradeAuthorized {
					code_hash,
					check_version: true,
				}
				.into(),
			);
		});
	}

	#[test]
	fn code_that_was_not_authorised_is_refused() {
		with_preset("local_testnet", || {
			let code = b"a runtime nobody voted for".to_vec();
			assert_noop!(
				System::apply_authorized_upgrade(RuntimeOrigin::signed(acc(Dave)), code.clone()),
				frame_system::Error::<Runtime>::NothingAuthorized
			);
			assert_ok!(crate::Governance::authorize_upgrade(
				RuntimeOrigin::root(),
				BlakeTwo256::hash(b"the runtime the council voted for")
			));
			assert_noop!(
				System::apply_authorized_upgrade(RuntimeOrigin::signed(acc(Dave)), code),
				frame_system::Error::<Runtime>::Unauthorized
			);
			assert!(System::authorized_upgrade().is_some());
		});
	}

	#[test]
	fn the_council_changes_its_own_seats_and_prime() {
		with_preset("local_testnet", || {
			let add = RuntimeCall::CouncilMembership(pallet_membership::Call::add_member {
				who: acc(Dave).into(),
			});
			// A signed member alone cannot.
			assert_noop!(
				CouncilMembership::add_member(RuntimeOrigin::signed(acc(Alice)), acc(Dave).into()),
				DispatchError::BadOrigin
			);
			let motion = propose(Alice, &add, 2);
			vote(Alice, motion, true);
			vote(Bob, motion, true);
			assert_ok!(close(motion, &add));
			assert!(pallet_collective::Members::<Runtime, CouncilCollective>::get()
				.contains(&acc(Dave)));
			// Four seats now: Dave, a member, may propose; two of four is no longer a majority.
			let set_prime = RuntimeCall::CouncilMembership(pallet_membership::Call::set_prime {
				who: acc(Bob).into(),
			});
			let motion = propose(Dave, &set_prime, 2);
			vote(Dave, motion, true);
			vote(Bob, motion, true);
			assert_ok!(close(motion, &set_prime));
			assert_eq!(executed(motion), Some(Err(DispatchError::BadOrigin)));
			assert_eq!(CouncilMembership::prime(), Some(acc(Alice)));
		});
	}
}

/// The validator set (spec 106): the presets' validators in the session, the council adding
/// and removing one, the set reaching Aura and GRANDPA at a session boundary, and the migration
/// of a chain whose authorities were fixed in its genesis.
mod validators {
	use super::{
		governance::{close, executed, propose, vote},
		*,
	};
	use crate::{
		migrations::ValidatorsFromAuthorities, opaque::SessionKeys, Grandpa, RuntimeCall, Session,
		ValidatorSet,
	};
	use codec::Encode;
	use frame_support::traits::{Hooks, OnRuntimeUpgrade};
	use sp_core::{ed25519, proof_of_possession::ProofOfPossessionGenerator, sr25519, Pair};

	type ValidatorSetError = pallet_validator_set::Error<Runtime>;

	/// Fresh session keys for `who`'s validator and their proof of possession, as
	/// `author_rotateKeysWithOwner` returns them.
	fn new_keys(who: &AccountId, seed: &str) -> (SessionKeys, Vec<u8>) {
		let mut aura = sr25519::Pair::from_string(&format!("//{seed}//aura"), None).unwrap();
		let mut grandpa = ed25519::Pair::from_string(&format!("//{seed}//grandpa"), None).unwrap();
		let owner = who.encode();
		let proof = (
			aura.generate_proof_of_possession(&owner),
			grandpa.generate_proof_of_possession(&owner),
		)
			.encode();
		(SessionKeys { aura: aura.public().into(), grandpa: grandpa.public().into() }, proof)
	}

	fn aura_keys() -> Vec<[u8; 32]> {
		pallet_aura::Authorities::<Runtime>::get()
			.into_iter()
			.map(|k| sr25519::Public::from(k).0)
			.collect()
	}

	fn grandpa_keys() -> Vec<[u8; 32]> {
		Grandpa::grandpa_authorities()
			.into_iter()
			.map(|(k, _)| ed25519::Public::from(k).0)
			.collect()
	}

	/// Runs the session's hook and GRANDPA's at every block up to `n`, as block execution
	/// does: sessions rotate, and a scheduled GRANDPA change is enacted.
	fn run_to_block(n: u32) {
		while System::block_number() < n {
			let next = System::block_number() + 1;
			System::set_block_number(next);
			Session::on_initialize(next);
			Grandpa::on_finalize(next);
		}
	}

	/// The council's validator set.
	fn council_set() -> Vec<AccountId> {
		pallet_validator_set::Validators::<Runtime>::get().into_inner()
	}

	fn sorted(mut accounts: Vec<AccountId>) -> Vec<AccountId> {
		accounts.sort();
		accounts
	}

	#[test]
	fn the_presets_validators_are_in_the_session_aura_and_grandpa() {
		for (id, validators, length) in [
			("development", vec![acc(Alice)], crate::HOURS),
			("local_testnet", vec![acc(Alice), acc(Bob), acc(Charlie), acc(Dave)], crate::MINUTES),
		] {
			with_preset(id, || {
				assert_eq!(council_set(), sorted(validators.clone()), "{id}: the council's set");
				// The session takes the council's set, in its (sorted) order.
				assert_eq!(
					Session::validators(),
					sorted(validators.clone()),
					"{id}: the session's validators"
				);
				assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), validators.len());
				assert_eq!(Grandpa::grandpa_authorities().len(), validators.len());
				assert_eq!(pallet_validator_set::SessionLength::<Runtime>::get(), length);
				pallet_validator_set::Pallet::<Runtime>::do_try_state().unwrap();
			});
		}
	}

	#[test]
	fn the_council_adds_a_hospital_validator_which_then_authors_and_votes() {
		with_preset("local_testnet", || {
			// Eve's hospital registers its keys, then the council adds it (2 of 3).
			let (keys, proof) = new_keys(&acc(Eve), "Eve");
			let add = RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
				validator: acc(Eve),
			});
			let early = propose(Alice, &add, 2);
			vote(Alice, early, true);
			vote(Bob, early, true);
			assert_ok!(close(early, &add));
			assert_eq!(executed(early), Some(Err(ValidatorSetError::NoSessionKeys.into())));

			let (bad_keys, _) = new_keys(&acc(Eve), "Mallory");
			assert_noop!(
				Session::set_keys(RuntimeOrigin::signed(acc(Eve)), bad_keys, proof.clone()),
				pallet_session::Error::<Runtime>::InvalidProof
			);
			assert_ok!(Session::set_keys(RuntimeOrigin::signed(acc(Eve)), keys.clone(), proof));
			let motion = propose(Alice, &add, 2);
			vote(Alice, motion, true);
			vote(Bob, motion, true);
			assert_ok!(close(motion, &add));
			assert_eq!(executed(motion), Some(Ok(())));
			assert!(council_set().contains(&acc(Eve)));

			// Queued at the first boundary, the authorities at the second.
			let length = pallet_validator_set::SessionLength::<Runtime>::get();
			run_to_block(length);
			assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 4);
			run_to_block(2 * length);
			assert_eq!(Session::validators().len(), 5);
			assert!(aura_keys().contains(&sr25519::Public::from(keys.aura.clone()).0));
			assert!(grandpa_keys().contains(&ed25519::Public::from(keys.grandpa.clone()).0));
			pallet_validator_set::Pallet::<Runtime>::do_try_state().unwrap();
		});
	}

	#[test]
	fn the_council_removes_validators_but_not_below_three() {
		with_preset("local_testnet", || {
			let remove = |who| {
				RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
					validator: acc(who),
				})
			};
			let motion = propose(Alice, &remove(Dave), 2);
			vote(Alice, motion, true);
			vote(Charlie, motion, true);
			assert_ok!(close(motion, &remove(Dave)));
			assert_eq!(executed(motion), Some(Ok(())));

			let below = propose(Alice, &remove(Charlie), 2);
			vote(Alice, below, true);
			vote(Bob, below, true);
			assert_ok!(close(below, &remove(Charlie)));
			assert_eq!(executed(below), Some(Err(ValidatorSetError::TooFewValidators.into())));
			assert_eq!(council_set(), sorted(vec![acc(Alice), acc(Bob), acc(Charlie)]));

			let length = pallet_validator_set::SessionLength::<Runtime>::get();
			run_to_block(2 * length);
			assert_eq!(Session::validators(), sorted(vec![acc(Alice), acc(Bob), acc(Charlie)]));
			assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 3);
			assert_eq!(Grandpa::grandpa_authorities().len(), 3);
			assert!(!aura_keys().contains(&Dave.public().0));
			assert!(!grandpa_keys().contains(&sp_keyring::Ed25519Keyring::Dave.public().0));
		});
	}

	#[test]
	fn one_council_member_cannot_change_the_validators() {
		with_preset("local_testnet", || {
			let one_of_three = pallet_collective::RawOrigin::<
				AccountId,
				crate::configs::CouncilCollective,
			>::Members(1, 3);
			assert_noop!(
				ValidatorSet::remove_validator(one_of_three.into(), acc(Dave)),
				sp_runtime::DispatchError::BadOrigin
			);
			assert_noop!(
				ValidatorSet::add_validator(RuntimeOrigin::signed(acc(Alice)), acc(Eve)),
				sp_runtime::DispatchError::BadOrigin
			);
		});
	}

	/// A chain of spec 105 or earlier: Aura's and GRANDPA's authorities from its genesis, no
	/// session, no validator set.
	fn fixed_authorities_chain() -> sp_io::TestExternalities {
		use sp_keyring::Ed25519Keyring;
		let mut config = RuntimeGenesisConfig::default();
		config.aura.authorities = vec![Alice.public().into(), Bob.public().into()];
		config.grandpa.authorities = vec![
			(Ed25519Keyring::Alice.public().into(), 1),
			(Ed25519Keyring::Bob.public().into(), 1),
		];
		config.balances.balances = vec![(acc(Alice), crate::UNIT)];
		let storage = sp_runtime::BuildStorage::build_storage(&config).expect("genesis builds");
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	#[test]
	fn a_chain_of_fixed_authorities_keeps_its_validators_under_the_council() {
		fixed_authorities_chain().execute_with(|| {
			assert!(Session::validators().is_empty());
			let aura_before = aura_keys();
			let grandpa_before = grandpa_keys();

			#[cfg(feature = "try-runtime")]
			let state = ValidatorsFromAuthorities::pre_upgrade().expect("pre_upgrade");
			ValidatorsFromAuthorities::on_runtime_upgrade();
			#[cfg(feature = "try-runtime")]
			ValidatorsFromAuthorities::post_upgrade(state).expect("post_upgrade");

			// Bob held nothing: his keys got him a provider reference, as at genesis.
			assert_eq!(Session::validators(), vec![acc(Alice), acc(Bob)]);
			assert_eq!(council_set(), sorted(vec![acc(Alice), acc(Bob)]));
			let alice_keys = pallet_session::NextKeys::<Runtime>::get(acc(Alice)).unwrap();
			assert_eq!(sr25519::Public::from(alice_keys.aura).0, Alice.public().0);
			assert_eq!(
				pallet_session::KeyOwner::<Runtime>::get((
					sp_core::crypto::key_types::AURA,
					Bob.public().0.to_vec()
				)),
				Some(acc(Bob))
			);
			assert!(System::providers(&acc(Bob)) > 0);

			// Idempotent: a second run changes nothing.
			let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
			ValidatorsFromAuthorities::on_runtime_upgrade();
			assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);

			// Sessions rotate without changing Aura's or GRANDPA's set.
			let length = pallet_validator_set::SessionLength::<Runtime>::get();
			run_to_block(2 * length);
			assert_eq!(Session::current_index(), 2);
			assert_eq!(aura_keys(), aura_before);
			assert_eq!(grandpa_keys(), grandpa_before);
			assert!(pallet_grandpa::PendingChange::<Runtime>::get().is_none());
			pallet_validator_set::Pallet::<Runtime>::do_try_state().unwrap();

			// A migrated validator rotates its keys; they take effect two sessions later.
			let (keys, proof) = new_keys(&acc(Alice), "Alice-new");
			assert_ok!(Session::set_keys(RuntimeOrigin::signed(acc(Alice)), keys.clone(), proof));
			run_to_block(4 * length);
			assert!(aura_keys().contains(&sr25519::Public::from(keys.aura).0));
			assert_eq!(aura_keys().len(), 2);
		});
	}

	#[test]
	fn the_migration_leaves_a_chain_that_has_a_session_alone() {
		with_preset("local_testnet", || {
			let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
			ValidatorsFromAuthorities::on_runtime_upgrade();
			assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
		});
	}
}

/// The runtime upgrade under try-runtime, over a real chain's state: every migration's
/// `pre_upgrade` and `post_upgrade` checks, the whole state decoded with the new types, every
/// pallet's `try_state`, and a second run that must change nothing. The state is a snapshot of
/// a chain running the previous release (`scripts/js/state-snapshot.mjs`), which
/// `scripts/upgrade-checks.sh` takes before it upgrades that chain and then runs this test on.
#[cfg(feature = "try-runtime")]
mod try_runtime_upgrade {
	use crate::{
		Consent, DrugProvenance, EmergencySupply, Executive, PatientRecords, Registry, System,
	};
	use frame_support::traits::{GetStorageVersion, StorageVersion};
	use frame_try_runtime::UpgradeCheckSelect;

	/// Names the file of the state snapshot (JSON: `{ "number", "specVersion", "top": [[key, value]…] }`, hex).
	const SNAPSHOT_ENV: &str = "RURALMED_STATE_SNAPSHOT";

	fn load_snapshot(path: &str) -> (sp_io::TestExternalities, u64, u64) {
		let json: serde_json::Value =
			serde_json::from_slice(&std::fs::read(path).expect("the snapshot file reads"))
				.expect("the snapshot is JSON");
		let mut storage = sp_runtime::Storage::default();
		for pair in json["top"].as_array().expect("top: an array of [key, value]") {
			let hex = |i: usize| {
				sp_core::bytes::from_hex(pair[i].as_str().expect("hex strings")).expect("valid hex")
			};
			storage.top.insert(hex(0), hex(1));
		}
		let number = json["number"].as_u64().expect("the snapshot's block number");
		let spec = json["specVersion"].as_u64().expect("the snapshot's spec version");
		(sp_io::TestExternalities::new(storage), number, spec)
	}

	fn medical_storage_versions() -> [(&'static str, StorageVersion, StorageVersion); 5] {
		[
			("Registry", Registry::on_chain_storage_version(), Registry::in_code_storage_version()),
			(
				"PatientRecords",
				PatientRecords::on_chain_storage_version(),
				PatientRecords::in_code_storage_version(),
			),
			("Consent", Consent::on_chain_storage_version(), Consent::in_code_storage_version()),
			(
				"DrugProvenance",
				DrugProvenance::on_chain_storage_version(),
				DrugProvenance::in_code_storage_version(),
			),
			(
				"EmergencySupply",
				EmergencySupply::on_chain_storage_version(),
				EmergencySupply::in_code_storage_version(),
			),
		]
	}

	#[test]
	#[ignore = "needs a state snapshot in RURALMED_STATE_SNAPSHOT: run by scripts/upgrade-checks.sh"]
	fn previous_release_state_upgrades_under_try_runtime() {
		let path = std::env::var(SNAPSHOT_ENV)
			.unwrap_or_else(|_| panic!("set {SNAPSHOT_ENV} to a state snapshot's file"));
		let (mut ext, number, spec) = load_snapshot(&path);
		ext.execute_with(|| {
			let keys = ext_key_count();
			println!("try-runtime: snapshot of block #{number} (spec {spec}), {keys} storage keys");
			assert_eq!(System::block_number(), number as u32, "the snapshot's block number");
			let before = medical_storage_versions();
			for (pallet, on_chain, in_code) in &before {
				println!("try-runtime: {pallet} storage version {on_chain:?} on chain, {in_code:?} in code");
			}
			assert!(
				before.iter().any(|(_, on_chain, in_code)| on_chain < in_code),
				"the snapshot has nothing to migrate: it is not a previous release's state"
			);

			let weight = Executive::try_runtime_upgrade(UpgradeCheckSelect::All).expect(
				"the migrations' pre/post checks, the state's decoding or try_state failed",
			);
			println!(
				"try-runtime: migrations with pre/post checks, the whole state decoded and every \
				 pallet's try_state passed (weight {weight})"
			);
			for (pallet, on_chain, in_code) in medical_storage_versions() {
				assert_eq!(on_chain, in_code, "{pallet} is not at its code's storage version");
			}
			// Spec 106: the previous release's authorities are now the council's validators.
			let authorities = pallet_aura::Authorities::<crate::Runtime>::get().len();
			let validators = pallet_session::Validators::<crate::Runtime>::get();
			assert!(authorities > 0, "the snapshot has no Aura authorities");
			assert_eq!(validators.len(), authorities, "not every authority became a validator");
			assert_eq!(
				pallet_validator_set::Validators::<crate::Runtime>::get().len(),
				authorities,
				"the council's set does not hold every former authority"
			);
			println!(
				"try-runtime: ValidatorsFromAuthorities: {authorities} Aura/GRANDPA authorities are \
				 the session's and the council's validators, keys registered (pre/post checks passed)"
			);

			// Idempotent: a second upgrade finds everything migrated and changes nothing.
			let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
			Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
				.expect("the second run of the upgrade failed");
			assert_eq!(
				sp_io::storage::root(sp_runtime::StateVersion::V1),
				root,
				"a second run of the migrations changed the state"
			);
			println!("try-runtime: a second run changed nothing");
		});
	}

	/// How many keys the state holds (to show what was checked).
	fn ext_key_count() -> usize {
		let mut count = 0;
		let mut key = Vec::new();
		while let Some(next) = sp_io::storage::next_key(&key) {
			count += 1;
			key = next;
		}
		count
	}
}

/// A whole emergency round at the runtime's limits of items and needs, queued with one
/// `allocate_round` and allocated by the chain at the start of the following blocks: every block
/// stays within the allocation budget, a tenth of a block's normal dispatch, and the round ends
/// allocated as the per-item calls would have. Needs the registry's benchmark helper for the 64
/// clinics, so only with `runtime-benchmarks` (as `scripts/test.sh` runs the workspace tests).
#[cfg(feature = "runtime-benchmarks")]
#[test]
fn a_full_emergency_round_takes_at_most_a_tenth_of_each_block() {
	use crate::configs::{AllocationBudget, RuntimeBlockWeights};
	use frame_support::{
		dispatch::DispatchClass,
		traits::{fungible::Mutate, Get, Hooks},
		BoundedVec,
	};
	use pallet_emergency_supply::{
		DonationTarget, NeedReason, Priority, RoundQueue, SupplyItem, SupplyUnit, WeightInfo,
	};
	use ruralmed_primitives::{OrganisationKind, PractitionerRole, RegionCode};
	use sp_runtime::Perbill;
	type Config = <Runtime as pallet_emergency_supply::Config>::WeightInfo;

	with_preset("development", || {
		let normal = RuntimeBlockWeights::get()
			.get(DispatchClass::Normal)
			.max_total
			.expect("normal dispatch is bounded");
		let budget = AllocationBudget::get();
		assert_eq!(budget, Perbill::from_percent(10) * normal);

		let items: u32 = <Runtime as pallet_emergency_supply::Config>::MaxItems::get();
		let needs: u32 = <Runtime as pallet_emergency_supply::Config>::MaxNeedsPerRound::get();
		let pledges: u32 =
			<Runtime as pallet_emergency_supply::Config>::MaxPledgesPerEmergency::get();
		let round_length = 10u32;
		let start = System::block_number();
		let catalogue: Vec<SupplyItem> = (0..items)
			.map(|i| SupplyItem {
				code: BoundedVec::truncate_from(format!("ITEM-{i}").into_bytes()),
				unit: SupplyUnit::Piece,
				gtin: None,
			})
			.collect();
		assert_ok!(EmergencySupply::declare_emergency(
			RuntimeOrigin::root(),
			BoundedVec::truncate_from(b"Full round".to_vec()),
			BoundedVec::truncate_from(vec![RegionCode::new(1, 0, 0)]),
			BoundedVec::truncate_from(catalogue),
			start,
			start + 1_000,
			round_length,
		));
		let emergency = pallet_emergency_supply::NextEmergencyId::<Runtime>::get() - 1;

		// The benchmark helper's organisations all lie in (1, 1, 1): 64 clinics and a warehouse.
		let account = |name: &str, i: u32| -> AccountId {
			AccountId::from(codec::Encode::using_encoded(&(name, i), sp_io::hashing::blake2_256))
		};
		let clinics: Vec<(u32, AccountId)> = (0..needs)
			.map(|i| {
				let nurse = account("nurse", i);
				let org = <Registry as PractitionerDirectory<AccountId>>::benchmark_practitioner(
					&account("clinic-admin", i),
					&nurse,
					PractitionerRole::Nurse,
					OrganisationKind::VillageClinic,
				);
				(org, nurse)
			})
			.collect();
		let keeper = account("keeper", 0);
		let warehouse = <Registry as PractitionerDirectory<AccountId>>::benchmark_practitioner(
			&account("warehouse-admin", 0),
			&keeper,
			PractitionerRole::Nurse,
			OrganisationKind::Warehouse,
		);

		// Every pledge the emergency takes, spread over the items, from donors with their
		// deposits; half of what the needs lack arrives, so every tier shares.
		let per_item = pledges / items;
		for item in 0..items {
			for p in 0..per_item {
				let donor = account("donor", item * per_item + p);
				let _ = <crate::Balances as Mutate<AccountId>>::set_balance(
					&donor,
					1_000_000 * crate::UNIT,
				);
				assert_ok!(EmergencySupply::pledge(
					RuntimeOrigin::signed(donor),
					emergency,
					item,
					2_000,
					DonationTarget::Anywhere,
					warehouse,
					None
				));
				let donation = pallet_emergency_supply::NextDonationId::<Runtime>::get() - 1;
				assert_ok!(EmergencySupply::confirm_receipt(
					RuntimeOrigin::signed(keeper.clone()),
					donation,
					warehouse,
					2_000
				));
			}
			for (org, nurse) in &clinics {
				assert_ok!(EmergencySupply::file_need(
					RuntimeOrigin::signed(nurse.clone()),
					emergency,
					item,
					*org,
					1_000,
					0,
					100,
					Priority::Urgent,
					NeedReason::CaseSurge
				));
			}
		}
		System::set_block_number(start + round_length);
		assert_ok!(EmergencySupply::allocate_round(
			RuntimeOrigin::signed(acc(Alice)),
			emergency,
			0
		));

		let mut blocks = 0u32;
		let mut most = frame_support::weights::Weight::zero();
		while !RoundQueue::<Runtime>::get().is_empty() {
			let n = System::block_number() + 1;
			System::set_block_number(n);
			let used = EmergencySupply::on_initialize(n);
			assert!(used.all_lte(budget), "block {n} used {used:?} of {budget:?}");
			most = most.max(used);
			blocks += 1;
			assert!(blocks <= 3 * items, "the round never finished");
		}
		let totals = |item| pallet_emergency_supply::ItemTotals::<Runtime>::get(emergency, item);
		for item in 0..items {
			assert!(pallet_emergency_supply::AllocatedRounds::<Runtime>::contains_key((
				emergency, item, 0
			)));
			assert_eq!(totals(item).allocated, u64::from(per_item) * 2_000);
		}
		let allocations = pallet_emergency_supply::NextAllocationId::<Runtime>::get();
		let one_call =
			EmergencySupply::allocate_weight(needs, (allocations / u64::from(items)) as u32);
		println!(
			"full round: {items} items x {needs} needs, {allocations} allocations, in {blocks} \
			 blocks; the busiest used {:.1} ms of the {:.1} ms budget ({:.1}% of normal dispatch); \
			 idle block {:.1} µs; one allocate call per item would charge {:.1} ms each",
			most.ref_time() as f64 / 1e9,
			budget.ref_time() as f64 / 1e9,
			100.0 * most.ref_time() as f64 / normal.ref_time() as f64,
			Config::allocate_queued_idle().ref_time() as f64 / 1e6,
			one_call.ref_time() as f64 / 1e9,
		);
		pallet_emergency_supply::Pallet::<Runtime>::do_try_state()
			.expect("emergency supply invariants hold");
	});
}

/// The regional statistics against a recount: random operations through the real pallets and
/// calls, then every counter of every region and month compared with what the chain's storage
/// holds of them (the events each call left, and the records, lots and break-glass accesses
/// they name).
mod statistics {
	use super::*;
	use crate::Statistics;
	use frame_support::BoundedVec;
	use pallet_consent::{Grantee, Scope};
	use pallet_drug_provenance::{Gtin, RecallReason};
	use pallet_emergency_supply::{DonationTarget, NeedReason, Priority};
	use pallet_statistics::{month_of, Month, MonthFigures};
	use proptest::prelude::*;
	use ruralmed_primitives::{PractitionerDirectory, RegionCode};
	use std::collections::{BTreeMap, BTreeSet};

	/// 15 December 2026, 12:00 UTC.
	const MID_DECEMBER_2026: u64 = 1_797_336_000_000;
	const MONTH_MS: u64 = 30 * 86_400_000;

	#[derive(Clone, Debug)]
	enum Op {
		/// Author `0` (Charlie at Hekou, Dave's stash at Shanzhuang, Bob at the county
		/// hospital) writes a record of patient `1` (Eve, Ferdie).
		Anchor(usize, usize),
		/// Eve grants author `0` consent.
		Grant(usize),
		/// Bob breaks the glass for Ferdie; then Ferdie reviews the newest access.
		BreakGlass,
		Review,
		/// Charlie hands a pack of amoxicillin over at Hekou.
		Dispense,
		/// The maker recalls the MR vaccine lot (once; later tries are refused).
		Recall,
		/// Two pledges `0` units to the warehouse; the warehouse receives the newest pledge;
		/// Charlie files Hekou's need of `0` units.
		Pledge(u64),
		Receive,
		Need(u64),
		/// The clock moves on about a month.
		NextMonth,
	}

	fn op() -> impl Strategy<Value = Op> {
		prop_oneof![
			4 => (0..3usize, 0..2usize).prop_map(|(a, p)| Op::Anchor(a, p)),
			1 => (0..3usize).prop_map(Op::Grant),
			1 => Just(Op::BreakGlass),
			1 => Just(Op::Review),
			2 => Just(Op::Dispense),
			1 => Just(Op::Recall),
			1 => (1..500u64).prop_map(Op::Pledge),
			1 => Just(Op::Receive),
			1 => (1..500u64).prop_map(Op::Need),
			1 => Just(Op::NextMonth),
		]
	}

	const AUTHORS: [(sp_keyring::Sr25519Keyring, u32); 3] = [
		(Charlie, demo::HEKOU_CLINIC),
		(DaveStash, demo::SHANZHUANG_CLINIC),
		(Bob, demo::COUNTY_HOSPITAL),
	];
	const PATIENTS: [sp_keyring::Sr25519Keyring; 2] = [Eve, Ferdie];

	fn signed(k: sp_keyring::Sr25519Keyring) -> RuntimeOrigin {
		RuntimeOrigin::signed(acc(k))
	}

	fn next_block(time: u64) {
		System::set_block_number(System::block_number() + 1);
		pallet_timestamp::Now::<Runtime>::put(time);
	}

	fn lot(gtin: [u8; 14], number: &[u8]) -> u64 {
		DrugProvenance::verify(Gtin(gtin), number.to_vec(), None).lot.expect("a demo lot")
	}

	/// Both patients consent to each author's organisation; the maker ships amoxicillin to
	/// Hekou, which receives it. These count too (the consents).
	fn set_up() {
		for patient in PATIENTS {
			for (_, org) in AUTHORS {
				assert_ok!(Consent::grant_consent(
					signed(patient),
					acc(patient),
					Grantee::Organisation { org, roles: BoundedVec::new() },
					BoundedVec::truncate_from(vec![PurposeOfUse::Treatment]),
					Scope::AllRecords,
					0,
					1_000_000,
					true,
					false,
				));
			}
		}
		let amoxicillin = lot(demo::AMOXICILLIN, b"AMX-2026-001");
		assert_ok!(DrugProvenance::ship(
			signed(One),
			amoxicillin,
			demo::MANUFACTURER,
			demo::HEKOU_CLINIC,
			500,
			BoundedVec::new()
		));
		let shipment = pallet_drug_provenance::NextShipmentId::<Runtime>::get() - 1;
		assert_ok!(DrugProvenance::receive_shipment(
			signed(Charlie),
			shipment,
			500,
			BoundedVec::new()
		));
	}

	/// Runs `op`; a refused call changes nothing, so its result does not matter here.
	fn run(op: &Op, time: &mut u64) {
		next_block(*time);
		let _: sp_runtime::DispatchResult = match *op {
			Op::Anchor(author, patient) => PatientRecords::anchor_record(
				signed(AUTHORS[author].0),
				acc(PATIENTS[patient]),
				AUTHORS[author].1,
				RecordCategory::Encounter,
				sp_runtime::traits::BlakeTwo256::hash_of(&(System::block_number(), author as u32)),
				demo::COUNTY_HOSPITAL,
				100,
				None,
			)
			.map(|_| ()),
			Op::Grant(author) => Consent::grant_consent(
				signed(Eve),
				acc(Eve),
				Grantee::Practitioner(acc(AUTHORS[author].0)),
				BoundedVec::truncate_from(vec![PurposeOfUse::Treatment]),
				Scope::AllRecords,
				0,
				1_000_000,
				false,
				false,
			)
			.map(|_| ()),
			Op::BreakGlass => Consent::open_emergency_access(
				signed(Bob),
				acc(Ferdie),
				demo::COUNTY_HOSPITAL,
				sp_runtime::traits::BlakeTwo256::hash(b"unconscious"),
				10,
			)
			.map(|_| ()),
			Op::Review => Consent::review_emergency_access(
				signed(Ferdie),
				pallet_consent::NextEmergencyId::<Runtime>::get().saturating_sub(1),
				true,
			)
			.map(|_| ()),
			Op::Dispense => DrugProvenance::dispense(
				signed(Charlie),
				lot(demo::AMOXICILLIN, b"AMX-2026-001"),
				demo::HEKOU_CLINIC,
				1,
				BoundedVec::new(),
				None,
			)
			.map(|_| ()),
			Op::Recall => DrugProvenance::recall_lot(
				signed(One),
				lot(demo::MR_VACCINE, b"MR-2026-001"),
				RecallReason::QualityDefect,
			)
			.map(|_| ()),
			Op::Pledge(units) => EmergencySupply::pledge(
				signed(Two),
				0,
				0,
				units,
				DonationTarget::Anywhere,
				demo::WAREHOUSE,
				None,
			)
			.map(|_| ()),
			Op::Receive => {
				let donation = pallet_emergency_supply::NextDonationId::<Runtime>::get();
				let pledged =
					pallet_emergency_supply::Donations::<Runtime>::get(donation.saturating_sub(1))
						.map_or(1, |d| d.pledged);
				EmergencySupply::confirm_receipt(
					signed(EveStash),
					donation.saturating_sub(1),
					demo::WAREHOUSE,
					pledged,
				)
				.map(|_| ())
			}
			Op::Need(units) => EmergencySupply::file_need(
				signed(Charlie),
				0,
				0,
				demo::HEKOU_CLINIC,
				units,
				0,
				10,
				Priority::Urgent,
				NeedReason::CaseSurge,
			)
			.map(|_| ()),
			Op::NextMonth => {
				*time += MONTH_MS;
				next_block(*time);
				Ok(())
			}
		};
	}

	/// `region` and the regions enclosing it.
	fn enclosing(region: RegionCode) -> Vec<RegionCode> {
		let mut all = vec![RegionCode::new(region.county, 0, 0)];
		if region.township != 0 {
			all.push(RegionCode::new(region.county, region.township, 0));
		}
		if region.village != 0 {
			all.push(region);
		}
		all
	}

	fn region_of(org: u32) -> RegionCode {
		<Registry as PractitionerDirectory<AccountId>>::organisation(org).expect("known").region
	}

	#[derive(Default)]
	struct Recount {
		figures: BTreeMap<(RegionCode, Month), MonthFigures>,
		patients: BTreeMap<(RegionCode, Month), BTreeSet<AccountId>>,
		clinicians: BTreeMap<(RegionCode, Month), BTreeSet<AccountId>>,
		products: BTreeMap<(RegionCode, Month, [u8; 14]), u64>,
	}

	impl Recount {
		fn at(&mut self, org: u32, month: Month, f: impl Fn(&mut MonthFigures)) {
			for region in enclosing(region_of(org)) {
				f(self
					.figures
					.entry((region, month))
					.or_insert(MonthFigures { month, ..Default::default() }));
			}
		}

		fn active(&mut self, org: u32, month: Month, who: &AccountId, patient: bool) {
			for region in enclosing(region_of(org)) {
				let sets = if patient { &mut self.patients } else { &mut self.clinicians };
				sets.entry((region, month)).or_default().insert(who.clone());
			}
		}
	}

	/// What the chain's storage says happened, month by month: `months[i]` is the month of the
	/// events from index `starts[i]` on.
	fn recount(starts: &[(usize, Month)]) -> Recount {
		use crate::RuntimeEvent as E;
		let mut r = Recount::default();
		for (index, record) in System::events().into_iter().enumerate() {
			let month = starts.iter().rev().find(|(start, _)| *start <= index).expect("a month").1;
			match record.event {
				E::PatientRecords(pallet_patient_records::Event::RecordAnchored {
					patient,
					author,
					organisation: Some(org),
					..
				}) => {
					r.at(org, month, |f| f.records_written += 1);
					r.active(org, month, &patient, true);
					r.active(org, month, &author, false);
				}
				E::Consent(pallet_consent::Event::ConsentGranted { grantee, .. }) => {
					let org = match grantee {
						Grantee::Organisation { org, .. } => Some(org),
						Grantee::Practitioner(who) => Registry::affiliations(&who).first().copied(),
					};
					if let Some(org) = org {
						r.at(org, month, |f| f.consent_grants += 1);
					}
				}
				E::Consent(pallet_consent::Event::EmergencyAccessOpened { org, .. }) => {
					r.at(org, month, |f| f.break_glass_accesses += 1)
				}
				E::Consent(pallet_consent::Event::EmergencyAccessAccepted { emergency }) => {
					let org = pallet_consent::EmergencyAccesses::<Runtime>::get(emergency)
						.expect("an access reviewed")
						.org;
					r.at(org, month, |f| f.break_glass_reviews += 1)
				}
				E::DrugProvenance(pallet_drug_provenance::Event::Dispensed {
					lot, org, ..
				}) => {
					let gtin =
						pallet_drug_provenance::Lots::<Runtime>::get(lot).expect("a lot").gtin.0;
					r.at(org, month, |f| f.dispensations += 1);
					// Only Charlie hands medicine over in this test.
					r.active(org, month, &acc(Charlie), false);
					for region in enclosing(region_of(org)) {
						*r.products.entry((region, month, gtin)).or_default() += 1;
					}
				}
				E::DrugProvenance(pallet_drug_provenance::Event::LotRecalled { lot, .. }) => {
					let maker = pallet_drug_provenance::Lots::<Runtime>::get(lot)
						.expect("a lot")
						.manufacturer;
					r.at(maker, month, |f| f.lots_recalled += 1)
				}
				E::EmergencySupply(pallet_emergency_supply::Event::NeedFiled {
					org,
					requested,
					..
				}) => r.at(org, month, |f| f.supplies_needed += requested),
				E::EmergencySupply(pallet_emergency_supply::Event::Pledged {
					warehouse,
					quantity,
					..
				}) => r.at(warehouse, month, |f| f.supplies_pledged += quantity),
				E::EmergencySupply(pallet_emergency_supply::Event::DonationReceived {
					warehouse,
					quantity,
					..
				}) => r.at(warehouse, month, |f| f.supplies_received += quantity),
				_ => {}
			}
		}
		let Recount { figures, patients, clinicians, .. } = &mut r;
		for key in clinicians.keys().chain(patients.keys()) {
			figures.entry(*key).or_insert(MonthFigures { month: key.1, ..Default::default() });
		}
		for (key, f) in figures.iter_mut() {
			f.active_patients = patients.get(key).map_or(0, |s| s.len() as u64);
			f.active_clinicians = clinicians.get(key).map_or(0, |s| s.len() as u64);
			f.supplies_short = f.supplies_needed.saturating_sub(f.supplies_delivered);
		}
		r
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(12))]
		#[test]
		fn every_counter_equals_a_recount_of_storage(ops in proptest::collection::vec(op(), 1..40)) {
			with_preset("development", || {
				let mut time = MID_DECEMBER_2026;
				next_block(time);
				let mut starts = vec![(0usize, month_of(time))];
				set_up();
				for op in &ops {
					run(op, &mut time);
					if month_of(time) != starts.last().expect("a month").1 {
						starts.push((System::events().len(), month_of(time)));
					}
				}
				let recount = recount(&starts);
				let months = month_of(time) - month_of(MID_DECEMBER_2026) + 1;
				let regions: BTreeSet<RegionCode> =
					(0..7).flat_map(|org| enclosing(region_of(org))).collect();
				for region in regions {
					let counted = Statistics::regional_statistics(region, month_of(MID_DECEMBER_2026), months)
						.expect("a valid question");
					for figures in counted {
						let expected = recount.figures.get(&(region, figures.month)).cloned()
							.unwrap_or(MonthFigures { month: figures.month, ..Default::default() });
						assert_eq!(figures, expected, "{region:?}");
						let by_product = Statistics::product_dispensations(
							region, figures.month, 1, vec![demo::AMOXICILLIN, demo::MR_VACCINE],
						).expect("a valid question");
						for p in by_product {
							assert_eq!(
								p.per_month[0],
								recount.products.get(&(region, figures.month, p.product)).copied().unwrap_or_default(),
							);
						}
					}
				}
				pallet_statistics::Pallet::<Runtime>::do_try_state().expect("statistics invariants hold");
			});
		}
	}
}

/// Patients pay nothing: a patient whose account holds no tokens at all, enrolled by a village
/// doctor, completes every patient flow through the real transaction pipeline (signature,
/// nonce, fee extension), and a flood of free calls is cut off at the daily limit before
/// anything runs.
mod free_patient_calls {
	use super::*;
	use crate::{
		configs::PatientsOwnCalls, Balances, Executive, RuntimeCall, SignedPayload, TxExtension,
		UncheckedExtrinsic,
	};
	use codec::Encode;
	use frame_support::{traits::fungible::Inspect, BoundedVec};
	use pallet_consent::{Grantee, Scope};
	use sp_core::{sr25519, Pair};
	use sp_runtime::{
		generic::Era,
		transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
		MultiAddress, MultiSignature,
	};

	const LIMIT: u32 = 100;

	fn zero_balance_patient() -> sr25519::Pair {
		sr25519::Pair::from_string("//a patient with no tokens", None).expect("valid seed")
	}

	fn tx_ext(nonce: u32) -> TxExtension {
		crate::tx_extension(Era::Immortal, nonce, 0)
	}

	/// `call` signed by `pair` with its account's next nonce, as a wallet would.
	pub(super) fn signed_by(pair: &sr25519::Pair, call: RuntimeCall) -> UncheckedExtrinsic {
		let who: AccountId = pair.public().into();
		let ext = tx_ext(System::account_nonce(&who));
		let payload = SignedPayload::new(call.clone(), ext.clone()).expect("implicit data");
		let signature = payload.using_encoded(|p| pair.sign(p));
		UncheckedExtrinsic::new_signed(
			call,
			MultiAddress::Id(who),
			MultiSignature::Sr25519(signature),
			ext,
		)
	}

	/// Includes `call` signed by `pair` as a block author would; the dispatch must succeed.
	pub(super) fn include(pair: &sr25519::Pair, call: RuntimeCall) {
		let outcome = Executive::apply_extrinsic(signed_by(pair, call.clone()));
		assert_eq!(outcome, Ok(Ok(())), "{call:?}");
	}

	/// What the pool says of `call` signed by `pair`, leaving no trace.
	pub(super) fn pool_verdict(
		pair: &sr25519::Pair,
		call: RuntimeCall,
	) -> Result<(), TransactionValidityError> {
		let xt = signed_by(pair, call);
		frame_support::storage::transactional::with_transaction_opaque_err(|| {
			let verdict = Executive::validate_transaction(
				TransactionSource::External,
				xt,
				System::parent_hash(),
			);
			sp_runtime::TransactionOutcome::Rollback(Ok::<_, ()>(verdict))
		})
		.expect("a storage layer is available")
		.expect("validation itself cannot fail")
		.map(|_| ())
	}

	fn enrol(patient: &AccountId) {
		assert_ok!(PatientRecords::register_patient_for(
			RuntimeOrigin::signed(acc(Charlie)),
			patient.clone(),
			demo::HEKOU_CLINIC
		));
	}

	fn key_call(byte: u8) -> RuntimeCall {
		RuntimeCall::Registry(pallet_registry::Call::publish_encryption_key { key: [byte; 32] })
	}

	#[test]
	fn a_patient_with_no_tokens_completes_every_patient_flow() {
		with_preset("development", || {
			let zed = zero_balance_patient();
			let patient: AccountId = zed.public().into();
			assert_eq!(Balances::balance(&patient), 0);
			// Not yet a patient: the chain refuses to carry its transactions for nothing.
			assert_eq!(pool_verdict(&zed, key_call(1)), Err(InvalidTransaction::Payment.into()));
			enrol(&patient);

			include(&zed, key_call(1));
			let grant = pallet_consent::NextGrantId::<Runtime>::get();
			include(
				&zed,
				RuntimeCall::Consent(pallet_consent::Call::grant_consent {
					patient: patient.clone(),
					grantee: Grantee::Organisation {
						org: demo::HEKOU_CLINIC,
						roles: BoundedVec::new(),
					},
					purposes: BoundedVec::truncate_from(vec![PurposeOfUse::Treatment]),
					scope: Scope::AllRecords,
					starts_at: 0,
					expires_at: 1_000_000,
					can_write: true,
					allow_referral: false,
				}),
			);
			// The village doctor writes a record; the patient shares its key with him.
			let record = charlie_writes_for(&patient);
			include(
				&zed,
				RuntimeCall::PatientRecords(pallet_patient_records::Call::attach_key_share {
					record,
					reader: acc(Charlie),
					purpose: PurposeOfUse::Treatment,
					wrapped_key: vec![7; 80],
				}),
			);
			// Reading her own record logs an access (the vault waits for it): free too.
			include(
				&zed,
				RuntimeCall::PatientRecords(pallet_patient_records::Call::log_access {
					record,
					purpose: PurposeOfUse::Treatment,
				}),
			);
			include(
				&zed,
				RuntimeCall::PatientRecords(pallet_patient_records::Call::dispute_record {
					record,
					reason: pallet_patient_records::DisputeReason::Incomplete,
					note: None,
				}),
			);
			include(
				&zed,
				RuntimeCall::PatientRecords(pallet_patient_records::Call::withdraw_dispute {
					record,
				}),
			);
			include(&zed, RuntimeCall::Consent(pallet_consent::Call::revoke_consent { grant }));
			// Break-glass at the county hospital; the patient reviews it.
			assert_ok!(Consent::open_emergency_access(
				RuntimeOrigin::signed(acc(Bob)),
				patient.clone(),
				demo::COUNTY_HOSPITAL,
				sp_runtime::traits::BlakeTwo256::hash(b"unconscious"),
				10,
			));
			let emergency = pallet_consent::NextEmergencyId::<Runtime>::get() - 1;
			include(
				&zed,
				RuntimeCall::Consent(pallet_consent::Call::review_emergency_access {
					emergency,
					accept: true,
				}),
			);
			include(
				&zed,
				RuntimeCall::PatientRecords(pallet_patient_records::Call::add_care_organisation {
					patient: patient.clone(),
					org: demo::COUNTY_HOSPITAL,
				}),
			);
			include(
				&zed,
				RuntimeCall::PatientRecords(pallet_patient_records::Call::erase_record { record }),
			);
			// Nothing was paid and nothing is held from the patient; ten free calls counted.
			assert_eq!(Balances::balance(&patient), 0);
			assert_eq!(Balances::total_balance(&patient), 0);
			assert_eq!(System::account_nonce(&patient), 10);
			assert_eq!(
				pallet_patient_records::FreeCallsUsed::<Runtime>::get(&patient).map(|u| u.used),
				Some(10)
			);
		});
	}

	#[test]
	fn a_flood_of_free_calls_is_cut_off_at_the_limit_before_anything_runs() {
		with_preset("development", || {
			let zed = zero_balance_patient();
			let patient: AccountId = zed.public().into();
			enrol(&patient);
			for i in 0..LIMIT {
				include(&zed, key_call((i % 250) as u8 + 1));
			}
			let exhausted =
				InvalidTransaction::Custom(pallet_patient_records::FREE_CALLS_EXHAUSTED);
			assert_eq!(pool_verdict(&zed, key_call(200)), Err(exhausted.into()));
			// A block author that still tried it: refused, nothing changed.
			let before = (
				System::account_nonce(&patient),
				pallet_registry::EncryptionKeys::<Runtime>::get(&patient),
				pallet_patient_records::FreeCallsUsed::<Runtime>::get(&patient),
			);
			assert_eq!(
				Executive::apply_extrinsic(signed_by(&zed, key_call(200))),
				Err(exhausted.into())
			);
			assert_eq!(
				before,
				(
					System::account_nonce(&patient),
					pallet_registry::EncryptionKeys::<Runtime>::get(&patient),
					pallet_patient_records::FreeCallsUsed::<Runtime>::get(&patient),
				)
			);
			// A day later the patient has a new day's free calls.
			System::set_block_number(1 + crate::DAYS);
			assert_eq!(pool_verdict(&zed, key_call(200)), Ok(()));
		});
	}

	#[test]
	fn only_the_patients_own_calls_are_free() {
		with_preset("development", || {
			let zed = zero_balance_patient();
			let patient: AccountId = zed.public().into();
			enrol(&patient);
			// A transfer is not a patient call: with nothing to pay the fee, refused.
			let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: MultiAddress::Id(acc(Alice)),
				value: 1,
			});
			let cost = |call: &RuntimeCall| {
				<PatientsOwnCalls as pallet_patient_records::FreeCallCost<_, _>>::free_call_cost(
					&patient, call,
				)
			};
			assert_eq!(cost(&transfer), None);
			assert_eq!(
				pool_verdict(&zed, transfer.clone()),
				Err(InvalidTransaction::Payment.into())
			);
			// A batch of free calls uses one per call; a batch with anything else, or a batch
			// inside a batch, is paid.
			let batch = |calls: Vec<RuntimeCall>| {
				RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })
			};
			assert_eq!(cost(&batch(vec![key_call(1), key_call(2)])), Some(2));
			assert_eq!(cost(&batch(vec![key_call(1), transfer.clone()])), None);
			assert_eq!(cost(&batch(vec![batch(vec![key_call(1)])])), None);
			assert_eq!(cost(&batch(vec![])), None);
			include(&zed, batch(vec![key_call(1), key_call(2)]));
			assert_eq!(
				pallet_patient_records::FreeCallsUsed::<Runtime>::get(&patient).map(|u| u.used),
				Some(2)
			);
			assert_eq!(Balances::balance(&patient), 0);
			// Another patient's business is not free: Eve's record, Eve's grant.
			let (eves_grant, _) = pallet_consent::GrantLocations::<Runtime>::iter()
				.find(|(_, (p, _))| *p == acc(Eve))
				.expect("Eve's demo grant to Hekou");
			assert_eq!(
				cost(&RuntimeCall::Consent(pallet_consent::Call::revoke_consent {
					grant: eves_grant
				})),
				None
			);
			assert_eq!(
				cost(&RuntimeCall::PatientRecords(
					pallet_patient_records::Call::add_care_organisation {
						patient: acc(Eve),
						org: demo::HEKOU_CLINIC,
					}
				)),
				None
			);
			// A practitioner's call is paid as before: Bob's fee is taken.
			let bob = sp_keyring::Sr25519Keyring::Bob.pair();
			let before = Balances::balance(&acc(Bob));
			include(&bob, key_call(9));
			assert!(Balances::balance(&acc(Bob)) < before);
			assert!(!pallet_patient_records::FreeCallsUsed::<Runtime>::contains_key(acc(Bob)));
		});
	}
}

/// Clinic staff sign with their own accounts through a limited, time-limited proxy
/// (`configs::ProxyType::ClinicalStaff`), and a departing nurse is removed in one call.
mod clinic_staff_proxies {
	use super::*;
	use crate::{configs::ProxyType, Balances, Proxy, RuntimeCall, RuntimeEvent};
	use frame_support::traits::{fungible::Inspect, ReservableCurrency};
	use sp_runtime::{DispatchError, MultiAddress};

	fn nurse() -> AccountId {
		acc(sp_keyring::Sr25519Keyring::Two) // not a practitioner of the clinic
	}

	fn anchor_call(seed: &[u8]) -> RuntimeCall {
		RuntimeCall::PatientRecords(pallet_patient_records::Call::anchor_record {
			patient: acc(Eve),
			org: demo::HEKOU_CLINIC,
			category: RecordCategory::Encounter,
			content_hash: sp_runtime::traits::BlakeTwo256::hash(seed),
			vault: demo::HEKOU_CLINIC,
			size_bytes: 100,
			amends: None,
		})
	}

	/// The nurse acts for Charlie; the result of the inner call.
	fn as_charlie(call: RuntimeCall) -> sp_runtime::DispatchResult {
		assert_ok!(Proxy::proxy(
			RuntimeOrigin::signed(nurse()),
			MultiAddress::Id(acc(Charlie)),
			None,
			Box::new(call)
		));
		System::events()
			.into_iter()
			.rev()
			.find_map(|r| match r.event {
				RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result }) => Some(result),
				_ => None,
			})
			.expect("the proxy ran the call")
	}

	fn filtered() -> sp_runtime::DispatchResult {
		Err(frame_system::Error::<Runtime>::CallFiltered.into())
	}

	#[test]
	fn a_nurse_writes_for_the_village_doctor_until_the_proxy_lapses() {
		with_preset("development", || {
			let until = System::block_number() + 100;
			let staff = ProxyType::ClinicalStaff { until };
			assert_ok!(Proxy::add_proxy(
				RuntimeOrigin::signed(acc(Charlie)),
				MultiAddress::Id(nurse()),
				staff,
				0
			));
			// Charlie holds the proxy deposit.
			assert_eq!(
				<Balances as ReservableCurrency<_>>::reserved_balance(&acc(Charlie)),
				crate::configs::ProxyDepositBase::get() + crate::configs::ProxyDepositFactor::get()
			);
			let record = pallet_patient_records::NextRecordId::<Runtime>::get();
			assert_eq!(as_charlie(anchor_call(b"first")), Ok(()));
			// The record is Charlie's; the nurse's signature is in the proxy's transaction.
			let anchored = pallet_patient_records::Records::<Runtime>::get(record).unwrap();
			assert_eq!(anchored.author, acc(Charlie));
			// Money, the registry and more proxies are out of reach, and change nothing.
			let before = Balances::balance(&acc(Charlie));
			assert_eq!(
				as_charlie(RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
					dest: MultiAddress::Id(nurse()),
					value: crate::UNIT,
				})),
				filtered()
			);
			assert_eq!(Balances::balance(&acc(Charlie)), before);
			assert_eq!(
				as_charlie(RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
					delegate: MultiAddress::Id(acc(Ferdie)),
					proxy_type: ProxyType::Any,
					delay: 0,
				})),
				filtered()
			);
			assert_eq!(
				as_charlie(RuntimeCall::Registry(pallet_registry::Call::publish_encryption_key {
					key: [1; 32]
				})),
				filtered()
			);
			// A batch is allowed only as far as its calls are.
			let batch = |calls| RuntimeCall::Utility(pallet_utility::Call::batch_all { calls });
			let next = pallet_patient_records::NextRecordId::<Runtime>::get();
			assert!(as_charlie(batch(vec![
				anchor_call(b"second"),
				RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
					dest: MultiAddress::Id(nurse()),
					value: crate::UNIT,
				}),
			]))
			.is_err());
			assert_eq!(pallet_patient_records::NextRecordId::<Runtime>::get(), next);
			assert_eq!(as_charlie(batch(vec![anchor_call(b"second")])), Ok(()));
			// At `until` the proxy lapses by itself.
			System::set_block_number(until);
			let next = pallet_patient_records::NextRecordId::<Runtime>::get();
			assert_eq!(as_charlie(anchor_call(b"late")), filtered());
			assert_eq!(pallet_patient_records::NextRecordId::<Runtime>::get(), next);
		});
	}

	#[test]
	fn a_departing_nurse_is_removed_in_one_call() {
		with_preset("development", || {
			let staff = ProxyType::ClinicalStaff { until: System::block_number() + 1_000 };
			let free_before = Balances::balance(&acc(Charlie));
			assert_ok!(Proxy::add_proxy(
				RuntimeOrigin::signed(acc(Charlie)),
				MultiAddress::Id(nurse()),
				staff,
				0
			));
			assert_ok!(Proxy::remove_proxy(
				RuntimeOrigin::signed(acc(Charlie)),
				MultiAddress::Id(nurse()),
				staff,
				0
			));
			// The deposit is back and the nurse can no longer act.
			assert_eq!(Balances::balance(&acc(Charlie)), free_before);
			assert_eq!(
				Proxy::proxy(
					RuntimeOrigin::signed(nurse()),
					MultiAddress::Id(acc(Charlie)),
					None,
					Box::new(anchor_call(b"after"))
				),
				Err(DispatchError::from(pallet_proxy::Error::<Runtime>::NotProxy))
			);
		});
	}

	#[test]
	fn a_longer_staff_proxy_covers_a_shorter_one_and_any_covers_both() {
		use frame_support::traits::InstanceFilter;
		let short = ProxyType::ClinicalStaff { until: 10 };
		let long = ProxyType::ClinicalStaff { until: 20 };
		assert!(long.is_superset(&short));
		assert!(!short.is_superset(&long));
		assert!(ProxyType::Any.is_superset(&long));
		assert!(!long.is_superset(&ProxyType::Any));
	}
}

/// A patient who loses their phone (`pallet-recovery`, `configs` Recovery): friends named while
/// the phone was at hand recover the account after a delay the patient can cut short; too few
/// friends, or a cancelled attempt, change nothing.
mod social_recovery {
	use super::*;
	use crate::{
		configs::{PatientsOwnCalls, ProxyType, RecoverySecurityDeposit},
		Balances, Recovery, RuntimeCall, RuntimeEvent,
	};
	use frame_support::{
		traits::fungible::{Inspect, InspectHold},
		BoundedVec,
	};
	use pallet_consent::{Grantee, Scope};
	use pallet_patient_records::FreeCallCost;
	use pallet_recovery::{Error, FriendGroup, FriendGroupOf};
	use sp_core::Pair as _;
	use sp_runtime::MultiAddress;

	const DELAY: u32 = 7 * crate::DAYS;
	const CANCEL_DELAY: u32 = crate::DAYS;

	/// A patient with no tokens, enrolled by the village doctor.
	fn patient() -> AccountId {
		account("//a patient who loses her phone")
	}

	/// The phone the patient uses after losing the first one (no tokens either).
	fn new_phone() -> AccountId {
		account("//her new phone")
	}

	fn new_phone_pair() -> sp_core::sr25519::Pair {
		sp_core::sr25519::Pair::from_string("//her new phone", None).expect("valid seed")
	}

	fn include(pair: &sp_core::sr25519::Pair, call: RuntimeCall) {
		free_patient_calls::include(pair, call)
	}

	fn account(seed: &str) -> AccountId {
		sp_core::sr25519::Pair::from_string(seed, None).expect("valid seed").public().into()
	}

	fn signed(who: &AccountId) -> RuntimeOrigin {
		RuntimeOrigin::signed(who.clone())
	}

	fn id(who: &AccountId) -> MultiAddress<AccountId, ()> {
		MultiAddress::Id(who.clone())
	}

	/// The village doctor, a family member and the county doctor; any two recover the account
	/// after a week, and the village doctor inherits control.
	fn friends() -> FriendGroupOf<Runtime> {
		let mut friends = vec![acc(Charlie), acc(Ferdie), acc(Bob)];
		friends.sort();
		FriendGroup {
			friends: BoundedVec::truncate_from(friends),
			friends_needed: 2,
			inheritor: acc(Charlie),
			inheritance_delay: DELAY,
			inheritance_priority: 0,
			cancel_delay: CANCEL_DELAY,
		}
	}

	/// The patient is enrolled with a zero balance, grants the clinic access and names friends.
	fn set_up() -> u64 {
		let patient = patient();
		assert_eq!(Balances::balance(&patient), 0);
		assert_ok!(PatientRecords::register_patient_for(
			signed(&acc(Charlie)),
			patient.clone(),
			demo::HEKOU_CLINIC
		));
		let grant = pallet_consent::NextGrantId::<Runtime>::get();
		assert_ok!(Consent::grant_consent(
			signed(&patient),
			patient.clone(),
			Grantee::Organisation { org: demo::HEKOU_CLINIC, roles: BoundedVec::new() },
			BoundedVec::truncate_from(vec![PurposeOfUse::Treatment]),
			Scope::AllRecords,
			0,
			1_000_000,
			true,
			false,
		));
		let name_friends =
			pallet_recovery::Call::<Runtime>::set_friend_groups { friend_groups: vec![friends()] };
		// Their own recovery set-up is one of a patient's free calls, and holds nothing.
		assert_eq!(
			PatientsOwnCalls::free_call_cost(
				&patient,
				&RuntimeCall::Recovery(name_friends.clone())
			),
			Some(1)
		);
		assert_ok!(Recovery::set_friend_groups(signed(&patient), vec![friends()]));
		assert_eq!(Balances::total_balance_on_hold(&patient), 0);
		grant
	}

	/// The village doctor writes a record for the patient and wraps its key for her phone.
	fn a_record() -> u64 {
		let record = charlie_writes_for(&patient());
		assert_ok!(PatientRecords::attach_key_share(
			signed(&acc(Charlie)),
			record,
			patient(),
			PurposeOfUse::Treatment,
			vec![1; 80]
		));
		record
	}

	fn run_to(block: u32) {
		System::set_block_number(block);
	}

	fn controlled(call: RuntimeCall) -> sp_runtime::DispatchResult {
		assert_ok!(Recovery::control_inherited_account(
			signed(&acc(Charlie)),
			id(&patient()),
			Box::new(call)
		));
		System::events()
			.into_iter()
			.rev()
			.find_map(|r| match r.event {
				RuntimeEvent::Recovery(pallet_recovery::Event::RecoveredAccountControlled {
					call_result,
					..
				}) => Some(call_result),
				_ => None,
			})
			.expect("the inherited account acted")
	}

	#[test]
	fn two_friends_recover_the_account_after_the_delay_and_the_new_phone_acts_as_the_patient() {
		with_preset("development", || {
			let grant = set_up();
			let record = a_record();
			let start = System::block_number();
			// The village doctor starts an attempt (holding a security deposit) and counts as
			// the first approval; alone he cannot finish it.
			let held = Balances::total_balance_on_hold(&acc(Charlie));
			assert_ok!(Recovery::initiate_attempt(signed(&acc(Charlie)), id(&patient()), 0));
			assert!(
				Balances::total_balance_on_hold(&acc(Charlie))
					>= held + RecoverySecurityDeposit::get()
			);
			assert_noop!(
				Recovery::finish_attempt(signed(&acc(Charlie)), id(&patient()), 0),
				Error::<Runtime>::NotApproved
			);
			// A family member agrees; still the week must pass.
			assert_ok!(Recovery::approve_attempt(signed(&acc(Ferdie)), id(&patient()), 0));
			assert_noop!(
				Recovery::approve_attempt(signed(&acc(Bob)), id(&patient()), 0),
				Error::<Runtime>::AlreadyApproved
			);
			assert_noop!(
				Recovery::finish_attempt(signed(&acc(Charlie)), id(&patient()), 0),
				Error::<Runtime>::NotYetInheritable
			);
			run_to(start + DELAY);
			assert_ok!(Recovery::finish_attempt(signed(&acc(Charlie)), id(&patient()), 0));
			assert_eq!(
				pallet_recovery::Inheritor::<Runtime>::get(patient()).map(|i| i.1),
				Some(acc(Charlie))
			);
			// The security deposit is back with the doctor once the attempt is over.
			assert!(
				Balances::total_balance_on_hold(&acc(Charlie))
					< held + RecoverySecurityDeposit::get()
			);

			// The village doctor, inheriting control, makes the patient's new phone act for the
			// patient: the clinic gives the account what the proxy deposit holds.
			assert_ok!(Balances::transfer_keep_alive(
				signed(&acc(Charlie)),
				id(&patient()),
				crate::UNIT
			));
			assert_eq!(
				controlled(RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
					delegate: id(&new_phone()),
					proxy_type: ProxyType::Any,
					delay: 0,
				})),
				Ok(())
			);
			// The new phone exists (the clinic gave it the existential deposit) but holds
			// nothing to pay with: its calls for the patient are the patient's free calls.
			assert_ok!(Balances::transfer_keep_alive(
				signed(&acc(Charlie)),
				id(&new_phone()),
				crate::EXISTENTIAL_DEPOSIT
			));
			let as_patient = |call: RuntimeCall| {
				RuntimeCall::Proxy(pallet_proxy::Call::proxy {
					real: id(&patient()),
					force_proxy_type: None,
					call: Box::new(call),
				})
			};
			let used =
				|| pallet_patient_records::FreeCallsUsed::<Runtime>::get(patient()).map(|u| u.used);
			let used_before = used().unwrap_or(0);
			// It publishes its own encryption key as the patient's new one…
			include(
				&new_phone_pair(),
				as_patient(RuntimeCall::Registry(pallet_registry::Call::publish_encryption_key {
					key: [9; 32],
				})),
			);
			assert_eq!(
				pallet_registry::EncryptionKeys::<Runtime>::get(patient()).map(|k| k.key),
				Some([9; 32])
			);
			// …and the village doctor, who can open the record, renews the patient's share of
			// its key for it, as the patient: the share only the lost phone could open is
			// replaced, and the deposit he held for it comes back to him.
			assert_eq!(
				controlled(RuntimeCall::PatientRecords(
					pallet_patient_records::Call::attach_key_share {
						record,
						reader: patient(),
						purpose: PurposeOfUse::Treatment,
						wrapped_key: vec![2; 80],
					}
				)),
				Ok(())
			);
			let share = pallet_patient_records::KeyShares::<Runtime>::get(record, patient())
				.expect("the patient's share");
			assert_eq!((share.wrapped_key.to_vec(), share.attached_by), (vec![2; 80], patient()));
			// The new phone reads the record (its access logged as the patient's) and stops
			// the clinic's access, given from the old phone: the old account's grants carried
			// over with it.
			include(
				&new_phone_pair(),
				as_patient(RuntimeCall::PatientRecords(pallet_patient_records::Call::log_access {
					record,
					purpose: PurposeOfUse::Treatment,
				})),
			);
			assert!(pallet_consent::GrantLocations::<Runtime>::get(grant).is_some());
			include(
				&new_phone_pair(),
				as_patient(RuntimeCall::Consent(pallet_consent::Call::revoke_consent { grant })),
			);
			assert!(pallet_consent::GrantLocations::<Runtime>::get(grant).is_none());
			assert_eq!(used(), Some(used_before + 3));
			assert_eq!(Balances::balance(&new_phone()), crate::EXISTENTIAL_DEPOSIT);
			// Another account that is no proxy of the patient gets no free call by wrapping
			// one in `proxy`: it must pay, and cannot.
			let stranger =
				sp_core::sr25519::Pair::from_string("//not her phone", None).expect("valid seed");
			assert_ok!(Balances::transfer_keep_alive(
				signed(&acc(Charlie)),
				id(&stranger.public().into()),
				crate::EXISTENTIAL_DEPOSIT
			));
			assert_eq!(
				free_patient_calls::pool_verdict(
					&stranger,
					as_patient(RuntimeCall::Registry(
						pallet_registry::Call::publish_encryption_key { key: [6; 32] }
					)),
				),
				Err(sp_runtime::transaction_validity::InvalidTransaction::Payment.into())
			);
			assert_eq!(used(), Some(used_before + 3));
			// The inherited control never reaches the recovery pallet itself.
			assert_eq!(
				controlled(RuntimeCall::Recovery(pallet_recovery::Call::revoke_inheritor {})),
				Err(frame_system::Error::<Runtime>::CallFiltered.into())
			);
		});
	}

	#[test]
	fn the_patient_cancels_or_slashes_an_attempt_while_they_still_have_the_phone() {
		with_preset("development", || {
			set_up();
			let held = Balances::total_balance_on_hold(&acc(Bob));
			let issuance = Balances::total_issuance();
			assert_ok!(Recovery::initiate_attempt(signed(&acc(Bob)), id(&patient()), 0));
			// Cancelling their own attempt is a free call of the patient; someone else's is not.
			let cancel = RuntimeCall::Recovery(pallet_recovery::Call::cancel_attempt {
				lost: id(&patient()),
				friend_group_index: 0,
			});
			assert_eq!(PatientsOwnCalls::free_call_cost(&patient(), &cancel), Some(1));
			assert_eq!(PatientsOwnCalls::free_call_cost(&acc(Eve), &cancel), None);
			// The initiator may not cancel before the cancel delay; the patient may at once.
			assert_noop!(
				Recovery::cancel_attempt(signed(&acc(Bob)), id(&patient()), 0),
				Error::<Runtime>::NotYetCancelable
			);
			assert_noop!(
				Recovery::cancel_attempt(signed(&acc(Eve)), id(&patient()), 0),
				Error::<Runtime>::NotCanceller
			);
			assert_ok!(Recovery::cancel_attempt(signed(&patient()), id(&patient()), 0));
			assert!(pallet_recovery::pallet::Attempt::<Runtime>::get(patient(), 0).is_none());
			assert_eq!(Balances::total_balance_on_hold(&acc(Bob)), held);
			assert_eq!(Balances::total_issuance(), issuance);
			// A second attempt, this time slashed: the initiator's security deposit is burnt.
			assert_ok!(Recovery::initiate_attempt(signed(&acc(Bob)), id(&patient()), 0));
			assert_ok!(Recovery::slash_attempt(signed(&patient()), 0));
			assert_eq!(Balances::total_balance_on_hold(&acc(Bob)), held);
			assert_eq!(Balances::total_issuance(), issuance - RecoverySecurityDeposit::get());
			// Nobody inherited anything.
			assert!(pallet_recovery::Inheritor::<Runtime>::get(patient()).is_none());
		});
	}

	#[test]
	fn without_enough_friends_nothing_changes() {
		with_preset("development", || {
			set_up();
			// Not a friend: can neither start nor approve an attempt.
			assert_noop!(
				Recovery::initiate_attempt(signed(&acc(Eve)), id(&patient()), 0),
				Error::<Runtime>::NotFriend
			);
			assert_noop!(
				Recovery::initiate_attempt(signed(&acc(Charlie)), id(&patient()), 1),
				Error::<Runtime>::NotFriendGroup
			);
			assert_ok!(Recovery::initiate_attempt(signed(&acc(Charlie)), id(&patient()), 0));
			assert_noop!(
				Recovery::approve_attempt(signed(&acc(Eve)), id(&patient()), 0),
				Error::<Runtime>::NotFriend
			);
			assert_noop!(
				Recovery::approve_attempt(signed(&acc(Charlie)), id(&patient()), 0),
				Error::<Runtime>::AlreadyVoted
			);
			// Long after the delay, one friend's approval still recovers nothing.
			run_to(System::block_number() + 2 * DELAY);
			assert_noop!(
				Recovery::finish_attempt(signed(&acc(Charlie)), id(&patient()), 0),
				Error::<Runtime>::NotApproved
			);
			assert!(pallet_recovery::Inheritor::<Runtime>::get(patient()).is_none());
			// Nothing inherited: the doctor cannot act for the patient.
			assert_noop!(
				Recovery::control_inherited_account(
					signed(&acc(Charlie)),
					id(&patient()),
					Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }))
				),
				Error::<Runtime>::NoInheritor
			);
			// While an attempt is open the friends cannot be changed under it.
			assert_noop!(
				Recovery::set_friend_groups(signed(&patient()), vec![]),
				Error::<Runtime>::HasOngoingAttempts
			);
		});
	}
}

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
mod governance {
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
	fn propose(who: sp_keyring::Sr25519Keyring, call: &RuntimeCall, threshold: u32) -> (Hash, u32) {
		let index = pallet_collective::ProposalCount::<Runtime, CouncilCollective>::get();
		assert_ok!(Council::propose(
			RuntimeOrigin::signed(acc(who)),
			threshold,
			Box::new(call.clone()),
			call.encoded_size() as u32
		));
		(BlakeTwo256::hash_of(call), index)
	}

	fn vote(who: sp_keyring::Sr25519Keyring, motion: (Hash, u32), aye: bool) {
		assert_ok!(Council::vote(RuntimeOrigin::signed(acc(who)), motion.0, motion.1, aye));
	}

	/// Anyone (here Dave, not a member) closes the motion.
	fn close(motion: (Hash, u32), call: &RuntimeCall) -> DispatchResultWithPostInfo {
		Council::close(
			RuntimeOrigin::signed(acc(Dave)),
			motion.0,
			motion.1,
			call.get_dispatch_info().call_weight,
			call.encoded_size() as u32,
		)
	}

	/// The result of the motion's call, if the council dispatched it.
	fn executed(motion: (Hash, u32)) -> Option<Result<(), DispatchError>> {
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
		with_preset("local_testnet", || {
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

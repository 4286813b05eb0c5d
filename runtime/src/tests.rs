//! Runtime-level tests: the genesis presets build a consistent chain, the demo county works
//! end to end through the real configuration, and fees rise when blocks fill.

use crate::{
	genesis_config_presets::{demo, get_preset, preset_names},
	AccountId, Consent, PatientRecords, Registry, Runtime, RuntimeGenesisConfig, RuntimeOrigin,
	System,
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
			b"ipfs://bafy-demo".to_vec(),
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

//! Genesis presets: `development` (one validator, Alice, hour-long sessions) and
//! `local_testnet` (four validators, Alice, Bob, Charlie and Dave, one-minute sessions). The
//! validators are the validator set's and their keys the session's; Aura and GRANDPA take
//! their authorities from the session. Chain specs are built from these by the node and by
//! `export-chain-spec` / `build-spec`.
//!
//! Both presets seat the same demo health council (see [`demo_council`]); only `development`
//! has a sudo key. On `local_testnet` the council is the only authority and the only way to
//! upgrade the runtime.

use crate::{
	opaque::SessionKeys, AccountId, BalancesConfig, RuntimeGenesisConfig, SudoConfig, UNIT,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// Every endowed development account starts with this balance.
pub const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// A validator from its dev seed: its account (the sr25519 key's) and its session keys, sr25519
/// for Aura and ed25519 for GRANDPA, as `key insert --suri //Name` would put them in the
/// keystore.
fn validator(sr: Sr25519Keyring, ed: Ed25519Keyring) -> (AccountId, SessionKeys) {
	(sr.to_account_id(), SessionKeys { aura: sr.public().into(), grandpa: ed.public().into() })
}

/// Blocks per session on `local_testnet`: the shortest the runtime allows (a minute), so that
/// the network tests see a change of validators within two minutes.
pub const LOCAL_SESSION_LENGTH: crate::BlockNumber = crate::MINUTES;

fn testnet_genesis(
	validators: Vec<(AccountId, SessionKeys)>,
	endowed_accounts: Vec<AccountId>,
	root: Option<AccountId>,
	session_length: Option<crate::BlockNumber>,
) -> Value {
	let mut patch = build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts.iter().cloned().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
		},
		// Aura's and GRANDPA's authorities come from the session's genesis keys.
		validator_set: pallet_validator_set::GenesisConfig {
			validators: validators.iter().map(|(account, _)| account.clone()).collect::<Vec<_>>(),
			session_length,
		},
		session: pallet_session::GenesisConfig {
			keys: validators
				.iter()
				.map(|(account, keys)| (account.clone(), account.clone(), keys.clone()))
				.collect::<Vec<_>>(),
		},
	});
	merge(&mut patch, demo_county());
	merge(&mut patch, demo_council());
	if let Some(key) = root {
		let sudo =
			build_struct_json_patch!(RuntimeGenesisConfig { sudo: SudoConfig { key: Some(key) } });
		merge(&mut patch, sudo);
	}
	patch
}

/// Organisation ids of the demo county, in the order the registry's genesis gives them.
pub mod demo {
	/// Anding County People's Hospital (admin: Alice).
	pub const COUNTY_HOSPITAL: u32 = 0;
	/// Hekou village clinic (admin: AliceStash).
	pub const HEKOU_CLINIC: u32 = 1;
	/// Shanzhuang village clinic (admin: BobStash).
	pub const SHANZHUANG_CLINIC: u32 = 2;
	/// Anding township pharmacy (admin: CharlieStash).
	pub const PHARMACY: u32 = 3;
	/// Dianzhong Pharmaceutical, a drug maker (admin: One).
	pub const MANUFACTURER: u32 = 4;
	/// Anding Medicine Distribution, a wholesaler (admin: Two).
	pub const DISTRIBUTOR: u32 = 5;
	/// Anding County Medical Reserve, the emergency supplies warehouse (admin: EveStash).
	pub const WAREHOUSE: u32 = 6;
	/// GTIN of the demo amoxicillin 500 mg capsules (ambient).
	pub const AMOXICILLIN: [u8; 14] = *b"06901234567892";
	/// GTIN of the demo measles-rubella vaccine (cold chain, 2–8 °C).
	pub const MR_VACCINE: [u8; 14] = *b"06901234567106";
	/// The demo manufacturer's GS1 company prefix, which both demo GTINs fall under.
	pub const MANUFACTURER_PREFIX: &[u8] = b"690123456";
}

/// Demo grants expire at this block: about two years of six-second blocks.
const DEMO_GRANT_EXPIRY: u32 = 10_000_000;

fn licence(number: &str) -> sp_core::H256 {
	use sp_runtime::traits::{BlakeTwo256, Hash};
	BlakeTwo256::hash(number.as_bytes())
}

/// The demo county, in the dev presets only: a county hospital, two village clinics and a
/// pharmacy; Bob a county doctor, Charlie and DaveStash village doctors, Dave a pharmacist;
/// Eve a patient of the Hekou clinic managing her own records, Ferdie a patient of the
/// Shanzhuang clinic with FerdieStash as guardian; each has granted their clinic treatment
/// access (with writing and referral) for about two years.
fn demo_county() -> Value {
	use pallet_drug_provenance::{DosageForm, Gtin, StorageCondition};
	use pallet_emergency_supply::SupplyUnit::Box;
	use ruralmed_primitives::{
		OrganisationKind::*, PractitionerRole::*, PurposeOfUse::Treatment, RegionCode,
	};
	use Sr25519Keyring::*;
	let county = RegionCode::new(1001, 0, 0);
	let organisations = vec![
		(
			Alice.to_account_id(),
			CountyHospital,
			b"Anding County People's Hospital".to_vec(),
			county,
			true,
		),
		(
			AliceStash.to_account_id(),
			VillageClinic,
			b"Hekou Village Clinic".to_vec(),
			RegionCode::new(1001, 1, 1),
			true,
		),
		(
			BobStash.to_account_id(),
			VillageClinic,
			b"Shanzhuang Village Clinic".to_vec(),
			RegionCode::new(1001, 2, 1),
			true,
		),
		(
			CharlieStash.to_account_id(),
			Pharmacy,
			b"Anding Township Pharmacy".to_vec(),
			RegionCode::new(1001, 1, 0),
			true,
		),
		(
			One.to_account_id(),
			Manufacturer,
			b"Dianzhong Pharmaceutical".to_vec(),
			RegionCode::new(2001, 0, 0),
			true,
		),
		(Two.to_account_id(), Distributor, b"Anding Medicine Distribution".to_vec(), county, true),
		(
			EveStash.to_account_id(),
			Warehouse,
			b"Anding County Medical Reserve".to_vec(),
			county,
			true,
		),
	];
	let practitioners = vec![
		(Bob.to_account_id(), Doctor, licence("ADC-2019-0001"), vec![demo::COUNTY_HOSPITAL], true),
		(
			Charlie.to_account_id(),
			VillageDoctor,
			licence("VD-1001-0101"),
			vec![demo::HEKOU_CLINIC],
			true,
		),
		(
			DaveStash.to_account_id(),
			VillageDoctor,
			licence("VD-1001-0201"),
			vec![demo::SHANZHUANG_CLINIC],
			true,
		),
		(Dave.to_account_id(), Pharmacist, licence("PH-1001-0007"), vec![demo::PHARMACY], true),
	];
	let patients = vec![
		(Eve.to_account_id(), None, vec![demo::HEKOU_CLINIC]),
		(Ferdie.to_account_id(), Some(FerdieStash.to_account_id()), vec![demo::SHANZHUANG_CLINIC]),
	];
	build_struct_json_patch!(RuntimeGenesisConfig {
		registry: pallet_registry::GenesisConfig {
			organisations,
			practitioners,
			encryption_keys: vec![],
		},
		patient_records: pallet_patient_records::GenesisConfig { patients },
		consent: pallet_consent::GenesisConfig {
			organisation_grants: vec![
				(
					Eve.to_account_id(),
					demo::HEKOU_CLINIC,
					vec![Treatment],
					DEMO_GRANT_EXPIRY,
					true,
					true
				),
				(
					Ferdie.to_account_id(),
					demo::SHANZHUANG_CLINIC,
					vec![Treatment],
					DEMO_GRANT_EXPIRY,
					true,
					true
				),
			],
		},
		drug_provenance: pallet_drug_provenance::GenesisConfig {
			// The maker's GS1 company prefix: both demo GTINs are 0 (indicator) + 690123456 +
			// item reference + check digit.
			company_prefixes: vec![(demo::MANUFACTURER, demo::MANUFACTURER_PREFIX.to_vec())],
			products: vec![
				(
					demo::MANUFACTURER,
					Gtin(demo::AMOXICILLIN),
					b"Amoxicillin".to_vec(),
					DosageForm::Capsule,
					b"500 mg".to_vec(),
					StorageCondition::Ambient
				),
				(
					demo::MANUFACTURER,
					Gtin(demo::MR_VACCINE),
					b"Measles-rubella vaccine".to_vec(),
					DosageForm::Vaccine,
					b"10 doses".to_vec(),
					StorageCondition::ColdChain { min_decicelsius: 20, max_decicelsius: 80 }
				),
			],
			// Made 2026-09-01, expiring 2028-09-01 and 2027-09-01 (days since 1970-01-01).
			lots: vec![
				(Gtin(demo::AMOXICILLIN), b"AMX-2026-001".to_vec(), 20_697, 21_428, 1_000),
				(Gtin(demo::MR_VACCINE), b"MR-2026-001".to_vec(), 20_697, 21_062, 200),
			],
		},
		emergency_supply: pallet_emergency_supply::GenesisConfig {
			emergencies: vec![(
				b"Hekou township flood 2026".to_vec(),
				vec![RegionCode::new(1001, 1, 0)],
				vec![
					(b"MASK-N95".to_vec(), Box, None),
					(b"ORS".to_vec(), Box, None),
					(b"AMOXICILLIN".to_vec(), Box, Some(demo::AMOXICILLIN)),
				],
				crate::DAYS,
				DEMO_GRANT_EXPIRY
			)],
		},
	})
}

/// The demo health council: Alice for Anding County People's Hospital (the prime member), Bob
/// for the Anding township health centre, Charlie for the county health authority. Three seats:
/// two votes carry both a majority motion and a two-thirds one.
fn demo_council() -> Value {
	use Sr25519Keyring::*;
	build_struct_json_patch!(RuntimeGenesisConfig {
		council_membership: pallet_membership::GenesisConfig {
			members: demo_council_members().try_into().expect("3 seats fit the council's bound"),
		},
		governance: crate::governance::GenesisConfig {
			council_prime: Some(Alice.to_account_id()),
			council_motion_duration: None,
		},
	})
}

/// The accounts of the demo health council's seats.
pub fn demo_council_members() -> Vec<AccountId> {
	use Sr25519Keyring::*;
	vec![Alice.to_account_id(), Bob.to_account_id(), Charlie.to_account_id()]
}

/// Merges JSON object `b` into `a`, key by key.
pub(crate) fn merge(a: &mut Value, b: Value) {
	match (a, b) {
		(Value::Object(a), Value::Object(b)) => {
			for (k, v) in b {
				merge(a.entry(k).or_insert(Value::Null), v);
			}
		}
		(a, b) => *a = b,
	}
}

/// The `development` preset: Alice validates alone and holds the sudo key.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Sr25519Keyring::iter().map(|k| k.to_account_id()).collect(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		None,
	)
}

/// How long council motions stay open on `local_testnet`: ten minutes, so that a test can wait
/// out a motion (a real network keeps the runtime's three days).
pub const LOCAL_MOTION_DURATION: crate::BlockNumber = 10 * crate::MINUTES;

/// The `local_testnet` preset: Alice, Bob, Charlie and Dave validate. No sudo key: the health
/// council is the authority and upgrades the runtime. Motions stay open ten minutes.
pub fn local_config_genesis() -> Value {
	let mut patch = testnet_genesis(
		vec![
			validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			validator(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		Sr25519Keyring::iter().map(|k| k.to_account_id()).collect(),
		None,
		Some(LOCAL_SESSION_LENGTH),
	);
	let motions = build_struct_json_patch!(RuntimeGenesisConfig {
		governance: crate::governance::GenesisConfig {
			council_motion_duration: Some(LOCAL_MOTION_DURATION),
		},
	});
	merge(&mut patch, motions);
	patch
}

/// The preset with the given id, as JSON, or `None` for an unknown id.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(|s| s.into_bytes())
}

/// The ids of every preset this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}

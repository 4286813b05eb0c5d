//! `ruralmed-node network-spec`: the raw chain spec of a new RuralMed network, built from the
//! one small TOML file its founders write (docs/validators.md, "Launching a network").
//!
//! The genesis it builds holds the founding hospitals' validators (their accounts in the
//! council's validator set, their Aura and GRANDPA keys in the session), the
//! health council and its prime member, the founding organisations (verified) and the token
//! balances, and nothing else: no sudo key, no demo county, no development account. It refuses,
//! with one line naming the field and exit status 1, a config that uses a well-known
//! development key anywhere (//Alice … //Ferdie, their stashes, //One, //Two, and the
//! development phrase's own accounts), repeats a validator, gives a key that does not decode, or
//! seats fewer than three council members. Nothing is written unless every check passes. On
//! success it prints the genesis hash, which every hospital compares before starting its node.

use std::{collections::BTreeSet, fs, io::Write, path::PathBuf};

use ruralmed_primitives::{OrganisationKind, RegionCode};
use ruralmed_runtime::{
	opaque::{Block, SessionKeys},
	AccountId, Balance, RuntimeGenesisConfig,
};
use sc_service::ChainType;
use serde::Deserialize;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{
	crypto::{Ss58Codec, DEV_PHRASE},
	ed25519, sr25519, Pair,
};
use sp_runtime::traits::{BlakeTwo256, Block as BlockT, Hash as HashT};

/// `ruralmed-node network-spec --config founders.toml --output chain-spec.json`
#[derive(Debug, clap::Parser)]
pub struct NetworkSpecCmd {
	/// The founders' config (TOML): name, id, bootnodes, validators, council, organisations,
	/// balances. docs/validators.md describes every field.
	#[arg(long, value_name = "FILE")]
	pub config: PathBuf,

	/// Where to write the raw chain spec. Must not exist yet.
	#[arg(long, value_name = "FILE")]
	pub output: PathBuf,
}

/// The smallest council the network may start with: with fewer than three seats one member's
/// key decides alone.
pub const MIN_COUNCIL: usize = 3;

/// A refusal: the config field at fault and why. Printed as one line, `field: message`.
#[derive(Debug, PartialEq, Eq)]
pub struct SpecError {
	pub field: String,
	pub message: String,
}

impl SpecError {
	fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
		Self { field: field.into(), message: message.into() }
	}
}

impl std::fmt::Display for SpecError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "{}: {}", self.field, self.message)
	}
}

/// The founders' config, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FoundersConfig {
	name: Option<String>,
	id: Option<String>,
	#[serde(default)]
	bootnodes: Vec<String>,
	#[serde(default)]
	validators: Vec<ValidatorEntry>,
	council: Option<Vec<String>>,
	council_prime: Option<String>,
	#[serde(default)]
	organisations: Vec<OrganisationEntry>,
	#[serde(default)]
	balances: Vec<BalanceEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ValidatorEntry {
	/// Who runs it, for error messages and the operators' records.
	name: String,
	/// sr25519 Aura key, SS58 or 0x hex.
	aura: String,
	/// ed25519 GRANDPA key, SS58 or 0x hex.
	grandpa: String,
	/// The validator's account, SS58: it registers the validator's session keys and rotates
	/// them (`session.set_keys`). The Aura key's own account when absent.
	account: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganisationEntry {
	name: String,
	kind: OrganisationKind,
	admin: String,
	/// `[county, township, village]`.
	region: (u32, u16, u16),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BalanceEntry {
	account: String,
	/// In the chain's smallest unit (12 decimals: 1 RMD = 1_000_000_000_000), as a string so
	/// that amounts above 2⁶³ survive TOML.
	amount: String,
}

/// What the config says, checked and decoded.
pub struct NetworkGenesis {
	pub name: String,
	pub id: String,
	pub bootnodes: Vec<sc_network::config::MultiaddrWithPeerId>,
	/// Each validator's account and session keys.
	pub validators: Vec<(AccountId, SessionKeys)>,
	pub council: Vec<AccountId>,
	pub council_prime: Option<AccountId>,
	pub organisations: Vec<(AccountId, OrganisationKind, Vec<u8>, RegionCode, bool)>,
	pub balances: Vec<(AccountId, Balance)>,
}

/// The 32-byte public keys anyone can derive: every `sp_keyring` name in both schemes, and the
/// development phrase's own sr25519 and ed25519 keys.
fn well_known_keys() -> BTreeSet<[u8; 32]> {
	let mut keys = BTreeSet::new();
	for k in sp_keyring::Sr25519Keyring::iter() {
		keys.insert(k.public().0);
	}
	for k in sp_keyring::Ed25519Keyring::iter() {
		keys.insert(k.public().0);
	}
	if let Ok(pair) = sr25519::Pair::from_string(DEV_PHRASE, None) {
		keys.insert(pair.public().0);
	}
	if let Ok(pair) = ed25519::Pair::from_string(DEV_PHRASE, None) {
		keys.insert(pair.public().0);
	}
	keys
}

/// A 32-byte public key or account from SS58 or `0x` + 64 hex digits.
fn key_bytes(field: &str, text: &str) -> Result<[u8; 32], SpecError> {
	let text = text.trim();
	if let Some(hex) = text.strip_prefix("0x") {
		let bytes = sp_core::bytes::from_hex(hex)
			.map_err(|_| SpecError::new(field, format!("{text:?} is not hex")))?;
		return bytes.try_into().map_err(|_| {
			SpecError::new(field, format!("{text:?} is not 32 bytes (64 hex digits)"))
		});
	}
	sp_core::crypto::AccountId32::from_ss58check(text).map(Into::into).map_err(|e| {
		SpecError::new(field, format!("{text:?} is not an SS58 address or 0x key ({e:?})"))
	})
}

struct Checker {
	well_known: BTreeSet<[u8; 32]>,
}

impl Checker {
	/// A key that is not a development key.
	fn key(&self, field: &str, text: &str) -> Result<[u8; 32], SpecError> {
		let bytes = key_bytes(field, text)?;
		if self.well_known.contains(&bytes) {
			return Err(SpecError::new(
				field,
				format!(
					"{text} is a well-known development key (//Alice, //Bob, … or the development \
					 phrase): anyone can sign with it; generate a new key"
				),
			));
		}
		Ok(bytes)
	}

	fn account(&self, field: &str, text: &str) -> Result<AccountId, SpecError> {
		self.key(field, text).map(AccountId::from)
	}
}

impl NetworkGenesis {
	/// Checks and decodes the founders' TOML.
	pub fn from_toml(text: &str) -> Result<Self, SpecError> {
		let config: FoundersConfig = toml::from_str(text).map_err(|e| {
			let what = e.message().replace('\n', " ");
			let at = e.span().map(|s| {
				let line = text[..s.start].lines().count().max(1);
				format!(" (line {line})")
			});
			SpecError::new("config", format!("{what}{}", at.unwrap_or_default()))
		})?;
		let check = Checker { well_known: well_known_keys() };

		let name = config.name.filter(|n| !n.trim().is_empty()).ok_or_else(|| {
			SpecError::new("name", "missing: the network's name, e.g. \"RuralMed Anding County\"")
		})?;
		let id = config.id.ok_or_else(|| {
			SpecError::new("id", "missing: a short identifier such as \"ruralmed_anding\"")
		})?;
		if id.is_empty()
			|| !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
		{
			return Err(SpecError::new("id", format!("{id:?}: only a-z, 0-9 and _ may be used")));
		}
		if id.contains("dev") || id.contains("local") {
			return Err(SpecError::new(
				"id",
				format!("{id:?} names a test chain (dev/local); a real network needs its own id"),
			));
		}

		let mut bootnodes = Vec::new();
		for (i, addr) in config.bootnodes.iter().enumerate() {
			bootnodes.push(addr.parse().map_err(|e| {
				SpecError::new(format!("bootnodes[{i}]"), format!("{addr:?}: {e}"))
			})?);
		}

		if config.validators.is_empty() {
			return Err(SpecError::new("validators", "missing: at least one [[validators]] entry"));
		}
		let mut validators = Vec::new();
		let mut seen = BTreeSet::new();
		for (i, v) in config.validators.iter().enumerate() {
			let field = |key: &str| format!("validators[{i}].{key} ({})", v.name);
			let aura = check.key(&field("aura"), &v.aura)?;
			let grandpa = check.key(&field("grandpa"), &v.grandpa)?;
			for (key, bytes) in [("aura", aura), ("grandpa", grandpa)] {
				if !seen.insert(bytes) {
					return Err(SpecError::new(
						field(key),
						"this key is already given to another validator (or this one's other key)",
					));
				}
			}
			// A valid sr25519 key is a Ristretto point; ed25519 one an Edwards point. Checking
			// here stops a typo in a key that would leave a validator unable to sign.
			if schnorrkel_point_invalid(&aura) {
				return Err(SpecError::new(field("aura"), "not a valid sr25519 public key"));
			}
			if ed25519_point_invalid(&grandpa) {
				return Err(SpecError::new(field("grandpa"), "not a valid ed25519 public key"));
			}
			let account = match &v.account {
				Some(text) => check.account(&field("account"), text)?,
				None => AccountId::from(aura),
			};
			if validators.iter().any(|(other, _)| *other == account) {
				return Err(SpecError::new(
					field("account"),
					"this account already runs another validator",
				));
			}
			validators.push((
				account,
				SessionKeys {
					aura: AuraId::from(sr25519::Public::from_raw(aura)),
					grandpa: sc_consensus_grandpa::AuthorityId::from(ed25519::Public::from_raw(
						grandpa,
					)),
				},
			));
		}

		let max_validators = ruralmed_runtime::configs::MAX_VALIDATORS as usize;
		if validators.len() > max_validators {
			return Err(SpecError::new(
				"validators",
				format!("{} validators; at most {max_validators}", validators.len()),
			));
		}

		let council_entries = config.council.ok_or_else(|| {
			SpecError::new("council", format!("missing: at least {MIN_COUNCIL} members' accounts"))
		})?;
		let mut council = Vec::new();
		for (i, member) in council_entries.iter().enumerate() {
			let account = check.account(&format!("council[{i}]"), member)?;
			if council.contains(&account) {
				return Err(SpecError::new(format!("council[{i}]"), "this member is listed twice"));
			}
			council.push(account);
		}
		if council.len() < MIN_COUNCIL {
			return Err(SpecError::new(
				"council",
				format!("{} member(s); at least {MIN_COUNCIL} are needed", council.len()),
			));
		}
		let max_council = ruralmed_runtime::configs::COUNCIL_MAX_MEMBERS as usize;
		if council.len() > max_council {
			return Err(SpecError::new(
				"council",
				format!("{} members; at most {max_council}", council.len()),
			));
		}
		let council_prime = match &config.council_prime {
			None => None,
			Some(text) => {
				let prime = check.account("council_prime", text)?;
				if !council.contains(&prime) {
					return Err(SpecError::new(
						"council_prime",
						"is not one of the council members",
					));
				}
				Some(prime)
			}
		};

		let mut organisations = Vec::new();
		for (i, org) in config.organisations.iter().enumerate() {
			let field = |key: &str| format!("organisations[{i}].{key}");
			let admin = check.account(&field("admin"), &org.admin)?;
			// The registry's `MaxNameLength` in the runtime.
			if org.name.trim().is_empty() || org.name.len() > 128 {
				return Err(SpecError::new(field("name"), "must be 1 to 128 bytes"));
			}
			let (county, township, village) = org.region;
			if county == 0 || (township == 0 && village != 0) {
				return Err(SpecError::new(
					field("region"),
					format!(
						"{:?}: county must not be 0, and a village needs its township",
						org.region
					),
				));
			}
			organisations.push((
				admin,
				org.kind,
				org.name.as_bytes().to_vec(),
				RegionCode::new(county, township, village),
				true,
			));
		}

		let mut balances: Vec<(AccountId, Balance)> = Vec::new();
		for (i, entry) in config.balances.iter().enumerate() {
			let field = |key: &str| format!("balances[{i}].{key}");
			let account = check.account(&field("account"), &entry.account)?;
			let amount: Balance = entry.amount.replace('_', "").parse().map_err(|_| {
				SpecError::new(field("amount"), format!("{:?} is not a whole number", entry.amount))
			})?;
			if amount < ruralmed_runtime::EXISTENTIAL_DEPOSIT {
				return Err(SpecError::new(
					field("amount"),
					format!(
						"below the existential deposit ({})",
						ruralmed_runtime::EXISTENTIAL_DEPOSIT
					),
				));
			}
			if balances.iter().any(|(a, _)| *a == account) {
				return Err(SpecError::new(field("account"), "this account is listed twice"));
			}
			balances.push((account, amount));
		}

		Ok(Self {
			name,
			id,
			bootnodes,
			validators,
			council,
			council_prime,
			organisations,
			balances,
		})
	}

	/// The runtime's genesis: only what the founders gave; everything else at its default,
	/// which leaves the sudo key empty.
	pub fn runtime_genesis(&self) -> RuntimeGenesisConfig {
		let mut genesis = RuntimeGenesisConfig::default();
		genesis.balances.balances = self.balances.clone();
		// Aura's and GRANDPA's authorities come from the session's genesis keys.
		genesis.validator_set.validators =
			self.validators.iter().map(|(account, _)| account.clone()).collect();
		genesis.session.keys = self
			.validators
			.iter()
			.map(|(account, keys)| (account.clone(), account.clone(), keys.clone()))
			.collect();
		genesis.council_membership.members =
			self.council.clone().try_into().expect("checked against COUNCIL_MAX_MEMBERS; qed");
		genesis.governance.council_prime = self.council_prime.clone();
		genesis.registry.organisations = self.organisations.clone();
		genesis.sudo.key = None;
		genesis
	}

	/// The chain spec (plain; `as_json(true)` makes it raw).
	pub fn chain_spec(&self) -> Result<crate::chain_spec::ChainSpec, SpecError> {
		let genesis = serde_json::to_value(self.runtime_genesis())
			.map_err(|e| SpecError::new("genesis", e.to_string()))?;
		let wasm = ruralmed_runtime::WASM_BINARY
			.ok_or_else(|| SpecError::new("runtime", "this node was built without its WASM"))?;
		Ok(crate::chain_spec::ChainSpec::builder(wasm, None)
			.with_name(&self.name)
			.with_id(&self.id)
			.with_protocol_id(&self.id)
			.with_chain_type(ChainType::Live)
			.with_boot_nodes(self.bootnodes.clone())
			.with_properties(crate::chain_spec::properties())
			.with_genesis_config(genesis)
			.build())
	}
}

/// Whether 32 bytes fail to decode as a Ristretto point, which every sr25519 public key is.
fn schnorrkel_point_invalid(bytes: &[u8; 32]) -> bool {
	schnorrkel::PublicKey::from_bytes(bytes).is_err()
}

/// Whether 32 bytes fail to decode as a compressed Edwards point (an ed25519 public key).
fn ed25519_point_invalid(bytes: &[u8; 32]) -> bool {
	ed25519_zebra::VerificationKey::try_from(*bytes).is_err()
}

/// The genesis block's hash of a chain spec: the root of its genesis storage (no child tries in
/// this runtime) under the runtime's state version, in the genesis header.
pub fn genesis_hash(spec: &dyn sc_service::ChainSpec) -> Result<sp_core::H256, SpecError> {
	let storage =
		spec.as_storage_builder().build_storage().map_err(|e| SpecError::new("genesis", e))?;
	if !storage.children_default.is_empty() {
		return Err(SpecError::new("genesis", "child tries in the genesis are not supported"));
	}
	let state_version = ruralmed_runtime::VERSION.state_version();
	let state_root = BlakeTwo256::trie_root(storage.top.into_iter().collect(), state_version);
	let block: Block = sc_service::construct_genesis_block(state_root, state_version);
	Ok(block.hash())
}

impl NetworkSpecCmd {
	/// Builds and writes the raw spec, then prints its genesis hash; or prints one line naming
	/// the field at fault and leaves no file.
	pub fn run(&self) -> Result<(), SpecError> {
		if self.output.exists() {
			return Err(SpecError::new(
				"--output",
				format!("{} exists; choose a new file", self.output.display()),
			));
		}
		let text = fs::read_to_string(&self.config).map_err(|e| {
			SpecError::new("--config", format!("cannot read {}: {e}", self.config.display()))
		})?;
		let network = NetworkGenesis::from_toml(&text)?;
		let spec = network.chain_spec()?;
		let raw = spec.as_json(true).map_err(|e| SpecError::new("genesis", e))?;
		let hash = genesis_hash(&spec)?;
		// Written beside the target and renamed, so a failure never leaves half a spec.
		let dir =
			self.output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(".".as_ref());
		let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| {
			SpecError::new("--output", format!("cannot write in {}: {e}", dir.display()))
		})?;
		tmp.write_all(raw.as_bytes()).map_err(|e| SpecError::new("--output", e.to_string()))?;
		tmp.persist_noclobber(&self.output).map_err(|e| {
			SpecError::new("--output", format!("{}: {}", self.output.display(), e.error))
		})?;
		eprintln!(
			"wrote the raw chain spec of {:?} ({}): {} validator(s), {} council member(s), {} \
			 organisation(s), {} endowed account(s), no sudo",
			network.name,
			self.output.display(),
			network.validators.len(),
			network.council.len(),
			network.organisations.len(),
			network.balances.len(),
		);
		println!("genesis hash: {hash:?}");
		Ok(())
	}
}

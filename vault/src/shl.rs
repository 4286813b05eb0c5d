//! SMART Health Links (HL7 SMART Health Links, "SHL"), kept and served by the vault.
//!
//! A patient shares records with someone outside RuralMed (a doctor with no account) through a
//! link. The patient's browser decrypts the records itself, puts the FHIR content into compact
//! JWEs (`alg` `dir`, `enc` `A256GCM`) under a fresh 32-byte key that goes only into the link's
//! URL fragment, and hands the vault the JWEs: the vault never sees the key, so it keeps and
//! serves ciphertext it cannot read, as with every blob. What the vault adds is the gate: the
//! passcode (kept only as salt + SHA-256), the expiry, the revocation, the chain's erasures,
//! and the log of who used the link, which the patient reads.
//!
//! | route | who | does |
//! | --- | --- | --- |
//! | `POST /v1/shl` | the patient or guardian, signed | keeps a new link ([`CreateRequest`]) |
//! | `POST /shl/{id}` | anyone (the SHL manifest URL) | `{recipient, passcode?}`: the files, and a use logged |
//! | `GET /v1/shl?patient=…` | the patient or guardian, signed | the patient's links and their uses, newest first |
//! | `DELETE /v1/shl/{id}` | the patient or guardian, signed | revokes: the files go, the use log stays |
//!
//! A link is created only if, at one finalized block, the signer is the patient or the
//! patient's guardian and every record it carries exists, is the patient's and is not erased;
//! a use checks again that none of the records is erased at the finalized block, so erasing a
//! record on chain stops every link carrying it (410 `shl_record_erased`).
//!
//! **Storage**, in the same object store as the blobs (a local directory or S3):
//! `shl/links/<id>/meta.json` ([`LinkMeta`]), `shl/links/<id>/<n>.jwe` (the files), and an
//! index entry `shl/patients/<hex account>/<id>` per link, so a patient's links are one
//! prefix listing. A new link writes its index entry, then its files, then its metadata: the
//! metadata is what makes the link exist, and an index entry without metadata (a create
//! interrupted) is skipped.
//!
//! **Concurrency.** A use (its passcode attempt and its use log) and a revocation change the
//! link's metadata by read-modify-write; a create counts the patient's links before adding
//! one. These are serialised by an in-process lock per link and per patient ([`LinkLocks`]):
//! one vault process owns its store (as it does the pending index). Two vault processes on one
//! bucket could lose a use-log entry or a passcode attempt; run one.

use crate::{
	auth::{now_ms, parse_account},
	blake2_256,
	chain::Chain,
	error::VaultError,
	http::{authenticate, body_bytes, Vault},
	store::BlobStore,
};
use axum::{
	body::Bytes,
	extract::{
		rejection::{BytesRejection, PathRejection},
		Path, State,
	},
	http::{HeaderMap, Method, StatusCode, Uri},
	Json,
};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use ruralmed_primitives::RecordId;
use ruralmed_runtime::AccountId;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use sp_core::crypto::Ss58Codec;
use std::{
	collections::{HashMap, HashSet},
	sync::{Arc, Mutex},
};
use tokio::sync::OwnedMutexGuard;

/// Longest label, in characters (the SHL payload's `label` limit).
pub const MAX_LABEL_CHARS: usize = 80;
/// Shortest passcode, in characters.
pub const MIN_PASSCODE_CHARS: usize = 4;
/// Longest passcode, in characters.
pub const MAX_PASSCODE_CHARS: usize = 64;
/// Most records one link carries.
pub const MAX_RECORDS: usize = 64;
/// Most files one link serves.
pub const MAX_FILES: usize = 8;
/// Longest lifetime of a link: 366 days, in milliseconds.
pub const MAX_LIFETIME_MS: u64 = 366 * 24 * 3600 * 1000;
/// Most links of one patient in force (not revoked, not expired, not disabled).
pub const MAX_LINKS_IN_FORCE: usize = 32;
/// Wrong passcodes a link takes before it is disabled for good.
pub const PASSCODE_ATTEMPTS: u32 = 10;
/// Uses kept in a link's log (the newest); the total is counted apart.
pub const KEPT_USES: usize = 100;
/// Longest recipient name, in characters.
pub const MAX_RECIPIENT_CHARS: usize = 80;
/// Largest manifest request body, in bytes: a recipient and a passcode.
pub const MAX_MANIFEST_BODY: usize = 4096;
/// The content type of every file served (FHIR R4 JSON, as the SHL specification names it).
pub const FHIR_CONTENT_TYPE: &str = "application/fhir+json;fhirVersion=4.0.1";

/// The start of `text` for an error message (what a client sent may be long).
fn shorten(text: &str) -> String {
	const SHOWN: usize = 48;
	if text.chars().count() <= SHOWN {
		format!("{text:?}")
	} else {
		format!("{:?}…", text.chars().take(SHOWN).collect::<String>())
	}
}

/// A link id: 43 base64url characters without padding, the encoding of 32 bytes.
pub fn parse_link_id(text: &str) -> Result<String, VaultError> {
	let decoded = (text.len() == 43).then(|| URL_SAFE_NO_PAD.decode(text).ok()).flatten();
	match decoded {
		Some(bytes) if bytes.len() == 32 => Ok(text.to_string()),
		_ => Err(VaultError::BadRequest(format!(
			"a link id is 43 base64url characters without padding (32 bytes), not {}",
			shorten(text)
		))),
	}
}

/// Checks that `text` looks like a compact JWE as SHL files are: five base64url parts, a
/// protected header that is a JSON object with `"alg": "dir"` and `"enc": "A256GCM"`, an empty
/// encrypted key (`dir`), a 12-byte IV, a non-empty ciphertext and a 16-byte tag (AES-GCM's).
/// The vault cannot decrypt it; this only refuses what no SHL viewer could.
pub fn check_jwe(index: usize, text: &str) -> Result<(), VaultError> {
	let bad = |why: String| VaultError::BadRequest(format!("file {index}: {why}"));
	let parts: Vec<&str> = text.split('.').collect();
	if parts.len() != 5 {
		return Err(bad(format!(
			"a compact JWE has 5 dot-separated parts, this has {}",
			parts.len()
		)));
	}
	let decode = |what: &str, part: &str| {
		URL_SAFE_NO_PAD
			.decode(part)
			.map_err(|_| bad(format!("the {what} is not base64url without padding")))
	};
	let header = decode("protected header", parts[0])?;
	let header: serde_json::Map<String, Value> = serde_json::from_slice(&header)
		.map_err(|_| bad("the protected header is not a JSON object".into()))?;
	for (name, want) in [("alg", "dir"), ("enc", "A256GCM")] {
		if header.get(name).and_then(Value::as_str) != Some(want) {
			return Err(bad(format!(
				"the protected header's {name:?} must be {want:?}, it is {}",
				header.get(name).map(Value::to_string).unwrap_or_else(|| "missing".into())
			)));
		}
	}
	if !parts[1].is_empty() {
		return Err(bad("with \"alg\": \"dir\" the encrypted key part must be empty".into()));
	}
	if decode("initialization vector", parts[2])?.len() != 12 {
		return Err(bad("the A256GCM initialization vector is 12 bytes".into()));
	}
	if decode("ciphertext", parts[3])?.is_empty() {
		return Err(bad("the ciphertext is empty".into()));
	}
	if decode("authentication tag", parts[4])?.len() != 16 {
		return Err(bad("the A256GCM authentication tag is 16 bytes".into()));
	}
	Ok(())
}

/// The body of `POST /v1/shl`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CreateRequest {
	/// 43 base64url characters (32 random bytes), made by the patient's browser.
	pub id: String,
	/// The patient, SS58 or `0x` hex.
	pub patient: String,
	/// Shown to the patient and the viewer; 0 to 80 characters.
	pub label: String,
	/// Unix milliseconds after which the link no longer answers; at most 366 days ahead.
	pub expires_ms: u64,
	/// 4 to 64 characters, or `null` for none.
	#[serde(default)]
	pub passcode: Option<String>,
	/// The records whose content the files carry: 1 to 64, no duplicates.
	pub records: Vec<RecordId>,
	/// The compact JWEs served, 1 to 8.
	pub files: Vec<String>,
}

/// A [`CreateRequest`] that passed every check made without the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLink {
	/// The link id.
	pub id: String,
	/// The patient.
	pub patient: AccountId,
	/// The label.
	pub label: String,
	/// The expiry, unix milliseconds.
	pub expires_ms: u64,
	/// The passcode, if any.
	pub passcode: Option<String>,
	/// The records carried.
	pub records: Vec<RecordId>,
	/// The JWE files.
	pub files: Vec<String>,
}

impl CreateRequest {
	/// Every check that needs no chain, at `now_ms`.
	pub fn validate(self, now_ms: u64) -> Result<NewLink, VaultError> {
		let bad = VaultError::BadRequest;
		let id = parse_link_id(&self.id)?;
		let patient = parse_account(&self.patient).map_err(|e| bad(format!("patient: {e}")))?;
		let label_chars = self.label.chars().count();
		if label_chars > MAX_LABEL_CHARS {
			return Err(bad(format!(
				"the label has {label_chars} characters, more than {MAX_LABEL_CHARS}"
			)));
		}
		if self.expires_ms <= now_ms {
			return Err(bad(format!(
				"expiresMs {} is not in the future (the vault's clock is at {now_ms})",
				self.expires_ms
			)));
		}
		if self.expires_ms > now_ms.saturating_add(MAX_LIFETIME_MS) {
			return Err(bad(format!(
				"expiresMs {} is more than 366 days ahead of the vault's clock ({now_ms})",
				self.expires_ms
			)));
		}
		if let Some(passcode) = &self.passcode {
			let n = passcode.chars().count();
			if !(MIN_PASSCODE_CHARS..=MAX_PASSCODE_CHARS).contains(&n) {
				return Err(bad(format!(
					"a passcode has {MIN_PASSCODE_CHARS} to {MAX_PASSCODE_CHARS} characters, \
					 this one {n}"
				)));
			}
		}
		if self.records.is_empty() || self.records.len() > MAX_RECORDS {
			return Err(bad(format!(
				"a link carries 1 to {MAX_RECORDS} records, not {}",
				self.records.len()
			)));
		}
		let mut seen = HashSet::new();
		if let Some(twice) = self.records.iter().find(|r| !seen.insert(**r)) {
			return Err(bad(format!("record {twice} is listed twice")));
		}
		if self.files.is_empty() || self.files.len() > MAX_FILES {
			return Err(bad(format!(
				"a link serves 1 to {MAX_FILES} files, not {}",
				self.files.len()
			)));
		}
		for (index, file) in self.files.iter().enumerate() {
			check_jwe(index, file)?;
		}
		Ok(NewLink {
			id,
			patient,
			label: self.label,
			expires_ms: self.expires_ms,
			passcode: self.passcode,
			records: self.records,
			files: self.files,
		})
	}
}

/// How a passcode is kept: a random 16-byte salt and SHA-256(salt ‖ passcode), both hex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasscodeHash {
	/// The salt, hex.
	pub salt: String,
	/// SHA-256 of the salt's bytes followed by the passcode's UTF-8 bytes, hex.
	pub sha256: String,
}

fn passcode_digest(salt: &[u8], passcode: &str) -> [u8; 32] {
	Sha256::new().chain_update(salt).chain_update(passcode.as_bytes()).finalize().into()
}

/// Compares without stopping at the first difference.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
	a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl PasscodeHash {
	/// The hash of `passcode` under a fresh random salt.
	pub fn new(passcode: &str) -> Result<Self, VaultError> {
		let mut salt = [0u8; 16];
		getrandom::getrandom(&mut salt)
			.map_err(|e| VaultError::Internal(format!("no randomness for a salt: {e}")))?;
		Ok(Self::with_salt(salt, passcode))
	}

	/// The hash of `passcode` under `salt`.
	pub fn with_salt(salt: [u8; 16], passcode: &str) -> Self {
		Self { salt: hex::encode(salt), sha256: hex::encode(passcode_digest(&salt, passcode)) }
	}

	/// Whether `passcode` is the one hashed. A hash that does not decode is a store fault.
	pub fn matches(&self, passcode: &str) -> Result<bool, VaultError> {
		let corrupt = || VaultError::Store("a link's passcode hash is corrupt".into());
		let salt = hex::decode(&self.salt).map_err(|_| corrupt())?;
		let want = hex::decode(&self.sha256).map_err(|_| corrupt())?;
		if salt.len() != 16 || want.len() != 32 {
			return Err(corrupt());
		}
		Ok(constant_time_eq(&passcode_digest(&salt, passcode), &want))
	}
}

/// One use of a link: who the viewer said they are, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Use {
	/// The manifest request's `recipient`, as given.
	pub recipient: String,
	/// Unix milliseconds.
	pub at_ms: u64,
}

/// A link as kept in `shl/links/<id>/meta.json`. Never served as is: the list shows a
/// [`LinkMeta::summary`], without the passcode hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkMeta {
	/// The link id.
	pub id: String,
	/// The patient, `0x` hex.
	pub patient: String,
	/// Who created it (the patient or their guardian then), `0x` hex.
	pub created_by: String,
	/// The label.
	pub label: String,
	/// Unix milliseconds.
	pub created_ms: u64,
	/// Unix milliseconds.
	pub expires_ms: u64,
	/// The passcode's hash, if the link has one.
	pub passcode: Option<PasscodeHash>,
	/// Wrong passcodes still allowed; at 0 a link with a passcode is disabled.
	pub remaining_attempts: u32,
	/// The records carried.
	pub records: Vec<RecordId>,
	/// How many files (`0.jwe` … `<n-1>.jwe`).
	pub files: u32,
	/// When it was revoked, unix milliseconds.
	pub revoked_ms: Option<u64>,
	/// The newest [`KEPT_USES`] uses, oldest first.
	pub uses: Vec<Use>,
	/// Every use ever.
	pub use_count: u64,
}

/// `0x` + hex of an account, as kept.
fn account_hex(account: &AccountId) -> String {
	format!("0x{}", hex::encode(AsRef::<[u8]>::as_ref(account)))
}

impl LinkMeta {
	/// A new link's metadata, created by `creator` at `now_ms`.
	pub fn new(
		link: &NewLink,
		creator: &AccountId,
		passcode: Option<PasscodeHash>,
		now_ms: u64,
	) -> Result<Self, VaultError> {
		Ok(Self {
			id: link.id.clone(),
			patient: account_hex(&link.patient),
			created_by: account_hex(creator),
			label: link.label.clone(),
			created_ms: now_ms,
			expires_ms: link.expires_ms,
			passcode,
			remaining_attempts: PASSCODE_ATTEMPTS,
			records: link.records.clone(),
			files: u32::try_from(link.files.len())
				.map_err(|_| VaultError::Internal("too many files".into()))?,
			revoked_ms: None,
			uses: Vec::new(),
			use_count: 0,
		})
	}

	/// The patient's account.
	pub fn patient_account(&self) -> Result<AccountId, VaultError> {
		parse_account(&self.patient)
			.map_err(|e| VaultError::Store(format!("link {}: its patient: {e}", self.id)))
	}

	/// Disabled by wrong passcodes.
	pub fn locked(&self) -> bool {
		self.passcode.is_some() && self.remaining_attempts == 0
	}

	/// Whether the link answers at `now_ms`: not revoked, not disabled, not expired (in that
	/// order of refusal).
	pub fn ensure_in_force(&self, now_ms: u64) -> Result<(), VaultError> {
		if self.revoked_ms.is_some() {
			return Err(VaultError::ShlRevoked(self.id.clone()));
		}
		if self.locked() {
			return Err(VaultError::ShlLocked(self.id.clone()));
		}
		if now_ms >= self.expires_ms {
			return Err(VaultError::ShlExpired(self.id.clone()));
		}
		Ok(())
	}

	/// Checks a viewer's passcode. A wrong one uses up an attempt (the caller keeps the
	/// change); a missing one changes nothing; a link without a passcode ignores it.
	pub fn try_passcode(&mut self, given: Option<&str>) -> Result<(), VaultError> {
		let Some(hash) = &self.passcode else { return Ok(()) };
		let Some(given) = given else {
			return Err(VaultError::ShlPasscode {
				given: false,
				remaining: self.remaining_attempts,
			});
		};
		if hash.matches(given)? {
			return Ok(());
		}
		self.remaining_attempts = self.remaining_attempts.saturating_sub(1);
		Err(VaultError::ShlPasscode { given: true, remaining: self.remaining_attempts })
	}

	/// Logs a use, keeping the newest [`KEPT_USES`].
	pub fn record_use(&mut self, recipient: String, at_ms: u64) {
		self.uses.push(Use { recipient, at_ms });
		if self.uses.len() > KEPT_USES {
			let drop = self.uses.len() - KEPT_USES;
			self.uses.drain(..drop);
		}
		self.use_count = self.use_count.saturating_add(1);
	}

	/// What `GET /v1/shl` shows of the link: no files, no passcode hash; uses newest first.
	/// `remainingAttempts` is a number for every link (it stays at [`PASSCODE_ATTEMPTS`] for a
	/// link without a passcode: `passcode` says which).
	pub fn summary(&self) -> Value {
		let uses: Vec<Value> = self
			.uses
			.iter()
			.rev()
			.map(|u| json!({ "recipient": u.recipient, "atMs": u.at_ms }))
			.collect();
		json!({
			"id": self.id,
			"label": self.label,
			"createdMs": self.created_ms,
			"expiresMs": self.expires_ms,
			"passcode": self.passcode.is_some(),
			"revoked": self.revoked_ms.is_some(),
			"records": self.records,
			"remainingAttempts": self.remaining_attempts,
			"uses": uses,
			"useCount": self.use_count,
		})
	}
}

/// The signer may manage `patient`'s links: it is the patient, or the patient's guardian
/// (`guardian`, read at the finalized block).
pub fn ensure_patient_or_guardian_of(
	signer: &AccountId,
	patient: &AccountId,
	guardian: Option<&AccountId>,
) -> Result<(), VaultError> {
	if signer == patient || guardian == Some(signer) {
		Ok(())
	} else {
		Err(VaultError::NotPatientOrGuardianOf {
			patient: patient.to_ss58check(),
			signer: signer.to_ss58check(),
		})
	}
}

/// Serialises the read-modify-write of one link's metadata, and the count-then-add of one
/// patient's links, within this process. An entry lives while someone holds or waits for it.
#[derive(Default)]
pub struct LinkLocks {
	locks: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

impl LinkLocks {
	/// Waits for the lock of `key` (`link:<id>` or `patient:<hex>`).
	pub async fn lock(&self, key: &str) -> OwnedMutexGuard<()> {
		let lock = {
			// A poisoned map is still a valid map (a panic cannot leave it half-changed).
			let mut locks = self.locks.lock().unwrap_or_else(|p| p.into_inner());
			locks.retain(|_, lock| Arc::strong_count(lock) > 1);
			locks.entry(key.to_string()).or_default().clone()
		};
		lock.lock_owned().await
	}

	/// How many locks are held or waited for (for tests).
	pub fn in_use(&self) -> usize {
		let locks = self.locks.lock().unwrap_or_else(|p| p.into_inner());
		locks.values().filter(|lock| Arc::strong_count(lock) > 1).count()
	}
}

fn link_key(id: &str) -> String {
	format!("link:{id}")
}

fn patient_key(patient: &AccountId) -> String {
	format!("patient:{}", hex::encode(AsRef::<[u8]>::as_ref(patient)))
}

fn meta_name(id: &str) -> String {
	format!("shl/links/{id}/meta.json")
}

fn file_name(id: &str, n: u32) -> String {
	format!("shl/links/{id}/{n}.jwe")
}

fn index_prefix(patient: &AccountId) -> String {
	format!("shl/patients/{}", hex::encode(AsRef::<[u8]>::as_ref(patient)))
}

/// The links in the blob store, under `shl/`.
pub struct LinkStore<'a>(pub &'a BlobStore);

impl LinkStore<'_> {
	/// A link's metadata, `None` if there is no such link.
	pub async fn meta(&self, id: &str) -> Result<Option<LinkMeta>, VaultError> {
		let Some(bytes) = self.0.get_named(&meta_name(id)).await? else { return Ok(None) };
		serde_json::from_slice(&bytes)
			.map(Some)
			.map_err(|e| VaultError::Store(format!("the metadata of link {id} is corrupt: {e}")))
	}

	/// Keeps a link's metadata (replacing it).
	pub async fn put_meta(&self, meta: &LinkMeta) -> Result<(), VaultError> {
		let bytes = serde_json::to_vec(meta).map_err(|e| VaultError::Internal(e.to_string()))?;
		self.0.put_named(&meta_name(&meta.id), Bytes::from(bytes)).await
	}

	/// The link's files, in order.
	pub async fn files(&self, meta: &LinkMeta) -> Result<Vec<String>, VaultError> {
		let mut files = Vec::with_capacity(meta.files as usize);
		for n in 0..meta.files {
			let bytes = self.0.get_named(&file_name(&meta.id, n)).await?.ok_or_else(|| {
				VaultError::Store(format!("file {n} of link {} is missing", meta.id))
			})?;
			let text = String::from_utf8(bytes.to_vec()).map_err(|_| {
				VaultError::Store(format!("file {n} of link {} is not text", meta.id))
			})?;
			files.push(text);
		}
		Ok(files)
	}

	/// Deletes the link's files (missing ones are no error).
	pub async fn delete_files(&self, id: &str, count: u32) -> Result<(), VaultError> {
		for n in 0..count {
			self.0.delete_named(&file_name(id, n)).await?;
		}
		Ok(())
	}

	/// The ids in the patient's index.
	pub async fn ids_of(&self, patient: &AccountId) -> Result<Vec<String>, VaultError> {
		self.0.list_named(&index_prefix(patient)).await
	}

	/// The patient's links, newest first. Index entries without metadata (a create cut short)
	/// or of a link of another patient are skipped.
	pub async fn links_of(&self, patient: &AccountId) -> Result<Vec<LinkMeta>, VaultError> {
		let want = account_hex(patient);
		let mut links = Vec::new();
		for id in self.ids_of(patient).await? {
			match self.meta(&id).await? {
				Some(meta) if meta.patient == want => links.push(meta),
				_ => tracing::warn!(id, patient = %want, "SHL index entry without its link"),
			}
		}
		links.sort_by(|a, b| b.created_ms.cmp(&a.created_ms).then_with(|| a.id.cmp(&b.id)));
		Ok(links)
	}

	/// Refuses a new link for a patient with [`MAX_LINKS_IN_FORCE`] links in force at `now_ms`
	/// (revoked, expired and disabled links do not count).
	pub async fn ensure_room(&self, patient: &AccountId, now_ms: u64) -> Result<(), VaultError> {
		let in_force = self
			.links_of(patient)
			.await?
			.iter()
			.filter(|link| link.ensure_in_force(now_ms).is_ok())
			.count();
		if in_force >= MAX_LINKS_IN_FORCE {
			return Err(VaultError::ShlLimit {
				patient: patient.to_ss58check(),
				limit: MAX_LINKS_IN_FORCE,
			});
		}
		Ok(())
	}

	/// Writes a new link: its index entry, its files, then its metadata (which makes it
	/// exist). If a write fails, what was written is deleted again as far as the store lets.
	pub async fn create(
		&self,
		patient: &AccountId,
		meta: &LinkMeta,
		files: &[String],
	) -> Result<(), VaultError> {
		let index = format!("{}/{}", index_prefix(patient), meta.id);
		let written = async {
			self.0.put_named(&index, Bytes::from(meta.created_ms.to_string())).await?;
			for (n, file) in (0u32..).zip(files) {
				self.0.put_named(&file_name(&meta.id, n), Bytes::from(file.clone())).await?;
			}
			self.put_meta(meta).await
		}
		.await;
		if let Err(e) = &written {
			tracing::error!(id = meta.id, error = %e, "SHL create failed; removing what was written");
			let _ = self.0.delete_named(&meta_name(&meta.id)).await;
			let _ = self.delete_files(&meta.id, meta.files).await;
			let _ = self.0.delete_named(&index).await;
		}
		written
	}
}

/// The chain's checks of a new link, at one finalized block: the signer is the patient or
/// their guardian, and each record exists, is the patient's and is not erased.
async fn check_new_link_on_chain(
	chain: &Chain,
	signer: &AccountId,
	link: &NewLink,
) -> Result<u32, VaultError> {
	chain.ensure_ready().await?;
	let (at, number) = chain.finalized().await?;
	let patient = chain.patient_at(&link.patient, at).await?;
	let guardian = patient.as_ref().and_then(|p| p.guardian.as_ref());
	ensure_patient_or_guardian_of(signer, &link.patient, guardian)?;
	for &record in &link.records {
		let anchor = chain.record_at(record, at).await?.ok_or(VaultError::UnknownRecord(record))?;
		if anchor.patient != link.patient {
			return Err(VaultError::ShlForeignRecord {
				record,
				patient: link.patient.to_ss58check(),
			});
		}
		if chain.erasure_at(record, at).await?.is_some() {
			return Err(VaultError::ShlRecordErased(record));
		}
	}
	Ok(number)
}

/// The signer may manage `patient`'s links. The patient always may (no need to ask the node);
/// anyone else only as the guardian at the finalized block.
async fn ensure_may_manage(
	chain: &Chain,
	signer: &AccountId,
	patient: &AccountId,
) -> Result<(), VaultError> {
	if signer == patient {
		return Ok(());
	}
	chain.ensure_ready().await?;
	let (at, _) = chain.finalized().await?;
	let info = chain.patient_at(patient, at).await?;
	ensure_patient_or_guardian_of(signer, patient, info.as_ref().and_then(|p| p.guardian.as_ref()))
}

/// No record of the link is erased at the finalized block.
async fn ensure_none_erased(chain: &Chain, records: &[RecordId]) -> Result<(), VaultError> {
	chain.ensure_ready().await?;
	let (at, _) = chain.finalized().await?;
	for &record in records {
		if chain.erasure_at(record, at).await?.is_some() {
			return Err(VaultError::ShlRecordErased(record));
		}
	}
	Ok(())
}

/// `POST /v1/shl`: keeps a new link. 201 `{id, manifestPath}`.
pub async fn create(
	State(vault): State<Arc<Vault>>,
	method: Method,
	uri: Uri,
	headers: HeaderMap,
	body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<Value>), VaultError> {
	let body = body_bytes(body, vault.max_body_bytes)?;
	let signer = authenticate(&vault, &method, &uri, &headers, &blake2_256(&body))?;
	let request: CreateRequest = serde_json::from_slice(&body).map_err(|e| {
		VaultError::BadRequest(format!(
			"expected {{id, patient, label, expiresMs, passcode, records, files}}: {e}"
		))
	})?;
	let link = request.validate(now_ms())?;
	let finalized = check_new_link_on_chain(&vault.chain, &signer, &link).await?;

	let _patient_guard = vault.links.lock(&patient_key(&link.patient)).await;
	let _link_guard = vault.links.lock(&link_key(&link.id)).await;
	let store = LinkStore(&vault.store);
	if store.meta(&link.id).await?.is_some() {
		return Err(VaultError::ShlExists(link.id));
	}
	let now = now_ms();
	store.ensure_room(&link.patient, now).await?;
	let passcode = link.passcode.as_deref().map(PasscodeHash::new).transpose()?;
	let meta = LinkMeta::new(&link, &signer, passcode, now)?;
	store.create(&link.patient, &meta, &link.files).await?;
	tracing::info!(
		id = meta.id, patient = %link.patient.to_ss58check(), by = %signer.to_ss58check(),
		records = ?meta.records, files = meta.files, expires_ms = meta.expires_ms,
		passcode = meta.passcode.is_some(), finalized, "SMART Health Link created"
	);
	Ok((
		StatusCode::CREATED,
		Json(json!({ "id": meta.id, "manifestPath": format!("/shl/{}", meta.id) })),
	))
}

/// The body of `POST /shl/{id}` (the SHL manifest request).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ManifestRequest {
	recipient: String,
	#[serde(default)]
	passcode: Option<String>,
	/// Part of the SHL manifest request; accepted and not used: every file is embedded.
	#[serde(default)]
	#[allow(dead_code)]
	embedded_length_max: Option<u64>,
}

/// `POST /shl/{id}`, public: the link's files for a viewer, after the passcode, the expiry, the
/// revocation and the chain's erasures are checked; the use is logged.
pub async fn manifest(
	State(vault): State<Arc<Vault>>,
	path: Result<Path<String>, PathRejection>,
	body: Result<Bytes, BytesRejection>,
) -> Result<Json<Value>, VaultError> {
	let body = body_bytes(body, vault.max_body_bytes)?;
	if body.len() > MAX_MANIFEST_BODY {
		return Err(VaultError::PayloadTooLarge { limit: MAX_MANIFEST_BODY });
	}
	let Path(id) = path.map_err(|r| VaultError::BadRequest(r.body_text()))?;
	// No link has a malformed id.
	let id = parse_link_id(&id).map_err(|_| VaultError::ShlNotFound(shorten(&id)))?;
	let request: ManifestRequest = serde_json::from_slice(&body).map_err(|e| {
		VaultError::BadRequest(format!("expected {{\"recipient\": …, \"passcode\": …}}: {e}"))
	})?;
	let recipient_chars = request.recipient.chars().count();
	if !(1..=MAX_RECIPIENT_CHARS).contains(&recipient_chars) {
		return Err(VaultError::BadRequest(format!(
			"the recipient has 1 to {MAX_RECIPIENT_CHARS} characters, not {recipient_chars}"
		)));
	}

	let _guard = vault.links.lock(&link_key(&id)).await;
	let store = LinkStore(&vault.store);
	let mut meta = store.meta(&id).await?.ok_or_else(|| VaultError::ShlNotFound(id.clone()))?;
	meta.ensure_in_force(now_ms())?;
	if let Err(e) = meta.try_passcode(request.passcode.as_deref()) {
		if matches!(e, VaultError::ShlPasscode { given: true, .. }) {
			store.put_meta(&meta).await?;
			tracing::warn!(id, remaining = meta.remaining_attempts, "SHL: a wrong passcode");
		}
		return Err(e);
	}
	ensure_none_erased(&vault.chain, &meta.records).await?;
	let files = store.files(&meta).await?;
	meta.record_use(request.recipient, now_ms());
	store.put_meta(&meta).await?;
	tracing::info!(id, uses = meta.use_count, files = files.len(), "SMART Health Link used");
	let files: Vec<Value> = files
		.into_iter()
		.map(|jwe| json!({ "contentType": FHIR_CONTENT_TYPE, "embedded": jwe }))
		.collect();
	Ok(Json(json!({ "files": files })))
}

/// The patient of `GET /v1/shl?patient=…`: exactly one `patient` parameter.
fn list_patient(uri: &Uri) -> Result<AccountId, VaultError> {
	let bad =
		|why: &str| VaultError::BadRequest(format!("expected ?patient=<SS58 or 0x hex>: {why}"));
	let query = uri.query().ok_or_else(|| bad("no query"))?;
	let mut patient = None;
	for pair in query.split('&') {
		match pair.split_once('=') {
			Some(("patient", value)) if patient.is_none() => patient = Some(value),
			Some(("patient", _)) => return Err(bad("patient is given twice")),
			_ => return Err(bad(&format!("unknown parameter {}", shorten(pair)))),
		}
	}
	let patient = patient.ok_or_else(|| bad("no patient"))?;
	parse_account(patient).map_err(|e| VaultError::BadRequest(format!("patient: {e}")))
}

/// `GET /v1/shl?patient=…`: the patient's links, newest first, with their uses.
pub async fn list(
	State(vault): State<Arc<Vault>>,
	method: Method,
	uri: Uri,
	headers: HeaderMap,
	body: Result<Bytes, BytesRejection>,
) -> Result<Json<Value>, VaultError> {
	let body = body_bytes(body, vault.max_body_bytes)?;
	let signer = authenticate(&vault, &method, &uri, &headers, &blake2_256(&body))?;
	let patient = list_patient(&uri)?;
	ensure_may_manage(&vault.chain, &signer, &patient).await?;
	let links = LinkStore(&vault.store).links_of(&patient).await?;
	Ok(Json(json!({ "links": links.iter().map(LinkMeta::summary).collect::<Vec<_>>() })))
}

/// `DELETE /v1/shl/{id}`: revokes the link: its files are deleted, its metadata (and use log)
/// kept. Idempotent: `already: true` if it was revoked before.
pub async fn revoke(
	State(vault): State<Arc<Vault>>,
	path: Result<Path<String>, PathRejection>,
	method: Method,
	uri: Uri,
	headers: HeaderMap,
	body: Result<Bytes, BytesRejection>,
) -> Result<Json<Value>, VaultError> {
	let body = body_bytes(body, vault.max_body_bytes)?;
	let signer = authenticate(&vault, &method, &uri, &headers, &blake2_256(&body))?;
	let Path(id) = path.map_err(|r| VaultError::BadRequest(r.body_text()))?;
	let id = parse_link_id(&id)?;
	let store = LinkStore(&vault.store);
	let meta = store.meta(&id).await?.ok_or_else(|| VaultError::ShlNotFound(id.clone()))?;
	ensure_may_manage(&vault.chain, &signer, &meta.patient_account()?).await?;

	let _guard = vault.links.lock(&link_key(&id)).await;
	let mut meta = store.meta(&id).await?.ok_or_else(|| VaultError::ShlNotFound(id.clone()))?;
	let already = meta.revoked_ms.is_some();
	if !already {
		meta.revoked_ms = Some(now_ms());
		// The metadata first: from here on no viewer gets the files.
		store.put_meta(&meta).await?;
	}
	// Again when revoked already, in case an earlier revocation could not finish.
	store.delete_files(&id, meta.files).await?;
	if !already {
		tracing::info!(id, by = %signer.to_ss58check(), "SMART Health Link revoked");
	}
	Ok(Json(json!({ "id": id, "revoked": true, "already": already })))
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::http::CORS_REQUEST_HEADERS as CORS_ALL_REQUEST_HEADERS;
	use sp_keyring::Sr25519Keyring::{Alice, Bob, Eve, Ferdie};

	const NOW: u64 = 1_780_000_000_000;

	/// A well-formed compact JWE (random bytes where the encryption would be).
	pub(crate) fn jwe(seed: u8) -> String {
		let header = URL_SAFE_NO_PAD
			.encode(br#"{"alg":"dir","enc":"A256GCM","cty":"application/fhir+json"}"#);
		let part = |n: usize| URL_SAFE_NO_PAD.encode(vec![seed; n]);
		format!("{header}..{}.{}.{}", part(12), part(40), part(16))
	}

	pub(crate) fn link_id(seed: u8) -> String {
		URL_SAFE_NO_PAD.encode([seed; 32])
	}

	fn request() -> CreateRequest {
		CreateRequest {
			id: link_id(1),
			patient: Eve.to_account_id().to_ss58check(),
			label: "For Dr. Wang, Kunming".into(),
			expires_ms: NOW + 3_600_000,
			passcode: Some("1234".into()),
			records: vec![3, 7],
			files: vec![jwe(1), jwe(2)],
		}
	}

	#[test]
	fn a_good_request_validates() {
		let link = request().validate(NOW).expect("valid");
		assert_eq!(link.patient, Eve.to_account_id());
		assert_eq!(link.records, vec![3, 7]);
		// A hex patient, no passcode, an empty label, the longest lifetime.
		let mut r = request();
		r.patient = format!("0x{}", hex::encode(Eve.to_account_id()));
		r.passcode = None;
		r.label = String::new();
		r.expires_ms = NOW + MAX_LIFETIME_MS;
		assert_eq!(r.validate(NOW).expect("valid").patient, Eve.to_account_id());
		// The JSON the client sends, `passcode: null` included.
		let parsed: CreateRequest = serde_json::from_value(json!({
			"id": link_id(2), "patient": Eve.to_account_id().to_ss58check(), "label": "x",
			"expiresMs": NOW + 1, "passcode": null, "records": [1], "files": [jwe(3)],
		}))
		.expect("parses");
		assert!(parsed.validate(NOW).is_ok());
	}

	#[test]
	fn every_bad_field_is_refused() {
		let cases: Vec<(&str, Box<dyn Fn(&mut CreateRequest)>)> = vec![
			("short id", Box::new(|r| r.id = "abc".into())),
			("padded id", Box::new(|r| r.id = format!("{}=", &link_id(1)[..42]))),
			("id of 33 bytes", Box::new(|r| r.id = URL_SAFE_NO_PAD.encode([1u8; 33]))),
			("id with +", Box::new(|r| r.id = format!("+{}", &link_id(1)[1..]))),
			("non-canonical id", Box::new(|r| r.id = format!("{}B", &link_id(0)[..42]))),
			("bad patient", Box::new(|r| r.patient = "5Nope".into())),
			("long label", Box::new(|r| r.label = "é".repeat(81))),
			("expired", Box::new(|r| r.expires_ms = NOW)),
			("too far", Box::new(|r| r.expires_ms = NOW + MAX_LIFETIME_MS + 1)),
			("short passcode", Box::new(|r| r.passcode = Some("123".into()))),
			("long passcode", Box::new(|r| r.passcode = Some("x".repeat(65)))),
			("no records", Box::new(|r| r.records.clear())),
			("65 records", Box::new(|r| r.records = (0..65).collect())),
			("duplicate records", Box::new(|r| r.records = vec![3, 4, 3])),
			("no files", Box::new(|r| r.files.clear())),
			("9 files", Box::new(|r| r.files = (0..9).map(jwe).collect())),
			("a JWS, not a JWE", Box::new(|r| r.files[1] = "a.b.c".into())),
		];
		for (what, change) in cases {
			let mut r = request();
			change(&mut r);
			assert!(matches!(r.validate(NOW), Err(VaultError::BadRequest(_))), "{what}");
		}
		// The edges are accepted.
		let mut r = request();
		r.label = "é".repeat(80);
		r.passcode = Some("x".repeat(64));
		r.records = (0..64).collect();
		r.files = (0..8).map(jwe).collect();
		assert!(r.validate(NOW).is_ok());
		// Unknown fields are refused when parsing.
		let extra = json!({
			"id": link_id(2), "patient": "x", "label": "x", "expiresMs": 1, "passcode": null,
			"records": [1], "files": [], "key": "the fragment key must never come here",
		});
		assert!(serde_json::from_value::<CreateRequest>(extra).is_err());
	}

	#[test]
	fn jwe_shape() {
		assert_eq!(check_jwe(0, &jwe(9)), Ok(()));
		let header = |h: &str| URL_SAFE_NO_PAD.encode(h);
		let rest = |iv: usize, ct: usize, tag: usize| {
			format!(
				"{}.{}.{}",
				URL_SAFE_NO_PAD.encode(vec![1; iv]),
				URL_SAFE_NO_PAD.encode(vec![1; ct]),
				URL_SAFE_NO_PAD.encode(vec![1; tag])
			)
		};
		let good_header = header(r#"{"alg":"dir","enc":"A256GCM","zip":"DEF"}"#);
		assert_eq!(check_jwe(0, &format!("{good_header}..{}", rest(12, 1, 16))), Ok(()));
		for (what, text) in [
			("4 parts", format!("{good_header}.{}", rest(12, 5, 16))),
			("6 parts", format!("{good_header}..{}.x", rest(12, 5, 16))),
			("an encrypted key", format!("{good_header}.AAAA.{}", rest(12, 5, 16))),
			(
				"RSA",
				format!("{}..{}", header(r#"{"alg":"RSA-OAEP","enc":"A256GCM"}"#), rest(12, 5, 16)),
			),
			(
				"A128GCM",
				format!("{}..{}", header(r#"{"alg":"dir","enc":"A128GCM"}"#), rest(12, 5, 16)),
			),
			("no enc", format!("{}..{}", header(r#"{"alg":"dir"}"#), rest(12, 5, 16))),
			("a header array", format!("{}..{}", header(r#"["dir"]"#), rest(12, 5, 16))),
			("a header not JSON", format!("{}..{}", header("dir"), rest(12, 5, 16))),
			("a padded part", format!("{good_header}..{}", rest(12, 5, 16)) + "="),
			(
				"a standard-base64 part",
				format!("{good_header}..{}", rest(12, 5, 16)).replace('.', ".+"),
			),
			("an 8-byte IV", format!("{good_header}..{}", rest(8, 5, 16))),
			("a 12-byte tag", format!("{good_header}..{}", rest(12, 5, 12))),
			("no ciphertext", format!("{good_header}..{}", rest(12, 0, 16))),
			("empty", String::new()),
		] {
			assert!(
				matches!(check_jwe(2, &text), Err(VaultError::BadRequest(m)) if m.starts_with("file 2:")),
				"{what}"
			);
		}
	}

	#[test]
	fn passcodes_are_kept_salted_and_hashed() {
		let hash = PasscodeHash::with_salt([7; 16], "1234");
		assert_eq!(hash.salt, "07".repeat(16));
		let mut input = vec![7u8; 16];
		input.extend_from_slice(b"1234");
		assert_eq!(hash.sha256, hex::encode(Sha256::digest(&input)));
		assert_eq!(hash.matches("1234"), Ok(true));
		assert_eq!(hash.matches("12345"), Ok(false));
		assert_eq!(hash.matches(""), Ok(false));
		// Fresh salts differ, so equal passcodes do not hash alike.
		let (a, b) = (PasscodeHash::new("1234").expect("a"), PasscodeHash::new("1234").expect("b"));
		assert_ne!(a.salt, b.salt);
		assert_ne!(a.sha256, b.sha256);
		assert_eq!(a.matches("1234"), Ok(true));
		let corrupt = PasscodeHash { salt: "zz".into(), sha256: hash.sha256.clone() };
		assert!(matches!(corrupt.matches("1234"), Err(VaultError::Store(_))));
		assert!(constant_time_eq(b"abc", b"abc") && !constant_time_eq(b"abc", b"abd"));
		assert!(!constant_time_eq(b"abc", b"ab"));
	}

	fn meta(passcode: Option<&str>) -> LinkMeta {
		let mut r = request();
		r.passcode = passcode.map(str::to_string);
		let link = r.validate(NOW).expect("valid");
		let hash = passcode.map(|p| PasscodeHash::with_salt([1; 16], p));
		LinkMeta::new(&link, &Eve.to_account_id(), hash, NOW).expect("meta")
	}

	#[test]
	fn wrong_passcodes_use_up_attempts_until_the_link_is_disabled() {
		let mut m = meta(Some("2468"));
		assert_eq!(m.remaining_attempts, PASSCODE_ATTEMPTS);
		// A missing passcode costs nothing.
		assert_eq!(
			m.try_passcode(None),
			Err(VaultError::ShlPasscode { given: false, remaining: 10 })
		);
		assert_eq!(m.remaining_attempts, 10);
		for left in (1..PASSCODE_ATTEMPTS).rev() {
			assert_eq!(
				m.try_passcode(Some("0000")),
				Err(VaultError::ShlPasscode { given: true, remaining: left })
			);
			assert_eq!(m.ensure_in_force(NOW), Ok(()));
		}
		// The right one still works with attempts left, and does not reset them.
		assert_eq!(m.try_passcode(Some("2468")), Ok(()));
		assert_eq!(m.remaining_attempts, 1);
		assert_eq!(
			m.try_passcode(Some("0000")),
			Err(VaultError::ShlPasscode { given: true, remaining: 0 })
		);
		assert!(m.locked());
		assert_eq!(m.ensure_in_force(NOW), Err(VaultError::ShlLocked(m.id.clone())));
		// Further attempts stay at 0.
		assert_eq!(
			m.try_passcode(Some("0000")),
			Err(VaultError::ShlPasscode { given: true, remaining: 0 })
		);
		// A link without a passcode ignores one.
		let mut open = meta(None);
		assert_eq!(open.try_passcode(Some("anything")), Ok(()));
		assert_eq!(open.try_passcode(None), Ok(()));
		assert!(!open.locked());
	}

	#[test]
	fn refusal_order_revoked_locked_expired() {
		let mut m = meta(Some("2468"));
		assert_eq!(m.ensure_in_force(m.expires_ms - 1), Ok(()));
		assert_eq!(m.ensure_in_force(m.expires_ms), Err(VaultError::ShlExpired(m.id.clone())));
		m.remaining_attempts = 0;
		assert_eq!(m.ensure_in_force(m.expires_ms), Err(VaultError::ShlLocked(m.id.clone())));
		m.revoked_ms = Some(NOW);
		assert_eq!(m.ensure_in_force(NOW), Err(VaultError::ShlRevoked(m.id.clone())));
	}

	#[test]
	fn the_use_log_keeps_the_newest_hundred_and_counts_all() {
		let mut m = meta(None);
		for i in 0..250u64 {
			m.record_use(format!("viewer {i}"), NOW + i);
		}
		assert_eq!(m.use_count, 250);
		assert_eq!(m.uses.len(), KEPT_USES);
		assert_eq!(m.uses[0], Use { recipient: "viewer 150".into(), at_ms: NOW + 150 });
		assert_eq!(m.uses[99].recipient, "viewer 249");
		let summary = m.summary();
		assert_eq!(summary["useCount"], 250);
		assert_eq!(summary["uses"][0], json!({ "recipient": "viewer 249", "atMs": NOW + 249 }));
		assert_eq!(summary["remainingAttempts"], PASSCODE_ATTEMPTS);
		assert_eq!(summary["passcode"], false);
		assert_eq!(summary["revoked"], false);
	}

	#[test]
	fn the_summary_never_shows_the_passcode_hash() {
		let m = meta(Some("2468"));
		let summary = m.summary();
		let keys: Vec<&str> =
			summary.as_object().expect("object").keys().map(String::as_str).collect();
		let mut keys = keys;
		keys.sort_unstable();
		assert_eq!(
			keys,
			vec![
				"createdMs",
				"expiresMs",
				"id",
				"label",
				"passcode",
				"records",
				"remainingAttempts",
				"revoked",
				"useCount",
				"uses"
			]
		);
		assert_eq!(summary["passcode"], true);
		assert_eq!(summary["remainingAttempts"], 10);
		let text = summary.to_string();
		let hash = m.passcode.as_ref().expect("hash");
		assert!(!text.contains(&hash.sha256) && !text.contains(&hash.salt));
		// The metadata round-trips through its JSON.
		let back: LinkMeta =
			serde_json::from_slice(&serde_json::to_vec(&m).expect("json")).expect("parses");
		assert_eq!(back, m);
	}

	#[test]
	fn only_the_patient_or_the_guardian_manages_links() {
		let (eve, ferdie, bob) = (Eve.to_account_id(), Ferdie.to_account_id(), Bob.to_account_id());
		assert_eq!(ensure_patient_or_guardian_of(&eve, &eve, None), Ok(()));
		assert_eq!(ensure_patient_or_guardian_of(&ferdie, &eve, Some(&ferdie)), Ok(()));
		assert_eq!(
			ensure_patient_or_guardian_of(&bob, &eve, Some(&ferdie)),
			Err(VaultError::NotPatientOrGuardianOf {
				patient: eve.to_ss58check(),
				signer: bob.to_ss58check()
			})
		);
		assert!(ensure_patient_or_guardian_of(&ferdie, &eve, None).is_err());
	}

	#[test]
	fn the_list_query_names_one_patient() {
		let eve = Eve.to_account_id();
		let uri = |q: &str| format!("/v1/shl{q}").parse::<Uri>().expect("uri");
		assert_eq!(
			list_patient(&uri(&format!("?patient={}", eve.to_ss58check()))),
			Ok(eve.clone())
		);
		assert_eq!(
			list_patient(&uri(&format!("?patient=0x{}", hex::encode(&eve)))),
			Ok(eve.clone())
		);
		for bad in ["", "?", "?patient=", "?patient=5Nope", "?who=x", "?patient=a&patient=b"] {
			assert!(matches!(list_patient(&uri(bad)), Err(VaultError::BadRequest(_))), "{bad}");
		}
		let twice = format!("?patient={0}&patient={0}", eve.to_ss58check());
		assert!(list_patient(&uri(&twice)).is_err());
	}

	/// A link of `patient` created at `created_ms`, kept in `store`.
	async fn keep(
		store: &LinkStore<'_>,
		seed: u8,
		patient: &AccountId,
		created_ms: u64,
	) -> LinkMeta {
		let mut r = request();
		r.id = link_id(seed);
		r.patient = patient.to_ss58check();
		let link = r.validate(created_ms).expect("valid");
		let meta = LinkMeta::new(&link, patient, None, created_ms).expect("meta");
		store.create(patient, &meta, &link.files).await.expect("create");
		meta
	}

	#[tokio::test]
	async fn links_are_kept_beside_the_blobs_and_listed_per_patient() {
		let dir = tempfile::tempdir().expect("temp dir");
		let blobs = BlobStore::local(dir.path()).expect("store");
		let store = LinkStore(&blobs);
		let (eve, ferdie) = (Eve.to_account_id(), Ferdie.to_account_id());
		let first = keep(&store, 1, &eve, NOW).await;
		let second = keep(&store, 2, &eve, NOW + 5).await;
		keep(&store, 3, &ferdie, NOW).await;
		let listed: Vec<String> =
			store.links_of(&eve).await.expect("list").into_iter().map(|m| m.id).collect();
		assert_eq!(listed, vec![second.id.clone(), first.id.clone()], "newest first");
		assert_eq!(store.files(&first).await.expect("files"), vec![jwe(1), jwe(2)]);
		let on_disk = dir.path().join("shl/links").join(&first.id);
		assert_eq!(std::fs::read_to_string(on_disk.join("1.jwe")).expect("file"), jwe(2));
		assert!(dir
			.path()
			.join(format!("shl/patients/{}/{}", hex::encode(&eve), first.id))
			.exists());

		// A revocation deletes the files and keeps the metadata.
		store.delete_files(&first.id, first.files).await.expect("delete");
		assert!(!on_disk.join("0.jwe").exists() && on_disk.join("meta.json").exists());
		assert!(matches!(store.files(&first).await, Err(VaultError::Store(_))));
		// An index entry without metadata (a create cut short) is skipped.
		blobs
			.put_named(&format!("{}/{}", index_prefix(&eve), link_id(9)), Bytes::from_static(b"1"))
			.await
			.expect("put");
		assert_eq!(store.links_of(&eve).await.expect("list").len(), 2);
		// Corrupt metadata is a store fault, never "no link".
		std::fs::write(on_disk.join("meta.json"), b"{").expect("write");
		assert!(matches!(store.meta(&first.id).await, Err(VaultError::Store(_))));
	}

	#[tokio::test]
	async fn at_most_32_links_in_force_per_patient() {
		let dir = tempfile::tempdir().expect("temp dir");
		let blobs = BlobStore::local(dir.path()).expect("store");
		let store = LinkStore(&blobs);
		let (eve, alice) = (Eve.to_account_id(), Alice.to_account_id());
		let mut links = Vec::new();
		for seed in 0..32u8 {
			assert_eq!(store.ensure_room(&eve, NOW).await, Ok(()), "link {seed}");
			links.push(keep(&store, seed, &eve, NOW).await);
		}
		let full = Err(VaultError::ShlLimit { patient: eve.to_ss58check(), limit: 32 });
		assert_eq!(store.ensure_room(&eve, NOW).await, full);
		assert_eq!(store.ensure_room(&alice, NOW).await, Ok(()), "another patient has room");
		// A revoked link does not count…
		let mut revoked = links[0].clone();
		revoked.revoked_ms = Some(NOW);
		store.put_meta(&revoked).await.expect("put");
		assert_eq!(store.ensure_room(&eve, NOW).await, Ok(()));
		keep(&store, 100, &eve, NOW).await;
		assert_eq!(store.ensure_room(&eve, NOW).await, full);
		// …nor one disabled by wrong passcodes…
		let mut locked = links[1].clone();
		locked.passcode = Some(PasscodeHash::with_salt([2; 16], "1234"));
		locked.remaining_attempts = 0;
		store.put_meta(&locked).await.expect("put");
		assert_eq!(store.ensure_room(&eve, NOW).await, Ok(()));
		keep(&store, 101, &eve, NOW).await;
		assert_eq!(store.ensure_room(&eve, NOW).await, full);
		// …nor an expired one: at its expiry every link of this batch has expired.
		assert_eq!(store.ensure_room(&eve, links[2].expires_ms).await, Ok(()));
		assert_eq!(store.links_of(&eve).await.expect("list").len(), 34, "all are still listed");
	}

	#[tokio::test]
	async fn the_lock_map_serialises_one_link_and_forgets_idle_locks() {
		let locks = Arc::new(LinkLocks::default());
		let counter = Arc::new(tokio::sync::Mutex::new(Vec::new()));
		let mut tasks = Vec::new();
		// Read-modify-write of a shared value with a yield in between: without the lock the
		// tasks interleave and writes are lost.
		let value = Arc::new(std::sync::Mutex::new(0u32));
		for i in 0..50u32 {
			let (locks, value, counter) = (locks.clone(), value.clone(), counter.clone());
			tasks.push(tokio::spawn(async move {
				let _guard = locks.lock("link:a").await;
				let read = *value.lock().expect("value");
				tokio::task::yield_now().await;
				tokio::time::sleep(std::time::Duration::from_millis(1)).await;
				*value.lock().expect("value") = read + 1;
				counter.lock().await.push(i);
			}));
		}
		for task in tasks {
			task.await.expect("task");
		}
		assert_eq!(*value.lock().expect("value"), 50, "no update was lost");
		assert_eq!(counter.lock().await.len(), 50);
		assert_eq!(locks.in_use(), 0);
		// Another key does not wait for a held one.
		let _a = locks.lock("link:a").await;
		let b = tokio::time::timeout(std::time::Duration::from_secs(1), locks.lock("link:b")).await;
		assert!(b.is_ok(), "link:b waited for link:a");
		assert_eq!(locks.in_use(), 2);
	}

	/// HTTP through the real router, against a vault whose node is down: every check made
	/// before the chain, and proof that nothing changed when one refuses.
	mod over_http {
		use super::*;
		use crate::{auth::tests::signed_headers, http::tests::serve_without_node};
		use axum::http::HeaderValue;
		use reqwest::Method as M;

		async fn send(
			method: M,
			url: &str,
			body: Vec<u8>,
			headers: HeaderMap,
		) -> (u16, HeaderMap, Value) {
			let res = reqwest::Client::new()
				.request(method, url)
				.headers(headers)
				.body(body)
				.send()
				.await
				.expect("the vault answers");
			let status = res.status().as_u16();
			let headers = res.headers().clone();
			let text = res.text().await.expect("a body");
			(status, headers, serde_json::from_str(&text).unwrap_or(Value::Null))
		}

		async fn manifest(url: &str, id: &str, body: Value) -> (u16, Value) {
			let (status, _, answer) = send(
				M::POST,
				&format!("{url}/shl/{id}"),
				body.to_string().into_bytes(),
				HeaderMap::new(),
			)
			.await;
			(status, answer)
		}

		fn signed(
			who: sp_keyring::Sr25519Keyring,
			method: &str,
			path: &str,
			body: &[u8],
		) -> HeaderMap {
			signed_headers(who, method, path, body, now_ms())
		}

		/// A link kept straight in the store, as a create would.
		async fn kept(
			store: &LinkStore<'_>,
			seed: u8,
			passcode: Option<&str>,
			created_ms: u64,
			expires_ms: u64,
		) -> LinkMeta {
			let mut r = request();
			r.id = link_id(seed);
			r.expires_ms = expires_ms;
			r.passcode = passcode.map(str::to_string);
			r.files = vec![jwe(seed), jwe(seed.wrapping_add(1))];
			let link = r.validate(created_ms).expect("valid");
			let hash = passcode.map(|p| PasscodeHash::new(p).expect("hash"));
			let meta = LinkMeta::new(&link, &Eve.to_account_id(), hash, created_ms).expect("meta");
			store.create(&Eve.to_account_id(), &meta, &link.files).await.expect("create");
			meta
		}

		/// Every file under the data directory, with its bytes.
		fn snapshot(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
			fn walk(dir: &std::path::Path, out: &mut Vec<(String, Vec<u8>)>) {
				for entry in std::fs::read_dir(dir).expect("dir").flatten() {
					let path = entry.path();
					if path.is_dir() {
						walk(&path, out);
					} else {
						out.push((path.display().to_string(), std::fs::read(&path).expect("file")));
					}
				}
			}
			let mut out = Vec::new();
			walk(dir, &mut out);
			out.sort();
			out
		}

		#[tokio::test]
		async fn manifest_refusals_change_nothing_but_a_wrong_passcode_attempt() {
			let (url, data) = serve_without_node(1 << 20, Vec::new()).await;
			let blobs = BlobStore::local(data.path()).expect("store");
			let store = LinkStore(&blobs);
			let now = now_ms();
			let open = kept(&store, 1, Some("2468"), now, now + 3_600_000).await;
			let mut revoked = kept(&store, 3, None, now, now + 3_600_000).await;
			revoked.revoked_ms = Some(now);
			store.put_meta(&revoked).await.expect("put");
			let expired = kept(&store, 5, None, now - 7_200_000, now - 3_600_000).await;
			let mut locked = kept(&store, 7, Some("1357"), now, now + 3_600_000).await;
			locked.remaining_attempts = 0;
			store.put_meta(&locked).await.expect("put");
			let before = snapshot(data.path());
			let viewer = json!({ "recipient": "Dr. Wang" });

			let cases = [
				(link_id(99), viewer.clone(), 404, "shl_not_found"),
				("not-a-link-id".to_string(), viewer.clone(), 404, "shl_not_found"),
				(revoked.id.clone(), viewer.clone(), 404, "shl_revoked"),
				(expired.id.clone(), viewer.clone(), 404, "shl_expired"),
				(
					locked.id.clone(),
					json!({ "recipient": "x", "passcode": "1357" }),
					404,
					"shl_locked",
				),
				(open.id.clone(), json!({ "recipient": "" }), 400, "bad_request"),
				(open.id.clone(), json!({ "recipient": "é".repeat(81) }), 400, "bad_request"),
				(open.id.clone(), json!({ "passcode": "2468" }), 400, "bad_request"),
				(open.id.clone(), json!({ "recipient": "x", "key": "k" }), 400, "bad_request"),
				(open.id.clone(), json!("Dr. Wang"), 400, "bad_request"),
				(
					open.id.clone(),
					json!({ "recipient": "x".repeat(5000) }),
					413,
					"payload_too_large",
				),
			];
			for (id, body, status, code) in cases {
				let (got, answer) = manifest(&url, &id, body.clone()).await;
				assert_eq!((got, answer["error"].as_str()), (status, Some(code)), "{id} {body}");
			}
			// No passcode: 401 with the attempts left, none used up.
			let (status, answer) = manifest(&url, &open.id, viewer.clone()).await;
			assert_eq!((status, answer["error"].as_str()), (401, Some("shl_passcode")));
			assert_eq!(answer["remainingAttempts"], 10);
			assert_eq!(snapshot(data.path()), before, "a refusal changed the store");

			// A wrong passcode uses up one attempt, kept in the metadata, and nothing else.
			let wrong = json!({ "recipient": "Dr. Wang", "passcode": "0000" });
			let (status, answer) = manifest(&url, &open.id, wrong.clone()).await;
			assert_eq!((status, answer["error"].as_str()), (401, Some("shl_passcode")));
			assert_eq!(answer["remainingAttempts"], 9);
			let mut expected = open.clone();
			expected.remaining_attempts = 9;
			assert_eq!(store.meta(&open.id).await.expect("meta"), Some(expected.clone()));
			let after_wrong = snapshot(data.path());

			// The right passcode gets as far as the chain, which is down: 503, no use logged,
			// no file served.
			let right =
				json!({ "recipient": "Dr. Wang", "passcode": "2468", "embeddedLengthMax": 10000 });
			let (status, answer) = manifest(&url, &open.id, right).await;
			assert_eq!((status, answer["error"].as_str()), (503, Some("node_unavailable")));
			assert!(answer.get("files").is_none());
			assert_eq!(snapshot(data.path()), after_wrong, "a refused use changed the store");

			// Nine more wrong ones: the ninth answers 401 with 0 left, then the link is locked.
			for left in (0..9).rev() {
				let (status, answer) = manifest(&url, &open.id, wrong.clone()).await;
				assert_eq!((status, answer["remainingAttempts"].as_u64()), (401, Some(left)));
			}
			let right = json!({ "recipient": "Dr. Wang", "passcode": "2468" });
			let (status, answer) = manifest(&url, &open.id, right).await;
			assert_eq!((status, answer["error"].as_str()), (404, Some("shl_locked")));
			let locked_now = store.meta(&open.id).await.expect("meta").expect("kept");
			assert_eq!((locked_now.remaining_attempts, locked_now.use_count), (0, 0));
		}

		#[tokio::test]
		async fn concurrent_wrong_passcodes_are_all_counted() {
			let (url, data) = serve_without_node(1 << 20, Vec::new()).await;
			let blobs = BlobStore::local(data.path()).expect("store");
			let store = LinkStore(&blobs);
			let now = now_ms();
			let link = kept(&store, 11, Some("2468"), now, now + 3_600_000).await;
			let tries = (0..8).map(|_| {
				let (url, id) = (url.clone(), link.id.clone());
				tokio::spawn(async move {
					manifest(&url, &id, json!({ "recipient": "x", "passcode": "0000" })).await
				})
			});
			let mut left = Vec::new();
			for t in tries.collect::<Vec<_>>() {
				let (status, answer) = t.await.expect("task");
				assert_eq!(status, 401);
				left.push(answer["remainingAttempts"].as_u64().expect("count"));
			}
			left.sort_unstable();
			assert_eq!(left, (2..10).collect::<Vec<u64>>(), "each attempt saw the one before");
			assert_eq!(
				store.meta(&link.id).await.expect("meta").expect("kept").remaining_attempts,
				2
			);
		}

		#[tokio::test]
		async fn the_patient_lists_and_revokes_without_asking_the_node() {
			use sp_keyring::Sr25519Keyring::{Bob, Eve};
			let (url, data) = serve_without_node(1 << 20, Vec::new()).await;
			let blobs = BlobStore::local(data.path()).expect("store");
			let store = LinkStore(&blobs);
			let now = now_ms();
			let older = kept(&store, 21, None, now - 10, now + 3_600_000).await;
			let mut newer = kept(&store, 23, Some("2468"), now, now + 3_600_000).await;
			newer.record_use("Dr. Wang".into(), now + 1);
			newer.record_use("Dr. Li".into(), now + 2);
			store.put_meta(&newer).await.expect("put");

			let list_path = format!("/v1/shl?patient={}", Eve.to_account_id().to_ss58check());
			let (status, _, answer) =
				send(M::GET, &format!("{url}{list_path}"), Vec::new(), HeaderMap::new()).await;
			assert_eq!((status, answer["error"].as_str()), (401, Some("unauthenticated")));
			// Bob is no patient of this link: only the chain could make him the guardian.
			let headers = signed(Bob, "GET", &list_path, b"");
			let (status, _, answer) =
				send(M::GET, &format!("{url}{list_path}"), Vec::new(), headers).await;
			assert_eq!((status, answer["error"].as_str()), (503, Some("node_unavailable")));
			let headers = signed(Eve, "GET", &list_path, b"");
			let (status, _, answer) =
				send(M::GET, &format!("{url}{list_path}"), Vec::new(), headers).await;
			assert_eq!(status, 200, "{answer}");
			let links = answer["links"].as_array().expect("links");
			assert_eq!(links.len(), 2);
			assert_eq!(links[0], newer.summary());
			assert_eq!(links[1]["id"], older.id);
			assert_eq!(links[0]["uses"][0], json!({ "recipient": "Dr. Li", "atMs": now + 2 }));
			assert_eq!(links[0]["useCount"], 2);
			assert!(!answer.to_string().contains(".."), "a file (JWE) in the list");
			let bad_query = "/v1/shl?patient=5Nope";
			let headers = signed(Eve, "GET", bad_query, b"");
			let (status, _, answer) =
				send(M::GET, &format!("{url}{bad_query}"), Vec::new(), headers).await;
			assert_eq!((status, answer["error"].as_str()), (400, Some("bad_request")));

			let before = snapshot(data.path());
			let path = format!("/v1/shl/{}", newer.id);
			let (status, _, answer) =
				send(M::DELETE, &format!("{url}{path}"), Vec::new(), HeaderMap::new()).await;
			assert_eq!((status, answer["error"].as_str()), (401, Some("unauthenticated")));
			let (status, _, answer) = send(
				M::DELETE,
				&format!("{url}{path}"),
				Vec::new(),
				signed(Bob, "DELETE", &path, b""),
			)
			.await;
			assert_eq!((status, answer["error"].as_str()), (503, Some("node_unavailable")));
			let unknown = format!("/v1/shl/{}", link_id(98));
			let (status, _, answer) = send(
				M::DELETE,
				&format!("{url}{unknown}"),
				Vec::new(),
				signed(Eve, "DELETE", &unknown, b""),
			)
			.await;
			assert_eq!((status, answer["error"].as_str()), (404, Some("shl_not_found")));
			let malformed = "/v1/shl/abc";
			let (status, _, answer) = send(
				M::DELETE,
				&format!("{url}{malformed}"),
				Vec::new(),
				signed(Eve, "DELETE", malformed, b""),
			)
			.await;
			assert_eq!((status, answer["error"].as_str()), (400, Some("bad_request")));
			assert_eq!(snapshot(data.path()), before, "a refused revocation changed the store");

			let (status, _, answer) = send(
				M::DELETE,
				&format!("{url}{path}"),
				Vec::new(),
				signed(Eve, "DELETE", &path, b""),
			)
			.await;
			assert_eq!(status, 200, "{answer}");
			assert_eq!(answer, json!({ "id": newer.id, "revoked": true, "already": false }));
			let dir = data.path().join("shl/links").join(&newer.id);
			assert!(!dir.join("0.jwe").exists() && !dir.join("1.jwe").exists(), "files kept");
			let revoked = store.meta(&newer.id).await.expect("meta").expect("kept");
			assert!(revoked.revoked_ms.is_some());
			assert_eq!((revoked.uses.len(), revoked.use_count), (2, 2), "the use log is kept");
			let (status, _, answer) = send(
				M::DELETE,
				&format!("{url}{path}"),
				Vec::new(),
				signed(Eve, "DELETE", &path, b""),
			)
			.await;
			assert_eq!((status, answer["already"].as_bool()), (200, Some(true)));
			let (status, answer) =
				manifest(&url, &newer.id, json!({ "recipient": "x", "passcode": "2468" })).await;
			assert_eq!((status, answer["error"].as_str()), (404, Some("shl_revoked")));
			let headers = signed(Eve, "GET", &list_path, b"");
			let (_, _, answer) =
				send(M::GET, &format!("{url}{list_path}"), Vec::new(), headers).await;
			assert_eq!(answer["links"][0]["revoked"], true);
			assert_eq!(answer["links"][1]["revoked"], false);
		}

		#[tokio::test]
		async fn create_refusals_before_the_chain_write_nothing() {
			let (url, data) = serve_without_node(1 << 20, Vec::new()).await;
			let body = |r: &CreateRequest| {
				json!({
					"id": r.id, "patient": r.patient, "label": r.label, "expiresMs": r.expires_ms,
					"passcode": r.passcode, "records": r.records, "files": r.files,
				})
				.to_string()
				.into_bytes()
			};
			let mut good = request();
			good.expires_ms = now_ms() + 3_600_000;
			let create = |bytes: Vec<u8>, headers: HeaderMap| {
				let url = url.clone();
				async move { send(M::POST, &format!("{url}/v1/shl"), bytes, headers).await }
			};
			let (status, _, answer) = create(body(&good), HeaderMap::new()).await;
			assert_eq!((status, answer["error"].as_str()), (401, Some("unauthenticated")));
			let mut bad_ones = vec![b"{}".to_vec(), b"not json".to_vec()];
			for change in [
				(|r: &mut CreateRequest| r.id = "short".into()) as fn(&mut CreateRequest),
				|r| r.expires_ms = now_ms() - 1,
				|r| r.passcode = Some("12".into()),
				|r| r.records = vec![1, 1],
				|r| r.files = vec!["a.b.c.d.e".into()],
			] {
				let mut r = good.clone();
				change(&mut r);
				bad_ones.push(body(&r));
			}
			for bytes in bad_ones {
				let headers = signed(Eve, "POST", "/v1/shl", &bytes);
				let (status, _, answer) = create(bytes.clone(), headers).await;
				assert_eq!(
					(status, answer["error"].as_str()),
					(400, Some("bad_request")),
					"{}",
					String::from_utf8_lossy(&bytes)
				);
			}
			// A good request needs the chain: without it, 503 and nothing kept.
			let bytes = body(&good);
			let (status, _, answer) =
				create(bytes.clone(), signed(Eve, "POST", "/v1/shl", &bytes)).await;
			assert_eq!((status, answer["error"].as_str()), (503, Some("node_unavailable")));
			assert!(!data.path().join("shl").exists(), "a refused create wrote something");
		}

		async fn preflight(
			url: &str,
			path: &str,
			origin: &str,
			method: &str,
			headers: &str,
		) -> HeaderMap {
			let mut h = HeaderMap::new();
			h.insert("origin", HeaderValue::from_str(origin).expect("ASCII"));
			h.insert(
				"access-control-request-method",
				HeaderValue::from_str(method).expect("ASCII"),
			);
			h.insert(
				"access-control-request-headers",
				HeaderValue::from_str(headers).expect("ASCII"),
			);
			send(M::OPTIONS, &format!("{url}{path}"), Vec::new(), h).await.1
		}

		fn allowed_origin(headers: &HeaderMap) -> Option<&str> {
			headers.get("access-control-allow-origin").and_then(|v| v.to_str().ok())
		}

		#[tokio::test]
		async fn cors_for_the_configured_origins_and_for_every_shl_viewer() {
			let app = "https://records.county.example";
			let (url, _data) =
				serve_without_node(1 << 20, vec![HeaderValue::from_static(app)]).await;
			let signed_headers =
				"content-type,x-ruralmed-account,x-ruralmed-timestamp,x-ruralmed-signature";
			let ok = preflight(&url, "/v1/shl", app, "POST", signed_headers).await;
			assert_eq!(allowed_origin(&ok), Some(app));
			let methods = ok
				.get("access-control-allow-methods")
				.and_then(|v| v.to_str().ok())
				.expect("methods");
			for m in ["GET", "POST", "DELETE"] {
				assert!(methods.contains(m), "{methods}");
			}
			let allowed = ok
				.get("access-control-allow-headers")
				.and_then(|v| v.to_str().ok())
				.expect("headers");
			for h in CORS_ALL_REQUEST_HEADERS {
				assert!(allowed.contains(h), "{h} not in {allowed}");
			}
			assert!(ok.get("access-control-allow-credentials").is_none());
			let delete =
				preflight(&url, &format!("/v1/shl/{}", link_id(1)), app, "DELETE", signed_headers)
					.await;
			assert_eq!(allowed_origin(&delete), Some(app));
			// Another origin gets no CORS headers.
			let other =
				preflight(&url, "/v1/shl", "https://evil.example", "POST", signed_headers).await;
			assert_eq!(allowed_origin(&other), None);
			// A plain request from the app's origin: the answer (a refusal) carries the header,
			// and the read's headers are exposed.
			let mut h = HeaderMap::new();
			h.insert("origin", HeaderValue::from_static(app));
			let (status, headers, _) =
				send(M::GET, &format!("{url}/health"), Vec::new(), h.clone()).await;
			assert_eq!((status, allowed_origin(&headers)), (503, Some(app)));
			let exposed =
				headers.get("access-control-expose-headers").and_then(|v| v.to_str().ok());
			assert!(exposed.is_some_and(|e| e.contains("x-ruralmed-access-block")), "{exposed:?}");
			let (status, headers, _) = send(M::POST, &format!("{url}/v1/shl"), Vec::new(), h).await;
			assert_eq!((status, allowed_origin(&headers)), (401, Some(app)));

			// The SHL manifest answers every origin, preflight and request, without credentials.
			let shl_path = format!("/shl/{}", link_id(1));
			let viewer = "https://viewer.example.org";
			let pre = preflight(&url, &shl_path, viewer, "POST", "content-type").await;
			assert_eq!(allowed_origin(&pre), Some("*"));
			assert!(pre.get("access-control-allow-credentials").is_none());
			let mut h = HeaderMap::new();
			h.insert("origin", HeaderValue::from_static("https://viewer.example.org"));
			h.insert("content-type", HeaderValue::from_static("application/json"));
			let body = br#"{"recipient":"Dr. Wang"}"#.to_vec();
			let (status, headers, answer) =
				send(M::POST, &format!("{url}{shl_path}"), body, h).await;
			assert_eq!((status, answer["error"].as_str()), (404, Some("shl_not_found")));
			assert_eq!(allowed_origin(&headers), Some("*"));
		}

		#[tokio::test]
		async fn without_configured_origins_only_the_shl_manifest_answers_cors() {
			let (url, _data) = serve_without_node(1 << 20, Vec::new()).await;
			let app = "https://records.county.example";
			for path in ["/v1/shl", "/v1/blobs", "/health"] {
				let headers = preflight(&url, path, app, "POST", "content-type").await;
				assert_eq!(allowed_origin(&headers), None, "{path}");
			}
			let mut h = HeaderMap::new();
			h.insert("origin", HeaderValue::from_static(app));
			let (_, headers, _) = send(M::GET, &format!("{url}/health"), Vec::new(), h).await;
			assert_eq!(allowed_origin(&headers), None);
			let pre =
				preflight(&url, &format!("/shl/{}", link_id(1)), app, "POST", "content-type").await;
			assert_eq!(allowed_origin(&pre), Some("*"));
			// The manifest route takes only POST.
			let (status, _, answer) =
				send(M::GET, &format!("{url}/shl/{}", link_id(1)), Vec::new(), HeaderMap::new())
					.await;
			assert_eq!((status, answer["error"].as_str()), (405, Some("method_not_allowed")));
		}
	}
}

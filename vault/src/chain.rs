//! The node, over HTTP JSON-RPC: its health, storage and runtime calls at the finalized
//! block, and submitting an extrinsic and following it into a finalized block.
//!
//! Storage keys and values use this build's runtime types (`ruralmed-runtime`, native), so a
//! vault must be rebuilt when a runtime upgrade changes them; an answer that does not decode
//! is a [`VaultError::ChainDecode`], never a guess.

use crate::blake2_256;
use crate::error::VaultError;
use codec::{DecodeAll, Encode};
use pallet_patient_records::{ErasureOf, PatientOf, RecordAnchorOf};
use ruralmed_primitives::{OrganisationId, RecordCategory, RecordId};
use ruralmed_runtime::{AccountId, Runtime, RuntimeEvent};
use serde::Deserialize;
use serde_json::{json, Value};
use sp_core::H256;
use std::{
	sync::atomic::{AtomicU64, Ordering},
	time::{Duration, Instant},
};

/// A block's events as stored in `System.Events`.
pub type EventRecords = Vec<frame_system::EventRecord<RuntimeEvent, H256>>;

/// The node's answer to `system_health`.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Health {
	/// Connected peers.
	pub peers: u64,
	/// Whether the node is syncing.
	pub is_syncing: bool,
	/// Whether the node expects peers (false for a lone dev node).
	pub should_have_peers: bool,
}

/// Where an extrinsic landed.
#[derive(Debug, Clone)]
pub struct Inclusion {
	/// The finalized block holding it.
	pub block_hash: H256,
	/// The block's number.
	pub block_number: u32,
	/// Its index in the block.
	pub index: u32,
	/// The events of the block that belong to it.
	pub events: Vec<RuntimeEvent>,
}

/// A JSON-RPC client of the node.
pub struct Chain {
	http: reqwest::Client,
	url: String,
	min_peers: u64,
	next_id: AtomicU64,
}

#[derive(Deserialize)]
struct RpcResponse {
	result: Option<Value>,
	error: Option<RpcError>,
}

#[derive(Deserialize)]
struct RpcError {
	code: i64,
	message: String,
	data: Option<Value>,
}

impl RpcError {
	fn describe(&self) -> String {
		match &self.data {
			Some(data) => format!("{} ({}): {}", self.message, self.code, data),
			None => format!("{} ({})", self.message, self.code),
		}
	}
}

/// A `0x` hex string as bytes.
fn from_hex(value: &Value) -> Result<Vec<u8>, VaultError> {
	let text = value
		.as_str()
		.ok_or_else(|| VaultError::ChainDecode(format!("expected hex, got {value}")))?;
	hex::decode(text.strip_prefix("0x").unwrap_or(text))
		.map_err(|e| VaultError::ChainDecode(format!("bad hex from the node: {e}")))
}

fn h256(value: &Value) -> Result<H256, VaultError> {
	let bytes = from_hex(value)?;
	<[u8; 32]>::try_from(bytes)
		.map(H256)
		.map_err(|_| VaultError::ChainDecode("a block hash is 32 bytes".into()))
}

fn to_hex(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// The storage key of `System.Events` (the item is private to frame-system, its key is not).
pub fn events_key() -> Vec<u8> {
	frame_support::storage::storage_prefix(b"System", b"Events").to_vec()
}

/// The storage key of a record anchor.
pub fn record_key(id: RecordId) -> Vec<u8> {
	pallet_patient_records::Records::<Runtime>::hashed_key_for(id)
}

/// The storage key of a registered patient.
pub fn patient_key(patient: &AccountId) -> Vec<u8> {
	pallet_patient_records::Patients::<Runtime>::hashed_key_for(patient)
}

/// The storage key of a record's erasure.
pub fn erasure_key(id: RecordId) -> Vec<u8> {
	pallet_patient_records::Erasures::<Runtime>::hashed_key_for(id)
}

/// Decodes an optional storage value with this build's runtime types.
fn decode_value<T: codec::Decode>(
	bytes: Option<Vec<u8>>,
	what: &str,
) -> Result<Option<T>, VaultError> {
	bytes
		.map(|bytes| {
			T::decode_all(&mut &bytes[..])
				.map_err(|e| VaultError::ChainDecode(format!("{what}: {e}")))
		})
		.transpose()
}

impl Chain {
	/// A client of the node at `url` (HTTP JSON-RPC).
	pub fn new(url: &str, timeout: Duration, min_peers: u64) -> Result<Self, String> {
		let http =
			reqwest::Client::builder().timeout(timeout).build().map_err(|e| e.to_string())?;
		Ok(Self { http, url: url.to_string(), min_peers, next_id: AtomicU64::new(1) })
	}

	/// One JSON-RPC call; `Ok(None)` for a `null` result. A node that cannot be reached is
	/// [`VaultError::NodeUnavailable`]; a JSON-RPC error is returned as `Err(Ok(message))` so
	/// callers decide what it means.
	async fn call(
		&self,
		method: &str,
		params: Value,
	) -> Result<Result<Option<Value>, String>, VaultError> {
		let id = self.next_id.fetch_add(1, Ordering::Relaxed);
		let request = json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params });
		let response = self
			.http
			.post(&self.url)
			.json(&request)
			.send()
			.await
			.map_err(|e| VaultError::NodeUnavailable(format!("{method}: {e}")))?;
		if !response.status().is_success() {
			return Err(VaultError::NodeUnavailable(format!(
				"{method}: HTTP {}",
				response.status()
			)));
		}
		let body: RpcResponse = response.json().await.map_err(|e| {
			VaultError::NodeUnavailable(format!("{method}: bad JSON-RPC answer: {e}"))
		})?;
		if let Some(error) = body.error {
			return Ok(Err(error.describe()));
		}
		Ok(Ok(body.result.filter(|v| !v.is_null())))
	}

	/// A query whose JSON-RPC error means the node failed.
	async fn query(&self, method: &str, params: Value) -> Result<Option<Value>, VaultError> {
		self.call(method, params)
			.await?
			.map_err(|e| VaultError::NodeError(format!("{method}: {e}")))
	}

	/// A query that must answer something.
	async fn query_some(&self, method: &str, params: Value) -> Result<Value, VaultError> {
		self.query(method, params)
			.await?
			.ok_or_else(|| VaultError::NodeError(format!("{method} answered null")))
	}

	/// The node's health.
	pub async fn health(&self) -> Result<Health, VaultError> {
		let value = self.query_some("system_health", json!([])).await?;
		serde_json::from_value(value)
			.map_err(|e| VaultError::ChainDecode(format!("system_health: {e}")))
	}

	/// Refuses to go on unless the node is reachable, not syncing, and has its peers.
	pub async fn ensure_ready(&self) -> Result<Health, VaultError> {
		let health = self.health().await?;
		if health.is_syncing {
			return Err(VaultError::NodeSyncing("the node is syncing".into()));
		}
		if health.peers < self.min_peers {
			return Err(VaultError::NodeSyncing(format!(
				"the node has {} peers, fewer than the {} required",
				health.peers, self.min_peers
			)));
		}
		Ok(health)
	}

	/// The finalized block's hash and number.
	pub async fn finalized(&self) -> Result<(H256, u32), VaultError> {
		let hash = h256(&self.query_some("chain_getFinalizedHead", json!([])).await?)?;
		let header = self.query_some("chain_getHeader", json!([to_hex(hash.as_bytes())])).await?;
		let number = header
			.get("number")
			.and_then(Value::as_str)
			.and_then(|n| u32::from_str_radix(n.trim_start_matches("0x"), 16).ok())
			.ok_or_else(|| VaultError::ChainDecode(format!("header without a number: {header}")))?;
		Ok((hash, number))
	}

	/// A storage value at a block.
	pub async fn storage(&self, key: &[u8], at: H256) -> Result<Option<Vec<u8>>, VaultError> {
		match self.query("state_getStorage", json!([to_hex(key), to_hex(at.as_bytes())])).await? {
			Some(value) => from_hex(&value).map(Some),
			None => Ok(None),
		}
	}

	/// A runtime API call at a block.
	pub async fn state_call(
		&self,
		method: &str,
		args: &[u8],
		at: H256,
	) -> Result<Vec<u8>, VaultError> {
		let value = self
			.query_some("state_call", json!([method, to_hex(args), to_hex(at.as_bytes())]))
			.await?;
		from_hex(&value)
	}

	/// A record anchor at the finalized block.
	pub async fn record(
		&self,
		id: RecordId,
	) -> Result<Option<RecordAnchorOf<Runtime>>, VaultError> {
		let (at, _) = self.finalized().await?;
		self.record_at(id, at).await
	}

	/// A record anchor at block `at`.
	pub async fn record_at(
		&self,
		id: RecordId,
		at: H256,
	) -> Result<Option<RecordAnchorOf<Runtime>>, VaultError> {
		decode_value(self.storage(&record_key(id), at).await?, &format!("record {id}"))
	}

	/// A registered patient (guardian, record count…) at block `at`.
	pub async fn patient_at(
		&self,
		patient: &AccountId,
		at: H256,
	) -> Result<Option<PatientOf<Runtime>>, VaultError> {
		decode_value(self.storage(&patient_key(patient), at).await?, "patient")
	}

	/// A record's erasure at block `at`, if it is erased.
	pub async fn erasure_at(
		&self,
		id: RecordId,
		at: H256,
	) -> Result<Option<ErasureOf<Runtime>>, VaultError> {
		decode_value(self.storage(&erasure_key(id), at).await?, &format!("erasure of {id}"))
	}

	/// A page of the patient's records in time order at block `at`
	/// (`PatientRecordsApi_records_of`; the runtime caps `count` at its page size).
	pub async fn records_of_at(
		&self,
		patient: &AccountId,
		from: u64,
		count: u32,
		at: H256,
	) -> Result<Vec<(RecordId, RecordAnchorOf<Runtime>)>, VaultError> {
		let args = (patient, from, count).encode();
		let answer = self.state_call("PatientRecordsApi_records_of", &args, at).await?;
		Vec::<(RecordId, RecordAnchorOf<Runtime>)>::decode_all(&mut &answer[..])
			.map_err(|e| VaultError::ChainDecode(format!("PatientRecordsApi_records_of: {e}")))
	}

	/// Whether `who` may write a record of `category` for `patient`, for `organisation` or as
	/// the patient or guardian (`None`), at the finalized block
	/// (`PatientRecordsApi_may_write`).
	pub async fn may_write(
		&self,
		who: &AccountId,
		patient: &AccountId,
		organisation: Option<OrganisationId>,
		category: RecordCategory,
	) -> Result<bool, VaultError> {
		let (at, _) = self.finalized().await?;
		let args = (who, patient, organisation, category).encode();
		let answer = self.state_call("PatientRecordsApi_may_write", &args, at).await?;
		bool::decode_all(&mut &answer[..])
			.map_err(|e| VaultError::ChainDecode(format!("PatientRecordsApi_may_write: {e}")))
	}

	/// Submits an encoded extrinsic and waits until a finalized block holds it (at most
	/// `timeout`), then returns that block and the extrinsic's events there.
	pub async fn submit_and_wait_finalized(
		&self,
		extrinsic: &[u8],
		timeout: Duration,
	) -> Result<Inclusion, VaultError> {
		let deadline = Instant::now() + timeout;
		// Blocks finalized before the submission cannot hold it.
		let (_, mut checked) = self.finalized().await?;
		let tx_hash = blake2_256(extrinsic);
		match self.call("author_submitExtrinsic", json!([to_hex(extrinsic)])).await? {
			Ok(_) => {}
			Err(message) => return Err(VaultError::ExtrinsicRejected(message)),
		}
		loop {
			let (_, finalized) = self.finalized().await?;
			while checked < finalized {
				let number = checked + 1;
				let hash = h256(&self.query_some("chain_getBlockHash", json!([number])).await?)?;
				let block =
					self.query_some("chain_getBlock", json!([to_hex(hash.as_bytes())])).await?;
				let extrinsics =
					block.pointer("/block/extrinsics").and_then(Value::as_array).ok_or_else(
						|| VaultError::ChainDecode(format!("block {number} without extrinsics")),
					)?;
				for (index, x) in extrinsics.iter().enumerate() {
					if blake2_256(&from_hex(x)?) == tx_hash {
						let index = u32::try_from(index)
							.map_err(|_| VaultError::ChainDecode("index".into()))?;
						let events = self.extrinsic_events(hash, index).await?;
						return Ok(Inclusion {
							block_hash: hash,
							block_number: number,
							index,
							events,
						});
					}
				}
				checked = number;
			}
			if Instant::now() >= deadline {
				return Err(VaultError::InclusionTimeout(timeout.as_secs()));
			}
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}

	/// The events of extrinsic `index` in block `at`.
	pub async fn extrinsic_events(
		&self,
		at: H256,
		index: u32,
	) -> Result<Vec<RuntimeEvent>, VaultError> {
		let bytes = self.storage(&events_key(), at).await?.unwrap_or_default();
		let records = decode_events(&bytes)?;
		Ok(records
			.into_iter()
			.filter(|r| r.phase == frame_system::Phase::ApplyExtrinsic(index))
			.map(|r| r.event)
			.collect())
	}
}

/// Decodes `System.Events`.
pub fn decode_events(bytes: &[u8]) -> Result<EventRecords, VaultError> {
	if bytes.is_empty() {
		return Ok(Vec::new());
	}
	EventRecords::decode_all(&mut &bytes[..])
		.map_err(|e| VaultError::ChainDecode(format!("System.Events: {e}")))
}

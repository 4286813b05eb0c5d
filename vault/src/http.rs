//! The HTTP API.
//!
//! | route | does |
//! | --- | --- |
//! | `GET /health` | node reachable and ready, finalized number, store reachable (unsigned) |
//! | `POST /v1/blobs` | keep a ciphertext for a patient, if the chain lets the caller write for them |
//! | `POST /v1/blobs/{hash}/anchored` | `{"record": id}`: keep the blob for good once that record anchors it |
//! | `POST /v1/blobs/{hash}/read` | `{"extrinsic": "0x…"}`: the reader's signed `log_access` (or a `proxy.proxy` of it, for the account the signer acts for); the ciphertext once it is finalized |
//! | `DELETE /v1/blobs/{hash}` | `{"record": id}`: by the patient or guardian, once the record is erased on chain ([`crate::erase`]) |
//! | `POST /v1/shl` | a new SMART Health Link, by the patient or guardian ([`crate::shl`]) |
//! | `GET /v1/shl?patient=…` | the patient's links and who used them, for the patient or guardian |
//! | `DELETE /v1/shl/{id}` | revokes a link (its files go, its use log stays), by the patient or guardian |
//! | `POST /shl/{id}` | the SHL manifest, **unsigned**: `{recipient, passcode?}` → the link's JWE files |
//!
//! Every `/v1` request is signed ([`crate::auth`]); every refusal is a [`VaultError`].
//!
//! **CORS.** `POST /shl/{id}` answers any origin (SHL viewers are web pages anywhere; no
//! credentials), its `OPTIONS` preflight included. `/health` and the `/v1` routes answer CORS
//! only for the origins of `--cors-origin` (none by default: no CORS headers at all), with
//! methods `GET`, `POST`, `DELETE` and the `x-ruralmed-*` request headers.

use crate::blake2_256;
use crate::{
	auth::{now_ms, parse_account, Authenticator},
	chain::Chain,
	erase::{erase_blob, Erased},
	error::VaultError,
	extrinsic::{check_access_logged, decode_log_access, parse_hex},
	pending::PendingIndex,
	shl::{self, LinkLocks},
	store::{hash_hex, parse_hash, BlobStore, Stored},
};
use axum::{
	body::{Body, Bytes},
	extract::{
		rejection::{BytesRejection, PathRejection},
		DefaultBodyLimit, Path, State,
	},
	http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri},
	response::{IntoResponse, Response},
	routing::{delete, get, post},
	Json, Router,
};
use ruralmed_primitives::{OrganisationId, RecordCategory, RecordId};
use ruralmed_runtime::AccountId;
use serde::Deserialize;
use serde_json::{json, Value};
use sp_core::{crypto::Ss58Codec, H256};
use std::{sync::Arc, time::Duration};
use tower_http::{
	cors::{AllowOrigin, Any, CorsLayer},
	trace::TraceLayer,
};

/// The patient the upload is for (SS58 or `0x` hex).
pub const PATIENT_HEADER: &str = "x-ruralmed-patient";
/// The organisation the uploader writes for (decimal id); absent for self-reported data.
pub const ORGANISATION_HEADER: &str = "x-ruralmed-organisation";
/// The record category, as the chain names it (`Encounter`, `Observation`, …).
pub const CATEGORY_HEADER: &str = "x-ruralmed-category";
/// Optional: the blake2-256 the client computed for the body.
pub const CONTENT_HASH_HEADER: &str = "x-ruralmed-content-hash";

/// What every handler shares.
pub struct Vault {
	/// Signed-request checks.
	pub auth: Authenticator,
	/// The node.
	pub chain: Chain,
	/// The blobs.
	pub store: BlobStore,
	/// Uploads not yet anchored.
	pub pending: PendingIndex,
	/// Largest body accepted.
	pub max_body_bytes: usize,
	/// How long a read waits for finality.
	pub finality_timeout: Duration,
	/// Serialises changes of one SMART Health Link (and one patient's link count).
	pub links: LinkLocks,
	/// The origins allowed CORS on `/health` and `/v1` (none: no CORS headers there).
	pub cors_origins: Vec<HeaderValue>,
}

/// The request headers a browser client of `/v1` sends.
pub const CORS_REQUEST_HEADERS: [&str; 8] = [
	"content-type",
	crate::auth::ACCOUNT_HEADER,
	crate::auth::TIMESTAMP_HEADER,
	crate::auth::SIGNATURE_HEADER,
	PATIENT_HEADER,
	ORGANISATION_HEADER,
	CATEGORY_HEADER,
	CONTENT_HASH_HEADER,
];

/// The response headers a browser client of `/v1` may read (those of a read).
pub const CORS_EXPOSED_HEADERS: [&str; 2] = ["x-ruralmed-record", "x-ruralmed-access-block"];

/// CORS for `/health` and `/v1`: only `origins`, and none at all if there are none.
fn api_cors(origins: &[HeaderValue]) -> Option<CorsLayer> {
	if origins.is_empty() {
		return None;
	}
	Some(
		CorsLayer::new()
			.allow_origin(AllowOrigin::list(origins.iter().cloned()))
			.allow_methods([Method::GET, Method::POST, Method::DELETE])
			.allow_headers(CORS_REQUEST_HEADERS.map(HeaderName::from_static))
			.expose_headers(CORS_EXPOSED_HEADERS.map(HeaderName::from_static))
			.max_age(Duration::from_secs(600)),
	)
}

/// CORS for the SHL manifest: any origin, `POST` with a JSON body, no credentials.
fn manifest_cors() -> CorsLayer {
	CorsLayer::new()
		.allow_origin(Any)
		.allow_methods([Method::POST])
		.allow_headers([header::CONTENT_TYPE])
		.max_age(Duration::from_secs(600))
}

/// The vault's routes.
pub fn router(vault: Arc<Vault>) -> Router {
	let limit = vault.max_body_bytes;
	// The 405 fallback is set on each part before its CORS layer wraps it, so a 405 carries
	// the same CORS headers as the route's answers (and a preflight is answered by the layer).
	let api = Router::new()
		.route("/health", get(health))
		.route("/v1/blobs", post(upload))
		.route("/v1/blobs/{hash}/anchored", post(anchored))
		.route("/v1/blobs/{hash}/read", post(read))
		.route("/v1/blobs/{hash}", delete(erase))
		.route("/v1/shl", post(shl::create).get(shl::list))
		.route("/v1/shl/{id}", delete(shl::revoke))
		.method_not_allowed_fallback(method_not_allowed);
	let api = match api_cors(&vault.cors_origins) {
		Some(cors) => api.layer(cors),
		None => api,
	};
	let public = Router::new()
		.route("/shl/{id}", post(shl::manifest))
		.method_not_allowed_fallback(method_not_allowed)
		.layer(manifest_cors());
	api.merge(public)
		.fallback(unknown_route)
		.layer(DefaultBodyLimit::max(limit))
		.layer(TraceLayer::new_for_http())
		.with_state(vault)
}

async fn unknown_route() -> VaultError {
	VaultError::UnknownRoute
}

async fn method_not_allowed() -> VaultError {
	VaultError::MethodNotAllowed
}

/// The body, or 413 when it is over the limit.
pub(crate) fn body_bytes(
	body: Result<Bytes, BytesRejection>,
	limit: usize,
) -> Result<Bytes, VaultError> {
	body.map_err(|rejection| {
		if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
			VaultError::PayloadTooLarge { limit }
		} else {
			VaultError::BadRequest(rejection.body_text())
		}
	})
}

/// The request's verified account.
pub(crate) fn authenticate(
	vault: &Vault,
	method: &Method,
	uri: &Uri,
	headers: &HeaderMap,
	body_hash: &[u8; 32],
) -> Result<AccountId, VaultError> {
	let path = uri.path_and_query().map(|p| p.as_str()).unwrap_or_else(|| uri.path());
	vault.auth.verify(method.as_str(), path, headers, body_hash, now_ms())
}

fn text_header<'a>(headers: &'a HeaderMap, name: &str) -> Result<Option<&'a str>, VaultError> {
	headers
		.get(name)
		.map(|v| {
			v.to_str().map_err(|_| VaultError::BadRequest(format!("{name}: not visible ASCII")))
		})
		.transpose()
}

fn required_header<'a>(headers: &'a HeaderMap, name: &str) -> Result<&'a str, VaultError> {
	text_header(headers, name)?
		.ok_or_else(|| VaultError::BadRequest(format!("missing header {name}")))
}

fn parse_category(text: &str) -> Result<RecordCategory, VaultError> {
	serde_json::from_value(Value::String(text.trim().to_string())).map_err(|_| {
		VaultError::BadRequest(format!(
			"{CATEGORY_HEADER}: {text:?} is no record category (Encounter, Observation, Condition, \
			 DiagnosticReport, MedicationRequest, MedicationDispense, Immunization, Allergy, \
			 Procedure, Document)"
		))
	})
}

fn path_hash(path: Result<Path<String>, PathRejection>) -> Result<H256, VaultError> {
	let Path(text) = path.map_err(|r| VaultError::BadRequest(r.body_text()))?;
	parse_hash(&text)
}

/// The node's part of the health answer: ready (reachable, not syncing, enough peers) and
/// its finalized block.
async fn node_status(vault: &Vault) -> Result<Value, VaultError> {
	let health = vault.chain.ensure_ready().await?;
	let (hash, number) = vault.chain.finalized().await?;
	Ok(json!({
		"ready": true, "peers": health.peers, "syncing": health.is_syncing,
		"finalized": number, "finalized_hash": format!("{hash:?}"),
	}))
}

async fn health(State(vault): State<Arc<Vault>>) -> Response {
	let node = node_status(&vault).await;
	let store = vault.store.reachable().await;
	let ok = node.is_ok() && store.is_ok();
	let node = node
		.unwrap_or_else(|e| json!({ "ready": false, "error": e.code(), "message": e.to_string() }));
	let store = match store {
		Ok(()) => json!({ "reachable": true, "store": vault.store.describe() }),
		Err(e) => {
			json!({ "reachable": false, "store": vault.store.describe(), "message": e.to_string() })
		}
	};
	let status = if ok { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
	let body =
		json!({ "status": if ok { "ok" } else { "unavailable" }, "node": node, "store": store });
	(status, Json(body)).into_response()
}

async fn upload(
	State(vault): State<Arc<Vault>>,
	method: Method,
	uri: Uri,
	headers: HeaderMap,
	body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<Value>), VaultError> {
	let body = body_bytes(body, vault.max_body_bytes)?;
	let hash = H256(blake2_256(&body));
	let account = authenticate(&vault, &method, &uri, &headers, hash.as_fixed_bytes())?;

	let patient = parse_account(required_header(&headers, PATIENT_HEADER)?)
		.map_err(|e| VaultError::BadRequest(format!("{PATIENT_HEADER}: {e}")))?;
	let organisation: Option<OrganisationId> = text_header(&headers, ORGANISATION_HEADER)?
		.map(|text| {
			text.trim().parse().map_err(|_| {
				VaultError::BadRequest(format!(
					"{ORGANISATION_HEADER}: expected an organisation id"
				))
			})
		})
		.transpose()?;
	let category = parse_category(required_header(&headers, CATEGORY_HEADER)?)?;
	if body.is_empty() {
		return Err(VaultError::BadRequest("the body is empty: a record cannot be empty".into()));
	}
	if let Some(claimed) = text_header(&headers, CONTENT_HASH_HEADER)? {
		let claimed = parse_hash(claimed)?;
		if claimed != hash {
			return Err(VaultError::HashMismatch {
				claimed: format!("{claimed:?}"),
				computed: format!("{hash:?}"),
			});
		}
	}

	vault.chain.ensure_ready().await?;
	if !vault.chain.may_write(&account, &patient, organisation, category).await? {
		let acting = match organisation {
			Some(org) => format!("for organisation {org}"),
			None => "as the patient or guardian".to_string(),
		};
		return Err(VaultError::NotPermitted(format!(
			"{} may not write {category:?} records of patient {} {acting}",
			account.to_ss58check(),
			patient.to_ss58check()
		)));
	}

	let size = body.len();
	// A blob kept already (pending or anchored) is never written again, and never put back in
	// the pending index: that could let the sweeper delete an anchored blob. One still pending
	// (an outbox sending again after days offline) gets a fresh time to live first, so the
	// sweeper cannot delete it between this answer and its anchor. A new one is indexed and
	// given its owner (the patient, for erasure) before it is written, so a crash in between
	// leaves nothing the sweeper misses and no blob without an owner.
	let renewed = vault.pending.renew(&hash, now_ms()).await?;
	let stored = if vault.store.exists(&hash).await? {
		Stored::Existing
	} else {
		vault.pending.add(&hash, now_ms()).await?;
		vault.store.set_owner(&hash, &patient).await?;
		vault.store.write_new(hash, body).await?
	};
	tracing::info!(
		hash = %hash_hex(&hash), size, account = %account.to_ss58check(),
		patient = %patient.to_ss58check(), ?organisation, ?category, ?stored, renewed,
		"blob uploaded"
	);
	let stored = match stored {
		Stored::New => "new",
		Stored::Existing => "existing",
	};
	Ok((
		StatusCode::CREATED,
		Json(json!({ "hash": format!("{hash:?}"), "size": size, "stored": stored })),
	))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordRequest {
	record: RecordId,
}

/// Checks at the finalized block that `record` anchors `hash`.
async fn ensure_anchors(vault: &Vault, record: RecordId, hash: &H256) -> Result<(), VaultError> {
	let anchor = vault.chain.record(record).await?.ok_or(VaultError::UnknownRecord(record))?;
	if anchor.content_hash != *hash {
		return Err(VaultError::RecordMismatch {
			record,
			anchored: format!("{:?}", anchor.content_hash),
			blob: format!("{hash:?}"),
		});
	}
	Ok(())
}

async fn anchored(
	State(vault): State<Arc<Vault>>,
	path: Result<Path<String>, PathRejection>,
	method: Method,
	uri: Uri,
	headers: HeaderMap,
	body: Result<Bytes, BytesRejection>,
) -> Result<Json<Value>, VaultError> {
	let body = body_bytes(body, vault.max_body_bytes)?;
	let account = authenticate(&vault, &method, &uri, &headers, &blake2_256(&body))?;
	let hash = path_hash(path)?;
	let record = record_request(&body)?;
	vault.chain.ensure_ready().await?;
	if !vault.store.exists(&hash).await? {
		return Err(VaultError::UnknownBlob(format!("{hash:?}")));
	}
	ensure_anchors(&vault, record, &hash).await?;
	let was_pending = vault.pending.mark_anchored(&hash).await?;
	// The sweeper may have deleted it between the first look and the mark.
	if !vault.store.exists(&hash).await? {
		return Err(VaultError::UnknownBlob(format!("{hash:?}")));
	}
	tracing::info!(
		hash = %hash_hex(&hash), record, account = %account.to_ss58check(),
		was_pending, "blob anchored"
	);
	Ok(Json(json!({
		"hash": format!("{hash:?}"), "record": record, "status": "anchored",
		"was_pending": was_pending,
	})))
}

/// `{"record": id}`, the body of `/anchored` and of an erase.
fn record_request(body: &[u8]) -> Result<RecordId, VaultError> {
	serde_json::from_slice::<RecordRequest>(body)
		.map(|request| request.record)
		.map_err(|e| VaultError::BadRequest(format!("expected {{\"record\": <id>}}: {e}")))
}

async fn erase(
	State(vault): State<Arc<Vault>>,
	path: Result<Path<String>, PathRejection>,
	method: Method,
	uri: Uri,
	headers: HeaderMap,
	body: Result<Bytes, BytesRejection>,
) -> Result<Json<Value>, VaultError> {
	let body = body_bytes(body, vault.max_body_bytes)?;
	let account = authenticate(&vault, &method, &uri, &headers, &blake2_256(&body))?;
	let hash = path_hash(path)?;
	let record = record_request(&body)?;
	let erased = erase_blob(&vault, &account, record, hash).await?;
	Ok(Json(json!({
		"hash": format!("{hash:?}"), "record": record, "deleted": erased == Erased::Deleted,
	})))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReadRequest {
	extrinsic: String,
}

async fn read(
	State(vault): State<Arc<Vault>>,
	path: Result<Path<String>, PathRejection>,
	method: Method,
	uri: Uri,
	headers: HeaderMap,
	body: Result<Bytes, BytesRejection>,
) -> Result<Response, VaultError> {
	let body = body_bytes(body, vault.max_body_bytes)?;
	let account = authenticate(&vault, &method, &uri, &headers, &blake2_256(&body))?;
	let hash = path_hash(path)?;
	let request: ReadRequest = serde_json::from_slice(&body)
		.map_err(|e| VaultError::BadRequest(format!("expected {{\"extrinsic\": \"0x…\"}}: {e}")))?;
	let extrinsic = parse_hex(&request.extrinsic)?;
	let access = decode_log_access(&extrinsic)?;
	if access.signer != account {
		return Err(VaultError::SignerMismatch {
			extrinsic: access.signer.to_ss58check(),
			request: account.to_ss58check(),
		});
	}
	vault.chain.ensure_ready().await?;
	if !vault.store.exists(&hash).await? {
		return Err(VaultError::UnknownBlob(format!("{hash:?}")));
	}
	ensure_anchors(&vault, access.record, &hash).await?;
	// The chain anchors this blob: it is kept for good whether or not `/anchored` was called.
	// Look again once it is safe from the sweeper, so no access is logged for nothing.
	vault.pending.mark_anchored(&hash).await?;
	if !vault.store.exists(&hash).await? {
		return Err(VaultError::UnknownBlob(format!("{hash:?}")));
	}

	let inclusion =
		vault.chain.submit_and_wait_finalized(&extrinsic, vault.finality_timeout).await?;
	if let Err(e) = check_access_logged(&inclusion.events, access.record, &access.reader) {
		tracing::warn!(
			hash = %hash_hex(&hash), record = access.record, reader = %access.reader.to_ss58check(),
			signer = %account.to_ss58check(), block = inclusion.block_number,
			index = inclusion.index, "the chain refused the access"
		);
		return Err(e);
	}
	let bytes = vault.store.get(&hash).await?;
	tracing::info!(
		hash = %hash_hex(&hash), record = access.record, reader = %access.reader.to_ss58check(),
		signer = %account.to_ss58check(), purpose = ?access.purpose, block = inclusion.block_number, index = inclusion.index,
		size = bytes.len(), "ciphertext released after a finalized access log"
	);
	let block = HeaderValue::from_str(&format!("{:?}", inclusion.block_hash))
		.map_err(|e| VaultError::Internal(e.to_string()))?;
	let headers = [
		(header::CONTENT_TYPE, HeaderValue::from_static("application/octet-stream")),
		(HeaderName::from_static("x-ruralmed-record"), HeaderValue::from(access.record)),
		(HeaderName::from_static("x-ruralmed-access-block"), block),
	];
	Ok((StatusCode::OK, headers, Body::from(bytes)).into_response())
}

#[cfg(test)]
pub(crate) mod tests {
	use super::*;
	use crate::auth::tests::signed_headers;
	use sp_keyring::Sr25519Keyring;

	/// A vault on a free port whose node is a closed port, and its data directory.
	async fn vault_without_node(max_body_bytes: usize) -> (String, tempfile::TempDir) {
		serve_without_node(max_body_bytes, Vec::new()).await
	}

	/// A vault on a free port whose node is a closed port, allowing CORS for `cors_origins`,
	/// and its data directory (a local store).
	pub(crate) async fn serve_without_node(
		max_body_bytes: usize,
		cors_origins: Vec<HeaderValue>,
	) -> (String, tempfile::TempDir) {
		let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
		let node = format!("http://{}", closed.local_addr().expect("addr"));
		drop(closed);
		let data = tempfile::tempdir().expect("temp dir");
		let vault = Arc::new(Vault {
			auth: Authenticator::new(Duration::from_secs(120)),
			chain: Chain::new(&node, Duration::from_secs(2), 0).expect("client"),
			store: BlobStore::local(data.path()).expect("store"),
			pending: PendingIndex::open(&data.path().join("pending")).expect("index"),
			max_body_bytes,
			finality_timeout: Duration::from_secs(1),
			links: LinkLocks::default(),
			cors_origins,
		});
		let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
		let url = format!("http://{}", listener.local_addr().expect("addr"));
		tokio::spawn(async move { axum::serve(listener, router(vault)).await });
		(url, data)
	}

	async fn post(url: &str, path: &str, body: Vec<u8>, headers: HeaderMap) -> (u16, Value) {
		let res = reqwest::Client::new()
			.post(format!("{url}{path}"))
			.headers(headers)
			.body(body)
			.send()
			.await
			.expect("the vault answers");
		let status = res.status().as_u16();
		(status, res.json().await.expect("a JSON body"))
	}

	fn upload_headers(who: Sr25519Keyring, body: &[u8]) -> HeaderMap {
		let mut headers = signed_headers(who, "POST", "/v1/blobs", body, now_ms());
		let eve = Sr25519Keyring::Eve.to_account_id().to_ss58check();
		headers.insert(PATIENT_HEADER, HeaderValue::from_str(&eve).expect("ASCII"));
		headers.insert(ORGANISATION_HEADER, HeaderValue::from_static("1"));
		headers.insert(CATEGORY_HEADER, HeaderValue::from_static("Encounter"));
		headers
	}

	#[tokio::test]
	async fn refusals_answer_with_their_code_and_store_nothing() {
		let (url, data) = vault_without_node(1024).await;
		let blobs = data.path().join("blobs");
		let count = || std::fs::read_dir(&blobs).map(|d| d.count()).unwrap_or(0);

		let health = reqwest::get(format!("{url}/health")).await.expect("answer");
		assert_eq!(health.status().as_u16(), 503);
		let health: Value = health.json().await.expect("JSON");
		assert_eq!(health["node"]["error"], "node_unavailable");
		assert_eq!(health["store"]["reachable"], true);

		let body = b"ciphertext".to_vec();
		let (status, answer) = post(&url, "/v1/blobs", body.clone(), HeaderMap::new()).await;
		assert_eq!((status, answer["error"].as_str()), (401, Some("unauthenticated")));

		let big = vec![7u8; 1025];
		let (status, answer) =
			post(&url, "/v1/blobs", big.clone(), upload_headers(Sr25519Keyring::Charlie, &big))
				.await;
		assert_eq!((status, answer["error"].as_str()), (413, Some("payload_too_large")));

		let mut headers = upload_headers(Sr25519Keyring::Charlie, &body);
		let wrong = format!("{:?}", H256(blake2_256(b"other")));
		headers.insert(CONTENT_HASH_HEADER, HeaderValue::from_str(&wrong).expect("ASCII"));
		let (status, answer) = post(&url, "/v1/blobs", body.clone(), headers).await;
		assert_eq!((status, answer["error"].as_str()), (422, Some("hash_mismatch")));

		let mut headers = upload_headers(Sr25519Keyring::Charlie, &body);
		headers.insert(CATEGORY_HEADER, HeaderValue::from_static("Gossip"));
		let (status, answer) = post(&url, "/v1/blobs", body.clone(), headers).await;
		assert_eq!((status, answer["error"].as_str()), (400, Some("bad_request")));

		let (status, answer) =
			post(&url, "/v1/blobs", body.clone(), upload_headers(Sr25519Keyring::Charlie, &body))
				.await;
		assert_eq!((status, answer["error"].as_str()), (503, Some("node_unavailable")));

		let hash = format!("{:?}", H256(blake2_256(&body)));
		let path = format!("/v1/blobs/{hash}/read");
		let read = br#"{"extrinsic":"0x1234"}"#.to_vec();
		let headers = signed_headers(Sr25519Keyring::Eve, "POST", &path, &read, now_ms());
		let (status, answer) = post(&url, &path, read, headers).await;
		assert_eq!((status, answer["error"].as_str()), (400, Some("bad_extrinsic")));

		let (status, answer) = post(&url, "/v1/nowhere", Vec::new(), HeaderMap::new()).await;
		assert_eq!((status, answer["error"].as_str()), (404, Some("unknown_route")));

		assert_eq!(count(), 0, "no refused upload is stored");
	}

	async fn delete(url: &str, path: &str, body: Vec<u8>, headers: HeaderMap) -> (u16, Value) {
		let res = reqwest::Client::new()
			.delete(format!("{url}{path}"))
			.headers(headers)
			.body(body)
			.send()
			.await
			.expect("the vault answers");
		let status = res.status().as_u16();
		(status, res.json().await.expect("a JSON body"))
	}

	#[tokio::test]
	async fn erase_refusals_before_the_chain_is_asked() {
		let (url, data) = vault_without_node(1024).await;
		let store = BlobStore::local(data.path()).expect("store");
		let (hash, _) = store.put(Bytes::from_static(b"kept ciphertext")).await.expect("put");
		let path = format!("/v1/blobs/{hash:?}");
		let body = br#"{"record":3}"#.to_vec();
		let signed = |who: Sr25519Keyring, path: &str, body: &[u8]| {
			signed_headers(who, "DELETE", path, body, now_ms())
		};

		let (status, answer) = delete(&url, &path, body.clone(), HeaderMap::new()).await;
		assert_eq!((status, answer["error"].as_str()), (401, Some("unauthenticated")));
		// Signed for another path (another blob), or as a POST.
		let other = format!("/v1/blobs/{:?}", H256::repeat_byte(7));
		let headers = signed(Sr25519Keyring::Ferdie, &other, &body);
		let (status, answer) = delete(&url, &path, body.clone(), headers).await;
		assert_eq!((status, answer["error"].as_str()), (401, Some("bad_signature")));
		let headers = signed_headers(Sr25519Keyring::Ferdie, "POST", &path, &body, now_ms());
		let (status, answer) = delete(&url, &path, body.clone(), headers).await;
		assert_eq!((status, answer["error"].as_str()), (401, Some("bad_signature")));
		for bad in [&br#"{"record":"3"}"#[..], b"{}", br#"{"record":3,"also":1}"#, b"record=3"] {
			let headers = signed(Sr25519Keyring::Ferdie, &path, bad);
			let (status, answer) = delete(&url, &path, bad.to_vec(), headers).await;
			assert_eq!((status, answer["error"].as_str()), (400, Some("bad_request")), "{bad:?}");
		}
		let headers = signed(Sr25519Keyring::Ferdie, "/v1/blobs/nothex", &body);
		let (status, answer) = delete(&url, "/v1/blobs/nothex", body.clone(), headers).await;
		assert_eq!((status, answer["error"].as_str()), (400, Some("bad_request")));
		// A well-formed erase still needs the chain: without a node nothing is deleted.
		let (status, answer) =
			delete(&url, &path, body.clone(), signed(Sr25519Keyring::Ferdie, &path, &body)).await;
		assert_eq!((status, answer["error"].as_str()), (503, Some("node_unavailable")));
		assert!(store.exists(&hash).await.expect("head"), "a refused erase deleted the blob");

		// The blob route takes only DELETE.
		let res = reqwest::get(format!("{url}{path}")).await.expect("answer");
		assert_eq!(res.status().as_u16(), 405);
		let answer: Value = res.json().await.expect("JSON");
		assert_eq!(answer["error"], "method_not_allowed");
	}
}

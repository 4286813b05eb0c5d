//! The one error type of the vault, and how each error answers over HTTP.
//!
//! Every refusal is a [`VaultError`]; its HTTP status and its stable `error` code are fixed
//! here, so clients branch on the code and people read the message. The body is always
//! `{ "error": "<stable_code>", "message": "…" }`.

use axum::{
	http::StatusCode,
	response::{IntoResponse, Response},
	Json,
};

/// Everything that can stop a request. Nothing is changed when one is returned, except where a
/// variant says so (only [`VaultError::AccessRefused`]: the reader's failed `log_access` is on
/// chain, which is the point).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum VaultError {
	/// A signed-request header is missing: 401 `unauthenticated`.
	#[error("missing header {0}")]
	Unauthenticated(&'static str),
	/// A signed-request header is malformed (account, timestamp or signature encoding): 401
	/// `malformed_auth`.
	#[error("{0}")]
	MalformedAuth(String),
	/// The request's timestamp is outside the validity window, in the past or the future: 401
	/// `request_expired`.
	#[error(
		"the request timestamp is {skew_ms} ms from the vault's clock, more than {window_ms} ms"
	)]
	Expired {
		/// How far the timestamp is from now, in milliseconds.
		skew_ms: u64,
		/// The allowed distance, in milliseconds.
		window_ms: u64,
	},
	/// A request with this signature was seen already: 401 `request_replayed`.
	#[error("this signed request was used already")]
	Replayed,
	/// The signature does not verify for the account over this request: 401 `bad_signature`.
	#[error("the signature does not match the account and the request")]
	BadSignature,
	/// The chain says the account may not write for this patient (for this organisation and
	/// category): 403 `not_permitted`.
	#[error("{0}")]
	NotPermitted(String),
	/// The `log_access` extrinsic is signed by another account than the request: 403
	/// `signer_mismatch`.
	#[error("the extrinsic is signed by {extrinsic}, the request by {request}")]
	SignerMismatch {
		/// The extrinsic's signer.
		extrinsic: String,
		/// The request's account.
		request: String,
	},
	/// The chain refused the reader's `log_access` (message: `pallet.Error`, e.g.
	/// `patientRecords.NoReadAccess`): 403 `access_refused`. The failed extrinsic is on chain.
	#[error("{0}")]
	AccessRefused(String),
	/// The signer is neither the record's patient nor the patient's guardian at the finalized
	/// block, so may not erase it: 403 `not_patient_or_guardian`.
	#[error("{signer} is neither the patient nor the guardian of record {record}")]
	NotPatientOrGuardian {
		/// The record id.
		record: u64,
		/// The request's account.
		signer: String,
	},
	/// The record is not erased on chain at the finalized block, so its blob is kept: 409
	/// `not_erased`. Erase it on chain first (`patientRecords.eraseRecord`) and wait for
	/// finality.
	#[error("record {0} is not erased at the finalized block")]
	NotErased(u64),
	/// The blob was uploaded for another patient than the record's: the record points at
	/// someone else's ciphertext, and erasing it does not erase theirs: 409 `foreign_blob`.
	#[error("blob {hash} was uploaded for another patient than record {record}'s")]
	ForeignBlob {
		/// The record id.
		record: u64,
		/// The blob's hash.
		hash: String,
	},
	/// The vault does not know whom the blob was uploaded for (kept by a vault older than the
	/// erase API), so it cannot tell whose data it is and keeps it: 409 `owner_unknown`.
	#[error("blob {0} has no recorded patient; it is kept")]
	OwnerUnknown(String),
	/// Another record of the same patient anchors the same blob and is not erased: 409
	/// `still_anchored`.
	#[error("record {other} still anchors blob {hash} and is not erased")]
	StillAnchored {
		/// The record that still needs the blob.
		other: u64,
		/// The blob's hash.
		hash: String,
	},
	/// A header, path parameter or JSON body is malformed: 400 `bad_request`.
	#[error("{0}")]
	BadRequest(String),
	/// The extrinsic is not valid hex, not a SCALE `UncheckedExtrinsic` of this runtime, not
	/// signed, or not exactly `PatientRecords.log_access`: 400 `bad_extrinsic`.
	#[error("{0}")]
	BadExtrinsic(String),
	/// No blob with this hash is kept here: 404 `unknown_blob`.
	#[error("no blob {0} is kept here")]
	UnknownBlob(String),
	/// No record with this id exists at the finalized block: 404 `unknown_record`.
	#[error("no record {0} at the finalized block")]
	UnknownRecord(u64),
	/// The record anchors another hash than the blob's: 409 `record_mismatch`.
	#[error("record {record} anchors {anchored}, not {blob}")]
	RecordMismatch {
		/// The record id.
		record: u64,
		/// The hash the record anchors.
		anchored: String,
		/// The blob's hash.
		blob: String,
	},
	/// The body's blake2-256 differs from the `x-ruralmed-content-hash` the client sent: 422
	/// `hash_mismatch`.
	#[error("the body hashes to {computed}, the client said {claimed}")]
	HashMismatch {
		/// The hash the client claimed.
		claimed: String,
		/// The hash of the body received.
		computed: String,
	},
	/// The body is larger than the vault accepts: 413 `payload_too_large`.
	#[error("the body is larger than {limit} bytes")]
	PayloadTooLarge {
		/// The limit in bytes.
		limit: usize,
	},
	/// The node refused the extrinsic into its pool (bad signature, stale nonce, mortality
	/// over, cannot pay…): 422 `extrinsic_rejected`. Nothing reached the chain.
	#[error("the node refused the extrinsic: {0}")]
	ExtrinsicRejected(String),
	/// The extrinsic was not in a finalized block in time: 504 `inclusion_timeout`. It may still
	/// be included later; the ciphertext is not released for it.
	#[error("the extrinsic was not finalized within {0} s")]
	InclusionTimeout(u64),
	/// The node cannot be reached: 503 `node_unavailable`.
	#[error("the node is unavailable: {0}")]
	NodeUnavailable(String),
	/// The node is syncing or has fewer peers than required, so its state may be stale: 503
	/// `node_syncing`.
	#[error("{0}")]
	NodeSyncing(String),
	/// The node answered a query with a JSON-RPC error: 502 `node_error`.
	#[error("the node answered with an error: {0}")]
	NodeError(String),
	/// The node's answer does not decode with this vault's runtime types (e.g. after a runtime
	/// upgrade the vault was not rebuilt for): 502 `chain_decode`.
	#[error("cannot decode the node's answer: {0}")]
	ChainDecode(String),
	/// The object store or the pending index failed: 503 `store_unavailable`.
	#[error("the blob store failed: {0}")]
	Store(String),
	/// A stored blob no longer hashes to its name: 500 `blob_corrupt`. Nothing is served.
	#[error("the stored blob {0} is corrupt")]
	BlobCorrupt(String),
	/// No such route: 404 `unknown_route`.
	#[error("no such route")]
	UnknownRoute,
	/// The route exists, but not for this method: 405 `method_not_allowed`.
	#[error("this route does not take this method")]
	MethodNotAllowed,
	/// A fault of the vault itself: 500 `internal`.
	#[error("internal error: {0}")]
	Internal(String),
}

impl VaultError {
	/// The HTTP status this error answers with.
	pub fn status(&self) -> StatusCode {
		use VaultError::*;
		match self {
			Unauthenticated(_) | MalformedAuth(_) | Expired { .. } | Replayed | BadSignature => {
				StatusCode::UNAUTHORIZED
			}
			NotPermitted(_)
			| SignerMismatch { .. }
			| AccessRefused(_)
			| NotPatientOrGuardian { .. } => StatusCode::FORBIDDEN,
			BadRequest(_) | BadExtrinsic(_) => StatusCode::BAD_REQUEST,
			UnknownBlob(_) | UnknownRecord(_) | UnknownRoute => StatusCode::NOT_FOUND,
			RecordMismatch { .. }
			| NotErased(_)
			| ForeignBlob { .. }
			| OwnerUnknown(_)
			| StillAnchored { .. } => StatusCode::CONFLICT,
			MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
			HashMismatch { .. } | ExtrinsicRejected(_) => StatusCode::UNPROCESSABLE_ENTITY,
			PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
			InclusionTimeout(_) => StatusCode::GATEWAY_TIMEOUT,
			NodeUnavailable(_) | NodeSyncing(_) | Store(_) => StatusCode::SERVICE_UNAVAILABLE,
			NodeError(_) | ChainDecode(_) => StatusCode::BAD_GATEWAY,
			BlobCorrupt(_) | Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
		}
	}

	/// The stable code clients branch on.
	pub fn code(&self) -> &'static str {
		use VaultError::*;
		match self {
			Unauthenticated(_) => "unauthenticated",
			MalformedAuth(_) => "malformed_auth",
			Expired { .. } => "request_expired",
			Replayed => "request_replayed",
			BadSignature => "bad_signature",
			NotPermitted(_) => "not_permitted",
			SignerMismatch { .. } => "signer_mismatch",
			AccessRefused(_) => "access_refused",
			NotPatientOrGuardian { .. } => "not_patient_or_guardian",
			NotErased(_) => "not_erased",
			ForeignBlob { .. } => "foreign_blob",
			OwnerUnknown(_) => "owner_unknown",
			StillAnchored { .. } => "still_anchored",
			BadRequest(_) => "bad_request",
			BadExtrinsic(_) => "bad_extrinsic",
			UnknownBlob(_) => "unknown_blob",
			UnknownRecord(_) => "unknown_record",
			RecordMismatch { .. } => "record_mismatch",
			HashMismatch { .. } => "hash_mismatch",
			PayloadTooLarge { .. } => "payload_too_large",
			ExtrinsicRejected(_) => "extrinsic_rejected",
			InclusionTimeout(_) => "inclusion_timeout",
			NodeUnavailable(_) => "node_unavailable",
			NodeSyncing(_) => "node_syncing",
			NodeError(_) => "node_error",
			ChainDecode(_) => "chain_decode",
			Store(_) => "store_unavailable",
			BlobCorrupt(_) => "blob_corrupt",
			UnknownRoute => "unknown_route",
			MethodNotAllowed => "method_not_allowed",
			Internal(_) => "internal",
		}
	}

	/// The JSON body.
	pub fn body(&self) -> serde_json::Value {
		serde_json::json!({ "error": self.code(), "message": self.to_string() })
	}
}

impl IntoResponse for VaultError {
	fn into_response(self) -> Response {
		let status = self.status();
		// Refusals of bad input are expected and logged as warnings; the vault's own or its
		// dependencies' failures as errors.
		if status.is_server_error() {
			tracing::error!(code = self.code(), status = status.as_u16(), message = %self, "request failed");
		} else {
			tracing::warn!(code = self.code(), status = status.as_u16(), message = %self, "request refused");
		}
		(status, Json(self.body())).into_response()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn every_error_maps_to_its_status_and_code() {
		let cases: Vec<(VaultError, u16, &str)> = vec![
			(VaultError::Unauthenticated("x-ruralmed-account"), 401, "unauthenticated"),
			(VaultError::MalformedAuth("bad".into()), 401, "malformed_auth"),
			(VaultError::Expired { skew_ms: 1, window_ms: 0 }, 401, "request_expired"),
			(VaultError::Replayed, 401, "request_replayed"),
			(VaultError::BadSignature, 401, "bad_signature"),
			(VaultError::NotPermitted("no".into()), 403, "not_permitted"),
			(
				VaultError::SignerMismatch { extrinsic: "a".into(), request: "b".into() },
				403,
				"signer_mismatch",
			),
			(
				VaultError::AccessRefused("patientRecords.NoReadAccess".into()),
				403,
				"access_refused",
			),
			(
				VaultError::NotPatientOrGuardian { record: 3, signer: "c".into() },
				403,
				"not_patient_or_guardian",
			),
			(VaultError::NotErased(3), 409, "not_erased"),
			(VaultError::ForeignBlob { record: 3, hash: "ab".into() }, 409, "foreign_blob"),
			(VaultError::OwnerUnknown("ab".into()), 409, "owner_unknown"),
			(VaultError::StillAnchored { other: 4, hash: "ab".into() }, 409, "still_anchored"),
			(VaultError::BadRequest("x".into()), 400, "bad_request"),
			(VaultError::BadExtrinsic("x".into()), 400, "bad_extrinsic"),
			(VaultError::UnknownBlob("ab".into()), 404, "unknown_blob"),
			(VaultError::UnknownRecord(7), 404, "unknown_record"),
			(
				VaultError::RecordMismatch { record: 1, anchored: "a".into(), blob: "b".into() },
				409,
				"record_mismatch",
			),
			(
				VaultError::HashMismatch { claimed: "a".into(), computed: "b".into() },
				422,
				"hash_mismatch",
			),
			(VaultError::PayloadTooLarge { limit: 1 }, 413, "payload_too_large"),
			(VaultError::ExtrinsicRejected("stale".into()), 422, "extrinsic_rejected"),
			(VaultError::InclusionTimeout(60), 504, "inclusion_timeout"),
			(VaultError::NodeUnavailable("down".into()), 503, "node_unavailable"),
			(VaultError::NodeSyncing("syncing".into()), 503, "node_syncing"),
			(VaultError::NodeError("x".into()), 502, "node_error"),
			(VaultError::ChainDecode("x".into()), 502, "chain_decode"),
			(VaultError::Store("x".into()), 503, "store_unavailable"),
			(VaultError::BlobCorrupt("ab".into()), 500, "blob_corrupt"),
			(VaultError::UnknownRoute, 404, "unknown_route"),
			(VaultError::MethodNotAllowed, 405, "method_not_allowed"),
			(VaultError::Internal("x".into()), 500, "internal"),
		];
		for (error, status, code) in cases {
			assert_eq!(error.status().as_u16(), status, "{error:?}");
			assert_eq!(error.code(), code, "{error:?}");
			let body = error.body();
			assert_eq!(body["error"], code);
			assert_eq!(body["message"], error.to_string());
		}
	}

	#[test]
	fn the_response_carries_status_and_json_body() {
		let response = VaultError::HashMismatch { claimed: "0xaa".into(), computed: "0xbb".into() }
			.into_response();
		assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
		assert_eq!(
			response.headers().get(axum::http::header::CONTENT_TYPE).map(|v| v.as_bytes()),
			Some(&b"application/json"[..])
		);
	}
}

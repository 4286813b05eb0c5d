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
/// variant says so ([`VaultError::AccessRefused`]: the reader's failed `log_access` is on
/// chain, which is the point; [`VaultError::ShlPasscode`]: a wrong passcode uses up an
/// attempt).
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
	/// The signer is neither the patient nor the patient's guardian at the finalized block, so
	/// may not share, list or revoke the patient's SMART Health Links: 403
	/// `not_patient_or_guardian` (the code of [`VaultError::NotPatientOrGuardian`]).
	#[error("{signer} is neither patient {patient} nor their guardian")]
	NotPatientOrGuardianOf {
		/// The patient.
		patient: String,
		/// The request's account.
		signer: String,
	},
	/// A SMART Health Link would carry a record of another patient than the link's: 403
	/// `shl_foreign_record`.
	#[error("record {record} is not a record of patient {patient}")]
	ShlForeignRecord {
		/// The record id.
		record: u64,
		/// The link's patient.
		patient: String,
	},
	/// No SMART Health Link has this id: 404 `shl_not_found`.
	#[error("no SMART Health Link {0}")]
	ShlNotFound(String),
	/// The SMART Health Link was revoked by its patient or guardian: 404 `shl_revoked`.
	#[error("the SMART Health Link {0} was revoked")]
	ShlRevoked(String),
	/// The SMART Health Link is past its expiry: 404 `shl_expired`.
	#[error("the SMART Health Link {0} has expired")]
	ShlExpired(String),
	/// Every passcode attempt of the SMART Health Link was used up by wrong passcodes; it is
	/// disabled for good: 404 `shl_locked`.
	#[error("the SMART Health Link {0} is disabled after too many wrong passcodes")]
	ShlLocked(String),
	/// The SMART Health Link needs a passcode and none or a wrong one was given: 401
	/// `shl_passcode`, the body also carries `remainingAttempts`. A wrong passcode (not a
	/// missing one) uses up an attempt, which is kept: the one change this error makes.
	#[error("{}", if *.given { "wrong passcode" } else { "this SMART Health Link needs a passcode" })]
	ShlPasscode {
		/// Whether a passcode was given (and was wrong).
		given: bool,
		/// Attempts left; at 0 the link is disabled.
		remaining: u32,
	},
	/// A record the SMART Health Link carries (or would carry) is erased on chain at the
	/// finalized block: 410 `shl_record_erased`. Checked at every use, so erasing a record
	/// stops every link that carries it.
	#[error("record {0} is erased on chain")]
	ShlRecordErased(u64),
	/// A SMART Health Link with this id exists already (ids are never reused, a revoked link's
	/// included): 409 `shl_exists`.
	#[error("a SMART Health Link {0} exists already")]
	ShlExists(String),
	/// The patient has as many SMART Health Links in force (not revoked, not expired, not
	/// disabled) as allowed: 409 `shl_limit`. Revoke one first.
	#[error("patient {patient} has {limit} SMART Health Links in force, the most allowed")]
	ShlLimit {
		/// The patient.
		patient: String,
		/// The limit.
		limit: usize,
	},
	/// A header, path parameter or JSON body is malformed: 400 `bad_request`.
	#[error("{0}")]
	BadRequest(String),
	/// The extrinsic is not valid hex, not a SCALE `UncheckedExtrinsic` of this runtime, not
	/// signed, or not exactly `PatientRecords.log_access` (or `Proxy.proxy` of it for an account
	/// id): 400 `bad_extrinsic`.
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
			Unauthenticated(_)
			| MalformedAuth(_)
			| Expired { .. }
			| Replayed
			| BadSignature
			| ShlPasscode { .. } => StatusCode::UNAUTHORIZED,
			NotPermitted(_)
			| SignerMismatch { .. }
			| AccessRefused(_)
			| NotPatientOrGuardian { .. }
			| NotPatientOrGuardianOf { .. }
			| ShlForeignRecord { .. } => StatusCode::FORBIDDEN,
			BadRequest(_) | BadExtrinsic(_) => StatusCode::BAD_REQUEST,
			UnknownBlob(_) | UnknownRecord(_) | UnknownRoute | ShlNotFound(_) | ShlRevoked(_)
			| ShlExpired(_) | ShlLocked(_) => StatusCode::NOT_FOUND,
			ShlRecordErased(_) => StatusCode::GONE,
			RecordMismatch { .. }
			| NotErased(_)
			| ForeignBlob { .. }
			| OwnerUnknown(_)
			| StillAnchored { .. }
			| ShlExists(_)
			| ShlLimit { .. } => StatusCode::CONFLICT,
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
			NotPatientOrGuardian { .. } | NotPatientOrGuardianOf { .. } => {
				"not_patient_or_guardian"
			}
			ShlForeignRecord { .. } => "shl_foreign_record",
			ShlNotFound(_) => "shl_not_found",
			ShlRevoked(_) => "shl_revoked",
			ShlExpired(_) => "shl_expired",
			ShlLocked(_) => "shl_locked",
			ShlPasscode { .. } => "shl_passcode",
			ShlRecordErased(_) => "shl_record_erased",
			ShlExists(_) => "shl_exists",
			ShlLimit { .. } => "shl_limit",
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

	/// The JSON body: `{error, message}`, and `remainingAttempts` for
	/// [`VaultError::ShlPasscode`] (as the SMART Health Links specification asks).
	pub fn body(&self) -> serde_json::Value {
		let mut body = serde_json::json!({ "error": self.code(), "message": self.to_string() });
		if let VaultError::ShlPasscode { remaining, .. } = self {
			body["remainingAttempts"] = (*remaining).into();
		}
		body
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
			(
				VaultError::NotPatientOrGuardianOf { patient: "p".into(), signer: "s".into() },
				403,
				"not_patient_or_guardian",
			),
			(
				VaultError::ShlForeignRecord { record: 3, patient: "p".into() },
				403,
				"shl_foreign_record",
			),
			(VaultError::ShlNotFound("i".into()), 404, "shl_not_found"),
			(VaultError::ShlRevoked("i".into()), 404, "shl_revoked"),
			(VaultError::ShlExpired("i".into()), 404, "shl_expired"),
			(VaultError::ShlLocked("i".into()), 404, "shl_locked"),
			(VaultError::ShlPasscode { given: true, remaining: 3 }, 401, "shl_passcode"),
			(VaultError::ShlRecordErased(3), 410, "shl_record_erased"),
			(VaultError::ShlExists("i".into()), 409, "shl_exists"),
			(VaultError::ShlLimit { patient: "p".into(), limit: 32 }, 409, "shl_limit"),
		];
		for (error, status, code) in cases {
			assert_eq!(error.status().as_u16(), status, "{error:?}");
			assert_eq!(error.code(), code, "{error:?}");
			let body = error.body();
			assert_eq!(body["error"], code);
			assert_eq!(body["message"], error.to_string());
			let extra = body.as_object().map(|o| o.contains_key("remainingAttempts"));
			assert_eq!(extra, Some(matches!(error, VaultError::ShlPasscode { .. })), "{error:?}");
		}
		let wrong = VaultError::ShlPasscode { given: true, remaining: 0 }.body();
		assert_eq!(wrong["remainingAttempts"], 0);
		assert_eq!(wrong["message"], "wrong passcode");
		let missing = VaultError::ShlPasscode { given: false, remaining: 10 }.body();
		assert_eq!(missing["remainingAttempts"], 10);
		assert_eq!(missing["message"], "this SMART Health Link needs a passcode");
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

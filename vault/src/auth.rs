//! Signed requests.
//!
//! Every `/v1` request carries three headers:
//! - `x-ruralmed-account`: the account, SS58 or `0x` + 64 hex digits;
//! - `x-ruralmed-timestamp`: unix time in milliseconds;
//! - `x-ruralmed-signature`: `0x` + the 64-byte sr25519 signature, in hex,
//!
//! over the UTF-8 bytes of
//!
//! ```text
//! ruralmed-vault/v1\n<METHOD>\n<PATH with query>\n<hex blake2-256 of the body>\n<timestamp>
//! ```
//!
//! (the body hash in lower-case hex without `0x`), or over the same bytes wrapped in
//! `<Bytes>` … `</Bytes>`: what a polkadot{.js} extension's `signRaw` signs, so a browser
//! without the account's secret can sign requests too. A timestamp further than the validity
//! window from the vault's clock, in either direction, is refused, and so is a signature seen
//! before (kept in memory for as long as its timestamp is valid, which is all a replay needs).

use crate::error::VaultError;
use axum::http::HeaderMap;
use sp_core::{
	crypto::{AccountId32, Ss58Codec},
	sr25519, Pair,
};
use std::{
	collections::HashMap,
	sync::Mutex,
	time::{Duration, SystemTime, UNIX_EPOCH},
};

/// The account header.
pub const ACCOUNT_HEADER: &str = "x-ruralmed-account";
/// The timestamp header.
pub const TIMESTAMP_HEADER: &str = "x-ruralmed-timestamp";
/// The signature header.
pub const SIGNATURE_HEADER: &str = "x-ruralmed-signature";
/// The first line of every signed message, so a signature for anything else never verifies.
pub const DOMAIN: &str = "ruralmed-vault/v1";

/// The bytes a client signs.
pub fn signing_payload(
	method: &str,
	path_and_query: &str,
	body_hash: &[u8; 32],
	timestamp_ms: u64,
) -> Vec<u8> {
	format!("{DOMAIN}\n{method}\n{path_and_query}\n{}\n{timestamp_ms}", hex::encode(body_hash))
		.into_bytes()
}

/// The prefix a polkadot{.js} extension's `signRaw` puts before the bytes it signs.
pub const WRAP_PREFIX: &[u8] = b"<Bytes>";
/// The suffix it puts after them.
pub const WRAP_SUFFIX: &[u8] = b"</Bytes>";

/// `<Bytes>` + `message` + `</Bytes>`: what an extension signs when asked to sign `message`.
pub fn wrap_bytes(message: &[u8]) -> Vec<u8> {
	[WRAP_PREFIX, message, WRAP_SUFFIX].concat()
}

/// Whether `signature` is `account`'s over `message`, bare or as an extension wraps it.
pub fn verify_signature(signature: &[u8; 64], message: &[u8], account: &AccountId32) -> bool {
	let public = sr25519::Public::from_raw(account.clone().into());
	let signature = sr25519::Signature::from_raw(*signature);
	sr25519::Pair::verify(&signature, message, &public)
		|| sr25519::Pair::verify(&signature, wrap_bytes(message), &public)
}

/// Parses an account given as SS58 (any network prefix) or `0x` + 64 hex digits.
pub fn parse_account(text: &str) -> Result<AccountId32, String> {
	let text = text.trim();
	if let Some(hex_part) = text.strip_prefix("0x") {
		let bytes = hex::decode(hex_part).map_err(|e| format!("bad account hex: {e}"))?;
		let raw: [u8; 32] =
			bytes.try_into().map_err(|_| "an account id is 32 bytes".to_string())?;
		return Ok(AccountId32::from(raw));
	}
	AccountId32::from_ss58check_with_version(text)
		.map(|(account, _)| account)
		.map_err(|e| format!("bad SS58 account {text:?}: {e:?}"))
}

/// Unix time now in milliseconds.
pub fn now_ms() -> u64 {
	SystemTime::now()
		.duration_since(UNIX_EPOCH)
		.map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
		.unwrap_or(0)
}

/// Checks signed requests and remembers their signatures while they are valid.
pub struct Authenticator {
	window_ms: u64,
	seen: Mutex<ReplayCache>,
}

/// Signatures seen, each with the time after which its request is expired anyway.
#[derive(Default)]
struct ReplayCache {
	expires: HashMap<[u8; 64], u64>,
	next_prune_ms: u64,
}

impl Authenticator {
	/// Accepts timestamps at most `window` from the vault's clock.
	pub fn new(window: Duration) -> Self {
		Self {
			window_ms: u64::try_from(window.as_millis()).unwrap_or(u64::MAX),
			seen: Mutex::new(ReplayCache::default()),
		}
	}

	/// Verifies a request at `now_ms` and returns its account. `body_hash` is blake2-256 of the
	/// body. The signature is remembered only once it verifies, so forgeries cannot fill the
	/// cache or block a genuine request.
	pub fn verify(
		&self,
		method: &str,
		path_and_query: &str,
		headers: &HeaderMap,
		body_hash: &[u8; 32],
		now_ms: u64,
	) -> Result<AccountId32, VaultError> {
		let account = parse_account(header(headers, ACCOUNT_HEADER)?)
			.map_err(|e| VaultError::MalformedAuth(format!("{ACCOUNT_HEADER}: {e}")))?;
		let timestamp_ms: u64 =
			header(headers, TIMESTAMP_HEADER)?.trim().parse().map_err(|_| {
				VaultError::MalformedAuth(format!("{TIMESTAMP_HEADER}: expected unix milliseconds"))
			})?;
		let signature = parse_signature(header(headers, SIGNATURE_HEADER)?)?;

		let skew_ms = now_ms.abs_diff(timestamp_ms);
		if skew_ms > self.window_ms {
			return Err(VaultError::Expired { skew_ms, window_ms: self.window_ms });
		}
		let message = signing_payload(method, path_and_query, body_hash, timestamp_ms);
		if !verify_signature(&signature, &message, &account) {
			return Err(VaultError::BadSignature);
		}
		self.remember(signature, timestamp_ms.saturating_add(self.window_ms), now_ms)?;
		Ok(account)
	}

	/// Records a verified signature; refuses one seen before.
	fn remember(
		&self,
		signature: [u8; 64],
		expires_ms: u64,
		now_ms: u64,
	) -> Result<(), VaultError> {
		// A poisoned lock only means another request panicked mid-insert; the map is still
		// a valid map.
		let mut seen = self.seen.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
		if now_ms >= seen.next_prune_ms {
			// Expired signatures cannot be replayed: the timestamp check refuses them first.
			seen.expires.retain(|_, expires| *expires >= now_ms);
			seen.next_prune_ms = now_ms.saturating_add(1_000);
		}
		if seen.expires.insert(signature, expires_ms).is_some() {
			return Err(VaultError::Replayed);
		}
		Ok(())
	}

	/// How many signatures are remembered (for tests and metrics).
	pub fn remembered(&self) -> usize {
		self.seen.lock().map(|s| s.expires.len()).unwrap_or(0)
	}
}

fn header<'a>(headers: &'a HeaderMap, name: &'static str) -> Result<&'a str, VaultError> {
	headers
		.get(name)
		.ok_or(VaultError::Unauthenticated(name))?
		.to_str()
		.map_err(|_| VaultError::MalformedAuth(format!("{name}: not visible ASCII")))
}

fn parse_signature(text: &str) -> Result<[u8; 64], VaultError> {
	let hex_part = text.trim().strip_prefix("0x").unwrap_or(text.trim());
	hex::decode(hex_part).ok().and_then(|bytes| <[u8; 64]>::try_from(bytes).ok()).ok_or_else(|| {
		VaultError::MalformedAuth(format!("{SIGNATURE_HEADER}: expected 0x + 128 hex digits"))
	})
}

#[cfg(test)]
pub(crate) mod tests {
	use super::*;
	use crate::blake2_256;
	use axum::http::HeaderValue;
	use sp_keyring::Sr25519Keyring;

	const NOW: u64 = 1_780_000_000_000;

	/// The headers a client sends for this request.
	pub(crate) fn signed_headers(
		who: Sr25519Keyring,
		method: &str,
		path: &str,
		body: &[u8],
		timestamp_ms: u64,
	) -> HeaderMap {
		let payload = signing_payload(method, path, &blake2_256(body), timestamp_ms);
		let signature = who.pair().sign(&payload);
		let mut headers = HeaderMap::new();
		let insert = |headers: &mut HeaderMap, name: &'static str, value: String| {
			headers.insert(name, HeaderValue::from_str(&value).expect("ASCII"));
		};
		insert(&mut headers, ACCOUNT_HEADER, who.to_account_id().to_ss58check());
		insert(&mut headers, TIMESTAMP_HEADER, timestamp_ms.to_string());
		insert(
			&mut headers,
			SIGNATURE_HEADER,
			format!("0x{}", hex::encode(AsRef::<[u8]>::as_ref(&signature))),
		);
		headers
	}

	fn auth() -> Authenticator {
		Authenticator::new(Duration::from_secs(120))
	}

	fn verify(
		a: &Authenticator,
		headers: &HeaderMap,
		body: &[u8],
		now: u64,
	) -> Result<AccountId32, VaultError> {
		a.verify("POST", "/v1/blobs", headers, &blake2_256(body), now)
	}

	#[test]
	fn a_good_request_verifies_once() {
		let a = auth();
		let headers = signed_headers(Sr25519Keyring::Eve, "POST", "/v1/blobs", b"cipher", NOW);
		assert_eq!(verify(&a, &headers, b"cipher", NOW), Ok(Sr25519Keyring::Eve.to_account_id()));
		// The same signed request again is a replay.
		assert_eq!(verify(&a, &headers, b"cipher", NOW + 5), Err(VaultError::Replayed));
		// A fresh signature over the same request is a new request.
		let again = signed_headers(Sr25519Keyring::Eve, "POST", "/v1/blobs", b"cipher", NOW);
		assert!(verify(&a, &again, b"cipher", NOW + 5).is_ok());
	}

	#[test]
	fn a_hex_account_is_accepted() {
		let a = auth();
		let mut headers = signed_headers(Sr25519Keyring::Eve, "POST", "/v1/blobs", b"x", NOW);
		let hex_id = format!("0x{}", hex::encode(Sr25519Keyring::Eve.to_account_id()));
		headers.insert(ACCOUNT_HEADER, HeaderValue::from_str(&hex_id).expect("ASCII"));
		assert_eq!(verify(&a, &headers, b"x", NOW), Ok(Sr25519Keyring::Eve.to_account_id()));
	}

	#[test]
	fn expired_and_future_timestamps_are_refused() {
		let a = auth();
		let old = signed_headers(Sr25519Keyring::Eve, "POST", "/v1/blobs", b"x", NOW - 120_001);
		assert_eq!(
			verify(&a, &old, b"x", NOW),
			Err(VaultError::Expired { skew_ms: 120_001, window_ms: 120_000 })
		);
		let future = signed_headers(Sr25519Keyring::Eve, "POST", "/v1/blobs", b"x", NOW + 120_001);
		assert!(matches!(verify(&a, &future, b"x", NOW), Err(VaultError::Expired { .. })));
		// At the edge of the window it is still valid.
		let edge = signed_headers(Sr25519Keyring::Eve, "POST", "/v1/blobs", b"x", NOW - 120_000);
		assert!(verify(&a, &edge, b"x", NOW).is_ok());
		// Refusals are not remembered; the one accepted request is.
		assert_eq!(a.remembered(), 1);
	}

	#[test]
	fn forged_and_altered_requests_are_refused() {
		let a = auth();
		let headers = signed_headers(Sr25519Keyring::Eve, "POST", "/v1/blobs", b"x", NOW);
		// Another body.
		assert_eq!(verify(&a, &headers, b"y", NOW), Err(VaultError::BadSignature));
		// Another path or method.
		assert_eq!(
			a.verify("POST", "/v1/blobs/00/read", &headers, &blake2_256(b"x"), NOW),
			Err(VaultError::BadSignature)
		);
		assert_eq!(
			a.verify("GET", "/v1/blobs", &headers, &blake2_256(b"x"), NOW),
			Err(VaultError::BadSignature)
		);
		// A flipped signature bit.
		let mut forged = headers.clone();
		let sig =
			forged.get(SIGNATURE_HEADER).and_then(|v| v.to_str().ok()).expect("set").to_string();
		let flipped =
			format!("{}{}", &sig[..sig.len() - 1], if sig.ends_with('0') { '1' } else { '0' });
		forged.insert(SIGNATURE_HEADER, HeaderValue::from_str(&flipped).expect("ASCII"));
		assert_eq!(verify(&a, &forged, b"x", NOW), Err(VaultError::BadSignature));
		// None of the refusals was remembered, so the genuine request still passes.
		assert!(verify(&a, &headers, b"x", NOW).is_ok());
	}

	#[test]
	fn the_signed_message_is_the_clients_vector() {
		// The same vector as app/client/test/vault.test.ts.
		let path = format!("/v1/blobs/0x{}", "ab".repeat(32));
		let message = signing_payload("DELETE", &path, &blake2_256(br#"{"record":3}"#), NOW);
		assert_eq!(
			String::from_utf8(message).expect("UTF-8"),
			format!(
				"ruralmed-vault/v1\nDELETE\n{path}\n\
				 49c728b6a4dc74827de29e424986e81c2b9810bdc4fb54a3d6d333e222c9627a\n1780000000000"
			)
		);
	}

	#[test]
	fn a_signature_over_the_extension_wrapped_message_is_accepted() {
		let a = auth();
		let payload = signing_payload("DELETE", "/v1/blobs/ab", &blake2_256(b"x"), NOW);
		let mut headers =
			signed_headers(Sr25519Keyring::Ferdie, "DELETE", "/v1/blobs/ab", b"x", NOW);
		let set_signature = |headers: &mut HeaderMap, message: &[u8]| {
			let signature = Sr25519Keyring::Ferdie.pair().sign(message);
			let text = format!("0x{}", hex::encode(AsRef::<[u8]>::as_ref(&signature)));
			headers.insert(SIGNATURE_HEADER, HeaderValue::from_str(&text).expect("ASCII"));
		};
		set_signature(&mut headers, &wrap_bytes(&payload));
		let verify_delete = |headers: &HeaderMap| {
			a.verify("DELETE", "/v1/blobs/ab", headers, &blake2_256(b"x"), NOW)
		};
		assert_eq!(verify_delete(&headers), Ok(Sr25519Keyring::Ferdie.to_account_id()));
		assert_eq!(verify_delete(&headers), Err(VaultError::Replayed), "replays stay refused");
		// Only the exact wrapping counts: another wrapper, a half wrapper or a wrapped other
		// request does not verify.
		for message in [
			[b"<Bytes>".as_slice(), &payload].concat(),
			[&payload[..], b"</Bytes>"].concat(),
			[b"<bytes>".as_slice(), &payload, b"</bytes>"].concat(),
			wrap_bytes(&signing_payload("DELETE", "/v1/blobs/cd", &blake2_256(b"x"), NOW)),
		] {
			set_signature(&mut headers, &message);
			assert_eq!(verify_delete(&headers), Err(VaultError::BadSignature));
		}
	}

	#[test]
	fn another_account_than_the_signer_is_refused() {
		let a = auth();
		// Signed by Dave, claimed as Eve.
		let mut headers = signed_headers(Sr25519Keyring::Dave, "POST", "/v1/blobs", b"x", NOW);
		headers.insert(
			ACCOUNT_HEADER,
			HeaderValue::from_str(&Sr25519Keyring::Eve.to_account_id().to_ss58check())
				.expect("ASCII"),
		);
		assert_eq!(verify(&a, &headers, b"x", NOW), Err(VaultError::BadSignature));
	}

	#[test]
	fn missing_and_malformed_headers_are_refused() {
		let a = auth();
		assert_eq!(
			verify(&a, &HeaderMap::new(), b"x", NOW),
			Err(VaultError::Unauthenticated(ACCOUNT_HEADER))
		);
		let good = signed_headers(Sr25519Keyring::Eve, "POST", "/v1/blobs", b"x", NOW);
		for (name, value) in [
			(ACCOUNT_HEADER, "5NotAnAddress"),
			(ACCOUNT_HEADER, "0x1234"),
			(TIMESTAMP_HEADER, "yesterday"),
			(SIGNATURE_HEADER, "0xzz"),
			(SIGNATURE_HEADER, "0x00"),
		] {
			let mut headers = good.clone();
			headers.insert(name, HeaderValue::from_static(value));
			assert!(
				matches!(verify(&a, &headers, b"x", NOW), Err(VaultError::MalformedAuth(_))),
				"{name}: {value}"
			);
		}
		let mut no_sig = good.clone();
		no_sig.remove(SIGNATURE_HEADER);
		assert_eq!(
			verify(&a, &no_sig, b"x", NOW),
			Err(VaultError::Unauthenticated(SIGNATURE_HEADER))
		);
	}

	#[test]
	fn the_replay_cache_forgets_expired_signatures() {
		let a = auth();
		let headers = signed_headers(Sr25519Keyring::Eve, "POST", "/v1/blobs", b"x", NOW);
		assert!(verify(&a, &headers, b"x", NOW).is_ok());
		let later = signed_headers(Sr25519Keyring::Eve, "POST", "/v1/blobs", b"x", NOW + 300_000);
		assert!(verify(&a, &later, b"x", NOW + 300_000).is_ok());
		assert_eq!(a.remembered(), 1, "the first signature is pruned once it cannot verify");
		// And the first request is still refused, as expired.
		assert!(matches!(
			verify(&a, &headers, b"x", NOW + 300_000),
			Err(VaultError::Expired { .. })
		));
	}
}

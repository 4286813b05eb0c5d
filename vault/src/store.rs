//! Blobs behind the `object_store` crate: a local directory, or an S3-compatible store
//! (Garage, MinIO, AWS).
//!
//! A blob is kept under `blobs/<hex blake2-256 of its bytes>` and written once: the vault
//! computes the name from the bytes itself, looks (`head`) before it writes, and never
//! overwrites. Garage ignores conditional writes, so the look comes first everywhere; a local
//! directory also refuses to replace a file (`PutMode::Create`). Two racing uploads of the same
//! bytes write the same bytes, so the race is harmless. Reads check the hash again, so a blob
//! altered in the store is never served.

use crate::blake2_256;
use crate::{config::Config, error::VaultError};
use bytes::Bytes;
use object_store::{
	aws::AmazonS3Builder, local::LocalFileSystem, path::Path, ObjectStore, PutMode, PutOptions,
	PutPayload,
};
use sp_core::H256;
use std::sync::Arc;

/// Whether a put stored new bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
	/// The blob was not there and now is.
	New,
	/// The blob was there already; nothing was written.
	Existing,
}

/// The blob store.
#[derive(Clone)]
pub struct BlobStore {
	inner: Arc<dyn ObjectStore>,
	/// Whether the store honours `PutMode::Create` (a local directory does; S3 stores without
	/// conditional-put support, Garage among them, do not).
	create_mode: bool,
	description: String,
}

/// The hex name of a hash, as stored.
pub fn hash_hex(hash: &H256) -> String {
	hex::encode(hash.as_bytes())
}

/// Parses a blob hash given as 64 hex digits, with or without `0x`.
pub fn parse_hash(text: &str) -> Result<H256, VaultError> {
	let digits = text.trim().strip_prefix("0x").unwrap_or(text.trim());
	let bytes = hex::decode(digits)
		.ok()
		.and_then(|b| <[u8; 32]>::try_from(b).ok())
		.ok_or_else(|| VaultError::BadRequest(format!("{text:?} is not a 32-byte hex hash")))?;
	Ok(H256(bytes))
}

fn location(hash: &H256) -> Path {
	Path::from(format!("blobs/{}", hash_hex(hash)))
}

fn store_error(e: object_store::Error) -> VaultError {
	VaultError::Store(e.to_string())
}

impl BlobStore {
	/// The store the configuration names.
	pub fn from_config(config: &Config) -> Result<Self, String> {
		match &config.store {
			crate::config::StoreKind::Local(dir) => {
				// Blobs go under `blobs/` of the directory: the data directory by default,
				// beside the pending index.
				let dir = dir.clone().unwrap_or_else(|| config.data_dir.clone());
				Self::local(&dir)
			}
			crate::config::StoreKind::S3 => {
				let endpoint = config.s3_endpoint.clone().ok_or("--s3-endpoint is required")?;
				let bucket = config.s3_bucket.clone().ok_or("--s3-bucket is required")?;
				let key_id = std::env::var("RURALMED_VAULT_S3_ACCESS_KEY_ID")
					.map_err(|_| "RURALMED_VAULT_S3_ACCESS_KEY_ID is not set")?;
				let secret = std::env::var("RURALMED_VAULT_S3_SECRET_ACCESS_KEY")
					.map_err(|_| "RURALMED_VAULT_S3_SECRET_ACCESS_KEY is not set")?;
				Self::s3(&endpoint, &bucket, &config.s3_region, &key_id, &secret)
			}
		}
	}

	/// Blobs in a local directory (created if missing).
	pub fn local(dir: &std::path::Path) -> Result<Self, String> {
		std::fs::create_dir_all(dir)
			.map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
		let fs = LocalFileSystem::new_with_prefix(dir).map_err(|e| e.to_string())?;
		Ok(Self {
			inner: Arc::new(fs),
			create_mode: true,
			description: format!("local:{}", dir.display()),
		})
	}

	/// Blobs in an S3-compatible bucket, path-style. Plain HTTP is allowed only to a loopback
	/// endpoint (a Garage on the same machine); anything else must be HTTPS.
	pub fn s3(
		endpoint: &str,
		bucket: &str,
		region: &str,
		key_id: &str,
		secret: &str,
	) -> Result<Self, String> {
		let loopback = ["http://127.0.0.1", "http://localhost", "http://[::1]"]
			.iter()
			.any(|prefix| endpoint.starts_with(prefix));
		let s3 = AmazonS3Builder::new()
			.with_endpoint(endpoint)
			.with_bucket_name(bucket)
			.with_region(region)
			.with_access_key_id(key_id)
			.with_secret_access_key(secret)
			.with_virtual_hosted_style_request(false)
			.with_allow_http(loopback)
			.build()
			.map_err(|e| e.to_string())?;
		Ok(Self {
			inner: Arc::new(s3),
			create_mode: false,
			description: format!("s3:{endpoint}/{bucket} ({region})"),
		})
	}

	/// What the store is, for logs.
	pub fn describe(&self) -> &str {
		&self.description
	}

	/// Whether a blob is kept.
	pub async fn exists(&self, hash: &H256) -> Result<bool, VaultError> {
		match self.inner.head(&location(hash)).await {
			Ok(_) => Ok(true),
			Err(object_store::Error::NotFound { .. }) => Ok(false),
			Err(e) => Err(store_error(e)),
		}
	}

	/// Keeps `bytes` under their blake2-256 hash, once: an existing blob is never rewritten.
	pub async fn put(&self, bytes: Bytes) -> Result<(H256, Stored), VaultError> {
		let hash = H256(blake2_256(&bytes));
		self.put_hashed(hash, bytes).await.map(|stored| (hash, stored))
	}

	/// Like [`Self::put`] when the caller hashed the bytes already; refuses a wrong hash.
	pub async fn put_hashed(&self, hash: H256, bytes: Bytes) -> Result<Stored, VaultError> {
		let computed = H256(blake2_256(&bytes));
		if computed != hash {
			return Err(VaultError::HashMismatch {
				claimed: format!("{hash:?}"),
				computed: format!("{computed:?}"),
			});
		}
		if self.exists(&hash).await? {
			return Ok(Stored::Existing);
		}
		let mode = if self.create_mode { PutMode::Create } else { PutMode::Overwrite };
		let opts = PutOptions { mode, ..Default::default() };
		match self.inner.put_opts(&location(&hash), PutPayload::from(bytes), opts).await {
			Ok(_) => Ok(Stored::New),
			// Another upload of the same bytes won the race.
			Err(object_store::Error::AlreadyExists { .. }) => Ok(Stored::Existing),
			Err(e) => Err(store_error(e)),
		}
	}

	/// A blob's bytes, checked against its hash.
	pub async fn get(&self, hash: &H256) -> Result<Bytes, VaultError> {
		let bytes = match self.inner.get(&location(hash)).await {
			Ok(found) => found.bytes().await.map_err(store_error)?,
			Err(object_store::Error::NotFound { .. }) => {
				return Err(VaultError::UnknownBlob(format!("{hash:?}")))
			}
			Err(e) => return Err(store_error(e)),
		};
		if H256(blake2_256(&bytes)) != *hash {
			return Err(VaultError::BlobCorrupt(format!("{hash:?}")));
		}
		Ok(bytes)
	}

	/// Deletes a blob (only the sweeper does, for uploads never anchored). Deleting a missing
	/// blob is not an error.
	pub async fn delete(&self, hash: &H256) -> Result<(), VaultError> {
		match self.inner.delete(&location(hash)).await {
			Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
			Err(e) => Err(store_error(e)),
		}
	}

	/// Whether the store answers: a `head` of a name no blob has must say "not found".
	pub async fn reachable(&self) -> Result<(), VaultError> {
		self.exists(&H256::zero()).await.map(|_| ())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[tokio::test]
	async fn local_blobs_are_written_once_under_their_hash() {
		let dir = tempfile::tempdir().expect("temp dir");
		let store = BlobStore::local(dir.path()).expect("local store");
		let bytes = Bytes::from_static(b"ciphertext one");
		let (hash, stored) = store.put(bytes.clone()).await.expect("put");
		assert_eq!(hash, H256(blake2_256(b"ciphertext one")));
		assert_eq!(stored, Stored::New);
		let on_disk = dir.path().join("blobs").join(hash_hex(&hash));
		assert_eq!(std::fs::read(&on_disk).expect("file"), b"ciphertext one");
		assert!(store.exists(&hash).await.expect("head"));

		// The same bytes again change nothing.
		let modified = std::fs::metadata(&on_disk).and_then(|m| m.modified()).expect("mtime");
		assert_eq!(store.put(bytes).await.expect("put"), (hash, Stored::Existing));
		assert_eq!(
			std::fs::metadata(&on_disk).and_then(|m| m.modified()).expect("mtime"),
			modified
		);
		assert_eq!(store.get(&hash).await.expect("get"), Bytes::from_static(b"ciphertext one"));
	}

	#[tokio::test]
	async fn a_wrong_hash_is_refused_and_nothing_is_written() {
		let dir = tempfile::tempdir().expect("temp dir");
		let store = BlobStore::local(dir.path()).expect("local store");
		let claimed = H256(blake2_256(b"something else"));
		let result = store.put_hashed(claimed, Bytes::from_static(b"ciphertext")).await;
		assert!(matches!(result, Err(VaultError::HashMismatch { .. })));
		assert!(!store.exists(&claimed).await.expect("head"));
		assert!(!store.exists(&H256(blake2_256(b"ciphertext"))).await.expect("head"));
	}

	#[tokio::test]
	async fn a_blob_altered_in_the_store_is_not_served() {
		let dir = tempfile::tempdir().expect("temp dir");
		let store = BlobStore::local(dir.path()).expect("local store");
		let (hash, _) = store.put(Bytes::from_static(b"original")).await.expect("put");
		std::fs::write(dir.path().join("blobs").join(hash_hex(&hash)), b"tampered").expect("write");
		assert!(matches!(store.get(&hash).await, Err(VaultError::BlobCorrupt(_))));
		let missing = H256::repeat_byte(9);
		assert!(matches!(store.get(&missing).await, Err(VaultError::UnknownBlob(_))));
		store.reachable().await.expect("reachable");
	}

	#[test]
	fn an_s3_store_is_path_style_and_needs_its_settings() {
		// Building the client does not connect; plain HTTP only to loopback.
		let garage = BlobStore::s3("http://127.0.0.1:3900", "records", "garage", "key", "secret")
			.expect("a Garage on the same machine");
		assert_eq!(garage.describe(), "s3:http://127.0.0.1:3900/records (garage)");
		assert!(!garage.create_mode, "Garage ignores conditional writes");
		let config = <crate::config::Config as clap::Parser>::try_parse_from([
			"ruralmed-vault",
			"--store",
			"s3",
		])
		.expect("parses");
		let missing = BlobStore::from_config(&config).err().expect("no endpoint");
		assert!(missing.contains("--s3-endpoint"), "{missing}");
	}

	#[test]
	fn hashes_parse_with_or_without_0x() {
		let h = H256::repeat_byte(0xab);
		assert_eq!(parse_hash(&format!("{h:?}")).expect("0x form"), h);
		assert_eq!(parse_hash(&hash_hex(&h)).expect("bare form"), h);
		assert!(parse_hash("0x1234").is_err());
		assert!(parse_hash("zz").is_err());
	}
}

//! Blobs behind the `object_store` crate: a local directory, or an S3-compatible store
//! (Garage, MinIO, AWS).
//!
//! A blob is kept under `blobs/<hex blake2-256 of its bytes>` and written once: the vault
//! computes the name from the bytes itself, looks (`head`) before it writes, and never
//! overwrites. Garage ignores conditional writes, so the look comes first everywhere; a local
//! directory also refuses to replace a file (`PutMode::Create`). Two racing uploads of the same
//! bytes write the same bytes, so the race is harmless. Reads check the hash again, so a blob
//! altered in the store is never served.
//!
//! Beside each blob, `owners/<hex hash>` names the patient it was uploaded for (whom the chain
//! let the uploader write for), written before the blob and only with a new blob. The chain
//! does not stop two records from anchoring the same hash, so an erase deletes a blob only
//! through a record of this patient: a record anchoring someone else's ciphertext cannot
//! have it deleted.
//!
//! Small named objects live in the same store beside them (`put_named` and friends): the
//! SMART Health Links under `shl/` ([`crate::shl`]). Unlike blobs they may be replaced, and
//! their names may never start with `blobs/` or `owners/`.

use crate::blake2_256;
use crate::{auth::parse_account, config::Config, error::VaultError};
use bytes::Bytes;
use object_store::{
	aws::AmazonS3Builder, local::LocalFileSystem, path::Path, BackoffConfig, ClientOptions,
	ObjectStore, PutMode, PutOptions, PutPayload, RetryConfig,
};
use sp_core::{crypto::AccountId32, H256};

/// Refuses bytes whose blake2-256 is not `hash`, before anything is looked up or written.
fn ensure_hash(hash: &H256, bytes: &[u8]) -> Result<(), VaultError> {
	let computed = H256(blake2_256(bytes));
	if computed != *hash {
		return Err(VaultError::HashMismatch {
			claimed: format!("{hash:?}"),
			computed: format!("{computed:?}"),
		});
	}
	Ok(())
}

/// Connecting to the S3 endpoint: a loopback or LAN store answers in milliseconds.
const S3_CONNECT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);
/// One whole S3 request, long enough for the largest body (16 MiB) on a slow county link.
const S3_REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);
/// Retries of a failed S3 request, and the time within which they must start.
const S3_MAX_RETRIES: usize = 2;
const S3_RETRY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);
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

fn owner_location(hash: &H256) -> Path {
	Path::from(format!("owners/{}", hash_hex(hash)))
}

/// Where a named object is kept: `name` as given, `/`-separated, each segment non-empty and
/// made of ASCII letters, digits, `-`, `_` and `.` (not `.` or `..`), never under the blobs'
/// own prefixes.
fn named_location(name: &str) -> Result<Path, VaultError> {
	let valid_segment = |segment: &str| {
		!segment.is_empty()
			&& segment != "."
			&& segment != ".."
			&& segment.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
	};
	let first = name.split('/').next().unwrap_or_default();
	if !name.split('/').all(valid_segment) || first == "blobs" || first == "owners" {
		return Err(VaultError::Internal(format!("{name:?} is no name for a named object")));
	}
	Ok(Path::from(name))
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

	/// Blobs in an S3-compatible bucket, path-style. Requests are bounded (connect 5 s, whole
	/// request 60 s, two retries within 15 s) so that an unreachable store is reported as one
	/// (503 `store_unavailable`, `/health` 503) instead of holding requests for minutes with
	/// the library's default retries. Plain HTTP is allowed only to a loopback
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
			// The client options first: setting them replaces every client option, the
			// HTTP allowance below included.
			.with_client_options(
				ClientOptions::new()
					.with_connect_timeout(S3_CONNECT_TIMEOUT)
					.with_timeout(S3_REQUEST_TIMEOUT),
			)
			.with_allow_http(loopback)
			.with_retry(RetryConfig {
				backoff: BackoffConfig::default(),
				max_retries: S3_MAX_RETRIES,
				retry_timeout: S3_RETRY_TIMEOUT,
			})
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
		ensure_hash(&hash, &bytes)?;
		if self.exists(&hash).await? {
			return Ok(Stored::Existing);
		}
		self.write(hash, bytes).await
	}

	/// Writes a blob the caller has just found missing (with [`Self::exists`]) and hashed:
	/// the upload handler, which looks once to decide whether to index the blob, so the store
	/// does not look again. The hash is still checked; a concurrent upload of the same bytes
	/// is [`Stored::Existing`] where the store can tell, an identical rewrite where it cannot.
	pub async fn write_new(&self, hash: H256, bytes: Bytes) -> Result<Stored, VaultError> {
		ensure_hash(&hash, &bytes)?;
		self.write(hash, bytes).await
	}

	async fn write(&self, hash: H256, bytes: Bytes) -> Result<Stored, VaultError> {
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

	/// Records the patient a new blob is uploaded for; call it before writing the blob, so no
	/// blob is ever without its owner. Overwrites: only a blob not kept yet gets an owner.
	pub async fn set_owner(&self, hash: &H256, patient: &AccountId32) -> Result<(), VaultError> {
		let text = format!("0x{}", hex::encode(AsRef::<[u8]>::as_ref(patient)));
		self.inner
			.put(&owner_location(hash), PutPayload::from(text.into_bytes()))
			.await
			.map(|_| ())
			.map_err(store_error)
	}

	/// The patient a blob was uploaded for; `None` if none was recorded (a blob kept by a vault
	/// older than the owner records, or none at all).
	pub async fn owner(&self, hash: &H256) -> Result<Option<AccountId32>, VaultError> {
		let bytes = match self.inner.get(&owner_location(hash)).await {
			Ok(found) => found.bytes().await.map_err(store_error)?,
			Err(object_store::Error::NotFound { .. }) => return Ok(None),
			Err(e) => return Err(store_error(e)),
		};
		let text = std::str::from_utf8(&bytes)
			.map_err(|_| VaultError::Store(format!("the owner record of {hash:?} is not text")))?;
		parse_account(text)
			.map(Some)
			.map_err(|e| VaultError::Store(format!("the owner record of {hash:?}: {e}")))
	}

	/// Deletes a blob, then its owner record: the sweeper, for uploads never anchored, and an
	/// erase. Deleting a missing blob is not an error.
	pub async fn delete(&self, hash: &H256) -> Result<(), VaultError> {
		for path in [location(hash), owner_location(hash)] {
			match self.inner.delete(&path).await {
				Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
				Err(e) => return Err(store_error(e)),
			}
		}
		Ok(())
	}

	/// Keeps `bytes` under `name`, replacing what was there: small named objects beside the
	/// blobs (the SMART Health Links under `shl/`, [`crate::shl`]). One put is atomic in both
	/// stores (a local file is written aside and renamed; an S3 PUT replaces the whole object).
	/// Names under `blobs/` and `owners/` are refused: those are written only by the blob
	/// methods above.
	pub async fn put_named(&self, name: &str, bytes: Bytes) -> Result<(), VaultError> {
		let path = named_location(name)?;
		self.inner.put(&path, PutPayload::from(bytes)).await.map(|_| ()).map_err(store_error)
	}

	/// The object under `name`, or `None` if there is none.
	pub async fn get_named(&self, name: &str) -> Result<Option<Bytes>, VaultError> {
		let path = named_location(name)?;
		match self.inner.get(&path).await {
			Ok(found) => found.bytes().await.map(Some).map_err(store_error),
			Err(object_store::Error::NotFound { .. }) => Ok(None),
			Err(e) => Err(store_error(e)),
		}
	}

	/// Deletes the object under `name`; a missing one is not an error.
	pub async fn delete_named(&self, name: &str) -> Result<(), VaultError> {
		let path = named_location(name)?;
		match self.inner.delete(&path).await {
			Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
			Err(e) => Err(store_error(e)),
		}
	}

	/// The last segments of the names of the objects directly under `prefix` (`a/b` lists
	/// `a/b/c` as `c`, not `a/b/c/d`), sorted; none for a prefix nothing is under. One list
	/// request (paged by the library on S3), so it costs what is under the prefix, not what is
	/// in the store.
	pub async fn list_named(&self, prefix: &str) -> Result<Vec<String>, VaultError> {
		let path = named_location(prefix)?;
		let listed = match self.inner.list_with_delimiter(Some(&path)).await {
			Ok(listed) => listed,
			Err(object_store::Error::NotFound { .. }) => return Ok(Vec::new()),
			Err(e) => return Err(store_error(e)),
		};
		let mut names: Vec<String> = listed
			.objects
			.into_iter()
			.filter_map(|meta| meta.location.filename().map(str::to_string))
			.collect();
		names.sort();
		Ok(names)
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
	async fn a_failing_s3_store_is_reported_within_its_retry_bound() {
		use std::sync::atomic::{AtomicUsize, Ordering};
		use tokio::io::{AsyncReadExt, AsyncWriteExt};
		// A real HTTP server on loopback that answers every request 503, which the library
		// retries: by default up to 10 times over about a minute.
		let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
		let port = listener.local_addr().expect("addr").port();
		let requests = Arc::new(AtomicUsize::new(0));
		let counted = requests.clone();
		tokio::spawn(async move {
			while let Ok((mut conn, _)) = listener.accept().await {
				let counted = counted.clone();
				tokio::spawn(async move {
					let mut head = Vec::new();
					let mut buf = [0u8; 1024];
					while !head.windows(4).any(|w| w == b"\r\n\r\n") {
						match conn.read(&mut buf).await {
							Ok(0) | Err(_) => return,
							Ok(n) => head.extend_from_slice(&buf[..n]),
						}
					}
					counted.fetch_add(1, Ordering::SeqCst);
					let answer = b"HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";
					let _ = conn.write_all(answer).await;
				});
			}
		});
		let store = BlobStore::s3(&format!("http://127.0.0.1:{port}"), "b", "garage", "k", "s")
			.expect("s3 store");
		let started = std::time::Instant::now();
		let result = store.exists(&H256::repeat_byte(1)).await;
		assert!(matches!(result, Err(VaultError::Store(_))), "{result:?}");
		assert_eq!(
			requests.load(Ordering::SeqCst),
			1 + S3_MAX_RETRIES,
			"one try and the retries: {result:?}"
		);
		assert!(started.elapsed() < S3_RETRY_TIMEOUT, "took {:?}", started.elapsed());
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

	#[tokio::test]
	async fn owners_are_kept_beside_their_blobs_and_deleted_with_them() {
		use sp_keyring::Sr25519Keyring;
		let dir = tempfile::tempdir().expect("temp dir");
		let store = BlobStore::local(dir.path()).expect("local store");
		let bytes = Bytes::from_static(b"ferdie's ciphertext");
		let hash = H256(blake2_256(&bytes));
		assert_eq!(store.owner(&hash).await.expect("owner"), None);
		let ferdie = Sr25519Keyring::Ferdie.to_account_id();
		store.set_owner(&hash, &ferdie).await.expect("set owner");
		store.put_hashed(hash, bytes).await.expect("put");
		assert_eq!(store.owner(&hash).await.expect("owner"), Some(ferdie.clone()));
		let on_disk = dir.path().join("owners").join(hash_hex(&hash));
		assert_eq!(
			std::fs::read_to_string(&on_disk).expect("owner file"),
			format!("0x{}", hex::encode(AsRef::<[u8]>::as_ref(&ferdie)))
		);

		// A corrupt owner record is a store fault, never read as "no owner".
		std::fs::write(&on_disk, b"0x1234").expect("write");
		assert!(matches!(store.owner(&hash).await, Err(VaultError::Store(_))));
		store.set_owner(&hash, &ferdie).await.expect("set owner");

		store.delete(&hash).await.expect("delete");
		assert!(!store.exists(&hash).await.expect("head"));
		assert_eq!(store.owner(&hash).await.expect("owner"), None);
		assert!(!on_disk.exists());
		// Deleting again is no error.
		store.delete(&hash).await.expect("delete again");
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

	#[tokio::test]
	async fn named_objects_are_kept_listed_and_deleted_beside_the_blobs() {
		let dir = tempfile::tempdir().expect("temp dir");
		let store = BlobStore::local(dir.path()).expect("local store");
		assert_eq!(store.list_named("shl/patients/ab").await.expect("list"), Vec::<String>::new());
		assert_eq!(store.get_named("shl/links/x/meta.json").await.expect("get"), None);
		store.put_named("shl/patients/ab/two", Bytes::from_static(b"2")).await.expect("put");
		store.put_named("shl/patients/ab/one", Bytes::from_static(b"1")).await.expect("put");
		store.put_named("shl/patients/ab/sub/deeper", Bytes::from_static(b"d")).await.expect("put");
		store.put_named("shl/patients/abc/three", Bytes::from_static(b"3")).await.expect("put");
		assert_eq!(store.list_named("shl/patients/ab").await.expect("list"), vec!["one", "two"]);
		assert_eq!(
			std::fs::read(dir.path().join("shl/patients/ab/two")).expect("file"),
			b"2",
			"kept in the same directory as the blobs"
		);
		// Replacing is allowed (unlike blobs).
		store.put_named("shl/patients/ab/two", Bytes::from_static(b"22")).await.expect("put");
		assert_eq!(
			store.get_named("shl/patients/ab/two").await.expect("get"),
			Some(Bytes::from_static(b"22"))
		);
		store.delete_named("shl/patients/ab/two").await.expect("delete");
		store.delete_named("shl/patients/ab/two").await.expect("delete again");
		assert_eq!(store.list_named("shl/patients/ab").await.expect("list"), vec!["one"]);
		// Names that could reach the blobs, or leave the store, are refused.
		for bad in ["blobs/00", "owners/00", "shl/../blobs/00", "shl//x", "", "shl/a b", "/shl"] {
			assert!(
				matches!(store.put_named(bad, Bytes::new()).await, Err(VaultError::Internal(_))),
				"{bad:?}"
			);
		}
		assert!(!dir.path().join("blobs").exists());
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

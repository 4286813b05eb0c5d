//! Uploads not yet anchored on chain.
//!
//! The index is a directory on the vault's own disk (never in the object store): one file per
//! pending blob, named by its hex hash, holding the upload time in unix milliseconds. A blob
//! leaves the index when it is shown anchored (`/anchored`, or a read that found its record);
//! the sweeper deletes blobs still pending after the time to live, then their entries. A file
//! per entry keeps each change atomic without a database, and the index survives restarts.

use crate::{
	error::VaultError,
	store::{hash_hex, parse_hash, BlobStore},
};
use sp_core::H256;
use std::path::{Path, PathBuf};
use tokio::sync::Mutex;

/// The pending index.
pub struct PendingIndex {
	dir: PathBuf,
	/// Serialises changes, so the sweeper never deletes a blob being marked anchored.
	lock: Mutex<()>,
}

fn io_error(what: &str, e: std::io::Error) -> VaultError {
	VaultError::Store(format!("pending index: {what}: {e}"))
}

impl PendingIndex {
	/// The index in `dir` (created if missing).
	pub fn open(dir: &Path) -> Result<Self, String> {
		std::fs::create_dir_all(dir)
			.map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
		Ok(Self { dir: dir.to_path_buf(), lock: Mutex::new(()) })
	}

	fn entry(&self, hash: &H256) -> PathBuf {
		self.dir.join(hash_hex(hash))
	}

	/// Writes `hash`'s entry with `now_ms`, atomically (a temporary file renamed); the caller
	/// holds the lock.
	async fn write_entry(&self, hash: &H256, now_ms: u64) -> Result<(), VaultError> {
		let tmp = self.dir.join(format!(".{}.tmp", hash_hex(hash)));
		tokio::fs::write(&tmp, now_ms.to_string()).await.map_err(|e| io_error("write", e))?;
		tokio::fs::rename(&tmp, self.entry(hash)).await.map_err(|e| io_error("rename", e))
	}

	/// Records a new upload at `now_ms`.
	pub async fn add(&self, hash: &H256, now_ms: u64) -> Result<(), VaultError> {
		let _guard = self.lock.lock().await;
		self.write_entry(hash, now_ms).await
	}

	/// Gives a pending blob a fresh time to live from `now_ms`, as if uploaded now; returns
	/// whether it was pending. A blob not pending (anchored, swept, or never sent) gets no
	/// entry: putting an anchored blob back in the index would let the sweeper delete it.
	pub async fn renew(&self, hash: &H256, now_ms: u64) -> Result<bool, VaultError> {
		let _guard = self.lock.lock().await;
		if !tokio::fs::try_exists(self.entry(hash)).await.map_err(|e| io_error("stat", e))? {
			return Ok(false);
		}
		self.write_entry(hash, now_ms).await?;
		Ok(true)
	}

	/// Whether a blob is pending.
	pub async fn contains(&self, hash: &H256) -> Result<bool, VaultError> {
		tokio::fs::try_exists(self.entry(hash)).await.map_err(|e| io_error("stat", e))
	}

	/// Marks a blob anchored: it leaves the index and is kept for good. Idempotent.
	pub async fn mark_anchored(&self, hash: &H256) -> Result<bool, VaultError> {
		let _guard = self.lock.lock().await;
		match tokio::fs::remove_file(self.entry(hash)).await {
			Ok(()) => Ok(true),
			Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
			Err(e) => Err(io_error("remove", e)),
		}
	}

	/// Deletes the blobs uploaded before `now_ms - ttl_ms` and never anchored, and their
	/// entries; returns the hashes deleted. An entry that cannot be read is left for a person
	/// to look at (it is logged), never guessed at.
	pub async fn sweep(
		&self,
		store: &BlobStore,
		now_ms: u64,
		ttl_ms: u64,
	) -> Result<Vec<H256>, VaultError> {
		let mut swept = Vec::new();
		let mut entries = tokio::fs::read_dir(&self.dir).await.map_err(|e| io_error("list", e))?;
		while let Some(entry) = entries.next_entry().await.map_err(|e| io_error("list", e))? {
			let name = entry.file_name();
			let Some(name) = name.to_str() else { continue };
			if name.starts_with('.') {
				continue;
			}
			let Ok(hash) = parse_hash(name) else {
				tracing::warn!(entry = name, "pending index: ignoring a file that is no hash");
				continue;
			};
			// Hold the lock per entry, so uploads and marks wait at most one deletion.
			let _guard = self.lock.lock().await;
			let uploaded_ms = match tokio::fs::read_to_string(entry.path()).await {
				Ok(text) => match text.trim().parse::<u64>() {
					Ok(ms) => ms,
					Err(_) => {
						tracing::warn!(entry = name, "pending index: unreadable upload time");
						continue;
					}
				},
				// Marked anchored meanwhile.
				Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
				Err(e) => return Err(io_error("read", e)),
			};
			if now_ms.saturating_sub(uploaded_ms) <= ttl_ms {
				continue;
			}
			store.delete(&hash).await?;
			match tokio::fs::remove_file(entry.path()).await {
				Ok(()) => {}
				Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
				Err(e) => return Err(io_error("remove", e)),
			}
			tracing::info!(hash = %hash_hex(&hash), uploaded_ms, "deleted an upload never anchored");
			swept.push(hash);
		}
		Ok(swept)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use bytes::Bytes;

	/// A local store and a pending index in a temporary directory (kept alive by the first).
	fn store_and_index() -> (tempfile::TempDir, BlobStore, PendingIndex) {
		let data = tempfile::tempdir().expect("temp dir");
		let store = BlobStore::local(&data.path().join("blobs")).expect("store");
		let pending = PendingIndex::open(&data.path().join("pending")).expect("index");
		(data, store, pending)
	}

	/// Uploads `bytes` at `at_ms` and marks them anchored; their hash.
	async fn anchored_blob(
		store: &BlobStore,
		pending: &PendingIndex,
		bytes: &'static [u8],
		at_ms: u64,
	) -> H256 {
		let (hash, _) = store.put(Bytes::from_static(bytes)).await.expect("put");
		pending.add(&hash, at_ms).await.expect("add");
		assert!(pending.mark_anchored(&hash).await.expect("mark"));
		hash
	}

	#[tokio::test]
	async fn the_sweeper_deletes_only_expired_unanchored_uploads() {
		let (_data, store, pending) = store_and_index();
		let ttl_ms = 1_000;

		let (old, _) = store.put(Bytes::from_static(b"old, never anchored")).await.expect("put");
		pending.add(&old, 10_000).await.expect("add");
		let anchored = anchored_blob(&store, &pending, b"old, anchored", 10_000).await;
		assert!(!pending.mark_anchored(&anchored).await.expect("mark again"), "idempotent");
		let (fresh, _) = store.put(Bytes::from_static(b"fresh upload")).await.expect("put");
		pending.add(&fresh, 10_500).await.expect("add");

		// Nothing has expired yet.
		assert!(pending.sweep(&store, 11_000, ttl_ms).await.expect("sweep").is_empty());
		// At 11_001 the old upload is 1_001 ms old: swept; the fresh one is 501 ms old.
		assert_eq!(pending.sweep(&store, 11_001, ttl_ms).await.expect("sweep"), vec![old]);
		assert!(!store.exists(&old).await.expect("head"));
		assert!(!pending.contains(&old).await.expect("stat"));
		assert!(store.exists(&anchored).await.expect("head"), "anchored blobs are kept");
		assert!(store.exists(&fresh).await.expect("head"));
		assert!(pending.contains(&fresh).await.expect("stat"));
		// A second sweep finds nothing more to do at the same time.
		assert!(pending.sweep(&store, 11_001, ttl_ms).await.expect("sweep").is_empty());
		// Much later the fresh one goes too, and the anchored one still stays.
		assert_eq!(pending.sweep(&store, 20_000, ttl_ms).await.expect("sweep"), vec![fresh]);
		assert!(store.exists(&anchored).await.expect("head"));
	}

	#[tokio::test]
	async fn a_pending_upload_sent_again_lives_on_and_an_anchored_one_stays_out() {
		let (_data, store, pending) = store_and_index();
		let ttl_ms = 1_000;

		let (queued, _) = store.put(Bytes::from_static(b"sent, then offline")).await.expect("put");
		pending.add(&queued, 10_000).await.expect("add");
		let anchored = anchored_blob(&store, &pending, b"anchored", 10_000).await;

		// The outbox sends the queued blob again at 10_900: its time to live starts over.
		assert!(pending.renew(&queued, 10_900).await.expect("renew"));
		// Sending the anchored one again changes nothing, nor does a blob never sent.
		assert!(!pending.renew(&anchored, 10_900).await.expect("renew"));
		assert!(!pending.contains(&anchored).await.expect("stat"));
		assert!(!pending.renew(&H256::repeat_byte(7), 10_900).await.expect("renew"));
		assert!(!pending.contains(&H256::repeat_byte(7)).await.expect("stat"));

		// Past the first upload's time to live, nothing is swept; past the renewal's, it is.
		assert!(pending.sweep(&store, 11_500, ttl_ms).await.expect("sweep").is_empty());
		assert!(store.exists(&queued).await.expect("head"));
		assert_eq!(pending.sweep(&store, 11_901, ttl_ms).await.expect("sweep"), vec![queued]);
		assert!(store.exists(&anchored).await.expect("head"), "anchored blobs are kept");
	}

	#[tokio::test]
	async fn the_index_survives_a_restart_and_ignores_stray_files() {
		let data = tempfile::tempdir().expect("temp dir");
		let store = BlobStore::local(&data.path().join("blobs")).expect("store");
		let dir = data.path().join("pending");
		let (hash, _) = store.put(Bytes::from_static(b"kept across restarts")).await.expect("put");
		PendingIndex::open(&dir).expect("index").add(&hash, 1).await.expect("add");
		std::fs::write(dir.join("not-a-hash"), b"1").expect("stray file");
		std::fs::write(dir.join(hash_hex(&H256::repeat_byte(1))), b"garbage").expect("bad entry");

		let reopened = PendingIndex::open(&dir).expect("index");
		assert!(reopened.contains(&hash).await.expect("stat"));
		assert_eq!(reopened.sweep(&store, 10_000, 100).await.expect("sweep"), vec![hash]);
		assert!(
			dir.join("not-a-hash").exists() && dir.join(hash_hex(&H256::repeat_byte(1))).exists()
		);
	}
}

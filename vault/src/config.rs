//! Configuration: command-line flags, each also readable from an environment variable.
//! S3 credentials are read from the environment only, so they never show in `ps`.

use clap::Parser;
use std::{net::SocketAddr, path::PathBuf, str::FromStr, time::Duration};

/// The RuralMed records vault: keeps record ciphertext beside a county hospital's node and
/// releases it only to a reader whose signed access log the chain has finalized.
#[derive(Debug, Clone, Parser)]
#[command(name = "ruralmed-vault", version, about)]
pub struct Config {
	/// Address to serve HTTP on.
	#[arg(long, env = "RURALMED_VAULT_LISTEN", default_value = "127.0.0.1:8787")]
	pub listen: SocketAddr,

	/// The node's HTTP JSON-RPC endpoint.
	#[arg(long, env = "RURALMED_VAULT_NODE_RPC", default_value = "http://127.0.0.1:9944")]
	pub node_rpc: String,

	/// The vault's own data directory: the index of uploads not yet anchored lives here
	/// (never in the object store), and so do blobs with the default `local` store.
	#[arg(long, env = "RURALMED_VAULT_DATA_DIR", default_value = "./vault-data")]
	pub data_dir: PathBuf,

	/// Where blobs are kept: `local` (under `<data-dir>/blobs/`), `local:<dir>` (under
	/// `<dir>/blobs/`), or `s3` (under `blobs/` in a bucket of an
	/// S3-compatible store such as Garage, set up by the `--s3-*` flags and the
	/// `RURALMED_VAULT_S3_ACCESS_KEY_ID` / `RURALMED_VAULT_S3_SECRET_ACCESS_KEY` variables).
	#[arg(long, env = "RURALMED_VAULT_STORE", default_value = "local")]
	pub store: StoreKind,

	/// S3 endpoint, e.g. `http://127.0.0.1:3900` for a Garage beside the vault.
	#[arg(long, env = "RURALMED_VAULT_S3_ENDPOINT")]
	pub s3_endpoint: Option<String>,

	/// S3 bucket.
	#[arg(long, env = "RURALMED_VAULT_S3_BUCKET")]
	pub s3_bucket: Option<String>,

	/// S3 region (Garage's default is `garage`).
	#[arg(long, env = "RURALMED_VAULT_S3_REGION", default_value = "garage")]
	pub s3_region: String,

	/// Largest accepted request body, in bytes.
	#[arg(long, env = "RURALMED_VAULT_MAX_BODY_BYTES", default_value_t = 16 * 1024 * 1024)]
	pub max_body_bytes: usize,

	/// How far a signed request's timestamp may be from the vault's clock, in seconds.
	#[arg(long, env = "RURALMED_VAULT_REQUEST_VALIDITY_SECS", default_value_t = 120)]
	pub request_validity_secs: u64,

	/// How long an upload may wait to be anchored on chain before it is deleted, in seconds.
	#[arg(long, env = "RURALMED_VAULT_PENDING_TTL_SECS", default_value_t = 24 * 3600)]
	pub pending_ttl_secs: u64,

	/// How often the sweeper looks for expired uploads, in seconds.
	#[arg(long, env = "RURALMED_VAULT_SWEEP_INTERVAL_SECS", default_value_t = 60)]
	pub sweep_interval_secs: u64,

	/// How long a read waits for the reader's `log_access` to be finalized, in seconds.
	#[arg(long, env = "RURALMED_VAULT_FINALITY_TIMEOUT_SECS", default_value_t = 60)]
	pub finality_timeout_secs: u64,

	/// Timeout of one JSON-RPC request to the node, in seconds.
	#[arg(long, env = "RURALMED_VAULT_RPC_TIMEOUT_SECS", default_value_t = 10)]
	pub rpc_timeout_secs: u64,

	/// Fewest peers the node must have for the vault to trust its state (0 for a lone dev
	/// node).
	#[arg(long, env = "RURALMED_VAULT_MIN_PEERS", default_value_t = 1)]
	pub min_peers: u64,

	/// Browser origins allowed CORS on `/health` and the `/v1` routes, e.g.
	/// `https://records.county.example` (scheme, host and port, no path); repeat the flag or
	/// separate them with commas. None by default: those routes send no CORS headers. The
	/// SMART Health Link manifest (`POST /shl/{id}`) answers every origin regardless.
	#[arg(long = "cors-origin", env = "RURALMED_VAULT_CORS_ORIGINS", value_delimiter = ',')]
	pub cors_origins: Vec<String>,

	/// Log format: `json` (one object a line) or `text`.
	#[arg(long, env = "RURALMED_VAULT_LOG_FORMAT", default_value = "json")]
	pub log_format: LogFormat,
}

impl Config {
	/// The signed-request validity window.
	pub fn request_validity(&self) -> Duration {
		Duration::from_secs(self.request_validity_secs)
	}

	/// The pending-upload time to live.
	pub fn pending_ttl(&self) -> Duration {
		Duration::from_secs(self.pending_ttl_secs)
	}

	/// Where the pending index lives.
	pub fn pending_dir(&self) -> PathBuf {
		self.data_dir.join("pending")
	}

	/// The CORS origins, checked: each `http://` or `https://` + host (and port), nothing
	/// after; blanks (an empty variable, a trailing comma) are skipped.
	pub fn cors_origins(&self) -> Result<Vec<axum::http::HeaderValue>, String> {
		self.cors_origins
			.iter()
			.map(|origin| origin.trim())
			.filter(|origin| !origin.is_empty())
			.map(parse_origin)
			.collect()
	}
}

/// One browser origin, as a browser sends it in `Origin`.
fn parse_origin(origin: &str) -> Result<axum::http::HeaderValue, String> {
	let bad = || format!("--cors-origin {origin:?}: expected http(s)://host[:port], no path");
	let host = origin
		.strip_prefix("https://")
		.or_else(|| origin.strip_prefix("http://"))
		.ok_or_else(bad)?;
	let valid = !host.is_empty()
		&& host.bytes().all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b));
	if !valid {
		return Err(bad());
	}
	axum::http::HeaderValue::from_str(origin).map_err(|_| bad())
}

/// Where blobs are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreKind {
	/// A local directory; `None` means the data directory.
	Local(Option<PathBuf>),
	/// An S3-compatible object store.
	S3,
}

impl FromStr for StoreKind {
	type Err = String;

	fn from_str(s: &str) -> Result<Self, Self::Err> {
		match s {
			"local" => Ok(Self::Local(None)),
			"s3" => Ok(Self::S3),
			_ => match s.strip_prefix("local:") {
				Some(dir) if !dir.is_empty() => Ok(Self::Local(Some(PathBuf::from(dir)))),
				_ => Err(format!("unknown store {s:?}: expected local, local:<dir> or s3")),
			},
		}
	}
}

/// Log output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
	/// One JSON object a line.
	Json,
	/// Human-readable lines.
	Text,
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn defaults_and_store_kinds() {
		let c = Config::try_parse_from(["ruralmed-vault"]).expect("defaults parse");
		assert_eq!(c.store, StoreKind::Local(None));
		assert_eq!(c.max_body_bytes, 16 * 1024 * 1024);
		assert_eq!(c.request_validity_secs, 120);
		assert_eq!(c.s3_region, "garage");
		let c = Config::try_parse_from([
			"ruralmed-vault",
			"--store",
			"local:/tmp/x",
			"--min-peers",
			"0",
		])
		.expect("parses");
		assert_eq!(c.store, StoreKind::Local(Some(PathBuf::from("/tmp/x"))));
		assert_eq!(c.min_peers, 0);
		assert!(Config::try_parse_from(["ruralmed-vault", "--store", "ftp"]).is_err());
		assert!(Config::try_parse_from(["ruralmed-vault", "--store", "local:"]).is_err());
	}

	#[test]
	fn cors_origins_are_a_list_and_are_checked() {
		let c = Config::try_parse_from(["ruralmed-vault"]).expect("defaults parse");
		assert_eq!(c.cors_origins(), Ok(Vec::new()), "no CORS by default");
		let c = Config::try_parse_from([
			"ruralmed-vault",
			"--cors-origin",
			"https://records.example, http://localhost:5173,",
			"--cors-origin",
			"http://[::1]:8080",
		])
		.expect("parses");
		let origins: Vec<String> = c
			.cors_origins()
			.expect("valid")
			.iter()
			.map(|v| v.to_str().expect("ASCII").to_string())
			.collect();
		assert_eq!(
			origins,
			["https://records.example", "http://localhost:5173", "http://[::1]:8080"]
		);
		for bad in ["records.example", "https://records.example/", "https://", "ftp://x", "*"] {
			let c =
				Config::try_parse_from(["ruralmed-vault", "--cors-origin", bad]).expect("parses");
			assert!(c.cors_origins().is_err(), "{bad}");
		}
	}
}

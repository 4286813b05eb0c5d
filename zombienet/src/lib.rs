//! RuralMed's network and fault tests, on zombienet-sdk (the SDK's own orchestrator, native
//! provider): four `ruralmed-node` validators of the `local` chain (Alice, Bob, Charlie, Dave),
//! each a separate process with its own ParityDB, started from the raw spec of
//! `ruralmed-node export-chain-spec --chain local --raw` so the genesis is the project's own,
//! unchanged (zombienet does not customise a raw spec; it only writes each validator's //Alice…
//! keys into its keystore).
//!
//! This library holds what the scenarios in `tests/network.rs` share: the network's set-up, a
//! small JSON-RPC reader per node, polling with a deadline, agreement across nodes, and the
//! polkadot.js scripts (`scripts/js/network-flows.mjs`, `medical-digest.mjs`) that drive the
//! dApp flows and digest the medical data. `scripts/network-tests.sh` runs the tests with the
//! built node; see `docs/validators.md`.

use std::{
	future::Future,
	path::PathBuf,
	time::{Duration, Instant},
};

use anyhow::{anyhow, bail, Context, Result};
use serde_json::{json, Value};
use zombienet_sdk::{LocalFileSystem, Network, NetworkConfig, NetworkConfigBuilder, NetworkNode};

/// The validators of the `local` chain, in the order scenarios name them.
pub const VALIDATORS: [&str; 4] = ["alice", "bob", "charlie", "dave"];
/// Seconds per Aura slot (the runtime's `MILLI_SECS_PER_BLOCK`).
pub const SLOT: Duration = Duration::from_secs(6);
/// A session of the `local` chain: ten slots (the preset's `LOCAL_SESSION_LENGTH`).
pub const SESSION: Duration = Duration::from_secs(60);

/// Arguments every validator gets beside zombienet's own: ParityDB as in production, and each log
/// line's level printed, so the tests can count ERROR lines.
pub fn node_args() -> Vec<zombienet_sdk::Arg> {
	vec![("--database", "paritydb").into(), "--detailed-log-output".into()]
}

/// Prints a progress line of the tests (shown with `--nocapture`).
pub fn log(message: impl AsRef<str>) {
	println!("[network-tests] {}", message.as_ref());
}

/// The repository's root (this crate is `zombienet/` in it): from `CARGO_MANIFEST_DIR` as
/// `cargo test` sets it when it runs the test, in the checkout it runs in. The value compiled in
/// names the checkout that built the binary, which with a shared target dir can be another
/// clone (CI's) whose files are not here; it is only the fallback.
pub fn repo_root() -> PathBuf {
	let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
		.map(PathBuf::from)
		.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
	manifest_dir.parent().expect("the crate sits in the repository").into()
}

/// Where the test's inputs are: the node binary and the raw chain spec, from the environment
/// `scripts/network-tests.sh` sets.
pub struct Inputs {
	pub node_bin: PathBuf,
	pub chain_spec: PathBuf,
	/// Where zombienet keeps the nodes' directories and logs (kept after a failure).
	pub base_dir: PathBuf,
}

impl Inputs {
	pub fn from_env() -> Result<Self> {
		let var = |name: &str| {
			std::env::var_os(name)
				.map(PathBuf::from)
				.with_context(|| format!("{name} is not set: run scripts/network-tests.sh"))
		};
		let inputs = Self {
			node_bin: var("RURALMED_NODE_BIN")?,
			chain_spec: var("RURALMED_CHAIN_SPEC")?,
			base_dir: var("RURALMED_NETWORK_DIR")?,
		};
		for path in [&inputs.node_bin, &inputs.chain_spec] {
			if !path.is_file() {
				bail!("{} does not exist", path.display());
			}
		}
		Ok(inputs)
	}
}

/// The four-validator network of the `local` chain.
pub fn four_validators(inputs: &Inputs, name: &str) -> Result<NetworkConfig> {
	let node_bin = inputs.node_bin.to_str().context("node path is not UTF-8")?.to_owned();
	let spec = inputs.chain_spec.to_str().context("spec path is not UTF-8")?.to_owned();
	let base_dir = inputs.base_dir.join(name);
	NetworkConfigBuilder::new()
		.with_relaychain(|relay| {
			let mut relay = relay
				.with_chain("local")
				.with_default_command(node_bin.as_str())
				.with_chain_spec_path(PathBuf::from(spec.as_str()))
				.with_default_args(node_args())
				.with_validator(|node| node.with_name(VALIDATORS[0]));
			for name in &VALIDATORS[1..] {
				relay = relay.with_validator(|node| node.with_name(*name));
			}
			relay
		})
		.with_global_settings(|settings| {
			settings
				.with_base_dir(base_dir)
				.with_network_spawn_timeout(300)
				.with_node_spawn_timeout(120)
				// zombienet's own watcher polls the nodes every 15 s and exits the whole test
				// process (status 1) when one does not answer within 5 s: a node it did not see
				// go down, such as all of them once `destroy` ran (seen 2026-12-04: every
				// scenario passed, then the process exited 1 before the test's result). The
				// scenarios watch the nodes themselves and fail with what they saw.
				.with_tear_down_on_failure(false)
		})
		.build()
		.map_err(|errors| anyhow!("network config: {errors:?}"))
}

/// Reads a node over JSON-RPC (HTTP on its RPC port, which also serves WebSocket).
#[derive(Clone)]
pub struct Rpc {
	pub name: String,
	pub ws: String,
	http: String,
	client: reqwest::Client,
}

impl Rpc {
	pub fn of(node: &NetworkNode) -> Self {
		let ws = node.ws_uri().to_owned();
		Self {
			name: node.name().to_owned(),
			http: ws.replacen("ws://", "http://", 1),
			ws,
			client: reqwest::Client::builder()
				.timeout(Duration::from_secs(10))
				.build()
				.expect("a default HTTP client builds"),
		}
	}

	pub async fn call(&self, method: &str, params: Value) -> Result<Value> {
		let body = json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params });
		let reply: Value = self
			.client
			.post(&self.http)
			.json(&body)
			.send()
			.await
			.with_context(|| format!("{} {method}", self.name))?
			.json()
			.await
			.with_context(|| format!("{} {method}: reply", self.name))?;
		if let Some(error) = reply.get("error") {
			bail!("{} {method}: {error}", self.name);
		}
		Ok(reply["result"].clone())
	}

	fn number(header: &Value) -> Result<u32> {
		let hex = header["number"].as_str().context("header without a number")?;
		Ok(u32::from_str_radix(hex.trim_start_matches("0x"), 16)?)
	}

	/// The best block's number.
	pub async fn best(&self) -> Result<u32> {
		Self::number(&self.call("chain_getHeader", json!([])).await?)
	}

	/// The finalized block's number and hash.
	pub async fn finalized(&self) -> Result<(u32, String)> {
		let head = self.call("chain_getFinalizedHead", json!([])).await?;
		let header = self.call("chain_getHeader", json!([head])).await?;
		Ok((Self::number(&header)?, head.as_str().unwrap_or_default().to_owned()))
	}

	pub async fn finalized_number(&self) -> Result<u32> {
		Ok(self.finalized().await?.0)
	}

	/// The hash of the block at `number` on the node's best chain.
	pub async fn hash_at(&self, number: u32) -> Result<String> {
		let hash = self.call("chain_getBlockHash", json!([number])).await?;
		hash.as_str()
			.map(str::to_owned)
			.with_context(|| format!("{}: no block #{number}", self.name))
	}

	/// Whether the node is still catching up with the network.
	pub async fn syncing(&self) -> Result<bool> {
		self.call("system_health", json!([])).await?["isSyncing"]
			.as_bool()
			.context("health without isSyncing")
	}

	/// Peers the node syncs with.
	pub async fn peers(&self) -> Result<u64> {
		self.call("system_health", json!([])).await?["peers"]
			.as_u64()
			.context("health without peers")
	}

	/// One line for a failure report: best, finalized and peers, or why there is no answer.
	pub async fn status(&self) -> String {
		match (self.best().await, self.finalized_number().await, self.peers().await) {
			(Ok(best), Ok(finalized), Ok(peers)) => {
				format!("{}: best #{best} fin #{finalized} peers {peers}", self.name)
			}
			_ => format!("{}: no answer", self.name),
		}
	}
}

/// Polls `condition` every `poll` until it returns true; errors from it (a node still starting
/// answers nothing yet) count as false. Returns the time waited, or an error naming `what` and
/// the last error seen after `timeout`.
pub async fn wait_for<F, Fut>(
	what: &str,
	timeout: Duration,
	poll: Duration,
	mut condition: F,
) -> Result<Duration>
where
	F: FnMut() -> Fut,
	Fut: Future<Output = Result<bool>>,
{
	let start = Instant::now();
	let mut last_error = None;
	while start.elapsed() < timeout {
		match condition().await {
			Ok(true) => return Ok(start.elapsed()),
			Ok(false) => {}
			Err(error) => last_error = Some(error),
		}
		tokio::time::sleep(poll).await;
	}
	match last_error {
		Some(error) => {
			bail!("timed out after {timeout:?} waiting for {what} (last error: {error:#})")
		}
		None => bail!("timed out after {timeout:?} waiting for {what}"),
	}
}

/// Every node has finalized at least `number`.
pub async fn all_finalized(nodes: &[&Rpc], number: u32) -> Result<bool> {
	for node in nodes {
		if node.finalized_number().await? < number {
			return Ok(false);
		}
	}
	Ok(true)
}

/// All nodes hold the same hash at the lowest of their finalized heights; returns it.
pub async fn all_agree(nodes: &[&Rpc]) -> Result<(u32, String)> {
	let mut lowest = u32::MAX;
	for node in nodes {
		lowest = lowest.min(node.finalized_number().await?);
	}
	let mut hashes = Vec::new();
	for node in nodes {
		hashes.push((node.name.clone(), node.hash_at(lowest).await?));
	}
	if hashes.iter().any(|(_, hash)| *hash != hashes[0].1) {
		bail!("nodes disagree on finalized block #{lowest}: {hashes:?}");
	}
	Ok((lowest, hashes.swap_remove(0).1))
}

/// Every node's best block is the same block: the latest block has reached them all.
pub async fn same_best(nodes: &[&Rpc]) -> Result<bool> {
	let mut bests = Vec::new();
	for node in nodes {
		let number = node.best().await?;
		bests.push((number, node.hash_at(number).await?));
	}
	Ok(bests.iter().all(|best| *best == bests[0]))
}

/// Waits for a moment between blocks: every node holds the same best block and the current
/// slot is between one and four seconds old, so no block is being authored or gossiped. A
/// validator killed while its own block is half gossiped can fork the others until Substrate's
/// sync heals it: the likely cause of two CI runs in which the other nodes waited minutes for
/// one another's blocks right after the kill. That is not what a crash test of one node's
/// database is about.
pub async fn between_blocks(nodes: &[&Rpc], timeout: Duration) -> Result<Duration> {
	wait_for("a moment between blocks", timeout, Duration::from_millis(100), || async {
		let since_epoch = std::time::SystemTime::now()
			.duration_since(std::time::UNIX_EPOCH)
			.context("the clock is before 1970")?;
		let into_slot = since_epoch.as_millis() % SLOT.as_millis();
		Ok((1_000..4_000).contains(&into_slot) && same_best(nodes).await?)
	})
	.await
}

/// Runs a polkadot.js script of `scripts/js` with node and returns its standard output, or an
/// error with everything it printed.
pub async fn run_js(script: &str, args: &[&str], timeout: Duration) -> Result<String> {
	let dir = repo_root().join("scripts/js");
	let mut command = tokio::process::Command::new("node");
	command.arg(script).args(args).current_dir(&dir).kill_on_drop(true);
	let output = tokio::time::timeout(timeout, command.output())
		.await
		.with_context(|| format!("{script} did not finish within {timeout:?}"))?
		// Says where it looked, so a missing `node` and a missing directory tell apart.
		.with_context(|| {
			format!(
				"could not start node {script} in {} (exists: {}; PATH={})",
				dir.display(),
				dir.is_dir(),
				std::env::var("PATH").unwrap_or_default()
			)
		})?;
	let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
	if !output.status.success() {
		bail!(
			"{script} {} failed ({}):\n{stdout}{}",
			args.join(" "),
			output.status,
			String::from_utf8_lossy(&output.stderr)
		);
	}
	Ok(stdout)
}

/// The cross-node dApp flows (teleconsultation, drugs, emergency), each step submitted through one
/// of `nodes` and checked on all of them.
pub async fn network_flows(nodes: &[&Rpc]) -> Result<String> {
	let urls: Vec<&str> = nodes.iter().map(|node| node.ws.as_str()).collect();
	run_js("network-flows.mjs", &urls, Duration::from_secs(600)).await
}

/// The digest of the medical data `node` holds at `at` (a block hash or "finalized"): per
/// medical pallet its entry count and a hash of every key and value, plus readable counts.
pub async fn medical_digest(node: &Rpc, at: &str) -> Result<Value> {
	let out = run_js("medical-digest.mjs", &[&node.ws, at], Duration::from_secs(120)).await?;
	let line = out.lines().last().context("medical-digest.mjs printed nothing")?;
	Ok(serde_json::from_str(line)?)
}

/// The lines of a node's log at Substrate's ERROR level or with a panic.
pub async fn error_lines(node: &NetworkNode) -> Result<Vec<String>> {
	let logs = node.logs().await?;
	Ok(logs
		.lines()
		.filter(|line| line.contains(" ERROR ") || line.contains("panicked"))
		.map(str::to_owned)
		.collect())
}

/// The node's last `count` log lines that tell how it saw the network: reorgs, warnings, errors,
/// peers banned or dropped. Printed when a scenario fails, since CI keeps no node logs.
pub async fn notable_lines(node: &NetworkNode, count: usize) -> Result<Vec<String>> {
	const SIGNS: [&str; 7] =
		[" WARN ", " ERROR ", "Reorg", "banned", "Banned", "disconnect", "Disconnect"];
	let logs = node.logs().await?;
	let notable: Vec<&str> =
		logs.lines().filter(|line| SIGNS.iter().any(|sign| line.contains(sign))).collect();
	Ok(notable[notable.len().saturating_sub(count)..]
		.iter()
		.map(|line| (*line).to_owned())
		.collect())
}

/// The network's node, by name.
pub fn node<'a>(network: &'a Network<LocalFileSystem>, name: &str) -> Result<&'a NetworkNode> {
	network.get_node(name)
}

/// Indents a script's output for the test log.
pub fn indent(text: &str) -> String {
	text.trim_end().lines().map(|line| format!("    {line}\n")).collect()
}

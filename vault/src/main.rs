//! `ruralmed-vault`: see the crate documentation of `ruralmed_vault`.

use clap::Parser;
use ruralmed_vault::{
	auth::{now_ms, Authenticator},
	chain::Chain,
	config::{Config, LogFormat},
	http::{router, Vault},
	pending::PendingIndex,
	shl::LinkLocks,
	store::BlobStore,
};
use std::{sync::Arc, time::Duration};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> std::process::ExitCode {
	let config = Config::parse();
	init_logs(config.log_format);
	match run(config).await {
		Ok(()) => std::process::ExitCode::SUCCESS,
		Err(e) => {
			tracing::error!(error = %e, "the vault stopped");
			std::process::ExitCode::FAILURE
		}
	}
}

fn init_logs(format: LogFormat) {
	let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
	let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
	match format {
		LogFormat::Json => builder.json().init(),
		LogFormat::Text => builder.init(),
	}
}

async fn run(config: Config) -> Result<(), String> {
	let cors_origins = config.cors_origins()?;
	let store = BlobStore::from_config(&config)?;
	let pending = PendingIndex::open(&config.pending_dir())?;
	let chain = Chain::new(
		&config.node_rpc,
		Duration::from_secs(config.rpc_timeout_secs),
		config.min_peers,
	)?;
	let vault = Arc::new(Vault {
		auth: Authenticator::new(config.request_validity()),
		chain,
		store,
		pending,
		max_body_bytes: config.max_body_bytes,
		finality_timeout: Duration::from_secs(config.finality_timeout_secs),
		links: LinkLocks::default(),
		cors_origins,
	});

	let sweeper = tokio::spawn(sweep_forever(
		vault.clone(),
		Duration::from_secs(config.sweep_interval_secs.max(1)),
		u64::try_from(config.pending_ttl().as_millis()).unwrap_or(u64::MAX),
	));

	let listener = tokio::net::TcpListener::bind(config.listen)
		.await
		.map_err(|e| format!("cannot listen on {}: {e}", config.listen))?;
	tracing::info!(
		listen = %config.listen, node = %config.node_rpc, store = vault.store.describe(),
		data_dir = %config.data_dir.display(), max_body_bytes = config.max_body_bytes,
		min_peers = config.min_peers, cors_origins = ?config.cors_origins, "the vault is serving"
	);
	let served = axum::serve(listener, router(vault))
		.with_graceful_shutdown(shutdown_signal())
		.await
		.map_err(|e| format!("server error: {e}"));
	sweeper.abort();
	tracing::info!("the vault stopped serving");
	served
}

/// Deletes uploads never anchored, every `interval`.
async fn sweep_forever(vault: Arc<Vault>, interval: Duration, ttl_ms: u64) {
	let mut ticks = tokio::time::interval(interval);
	loop {
		ticks.tick().await;
		match vault.pending.sweep(&vault.store, now_ms(), ttl_ms).await {
			Ok(swept) if !swept.is_empty() => tracing::info!(count = swept.len(), "sweep done"),
			Ok(_) => {}
			Err(e) => tracing::error!(error = %e, "sweep failed; retrying next interval"),
		}
	}
}

/// Resolves on SIGINT or SIGTERM.
async fn shutdown_signal() {
	let interrupt = async {
		if let Err(e) = tokio::signal::ctrl_c().await {
			tracing::error!(error = %e, "cannot listen for SIGINT");
			std::future::pending::<()>().await;
		}
	};
	#[cfg(unix)]
	let terminate = async {
		match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
			Ok(mut signal) => {
				signal.recv().await;
			}
			Err(e) => {
				tracing::error!(error = %e, "cannot listen for SIGTERM");
				std::future::pending::<()>().await;
			}
		}
	};
	#[cfg(not(unix))]
	let terminate = std::future::pending::<()>();
	tokio::select! {
		() = interrupt => tracing::info!("SIGINT: shutting down"),
		() = terminate => tracing::info!("SIGTERM: shutting down"),
	}
}

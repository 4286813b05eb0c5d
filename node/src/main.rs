//! The RuralMed node: a Substrate node with Aura block production and GRANDPA finality.

// `sc_cli::Error` and `sc_service::Error` are large, and every command and service function
// returns them because the SDK's runner and builders do; boxing them here would only add
// conversions at each of those calls.
#![allow(clippy::result_large_err)]

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod network_spec;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}

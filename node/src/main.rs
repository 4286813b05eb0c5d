//! The RuralMed node: a Substrate node with Aura block production and GRANDPA finality.

mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}

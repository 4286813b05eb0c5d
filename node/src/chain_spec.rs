//! Built-in chain specifications, built from the runtime's genesis presets.

use ruralmed_runtime::WASM_BINARY;
use sc_service::ChainType;

/// The chain specification of a RuralMed chain.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The token's symbol and decimals and the SS58 prefix, the same on every RuralMed chain.
pub fn properties() -> sc_service::Properties {
	let mut p = sc_service::Properties::new();
	p.insert("tokenSymbol".into(), "RMD".into());
	p.insert("tokenDecimals".into(), 12.into());
	p.insert("ss58Format".into(), 42.into());
	p
}

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The runtime's WASM binary is not available: the node was built with SKIP_WASM_BUILD. \
		 Rebuild without it."
			.to_string()
	})
}

/// `--dev`: one validator (Alice), data in the `development` preset.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("RuralMed Development")
		.with_id("ruralmed_dev")
		.with_protocol_id("ruralmed")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain local`: four validators (Alice, Bob, Charlie, Dave), the `local_testnet` preset.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("RuralMed Local Testnet")
		.with_id("ruralmed_local_testnet")
		.with_protocol_id("ruralmed")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

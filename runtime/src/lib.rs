//! # RuralMed runtime
//!
//! The state machine of the RuralMed chain: a solo chain with Aura block production and GRANDPA
//! finality on which village clinics, township health centres, county hospitals, pharmacies,
//! drug makers, distributors, donors and the health authority share one ledger.
//!
//! - [`configs`] sets up every pallet (block limits, fees, deposits, origins).
//! - [`apis`] holds the runtime APIs that nodes, polkadot.js and PAPI call.
//! - [`genesis_config_presets`] holds the `development` and `local_testnet` genesis presets.
//! - [`governance`] lets the health council authorise runtime upgrades (docs/governance.md).
//!
//! Pallet indices are fixed: reordering them would break every client and every stored call.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`-style macros need a deep recursion limit.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

// Benchmarked pallets. Declared before `apis` so that its macros are in scope there.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benches {
	frame_benchmarking::define_benchmarks!(
		[frame_benchmarking, BaselineBench::<Runtime>]
		[frame_system, SystemBench::<Runtime>]
		[frame_system_extensions, SystemExtensionsBench::<Runtime>]
		[pallet_balances, Balances]
		[pallet_transaction_payment, TransactionPayment]
		[pallet_timestamp, Timestamp]
		[pallet_utility, Utility]
		[pallet_proxy, Proxy]
		[pallet_recovery, Recovery]
		[pallet_sudo, Sudo]
		[pallet_collective, Council]
		[pallet_membership, CouncilMembership]
		[pallet_validator_set, ValidatorSet]
		[pallet_registry, Registry]
		[pallet_patient_records, PatientRecords]
		[pallet_consent, Consent]
		[pallet_drug_provenance, DrugProvenance]
		[pallet_emergency_supply, EmergencySupply]
		[pallet_statistics, Statistics]
	);
}

pub mod apis;
pub mod configs;
pub mod genesis_config_presets;
pub mod governance;
pub mod migrations;
#[cfg(test)]
mod tests;
pub mod weights;

use alloc::vec::Vec;
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types, for the node: it need not know the runtime's extrinsic format to sync the
/// chain across upgrades.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;

	impl_opaque_keys! {
		/// The session keys of a validator: its Aura (authoring) and GRANDPA (finality) keys.
		pub struct SessionKeys {
			pub aura: Aura,
			pub grandpa: Grandpa,
		}
	}
}

/// The runtime's identity and version. Bump `spec_version` with every runtime upgrade.
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("ruralmed"),
	impl_name: alloc::borrow::Cow::Borrowed("ruralmed"),
	authoring_version: 1,
	spec_version: 110,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 2,
	system_version: 1,
};

/// Target block time. Aura slots are this long; GRANDPA finalizes a block or two behind.
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
/// Aura slot duration. It cannot change once the chain has started.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks in a minute, hour and day, for configuring periods in blocks.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks in an hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks in a day.
pub const DAYS: BlockNumber = HOURS * 24;

/// One unit of the native token (12 decimals).
pub const UNIT: Balance = 1_000_000_000_000;
/// A hundredth of a unit.
pub const CENTS: Balance = UNIT / 100;
/// A thousandth of a unit.
pub const MILLI_UNIT: Balance = UNIT / 1_000;
/// The smallest balance an account may hold.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// The deposit for storing `items` entries taking `bytes` bytes in total.
pub const fn deposit(items: u32, bytes: u32) -> Balance {
	items as Balance * 20 * CENTS + (bytes as Balance) * 10 * MILLI_UNIT / 100
}

/// Block number type.
pub type BlockNumber = u32;
/// Transaction signature type.
pub type Signature = MultiSignature;
/// Account identifier: the public key of the signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balance of an account.
pub type Balance = u128;
/// Transaction index of an account.
pub type Nonce = u32;
/// Block and state hash type.
pub type Hash = sp_core::H256;
/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header type.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extensions, checked in this order for every signed transaction.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	// A registered patient's own calls skip the fee, up to a daily limit the pool enforces.
	pallet_patient_records::FreePatientCalls<
		Runtime,
		pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	>,
	frame_system::WeightReclaim<Runtime>,
);

/// The transaction extensions a wallet signs with: `era`, the signer's `nonce` and a `tip`.
/// For tests, the node's benchmarks and the vault's, which build extrinsics natively.
#[cfg(feature = "std")]
pub fn tx_extension(era: sp_runtime::generic::Era, nonce: Nonce, tip: Balance) -> TxExtension {
	(
		frame_system::AuthorizeCall::<Runtime>::new(),
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(era),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_patient_records::FreePatientCalls::from(
			pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(tip),
		),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

/// Unchecked extrinsic type.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run at the next runtime upgrade, in order. Each is versioned so that it
/// runs once.
#[allow(unused_parens)]
pub type Migrations = (
	pallet_registry::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_registry::migrations::v3::MigrateV2ToV3<Runtime>,
	pallet_patient_records::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_consent::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_drug_provenance::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_emergency_supply::migrations::v2::MigrateV1ToV2<Runtime>,
	migrations::ValidatorsFromAuthorities,
);

/// Executive: dispatches calls to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(6)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(7)]
	pub type Sudo = pallet_sudo;
	// The validator set before the session: the session's genesis asks it for the first set.
	#[runtime::pallet_index(8)]
	pub type ValidatorSet = pallet_validator_set;
	#[runtime::pallet_index(9)]
	pub type Session = pallet_session;

	// Governance: the health council (docs/governance.md). Declared in this order so that the
	// membership's genesis members exist before `Governance` sets the prime.
	#[runtime::pallet_index(10)]
	pub type Council = pallet_collective<Instance1>;
	#[runtime::pallet_index(11)]
	pub type CouncilMembership = pallet_membership<Instance1>;
	#[runtime::pallet_index(12)]
	pub type Governance = crate::governance;
	// Staff acting for a clinic's account within limits (`configs::ProxyType`).
	#[runtime::pallet_index(13)]
	pub type Proxy = pallet_proxy;
	// A patient who loses their phone: friends recover the account (`configs` Recovery).
	#[runtime::pallet_index(14)]
	pub type Recovery = pallet_recovery;

	// Medical pallets from index 20 on, leaving room for more system pallets.
	#[runtime::pallet_index(20)]
	pub type Registry = pallet_registry;
	#[runtime::pallet_index(21)]
	pub type PatientRecords = pallet_patient_records;
	#[runtime::pallet_index(22)]
	pub type Consent = pallet_consent;
	#[runtime::pallet_index(23)]
	pub type DrugProvenance = pallet_drug_provenance;
	#[runtime::pallet_index(24)]
	pub type EmergencySupply = pallet_emergency_supply;
	#[runtime::pallet_index(25)]
	pub type Statistics = pallet_statistics;
}

//! The runtime APIs: what the node, polkadot.js and PAPI call into the runtime for.

use crate::{
	opaque::SessionKeys, AccountId, Aura, Balance, Block, BlockNumber, Consent, DrugProvenance,
	EmergencySupply, Executive, Grandpa, InherentDataExt, Nonce, PatientRecords, Runtime,
	RuntimeCall, RuntimeGenesisConfig, Statistics, System, TransactionPayment, VERSION,
};
use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult, ExtrinsicInclusionMode,
};
use sp_version::RuntimeVersion;

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// Equivocation reports need key-ownership proofs, which need a session pallet with
			// historical sessions; this chain has none, so there is nothing to report against.
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	#[api_version(3)]
	impl pallet_patient_records::runtime_api::PatientRecordsApi<
		Block,
		AccountId,
		pallet_patient_records::PatientOf<Runtime>,
		pallet_patient_records::RecordAnchorOf<Runtime>,
		pallet_patient_records::AccessEntryOf<Runtime>,
		pallet_patient_records::ErasureOf<Runtime>,
		pallet_patient_records::DisputeOf<Runtime>,
	> for Runtime {
		fn records_of(
			patient: AccountId,
			from: u64,
			count: u32,
		) -> Vec<(u64, pallet_patient_records::RecordAnchorOf<Runtime>)> {
			PatientRecords::records_of(&patient, from, count)
		}

		fn record(id: u64) -> Option<pallet_patient_records::RecordAnchorOf<Runtime>> {
			pallet_patient_records::Records::<Runtime>::get(id)
		}

		fn patient(patient: AccountId) -> Option<pallet_patient_records::PatientOf<Runtime>> {
			pallet_patient_records::Patients::<Runtime>::get(patient)
		}

		fn may_write(
			who: AccountId,
			patient: AccountId,
			organisation: Option<ruralmed_primitives::OrganisationId>,
			category: ruralmed_primitives::RecordCategory,
		) -> bool {
			PatientRecords::may_write(&who, &patient, organisation, category)
		}

		fn access_log_of(
			patient: AccountId,
			from: u64,
			count: u32,
		) -> Vec<(u64, pallet_patient_records::AccessEntryOf<Runtime>)> {
			PatientRecords::access_log_of(&patient, from, count)
		}

		fn erasure(record: u64) -> Option<pallet_patient_records::ErasureOf<Runtime>> {
			pallet_patient_records::Erasures::<Runtime>::get(record)
		}

		fn dispute(record: u64) -> Option<pallet_patient_records::DisputeOf<Runtime>> {
			pallet_patient_records::Disputes::<Runtime>::get(record)
		}
	}

	impl pallet_consent::runtime_api::ConsentApi<
		Block,
		AccountId,
		pallet_consent::GrantOf<Runtime>,
		pallet_consent::ReferralOf<Runtime>,
		pallet_consent::EmergencyAccessOf<Runtime>,
	> for Runtime {
		fn read_access(
			reader: AccountId,
			record: u64,
			purpose: ruralmed_primitives::PurposeOfUse,
		) -> Option<ruralmed_primitives::AccessBasis> {
			let r = pallet_patient_records::Records::<Runtime>::get(record)?;
			if <PatientRecords as ruralmed_primitives::PatientDirectory<AccountId>>::is_patient_or_guardian(&reader, &r.patient) {
				return None;
			}
			Consent::read_decision(
				&reader,
				&r.patient,
				&ruralmed_primitives::RecordRef { id: record, category: r.category },
				purpose,
				System::block_number(),
			)
		}

		fn grants_of(patient: AccountId) -> Vec<pallet_consent::GrantOf<Runtime>> {
			Consent::grants_of(&patient)
		}

		fn referrals_of(
			patient: AccountId,
			after: Option<AccountId>,
			count: u32,
		) -> Vec<(u64, pallet_consent::ReferralOf<Runtime>)> {
			Consent::referrals_of(&patient, after, count)
		}

		fn emergencies_of(
			patient: AccountId,
			from: u32,
			count: u32,
		) -> Vec<(u64, pallet_consent::EmergencyAccessOf<Runtime>)> {
			Consent::emergencies_of(&patient, from, count)
		}
	}

	impl pallet_drug_provenance::runtime_api::DrugProvenanceApi<Block, AccountId, BlockNumber>
		for Runtime
	{
		fn verify(
			gtin: pallet_drug_provenance::Gtin,
			lot_number: Vec<u8>,
			serial: Option<Vec<u8>>,
		) -> pallet_drug_provenance::Verification<BlockNumber> {
			DrugProvenance::verify(gtin, lot_number, serial)
		}

		fn custody_path(
			lot: pallet_drug_provenance::LotId,
			from: u32,
			count: u32,
		) -> Vec<pallet_drug_provenance::CustodyEvent<BlockNumber>> {
			DrugProvenance::custody_path(lot, from, count)
		}

		fn holders_of(
			lot: pallet_drug_provenance::LotId,
			after: Option<u32>,
			count: u32,
		) -> Vec<(u32, u32)> {
			DrugProvenance::holders_of(lot, after, count)
		}

		fn recall_reach(
			lot: pallet_drug_provenance::LotId,
			from: u32,
			count: u32,
		) -> Vec<(u64, pallet_drug_provenance::DispensationOf<Runtime>)> {
			DrugProvenance::recall_reach(lot, from, count)
		}
	}

	impl pallet_emergency_supply::runtime_api::EmergencySupplyApi<Block, AccountId, BlockNumber>
		for Runtime
	{
		fn donation_trace(
			donation: u64,
			from: u32,
			count: u32,
		) -> Option<pallet_emergency_supply::DonationTrace<AccountId, BlockNumber>> {
			EmergencySupply::donation_trace(donation, from, count)
		}

		fn suppliers_of(
			org: u32,
			from: u32,
			count: u32,
		) -> Vec<pallet_emergency_supply::AllocationView<AccountId, BlockNumber>> {
			EmergencySupply::suppliers_of(org, from, count)
		}

		fn dashboard(emergency: u32) -> Option<pallet_emergency_supply::Dashboard<BlockNumber>> {
			EmergencySupply::dashboard(emergency)
		}

		fn overdue_dispatches(
			emergency: u32,
			start_after: Option<u64>,
			count: u32,
		) -> Vec<pallet_emergency_supply::OverdueDispatch<BlockNumber>> {
			EmergencySupply::overdue_dispatches(emergency, start_after, count)
		}

		fn round_needs(
			emergency: u32,
			item: u32,
			round: u32,
		) -> Vec<pallet_emergency_supply::Need<AccountId>> {
			EmergencySupply::round_needs(emergency, item, round)
		}
	}

	impl pallet_statistics::runtime_api::StatisticsApi<Block> for Runtime {
		fn regional_statistics(
			region: ruralmed_primitives::RegionCode,
			first: pallet_statistics::Month,
			months: u32,
		) -> Result<Vec<pallet_statistics::MonthFigures>, sp_runtime::DispatchError> {
			Statistics::regional_statistics(region, first, months).map_err(Into::into)
		}

		fn product_dispensations(
			region: ruralmed_primitives::RegionCode,
			first: pallet_statistics::Month,
			months: u32,
			products: Vec<pallet_statistics::Gtin>,
		) -> Result<Vec<pallet_statistics::ProductFigures>, sp_runtime::DispatchError> {
			Statistics::product_dispensations(region, first, months, products).map_err(Into::into)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::Pallet as SystemBench;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use frame_benchmarking::baseline::Pallet as BaselineBench;

			#[allow(unused_imports)]
			use crate::{Balances, Council, CouncilMembership, DrugProvenance, EmergencySupply, Proxy, Recovery, Registry, Sudo, Timestamp, TransactionPayment, Utility, ValidatorSet};
			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = crate::AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::{baseline, BenchmarkBatch};
			use frame_support::traits::TrackedStorageKey;
			use frame_system_benchmarking::Pallet as SystemBench;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use frame_benchmarking::baseline::Pallet as BaselineBench;

			impl frame_system_benchmarking::Config for Runtime {}
			impl baseline::Config for Runtime {}
			impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

			use frame_support::traits::WhitelistedStorageKeys;
			let mut whitelist: Vec<TrackedStorageKey> = crate::AllPalletsWithSystem::whitelisted_storage_keys();
			// The timestamp inherent writes `Now` first thing in every block (its cost is in
			// the block's overhead), so a call that reads it later finds it in the overlay.
			whitelist.push(pallet_timestamp::Now::<Runtime>::hashed_key().to_vec().into());

			#[allow(unused_imports)]
			use crate::{Balances, Council, CouncilMembership, DrugProvenance, EmergencySupply, Proxy, Recovery, Registry, Sudo, Timestamp, TransactionPayment, Utility, ValidatorSet};
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);

			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			let weight = Executive::try_runtime_upgrade(checks)
				.expect("try-runtime upgrade checks failed; the upgrade must not be applied");
			(weight, crate::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("try-runtime block execution failed")
		}
	}
}

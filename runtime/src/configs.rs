//! Configuration of every pallet in the runtime.

use crate::{
	AccountId, Aura, Balance, Balances, Block, BlockNumber, Hash, Nonce, OriginCaller, PalletInfo,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin,
	RuntimeTask, System, EXISTENTIAL_DEPOSIT, MILLI_UNIT, SLOT_DURATION, VERSION,
};
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, VariantCountOf},
	weights::{
		constants::{ExtrinsicBaseWeight, ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		ConstantMultiplier, Weight, WeightToFeeCoefficient, WeightToFeeCoefficients,
		WeightToFeePolynomial,
	},
};
use frame_system::limits::{BlockLength, BlockWeights};
use pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment};
use smallvec::smallvec;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{FixedPointNumber, Perbill, Perquintill};
use sp_version::RuntimeVersion;

/// Normal (user) transactions may fill this share of a block; the rest is kept for operational
/// transactions and inherents.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// Two seconds of compute in a six-second block.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
		.build();
	pub const SS58Prefix: u16 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores its state in ParityDB, so storage is costed with ParityDB's weights.
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// No staking and no slashing on this chain: equivocations are handled by governance.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

/// Fee for weight: the base weight of an extrinsic costs one milli-unit, and fees grow linearly
/// with weight from there.
pub struct WeightToFee;
impl WeightToFeePolynomial for WeightToFee {
	type Balance = Balance;
	fn polynomial() -> WeightToFeeCoefficients<Self::Balance> {
		let p = MILLI_UNIT;
		let q = Balance::from(ExtrinsicBaseWeight::get().ref_time());
		smallvec![WeightToFeeCoefficient {
			degree: 1,
			negative: false,
			coeff_frac: Perbill::from_rational(p % q, q),
			coeff_integer: p / q,
		}]
	}
}

parameter_types! {
	/// One hundredth of a milli-unit per byte of transaction.
	pub const TransactionByteFee: Balance = MILLI_UNIT / 100;
	/// Blocks are meant to run a quarter full; above that the fee multiplier rises.
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	/// How fast the multiplier reacts: as on the relay chains, a full block raises fees by about
	/// 0.3% and a day of full blocks multiplies them by several hundred.
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(75, 1_000_000);
	/// Fees never fall below a tenth of the nominal fee.
	pub MinimumMultiplier: Multiplier = Multiplier::saturating_from_rational(1, 10u128);
	/// No upper bound on how far fees can rise under sustained load.
	pub MaximumMultiplier: Multiplier = sp_runtime::traits::Bounded::max_value();
}

/// The fee multiplier update: rises when blocks are fuller than the target, falls otherwise.
pub type SlowAdjustingFeeUpdate<R> = TargetedFeeAdjustment<
	R,
	TargetBlockFullness,
	AdjustmentVariable,
	MinimumMultiplier,
	MaximumMultiplier,
>;

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = WeightToFee;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = SlowAdjustingFeeUpdate<Self>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Held from an organisation's applicant until it is closed or rejected.
	pub const OrganisationDeposit: Balance = crate::UNIT;
}

/// The authority of the medical pallets: Root (the sudo key on development chains) until the
/// health council takes over.
pub type MedicalAuthority = frame_system::EnsureRoot<AccountId>;

impl pallet_registry::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type AuthorityOrigin = MedicalAuthority;
	type OrganisationDeposit = OrganisationDeposit;
	type MaxNameLength = ConstU32<128>;
	type MaxAffiliations = ConstU32<8>;
	type WeightInfo = pallet_registry::weights::SubstrateWeight<Runtime>;
}

impl pallet_patient_records::Config for Runtime {
	type Directory = crate::Registry;
	type Access = crate::Consent;
	type AuthorityOrigin = MedicalAuthority;
	type Time = crate::Timestamp;
	type MaxLocatorLength = ConstU32<256>;
	type MaxKeyShareLength = ConstU32<256>;
	type MaxCareOrganisations = ConstU32<16>;
	type MaxPageSize = ConstU32<100>;
	type WeightInfo = pallet_patient_records::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Held from the granter for each consent grant until it is revoked or pruned.
	pub const GrantDeposit: Balance = crate::CENTS * 10;
}

impl pallet_consent::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Directory = crate::Registry;
	type Patients = crate::PatientRecords;
	type AuthorityOrigin = MedicalAuthority;
	type GrantDeposit = GrantDeposit;
	type MaxGrantsPerGrantee = ConstU32<4>;
	type MaxGrantsPerPatient = ConstU32<64>;
	type MaxReferralsPerSpecialist = ConstU32<4>;
	/// Referrals last a month at most.
	type MaxReferralDuration = ConstU32<{ 30 * crate::DAYS }>;
	/// Break-glass lasts a day at most.
	type MaxEmergencyDuration = ConstU32<{ crate::DAYS }>;
	/// Patients have a week to review a break-glass access.
	type EmergencyReviewPeriod = ConstU32<{ 7 * crate::DAYS }>;
	/// Break-glass use is counted over 30 days...
	type EmergencyRateWindow = ConstU32<{ 30 * crate::DAYS }>;
	/// ...and one practitioner may break the glass 10 times in it.
	type MaxEmergenciesPerWindow = ConstU32<10>;
	type WeightInfo = pallet_consent::weights::SubstrateWeight<Runtime>;
}

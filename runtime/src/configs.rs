//! Configuration of every pallet in the runtime.

use crate::weights::{block_weights::BlockExecutionWeight, extrinsic_weights::ExtrinsicBaseWeight};
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
		constants::WEIGHT_REF_TIME_PER_SECOND, ConstantMultiplier, Weight, WeightToFeeCoefficient,
		WeightToFeeCoefficients, WeightToFeePolynomial,
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
/// Two seconds of compute in a six-second block.
const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// Two seconds of compute in a six-second block, a tenth of it expected for
	/// `on_initialize` (as `BlockWeights::with_sensible_defaults`), with the block and
	/// extrinsic overhead measured on this project's machine (`runtime/src/weights`).
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |weights| {
			weights.base_extrinsic = ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |weights| {
			weights.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			weights.reserved = Some(MAXIMUM_BLOCK_WEIGHT - NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build_or_panic();
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
	/// The node stores its state in ParityDB: storage is costed with ParityDB's read and write
	/// times measured on this project's machine (`scripts/benchmark.sh storage`).
	type DbWeight = crate::weights::paritydb_weights::constants::ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	type SystemWeightInfo = crate::weights::frame_system::WeightInfo<Runtime>;
	/// The transaction extensions' own weights, measured on this machine.
	type ExtensionsWeightInfo = crate::weights::frame_system_extensions::WeightInfo<Runtime>;
}

/// The most validators the chain can have: the bound of Aura's and GRANDPA's authority lists
/// and of the council's validator set.
pub const MAX_VALIDATORS: u32 = 32;

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<MAX_VALIDATORS>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_VALIDATORS>;
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
	type WeightInfo = crate::weights::pallet_timestamp::WeightInfo<Runtime>;
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
	type WeightInfo = crate::weights::pallet_balances::WeightInfo<Runtime>;
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
	type WeightInfo = crate::weights::pallet_transaction_payment::WeightInfo<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = crate::weights::pallet_utility::WeightInfo<Runtime>;
}

/// What a proxy may do for the account that added it (`pallet_proxy`).
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Default,
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
	Debug,
)]
pub enum ProxyType {
	/// Anything the account may do (the account holder's own second device).
	#[default]
	Any,
	/// Clinic staff (a nurse, a clerk) doing the clinic's clinical work for a practitioner or
	/// clinic account, until block `until` (exclusive): enrolling patients, anchoring records
	/// and key shares, logging access, referrals, break-glass, receiving and dispensing
	/// medicine, filing and confirming emergency supplies, and batches of these. Never
	/// money, the registry, or more proxies. A departing nurse is removed with one
	/// `remove_proxy`, and the proxy lapses by itself at `until`.
	ClinicalStaff {
		/// The first block the proxy no longer acts in.
		until: crate::BlockNumber,
	},
}

impl frame_support::traits::InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		match self {
			ProxyType::Any => true,
			ProxyType::ClinicalStaff { until } => {
				frame_system::Pallet::<Runtime>::block_number() < *until && is_clinical_work(call)
			}
		}
	}

	fn is_superset(&self, other: &Self) -> bool {
		match (self, other) {
			(ProxyType::Any, _) => true,
			(ProxyType::ClinicalStaff { until: a }, ProxyType::ClinicalStaff { until: b }) => {
				a >= b
			}
			(ProxyType::ClinicalStaff { .. }, ProxyType::Any) => false,
		}
	}
}

/// The calls [`ProxyType::ClinicalStaff`] allows. A batch's calls are each filtered again by
/// the proxy's origin, so a batch allows only what its calls would.
fn is_clinical_work(call: &RuntimeCall) -> bool {
	use pallet_consent::Call as C;
	use pallet_drug_provenance::Call as D;
	use pallet_emergency_supply::Call as E;
	use pallet_patient_records::Call as P;
	matches!(
		call,
		RuntimeCall::PatientRecords(
			P::register_patient_for { .. }
				| P::register_patient_with_guardian { .. }
				| P::withdraw_guardianship_proposal { .. }
				| P::anchor_record { .. }
				| P::attach_key_share { .. }
				| P::remove_key_share { .. }
				| P::log_access { .. }
		) | RuntimeCall::Consent(
			C::refer { .. } | C::revoke_referral { .. } | C::open_emergency_access { .. }
		) | RuntimeCall::DrugProvenance(D::receive_shipment { .. } | D::dispense { .. })
			| RuntimeCall::EmergencySupply(
				E::file_need { .. } | E::confirm_receipt { .. } | E::confirm_delivery { .. }
			) | RuntimeCall::Utility(
			pallet_utility::Call::batch { .. }
				| pallet_utility::Call::batch_all { .. }
				| pallet_utility::Call::force_batch { .. }
		)
	)
}

parameter_types! {
	/// Held from the account that adds proxies: one item for the list...
	pub const ProxyDepositBase: Balance = crate::deposit(1, 8);
	/// ...and its bytes per proxy (an account, a proxy type, a delay).
	pub const ProxyDepositFactor: Balance = crate::deposit(0, 41);
	/// Held from a proxy for announcing a delayed call: one item...
	pub const AnnouncementDepositBase: Balance = crate::deposit(1, 8);
	/// ...and its bytes per announcement (an account, a hash, a block number).
	pub const AnnouncementDepositFactor: Balance = crate::deposit(0, 68);
}

impl pallet_proxy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type ProxyType = ProxyType;
	type ProxyDepositBase = ProxyDepositBase;
	type ProxyDepositFactor = ProxyDepositFactor;
	/// A clinic's staff, with room to spare.
	type MaxProxies = ConstU32<32>;
	type WeightInfo = crate::weights::pallet_proxy::WeightInfo<Runtime>;
	type MaxPending = ConstU32<32>;
	type CallHasher = sp_runtime::traits::BlakeTwo256;
	type AnnouncementDepositBase = AnnouncementDepositBase;
	type AnnouncementDepositFactor = AnnouncementDepositFactor;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}

// ---------------------------------------------------------------------------------------------
// Recovery: a patient who loses their phone (docs/rural-operation.md).
//
// The patient names, while they still have their phone, one or more groups of friends (their
// guardian, their village doctor, a family member), how many of them must agree, how long an
// attempt waits (during which the patient, if they still have the phone, cancels it or slashes
// its initiator), and who inherits control: the account that then acts for the lost one through
// `recovery.control_inherited_account`. A patient holds no tokens: their friend groups hold no
// deposit and setting them, cancelling or slashing an attempt and revoking an inheritor are
// among their free calls (`PatientsOwnCalls`). An attempt's initiator and the account that
// finishes it (friends: a clinic, a guardian) hold deposits.

parameter_types! {
	pub const FriendGroupsHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Recovery(pallet_recovery::HoldReason::FriendGroupsStorage);
	pub const AttemptHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Recovery(pallet_recovery::HoldReason::AttemptStorage);
	pub const InheritorHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Recovery(pallet_recovery::HoldReason::InheritorStorage);
	/// Held from an attempt's initiator and burnt if the lost account slashes the attempt: what
	/// a false attempt costs.
	pub const RecoverySecurityDeposit: Balance = crate::UNIT;
}

/// Storage held at the runtime's usual rate: one item plus its bytes.
type StoragePrice = frame_support::traits::LinearStoragePrice<
	ConstU128<{ crate::deposit(1, 0) }>,
	ConstU128<{ crate::deposit(0, 1) }>,
	Balance,
>;

/// A consideration the `Inner` one holds, except from a registered patient, who holds nothing
/// (patients hold no tokens; their friend groups are bounded by `MaxFriendsPerConfig` and
/// `pallet_recovery::MAX_GROUPS_PER_ACCOUNT`).
#[derive(
	codec::Encode,
	codec::Decode,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
	Clone,
	Eq,
	PartialEq,
	Debug,
)]
pub struct WaivedForPatients<Inner>(Option<Inner>);

impl<Inner> frame_support::traits::Consideration<AccountId, frame_support::traits::Footprint>
	for WaivedForPatients<Inner>
where
	Inner: frame_support::traits::Consideration<AccountId, frame_support::traits::Footprint>,
{
	fn new(
		who: &AccountId,
		footprint: frame_support::traits::Footprint,
	) -> Result<Self, sp_runtime::DispatchError> {
		if crate::PatientRecords::is_patient(who) {
			return Ok(Self(None));
		}
		Inner::new(who, footprint).map(|inner| Self(Some(inner)))
	}

	fn update(
		self,
		who: &AccountId,
		footprint: frame_support::traits::Footprint,
	) -> Result<Self, sp_runtime::DispatchError> {
		match self.0 {
			Some(inner) if !crate::PatientRecords::is_patient(who) => {
				inner.update(who, footprint).map(|inner| Self(Some(inner)))
			}
			// The account became a patient since: its hold is released.
			Some(inner) => inner.drop(who).map(|()| Self(None)),
			None => Self::new(who, footprint),
		}
	}

	fn drop(self, who: &AccountId) -> Result<(), sp_runtime::DispatchError> {
		self.0.map_or(Ok(()), |inner| inner.drop(who))
	}

	fn burn(self, who: &AccountId) {
		if let Some(inner) = self.0 {
			inner.burn(who)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_successful(who: &AccountId, new: frame_support::traits::Footprint) {
		Inner::ensure_successful(who, new)
	}
}

impl pallet_recovery::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RuntimeHoldReason = RuntimeHoldReason;
	type BlockNumberProvider = System;
	type Currency = Balances;
	type FriendGroupsConsideration = WaivedForPatients<
		frame_support::traits::fungible::HoldConsideration<
			AccountId,
			Balances,
			FriendGroupsHoldReason,
			StoragePrice,
		>,
	>;
	type AttemptConsideration = frame_support::traits::fungible::HoldConsideration<
		AccountId,
		Balances,
		AttemptHoldReason,
		StoragePrice,
	>;
	type InheritorConsideration = frame_support::traits::fungible::HoldConsideration<
		AccountId,
		Balances,
		InheritorHoldReason,
		StoragePrice,
	>;
	type SecurityDeposit = RecoverySecurityDeposit;
	/// A slashed security deposit is burnt.
	type Slash = ();
	/// A guardian, a village doctor and family: nine is plenty.
	type MaxFriendsPerConfig = ConstU32<9>;
	type WeightInfo = crate::weights::pallet_recovery::WeightInfo<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = crate::weights::pallet_sudo::WeightInfo<Runtime>;
}

parameter_types! {
	/// Held from an organisation's applicant until it is closed or rejected.
	pub const OrganisationDeposit: Balance = crate::UNIT;
}

// ---------------------------------------------------------------------------------------------
// Governance: the health council.
//
// `CouncilMembership` (pallet-membership) decides who sits on the council and passes every change
// to `Council` (pallet-collective), where members propose motions (any runtime call), vote, and
// close them. An approved motion dispatches its call with the origin
// `pallet_collective::RawOrigin::Members(ayes, seats)`, which the origins below accept or refuse by
// the share of seats that voted aye:
//
// - medical authority (`MedicalAuthority`: verify, suspend, close organisations; licences;
//   guardians; break-glass resolutions) and setting the prime member: MORE THAN 1/2 of the seats;
// - runtime upgrades (`RuntimeUpgradeOrigin`, through `governance.authorize_upgrade`), changing
//   the seats (`CouncilSeatsOrigin`), disapproving or killing a motion: AT LEAST 2/3 of the seats.
//
// Root (the sudo key, on `development` only) passes every one of them. See docs/governance.md.
// ---------------------------------------------------------------------------------------------

/// The health council's instance of pallet-collective.
pub type CouncilCollective = pallet_collective::Instance1;
/// The instance of pallet-membership that manages the health council's seats.
pub type CouncilMembershipInstance = pallet_membership::Instance1;

/// The authority of the medical pallets (their `AuthorityOrigin`): Root, or a motion that more
/// than half of the council's seats voted for (2 of 3, 3 of 4, 3 of 5).
pub type MedicalAuthority = frame_support::traits::EitherOfDiverse<
	frame_system::EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionMoreThan<AccountId, CouncilCollective, 1, 2>,
>;

/// Who may authorise a runtime upgrade: Root, or a motion that at least two thirds of the
/// council's seats voted for (2 of 3, 3 of 4, 4 of 5).
pub type RuntimeUpgradeOrigin = frame_support::traits::EitherOfDiverse<
	frame_system::EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>,
>;

/// Who may change the council's seats: Root, or at least two thirds of the council, so that a
/// bare majority cannot expel the minority.
pub type CouncilSeatsOrigin = RuntimeUpgradeOrigin;

/// Who may add and remove validators and set the session length: Root, or at least two thirds
/// of the council, as for a runtime upgrade: the validators decide what the chain is.
pub type ValidatorSetOrigin = RuntimeUpgradeOrigin;

parameter_types! {
	/// Held from an account while it has session keys registered (`session.set_keys`): its
	/// keys and the two key-owner entries, about 200 bytes in three items.
	pub const SessionKeyDeposit: Balance = crate::deposit(3, 200);
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// A validator is named by its account, the one that registers its keys.
	type ValidatorId = AccountId;
	type ValidatorIdOf = sp_runtime::traits::ConvertInto;
	type ShouldEndSession = crate::ValidatorSet;
	type NextSessionRotation = crate::ValidatorSet;
	type SessionManager = crate::ValidatorSet;
	type SessionHandler =
		<crate::opaque::SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = crate::opaque::SessionKeys;
	/// No staking, so nobody is disabled automatically: the council removes a validator.
	type DisablingStrategy = ();
	/// The SDK's reference weights: pallet-session's benchmarks need pallet-staking, which this
	/// chain does not have. They charge 8 reads and 7 writes for `set_keys`, more than its two
	/// keys touch here (the reference counts six keys and a staking ledger).
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

/// Registers session keys for the validator set's benchmarks, as `session.set_keys` would store
/// them.
#[cfg(feature = "runtime-benchmarks")]
pub struct SessionKeysForBenchmarks;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_validator_set::BenchmarkHelper<AccountId> for SessionKeysForBenchmarks {
	fn register_keys(who: &AccountId) {
		let bytes: [u8; 32] = who.clone().into();
		let keys = crate::opaque::SessionKeys {
			aura: AuraId::from(sp_core::sr25519::Public::from_raw(bytes)),
			grandpa: sp_consensus_grandpa::AuthorityId::from(sp_core::ed25519::Public::from_raw(
				bytes,
			)),
		};
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}
}

parameter_types! {
	/// Sessions last an hour unless the chain spec or the council says otherwise: a change of
	/// the validator set takes effect within two hours.
	pub const DefaultSessionLength: BlockNumber = crate::HOURS;
	/// A session's first block is taken by its rotation, so sessions stay at least a minute.
	pub const MinSessionLength: BlockNumber = crate::MINUTES;
	/// A day at most: a change waits at most two days.
	pub const MaxSessionLength: BlockNumber = crate::DAYS;
}

impl pallet_validator_set::Config for Runtime {
	type ManagerOrigin = ValidatorSetOrigin;
	type KeysRegistered = crate::Session;
	/// Three validators at least: with fewer, one missing node stops finality.
	type MinValidators = ConstU32<3>;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type DefaultSessionLength = DefaultSessionLength;
	type MinSessionLength = MinSessionLength;
	type MaxSessionLength = MaxSessionLength;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = SessionKeysForBenchmarks;
}

/// The most seats the council can have; both pallets use the same bound.
pub const COUNCIL_MAX_MEMBERS: u32 = 32;

parameter_types! {
	/// How long a council motion is open for votes: three days by default, so that every member
	/// of a county council can read and vote on a motion. A motion closes early as soon as enough
	/// members voted aye (or too many voted nay), so approvals never wait for it.
	///
	/// Kept in storage (under `twox128(":CouncilMotionDuration:")`) so that a test network sets
	/// it in its genesis (`governance.councilMotionDuration`: `local_testnet` ten minutes) and two
	/// thirds of the council can change it (`governance.set_motion_duration`); a motion keeps the
	/// end block it was proposed with.
	pub storage CouncilMotionDuration: BlockNumber = 3 * crate::DAYS;
	/// At most this many motions are open at once.
	pub const CouncilMaxProposals: u32 = 32;
	/// A motion's call may use at most half a block's weight.
	pub CouncilMaxProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

/// How members who did not vote are counted when a motion is closed after its period: as voting
/// nay. (Security review M15: with `PrimeDefaultVote` the prime's aye plus the silence of the
/// others passed even the two-thirds motions, runtime upgrades and seat changes among them.) A
/// motion therefore passes only on the ayes actually cast; the prime member has no vote of its
/// own beyond its seat.
pub struct AbsentMembersVoteNay;

impl pallet_collective::DefaultVote for AbsentMembersVoteNay {
	fn default_vote(
		_prime_vote: Option<bool>,
		_yes_votes: pallet_collective::MemberCount,
		_no_votes: pallet_collective::MemberCount,
		_len: pallet_collective::MemberCount,
	) -> bool {
		false
	}
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = CouncilMaxProposals;
	type MaxMembers = ConstU32<COUNCIL_MAX_MEMBERS>;
	type DefaultVote = AbsentMembersVoteNay;
	/// The SDK's reference weights: the collective's own `close_approved` benchmark counts on
	/// `PrimeDefaultVote`, which this council refuses (see `AbsentMembersVoteNay`), so it cannot
	/// run against this runtime (`scripts/benchmark.sh`).
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	/// Root only, for emergencies: seats are normally changed through `CouncilMembership`, which
	/// keeps both pallets in step (a direct `set_members` would not update the membership list).
	type SetMembersOrigin = frame_system::EnsureRoot<AccountId>;
	type MaxProposalWeight = CouncilMaxProposalWeight;
	type DisapproveOrigin = RuntimeUpgradeOrigin;
	type KillOrigin = RuntimeUpgradeOrigin;
	/// Members are known institutions: proposing costs only the transaction fee.
	type Consideration = ();
}

impl pallet_membership::Config<CouncilMembershipInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = CouncilSeatsOrigin;
	type RemoveOrigin = CouncilSeatsOrigin;
	type SwapOrigin = CouncilSeatsOrigin;
	type ResetOrigin = CouncilSeatsOrigin;
	type PrimeOrigin = MedicalAuthority;
	type MembershipInitialized = crate::Council;
	type MembershipChanged = crate::Council;
	type MaxMembers = ConstU32<COUNCIL_MAX_MEMBERS>;
	type WeightInfo = crate::weights::pallet_membership::WeightInfo<Runtime>;
}

impl crate::governance::Config for Runtime {
	type UpgradeOrigin = RuntimeUpgradeOrigin;
	/// A minute: only for test networks; a real council votes over days.
	type MinMotionDuration = ConstU32<{ crate::MINUTES }>;
	/// A month.
	type MaxMotionDuration = ConstU32<{ 30 * crate::DAYS }>;
}

impl pallet_registry::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type AuthorityOrigin = MedicalAuthority;
	type OrganisationDeposit = OrganisationDeposit;
	type MaxNameLength = ConstU32<128>;
	type MaxAffiliations = ConstU32<8>;
	/// Migrating and counting 10 000 organisations takes about 0.66 s of the 1 s (half a
	/// block) the registry's `integrity_test` allows a migration over them (about 15 000 fit);
	/// filling the registry holds 10 000 UNIT of application deposits.
	type MaxOrganisations = ConstU32<10_000>;
	/// An account keeps its last 8 replaced encryption keys (under 1 kB), so shares wrapped to
	/// a recent key stay readable after a rotation.
	type MaxRetiredKeys = ConstU32<8>;
	type WeightInfo = pallet_registry::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// A patient entry (about 150 bytes), from the patient, or the practitioner registering it.
	pub const PatientDeposit: Balance = crate::deposit(1, 150);
	/// A record anchor and its index entry (about 250 bytes), from its author.
	pub const RecordDeposit: Balance = crate::deposit(2, 250);
	/// A key share and its count (about 370 bytes), from whoever attaches it.
	pub const KeyShareDeposit: Balance = crate::deposit(1, 370);
}

impl pallet_patient_records::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Directory = crate::Registry;
	type Access = crate::Consent;
	type AuthorityOrigin = MedicalAuthority;
	type Time = crate::Timestamp;
	type PatientDeposit = PatientDeposit;
	type RecordDeposit = RecordDeposit;
	type KeyShareDeposit = KeyShareDeposit;
	/// A week for a guardian to accept.
	type GuardianshipProposalPeriod = ConstU32<{ 7 * crate::DAYS }>;
	type MaxKeySharesPerRecord = ConstU32<32>;
	type MaxKeyShareLength = ConstU32<256>;
	type MaxCareOrganisations = ConstU32<16>;
	type MaxPageSize = ConstU32<100>;
	type Statistics = crate::Statistics;
	type FreeCalls = PatientsOwnCalls;
	/// A busy day's worth: sharing a whole history with a new doctor is a grant and a key
	/// share per record; `docs/rural-operation.md` costs it for the network.
	type FreeCallsPerPeriod = ConstU32<100>;
	type FreeCallPeriod = ConstU32<{ crate::DAYS }>;
	type WeightInfo = pallet_patient_records::weights::SubstrateWeight<Runtime>;
}

/// The calls that are free to a registered patient who signs them
/// (`pallet_patient_records::FreePatientCalls`) when they are the patient's own business:
/// their own consent grants and break-glass reviews, their own records' key shares, access logs
/// (reading their own history), disputes and erasures, their guardian, care organisations and
/// encryption key, their recovery friends and stopping an attempt to recover their account; one free call each, and a batch of them (the app shares a record's key with
/// several readers in one) one per call in it. Creating a record (a self-reported one) is not
/// among them: it holds a deposit. The same call about someone else (a patient who is also a
/// doctor) is paid as usual.
pub struct PatientsOwnCalls;

impl PatientsOwnCalls {
	fn own_record(who: &AccountId, record: u64) -> bool {
		pallet_patient_records::Records::<Runtime>::get(record).is_some_and(|r| r.patient == *who)
	}

	/// One call that is not a batch: 1 if it is `who`'s own business.
	fn single(who: &AccountId, call: &RuntimeCall) -> Option<u32> {
		use pallet_consent::Call as C;
		use pallet_patient_records::Call as P;
		use pallet_recovery::Call as R;
		use sp_runtime::traits::StaticLookup;
		let own = match call {
			RuntimeCall::PatientRecords(P::set_guardian { .. })
			| RuntimeCall::Registry(pallet_registry::Call::publish_encryption_key { .. })
			// Their own recovery: their friends, and stopping an attempt or an inheritor.
			| RuntimeCall::Recovery(
				R::set_friend_groups { .. } | R::slash_attempt { .. } | R::revoke_inheritor {},
			) => true,
			RuntimeCall::Recovery(R::cancel_attempt { lost, .. }) => {
				<Runtime as frame_system::Config>::Lookup::lookup(lost.clone()).is_ok_and(|l| l == *who)
			},
			RuntimeCall::PatientRecords(
				P::add_care_organisation { patient, .. }
				| P::remove_care_organisation { patient, .. },
			)
			| RuntimeCall::Consent(C::grant_consent { patient, .. }) => patient == who,
			RuntimeCall::PatientRecords(
				P::attach_key_share { record, .. }
				| P::remove_key_share { record, .. }
				| P::log_access { record, .. }
				| P::erase_record { record }
				| P::dispute_record { record, .. }
				| P::withdraw_dispute { record },
			) => Self::own_record(who, *record),
			RuntimeCall::Consent(C::revoke_consent { grant }) => {
				pallet_consent::GrantLocations::<Runtime>::get(grant)
					.is_some_and(|(p, _)| p == *who)
			}
			RuntimeCall::Consent(C::review_emergency_access { emergency, .. }) => {
				pallet_consent::EmergencyAccesses::<Runtime>::get(emergency)
					.is_some_and(|e| e.patient == *who)
			}
			_ => false,
		};
		own.then_some(1)
	}

	/// The lookup `single` makes for one call: a record, a grant or an emergency.
	fn single_reads(call: &RuntimeCall) -> u32 {
		use pallet_consent::Call as C;
		use pallet_patient_records::Call as P;
		match call {
			RuntimeCall::PatientRecords(
				P::attach_key_share { .. }
				| P::remove_key_share { .. }
				| P::log_access { .. }
				| P::erase_record { .. }
				| P::dispute_record { .. }
				| P::withdraw_dispute { .. },
			)
			| RuntimeCall::Consent(C::revoke_consent { .. } | C::review_emergency_access { .. }) => 1,
			_ => 0,
		}
	}

	/// The calls of a non-empty batch, if `call` is one. One level: a batch in a batch is paid.
	fn batched(call: &RuntimeCall) -> Option<&[RuntimeCall]> {
		use pallet_utility::Call as U;
		match call {
			RuntimeCall::Utility(
				U::batch { calls } | U::batch_all { calls } | U::force_batch { calls },
			) if !calls.is_empty() => Some(calls),
			_ => None,
		}
	}
}

impl pallet_patient_records::FreeCallCost<AccountId, RuntimeCall> for PatientsOwnCalls {
	fn free_call_cost(who: &AccountId, call: &RuntimeCall) -> Option<u32> {
		match Self::batched(call) {
			Some(calls) => calls.iter().try_fold(0u32, |sum, c| {
				let single = match c {
					RuntimeCall::Utility(..) => None,
					other => Self::single(who, other),
				}?;
				Some(sum.saturating_add(single))
			}),
			None => Self::single(who, call),
		}
	}

	fn reads(call: &RuntimeCall) -> u32 {
		match Self::batched(call) {
			Some(calls) => calls.iter().map(Self::single_reads).fold(0, u32::saturating_add),
			// A proxied call: the proxies of the account it is for, whether that account is a
			// patient, and the call's own lookups.
			None => match Self::proxied(call) {
				Some((_, _, inner)) => Self::reads(inner).saturating_add(2),
				None => Self::single_reads(call),
			},
		}
	}

	/// A patient's own business done from their new phone after a recovery: `proxy.proxy`
	/// for the patient, signed by an account the patient's `Any` proxies name with no delay
	/// (what `recovery.control_inherited_account` adds), and free were the patient to sign it.
	/// Checked here, before the pool admits it, so nobody else gets the patient's free calls.
	fn free_call_for(who: &AccountId, call: &RuntimeCall) -> Option<(AccountId, u32)> {
		use sp_runtime::traits::StaticLookup;
		let (real, force, inner) = Self::proxied(call)?;
		if !matches!(force, None | Some(ProxyType::Any)) {
			return None;
		}
		let real = <Runtime as frame_system::Config>::Lookup::lookup(real.clone()).ok()?;
		let (proxies, _) = pallet_proxy::Proxies::<Runtime>::get(&real);
		let acts_for = proxies
			.iter()
			.any(|p| p.delegate == *who && p.proxy_type == ProxyType::Any && p.delay == 0);
		if !acts_for {
			return None;
		}
		let cost = Self::free_call_cost(&real, inner)?;
		Some((real, cost))
	}
}

/// An account as calls name it (`MultiAddress`).
type AddressOf =
	<<Runtime as frame_system::Config>::Lookup as sp_runtime::traits::StaticLookup>::Source;

impl PatientsOwnCalls {
	/// The parts of `proxy.proxy`, if `call` is one: for whom, the forced proxy type, the call.
	fn proxied(call: &RuntimeCall) -> Option<(&AddressOf, Option<ProxyType>, &RuntimeCall)> {
		match call {
			RuntimeCall::Proxy(pallet_proxy::Call::proxy { real, force_proxy_type, call }) => {
				Some((real, *force_proxy_type, call))
			}
			_ => None,
		}
	}
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
	type Statistics = crate::Statistics;
	type WeightInfo = pallet_consent::weights::SubstrateWeight<Runtime>;
}

impl pallet_drug_provenance::Config for Runtime {
	type Directory = crate::Registry;
	type AuthorityOrigin = MedicalAuthority;
	type UnixTime = crate::Timestamp;
	/// A lot of up to ten million packs.
	type MaxLotQuantity = ConstU32<10_000_000>;
	/// WHO guidance tolerates short excursions of vaccines; an hour outside 2–8 °C breaks the
	/// cold chain.
	type ExcursionToleranceMinutes = ConstU32<60>;
	/// A manufacturer rarely holds more than a few GS1 company prefixes.
	type MaxCompanyPrefixes = ConstU32<8>;
	/// A delivery in the county takes days; after two weeks a shipment counts as stuck.
	type ShipmentTimeout = ConstU32<{ 14 * crate::DAYS }>;
	type Statistics = crate::Statistics;
	type WeightInfo = pallet_drug_provenance::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Held from a donor per pledge awaiting receipt: the storage of a donation and its
	/// indexes, at the runtime's deposit tariff.
	pub const PledgeDeposit: Balance = crate::deposit(2, 160);
	/// No need takes more than half of a pool while other needs on it are unmet.
	pub const MaxNeedShare: Perbill = Perbill::from_percent(50);
	/// Queued allocation rounds take at most a tenth of a block's normal dispatch a block.
	pub AllocationBudget: Weight =
		Perbill::from_percent(10) * (NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
}

impl pallet_emergency_supply::Config for Runtime {
	type Directory = crate::Registry;
	type AuthorityOrigin = MedicalAuthority;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type PledgeDeposit = PledgeDeposit;
	/// A billion units per pledge; 512 such pledges still fit a `u64` counter many times.
	type MaxPledgeQuantity = ConstU64<1_000_000_000>;
	/// One pledge per catalogue item awaiting receipt, per donor account and emergency.
	type MaxPledgesPerDonor = ConstU32<32>;
	/// A county hospital's catchment.
	type MaxPeopleServed = ConstU32<1_000_000>;
	/// At most 100 units per person served (masks for a month, doses, kits).
	type MaxUnitsPerPerson = ConstU64<100>;
	type MaxNeedShare = MaxNeedShare;
	type MaxRegions = ConstU32<16>;
	type MaxItems = ConstU32<32>;
	/// Needs per item per round: a county's clinics and hospitals.
	type MaxNeedsPerRound = ConstU32<64>;
	type MaxPledgesPerEmergency = ConstU32<512>;
	/// A dispatch not confirmed within a week is overdue.
	type DeliveryDeadline = ConstU32<{ 7 * crate::DAYS }>;
	type MaxPageSize = ConstU32<100>;
	/// A county's emergencies rarely have more than a few rounds waiting at once.
	type MaxQueuedRounds = ConstU32<16>;
	type AllocationBudget = AllocationBudget;
	type Statistics = crate::Statistics;
	type WeightInfo = pallet_emergency_supply::weights::SubstrateWeight<Runtime>;
}

impl pallet_statistics::Config for Runtime {
	type Directory = crate::Registry;
	type UnixTime = crate::Timestamp;
	/// Two years of months in one question: a dashboard's longest chart.
	type MaxMonthsPerQuery = ConstU32<24>;
	/// A pharmacy's or a county's list of products in one question.
	type MaxProductsPerQuery = ConstU32<64>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = SetTimestamp;
	type WeightInfo = pallet_statistics::weights::SubstrateWeight<Runtime>;
}

/// Sets pallet-timestamp's time, for the statistics' benchmarks (their genesis has none).
#[cfg(feature = "runtime-benchmarks")]
pub struct SetTimestamp;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_statistics::BenchmarkHelper for SetTimestamp {
	fn set_time(unix_millis: u64) {
		pallet_timestamp::Now::<Runtime>::put(unix_millis);
	}
}

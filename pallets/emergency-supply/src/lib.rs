//! # Emergency supply pallet
//!
//! In a public-health event (an epidemic, a flood) the health authority, donors, warehouses and
//! clinics coordinate medical supplies — masks, test kits, oxygen concentrators, vaccines — on
//! one ledger, so that allocation is fair and visible and every donor can see where their
//! donation went.
//!
//! ## Roles
//! - The **authority** ([`Config::AuthorityOrigin`]) declares an emergency: a name, the affected
//!   regions (region-code prefixes of the registry), a catalogue of supply items (code, unit,
//!   optional GTIN of a drug), a start, a sunset and the length of its allocation rounds. It
//!   may extend the sunset or close the emergency. It reviews needs and alone grants the
//!   `Critical` tier, voids bogus pledges or wrong receipts that fed no allocation, names
//!   another receiving warehouse for a pledge, and moves a stuck pending allocation to another
//!   warehouse.
//! - A **clinic or hospital** (an active `CountyHospital`, `TownshipHealthCentre` or
//!   `VillageClinic` of the registry, in an affected region), acting through its admin or an
//!   active practitioner, files its need of an item in the current round: units requested,
//!   stock on hand, people served or cases, a priority tier and a reason. It may update the
//!   need until the round closes. It confirms what of each allocation arrived.
//! - A **donor** — any account, optionally for an organisation it acts for — pledges units of
//!   an item, to anywhere, to a region within the affected ones, or to one clinic, naming the
//!   warehouse it ships to, and holds a deposit until the goods arrive. It may cancel a pledge
//!   that has not arrived.
//! - A **verified warehouse** (an active `Warehouse` organisation, through its admin or an
//!   active practitioner) confirms what of a pledge naming it physically arrived, and
//!   dispatches the allocations of the donations it holds.
//! - **Anyone** triggers the allocation of a round once its window has closed: of one item
//!   ([`allocate`](Pallet::allocate)), or of all of them
//!   ([`allocate_round`](Pallet::allocate_round)).
//!
//! ## Rules that keep the ledger fair (security review 2026-12)
//! - **Deposits.** Each pledge holds [`Config::PledgeDeposit`] from the donor, returned when
//!   the warehouse confirms the receipt, when the donor cancels
//!   ([`cancel_pledge`](Pallet::cancel_pledge)) or when the authority voids it
//!   ([`void_pledge`](Pallet::void_pledge)). A donor has at most
//!   [`Config::MaxPledgesPerDonor`] pledges awaiting receipt per emergency, so one account
//!   cannot fill the emergency's
//!   [`Config::MaxPledgesPerEmergency`] slots; cancelled and voided pledges free their slot.
//! - **Caps.** A pledge (and so a receipt) carries at most [`Config::MaxPledgeQuantity`] units,
//!   small enough that no counter of an emergency can overflow (checked by the integrity test).
//!   A need reports at most [`Config::MaxPeopleServed`] people and requests at most
//!   [`Config::MaxUnitsPerPerson`] units per person. In allocation no need takes more than
//!   [`Config::MaxNeedShare`] of a pool before every need on it has its unmet need up to that
//!   share ([`features::allocation::share_capped`]).
//! - **Tiers.** A filer asking for `Critical` gets `Urgent`; only the authority grants
//!   `Critical` ([`set_need_priority`](Pallet::set_need_priority)), for a round not yet
//!   allocated. Re-filing a need drops a granted `Critical`.
//! - **Warehouse naming.** A pledge names its receiving warehouse; only that warehouse
//!   confirms the receipt, with at least one unit (nothing arriving is a cancellation or a
//!   void, not a receipt). The authority may name another one before the receipt
//!   ([`set_pledge_warehouse`](Pallet::set_pledge_warehouse)). Pledges made before storage
//!   version 2 name none and may be confirmed by any active warehouse.
//! - **Sequential rounds.** Rounds of an item are allocated strictly in order
//!   ([`NextRoundToAllocate`]), and only while they are the latest closed round: once the next
//!   round has closed too, a round's needs have expired and are never counted, so a need
//!   re-filed in several rounds counts once and stale rounds cannot draw new stock. Empty
//!   rounds need no call.
//! - **Stuck allocations.** A pending allocation whose warehouse is no longer active, or that
//!   waited [`Config::DeliveryDeadline`] blocks since its round was allocated, can be moved by
//!   the authority to an active warehouse ([`redirect_allocation`](Pallet::redirect_allocation)).
//!   A dispatch left unconfirmed past the deadline (a suspended recipient) is closed by the
//!   authority with what arrived ([`resolve_dispatch`](Pallet::resolve_dispatch)).
//!
//! Needs, pledges, receipts and allocation work only while the emergency is *open*: declared,
//! not closed, at or after its start and (for needs, pledges and receipts) before its sunset.
//! Allocation of the round that closed last before the sunset may still run after it, until
//! the next round's window closes (or the authority closes the emergency). Dispatches,
//! delivery confirmations and pledge cancellations always work, so nothing allocated or held is
//! left in limbo.
//!
//! ## Rounds and the allocation algorithm
//! Round `r` of an emergency covers the blocks `[starts_at + r·L, starts_at + (r+1)·L)` for
//! its round length `L`; a need filed at block `b` belongs to the round containing `b`. Once a
//! round's window has closed, and until the next round's closes,
//! [`allocate`](Pallet::allocate) runs it for one item, once, in order. Only
//! received stock is allocated. A round holds at most [`Config::MaxNeedsPerRound`] needs per
//! item, so one call does bounded work (benchmarked at the maximum round size).
//!
//! A whole round (every item) need not take one call per item:
//! [`allocate_round`](Pallet::allocate_round) queues it, and at the start of each following
//! block the pallet allocates it item by item within [`Config::AllocationBudget`] (10 % of a
//! block's normal dispatch in the runtime): an item is planned in one step, its units taken
//! and counted, and its allocations stored as many a block as the budget holds
//! ([`features`]' `queue`). The result is the same as calling `allocate` for each item.
//!
//! Each need's **unmet need** is `requested − stock_on_hand` (saturating). Received units sit
//! in pools by the donors' targets, and the round draws from the pools in this order, each on
//! the unmet need left by the pools before:
//! 1. **targeted to the organisation**: each need takes from its own organisation's pool;
//! 2. **targeted to a region**: pools of the recipients' village, then township, then county
//!    prefix, each shared among the needs inside it;
//! 3. **general**: donations to anywhere, shared among all the round's needs.
//!
//! Within a pool ([`features::allocation::share`], with the share cap of
//! [`features::allocation::share_capped`]): the tiers Critical, Urgent, Routine are
//! served in that order. A tier whose whole unmet need fits in what is left is served in full;
//! otherwise what is left is shared in that tier in proportion to unmet need by the **largest
//! remainder** method — each need gets `⌊left · unmet / tier_total⌋`, and the few units still
//! left go one each to the needs with the largest remainders, ties to the lower need id — and
//! lower tiers get nothing from that pool. No need ever gets more than its unmet need. What a
//! pool has left is **carried to the next round**. Arithmetic is in integers, products in
//! `u128`, with no panics. With the share cap the rule runs twice: first with every unmet need
//! cut to the cap, then on what is left with the needs' remaining unmet need; allocation stays
//! deterministic and hands out exactly `min(pool, Σ unmet)`.
//!
//! Units are taken from a pool's donations first in, first out. Every (need, donation) pair
//! that exchanges units becomes one [`Allocation`], dispatched by the warehouse that received
//! that donation; so each unit is traceable from donor to clinic.
//!
//! ## Dispatch, delivery and traceability
//! The warehouse dispatches an allocation ([`dispatch`](Pallet::dispatch)), recording the
//! block; the recipient confirms the units that arrived
//! ([`confirm_delivery`](Pallet::confirm_delivery)), and any shortfall is recorded, never
//! lost. A dispatch unconfirmed [`Config::DeliveryDeadline`] blocks after it is *overdue*
//! ([`Pallet::overdue_dispatches`]).
//!
//! Each donation keeps a paged list of the allocations it fed ([`Pallet::donation_trace`]:
//! "where did donation D go"), each organisation a paged list of the allocations it received
//! ([`Pallet::suppliers_of`]: "who supplied clinic C"), and each emergency counters per item
//! and per (region, item) of units pledged, received, allocated, dispatched, delivered and
//! short ([`Pallet::dashboard`]), updated in O(1) per call. [`runtime_api`] exposes them.
//!
//! ## Invariants (checked by `try_state`)
//! Per emergency and item: received = allocated + unallocated (units in pools); allocated =
//! dispatched + pending; dispatched = delivered + shortfall + in transit (so for confirmed
//! allocations, delivered + shortfall = dispatched); region counters add up to item counters.
//! Each emergency's pledge count is its number of donations; each donor's count of pledges
//! awaiting receipt matches them; deposits are held only for pledges awaiting receipt.
//!
//! ## Storage versions
//! Version 2 ([`migrations::v2::MigrateV1ToV2`]) adds the receiving warehouse of donations, the
//! requested tier of needs, pledge deposits, donor counts and the next round to allocate.
//!
//! ## Calls
//! [`declare_emergency`](Pallet::declare_emergency),
//! [`extend_emergency`](Pallet::extend_emergency), [`close_emergency`](Pallet::close_emergency),
//! [`file_need`](Pallet::file_need), [`pledge`](Pallet::pledge),
//! [`confirm_receipt`](Pallet::confirm_receipt), [`allocate`](Pallet::allocate),
//! [`allocate_round`](Pallet::allocate_round),
//! [`dispatch`](Pallet::dispatch), [`confirm_delivery`](Pallet::confirm_delivery),
//! [`cancel_pledge`](Pallet::cancel_pledge), [`void_pledge`](Pallet::void_pledge),
//! [`set_pledge_warehouse`](Pallet::set_pledge_warehouse),
//! [`set_need_priority`](Pallet::set_need_priority),
//! [`redirect_allocation`](Pallet::redirect_allocation),
//! [`resolve_dispatch`](Pallet::resolve_dispatch).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod config_preludes;
pub mod features;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, MutateHold},
	};
	use frame_system::pallet_prelude::*;
	use ruralmed_primitives::{OrganisationId, PractitionerDirectory, RegionCode, StatisticsSink};
	use sp_runtime::Perbill;

	/// The balance type of [`Config::Currency`].
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// An emergency as stored.
	pub type EmergencyOf<T> =
		Emergency<BlockNumberFor<T>, <T as Config>::MaxRegions, <T as Config>::MaxItems>;
	/// A need as stored.
	pub type NeedOf<T> = Need<<T as frame_system::Config>::AccountId>;
	/// A donation as stored.
	pub type DonationOf<T> = Donation<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// An allocation as stored.
	pub type AllocationOf<T> = Allocation<BlockNumberFor<T>>;
	/// The needs of one round of one item.
	pub type RoundNeedList<T> = BoundedVec<NeedOf<T>, <T as Config>::MaxNeedsPerRound>;
	/// A pool's donations with their unallocated units, first in, first out.
	pub type PoolQueue<T> =
		BoundedVec<(DonationId, Quantity), <T as Config>::MaxPledgesPerEmergency>;
	/// The affected regions of a declaration.
	pub type RegionList<T> = BoundedVec<RegionCode, <T as Config>::MaxRegions>;
	/// The supply catalogue of a declaration.
	pub type ItemList<T> = BoundedVec<SupplyItem, <T as Config>::MaxItems>;
	/// The rounds queued for allocation, oldest first.
	pub type QueueOf<T> = BoundedVec<QueuedRound, <T as Config>::MaxQueuedRounds>;
	/// A planned allocation as stored.
	pub type PlannedAllocationOf<T> = PlannedAllocation<BlockNumberFor<T>>;
	/// The queued item being stored.
	pub type AllocationInProgressOf<T> =
		ItemInProgress<BlockNumberFor<T>, MaxAllocationsPerRound<T>>;

	/// The most allocations one round of one item can create,
	/// [`Pallet::max_allocations_per_round`], as a bound.
	pub struct MaxAllocationsPerRound<T>(core::marker::PhantomData<T>);
	impl<T: Config> Get<u32> for MaxAllocationsPerRound<T> {
		fn get() -> u32 {
			Pallet::<T>::max_allocations_per_round()
		}
	}

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// Who is who: the registry (clinics, warehouses, their admins and practitioners).
		#[pallet::no_default]
		type Directory: PractitionerDirectory<Self::AccountId>;
		/// Declares, extends and closes emergencies, grants the `Critical` tier, voids pledges
		/// and redirects stuck allocations: the health authority (later the council).
		#[pallet::no_default]
		type AuthorityOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Holds pledge deposits.
		#[pallet::no_default]
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The overarching hold reason.
		#[pallet::no_default_bounds]
		type RuntimeHoldReason: From<HoldReason>;
		/// Held from the donor for each pledge until it is received, cancelled or voided, so
		/// that pledge slots cannot be taken for free.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type PledgeDeposit: Get<BalanceOf<Self>>;
		/// Most units one pledge (and so one receipt) may carry: keeps every counter far from
		/// overflow (`MaxPledgesPerEmergency × MaxPledgeQuantity` must fit a `u64`).
		#[pallet::constant]
		type MaxPledgeQuantity: Get<Quantity>;
		/// Most pledges one donor account may have awaiting receipt in one emergency.
		#[pallet::constant]
		type MaxPledgesPerDonor: Get<u32>;
		/// Most people (or cases) one need may report serving.
		#[pallet::constant]
		type MaxPeopleServed: Get<u32>;
		/// Most units one need may request per person served: `requested ≤ people_served ×
		/// MaxUnitsPerPerson`.
		#[pallet::constant]
		type MaxUnitsPerPerson: Get<Quantity>;
		/// Most of one pool one need may take while other needs drawing from it are unmet.
		#[pallet::constant]
		type MaxNeedShare: Get<Perbill>;
		/// Most affected regions of one emergency.
		#[pallet::constant]
		type MaxRegions: Get<u32>;
		/// Most supply items one emergency covers.
		#[pallet::constant]
		type MaxItems: Get<u32>;
		/// Most needs of one item in one round: bounds the work of one allocation.
		#[pallet::constant]
		type MaxNeedsPerRound: Get<u32>;
		/// Most pledges one emergency accepts: bounds every stock pool.
		#[pallet::constant]
		type MaxPledgesPerEmergency: Get<u32>;
		/// Blocks after a dispatch by which the recipient should confirm it; later it is
		/// overdue.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type DeliveryDeadline: Get<BlockNumberFor<Self>>;
		/// Most entries one page of a runtime API answer holds (traces, supplies, overdue
		/// dispatches).
		#[pallet::constant]
		type MaxPageSize: Get<u32>;
		/// Most rounds waiting in the allocation queue ([`allocate_round`](Pallet::allocate_round)).
		#[pallet::constant]
		type MaxQueuedRounds: Get<u32>;
		/// Most weight the allocation of queued rounds takes at the start of a block. Must
		/// hold the planning of the largest round of an item (checked by the integrity test).
		#[pallet::constant]
		#[pallet::no_default]
		type AllocationBudget: Get<Weight>;
		/// Where what happens is counted for the regional statistics (the statistics pallet);
		/// `()` counts nothing.
		#[pallet::no_default_bounds]
		type Statistics: StatisticsSink<Self::AccountId>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The id the next emergency will get.
	#[pallet::storage]
	pub type NextEmergencyId<T> = StorageValue<_, EmergencyId, ValueQuery>;

	/// Emergencies by id; kept after closing for the record.
	#[pallet::storage]
	pub type Emergencies<T: Config> =
		StorageMap<_, Twox64Concat, EmergencyId, EmergencyOf<T>, OptionQuery>;

	/// The id the next need will get.
	#[pallet::storage]
	pub type NextNeedId<T> = StorageValue<_, NeedId, ValueQuery>;

	/// The needs of each round of each item: (emergency, item, round) → needs, in filing
	/// order. Kept after allocation with the units each need got.
	#[pallet::storage]
	pub type RoundNeeds<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, EmergencyId>,
			NMapKey<Twox64Concat, ItemIndex>,
			NMapKey<Twox64Concat, RoundIndex>,
		),
		RoundNeedList<T>,
		ValueQuery,
	>;

	/// The first round of each (emergency, item) not yet allocated or skipped: rounds are
	/// allocated strictly in order, and [`allocate`](Pallet::allocate) moves it past the round
	/// it allocates.
	#[pallet::storage]
	pub type NextRoundToAllocate<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EmergencyId,
		Twox64Concat,
		ItemIndex,
		RoundIndex,
		ValueQuery,
	>;

	/// Rounds already allocated: (emergency, item, round) → block of the allocation.
	#[pallet::storage]
	pub type AllocatedRounds<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, EmergencyId>,
			NMapKey<Twox64Concat, ItemIndex>,
			NMapKey<Twox64Concat, RoundIndex>,
		),
		BlockNumberFor<T>,
		OptionQuery,
	>;

	/// The id the next donation will get.
	#[pallet::storage]
	pub type NextDonationId<T> = StorageValue<_, DonationId, ValueQuery>;

	/// Donations by id.
	#[pallet::storage]
	pub type Donations<T: Config> =
		StorageMap<_, Twox64Concat, DonationId, DonationOf<T>, OptionQuery>;

	/// The deposit held from the donor of each pledge awaiting receipt. Pledges made before
	/// storage version 2 hold none.
	#[pallet::storage]
	pub type PledgeDeposits<T: Config> =
		StorageMap<_, Twox64Concat, DonationId, BalanceOf<T>, OptionQuery>;

	/// Number of pledges awaiting receipt per (emergency, donor account), at most
	/// [`Config::MaxPledgesPerDonor`].
	#[pallet::storage]
	pub type DonorPledges<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EmergencyId,
		Blake2_128Concat,
		T::AccountId,
		u32,
		ValueQuery,
	>;

	/// Received, unallocated units: (emergency, item, pool) → its donations with their
	/// remaining units, oldest receipt first.
	#[pallet::storage]
	pub type Pools<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, EmergencyId>,
			NMapKey<Twox64Concat, ItemIndex>,
			NMapKey<Blake2_128Concat, Pool>,
		),
		PoolQueue<T>,
		ValueQuery,
	>;

	/// The id the next allocation will get.
	#[pallet::storage]
	pub type NextAllocationId<T> = StorageValue<_, AllocationId, ValueQuery>;

	/// Allocations by id.
	#[pallet::storage]
	pub type Allocations<T: Config> =
		StorageMap<_, Twox64Concat, AllocationId, AllocationOf<T>, OptionQuery>;

	/// Each donation's allocations in order: (donation, position) → allocation. The count is
	/// the donation's `allocations`.
	#[pallet::storage]
	pub type DonationAllocations<T: Config> =
		StorageDoubleMap<_, Twox64Concat, DonationId, Twox64Concat, u32, AllocationId, OptionQuery>;

	/// Each recipient's allocations in order: (organisation, position) → allocation.
	#[pallet::storage]
	pub type RecipientAllocations<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		OrganisationId,
		Twox64Concat,
		u32,
		AllocationId,
		OptionQuery,
	>;

	/// Number of allocations each organisation received.
	#[pallet::storage]
	pub type RecipientAllocationCount<T: Config> =
		StorageMap<_, Twox64Concat, OrganisationId, u32, ValueQuery>;

	/// Dispatches awaiting confirmation: (emergency, allocation) → block of the dispatch.
	#[pallet::storage]
	pub type InTransit<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EmergencyId,
		Twox64Concat,
		AllocationId,
		BlockNumberFor<T>,
		OptionQuery,
	>;

	/// Dispatches awaiting confirmation in dispatch order: (emergency, [`dispatch_key`] of the
	/// dispatch block and the allocation) → (). The key is big-endian and not hashed, so a
	/// scan runs oldest dispatch first and the overdue ones come before all others: a page of
	/// overdue dispatches reads only what it returns. The keys are block numbers and ids the
	/// pallet assigns, not chosen by users.
	#[pallet::storage]
	pub type DispatchOrder<T: Config> =
		StorageDoubleMap<_, Twox64Concat, EmergencyId, Identity, DispatchKey, (), OptionQuery>;

	/// Dashboard counters per (emergency, item).
	#[pallet::storage]
	pub type ItemTotals<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EmergencyId,
		Twox64Concat,
		ItemIndex,
		SupplyTotals,
		ValueQuery,
	>;

	/// Dashboard counters per (emergency, affected region, item).
	#[pallet::storage]
	pub type RegionTotals<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, EmergencyId>,
			NMapKey<Twox64Concat, RegionIndex>,
			NMapKey<Twox64Concat, ItemIndex>,
		),
		SupplyTotals,
		ValueQuery,
	>;

	/// Rounds queued by [`allocate_round`](Pallet::allocate_round), oldest first; the front
	/// one is being allocated.
	#[pallet::storage]
	pub type RoundQueue<T: Config> = StorageValue<_, QueueOf<T>, ValueQuery>;

	/// The item of the front queued round whose allocations are being stored, a budget a
	/// block. Its units are already taken from the pools and counted.
	#[pallet::storage]
	pub type AllocationInProgress<T: Config> =
		StorageValue<_, AllocationInProgressOf<T>, OptionQuery>;

	/// An emergency declared at genesis (the demo presets): it starts at block 0.
	pub type GenesisEmergency<BlockNumber> = (
		alloc::vec::Vec<u8>,
		alloc::vec::Vec<RegionCode>,
		alloc::vec::Vec<(alloc::vec::Vec<u8>, SupplyUnit, Option<Gtin>)>,
		BlockNumber,
		BlockNumber,
	);

	/// Emergencies to declare at genesis, for demo data.
	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a pledge awaiting receipt.
		#[codec(index = 0)]
		PledgeDeposit,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(name, regions, items as (code, unit, gtin), round_length, sunset)`, given ids
		/// 0, 1, 2… in order, each starting at block 0.
		pub emergencies: alloc::vec::Vec<GenesisEmergency<BlockNumberFor<T>>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::build_genesis(self)
				.expect("the emergency-supply genesis config is invalid");
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The authority declared an emergency.
		EmergencyDeclared {
			/// The emergency.
			emergency: EmergencyId,
			/// Its name.
			name: EmergencyName,
			/// First block it is open in.
			starts_at: BlockNumberFor<T>,
			/// First block it is no longer open in.
			sunset: BlockNumberFor<T>,
			/// Length of its allocation rounds.
			round_length: BlockNumberFor<T>,
		},
		/// The authority moved an emergency's sunset later.
		EmergencyExtended {
			/// The emergency.
			emergency: EmergencyId,
			/// The new sunset.
			sunset: BlockNumberFor<T>,
		},
		/// The authority closed an emergency.
		EmergencyClosed {
			/// The emergency.
			emergency: EmergencyId,
		},
		/// A clinic or hospital filed a need.
		NeedFiled {
			/// The need.
			need: NeedId,
			/// The emergency.
			emergency: EmergencyId,
			/// The item.
			item: ItemIndex,
			/// The round it is in.
			round: RoundIndex,
			/// The organisation in need.
			org: OrganisationId,
			/// Units requested.
			requested: Quantity,
			/// Units on hand.
			stock_on_hand: Quantity,
			/// Its tier.
			priority: Priority,
		},
		/// A clinic or hospital updated its need in the current round.
		NeedUpdated {
			/// The need.
			need: NeedId,
			/// The emergency.
			emergency: EmergencyId,
			/// The item.
			item: ItemIndex,
			/// The round it is in.
			round: RoundIndex,
			/// Units requested now.
			requested: Quantity,
			/// Units on hand now.
			stock_on_hand: Quantity,
			/// Its tier now.
			priority: Priority,
		},
		/// A donor pledged units of an item.
		Pledged {
			/// The donation.
			donation: DonationId,
			/// The emergency.
			emergency: EmergencyId,
			/// The item.
			item: ItemIndex,
			/// Who pledged.
			donor: T::AccountId,
			/// The organisation the donor pledged for.
			donor_org: Option<OrganisationId>,
			/// Where it should go.
			target: DonationTarget,
			/// Units pledged.
			quantity: Quantity,
			/// The warehouse it is shipped to, which confirms its receipt.
			warehouse: OrganisationId,
			/// The deposit held from the donor.
			deposit: BalanceOf<T>,
		},
		/// The donor cancelled a pledge awaiting receipt; its slot is free and its deposit
		/// returned.
		PledgeCancelled {
			/// The donation.
			donation: DonationId,
			/// The donor.
			donor: T::AccountId,
		},
		/// The authority voided a pledge that fed no allocation: it is removed with its units
		/// (also any received units), its slot is free and its deposit returned.
		PledgeVoided {
			/// The donation.
			donation: DonationId,
			/// Units pledged.
			pledged: Quantity,
			/// Units that had been received and are taken out of the pool.
			received: Quantity,
		},
		/// The authority named another warehouse to receive a pledge.
		PledgeWarehouseChanged {
			/// The donation.
			donation: DonationId,
			/// The warehouse that now confirms its receipt.
			warehouse: OrganisationId,
		},
		/// The authority set the tier of a need (the only way to `Critical`).
		NeedPrioritySet {
			/// The need.
			need: NeedId,
			/// The emergency.
			emergency: EmergencyId,
			/// The item.
			item: ItemIndex,
			/// The round it is in.
			round: RoundIndex,
			/// Its tier now.
			priority: Priority,
		},
		/// The authority moved a stuck pending allocation to another warehouse.
		AllocationRedirected {
			/// The allocation.
			allocation: AllocationId,
			/// The warehouse that had it.
			from: OrganisationId,
			/// The warehouse that dispatches it now.
			to: OrganisationId,
		},
		/// A warehouse confirmed what of a donation arrived; those units can now be allocated.
		DonationReceived {
			/// The donation.
			donation: DonationId,
			/// The warehouse holding it.
			warehouse: OrganisationId,
			/// Units that arrived.
			quantity: Quantity,
			/// Units pledged that did not arrive.
			missing: Quantity,
		},
		/// A round of an item was allocated.
		RoundAllocated {
			/// The emergency.
			emergency: EmergencyId,
			/// The item.
			item: ItemIndex,
			/// The round.
			round: RoundIndex,
			/// Needs in the round.
			needs: u32,
			/// Units allocated.
			allocated: Quantity,
			/// Allocations created.
			allocations: u32,
			/// Units of the item received and still unallocated, carried to the next round.
			carried_over: Quantity,
		},
		/// A round was queued for the allocation of all its items, from the next block.
		RoundQueued {
			/// The emergency.
			emergency: EmergencyId,
			/// The round.
			round: RoundIndex,
			/// Items of the catalogue to allocate.
			items: ItemIndex,
		},
		/// Every item of a queued round is allocated or skipped; it left the queue.
		QueuedRoundAllocated {
			/// The emergency.
			emergency: EmergencyId,
			/// The round.
			round: RoundIndex,
		},
		/// An item of a queued round could not be allocated (for example no need was filed,
		/// or it was allocated on its own); nothing changed for it.
		QueuedItemSkipped {
			/// The emergency.
			emergency: EmergencyId,
			/// The item.
			item: ItemIndex,
			/// The round.
			round: RoundIndex,
			/// Why: the error [`allocate`](Pallet::allocate) would have returned.
			error: DispatchError,
		},
		/// Units of a donation were allocated to a need.
		Allocated {
			/// The allocation.
			allocation: AllocationId,
			/// The need it serves.
			need: NeedId,
			/// The organisation that receives it.
			recipient: OrganisationId,
			/// The donation it carries.
			donation: DonationId,
			/// The warehouse that dispatches it.
			warehouse: OrganisationId,
			/// Units.
			quantity: Quantity,
		},
		/// A warehouse dispatched an allocation.
		Dispatched {
			/// The allocation.
			allocation: AllocationId,
			/// The warehouse.
			warehouse: OrganisationId,
			/// The recipient.
			recipient: OrganisationId,
			/// Units.
			quantity: Quantity,
		},
		/// The recipient confirmed what of an allocation arrived.
		DeliveryConfirmed {
			/// The allocation.
			allocation: AllocationId,
			/// The recipient.
			recipient: OrganisationId,
			/// Units that arrived.
			received: Quantity,
			/// Units dispatched that did not arrive.
			shortfall: Quantity,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No emergency has this id.
		UnknownEmergency,
		/// The emergency is closed, not started yet, or past its sunset.
		EmergencyNotOpen,
		/// The emergency is already closed.
		EmergencyClosed,
		/// The name is empty.
		InvalidName,
		/// The regions are empty, invalid, or one lies within another.
		InvalidRegions,
		/// The catalogue is empty, or an item's code is empty, not printable ASCII or repeated,
		/// or its GTIN is not 14 digits.
		InvalidItems,
		/// The sunset is not after the start (or, when extending, not later than before and
		/// not in the future), or the round length is zero.
		InvalidPeriod,
		/// The emergency's catalogue has no item at this position.
		ItemNotCovered,
		/// The organisation or region lies outside the emergency's affected regions.
		RegionNotAffected,
		/// The organisation is not an active clinic or hospital.
		NotCareProvider,
		/// The caller is neither the admin nor an active practitioner of this active
		/// organisation.
		NotActingForOrganisation,
		/// The organisation is not an active warehouse.
		NotVerifiedWarehouse,
		/// A quantity is zero.
		ZeroQuantity,
		/// The stock on hand already covers the request.
		NothingNeeded,
		/// This round of this item holds the most needs allowed.
		TooManyNeeds,
		/// The emergency holds the most pledges allowed.
		TooManyPledges,
		/// No donation has this id.
		UnknownDonation,
		/// A warehouse already confirmed this donation's receipt.
		AlreadyReceived,
		/// More units than were pledged cannot be received.
		ReceiptExceedsPledge,
		/// The round's window has not closed yet.
		RoundNotClosed,
		/// This round of this item was already allocated.
		RoundAlreadyAllocated,
		/// No need was filed in this round of this item.
		NoNeeds,
		/// No allocation has this id.
		UnknownAllocation,
		/// Only the warehouse holding the donation may dispatch its allocation.
		NotAllocationWarehouse,
		/// The allocation was already dispatched.
		AlreadyDispatched,
		/// The allocation has not been dispatched yet.
		NotDispatched,
		/// The delivery was already confirmed.
		AlreadyConfirmed,
		/// Only the recipient organisation may confirm a delivery.
		NotRecipient,
		/// More units than were dispatched cannot be confirmed as received.
		ReceivedExceedsDispatched,
		/// A counter would overflow.
		Overflow,
		/// A pledge may carry at most [`Config::MaxPledgeQuantity`] units.
		PledgeTooLarge,
		/// The donor already has [`Config::MaxPledgesPerDonor`] pledges awaiting receipt in
		/// this emergency.
		TooManyDonorPledges,
		/// Only the warehouse the pledge names may confirm its receipt.
		NotPledgeWarehouse,
		/// Only the donor may cancel a pledge.
		NotDonor,
		/// The donation fed allocations already; it can no longer be voided.
		DonationAllocated,
		/// The need reports more people than [`Config::MaxPeopleServed`], or requests more
		/// than [`Config::MaxUnitsPerPerson`] units per person served.
		NeedTooLarge,
		/// No need of this organisation is in this round of this item.
		UnknownNeed,
		/// A later round has closed too: this round's needs have expired unallocated.
		RoundExpired,
		/// The allocation is not stuck: to redirect it, it must be pending with a warehouse no
		/// longer active or the delivery deadline since its allocation passed; to resolve its
		/// dispatch, the delivery deadline since the dispatch must have passed.
		AllocationNotStuck,
		/// This round is already in the allocation queue.
		RoundAlreadyQueued,
		/// The allocation queue holds [`Config::MaxQueuedRounds`] rounds; try again once one
		/// is allocated.
		AllocationQueueFull,
	}

	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// Longest emergency name, in bytes.
		pub fn max_name_length() -> u32 {
			MAX_NAME_LENGTH
		}
		/// Longest item code, in bytes.
		pub fn max_item_code_length() -> u32 {
			MAX_ITEM_CODE_LENGTH
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			use sp_runtime::traits::Zero;
			assert!(T::MaxRegions::get() > 0, "an emergency must cover a region");
			assert!(T::MaxItems::get() > 0, "an emergency must cover an item");
			assert!(T::MaxNeedsPerRound::get() > 0, "a round must take a need");
			assert!(T::MaxPledgesPerEmergency::get() > 0, "an emergency must take a pledge");
			assert!(!T::DeliveryDeadline::get().is_zero(), "a delivery needs at least a block");
			assert!(T::MaxPageSize::get() > 0, "a page must hold an entry");
			assert!(T::MaxPledgeQuantity::get() > 0, "a pledge must carry a unit");
			assert!(
				u128::from(T::MaxPledgeQuantity::get())
					.saturating_mul(u128::from(T::MaxPledgesPerEmergency::get()))
					<= u128::from(Quantity::MAX),
				"all pledges of an emergency must fit a counter"
			);
			assert!(T::MaxPledgesPerDonor::get() > 0, "a donor must be able to pledge");
			assert!(T::MaxPeopleServed::get() > 0, "a need must serve someone");
			assert!(T::MaxUnitsPerPerson::get() > 0, "a need must request a unit");
			assert!(!T::MaxNeedShare::get().is_zero(), "a need must get a share of a pool");
			assert!(T::MaxQueuedRounds::get() > 0, "the allocation queue must take a round");
			let budget = T::AllocationBudget::get();
			assert!(
				T::WeightInfo::allocate_queued_idle()
					.saturating_add(Self::worst_plan_step_weight())
					.all_lte(budget),
				"the allocation budget must hold the planning of the largest round of an item"
			);
			assert!(
				T::WeightInfo::allocate_queued_idle()
					.saturating_add(T::WeightInfo::allocate_queued_store(1))
					.all_lte(budget),
				"the allocation budget must hold storing an allocation"
			);
		}

		/// Allocates queued rounds within [`Config::AllocationBudget`].
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			Self::allocate_queued(T::AllocationBudget::get())
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Declare an emergency: `name`, the affected `regions` (valid region-code prefixes,
		/// none within another), the supply `items` it covers (codes unique), open from block
		/// `starts_at` (not in the past; pass the current block to open now) to `sunset`
		/// (exclusive), with allocation rounds of `round_length` blocks from `starts_at`.
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::EmergencyDeclared`].
		///
		/// Errors: [`Error::InvalidName`], [`Error::InvalidRegions`], [`Error::InvalidItems`],
		/// [`Error::InvalidPeriod`], [`Error::Overflow`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::declare_emergency())]
		pub fn declare_emergency(
			origin: OriginFor<T>,
			name: EmergencyName,
			regions: RegionList<T>,
			items: ItemList<T>,
			starts_at: BlockNumberFor<T>,
			sunset: BlockNumberFor<T>,
			round_length: BlockNumberFor<T>,
		) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_declare(name, regions, items, starts_at, sunset, round_length).map(|_| ())
		}

		/// Move an emergency's sunset later, to `sunset` (in the future).
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::EmergencyExtended`].
		///
		/// Errors: [`Error::UnknownEmergency`], [`Error::EmergencyClosed`],
		/// [`Error::InvalidPeriod`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::extend_emergency())]
		pub fn extend_emergency(
			origin: OriginFor<T>,
			emergency: EmergencyId,
			sunset: BlockNumberFor<T>,
		) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_extend(emergency, sunset)
		}

		/// Close an emergency: no more needs, pledges, receipts or allocation rounds. Existing
		/// allocations are still dispatched and confirmed; unallocated stock stays on record.
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::EmergencyClosed`].
		///
		/// Errors: [`Error::UnknownEmergency`], [`Error::EmergencyClosed`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::close_emergency())]
		pub fn close_emergency(origin: OriginFor<T>, emergency: EmergencyId) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_close(emergency)
		}

		/// File, or update, the need of clinic or hospital `org` for item `item` in the
		/// emergency's current round: `requested` units with `stock_on_hand` left, serving
		/// `people_served` people (or cases; at most [`Config::MaxPeopleServed`]), in tier
		/// `priority` for `reason`. `requested` may be at most `people_served ×`
		/// [`Config::MaxUnitsPerPerson`]. A filer asking for `Critical` gets `Urgent` until the
		/// authority grants `Critical` ([`set_need_priority`](Pallet::set_need_priority)). A
		/// second call in the same round replaces the figures of the first (and so drops a
		/// granted `Critical`: the authority granted it for the old figures).
		///
		/// - Origin: the admin or an active practitioner of `org`, an active clinic or hospital
		///   in an affected region, signed.
		///
		/// Emits [`Event::NeedFiled`] or [`Event::NeedUpdated`].
		///
		/// Errors: [`Error::UnknownEmergency`], [`Error::EmergencyNotOpen`],
		/// [`Error::ItemNotCovered`], [`Error::NotActingForOrganisation`],
		/// [`Error::NotCareProvider`], [`Error::RegionNotAffected`], [`Error::ZeroQuantity`],
		/// [`Error::NeedTooLarge`], [`Error::NothingNeeded`], [`Error::TooManyNeeds`],
		/// [`Error::Overflow`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::file_need().saturating_add(T::Statistics::note_weight()))]
		pub fn file_need(
			origin: OriginFor<T>,
			emergency: EmergencyId,
			item: ItemIndex,
			org: OrganisationId,
			requested: Quantity,
			stock_on_hand: Quantity,
			people_served: u32,
			priority: Priority,
			reason: NeedReason,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_file_need(
				who,
				emergency,
				item,
				org,
				requested,
				stock_on_hand,
				people_served,
				priority,
				reason,
			)
			.map(|_| ())
		}

		/// Pledge `quantity` units (1 to [`Config::MaxPledgeQuantity`]) of item `item` to the
		/// emergency, for `target` (anywhere, a region within the affected ones, or one clinic
		/// or hospital there), to be shipped to `warehouse` (an active warehouse, which alone
		/// confirms the receipt), optionally on behalf of `donor_org`. Holds
		/// [`Config::PledgeDeposit`] from the caller until the receipt, a cancellation or a
		/// void. A donor has at most [`Config::MaxPledgesPerDonor`] pledges awaiting receipt per
		/// emergency.
		///
		/// - Origin: any signed account; with `donor_org`, its admin or an active
		///   practitioner of it.
		///
		/// Emits [`Event::Pledged`].
		///
		/// Errors: [`Error::UnknownEmergency`], [`Error::EmergencyNotOpen`],
		/// [`Error::ItemNotCovered`], [`Error::ZeroQuantity`], [`Error::PledgeTooLarge`],
		/// [`Error::NotActingForOrganisation`], [`Error::NotVerifiedWarehouse`],
		/// [`Error::InvalidRegions`] (an invalid target region code),
		/// [`Error::RegionNotAffected`], [`Error::NotCareProvider`], [`Error::TooManyPledges`],
		/// [`Error::TooManyDonorPledges`], [`Error::Overflow`], or the currency's error when
		/// the deposit cannot be held.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::pledge().saturating_add(T::Statistics::note_weight()))]
		pub fn pledge(
			origin: OriginFor<T>,
			emergency: EmergencyId,
			item: ItemIndex,
			quantity: Quantity,
			target: DonationTarget,
			warehouse: OrganisationId,
			donor_org: Option<OrganisationId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_pledge(who, emergency, item, quantity, target, warehouse, donor_org)
				.map(|_| ())
		}

		/// Confirm that `quantity` units (1 up to the pledge) of `donation` arrived at warehouse
		/// `warehouse`, the one the pledge names (any active warehouse for a pledge made
		/// before storage version 2, which names none). The units join the stock pool of the
		/// donation's target and will be allocated by the next round; the warehouse will
		/// dispatch their allocations. The donor's deposit is returned. If nothing arrived, the
		/// donor cancels the pledge or the authority voids it.
		///
		/// - Origin: the admin or an active practitioner of `warehouse`, an active warehouse,
		///   signed.
		///
		/// Emits [`Event::DonationReceived`].
		///
		/// Errors: [`Error::UnknownDonation`], [`Error::NotActingForOrganisation`],
		/// [`Error::NotVerifiedWarehouse`], [`Error::NotPledgeWarehouse`],
		/// [`Error::UnknownEmergency`], [`Error::EmergencyNotOpen`], [`Error::AlreadyReceived`],
		/// [`Error::ZeroQuantity`], [`Error::ReceiptExceedsPledge`], [`Error::Overflow`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::confirm_receipt().saturating_add(T::Statistics::note_weight()))]
		pub fn confirm_receipt(
			origin: OriginFor<T>,
			donation: DonationId,
			warehouse: OrganisationId,
			quantity: Quantity,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_confirm_receipt(who, donation, warehouse, quantity)
		}

		/// Allocate round `round` of item `item` (see the crate docs for the algorithm): the
		/// received stock goes to the round's needs, targeted pools first, then by tier and in
		/// proportion to unmet need, no need taking more than [`Config::MaxNeedShare`] of a
		/// pool while others are unmet; leftovers stay for the next round. Rounds go strictly
		/// in order: `round` must not be before [`NextRoundToAllocate`], and only the latest
		/// closed round can be allocated, so rounds in between (never allocated while they
		/// were the latest) are skipped with their needs, which are never counted.
		///
		/// - Origin: any signed account, once the round's window has closed and before the
		///   next round's window closes.
		///
		/// Emits [`Event::Allocated`] for each allocation, then [`Event::RoundAllocated`].
		///
		/// Errors: [`Error::UnknownEmergency`], [`Error::EmergencyNotOpen`],
		/// [`Error::ItemNotCovered`], [`Error::RoundNotClosed`], [`Error::RoundExpired`],
		/// [`Error::RoundAlreadyAllocated`], [`Error::NoNeeds`], [`Error::Overflow`].
		#[pallet::call_index(6)]
		#[pallet::weight(Pallet::<T>::allocate_weight(
			T::MaxNeedsPerRound::get(),
			Pallet::<T>::max_allocations_per_round(),
		))]
		pub fn allocate(
			origin: OriginFor<T>,
			emergency: EmergencyId,
			item: ItemIndex,
			round: RoundIndex,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let (needs, allocations) = Self::do_allocate(emergency, item, round)?;
			Ok(Some(Self::allocate_weight(needs, allocations)).into())
		}

		/// Dispatch allocation `allocation` from the warehouse holding its donation, recording
		/// the block; the recipient should confirm it within [`Config::DeliveryDeadline`].
		///
		/// - Origin: the admin or an active practitioner of the allocation's warehouse (which
		///   must still be active), signed.
		///
		/// Emits [`Event::Dispatched`].
		///
		/// Errors: [`Error::UnknownAllocation`], [`Error::NotAllocationWarehouse`],
		/// [`Error::AlreadyDispatched`], [`Error::Overflow`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::dispatch())]
		pub fn dispatch(origin: OriginFor<T>, allocation: AllocationId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dispatch(who, allocation)
		}

		/// Confirm that `received` units (at most those dispatched) of allocation `allocation`
		/// arrived; the rest is recorded as shortfall.
		///
		/// - Origin: the admin or an active practitioner of the recipient organisation,
		///   signed.
		///
		/// Emits [`Event::DeliveryConfirmed`].
		///
		/// Errors: [`Error::UnknownAllocation`], [`Error::NotRecipient`],
		/// [`Error::NotDispatched`], [`Error::AlreadyConfirmed`],
		/// [`Error::ReceivedExceedsDispatched`], [`Error::Overflow`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::confirm_delivery().saturating_add(T::Statistics::note_weight()))]
		pub fn confirm_delivery(
			origin: OriginFor<T>,
			allocation: AllocationId,
			received: Quantity,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_confirm_delivery(who, allocation, received)
		}

		/// Cancel pledge `donation`, which has not been received: its slot is freed, its units
		/// leave the counters and the deposit is returned. Works also after the emergency
		/// closed.
		///
		/// - Origin: the donor, signed.
		///
		/// Emits [`Event::PledgeCancelled`].
		///
		/// Errors: [`Error::UnknownDonation`], [`Error::NotDonor`], [`Error::AlreadyReceived`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::cancel_pledge())]
		pub fn cancel_pledge(origin: OriginFor<T>, donation: DonationId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_pledge(Some(who), donation)
		}

		/// Void donation `donation`, which fed no allocation yet (a bogus or mistaken pledge,
		/// or a wrong receipt): it is removed, with its received units taken out of their pool;
		/// its slot is freed, its units leave the counters and any deposit is returned.
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::PledgeVoided`].
		///
		/// Errors: [`Error::UnknownDonation`], [`Error::DonationAllocated`].
		#[pallet::call_index(10)]
		// A pledge not received is voided as it is cancelled, its deposit released to the donor
		// (an account the authority's origin does not pay for); a received one scans its pool.
		#[pallet::weight(T::WeightInfo::void_pledge().max(T::WeightInfo::cancel_pledge()))]
		pub fn void_pledge(origin: OriginFor<T>, donation: DonationId) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_void_pledge(donation)
		}

		/// Name `warehouse` (an active warehouse) as the one to receive pledge `donation`,
		/// which has not been received: for a donor who ships elsewhere, a warehouse that
		/// closed, or a pledge made before storage version 2 (which names none).
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::PledgeWarehouseChanged`].
		///
		/// Errors: [`Error::UnknownDonation`], [`Error::AlreadyReceived`],
		/// [`Error::NotVerifiedWarehouse`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::set_pledge_warehouse())]
		pub fn set_pledge_warehouse(
			origin: OriginFor<T>,
			donation: DonationId,
			warehouse: OrganisationId,
		) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_set_pledge_warehouse(donation, warehouse)
		}

		/// Set the tier of `org`'s need of item `item` in round `round` of `emergency` to
		/// `priority`, after reviewing it: the only way a need becomes `Critical`. The round
		/// must not be allocated yet.
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::NeedPrioritySet`].
		///
		/// Errors: [`Error::UnknownEmergency`], [`Error::ItemNotCovered`],
		/// [`Error::RoundAlreadyAllocated`], [`Error::UnknownNeed`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_need_priority())]
		pub fn set_need_priority(
			origin: OriginFor<T>,
			emergency: EmergencyId,
			item: ItemIndex,
			round: RoundIndex,
			org: OrganisationId,
			priority: Priority,
		) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_set_need_priority(emergency, item, round, org, priority)
		}

		/// Move pending allocation `allocation` to warehouse `warehouse` (an active warehouse
		/// that now holds the goods), when it is stuck: its warehouse is no longer active, or
		/// [`Config::DeliveryDeadline`] blocks have passed since its round was allocated.
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::AllocationRedirected`].
		///
		/// Errors: [`Error::UnknownAllocation`], [`Error::AllocationNotStuck`],
		/// [`Error::NotVerifiedWarehouse`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::redirect_allocation())]
		pub fn redirect_allocation(
			origin: OriginFor<T>,
			allocation: AllocationId,
			warehouse: OrganisationId,
		) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_redirect_allocation(allocation, warehouse)
		}

		/// Close dispatched allocation `allocation`, unconfirmed [`Config::DeliveryDeadline`]
		/// blocks after its dispatch (its recipient was suspended or closed, or never
		/// answers), recording `received` units (at most those dispatched) as arrived and the
		/// rest as shortfall, as the recipient's confirmation would.
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::DeliveryConfirmed`].
		///
		/// Errors: [`Error::UnknownAllocation`], [`Error::NotDispatched`],
		/// [`Error::AlreadyConfirmed`], [`Error::AllocationNotStuck`] (not overdue yet),
		/// [`Error::ReceivedExceedsDispatched`], [`Error::Overflow`].
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::resolve_dispatch())]
		pub fn resolve_dispatch(
			origin: OriginFor<T>,
			allocation: AllocationId,
			received: Quantity,
		) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_resolve_dispatch(allocation, received)
		}

		/// Queue round `round` of `emergency` for the allocation of every item of its
		/// catalogue, instead of one [`allocate`](Pallet::allocate) per item. From the next
		/// block the pallet allocates the queued rounds in order, item by item, within
		/// [`Config::AllocationBudget`] of each block, exactly as `allocate` would; an item
		/// that `allocate` would refuse (no needs, already allocated) is skipped. The round
		/// was the latest closed round when queued, so it is allocated even if the next round
		/// closes meanwhile.
		///
		/// - Origin: any signed account, once the round's window has closed and before the
		///   next round's window closes.
		///
		/// Emits [`Event::RoundQueued`]; later blocks emit [`Event::Allocated`],
		/// [`Event::RoundAllocated`] or [`Event::QueuedItemSkipped`] per item, then
		/// [`Event::QueuedRoundAllocated`].
		///
		/// Errors: [`Error::UnknownEmergency`], [`Error::EmergencyNotOpen`],
		/// [`Error::RoundNotClosed`], [`Error::RoundExpired`], [`Error::RoundAlreadyQueued`],
		/// [`Error::AllocationQueueFull`], [`Error::Overflow`].
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::allocate_round())]
		pub fn allocate_round(
			origin: OriginFor<T>,
			emergency: EmergencyId,
			round: RoundIndex,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_allocate_round(emergency, round)
		}
	}
}

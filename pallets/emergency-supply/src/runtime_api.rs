//! The runtime API dApps and donors use to follow emergency supplies: where a donation went,
//! who supplied a clinic, an emergency's dashboard, its overdue dispatches and a round's needs.

use crate::types::{
	AllocationId, AllocationView, Dashboard, DonationId, DonationTrace, EmergencyId, ItemIndex,
	Need, OverdueDispatch, RoundIndex,
};
use alloc::vec::Vec;
use codec::Codec;
use ruralmed_primitives::OrganisationId;

sp_api::decl_runtime_apis! {
	/// Reads of the emergency supply pallet for clients such as polkadot.js.
	pub trait EmergencySupplyApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// Where donation `donation` went: the donation, its units not yet allocated, and the
		/// allocations it fed from position `from`, at most `count` (capped by the runtime's
		/// page size). `None` for an unknown donation.
		fn donation_trace(donation: DonationId, from: u32, count: u32) -> Option<DonationTrace<AccountId, BlockNumber>>;

		/// Who supplied organisation `org`: its allocations, oldest first, from position
		/// `from`, at most `count` (capped), each with donation, donor and warehouse.
		fn suppliers_of(org: OrganisationId, from: u32, count: u32) -> Vec<AllocationView<AccountId, BlockNumber>>;

		/// Per item, and per item and affected region, the units pledged, received,
		/// allocated, dispatched, delivered and short; the current round and when it closes.
		fn dashboard(emergency: EmergencyId) -> Option<Dashboard<BlockNumber>>;

		/// Dispatches not confirmed within the delivery deadline, oldest dispatch first, at
		/// most `count` (capped), continuing after allocation `start_after` (the last id of the
		/// previous page). Reads only what it returns.
		fn overdue_dispatches(emergency: EmergencyId, start_after: Option<AllocationId>, count: u32) -> Vec<OverdueDispatch<BlockNumber>>;

		/// The needs filed in one round of one item, with what each was allocated.
		fn round_needs(emergency: EmergencyId, item: ItemIndex, round: RoundIndex) -> Vec<Need<AccountId>>;
	}
}

//! The runtime API dApps use for drug provenance: the counterfeit check anyone can run, a
//! lot's custody path and holders, and the dispensations a recall must reach.

use crate::types::{CustodyEvent, Dispensation, DispensationId, Gtin, LotId, Verification};
use alloc::vec::Vec;
use codec::Codec;
use ruralmed_primitives::OrganisationId;

sp_api::decl_runtime_apis! {
	/// Reads of the drug provenance pallet for clients such as polkadot.js.
	///
	/// Version 2: `holders_of` is paged; `recall_reach` returns dispensations that name no
	/// patient (the dispensing organisation and its opaque commitment); `verify` may answer
	/// `ColdChainBreached` or `StuckInTransit`.
	#[api_version(2)]
	pub trait DrugProvenanceApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// Is this pack genuine? `gtin` (14 ASCII digits), the lot number and, for serialised
		/// lots, the serial, as printed on the pack.
		fn verify(gtin: Gtin, lot_number: Vec<u8>, serial: Option<Vec<u8>>) -> Verification<BlockNumber>;

		/// Lot `lot`'s custody events from position `from`, at most `count` (at most 100).
		fn custody_path(lot: LotId, from: u32, count: u32) -> Vec<CustodyEvent<BlockNumber>>;

		/// Version 1: the first 100 holders only.
		#[changed_in(2)]
		fn holders_of(lot: LotId) -> Vec<(OrganisationId, u32)>;

		/// Organisations holding stock of `lot`, with their quantities: at most `count` (at
		/// most 100), starting after holder `after` (`None` for the first page).
		fn holders_of(lot: LotId, after: Option<OrganisationId>, count: u32) -> Vec<(OrganisationId, u32)>;

		/// Version 1: dispensations with the patient's account and record.
		#[changed_in(2)]
		fn recall_reach(lot: LotId, from: u32, count: u32) -> Vec<(DispensationId, crate::migrations::v1::v0::Dispensation<AccountId, BlockNumber>)>;

		/// Dispensations of `lot` from position `from`, at most `count` (at most 100): the
		/// dispensing organisations and their opaque commitments, no patient; each
		/// organisation reaches its patients off chain.
		fn recall_reach(lot: LotId, from: u32, count: u32) -> Vec<(DispensationId, Dispensation<BlockNumber>)>;
	}
}

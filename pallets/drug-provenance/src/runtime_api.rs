//! The runtime API dApps use for drug provenance: the counterfeit check anyone can run, a
//! lot's custody path and holders, and the dispensations a recall must reach.

use crate::types::{CustodyEvent, Dispensation, DispensationId, Gtin, LotId, Verification};
use alloc::vec::Vec;
use codec::Codec;
use ruralmed_primitives::OrganisationId;

sp_api::decl_runtime_apis! {
	/// Reads of the drug provenance pallet for clients such as polkadot.js.
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

		/// Organisations holding stock of `lot`, with their quantities (at most 100).
		fn holders_of(lot: LotId) -> Vec<(OrganisationId, u32)>;

		/// Dispensations of `lot` from position `from`, at most `count` (at most 100), with
		/// the linked patient records: whom a recall must reach.
		fn recall_reach(lot: LotId, from: u32, count: u32) -> Vec<(DispensationId, Dispensation<AccountId, BlockNumber>)>;
	}
}

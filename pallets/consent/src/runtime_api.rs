//! The runtime API dApps use to see consent: the access decision itself, a patient's grants,
//! and a patient's break-glass history.

use alloc::vec::Vec;
use codec::Codec;
use ruralmed_primitives::{AccessBasis, PurposeOfUse, RecordId};

sp_api::decl_runtime_apis! {
	/// Reads of the consent pallet for clients such as polkadot.js.
	///
	/// Version 2: `referrals_of` is paged.
	#[api_version(2)]
	pub trait ConsentApi<AccountId, Grant, Referral, Emergency>
	where
		AccountId: Codec,
		Grant: Codec,
		Referral: Codec,
		Emergency: Codec,
	{
		/// Whether `reader` may read `record` for `purpose` now, and on which basis. `None`
		/// for an unknown record, and for the patient and guardian themselves, who always may
		/// and need no basis.
		fn read_access(reader: AccountId, record: RecordId, purpose: PurposeOfUse) -> Option<AccessBasis>;

		/// Every grant of the patient (bounded by the runtime's per-patient limit).
		fn grants_of(patient: AccountId) -> Vec<Grant>;

		/// Every referral of the patient still on record (honoured or awaiting pruning), with
		/// its id. Unbounded over specialists: replaced in version 2.
		#[changed_in(2)]
		fn referrals_of(patient: AccountId) -> Vec<(u64, Referral)>;

		/// The patient's referrals still on record (honoured or awaiting pruning), with their
		/// ids, so the patient can see and revoke each: those to at most `count` specialists
		/// (and at most 100), starting after specialist `after` (`None` for the first page).
		/// The next page starts after the last referral's specialist; a shorter page is the
		/// last.
		fn referrals_of(patient: AccountId, after: Option<AccountId>, count: u32) -> Vec<(u64, Referral)>;

		/// The patient's break-glass accesses, oldest first, from position `from`, at most
		/// `count` (and at most 100).
		fn emergencies_of(patient: AccountId, from: u32, count: u32) -> Vec<(u64, Emergency)>;
	}
}

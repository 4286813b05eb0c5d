//! The runtime API dApps use to read patient records: paged, time-ordered, O(page) per call.

use alloc::vec::Vec;
use codec::Codec;
use ruralmed_primitives::{OrganisationId, RecordCategory, RecordId};

sp_api::decl_runtime_apis! {
	/// Reads of the patient records for clients such as polkadot.js.
	///
	/// Version 2: `may_write`. Version 3: `access_log_of`, `erasure`, `dispute`.
	pub trait PatientRecordsApi<AccountId, Patient, Record, AccessEntry, Erasure, Dispute>
	where
		AccountId: Codec,
		Patient: Codec,
		Record: Codec,
		AccessEntry: Codec,
		Erasure: Codec,
		Dispute: Codec,
	{
		/// The patient's records in time order, from position `from`, at most `count` of them
		/// (capped by the runtime's page size), each with its id.
		fn records_of(patient: AccountId, from: u64, count: u32) -> Vec<(RecordId, Record)>;

		/// One record by id.
		fn record(id: RecordId) -> Option<Record>;

		/// The patient's registration: guardian, record and access counts.
		fn patient(patient: AccountId) -> Option<Patient>;

		/// Whether `who` may anchor a record of `category` for `patient` now: acting for
		/// `organisation` as a practitioner with a write basis, or (`None`) as the patient or
		/// guardian self-reporting. A records vault asks this before accepting ciphertext.
		#[api_version(2)]
		fn may_write(
			who: AccountId,
			patient: AccountId,
			organisation: Option<OrganisationId>,
			category: RecordCategory,
		) -> bool;

		/// The patient's access trail (who read which record, why, on what basis, when) from
		/// position `from`, at most `count` entries (capped by the runtime's page size), each
		/// with its position. Positions from before the trail was stored are skipped.
		#[api_version(3)]
		fn access_log_of(patient: AccountId, from: u64, count: u32) -> Vec<(u64, AccessEntry)>;

		/// Whether, by whom and when a record was erased.
		#[api_version(3)]
		fn erasure(record: RecordId) -> Option<Erasure>;

		/// The patient's open dispute of a record, if any.
		#[api_version(3)]
		fn dispute(record: RecordId) -> Option<Dispute>;
	}
}

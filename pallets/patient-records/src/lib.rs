//! # Patient records pallet
//!
//! Every patient's medical history from every clinic, in time order, as anchors to encrypted
//! data kept off chain: the blake2-256 hash of the ciphertext (its address in a county records
//! vault), which care organisation runs that vault, its size, its FHIR category, who wrote it
//! for which organisation, and when. No health data and no free-form text is stored on chain;
//! `docs/privacy.md` lists exactly which metadata is public, and why.
//!
//! Records are encrypted off chain with a per-record data key; the key, wrapped for each
//! reader's X25519 key (published in the registry), is attached here as a *key share*.
//!
//! ## Roles
//! - **A patient** is an account. It registers itself with
//!   [`register_patient`](Pallet::register_patient); an active practitioner enrols it
//!   ([`register_patient_for`](Pallet::register_patient_for), paying its deposit); or an
//!   active practitioner of a care organisation *proposes* it with a **guardian** who acts for
//!   it ([`register_patient_with_guardian`](Pallet::register_patient_with_guardian)), and the
//!   patient is registered only when that guardian signs
//!   [`accept_guardianship`](Pallet::accept_guardianship). The practitioner may not name
//!   itself, and a pending proposal never blocks the account's own `register_patient`. The
//!   patient may later take sole control or change the guardian, and the authority may change
//!   the guardian too. A patient (or guardian) chooses its care organisations, anchors
//!   self-reported data, and attaches or removes key shares.
//! - **A practitioner**, active in an active care organisation, anchors records for patients
//!   it may write for, as [`Config::Access`] decides (the consent pallet in the runtime).
//! - **A reader** [`Config::Access`] allows logs each access; every access is an event and an
//!   entry of the patient's access trail ([`AccessLog`]), so the patient sees who looked at
//!   what, why and when. A records vault releases ciphertext only after that entry is final.
//! - **The patient (or guardian)** may also erase a record (its key shares go, its vault
//!   deletes the ciphertext, the anchor stays as history) and dispute a record (a flag with a
//!   reason code, answered by the author with an amendment).
//! - **The authority** ([`Config::AuthorityOrigin`]) may change a patient's guardian.
//!
//! ## Amendments
//! A record is never edited: an amendment is a new record naming the one it supersedes. It
//! must keep the old record's category. A clinical record may be amended only by its author or
//! by an active member of its organisation; self-reported data (by the patient or guardian)
//! may amend only self-reported data.
//!
//! ## Key shares
//! At most [`Config::MaxKeySharesPerRecord`] per record. An existing share may be replaced
//! only by its reader, the patient, the guardian or whoever attached it, and the patient's or
//! guardian's own share only by the patient or guardian. A share may be removed by its reader,
//! the patient, the guardian, or the record's author while still an active member of the
//! record's organisation.
//!
//! ## Free calls
//! A patient holds no tokens ([`register_patient_for`](Pallet::register_patient_for): the
//! practitioner who enrols them pays the deposit and the account is kept in existence). The
//! transaction extension [`FreePatientCalls`] wraps the fee extension: a call the runtime lists
//! in [`Config::FreeCalls`] as the signer's own business, signed by a registered patient, costs
//! no fee and counts against [`Config::FreeCallsPerPeriod`] per [`Config::FreeCallPeriod`]
//! ([`FreeCallsUsed`]); over the limit the transaction is invalid ([`FREE_CALLS_EXHAUSTED`]), so
//! the pool refuses it and nothing runs. A patient's own key shares hold no deposit (bounded by
//! [`Config::MaxKeySharesPerRecord`] per record, each record carrying its author's deposit).
//!
//! ## Guardians and consent
//! Changing the guardian does not touch consent grants: grants the old guardian made for the
//! patient stay in force until they expire or are revoked. The consent pallet lists each
//! grant's `granted_by` (runtime API `grants_of`), so the patient or new guardian should review
//! and revoke them after a change.
//!
//! ## Deposits
//! Every entry a user creates holds a deposit ([`HoldReason`]) from whoever signed for it:
//! - a **patient**: [`Config::PatientDeposit`], from the patient when self-registering, and
//!   from the registering practitioner when a practitioner enrols a patient
//!   ([`register_patient_for`](Pallet::register_patient_for)) or registers one with a guardian
//!   (held while the proposal is pending, released if it is withdrawn, expires unaccepted and
//!   is replaced, or the patient registers itself), so that a patient's first step costs the
//!   patient nothing;
//! - a **record**: [`Config::RecordDeposit`], from its author: the practitioner for a clinical
//!   record, the patient (or guardian) who signed a self-reported one;
//! - a **key share**: [`Config::KeyShareDeposit`], from whoever attached it, released to them
//!   when the share is removed or replaced; none from the record's patient attaching it.
//!
//! Patients and records are never removed (an erased record keeps its anchor), so their
//! deposits stay held. Access-trail entries, erasures and disputes take no deposit: there is at
//! most one erasure and one dispute per record (whose author paid a deposit), and an audit
//! entry must not be removable by the reader who paid for it; each is paid by its call's fee.
//!
//! ## Calls
//! [`register_patient`](Pallet::register_patient),
//! [`register_patient_for`](Pallet::register_patient_for),
//! [`register_patient_with_guardian`](Pallet::register_patient_with_guardian),
//! [`accept_guardianship`](Pallet::accept_guardianship),
//! [`withdraw_guardianship_proposal`](Pallet::withdraw_guardianship_proposal),
//! [`set_guardian`](Pallet::set_guardian), [`force_set_guardian`](Pallet::force_set_guardian),
//! [`add_care_organisation`](Pallet::add_care_organisation),
//! [`remove_care_organisation`](Pallet::remove_care_organisation),
//! [`anchor_record`](Pallet::anchor_record),
//! [`anchor_self_reported_record`](Pallet::anchor_self_reported_record),
//! [`attach_key_share`](Pallet::attach_key_share),
//! [`remove_key_share`](Pallet::remove_key_share), [`log_access`](Pallet::log_access),
//! [`erase_record`](Pallet::erase_record), [`dispute_record`](Pallet::dispute_record),
//! [`withdraw_dispute`](Pallet::withdraw_dispute).
//!
//! ## Reading
//! [`runtime_api::PatientRecordsApi`] pages through a patient's records in time order
//! (`records_of(patient, from, count)`) and looks records up by id. Every call and every query
//! costs O(1) in the number of records: the per-patient index is a map from position to id.
//!
//! ## Migrations
//! [`migrations::v2::MigrateV1ToV2`]: storage version 1 → 2 (vaults instead of locators,
//! deposits, key-share attachers and per-record counts).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod config_preludes;
mod extension;
mod features;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use extension::{
	FreeCallCost, FreeOrPaid, FreeOrPaidPre, FreePatientCalls, FREE_CALLS_EXHAUSTED,
};
pub use features::access::CareTeamAccess;
pub use features::free_calls::NotFree;
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use crate::FreeCallCost;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, MutateHold},
			UnixTime,
		},
	};
	use frame_system::pallet_prelude::*;
	use ruralmed_primitives::{
		AccessBasis, ContentHash, OrganisationId, PractitionerDirectory, PurposeOfUse,
		RecordAccess, RecordCategory, RecordId, StatisticsSink,
	};

	/// The balance type of [`Config::Currency`].
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// A patient as stored.
	pub type PatientOf<T> =
		Patient<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

	/// A pending guardianship proposal as stored.
	pub type GuardianshipProposalOf<T> = GuardianshipProposal<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
	>;

	/// A record anchor as stored.
	pub type RecordAnchorOf<T> =
		RecordAnchor<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

	/// A wrapped data key as stored, with who attached it and its deposit.
	pub type KeyShareOf<T> = KeyShare<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		<T as Config>::MaxKeyShareLength,
	>;

	/// An entry of a patient's access trail as stored.
	pub type AccessEntryOf<T> =
		AccessEntry<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	/// A record's erasure as stored.
	pub type ErasureOf<T> = Erasure<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	/// A patient's dispute of a record as stored.
	pub type DisputeOf<T> = Dispute<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// Holds the deposits of patients, records and key shares.
		#[pallet::no_default]
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		#[pallet::no_default_bounds]
		type RuntimeHoldReason: From<HoldReason>;

		/// Who is who: the registry.
		#[pallet::no_default]
		type Directory: PractitionerDirectory<Self::AccountId>;

		/// Who may read and write a patient's records: the consent pallet, or
		/// [`CareTeamAccess`] where there is none.
		#[pallet::no_default]
		type Access: RecordAccess<Self::AccountId>;

		/// May change any patient's guardian: the health council.
		#[pallet::no_default]
		type AuthorityOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Wall-clock time for record timestamps.
		#[pallet::no_default]
		type Time: UnixTime;

		/// Held for each registered patient: from the patient when self-registering, from the
		/// registering practitioner otherwise.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type PatientDeposit: Get<BalanceOf<Self>>;

		/// Held from the author of each record.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type RecordDeposit: Get<BalanceOf<Self>>;

		/// Held from whoever attaches a key share, until it is removed or replaced.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type KeyShareDeposit: Get<BalanceOf<Self>>;

		/// Blocks a guardian has to accept a practitioner's proposal.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type GuardianshipProposalPeriod: Get<BlockNumberFor<Self>>;

		/// Longest wrapped data key, in bytes.
		#[pallet::constant]
		type MaxKeyShareLength: Get<u32>;

		/// Most key shares one record can have.
		#[pallet::constant]
		type MaxKeySharesPerRecord: Get<u32>;

		/// Most care organisations one patient can have.
		#[pallet::constant]
		type MaxCareOrganisations: Get<u32>;

		/// Most records one runtime-API page returns.
		#[pallet::constant]
		type MaxPageSize: Get<u32>;

		/// Where what happens is counted for the regional statistics (the statistics pallet);
		/// `()` counts nothing.
		#[pallet::no_default_bounds]
		type Statistics: StatisticsSink<Self::AccountId>;

		/// The patients' own calls that cost them no fee ([`FreePatientCalls`]): the runtime
		/// lists them (they span pallets) and says whose business each is. Any other call is
		/// paid as usual.
		#[pallet::no_default_bounds]
		type FreeCalls: FreeCallCost<Self::AccountId, <Self as frame_system::Config>::RuntimeCall>;

		/// Most free calls one patient may make in a [`Config::FreeCallPeriod`]; the pool
		/// refuses the next ([`FREE_CALLS_EXHAUSTED`]).
		#[pallet::constant]
		type FreeCallsPerPeriod: Get<u32>;

		/// Blocks in a free-call period, counted from a patient's first free call after the
		/// previous period ended.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type FreeCallPeriod: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a registered (or proposed) patient.
		#[codec(index = 0)]
		PatientDeposit,
		/// The deposit of a record anchor.
		#[codec(index = 1)]
		RecordDeposit,
		/// The deposit of a key share.
		#[codec(index = 2)]
		KeyShareDeposit,
	}

	/// Registered patients.
	#[pallet::storage]
	pub type Patients<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, PatientOf<T>, OptionQuery>;

	/// Practitioners' proposals to register a patient with a guardian, by patient, until the
	/// guardian accepts, the proposal is withdrawn, or the patient registers itself.
	#[pallet::storage]
	pub type GuardianshipProposals<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, GuardianshipProposalOf<T>, OptionQuery>;

	/// The id the next record will get.
	#[pallet::storage]
	pub type NextRecordId<T> = StorageValue<_, RecordId, ValueQuery>;

	/// Record anchors by id.
	#[pallet::storage]
	pub type Records<T: Config> =
		StorageMap<_, Twox64Concat, RecordId, RecordAnchorOf<T>, OptionQuery>;

	/// Each patient's records in time order: (patient, position) → record id.
	#[pallet::storage]
	pub type PatientRecordIndex<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		u64,
		RecordId,
		OptionQuery,
	>;

	/// Each patient's care organisations (those that registered or treat them), with the block
	/// they were added in.
	#[pallet::storage]
	pub type CareOrganisations<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		OrganisationId,
		BlockNumberFor<T>,
		OptionQuery,
	>;

	/// Data keys wrapped for readers: (record, reader) → wrapped key, attacher and deposit.
	#[pallet::storage]
	pub type KeyShares<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		RecordId,
		Blake2_128Concat,
		T::AccountId,
		KeyShareOf<T>,
		OptionQuery,
	>;

	/// The number of key shares of each record, at most `MaxKeySharesPerRecord`.
	#[pallet::storage]
	pub type KeyShareCount<T> = StorageMap<_, Twox64Concat, RecordId, u32, ValueQuery>;

	/// Each patient's access trail: (patient, position) → who read which record, why, on what
	/// basis, when. The position is the patient's `access_count` before the access, so an
	/// append is one write and a page is O(page). Accesses logged before this storage existed
	/// (spec 102) are only in events, so early positions may be empty.
	#[pallet::storage]
	pub type AccessLog<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		u64,
		AccessEntryOf<T>,
		OptionQuery,
	>;

	/// Erased records: who erased each and when. At most one per record.
	#[pallet::storage]
	pub type Erasures<T: Config> = StorageMap<_, Twox64Concat, RecordId, ErasureOf<T>, OptionQuery>;

	/// Records the patient questions, until the dispute is withdrawn. At most one per record.
	#[pallet::storage]
	pub type Disputes<T: Config> = StorageMap<_, Twox64Concat, RecordId, DisputeOf<T>, OptionQuery>;

	/// Each patient's free calls in its current period ([`FreePatientCalls`]). At most one
	/// entry per registered patient, written only by the patient's own free calls.
	#[pallet::storage]
	pub type FreeCallsUsed<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		FreeCallUsage<BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// Patients and care organisations to register at genesis (the demo presets).
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(patient, guardian, care organisations)`; registered without deposits.
		pub patients:
			alloc::vec::Vec<(T::AccountId, Option<T::AccountId>, alloc::vec::Vec<OrganisationId>)>,
		/// For benchmarks only, as pallet-balances' `dev_accounts`: this many synthetic
		/// self-reported records (no deposit, no vault), a thousand to each of
		/// `ceil(n / 1000)` synthetic patients whose accounts nobody holds (see
		/// [`Pallet::synthetic_patient`]), so that per-call costs can be measured over a large
		/// state (`scripts/bench-tps.sh`, `TPS_RECORDS`). 0 in every preset.
		pub synthetic_records: u32,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::build_genesis(self)
				.expect("the patient-records genesis config is invalid");
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A patient was registered.
		PatientRegistered {
			/// The patient.
			patient: T::AccountId,
			/// The guardian, if registered with one (who accepted).
			guardian: Option<T::AccountId>,
			/// The organisation that registered the patient, if not self-registered.
			registered_by: Option<OrganisationId>,
		},
		/// A practitioner proposed to register a patient with a guardian, who must accept.
		GuardianshipProposed {
			/// The patient to be.
			patient: T::AccountId,
			/// The proposed guardian.
			guardian: T::AccountId,
			/// The organisation the practitioner acted for.
			org: OrganisationId,
			/// The practitioner.
			proposed_by: T::AccountId,
			/// The first block in which it can no longer be accepted.
			expires_at: BlockNumberFor<T>,
		},
		/// A guardianship proposal was dropped without registering the patient: withdrawn,
		/// declined, expired and replaced, or made moot by the patient registering itself.
		GuardianshipProposalDropped {
			/// The patient it was for.
			patient: T::AccountId,
			/// The guardian it named.
			guardian: T::AccountId,
		},
		/// A patient's guardian changed (to `None`: the patient took sole control).
		GuardianChanged {
			/// The patient.
			patient: T::AccountId,
			/// The new guardian.
			guardian: Option<T::AccountId>,
			/// Whether the authority made the change.
			by_authority: bool,
		},
		/// An organisation became one of the patient's care organisations.
		CareOrganisationAdded {
			/// The patient.
			patient: T::AccountId,
			/// The organisation.
			org: OrganisationId,
		},
		/// An organisation stopped being one of the patient's care organisations.
		CareOrganisationRemoved {
			/// The patient.
			patient: T::AccountId,
			/// The organisation.
			org: OrganisationId,
		},
		/// A record was anchored.
		RecordAnchored {
			/// The new record's id.
			record: RecordId,
			/// Whose record it is.
			patient: T::AccountId,
			/// Who anchored it.
			author: T::AccountId,
			/// The organisation the author acted for (`None` if self-reported).
			organisation: Option<OrganisationId>,
			/// The FHIR category.
			category: RecordCategory,
			/// The record it amends, if any.
			amends: Option<RecordId>,
			/// The basis the write was allowed on (`None` if self-reported).
			basis: Option<AccessBasis>,
		},
		/// A data key wrapped for a reader was attached to a record (or replaced).
		KeyShareAttached {
			/// The record.
			record: RecordId,
			/// The reader it is wrapped for.
			reader: T::AccountId,
			/// Who attached it.
			by: T::AccountId,
		},
		/// A reader's key share was removed.
		KeyShareRemoved {
			/// The record.
			record: RecordId,
			/// The reader.
			reader: T::AccountId,
			/// Who removed it.
			by: T::AccountId,
		},
		/// A reader accessed a record. Every access is an event, so the patient sees it.
		RecordAccessed {
			/// Whose record it is.
			patient: T::AccountId,
			/// The record.
			record: RecordId,
			/// Who read it.
			reader: T::AccountId,
			/// Why.
			purpose: PurposeOfUse,
			/// On what basis (`None` for the patient or guardian themself).
			basis: Option<AccessBasis>,
			/// Its position in the patient's access trail.
			position: u64,
		},
		/// A record was erased: its key shares are gone and its vault may delete the
		/// ciphertext; the anchor stays as history.
		RecordErased {
			/// The record.
			record: RecordId,
			/// Whose record it is.
			patient: T::AccountId,
			/// The patient or guardian who erased it.
			by: T::AccountId,
			/// How many key shares were removed (their deposits released).
			key_shares_removed: u32,
		},
		/// The patient questions a record.
		RecordDisputed {
			/// The record.
			record: RecordId,
			/// Whose record it is.
			patient: T::AccountId,
			/// The patient or guardian who raised it.
			by: T::AccountId,
			/// Why.
			reason: DisputeReason,
			/// The self-reported record with the patient's own words, if any.
			note: Option<RecordId>,
		},
		/// A dispute was withdrawn.
		DisputeWithdrawn {
			/// The record.
			record: RecordId,
			/// Whose record it is.
			patient: T::AccountId,
			/// The patient or guardian who withdrew it.
			by: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is registered as a patient already.
		AlreadyRegistered,
		/// The account is not a registered patient.
		UnknownPatient,
		/// The guardian would be the patient.
		GuardianIsPatient,
		/// The guardian is already what was asked.
		GuardianUnchanged,
		/// The caller is neither the patient nor their guardian.
		NotPatientOrGuardian,
		/// The caller is not an active practitioner of this active organisation.
		NotActivePractitioner,
		/// The organisation does not exist, is closed, or does not provide care.
		InvalidCareOrganisation,
		/// The organisation is already one of the patient's care organisations.
		AlreadyCareOrganisation,
		/// The organisation is not one of the patient's care organisations.
		NotCareOrganisation,
		/// The patient has `MaxCareOrganisations` care organisations already.
		TooManyCareOrganisations,
		/// The caller may not write this patient's records.
		NoWriteAccess,
		/// The caller may not read this record for this purpose.
		NoReadAccess,
		/// The vault is not an active care organisation.
		InvalidVault,
		/// A record cannot be empty.
		EmptyRecord,
		/// No record has this id.
		UnknownRecord,
		/// The amended record belongs to another patient.
		AmendsOtherPatientsRecord,
		/// The amended record has been superseded already; amend the latest version.
		AlreadySuperseded,
		/// The key share is empty or longer than `MaxKeyShareLength`.
		InvalidKeyShare,
		/// The reader may not read this record, so no key can be shared with it.
		ReaderNotPermitted,
		/// The caller may not attach or remove key shares of this record.
		NotPermitted,
		/// The reader has no key share for this record.
		NoKeyShare,
		/// A counter would overflow.
		Overflow,
		/// An amendment must keep the category of the record it amends.
		AmendmentChangesCategory,
		/// The caller may not amend this record: a clinical record only by its author or an
		/// active member of its organisation; self-reported data only self-reported data.
		MayNotAmend,
		/// The reader has a key share already, and only the reader, the patient, the guardian
		/// or whoever attached it may replace it (the patient's and guardian's own shares only
		/// they).
		MayNotReplaceKeyShare,
		/// The record has `MaxKeySharesPerRecord` key shares already.
		TooManyKeyShares,
		/// A practitioner may not propose itself as the guardian.
		GuardianIsRegistrar,
		/// A guardianship proposal for this patient is pending and has not expired.
		ProposalPending,
		/// No guardianship proposal for this patient is pending.
		NoProposal,
		/// The caller is not the guardian the proposal names.
		NotProposedGuardian,
		/// The proposal has expired.
		ProposalExpired,
		/// Only the proposer or the proposed guardian may withdraw a proposal before it
		/// expires.
		ProposalNotExpired,
		/// The record has been erased: it can no longer be read, shared, amended or disputed.
		RecordErased,
		/// The record is disputed already; withdraw the dispute first to raise another.
		AlreadyDisputed,
		/// The record is not disputed.
		NotDisputed,
		/// A dispute's note must be a self-reported record of the same patient, not erased.
		InvalidDisputeNote,
		/// A practitioner may not register their own account as a patient for themselves:
		/// they register themselves with [`Pallet::register_patient`].
		RegistrarIsPatient,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(
				T::MaxKeyShareLength::get() >= 72,
				"a key share must fit a wrapped 32-byte key"
			);
			assert!(T::MaxKeySharesPerRecord::get() >= 3, "patient, guardian and author shares");
			assert!(T::MaxCareOrganisations::get() > 0, "patients need a care organisation");
			assert!(T::MaxPageSize::get() > 0, "pages must hold a record");
			assert!(
				T::GuardianshipProposalPeriod::get() > 0u32.into(),
				"guardians need time to accept"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register the caller as a patient, managing their own records. Drops any pending
		/// guardianship proposal for the caller (releasing its proposer's deposit).
		///
		/// - Origin: the patient, signed. Holds [`Config::PatientDeposit`] from it.
		///
		/// Emits [`Event::PatientRegistered`], and [`Event::GuardianshipProposalDropped`] if a
		/// proposal was pending.
		///
		/// Errors: [`Error::AlreadyRegistered`]; the deposit cannot be held.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_patient())]
		pub fn register_patient(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_self_register(who)
		}

		/// Propose to register a patient who cannot manage keys (the elderly, a child) with a
		/// guardian who acts for them. Nothing is registered until the guardian accepts with
		/// [`Pallet::accept_guardianship`] within [`Config::GuardianshipProposalPeriod`];
		/// `org` then becomes the patient's first care organisation. An expired proposal for
		/// the same patient is replaced.
		///
		/// - Origin: an active practitioner of the active care organisation `org`, who is not
		///   `guardian`. Holds [`Config::PatientDeposit`] from it (the patient pays nothing).
		///
		/// Emits [`Event::GuardianshipProposed`] (and [`Event::GuardianshipProposalDropped`]
		/// for a replaced expired proposal).
		///
		/// Errors: [`Error::NotActivePractitioner`], [`Error::InvalidCareOrganisation`],
		/// [`Error::AlreadyRegistered`], [`Error::GuardianIsPatient`],
		/// [`Error::GuardianIsRegistrar`], [`Error::ProposalPending`]; the deposit cannot be
		/// held.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::register_patient_with_guardian())]
		pub fn register_patient_with_guardian(
			origin: OriginFor<T>,
			patient: T::AccountId,
			guardian: T::AccountId,
			org: OrganisationId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_propose_guardianship(who, patient, guardian, org)
		}

		/// Change one's own guardian; `None` takes sole control. Consent grants the old
		/// guardian made stay in force: review them (`grants_of`) and revoke as needed.
		///
		/// - Origin: the patient, signed.
		///
		/// Emits [`Event::GuardianChanged`].
		///
		/// Errors: [`Error::UnknownPatient`], [`Error::GuardianIsPatient`],
		/// [`Error::GuardianUnchanged`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_guardian())]
		pub fn set_guardian(
			origin: OriginFor<T>,
			guardian: Option<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_guardian(who, guardian, false)
		}

		/// Change a patient's guardian, e.g. when a guardian dies or abuses the role. Consent
		/// grants the old guardian made stay in force: the authority or the new guardian should
		/// review and revoke them.
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::GuardianChanged`].
		///
		/// Errors: [`Error::UnknownPatient`], [`Error::GuardianIsPatient`],
		/// [`Error::GuardianUnchanged`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_guardian())]
		pub fn force_set_guardian(
			origin: OriginFor<T>,
			patient: T::AccountId,
			guardian: Option<T::AccountId>,
		) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_set_guardian(patient, guardian, true)
		}

		/// Make an organisation one of the patient's care organisations: a public note of
		/// who treats the patient. Whether it gives that organisation any access depends on
		/// [`Config::Access`]: in the RuralMed runtime (the consent pallet) it gives **none**,
		/// only consent grants, referrals and break-glass do; only where [`CareTeamAccess`] is
		/// the access policy may its active practitioners read and write for treatment. So
		/// removing a care organisation revokes nothing in the runtime: revoke grants in the
		/// consent pallet.
		///
		/// - Origin: the patient or their guardian, signed.
		///
		/// Emits [`Event::CareOrganisationAdded`].
		///
		/// Errors: [`Error::UnknownPatient`], [`Error::NotPatientOrGuardian`],
		/// [`Error::InvalidCareOrganisation`], [`Error::AlreadyCareOrganisation`],
		/// [`Error::TooManyCareOrganisations`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::add_care_organisation())]
		pub fn add_care_organisation(
			origin: OriginFor<T>,
			patient: T::AccountId,
			org: OrganisationId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_patient_or_guardian(&who, &patient)?;
			Self::do_add_care_organisation(&patient, org)
		}

		/// Stop an organisation being one of the patient's care organisations. (In the
		/// runtime this revokes no access: see [`Pallet::add_care_organisation`].)
		///
		/// - Origin: the patient or their guardian, signed.
		///
		/// Emits [`Event::CareOrganisationRemoved`].
		///
		/// Errors: [`Error::UnknownPatient`], [`Error::NotPatientOrGuardian`],
		/// [`Error::NotCareOrganisation`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::remove_care_organisation())]
		pub fn remove_care_organisation(
			origin: OriginFor<T>,
			patient: T::AccountId,
			org: OrganisationId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_patient_or_guardian(&who, &patient)?;
			Self::do_remove_care_organisation(&patient, org)
		}

		/// Anchor a record written by a practitioner for `org`: the hash of its ciphertext,
		/// the care organisation whose vault keeps it (under that hash), its size and
		/// category, and optionally the record it amends (which is then marked superseded).
		///
		/// An amendment must keep the amended record's category, and the amended record must
		/// be a clinical record whose author is the caller or whose organisation the caller
		/// is an active member of.
		///
		/// - Origin: an active practitioner of the active care organisation `org`, whom
		///   [`Config::Access`] allows to write `category` for the patient. Holds
		///   [`Config::RecordDeposit`] from it.
		///
		/// Emits [`Event::RecordAnchored`].
		///
		/// Errors: [`Error::NotActivePractitioner`], [`Error::InvalidCareOrganisation`],
		/// [`Error::UnknownPatient`], [`Error::NoWriteAccess`], [`Error::InvalidVault`],
		/// [`Error::EmptyRecord`], [`Error::UnknownRecord`],
		/// [`Error::AmendsOtherPatientsRecord`], [`Error::AlreadySuperseded`],
		/// [`Error::AmendmentChangesCategory`], [`Error::MayNotAmend`], [`Error::RecordErased`],
		/// [`Error::Overflow`]; the deposit cannot be held.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::anchor_record(u32::from(amends.is_some()))
			.saturating_add(T::Statistics::note_weight()))]
		pub fn anchor_record(
			origin: OriginFor<T>,
			patient: T::AccountId,
			org: OrganisationId,
			category: RecordCategory,
			content_hash: ContentHash,
			vault: OrganisationId,
			size_bytes: u64,
			amends: Option<RecordId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(T::Directory::is_active_member(&who, org), Error::<T>::NotActivePractitioner);
			// Only organisations that treat patients author clinical records.
			ensure!(
				T::Directory::organisation(org).is_some_and(|o| o.kind.provides_care()),
				Error::<T>::InvalidCareOrganisation
			);
			ensure!(Patients::<T>::contains_key(&patient), Error::<T>::UnknownPatient);
			let basis = T::Access::write_basis(&who, org, &patient, category)
				.ok_or(Error::<T>::NoWriteAccess)?;
			Self::ensure_vault(vault)?;
			Self::do_anchor(
				who,
				patient,
				Some((org, basis)),
				category,
				content_hash,
				Some(vault),
				size_bytes,
				amends,
				T::RecordDeposit::get(),
			)
			.map(|_| ())
		}

		/// Anchor self-reported data (e.g. home blood-pressure readings), marked as such. It
		/// may amend only self-reported data of the same category.
		///
		/// - Origin: the patient or their guardian, signed. Holds [`Config::RecordDeposit`]
		///   from the caller.
		///
		/// Emits [`Event::RecordAnchored`].
		///
		/// Errors: [`Error::UnknownPatient`], [`Error::NotPatientOrGuardian`],
		/// [`Error::InvalidVault`], [`Error::EmptyRecord`], [`Error::UnknownRecord`],
		/// [`Error::AmendsOtherPatientsRecord`], [`Error::AlreadySuperseded`],
		/// [`Error::AmendmentChangesCategory`], [`Error::MayNotAmend`], [`Error::RecordErased`],
		/// [`Error::Overflow`]; the deposit cannot be held.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::anchor_self_reported_record(u32::from(amends.is_some())))]
		pub fn anchor_self_reported_record(
			origin: OriginFor<T>,
			patient: T::AccountId,
			category: RecordCategory,
			content_hash: ContentHash,
			vault: OrganisationId,
			size_bytes: u64,
			amends: Option<RecordId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_patient_or_guardian(&who, &patient)?;
			Self::ensure_vault(vault)?;
			Self::do_anchor(
				who,
				patient,
				None,
				category,
				content_hash,
				Some(vault),
				size_bytes,
				amends,
				T::RecordDeposit::get(),
			)
			.map(|_| ())
		}

		/// Attach a record's data key wrapped for `reader`'s X25519 key, or replace the
		/// reader's share. At most [`Config::MaxKeySharesPerRecord`] shares per record.
		///
		/// - Origin: the patient, their guardian, the record's author, or a reader
		///   [`Config::Access`] allows to read the record for `purpose`. To replace an
		///   existing share the caller must also be the reader, the patient, the guardian or
		///   whoever attached it; the patient's and guardian's own shares only they replace.
		///   Holds [`Config::KeyShareDeposit`] from the caller (a replaced share's deposit goes
		///   back to its attacher).
		/// - `reader` must be the patient, the guardian, the author, or allowed to read the
		///   record for `purpose`.
		///
		/// Emits [`Event::KeyShareAttached`].
		///
		/// Errors: [`Error::UnknownRecord`], [`Error::RecordErased`],
		/// [`Error::InvalidKeyShare`], [`Error::NotPermitted`], [`Error::ReaderNotPermitted`],
		/// [`Error::MayNotReplaceKeyShare`], [`Error::TooManyKeyShares`]; the deposit cannot be
		/// held.
		#[pallet::call_index(8)]
		// A new share (two costliest access checks) or a replaced one (the old deposit back
		// to another account): whichever costs more, in each dimension.
		#[pallet::weight(T::WeightInfo::attach_key_share().max(T::WeightInfo::replace_key_share()))]
		pub fn attach_key_share(
			origin: OriginFor<T>,
			record: RecordId,
			reader: T::AccountId,
			purpose: PurposeOfUse,
			wrapped_key: alloc::vec::Vec<u8>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_attach_key_share(who, record, reader, purpose, wrapped_key)
		}

		/// Remove a reader's key share, e.g. when its access has ended, releasing its deposit
		/// to whoever attached it.
		///
		/// - Origin: the reader (its own share), the patient, their guardian, or the record's
		///   author while an active member of the record's organisation. A suspended or
		///   revoked author, or anyone else, may remove only its own share.
		///
		/// Emits [`Event::KeyShareRemoved`].
		///
		/// Errors: [`Error::UnknownRecord`], [`Error::NoKeyShare`], [`Error::NotPermitted`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::remove_key_share())]
		pub fn remove_key_share(
			origin: OriginFor<T>,
			record: RecordId,
			reader: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_key_share(who, record, reader)
		}

		/// Log an access to a record, with its purpose: appended to the patient's access trail
		/// ([`AccessLog`], runtime API `access_log_of`) and emitted as an event. A records
		/// vault serves ciphertext only after the reader's own `log_access` is finalized.
		///
		/// - Origin: the patient, their guardian, or a reader [`Config::Access`] allows to read
		///   the record for `purpose`.
		///
		/// Emits [`Event::RecordAccessed`].
		///
		/// Errors: [`Error::UnknownRecord`], [`Error::RecordErased`], [`Error::NoReadAccess`],
		/// [`Error::Overflow`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::log_access())]
		pub fn log_access(
			origin: OriginFor<T>,
			record: RecordId,
			purpose: PurposeOfUse,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_log_access(who, record, purpose)
		}

		/// Accept a practitioner's proposal to be `patient`'s guardian: registers the patient
		/// with the caller as guardian and the proposal's organisation as first care
		/// organisation. The proposer's deposit stays held as the patient deposit.
		///
		/// - Origin: the guardian the pending, unexpired proposal names, signed.
		///
		/// Emits [`Event::PatientRegistered`] and [`Event::CareOrganisationAdded`].
		///
		/// Errors: [`Error::NoProposal`], [`Error::NotProposedGuardian`],
		/// [`Error::ProposalExpired`], [`Error::InvalidCareOrganisation`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::accept_guardianship())]
		pub fn accept_guardianship(origin: OriginFor<T>, patient: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_guardianship(who, patient)
		}

		/// Drop a pending guardianship proposal and release its deposit to the proposer.
		///
		/// - Origin: the proposer or the proposed guardian (declining), at any time; anyone
		///   once it has expired.
		///
		/// Emits [`Event::GuardianshipProposalDropped`].
		///
		/// Errors: [`Error::NoProposal`], [`Error::ProposalNotExpired`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::withdraw_guardianship_proposal())]
		pub fn withdraw_guardianship_proposal(
			origin: OriginFor<T>,
			patient: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_guardianship_proposal(who, patient)
		}

		/// Erase a record: the patient's right to have their data deleted. Removes every key
		/// share of the record (releasing their deposits to whoever attached them) and marks
		/// it erased, so its vault deletes the ciphertext when asked and nobody can read,
		/// share, amend or dispute it again; an open dispute of it is dropped. The anchor (hash, author, time) and the access
		/// trail stay as history; the record deposit stays held with the anchor.
		///
		/// - Origin: the record's patient or their guardian, signed.
		///
		/// Emits [`Event::RecordErased`].
		///
		/// Errors: [`Error::UnknownRecord`], [`Error::NotPatientOrGuardian`],
		/// [`Error::RecordErased`] (already erased).
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::erase_record(T::MaxKeySharesPerRecord::get()))]
		pub fn erase_record(origin: OriginFor<T>, record: RecordId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let removed = Self::do_erase_record(who, record)?;
			Ok(Some(T::WeightInfo::erase_record(removed)).into())
		}

		/// Question a record: it shows as disputed wherever it is shown, until withdrawn. The
		/// author answers with an amendment (the dispute stays on the old version). No words
		/// on chain: `note` may name a self-reported record of the same patient that holds
		/// the patient's own words, encrypted like any record.
		///
		/// - Origin: the record's patient or their guardian, signed.
		///
		/// Emits [`Event::RecordDisputed`].
		///
		/// Errors: [`Error::UnknownRecord`], [`Error::NotPatientOrGuardian`],
		/// [`Error::RecordErased`], [`Error::AlreadyDisputed`], [`Error::InvalidDisputeNote`].
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::dispute_record())]
		pub fn dispute_record(
			origin: OriginFor<T>,
			record: RecordId,
			reason: DisputeReason,
			note: Option<RecordId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dispute_record(who, record, reason, note)
		}

		/// Withdraw one's dispute of a record, e.g. once an amendment answered it.
		///
		/// - Origin: the record's patient or their guardian, signed.
		///
		/// Emits [`Event::DisputeWithdrawn`].
		///
		/// Errors: [`Error::UnknownRecord`], [`Error::NotPatientOrGuardian`],
		/// [`Error::NotDisputed`].
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::withdraw_dispute())]
		pub fn withdraw_dispute(origin: OriginFor<T>, record: RecordId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_dispute(who, record)
		}

		/// Register a patient who manages their own records, for them: the village doctor
		/// enrols the patient's account (shown as a QR code on the patient's phone), so that a
		/// patient who holds no tokens can begin. `org` becomes the patient's first care
		/// organisation. The patient's account is kept in existence (a provider reference), so
		/// it can sign with a zero balance; its own calls are then free
		/// ([`FreePatientCalls`]). An expired guardianship proposal for the account is
		/// dropped.
		///
		/// - Origin: an active practitioner of the active care organisation `org`, who is not
		///   `patient`. Holds [`Config::PatientDeposit`] from it (the patient pays nothing).
		///
		/// Emits [`Event::PatientRegistered`], [`Event::CareOrganisationAdded`] (and
		/// [`Event::GuardianshipProposalDropped`] for a dropped expired proposal).
		///
		/// Errors: [`Error::NotActivePractitioner`], [`Error::InvalidCareOrganisation`],
		/// [`Error::AlreadyRegistered`], [`Error::ProposalPending`],
		/// [`Error::RegistrarIsPatient`]; the deposit cannot be held.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::register_patient_for())]
		pub fn register_patient_for(
			origin: OriginFor<T>,
			patient: T::AccountId,
			org: OrganisationId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_for(who, patient, org)
		}
	}
}

//! # Patient records pallet
//!
//! Every patient's medical history from every clinic, in time order, as anchors to encrypted
//! data kept off chain: the blake2-256 hash of the ciphertext, a bounded locator (URI or content
//! id), its size, its FHIR category, who wrote it for which organisation, and when. No personal
//! health data is ever stored on chain.
//!
//! Records are encrypted off chain with a per-record data key; the key, wrapped for each
//! reader's X25519 key (published in the registry), is attached here as a *key share*.
//!
//! ## Roles
//! - **A patient** is an account. It registers itself, or a verified practitioner registers it
//!   with a **guardian** who acts for it; the patient may later take sole control or change the
//!   guardian, and the authority may change the guardian too. A patient (or guardian) chooses
//!   its care organisations, anchors self-reported data, and attaches or removes key shares.
//! - **A practitioner**, active in an active organisation, anchors records for patients it may
//!   write for, as [`Config::Access`] decides (the consent pallet in the runtime; until a
//!   patient grants anything, the patient's care organisations).
//! - **A reader** [`Config::Access`] allows logs each access; every access is an event and is
//!   counted per patient, so the patient sees who looked at what and why.
//! - **The authority** ([`Config::AuthorityOrigin`]) may change a patient's guardian.
//!
//! ## Calls
//! [`register_patient`](Pallet::register_patient),
//! [`register_patient_with_guardian`](Pallet::register_patient_with_guardian),
//! [`set_guardian`](Pallet::set_guardian), [`force_set_guardian`](Pallet::force_set_guardian),
//! [`add_care_organisation`](Pallet::add_care_organisation),
//! [`remove_care_organisation`](Pallet::remove_care_organisation),
//! [`anchor_record`](Pallet::anchor_record),
//! [`anchor_self_reported_record`](Pallet::anchor_self_reported_record),
//! [`attach_key_share`](Pallet::attach_key_share),
//! [`remove_key_share`](Pallet::remove_key_share), [`log_access`](Pallet::log_access).
//!
//! ## Reading
//! [`runtime_api::PatientRecordsApi`] pages through a patient's records in time order
//! (`records_of(patient, from, count)`) and looks records up by id. Every call and every query
//! costs O(1) in the number of records: the per-patient index is a map from position to id.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use features::access::CareTeamAccess;
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use ruralmed_primitives::{
		AccessBasis, ContentHash, OrganisationId, PractitionerDirectory, PurposeOfUse,
		RecordAccess, RecordCategory, RecordId,
	};

	/// A patient as stored.
	pub type PatientOf<T> = Patient<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	/// A record anchor as stored.
	pub type RecordAnchorOf<T> = RecordAnchor<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxLocatorLength,
	>;

	/// A wrapped data key as stored.
	pub type KeyShareOf<T> = BoundedVec<u8, <T as Config>::MaxKeyShareLength>;

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Who is who: the registry.
		type Directory: PractitionerDirectory<Self::AccountId>;

		/// Who may read and write a patient's records: the consent pallet, or
		/// [`CareTeamAccess`] where there is none.
		type Access: RecordAccess<Self::AccountId>;

		/// May change any patient's guardian: the health council.
		type AuthorityOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Wall-clock time for record timestamps.
		type Time: UnixTime;

		/// Longest locator (URI or content id), in bytes.
		#[pallet::constant]
		type MaxLocatorLength: Get<u32>;

		/// Longest wrapped data key, in bytes.
		#[pallet::constant]
		type MaxKeyShareLength: Get<u32>;

		/// Most care organisations one patient can have.
		#[pallet::constant]
		type MaxCareOrganisations: Get<u32>;

		/// Most records one runtime-API page returns.
		#[pallet::constant]
		type MaxPageSize: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Registered patients.
	#[pallet::storage]
	pub type Patients<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, PatientOf<T>, OptionQuery>;

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

	/// Data keys wrapped for readers: (record, reader) → wrapped key.
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

	/// Patients and care organisations to register at genesis (the demo presets).
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(patient, guardian, care organisations)`.
		pub patients:
			alloc::vec::Vec<(T::AccountId, Option<T::AccountId>, alloc::vec::Vec<OrganisationId>)>,
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
			/// The guardian, if a practitioner registered the patient with one.
			guardian: Option<T::AccountId>,
			/// The organisation that registered the patient, if not self-registered.
			registered_by: Option<OrganisationId>,
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
		/// The locator is empty or longer than `MaxLocatorLength`.
		InvalidLocator,
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
		/// The reader still has access, and only the patient, guardian, author or reader
		/// may remove the share while it does.
		AccessStillValid,
		/// A counter would overflow.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxLocatorLength::get() >= 46, "a locator must fit a CIDv0 (46 bytes)");
			assert!(
				T::MaxKeyShareLength::get() >= 72,
				"a key share must fit a wrapped 32-byte key"
			);
			assert!(T::MaxCareOrganisations::get() > 0, "patients need a care organisation");
			assert!(T::MaxPageSize::get() > 0, "pages must hold a record");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register the caller as a patient, managing their own records.
		///
		/// - Origin: the patient, signed.
		///
		/// Emits [`Event::PatientRegistered`].
		///
		/// Errors: [`Error::AlreadyRegistered`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_patient())]
		pub fn register_patient(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register(who, None, None)
		}

		/// Register a patient who cannot manage keys (the elderly, a child) with a guardian
		/// who acts for them. `org` becomes the patient's first care organisation.
		///
		/// - Origin: an active practitioner of the active care organisation `org`.
		///
		/// Emits [`Event::PatientRegistered`] and [`Event::CareOrganisationAdded`].
		///
		/// Errors: [`Error::NotActivePractitioner`], [`Error::InvalidCareOrganisation`],
		/// [`Error::AlreadyRegistered`], [`Error::GuardianIsPatient`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::register_patient_with_guardian())]
		pub fn register_patient_with_guardian(
			origin: OriginFor<T>,
			patient: T::AccountId,
			guardian: T::AccountId,
			org: OrganisationId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(T::Directory::is_active_member(&who, org), Error::<T>::NotActivePractitioner);
			ensure!(patient != guardian, Error::<T>::GuardianIsPatient);
			Self::do_register(patient, Some(guardian), Some(org))
		}

		/// Change one's own guardian; `None` takes sole control.
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

		/// Change a patient's guardian, e.g. when a guardian dies or abuses the role.
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

		/// Make an organisation one of the patient's care organisations. Until the patient
		/// grants consent through the consent pallet, care organisations' active practitioners
		/// may read and write the patient's records for treatment.
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

		/// Stop an organisation being one of the patient's care organisations.
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
		/// where the ciphertext is, its size and category, and optionally the record it amends
		/// (which is then marked superseded).
		///
		/// - Origin: an active practitioner of the active organisation `org`, whom
		///   [`Config::Access`] allows to write for the patient.
		///
		/// Emits [`Event::RecordAnchored`].
		///
		/// Errors: [`Error::NotActivePractitioner`], [`Error::UnknownPatient`],
		/// [`Error::NoWriteAccess`], [`Error::InvalidLocator`], [`Error::EmptyRecord`],
		/// [`Error::UnknownRecord`], [`Error::AmendsOtherPatientsRecord`],
		/// [`Error::AlreadySuperseded`], [`Error::Overflow`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::anchor_record())]
		pub fn anchor_record(
			origin: OriginFor<T>,
			patient: T::AccountId,
			org: OrganisationId,
			category: RecordCategory,
			content_hash: ContentHash,
			locator: alloc::vec::Vec<u8>,
			size_bytes: u64,
			amends: Option<RecordId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(T::Directory::is_active_member(&who, org), Error::<T>::NotActivePractitioner);
			ensure!(Patients::<T>::contains_key(&patient), Error::<T>::UnknownPatient);
			let basis = T::Access::write_basis(&who, org, &patient, category)
				.ok_or(Error::<T>::NoWriteAccess)?;
			Self::do_anchor(
				who,
				patient,
				Some((org, basis)),
				category,
				content_hash,
				locator,
				size_bytes,
				amends,
			)
			.map(|_| ())
		}

		/// Anchor self-reported data (e.g. home blood-pressure readings), marked as such.
		///
		/// - Origin: the patient or their guardian, signed.
		///
		/// Emits [`Event::RecordAnchored`].
		///
		/// Errors: [`Error::UnknownPatient`], [`Error::NotPatientOrGuardian`],
		/// [`Error::InvalidLocator`], [`Error::EmptyRecord`], [`Error::UnknownRecord`],
		/// [`Error::AmendsOtherPatientsRecord`], [`Error::AlreadySuperseded`],
		/// [`Error::Overflow`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::anchor_self_reported_record())]
		pub fn anchor_self_reported_record(
			origin: OriginFor<T>,
			patient: T::AccountId,
			category: RecordCategory,
			content_hash: ContentHash,
			locator: alloc::vec::Vec<u8>,
			size_bytes: u64,
			amends: Option<RecordId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_patient_or_guardian(&who, &patient)?;
			Self::do_anchor(who, patient, None, category, content_hash, locator, size_bytes, amends)
				.map(|_| ())
		}

		/// Attach a record's data key wrapped for `reader`'s X25519 key (replacing any earlier
		/// share for that reader).
		///
		/// - Origin: the patient, their guardian, the record's author, or a reader
		///   [`Config::Access`] allows to read the record for `purpose`.
		/// - `reader` must be the patient, the guardian, the author, or allowed to read the
		///   record for `purpose`.
		///
		/// Emits [`Event::KeyShareAttached`].
		///
		/// Errors: [`Error::UnknownRecord`], [`Error::InvalidKeyShare`],
		/// [`Error::NotPermitted`], [`Error::ReaderNotPermitted`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::attach_key_share())]
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

		/// Remove a reader's key share, e.g. when its access has ended. While the reader still
		/// has access for any purpose, only the patient, guardian, author or reader may remove
		/// it; after, anyone may.
		///
		/// - Origin: signed.
		///
		/// Emits [`Event::KeyShareRemoved`].
		///
		/// Errors: [`Error::UnknownRecord`], [`Error::NoKeyShare`],
		/// [`Error::AccessStillValid`].
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

		/// Log an access to a record, with its purpose. The access is counted against the
		/// patient and emitted as an event.
		///
		/// - Origin: the patient, their guardian, or a reader [`Config::Access`] allows to read
		///   the record for `purpose`.
		///
		/// Emits [`Event::RecordAccessed`].
		///
		/// Errors: [`Error::UnknownRecord`], [`Error::NoReadAccess`], [`Error::Overflow`].
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
	}
}

//! # Consent pallet
//!
//! The patient decides who may read which of their records, for what, and for how long. This
//! pallet is the runtime's [`RecordAccess`](ruralmed_primitives::RecordAccess): the patient
//! records ask it before an anchor, a key share or an access log.
//!
//! ## Grants (after the HL7 FHIR Consent resource)
//! A patient (or guardian) grants a **grantee** — one practitioner, or an organisation's active
//! practitioners of listed roles — access for some **purposes of use** (treatment, referral,
//! research, public health) over a **scope** (all records, some categories, or a list of
//! records), from a start block to an expiry block, optionally with the right to anchor new
//! records and to refer onwards. Each grant holds [`Config::GrantDeposit`] from the granter.
//!
//! Periods are block numbers, start inclusive and expiry exclusive: the chain agrees on them
//! exactly, and no hook has to run for a grant to lapse, because every check compares against
//! the current block. [`prune_expired_grants`](Pallet::prune_expired_grants) removes lapsed
//! grants of one patient and grantee (a bounded bucket) and refunds their deposits.
//!
//! Revocation takes effect in the same block, ends the grant's referrals (a referral is only
//! honoured while its grant is), and emits [`Event::ConsentRevoked`] so that off-chain key
//! holders can re-encrypt; the grantee's key shares may then be removed by anyone.
//!
//! ## Teleconsultation referrals
//! A practitioner covered by a treatment grant that allows referral may refer the patient to
//! a practitioner of another organisation, for a period within the grant's and at most
//! [`Config::MaxReferralDuration`] long, over a scope no wider than the grant's, for the
//! `Referral` purpose only, never to be referred on, to a care organisation. The patient sees
//! and may revoke each referral; the specialist may anchor a consultation report (`Document`)
//! if it says so and the grant allows writing new documents. A referral lends the referrer's
//! access: it is honoured only while the referrer is still an active practitioner of the
//! organisation it referred for and still covered by the grant.
//!
//! ## Break-glass emergency access
//! A verified practitioner without a treatment grant over all records may open emergency access
//! to a patient's records for a care organisation they are an active member of. The reason
//! code and the written justification stay off chain (they are health data); the chain keeps
//! only a commitment to both, [`emergency_commitment`]. The access lasts at most
//! [`Config::MaxEmergencyDuration`] blocks, cannot be extended, ends early if the practitioner
//! leaves or is suspended or the organisation is, and is rate-limited per practitioner over a
//! sliding window (no [`Config::EmergencyRateWindow`] blocks ever hold more than
//! [`Config::MaxEmergenciesPerWindow`] openings). The patient (or guardian) accepts or disputes
//! it; a dispute, or no review within [`Config::EmergencyReviewPeriod`] blocks, escalates it to
//! the [`Config::AuthorityOrigin`], which clears the practitioner or suspends them through the
//! registry. Until the authority resolves a dispute, the practitioner cannot break the glass on
//! that patient again.
//!
//! ## The access decision
//! [`Pallet::read_decision`] and [`Pallet::write_decision`] are the whole policy. For a reader
//! who is neither the patient nor the guardian (the patient records let those through), read
//! access to record `r` of patient `p` for purpose `u` at block `now` is allowed exactly when
//! one row holds, checked in this order:
//!
//! | basis | row |
//! | --- | --- |
//! | `Grant(g)` | `g` is to the reader as a practitioner; the reader's licence is active; `starts_at ≤ now < expires_at`; `u ∈ purposes`; the scope covers `r` |
//! | `Grant(g)` | `g` is to an organisation the reader is an active member of (licence active, affiliated, organisation active) with the reader's role listed (or none listed); period, purpose and scope as above |
//! | `Referral(f)` | `f` is to the reader; the reader is an active member of `f`'s specialist organisation; `f`'s grant still exists and is in its period; the referrer is still an active member of `f`'s referrer organisation and covered by the grant (the grant is to the referrer, or to that organisation with the referrer's role listed or none); `starts_at ≤ now < expires_at` of `f`; `u = Referral`; `f`'s scope covers `r` |
//! | `Emergency(e)` | the reader's break-glass `e` on `p` is `Open` or `Accepted`; `now < expires_at`; `u = Emergency`; the reader is an active member of the (active) organisation `e` was opened for |
//!
//! Everything else is refused: expired, revoked or not-yet-started grants, a purpose or record
//! outside the grant, a suspended grantee, an organisation grant after the practitioner left,
//! a referral whose grant was revoked or expired or whose referrer lost standing, a disputed or
//! lapsed emergency access.
//!
//! Writing a new record of category `c` for organisation `o` is allowed on a grant as above
//! with `can_write`, the treatment purpose, a scope that admits new records of `c`, and the
//! author an active member of `o` (for organisation grants, `o` must be the grantee); on a
//! referral in force as in row 3 with `may_report`, `c = Document`, `o` the specialist
//! organisation, and a grant that still allows writing new `Document` records for treatment;
//! on an open emergency access opened for `o`.
//!
//! Every check reads a bounded number of entries: the reader's grants from this patient (at
//! most [`Config::MaxGrantsPerGrantee`] per practitioner and per affiliated organisation), its
//! referrals ([`Config::MaxReferralsPerSpecialist`], each with its grant and its referrer's and
//! specialist's standing and organisations), and one emergency entry and its organisation.
//!
//! ## Storage versions
//! Version 2 ([`migrations::v2::MigrateV1ToV2`]) drops the plaintext break-glass reason, keeps
//! rate-limit openings per block, and counts unresolved disputes.
//!
//! ## Calls
//! [`grant_consent`](Pallet::grant_consent), [`revoke_consent`](Pallet::revoke_consent),
//! [`prune_expired_grants`](Pallet::prune_expired_grants), [`refer`](Pallet::refer),
//! [`revoke_referral`](Pallet::revoke_referral), [`prune_referral`](Pallet::prune_referral),
//! [`open_emergency_access`](Pallet::open_emergency_access),
//! [`review_emergency_access`](Pallet::review_emergency_access),
//! [`escalate_unreviewed`](Pallet::escalate_unreviewed),
//! [`resolve_emergency_access`](Pallet::resolve_emergency_access).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod config_preludes;
mod features;
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
	use ruralmed_primitives::{
		ContentHash, OrganisationId, PatientDirectory, PractitionerDirectory, StatisticsSink,
	};

	/// The balance type of [`Config::Currency`].
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A grant as stored.
	pub type GrantOf<T> =
		Grant<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	/// A referral as stored.
	pub type ReferralOf<T> = Referral<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// An emergency access as stored.
	pub type EmergencyAccessOf<T> =
		EmergencyAccess<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// The grants of one patient to one grantee.
	pub type GrantBucket<T> = BoundedVec<GrantOf<T>, <T as Config>::MaxGrantsPerGrantee>;

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// Holds grant deposits.
		#[pallet::no_default]
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The overarching hold reason.
		#[pallet::no_default_bounds]
		type RuntimeHoldReason: From<HoldReason>;
		/// Who is who: the registry.
		#[pallet::no_default]
		type Directory: PractitionerDirectory<Self::AccountId>;
		/// Who the patients and their guardians are: the patient records.
		#[pallet::no_default]
		type Patients: PatientDirectory<Self::AccountId>;
		/// Resolves escalated emergency accesses: the health council.
		#[pallet::no_default]
		type AuthorityOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Held from the granter for each grant until it is revoked or pruned.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type GrantDeposit: Get<BalanceOf<Self>>;
		/// Most grants one patient may hold to one grantee.
		#[pallet::constant]
		type MaxGrantsPerGrantee: Get<u32>;
		/// Most grants one patient may hold in all.
		#[pallet::constant]
		type MaxGrantsPerPatient: Get<u32>;
		/// Most referrals of one patient to one specialist at a time.
		#[pallet::constant]
		type MaxReferralsPerSpecialist: Get<u32>;
		/// Longest referral, in blocks.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type MaxReferralDuration: Get<BlockNumberFor<Self>>;
		/// Longest break-glass access, in blocks.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type MaxEmergencyDuration: Get<BlockNumberFor<Self>>;
		/// Blocks after a break-glass access is opened within which the patient must review it.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type EmergencyReviewPeriod: Get<BlockNumberFor<Self>>;
		/// Length of the window break-glass use is counted over, in blocks.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type EmergencyRateWindow: Get<BlockNumberFor<Self>>;
		/// Most break-glass accesses one practitioner may open per window.
		#[pallet::constant]
		type MaxEmergenciesPerWindow: Get<u32>;
		/// Where what happens is counted for the regional statistics (the statistics pallet);
		/// `()` counts nothing.
		#[pallet::no_default_bounds]
		type Statistics: StatisticsSink<Self::AccountId>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a consent grant.
		#[codec(index = 0)]
		GrantDeposit,
	}

	/// The id the next grant will get.
	#[pallet::storage]
	pub type NextGrantId<T> = StorageValue<_, GrantId, ValueQuery>;

	/// The id the next referral will get.
	#[pallet::storage]
	pub type NextReferralId<T> = StorageValue<_, ReferralId, ValueQuery>;

	/// The id the next emergency access will get.
	#[pallet::storage]
	pub type NextEmergencyId<T> = StorageValue<_, EmergencyId, ValueQuery>;

	/// Grants, by patient and grantee: a bounded bucket, so an access check reads one entry.
	#[pallet::storage]
	pub type Grants<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		GranteeKey<T::AccountId>,
		GrantBucket<T>,
		ValueQuery,
	>;

	/// Where each grant is stored.
	#[pallet::storage]
	pub type GrantLocations<T: Config> =
		StorageMap<_, Twox64Concat, GrantId, (T::AccountId, GranteeKey<T::AccountId>), OptionQuery>;

	/// Number of grants each patient holds.
	#[pallet::storage]
	pub type GrantCount<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Referrals by id.
	#[pallet::storage]
	pub type Referrals<T: Config> =
		StorageMap<_, Twox64Concat, ReferralId, ReferralOf<T>, OptionQuery>;

	/// Referrals of each patient to each specialist.
	#[pallet::storage]
	pub type ReferralsTo<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<ReferralId, T::MaxReferralsPerSpecialist>,
		ValueQuery,
	>;

	/// Break-glass accesses by id; kept for the audit trail.
	#[pallet::storage]
	pub type EmergencyAccesses<T: Config> =
		StorageMap<_, Twox64Concat, EmergencyId, EmergencyAccessOf<T>, OptionQuery>;

	/// The latest break-glass access of each practitioner on each patient.
	#[pallet::storage]
	pub type LatestEmergency<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		EmergencyId,
		OptionQuery,
	>;

	/// Each patient's break-glass accesses, in order: (patient, position) → id.
	#[pallet::storage]
	pub type PatientEmergencies<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		u32,
		EmergencyId,
		OptionQuery,
	>;

	/// Number of break-glass accesses on each patient.
	#[pallet::storage]
	pub type PatientEmergencyCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Break-glass accesses awaiting the authority.
	#[pallet::storage]
	pub type Escalated<T: Config> = StorageMap<_, Twox64Concat, EmergencyId, (), OptionQuery>;

	/// The blocks each practitioner opened break-glass accesses in, oldest first, within the
	/// last [`Config::EmergencyRateWindow`] blocks (older ones are dropped at the next opening):
	/// a sliding window, so no span of that length ever holds more than
	/// [`Config::MaxEmergenciesPerWindow`] openings.
	#[pallet::storage]
	pub type EmergencyUsageOf<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<BlockNumberFor<T>, T::MaxEmergenciesPerWindow>,
		ValueQuery,
	>;

	/// Number of each practitioner's break-glass accesses on each patient that the patient
	/// disputed and the authority has not resolved yet, by (patient, practitioner). While it is
	/// not zero the practitioner cannot break the glass on that patient again.
	#[pallet::storage]
	pub type UnresolvedDisputes<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		u32,
		ValueQuery,
	>;

	/// Grants to set up at genesis (the demo presets): each over all records from block 0,
	/// without deposit.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(patient, organisation, purposes, expires_at, can_write, allow_referral)`: a grant
		/// to every active practitioner of the organisation.
		pub organisation_grants: alloc::vec::Vec<(
			T::AccountId,
			OrganisationId,
			alloc::vec::Vec<ruralmed_primitives::PurposeOfUse>,
			BlockNumberFor<T>,
			bool,
			bool,
		)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (patient, org, purposes, expires_at, can_write, allow_referral) in
				&self.organisation_grants
			{
				let purposes = Purposes::try_from(purposes.clone())
					.expect("genesis grant lists at most five purposes");
				Pallet::<T>::insert_genesis_grant(
					patient,
					*org,
					purposes,
					*expires_at,
					*can_write,
					*allow_referral,
				)
				.expect("genesis grant is valid");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A patient granted consent.
		ConsentGranted {
			/// The grant.
			grant: GrantId,
			/// Whose records.
			patient: T::AccountId,
			/// To whom.
			grantee: Grantee<T::AccountId>,
			/// First block it is honoured in.
			starts_at: BlockNumberFor<T>,
			/// First block it is no longer honoured in.
			expires_at: BlockNumberFor<T>,
		},
		/// A patient revoked a grant; its referrals end with it. Holders of data keys shared
		/// with the grantee should re-encrypt, and its key shares may be removed.
		ConsentRevoked {
			/// The grant.
			grant: GrantId,
			/// Whose records.
			patient: T::AccountId,
			/// Who lost access.
			grantee: Grantee<T::AccountId>,
		},
		/// An expired grant was removed and its deposit refunded.
		GrantPruned {
			/// The grant.
			grant: GrantId,
			/// Whose records.
			patient: T::AccountId,
		},
		/// A grantee referred the patient to a specialist.
		ReferralCreated {
			/// The referral.
			referral: ReferralId,
			/// The grant it derives from.
			grant: GrantId,
			/// Whose records.
			patient: T::AccountId,
			/// Who referred.
			referrer: T::AccountId,
			/// Referred to.
			specialist: T::AccountId,
			/// The specialist's organisation.
			specialist_org: OrganisationId,
			/// First block it is no longer honoured in.
			expires_at: BlockNumberFor<T>,
		},
		/// A referral was revoked (by the patient, guardian or referrer) or pruned.
		ReferralEnded {
			/// The referral.
			referral: ReferralId,
			/// Whose records.
			patient: T::AccountId,
			/// Who ended it.
			by: T::AccountId,
		},
		/// A practitioner broke the glass. The patient must review it.
		EmergencyAccessOpened {
			/// The emergency access.
			emergency: EmergencyId,
			/// Whose records.
			patient: T::AccountId,
			/// Who broke the glass.
			practitioner: T::AccountId,
			/// For which organisation.
			org: OrganisationId,
			/// The commitment to the reason and the written justification
			/// ([`emergency_commitment`]); neither is on chain.
			justification: ContentHash,
			/// First block it no longer grants access in.
			expires_at: BlockNumberFor<T>,
			/// Review deadline.
			review_by: BlockNumberFor<T>,
		},
		/// The patient (or guardian) accepted a break-glass access.
		EmergencyAccessAccepted {
			/// The emergency access.
			emergency: EmergencyId,
		},
		/// A break-glass access went to the authority: disputed, or not reviewed in time.
		EmergencyAccessEscalated {
			/// The emergency access.
			emergency: EmergencyId,
			/// Whether the patient disputed it (else it was not reviewed in time).
			disputed: bool,
		},
		/// The authority resolved an escalated break-glass access.
		EmergencyAccessResolved {
			/// The emergency access.
			emergency: EmergencyId,
			/// Whether the practitioner was suspended.
			sanctioned: bool,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller is neither the (registered) patient nor their guardian.
		NotPatientOrGuardian,
		/// The purposes are empty or repeat one.
		InvalidPurposes,
		/// The scope is empty or repeats an entry.
		InvalidScope,
		/// The period is empty, already over, or (for referrals and break-glass) too long.
		InvalidPeriod,
		/// The grantee is no known practitioner or open organisation, or the roles repeat.
		InvalidGrantee,
		/// The patient holds the most grants allowed, in all or to this grantee.
		TooManyGrants,
		/// A grant that allows referral must be for treatment.
		ReferralNeedsTreatment,
		/// No grant has this id.
		UnknownGrant,
		/// No expired grant of this patient and grantee was found.
		NothingToPrune,
		/// The referrer is not covered by this grant now.
		NotCoveredByGrant,
		/// The grant does not allow referral for treatment.
		ReferralNotAllowed,
		/// A referral must go to another organisation.
		SameOrganisation,
		/// The specialist is not an active practitioner of the specialist organisation.
		SpecialistNotActive,
		/// The referral's scope is wider than the grant's.
		ScopeTooWide,
		/// The patient has the most referrals to this specialist allowed.
		TooManyReferrals,
		/// No referral has this id.
		UnknownReferral,
		/// Only the patient, guardian or referrer may revoke a referral.
		NotPermitted,
		/// The referral is still honoured; only its parties may end it.
		ReferralStillValid,
		/// The caller is not an active practitioner of this active care organisation.
		NotActivePractitioner,
		/// The patient is not registered.
		UnknownPatient,
		/// The practitioner already holds access to this patient's records for treatment.
		AlreadyHasAccess,
		/// The practitioner's break-glass access on this patient is still open; it cannot be
		/// extended, only declared anew after it ends.
		EmergencyAccessStillOpen,
		/// The practitioner opened the most break-glass accesses allowed in this window.
		RateLimited,
		/// No break-glass access has this id.
		UnknownEmergency,
		/// The break-glass access is no longer open for review.
		NotReviewable,
		/// The review period has not ended yet.
		ReviewPeriodNotOver,
		/// The break-glass access is not awaiting the authority.
		NotEscalated,
		/// A counter would overflow.
		Overflow,
		/// The patient disputed an earlier break-glass access of this practitioner, and the
		/// authority has not resolved it yet.
		EmergencyAccessDisputed,
		/// A referral may allow a consultation report only on a grant that allows writing new
		/// `Document` records.
		ReportNotAllowed,
		/// The specialist organisation does not provide care.
		NotCareOrganisation,
	}

	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// Most records a scope may list.
		pub fn max_scope_records() -> u32 {
			MAX_SCOPE_RECORDS
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			use sp_runtime::traits::Zero;
			assert!(T::MaxGrantsPerGrantee::get() > 0, "a patient must be able to grant");
			assert!(
				T::MaxGrantsPerPatient::get() >= T::MaxGrantsPerGrantee::get(),
				"per-patient grant limit below per-grantee limit"
			);
			assert!(T::MaxReferralsPerSpecialist::get() > 0, "referrals must be possible");
			assert!(!T::MaxEmergencyDuration::get().is_zero(), "break-glass must last a block");
			assert!(
				T::EmergencyReviewPeriod::get() >= T::MaxEmergencyDuration::get(),
				"the review period must outlast the access"
			);
			assert!(T::MaxEmergenciesPerWindow::get() > 0, "break-glass must be possible");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Grant `grantee` access to `patient`'s records for `purposes` over `scope`, from
		/// block `starts_at` (inclusive) to `expires_at` (exclusive), optionally with the right
		/// to anchor new records (`can_write`) and to refer onwards (`allow_referral`, which
		/// needs the treatment purpose). Holds [`Config::GrantDeposit`] from the caller.
		///
		/// - Origin: the patient or their guardian, signed.
		///
		/// Emits [`Event::ConsentGranted`].
		///
		/// Errors: [`Error::NotPatientOrGuardian`], [`Error::InvalidPurposes`],
		/// [`Error::InvalidScope`], [`Error::InvalidPeriod`], [`Error::InvalidGrantee`],
		/// [`Error::ReferralNeedsTreatment`], [`Error::TooManyGrants`], [`Error::Overflow`],
		/// or a balance error if the deposit cannot be held.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::grant_consent()
			.saturating_add(T::Statistics::note_weight())
			// A practitioner grantee's affiliations, for the region the grant counts in.
			.saturating_add(T::DbWeight::get().reads(1)))]
		pub fn grant_consent(
			origin: OriginFor<T>,
			patient: T::AccountId,
			grantee: Grantee<T::AccountId>,
			purposes: Purposes,
			scope: Scope,
			starts_at: BlockNumberFor<T>,
			expires_at: BlockNumberFor<T>,
			can_write: bool,
			allow_referral: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(
				T::Patients::is_patient_or_guardian(&who, &patient),
				Error::<T>::NotPatientOrGuardian
			);
			Self::do_grant(
				who,
				patient,
				grantee,
				purposes,
				scope,
				starts_at,
				expires_at,
				can_write,
				allow_referral,
			)
			.map(|_| ())
		}

		/// Revoke a grant at once; its referrals end with it and its deposit is released.
		///
		/// - Origin: the patient or their guardian, signed.
		///
		/// Emits [`Event::ConsentRevoked`].
		///
		/// Errors: [`Error::UnknownGrant`], [`Error::NotPatientOrGuardian`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::revoke_consent())]
		pub fn revoke_consent(origin: OriginFor<T>, grant: GrantId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_revoke(who, grant)
		}

		/// Remove the expired grants of `patient` to `grantee` and refund their deposits to
		/// whoever granted them.
		///
		/// - Origin: any signed account.
		///
		/// Emits [`Event::GrantPruned`] for each grant removed.
		///
		/// Errors: [`Error::NothingToPrune`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::prune_expired_grants(T::MaxGrantsPerGrantee::get()))]
		pub fn prune_expired_grants(
			origin: OriginFor<T>,
			patient: T::AccountId,
			grantee: GranteeKey<T::AccountId>,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let pruned = Self::do_prune(patient, grantee)?;
			Ok(Some(T::WeightInfo::prune_expired_grants(pruned)).into())
		}

		/// Refer the patient to `specialist` of `specialist_org` for teleconsultation, on the
		/// strength of treatment grant `grant`, which must allow referral and cover the caller
		/// acting for `referrer_org`. The referral runs from now to `expires_at` (within the
		/// grant's period and at most [`Config::MaxReferralDuration`]), over `scope` (no wider
		/// than the grant's), for the referral purpose only, and cannot be referred on.
		/// `specialist_org` must provide care. With `may_report` the specialist may anchor a
		/// consultation report (`Document`), which needs a grant that allows writing new
		/// `Document` records. The referral is honoured only while the caller stays an active
		/// practitioner of `referrer_org` covered by the grant.
		///
		/// - Origin: a practitioner covered by `grant`, signed.
		///
		/// Emits [`Event::ReferralCreated`].
		///
		/// Errors: [`Error::UnknownGrant`], [`Error::NotCoveredByGrant`],
		/// [`Error::ReferralNotAllowed`], [`Error::ReportNotAllowed`],
		/// [`Error::SameOrganisation`], [`Error::NotCareOrganisation`],
		/// [`Error::SpecialistNotActive`], [`Error::InvalidScope`], [`Error::ScopeTooWide`],
		/// [`Error::InvalidPeriod`], [`Error::TooManyReferrals`], [`Error::Overflow`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::refer())]
		pub fn refer(
			origin: OriginFor<T>,
			grant: GrantId,
			referrer_org: OrganisationId,
			specialist: T::AccountId,
			specialist_org: OrganisationId,
			scope: Scope,
			expires_at: BlockNumberFor<T>,
			may_report: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_refer(
				who,
				grant,
				referrer_org,
				specialist,
				specialist_org,
				scope,
				expires_at,
				may_report,
			)
			.map(|_| ())
		}

		/// Revoke a referral at once.
		///
		/// - Origin: the patient, their guardian, or the referrer, signed.
		///
		/// Emits [`Event::ReferralEnded`].
		///
		/// Errors: [`Error::UnknownReferral`], [`Error::NotPermitted`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::revoke_referral())]
		pub fn revoke_referral(origin: OriginFor<T>, referral: ReferralId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_end_referral(who, referral, false)
		}

		/// Remove a referral that is no longer honoured (expired, or its grant gone).
		///
		/// - Origin: any signed account.
		///
		/// Emits [`Event::ReferralEnded`].
		///
		/// Errors: [`Error::UnknownReferral`], [`Error::ReferralStillValid`].
		#[pallet::call_index(5)]
		// A referral in its period whose grant is gone also reads the grant's location (a key
		// that is absent). The benchmark of that path still records 2 reads where the
		// storage-access test counts 3; `revoke_referral` (the patient's entry read) covers it.
		#[pallet::weight(T::WeightInfo::prune_referral().max(T::WeightInfo::revoke_referral()))]
		pub fn prune_referral(origin: OriginFor<T>, referral: ReferralId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_end_referral(who, referral, true)
		}

		/// Break the glass: open emergency access to `patient`'s records for `duration`
		/// blocks (at most [`Config::MaxEmergencyDuration`]), for `org`. `justification` is the
		/// commitment [`emergency_commitment`]`(reason, blake2_256(written justification))`: the
		/// reason code and the justification stay off chain, since they are health data. The
		/// patient must review the access within [`Config::EmergencyReviewPeriod`] blocks.
		///
		/// - Origin: an active practitioner of the active care organisation `org` who holds no
		///   treatment grant over all the patient's records, has no open break-glass on them, no
		///   break-glass on them that the patient disputed and the authority has not resolved,
		///   and has opened fewer than [`Config::MaxEmergenciesPerWindow`] in the last
		///   [`Config::EmergencyRateWindow`] blocks.
		///
		/// Emits [`Event::EmergencyAccessOpened`].
		///
		/// Errors: [`Error::NotActivePractitioner`], [`Error::UnknownPatient`],
		/// [`Error::InvalidPeriod`], [`Error::AlreadyHasAccess`],
		/// [`Error::EmergencyAccessStillOpen`], [`Error::EmergencyAccessDisputed`],
		/// [`Error::RateLimited`], [`Error::Overflow`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::open_emergency_access().saturating_add(T::Statistics::note_weight()))]
		pub fn open_emergency_access(
			origin: OriginFor<T>,
			patient: T::AccountId,
			org: OrganisationId,
			justification: ContentHash,
			duration: BlockNumberFor<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_open_emergency(who, patient, org, justification, duration).map(|_| ())
		}

		/// Review a break-glass access: accept it, or dispute it, which ends the access at once,
		/// escalates it to the authority, and bars the practitioner from breaking the glass on
		/// the patient again until the authority resolves it.
		///
		/// - Origin: the patient or their guardian, signed.
		///
		/// Emits [`Event::EmergencyAccessAccepted`] or [`Event::EmergencyAccessEscalated`].
		///
		/// Errors: [`Error::UnknownEmergency`], [`Error::NotPatientOrGuardian`],
		/// [`Error::NotReviewable`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::review_emergency_access().saturating_add(T::Statistics::note_weight()))]
		pub fn review_emergency_access(
			origin: OriginFor<T>,
			emergency: EmergencyId,
			accept: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_review(who, emergency, accept)
		}

		/// Escalate a break-glass access the patient did not review in time.
		///
		/// - Origin: any signed account.
		///
		/// Emits [`Event::EmergencyAccessEscalated`].
		///
		/// Errors: [`Error::UnknownEmergency`], [`Error::NotReviewable`],
		/// [`Error::ReviewPeriodNotOver`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::escalate_unreviewed())]
		pub fn escalate_unreviewed(origin: OriginFor<T>, emergency: EmergencyId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_escalate_unreviewed(emergency)
		}

		/// Resolve an escalated break-glass access: clear the practitioner, or suspend them
		/// through the registry (`sanction`). A resolved dispute no longer bars the practitioner
		/// from breaking the glass on the patient.
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::EmergencyAccessResolved`].
		///
		/// Errors: [`Error::UnknownEmergency`], [`Error::NotEscalated`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::resolve_emergency_access())]
		pub fn resolve_emergency_access(
			origin: OriginFor<T>,
			emergency: EmergencyId,
			sanction: bool,
		) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_resolve(emergency, sanction)
		}
	}
}

//! # Validator set pallet
//!
//! Which hospitals' nodes author blocks (Aura) and vote on finality (GRANDPA). The health
//! council decides; `pallet-session` carries the decision out at a session boundary.
//!
//! ## Roles
//! - **The council** ([`Config::ManagerOrigin`]: a council motion in the runtime, Root in
//!   tests) adds a validator, removes one, and sets how many blocks a session lasts.
//! - **A hospital's validator account** registers its session keys (its Aura and GRANDPA
//!   public keys, with a proof that it holds them) through `pallet-session`'s `set_keys`
//!   *before* the council adds it, and rotates them the same way whenever it likes
//!   (`author_rotateKeysWithOwner`, then `set_keys`): the new keys take effect like a change of
//!   the set.
//!
//! ## When a change takes effect
//! A change made during session `n` is handed to `pallet-session` at the end of session `n`,
//! which queues it, and it becomes the Aura and GRANDPA authority set when session `n + 1` ends:
//! one to two sessions after the motion passed. Sessions end every [`SessionLength`] blocks
//! (at block numbers that are multiples of it). Blocks keep being produced and finalized
//! throughout: GRANDPA hands over from one set to the next at the block that enacts it.
//!
//! ## Limits
//! The set keeps at least [`Config::MinValidators`] validators, so that the council cannot
//! remove the last ones and halt the chain, and at most [`Config::MaxValidators`], the
//! authority bound of Aura and GRANDPA. A validator without session keys cannot be added: it
//! would be left out of the set by `pallet-session` and the council's list would lie.
//!
//! ## Calls
//! [`add_validator`](Pallet::add_validator), [`remove_validator`](Pallet::remove_validator),
//! [`set_session_length`](Pallet::set_session_length). Each is O(1) in the chain's data: the set
//! is one bounded, sorted list.
//!
//! ## Hooks into pallet-session
//! The pallet is the runtime's `pallet_session::SessionManager` (the set to queue, only when it
//! changed), its `ShouldEndSession` and its `EstimateNextSessionRotation`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

/// What the benchmarks need from the runtime: an account that has registered session keys, as
/// [`Config::KeysRegistered`] would find it.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers session keys for `who`.
	fn register_keys(who: &AccountId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::ValidatorRegistration};
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Adds and removes validators and sets the session length: the health council.
		type ManagerOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Whether an account has registered session keys: `pallet-session` itself, which
		/// implements this.
		type KeysRegistered: ValidatorRegistration<Self::AccountId>;

		/// Fewest validators the set may keep. A removal below it is refused.
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// Most validators the set may hold: at most the authority bound of Aura and GRANDPA.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// The session length when none was set (at genesis or by the council).
		#[pallet::constant]
		type DefaultSessionLength: Get<BlockNumberFor<Self>>;

		/// Shortest session the council may set. A session's first block carries
		/// `pallet-session`'s rotation, which takes the whole block.
		#[pallet::constant]
		type MinSessionLength: Get<BlockNumberFor<Self>>;

		/// Longest session the council may set: a change of the set waits up to two of them.
		#[pallet::constant]
		type MaxSessionLength: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Registers session keys for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// The validators the council has chosen, sorted. `pallet-session` makes them the authority
	/// set one to two sessions after they change.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// Whether [`Validators`] changed since it was last handed to `pallet-session`.
	#[pallet::storage]
	pub type SetChanged<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// [`Config::DefaultSessionLength`], for [`SessionLength`] when none is stored.
	#[pallet::type_value]
	pub fn SessionLengthOnEmpty<T: Config>() -> BlockNumberFor<T> {
		T::DefaultSessionLength::get()
	}

	/// Blocks per session: a session ends at every block whose number is a multiple of it.
	#[pallet::storage]
	pub type SessionLength<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, SessionLengthOnEmpty<T>>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The first validators: each also needs its session keys in `pallet-session`'s genesis.
		pub validators: alloc::vec::Vec<T::AccountId>,
		/// Blocks per session; [`Config::DefaultSessionLength`] when `None`.
		pub session_length: Option<BlockNumberFor<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::build_genesis(&self.validators, self.session_length);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The council added a validator; it validates from the session after next.
		ValidatorAdded { validator: T::AccountId, validators: u32 },
		/// The council removed a validator; it stops validating from the session after next.
		ValidatorRemoved { validator: T::AccountId, validators: u32 },
		/// The changed set was handed to `pallet-session` for the session `session`.
		ValidatorSetQueued { session: u32, validators: u32 },
		/// The council set the session length.
		SessionLengthSet { blocks: BlockNumberFor<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already a validator.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// The set already holds [`Config::MaxValidators`] validators.
		TooManyValidators,
		/// Removing the validator would leave fewer than [`Config::MinValidators`].
		TooFewValidators,
		/// The account has not registered session keys (`session.set_keys`), so it could not
		/// author or vote.
		NoSessionKeys,
		/// The session length is outside [`Config::MinSessionLength`] ..=
		/// [`Config::MaxSessionLength`].
		SessionLengthOutOfRange,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MinValidators::get() > 0, "MinValidators must keep one validator");
			assert!(
				T::MinValidators::get() <= T::MaxValidators::get(),
				"MinValidators must not exceed MaxValidators"
			);
			assert!(
				!T::MinSessionLength::get().is_zero()
					&& T::MinSessionLength::get() <= T::DefaultSessionLength::get()
					&& T::DefaultSessionLength::get() <= T::MaxSessionLength::get(),
				"the default session length must lie within Min..=MaxSessionLength, Min above 0"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Add a hospital's validator to the set.
		///
		/// - Origin: [`Config::ManagerOrigin`] (a council motion).
		/// - `validator` must have registered session keys (`session.set_keys`) first.
		/// - It authors and votes from the session after next (one to two sessions).
		///
		/// Emits [`Event::ValidatorAdded`].
		///
		/// Errors: [`Error::AlreadyValidator`], [`Error::NoSessionKeys`],
		/// [`Error::TooManyValidators`]; `BadOrigin` from any other origin.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator())]
		pub fn add_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::ManagerOrigin::ensure_origin(origin)?;
			Self::do_add_validator(validator)
		}

		/// Remove a validator from the set.
		///
		/// - Origin: [`Config::ManagerOrigin`] (a council motion).
		/// - It stops authoring and voting from the session after next. Its session keys stay
		///   registered (its operator purges them with `session.purge_keys`).
		///
		/// Emits [`Event::ValidatorRemoved`].
		///
		/// Errors: [`Error::NotValidator`], [`Error::TooFewValidators`]; `BadOrigin` from any
		/// other origin.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::ManagerOrigin::ensure_origin(origin)?;
			Self::do_remove_validator(validator)
		}

		/// Set how many blocks a session lasts, from the next session boundary on.
		///
		/// - Origin: [`Config::ManagerOrigin`] (a council motion).
		/// - A session ends at every block whose number is a multiple of `blocks`.
		///
		/// Emits [`Event::SessionLengthSet`].
		///
		/// Errors: [`Error::SessionLengthOutOfRange`]; `BadOrigin` from any other origin.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_session_length())]
		pub fn set_session_length(
			origin: OriginFor<T>,
			blocks: BlockNumberFor<T>,
		) -> DispatchResult {
			T::ManagerOrigin::ensure_origin(origin)?;
			Self::do_set_session_length(blocks)
		}
	}
}

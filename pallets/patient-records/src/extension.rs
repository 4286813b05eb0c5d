//! [`FreePatientCalls`]: the transaction extension that makes a patient's own calls free, up to
//! a limit the pool enforces.

use crate::{features::free_calls::NotFree, Config, FreeCallUsage, Pallet, WeightInfo};
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
	dispatch::{DispatchInfo, DispatchResult, PostDispatchInfo},
	traits::{Everything, Get, Nothing},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::{StaticTypeInfo, TypeInfo};
use sp_runtime::{
	traits::{
		DispatchInfoOf, DispatchOriginOf, Dispatchable, Implication, PostDispatchInfoOf,
		TransactionExtension, ValidateResult,
	},
	transaction_validity::{
		InvalidTransaction, TransactionSource, TransactionValidityError, ValidTransaction,
	},
};

/// The `InvalidTransaction::Custom` code of a free call over the patient's limit: "this
/// patient has used this period's free calls". The pool refuses the transaction; nothing runs
/// and nothing is charged.
pub const FREE_CALLS_EXHAUSTED: u8 = 1;

/// Which calls are free to the patient who signs them (the patient's own business: their own
/// records, grants and key), and how many of the patient's free calls each uses: one per call,
/// a batch the sum of its calls'.
pub trait FreeCallCost<AccountId, Call> {
	/// The free calls `call` signed by the registered patient `who` uses, or `None` if it is
	/// not free (it is paid as usual).
	fn free_call_cost(who: &AccountId, call: &Call) -> Option<u32>;

	/// At most how many storage items `free_call_cost` and `free_call_for` read for `call` (to
	/// look up whose a record or a grant is, or whom a proxy acts for), for the transaction's
	/// weight.
	fn reads(call: &Call) -> u32;

	/// For a call `who` signs for another account (a patient's new phone acting for them
	/// through a proxy after a recovery): the patient whose own business `call` is and the free
	/// calls it uses, charged to that patient's limit; `None` if it is not such a call. Asked
	/// only when `free_call_cost` does not make the call free; the extension then checks that
	/// the account named is a registered patient.
	fn free_call_for(_who: &AccountId, _call: &Call) -> Option<(AccountId, u32)> {
		None
	}
}

/// Every call is free, one each (tests).
impl<AccountId, Call> FreeCallCost<AccountId, Call> for Everything {
	fn free_call_cost(_: &AccountId, _: &Call) -> Option<u32> {
		Some(1)
	}
	fn reads(_: &Call) -> u32 {
		0
	}
}

/// No call is free.
impl<AccountId, Call> FreeCallCost<AccountId, Call> for Nothing {
	fn free_call_cost(_: &AccountId, _: &Call) -> Option<u32> {
		None
	}
	fn reads(_: &Call) -> u32 {
		0
	}
}

/// Wraps the fee extension `S` (`ChargeTransactionPayment`): a call [`Config::FreeCalls`] lists
/// signed by a registered patient, or by an account acting for one
/// ([`FreeCallCost::free_call_for`]), skips `S` (no fee, whatever the balance) and counts (its
/// [`FreeCallCost`]) against the patient's [`Config::FreeCallsPerPeriod`]; over it, the
/// transaction is invalid ([`FREE_CALLS_EXHAUSTED`]), so the pool refuses it and a block author
/// drops it unexecuted. Any other call goes through `S` unchanged.
///
/// Invisible from outside, like the SDK's `SkipCheckIfFeeless`: it encodes as `S` and carries
/// `S`'s identifier and type, so wallets and polkadot.js sign exactly as before.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq)]
pub struct FreePatientCalls<T, S>(pub S, core::marker::PhantomData<T>);

impl<T, S: StaticTypeInfo> TypeInfo for FreePatientCalls<T, S> {
	type Identity = S;
	fn type_info() -> scale_info::Type {
		S::type_info()
	}
}

impl<T, S: Encode> core::fmt::Debug for FreePatientCalls<T, S> {
	#[cfg(feature = "std")]
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "FreePatientCalls<{:?}>", self.0.encode())
	}
	#[cfg(not(feature = "std"))]
	fn fmt(&self, _: &mut core::fmt::Formatter) -> core::fmt::Result {
		Ok(())
	}
}

impl<T, S> From<S> for FreePatientCalls<T, S> {
	fn from(inner: S) -> Self {
		Self(inner, core::marker::PhantomData)
	}
}

/// What `validate` passes on to `prepare`.
pub enum FreeOrPaid<AccountId, BlockNumber, V> {
	/// Free: the patient's usage to store.
	Free(AccountId, FreeCallUsage<BlockNumber>),
	/// Paid through the wrapped extension.
	Paid(V),
}

/// What `prepare` passes on to `post_dispatch`.
pub enum FreeOrPaidPre<P> {
	/// Free: the wrapped extension's weight, unused.
	Free(Weight),
	/// Paid through the wrapped extension.
	Paid(P),
}

impl<T, S> TransactionExtension<T::RuntimeCall> for FreePatientCalls<T, S>
where
	T: Config + Send + Sync,
	T::RuntimeCall: Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo>,
	S: TransactionExtension<T::RuntimeCall>,
{
	const IDENTIFIER: &'static str = S::IDENTIFIER;
	type Implicit = S::Implicit;
	type Val = FreeOrPaid<T::AccountId, BlockNumberFor<T>, S::Val>;
	type Pre = FreeOrPaidPre<S::Pre>;

	fn implicit(&self) -> Result<Self::Implicit, TransactionValidityError> {
		self.0.implicit()
	}

	fn weight(&self, call: &T::RuntimeCall) -> Weight {
		// A call may take either path: charge both (the free path refunds `S`'s). A call that
		// can be free costs the patient check (`free_call`, which reads `Patients`) and the
		// lookups of whose it is; any other call costs the patient check alone.
		let reads = T::FreeCalls::reads(call);
		let lookups = <T as frame_system::Config>::DbWeight::get().reads(reads.into());
		self.0.weight(call).saturating_add(T::WeightInfo::free_call()).saturating_add(lookups)
	}

	fn validate(
		&self,
		origin: DispatchOriginOf<T::RuntimeCall>,
		call: &T::RuntimeCall,
		info: &DispatchInfoOf<T::RuntimeCall>,
		len: usize,
		self_implicit: S::Implicit,
		inherited_implication: &impl Implication,
		source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		if let Ok(who) = frame_system::ensure_signed(origin.clone()) {
			// Whose business the call is, only for a patient: nobody else's call is free. A
			// call for a patient through their proxy counts against that patient.
			let own = Pallet::<T>::is_patient(&who)
				.then(|| T::FreeCalls::free_call_cost(&who, call))
				.flatten()
				.map(|cost| (who.clone(), cost));
			let free = own.or_else(|| {
				T::FreeCalls::free_call_for(&who, call)
					.filter(|(patient, _)| Pallet::<T>::is_patient(patient))
			});
			if let Some((patient, cost)) = free {
				match Pallet::<T>::usage_after(&patient, cost) {
					Ok(usage) => {
						return Ok((
							ValidTransaction::default(),
							FreeOrPaid::Free(patient, usage),
							origin,
						))
					}
					Err(NotFree::Exhausted) => {
						return Err(InvalidTransaction::Custom(FREE_CALLS_EXHAUSTED).into())
					}
					Err(NotFree::NotPatient) => {}
				}
			}
		}
		let (valid, val, origin) = self.0.validate(
			origin,
			call,
			info,
			len,
			self_implicit,
			inherited_implication,
			source,
		)?;
		Ok((valid, FreeOrPaid::Paid(val), origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		origin: &DispatchOriginOf<T::RuntimeCall>,
		call: &T::RuntimeCall,
		info: &DispatchInfoOf<T::RuntimeCall>,
		len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		match val {
			FreeOrPaid::Free(who, usage) => {
				Pallet::<T>::note_free_call(&who, usage);
				Ok(FreeOrPaidPre::Free(self.0.weight(call)))
			}
			FreeOrPaid::Paid(val) => {
				self.0.prepare(val, origin, call, info, len).map(FreeOrPaidPre::Paid)
			}
		}
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		info: &DispatchInfoOf<T::RuntimeCall>,
		post_info: &PostDispatchInfoOf<T::RuntimeCall>,
		len: usize,
		result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		match pre {
			FreeOrPaidPre::Free(unused) => Ok(unused),
			FreeOrPaidPre::Paid(pre) => S::post_dispatch_details(pre, info, post_info, len, result),
		}
	}
}

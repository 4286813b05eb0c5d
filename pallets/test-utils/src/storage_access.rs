//! Counting a call's storage reads and writes, to check them against what its weight charges.
//!
//! A benchmark charges a call for the storage items its set-up makes it touch. A path the set-up
//! misses (another organisation's vault, an amendment, a guardian) is not charged. The tests that
//! use this module run each call on the paths the pallet's tests know, count the distinct storage
//! items it reads and writes the way the benchmark's database tracker does, and check that the
//! call's weight pays for at least that many.
//!
//! - [`count_accesses`] runs a closure inside the current test externalities, seen through
//!   [`CountingExternalities`]. A key counts as read the first time it is read, unless the call
//!   wrote it first; as written the first time it is written; whitelisted keys (frame-system's
//!   per-block items, the signer's account, the timestamp, the storage layer's level key) are
//!   not counted, as in benchmarks.
//! - [`ProbeDbWeight`] is a `DbWeight` for mocks: free storage (frame-system's test default),
//!   except inside [`charged_accesses`], where reads and writes land in separate bit ranges of
//!   `ref_time`, so it reads back how many of each a weight charges.

use core::cell::Cell;
use frame_support::{
	traits::Get,
	weights::{RuntimeDbWeight, Weight},
};
use sp_externalities::{Extension, ExtensionStore, Externalities, MultiRemovalResults};
use sp_storage::StateVersion;
use std::{any::Any, any::TypeId, collections::BTreeSet};

/// Where [`ProbeDbWeight`] puts a read: above any call's own time (2³² ps is 4.3 ms).
const READ_SHIFT: u32 = 32;
/// Where [`ProbeDbWeight`] puts a write: above 4,095 reads.
const WRITE_SHIFT: u32 = 44;

std::thread_local! {
	/// Whether [`charged_accesses`] is evaluating a weight on this thread (each test has its own).
	static PROBING: Cell<bool> = const { Cell::new(false) };
}

/// A mock's `DbWeight`: free storage, as frame-system's test default, except while
/// [`charged_accesses`] evaluates a weight. Then a read costs 2³² ps and a write 2⁴⁴ ps, so bits
/// 32-43 of `ref_time` count reads and bits 44 and up count writes (as long as the call's own
/// time stays under 4.3 ms and its reads under 4,096). Tests that budget a block with
/// `DbWeight` (integrity tests, migrations) see the default.
pub struct ProbeDbWeight;

impl Get<RuntimeDbWeight> for ProbeDbWeight {
	fn get() -> RuntimeDbWeight {
		if PROBING.with(Cell::get) {
			RuntimeDbWeight { read: 1 << READ_SHIFT, write: 1 << WRITE_SHIFT }
		} else {
			RuntimeDbWeight::default()
		}
	}
}

/// [`ProbeDbWeight`] for a mock whose tests also need real storage costs: `D`'s costs (for
/// example ParityDB's), except while [`charged_accesses`] evaluates a weight.
pub struct ProbeDbWeightOr<D>(core::marker::PhantomData<D>);

impl<D: Get<RuntimeDbWeight>> Get<RuntimeDbWeight> for ProbeDbWeightOr<D> {
	fn get() -> RuntimeDbWeight {
		if PROBING.with(Cell::get) {
			RuntimeDbWeight { read: 1 << READ_SHIFT, write: 1 << WRITE_SHIFT }
		} else {
			D::get()
		}
	}
}

/// The reads and writes a weight charges: `weight` is evaluated (for example a call's
/// `get_dispatch_info().call_weight`) while [`ProbeDbWeight`] separates them. For a weight that
/// is the larger of two (`a.max(b)`), the one with more writes is read back.
pub fn charged_accesses(weight: impl FnOnce() -> Weight) -> Accesses {
	struct Probing;
	impl Drop for Probing {
		fn drop(&mut self) {
			PROBING.with(|p| p.set(false));
		}
	}
	PROBING.with(|p| p.set(true));
	let _probing = Probing;
	Accesses::charged_by(weight())
}

/// Distinct storage items read and written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Accesses {
	pub reads: u64,
	pub writes: u64,
}

/// The storage items counted, by their keys' first 32 bytes in hex (the pallet and item
/// prefixes), for a failure message.
#[derive(Clone, Debug, Default)]
pub struct Touched {
	pub read: Vec<String>,
	pub written: Vec<String>,
}

impl Accesses {
	/// The reads and writes `weight` charges, when it was computed with [`ProbeDbWeight`]
	/// probing (see [`charged_accesses`]).
	pub fn charged_by(weight: Weight) -> Self {
		let t = weight.ref_time();
		Accesses { reads: (t >> READ_SHIFT) & 0xFFF, writes: t >> WRITE_SHIFT }
	}

	/// Whether `self` (measured) fits in `charged` for both reads and writes.
	pub fn fits_in(&self, charged: Accesses) -> bool {
		self.reads <= charged.reads && self.writes <= charged.writes
	}
}

/// Runs `f` and counts the storage it touches (see the module docs). Must run inside test
/// externalities (`TestExternalities::execute_with`). `whitelist` holds the full keys not counted.
pub fn count_accesses<R>(whitelist: &[Vec<u8>], f: impl FnOnce() -> R) -> (R, Accesses) {
	let (result, accesses, _) = count_and_name_accesses(whitelist, f);
	(result, accesses)
}

/// [`count_accesses`], with the items counted.
pub fn count_and_name_accesses<R>(
	whitelist: &[Vec<u8>],
	f: impl FnOnce() -> R,
) -> (R, Accesses, Touched) {
	sp_externalities::with_externalities(|ext| {
		let mut counting = CountingExternalities::new(ext, whitelist);
		let result = sp_externalities::set_and_run_with_externalities(&mut counting, f);
		(result, counting.accesses(), counting.touched())
	})
	.expect("count_accesses runs inside test externalities")
}

/// Asserts that running `f` touches no more storage than `charged` (from
/// [`charged_accesses`]) pays for, naming the call, both counts and the items when it does.
pub fn assert_within_charge<R>(
	call: &str,
	charged: Accesses,
	whitelist: &[Vec<u8>],
	f: impl FnOnce() -> R,
) -> R {
	let (result, measured, touched) = count_and_name_accesses(whitelist, f);
	assert!(
		measured.fits_in(charged),
		"{call}: touched {measured:?}, its weight charges {charged:?}; items {touched:?}"
	);
	result
}

/// What a benchmark does not count in a mock built by [`crate::test_runtime!`]: the runtime's
/// whitelisted items (frame-system's per-block ones), the timestamp (its inherent writes it first
/// in every block) and the signer's account (the transaction's extensions read and write it and
/// are charged for it).
pub fn benchmark_whitelist<T, AllPallets>(signer: &T::AccountId) -> Vec<Vec<u8>>
where
	T: frame_system::Config,
	AllPallets: frame_support::traits::WhitelistedStorageKeys,
{
	let mut keys = unsigned_whitelist::<AllPallets>();
	keys.push(frame_system::Account::<T>::hashed_key_for(signer));
	keys
}

/// [`benchmark_whitelist`] for a call with no signer (an authority's, dispatched from an
/// origin such as Root): no account is left out, as no transaction's extensions pay for one.
pub fn unsigned_whitelist<AllPallets>() -> Vec<Vec<u8>>
where
	AllPallets: frame_support::traits::WhitelistedStorageKeys,
{
	let mut keys: Vec<Vec<u8>> =
		AllPallets::whitelisted_storage_keys().into_iter().map(|k| k.key).collect();
	keys.push(frame_support::storage::storage_prefix(b"Timestamp", b"Now").to_vec());
	keys
}

/// Dispatches `call` from `signer` and asserts that it succeeds and touches no more storage
/// than its dispatch info charges (probed with [`ProbeDbWeight`], the mock's `DbWeight`).
pub fn dispatch_within_charge<T, AllPallets, C>(signer: T::AccountId, call: C)
where
	T: frame_system::Config,
	AllPallets: frame_support::traits::WhitelistedStorageKeys,
	C: frame_support::dispatch::GetDispatchInfo
		+ frame_support::traits::UnfilteredDispatchable<RuntimeOrigin = T::RuntimeOrigin>
		+ core::fmt::Debug,
{
	let whitelist = benchmark_whitelist::<T, AllPallets>(&signer);
	dispatch_from_within_charge::<T, C>(frame_system::RawOrigin::Signed(signer), &whitelist, call);
}

/// [`dispatch_within_charge`] for an authority's call: dispatched from Root (the mocks'
/// `AuthorityOrigin`), with [`unsigned_whitelist`], as its benchmark runs it from the
/// authority's successful origin.
pub fn root_dispatch_within_charge<T, AllPallets, C>(call: C)
where
	T: frame_system::Config,
	AllPallets: frame_support::traits::WhitelistedStorageKeys,
	C: frame_support::dispatch::GetDispatchInfo
		+ frame_support::traits::UnfilteredDispatchable<RuntimeOrigin = T::RuntimeOrigin>
		+ core::fmt::Debug,
{
	let whitelist = unsigned_whitelist::<AllPallets>();
	dispatch_from_within_charge::<T, C>(frame_system::RawOrigin::Root, &whitelist, call);
}

/// Dispatches `call` from `origin` and asserts that it succeeds and touches no more storage,
/// less `whitelist`, than its dispatch info charges.
fn dispatch_from_within_charge<T, C>(
	origin: frame_system::RawOrigin<T::AccountId>,
	whitelist: &[Vec<u8>],
	call: C,
) where
	T: frame_system::Config,
	C: frame_support::dispatch::GetDispatchInfo
		+ frame_support::traits::UnfilteredDispatchable<RuntimeOrigin = T::RuntimeOrigin>
		+ core::fmt::Debug,
{
	let name = format!("{call:?}");
	let charged = charged_accesses(|| call.get_dispatch_info().call_weight);
	assert_within_charge(&name, charged, whitelist, || {
		if let Err(e) = call.dispatch_bypass_filter(origin.into()) {
			panic!("{name} failed: {:?}", e.error);
		}
	});
}

/// Externalities that pass everything to the ones they wrap and count storage accesses.
pub struct CountingExternalities<'a> {
	inner: &'a mut dyn Externalities,
	whitelist: BTreeSet<Vec<u8>>,
	read: BTreeSet<Vec<u8>>,
	written: BTreeSet<Vec<u8>>,
	cleared: u64,
}

impl<'a> CountingExternalities<'a> {
	/// Counts what `inner` is asked for, but the keys in `whitelist` and the storage layer's
	/// own level key, which benchmarks leave out too.
	pub fn new(inner: &'a mut dyn Externalities, whitelist: &[Vec<u8>]) -> Self {
		let mut whitelist: BTreeSet<Vec<u8>> = whitelist.iter().cloned().collect();
		whitelist.insert(frame_support::storage::transactional::TRANSACTION_LEVEL_KEY.to_vec());
		CountingExternalities {
			inner,
			whitelist,
			read: BTreeSet::new(),
			written: BTreeSet::new(),
			cleared: 0,
		}
	}

	/// What was counted so far.
	pub fn accesses(&self) -> Accesses {
		Accesses { reads: self.read.len() as u64, writes: self.written.len() as u64 + self.cleared }
	}

	/// The items counted so far (see [`Touched`]).
	pub fn touched(&self) -> Touched {
		let name = |k: &Vec<u8>| k.iter().take(32).map(|b| format!("{b:02x}")).collect();
		Touched {
			read: self.read.iter().map(name).collect(),
			written: self.written.iter().map(name).collect(),
		}
	}

	fn note_read(&mut self, key: &[u8]) {
		if !self.whitelist.contains(key) && !self.written.contains(key) {
			self.read.insert(key.to_vec());
		}
	}

	fn note_write(&mut self, key: &[u8]) {
		if !self.whitelist.contains(key) {
			self.written.insert(key.to_vec());
		}
	}
}

impl ExtensionStore for CountingExternalities<'_> {
	fn extension_by_type_id(&mut self, type_id: TypeId) -> Option<&mut dyn Any> {
		self.inner.extension_by_type_id(type_id)
	}

	fn register_extension_with_type_id(
		&mut self,
		type_id: TypeId,
		extension: Box<dyn Extension>,
	) -> Result<(), sp_externalities::Error> {
		self.inner.register_extension_with_type_id(type_id, extension)
	}

	fn deregister_extension_by_type_id(
		&mut self,
		type_id: TypeId,
	) -> Result<(), sp_externalities::Error> {
		self.inner.deregister_extension_by_type_id(type_id)
	}
}

impl Externalities for CountingExternalities<'_> {
	fn set_offchain_storage(&mut self, key: &[u8], value: Option<&[u8]>) {
		self.inner.set_offchain_storage(key, value)
	}

	fn storage(&mut self, key: &[u8]) -> Option<Vec<u8>> {
		self.note_read(key);
		self.inner.storage(key)
	}

	fn storage_hash(&mut self, key: &[u8]) -> Option<Vec<u8>> {
		self.note_read(key);
		self.inner.storage_hash(key)
	}

	fn child_storage_hash(
		&mut self,
		child_info: &sp_storage::ChildInfo,
		key: &[u8],
	) -> Option<Vec<u8>> {
		self.inner.child_storage_hash(child_info, key)
	}

	fn child_storage(&mut self, child_info: &sp_storage::ChildInfo, key: &[u8]) -> Option<Vec<u8>> {
		self.inner.child_storage(child_info, key)
	}

	fn exists_storage(&mut self, key: &[u8]) -> bool {
		self.note_read(key);
		self.inner.exists_storage(key)
	}

	fn next_storage_key(&mut self, key: &[u8]) -> Option<Vec<u8>> {
		// Iterating reads the next key (and, through `storage`, its value).
		let next = self.inner.next_storage_key(key);
		if let Some(next) = &next {
			self.note_read(next);
		}
		next
	}

	fn next_child_storage_key(
		&mut self,
		child_info: &sp_storage::ChildInfo,
		key: &[u8],
	) -> Option<Vec<u8>> {
		self.inner.next_child_storage_key(child_info, key)
	}

	fn kill_child_storage(
		&mut self,
		child_info: &sp_storage::ChildInfo,
		maybe_limit: Option<u32>,
		maybe_cursor: Option<&[u8]>,
	) -> MultiRemovalResults {
		self.inner.kill_child_storage(child_info, maybe_limit, maybe_cursor)
	}

	fn clear_prefix(
		&mut self,
		prefix: &[u8],
		maybe_limit: Option<u32>,
		maybe_cursor: Option<&[u8]>,
	) -> MultiRemovalResults {
		let result = self.inner.clear_prefix(prefix, maybe_limit, maybe_cursor);
		// Each key removed is a write; which keys is not reported, so they are counted apart.
		self.cleared += u64::from(result.unique);
		result
	}

	fn clear_child_prefix(
		&mut self,
		child_info: &sp_storage::ChildInfo,
		prefix: &[u8],
		maybe_limit: Option<u32>,
		maybe_cursor: Option<&[u8]>,
	) -> MultiRemovalResults {
		self.inner.clear_child_prefix(child_info, prefix, maybe_limit, maybe_cursor)
	}

	fn place_storage(&mut self, key: Vec<u8>, value: Option<Vec<u8>>) {
		self.note_write(&key);
		self.inner.place_storage(key, value)
	}

	fn place_child_storage(
		&mut self,
		child_info: &sp_storage::ChildInfo,
		key: Vec<u8>,
		value: Option<Vec<u8>>,
	) {
		self.inner.place_child_storage(child_info, key, value)
	}

	fn storage_root(&mut self, state_version: StateVersion) -> Vec<u8> {
		self.inner.storage_root(state_version)
	}

	fn child_storage_root(
		&mut self,
		child_info: &sp_storage::ChildInfo,
		state_version: StateVersion,
	) -> Vec<u8> {
		self.inner.child_storage_root(child_info, state_version)
	}

	fn storage_append(&mut self, key: Vec<u8>, value: Vec<u8>) {
		self.note_write(&key);
		self.inner.storage_append(key, value)
	}

	fn storage_start_transaction(&mut self) {
		self.inner.storage_start_transaction()
	}

	fn storage_rollback_transaction(&mut self) -> Result<(), ()> {
		self.inner.storage_rollback_transaction()
	}

	fn storage_commit_transaction(&mut self) -> Result<(), ()> {
		self.inner.storage_commit_transaction()
	}

	fn wipe(&mut self) {
		self.inner.wipe()
	}

	fn commit(&mut self) {
		self.inner.commit()
	}

	fn read_write_count(&self) -> (u32, u32, u32, u32) {
		self.inner.read_write_count()
	}

	fn reset_read_write_count(&mut self) {
		self.inner.reset_read_write_count()
	}

	fn get_whitelist(&self) -> Vec<sp_storage::TrackedStorageKey> {
		self.inner.get_whitelist()
	}

	fn set_whitelist(&mut self, new: Vec<sp_storage::TrackedStorageKey>) {
		self.inner.set_whitelist(new)
	}

	fn get_read_and_written_keys(&self) -> Vec<(Vec<u8>, u32, u32, bool)> {
		self.inner.get_read_and_written_keys()
	}
}

//! Allocation rounds: builds the algorithm's inputs from a round's needs and the stock pools,
//! runs [`allocation::allocate`](super::allocation::allocate), and turns each grant into
//! allocation records, taking units from the pools' donations first in, first out.

use super::{
	allocation::{self, Claim, PoolInput},
	totals::bump,
};
use crate::*;
use alloc::{
	collections::btree_map::{BTreeMap, Entry},
	vec,
	vec::Vec,
};
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use ruralmed_primitives::{OrganisationId, RegionCode};
use sp_runtime::DispatchError;

/// Sort key of a region pool: village-level prefixes first, then township, then county.
fn region_pool_key(r: &RegionCode) -> (u8, u32, u16, u16) {
	let level = if r.village != 0 {
		0
	} else if r.township != 0 {
		1
	} else {
		2
	};
	(level, r.county, r.township, r.village)
}

impl<T: Config> Pallet<T> {
	/// Most allocation records one round of one item can create: each need draws from at
	/// most five pools (its organisation's, three region prefixes, the general one), and each
	/// pool's draws split at most once per donation they use up.
	pub fn max_allocations_per_round() -> u32 {
		T::MaxNeedsPerRound::get()
			.saturating_mul(5)
			.saturating_add(T::MaxPledgesPerEmergency::get())
	}

	/// The weight of allocating `needs` needs into `allocations` records: the benchmarked
	/// weight, plus three reads and three writes per need for region pools. The round touches
	/// `n` organisation pools, up to `3n` region pools (a village, township and county prefix
	/// per need) and the general pool, and writes or removes every one of them, empty or not.
	/// The benchmark's organisations all lie in one village (the directory's benchmark helper
	/// fixes their region), so it measures only three region pools: the up to `3n − 3` others
	/// are added here, read and written.
	pub fn allocate_weight(needs: u32, allocations: u32) -> frame_support::weights::Weight {
		let extra = u64::from(needs).saturating_mul(3);
		T::WeightInfo::allocate(needs, allocations)
			.saturating_add(T::DbWeight::get().reads_writes(extra, extra))
	}

	/// Allocates one round of one item at once (the [`allocate`](Pallet::allocate) call);
	/// returns the number of needs and of allocations created, for the actual weight.
	pub(crate) fn do_allocate(
		emergency: EmergencyId,
		item: ItemIndex,
		round: RoundIndex,
	) -> Result<(u32, u32), DispatchError> {
		let plan = Self::plan_allocation(emergency, item, round, true)?;
		let created = plan.planned.len() as u32;
		for planned in plan.planned {
			Self::store_allocation(planned);
		}
		Self::deposit_round_allocated(emergency, item, round, plan.needs, plan.allocated, created);
		Ok((plan.needs, created))
	}

	/// Fails unless round `round` of `e` has closed at block `now`.
	pub(crate) fn ensure_round_closed(
		e: &EmergencyOf<T>,
		round: RoundIndex,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		let closes_at = Self::round_closes_at(e, round).ok_or(Error::<T>::Overflow)?;
		ensure!(now >= closes_at, Error::<T>::RoundNotClosed);
		Ok(())
	}

	/// Fails unless round `round` of `e` is still the latest closed round at block `now`:
	/// once the next round closed, this one's needs are stale (the clinics filed again, or
	/// their need passed) and are never counted.
	pub(crate) fn ensure_round_latest(
		e: &EmergencyOf<T>,
		round: RoundIndex,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		let next_closes_at =
			Self::round_closes_at(e, round.saturating_add(1)).ok_or(Error::<T>::Overflow)?;
		ensure!(now < next_closes_at, Error::<T>::RoundExpired);
		Ok(())
	}

	/// Decides one round of one item: runs the algorithm, takes the units from the pools,
	/// serves the needs, counts the units on the donations and the dashboard, reserves the
	/// allocations' ids and their places in the donations' and recipients' lists, and marks
	/// the round allocated. Everything is written except the allocations themselves and their
	/// list entries, which are returned, in order, for [`Self::store_allocation`]. `latest`
	/// requires the round to be the latest closed one; a round queued while it was is planned
	/// without that check.
	pub(crate) fn plan_allocation(
		emergency: EmergencyId,
		item: ItemIndex,
		round: RoundIndex,
		latest: bool,
	) -> Result<Plan<T>, DispatchError> {
		let needs = Self::allocatable_needs(emergency, item, round, latest)?;
		Self::plan_needs(emergency, item, round, needs)
	}

	/// The checks of [`Self::plan_allocation`], which read little: the round's needs, if it
	/// may be allocated now.
	pub(crate) fn allocatable_needs(
		emergency: EmergencyId,
		item: ItemIndex,
		round: RoundIndex,
		latest: bool,
	) -> Result<RoundNeedList<T>, DispatchError> {
		let e = Emergencies::<T>::get(emergency).ok_or(Error::<T>::UnknownEmergency)?;
		ensure!(e.status == EmergencyStatus::Active, Error::<T>::EmergencyNotOpen);
		ensure!((item as usize) < e.items.len(), Error::<T>::ItemNotCovered);
		let now = frame_system::Pallet::<T>::block_number();
		Self::ensure_round_closed(&e, round, now)?;
		// Strictly in order: nothing at or before an allocated round.
		ensure!(
			round >= NextRoundToAllocate::<T>::get(emergency, item)
				&& !AllocatedRounds::<T>::contains_key((emergency, item, round)),
			Error::<T>::RoundAlreadyAllocated
		);
		if latest {
			Self::ensure_round_latest(&e, round, now)?;
		}
		let needs = RoundNeeds::<T>::get((emergency, item, round));
		ensure!(!needs.is_empty(), Error::<T>::NoNeeds);
		Ok(needs)
	}

	/// The planning of [`Self::plan_allocation`] on the round's `needs`, checked.
	pub(crate) fn plan_needs(
		emergency: EmergencyId,
		item: ItemIndex,
		round: RoundIndex,
		mut needs: RoundNeedList<T>,
	) -> Result<Plan<T>, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		// The pools in the order they are drawn from, each with the needs that may draw.
		let mut pools: Vec<(Pool, Vec<usize>)> =
			needs.iter().enumerate().map(|(i, n)| (Pool::Organisation(n.org), vec![i])).collect();
		let mut by_region: BTreeMap<(u8, u32, u16, u16), (RegionCode, Vec<usize>)> =
			BTreeMap::new();
		for (i, n) in needs.iter().enumerate() {
			for prefix in region_prefixes(&n.location) {
				by_region
					.entry(region_pool_key(&prefix))
					.or_insert_with(|| (prefix, Vec::new()))
					.1
					.push(i);
			}
		}
		pools.extend(by_region.into_values().map(|(r, members)| (Pool::Region(r), members)));
		pools.push((Pool::General, (0..needs.len()).collect()));

		let mut queues: Vec<PoolQueue<T>> =
			pools.iter().map(|(p, _)| Pools::<T>::get((emergency, item, *p))).collect();
		let inputs: Vec<PoolInput> = pools
			.iter()
			.zip(queues.iter())
			.map(|((_, members), queue)| PoolInput {
				available: queue.iter().fold(0, |sum: Quantity, (_, q)| sum.saturating_add(*q)),
				members: members.clone(),
			})
			.collect();
		let claims: Vec<Claim> = needs
			.iter()
			.map(|n| Claim { id: n.id, priority: n.priority, unmet: n.net_need() })
			.collect();
		let outcome = allocation::allocate(&claims, &inputs, T::MaxNeedShare::get());

		let mut ledger = Ledger::<T>::new(emergency, item, round);
		for grant in &outcome.grants {
			let (Some(queue), Some(need)) = (queues.get_mut(grant.pool), needs.get_mut(grant.need))
			else {
				continue;
			};
			let mut left = grant.quantity;
			while left > 0 {
				let Some(front) = queue.get_mut(0) else { break };
				let take = left.min(front.1);
				let donation = front.0;
				front.1 = front.1.saturating_sub(take);
				if front.1 == 0 {
					queue.remove(0);
				}
				left = left.saturating_sub(take);
				if take == 0 {
					continue;
				}
				ledger.plan(need, donation, take)?;
				need.allocated = need.allocated.checked_add(take).ok_or(Error::<T>::Overflow)?;
			}
		}
		ensure!(
			ledger.planned.len() <= Self::max_allocations_per_round() as usize,
			Error::<T>::Overflow
		);

		ledger.write()?;
		for ((pool, _), queue) in pools.iter().zip(queues) {
			if queue.is_empty() {
				Pools::<T>::remove((emergency, item, *pool));
			} else {
				Pools::<T>::insert((emergency, item, *pool), queue);
			}
		}
		let needs_count = needs.len() as u32;
		RoundNeeds::<T>::insert((emergency, item, round), needs);
		AllocatedRounds::<T>::insert((emergency, item, round), now);
		// Rounds before this one that were never allocated are skipped for good.
		NextRoundToAllocate::<T>::insert(emergency, item, round.saturating_add(1));
		Ok(Plan { needs: needs_count, allocated: ledger.allocated, planned: ledger.planned })
	}

	/// Stores a planned allocation and its entries in its donation's trace and its
	/// recipient's list.
	pub(crate) fn store_allocation(planned: PlannedAllocationOf<T>) {
		let PlannedAllocation { id, allocation: a, donation_position, recipient_position } =
			planned;
		DonationAllocations::<T>::insert(a.donation, donation_position, id);
		RecipientAllocations::<T>::insert(a.recipient, recipient_position, id);
		Self::deposit_event(Event::Allocated {
			allocation: id,
			need: a.need,
			recipient: a.recipient,
			donation: a.donation,
			warehouse: a.warehouse,
			quantity: a.quantity,
		});
		Allocations::<T>::insert(id, a);
	}

	/// Emits [`Event::RoundAllocated`] for a round of an item whose allocations are all stored.
	pub(crate) fn deposit_round_allocated(
		emergency: EmergencyId,
		item: ItemIndex,
		round: RoundIndex,
		needs: u32,
		allocated: Quantity,
		allocations: u32,
	) {
		let totals = ItemTotals::<T>::get(emergency, item);
		Self::deposit_event(Event::RoundAllocated {
			emergency,
			item,
			round,
			needs,
			allocated,
			allocations,
			carried_over: totals.received.saturating_sub(totals.allocated),
		});
	}
}

/// What planning one round of one item decided.
pub(crate) struct Plan<T: Config> {
	/// Needs in the round.
	pub needs: u32,
	/// Units allocated.
	pub allocated: Quantity,
	/// The allocations, in order, not stored yet.
	pub planned: Vec<PlannedAllocationOf<T>>,
}

/// The counters one round's planning moves, read once and written once: the donations it
/// draws from, the recipients' list lengths, the next allocation id and the units per region.
struct Ledger<T: Config> {
	emergency: EmergencyId,
	item: ItemIndex,
	round: RoundIndex,
	donations: BTreeMap<DonationId, DonationOf<T>>,
	received: BTreeMap<OrganisationId, u32>,
	by_region: BTreeMap<RegionIndex, Quantity>,
	next_id: AllocationId,
	allocated: Quantity,
	planned: Vec<PlannedAllocationOf<T>>,
}

impl<T: Config> Ledger<T> {
	fn new(emergency: EmergencyId, item: ItemIndex, round: RoundIndex) -> Self {
		Self {
			emergency,
			item,
			round,
			donations: BTreeMap::new(),
			received: BTreeMap::new(),
			by_region: BTreeMap::new(),
			next_id: NextAllocationId::<T>::get(),
			allocated: 0,
			planned: Vec::new(),
		}
	}

	/// Plans `quantity` units of `donation` for `need`.
	fn plan(
		&mut self,
		need: &NeedOf<T>,
		donation: DonationId,
		quantity: Quantity,
	) -> DispatchResult {
		let overflow = || DispatchError::from(Error::<T>::Overflow);
		let d = match self.donations.entry(donation) {
			Entry::Occupied(o) => o.into_mut(),
			Entry::Vacant(v) => {
				v.insert(Donations::<T>::get(donation).ok_or(Error::<T>::UnknownDonation)?)
			}
		};
		let warehouse =
			d.receipt.as_ref().map(|r| r.warehouse).ok_or(Error::<T>::UnknownDonation)?;
		let donation_position = d.allocations;
		d.allocations = donation_position.checked_add(1).ok_or_else(overflow)?;
		d.allocated = d.allocated.checked_add(quantity).ok_or_else(overflow)?;
		let count = self
			.received
			.entry(need.org)
			.or_insert_with(|| RecipientAllocationCount::<T>::get(need.org));
		let recipient_position = *count;
		*count = count.checked_add(1).ok_or_else(overflow)?;
		let region = self.by_region.entry(need.region).or_insert(0);
		*region = region.checked_add(quantity).ok_or_else(overflow)?;
		self.allocated = self.allocated.checked_add(quantity).ok_or_else(overflow)?;
		let id = self.next_id;
		self.next_id = id.checked_add(1).ok_or_else(overflow)?;
		self.planned.push(PlannedAllocation {
			id,
			allocation: Allocation {
				emergency: self.emergency,
				item: self.item,
				round: self.round,
				need: need.id,
				recipient: need.org,
				region: need.region,
				donation,
				warehouse,
				quantity,
				status: AllocationStatus::Pending,
			},
			donation_position,
			recipient_position,
		});
		Ok(())
	}

	/// Writes the counters; fails with [`Error::Overflow`] if a dashboard counter would.
	fn write(&mut self) -> DispatchResult {
		for (region, quantity) in &self.by_region {
			Pallet::<T>::add_totals(self.emergency, self.item, Some(*region), |t| {
				bump(&mut t.allocated, *quantity)
			})?;
		}
		for (id, d) in core::mem::take(&mut self.donations) {
			Donations::<T>::insert(id, d);
		}
		for (org, count) in &self.received {
			RecipientAllocationCount::<T>::insert(org, count);
		}
		NextAllocationId::<T>::put(self.next_id);
		Ok(())
	}
}

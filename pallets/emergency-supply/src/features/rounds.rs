//! Allocation rounds: builds the algorithm's inputs from a round's needs and the stock pools,
//! runs [`allocation::allocate`](super::allocation::allocate), and turns each grant into
//! allocation records, taking units from the pools' donations first in, first out.

use super::{
	allocation::{self, Claim, PoolInput},
	totals::bump,
};
use crate::*;
use alloc::{collections::btree_map::BTreeMap, vec, vec::Vec};
use frame_support::{ensure, traits::Get};
use ruralmed_primitives::RegionCode;
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

	/// Allocates one round of one item; returns the number of needs and of allocations
	/// created, for the actual weight.
	pub(crate) fn do_allocate(
		emergency: EmergencyId,
		item: ItemIndex,
		round: RoundIndex,
	) -> Result<(u32, u32), DispatchError> {
		let e = Emergencies::<T>::get(emergency).ok_or(Error::<T>::UnknownEmergency)?;
		ensure!(e.status == EmergencyStatus::Active, Error::<T>::EmergencyNotOpen);
		ensure!((item as usize) < e.items.len(), Error::<T>::ItemNotCovered);
		let now = frame_system::Pallet::<T>::block_number();
		let closes_at = Self::round_closes_at(&e, round).ok_or(Error::<T>::Overflow)?;
		ensure!(now >= closes_at, Error::<T>::RoundNotClosed);
		// Strictly in order: nothing at or before an allocated round.
		ensure!(
			round >= NextRoundToAllocate::<T>::get(emergency, item)
				&& !AllocatedRounds::<T>::contains_key((emergency, item, round)),
			Error::<T>::RoundAlreadyAllocated
		);
		// Only the latest closed round: once the next round closed, this one's needs are
		// stale (the clinics filed again, or their need passed) and are never counted.
		let next_closes_at =
			Self::round_closes_at(&e, round.saturating_add(1)).ok_or(Error::<T>::Overflow)?;
		ensure!(now < next_closes_at, Error::<T>::RoundExpired);
		let mut needs = RoundNeeds::<T>::get((emergency, item, round));
		ensure!(!needs.is_empty(), Error::<T>::NoNeeds);

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

		let mut created: u32 = 0;
		let mut total: Quantity = 0;
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
				Self::record_allocation(emergency, item, round, need, donation, take)?;
				need.allocated = need.allocated.checked_add(take).ok_or(Error::<T>::Overflow)?;
				total = total.checked_add(take).ok_or(Error::<T>::Overflow)?;
				created = created.saturating_add(1);
			}
		}

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
		let totals = ItemTotals::<T>::get(emergency, item);
		Self::deposit_event(Event::RoundAllocated {
			emergency,
			item,
			round,
			needs: needs_count,
			allocated: total,
			allocations: created,
			carried_over: totals.received.saturating_sub(totals.allocated),
		});
		Ok((needs_count, created))
	}

	/// Stores an allocation of `quantity` units of `donation` to `need`, indexes it under
	/// the donation and the recipient, and counts it.
	fn record_allocation(
		emergency: EmergencyId,
		item: ItemIndex,
		round: RoundIndex,
		need: &NeedOf<T>,
		donation: DonationId,
		quantity: Quantity,
	) -> Result<AllocationId, DispatchError> {
		let id = NextAllocationId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let mut d = Donations::<T>::get(donation).ok_or(Error::<T>::UnknownDonation)?;
		let warehouse =
			d.receipt.as_ref().map(|r| r.warehouse).ok_or(Error::<T>::UnknownDonation)?;
		let position = d.allocations;
		d.allocations = position.checked_add(1).ok_or(Error::<T>::Overflow)?;
		d.allocated = d.allocated.checked_add(quantity).ok_or(Error::<T>::Overflow)?;
		let received_position = RecipientAllocationCount::<T>::get(need.org);
		let received_next = received_position.checked_add(1).ok_or(Error::<T>::Overflow)?;
		Self::add_totals(emergency, item, Some(need.region), |t| bump(&mut t.allocated, quantity))?;
		Allocations::<T>::insert(
			id,
			Allocation {
				emergency,
				item,
				round,
				need: need.id,
				recipient: need.org,
				region: need.region,
				donation,
				warehouse,
				quantity,
				status: AllocationStatus::Pending,
			},
		);
		DonationAllocations::<T>::insert(donation, position, id);
		Donations::<T>::insert(donation, d);
		RecipientAllocations::<T>::insert(need.org, received_position, id);
		RecipientAllocationCount::<T>::insert(need.org, received_next);
		NextAllocationId::<T>::put(next);
		Self::deposit_event(Event::Allocated {
			allocation: id,
			need: need.id,
			recipient: need.org,
			donation,
			warehouse,
			quantity,
		});
		Ok(id)
	}
}

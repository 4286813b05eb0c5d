//! Invariants of the emergency supply pallet, checked by `try_state` and after every unit
//! test. Iterating storage is fine here: this never runs in a block.

use crate::*;

impl<T: Config> Pallet<T> {
	/// Checks, per emergency and item (and per region where counted):
	/// - received = allocated + unallocated (the units queued in its pools), and pledged ≥
	///   received;
	/// - allocated = dispatched + pending (allocations not dispatched yet);
	/// - dispatched = delivered + shortfall + in transit, so for confirmed allocations
	///   delivered + shortfall = dispatched;
	/// - the counters equal the sums over the donations and allocations, and the region
	///   counters of allocated, dispatched, delivered and shortfall add up to the item's.
	///
	/// It also checks that every donation's received units = its allocated + queued units, its trace
	/// lists exactly its allocations, each recipient's list is gap-free, in-transit entries
	/// are exactly the dispatched allocations, every need got at most its net need, every pool
	/// queue holds received donations of its emergency, item and target, ids are below their
	/// counters, and no emergency holds more pledges than allowed.
	///
	/// Pledges: each emergency's `pledges` is its number of donations; each donor's count of
	/// pledges awaiting receipt matches the donations, and is within its bound; deposits are
	/// held only for pledges awaiting receipt, and each donor holds at least their sum. Rounds:
	/// every allocated round lies before its item's [`NextRoundToAllocate`].
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::{ensure, traits::Get};

		type Key = (EmergencyId, ItemIndex);
		let add = |m: &mut BTreeMap<Key, u128>, k: Key, q: Quantity| {
			*m.entry(k).or_default() += u128::from(q);
		};
		let get = |m: &BTreeMap<Key, u128>, k: &Key| m.get(k).copied().unwrap_or(0);

		for (id, e) in Emergencies::<T>::iter() {
			ensure!(id < NextEmergencyId::<T>::get(), "emergency id not below NextEmergencyId");
			ensure!(e.pledges <= T::MaxPledgesPerEmergency::get(), "too many pledges");
			ensure!(e.sunset > e.starts_at, "emergency with an empty period");
		}

		let mut pledged = BTreeMap::new();
		let mut received = BTreeMap::new();
		let mut queued_per_donation = BTreeMap::<DonationId, u128>::new();
		let mut queued = BTreeMap::new();
		for ((emergency, item, pool), queue) in Pools::<T>::iter() {
			ensure!(!queue.is_empty(), "empty pool stored");
			for (donation, q) in queue.iter() {
				ensure!(*q > 0, "empty entry in a pool");
				let d = Donations::<T>::get(donation).ok_or("pool names a missing donation")?;
				ensure!(
					d.emergency == emergency && d.item == item && Pool::from(d.target) == pool,
					"donation queued in the wrong pool"
				);
				*queued_per_donation.entry(*donation).or_default() += u128::from(*q);
				add(&mut queued, (emergency, item), *q);
			}
		}
		let next_allocation = NextAllocationId::<T>::get();
		// The allocations of the queued item being stored count as stored: their units are
		// taken and counted already, their ids and list places reserved.
		let unstored: BTreeMap<AllocationId, PlannedAllocationOf<T>> =
			Self::check_queue()?.into_iter().map(|p| (p.id, p)).collect();
		let unstored_trace: BTreeMap<(DonationId, u32), AllocationId> = unstored
			.values()
			.map(|p| ((p.allocation.donation, p.donation_position), p.id))
			.collect();
		let unstored_received: BTreeMap<(ruralmed_primitives::OrganisationId, u32), AllocationId> =
			unstored
				.values()
				.map(|p| ((p.allocation.recipient, p.recipient_position), p.id))
				.collect();
		let allocation_of = |id: AllocationId| {
			Allocations::<T>::get(id).or_else(|| unstored.get(&id).map(|p| p.allocation.clone()))
		};
		{
			use frame_support::traits::fungible::InspectHold;
			use sp_runtime::traits::{Saturating, Zero};
			let mut per_emergency = BTreeMap::<EmergencyId, u32>::new();
			let mut open = BTreeMap::<(EmergencyId, T::AccountId), u32>::new();
			let mut held = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
			for (id, d) in Donations::<T>::iter() {
				*per_emergency.entry(d.emergency).or_default() += 1;
				if d.receipt.is_none() {
					*open.entry((d.emergency, d.donor.clone())).or_default() += 1;
				}
				if let Some(deposit) = PledgeDeposits::<T>::get(id) {
					ensure!(d.receipt.is_none(), "deposit held for a received pledge");
					let h = held.entry(d.donor.clone()).or_insert_with(Zero::zero);
					*h = (*h).saturating_add(deposit);
				}
			}
			for (id, e) in Emergencies::<T>::iter() {
				ensure!(
					per_emergency.get(&id).copied().unwrap_or(0) == e.pledges,
					"pledge count differs from the emergency's donations"
				);
			}
			for (emergency, donor, n) in DonorPledges::<T>::iter() {
				ensure!(n > 0, "zero donor pledge count stored");
				ensure!(
					open.get(&(emergency, donor)) == Some(&n),
					"donor pledge count differs from the pledges awaiting receipt"
				);
			}
			ensure!(DonorPledges::<T>::iter().count() == open.len(), "donor pledge count missing");
			for id in PledgeDeposits::<T>::iter_keys() {
				ensure!(Donations::<T>::contains_key(id), "deposit of no donation");
			}
			for (who, sum) in held {
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::PledgeDeposit.into(), &who) >= sum,
					"donor holds less than their pledges' deposits"
				);
			}
			for ((emergency, item, round), _) in AllocatedRounds::<T>::iter() {
				ensure!(
					round < NextRoundToAllocate::<T>::get(emergency, item),
					"allocated round not before NextRoundToAllocate"
				);
			}
		}
		for (id, d) in Donations::<T>::iter() {
			ensure!(id < NextDonationId::<T>::get(), "donation id not below NextDonationId");
			ensure!(Emergencies::<T>::contains_key(d.emergency), "donation to no emergency");
			let got = d.receipt.as_ref().map_or(0, |r| r.quantity);
			ensure!(got <= d.pledged, "received more than pledged");
			ensure!(
				u128::from(got)
					== u128::from(d.allocated) + queued_per_donation.get(&id).copied().unwrap_or(0),
				"donation's received units differ from allocated plus queued"
			);
			add(&mut pledged, (d.emergency, d.item), d.pledged);
			add(&mut received, (d.emergency, d.item), got);
			let mut traced: u128 = 0;
			for i in 0..d.allocations {
				let a_id = DonationAllocations::<T>::get(id, i)
					.or_else(|| unstored_trace.get(&(id, i)).copied())
					.ok_or("gap in a donation trace")?;
				ensure!(a_id < next_allocation, "trace names a future allocation");
				let a = allocation_of(a_id).ok_or("trace names a missing allocation")?;
				ensure!(a.donation == id, "trace names another donation's allocation");
				traced += u128::from(a.quantity);
			}
			ensure!(traced == u128::from(d.allocated), "trace differs from allocated units");
		}

		let mut allocated = BTreeMap::new();
		let mut pending = BTreeMap::new();
		let mut dispatched = BTreeMap::new();
		let mut delivered = BTreeMap::new();
		let mut shortfall = BTreeMap::new();
		let mut in_transit = BTreeMap::new();
		let mut per_recipient = BTreeMap::<ruralmed_primitives::OrganisationId, u32>::new();
		let mut in_transit_count = 0usize;
		for (id, a) in
			Allocations::<T>::iter().chain(unstored.values().map(|p| (p.id, p.allocation.clone())))
		{
			ensure!(id < next_allocation, "allocation id not below NextAllocationId");
			ensure!(a.quantity > 0, "empty allocation");
			let k = (a.emergency, a.item);
			add(&mut allocated, k, a.quantity);
			*per_recipient.entry(a.recipient).or_default() += 1;
			match a.status {
				AllocationStatus::Pending => {
					add(&mut pending, k, a.quantity);
					ensure!(!InTransit::<T>::contains_key(a.emergency, id), "pending in transit");
				}
				AllocationStatus::Dispatched { at } => {
					add(&mut dispatched, k, a.quantity);
					add(&mut in_transit, k, a.quantity);
					in_transit_count += 1;
					ensure!(
						InTransit::<T>::get(a.emergency, id) == Some(at),
						"dispatch missing from InTransit"
					);
				}
				AllocationStatus::Delivered { received: got, dispatched_at, confirmed_at } => {
					ensure!(got <= a.quantity, "delivered more than dispatched");
					ensure!(dispatched_at <= confirmed_at, "confirmed before dispatch");
					add(&mut dispatched, k, a.quantity);
					add(&mut delivered, k, got);
					add(&mut shortfall, k, a.quantity - got);
					ensure!(!InTransit::<T>::contains_key(a.emergency, id), "delivered in transit");
				}
			}
		}
		ensure!(InTransit::<T>::iter().count() == in_transit_count, "stale InTransit entries");
		for (emergency, id, at) in InTransit::<T>::iter() {
			ensure!(
				DispatchOrder::<T>::contains_key(emergency, Self::dispatch_key_of(at, id)),
				"dispatch missing from DispatchOrder"
			);
		}
		ensure!(
			DispatchOrder::<T>::iter().count() == in_transit_count,
			"stale DispatchOrder entries"
		);
		for (org, count) in RecipientAllocationCount::<T>::iter() {
			ensure!(per_recipient.get(&org) == Some(&count), "recipient count differs");
			for i in 0..count {
				let a_id = RecipientAllocations::<T>::get(org, i)
					.or_else(|| unstored_received.get(&(org, i)).copied())
					.ok_or("gap in recipient list")?;
				let a = allocation_of(a_id).ok_or("recipient list names no allocation")?;
				ensure!(a.recipient == org, "allocation listed under another recipient");
			}
		}
		ensure!(
			RecipientAllocationCount::<T>::iter().count() == per_recipient.len(),
			"recipient count missing"
		);

		let mut region_sums = BTreeMap::<Key, [u128; 4]>::new();
		for ((emergency, _region, item), t) in RegionTotals::<T>::iter() {
			let s = region_sums.entry((emergency, item)).or_default();
			s[0] += u128::from(t.allocated);
			s[1] += u128::from(t.dispatched);
			s[2] += u128::from(t.delivered);
			s[3] += u128::from(t.shortfall);
			ensure!(t.pledged >= t.received, "region received more than pledged");
		}
		let mut keys: alloc::collections::btree_set::BTreeSet<Key> =
			ItemTotals::<T>::iter().map(|(e, i, _)| (e, i)).collect();
		keys.extend(pledged.keys().copied());
		keys.extend(allocated.keys().copied());
		keys.extend(queued.keys().copied());
		for k in keys {
			let t = ItemTotals::<T>::get(k.0, k.1);
			ensure!(u128::from(t.pledged) == get(&pledged, &k), "pledged counter differs");
			ensure!(u128::from(t.received) == get(&received, &k), "received counter differs");
			ensure!(u128::from(t.allocated) == get(&allocated, &k), "allocated counter differs");
			ensure!(u128::from(t.dispatched) == get(&dispatched, &k), "dispatched counter differs");
			ensure!(u128::from(t.delivered) == get(&delivered, &k), "delivered counter differs");
			ensure!(u128::from(t.shortfall) == get(&shortfall, &k), "shortfall counter differs");
			// The three conservation laws.
			ensure!(
				u128::from(t.received) == u128::from(t.allocated) + get(&queued, &k),
				"received != allocated + unallocated"
			);
			ensure!(
				u128::from(t.allocated) == u128::from(t.dispatched) + get(&pending, &k),
				"allocated != dispatched + pending"
			);
			ensure!(
				u128::from(t.dispatched)
					== u128::from(t.delivered) + u128::from(t.shortfall) + get(&in_transit, &k),
				"dispatched != delivered + shortfall + in transit"
			);
			let r = region_sums.get(&k).copied().unwrap_or_default();
			ensure!(
				r == [
					u128::from(t.allocated),
					u128::from(t.dispatched),
					u128::from(t.delivered),
					u128::from(t.shortfall)
				],
				"region counters do not add up to the item's"
			);
		}

		for ((emergency, item, round), needs) in RoundNeeds::<T>::iter() {
			ensure!(Emergencies::<T>::contains_key(emergency), "needs of no emergency");
			ensure!(needs.len() as u32 <= T::MaxNeedsPerRound::get(), "round over its bound");
			let allocated_round = AllocatedRounds::<T>::contains_key((emergency, item, round));
			for (i, n) in needs.iter().enumerate() {
				ensure!(n.id < NextNeedId::<T>::get(), "need id not below NextNeedId");
				ensure!(n.allocated <= n.net_need(), "need over-served");
				ensure!(allocated_round || n.allocated == 0, "unallocated round with allocations");
				ensure!(
					needs.iter().skip(i + 1).all(|m| m.org != n.org),
					"an organisation has two needs in one round"
				);
			}
		}
		Ok(())
	}

	/// Checks the allocation queue: within its bound, each round once, items in range; an item
	/// in progress belongs to the front round, has allocations left to store, and none of
	/// those is stored or listed yet. Returns those allocations.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	fn check_queue() -> Result<alloc::vec::Vec<PlannedAllocationOf<T>>, sp_runtime::TryRuntimeError>
	{
		use frame_support::ensure;
		let queue = RoundQueue::<T>::get();
		for (i, q) in queue.iter().enumerate() {
			ensure!(q.next_item <= q.items, "queued round past its last item");
			let e = Emergencies::<T>::get(q.emergency).ok_or("queued round of no emergency")?;
			ensure!(q.items as usize == e.items.len(), "queued round's item count differs");
			ensure!(
				queue.iter().skip(i + 1).all(|o| (o.emergency, o.round) != (q.emergency, q.round)),
				"a round queued twice"
			);
		}
		let Some(p) = AllocationInProgress::<T>::get() else { return Ok(alloc::vec::Vec::new()) };
		let front = queue.first().ok_or("allocation in progress with an empty queue")?;
		ensure!(
			(front.emergency, front.round) == (p.emergency, p.round) && p.item < front.next_item,
			"allocation in progress not of the front round"
		);
		ensure!(p.stored < p.planned.len() as u32, "finished allocation still in progress");
		ensure!(
			AllocatedRounds::<T>::contains_key((p.emergency, p.item, p.round)),
			"allocation in progress of a round not marked allocated"
		);
		let left: alloc::vec::Vec<_> = p.planned.iter().skip(p.stored as usize).cloned().collect();
		for planned in &left {
			let a = &planned.allocation;
			ensure!(
				(a.emergency, a.item, a.round) == (p.emergency, p.item, p.round),
				"planned allocation of another round"
			);
			ensure!(!Allocations::<T>::contains_key(planned.id), "planned allocation stored");
			ensure!(
				!DonationAllocations::<T>::contains_key(a.donation, planned.donation_position)
					&& !RecipientAllocations::<T>::contains_key(
						a.recipient,
						planned.recipient_position
					),
				"planned allocation listed"
			);
		}
		Ok(left)
	}
}

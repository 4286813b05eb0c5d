//! Whole rounds allocated without anyone calling per item: [`allocate_round`] queues a round,
//! and at the start of each block the pallet allocates its items in catalogue order within
//! [`Config::AllocationBudget`]. An item is planned in one step (its units taken from the pools
//! and everything counted, [`Pallet::plan_allocation`]); its allocations are then stored as
//! many a block as the budget takes, the rest in the next blocks. At most one item is planned a
//! block, so a block's work is bounded by the budget whatever the round holds. Everything
//! depends only on the chain's state, so every node does the same.
//!
//! [`allocate_round`]: crate::Pallet::allocate_round

use crate::*;
use frame_support::{
	ensure, pallet_prelude::DispatchResult, storage::with_storage_layer, traits::Get,
	weights::Weight, BoundedVec,
};

/// What the allocation of a queued item came to this block.
enum Step {
	/// Something was done; look at the queue again.
	Continue,
	/// The budget is spent (or nothing more fits), or an item was planned (one a block).
	Stop,
}

impl<T: Config> Pallet<T> {
	/// Queues round `round` of `emergency` for the allocation of every item of its catalogue.
	pub(crate) fn do_allocate_round(emergency: EmergencyId, round: RoundIndex) -> DispatchResult {
		let e = Emergencies::<T>::get(emergency).ok_or(Error::<T>::UnknownEmergency)?;
		ensure!(e.status == EmergencyStatus::Active, Error::<T>::EmergencyNotOpen);
		let now = frame_system::Pallet::<T>::block_number();
		Self::ensure_round_closed(&e, round, now)?;
		Self::ensure_round_latest(&e, round, now)?;
		let mut queue = RoundQueue::<T>::get();
		ensure!(
			!queue.iter().any(|q| q.emergency == emergency && q.round == round),
			Error::<T>::RoundAlreadyQueued
		);
		let items = e.items.len() as ItemIndex;
		queue
			.try_push(QueuedRound { emergency, round, next_item: 0, items })
			.map_err(|_| Error::<T>::AllocationQueueFull)?;
		RoundQueue::<T>::put(queue);
		Self::deposit_event(Event::RoundQueued { emergency, round, items });
		Ok(())
	}

	/// The weight of planning an item of `needs` needs into `allocations` allocations as a
	/// queued step: the benchmarked step plus the region pools its benchmark does not reach
	/// (see [`Self::allocate_weight`]).
	pub fn plan_step_weight(needs: u32, allocations: u32) -> Weight {
		let extra = u64::from(needs).saturating_mul(3);
		T::WeightInfo::allocate_queued_plan(needs, allocations)
			.saturating_add(T::DbWeight::get().reads_writes(extra, extra))
	}

	/// The most a block's queued allocation may cost before it looks at an item: planning the
	/// largest round an item can have.
	pub fn worst_plan_step_weight() -> Weight {
		Self::plan_step_weight(T::MaxNeedsPerRound::get(), Self::max_allocations_per_round())
	}

	/// Allocates queued rounds within `budget`; returns the weight used. Run at the start of
	/// every block.
	pub(crate) fn allocate_queued(budget: Weight) -> Weight {
		let mut used = T::WeightInfo::allocate_queued_idle();
		let mut queue = RoundQueue::<T>::get();
		if queue.is_empty() {
			return used;
		}
		let mut progress = AllocationInProgress::<T>::get();
		// The step benchmarks include this read; a block where no step fits pays it here.
		used = used.saturating_add(T::DbWeight::get().reads(1));
		let (queue_before, progress_before) = (queue.clone(), progress.clone());
		loop {
			let step = match progress.take() {
				Some(p) => Self::store_step(p, budget, &mut used, &mut progress),
				None => Self::plan_step(&mut queue, budget, &mut used, &mut progress),
			};
			match step {
				Step::Continue => continue,
				Step::Stop => break,
			}
		}
		// Written only when a step ran, which its weight includes.
		if queue != queue_before {
			RoundQueue::<T>::put(queue);
		}
		if progress != progress_before {
			match progress {
				Some(p) => AllocationInProgress::<T>::put(p),
				None => AllocationInProgress::<T>::kill(),
			}
		}
		used
	}

	/// Stores as many of the item's planned allocations as fit; emits the item's
	/// [`Event::RoundAllocated`] when the last is stored.
	fn store_step(
		mut p: AllocationInProgressOf<T>,
		budget: Weight,
		used: &mut Weight,
		progress: &mut Option<AllocationInProgressOf<T>>,
	) -> Step {
		let total = p.planned.len() as u32;
		let left = total.saturating_sub(p.stored);
		let room = budget.saturating_sub(*used);
		let count = Self::allocations_fitting(room, left);
		if count == 0 {
			*progress = Some(p);
			return Step::Stop;
		}
		let from = p.stored as usize;
		for planned in p.planned.iter().skip(from).take(count as usize) {
			Self::store_allocation(planned.clone());
		}
		p.stored = p.stored.saturating_add(count);
		*used = used.saturating_add(T::WeightInfo::allocate_queued_store(count));
		if p.stored < total {
			*progress = Some(p);
			return Step::Stop;
		}
		Self::deposit_round_allocated(p.emergency, p.item, p.round, p.needs, p.allocated, total);
		Step::Continue
	}

	/// The most of `left` allocations whose storing costs at most `room`.
	fn allocations_fitting(room: Weight, left: u32) -> u32 {
		let fits = |k: u32| T::WeightInfo::allocate_queued_store(k).all_lte(room);
		if fits(left) {
			return left;
		}
		// The weight grows with the count: the largest count that fits, by bisection.
		let (mut low, mut high) = (0u32, left);
		while low < high {
			let mid = low + (high - low).div_ceil(2);
			if fits(mid) {
				low = mid;
			} else {
				high = mid - 1;
			}
		}
		low
	}

	/// Plans the front round's next item, or takes the round off the queue when all its items
	/// are done. An item that cannot be allocated (no needs, already allocated on its own,
	/// the emergency closed since) is skipped with [`Event::QueuedItemSkipped`].
	fn plan_step(
		queue: &mut QueueOf<T>,
		budget: Weight,
		used: &mut Weight,
		progress: &mut Option<AllocationInProgressOf<T>>,
	) -> Step {
		let Some(front) = queue.get_mut(0) else { return Step::Stop };
		let (emergency, round, item) = (front.emergency, front.round, front.next_item);
		if item >= front.items {
			queue.remove(0);
			Self::deposit_event(Event::QueuedRoundAllocated { emergency, round });
			return Step::Continue;
		}
		if !used.saturating_add(Self::worst_plan_step_weight()).all_lte(budget) {
			return Step::Stop;
		}
		front.next_item = item.saturating_add(1);
		let needs = match Self::allocatable_needs(emergency, item, round, false) {
			Ok(needs) => needs,
			Err(error) => {
				*used = used.saturating_add(T::WeightInfo::allocate_queued_skip());
				Self::deposit_event(Event::QueuedItemSkipped { emergency, item, round, error });
				return Step::Continue;
			}
		};
		let needs_count = needs.len() as u32;
		// A failed plan (a counter that would overflow) leaves nothing behind.
		match with_storage_layer(|| Self::plan_needs(emergency, item, round, needs)) {
			Ok(plan) => {
				let count = plan.planned.len() as u32;
				*used = used.saturating_add(Self::plan_step_weight(plan.needs, count));
				if count == 0 {
					Self::deposit_round_allocated(emergency, item, round, plan.needs, 0, 0);
					return Step::Continue;
				}
				*progress = Some(ItemInProgress {
					emergency,
					item,
					round,
					needs: plan.needs,
					allocated: plan.allocated,
					// The plan holds at most `max_allocations_per_round` (checked).
					planned: BoundedVec::truncate_from(plan.planned),
					stored: 0,
				});
				Step::Stop
			}
			Err(error) => {
				// How far it got is not known: charged as the largest plan.
				*used = used.saturating_add(Self::plan_step_weight(
					needs_count,
					Self::max_allocations_per_round(),
				));
				Self::deposit_event(Event::QueuedItemSkipped { emergency, item, round, error });
				Step::Continue
			}
		}
	}
}

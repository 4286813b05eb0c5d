//! The allocation algorithm as pure functions over slices, so it can be tested (including by
//! property tests) without storage. The pallet builds the inputs from a round's needs and the
//! stock pools, and turns the grants into allocation records.
//!
//! - [`share`] splits one pool among claims: tiers in order Critical, Urgent, Routine; a tier
//!   whose whole unmet need fits is served in full, otherwise the rest of the pool is shared in
//!   that tier in proportion to unmet need by the largest-remainder method (floors first, then
//!   one more unit each to the largest remainders, ties to the lower need id), and lower tiers
//!   get nothing.
//! - [`share_capped`] does the same, but in the tier that cannot be served in full, every
//!   claim is first cut to `cap` of what is left for the tier (rounded up), and what is left
//!   after that is shared among the claims' uncut remainders: a need takes more than `cap`
//!   only once every claim of its tier has its unmet need up to `cap`.
//! - [`allocate`] runs [`share_capped`] over pools in the order given, each time on the unmet
//!   need left by the pools before.
//!
//! Integers only: products are taken in `u128`, where a `u64` times a `u64` cannot overflow.

use crate::types::{NeedId, Priority, Quantity};
use alloc::{vec, vec::Vec};
use sp_runtime::Perbill;

/// One need's claim on a pool.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Claim {
	/// The need's id: ties between equal remainders go to the lower id.
	pub id: NeedId,
	/// Its tier.
	pub priority: Priority,
	/// Units still unmet.
	pub unmet: Quantity,
}

/// One stock pool: what it holds and which needs (by position) may draw from it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PoolInput {
	/// Units available.
	pub available: Quantity,
	/// Positions of the needs that may draw from it; out-of-range and repeated positions are
	/// ignored.
	pub members: Vec<usize>,
}

/// Units of pool `pool` granted to need `need` (both positions in the inputs).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Grant {
	/// Position of the pool.
	pub pool: usize,
	/// Position of the need.
	pub need: usize,
	/// Units granted; never zero.
	pub quantity: Quantity,
}

/// The result of [`allocate`].
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Outcome {
	/// Grants in pool order, then in the pool's member order.
	pub grants: Vec<Grant>,
	/// Units served per need.
	pub served: Vec<Quantity>,
	/// Units left per pool, carried to the next round.
	pub leftover: Vec<Quantity>,
}

/// The tiers in the order they are served.
pub const TIERS: [Priority; 3] = [Priority::Critical, Priority::Urgent, Priority::Routine];

/// Shares `available` units among `claims` (see the module docs); returns each claim's grant,
/// in the claims' order. Never grants a claim more than its `unmet`, never more than
/// `available` in all, and leaves nothing over while any claim is unmet.
pub fn share(available: Quantity, claims: &[Claim]) -> Vec<Quantity> {
	share_capped(available, claims, Perbill::one())
}

/// Shares `available` units among `claims` like [`share`], with a cap on the tier that cannot
/// be served in full: there, no claim gets more than `cap` of what is left for the tier
/// (rounded up, at least one unit) before every claim of the tier has its unmet need up to
/// that limit. A first pass shares with the tier's claims cut to the limit; a second shares
/// what is left among their uncut remainders. Tiers are still served in order, lower tiers get
/// nothing while a higher one is unmet, and exactly `min(available, Σ unmet)` is handed out.
pub fn share_capped(available: Quantity, claims: &[Claim], cap: Perbill) -> Vec<Quantity> {
	let mut grants = vec![0; claims.len()];
	let mut remaining = available;
	for tier in TIERS {
		if remaining == 0 {
			break;
		}
		let in_tier: Vec<usize> = (0..claims.len())
			.filter(|&i| claims[i].priority == tier && claims[i].unmet > 0)
			.collect();
		let total: u128 =
			in_tier.iter().fold(0u128, |sum, &i| sum.saturating_add(u128::from(claims[i].unmet)));
		if total == 0 {
			continue;
		}
		if total <= u128::from(remaining) {
			for &i in &in_tier {
				grants[i] = claims[i].unmet;
			}
			// `total <= remaining`, so this cannot wrap.
			remaining = remaining.saturating_sub(total as Quantity);
			continue;
		}
		// The tier cannot be served in full: share what remains, each claim first cut to the
		// cap, then the rest on what the cut left unmet.
		let limit =
			if cap == Perbill::one() { Quantity::MAX } else { cap.mul_ceil(remaining).max(1) };
		let cut: Vec<Quantity> = in_tier.iter().map(|&i| claims[i].unmet.min(limit)).collect();
		let first = proportional(remaining, &in_tier, &cut, claims);
		let given = first.iter().fold(0u64, |sum, g| sum.saturating_add(*g));
		let left = remaining.saturating_sub(given);
		let rest: Vec<Quantity> = in_tier
			.iter()
			.zip(first.iter())
			.map(|(&i, g)| claims[i].unmet.saturating_sub(*g))
			.collect();
		let second = if left > 0 {
			proportional(left, &in_tier, &rest, claims)
		} else {
			vec![0; in_tier.len()]
		};
		let mut handed: Quantity = 0;
		for ((&i, a), b) in in_tier.iter().zip(first).zip(second) {
			grants[i] = a.saturating_add(b);
			handed = handed.saturating_add(grants[i]);
		}
		// All of it in exact arithmetic (the tier wants more than remains); lower tiers get
		// nothing from this pool.
		remaining = remaining.saturating_sub(handed);
	}
	grants
}

/// Shares `pot` among the claims at positions `members` wanting `wants` units each (in the
/// same order), in proportion to `wants` by the largest-remainder method (ties to the lower
/// need id); everyone in full if `pot` covers all.
fn proportional(
	pot: Quantity,
	members: &[usize],
	wants: &[Quantity],
	claims: &[Claim],
) -> Vec<Quantity> {
	let total: u128 = wants.iter().fold(0u128, |sum, w| sum.saturating_add(u128::from(*w)));
	if total <= u128::from(pot) {
		return wants.to_vec();
	}
	let pot = u128::from(pot);
	let mut out = vec![0; wants.len()];
	let mut given: u128 = 0;
	let mut remainders: Vec<(u128, NeedId, usize)> = Vec::with_capacity(wants.len());
	for (k, (&i, &want)) in members.iter().zip(wants.iter()).enumerate() {
		let product = pot.saturating_mul(u128::from(want));
		// `pot < total`, so the floor is below `want` and fits a `Quantity`.
		let floor = Quantity::try_from(product / total).unwrap_or(want);
		out[k] = floor.min(want);
		given = given.saturating_add(u128::from(out[k]));
		let id = claims.get(i).map_or(NeedId::MAX, |c| c.id);
		remainders.push((product % total, id, k));
	}
	// Fewer units are left than claims: one each to the largest remainders.
	let mut left = pot.saturating_sub(given);
	remainders.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
	for &(_, _, k) in &remainders {
		if left == 0 {
			break;
		}
		if out[k] < wants[k] {
			out[k] = out[k].saturating_add(1);
			left = left.saturating_sub(1);
		}
	}
	out
}

/// Runs [`share_capped`] with `cap` over `pools` in order, each on the needs' unmet units left
/// by the pools before; see [`Outcome`].
pub fn allocate(needs: &[Claim], pools: &[PoolInput], cap: Perbill) -> Outcome {
	let mut unmet: Vec<Quantity> = needs.iter().map(|n| n.unmet).collect();
	let mut served: Vec<Quantity> = vec![0; needs.len()];
	let mut grants = Vec::new();
	let mut leftover = Vec::with_capacity(pools.len());
	for (p, pool) in pools.iter().enumerate() {
		let mut members: Vec<usize> =
			pool.members.iter().copied().filter(|&i| i < needs.len()).collect();
		members.sort_unstable();
		members.dedup();
		let claims: Vec<Claim> = members
			.iter()
			.map(|&i| Claim { id: needs[i].id, priority: needs[i].priority, unmet: unmet[i] })
			.collect();
		let shares = share_capped(pool.available, &claims, cap);
		let mut used: Quantity = 0;
		for (&i, &quantity) in members.iter().zip(shares.iter()) {
			if quantity == 0 {
				continue;
			}
			unmet[i] = unmet[i].saturating_sub(quantity);
			served[i] = served[i].saturating_add(quantity);
			used = used.saturating_add(quantity);
			grants.push(Grant { pool: p, need: i, quantity });
		}
		leftover.push(pool.available.saturating_sub(used));
	}
	Outcome { grants, served, leftover }
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	fn claim(id: NeedId, priority: Priority, unmet: Quantity) -> Claim {
		Claim { id, priority, unmet }
	}

	#[test]
	fn tiers_in_order_then_largest_remainder() {
		let claims = [
			claim(0, Priority::Routine, 50),
			claim(1, Priority::Critical, 10),
			claim(2, Priority::Urgent, 10),
			claim(3, Priority::Urgent, 20),
		];
		// Critical fully (10), then 20 left for 30 urgent: 20*10/30 = 6.67, 20*20/30 = 13.33;
		// floors 6 + 13 = 19, the one left goes to the larger remainder (need 2).
		assert_eq!(share(30, &claims), vec![0, 10, 7, 13]);
		// Enough for everyone: everyone in full, the rest left over.
		assert_eq!(share(1_000, &claims), vec![50, 10, 10, 20]);
		assert_eq!(share(0, &claims), vec![0, 0, 0, 0]);
	}

	#[test]
	fn equal_remainders_go_to_the_lower_id() {
		let claims = [
			claim(9, Priority::Urgent, 1),
			claim(4, Priority::Urgent, 1),
			claim(7, Priority::Urgent, 1),
		];
		assert_eq!(share(1, &claims), vec![0, 1, 0]);
		assert_eq!(share(2, &claims), vec![0, 1, 1]);
	}

	#[test]
	fn huge_quantities_do_not_overflow() {
		let claims =
			[claim(0, Priority::Critical, u64::MAX), claim(1, Priority::Critical, u64::MAX)];
		let grants = share(u64::MAX, &claims);
		assert_eq!(grants.iter().map(|&g| g as u128).sum::<u128>(), u64::MAX as u128);
		assert_eq!(grants, vec![u64::MAX / 2 + 1, u64::MAX / 2]);
	}

	#[test]
	fn targeted_pools_first_then_general() {
		let needs = [claim(0, Priority::Routine, 10), claim(1, Priority::Critical, 10)];
		let pools = [
			PoolInput { available: 4, members: vec![0] },
			PoolInput { available: 30, members: vec![0, 1] },
		];
		let out = allocate(&needs, &pools, Perbill::one());
		assert_eq!(out.served, vec![10, 10]);
		assert_eq!(out.leftover, vec![0, 14]);
		assert_eq!(
			out.grants,
			vec![
				Grant { pool: 0, need: 0, quantity: 4 },
				Grant { pool: 1, need: 0, quantity: 6 },
				Grant { pool: 1, need: 1, quantity: 10 },
			]
		);
	}

	/// M1: one need asking for everything, in the top tier, gets at most the cap while the
	/// others are unmet; the others share the rest; nothing is lost.
	#[test]
	fn one_huge_claim_takes_at_most_the_cap() {
		let claims = [
			claim(0, Priority::Urgent, u64::MAX),
			claim(1, Priority::Urgent, 100),
			claim(2, Priority::Urgent, 300),
		];
		// Uncapped, the huge claim takes nearly everything.
		assert_eq!(share(1_000, &claims), vec![1_000, 0, 0]);
		let half = Perbill::from_percent(50);
		let capped = share_capped(1_000, &claims, half);
		// Cut to 500: 500 + 100 + 300 ≤ 1000, all served; the 100 left go to the huge claim.
		assert_eq!(capped, vec![600, 100, 300]);
		// Scarce: each cut to 50 of 100, so shared equally (the odd unit to the lower id).
		assert_eq!(share_capped(100, &claims, half), vec![34, 33, 33]);
		// Alone, a need still gets the whole pool (second pass).
		assert_eq!(share_capped(1_000, &claims[..1], half), vec![1_000]);
	}

	fn priority() -> impl Strategy<Value = Priority> {
		prop_oneof![Just(Priority::Critical), Just(Priority::Urgent), Just(Priority::Routine)]
	}

	/// Claims with distinct ids, as the pallet's needs have.
	fn claims(max_unmet: u64) -> impl Strategy<Value = Vec<Claim>> {
		prop::collection::vec((priority(), 0..=max_unmet), 0..24).prop_map(|v| {
			v.into_iter()
				.enumerate()
				.map(|(i, (priority, unmet))| claim(i as u64 * 3 + 1, priority, unmet))
				.collect()
		})
	}

	fn rank(p: Priority) -> u8 {
		p as u8
	}

	proptest! {
		#[test]
		fn no_claim_over_served_and_totals_conserved(
			available in prop_oneof![0..2_000u64, any::<u64>()],
			claims in prop_oneof![claims(500), claims(u64::MAX)],
		) {
			let grants = share(available, &claims);
			prop_assert_eq!(grants.len(), claims.len());
			for (g, c) in grants.iter().zip(claims.iter()) {
				prop_assert!(*g <= c.unmet);
			}
			let given: u128 = grants.iter().map(|&g| g as u128).sum();
			let wanted: u128 = claims.iter().map(|c| c.unmet as u128).sum();
			// Exactly the smaller of supply and demand is handed out: nothing lost, nothing made.
			prop_assert_eq!(given, wanted.min(available as u128));
		}

		#[test]
		fn capped_shares_conserve_and_respect_the_cap(
			available in prop_oneof![0..2_000u64, any::<u64>()],
			claims in prop_oneof![claims(500), claims(u64::MAX)],
			percent in 1..=100u32,
		) {
			let cap = Perbill::from_percent(percent);
			let grants = share_capped(available, &claims, cap);
			prop_assert_eq!(&grants, &share_capped(available, &claims, cap));
			let given: u128 = grants.iter().map(|&g| g as u128).sum();
			let wanted: u128 = claims.iter().map(|c| c.unmet as u128).sum();
			prop_assert_eq!(given, wanted.min(available as u128));
			for (g, c) in grants.iter().zip(claims.iter()) {
				prop_assert!(*g <= c.unmet);
			}
			// Tier by tier: full tiers first; in the first tier not served in full, a claim
			// gets more than the cap of what the tier had only once every claim of the tier
			// has its unmet need up to that limit; lower tiers get nothing.
			let mut remaining = available as u128;
			let mut short = false;
			for tier in TIERS {
				let members: Vec<usize> =
					(0..claims.len()).filter(|&i| claims[i].priority == tier).collect();
				let total: u128 = members.iter().map(|&i| claims[i].unmet as u128).sum();
				if short {
					prop_assert!(members.iter().all(|&i| grants[i] == 0));
					continue;
				}
				if total <= remaining {
					prop_assert!(members.iter().all(|&i| grants[i] == claims[i].unmet));
					remaining -= total;
					continue;
				}
				short = true;
				let limit = cap.mul_ceil(remaining as u64).max(1);
				let all_up_to_limit =
					members.iter().all(|&i| grants[i] >= claims[i].unmet.min(limit));
				for &i in &members {
					if grants[i] > limit {
						prop_assert!(all_up_to_limit);
					}
				}
			}
		}

		#[test]
		fn same_inputs_same_result_in_any_order(
			available in 0..2_000u64,
			claims in claims(500),
			seed in any::<u64>(),
		) {
			let grants = share(available, &claims);
			prop_assert_eq!(&grants, &share(available, &claims));
			// Presenting the same needs in another order changes nothing for any need.
			let mut shuffled: Vec<(Claim, u64)> =
				claims.iter().copied().zip(grants.iter().copied()).collect();
			shuffled.sort_by_key(|(c, _)| c.id.wrapping_mul(seed | 1).rotate_left((seed % 64) as u32));
			let reordered: Vec<Claim> = shuffled.iter().map(|(c, _)| *c).collect();
			let again = share(available, &reordered);
			for ((_, expected), got) in shuffled.iter().zip(again.iter()) {
				prop_assert_eq!(expected, got);
			}
		}

		#[test]
		fn higher_tier_fully_served_before_a_lower_tier_gets_anything(
			available in 0..2_000u64,
			claims in claims(500),
		) {
			let grants = share(available, &claims);
			for (lower, g) in claims.iter().zip(grants.iter()) {
				if *g == 0 { continue; }
				for (higher, h) in claims.iter().zip(grants.iter()) {
					if rank(higher.priority) < rank(lower.priority) {
						prop_assert_eq!(*h, higher.unmet);
					}
				}
			}
		}

		#[test]
		fn within_a_tier_shares_are_proportional_within_one_unit(
			available in 0..2_000u64,
			claims in claims(500),
		) {
			let grants = share(available, &claims);
			for tier in TIERS {
				let members: Vec<usize> =
					(0..claims.len()).filter(|&i| claims[i].priority == tier).collect();
				let pot: u128 = members.iter().map(|&i| grants[i] as u128).sum();
				let total: u128 = members.iter().map(|&i| claims[i].unmet as u128).sum();
				if total == 0 || pot == total { continue; }
				for &i in &members {
					let exact_floor = pot * claims[i].unmet as u128 / total;
					let g = grants[i] as u128;
					prop_assert!(g == exact_floor || g == exact_floor + 1);
				}
			}
		}

		#[test]
		fn pools_conserve_units_and_serve_only_members(
			needs in claims(300),
			pools in prop::collection::vec(
				(0..600u64, prop::collection::vec(0usize..30, 0..10)), 0..6),
		) {
			let pools: Vec<PoolInput> = pools
				.into_iter()
				.map(|(available, members)| PoolInput { available, members })
				.collect();
			let out = allocate(&needs, &pools, Perbill::one());
			prop_assert_eq!(&out, &allocate(&needs, &pools, Perbill::one()));
			for (i, n) in needs.iter().enumerate() {
				prop_assert!(out.served[i] <= n.unmet);
				let granted: u64 = out.grants.iter().filter(|g| g.need == i).map(|g| g.quantity).sum();
				prop_assert_eq!(granted, out.served[i]);
			}
			for (p, pool) in pools.iter().enumerate() {
				let used: u64 = out.grants.iter().filter(|g| g.pool == p).map(|g| g.quantity).sum();
				prop_assert_eq!(used + out.leftover[p], pool.available);
				for g in out.grants.iter().filter(|g| g.pool == p) {
					prop_assert!(pool.members.contains(&g.need));
					prop_assert!(g.quantity > 0);
				}
			}
		}
	}
}

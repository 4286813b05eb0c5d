//! The emergency supply pallet's logic, one file per feature. [`allocation`] is the pure
//! algorithm; the rest are the `do_*` helpers behind the calls, the queries behind the runtime
//! API, genesis and the invariants.

pub mod allocation;
mod delivery;
mod donations;
mod emergencies;
mod genesis;
mod needs;
mod queries;
mod queue;
mod rounds;
mod totals;
mod try_state;

//! The statistics pallet's logic, one file per feature: counting what happens, answering
//! questions about it, and the invariants.

mod counting;
mod queries;
mod try_state;

#[cfg(any(feature = "try-runtime", feature = "std"))]
pub(crate) use counting::enclosing_regions;

//! The validator set's logic, one file per feature; calls in `lib.rs` only check origins and
//! delegate here.

mod membership;
mod sessions;
mod try_state;

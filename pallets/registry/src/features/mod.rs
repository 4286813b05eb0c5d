//! The registry's logic, one file per feature; calls in `lib.rs` only check origins and
//! delegate here.

mod directory;
mod genesis;
mod keys;
mod organisations;
mod practitioners;
mod try_state;

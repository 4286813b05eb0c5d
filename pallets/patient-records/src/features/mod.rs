//! The patient records' logic, one file per feature.

pub mod access;
mod disputes;
mod erasure;
pub mod free_calls;
mod genesis;
mod key_shares;
mod patients;
mod queries;
mod records;
mod try_state;

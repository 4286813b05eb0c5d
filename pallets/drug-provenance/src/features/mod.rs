//! The drug provenance pallet's logic, one file per feature.

mod common;
mod custody;
mod dispensing;
mod genesis;
mod lots;
mod products;
mod quality;
mod try_state;
mod verification;

//! The consent pallet's logic, one file per feature.

mod access;
mod emergency;
mod grants;
mod referrals;
mod try_state;

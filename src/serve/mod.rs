//! `hireterm serve`: the app over SSH, one session per manager, one store.

pub mod keys;

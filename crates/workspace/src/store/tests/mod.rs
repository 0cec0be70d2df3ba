//! Unit tests of the persistence lifecycle against the in-memory store.

mod lifecycle;

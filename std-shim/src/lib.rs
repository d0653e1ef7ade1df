//! Std layer over deferrt-core (in progress).

//! Named entities (work in progress).

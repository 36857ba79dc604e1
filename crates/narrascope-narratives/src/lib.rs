//! Narrative classification (placeholder while the crate is built).

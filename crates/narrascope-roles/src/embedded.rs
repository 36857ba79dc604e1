//! The model built into the binary.

use crate::{RoleError, RoleModel};

/// The shipped model (`models/roles/roles.bin`), trained on all five languages of the
/// release; see `models/roles/README.md`.
pub static EMBEDDED_MODEL: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/roles/roles.bin"
));

impl RoleModel {
    /// The model built into the binary.
    pub fn embedded() -> Result<RoleModel, RoleError> {
        RoleModel::from_bytes(EMBEDDED_MODEL)
    }
}

//! Helpers shared by the binary's integration tests.

use std::process::{Command, Output};

/// The `narrascope` binary under test.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_narrascope"))
}

/// Runs `cmd` and returns its output, failing the test with its stderr unless it exits
/// with status 0.
pub fn run_ok(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("narrascope runs");
    assert!(
        out.status.success(),
        "{:?} failed: {}",
        cmd,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

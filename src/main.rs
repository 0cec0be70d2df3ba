//! Mounts the app in the browser; a native build has nothing to run.

#[cfg(target_arch = "wasm32")]
fn main() {
    microplan::shell::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Microplan runs in the browser: build it with `trunk build` (see README.md).");
}

//! Writes the demo workspace file the app fetches (`public/demo.microplan.json`). Run it from
//! the repository root after changing the generator:
//! `cargo run -p microplan-demo --bin write_demo_file`.

use microplan_demo::file::{demo_file_text, DEMO_FILE_PATH};

fn main() -> std::process::ExitCode {
    match std::fs::write(DEMO_FILE_PATH, demo_file_text()) {
        Ok(()) => {
            println!("wrote {DEMO_FILE_PATH}");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("could not write {DEMO_FILE_PATH}: {error} (run from the repository root)");
            std::process::ExitCode::FAILURE
        }
    }
}

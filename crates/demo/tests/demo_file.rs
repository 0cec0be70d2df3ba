//! The committed demo file is exactly what the generator makes, and the app's file decoder
//! reads it back into the same workspace.

use microplan_demo::file::{demo_file_text, DEMO_FILE_PATH};
use microplan_demo::{demo_workspace, DEMO_NAME};
use microplan_workspace::store::validate::decode_workspace_file;

fn committed() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/demo.microplan.json"
    );
    std::fs::read_to_string(path).unwrap_or_default()
}

#[test]
fn the_committed_demo_file_is_the_generators_output() {
    assert!(
        committed() == demo_file_text(),
        "{DEMO_FILE_PATH} differs from the generator: run `cargo run -p microplan-demo --bin write_demo_file` and commit it"
    );
}

#[test]
fn the_demo_file_decodes_to_exactly_the_generated_workspace() {
    let decoded = decode_workspace_file(committed().as_bytes()).expect("the demo file imports");
    assert_eq!(decoded.name, DEMO_NAME);
    assert_eq!(decoded.creators.len(), 40);
    assert!(
        decoded == demo_workspace(),
        "a value changed on the way through the file"
    );
}

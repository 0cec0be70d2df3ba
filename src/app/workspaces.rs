//! Whole workspaces to and from files, and the demo: the glue between the user's disk and
//! the workspace list (`workspace_ops`).

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::files::{download_text, read_file_bytes, safe_file_stem};
use super::persistence::{self, now_iso};
use super::state::AppState;
use super::static_files::fetch_build_file;
use super::workspace_ops;
use microplan_demo::file::DEMO_FILE_NAME;
use microplan_workspace::store::encode_workspace;
use microplan_workspace::store::validate::decode_workspace_file;

/// Fetches the demo workspace file (made by the demo generator, shipped beside the page),
/// writes what is being edited, then adds the demo, named `name` when given, and opens it.
/// `loading` is true while the file downloads, for the button to say so.
pub fn load_demo(state: AppState, name: Option<String>, loading: RwSignal<bool>) {
    loading.try_set(true);
    spawn_local(async move {
        let demo = fetch_build_file(DEMO_FILE_NAME)
            .await
            .and_then(|bytes| decode_workspace_file(&bytes).map_err(|error| error.to_string()));
        loading.try_set(false);
        match demo {
            Ok(mut demo) => {
                if let Some(name) = name {
                    demo.name = name;
                }
                persistence::flush(state).await;
                workspace_ops::add_and_open(state, demo).await;
            }
            Err(error) => state.notify_error(format!("The demo could not be loaded: {error}.")),
        }
    });
}

pub(crate) fn export_workspace_file(state: AppState) {
    let Some((name, text)) = state.workspace.with_untracked(|workspace| {
        workspace
            .as_ref()
            .map(|w| (w.name.clone(), encode_workspace(w, &now_iso())))
    }) else {
        state.notify_error("Open a workspace first.");
        return;
    };
    let file_name = format!("{}.microplan.json", safe_file_stem(&name));
    match download_text(&file_name, &text, "application/json") {
        Ok(()) => state.notify(format!("Exported “{name}” as {file_name}.")),
        Err(error) => state.notify_error(error),
    }
}

pub(crate) fn import_workspace_file(state: AppState, ev: leptos::ev::Event) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    input.set_value("");
    // An oversized file is refused before it is read into memory.
    if file.size() > microplan_model::limits::MAX_FILE_BYTES as f64 {
        let error = microplan_workspace::store::validate::FileError::TooLarge {
            bytes: file.size() as usize,
        };
        return state.notify_error(format!(
            "“{}” was not imported: {error}. Your workspaces are unchanged.",
            file.name()
        ));
    }
    spawn_local(async move {
        let bytes = match read_file_bytes(&file).await {
            Ok(bytes) => bytes,
            Err(error) => return state.notify_error(error),
        };
        // Refuses invalid UTF-8 (with its byte offset), oversized files and values out of range.
        match microplan_workspace::store::validate::decode_workspace_file(&bytes) {
            Ok(workspace) => {
                persistence::flush(state).await;
                workspace_ops::add_and_open(state, workspace).await;
            }
            Err(error) => state.notify_error(format!(
                "“{}” was not imported: {error}. Your workspaces are unchanged.",
                file.name()
            )),
        }
    });
}

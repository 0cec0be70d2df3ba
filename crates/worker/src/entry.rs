//! The browser side of the worker: messages in and out, the file read with `FileReaderSync`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

use microplan_worker::protocol::{creator_parts, Job, Reply, Split, WorkerMessage};
use microplan_worker::uplift::{analyse_geo, geo_power, rank_geo_candidates};
use microplan_worker::{
    analyse_comment_range, analyse_comment_share, CommentShareResult, FileSlices,
};

pub fn start() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let listener_scope = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let message = match run(&listener_scope, &event.data()) {
            Ok(reply) => WorkerMessage::Done { reply },
            Err(message) => WorkerMessage::Failed { message },
        };
        post(&listener_scope, &message);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as its scope: the listener is never dropped.
    on_message.forget();
    post(&scope, &WorkerMessage::Ready);
}

fn post(scope: &DedicatedWorkerGlobalScope, message: &WorkerMessage) {
    if let Ok(text) = serde_json::to_string(message) {
        let _ = scope.post_message(&JsValue::from_str(&text));
    }
}

/// `data` is `[job JSON, File]`, or `[job JSON]` for a job without a file.
fn run(scope: &DedicatedWorkerGlobalScope, data: &JsValue) -> Result<Reply, String> {
    let parts = js_sys::Array::from(data);
    let job_text = parts
        .get(0)
        .as_string()
        .ok_or("the job was not understood")?;
    let job: Job = serde_json::from_str(&job_text)
        .map_err(|error| format!("the job was not understood ({error})"))?;
    match job {
        Job::CommentShare {
            share,
            shares,
            settings,
            split,
        } => {
            let started = js_sys::Date::now();
            let file = file_of(&parts.get(1))?;
            let mut read_done = None;
            let mut progress = |fraction: f64| {
                // Reading is the first 40% of the progress (see `analyse_comment_share`).
                if fraction >= 0.4 && read_done.is_none() {
                    read_done = Some(js_sys::Date::now());
                }
                post(scope, &WorkerMessage::Progress { fraction });
            };
            let mut result = match split {
                Split::ByCreator => {
                    let bytes = file.read(0, file.size())?;
                    reserve_memory(bytes.len());
                    analyse_comment_share(bytes, share, shares, &settings, &mut progress)?
                }
                Split::ByRange => {
                    reserve_memory((file.size() / u64::from(shares.max(1))) as usize);
                    analyse_comment_range(&file, share, shares, &settings, &mut progress)?
                }
            };
            let read_done = read_done.unwrap_or(started);
            let finished = js_sys::Date::now();
            // The creators go ahead in parts; `Done` carries the rest of the result.
            for part in creator_parts(std::mem::take(&mut result.creators)) {
                post(scope, &WorkerMessage::CommentCreators { creators: part });
            }
            Ok(Reply::CommentShare(CommentShareResult {
                read_seconds: (read_done - started) / 1000.0,
                analyse_seconds: (finished - read_done) / 1000.0,
                ..result
            }))
        }
        Job::GeoAnalysis { test } => Ok(Reply::GeoAnalysis {
            result: analyse_geo(&test).map(Box::new),
        }),
        Job::GeoPower {
            test,
            test_days,
            alpha,
        } => Ok(Reply::GeoPower {
            result: geo_power(&test, test_days, alpha),
        }),
        Job::GeoCandidates { test, shown } => Ok(Reply::GeoCandidates {
            result: rank_geo_candidates(&test, shown),
        }),
    }
}

/// Grows the worker's memory once by about what analysing a file of `file_bytes` needs
/// beside the file (rows, groups, the analysis): growing it a step at a time as the
/// analysis allocates took longer than the analysis itself. A memory that cannot grow that
/// far is left as it is.
fn reserve_memory(file_bytes: usize) {
    let mut room: Vec<u8> = Vec::new();
    if room.try_reserve_exact(file_bytes).is_ok() {
        // Freed at once: the allocator keeps the room for what comes next.
        drop(std::hint::black_box(room));
    }
}

/// The job's file, read synchronously a slice at a time: a worker may block, the page never
/// waits on it.
struct WorkerFile {
    file: File,
    reader: FileReaderSync,
}

fn file_of(value: &JsValue) -> Result<WorkerFile, String> {
    let file = value
        .clone()
        .dyn_into::<File>()
        .map_err(|_| "no file came with the job".to_string())?;
    let reader = FileReaderSync::new().map_err(|_| "the file could not be opened".to_string())?;
    Ok(WorkerFile { file, reader })
}

impl FileSlices for WorkerFile {
    fn size(&self) -> u64 {
        self.file.size() as u64
    }

    fn read(&self, start: u64, end: u64) -> Result<Vec<u8>, String> {
        let unreadable = || format!("“{}” could not be read from disk", self.file.name());
        let slice = self
            .file
            .slice_with_f64_and_f64(start as f64, end.min(self.size()) as f64)
            .map_err(|_| unreadable())?;
        let buffer = self
            .reader
            .read_as_array_buffer(&slice)
            .map_err(|_| unreadable())?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}

//! Runs jobs in compute workers (`crates/worker`, built by Trunk beside the app as
//! `microplan-worker_loader.js`), off the page's thread, so a long import never freezes it.
//!
//! One worker per job, all started together: each is sent its job once it says `Ready`,
//! reports progress, answers once, and is terminated as soon as every job is answered (or
//! one failed), so the memory it used goes back to the system. A comment share's creators
//! come in parts ahead of its answer; the pool reads them one per task as they arrive, so the
//! page draws frames between them.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Event, MessageEvent, Worker};

use microplan_worker::protocol::{is_creators_part, Job, Reply, ShareCreator, WorkerMessage};

/// The worker's start script, next to the app's files (it follows the page's base URL).
const WORKER_SCRIPT: &str = "microplan-worker_loader.js";
/// Most workers one job list uses: beyond four, memory grows faster than speed.
const MAX_WORKERS: u32 = 4;
/// A worker that has not said `Ready` by then never will (its code failed to load).
const READY_WITHIN_MS: i32 = 30_000;

/// How many workers to split a job into: the browser's logical cores, 1 to [`MAX_WORKERS`].
pub fn worker_count() -> u32 {
    let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency());
    (cores as u32).clamp(1, MAX_WORKERS)
}

/// Said when a worker cannot start at all.
const NO_WORKER: &str = "this browser could not start a background worker, which the \
    analysis runs in (is the page opened from a file, or are workers disabled?)";

/// One started worker and the listeners that must live as long as it does.
struct Running {
    worker: Worker,
    answered: Promise,
    /// The timer that gives up on a worker that never starts; cleared at the end.
    ready_timer: i32,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
    _on_timeout: Closure<dyn FnMut()>,
}

/// Runs every job in its own worker, `file` (if any) posted beside each job, and returns the replies
/// in job order. `on_progress` gets the mean fraction done over all workers, 0 to 1.
pub async fn run_jobs(
    jobs: Vec<Job>,
    file: Option<&web_sys::File>,
    on_progress: impl Fn(f64) + 'static,
) -> Result<Vec<Reply>, String> {
    let count = jobs.len();
    let shared = Shared {
        fractions: Rc::new(RefCell::new(vec![0.0; count])),
        replies: Rc::new(RefCell::new(vec![None; count])),
        on_progress: Rc::new(on_progress),
        parts: Rc::default(),
        part_arrived: Rc::default(),
    };
    let mut running = Vec::with_capacity(count);
    for (index, job) in jobs.iter().enumerate() {
        let text = serde_json::to_string(job).map_err(|e| e.to_string());
        let started = text.and_then(|text| start(text, file, index, shared.clone()));
        match started {
            Ok(worker) => running.push(worker),
            Err(error) => {
                terminate(&running);
                return Err(error);
            }
        }
    }
    let all = Array::new();
    for worker in &running {
        all.push(&worker.answered);
    }
    let all = Promise::all(&all);
    let mut creators: Vec<Vec<ShareCreator>> = vec![Vec::new(); count];
    // Parts are read as they arrive, one per task, so frames are drawn between them while the
    // other workers go on.
    let outcome = loop {
        if let Err(error) = read_parts(&shared, &mut creators).await {
            terminate(&running);
            return Err(error);
        }
        let arrival = Promise::new(&mut |resolve, _| {
            *shared.part_arrived.borrow_mut() = Some(resolve);
        });
        match JsFuture::from(Promise::race(&Array::of2(&all, &arrival))).await {
            // `Promise.all` answers with an array; an arrival with nothing.
            Ok(value) if !value.is_array() => continue,
            outcome => break outcome,
        }
    };
    terminate(&running);
    drop(running);
    outcome.map_err(|error| {
        error
            .as_string()
            .unwrap_or_else(|| "a background worker stopped".into())
    })?;
    read_parts(&shared, &mut creators).await?;
    let replies = shared
        .replies
        .borrow_mut()
        .drain(..)
        .collect::<Option<Vec<_>>>();
    let mut replies = replies.ok_or("a background worker did not answer")?;
    for (reply, mut early) in replies.iter_mut().zip(creators) {
        if let Reply::CommentShare(result) = reply {
            early.append(&mut result.creators);
            result.creators = early;
        }
    }
    Ok(replies)
}

/// Reads the creator parts that have arrived into `creators` (by worker), pausing for the
/// page after each.
async fn read_parts(shared: &Shared, creators: &mut [Vec<ShareCreator>]) -> Result<(), String> {
    loop {
        let next = shared.parts.borrow_mut().pop_front();
        let Some((index, text)) = next else {
            return Ok(());
        };
        match serde_json::from_str::<WorkerMessage>(&text) {
            Ok(WorkerMessage::CommentCreators { creators: mut part }) => {
                if let Some(list) = creators.get_mut(index) {
                    list.append(&mut part);
                }
            }
            _ => return Err(NOT_UNDERSTOOD.into()),
        }
        super::browser::yield_to_page().await;
    }
}

const NOT_UNDERSTOOD: &str = "a background worker answered in a way the page does not understand";

/// What the workers' listeners share with the pool; each listener writes the slots of its
/// job's index.
#[derive(Clone)]
struct Shared {
    fractions: Rc<RefCell<Vec<f64>>>,
    replies: Rc<RefCell<Vec<Option<Reply>>>>,
    on_progress: Rc<dyn Fn(f64)>,
    /// Creator parts not read yet, as posted, with the index of the worker that sent them.
    parts: Rc<RefCell<VecDeque<(usize, String)>>>,
    /// Resolves the pool's wait when a part arrives.
    part_arrived: Rc<RefCell<Option<Function>>>,
}

fn start(
    job: String,
    file: Option<&web_sys::File>,
    index: usize,
    shared: Shared,
) -> Result<Running, String> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .ok_or(NO_WORKER)?;
    let url = web_sys::Url::new_with_base(WORKER_SCRIPT, &base).map_err(|_| NO_WORKER)?;
    let worker = Worker::new(&url.href()).map_err(|_| NO_WORKER)?;
    let mut settle: Option<(Function, Function)> = None;
    let answered = Promise::new(&mut |resolve, reject| settle = Some((resolve, reject)));
    let (resolve, reject) = settle.ok_or(NO_WORKER)?;
    let message = match file {
        Some(file) => Array::of2(&JsValue::from_str(&job), file),
        None => Array::of1(&JsValue::from_str(&job)),
    };
    let ready = Rc::new(std::cell::Cell::new(false));
    let heard = ready.clone();
    let poster = worker.clone();
    let failed = reject.clone();
    let failed_again = reject.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(text) = event.data().as_string() else {
            let _ = failed.call1(&JsValue::NULL, &NOT_UNDERSTOOD.into());
            return;
        };
        if is_creators_part(&text) {
            shared.parts.borrow_mut().push_back((index, text));
            let wake = shared.part_arrived.borrow_mut().take();
            if let Some(wake) = wake {
                let _ = wake.call0(&JsValue::NULL);
            }
            return;
        }
        match serde_json::from_str::<WorkerMessage>(&text) {
            Ok(WorkerMessage::Ready) => {
                heard.set(true);
                if poster.post_message(&message).is_err() {
                    let _ = failed.call1(
                        &JsValue::NULL,
                        &"the file could not be handed to the background worker".into(),
                    );
                }
            }
            Ok(WorkerMessage::Progress { fraction }) => {
                let mean = {
                    let mut fractions = shared.fractions.borrow_mut();
                    if let Some(slot) = fractions.get_mut(index) {
                        *slot = fraction;
                    }
                    fractions.iter().sum::<f64>() / fractions.len().max(1) as f64
                };
                (shared.on_progress)(mean);
            }
            Ok(WorkerMessage::Done { reply }) => {
                if let Some(slot) = shared.replies.borrow_mut().get_mut(index) {
                    *slot = Some(reply);
                }
                let _ = resolve.call0(&JsValue::NULL);
            }
            Ok(WorkerMessage::Failed { message }) => {
                let _ = failed.call1(&JsValue::NULL, &message.into());
            }
            // A part is kept as text above; anything else is not understood.
            Ok(WorkerMessage::CommentCreators { .. }) | Err(_) => {
                let _ = failed.call1(&JsValue::NULL, &NOT_UNDERSTOOD.into());
            }
        }
    });
    let on_error = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        // A script that fails to load or a worker that stops gives an error event.
        let detail = event
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(|e| e.message())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| NO_WORKER.to_string());
        let _ = reject.call1(
            &JsValue::NULL,
            &format!("the background worker stopped: {detail}").into(),
        );
    });
    let give_up = failed_again;
    let on_timeout = Closure::<dyn FnMut()>::new(move || {
        if !ready.get() {
            let _ = give_up.call1(&JsValue::NULL, &NO_WORKER.into());
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let ready_timer = web_sys::window()
        .and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.as_ref().unchecked_ref(),
                READY_WITHIN_MS,
            )
            .ok()
        })
        .unwrap_or(0);
    Ok(Running {
        worker,
        answered,
        ready_timer,
        _on_message: on_message,
        _on_error: on_error,
        _on_timeout: on_timeout,
    })
}

/// Stops the workers and detaches their listeners (which are dropped right after).
fn terminate(running: &[Running]) {
    let window = web_sys::window();
    for worker in running {
        if let Some(window) = &window {
            window.clear_timeout_with_handle(worker.ready_timer);
        }
        worker.worker.set_onmessage(None);
        worker.worker.set_onerror(None);
        worker.worker.terminate();
    }
}

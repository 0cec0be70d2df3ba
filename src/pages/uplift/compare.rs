//! Comparisons beside the conversion test: revenue per user and other means (Welch's
//! t-test from summaries, or per-user values with a bootstrap interval), and brand-lift
//! surveys (exposed against control answers).

use leptos::prelude::*;

use super::format::{percent, points, signed_percent, thousands};
use crate::widgets::live_fields::{problem, read, read_count, Field};
use microplan_model::format::number_text;
use microplan_stats::means::SummaryStats;
use microplan_stats::BinaryArm;
use microplan_uplift::survey::{
    brand_lift, compare_summaries, compare_values, parse_values, MeansComparison,
};

const ALPHA: f64 = 0.05;

fn summary(
    mean: RwSignal<String>,
    sd: RwSignal<String>,
    n: RwSignal<String>,
    arm: &str,
) -> Result<SummaryStats, String> {
    Ok(SummaryStats {
        mean: read(mean, &format!("{arm} mean"))?,
        sd: read(sd, &format!("{arm} standard deviation"))?,
        n: read_count(n, &format!("{arm} units"))?,
    })
}

/// A difference of means with its sign and two decimals: "+1.25", "-0.40".
fn signed(value: f64) -> String {
    let text = number_text(value, 2);
    if value > 0.0 && text != "0.00" {
        format!("+{text}")
    } else {
        text
    }
}

fn means_view(c: MeansComparison) -> AnyView {
    let w = c.welch;
    let boot = c.bootstrap.map(|b| format!(
        " Bootstrap ({} resamples, fixed seed): {} to {}, which does not assume a normal shape and suits heavy-tailed revenue.",
        thousands(b.resamples as u64), signed(b.lower), signed(b.upper)
    ));
    let s = c.student;
    view! {
        <p role="status" data-testid="means-result">{format!(
            "Treatment {} against control {}: difference {} (95% Welch interval {} to {}, {}, {} degrees of freedom).{}",
            number_text(c.treatment.mean, 2), number_text(c.control.mean, 2), signed(w.difference), signed(w.lower), signed(w.upper), microplan_model::format::p_equals(w.p_value), number_text(w.df, 0), boot.unwrap_or_default()
        )}</p>
        <p class="hint" data-testid="means-student">{format!(
            "If asked for Student's t-test (assumes equal spread): t = {}, {} degrees of freedom, {}, 95% interval {} to {}. Welch's above is the one to report.",
            number_text(s.t, 3), number_text(s.df, 0), microplan_model::format::p_equals(s.p_value), signed(s.lower), signed(s.upper)
        )}</p>
    }
    .into_any()
}

#[component]
pub fn MeansCard() -> impl IntoView {
    let (cm, cs, cn) = (
        RwSignal::new("24.10".to_string()),
        RwSignal::new("61.0".to_string()),
        RwSignal::new("4200".to_string()),
    );
    let (tm, ts, tn) = (
        RwSignal::new("27.30".to_string()),
        RwSignal::new("66.5".to_string()),
        RwSignal::new("4150".to_string()),
    );
    let control_values = RwSignal::new(String::new());
    let treatment_values = RwSignal::new(String::new());
    let state = crate::app::state::app_state();
    let on_file = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
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
        leptos::task::spawn_local(async move {
            let read = match crate::app::files::read_file_bytes(&file).await {
                Ok(bytes) => microplan_workspace::io::columns_uplift::per_user_values(&bytes)
                    .map_err(String::from),
                Err(e) => Err(e),
            };
            let join = |values: &[f64]| {
                values
                    .iter()
                    .map(|v| v.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            match read.as_ref().map(|r| r.control_and_treatment()) {
                Ok(Some(((c_name, c), (t_name, t)))) => {
                    control_values.set(join(c));
                    treatment_values.set(join(t));
                    state.notify(format!(
                        "Loaded {} values for {c_name} (control) and {} for {t_name}.",
                        c.len(),
                        t.len()
                    ));
                }
                Ok(None) => state.notify_error("The file needs rows for at least two arms."),
                Err(e) => state.notify_error(format!("The per-user file could not be read: {e}.")),
            }
        });
    };
    let result = move || {
        if !control_values.get().trim().is_empty() || !treatment_values.get().trim().is_empty() {
            let a = parse_values(&control_values.get(), "Control")?;
            let b = parse_values(&treatment_values.get(), "Treatment")?;
            compare_values(&a, &b, ALPHA).map_err(String::from)
        } else {
            compare_summaries(
                summary(cm, cs, cn, "Control")?,
                summary(tm, ts, tn, "Treatment")?,
                ALPHA,
            )
            .map_err(String::from)
        }
    };
    view! {
        <section class="card" aria-labelledby="means-heading">
            <h2 id="means-heading">"Revenue per user and other averages"</h2>
            <p class="hint">"Enter each arm's mean, standard deviation and number of units, or paste per-user values (one per line, zeros included) to also get a bootstrap interval."</p>
            <div class="arm-columns">
                <fieldset class="field-grid">
                    <legend>"Control"</legend>
                    <Field id="means-c-mean" label="Mean" value=cm />
                    <Field id="means-c-sd" label="Standard deviation" value=cs />
                    <Field id="means-c-n" label="Units" value=cn />
                    <span class="field wide">
                        <label for="means-c-values">"Per-user values (optional)"</label>
                        <textarea id="means-c-values" rows="3" prop:value=move || control_values.get() on:input=move |ev| control_values.set(event_target_value(&ev))></textarea>
                    </span>
                </fieldset>
                <fieldset class="field-grid">
                    <legend>"Treatment"</legend>
                    <Field id="means-t-mean" label="Mean" value=tm />
                    <Field id="means-t-sd" label="Standard deviation" value=ts />
                    <Field id="means-t-n" label="Units" value=tn />
                    <span class="field wide">
                        <label for="means-t-values">"Per-user values (optional)"</label>
                        <textarea id="means-t-values" rows="3" prop:value=move || treatment_values.get() on:input=move |ev| treatment_values.set(event_target_value(&ev))></textarea>
                    </span>
                </fieldset>
            </div>
            <div class="field-grid">
                <span class="field wide">
                    <label for="means-file">"Or load per-user rows from a CSV (columns: arm, value)"</label>
                    <input id="means-file" type="file" accept=".csv,.tsv,.txt,text/csv" on:change=on_file />
                </span>
            </div>
            {move || match result() {
                Ok(c) => means_view(c),
                Err(e) => problem(format!("Cannot compare yet: {e}.")),
            }}
            <p class="hint">"Welch's t-test does not assume equal spread in the two arms. Revenue is skewed (most users spend nothing); with a few thousand users per arm the t interval is still reliable, and the bootstrap shows whether a few big orders drive the result."</p>
            <details class="explain">
                <summary>"Welch or Student: the formulas"</summary>
                <dl>
                    <dt>"Welch (the default)"</dt>
                    <dd>"se² = s_A²/n_A + s_B²/n_B; t = (mean_B − mean_A) / se; degrees of freedom by Welch-Satterthwaite: se⁴ / ((s_A²/n_A)²/(n_A−1) + (s_B²/n_B)²/(n_B−1)). Interval: difference ± t(0.975, df) × se."</dd>
                    <dt>"Student (pooled variance)"</dt>
                    <dd>"s_p² = ((n_A−1) s_A² + (n_B−1) s_B²) / (n_A + n_B − 2); se = s_p √(1/n_A + 1/n_B); df = n_A + n_B − 2. It assumes both arms have the same spread."</dd>
                    <dt>"Why Welch is the default"</dt>
                    <dd>"In campaigns the arms rarely have equal spread or equal size, and then Student's p-value is wrong (too small when the smaller arm is the noisier one). When spreads and sizes are equal the two agree closely, so Welch costs almost nothing."</dd>
                </dl>
            </details>
        </section>
    }
}

#[component]
pub fn BrandLiftCard() -> impl IntoView {
    let (cn, cy) = (
        RwSignal::new("1200".to_string()),
        RwSignal::new("372".to_string()),
    );
    let (en, ey) = (
        RwSignal::new("1180".to_string()),
        RwSignal::new("437".to_string()),
    );
    let result = move || {
        let control = BinaryArm::new(
            read_count(cy, "Control positive answers")?,
            read_count(cn, "Control respondents")?,
        );
        let exposed = BinaryArm::new(
            read_count(ey, "Exposed positive answers")?,
            read_count(en, "Exposed respondents")?,
        );
        brand_lift(control, exposed, ALPHA).map_err(String::from)
    };
    view! {
        <section class="card" aria-labelledby="brand-heading">
            <h2 id="brand-heading">"Brand-lift survey"</h2>
            <p class="hint">"People who saw the creators' posts (exposed) and a comparable group who did not (control) answer the same question, e.g. “Have you heard of Hearth & Trail?”. Count the positive answers in each group."</p>
            <div class="field-grid">
                <Field id="brand-c-n" label="Control respondents" value=cn />
                <Field id="brand-c-yes" label="Control positive answers" value=cy />
                <Field id="brand-e-n" label="Exposed respondents" value=en />
                <Field id="brand-e-yes" label="Exposed positive answers" value=ey />
            </div>
            {move || match result() {
                Err(e) => problem(format!("Cannot compare yet: {e}.")),
                Ok(r) => {
                    let relative = r.relative.map(|(l, lo, hi)| format!(" Relative lift {} (95% interval {} to {}).", signed_percent(l), signed_percent(lo), signed_percent(hi))).unwrap_or_default();
                    view! {
                        <p role="status" data-testid="brand-result">{format!(
                            "Positive answers: exposed {} against control {}, a lift of {} (95% interval {} to {}, {} {}).{relative}",
                            percent(r.exposed_share), percent(r.control_share), points(r.lift_points),
                            points(r.lift_points_lower), points(r.lift_points_upper), r.test_used, microplan_model::format::p_equals(r.p_value)
                        )}</p>
                    }.into_any()
                }
            }}
            <p class="hint">"The interval for the lift in percentage points is Newcombe's; the relative lift uses the delta method. A survey only measures what people say; make sure both groups were sampled the same way."</p>
        </section>
    }
}

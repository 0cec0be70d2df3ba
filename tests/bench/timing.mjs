// What the browser benchmarks share: printing a median and maximum, an in-page helper that
// times an action to the frame painted after it, and recording a Chrome trace.

/** A duration in whole milliseconds: "40 ms". */
export const ms = (value) => `${Math.round(value)} ms`;

/** "median 40 ms, max 51 ms (5 runs)". */
export function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return `median ${ms(median)}, max ${ms(sorted[sorted.length - 1])} (${sorted.length} runs)`;
}

/** An init script defining `window.benchUntilPainted(start, ready)`: resolves after the frame
 *  that follows `ready()` becoming true has been painted (a rAF runs before the paint, the
 *  timeout after it), with the time from `start`. */
export function untilPaintedScript(timeoutMs) {
  return `
  window.benchUntilPainted = (start, ready, timeoutMs = ${timeoutMs}) => new Promise((resolve, reject) => {
    const check = () => {
      if (ready()) {
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
        return;
      }
      if (performance.now() - start > timeoutMs) { reject(new Error('timed out')); return; }
      requestAnimationFrame(check);
    };
    check();
  });
`;
}

/** Starts a Chrome trace of `categories` on a CDP session (it covers the page's workers too). */
export async function startTrace(cdp, categories) {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: categories, recordMode: 'recordContinuously' },
  });
}

/** Ends the trace started by `startTrace`; resolves to its events. */
export async function stopTrace(cdp) {
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  const parts = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream, size: 1 << 22 });
    parts.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(parts.join(''));
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

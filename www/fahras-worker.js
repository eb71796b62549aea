// fahras-worker.js — runs the fahras engine in a module Worker (the `worker` attribute of
// <fahras-search>), so that searching a large index never blocks the page's main thread.
//
// Started by fahras.js as
//   new Worker(new URL('./fahras-worker.js', import.meta.url), { type: 'module' })
// It loads the same wasm package (./pkg/fahras.js) and the same index as the main-thread
// path, through the same code (openWasmEngine in fahras.js, whose top level is safe to
// evaluate in a worker), so results are identical either way.
//
// Protocol (structured-clone messages):
//   → { type: 'open', url }                   url: absolute index URL, '' = embedded index
//   ← { type: 'ready', info }                 engine.info()
//   ← { type: 'failed', error }               error: { kind, detail, status? }
//   → { type: 'search', id, query, options }   options as for engine.search: limit, offset,
//                                              filters, exclude, dateFrom, dateTo, sort, facets
//   ← { type: 'results', id, results } | { type: 'error', id, error }
//
// CSP: the worker is a same-origin script, so `script-src 'self'` (or worker-src) allows it;
// the wasm inside it needs 'wasm-unsafe-eval' in the policy the worker script is served with.

import { openWasmEngine, errorToJSON } from './fahras.js';

let engine = null;

self.addEventListener('message', async (event) => {
  const data = event.data;
  if (!data || typeof data !== 'object') return;
  if (data.type === 'open') {
    try {
      engine = await openWasmEngine(String(data.url ?? ''));
      let info = null;
      try {
        info = engine.info();
      } catch {
        // info is optional
      }
      self.postMessage({ type: 'ready', info });
    } catch (err) {
      self.postMessage({ type: 'failed', error: errorToJSON(err, 'wasm') });
    }
  } else if (data.type === 'search') {
    try {
      if (!engine) throw new Error('fahras: the worker has no engine yet');
      const results = engine.search(String(data.query ?? ''), data.options);
      self.postMessage({ type: 'results', id: data.id, results });
    } catch (err) {
      self.postMessage({ type: 'error', id: data.id, error: errorToJSON(err, 'search') });
    }
  }
});

// Where the bytes of the wasm go: the size of every function body, summed by crate (and by
// module for fahras's own code), read from the name section of the module cargo builds
// (before wasm-bindgen and wasm-opt, which drop the names).
//
//   node scripts/wasm-size.mjs [target/wasm-build/wasm32-unknown-unknown/wasm/fahras.wasm]
//
// wasm-bindgen removes its `__wbindgen_describe*` functions, and wasm-opt -Oz shrinks the
// rest, so the shares, not the byte counts, are what carries over to www/pkg/fahras_bg.wasm.
// Names are Rust's v0 mangling: the first identifier after a crate hash is the crate.
import { readFileSync } from 'node:fs';

const path = process.argv[2] ?? 'target/wasm-build/wasm32-unknown-unknown/wasm/fahras.wasm';
const bytes = readFileSync(path);

function leb(at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

let imports = 0;
const bodies = [];
const names = new Map();
let data = 0;
for (let at = 8; at < bytes.length; ) {
  const id = bytes[at];
  const [size, start] = leb(at + 1);
  const end = start + size;
  if (id === 2) {
    // Imports: only functions take function indices.
    let [count, p] = leb(start);
    for (let i = 0; i < count; i++) {
      for (let s = 0; s < 2; s++) {
        const [len, q] = leb(p);
        p = q + len;
      }
      const kind = bytes[p++];
      if (kind === 0) {
        imports++;
        p = leb(p)[1];
      } else if (kind === 1 || kind === 2) {
        if (kind === 1) p++;
        const flags = bytes[p++];
        p = leb(p)[1];
        if (flags & 1) p = leb(p)[1];
      } else {
        p += 2;
      }
    }
  } else if (id === 10) {
    let [count, p] = leb(start);
    for (let i = 0; i < count; i++) {
      const [len, q] = leb(p);
      bodies.push(q - p + len);
      p = q + len;
    }
  } else if (id === 11) {
    data += size;
  } else if (id === 0) {
    const [len, q] = leb(start);
    if (bytes.toString('utf8', q, q + len) === 'name') {
      for (let p = q + len; p < end; ) {
        const sub = bytes[p];
        const [subSize, r] = leb(p + 1);
        if (sub === 1) {
          let [count, s] = leb(r);
          for (let i = 0; i < count; i++) {
            const [index, t] = leb(s);
            const [nameLen, u] = leb(t);
            names.set(index, bytes.toString('utf8', u, u + nameLen));
            s = u + nameLen;
          }
        }
        p = r + subSize;
      }
    }
  }
  at = end;
}

// `_RNvMs1_NtCs…_6fahras6searchNtB5_8Searcher6search` → fahras::search.
function group(name) {
  if (name.startsWith('__wbindgen_describe')) return '(wasm-bindgen descriptors, removed by wasm-bindgen)';
  const m = /Cs[0-9A-Za-z]+_(\d+)/.exec(name);
  if (!m) return '(other)';
  let at = m.index + m[0].length - m[1].length;
  const idents = [];
  while (idents.length < 2) {
    const d = /^\d+/.exec(name.slice(at));
    if (!d) break;
    const len = Number(d[0]);
    idents.push(name.slice(at + d[0].length, at + d[0].length + len));
    at += d[0].length + len;
    const next = /^((?:N[A-Za-z]|B[0-9A-Za-z]*_)*)\d/.exec(name.slice(at));
    if (!next) break;
    at += next[1].length;
  }
  return idents[0] === 'fahras' && idents[1] ? `fahras::${idents[1]}` : (idents[0] ?? '(other)');
}

const groups = new Map();
bodies.forEach((size, i) => {
  const g = group(names.get(imports + i) ?? '');
  groups.set(g, (groups.get(g) ?? 0) + size);
});
const total = bodies.reduce((a, b) => a + b, 0);
const described = groups.get('(wasm-bindgen descriptors, removed by wasm-bindgen)') ?? 0;
console.log(`${path}: ${bodies.length} functions, ${total} bytes of code ` +
  `(${total - described} without wasm-bindgen's descriptors), ${data} bytes of data`);
console.log('bytes    share  crate or module (share of the code without the descriptors)');
for (const [g, size] of [...groups].sort((a, b) => b[1] - a[1])) {
  const share = g.startsWith('(wasm-bindgen') ? '' : `${((100 * size) / (total - described)).toFixed(1)}%`;
  console.log(`${String(size).padStart(7)}  ${share.padStart(5)}  ${g}`);
}

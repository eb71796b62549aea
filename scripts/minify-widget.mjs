// Minifies one file of www/ into www/dist/ with esbuild (each file on its own, no bundling,
// so the relative URLs between them still hold), as scripts/build-wasm.sh does.
//
//   node scripts/minify-widget.mjs www/fahras.js www/dist/fahras.js
//
// For www/fahras.js the widget's stylesheet, a `const CSS = String.raw`…`` template that a
// JavaScript minifier keeps as it is, is minified too: the template is evaluated (with the
// plain templates it interpolates, such as DARK_VARS), minified by esbuild's CSS minifier and
// put back as one string literal; an interpolated template used nowhere else is dropped.
// www/fahras.js itself is not changed: it works unbuilt, as the demo and the tests load it.
import { readFileSync } from 'node:fs';
import { build, transform } from 'esbuild';

const [input, outfile] = process.argv.slice(2);
if (!input || !outfile) {
  console.error('usage: node scripts/minify-widget.mjs <www/file.js> <www/dist/file.js>');
  process.exit(2);
}

/** The one declaration `const NAME = <tag>`…`;` of `source` (a template with no backtick inside). */
function templateDeclaration(source, name, tag = '') {
  const start = `const ${name} = ${tag}\``;
  const at = source.indexOf(start);
  if (at < 0 || source.indexOf(start, at + 1) >= 0) return null;
  const end = source.indexOf('`;', at + start.length);
  if (end < 0) throw new Error(`${input}: the template ${name} does not end with \`;`);
  const text = source.slice(at, end + 2);
  return { name, text, body: text.slice(start.length, -2) };
}

async function minifyCss(source) {
  const css = templateDeclaration(source, 'CSS', 'String.raw');
  if (!css) return source;
  // The plain templates the stylesheet interpolates (${DARK_VARS}).
  const used = [...new Set([...css.body.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]))];
  const parts = used.map((name) => {
    const part = templateDeclaration(source, name);
    if (!part || part.body.includes('${')) throw new Error(`${input}: CSS interpolates ${name}, not a plain \`const ${name} = \`…\`;\``);
    return part;
  });
  const value = new Function(`${parts.map((p) => p.text).join('\n')}\n${css.text}\nreturn CSS;`)();
  const minified = (await transform(value, { loader: 'css', minify: true, logLevel: 'warning' })).code.trim();
  let out = source.replace(css.text, () => `const CSS = ${JSON.stringify(minified)};`);
  for (const part of parts) {
    const rest = out.replace(part.text, '');
    if (!new RegExp(`\\b${part.name}\\b`).test(rest)) out = rest;
  }
  return out;
}

const source = readFileSync(input, 'utf8');
await build({
  stdin: { contents: await minifyCss(source), sourcefile: input, loader: 'js' },
  outfile,
  minify: true,
  format: 'esm',
  target: 'es2020',
  charset: 'utf8',
  logLevel: 'warning',
});

#!/usr/bin/env node
// A tiny static file server for the fahras demo (www/). No dependencies.
//
//   node scripts/serve.mjs            # http://127.0.0.1:8080/
//   node scripts/serve.mjs 9000       # port from argv
//   PORT=0 node scripts/serve.mjs     # 0 = let the OS pick a free port
//
// It binds to 127.0.0.1 only, serves files under the root and nothing else
// (no directory listings, no traversal out of the root, no symlink escapes),
// and sends the MIME types browsers insist on (notably application/wasm, which
// WebAssembly.instantiateStreaming requires).
//
// It is also a module, so tests can start it in-process and add headers
// (e.g. a strict Content-Security-Policy):
//
//   import { serve } from './scripts/serve.mjs';
//   const { url, close } = await serve({ root: 'www', port: 0,
//     headers: { 'Content-Security-Policy': "default-src 'self'" } });
//
// `headers` may also be a function (urlPath) => object, for per-path headers.
// `mounts` serves other folders under URL prefixes (tests serve their fixture pages and
// built indexes next to the widget):
//
//   serve({ root: 'www', mounts: { '/t/': 'tests/browser/fixtures/pages' } })

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_ROOT = path.resolve(HERE, '..', 'www');

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.fahras': 'application/octet-stream',
  '.bin': 'application/octet-stream',
};

function contentType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

function isInside(root, file) {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Start a static server.
 * @param {{root?: string, port?: number, host?: string,
 *          headers?: Record<string,string> | ((urlPath: string) => Record<string,string>),
 *          mounts?: Record<string, string>, log?: boolean}} [options]
 *        mounts: URL prefix ('/t/') → folder served under it, instead of the root
 * @returns {Promise<{url: string, port: number, server: import('node:http').Server, close: () => Promise<void>}>}
 */
export async function serve({ root = DEFAULT_ROOT, port = 8080, host = '127.0.0.1', headers = {}, mounts = {}, log = false } = {}) {
  // Resolve symlinks in the roots once, so the containment check below compares like with like.
  const mainRoot = await realpath(path.resolve(root));
  const mountList = [];
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error(`mount prefix must look like /name/: ${prefix}`);
    mountList.push({ prefix, root: await realpath(path.resolve(dir)) });
  }
  mountList.sort((a, b) => b.prefix.length - a.prefix.length); // longest prefix wins

  const server = createServer(async (req, res) => {
    const send = (status, body, extra = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });
      }
      let urlPath;
      try {
        urlPath = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      } catch {
        return send(400, 'bad request\n');
      }
      if (urlPath.includes('\0')) return send(400, 'bad request\n');

      // A mounted folder serves the rest of the path; otherwise the root serves it all.
      let realRoot = mainRoot;
      let rest = urlPath;
      const mount = mountList.find((m) => urlPath.startsWith(m.prefix));
      if (mount) {
        realRoot = mount.root;
        rest = urlPath.slice(mount.prefix.length - 1);
      }
      // path.join normalises "..", and the containment check catches anything that
      // still escapes (encoded separators, symlinks pointing outside the root).
      let file = path.join(realRoot, rest);
      if (!isInside(realRoot, file)) return send(403, 'forbidden\n');

      let info;
      try {
        info = await stat(file);
        if (info.isDirectory()) {
          if (!urlPath.endsWith('/')) {
            // Redirect /dir to /dir/ so relative URLs in its index.html resolve.
            const location = new URL(req.url, 'http://localhost');
            location.pathname += '/';
            res.writeHead(301, { Location: location.pathname + location.search });
            return res.end();
          }
          file = path.join(file, 'index.html');
          info = await stat(file);
        }
        file = await realpath(file);
      } catch {
        return send(404, 'not found\n');
      }
      if (!isInside(realRoot, file) || !info.isFile()) return send(404, 'not found\n');

      const extra = typeof headers === 'function' ? headers(urlPath) || {} : headers;
      res.writeHead(200, {
        'Content-Type': contentType(file),
        'Content-Length': info.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...extra,
      });
      if (log) console.log(`${req.method} ${urlPath} 200`);
      if (req.method === 'HEAD') return res.end();
      const stream = createReadStream(file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (err) {
      if (!res.headersSent) send(500, 'internal error\n');
      else res.destroy();
      console.error(err);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  return {
    url: `http://${host}:${actualPort}/`,
    port: actualPort,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

// Run as a script: `node scripts/serve.mjs [port]`.
async function isMain() {
  try {
    return Boolean(process.argv[1]) && import.meta.url === pathToFileURL(await realpath(process.argv[1])).href;
  } catch {
    return false;
  }
}
if (await isMain()) {
  const arg = process.argv[2] ?? process.env.PORT ?? '8080';
  const port = Number(arg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`usage: node scripts/serve.mjs [port]   (got ${JSON.stringify(arg)})`);
    process.exit(2);
  }
  const { url } = await serve({ port, log: process.env.FAHRAS_LOG === '1' });
  console.log(`fahras demo: ${url}`);
}

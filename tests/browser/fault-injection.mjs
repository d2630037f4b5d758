// The test server misbehaving the way real networks do, for the browser tests of faults
// (story-player.faults.test.ts). A path that starts with /fault/<kind>/[args/] is served as the rest
// of the path, with the fault:
//   /fault/slow/<ms>/<bytes per second>/…  the first byte after <ms>, then the body at that rate
//   /fault/hung/…                          the request is accepted and never answered
//   /fault/dead/…                          the connection is reset at once (a server gone)
//   /fault/cut-after/<bytes>/…             the server dies at byte <bytes> of the file: a response
//                                          stops there (connection reset), a range beyond it is reset
//   /fault/truncate/<bytes>/…              the file is only its first <bytes> (honest lengths, ranges)
//   /fault/404/…                           404 Not Found
//   /fault/as-bin/….bin                    the file without its last ".bin" (a URL with no known extension)
// Two are stateful, for a server that fails after playback started (Chromium reads the end of a
// file before it plays, so a cut at a byte offset hits at once):
//   /fault/die-after-ms/<ms>/<bytes per second>/…  served at that rate (0: at full speed) until <ms>
//                                          after the first request for that URL (query included: a
//                                          test makes its own), then every connection for it is
//                                          reset, those open and those to come (the server died)
//   /fault/switch/<key>/<bytes per second>/…  served at that rate (0: at full speed) while the switch
//                                          <key> is up; GET /fault-switch?key=<key>&down=1 resets every
//                                          open connection of <key> and each new one until down=0
// Each request is counted under its fault path: GET /fault-requests?path=<fault path> answers the count.
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const counts = new Map();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** The stateful faults: when each die-after URL was first asked for, and the switches (down, open responses). */
const firstAsked = new Map();
const switches = new Map();
const switchOf = (key) => {
  let state = switches.get(key);
  if (!state) switches.set(key, (state = { down: false, open: new Set() }));
  return state;
};
/** Resets the connection of a response now (the server is gone). */
const reset = (ctx) => {
  ctx.respond = false;
  ctx.req.socket.destroy();
};
const types = { '.webm': 'audio/webm', '.mp3': 'audio/mpeg', '.vtt': 'text/vtt', '.jpg': 'image/jpeg', '.webp': 'image/webp' };

/** Reads a Koa body (buffer, string or stream) whole. */
async function whole(body) {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  const chunks = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Runs before koa-range: parses the fault, rewrites the URL, and shapes what goes out. */
export async function faultBefore(ctx, next) {
  if (ctx.path === '/fault-requests') {
    ctx.body = String(counts.get(ctx.query.path) ?? 0);
    return;
  }
  if (ctx.path === '/fault-switch') {
    const state = switchOf(String(ctx.query.key));
    state.down = ctx.query.down === '1';
    if (state.down) for (const open of state.open) reset(open);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = state.down ? 'down' : 'up';
    return;
  }
  const match = /^\/fault\/(slow\/\d+\/\d+|hung|dead|cut-after\/\d+|truncate\/\d+|404|as-bin|die-after-ms\/\d+\/\d+|switch\/[\w-]+\/\d+)(\/.*)$/.exec(ctx.path);
  if (!match) return next();
  counts.set(ctx.path, (counts.get(ctx.path) ?? 0) + 1);
  const [kind, ...args] = match[1].split('/');
  const path = match[2];
  ctx.set('Cache-Control', 'no-store');
  switch (kind) {
    case 'die-after-ms': {
      const [ms, rate] = args.map(Number);
      const first = firstAsked.get(ctx.url) ?? Date.now();
      firstAsked.set(ctx.url, first);
      const left = first + ms - Date.now();
      if (left <= 0) return reset(ctx);
      const timer = setTimeout(() => reset(ctx), left);
      ctx.res.once('close', () => clearTimeout(timer));
      return serveAt(ctx, next, path, 0, rate);
    }
    case 'switch': {
      const state = switchOf(args[0]);
      if (state.down) return reset(ctx);
      state.open.add(ctx);
      ctx.res.once('close', () => state.open.delete(ctx));
      return serveAt(ctx, next, path, 0, Number(args[1]));
    }
    case '404':
      ctx.status = 404;
      ctx.body = 'Not Found';
      return;
    case 'dead':
      ctx.respond = false;
      ctx.req.socket.destroy();
      return;
    case 'hung':
      ctx.respond = false;
      await new Promise((resolve) => ctx.req.socket.once('close', resolve));
      return;
    case 'as-bin':
      ctx.url = path.replace(/\.bin$/, '');
      return next();
    case 'truncate':
      ctx.state.truncate = { path, bytes: Number(args[0]) };
      ctx.url = path + (ctx.querystring ? `?${ctx.querystring}` : '');
      return next();
  }
  if (kind === 'slow') {
    const [delay, rate] = args.map(Number);
    return serveAt(ctx, next, path, delay, rate);
  }
  ctx.url = path + (ctx.querystring ? `?${ctx.querystring}` : '');
  await next();
  const body = await whole(ctx.body);
  // cut-after: the file's bytes from <bytes> on never leave the server.
  const cut = Number(args[0]);
  const start = Number(/bytes (\d+)-/.exec(ctx.response.get('Content-Range'))?.[1] ?? 0);
  if (start >= cut) {
    ctx.respond = false;
    ctx.req.socket.destroy();
    return;
  }
  ctx.respond = false;
  const res = ctx.res;
  res.writeHead(ctx.status, { ...ctx.response.headers, 'content-length': String(body.length) });
  res.write(body.subarray(0, cut - start), () => ctx.req.socket.destroy());
}

/** Serves `path` (ranges applied) with its first byte after `delay` ms, then at `rate` bytes per second (0: all at once). */
async function serveAt(ctx, next, path, delay, rate) {
  ctx.url = path + (ctx.querystring ? `?${ctx.querystring}` : '');
  await next();
  if (!rate && !delay) return;
  const body = await whole(ctx.body);
  await sleep(delay);
  if (!rate) {
    ctx.body = body;
    return;
  }
  const chunk = Math.max(1, Math.round(rate / 10));
  ctx.body = Readable.from(
    (async function* () {
      for (let i = 0; i < body.length; i += chunk) {
        yield body.subarray(i, i + chunk);
        await sleep(100);
      }
    })(),
  );
  ctx.length = body.length;
}

/** Runs after koa-range (so that ranges apply): a truncated file, read from the disk, instead of the file. */
export async function faultFile(ctx, next) {
  const truncate = ctx.state.truncate;
  if (!truncate) return next();
  const file = await readFile(join(root, decodeURIComponent(truncate.path)));
  ctx.type = types[extname(truncate.path)] ?? 'application/octet-stream';
  ctx.body = file.subarray(0, truncate.bytes);
}

#!/usr/bin/env node
// PeerRoles' HTTP server: Next.js's own request handler behind a plain Node
// server, so that every request carries the address of the TCP peer that sent it
// (decision 0009). Next fills in X-Forwarded-For only when a request has none, so
// without this a client could name any address and dodge the per-address
// sign-in limit. lib/auth/client-address.ts reads what is stamped here. It also
// gives each request an id, and turns a 500 caused by the database being
// unavailable into the 503 page (lib/http/service-unavailable.mjs).
//
//   node server.mjs [--dev] [-p PORT] [-H HOST]    (PORT and HOST from the environment otherwise)
import { createServer } from 'node:http';
import process from 'node:process';

import next from 'next';

import { watchForUnavailable } from './lib/http/service-unavailable.mjs';

function option(flag, fallback) {
  const index = process.argv.indexOf(flag);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const dev = process.argv.includes('--dev');
const port = Number(option('-p', process.env.PORT || 3000));
const hostname = option('-H', process.env.HOST || undefined);

// The same names as lib/auth/client-address.ts; anything a client sent under them is replaced.
const PEER_HEADER = 'x-peerroles-peer';
const FORWARDED_FOR_HEADER = 'x-peerroles-forwarded-for';

const app = next({ dev, hostname, port, dir: import.meta.dirname ?? new URL('.', import.meta.url).pathname });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  const forwarded = request.headers['x-forwarded-for'];
  request.headers[PEER_HEADER] = request.socket.remoteAddress ?? '';
  request.headers[FORWARDED_FOR_HEADER] = Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '');
  // A page that failed because the database could not serve answers 503, not 500.
  watchForUnavailable(request, response);
  handle(request, response);
});
server.listen(port, hostname, () => {
  console.log(`PeerRoles listening on http://${hostname ?? 'localhost'}:${port}`);
});

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (closing) process.exit(1);
    closing = true;
    server.close(() => process.exit(0));
    server.closeAllConnections?.();
  });
}

// A plain HTTP server wired as server.mjs wires Next, for
// tests/unit/service-unavailable.test.ts: each path answers as a page of Next
// would, and /marked-* paths first mark the request as instrumentation.ts does.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';

import { REQUEST_ID_HEADER, watchForUnavailable } from '../../lib/http/service-unavailable.mjs';

const mark = globalThis[Symbol.for('peerroles.markDatabaseUnavailable')];

const server = createServer((request, response) => {
  const id = watchForUnavailable(request, response);
  if (request.url.startsWith('/marked')) mark(request.headers[REQUEST_ID_HEADER]);
  if (request.url === '/echo-id') {
    response.end(JSON.stringify({ id, header: request.headers[REQUEST_ID_HEADER] }));
    return;
  }
  const status = request.url.endsWith('-200') ? 200 : 500;
  // Next's 500 page, compressed and streamed in two chunks, with its own length.
  const body = gzipSync('<html><title>Sorry, there is a problem with the service</title>digest 1234</html>');
  response.statusCode = status;
  response.setHeader('content-type', 'text/html; charset=utf-8');
  response.setHeader('content-encoding', 'gzip');
  response.setHeader('content-length', body.length);
  response.write(body.subarray(0, 10));
  response.end(body.subarray(10));
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));

// The 503 "Sorry, the service is unavailable" page, for server.mjs. When a page
// fails because the database could not serve (lib/http/unavailable.ts decides;
// instrumentation.ts marks the request), Next has already chosen its 500 page;
// this turns that response into a 503 with Retry-After and this page, so people
// are told to come back rather than that something broke, and load balancers
// and monitors see the right status. A plain document: no scripts, no database.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

const { version: nhsukVersion } = createRequire(import.meta.url)('nhsuk-frontend/package.json');

/** Set on every request by server.mjs (anything a client sent under it is replaced); instrumentation.ts reads it. */
export const REQUEST_ID_HEADER = 'x-peerroles-request';
/** The same wait as lib/http/unavailable.ts's RETRY_AFTER_SECONDS. */
const RETRY_AFTER_SECONDS = 30;
const MARK = Symbol.for('peerroles.markDatabaseUnavailable');

const page = (reference) => `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sorry, the service is unavailable – PeerRoles</title>
<link rel="stylesheet" href="/nhsuk/nhsuk-frontend.min.css?v=${nhsukVersion}">
</head>
<body>
<a class="nhsuk-skip-link" href="#maincontent">Skip to main content</a>
<header class="nhsuk-header" role="banner">
<div class="nhsuk-header__container nhsuk-width-container">
<div class="nhsuk-header__service"><a class="nhsuk-header__service-logo" href="/"><span class="nhsuk-header__service-name">PeerRoles</span></a></div>
</div>
</header>
<div class="nhsuk-width-container">
<main class="nhsuk-main-wrapper" id="maincontent">
<div class="nhsuk-grid-row">
<div class="nhsuk-grid-column-two-thirds">
<h1>Sorry, the service is unavailable</h1>
<p>You will be able to use PeerRoles again in a few minutes.</p>
<p>If you were saving something, it may not have been saved. When the service is back, check it and save it again if you need to.</p>
<p><a href="/">Go to the PeerRoles home page</a></p>
<p class="nhsuk-body-s">If you contact your administrator about this, give them this reference: <strong>${reference}</strong></p>
</div>
</div>
</main>
</div>
<footer class="nhsuk-footer" role="contentinfo">
<div class="nhsuk-width-container"><div class="nhsuk-footer__meta"><p class="nhsuk-body-s">PeerRoles: define, agree and support peer worker roles in NHS mental health teams</p></div></div>
</footer>
</body>
</html>
`;

const unavailable = new Set();
/** instrumentation.ts calls this, synchronously, while Next is still deciding the response. */
globalThis[MARK] = (requestId) => {
  if (typeof requestId === 'string') unavailable.add(requestId);
};

/**
 * Gives the request an id, and answers with the 503 page instead of Next's 500
 * page if the request's error was the database being unavailable. Returns the id.
 */
export function watchForUnavailable(request, response) {
  const requestId = randomUUID();
  request.headers[REQUEST_ID_HEADER] = requestId;
  response.once('close', () => unavailable.delete(requestId));

  const { writeHead, write, end } = response;
  let body = null;
  /** Whether this response becomes the 503 page: decided once, when its head is about to be sent. */
  const replaced = (statusCode) => {
    if (body !== null) return true;
    if (response.headersSent || statusCode !== 500 || !unavailable.has(requestId)) return false;
    // Next's own 500 body (possibly compressed) is dropped: this page replaces it.
    body = page(requestId);
    for (const name of ['content-length', 'content-encoding', 'etag', 'vary', 'transfer-encoding']) response.removeHeader(name);
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.setHeader('cache-control', 'no-store');
    response.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    response.setHeader('content-length', Buffer.byteLength(body));
    writeHead.call(response, 503);
    return true;
  };
  response.writeHead = function writeHeadOr503(statusCode, ...rest) {
    return replaced(statusCode) ? this : writeHead.call(this, statusCode, ...rest);
  };
  response.write = function writeOrDrop(chunk, encoding, callback) {
    if (!replaced(this.statusCode)) return write.call(this, chunk, encoding, callback);
    (typeof encoding === 'function' ? encoding : callback)?.();
    return true;
  };
  response.end = function endWithPage(chunk, encoding, callback) {
    if (!replaced(this.statusCode)) return end.call(this, chunk, encoding, callback);
    const done = [chunk, encoding, callback].find((argument) => typeof argument === 'function');
    return end.call(this, request.method === 'HEAD' ? undefined : body, done);
  };
  return requestId;
}

// server.mjs's 503 page (lib/http/service-unavailable.mjs), through a real HTTP
// server: a 500 whose request was marked as "the database could not serve"
// becomes the 503 page; anything else passes through untouched.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

let probe: ChildProcess;
let base: string;

beforeAll(async () => {
  probe = spawn(process.execPath, [path.join(__dirname, '..', 'support', 'service-unavailable-probe.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [port] = await createInterface({ input: probe.stdout! })[Symbol.asyncIterator]().next().then((line) => [line.value as string]);
  base = `http://127.0.0.1:${port}`;
});

afterAll(() => {
  probe.kill();
});

describe('the 503 page', () => {
  it('replaces a marked 500 with the service-unavailable page, Retry-After and no caching', async () => {
    const response = await fetch(`${base}/marked-500`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-encoding')).toBeNull();
    const html = await response.text();
    expect(html).toContain('<title>Sorry, the service is unavailable – PeerRoles</title>');
    expect(html).toContain('<h1>Sorry, the service is unavailable</h1>');
    expect(html).toMatch(/give them this reference: <strong>[0-9a-f-]{36}<\/strong>/u);
    expect(html).not.toContain('<script');
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(html));
  });

  it('leaves an unmarked 500 as it was', async () => {
    const response = await fetch(`${base}/plain-500`);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('Sorry, there is a problem with the service');
  });

  it('leaves a response that had already started as a 200 as it was', async () => {
    const response = await fetch(`${base}/marked-200`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('digest 1234');
  });

  it('gives every request its own id, whatever the client sent', async () => {
    const [first, second] = await Promise.all(
      [1, 2].map(async () => (await fetch(`${base}/echo-id`, { headers: { 'x-peerroles-request': 'chosen-by-the-client' } })).json() as Promise<{ id: string; header: string }>),
    );
    expect(first.header).toBe(first.id);
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/u);
    expect(second.id).not.toBe(first.id);
  });
});

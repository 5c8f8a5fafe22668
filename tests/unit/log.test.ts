import { logUnavailable, logUnexpected } from '@/lib/http/log';

describe('logUnexpected', () => {
  const lines: string[] = [];
  beforeEach(() => {
    lines.length = 0;
    jest.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
  });
  afterEach(() => jest.restoreAllMocks());

  it('writes one JSON line with the request id, where, and the kind of error, never its message', () => {
    const error = Object.assign(new Error('Unique constraint failed: email jo.bloggs@nhs.net, note "I felt unsupported"'), { code: 'P2002' });
    const id = logUnexpected(error, { kind: 'page', name: '/teams/[teamId]', requestId: '3728461903', method: 'GET' });
    expect(id).toBe('3728461903');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: 'error', requestId: '3728461903', kind: 'page', name: '/teams/[teamId]', method: 'GET', error: 'Error', code: 'P2002' });
    expect(lines[0]).not.toMatch(/jo\.bloggs|unsupported|Unique constraint/u);
  });

  it('makes a request id when there is none, and copes with things that are not errors', () => {
    const id = logUnexpected('a thrown string with jo@example.com', { kind: 'action', name: 'role.create' });
    expect(id).toMatch(/^[0-9a-f-]{36}$/u);
    expect(JSON.parse(lines[0])).toMatchObject({ requestId: id, kind: 'action', name: 'role.create', error: 'string' });
    expect(lines[0]).not.toContain('jo@example.com');
  });

  it('writes a request id once, though Next reports a page error twice', () => {
    logUnexpected(new Error('first'), { kind: 'page', name: '/', requestId: 'digest-twice' });
    logUnexpected(new Error('first'), { kind: 'page', name: '/', requestId: 'digest-twice' });
    expect(lines).toHaveLength(1);
  });

  it('logs the database being unavailable as a warning, with its code and no stack or message', () => {
    const error = Object.assign(new Error('canceling statement due to statement timeout: SELECT ... jo.bloggs'), { code: 'P2010' });
    logUnavailable(error, { kind: 'page', name: '/teams/[teamId]', requestId: '6d1c8f0e-0000-4000-8000-000000000000' });
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: 'warn', event: 'database unavailable', requestId: '6d1c8f0e-0000-4000-8000-000000000000', code: 'P2010' });
    expect(entry.at).toBeUndefined();
    expect(lines[0]).not.toContain('jo.bloggs');
  });
});

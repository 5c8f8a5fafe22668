// Which errors mean "the database could not serve" (503) rather than a fault (500).
import { isDatabaseUnavailable } from '@/lib/http/unavailable';

const withCode = (code: string, extra: object = {}) => Object.assign(new Error('message'), { code, ...extra });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['Prisma: cannot reach the server', withCode('P1001')],
    ['Prisma: no connection from the pool in time', withCode('P2024')],
    ['Prisma: a transaction could not start in time', withCode('P2028')],
    ['PostgreSQL: shutting down for a restart', withCode('57P01')],
    ['PostgreSQL: still starting up', withCode('57P03')],
    ['PostgreSQL: statement timeout', withCode('57014')],
    ['PostgreSQL: a connection exception', withCode('08006')],
    ['a raw query whose driver could not reach the server', withCode('P2010', { meta: { driverAdapterError: Object.assign(new Error('DatabaseNotReachable'), { cause: { kind: 'DatabaseNotReachable' } }) } })],
    ['a raw query cancelled by the statement timeout', withCode('P2010', { meta: { driverAdapterError: { cause: { kind: 'postgres', originalCode: '57014' } } } })],
    ['node-postgres: the pool timed out', new Error('timeout exceeded when trying to connect')],
    ['node-postgres: the connection ended', new Error('Connection terminated unexpectedly')],
    ['a socket refused', withCode('ECONNREFUSED')],
    ['wrapped in a cause', Object.assign(new Error('outer'), { cause: withCode('57P01') })],
  ])('is true for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique constraint', withCode('P2002')],
    ['a raw query with a syntax error', withCode('P2010', { meta: { driverAdapterError: { cause: { kind: 'postgres', originalCode: '42601' } } } })],
    ['a plain error', new Error('Connection terminated unexpectedly, said nobody') as Error],
    ['a string', 'ECONNREFUSED'],
    ['null', null],
    ['a code inherited from a prototype', Object.create({ code: 'P1001' })],
    ['a cycle of causes', (() => {
      const error: Error & { cause?: unknown } = new Error('loop');
      error.cause = error;
      return error;
    })()],
  ])('is false for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

// Counts database round trips at the wire: a TCP proxy between the app and
// PostgreSQL that reads the frontend messages the app sends. Each Sync (the end
// of an extended-protocol query: parse, bind, execute) and each simple Query is
// one round trip to the server, whatever the client library or ORM above it.
import net from 'node:net';

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;

/** Starts the proxy on a free port in front of host:port; `count()` reads and `reset()` zeroes the tally. */
export async function startRoundTripCounter({ host, port }) {
  let roundTrips = 0;
  /** The SQL of each statement parsed or sent since the last reset (the first 160 characters), for --show-queries. */
  let statements = [];
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect({ host, port });
    sockets.add(client);
    sockets.add(upstream);
    let buffer = Buffer.alloc(0);
    let started = false;
    client.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8) break;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) break;
          const code = buffer.readInt32BE(4);
          // SSL and GSS requests come before the startup message, which is the first untyped message to count as started.
          if (code !== SSL_REQUEST && code !== GSS_REQUEST) started = true;
          buffer = buffer.subarray(length);
          continue;
        }
        if (buffer.length < 5) break;
        const length = buffer.readInt32BE(1);
        if (buffer.length < length + 1) break;
        const type = String.fromCharCode(buffer[0]);
        if (type === 'S' || type === 'Q') roundTrips += 1;
        if (type === 'Q' || type === 'P') {
          const body = buffer.subarray(5, length + 1).toString('utf8');
          // Parse: a statement name, then the query; Query: the query alone. Both NUL-terminated.
          const text = type === 'P' ? body.split('\0')[1] : body.split('\0')[0];
          statements.push(text.replace(/\s+/gu, ' ').slice(0, 160));
        }
        buffer = buffer.subarray(length + 1);
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    count: () => roundTrips,
    statements: () => statements,
    reset: () => {
      roundTrips = 0;
      statements = [];
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

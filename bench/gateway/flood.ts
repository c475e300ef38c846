// Made-up App IDs and secrets from many client addresses (X-Forwarded-For), at a fixed rate, in
// a process of its own: in the bench's process its per-request set-up (random credentials and an
// address for each request) shared one event loop with the legitimate load generator and slowed
// that generator, whatever the gateway did. Says `ready` on stdout once loaded, then reports the
// requests sent, as JSON on the last line.
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';

const url = process.env.FLOOD_URL!;
const addresses = Number(process.env.FLOOD_ADDRESSES);
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
/** The n-th of the flood's client addresses: 10.0.0.1, 10.0.1.1, ... */
const clientAddress = (n: number) => `10.${n >> 8}.${n & 255}.1`;

// Loaded and compiled: the bench starts its legitimate load now, so that this process's start-up
// (tsx compiling, autocannon loading: about a core for half a second) is not counted as flood.
process.stdout.write('ready\n');
const result = await autocannon({
  url,
  connections: 50,
  overallRate: Number(process.env.FLOOD_RATE),
  duration: Number(process.env.FLOOD_SECONDS),
  requests: [
    {
      setupRequest: (request) => ({
        ...request,
        headers: {
          ...request.headers,
          authorization: basic(`kwa_${randomBytes(15).toString('base64url')}`, `kwds_${randomBytes(32).toString('base64url')}`),
          'x-forwarded-for': clientAddress(Math.floor(Math.random() * addresses)),
        },
      }),
    },
  ],
});
process.stdout.write(JSON.stringify({ sent: result.requests.total }));

// Made-up App IDs and secrets from many client addresses (X-Forwarded-For), at a fixed rate, in
// a process of its own. Says `ready` on stdout once loaded and made, then reports the requests
// sent and answered, and its own CPU, as JSON on the last line.
//
// Every request is made before the flood begins (a fresh random App ID, secret and client address
// each, as bytes) and written as it falls due to one of 50 keep-alive connections, whose answers
// are only counted. The flood shares two cores with the gateway it floods, so what its generator
// spends is taken from the gateway and counted as the flood's harm. Per made-up request, on the
// AMD EPYC VM of 2026-12-07: autocannon with a setupRequest (random credentials, its request
// builder, per request) about 190 µs of CPU, undici's dispatch with requests made beforehand
// 238 µs, these writes 85 µs.
import { randomBytes } from 'node:crypto';
import net from 'node:net';

const url = new URL(process.env.FLOOD_URL!);
const addresses = Number(process.env.FLOOD_ADDRESSES);
const rate = Number(process.env.FLOOD_RATE);
const seconds = Number(process.env.FLOOD_SECONDS);
const CONNECTIONS = 50;
/** How often the flood catches up with its rate (ms): 10 requests a tick at 1,000/s. */
const TICK_MS = 10;
/** How long answers still in flight are waited for once the last request is sent. */
const SETTLE_MS = 2000;

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
/** The n-th of the flood's client addresses: 10.0.0.1, 10.0.1.1, ... */
const clientAddress = (n: number) => `10.${n >> 8}.${n & 255}.1`;

const total = Math.ceil(rate * seconds);
const requests = Array.from({ length: total }, () =>
  Buffer.from(
    `GET ${url.pathname} HTTP/1.1\r\nhost: ${url.host}\r\n` +
      `authorization: ${basic(`kwa_${randomBytes(15).toString('base64url')}`, `kwds_${randomBytes(32).toString('base64url')}`)}\r\n` +
      `x-forwarded-for: ${clientAddress(Math.floor(Math.random() * addresses))}\r\n\r\n`,
    'latin1',
  ),
);

/** Each answer begins with a status line; its bodies are Keyward's JSON errors, which hold none. */
const STATUS_LINE = 'HTTP/1.1 ';
let answered = 0;
function connect(): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => resolve(socket));
    socket.setNoDelay(true);
    // Only a failure to connect matters: the round's count of answers tells the rest.
    socket.on('error', reject);
    // The end of the last chunk goes before the next, so a status line split between two counts.
    let tail = '';
    socket.on('data', (chunk: Buffer) => {
      const text = tail + chunk.toString('latin1');
      for (let at = text.indexOf(STATUS_LINE); at !== -1; at = text.indexOf(STATUS_LINE, at + STATUS_LINE.length)) answered++;
      tail = text.slice(-(STATUS_LINE.length - 1));
    });
  });
}
const connections = await Promise.all(Array.from({ length: CONNECTIONS }, connect));

process.stdout.write('ready\n');
const cpuBefore = process.cpuUsage();
const began = performance.now();
let sent = 0;
await new Promise<void>((resolve) => {
  const timer = setInterval(() => {
    const due = Math.min(total, Math.floor((rate * (performance.now() - began)) / 1000));
    for (; sent < due; sent++) connections[sent % CONNECTIONS]!.write(requests[sent]!);
    if (sent === total) {
      clearInterval(timer);
      resolve();
    }
  }, TICK_MS);
});
const settleUntil = performance.now() + SETTLE_MS;
while (answered < sent && performance.now() < settleUntil) await new Promise((resolve) => setTimeout(resolve, TICK_MS));
for (const connection of connections) connection.destroy();
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(JSON.stringify({ sent, answered, cpuMs: (cpu.user + cpu.system) / 1000 }));

// The minimal upstream for the gateway benchmark: a small JSON answer, keep-alive, nothing else.
import { createServer } from 'node:http';

const body = JSON.stringify({ data: [{ clientid: 'c1', connected: true }], meta: { count: 1 } });
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));

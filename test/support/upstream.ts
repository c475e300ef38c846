import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  bodyBytes: number;
}

/**
 * A real HTTP server standing in for a deployment's EMQX REST API: it records what reached it,
 * echoes it back as JSON, and has a slow path, a large-body path and `?status=NNN` to answer with
 * that status.
 */
export async function startUpstream(): Promise<{ url: string; seen: SeenRequest[]; close: () => Promise<void> }> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((request, response) => {
    let bodyBytes = 0;
    request.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
    request.on('end', () => {
      const record = { method: request.method!, url: request.url!, headers: request.headers, bodyBytes };
      seen.push(record);
      if (request.url?.includes('/slow')) {
        setTimeout(() => response.end('late'), 2_000);
        return;
      }
      const big = /[?&]big=(\d+)/.exec(request.url ?? '');
      if (big) {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        const size = Number(big[1]);
        const chunk = Buffer.alloc(64 * 1024, 120);
        let sent = 0;
        const pump = () => {
          while (sent < size) {
            const piece = chunk.subarray(0, Math.min(chunk.length, size - sent));
            sent += piece.length;
            if (!response.write(piece)) return void response.once('drain', pump);
          }
          response.end();
        };
        return pump();
      }
      const status = /[?&]status=(\d{3})/.exec(request.url ?? '');
      const code = status ? Number(status[1]) : request.method === 'POST' ? 201 : 200;
      response.writeHead(code, { 'content-type': 'application/json', 'x-upstream': 'emqx' });
      response.end(JSON.stringify(record));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from './test';

const EMPTY_LIST: RequestListener = (_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end('{"data":[]}');
};

/**
 * A stand-in for a deployment's EMQX REST API, started before a spec file's tests and stopped
 * after them; `url()` is its address once started. Answers an empty list unless told otherwise.
 */
export function useStandInUpstream(handler: RequestListener = EMPTY_LIST): { url: () => string } {
  const server = createServer(handler);
  let url = '';
  test.beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: () => url };
}

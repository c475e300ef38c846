import net from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The head's bytes: a character up to U+00FF is that one byte (so a test can send any byte), one
 * beyond is its UTF-8 bytes, as a client typing it would send. Latin-1 alone would send only the
 * low byte of each UTF-16 unit: U+1B23F would go out as `,?`, a different path and a query.
 */
function bytesOf(text: string): Buffer {
  return Buffer.concat([...text].map((char) => (char.codePointAt(0)! > 0xff ? Buffer.from(char, 'utf8') : Buffer.from([char.codePointAt(0)!]))));
}

/**
 * Sends one HTTP/1.1 request with exactly the bytes given (request target, header names and
 * values untouched), as a hostile client would: Node's and undici's clients, and inject(), all
 * validate or normalise the target first.
 */
export function rawRequest(port: number, options: { method: string; target: string; headers?: [string, string][]; body?: string }): Promise<RawResponse> {
  const headers: [string, string][] = [['Host', '127.0.0.1'], ['Connection', 'close'], ...(options.headers ?? [])];
  if (options.body !== undefined) headers.push(['Content-Length', String(Buffer.byteLength(options.body))]);
  const head = `${options.method} ${options.target} HTTP/1.1\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(Buffer.concat([bytesOf(head), Buffer.from(options.body ?? '')])));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [statusAndHeaders = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = statusAndHeaders.split('\r\n');
      const parsed: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        if (colon > 0) parsed[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      let body = rest.join('\r\n\r\n');
      if (parsed['transfer-encoding'] === 'chunked') body = dechunk(body);
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers: parsed, body });
    });
  });
}

function dechunk(body: string): string {
  let out = '';
  let rest = body;
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, lineEnd), 16);
    if (!size) return out;
    out += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
}

import { describe, expect, it } from 'vitest';
import { createUpstreamPolicy, displayableUpstreamUrl, parseUpstreamAllowList } from './upstream-policy';

describe('upstream policy', () => {
  it('by default refuses loopback, link-local (cloud metadata), unspecified and multicast, in every spelling', () => {
    const policy = createUpstreamPolicy(undefined);
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '169.254.169.254', 'fe80::1', '0.0.0.0', '::', '224.0.0.1', 'fd00:ec2::254']) {
      expect(policy.allowsAddress(address), address).toBe(false);
    }
    for (const address of ['10.0.0.5', '192.168.1.10', '203.0.113.7', '2001:db8::1']) {
      expect(policy.allowsAddress(address), address).toBe(true);
    }
  });

  it('checks the host of a URL as the URL parser reads it, and what a name resolves to', async () => {
    const policy = createUpstreamPolicy(undefined);
    for (const url of ['http://127.0.0.1:18083', 'http://2130706433/', 'http://0x7f.1/', 'http://[::1]:8080', 'http://[::ffff:7f00:1]/', 'http://localhost:18083', 'http://169.254.169.254/latest']) {
      expect(await policy.allowsUrl(new URL(url)), url).toBe(false);
    }
    expect(await policy.allowsUrl(new URL('http://10.1.2.3:18083'))).toBe(true);
  });

  it('with an allow list, allows only the listed names, addresses and ranges', async () => {
    const policy = createUpstreamPolicy('10.0.0.0/8, 127.0.0.1, emqx.internal, ::1');
    expect(policy.allowsAddress('10.9.9.9')).toBe(true);
    expect(policy.allowsAddress('127.0.0.1')).toBe(true);
    expect(policy.allowsAddress('::ffff:127.0.0.1')).toBe(true);
    expect(policy.allowsAddress('127.0.0.2')).toBe(false);
    expect(policy.allowsAddress('192.168.0.1')).toBe(false);
    expect(policy.allowsName('EMQX.internal')).toBe(true);
    expect(await policy.allowsUrl(new URL('http://emqx.internal:18083'))).toBe(true);
    expect(await policy.allowsUrl(new URL('http://[::1]:18083'))).toBe(true);
  });

  it('refuses an allow list it cannot read, naming the entry', () => {
    expect(() => parseUpstreamAllowList('10.0.0.0/33')).toThrow(/10.0.0.0\/33/);
    expect(() => parseUpstreamAllowList('http://x')).toThrow(/http:\/\/x/);
    expect(parseUpstreamAllowList('')).toBeUndefined();
  });

  it('refuses at connection time a name that resolves to a refused address', async () => {
    const policy = createUpstreamPolicy(undefined);
    const error = await new Promise<unknown>((resolve) => policy.lookup('localhost', { all: false }, (failure) => resolve(failure)));
    expect(error).toMatchObject({ code: 'UPSTREAM_NOT_ALLOWED' });
  });

  it('never shows a URL with its credentials', () => {
    expect(displayableUpstreamUrl('http://admin:hunter2@10.0.0.1:18083/base')).toBe('http://10.0.0.1:18083/base');
    expect(displayableUpstreamUrl('http://10.0.0.1:18083')).toBe('http://10.0.0.1:18083');
    expect(displayableUpstreamUrl(null)).toBeNull();
  });
});

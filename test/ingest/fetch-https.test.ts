import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchDocument, IngestError } from '../../src/edges/ingest/index.ts';

// A self-signed certificate for localhost and 127.0.0.1 (EC P-256, valid for 100 years), made for this
// test (a throwaway key that protects nothing) with `openssl req -x509 -newkey ec ... -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1`.
const KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg0jCbh1O5o2xR5sFM
OrvOXNcviceSRc3kbV6d+JbBs/ChRANCAAREx5/EerQmALOl7VyHeL2w1CPcRCug
ZDJNCJEQSWPmU3x8e/mzcg13p5L+28TW5XLRDooK5zqFQ0QuK7MbBMWa
-----END PRIVATE KEY-----`;
const CERT = `-----BEGIN CERTIFICATE-----
MIIBmzCCAUGgAwIBAgIURBlAXyaPnrrwjC5Dyy52T1vEdUIwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyODIwMzUwNloYDzIxMjYxMTA0
MjAzNTA2WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAREx5/EerQmALOl7VyHeL2w1CPcRCugZDJNCJEQSWPmU3x8e/mzcg13
p5L+28TW5XLRDooK5zqFQ0QuK7MbBMWao28wbTAdBgNVHQ4EFgQU7nix4ADkZMpq
/FQS0yNlF/oty8YwHwYDVR0jBBgwFoAU7nix4ADkZMpq/FQS0yNlF/oty8YwDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
zj0EAwIDSAAwRQIgScXJvGWNnG6H33WlkUi6fWZb7ypNbaziprX2kmyRinoCIQC0
h/qv0SEMDpA7zcuLDmmP/EAGpdWV5Vt7qRGKZvpRmQ==
-----END CERTIFICATE-----`;

let server: Server;
let port = 0;
let requests = 0;
beforeAll(async () => {
  server = createServer({ key: KEY, cert: CERT }, (_request, response) => {
    requests++;
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<p>secret</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fetchDocument over https', () => {
  it('connects through the pinned lookup with the host name for TLS, and verifies the certificate', async () => {
    // The handshake happens (so the pinned address was dialled and SNI sent), and an untrusted certificate is refused.
    const error = await fetchDocument(`https://localhost:${port}/`, { allow: ['loopback'], timeoutMs: 5000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect(error).toMatchObject({ code: 'network' });
    expect((error as Error).message).toMatch(/^cannot fetch https:\/\/localhost:\d+\/: .*self[- ]signed certificate/);
    expect(requests).toBe(0);
  });

  it('refuses https to loopback before any handshake when loopback is not allowed', async () => {
    const error = await fetchDocument(`https://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'blocked-address' });
  });
});

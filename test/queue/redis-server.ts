/**
 * A real redis-server for the queue tests: on a free loopback port, in a temporary folder, with append-only
 * persistence (so that a restart keeps the jobs) and a password; stopped after. Debian's `redis-server`
 * (`apt-get install redis-server`, as .ci/run does).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where redis-server is, or null when it is not installed. */
export function findRedisServer(): string | null {
  for (const candidate of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (existsSync(candidate)) return candidate;
  const which = spawnSync('which', ['redis-server'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() !== '' ? which.stdout.trim() : null;
}

export type RedisServer = { port: number; dir: string; password: string; url: string; readonly pid: number | undefined; stop(): Promise<void>; start(): Promise<void> };

/** A self-signed certificate for 127.0.0.1 in `dir` (openssl), for a TLS server and the clients that trust it. */
export function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl could not make a certificate: ${made.stderr}`);
  return { cert, key };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
  });
}

/** Starts redis-server; `stop()` shuts it down (saving its append-only file), `start()` starts it again on the same port and folder. */
/**
 * A redis-server on a free loopback port with a temporary folder; `persist` (default on) keeps an append-only file
 * synced on every write, so a restart loses nothing (the benchmark turns it off).
 */
export async function startRedis(binary: string, options: { password?: string; tls?: { cert: string; key: string }; persist?: boolean } = {}): Promise<RedisServer> {
  const password = options.password ?? 'pw-Q7x!k9';
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'slant-redis-'));
  const listen = options.tls === undefined ? ['--port', String(port)] : ['--port', '0', '--tls-port', String(port), '--tls-cert-file', options.tls.cert, '--tls-key-file', options.tls.key, '--tls-auth-clients', 'no'];
  let child: ChildProcess | null = null;
  const server: RedisServer = {
    port,
    dir,
    password,
    url: `${options.tls === undefined ? 'redis' : 'rediss'}://:${encodeURIComponent(password)}@127.0.0.1:${port}/0`,
    get pid() {
      return child?.pid;
    },
    async start() {
      const persistence = options.persist === false ? ['--appendonly', 'no'] : ['--appendonly', 'yes', '--appendfsync', 'always'];
      child = spawn(binary, [...listen, '--bind', '127.0.0.1', '--dir', dir, '--save', '', ...persistence, '--requirepass', password], { stdio: 'ignore' });
      for (let waited = 0; !(await answers(port)); waited += 20) {
        if (waited > 10_000) throw new Error(`redis-server did not start on port ${port}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      const running = child;
      if (running === null || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
      child = null;
    },
  };
  await server.start();
  return server;
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';

const MARIADBD = process.env.MARIADBD_PATH ?? '/usr/sbin/mariadbd';
const INSTALL_DB = process.env.MARIADB_INSTALL_DB_PATH ?? '/usr/bin/mariadb-install-db';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/**
 * A MariaDB server of the test's own, in a temporary folder on a free port, so a test can kill and restart it
 * without touching the shared server other tests use.
 */
export class PrivateMariaDb {
  private process: ChildProcess | null = null;

  private constructor(
    private readonly dataDir: string,
    readonly port: number,
  ) {}

  static async create(): Promise<PrivateMariaDb> {
    for (const binary of [MARIADBD, INSTALL_DB]) {
      if (!existsSync(binary)) throw new Error(`${binary} is missing: the fault test runs its own MariaDB (apt-get install mariadb-server)`);
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'hall-menu-mariadb-'));
    const installed = spawnSync(INSTALL_DB, ['--no-defaults', `--datadir=${dir}/data`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'], { encoding: 'utf8' });
    if (installed.status !== 0) throw new Error(`mariadb-install-db failed: ${installed.stderr}`);
    const db = new PrivateMariaDb(dir, await freePort());
    await db.start();
    return db;
  }

  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}/hallmenu_fault`;
  }

  async start(): Promise<void> {
    this.process = spawn(
      MARIADBD,
      ['--no-defaults', `--datadir=${this.dataDir}/data`, `--port=${this.port}`, '--bind-address=127.0.0.1', `--socket=${this.dataDir}/mysqld.sock`, '--user=root', '--skip-log-bin', '--innodb-buffer-pool-size=64M', '--max-connections=200'],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const connection = await createConnection({ host: '127.0.0.1', port: this.port, user: 'root' });
        await connection.query('CREATE DATABASE IF NOT EXISTS hallmenu_fault CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
        await connection.end();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`private MariaDB did not start: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  /** Kills the server as a crash or power cut would (no clean shutdown), and waits until it is gone. */
  async crash(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.process = null;
  }

  async destroy(): Promise<void> {
    await this.crash();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

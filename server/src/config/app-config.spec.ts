import { loadConfig } from './app-config';

const SECRET = 'x'.repeat(40);

describe('loadConfig', () => {
  it('runs a new user on the embedded database in demo mode with demo login', () => {
    const config = loadConfig({});
    expect(config.database.kind).toBe('embedded');
    expect(config.demoMode).toBe(true);
    expect(config.demoLogin).toBe(true);
    expect(config.seedDemoData).toBe(true);
  });

  it('turns demo mode off with a MySQL DATABASE_URL, and then demands a JWT secret', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/hall' })).toThrow(/JWT_SECRET/);
    const config = loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/hall', JWT_SECRET: SECRET });
    expect(config.database).toEqual({ kind: 'mysql', url: 'mysql://root@127.0.0.1:3306/hall', readUrls: [] });
    expect(config.demoMode).toBe(false);
    expect(config.demoLogin).toBe(false);
  });

  it('never offers demo login in production or with WeChat credentials, whatever DEMO_MODE says', () => {
    expect(loadConfig({ DEMO_MODE: 'true', NODE_ENV: 'production' }).demoLogin).toBe(false);
    const wechat = loadConfig({ DEMO_MODE: 'true', WECHAT_APPID: 'wx1', WECHAT_SECRET: 's', JWT_SECRET: SECRET });
    expect(wechat.demoMode).toBe(false);
    expect(wechat.demoLogin).toBe(false);
    expect(wechat.wechat).toMatchObject({ appId: 'wx1' });
  });

  it('reads the replicas from DATABASE_READ_URLS, names a bad entry without echoing it, and wants the primary too', () => {
    const primary = { DATABASE_URL: 'mysql://app:pw@db:3306/hall', JWT_SECRET: SECRET };
    const replicas = 'mysql://ro:pw@replica1:3306/hall, mysql://ro:pw@replica2:3306/hall';
    expect(loadConfig({ ...primary, DATABASE_READ_URLS: replicas }).database).toEqual({
      kind: 'mysql',
      url: 'mysql://app:pw@db:3306/hall',
      readUrls: ['mysql://ro:pw@replica1:3306/hall', 'mysql://ro:pw@replica2:3306/hall'],
    });
    expect(loadConfig({ ...primary, DATABASE_READ_URLS: '' }).database).toMatchObject({ readUrls: [] });
    const bad = () => loadConfig({ ...primary, DATABASE_READ_URLS: 'mysql://ro:pw@replica1:3306/hall,postgres://ro:secret-pw@replica2/hall' });
    expect(bad).toThrow('DATABASE_READ_URLS: entry 2 must look like mysql://user:password@replica-host:3306/database');
    expect(bad).not.toThrow(/secret-pw/);
    expect(() => loadConfig({ DATABASE_READ_URLS: 'mysql://ro:pw@replica1:3306/hall' })).toThrow('DATABASE_READ_URLS: replicas need DATABASE_URL');
  });

  it('lists every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'postgres://x', JWT_SECRET: 'short' })).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*JWT_SECRET/,
    );
  });
});

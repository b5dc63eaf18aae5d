/** Who may call the sidebar API: the app's JWT, one account's tenant only, and CORS. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { appToken, APP_SECRET, bearer } from '../helpers/app-token.js';
import { startApiFixture, tenantOf, type ApiFixture } from '../helpers/api-fixture.js';
import { decision, seedTicket } from '../helpers/seed.js';

let f: ApiFixture;
let ticketId: string;

beforeAll(async () => {
  f = await startApiFixture();
  const created = f.sandbox.inbound({ requester: { email: 'maya.lin@northwind.example', name: 'Maya Lin' }, body: 'I was charged twice!' });
  ticketId = String(created.ticket.id);
  await seedTicket(f.db.store, { tenantId: tenantOf('acme'), ticketId, state: 'handed_off', attempts: [{ decision: decision(), message: 'I was charged twice!', at: Date.now() - 60_000 }] });
});
afterAll(() => f?.close());

describe('sidebar API authentication', () => {
  it('answers a token of the right account', async () => {
    const res = await request(f.app).get(`/api/sidebar/tickets/${ticketId}`).set('Authorization', await bearer({ account: 'acme' }));
    expect(res.status).toBe(200);
    expect(res.body.ticket.id).toBe(ticketId);
  });

  it("never shows one account's ticket to a token of another account", async () => {
    const res = await request(f.app).get(`/api/sidebar/tickets/${ticketId}`).set('Authorization', await bearer({ account: 'globex' }));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(JSON.stringify(res.body)).not.toContain('charged twice');
    const flag = await request(f.app).post(`/api/sidebar/tickets/${ticketId}/flags`).set('Authorization', await bearer({ account: 'globex' })).send({ kind: 'other' });
    expect(flag.status).toBe(404);
    const back = await request(f.app).post(`/api/sidebar/tickets/${ticketId}/return`).set('Authorization', await bearer({ account: 'globex' })).send({});
    expect(back.status).toBe(404);
  });

  it('refuses a request without a token', async () => {
    const res = await request(f.app).get(`/api/sidebar/tickets/${ticketId}`);
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'AUTH_INVALID' });
    expect(res.body.error.message).toMatch(/Bearer/);
  });

  it('refuses an expired token and says so', async () => {
    const res = await request(f.app).get(`/api/sidebar/tickets/${ticketId}`).set('Authorization', await bearer({ issuedAt: -7200, expiresIn: -3600 }));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('AUTH_EXPIRED');
  });

  it('refuses a token signed with another secret', async () => {
    const res = await request(f.app).get(`/api/sidebar/tickets/${ticketId}`).set('Authorization', await bearer({ secret: 'not-the-app-secret-0123456789' }));
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/shared secret/);
  });

  it('treats a token issued more than an hour ago as expired, whatever its exp says', async () => {
    const res = await request(f.app).get(`/api/sidebar/tickets/${ticketId}`).set('Authorization', await bearer({ issuedAt: -3 * 3600, expiresIn: 600 }));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('AUTH_EXPIRED');
  });

  it('refuses tokens the app never makes: no iat, too long-lived, other audience', async () => {
    for (const token of [await appToken({ issuedAt: null }), await appToken({ expiresIn: 6 * 3600 }), await appToken({ audience: 'some-other-service' })]) {
      const res = await request(f.app).get(`/api/sidebar/tickets/${ticketId}`).set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('AUTH_INVALID');
    }
  });

  it('refuses an unsigned token and another algorithm', async () => {
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: 'acme', aud: 'baton-sidebar', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url')}.`;
    const hs512 = await new SignJWT({}).setProtectedHeader({ alg: 'HS512' }).setIssuer('acme').setAudience('baton-sidebar').setIssuedAt().setExpirationTime('10m').sign(new TextEncoder().encode(APP_SECRET));
    for (const token of [none, hs512]) {
      const res = await request(f.app).get(`/api/sidebar/tickets/${ticketId}`).set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
    }
  });

  it('refuses an iss that is not a subdomain', async () => {
    const res = await request(f.app).get(`/api/sidebar/tickets/${ticketId}`).set('Authorization', await bearer({ account: 'https://acme.zendesk.com/../x' }));
    expect(res.status).toBe(401);
  });

  it('leaves routes outside /api/sidebar and /api/analytics alone', async () => {
    const res = await request(f.app).get('/api/jobs');
    expect(res.body.error.message).toBe('connector 404');
  });
});

describe('sidebar API CORS', () => {
  it('answers the preflight of the Zendesk agent interface and of the app assets origin', async () => {
    for (const origin of ['https://acme.zendesk.com', 'https://1234567.apps.zdusercontent.com']) {
      const res = await request(f.app)
        .options(`/api/sidebar/tickets/${ticketId}/return`)
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization, content-type');
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
      expect(res.headers['access-control-allow-headers']).toMatch(/Authorization/);
      expect(res.headers['access-control-allow-methods']).toMatch(/POST/);
    }
  });

  it('gives other origins no CORS access', async () => {
    const res = await request(f.app).options('/api/analytics/summary').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const get = await request(f.app).get('/api/analytics/summary').set('Origin', 'https://acme.zendesk.com.evil.example').set('Authorization', await bearer());
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets an allowed origin read error answers too', async () => {
    const res = await request(f.app).get(`/api/sidebar/tickets/${ticketId}`).set('Origin', 'https://acme.zendesk.com');
    expect(res.status).toBe(401);
    expect(res.headers['access-control-allow-origin']).toBe('https://acme.zendesk.com');
  });
});

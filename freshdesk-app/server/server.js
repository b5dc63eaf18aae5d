/**
 * Server Method Invocation for the Baton sidebar (Freshworks platform 3.0).
 *
 * The browser never holds the shared secret: the front end calls
 * client.request.invoke('connectorCall', { method, path, body, claims }); here, where the
 * secure iparam arrives as args.iparams (FACTS.md §8), we sign the same HS256 token the
 * Zendesk app's proxy signs (iss = the helpdesk account, aud = baton-sidebar, sub/name = the
 * agent, one hour), and call the connector through a request template with the token in a
 * header (secure values only in headers). The answer always comes back as data with the
 * connector's status, so the front end can tell a 404 ("Baton never saw this ticket") from an
 * unreachable connector.
 */
const crypto = require('crypto');

const TOKEN_SECONDS = 3600;
const PATH = /^\/api\/sidebar\/tickets\/\d{1,19}(\/return|\/flags)?$/;

function base64url(input) {
  return Buffer.from(input).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

function signToken(secret, claims) {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: String(claims.iss || ''),
    aud: 'baton-sidebar',
    sub: String(claims.sub || ''),
    name: String(claims.name || ''),
    iat: now,
    exp: now + TOKEN_SECONDS,
  };
  const unsigned = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' })) + '.' + base64url(JSON.stringify(payload));
  const signature = crypto.createHmac('sha256', secret).update(unsigned).digest('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return unsigned + '.' + signature;
}

exports = {
  connectorCall: async function (args) {
    const method = args.method === 'POST' ? 'POST' : 'GET';
    if (typeof args.path !== 'string' || !PATH.test(args.path)) {
      renderData(null, { status: 400, body: JSON.stringify({ error: { code: 'BAD_REQUEST', message: 'The app may only call the sidebar endpoints.' } }) });
      return;
    }
    const secret = args.iparams && args.iparams.shared_secret;
    if (!secret) {
      renderData(null, { status: 0, body: JSON.stringify({ message: 'The shared secret setting is empty.' }) });
      return;
    }
    const token = signToken(secret, args.claims || {});
    try {
      const res = await $request.invokeTemplate(method === 'POST' ? 'batonPost' : 'batonGet', {
        context: { path: args.path, token: token },
        body: method === 'POST' ? JSON.stringify(args.body || {}) : undefined,
      });
      renderData(null, { status: res.status, body: res.response });
    } catch (err) {
      // invokeTemplate rejects on non-2xx with { status, response } (or no status when unreachable).
      renderData(null, { status: (err && err.status) || 0, body: (err && err.response) || '' });
    }
  },
};

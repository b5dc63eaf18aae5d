/**
 * The Baton app as installed on the sandbox account, and Zendesk's side of signed URLs:
 * every app has an RSA key pair; Zendesk keeps the private key and signs (RS256) the token it
 * POSTs to a `"signed": true` location, and publishes the public key at
 * `GET /api/v2/apps/{app_id}/public_key.pem` (Apps API). The claims follow Zendesk's
 * "Authenticating Zendesk in your server-side app": iss (the account host), aud (the
 * installation's API URL), sub (the user), iat/nbf/exp, context {product, location}.
 */
import crypto from 'node:crypto';
import { SignJWT } from 'jose';

export const SANDBOX_APP_ID = 880001;
export const SANDBOX_INSTALLATION_ID = 990001;
/** Zendesk's signed-URL tokens are short-lived; five minutes here. */
const TOKEN_SECONDS = 300;

export interface AppInstallationRecord {
  id: number;
  appId: number;
  enabled: boolean;
  /** Setting values; secure ones are stored but never listed by the API. */
  settings: Record<string, string>;
  secureSettings: Set<string>;
  createdAt: Date;
  updatedAt: Date;
}

export class SandboxApps {
  private keys: { privateKey: crypto.KeyObject; publicKeyPem: string } | undefined;
  installation: AppInstallationRecord | null = null;

  constructor(
    private readonly agentHost: string,
    private readonly now: () => Date,
  ) {}

  /** Generated on first use: most sandboxes never sign a token. */
  private keyPair() {
    if (!this.keys) {
      const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
      this.keys = { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
    }
    return this.keys;
  }

  publicKeyPem(): string {
    return this.keyPair().publicKeyPem;
  }

  install(settings: Record<string, string>, opts: { secure?: string[]; enabled?: boolean } = {}): AppInstallationRecord {
    const at = this.now();
    this.installation = { id: SANDBOX_INSTALLATION_ID, appId: SANDBOX_APP_ID, enabled: opts.enabled ?? true, settings: { ...settings }, secureSettings: new Set(opts.secure ?? ['shared_secret']), createdAt: at, updatedAt: at };
    return this.installation;
  }

  /** The token Zendesk POSTs to a signed location when `userId` opens it. */
  async signToken(input: { userId: number; location?: string; installationId?: number; expiresInSeconds?: number }): Promise<string> {
    const iat = Math.floor(this.now().getTime() / 1000);
    const installationId = input.installationId ?? this.installation?.id ?? SANDBOX_INSTALLATION_ID;
    return new SignJWT({ context: { product: 'support', location: input.location ?? 'nav_bar' } })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(this.agentHost)
      .setAudience(`https://${this.agentHost}/api/v2/apps/installations/${installationId}.json`)
      .setSubject(`https://${this.agentHost}/api/v2/users/${input.userId}.json`)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + (input.expiresInSeconds ?? TOKEN_SECONDS))
      .setJti(crypto.randomUUID())
      .sign(this.keyPair().privateKey);
  }
}

/** List App Installations' item: settings without the secure values. */
export function installationJson(i: AppInstallationRecord) {
  const settings = Object.fromEntries(Object.entries(i.settings).filter(([k]) => !i.secureSettings.has(k)));
  return {
    id: i.id,
    app_id: i.appId,
    product: 'support',
    enabled: i.enabled,
    settings: { name: 'Baton', title: 'Baton', ...settings },
    settings_objects: Object.entries({ name: 'Baton', title: 'Baton', ...settings }).map(([name, value]) => ({ name, value })),
    created_at: i.createdAt.toISOString(),
    updated_at: i.updatedAt.toISOString(),
  };
}

/**
 * The part of the ZAF client (zendesk_app_framework_sdk) the app uses, typed. The SDK
 * ships no types; component tests pass an object of this shape instead of the real client.
 */

export interface ZafContext {
  product?: string;
  location: string;
  instanceGuid?: string;
  account: { subdomain: string };
  ticketId?: number;
}

export interface ZafMetadata {
  appId?: number;
  installationId?: number;
  /** Non-secure settings only; secure ones are filled in by Zendesk's proxy. */
  settings: Record<string, string | number | boolean | null | undefined>;
}

export interface ZafRequestOptions {
  url: string;
  type?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  contentType?: string;
  data?: string;
  dataType?: 'json' | 'text';
  headers?: Record<string, string>;
  secure?: boolean;
  cors?: boolean;
  timeout?: number;
  jwt?: {
    algorithm: 'HS256';
    secret_key: string;
    expiry?: number;
    claims?: Record<string, string | number>;
  };
}

/** What `request()` rejects with: the jqXHR-like object Zendesk's proxy hands back. */
export interface ZafRequestFailure {
  status?: number;
  statusText?: string;
  responseText?: string;
  responseJSON?: unknown;
}

export interface ZafClient {
  context(): Promise<ZafContext>;
  metadata(): Promise<ZafMetadata>;
  get(path: string | string[]): Promise<Record<string, unknown>>;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
  on(event: string, handler: (data: unknown) => void): void;
  off?(event: string, handler: (data: unknown) => void): void;
  request<T = unknown>(options: ZafRequestOptions): Promise<T>;
}

/**
 * The part of the Freshworks app client (platform 3.0, loaded by `{{{appclient}}}`) the
 * Baton sidebar uses. Calls as documented in ../shared/freshdesk/FACTS.md §8 [FW-DEV]:
 * `app.initialized()`, `client.data.get()`, `client.iparams.get()`,
 * `client.instance.resize()`, `client.events.on()`, `client.request.invoke()` (Server
 * Method Invocation; the function's `renderData` payload comes back as `.response`),
 * `client.interface.trigger('showNotify', ...)`.
 */
export interface FreshworksClient {
  data: { get(name: string): Promise<Record<string, any>> };
  iparams: { get(name?: string): Promise<Record<string, unknown>> };
  instance: { resize(size: { height: string }): void; context?(): Promise<Record<string, unknown>> };
  events: { on(event: string, handler: (event: unknown) => void): void };
  request: { invoke(name: string, args: Record<string, unknown>): Promise<{ response: unknown }> };
  interface: { trigger(action: string, options: Record<string, unknown>): Promise<unknown> };
}

declare global {
  interface Window {
    app?: { initialized(): Promise<FreshworksClient> };
  }
}

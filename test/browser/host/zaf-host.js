/*
 * A stand-in for Zendesk's agent interface, speaking the ZAF postMessage protocol to the
 * real zendesk_app_framework_sdk inside the app's iframe (see node_modules/
 * zendesk_app_framework_sdk/lib/client.js):
 *
 *   app → host  {key:'iframe.handshake'}                 host → app {key:'zaf.app.registered', message:{context, metadata}}
 *   app → host  {id, request:'get'|'invoke', params}     host → app {id, result} (errors per path in result.errors)
 *   app → host  {key:'iframe.on:<event>'}                (subscription; the host emits {key:'zaf.<event>', message})
 *   app → host  {key:'request:N', message: options}      host → app {key:'zaf.request:N.done'|'.fail', message:{responseArgs}}
 *
 * Requests go to `window.zafProxy` (exposed by the test from Node), which plays Zendesk's
 * server-side proxy: it fills in settings, signs the JWT with the secure setting, and calls
 * the connector over real HTTP. Messages are JSON strings, as the SDK sends and expects.
 */
(function () {
  const config = window.ZAF_HOST_CONFIG;
  const frame = document.getElementById('app-frame');
  const appOrigin = new URL(frame.src).origin;
  const host = (window.zafHost = { resizes: [], invokes: [], subscriptions: [], registered: false, log: [] });

  function post(msg) {
    frame.contentWindow.postMessage(JSON.stringify(msg), appOrigin);
  }

  function valueOf(path) {
    const known = {
      colorScheme: config.colorScheme,
      currentUser: config.currentUser,
      'currentUser.id': config.currentUser.id,
      'currentUser.name': config.currentUser.name,
      'currentUser.locale': config.currentUser.locale,
      'currentUser.role': config.currentUser.role,
      'ticket.id': config.context.ticketId,
    };
    return Object.prototype.hasOwnProperty.call(known, path) ? { value: known[path] } : null;
  }

  host.emit = function (event, message) {
    post({ key: 'zaf.' + event, message: message });
  };

  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow || event.origin !== appOrigin) return;
    let data;
    try {
      data = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    host.log.push(data.key || data.request);
    if (data.key === 'iframe.handshake') {
      host.registered = true;
      post({ key: 'zaf.app.registered', message: { context: config.context, metadata: config.metadata } });
      return;
    }
    if (typeof data.key === 'string' && data.key.indexOf('iframe.on:') === 0) {
      host.subscriptions.push(data.key.slice('iframe.on:'.length));
      return;
    }
    if (data.request === 'get') {
      const result = { errors: {} };
      data.params.forEach(function (path) {
        const found = valueOf(path);
        if (found) result[path] = found.value;
        else result.errors[path] = { name: 'Error', message: 'Could not find path: ' + path, path: path };
      });
      post({ id: data.id, result: result });
      return;
    }
    if (data.request === 'invoke') {
      // Every invoke is recorded (routeTo included: the test reads where the app sent the agent).
      Object.keys(data.params).forEach(function (name) {
        host.invokes.push({ name: name, args: data.params[name] });
        if (name === 'resize') host.resizes.push(data.params[name][0]);
      });
      post({ id: data.id, result: { errors: {} } });
      return;
    }
    if (typeof data.key === 'string' && /^request:\d+$/.test(data.key)) {
      const key = data.key;
      window.zafProxy(data.message).then(function (r) {
        let json;
        try {
          json = r.responseText ? JSON.parse(r.responseText) : undefined;
        } catch (e) {
          json = undefined;
        }
        const xhr = { status: r.status, statusText: r.statusText, responseText: r.responseText, responseJSON: json };
        if (r.status >= 200 && r.status < 300) post({ key: 'zaf.' + key + '.done', message: { responseArgs: [json, 'success', xhr] } });
        else post({ key: 'zaf.' + key + '.fail', message: { responseArgs: [xhr, 'error', r.statusText] } });
      });
    }
  });
})();

/*
 * Stands in for the Freshworks app client that `{{{appclient}}}` loads into the app's
 * iframe. Like the real one it only talks to the parent page (the "agent portal") over
 * postMessage. Imitated calls: app.initialized(), client.data.get(name),
 * client.iparams.get(), client.instance.resize({height}), client.events.on(event, fn)
 * ('app.activated' fires once after initialisation), client.request.invoke(fn, args)
 * (Server Method Invocation; resolves { response }), client.interface.trigger(action, opts).
 */
(function () {
  var pending = {};
  var seq = 0;
  function call(method, args) {
    return new Promise(function (resolve, reject) {
      var id = ++seq;
      pending[id] = { resolve: resolve, reject: reject };
      parent.postMessage({ fw: 'call', id: id, method: method, args: args }, '*');
    });
  }
  window.addEventListener('message', function (e) {
    var m = e.data;
    if (!m || m.fw !== 'reply' || !pending[m.id]) return;
    var p = pending[m.id];
    delete pending[m.id];
    if (m.error) p.reject(m.error);
    else p.resolve(m.result);
  });
  var client = {
    data: { get: function (name) { return call('data.get', [name]); } },
    iparams: { get: function (name) { return call('iparams.get', [name]); } },
    instance: { resize: function (size) { call('instance.resize', [size]); } },
    events: {
      on: function (event, handler) {
        if (event === 'app.activated') setTimeout(function () { handler({}); }, 0);
      },
    },
    request: { invoke: function (name, args) { return call('request.invoke', [name, args]); } },
    interface: { trigger: function (action, options) { return call('interface.trigger', [action, options]); } },
  };
  window.app = {
    initialized: function () {
      return call('app.initialized', []).then(function () { return client; });
    },
  };
})();

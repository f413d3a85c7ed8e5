// Stand-in for sferum-widgets/vkid-callback (replaced by src/vkid-callback at merge), with its
// documented behaviour: read what VK ID returned (query or fragment), take it out of the address
// bar, post { type: 'sferum:vkid-result', state, params } to the opener with this page's own
// origin as the target, and close. Without an opener, ask the server where the flow's page is
// (POST /link/external-return) and go back there with the result, where <sferum-link> resumes.
(function () {
  'use strict';
  var KEEP = ['code', 'state', 'device_id', 'error', 'error_description', 'type', 'expires_in'];
  var found = new URLSearchParams(location.search);
  new URLSearchParams(location.hash.slice(1)).forEach(function (value, key) {
    if (!found.has(key)) found.set(key, value);
  });
  var params = {};
  KEEP.forEach(function (key) {
    var value = found.get(key);
    if (value !== null && value.length <= 2048) params[key] = value;
  });
  var state = params.state || '';
  history.replaceState(null, '', location.pathname);
  if (window.opener) {
    window.opener.postMessage({ type: 'sferum:vkid-result', state: state, params: params }, location.origin);
    window.close();
    return;
  }
  fetch('/api/sferum/link/external-return', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ state: state }),
  })
    .then(function (response) {
      return response.ok ? response.json() : { returnUrl: null };
    })
    .then(function (answer) {
      var back = new URL(answer.returnUrl || '/', location.origin);
      if (back.origin !== location.origin) back = new URL('/', location.origin);
      Object.keys(params).forEach(function (key) {
        back.searchParams.set(key, params[key]);
      });
      location.replace(back.href);
    });
})();

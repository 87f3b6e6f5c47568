// The clinic's one script, shared by every service's pages. No inline scripts (the pages' CSP forbids them):
// pages opt in with data attributes.
//   <form data-api="/api/x" [data-method="POST"] [data-then="/x/{id}"]>  sends the form as JSON with the CSRF
//       header and shows the API's problem details next to the fields they name (inputs named by JSON path,
//       e.g. patient.lastName or trials[0].drug; data-type="number|boolean|list" where the input type doesn't say).
//   <section data-live-url="/x/fragment" [data-live-seconds="3"] [data-live-events="/api/stream"]>  refreshes its
//       content from the URL every few seconds, or whenever the server-sent-event stream says something (unnamed
//       events, and those named in data-live-event-names="booked,cancelled").
(function () {
  'use strict';
  var Clinic = window.Clinic = {};

  function csrfHeaders() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = {};
    if (token && header) { headers[header.content] = token.content; }
    return headers;
  }

  Clinic.send = function (method, url, body) {
    var headers = Object.assign({ 'Accept': 'application/json, application/problem+json' }, csrfHeaders());
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(url, { method: method, credentials: 'same-origin', headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        return response.text().then(function (text) {
          var data = null;
          try { data = text ? JSON.parse(text) : null; } catch (e) { data = { detail: text }; }
          return { ok: response.ok, status: response.status, data: data };
        });
      });
  };

  function setPath(target, path, value) {
    var parts = path.replace(/\[(\d+)\]/g, '.$1').split('.');
    var node = target;
    for (var i = 0; i < parts.length - 1; i++) {
      var key = parts[i];
      if (node[key] === undefined) { node[key] = /^\d+$/.test(parts[i + 1]) ? [] : {}; }
      node = node[key];
    }
    var last = parts[parts.length - 1];
    if (Array.isArray(node[last]) && value !== undefined) { node[last].push(value); } else { node[last] = value; }
  }

  Clinic.formJson = function (form) {
    var json = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled || el.name === '_csrf' || el.type === 'submit' || el.type === 'button') { return; }
      var type = el.dataset.type || el.type;
      if (type === 'list') {
        if (getPathList(json, el.name) === undefined) { setPath(json, el.name, []); }
        if (el.checked) { setPath(json, el.name, el.value); }
        return;
      }
      if (el.type === 'checkbox') { setPath(json, el.name, el.checked); return; }
      if (el.type === 'radio') { if (el.checked) { setPath(json, el.name, el.value); } return; }
      if (el.tagName === 'SELECT' && el.multiple) {
        setPath(json, el.name, Array.prototype.filter.call(el.options, function (o) { return o.selected; })
          .map(function (o) { return o.value; }));
        return;
      }
      var value = el.value.trim();
      if (value === '') { return; }
      if (type === 'number') { value = Number(value); }
      if (type === 'boolean') { value = value === 'true'; }
      setPath(json, el.name, value);
    });
    return json;
  };

  function getPathList(target, path) {
    return path.replace(/\[(\d+)\]/g, '.$1').split('.').reduce(function (node, key) {
      return node === undefined ? undefined : node[key];
    }, target);
  }

  function clearProblem(form) {
    form.querySelectorAll('.field-error').forEach(function (el) { el.remove(); });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) {
      el.removeAttribute('aria-invalid');
      el.removeAttribute('aria-describedby');
    });
    var summary = form.querySelector('.form-summary');
    if (summary) { summary.textContent = ''; }
  }

  Clinic.showProblem = function (form, problem) {
    clearProblem(form);
    var summary = form.querySelector('.form-summary');
    if (!summary) {
      summary = document.createElement('div');
      summary.className = 'form-summary';
      form.insertBefore(summary, form.firstChild);
    }
    summary.setAttribute('role', 'alert');
    summary.setAttribute('tabindex', '-1');
    var title = document.createElement('strong');
    title.textContent = (problem && (problem.title || 'Not saved')) + (problem && problem.detail ? ': ' + problem.detail : '');
    summary.appendChild(title);
    var unplaced = document.createElement('ul');
    ((problem && problem.errors) || []).forEach(function (error, index) {
      var input = form.querySelector('[name="' + CSS.escape(error.field) + '"]')
        || form.querySelector('[data-error-for="' + CSS.escape(error.field) + '"]');
      if (input) {
        var message = document.createElement('p');
        message.className = 'field-error';
        message.id = 'field-error-' + index;
        message.textContent = error.message;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', message.id);
        var field = input.closest('.field') || input.parentNode;
        field.appendChild(message);
      } else {
        var item = document.createElement('li');
        item.textContent = error.field + ': ' + error.message;
        unplaced.appendChild(item);
      }
    });
    if (unplaced.children.length) { summary.appendChild(unplaced); }
    summary.focus();
  };

  function wireApiForm(form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var button = form.querySelector('[type=submit]');
      if (button) { button.disabled = true; }
      Clinic.send(form.dataset.method || 'POST', form.dataset.api, Clinic.formJson(form)).then(function (answer) {
        if (button) { button.disabled = false; }
        if (answer.ok) {
          var next = form.dataset.then;
          if (next) {
            location.assign(next.replace('{id}', answer.data && answer.data.id ? answer.data.id : ''));
          } else {
            location.reload();
          }
        } else {
          Clinic.showProblem(form, answer.data || { title: 'Not saved', status: answer.status });
        }
      }, function () {
        if (button) { button.disabled = false; }
        Clinic.showProblem(form, { title: 'Not saved', detail: 'the server could not be reached; try again' });
      });
    });
  }

  function refresh(region) {
    return fetch(region.dataset.liveUrl, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        // a session that ended answers with the sign-in page (after a redirect): leave the region as it is
        if (!response.ok || response.redirected) { return; }
        return response.text().then(function (html) {
          if (region.innerHTML !== html) { region.innerHTML = html; }
          region.dataset.refreshedAt = String(Date.now());
        });
      }, function () { /* the next tick tries again */ });
  }

  function wireLiveRegion(region) {
    if (region.dataset.liveEvents && window.EventSource) {
      var source = new EventSource(region.dataset.liveEvents, { withCredentials: true });
      source.onmessage = function () { refresh(region); };
      (region.dataset.liveEventNames || '').split(',').filter(Boolean)
        .forEach(function (name) { source.addEventListener(name, function () { refresh(region); }); });
    }
    var seconds = Number(region.dataset.liveSeconds || (region.dataset.liveEvents ? 30 : 3));
    setInterval(function () { refresh(region); }, seconds * 1000);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-api]').forEach(wireApiForm);
    document.querySelectorAll('[data-live-url]').forEach(wireLiveRegion);
  });
}());

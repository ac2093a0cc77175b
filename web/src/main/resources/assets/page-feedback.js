/*
 * yousaid "Was this page useful?": optional progressive enhancement for the feedback form councils embed
 * in their own pages. Sends the answer with fetch() and thanks the reader in place. Without this script,
 * or if the API does not allow this site's origin (CORS), the form posts as a plain HTML form instead.
 * No dependencies; builds elements with textContent only.
 */
(function () {
  'use strict';
  if (!window.fetch || !window.FormData || !document.querySelectorAll) {
    return;
  }

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    return 'k' + Date.now().toString(36) + Math.random().toString(36).slice(2, 12);
  }

  function showError(form, text) {
    var group = form.querySelector('.govuk-form-group');
    var fieldset = form.querySelector('fieldset');
    var message = form.querySelector('[data-yousaid-error]');
    if (!message) {
      message = document.createElement('p');
      message.className = 'govuk-error-message';
      message.id = 'yousaid-useful-error';
      message.setAttribute('data-yousaid-error', '');
      var legend = fieldset.querySelector('legend');
      legend.parentNode.insertBefore(message, legend.nextSibling);
      fieldset.setAttribute('aria-describedby', message.id);
      group.className += ' govuk-form-group--error';
    }
    message.textContent = '';
    var hidden = document.createElement('span');
    hidden.className = 'govuk-visually-hidden';
    hidden.textContent = 'Error: ';
    message.appendChild(hidden);
    message.appendChild(document.createTextNode(text));
    var first = form.querySelector('input[name="useful"]');
    if (first) {
      first.focus();
    }
  }

  function thank(form) {
    var thanks = document.createElement('p');
    thanks.className = 'govuk-body yousaid-feedback__thanks';
    thanks.setAttribute('role', 'status');
    thanks.setAttribute('tabindex', '-1');
    thanks.textContent = 'Thank you for your feedback.';
    form.parentNode.replaceChild(thanks, form);
    thanks.focus();
  }

  function enhance(form) {
    var key = null;
    var sending = false;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (sending) {
        return;
      }
      var data = new FormData(form);
      var useful = data.get('useful');
      if (useful !== 'yes' && useful !== 'no') {
        showError(form, 'Select yes if this page was useful, or no if it was not');
        return;
      }
      if (data.get('website')) {
        // The hidden "leave this empty" field is filled: a bot. Thank it, send nothing.
        thank(form);
        return;
      }
      var body = { useful: useful === 'yes' };
      if (data.get('serviceId')) {
        body.serviceId = data.get('serviceId');
      } else {
        body.pageUrl = data.get('pageUrl') || (window.location.origin + window.location.pathname);
      }
      var comment = data.get('comment');
      if (comment && comment.replace(/\s/g, '') !== '') {
        body.comment = comment;
      }
      // One key per answer: a retry after a lost response is stored once.
      key = key || newKey();
      sending = true;
      window.fetch(form.action, {
        method: 'POST',
        mode: 'cors',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify(body)
      }).then(function (response) {
        sending = false;
        if (response.status === 201) {
          thank(form);
        } else if (response.status === 400) {
          return response.json().then(function (problem) {
            var first = problem.errors && problem.errors.length ? problem.errors[0].message : problem.detail;
            showError(form, first || 'Check your answer and try again');
          });
        } else {
          form.submit();
        }
      }).catch(function () {
        sending = false;
        // Not allowed from this site, or no connection: send it as the plain form would.
        form.submit();
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[data-yousaid-feedback]'), enhance);
})();

// GOV.UK Frontend's components (character count, error summary focus, double-click prevention...)
// only start when initAll() is called; loading its module alone does nothing.
// Started last, so a restored draft is what the character count counts first.
import { initAll } from './govuk-frontend.min.js';

// Keeps a half-finished form in this browser tab (sessionStorage, cleared when the tab closes or the
// form is sent), so a reload, a lost signal or a "back" never loses what someone has typed.
const form = document.querySelector('form[data-yousaid-draft]');
if (form) {
  const key = 'yousaid-draft:' + form.getAttribute('data-yousaid-draft');
  const fields = () => Array.from(form.elements).filter((e) => e.name && e.name.startsWith('q.') || e.name && e.name.startsWith('profile.') || e.name === 'consent');
  try {
    const saved = JSON.parse(sessionStorage.getItem(key) || 'null');
    if (saved && !form.hasAttribute('data-yousaid-has-values')) {
      for (const el of fields()) {
        if (!(el.name in saved)) continue;
        if (el.type === 'checkbox' || el.type === 'radio') {
          el.checked = saved[el.name].includes(el.value);
        } else {
          el.value = saved[el.name][0] || '';
        }
      }
    }
  } catch (e) { /* storage unavailable: the form still works without it */ }
  const save = () => {
    const data = {};
    for (const el of fields()) {
      data[el.name] = data[el.name] || [];
      if ((el.type === 'checkbox' || el.type === 'radio')) { if (el.checked) data[el.name].push(el.value); } else { data[el.name].push(el.value); }
    }
    try { sessionStorage.setItem(key, JSON.stringify(data)); } catch (e) { /* ignore */ }
  };
  form.addEventListener('input', save);
  form.addEventListener('change', save);
}
const done = document.querySelector('[data-yousaid-sent]');
if (done) {
  try { sessionStorage.removeItem('yousaid-draft:' + done.getAttribute('data-yousaid-sent')); } catch (e) { /* ignore */ }
}

initAll();

// The one confirmation dialog of the staff pages, for every sensitive or irreversible action
// (merge, split, key revocation, disabling a user, revealing an identity), and the toast that
// says an action succeeded. A native <dialog>: focus moves in, Escape cancels, focus returns to
// the button that opened it. Text goes in with textContent only.
(function () {
  I18n.add('en', { 'dialog.cancel': 'Cancel', 'dialog.confirm': 'Confirm', 'dialog.reason': 'Reason (required)',
    'dialog.reason.short': 'Give the reason, at least 3 characters.' });

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  /** The text of a failed call in the page's language (the API answers in the language asked). */
  function problemText(e) {
    const p = (e && e.problem) || {};
    return String(p.detail || p.title || (e && e.message) || '');
  }

  /**
   * Asks before an action. Options: id (prefix of the element ids: <id>-dialog, -title, -reason,
   * -error, -cancel, -confirm), title, lines (sentences: what will happen), reason (a label: a
   * reason of at least 3 characters is then required and passed to run), confirm (the button's
   * label), maxLength (of the reason, 300), danger (a red button), run(reason) (the action; an error it throws is shown in the
   * dialog, which stays open). Resolves with run's result (true when it has none), or null when
   * cancelled.
   */
  function confirm(o) {
    const id = o.id || 'confirm';
    const opener = document.activeElement;
    // The last dialog of an id stays in the page, closed, until the next one replaces it.
    const old = document.getElementById(id + '-dialog');
    if (old) { old.remove(); }
    const dialog = el('dialog', 'confirm');
    dialog.id = id + '-dialog';
    dialog.setAttribute('aria-labelledby', id + '-title');
    dialog.setAttribute('aria-describedby', id + '-desc');
    const form = el('form');
    form.noValidate = true;
    const title = el('h2', null, o.title);
    title.id = id + '-title';
    const desc = el('div');
    desc.id = id + '-desc';
    // The first line says what will happen; the others are its summary, one item each.
    const lines = o.lines || [];
    if (lines.length) { desc.appendChild(el('p', null, lines[0])); }
    if (lines.length > 1) {
      const ul = el('ul', 'report');
      lines.slice(1).forEach(function (line) { ul.appendChild(el('li', null, line)); });
      desc.appendChild(ul);
    }
    form.append(title, desc);
    let reason = null;
    if (o.reason) {
      const label = el('label', 'field', o.reason === true ? I18n.t('dialog.reason', 'Lý do (bắt buộc)') : o.reason);
      label.htmlFor = id + '-reason';
      reason = el('textarea');
      reason.id = id + '-reason';
      reason.rows = 3;
      reason.maxLength = o.maxLength || 300;
      reason.setAttribute('aria-describedby', id + '-error');
      form.append(label, reason);
    }
    const error = el('p', 'error');
    error.id = id + '-error';
    error.setAttribute('role', 'alert');
    error.hidden = true;
    const actions = el('div', 'dialog-actions');
    const cancel = el('button', 'secondary', I18n.t('dialog.cancel', 'Hủy'));
    cancel.type = 'button';
    cancel.id = id + '-cancel';
    const ok = el('button', o.danger ? 'danger' : null, o.confirm || I18n.t('dialog.confirm', 'Xác nhận'));
    ok.type = 'submit';
    ok.id = id + '-confirm';
    actions.append(cancel, ok);
    form.append(error, actions);
    dialog.appendChild(form);

    return new Promise(function (resolve) {
      let result = null;
      function fail(text) {
        error.textContent = text;
        error.hidden = false;
        if (reason) { reason.setAttribute('aria-invalid', 'true'); reason.focus(); }
      }
      cancel.addEventListener('click', function () { dialog.close('cancel'); });
      dialog.addEventListener('close', function () {
        if (opener && opener.focus && document.contains(opener)) { opener.focus(); }
        resolve(result);
      });
      form.addEventListener('submit', async function (ev) {
        ev.preventDefault();
        if (ok.getAttribute('aria-busy') === 'true') { return; }
        const text = reason ? reason.value.trim() : undefined;
        if (reason && text.length < 3) { fail(I18n.t('dialog.reason.short', 'Hãy ghi lý do, ít nhất 3 ký tự.')); return; }
        ok.setAttribute('aria-busy', 'true');
        try {
          const r = o.run ? await o.run(text) : true;
          result = r === undefined ? true : r;
          dialog.close('done');
        } catch (e) {
          fail(problemText(e));
        } finally {
          ok.removeAttribute('aria-busy');
        }
      });
      document.body.appendChild(dialog);
      dialog.showModal();
      (reason || cancel).focus();
    });
  }

  let toastTimer = null;
  /** A short message at the bottom of the page; a success fades after 5 s, an error stays. */
  function toast(text, bad) {
    let t = document.getElementById('toast');
    if (!t) {
      t = el('div', 'toast');
      t.id = 'toast';
      document.body.appendChild(t);
    }
    t.className = bad ? 'toast bad' : 'toast';
    t.setAttribute('role', bad ? 'alert' : 'status');
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toastTimer);
    if (!bad) { toastTimer = setTimeout(function () { t.hidden = true; }, 5000); }
  }

  window.Dialog = { confirm: confirm, toast: toast, problemText: problemText, el: el };
})();

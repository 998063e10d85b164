// The catalogue page's suggestions list under the search box: arrow keys, Enter, click, Escape.
(function () {
  function options(list) { return Array.from(list.querySelectorAll('[role=option]')); }

  function setOpen(input, list, open) {
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (!open) { input.removeAttribute('aria-activedescendant'); }
  }

  function choose(input, list, value) {
    input.value = value;
    setOpen(input, list, false);
    input.form.requestSubmit();
  }

  function initSuggestions() {
    const input = document.getElementById('q');
    const list = document.getElementById('suggestions');
    if (!input || !list) { return; }
    setOpen(input, list, false);
    document.addEventListener('htmx:afterSwap', (event) => {
      if (event.detail.target === list) { setOpen(input, list, options(list).length > 0 && document.activeElement === input); }
    });
    list.addEventListener('mousedown', (event) => {
      const option = event.target.closest('[role=option]');
      if (option) { event.preventDefault(); choose(input, list, option.dataset.value); }
    });
    input.addEventListener('keydown', (event) => {
      const all = options(list);
      if (list.hidden || !all.length) { return; }
      let index = all.findIndex(o => o.getAttribute('aria-selected') === 'true');
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        index = event.key === 'ArrowDown' ? (index + 1) % all.length : (index <= 0 ? all.length - 1 : index - 1);
        all.forEach((o, i) => o.setAttribute('aria-selected', String(i === index)));
        input.setAttribute('aria-activedescendant', all[index].id);
      } else if (event.key === 'Enter' && index >= 0) {
        event.preventDefault();
        choose(input, list, all[index].dataset.value);
      } else if (event.key === 'Escape') {
        setOpen(input, list, false);
      }
    });
    input.addEventListener('blur', () => setOpen(input, list, false));
  }

  window.addEventListener('load', initSuggestions);
})();

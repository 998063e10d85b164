// The catalogue page: the results map (markers from data-results-map, drawn again whenever htmx swaps results in,
// with or without tiles) and the suggestions list under the search box (arrow keys, Enter, click, Escape).
(function () {
  function draw(element) {
    if (!window.L || element.dataset.drawn) { return; }
    const points = JSON.parse(element.dataset.resultsMap);
    const map = L.map(element, { attributionControl: !!element.dataset.attribution });
    if (element.dataset.tiles) {
      L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution, maxZoom: 18 }).addTo(map);
    }
    const bounds = [];
    points.forEach(p => {
      const marker = L.circleMarker([p.lat, p.lon], { radius: 7, color: '#1f6f4a', fillOpacity: 0.6 })
        .bindTooltip(p.name + ' (' + p.quantity + ')').addTo(map);
      marker.on('click', () => { window.location.href = p.url; });
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length) { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 14 }); } else { map.setView([45.17, 5.72], 11); }
    element.dataset.drawn = String(points.length);
  }

  function drawAll(root) {
    (root || document).querySelectorAll('[data-results-map]').forEach(draw);
  }

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

  window.addEventListener('load', () => { drawAll(document); initSuggestions(); });
  document.addEventListener('htmx:afterSettle', (event) => drawAll(event.detail.elt));
})();

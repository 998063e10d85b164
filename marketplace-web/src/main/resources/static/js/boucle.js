// Charts and maps drawn from data the server put in data-* attributes; nothing here fetches anything.
(function () {
  const palette = ['#1f6f4a', '#2f7dbf', '#c2571a', '#7a4fb0', '#b8860b', '#c0392b', '#148f8f', '#5d6d7e', '#8e44ad'];

  function drawForecast(canvas) {
    if (!window.Chart) { return; }
    const data = JSON.parse(canvas.dataset.chart);
    const labels = JSON.parse(canvas.dataset.labels || '{}');
    const datasets = Object.keys(data.series).map((category, i) => ({
      label: labels[category] || category, data: data.series[category], backgroundColor: palette[i % palette.length]
    }));
    new Chart(canvas, {
      type: 'bar',
      data: { labels: data.months, datasets: datasets },
      options: { animation: false, responsive: true, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }
    });
  }

  // A Leaflet map on the element, with tiles only when the server configured some: offline it is a plain background.
  function baseMap(element, options) {
    const map = L.map(element, Object.assign({ attributionControl: !!element.dataset.attribution }, options));
    if (element.dataset.tiles) {
      L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution, maxZoom: 18 }).addTo(map);
    }
    return map;
  }

  function drawMap(element) {
    if (!window.L) { return; }
    const points = JSON.parse(element.dataset.map);
    const map = baseMap(element);
    const max = Math.max(1, ...points.map(p => p.quantity));
    const bounds = [];
    points.forEach(p => {
      L.circleMarker([p.lat, p.lon], { radius: 4 + 20 * Math.sqrt(p.quantity / max), color: '#1f6f4a', fillOpacity: 0.5 })
        .bindTooltip(p.name + ' : ' + p.quantity).addTo(map);
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length) { map.fitBounds(bounds, { padding: [20, 20] }); } else { map.setView([45.17, 5.72], 11); }
    element.dataset.drawn = String(points.length);
  }

  // One place, e.g. a listing's site: a marker at a street-level zoom (fitting one point's bounds has no zoom).
  function drawSiteMap(element) {
    if (!window.L) { return; }
    const site = JSON.parse(element.dataset.siteMap);
    const map = baseMap(element, { scrollWheelZoom: false });
    L.circleMarker([site.lat, site.lon], { radius: 9, color: '#1f6f4a', fillOpacity: 0.6 }).bindTooltip(site.name).addTo(map);
    map.setView([site.lat, site.lon], 14);
    element.dataset.drawn = '1';
  }

  // Search results: each marker opens its listing. Results are swapped in by htmx, so they are drawn again then.
  function drawResultsMap(element) {
    if (!window.L || element.dataset.drawn) { return; }
    const points = JSON.parse(element.dataset.resultsMap);
    const map = baseMap(element);
    const bounds = [];
    points.forEach(p => {
      L.circleMarker([p.lat, p.lon], { radius: 7, color: '#1f6f4a', fillOpacity: 0.6 })
        .bindTooltip(p.name + ' (' + p.quantity + ')').addTo(map)
        .on('click', () => { window.location.href = p.url; });
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length) { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 14 }); } else { map.setView([45.17, 5.72], 11); }
    element.dataset.drawn = String(points.length);
  }

  // An allocation plan's deliveries: a line from each origin site to the delivery site, as thick as its units.
  function drawDeliveriesMap(element) {
    if (!window.L || element.dataset.drawn) { return; }
    const lines = JSON.parse(element.dataset.allocationMap);
    const map = baseMap(element);
    const max = Math.max(1, ...lines.map(l => l.units));
    const bounds = [];
    lines.forEach(l => {
      const colour = l.association ? '#1f6f4a' : '#2b5c8a';
      L.polyline([l.from, l.to], { color: colour, weight: 2 + 6 * l.units / max, opacity: 0.7 }).bindTooltip(l.label).addTo(map);
      L.circleMarker(l.from, { radius: 5, color: '#c2571a', fillOpacity: 0.8 }).addTo(map);
      L.circleMarker(l.to, { radius: 6, color: colour, fillOpacity: 0.8 }).addTo(map);
      bounds.push(l.from, l.to);
    });
    if (bounds.length) { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 14 }); } else { map.setView([45.17, 5.72], 11); }
    element.dataset.drawn = 'true';
  }

  // A driver's day: numbered stops joined in order, from the depot to the workshops (lettered markers).
  function drawRouteMap(element) {
    if (!window.L || element.dataset.drawn) { return; }
    const points = JSON.parse(element.dataset.routeMap);
    const map = baseMap(element, { scrollWheelZoom: false });
    const line = points.map(p => [p.lat, p.lon]);
    // Markers are placed in a map that has a view: set it first.
    if (line.length) { map.fitBounds(line, { padding: [24, 24], maxZoom: 15 }); } else { map.setView([45.17, 5.72], 11); }
    if (line.length > 1) { L.polyline(line, { color: '#1f6f4a', weight: 3, opacity: 0.6 }).addTo(map); }
    points.forEach(p => {
      const text = p.kind === 'stop' ? p.label : (p.kind === 'depot' ? 'D' : 'A');
      const icon = L.divIcon({ className: '', html: '<span class="route-marker ' + p.kind + '"></span>', iconSize: [26, 26] });
      const marker = L.marker([p.lat, p.lon], { icon: icon, title: p.name }).bindTooltip(p.name).addTo(map);
      marker.getElement().firstChild.textContent = text;
    });
    element.dataset.drawn = String(points.length);
  }

  function init() {
    document.querySelectorAll('canvas[data-chart]').forEach(drawForecast);
    document.querySelectorAll('[data-allocation-map]').forEach(drawDeliveriesMap);
    document.querySelectorAll('[data-map]').forEach(drawMap);
    document.querySelectorAll('[data-site-map]').forEach(drawSiteMap);
    document.querySelectorAll('[data-results-map]').forEach(drawResultsMap);
    document.querySelectorAll('[data-route-map]').forEach(drawRouteMap);
  }
  window.addEventListener('load', init);
  document.addEventListener('htmx:afterSettle', (event) =>
    event.detail.elt.querySelectorAll('[data-results-map]').forEach(drawResultsMap));

  // htmx does not swap error answers: say what went wrong where the answer was expected.
  document.addEventListener('htmx:responseError', (event) => {
    const target = event.detail.target;
    if (target) {
      const status = event.detail.xhr.status;
      target.innerHTML = '<p class="alert error" role="alert"></p>';
      target.firstChild.textContent = status === 413 ? document.documentElement.dataset.tooLarge || 'File too large'
        : (document.documentElement.dataset.failed || 'Request failed') + ' (' + status + ')';
    }
  });
})();

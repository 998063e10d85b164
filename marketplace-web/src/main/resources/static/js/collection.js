// A collection plan's progress chart and route map, drawn from data the server put in data-* attributes.
(function () {
  const palette = ['#1f6f4a', '#2f7dbf', '#c2571a', '#7a4fb0', '#b8860b', '#c0392b', '#148f8f', '#5d6d7e', '#8e44ad'];

  // Lots left uncollected and cost, as the best plan improves: the two things a coordinator watches.
  function progressChart(canvas) {
    if (!window.Chart || canvas.dataset.drawn) { return; }
    const points = JSON.parse(canvas.dataset.collectionProgress);
    new Chart(canvas, {
      type: 'line',
      data: {
        datasets: [
          { label: canvas.dataset.unservedLabel || 'Lots', yAxisID: 'lots', stepped: true, borderColor: palette[2],
            data: points.map(p => ({ x: p.elapsedMs / 1000, y: p.unservedLots })) },
          { label: canvas.dataset.costLabel || '€', yAxisID: 'cost', stepped: true, borderColor: palette[0],
            data: points.map(p => ({ x: p.elapsedMs / 1000, y: p.costEuros })) }
        ]
      },
      options: { animation: false, parsing: true, scales: { x: { type: 'linear', title: { display: true, text: 's' } },
        lots: { position: 'left', beginAtZero: true }, cost: { position: 'right', grid: { drawOnChartArea: false } } } }
    });
    canvas.dataset.drawn = 'true';
  }

  // Each vehicle-day a coloured line from its depot through its stops (numbered) to the workshop and back.
  function routeMap(element) {
    if (!window.L || element.dataset.drawn) { return; }
    const routes = JSON.parse(element.dataset.collectionMap);
    const map = L.map(element, { attributionControl: !!element.dataset.attribution });
    if (element.dataset.tiles) {
      L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution, maxZoom: 18 }).addTo(map);
    }
    const bounds = [];
    routes.forEach((route, i) => {
      const colour = palette[i % palette.length];
      L.polyline(route.path, { color: colour, weight: 3, opacity: 0.8 }).bindTooltip(route.label).addTo(map);
      route.stops.forEach((stop, n) => {
        L.marker(stop.at, { icon: L.divIcon({ className: 'route-stop', html: String(n + 1),
          iconSize: [20, 20] }) }).bindTooltip(route.label + ' — ' + stop.label).addTo(map);
      });
      L.circleMarker(route.depot, { radius: 6, color: '#333', fillOpacity: 0.9 }).bindTooltip(route.label).addTo(map);
      L.circleMarker(route.workshop, { radius: 8, color: '#c0392b', fillOpacity: 0.9 })
        .bindTooltip(route.workshopName).addTo(map);
      bounds.push(...route.path);
    });
    if (bounds.length) { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 14 }); } else { map.setView([45.17, 5.72], 11); }
    element.dataset.drawn = String(routes.length);
  }

  function drawAll(root) {
    root.querySelectorAll('canvas[data-collection-progress]').forEach(progressChart);
    root.querySelectorAll('[data-collection-map]').forEach(routeMap);
  }
  window.addEventListener('load', () => drawAll(document));
  document.addEventListener('htmx:afterSwap', () => drawAll(document));
})();

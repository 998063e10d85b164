// The allocation run page's charts: the best score as the run improves it, the flows and the associations' service
// levels, from data the server put in data-* attributes (boucle.js draws the map of deliveries).
(function () {
  const palette = ['#1f6f4a', '#c2571a', '#2b5c8a', '#8a2b6f', '#6f6a1f', '#1f6a6f', '#8a4b2b', '#4b2b8a'];

  function progressChart(canvas) {
    if (!window.Chart || canvas.dataset.drawn) { return; }
    const points = JSON.parse(canvas.dataset.progressChart);
    // The soft score in euros; infeasible plans (hard < 0) show as gaps, since a euro figure means nothing for them.
    new Chart(canvas, {
      type: 'line',
      data: {
        datasets: [{ label: '€', data: points.map(p => ({ x: p.elapsedMs / 1000, y: p.hard === 0 ? p.soft / 1e6 : null })),
          borderColor: palette[0], backgroundColor: palette[0], stepped: true, pointRadius: 0 }]
      },
      options: { animation: false, responsive: true, plugins: { legend: { display: false } },
        scales: { x: { type: 'linear', title: { display: true, text: 's' } }, y: { ticks: { callback: v => v + ' €' } } } }
    });
    canvas.dataset.drawn = 'true';
  }

  function flowsChart(canvas) {
    if (!window.Chart || canvas.dataset.drawn) { return; }
    const data = JSON.parse(canvas.dataset.flowsChart);
    new Chart(canvas, {
      type: 'bar',
      data: { labels: data.labels, datasets: data.datasets.map((d, i) => Object.assign({ backgroundColor: palette[i % palette.length] }, d)) },
      options: { animation: false, indexAxis: 'y', responsive: true, scales: { x: { stacked: true }, y: { stacked: true } } }
    });
    canvas.dataset.drawn = 'true';
  }

  function serviceChart(canvas) {
    if (!window.Chart || canvas.dataset.drawn) { return; }
    const data = JSON.parse(canvas.dataset.serviceChart);
    new Chart(canvas, {
      type: 'bar',
      data: { labels: data.labels, datasets: [{ data: data.percent, backgroundColor: palette[2] }] },
      options: { animation: false, indexAxis: 'y', responsive: true, plugins: { legend: { display: false } },
        scales: { x: { min: 0, max: 100, ticks: { callback: v => v + ' %' } } } }
    });
    canvas.dataset.drawn = 'true';
  }

  function drawAll(root) {
    root.querySelectorAll('canvas[data-progress-chart]').forEach(progressChart);
    root.querySelectorAll('canvas[data-flows-chart]').forEach(flowsChart);
    root.querySelectorAll('canvas[data-service-chart]').forEach(serviceChart);
  }
  window.addEventListener('load', () => drawAll(document));
  document.addEventListener('htmx:afterSwap', () => drawAll(document));
})();

// The quota dashboard's curves: the cumulative share month by month against the minimum, from data-quota-chart.
(function () {
  function draw(canvas) {
    if (!window.Chart) { return; }
    const data = JSON.parse(canvas.dataset.quotaChart);
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: data.months,
        datasets: [
          { label: data.labels.share, data: data.share, borderColor: '#1f6f4a', backgroundColor: '#1f6f4a', spanGaps: false },
          { label: data.labels.minimum, data: data.months.map(() => data.minimum), borderColor: '#c2571a',
            borderDash: [6, 4], pointRadius: 0 }
        ]
      },
      options: {
        animation: false, responsive: true,
        scales: { y: { beginAtZero: true, suggestedMax: Math.max(2 * data.minimum, 10), ticks: { callback: (v) => v + ' %' } } }
      }
    });
    canvas.dataset.drawn = 'true';
  }
  window.addEventListener('load', () => document.querySelectorAll('canvas[data-quota-chart]').forEach(draw));
})();

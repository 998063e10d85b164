// The reuse obligation's chart, drawn from the figures the server put in data-supply-chart: devices retired and
// reused each month (bars), and the share reused since 1 January against the minimum (lines).
(function () {
  function draw(canvas) {
    if (!window.Chart) { return; }
    const data = JSON.parse(canvas.dataset.supplyChart);
    const labels = data.months.map(m => m.month);
    let retired = 0;
    let reused = 0;
    const share = data.months.map(m => {
      retired += m.retired;
      reused += m.retiredToReuse;
      return retired === 0 ? null : Math.round(1000 * reused / retired) / 10;
    });
    const minimum = data.months.map(() => Number(data.minimumShare) * 100);
    new Chart(canvas, {
      data: {
        labels: labels,
        datasets: [
          { type: 'bar', label: canvas.dataset.retired, data: data.months.map(m => m.retired), backgroundColor: '#5d6d7e', yAxisID: 'devices' },
          { type: 'bar', label: canvas.dataset.reused, data: data.months.map(m => m.retiredToReuse), backgroundColor: '#1f6f4a', yAxisID: 'devices' },
          { type: 'line', label: canvas.dataset.share, data: share, borderColor: '#2f7dbf', spanGaps: true, yAxisID: 'share' },
          { type: 'line', label: canvas.dataset.minimum, data: minimum, borderColor: '#c0392b', borderDash: [6, 4], pointRadius: 0, yAxisID: 'share' }
        ]
      },
      options: {
        animation: false, responsive: true,
        scales: {
          devices: { type: 'linear', position: 'left', beginAtZero: true, ticks: { precision: 0 } },
          share: { type: 'linear', position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false } }
        }
      }
    });
    canvas.dataset.drawn = String(data.months.length);
  }
  window.addEventListener('load', () => document.querySelectorAll('canvas[data-supply-chart]').forEach(draw));
})();

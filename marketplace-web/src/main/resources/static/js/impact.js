// The impact dashboard's charts, drawn from the figures the server put in data-impact-*: devices reused and recycled
// each month (stacked bars), and kg CO2e avoided per category.
(function () {
  function months(canvas) {
    const data = JSON.parse(canvas.dataset.impactMonths);
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.months.map(m => m.month),
        datasets: [
          { label: canvas.dataset.reused, data: data.months.map(m => m.reused), backgroundColor: '#1f6f4a' },
          { label: canvas.dataset.recycled, data: data.months.map(m => m.recycled), backgroundColor: '#5d6d7e' }
        ]
      },
      options: {
        animation: false, responsive: true,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
    canvas.dataset.drawn = String(data.months.length);
  }

  function categories(canvas) {
    const data = JSON.parse(canvas.dataset.impactCategories);
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.categories.map(c => {
          const row = document.querySelector('tr[data-category="' + c.category + '"] th');
          return row ? row.textContent.trim() : c.category;
        }),
        datasets: [{ label: canvas.dataset.co2, data: data.categories.map(c => Number(c.kgCo2eAvoided)), backgroundColor: '#2f7dbf' }]
      },
      // One bar per category: flatter with few of them, as tall as the bars need with many.
      options: {
        animation: false, responsive: true, indexAxis: 'y', aspectRatio: Math.max(1.5, 6 / data.categories.length),
        scales: { x: { beginAtZero: true } }
      }
    });
    canvas.dataset.drawn = String(data.categories.length);
  }

  window.addEventListener('load', () => {
    if (!window.Chart) { return; }
    document.querySelectorAll('canvas[data-impact-months]').forEach(months);
    document.querySelectorAll('canvas[data-impact-categories]').forEach(categories);
  });
})();

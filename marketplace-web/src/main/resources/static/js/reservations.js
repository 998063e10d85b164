// Countdowns of the holds in the basket: the time left, every second, from the server's expiry instant.
(function () {
  function pad(n) { return String(n).padStart(2, '0'); }
  function tick() {
    document.querySelectorAll('[data-expires]').forEach(element => {
      const left = Math.floor((Date.parse(element.dataset.expires) - Date.now()) / 1000);
      if (left <= 0) { element.textContent = element.dataset.expired; return; }
      const hours = Math.floor(left / 3600);
      const minutes = Math.floor((left % 3600) / 60);
      element.textContent = (hours > 0 ? hours + ' h ' + pad(minutes) : minutes) + ':' + pad(left % 60);
    });
  }
  window.addEventListener('load', () => { tick(); setInterval(tick, 1000); });
})();

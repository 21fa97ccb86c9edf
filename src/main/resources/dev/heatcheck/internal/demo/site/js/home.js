// Working but silent: it only asks the server, so heatcheck has to count the request as the effect.
document.getElementById('check-updates').addEventListener('click', () => {
  fetch('/api/ping').catch(() => {});
});

wireToggle(document.getElementById('theme-toggle'), (dark) => {
  document.body.classList.toggle('theme-dark', dark);
});

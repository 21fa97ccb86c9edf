const orderStatus = document.getElementById('order-status');

// Planted rage click: the request leaves at once, but nothing on screen changes until the answer
// arrives seconds later, and the button stays enabled, so impatient visitors click again and again.
document.getElementById('place-order').addEventListener('click', async () => {
  const response = await fetch('/api/order', { method: 'POST' });
  await response.json();
  orderStatus.textContent = 'Order placed';
});

// Planted error click: the field was renamed to #coupon but this still reads #coupon-code,
// so it throws before doing anything.
document.getElementById('apply-coupon').addEventListener('click', () => {
  const code = document.querySelector('#coupon-code').value.trim();
  orderStatus.textContent = 'Coupon ' + code.toUpperCase() + ' applied';
});

wireToggle(document.getElementById('gift-toggle'));

// Planted dead click: the handler runs, but the wishlist was never wired to anything.
// (#product-photo is the other one: it has no handler at all, only CSS makes it look clickable.)
document.getElementById('wishlist').addEventListener('click', () => {
  const wish = { product: location.pathname, savedAt: Date.now() };
  void wish;
});

document.getElementById('add-to-cart').addEventListener('click', async () => {
  const response = await fetch('/api/cart', { method: 'POST', body: String(cartCount()) });
  const { count } = await response.json();
  setCartCount(count);
});

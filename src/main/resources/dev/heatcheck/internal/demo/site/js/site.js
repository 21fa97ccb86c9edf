// Shared by every page. The cart count is kept in sessionStorage so the header shows it after navigating.
const CART_KEY = 'linden.cart';

function cartCount() {
  return Number(sessionStorage.getItem(CART_KEY)) || 0;
}

function setCartCount(count) {
  sessionStorage.setItem(CART_KEY, String(count));
  const badge = document.getElementById('cart-count');
  // Only a real change touches the DOM, so a page load never looks like the effect of a click.
  if (badge.textContent !== String(count)) {
    badge.textContent = String(count);
  }
}

function wireToggle(button, onChange) {
  button.addEventListener('click', () => {
    const pressed = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(pressed));
    if (onChange) {
      onChange(pressed);
    }
  });
}

setCartCount(cartCount());

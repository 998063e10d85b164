// Confirms a card or SEPA payment with Stripe.js; the order becomes paid when Stripe's signed event arrives.
(function () {
  const box = document.getElementById('stripe-payment');
  if (!box || typeof Stripe === 'undefined') {
    return;
  }
  const stripe = Stripe(box.dataset.publishableKey);
  const elements = stripe.elements({clientSecret: box.dataset.clientSecret});
  elements.create('payment').mount('#stripe-payment-element');
  document.getElementById('stripe-pay').addEventListener('click', async () => {
    const {error} = await stripe.confirmPayment({elements, confirmParams: {return_url: window.location.href}});
    document.getElementById('stripe-payment-message').textContent = error ? error.message : '';
  });
})();

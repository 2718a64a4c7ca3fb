import { render } from 'preact';

export default defineContentScript({
  matches: [
    'https://www.binance.com/*/futures/*',
    'https://www.binance.com/futures/*',
    'https://www.bybit.com/trade/usdt/*',
    'https://www.bybit.com/*/trade/usdt/*',
    'https://www.okx.com/trade-swap/*',
    'https://www.okx.com/*/trade-swap/*',
    'https://www.bitget.com/futures/usdt/*',
    'https://www.bitget.com/*/futures/usdt/*',
  ],
  cssInjectionMode: 'ui',
  async main(ctx) {
    const ui = await createShadowRootUi(ctx, {
      name: 'liqlens-overlay',
      mode: 'open',
      position: 'overlay',
      anchor: 'body',
      onMount(container) {
        render(<div data-testid="liqlens-root">LiqLens</div>, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
  },
});

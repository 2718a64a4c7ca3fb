import { beforeEach, describe, expect, test } from 'vitest';
import { leverageFromText, readLeverageControl } from '../../../src/sites/dom/leverage';
import { MARGIN_WORDS } from '../../../src/sites/dom/words';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('leverageFromText', () => {
  test('English and Chinese tags', () => {
    expect(leverageFromText('Cross 10x', MARGIN_WORDS)).toEqual({ leverage: 10, marginMode: 'cross' });
    expect(leverageFromText('逐仓 20X', MARGIN_WORDS)).toEqual({ leverage: 20, marginMode: 'isolated' });
    expect(leverageFromText('Isolated 12.5x Long', MARGIN_WORDS)).toEqual({ leverage: 12.5, marginMode: 'isolated' });
    expect(leverageFromText('10,00x', MARGIN_WORDS)).toEqual({ leverage: 10 });
  });
  test('a symbol or price is not a leverage', () => {
    expect(leverageFromText('BTCUSDT Perp', MARGIN_WORDS)).toEqual({});
    expect(leverageFromText('96,800.0', MARGIN_WORDS)).toEqual({});
  });
});

describe('readLeverageControl', () => {
  test('separate margin and leverage buttons', () => {
    document.body.innerHTML = '<form><button>Cross</button><button>10x</button><button>Open Long</button></form>';
    expect(readLeverageControl(document, MARGIN_WORDS)).toEqual({ leverage: 10, marginMode: 'cross', text: 'Cross + 10x' });
  });
  test('buttons inside the positions pane (other rows) are ignored', () => {
    document.body.innerHTML = '<div id="pane"><button>Isolated 50x</button></div><form><button>Cross 5x</button></form>';
    expect(readLeverageControl(document, MARGIN_WORDS, document.getElementById('pane')!)).toEqual({ leverage: 5, marginMode: 'cross', text: 'Cross 5x' });
  });
  test('inputs are never consulted', () => {
    document.body.innerHTML = '<form><input value="25x"><label>Leverage</label></form>';
    expect(readLeverageControl(document, MARGIN_WORDS)).toEqual({});
  });
});

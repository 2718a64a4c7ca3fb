// Renders Preact into happy-dom for a test and cleans up afterwards.
import { render, type ComponentChild } from 'preact';
import { afterEach } from 'vitest';

const hosts: HTMLElement[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) {
    render(null, h);
    h.remove();
  }
});

export function mount(node: ComponentChild): HTMLElement {
  const host = document.createElement('div');
  document.body.appendChild(host);
  hosts.push(host);
  render(node, host);
  return host;
}

/** Lets effects, timers of 0 ms and resolved promises run. */
export const flush = () => new Promise((r) => setTimeout(r, 0));

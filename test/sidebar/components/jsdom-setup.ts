/**
 * What jsdom lacks and Garden reads at import time. Import this first in component tests
 * (before anything that loads Garden), since ES modules evaluate in import order.
 */
if (typeof window !== 'undefined' && !window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}


// findBy*/waitFor wait for the UI, they do not measure it: allow for a loaded 2-core machine.
// defaultHidden skips the per-element getComputedStyle of role queries, which is very slow
// in jsdom with styled-components' style sheets; queries inside a dialog use within(dialog).
const { configure } = await import('@testing-library/react');
configure({ asyncUtilTimeout: 10_000, defaultHidden: true });
export {};

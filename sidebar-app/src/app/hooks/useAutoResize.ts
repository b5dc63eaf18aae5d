/**
 * The sidebar iframe is as tall as Zendesk makes it; we ask for the height of our content
 * (`client.invoke('resize', ...)`) whenever it changes, so nothing scrolls inside a scroll.
 */
import { useEffect, type RefObject } from 'react';
import { useClient } from '../zaf/ClientProvider';

export function useAutoResize(ref: RefObject<HTMLElement>): void {
  const client = useClient();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let last = -1;
    const resize = () => {
      const height = Math.max(Math.ceil(el.getBoundingClientRect().height), 80);
      if (height === last) return;
      last = height;
      void client.invoke('resize', { width: '100%', height: `${height}px` });
    };
    resize();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(resize);
    observer.observe(el);
    return () => observer.disconnect();
  }, [client, ref]);
}

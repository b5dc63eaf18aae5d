/**
 * Builds the Freshdesk app's script into app/scripts/app.js: the shared React components of
 * sidebar-app/ with the Freshworks adapter as their host client. app/index.html is written
 * by hand (it must load `{{{appclient}}}` first), so only the script is built.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig(({ command }) => ({
  root: here('./src'),
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  base: './',
  plugins: [react()],
  resolve: { dedupe: ['react', 'react-dom', 'styled-components'] },
  build: {
    outDir: here('./app/scripts'),
    emptyOutDir: false,
    sourcemap: false,
    target: 'es2020',
    rollupOptions: {
      input: here('./src/main.tsx'),
      output: { entryFileNames: 'app.js', chunkFileNames: 'app-[name].js', assetFileNames: 'app[extname]', codeSplitting: false },
    },
  },
}));

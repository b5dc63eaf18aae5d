/**
 * Builds the Zendesk app into the package's assets/ folder: assets/iframe.html (the one
 * page both locations load), app.js and app.css. File names are fixed and the bundle is
 * one file, so a rebuild overwrites exactly what the last one wrote; emptyOutDir stays off
 * because assets/ also holds the logos and marketplace screenshots.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig(({ command }) => ({
  root: here('./src'),
  // The shipped bundle is always React's production build, even when a test runner (which
  // sets NODE_ENV=test) starts the build.
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  base: './',
  plugins: [react()],
  // One React for the app and every Garden package, wherever npm put them.
  resolve: { dedupe: ['react', 'react-dom', 'styled-components'] },
  build: {
    outDir: here('../assets'),
    emptyOutDir: false,
    sourcemap: false,
    target: 'es2020',
    rollupOptions: {
      input: here('./src/iframe.html'),
      output: {
        entryFileNames: 'app.js',
        chunkFileNames: 'app-[name].js',
        assetFileNames: 'app[extname]',
        codeSplitting: false,
      },
    },
  },
}));

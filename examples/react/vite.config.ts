import { defineConfig } from 'vite';

// Vite 8 compiles TSX on its own (tsconfig "jsx": "react-jsx"); relative base: the app works from any sub-path.
export default defineConfig({ base: './' });

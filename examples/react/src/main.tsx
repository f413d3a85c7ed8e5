import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Journal } from './Journal';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Journal />
  </StrictMode>,
);

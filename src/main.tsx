import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/theme.css';
import { initFromUrl } from './state/urlSync';
import { App } from './ui/App';

// Before the first render, so the first paint is already the moment the link points at.
initFromUrl();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

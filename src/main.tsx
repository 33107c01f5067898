import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/theme.css';
import { languageReady } from './i18n/langUrl';
import { loadStoryTexts, storyTextsReady } from './scenarios/translations/storyTexts';
import { getScenario } from './state/scenarioRegistry';
import { useLabStore } from './state/store';
import { initFromUrl } from './state/urlSync';
import { App } from './ui/App';
import { workshopStrings } from './ui/share/strings';
import { bootWorkshop } from './workshop/boot';

const root = createRoot(document.getElementById('root')!);

// The built-in stories' English texts are a lazy chunk (the first download stays small): fetched at
// once, whatever the link opens. A failure is the story panel's to tell, when it has to.
loadStoryTexts().catch(() => undefined);

function start(search: string): void {
  // Before the first render, so the first paint is already the moment the link points at.
  initFromUrl(search);
  // A `lang=zh-CN` link loads its texts first (one small chunk): no English flash before Chinese.
  // Likewise the story on screen has its words before the first paint (never an empty step).
  const story = storyTextsReady(getScenario(useLabStore.getState().scenarioId));
  void Promise.all([languageReady(), story]).then(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}

const search = bootWorkshop(window.location.search);
if (typeof search === 'string') start(search);
else {
  // A custom scenario in the link is being unpacked (milliseconds): never a blank page meanwhile.
  root.render(<p className="lab-boot">{workshopStrings.bootLoading}</p>);
  void search.then(start);
}

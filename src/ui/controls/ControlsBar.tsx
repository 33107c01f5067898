import { CompareToggle } from './CompareToggle';
import { PlayButton } from './PlayButton';
import { ResetButton } from './ResetButton';
import { ScenarioSelect } from './ScenarioSelect';
import { SeedField } from './SeedField';
import { SpeedSelect } from './SpeedSelect';
import { StepButton } from './StepButton';
import { StepBackButton } from '../timeline/StepBackButton';
import { Timeline } from './Timeline';
import { useT } from '../../i18n/i18nStore';
import './controls.css';

export function ControlsBar() {
  const t = useT();
  return (
    // A landmark (region): the controls sit between the header and <main>, and must be findable.
    <div className="lab-controls" role="region" aria-label={t('controls.label')}>
      <div className="lab-controls__group">
        <PlayButton />
        <StepBackButton />
        <StepButton />
        <ResetButton />
      </div>
      <Timeline />
      <div className="lab-controls__group">
        <SpeedSelect />
        <ScenarioSelect />
        <SeedField />
        <CompareToggle />
      </div>
    </div>
  );
}

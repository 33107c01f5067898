import { CompareToggle } from './CompareToggle';
import { PlayButton } from './PlayButton';
import { ResetButton } from './ResetButton';
import { ScenarioSelect } from './ScenarioSelect';
import { SeedField } from './SeedField';
import { SpeedSelect } from './SpeedSelect';
import { StepButton } from './StepButton';
import { StepBackButton } from '../timeline/StepBackButton';
import { Timeline } from './Timeline';
import './controls.css';

export function ControlsBar() {
  return (
    <div className="lab-controls" role="group" aria-label="Controls">
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

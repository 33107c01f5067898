// "Open scenario file…" and a file dropped on the page: read, validate (errors name the file, the
// line and the path), then open it as the custom scenario. Any problem leaves the lab exactly as
// it was: the learner's scenario, faults and time are only replaced once the file is known good.
import { chooseScenario } from '../state/commands';
import { announceNarrative } from '../state/narrativeAnnounce';
import { useLabStore } from '../state/store';
import { closeDialog } from '../state/workshop';
import { parseScenarioText, ScenarioError } from '../scenarios/scenarioFile';
import { fileStrings, problemLine } from '../ui/share/dialogStrings';
import { registerCustomScenario } from './registerCustom';
import { compactJson } from './shareCodec';

/** Same bound as parseScenarioText, checked before reading so a huge file is never loaded. */
const MAX_FILE_MB = 2;

export async function openScenarioFile(file: File): Promise<boolean> {
  const lab = useLabStore.getState();
  const name = file.name || 'scenario.json';
  // The messages of an earlier attempt would only confuse this one.
  lab.dismissNotices();
  if (file.size > MAX_FILE_MB * 1_000_000) {
    lab.addNotice(fileStrings.tooLarge(name, MAX_FILE_MB));
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    lab.addNotice(fileStrings.unreadable(name));
    return false;
  }
  let scenario;
  try {
    scenario = parseScenarioText(text, name);
  } catch (e) {
    if (e instanceof ScenarioError) {
      lab.addNotice(fileStrings.invalid(name, e.problems.length));
      for (const p of e.problems.slice(0, 20)) lab.addNotice(problemLine(name, p));
    } else {
      lab.addNotice(fileStrings.unreadable(name));
    }
    return false;
  }
  const { scenario: registered } = registerCustomScenario(scenario, compactJson(text), name);
  closeDialog();
  chooseScenario(registered.id);
  announceNarrative(fileStrings.opened(registered.title, name));
  return true;
}

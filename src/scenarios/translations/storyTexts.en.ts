// The English story texts of the built-in scenarios, by scenario id: a lazy chunk (storyTexts.ts
// imports it). In the browser build this module's body is replaced by the table itself, as data
// (scripts/vite-lazy-story-texts.mjs), since there the scenario sources come without their texts.
// Everywhere else (dev server, tests, CLI) the scenarios keep their texts and this derives the
// same table from them.
import { builtinScenarios } from '../builtins';
import { storyTextTable, type StoryTextTable } from './storyTextTable';

const table: StoryTextTable = storyTextTable(builtinScenarios);
export default table;

// Lesson 11 (MISSION §6, consuming our own events): a recipe site keeps recipes in a CRUD database
// and a search index. The recipes service writes the row and publishes recipe-added; the search
// service consumes it and indexes the recipe. A new recipe shows up in search a little later:
// eventual consistency, a visible and measurable gap that grows when the indexer is slow.
import type { Scenario } from '../../engine/types';
import { lesson } from './lessonNames';
import { around, client, consumer, endpoint, ms, poisson, publish, service, topic } from './parts';

const LESSON = lesson(11);

export const recipesSearch: Scenario = {
  id: 'recipes-search',
  title: 'A search index fed by our own events',
  summary: 'Cooks add recipes: the recipes service commits each row and publishes recipe-added; the search service consumes it and indexes the recipe about half a second later. When the indexer slows down, the gap grows to seconds, then closes. Nothing is lost.',
  lesson: LESSON.en,
  minutes: 3,
  steps: [
    {
      title: 'Write the row, publish the fact',
      text: 'A cook adds a recipe. Recipes commits the row in its CRUD database, publishes recipe-added to its own topic, recipe-events, and answers 201 — in under 0.5 s. (It publishes after committing: lesson 13 shows what happens when that publish fails.)',
      highlight: ['cooks->recipes', 'recipes', 'recipes->recipe-events'],
      atMs: 5000,
    },
    {
      title: 'Searchable a little later',
      text: 'Search consumes recipe-added and indexes the recipe on average between 0.3 and 0.8 s after it was committed. A search sent inside that gap misses the new recipe; the same search a moment later finds it. That is eventual consistency: the index agrees with the database, a little later.',
      highlight: ['recipe-events->search', 'search'],
      atMs: 20_000,
      question: {
        prompt: 'A cook gets 201 and searches for the new recipe at once. Is it found?',
        choices: ['Yes: it was committed before the 201', 'Not yet: the index hears about it a moment later', 'Never: search reads another database'],
        answer: 1,
        explanation: 'The 201 means the row is committed. The index is updated by a consumer of recipe-added, shortly after: for a moment the two disagree.',
      },
    },
    {
      title: 'A slow indexer widens the gap',
      text: 'From 30 s to 40 s the indexer is 10× slower. Events wait in its consumer group, and the slowest recipes take more than 3 s to become searchable, although the database had them all along.',
      highlight: ['search', 'recipe-events'],
      atMs: 40_000,
    },
    {
      title: 'Consistent, eventually',
      text: 'Then the indexer catches up: every recipe is indexed exactly once, none lost, lag 0. The gap is measured (the group’s mean and p99 delay): decide whether your users can live with it.',
      highlight: ['search'],
      atMs: 59_000,
    },
  ],
  durationMs: 60_000,
  seed: 11,
  networkMs: 100,
  nodes: [
    client('cooks', 'Cooks', 'add recipes', { x: 0, y: 170 }, 'recipes', 'add-recipe'),
    service('recipes', 'Recipes', 'CRUD database', { x: 260, y: 170 }, {
      endpoints: [endpoint('add-recipe', [publish('recipe-events', 'recipe-added')], { processing: ms(40) })],
    }),
    topic('recipe-events', { x: 520, y: 150 }, 1),
    service('search', 'Search', 'indexes recipe-added', { x: 800, y: 170 }, {
      consumers: [consumer('search', 'recipe-events', { processing: around(250) })],
    }),
  ],
  workload: [poisson('cooks', 1, 56_000)],
  faults: [{ target: 'search', kind: 'slow', factor: 10, fromMs: 30_000, untilMs: 40_000 }],
  expectations: [
    {
      name: 'the cook gets 201 once the row is committed and the event published, in under 0.5 s',
      faults: [],
      assert: [
        { metric: 'clients.cooks.p99LatencyMs', op: '<', value: 500 },
        { metric: 'recipes.successRate', op: '==', value: 1 },
      ],
    },
    {
      name: 'before the slowdown a recipe reaches the index on average 0.3–0.8 s after it was added',
      faults: [],
      untilMs: 29_000,
      assert: [
        { metric: 'groups.search.meanDelayMs', op: '>', value: 300 },
        { metric: 'groups.search.meanDelayMs', op: '<', value: 800 },
      ],
    },
    {
      name: 'with the indexer 10× slower from 30 s to 40 s, the slowest recipes wait over 3 s',
      faults: [],
      assert: [{ metric: 'groups.search.p99DelayMs', op: '>', value: 3000 }],
    },
    {
      name: 'in the end every recipe is indexed, once',
      faults: [],
      assert: [
        { metric: 'groups.search.processed', op: '==', other: { metric: 'store.recipes.rows', factor: 1 } },
        { metric: 'groups.search.lag', op: '==', value: 0 },
        { metric: 'groups.search.lost', op: '==', value: 0 },
        { metric: 'groups.search.duplicates', op: '==', value: 0 },
      ],
    },
  ],
};

export const lesson11: Scenario[] = [recipesSearch];

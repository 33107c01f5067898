// Word tables kept as objects by the modules that use them (the workshop features: src/ui/share/
// strings.ts, lazyStrings.ts, dialogStrings.ts), taken over by the interface language without
// rewriting their call sites: `localizedTable(name, english)` returns a live object whose entries
// are the current language's (English where a translation is missing), replaced in place when the
// language changes. The translations load with the language (tables.zh-CN.ts, in the zh chunk).

type Entries = Record<string, unknown>;

const registry = new Map<string, { live: Entries; en: Entries }>();
let translations: Readonly<Record<string, Entries | undefined>> = {};

export function localizedTable<T extends object>(name: string, en: T): T {
  const live = { ...en } as Entries;
  registry.set(name, { live, en: en as Entries });
  Object.assign(live, translations[name]);
  return live as T;
}

/** Switches every table to a language's translations (`{}` for English). */
export function applyTables(tables: Readonly<Record<string, Entries | undefined>>): void {
  translations = tables;
  for (const [name, { live, en }] of registry) Object.assign(live, en, tables[name]);
}

/** The English entries of the tables registered so far, by name (for the catalogue tests). */
export function registeredTables(): ReadonlyMap<string, Entries> {
  return new Map([...registry].map(([name, { en }]) => [name, en]));
}

// The interface in two languages: the zh-CN catalogue translates every English key (and nothing
// else), with the same placeholders; every built-in scenario's texts and node roles have their
// Chinese; formatting, plurals, fallback and the `lang` link parameter behave.
import { describe, expect, it } from 'vitest';
import { formatMessage, placeholders, tEn, translator, type Catalogue } from '../../src/i18n/format';
import { langFromSearch } from '../../src/i18n/langUrl';
import { enDetails } from '../../src/i18n/messages.details.en';
import { en as enFirst, type MessageKey } from '../../src/i18n/messages.en';
import type { Message } from '../../src/i18n/types';
import zhCN, { roles } from '../../src/i18n/messages.zh-CN';
import { noticeText, notice } from '../../src/i18n/notices';
import { applyTables, registeredTables } from '../../src/i18n/tables';
import { tables as zhTables } from '../../src/i18n/tables.zh-CN';
import { embedOriginsIgnored, linkLabel, problemLine } from '../../src/ui/share/dialogStrings';
import '../../src/ui/share/lazyStrings';
import { workshopStrings } from '../../src/ui/share/strings';
import { builtinScenarios } from '../../src/scenarios/builtins';
import type { TranslationTable } from '../../src/scenarios/translations/scenarioTranslations';
import zhScenarios from '../../src/scenarios/translations/zh-CN.json';
import { summaryStringsFor } from '../../src/view/summaryStrings';
import { narrativeStrings } from '../../src/ui/narrative/strings';

const CJK = /[\u4e00-\u9fff]/;
// English is split in two (first screen, and what loads later) for the download's sake; together they are the keys.
const en = { ...enFirst, ...enDetails } as Record<MessageKey, Message>;
const enKeys = Object.keys(en) as MessageKey[];

describe('interface catalogue', () => {
  it('the two English parts do not share a key', () => {
    expect(Object.keys(enFirst).filter((k) => k in enDetails)).toEqual([]);
  });

  it('zh-CN translates every English key, and has no key English lacks', () => {
    const missing = enKeys.filter((k) => zhCN[k] === undefined);
    const extra = Object.keys(zhCN).filter((k) => !(k in en));
    expect(missing, 'keys without a zh-CN text').toEqual([]);
    expect(extra, 'zh-CN keys that English does not have').toEqual([]);
  });

  it('each translation uses exactly the placeholders of its English message', () => {
    const mismatched = enKeys.filter((k) => zhCN[k] !== undefined && placeholders(zhCN[k]!).join() !== placeholders(en[k]).join());
    expect(mismatched.map((k) => `${k}: ${placeholders(en[k])} vs ${placeholders(zhCN[k]!)}`)).toEqual([]);
  });

  it('zh-CN texts are Chinese where English has words (units, symbols and key names may stay)', () => {
    // Texts that are the same in both languages on purpose: numbers and symbols, ids, key names.
    const same = new Set<MessageKey>(['controls.speedValue', 'inspector.data', 'scenarios.separator', 'history.state']);
    const untranslated = enKeys.filter((k) => {
      const zh = zhCN[k];
      if (same.has(k) || zh === undefined) return false;
      const text = typeof zh === 'string' ? zh : zh.other;
      const english = typeof en[k] === 'string' ? en[k] : (en[k] as { other: string }).other;
      return /[A-Za-z]{3,}/.test(english.replace(/\{\w+\}/g, '')) && !CJK.test(text);
    });
    expect(untranslated).toEqual([]);
  });

  it('words placeholders, plurals and nested messages; falls back to English', () => {
    expect(formatMessage('Step {n} of {total}', { n: 2, total: 5 })).toBe('Step 2 of 5');
    expect(tEn('scenarios.steps', { count: 1 })).toBe('1 step');
    expect(tEn('scenarios.steps', { count: 3 })).toBe('3 steps');
    expect(tEn('charts.latency', { label: { key: 'charts.allCommands' }, seconds: 5 })).toBe('All commands latency (last 5 s)');
    const partial: Catalogue = { 'controls.play': '播放' };
    const t = translator(partial);
    expect(t('controls.play')).toBe('播放');
    expect(t('controls.pause'), 'a missing translation falls back to English').toBe('Pause');
    const zh = translator(zhCN);
    expect(zh('charts.latency', { label: { key: 'charts.allCommands' }, seconds: 5 })).toBe('所有命令 延迟（最近 5 秒）');
    expect(zh('scenarios.steps', { count: 1 })).toBe('1 步');
  });

  it('the live-region sentences and the story words exist in both languages', () => {
    const zh = summaryStringsFor(translator(zhCN));
    expect(zh.commands({ submitted: 3, ok: 1, rejected: 1, failed: 1, pending: 0 })).toBe('已提交 3 个命令：1 个成功，1 个被拒绝，1 个失败。');
    expect(zh.groupLag({ group: 'f', serviceLabel: 'Fulfillment', topicLabel: 'orders', lag: 2, processed: 5, rebalancing: true })).toMatch(CJK);
    const story = narrativeStrings(translator(zhCN));
    expect(story.stepOf(2, 4)).toBe('第 2 步，共 4 步');
    expect(story.list(['A', 'B'])).toBe('A、B');
  });

  it('notices worded in English are said again in the language on screen', () => {
    const text = notice('notice.badView', { value: '“grid”' });
    expect(text).toBe('View “grid” is unknown (use “compare”): showing the single view.');
    expect(noticeText(text, translator(zhCN))).toBe('视图 “grid” 未知（请用 “compare”）：显示单一视图。');
    expect(noticeText('Some other words', translator(zhCN))).toBe('Some other words');
  });
});

describe('word tables of the workshop features', () => {
  it('every table entry has its zh-CN text, and zh-CN has no table or entry English lacks', () => {
    const missing: string[] = [];
    for (const [name, en] of registeredTables()) {
      const zh = zhTables[name] ?? {};
      for (const key of Object.keys(en)) if (!(key in zh)) missing.push(`${name}.${key}`);
      for (const key of Object.keys(zh)) if (!(key in en)) missing.push(`${name}.${key} (not in English)`);
      for (const key of Object.keys(zh)) if (typeof zh[key] !== typeof en[key]) missing.push(`${name}.${key} (a ${typeof en[key]} in English)`);
    }
    for (const name of Object.keys(zhTables)) if (!registeredTables().has(name)) missing.push(`${name} (no such table)`);
    expect(registeredTables().size).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it('the workshop notices (embed origins, file and link problems) are said in the language on screen', () => {
    const zh = translator(zhCN);
    const origins = embedOriginsIgnored(['ftp://x', 'https://a.example/p']);
    expect(origins).toBe('Ignored in origins= (not an exact origin such as https://example.org): “ftp://x”, “https://a.example/p”.');
    expect(noticeText(origins, zh)).toBe('已忽略 origins= 中的这些项（它们不是 https://example.org 这样的精确源）：“ftp://x”, “https://a.example/p”。');
    // A problem in a shared link: the source's name is a message too.
    const inLink = problemLine(linkLabel, { line: 3, path: 'nodes[0].partitions', message: 'must be at least 1, found 0' });
    expect(inLink).toBe('shared link:3: nodes[0].partitions: must be at least 1, found 0');
    expect(noticeText(inLink, zh)).toBe('分享的链接 第 3 行：nodes[0].partitions: must be at least 1, found 0');
    // In a file: its name is data, as it is; no line, no path.
    const inFile = problemLine('<b>my</b>.json', { path: '', message: 'not valid JSON' });
    expect(inFile).toBe('<b>my</b>.json: not valid JSON');
    expect(noticeText(inFile, zh)).toBe('<b>my</b>.json：not valid JSON');
    expect(noticeText(inFile, tEn)).toBe(inFile);
  });

  it('switch in place with the language and back', () => {
    applyTables(zhTables);
    expect(workshopStrings.menuButton).toBe('工作坊');
    applyTables({});
    expect(workshopStrings.menuButton).toBe('Workshop');
  });
});

describe('scenario texts', () => {
  const table = zhScenarios as TranslationTable;

  it('every built-in scenario has its zh-CN title, summary, lesson, steps, choices, explanations and expectation names', () => {
    const missing: string[] = [];
    for (const s of builtinScenarios) {
      const zh = table[s.id];
      if (!zh) {
        missing.push(`${s.id}: no translation`);
        continue;
      }
      for (const field of ['title', 'summary', 'lesson'] as const) if (!CJK.test(zh[field] ?? '')) missing.push(`${s.id}: ${field}`);
      const steps = s.steps ?? [];
      if ((zh.steps?.length ?? 0) !== steps.length) missing.push(`${s.id}: ${zh.steps?.length ?? 0} of ${steps.length} steps`);
      steps.forEach((step, i) => {
        const t = zh.steps?.[i];
        if (!CJK.test(t?.title ?? '')) missing.push(`${s.id}: step ${i + 1} title`);
        if (!CJK.test(t?.text ?? '')) missing.push(`${s.id}: step ${i + 1} text`);
        if (step.question) {
          if (!CJK.test(t?.question?.prompt ?? '')) missing.push(`${s.id}: step ${i + 1} question`);
          if (t?.question?.choices?.length !== step.question.choices.length) missing.push(`${s.id}: step ${i + 1} choices`);
          if (!CJK.test(t?.question?.explanation ?? '')) missing.push(`${s.id}: step ${i + 1} explanation`);
        }
      });
      if ((zh.expectations?.length ?? 0) !== s.expectations.length) missing.push(`${s.id}: expectation names`);
    }
    expect(missing).toEqual([]);
  });

  it('every built-in node role has its zh-CN text', () => {
    const missing = new Set<string>();
    for (const s of builtinScenarios) for (const n of s.nodes) if ('role' in n && n.role && !roles[n.role]) missing.add(n.role);
    expect([...missing]).toEqual([]);
  });
});

describe('the lang link parameter', () => {
  it('reads zh-CN (any case), defaults to English, and says so for an unknown language', () => {
    expect(langFromSearch('?scenario=x&lang=zh-CN')).toEqual({ lang: 'zh-CN', notices: [] });
    expect(langFromSearch('?lang=zh-cn').lang).toBe('zh-CN');
    expect(langFromSearch('')).toEqual({ lang: 'en', notices: [] });
    const bad = langFromSearch('?lang=fr');
    expect(bad.lang).toBe('en');
    expect(bad.notices[0]).toMatch(/Language “fr” in the link is not available/);
  });
});

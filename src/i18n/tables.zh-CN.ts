// 简体中文 for the workshop features' word tables (see tables.ts). Loaded with the zh-CN catalogue.
// Typed against the English tables, so a renamed or removed entry is a type error here, and
// tests/unit/i18n.test.ts lists any entry left untranslated.
import type { dialogStrings, fileStrings, linkStrings } from '../ui/share/dialogStrings';
import type { lazyStrings, shortcutLabels } from '../ui/share/lazyStrings';
import type { workshopStrings } from '../ui/share/strings';

/** A table's entries with the same shapes (functions stay functions), any wording. */
type Words<T> = { [K in keyof T]?: T[K] extends string ? string : T[K] };

const workshop: Words<typeof workshopStrings> = {
  menuButton: '工作坊',
  shortcuts: '键盘快捷键',
  dropHint: '拖放场景文件（.json）即可打开',
  speedIs: (speed: number) => `速度 ${speed}×`,
  presentOn: '演示模式已开启：大字号、高对比度。',
  presentOff: '演示模式已关闭。',
  audienceBlocked: (url: string) => `浏览器阻止了观众窗口。请允许此页面弹出窗口，或在此浏览器的另一个窗口中打开这个地址：${url}`,
  audienceUnsupported: '此浏览器无法连接两个窗口（不支持 BroadcastChannel）：观众窗口不可用。',
  bootLoading: '正在打开分享的场景…',
};

const lazy: Words<typeof lazyStrings> = {
  menuLabel: '工作坊工具',
  shareLink: '分享链接',
  embedCode: '复制嵌入代码…',
  openFile: '打开场景文件…',
  presenterMode: '演示模式',
  audienceWindow: '打开观众窗口',
  shortcuts: '键盘快捷键',
  keySpace: '空格',
  keyPageUp: 'Page Up',
  keyPageDown: 'Page Down',
  keyShift: 'Shift',
  keyOr: '或',
  audienceTime: '虚拟时间',
  audiencePlaying: '播放中',
  audiencePaused: '已暂停',
  audienceWaiting: '观众视图：正在等待演示者的窗口…',
  audienceFollowing: '观众视图：跟随演示者（只读）',
  audienceEnded: '演示者的窗口已关闭：此视图停留在原处。',
  embedControls: '播放控制',
  openInLab: '在实验室中打开',
  openInLabTitle: '在完整的实验室中打开此时刻（新标签页）',
};

const shortcuts: Words<typeof shortcutLabels> = {
  playPause: '播放 / 暂停',
  stepBack: '后退到上一次投递',
  step: '前进到下一次投递',
  reset: '重置：回到 0 秒，移除你加入的故障',
  faster: '加快',
  slower: '减慢',
  previousStory: '故事的上一步',
  nextStory: '故事的下一步',
  compare: '开启 / 关闭并排对比',
  present: '开启 / 关闭演示模式（大字号、高对比度）',
  scenarios: '打开场景列表',
  openFile: '打开场景文件',
  share: '分享链接（复制此时刻的地址）',
  embed: '复制嵌入代码',
  audience: '打开观众窗口',
  help: '显示这些快捷键',
};

const dialogs: Words<typeof dialogStrings> = {
  close: '关闭',
  copy: '复制',
  copied: '已复制到剪贴板。',
  copyFallback: '已选中：按 Ctrl+C（Mac 上按 ⌘C）复制。',
  shareTitle: '分享链接',
  shareIntro: '这个链接会在此刻打开实验室：场景、随机种子、时间、速度、故事步骤，以及你加入的每个故障。',
  shareLinkLabel: '指向此时刻的链接',
  shareCustom: (title: string, chars: number) => `自定义场景“${title}”包含在链接中（${chars.toLocaleString('zh-CN')} 个字符）。`,
  shareCustomPending: '正在把自定义场景打包进链接…',
  shareCustomTooLarge: (title: string) => `自定义场景“${title}”太大，无法放进链接：请改为分享它的文件。这个链接会打开默认场景。`,
  embedTitle: '嵌入到网页',
  embedIntro: '把这段代码粘贴到网页（幻灯片、课程网站）中，即可在此刻展示实验室：图、故事以及播放 / 单步，不含页眉。',
  embedShowControls: '显示播放、单步和时间轴',
  embedOrigins: '允许通过 postMessage 控制它的页面（可选）',
  embedOriginsHint: '精确的源，以逗号分隔，例如 https://slides.example.org。留空：任何页面都不能控制它。',
  embedOriginsBad: (items: string) => `不是一个源（scheme://host[:port]，不带路径）：${items}`,
  embedWidth: '宽度',
  embedHeight: '高度',
  embedCodeLabel: '嵌入代码',
  embedFrameTitle: (title: string) => `命令与事件实验室：${title}`,
  embedCustomNote: '自定义场景包含在嵌入内容的地址中。',
  sheetTitle: '键盘快捷键',
  sheetIntro: '它们在页面上任何地方都有效，除非正在输入框中输入，或者有对话框打开。',
  sheetCommands: '命令',
  sheetContext: '情境',
  sheetKeys: '按键',
  sheetAction: '操作',
  contextUpDown: '在图中或序列视图中的消息之间移动；按 Enter 选中',
  contextEscape: '清除选择（在侧栏中）；关闭对话框或工作坊菜单',
};

const files: Words<typeof fileStrings> = {
  tooLarge: (name: string, mb: number) => `“${name}”超过 ${mb} MB：未打开。你的场景、故障和时间都没有改变。`,
  unreadable: (name: string) => `无法读取“${name}”：未打开。你的场景、故障和时间都没有改变。`,
  invalid: (name: string, n: number) => `“${name}”不是实验室能打开的场景（${n} 个问题）；什么都没有改变：你的场景、故障和时间保持原样。`,
  opened: (title: string, name: string) => `已从 ${name} 打开“${title}”。`,
};

const links: Words<typeof linkStrings> = {
  failed: (reason: string) => `无法打开这个链接中的场景：${reason} 请改为从列表中选择一个场景。`,
  empty: '链接中没有场景。',
  tooLong: (chars: number, limit: number) => `链接太长（${chars.toLocaleString('zh-CN')} 个字符；最多 ${limit.toLocaleString('zh-CN')} 个）。`,
  notBase64: '链接已损坏（它不是 base64url 文本——复制时是否被截断了？）。',
  damaged: '链接已损坏（它的数据无法解包——复制时是否被截断了？）。',
  tooLarge: (limitKb: number) => `解包后的场景超过 ${limitKb} KB。`,
  notUtf8: '场景不是有效的文本（UTF-8）。',
  invalid: (n: number) => `它不是一个有效的场景（${n} 个问题，见下文）。`,
};

export const tables: Readonly<Record<string, Record<string, unknown>>> = {
  workshop,
  'workshop.lazy': lazy,
  'workshop.shortcuts': shortcuts,
  'workshop.dialogs': dialogs,
  'workshop.files': files,
  'workshop.links': links,
};

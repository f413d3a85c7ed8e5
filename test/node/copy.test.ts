// The words of the kit (DESIGN.md's word table and rules, docs/copy.md): every Russian text of
// every dictionary and preset is scanned for the forms we have banned, and each rule is first shown
// to catch the form it bans, so that a rule that silently stopped matching fails too.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from '../../src/i18n/en.js';
import { flowEn } from '../../src/i18n/flow-en.js';
import { flowRu } from '../../src/i18n/flow-ru.js';
import { flowMessages } from '../../src/i18n/flow.js';
import { listsEn } from '../../src/i18n/lists-en.js';
import { listsRu } from '../../src/i18n/lists-ru.js';
import { extrasEn } from '../../src/conference-extras/extras-en.js';
import { extrasRu } from '../../src/conference-extras/extras-ru.js';
import { ru } from '../../src/i18n/ru.js';
import { Translator } from '../../src/i18n/translator.js';
import { presets } from '../../src/presets/presets.js';

type Dictionary = Readonly<Record<string, unknown>>;

/** One text to check: where it lives (`flow.codeCallIn`, `preset mesh.entryTitle`, `core.chatsCount.few`). */
interface Text {
  where: string;
  key: string;
  value: string;
}

function texts(pack: string, dictionary: Dictionary | undefined): Text[] {
  const out: Text[] = [];
  for (const [key, value] of Object.entries(dictionary ?? {})) {
    if (typeof value === 'string') out.push({ where: `${pack}.${key}`, key, value });
    else if (value && typeof value === 'object') {
      for (const [form, text] of Object.entries(value)) out.push({ where: `${pack}.${key}.${form}`, key, value: String(text) });
    }
  }
  return out;
}

const RU: Text[] = [
  ...texts('core', ru),
  ...texts('flow', flowRu),
  ...texts('lists', listsRu),
  ...texts('extras', extrasRu),
  ...Object.values(presets).flatMap((p) => [
    ...texts(`preset ${p.id}`, p.texts.ru),
    { where: `preset ${p.id}.serviceName`, key: 'serviceName', value: p.serviceName.ru },
  ]),
];
const EN: Text[] = [
  ...texts('core', en),
  ...texts('flow', flowEn),
  ...texts('lists', listsEn),
  ...texts('extras', extrasEn),
  ...Object.values(presets).flatMap((p) => texts(`preset ${p.id}`, p.texts.en)),
];

const CYRILLIC = /[а-яё]/i;
const TERMINATOR = /[.!?…]$/;
/** The one exception of the word table: MAX's own button in the seed (001). */
const MAX_SEED_BUTTON = 'Привязать учебный аккаунт Сферум';
/** The phone format as texts write it: no-break spaces and no-break hyphens, so it never wraps. */
const PHONE = /^\+7\u00a0\([\dX]{3}\)\u00a0[\dX]{3}\u2011[\dX]{2}\u2011[\dX]{2}/;

/** A rule: what it bans, and the offending part of a text (undefined when the text passes). */
interface Rule {
  name: string;
  find(text: Text): string | undefined;
}

const first = (re: RegExp, value: string) => re.exec(value)?.[0];

const RULES: Rule[] = [
  {
    name: 'MAX is written in Latin letters (not «МАХ», «Макс»)',
    find: ({ value }) => {
      const latinOrCyrillic = /[МM][АA][ХX]/g;
      for (const m of value.matchAll(latinOrCyrillic)) if (CYRILLIC.test(m[0])) return m[0];
      return first(/(?<![а-яё])Макс(?:[аеу]|ом)?(?![а-яё])/i, value);
    },
  },
  {
    name: 'ё where the word has it (учётная, ещё, ребёнок, защищённый, подключён)',
    find: ({ value }) =>
      first(/учетн|(?<![а-яё])еще(?![а-яё])|ребен(?:ок|к)|защищенн|(?<![а-яё])подключен(?![а-яё])/i, value),
  },
  {
    name: 'a timer is м:сс (not «00:56», not «1 мин», «30 с», «2 ч»)',
    find: ({ value }) => first(/(?<![\d:])0\d:\d\d|(?:\d|\{\w+\})[\s\u00a0]*(?:мин|сек|ч|с)\.?(?![а-яё])/i, value),
  },
  {
    name: 'a zone reads «по UTC+5» or «по екатеринбургскому времени» (never «время: UTC»)',
    find: ({ value }) => first(/время\s*:/i, value),
  },
  {
    name: 'quotes are «ёлочки» (no straight " around words)',
    find: ({ value }) => first(/"(?=[\p{L}\p{N}{])|(?<=[\p{L}\p{N}}])"/u, value),
  },
  {
    name: 'nested quotes are „лапки“ inside «ёлочки» (no «…«…»…», no “…”)',
    find: ({ value }) => {
      if (value.includes('”')) return '”';
      let depth = 0;
      let lapki = 0;
      for (const ch of value) {
        if (ch === '«' && ++depth > 1) return '«…«';
        if (ch === '»') depth--;
        if (ch === '„') lapki++;
        if (ch === '“' && --lapki < 0) return '“ without „';
      }
      return undefined;
    },
  },
  {
    name: 'Сферум has no quotes in running text (only a tab or section named «Сферум»)',
    find: ({ value }) => first(/(?<!(?:вкладк[аеиу]|раздел[аеу]?)\s)«Сферум»/, value),
  },
  {
    name: 'учётная запись (journal), учебный профиль Сферум, аккаунт VK ID (no «аккаунт ЭШ», «учебный аккаунт», «профиль VK ID»)',
    find: ({ value }) =>
      first(/аккаунт[а-яё]*\s+(?:журнал|ЭШ|МЭШ|электронн)|учебн[а-яё]*\s+аккаунт|профил[а-яё]*\s+VK ID/i, value.replace(MAX_SEED_BUTTON, '')),
  },
  {
    name: 'a phone is written +7 (9XX) XXX-XX-XX on one line',
    find: ({ value }) => {
      for (const m of value.matchAll(/\+7/g)) if (!PHONE.test(value.slice(m.index))) return value.slice(m.index, m.index + 20);
      return undefined;
    },
  },
  {
    name: 'a text of more than one sentence ends with a full stop',
    // A boundary follows a word of two letters or more: initials («Ф.\u00a0И.\u00a0О.») are not one.
    find: ({ value }) => (/[\p{L}\d»)]{2}[.!?…][\s\u00a0]+\p{Lu}/u.test(value) && !TERMINATOR.test(value) ? value.slice(-20) : undefined),
  },
  {
    name: 'a message (…Text, …Note, …Description, err…, error…, notice…, …Empty, …Invalid, …Required) ends with a full stop',
    find: ({ key, value }) =>
      /(?:Text|Note|Description|Empty|Invalid|Required)$|^(?:err|error|notice)[A-Z]/.test(key) && key !== 'errorTitle' && !TERMINATOR.test(value)
        ? value.slice(-20)
        : undefined,
  },
  {
    name: 'a title, label or caption has no full stop (a question mark is fine)',
    find: ({ key, value }) => (/(?:Title|Label|Caption)$/.test(key) && value.endsWith('.') ? value.slice(-20) : undefined),
  },
];

const rule = (name: string) => RULES.find((r) => r.name.startsWith(name))!;
const catches = (name: string, value: string, key = 'someText') => rule(name).find({ where: 'example', key, value }) !== undefined;

describe('each word rule catches what it bans, and nothing else', () => {
  const cases: [rule: string, banned: string[], allowed: string[]][] = [
    ['MAX', ['платформе МАХ.', 'в Максе', 'через Макс', 'в MАX'], ['в MAX', 'Максимум 8 символов', 'одним махом']],
    ['ё', ['учетная запись', 'Учетной', 'ещё или еще раз', 'у ребенка', 'в защищенном', 'не подключен'], ['учётная', 'ещё', 'подключена', 'подключены', 'вещей']],
    ['a timer', ['в течение 00:56', 'через 1 мин', '{n} мин', 'через 30 с', '{n} ч', 'через 5 сек.'], ['через 0:56', 'через 4:51', 'в 12:00', '8 символов', '{n} минут', 'через 3 часа', '{n} цифр']],
    ['a zone', ['время: UTC', 'Время: GMT+5'], ['8:00–8:45 по UTC+5', 'Время']],
    ['quotes are', ['"Сферум"', 'кнопку "Да"'], ['«Сферум»', 'спецсимволы (! " # $ % \' () *)']],
    ['nested', ['«Добавление профиля «Сферум»»', '“Сферум”'], ['«Добавление профиля „Сферум“»', '«Да» и «Нет»']],
    ['Сферум has', ['привязать аккаунт «Сферум»', '«Сферум» — платформа'], ['вкладку «Сферум»', 'в разделе «Сферум»', 'к Сферум']],
    ['учётная запись', ['ваш аккаунт МЭШ', 'аккаунт журнала', 'учебный аккаунт Сферум в MAX', 'учебного аккаунта', 'профиль VK ID'], [MAX_SEED_BUTTON, 'аккаунт VK ID', 'учебный профиль в VK Мессенджере по VK ID']],
    ['a phone', ['+7 952 111-11-11', 'в формате +7 (9XX) XXX-XX-XX.', '+7(9XX) XXX-XX-XX'], ['в формате +7\u00a0(9XX)\u00a0XXX\u2011XX\u2011XX.', '+7\u00a0(952)\u00a0123\u201145\u201167']],
    ['a text of more', ['Вам поступит звонок. Введите 4 цифры', 'Вы переведены! Ниже чаты', 'Не удалось связаться с VK ID. Попробуйте ещё раз'], ['Ф.\u00a0И.\u00a0О. должны быть настоящими', 'Яндекс.Браузер', 'Код отправлен. Введите его.']],
  ];
  for (const [name, banned, allowed] of cases) {
    it(name, () => {
      for (const value of banned) assert.ok(catches(name, value), `should catch «${value}»`);
      for (const value of allowed) assert.ok(!catches(name, value), `should allow «${value}»`);
    });
  }

  it('messages, titles', () => {
    assert.ok(catches('a message', 'Мы отправили код', 'codeEmailText'));
    assert.ok(catches('a message', 'Повторите позже', 'errSomething'));
    assert.ok(!catches('a message', 'Мы отправили код.', 'codeEmailText'));
    assert.ok(!catches('a message', 'Не удалось загрузить данные', 'errorTitle'));
    assert.ok(!catches('a message', 'В формате +7', 'phoneHint'));
    assert.ok(catches('a title', 'Введите пароль.', 'passwordTitle'));
    assert.ok(!catches('a title', 'Отвязать учётную запись?', 'unlinkTitle'));
  });
});

describe('every Russian text of the kit follows the word table and rules', () => {
  it(`scans ${RU.length} texts`, () => assert.ok(RU.length > 200));
  for (const r of RULES) {
    it(r.name, () => {
      const problems = RU.flatMap((text) => {
        const found = r.find(text);
        return found === undefined ? [] : [`${text.where}: «${found}» in «${text.value}»`];
      });
      assert.deepEqual(problems, []);
    });
  }
});

describe('English keeps in step', () => {
  const shared = ['MAX', 'quotes are', 'a phone', 'a text of more', 'a message', 'a title'];
  for (const name of shared) {
    it(rule(name).name, () => {
      const problems = EN.flatMap((text) => (rule(name).find(text) === undefined ? [] : [`${text.where}: «${text.value}»`]));
      assert.deepEqual(problems, []);
    });
  }

  it('a sentence in Russian is a sentence in English (both end with a full stop, or neither does)', () => {
    const english = new Map(EN.map((t) => [t.where, t.value]));
    const problems = RU.flatMap((t) => {
      const e = english.get(t.where);
      if (e === undefined) return t.key === 'serviceName' ? [] : [`${t.where}: no English text`];
      return TERMINATOR.test(t.value) === TERMINATOR.test(e) ? [] : [`${t.where}: «${t.value}» / «${e}»`];
    });
    assert.deepEqual(problems, []);
  });
});

describe('timers read as the manuals write them', () => {
  const t = new Translator('ru', flowMessages);
  it('м:сс, minutes unpadded', () => {
    assert.deepEqual([0, 5, 56, 60, 113, 291, 720].map((s) => t.clock(s)), ['0:00', '0:05', '0:56', '1:00', '1:53', '4:51', '12:00']);
    assert.equal(t.clock(55.2), '0:56', 'a started second counts as whole');
  });
  it('«Отправить SMS через 1:53», «Отправить код повторно через 4:51», «Звонок поступит в течение 0:56»', () => {
    assert.equal(t.t('codeResendSmsIn', { time: t.clock(113) }), 'Отправить SMS через 1:53');
    assert.equal(t.t('codeResendEmailIn', { time: t.clock(291) }), 'Отправить код повторно через 4:51');
    assert.equal(t.t('codeResendIn', { time: t.clock(291) }), 'Отправить код повторно через 4:51');
    assert.equal(t.t('codeCallIn', { time: t.clock(56) }), 'Звонок поступит в течение 0:56');
  });
});

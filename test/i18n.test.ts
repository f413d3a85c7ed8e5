import { expect, fixture, html } from '@open-wc/testing';
import { en } from '../src/i18n/en.js';
import { flowEn } from '../src/i18n/flow-en.js';
import { flowRu } from '../src/i18n/flow-ru.js';
import { flowMessages } from '../src/i18n/flow.js';
import { listsEn } from '../src/i18n/lists-en.js';
import { listsRu } from '../src/i18n/lists-ru.js';
import { pluralCategoryRu } from '../src/i18n/plural.js';
import { ru } from '../src/i18n/ru.js';
import { extrasEn } from '../src/conference-extras/extras-en.js';
import { extrasRu } from '../src/conference-extras/extras-ru.js';
import { Translator, loadLocale, nearestLang, toLocale } from '../src/i18n/translator.js';
import { presets } from '../src/presets/presets.js';

before(() => loadLocale('en'));

const keysOf = (o: object) => Object.keys(o).sort();

const PAIRS: readonly (readonly [string, object, object])[] = [
  ['core', ru, en],
  ['flow', flowRu, flowEn],
  ['lists', listsRu, listsEn],
  ...Object.values(presets).map((p) => [`preset ${p.id}`, p.texts.ru ?? {}, p.texts.en ?? {}] as const),
  ['conference extras', extrasRu, extrasEn],
];

describe('i18n dictionaries', () => {
  for (const [name, reference, english] of PAIRS) {
    it(`${name}: Russian and English have exactly the same keys`, () => {
      const missingInEn = keysOf(reference).filter((k) => !(k in english));
      const missingInRu = keysOf(english).filter((k) => !(k in reference));
      expect(missingInEn, 'missing in en').to.deep.equal([]);
      expect(missingInRu, 'missing in ru').to.deep.equal([]);
    });

    it(`${name}: each English text is of the same kind as the Russian one (a text, or a plural with every form)`, () => {
      for (const key of keysOf(reference)) {
        const r = (reference as Record<string, unknown>)[key];
        const e = (english as Record<string, unknown>)[key];
        expect(typeof e, key).to.equal(typeof r);
        if (typeof r === 'object') expect(keysOf(e as object), key).to.deep.equal(keysOf(r as object));
      }
    });
  }

  it('every preset names its service in both languages', () => {
    for (const preset of Object.values(presets)) {
      expect(preset.serviceName.ru.trim(), preset.id).not.to.equal('');
      expect(preset.serviceName.en.trim(), preset.id).not.to.equal('');
    }
  });

  it('no key is defined in two packs', () => {
    expect(keysOf(ru).filter((k) => k in flowRu || k in listsRu)).to.deep.equal([]);
    expect(keysOf(flowRu).filter((k) => k in listsRu)).to.deep.equal([]);
    expect(keysOf(extrasRu).filter((k) => k in ru || k in flowRu || k in listsRu)).to.deep.equal([]);
  });

  it('no text is empty, and plural messages have every form in both languages', () => {
    for (const dict of [ru, en, flowRu, flowEn, listsRu, listsEn, extrasRu, extrasEn]) {
      for (const [key, value] of Object.entries(dict)) {
        if (typeof value === 'string') expect(value.trim(), key).not.to.equal('');
        else {
          for (const form of ['one', 'few', 'many', 'other'] as const) {
            expect(value[form].trim(), `${key}.${form}`).not.to.equal('');
            // Every plural is a phrase with its number, except the word a card puts after one.
            if (!key.endsWith('Unit')) expect(value[form], `${key}.${form}`).to.contain('{n}');
          }
        }
      }
    }
  });

  it('placeholders match between languages', () => {
    const placeholders = (v: unknown) => JSON.stringify(v).match(/\{\w+\}/g)?.sort() ?? [];
    for (const [, reference, english] of PAIRS) {
      for (const key of keysOf(reference)) {
        const r = (reference as Record<string, unknown>)[key];
        const e = (english as Record<string, unknown>)[key];
        expect(new Set(placeholders(e)), key).to.deep.equal(new Set(placeholders(r)));
      }
    }
  });

  it('keeps the seeds\u2019 texts, with ё and the word table applied (docs/copy.md)', () => {
    expect(ru.linkedPhoneLabel).to.equal('Телефон, привязанный к Сферум');
    expect(ru.goToSferum).to.equal('Перейти в Сферум');
    expect(ru.unlink).to.equal('Отвязать учётную запись');
    expect(ru.entryActionMax).to.equal('Привязать учебный аккаунт Сферум');
    expect(flowRu.maxSubmit).to.equal('Привязать учебный аккаунт Сферум');
    expect(flowRu.vkidPanelPoint2).to.equal('Общение в защищённом от посторонних лиц пространстве');
    expect(flowRu.aboutBirthDate).to.equal('Дата рождения');
    expect(flowRu.aboutDateFuture).to.match(/^Дата рождения /);
    expect(ru.vpnHint).to.equal('Привязка не работает при подключении VPN.');
  });

  it('shows flow texts through their pack, and a missing pack’s key as the key', () => {
    expect(new Translator('ru', flowMessages).t('phoneEmpty')).to.equal(flowRu.phoneEmpty);
    expect(new Translator('en', flowMessages).t('phoneEmpty')).to.equal(flowEn.phoneEmpty);
    expect(new Translator('ru').t('phoneEmpty')).to.equal('phoneEmpty');
  });

  it('while a pack\u2019s English loads, its Russian stands in, plurals too; a missing plural is its key, never a crash', () => {
    // A list on screen when the page switches to English renders once before the pack's English arrives.
    const loading = { ru: listsRu };
    expect(new Translator('en', loading).plural('chatsFound', 1)).to.equal('Найден 1 чат');
    expect(new Translator('en', loading).plural('chatsFound', 3)).to.equal('Найдено 3 чата');
    expect(new Translator('en', loading).t('chatsSearch')).to.equal(listsRu.chatsSearch);
    expect(new Translator('en').plural('chatsFound', 3)).to.equal('chatsFound');
  });
});

describe('Russian plurals', () => {
  const table: [number, string][] = [
    [0, 'many'], [1, 'one'], [2, 'few'], [3, 'few'], [4, 'few'], [5, 'many'], [10, 'many'],
    [11, 'many'], [12, 'many'], [13, 'many'], [14, 'many'], [15, 'many'], [20, 'many'],
    [21, 'one'], [22, 'few'], [24, 'few'], [25, 'many'], [101, 'one'], [111, 'many'], [112, 'many'],
    [121, 'one'], [1001, 'one'], [1.5, 'other'],
  ];
  for (const [n, category] of table) {
    it(`${n} → ${category}`, () => expect(pluralCategoryRu(n)).to.equal(category));
  }

  it('writes counts as phrases', () => {
    const t = new Translator('ru');
    expect(t.plural('chatsCount', 1)).to.equal('1 чат');
    expect(t.plural('chatsCount', 3)).to.equal('3 чата');
    expect(t.plural('chatsCount', 11)).to.equal('11 чатов');
    expect(t.plural('chatsCount', 21)).to.equal('21 чат');
    expect(t.plural('chatsCount', 1000)).to.equal('1\u00a0000 чатов');
    expect(new Translator('en').plural('chatsCount', 1)).to.equal('1 chat');
    expect(new Translator('en').plural('chatsCount', 2)).to.equal('2 chats');
  });

  it('writes waits and countdowns as м:сс', () => {
    const t = new Translator('ru');
    expect(t.clock(113)).to.equal('1:53');
    expect(t.clock(56)).to.equal('0:56');
    expect(t.clock(291)).to.equal('4:51');
    expect(t.clock(30)).to.equal('0:30');
  });
});

describe('Translator', () => {
  it('lets later layers override single keys', () => {
    const t = new Translator('ru', { ru: { entryTitle: 'Пресет' } }, { ru: { entryTitle: 'Хост' } }, undefined);
    expect(t.t('entryTitle')).to.equal('Хост');
    expect(t.t('retry')).to.equal('Повторить');
    expect(new Translator('en', { ru: { retry: 'X' } }).t('retry')).to.equal('Try again');
  });

  it('fills placeholders', () => {
    expect(new Translator('ru').t('errorRateLimited', { time: '0:30' })).to.equal('Слишком много запросов. Повторите через 0:30.');
  });

  it('maps language tags to a supported locale', () => {
    expect(toLocale('ru-RU')).to.equal('ru');
    expect(toLocale('EN_gb')).to.equal('en');
    expect(toLocale('de')).to.equal(undefined);
    expect(toLocale(null)).to.equal(undefined);
  });

  it('finds the nearest lang across shadow roots', async () => {
    const outer = await fixture(html`<div lang="en"><span></span></div>`);
    const host = outer.querySelector('span')!;
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('b');
    root.append(inner);
    expect(nearestLang(inner)).to.equal('en');
  });
});

import { describe, expect, it } from 'vitest';
import { amountInWords, numberInWords } from '../../renderer/print/amount-in-words';

const dh = (dirhams: number, centimes = 0) => dirhams * 100 + centimes;

describe('amounts in words, in French', () => {
  it.each([
    [0, 'zéro'],
    [1, 'un'],
    [16, 'seize'],
    [17, 'dix-sept'],
    [21, 'vingt et un'],
    [22, 'vingt-deux'],
    [61, 'soixante et un'],
    [70, 'soixante-dix'],
    [71, 'soixante et onze'],
    [77, 'soixante-dix-sept'],
    [80, 'quatre-vingts'],
    [81, 'quatre-vingt-un'],
    [90, 'quatre-vingt-dix'],
    [91, 'quatre-vingt-onze'],
    [99, 'quatre-vingt-dix-neuf'],
    [100, 'cent'],
    [101, 'cent un'],
    [200, 'deux cents'],
    [280, 'deux cent quatre-vingts'],
    [1000, 'mille'],
    [1001, 'mille un'],
    [2026, 'deux mille vingt-six'],
    [80_000, 'quatre-vingt mille'],
    [200_000, 'deux cent mille'],
    [1_000_000, 'un million'],
    [200_000_000, 'deux cents millions'],
    [1_200_300, 'un million deux cent mille trois cents'],
    [2_000_000_000, 'deux milliards'],
  ])('%i is "%s"', (n, words) => {
    expect(numberInWords(n, 'fr')).toBe(words);
  });

  it.each([
    [dh(0), 'zéro dirham'],
    [dh(1), 'un dirham'],
    [dh(21), 'vingt et un dirhams'],
    [dh(80), 'quatre-vingts dirhams'],
    [dh(200), 'deux cents dirhams'],
    [dh(2026), 'deux mille vingt-six dirhams'],
    [dh(1_000_000), 'un million de dirhams'],
    [dh(1_000_100), 'un million cent dirhams'],
    [dh(150, 50), 'cent cinquante dirhams et cinquante centimes'],
    [dh(1, 1), 'un dirham et un centime'],
    [dh(0, 5), 'cinq centimes'],
  ])('%i centimes are "%s"', (centimes, words) => {
    expect(amountInWords(centimes, 'fr')).toBe(words);
  });
});

describe('amounts in words, in Arabic', () => {
  it.each([
    [0, 'صفر'],
    [1, 'واحد'],
    [11, 'أحد عشر'],
    [12, 'اثنا عشر'],
    [21, 'واحد وعشرون'],
    [71, 'واحد وسبعون'],
    [80, 'ثمانون'],
    [91, 'واحد وتسعون'],
    [100, 'مائة'],
    [200, 'مائتان'],
    [350, 'ثلاثمائة وخمسون'],
    [1000, 'ألف'],
    [2026, 'ألفان وستة وعشرون'],
    [3000, 'ثلاثة آلاف'],
    [11_000, 'أحد عشر ألفًا'],
    [200_000, 'مائتا ألف'],
    [1_000_000, 'مليون'],
    [5_000_000, 'خمسة ملايين'],
  ])('%i is "%s"', (n, words) => {
    expect(numberInWords(n, 'ar')).toBe(words);
  });

  it.each([
    [dh(0), 'صفر درهم'],
    [dh(1), 'درهم واحد'],
    [dh(2), 'درهمان'],
    [dh(3), 'ثلاثة دراهم'],
    [dh(10), 'عشرة دراهم'],
    [dh(21), 'واحد وعشرون درهمًا'],
    [dh(71), 'واحد وسبعون درهمًا'],
    [dh(80), 'ثمانون درهمًا'],
    [dh(91), 'واحد وتسعون درهمًا'],
    [dh(100), 'مائة درهم'],
    [dh(200), 'مائتا درهم'],
    [dh(1000), 'ألف درهم'],
    [dh(2000), 'ألفا درهم'],
    [dh(2026), 'ألفان وستة وعشرون درهمًا'],
    [dh(1200), 'ألف ومائتا درهم'],
    [dh(1_000_000), 'مليون درهم'],
    [dh(150, 50), 'مائة وخمسون درهمًا وخمسون سنتيمًا'],
    [dh(1, 1), 'درهم واحد وسنتيم واحد'],
    [dh(5, 2), 'خمسة دراهم وسنتيمان'],
    [dh(0, 5), 'خمسة سنتيمات'],
  ])('%i centimes are "%s"', (centimes, words) => {
    expect(amountInWords(centimes, 'ar')).toBe(words);
  });
});

describe('what is not an amount', () => {
  it.each([-1, 1.5, Number.NaN, 1e15])('refuses %s rather than write something wrong', (n) => {
    expect(() => amountInWords(n, 'fr')).toThrow(RangeError);
    expect(() => numberInWords(n, 'ar')).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { neutralizeFormula, toCsv } from '../../electron/contract/csv';

describe('CSV export helper', () => {
  it('neutralises every cell a spreadsheet would run as a formula', () => {
    for (const cell of ['=1+1', '+33 6 12', '-2+3', '@SUM(A1)', '\t=cmd', '\r=cmd', '=HYPERLINK("http://x")']) {
      expect(neutralizeFormula(cell)).toBe(`'${cell}`);
    }
    for (const cell of ['Entraide Nationale', '', ' =not at start', 'a=b', '0612345678', 'محمد']) {
      expect(neutralizeFormula(cell)).toBe(cell);
    }
  });

  it('writes UTF-8 with a byte order mark, CRLF lines, quoting and the chosen separator', () => {
    const rows = [
      ['Nom', 'Ville'],
      ['=cmd|"/c calc"!A1', 'Oujda; Berkane'],
      ['Caritas, Rabat', null],
      ['Ligne\nsuivante', 'الرباط'],
    ];
    expect(toCsv(rows, ';')).toBe(
      '\uFEFFNom;Ville\r\n"\'=cmd|""/c calc""!A1";"Oujda; Berkane"\r\nCaritas, Rabat;\r\n"Ligne\nsuivante";الرباط\r\n',
    );
    expect(toCsv(rows)).toBe(
      '\uFEFFNom,Ville\r\n"\'=cmd|""/c calc""!A1",Oujda; Berkane\r\n"Caritas, Rabat",\r\n"Ligne\nsuivante",الرباط\r\n',
    );
  });

  it('neutralises a formula even when the cell needs quoting, and numbers are written as text', () => {
    expect(toCsv([['+212,6', -5, 7]], ',')).toBe('\uFEFF"\'+212,6",\'-5,7\r\n');
  });
});

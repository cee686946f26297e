import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDate } from './dates';
import { useMoney } from './money';

/** What an agreement and a sub-grant have paid out and had justified, and what is still due. */
export interface FlowFigures {
  disbursedMinor: number;
  justifiedMinor: number;
  leftToDisburseMinor: number;
  leftToJustifyMinor: number;
  nextTrancheDue: string | null;
  overdueReports: number;
}

/**
 * The figures in one row, led by the amounts the record itself holds (an agreement's total and
 * committed, a sub-grant's amount); each money cell is named by `data-figure`.
 */
export function FiguresTable({ lead, figures, currency }: { lead: { figure: 'total' | 'committed' | 'amount'; minor: number }[]; figures: FlowFigures; currency: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const date = useDate();
  const m = (minor: number) => money(minor, currency);
  return (
    <Table withTableBorder aria-label={t('grants.dashboard.figures')}>
      <Table.Thead>
        <Table.Tr>
          {lead.map((l) => (
            <Table.Th key={l.figure}>{t(`grants.figures.${l.figure}`)}</Table.Th>
          ))}
          <Table.Th>{t('grants.figures.disbursed')}</Table.Th>
          <Table.Th>{t('grants.figures.justified')}</Table.Th>
          <Table.Th>{t('grants.figures.leftToDisburse')}</Table.Th>
          <Table.Th>{t('grants.figures.leftToJustify')}</Table.Th>
          <Table.Th>{t('grants.figures.nextTranche')}</Table.Th>
          <Table.Th>{t('grants.figures.overdueReports')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Table.Tr>
          {lead.map((l) => (
            <Table.Td key={l.figure} data-figure={l.figure}>
              {m(l.minor)}
            </Table.Td>
          ))}
          <Table.Td data-figure="disbursed">{m(figures.disbursedMinor)}</Table.Td>
          <Table.Td data-figure="justified">{m(figures.justifiedMinor)}</Table.Td>
          <Table.Td data-figure="leftToDisburse">{m(figures.leftToDisburseMinor)}</Table.Td>
          <Table.Td data-figure="leftToJustify">{m(figures.leftToJustifyMinor)}</Table.Td>
          <Table.Td>{date(figures.nextTrancheDue)}</Table.Td>
          <Table.Td>{figures.overdueReports}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

import { describe, expect, it } from 'vitest';
import { classifyFailedRun, countMonthsSpanned, explainNotEnoughData, NO_ORDERS_MESSAGE } from '@/lib/predictions/run-outcome';

// The import e2e workspace: 4 customers, 2 of them repeat buyers, orders from Jan to Mar 2024.
const SMALL = { customers: 4, repeatBuyers: 2, historyMonths: 3 };
// CDNOW: 23,570 customers, 18 months (Jan 1997 – Jun 1998).
const LARGE = { customers: 23570, repeatBuyers: 9000, historyMonths: 18 };

// The guide is the import report's bar: 50 repeat buyers and 90 days (3 calendar months).
describe('classifying a failed model run', () => {
  it('puts a fit the model refused for want of repeat buyers down to data, whatever the size', () => {
    const run = { message: 'not enough repeat purchases to fit: 0 of 3 customers bought twice', converged: null };
    expect(classifyFailedRun(run, SMALL)).toBe('not-enough-data');
    expect(classifyFailedRun(run, LARGE)).toBe('not-enough-data');
    expect(classifyFailedRun({ message: NO_ORDERS_MESSAGE, converged: null }, SMALL)).toBe('not-enough-data');
  });

  it('puts a fit that did not converge down to data only below the guide', () => {
    const run = { message: 'mbgnbd fit did not converge: parameter a ran off towards zero; the data do not pin the model down', converged: false };
    expect(classifyFailedRun(run, SMALL)).toBe('not-enough-data');
    expect(classifyFailedRun(run, { ...LARGE, historyMonths: 2 })).toBe('not-enough-data');
    expect(classifyFailedRun(run, { ...LARGE, repeatBuyers: 49 })).toBe('not-enough-data');
    expect(classifyFailedRun(run, LARGE)).toBe('error');
  });

  it('keeps unexpected failures and unusable predictions as errors', () => {
    expect(classifyFailedRun({ message: 'stopped by an unexpected error (details in the server log)', converged: null }, SMALL)).toBe('error');
    expect(classifyFailedRun({ message: 'the fitted model gave no usable prediction for 2 of 4 customers', converged: null }, SMALL)).toBe('error');
    expect(classifyFailedRun({ message: null, converged: null }, SMALL)).toBe('error');
  });
});

describe('explaining a workspace with too little data', () => {
  it('states what the workspace has against the guide, in the right number', () => {
    expect(explainNotEnoughData(SMALL)).toBe(
      'This workspace has 2 repeat buyers among 4 customers, over 3 months of orders. Predictions learn from customers who come back, so as a rough guide they need at least 50 repeat buyers and 3 months of history. The historic metrics below are complete; predictions will appear after an import brings more history.',
    );
    expect(explainNotEnoughData({ customers: 1, repeatBuyers: 1, historyMonths: 1 })).toMatch(/^This workspace has 1 repeat buyer among 1 customer, over 1 month of orders\./);
    expect(explainNotEnoughData({ customers: 2357, repeatBuyers: 0, historyMonths: 1 })).toMatch(/^This workspace has 0 repeat buyers among 2,357 customers,/);
  });

  it('counts calendar months inclusively across years', () => {
    expect(countMonthsSpanned('2024-01', '2024-03')).toBe(3);
    expect(countMonthsSpanned('1997-01', '1998-06')).toBe(18);
    expect(countMonthsSpanned('2024-05', '2024-05')).toBe(1);
    expect(countMonthsSpanned(undefined, '2024-05')).toBe(0);
  });
});

// What the page must show for the filings the specs use. Every expected value
// was read by a person from the XML file itself, not from the app's output.

import assert from 'node:assert/strict';

/** tests/fixtures/form4-fictional.xml: our own fictional Form 4. */
export const FICTIONAL_FORM4 = 'form4-fictional.xml';

export function assertFictionalForm4(filing) {
  assert.equal(filing.form, 'Form 4');
  assert.deepEqual(filing.issuer, { name: 'EXAMPLE WIDGETS INC', ticker: 'XWID', cik: '0009990001' });
  assert.deepEqual(filing.owners, [
    { name: 'Doe Jane Q', cik: '0009990002', relationship: 'Director, Officer (Chief Widget Officer)' },
  ]);

  const [exercise, sale, holding, ...rest] = filing.tableI;
  assert.equal(rest.length, 0, 'Table I has three rows');
  assert.equal(exercise.kind, 'transaction');
  assert.deepEqual(exercise.cells.TransactionCode, { value: 'M', marks: '' });
  assert.deepEqual(exercise.cells.TransactionShares, { value: '2500', marks: '' });
  assert.deepEqual(exercise.cells.TransactionPricePerShare, { value: '12.40', marks: '' }, 'written scale kept');
  assert.deepEqual(exercise.cells.SharesOwnedFollowingTransaction, { value: '18750', marks: '' });
  assert.deepEqual(sale.cells.TransactionCode, { value: 'S', marks: '(1)' }, 'transactionCoding footnote');
  assert.deepEqual(sale.cells.TransactionPricePerShare, { value: '47.1825', marks: '(2)' });
  assert.deepEqual(sale.cells.TransactionAcquiredDisposedCode, { value: 'D', marks: '' });
  assert.deepEqual(sale.cells.SharesOwnedFollowingTransaction, { value: '17550', marks: '' });
  assert.equal(holding.kind, 'holding');
  assert.deepEqual(holding.cells.SharesOwnedFollowingTransaction, { value: '3000.5', marks: '' });
  assert.deepEqual(holding.cells.DirectOrIndirectOwnership, { value: 'I', marks: '' });
  assert.deepEqual(holding.cells.NatureOfOwnership, { value: 'By Family Trust', marks: '(3)' });
  assert.equal(holding.cells.TransactionShares, undefined, 'a holding has no transaction cells');

  assert.equal(filing.tableII.length, 1);
  const option = filing.tableII[0].cells;
  assert.deepEqual(option.SecurityTitle, { value: 'Stock Option (right to buy)', marks: '' });
  assert.deepEqual(option.ConversionOrExercisePrice, { value: '12.40', marks: '' });
  assert.deepEqual(option.ExerciseDate, { value: '', marks: '(4)' }, 'a value given only as a footnote');
  // Dates as the form prints them (MM/DD/YYYY); the XML says 2030-06-30.
  assert.deepEqual(option.ExpirationDate, { value: '06/30/2030', marks: '' });
  assert.deepEqual(option.UnderlyingSecurityShares, { value: '2500', marks: '' });
  assert.deepEqual(option.SharesOwnedFollowingTransaction, { value: '7500', marks: '' });

  assert.equal(filing.footnotes.length, 4);
  assert.match(filing.footnotes[1], /^\(2\) Weighted average price/);
}

/** ../shared/corpus/xml/0000899243-23-008179.xml: Tesla, Elon Musk, 2023-03-08 option exercises. */
export const TESLA_FORM4 = 'corpus/xml/0000899243-23-008179.xml';

export function assertTeslaForm4(filing) {
  assert.equal(filing.form, 'Form 4');
  assert.deepEqual(filing.issuer, { name: 'Tesla, Inc.', ticker: 'TSLA', cik: '0001318605' });
  assert.deepEqual(filing.owners, [
    { name: 'Musk Elon', cik: '0001494730', relationship: 'Director, Officer (CEO), 10% Owner' },
  ]);
  assert.equal(filing.tableI.length, 2);
  const [first, second] = filing.tableI.map((row) => row.cells);
  assert.deepEqual(first.TransactionShares, { value: '5250', marks: '' });
  assert.deepEqual(first.TransactionPricePerShare, { value: '2.79', marks: '' });
  assert.deepEqual(first.SharesOwnedFollowingTransaction, { value: '411056826', marks: '' });
  assert.deepEqual(first.NatureOfOwnership, { value: 'by Trust', marks: '(1)' });
  assert.deepEqual(second.TransactionPricePerShare, { value: '6.67', marks: '' });
  assert.deepEqual(second.SharesOwnedFollowingTransaction, { value: '411062076', marks: '' });

  assert.equal(filing.tableII.length, 2);
  const [early, late] = filing.tableII.map((row) => row.cells);
  assert.deepEqual(early.ConversionOrExercisePrice, { value: '2.79', marks: '' });
  assert.deepEqual(early.ExerciseDate, { value: '', marks: '(2)' });
  assert.deepEqual(early.ExpirationDate, { value: '04/08/2023', marks: '' }, 'XML: 2023-04-08');
  assert.deepEqual(early.TransactionPricePerShare, { value: '0.00', marks: '' });
  assert.deepEqual(late.ExerciseDate, { value: '', marks: '(3)' });
  assert.deepEqual(late.ExpirationDate, { value: '06/10/2023', marks: '' }, 'XML: 2023-06-10');
  assert.deepEqual(late.SharesOwnedFollowingTransaction, { value: '0', marks: '' });
  assert.equal(filing.footnotes.length, 3);
}

/** ../shared/corpus/xml/0000070858-25-000310.xml: a joint filing by two 10% owners, no Table II. */
export const JOINT_FORM4 = 'corpus/xml/0000070858-25-000310.xml';

export function assertJointForm4(filing) {
  assert.deepEqual(filing.issuer, {
    name: 'PIMCO NEW YORK MUNICIPAL INCOME FUND II',
    ticker: 'PNI',
    cik: '0001170311',
  });
  assert.deepEqual(
    filing.owners.map((o) => [o.name, o.relationship]),
    [
      ['BANK OF AMERICA CORP /DE/', '10% Owner'],
      ['MERRILL LYNCH, PIERCE, FENNER & SMITH INC.', '10% Owner'],
    ],
  );
  const [bought, sold] = filing.tableI.map((row) => row.cells);
  assert.deepEqual(bought.SecurityTitle, { value: 'COMMON STOCK', marks: '(1)(2)(3)' });
  assert.deepEqual(bought.TransactionCode, { value: 'P', marks: '' });
  assert.deepEqual(bought.TransactionPricePerShare, { value: '6.5158', marks: '' });
  assert.deepEqual(bought.SharesOwnedFollowingTransaction, { value: '105', marks: '' });
  assert.deepEqual(sold.TransactionCode, { value: 'S', marks: '' });
  assert.deepEqual(sold.SharesOwnedFollowingTransaction, { value: '0', marks: '' });
  assert.deepEqual(filing.tableII, []);
}

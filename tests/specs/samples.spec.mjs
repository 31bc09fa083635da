// The sample buttons load their filing: each fictional sample shows the values
// written in it (read from web/samples/*.xml by a person), and the two real
// pastes are read as lossy renderings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withApp } from '../support/harness.mjs';
import { readDocuments } from '../support/page.mjs';
import { pickSample } from '../support/inspector.mjs';

const headings = (page, table) =>
  page.$$eval(`[data-test=${table}] thead tr:first-child th`, (ths) => ths.map((th) => th.textContent.trim()));

test('the Form 4 sample with options shows both tables, footnotes and the owner', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    await pickSample(app.page, 'form4-options');
    const [document] = await readDocuments(app.page);
    assert.equal(document.name, 'form4-options-fictional.xml');
    assert.equal(document.representation, 'ownership XML');
    const [filing] = document.filings;
    assert.equal(filing.form, 'Form 4');
    assert.deepEqual(filing.issuer, { name: 'EXAMPLE ORCHARD SYSTEMS INC', ticker: 'XORC', cik: '0009990101' });
    assert.deepEqual(filing.owners, [
      { name: 'Roe Richard', cik: '0009990102', relationship: 'Officer (Chief Financial Officer)' },
    ]);
    const [exercise, sale, trust] = filing.tableI;
    assert.deepEqual(exercise.cells.TransactionCode, { value: 'M', marks: '' });
    assert.deepEqual(exercise.cells.TransactionDate, { value: '05/13/2024', marks: '' });
    assert.deepEqual(sale.cells.TransactionCode, { value: 'S', marks: '(1)' });
    assert.deepEqual(sale.cells.TransactionPricePerShare, { value: '31.2044', marks: '(2)' });
    assert.deepEqual(sale.cells.SharesOwnedFollowingTransaction, { value: '20000', marks: '' });
    assert.equal(trust.kind, 'holding');
    assert.deepEqual(trust.cells.NatureOfOwnership, { value: 'By Roe Family Trust', marks: '(3)' });
    const [option, units] = filing.tableII;
    assert.deepEqual(option.cells.ConversionOrExercisePrice, { value: '8.25', marks: '' });
    assert.deepEqual(option.cells.ExerciseDate, { value: '', marks: '(4)' });
    assert.deepEqual(option.cells.ExpirationDate, { value: '02/15/2031', marks: '' });
    assert.deepEqual(units.cells.ConversionOrExercisePrice, { value: '', marks: '(5)' });
    assert.deepEqual(units.cells.UnderlyingSecurityShares, { value: '2500', marks: '' });
    assert.equal(filing.footnotes.length, 6);
    // The printed boxes of Form 4, in order (4_X09.xsl).
    assert.deepEqual(await headings(app.page, 'table-i'), [
      '1. Title of security',
      '2. Transaction date',
      '2A. Deemed execution date',
      '3. Transaction code',
      '4. Securities acquired (A) or disposed of (D)',
      '5. Amount owned following',
      '6. Ownership form',
      '7. Nature of indirect ownership',
    ]);
    assert.equal(await app.page.textContent('[data-test=rule-10b5-1]'), 'Checked');
    assert.equal(await app.page.textContent('[data-test=amendment-status]'), 'Original');
  });
});

test('the Form 3 sample shows holdings in the columns of Form 3', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    await pickSample(app.page, 'form3');
    const [filing] = (await readDocuments(app.page))[0].filings;
    assert.equal(filing.form, 'Form 3');
    assert.deepEqual(filing.owners.map((o) => o.relationship), ['Director']);
    assert.deepEqual(
      filing.tableI.map((r) => [r.kind, r.cells.SharesOwnedFollowingTransaction.value, r.cells.DirectOrIndirectOwnership.value]),
      [['holding', '1200', 'D'], ['holding', '350.25', 'I']],
    );
    // 3_X07.xsl: Table I has four columns, Table II puts the conversion price fourth.
    assert.deepEqual(await headings(app.page, 'table-i'), [
      '1. Title of security',
      '2. Amount beneficially owned',
      '3. Ownership form',
      '4. Nature of indirect ownership',
    ]);
    assert.deepEqual(await headings(app.page, 'table-ii'), [
      '1. Title of derivative security',
      '2. Date exercisable and expiration date',
      '3. Title and amount of underlying securities',
      '4. Conversion or exercise price',
      '5. Ownership form',
      '6. Nature of indirect ownership',
    ]);
    assert.deepEqual(filing.tableII[0].cells.ExpirationDate, { value: '01/08/2033', marks: '' });
    assert.equal(await app.page.textContent('[data-test=period]'), '01/08/2024');
    assert.equal(await app.page.locator('[data-test=table-i] [data-test=holding-badge]').count(), 2, 'each holding labelled');
  });
});

test('the Form 5 sample shows its fiscal year and its gift', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    await pickSample(app.page, 'form5');
    const [filing] = (await readDocuments(app.page))[0].filings;
    assert.equal(filing.form, 'Form 5');
    const [gift, small, plan] = filing.tableI;
    assert.deepEqual(gift.cells.TransactionCode, { value: 'G', marks: '(1)' });
    assert.deepEqual(small.cells.TransactionPricePerShare, { value: '20.00', marks: '' });
    assert.deepEqual(plan.cells.SharesOwnedFollowingTransaction, { value: '1318.442', marks: '(2)' });
    assert.deepEqual(filing.tableII, []);
    assert.equal(await app.page.textContent('[data-test=period]'), '12/31/2023');
    assert.equal(await app.page.textContent('[data-test=rule-10b5-1]'), 'Not checked');
  });
});

test('the joint filing sample shows three owners and the late flag', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    await pickSample(app.page, 'joint');
    const [filing] = (await readDocuments(app.page))[0].filings;
    assert.deepEqual(
      filing.owners.map((o) => [o.name, o.relationship]),
      [
        ['EXAMPLE VENTURE PARTNERS III LP', '10% Owner'],
        ['EXAMPLE VENTURE GP III LLC', '10% Owner'],
        ['Doe John', 'Director, Other (Managing member of the general partner)'],
      ],
    );
    // Bought Monday 06/03/2024, due Wednesday 06/05, signed Monday 06/10: three business days late.
    assert.equal(await app.page.textContent('[data-test=late-flag]'), 'Late: 3 business days');
    assert.equal(await app.page.locator('[data-test=signature]').count(), 3);
  });
});

test('the malformed sample shows what it could read and every problem, located', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    await pickSample(app.page, 'malformed');
    const [document] = await readDocuments(app.page);
    const [filing] = document.filings;
    assert.equal(filing.issuer.name, 'EXAMPLE BROKEN TOYS INC');
    assert.deepEqual(filing.tableI[0].cells.TransactionShares, { value: '', marks: '' }, '“1,2x0” is no number');
    const found = document.diagnostics.map((d) => [d.code, d.location]);
    // Places read off web/samples/form4-malformed-fictional.xml.
    for (const expected of [
      ['invalid-value', '9:21'], // periodOfReport 2024-02-30
      ['unplaced-content', '28:13'], // <transactionDat>
      ['invalid-value', '35:43'], // transactionShares 1,2x0
      ['invalid-value', '40:57'], // acquired/disposed X
    ]) {
      assert.ok(found.some(([c, l]) => c === expected[0] && l === expected[1]), `${expected} in ${JSON.stringify(found)}`);
    }
    assert.ok(document.diagnostics.some((d) => d.code === 'footnote-undefined' && /F9/.test(d.message)));
    assert.equal(await app.page.locator('[data-footnote=F9].undefined').count(), 1, 'the undefined mark is marked');
  });
});

test('the two real pastes are read as lossy renderings, inferred values marked', { timeout: 60_000 }, async () => {
  await withApp(async ({ app }) => {
    await pickSample(app.page, 'seed-2013-11');
    let [document] = await readDocuments(app.page);
    assert.equal(document.name, '003_20df6d6f311adac3.txt');
    assert.equal(document.representation, 'Markdown');
    assert.equal(document.filings[0].issuer.ticker, 'QLYS');
    // The amount of the sale is not shown in this paste; the page says it was inferred, and how.
    const inferred = app.page.locator('[data-test=table-i] td.origin-inferred');
    assert.ok((await inferred.count()) > 0);
    assert.match(await inferred.first().getAttribute('title'), /^Inferred /);
    assert.equal(await app.page.locator('[data-test=table-i] [data-test=origin-legend]').count(), 1);

    await pickSample(app.page, 'seed-2013-10');
    await app.page.waitForSelector('text=004_6dc50de75c747898.txt');
    [document] = await readDocuments(app.page);
    assert.equal(document.filings[0].owners[0].name, 'Thakar Sumedh S');
    assert.deepEqual(document.filings[0].tableI[1].cells.TransactionPricePerShare, { value: '21.0773', marks: '(2)' });
  });
});

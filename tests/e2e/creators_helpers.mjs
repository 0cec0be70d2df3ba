// Finding and opening creators in the Creators table, shared by the creator tests.

export const table = (page) => page.getByTestId('creator-table');
export const bodyRows = (page) => table(page).locator('tbody tr');

/** Shows only `handle` in the table (by search) and returns its row. */
export async function findCreator(page, handle) {
  await page.getByLabel('Search', { exact: true }).fill(handle);
  const row = bodyRows(page).filter({ has: page.getByRole('button', { name: handle, exact: true }) });
  await row.waitFor();
  return row;
}

/** Opens the detail view of `handle` and returns it. */
export async function openCreator(page, handle) {
  const row = await findCreator(page, handle);
  await row.getByRole('button', { name: handle, exact: true }).click();
  const detail = page.getByTestId('creator-detail');
  await detail.getByRole('heading', { name: handle, exact: true }).waitFor();
  return detail;
}

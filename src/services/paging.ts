/** Server-side paging, shared by every list. */
export interface PageRequest {
  page: number;
  size: number;
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
  pages: number;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** No list has this many pages; a larger ?page= (e.g. 99999999999999999999, whose offset PostgreSQL cannot hold) is read as the last one possible. */
export const MAX_PAGE = 1_000_000;

/** Reads ?page= and ?size= leniently: anything odd falls back to the defaults. */
export function pageRequestFrom(params: URLSearchParams, defaultSize = DEFAULT_PAGE_SIZE): PageRequest {
  const page = Number.parseInt(params.get("page") ?? "", 10);
  const size = Number.parseInt(params.get("size") ?? "", 10);
  return {
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
    size: Number.isFinite(size) && size >= 1 ? Math.min(size, MAX_PAGE_SIZE) : defaultSize,
  };
}

export function pageOf<T>(items: T[], total: number, req: PageRequest): Page<T> {
  return { items, total, page: req.page, size: req.size, pages: Math.max(1, Math.ceil(total / req.size)) };
}

/** For `query.$call(inPage(page))`: only the rows of one page (LIMIT size OFFSET (page − 1) × size) of an ordered query. */
export function inPage(page: PageRequest) {
  return <Q extends { limit(n: number): Q; offset(n: number): Q }>(query: Q): Q => query.limit(page.size).offset((page.page - 1) * page.size);
}

/** One page of a list: the total and the page's rows, fetched together. */
export async function fetchPage<T>(page: PageRequest, parts: { total: Promise<{ total: string | number | bigint }>; items: Promise<T[]> }): Promise<Page<T>> {
  const [{ total }, items] = await Promise.all([parts.total, parts.items]);
  return pageOf(items, Number(total), page);
}

/**
 * The batches of a key-paged read (`fetch(after)` returns the rows after the last one of the previous batch, at
 * most `size`), each next batch requested while the caller handles the current one: on PostgreSQL the database
 * reads the next batch on another pooled connection while Node writes out this one. Ends after a short batch.
 */
export async function* prefetchedBatches<T>(fetch: (after: T | null) => Promise<T[]>, size: number): AsyncGenerator<T[]> {
  let next: Promise<T[]> | null = fetch(null);
  try {
    while (next) {
      const rows: T[] = await next;
      next = rows.length === size ? fetch(rows[rows.length - 1]!) : null;
      if (rows.length > 0) yield rows;
    }
  } finally {
    // A caller that stopped early leaves a batch in flight: its failure is nobody's to report.
    next?.catch(() => {});
  }
}

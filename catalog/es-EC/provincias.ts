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

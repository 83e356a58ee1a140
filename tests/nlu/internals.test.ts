import { parseLabelled } from '../../nlu/data';
import { editDistance, naturalEditDistance } from '../../nlu/text/natural';
import { featureScales } from '../../nlu/classifier/softmax';
import { withTypo } from '../../nlu/classifier/trainer';
import { featuresOf } from '../../nlu/classifier/features';
import { AJENO } from '../../nlu/text/lexicon';
import { buildCorrector, TextPipeline } from '../../nlu/text/pipeline';

describe('editDistance', () => {
  it("agrees with natural's restricted Damerau-Levenshtein distance", () => {
    const words = [
      '',
      'a',
      'clave',
      'calve',
      'reliquidacion',
      'reliquidasion',
      'reinsercion',
      'reinsersion',
      'hola',
      'ohla',
      'abcd',
      'bacd',
      'ca',
      'abc',
    ];
    for (const a of words) for (const b of words) expect(editDistance(a, b)).toBe(naturalEditDistance(a, b));
  });
});

describe('parseLabelled', () => {
  it('reads the {utterances: {intent: [text]}} format', () => {
    expect(parseLabelled({ utterances: { saludo: ['hola'], despedida: ['chao'] } }, 'x')).toEqual([
      { text: 'hola', intent: 'saludo' },
      { text: 'chao', intent: 'despedida' },
    ]);
  });

  it('reads the [{text, intent}] format', () => {
    expect(parseLabelled([{ text: 'hola', intent: 'saludo' }], 'x')).toEqual([{ text: 'hola', intent: 'saludo' }]);
  });

  it('rejects unknown intents and malformed entries', () => {
    expect(() => parseLabelled([{ text: 'hola', intent: 'saludar' }], 'x')).toThrow(/unknown intent/);
    expect(() => parseLabelled([{ text: 3, intent: 'saludo' }], 'x')).toThrow();
    expect(() => parseLabelled({ foo: 1 }, 'x')).toThrow();
  });
});

describe('featureScales', () => {
  it('normalises word and character features as separate groups', () => {
    const x = featureScales(['w:a', 'w:b', 'w:c', 'w:d', 'c:^ab', 'c:abc'], 1.5);
    expect(x[0]).toBeCloseTo(0.5);
    expect(x[4]).toBeCloseTo(1.5 / Math.sqrt(2));
  });
});

describe('withTypo', () => {
  it('puts one typo in the longest word, alternating a swap and a dropped letter', () => {
    expect(withTypo('olvide mi contraseña', 0)).toBe('olvide mi cnotraseña');
    expect(withTypo('olvide mi contraseña', 1)).toBe('olvide mi cotraseña');
    expect(withTypo('ya no', 0)).toBeUndefined();
  });
});

describe('featuresOf: names outside the IESS', () => {
  const pipeline = new TextPipeline(
    buildCorrector(
      ['olvide mi clave del iess', 'licencia de maternidad'],
      AJENO.map((p) => p.join(' ')),
    ),
  );
  const features = (text: string): string[] => featuresOf(pipeline.process(text), []);

  it.each([
    ['olvide la clave de gmail', true],
    ['requisitos del pasaporte', true],
    ['la clave del registro civil', true],
    ['licencia de conducir tipo b', true],
    ['olvide mi clave del iess', false],
    ['licencia de maternidad', false],
    ['registrar mi cuenta bancaria', false],
  ])('"%s" → #ajeno %s', (text, expected) => {
    expect(features(text).includes('#ajeno')).toBe(expected);
  });
});
